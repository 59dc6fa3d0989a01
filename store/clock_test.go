package store_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
)

const testLogBucket = "testlog"

// addTestTimers adds test-only timer kinds to s.
func addTestTimers(s *store.Schema) {
	s.AddTimer("test.log", func(tx *store.Tx, t store.Timer) error {
		return appendTestLog(tx, fmt.Sprintf("%s@%s", t.Payload, tx.Now().Format(time.RFC3339)))
	})
	// test.chain logs, then schedules a test.log one day later.
	s.AddTimer("test.chain", func(tx *store.Tx, t store.Timer) error {
		if err := appendTestLog(tx, fmt.Sprintf("%s@%s", t.Payload, tx.Now().Format(time.RFC3339))); err != nil {
			return err
		}
		_, err := tx.Schedule(tx.Now().Add(store.Day), "test.log", t.Payload+"-child")
		return err
	})
	s.AddTimer("test.fail", func(*store.Tx, store.Timer) error { return errors.New("handler failed") })
}

func appendTestLog(tx *store.Tx, line string) error {
	b, err := tx.Bolt().CreateBucketIfNotExists([]byte(testLogBucket))
	if err != nil {
		return err
	}
	seq, _ := b.NextSequence()
	return b.Put([]byte(fmt.Sprintf("%06d", seq)), []byte(line))
}

func readTestLog(tx *store.Tx) []string {
	var out []string
	if b := tx.Bolt().Bucket([]byte(testLogBucket)); b != nil {
		_ = b.ForEach(func(_, v []byte) error { out = append(out, string(v)); return nil })
	}
	return out
}

func TestAdvanceRefusesToGoBackwards(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Empty)
	err := s.Update(func(tx *store.Tx) error { return tx.AdvanceTo(store.DefaultClock().Add(-time.Second)) })
	var cb *store.ClockBackwardsError
	if !errors.As(err, &cb) || !cb.Now.Equal(store.DefaultClock()) {
		t.Fatalf("AdvanceTo backwards = %v", err)
	}
	if err := s.Update(func(tx *store.Tx) error { return tx.AdvanceTo(store.DefaultClock()) }); err != nil {
		t.Fatalf("AdvanceTo now = %v", err)
	}
	_ = s.View(func(tx *store.Tx) error {
		if !tx.Now().Equal(store.DefaultClock()) {
			t.Errorf("clock moved to %v", tx.Now())
		}
		return nil
	})
}

func TestTimerOrderAndStrictness(t *testing.T) {
	t.Parallel()
	t0 := store.DefaultClock()
	day := func(n int) string { return t0.Add(time.Duration(n) * store.Day).Format(time.RFC3339) }
	steps := []struct {
		name    string
		advance time.Duration
		want    []string // cumulative log
		pending int
	}{
		{"a second short of 30 days does not fire the 30-day timer", 30*store.Day - time.Second,
			[]string{"b10@" + day(10), "c10@" + day(10), "chain@" + day(20), "chain-child@" + day(21)}, 1},
		{"exactly 30 days fires it", time.Second,
			[]string{"b10@" + day(10), "c10@" + day(10), "chain@" + day(20), "chain-child@" + day(21), "a30@" + day(30)}, 0},
	}
	s := seededTest(t, seed.Empty)
	err := s.Update(func(tx *store.Tx) error {
		// Scheduled out of order; b10 and c10 tie and keep insertion order.
		if _, err := tx.ScheduleAfter30Days(t0, "test.log", "a30"); err != nil {
			return err
		}
		if _, err := tx.Schedule(t0.Add(10*store.Day), "test.log", "b10"); err != nil {
			return err
		}
		if _, err := tx.Schedule(t0.Add(20*store.Day), "test.chain", "chain"); err != nil {
			return err
		}
		_, err := tx.Schedule(t0.Add(10*store.Day), "test.log", "c10")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			err := s.Update(func(tx *store.Tx) error { return tx.AdvanceBy(st.advance) })
			if err != nil {
				t.Fatal(err)
			}
			_ = s.View(func(tx *store.Tx) error {
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
	_ = s.View(func(tx *store.Tx) error {
		if want := t0.Add(30 * store.Day); !tx.Now().Equal(want) {
			t.Errorf("clock = %v, want %v", tx.Now(), want)
		}
		return nil
	})
}

func TestTimerHandlerErrorRollsBack(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Empty)
	_ = s.Update(func(tx *store.Tx) error {
		_, err := tx.Schedule(store.DefaultClock().Add(store.Day), "test.fail", "")
		return err
	})
	if err := s.Update(func(tx *store.Tx) error { return tx.AdvanceBy(2 * store.Day) }); err == nil {
		t.Fatal("failing handler did not fail AdvanceBy")
	}
	_ = s.View(func(tx *store.Tx) error {
		ts, _ := tx.PendingTimers()
		if !tx.Now().Equal(store.DefaultClock()) || len(ts) != 1 {
			t.Errorf("rollback failed: clock %v, %d timers", tx.Now(), len(ts))
		}
		return nil
	})
	_ = s.Update(func(tx *store.Tx) error {
		_, err := tx.CancelTimers(func(t store.Timer) bool { return t.Kind == "test.fail" })
		return err
	})
	var uk *store.UnknownTimerKindError
	_ = s.Update(func(tx *store.Tx) error {
		_, err := tx.Schedule(store.DefaultClock(), "no.such.kind", "")
		return err
	})
	if err := s.Update(func(tx *store.Tx) error { return tx.AdvanceBy(time.Second) }); !errors.As(err, &uk) {
		t.Errorf("unknown kind = %v", err)
	}
}

func TestStoreRegisterTimerOverrides(t *testing.T) {
	t.Parallel()
	s := seededTest(t, seed.Empty)
	var fired []string
	s.RegisterTimer("test.log", func(tx *store.Tx, tm store.Timer) error {
		fired = append(fired, tm.Payload)
		return nil
	})
	_ = s.Update(func(tx *store.Tx) error {
		_, err := tx.Schedule(store.DefaultClock().Add(-time.Second), "test.log", "mine")
		return err
	})
	if err := s.Update(func(tx *store.Tx) error { return tx.RunDueTimers() }); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(fired) != "[mine]" {
		t.Errorf("fired = %v", fired)
	}
}
