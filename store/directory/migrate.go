package directory

import (
	"github.com/exosim/exosim/store"
)

// The directory's schema migrations (RegisterDirectory adds them).

// migrateExplicitCohorts (schema 1 → 2) gives every folder that has items
// but no cohorts (a tenant saved before cohorts existed) its single cohort
// dated the mailbox's WhenMailboxCreated, holding the folder's item count
// and size: what the lazy reading of such a folder (normalizeCohorts)
// assumes. Content without a mailbox dates its items from the tenant clock.
// It rewrites a batch of records at a time (Kind.RewriteAll); a folder it
// gave cohorts before it was cut short keeps them.
func migrateExplicitCohorts(tx *store.Tx) error {
	return Contents.RewriteAll(tx, func(key string, c *MailboxContent) (bool, error) {
		var fs []*Folder
		for _, list := range [][]Folder{c.Primary, c.Archive} {
			for i := range list {
				if len(list[i].Cohorts) == 0 && list[i].ItemCount > 0 {
					fs = append(fs, &list[i])
				}
			}
		}
		if len(fs) == 0 {
			return false, nil
		}
		created := tx.Now()
		if m, err := GetMailbox(tx, key); err == nil {
			created = m.WhenMailboxCreated
		} else if !store.IsNotFound(err) {
			return false, err
		}
		for _, f := range fs {
			NormalizeCohorts(f, created)
		}
		return true, nil
	})
}

// migrateCoveringIndexes (schema 3 → 4) re-encodes every mailbox with the
// numbered keys of its cbor tags, gives it the copies of its account's
// fields (Mailbox.AccountOffice), then writes the index entries that are
// new or changed: the mailbox name index now carries the record beside
// the key, and IndexLinkedUser is new. The other entries are unchanged.
func migrateCoveringIndexes(tx *store.Tx) error {
	err := Mailboxes.RewriteAll(tx, func(_ string, m *Mailbox) (bool, error) {
		office, force := m.AccountOffice, m.AccountForceChangePassword
		if err := copyAccountFields(tx, m); err != nil {
			return false, err
		}
		return m.AccountOffice != office || m.AccountForceChangePassword != force, nil
	})
	if err != nil {
		return err
	}
	// The name index no longer carries the record; the entries that
	// carry something else beside the key (the identity indexes) are
	// written by the index rebuild of schema 7.
	return tx.WriteIndexEntries(func(name string, _ bool) bool { return name == IndexLinkedUser })
}

// migrateBinaryContent (schema 4 → 5) rewrites every mailbox content
// record in the binary form of MailboxContent (content_codec.go); the
// values stay the same. Content has no index entries.
func migrateBinaryContent(tx *store.Tx) error {
	return Contents.RewriteAll(tx, func(string, *MailboxContent) (bool, error) { return true, nil })
}

// migrateCompactRecords (schema 5 → 6) re-encodes every account with the
// numbered keys of its cbor tags and every mailbox without the values it
// can derive from its other fields (Mailbox.elided), and drops the copy
// of the mailbox record each name index entry carried.
func migrateCompactRecords(tx *store.Tx) error {
	if err := Users.RewriteAll(tx, func(string, *User) (bool, error) { return false, nil }); err != nil {
		return err
	}
	if err := Mailboxes.RewriteAll(tx, func(string, *Mailbox) (bool, error) { return true, nil }); err != nil {
		return err
	}
	return tx.WriteIndexEntries(func(name string, _ bool) bool { return name == IndexName })
}

// migrateIdentityIndex (schema 8 → 9) replaces the nine indexes an
// identity was looked up in (name, alias, SMTP address, sign-in name,
// ExchangeGuid, distinguished name, legacy DN, external directory ID and
// display name), one seek each, with the two identity indexes that hold
// every value once with its forms (package idform), one seek for a
// look-up. The name index stays for listings in name order.
// It rebuilds the index bucket from the records, which drops the old
// entries too; a tenant whose indexes were rebuilt earlier in the same
// run (from schema 7, or an import) has them already.
func migrateIdentityIndex(tx *store.Tx) error {
	return tx.RebuildIndexes()
}
