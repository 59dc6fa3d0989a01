// Package autoreply declares the Exchange Online cmdlets of Automatic
// Replies and of mailbox audit bypass: Get-/Set-MailboxAutoReplyConfiguration
// over the settings the tenant keeps for each mailbox (store/autoreply),
// and Get-/Set-MailboxAuditBypassAssociation over the accounts whose
// actions mailbox auditing skips (store/auditbypass).
package autoreply

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
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
}}

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
	get.Handler.Process = getAutoReply

	set := exo.Declared("Set-MailboxAutoReplyConfiguration")
	exo.Describe(set, map[string]string{
		"Identity":                         "The mailbox whose Automatic Replies to change.",
		"AutoReplyState":                   "Disabled, Enabled, or Scheduled (between StartTime and EndTime on the simulated clock).",
		"StartTime":                        "When scheduled replies start.",
		"EndTime":                          "When scheduled replies end; later than StartTime.",
		"InternalMessage":                  "The reply to senders inside the organization ($null clears it).",
		"ExternalMessage":                  "The reply to senders outside ($null clears it).",
		"ExternalAudience":                 "None, Known (senders in the mailbox's contacts) or All.",
		"AutoDeclineFutureRequestsWhenOOF": "$true declines new meeting requests during the scheduled time.",
		"CreateOOFEvent":                   "$true adds a calendar event for the scheduled time.",
		"OOFEventSubject":                  "The subject of that event.",
		"DeclineAllEventsForScheduledOOF":  "$true declines every existing event during the scheduled time.",
		"DeclineEventsForScheduledOOF":     "$true allows existing events during the scheduled time to be declined.",
		"EventsToDeleteIDs":                "The events to decline (not with DeclineAllEventsForScheduledOOF).",
		"DeclineMeetingMessage":            "The text sent with declined meetings.",
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

func autoReplyObject(m *directory.Mailbox, s *ar.Settings) *object.PSObject {
	o := object.NewObject(TypeAutoReply, "System.Object")
	events := make([]any, 0, len(s.EventsToDeleteIDs))
	for _, e := range s.EventsToDeleteIDs {
		events = append(events, e)
	}
	o.AddTyped("AutoDeclineFutureRequestsWhenOOF", "System.Boolean", s.AutoDeclineFutureRequestsWhenOOF)
	o.AddTyped("AutoReplyState", "Microsoft.Exchange.InfoWorker.Common.OOF.OofState", s.State)
	o.AddTyped("CreateOOFEvent", "System.Boolean", s.CreateOOFEvent)
	o.AddTyped("DeclineAllEventsForScheduledOOF", "System.Boolean", s.DeclineAllEventsForScheduledOOF)
	o.AddTyped("DeclineEventsForScheduledOOF", "System.Boolean", s.DeclineEventsForScheduledOOF)
	o.AddTyped("DeclineMeetingMessage", "System.String", exo.NilIfEmpty(s.DeclineMeetingMessage))
	o.AddTyped("EndTime", "System.DateTime", s.EndTime)
	o.AddTyped("EventsToDeleteIDs", "System.String[]", events)
	o.AddTyped("ExternalAudience", "Microsoft.Exchange.InfoWorker.Common.OOF.ExternalAudience", s.ExternalAudience)
	o.AddTyped("ExternalMessage", "System.String", exo.NilIfEmpty(s.ExternalMessage))
	o.AddTyped("InternalMessage", "System.String", exo.NilIfEmpty(s.InternalMessage))
	o.AddTyped("OOFEventSubject", "System.String", exo.NilIfEmpty(s.OOFEventSubject))
	o.AddTyped("StartTime", "System.DateTime", s.StartTime)
	o.AddTyped("MailboxOwnerId", "System.String", m.Identity())
	o.AddTyped("Identity", "System.String", m.Identity())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	id := m.Identity()
	o.ToStringFunc = func() string { return id }
	return o
}

func getAutoReply(ctx *command.Context) error {
	return mailbox.WriteSetting(ctx, func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error) {
		s, err := ar.Get(tx, m)
		if err != nil {
			return nil, err
		}
		return autoReplyObject(m, s), nil
	})
}

// htmlMessage is a reply as Exchange keeps it: text without its own html
// element is wrapped in one.
func htmlMessage(s string) string {
	if s == "" || strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "<html") {
		return s
	}
	return "<html><body>" + s + "</body></html>"
}

// applyAutoReply sets what the call's parameters name.
func applyAutoReply(ctx *command.Context, s *ar.Settings) *object.ErrorRecord {
	if rec := exo.EnumArg(ctx, "AutoReplyState", "Microsoft.Exchange.InfoWorker.Common.OOF.OofState", ar.States, &s.State); rec != nil {
		return rec
	}
	if rec := exo.EnumArg(ctx, "ExternalAudience", "Microsoft.Exchange.InfoWorker.Common.OOF.ExternalAudience", ar.Audiences, &s.ExternalAudience); rec != nil {
		return rec
	}
	for name, field := range map[string]*time.Time{"StartTime": &s.StartTime, "EndTime": &s.EndTime} {
		if t, ok := ctx.Time(name); ok {
			*field = t.UTC()
		}
	}
	for name, field := range map[string]*string{"InternalMessage": &s.InternalMessage, "ExternalMessage": &s.ExternalMessage} {
		if ctx.Has(name) {
			*field = htmlMessage(ctx.String(name))
		}
	}
	for name, field := range map[string]*string{"OOFEventSubject": &s.OOFEventSubject, "DeclineMeetingMessage": &s.DeclineMeetingMessage} {
		if ctx.Has(name) {
			*field = ctx.String(name)
		}
	}
	for name, field := range map[string]*bool{"AutoDeclineFutureRequestsWhenOOF": &s.AutoDeclineFutureRequestsWhenOOF, "CreateOOFEvent": &s.CreateOOFEvent,
		"DeclineAllEventsForScheduledOOF": &s.DeclineAllEventsForScheduledOOF, "DeclineEventsForScheduledOOF": &s.DeclineEventsForScheduledOOF} {
		if ctx.Has(name) {
			*field = ctx.Bool(name)
		}
	}
	if ctx.Has("EventsToDeleteIDs") {
		s.EventsToDeleteIDs = nil
		for _, e := range ctx.Strings("EventsToDeleteIDs") {
			if strings.TrimSpace(e) != "" {
				s.EventsToDeleteIDs = append(s.EventsToDeleteIDs, e)
			}
		}
	}
	return nil
}

func setAutoReply(ctx *command.Context) error {
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf("Setting the automatic reply configuration for mailbox Identity:\"%s\".", mailbox.TypedIdentity(ctx, m.Identity())), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		s, err := ar.Get(tx, m)
		if err != nil {
			return nil, err
		}
		if rec := applyAutoReply(ctx, s); rec != nil {
			return rec, nil
		}
		err = ar.Put(tx, m, s)
		var te *ar.TimeRangeError
		if errors.As(err, &te) {
			return exo.Error(ctx, exArgument, te.Error(), object.InvalidArgument, m.Identity()), nil
		}
		return nil, err
	})
}

func bypassObject(m *directory.Mailbox, on bool) *object.PSObject {
	o := object.NewObject(TypeAuditBypass, "System.Object")
	o.AddTyped("AuditBypassEnabled", "System.Boolean", on)
	o.AddTyped("ObjectId", "System.String", m.Identity())
	o.AddTyped("Name", "System.String", m.Name)
	o.AddTyped("Identity", "System.String", m.Identity())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	id := m.Identity()
	o.ToStringFunc = func() string { return id }
	return o
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
