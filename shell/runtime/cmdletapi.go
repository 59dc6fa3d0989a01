package runtime

import (
	"regexp"

	"github.com/exosim/exosim/shell/dotnet/text"
)

// Regex compiles a .NET regular expression as -match does (without regard
// to case unless cs), or returns -match's error text for a bad one.
func (rt *Runtime) Regex(pattern string, cs bool) (*regexp.Regexp, error) {
	return rt.compileRegex(pattern, cs)
}

// RegexMatch is the System.Text.RegularExpressions.Match of one match of
// re in s (m as FindStringSubmatchIndex gives it).
func RegexMatch(re *regexp.Regexp, s string, m []int) any {
	return text.MatchOf(re, s, m)
}
