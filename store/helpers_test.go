package store_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/storetest"
)

// testSchema is the schema of the whole tenant with the test-only timer
// kinds.
func testSchema() *store.Schema {
	s := storetest.Schema()
	addTestTimers(s)
	return s
}

// seededTest opens a fresh store with the test-only timer kinds, seeded
// with the named seed tenant.
func seededTest(t testing.TB, seed string) *store.Store {
	t.Helper()
	return storetest.SeededWith(t, testSchema(), seed)
}
