package runtime

import (
	"fmt"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// PSError is a terminating error travelling up the Go call stack.
// Statement-terminating errors stop the current statement; script-
// terminating ones (throw, -ErrorAction Stop) unwind to the nearest try or
// end the script.
type PSError struct {
	Record            *object.ErrorRecord
	ScriptTerminating bool
	// shown marks records already written to the error stream.
	shown bool
}

func (e *PSError) Error() string { return e.Record.Message }

type breakSignal struct{ label string }
type continueSignal struct{ label string }
type returnSignal struct {
	// value is what a return in a class method gives back; other
	// returns write theirs to the output.
	value any
}

// ExitSignal ends the script with a code (the exit statement).
type ExitSignal struct{ Code int }

// stopUpstream asks the commands before from (Select-Object -First) to
// stop: they produce nothing more and do not complete; from and the
// commands after it complete normally.
type stopUpstream struct{ from *cmdProcessor }

// Is makes every stop request match ErrStopUpstream.
func (*stopUpstream) Is(target error) bool {
	_, ok := target.(*stopUpstream)
	return ok
}

func (*breakSignal) Error() string    { return "break" }
func (*continueSignal) Error() string { return "continue" }
func (*returnSignal) Error() string   { return "return" }
func (e *ExitSignal) Error() string   { return fmt.Sprintf("exit %d", e.Code) }
func (*stopUpstream) Error() string   { return "pipeline stopped" }

// positionOf builds an error position from a syntax extent.
func positionOf(ext syntax.Extent) *object.Position {
	if ext.Src == nil {
		return nil
	}
	line := ext.Src.Line(ext.Start.Line)
	end := ext.End.Col
	if ext.End.Line != ext.Start.Line {
		end = len([]rune(line)) + 1
	}
	if end <= ext.Start.Col {
		end = ext.Start.Col + 1
	}
	multi := false
	if ext.Src.Path == "" {
		for i := 0; i < len(ext.Src.Text); i++ {
			if ext.Src.Text[i] == '\n' && i < len(ext.Src.Text)-1 {
				multi = true
				break
			}
		}
	}
	return &object.Position{
		ScriptPath:     ext.Src.Path,
		Line:           ext.Start.Line,
		Col:            ext.Start.Col,
		EndCol:         end,
		LineText:       line,
		MultiLineInput: multi,
	}
}

// runtimeError builds a statement-terminating error of the kind raised by
// the engine itself (method on null, bad cast ...).
func runtimeError(ext syntax.Extent, msg, errorID string, cat object.ErrorCategory, exType string) *PSError {
	return &PSError{Record: &object.ErrorRecord{
		Message:       msg,
		ErrorID:       errorID,
		Category:      cat,
		ExceptionType: exType,
		Position:      positionOf(ext),
	}}
}

func invalidOperation(ext syntax.Extent, msg, errorID string) *PSError {
	return runtimeError(ext, msg, errorID, object.InvalidOperation, "RuntimeException")
}

// NewErrorRecord builds a record for commands implemented outside a
// Context (tests and helpers).
func NewErrorRecord(message, errorID string, cat object.ErrorCategory, exceptionType string, target any) *object.ErrorRecord {
	return &object.ErrorRecord{Message: message, ErrorID: errorID, Category: cat, ExceptionType: exceptionType, Target: target}
}

var syntaxExtentZero = syntax.Extent{}
