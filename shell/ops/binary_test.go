package ops_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/textops"
)

// interp is session with the range operator; it has no .NET host and
// no text operators.
type interp struct{ session }

func (*interp) Dotnet() dotnet.Host         { return nil }
func (*interp) TextOps() textops.Session    { return nil }
func (*interp) Range(l, r any) (any, error) { return []any{l, r}, nil }

// Binary dispatches each operator: arithmetic, comparisons, the bitwise
// operators widening to the larger operand, -xor, the range; an operator
// it does not know and a non-type operand of -is are PowerShell's errors.
func TestBinary(t *testing.T) {
	t.Parallel()
	in := &interp{}
	for _, tc := range []struct {
		op   string
		l, r any
		want any
	}{
		{"+", 1, 2, 3},
		{"-eq", "a", "A", true},
		{"-band", 6, 3, 2},
		{"-bor", 4, int64(1), int64(5)},
		{"-bxor", 5, 1, 4},
		{"-shl", 1, 4, 16},
		{"-shr", 16, 2, 4},
		{"-xor", true, false, true},
		{"..", 1, 3, []any{1, 3}},
	} {
		got, err := ops.Binary(in, tc.op, tc.l, tc.r)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v %s %v = %#v (%v), want %#v", tc.l, tc.op, tc.r, got, err, tc.want)
		}
	}
	for op, want := range map[string]string{
		"-nope": "The operator '-nope' is not supported.",
		"-is":   "The right operand of '-is' or '-as' must be a type.",
		"-band": `Cannot convert value "x" to type "System.Int32".`,
	} {
		_, err := ops.Binary(in, op, 1, 1.5i)
		if op == "-band" {
			_, err = ops.Binary(in, op, 1, "x")
		}
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %v, want %q", op, err, want)
		}
	}
}

// An operator's failure is the RuntimeException PowerShell reports, its
// error ID naming the kind of failure.
func TestFailure(t *testing.T) {
	t.Parallel()
	raised := pserror.InvalidOperation(syntax.Extent{}, "raised", "Raised")
	for _, tc := range []struct {
		err     error
		id      string
		cat     object.ErrorCategory
		inner   string
		sameErr bool
	}{
		{ops.ErrDivideByZero, "RuntimeException", object.NotSpecified, "System.DivideByZeroException", false},
		{&ops.Error{Msg: `Cannot convert value "x" to type "System.Int32".`}, "InvalidCastFromStringToInteger", object.InvalidArgument, "", false},
		{&ops.Error{Msg: "Could not compare \"a\" to \"1\"."}, "ComparisonFailure", object.NotSpecified, "", false},
		{&ops.Error{Msg: "A hash table can only be added to another hash table."}, "AddHashTableToNonHashTable", object.InvalidOperation, "", false},
		{&ops.Error{Msg: "Method invocation failed because [x] does not contain a method named 'op_Addition'."}, "MethodNotFound", object.InvalidOperation, "", false},
		{&textops.Error{Msg: "bad format", ID: "FormatError"}, "FormatError", object.InvalidOperation, "", false},
		{&ops.Error{Msg: "other"}, "OperatorFailed", object.InvalidOperation, "", false},
		{memlimit.ErrOutOfMemory, "System.OutOfMemoryException", object.OperationStopped, "", false},
		{raised, "Raised", object.InvalidOperation, "", true},
	} {
		got := ops.Failure(syntax.Extent{}, tc.err)
		pe, ok := got.(*pserror.Error)
		if !ok {
			t.Errorf("%v: %T, not a PowerShell error", tc.err, got)
			continue
		}
		r := pe.Record
		if r.ErrorID != tc.id || r.Category != tc.cat || r.InnerException != tc.inner {
			t.Errorf("%v: %s %v %q, want %s %v %q", tc.err, r.ErrorID, r.Category, r.InnerException, tc.id, tc.cat, tc.inner)
		}
		if tc.sameErr && got != error(raised) {
			t.Errorf("%v: not passed unchanged", tc.err)
		}
	}
}

// Unary applies the prefix operators; a sign on text that is no number
// is the cast's error.
func TestUnary(t *testing.T) {
	t.Parallel()
	in := &interp{}
	for _, tc := range []struct {
		op   string
		v    any
		want any
	}{
		{"-not", 0, true},
		{"!", "x", false},
		{"-", 5, -5},
		{"+", "7", 7},
		{"-bnot", 0, -1},
		{",", 1, []any{1}},
	} {
		got, err := ops.Unary(in, tc.op, tc.v, syntax.Extent{})
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %v = %#v (%v), want %#v", tc.op, tc.v, got, err, tc.want)
		}
	}
	_, err := ops.Unary(in, "-", "abc", syntax.Extent{})
	var pe *pserror.Error
	if !errors.As(err, &pe) || pe.Record.ErrorID != "InvalidCastFromStringToInteger" {
		t.Errorf("-'abc': %v", err)
	}
}
