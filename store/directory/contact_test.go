package directory_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestContactMatches(t *testing.T) {
	t.Parallel()
	c := &directory.Contact{Guid: "446db833-28c6-4802-98b5-7778b1ed7263", Name: "Chris Ashton", DisplayName: "Chris A.", Alias: "ChrisAshton",
		ExternalEmailAddress: "SMTP:chris@tailspintoys.com", PrimarySmtpAddress: "chris@tailspintoys.com",
		EmailAddresses: []string{"SMTP:chris@tailspintoys.com", "smtp:old@tailspintoys.com"}}
	for _, c2 := range []struct {
		id   string
		want bool
	}{
		{"chris ashton", true},
		{"CHRISASHTON", true},
		{"Chris A.", true},
		{"old@tailspintoys.com", true},
		{"446DB833-28C6-4802-98B5-7778B1ED7263", true},
		{"chris*", true},
		{"*toys.com", true},
		{"SMTP:chris@tailspintoys.com", false},
		{"chris", false},
		{"", false},
	} {
		if got := c.Matches(c2.id, "contoso.onmicrosoft.com", "NAMPR06A007"); got != c2.want {
			t.Errorf("Matches(%q) = %v, want %v", c2.id, got, c2.want)
		}
	}
}

// A contact's name, alias and primary address are unique among the
// mailboxes, the groups and the other contacts.
func TestNewContactUnique(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		first := &directory.Contact{Name: "Chris", Alias: "chris", ExternalEmailAddress: "SMTP:c@fabrikam.com", PrimarySmtpAddress: "c@fabrikam.com"}
		storetest.Must(t, directory.NewContact(tx, first))
		for _, c := range []struct{ name, alias, smtp, prop string }{
			{"Chris", "x1", "x1@fabrikam.com", "Name"},
			{"x2", "CHRIS", "x2@fabrikam.com", "Alias"},
			{"x3", "x3", "C@fabrikam.com", "PrimarySmtpAddress"},
			{"Sales", "x4", "x4@fabrikam.com", "Name"},
			{"x5", "annb", "x5@fabrikam.com", "Alias"},
			{"x6", "x6", "annb@contoso.com", "PrimarySmtpAddress"},
		} {
			err := directory.NewContact(tx, &directory.Contact{Name: c.name, Alias: c.alias, ExternalEmailAddress: "SMTP:" + c.smtp, PrimarySmtpAddress: c.smtp})
			var dup *store.DuplicateError
			if !errors.As(err, &dup) || dup.Property != c.prop {
				t.Errorf("NewContact(%s, %s, %s) = %v, want a duplicate %s", c.name, c.alias, c.smtp, err, c.prop)
			}
		}
		first.DisplayName = "Chris Renamed"
		storetest.Must(t, directory.PutContact(tx, first))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}
