// Package autoreply declares the Exchange Online cmdlets of Automatic
// Replies and of mailbox audit bypass: Get-/Set-MailboxAutoReplyConfiguration
// over the settings the tenant keeps for each mailbox (store/autoreply),
// and Get-/Set-MailboxAuditBypassAssociation over the accounts whose
// actions mailbox auditing skips (store/auditbypass).
package autoreply

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/auditbypass"
	ar "github.com/exosim/exosim/store/autoreply"
	"github.com/exosim/exosim/store/directory"
)

// Output types.
const (
	TypeAutoReply   = "Microsoft.Exchange.InfoWorker.Common.OOF.MailboxAutoReplyConfiguration"
	TypeAuditBypass = "Microsoft.Exchange.Management.AuditLog.MailboxAuditBypassAssociation"
)

const exArgument = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxAutoReplyConfiguration", "Set-MailboxAutoReplyConfiguration", "Get-MailboxAuditBypassAssociation", "Set-MailboxAuditBypassAssociation"}, Build: commands},
}, Commands: []command.Decl{{Name: "Search-MailboxAuditLog", Build: searchMailboxAuditLog}}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the audit bypass table (the account and whether it
// bypasses auditing); Automatic Replies show as a list, having many
// properties.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeAuditBypass, TypeNames: []string{TypeAuditBypass}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Name", Property: "Name"}, {Label: "AuditBypassEnabled", Property: "AuditBypassEnabled"}}})
}

func commands() []*command.Command {
	get := exo.Declared("Get-MailboxAutoReplyConfiguration")
	exo.Describe(get, map[string]string{
		"Identity":                 "The mailbox whose Automatic Replies to show.",
		"ResultSize":               "Most results to return.",
		"ReadFromDomainController": "Accepted; the simulated directory has one copy.",
		"UseCustomRouting":         "Accepted; the simulator routes every request the same way.",
	})
	get.OutputType = TypeAutoReply
	get.Synopsis = "Shows a mailbox's Automatic Replies (out of office) settings."
	get.Handler.Process = area.Get

	set := exo.Declared("Set-MailboxAutoReplyConfiguration")
	settings.Get().Declare(set, map[string]string{
		"Identity":         "The mailbox whose Automatic Replies to change.",
		"AutoReplyState":   "Disabled, Enabled, or Scheduled (between StartTime and EndTime on the simulated clock).",
		"ExternalAudience": "None, Known (senders in the mailbox's contacts) or All.",
	})
	set.Synopsis = "Changes a mailbox's Automatic Replies (out of office) settings."
	set.Examples = []command.Example{{Code: `Set-MailboxAutoReplyConfiguration -Identity annb -AutoReplyState Scheduled -StartTime (Get-Date).AddDays(1) -EndTime (Get-Date).AddDays(8) -InternalMessage "Back next week."`,
		Remark: "Schedules a week of replies starting tomorrow (simulated clock)."}}
	set.Handler.Process = setAutoReply

	getBypass := exo.Declared("Get-MailboxAuditBypassAssociation")
	exo.Describe(getBypass, map[string]string{"Identity": "The account to show; every mailbox account when left out.", "ResultSize": "Most results to return (1000 by default), or Unlimited."})
	getBypass.OutputType = TypeAuditBypass
	getBypass.Synopsis = "Shows whether accounts bypass mailbox audit logging."
	getBypass.Handler.Process = getAuditBypass

	setBypass := exo.Declared("Set-MailboxAuditBypassAssociation")
	exo.Describe(setBypass, map[string]string{"Identity": "The account.", "AuditBypassEnabled": "$true: the account's actions in mailboxes are not audited."})
	setBypass.Synopsis = "Turns the mailbox audit logging bypass of an account on or off."
	setBypass.Handler.Process = setAuditBypass

	return []*command.Command{exo.Partial(get, "Identity", "ResultSize", "ReadFromDomainController", "UseCustomRouting"), set, getBypass, setBypass}
}

// area is the Automatic Replies as the cmdlets reach them; Exchange
// refuses a schedule that does not end after it starts, or has ended.
var area = mailboxsetting.Area[ar.Settings]{
	Read: ar.Get, Write: ar.Put, Type: TypeAutoReply, Owner: true,
	Prompt:   "Setting the automatic reply configuration for mailbox Identity:\"%s\".",
	Settings: &settings,
	Refused:  mailboxsetting.Is[*ar.TimeRangeError],
	Refusal:  exArgument,
}

// settings are the Automatic Replies settings in the order Get shows
// them.
var settings = lazy.Value[mailboxsetting.Table[ar.Settings]]{Build: func() mailboxsetting.Table[ar.Settings] {
	return mailboxsetting.Table[ar.Settings]{
		mailboxsetting.BoolSetting("AutoDeclineFutureRequestsWhenOOF", "$true declines new meeting requests during the scheduled time.", func(s *ar.Settings) *bool { return &s.AutoDeclineFutureRequestsWhenOOF }),
		mailboxsetting.EnumSetting("AutoReplyState", "Microsoft.Exchange.InfoWorker.Common.OOF.OofState", ar.States, func(s *ar.Settings) *string { return &s.State }),
		mailboxsetting.BoolSetting("CreateOOFEvent", "$true adds a calendar event for the scheduled time.", func(s *ar.Settings) *bool { return &s.CreateOOFEvent }),
		mailboxsetting.BoolSetting("DeclineAllEventsForScheduledOOF", "$true declines every existing event during the scheduled time.", func(s *ar.Settings) *bool { return &s.DeclineAllEventsForScheduledOOF }),
		mailboxsetting.BoolSetting("DeclineEventsForScheduledOOF", "$true allows existing events during the scheduled time to be declined.", func(s *ar.Settings) *bool { return &s.DeclineEventsForScheduledOOF }),
		mailboxsetting.TextSetting("DeclineMeetingMessage", "The text sent with declined meetings.", func(s *ar.Settings) *string { return &s.DeclineMeetingMessage }),
		mailboxsetting.DateTimeSetting("EndTime", "When scheduled replies end; later than StartTime.", func(s *ar.Settings) *time.Time { return &s.EndTime }),
		mailboxsetting.StringsSetting("EventsToDeleteIDs", "The events to decline (not with DeclineAllEventsForScheduledOOF).", func(s *ar.Settings) *[]string { return &s.EventsToDeleteIDs }),
		mailboxsetting.EnumSetting("ExternalAudience", "Microsoft.Exchange.InfoWorker.Common.OOF.ExternalAudience", ar.Audiences, func(s *ar.Settings) *string { return &s.ExternalAudience }),
		message("ExternalMessage", "The reply to senders outside ($null clears it).", func(s *ar.Settings) *string { return &s.ExternalMessage }),
		message("InternalMessage", "The reply to senders inside the organization ($null clears it).", func(s *ar.Settings) *string { return &s.InternalMessage }),
		mailboxsetting.TextSetting("OOFEventSubject", "The subject of that event.", func(s *ar.Settings) *string { return &s.OOFEventSubject }),
		mailboxsetting.DateTimeSetting("StartTime", "When scheduled replies start.", func(s *ar.Settings) *time.Time { return &s.StartTime }),
	}
}}

// message is a reply's text setting: text without its own html element
// is kept wrapped in one, as Exchange keeps it.
func message(name, help string, f func(s *ar.Settings) *string) mailboxsetting.Setting[ar.Settings] {
	p := mailboxsetting.TextSetting(name, help, f)
	p.Check = func(_ *command.Context, _, v string) (string, *object.ErrorRecord) {
		if v == "" || strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "<html") {
			return v, nil
		}
		return "<html><body>" + v + "</body></html>", nil
	}
	return p
}

func setAutoReply(ctx *command.Context) error { return area.Set(ctx, nil) }

func bypassObject(m *directory.Mailbox, on bool) *object.PSObject {
	o := mailboxsetting.Object(TypeAuditBypass)
	o.AddTyped("AuditBypassEnabled", "System.Boolean", on)
	o.AddTyped("ObjectId", "System.String", m.Identity())
	o.AddTyped("Name", "System.String", m.Name)
	return mailboxsetting.Finish(o, m, false)
}

func getAuditBypass(ctx *command.Context) error {
	var out []*object.PSObject
	return mailbox.ReadLimited(ctx, &out, func(tx *store.Tx) (*object.ErrorRecord, error) {
		ms, rec, err := mailbox.IdentityOrAll(ctx, tx)
		for _, m := range ms {
			out = append(out, bypassObject(m, auditbypass.Enabled(tx, m.Guid)))
		}
		return rec, err
	})
}

func setAuditBypass(ctx *command.Context) error {
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf("Setting audit bypass setting for '%s'. ", mailbox.TypedIdentity(ctx, m.Identity())), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		return nil, auditbypass.Set(tx, m.Guid, ctx.Bool("AuditBypassEnabled"))
	})
}
