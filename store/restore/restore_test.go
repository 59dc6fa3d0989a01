package restore_test

import (
	"errors"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/onprem"
	"github.com/exosim/exosim/store/restore"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func restoreReason(err error) string {
	var re *restore.RestoreError
	if errors.As(err, &re) {
		return re.Reason
	}
	return ""
}

func TestRestoreRequestLifecycle(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	err := s.Update(func(tx *store.Tx) error {
		m, err := directory.ResolveMailbox(tx, "allieb", directory.ScopeActive)
		if err != nil {
			return err
		}
		if _, err := directory.RemoveMailbox(tx, m.Guid, "admin"); err != nil {
			return err
		}
		in := restore.NewRestoreInput{SourceMailbox: "1d20855f-fd54-4681-98e6-e249f4ed7a2c", TargetMailbox: "33948c06-c453-48be-bdb9-08eacd466f81", Actor: "admin"}
		if _, err := restore.NewRestoreRequest(tx, in); restoreReason(err) != restore.RestoreLegacyDNMismatch {
			t.Fatalf("without -AllowLegacyDNMismatch: %v", err)
		}
		in.AllowLegacyDNMismatch = true
		r, err := restore.NewRestoreRequest(tx, in)
		if err != nil {
			return err
		}
		if r.Identity() != `allieb2\MailboxRestore` {
			t.Errorf("identity %q", r.Identity())
		}
		guid = r.RequestGuid
		p, _ := restore.RestoreProgressOf(tx, r)
		if p.Status != restore.RestoreQueued || p.PercentComplete != 0 {
			t.Errorf("new: %+v", p)
		}
		// automatic names run out after ten
		for i := 1; i < restore.MaxAutoRestoreNames; i++ {
			if _, err := restore.NewRestoreRequest(tx, in); err != nil {
				return err
			}
		}
		if _, err := restore.NewRestoreRequest(tx, in); restoreReason(err) != restore.RestoreNoFreeName {
			t.Errorf("11th automatic name: %v", err)
		}
		return errors.New("rollback")
	})
	if err == nil || err.Error() != "rollback" {
		t.Fatal(err)
	}
	// again, for real, and watch it run
	var before, after int64
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		m, _ := directory.ResolveMailbox(tx, "allieb", directory.ScopeActive)
		if _, err := directory.RemoveMailbox(tx, m.Guid, "admin"); err != nil {
			return err
		}
		tc, _ := directory.GetMailboxContent(tx, storetest.ActiveMailbox(t, tx, "allieb2").Guid)
		before, _, _, _ = directory.Totals(tc.Primary)
		r, err := restore.NewRestoreRequest(tx, restore.NewRestoreInput{SourceMailbox: "allieb", TargetMailbox: "allieb2", AllowLegacyDNMismatch: true, Actor: "admin"})
		guid = r.RequestGuid
		return err
	}))
	step := func(d time.Duration, status string, pct int) {
		t.Helper()
		storetest.Must(t, s.Update(func(tx *store.Tx) error {
			if err := tx.AdvanceBy(d); err != nil {
				return err
			}
			r, err := restore.GetRestoreRequest(tx, guid)
			if err != nil {
				return err
			}
			p, _ := restore.RestoreProgressOf(tx, r)
			if p.Status != status || p.PercentComplete != pct {
				t.Errorf("after %s: %s %d, want %s %d", d, p.Status, p.PercentComplete, status, pct)
			}
			return nil
		}))
	}
	step(5*time.Minute, restore.RestoreInProgress, 50)
	step(5*time.Minute, restore.RestoreCompleted, 100)
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		tc, _ := directory.GetMailboxContent(tx, storetest.ActiveMailbox(t, tx, "allieb2").Guid)
		after, _, _, _ = directory.Totals(tc.Primary)
		src, err := directory.ResolveMailbox(tx, "allieb", directory.ScopeSoftDeleted)
		if err != nil || src.LifecycleState != directory.StateSoftDeleted {
			t.Errorf("source after restore: %v %v", src, err)
		}
		return nil
	}))
	if after <= before {
		t.Errorf("target items %d -> %d", before, after)
	}
}

func TestRestoreFailsWhenSourcePurged(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		m := storetest.ActiveMailbox(t, tx, "laura")
		if _, err := directory.RemoveMailbox(tx, m.Guid, "admin"); err != nil {
			return err
		}
		r, err := restore.NewRestoreRequest(tx, restore.NewRestoreInput{SourceMailbox: m.ExchangeGuid, TargetMailbox: "newemployee", AllowLegacyDNMismatch: true, Actor: "admin"})
		if err != nil {
			return err
		}
		guid = r.RequestGuid
		if err := tx.AdvanceBy(3 * time.Minute); err != nil {
			return err
		}
		return directory.PermanentlyDeleteMailbox(tx, m.Guid)
	}))
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		r, _ := restore.GetRestoreRequest(tx, guid)
		if p, _ := restore.RestoreProgressOf(tx, r); p.Status != restore.RestoreFailed {
			t.Errorf("right after the purge: %+v", p)
		}
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		r, _ = restore.GetRestoreRequest(tx, guid)
		if r.Outcome != restore.RestoreFailed || r.FailedAt == nil || !r.FailedAt.Equal(store.DefaultClock().Add(3*time.Minute)) {
			t.Errorf("outcome %q at %v", r.Outcome, r.FailedAt)
		}
		return nil
	}))
}

// Purging the target of a request that has not finished fails the
// request at that moment; the tenant stays consistent.
func TestRestoreFailsWhenTargetPurged(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		src := storetest.ActiveMailbox(t, tx, "laura")
		if _, err := directory.RemoveMailbox(tx, src.Guid, "admin"); err != nil {
			return err
		}
		target := storetest.ActiveMailbox(t, tx, "newemployee")
		r, err := restore.NewRestoreRequest(tx, restore.NewRestoreInput{SourceMailbox: src.ExchangeGuid, TargetMailbox: "newemployee", AllowLegacyDNMismatch: true, Actor: "admin"})
		if err != nil {
			return err
		}
		guid = r.RequestGuid
		if err := tx.AdvanceBy(3 * time.Minute); err != nil {
			return err
		}
		if _, err := directory.RemoveMailbox(tx, target.Guid, "admin"); err != nil {
			return err
		}
		return directory.PermanentlyDeleteMailbox(tx, target.Guid)
	}))
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		r, err := restore.GetRestoreRequest(tx, guid)
		if err != nil {
			return err
		}
		if r.Outcome != restore.RestoreFailed || r.FailureType != "TargetMailboxNotFoundPermanentException" || !r.FailedAt.Equal(store.DefaultClock().Add(3*time.Minute)) {
			t.Errorf("outcome %q (%s) at %v", r.Outcome, r.FailureType, r.FailedAt)
		}
		return nil
	}))
	if got := storetest.Findings(t, s); got != "" {
		t.Errorf("findings after the purge:\n%s", got)
	}
}

func TestRestoreSuspendResumeAndDisconnected(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		in := restore.NewRestoreInput{RemoteHostName: onprem.ServerFqdn, RemoteDatabaseGuid: seed.OnPremDB01Guid,
			SourceStoreMailbox: seed.DisabledMailboxGuid, TargetMailbox: "newemployee", Actor: "admin", Suspend: true}
		r, err := restore.NewRestoreRequest(tx, in)
		if err != nil {
			return err
		}
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		if p, _ := restore.RestoreProgressOf(tx, r); p.Status != restore.RestoreSuspended || p.PercentComplete != 0 {
			t.Errorf("suspended: %+v", p)
		}
		if r, err = restore.ResumeRestoreRequest(tx, r.RequestGuid); err != nil {
			return err
		}
		if err := tx.AdvanceBy(3 * time.Minute); err != nil {
			return err
		}
		if r, err = restore.SuspendRestoreRequest(tx, r.RequestGuid, ""); err != nil {
			return err
		}
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		if p, _ := restore.RestoreProgressOf(tx, r); p.PercentComplete != 30 {
			t.Errorf("after 3 minutes of running: %+v", p)
		}
		if r, err = restore.ResumeRestoreRequest(tx, r.RequestGuid); err != nil {
			return err
		}
		if err := tx.AdvanceBy(7 * time.Minute); err != nil {
			return err
		}
		r, _ = restore.GetRestoreRequest(tx, r.RequestGuid)
		if r.Outcome != restore.RestoreCompleted {
			t.Errorf("outcome %q", r.Outcome)
		}
		in.Suspend, in.RemoteDatabaseGuid = false, seed.OnPremDB02Guid
		if _, err := restore.NewRestoreRequest(tx, in); restoreReason(err) != restore.RestoreSourceNotFound {
			t.Errorf("wrong database: %v", err)
		}
		in.RemoteDatabaseGuid, in.TargetIsArchive = seed.OnPremDB01Guid, true
		if _, err := restore.NewRestoreRequest(tx, in); restoreReason(err) != restore.RestoreNoTargetArchive {
			t.Errorf("archive of a mailbox without one: %v", err)
		}
		return nil
	}))
}
