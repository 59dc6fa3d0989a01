package strict_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/strict"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

func TestLevel(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 0, true}, {"0", 0, true}, {"1.0", 1, true}, {"2", 2, true}, {"3.0", 3, true},
		{"Latest", 7, true}, {"latest", 7, true}, {"5.1", 5, true}, {"9.0", 0, false}, {"abc", 0, false},
	} {
		got, err := strict.Level(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("Level(%q) = %d, %v", tc.in, got, err)
		}
	}
	if _, err := strict.Level("9"); err == nil || err.Error() != `The "9.0" argument does not contain a valid PowerShell version. Supply a valid version number and then try the command again.` {
		t.Errorf("message: %v", err)
	}
}

func errorID(err error) string {
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return pe.Record.ErrorID
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestUndefinedVariable(t *testing.T) {
	t.Parallel()
	x := &syntax.VariableExpr{Name: "nosuch"}
	for _, tc := range []struct {
		level    int
		inString bool
		scope    string
		bare     string
		want     string
	}{
		{0, false, "", "nosuch", ""},
		{1, false, "", "nosuch", "VariableIsUndefined"},
		{1, true, "", "nosuch", ""},
		{2, true, "", "nosuch", "VariableIsUndefined"},
		{3, false, "script", "nosuch", "VariableIsUndefined"},
		{3, false, "env", "nosuch", ""},
		{3, false, "", "PSItem", ""},
	} {
		if got := errorID(strict.UndefinedVariable(tc.level, tc.inString, x, tc.scope, tc.bare)); got != tc.want {
			t.Errorf("%+v: got %q", tc, got)
		}
	}
}

func TestMember(t *testing.T) {
	t.Parallel()
	has := func(target any, name string) bool { return name == "Known" }
	h := object.NewHashtable()
	h.Set("k", 1)
	for _, tc := range []struct {
		level  int
		target any
		name   string
		want   string
	}{
		{1, nil, "x", ""},
		{2, nil, "x", "PropertyNotFoundStrict"},
		{2, "abc", "Length", ""},
		{2, "abc", "Nope", "PropertyNotFoundStrict"},
		{2, "abc", "Known", ""},
		{2, h, "k", ""},
		{2, h, "Count", ""},
		{2, h, "z", "PropertyNotFoundStrict"},
		{2, []any{}, "Count", ""},
		{2, []any{}, "Known", "PropertyNotFoundStrict"},
		{2, []any{"a", "b"}, "Known", ""},
		{2, []any{"a", nil}, "Known", "PropertyNotFoundStrict"},
		{3, 5, "psobject", ""},
	} {
		if got := errorID(strict.Member(tc.level, tc.target, tc.name, syntax.Extent{}, has)); got != tc.want {
			t.Errorf("Member(%d, %#v, %s) = %q, want %q", tc.level, tc.target, tc.name, got, tc.want)
		}
	}
}

func TestIndex(t *testing.T) {
	t.Parallel()
	if strict.Index(2, syntax.Extent{}, true) != nil {
		t.Error("version 2 allows an index out of range")
	}
	if got := errorID(strict.Index(3, syntax.Extent{}, true)); got != "System.ArgumentOutOfRangeException" {
		t.Errorf("list: %q", got)
	}
	if got := errorID(strict.Index(3, syntax.Extent{}, false)); got != "System.IndexOutOfRangeException" {
		t.Errorf("array: %q", got)
	}
}

func TestMethodCall(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		level int
		text  string
		want  string
	}{
		{2, "f(1,2)", "StrictModeFunctionCallWithParens"},
		{1, "f(1,2)", ""},
		{2, "f (1,2)", ""},
		{2, "f(1)", ""},
		{2, "f 1 2", ""},
	} {
		sb, errs := parser.ParseString("", tc.text)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var ce *syntax.CommandExpr
		syntax.Inspect(sb, func(n syntax.Node) bool {
			if c, ok := n.(*syntax.CommandExpr); ok && ce == nil {
				ce = c
			}
			return true
		})
		if got := errorID(strict.MethodCall(tc.level, ce)); got != tc.want {
			t.Errorf("%d %q: got %q", tc.level, tc.text, got)
		}
	}
}
