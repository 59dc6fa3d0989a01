package params_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// convSession converts numbers only; it knows no dates, switches or
// script blocks.
type convSession struct{}

func (convSession) Text(v any) string { return object.ToInvariantString(v) }
func (convSession) ToInt(v any, _ string) (any, error) {
	if n, ok := numeric.ToNumber(v); ok {
		return int(numeric.Int64(n)), nil
	}
	return nil, errors.New("not a number")
}
func (convSession) ToDouble(v any) (any, error)       { return nil, errors.New("no") }
func (convSession) ToDateTime(any) (time.Time, error) { return time.Time{}, errors.New("no") }
func (convSession) ToTimeSpan(any) (any, error)       { return nil, errors.New("no") }
func (convSession) Switch(any) (bool, bool)           { return false, false }
func (convSession) ScriptBlock(any) bool              { return false }

func TestConvert(t *testing.T) {
	t.Parallel()
	color := params.DotNetEnumType("ConsoleColor", "System.ConsoleColor", "Black", "DarkBlue", "DarkGreen")
	kinds := &params.Type{Kind: params.KindEnum, Name: "Kinds", FullName: "Kinds", Values: []string{"Room", "Shared", "User"}, Flags: true}
	badKinds := "Cannot validate argument on parameter 'Kinds'. The argument \"User,Foo\" does not belong to the set \"Room,Shared,User\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
	for _, tc := range []struct {
		p       *params.Param
		v       any
		fn      bool
		want    any
		failID  string
		failMsg string
	}{
		{params.P("Name", params.TString), 5, false, "5", "", ""},
		{params.P("Name", params.TStrings), []any{1, "a"}, false, []any{"1", "a"}, "", ""},
		{params.P("Name", params.TString, params.Mandatory()), "", false, nil, "ParameterArgumentValidationErrorEmptyStringNotAllowed",
			"Cannot bind argument to parameter 'Name' because it is an empty string."},
		{params.P("Count", params.TInt, params.Range(1, 5)), 9, false, nil, "ParameterArgumentValidationError",
			"Cannot validate argument on parameter 'Count'. The 9 argument is greater than the maximum allowed range of 5. Supply an argument that is less than or equal to 5 and then try the command again."},
		{params.P("Count", params.TInt), "x", true, nil, "ParameterArgumentTransformationError",
			"Cannot process argument transformation on parameter 'Count'. not a number"},
		{params.P("Count", params.TInt), "x", false, nil, "CannotConvertArgumentNoMessage", "Cannot bind parameter 'Count'. not a number"},
		{params.P("Color", color), "darkb", false, "DarkBlue", "", ""},
		{params.P("Color", color), 2, false, "DarkGreen", "", ""},
		{params.P("Flag", params.TBool), 1, false, true, "", ""},
		{params.P("Kinds", kinds), " user , ROOM", false, "Room, User", "", ""},
		{params.P("Kinds", kinds), "shared", false, "Shared", "", ""},
		{params.P("Kinds", kinds), "User,Foo", false, nil, "ParameterArgumentValidationError", badKinds},
		{params.P("Kinds", kinds), "User,", false, nil, "ParameterArgumentValidationError", strings.Replace(badKinds, "User,Foo", "User,", 1)},
		{params.P("Name", params.TString), []any{"a", "b"}, false, nil, "CannotConvertArgument",
			"Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Name'. Specified method is not supported."},
	} {
		got, f := params.Convert(convSession{}, tc.p, tc.v, tc.fn)
		switch {
		case tc.failID != "" && (f == nil || f.ID != tc.failID || f.Msg != tc.failMsg):
			t.Errorf("%s <- %v: %+v, want %s %q", tc.p.Name, tc.v, f, tc.failID, tc.failMsg)
		case tc.failID == "" && (f != nil || object.ToInvariantString(got) != object.ToInvariantString(tc.want)):
			t.Errorf("%s <- %v = %v (%+v), want %v", tc.p.Name, tc.v, got, f, tc.want)
		}
	}
}

func TestFlagNames(t *testing.T) {
	t.Parallel()
	got := params.FlagNames([]string{"UserMailbox, SharedMailbox", " RoomMailbox ", "a,,b"})
	want := []string{"UserMailbox", "SharedMailbox", "RoomMailbox", "a", "b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("FlagNames = %q, want %q", got, want)
	}
}
