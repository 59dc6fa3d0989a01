package store

import (
	"strings"
	"testing"
)

// lessLower orders names as their lower-case forms do.
func TestLessLower(t *testing.T) {
	t.Parallel()
	names := []string{"", "a", "A", "ab", "aB", "Ab", "b", "Organization Management", "organization management",
		"Recipient Management", "recipient", "Zeta", "zeta2", "Éclair", "éclair", "e", "E\u0301", "K", "\u212a", "k",
		"ab\xff", "AB\xff", "ß", "SS", "[x]", "_x", "Compliance Management", "ComplianceManagement"}
	for _, a := range names {
		for _, b := range names {
			if got, want := lessLower(a, b), strings.ToLower(a) < strings.ToLower(b); got != want {
				t.Errorf("lessLower(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
