package object

import (
	"encoding/hex"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Guid is a System.Guid.
type Guid [16]byte

// ParseGuid accepts the standard GUID forms: 32 hex digits, dashed,
// optionally in braces or parentheses.
func ParseGuid(s string) (Guid, bool) {
	var g Guid
	s = strings.TrimSpace(s)
	if len(s) >= 2 && ((s[0] == '{' && s[len(s)-1] == '}') || (s[0] == '(' && s[len(s)-1] == ')')) {
		s = s[1 : len(s)-1]
	}
	switch len(s) {
	case 36:
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return g, false
		}
		s = s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	case 32:
	default:
		return g, false
	}
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		return g, false
	}
	copy(g[:], b)
	return g, true
}

// MustGuid parses s or panics; for literals in seeds and tests.
func MustGuid(s string) Guid {
	g, ok := ParseGuid(s)
	if !ok {
		panic("object: bad guid " + s)
	}
	return g
}

func (g Guid) String() string {
	var b [36]byte
	hex.Encode(b[0:8], g[0:4])
	hex.Encode(b[9:13], g[4:6])
	hex.Encode(b[14:18], g[6:8])
	hex.Encode(b[19:23], g[8:10])
	hex.Encode(b[24:36], g[10:16])
	b[8], b[13], b[18], b[23] = '-', '-', '-', '-'
	return string(b[:])
}

// Hex32 is the 32-hex-digit form without dashes ("N" format).
func (g Guid) Hex32() string { return hex.EncodeToString(g[:]) }

// IsZero reports whether g is the empty GUID.
func (g Guid) IsZero() bool { return g == Guid{} }

// TimeSpan is a System.TimeSpan counted in 100-nanosecond ticks.
type TimeSpan int64

// Tick constants.
const (
	TicksPerMillisecond TimeSpan = 10_000
	TicksPerSecond               = 1000 * TicksPerMillisecond
	TicksPerMinute               = 60 * TicksPerSecond
	TicksPerHour                 = 60 * TicksPerMinute
	TicksPerDay                  = 24 * TicksPerHour
)

// Days etc. are the TimeSpan components.
func (t TimeSpan) Days() int         { return int(t / TicksPerDay) }
func (t TimeSpan) Hours() int        { return int((t / TicksPerHour) % 24) }
func (t TimeSpan) Minutes() int      { return int((t / TicksPerMinute) % 60) }
func (t TimeSpan) Seconds() int      { return int((t / TicksPerSecond) % 60) }
func (t TimeSpan) Milliseconds() int { return int((t / TicksPerMillisecond) % 1000) }

// Total* are fractional totals.
func (t TimeSpan) TotalDays() float64    { return float64(t) / float64(TicksPerDay) }
func (t TimeSpan) TotalHours() float64   { return float64(t) / float64(TicksPerHour) }
func (t TimeSpan) TotalMinutes() float64 { return float64(t) / float64(TicksPerMinute) }
func (t TimeSpan) TotalSeconds() float64 { return float64(t) / float64(TicksPerSecond) }
func (t TimeSpan) TotalMilliseconds() float64 {
	return float64(t) / float64(TicksPerMillisecond)
}

// String is .NET's constant ("c") format: [-][d.]hh:mm:ss[.fffffff].
func (t TimeSpan) String() string {
	var buf [32]byte
	b := buf[:0]
	// the magnitude in ticks (unsigned: the most negative span has one)
	v := uint64(t)
	if t < 0 {
		b = append(b, '-')
		v = -v
	}
	if d := v / uint64(TicksPerDay); d != 0 {
		b = strconv.AppendUint(b, d, 10)
		b = append(b, '.')
	}
	b = appendZeroPadded(b, int(v/uint64(TicksPerHour)%24), 2)
	b = append(b, ':')
	b = appendZeroPadded(b, int(v/uint64(TicksPerMinute)%60), 2)
	b = append(b, ':')
	b = appendZeroPadded(b, int(v/uint64(TicksPerSecond)%60), 2)
	if frac := v % uint64(TicksPerSecond); frac != 0 {
		b = append(b, '.')
		b = appendZeroPadded(b, int(frac), 7)
	}
	return string(b)
}

// ParseTimeSpan parses .NET's TimeSpan text forms: "d", "hh:mm",
// "hh:mm:ss", "d.hh:mm:ss", "d:hh:mm:ss" and fractional seconds.
func ParseTimeSpan(s string) (TimeSpan, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	var days, hours, mins, secs, frac int64
	parseInt := func(x string) (int64, bool) {
		if x == "" || len(x) > 10 {
			return 0, false
		}
		for _, c := range x {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, err := strconv.ParseInt(x, 10, 64)
		return n, err == nil
	}
	if !strings.Contains(s, ":") {
		d, ok := parseInt(s)
		if !ok {
			return 0, false
		}
		days = d
	} else {
		parts := strings.Split(s, ":")
		if dot := strings.Index(parts[0], "."); dot >= 0 {
			d, ok := parseInt(parts[0][:dot])
			if !ok {
				return 0, false
			}
			days = d
			parts[0] = parts[0][dot+1:]
		} else if len(parts) == 4 {
			d, ok := parseInt(parts[0])
			if !ok {
				return 0, false
			}
			days = d
			parts = parts[1:]
		}
		if len(parts) < 2 || len(parts) > 3 {
			return 0, false
		}
		var ok bool
		if hours, ok = parseInt(parts[0]); !ok || hours > 23 {
			return 0, false
		}
		if mins, ok = parseInt(parts[1]); !ok || mins > 59 {
			return 0, false
		}
		if len(parts) == 3 {
			sp := parts[2]
			if dot := strings.Index(sp, "."); dot >= 0 {
				f := sp[dot+1:]
				if f == "" || len(f) > 7 {
					return 0, false
				}
				fv, ok := parseInt(f)
				if !ok {
					return 0, false
				}
				for i := len(f); i < 7; i++ {
					fv *= 10
				}
				frac = fv
				sp = sp[:dot]
			}
			if secs, ok = parseInt(sp); !ok || secs > 59 {
				return 0, false
			}
		}
	}
	if days > 10675199 {
		return 0, false
	}
	t := TimeSpan(days)*TicksPerDay + TimeSpan(hours)*TicksPerHour + TimeSpan(mins)*TicksPerMinute + TimeSpan(secs)*TicksPerSecond + TimeSpan(frac)
	if neg {
		t = -t
	}
	return t, true
}

// Decimal is a System.Decimal, kept exactly as a rational number, with
// the scale .NET keeps beside the digits: the count of decimals it
// prints even when they are trailing zeros ([decimal]'1.50' is 1.50).
// A scale below the decimals the value needs is never printed short; a
// zero scale therefore means "as many decimals as the value needs".
type Decimal struct {
	r     *big.Rat
	scale int
}

// DecimalMaxScale is the most decimals a System.Decimal keeps.
const DecimalMaxScale = 28

// NewDecimal makes a Decimal from a float64.
func NewDecimal(f float64) Decimal {
	r := new(big.Rat)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Decimal{r: r}
	}
	// Round to 15 significant digits the way .NET converts a double.
	s := strconv.FormatFloat(f, 'g', 15, 64)
	r.SetString(s)
	return Decimal{r: r}
}

// ParseDecimal parses a decimal literal; the decimals written, trailing
// zeros included, are its scale.
func ParseDecimal(s string) (Decimal, bool) {
	s = strings.TrimSpace(s)
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Decimal{}, false
	}
	return Decimal{r: r, scale: writtenScale(s)}, true
}

// writtenScale counts the decimals of a number's text, less its exponent.
func writtenScale(s string) int {
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		exp, _ = strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
	}
	n := 0
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		n = len(mant) - i - 1
	}
	n -= exp
	if n < 0 {
		return 0
	}
	if n > DecimalMaxScale {
		return DecimalMaxScale
	}
	return n
}

// DecimalFromRat makes a Decimal from an exact rational (copied).
func DecimalFromRat(r *big.Rat) Decimal { return Decimal{r: new(big.Rat).Set(r)} }

// DecimalWithScale makes a Decimal from an exact rational (copied) that
// prints at least scale decimals.
func DecimalWithScale(r *big.Rat, scale int) Decimal {
	if scale > DecimalMaxScale {
		scale = DecimalMaxScale
	}
	if scale < 0 {
		scale = 0
	}
	return Decimal{r: new(big.Rat).Set(r), scale: scale}
}

// DecimalFromInt makes a Decimal from an integer.
func DecimalFromInt(i int64) Decimal { return Decimal{r: new(big.Rat).SetInt64(i)} }

// Rat returns the value; never nil.
func (d Decimal) Rat() *big.Rat {
	if d.r == nil {
		return new(big.Rat)
	}
	return d.r
}

// Scale is the count of decimals the value prints: its kept scale, or
// more when the value needs more (at most DecimalMaxScale).
func (d Decimal) Scale() int {
	n := neededDecimals(d.Rat())
	if d.scale > n {
		return d.scale
	}
	return n
}

// neededDecimals is the count of decimals that write r exactly, or
// DecimalMaxScale when none do.
func neededDecimals(r *big.Rat) int {
	den := new(big.Int).Set(r.Denom())
	one, ten := big.NewInt(1), big.NewInt(10)
	g := new(big.Int)
	for n := 0; n < DecimalMaxScale; n++ {
		if den.Cmp(one) == 0 {
			return n
		}
		// den divides a power of ten only when its factors are 2s and
		// 5s: each decimal removes one of each.
		if g.GCD(nil, nil, den, ten).Cmp(one) == 0 {
			return DecimalMaxScale
		}
		den.Quo(den, g)
	}
	return DecimalMaxScale
}

// Float returns the nearest float64.
func (d Decimal) Float() float64 {
	f, _ := d.Rat().Float64()
	return f
}

func (d Decimal) String() string {
	r := d.Rat()
	n := d.Scale()
	if n == 0 && r.IsInt() {
		return r.Num().String()
	}
	if d.scale >= neededDecimals(r) {
		return r.FloatString(n)
	}
	s := r.FloatString(DecimalMaxScale)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// FormatTimeSpan is TimeSpan.ToString(format): the standard "c", "g" and
// "G" forms or a custom format; ok is false for a format .NET rejects.
func FormatTimeSpan(ts TimeSpan, format string) (string, bool) {
	v := int64(ts)
	neg := v < 0
	if neg {
		v = -v
	}
	a := TimeSpan(v)
	frac := v % int64(TicksPerSecond)
	switch format {
	case "", "c", "t", "T":
		return ts.String(), true
	case "g":
		s := ""
		if neg {
			s = "-"
		}
		if a.Days() != 0 {
			s += strconv.Itoa(a.Days()) + ":"
		}
		s += strconv.Itoa(a.Hours()) + ":" + pad2(a.Minutes()) + ":" + pad2(a.Seconds())
		if frac != 0 {
			s += "." + strings.TrimRight(padN(int(frac), 7), "0")
		}
		return s, true
	case "G":
		s := ""
		if neg {
			s = "-"
		}
		return s + strconv.Itoa(a.Days()) + ":" + pad2(a.Hours()) + ":" + pad2(a.Minutes()) + ":" + pad2(a.Seconds()) + "." + padN(int(frac), 7), true
	}
	var b strings.Builder
	rs := []rune(format)
	for i := 0; i < len(rs); {
		c := rs[i]
		n := 1
		for i+n < len(rs) && rs[i+n] == c {
			n++
		}
		switch c {
		case 'd':
			b.WriteString(padN(a.Days(), n))
		case 'h':
			b.WriteString(padN(a.Hours(), n))
		case 'm':
			b.WriteString(padN(a.Minutes(), n))
		case 's':
			b.WriteString(padN(a.Seconds(), n))
		case 'f', 'F':
			if n > 7 {
				return "", false
			}
			f := padN(int(frac), 7)[:n]
			if c == 'F' {
				f = strings.TrimRight(f, "0")
			}
			b.WriteString(f)
		case '\\':
			if i+1 >= len(rs) {
				return "", false
			}
			b.WriteRune(rs[i+1])
			i += 2
			continue
		case '\'', '"':
			j := i + 1
			for j < len(rs) && rs[j] != c {
				b.WriteRune(rs[j])
				j++
			}
			i = j + 1
			continue
		case '%':
			i++
			continue
		default:
			return "", false
		}
		i += n
	}
	return b.String(), true
}

func pad2(n int) string { return padN(n, 2) }

func padN(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}
