// Package system declares System.Object and [ref], and the base types of
// the System namespace that are neither numbers, text, dates nor
// collections: Boolean, Char, Guid, Math, Convert, Environment,
// Text.Encoding, Uri, Nullable<T>, Version, System.Type, SecureString,
// MailAddress, IPAddress, the connection settings of System.Net
// (ServicePointManager) and the exception types scripts construct and
// throw.
package system

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

func boolParse(s string) (bool, bool) {
	switch strings.ToLower(strings.Trim(s, " \t\r\n\x00")) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

func charPredicate(f func(rune) bool) *dotnet.Member {
	return dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
		if len(c.Args) == 2 {
			s := c.Str(0)
			i, err := c.Int(1, "index")
			if err != nil {
				return nil, err
			}
			rs := []rune(s)
			if i < 0 || i >= len(rs) {
				return nil, dotnet.Throw("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
			}
			return f(rs[i]), nil
		}
		v, err := c.To(0, "System.Char", "c")
		if err != nil {
			return nil, err
		}
		return f(rune(v.(object.Char))), nil
	})
}

// mathArgs converts every argument to a number; decimal tells whether any
// is a decimal (and none a double).
func mathArgs(c *dotnet.Call) ([]any, error) {
	out := make([]any, len(c.Args))
	for i, a := range c.Args {
		n, ok := numeric.ToNumber(dotnet.Bare(a))
		if !ok {
			_, err := c.To(i, "System.Double", fmt.Sprintf("value%d", i+1))
			if err == nil {
				err = dotnet.ArgConvertError(a, "value", c.Name, "System.Double", nil)
			}
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func hasKind(ns []any, kind int) bool {
	for _, n := range ns {
		if numeric.Kind(n) == kind {
			return true
		}
	}
	return false
}

// roundHalf rounds x to an integer with a MidpointRounding mode.
func roundHalf(x float64, mode int) float64 {
	switch mode {
	case 1:
		return math.Round(x)
	case 2:
		return math.Trunc(x)
	case 3:
		return math.Floor(x)
	case 4:
		return math.Ceil(x)
	}
	return math.RoundToEven(x)
}

// roundRat rounds r to digits decimals with a MidpointRounding mode.
func roundRat(r *big.Rat, digits, mode int) *big.Rat {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil))
	x := new(big.Rat).Mul(r, scale)
	num, den := x.Num(), x.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	// q truncated toward zero; m has num's sign
	twice := new(big.Int).Mul(new(big.Int).Abs(m), big.NewInt(2))
	cmp := twice.Cmp(den)
	neg := num.Sign() < 0
	up := false // away from zero by one
	switch mode {
	case 0: // to even
		up = cmp > 0 || cmp == 0 && q.Bit(0) == 1
	case 1:
		up = cmp >= 0
	case 2:
	case 3:
		up = neg && m.Sign() != 0
	case 4:
		up = !neg && m.Sign() != 0
	}
	if up && m.Sign() != 0 {
		if neg {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	out := new(big.Rat).SetInt(q)
	return out.Quo(out, scale)
}

func mathUnary(f func(float64) float64) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		x, err := c.Float(0, "d")
		if err != nil {
			return nil, err
		}
		return f(x), nil
	})
}

// mathRoundLike is Floor/Ceiling/Truncate: decimal stays decimal.
func mathRoundLike(mode int) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		ns, err := mathArgs(c)
		if err != nil {
			return nil, err
		}
		if d, ok := ns[0].(object.Decimal); ok {
			return object.DecimalFromRat(roundRat(d.Rat(), 0, mode)), nil
		}
		return roundHalf(numeric.Float(ns[0]), mode), nil
	})
}

func mathMinMax(max bool) *dotnet.Member {
	return dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
		ns, err := mathArgs(c)
		if err != nil {
			return nil, err
		}
		pick := ns[1]
		if cmp := numeric.Compare(ns[0], ns[1]); (max && cmp >= 0) || (!max && cmp <= 0) {
			pick = ns[0]
		}
		// integers call the overload of the integer type both convert
		// to (Max([byte]1, [byte]2) is a Byte)
		if t := numeric.IntegerOverload(ns...); t != "" {
			return numeric.OfIntegerType(pick, t), nil
		}
		switch {
		case hasKind(ns, 2):
			return numeric.Float(pick), nil
		case hasKind(ns, 3):
			return numeric.Decimal(pick), nil
		case hasKind(ns, 1):
			return numeric.Int64(pick), nil
		}
		return pick, nil
	})
}

// Declare registers the types.
func Declare() {
	declareObject()
	declareBase()
	declareNet()
	declareUri()
	declareNullable()
	declareExceptions()
	declareValues()
	declareTypes()
	declareBitConverter()
	declareStopwatch()
	declareAppDomain()
	declarePrincipal()
	declareConsole()
	declareMarshal()
	declareWeb()
}

// declareObject declares System.Object, whose members every type
// inherits, ValueType, Void and [ref].
func declareObject() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Object", Aliases: []string{"object"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return v, nil },
			Is:      func(_ *dotnet.TypeInfo, v any) bool { return v != nil },
			Members: dotnet.Members{
				"ToString": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
					if len(c.Args) == 1 {
						return number.FormatWithSpec(c.Self, c.Str(0))
					}
					if o, ok := c.Self.(*object.PSObject); ok {
						return o.String(), nil
					}
					return c.Host.ToStr(c.Self), nil
				}),
				"Equals": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					if _, ok := c.Self.(*object.PSObject); ok {
						return dotnet.SameRef(c.Self, c.Arg(0)), nil
					}
					return c.Host.Equal(c.Self, c.Arg(0), true), nil
				}),
				"GetHashCode": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					h := int32(0)
					for _, r := range c.Host.ToStr(c.Self) {
						h = h*31 + int32(r)
					}
					return int(h), nil
				}),
				"GetType": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return &dotnet.TypeValue{Info: c.Host.TypeOf(c.Self)}, nil }),
			}},
		&dotnet.TypeDef{FullName: "System.ValueType", Is: func(_ *dotnet.TypeInfo, v any) bool {
			switch dotnet.Bare(v).(type) {
			case int, int64, float64, float32, bool, object.Char, object.Decimal, object.Guid, object.TimeSpan, object.Enum, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
				return true
			}
			_, ok := dotnet.Bare(v).(time.Time)
			return ok
		}},
		&dotnet.TypeDef{FullName: "System.Void", Aliases: []string{"void"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return dotnet.Void{}, nil }},
		&dotnet.TypeDef{FullName: "System.Management.Automation.PSReference", Aliases: []string{"ref"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if r, ok := v.(*dotnet.Ref); ok {
					return r, nil
				}
				return dotnet.NewRef(v), nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := v.(*dotnet.Ref); return ok },
			Members: dotnet.Members{
				"Value": {
					Get: func(c *dotnet.Call) (any, error) { return c.Self.(*dotnet.Ref).Get(), nil },
					Set: func(c *dotnet.Call, v any) error { c.Self.(*dotnet.Ref).Set(v); return nil },
				},
			}},
	)
}

// declareBase declares the value types and the static classes.
func declareBase() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Boolean", Aliases: []string{"bool", "boolean"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) { return object.ToBool(v), nil },
			Is:      func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(bool); return ok },
			Static: dotnet.Members{
				"TrueString":  dotnet.Prop(func(*dotnet.Call) (any, error) { return "True", nil }),
				"FalseString": dotnet.Prop(func(*dotnet.Call) (any, error) { return "False", nil }),
				"Parse": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					if c.Arg(0) == nil {
						return nil, dotnet.Throw("Value cannot be null. (Parameter 'value')")
					}
					b, ok := boolParse(c.Str(0))
					if !ok {
						return nil, dotnet.Throw("String '%s' was not recognized as a valid Boolean.", c.Str(0))
					}
					return b, nil
				}),
				"TryParse": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					b, ok := boolParse(c.Str(0))
					if err := dotnet.SetRef(c, 1, b); err != nil {
						return nil, err
					}
					return ok && c.Arg(0) != nil, nil
				}),
			},
			Members: dotnet.Members{
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					a, b := dotnet.Bare(c.Self).(bool), object.ToBool(c.Arg(0))
					switch {
					case a == b:
						return 0, nil
					case !a:
						return -1, nil
					}
					return 1, nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Char", Aliases: []string{"char"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				switch x := dotnet.Bare(v).(type) {
				case nil:
					return object.Char(0), nil
				case string:
					r := []rune(x)
					if len(r) != 1 {
						return nil, dotnet.ConvertFailed(v, "System.Char", "String must be exactly one character long.")
					}
					return object.Char(r[0]), nil
				case object.Char:
					return x, nil
				case int, int64, float64, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
					n, _ := numeric.ToNumber(x)
					i := numeric.Int64(n)
					if i < 0 || i > 65535 {
						return nil, dotnet.ConvertFailed(v, "System.Char", "Value was either too large or too small for a character.")
					}
					return object.Char(rune(i)), nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Char", "")
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(object.Char); return ok },
			Static: dotnet.Members{
				"MaxValue":         dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Char(0xFFFF), nil }),
				"MinValue":         dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Char(0), nil }),
				"IsDigit":          charPredicate(unicode.IsDigit),
				"IsLetter":         charPredicate(unicode.IsLetter),
				"IsLetterOrDigit":  charPredicate(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }),
				"IsUpper":          charPredicate(unicode.IsUpper),
				"IsLower":          charPredicate(unicode.IsLower),
				"IsWhiteSpace":     charPredicate(unicode.IsSpace),
				"IsPunctuation":    charPredicate(unicode.IsPunct),
				"IsNumber":         charPredicate(unicode.IsNumber),
				"IsSymbol":         charPredicate(unicode.IsSymbol),
				"IsControl":        charPredicate(unicode.IsControl),
				"IsSeparator":      charPredicate(func(r rune) bool { return unicode.In(r, unicode.Z) }),
				"IsAsciiDigit":     charPredicate(func(r rune) bool { return r >= '0' && r <= '9' }),
				"IsAsciiLetter":    charPredicate(func(r rune) bool { return r < 128 && unicode.IsLetter(r) }),
				"IsHighSurrogate":  charPredicate(func(r rune) bool { return r >= 0xD800 && r <= 0xDBFF }),
				"IsSurrogate":      charPredicate(func(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }),
				"IsLowSurrogate":   charPredicate(func(r rune) bool { return r >= 0xDC00 && r <= 0xDFFF }),
				"ToUpper":          charMap(unicode.ToUpper),
				"ToLower":          charMap(unicode.ToLower),
				"ToUpperInvariant": charMap(unicode.ToUpper),
				"ToLowerInvariant": charMap(unicode.ToLower),
				"GetNumericValue": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := c.To(0, "System.Char", "c")
					if err != nil {
						return nil, err
					}
					r := rune(v.(object.Char))
					if r >= '0' && r <= '9' {
						return float64(r - '0'), nil
					}
					return -1.0, nil
				}),
				"ConvertFromUtf32": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					n, err := c.Int(0, "utf32")
					if err != nil {
						return nil, err
					}
					if n < 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) {
						return nil, dotnet.Throw("A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff). (Parameter 'utf32')")
					}
					return string(rune(n)), nil
				}),
			},
			Members: dotnet.Members{
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return string(rune(dotnet.Bare(c.Self).(object.Char))), nil }),
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := c.To(0, "System.Char", "value")
					if err != nil {
						return nil, err
					}
					return int(dotnet.Bare(c.Self).(object.Char)) - int(v.(object.Char)), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Guid", Aliases: []string{"guid"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				switch x := dotnet.Bare(v).(type) {
				case nil:
					return nil, &dotnet.ConversionError{Msg: object.CannotConvert(nil, "System.Guid")}
				case object.Guid:
					return x, nil
				case string:
					if g, ok := object.ParseGuid(x); ok {
						return g, nil
					}
					return nil, dotnet.ConvertFailed(v, "System.Guid", "Unrecognized Guid format.")
				}
				return nil, dotnet.ConvertFailed(v, "System.Guid", "")
			},
			Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(object.Guid); return ok },
			NewArity: []int{0, 1},
			New: func(c *dotnet.Call) (any, error) {
				if len(c.Args) == 0 {
					return object.Guid{}, nil
				}
				g, ok := object.ParseGuid(c.Str(0))
				if !ok {
					return nil, dotnet.Throw("Unrecognized Guid format.")
				}
				return g, nil
			},
			Static: dotnet.Members{
				"Empty":   dotnet.Prop(func(*dotnet.Call) (any, error) { return object.Guid{}, nil }),
				"NewGuid": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Host.NewGuid(), nil }),
				"Parse": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					g, ok := object.ParseGuid(c.Str(0))
					if !ok {
						return nil, dotnet.Throw("Unrecognized Guid format.")
					}
					return g, nil
				}),
				"TryParse": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					g, ok := object.ParseGuid(c.Str(0))
					if err := dotnet.SetRef(c, 1, g); err != nil {
						return nil, err
					}
					return ok, nil
				}),
			},
			Members: dotnet.Members{
				"ToString": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
					g := dotnet.Bare(c.Self).(object.Guid)
					switch c.Str(0) {
					case "", "D", "d":
						return g.String(), nil
					case "N", "n":
						return g.Hex32(), nil
					case "B", "b":
						return "{" + g.String() + "}", nil
					case "P", "p":
						return "(" + g.String() + ")", nil
					}
					return nil, dotnet.Throw("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
				}),
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return dotnet.CompareStrings(dotnet.Bare(c.Self).(object.Guid).String(), c.Str(0), false), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Math", Aliases: []string{"math"},
			Static: dotnet.Members{
				"PI":  dotnet.Prop(func(*dotnet.Call) (any, error) { return math.Pi, nil }),
				"E":   dotnet.Prop(func(*dotnet.Call) (any, error) { return math.E, nil }),
				"Tau": dotnet.Prop(func(*dotnet.Call) (any, error) { return 2 * math.Pi, nil }),
				// Round(x), Round(x, digits), Round(x, mode), Round(x, digits, mode)
				"Round": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					ns, err := mathArgs(&dotnet.Call{Host: c.Host, Args: c.Args[:1], Name: c.Name})
					if err != nil {
						return nil, err
					}
					digits, mode := 0, 0
					rest := c.Args[1:]
					if len(rest) > 0 {
						if isMidpointArg(rest[len(rest)-1]) {
							e, err := dotnet.EnumArg(c, len(c.Args)-1, "System.MidpointRounding", "mode")
							if err != nil {
								return nil, err
							}
							mode = e.Value
							rest = rest[:len(rest)-1]
						}
					}
					if len(rest) > 0 {
						if digits, err = c.Int(1, "digits"); err != nil {
							return nil, err
						}
					}
					if d, ok := ns[0].(object.Decimal); ok {
						if digits < 0 || digits > 28 {
							return nil, dotnet.Throw("Decimal can only round to between 0 and 28 digits of precision. (Parameter 'decimals')")
						}
						return object.DecimalFromRat(roundRat(d.Rat(), digits, mode)), nil
					}
					if digits < 0 || digits > 15 {
						return nil, dotnet.Throw("Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
					}
					f := numeric.Float(ns[0])
					if math.IsNaN(f) || math.IsInf(f, 0) {
						return f, nil
					}
					p := math.Pow(10, float64(digits))
					return roundHalf(f*p, mode) / p, nil
				}),
				"Floor":    mathRoundLike(3),
				"Ceiling":  mathRoundLike(4),
				"Truncate": mathRoundLike(2),
				"DivRem":   mathDivRem(),
				"Abs": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					ns, err := mathArgs(c)
					if err != nil {
						return nil, err
					}
					// Abs has overloads for the signed types: a Byte takes
					// the Int16 one, a UInt16 the Int32 one, a UInt32 the
					// Int64 one, a UInt64 the Double one
					switch x := ns[0].(type) {
					case int8:
						if x == math.MinInt8 {
							return nil, dotnet.Throw("Negating the minimum value of a twos complement number is invalid.")
						}
						return max(x, -x), nil
					case int16:
						if x == math.MinInt16 {
							return nil, dotnet.Throw("Negating the minimum value of a twos complement number is invalid.")
						}
						return max(x, -x), nil
					case uint8:
						return int16(x), nil
					case uint16:
						return int(x), nil
					case uint32:
						return int64(x), nil
					case int:
						if x == math.MinInt32 {
							return nil, dotnet.Throw("Negating the minimum value of a twos complement number is invalid.")
						}
						if x < 0 {
							return -x, nil
						}
						return x, nil
					case int64:
						if x == math.MinInt64 {
							return nil, dotnet.Throw("Negating the minimum value of a twos complement number is invalid.")
						}
						if x < 0 {
							return -x, nil
						}
						return x, nil
					case object.Decimal:
						return object.DecimalFromRat(new(big.Rat).Abs(x.Rat())), nil
					}
					return math.Abs(numeric.Float(ns[0])), nil
				}),
				"Max": mathMinMax(true),
				"Min": mathMinMax(false),
				"Sign": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					ns, err := mathArgs(c)
					if err != nil {
						return nil, err
					}
					return numeric.Compare(ns[0], 0), nil
				}),
				"Pow": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					x, err := c.Float(0, "x")
					if err != nil {
						return nil, err
					}
					y, err := c.Float(1, "y")
					if err != nil {
						return nil, err
					}
					return math.Pow(x, y), nil
				}),
				"Sqrt":  mathUnary(math.Sqrt),
				"Exp":   mathUnary(math.Exp),
				"Log10": mathUnary(math.Log10),
				"Log2":  mathUnary(math.Log2),
				"Sin":   mathUnary(math.Sin),
				"Cos":   mathUnary(math.Cos),
				"Tan":   mathUnary(math.Tan),
				"Asin":  mathUnary(math.Asin),
				"Acos":  mathUnary(math.Acos),
				"Atan":  mathUnary(math.Atan),
				"Cbrt":  mathUnary(math.Cbrt),
				"Log": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					x, err := c.Float(0, "a")
					if err != nil {
						return nil, err
					}
					if len(c.Args) == 2 {
						b, err := c.Float(1, "newBase")
						if err != nil {
							return nil, err
						}
						return math.Log(x) / math.Log(b), nil
					}
					return math.Log(x), nil
				}),
				"Atan2": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					y, err := c.Float(0, "y")
					if err != nil {
						return nil, err
					}
					x, err := c.Float(1, "x")
					if err != nil {
						return nil, err
					}
					return math.Atan2(y, x), nil
				}),
				"Clamp": dotnet.Method(3, 3, func(c *dotnet.Call) (any, error) {
					ns, err := mathArgs(c)
					if err != nil {
						return nil, err
					}
					if numeric.Compare(ns[1], ns[2]) > 0 {
						return nil, dotnet.Throw("'%s' cannot be greater than %s.", object.ToCultureString(ns[1]), object.ToCultureString(ns[2]))
					}
					v := ns[0]
					if numeric.Compare(v, ns[1]) < 0 {
						v = ns[1]
					} else if numeric.Compare(v, ns[2]) > 0 {
						v = ns[2]
					}
					if hasKind(ns, 2) {
						return numeric.Float(v), nil
					}
					return v, nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Convert", Aliases: []string{"convert"},
			Static: dotnet.Members{
				"ToInt32":   number.ConvertTo("System.Int32"),
				"ToInt64":   number.ConvertTo("System.Int64"),
				"ToInt16":   number.ConvertTo("System.Int16"),
				"ToByte":    number.ConvertTo("System.Byte"),
				"ToSByte":   number.ConvertTo("System.SByte"),
				"ToUInt16":  number.ConvertTo("System.UInt16"),
				"ToUInt32":  number.ConvertTo("System.UInt32"),
				"ToUInt64":  number.ConvertTo("System.UInt64"),
				"ToDouble":  number.ConvertTo("System.Double"),
				"ToSingle":  number.ConvertTo("System.Single"),
				"ToDecimal": number.ConvertTo("System.Decimal"),
				"ToChar":    number.ConvertTo("System.Char"),
				"ToDateTime": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					if c.Arg(0) == nil {
						return dates.Zero(), nil
					}
					if text, ok := dotnet.Bare(c.Arg(0)).(string); ok {
						d, why, ok := dates.ParseReasonEnUS(text)
						if !ok {
							return nil, dotnet.Throw("%s", why)
						}
						return d, nil
					}
					d, err := datetime.ToDateTime(c.Arg(0))
					if err != nil {
						return nil, dotnet.Throw("String '%s' was not recognized as a valid DateTime.", c.Str(0))
					}
					return d, nil
				}),
				"ToBoolean": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					switch x := dotnet.Bare(c.Arg(0)).(type) {
					case string:
						b, ok := boolParse(x)
						if !ok {
							return nil, dotnet.Throw("String '%s' was not recognized as a valid Boolean.", x)
						}
						return b, nil
					}
					return object.ToBool(dotnet.Bare(c.Arg(0))), nil
				}),
				"ToString": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					v := dotnet.Bare(c.Arg(0))
					if len(c.Args) == 2 {
						if base, ok := dotnet.Bare(c.Arg(1)).(int); ok {
							n, ok := numeric.ToNumber(v)
							if !ok || numeric.Kind(n) > 1 {
								return nil, dotnet.ArgConvertError(v, "value", c.Name, "System.Int64", nil)
							}
							i := numeric.Int64(n)
							switch base {
							case 2, 8, 10, 16:
							default:
								return nil, dotnet.Throw("Invalid Base. (Parameter 'toBase')")
							}
							if i < 0 && base != 10 {
								// the two's complement bits of the overload's
								// type: Byte, Int16 (an SByte too), Int32 (a
								// UInt16 too) or Int64
								width := 64
								switch n.(type) {
								case int8, int16:
									width = 16
								case int, uint16:
									width = 32
								}
								u := uint64(i)
								if width < 64 {
									u &= 1<<width - 1
								}
								return strconv.FormatUint(u, base), nil
							}
							return strconv.FormatInt(i, base), nil
						}
					}
					return dotnet.ToString(v), nil
				}),
				"ToBase64String": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					b, err := bytesArg(c, 0, "inArray")
					if err != nil {
						return nil, err
					}
					return base64.StdEncoding.EncodeToString(b), nil
				}),
				"FromBase64String": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(c.Str(0)))
					if err != nil {
						return nil, dotnet.Throw("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
					}
					return dotnet.Bytes(b), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Environment", Aliases: []string{"environment"},
			Static: dotnet.Members{
				"NewLine":                dotnet.Prop(func(*dotnet.Call) (any, error) { return "\n", nil }),
				"MachineName":            dotnet.Prop(func(*dotnet.Call) (any, error) { return "EXOSIM", nil }),
				"UserName":               dotnet.Prop(func(*dotnet.Call) (any, error) { return "admin", nil }),
				"UserDomainName":         dotnet.Prop(func(*dotnet.Call) (any, error) { return "EXOSIM", nil }),
				"Is64BitOperatingSystem": dotnet.Prop(func(*dotnet.Call) (any, error) { return true, nil }),
				"Is64BitProcess":         dotnet.Prop(func(*dotnet.Call) (any, error) { return true, nil }),
				"ProcessorCount":         dotnet.Prop(func(*dotnet.Call) (any, error) { return 2, nil }),
				"OSVersion":              dotnet.Prop(func(*dotnet.Call) (any, error) { return osVersion(), nil }),
				"Version":                dotnet.Prop(func(*dotnet.Call) (any, error) { return ParseVersion(RuntimeVersion, RuntimeVersion) }),
				"UserInteractive":        dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Host.UserInteractive(), nil }),
				"GetEnvironmentVariable": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					if v, ok := c.Host.Env().Get(c.Str(0)); ok {
						return v, nil
					}
					return nil, nil
				}),
				"SetEnvironmentVariable": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
					if c.Arg(1) == nil || c.Str(1) == "" {
						c.Host.Env().Unset(c.Str(0))
					} else {
						c.Host.Env().Set(c.Str(0), c.Str(1))
					}
					return dotnet.Void{}, nil
				}),
				"GetFolderPath": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					f, err := dotnet.EnumArg(c, 0, "System.Environment+SpecialFolder", "folder")
					if err != nil {
						return nil, err
					}
					return specialFolder(c.Host.Env(), f.Name), nil
				}),
				"GetEnvironmentVariables": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
					h := object.NewHashtable()
					for _, e := range c.Host.Env().List() {
						h.Set(e.Name, e.Value)
					}
					return h, nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Text.Encoding", Aliases: []string{"text.encoding"},
			Static: dotnet.Members{
				"UTF8":    dotnet.Prop(func(*dotnet.Call) (any, error) { return &textEncoding{name: "utf-8"}, nil }),
				"ASCII":   dotnet.Prop(func(*dotnet.Call) (any, error) { return &textEncoding{name: "us-ascii"}, nil }),
				"Unicode": dotnet.Prop(func(*dotnet.Call) (any, error) { return &textEncoding{name: "utf-16"}, nil }),
				"Default": dotnet.Prop(func(*dotnet.Call) (any, error) { return &textEncoding{name: "utf-8"}, nil }),
				"GetEncoding": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					switch strings.ToLower(c.Str(0)) {
					case "utf-8", "utf8", "65001":
						return &textEncoding{name: "utf-8"}, nil
					case "us-ascii", "ascii", "20127":
						return &textEncoding{name: "us-ascii"}, nil
					case "utf-16", "unicode", "1200":
						return &textEncoding{name: "utf-16"}, nil
					}
					return nil, dotnet.Throw("'%s' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')", c.Str(0))
				}),
			},
			Members: dotnet.Members{
				"WebName":      dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*textEncoding).name, nil }),
				"EncodingName": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*textEncoding).displayName(), nil }),
				"GetBytes": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return dotnet.Bytes(c.Self.(*textEncoding).encode(c.Str(0))), nil
				}),
				"GetString": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					b, err := bytesArg(c, 0, "bytes")
					if err != nil {
						return nil, err
					}
					return c.Self.(*textEncoding).decode(b), nil
				}),
			}},
		dotnet.EnumDef("System.PlatformID", false, "Win32S", "Win32Windows", "Win32NT", "WinCE", "Unix", "Xbox", "MacOSX", "Other"),
		dotnet.EnumDef("System.Environment+SpecialFolder", false, "Desktop", "Programs=2", "MyDocuments=5", "Personal=5", "Favorites=6", "Startup=7", "Recent=8", "MyMusic=13", "MyVideos=14", "DesktopDirectory=16", "Templates=21", "ApplicationData=26", "LocalApplicationData=28", "CommonApplicationData=35", "Windows=36", "System=37", "ProgramFiles=38", "MyPictures=39", "UserProfile=40", "ProgramFilesX86=42", "CommonDocuments=46"),
	)
}

func charMap(f func(rune) rune) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		v, err := c.To(0, "System.Char", "c")
		if err != nil {
			return nil, err
		}
		return object.Char(f(rune(v.(object.Char)))), nil
	})
}

// isMidpointArg tells whether a Round argument names a MidpointRounding.
func isMidpointArg(v any) bool {
	switch x := dotnet.Bare(v).(type) {
	case object.Enum:
		return x.Type == "System.MidpointRounding"
	case string:
		_, isNum := numeric.ToNumber(x)
		return !isNum
	}
	return false
}

// bytesArg reads a byte[] argument.
func bytesArg(c *dotnet.Call, i int, param string) ([]byte, error) {
	items, ok := object.Elements(dotnet.Bare(c.Arg(i)))
	if !ok {
		if c.Arg(i) == nil {
			return nil, dotnet.Throw("Value cannot be null. (Parameter '%s')", param)
		}
		items = []any{c.Arg(i)}
	}
	out := make([]byte, len(items))
	for k, it := range items {
		n, err := number.ToNarrowInt(it, "System.Byte")
		if err != nil {
			return nil, dotnet.ArgConvertError(c.Arg(i), param, c.Name, "System.Byte[]", err)
		}
		out[k] = n.(uint8)
	}
	return out, nil
}

// RuntimeVersion is the version of .NET PowerShell 7.4.6 runs on
// ([Environment]::Version).
const RuntimeVersion = "8.0.10"

// kernelVersion is the simulated machine's Linux kernel version, as
// [Environment]::OSVersion gives it.
const kernelVersion = "6.8.0.0"

// osVersion is [Environment]::OSVersion, an OperatingSystem: on Linux
// the platform is Unix and the version the kernel's.
func osVersion() *object.PSObject {
	o := object.NewObject("System.OperatingSystem", "System.Object")
	o.AddTyped("Platform", "System.PlatformID", object.Enum{Type: "System.PlatformID", Name: "Unix", Value: 4})
	o.AddTyped("ServicePack", "string", "")
	v, _ := ParseVersion(kernelVersion, kernelVersion)
	o.AddTyped("Version", "version", v)
	o.AddTyped("VersionString", "string", "Unix "+kernelVersion)
	o.ToStringFunc = func() string { return "Unix " + kernelVersion }
	return o
}

// textEncoding is a System.Text.Encoding value.
type textEncoding struct{ name string }

func (e *textEncoding) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.Text.Encoding") }

// PSTypeName is the .NET type name.
func (e *textEncoding) PSTypeName() string {
	switch e.name {
	case "us-ascii":
		return "System.Text.ASCIIEncoding+ASCIIEncodingSealed"
	case "utf-16":
		return "System.Text.UnicodeEncoding"
	}
	return "System.Text.UTF8Encoding+UTF8EncodingSealed"
}

func (e *textEncoding) displayName() string {
	switch e.name {
	case "us-ascii":
		return "US-ASCII"
	case "utf-16":
		return "Unicode"
	}
	return "Unicode (UTF-8)"
}

func (e *textEncoding) String() string { return e.PSTypeName() }

func (e *textEncoding) encode(s string) []byte {
	switch e.name {
	case "us-ascii":
		out := make([]byte, 0, len(s))
		for _, r := range s {
			if r > 127 {
				r = '?'
			}
			out = append(out, byte(r))
		}
		return out
	case "utf-16":
		var out []byte
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	return []byte(s)
}

func (e *textEncoding) decode(b []byte) string {
	switch e.name {
	case "us-ascii":
		rs := make([]rune, len(b))
		for i, c := range b {
			if c > 127 {
				rs[i] = '?'
			} else {
				rs[i] = rune(c)
			}
		}
		return string(rs)
	case "utf-16":
		us := make([]uint16, len(b)/2)
		for i := range us {
			us[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return string(utf16.Decode(us))
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func charValue(r rune) object.Char { return object.Char(r) }

// specialFolder is [Environment]::GetFolderPath for the simulated user:
// the folders of the profile in the C: drive that $env:USERPROFILE,
// $env:APPDATA and $env:LOCALAPPDATA name; "" for a folder the session
// does not have, as .NET answers for a folder a machine lacks.
func specialFolder(vars *fsys.Env, name string) string {
	env := func(v string) string { s, _ := vars.Get(v); return s }
	profile := env("USERPROFILE")
	in := func(base, sub string) string {
		if base == "" {
			return ""
		}
		return base + `\` + sub
	}
	switch name {
	case "Desktop", "DesktopDirectory":
		return in(profile, "Desktop")
	case "MyDocuments", "Personal":
		return in(profile, "Documents")
	case "MyMusic":
		return in(profile, "Music")
	case "MyVideos":
		return in(profile, "Videos")
	case "MyPictures":
		return in(profile, "Pictures")
	case "Favorites":
		return in(profile, "Favorites")
	case "UserProfile":
		return profile
	case "ApplicationData":
		return env("APPDATA")
	case "LocalApplicationData":
		return env("LOCALAPPDATA")
	}
	return ""
}

// System.Net's connection settings that runbooks touch before connecting:
// `[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12`.
// The simulator opens no connections, so the setting is only kept for the
// session (reading it back gives what was set; SystemDefault at first).

func declareNet() {
	const protoType = "System.Net.SecurityProtocolType"
	dotnet.RegisterType(
		dotnet.EnumDef(protoType, true, "SystemDefault=0", "Ssl3=48", "Tls=192", "Tls11=768", "Tls12=3072", "Tls13=12288"),
		&dotnet.TypeDef{FullName: "System.Net.ServicePointManager", Assembly: "System.Net.ServicePoint",
			Static: dotnet.Members{
				"SecurityProtocol": &dotnet.Member{
					Get: func(c *dotnet.Call) (any, error) {
						if v := c.Host.Settings().SecurityProtocol; v != nil {
							return v, nil
						}
						return object.Enum{Type: protoType, Name: "SystemDefault", Value: 0}, nil
					},
					Set: func(c *dotnet.Call, v any) error {
						e, err := dotnet.TypeByName(protoType).Convert(c.Host, v)
						if err != nil {
							return err
						}
						c.Host.Settings().SecurityProtocol = e
						return nil
					},
				},
			}},
	)
}

// System.Uri's escaping statics, which runbooks use to build Graph and
// REST query strings.
func declareUri() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Uri", Aliases: []string{"uri"}, Assembly: "System.Private.Uri",
		Static: dotnet.Members{
			"EscapeDataString":   dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return escapeDataString(c.Str(0)), nil }),
			"UnescapeDataString": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return unescapeDataString(c.Str(0)), nil }),
		}})
}

// escapeDataString percent-encodes every UTF-8 byte except the unreserved
// characters of RFC 3986 (letters, digits, - _ . ~), in upper-case hex.
func escapeDataString(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hexDigits[c>>4], hexDigits[c&15])
	}
	return string(b)
}

// unescapeDataString decodes %XX sequences; a % not followed by two hex
// digits stays as it is.
func unescapeDataString(s string) string {
	unhex := func(c byte) (byte, bool) {
		switch {
		case '0' <= c && c <= '9':
			return c - '0', true
		case 'a' <= c && c <= 'f':
			return c - 'a' + 10, true
		case 'A' <= c && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, hi<<4|lo)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// System.Nullable<T>: a value of T or $null. PowerShell never keeps a
// boxed Nullable: a value converted to Nullable[T] is a plain T (its
// GetType() is T), and $null stays $null instead of becoming T's default.
// Scripts type optional parameters this way ([Nullable[DateTime]]$Start)
// so that "not given" can be told from any real value.

func declareNullable() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Nullable`1", ValueType: true,
		Convert: func(h dotnet.Host, t *dotnet.TypeInfo, v any) (any, error) {
			if _, ok := v.(dotnet.Void); ok {
				v = nil
			}
			if v == nil || len(t.Args) != 1 || t.Args[0].Convert == nil {
				return v, nil
			}
			return t.Args[0].Convert(h, v)
		},
		Is: func(t *dotnet.TypeInfo, v any) bool {
			return len(t.Args) == 1 && v != nil && t.Args[0].Test(v)
		},
	})
}
