package store

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

const testLogBucket = "testlog"

// addTestTimers adds test-only timer kinds to s.
func addTestTimers(s *Schema) {
	s.AddTimer("test.log", func(tx *Tx, t Timer) error {
		return appendTestLog(tx, fmt.Sprintf("%s@%s", t.Payload, tx.Now().Format(time.RFC3339)))
	})
	// test.chain logs, then schedules a test.log one day later.
	s.AddTimer("test.chain", func(tx *Tx, t Timer) error {
		if err := appendTestLog(tx, fmt.Sprintf("%s@%s", t.Payload, tx.Now().Format(time.RFC3339))); err != nil {
			return err
		}
		_, err := tx.Schedule(tx.Now().Add(Day), "test.log", t.Payload+"-child")
		return err
	})
	s.AddTimer("test.fail", func(*Tx, Timer) error { return errors.New("handler failed") })
}

func appendTestLog(tx *Tx, line string) error {
	b, err := tx.btx.CreateBucketIfNotExists([]byte(testLogBucket))
	if err != nil {
		return err
	}
	seq, _ := b.NextSequence()
	return b.Put([]byte(fmt.Sprintf("%06d", seq)), []byte(line))
}

func readTestLog(tx *Tx) []string {
	var out []string
	if b := tx.btx.Bucket([]byte(testLogBucket)); b != nil {
		_ = b.ForEach(func(_, v []byte) error { out = append(out, string(v)); return nil })
	}
	return out
}

func TestAdvanceRefusesToGoBackwards(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedEmpty)
	err := s.Update(func(tx *Tx) error { return tx.AdvanceTo(DefaultClock().Add(-time.Second)) })
	var cb *ClockBackwardsError
	if !errors.As(err, &cb) || !cb.Now.Equal(DefaultClock()) {
		t.Fatalf("AdvanceTo backwards = %v", err)
	}
	if err := s.Update(func(tx *Tx) error { return tx.AdvanceTo(DefaultClock()) }); err != nil {
		t.Fatalf("AdvanceTo now = %v", err)
	}
	_ = s.View(func(tx *Tx) error {
		if !tx.Now().Equal(DefaultClock()) {
			t.Errorf("clock moved to %v", tx.Now())
		}
		return nil
	})
}

func TestTimerOrderAndStrictness(t *testing.T) {
	t.Parallel()
	t0 := DefaultClock()
	day := func(n int) string { return t0.Add(time.Duration(n) * Day).Format(time.RFC3339) }
	steps := []struct {
		name    string
		advance time.Duration
		want    []string // cumulative log
		pending int
	}{
		{"exactly 30 days does not fire the 30-day timer", 30 * Day,
			[]string{"b10@" + day(10), "c10@" + day(10), "chain@" + day(20), "chain-child@" + day(21)}, 1},
		{"one more second fires it", time.Second,
			[]string{"b10@" + day(10), "c10@" + day(10), "chain@" + day(20), "chain-child@" + day(21), "a30@" + day(30)}, 0},
	}
	s := seeded(t, SeedEmpty)
	err := s.Update(func(tx *Tx) error {
		// Scheduled out of order; b10 and c10 tie and keep insertion order.
		if _, err := tx.ScheduleAfter30Days(t0, "test.log", "a30"); err != nil {
			return err
		}
		if _, err := tx.Schedule(t0.Add(10*Day), "test.log", "b10"); err != nil {
			return err
		}
		if _, err := tx.Schedule(t0.Add(20*Day), "test.chain", "chain"); err != nil {
			return err
		}
		_, err := tx.Schedule(t0.Add(10*Day), "test.log", "c10")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			err := s.Update(func(tx *Tx) error { return tx.AdvanceBy(st.advance) })
			if err != nil {
				t.Fatal(err)
			}
			_ = s.View(func(tx *Tx) error {
				got := readTestLog(tx)
				if fmt.Sprint(got) != fmt.Sprint(st.want) {
					t.Errorf("fired %v\nwant  %v", got, st.want)
				}
				ts, _ := tx.PendingTimers()
				if len(ts) != st.pending {
					t.Errorf("pending = %d, want %d", len(ts), st.pending)
				}
				return nil
			})
		})
	}
	_ = s.View(func(tx *Tx) error {
		if want := t0.Add(30*Day + time.Second); !tx.Now().Equal(want) {
			t.Errorf("clock = %v, want %v", tx.Now(), want)
		}
		return nil
	})
}

func TestTimerHandlerErrorRollsBack(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedEmpty)
	_ = s.Update(func(tx *Tx) error {
		_, err := tx.Schedule(DefaultClock().Add(Day), "test.fail", "")
		return err
	})
	if err := s.Update(func(tx *Tx) error { return tx.AdvanceBy(2 * Day) }); err == nil {
		t.Fatal("failing handler did not fail AdvanceBy")
	}
	_ = s.View(func(tx *Tx) error {
		ts, _ := tx.PendingTimers()
		if !tx.Now().Equal(DefaultClock()) || len(ts) != 1 {
			t.Errorf("rollback failed: clock %v, %d timers", tx.Now(), len(ts))
		}
		return nil
	})
	_ = s.Update(func(tx *Tx) error {
		_, err := tx.CancelTimers(func(t Timer) bool { return t.Kind == "test.fail" })
		return err
	})
	var uk *UnknownTimerKindError
	_ = s.Update(func(tx *Tx) error {
		_, err := tx.Schedule(DefaultClock(), "no.such.kind", "")
		return err
	})
	if err := s.Update(func(tx *Tx) error { return tx.AdvanceBy(time.Second) }); !errors.As(err, &uk) {
		t.Errorf("unknown kind = %v", err)
	}
}

func TestStoreRegisterTimerOverrides(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedEmpty)
	var fired []string
	s.RegisterTimer("test.log", func(tx *Tx, tm Timer) error {
		fired = append(fired, tm.Payload)
		return nil
	})
	_ = s.Update(func(tx *Tx) error {
		_, err := tx.Schedule(DefaultClock().Add(-time.Second), "test.log", "mine")
		return err
	})
	if err := s.Update(func(tx *Tx) error { return tx.RunDueTimers() }); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(fired) != "[mine]" {
		t.Errorf("fired = %v", fired)
	}
}
