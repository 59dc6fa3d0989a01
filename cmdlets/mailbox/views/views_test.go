package views_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/mailbox/views"
	"github.com/exosim/exosim/shell/format"
)

// Each provider registers views for exactly the types it is provided
// for (a session runs it only when one of them is looked up), and Add
// registers them all.
func TestProvidersAddTheirTypes(t *testing.T) {
	t.Parallel()
	added := func(add func(*format.Registry)) []string {
		base := format.NewRegistry().TypeNames()
		r := format.NewRegistry()
		add(r)
		var names []string
		for _, n := range r.TypeNames() {
			if !slices.Contains(base, n) {
				names = append(names, n)
			}
		}
		return names
	}
	lower := func(names []string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = strings.ToLower(n)
		}
		slices.Sort(out)
		return out
	}
	var all []string
	for _, p := range views.Providers {
		if got, want := added(p.Add), lower(p.Types); !slices.Equal(got, want) {
			t.Errorf("provider for %v adds views for %v", p.Types, got)
		}
		all = append(all, p.Types...)
	}
	if got, want := added(views.Add), lower(all); !slices.Equal(got, want) {
		t.Errorf("Add adds views for %v, want %v", got, want)
	}
	r := format.NewRegistry()
	views.Add(r)
	if v := r.Lookup([]string{mailbox.TypeMailbox}, format.ListView, ""); v == nil || !slices.Equal(v.ItemProperties, mailbox.PropertyNames()) {
		t.Errorf("the mailbox list view is %+v, want every property of the mailbox object", v)
	}
}
