package runtime

import (
	"cmp"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
)

// callFrame is one frame of the call stack: a running script function,
// script block or script file (pr), or a script block a command invokes
// (pr nil: ForEach-Object's, a calculated property's); at is where it
// was called from (nil when unknown).
type callFrame struct {
	pr *cmdproc.Processor
	at *object.Position
}

// stampStack fills rec's ScriptStackTrace, once, from the functions and
// scripts running now: each frame's line is where it stands, the raising
// statement (here; nil: the record's position) for the innermost, the
// call of the next frame for the others. It runs only as a record is
// made, never on the path of a command that succeeds.
func (rt *Runtime) stampStack(rec *object.ErrorRecord, here *object.Position) {
	if rec == nil || rec.ScriptStackTrace != "" {
		return
	}
	at := cmp.Or(here, rec.Position)
	frames := make([]pserror.Frame, 0, len(rt.fnStack)+1)
	for i := len(rt.fnStack) - 1; i >= 0; i-- {
		f := rt.fnStack[i]
		name := "<ScriptBlock>"
		if pr := f.pr; pr != nil && pr.Fn != nil && pr.SB == nil && pr.ScriptFile == "" {
			name = pr.Cmd.Name
		}
		frames = append(frames, pserror.Frame{Name: name, At: at})
		at = cmp.Or(f.at, at)
	}
	// interactive input is the outermost frame, unless exosim runs a script
	if len(rt.fnStack) == 0 || rt.fnStack[0].pr == nil || !rt.fnStack[0].pr.TopLevel {
		frames = append(frames, pserror.Frame{Name: "<ScriptBlock>", At: at})
	}
	rec.ScriptStackTrace = pserror.StackTrace(frames)
}
