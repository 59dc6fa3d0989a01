package runtime

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
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

func isConstantVariable(name string) bool {
	switch strings.ToLower(name) {
	case "null", "true", "false":
		return true
	}
	return false
}

// refToVariable makes [ref]$name.
func (rt *Runtime) refToVariable(name string) (*Ref, error) {
	v := rt.findVar(name)
	if v == nil {
		return nil, &opError{Msg: "[ref] cannot be applied to a variable that does not exist."}
	}
	return dotnet.VariableRef(func() any { return v.Value }, func(x any) { v.Value = x }), nil
}

func boolParse(s string) (bool, bool) {
	switch strings.ToLower(strings.Trim(s, " \t\r\n\x00")) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

func charPredicate(f func(rune) bool) *Member {
	return dotnet.Method(1, 2, func(c *Call) (any, error) {
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
func mathArgs(c *Call) ([]any, error) {
	out := make([]any, len(c.Args))
	for i, a := range c.Args {
		n, ok := numeric.ToNumber(bareValue(a))
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

func mathUnary(f func(float64) float64) *Member {
	return dotnet.Method(1, 1, func(c *Call) (any, error) {
		x, err := c.Float(0, "d")
		if err != nil {
			return nil, err
		}
		return f(x), nil
	})
}

// mathRoundLike is Floor/Ceiling/Truncate: decimal stays decimal.
func mathRoundLike(mode int) *Member {
	return dotnet.Method(1, 1, func(c *Call) (any, error) {
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

func mathMinMax(max bool) *Member {
	return dotnet.Method(2, 2, func(c *Call) (any, error) {
		ns, err := mathArgs(c)
		if err != nil {
			return nil, err
		}
		pick := ns[1]
		if cmp := numeric.Compare(ns[0], ns[1]); (max && cmp >= 0) || (!max && cmp <= 0) {
			pick = ns[0]
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

func init() { dotnet.RegisterLater(declareCoreTypes) }

// declareCoreTypes registers the file's types; it runs on the first type lookup.
func declareCoreTypes() {
	dotnet.RegisterType(
		&TypeDef{FullName: "System.Object", Aliases: []string{"object"},
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return v, nil },
			Is:      func(_ *TypeInfo, v any) bool { return v != nil },
			Members: Members{
				"ToString": dotnet.Method(0, 1, func(c *Call) (any, error) {
					if len(c.Args) == 1 {
						return number.FormatWithSpec(c.Self, c.Str(0))
					}
					if o, ok := c.Self.(*object.PSObject); ok {
						return o.String(), nil
					}
					return rtOf(c).toStr(c.Self), nil
				}),
				"Equals": dotnet.Method(1, 1, func(c *Call) (any, error) {
					if _, ok := c.Self.(*object.PSObject); ok {
						return dotnet.SameRef(c.Self, c.Arg(0)), nil
					}
					return rtOf(c).equalValues(c.Self, c.Arg(0), true), nil
				}),
				"GetHashCode": dotnet.Method(0, 0, func(c *Call) (any, error) {
					h := int32(0)
					for _, r := range rtOf(c).toStr(c.Self) {
						h = h*31 + int32(r)
					}
					return int(h), nil
				}),
				"GetType": dotnet.Method(0, 0, func(c *Call) (any, error) { return &TypeValue{Info: rtOf(c).TypeOf(c.Self)}, nil }),
			}},
		&TypeDef{FullName: "System.ValueType", Is: func(_ *TypeInfo, v any) bool {
			switch bareValue(v).(type) {
			case int, int64, float64, float32, bool, object.Char, object.Decimal, object.Guid, object.TimeSpan, object.Enum:
				return true
			}
			_, ok := bareValue(v).(time.Time)
			return ok
		}},
		&TypeDef{FullName: "System.Void", Aliases: []string{"void"},
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return voidValue{}, nil }},
		&TypeDef{FullName: "System.Boolean", Aliases: []string{"bool", "boolean"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) { return object.ToBool(v), nil },
			Is:      func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(bool); return ok },
			Static: Members{
				"TrueString":  dotnet.Prop(func(*Call) (any, error) { return "True", nil }),
				"FalseString": dotnet.Prop(func(*Call) (any, error) { return "False", nil }),
				"Parse": dotnet.Method(1, 1, func(c *Call) (any, error) {
					if c.Arg(0) == nil {
						return nil, dotnet.Throw("Value cannot be null. (Parameter 'value')")
					}
					b, ok := boolParse(c.Str(0))
					if !ok {
						return nil, dotnet.Throw("String '%s' was not recognized as a valid Boolean.", c.Str(0))
					}
					return b, nil
				}),
				"TryParse": dotnet.Method(2, 2, func(c *Call) (any, error) {
					b, ok := boolParse(c.Str(0))
					if err := dotnet.SetRef(c, 1, b); err != nil {
						return nil, err
					}
					return ok && c.Arg(0) != nil, nil
				}),
			},
			Members: Members{
				"CompareTo": dotnet.Method(1, 1, func(c *Call) (any, error) {
					a, b := bareValue(c.Self).(bool), object.ToBool(c.Arg(0))
					switch {
					case a == b:
						return 0, nil
					case !a:
						return -1, nil
					}
					return 1, nil
				}),
			}},
		&TypeDef{FullName: "System.Char", Aliases: []string{"char"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
				switch x := bareValue(v).(type) {
				case string:
					r := []rune(x)
					if len(r) != 1 {
						return nil, dotnet.ConvertFailed(v, "System.Char", "String must be exactly one character long.")
					}
					return object.Char(r[0]), nil
				case object.Char:
					return x, nil
				case int, int64, float64, object.Decimal:
					n, _ := numeric.ToNumber(x)
					i := numeric.Int64(n)
					if i < 0 || i > 65535 {
						return nil, dotnet.ConvertFailed(v, "System.Char", "Value was either too large or too small for a character.")
					}
					return object.Char(rune(i)), nil
				}
				return nil, dotnet.ConvertFailed(v, "System.Char", "")
			},
			Is: func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(object.Char); return ok },
			Static: Members{
				"MaxValue":         dotnet.Prop(func(*Call) (any, error) { return object.Char(0xFFFF), nil }),
				"MinValue":         dotnet.Prop(func(*Call) (any, error) { return object.Char(0), nil }),
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
				"GetNumericValue": dotnet.Method(1, 1, func(c *Call) (any, error) {
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
				"ConvertFromUtf32": dotnet.Method(1, 1, func(c *Call) (any, error) {
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
			Members: Members{
				"ToString": dotnet.Method(0, 0, func(c *Call) (any, error) { return string(rune(bareValue(c.Self).(object.Char))), nil }),
				"CompareTo": dotnet.Method(1, 1, func(c *Call) (any, error) {
					v, err := c.To(0, "System.Char", "value")
					if err != nil {
						return nil, err
					}
					return int(bareValue(c.Self).(object.Char)) - int(v.(object.Char)), nil
				}),
			}},
		&TypeDef{FullName: "System.Guid", Aliases: []string{"guid"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
				switch x := bareValue(v).(type) {
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
			Is:       func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(object.Guid); return ok },
			NewArity: []int{0, 1},
			New: func(c *Call) (any, error) {
				if len(c.Args) == 0 {
					return object.Guid{}, nil
				}
				g, ok := object.ParseGuid(c.Str(0))
				if !ok {
					return nil, dotnet.Throw("Unrecognized Guid format.")
				}
				return g, nil
			},
			Static: Members{
				"Empty":   dotnet.Prop(func(*Call) (any, error) { return object.Guid{}, nil }),
				"NewGuid": dotnet.Method(0, 0, func(c *Call) (any, error) { return rtOf(c).NewGuid(), nil }),
				"Parse": dotnet.Method(1, 1, func(c *Call) (any, error) {
					g, ok := object.ParseGuid(c.Str(0))
					if !ok {
						return nil, dotnet.Throw("Unrecognized Guid format.")
					}
					return g, nil
				}),
				"TryParse": dotnet.Method(2, 2, func(c *Call) (any, error) {
					g, ok := object.ParseGuid(c.Str(0))
					if err := dotnet.SetRef(c, 1, g); err != nil {
						return nil, err
					}
					return ok, nil
				}),
			},
			Members: Members{
				"ToString": dotnet.Method(0, 1, func(c *Call) (any, error) {
					g := bareValue(c.Self).(object.Guid)
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
				"CompareTo": dotnet.Method(1, 1, func(c *Call) (any, error) {
					return dotnet.CompareStrings(bareValue(c.Self).(object.Guid).String(), c.Str(0), false), nil
				}),
			}},
		&TypeDef{FullName: "System.Management.Automation.PSReference", Aliases: []string{"ref"},
			Convert: func(h dotnet.Host, _ *TypeInfo, v any) (any, error) {
				if r, ok := v.(*Ref); ok {
					return r, nil
				}
				return dotnet.NewRef(v), nil
			},
			Is: func(_ *TypeInfo, v any) bool { _, ok := v.(*Ref); return ok },
			Members: Members{
				"Value": {
					Get: func(c *Call) (any, error) { return c.Self.(*Ref).Get(), nil },
					Set: func(c *Call, v any) error { c.Self.(*Ref).Set(v); return nil },
				},
			}},
		&TypeDef{FullName: "System.Math", Aliases: []string{"math"},
			Static: Members{
				"PI":  dotnet.Prop(func(*Call) (any, error) { return math.Pi, nil }),
				"E":   dotnet.Prop(func(*Call) (any, error) { return math.E, nil }),
				"Tau": dotnet.Prop(func(*Call) (any, error) { return 2 * math.Pi, nil }),
				// Round(x), Round(x, digits), Round(x, mode), Round(x, digits, mode)
				"Round": dotnet.Method(1, 3, func(c *Call) (any, error) {
					ns, err := mathArgs(&Call{Host: c.Host, Args: c.Args[:1], Name: c.Name})
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
				"Abs": dotnet.Method(1, 1, func(c *Call) (any, error) {
					ns, err := mathArgs(c)
					if err != nil {
						return nil, err
					}
					switch x := ns[0].(type) {
					case int:
						if x == math.MinInt32 {
							return nil, dotnet.Throw("Negating the minimum value of a twos complement number is invalid.")
						}
						if x < 0 {
							return -x, nil
						}
						return x, nil
					case int64:
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
				"Sign": dotnet.Method(1, 1, func(c *Call) (any, error) {
					ns, err := mathArgs(c)
					if err != nil {
						return nil, err
					}
					return numeric.Compare(ns[0], 0), nil
				}),
				"Pow": dotnet.Method(2, 2, func(c *Call) (any, error) {
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
				"Log": dotnet.Method(1, 2, func(c *Call) (any, error) {
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
				"Atan2": dotnet.Method(2, 2, func(c *Call) (any, error) {
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
				"Clamp": dotnet.Method(3, 3, func(c *Call) (any, error) {
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
		&TypeDef{FullName: "System.Convert", Aliases: []string{"convert"},
			Static: Members{
				"ToInt32":   number.ConvertTo("System.Int32"),
				"ToInt64":   number.ConvertTo("System.Int64"),
				"ToInt16":   number.ConvertTo("System.Int16"),
				"ToByte":    number.ConvertTo("System.Byte"),
				"ToUInt32":  number.ConvertTo("System.UInt32"),
				"ToUInt64":  number.ConvertTo("System.UInt64"),
				"ToDouble":  number.ConvertTo("System.Double"),
				"ToSingle":  number.ConvertTo("System.Single"),
				"ToDecimal": number.ConvertTo("System.Decimal"),
				"ToChar":    number.ConvertTo("System.Char"),
				"ToDateTime": dotnet.Method(1, 2, func(c *Call) (any, error) {
					if c.Arg(0) == nil {
						return dates.Zero(), nil
					}
					d, err := datetime.ToDateTime(c.Arg(0))
					if err != nil {
						return nil, dotnet.Throw("String '%s' was not recognized as a valid DateTime.", c.Str(0))
					}
					return d, nil
				}),
				"ToBoolean": dotnet.Method(1, 2, func(c *Call) (any, error) {
					switch x := bareValue(c.Arg(0)).(type) {
					case string:
						b, ok := boolParse(x)
						if !ok {
							return nil, dotnet.Throw("String '%s' was not recognized as a valid Boolean.", x)
						}
						return b, nil
					}
					return object.ToBool(bareValue(c.Arg(0))), nil
				}),
				"ToString": dotnet.Method(1, 2, func(c *Call) (any, error) {
					v := bareValue(c.Arg(0))
					if len(c.Args) == 2 {
						if base, ok := bareValue(c.Arg(1)).(int); ok {
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
								if _, is32 := n.(int); is32 {
									return strconv.FormatUint(uint64(uint32(int32(i))), base), nil
								}
								return strconv.FormatUint(uint64(i), base), nil
							}
							return strconv.FormatInt(i, base), nil
						}
					}
					return dotnet.ToString(v), nil
				}),
				"ToBase64String": dotnet.Method(1, 3, func(c *Call) (any, error) {
					b, err := bytesArg(c, 0, "inArray")
					if err != nil {
						return nil, err
					}
					return base64.StdEncoding.EncodeToString(b), nil
				}),
				"FromBase64String": dotnet.Method(1, 1, func(c *Call) (any, error) {
					b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(c.Str(0)))
					if err != nil {
						return nil, dotnet.Throw("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
					}
					return dotnet.Bytes(b), nil
				}),
			}},
		&TypeDef{FullName: "System.Environment", Aliases: []string{"environment"},
			Static: Members{
				"NewLine":                dotnet.Prop(func(*Call) (any, error) { return "\n", nil }),
				"MachineName":            dotnet.Prop(func(*Call) (any, error) { return "EXOSIM", nil }),
				"UserName":               dotnet.Prop(func(*Call) (any, error) { return "admin", nil }),
				"UserDomainName":         dotnet.Prop(func(*Call) (any, error) { return "EXOSIM", nil }),
				"Is64BitOperatingSystem": dotnet.Prop(func(*Call) (any, error) { return true, nil }),
				"Is64BitProcess":         dotnet.Prop(func(*Call) (any, error) { return true, nil }),
				"ProcessorCount":         dotnet.Prop(func(*Call) (any, error) { return 2, nil }),
				"UserInteractive":        dotnet.Prop(func(c *Call) (any, error) { return rtOf(c).Interactive, nil }),
				"GetEnvironmentVariable": dotnet.Method(1, 2, func(c *Call) (any, error) {
					if v, ok := rtOf(c).envLookup(c.Str(0)); ok {
						return v, nil
					}
					return nil, nil
				}),
				"SetEnvironmentVariable": dotnet.Method(2, 3, func(c *Call) (any, error) {
					if c.Arg(1) == nil || c.Str(1) == "" {
						rtOf(c).env.Unset(c.Str(0))
					} else {
						rtOf(c).env.Set(c.Str(0), c.Str(1))
					}
					return voidValue{}, nil
				}),
				"GetFolderPath": dotnet.Method(1, 2, func(c *Call) (any, error) {
					f, err := dotnet.EnumArg(c, 0, "System.Environment+SpecialFolder", "folder")
					if err != nil {
						return nil, err
					}
					return rtOf(c).specialFolder(f.Name), nil
				}),
				"GetEnvironmentVariables": dotnet.Method(0, 1, func(c *Call) (any, error) {
					h := object.NewHashtable()
					for _, e := range rtOf(c).env.List() {
						h.Set(e.Name, e.Value)
					}
					return h, nil
				}),
			}},
		&TypeDef{FullName: "System.Text.Encoding", Aliases: []string{"text.encoding"},
			Static: Members{
				"UTF8":    dotnet.Prop(func(*Call) (any, error) { return &textEncoding{name: "utf-8"}, nil }),
				"ASCII":   dotnet.Prop(func(*Call) (any, error) { return &textEncoding{name: "us-ascii"}, nil }),
				"Unicode": dotnet.Prop(func(*Call) (any, error) { return &textEncoding{name: "utf-16"}, nil }),
				"Default": dotnet.Prop(func(*Call) (any, error) { return &textEncoding{name: "utf-8"}, nil }),
				"GetEncoding": dotnet.Method(1, 1, func(c *Call) (any, error) {
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
			Members: Members{
				"WebName":      dotnet.Prop(func(c *Call) (any, error) { return c.Self.(*textEncoding).name, nil }),
				"EncodingName": dotnet.Prop(func(c *Call) (any, error) { return c.Self.(*textEncoding).displayName(), nil }),
				"GetBytes": dotnet.Method(1, 1, func(c *Call) (any, error) {
					return dotnet.Bytes(c.Self.(*textEncoding).encode(c.Str(0))), nil
				}),
				"GetString": dotnet.Method(1, 3, func(c *Call) (any, error) {
					b, err := bytesArg(c, 0, "bytes")
					if err != nil {
						return nil, err
					}
					return c.Self.(*textEncoding).decode(b), nil
				}),
			}},
		dotnet.EnumDef("System.Environment+SpecialFolder", false, "Desktop", "Programs=2", "MyDocuments=5", "Personal=5", "Favorites=6", "Startup=7", "Recent=8", "MyMusic=13", "MyVideos=14", "DesktopDirectory=16", "Templates=21", "ApplicationData=26", "LocalApplicationData=28", "CommonApplicationData=35", "Windows=36", "System=37", "ProgramFiles=38", "MyPictures=39", "UserProfile=40", "ProgramFilesX86=42", "CommonDocuments=46"),
	)
}

func charMap(f func(rune) rune) *Member {
	return dotnet.Method(1, 1, func(c *Call) (any, error) {
		v, err := c.To(0, "System.Char", "c")
		if err != nil {
			return nil, err
		}
		return object.Char(f(rune(v.(object.Char)))), nil
	})
}

// isMidpointArg tells whether a Round argument names a MidpointRounding.
func isMidpointArg(v any) bool {
	switch x := bareValue(v).(type) {
	case object.Enum:
		return x.Type == "System.MidpointRounding"
	case string:
		_, isNum := numeric.ToNumber(x)
		return !isNum
	}
	return false
}

// bytesArg reads a byte[] argument.
func bytesArg(c *Call, i int, param string) ([]byte, error) {
	items, ok := enumerateForCompare(bareValue(c.Arg(i)))
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
		out[k] = byte(n.(int))
	}
	return out, nil
}

// textEncoding is a System.Text.Encoding value.
type textEncoding struct{ name string }

func (e *textEncoding) PSType() *TypeInfo { return dotnet.TypeByName("System.Text.Encoding") }

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
func (rt *Runtime) specialFolder(name string) string {
	env := func(v string) string { s, _ := rt.envLookup(v); return s }
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
