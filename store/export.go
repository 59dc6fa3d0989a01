package store

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/exosim/exosim/store/exportdoc"
)

// ExportFormat names the export document type.
const ExportFormat = exportdoc.Format

// Export writes the whole tenant as schema-versioned, indented JSON with a
// deterministic order (buckets by name, records by key), so
// export → import → export is byte-identical.
func (s *Store) Export(w io.Writer) error {
	return s.View(func(tx *Tx) error { return tx.Export(w) })
}

// Export writes the tenant as seen by this transaction (see Store.Export).
func (tx *Tx) Export(w io.Writer) error {
	ew, err := exportdoc.NewWriter(w, tx.s.schema.Version(), tx.exportMeta())
	if err != nil {
		return err
	}
	for _, name := range tx.dataBucketNames() {
		ew.Bucket(name)
		err := tx.forEachRaw(name, "", func(key string, raw []byte) error {
			v, err := tx.s.schema.valueToJSON(name, raw)
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

// exportMeta is the meta state of the tenant as an export gives it.
func (tx *Tx) exportMeta() exportdoc.Meta {
	return exportdoc.Meta{
		Initialized: tx.IsInitialized(),
		Seed:        tx.SeedName(),
		Clock:       tx.clock,
		IDSeed:      tx.idSeed,
		IDCounter:   tx.idCounter,
		TimerSeq:    tx.timerSeq,
	}
}

// loadDoc replaces the tenant with the records and meta state of doc as
// they are, without migrating or checking them (tests build tenants of
// older schema versions this way).
func (tx *Tx) loadDoc(doc *exportdoc.Doc) error {
	if err := tx.wipe(); err != nil {
		return err
	}
	for name, entries := range doc.Buckets {
		b, err := tx.s.schema.importBucket(tx.btx, name)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Key == "" {
				return fmt.Errorf("tenant export: empty key in bucket %q", name)
			}
			raw, err := tx.s.schema.valueFromJSON(name, e.Value)
			if err != nil {
				return fmt.Errorf("tenant export: %s %q: %w", name, e.Key, err)
			}
			if err := putImported(b, name, e.Key, raw); err != nil {
				return err
			}
		}
	}
	if err := tx.rebuildIndexes(); err != nil {
		return err
	}
	return tx.applyImportMeta(doc.Meta)
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

// Info returns the path, schema version, clock and object counts.
func (s *Store) Info() (*Info, error) {
	var info *Info
	err := s.View(func(tx *Tx) error {
		info = &Info{
			Path:          s.path,
			SchemaVersion: s.schema.Version(),
			Initialized:   tx.IsInitialized(),
			Seed:          tx.SeedName(),
			Clock:         tx.Now(),
			Counts:        map[string]int{},
		}
		if v, err := strconv.Atoi(tx.metaGet(metaSchemaVersion)); err == nil {
			info.SchemaVersion = v
		}
		for _, name := range tx.dataBucketNames() {
			kind := name
			if d, ok := s.schema.kind(name); ok {
				kind = d.name
			}
			info.Counts[kind] = tx.countBucket(name)
		}
		return nil
	})
	return info, err
}
