// Package storetest has the helpers of the tenant's tests: temporary
// stores with the whole tenant's schema, seeded tenants, and the export
// and check output tests compare.
package storetest

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

// Schema returns the schema of the whole tenant.
func Schema() *store.Schema { return tenant.Schema() }

// OpenWith opens a fresh store with schema in a temporary directory; it is
// closed when the test ends.
func OpenWith(t testing.TB, schema *store.Schema) *store.Store {
	t.Helper()
	s, err := tenant.Open(filepath.Join(t.TempDir(), "sub", "tenant.db"), store.Options{LockTimeout: 200 * time.Millisecond, Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// Open opens a fresh, empty store of the whole tenant.
func Open(t testing.TB) *store.Store { return OpenWith(t, Schema()) }

// SeededWith opens a fresh store with schema seeded with the named seed
// tenant at the default clock.
func SeededWith(t testing.TB, schema *store.Schema, name string) *store.Store {
	t.Helper()
	s := OpenWith(t, schema)
	if err := seed.Init(s, name, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// Seeded opens a fresh store of the whole tenant seeded with the named
// seed tenant.
func Seeded(t testing.TB, name string) *store.Store { return SeededWith(t, Schema(), name) }

// Must fails the test on err.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Update runs fn in one write transaction and fails the test on error.
func Update(t testing.TB, s *store.Store, fn func(tx *store.Tx)) {
	t.Helper()
	if err := s.Update(func(tx *store.Tx) error { fn(tx); return nil }); err != nil {
		t.Fatal(err)
	}
}

// Export returns the tenant's export.
func Export(t testing.TB, s *store.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := transfer.Export(s, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// ExportFile returns the export of the tenant file at path, opened
// read-only.
func ExportFile(t testing.TB, path string) string {
	t.Helper()
	s, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return Export(t, s)
}

// TxExport returns the tenant's export as seen by tx.
func TxExport(t testing.TB, tx *store.Tx) string {
	t.Helper()
	var b bytes.Buffer
	Must(t, transfer.ExportTx(tx, &b))
	return b.String()
}

// Findings returns the tenant checks' findings, one a line ("" when the
// tenant is consistent).
func Findings(t testing.TB, s *store.Store) string {
	t.Helper()
	fs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.String())
	}
	return strings.Join(lines, "\n")
}

// Mailbox resolves a mailbox in any lifecycle state.
func Mailbox(t testing.TB, tx *store.Tx, id string) *directory.Mailbox {
	t.Helper()
	m, err := directory.ResolveMailbox(tx, id, directory.ScopeAny)
	if err != nil {
		t.Fatalf("resolve %q: %v", id, err)
	}
	return m
}

// ActiveMailbox resolves an active mailbox.
func ActiveMailbox(t testing.TB, tx *store.Tx, id string) *directory.Mailbox {
	t.Helper()
	m, err := directory.ResolveMailbox(tx, id, directory.ScopeActive)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// LifecycleReason returns the reason of a lifecycle refusal ("" for any
// other error).
func LifecycleReason(err error) string {
	var le *directory.LifecycleError
	if errors.As(err, &le) {
		return le.Reason
	}
	return ""
}
