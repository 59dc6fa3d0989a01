// Package trycatch runs the statements that raise and handle terminating
// errors: throw (a value, an ErrorRecord, an exception, or bare inside a
// catch block to rethrow what it caught), try with its catch clauses
// (each naming the exception types it takes, or none for any) and its
// finally block, and the trap statements of a statement block.
//
// The package reaches the session through the Interp interface, which
// the runtime implements; it does not import the runtime.
package trycatch

import (
	"errors"

	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
)

// Scope is a scope of the session.
type Scope = scope.Scope[*scriptcmd.Function]

// Interp is the session as these statements see it.
type Interp interface {
	// Exec runs a statement block, sending its output to out.
	Exec(b *syntax.StatementBlock, out func(any) error) error
	// Value runs a statement for its value (what throw throws).
	Value(st syntax.Statement) (any, error)
	// Text converts a value to text as PowerShell does.
	Text(v any) string
	// Scope is the current scope; SetScope makes s the current one.
	Scope() *Scope
	SetScope(s *Scope)
	// StampStack gives an error record the script stack trace of where
	// the session is, unless it has one.
	StampStack(rec *object.ErrorRecord)
	// Report shows a terminating error once and records it in $Error;
	// Record only records it. Both leave $? false.
	Report(pe *pserror.Error)
	Record(rec *object.ErrorRecord)
}

// State is what the session keeps of the try statements running.
type State struct {
	// Depth counts the try blocks running: inside one, a terminating
	// error goes up to its catch clauses instead of being reported.
	Depth int
	// catching are the catch blocks running, innermost last: a bare
	// throw written inside one rethrows its error.
	catching []frame
}

// frame is a catch block being run and the error it caught.
type frame struct {
	rec *object.ErrorRecord
	ext syntax.Extent
}

// encloses reports whether an extent lies in the catch block's text.
func (f frame) encloses(e syntax.Extent) bool {
	return e.Src == f.ext.Src && e.Start.Offset >= f.ext.Start.Offset && e.End.Offset <= f.ext.End.Offset
}

// Try runs a try statement: its body; on a terminating error the first
// catch clause that takes it, with the error recorded in $Error and $_
// and $PSItem holding it ($_ is the caller's again afterwards); then the
// finally block, whose own error wins.
func (st *State) Try(in Interp, s *syntax.TryStmt, out func(any) error) error {
	st.Depth++
	err := in.Exec(s.Body, out)
	st.Depth--
	result := err
	var pe *pserror.Error
	if err != nil && errors.As(err, &pe) {
		for _, c := range s.Catches {
			if !pserror.Catches(c.Types, pe.Record) {
				continue
			}
			sc := in.Scope()
			saved := sc.Lookup("_")
			var savedVal any
			if saved != nil {
				savedVal = saved.Value
			}
			in.StampStack(pe.Record)
			// A caught error is recorded in $Error as any other.
			in.Record(pe.Record)
			sc.Set("_", pe.Record)
			sc.Set("PSItem", pe.Record)
			st.catching = append(st.catching, frame{rec: pe.Record, ext: c.Ext})
			result = in.Exec(c.Body, out)
			st.catching = st.catching[:len(st.catching)-1]
			if saved != nil {
				in.Scope().Set("_", savedVal)
			}
			break
		}
	}
	if s.Finally != nil {
		if ferr := in.Exec(s.Finally, out); ferr != nil {
			return ferr
		}
	}
	return result
}

// Throw runs a throw statement: the terminating error it raises.
func (st *State) Throw(in Interp, s *syntax.ThrowStmt) error {
	var v any
	if s.Value != nil {
		var err error
		v, err = in.Value(s.Value)
		if err != nil {
			return err
		}
	}
	rec := &object.ErrorRecord{
		ExceptionType: "RuntimeException",
		Category:      object.OperationStopped,
		FromThrow:     true,
		Position:      pserror.Position(s.Ext),
		Thrown:        v,
	}
	if s.Value == nil {
		// a bare throw in a catch block rethrows the error it caught
		for i := len(st.catching) - 1; i >= 0; i-- {
			if f := st.catching[i]; f.encloses(s.Ext) {
				c := *f.rec
				return &pserror.Error{Record: &c, ScriptTerminating: true}
			}
		}
	}
	switch x := v.(type) {
	case nil:
		rec.Message = "ScriptHalted"
		rec.ErrorID = "ScriptHalted"
	case *object.ErrorRecord:
		c := *x
		c.FromThrow = true
		return &pserror.Error{Record: &c, ScriptTerminating: true}
	case *system.Exception:
		x.Record(rec)
	default:
		rec.Message = in.Text(v)
		rec.ErrorID = rec.Message
		rec.Target = v
	}
	return &pserror.Error{Record: rec, ScriptTerminating: true}
}

// Trap runs the trap statement of a block that takes a terminating error
// raised by one of its statements. handled is false when no trap applies.
// The trap body runs in a scope of its own with $_ holding the error; if
// it ends with continue, the error is silenced and the block goes on with
// its next statement; if it ends with break, the error ends the script;
// otherwise the error is shown and the block goes on.
func Trap(in Interp, traps []*syntax.TrapStmt, err error, out func(any) error) (handled bool, _ error) {
	if len(traps) == 0 {
		return false, nil
	}
	var pe *pserror.Error
	if !errors.As(err, &pe) {
		return false, nil
	}
	var chosen *syntax.TrapStmt
	for _, t := range traps {
		if t.Type == nil {
			if chosen == nil {
				chosen = t
			}
			continue
		}
		if pserror.Catches([]*syntax.TypeName{t.Type}, pe.Record) {
			chosen = t
			break
		}
	}
	if chosen == nil {
		return false, nil
	}
	saved := in.Scope()
	sc := scope.New(saved)
	in.SetScope(sc)
	sc.Set("_", pe.Record)
	sc.Set("PSItem", pe.Record)
	berr := in.Exec(chosen.Body, out)
	in.SetScope(saved)
	switch sig := berr.(type) {
	case nil:
		in.Report(pe)
		return true, nil
	case *flow.Continue:
		if sig.Label == "" {
			in.Record(pe.Record)
			return true, nil
		}
	case *flow.Break:
		if sig.Label == "" {
			pe.ScriptTerminating = true
			return true, pe
		}
	}
	return true, berr
}
