package mailboxpolicy

import (
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
)

// OwaDefaultName is the name of the built-in Outlook on the web mailbox
// policy of an Exchange Online organization.
const OwaDefaultName = "OwaMailboxPolicy-Default"

// Policy is one mailbox policy of a kind: an Outlook on the web mailbox
// policy (which features of Outlook on the web and of the new Outlook its
// mailboxes have) or a mobile device mailbox policy (the rules mobile
// devices that synchronize its mailboxes must follow).
type Policy struct {
	Guid      string `json:"guid"`
	Name      string `json:"name"`
	IsDefault bool   `json:"isDefault,omitempty"`
	Settings
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// Head shows the fields a policyset.Set handles.
func (p *Policy) Head() policyset.Head {
	return policyset.Head{Guid: &p.Guid, Name: &p.Name, IsDefault: &p.IsDefault, WhenCreated: &p.WhenCreated, WhenChanged: &p.WhenChanged}
}

// Config returns the policy's settings.
func (p *Policy) Config() *Settings { return &p.Settings }

// builtin returns the built-in policy of a kind (salt tells the kinds
// apart) called name, as Exchange Online creates it with the
// organization: the default one.
func builtin(org *directory.Organization, salt, name string) *Policy {
	return &Policy{Guid: store.DerivedGuid(salt + "\x00" + org.Guid + "\x00" + name), Name: name, IsDefault: true,
		WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated}
}

var owaKind = store.DefineKind(store.KindSpec[Policy]{Bucket: "owaMailboxPolicies", Name: "owaMailboxPolicy",
	Noun: "Outlook on the web mailbox policy", CreatedOnWrite: true})

func owaKindOf() *store.Kind[Policy] { return owaKind }

// OwaDefaults returns the built-in Outlook on the web mailbox policy as
// Exchange Online creates it with the organization: the default one.
func OwaDefaults(org *directory.Organization) *Policy {
	return builtin(org, "owa-mailbox-policy", OwaDefaultName)
}

// OwaPolicies are the organization's Outlook on the web mailbox
// policies (Set-CASMailbox -OwaMailboxPolicy links a mailbox to one).
var OwaPolicies = &Family[Policy, *Policy]{
	Set:         policyset.Set[Policy, *Policy]{Kind: owaKindOf, Defaults: OwaDefaults, Finding: "owaMailboxPolicy", Defaulted: "default Outlook on the web mailbox policies"},
	Link:        func(l *Links) *string { return &l.Owa },
	Noun:        "Outlook on the web mailbox policy",
	BuiltinName: OwaDefaultName,
	Stamps:      isResource,
}

// isResource reports whether m is a room or equipment mailbox: a new one
// gets the default Outlook on the web mailbox policy, the mailbox plans
// giving the others theirs.
func isResource(m *directory.Mailbox) bool {
	return m.RecipientTypeDetails == directory.RecipientRoomMailbox || m.RecipientTypeDetails == directory.RecipientEquipmentMailbox
}

// checkOwa reports the settings of a policy Exchange would not keep.
func checkOwa(p *Policy, bad func(format string, args ...any)) { p.Settings.check(OwaSettings, bad) }

// OwaSetting returns the Outlook on the web mailbox policy setting of
// that name (any case), or nil.
func OwaSetting(name string) *Setting { return lookup(OwaSettings, name) }
