package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/exportdoc"
)

// Importing an export.
//
// An export is read as a stream: one record at a time goes from the JSON
// document into the tenant, so a 100,000-mailbox export does not have to
// fit in memory. What it holds is checked as `exosim tenant check` checks
// a tenant, and an export with any finding is refused with the tenant
// left as it was. The admin audit log is the tenant's, not the export's:
// an import keeps the log it replaces the tenant under, refuses an export
// that carries a log of its own, and appends its own record to the log.

// ImportRefusedError refuses an export whose tenant fails the tenant
// checks; the tenant was not changed.
type ImportRefusedError struct {
	Findings []Finding
}

func (e *ImportRefusedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "tenant export refused, the tenant is unchanged: it fails %d tenant check", len(e.Findings))
	if len(e.Findings) != 1 {
		b.WriteString("s")
	}
	for i, f := range e.Findings {
		if i == 20 {
			fmt.Fprintf(&b, "\n  ... and %d more", len(e.Findings)-i)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	return b.String()
}

// checkExport refuses an export that is not an exosim export this exosim can
// read.
func (s *Schema) checkExport(h *exportdoc.Head) error {
	if h.Format != ExportFormat {
		return fmt.Errorf("not an exosim tenant export (format %q, want %q)", h.Format, ExportFormat)
	}
	if h.Version == nil {
		return errors.New("tenant export has no schemaVersion")
	}
	if supported := s.Version(); *h.Version > supported {
		return &SchemaVersionError{Found: *h.Version, Supported: supported}
	}
	if *h.Version < minSchemaVersion {
		return fmt.Errorf("tenant export has invalid schema version %d", *h.Version)
	}
	return nil
}

// readExport reads an export from r (see exportdoc.Read) and hands each
// record to put, in document order, as its stored form, and returns what
// the document says about itself once it has checked that this exosim can
// import it. Put writes into a transaction or a file that is thrown away
// when readExport fails.
func (s *Schema) readExport(r io.Reader, put func(bucket, key string, raw []byte) error) (*exportdoc.Head, error) {
	return exportdoc.Read(r, s.checkExport, func(bucket string, e exportdoc.Entry) error {
		raw, err := s.valueFromJSON(bucket, e.Value)
		if err != nil {
			return fmt.Errorf("tenant export: %s %q: %w", bucket, e.Key, err)
		}
		return put(bucket, e.Key, raw)
	})
}

// importBucket returns the bucket an imported record of name goes to,
// refusing the names an export can't use: the engine's own buckets, and
// the kinds kept out of exports (the admin audit log), which an import
// must not forge.
func (s *Schema) importBucket(btx *bolt.Tx, name string) (*bolt.Bucket, error) {
	if name == bucketMeta || name == bucketIndex || name == "" {
		return nil, fmt.Errorf("tenant export: reserved bucket name %q", name)
	}
	if d, ok := s.kind(name); ok && d.notExported {
		return nil, fmt.Errorf("tenant export: it carries a %q bucket, which exports never hold; the tenant's own %s can't be replaced by an import", name, d.name)
	}
	return btx.CreateBucketIfNotExists([]byte(name))
}

// putImported stores one imported record; a key the export already gave
// in this bucket is refused (two records under one key).
func putImported(b *bolt.Bucket, bucket, key string, raw []byte) error {
	if b.Get([]byte(key)) != nil {
		return fmt.Errorf("tenant export: %s %q appears twice", bucket, key)
	}
	return b.Put([]byte(key), raw)
}

// applyImportMeta sets the meta state of the export on the tenant.
func (tx *Tx) applyImportMeta(m exportdoc.Meta) error {
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

// ImportRecord describes the import for the hooks told of imports (the
// admin audit log).
type ImportRecord struct {
	// Caller is who imports (the audit record's Caller).
	Caller string
	// Source names the export (a file name).
	Source string
}

// recordImport tells the schema's import hooks of the import: who
// imported which file, what the tenant was before, and why it failed.
func (tx *Tx) recordImport(rec ImportRecord, replaced string, err error) error {
	for _, fn := range tx.s.schema.imports {
		if err := fn(tx, rec, replaced, err); err != nil {
			return err
		}
	}
	return nil
}

// fillCaller names the tenant's administrator as the caller of an import
// that names none.
func (tx *Tx) fillCaller(rec *ImportRecord) {
	if rec.Caller != "" || tx.s.schema.admin == nil {
		return
	}
	if upn, err := tx.s.schema.admin(tx); err == nil {
		rec.Caller = upn
	}
}

// tenantSummary describes a tenant in one line for the import's record.
func (tx *Tx) tenantSummary() string {
	if !tx.IsInitialized() {
		return "none"
	}
	names := tx.dataBucketNames()
	var parts []string
	for _, n := range names {
		if c := tx.countBucket(n); c > 0 {
			kind := n
			if d, ok := tx.s.schema.kind(n); ok {
				kind = d.name
			}
			parts = append(parts, fmt.Sprintf("%d %s", c, kind))
		}
	}
	sort.Strings(parts)
	return fmt.Sprintf("seed %s, clock %s: %s", tx.SeedName(), tx.Now().Format("2006-01-02T15:04:05Z"), strings.Join(parts, ", "))
}

// Import replaces the whole tenant with an export, in one transaction of
// this store: the export is streamed in, migrated from an older schema
// version, and checked with every tenant check; an export this exosim
// can't read (a newer schema version is refused with *SchemaVersionError)
// or whose tenant has findings (*ImportRefusedError) leaves the tenant as
// it was. The admin audit log is kept and gets the import's record (see
// the notes at the top of this file). ImportFile does the same for a
// tenant file without holding the whole import in one transaction.
func (s *Store) Import(r io.Reader) error { return s.ImportAs(r, ImportRecord{}) }

// ImportAs is Import with the audit record's caller and source.
func (s *Store) ImportAs(r io.Reader, rec ImportRecord) error {
	return s.Update(func(tx *Tx) error {
		replaced := tx.tenantSummary()
		if err := tx.wipeKeepingLog(); err != nil {
			return err
		}
		var cur *bolt.Bucket
		var curName string
		h, err := s.schema.readExport(r, func(bucket, key string, raw []byte) error {
			if cur == nil || bucket != curName {
				b, err := s.schema.importBucket(tx.btx, bucket)
				if err != nil {
					return err
				}
				cur, curName = b, bucket
			}
			return putImported(cur, bucket, key, raw)
		})
		if err != nil {
			return err
		}
		if err := tx.rebuildIndexes(); err != nil {
			return err
		}
		if err := tx.applyImportMeta(h.Meta); err != nil {
			return err
		}
		if err := tx.migrate(*h.Version); err != nil {
			return err
		}
		findings, err := tx.Check()
		if err != nil {
			return err
		}
		if len(findings) > 0 {
			return &ImportRefusedError{Findings: findings}
		}
		return tx.recordImport(rec, replaced, nil)
	})
}

// wipeKeepingLog is wipe for an import: the kinds kept out of exports
// (the admin audit log) stay.
func (tx *Tx) wipeKeepingLog() error {
	keep := map[string]bool{}
	for _, r := range tx.s.schema.kinds {
		d := r.def()
		if d.notExported {
			keep[d.bucket] = true
		}
	}
	return tx.wipeExcept(keep)
}

// importBatchBytes bounds the records one transaction of ImportFile
// writes (bbolt keeps a transaction's changes in memory until it commits).
const importBatchBytes = 16 << 20

// importIndexBatch bounds the records whose index entries ImportFile
// writes in one transaction.
const importIndexBatch = 4000

// ImportFile replaces the tenant file at path with the export read from r
// as Rebuild replaces a file: the tenant is locked for the whole import,
// the export is streamed into a new file in transactions of bounded size
// (so memory does not grow with the export), migrated, indexed and checked
// there, and only a complete, consistent tenant replaces the old one. The
// old tenant's admin audit log is carried over unchanged and the import
// appends its record to it. A refused import leaves the tenant as it was.
func ImportFile(path string, r io.Reader, o Options, rec ImportRecord) error {
	return Rebuild(path, o, func(old, fresh *Store) error {
		replaced := "none"
		if old != nil {
			err := old.View(func(tx *Tx) error {
				replaced = tx.tenantSummary()
				tx.fillCaller(&rec)
				return nil
			})
			if err != nil {
				return err
			}
		}
		db, release, err := fresh.hold()
		if err != nil {
			return err
		}
		defer release()
		dbs := []*bolt.DB{db}
		if old != nil {
			odb, orelease, err := old.hold()
			if err != nil {
				return err
			}
			defer orelease()
			dbs = append(dbs, odb)
		}
		return whileDroppingPages(func() []*bolt.DB { return dbs }, func() error {
			return fresh.importInto(db, old, r, rec, replaced)
		})
	})
}

// importInto is ImportFile's work on the new tenant fresh (its file db)
// beside the old one (nil for none).
func (fresh *Store) importInto(db *bolt.DB, old *Store, r io.Reader, rec ImportRecord, replaced string) error {
	h, err := fresh.streamInto(db, r)
	if err != nil {
		return err
	}
	if err := fresh.indexInBatches(db); err != nil {
		return err
	}
	err = fresh.Update(func(tx *Tx) error {
		if err := tx.applyImportMeta(h.Meta); err != nil {
			return err
		}
		return tx.migrate(*h.Version)
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
	return fresh.Update(func(tx *Tx) error {
		tx.fillCaller(&rec) // a new tenant's administrator
		return tx.recordImport(rec, replaced, nil)
	})
}

// RecordImportFailure appends the record of a refused or failed import to
// the (unchanged) tenant's admin audit log; a tenant never initialized
// has no log to keep.
func (s *Store) RecordImportFailure(rec ImportRecord, cause error) error {
	return s.Update(func(tx *Tx) error {
		if !tx.IsInitialized() {
			return nil
		}
		tx.fillCaller(&rec)
		return tx.recordImport(rec, tx.tenantSummary(), cause)
	})
}

// streamInto writes the records of the export r into the (fresh, empty)
// tenant db in transactions of about importBatchBytes.
func (s *Store) streamInto(db *bolt.DB, r io.Reader) (*exportdoc.Head, error) {
	var btx *bolt.Tx
	var cur *bolt.Bucket
	var curName string
	size := 0
	commit := func() error {
		if btx == nil {
			return nil
		}
		err := btx.Commit()
		btx, cur, size = nil, nil, 0
		return err
	}
	h, err := s.schema.readExport(r, func(bucket, key string, raw []byte) error {
		if btx == nil {
			var err error
			if btx, err = db.Begin(true); err != nil {
				return err
			}
		}
		if cur == nil || bucket != curName {
			b, err := s.schema.importBucket(btx, bucket)
			if err != nil {
				return err
			}
			cur, curName = b, bucket
			// Records come in key order: fill the pages densely.
			cur.FillPercent = 0.9
		}
		if err := putImported(cur, bucket, key, raw); err != nil {
			return err
		}
		if size += len(key) + len(raw); size >= importBatchBytes {
			return commit()
		}
		return nil
	})
	if err != nil {
		if btx != nil {
			_ = btx.Rollback()
		}
		return nil, err
	}
	return h, commit()
}

// indexInBatches writes the index entries of every indexed record, a
// batch of records per transaction, each batch's entries in key order.
func (s *Store) indexInBatches(db *bolt.DB) error {
	for _, r := range s.schema.kinds {
		def := r.def()
		if def.index == nil {
			continue
		}
		var after []byte
		for {
			done := false
			err := db.Update(func(btx *bolt.Tx) error {
				b := btx.Bucket([]byte(def.bucket))
				ib := btx.Bucket([]byte(bucketIndex))
				if b == nil || ib == nil {
					done = true
					return nil
				}
				c := b.Cursor()
				k, v := c.First()
				if after != nil {
					k, v = c.Seek(after)
					if k != nil && bytes.Equal(k, after) {
						k, v = c.Next()
					}
				}
				var puts []indexPut
				n := 0
				for ; k != nil && n < importIndexBatch; k, v = c.Next() {
					var err error
					if puts, err = appendIndexPuts(puts, def, string(k), v); err != nil {
						return err
					}
					after = append(after[:0], k...)
					n++
				}
				done = k == nil
				sort.Slice(puts, func(i, j int) bool { return bytes.Compare(puts[i].key, puts[j].key) < 0 })
				for _, p := range puts {
					if err := ib.Put(p.key, p.payload); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if done {
				break
			}
		}
	}
	return nil
}

// copyKeptKinds copies the kinds kept out of exports (the admin audit log)
// of old, records and sequence as they are, into db (a tenant being built
// that has none of them yet).
func copyKeptKinds(old *Store, db *bolt.DB) error {
	for _, r := range old.schema.kinds {
		d := r.def()
		if d.notExported {
			if err := copyBucket(old, db, d.bucket); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyBucket copies bucket of old into db in batches of about
// importBatchBytes.
func copyBucket(old *Store, db *bolt.DB, bucket string) error {
	var after []byte
	for {
		var batch [][2][]byte
		var seq uint64
		err := old.View(func(tx *Tx) error {
			b := tx.btx.Bucket([]byte(bucket))
			if b == nil {
				return nil
			}
			seq = b.Sequence()
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			size := 0
			for ; k != nil && size < importBatchBytes; k, v = c.Next() {
				batch = append(batch, [2][]byte{append([]byte(nil), k...), append([]byte(nil), v...)})
				size += len(k) + len(v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = db.Update(func(btx *bolt.Tx) error {
			b, err := btx.CreateBucketIfNotExists([]byte(bucket))
			if err != nil {
				return err
			}
			b.FillPercent = 0.9
			for _, kv := range batch {
				if err := b.Put(kv[0], kv[1]); err != nil {
					return err
				}
			}
			return b.SetSequence(seq)
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		after = batch[len(batch)-1][0]
	}
}
