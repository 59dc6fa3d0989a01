package opath

import (
	"errors"
	"testing"
	"unicode/utf16"
)

func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	f.Add(`((((Name -eq 'a'))))`)
	f.Add(`-not -not -not Name`)
	f.Add("Name -eq '\xff'")
	f.Fuzz(func(t *testing.T, s string) {
		fl, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): error of type %T", s, err)
			}
			n := len(utf16.Encode([]rune(s)))
			if se.Position < 1 || se.Position > n+1 {
				t.Fatalf("Parse(%q): position %d outside 1..%d", s, se.Position, n+1)
			}
			return
		}
		norm := fl.String()
		g, err := Parse(norm)
		if err != nil {
			t.Fatalf("reparse of %q (from %q): %v", norm, s, err)
		}
		if g.String() != norm {
			t.Fatalf("normal form not stable: %q -> %q", norm, g.String())
		}
		_ = fl.Properties()
		_ = fl.CheckWildcards()
		_ = RecipientSchema().Validate(fl)
		// The normal form means the same thing.
		r1, e1 := fl.Eval(getter(mailbox))
		r2, e2 := g.Eval(getter(mailbox))
		if r1 != r2 || (e1 == nil) != (e2 == nil) {
			t.Fatalf("%q and its normal form %q evaluate differently: %v/%v, %v/%v", s, norm, r1, e1, r2, e2)
		}
	})
}
