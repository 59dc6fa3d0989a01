// Package dates reads date text the way .NET's DateTime does:
// DateTime.Parse under the invariant culture, ParseExact with standard
// and custom formats, DateTimeStyles, and a DateTime's kind (Utc, Local,
// Unspecified, as shell/object's time zones carry it). It imports only
// shell/object and shell/lazy.
package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
)

// ParseInvariant parses date text as DateTime.Parse does under the
// invariant culture, as the UTC time with the same clock reading (a text
// with a zone gives the instant it names).
func ParseInvariant(s string) (time.Time, bool) {
	d, ok := Parse(s)
	if !ok {
		return time.Time{}, false
	}
	return d.UTC(), true
}

// Parse is DateTime.Parse's reading of text under the invariant culture:
// a time with a zone (Z, GMT, an offset) is Local, else Unspecified; what
// the text leaves out of the date comes from the clock SetClock set.
func Parse(s string) (time.Time, bool) {
	return parseText(s, today)
}

// ParseReason is Parse with, for a text it refuses, the message of the
// FormatException DateTime.Parse throws: an unknown word and its index, a
// wrong day of the week, a time the calendar has not, an offset beyond 14
// hours, or that the text is not recognized.
func ParseReason(s string) (time.Time, string, bool) {
	return parseReason(s, today)
}

// ParseReasonEnUS is ParseReason under the en-US culture (the session's
// current culture), whose year-month pattern "MMMM yyyy" makes a number
// before a month name ("5 Sep") a day of this year, not a year.
func ParseReasonEnUS(s string) (time.Time, string, bool) {
	return parseCulture(s, today, true)
}

// ParseExact reads s with a .NET custom or standard date format.
func ParseExact(s, format string) (time.Time, bool) {
	switch format {
	case "o", "O":
		format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"
	case "s":
		format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
	case "u":
		format = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
	case "d":
		format = "M/d/yyyy"
	case "D":
		format = "dddd, MMMM d, yyyy"
	case "g":
		format = "M/d/yyyy h:mm tt"
	case "G":
		format = "M/d/yyyy h:mm:ss tt"
	case "t":
		format = "h:mm tt"
	case "T":
		format = "h:mm:ss tt"
	case "f":
		format = "dddd, MMMM d, yyyy h:mm tt"
	case "F":
		format = "dddd, MMMM d, yyyy h:mm:ss tt"
	case "R", "r":
		format = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
	}
	year, month, day, hour, min, sec, nanos := 1, 1, 1, 0, 0, 0, 0
	pm, hasAMPM, h12 := false, false, false
	kind := "Unspecified"
	fs := []rune(format)
	in := []rune(s)
	p := 0
	num := func(min, max int) (int, bool) {
		start := p
		for p < len(in) && p-start < max && in[p] >= '0' && in[p] <= '9' {
			p++
		}
		if p-start < min {
			return 0, false
		}
		n, err := strconv.Atoi(string(in[start:p]))
		return n, err == nil
	}
	word := func(names []string) (int, bool) {
		for i, n := range names {
			if p+len(n) <= len(in) && strings.EqualFold(string(in[p:p+len(n)]), n) {
				p += len(n)
				return i, true
			}
		}
		return 0, false
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	days := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	short := func(l []string) []string {
		out := make([]string, len(l))
		for i, x := range l {
			out[i] = x[:3]
		}
		return out
	}
	for i := 0; i < len(fs); {
		c := fs[i]
		n := 1
		for i+n < len(fs) && fs[i+n] == c {
			n++
		}
		var ok bool
		switch c {
		case 'y':
			switch {
			case n <= 2:
				var y int
				if y, ok = num(1, 2); ok {
					year = 2000 + y
					if y >= 50 {
						year = 1900 + y
					}
				}
			default:
				year, ok = num(n, n)
			}
		case 'M':
			switch n {
			case 1, 2:
				month, ok = num(n, 2)
			case 3:
				month, ok = word(short(months))
				month++
			default:
				month, ok = word(months)
				month++
			}
		case 'd':
			switch n {
			case 1, 2:
				day, ok = num(n, 2)
			case 3:
				_, ok = word(short(days))
			default:
				_, ok = word(days)
			}
		case 'H':
			hour, ok = num(n, 2)
		case 'h':
			hour, ok = num(n, 2)
			h12 = true
		case 'm':
			min, ok = num(n, 2)
		case 's':
			sec, ok = num(n, 2)
		case 'f', 'F':
			start := p
			var f int
			if f, ok = num(map[bool]int{true: 0, false: n}[c == 'F'], n); ok {
				digits := p - start
				for ; digits < 9; digits++ {
					f *= 10
				}
				nanos = f
			}
		case 't':
			hasAMPM = true
			var k int
			if n == 1 {
				k, ok = word([]string{"A", "P"})
			} else {
				k, ok = word([]string{"AM", "PM"})
			}
			pm = k == 1
		case 'z':
			ok = p < len(in) && (in[p] == '+' || in[p] == '-')
			if ok {
				neg := in[p] == '-'
				p++
				var oh, om int
				if oh, ok = num(1, 2); ok && n >= 3 {
					ok = p < len(in) && in[p] == ':'
					p++
					if ok {
						om, ok = num(2, 2)
					}
				}
				if ok {
					off := time.Duration(oh)*time.Hour + time.Duration(om)*time.Minute
					if neg {
						off = -off
					}
					hour, min = hour-int(off/time.Hour), min-int((off%time.Hour)/time.Minute)
					kind = "Local"
				}
			}
		case 'K':
			ok = true
			if p < len(in) && (in[p] == 'Z' || in[p] == 'z') {
				p++
				kind = "Utc"
			} else if p < len(in) && (in[p] == '+' || in[p] == '-') {
				neg := in[p] == '-'
				p++
				var oh, om int
				if oh, ok = num(2, 2); ok {
					ok = p < len(in) && in[p] == ':'
					p++
					if ok {
						om, ok = num(2, 2)
					}
				}
				off := time.Duration(oh)*time.Hour + time.Duration(om)*time.Minute
				if neg {
					off = -off
				}
				hour, min = hour-int(off/time.Hour), min-int((off%time.Hour)/time.Minute)
				kind = "Local"
			}
		case '\'', '"':
			j := i + 1
			for j < len(fs) && fs[j] != c {
				if p >= len(in) || in[p] != fs[j] {
					return time.Time{}, false
				}
				p++
				j++
			}
			i = j + 1
			continue
		case '\\':
			if i+1 < len(fs) {
				if p >= len(in) || in[p] != fs[i+1] {
					return time.Time{}, false
				}
				p++
			}
			i += 2
			continue
		case '%':
			i++
			continue
		default:
			for k := 0; k < n; k++ {
				if p >= len(in) || in[p] != c {
					return time.Time{}, false
				}
				p++
			}
			ok = true
		}
		if !ok {
			return time.Time{}, false
		}
		i += n
	}
	if p != len(in) {
		return time.Time{}, false
	}
	if h12 || hasAMPM {
		if hour > 12 || (h12 && hour == 0) {
			return time.Time{}, false
		}
		if pm && hour < 12 {
			hour += 12
		} else if !pm && hasAMPM && hour == 12 {
			hour = 0
		}
	}
	if month < 1 || month > 12 || day < 1 || day > DaysIn(year, month) || hour > 23 || min > 59 || sec > 59 {
		if kind == "Unspecified" {
			return time.Time{}, false
		}
	}
	t := time.Date(year, time.Month(month), day, hour, min, sec, nanos, time.UTC)
	return WithKind(t, kind), true
}

// ParseExactAny is ParseExact with the first of formats that reads s.
func ParseExactAny(s string, formats []string) (time.Time, bool) {
	for _, f := range formats {
		if f == "" {
			continue
		}
		if t, ok := ParseExact(s, f); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// ApplyStyles applies the DateTimeStyles AssumeLocal, AssumeUniversal and
// AdjustToUniversal to a parsed time.
func ApplyStyles(t time.Time, styles int) time.Time {
	if styles&64 != 0 && object.DateKind(t) == "Unspecified" {
		t = t.UTC()
		if styles&16 == 0 {
			t = t.In(object.LocalZone.Get())
		}
	}
	if styles&32 != 0 && object.DateKind(t) == "Unspecified" {
		t = t.In(object.LocalZone.Get())
	}
	if styles&16 != 0 {
		t = t.UTC()
	}
	return t
}

// DaysIn is DateTime.DaysInMonth.
func DaysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// WithKind gives t the DateTimeKind named (Utc, Local, Unspecified).
func WithKind(t time.Time, kind string) time.Time {
	switch kind {
	case "Local":
		return t.In(object.LocalZone.Get())
	case "Unspecified":
		return t.In(object.UnspecifiedZone.Get())
	}
	return t.UTC()
}

// Zero is DateTime.MinValue.
func Zero() time.Time { return time.Date(1, 1, 1, 0, 0, 0, 0, object.UnspecifiedZone.Get()) }
