package sweeprules_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/sweeprules"
)

// A rule keeps by count or by age, never both and never neither; its
// RuleId is the same for the same mailbox and order of creation; a
// purged mailbox takes its rules with it.
func TestRulesKeepOneCountAndGoWithTheirMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		guid = storetest.Mailbox(t, tx, "diegos").Guid
		return nil
	}))
	rule := func(days, latest int) *sweeprules.Rule {
		return &sweeprules.Rule{MailboxGuid: guid, Name: "r", Enabled: true, Provider: sweeprules.DefaultProvider,
			SourceFolder: guid + ":/Inbox", DestinationFolder: guid + ":/Deleted Items", KeepForDays: days, KeepLatest: latest}
	}
	for _, c := range []struct {
		days, latest int
		both         bool
	}{{0, 0, false}, {3, 4, true}} {
		err := s.Update(func(tx *store.Tx) error { _, err := sweeprules.Create(tx, rule(c.days, c.latest)); return err })
		var ke *sweeprules.KeepError
		if !errors.As(err, &ke) || ke.Both != c.both {
			t.Fatalf("days %d latest %d: got %v, want a KeepError (both %v)", c.days, c.latest, err, c.both)
		}
	}
	var id string
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		r, err := sweeprules.Create(tx, rule(0, 5))
		if err == nil {
			id = r.RuleID
		}
		return err
	}))
	if len(id) != 24 {
		t.Fatalf("RuleId %q is not sixteen bytes in base64", id)
	}
	s2 := storetest.Seeded(t, seed.Contoso)
	storetest.Must(t, s2.Update(func(tx *store.Tx) error {
		r, err := sweeprules.Create(tx, rule(0, 5))
		if err == nil && r.RuleID != id {
			t.Errorf("RuleId %q in a second tenant, want %q", r.RuleID, id)
		}
		return err
	}))
	storetest.Must(t, s.Update(func(tx *store.Tx) error { return sweeprules.DropMailbox(tx, guid) }))
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		list, err := sweeprules.List(tx, guid)
		if len(list) != 0 {
			t.Errorf("%d rules left after the mailbox went", len(list))
		}
		return err
	}))
}
