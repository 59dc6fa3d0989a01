package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
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

var (
	kindInt32 = intKind("System.Int32", "an Int32", math.MinInt32, math.MaxInt32, func(n int64) any { return int(n) })
	kindInt64 = intKind("System.Int64", "an Int64", math.MinInt64, math.MaxInt64, func(n int64) any { return n })
	kindInt16 = intKind("System.Int16", "an Int16", -32768, 32767, func(n int64) any { return int(n) })
	kindByte  = intKind("System.Byte", "an unsigned byte", 0, 255, func(n int64) any { return int(n) })
	kindSByte = intKind("System.SByte", "a signed byte", -128, 127, func(n int64) any { return int(n) })
	kindU16   = intKind("System.UInt16", "a UInt16", 0, 65535, func(n int64) any { return int(n) })
	kindU32   = intKind("System.UInt32", "a UInt32", 0, math.MaxUint32, func(n int64) any { return n })
	kindU64   = &numberKind{full: "System.UInt64", styles: nsInteger, integral: true, min: ratInt(0),
		max: new(big.Rat).SetInt(new(big.Int).SetUint64(math.MaxUint64)), what: "a UInt64",
		make: func(r *big.Rat) any {
			if r.Num().IsInt64() {
				return r.Num().Int64()
			}
			f, _ := r.Float64()
			return f
		}}
	kindDouble = &numberKind{full: "System.Double", styles: nsFloat | nsThousands,
		make: func(r *big.Rat) any { f, _ := r.Float64(); return f }}
	kindSingle = &numberKind{full: "System.Single", styles: nsFloat | nsThousands,
		make: func(r *big.Rat) any { f, _ := r.Float64(); return float32(f) }}
	kindDecimal = &numberKind{full: "System.Decimal", styles: nsNumber,
		make: func(r *big.Rat) any { return object.DecimalFromRat(r) }}
)

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
func stylesArg(c *Call, i int, def int) (int, error) {
	if i >= len(c.Args) {
		return def, nil
	}
	if _, isRef := c.Args[i].(*Ref); isRef {
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
func numberStatics(k *numberKind, min, max any) Members {
	ms := Members{
		"MaxValue": dotnet.Prop(func(*Call) (any, error) { return max, nil }),
		"MinValue": dotnet.Prop(func(*Call) (any, error) { return min, nil }),
		// Parse(s), Parse(s, styles), Parse(s, provider), Parse(s, styles, provider)
		"Parse": dotnet.Method(1, 3, func(c *Call) (any, error) {
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
		"TryParse": dotnet.Method(2, 4, func(c *Call) (any, error) {
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
var numberMembers = Members{
	"ToString": dotnet.Method(0, 2, func(c *Call) (any, error) {
		if len(c.Args) >= 1 && c.Arg(0) != nil {
			if _, isStr := bareValue(c.Arg(0)).(string); isStr {
				return formatWithSpec(bareValue(c.Self), c.Str(0))
			}
		}
		return object.ToCultureString(bareValue(c.Self)), nil
	}),
	"CompareTo": dotnet.Method(1, 1, func(c *Call) (any, error) {
		if c.Arg(0) == nil {
			return 1, nil
		}
		n, ok := numeric.ToNumberStrict(bareValue(c.Arg(0)))
		if !ok {
			return nil, dotnet.Throw("Object must be of type %s.", object.ShortTypeName(bareValue(c.Self)))
		}
		return numeric.Compare(bareValue(c.Self), n), nil
	}),
	"Equals": dotnet.Method(1, 1, func(c *Call) (any, error) {
		o := bareValue(c.Arg(0))
		if object.TypeName(o) != object.TypeName(bareValue(c.Self)) {
			return false, nil
		}
		return numeric.Compare(bareValue(c.Self), o) == 0, nil
	}),
}

// Decimal helpers.

func init() { dotnet.RegisterLater(declareNumberTypes) }

// declareNumberTypes registers the file's types; it runs on the first type lookup.
func declareNumberTypes() {
	int32Conv := func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
		return toInt32(v, "System.Int32")
	}
	narrow := func(full string) func(dotnet.Host, *TypeInfo, any) (any, error) {
		return func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return toNarrowInt(v, full) }
	}
	isInt := func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(int); return ok }
	isLong := func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(int64); return ok }
	int64Conv := func(full string) func(dotnet.Host, *TypeInfo, any) (any, error) {
		return func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
			n, err := toInt32(v, "System.Int64")
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
		&TypeDef{FullName: "System.Int32", Aliases: []string{"int", "int32"}, ValueType: true, Convert: int32Conv, Is: isInt,
			Static: numberStatics(kindInt32, math.MinInt32, math.MaxInt32), Members: numberMembers},
		&TypeDef{FullName: "System.Int64", Aliases: []string{"long", "int64"}, ValueType: true, Convert: int64Conv("System.Int64"), Is: isLong,
			Static: numberStatics(kindInt64, int64(math.MinInt64), int64(math.MaxInt64)), Members: numberMembers},
		&TypeDef{FullName: "System.Int16", Aliases: []string{"short", "int16"}, ValueType: true, Convert: narrow("System.Int16"), Is: isInt,
			Static: numberStatics(kindInt16, -32768, 32767), Members: numberMembers},
		&TypeDef{FullName: "System.Byte", Aliases: []string{"byte"}, ValueType: true, Convert: narrow("System.Byte"), Is: isInt,
			Static: numberStatics(kindByte, 0, 255), Members: numberMembers},
		&TypeDef{FullName: "System.SByte", Aliases: []string{"sbyte"}, ValueType: true, Convert: narrow("System.SByte"), Is: isInt,
			Static: numberStatics(kindSByte, -128, 127), Members: numberMembers},
		&TypeDef{FullName: "System.UInt16", Aliases: []string{"ushort", "uint16"}, ValueType: true, Convert: narrow("System.Int16"), Is: isInt,
			Static: numberStatics(kindU16, 0, 65535), Members: numberMembers},
		&TypeDef{FullName: "System.UInt32", Aliases: []string{"uint", "uint32"}, ValueType: true, Convert: narrow("System.UInt32"), Is: isLong,
			Static: numberStatics(kindU32, int64(0), int64(math.MaxUint32)), Members: numberMembers},
		&TypeDef{FullName: "System.UInt64", Aliases: []string{"ulong", "uint64"}, ValueType: true, Convert: int64Conv("System.UInt64"), Is: isLong,
			Static: numberStatics(kindU64, int64(0), float64(math.MaxUint64)), Members: numberMembers},
		&TypeDef{FullName: "System.Numerics.BigInteger", Aliases: []string{"bigint"}, Assembly: "System.Runtime.Numerics", ValueType: true,
			Convert: int64Conv("System.Numerics.BigInteger"), Is: isLong, Members: numberMembers},
		&TypeDef{FullName: "System.Double", Aliases: []string{"double"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return toDouble(v) },
			Is:      func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(float64); return ok },
			Static: dotnet.MergeMembers(numberStatics(kindDouble, -math.MaxFloat64, math.MaxFloat64), Members{
				"NaN":              dotnet.Prop(func(*Call) (any, error) { return math.NaN(), nil }),
				"PositiveInfinity": dotnet.Prop(func(*Call) (any, error) { return math.Inf(1), nil }),
				"NegativeInfinity": dotnet.Prop(func(*Call) (any, error) { return math.Inf(-1), nil }),
				"Epsilon":          dotnet.Prop(func(*Call) (any, error) { return math.SmallestNonzeroFloat64, nil }),
				"IsNaN": dotnet.Method(1, 1, func(c *Call) (any, error) {
					f, err := c.Float(0, "d")
					return math.IsNaN(f), err
				}),
				"IsInfinity": dotnet.Method(1, 1, func(c *Call) (any, error) {
					f, err := c.Float(0, "d")
					return math.IsInf(f, 0), err
				}),
			}),
			Members: numberMembers},
		&TypeDef{FullName: "System.Single", Aliases: []string{"float", "single"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
				f, err := toDouble(v)
				if err != nil {
					if ce, ok := err.(*dotnet.ConversionError); ok {
						ce.Msg = strings.Replace(ce.Msg, "System.Double", "System.Single", 1)
					}
					return nil, err
				}
				return float32(f.(float64)), nil
			},
			Is:      func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(float32); return ok },
			Static:  numberStatics(kindSingle, float32(-math.MaxFloat32), float32(math.MaxFloat32)),
			Members: numberMembers},
		&TypeDef{FullName: "System.Decimal", Aliases: []string{"decimal"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
				v = bareValue(v)
				if s, ok := v.(string); ok {
					if d, ok := object.ParseDecimal(s); ok {
						return d, nil
					}
				}
				n, ok := numeric.ToNumber(v)
				if !ok {
					return nil, dotnet.ConvertFailed(v, "System.Decimal", formatErrDetail(v))
				}
				return numeric.Decimal(n), nil
			},
			Is: func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(object.Decimal); return ok },
			Static: numberStatics(kindDecimal,
				object.DecimalFromRat(new(big.Rat).SetFrac(new(big.Int).Neg(decimalMax()), big.NewInt(1))),
				object.DecimalFromRat(new(big.Rat).SetInt(decimalMax()))),
			Members: numberMembers},
	)
}

func decimalMax() *big.Int {
	n, _ := new(big.Int).SetString("79228162514264337593543950335", 10)
	return n
}

// setRef stores v through the [ref] argument i.
