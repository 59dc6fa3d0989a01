package clutter_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/clutter"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestOffUntilTurnedOnAndGoneWithItsMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "annb")
		for _, want := range []bool{false, true, false, true} {
			got, err := clutter.Enabled(tx, m)
			storetest.Must(t, err)
			if got != want {
				t.Fatalf("Enabled = %v, want %v", got, want)
			}
			storetest.Must(t, clutter.Set(tx, m, !want))
		}
		_, err := directory.RemoveMailbox(tx, m.Guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, m.Guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
