package host

import "testing"

// TestRuneCells checks the width rule at the edges of the runes decided
// inline (below U+1100, and from U+1160 up to U+2328) and of the wide
// ranges beside them.
func TestRuneCells(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want int
	}{
		{'a', 1}, {'§', 1}, {0x10ff, 1},
		{0x1100, 2}, {0x115f, 2}, {0x1160, 1},
		{'…', 1}, {0x2328, 1}, {0x2329, 2}, {0x232a, 2}, {0x232b, 1},
		{0x2e80, 2}, {0x303f, 1}, {'界', 2}, {0xac00, 2}, {0xff01, 2},
		{0x1f600, 2}, {0x1f650, 1}, {0x20000, 2}, {0x3fffe, 1},
	} {
		if got := RuneCells(tc.r); got != tc.want {
			t.Errorf("RuneCells(%U) = %d, want %d", tc.r, got, tc.want)
		}
	}
}
