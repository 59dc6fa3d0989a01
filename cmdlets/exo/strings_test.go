package exo_test

import (
	"reflect"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
)

// An argument's texts are trimmed and the empty ones left out, from a
// single value, an array or a MultiValuedProperty.
func TestValueStrings(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   any
		want []string
	}{
		{in: nil},
		{in: " annb ", want: []string{"annb"}},
		{in: "", want: nil},
		{in: []any{"a", " ", nil, " b", 3}, want: []string{"a", "b", "3"}},
		{in: exo.MultiValued([]string{"x", "", "y "}), want: []string{"x", "y"}},
		{in: &object.PSObject{Base: " wrapped "}, want: []string{"wrapped"}},
	} {
		if got := exo.ValueStrings(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ValueStrings(%#v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// RemoveFold leaves out every entry equal to the text in any case and
// does not change the list it is given.
func TestRemoveFold(t *testing.T) {
	t.Parallel()
	list := []string{"Ann", "bob", "ANN", "carol"}
	got := exo.RemoveFold(list, "ann")
	if want := []string{"bob", "carol"}; !reflect.DeepEqual(got, want) {
		t.Errorf("RemoveFold = %q, want %q", got, want)
	}
	if list[0] != "Ann" || list[2] != "ANN" {
		t.Errorf("the list given was changed: %q", list)
	}
}

// Ambiguous name resolution matches a prefix of any of the names,
// ignoring case and the spaces around the text.
func TestMatchAnr(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		anr  string
		want bool
	}{{"ann", true}, {" ANNE ", false}, {"beebe", true}, {"ab@", true}, {"", true}, {"x", false}} {
		if got := exo.MatchAnr(c.anr, "Ann", "Beebe", "ab@contoso.com"); got != c.want {
			t.Errorf("MatchAnr(%q) = %v, want %v", c.anr, got, c.want)
		}
	}
}
