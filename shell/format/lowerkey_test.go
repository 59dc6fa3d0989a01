package format

import (
	"strings"
	"testing"
)

// A view's type name is folded as strings.ToLower folds it, ASCII or not,
// as a new key or a key to look up by.
func TestLowerKeyIsToLower(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "a", "System.String", "microsoft.exchange.data", "ABC", "Ünïcode.Type", "x\u0130Y", "Q\xff"} {
		if got, want := lowerKey(s), strings.ToLower(s); got != want {
			t.Errorf("lowerKey(%q) = %q, want %q", s, got, want)
		}
		var small [4]byte
		if got, want := string(lowerInto(append(small[:0], '>'), s)), ">"+strings.ToLower(s); got != want {
			t.Errorf("lowerInto(%q) = %q, want %q", s, got, want)
		}
	}
}
