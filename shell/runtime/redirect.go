package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/syntax"
)

// Redirection (shell/redirect): a record a command writes on streams 2
// to 6 goes to the redirection of the nearest command in its chain of
// callers that redirects that stream, else to the host.

// streamHost is the session as the stream writers see it.
type streamHost struct{ rt *Runtime }

func (h streamHost) Preference(name string) string            { return h.rt.preference(name) }
func (h streamHost) RecordError(rec *object.ErrorRecord)      { h.rt.recordError(rec) }
func (h streamHost) ShowError(rec *object.ErrorRecord)        { h.rt.display.ShowError(rec) }
func (h streamHost) WriteStream(s format.Stream, line string) { h.rt.display.WriteStream(s, line) }

// currentCommand is the command whose code is running, nil at the top
// level of a command line.
func (rt *Runtime) currentCommand() *cmdproc.Processor {
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
