package ome_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// ruleOrder lists the rules as "name:priority" in priority order.
func ruleOrder(t *testing.T, tx *store.Tx) string {
	t.Helper()
	all, err := ome.ListTransportRules(tx)
	storetest.Must(t, err)
	var parts []string
	for i, r := range all {
		if r.Priority != i {
			t.Errorf("rule %s has priority %d at place %d", r.Name, r.Priority, i)
		}
		parts = append(parts, r.Name)
	}
	return strings.Join(parts, ",")
}

// TestSaveTransportRule moves and renames rules: the priorities stay
// 0..n-1, a name another rule has (in any case) and a priority past the
// last rule are refused with nothing changed, and removing a rule closes
// the gap.
func TestSaveTransportRule(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		for i, n := range []string{"A", "B", "C", "D"} {
			storetest.Must(t, ome.PutTransportRule(tx, &ome.TransportRule{Name: n, Priority: i, Quarantine: true}))
		}
	})
	steps := []struct {
		name, rule, rename string
		priority           int
		want               string
		err                error
	}{
		{"down", "A", "", 2, "B,C,A,D", nil},
		{"up", "D", "", 0, "D,B,C,A", nil},
		{"stay", "C", "", -1, "D,B,C,A", nil},
		{"rename in place", "C", "Cee", -1, "D,B,Cee,A", nil},
		{"rename and move last", "B", "Bee", 3, "D,Cee,A,Bee", nil},
		{"case of its own name", "Bee", "BEE", -1, "D,Cee,A,BEE", nil},
		{"past the last", "D", "", 4, "D,Cee,A,BEE", ome.ErrInvalidRulePriority},
		{"name of another", "D", "cee", 1, "D,Cee,A,BEE", &ome.RuleNameInUseError{}},
	}
	for _, st := range steps {
		err := s.Update(func(tx *store.Tx) error {
			r, err := ome.GetTransportRule(tx, st.rule)
			if err != nil {
				return err
			}
			old := r.Name
			if st.rename != "" {
				r.Name = st.rename
			}
			return ome.SaveTransportRule(tx, old, r, st.priority)
		})
		var inUse *ome.RuleNameInUseError
		switch {
		case st.err == nil && err != nil, st.err == ome.ErrInvalidRulePriority && !errors.Is(err, st.err):
			t.Fatalf("%s: %v", st.name, err)
		case st.err != nil && st.err != ome.ErrInvalidRulePriority && !errors.As(err, &inUse):
			t.Fatalf("%s: got %v, want a name in use", st.name, err)
		}
		storetest.Must(t, s.View(func(tx *store.Tx) error {
			if got := ruleOrder(t, tx); got != st.want {
				t.Errorf("%s: order %s, want %s", st.name, got, st.want)
			}
			return nil
		}))
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, ome.RemoveTransportRule(tx, "cee"))
		if got := ruleOrder(t, tx); got != "D,A,BEE" {
			t.Errorf("after removal: %s", got)
		}
	})
}
