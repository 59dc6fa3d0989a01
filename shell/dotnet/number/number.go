// Package number declares the .NET numeric types (Int32 ... UInt64,
// Double, Single, Decimal, BigInteger) and the casts to them, with .NET's
// parsing (NumberStyles), formatting and overflow errors.
package number

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Number styles (System.Globalization.NumberStyles flags).
const (
	nsLeadingWhite  = 1
	nsTrailingWhite = 2
	nsLeadingSign   = 4
	nsTrailingSign  = 8
	nsParentheses   = 16
	nsDecimalPoint  = 32
	nsThousands     = 64
	nsExponent      = 128
	nsCurrency      = 256
	nsHex           = 512

	nsInteger = nsLeadingWhite | nsTrailingWhite | nsLeadingSign
	nsFloat   = nsInteger | nsDecimalPoint | nsExponent
	nsNumber  = nsInteger | nsTrailingSign | nsDecimalPoint | nsThousands
)

// parseNumberStyles parses s the way .NET's Parse methods do with the
// given NumberStyles (en-US symbols). It returns the value as an exact
// rational and reports failure as .NET's FormatException text.
func parseNumberStyles(s string, styles int) (*big.Rat, bool) {
	t := s
	if styles&nsLeadingWhite != 0 {
		t = strings.TrimLeft(t, " \t\r\n\v\f")
	}
	if styles&nsTrailingWhite != 0 {
		t = strings.TrimRight(t, " \t\r\n\v\f")
	}
	if t == "" {
		return nil, false
	}
	if styles&nsHex != 0 {
		u, err := strconv.ParseUint(t, 16, 64)
		if err != nil {
			return nil, false
		}
		return new(big.Rat).SetInt(new(big.Int).SetUint64(u)), true
	}
	neg := false
	if styles&nsParentheses != 0 && strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg, t = true, t[1:len(t)-1]
	}
	if styles&nsCurrency != 0 {
		t = strings.Replace(t, "$", "", 1)
	}
	if styles&nsLeadingSign != 0 && t != "" && (t[0] == '-' || t[0] == '+') {
		neg = neg != (t[0] == '-')
		t = t[1:]
	} else if styles&nsTrailingSign != 0 && t != "" && (t[len(t)-1] == '-' || t[len(t)-1] == '+') {
		neg = neg != (t[len(t)-1] == '-')
		t = t[:len(t)-1]
	}
	if t == "" {
		return nil, false
	}
	var mant strings.Builder
	i := 0
	digits := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			mant.WriteByte(c)
			digits++
		case c == ',' && styles&nsThousands != 0 && digits > 0:
		default:
			goto frac
		}
		i++
	}
frac:
	if i < len(t) && t[i] == '.' && styles&nsDecimalPoint != 0 {
		mant.WriteByte('.')
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			mant.WriteByte(t[i])
			digits++
			i++
		}
	}
	if digits == 0 {
		return nil, false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') && styles&nsExponent != 0 {
		j := i + 1
		if j < len(t) && (t[j] == '-' || t[j] == '+') {
			j++
		}
		k := j
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k == j {
			return nil, false
		}
		mant.WriteString(t[i:k])
		i = k
	}
	if i != len(t) {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(mant.String())
	if !ok {
		return nil, false
	}
	if neg {
		r.Neg(r)
	}
	return r, true
}

// numberKind describes one .NET numeric type for Parse/TryParse.
type numberKind struct {
	full     string
	styles   int // default NumberStyles of Parse(string)
	integral bool
	min, max *big.Rat
	what     string // ".NET overflow wording": "an Int32"
	make     func(r *big.Rat) any
}

func ratInt(n int64) *big.Rat { return new(big.Rat).SetInt64(n) }

func intKind(full, what string, min, max int64, mk func(int64) any) *numberKind {
	return &numberKind{full: full, styles: nsInteger, integral: true, min: ratInt(min), max: ratInt(max), what: what,
		make: func(r *big.Rat) any { return mk(r.Num().Int64()) }}
}

// numberKinds are the numeric kinds, built the first time a number type is
// declared or converted to.
type numberKinds struct {
	// byName has the kinds System.Convert parses with, by full name.
	byName map[string]*numberKind
}

var kinds = lazy.Value[numberKinds]{Build: func() numberKinds {
	kindInt32 := intKind("System.Int32", "an Int32", math.MinInt32, math.MaxInt32, func(n int64) any { return int(n) })
	kindInt64 := intKind("System.Int64", "an Int64", math.MinInt64, math.MaxInt64, func(n int64) any { return n })
	kindInt16 := intKind("System.Int16", "an Int16", -32768, 32767, func(n int64) any { return int16(n) })
	kindByte := intKind("System.Byte", "an unsigned byte", 0, 255, func(n int64) any { return uint8(n) })
	kindSByte := intKind("System.SByte", "a signed byte", -128, 127, func(n int64) any { return int8(n) })
	kindU16 := intKind("System.UInt16", "a UInt16", 0, 65535, func(n int64) any { return uint16(n) })
	kindU32 := intKind("System.UInt32", "a UInt32", 0, math.MaxUint32, func(n int64) any { return uint32(n) })
	kindU64 := &numberKind{full: "System.UInt64", styles: nsInteger, integral: true, min: ratInt(0),
		max: new(big.Rat).SetInt(new(big.Int).SetUint64(math.MaxUint64)), what: "a UInt64",
		make: func(r *big.Rat) any { return r.Num().Uint64() }}
	kindDouble := &numberKind{full: "System.Double", styles: nsFloat | nsThousands,
		make: func(r *big.Rat) any { f, _ := r.Float64(); return f }}
	kindSingle := &numberKind{full: "System.Single", styles: nsFloat | nsThousands,
		make: func(r *big.Rat) any { f, _ := r.Float64(); return float32(f) }}
	kindDecimal := &numberKind{full: "System.Decimal", styles: nsNumber,
		make: func(r *big.Rat) any { return object.DecimalFromRat(r) }}
	return numberKinds{byName: map[string]*numberKind{
		"System.Int32": kindInt32, "System.Int64": kindInt64, "System.Int16": kindInt16, "System.Byte": kindByte,
		"System.UInt32": kindU32, "System.UInt64": kindU64, "System.Double": kindDouble, "System.Single": kindSingle,
		"System.Decimal": kindDecimal, "System.SByte": kindSByte, "System.UInt16": kindU16,
	}}
}}

// parse converts text with the kind's rules; err is the .NET exception.
func (k *numberKind) parse(s string, styles int) (any, error) {
	r, ok := parseNumberStyles(s, styles)
	if !ok {
		return nil, dotnet.Throw("The input string '%s' was not in a correct format.", s)
	}
	if k.integral {
		if !r.IsInt() {
			return nil, dotnet.Throw("The input string '%s' was not in a correct format.", s)
		}
		if r.Cmp(k.min) < 0 || r.Cmp(k.max) > 0 {
			return nil, dotnet.Throw("Value was either too large or too small for %s.", k.what)
		}
	}
	return k.make(r), nil
}

// stylesArg reads an optional NumberStyles argument.
func stylesArg(c *dotnet.Call, i int, def int) (int, error) {
	if i >= len(c.Args) {
		return def, nil
	}
	if _, isRef := c.Args[i].(*dotnet.Ref); isRef {
		return def, nil
	}
	e, err := dotnet.EnumArg(c, i, "System.Globalization.NumberStyles", "style")
	if err != nil {
		// a culture or format provider in this position
		return def, nil
	}
	return e.Value, nil
}

// numberStatics are Parse/TryParse/MaxValue/MinValue of a numeric type.
func numberStatics(k *numberKind, min, max any) dotnet.Members {
	ms := dotnet.Members{
		"MaxValue": dotnet.Prop(func(*dotnet.Call) (any, error) { return max, nil }),
		"MinValue": dotnet.Prop(func(*dotnet.Call) (any, error) { return min, nil }),
		// Parse(s), Parse(s, styles), Parse(s, provider), Parse(s, styles, provider)
		"Parse": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
			if c.Arg(0) == nil {
				return nil, dotnet.Throw("Value cannot be null. (Parameter 's')")
			}
			styles, err := stylesArg(c, 1, k.styles)
			if err != nil {
				return nil, err
			}
			return k.parse(c.Str(0), styles)
		}),
		// TryParse(s, [ref]r), TryParse(s, styles, provider, [ref]r)
		"TryParse": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
			styles := k.styles
			if len(c.Args) == 4 {
				var err error
				if styles, err = stylesArg(c, 1, k.styles); err != nil {
					return nil, err
				}
			}
			last := len(c.Args) - 1
			v, err := k.parse(c.Str(0), styles)
			ok := err == nil && c.Arg(0) != nil
			if !ok {
				v = k.make(new(big.Rat))
			}
			if err := dotnet.SetRef(c, last, v); err != nil {
				return nil, err
			}
			return ok, nil
		}),
	}
	return ms
}

// numberMembers are the instance members numbers share.
var numberMembers = lazy.Value[dotnet.Members]{Build: func() dotnet.Members {
	return dotnet.Members{
		"ToString": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
			if len(c.Args) >= 1 && c.Arg(0) != nil {
				if _, isStr := object.Unwrap(c.Arg(0)).(string); isStr {
					return FormatWithSpec(object.Unwrap(c.Self), c.Str(0))
				}
			}
			return object.ToCultureString(object.Unwrap(c.Self)), nil
		}),
		"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			if c.Arg(0) == nil {
				return 1, nil
			}
			n, ok := numeric.ToNumberStrict(object.Unwrap(c.Arg(0)))
			if !ok {
				return nil, dotnet.Throw("Object must be of type %s.", object.ShortTypeName(object.Unwrap(c.Self)))
			}
			return numeric.Compare(object.Unwrap(c.Self), n), nil
		}),
		"Equals": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			o := object.Unwrap(c.Arg(0))
			if object.TypeName(o) != object.TypeName(object.Unwrap(c.Self)) {
				return false, nil
			}
			return numeric.Compare(object.Unwrap(c.Self), o) == 0, nil
		}),
	}
}}

// isType is a type's -is test: the value is of Go type T.
func isType[T any](_ *dotnet.TypeInfo, v any) bool {
	_, ok := object.Unwrap(v).(T)
	return ok
}

// Declare registers the numeric types: the integers, Double, Single,
// Decimal and BigInteger with Parse, TryParse and their formatting.
func Declare() {
	declareValueTuple()
	int32Conv := func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
		return ToInt32(v, "System.Int32")
	}
	narrow := func(full string) func(dotnet.Host, *dotnet.TypeInfo, any) (any, error) {
		return func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return ToNarrowInt(v, full) }
	}
	isInt := isType[int]
	isLong := func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(int64); return ok }
	int64Conv := func(full string) func(dotnet.Host, *dotnet.TypeInfo, any) (any, error) {
		return func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
			n, err := ToInt32(v, "System.Int64")
			if err != nil {
				if ce, ok := err.(*dotnet.ConversionError); ok && full != "System.Int64" {
					ce.Msg = strings.Replace(ce.Msg, "System.Int64", full, 1)
				}
				return nil, err
			}
			return numeric.Int64(n), nil
		}
	}
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Int32", Aliases: []string{"int", "int32"}, ValueType: true, Convert: int32Conv, Is: isInt,
			Static: numberStatics(kinds.Get().byName["System.Int32"], math.MinInt32, math.MaxInt32), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Int64", Aliases: []string{"long", "int64"}, ValueType: true, Convert: int64Conv("System.Int64"), Is: isLong,
			Static: numberStatics(kinds.Get().byName["System.Int64"], int64(math.MinInt64), int64(math.MaxInt64)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Int16", Aliases: []string{"short", "int16"}, ValueType: true, Convert: narrow("System.Int16"), Is: isType[int16],
			Static: numberStatics(kinds.Get().byName["System.Int16"], int16(math.MinInt16), int16(math.MaxInt16)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Byte", Aliases: []string{"byte"}, ValueType: true, Convert: narrow("System.Byte"), Is: isType[uint8],
			Static: numberStatics(kinds.Get().byName["System.Byte"], uint8(0), uint8(math.MaxUint8)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.SByte", Aliases: []string{"sbyte"}, ValueType: true, Convert: narrow("System.SByte"), Is: isType[int8],
			Static: numberStatics(kinds.Get().byName["System.SByte"], int8(math.MinInt8), int8(math.MaxInt8)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.UInt16", Aliases: []string{"ushort", "uint16"}, ValueType: true, Convert: narrow("System.UInt16"), Is: isType[uint16],
			Static: numberStatics(kinds.Get().byName["System.UInt16"], uint16(0), uint16(math.MaxUint16)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.UInt32", Aliases: []string{"uint", "uint32"}, ValueType: true, Convert: narrow("System.UInt32"), Is: isType[uint32],
			Static: numberStatics(kinds.Get().byName["System.UInt32"], uint32(0), uint32(math.MaxUint32)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.UInt64", Aliases: []string{"ulong", "uint64"}, ValueType: true, Convert: narrow("System.UInt64"), Is: isType[uint64],
			Static: numberStatics(kinds.Get().byName["System.UInt64"], uint64(0), uint64(math.MaxUint64)), Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Numerics.BigInteger", Aliases: []string{"bigint"}, Assembly: "System.Runtime.Numerics", ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return ToBigInteger(v) },
			Is:      isType[object.BigInt], Static: bigStatics.Get(), Members: bigMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Double", Aliases: []string{"double"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return ToDouble(v) },
			Is:      func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(float64); return ok },
			Static: dotnet.MergeMembers(numberStatics(kinds.Get().byName["System.Double"], -math.MaxFloat64, math.MaxFloat64), dotnet.Members{
				"NaN":              dotnet.Prop(func(*dotnet.Call) (any, error) { return math.NaN(), nil }),
				"PositiveInfinity": dotnet.Prop(func(*dotnet.Call) (any, error) { return math.Inf(1), nil }),
				"NegativeInfinity": dotnet.Prop(func(*dotnet.Call) (any, error) { return math.Inf(-1), nil }),
				"Epsilon":          dotnet.Prop(func(*dotnet.Call) (any, error) { return math.SmallestNonzeroFloat64, nil }),
				"IsNaN": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					f, err := c.Float(0, "d")
					return math.IsNaN(f), err
				}),
				"IsInfinity": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					f, err := c.Float(0, "d")
					return math.IsInf(f, 0), err
				}),
			}),
			Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Single", Aliases: []string{"float", "single"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				f, err := ToDouble(v)
				if err != nil {
					if ce, ok := err.(*dotnet.ConversionError); ok {
						ce.Msg = strings.Replace(ce.Msg, "System.Double", "System.Single", 1)
					}
					return nil, err
				}
				return float32(f.(float64)), nil
			},
			Is:      func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(float32); return ok },
			Static:  numberStatics(kinds.Get().byName["System.Single"], float32(-math.MaxFloat32), float32(math.MaxFloat32)),
			Members: numberMembers.Get()},
		&dotnet.TypeDef{FullName: "System.Decimal", Aliases: []string{"decimal"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				v = object.Unwrap(v)
				if s, ok := v.(string); ok {
					if d, ok := object.ParseDecimal(s); ok {
						return d, nil
					}
				}
				n, ok := numeric.ToNumber(v)
				if !ok {
					return nil, dotnet.ConvertFailed(v, "System.Decimal", FormatErrDetail(v))
				}
				if b, ok := n.(object.BigInt); ok && new(big.Int).Abs(b.Int()).Cmp(decimalMax()) > 0 {
					return nil, dotnet.ConvertFailed(v, "System.Decimal", "Value was either too large or too small for a Decimal.")
				}
				return numeric.Decimal(n), nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(object.Decimal); return ok },
			Static: numberStatics(kinds.Get().byName["System.Decimal"],
				object.DecimalFromRat(new(big.Rat).SetFrac(new(big.Int).Neg(decimalMax()), big.NewInt(1))),
				object.DecimalFromRat(new(big.Rat).SetInt(decimalMax()))),
			Members: numberMembers.Get()},
	)
}

func decimalMax() *big.Int {
	n, _ := new(big.Int).SetString("79228162514264337593543950335", 10)
	return n
}

// FormatErrDetail is the inner message of a failed conversion of v to a
// number: .NET's FormatException text for a string, none otherwise.
func FormatErrDetail(v any) string {
	if s, ok := v.(string); ok {
		return "The input string '" + s + "' was not in a correct format."
	}
	return ""
}

// ToInt32 converts v to an Int32 (or, with typeName System.Int64, an
// Int64) as a cast does: numbers round to even, text is parsed, $null is
// zero; a value out of range is .NET's overflow error.
func ToInt32(v any, typeName string) (any, error) {
	v = object.Unwrap(v)
	if v == nil {
		return 0, nil
	}
	n, ok := numeric.ToNumber(v)
	if !ok {
		return nil, dotnet.ConvertFailed(v, typeName, FormatErrDetail(v))
	}
	switch n.(type) {
	case int8, uint8, int16, uint16, uint32, uint64:
		i, big, _ := object.IntegerValue(n)
		if big || typeName == "System.Int32" && (i > math.MaxInt32 || i < math.MinInt32) {
			what := "an Int32"
			if typeName != "System.Int32" {
				what = "an Int64"
			}
			return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for "+what+".")
		}
		if typeName == "System.Int32" {
			return int(i), nil
		}
		return i, nil
	}
	if b, ok := n.(object.BigInt); ok {
		// BigInteger's explicit conversions fail beyond the type's range
		if i := b.Int(); i.IsInt64() {
			n = i.Int64()
		} else {
			n = float64(math.MaxInt64) * 2
		}
	}
	switch x := n.(type) {
	case int:
		return x, nil
	case int64:
		if typeName == "System.Int32" && (x > math.MaxInt32 || x < math.MinInt32) {
			return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for an Int32.")
		}
		if typeName == "System.Int32" {
			return int(x), nil
		}
		return x, nil
	case float64:
		if math.IsNaN(x) || x >= math.MaxInt64 || x < math.MinInt64 {
			what := "an Int32"
			if typeName == "System.Int64" {
				what = "an Int64"
			}
			return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for "+what+".")
		}
		r := math.RoundToEven(x)
		if typeName == "System.Int32" {
			if r > math.MaxInt32 || r < math.MinInt32 {
				return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for an Int32.")
			}
			return int(r), nil
		}
		return int64(r), nil
	case object.Decimal:
		r := math.RoundToEven(x.Float())
		if typeName == "System.Int32" {
			return int(r), nil
		}
		return int64(r), nil
	}
	return nil, dotnet.ConvertFailed(v, typeName, "")
}

// ToNarrowInt converts v to one of the integer types other than Int32
// and Int64 (typeName its .NET name) as a cast does: numbers round half
// to even, text is parsed (exactly, so all of UInt64's range reads),
// $null is zero; a value outside the type's range is .NET's overflow
// error.
func ToNarrowInt(v any, typeName string) (any, error) {
	k := kinds.Get().byName[typeName]
	v = object.Unwrap(v)
	var r *big.Rat
	if s, ok := v.(string); ok {
		if n, ok := new(big.Int).SetString(strings.TrimSpace(s), 10); ok {
			r = new(big.Rat).SetInt(n)
		}
	}
	if r == nil {
		if v == nil {
			return k.make(new(big.Rat)), nil
		}
		n, ok := numeric.ToNumber(v)
		if !ok {
			if s, isStr := v.(string); isStr {
				if n, ok, err := hexOfWidth(s, k); ok {
					return n, err
				}
			}
			return nil, dotnet.ConvertFailed(v, typeName, FormatErrDetail(v))
		}
		if f, isFloat := n.(float64); isFloat && (math.IsNaN(f) || math.IsInf(f, 0)) {
			return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for "+k.what+".")
		}
		r = roundHalfEven(numberRat(n))
	}
	if r.Cmp(k.min) < 0 || r.Cmp(k.max) > 0 {
		if s, ok := v.(string); ok {
			// text the literal scanner reads out of range falls back to
			// .NET's converter for the type, which reads 0x, &h and #
			// hex as the type's own bits ([uint32]'0xFFFFFFFF' is
			// 4294967295, [sbyte]'0xFF' -1)
			if n, ok, err := hexOfWidth(s, k); ok {
				return n, err
			}
		}
		return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for "+k.what+".")
	}
	return k.make(r), nil
}

// hexOfWidth reads text with a 0x, &h or # prefix as hexadecimal digits
// of the integer kind k (ok false for other text), the way .NET's
// integer type converters do (see fromBits).
func hexOfWidth(text string, k *numberKind) (v any, ok bool, err error) {
	t := strings.TrimSpace(text)
	lower := strings.ToLower(t)
	var digits string
	switch {
	case strings.HasPrefix(lower, "0x"), strings.HasPrefix(lower, "&h"):
		digits = t[2:]
	case strings.HasPrefix(t, "#"):
		digits = t[1:]
	default:
		return nil, false, nil
	}
	v, err = k.fromBits(digits, 16)
	if err != nil {
		return nil, true, dotnet.ConvertFailed(text, k.full, err.Error())
	}
	return v, true, nil
}

// fromBits reads digits in base 2, 8 or 16 as the bits of a value of the
// integer kind k, as .NET does: at most the type's width, a signed type
// taking them as its two's complement (FF is -1 for an SByte). err is
// .NET's message: the type's overflow, or no digits it can read.
func (k *numberKind) fromBits(digits string, base int) (any, error) {
	bits := k.max.Num().BitLen()
	if k.min.Sign() < 0 {
		bits++
	}
	u, err := strconv.ParseUint(digits, base, bits)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return nil, errors.New("Value was either too large or too small for " + k.what + ".")
		}
		return nil, errors.New("Could not find any recognizable digits.")
	}
	n := new(big.Int).SetUint64(u)
	if k.min.Sign() < 0 && n.Bit(bits-1) == 1 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(bits)))
	}
	return k.make(new(big.Rat).SetInt(n)), nil
}

// numberRat is a finite number ToNumber returned as an exact rational.
func numberRat(n any) *big.Rat {
	switch x := n.(type) {
	case object.Decimal:
		return x.Rat()
	case object.BigInt:
		return new(big.Rat).SetInt(x.Int())
	case float64:
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
		return r
	}
	if u, ok := n.(uint64); ok {
		return new(big.Rat).SetInt(new(big.Int).SetUint64(u))
	}
	return new(big.Rat).SetInt64(numeric.Int64(n))
}

// roundHalfEven is r rounded to an integer, halves to the even one.
func roundHalfEven(r *big.Rat) *big.Rat {
	if r.IsInt() {
		return r
	}
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// twice the remainder against the denominator: below, at or above half
	c := new(big.Int).Abs(new(big.Int).Lsh(m, 1)).Cmp(r.Denom())
	if c > 0 || c == 0 && q.Bit(0) == 1 {
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return new(big.Rat).SetInt(q)
}

// ToDouble converts v to a Double as a cast does ($null is zero).
func ToDouble(v any) (any, error) {
	v = object.Unwrap(v)
	if v == nil {
		return 0.0, nil
	}
	n, ok := numeric.ToNumber(v)
	if !ok {
		return nil, dotnet.ConvertFailed(v, "System.Double", FormatErrDetail(v))
	}
	return numeric.Float(n), nil
}

// FormatWithSpec is ToString(format) on a value: .NET's FormatException
// for a bad specifier is the method's exception; running out of memory
// stays what it is.
func FormatWithSpec(v any, spec string) (any, error) {
	s, err := object.FormatWithSpec(v, spec)
	if err != nil && !memlimit.IsOutOfMemory(err) {
		return nil, dotnet.Throw("%s", err.Error())
	}
	return s, err
}

// convertTo is one System.Convert.ToXxx method: a PowerShell conversion
// with .NET's stricter string parsing.
func convertTo(full string, kind *numberKind) *dotnet.Member {
	return dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
		v := object.Unwrap(c.Arg(0))
		if len(c.Args) == 2 && kind != nil && kind.integral {
			if s, ok := v.(string); ok {
				base, err := c.Int(1, "fromBase")
				if err != nil {
					return nil, err
				}
				switch base {
				case 2, 8, 10, 16:
				default:
					return nil, dotnet.Throw("Invalid Base. (Parameter 'fromBase')")
				}
				if base == 10 {
					// decimal text may carry a sign and must fit the type
					return kind.parse(s, nsLeadingSign)
				}
				v, err := kind.fromBits(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s), "0x"), "0b"), base)
				if err != nil {
					return nil, dotnet.Throw("%s", err.Error())
				}
				return v, nil
			}
		}
		if s, ok := v.(string); ok && kind != nil {
			return kind.parse(s, kind.styles)
		}
		if v == nil && kind != nil {
			return kind.make(new(big.Rat)), nil
		}
		t := dotnet.TypeByName(full)
		out, err := t.Convert(c.Host, v)
		if err != nil {
			return nil, dotnet.Throw("%s", strings.TrimSuffix(err.Error(), ""))
		}
		return out, nil
	})
}

// ConvertTo is the System.Convert method converting to the named type
// (System.Int32 for ToInt32): PowerShell's conversion, with .NET's
// stricter parsing of text for the numeric types.
func ConvertTo(full string) *dotnet.Member { return convertTo(full, kinds.Get().byName[full]) }
