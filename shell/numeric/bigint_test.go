package numeric

import (
	"fmt"
	"math"
	"testing"

	"github.com/exosim/exosim/shell/object"
)

func TestBigArith(t *testing.T) {
	t.Parallel()
	n := object.BigIntFromInt64
	cases := []struct {
		op   string
		a, b any
		want string
	}{
		{"+", n(1), 2, "object.BigInt 3"},
		{"+", 2, n(1), "object.BigInt 3"},
		{"*", n(1), 1.99, "object.BigInt 1"},
		{"*", 5, n(2), "object.BigInt 10"},
		{"/", n(7), 2, "object.BigInt 3"},
		{"/", n(-7), 2, "object.BigInt -3"},
		{"%", n(-7), 3, "object.BigInt -1"},
		{"+", object.DecimalFromInt(2), n(1), "object.BigInt 3"},
		{"*", int64(math.MaxInt64), n(4), "object.BigInt 36893488147419103228"},
		{"-", uint64(math.MaxUint64), n(-1), "object.BigInt 18446744073709551616"},
	}
	for _, c := range cases {
		v, err := Arith(c.op, c.a, c.b)
		if got := fmt.Sprintf("%T %v", v, v); err != nil || got != c.want {
			t.Errorf("%v %s %v = %s, %v; want %s", c.a, c.op, c.b, got, err, c.want)
		}
	}
	if _, err := Arith("%", n(1), 0); err != ErrDivideByZero {
		t.Errorf("1n %% 0: %v; want the divide-by-zero error", err)
	}
	if _, err := Arith("+", n(1), math.Inf(1)); err != ErrBigInfinity {
		t.Errorf("1n + infinity: %v; want %v", err, ErrBigInfinity)
	}
}

func TestBigCompare(t *testing.T) {
	t.Parallel()
	n := object.BigIntFromInt64
	cases := []struct {
		a, b any
		want int
	}{
		{n(1), 1, 0},
		{1, n(1), 0},
		{n(1), 1.5, 0}, // the Double converts to the left BigInteger
		{1.5, n(1), 1}, // the BigInteger converts to the left Double
		{n(2), 1.5, 1},
		{uint64(math.MaxUint64), n(-1), 1},
		{object.DecimalFromInt(5), n(6), -1},
	}
	for _, c := range cases {
		if got := Compare(c.a, c.b); got != c.want {
			t.Errorf("Compare(%v, %v) = %d; want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestBigBitwise(t *testing.T) {
	t.Parallel()
	n := object.BigIntFromInt64
	cases := []struct {
		op   string
		a, b any
		want string
	}{
		{"-band", n(-1), 255, "255"},
		{"-bor", n(8), 1, "9"},
		{"-bxor", n(-1), n(1), "-2"},
		{"-shl", n(1), 70, "1180591620717411303424"},
		{"-shr", n(-8), 1, "-4"},
	}
	for _, c := range cases {
		v, err := BigBitwise(c.op, c.a, c.b)
		if err != nil || fmt.Sprint(v) != c.want {
			t.Errorf("%v %s %v = %v, %v; want %s", c.a, c.op, c.b, v, err, c.want)
		}
	}
}
