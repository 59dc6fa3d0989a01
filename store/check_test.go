package store

import (
	"strings"
	"testing"
)

func findingsText(t *testing.T, s *Store) string {
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

// TestCheckFindsCorruption checks a clean synthetic tenant, then breaks
// one invariant of each built-in check and expects a finding for each.
func TestCheckFindsCorruption(t *testing.T) {
	s := seeded(t, SeedContoso)
	if err := s.BuildSynthetic(SyntheticOptions{Mailboxes: 300, MessagesPerMailbox: 2}); err != nil {
		t.Fatal(err)
	}
	if got := findingsText(t, s); got != "" {
		t.Fatalf("clean tenant has findings:\n%s", got)
	}
	var victim *Mailbox
	var msg *Message
	err := s.Update(func(tx *Tx) error {
		ms, err := tx.FindMailboxes("annb")
		if err != nil {
			return err
		}
		victim = ms[0]
		ib := tx.btx.Bucket([]byte(bucketIndex))
		// A missing and a stale index entry.
		if err := ib.Delete(idxKey(IndexAlias, victim.Alias, victim.Guid)); err != nil {
			return err
		}
		if err := ib.Put(idxKey(IndexAlias, "ghost", victim.Guid), nil); err != nil {
			return err
		}
		// An active mailbox without its account.
		if err := tx.btx.Bucket([]byte(bucketUsers)).Delete([]byte(victim.UserObjectID)); err != nil {
			return err
		}
		// A timer for a mailbox that does not exist.
		if _, err := tx.Schedule(tx.Now().Add(Day), TimerSoftDeleteExpiry, "00000000-0000-0000-0000-00000000dead"); err != nil {
			return err
		}
		// A message whose trace rows are gone.
		return tx.ForEachMessage("", func(m *Message) error {
			msg = m
			rows, err := tx.TracesByTraceID(m.MessageTraceID)
			if err != nil {
				return err
			}
			for _, r := range rows {
				if _, err := tx.deleteRecord(bucketTraces, r.Key()); err != nil {
					return err
				}
			}
			return ErrStop
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	got := findingsText(t, s)
	for _, want := range []string{
		"indexes: mailbox " + victim.Guid + ": index mbx.alias has no entry for \"annb\"",
		"indexes: index mbx.alias: stale entry \"ghost\"",
		"mailbox-user: mailbox " + victim.Guid + ": active mailbox annb has no account",
		"timers: timer ",
		"00000000-0000-0000-0000-00000000dead, which does not exist",
		"message-trace: message " + msg.MessageID + ": no message-trace row",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
}
