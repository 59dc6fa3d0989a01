// Package pserror is PowerShell's terminating error as the interpreter
// raises it: an error record travelling up the Go call stack until a
// try, trap or the session catches it, and the builders of the records
// the engine itself raises, placed at the script text they concern.
package pserror

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// Error is a terminating error travelling up the Go call stack.
// Statement-terminating errors stop the current statement; script-
// terminating ones (throw, -ErrorAction Stop) unwind to the nearest try or
// end the script.
type Error struct {
	Record            *object.ErrorRecord
	ScriptTerminating bool
	// shown marks records already written to the error stream.
	shown bool
}

func (e *Error) Error() string { return e.Record.Message }

// Shown reports whether the record was already written to the error
// stream.
func (e *Error) Shown() bool { return e.shown }

// MarkShown records that the record was written to the error stream, so
// the places it unwinds through do not write it again.
func (e *Error) MarkShown() { e.shown = true }

// Position builds an error position from a syntax extent.
func Position(ext syntax.Extent) *object.Position {
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

// Runtime builds a statement-terminating error of the kind raised by the
// engine itself (method on null, bad cast ...).
func Runtime(ext syntax.Extent, msg, errorID string, cat object.ErrorCategory, exType string) *Error {
	return &Error{Record: &object.ErrorRecord{
		Message:       msg,
		ErrorID:       errorID,
		Category:      cat,
		ExceptionType: exType,
		Position:      Position(ext),
	}}
}

// InvalidOperation is Runtime's RuntimeException of category
// InvalidOperation.
func InvalidOperation(ext syntax.Extent, msg, errorID string) *Error {
	return Runtime(ext, msg, errorID, object.InvalidOperation, "RuntimeException")
}

// CallDepthOverflow is PowerShell's ScriptCallDepthException, raised when
// the engine would run out of stack; it ends the script.
func CallDepthOverflow(pos *object.Position) *Error {
	return &Error{Record: &object.ErrorRecord{
		Message:       "The script failed due to call depth overflow.",
		ErrorID:       "CallDepthOverflow",
		Category:      object.InvalidOperation,
		ExceptionType: "ScriptCallDepthException",
		Position:      pos,
	}, ScriptTerminating: true}
}

// OutOfMemory is the error PowerShell shows for an OutOfMemoryException
// raised by the engine outside a method call or cmdlet (an operator, a
// loop): a RuntimeException wrapping it, OperationStopped, with the
// exception's type name as the error ID.
func OutOfMemory(ext syntax.Extent) *Error {
	return Runtime(ext, memlimit.Message, "System.OutOfMemoryException", object.OperationStopped, "OutOfMemoryException")
}

// Unhandled is the error an exception a command does not handle becomes,
// attributed to the command (activity) at pos: a plain System.Exception,
// or for an OutOfMemoryException a CmdletInvocationException whose error
// ID is the exception's full type name followed by suffix, the command's
// name (empty for a script function, which PowerShell does not name
// there).
func Unhandled(err error, activity, suffix string, pos *object.Position) *Error {
	rec := &object.ErrorRecord{
		Message:       err.Error(),
		ErrorID:       "System.Exception",
		Category:      object.NotSpecified,
		ExceptionType: "Exception",
		Activity:      activity,
		Position:      pos,
	}
	if errors.Is(err, memlimit.ErrOutOfMemory) {
		rec.ErrorID, rec.ExceptionType, rec.CommandSuffix = "System.OutOfMemoryException", "OutOfMemoryException", suffix
	}
	return &Error{Record: rec}
}

// MaxErrors is how many records $Error keeps: a fixed number in
// PowerShell 7, which has no $MaximumErrorCount variable.
const MaxErrors = 256

// Remember is $Error once rec is added to it: the list errs holds (a new
// one when errs is not a list), with rec first and at most MaxErrors
// records, the oldest dropped.
func Remember(errs any, rec *object.ErrorRecord) *object.List {
	l, ok := errs.(*object.List)
	if !ok {
		l = &object.List{}
	}
	l.Items = append([]any{rec}, l.Items...)
	if len(l.Items) > MaxErrors {
		l.Items = l.Items[:MaxErrors]
	}
	return l
}

// Internal is the record of a Go panic inside the engine: a bug, which
// the session reports and survives.
func Internal(panicValue any) *object.ErrorRecord {
	return &object.ErrorRecord{
		Message:       fmt.Sprintf("exosim internal error: %v (this is a bug; please report it with the command that caused it)", panicValue),
		ErrorID:       "InternalError",
		Category:      object.NotSpecified,
		ExceptionType: "InternalError",
	}
}

// ParseRecord turns a syntax error into a ParserError record, shown
// with the location block even for single-line input.
func ParseRecord(e *syntax.ParseError) *object.ErrorRecord {
	pos := Position(e.Ext)
	if pos != nil {
		pos.MultiLineInput = true
		if e.Ext.End.Offset <= e.Ext.Start.Offset {
			pos.EndCol = pos.Col + 1
		}
	}
	return &object.ErrorRecord{
		Message:       e.Message,
		ErrorID:       e.ErrorID,
		Category:      object.ParserError,
		ExceptionType: "ParseException",
		Reason:        "ParserError",
		Position:      pos,
	}
}

// Thrown is the error a throw statement raises with a text: a
// RuntimeException whose error ID and target are the text, ending the
// script (code that throws so on PowerShell's side, such as a module's
// function, raises it).
func Thrown(msg string) *Error {
	return &Error{Record: &object.ErrorRecord{
		Message:           msg,
		ErrorID:           msg,
		Category:          object.OperationStopped,
		ExceptionType:     "RuntimeException",
		ExceptionFullType: "System.Management.Automation.RuntimeException",
		Target:            msg,
		FromThrow:         true,
	}, ScriptTerminating: true}
}
