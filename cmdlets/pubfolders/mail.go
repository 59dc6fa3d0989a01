package pubfolders

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	pf "github.com/exosim/exosim/store/pubfolders"
)

// Mail-enabled public folders: Enable-MailPublicFolder gives a folder a
// mail recipient (an alias made from its name, an address at the
// organization's default domain), Disable-MailPublicFolder takes it
// away, and Get-MailPublicFolder lists the recipients.

// TypeMailFolder is the output type of Get-MailPublicFolder.
const TypeMailFolder = "Deserialized.Microsoft.Exchange.Data.Directory.Management.MailPublicFolder"

// mailViews registers the table of mail-enabled public folders: name,
// alias and address.
func mailViews(r *format.Registry) {
	r.Add(&format.View{Name: TypeMailFolder, TypeNames: []string{TypeMailFolder}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Alias", Property: "Alias"},
		{Label: "PrimarySmtpAddress", Property: "PrimarySmtpAddress"},
	}})
}

func mailCommands() []*command.Command {

	enable := exo.Declared("Enable-MailPublicFolder")
	enable.Synopsis = "Mail-enables a public folder: it gets an alias from its name and an address at the default domain."
	enable.ConfirmImpact = command.ImpactMedium
	enable.Examples = []command.Example{
		{Code: setup + "Enable-MailPublicFolder \\Sales; Get-MailPublicFolder Sales", Remark: "Mail-enables \\Sales and shows its recipient."},
	}
	exo.Describe(enable, map[string]string{
		"Identity":                      identityHelp,
		"HiddenFromAddressListsEnabled": "Hides the folder's recipient from the address lists (default $false).",
	})
	enable.Handler.Process = func(ctx *command.Context) error { return changeMail(ctx, true) }

	disable := exo.Declared("Disable-MailPublicFolder")
	disable.Synopsis = "Mail-disables a public folder: its recipient, alias and address go."
	disable.ConfirmImpact = command.ImpactHigh
	disable.Examples = []command.Example{
		{Code: setup + "Enable-MailPublicFolder \\Sales; Disable-MailPublicFolder \\Sales -Confirm:$false", Remark: "Mail-enables \\Sales, then mail-disables it."},
	}
	exo.Describe(disable, map[string]string{"Identity": identityHelp})
	disable.Handler.Process = func(ctx *command.Context) error { return changeMail(ctx, false) }

	get := exo.Declared("Get-MailPublicFolder")
	get.Synopsis = "Lists the mail-enabled public folders as recipients."
	get.OutputType = TypeMailFolder
	get.Examples = []command.Example{
		{Code: setup + "Enable-MailPublicFolder \\Sales; Get-MailPublicFolder | Format-List Name,Alias,PrimarySmtpAddress,EntryId", Remark: "Mail-enables a folder, then lists the mail-enabled folders."},
	}
	exo.Describe(get, map[string]string{
		"Identity":           "The mail-enabled folder: its name, alias, address, Guid or path.",
		"Anr":                "Lists the folders whose name, alias or address starts with this text.",
		"ResultSize":         "How many folders to show (default 1000) or Unlimited.",
		"IgnoreDefaultScope": "Accepted; the whole organization is in scope.",
	})
	get.Handler.Process = getMailFolders

	return []*command.Command{exo.Partial(enable, "Identity", "HiddenFromAddressListsEnabled"), disable,
		exo.Partial(get, "Identity", "Anr", "ResultSize", "IgnoreDefaultScope")}
}

// mailObject is the Get-MailPublicFolder object of the mail-enabled
// folder f.
func (s *session) mailObject(f *pf.Folder) *object.PSObject {
	o := object.NewObject(TypeMailFolder, "Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject", "Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	m := f.Mail
	const tStr, tBool = "System.String", "System.Boolean"
	o.AddTyped("Contacts", "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]", exo.MultiValued(nil))
	o.AddTyped("ContentMailbox", tStr, s.mailboxName(f.ContentMailbox))
	o.AddTyped("DeliverToMailboxAndForward", tBool, false)
	o.AddTyped("ExternalEmailAddress", tStr, "expf:"+f.EntryID)
	o.AddTyped("EntryId", tStr, f.EntryID)
	o.AddTyped("ForwardingAddress", tStr, nil)
	o.AddTyped("Alias", tStr, m.Alias)
	o.AddTyped("DisplayName", tStr, f.Name)
	o.AddTyped("EmailAddresses", "Deserialized.Microsoft.Exchange.Data.ProxyAddressCollection", exo.MultiValued([]string{"SMTP:" + m.PrimarySmtpAddress}))
	o.AddTyped("HiddenFromAddressListsEnabled", tBool, m.Hidden)
	o.AddTyped("PrimarySmtpAddress", tStr, m.PrimarySmtpAddress)
	o.AddTyped("RecipientType", tStr, "PublicFolder")
	o.AddTyped("RecipientTypeDetails", tStr, "PublicFolder")
	o.AddTyped("Name", tStr, f.Name)
	o.AddTyped("Identity", tStr, f.Name)
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(m.Guid))
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "Unchanged")
	name := f.Name
	o.ToStringFunc = func() string { return name }
	return o
}

// mailFolders returns the mail-enabled folders, in hierarchy order.
func (s *session) mailFolders() []*pf.Folder {
	var out []*pf.Folder
	for _, f := range s.h.Descendants("") {
		if f.Mail != nil {
			out = append(out, f)
		}
	}
	return out
}

func getMailFolders(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		s, rec, err := open(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		list := s.mailFolders()
		if ctx.Has("Identity") {
			id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
			var hits []*pf.Folder
			path, _ := s.h.Find(id)
			for _, f := range list {
				if f == path || strings.EqualFold(f.Name, id) || strings.EqualFold(f.Mail.Alias, id) ||
					strings.EqualFold(f.Mail.PrimarySmtpAddress, id) || strings.EqualFold(f.Mail.Guid, id) || strings.EqualFold(f.EntryID, id) {
					hits = append(hits, f)
				}
			}
			f, rec := exo.One(ctx, id, hits)
			if rec != nil {
				return rec, nil
			}
			list = []*pf.Folder{f}
		}
		if ctx.Has("Anr") {
			anr := strings.ToLower(ctx.String("Anr"))
			var kept []*pf.Folder
			for _, f := range list {
				for _, v := range []string{f.Name, f.Mail.Alias, f.Mail.PrimarySmtpAddress} {
					if strings.HasPrefix(strings.ToLower(v), anr) {
						kept = append(kept, f)
						break
					}
				}
			}
			list = kept
		}
		for _, f := range list {
			objs = append(objs, s.mailObject(f))
		}
		return nil, nil
	})
}

// changeMail mail-enables or mail-disables the folder -Identity names,
// asking first; a folder already in the state asked for is refused.
func changeMail(ctx *command.Context, enable bool) error {
	var s *session
	var f *pf.Folder
	var path string
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if s, f, path, rec, err = openFolder(ctx, tx, "The root public folder (\\) can't be mail-enabled."); err != nil || rec != nil {
			return rec, err
		}
		switch {
		case enable && f.Mail != nil:
			return exo.InvalidOperation(ctx, fmt.Sprintf("The public folder '%s' is already mail-enabled.", path), path), nil
		case !enable && f.Mail == nil:
			return exo.InvalidOperation(ctx, fmt.Sprintf("The public folder '%s' isn't mail-enabled.", path), path), nil
		}
		return nil, nil
	}
	prompt := func() (string, string) {
		if enable {
			return fmt.Sprintf("Mail-enabling public folder \"%s\".", path), path
		}
		return fmt.Sprintf("Mail-disabling public folder \"%s\".", path), path
	}
	_, err := exo.Confirmed(ctx, "", plan, prompt, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var err error
		if enable {
			err = pf.MailEnable(tx, s.h, f, ctx.Has("HiddenFromAddressListsEnabled") && ctx.Bool("HiddenFromAddressListsEnabled"))
		} else {
			err = pf.MailDisable(tx, s.h, f)
		}
		if err != nil {
			return refusal(ctx, err)
		}
		return nil, nil
	})
	return err
}
