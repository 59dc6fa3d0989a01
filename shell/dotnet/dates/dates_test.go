package dates

import (
	"testing"
	"time"

	"github.com/exosim/exosim/shell/object"
)

func TestParse(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, kind string
		want     time.Time
	}{
		{"2024-03-01", "Unspecified", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"3/1/2024 2:05 PM", "Unspecified", time.Date(2024, 3, 1, 14, 5, 0, 0, time.UTC)},
		{"2024-03-01T10:00:00Z", "Local", time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		got, ok := Parse(c.in)
		if !ok || !got.Equal(c.want) || object.DateKind(got) != c.kind {
			t.Errorf("Parse(%q) = %v (%s), %v; want %v (%s)", c.in, got, object.DateKind(got), ok, c.want, c.kind)
		}
	}
	if _, ok := Parse("not a date"); ok {
		t.Error("Parse accepted text that is no date")
	}
}

func TestParseExact(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, format string
		ok         bool
		want       time.Time
	}{
		{"20240301", "yyyyMMdd", true, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"01.03.2024 17:30", "dd.MM.yyyy HH:mm", true, time.Date(2024, 3, 1, 17, 30, 0, 0, time.UTC)},
		{"2024-02-30", "yyyy-MM-dd", false, time.Time{}},
		{"2024-03-01", "dd/MM/yyyy", false, time.Time{}},
	}
	for _, c := range cases {
		got, ok := ParseExact(c.in, c.format)
		if ok != c.ok || ok && !sameWall(got, c.want) {
			t.Errorf("ParseExact(%q, %q) = %v, %v; want %v, %v", c.in, c.format, got, ok, c.want, c.ok)
		}
	}
	if DaysIn(2024, 2) != 29 || DaysIn(2023, 2) != 28 {
		t.Error("DaysIn misses leap years")
	}
}

func sameWall(a, b time.Time) bool {
	y1, m1, d1 := a.Date()
	y2, m2, d2 := b.Date()
	return y1 == y2 && m1 == m2 && d1 == d2 && a.Hour() == b.Hour() && a.Minute() == b.Minute()
}
