package runtime

import (
	"errors"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// Runaway input ends in PowerShell's errors, never in a Go crash: a Go
// stack overflow or a failed allocation aborts the process and cannot be
// recovered. So recursion is bounded by counting (the parser's nesting
// depth, MaxCallDepth for commands, maxExprDepth for expressions), and
// memory by the session's budget (package memlimit): values that can grow
// without bound are checked before they are built, and loops and
// pipelines look at the heap as they go.

// maxExprDepth bounds the expressions evaluated inside one another. The
// parser bounds nesting, but not a chain of member accesses, indexes and
// calls ($x.a.a.a...), each of which holds the previous one; a chain of
// binary operators (1+1+1...) is evaluated in a loop and does not count.
const maxExprDepth = 10000

// callDepthOverflow is PowerShell's ScriptCallDepthException, raised when
// the engine would run out of stack; it ends the script.
func callDepthOverflow(pos *object.Position) *PSError {
	return &PSError{Record: &object.ErrorRecord{
		Message:       "The script failed due to call depth overflow.",
		ErrorID:       "CallDepthOverflow",
		Category:      object.InvalidOperation,
		ExceptionType: "ScriptCallDepthException",
		Position:      pos,
	}, ScriptTerminating: true}
}

// outOfMemory is the error PowerShell shows for an OutOfMemoryException
// raised by the engine outside a method call or cmdlet (an operator, a
// loop): a RuntimeException wrapping it, OperationStopped, with the
// exception's type name as the error ID.
func outOfMemory(ext syntax.Extent) *PSError {
	return runtimeError(ext, memlimit.Message, "System.OutOfMemoryException", object.OperationStopped, "OutOfMemoryException")
}

// checkGrowth is checkInterrupt for the places a runaway script passes
// again and again (each loop iteration, each object down a pipeline): it
// also stops the script once its data has outgrown the memory budget.
// The error is memlimit.ErrOutOfMemory, made a record where its place is
// known (statementError, cmdProcessor.wrap).
func (rt *Runtime) checkGrowth() error {
	if err := rt.checkInterrupt(); err != nil {
		return err
	}
	return rt.mem.Poll()
}

// statementError gives an out-of-memory refusal that reached a statement
// without becoming a record the statement's position.
func statementError(st syntax.Statement, err error) error {
	if err != nil && errors.Is(err, memlimit.ErrOutOfMemory) {
		return outOfMemory(st.Span())
	}
	return err
}
