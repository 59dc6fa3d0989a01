package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

func TestSnapshotRestoreBringsBackContentAndClock(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, "contoso")
	before := storetest.Export(t, s)
	snap, err := s.Snapshot()
	storetest.Must(t, err)
	if snap.Size() == 0 {
		t.Fatal("empty snapshot")
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, tx.AdvanceBy(40*24*time.Hour))
	})
	if storetest.Export(t, s) == before {
		t.Fatal("advancing the clock changed nothing")
	}
	gen := s.Generation()
	storetest.Must(t, s.Restore(snap))
	if got := storetest.Export(t, s); got != before {
		t.Fatal("restored tenant differs from the snapshot")
	}
	if s.Generation() == gen {
		t.Error("generation did not move on after a restore")
	}
	// the same snapshot restores again, and the store goes on working
	storetest.Update(t, s, func(tx *store.Tx) { storetest.Must(t, tx.AdvanceBy(time.Hour)) })
	storetest.Must(t, s.Restore(snap))
	if got := storetest.Export(t, s); got != before {
		t.Fatal("second restore differs from the snapshot")
	}
	if findings := storetest.Findings(t, s); findings != "" {
		t.Fatalf("restored tenant fails its checks:\n%s", findings)
	}
}

func TestRestoreAfterReleaseAndRefusals(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tenant.db")
	s, err := tenant.Open(path, store.Options{NoSync: true})
	storetest.Must(t, err)
	defer s.Close()
	storetest.Must(t, seed.Init(s, "contoso", store.DefaultClock(), false))
	snap, err := s.Snapshot()
	storetest.Must(t, err)
	before := storetest.Export(t, s)
	storetest.Update(t, s, func(tx *store.Tx) { storetest.Must(t, tx.AdvanceBy(time.Hour)) })

	// a released store takes the lock for the restore and lets go again
	storetest.Must(t, s.Release())
	storetest.Must(t, s.Restore(snap))
	if got := storetest.Export(t, s); got != before {
		t.Fatal("restore of a released store differs from the snapshot")
	}
	// another process may open the tenant once the restore let go of it
	other, err := tenant.Open(path, store.Options{LockTimeout: store.NoWait})
	storetest.Must(t, err)
	storetest.Must(t, other.Close())

	storetest.Must(t, s.Acquire())
	// not inside a transaction of the same store
	err = s.View(func(tx *store.Tx) error { return s.Restore(snap) })
	if err == nil {
		t.Error("restore inside a transaction succeeded")
	}
	if err := s.Restore(nil); err == nil {
		t.Error("restore of a nil snapshot succeeded")
	}
	storetest.Must(t, s.Close())
	if err := s.Restore(snap); err == nil {
		t.Error("restore of a closed store succeeded")
	}

	ro, err := tenant.Open(path, store.Options{ReadOnly: true})
	storetest.Must(t, err)
	defer ro.Close()
	if err := ro.Restore(snap); err == nil {
		t.Error("restore of a read-only store succeeded")
	}
}

// BenchmarkSnapshotRestore measures one isolation step of a test run on
// the contoso tenant: a snapshot and a restore.
func BenchmarkSnapshotRestore(b *testing.B) {
	s := storetest.Seeded(b, "contoso")
	for b.Loop() {
		snap, err := s.Snapshot()
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Restore(snap); err != nil {
			b.Fatal(err)
		}
	}
}
