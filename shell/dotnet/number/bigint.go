package number

import (
	"math/big"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

const bigIntegerName = "System.Numerics.BigInteger"

// ToBigInteger converts v to a BigInteger as a cast does: $null and ""
// are zero, $true one, text is read as a numeric literal would be and
// then converted, integers exactly, Double and Decimal truncated toward
// zero ([bigint]1.99 is 1, unlike [int]).
func ToBigInteger(v any) (any, error) {
	v = object.Unwrap(v)
	switch x := v.(type) {
	case nil:
		return object.BigInt{}, nil
	case string:
		if strings.TrimSpace(x) == "" {
			return object.BigInt{}, nil
		}
		// Text is read as a numeric literal: decimal digits within
		// Decimal's range are exact (a Decimal literal), beyond it a
		// Double, converted with its rounding.
		if b, ok := parseBigInteger(x); ok && new(big.Int).Abs(b.Int()).Cmp(decimalMax()) <= 0 {
			return b, nil
		}
	}
	n, ok := numeric.ToNumber(v)
	if !ok {
		if s, isStr := v.(string); isStr {
			if b, ok := parseBigInteger(s); ok {
				return b, nil
			}
			return nil, dotnet.ConvertFailed(v, bigIntegerName, "The value could not be parsed.")
		}
		return nil, dotnet.ConvertFailed(v, bigIntegerName, "")
	}
	b, err := numeric.BigInteger(n)
	if err != nil {
		return nil, dotnet.ConvertFailed(v, bigIntegerName, err.Error())
	}
	return b, nil
}

// parseBigInteger is BigInteger.Parse(s) with its default styles:
// decimal digits with surrounding white space and a leading sign.
func parseBigInteger(s string) (object.BigInt, bool) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	if t == "" || t == "-" || strings.ContainsAny(t[1:], "+-") {
		return object.BigInt{}, false
	}
	i, ok := new(big.Int).SetString(t, 10)
	if !ok {
		return object.BigInt{}, false
	}
	return object.NewBigInt(i), true
}

// bigArg converts argument i of a BigInteger method to a BigInteger.
func bigArg(c *dotnet.Call, i int, param string) (*big.Int, error) {
	v, err := dotnet.ConvertArg(c.Host, c.Arg(i), dotnet.TypeByName(bigIntegerName), param, c.Name)
	if err != nil {
		return nil, err
	}
	return v.(object.BigInt).Int(), nil
}

// bigArgs converts a method's first two arguments, named first and
// second, to BigInteger.
func bigArgs(c *dotnet.Call, first, second string) (x, y *big.Int, err error) {
	if x, err = bigArg(c, 0, first); err != nil {
		return nil, nil, err
	}
	if y, err = bigArg(c, 1, second); err != nil {
		return nil, nil, err
	}
	return x, y, nil
}

// bigOp is a static BigInteger method of two BigInteger arguments.
func bigOp(fn func(x, y *big.Int) (*big.Int, error)) *dotnet.Member {
	return dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
		x, y, err := bigArgs(c, "left", "right")
		if err != nil {
			return nil, err
		}
		r, err := fn(x, y)
		if err != nil {
			return nil, err
		}
		return object.NewBigInt(r), nil
	})
}

// bigUnary is a static BigInteger method of one BigInteger argument.
func bigUnary(fn func(x *big.Int) any) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		x, err := bigArg(c, 0, "value")
		if err != nil {
			return nil, err
		}
		return fn(x), nil
	})
}

// errBigDivide is BigInteger's division by zero.
func errBigDivide() error { return dotnet.Throw("Attempted to divide by zero.") }

// bigStatics are BigInteger's static members.
var bigStatics = lazy.Value[dotnet.Members]{Build: func() dotnet.Members {
	constant := func(n int64) *dotnet.Member {
		return dotnet.Prop(func(*dotnet.Call) (any, error) { return object.BigIntFromInt64(n), nil })
	}
	parse := func(c *dotnet.Call) (object.BigInt, bool, error) {
		if c.Arg(0) == nil {
			return object.BigInt{}, false, dotnet.Throw("Value cannot be null. (Parameter 'value')")
		}
		b, ok := parseBigInteger(c.Str(0))
		return b, ok, nil
	}
	return dotnet.Members{
		"One":      constant(1),
		"Zero":     constant(0),
		"MinusOne": constant(-1),
		"Parse": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
			b, ok, err := parse(c)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, dotnet.Throw("The value could not be parsed.")
			}
			return b, nil
		}),
		"TryParse": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
			b, ok, _ := parse(c)
			if err := dotnet.SetRef(c, len(c.Args)-1, b); err != nil {
				return nil, err
			}
			return ok, nil
		}),
		"Add":      bigOp(func(x, y *big.Int) (*big.Int, error) { return x.Add(x, y), nil }),
		"Subtract": bigOp(func(x, y *big.Int) (*big.Int, error) { return x.Sub(x, y), nil }),
		"Multiply": bigOp(func(x, y *big.Int) (*big.Int, error) { return x.Mul(x, y), nil }),
		"Divide": bigOp(func(x, y *big.Int) (*big.Int, error) {
			if y.Sign() == 0 {
				return nil, errBigDivide()
			}
			return x.Quo(x, y), nil
		}),
		"Remainder": bigOp(func(x, y *big.Int) (*big.Int, error) {
			if y.Sign() == 0 {
				return nil, errBigDivide()
			}
			return x.Rem(x, y), nil
		}),
		"Max": bigOp(func(x, y *big.Int) (*big.Int, error) {
			if x.Cmp(y) < 0 {
				return y, nil
			}
			return x, nil
		}),
		"Min": bigOp(func(x, y *big.Int) (*big.Int, error) {
			if x.Cmp(y) > 0 {
				return y, nil
			}
			return x, nil
		}),
		"GreatestCommonDivisor": bigOp(func(x, y *big.Int) (*big.Int, error) {
			return new(big.Int).GCD(nil, nil, x.Abs(x), y.Abs(y)), nil
		}),
		"Compare": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			x, y, err := bigArgs(c, "left", "right")
			if err != nil {
				return nil, err
			}
			return x.Cmp(y), nil
		}),
		// DivRem(left, right) is a ValueTuple of the quotient and the
		// remainder (Item1, Item2); DivRem(dividend, divisor,
		// [ref]remainder) is the quotient, the remainder set. The quotient
		// is truncated toward zero, the remainder has the dividend's sign.
		"DivRem": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
			first, second := "left", "right"
			if len(c.Args) == 3 {
				first, second = "dividend", "divisor"
			}
			x, y, err := bigArgs(c, first, second)
			if err != nil {
				return nil, err
			}
			if y.Sign() == 0 {
				return nil, errBigDivide()
			}
			q, r := new(big.Int).QuoRem(x, y, new(big.Int))
			if len(c.Args) == 2 {
				return NewValueTuple(object.NewBigInt(q), object.NewBigInt(r), bigIntegerName), nil
			}
			if err := dotnet.SetRef(c, 2, object.NewBigInt(r)); err != nil {
				return nil, err
			}
			return object.NewBigInt(q), nil
		}),
		"Pow": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
			x, err := bigArg(c, 0, "value")
			if err != nil {
				return nil, err
			}
			e, err := c.Int(1, "exponent")
			if err != nil {
				return nil, err
			}
			if e < 0 {
				return nil, dotnet.Throw("The number must be greater than or equal to zero. (Parameter 'exponent')")
			}
			if x.BitLen() > 1 && int64(x.BitLen())*int64(e) > 1<<27 {
				return nil, dotnet.Throw("Insufficient memory to continue the execution of the program.")
			}
			return object.NewBigInt(new(big.Int).Exp(x, big.NewInt(int64(e)), nil)), nil
		}),
		"ModPow": dotnet.Method(3, 3, func(c *dotnet.Call) (any, error) {
			x, e, err := bigArgs(c, "value", "exponent")
			if err != nil {
				return nil, err
			}
			m, err := bigArg(c, 2, "modulus")
			if err != nil {
				return nil, err
			}
			if e.Sign() < 0 {
				return nil, dotnet.Throw("The number must be greater than or equal to zero. (Parameter 'exponent')")
			}
			if m.Sign() == 0 {
				return nil, errBigDivide()
			}
			// the remainder keeps the sign of value, as .NET's does
			r := new(big.Int).Exp(new(big.Int).Abs(x), e, new(big.Int).Abs(m))
			if x.Sign() < 0 && e.Bit(0) == 1 && r.Sign() != 0 {
				r.Neg(r)
			}
			return object.NewBigInt(r), nil
		}),
		"Abs":    bigUnary(func(x *big.Int) any { return object.NewBigInt(x.Abs(x)) }),
		"Negate": bigUnary(func(x *big.Int) any { return object.NewBigInt(x.Neg(x)) }),
	}
}}

// bigMembers are a BigInteger's own instance members besides the ones
// all numbers share.
var bigMembers = lazy.Value[dotnet.Members]{Build: func() dotnet.Members {
	self := func(c *dotnet.Call) object.BigInt { b, _ := object.Unwrap(c.Self).(object.BigInt); return b }
	return dotnet.MergeMembers(numberMembers.Get(), dotnet.Members{
		"IsZero": dotnet.Prop(func(c *dotnet.Call) (any, error) { return self(c).Sign() == 0, nil }),
		"IsOne":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return self(c).String() == "1", nil }),
		"IsEven": dotnet.Prop(func(c *dotnet.Call) (any, error) { return self(c).Int().Bit(0) == 0, nil }),
		"Sign":   dotnet.Prop(func(c *dotnet.Call) (any, error) { return self(c).Sign(), nil }),
		"IsPowerOfTwo": dotnet.Prop(func(c *dotnet.Call) (any, error) {
			i := self(c).Int()
			return i.Sign() > 0 && new(big.Int).And(i, new(big.Int).Sub(i, big.NewInt(1))).Sign() == 0, nil
		}),
	})
}}
