package transfer

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
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
	Findings []store.Finding
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
func checkExport(schema *store.Schema, h *exportdoc.Head) error {
	if h.Format != exportdoc.Format {
		return fmt.Errorf("not an exosim tenant export (format %q, want %q)", h.Format, exportdoc.Format)
	}
	if h.Version == nil {
		return errors.New("tenant export has no schemaVersion")
	}
	if supported := schema.Version(); *h.Version > supported {
		return &store.SchemaVersionError{Found: *h.Version, Supported: supported}
	}
	if *h.Version < store.MinSchemaVersion {
		return fmt.Errorf("tenant export has invalid schema version %d", *h.Version)
	}
	return nil
}

// readExport reads an export from r (see exportdoc.Read) and hands each
// record to put, in document order, as its stored form, and returns what
// the document says about itself once it has checked that this exosim can
// import it. Put writes into a transaction or a file that is thrown away
// when readExport fails.
func readExport(schema *store.Schema, r io.Reader, put func(bucket, key string, raw []byte) error) (*exportdoc.Head, error) {
	check := func(h *exportdoc.Head) error { return checkExport(schema, h) }
	return exportdoc.Read(r, check, func(bucket string, e exportdoc.Entry) error {
		raw, err := schema.RecordFromJSON(bucket, e.Value)
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
func importBucket(schema *store.Schema, btx *bolt.Tx, name string) (*bolt.Bucket, error) {
	if name == store.BucketMeta || name == store.BucketIndex || name == "" {
		return nil, fmt.Errorf("tenant export: reserved bucket name %q", name)
	}
	if schema.NotExported(name) {
		return nil, fmt.Errorf("tenant export: it carries a %q bucket, which exports never hold; the tenant's own %s can't be replaced by an import", name, schema.KindName(name))
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

// tenantSummary describes a tenant in one line for the import's record.
func tenantSummary(tx *store.Tx) string {
	if !tx.IsInitialized() {
		return "none"
	}
	var parts []string
	for _, n := range tx.DataBuckets() {
		if c := tx.CountBucket(n); c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, tx.Schema().KindName(n)))
		}
	}
	sort.Strings(parts)
	return fmt.Sprintf("seed %s, clock %s: %s", tx.SeedName(), tx.Now().Format("2006-01-02T15:04:05Z"), strings.Join(parts, ", "))
}

// Import replaces the whole tenant with an export, in one transaction of
// s: the export is streamed in, migrated from an older schema version,
// and checked with every tenant check; an export this exosim can't read
// (a newer schema version is refused with *store.SchemaVersionError) or
// whose tenant has findings (*ImportRefusedError) leaves the tenant as it
// was. The admin audit log is kept and gets the import's record (see the
// notes at the top of this file). ImportFile does the same for a tenant
// file without holding the whole import in one transaction.
func Import(s *store.Store, r io.Reader) error { return ImportAs(s, r, store.ImportRecord{}) }

// ImportAs is Import with the audit record's caller and source.
func ImportAs(s *store.Store, r io.Reader, rec store.ImportRecord) error {
	schema := s.Schema()
	return s.Update(func(tx *store.Tx) error {
		replaced := tenantSummary(tx)
		if err := tx.WipeExcept(unexported(schema)); err != nil {
			return err
		}
		var cur *bolt.Bucket
		var curName string
		h, err := readExport(schema, r, func(bucket, key string, raw []byte) error {
			if cur == nil || bucket != curName {
				b, err := importBucket(schema, tx.Bolt(), bucket)
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
		if err := tx.RebuildIndexes(); err != nil {
			return err
		}
		if err := tx.SetState(h.Meta); err != nil {
			return err
		}
		if err := tx.Migrate(*h.Version); err != nil {
			return err
		}
		findings, err := tx.Check()
		if err != nil {
			return err
		}
		if len(findings) > 0 {
			return &ImportRefusedError{Findings: findings}
		}
		return tx.RecordImport(rec, replaced, nil)
	})
}

// unexported names the buckets an import keeps: those of the kinds kept
// out of exports (the admin audit log).
func unexported(schema *store.Schema) map[string]bool {
	keep := map[string]bool{}
	for _, b := range schema.UnexportedBuckets() {
		keep[b] = true
	}
	return keep
}

// RecordImportFailure appends the record of a refused or failed import to
// the (unchanged) tenant's admin audit log; a tenant never initialized
// has no log to keep.
func RecordImportFailure(s *store.Store, rec store.ImportRecord, cause error) error {
	return s.Update(func(tx *store.Tx) error {
		if !tx.IsInitialized() {
			return nil
		}
		tx.FillCaller(&rec)
		return tx.RecordImport(rec, tenantSummary(tx), cause)
	})
}
