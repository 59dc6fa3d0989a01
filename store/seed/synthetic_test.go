package seed_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

// TestBuildSynthetic builds a small synthetic tenant and checks the mix
// and the tenant checks. EXOSIM_SYNTH_N sets a larger size by hand.
func TestBuildSynthetic(t *testing.T) {
	t.Parallel()
	n := 600
	if v, err := strconv.Atoi(os.Getenv("EXOSIM_SYNTH_N")); err == nil && v > 0 {
		n = v
	}
	s, err := tenant.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := seed.Init(s, seed.Contoso, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if err := seed.BuildSynthetic(s, seed.SyntheticOptions{Mailboxes: n, BatchSize: envInt("EXOSIM_SYNTH_BATCH"), MessagesPerMailbox: envInt("EXOSIM_SYNTH_MSGS")}); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d mailboxes in %s", n, time.Since(t0))
	states := map[string]int{}
	holds := 0
	err = s.View(func(tx *store.Tx) error {
		return directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
			states[m.LifecycleState]++
			if m.LitigationHoldEnabled {
				holds++
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("states %v, litigation holds %d", states, holds)
	for _, st := range []string{directory.StateActive, directory.StateSoftDeleted, directory.StateInactive, directory.StateUnlicensedGrace} {
		if states[st] == 0 {
			t.Errorf("no %s mailbox in a %d-mailbox synthetic tenant: %v", st, n, states)
		}
	}
	if holds == 0 {
		t.Error("no mailbox on litigation hold")
	}
	inf, err := transfer.InfoOf(s)
	if err != nil {
		t.Fatal(err)
	}
	if inf.Counts["message"] < n/2 {
		t.Errorf("messages = %d, want about one per mailbox", inf.Counts["message"])
	}
	// Numbering continues.
	if err := seed.BuildSynthetic(s, seed.SyntheticOptions{Mailboxes: 3, MessagesPerMailbox: -1}); err != nil {
		t.Fatal(err)
	}
	_, _, alias := seed.SynthName(n + 3)
	err = s.View(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, alias)
		if err == nil && len(ms) != 1 {
			t.Errorf("%s: %d mailboxes", alias, len(ms))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func envInt(name string) int {
	n, _ := strconv.Atoi(os.Getenv(name))
	return n
}
