package number_test

import (
	"testing"

	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/object"
)

// TestToNarrowInt checks casts to the small and unsigned integer types
// (LanguagePrimitives.ConvertStringToInteger: the literal scanner, then
// .NET's type converter, which reads hex as the type's own bits).
func TestToNarrowInt(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   any
		typ  string
		want string // type and value, or the error text
	}{
		{5, "System.Byte", "System.Byte 5"},
		{2.5, "System.Byte", "System.Byte 2"},
		{3.5, "System.Byte", "System.Byte 4"},
		{-2.5, "System.SByte", "System.SByte -2"},
		{nil, "System.UInt16", "System.UInt16 0"},
		{"18446744073709551615", "System.UInt64", "System.UInt64 18446744073709551615"},
		{"0xFFFFFFFF", "System.UInt32", "System.UInt32 4294967295"},
		{"0xFF", "System.SByte", "System.SByte -1"},
		{"#FF", "System.Byte", "System.Byte 255"},
		{"&hFFFF", "System.Int16", "System.Int16 -1"},
		{"5us", "System.UInt16", "System.UInt16 5"},
		{object.Char('A'), "System.Byte", "System.Byte 65"},
		{uint64(1 << 63), "System.UInt64", "System.UInt64 9223372036854775808"},
		{300, "System.Byte", `Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."`},
		{-1, "System.UInt64", `Cannot convert value "-1" to type "System.UInt64". Error: "Value was either too large or too small for a UInt64."`},
		{"0x1FF", "System.Byte", `Cannot convert value "0x1FF" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."`},
		{"abc", "System.UInt32", `Cannot convert value "abc" to type "System.UInt32". Error: "The input string 'abc' was not in a correct format."`},
		{1e300, "System.Int16", `Cannot convert value "1E+300" to type "System.Int16". Error: "Value was either too large or too small for an Int16."`},
	}
	for _, c := range cases {
		v, err := number.ToNarrowInt(c.in, c.typ)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = object.TypeName(v) + " " + object.ToInvariantString(v)
		}
		if got != c.want {
			t.Errorf("[%s]%#v = %s; want %s", c.typ, c.in, got, c.want)
		}
	}
}
