package regexengine

import (
	"regexp"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/dotnet/regexsyntax"
)

// FuzzAgainstGo checks that no pattern or input makes the engine panic,
// and that on a pattern Go's engine also runs, and an input where the two
// dialects read the same (ASCII without newlines or vertical tabs), both
// find the same first match.
func FuzzAgainstGo(f *testing.F) {
	for _, s := range [][2]string{
		{`(\w)\1`, "hello"},
		{`a+?b*`, "aaabbb"},
		{`(a|ab)(c|bcd)(d*)`, "abcd"},
		{`(?i)[a-c]+x?`, "xABCcx"},
		{`(|a)*b`, "aab"},
		{`^.*\/(?=[^\/]*$)`, "a/b/c"},
		{`\b\d{2,3}\b`, "1 22 333 4444"},
		{`(?<n>x)(?:y|z)+\k<n>`, "xyzx"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, input string) {
		if len(pattern) > 64 || len(input) > 64 {
			return
		}
		re, err := Compile(pattern, 0)
		if err != nil {
			return
		}
		m, err := re.Find(input, 0)
		if err != nil {
			return
		}
		if m != nil {
			for _, x := range m.Loc {
				if x > len(input) {
					t.Fatalf("offset %d past the input", x)
				}
			}
		}
		if regexsyntax.Unsupported(pattern) != "" || strings.Contains(pattern, "[:") || strings.Contains(pattern, "{0") || strings.Contains(pattern, "$") {
			return
		}
		for i := 0; i < len(input); i++ {
			if input[i] >= 0x80 || input[i] == '\n' || input[i] == '\v' {
				return
			}
		}
		for _, r := range pattern {
			if r >= 0x80 {
				return
			}
		}
		g, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		want := g.FindStringIndex(input)
		if (want == nil) != (m == nil) || (m != nil && (want[0] != m.Loc[0] || want[1] != m.Loc[1])) {
			t.Fatalf("%q on %q: Go %v, engine %v", pattern, input, want, m)
		}
	})
}
