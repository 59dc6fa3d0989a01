package system

import (
	"math"
	"math/big"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Math.DivRem as PowerShell 7.4 (on .NET 8) calls it. DivRem(left, right)
// is one of the tuple overloads: it returns a ValueTuple of the quotient
// and the remainder (Item1, Item2), of the integer type the overload
// works in. DivRem(a, b, [ref]$r) is one of the older overloads with an
// out parameter: it returns the quotient and sets $r to the remainder.
// Both divide as .NET's integer division does: the quotient is truncated
// toward zero and the remainder has the dividend's sign.
//
// PowerShell picks the overload from the arguments' types. An argument
// that is an Int32 or Int64 matches the overload of its own type
// exactly, and the first such argument decides (it weighs more than the
// ones after it): DivRem(7, 2) works in Int32, DivRem(7L, 2) in Int64,
// DivRem(7.5, 2) in Int32. When no argument is an Int32 or Int64 (Double,
// Decimal or String arguments), every overload needs a narrowing
// conversion and PowerShell takes the most general type: UInt64 among the
// tuple overloads, Int64 among the out-parameter ones.

// divRemType is the integer type of the overload PowerShell picks for
// DivRem's two operands: that of the first Int32 or Int64 operand; else,
// when both are integers, the type both convert to (two Bytes call the
// Byte overload; the out overloads have only Int32 and Int64); else
// general (UInt64 for the tuple overloads, Int64 for the out ones).
func divRemType(c *dotnet.Call, general string) string {
	for _, a := range c.Args[:2] {
		switch dotnet.Bare(a).(type) {
		case int:
			return "System.Int32"
		case int64:
			return "System.Int64"
		}
	}
	t := numeric.IntegerOverload(dotnet.Bare(c.Args[0]), dotnet.Bare(c.Args[1]))
	if general == "System.Int64" {
		switch t {
		case "System.SByte", "System.Byte", "System.Int16", "System.UInt16":
			return "System.Int32"
		case "System.UInt32":
			return "System.Int64"
		}
		return general
	}
	if t == "" {
		return general
	}
	return t
}

// mathDivRem is Math.DivRem: two arguments call a tuple overload, three
// (the last a [ref]) an out-parameter one.
func mathDivRem() *dotnet.Member {
	return dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
		names := [2]string{"left", "right"}
		typ := divRemType(c, "System.UInt64")
		if len(c.Args) == 3 {
			names = [2]string{"a", "b"}
			typ = divRemType(c, "System.Int64")
			// the out parameter takes only a [ref] (checked before
			// the call, as PowerShell binds the overload first)
			if _, ok := c.Arg(2).(*dotnet.Ref); !ok {
				return nil, dotnet.SetRef(c, 2, nil)
			}
		}
		var ops [2]*big.Int
		for i := range ops {
			v, err := c.To(i, typ, names[i])
			if err != nil {
				return nil, err
			}
			n, isBig, ok := object.IntegerValue(v)
			if !ok {
				inner := dotnet.ConvertFailed(c.Arg(i), typ, "")
				return nil, dotnet.ArgConvertError(c.Arg(i), names[i], c.Name, typ, inner)
			}
			ops[i] = bigOf(n, isBig)
		}
		a, b := ops[0], ops[1]
		if b.Sign() == 0 {
			return nil, &dotnet.TypedException{Msg: "Attempted to divide by zero.", Type: "System.DivideByZeroException"}
		}
		// .NET divides truncating toward zero; the remainder has the
		// dividend's sign
		q, r := new(big.Int).QuoRem(a, b, new(big.Int))
		// the one quotient that does not fit: MinValue / -1 (Int32 and
		// Int64 throw; the smaller types compute in Int32 and wrap)
		if (typ == "System.Int32" || typ == "System.Int64") && !fitsType(q, typ) {
			return nil, dotnet.Throw("Arithmetic operation resulted in an overflow.")
		}
		wrap := func(n *big.Int) any {
			if typ == "System.UInt64" {
				return n.Uint64()
			}
			return numeric.OfIntegerType(n.Int64(), typ)
		}
		if len(c.Args) == 3 {
			if err := dotnet.SetRef(c, 2, wrap(r)); err != nil {
				return nil, err
			}
			return wrap(q), nil
		}
		return number.NewValueTuple(wrap(q), wrap(r), typ), nil
	})
}

// bigOf is an integer IntegerValue read as a big.Int (isBig: a UInt64
// beyond Int64, whose bits n holds).
func bigOf(n int64, isBig bool) *big.Int {
	if isBig {
		return new(big.Int).SetUint64(uint64(n))
	}
	return new(big.Int).SetInt64(n)
}

// fitsType reports whether q fits Int32 or Int64 (typ).
func fitsType(q *big.Int, typ string) bool {
	if !q.IsInt64() {
		return false
	}
	return typ == "System.Int64" || q.Int64() >= math.MinInt32 && q.Int64() <= math.MaxInt32
}
