// Package addresspolicy declares Get-, New-, Set- and
// Remove-EmailAddressPolicy as Exchange Online has them: email address
// policies for Microsoft 365 groups only (-IncludeUnifiedGroupRecipients).
// A policy gives the groups made after it their addresses, the group's
// alias at the domains of its templates ("SMTP:@domain" the primary
// address, "smtp:@domain" a proxy address), when its -ManagedByFilter
// finds the user who makes the group; the policies are tried in priority
// order (1 first). The on-premises parameters (recipient filters,
// conditions, disabled templates, a domain controller) are not
// parameters of the cloud cmdlets and fail to bind.
package addresspolicy

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	cgroups "github.com/exosim/exosim/cmdlets/groups"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ap "github.com/exosim/exosim/store/addresspolicy"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/opath"
)

// TypeEmailAddressPolicy is the output type of Get- and
// New-EmailAddressPolicy.
const TypeEmailAddressPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.EmailAddressPolicy"

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-EmailAddressPolicy", "New-EmailAddressPolicy", "Set-EmailAddressPolicy", "Remove-EmailAddressPolicy"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Policies are the email address policies as the cmdlets find them: by
// name, Guid or distinguished name.
var Policies = exo.Configs[*ap.Policy]{List: ap.List, Keys: ap.Keys}

// Views registers the default table of email address policies.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeEmailAddressPolicy, TypeNames: []string{TypeEmailAddressPolicy}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Priority", Property: "Priority"},
		{Label: "RecipientFilter", Property: "RecipientFilter"},
	}})
}

func commands() []*command.Command {
	identity := "The policy: its name, distinguished name or Guid."
	help := map[string]string{
		"Name":                              "The policy's unique name (at most 64 characters).",
		"EnabledEmailAddressTemplates":      "The address templates: one primary SMTP:@domain, then smtp:@domain proxy templates; the group's alias is the local part.",
		"EnabledPrimarySMTPAddressTemplate": "The primary address template alone, @domain; not with -EnabledEmailAddressTemplates.",
		"IncludeUnifiedGroupRecipients":     "Required: the policy applies to Microsoft 365 groups, the only ones Exchange Online gives policies.",
		"ManagedByFilter":                   "An OPATH filter of the user who makes a group (Department -eq 'Sales'); without it the policy applies to every new group.",
		"Priority":                          "The policy's place in the order (1 first); the policies from there on move down one. A new policy goes last by default.",
		"ForceUpgrade":                      "Accepted; the policy's version never needs upgrading.",
	}

	get := exo.Declared("Get-EmailAddressPolicy")
	get.Synopsis = "Lists the email address policies of Microsoft 365 groups in priority order."
	get.OutputType = TypeEmailAddressPolicy
	get.Examples = []command.Example{
		{Code: "Get-EmailAddressPolicy | Format-Table Name, Priority, EnabledEmailAddressTemplates", Remark: "Lists the policies and their templates."},
	}
	exo.Describe(get, map[string]string{"Identity": identity + " * is a wildcard."})
	get.Handler.Process = getPolicies

	nw := exo.Declared("New-EmailAddressPolicy")
	nw.Synopsis = "Creates an email address policy for the Microsoft 365 groups made after it."
	nw.ConfirmImpact = command.ImpactMedium
	nw.OutputType = TypeEmailAddressPolicy
	nw.Examples = []command.Example{
		{Code: "New-EmailAddressPolicy -Name Groups -IncludeUnifiedGroupRecipients -EnabledEmailAddressTemplates 'SMTP:@contoso.com' -Priority 1", Remark: "New groups get their primary address in contoso.com."},
	}
	exo.DescribeDeclared(nw, help)
	nw.Handler.Process = newPolicy

	set := exo.Declared("Set-EmailAddressPolicy")
	set.Synopsis = "Changes an email address policy's name, templates or priority; groups made before keep their addresses."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "New-EmailAddressPolicy -Name Groups -IncludeUnifiedGroupRecipients -EnabledPrimarySMTPAddressTemplate '@contoso.com' | Out-Null; Set-EmailAddressPolicy -Identity Groups -Priority 1", Remark: "Makes the policy the first one tried."},
	}
	exo.DescribeDeclared(set, help)
	exo.Describe(set, map[string]string{"Identity": identity})
	set.Handler.Process = setPolicy

	rm := exo.Declared("Remove-EmailAddressPolicy")
	rm.Synopsis = "Removes an email address policy; the policies after it move up, groups made before keep their addresses."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{
		{Code: "New-EmailAddressPolicy -Name Groups -IncludeUnifiedGroupRecipients -EnabledPrimarySMTPAddressTemplate '@contoso.com' | Out-Null; Remove-EmailAddressPolicy -Identity Groups -Confirm:$false", Remark: "Removes the policy."},
	}
	exo.Describe(rm, map[string]string{"Identity": identity})
	rm.Handler.Process = removePolicy

	return []*command.Command{get, nw, set, rm}
}

// policyObject is the Get-EmailAddressPolicy object of p: the recipient
// filter properties a group policy leaves empty, its ManagedByFilter, its
// priority and templates, then the closing properties of a configuration
// object.
func policyObject(o *directory.Organization, p *ap.Policy) *object.PSObject {
	obj := object.NewObject(TypeEmailAddressPolicy,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	const tStr, tBool = "System.String", "System.Boolean"
	empty := func(name string) { obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(nil)) }
	obj.AddTyped("RecipientFilter", tStr, "")
	obj.AddTyped("LdapRecipientFilter", tStr, "")
	obj.AddTyped("LastUpdatedRecipientFilter", tStr, "")
	obj.AddTyped("RecipientFilterApplied", tBool, false)
	obj.AddTyped("IncludedRecipients", tStr, nil)
	for _, c := range groups.ConditionProperties {
		empty("Conditional" + c)
	}
	obj.AddTyped("RecipientContainer", tStr, nil)
	obj.AddTyped("RecipientFilterType", tStr, "Custom")
	ldap := ""
	if p.ManagedByFilter != "" {
		if tree, err := groups.CustomTree(p.ManagedByFilter); err == nil {
			ldap = groups.LDAP(tree)
		}
	}
	obj.AddTyped("ManagedByFilter", tStr, p.ManagedByFilter)
	obj.AddTyped("ManagedByLdapFilter", tStr, ldap)
	obj.AddTyped("Priority", tStr, strconv.Itoa(p.Priority))
	obj.AddTyped("EnabledPrimarySMTPAddressTemplate", tStr, "@"+p.PrimaryDomain())
	obj.AddTyped("EnabledEmailAddressTemplates", exo.TypeMultiValued, exo.MultiValued(p.Templates))
	empty("DisabledEmailAddressTemplates")
	obj.AddTyped("HasEmailAddressSetting", tBool, true)
	obj.AddTyped("HasMailboxManagerSetting", tBool, false)
	empty("NonAuthoritativeDomains")
	exo.AddConfigTail(obj, o, exo.ConfigObject{Name: p.Name, Guid: p.Guid, DistinguishedName: ap.DN(o, p.Name), ExchangeVersion: "0.1 (8.0.535.0)",
		Category: "ms-Exch-Recipient-Policy", Class: "msExchRecipientPolicy", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

func getPolicies(ctx *command.Context) error {
	out, done, err := Policies.Read(ctx, policyObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// templates reads the call's templates: -EnabledEmailAddressTemplates
// (one SMTP: template, the others proxy templates, smtp: when they have
// no type) or -EnabledPrimarySMTPAddressTemplate (one template, with or
// without SMTP:), every domain an accepted domain of o. The primary
// template comes first, each as "SMTP:@domain" or "smtp:@domain"; ok is
// false when the call names neither.
func templates(ctx *command.Context, o *directory.Organization) (out []string, ok bool, rec *object.ErrorRecord) {
	var given []string
	primaryOnly := false
	switch {
	case ctx.Has("EnabledEmailAddressTemplates") && ctx.Has("EnabledPrimarySMTPAddressTemplate"):
		return nil, false, exo.Invalid(ctx, "The EnabledEmailAddressTemplates and EnabledPrimarySMTPAddressTemplate parameters can't be used in the same command.", nil)
	case ctx.Has("EnabledEmailAddressTemplates"):
		given = exo.CommaStrings(ctx.Value("EnabledEmailAddressTemplates"))
	case ctx.Has("EnabledPrimarySMTPAddressTemplate"):
		t := strings.TrimSpace(ctx.String("EnabledPrimarySMTPAddressTemplate"))
		if len(t) >= 5 && strings.EqualFold(t[:5], "smtp:") {
			t = t[5:]
		}
		given, primaryOnly = []string{"SMTP:" + t}, true
	default:
		return nil, false, nil
	}
	var primary string
	var proxies []string
	seen := map[string]bool{}
	for _, t := range given {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if strings.IndexByte(t, ':') < 0 {
			t = "smtp:" + t
		}
		isPrimary, domain, valid := ap.ParseTemplate(t)
		if !valid {
			shown := t
			if primaryOnly {
				shown = t[5:]
			}
			if strings.Contains(t, "%") {
				return nil, false, exo.Invalid(ctx, fmt.Sprintf("The address template \"%s\" isn't valid: in Exchange Online an email address policy's templates can't use variables; use @domain, the group's alias is the local part.", shown), shown)
			}
			return nil, false, exo.Invalid(ctx, fmt.Sprintf("The address template \"%s\" isn't valid: use SMTP:@domain for the primary address and smtp:@domain for a proxy address.", shown), shown)
		}
		if !o.IsInternalDomain(domain) {
			return nil, false, exo.Error(ctx, "Microsoft.Exchange.Data.DataValidationException", fmt.Sprintf("You can't use the domain %s because it's not an accepted domain for your organization.", domain), object.InvalidData, t)
		}
		if isPrimary {
			if primary != "" {
				return nil, false, exo.Invalid(ctx, "The EnabledEmailAddressTemplates must hold only one primary SMTP template (SMTP:).", t)
			}
			primary = "SMTP:@" + domain
			continue
		}
		if p := "smtp:@" + domain; !seen[p] {
			seen[p] = true
			proxies = append(proxies, p)
		}
	}
	if primary == "" {
		return nil, false, exo.Invalid(ctx, "The EnabledEmailAddressTemplates must hold one primary SMTP template (SMTP:).", nil)
	}
	// a proxy template of the primary domain adds nothing
	out = []string{primary}
	for _, p := range proxies {
		if !strings.EqualFold(p[5:], primary[5:]) {
			out = append(out, p)
		}
	}
	return out, true, nil
}

// priority reads -Priority: 0 when the call has none, else a number from
// 1 (the range the store checks).
func priority(ctx *command.Context) (int, *object.ErrorRecord) {
	if !ctx.Has("Priority") {
		return 0, nil
	}
	s := strings.TrimSpace(ctx.String("Priority"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, exo.Invalid(ctx, fmt.Sprintf("The priority \"%s\" isn't valid: use a whole number from 1.", s), s)
	}
	return n, nil
}

// managedBy reads -ManagedByFilter: the filter in Exchange's stored form
// ("" none).
func managedBy(ctx *command.Context) (string, *object.ErrorRecord) {
	text := strings.TrimSpace(ctx.String("ManagedByFilter"))
	if text == "" {
		return "", nil
	}
	if _, err := groups.ParseFilter(text); err != nil {
		return "", exo.Error(ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("ManagedByFilter", err), object.InvalidArgument, text)
	}
	tree, err := groups.CustomTree(text)
	if err != nil {
		if rec := cgroups.FilterRefusal(ctx, err); rec != nil {
			return "", rec
		}
		return "", exo.Invalid(ctx, err.Error(), text)
	}
	return groups.Infix(tree), nil
}

// storeRecord words a refusal of the store as the service does; another
// error is returned as it is.
func storeRecord(ctx *command.Context, o *directory.Organization, err error, name string, count int) (*object.ErrorRecord, error) {
	var dup *store.DuplicateError
	switch {
	case errors.As(err, &dup):
		return exo.AlreadyExists(ctx, o, ap.DN(o, dup.ExistingIdentity), name), nil
	case errors.Is(err, ap.ErrPriority):
		return exo.Invalid(ctx, fmt.Sprintf("The priority must be between 1 and %d.", count), name), nil
	case errors.Is(err, ap.ErrTooMany):
		return exo.InvalidOperation(ctx, fmt.Sprintf("The organization already has %d email address policies, the most it can have.", ap.MaxPolicies), name), nil
	}
	return nil, err
}

func newPolicy(ctx *command.Context) error {
	name := strings.TrimSpace(ctx.String("Name"))
	if name == "" {
		return ctx.Fail(exo.Invalid(ctx, "The Name parameter is required: give the policy a name.", nil))
	}
	if rec := exo.TooLong(ctx, ap.MaxNameLength, name); rec != nil {
		return ctx.Fail(rec)
	}
	if !ctx.Switch("IncludeUnifiedGroupRecipients") {
		return ctx.Fail(exo.Invalid(ctx, "In Exchange Online email address policies apply only to Microsoft 365 groups: use the IncludeUnifiedGroupRecipients switch.", name))
	}
	prio, rec := priority(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	filter, rec := managedBy(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating email address policy \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		ts, _, rec := templates(ctx, o)
		if rec != nil {
			return rec, nil
		}
		all, err := ap.List(tx)
		if err != nil {
			return nil, err
		}
		p := &ap.Policy{Name: name, Templates: ts, ManagedByFilter: filter}
		if rec, err := storeRecord(ctx, o, ap.Create(tx, p, prio), name, len(all)+1); rec != nil || err != nil {
			return rec, err
		}
		out = policyObject(o, p)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func setPolicy(ctx *command.Context) error {
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	prio, rec := priority(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	name := ""
	if ctx.Has("Name") {
		name = strings.TrimSpace(ctx.String("Name"))
		if name == "" {
			return ctx.Fail(exo.Invalid(ctx, "The Name can't be empty.", shown))
		}
		if rec := exo.TooLong(ctx, ap.MaxNameLength, name); rec != nil {
			return ctx.Fail(rec)
		}
	}
	var p *ap.Policy
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		_, p, rec, err = Policies.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting email address policy \"%s\".", p.Name), p.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		before := *p
		ts, given, rec := templates(ctx, o)
		if rec != nil {
			return rec, nil
		}
		if given {
			p.Templates = ts
		}
		if name != "" {
			p.Name = name
		}
		if prio == p.Priority {
			prio = 0
		}
		if prio == 0 && p.Name == before.Name && strings.Join(p.Templates, ",") == strings.Join(before.Templates, ",") {
			unchanged = true
			return nil, nil
		}
		all, err := ap.List(tx)
		if err != nil {
			return nil, err
		}
		return storeRecord(ctx, o, ap.Update(tx, p, prio), p.Name, len(all))
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, p.Name)
	}
	return err
}

func removePolicy(ctx *command.Context) error {
	var p *ap.Policy
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		_, p, rec, err = Policies.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Removing email address policy \"%s\".", p.Name), p.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, ap.Remove(tx, p)
	})
	return err
}
