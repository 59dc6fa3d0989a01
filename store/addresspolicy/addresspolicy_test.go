package addresspolicy_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	ap "github.com/exosim/exosim/store/addresspolicy"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// order lists the policies' names in priority order, each with its
// priority.
func order(t *testing.T, tx *store.Tx) string {
	t.Helper()
	all, err := ap.List(tx)
	storetest.Must(t, err)
	var out []string
	for _, p := range all {
		out = append(out, p.Name+"="+string(rune('0'+p.Priority)))
	}
	return strings.Join(out, " ")
}

func policy(name string) *ap.Policy {
	return &ap.Policy{Name: name, Templates: []string{"SMTP:@contoso.com"}}
}

// A new policy goes last, or at the priority it asks for, the policies
// from there on moving down one; a change of priority and a removal keep
// the priorities 1..n; a name is taken once, whatever its case.
func TestPriorities(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		a, b, c := policy("A"), policy("B"), policy("C")
		storetest.Must(t, ap.Create(tx, a, 0))
		storetest.Must(t, ap.Create(tx, b, 0))
		storetest.Must(t, ap.Create(tx, c, 1))
		for _, step := range []struct {
			name string
			do   func() error
			want string
		}{
			{"created", func() error { return nil }, "C=1 A=2 B=3"},
			{"B first", func() error { return ap.Update(tx, b, 1) }, "B=1 C=2 A=3"},
			{"B last", func() error { return ap.Update(tx, b, 3) }, "C=1 A=2 B=3"},
			{"kept", func() error { return ap.Update(tx, b, 0) }, "C=1 A=2 B=3"},
			{"C removed", func() error { return ap.Remove(tx, c) }, "A=1 B=2"},
		} {
			storetest.Must(t, step.do())
			if got := order(t, tx); got != step.want {
				t.Errorf("%s: %s, want %s", step.name, got, step.want)
			}
		}
		var dup *store.DuplicateError
		if err := ap.Create(tx, policy("a"), 0); !errors.As(err, &dup) || dup.ExistingIdentity != "A" {
			t.Errorf("a second A: %v", err)
		}
		b.Name = "A"
		if err := ap.Update(tx, b, 0); !errors.As(err, &dup) {
			t.Errorf("B renamed A: %v", err)
		}
		b.Name = "B"
		for _, p := range []int{-1, 4} {
			if err := ap.Create(tx, policy("D"), p); !errors.Is(err, ap.ErrPriority) {
				t.Errorf("new at %d: %v", p, err)
			}
		}
		if err := ap.Update(tx, b, 3); !errors.Is(err, ap.ErrPriority) {
			t.Errorf("B at 3 of 2: %v", err)
		}
		if got := order(t, tx); got != "A=1 B=2" {
			t.Errorf("after the refusals: %s", got)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// An organization has at most MaxPolicies policies.
func TestMaxPolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		for i := 0; i < ap.MaxPolicies; i++ {
			storetest.Must(t, ap.Create(tx, policy(strings.Repeat("p", i+1)), 0))
		}
		if err := ap.Create(tx, policy("one more"), 0); !errors.Is(err, ap.ErrTooMany) {
			t.Errorf("policy %d: %v", ap.MaxPolicies+1, err)
		}
	})
}

// A template is an optional SMTP type (SMTP: the primary address) and
// @domain: no local part, no variables, no other address type.
func TestParseTemplate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in      string
		primary bool
		domain  string
		ok      bool
	}{
		{"SMTP:@Contoso.com", true, "contoso.com", true},
		{"smtp:@contoso.com", false, "contoso.com", true},
		{"@contoso.com", false, "contoso.com", true},
		{"Smtp:@contoso.com", false, "contoso.com", true},
		{"SMTP:%m@contoso.com", false, "", false},
		{"SMTP:team@contoso.com", false, "", false},
		{"X400:@contoso.com", false, "", false},
		{"SMTP:@contoso", false, "", false},
		{"SMTP:@", false, "", false},
		{"", false, "", false},
	} {
		primary, domain, ok := ap.ParseTemplate(c.in)
		if primary != c.primary || domain != c.domain || ok != c.ok {
			t.Errorf("%q: %v %q %v, want %v %q %v", c.in, primary, domain, ok, c.primary, c.domain, c.ok)
		}
	}
}

// The check finds a policy whose templates lack the primary one first.
func TestCheckTemplates(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		p := policy("A")
		storetest.Must(t, ap.Create(tx, p, 0))
		p.Templates = []string{"smtp:@contoso.com", "SMTP:@contoso.com"}
		storetest.Must(t, ap.Update(tx, p, 0))
	})
	if f := storetest.Findings(t, s); !strings.Contains(f, "not one primary template followed by proxy templates") {
		t.Errorf("findings: %q", f)
	}
}

// For takes the first policy in priority order whose filter finds the
// user, a policy without one finding everyone.
func TestFor(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		// want maps a department to the policy a user of it gets ("" none)
		expect := func(stage string, want map[string]string) {
			for dept, name := range want {
				got, err := ap.For(tx, func(f string) (bool, error) { return strings.Contains(f, "'"+dept+"'"), nil })
				storetest.Must(t, err)
				if got == nil && name != "" || got != nil && got.Name != name {
					t.Errorf("%s, %s: %+v, want %q", stage, dept, got, name)
				}
			}
		}
		sales, other := policy("Sales"), policy("Other")
		sales.ManagedByFilter = "Department -eq 'Sales'"
		expect("no policy", map[string]string{"Sales": "", "IT": ""})
		storetest.Must(t, ap.Create(tx, other, 0))
		expect("Other alone", map[string]string{"Sales": "Other", "IT": "Other"})
		storetest.Must(t, ap.Create(tx, sales, 1))
		expect("Sales first", map[string]string{"Sales": "Sales", "IT": "Other"})
		storetest.Must(t, ap.Remove(tx, other))
		expect("Sales alone", map[string]string{"Sales": "Sales", "IT": ""})
	})
}
