package store

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// ExportFormat names the export document type.
const ExportFormat = "exosim-tenant"

// exportMeta is the meta section of an export.
type exportMeta struct {
	Initialized bool      `json:"initialized"`
	Seed        string    `json:"seed"`
	Clock       time.Time `json:"clock"`
	IDSeed      string    `json:"idSeed"`
	IDCounter   uint64    `json:"idCounter"`
	TimerSeq    uint64    `json:"timerSeq"`
}

type exportEntry struct {
	Key   string          `json:"key"`
	Value json.RawMessage `json:"value"`
}

type exportDoc struct {
	Format        string                   `json:"format"`
	SchemaVersion int                      `json:"schemaVersion"`
	Meta          exportMeta               `json:"meta"`
	Buckets       map[string][]exportEntry `json:"buckets"`
}

// Export writes the whole tenant as schema-versioned, indented JSON with a
// deterministic order (buckets by name, records by key), so
// export → import → export is byte-identical.
func (s *Store) Export(w io.Writer) error {
	return s.View(func(tx *Tx) error { return tx.Export(w) })
}

// Export writes the tenant as seen by this transaction (see Store.Export).
func (tx *Tx) Export(w io.Writer) error {
	bw := bufio.NewWriter(w)
	meta := exportMeta{
		Initialized: tx.IsInitialized(),
		Seed:        tx.SeedName(),
		Clock:       tx.clock,
		IDSeed:      tx.idSeed,
		IDCounter:   tx.idCounter,
		TimerSeq:    tx.timerSeq,
	}
	mj, err := json.MarshalIndent(meta, "  ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(bw, "{\n  \"format\": %q,\n  \"schemaVersion\": %d,\n  \"meta\": %s,\n  \"buckets\": {", ExportFormat, tx.s.schema.Version(), mj)
	names := tx.dataBucketNames()
	for bi, name := range names {
		if bi > 0 {
			bw.WriteString(",")
		}
		nj, _ := json.Marshal(name)
		fmt.Fprintf(bw, "\n    %s: [", nj)
		n := 0
		err := tx.forEachRaw(name, "", func(key string, raw []byte) error {
			v, err := tx.s.schema.valueToJSON(name, raw)
			if err != nil {
				return fmt.Errorf("export %s %q: %w", name, key, err)
			}
			ej, err := json.MarshalIndent(exportEntry{Key: key, Value: v}, "      ", "  ")
			if err != nil {
				return fmt.Errorf("export %s %q: %w", name, key, err)
			}
			if n > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n      ")
			bw.Write(ej)
			n++
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString("\n    ")
		}
		bw.WriteString("]")
	}
	if len(names) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("}\n}\n")
	return bw.Flush()
}

// loadDoc replaces the tenant with the records and meta state of doc as
// they are, without migrating or checking them (tests build tenants of
// older schema versions this way).
func (tx *Tx) loadDoc(doc *exportDoc) error {
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
