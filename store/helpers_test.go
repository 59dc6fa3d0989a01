package store

import (
	"path/filepath"
	"testing"
	"time"
)

// testSchema is the schema of the whole tenant with the test-only timer
// kinds.
func testSchema() *Schema {
	s := tenantSchema()
	addTestTimers(s)
	return s
}

// openTemp opens a fresh store in a temporary directory.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "tenant.db"), Options{LockTimeout: 200 * time.Millisecond, Schema: testSchema()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// seeded opens a fresh store seeded with name.
func seeded(t testing.TB, name string) *Store {
	t.Helper()
	s := openTemp(t)
	if err := s.Init(name, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	return s
}
