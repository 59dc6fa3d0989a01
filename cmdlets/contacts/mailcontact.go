package contacts

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/groups"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	groupstore "github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/mailsettings"
	"github.com/exosim/exosim/store/permissions"
)

func mailContactCommands() []*command.Command {
	get := exo.Declared("Get-MailContact")
	get.Synopsis = "Lists mail contacts: recipients whose mail goes to an address outside the organization."
	get.OutputType = TypeMailContact
	get.Examples = []command.Example{
		{Code: "Get-MailContact", Remark: "Lists every mail contact."},
		{Code: "Get-MailContact chris* | Format-List Name,ExternalEmailAddress,HiddenFromAddressListsEnabled", Remark: "Shows where mail to the matching contacts goes."},
	}
	exo.Describe(get, map[string]string{
		"Identity":             "The mail contact: name, alias, display name, address, GUID or distinguished name; * is a wildcard.",
		"ANR":                  "Contacts whose name, alias, display name, first or last name or address starts with this text.",
		"Filter":               "An OPATH filter over the contact's properties.",
		"OrganizationalUnit":   "The organization's one unit (its name, canonical name or DN), which holds every contact.",
		"RecipientTypeDetails": "MailContact (the only kind of mail contact the tenant has).",
		"ResultSize":           "How many contacts to show (default 1000) or Unlimited.",
		"SortBy":               "Sorts by Name, DisplayName or Alias.",
	})
	get.Handler.Process = func(ctx *command.Context) error { return listContacts(ctx, mailContactObject) }

	nw := exo.Declared("New-MailContact")
	nw.Synopsis = "Creates a mail contact."
	nw.Description = "The contact's primary address is its external address; the alias comes from the name (spaces removed) unless -Alias is given. " +
		"Its name, alias and address must be free among the recipients."
	nw.ConfirmImpact = command.ImpactMedium
	nw.OutputType = TypeMailContact
	nw.Examples = []command.Example{
		{Code: `New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris@tailspintoys.com`, Remark: "A contact for a partner's address."},
	}
	exo.Describe(nw, map[string]string{
		"Name":                        "The contact's unique name (at most 64 characters); also the display name unless -DisplayName is given.",
		"ExternalEmailAddress":        "Where mail to the contact goes (an SMTP address, with or without the SMTP: prefix).",
		"Alias":                       "The mail nickname (default: the name without spaces).",
		"DisplayName":                 "The name in address lists (at most 256 characters).",
		"FirstName":                   "The first name.",
		"Initials":                    "The middle initials.",
		"LastName":                    "The last name.",
		"MacAttachmentFormat":         "BinHex (the default), UuEncode, AppleSingle or AppleDouble.",
		"MessageBodyFormat":           "Text, Html or TextAndHtml (the default); Html needs MessageFormat Mime.",
		"MessageFormat":               "Mime (the default) or Text.",
		"ModeratedBy":                 "Moderators who approve messages to the contact.",
		"ModerationEnabled":           "Whether messages to the contact need a moderator's approval.",
		"OrganizationalUnit":          "The organization's one unit (no effect in Exchange Online).",
		"SendModerationNotifications": "Always (the default), Internal or Never.",
		"UsePreferMessageFormat":      "$true: the message format set for the contact wins over the sender's.",
	})
	nw.Handler.Process = newMailContact

	set := exo.Declared("Set-MailContact")
	set.Synopsis = "Changes a mail contact: its names, addresses, delivery and moderation settings, custom attributes."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: `New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris@tailspintoys.com | Out-Null; Set-MailContact "Chris Ashton" -HiddenFromAddressListsEnabled $true -CustomAttribute1 Partner`, Remark: "Hides the contact from address lists and marks it."},
	}
	describeSet(set)
	set.Handler.Process = setMailContact

	rm := exo.Declared("Remove-MailContact")
	rm.Synopsis = "Deletes a mail contact."
	rm.Description = "The contact leaves the groups it was a member, owner or moderator of."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{
		{Code: `New-MailContact -Name Temp -ExternalEmailAddress temp@fabrikam.com | Out-Null; Remove-MailContact Temp -Confirm:$false`, Remark: "Deletes the contact without asking."},
	}
	exo.Describe(rm, map[string]string{"Identity": "The mail contact."})
	rm.Handler.Process = removeMailContact
	return []*command.Command{get, nw, set, rm}
}

// describeSet gives Set-MailContact's parameters their help.
func describeSet(c *command.Command) {
	help := map[string]string{
		"Identity":                           "The mail contact.",
		"Name":                               "The contact's unique name.",
		"Alias":                              "The mail nickname; it doesn't change the contact's addresses.",
		"DisplayName":                        "The name in address lists.",
		"ExternalEmailAddress":               "Where mail to the contact goes; it becomes the primary address.",
		"EmailAddresses":                     "The proxy addresses: a list replaces them, @{Add=...; Remove=...} changes them.",
		"WindowsEmailAddress":                "The address kept in the directory's mail attribute.",
		"HiddenFromAddressListsEnabled":      "$true hides the contact from address lists.",
		"RequireSenderAuthenticationEnabled": "$true accepts mail only from senders inside the organization.",
		"ModerationEnabled":                  "Whether messages to the contact need a moderator's approval.",
		"UsePreferMessageFormat":             "$true: the message format set for the contact wins over the sender's.",
		"MailTip":                            "The MailTip shown to senders (at most 175 characters).",
		"SimpleDisplayName":                  "A display name in simple characters.",
		"ForceUpgrade":                       "Accepted; no confirmation about the object's version is asked.",
	}
	for _, e := range enumSettings {
		help[e.name] = "One of " + strings.Join(e.values, ", ") + " (default " + e.def + ")."
	}
	for _, n := range recipientLists {
		help[n] = "Recipients by any identity: a list replaces them, @{Add=...; Remove=...} changes them."
	}
	for _, n := range textLists {
		help[n] = "Values: a list replaces them, @{Add=...; Remove=...} changes them."
	}
	for i := 1; i <= 15; i++ {
		help[fmt.Sprintf("CustomAttribute%d", i)] = "A free text attribute ($null clears it)."
	}
	for name, text := range help {
		if c.Param(name) != nil {
			exo.DeclaredParam(c, name).Help = text
		}
	}
}

// externalAddress reads an ExternalEmailAddress value: an SMTP address
// with or without its SMTP: prefix, returned with it and without it.
func externalAddress(ctx *command.Context, v string) (prefixed, address string, rec *object.ErrorRecord) {
	a := strings.TrimSpace(v)
	if i := strings.IndexByte(a, ':'); i >= 0 {
		if !strings.EqualFold(a[:i], "SMTP") {
			return "", "", exo.Invalid(ctx, fmt.Sprintf("The address '%s' isn't an SMTP address. A mail contact's external address must be an SMTP address.", a), a)
		}
		a = a[i+1:]
	}
	if !groups.ValidSmtp(a) {
		return "", "", exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address. The domain name can't contain spaces and it has to have a prefix and a suffix, such as example.com.", a), a)
	}
	return "SMTP:" + a, a, nil
}

// ResolveNames resolves recipient identities to their names.
func ResolveNames(ctx *command.Context, tx *store.Tx, values []string) ([]string, *object.ErrorRecord, error) {
	var out []string
	for _, v := range values {
		r, rec, err := mailbox.FindRecipient(ctx, tx, v, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		var name string
		switch {
		case r.Mailbox != nil:
			name = r.Mailbox.Name
		case r.Group != nil:
			name = r.Group.Name
		case r.Contact != nil:
			name = r.Contact.Name
		default:
			return nil, exo.RecipientNotFound(ctx, v), nil
		}
		if !exo.ContainsFold(out, name) {
			out = append(out, name)
		}
	}
	return out, nil, nil
}

// ApplyMailSettings applies the delivery, moderation and attribute
// parameters a cmdlet has and was given (New- or Set-MailContact's,
// Set-MailPublicFolder's) to the settings c of the recipient target.
// Recipient lists keep the recipients' names; moderation needs a
// moderator.
func ApplyMailSettings(ctx *command.Context, tx *store.Tx, c *mailsettings.Settings, target string) (*object.ErrorRecord, error) {
	has := func(n string) bool { return ctx.Command.Param(n) != nil && ctx.Has(n) }
	for _, e := range enumSettings {
		if !has(e.name) {
			continue
		}
		v := EnumOf(c, e.name)
		if rec := exo.EnumArg(ctx, e.name, e.typ, e.values, &v); rec != nil {
			return rec, nil
		}
		c.SetText(e.name, v)
	}
	if EnumOf(c, "MessageFormat") == "Text" && EnumOf(c, "MessageBodyFormat") != "Text" {
		return exo.Invalid(ctx, "When MessageFormat is Text, MessageBodyFormat must be Text.", target), nil
	}
	for _, f := range flagSettings {
		if has(f.name) {
			c.SetFlag(f.name, ctx.Bool(f.name))
		}
	}
	for i := 1; i <= 15; i++ {
		if n := fmt.Sprintf("CustomAttribute%d", i); has(n) {
			c.SetText(n, ctx.String(n))
		}
	}
	if has("SimpleDisplayName") {
		c.SetText("SimpleDisplayName", ctx.String("SimpleDisplayName"))
	}
	if has("MailTip") {
		tip := ctx.String("MailTip")
		if len([]rune(tip)) > 175 {
			return exo.Invalid(ctx, "The MailTip can't exceed 175 displayed characters.", tip), nil
		}
		var kept []string
		for _, t := range c.ListOf("MailTipTranslations") {
			if !strings.HasPrefix(strings.ToLower(t), "default:") {
				kept = append(kept, t)
			}
		}
		if tip != "" {
			kept = append([]string{"default:" + tip}, kept...)
			tip = "<html><body>" + tip + "</body></html>"
		}
		c.SetList("MailTipTranslations", kept)
		c.SetText("MailTip", tip)
	}
	for _, n := range textLists {
		if !has(n) {
			continue
		}
		vs, err := mailbox.ApplyMultiValued(ctx.Value(n), c.ListOf(n))
		if err != nil {
			return exo.Invalid(ctx, err.Error(), n), nil
		}
		c.SetList(n, vs)
	}
	for _, n := range recipientLists {
		if !has(n) {
			continue
		}
		add, remove, replace, err := mailbox.ReadMultiValued(ctx.Value(n))
		if err != nil {
			return exo.Invalid(ctx, err.Error(), n), nil
		}
		adds, rec, err := ResolveNames(ctx, tx, add)
		if err != nil || rec != nil {
			return rec, err
		}
		removes, rec, err := ResolveNames(ctx, tx, remove)
		if err != nil || rec != nil {
			return rec, err
		}
		var next []string
		if !replace {
			next = append(next, c.ListOf(n)...)
		}
		for _, a := range adds {
			if !exo.ContainsFold(next, a) {
				next = append(next, a)
			}
		}
		kept := next[:0:0]
		for _, x := range next {
			if !exo.ContainsFold(removes, x) {
				kept = append(kept, x)
			}
		}
		c.SetList(n, kept)
	}
	if c.FlagOf("ModerationEnabled", false) && len(c.ListOf("ModeratedBy")) == 0 {
		return exo.Invalid(ctx, "To enable moderation, specify at least one moderator with the ModeratedBy parameter.", target), nil
	}
	return nil, nil
}

func newMailContact(ctx *command.Context) error {
	name, err := mailbox.NewRecipientName(ctx)
	if err != nil {
		return err
	}
	prefixed, address, rec := externalAddress(ctx, ctx.String("ExternalEmailAddress"))
	if rec != nil {
		return ctx.Fail(rec)
	}
	return mailbox.CreateRecipient(ctx, name, func(ou string) string {
		return fmt.Sprintf("Creating mail contact \"%s\" with external email address \"%s\" in organizational unit \"%s\".", name, prefixed, ou)
	}, func(tx *store.Tx, org *directory.Organization) (*object.PSObject, *object.ErrorRecord, error) {
		c := &directory.Contact{Name: name, DisplayName: name, Alias: groups.AliasFromName(name), ExternalEmailAddress: prefixed,
			PrimarySmtpAddress: address, EmailAddresses: []string{prefixed},
			FirstName: ctx.String("FirstName"), LastName: ctx.String("LastName"), Initials: ctx.String("Initials")}
		if ctx.Has("DisplayName") {
			c.DisplayName = strings.TrimSpace(ctx.String("DisplayName"))
		}
		if c.DisplayName == "" || len([]rune(c.DisplayName)) > 256 {
			return nil, exo.Invalid(ctx, "The DisplayName must be 1 to 256 characters long.", c.DisplayName), nil
		}
		if ctx.Has("Alias") {
			c.Alias = strings.TrimSpace(ctx.String("Alias"))
		}
		if rec := groups.AliasRefusal(ctx, c.Alias); rec != nil {
			return nil, rec, nil
		}
		if rec, err := ApplyMailSettings(ctx, tx, &c.Settings, c.Name); rec != nil || err != nil {
			return nil, rec, err
		}
		if err := directory.NewContact(tx, c); err != nil {
			return nil, nil, err
		}
		return mailContactObject(c, org), nil, nil
	})
}

func setMailContact(ctx *command.Context) error {
	if ctx.Has("EmailAddresses") && (ctx.Has("ExternalEmailAddress") || ctx.Has("WindowsEmailAddress")) {
		_, shown := mailbox.IdentityString(ctx.Value("Identity"))
		return ctx.Fail(exo.Invalid(ctx, "The EmailAddresses parameter can't be used with the ExternalEmailAddress or WindowsEmailAddress parameter in the same command.", shown))
	}
	return changeContact(ctx, "mail contact", func(tx *store.Tx, c *directory.Contact) (*object.ErrorRecord, error) {
		if ctx.Has("Alias") {
			a := strings.TrimSpace(ctx.String("Alias"))
			if rec := groups.AliasRefusal(ctx, a); rec != nil {
				return rec, nil
			}
			c.Alias = a
		}
		if ctx.Has("ExternalEmailAddress") {
			prefixed, address, rec := externalAddress(ctx, ctx.String("ExternalEmailAddress"))
			if rec != nil {
				return rec, nil
			}
			// the new external address becomes the primary one; the old
			// one stays as a proxy address
			var next []string
			for _, a := range c.EmailAddresses {
				if strings.HasPrefix(a, "SMTP:") {
					a = "smtp:" + a[5:]
				}
				if !strings.EqualFold(a[strings.IndexByte(a, ':')+1:], address) {
					next = append(next, a)
				}
			}
			c.ExternalEmailAddress, c.PrimarySmtpAddress = prefixed, address
			c.EmailAddresses = append([]string{prefixed}, next...)
		}
		if ctx.Has("EmailAddresses") {
			next, m := mailbox.ApplyProxyAddresses(ctx.Value("EmailAddresses"), c.EmailAddresses)
			if m != "" {
				return exo.Invalid(ctx, m, c.Name), nil
			}
			c.EmailAddresses = next
			for _, a := range next {
				if strings.HasPrefix(a, "SMTP:") {
					c.PrimarySmtpAddress = a[5:]
				}
			}
		}
		if rec, err := ApplyMailSettings(ctx, tx, &c.Settings, c.Name); rec != nil || err != nil {
			return rec, err
		}
		return nil, nil
	})
}

// applyNames applies -Name, -DisplayName and -WindowsEmailAddress, which
// Set-MailContact and Set-Contact share.
func applyNames(ctx *command.Context, c *directory.Contact) *object.ErrorRecord {
	if ctx.Has("Name") {
		n := strings.TrimSpace(ctx.String("Name"))
		if n == "" || len([]rune(n)) > 64 {
			return exo.Invalid(ctx, "The Name must be 1 to 64 characters long.", n)
		}
		c.Name = n
	}
	if ctx.Has("DisplayName") {
		d := strings.TrimSpace(ctx.String("DisplayName"))
		if d == "" || len([]rune(d)) > 256 {
			return exo.Invalid(ctx, "The DisplayName must be 1 to 256 characters long.", d)
		}
		c.DisplayName = d
	}
	if ctx.Has("WindowsEmailAddress") {
		w := strings.TrimSpace(ctx.String("WindowsEmailAddress"))
		if w != "" && !groups.ValidSmtp(w) {
			return exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address. The domain name can't contain spaces and it has to have a prefix and a suffix, such as example.com.", w), w)
		}
		c.SetText("WindowsEmailAddress", w)
	}
	return nil
}

func removeMailContact(ctx *command.Context) error {
	var c *directory.Contact
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		c, rec, err = findContact(ctx, tx, ctx.Value("Identity"))
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Removing mail contact \"%s\".", c.Name), c.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if err := groupstore.DropLinks(tx, c.Guid); err != nil {
			return nil, err
		}
		if err := permissions.DropRecipient(tx, c.Guid); err != nil {
			return nil, err
		}
		if err := mailbox.RetargetForwarding(tx, c.Name, ""); err != nil {
			return nil, err
		}
		return nil, directory.RemoveContact(tx, c.Guid)
	})
	return err
}
