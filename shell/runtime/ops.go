package runtime

import (
	"github.com/exosim/exosim/shell/dotnet/regexengine"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/textops"
)

// The operators on values are shell/ops; the session is their Session.

// opSession is the session as the operators see it.
type opSession struct{ rt *Runtime }

func (o opSession) Text(v any) string { return o.rt.toStr(v) }

func (o opSession) Regex(pattern string, cs bool) (*regexengine.Regexp, error) {
	return o.rt.compileRegex(pattern, cs)
}

func (o opSession) SetMatches(m *object.Hashtable) { o.rt.scope.Set("Matches", m) }

func (o opSession) CompareTo(left, right any) (c int, ok, comparable bool) {
	cv, is := left.(dotnet.Comparable)
	if !is {
		return 0, false, false
	}
	c, ok = cv.CompareTo(o.rt, right)
	return c, ok, true
}

func (o opSession) Dotnet() dotnet.Host         { return o.rt }
func (o opSession) TextOps() textops.Session    { return textSession{o.rt} }
func (o opSession) Range(l, r any) (any, error) { return o.rt.rangeValues(l, r) }

// binaryArith is + - * / % (ops.Arith).
func (rt *Runtime) binaryArith(op string, left, right any) (any, error) {
	return ops.Arith(opSession{rt}, op, left, right)
}

// equalValues is -eq (ops.Equal).
func (rt *Runtime) equalValues(left, right any, cs bool) bool {
	return ops.Equal(opSession{rt}, left, right, cs)
}

// compareValues orders two values (ops.Compare).
func (rt *Runtime) compareValues(left, right any, cs bool) (int, error) {
	return ops.Compare(opSession{rt}, left, right, cs)
}

// compileRegex compiles a pattern through the session's cache.
func (rt *Runtime) compileRegex(pattern string, cs bool) (*regexengine.Regexp, error) {
	return rt.regexes.Compile(pattern, cs)
}

// matchOne runs -match on a scalar and returns the $Matches table.
func (rt *Runtime) matchOne(s, pattern string, cs bool) (bool, *object.Hashtable, error) {
	return ops.Match(opSession{rt}, s, pattern, cs)
}

// toStr converts with the invariant culture and the session's $OFS.
func (rt *Runtime) toStr(v any) string {
	switch v.(type) {
	case []any, *object.List:
		ofs := " "
		if o, ok := rt.scope.Get("OFS"); ok && o != nil {
			ofs = object.ToInvariantString(o)
		}
		return object.ToInvariantStringOFS(v, ofs)
	}
	return object.ToInvariantString(v)
}
