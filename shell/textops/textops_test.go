package textops_test

import (
	"errors"
	"reflect"
	"regexp"
	"testing"

	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/textops"
)

// session is a session without an interpreter: invariant text, no
// script blocks.
type session struct{}

func (session) Text(v any) string                   { return object.ToInvariantString(v) }
func (session) ScriptBlock(any) (any, bool)         { return nil, false }
func (session) Invoke(any, any, []any) (any, error) { return nil, nil }
func (session) Regex(p string, cs bool) (*regexengine.Regexp, error) {
	if !cs {
		p = "(?i)" + p
	}
	return goRegex(p)
}

func TestOperators(t *testing.T) {
	t.Parallel()
	s := session{}
	for _, tc := range []struct {
		name string
		got  func() (any, error)
		want any
	}{
		{"split", func() (any, error) { return textops.Split(s, "a,b,,c", ",", false, false) }, []any{"a", "b", "", "c"}},
		{"split limit", func() (any, error) { return textops.Split(s, "a,b,c", []any{",", 2}, false, false) }, []any{"a", "b,c"}},
		{"split from the end", func() (any, error) { return textops.Split(s, "a,b,c", []any{",", -2}, false, false) }, []any{"a,b", "c"}},
		{"split simple match", func() (any, error) { return textops.Split(s, "a.b", []any{".", 0, "SimpleMatch"}, false, false) }, []any{"a", "b"}},
		{"unary split", func() (any, error) { return textops.Split(s, "  a  b ", nil, false, true) }, []any{"a", "b"}},
		{"split keeps groups", func() (any, error) { return textops.Split(s, "a1b", "(\\d)", false, false) }, []any{"a", "1", "b"}},
		{"replace", func() (any, error) { return textops.Replace(s, "John Smith", []any{`(\w+) (\w+)`, `$2, $1`}, false) }, "Smith, John"},
		{"replace case", func() (any, error) { return textops.Replace(s, "aA", []any{"a", "x"}, true) }, "xA"},
		{"replace each", func() (any, error) { return textops.Replace(s, []any{"ab", "cb"}, "b", false) }, []any{"a", "c"}},
		{"format", func() (any, error) { return textops.Format(s, "{0}-{1}", []any{1, "x"}) }, "1-x"},
	} {
		got, err := tc.got()
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s = %#v (%v), want %#v", tc.name, got, err, tc.want)
		}
	}
	if j, err := textops.Join(s, []any{1, 2, 3}, "+"); err != nil || j != "1+2+3" {
		t.Errorf("join = %q %v", j, err)
	}
}

func TestErrorIDs(t *testing.T) {
	t.Parallel()
	s := session{}
	for _, tc := range []struct {
		name string
		err  error
		id   string
	}{
		{"format", second(textops.Format(s, "{0", 1)), "FormatError"},
		{"bad option", second(textops.Split(s, "a", []any{",", 0, "Nope"}, false, false)), "InvalidCastEnumStringNotFound"},
		{"options with simple match", second(textops.Split(s, "a", []any{",", 0, "SimpleMatch,Multiline"}, false, false)), "InvalidSplitOptionCombination"},
		{"replace with three", second(textops.Replace(s, "a", []any{"a", "b", "c"}, false)), "BadReplaceArgument"},
	} {
		var e *textops.Error
		if !errors.As(tc.err, &e) || e.ID != tc.id {
			t.Errorf("%s: %v, want ID %s", tc.name, tc.err, tc.id)
		}
	}
}

func second(_ any, err error) error { return err }

func goRegex(p string) (*regexengine.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	return regexengine.FromGo(re, p, 0), nil
}
