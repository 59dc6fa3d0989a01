package inboxrules_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/inboxrules"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// order renders a mailbox's rules as "priority:name" in the order they
// run.
func order(t *testing.T, tx *store.Tx, guid string) string {
	t.Helper()
	list, err := inboxrules.List(tx, guid)
	storetest.Must(t, err)
	var out []string
	for _, r := range list {
		out = append(out, fmt.Sprintf("%d:%s", r.Priority, r.Name))
	}
	return strings.Join(out, " ")
}

func TestPrioritiesStayOneToN(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		guid = storetest.Mailbox(t, tx, "diegos").Guid
		return nil
	}))
	byName := map[string]*inboxrules.Rule{}
	create := func(name string, prio int) func(tx *store.Tx) error {
		return func(tx *store.Tx) error {
			r, err := inboxrules.Create(tx, &inboxrules.Rule{MailboxGuid: guid, Name: name, Enabled: true, Priority: prio,
				Props: map[string][]string{"MarkAsRead": {"True"}}})
			if err == nil {
				byName[name] = r
			}
			return err
		}
	}
	move := func(name string, prio int) func(tx *store.Tx) error {
		return func(tx *store.Tx) error {
			r := *byName[name]
			r.Priority = prio
			return inboxrules.Update(tx, &r)
		}
	}
	del := func(name string) func(tx *store.Tx) error {
		return func(tx *store.Tx) error { return inboxrules.Delete(tx, byName[name]) }
	}
	steps := []struct {
		what  string
		run   func(tx *store.Tx) error
		err   string
		order string
	}{
		{what: "first rule", run: create("a", 0), order: "1:a"},
		{what: "appended", run: create("b", 0), order: "1:a 2:b"},
		{what: "inserted first", run: create("c", 1), order: "1:c 2:a 3:b"},
		{what: "inserted in the middle", run: create("d", 2), order: "1:c 2:d 3:a 4:b"},
		{what: "a new rule can't go past the end", run: create("e", 6), err: "priority 6 is outside 1..5", order: "1:c 2:d 3:a 4:b"},
		{what: "moved down", run: move("c", 4), order: "1:d 2:a 3:b 4:c"},
		{what: "moved up", run: move("b", 1), order: "1:b 2:d 3:a 4:c"},
		{what: "a rule can't move past the last place", run: move("b", 5), err: "priority 5 is outside 1..4", order: "1:b 2:d 3:a 4:c"},
		{what: "a rule can't move before the first place", run: move("b", 0), err: "priority 0 is outside 1..4", order: "1:b 2:d 3:a 4:c"},
		{what: "removed from the middle", run: del("d"), order: "1:b 2:a 3:c"},
		{what: "removed first", run: del("b"), order: "1:a 2:c"},
	}
	for _, st := range steps {
		err := s.Update(func(tx *store.Tx) error { return st.run(tx) })
		got := ""
		if err != nil {
			got = err.Error()
			var pe *inboxrules.PriorityError
			if !errors.As(err, &pe) {
				t.Errorf("%s: not a priority refusal: %v", st.what, err)
			}
		}
		if got != st.err {
			t.Errorf("%s: error %q, want %q", st.what, got, st.err)
		}
		storetest.Must(t, s.View(func(tx *store.Tx) error {
			if o := order(t, tx, guid); o != st.order {
				t.Errorf("%s: order %q, want %q", st.what, o, st.order)
			}
			return nil
		}))
	}
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings:\n%s", got)
	}
}

func TestMalformedRulesAreRefused(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		guid = storetest.Mailbox(t, tx, "diegos").Guid
		return nil
	}))
	cases := []struct {
		name  string
		props map[string][]string
		want  string
	}{
		{name: "", want: "Name: The name of an Inbox rule can't be empty."},
		{name: strings.Repeat("x", 513), want: "Name: The name of an Inbox rule can't be longer than 512 characters."},
		{name: "r", props: map[string][]string{"FullAccess": {"True"}}, want: "FullAccess: not a property of Inbox rules"},
		{name: "r", props: map[string][]string{"markasread": {"True"}}, want: "markasread: not a property of Inbox rules"},
		{name: "r", props: map[string][]string{"MarkAsRead": {"False"}}, want: `MarkAsRead: "False" is not kept: only True is (False is no value)`},
		{name: "r", props: map[string][]string{"MarkImportance": {"Urgent"}}, want: `MarkImportance: "Urgent" is not one of its values`},
		{name: "r", props: map[string][]string{"ForwardTo": {"bob@example.com"}}, want: `ForwardTo: "bob@example.com" is not a recipient`},
		{name: "r", props: map[string][]string{"ReceivedAfterDate": {"yesterday"}}, want: `ReceivedAfterDate: "yesterday" is not a date`},
		{name: "r", props: map[string][]string{"WithinSizeRangeMinimum": {"1024"}}, want: "WithinSizeRangeMinimum and WithinSizeRangeMaximum must be used together, and the maximum must be greater than the minimum."},
		{name: "r", props: map[string][]string{"ExceptIfWithinSizeRangeMinimum": {"2048"}, "ExceptIfWithinSizeRangeMaximum": {"1024"}},
			want: "ExceptIfWithinSizeRangeMinimum and ExceptIfWithinSizeRangeMaximum must be used together, and the maximum must be greater than the minimum."},
		{name: "r", props: map[string][]string{"WithinSizeRangeMinimum": {"1024"}, "WithinSizeRangeMaximum": {"4096"}, "ForwardTo": {"SMTP:bob@example.com"}}},
	}
	for _, c := range cases {
		err := s.Update(func(tx *store.Tx) error {
			_, err := inboxrules.Create(tx, &inboxrules.Rule{MailboxGuid: guid, Name: c.name, Enabled: true, Props: c.props})
			return err
		})
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%.20s %v: %q, want %q", c.name, c.props, got, c.want)
		}
	}
}

func TestSeedAndPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings of the seed:\n%s", got)
	}
	var guid string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		guid = storetest.Mailbox(t, tx, "annb").Guid
		if o := order(t, tx, guid); o != "1:Newsletters 2:From Patti" {
			t.Errorf("seeded rules %q", o)
		}
		return nil
	}))
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		m, err := directory.GetMailbox(tx, guid)
		if err != nil {
			return err
		}
		return directory.PurgeMailbox(tx, m)
	}))
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		if o := order(t, tx, guid); o != "" {
			t.Errorf("rules after the purge: %q", o)
		}
		return nil
	}))
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings after the purge:\n%s", got)
	}
}
