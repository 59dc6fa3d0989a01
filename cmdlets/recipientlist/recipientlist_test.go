package recipientlist_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/recipientlist"
)

// -SortBy orders recipients by name, display name or alias, ignoring
// case, descending with a leading -, keeping the order of equal keys;
// any other value orders by name.
func TestSortRecipients(t *testing.T) {
	t.Parallel()
	type r struct{ name, display, alias string }
	in := []r{{"b", "Zed", "a2"}, {"C", "yak", "a1"}, {"a", "Xu", "a1"}}
	for _, c := range []struct{ by, want string }{
		{"", "a b C"},
		{"Name", "a b C"},
		{"-name", "C b a"},
		{" DisplayName ", "a C b"},
		{"Alias", "C a b"},
		{"-Alias", "b C a"},
		{"Bogus", "a b C"},
	} {
		list := append([]r(nil), in...)
		recipientlist.Sort(list, c.by, func(v r) (string, string, string) { return v.name, v.display, v.alias })
		var got []string
		for _, v := range list {
			got = append(got, v.name)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("SortBy %q: %v, want %s", c.by, got, c.want)
		}
	}
}
