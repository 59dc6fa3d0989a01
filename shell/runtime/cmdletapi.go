package runtime

import (
	"github.com/exosim/exosim/shell/dotnet/regexengine"

	"github.com/exosim/exosim/shell/dotnet/text"
)

// Regex compiles a .NET regular expression as -match does (without regard
// to case unless cs), or returns -match's error text for a bad one.
func (rt *Runtime) Regex(pattern string, cs bool) (*regexengine.Regexp, error) {
	return rt.compileRegex(pattern, cs)
}

// RegexMatch is the System.Text.RegularExpressions.Match of one match of
// re in s.
func RegexMatch(re *regexengine.Regexp, s string, m *regexengine.Match) any {
	return text.MatchOf(re, s, m)
}
