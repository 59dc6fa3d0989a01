package syntax

import (
	"strings"
	"testing"
	"time"
)

func TestAdversarial(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("{[\"$(", 300),
		strings.Repeat("{[x(\"$(", 300),
		strings.Repeat("{ [a(\"$(1)\")] ", 300),
		strings.Repeat("\"$(\"$(", 300),
		strings.Repeat("a\"$(b\"$(", 300),
		strings.Repeat("@\"\n$(", 300),
		strings.Repeat("[a([b(", 300),
		strings.Repeat("{[a(", 500),
		strings.Repeat("{ [a] [b] ", 500),
		strings.Repeat("{\n[a]\n", 500),
	} {
		start := time.Now()
		ParseString("", in)
		t.Logf("%.20q: %v", in, time.Since(start))
	}
}
