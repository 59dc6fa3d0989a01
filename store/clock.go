package store

import (
	"fmt"
	"strings"
	"time"
)

// DefaultClock returns the simulated time a seeded tenant starts at
// (2024-03-01T09:00:00Z).
func DefaultClock() time.Time { return time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC) }

// Day is one exact 24-hour simulated day.
const Day = 24 * time.Hour

// After30Days returns the end of a 30-day window that starts at t: the
// instant its timer is due. Advancing the clock exactly 30 days fires it.
func After30Days(t time.Time) time.Time { return t.UTC().Add(30 * Day) }

// IsDue reports whether a timer due at `due` has fired by clock value now:
// a timer is due at its due time and at every later one.
func IsDue(due, now time.Time) bool { return !now.Before(due) }

// Timer is a scheduled domain event.
type Timer struct {
	Seq         uint64    `json:"seq"`
	Due         time.Time `json:"due"`
	Kind        string    `json:"kind"`
	Payload     string    `json:"payload,omitempty"`
	ScheduledAt time.Time `json:"scheduledAt"`
}

// Key returns the timer's bucket key (chronological, ties by sequence).
func (t Timer) Key() string { return timerKey(t.Due, t.Seq) }

func timerKey(due time.Time, seq uint64) string {
	return due.UTC().Format("20060102T150405.000000000Z") + "/" + fmt.Sprintf("%016x", seq)
}

// TimerHandler runs a due timer. While it runs, tx.Now() is the timer's
// due time (or the current clock if that is later); it may schedule more
// timers, which fire in the same AdvanceTo call when they are due.
type TimerHandler func(tx *Tx, t Timer) error

// timerKind is the kind of the pending timers, keyed by Timer.Key.
var timerKind = DefineKind(KindSpec[Timer]{Bucket: bucketTimers, Name: "timer"})

// Now returns the simulated current time (UTC).
func (tx *Tx) Now() time.Time { return tx.state().clock }

// setClock moves the clock (used by seeding and firing).
func (tx *Tx) setClock(t time.Time) {
	tx.state().clock = t.UTC()
	tx.dirty = true
}

// Schedule registers a timer of the given kind, due at `due` (it fires once
// the clock reaches due).
func (tx *Tx) Schedule(due time.Time, kind, payload string) (Timer, error) {
	if strings.TrimSpace(kind) == "" {
		return Timer{}, &ValidationError{Field: "kind", Message: "timer kind is empty"}
	}
	tx.state().timerSeq++
	tx.dirty = true
	t := Timer{Seq: tx.timerSeq, Due: due.UTC(), Kind: kind, Payload: payload, ScheduledAt: tx.clock}
	if err := tx.putRecord(bucketTimers, t.Key(), &t); err != nil {
		return Timer{}, err
	}
	return t, nil
}

// ScheduleAfter30Days schedules a timer for the 30-day window starting at
// from (see After30Days).
func (tx *Tx) ScheduleAfter30Days(from time.Time, kind, payload string) (Timer, error) {
	return tx.Schedule(After30Days(from), kind, payload)
}

// PendingTimers lists every scheduled timer in firing order.
func (tx *Tx) PendingTimers() ([]Timer, error) {
	var out []Timer
	err := forEachDecoded(tx, bucketTimers, "", func(_ string, t *Timer) error {
		out = append(out, *t)
		return nil
	})
	return out, err
}

// CancelTimers deletes every pending timer for which match returns true
// and reports how many were removed.
func (tx *Tx) CancelTimers(match func(Timer) bool) (int, error) {
	ts, err := tx.PendingTimers()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range ts {
		if match(t) {
			if _, err := tx.deleteRecord(bucketTimers, t.Key()); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// CancelTimersFor deletes the pending timers of the given kinds whose
// payload is payload.
func (tx *Tx) CancelTimersFor(payload string, kinds ...string) error {
	_, err := tx.CancelTimers(func(t Timer) bool {
		if t.Payload != payload {
			return false
		}
		for _, k := range kinds {
			if t.Kind == k {
				return true
			}
		}
		return false
	})
	return err
}

// AdvanceTo moves the clock forward to t, firing every timer that becomes
// due on the way in chronological order (ties by scheduling order). A
// target earlier than Now returns *ClockBackwardsError; a target equal to
// Now fires the timers due by now.
func (tx *Tx) AdvanceTo(t time.Time) error {
	t = t.UTC()
	if t.Before(tx.state().clock) {
		return &ClockBackwardsError{Now: tx.clock, Requested: t}
	}
	from := tx.clock
	for {
		next, ok, err := tx.firstTimer()
		if err != nil {
			return err
		}
		if !ok || !IsDue(next.Due, t) {
			break
		}
		if _, err := tx.deleteRecord(bucketTimers, next.Key()); err != nil {
			return err
		}
		if next.Due.After(tx.clock) {
			tx.setClock(next.Due)
		}
		h := tx.s.timerHandler(next.Kind)
		if h == nil {
			return &UnknownTimerKindError{Kind: next.Kind}
		}
		if err := h(tx, next); err != nil {
			return fmt.Errorf("timer %s (%s) due %s: %w", next.Kind, next.Payload, next.Due.Format(time.RFC3339), err)
		}
	}
	tx.setClock(t)
	for _, fn := range tx.s.sch().advance {
		if err := fn(tx, from); err != nil {
			return err
		}
	}
	return nil
}

// AdvanceBy moves the clock forward by d (see AdvanceTo).
func (tx *Tx) AdvanceBy(d time.Duration) error { return tx.AdvanceTo(tx.Now().Add(d)) }

// RunDueTimers fires the timers due by the current clock without moving it
// (the synchronous assistant pass after a command).
func (tx *Tx) RunDueTimers() error { return tx.AdvanceTo(tx.Now()) }

func (tx *Tx) firstTimer() (Timer, bool, error) {
	var out Timer
	found := false
	err := forEachDecoded(tx, bucketTimers, "", func(_ string, t *Timer) error {
		out = *t
		found = true
		return ErrStop
	})
	return out, found, err
}
