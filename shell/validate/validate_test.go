package validate_test

import (
	"errors"
	"regexp"
	"testing"

	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/validate"
)

// session is a session without an interpreter: invariant text, numbers
// ordered as numbers, no script blocks.
type session struct{}

func (session) Text(v any) string                           { return object.ToInvariantString(v) }
func (session) ConvertTo(v any, _ string) (any, error)      { return v, nil }
func (session) Script(any) (validate.Script, bool)          { return nil, false }
func (session) RunScript(validate.Script, any) (any, error) { return nil, nil }
func (session) Regex(p string) (*regexengine.Regexp, error) { return goRegex("(?i)" + p) }
func (session) Compare(a, b any) (int, error) {
	x, _ := numeric.ToNumber(a)
	y, _ := numeric.ToNumber(b)
	return numeric.Compare(x, y), nil
}

func TestValidators(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		attr validate.Attribute
		v    any
		want string
	}{
		{validate.Attribute{Name: "ValidateSet", Args: []any{"Red", "Blue"}}, "red", ""},
		{validate.Attribute{Name: "ValidateSet", Args: []any{"Red", "Blue"}}, "Green",
			"The argument \"Green\" does not belong to the set \"Red,Blue\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."},
		{validate.Attribute{Name: "ValidateSet", Args: []any{"Red"}, Named: map[string]any{"ignorecase": false}}, "red",
			"The argument \"red\" does not belong to the set \"Red\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."},
		{validate.Attribute{Name: "ValidateSet", Args: []any{"Red"}, Named: map[string]any{"errormessage": "{0} is not {1}"}}, "x", "x is not Red"},
		{validate.Attribute{Name: "ValidateRange", Args: []any{1, 10}}, 11,
			"The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again."},
		{validate.Attribute{Name: "ValidateRange", Args: []any{"Positive"}}, 0,
			"The argument \"0\" cannot be validated because its value is not greater than zero."},
		{validate.Attribute{Name: "ValidateLength", Args: []any{2, 3}}, "abcd",
			"The character length (4) of the argument is too long. Specify an argument with a length that is shorter than or equal to \"3\", and then try the command again."},
		{validate.Attribute{Name: "ValidateCount", Args: []any{2, 2}}, []any{1},
			"The parameter requires exactly 2 value(s) - 1 value(s) were provided."},
		{validate.Attribute{Name: "ValidateNotNullOrEmpty"}, "", validate.NotNullOrEmpty},
		{validate.Attribute{Name: "ValidateNotNull"}, []any{1, nil},
			"The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again."},
		{validate.Attribute{Name: "ValidatePattern", Args: []any{"^a"}}, []any{"ab", "b"},
			"The argument \"b\" does not match the \"^a\" pattern. Supply an argument that matches \"^a\" and try the command again."},
	} {
		check, err := validate.New(session{}, tc.attr)
		if err != nil || check == nil {
			t.Fatalf("%s: %v", tc.attr.Name, err)
		}
		got, err := check(session{}, tc.v)
		if err != nil || got != tc.want {
			t.Errorf("%s%v on %v:\ngot  %q (%v)\nwant %q", tc.attr.Name, tc.attr.Args, tc.v, got, err, tc.want)
		}
	}
}

func TestNotValidating(t *testing.T) {
	t.Parallel()
	if check, err := validate.New(session{}, validate.Attribute{Name: "SupportsWildcards"}); check != nil || err != nil {
		t.Errorf("SupportsWildcards gave a check (%v)", err)
	}
	_, err := validate.New(session{}, validate.Attribute{Name: "ValidatePattern", Args: []any{"("}})
	var pe *validate.PatternError
	if !errors.As(err, &pe) || pe.Pattern != "(" {
		t.Errorf("a pattern that does not compile: %v", err)
	}
}

func goRegex(p string) (*regexengine.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	return regexengine.FromGo(re, p, 0), nil
}
