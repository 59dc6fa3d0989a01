package pubfolders

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/contacts"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/groups"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
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

	set := exo.Declared("Set-MailPublicFolder")
	set.Synopsis = "Changes the recipient of a mail-enabled public folder: its names, addresses, delivery and moderation settings, custom attributes."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: setup + "Enable-MailPublicFolder \\Sales; Set-MailPublicFolder Sales -DisplayName 'Sales Team' -EmailAddresses @{Add='sales.team@contoso.com'} -HiddenFromAddressListsEnabled $true",
			Remark: "Renames the recipient of \\Sales in the address lists, gives it a second address and hides it."},
	}
	describeSetMail(set)
	set.Handler.Process = setMailFolder

	return []*command.Command{exo.Partial(enable, "Identity", "HiddenFromAddressListsEnabled"), disable,
		exo.Partial(get, "Identity", "Anr", "ResultSize", "IgnoreDefaultScope"),
		exo.Partial(set, setMailModelled(set)...)}
}

// setMailModelled are the parameters of Set-MailPublicFolder the tenant
// keeps: all but those that relink the recipient to another folder
// (EntryId, ExternalEmailAddress, IgnoreMissingFolderLink) or to an
// on-premises object (OnPremisesObjectId), which it has no model of.
func setMailModelled(c *command.Command) []string {
	var out []string
	for _, p := range c.Params {
		switch p.Name {
		case "EntryId", "ExternalEmailAddress", "IgnoreMissingFolderLink", "OnPremisesObjectId":
		default:
			out = append(out, p.Name)
		}
	}
	return out
}

// describeSetMail gives Set-MailPublicFolder's parameters their help.
func describeSetMail(c *command.Command) {
	help := map[string]string{
		"Identity":                           "The mail-enabled folder: its recipient's name, alias, address or Guid, or the folder's path or EntryId.",
		"Name":                               "The recipient's name (1 to 64 characters); the folder keeps its own.",
		"Alias":                              "The mail nickname, unique among the recipients; it doesn't change the addresses.",
		"DisplayName":                        "The name in the address lists (1 to 256 characters).",
		"EmailAddresses":                     "The proxy addresses: a list replaces them, @{Add=...; Remove=...} changes them; SMTP: marks the primary one.",
		"PrimarySmtpAddress":                 "The primary address; the old one stays as a proxy address.",
		"WindowsEmailAddress":                "The address kept in the directory's mail attribute.",
		"HiddenFromAddressListsEnabled":      "$true hides the folder from the address lists.",
		"EmailAddressPolicyEnabled":          "Whether email address policies update the addresses (kept; public folders get none).",
		"Contacts":                           "Recipients to contact about the folder.",
		"ForwardingAddress":                  "A recipient mail to the folder is forwarded to; $null stops forwarding.",
		"DeliverToMailboxAndForward":         "$true keeps forwarded mail in the folder too.",
		"MaxSendSize":                        "The largest message the folder sends, or Unlimited.",
		"MaxReceiveSize":                     "The largest message the folder receives, or Unlimited.",
		"PhoneticDisplayName":                "How the display name sounds, for text-to-speech.",
		"RequireSenderAuthenticationEnabled": "$true (the default) accepts mail only from senders inside the organization.",
		"ModerationEnabled":                  "Whether messages to the folder need a moderator's approval.",
		"MailTip":                            "The MailTip shown to senders (at most 175 characters).",
		"SimpleDisplayName":                  "A display name in simple characters.",
		"SendModerationNotifications":        "Always (the default), Internal or Never.",
		"IgnoreDefaultScope":                 "Accepted; the whole organization is in scope.",
	}
	for _, n := range []string{"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromSendersOrMembers",
		"BypassModerationFromSendersOrMembers", "GrantSendOnBehalfTo", "ModeratedBy", "RejectMessagesFrom", "RejectMessagesFromDLMembers",
		"RejectMessagesFromSendersOrMembers"} {
		help[n] = "Recipients by any identity: a list replaces them, @{Add=...; Remove=...} changes them."
	}
	for i := 1; i <= 15; i++ {
		help[fmt.Sprintf("CustomAttribute%d", i)] = "A free text attribute ($null clears it)."
	}
	for i := 1; i <= 5; i++ {
		help[fmt.Sprintf("ExtensionCustomAttribute%d", i)] = "Values: a list replaces them, @{Add=...; Remove=...} changes them."
	}
	help["MailTipTranslations"] = "The MailTip in other languages (culture:text): a list replaces them, @{Add=...; Remove=...} changes them."
	exo.Describe(c, help)
}

// mailObject is the Get-MailPublicFolder object of the mail-enabled
// folder f.
func (s *session) mailObject(f *pf.Folder) *object.PSObject {
	o := object.NewObject(TypeMailFolder, "Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject", "Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	m := f.Mail
	const tStr, tBool = "System.String", "System.Boolean"
	const tList = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]"
	list := func(n string) *object.List { return exo.MultiValued(m.ListOf(n)) }
	o.AddTyped("Contacts", tList, list("Contacts"))
	o.AddTyped("ContentMailbox", tStr, s.mailboxName(f.ContentMailbox))
	o.AddTyped("DeliverToMailboxAndForward", tBool, m.FlagOf("DeliverToMailboxAndForward", false))
	o.AddTyped("ExternalEmailAddress", tStr, "expf:"+f.EntryID)
	o.AddTyped("EntryId", tStr, f.EntryID)
	o.AddTyped("ForwardingAddress", tStr, exo.NilIfEmpty(m.TextOf("ForwardingAddress")))
	o.AddTyped("PhoneticDisplayName", tStr, m.TextOf("PhoneticDisplayName"))
	for _, n := range []string{"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromSendersOrMembers"} {
		o.AddTyped(n, tList, list(n))
	}
	o.AddTyped("Alias", tStr, m.Alias)
	o.AddTyped("BypassModerationFromSendersOrMembers", tList, list("BypassModerationFromSendersOrMembers"))
	for i := 1; i <= 15; i++ {
		n := fmt.Sprintf("CustomAttribute%d", i)
		o.AddTyped(n, tStr, m.TextOf(n))
	}
	for i := 1; i <= 5; i++ {
		n := fmt.Sprintf("ExtensionCustomAttribute%d", i)
		o.AddTyped(n, tList, list(n))
	}
	o.AddTyped("DisplayName", tStr, f.RecipientDisplayName())
	o.AddTyped("EmailAddresses", "Deserialized.Microsoft.Exchange.Data.ProxyAddressCollection", exo.MultiValued(m.Addresses()))
	o.AddTyped("GrantSendOnBehalfTo", tList, list("GrantSendOnBehalfTo"))
	o.AddTyped("HiddenFromAddressListsEnabled", tBool, m.Hidden)
	o.AddTyped("MaxSendSize", exo.TypeUnlimitedSize, sizeLimit(m.TextOf("MaxSendSize")))
	o.AddTyped("MaxReceiveSize", exo.TypeUnlimitedSize, sizeLimit(m.TextOf("MaxReceiveSize")))
	o.AddTyped("ModeratedBy", tList, list("ModeratedBy"))
	o.AddTyped("ModerationEnabled", tBool, m.FlagOf("ModerationEnabled", false))
	o.AddTyped("EmailAddressPolicyEnabled", tBool, m.FlagOf("EmailAddressPolicyEnabled", false))
	o.AddTyped("PrimarySmtpAddress", tStr, m.PrimarySmtpAddress)
	o.AddTyped("RecipientType", tStr, "PublicFolder")
	o.AddTyped("RecipientTypeDetails", tStr, "PublicFolder")
	for _, n := range []string{"RejectMessagesFrom", "RejectMessagesFromDLMembers", "RejectMessagesFromSendersOrMembers"} {
		o.AddTyped(n, tList, list(n))
	}
	o.AddTyped("RequireSenderAuthenticationEnabled", tBool, m.FlagOf("RequireSenderAuthenticationEnabled", true))
	o.AddTyped("SimpleDisplayName", tStr, m.TextOf("SimpleDisplayName"))
	o.AddTyped("SendModerationNotifications", tStr, contacts.EnumOf(&m.Settings, "SendModerationNotifications"))
	windows := m.TextOf("WindowsEmailAddress")
	if windows == "" {
		windows = m.PrimarySmtpAddress
	}
	o.AddTyped("WindowsEmailAddress", tStr, windows)
	o.AddTyped("MailTip", tStr, exo.NilIfEmpty(m.TextOf("MailTip")))
	o.AddTyped("MailTipTranslations", tList, list("MailTipTranslations"))
	name := f.RecipientName()
	o.AddTyped("Name", tStr, name)
	o.AddTyped("Identity", tStr, name)
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(m.Guid))
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "Unchanged")
	o.ToStringFunc = func() string { return name }
	return o
}

// sizeLimit is a message size limit kept as the text of its bytes
// ("" unlimited) as an Unlimited size.
func sizeLimit(text string) *object.PSObject {
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil || n <= 0 {
		return exo.QuotaValue(directory.QuotaUnlimited)
	}
	return exo.QuotaValue(directory.Quota(n))
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
			f, rec := s.findMail(ctx.Value("Identity"))
			if rec != nil {
				return rec, nil
			}
			list = []*pf.Folder{f}
		}
		if ctx.Has("Anr") {
			anr := strings.ToLower(ctx.String("Anr"))
			var kept []*pf.Folder
			for _, f := range list {
				for _, v := range []string{f.RecipientName(), f.RecipientDisplayName(), f.Mail.Alias, f.Mail.PrimarySmtpAddress} {
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

// findMail returns the mail-enabled folder an identity names: the
// recipient's name, display name, alias, any of its SMTP addresses, its
// Guid, or the folder's path or EntryId.
func (s *session) findMail(v any) (*pf.Folder, *object.ErrorRecord) {
	id := strings.TrimSpace(exo.IdentityOf(v))
	var hits []*pf.Folder
	path, _ := s.h.Find(id)
	for _, f := range s.mailFolders() {
		m := f.Mail
		if f == path || exo.ContainsFold([]string{f.RecipientName(), f.RecipientDisplayName(), m.Alias, m.PrimarySmtpAddress, m.Guid, f.EntryID}, id) ||
			exo.ContainsFold(m.Addresses(), "smtp:"+id) {
			hits = append(hits, f)
		}
	}
	return exo.One(s.ctx, id, hits)
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

// setMailFolder is Set-MailPublicFolder: it changes the recipient of
// the mail-enabled folder -Identity names, asking first. Addresses must be
// at an accepted domain and free among the recipients; -EmailAddresses
// can't be given with -PrimarySmtpAddress.
func setMailFolder(ctx *command.Context) error {
	if ctx.Has("EmailAddresses") && ctx.Has("PrimarySmtpAddress") {
		return ctx.Fail(exo.Invalid(ctx, "The EmailAddresses and PrimarySmtpAddress parameters can't be used together.", exo.IdentityOf(ctx.Value("Identity"))))
	}
	var s *session
	var f *pf.Folder
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if s, rec, err = open(ctx, tx); err != nil || rec != nil {
			return rec, err
		}
		f, rec = s.findMail(ctx.Value("Identity"))
		return rec, nil
	}
	prompt := func() (string, string) {
		name := f.RecipientName()
		return fmt.Sprintf("Setting mail-enabled public folder \"%s\".", name), name
	}
	_, err := exo.Confirmed(ctx, "", plan, prompt, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if rec, err := applyMailRecipient(ctx, tx, f); rec != nil || err != nil {
			return rec, err
		}
		if err := pf.Update(tx, s.h, f); err != nil {
			return refusal(ctx, err)
		}
		return nil, nil
	})
	return err
}

// applyMailRecipient applies Set-MailPublicFolder's parameters to f's
// recipient.
func applyMailRecipient(ctx *command.Context, tx *store.Tx, f *pf.Folder) (*object.ErrorRecord, error) {
	m := f.Mail
	target := f.RecipientName()
	if ctx.Has("Name") {
		n := strings.TrimSpace(ctx.String("Name"))
		if n == "" || len([]rune(n)) > 64 {
			return exo.Invalid(ctx, "The Name must be 1 to 64 characters long.", n), nil
		}
		if err := directory.CheckRecipientNames(tx, m.Guid, n, "", ""); err != nil {
			return storeRefusal(ctx, err, target)
		}
		m.Name = n
	}
	if ctx.Has("DisplayName") {
		d := strings.TrimSpace(ctx.String("DisplayName"))
		if d == "" || len([]rune(d)) > 256 {
			return exo.Invalid(ctx, "The DisplayName must be 1 to 256 characters long.", d), nil
		}
		m.DisplayName = d
	}
	if ctx.Has("Alias") {
		a := strings.TrimSpace(ctx.String("Alias"))
		if rec := groups.AliasRefusal(ctx, a); rec != nil {
			return rec, nil
		}
		if err := directory.CheckRecipientNames(tx, m.Guid, "", a, ""); err != nil {
			return storeRefusal(ctx, err, target)
		}
		m.Alias = a
	}
	if ctx.Has("HiddenFromAddressListsEnabled") {
		m.Hidden = ctx.Bool("HiddenFromAddressListsEnabled")
	}
	if rec, err := applyAddresses(ctx, tx, m, target); rec != nil || err != nil {
		return rec, err
	}
	if ctx.Has("WindowsEmailAddress") {
		w := strings.TrimSpace(ctx.String("WindowsEmailAddress"))
		if w != "" && !groups.ValidSmtp(w) {
			return exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", w), w), nil
		}
		m.SetText("WindowsEmailAddress", w)
	}
	for _, n := range []string{"PhoneticDisplayName"} {
		if ctx.Has(n) {
			m.SetText(n, strings.TrimSpace(ctx.String(n)))
		}
	}
	for _, n := range []string{"DeliverToMailboxAndForward", "EmailAddressPolicyEnabled"} {
		if ctx.Has(n) {
			m.SetFlag(n, ctx.Bool(n))
		}
	}
	for _, n := range []string{"MaxSendSize", "MaxReceiveSize"} {
		if !ctx.Has(n) {
			continue
		}
		q, ok := exo.ParseQuota(ctx.Value(n))
		if !ok || q == 0 {
			text := object.ToInvariantString(object.Unwrap(ctx.Value(n)))
			return exo.Invalid(ctx, fmt.Sprintf("The value \"%s\" isn't valid for the %s parameter.", text, n), text), nil
		}
		m.SetText(n, "")
		if !q.IsUnlimited() {
			m.SetText(n, strconv.FormatInt(q.Bytes(), 10))
		}
	}
	if ctx.Has("ForwardingAddress") {
		m.SetText("ForwardingAddress", "")
		if v := object.Unwrap(ctx.Value("ForwardingAddress")); v != nil {
			names, rec, err := contacts.ResolveNames(ctx, tx, []string{exo.IdentityOf(v)})
			if rec != nil || err != nil {
				return rec, err
			}
			m.SetText("ForwardingAddress", names[0])
		}
	}
	if ctx.Has("Contacts") {
		names, rec, err := contacts.ResolveNames(ctx, tx, ctx.Strings("Contacts"))
		if rec != nil || err != nil {
			return rec, err
		}
		m.SetList("Contacts", names)
	}
	return contacts.ApplyMailSettings(ctx, tx, &m.Settings, target)
}

// applyAddresses applies -EmailAddresses and -PrimarySmtpAddress: the
// primary address is the SMTP: one; every SMTP address must be at an
// accepted domain of the organization and free among the recipients.
func applyAddresses(ctx *command.Context, tx *store.Tx, m *pf.MailRecipient, target string) (*object.ErrorRecord, error) {
	if !ctx.Has("EmailAddresses") && !ctx.Has("PrimarySmtpAddress") {
		return nil, nil
	}
	addrs := m.Addresses()
	if ctx.Has("EmailAddresses") {
		next, msg := mailbox.ApplyProxyAddresses(ctx.Value("EmailAddresses"), addrs)
		if msg != "" {
			return exo.Invalid(ctx, msg, target), nil
		}
		addrs = next
	}
	if ctx.Has("PrimarySmtpAddress") {
		a := strings.TrimSpace(ctx.String("PrimarySmtpAddress"))
		if !groups.ValidSmtp(a) {
			return exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", a), a), nil
		}
		addrs = mailbox.SetPrimaryAddress(addrs, a)
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if len(a) < 5 || !strings.EqualFold(a[:5], "smtp:") {
			continue
		}
		addr := a[5:]
		if !org.IsInternalDomain(directory.DomainOf(addr)) {
			return exo.Error(ctx, exDataValidation, fmt.Sprintf("You can't use the domain %s because it's not an accepted domain for your organization.", directory.DomainOf(addr)), object.InvalidData, addr), nil
		}
		if err := directory.CheckRecipientNames(tx, m.Guid, "", "", addr); err != nil {
			return storeRefusal(ctx, err, target)
		}
		if strings.HasPrefix(a, "SMTP:") {
			m.PrimarySmtpAddress = addr
		}
	}
	m.EmailAddresses = addrs
	return nil, nil
}

// storeRefusal words a refusal of the store (a name or address another
// recipient has) as Exchange's error; other errors end the command.
func storeRefusal(ctx *command.Context, err error, target string) (*object.ErrorRecord, error) {
	if rec := exo.StoreError(ctx, err, target); rec != nil {
		return rec, nil
	}
	return nil, err
}
