package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/exportdoc"
	"github.com/exosim/exosim/store/tenantfile"
)

// The engine's handles for store/transfer, which moves a tenant as a
// whole (export, import, Info, Rebuild): the buckets and stored records under the
// kinds, the meta state, wiping and migrating. The areas work through Kind
// and the methods of Tx; no other package uses these (store/layout_test.go).

// The engine's own buckets, which no record kind may use, and the meta key
// of the file's schema version.
const (
	BucketMeta        = bucketMeta
	BucketIndex       = bucketIndex
	MetaSchemaVersion = metaSchemaVersion
)

// MinSchemaVersion is the oldest schema version the engine can migrate.
const MinSchemaVersion = minSchemaVersion

// Bolt returns the bbolt transaction under tx.
func (tx *Tx) Bolt() *bolt.Tx { return tx.btx }

// Hold keeps the tenant file open across several transactions (a bulk
// operation) and returns it with the function that lets go of it.
func (s *Store) Hold() (*bolt.DB, func(), error) { return s.hold() }

// OpenLocked is Open for the tenant at path under lk, the tenant's lock
// the caller holds (a replacement reading the tenant it replaces): the
// Store uses lk instead of taking its own and leaves it held at Close.
func OpenLocked(path string, o Options, lk *tenantfile.Lock) (*Store, error) {
	o.borrowed = lk
	return Open(path, o)
}

// OpenReplacement opens the new file at path of a replacement being built,
// which only this process knows of: no lock file, no holder note, no sync
// per commit, and room mapped for it to grow.
func OpenReplacement(path string, schema *Schema) (*Store, error) {
	return Open(path, Options{NoSync: true, private: true, Schema: schema})
}

// IndexPending reports whether a bulk load into s, a replacement being
// built, left the index entries of its records out (BulkWriter.Flush):
// the index is then written in whole while the file is compacted.
func (s *Store) IndexPending() bool { return s.indexLater.Load() }

// Schema returns the schema of tx's store.
func (tx *Tx) Schema() *Schema { return tx.s.sch() }

// ForEachRaw calls fn with the key and stored form of every record of
// bucket whose key sorts after `after` ("" = from the start), in key
// order. Returning ErrStop ends the loop quietly.
func (tx *Tx) ForEachRaw(bucket, after string, fn func(key string, raw []byte) error) error {
	return tx.forEachRaw(bucket, after, fn)
}

// DataBuckets lists every exported bucket present in the file, sorted.
func (tx *Tx) DataBuckets() []string { return tx.dataBucketNames() }

// CountBucket returns the number of records in bucket.
func (tx *Tx) CountBucket(name string) int { return tx.countBucket(name) }

// State is the meta state of the tenant as an export gives it.
func (tx *Tx) State() exportdoc.Meta {
	tx.state()
	return exportdoc.Meta{
		Initialized: tx.IsInitialized(),
		Seed:        tx.SeedName(),
		Clock:       tx.clock,
		IDSeed:      tx.idSeed,
		IDCounter:   tx.idCounter,
		TimerSeq:    tx.timerSeq,
	}
}

// SetState sets the meta state of an export on the tenant.
func (tx *Tx) SetState(m exportdoc.Meta) error {
	tx.metaRead = true
	tx.clock = m.Clock.UTC()
	if m.Clock.IsZero() {
		tx.clock = DefaultClock()
	}
	tx.idSeed, tx.idCounter, tx.timerSeq = m.IDSeed, m.IDCounter, m.TimerSeq
	tx.dirty = true
	if err := tx.metaPut(metaSeed, m.Seed); err != nil {
		return err
	}
	if m.Initialized {
		return tx.metaPut(metaInitialized, "true")
	}
	return nil
}

// WipeExcept deletes every data bucket but those named in keep, the index
// and the meta state other than the schema version, then recreates the
// empty buckets.
func (tx *Tx) WipeExcept(keep map[string]bool) error { return tx.wipeExcept(keep) }

// Migrate upgrades the tenant of tx from schema version from to the
// schema's, in this transaction (see migrate.go).
func (tx *Tx) Migrate(from int) error { return tx.migrate(from) }

// KindName returns the name of one record of the kind kept in bucket
// (counts), the bucket's own name for a bucket the schema does not know.
func (s *Schema) KindName(bucket string) string {
	if d, ok := s.kind(bucket); ok {
		return d.name
	}
	return bucket
}

// NotExported reports whether bucket holds a kind kept out of exports.
func (s *Schema) NotExported(bucket string) bool {
	d, ok := s.kind(bucket)
	return ok && d.notExported
}

// UnexportedBuckets lists the buckets of the kinds kept out of exports
// (the admin audit log), in the order they were registered.
func (s *Schema) UnexportedBuckets() []string {
	var out []string
	for _, r := range s.kinds {
		if d := r.def(); d.notExported {
			out = append(out, d.bucket)
		}
	}
	return out
}

// ImportRecord describes the import for the hooks told of imports (the
// admin audit log).
type ImportRecord struct {
	// Caller is who imports (the audit record's Caller).
	Caller string
	// Source names the export (a file name).
	Source string
}

// RecordImport tells the schema's import hooks of an import: who
// imported which file, what the tenant was before (replaced), and why it
// failed (err).
func (tx *Tx) RecordImport(rec ImportRecord, replaced string, err error) error {
	for _, fn := range tx.s.sch().imports {
		if err := fn(tx, rec, replaced, err); err != nil {
			return err
		}
	}
	return nil
}

// FillCaller names the tenant's administrator as the caller of an import
// that names none.
func (tx *Tx) FillCaller(rec *ImportRecord) {
	if rec.Caller != "" || tx.s.sch().admin == nil {
		return
	}
	if upn, err := tx.s.sch().admin(tx); err == nil {
		rec.Caller = upn
	}
}

// IndexSources are the buckets of the schema's indexed kinds, in order,
// as sources of the index bucket.
func (s *Schema) IndexSources() []boltfile.Source {
	var out []boltfile.Source
	for _, r := range s.kinds {
		def := r.def()
		if def.index == nil {
			continue
		}
		out = append(out, boltfile.Source{Bucket: def.bucket, Entries: func(dst []boltfile.Entry, key string, raw []byte) ([]boltfile.Entry, error) {
			entries, err := def.index(raw)
			if err != nil {
				return dst, fmt.Errorf("index %s %q: %w", def.bucket, key, err)
			}
			for _, e := range entries {
				if e.value != "" {
					dst = append(dst, boltfile.Entry{Key: idxKey(e.name, e.value, key), Payload: e.payload})
				}
			}
			return dst, nil
		}})
	}
	return out
}
