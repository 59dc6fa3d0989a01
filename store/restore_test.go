package store

import (
	"errors"
	"testing"
	"time"
)

func restoreReason(err error) string {
	var re *RestoreError
	if errors.As(err, &re) {
		return re.Reason
	}
	return ""
}

func TestRestoreRequestLifecycle(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	var guid string
	err := s.Update(func(tx *Tx) error {
		m, err := tx.ResolveMailbox("allieb", ScopeActive)
		if err != nil {
			return err
		}
		if _, err := tx.RemoveMailbox(m.Guid, "admin"); err != nil {
			return err
		}
		in := NewRestoreInput{SourceMailbox: "1d20855f-fd54-4681-98e6-e249f4ed7a2c", TargetMailbox: "33948c06-c453-48be-bdb9-08eacd466f81", Actor: "admin"}
		if _, err := tx.NewRestoreRequest(in); restoreReason(err) != RestoreLegacyDNMismatch {
			t.Fatalf("without -AllowLegacyDNMismatch: %v", err)
		}
		in.AllowLegacyDNMismatch = true
		r, err := tx.NewRestoreRequest(in)
		if err != nil {
			return err
		}
		if r.Identity() != `allieb2\MailboxRestore` {
			t.Errorf("identity %q", r.Identity())
		}
		guid = r.RequestGuid
		p, _ := tx.RestoreProgressOf(r)
		if p.Status != RestoreQueued || p.PercentComplete != 0 {
			t.Errorf("new: %+v", p)
		}
		// automatic names run out after ten
		for i := 1; i < MaxAutoRestoreNames; i++ {
			if _, err := tx.NewRestoreRequest(in); err != nil {
				return err
			}
		}
		if _, err := tx.NewRestoreRequest(in); restoreReason(err) != RestoreNoFreeName {
			t.Errorf("11th automatic name: %v", err)
		}
		return errors.New("rollback")
	})
	if err == nil || err.Error() != "rollback" {
		t.Fatal(err)
	}
	// again, for real, and watch it run
	var before, after int64
	must(t, s.Update(func(tx *Tx) error {
		m, _ := tx.ResolveMailbox("allieb", ScopeActive)
		if _, err := tx.RemoveMailbox(m.Guid, "admin"); err != nil {
			return err
		}
		tc, _ := tx.GetMailboxContent(mustResolve(t, tx, "allieb2").Guid)
		before, _, _, _ = Totals(tc.Primary)
		r, err := tx.NewRestoreRequest(NewRestoreInput{SourceMailbox: "allieb", TargetMailbox: "allieb2", AllowLegacyDNMismatch: true, Actor: "admin"})
		guid = r.RequestGuid
		return err
	}))
	step := func(d time.Duration, status string, pct int) {
		t.Helper()
		must(t, s.Update(func(tx *Tx) error {
			if err := tx.AdvanceBy(d); err != nil {
				return err
			}
			r, err := tx.GetRestoreRequest(guid)
			if err != nil {
				return err
			}
			p, _ := tx.RestoreProgressOf(r)
			if p.Status != status || p.PercentComplete != pct {
				t.Errorf("after %s: %s %d, want %s %d", d, p.Status, p.PercentComplete, status, pct)
			}
			return nil
		}))
	}
	step(5*time.Minute, RestoreInProgress, 50)
	step(5*time.Minute, RestoreCompleted, 100)
	must(t, s.View(func(tx *Tx) error {
		tc, _ := tx.GetMailboxContent(mustResolve(t, tx, "allieb2").Guid)
		after, _, _, _ = Totals(tc.Primary)
		src, err := tx.ResolveMailbox("allieb", ScopeSoftDeleted)
		if err != nil || src.LifecycleState != StateSoftDeleted {
			t.Errorf("source after restore: %v %v", src, err)
		}
		return nil
	}))
	if after <= before {
		t.Errorf("target items %d -> %d", before, after)
	}
}

func mustResolve(t *testing.T, tx *Tx, id string) *Mailbox {
	t.Helper()
	m, err := tx.ResolveMailbox(id, ScopeActive)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRestoreFailsWhenSourcePurged(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	var guid string
	must(t, s.Update(func(tx *Tx) error {
		m := mustResolve(t, tx, "laura")
		if _, err := tx.RemoveMailbox(m.Guid, "admin"); err != nil {
			return err
		}
		r, err := tx.NewRestoreRequest(NewRestoreInput{SourceMailbox: m.ExchangeGuid, TargetMailbox: "newemployee", AllowLegacyDNMismatch: true, Actor: "admin"})
		if err != nil {
			return err
		}
		guid = r.RequestGuid
		if err := tx.AdvanceBy(3 * time.Minute); err != nil {
			return err
		}
		return tx.PermanentlyDeleteMailbox(m.Guid)
	}))
	must(t, s.Update(func(tx *Tx) error {
		r, _ := tx.GetRestoreRequest(guid)
		if p, _ := tx.RestoreProgressOf(r); p.Status != RestoreFailed {
			t.Errorf("right after the purge: %+v", p)
		}
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		r, _ = tx.GetRestoreRequest(guid)
		if r.Outcome != RestoreFailed || r.FailedAt == nil || !r.FailedAt.Equal(DefaultClock().Add(3*time.Minute)) {
			t.Errorf("outcome %q at %v", r.Outcome, r.FailedAt)
		}
		return nil
	}))
}

// Purging the target of a request that has not finished fails the
// request at that moment; the tenant stays consistent.
func TestRestoreFailsWhenTargetPurged(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	var guid string
	must(t, s.Update(func(tx *Tx) error {
		src := mustResolve(t, tx, "laura")
		if _, err := tx.RemoveMailbox(src.Guid, "admin"); err != nil {
			return err
		}
		target := mustResolve(t, tx, "newemployee")
		r, err := tx.NewRestoreRequest(NewRestoreInput{SourceMailbox: src.ExchangeGuid, TargetMailbox: "newemployee", AllowLegacyDNMismatch: true, Actor: "admin"})
		if err != nil {
			return err
		}
		guid = r.RequestGuid
		if err := tx.AdvanceBy(3 * time.Minute); err != nil {
			return err
		}
		if _, err := tx.RemoveMailbox(target.Guid, "admin"); err != nil {
			return err
		}
		return tx.PermanentlyDeleteMailbox(target.Guid)
	}))
	must(t, s.View(func(tx *Tx) error {
		r, err := tx.GetRestoreRequest(guid)
		if err != nil {
			return err
		}
		if r.Outcome != RestoreFailed || r.FailureType != "TargetMailboxNotFoundPermanentException" || !r.FailedAt.Equal(DefaultClock().Add(3*time.Minute)) {
			t.Errorf("outcome %q (%s) at %v", r.Outcome, r.FailureType, r.FailedAt)
		}
		return nil
	}))
	if got := findingsText(t, s); got != "" {
		t.Errorf("findings after the purge:\n%s", got)
	}
}

func TestRestoreSuspendResumeAndDisconnected(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	must(t, s.Update(func(tx *Tx) error {
		in := NewRestoreInput{RemoteHostName: OnPremServerFqdn, RemoteDatabaseGuid: SeedOnPremDB01Guid,
			SourceStoreMailbox: SeedDisabledMailboxGuid, TargetMailbox: "newemployee", Actor: "admin", Suspend: true}
		r, err := tx.NewRestoreRequest(in)
		if err != nil {
			return err
		}
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		if p, _ := tx.RestoreProgressOf(r); p.Status != RestoreSuspended || p.PercentComplete != 0 {
			t.Errorf("suspended: %+v", p)
		}
		if r, err = tx.ResumeRestoreRequest(r.RequestGuid); err != nil {
			return err
		}
		if err := tx.AdvanceBy(3 * time.Minute); err != nil {
			return err
		}
		if r, err = tx.SuspendRestoreRequest(r.RequestGuid, ""); err != nil {
			return err
		}
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		if p, _ := tx.RestoreProgressOf(r); p.PercentComplete != 30 {
			t.Errorf("after 3 minutes of running: %+v", p)
		}
		if r, err = tx.ResumeRestoreRequest(r.RequestGuid); err != nil {
			return err
		}
		if err := tx.AdvanceBy(7 * time.Minute); err != nil {
			return err
		}
		r, _ = tx.GetRestoreRequest(r.RequestGuid)
		if r.Outcome != RestoreCompleted {
			t.Errorf("outcome %q", r.Outcome)
		}
		in.Suspend, in.RemoteDatabaseGuid = false, SeedOnPremDB02Guid
		if _, err := tx.NewRestoreRequest(in); restoreReason(err) != RestoreSourceNotFound {
			t.Errorf("wrong database: %v", err)
		}
		in.RemoteDatabaseGuid, in.TargetIsArchive = SeedOnPremDB01Guid, true
		if _, err := tx.NewRestoreRequest(in); restoreReason(err) != RestoreNoTargetArchive {
			t.Errorf("archive of a mailbox without one: %v", err)
		}
		return nil
	}))
}
