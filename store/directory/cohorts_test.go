package directory_test

import (
	"testing"
	"time"

	"github.com/exosim/exosim/store/directory"
)

// ParseDay agrees with time.Parse on every date, well-formed or not (its
// fast path reads well-formed ones without time.Parse).
func TestParseDay(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"2024-03-01", "1970-01-01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-03-01", "2024/03/01", "2024-03-1x", "0001-01-01", "9999-12-31", ""} {
		want, wantErr := time.Parse("2006-01-02", s)
		if p, ok := directory.ParseDay(s); ok != (wantErr == nil) || ok && p != directory.DayNumber(want) {
			t.Errorf("ParseDay(%q) = %d, %t; time.Parse gives %v, %v", s, p, ok, want, wantErr)
		}
	}
}
