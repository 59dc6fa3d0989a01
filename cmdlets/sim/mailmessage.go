package sim

import (
	"errors"
	"net/mail"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/ome"
)

// Send-MailMessage is PowerShell's own mail cmdlet, which report runbooks
// use to mail their CSV. exosim has no SMTP server to hand it to: the
// message goes through the tenant's mail flow as Send-SimMessage's does
// (recipients in the tenant receive it, every recipient shows in message
// trace), whatever SMTP server the call names. As in PowerShell 7 the call
// first warns that the cmdlet is obsolete, and it needs an SMTP server
// (-SmtpServer or $PSEmailServer) and attachments that exist.

// obsoleteMailWarning is PowerShell 7's warning for the obsolete cmdlet.
const obsoleteMailWarning = "The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections to SMTP servers. " +
	"While there is no immediate replacement available in PowerShell, we recommend you do not use Send-MailMessage at this time. " +
	"See https://aka.ms/SendMailMessage for more information."

// PowerShellCmdlets declares PowerShell's own cmdlets that deliver through
// the simulated tenant (Send-MailMessage).
var PowerShellCmdlets = command.Table{Commands: []command.Decl{
	{Name: "Send-MailMessage", Build: sendMailMessage},
}}

// PowerShellCommands returns PowerShellCmdlets as command values.
func PowerShellCommands() []*command.Command { return PowerShellCmdlets.StandIns() }

func sendMailMessage() *command.Command {
	c := engine.Declared("Send-MailMessage", engine.ModUtility)
	c.FullTypeName = "Microsoft.PowerShell.Commands.SendMailMessage"
	c.Synopsis = "Sends an email message: in exosim, through the simulated tenant's mail flow."
	c.Examples = []command.Example{{Code: "Get-Mailbox | Export-Csv mailboxes.csv; Send-MailMessage -From reports@contoso.com -To annb@contoso.com -Subject 'Mailboxes' -Attachments mailboxes.csv -SmtpServer smtp.contoso.com",
		Remark: "Mails a report; Get-MessageTraceV2 -SenderAddress reports@contoso.com shows it."}}
	c.Description = "exosim has no network: the message is delivered inside the simulated tenant (recipients in the tenant receive it, " +
		"and every recipient shows in message trace) whatever SMTP server the call names. Attachments must exist on the simulated drives."
	var attachments []string
	c.Handler.Begin = func(ctx *command.Context) error {
		attachments = nil
		ctx.WriteWarning(obsoleteMailWarning)
		server := ctx.String("SmtpServer")
		if !ctx.Has("SmtpServer") {
			if v, ok := runtime.Of(ctx).Scope().Get("PSEmailServer"); ok && v != nil {
				server = object.ToInvariantString(v)
			}
		}
		if server == "" {
			rec := ctx.NewError("The email cannot be sent because no SMTP server was specified. You must specify an SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.",
				"", object.InvalidArgument, "InvalidOperationException", nil)
			rec.ExceptionFullType = "System.InvalidOperationException"
			return ctx.Fail(rec)
		}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		for _, a := range ctx.Strings("Attachments") {
			ns := runtime.Of(ctx).Files()
			p, err := ns.Resolve(a)
			if err != nil {
				return ctx.Fail(ctx.NewError(err.Error(), "System.IO.FileNotFoundException", object.NotSpecified, "FileNotFoundException", nil))
			}
			if fi, err := ns.Stat(p); err != nil || fi.IsDir() {
				rec := ctx.NewError("Could not find file '"+p.ProviderPath()+"'.", "System.IO.FileNotFoundException", object.NotSpecified, "FileNotFoundException", nil)
				rec.ExceptionFullType = "System.IO.FileNotFoundException"
				return ctx.Fail(rec)
			}
			attachments = append(attachments, p.Name())
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		from, err := mailAddress(ctx.String("From"))
		if err != nil {
			return ctx.Fail(ctx.NewError("The specified string is not in the form required for an e-mail address.", "FormatException", object.InvalidType, "FormatException", ctx.String("From")))
		}
		var to []string
		for _, param := range []string{"To", "Cc", "Bcc"} {
			for _, s := range ctx.Strings(param) {
				a, err := mailAddress(s)
				if err != nil {
					_ = ctx.WriteError(ctx.NewError("The specified string is not in the form required for an e-mail address.", "FormatException", object.InvalidType, "FormatException", nil))
					continue
				}
				to = append(to, a)
			}
		}
		if len(to) == 0 {
			return nil
		}
		body := ctx.String("Body")
		if len(attachments) > 0 {
			if body != "" {
				body += "\n"
			}
			body += "Attachments: " + strings.Join(attachments, ", ")
		}
		in := ome.SendInput{From: from, To: to, Subject: ctx.String("Subject"), Body: body}
		// A refusal is a terminating error, which rolls the send back.
		return exo.Update(ctx, func(tx *store.Tx) error {
			_, err := ome.SendMessage(tx, in)
			var ve *store.ValidationError
			if errors.As(err, &ve) {
				return ctx.Fail(ctx.NewError(ve.Error(), "SmtpException", object.InvalidOperation, "SmtpException", nil))
			}
			return err
		})
	}
	return c
}

// mailAddress is the address of "Name <someone@contoso.com>" or of a bare
// address.
func mailAddress(s string) (string, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil {
		return "", err
	}
	return a.Address, nil
}
