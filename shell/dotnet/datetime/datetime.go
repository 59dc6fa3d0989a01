// Package datetime declares the .NET date and time types: DateTime and
// TimeSpan with their arithmetic (on the session's simulated clock),
// TimeZoneInfo, and the culture (CultureInfo, TextInfo) that formats them.
package datetime

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

func isDate(v any) bool { _, ok := v.(time.Time); return ok }

func selfDate(c *dotnet.Call) time.Time { return object.Unwrap(c.Self).(time.Time) }

// dateArithmetic is .NET's ArgumentOutOfRangeException for a sum outside
// DateTime's range (year 1 to 9999); param names the method's parameter.
func dateArithmetic(param string) error {
	return dotnet.Throw("The added or subtracted value results in an un-representable DateTime. (Parameter '%s')", param)
}

// AddTicks adds ticks to t within DateTime's range, else the .NET error.
func AddTicks(t time.Time, ticks int64, param string) (time.Time, error) {
	r, ok := object.AddDateTicks(t, ticks)
	if !ok {
		return time.Time{}, dateArithmetic(param)
	}
	return r, nil
}

// dateAdd is AddDays/AddHours/...: a double count of units. As in .NET,
// a count beyond the range's number of units is refused outright; the
// whole units and the fraction become ticks separately.
func dateAdd(ticksPerUnit object.TimeSpan) *dotnet.Member {
	per := int64(ticksPerUnit)
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		f, err := c.Float(0, "value")
		if err != nil {
			return nil, err
		}
		if math.IsNaN(f) {
			return nil, dateArithmetic("value")
		}
		if math.Abs(f) > float64(object.MaxDateTimeTicks/per) {
			return nil, dotnet.Throw("Value to add was out of range. (Parameter 'value')")
		}
		whole := math.Trunc(f)
		ticks := int64(whole)*per + int64((f-whole)*float64(per))
		return AddTicks(selfDate(c), ticks, "value")
	})
}

// cultureOf reads an optional culture/format provider argument: true when
// it is the invariant culture.
func invariantArg(c *dotnet.Call, i int) bool {
	ci, ok := object.Unwrap(c.Arg(i)).(*cultureInfo)
	return ok && ci.name == ""
}

// parseIn reads argument 0 as DateTime.Parse does with the format provider
// of argument i: the invariant culture's rules for it, else the current
// culture's (en-US).
func parseIn(c *dotnet.Call, i int) (time.Time, string, bool) {
	if i >= 0 && i < len(c.Args) {
		if ci, ok := dotnet.Bare(c.Arg(i)).(*cultureInfo); ok && ci.name == "" {
			return dates.ParseReason(c.Str(0))
		}
	}
	return dates.ParseReasonEnUS(c.Str(0))
}

func badDate(s string) error {
	return dotnet.Throw("String '%s' was not recognized as a valid DateTime.", s)
}

func dateStyles(c *dotnet.Call, i int) (int, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	e, err := dotnet.EnumArg(c, i, "System.Globalization.DateTimeStyles", "style")
	return e.Value, err
}

// exactFormats reads a format or format[] argument.
func exactFormats(c *dotnet.Call, i int) []string {
	if items, ok := object.Elements(object.Unwrap(c.Arg(i))); ok {
		out := make([]string, len(items))
		for k, it := range items {
			out[k] = c.Host.ToStr(it)
		}
		return out
	}
	return []string{c.Str(i)}
}

func spanFrom(unit float64) *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		f, err := c.Float(0, "value")
		if err != nil {
			return nil, err
		}
		if math.IsNaN(f) {
			return nil, dotnet.Throw("TimeSpan does not accept floating point Not-a-Number values.")
		}
		t := f * unit
		if t > math.MaxInt64 || t < math.MinInt64 {
			return nil, dotnet.Throw("TimeSpan overflowed because the duration is too long.")
		}
		return object.TimeSpan(t), nil
	})
}

func selfSpan(c *dotnet.Call) object.TimeSpan { return object.Unwrap(c.Self).(object.TimeSpan) }

func spanArg(c *dotnet.Call, i int) (object.TimeSpan, error) {
	v, err := c.To(i, "System.TimeSpan", "ts")
	if err != nil {
		return 0, err
	}
	return v.(object.TimeSpan), nil
}

// Declare registers DateTime, TimeSpan, TimeZoneInfo, CultureInfo and TextInfo.
func Declare() {
	declareTimeZone()
	declareOffset()
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.DateTime", Aliases: []string{"datetime"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				d, err := ToDateTime(v)
				if err != nil {
					return nil, err
				}
				return d, nil
			},
			Is:       func(_ *dotnet.TypeInfo, v any) bool { return isDate(object.Unwrap(v)) },
			NewArity: []int{1, 2, 3, 4, 6, 7, 8},
			New: func(c *dotnet.Call) (any, error) {
				kind := "Unspecified"
				args := c.Args
				if len(args) == 2 || len(args) == 4 || len(args) == 7 || len(args) == 8 {
					if e, ok := object.Unwrap(args[len(args)-1]).(object.Enum); ok || !object.IsNumeric(object.Unwrap(args[len(args)-1])) {
						if !ok {
							ev, err := dotnet.EnumArg(c, len(args)-1, "System.DateTimeKind", "kind")
							if err != nil {
								return nil, err
							}
							e = ev
						}
						kind = e.Name
						args = args[:len(args)-1]
					}
				}
				ns := make([]int, len(args))
				for i := range args {
					if len(args) == 1 {
						break
					}
					n, err := c.Int(i, []string{"year", "month", "day", "hour", "minute", "second", "millisecond"}[i])
					if err != nil {
						return nil, err
					}
					ns[i] = n
				}
				if len(args) == 1 {
					v, err := c.To(0, "System.Int64", "ticks")
					if err != nil {
						return nil, err
					}
					t, _ := ToDateTime(v)
					return dates.WithKind(t, kind), nil
				}
				for len(ns) < 7 {
					ns = append(ns, 0)
				}
				if ns[0] < 1 || ns[0] > 9999 || ns[1] < 1 || ns[1] > 12 || ns[2] < 1 || ns[2] > dates.DaysIn(ns[0], ns[1]) ||
					ns[3] < 0 || ns[3] > 23 || ns[4] < 0 || ns[4] > 59 || ns[5] < 0 || ns[5] > 59 || ns[6] < 0 || ns[6] > 999 {
					return nil, dotnet.Throw("Year, Month, and Day parameters describe an un-representable DateTime.")
				}
				t := time.Date(ns[0], time.Month(ns[1]), ns[2], ns[3], ns[4], ns[5], ns[6]*1e6, time.UTC)
				return dates.WithKind(t, kind), nil
			},
			Static: dotnet.Members{
				"Now":    dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Host.Now().In(object.LocalZone.Get()), nil }),
				"UtcNow": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Host.Now().UTC(), nil }),
				"Today": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					n := c.Host.Now()
					return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, object.LocalZone.Get()), nil
				}),
				"MinValue": dotnet.Prop(func(*dotnet.Call) (any, error) { return dates.Zero(), nil }),
				"MaxValue": dotnet.Prop(func(*dotnet.Call) (any, error) {
					return time.Date(9999, 12, 31, 23, 59, 59, 999999900, object.UnspecifiedZone.Get()), nil
				}),
				"UnixEpoch": dotnet.Prop(func(*dotnet.Call) (any, error) { return time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), nil }),
				// Parse(s[, provider[, styles]])
				"Parse": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					if c.Arg(0) == nil {
						return nil, dotnet.Throw("Value cannot be null. (Parameter 's')")
					}
					t, why, ok := parseIn(c, 1)
					if !ok {
						return nil, dotnet.Throw("%s", why)
					}
					styles, err := dateStyles(c, 2)
					if err != nil {
						return nil, err
					}
					return dates.ApplyStyles(t, styles), nil
				}),
				// ParseExact(s, format|formats, provider[, styles])
				"ParseExact": dotnet.Method(3, 4, func(c *dotnet.Call) (any, error) {
					if c.Arg(0) == nil {
						return nil, dotnet.Throw("Value cannot be null. (Parameter 's')")
					}
					if c.Arg(1) == nil {
						return nil, dotnet.Throw("Value cannot be null. (Parameter 'format')")
					}
					fmts := exactFormats(c, 1)
					if len(fmts) == 1 && fmts[0] == "" {
						return nil, dotnet.Throw("String '' was not recognized as a valid DateTime.")
					}
					t, ok := dates.ParseExactAny(c.Str(0), fmts)
					if !ok {
						return nil, badDate(c.Str(0))
					}
					styles, err := dateStyles(c, 3)
					if err != nil {
						return nil, err
					}
					return dates.ApplyStyles(t, styles), nil
				}),
				// TryParse(s, [ref]r), TryParse(s, provider, styles, [ref]r)
				"TryParse": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					provider := -1
					if len(c.Args) == 4 {
						provider = 1
					}
					t, _, ok := parseIn(c, provider)
					if !ok || c.Arg(0) == nil {
						t, ok = dates.Zero(), false
					} else if len(c.Args) == 4 {
						styles, err := dateStyles(c, 2)
						if err != nil {
							return nil, err
						}
						t = dates.ApplyStyles(t, styles)
					}
					if err := dotnet.SetRef(c, len(c.Args)-1, t); err != nil {
						return nil, err
					}
					return ok, nil
				}),
				// TryParseExact(s, format|formats, provider, styles, [ref]r)
				"TryParseExact": dotnet.Method(5, 5, func(c *dotnet.Call) (any, error) {
					t, ok := dates.ParseExactAny(c.Str(0), exactFormats(c, 1))
					if !ok || c.Arg(0) == nil {
						t, ok = dates.Zero(), false
					} else {
						styles, err := dateStyles(c, 3)
						if err != nil {
							return nil, err
						}
						t = dates.ApplyStyles(t, styles)
					}
					if err := dotnet.SetRef(c, 4, t); err != nil {
						return nil, err
					}
					return ok, nil
				}),
				"SpecifyKind": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					d, err := c.To(0, "System.DateTime", "value")
					if err != nil {
						return nil, err
					}
					k, err := dotnet.EnumArg(c, 1, "System.DateTimeKind", "kind")
					if err != nil {
						return nil, err
					}
					return dates.WithKind(d.(time.Time), k.Name), nil
				}),
				"DaysInMonth": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					y, err := c.Int(0, "year")
					if err != nil {
						return nil, err
					}
					m, err := c.Int(1, "month")
					if err != nil {
						return nil, err
					}
					if m < 1 || m > 12 {
						return nil, dotnet.Throw("Month must be between one and twelve. (Parameter 'month')")
					}
					if y < 1 || y > 9999 {
						return nil, dotnet.Throw("Year must be between 1 and 9999. (Parameter 'year')")
					}
					return dates.DaysIn(y, m), nil
				}),
				"IsLeapYear": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					y, err := c.Int(0, "year")
					if err != nil {
						return nil, err
					}
					return y%4 == 0 && (y%100 != 0 || y%400 == 0), nil
				}),
				"Compare": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
					a, err := c.To(0, "System.DateTime", "t1")
					if err != nil {
						return nil, err
					}
					b, err := c.To(1, "System.DateTime", "t2")
					if err != nil {
						return nil, err
					}
					return a.(time.Time).Compare(b.(time.Time)), nil
				}),
				"FromFileTimeUtc": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := c.To(0, "System.Int64", "fileTime")
					if err != nil {
						return nil, err
					}
					t, _ := ToDateTime(v.(int64) + 504911232000000000)
					return t.UTC(), nil
				}),
				"FromFileTime": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := c.To(0, "System.Int64", "fileTime")
					if err != nil {
						return nil, err
					}
					t, _ := ToDateTime(v.(int64) + 504911232000000000)
					return t.In(object.LocalZone.Get()), nil
				}),
			},
			Members: dotnet.Members{
				"AddDays":         dateAdd(object.TicksPerDay),
				"AddHours":        dateAdd(object.TicksPerHour),
				"AddMinutes":      dateAdd(object.TicksPerMinute),
				"AddSeconds":      dateAdd(object.TicksPerSecond),
				"AddMilliseconds": dateAdd(object.TicksPerMillisecond),
				"AddTicks": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := c.To(0, "System.Int64", "value")
					if err != nil {
						return nil, err
					}
					return AddTicks(selfDate(c), v.(int64), "value")
				}),
				"AddMonths": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					n, err := c.Int(0, "months")
					if err != nil {
						return nil, err
					}
					if n < -120000 || n > 120000 {
						return nil, dotnet.Throw("Months value must be between +/-120000. (Parameter 'months')")
					}
					return addMonths(selfDate(c), n, "months")
				}),
				"AddYears": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					n, err := c.Int(0, "value")
					if err != nil {
						return nil, err
					}
					if n < -10000 || n > 10000 {
						return nil, dotnet.Throw("Years value must be between +/-10000. (Parameter 'value')")
					}
					return addMonths(selfDate(c), 12*n, "value")
				}),
				"Add": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					ts, err := spanArg(c, 0)
					if err != nil {
						return nil, err
					}
					return AddTicks(selfDate(c), int64(ts), "value")
				}),
				// Subtract(DateTime) → TimeSpan; Subtract(TimeSpan) → DateTime
				"Subtract": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					switch o := object.Unwrap(c.Arg(0)).(type) {
					case time.Time:
						return object.DateDiff(selfDate(c), o), nil
					case object.TimeSpan:
						return SubTicks(selfDate(c), o, "value")
					}
					if d, err := ToDateTime(c.Arg(0)); err == nil {
						return object.DateDiff(selfDate(c), d), nil
					}
					ts, err := spanArg(c, 0)
					if err != nil {
						return nil, err
					}
					return SubTicks(selfDate(c), ts, "value")
				}),
				"ToString": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
					f := ""
					inv := false
					switch len(c.Args) {
					case 1:
						if _, isCulture := object.Unwrap(c.Arg(0)).(*cultureInfo); isCulture {
							inv = invariantArg(c, 0)
						} else {
							f = c.Str(0)
						}
					case 2:
						f, inv = c.Str(0), invariantArg(c, 1)
					}
					if inv {
						return object.FormatDateTimeInvariant(selfDate(c), f), nil
					}
					return object.FormatDateTime(selfDate(c), f), nil
				}),
				"ToShortDateString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.FormatDateTime(selfDate(c), "d"), nil }),
				"ToLongDateString":  dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.FormatDateTime(selfDate(c), "D"), nil }),
				"ToShortTimeString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.FormatDateTime(selfDate(c), "t"), nil }),
				"ToLongTimeString":  dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.FormatDateTime(selfDate(c), "T"), nil }),
				"ToUniversalTime":   dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return selfDate(c).UTC(), nil }),
				"ToLocalTime": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					return selfDate(c).In(object.LocalZone.Get()), nil
				}),
				"ToFileTime": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					return object.DateTimeTicks(selfDate(c)) - 504911232000000000, nil
				}),
				"ToFileTimeUtc": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					return object.DateTimeTicks(selfDate(c)) - 504911232000000000, nil
				}),
				"ToOADate": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
					return float64(object.DateDiff(selfDate(c), base)) / float64(object.TicksPerDay), nil
				}),
				"IsDaylightSavingTime": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return false, nil }),
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					if c.Arg(0) == nil {
						return 1, nil
					}
					o, ok := object.Unwrap(c.Arg(0)).(time.Time)
					if !ok {
						return nil, dotnet.Throw("Object must be of type DateTime.")
					}
					return selfDate(c).Compare(o), nil
				}),
				"Equals": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					o, ok := object.Unwrap(c.Arg(0)).(time.Time)
					return ok && o.Equal(selfDate(c)), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.TimeSpan", Aliases: []string{"timespan"}, ValueType: true,
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if object.Unwrap(v) == nil {
					// a cast has no conversion of $null to TimeSpan
					return nil, &dotnet.ConversionError{Msg: object.CannotConvert(nil, "System.TimeSpan")}
				}
				return ToTimeSpan(v)
			},
			Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(object.TimeSpan); return ok },
			NewArity: []int{1, 3, 4, 5},
			New: func(c *dotnet.Call) (any, error) {
				if len(c.Args) == 1 {
					v, err := c.To(0, "System.Int64", "ticks")
					if err != nil {
						return nil, err
					}
					return object.TimeSpan(v.(int64)), nil
				}
				names := []string{"hours", "minutes", "seconds"}
				if len(c.Args) >= 4 {
					names = []string{"days", "hours", "minutes", "seconds", "milliseconds"}
				}
				ns := make([]int64, len(c.Args))
				for i := range c.Args {
					n, err := c.Int(i, names[i])
					if err != nil {
						return nil, err
					}
					ns[i] = int64(n)
				}
				var t int64
				if len(ns) == 3 {
					t = ns[0]*int64(object.TicksPerHour) + ns[1]*int64(object.TicksPerMinute) + ns[2]*int64(object.TicksPerSecond)
				} else {
					t = ns[0]*int64(object.TicksPerDay) + ns[1]*int64(object.TicksPerHour) + ns[2]*int64(object.TicksPerMinute) + ns[3]*int64(object.TicksPerSecond)
					if len(ns) == 5 {
						t += ns[4] * int64(object.TicksPerMillisecond)
					}
				}
				return object.TimeSpan(t), nil
			},
			Static: dotnet.Members{
				"Zero":             dotnet.Prop(func(*dotnet.Call) (any, error) { return object.TimeSpan(0), nil }),
				"MaxValue":         dotnet.Prop(func(*dotnet.Call) (any, error) { return object.TimeSpan(math.MaxInt64), nil }),
				"MinValue":         dotnet.Prop(func(*dotnet.Call) (any, error) { return object.TimeSpan(math.MinInt64), nil }),
				"TicksPerDay":      dotnet.Prop(func(*dotnet.Call) (any, error) { return int64(object.TicksPerDay), nil }),
				"TicksPerHour":     dotnet.Prop(func(*dotnet.Call) (any, error) { return int64(object.TicksPerHour), nil }),
				"TicksPerMinute":   dotnet.Prop(func(*dotnet.Call) (any, error) { return int64(object.TicksPerMinute), nil }),
				"TicksPerSecond":   dotnet.Prop(func(*dotnet.Call) (any, error) { return int64(object.TicksPerSecond), nil }),
				"FromDays":         spanFrom(float64(object.TicksPerDay)),
				"FromHours":        spanFrom(float64(object.TicksPerHour)),
				"FromMinutes":      spanFrom(float64(object.TicksPerMinute)),
				"FromSeconds":      spanFrom(float64(object.TicksPerSecond)),
				"FromMilliseconds": spanFrom(float64(object.TicksPerMillisecond)),
				"FromTicks": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					v, err := c.To(0, "System.Int64", "value")
					if err != nil {
						return nil, err
					}
					return object.TimeSpan(v.(int64)), nil
				}),
				"Parse": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					ts, ok := object.ParseTimeSpan(c.Str(0))
					if !ok {
						return nil, dotnet.Throw("String '%s' was not recognized as a valid TimeSpan.", c.Str(0))
					}
					return ts, nil
				}),
				"TryParse": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
					ts, ok := object.ParseTimeSpan(c.Str(0))
					if err := dotnet.SetRef(c, len(c.Args)-1, ts); err != nil {
						return nil, err
					}
					return ok, nil
				}),
			},
			Members: dotnet.Members{
				"Add": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					o, err := spanArg(c, 0)
					if err != nil {
						return nil, err
					}
					return AddSpans(selfSpan(c), o)
				}),
				"Subtract": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					o, err := spanArg(c, 0)
					if err != nil {
						return nil, err
					}
					return SubSpans(selfSpan(c), o)
				}),
				"Multiply": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					f, err := c.Float(0, "factor")
					if err != nil {
						return nil, err
					}
					return object.TimeSpan(math.Round(float64(selfSpan(c)) * f)), nil
				}),
				"Divide": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					if o, ok := object.Unwrap(c.Arg(0)).(object.TimeSpan); ok {
						return float64(selfSpan(c)) / float64(o), nil
					}
					f, err := c.Float(0, "divisor")
					if err != nil {
						return nil, err
					}
					return object.TimeSpan(math.Round(float64(selfSpan(c)) / f)), nil
				}),
				"Negate": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return -selfSpan(c), nil }),
				"Duration": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					if t := selfSpan(c); t < 0 {
						return -t, nil
					}
					return selfSpan(c), nil
				}),
				"ToString": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
					out, ok := object.FormatTimeSpan(selfSpan(c), c.Str(0))
					if !ok {
						return nil, dotnet.Throw("Input string was not in a correct format.")
					}
					return out, nil
				}),
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					o, err := spanArg(c, 0)
					if err != nil {
						return nil, err
					}
					return numeric.Compare(int64(selfSpan(c)), int64(o)), nil
				}),
				"Equals": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					o, ok := object.Unwrap(c.Arg(0)).(object.TimeSpan)
					return ok && o == selfSpan(c), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Globalization.CultureInfo", Aliases: []string{"cultureinfo"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if ci, ok := object.Unwrap(v).(*cultureInfo); ok {
					return ci, nil
				}
				return newCulture(h.ToStr(v))
			},
			Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*cultureInfo); return ok },
			NewArity: []int{1, 2},
			New:      func(c *dotnet.Call) (any, error) { return newCulture(c.Str(0)) },
			Static: dotnet.Members{
				"InvariantCulture":      dotnet.Prop(func(*dotnet.Call) (any, error) { return &cultureInfo{name: ""}, nil }),
				"CurrentCulture":        dotnet.Prop(func(*dotnet.Call) (any, error) { return &cultureInfo{name: "en-US"}, nil }),
				"CurrentUICulture":      dotnet.Prop(func(*dotnet.Call) (any, error) { return &cultureInfo{name: "en-US"}, nil }),
				"GetCultureInfo":        dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return newCulture(c.Str(0)) }),
				"CreateSpecificCulture": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return newCulture(c.Str(0)) }),
			},
			Members: dotnet.Members{
				"Name": dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*cultureInfo).name, nil }),
				"DisplayName": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					if c.Self.(*cultureInfo).name == "" {
						return "Invariant Language (Invariant Country)", nil
					}
					return "English (United States)", nil
				}),
				"TextInfo":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return &textInfo{culture: c.Self.(*cultureInfo).name}, nil }),
				"DateTimeFormat": dotnet.Prop(func(c *dotnet.Call) (any, error) { return dateTimeFormat(c.Self.(*cultureInfo).name == ""), nil }),
				"NumberFormat":   dotnet.Prop(func(c *dotnet.Call) (any, error) { return numberFormat(c.Self.(*cultureInfo).name == ""), nil }),
				"LCID": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					if c.Self.(*cultureInfo).name == "" {
						return 127, nil
					}
					return 1033, nil
				}),
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Self.(*cultureInfo).name, nil }),
			}},
		&dotnet.TypeDef{FullName: "System.Globalization.TextInfo",
			Members: dotnet.Members{
				"ListSeparator": dotnet.Prop(func(*dotnet.Call) (any, error) { return ",", nil }),
				"CultureName":   dotnet.Prop(func(c *dotnet.Call) (any, error) { return c.Self.(*textInfo).culture, nil }),
				"ToUpper":       dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return strings.ToUpper(c.Str(0)), nil }),
				"ToLower":       dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return strings.ToLower(c.Str(0)), nil }),
				"ToTitleCase":   dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return titleCase(c.Str(0)), nil }),
			}},
	)
}

// errSpanOverflow is .NET's OverflowException of TimeSpan arithmetic.
var errSpanOverflow error = &dotnet.MethodException{Msg: "TimeSpan overflowed because the duration is too long."}

// AddSpans is TimeSpan + TimeSpan, refusing to wrap around.
func AddSpans(a, b object.TimeSpan) (object.TimeSpan, error) {
	r := a + b
	if (b > 0 && r < a) || (b < 0 && r > a) {
		return 0, errSpanOverflow
	}
	return r, nil
}

// SubSpans is TimeSpan - TimeSpan, refusing to wrap around.
func SubSpans(a, b object.TimeSpan) (object.TimeSpan, error) {
	r := a - b
	if (b < 0 && r < a) || (b > 0 && r > a) {
		return 0, errSpanOverflow
	}
	return r, nil
}

// SubTicks is DateTime - TimeSpan within DateTime's range.
func SubTicks(t time.Time, ts object.TimeSpan, param string) (time.Time, error) {
	if ts == math.MinInt64 {
		return time.Time{}, dateArithmetic(param)
	}
	return AddTicks(t, -int64(ts), param)
}

// addMonths is DateTime.AddMonths: the day is clipped to the month's end;
// a result outside years 1 to 9999 is .NET's error naming param.
func addMonths(t time.Time, n int, param string) (time.Time, error) {
	y, m, d := t.Date()
	total := int(m) - 1 + n
	y += total / 12
	total %= 12
	if total < 0 {
		total += 12
		y--
	}
	if y < 1 || y > 9999 {
		return time.Time{}, dateArithmetic(param)
	}
	nm := total + 1
	if max := dates.DaysIn(y, nm); d > max {
		d = max
	}
	return time.Date(y, time.Month(nm), d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location()), nil
}

// cultureInfo is a System.Globalization.CultureInfo; the simulated
// machine knows the invariant culture and en-US.
type cultureInfo struct{ name string }

func (c *cultureInfo) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Globalization.CultureInfo")
}

// PSTypeName is the .NET type name.
func (c *cultureInfo) PSTypeName() string { return "System.Globalization.CultureInfo" }

func (c *cultureInfo) String() string { return c.name }

// Adapted lists the properties shown by default.
func (c *cultureInfo) Adapted() []*object.Property {
	disp := "English (United States)"
	lcid := 1033
	if c.name == "" {
		disp, lcid = "Invariant Language (Invariant Country)", 127
	}
	return []*object.Property{
		{Name: "LCID", Value: lcid, Kind: object.AdaptedProperty, TypeName: "int"},
		{Name: "Name", Value: c.name, Kind: object.AdaptedProperty, TypeName: "string"},
		{Name: "DisplayName", Value: disp, Kind: object.AdaptedProperty, TypeName: "string"},
	}
}

// Culture is the culture a name names ("" the invariant culture); one
// the simulated machine does not have is .NET's NotSupportedException.
func Culture(name string) (any, error) { return newCulture(name) }

// CurrentCulture is the machine's culture, en-US (Get-Culture, $PSCulture).
func CurrentCulture() any { return &cultureInfo{name: "en-US"} }

// dateTimeFormat is a culture's DateTimeFormatInfo: its date and time
// patterns and separators.
func dateTimeFormat(invariant bool) *object.PSObject {
	o := object.NewObject("System.Globalization.DateTimeFormatInfo", "System.Object")
	short, long, shortTime, longTime := "M/d/yyyy", "dddd, MMMM d, yyyy", "h:mm tt", "h:mm:ss tt"
	if invariant {
		short, long, shortTime, longTime = "MM/dd/yyyy", "dddd, dd MMMM yyyy", "HH:mm", "HH:mm:ss"
	}
	o.AddTyped("AMDesignator", "string", "AM")
	o.AddTyped("DateSeparator", "string", "/")
	o.AddTyped("FirstDayOfWeek", "System.DayOfWeek", object.Enum{Type: "System.DayOfWeek", Name: "Sunday", Value: 0})
	o.AddTyped("FullDateTimePattern", "string", long+" "+longTime)
	o.AddTyped("LongDatePattern", "string", long)
	o.AddTyped("LongTimePattern", "string", longTime)
	o.AddTyped("PMDesignator", "string", "PM")
	o.AddTyped("ShortDatePattern", "string", short)
	o.AddTyped("ShortTimePattern", "string", shortTime)
	o.AddTyped("SortableDateTimePattern", "string", "yyyy'-'MM'-'dd'T'HH':'mm':'ss")
	o.AddTyped("TimeSeparator", "string", ":")
	o.AddTyped("UniversalSortableDateTimePattern", "string", "yyyy'-'MM'-'dd HH':'mm':'ss'Z'")
	return o
}

// numberFormat is a culture's NumberFormatInfo: its separators and
// currency symbol.
func numberFormat(invariant bool) *object.PSObject {
	o := object.NewObject("System.Globalization.NumberFormatInfo", "System.Object")
	currency := "$"
	if invariant {
		currency = "\u00a4"
	}
	o.AddTyped("CurrencyDecimalSeparator", "string", ".")
	o.AddTyped("CurrencyGroupSeparator", "string", ",")
	o.AddTyped("CurrencySymbol", "string", currency)
	o.AddTyped("NegativeSign", "string", "-")
	o.AddTyped("NumberDecimalDigits", "int", 2)
	o.AddTyped("NumberDecimalSeparator", "string", ".")
	o.AddTyped("NumberGroupSeparator", "string", ",")
	o.AddTyped("PercentSymbol", "string", "%")
	o.AddTyped("PositiveSign", "string", "+")
	return o
}

func newCulture(name string) (any, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "":
		return &cultureInfo{name: ""}, nil
	case "en-us", "en":
		return &cultureInfo{name: "en-US"}, nil
	}
	return nil, dotnet.NotSupported("the culture '%s': the simulated machine has only the invariant culture and en-US", name)
}

// textInfo is a System.Globalization.TextInfo.
type textInfo struct{ culture string }

func (t *textInfo) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Globalization.TextInfo")
}

// PSTypeName is the .NET type name.
func (t *textInfo) PSTypeName() string { return "System.Globalization.TextInfo" }

// titleCase is TextInfo.ToTitleCase: the first letter of each word upper
// case, the rest lower case, words in all capitals kept.
func titleCase(s string) string {
	rs := []rune(s)
	start := true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !isWordRune(r) {
			start = true
			continue
		}
		if start {
			// a word entirely in upper case is an acronym and stays
			j := i
			allUpper := true
			for j < len(rs) && isWordRune(rs[j]) {
				if !isUpperRune(rs[j]) {
					allUpper = false
				}
				j++
			}
			if allUpper {
				i = j - 1
				start = false
				continue
			}
			rs[i] = toUpperRune(r)
			start = false
			continue
		}
		rs[i] = toLowerRune(r)
	}
	return string(rs)
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' }
func isUpperRune(r rune) bool { return !unicode.IsLetter(r) || unicode.IsUpper(r) }
func toUpperRune(r rune) rune { return unicode.ToUpper(r) }
func toLowerRune(r rune) rune { return unicode.ToLower(r) }

// ToDateTime converts a value to a DateTime as a cast does: a DateTime,
// date text .NET parses, or ticks.
func ToDateTime(v any) (time.Time, error) {
	switch x := object.Unwrap(v).(type) {
	case time.Time:
		return x, nil
	case string:
		d, why, ok := dates.ParseReason(x)
		if ok {
			return d, nil
		}
		return time.Time{}, dotnet.ConvertFailed(v, "System.DateTime", why)
	case int, int64:
		t, ok := object.DateFromTicks(numeric.Int64(x), time.UTC)
		if !ok {
			return time.Time{}, dotnet.ConvertFailed(v, "System.DateTime", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks. (Parameter 'ticks')")
		}
		return t, nil
	case nil:
		return time.Time{}, &dotnet.ConversionError{Msg: "Cannot convert null to type \"System.DateTime\"."}
	}
	return time.Time{}, dotnet.ConvertFailed(v, "System.DateTime", "")
}

// ToTimeSpan converts a value to a TimeSpan as a cast does: a TimeSpan,
// its text form, or ticks ($null is zero).
func ToTimeSpan(v any) (any, error) {
	switch x := object.Unwrap(v).(type) {
	case object.TimeSpan:
		return x, nil
	case string:
		if ts, ok := object.ParseTimeSpan(x); ok {
			return ts, nil
		}
		return nil, dotnet.ConvertFailed(v, "System.TimeSpan", fmt.Sprintf("String '%s' was not recognized as a valid TimeSpan.", x))
	case int, int64:
		return object.TimeSpan(numeric.Int64(x)), nil
	case nil:
		return object.TimeSpan(0), nil
	}
	return nil, dotnet.ConvertFailed(v, "System.TimeSpan", "")
}
