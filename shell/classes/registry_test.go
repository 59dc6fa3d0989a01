package classes

import (
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/syntax"
)

func TestRegistryLexical(t *testing.T) {
	t.Parallel()
	src := syntax.NewSource("t.ps1", "0123456789012345678901234567890123456789")
	other := syntax.NewSource("u.ps1", "0123456789")
	ext := func(s *syntax.Source, a, b int) syntax.Extent {
		return syntax.Extent{Src: s, Start: syntax.Pos{Offset: a}, End: syntax.Pos{Offset: b}}
	}
	var r Registry
	if !r.Empty() {
		t.Fatal("zero registry is not empty")
	}
	outer := &syntax.ScriptBlock{Ext: ext(src, 0, 40)}
	inner := &syntax.ScriptBlock{Ext: ext(src, 10, 20)}
	define := func(sb *syntax.ScriptBlock, name string) *dotnet.TypeDef {
		d := &dotnet.TypeDef{FullName: name}
		s := &syntax.TypeDefStmt{Name: name}
		r.Add(d)
		r.SetDefined(s, d)
		r.NoteBlock(sb, []*syntax.TypeDefStmt{s})
		return d
	}
	a := define(outer, "A")
	b := define(inner, "a")
	for _, tc := range []struct {
		name string
		in   syntax.Extent
		want *dotnet.TypeDef
	}{
		{"inside the inner block", ext(src, 12, 15), b},
		{"inside only the outer block", ext(src, 25, 30), a},
		{"across the inner block's end", ext(src, 15, 25), a},
		{"another source", ext(other, 1, 2), nil},
	} {
		if got := r.Lexical(tc.in, "a"); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	if r.Empty() || r.Latest("A") != b {
		t.Errorf("latest of A is %v, want the last defined", r.Latest("A"))
	}
	// noting a block again replaces its types
	r.NoteBlock(inner, nil)
	if got := r.Lexical(ext(src, 12, 15), "a"); got != a {
		t.Errorf("after renoting the inner block: got %v, want the outer's", got)
	}
}
