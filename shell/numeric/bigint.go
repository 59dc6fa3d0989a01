package numeric

import (
	"errors"
	"math"
	"math/big"
	"strconv"

	"github.com/exosim/exosim/shell/object"
)

// System.Numerics.BigInteger is no primitive number to PowerShell: an
// operation with one BigInteger operand calls BigInteger's own operator
// methods, which convert the other operand to BigInteger first. So
// 1n * 1.99 is 1n: a Double or Decimal converts by truncation toward
// zero (the explicit conversion), and / is integer division.

// ErrBigInfinity and ErrBigNaN are the failures of converting a Double
// infinity or NaN to BigInteger.
var (
	ErrBigInfinity = errors.New("BigInteger cannot represent infinity.")
	ErrBigNaN      = errors.New("The value is not a number.")
)

// BigInteger converts a number ToNumber returned to a BigInteger as
// .NET's conversions do: integers exactly, Double and Decimal truncated
// toward zero.
func BigInteger(n any) (object.BigInt, error) {
	switch x := n.(type) {
	case object.BigInt:
		return x, nil
	case float64:
		if math.IsInf(x, 0) {
			return object.BigInt{}, ErrBigInfinity
		}
		if math.IsNaN(x) {
			return object.BigInt{}, ErrBigNaN
		}
		i, _ := new(big.Float).SetFloat64(math.Trunc(x)).Int(nil)
		return object.NewBigInt(i), nil
	case float32:
		return BigInteger(float64(x))
	case object.Decimal:
		r := x.Rat()
		return object.NewBigInt(new(big.Int).Quo(r.Num(), r.Denom())), nil
	}
	return object.NewBigInt(bigInt(n)), nil
}

// bigArith is + - * / % with a BigInteger operand: both converted to
// BigInteger, the result a BigInteger (/ truncates toward zero, % has
// the dividend's sign).
func bigArith(op string, a, b any) (any, error) {
	ba, err := BigInteger(a)
	if err != nil {
		return nil, err
	}
	bb, err := BigInteger(b)
	if err != nil {
		return nil, err
	}
	x, y := ba.Int(), bb.Int()
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
		if op == "/" {
			r.Quo(x, y)
		} else {
			r.Rem(x, y)
		}
	}
	return object.NewBigInt(r), nil
}

// bigCompare orders two numbers of which one is a BigInteger the way
// PowerShell converts the right operand to the left one's type: against
// a left BigInteger a Double or Decimal is truncated first (1n -eq 1.5),
// a Double on the left compares as Doubles, anything else exactly.
func bigCompare(a, b any) int {
	if _, ok := a.(object.BigInt); ok {
		if bb, err := BigInteger(b); err == nil {
			b = bb
		}
	}
	_, fa := a.(float64)
	_, fb := b.(float64)
	if fa || fb {
		x, y := Float(a), Float(b)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return exactRat(a).Cmp(exactRat(b))
}

// exactRat is a number other than a Double as an exact rational.
func exactRat(n any) *big.Rat {
	switch x := n.(type) {
	case object.BigInt:
		return new(big.Rat).SetInt(x.Int())
	case object.Decimal:
		return x.Rat()
	case float32:
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(float64(x), 'g', -1, 32))
		return r
	}
	return new(big.Rat).SetInt(bigInt(n))
}

// BigBitwise is -band -bor -bxor -shl -shr with a BigInteger operand:
// BigInteger's operators on two's complement values of unlimited width
// (-1n -band 0xFFn is 255); a shift count is an Int32.
func BigBitwise(op string, a, b any) (any, error) {
	ba, err := BigInteger(a)
	if err != nil {
		return nil, err
	}
	x, r := ba.Int(), new(big.Int)
	if op == "-shl" || op == "-shr" {
		n := int(int32(Int64(b)))
		if op == "-shr" {
			n = -n
		}
		if n >= 0 {
			r.Lsh(x, uint(n))
		} else {
			r.Rsh(x, uint(-n))
		}
		return object.NewBigInt(r), nil
	}
	bb, err := BigInteger(b)
	if err != nil {
		return nil, err
	}
	y := bb.Int()
	switch op {
	case "-band":
		r.And(x, y)
	case "-bor":
		r.Or(x, y)
	default:
		r.Xor(x, y)
	}
	return object.NewBigInt(r), nil
}
