// Package sharing declares Get-, Set-, New- and Remove-SharingPolicy: the
// organization's sharing policies, which decide with which external
// domains users may share calendar free/busy information and contacts
// and what anonymous users may see of their calendars (security
// baselines check that the default policy shares nothing with anonymous
// users, or is off); with the default view of their output objects.
package sharing

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// TypeSharingPolicy is the output type of Get-SharingPolicy.
const TypeSharingPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.SharingPolicy"

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-SharingPolicy", "Set-SharingPolicy", "New-SharingPolicy", "Remove-SharingPolicy"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default table of sharing policies.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeSharingPolicy, TypeNames: []string{TypeSharingPolicy}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Domains", Property: "Domains"},
		{Label: "Enabled", Property: "Enabled"},
		{Label: "Default", Property: "Default"},
	}})
}

func commands() []*command.Command {
	get := exo.Declared("Get-SharingPolicy")
	get.Synopsis = "Lists the sharing policies: with which external domains, and anonymous users, people may share calendars and contacts."
	get.OutputType = TypeSharingPolicy
	get.Examples = []command.Example{
		{Code: "Get-SharingPolicy", Remark: "Lists the sharing policies; Default Sharing Policy applies to every mailbox without one."},
		{Code: "Get-SharingPolicy 'Default Sharing Policy' | Format-List Domains,Enabled", Remark: "What the default policy lets users share."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = getPolicy

	set := exo.Declared("Set-SharingPolicy")
	set.Synopsis = "Changes a sharing policy: its domains and what they may see, whether it is on, its name, whether it is the default."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-SharingPolicy 'Default Sharing Policy' -Domains @{Remove='Anonymous:CalendarSharingFreeBusyReviewer'}", Remark: "Stops anonymous calendar publishing."},
		{Code: "Set-SharingPolicy 'Default Sharing Policy' -Enabled $false", Remark: "Turns external calendar and contact sharing off."},
	}
	exo.Describe(set, map[string]string{
		"Identity": "The policy: name, distinguished name or GUID.",
		"Domains": "Entries domain:actions (a domain, * for every domain, or Anonymous), the actions CalendarSharingFreeBusySimple, CalendarSharingFreeBusyDetail, CalendarSharingFreeBusyReviewer, ContactsSharing (not for Anonymous) " +
			"or MeetingLimitedDetails, MeetingFullDetails, MeetingFullDetailsWithAttendees (Anonymous only); a list replaces them, @{Add=...;Remove=...} changes them.",
		"Enabled": "Whether the policy is on.",
		"Default": "Makes the policy the organization's default.",
		"Name":    "A new, unique name for the policy.",
	})
	set.Handler.Process = setPolicy
	return []*command.Command{get, set, newCommand(), removeCommand()}
}

// policyObject is the Get-SharingPolicy object of a policy.
func policyObject(o *directory.Organization, p *sp.Policy) *object.PSObject {
	obj := object.NewObject(TypeSharingPolicy,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	const tBool = "System.Boolean"
	obj.AddTyped("Domains", exo.TypeMultiValued, exo.MultiValued(p.Domains))
	obj.AddTyped("Enabled", tBool, p.Enabled)
	obj.AddTyped("Default", tBool, p.Default)
	exo.AddConfigTail(obj, o, exo.ConfigObject{Name: p.Name, Guid: p.Guid, DistinguishedName: sp.DN(o, p.Name), ExchangeVersion: "0.10 (14.0.100.0)",
		Category: "ms-Exch-Sharing-Policy", Class: "msExchSharingPolicy", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

// policies are the sharing policies as the cmdlets name them: by name,
// GUID or distinguished name.
var policies = exo.Configs[*sp.Policy]{List: sp.List, Keys: sp.Keys}

func getPolicy(ctx *command.Context) error {
	out, done, err := policies.Read(ctx, policyObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// Exceptions and message codes of the service's sharing policy errors.
const (
	exBinding        = "System.Management.Automation.ParameterBindingException"
	exDataValidation = "Microsoft.Exchange.Data.DataValidationException"
	exAlreadyExists  = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	// the refusals of Remove-SharingPolicy
	exCannotRemoveDefault = "Microsoft.Exchange.Management.SystemConfigurationTasks.CannotRemoveDefaultSharingPolicy"
	exPolicyInUse         = "Microsoft.Exchange.Management.SystemConfigurationTasks.CannotRemoveSharingPolicyWithUsersAssignedException"
)

// domainMessage is the service's text for an entry ParseDomain refuses,
// and its message code ("" when it has none).
func domainMessage(e *sp.DomainError) (string, string) {
	switch e.Kind {
	case "entry":
		return fmt.Sprintf("The value %s isn't a valid sharing policy domain entry.", e.Value), "Ex693DF9"
	case "action":
		return fmt.Sprintf("The value %s isn't a valid action for a sharing policy.", e.Value), "Ex375C51"
	case "domain":
		return fmt.Sprintf("The value %s isn't a valid domain for a sharing policy.", e.Value), "Ex8F6F62"
	case "anonymous":
		return fmt.Sprintf("The value %s isn't a valid action for an \"Anonymous\" sharing policy.", e.Value), ""
	}
	return fmt.Sprintf("The value %s is valid only for an \"anonymous\" sharing policy.", e.Value), ""
}

// readDomains parses entries; a refused one ends the command with the
// service's binding error.
func readDomains(ctx *command.Context, entries []string) ([]string, error) {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		d, err := sp.ParseDomain(e)
		var de *sp.DomainError
		if errors.As(err, &de) {
			msg, code := domainMessage(de)
			full := fmt.Sprintf("Cannot process argument transformation on parameter 'Domains'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SharingPolicyDomain]\". Error: \"%s\"", e, msg)
			if code == "" {
				code = exo.ErrorCode(exBinding)
			}
			return nil, ctx.Fail(exo.CodedError(ctx, code, exBinding, full, object.InvalidArgument, e))
		}
		out = append(out, d)
	}
	return out, nil
}

// sameEntry reports whether two parsed entries are equal as Exchange
// compares them: the domain without regard to case, the same actions.
func sameEntry(a, b string) bool {
	da, aa, _ := strings.Cut(a, ":")
	db, ab, _ := strings.Cut(b, ":")
	return strings.EqualFold(da, db) && aa == ab
}

func setPolicy(ctx *command.Context) error {
	// the domains argument: a list that replaces, or @{Add;Remove}
	var add, remove []string
	replace := false
	if ctx.Has("Domains") {
		a, r, rep, err := mailbox.ReadMultiValued(object.Unwrap(ctx.Value("Domains")))
		if err != nil {
			return ctx.Fail(exo.Invalid(ctx, err.Error(), nil))
		}
		if add, err = readDomains(ctx, a); err != nil {
			return err
		}
		if remove, err = readDomains(ctx, r); err != nil {
			return err
		}
		replace = rep
	}
	if ctx.Has("Name") {
		if rec := nameProblem(ctx, ctx.String("Name")); rec != nil {
			return ctx.Fail(rec)
		}
	}
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var o *directory.Organization
	var p *sp.Policy
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, p, rec, err = policies.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting sharing policy \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		before := *p
		before.Domains = append([]string(nil), p.Domains...)
		if ctx.Has("Domains") {
			p.Domains = applyDomains(p.Domains, add, remove, replace)
		}
		if ctx.Has("Enabled") {
			p.Enabled = ctx.Bool("Enabled")
		}
		if ctx.Has("Name") {
			p.Name = ctx.String("Name")
		}
		if ctx.Bool("Default") {
			p.Default = true
		}
		if unchanged = same(&before, p); unchanged {
			return nil, nil
		}
		return storeRecord(ctx, o, sp.Put(tx, p), shown)
	})
	if err == nil && unchanged {
		ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", p.Name))
	}
	return err
}

// storeRecord words the refusals of the sharing policy rules as the
// service does (err nil: none); another error is returned as it is.
func storeRecord(ctx *command.Context, o *directory.Organization, err error, shown string) (*object.ErrorRecord, error) {
	var dup *sp.DuplicateDomainsError
	var name *sp.NameInUseError
	var def *sp.DefaultRemovalError
	var used *sp.InUseError
	switch {
	case errors.As(err, &dup):
		return exo.CodedError(ctx, "Ex63CC41", exDataValidation, fmt.Sprintf("Domains must be unique in the sharing policy. The following domains are duplicated: %s.", strings.Join(dup.Domains, ", ")), object.InvalidData, shown), nil
	case errors.As(err, &name):
		return exo.CodedError(ctx, "Ex17CDAE", exAlreadyExists, fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.",
			exo.DomainController(o), sp.DN(o, name.Name)), object.ResourceExists, name.Name), nil
	case errors.As(err, &def):
		return exo.Error(ctx, exCannotRemoveDefault, "The default sharing policy can't be removed. First choose another policy to be the default sharing policy, and then remove this policy.", object.InvalidOperation, shown), nil
	case errors.As(err, &used):
		return exo.Error(ctx, exPolicyInUse, "This sharing policy can't be removed because there are mailboxes assigned to it. Before you remove this policy, assign the users who share this policy to another one.", object.InvalidOperation, shown), nil
	}
	return nil, err
}

// applyDomains applies a Domains argument to the current entries: the
// list that replaces them, or the entries to add (those not there yet)
// and to remove.
func applyDomains(cur, add, remove []string, replace bool) []string {
	if replace {
		return add
	}
	out := append([]string(nil), cur...)
	for _, a := range add {
		found := false
		for _, c := range out {
			found = found || sameEntry(a, c)
		}
		if !found {
			out = append(out, a)
		}
	}
	kept := out[:0]
	for _, c := range out {
		drop := false
		for _, r := range remove {
			drop = drop || sameEntry(r, c)
		}
		if !drop {
			kept = append(kept, c)
		}
	}
	return kept
}

// same reports whether two states of a policy have the same settings.
func same(a, b *sp.Policy) bool {
	return a.Name == b.Name && a.Enabled == b.Enabled && a.Default == b.Default && strings.Join(a.Domains, "\n") == strings.Join(b.Domains, "\n")
}
