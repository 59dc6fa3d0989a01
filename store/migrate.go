package store

import (
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Schema migrations.
//
// A tenant file or export records the schema version that wrote it (meta
// key schemaVersion, export field schemaVersion). A store reads the
// version of its Schema (Schema.Version) and every older version that the
// schema's chain of migrations leads up from; it refuses newer ones with
// *SchemaVersionError. Whoever owns the records a migration rewrites adds
// it to the schema (Schema.AddMigration).
//
//   - Opening a read-write store of an older version runs every pending
//     migration, then records the new version, in the one bbolt transaction
//     that prepares the file: a failure leaves the file as it was.
//   - Opening it read-only fails with *SchemaMigrationError: a read-only
//     open cannot write the migrated records, so the file must be opened
//     read-write once.
//   - Importing an older export loads its records as they are, then runs
//     the same migrations in the import transaction.

// migration upgrades a tenant from schema version From to From+1.
type migration struct {
	From int
	// Name says what the migration does (error messages).
	Name string
	// Apply rewrites the records of tx; the caller records the new schema
	// version. Indexes are up to date before Apply and putRecord keeps
	// them so.
	Apply func(tx *Tx) error
}

// minSchemaVersion is the oldest schema version this package can migrate.
const minSchemaVersion = 1

// SchemaMigrationError reports a tenant file of an older schema version
// opened read-only: it needs a read-write open to be migrated.
type SchemaMigrationError struct {
	Path      string
	Found     int
	Supported int
}

func (e *SchemaMigrationError) Error() string {
	return fmt.Sprintf("tenant file %q has schema version %d and must be migrated to schema version %d: open it read-write once (any exosim command that may change the tenant, e.g. `exosim tenant info`) to migrate it", e.Path, e.Found, e.Supported)
}

// migrate upgrades the tenant of tx from schema version from to the
// schema's version and records the new version. The caller's transaction
// makes it all-or-nothing.
func (tx *Tx) migrate(from int) error {
	version := tx.s.schema.Version()
	if from < minSchemaVersion || from > version {
		return fmt.Errorf("cannot migrate tenant from schema version %d (supported: %d to %d)", from, minSchemaVersion, version)
	}
	for _, m := range tx.s.schema.migrations {
		if m.From < from {
			continue
		}
		if err := m.Apply(tx); err != nil {
			return fmt.Errorf("migrate tenant from schema version %d to %d (%s): %w", m.From, m.From+1, m.Name, err)
		}
	}
	return tx.metaPut(metaSchemaVersion, strconv.Itoa(version))
}

// migrateExplicitCohorts (schema 1 → 2) gives every folder that has items
// but no cohorts (a tenant saved before cohorts existed) its single cohort
// dated the mailbox's WhenMailboxCreated, holding the folder's item count
// and size: what the lazy reading of such a folder (normalizeCohorts)
// assumes. Content without a mailbox dates its items from the tenant clock.
func migrateExplicitCohorts(tx *Tx) error {
	type change struct {
		key string
		c   *MailboxContent
	}
	var changed []change
	err := forEachDecoded(tx, bucketContent, "", func(key string, c *MailboxContent) error {
		var fs []*Folder
		for _, list := range [][]Folder{c.Primary, c.Archive} {
			for i := range list {
				if len(list[i].Cohorts) == 0 && list[i].ItemCount > 0 {
					fs = append(fs, &list[i])
				}
			}
		}
		if len(fs) == 0 {
			return nil
		}
		created := tx.Now()
		if m, err := tx.GetMailbox(key); err == nil {
			created = m.WhenMailboxCreated
		} else if !IsNotFound(err) {
			return err
		}
		for _, f := range fs {
			NormalizeCohorts(f, created)
		}
		changed = append(changed, change{key, c})
		return nil
	})
	if err != nil {
		return err
	}
	// Written after the scan: bbolt cursors must not see their bucket
	// change under them.
	for _, ch := range changed {
		if err := tx.putRecord(bucketContent, ch.key, ch.c); err != nil {
			return err
		}
	}
	return nil
}

// migrateCBORRecords (schema 2 → 3) re-encodes every record of every data
// bucket (the admin audit log too) from JSON to the binary encoding of
// codec.go. A record keeps its key and its decoded value, so the index
// entries derived from it stay as they are. Records an earlier migration
// of the chain already rewrote are binary and stay as they are.
func migrateCBORRecords(tx *Tx) error {
	var names []string
	err := tx.btx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if n := string(name); n != bucketMeta && n != bucketIndex {
			names = append(names, n)
		}
		return nil
	})
	if err != nil {
		return err
	}
	type rec struct{ k, v []byte }
	for _, name := range names {
		b := tx.btx.Bucket([]byte(name))
		var recs []rec
		err := b.ForEach(func(k, v []byte) error {
			if v == nil || !isJSONRecord(v) { // nested bucket or already binary
				return nil
			}
			nv, err := tx.s.schema.transcodeRecord(name, v)
			if err != nil {
				return fmt.Errorf("%s %q: %w", name, k, err)
			}
			recs = append(recs, rec{append([]byte(nil), k...), nv})
			return nil
		})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		tx.touch(name)
		// Written after the scan: bbolt cursors must not see their bucket
		// change under them.
		for _, r := range recs {
			if err := b.Put(r.k, r.v); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateCoveringIndexes (schema 3 → 4) re-encodes every mailbox with the
// numbered keys of its cbor tags, gives it the copies of its account's
// fields (Mailbox.AccountOffice), then writes the index entries that are
// new or changed: the mailbox name index now carries the record beside
// the key, and IndexLinkedUser is new. The other entries are unchanged.
func migrateCoveringIndexes(tx *Tx) error {
	b, err := tx.bucket(bucketMailboxes)
	if err != nil {
		return err
	}
	type rec struct{ k, v []byte }
	var changed []rec
	err = b.ForEach(func(k, v []byte) error {
		var m Mailbox
		textKeyed := isTextKeyedMap(v)
		decode := decodeValue
		if textKeyed {
			decode = decodeTextKeyed
		}
		if err := decode(v, &m); err != nil {
			return fmt.Errorf("mailbox %q: %w", k, err)
		}
		office, force := m.AccountOffice, m.AccountForceChangePassword
		if err := tx.copyAccountFields(&m); err != nil {
			return err
		}
		if !textKeyed && m.AccountOffice == office && m.AccountForceChangePassword == force {
			return nil
		}
		raw, err := encodeValue(&m)
		if err != nil {
			return err
		}
		changed = append(changed, rec{append([]byte(nil), k...), raw})
		return nil
	})
	if err != nil {
		return err
	}
	if len(changed) > 0 {
		tx.touch(bucketMailboxes)
	}
	for _, r := range changed { // after the scan: see migrateCBORRecords
		if err := b.Put(r.k, r.v); err != nil {
			return err
		}
	}
	puts, err := tx.collectIndexPuts(func(e indexEntry) bool { return e.payload != nil || e.name == IndexLinkedUser })
	if err != nil {
		return err
	}
	return tx.putIndexSorted(puts)
}
