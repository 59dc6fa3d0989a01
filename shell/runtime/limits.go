package runtime

import (
	"errors"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/pserror"
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
		return pserror.OutOfMemory(st.Span())
	}
	return err
}
