package ops_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
)

// session keeps $Matches and a pattern cache; no value orders itself.
type session struct {
	matches *object.Hashtable
	cache   ops.Regexes
}

func (s *session) Text(v any) string { return object.ToInvariantString(v) }
func (s *session) Regex(p string, cs bool) (*regexengine.Regexp, error) {
	return s.cache.Compile(p, cs)
}
func (s *session) SetMatches(m *object.Hashtable)       { s.matches = m }
func (s *session) CompareTo(any, any) (int, bool, bool) { return 0, false, false }

func TestOperators(t *testing.T) {
	t.Parallel()
	s := &session{}
	apply := func(op string, l, r any) (any, error) {
		cop, ok := ops.ParseCompareOp(op)
		if !ok {
			return ops.Arith(s, op, l, r)
		}
		return ops.Apply(s, cop, l, r)
	}
	for _, tc := range []struct {
		op   string
		l, r any
		want any
	}{
		{"+", "a", 1, "a1"},
		{"+", 1, "2", 3},
		{"*", "ab", 2, "abab"},
		{"+", []any{1}, 2, []any{1, 2}},
		{"-eq", "ABC", "abc", true},
		{"-ceq", "ABC", "abc", false},
		{"-eq", 1, "1", true},
		{"-gt", "b", "A", true},
		{"-like", "hello", "h*o", true},
		{"-contains", []any{1, 2}, "2", true},
		{"-in", "x", []any{"y"}, false},
		{"-eq", []any{1, 2, 1}, 1, []any{1, 1}},
	} {
		got, err := apply(tc.op, tc.l, tc.r)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v %s %v = %#v (%v), want %#v", tc.l, tc.op, tc.r, got, err, tc.want)
		}
	}
	if ok, err := apply("-match", "abc123", `\d+`); ok != true || err != nil {
		t.Fatalf("-match: %v %v", ok, err)
	}
	if v, _ := s.matches.Get(0); v != "123" {
		t.Errorf("$Matches[0] = %v", v)
	}
	if _, err := ops.Arith(s, "/", 1, 0); !errors.Is(err, ops.ErrDivideByZero) {
		t.Errorf("1/0: %v", err)
	}
	var e *ops.Error
	if _, err := ops.Compare(s, 1, "x", false); !errors.As(err, &e) {
		t.Errorf("1 -lt 'x' compares: %v", err)
	}
	if _, err := s.cache.Compile("(", false); !errors.As(err, &e) || e.Msg != "The regular expression pattern ( is not valid." {
		t.Errorf("bad pattern: %v", err)
	}
}
