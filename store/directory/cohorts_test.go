package directory_test

import (
	"testing"
	"time"

	"github.com/exosim/exosim/store/directory"
)

// parseDayFast agrees with time.Parse on well-formed dates and leaves the
// rest to it.
func TestParseDayFast(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"2024-03-01", "1970-01-01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-03-01", "2024/03/01", "2024-03-1x", "0001-01-01", "9999-12-31", ""} {
		want, wantErr := time.Parse(directory.CohortDay, s)
		got, ok := directory.ParseDayFast(s)
		switch {
		case ok && wantErr != nil:
			t.Errorf("%q: fast %d, time.Parse fails: %v", s, got, wantErr)
		case ok && got != directory.DayNumber(want):
			t.Errorf("%q: fast %d, want %d", s, got, directory.DayNumber(want))
		}
		if p, pok := directory.ParseDay(s); pok != (wantErr == nil) || pok && p != directory.DayNumber(want) {
			t.Errorf("parseDay(%q) = %d, %t", s, p, pok)
		}
	}
}
