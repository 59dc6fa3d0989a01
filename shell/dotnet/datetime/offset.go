package datetime

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
)

// System.DateTimeOffset: an instant with the offset from UTC its clock
// reading was taken at. The simulated machine's offset is +00:00, so Now,
// a DateTime converted to it and a text without a zone take that offset;
// a text ending in Z or +hh:mm keeps the offset it names.

// DateTimeOffset is a System.DateTimeOffset value.
type DateTimeOffset struct {
	t      time.Time // the instant, in a zone of the offset
	offset time.Duration
}

func newOffset(instant time.Time, off time.Duration) DateTimeOffset {
	return DateTimeOffset{t: instant.In(time.FixedZone("", int(off/time.Second))), offset: off}
}

func (d DateTimeOffset) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.DateTimeOffset") }

// PSTypeName is the .NET type name.
func (d DateTimeOffset) PSTypeName() string { return "System.DateTimeOffset" }

// clock is the clock reading at the offset, as an Unspecified DateTime.
func (d DateTimeOffset) clock() time.Time {
	t := d.t
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), object.UnspecifiedZone.Get())
}

// offsetText is the offset as +hh:mm.
func (d DateTimeOffset) offsetText() string {
	sign, off := '+', d.offset
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, int(off.Hours()), int(off.Minutes())%60)
}

// String is the invariant culture's text, as string interpolation gives it.
func (d DateTimeOffset) String() string {
	return object.FormatDateTimeInvariant(d.clock(), "MM/dd/yyyy HH:mm:ss") + " " + d.offsetText()
}

// format is ToString(format) under en-US: the zone specifiers (z, zz,
// zzz, K) give the value's offset; "u" and "r" are of the UTC instant.
func (d DateTimeOffset) format(spec string) string {
	switch spec {
	case "", "G":
		spec = "M/d/yyyy h:mm:ss tt zzz"
	case "o", "O":
		spec = "yyyy-MM-ddTHH:mm:ss.fffffffzzz"
	case "u":
		return object.FormatDateTime(d.t.UTC(), "yyyy-MM-dd HH:mm:ss") + "Z"
	case "r", "R":
		return object.FormatDateTime(d.t.UTC(), "ddd, dd MMM yyyy HH:mm:ss") + " GMT"
	}
	var b strings.Builder
	quote := rune(0)
	rs := []rune(spec)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			b.WriteRune(c)
			continue
		case c == '\'' || c == '"':
			quote = c
			b.WriteRune(c)
			continue
		case c == '\\' && i+1 < len(rs):
			b.WriteRune(c)
			b.WriteRune(rs[i+1])
			i++
			continue
		case c == 'z' || c == 'K':
			n := 1
			for i+n < len(rs) && rs[i+n] == c && c == 'z' {
				n++
			}
			text := d.offsetText()
			switch {
			case c == 'z' && n == 1:
				h := int(d.offset / time.Hour)
				if h < 0 {
					h = -h
				}
				text = fmt.Sprintf("%c%d", text[0], h)
			case c == 'z' && n == 2:
				text = text[:3]
			}
			b.WriteString("'" + text + "'")
			i += n - 1
			continue
		}
		b.WriteRune(c)
	}
	return object.FormatDateTime(d.clock(), b.String())
}

// Adapted lists the properties output shows.
func (d DateTimeOffset) Adapted() []*object.Property {
	p := func(name, typeName string, v any) *object.Property {
		return &object.Property{Name: name, Value: v, Kind: object.AdaptedProperty, TypeName: typeName}
	}
	c := d.clock()
	return []*object.Property{
		p("DateTime", "datetime", c), p("UtcDateTime", "datetime", d.t.UTC()), p("LocalDateTime", "datetime", d.t.In(object.LocalZone.Get())),
		p("Date", "datetime", time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, c.Location())),
		p("Day", "int", c.Day()), p("DayOfWeek", "System.DayOfWeek", object.Enum{Type: "System.DayOfWeek", Name: c.Weekday().String(), Value: int(c.Weekday())}),
		p("DayOfYear", "int", c.YearDay()), p("Hour", "int", c.Hour()), p("Millisecond", "int", c.Nanosecond()/1e6),
		p("Minute", "int", c.Minute()), p("Month", "int", int(c.Month())), p("Offset", "timespan", object.TimeSpan(d.offset/100)),
		p("TotalOffsetMinutes", "int", int(d.offset/time.Minute)), p("Second", "int", c.Second()),
		p("Ticks", "long", object.DateTimeTicks(c)), p("UtcTicks", "long", object.DateTimeTicks(d.t.UTC())),
		p("TimeOfDay", "timespan", object.TimeSpan(c.Sub(time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, c.Location()))/100)),
		p("Year", "int", c.Year()),
	}
}

// CompareTo orders two offsets by their instants.
func (d DateTimeOffset) CompareTo(_ dotnet.Host, other any) (int, bool) {
	o, err := ToDateTimeOffset(other)
	if err != nil {
		return 0, false
	}
	switch {
	case d.t.Before(o.t):
		return -1, true
	case d.t.After(o.t):
		return 1, true
	}
	return 0, true
}

// Equal is DateTimeOffset equality: the same instant.
func (d DateTimeOffset) Equal(other any) bool {
	c, ok := d.CompareTo(nil, other)
	return ok && c == 0
}

// zoneSuffix is a text's trailing zone: Z or an offset.
var zoneSuffix = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\s*(Z|[+-]\d{1,2}(:?\d{2})?)$`)
}}

// parseOffset reads a DateTimeOffset's text: a date and time, and a zone
// (none is the machine's offset, +00:00).
func parseOffset(s string) (DateTimeOffset, string, bool) {
	s = strings.TrimSpace(s)
	off := time.Duration(0)
	if m := zoneSuffix.Get().FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		zone := s[m[2]:m[3]]
		if zone != "Z" {
			digits := strings.ReplaceAll(zone[1:], ":", "")
			h, mi := 0, 0
			if len(digits) <= 2 {
				fmt.Sscanf(digits, "%d", &h)
			} else {
				fmt.Sscanf(digits[:len(digits)-2], "%d", &h)
				fmt.Sscanf(digits[len(digits)-2:], "%d", &mi)
			}
			off = time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute
			if zone[0] == '-' {
				off = -off
			}
		}
		s = s[:m[0]]
	}
	t, why, ok := dates.ParseReason(s)
	if !ok {
		return DateTimeOffset{}, why, false
	}
	instant := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC).Add(-off)
	return newOffset(instant, off), "", true
}

// ToDateTimeOffset converts a value as a cast to [DateTimeOffset] does:
// an offset, a DateTime (a Utc one at +00:00, the others at the machine's
// offset), or its text.
func ToDateTimeOffset(v any) (DateTimeOffset, error) {
	switch x := object.Unwrap(v).(type) {
	case DateTimeOffset:
		return x, nil
	case time.Time:
		return newOffset(time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), x.Nanosecond(), time.UTC), 0), nil
	case string:
		d, why, ok := parseOffset(x)
		if !ok {
			return DateTimeOffset{}, dotnet.ConvertFailed(v, "System.DateTimeOffset", why)
		}
		return d, nil
	case nil:
		return DateTimeOffset{}, &dotnet.ConversionError{Msg: "Cannot convert null to type \"System.DateTimeOffset\"."}
	}
	return DateTimeOffset{}, dotnet.ConvertFailed(v, "System.DateTimeOffset", "")
}

func declareOffset() {
	self := func(c *dotnet.Call) DateTimeOffset { return object.Unwrap(c.Self).(DateTimeOffset) }
	prop := func(name string) *dotnet.Member {
		return dotnet.Prop(func(c *dotnet.Call) (any, error) {
			for _, p := range self(c).Adapted() {
				if p.Name == name {
					return p.Value, nil
				}
			}
			return nil, nil
		})
	}
	add := func(unit time.Duration) *dotnet.Member {
		return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			f, err := c.Float(0, "value")
			if err != nil {
				return nil, err
			}
			d := self(c)
			return newOffset(d.t.Add(time.Duration(f*float64(unit))), d.offset), nil
		})
	}
	unix := func(unit time.Duration) *dotnet.Member {
		return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			n, err := c.To(0, "System.Int64", "seconds")
			if err != nil {
				return nil, err
			}
			return newOffset(time.Unix(0, 0).UTC().Add(time.Duration(object.Unwrap(n).(int64))*unit), 0), nil
		})
	}
	members := dotnet.Members{
		"ToUnixTimeSeconds":      dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return self(c).t.Unix(), nil }),
		"ToUnixTimeMilliseconds": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return self(c).t.UnixMilli(), nil }),
		"ToUniversalTime":        dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return newOffset(self(c).t, 0), nil }),
		"ToLocalTime":            dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return newOffset(self(c).t, 0), nil }),
		"ToOffset": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			ts, err := spanArg(c, 0)
			if err != nil {
				return nil, err
			}
			return newOffset(self(c).t, time.Duration(ts)*100), nil
		}),
		"Add": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			ts, err := spanArg(c, 0)
			if err != nil {
				return nil, err
			}
			d := self(c)
			return newOffset(d.t.Add(time.Duration(ts)*100), d.offset), nil
		}),
		"AddDays":         add(24 * time.Hour),
		"AddHours":        add(time.Hour),
		"AddMinutes":      add(time.Minute),
		"AddSeconds":      add(time.Second),
		"AddMilliseconds": add(time.Millisecond),
		"Subtract": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
			d := self(c)
			if o, err := ToDateTimeOffset(c.Arg(0)); err == nil {
				return object.DateDiff(d.t.UTC(), o.t.UTC()), nil
			}
			ts, err := spanArg(c, 0)
			if err != nil {
				return nil, err
			}
			return newOffset(d.t.Add(-time.Duration(ts)*100), d.offset), nil
		}),
		"ToString": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
			if len(c.Args) == 0 || c.Arg(0) == nil {
				return self(c).format(""), nil
			}
			return self(c).format(c.Str(0)), nil
		}),
	}
	for _, n := range []string{"DateTime", "UtcDateTime", "LocalDateTime", "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Millisecond",
		"Minute", "Month", "Offset", "TotalOffsetMinutes", "Second", "Ticks", "UtcTicks", "TimeOfDay", "Year"} {
		members[n] = prop(n)
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.DateTimeOffset", Aliases: []string{"datetimeoffset"}, ValueType: true,
		Convert: func(_ dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
			d, err := ToDateTimeOffset(v)
			if err != nil {
				return nil, err
			}
			return d, nil
		},
		Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(DateTimeOffset); return ok },
		NewArity: []int{1, 2, 7, 8},
		New: func(c *dotnet.Call) (any, error) {
			last := len(c.Args) - 1
			if len(c.Args) == 1 {
				return ToDateTimeOffset(c.Arg(0))
			}
			ts, err := spanArg(c, last)
			if err != nil {
				return nil, err
			}
			off := time.Duration(ts) * 100
			var clock time.Time
			if len(c.Args) == 2 {
				t, err := ToDateTime(c.Arg(0))
				if err != nil {
					return nil, err
				}
				clock = t
			} else {
				ns := make([]int, 7)
				for i := 0; i < last; i++ {
					if ns[i], err = c.Int(i, []string{"year", "month", "day", "hour", "minute", "second", "millisecond"}[i]); err != nil {
						return nil, err
					}
				}
				clock = time.Date(ns[0], time.Month(ns[1]), ns[2], ns[3], ns[4], ns[5], ns[6]*1e6, time.UTC)
			}
			instant := time.Date(clock.Year(), clock.Month(), clock.Day(), clock.Hour(), clock.Minute(), clock.Second(), clock.Nanosecond(), time.UTC).Add(-off)
			return newOffset(instant, off), nil
		},
		Static: dotnet.Members{
			"Now":       dotnet.Prop(func(c *dotnet.Call) (any, error) { return newOffset(c.Host.Now(), 0), nil }),
			"UtcNow":    dotnet.Prop(func(c *dotnet.Call) (any, error) { return newOffset(c.Host.Now(), 0), nil }),
			"UnixEpoch": dotnet.Prop(func(*dotnet.Call) (any, error) { return newOffset(time.Unix(0, 0), 0), nil }),
			"MinValue":  dotnet.Prop(func(*dotnet.Call) (any, error) { return newOffset(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), 0), nil }),
			"MaxValue": dotnet.Prop(func(*dotnet.Call) (any, error) {
				return newOffset(time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC), 0), nil
			}),
			"FromUnixTimeSeconds":      unix(time.Second),
			"FromUnixTimeMilliseconds": unix(time.Millisecond),
			"Parse": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
				d, why, ok := parseOffset(c.Str(0))
				if !ok {
					return nil, &dotnet.TypedException{Msg: why, Type: "System.FormatException"}
				}
				return d, nil
			}),
			// TryParse(s, [ref]r) or (s, provider, styles, [ref]r)
			"TryParse": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
				d, _, ok := parseOffset(c.Str(0))
				if !ok || c.Arg(0) == nil {
					d, ok = newOffset(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), 0), false
				}
				if err := dotnet.SetRef(c, len(c.Args)-1, d); err != nil {
					return nil, err
				}
				return ok, nil
			}),
		},
		Members: members,
	})
}
