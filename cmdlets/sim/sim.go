// Package sim declares the simulator's own cmdlets (noun prefix Sim): the
// simulated clock, sending mail into the tenant, resetting the tenant, and
// the two views of encrypted mail that live outside Exchange Online
// PowerShell (the sender's "Remove external access" action in Outlook on
// the web and the recipient's view of the encrypted-mail portal).
package sim

import (
	"errors"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/ome"
	seeds "github.com/exosim/exosim/store/seed"
)

// Module is the module the simulator cmdlets belong to.
const (
	Module  = "Exosim"
	Version = "1.0.0"
)

// Output type names.
const (
	TypeClock      = "Exosim.SimClock"
	TypeMessage    = "Exosim.SimMessage"
	TypePortalView = "Exosim.SimPortalView"
)

func cmd(name, typeName string) *command.Command {
	return &command.Command{
		Name:         name,
		Type:         command.CmdletCommand,
		Module:       Module,
		Version:      Version,
		FullTypeName: "Exosim.Commands." + typeName,
	}
}

// Cmdlets declares the simulator cmdlets by name: a session builds one the
// first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-SimClock", Build: getClock},
	{Name: "Set-SimClock", Build: setClock},
	{Name: "Send-SimMessage", Build: sendMessage},
	{Name: "Reset-SimTenant", Build: resetTenant},
	{Name: "Invoke-SimSenderRevocation", Build: senderRevocation},
	{Name: "Get-SimPortalView", Build: portalView},
	{Name: "Add-SimMailboxes", Build: addMailboxes},
	{Name: "Set-SimItemLabel", Build: itemLabel},
	{Name: "Switch-SimUser", Build: switchUser},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the simulator's output types.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name:      "SimClock",
		TypeNames: []string{TypeClock},
		Kind:      format.TableView,
		AutoSize:  true,
		Columns: []format.Column{
			{Label: "Now", Property: "Now"},
			{Label: "PendingTimers", Property: "PendingTimers", Align: format.AlignRight},
			{Label: "NextTimer", Property: "NextTimer"},
		},
	})
	r.Add(&format.View{
		Name:      "SimPortalView",
		TypeNames: []string{TypePortalView},
		Kind:      format.ListView,
		Items: []format.ListItem{
			{Property: "Recipient"},
			{Property: "Experience"},
			{Property: "Portal"},
		},
	})
}

// simError writes a non-terminating error of a simulator cmdlet.
func simError(ctx *command.Context, msg, id string, cat object.ErrorCategory, target any) error {
	return ctx.WriteError(ctx.NewError(msg, id, cat, "InvalidOperationException", target))
}

// utc reads a DateTime argument as UTC wall-clock time.
func utc(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

func getClock() *command.Command {
	c := cmd("Get-SimClock", "GetSimClockCommand")
	c.Synopsis = "Shows the tenant's simulated clock and its pending timers."
	c.Description = "Every command runs at the simulated time. The clock moves only with Set-SimClock (or Start-Sleep); due timers such as purges and delay-hold expiries fire as it moves."
	c.OutputType = TypeClock
	c.Examples = []command.Example{
		{Code: "Get-SimClock", Remark: "Prints the simulated time, how many timers are waiting, and when the next one is due."},
		{Code: "(Get-SimClock).Now.AddDays(30)", Remark: "Works out a date 30 days from the simulated now."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var o *object.PSObject
		err := exo.View(ctx, func(tx *store.Tx) error {
			timers, err := tx.PendingTimers()
			if err != nil {
				return err
			}
			o = clockObject(tx.Now(), timers)
			return nil
		})
		if err != nil {
			return err
		}
		return ctx.WriteObject(o)
	}
	return c
}

func clockObject(now time.Time, timers []store.Timer) *object.PSObject {
	o := object.NewObject(TypeClock, "System.Object")
	o.AddTyped("Now", "System.DateTime", now.UTC())
	o.AddTyped("PendingTimers", "System.Int32", len(timers))
	var next any
	if len(timers) > 0 {
		first := timers[0].Due
		for _, t := range timers[1:] {
			if t.Due.Before(first) {
				first = t.Due
			}
		}
		next = first.UTC()
	}
	o.AddTyped("NextTimer", "System.Nullable`1[[System.DateTime]]", next)
	return o
}

func setClock() *command.Command {
	c := cmd("Set-SimClock", "SetSimClockCommand")
	c.Synopsis = "Moves the simulated clock forward and fires every timer that falls due."
	c.Description = "Give either a target date (-Date) or an amount of time (-Advance). The clock never goes backwards. Timers are processed in time order, so a long advance also fires timers that earlier timers schedule."
	c.Sets = []string{"Date", "Advance"}
	c.DefaultSet = "Advance"
	c.Params = []*params.Param{
		params.P("Date", params.TDateTime, params.InSets(params.Set("Date", true, 0)),
			params.Help("The simulated time to move to (UTC); it must not be earlier than now.")),
		params.P("Advance", params.TTimeSpan, params.InSets(params.Set("Advance", true, -1)),
			params.Help("How far to move the clock, as a TimeSpan such as '31.00:00:00' or (New-TimeSpan -Days 31).")),
	}
	c.Examples = []command.Example{
		{Code: "Set-SimClock -Advance '30.00:00:00'", Remark: "Moves the clock 30 days ahead: every 30-day timer started now falls due and fires."},
		{Code: "Set-SimClock -Date '2024-04-15 08:00'", Remark: "Moves the clock to a given moment."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if err := requireTrainer(ctx, ""); err != nil {
			return err
		}
		var backwards *store.ClockBackwardsError
		outOfRange := false
		err := exo.Update(ctx, func(tx *store.Tx) error {
			target := tx.Now()
			if t, ok := ctx.Time("Date"); ok {
				target = utc(t)
			} else if ts, ok := ctx.Value("Advance").(object.TimeSpan); ok {
				// tick arithmetic: the clock reaches year 9999, as a DateTime does
				if target, ok = object.AddDateTicks(target, int64(ts)); !ok {
					outOfRange = true
					return nil
				}
			}
			err := tx.AdvanceTo(target)
			if errors.As(err, &backwards) {
				return nil
			}
			return err
		})
		if err != nil {
			return err
		}
		if outOfRange {
			return simError(ctx, "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')", "ArgumentOutOfRange", object.InvalidArgument, ctx.Value("Advance"))
		}
		if backwards != nil {
			return simError(ctx, "The simulated clock can't go backwards: it is "+object.ToCultureString(backwards.Now.UTC())+
				" and "+object.ToCultureString(backwards.Requested.UTC())+" is earlier.", "ClockBackwards", object.InvalidArgument, backwards.Requested)
		}
		return nil
	}
	return c
}

func sendMessage() *command.Command {
	c := cmd("Send-SimMessage", "SendSimMessageCommand")
	c.Synopsis = "Sends a message in the simulated tenant and records it in message trace."
	c.Description = "The message passes the tenant's mail flow rules. With -Encrypt (or a rule that encrypts) each recipient's Message Encryption experience is decided at send time: inline for people in the organization and for Microsoft 365 or Microsoft-account recipients, the portal for everyone else or when a rule applies a custom branding template. " +
		"Sending from another mailbox needs Send As on it (Add-RecipientPermission) or a place in its GrantSendOnBehalfTo, unless you are the trainer; " +
		"the mailbox audit log records the owner's Send, or the delegate's SendAs or SendOnBehalf (Search-MailboxAuditLog, Search-UnifiedAuditLog -RecordType ExchangeItem)."
	c.OutputType = TypeMessage
	c.Params = []*params.Param{
		params.P("From", params.TString, params.Mandatory(), params.Help("Sender address.")),
		params.P("To", params.TStrings, params.Mandatory(), params.Help("Recipient addresses.")),
		params.P("Subject", params.TString, params.Mandatory(), params.Help("Subject line.")),
		params.P("Body", params.TString, params.Help("Message text.")),
		params.P("Encrypt", params.TSwitch, params.Help("Encrypts the message as the sender does in Outlook on the web.")),
		params.P("Template", params.TString, params.Help("Branding template (OME configuration) to use; implies -Encrypt.")),
		params.P("ProtectionOption", params.EnumType("String", "System.String", "Encrypt", "Do Not Forward"),
			params.Help("Encrypt (Encrypt-Only, the default) or Do Not Forward; implies -Encrypt.")),
		params.P("MessageId", params.TString,
			params.Help("The Message-ID to give the message (angle brackets are added when missing); by default one is generated. Labs use it to name a message in their task.")),
	}
	c.Examples = []command.Example{
		{Code: "Send-SimMessage -From annb@contoso.com -To jane.doe@gmail.com -Subject 'Price list' -Encrypt",
			Remark: "Sends an encrypted message to a Gmail user, who reads it in the portal; an admin can revoke it."},
		{Code: "$m = Send-SimMessage -From annb@contoso.com -To sam@outlook.com -Subject Hello -Encrypt; Get-OMEMessageStatus -MessageId $m.MessageId",
			Remark: "Sends to an outlook.com user (inline experience) and checks that the message can't be revoked."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in := ome.SendInput{
			From:             ctx.String("From"),
			To:               ctx.Strings("To"),
			Subject:          ctx.String("Subject"),
			Body:             ctx.String("Body"),
			Encrypt:          ctx.Switch("Encrypt") || ctx.Has("Template") || ctx.Has("ProtectionOption"),
			Template:         strings.TrimSpace(ctx.String("Template")),
			ProtectionOption: ctx.String("ProtectionOption"),
			MessageID:        strings.TrimSpace(ctx.String("MessageId")),
		}
		caller := exo.Caller(runtime.Of(ctx))
		own := isCaller(ctx, caller, strings.TrimSpace(in.From))
		var m *ome.Message
		done, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			// A delegate with Send As or Send on Behalf sends from the
			// mailbox as its own action; anyone else's address needs the
			// trainer.
			from, err := senderMailbox(tx, in.From)
			if err != nil {
				return nil, err
			}
			right := sendAsSomeoneFor
			if from != nil {
				if right, err = sendRight(tx, caller, from); err != nil {
					return nil, err
				}
			}
			if !own && right != sendAs && right != sendOnBehalf && !rbac.IsTrainer(runtime.Of(ctx)) {
				return trainerError(ctx, "Sending a message from someone else's address ("+in.From+")"), nil
			}
			m, err = ome.SendMessage(tx, in)
			if err == nil && from != nil {
				return nil, auditSend(tx, caller, from, right, m)
			}
			var ve *store.ValidationError
			var nf *store.NotFoundError
			failure := ""
			switch {
			case errors.As(err, &ve):
				failure = ve.Error()
			case errors.As(err, &nf):
				failure = "The branding template '" + in.Template + "' doesn't exist. Get-OMEConfiguration lists the templates."
			default:
				return nil, err
			}
			// Refused: roll back whatever the attempt touched (the ID
			// generator, trace rows) before reporting it.
			return ctx.NewError(failure, "SendFailed", object.InvalidArgument, "InvalidOperationException", in.Subject), nil
		})
		if err != nil || !done {
			return err
		}
		return ctx.WriteObject(messageObject(m))
	}
	return c
}

func messageObject(m *ome.Message) *object.PSObject {
	o := object.NewObject(TypeMessage, "System.Object")
	o.AddTyped("MessageId", "System.String", m.MessageID)
	o.AddTyped("MessageTraceId", "System.Guid", exo.GuidValue(m.MessageTraceID))
	o.AddTyped("SentTime", "System.DateTime", m.SentTime.UTC())
	o.AddTyped("Sender", "System.String", m.Sender)
	var rcpts, exps []any
	for _, r := range m.Recipients {
		rcpts = append(rcpts, r.Address)
		e := r.Experience
		if e == "" {
			e = "None"
		}
		exps = append(exps, r.Address+": "+e)
	}
	o.AddTyped("Recipients", "System.String[]", rcpts)
	o.AddTyped("Subject", "System.String", m.Subject)
	o.AddTyped("Encrypted", "System.Boolean", m.Encrypted)
	o.AddTyped("ProtectionOption", "System.String", exo.NilIfEmpty(m.ProtectionOption))
	o.AddTyped("BrandingTemplate", "System.String", exo.NilIfEmpty(m.BrandingTemplate))
	o.AddTyped("AppliedBy", "System.String", exo.NilIfEmpty(m.AppliedBy))
	o.AddTyped("Experience", "System.String[]", exps)
	var exp any
	if m.ExpiresAt != nil {
		exp = m.ExpiresAt.UTC()
	}
	o.AddTyped("ExpiryTime", "System.Nullable`1[[System.DateTime]]", exp)
	return o
}

func resetTenant() *command.Command {
	c := cmd("Reset-SimTenant", "ResetSimTenantCommand")
	c.Synopsis = "Throws the tenant away and recreates it from a seed."
	c.Description = "Everything in the tenant file is replaced, and the simulated clock goes back to the seed's start time. The contoso seed has people, mailboxes and sent messages; the empty seed has only the organization and its administrator."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactHigh
	c.Params = []*params.Param{
		params.P("Seed", params.EnumType("String", "System.String", seeds.Names()...), params.Position(0),
			params.Help("contoso (default) or empty.")),
	}
	c.Examples = []command.Example{
		{Code: "Reset-SimTenant -Confirm:$false", Remark: "Starts again from the contoso seed without asking."},
		{Code: "Reset-SimTenant -Seed empty", Remark: "Asks for confirmation, then leaves a tenant with only the organization."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		seed := ctx.String("Seed")
		if seed == "" {
			seed = seeds.Contoso
		}
		if err := requireTrainer(ctx, ""); err != nil {
			return err
		}
		ok, err := ctx.ShouldProcess("tenant", "Reset to seed \""+seed+"\"")
		if err != nil || !ok {
			return err
		}
		st := exo.Tenant(ctx)
		if st == nil {
			return ctx.Fail(ctx.NewError("No tenant is open.", "NoTenant", object.ResourceUnavailable, "InvalidOperationException", nil))
		}
		if err := seeds.Init(st, seed, store.DefaultClock(), true); err != nil {
			return ctx.Fail(ctx.NewError(err.Error(), "ResetFailed", object.InvalidOperation, "InvalidOperationException", seed))
		}
		return nil
	}
	return c
}

func senderRevocation() *command.Command {
	c := cmd("Invoke-SimSenderRevocation", "InvokeSimSenderRevocationCommand")
	c.Synopsis = "Revokes an encrypted message the way its sender does in Outlook on the web (Remove external access)."
	c.Description = "Senders can revoke only a message they sent to exactly one recipient who reads it in the encrypted-mail portal (for example one gmail.com or yahoo.com address), and only when the tenant has Advanced Message Encryption. " +
		"The command acts as the signed-in user in Outlook on the web: -Sender defaults to them, and a user whose roles don't include message revocation (Set-OMEMessageRevocation) can name only themselves."
	c.Params = []*params.Param{
		params.P("Sender", params.TString, params.Help("Address of the person who sent the message (default: the signed-in user).")),
		params.P("MessageId", params.TString, params.Mandatory(), params.Help("Full Message-ID, angle brackets included.")),
	}
	c.Examples = []command.Example{
		{Code: "Invoke-SimSenderRevocation -Sender annb@contoso.com -MessageId '<f1a2b3c4-0d1e-4f5a-9b8c-7d6e5f4a3b2c@DM3NAM06BG401.prod.outlook.com>'",
			Remark: "Ann removes external access to the Q3 figures she sent to one Gmail address."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id, sender := ctx.String("MessageId"), strings.TrimSpace(ctx.String("Sender"))
		caller := exo.Caller(runtime.Of(ctx))
		if sender == "" {
			sender = caller
		}
		if !isCaller(ctx, caller, sender) {
			if _, admin := runtime.Of(ctx).LookupCommand("Set-OMEMessageRevocation"); !admin {
				return simError(ctx, "You're signed in as "+caller+" and can remove external access only to messages you sent yourself.",
					"SenderRevocationNotOwner", object.PermissionDenied, sender)
			}
		}
		var failure string
		var cat object.ErrorCategory
		err := exo.Update(ctx, func(tx *store.Tx) error {
			err := ome.SenderRevokeMessage(tx, id, sender)
			var nf *ome.MessageNotFoundError
			var nr *ome.NotRevocableError
			var ame *ome.NoAMELicenseError
			switch {
			case err == nil:
			case errors.As(err, &nf):
				failure, cat = "The message with Message ID '"+nf.MessageID+"' couldn't be found.", object.ObjectNotFound
			case errors.As(err, &nr):
				failure, cat = "Remove external access isn't available for this message: "+nr.Reason+".", object.InvalidOperation
			case errors.As(err, &ame):
				failure, cat = ame.Error()+".", object.InvalidOperation
			default:
				return err
			}
			return nil
		})
		if err != nil {
			return err
		}
		if failure != "" {
			return simError(ctx, failure, "SenderRevocationFailed", cat, id)
		}
		return nil
	}
	return c
}

// isCaller reports whether address is one of the signed-in user's: their
// UPN or an address of their mailbox.
func isCaller(ctx *command.Context, caller, address string) bool {
	match := false
	_ = exo.View(ctx, func(tx *store.Tx) error {
		match = ownsAddress(tx, caller, address)
		return nil
	})
	return match
}

// Portal texts for recipients who open the message normally.
const (
	portalOpens   = "The message opens in the encrypted-mail portal"
	inlineReading = "Read inline in Outlook; the portal isn't used"
	notEncrypted  = "The message isn't encrypted"
)

func portalView() *command.Command {
	c := cmd("Get-SimPortalView", "GetSimPortalViewCommand")
	c.Synopsis = "Shows what a recipient of an encrypted message sees when opening it."
	c.Description = "Recipients with the portal (link-based) experience see an error once the message is revoked or has expired; recipients who read it inline in Outlook are never affected."
	c.OutputType = TypePortalView
	c.Params = []*params.Param{
		params.P("MessageId", params.TString, params.Mandatory(), params.Help("Full Message-ID, angle brackets included.")),
		params.P("Recipient", params.TString, params.Mandatory(), params.Help("The recipient's address.")),
	}
	c.Examples = []command.Example{
		{Code: "Get-SimPortalView -MessageId '<f1a2b3c4-0d1e-4f5a-9b8c-7d6e5f4a3b2c@DM3NAM06BG401.prod.outlook.com>' -Recipient jane.doe@gmail.com",
			Remark: "Shows Jane's view of the Q3 figures message, for example after an admin revoked it."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id, addr := ctx.String("MessageId"), strings.TrimSpace(ctx.String("Recipient"))
		var o *object.PSObject
		var failure string
		err := exo.View(ctx, func(tx *store.Tx) error {
			m, err := ome.GetMessage(tx, id)
			var nf *ome.MessageNotFoundError
			if errors.As(err, &nf) {
				failure = "The message with Message ID '" + nf.MessageID + "' couldn't be found."
				return nil
			} else if err != nil {
				return err
			}
			for _, r := range m.Recipients {
				if strings.EqualFold(r.Address, addr) {
					o = portalObject(m, r, tx.Now())
					return nil
				}
			}
			failure = "'" + addr + "' isn't a recipient of the message with Message ID '" + m.MessageID + "'."
			return nil
		})
		if err != nil {
			return err
		}
		if failure != "" {
			return simError(ctx, failure, "PortalViewFailed", object.ObjectNotFound, id)
		}
		return ctx.WriteObject(o)
	}
	return c
}

// portalText decides what the recipient sees at now.
func portalText(m *ome.Message, r ome.MessageRecipient, now time.Time) string {
	if t := ome.PortalView(m, r.Address, now); t != "" {
		return t
	}
	switch {
	case !m.Encrypted:
		return notEncrypted
	case r.Experience == ome.ExperienceLinkBased:
		return portalOpens
	}
	return inlineReading
}

func portalObject(m *ome.Message, r ome.MessageRecipient, now time.Time) *object.PSObject {
	o := object.NewObject(TypePortalView, "System.Object")
	o.AddTyped("MessageId", "System.String", m.MessageID)
	o.AddTyped("Recipient", "System.String", r.Address)
	o.AddTyped("IdentityType", "System.String", r.IdentityType)
	exp := r.Experience
	if exp == "" {
		exp = "None"
	}
	o.AddTyped("Experience", "System.String", exp)
	o.AddTyped("Portal", "System.String", portalText(m, r, now))
	return o
}
