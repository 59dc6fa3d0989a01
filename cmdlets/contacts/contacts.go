// Package contacts declares the Exchange Online cmdlets of mail contacts:
// Get-, New-, Set- and Remove-MailContact and Get- and Set-Contact, with
// the default views of their output objects. A mail contact is a
// recipient without an account or mailbox whose mail goes to an address
// outside the organization; it can be a group member and a mailbox's
// forwarding target.
package contacts

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/recipientlist"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mailsettings"
)

// Output type names.
const (
	TypeMailContact = "Deserialized.Microsoft.Exchange.Data.Directory.Management.MailContact"
	TypeContact     = "Deserialized.Microsoft.Exchange.Data.Directory.Management.Contact"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailContact", "New-MailContact", "Set-MailContact", "Remove-MailContact"}, Build: mailContactCommands},
	{Names: []string{"Get-Contact", "Set-Contact"}, Build: contactCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the package's output types: a
// table of the name and recipient type, as for the other recipients.
func Views(r *format.Registry) {
	for _, t := range []string{TypeMailContact, TypeContact} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "Name", Width: 59, Property: "Name"},
			{Label: "RecipientType", Property: "RecipientType"},
		}})
	}
}

// Enumerations of the mail contact's delivery settings, with their
// defaults.
var (
	macAttachmentFormats   = []string{"BinHex", "UuEncode", "AppleSingle", "AppleDouble"}
	messageBodyFormats     = []string{"Text", "Html", "TextAndHtml"}
	messageFormats         = []string{"Text", "Mime"}
	mapiRichTextFormats    = []string{"Never", "Always", "UseDefaultSettings"}
	moderationNotification = []string{"Never", "Internal", "Always"}
	recipientTypeDetails   = []string{directory.RecipientMailContact}
)

// enumSettings are the settings that take one value of an enumeration:
// the enumeration's .NET name, its values and the default.
var enumSettings = []struct {
	name, typ string
	values    []string
	def       string
}{
	{"MacAttachmentFormat", "Microsoft.Exchange.Data.Directory.Recipient.MacAttachmentFormat", macAttachmentFormats, "BinHex"},
	{"MessageBodyFormat", "Microsoft.Exchange.Data.Directory.Recipient.MessageBodyFormat", messageBodyFormats, "TextAndHtml"},
	{"MessageFormat", "Microsoft.Exchange.Data.Directory.Recipient.MessageFormat", messageFormats, "Mime"},
	{"UseMapiRichTextFormat", "Microsoft.Exchange.Data.Directory.Recipient.UseMapiRichTextFormat", mapiRichTextFormats, "UseDefaultSettings"},
	{"SendModerationNotifications", "Microsoft.Exchange.Data.Directory.Recipient.TransportModerationNotificationFlags", moderationNotification, "Always"},
}

// EnumOf is a recipient's enumeration setting (MessageFormat,
// SendModerationNotifications ...), its default when unset.
func EnumOf(c *mailsettings.Settings, name string) string {
	if v := c.TextOf(name); v != "" {
		return v
	}
	for _, e := range enumSettings {
		if e.name == name {
			return e.def
		}
	}
	return ""
}

// flagSettings are the contact's switches with their defaults.
var flagSettings = []struct {
	name string
	def  bool
}{
	{"HiddenFromAddressListsEnabled", false}, {"ModerationEnabled", false},
	{"RequireSenderAuthenticationEnabled", false}, {"UsePreferMessageFormat", false},
}

func flagDefault(name string) bool {
	for _, f := range flagSettings {
		if f.name == name {
			return f.def
		}
	}
	return false
}

// recipientLists are the settings that list recipients of the directory
// (kept by name).
var recipientLists = []string{"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromSendersOrMembers",
	"BypassModerationFromSendersOrMembers", "GrantSendOnBehalfTo", "ModeratedBy", "RejectMessagesFrom", "RejectMessagesFromDLMembers",
	"RejectMessagesFromSendersOrMembers"}

// textLists are the settings that list text values.
var textLists = []string{"ExtensionCustomAttribute1", "ExtensionCustomAttribute2", "ExtensionCustomAttribute3",
	"ExtensionCustomAttribute4", "ExtensionCustomAttribute5", "MailTipTranslations", "UserCertificate", "UserSMimeCertificate"}

// windowsEmailAddress is the contact's WindowsEmailAddress: the one set,
// else its external address without the prefix.
func windowsEmailAddress(c *directory.Contact) string {
	if v := c.TextOf("WindowsEmailAddress"); v != "" {
		return v
	}
	a := c.ExternalEmailAddress
	if i := strings.IndexByte(a, ':'); i >= 0 {
		a = a[i+1:]
	}
	return a
}

// addBase adds the properties every directory object shows last.
func addBase(o *object.PSObject, c *directory.Contact, org *directory.Organization) {
	o.AddTyped("ExternalDirectoryObjectId", "System.String", c.ExternalDirectoryObjectId)
	o.AddTyped("Identity", "System.String", c.Name)
	o.AddTyped("Id", "System.String", c.Name)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ExchangeVersion", "System.String", "0.10 (14.0.100.0)")
	o.AddTyped("Name", "System.String", c.Name)
	o.AddTyped("DistinguishedName", "System.String", c.DistinguishedName(org.Name, org.DirectoryPartition))
	o.AddTyped("OrganizationId", "System.String", exo.OrganizationID(org))
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(c.Guid))
	o.AddTyped("ExchangeObjectId", "System.Guid", exo.GuidValue(c.Guid))
	o.AddTyped("WhenChanged", "System.DateTime", c.WhenChanged.UTC())
	o.AddTyped("WhenCreated", "System.DateTime", c.WhenCreated.UTC())
	o.AddTyped("WhenChangedUTC", "System.DateTime", c.WhenChanged.UTC())
	o.AddTyped("WhenCreatedUTC", "System.DateTime", c.WhenCreated.UTC())
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	name := c.Name
	o.ToStringFunc = func() string { return name }
}

// mailContactObject is the Get-MailContact object of a contact.
func mailContactObject(c *directory.Contact, org *directory.Organization) *object.PSObject {
	o := object.NewObject(TypeMailContact,
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson",
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	list := func(name string) *object.List { return exo.MultiValued(c.ListOf(name)) }
	str, flag := "System.String", "System.Boolean"
	o.AddTyped("ExternalEmailAddress", str, c.ExternalEmailAddress)
	o.AddTyped("MacAttachmentFormat", str, EnumOf(&c.Settings, "MacAttachmentFormat"))
	o.AddTyped("MessageBodyFormat", str, EnumOf(&c.Settings, "MessageBodyFormat"))
	o.AddTyped("MessageFormat", str, EnumOf(&c.Settings, "MessageFormat"))
	o.AddTyped("UsePreferMessageFormat", flag, c.FlagOf("UsePreferMessageFormat", false))
	o.AddTyped("UseMapiRichTextFormat", str, EnumOf(&c.Settings, "UseMapiRichTextFormat"))
	for _, n := range []string{"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromSendersOrMembers"} {
		o.AddTyped(n, str, list(n))
	}
	o.AddTyped("AddressListMembership", str, exo.MultiValued(nil))
	o.AddTyped("Alias", str, c.Alias)
	o.AddTyped("BypassModerationFromSendersOrMembers", str, list("BypassModerationFromSendersOrMembers"))
	o.AddTyped("OrganizationalUnit", str, exo.OrganizationalUnitName(org))
	for i := 1; i <= 15; i++ {
		o.AddTyped(fmt.Sprintf("CustomAttribute%d", i), str, c.TextOf(fmt.Sprintf("CustomAttribute%d", i)))
	}
	for i := 1; i <= 5; i++ {
		n := fmt.Sprintf("ExtensionCustomAttribute%d", i)
		o.AddTyped(n, str, list(n))
	}
	o.AddTyped("DisplayName", str, c.DisplayName)
	o.AddTyped("EmailAddresses", str, exo.MultiValued(c.EmailAddresses))
	o.AddTyped("GrantSendOnBehalfTo", str, list("GrantSendOnBehalfTo"))
	o.AddTyped("HiddenFromAddressListsEnabled", flag, c.FlagOf("HiddenFromAddressListsEnabled", false))
	o.AddTyped("MaxSendSize", str, "Unlimited")
	o.AddTyped("MaxReceiveSize", str, "Unlimited")
	o.AddTyped("ModeratedBy", str, list("ModeratedBy"))
	o.AddTyped("ModerationEnabled", flag, c.FlagOf("ModerationEnabled", false))
	o.AddTyped("EmailAddressPolicyEnabled", flag, false)
	o.AddTyped("PrimarySmtpAddress", str, c.PrimarySmtpAddress)
	o.AddTyped("RecipientType", str, directory.RecipientMailContact)
	o.AddTyped("RecipientTypeDetails", str, directory.RecipientMailContact)
	for _, n := range []string{"RejectMessagesFrom", "RejectMessagesFromDLMembers", "RejectMessagesFromSendersOrMembers"} {
		o.AddTyped(n, str, list(n))
	}
	o.AddTyped("RequireSenderAuthenticationEnabled", flag, c.FlagOf("RequireSenderAuthenticationEnabled", false))
	o.AddTyped("SimpleDisplayName", str, c.TextOf("SimpleDisplayName"))
	o.AddTyped("SendModerationNotifications", str, EnumOf(&c.Settings, "SendModerationNotifications"))
	o.AddTyped("UMDtmfMap", str, exo.MultiValued(nil))
	o.AddTyped("WindowsEmailAddress", str, windowsEmailAddress(c))
	o.AddTyped("MailTip", str, exo.NilIfEmpty(c.TextOf("MailTip")))
	o.AddTyped("MailTipTranslations", str, list("MailTipTranslations"))
	o.AddTyped("UserCertificate", str, list("UserCertificate"))
	o.AddTyped("UserSMimeCertificate", str, list("UserSMimeCertificate"))
	addBase(o, c, org)
	return o
}

// contactTexts are the Get-Contact properties kept as text, in Exchange
// Online's order (with the object's other properties between them).
var contactTexts = []string{"AssistantName", "City", "Company", "CountryOrRegion", "Department"}

// contactObject is the Get-Contact object of a contact.
func contactObject(c *directory.Contact, org *directory.Organization) *object.PSObject {
	o := object.NewObject(TypeContact,
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.OrgPersonPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.System.Object")
	str := "System.String"
	text := func(n string) any { return exo.NilIfEmpty(c.TextOf(n)) }
	plain := func(n string) any { return c.TextOf(n) }
	list := func(n string) *object.List { return exo.MultiValued(c.ListOf(n)) }
	for _, n := range contactTexts {
		o.AddTyped(n, str, plain(n))
	}
	o.AddTyped("DirectReports", str, exo.MultiValued(nil))
	o.AddTyped("DisplayName", str, c.DisplayName)
	o.AddTyped("Fax", str, plain("Fax"))
	o.AddTyped("FirstName", str, c.FirstName)
	o.AddTyped("GeoCoordinates", str, text("GeoCoordinates"))
	o.AddTyped("HomePhone", str, plain("HomePhone"))
	o.AddTyped("Initials", str, c.Initials)
	o.AddTyped("LastName", str, c.LastName)
	o.AddTyped("Manager", str, text("Manager"))
	o.AddTyped("MobilePhone", str, plain("MobilePhone"))
	o.AddTyped("Notes", str, plain("Notes"))
	o.AddTyped("Office", str, plain("Office"))
	for _, n := range []string{"OtherFax", "OtherHomePhone", "OtherTelephone"} {
		o.AddTyped(n, str, list(n))
	}
	o.AddTyped("Pager", str, plain("Pager"))
	o.AddTyped("Phone", str, plain("Phone"))
	o.AddTyped("PhoneticDisplayName", str, plain("PhoneticDisplayName"))
	o.AddTyped("PostalCode", str, plain("PostalCode"))
	o.AddTyped("PostOfficeBox", str, list("PostOfficeBox"))
	o.AddTyped("RecipientType", str, directory.RecipientMailContact)
	o.AddTyped("RecipientTypeDetails", str, directory.RecipientMailContact)
	o.AddTyped("SimpleDisplayName", str, plain("SimpleDisplayName"))
	o.AddTyped("StateOrProvince", str, plain("StateOrProvince"))
	o.AddTyped("StreetAddress", str, plain("StreetAddress"))
	o.AddTyped("Title", str, plain("Title"))
	o.AddTyped("WebPage", str, plain("WebPage"))
	o.AddTyped("TelephoneAssistant", str, plain("TelephoneAssistant"))
	o.AddTyped("WindowsEmailAddress", str, windowsEmailAddress(c))
	var seniority any
	if v := c.TextOf("SeniorityIndex"); v != "" {
		var n int
		if _, err := fmt.Sscan(v, &n); err == nil {
			seniority = n
		}
	}
	o.AddTyped("SeniorityIndex", "System.Int32", seniority)
	o.AddTyped("OrganizationalUnit", str, exo.OrganizationalUnitName(org))
	o.AddTyped("IsDirSynced", "System.Boolean", false)
	addBase(o, c, org)
	return o
}

// changeContact changes the contact the call's Identity names, asking
// first ("Setting <noun> "<name>"."): in one write transaction its names
// (see applyNames; a renamed contact's forwarding follows it), then what
// change sets, and stores it.
func changeContact(ctx *command.Context, noun string, change func(tx *store.Tx, c *directory.Contact) (*object.ErrorRecord, error)) error {
	var c *directory.Contact
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		c, rec, err = findContact(ctx, tx, ctx.Value("Identity"))
		return rec, err
	}
	_, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("Setting %s \"%s\".", noun, c.Name), c.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		oldName := c.Name
		if rec := applyNames(ctx, c); rec != nil {
			return rec, nil
		}
		if c.Name != oldName {
			if err := mailbox.RetargetForwarding(tx, oldName, c.Name); err != nil {
				return nil, err
			}
		}
		if rec, err := change(tx, c); rec != nil || err != nil {
			return rec, err
		}
		return nil, directory.PutContact(tx, c)
	})
	return err
}

// findContact resolves an identity to exactly one mail contact.
func findContact(ctx *command.Context, tx *store.Tx, v any) (*directory.Contact, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	cs, err := directory.FindContacts(tx, id)
	if err != nil {
		return nil, nil, err
	}
	c, rec := exo.One(ctx, shown, cs)
	return c, rec, nil
}

// anrOf is the call's -Anr (Get-MailContact declares it -ANR).
func anrOf(ctx *command.Context) (string, bool) {
	for _, n := range []string{"ANR", "Anr"} {
		if ctx.Command.Param(n) != nil && ctx.Has(n) {
			return ctx.String(n), true
		}
	}
	return "", false
}

// listContacts is Get-MailContact and Get-Contact: the contacts -Identity
// or -Anr name (a prefix of a contact's name, alias, display name, first
// or last name or primary address), of the -RecipientTypeDetails asked
// for, that pass -Filter, sorted by -SortBy (Name, DisplayName or Alias),
// at most -ResultSize of them.
func listContacts(ctx *command.Context, build func(*directory.Contact, *directory.Organization) *object.PSObject) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	keep, err := exo.CallFilter(ctx, func(tx *store.Tx) (*object.PSObject, error) {
		org, err := directory.GetOrganization(tx)
		return build(&directory.Contact{}, org), err
	}, nil)
	if err != nil {
		return err
	}
	if ctx.Has("RecipientTypeDetails") {
		for _, d := range params.FlagNames(ctx.Strings("RecipientTypeDetails")) {
			if !exo.ContainsFold(recipientTypeDetails, d) {
				// a contact of another type (a plain contact, a guest) the
				// tenant does not have
				return nil
			}
		}
	}
	list := recipientlist.List[*directory.Contact]{
		Read: func(tx *store.Tx, _ *directory.Organization, id string) ([]*directory.Contact, error) {
			if id != "" {
				return directory.FindContacts(tx, id)
			}
			return directory.ListContacts(tx)
		},
		Show: func(_ *store.Tx, org *directory.Organization, c *directory.Contact) *object.PSObject {
			return build(c, org)
		},
	}
	if anr, ok := anrOf(ctx); ok {
		list.Select = func(*store.Tx, *directory.Organization) (func(*directory.Contact) bool, *object.ErrorRecord, error) {
			return func(c *directory.Contact) bool {
				return exo.MatchAnr(anr, c.Name, c.Alias, c.DisplayName, c.FirstName, c.LastName, c.PrimarySmtpAddress)
			}, nil, nil
		}
	}
	if ctx.Has("SortBy") {
		list.Sort = func(cs []*directory.Contact) *object.ErrorRecord {
			by := strings.TrimPrefix(strings.TrimSpace(ctx.String("SortBy")), "-")
			if !exo.ContainsFold([]string{"Name", "DisplayName", "Alias"}, by) {
				return exo.Invalid(ctx, fmt.Sprintf("The results can't be sorted by \"%s\". Valid properties to sort by are: Name, DisplayName, Alias.", by), by)
			}
			recipientlist.Sort(cs, ctx.String("SortBy"), func(c *directory.Contact) (string, string, string) { return c.Name, c.DisplayName, c.Alias })
			return nil
		}
	}
	objs, done, err := list.Objects(ctx, keep)
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}
