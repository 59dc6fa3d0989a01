package autoreply_test

import (
	"errors"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/autoreply"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestDefaultsFollowTheClock(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		got, err := autoreply.Get(tx, storetest.Mailbox(t, tx, "annb"))
		if err != nil {
			return err
		}
		start := tx.Now().UTC().Truncate(time.Hour)
		if got.State != autoreply.Disabled || got.ExternalAudience != "All" || !got.StartTime.Equal(start) || !got.EndTime.Equal(start.Add(24*time.Hour)) {
			t.Errorf("defaults %+v", got)
		}
		return nil
	}))
}

func TestSendingAt(t *testing.T) {
	t.Parallel()
	start := time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)
	end := start.Add(4 * 24 * time.Hour)
	cases := []struct {
		state string
		at    time.Time
		want  bool
	}{
		{autoreply.Disabled, start, false},
		{autoreply.Enabled, start.Add(-time.Hour), true},
		{autoreply.Scheduled, start.Add(-time.Minute), false},
		{autoreply.Scheduled, start, true},
		{autoreply.Scheduled, end.Add(-time.Minute), true},
		{autoreply.Scheduled, end, false},
	}
	for _, c := range cases {
		s := &autoreply.Settings{State: c.state, StartTime: start, EndTime: end}
		if got := s.SendingAt(c.at); got != c.want {
			t.Errorf("%s at %v: %v, want %v", c.state, c.at, got, c.want)
		}
	}
}

func TestPutRefusals(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	isValidation := func(err error) bool { var ve *store.ValidationError; return errors.As(err, &ve) }
	cases := []struct {
		name   string
		change func(*autoreply.Settings)
		check  func(error) bool
	}{
		{"end before start", func(x *autoreply.Settings) {
			x.State = autoreply.Scheduled
			x.EndTime = x.StartTime.Add(-time.Hour)
		}, func(err error) bool { var te *autoreply.TimeRangeError; return errors.As(err, &te) && !te.Past }},
		{"end already past", func(x *autoreply.Settings) {
			x.State = autoreply.Scheduled
			x.StartTime, x.EndTime = x.StartTime.Add(-72*time.Hour), x.StartTime.Add(-48*time.Hour)
		}, func(err error) bool { var te *autoreply.TimeRangeError; return errors.As(err, &te) && te.Past }},
		{"unknown state", func(x *autoreply.Settings) { x.State = "Sometimes" }, isValidation},
		{"unknown audience", func(x *autoreply.Settings) { x.ExternalAudience = "Friends" }, isValidation},
		{"events with decline all", func(x *autoreply.Settings) {
			x.DeclineAllEventsForScheduledOOF = true
			x.EventsToDeleteIDs = []string{"AAMk1"}
		}, isValidation},
		{"scheduled", func(x *autoreply.Settings) { x.State = autoreply.Scheduled }, func(err error) bool { return err == nil }},
	}
	for _, c := range cases {
		err := s.Update(func(tx *store.Tx) error {
			m := storetest.Mailbox(t, tx, "annb")
			x, err := autoreply.Get(tx, m)
			if err != nil {
				return err
			}
			c.change(x)
			return autoreply.Put(tx, m, x)
		})
		if !c.check(err) {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
	var guid string
	storetest.Update(t, s, func(tx *store.Tx) {
		guid = storetest.Mailbox(t, tx, "annb").Guid
		_, err := directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
