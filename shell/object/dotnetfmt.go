package object

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/memlimit"
)

// FormatDateTime applies a .NET date format string (standard or custom)
// with the en-US culture.
func FormatDateTime(t time.Time, spec string) string {
	switch spec {
	case "", "G":
		if y := t.Year(); y < 0 || y > 9999 {
			return FormatDateTime(t, generalDatePattern)
		}
		var buf [24]byte
		return string(appendGeneralDate(buf[:0], t))
	case "d":
		return FormatDateTime(t, "M/d/yyyy")
	case "D":
		return FormatDateTime(t, "dddd, MMMM d, yyyy")
	case "t":
		return FormatDateTime(t, "h:mm tt")
	case "T":
		return FormatDateTime(t, "h:mm:ss tt")
	case "f":
		return FormatDateTime(t, "dddd, MMMM d, yyyy h:mm tt")
	case "F":
		return FormatDateTime(t, "dddd, MMMM d, yyyy h:mm:ss tt")
	case "g":
		return FormatDateTime(t, "M/d/yyyy h:mm tt")
	case "M", "m":
		return FormatDateTime(t, "MMMM d")
	case "Y", "y":
		return FormatDateTime(t, "MMMM yyyy")
	case "s":
		return FormatDateTime(t, "yyyy'-'MM'-'dd'T'HH':'mm':'ss")
	case "u":
		return FormatDateTime(t, "yyyy'-'MM'-'dd HH':'mm':'ss'Z'")
	case "o", "O":
		return t.Format("2006-01-02T15:04:05.0000000") + kindSuffix(t)
	case "R", "r":
		return t.Format("Mon, 02 Jan 2006 15:04:05") + " GMT"
	}
	var b strings.Builder
	rs := []rune(spec)
	count := func(i int) int {
		n := 1
		for i+n < len(rs) && rs[i+n] == rs[i] {
			n++
		}
		return n
	}
	for i := 0; i < len(rs); {
		c := rs[i]
		switch c {
		case 'd':
			n := count(i)
			switch n {
			case 1:
				b.WriteString(strconv.Itoa(t.Day()))
			case 2:
				fmt.Fprintf(&b, "%02d", t.Day())
			case 3:
				b.WriteString(t.Weekday().String()[:3])
			default:
				b.WriteString(t.Weekday().String())
			}
			i += n
		case 'M':
			n := count(i)
			switch n {
			case 1:
				b.WriteString(strconv.Itoa(int(t.Month())))
			case 2:
				fmt.Fprintf(&b, "%02d", int(t.Month()))
			case 3:
				b.WriteString(t.Month().String()[:3])
			default:
				b.WriteString(t.Month().String())
			}
			i += n
		case 'y':
			n := count(i)
			switch n {
			case 1:
				b.WriteString(strconv.Itoa(t.Year() % 100))
			case 2:
				fmt.Fprintf(&b, "%02d", t.Year()%100)
			default:
				fmt.Fprintf(&b, "%0*d", n, t.Year())
			}
			i += n
		case 'h':
			n := count(i)
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			if n == 1 {
				b.WriteString(strconv.Itoa(h))
			} else {
				fmt.Fprintf(&b, "%02d", h)
			}
			i += n
		case 'H':
			n := count(i)
			if n == 1 {
				b.WriteString(strconv.Itoa(t.Hour()))
			} else {
				fmt.Fprintf(&b, "%02d", t.Hour())
			}
			i += n
		case 'm':
			n := count(i)
			if n == 1 {
				b.WriteString(strconv.Itoa(t.Minute()))
			} else {
				fmt.Fprintf(&b, "%02d", t.Minute())
			}
			i += n
		case 's':
			n := count(i)
			if n == 1 {
				b.WriteString(strconv.Itoa(t.Second()))
			} else {
				fmt.Fprintf(&b, "%02d", t.Second())
			}
			i += n
		case 'f', 'F':
			n := count(i)
			if n > 7 {
				n = 7
			}
			frac := fmt.Sprintf("%07d", t.Nanosecond()/100)[:n]
			if c == 'F' {
				frac = strings.TrimRight(frac, "0")
				// a zero fraction also drops the '.' written before it
				if frac == "" && strings.HasSuffix(b.String(), ".") {
					s := b.String()
					b.Reset()
					b.WriteString(s[:len(s)-1])
				}
			}
			b.WriteString(frac)
			i += count(i)
		case 't':
			n := count(i)
			ampm := "AM"
			if t.Hour() >= 12 {
				ampm = "PM"
			}
			if n == 1 {
				b.WriteString(ampm[:1])
			} else {
				b.WriteString(ampm)
			}
			i += n
		case 'z':
			n := count(i)
			switch n {
			case 1:
				b.WriteString("+0")
			case 2:
				b.WriteString("+00")
			default:
				b.WriteString("+00:00")
			}
			i += n
		case 'K':
			b.WriteString(kindSuffix(t))
			i++
		case '\'', '"':
			j := i + 1
			for j < len(rs) && rs[j] != c {
				b.WriteRune(rs[j])
				j++
			}
			i = j + 1
		case '\\':
			if i+1 < len(rs) {
				b.WriteRune(rs[i+1])
			}
			i += 2
		case '%':
			i++
		case ':', '/':
			b.WriteRune(c)
			i++
		default:
			b.WriteRune(c)
			i++
		}
	}
	return b.String()
}

// generalDatePattern is what "G" stands for in en-US.
const generalDatePattern = "M/d/yyyy h:mm:ss tt"

// appendGeneralDate appends t written with generalDatePattern, the culture
// string of every DateTime shown, without reading the pattern: a year of
// one to four digits, padded to four, and the hour of the 12-hour clock.
func appendGeneralDate(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	hour, minute, second := t.Clock()
	b = strconv.AppendInt(b, int64(month), 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(day), 10)
	b = append(b, '/')
	b = appendZeroPadded(b, year, 4)
	b = append(b, ' ')
	h12 := hour % 12
	if h12 == 0 {
		h12 = 12
	}
	b = strconv.AppendInt(b, int64(h12), 10)
	b = append(b, ':')
	b = appendZeroPadded(b, minute, 2)
	b = append(b, ':')
	b = appendZeroPadded(b, second, 2)
	if hour >= 12 {
		return append(b, " PM"...)
	}
	return append(b, " AM"...)
}

// appendZeroPadded appends n (not negative) with at least width digits.
func appendZeroPadded(b []byte, n, width int) []byte {
	digits := 1
	for m := n; m >= 10; m /= 10 {
		digits++
	}
	for ; digits < width; digits++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Date kinds. The simulated machine's time zone is UTC, so a Local or
// Unspecified DateTime has the same clock time as a Utc one; the zone
// only records the DateTimeKind (time.UTC is Utc).
var (
	LocalZone = lazy.Value[*time.Location]{Build: func() *time.Location {
		return time.FixedZone("Local", 0)
	}}
	UnspecifiedZone = lazy.Value[*time.Location]{Build: func() *time.Location {
		return time.FixedZone("Unspecified", 0)
	}}
)

// DateKind returns the DateTimeKind name of t: Utc, Local or Unspecified.
func DateKind(t time.Time) string {
	switch t.Location() {
	case LocalZone.Get():
		return "Local"
	case UnspecifiedZone.Get():
		return "Unspecified"
	}
	return "Utc"
}

// kindSuffix is the "K" specifier: Z, +00:00 or nothing.
func kindSuffix(t time.Time) string {
	switch DateKind(t) {
	case "Local":
		return "+00:00"
	case "Unspecified":
		return ""
	}
	return "Z"
}

// invariantPatterns are the standard date formats of the invariant
// culture where they differ from en-US.
var invariantPatterns = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"d": "MM/dd/yyyy", "D": "dddd, dd MMMM yyyy", "t": "HH:mm", "T": "HH:mm:ss",
		"f": "dddd, dd MMMM yyyy HH:mm", "F": "dddd, dd MMMM yyyy HH:mm:ss",
		"g": "MM/dd/yyyy HH:mm", "G": "MM/dd/yyyy HH:mm:ss", "M": "MMMM dd", "m": "MMMM dd",
		"Y": "yyyy MMMM", "y": "yyyy MMMM",
	}
}}

// FormatDateTimeInvariant formats t with the invariant culture.
func FormatDateTimeInvariant(t time.Time, spec string) string {
	if p, ok := invariantPatterns.Get()[spec]; ok {
		return FormatDateTime(t, p)
	}
	if spec == "" {
		return FormatDateTime(t, invariantPatterns.Get()["G"])
	}
	return FormatDateTime(t, spec)
}

// ErrBadFormatSpecifier is .NET's FormatException for a standard numeric
// format whose precision is beyond 999,999,999.
var ErrBadFormatSpecifier = errors.New("Format specifier was invalid.")

// maxPrecision is the largest precision .NET's standard numeric formats
// accept.
const maxPrecision = 999_999_999

// precisionOf reads the precision of a standard numeric format: the
// digits after its letter (ok false when they are not all digits). A
// value beyond maxPrecision is refused as .NET refuses it.
func precisionOf(digits string) (n int, ok bool, err error) {
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false, nil
		}
		if n > maxPrecision/10 || (n == maxPrecision/10 && int(c-'0') > maxPrecision%10) {
			return 0, false, ErrBadFormatSpecifier
		}
		n = n*10 + int(c-'0')
	}
	return n, true, nil
}

// FormatWithSpec formats v with a .NET format specifier such as "N0",
// "F2", "X", "P1", "yyyy-MM-dd" or a custom numeric pattern. It fails as
// .NET does on a precision beyond 999,999,999, and with
// memlimit.ErrOutOfMemory when the text would not fit the memory budget.
func FormatWithSpec(v any, spec string) (string, error) {
	v = Unwrap(v)
	switch x := v.(type) {
	case time.Time:
		return FormatDateTime(x, spec), nil
	case TimeSpan:
		if s, ok := FormatTimeSpan(x, spec); ok {
			return s, nil
		}
		return x.String(), nil
	case nil:
		return "", nil
	}
	if !IsNumeric(v) {
		return ToCultureString(v), nil
	}
	if spec == "" {
		return ToCultureString(v), nil
	}
	letter := spec[0] | 0x20
	digits := -1
	if len(spec) > 1 {
		n, ok, err := precisionOf(spec[1:])
		switch {
		case ok:
			digits = n
		case err != nil && 'a' <= letter && letter <= 'z':
			return "", err
		default:
			return formatCustomNumber(v, spec), nil
		}
		// These formats write at least digits characters, and building
		// the text takes a few copies ("G" and "R" write a double's
		// significant digits only).
		if strings.IndexByte("cdefnpx", letter) >= 0 {
			if err := memlimit.CheckProduct(int64(digits), 3); err != nil {
				return "", err
			}
		}
	}
	s, ok := formatStandard(v, spec, letter, digits)
	if !ok {
		return formatCustomNumber(v, spec), nil
	}
	return s, nil
}

// formatStandard applies a standard numeric format (letter and digits,
// -1 for none); ok is false for a letter that is not one for v.
func formatStandard(v any, spec string, letter byte, digits int) (string, bool) {
	f := numberAsFloat(v)
	bigInt, isBig := v.(BigInt)
	isInt := IsInteger(v) || isBig
	switch letter {
	case 'n':
		if digits < 0 {
			digits = 2
		}
		return groupDigits(roundFixed(v, f, digits)), true
	case 'f':
		if digits < 0 {
			digits = 2
		}
		return roundFixed(v, f, digits), true
	case 'd':
		if !isInt {
			break
		}
		digitsText := IntegerString(v)
		if isBig {
			digitsText = bigInt.String()
		}
		neg := strings.HasPrefix(digitsText, "-")
		s := padZeros(strings.TrimPrefix(digitsText, "-"), digits)
		if neg {
			s = "-" + s
		}
		return s, true
	case 'x':
		if !isInt {
			break
		}
		// the two's complement bits of the value's own width: [sbyte]-1
		// is FF, [int16]-1 FFFF, -1 FFFFFFFF
		var s string
		if isBig {
			s = bigInt.HexString()
			if bigInt.Sign() < 0 && digits > len(s) {
				// a negative value pads with f, keeping its sign
				s = strings.Repeat("f", digits-len(s)) + s
			}
		} else {
			i := numberAsInt(v)
			bits := uint64(i)
			if w := IntegerBits(v); w < 64 {
				bits &= 1<<w - 1
			}
			s = strconv.FormatUint(bits, 16)
		}
		s = padZeros(s, digits)
		if spec[0] == 'X' {
			s = strings.ToUpper(s)
		}
		return s, true
	case 'p':
		if digits < 0 {
			digits = 2
		}
		// en-US under .NET's ICU culture data: no space before the sign.
		return groupDigits(roundFixed(nil, f*100, digits)) + "%", true
	case 'e':
		if digits < 0 {
			digits = 6
		}
		s := strconv.FormatFloat(f, 'e', digits, 64)
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[0]
		exp = exp[1:]
		for len(exp) < 3 {
			exp = "0" + exp
		}
		e := "e"
		if spec[0] == 'E' {
			e = "E"
		}
		return mant + e + string(sign) + exp, true
	case 'g':
		if digits <= 0 {
			return ToCultureString(v), true
		}
		// A double has fewer significant digits than this, and Go's
		// formatting reserves room for as many as asked.
		digits = min(digits, 1000)
		return dotnetExponent(strconv.FormatFloat(f, 'g', digits, 64)), true
	case 'c':
		if digits < 0 {
			digits = 2
		}
		s := groupDigits(roundFixed(v, math.Abs(f), digits))
		if f < 0 && strings.Trim(s, "0.,") != "" {
			// en-US under .NET's ICU culture data: -$1.50
			return "-$" + s, true
		}
		return "$" + s, true
	case 'r':
		return ToCultureString(v), true
	}
	return "", false
}

// padZeros left-pads s with zeros to n characters.
func padZeros(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

func numberAsFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	case int8, uint8, int16, uint16, uint32:
		n, _, _ := IntegerValue(x)
		return float64(n)
	case float64:
		return x
	case float32:
		return float64(x)
	case Decimal:
		return x.Float()
	case BigInt:
		return x.Float()
	}
	return 0
}

func numberAsInt(v any) int64 {
	switch x := v.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	}
	if n, _, ok := IntegerValue(v); ok {
		return n
	}
	return int64(numberAsFloat(v))
}

// roundFixed renders with exactly digits decimals, rounding half away from
// zero as .NET's number formatting does.
func roundFixed(v any, f float64, digits int) string {
	switch x := v.(type) {
	case int, int64, int8, uint8, int16, uint16, uint32, uint64:
		s := IntegerString(x)
		if digits > 0 {
			s += "." + strings.Repeat("0", digits)
		}
		return s
	case BigInt:
		s := x.String()
		if digits > 0 {
			s += "." + strings.Repeat("0", digits)
		}
		return s
	case Decimal:
		r := new(big.Rat).Set(x.Rat())
		return ratFixed(r, digits)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return FormatDouble(f)
	}
	// Use the shortest decimal representation first so 2.675 rounds the
	// way a person expects (.NET Core 3+ does the same).
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', 17, 64))
	if !ok {
		return strconv.FormatFloat(f, 'f', digits, 64)
	}
	if short, ok2 := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64)); ok2 {
		r = short
	}
	return ratFixed(r, digits)
}

func ratFixed(r *big.Rat, digits int) string {
	neg := r.Sign() < 0
	a := new(big.Rat).Abs(r)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	a.Mul(a, new(big.Rat).SetInt(scale))
	// round half away from zero
	a.Add(a, big.NewRat(1, 2))
	q := new(big.Int).Quo(a.Num(), a.Denom())
	s := q.String()
	if digits > 0 {
		for len(s) <= digits {
			s = "0" + s
		}
		s = s[:len(s)-digits] + "." + s[len(s)-digits:]
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// groupDigits inserts thousands separators into the integer part.
func groupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// formatCustomNumber handles custom numeric patterns such as "0.00",
// "#,##0", "000" and "0.0 'MB'".
func formatCustomNumber(v any, spec string) string {
	f := numberAsFloat(v)
	// split literal suffix/prefix: only digits placeholders matter here
	var prefix, suffix, coreB strings.Builder
	inCore := false
	done := false
	inQuote := rune(0)
	for _, c := range spec {
		if inQuote != 0 {
			if c == inQuote {
				inQuote = 0
				continue
			}
			if done || inCore {
				suffix.WriteRune(c)
				done = true
			} else {
				prefix.WriteRune(c)
			}
			continue
		}
		switch {
		case c == '\'' || c == '"':
			inQuote = c
		case !done && (c == '0' || c == '#' || c == ',' || c == '.'):
			inCore = true
			coreB.WriteRune(c)
		default:
			if inCore {
				done = true
			}
			if done {
				suffix.WriteRune(c)
			} else {
				prefix.WriteRune(c)
			}
		}
	}
	core := coreB.String()
	if core == "" {
		return spec
	}
	intSpec, fracSpec, _ := strings.Cut(core, ".")
	grouping := strings.Contains(intSpec, ",")
	intSpec = strings.ReplaceAll(intSpec, ",", "")
	minFrac := strings.Count(fracSpec, "0")
	maxFrac := len(fracSpec)
	s := roundFixed(v, f, maxFrac)
	ip, fp, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(ip, "-")
	ip = strings.TrimPrefix(ip, "-")
	for len(fp) > minFrac && strings.HasSuffix(fp, "0") {
		fp = fp[:len(fp)-1]
	}
	minInt := strings.Count(intSpec, "0")
	ip = padZeros(strings.TrimLeft(ip, "0"), minInt)
	if grouping {
		ip = groupDigits(ip)
	}
	out := ip
	if fp != "" {
		out += "." + fp
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return prefix.String() + out + suffix.String()
}

// FormatComposite implements .NET composite formatting ("{0,-10:N2}"), the
// engine behind the -f operator and [string]::Format. toStr renders an
// argument that has no format specifier. A malformed format string fails
// with .NET's message, which names the offset of the offending character;
// an index past the arguments fails when its item is reached; a text that
// would not fit the memory budget fails with memlimit.ErrOutOfMemory.
func FormatComposite(format string, args []any, toStr func(any) string) (string, error) {
	const limit = 1_000_000 // exclusive bound of an index and of a width
	f := []rune(format)
	bad := func(pos int, reason string) error {
		return fmt.Errorf("Input string was not in a correct format. Failure to parse near offset %d. %s", pos, reason)
	}
	const (
		expectedDigit = "Expected an ASCII digit."
		unclosed      = "Format item ends prematurely."
		closingBrace  = "Unexpected closing brace without a corresponding opening brace."
	)
	var b strings.Builder
	pos := 0
	// next moves to the following character; running off the end leaves an
	// item unclosed.
	next := func() (rune, error) {
		pos++
		if pos >= len(f) {
			return 0, bad(pos, unclosed)
		}
		return f[pos], nil
	}
	isDigit := func(c rune) bool { return '0' <= c && c <= '9' }
	for {
		// Copy text up to the next brace, unescaping {{ and }}.
		for {
			if pos >= len(f) {
				return b.String(), nil
			}
			k := pos
			for k < len(f) && f[k] != '{' && f[k] != '}' {
				k++
			}
			b.WriteString(string(f[pos:k]))
			pos = k
			if pos >= len(f) {
				return b.String(), nil
			}
			brace := f[pos]
			ch, err := next()
			if err != nil {
				return "", err
			}
			if ch == brace {
				b.WriteRune(ch)
				pos++
				continue
			}
			if brace != '{' {
				return "", bad(pos, closingBrace)
			}
			break
		}
		// An item: index, optional ",width", optional ":format", with
		// spaces allowed after the index and around the width.
		ch := f[pos]
		if !isDigit(ch) {
			return "", bad(pos, expectedDigit)
		}
		index := int(ch - '0')
		width, left := 0, false
		spec := ""
		var err error
		if ch, err = next(); err != nil {
			return "", err
		}
		if ch != '}' {
			for isDigit(ch) && index < limit {
				index = index*10 + int(ch-'0')
				if ch, err = next(); err != nil {
					return "", err
				}
			}
			for ch == ' ' {
				if ch, err = next(); err != nil {
					return "", err
				}
			}
			if ch == ',' {
				for {
					if ch, err = next(); err != nil {
						return "", err
					}
					if ch != ' ' {
						break
					}
				}
				if ch == '-' {
					left = true
					if ch, err = next(); err != nil {
						return "", err
					}
				}
				if !isDigit(ch) {
					return "", bad(pos, expectedDigit)
				}
				width = int(ch - '0')
				if ch, err = next(); err != nil {
					return "", err
				}
				for isDigit(ch) && width < limit {
					width = width*10 + int(ch-'0')
					if ch, err = next(); err != nil {
						return "", err
					}
				}
				for ch == ' ' {
					if ch, err = next(); err != nil {
						return "", err
					}
				}
			}
			if ch != '}' {
				if ch != ':' {
					return "", bad(pos, unclosed)
				}
				start := pos
				for {
					if ch, err = next(); err != nil {
						return "", err
					}
					if ch == '}' {
						break
					}
					if ch == '{' {
						return "", bad(pos, unclosed)
					}
				}
				spec = string(f[start+1 : pos])
			}
		}
		pos++
		if index >= len(args) {
			return "", fmt.Errorf("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.")
		}
		var s string
		if spec != "" {
			var err error
			if s, err = FormatWithSpec(args[index], spec); err != nil {
				return "", err
			}
		} else {
			s = toStr(args[index])
		}
		n := utf8.RuneCountInString(s)
		// Many wide items make a long text: it must fit the budget.
		if err := memlimit.Check(int64(b.Len()) + int64(len(s)) + int64(max(width-n, 0))); err != nil {
			return "", err
		}
		switch {
		case n >= width:
			b.WriteString(s)
		case left:
			b.WriteString(s + strings.Repeat(" ", width-n))
		default:
			b.WriteString(strings.Repeat(" ", width-n) + s)
		}
	}
}
