// Package junkemail declares the Exchange Online cmdlets of mailboxes'
// junk email settings: Get-/Set-MailboxJunkEmailConfiguration over the
// settings the tenant keeps for each mailbox (store/junkemail).
package junkemail

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	je "github.com/exosim/exosim/store/junkemail"
)

// TypeJunkEmail is the output type of Get-MailboxJunkEmailConfiguration.
const TypeJunkEmail = "Microsoft.Exchange.Data.Storage.Management.MailboxJunkEmailConfiguration"

// exValidation is the exception Exchange refuses a list entry with.
const exValidation = "Microsoft.Exchange.Data.Storage.JunkEmailValidationException"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxJunkEmailConfiguration", "Set-MailboxJunkEmailConfiguration"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers nothing: Exchange has no view of the junk email
// settings, so they show as a list, having more than four properties.
func Views(*format.Registry) {}

func commands() []*command.Command {
	get := exo.Declared("Get-MailboxJunkEmailConfiguration")
	exo.Describe(get, map[string]string{
		"Identity":                 "The mailbox whose junk email settings to show; * is a wildcard (every matching mailbox).",
		"Credential":               "Accepted; the session's credentials are used.",
		"ReadFromDomainController": "Accepted; the simulated directory has one copy.",
		"ResultSize":               "Most results to return for a wildcard identity (1000 by default), or Unlimited.",
	})
	get.OutputType = TypeJunkEmail
	get.Synopsis = "Shows a mailbox's junk email settings: the junk email rule and the safelist collection."
	get.Handler.Process = getJunkEmail

	set := exo.Declared("Set-MailboxJunkEmailConfiguration")
	exo.Describe(set, map[string]string{
		"Identity":                    "The mailbox whose junk email settings to change.",
		"Enabled":                     "$true (the default) turns the mailbox's junk email rule on, $false off.",
		"TrustedListsOnly":            "$true trusts only the Safe Senders and Safe Recipients lists.",
		"ContactsTrusted":             "$true trusts the senders in the mailbox's contacts.",
		"TrustedSendersAndDomains":    "The Safe Senders list: addresses and domains (a list replaces it, @{Add=...;Remove=...} changes it, $null empties it); no address of the mailbox's own domain.",
		"BlockedSendersAndDomains":    "The Blocked Senders list: addresses and domains (a list, @{Add=...;Remove=...} or $null).",
		"TrustedRecipientsAndDomains": "The Safe Recipients list: addresses and domains (a list, @{Add=...;Remove=...} or $null).",
		"SenderScreeningEnabled":      "Kept and shown; no mail flow reads it.",
		"FailOnError":                 "Accepted; an entry Exchange refuses always fails the call.",
		"IgnoreDefaultScope":          "Accepted; the whole organization is in scope.",
	})
	set.Synopsis = "Changes a mailbox's junk email settings: the junk email rule and the safelist collection."
	set.Examples = []command.Example{{Code: `Set-MailboxJunkEmailConfiguration annb -TrustedSendersAndDomains @{Add="fabrikam.com","jane@fourthcoffee.com"} -BlockedSendersAndDomains @{Add="spam@litware.com"}`,
		Remark: "Adds a domain and an address to the Safe Senders list and an address to the Blocked Senders list, keeping their other entries."}}
	set.Handler.Process = setJunkEmail

	return []*command.Command{get, set}
}

// listValue is a list as Exchange shows a MultiValuedProperty.
func listValue(list []string) []any {
	out := make([]any, 0, len(list))
	for _, s := range list {
		out = append(out, s)
	}
	return out
}

func junkEmailObject(m *directory.Mailbox, s *je.Settings) *object.PSObject {
	o := object.NewObject(TypeJunkEmail, "System.Object")
	o.AddTyped("Enabled", "System.Boolean", s.Enabled)
	o.AddTyped("TrustedListsOnly", "System.Boolean", s.TrustedListsOnly)
	o.AddTyped("ContactsTrusted", "System.Boolean", s.ContactsTrusted)
	o.AddTyped("TrustedSendersAndDomains", "Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", listValue(s.TrustedSenders))
	o.AddTyped("BlockedSendersAndDomains", "Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", listValue(s.BlockedSenders))
	o.AddTyped("TrustedRecipientsAndDomains", "Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", listValue(s.TrustedRecipients))
	o.AddTyped("SenderScreeningEnabled", "System.Boolean", s.SenderScreeningEnabled)
	o.AddTyped("MailboxOwnerId", "System.String", m.Identity())
	o.AddTyped("Identity", "System.String", m.Identity())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	id := m.Identity()
	o.ToStringFunc = func() string { return id }
	return o
}

func getJunkEmail(ctx *command.Context) error {
	return mailbox.WriteSettings(ctx, func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error) {
		s, err := je.Get(tx, m)
		if err != nil {
			return nil, err
		}
		return junkEmailObject(m, s), nil
	})
}

// applyJunkEmail sets what the call's parameters name.
func applyJunkEmail(ctx *command.Context, s *je.Settings) *object.ErrorRecord {
	for name, field := range map[string]*bool{"Enabled": &s.Enabled, "TrustedListsOnly": &s.TrustedListsOnly,
		"ContactsTrusted": &s.ContactsTrusted, "SenderScreeningEnabled": &s.SenderScreeningEnabled} {
		if ctx.Has(name) {
			*field = ctx.Bool(name)
		}
	}
	for _, l := range []struct {
		name  string
		field *[]string
	}{{"TrustedSendersAndDomains", &s.TrustedSenders}, {"BlockedSendersAndDomains", &s.BlockedSenders}, {"TrustedRecipientsAndDomains", &s.TrustedRecipients}} {
		if !ctx.Has(l.name) {
			continue
		}
		vs, err := mailbox.ApplyMultiValued(ctx.Value(l.name), *l.field)
		if err != nil {
			return exo.Invalid(ctx, err.Error(), l.name)
		}
		*l.field = vs
	}
	return nil
}

func setJunkEmail(ctx *command.Context) error {
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf("Setting junk e-mail configuration for mailbox Identity:\"%s\".", mailbox.TypedIdentity(ctx, m.Identity())), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		s, err := je.Get(tx, m)
		if err != nil {
			return nil, err
		}
		if rec := applyJunkEmail(ctx, s); rec != nil {
			return rec, nil
		}
		err = je.Put(tx, m, s)
		var ee *je.EntryError
		if errors.As(err, &ee) {
			return exo.Error(ctx, exValidation, ee.Error(), object.InvalidArgument, m.Identity()), nil
		}
		return nil, err
	})
}
