package runtime

import (
	"github.com/exosim/exosim/shell/dotnet/regexengine"

	"github.com/exosim/exosim/shell/dotnet/automation"
)

// textSession is the session as the text operators (shell/textops) see
// it: -f, -join, -split and -replace.
type textSession struct{ rt *Runtime }

func (t textSession) Text(v any) string { return t.rt.toStr(v) }

func (t textSession) Regex(pattern string, caseSensitive bool) (*regexengine.Regexp, error) {
	return t.rt.compileRegex(pattern, caseSensitive)
}

func (t textSession) ScriptBlock(v any) (any, bool) {
	sb, ok := v.(*automation.ScriptBlock)
	return sb, ok
}

func (t textSession) Invoke(sb, dollarUnder any, args []any) (any, error) {
	return t.rt.invokeScriptBlockValue(sb.(*automation.ScriptBlock), dollarUnder, args)
}
