package numeric

import (
	"math"
	"math/big"
	"slices"

	"github.com/exosim/exosim/shell/object"
)

// .NET's TypeCode numbers of the numeric types: PowerShell picks the
// type of an arithmetic or bitwise operation as the larger of its
// operands' codes.
const (
	tcSByte   = 5
	tcByte    = 6
	tcInt16   = 7
	tcUInt16  = 8
	tcInt32   = 9
	tcUInt32  = 10
	tcInt64   = 11
	tcUInt64  = 12
	tcSingle  = 13
	tcDouble  = 14
	tcDecimal = 15
)

// typeCode is the TypeCode of a number ToNumber returned.
func typeCode(v any) int {
	switch v.(type) {
	case int:
		return tcInt32
	case int64:
		return tcInt64
	case int8:
		return tcSByte
	case uint8:
		return tcByte
	case int16:
		return tcInt16
	case uint16:
		return tcUInt16
	case uint32:
		return tcUInt32
	case uint64:
		return tcUInt64
	case float32:
		return tcSingle
	case object.Decimal:
		return tcDecimal
	}
	return tcDouble
}

// opType is the type PowerShell computes two integers in: Int32 for the
// types up to Int32; for UInt32 and UInt64, the unsigned type when no
// signed operand is negative, else Int64 and Decimal; else the wider.
func opType(a, b any) int {
	t := max(typeCode(a), typeCode(b))
	switch {
	case t <= tcInt32:
		return tcInt32
	case t == tcUInt32 || t == tcUInt64:
		if Int64(a) < 0 && typeCode(a) != tcUInt64 || Int64(b) < 0 && typeCode(b) != tcUInt64 {
			if t == tcUInt32 {
				return tcInt64
			}
			return tcDecimal
		}
	}
	return t
}

// bigInt is an integer of any of the integer types as a big.Int.
func bigInt(v any) *big.Int {
	if u, ok := v.(uint64); ok {
		return new(big.Int).SetUint64(u)
	}
	return big.NewInt(Int64(v))
}

// unsignedArith applies + - * / % in the operation type t (UInt32,
// UInt64 or, for a UInt64 and a negative signed operand, Decimal): the
// exact result when it fits t, else the result as a Double. / keeps t
// when it divides evenly and gives a Double otherwise.
func unsignedArith(op string, a, b any, t int) (any, error) {
	if t == tcDecimal {
		r, err := Arith(op, Decimal(a), Decimal(b))
		if d, ok := r.(object.Decimal); ok && err == nil && new(big.Rat).Abs(d.Rat()).Cmp(decimalMax()) > 0 {
			// beyond Decimal: PowerShell computes it again in Double
			return Arith(op, Float(a), Float(b))
		}
		return r, err
	}
	x, y := bigInt(a), bigInt(b)
	r := new(big.Int)
	switch op {
	case "+":
		r.Add(x, y)
	case "-":
		r.Sub(x, y)
	case "*":
		r.Mul(x, y)
	case "/", "%":
		if y.Sign() == 0 {
			return nil, ErrDivideByZero
		}
		q, m := new(big.Int).QuoRem(x, y, new(big.Int))
		if op == "%" {
			r = m
		} else if m.Sign() != 0 {
			return Float(a) / Float(b), nil
		} else {
			r = q
		}
	default:
		return Arith(op, Float(a), Float(b))
	}
	if v, ok := fitInteger(r, t); ok {
		return v, nil
	}
	f, _ := new(big.Float).SetInt(r).Float64()
	return f, nil
}

// decimalMax is Decimal's largest value.
func decimalMax() *big.Rat {
	r, _ := new(big.Rat).SetString("79228162514264337593543950335")
	return r
}

// fitInteger is r as a value of the integer type t when it fits.
func fitInteger(r *big.Int, t int) (any, bool) {
	switch t {
	case tcUInt64:
		if r.Sign() >= 0 && r.IsUint64() {
			return r.Uint64(), true
		}
		return nil, false
	case tcUInt32:
		if r.Sign() >= 0 && r.IsUint64() && r.Uint64() <= math.MaxUint32 {
			return uint32(r.Uint64()), true
		}
		return nil, false
	}
	if !r.IsInt64() {
		return nil, false
	}
	n := r.Int64()
	if t == tcInt32 {
		if n < math.MinInt32 || n > math.MaxInt32 {
			return nil, false
		}
		return int(n), true
	}
	return n, true
}

// integerOrder lists the integer types in the order a .NET overload
// prefers them, each with the types it converts to implicitly (C#'s
// implicit numeric conversions among the integers).
var integerOrder = [...]struct {
	code int
	name string
	// from are the type codes that convert to this type implicitly
	// (itself included)
	from []int
}{
	{tcSByte, "System.SByte", []int{tcSByte}},
	{tcByte, "System.Byte", []int{tcByte}},
	{tcInt16, "System.Int16", []int{tcSByte, tcByte, tcInt16}},
	{tcUInt16, "System.UInt16", []int{tcByte, tcUInt16}},
	{tcInt32, "System.Int32", []int{tcSByte, tcByte, tcInt16, tcUInt16, tcInt32}},
	{tcUInt32, "System.UInt32", []int{tcByte, tcUInt16, tcUInt32}},
	{tcInt64, "System.Int64", []int{tcSByte, tcByte, tcInt16, tcUInt16, tcInt32, tcUInt32, tcInt64}},
	{tcUInt64, "System.UInt64", []int{tcByte, tcUInt16, tcUInt32, tcUInt64}},
}

// IntegerOverload is the integer type of the overload .NET picks for a
// method with one overload per integer type (Math.Max, Math.Min,
// Math.DivRem) called with integers of these types: the first type every
// argument converts to implicitly ([byte] and [byte] call the Byte one,
// [byte] and Int32 the Int32 one, UInt32 and Int32 the Int64 one). It is
// "" when an argument is no integer or no integer type takes them all (a
// UInt64 with a signed type).
func IntegerOverload(ns ...any) string {
next:
	for _, t := range integerOrder {
		for _, n := range ns {
			if !object.IsInteger(n) || !slices.Contains(t.from, typeCode(n)) {
				continue next
			}
		}
		return t.name
	}
	return ""
}

// OfIntegerType is n, an integer that fits it, as a value of the named
// integer type.
func OfIntegerType(n any, name string) any {
	i := Int64(n)
	switch name {
	case "System.SByte":
		return int8(i)
	case "System.Byte":
		return uint8(i)
	case "System.Int16":
		return int16(i)
	case "System.UInt16":
		return uint16(i)
	case "System.Int32":
		return int(i)
	case "System.UInt32":
		return uint32(i)
	case "System.UInt64":
		return uint64(i)
	}
	return i
}

// Bitwise applies -band, -bor, -bxor, -shl or -shr to two integers.
// -band, -bor and -bxor work in the wider operand's type, with the types
// below Int32 as Int32 ([byte] -band [byte] is an Int32, UInt32 with
// Int32 a UInt32, anything with a UInt64 a UInt64; a negative operand
// keeps its bits). -shl and -shr keep the left operand's type, shifting
// by the right one's low 5 bits (6 for Int64 and UInt64); -shr of a
// signed type carries the sign.
func Bitwise(op string, a, b any) any {
	x, y := Int64(a), Int64(b)
	switch op {
	case "-shl", "-shr":
		w := object.IntegerBits(a)
		count := uint(y & 31)
		if w == 64 {
			count = uint(y & 63)
		}
		if op == "-shl" {
			return ofCode(x<<count, typeCode(a))
		}
		if u, ok := a.(uint64); ok {
			return u >> count
		}
		return ofCode(x>>count, typeCode(a))
	}
	var r int64
	switch op {
	case "-band":
		r = x & y
	case "-bor":
		r = x | y
	default:
		r = x ^ y
	}
	return ofCode(r, max(typeCode(a), typeCode(b), tcInt32))
}

// Complement is -bnot of an integer: the types below Int32 complement as
// an Int32, the others in their own type.
func Complement(n any) any {
	return ofCode(^Int64(n), max(typeCode(n), tcInt32))
}

// ofCode is the low bits of n as a value of the integer type with the
// TypeCode t.
func ofCode(n int64, t int) any {
	switch t {
	case tcSByte:
		return int8(n)
	case tcByte:
		return uint8(n)
	case tcInt16:
		return int16(n)
	case tcUInt16:
		return uint16(n)
	case tcInt32:
		return int(int32(n))
	case tcUInt32:
		return uint32(n)
	case tcUInt64:
		return uint64(n)
	}
	return n
}
