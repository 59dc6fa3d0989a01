package numeric

import (
	"fmt"
	"math"
	"testing"

	"github.com/exosim/exosim/shell/object"
)

// TestArithIntegerTypes checks the operation type PowerShell 7.4 picks for
// the small and unsigned integers (Binders.cs BinaryNumericOp, NumericOps.cs).
func TestArithIntegerTypes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		op   string
		a, b any
		want string
	}{
		{"+", uint8(1), uint8(2), "System.Int32 3"},
		{"+", uint8(255), uint8(1), "System.Int32 256"},
		{"*", int16(300), int16(300), "System.Int32 90000"},
		{"-", int8(-128), int8(1), "System.Int32 -129"},
		{"+", uint32(5), 1, "System.UInt32 6"},
		{"+", uint32(5), -1, "System.Int64 4"},
		{"+", uint32(5), uint8(1), "System.UInt32 6"},
		{"-", uint32(1), uint32(2), "System.Double -1"},
		{"+", uint32(math.MaxUint32), 1, "System.Double 4294967296"},
		{"*", uint32(4000000000), 2, "System.Double 8000000000"},
		{"+", uint32(1), int64(1), "System.Int64 2"},
		{"+", uint64(math.MaxUint64), 0, "System.UInt64 18446744073709551615"},
		{"+", uint64(math.MaxUint64), 1, "System.Double 1.84467440737096E+19"},
		{"+", uint64(5), -1, "System.Decimal 4"},
		{"*", int64(math.MinInt64), uint64(math.MaxUint64), "System.Double -1.70141183460469E+38"},
		{"/", uint64(10), uint64(5), "System.UInt64 2"},
		{"/", uint64(10), uint64(4), "System.Double 2.5"},
		{"%", uint64(10), 3, "System.UInt64 1"},
		{"/", uint8(7), uint8(7), "System.Int32 1"},
		{"+", uint8(1), 1.5, "System.Double 2.5"},
		{"+", uint64(1), object.DecimalFromInt(1), "System.Decimal 2"},
	}
	for _, c := range cases {
		v, err := Arith(c.op, c.a, c.b)
		if got := object.TypeName(v) + " " + object.ToInvariantString(v); err != nil || got != c.want {
			t.Errorf("%T(%v) %s %T(%v) = %s, %v; want %s", c.a, c.a, c.op, c.b, c.b, got, err, c.want)
		}
	}
	if _, err := Arith("%", uint32(1), uint8(0)); err != ErrDivideByZero {
		t.Errorf("[uint32]1 %% [byte]0: %v; want the divide-by-zero error", err)
	}
}

func TestBitwiseIntegerTypes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		op   string
		a, b any
		want string
	}{
		{"-band", uint8(255), uint8(15), "System.Int32 15"},
		{"-bor", uint32(1), 2, "System.UInt32 3"},
		{"-bor", uint32(1), -1, "System.UInt32 4294967295"},
		{"-bxor", uint64(1), 3, "System.UInt64 2"},
		{"-band", int64(6), 3, "System.Int64 2"},
		{"-shl", uint8(1), 9, "System.Byte 0"},
		{"-shl", uint8(255), 1, "System.Byte 254"},
		{"-shl", 1, 31, "System.Int32 -2147483648"},
		{"-shl", 1, 32, "System.Int32 1"},
		{"-shl", int64(1), 32, "System.Int64 4294967296"},
		{"-shr", int16(-4), 1, "System.Int16 -2"},
		{"-shr", uint64(math.MaxUint64), 60, "System.UInt64 15"},
	}
	for _, c := range cases {
		v := Bitwise(c.op, c.a, c.b)
		if got := object.TypeName(v) + " " + object.ToInvariantString(v); got != c.want {
			t.Errorf("%T(%v) %s %v = %s; want %s", c.a, c.a, c.op, c.b, got, c.want)
		}
	}
	for _, c := range []struct {
		in   any
		want string
	}{
		{uint8(0), "System.Int32 -1"},
		{uint32(0), "System.UInt32 4294967295"},
		{uint64(0), "System.UInt64 18446744073709551615"},
		{int16(5), "System.Int32 -6"},
	} {
		v := Complement(c.in)
		if got := object.TypeName(v) + " " + object.ToInvariantString(v); got != c.want {
			t.Errorf("-bnot %T(%v) = %s; want %s", c.in, c.in, got, c.want)
		}
	}
}

func TestCompareIntegerTypes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b any
		want int
	}{
		{uint64(math.MaxUint64), int64(math.MaxInt64), 1},
		{int8(-1), uint8(0), -1},
		{uint8(1), 1, 0},
		{uint64(math.MaxUint64), uint64(math.MaxUint64), 0},
		{uint64(math.MaxUint64), -1, 1},
		{uint32(3), 2.5, 1},
	}
	for _, c := range cases {
		if got := Compare(c.a, c.b); got != c.want {
			t.Errorf("Compare(%T(%v), %T(%v)) = %d; want %d", c.a, c.a, c.b, c.b, got, c.want)
		}
	}
}

func TestIntegerOverload(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args []any
		want string
	}{
		{[]any{uint8(1), uint8(2)}, "System.Byte"},
		{[]any{uint8(1), int8(2)}, "System.Int16"},
		{[]any{uint8(1), 2}, "System.Int32"},
		{[]any{uint32(1), 2}, "System.Int64"},
		{[]any{uint32(1), uint16(2)}, "System.UInt32"},
		{[]any{uint64(1), uint8(2)}, "System.UInt64"},
		{[]any{uint64(1), 2}, ""},
		{[]any{uint8(1), 2.5}, ""},
	}
	for _, c := range cases {
		if got := IntegerOverload(c.args...); got != c.want {
			t.Errorf("IntegerOverload(%s) = %q; want %q", fmt.Sprintf("%T", c.args), got, c.want)
		}
	}
}
