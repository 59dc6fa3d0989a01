package object

import (
	"math"
	"testing"
	"time"
)

// A DateTime's culture string is written without reading its pattern:
// it must be what the pattern writer makes of the pattern, for every
// hour of the clock and years of one to four digits.
func TestGeneralDateIsItsPattern(t *testing.T) {
	t.Parallel()
	var times []time.Time
	for _, y := range []int{1, 9, 10, 99, 100, 999, 1000, 2024, 9999} {
		for h := 0; h < 24; h++ {
			times = append(times, time.Date(y, time.Month(1+h%12), 1+h, h, h*2, 59-h, 0, time.UTC))
		}
	}
	times = append(times, time.Date(2026, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, LocalZone.Get()))
	for _, tm := range times {
		if got, want := FormatDateTime(tm, "G"), FormatDateTime(tm, generalDatePattern); got != want {
			t.Errorf("%v: %q, pattern %q", tm, got, want)
		}
	}
	// beyond four digits the pattern writer does it
	if got := FormatDateTime(time.Date(10000, 1, 2, 3, 4, 5, 0, time.UTC), ""); got != "1/2/10000 3:04:05 AM" {
		t.Errorf("year 10000: %q", got)
	}
	if got := FormatDateTime(time.Date(2024, 3, 9, 13, 5, 7, 0, time.UTC), "G"); got != "3/9/2024 1:05:07 PM" {
		t.Errorf("afternoon: %q", got)
	}
}

// A TimeSpan shows .NET's constant format: [-][d.]hh:mm:ss[.fffffff].
func TestTimeSpanText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		span TimeSpan
		want string
	}{
		{0, "00:00:00"},
		{1, "00:00:00.0000001"},
		{90 * TicksPerMinute, "01:30:00"},
		{30 * TicksPerDay, "30.00:00:00"},
		{-(TicksPerDay + TicksPerSecond + 5*TicksPerMillisecond), "-1.00:00:01.0050000"},
		{-TicksPerHour, "-01:00:00"},
		{math.MaxInt64, "10675199.02:48:05.4775807"},
		{math.MinInt64, "-10675199.02:48:05.4775808"},
	} {
		if got := c.span.String(); got != c.want {
			t.Errorf("%d ticks: %q, want %q", int64(c.span), got, c.want)
		}
	}
}

func TestGuidText(t *testing.T) {
	t.Parallel()
	const s = "664ef44e-c1a0-47b0-9553-2ecdfc6ef840"
	g, ok := ParseGuid(s)
	if !ok {
		t.Fatal("not parsed")
	}
	if got := g.String(); got != s {
		t.Errorf("%q", got)
	}
	if got := (Guid{}).String(); got != "00000000-0000-0000-0000-000000000000" {
		t.Errorf("empty: %q", got)
	}
}
