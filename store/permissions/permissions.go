// Package permissions is who may act on whose mailbox: the access control
// entries of mailboxes (full access and the other mailbox rights, allowed
// or denied, with their inheritance and auto-mapping), their owners, and
// the Send As entries of recipients.
//
// An entry names its holder (the trustee) by directory object: an
// account's object ID or a group's GUID. Whether the holder still
// resolves (active, soft-deleted, gone) is decided when the entry is read,
// so a holder's deletion and restoration need no bookkeeping here: an
// entry whose holder was purged stays, unresolved, as it does in Exchange.
// The entries on a mailbox follow the mailbox: they stay while it is
// soft-deleted or inactive and come back with it when it is restored; a
// purged mailbox's entries go with it.
package permissions

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Mailbox rights, in the order Exchange lists them.
var MailboxRights = []string{"FullAccess", "SendAs", "ExternalAccount", "DeleteItem", "ReadPermission", "ChangePermission", "ChangeOwner"}

// GrantableMailboxRights are the rights Add-MailboxPermission takes (Send
// As is a recipient permission).
var GrantableMailboxRights = []string{"ChangeOwner", "ChangePermission", "DeleteItem", "ExternalAccount", "FullAccess", "ReadPermission"}

// Inheritance types of a mailbox entry.
var InheritanceTypes = []string{"None", "All", "Descendents", "SelfAndChildren", "Children"}

// Trustee kinds.
const (
	TrusteeUser  = "User"
	TrusteeGroup = "Group"
)

// RightSendAs is the one recipient right.
const RightSendAs = "SendAs"

// MailboxPermission is one explicit access control entry on a mailbox.
type MailboxPermission struct {
	MailboxGuid string `json:"mailboxGuid"`
	// Trustee is the holder's object ID (lower case); TrusteeKind says
	// whether it is an account or a group.
	Trustee     string `json:"trustee"`
	TrusteeKind string `json:"trusteeKind"`
	// AccessRights are in MailboxRights order.
	AccessRights    []string `json:"accessRights"`
	Deny            bool     `json:"deny,omitempty"`
	InheritanceType string   `json:"inheritanceType"`
	// AutoMapping: Outlook adds the mailbox to the holder's profile.
	AutoMapping bool      `json:"autoMapping,omitempty"`
	WhenAdded   time.Time `json:"whenAdded"`
}

// Key is the entry's key: one entry per mailbox, holder, allow or deny
// and inheritance type.
func (p *MailboxPermission) Key() string {
	return mailboxKey(p.MailboxGuid, p.Trustee, p.Deny, p.InheritanceType)
}

func mailboxKey(mailbox, trustee string, deny bool, inheritance string) string {
	d := "allow"
	if deny {
		d = "deny"
	}
	return strings.ToLower(mailbox) + "|" + strings.ToLower(trustee) + "|" + d + "|" + strings.ToLower(inheritance)
}

// MailboxOwner is a mailbox's owner when someone other than the mailbox's
// own account (NT AUTHORITY\SELF) was made its owner.
type MailboxOwner struct {
	MailboxGuid string `json:"mailboxGuid"`
	Trustee     string `json:"trustee"`
	TrusteeKind string `json:"trusteeKind"`
}

// RecipientPermission is one Send As entry on a recipient (a mailbox, a
// mail user or a group).
type RecipientPermission struct {
	// Recipient is the mailbox's Guid or the group's Guid (lower case).
	Recipient   string    `json:"recipient"`
	Trustee     string    `json:"trustee"`
	TrusteeKind string    `json:"trusteeKind"`
	Deny        bool      `json:"deny,omitempty"`
	WhenAdded   time.Time `json:"whenAdded"`
}

// Key is the entry's key: one entry per recipient, holder and allow or
// deny.
func (p *RecipientPermission) Key() string { return recipientKey(p.Recipient, p.Trustee, p.Deny) }

func recipientKey(recipient, trustee string, deny bool) string {
	d := "allow"
	if deny {
		d = "deny"
	}
	return strings.ToLower(recipient) + "|" + strings.ToLower(trustee) + "|" + d
}

// The record kinds.
var (
	mailboxKind   = store.DefineKind(store.KindSpec[MailboxPermission]{Bucket: "mailboxPermissions", Name: "mailboxPermission", Noun: "mailbox permission"})
	ownerKind     = store.DefineKind(store.KindSpec[MailboxOwner]{Bucket: "mailboxOwners", Name: "mailboxOwner", Noun: "mailbox owner"})
	recipientKind = store.DefineKind(store.KindSpec[RecipientPermission]{Bucket: "recipientPermissions", Name: "recipientPermission", Noun: "recipient permission"})
)

// RecipientExists says whether an object other than a mailbox that entries
// can be on (a group, filled in by the tenant) exists.
var RecipientExists = store.NewHook[func(tx *store.Tx, id string) (bool, error)]("permission recipient exists")

// Register adds the permissions to s: their kinds, the rule that a purged
// mailbox's entries go with it, and the check that every entry's mailbox
// exists.
func Register(s *store.Schema) {
	mailboxKind.Register(s)
	ownerKind.Register(s)
	recipientKind.Register(s)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error { return dropRecipient(tx, guid) })
	s.AddCheck("permissions", checkPermissions)
}

// NormalizeRights returns the rights in Exchange's order, each once, with
// Exchange's spelling; bad is the first value that is not a mailbox right.
func NormalizeRights(in []string, allowed []string) (out []string, bad string) {
	seen := map[string]bool{}
	for _, r := range in {
		canon := ""
		for _, a := range allowed {
			if strings.EqualFold(strings.TrimSpace(r), a) {
				canon = a
			}
		}
		if canon == "" {
			return nil, r
		}
		seen[canon] = true
	}
	for _, r := range MailboxRights {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out, ""
}

// MailboxEntries returns the explicit entries on a mailbox, in key order.
func MailboxEntries(tx *store.Tx, mailboxGuid string) ([]*MailboxPermission, error) {
	prefix := strings.ToLower(mailboxGuid) + "|"
	var out []*MailboxPermission
	err := mailboxKind.ForEach(tx, prefix, func(key string, p *MailboxPermission) error {
		if !strings.HasPrefix(key, prefix) {
			return store.ErrStop
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// EntriesOf returns every mailbox entry a trustee holds, in key order.
func EntriesOf(tx *store.Tx, trustee string) ([]*MailboxPermission, error) {
	var out []*MailboxPermission
	err := mailboxKind.ForEach(tx, "", func(_ string, p *MailboxPermission) error {
		if strings.EqualFold(p.Trustee, trustee) {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// Grant adds rights to a holder's entry on a mailbox (creating it, dated
// in.WhenAdded or now), and returns the entry. AutoMapping is the latest
// grant's.
func Grant(tx *store.Tx, in MailboxPermission) (*MailboxPermission, error) {
	if in.InheritanceType == "" {
		in.InheritanceType = "All"
	}
	rights, bad := NormalizeRights(in.AccessRights, MailboxRights)
	if bad != "" || len(rights) == 0 {
		return nil, &store.ValidationError{Field: "AccessRights", Message: fmt.Sprintf("%q is not a mailbox right", bad)}
	}
	key := mailboxKey(in.MailboxGuid, in.Trustee, in.Deny, in.InheritanceType)
	cur, ok, err := mailboxKind.Get(tx, key)
	if err != nil {
		return nil, err
	}
	if !ok {
		cur = &MailboxPermission{MailboxGuid: strings.ToLower(in.MailboxGuid), Trustee: strings.ToLower(in.Trustee), TrusteeKind: in.TrusteeKind,
			Deny: in.Deny, InheritanceType: in.InheritanceType, WhenAdded: in.WhenAdded}
		if cur.WhenAdded.IsZero() {
			cur.WhenAdded = tx.Now()
		}
	}
	cur.AccessRights, _ = NormalizeRights(append(append([]string(nil), cur.AccessRights...), rights...), MailboxRights)
	cur.AutoMapping = in.AutoMapping
	return cur, mailboxKind.Put(tx, key, cur)
}

// Revoke removes rights from a holder's entries on a mailbox (of the
// given inheritance type, or any when it is ""); an entry left without
// rights goes. It reports whether any right was removed.
func Revoke(tx *store.Tx, mailboxGuid, trustee string, rights []string, deny bool, inheritance string) (bool, error) {
	entries, err := MailboxEntries(tx, mailboxGuid)
	if err != nil {
		return false, err
	}
	removed := false
	for _, p := range entries {
		if !strings.EqualFold(p.Trustee, trustee) || p.Deny != deny || inheritance != "" && !strings.EqualFold(p.InheritanceType, inheritance) {
			continue
		}
		var kept []string
		for _, r := range p.AccessRights {
			if slices.ContainsFunc(rights, func(x string) bool { return strings.EqualFold(x, r) }) {
				removed = true
				continue
			}
			kept = append(kept, r)
		}
		if len(kept) == len(p.AccessRights) {
			continue
		}
		if len(kept) == 0 {
			if _, err := mailboxKind.Delete(tx, p.Key()); err != nil {
				return false, err
			}
			continue
		}
		p.AccessRights = kept
		if err := mailboxKind.Put(tx, p.Key(), p); err != nil {
			return false, err
		}
	}
	return removed, nil
}

// ClearAutoMapping takes a mailbox out of auto-mapping for every holder.
func ClearAutoMapping(tx *store.Tx, mailboxGuid string) error {
	entries, err := MailboxEntries(tx, mailboxGuid)
	if err != nil {
		return err
	}
	for _, p := range entries {
		if p.AutoMapping {
			p.AutoMapping = false
			if err := mailboxKind.Put(tx, p.Key(), p); err != nil {
				return err
			}
		}
	}
	return nil
}

// ResetDefault gives a mailbox back its default security descriptor: its
// explicit entries and a changed owner go; Send As entries stay.
func ResetDefault(tx *store.Tx, mailboxGuid string) error {
	entries, err := MailboxEntries(tx, mailboxGuid)
	if err != nil {
		return err
	}
	for _, p := range entries {
		if _, err := mailboxKind.Delete(tx, p.Key()); err != nil {
			return err
		}
	}
	_, err = ownerKind.Delete(tx, strings.ToLower(mailboxGuid))
	return err
}

// Owner returns a mailbox's owner when it was changed (nil: the mailbox's
// own account).
func Owner(tx *store.Tx, mailboxGuid string) (*MailboxOwner, error) {
	o, ok, err := ownerKind.Get(tx, strings.ToLower(mailboxGuid))
	if err != nil || !ok {
		return nil, err
	}
	return o, nil
}

// SetOwner makes a holder the owner of a mailbox.
func SetOwner(tx *store.Tx, mailboxGuid, trustee, kind string) error {
	key := strings.ToLower(mailboxGuid)
	return ownerKind.Put(tx, key, &MailboxOwner{MailboxGuid: key, Trustee: strings.ToLower(trustee), TrusteeKind: kind})
}

// RemoveOwner gives a mailbox back to its own account; it reports whether
// the owner had been changed.
func RemoveOwner(tx *store.Tx, mailboxGuid string) (bool, error) {
	return ownerKind.Delete(tx, strings.ToLower(mailboxGuid))
}

// RecipientEntries returns the Send As entries on a recipient, in key
// order.
func RecipientEntries(tx *store.Tx, recipient string) ([]*RecipientPermission, error) {
	prefix := strings.ToLower(recipient) + "|"
	var out []*RecipientPermission
	err := recipientKind.ForEach(tx, prefix, func(key string, p *RecipientPermission) error {
		if !strings.HasPrefix(key, prefix) {
			return store.ErrStop
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// SendAsEntries returns every Send As entry, in key order.
func SendAsEntries(tx *store.Tx) ([]*RecipientPermission, error) { return recipientKind.List(tx) }

// GrantSendAs adds a holder's Send As entry on a recipient (kept when it
// exists) and returns it.
func GrantSendAs(tx *store.Tx, recipient, trustee, kind string, deny bool) (*RecipientPermission, error) {
	key := recipientKey(recipient, trustee, deny)
	if p, ok, err := recipientKind.Get(tx, key); err != nil || ok {
		return p, err
	}
	p := &RecipientPermission{Recipient: strings.ToLower(recipient), Trustee: strings.ToLower(trustee), TrusteeKind: kind, Deny: deny, WhenAdded: tx.Now()}
	return p, recipientKind.Put(tx, key, p)
}

// RevokeSendAs removes a holder's Send As entry on a recipient; it reports
// whether there was one.
func RevokeSendAs(tx *store.Tx, recipient, trustee string, deny bool) (bool, error) {
	return recipientKind.Delete(tx, recipientKey(recipient, trustee, deny))
}

// dropRecipient removes every entry on a recipient that no longer exists.
func dropRecipient(tx *store.Tx, guid string) error {
	entries, err := MailboxEntries(tx, guid)
	if err != nil {
		return err
	}
	for _, p := range entries {
		if _, err := mailboxKind.Delete(tx, p.Key()); err != nil {
			return err
		}
	}
	if _, err := ownerKind.Delete(tx, strings.ToLower(guid)); err != nil {
		return err
	}
	sendAs, err := RecipientEntries(tx, guid)
	if err != nil {
		return err
	}
	for _, p := range sendAs {
		if _, err := recipientKind.Delete(tx, p.Key()); err != nil {
			return err
		}
	}
	return nil
}

// DropRecipient removes every entry on a recipient the caller deleted
// (a group).
func DropRecipient(tx *store.Tx, id string) error { return dropRecipient(tx, id) }

// SID is the security identifier Exchange shows for a holder: the same
// holder in the same tenant always has the same one.
func SID(orgGuid, objectID string) string {
	part := func(salt string, n uint32) uint32 {
		h := fnv.New32a()
		h.Write([]byte(strings.ToLower(orgGuid) + "|" + salt))
		return h.Sum32()%n + 1
	}
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(objectID)))
	return fmt.Sprintf("S-1-5-21-%d-%d-%d-%d", part("a", 4000000000), part("b", 4000000000), part("c", 4000000000), h.Sum32()%90000000+1000)
}

// checkPermissions reports entries whose mailbox (or group) is gone or
// whose rights are not mailbox rights.
func checkPermissions(tx *store.Tx, report func(store.Finding)) error {
	exists := func(guid string) bool {
		if _, err := directory.GetMailbox(tx, guid); err == nil {
			return true
		}
		for _, f := range RecipientExists.Funcs(tx) {
			if ok, err := f(tx, guid); err == nil && ok {
				return true
			}
		}
		return false
	}
	err := mailboxKind.ForEach(tx, "", func(key string, p *MailboxPermission) error {
		if !exists(p.MailboxGuid) {
			report(store.Finding{Kind: "mailboxPermission", Key: key, Message: "the mailbox does not exist"})
		}
		if rights, bad := NormalizeRights(p.AccessRights, MailboxRights); bad != "" || len(rights) == 0 {
			report(store.Finding{Kind: "mailboxPermission", Key: key, Message: fmt.Sprintf("access rights %v are not mailbox rights", p.AccessRights)})
		}
		if key != p.Key() {
			report(store.Finding{Kind: "mailboxPermission", Key: key, Message: "stored under another key than its own " + p.Key()})
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = ownerKind.ForEach(tx, "", func(key string, o *MailboxOwner) error {
		if !exists(o.MailboxGuid) {
			report(store.Finding{Kind: "mailboxOwner", Key: key, Message: "the mailbox does not exist"})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return recipientKind.ForEach(tx, "", func(key string, p *RecipientPermission) error {
		if !exists(p.Recipient) {
			report(store.Finding{Kind: "recipientPermission", Key: key, Message: "the recipient does not exist"})
		}
		return nil
	})
}

// SortEntries orders mailbox entries by when they were added, then key.
func SortEntries(ps []*MailboxPermission) {
	sort.SliceStable(ps, func(i, j int) bool {
		if !ps[i].WhenAdded.Equal(ps[j].WhenAdded) {
			return ps[i].WhenAdded.Before(ps[j].WhenAdded)
		}
		return ps[i].Key() < ps[j].Key()
	})
}
