// Package junkemail declares the Exchange Online cmdlets of mailboxes'
// junk email settings: Get-/Set-MailboxJunkEmailConfiguration over the
// settings the tenant keeps for each mailbox (store/junkemail).
package junkemail

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
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
	get.Handler.Process = area.Get

	set := exo.Declared("Set-MailboxJunkEmailConfiguration")
	settings.Get().Declare(set, map[string]string{
		"Identity":           "The mailbox whose junk email settings to change.",
		"FailOnError":        "Accepted; an entry Exchange refuses always fails the call.",
		"IgnoreDefaultScope": "Accepted; the whole organization is in scope.",
	})
	set.Synopsis = "Changes a mailbox's junk email settings: the junk email rule and the safelist collection."
	set.Examples = []command.Example{{Code: `Set-MailboxJunkEmailConfiguration annb -TrustedSendersAndDomains @{Add="fabrikam.com","jane@fourthcoffee.com"} -BlockedSendersAndDomains @{Add="spam@litware.com"}`,
		Remark: "Adds a domain and an address to the Safe Senders list and an address to the Blocked Senders list, keeping their other entries."}}
	set.Handler.Process = setJunkEmail

	return []*command.Command{get, set}
}

// area is the junk email settings as the cmdlets reach them; Exchange
// refuses a list entry it does not take.
var area = mailboxsetting.Area[je.Settings]{
	Read: je.Get, Write: je.Put, Type: TypeJunkEmail, Owner: true, Wildcard: true,
	Prompt:   "Setting junk e-mail configuration for mailbox Identity:\"%s\".",
	Settings: &settings,
	Refused:  mailboxsetting.Is[*je.EntryError],
	Refusal:  exValidation,
}

// settings are the junk email settings in the order Get shows them.
var settings = lazy.Value[mailboxsetting.Table[je.Settings]]{Build: func() mailboxsetting.Table[je.Settings] {
	return mailboxsetting.Table[je.Settings]{
		mailboxsetting.BoolSetting("Enabled", "$true (the default) turns the mailbox's junk email rule on, $false off.", func(s *je.Settings) *bool { return &s.Enabled }),
		mailboxsetting.BoolSetting("TrustedListsOnly", "$true trusts only the Safe Senders and Safe Recipients lists.", func(s *je.Settings) *bool { return &s.TrustedListsOnly }),
		mailboxsetting.BoolSetting("ContactsTrusted", "$true trusts the senders in the mailbox's contacts.", func(s *je.Settings) *bool { return &s.ContactsTrusted }),
		mailboxsetting.ListSetting("TrustedSendersAndDomains", "The Safe Senders list: addresses and domains (a list replaces it, @{Add=...;Remove=...} changes it, $null empties it); no address of the mailbox's own domain.", func(s *je.Settings) *[]string { return &s.TrustedSenders }),
		mailboxsetting.ListSetting("BlockedSendersAndDomains", "The Blocked Senders list: addresses and domains (a list, @{Add=...;Remove=...} or $null).", func(s *je.Settings) *[]string { return &s.BlockedSenders }),
		mailboxsetting.ListSetting("TrustedRecipientsAndDomains", "The Safe Recipients list: addresses and domains (a list, @{Add=...;Remove=...} or $null).", func(s *je.Settings) *[]string { return &s.TrustedRecipients }),
		mailboxsetting.BoolSetting("SenderScreeningEnabled", "Kept and shown; no mail flow reads it.", func(s *je.Settings) *bool { return &s.SenderScreeningEnabled }),
	}
}}

func setJunkEmail(ctx *command.Context) error { return area.Set(ctx, nil) }
