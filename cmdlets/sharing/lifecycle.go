package sharing

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// maxNameLength is the longest name a sharing policy may have.
const maxNameLength = 64

func newCommand() *command.Command {
	c := exo.Declared("New-SharingPolicy")
	c.Synopsis = "Creates a sharing policy: the external domains, and anonymous users, that mailboxes assigned to it may share calendars and contacts with."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "New-SharingPolicy -Name Contoso -Domains 'mail.contoso.com: CalendarSharingFreeBusyDetail, ContactsSharing'", Remark: "A policy that shares detailed free/busy times and contacts with one domain; assign it with Set-Mailbox -SharingPolicy."},
		{Code: "New-SharingPolicy -Name 'No sharing' -Domains '*:CalendarSharingFreeBusySimple' -Enabled $false -Default", Remark: "A disabled policy, made the organization's default."},
	}
	exo.Describe(c, map[string]string{
		"Name":    "The policy's unique name (at most 64 characters).",
		"Domains": "Entries domain:actions (a domain, * for every domain, or Anonymous) as for Set-SharingPolicy.",
		"Enabled": "Whether the policy is on (the default is $true).",
		"Default": "Makes the policy the organization's default, which every mailbox without a policy of its own follows.",
	})
	c.Handler.Process = newPolicy
	return c
}

func removeCommand() *command.Command {
	c := exo.Declared("Remove-SharingPolicy")
	c.Synopsis = "Removes a sharing policy that is not the default one and that no mailbox is assigned."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: "New-SharingPolicy Contoso -Domains 'contoso.com:ContactsSharing' | Out-Null; Remove-SharingPolicy Contoso -Confirm:$false", Remark: "Removes the policy Contoso; a policy mailboxes are assigned goes only once Set-Mailbox -SharingPolicy gives them another one."},
	}
	exo.Describe(c, map[string]string{"Identity": "The policy: name, distinguished name or GUID."})
	c.Handler.Process = removePolicy
	return c
}

// nameProblem is the validation error of a policy's name, or nil.
func nameProblem(ctx *command.Context, name string) *object.ErrorRecord {
	return exo.TooLong(ctx, maxNameLength, name)
}

func newPolicy(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	add, _, _, err := mailbox.ReadMultiValued(object.Unwrap(ctx.Value("Domains")))
	if err != nil {
		return ctx.Fail(exo.Invalid(ctx, err.Error(), nil))
	}
	domains, err := readDomains(ctx, add)
	if err != nil {
		return err
	}
	// the entries as the confirmation lists them: each quoted, separated
	// by commas
	quoted := make([]string, len(domains))
	for i, d := range domains {
		quoted[i] = "'" + d + "'"
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating sharing policy \"%s\" with domains \"%s\".", name, strings.Join(quoted, ", ")), name)
	if err != nil || !ok {
		return err
	}
	enabled := true
	if ctx.Has("Enabled") {
		enabled = ctx.Bool("Enabled")
	}
	p := &sp.Policy{Name: name, Domains: domains, Enabled: enabled, Default: ctx.Switch("Default")}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if rec, err := storeRecord(ctx, o, sp.New(tx, p), name); rec != nil || err != nil {
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

func removePolicy(ctx *command.Context) error {
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var o *directory.Organization
	var p *sp.Policy
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if o, p, rec, err = policies.Find(ctx, tx); rec != nil || err != nil {
			return rec, err
		}
		// the service refuses before it asks
		return storeRecord(ctx, o, sp.CanRemove(tx, p), shown)
	}, func() (string, string) {
		return fmt.Sprintf("Removing sharing policy \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return storeRecord(ctx, o, sp.Remove(tx, p), shown)
	})
	return err
}
