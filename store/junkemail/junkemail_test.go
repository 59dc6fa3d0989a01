package junkemail_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestValidEntry(t *testing.T) {
	t.Parallel()
	cases := []struct {
		entry string
		want  bool
	}{
		{"contoso.com", true},
		{"@fabrikam.com", true},
		{"jane@fourthcoffee.com", true},
		{"first.last@mail.example.co.uk", true},
		{"xn--bcher-kva.example", true},
		{"", false},
		{"localhost", false},
		{"@", false},
		{"jane@", false},
		{"jane@@contoso.com", false},
		{"jane doe@contoso.com", false},
		{"contoso..com", false},
		{"-contoso.com", false},
		{"contoso-.com", false},
		{"*.contoso.com", false},
		{".jane@contoso.com", false},
		{"jane..doe@contoso.com", false},
		{"a,b@contoso.com", false},
		{"<jane@contoso.com>", false},
	}
	for _, c := range cases {
		if got := junkemail.ValidEntry(c.entry); got != c.want {
			t.Errorf("ValidEntry(%q) = %v, want %v", c.entry, got, c.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		got, err := junkemail.Get(tx, storetest.Mailbox(t, tx, "annb"))
		if err != nil {
			return err
		}
		if !got.Enabled || got.TrustedListsOnly || got.ContactsTrusted || len(got.TrustedSenders)+len(got.BlockedSenders)+len(got.TrustedRecipients) != 0 {
			t.Errorf("defaults %+v", got)
		}
		return nil
	}))
}

func TestPutRefusals(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("sender%d@fabrikam.com", i)
		}
		return out
	}
	cases := []struct {
		name   string
		change func(*junkemail.Settings)
		value  string // the refused entry; "" when the change is kept
	}{
		{"not an address", func(x *junkemail.Settings) { x.BlockedSenders = []string{"spam"} }, "spam"},
		{"own domain sender", func(x *junkemail.Settings) { x.TrustedSenders = []string{"fabrikam.com", "meganb@contoso.com"} }, "meganb@contoso.com"},
		{"safe recipients checked too", func(x *junkemail.Settings) { x.TrustedRecipients = []string{"a b"} }, "a b"},
		{"too many trusted", func(x *junkemail.Settings) {
			x.TrustedSenders = many(1000)
			x.TrustedRecipients = many(25)
		}, "sender24@fabrikam.com"},
		{"too many blocked", func(x *junkemail.Settings) { x.BlockedSenders = many(501) }, "sender500@fabrikam.com"},
		{"own domain as a domain", func(x *junkemail.Settings) { x.TrustedSenders = []string{"contoso.com"} }, ""},
		{"lists at their limits", func(x *junkemail.Settings) {
			x.TrustedSenders = many(1024)
			x.BlockedSenders = many(500)
		}, ""},
	}
	for _, c := range cases {
		err := s.Update(func(tx *store.Tx) error {
			m := storetest.Mailbox(t, tx, "annb")
			x, err := junkemail.Get(tx, m)
			if err != nil {
				return err
			}
			c.change(x)
			return junkemail.Put(tx, m, x)
		})
		var ee *junkemail.EntryError
		switch {
		case c.value == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.value != "" && (!errors.As(err, &ee) || ee.Value != c.value):
			t.Errorf("%s: got %v, want the entry %q refused", c.name, err, c.value)
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
