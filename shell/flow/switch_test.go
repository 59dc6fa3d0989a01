package flow_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

func parseSwitch(t *testing.T, text string) *syntax.SwitchStmt {
	t.Helper()
	sb, errs := parser.Parse(syntax.NewSource("", text))
	if errs != nil {
		t.Fatalf("parse %q: %v", text, errs)
	}
	return sb.End.Statements[0].(*syntax.SwitchStmt)
}

// run runs a script's statements on in and returns their output.
func run(t *testing.T, in *fakeInterp, text string) string {
	t.Helper()
	sb, errs := parser.Parse(syntax.NewSource("", text))
	if errs != nil {
		t.Fatalf("parse %q: %v", text, errs)
	}
	var got []string
	err := in.Exec(sb.End, func(v any) error {
		got = append(got, fmt.Sprint(v))
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return strings.Join(got, " ")
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
			in := &fakeInterp{vars: map[string]any{"_": "before", "x": c.cond}}
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
	in := &fakeInterp{vars: map[string]any{"p": "l.txt"}, files: ns}
	var got []string
	if err := flow.Switch(in, s, func(v any) error { got = append(got, v.(string)); return nil }); err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(got, "|"); s != "l:one|l:two|l:three|l:|l:four" {
		t.Errorf("lines %q", s)
	}
	in.vars["p"] = "missing.txt"
	err := flow.Switch(in, s, func(any) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "Cannot find path '/missing.txt' because it does not exist.") {
		t.Errorf("missing file: %v", err)
	}
}
