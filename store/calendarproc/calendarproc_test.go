package calendarproc_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/calendarproc"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestDefaultsByKindOfMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	cases := []struct{ mailbox, want string }{
		{"confroomadams", calendarproc.AutoAccept},
		{"annb", calendarproc.AutoUpdate},
	}
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		for _, c := range cases {
			got, err := calendarproc.Get(tx, storetest.Mailbox(t, tx, c.mailbox))
			if err != nil {
				return err
			}
			if got.AutomateProcessing != c.want || got.BookingWindowInDays != 180 || got.MaximumDurationInMinutes != 1440 || !got.AllBookInPolicy {
				t.Errorf("%s: defaults %+v", c.mailbox, got)
			}
		}
		return nil
	}))
}

func TestPutRefusals(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	cases := []struct {
		name, mailbox string
		change        func(*calendarproc.Settings)
		check         func(error) bool
	}{
		{"auto accept on a user mailbox", "annb", func(x *calendarproc.Settings) { x.AutomateProcessing = calendarproc.AutoAccept },
			func(err error) bool { var ue *calendarproc.UserMailboxError; return errors.As(err, &ue) }},
		{"none on a user mailbox", "annb", func(x *calendarproc.Settings) { x.AutomateProcessing = calendarproc.None }, func(err error) bool { return err == nil }},
		{"unknown processing", "confroomadams", func(x *calendarproc.Settings) { x.AutomateProcessing = "Sometimes" }, isValidation},
		{"booking window past 1080", "confroomadams", func(x *calendarproc.Settings) { x.BookingWindowInDays = 1081 }, isValidation},
		{"booking window of 1080", "confroomadams", func(x *calendarproc.Settings) { x.BookingWindowInDays = 1080 }, func(err error) bool { return err == nil }},
		{"conflict percentage past 100", "confroomadams", func(x *calendarproc.Settings) { x.ConflictPercentageAllowed = 101 }, isValidation},
		{"negative duration", "confroomadams", func(x *calendarproc.Settings) { x.MaximumDurationInMinutes = -1 }, isValidation},
		{"unknown booking type", "confroomadams", func(x *calendarproc.Settings) { x.BookingType = "Open" }, isValidation},
	}
	for _, c := range cases {
		err := s.Update(func(tx *store.Tx) error {
			m := storetest.Mailbox(t, tx, c.mailbox)
			x, err := calendarproc.Get(tx, m)
			if err != nil {
				return err
			}
			c.change(x)
			return calendarproc.Put(tx, m, x)
		})
		if !c.check(err) {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

func isValidation(err error) bool {
	var ve *store.ValidationError
	return errors.As(err, &ve)
}

func TestSettingsGoWithTheMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "confroomadams")
		guid = m.Guid
		x, err := calendarproc.Get(tx, m)
		storetest.Must(t, err)
		x.BookingWindowInDays = 30
		storetest.Must(t, calendarproc.Put(tx, m, x))
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		_, err := directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, guid))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings after the mailbox went: %s", f)
	}
}
