package store

import (
	"fmt"
	"runtime/debug"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/codec"
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
//     migration in batches, each its own bbolt transaction (Tx.Checkpoint),
//     so that its memory does not grow with the tenant. The file records
//     version From+1 in the transaction that completes migration From; a
//     migration cut short (a failure, a kill) leaves the file at version
//     From with some records already rewritten, and the next open runs
//     migration From again from the start. Every migration is therefore
//     written so that running it over its own output changes nothing.
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
// schema's version, recording each version reached. In an import the
// caller's transaction makes it all-or-nothing; in Open each migration
// ends with a checkpoint (see above).
func (tx *Tx) migrate(from int) error {
	version := tx.s.sch().Version()
	if from < minSchemaVersion || from > version {
		return fmt.Errorf("cannot migrate tenant from schema version %d (supported: %d to %d)", from, minSchemaVersion, version)
	}
	for _, m := range tx.s.sch().migrations {
		if m.From < from {
			continue
		}
		if err := m.Apply(tx); err != nil {
			return fmt.Errorf("migrate tenant from schema version %d to %d (%s): %w", m.From, m.From+1, m.Name, err)
		}
		if err := tx.metaPut(metaSchemaVersion, strconv.Itoa(m.From+1)); err != nil {
			return err
		}
		if err := tx.Checkpoint(); err != nil {
			return err
		}
	}
	return tx.metaPut(metaSchemaVersion, strconv.Itoa(version))
}

// migrateInBatches runs the pending migrations of the file (at schema
// version from) as migrate does, committing a batch at a time.
func (s *Store) migrateInBatches(batch int) error {
	defer CollectAtDefaultPace()()
	btx, err := s.db.Begin(true)
	if err != nil {
		return err
	}
	tx := s.newTx(btx)
	defer func() {
		if tx.btx != nil {
			_ = tx.btx.Rollback()
		}
	}()
	tx.batch = batch
	tx.checkpoint = func() error {
		if err := tx.flush(); err != nil {
			return err
		}
		err := tx.btx.Commit()
		tx.btx = nil
		if err != nil {
			return err
		}
		nb, err := s.db.Begin(true)
		if err != nil {
			return err
		}
		tx.btx = nb
		return nil
	}
	// read again in the writing transaction: another process may have
	// migrated the file meanwhile
	from, err := strconv.Atoi(tx.metaGet(metaSchemaVersion))
	if err != nil {
		return fmt.Errorf("tenant file %q: bad schema version %q", s.path, tx.metaGet(metaSchemaVersion))
	}
	if from == s.sch().Version() {
		return nil
	}
	if err := s.ensureBuckets(tx.btx); err != nil {
		return err
	}
	if err := tx.migrate(from); err != nil {
		return fmt.Errorf("tenant file %q: %w", s.path, err)
	}
	if err := tx.flush(); err != nil {
		return err
	}
	err = tx.btx.Commit()
	tx.btx = nil
	return err
}

// migrateCBORRecords (schema 2 → 3) re-encodes every record of every data
// bucket (the admin audit log too) from JSON to the binary encoding of
// store/codec, a batch at a time (rewriteBucket). A record keeps its key and
// its decoded value, so the index entries derived from it stay as they
// are. Records already binary (rewritten by an earlier migration of the
// chain, or by this one before it was cut short) stay as they are.
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
	for _, name := range names {
		err := tx.rewriteBucket(name, func(k, v []byte) ([]byte, error) {
			if !codec.IsJSON(v) {
				return nil, nil
			}
			nv, err := tx.s.sch().transcodeRecord(name, v)
			if err != nil {
				return nil, fmt.Errorf("%s %q: %w", name, k, err)
			}
			return nv, nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// defaultGCPercent is the garbage collector's default target.
const defaultGCPercent = 100

// CollectAtDefaultPace sets the garbage collector to its default target
// for a bulk read or rewrite of records (a migration), whose garbage is
// large and short-lived, unless the program collects more eagerly
// already; the heap then stays small rather than growing to several times
// the records it holds at once. It returns what puts the previous target
// back.
func CollectAtDefaultPace() (restore func()) { return CollectAtPace(defaultGCPercent) }

// CollectAtPace is CollectAtDefaultPace with the target percent.
func CollectAtPace(percent int) (restore func()) {
	prev := debug.SetGCPercent(percent)
	if prev >= 0 && prev < percent {
		debug.SetGCPercent(prev)
		return func() {}
	}
	return func() { debug.SetGCPercent(prev) }
}
