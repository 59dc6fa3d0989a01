package calendarconfig_test

import (
	"errors"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/calendarconfig"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	var (
		se *calendarconfig.SettingError
		ve *store.ValidationError
	)
	cases := []struct {
		name   string
		change func(*calendarconfig.Settings)
		as     any // nil: valid
	}{
		{"defaults", func(*calendarconfig.Settings) {}, nil},
		{"end before start", func(s *calendarconfig.Settings) { s.WorkingHoursEndTime = 7 * time.Hour }, &se},
		{"start equals end", func(s *calendarconfig.Settings) { s.WorkingHoursEndTime = s.WorkingHoursStartTime }, nil},
		{"a day or more", func(s *calendarconfig.Settings) { s.WorkingHoursEndTime = 24 * time.Hour }, &se},
		{"negative start", func(s *calendarconfig.Settings) { s.WorkingHoursStartTime = -time.Minute }, &se},
		{"reminder of 20 minutes", func(s *calendarconfig.Settings) { s.DefaultReminderTime = 20 * time.Minute }, &se},
		{"reminder of two weeks", func(s *calendarconfig.Settings) { s.DefaultReminderTime = 14 * 24 * time.Hour }, nil},
		{"six weather locations", func(s *calendarconfig.Settings) { s.WeatherLocations = []string{"a", "b", "c", "d", "e", "f"} }, &se},
		{"bookmark past the locations", func(s *calendarconfig.Settings) {
			s.WeatherLocations = []string{"a", "b"}
			s.WeatherLocationBookmark = 2
		}, &se},
		{"bookmark without locations", func(s *calendarconfig.Settings) { s.WeatherLocationBookmark = 1 }, &se},
		{"work days not canonical", func(s *calendarconfig.Settings) { s.WorkDays = "Tuesday, Monday" }, &ve},
		{"work days combined", func(s *calendarconfig.Settings) { s.WorkDays = "Monday, Tuesday" }, nil},
		{"unknown week start", func(s *calendarconfig.Settings) { s.WeekStartDay = "Someday" }, &ve},
	}
	for _, c := range cases {
		s := calendarconfig.Defaults(&directory.Mailbox{Guid: "x"})
		c.change(s)
		err := calendarconfig.Validate(s)
		switch {
		case c.as == nil && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.as != nil && (err == nil || !errors.As(err, c.as)):
			t.Errorf("%s: got %v", c.name, err)
		}
	}
}

func TestWorkdaysAndTimeSpans(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"Monday,Tuesday,Wednesday,Thursday,Friday": "Weekdays", "Weekdays,Monday": "Weekdays",
		"saturday, sunday": "WeekendDays", "Sunday,Weekdays": "Sunday, Weekdays", "Friday,Monday": "Monday, Friday", "None": "None"} {
		v, ok := calendarconfig.Workdays.Parse(in)
		if got := calendarconfig.Workdays.Format(v); !ok || got != want {
			t.Errorf("%q: %q (%v), want %q", in, got, ok, want)
		}
	}
	for d, want := range map[time.Duration]string{0: "00:00:00", 90 * time.Minute: "01:30:00", 50 * time.Hour: "2.02:00:00"} {
		if got := calendarconfig.FormatTimeSpan(d); got != want {
			t.Errorf("FormatTimeSpan(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestPutAndPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "annb")
		x, err := calendarconfig.Get(tx, m)
		storetest.Must(t, err)
		x.WorkDays = "Monday, Tuesday"
		storetest.Must(t, calendarconfig.Put(tx, m, x))
		_, err = directory.RemoveMailbox(tx, m.Guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, m.Guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
