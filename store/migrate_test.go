package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// schema1Fixture is an export of the empty seed as a schema-1 exosim
// wrote it: schemaVersion 1, folders without item cohorts.
const schema1Fixture = "testdata/tenant-schema1-empty.json"

func readSchema1Fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(schema1Fixture)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"schemaVersion": 1,`) || strings.Contains(string(data), `"cohorts"`) {
		t.Fatalf("%s is not a schema-1 export", schema1Fixture)
	}
	return data
}

// writeSchema1Store writes a tenant file at path holding the export data
// as a schema-1 exosim stored it (meta schemaVersion 1), bypassing the
// migrations.
func writeSchema1Store(t *testing.T, path string, data []byte) {
	t.Helper()
	var doc exportDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Update(func(tx *Tx) error {
		if err := tx.loadDoc(&doc); err != nil {
			return err
		}
		return tx.metaPut(metaSchemaVersion, "1")
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fileSchemaVersion returns the schema version recorded in a tenant file.
func fileSchemaVersion(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path, Options{LockTimeout: 200 * time.Millisecond, ReadOnly: true})
	var me *SchemaMigrationError
	if errors.As(err, &me) {
		return me.Found
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := s.Info()
	if err != nil {
		t.Fatal(err)
	}
	return info.SchemaVersion
}

// assertMigrated checks that s is at SchemaVersion, that every folder with
// items has cohorts adding up to its totals, dated the mailbox creation
// (the fixture had none), and that every registered check passes.
func assertMigrated(t *testing.T, s *Store) {
	t.Helper()
	info, err := s.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != SchemaVersion {
		t.Errorf("schema version after migration = %d, want %d", info.SchemaVersion, SchemaVersion)
	}
	folders := 0
	err = s.View(func(tx *Tx) error {
		return forEachDecoded(tx, bucketContent, "", func(key string, c *MailboxContent) error {
			m, err := tx.GetMailbox(key)
			if err != nil {
				return err
			}
			day := m.WhenMailboxCreated.UTC().Format(cohortDay)
			for _, fs := range [][]Folder{c.Primary, c.Archive} {
				for _, f := range fs {
					if f.ItemCount == 0 {
						continue
					}
					folders++
					want := []Cohort{{Date: day, Count: f.ItemCount, Size: f.FolderSize}}
					if fmt.Sprint(f.Cohorts) != fmt.Sprint(want) {
						t.Errorf("%s %s: cohorts %v, want %v", key, f.FolderPath, f.Cohorts, want)
					}
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if folders == 0 {
		t.Error("fixture has no folder with items")
	}
	findings, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("check finding after migration: %s", f)
	}
}

func TestMigrationChain(t *testing.T) {
	for i, m := range migrations {
		if m.From != minSchemaVersion+i || m.Apply == nil || m.Name == "" {
			t.Errorf("migrations[%d] = {From: %d, Name: %q}, want From %d with a name and Apply", i, m.From, m.Name, minSchemaVersion+i)
		}
	}
	if n := len(migrations); minSchemaVersion+n != SchemaVersion {
		t.Errorf("migrations lead from %d to %d, want SchemaVersion %d", minSchemaVersion, minSchemaVersion+n, SchemaVersion)
	}
}

func TestSchema1Fixture(t *testing.T) {
	data := readSchema1Fixture(t)

	// (a) Importing the schema-1 export migrates it.
	imported := openTemp(t)
	if err := imported.Import(strings.NewReader(string(data))); err != nil {
		t.Fatal(err)
	}
	assertMigrated(t, imported)
	want := exportString(t, imported)
	if !strings.Contains(want, fmt.Sprintf(`"schemaVersion": %d,`, SchemaVersion)) || !strings.Contains(want, `"cohorts"`) {
		t.Error("export after migration lacks the new schema version or the cohorts")
	}

	// (b) A schema-1 tenant file is migrated in place by a read-write open.
	path := filepath.Join(t.TempDir(), "old.db")
	writeSchema1Store(t, path, data)

	// Read-only: refused, and the file is left as it was.
	_, err := Open(path, Options{ReadOnly: true})
	var me *SchemaMigrationError
	if !errors.As(err, &me) || me.Found != 1 || me.Supported != SchemaVersion {
		t.Fatalf("read-only Open of a schema-1 file = %v", err)
	}
	wantMsg := fmt.Sprintf("tenant file %q has schema version 1 and must be migrated to schema version %d: open it read-write once (any exosim command that may change the tenant, e.g. `exosim tenant info`) to migrate it", path, SchemaVersion)
	if err.Error() != wantMsg {
		t.Errorf("read-only Open error\n got: %s\nwant: %s", err, wantMsg)
	}
	if v := fileSchemaVersion(t, path); v != 1 {
		t.Fatalf("schema version after refused read-only open = %d, want 1", v)
	}

	s, err := Open(path, Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	assertMigrated(t, s)
	if got := exportString(t, s); got != want {
		t.Error("a migrated tenant file exports differently from the migrated import")
	}
	s.Close()

	// The migration was recorded: a read-only open now works.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open after migration: %v", err)
	}
	if got := exportString(t, ro); got != want {
		t.Error("migrated file changed after reopening")
	}
	ro.Close()
}

// A failing migration leaves the file untouched at its old version.
func TestMigrationIsAtomic(t *testing.T) {
	data := readSchema1Fixture(t)
	path := filepath.Join(t.TempDir(), "old.db")
	writeSchema1Store(t, path, data)

	saved := migrations
	t.Cleanup(func() { migrations = saved })
	boom := errors.New("boom")
	migrations = []migration{{From: 1, Name: "test", Apply: func(tx *Tx) error {
		if err := migrateExplicitCohorts(tx); err != nil {
			return err
		}
		return boom
	}}}
	_, err := Open(path, Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "migrate tenant from schema version 1 to 2 (test)") {
		t.Fatalf("Open with a failing migration = %v", err)
	}
	if v := fileSchemaVersion(t, path); v != 1 {
		t.Errorf("schema version after a failed migration = %d, want 1", v)
	}
	migrations = saved
	s, err := Open(path, Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertMigrated(t, s)
}

func TestImportRefusesUnknownSchemaVersions(t *testing.T) {
	s := seeded(t, SeedEmpty)
	doc := exportString(t, s)
	cur := fmt.Sprintf(`"schemaVersion": %d,`, SchemaVersion)
	if !strings.Contains(doc, cur) {
		t.Fatalf("export lacks %s", cur)
	}
	newer := strings.Replace(doc, cur, fmt.Sprintf(`"schemaVersion": %d,`, SchemaVersion+1), 1)
	err := s.Import(strings.NewReader(newer))
	want := fmt.Sprintf("tenant data has schema version %d, but this exosim supports schema version %d at most; upgrade exosim", SchemaVersion+1, SchemaVersion)
	if err == nil || err.Error() != want {
		t.Errorf("Import newer schema = %v, want %q", err, want)
	}
	older := strings.Replace(doc, cur, `"schemaVersion": 0,`, 1)
	if err := s.Import(strings.NewReader(older)); err == nil || err.Error() != "tenant export has invalid schema version 0" {
		t.Errorf("Import schema 0 = %v", err)
	}
	if exportString(t, s) != doc {
		t.Error("refused import changed the tenant")
	}
}

func TestOpenRefusesNewerSchemaMessage(t *testing.T) {
	s := seeded(t, SeedEmpty)
	path := s.Path()
	if err := s.Update(func(tx *Tx) error { return tx.metaPut(metaSchemaVersion, fmt.Sprint(SchemaVersion+1)) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	want := fmt.Sprintf("tenant file %q has schema version %d, but this exosim supports schema version %d at most; upgrade exosim", path, SchemaVersion+1, SchemaVersion)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		if err == nil || err.Error() != want {
			t.Errorf("Open(ReadOnly=%v) newer file = %v, want %q", ro, err, want)
		}
	}
}
