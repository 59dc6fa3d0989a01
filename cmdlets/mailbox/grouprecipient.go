package mailbox

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/opath"
	"github.com/exosim/exosim/store/pubfolders"
)

// GroupRecipientObject is the ReducedRecipient object of a group: what
// Get-Recipient shows for it, and Get-DistributionGroupMember for a
// nested group.
func GroupRecipientObject(g *groups.Group, org *directory.Organization) *object.PSObject {
	o := object.NewObject(TypeRecipient,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADRawEntry",
		"Deserialized.System.Object")
	o.AddTyped("Alias", "System.String", g.Alias)
	o.AddTyped("DisplayName", "System.String", g.DisplayName)
	o.AddTyped("EmailAddresses", "System.String", exo.MultiValued(g.EmailAddresses))
	o.AddTyped("ExternalDirectoryObjectId", "System.String", g.ExternalDirectoryObjectId)
	o.AddTyped("HiddenFromAddressListsEnabled", "System.Boolean", g.HiddenFromAddressListsEnabled)
	o.AddTyped("PrimarySmtpAddress", "System.String", g.PrimarySmtpAddress)
	o.AddTyped("RecipientType", "System.String", recipientTypeOf(g))
	o.AddTyped("RecipientTypeDetails", "System.String", g.RecipientTypeDetails)
	o.AddTyped("Identity", "System.String", g.Name)
	o.AddTyped("Name", "System.String", g.Name)
	o.AddTyped("DistinguishedName", "System.String", g.DistinguishedName(org.Name, org.DirectoryPartition))
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(g.Guid))
	o.AddTyped("WhenCreated", "System.DateTime", g.WhenCreated.UTC())
	name := g.Name
	o.ToStringFunc = func() string { return name }
	return o
}

// ContactAsGroup is a mail contact as the recipient listings show it next
// to the groups (a recipient without a mailbox): RecipientTypeDetails
// MailContact. The value is not stored.
func ContactAsGroup(c *directory.Contact) *groups.Group {
	return &groups.Group{Guid: c.Guid, ExternalDirectoryObjectId: c.ExternalDirectoryObjectId, Name: c.Name, DisplayName: c.DisplayName,
		Alias: c.Alias, PrimarySmtpAddress: c.PrimarySmtpAddress, EmailAddresses: c.EmailAddresses,
		RecipientTypeDetails: directory.RecipientMailContact, HiddenFromAddressListsEnabled: c.FlagOf("HiddenFromAddressListsEnabled", false),
		WhenCreated: c.WhenCreated, WhenChanged: c.WhenChanged}
}

// ContactRecipientObject is the ReducedRecipient object of a mail
// contact: what Get-Recipient shows for it, and Get-DistributionGroupMember
// for a contact member.
func ContactRecipientObject(c *directory.Contact, org *directory.Organization) *object.PSObject {
	return GroupRecipientObject(ContactAsGroup(c), org)
}

// recipientTypeOf is the RecipientType of a recipient listed with the
// groups.
func recipientTypeOf(g *groups.Group) string {
	switch g.RecipientTypeDetails {
	case directory.RecipientMailContact, "PublicFolder":
		return g.RecipientTypeDetails
	}
	return g.RecipientType()
}

// otherRecipients are the recipients without a mailbox an identity names
// (every one for ""): the groups, dynamic ones included, and the mail
// contacts, in name order.
func otherRecipients(tx *store.Tx, id string) ([]*groups.Group, error) {
	var gs []*groups.Group
	var cs []*directory.Contact
	var err error
	if id == "" {
		gs, err = groups.Recipients(tx)
		if err == nil {
			cs, err = directory.ListContacts(tx)
		}
	} else {
		gs, err = groups.FindRecipients(tx, id)
		if err == nil {
			cs, err = directory.FindContacts(tx, id)
		}
	}
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		gs = append(gs, ContactAsGroup(c))
	}
	fs, err := mailPublicFolders(tx, id)
	gs = append(gs, fs...)
	store.SortByName(gs, func(g *groups.Group) string { return g.Name })
	return gs, err
}

// mailPublicFolders are the mail-enabled public folders an identity
// names (every one for "") by name, display name, alias, any SMTP
// address or Guid, as the
// recipient listings show them next to the groups (not stored), of type
// PublicFolder.
func mailPublicFolders(tx *store.Tx, id string) (out []*groups.Group, err error) {
	h, err := pubfolders.Load(tx)
	for _, f := range h.ByID {
		if m := f.Mail; m != nil && (id == "" || exo.ContainsFold([]string{f.RecipientName(), f.RecipientDisplayName(), m.Alias, m.PrimarySmtpAddress, m.Guid}, id) || exo.ContainsFold(m.Addresses(), "smtp:"+id)) {
			out = append(out, &groups.Group{Guid: m.Guid, Name: f.RecipientName(), DisplayName: f.RecipientDisplayName(), Alias: m.Alias, PrimarySmtpAddress: m.PrimarySmtpAddress,
				EmailAddresses: m.Addresses(), RecipientTypeDetails: "PublicFolder",
				HiddenFromAddressListsEnabled: m.Hidden, WhenCreated: f.WhenCreated, WhenChanged: f.WhenChanged})
		}
	}
	return out, err
}

// recipientGroup answers Get-Recipient for an identity that names no
// mailbox or mail user but one group: handled is true when it wrote the
// group's object.
func recipientGroup(ctx *command.Context, id string, build func(*groups.Group, *directory.Organization) *object.PSObject) (handled bool, err error) {
	if strings.Contains(id, "*") {
		return false, nil
	}
	var o *object.PSObject
	err = exo.View(ctx, func(tx *store.Tx) error {
		_, err := directory.ResolveMailboxes(tx, id, directory.ScopeAny)
		var nf *store.NotFoundError
		if err == nil || !errors.As(err, &nf) {
			return nil
		}
		gs, err := otherRecipients(tx, id)
		if err != nil || len(gs) != 1 {
			return err
		}
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		o = build(gs[0], org)
		return nil
	})
	if err != nil || o == nil {
		return false, err
	}
	return true, ctx.WriteObject(o)
}

// groupKeep returns the test a group passes to be listed by Get-Recipient:
// -RecipientTypeDetails, -RecipientType and -Anr as for mailboxes.
func groupKeep(ctx *command.Context) func(*groups.Group) bool {
	var keep []func(*groups.Group) bool
	if ctx.Has("RecipientTypeDetails") {
		want := params.FlagNames(ctx.Strings("RecipientTypeDetails"))
		keep = append(keep, func(g *groups.Group) bool { return exo.ContainsFold(want, g.RecipientTypeDetails) })
	}
	if ctx.Has("RecipientType") {
		want := ctx.Strings("RecipientType")
		keep = append(keep, func(g *groups.Group) bool { return exo.ContainsFold(want, recipientTypeOf(g)) })
	}
	if ctx.Has("Anr") {
		anr := strings.ToLower(strings.TrimSpace(ctx.String("Anr")))
		keep = append(keep, func(g *groups.Group) bool {
			for _, s := range []string{g.Name, g.Alias, g.DisplayName, g.PrimarySmtpAddress} {
				if strings.HasPrefix(strings.ToLower(s), anr) {
					return true
				}
			}
			return anr == ""
		})
	}
	return func(g *groups.Group) bool {
		for _, k := range keep {
			if !k(g) {
				return false
			}
		}
		return true
	}
}

// acceptGroups returns the recipient objects of the groups the listing
// keeps, in name order, -Filter evaluated on each object (a property a
// group doesn't have, such as Department, is empty).
func (l *listing) acceptGroups(tx *store.Tx, org *directory.Organization) ([]*object.PSObject, error) {
	gs, err := otherRecipients(tx, "")
	if err != nil {
		return nil, err
	}
	var out []*object.PSObject
	for _, g := range gs {
		if l.keepGroup != nil && !l.keepGroup(g) {
			continue
		}
		o := GroupRecipientObject(g, org)
		if l.filter != nil {
			ok, err := l.filter.Eval(func(name string) (any, bool) {
				p := o.Property(name)
				if p == nil {
					return nil, true
				}
				return opathGroupValue(p.Get()), true
			})
			if err != nil {
				return nil, l.ctx.Fail(exo.Error(l.ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("Filter", err), object.InvalidArgument, l.filter.Text()))
			}
			if !ok {
				continue
			}
		}
		if l.buildGroup != nil {
			o = l.buildGroup(g, org)
		}
		if l.sortKeys != nil {
			v, _ := o.Get(l.sortBy)
			l.sortKeys[o] = strings.ToLower(object.ToInvariantString(v))
		}
		out = append(out, o)
	}
	return out, nil
}

// opathGroupValue converts a group object's property value for the OPATH
// evaluator as filterValue does for mailboxes.
func opathGroupValue(v any) any {
	if items, ok := object.Enumerate(v); ok {
		out := make([]string, 0, len(items))
		for _, it := range items {
			out = append(out, object.ToInvariantString(it))
		}
		return out
	}
	if g, ok := v.(object.Guid); ok {
		return g.String()
	}
	return v
}

// recipientSortable are the properties Get-Recipient -SortBy sorts by.
var recipientSortable = []string{"Name", "DisplayName", "Alias", "City", "FirstName", "LastName", "Office", "ServerLegacyDN"}

// recipientOptions applies Get-Recipient's -SortBy, -OrganizationalUnit
// and -AuthenticationType to a listing (proceed false: an error was
// written, nothing is listed). Every recipient of the tenant lives
// in its one organizational unit, and every account signs in with a
// managed (cloud) identity: -AuthenticationType Managed keeps the mailboxes
// and mail users, Federated keeps nothing.
func recipientOptions(ctx *command.Context, l *listing) (proceed bool, err error) {
	if ctx.Has("SortBy") {
		want := strings.TrimSpace(ctx.String("SortBy"))
		for _, n := range recipientSortable {
			if strings.EqualFold(n, want) {
				l.sortBy = n
			}
		}
		if l.sortBy == "" {
			return false, ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The results can't be sorted by \"%s\". Valid properties to sort by are: %s.", want, strings.Join(recipientSortable, ", ")), want))
		}
	}
	if ctx.Has("OrganizationalUnit") {
		ok, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			return OrganizationalUnitRecord(ctx, tx)
		})
		if err != nil || !ok {
			return false, err
		}
	}
	if ctx.Has("AuthenticationType") {
		managed := strings.EqualFold(ctx.String("AuthenticationType"), "Managed")
		prev := l.keep
		l.keep = func(m *directory.Mailbox) bool { return managed && (prev == nil || prev(m)) }
		l.groups = false
	}
	return true, nil
}

// runSorted lists the whole scope, sorts it by l.sortBy (ascending,
// without regard to case) and writes the first -ResultSize objects.
func (l *listing) runSorted() error {
	limit := l.limit
	var all []*object.PSObject
	l.limit, l.sink, l.sortKeys = -1, &all, map[*object.PSObject]string{}
	err := l.run()
	keys := l.sortKeys
	l.limit, l.sink, l.sortKeys = limit, nil, nil
	if err != nil {
		return err
	}
	sort.SliceStable(all, func(i, j int) bool { return keys[all[i]] < keys[all[j]] })
	return WriteLimited(l.ctx, all, limit, l.explicit)
}

// EXOGroupRecipientObject is the Get-EXORecipient object of a group: the
// Minimum property set, and the -Properties a group has.
func EXOGroupRecipientObject(g *groups.Group, org *directory.Organization, props []string) *object.PSObject {
	full := GroupRecipientObject(g, org)
	full.AddTyped("ExchangeVersion", "System.String", "0.10 (14.0.100.0)")
	full.AddTyped("OrganizationId", "System.String", organizationID(org.DirectoryPartition, org.Name))
	o := object.NewObject(TypeEXORecipient, "Deserialized.System.Object")
	names := []string{"ExternalDirectoryObjectId", "Identity", "Alias", "EmailAddresses", "DisplayName", "Name",
		"PrimarySmtpAddress", "RecipientType", "RecipientTypeDetails", "ExchangeVersion", "DistinguishedName", "OrganizationId"}
	for _, p := range props {
		if !exo.ContainsFold(names, p) {
			names = append(names, p)
		}
	}
	for _, n := range names {
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	}
	o.ToStringFunc = full.ToStringFunc
	return o
}

// OrganizationalUnitRecord checks a command's -OrganizationalUnit: the
// organization's one unit (by name, canonical name, DN or GUID) holds
// every recipient of the tenant; another value is not found (rec).
func OrganizationalUnitRecord(ctx *command.Context, tx *store.Tx) (*object.ErrorRecord, error) {
	_, rec, err := OrganizationalUnitOf(ctx, tx, exo.IdentityOf(ctx.Value("OrganizationalUnit")))
	return rec, err
}

// OrganizationalUnitOf checks an organizational unit value (the
// organization's one unit by name, canonical name, DN or GUID) and
// returns the unit's canonical name; another value is not found (rec).
func OrganizationalUnitOf(ctx *command.Context, tx *store.Tx, value string) (string, *object.ErrorRecord, error) {
	ou := strings.TrimSpace(value)
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return "", nil, err
	}
	canonical := exo.OrganizationalUnitName(org)
	dn := "OU=" + org.Name + ",OU=Microsoft Exchange Hosted Organizations,DC=" + org.DirectoryPartition + ",DC=PROD,DC=OUTLOOK,DC=COM"
	for _, v := range []string{org.Name, canonical, dn, org.Guid} {
		if v != "" && strings.EqualFold(v, ou) {
			return canonical, nil, nil
		}
	}
	return "", exo.NotFound(ctx, ou), nil
}

// NewRecipientName reads the -Name of a new recipient (a group, a mail
// contact): 1 to 64 characters once trimmed; another ends the command
// with Exchange's refusal.
func NewRecipientName(ctx *command.Context) (string, error) {
	name := strings.TrimSpace(ctx.String("Name"))
	if name == "" || len([]rune(name)) > 64 {
		return "", ctx.Fail(exo.Invalid(ctx, "The Name must be 1 to 64 characters long.", name))
	}
	return name, nil
}

// CreateRecipient creates the recipient name as the New cmdlets of
// groups and contacts do: it asks first (prompt words the question, given
// the canonical name of the organizational unit every recipient is
// created in), then in one write transaction checks -OrganizationalUnit
// (see OrganizationalUnitRecord) and create makes the recipient and its
// object, which it writes.
func CreateRecipient(ctx *command.Context, name string, prompt func(ou string) string, create func(tx *store.Tx, org *directory.Organization) (*object.PSObject, *object.ErrorRecord, error)) error {
	if !ctx.ProceedsSilently() {
		var ou string
		_, _ = exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			org, err := directory.GetOrganization(tx)
			if err == nil {
				ou = exo.OrganizationalUnitName(org)
			}
			return nil, err
		})
		ok, err := ctx.ShouldProcessWith(prompt(ou), name)
		if err != nil || !ok {
			return err
		}
	}
	var out *object.PSObject
	_, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		if ctx.Has("OrganizationalUnit") {
			if rec, err := OrganizationalUnitRecord(ctx, tx); rec != nil || err != nil {
				return rec, err
			}
		}
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		o, rec, err := create(tx, org)
		if err == nil && rec == nil {
			out = o
		}
		return rec, err
	})
	if err != nil || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}
