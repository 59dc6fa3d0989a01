package directory

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// Quota is a mailbox size limit in bytes, or Unlimited (-1). It is stored
// as a byte count or the string "Unlimited".
type Quota int64

// QuotaUnlimited is the Unlimited quota value.
const QuotaUnlimited Quota = -1

// Common byte sizes.
const (
	KB int64 = 1024
	MB       = 1024 * KB
	GB       = 1024 * MB
)

// GBQuota returns a quota of n gigabytes.
func GBQuota(n int64) Quota { return Quota(n * GB) }

// IsUnlimited reports whether q is Unlimited.
func (q Quota) IsUnlimited() bool { return q < 0 }

// Bytes returns the byte count (meaningless when Unlimited).
func (q Quota) Bytes() int64 { return int64(q) }

// String renders the Exchange form: "99 GB (106,300,440,576 bytes)" or
// "Unlimited".
func (q Quota) String() string {
	if q.IsUnlimited() {
		return "Unlimited"
	}
	return FormatByteSize(int64(q))
}

// MarshalJSON implements json.Marshaler.
func (q Quota) MarshalJSON() ([]byte, error) {
	if q.IsUnlimited() {
		return []byte(`"Unlimited"`), nil
	}
	return []byte(strconv.FormatInt(int64(q), 10)), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (q *Quota) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if strings.EqualFold(s, "Unlimited") {
			*q = QuotaUnlimited
			return nil
		}
		return fmt.Errorf("bad quota %q", s)
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return err
	}
	*q = Quota(n)
	return nil
}

// FormatByteSize renders a byte count the way Exchange does, e.g.
// "99 GB (106,300,440,576 bytes)" or "1.234 MB (1,293,943 bytes)".
func FormatByteSize(n int64) string {
	units := [...]struct {
		name string
		size int64
	}{{"TB", 1024 * GB}, {"GB", GB}, {"MB", MB}, {"KB", KB}}
	// put together in one buffer: a mailbox shows some twenty sizes
	var buf [80]byte
	b := buf[:0]
	unit := ""
	for _, u := range units {
		if n >= u.size && n%u.size == 0 && n < 1<<53 {
			// a whole number of units (most quotas): the float the
			// division gives is exact, with no decimals to show
			b = strconv.AppendInt(b, n/u.size, 10)
			unit = u.name
			break
		}
		if n >= u.size {
			b = strconv.AppendFloat(b, float64(n)/float64(u.size), 'f', 3, 64)
			for len(b) > 0 && b[len(b)-1] == '0' {
				b = b[:len(b)-1]
			}
			for len(b) > 0 && b[len(b)-1] == '.' {
				b = b[:len(b)-1]
			}
			unit = u.name
			break
		}
	}
	if unit == "" {
		b = strconv.AppendInt(b, n, 10)
		unit = "B"
	}
	b = append(append(append(b, ' '), unit...), " ("...)
	b = appendGrouped(b, n)
	return string(append(b, " bytes)"...))
}

// appendGrouped appends n with its digits in groups of three (1,234,567),
// written from the last digit back in one buffer.
func appendGrouped(b []byte, n int64) []byte {
	var buf [27]byte // a sign, 19 digits and 6 commas
	i := len(buf)
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	for d := 0; ; d++ {
		if d > 0 && d%3 == 0 {
			i--
			buf[i] = ','
		}
		i--
		buf[i] = byte('0' + u%10)
		if u /= 10; u == 0 {
			break
		}
	}
	if n < 0 {
		i--
		buf[i] = '-'
	}
	return append(b, buf[i:]...)
}

// Span is a .NET-style TimeSpan that may be Unlimited, stored as
// "d.hh:mm:ss" or "Unlimited".
type Span struct {
	Unlimited bool
	D         time.Duration
}

// UnlimitedSpan returns the Unlimited span.
func UnlimitedSpan() Span { return Span{Unlimited: true} }

// DaysSpan returns a span of n days.
func DaysSpan(n int) Span { return Span{D: time.Duration(n) * store.Day} }

// String renders "14.00:00:00" (days omitted when zero) or "Unlimited".
func (s Span) String() string {
	if s.Unlimited {
		return "Unlimited"
	}
	d := s.D
	neg := d < 0
	if neg {
		d = -d
	}
	days := int64(d / store.Day)
	d -= time.Duration(days) * store.Day
	h := int64(d / time.Hour)
	d -= time.Duration(h) * time.Hour
	m := int64(d / time.Minute)
	d -= time.Duration(m) * time.Minute
	sec := int64(d / time.Second)
	out := fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
	if days > 0 {
		out = fmt.Sprintf("%d.%s", days, out)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// ParseSpan parses "Unlimited", "d.hh:mm:ss", "hh:mm:ss" or a plain
// number of days.
func ParseSpan(s string) (Span, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "Unlimited") {
		return UnlimitedSpan(), nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return DaysSpan(n), nil
	}
	var days int64
	rest := s
	if i := strings.IndexByte(s, '.'); i >= 0 && i < strings.IndexByte(s, ':') {
		d, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil {
			return Span{}, fmt.Errorf("bad time span %q", s)
		}
		days, rest = d, s[i+1:]
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return Span{}, fmt.Errorf("bad time span %q", s)
	}
	var v [3]int64
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return Span{}, fmt.Errorf("bad time span %q", s)
		}
		v[i] = n
	}
	return Span{D: time.Duration(days)*store.Day + time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second}, nil
}

// MarshalJSON implements json.Marshaler.
func (s Span) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON implements json.Unmarshaler.
func (s *Span) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return errors.New("time span must be a string")
	}
	v, err := ParseSpan(str)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
