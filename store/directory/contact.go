package directory

import (
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/idform"
	"github.com/exosim/exosim/store/mailsettings"
)

// RecipientMailContact is the RecipientType and RecipientTypeDetails of a
// mail contact.
const RecipientMailContact = "MailContact"

// Contact is a mail contact: a recipient in the address book whose mail
// goes to an address outside the organization (ExternalEmailAddress). It
// has no account and no mailbox.
type Contact struct {
	Guid                      string `json:"guid"` // primary key, lower case
	ExternalDirectoryObjectId string `json:"externalDirectoryObjectId"`
	Name                      string `json:"name"`
	DisplayName               string `json:"displayName"`
	Alias                     string `json:"alias"`
	// ExternalEmailAddress is where mail goes, with its prefix
	// ("SMTP:chris@fabrikam.com").
	ExternalEmailAddress string   `json:"externalEmailAddress"`
	PrimarySmtpAddress   string   `json:"primarySmtpAddress"`
	EmailAddresses       []string `json:"emailAddresses"`
	FirstName            string   `json:"firstName,omitempty"`
	LastName             string   `json:"lastName,omitempty"`
	Initials             string   `json:"initials,omitempty"`
	// The contact's other settings by parameter name (Set-MailContact's
	// and Set-Contact's), kept once set.
	mailsettings.Settings
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// DistinguishedName is the contact's DN in the hosted organization.
func (c *Contact) DistinguishedName(tenant, partition string) string {
	return HostedDN(c.Name, tenant, partition, false)
}

// Matches reports whether an identity names the contact: its name, alias,
// display name, any address (the external one too), GUID, directory
// object ID or DN, without regard to case; an identity with * matches by
// Exchange's wildcard rule against the name, alias, display name and
// primary address.
func (c *Contact) Matches(identity, tenant, partition string) bool {
	id := strings.TrimSpace(identity)
	if id == "" {
		return false
	}
	names := []string{c.Name, c.Alias, c.DisplayName, c.PrimarySmtpAddress}
	if wildcard.HasStar(id) {
		p, _ := wildcard.Compile(id, wildcard.StarOnly)
		for _, s := range names {
			if p.Match(s) {
				return true
			}
		}
		return false
	}
	for _, s := range append(names, c.Guid, c.ExternalDirectoryObjectId, c.DistinguishedName(tenant, partition)) {
		if strings.EqualFold(s, id) {
			return true
		}
	}
	for _, a := range append([]string{c.ExternalEmailAddress}, c.EmailAddresses...) {
		if i := strings.IndexByte(a, ':'); i >= 0 && strings.EqualFold(a[i+1:], id) {
			return true
		}
	}
	return false
}

var contactKind = store.DefineKind(store.KindSpec[Contact]{Bucket: "contacts", Name: "mail contact", CreatedOnWrite: true})

// NameHolders finds who else holds a recipient name, alias or primary
// address among the recipients another area keeps (the groups): it
// returns the holder's name, "" when none. self is the GUID of the
// recipient being checked. prop is Name, Alias or PrimarySmtpAddress.
var NameHolders = store.NewHook[func(tx *store.Tx, self, prop, value string) (string, error)]("recipient name holders")

// CheckRecipientNames refuses a name, alias or primary address that an
// active mailbox or mail user, a mail contact or a recipient another area
// keeps (NameHolders) already has; self is the GUID of the recipient being
// checked (*store.DuplicateError naming the holder).
func CheckRecipientNames(tx *store.Tx, self, name, alias, smtp string) error {
	checks := []struct {
		prop  string
		form  idform.Form
		value string
	}{
		{"Name", idform.Name, name},
		{"Alias", idform.Alias, alias},
		{"PrimarySmtpAddress", idform.SMTP, smtp},
	}
	dup := func(prop, value, holder string) error {
		return &store.DuplicateError{Kind: "recipient", Property: prop, Value: value, ExistingIdentity: holder}
	}
	for _, c := range checks {
		if c.value == "" {
			continue
		}
		if m, err := ActiveMailboxWith(tx, c.form, c.value, ""); err != nil {
			return err
		} else if m != nil {
			return dup(c.prop, c.value, m.Identity())
		}
	}
	return checkOtherRecipients(tx, self, name, alias, smtp)
}

// checkOtherRecipients is CheckRecipientNames without the mailboxes: the
// mail contacts and the recipients of NameHolders.
func checkOtherRecipients(tx *store.Tx, self, name, alias, smtp string) error {
	checks := []struct{ prop, value string }{{"Name", name}, {"Alias", alias}, {"PrimarySmtpAddress", smtp}}
	dup := func(prop, value, holder string) error {
		return &store.DuplicateError{Kind: "recipient", Property: prop, Value: value, ExistingIdentity: holder}
	}
	cs, err := ListContacts(tx)
	if err != nil {
		return err
	}
	for _, o := range cs {
		if strings.EqualFold(o.Guid, self) {
			continue
		}
		for _, c := range checks {
			held := map[string]string{"Name": o.Name, "Alias": o.Alias, "PrimarySmtpAddress": o.PrimarySmtpAddress}[c.prop]
			if c.value != "" && strings.EqualFold(held, c.value) {
				return dup(c.prop, c.value, o.Name)
			}
		}
	}
	for _, f := range NameHolders.Funcs(tx) {
		for _, c := range checks {
			if c.value == "" {
				continue
			}
			if holder, err := f(tx, self, c.prop, c.value); err != nil {
				return err
			} else if holder != "" {
				return dup(c.prop, c.value, holder)
			}
		}
	}
	return nil
}

// NewContact stores a new mail contact: it gets its GUID and directory
// object ID, and its name, alias and primary address must be free among
// the recipients (CheckRecipientNames).
func NewContact(tx *store.Tx, c *Contact) error {
	c.Guid = strings.ToLower(tx.NewGuid())
	c.ExternalDirectoryObjectId = strings.ToLower(tx.NewGuid())
	if err := CheckRecipientNames(tx, c.Guid, c.Name, c.Alias, c.PrimarySmtpAddress); err != nil {
		return err
	}
	c.WhenCreated, c.WhenChanged = tx.Now(), tx.Now()
	return contactKind.Put(tx, c.Guid, c)
}

// PutContact stores a changed contact, checking its name, alias and
// primary address are still free.
func PutContact(tx *store.Tx, c *Contact) error {
	if err := CheckRecipientNames(tx, c.Guid, c.Name, c.Alias, c.PrimarySmtpAddress); err != nil {
		return err
	}
	c.WhenChanged = tx.Now()
	return contactKind.Put(tx, c.Guid, c)
}

// GetContact returns a contact by GUID.
func GetContact(tx *store.Tx, guid string) (*Contact, bool, error) {
	return contactKind.Get(tx, strings.ToLower(guid))
}

// RemoveContact deletes a contact.
func RemoveContact(tx *store.Tx, guid string) error {
	_, err := contactKind.Delete(tx, strings.ToLower(guid))
	return err
}

// ListContacts returns every contact in name order.
func ListContacts(tx *store.Tx) ([]*Contact, error) {
	cs, err := contactKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(cs, func(c *Contact) string { return c.Name })
	return cs, nil
}

// FindContacts returns the contacts an identity names, in name order.
func FindContacts(tx *store.Tx, identity string) ([]*Contact, error) {
	org, err := GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	all, err := ListContacts(tx)
	if err != nil {
		return nil, err
	}
	var out []*Contact
	for _, c := range all {
		if c.Matches(identity, org.Name, org.DirectoryPartition) {
			out = append(out, c)
		}
	}
	return out, nil
}

// checkContacts reports contacts stored under another key than their GUID,
// without an external address, or sharing a name, alias or primary
// address with another recipient.
func checkContacts(tx *store.Tx, report func(store.Finding)) error {
	return contactKind.ForEach(tx, "", func(key string, c *Contact) error {
		var problems []string
		if key != c.Guid {
			problems = append(problems, "stored under another key than its GUID")
		}
		if c.ExternalEmailAddress == "" {
			problems = append(problems, "no external email address")
		}
		var dup *store.DuplicateError
		if err := CheckRecipientNames(tx, c.Guid, c.Name, c.Alias, c.PrimarySmtpAddress); errors.As(err, &dup) {
			problems = append(problems, err.Error())
		} else if err != nil {
			return err
		}
		if len(problems) > 0 {
			sort.Strings(problems)
			report(store.Finding{Kind: "contact", Key: key, Message: strings.Join(problems, "; ")})
		}
		return nil
	})
}
