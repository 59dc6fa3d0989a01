package flow_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
)

// fakeInterp is a session that knows just enough to run a switch: the
// condition is a fixed value, a clause body writes "tag:$_" for each
// string it holds, and break and continue are two sentinel errors.
type fakeInterp struct {
	cond  any
	vars  map[string]any
	files *fsys.Namespace
}

func (f *fakeInterp) Ops() ops.Session                                           { return textSession{} }
func (f *fakeInterp) Value(syntax.Statement) (any, error)                        { return f.cond, nil }
func (f *fakeInterp) CheckGrowth() error                                         { return nil }
func (f *fakeInterp) Files() *fsys.Namespace                                     { return f.files }
func (f *fakeInterp) Set(name string, v any)                                     { f.vars[name] = v }
func (f *fakeInterp) ScriptBlockValue(*automation.ScriptBlock, any) (any, error) { return nil, nil }

func (f *fakeInterp) Save(name string) func() {
	old, had := f.vars[name]
	return func() {
		if had {
			f.vars[name] = old
		} else {
			delete(f.vars, name)
		}
	}
}

func (f *fakeInterp) Eval(e syntax.Expr) (any, error) {
	if sc, ok := e.(*syntax.StringConstExpr); ok {
		return sc.Value, nil
	}
	if v, ok := e.(*syntax.VariableExpr); ok && v.Name == "null" {
		return nil, nil
	}
	return nil, fmt.Errorf("fake cannot evaluate %T", e)
}

func (f *fakeInterp) Exec(b *syntax.StatementBlock, out func(any) error) error {
	for _, st := range b.Statements {
		switch st := st.(type) {
		case *syntax.BreakStmt:
			return errBreak
		case *syntax.ContinueStmt:
			return errContinue
		case *syntax.Pipeline:
			tag, err := f.Eval(st.Elements[0].(*syntax.CommandExprElement).Expr)
			if err != nil {
				return err
			}
			if err := out(fmt.Sprintf("%v:%v", tag, f.vars["_"])); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *fakeInterp) Control(err error, label string) (bool, error) {
	switch err {
	case errBreak:
		return true, nil
	case errContinue:
		return false, nil
	}
	return false, err
}

// textSession converts with the invariant culture and compiles patterns
// with Go's engine (the tests' patterns mean the same in both).
type textSession struct{}

func (textSession) Text(v any) string { return object.ToInvariantString(v) }
func (textSession) Regex(p string, cs bool) (*regexp.Regexp, error) {
	if !cs {
		p = "(?i)" + p
	}
	return regexp.Compile(p)
}
func (textSession) SetMatches(*object.Hashtable)         {}
func (textSession) CompareTo(any, any) (int, bool, bool) { return 0, false, false }

func parseSwitch(t *testing.T, text string) *syntax.SwitchStmt {
	t.Helper()
	sb, errs := parser.Parse(syntax.NewSource("", text))
	if errs != nil {
		t.Fatalf("parse %q: %v", text, errs)
	}
	return sb.End.Statements[0].(*syntax.SwitchStmt)
}

func TestSwitch(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, script string
		cond         any
		want         string
	}{
		{"every matching clause runs", `switch ($x) { a { 'one' } A { 'two' } default { 'none' } }`, "a", "one:a two:a"},
		{"default only when nothing matched", `switch ($x) { a { 'one' } default { 'none' } }`, []any{"a", "b"}, "one:a none:b"},
		{"case-sensitive", `switch -CaseSensitive ($x) { A { 'up' } a { 'low' } }`, "a", "low:a"},
		{"wildcard", `switch -Wildcard ($x) { 'a*' { 'w' } '?b' { 'q' } }`, []any{"ab", "xb", "c"}, "w:ab q:ab q:xb"},
		{"regex", `switch -Regex ($x) { '^\d+$' { 'n' } }`, []any{"12", "x1"}, "n:12"},
		{"continue goes to the next value", `switch ($x) { a { 'one'; continue } a { 'two' } }`, []any{"a", "a"}, "one:a one:a"},
		{"break ends the switch", `switch ($x) { a { 'one'; break } default { 'd' } }`, []any{"b", "a", "b"}, "d:b one:a"},
		{"a $null clause matches $null", `switch ($x) { $null { 'n' } }`, nil, "n:<nil>"},
		{"a $null clause matches only $null", `switch ($x) { $null { 'n' } }`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := &fakeInterp{cond: c.cond, vars: map[string]any{"_": "before"}}
			var got []string
			err := flow.Switch(in, parseSwitch(t, c.script), func(v any) error {
				got = append(got, v.(string))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if s := strings.Join(got, " "); s != c.want {
				t.Errorf("output %q, want %q", s, c.want)
			}
			if in.vars["_"] != "before" {
				t.Errorf("$_ after the switch is %v, want it restored", in.vars["_"])
			}
		})
	}
}

// switch -File reads lines as a text reader does: \n, \r\n and \r end a
// line, a byte order mark and a final line break add nothing; a missing
// file is PathNotFound.
func TestSwitchFile(t *testing.T) {
	t.Parallel()
	ns := fsys.New(fsys.Config{})
	if _, err := provider.WriteFile(ns, "l.txt", []byte("\ufeffone\r\ntwo\rthree\n\nfour\n"), false); err != nil {
		t.Fatal(err)
	}
	s := parseSwitch(t, `switch -File $p { default { 'l' } }`)
	in := &fakeInterp{cond: "l.txt", vars: map[string]any{}, files: ns}
	var got []string
	if err := flow.Switch(in, s, func(v any) error { got = append(got, v.(string)); return nil }); err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(got, "|"); s != "l:one|l:two|l:three|l:|l:four" {
		t.Errorf("lines %q", s)
	}
	in.cond = "missing.txt"
	err := flow.Switch(in, s, func(any) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "Cannot find path '/missing.txt' because it does not exist.") {
		t.Errorf("missing file: %v", err)
	}
}
