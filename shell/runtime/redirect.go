package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/syntax"
)

// Redirection (shell/redirect): a record a command writes on streams 2
// to 6 goes to the redirection of the nearest command in its chain of
// callers that redirects that stream, else to the host.

// A command's streams as shell/redirect sees them (redirect.Command).

func (pr *cmdProcessor) Redirections() *redirect.Set { return &pr.redirs }

func (pr *cmdProcessor) Caller() (redirect.Command, bool) {
	if pr.caller == nil {
		return nil, false
	}
	return pr.caller, true
}

func (pr *cmdProcessor) Variables() (errs, warns *object.List) { return pr.errList, pr.warnList }

func (pr *cmdProcessor) Merge(rec any) error {
	if pr.next == nil {
		return nil
	}
	return pr.next(rec)
}

// streamHost is the session as the stream writers see it.
type streamHost struct{ rt *Runtime }

func (h streamHost) Preference(name string) string            { return h.rt.preference(name) }
func (h streamHost) RecordError(rec *object.ErrorRecord)      { h.rt.recordError(rec) }
func (h streamHost) ShowError(rec *object.ErrorRecord)        { h.rt.display.ShowError(rec) }
func (h streamHost) WriteStream(s format.Stream, line string) { h.rt.display.WriteStream(s, line) }

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
