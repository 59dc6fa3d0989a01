// Package transfer moves a tenant as a whole: its export (one JSON
// document, store/exportdoc's), the import of such a document into a
// tenant or into a new tenant file, and the summary of a tenant file
// (Info). It works on the engine's buckets and stored records through the
// handles package store keeps for it (Tx.Bolt, Store.Hold), and knows no
// Exchange rule: what an import must satisfy are the schema's checks.
package transfer

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/exportdoc"
)

// Export writes the whole tenant as schema-versioned, indented JSON with a
// deterministic order (buckets by name, records by key), so
// export → import → export is byte-identical.
func Export(s *store.Store, w io.Writer) error {
	return s.View(func(tx *store.Tx) error { return ExportTx(tx, w) })
}

// ExportTx writes the tenant as seen by the transaction tx (see Export).
func ExportTx(tx *store.Tx, w io.Writer) error {
	schema := tx.Schema()
	ew, err := exportdoc.NewWriter(w, schema.Version(), tx.State())
	if err != nil {
		return err
	}
	for _, name := range tx.DataBuckets() {
		ew.Bucket(name)
		err := tx.ForEachRaw(name, "", func(key string, raw []byte) error {
			v, err := schema.RecordJSON(name, raw)
			if err == nil {
				err = ew.Entry(key, v)
			}
			if err != nil {
				return fmt.Errorf("export %s %q: %w", name, key, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return ew.Close()
}

// LoadDoc replaces the tenant with the records and meta state of doc as
// they are, without migrating or checking them (tests build tenants of
// older schema versions this way).
func LoadDoc(tx *store.Tx, doc *exportdoc.Doc) error {
	if err := tx.WipeExcept(nil); err != nil {
		return err
	}
	schema := tx.Schema()
	for name, entries := range doc.Buckets {
		b, err := importBucket(schema, tx.Bolt(), name)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Key == "" {
				return fmt.Errorf("tenant export: empty key in bucket %q", name)
			}
			raw, err := schema.RecordFromJSON(name, e.Value)
			if err != nil {
				return fmt.Errorf("tenant export: %s %q: %w", name, e.Key, err)
			}
			if err := putImported(b, name, e.Key, raw); err != nil {
				return err
			}
		}
	}
	if err := tx.RebuildIndexes(); err != nil {
		return err
	}
	return tx.SetState(doc.Meta)
}

// Info summarises a tenant file.
type Info struct {
	Path          string
	SchemaVersion int
	Initialized   bool
	Seed          string
	Clock         time.Time
	// Counts maps a record kind (user, mailbox, message, ...) to its count.
	Counts map[string]int
}

// InfoOf returns the path, schema version, clock and object counts of the
// tenant s.
func InfoOf(s *store.Store) (*Info, error) {
	var info *Info
	err := s.View(func(tx *store.Tx) error {
		info = &Info{
			Path:          s.Path(),
			SchemaVersion: s.Schema().Version(),
			Initialized:   tx.IsInitialized(),
			Seed:          tx.SeedName(),
			Clock:         tx.Now(),
			Counts:        map[string]int{},
		}
		if v, err := strconv.Atoi(tx.Meta(store.MetaSchemaVersion)); err == nil {
			info.SchemaVersion = v
		}
		for _, name := range tx.DataBuckets() {
			info.Counts[s.Schema().KindName(name)] = tx.CountBucket(name)
		}
		return nil
	})
	return info, err
}
