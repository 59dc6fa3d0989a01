package object

import (
	"testing"
	"time"
)

func TestDateTicksRange(t *testing.T) {
	t.Parallel()
	minT := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	maxT := time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC)
	if got := DateTimeTicks(minT); got != 0 {
		t.Fatalf("ticks of year 1 = %d", got)
	}
	if got := DateTimeTicks(maxT); got != MaxDateTimeTicks {
		t.Fatalf("ticks of the last instant = %d", got)
	}
	base := time.Date(2024, 3, 1, 9, 0, 0, 0, UnspecifiedZone.Get())
	for _, c := range []struct {
		name  string
		from  time.Time
		ticks int64
		want  string // "" when out of range
	}{
		{"301 years on", base, 110000 * int64(TicksPerDay), "2325-05-03T09:00:00"},
		{"back to year 1", base, -DateTimeTicks(base), "0001-01-01T00:00:00"},
		{"one tick before year 1", minT, -1, ""},
		{"one tick past the end", maxT, 1, ""},
		{"to the end", minT, MaxDateTimeTicks, "9999-12-31T23:59:59"},
		{"huge positive", base, 1<<63 - 1, ""},
		{"huge negative", base, -1 << 63, ""},
	} {
		got, ok := AddDateTicks(c.from, c.ticks)
		if c.want == "" {
			if ok {
				t.Errorf("%s: got %v, want out of range", c.name, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02T15:04:05") != c.want {
			t.Errorf("%s: got %v %v, want %s", c.name, got, ok, c.want)
		}
		if ok && got.Location() != c.from.Location() {
			t.Errorf("%s: kind changed to %v", c.name, got.Location())
		}
	}
	if d := DateDiff(maxT, minT); int64(d) != MaxDateTimeTicks {
		t.Fatalf("MaxValue - MinValue = %d ticks", d)
	}
}
