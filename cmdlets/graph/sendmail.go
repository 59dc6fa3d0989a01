package graph

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Send-MgUserMail is the Graph sendMail action, which report runbooks use
// to mail their results from a mailbox. The message goes through the
// simulated tenant's mail flow as Send-MailMessage's does: recipients in
// the tenant receive it and every recipient shows in message trace, from
// the mailbox of the user named by -UserId.

// invalidUser is the mail service's answer for a -UserId that names no
// account of the tenant.
func invalidUser(id string) *serviceError {
	return &serviceError{Status: 404, Reason: "NotFound", Code: "ErrorInvalidUser",
		Message: "The requested user '" + id + "' is invalid."}
}

// mailboxNotEnabled is the answer for an account without a mailbox in
// Exchange Online.
func mailboxNotEnabled() *serviceError {
	return &serviceError{Status: 404, Reason: "NotFound", Code: "MailboxNotEnabledForRESTAPI",
		Message: "The mailbox is either inactive, soft-deleted, or is hosted on-premise."}
}

// noRecipients is the answer for a message addressed to nobody.
func noRecipients() *serviceError {
	return &serviceError{Status: 400, Reason: "BadRequest", Code: "ErrorInvalidRecipients",
		Message: "At least one recipient is required, but none were found."}
}

// mailMessage is what the simulator keeps of a Graph message resource.
type mailMessage struct {
	subject     string
	body        string
	recipients  []string
	attachments []string
}

// listOf is the items of a collection property: a single hashtable (or
// other single value) counts as a list of one, as the SDK's conversion of
// the request takes it.
func listOf(v any) []any {
	if v == nil {
		return nil
	}
	if _, isTable := object.Unwrap(v).(*object.Hashtable); isTable {
		return []any{v}
	}
	if items, ok := object.Enumerate(v); ok {
		return items
	}
	return []any{v}
}

// recipientAddresses reads a recipient collection: each recipient is a
// hashtable or object with emailAddress.address.
func recipientAddresses(v any) []string {
	var out []string
	for _, it := range listOf(v) {
		addr := member(member(it, "emailAddress"), "address")
		if s := strings.TrimSpace(object.ToInvariantString(addr)); addr != nil && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// readMessage reads a message resource (a hashtable or object with the
// Graph property names, matched without regard to case).
func readMessage(v any) mailMessage {
	m := mailMessage{subject: object.ToInvariantString(member(v, "subject"))}
	if b := member(v, "body"); b != nil {
		if c := member(b, "content"); c != nil {
			m.body = object.ToInvariantString(c)
		} else if _, isText := b.(string); isText {
			m.body = b.(string)
		}
	}
	for _, list := range []string{"toRecipients", "ccRecipients", "bccRecipients"} {
		m.recipients = append(m.recipients, recipientAddresses(member(v, list))...)
	}
	if a := member(v, "attachments"); a != nil {
		for _, it := range listOf(a) {
			if n := member(it, "name"); n != nil {
				m.attachments = append(m.attachments, object.ToInvariantString(n))
			}
		}
	}
	return m
}

func sendMgUserMail() *command.Command {
	c := cmd("Send-MgUserMail", ModuleUsersActions, "SendMgUserMail_SendExpanded")
	c.Synopsis = "Sends a message from a user's mailbox (the Graph sendMail action): in exosim, through the simulated tenant's mail flow."
	c.Description = "The message is a hashtable (or object) with Graph's names: subject, body (contentType, content), toRecipients, ccRecipients and bccRecipients " +
		"(each @{emailAddress = @{address = '...'}}) and attachments; -BodyParameter wraps it as @{message = ...; saveToSentItems = ...}. " +
		"exosim has no network: the message is delivered inside the simulated tenant (recipients in the tenant receive it, and every recipient shows in message trace). " +
		"The simulator does not check the Mail.Send permission of the session or send-as rights on the mailbox, and keeps no Sent Items copy."
	c.OutputType = "System.Boolean"
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Params = append(actionParams(c, "Send", "The request body: a hashtable with message and saveToSentItems.",
		params.P("Message", params.TObject, params.Help("The message: a hashtable with subject, body, toRecipients, ccRecipients, bccRecipients and attachments.")),
		params.P("SaveToSentItems", params.TSwitch, params.Help("Whether to keep a copy in Sent Items (the simulator keeps none).")),
	), append([]*params.Param{params.P("PassThru", params.TSwitch, params.Help("Returns true when the command succeeds."))}, commonParams()...)...)
	c.Examples = []command.Example{
		{Code: "$msg = @{subject = 'Report'; body = @{contentType = 'HTML'; content = '<p>Done</p>'}; toRecipients = @(@{emailAddress = @{address = 'meganb@contoso.com'}})}; Send-MgUserMail -UserId annb@contoso.com -BodyParameter @{message = $msg; saveToSentItems = $true}",
			Remark: "Mails Megan from Ann's mailbox; Get-MessageTraceV2 -SenderAddress annb@contoso.com shows it."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		id := identityArg(ctx, "UserId")
		var msg mailMessage
		if ctx.Has("BodyParameter") {
			msg = readMessage(member(ctx.Value("BodyParameter"), "message"))
		} else {
			msg = readMessage(ctx.Value("Message"))
		}
		do, err := ctx.ShouldProcess("Call remote 'POST /users/{user-id}/sendMail' operation", variant(ctx))
		if err != nil || !do {
			return err
		}
		var ref *refusal
		err = exo.Update(ctx, func(tx *store.Tx) error {
			u, err := findUser(tx, id, directory.UserActive)
			if err != nil {
				return err
			}
			if u == nil {
				ref = &refusal{svc: invalidUser(id)}
				return ref
			}
			v, err := loadView(tx, u)
			if err != nil {
				return err
			}
			from, _ := v.mail().(string)
			if from == "" {
				ref = &refusal{svc: mailboxNotEnabled()}
				return ref
			}
			if len(msg.recipients) == 0 {
				ref = &refusal{svc: noRecipients()}
				return ref
			}
			body := msg.body
			if len(msg.attachments) > 0 {
				if body != "" {
					body += "\n"
				}
				body += "Attachments: " + strings.Join(msg.attachments, ", ")
			}
			_, err = ome.SendMessage(tx, ome.SendInput{From: from, To: msg.recipients, Subject: msg.subject, Body: body})
			var ve *store.ValidationError
			if errors.As(err, &ve) {
				ref = &refusal{svc: badRequest(ve.Message)}
				return ref
			}
			return err
		})
		if ref != nil {
			return writeServiceError(ctx, ref.svc, id)
		}
		if err != nil {
			return err
		}
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(true)
		}
		return nil
	}
	return c
}
