package directory_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/exosim/exosim/store/directory"
)

// formatByteSizeSlowly is FormatByteSize written plainly: the size in its
// largest unit with up to three decimals, then the bytes grouped by
// thousands.
func formatByteSizeSlowly(n int64) string {
	head := fmt.Sprintf("%d B", n)
	for _, u := range []struct {
		name string
		size int64
	}{{"TB", 1024 * directory.GB}, {"GB", directory.GB}, {"MB", directory.MB}, {"KB", directory.KB}} {
		if n >= u.size {
			s := strconv.FormatFloat(float64(n)/float64(u.size), 'f', 3, 64)
			head = strings.TrimRight(strings.TrimRight(s, "0"), ".") + " " + u.name
			break
		}
	}
	digits := strings.TrimPrefix(strconv.FormatInt(n, 10), "-")
	var grouped strings.Builder
	if n < 0 {
		grouped.WriteByte('-')
	}
	for i := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			grouped.WriteByte(',')
		}
		grouped.WriteByte(digits[i])
	}
	return head + " (" + grouped.String() + " bytes)"
}

func TestFormatByteSize(t *testing.T) {
	t.Parallel()
	if got, want := directory.FormatByteSize(53150220288), "49.5 GB (53,150,220,288 bytes)"; got != want {
		t.Errorf("FormatByteSize(53150220288) = %q, want %q", got, want)
	}
	ns := []int64{0, 1, 12, 999, 1000, 1023, 1024, 1536, 10 * directory.KB, 100*directory.MB + 1, directory.GB, 1024 * directory.GB, 1 << 62, -1, -1234567, -1 << 63, 1<<63 - 1,
		99 * directory.GB, 6 * directory.GB, 256 * directory.KB, 3 * directory.MB, 1 << 53, 1<<53 - directory.KB, 1<<53 + directory.GB, 5 << 53}
	for n := int64(1); n < 1<<50; n = n*7 + 3 {
		ns = append(ns, n)
	}
	for _, n := range ns {
		if got, want := directory.FormatByteSize(n), formatByteSizeSlowly(n); got != want {
			t.Errorf("FormatByteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
