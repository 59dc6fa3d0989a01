package transfer

import (
	"io"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/exportdoc"
)

// importBatchBytes bounds the records one transaction of ImportFile
// writes (bbolt keeps a transaction's changes in memory until it commits).
const importBatchBytes = 16 << 20

// importIndexBatch bounds the records whose index entries ImportFile
// writes in one transaction.
const importIndexBatch = 4000

// ImportFile replaces the tenant file at path with the export read from r
// as Rebuild replaces a file: the tenant is locked for the whole
// import, the export is streamed into a new file in transactions of
// bounded size (so memory does not grow with the export), migrated,
// indexed and checked there, and only a complete, consistent tenant
// replaces the old one. The old tenant's admin audit log is carried over
// unchanged and the import appends its record to it. A refused import
// leaves the tenant as it was.
func ImportFile(path string, r io.Reader, o store.Options, rec store.ImportRecord) error {
	return Rebuild(path, o, func(old, fresh *store.Store) error {
		replaced := "none"
		if old != nil {
			err := old.View(func(tx *store.Tx) error {
				replaced = tenantSummary(tx)
				tx.FillCaller(&rec)
				return nil
			})
			if err != nil {
				return err
			}
		}
		db, release, err := fresh.Hold()
		if err != nil {
			return err
		}
		defer release()
		dbs := []*bolt.DB{db}
		if old != nil {
			odb, orelease, err := old.Hold()
			if err != nil {
				return err
			}
			defer orelease()
			dbs = append(dbs, odb)
		}
		return boltfile.WhileDroppingPages(func() []*bolt.DB { return dbs }, func() error {
			return importInto(fresh, db, old, r, rec, replaced)
		})
	})
}

// importInto is ImportFile's work on the new tenant fresh (its file db)
// beside the old one (nil for none).
func importInto(fresh *store.Store, db *bolt.DB, old *store.Store, r io.Reader, rec store.ImportRecord, replaced string) error {
	h, err := streamInto(fresh.Schema(), db, r)
	if err != nil {
		return err
	}
	if err := boltfile.IndexInBatches(db, store.BucketIndex, fresh.Schema().IndexSources(), importIndexBatch); err != nil {
		return err
	}
	err = fresh.Update(func(tx *store.Tx) error {
		if err := tx.SetState(h.Meta); err != nil {
			return err
		}
		return tx.Migrate(*h.Version)
	})
	if err != nil {
		return err
	}
	findings, err := fresh.Check()
	if err != nil {
		return err
	}
	if len(findings) > 0 {
		return &ImportRefusedError{Findings: findings}
	}
	if old != nil {
		if err := copyKeptKinds(old, db); err != nil {
			return err
		}
	}
	return fresh.Update(func(tx *store.Tx) error {
		tx.FillCaller(&rec) // a new tenant's administrator
		return tx.RecordImport(rec, replaced, nil)
	})
}

// streamInto writes the records of the export r into the (fresh, empty)
// tenant db in transactions of about importBatchBytes.
func streamInto(schema *store.Schema, db *bolt.DB, r io.Reader) (*exportdoc.Head, error) {
	open := func(btx *bolt.Tx, name string) (*bolt.Bucket, error) { return importBucket(schema, btx, name) }
	l := &boltfile.Loader{DB: db, Limit: importBatchBytes, Open: open, Put: putImported}
	h, err := readExport(schema, r, l.Add)
	if err != nil {
		l.Rollback()
		return nil, err
	}
	return h, l.Commit()
}

// copyKeptKinds copies the kinds kept out of exports (the admin audit log)
// of old, records and sequence as they are, into db (a tenant being built
// that has none of them yet), in batches of about importBatchBytes.
func copyKeptKinds(old *store.Store, db *bolt.DB) error {
	view := func(fn func(btx *bolt.Tx) error) error {
		return old.View(func(tx *store.Tx) error { return fn(tx.Bolt()) })
	}
	for _, bucket := range old.Schema().UnexportedBuckets() {
		if err := boltfile.CopyBucket(view, db, bucket, importBatchBytes); err != nil {
			return err
		}
	}
	return nil
}
