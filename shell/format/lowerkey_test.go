package format

import (
	"strings"
	"testing"
)

// A view's type name is folded as strings.ToLower folds it, ASCII or not,
// as a new key or a key to look up by.
func TestLowerKeyIsToLower(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "a", "System.String", "microsoft.exchange.data", "ABC", "Ünïcode.Type", "x\u0130Y", "Q\xff"} {
		if got, want := lowerKey(s), strings.ToLower(s); got != want {
			t.Errorf("lowerKey(%q) = %q, want %q", s, got, want)
		}
		var small [4]byte
		if got, want := string(lowerInto(append(small[:0], '>'), s)), ">"+strings.ToLower(s); got != want {
			t.Errorf("lowerInto(%q) = %q, want %q", s, got, want)
		}
	}
}

// Provided type names are folded as strings.ToLower folds them: lowerKeys
// folds a list of ASCII names so, and gives up (nil) on any other list.
func TestLowerKeysIsToLower(t *testing.T) {
	t.Parallel()
	ascii := []string{"", "a", "System.String", "microsoft.exchange.data", "ABC", "Microsoft.Exchange.Data.Directory.Management.Mailbox"}
	keys := lowerKeys(ascii)
	if len(keys) != len(ascii) {
		t.Fatalf("lowerKeys(%q) = %q", ascii, keys)
	}
	for i, s := range ascii {
		if keys[i] != strings.ToLower(s) {
			t.Errorf("lowerKeys: %q for %q, want %q", keys[i], s, strings.ToLower(s))
		}
	}
	for _, s := range []string{"Ünïcode.Type", "x\u0130Y", "Q\xff"} {
		if keys := lowerKeys([]string{"System.String", s}); keys != nil {
			t.Errorf("lowerKeys with %q = %q, want nil", s, keys)
		}
	}
}

// A type name outside ASCII is provided under strings.ToLower's folding,
// and a lookup in another case finds its view.
func TestProvideFoldsNonASCIITypeNames(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	const name = "Ünïcode.Type"
	r.Provide(func(r *Registry) {
		r.Add(&View{Name: "u", TypeNames: []string{name}, Kind: ListView, Items: []ListItem{{Property: "A"}}})
	}, "System.Other", name)
	if v := r.Lookup([]string{strings.ToUpper(name)}, ListView, ""); v == nil || v.Name != "u" {
		t.Errorf("Lookup of %q: %v", strings.ToUpper(name), v)
	}
}
