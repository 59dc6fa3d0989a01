package rawlookup

import (
	"path/filepath"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// The lookup finds the seeded mailbox by its alias and no mailbox by an
// alias nobody has.
func TestLookup(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Init(s, "contoso", store.DefaultClock(), true); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := Lookup(path, Alias); err != nil {
		t.Fatalf("Lookup(%s): %v", Alias, err)
	}
	if err := Lookup(path, "nobody"); err == nil || err.Error() != "no mailbox nobody" {
		t.Fatalf("Lookup(nobody) = %v, want no mailbox nobody", err)
	}
}
