package format

import (
	"strings"
	"testing"
)

// A view's type name is folded as strings.ToLower folds it, ASCII or not.
func TestLowerKeyIsToLower(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "a", "System.String", "microsoft.exchange.data", "ABC", "Ünïcode.Type", "x\u0130Y", "Q\xff"} {
		if got, want := lowerKey(s), strings.ToLower(s); got != want {
			t.Errorf("lowerKey(%q) = %q, want %q", s, got, want)
		}
	}
}
