package runtime

import (
	"errors"
	"github.com/exosim/exosim/shell/pserror"
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// ---------------------------------------------------------------------------
// redirection

// Redirection. A command's output stream (1) goes to its redirection
// target, if any, instead of down the pipeline. The other streams — error
// (2), warning (3), verbose (4), debug (5), information (6, Write-Host
// included) — are written by the command itself and by every command run
// by its script or script block: a record goes to the redirection of the
// nearest command in that chain that redirects its stream (merged into
// that command's output with n>&1, or to a file, or discarded with
// n>$null), else to the host. A preference that hides a record
// (SilentlyContinue) keeps it out of redirections too, except on the
// information stream, whose records reach a redirection unless ignored.

// Stream numbers.
const (
	streamError       = 2
	streamWarning     = 3
	streamVerbose     = 4
	streamDebug       = 5
	streamInformation = 6
)

// streamTarget is where a command's stream goes: merged into its output,
// or to a file (or nowhere for $null).
type streamTarget struct {
	merge bool
	file  *redirect
}

// deliver hands rec, written on stream s by pr, to the redirection in
// effect for pr; handled is false when no command redirects the stream.
func (pr *cmdProcessor) deliver(s int, rec any) (handled bool, err error) {
	for q := pr; q != nil; q = q.caller {
		t := q.redirs[s]
		if t == nil {
			continue
		}
		if t.merge {
			// merged into the output, but not what -OutVariable collects
			if q.next == nil {
				return true, nil
			}
			return true, q.next(rec)
		}
		return true, t.file.emit(rec)
	}
	return false, nil
}

// closeRedirects writes the command's redirection files.
func (pr *cmdProcessor) closeRedirects() {
	if pr.outFile != nil {
		pr.outFile.close()
	}
	for _, t := range pr.redirs {
		if t != nil && t.file != nil && t.file != pr.outFile {
			t.file.close()
		}
	}
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

// redirect collects output for a file or discards it.
type redirect struct {
	rt      *Runtime
	path    string
	discard bool
	append  bool
	items   []any
	closed  bool
}

func (r *redirect) emit(v any) error {
	if r.discard {
		return nil
	}
	switch x := v.(type) {
	case *object.WarningRecord, *object.VerboseRecord, *object.DebugRecord, *object.InformationRecord:
		// a file gets the message itself
		v = x.(interface{ String() string }).String()
	}
	r.items = append(r.items, v)
	return nil
}

func (r *redirect) close() {
	if r.discard || r.path == "" || r.closed {
		return
	}
	r.closed = true
	var b strings.Builder
	w := format.NewWriter(r.rt.Formats, r.rt.FormatOptions(true), func(s format.Stream, line string) {
		b.WriteString(line)
		b.WriteByte('\n')
	})
	for _, it := range r.items {
		w.Write(it)
	}
	w.Close()
	if err := r.rt.WriteRedirect(r.path, b.String(), r.append); err != nil {
		var pe *pserror.Error
		if errors.As(err, &pe) {
			r.rt.showError(pe.Record)
		} else {
			r.rt.showError(&object.ErrorRecord{Message: err.Error(), ErrorID: "FileOpenFailure", Category: object.OpenError, ExceptionType: "IOException"})
		}
		return
	}
	r.items = nil
}

func (rt *Runtime) redirectTarget(r *syntax.Redirection) (*redirect, error) {
	if v, ok := r.Target.(*syntax.VariableExpr); ok && strings.EqualFold(v.Name, "null") {
		return &redirect{rt: rt, discard: true}, nil
	}
	v, err := rt.evalExpr(r.Target)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return &redirect{rt: rt, discard: true}, nil
	}
	return &redirect{rt: rt, path: rt.toStr(v), append: r.Append}, nil
}

func (pr *cmdProcessor) addRedirection(r *syntax.Redirection) error {
	streams := func() []int {
		switch r.From {
		case "*":
			return []int{streamError, streamWarning, streamVerbose, streamDebug, streamInformation}
		case "2", "3", "4", "5", "6":
			return []int{int(r.From[0] - '0')}
		}
		return nil
	}
	if r.Merge {
		for _, n := range streams() {
			pr.redirs[n] = &streamTarget{merge: true}
		}
		return nil
	}
	t, err := pr.rt.redirectTarget(r)
	if err != nil {
		return err
	}
	if r.From == "1" || r.From == "" || r.From == "*" {
		pr.outFile = t
	}
	for _, n := range streams() {
		pr.redirs[n] = &streamTarget{file: t}
	}
	return nil
}
