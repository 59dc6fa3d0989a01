package exo

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The Exchange value arguments a handler reads itself: byte sizes,
// Unlimited quotas, EnhancedTimeSpans, hold durations.

// ParseByteSize reads a ByteQuantifiedSize argument: a byte count, a number
// with a unit ("50GB", "49.5 GB", "512 MB"), or the Exchange display form
// "49.5 GB (53,150,220,288 bytes)".
func ParseByteSize(v any) (int64, bool) {
	switch x := object.Unwrap(v).(type) {
	case int:
		return int64(x), x >= 0
	case int64:
		return x, x >= 0
	case float64:
		if x < 0 || x != math.Trunc(x) {
			return 0, false
		}
		return int64(x), true
	case object.Decimal:
		f := x.Float()
		return int64(f), f >= 0 && f == math.Trunc(f)
	}
	s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(v)))
	if i := strings.Index(s, "("); i > 0 && strings.HasSuffix(s, "bytes)") {
		digits := strings.ReplaceAll(strings.TrimSuffix(s[i+1:], "bytes)"), ",", "")
		n, err := strconv.ParseInt(strings.TrimSpace(digits), 10, 64)
		return n, err == nil && n >= 0
	}
	upper := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"TB", 1024 * directory.GB}, {"GB", directory.GB}, {"MB", directory.MB}, {"KB", directory.KB}, {"B", 1}} {
		if strings.HasSuffix(upper, u.suffix) {
			upper, mult = strings.TrimSuffix(upper, u.suffix), u.m
			break
		}
	}
	if upper == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(upper, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	n := f * float64(mult)
	if n > math.MaxInt64/2 {
		return 0, false
	}
	return int64(n), true
}

// ParseQuota reads an Unlimited<ByteQuantifiedSize> argument.
func ParseQuota(v any) (directory.Quota, bool) {
	if s, ok := object.Unwrap(v).(string); ok && strings.EqualFold(strings.TrimSpace(s), "Unlimited") {
		return directory.QuotaUnlimited, true
	}
	n, ok := ParseByteSize(v)
	return directory.Quota(n), ok
}

// ParseEnhancedTimeSpan reads an EnhancedTimeSpan argument: a TimeSpan, a number
// of days, or "d.hh:mm:ss".
func ParseEnhancedTimeSpan(v any) (time.Duration, bool) {
	switch x := object.Unwrap(v).(type) {
	case object.TimeSpan:
		return time.Duration(x) * 100, true
	case int:
		return time.Duration(x) * store.Day, true
	case int64:
		return time.Duration(x) * store.Day, true
	}
	sp, err := directory.ParseSpan(object.ToInvariantString(object.Unwrap(v)))
	if err != nil || sp.Unlimited {
		return 0, false
	}
	return sp.D, true
}

// ParseHoldDuration reads LitigationHoldDuration: "Unlimited", a number of
// days, or a time span.
func ParseHoldDuration(v any) (directory.Span, bool) {
	if s, ok := object.Unwrap(v).(string); ok && strings.EqualFold(strings.TrimSpace(s), "Unlimited") {
		return directory.UnlimitedSpan(), true
	}
	d, ok := ParseEnhancedTimeSpan(v)
	if !ok || d < 0 {
		return directory.Span{}, false
	}
	return directory.Span{D: d}, true
}

// DateParam reads a date parameter of an audit search as the service
// does: its clock reading taken as UTC, the simulated clock's zone (zero
// when the parameter is absent).
func DateParam(ctx *command.Context, name string) time.Time {
	t, ok := ctx.Time(name)
	if !ok {
		return time.Time{}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}
