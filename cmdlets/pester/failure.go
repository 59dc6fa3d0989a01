package pester

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
)

// failure is an error of a test, block or container as the report shows
// it: the message lines (with the exception's type name first, except for
// failed assertions) and the stack trace lines.
type failure struct {
	rec     *object.ErrorRecord
	id      string
	message []string
	trace   []string
}

// recordOf extracts the error record of an error (nil for the control
// signals break, continue and return).
func recordOf(err error) *object.ErrorRecord {
	if err == nil {
		return nil
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return pe.Record
	}
	var ex *runtime.ExitSignal
	if errors.As(err, &ex) {
		return &object.ErrorRecord{Message: fmt.Sprintf("The script exited with code %d.", ex.Code), ExceptionType: "RuntimeException"}
	}
	return &object.ErrorRecord{Message: err.Error(), ExceptionType: "RuntimeException"}
}

// failureOf turns an error into what the report shows, as Pester's
// ConvertTo-FailureLines does.
func failureOf(rt *runtime.Runtime, err error) *failure {
	rec := recordOf(err)
	f := &failure{rec: rec, id: rec.FullyQualifiedErrorID()}
	lines := splitLines(rec.Message)
	assertion := rec.ErrorID == assertionID || strings.HasPrefix(rec.ErrorID, "PesterTest")
	if !assertion {
		if len(lines) > 0 {
			lines[0] = exceptionName(rec) + ": " + lines[0]
		}
		if rec.InnerMessage != "" {
			inner := splitLines(rec.InnerMessage)
			if len(inner) > 0 {
				inner[0] = shortType(rec.InnerException) + ": " + inner[0]
			}
			lines = append(inner, lines...)
		}
	}
	f.message = lines
	if assertion {
		file, line, text := assertionPlace(rt, rec)
		f.trace = append(f.trace, splitLines(fmt.Sprintf("at %s, %s:%s", strings.TrimSpace(text), file, line))...)
	}
	if p := rec.Position; p != nil && p.Line > 0 {
		file := p.ScriptPath
		if file == "" {
			file = "<No file>"
		}
		f.trace = append(f.trace, fmt.Sprintf("at <ScriptBlock>, %s:%d", file, p.Line))
	}
	return f
}

// assertionPlace reads where a failed assertion was written from its
// record's target.
func assertionPlace(rt *runtime.Runtime, rec *object.ErrorRecord) (file, line, text string) {
	if h, ok := rec.Target.(*object.Hashtable); ok {
		get := func(k string) string {
			v, _ := h.Get(k)
			if v == nil {
				return ""
			}
			return rt.ToStr(v)
		}
		return get("File"), get("Line"), get("LineText")
	}
	if p := rec.Position; p != nil {
		return p.ScriptPath, fmt.Sprint(p.Line), p.LineText
	}
	return "", "", ""
}

// exceptionName is the short type name of a record's exception.
func exceptionName(rec *object.ErrorRecord) string {
	if rec.ExceptionType != "" {
		return shortType(rec.ExceptionType)
	}
	if rec.ExceptionFullType != "" {
		return shortType(rec.ExceptionFullType)
	}
	return "RuntimeException"
}

func shortType(t string) string {
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		return t[i+1:]
	}
	return t
}

// splitLines splits text into its non-empty lines.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// displayMessage and displayTrace are the failure's message and stack
// trace as text.
func (f *failure) displayMessage() string { return strings.Join(f.message, "\n") }
func (f *failure) displayTrace() string   { return strings.Join(f.trace, "\n") }

// formatErrors renders failures as Pester's Format-ErrorMessage does:
// one failure as its message and trace, several numbered [0], [1] ...;
// every line starts with margin. verbosity is Output.StackTraceVerbosity.
func formatErrors(fs []*failure, margin, verbosity string) string {
	trace := func(f *failure) string {
		t := f.displayTrace()
		if strings.TrimSpace(t) == "" || strings.EqualFold(verbosity, "None") {
			return ""
		}
		if strings.EqualFold(verbosity, "FirstLine") {
			return "\n" + f.trace[0]
		}
		return "\n" + t
	}
	var out string
	if len(fs) == 1 {
		out = fs[0].displayMessage() + trace(fs[0])
	} else {
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = fmt.Sprintf("[%d] %s%s", i, f.displayMessage(), trace(f))
		}
		out = strings.Join(parts, "\n")
	}
	lines := strings.Split(out, "\n")
	for i := range lines {
		lines[i] = margin + lines[i]
	}
	return strings.Join(lines, "\n")
}
