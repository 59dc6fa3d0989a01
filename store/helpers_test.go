package store

import (
	"path/filepath"
	"testing"
	"time"
)

// openTemp opens a fresh store in a temporary directory.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "tenant.db"), Options{LockTimeout: 200 * time.Millisecond})
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
