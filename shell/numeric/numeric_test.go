package numeric

import (
	"fmt"
	"testing"
)

func TestArith(t *testing.T) {
	t.Parallel()
	cases := []struct {
		op   string
		a, b any
		want string
	}{
		{"+", 1, 2, "int 3"},
		{"+", 2147483647, 1, "float64 2.147483648e+09"},
		{"*", int64(3), 2, "int64 6"},
		{"/", 7, 2, "float64 3.5"},
		{"/", 6, 3, "int 2"},
		{"%", 7, 3, "int 1"},
		{"-", 1.5, 1, "float64 0.5"},
	}
	for _, c := range cases {
		v, err := Arith(c.op, c.a, c.b)
		if got := fmt.Sprintf("%T %v", v, v); err != nil || got != c.want {
			t.Errorf("%v %s %v = %s, %v; want %s", c.a, c.op, c.b, got, err, c.want)
		}
	}
	if _, err := Arith("/", 1, 0); err != ErrDivideByZero {
		t.Errorf("1/0: %v; want the divide-by-zero error", err)
	}
}

func TestToNumber(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   any
		want string
		ok   bool
	}{
		{" 42 ", "int 42", true},
		{"0x10", "int 16", true},
		{"1kb", "int 1024", true},
		{"1e3", "float64 1000", true},
		{"abc", "<nil> <nil>", false},
		{true, "int 1", true},
		{nil, "int 0", true},
	}
	for _, c := range cases {
		v, ok := ToNumber(c.in)
		if got := fmt.Sprintf("%T %v", v, v); ok != c.ok || got != c.want {
			t.Errorf("ToNumber(%#v) = %s, %v; want %s, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if _, ok := ToNumberStrict(" "); ok {
		t.Error("a blank string is no number for a comparison")
	}
	if Compare(2, 10.5) >= 0 || Compare(int64(5), 5) != 0 {
		t.Error("Compare orders across kinds")
	}
}
