package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/syntax"
)

// Redirection (shell/redirect): a record a command writes on streams 2
// to 6 goes to the redirection of the nearest command in its chain of
// callers that redirects that stream, else to the host.

// deliver hands rec, written on stream s by pr, to the redirection in
// effect for pr; handled is false when no command redirects the stream.
func (pr *cmdProcessor) deliver(s int, rec any) (handled bool, err error) {
	for q := pr; q != nil; q = q.caller {
		t := q.redirs.Of(s)
		if t == nil {
			continue
		}
		if t.Merge {
			// merged into the output, but not what -OutVariable collects
			if q.next == nil {
				return true, nil
			}
			return true, q.next(rec)
		}
		return true, t.File.Emit(rec)
	}
	return false, nil
}

// pushRunning marks pr as the command whose code runs now: commands
// created meanwhile (by its script, or a script block it invokes) write
// their streams through it. The returned function undoes it.
func (pr *cmdProcessor) pushRunning() func() {
	rt := pr.rt
	rt.running = append(rt.running, pr)
	n := len(rt.running)
	return func() { rt.running = rt.running[:n-1] }
}

// scriptCaller is the nearest script, function or script block whose code
// runs pr (directly or through cmdlets such as ForEach-Object), nil at the
// top level. Unlike whatever runs at the moment, it does not change while
// an upstream command's output is being processed.
func (pr *cmdProcessor) scriptCaller() *cmdProcessor {
	for q := pr.caller; q != nil; q = q.caller {
		if q.fnRun != nil {
			return q
		}
	}
	return nil
}

// currentCommand is the command whose code is running, nil at the top
// level of a command line.
func (rt *Runtime) currentCommand() *cmdProcessor {
	if n := len(rt.running); n > 0 {
		return rt.running[n-1]
	}
	return nil
}

// redirectTarget evaluates the target of redirection r.
func (rt *Runtime) redirectTarget(r *syntax.Redirection) (*redirect.File, error) {
	if v, ok := r.Target.(*syntax.VariableExpr); ok && strings.EqualFold(v.Name, "null") {
		return redirect.Discard(), nil
	}
	v, err := rt.evalExpr(r.Target)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return redirect.Discard(), nil
	}
	return redirect.Open(rt, rt.toStr(v), r.Append), nil
}
