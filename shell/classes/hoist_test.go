package classes

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

func TestHoistOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src string
		// want is the order of definition; found the definitions written
		// in the block, in source order
		want, found string
		// fail makes defining that type fail
		fail string
	}{
		{name: "enums before classes", src: "class A {}\nenum E { X }\nclass B {}", want: "E A B", found: "A E B"},
		{name: "base before derived", src: "class D : B {}\nclass B {}", want: "B D", found: "D B"},
		{name: "chain of bases", src: "class C : B {}\nclass B : A {}\nclass A {}", want: "A B C", found: "C B A"},
		{name: "base not in the block", src: "class D : Exception {}", want: "D", found: "D"},
		{name: "nested blocks are not hoisted", src: "class A {}\n$f = { class N {} }\nfunction g { enum M { X } }", want: "A", found: "A"},
		{name: "cycle of bases is defined to report it", src: "class A : B {}\nclass B : A {}", want: "A", found: "A B", fail: "A"},
		{name: "a failure stops", src: "enum E { X }\nclass A {}\nclass B {}", want: "E A", found: "E A B", fail: "A"},
		{name: "inside statements", src: "if ($true) { class A : B {} }\nclass B {}", want: "B A", found: "A B"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sb, errs := parser.Parse(syntax.NewSource("t.ps1", tc.src))
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs)
			}
			var got []string
			found, err := Hoist(sb, func(s *syntax.TypeDefStmt) error {
				got = append(got, s.Name)
				if s.Name == tc.fail {
					return errors.New("failed")
				}
				return nil
			})
			if (err != nil) != (tc.fail != "") {
				t.Errorf("error %v, want failure %q", err, tc.fail)
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("defined %q, want %q", g, tc.want)
			}
			var names []string
			for _, s := range found {
				names = append(names, s.Name)
			}
			if g := strings.Join(names, " "); g != tc.found {
				t.Errorf("found %q, want %q", g, tc.found)
			}
		})
	}
}
