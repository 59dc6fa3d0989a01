package main

import (
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
)

// setFileSchemaVersion rewrites the schema version recorded in a tenant
// file, as an older exosim would have left it.
func setFileSchemaVersion(t *testing.T, path, v string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(btx *bolt.Tx) error {
		return btx.Bucket([]byte("meta")).Put([]byte("schemaVersion"), []byte(v))
	}); err != nil {
		t.Fatal(err)
	}
}

// TestOlderSchemaIsMigrated: importing a schema-1 export migrates it, and
// the read-only commands (tenant info, check) open an older tenant file
// read-write once, which migrates it, instead of failing.
func TestOlderSchemaIsMigrated(t *testing.T) {
	t.Parallel()
	bin := exosimBinary(t)
	path := filepath.Join(t.TempDir(), "tenant.db")
	fixture := filepath.Join("..", "..", "store", "testdata", "tenant-schema1-empty.json")
	want := "Schema version: " + itoa(store.SchemaVersion)

	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "import", fixture); code != 0 {
		t.Fatalf("tenant import = %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "info"); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("tenant info after import = %d\n%s%s", code, out, errOut)
	}

	setFileSchemaVersion(t, path, "1")
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "check"); code != 0 || !strings.Contains(out, "checks passed") {
		t.Fatalf("tenant check of a schema-1 file = %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "info"); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("tenant info after check = %d\n%s%s", code, out, errOut)
	}

	setFileSchemaVersion(t, path, "1")
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "info"); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("tenant info of a schema-1 file = %d\n%s%s", code, out, errOut)
	}
}
