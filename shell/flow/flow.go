// Package flow runs the statements that steer the flow of a script: if,
// the loops (while, do, for, foreach) and the switch statement (its input
// values, the file lines of switch -File, each clause's match by text,
// wildcard, regular expression or script block), and the break and
// continue signals with the labels that end or go on with each of them.
//
// The package reaches the session through the Interp interface, which
// the runtime implements; it does not import the runtime.
package flow

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/syntax"
)

// Interp is the session as a flow-control statement sees it.
type Interp interface {
	// Ops is the session as the operators see it (text conversion with
	// $OFS, -match and $Matches).
	Ops() ops.Session
	// Exec runs a statement block, sending its output to out.
	Exec(b *syntax.StatementBlock, out func(any) error) error
	// Value runs a statement for its value (a switch's condition).
	Value(st syntax.Statement) (any, error)
	// Eval evaluates an expression.
	Eval(e syntax.Expr) (any, error)
	// ScriptBlockValue runs a script block with $_ bound to dollarUnder
	// and returns its value.
	ScriptBlockValue(sb *automation.ScriptBlock, dollarUnder any) (any, error)
	// Set assigns a variable of the current scope; Save remembers its
	// value and returns the function that puts it back.
	Set(name string, v any)
	Save(name string) (restore func())
	// CheckGrowth stops a runaway loop: an interrupt, or data beyond the
	// session's memory budget.
	CheckGrowth() error
	// Files are the session's drives and current location.
	Files() *fsys.Namespace
	// Run runs a statement, sending its output to out (a for loop's
	// initializer and iterator).
	Run(st syntax.Statement, out func(any) error) error
	// Assign assigns a variable as $name = v does (a foreach variable).
	Assign(name string, v any) error
	// StreamRange evaluates the bounds of a range expression and calls f
	// for each element without building the array.
	StreamRange(x *syntax.BinaryExpr, f func(any) error) error
}

// Break and Continue are the break and continue statements on their way
// out to the loop or switch they end or go on with: Label names that
// statement's label, empty for the innermost one.
type Break struct{ Label string }

// Continue: see Break.
type Continue struct{ Label string }

func (*Break) Error() string    { return "break" }
func (*Continue) Error() string { return "continue" }

// Control interprets the error a loop body ended with for a loop labelled
// label: stop is true for a break of this loop, false for a continue of
// it; any other error (a break of an outer loop too) comes back to go
// further.
func Control(err error, label string) (stop bool, _ error) {
	switch s := err.(type) {
	case *Break:
		if s.Label == "" || strings.EqualFold(s.Label, label) {
			return true, nil
		}
	case *Continue:
		if s.Label == "" || strings.EqualFold(s.Label, label) {
			return false, nil
		}
	}
	return false, err
}

// elements lists what a loop or switch goes through for a value: the
// elements of an array or list, what an enumerable enumerates, else the
// value itself.
func elements(v any) []any {
	if list, ok := object.Elements(v); ok {
		return list
	}
	if e, ok := v.(interface{ Enumerate() []any }); ok {
		return e.Enumerate()
	}
	return []any{v}
}
