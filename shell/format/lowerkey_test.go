package format

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/object"
)

// A view's type name is folded as strings.ToLower folds it, ASCII or not,
// as a new key or a key to look up by, and told ASCII or not.
func TestLowerKeyIsToLower(t *testing.T) {
	t.Parallel()
	var all strings.Builder // every ASCII byte, at every place in a word
	for c := 0; c < 128; c++ {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{"", "a", "System.String", "microsoft.exchange.data", "ABC", "Ünïcode.Type", "x\u0130Y", "Q\xff",
		"@AZ[`az{", "Microsoft.Exchange.Data.Directory.Management.Mailbox", all.String(), all.String()[3:], "ABCDEFGH\u212aIJ"} {
		var small [4]byte
		lower, ascii := lowerInto(append(small[:0], '>'), s)
		if got, want := string(lower), ">"+strings.ToLower(s); got != want {
			t.Errorf("lowerInto(%q) = %q, want %q", s, got, want)
		}
		if ascii != object.IsASCII(s) {
			t.Errorf("lowerInto(%q) tells ASCII %v", s, ascii)
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

// A provider's type name and a lookup's match as their lower-case forms
// do, whichever of them is ASCII: the Kelvin sign's is an ASCII k.
func TestProvideMatchesLowerCaseForms(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	runs := 0
	r.Provide(func(r *Registry) {
		runs++
		r.Add(&View{Name: "k", TypeNames: []string{"\u212aelvin.Type"}, Kind: ListView, Items: []ListItem{{Property: "A"}}})
	}, "\u212aelvin.Type")
	if v := r.Lookup([]string{"Kelvin.Typ"}, ListView, ""); v != nil || runs != 0 {
		t.Fatalf("another name: %v, provider ran %d times", v, runs)
	}
	if v := r.Lookup([]string{"KELVIN.TYPE"}, ListView, ""); v == nil || v.Name != "k" || runs != 1 {
		t.Errorf("Lookup of the ASCII form: %v, provider ran %d times", v, runs)
	}
}
