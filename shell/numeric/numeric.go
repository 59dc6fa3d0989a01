// Package numeric is PowerShell's arithmetic on numbers: which values
// count as numbers and how strings convert to them, the widening from
// Int32 to Int64 to Double (Decimal kept apart; the small and unsigned
// integer types by .NET's type order; BigInteger by its own operators),
// + - * / % and ordering.
// Results and errors carry .NET's types and wording. It imports
// shell/object, and the parser to read a number with a type suffix as a
// script literal reads.
package numeric

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// ErrDivideByZero is the failure of / and % by zero.
var ErrDivideByZero = errors.New("Attempted to divide by zero.")

// ToNumber converts a value to a number for arithmetic: a value of one
// of the integer types, float64 or object.Decimal. ok is false when it
// cannot.
func ToNumber(v any) (any, bool) {
	v = object.Unwrap(v)
	switch x := v.(type) {
	case nil:
		return 0, true
	case int, int64, float64, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		return x, true
	case float32:
		return float64(x), true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case object.Char:
		return int(x), true
	case object.Enum:
		return x.Value, true
	case string:
		return ParseString(x)
	}
	return nil, false
}

// ParseString parses a string the way PowerShell converts strings
// to numbers: surrounding whitespace allowed, hex, decimal point,
// exponent, multiplier suffixes.
func ParseString(s string) (any, bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, true
	}
	neg := false
	body := t
	if body[0] == '-' || body[0] == '+' {
		neg = body[0] == '-'
		body = body[1:]
	}
	mult := int64(1)
	lower := strings.ToLower(body)
	for i, suf := range []string{"kb", "mb", "gb", "tb", "pb"} {
		if strings.HasSuffix(lower, suf) && len(lower) > 2 {
			mult = 1 << (10 * (i + 1))
			body = body[:len(body)-2]
			lower = lower[:len(lower)-2]
			break
		}
	}
	if strings.HasPrefix(lower, "0x") {
		u, err := strconv.ParseUint(lower[2:], 16, 64)
		if err != nil {
			return nil, false
		}
		var n int64
		if u <= math.MaxUint32 && len(lower) <= 10 {
			n = int64(int32(uint32(u)))
		} else {
			n = int64(u)
		}
		n *= mult
		if neg {
			n = -n
		}
		return Narrow(n), true
	}
	if n, err := strconv.ParseInt(body, 10, 64); err == nil {
		if neg {
			n = -n
		}
		if mult != 1 {
			return Narrow(n * mult), true
		}
		return Narrow(n), true
	}
	f, err := strconv.ParseFloat(body, 64)
	if err != nil || strings.ContainsAny(lower, "inf") && !strings.Contains(lower, "e") {
		if err != nil {
			// a literal with a type suffix (100y, 1200u, 127ul, 5d)
			// converts as PowerShell reads it in a script
			if mult == 1 && !neg {
				if v, ok := parser.ParseNumber(body); ok {
					return v, true
				}
			}
			return nil, false
		}
	}
	if strings.ContainsAny(body, "xX_") {
		return nil, false
	}
	if neg {
		f = -f
	}
	return f * float64(mult), true
}

// Narrow is an Int32 when n fits one, else the Int64.
func Narrow(n int64) any {
	if n >= math.MinInt32 && n <= math.MaxInt32 {
		return int(n)
	}
	return n
}

// Kind ranks a number for widening: 0 Int32 (and the integer types
// smaller than it), 1 Int64 (and UInt32, UInt64), 2 Double, 3 Decimal,
// 4 BigInteger.
func Kind(v any) int {
	switch v.(type) {
	case object.BigInt:
		return 4
	case int, int8, uint8, int16, uint16:
		return 0
	case int64, uint32, uint64:
		return 1
	case object.Decimal:
		return 3
	case float64:
		return 2
	}
	return 2
}

// Float is a number as a Double.
func Float(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float64:
		return x
	case float32:
		return float64(x)
	case object.Decimal:
		return x.Float()
	case object.BigInt:
		return x.Float()
	case uint64:
		return float64(x)
	case int8, uint8, int16, uint16, uint32:
		n, _, _ := object.IntegerValue(x)
		return float64(n)
	}
	return 0
}

// Int64 is a number as an Int64, fractions rounded half to even (a
// UInt64 above Int64's maximum keeps its bits).
func Int64(v any) int64 {
	switch x := v.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	case float64:
		return int64(math.RoundToEven(x))
	case object.Decimal:
		f := x.Float()
		return int64(math.RoundToEven(f))
	case object.BigInt:
		// beyond Int64 the low 64 bits, as an unchecked cast keeps them
		i := x.Int()
		if i.IsInt64() {
			return i.Int64()
		}
		return int64(new(big.Int).And(i, new(big.Int).SetUint64(math.MaxUint64)).Uint64())
	}
	n, _, _ := object.IntegerValue(v)
	return n
}

// Decimal is a number as a Decimal.
func Decimal(v any) object.Decimal {
	switch x := v.(type) {
	case object.Decimal:
		return x
	case int:
		return object.DecimalFromInt(int64(x))
	case int64:
		return object.DecimalFromInt(x)
	case object.BigInt:
		return object.DecimalFromRat(new(big.Rat).SetInt(x.Int()))
	}
	if object.IsInteger(v) {
		return object.DecimalFromRat(new(big.Rat).SetInt(bigInt(v)))
	}
	return object.NewDecimal(Float(v))
}

// Arith applies + - * / % to two numbers. Integers are computed in the
// operation type PowerShell picks by .NET's type order: the types up to
// Int32 as Int32 (so [byte]+[byte] is an Int32), UInt32 as UInt32 unless
// a signed operand is negative (then Int64), Int64 as Int64, UInt64 as
// UInt64 unless a signed operand is negative (then Decimal). A result
// beyond the operation type is a Double. With a BigInteger operand the
// operation is BigInteger's (see bigArith).
func Arith(op string, a, b any) (any, error) {
	ka, kb := Kind(a), Kind(b)
	if ka == 4 || kb == 4 {
		return bigArith(op, a, b)
	}
	k := ka
	if kb > k {
		k = kb
	}
	if k <= 1 {
		if t := opType(a, b); t != tcInt32 && t != tcInt64 {
			return unsignedArith(op, a, b, t)
		}
	}
	if k == 3 {
		// decimal arithmetic (double wins over decimal in PowerShell)
		if ka == 2 || kb == 2 {
			k = 2
		} else {
			da, db := Decimal(a), Decimal(b)
			x, y := da.Rat(), db.Rat()
			// The result keeps .NET's scale: the larger of the two for
			// + - %, their sum for *, their difference for / (more when
			// the quotient needs it).
			scale := max(da.Scale(), db.Scale())
			r := new(big.Rat)
			switch op {
			case "+":
				r.Add(x, y)
			case "-":
				r.Sub(x, y)
			case "*":
				r.Mul(x, y)
				scale = da.Scale() + db.Scale()
			case "/":
				if y.Sign() == 0 {
					return nil, ErrDivideByZero
				}
				r.Quo(x, y)
				scale = da.Scale() - db.Scale()
			case "%":
				if y.Sign() == 0 {
					return nil, ErrDivideByZero
				}
				q := new(big.Rat).Quo(x, y)
				qi := new(big.Int).Quo(q.Num(), q.Denom())
				r.Sub(x, new(big.Rat).Mul(new(big.Rat).SetInt(qi), y))
			}
			return object.DecimalWithScale(r, scale), nil
		}
	}
	if k <= 1 {
		x, y := Int64(a), Int64(b)
		switch op {
		case "+":
			s := x + y
			if (s > x) == (y > 0) {
				return Widen(s, k), nil
			}
			return float64(x) + float64(y), nil
		case "-":
			s := x - y
			if (s < x) == (y > 0) {
				return Widen(s, k), nil
			}
			return float64(x) - float64(y), nil
		case "*":
			if x == 0 || y == 0 {
				return Widen(0, k), nil
			}
			p := x * y
			if p/y == x && !(x == -1 && y == math.MinInt64) && !(y == -1 && x == math.MinInt64) {
				return Widen(p, k), nil
			}
			return float64(x) * float64(y), nil
		case "/":
			if y == 0 {
				return nil, ErrDivideByZero
			}
			if x%y == 0 {
				return Widen(x/y, k), nil
			}
			return float64(x) / float64(y), nil
		case "%":
			if y == 0 {
				return nil, ErrDivideByZero
			}
			return Widen(x%y, k), nil
		}
	}
	x, y := Float(a), Float(b)
	switch op {
	case "+":
		return x + y, nil
	case "-":
		return x - y, nil
	case "*":
		return x * y, nil
	case "/":
		if y == 0 {
			return nil, ErrDivideByZero
		}
		return x / y, nil
	case "%":
		if y == 0 {
			return nil, ErrDivideByZero
		}
		return math.Mod(x, y), nil
	}
	return nil, fmt.Errorf("unknown operator %s", op)
}

// Widen keeps int results as Int32 when both operands were Int32 and the
// result fits; an Int32 result that overflows becomes a Double, as
// PowerShell widens it; Int64 operands give Int64.
func Widen(n int64, kind int) any {
	if kind == 0 {
		if n >= math.MinInt32 && n <= math.MaxInt32 {
			return int(n)
		}
		return float64(n)
	}
	return n
}

// ToNumberStrict converts for comparison: a string must be a valid number.
func ToNumberStrict(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		if strings.TrimSpace(x) == "" {
			return 0, x == ""
		}
		return ParseString(x)
	case nil:
		return nil, false
	}
	return ToNumber(v)
}

// Compare orders two numbers (-1, 0, 1) in the wider of their kinds;
// integers of any two types compare exactly.
func Compare(a, b any) int {
	if Kind(a) == 4 || Kind(b) == 4 {
		return bigCompare(a, b)
	}
	if Kind(a) <= 1 && Kind(b) <= 1 {
		_, bigA, _ := object.IntegerValue(a)
		_, bigB, _ := object.IntegerValue(b)
		if bigA || bigB {
			return bigInt(a).Cmp(bigInt(b))
		}
		x, y := Int64(a), Int64(b)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	if Kind(a) == 3 && Kind(b) != 2 || Kind(b) == 3 && Kind(a) != 2 {
		return Decimal(a).Rat().Cmp(Decimal(b).Rat())
	}
	x, y := Float(a), Float(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
