package members_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Each failure of a member call becomes the record PowerShell writes:
// its message, error ID and exception type.
func TestCallError(t *testing.T) {
	t.Parallel()
	raised := pserror.InvalidOperation(syntax.Extent{}, "already raised", "Raised")
	tests := []struct {
		name      string
		err       error
		msg, id   string
		exception string
		inner     string
	}{
		{"thrown", &dotnet.MethodException{Msg: "Value cannot be null."}, `Exception calling "Sub" with "2" argument(s): "Value cannot be null."`, "ArgumentNullException", "MethodInvocationException", "System.ArgumentNullException"},
		{"typed", &dotnet.TypedException{Type: "System.ArgumentException", Msg: "bad"}, `Exception calling "Sub" with "2" argument(s): "bad"`, "ArgumentException", "MethodInvocationException", "System.ArgumentException"},
		{"not found", &dotnet.MethodNotFound{TypeName: "System.String", Name: "Sub"}, "Method invocation failed because [System.String] does not contain a method named 'Sub'.", "MethodNotFound", "RuntimeException", ""},
		{"overload", &dotnet.MethodBindError{Msg: "no overload", ID: "MethodCountCouldNotFindBest"}, "no overload", "MethodCountCouldNotFindBest", "MethodException", ""},
		{"refused", dotnet.NotSupported("doing %s", "that"), "", "ExosimNotSupported", "NotSupportedException", ""},
		{"cast", &dotnet.ConversionError{Msg: `Cannot convert value "x" to type "System.Int32".`}, `Cannot convert value "x" to type "System.Int32".`, "InvalidCastFromStringToInteger", "PSInvalidCastException", ""},
		{"operator", &ops.Error{Msg: "op failed"}, "op failed", "RuntimeException", "RuntimeException", ""},
		{"memory", &memlimit.OutOfMemoryError{}, "", "OutOfMemoryException", "MethodInvocationException", ""},
		{"other", errors.New("odd"), "odd", "MethodInvocationException", "MethodInvocationException", ""},
		{"raised", raised, "already raised", "Raised", "RuntimeException", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var pe *pserror.Error
			if !errors.As(members.CallError(tc.err, syntax.Extent{}, "Sub", 2), &pe) {
				t.Fatalf("not a PowerShell error")
			}
			r := pe.Record
			if tc.msg != "" && r.Message != tc.msg {
				t.Errorf("message %q, want %q", r.Message, tc.msg)
			}
			if r.ErrorID != tc.id || r.ExceptionType != tc.exception {
				t.Errorf("id %q exception %q, want %q %q", r.ErrorID, r.ExceptionType, tc.id, tc.exception)
			}
			if r.InnerException != tc.inner {
				t.Errorf("inner %q, want %q", r.InnerException, tc.inner)
			}
		})
	}
	if members.CallError(raised, syntax.Extent{}, "Sub", 2) != error(raised) {
		t.Error("an error already raised is not passed unchanged")
	}
}
