package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/assign"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/trycatch"
)

// emitter receives each output object of a statement.
type emitter func(v any) error

func discard(any) error { return nil }

// ---------------------------------------------------------------------------
// statement lists

func (rt *Runtime) execBlock(b *syntax.StatementBlock, out emitter) error {
	if b == nil {
		return nil
	}
	if b.Ext.Src != nil {
		rt.inBlocks = append(rt.inBlocks, b.Ext)
		defer func(n int) { rt.inBlocks = rt.inBlocks[:n] }(len(rt.inBlocks) - 1)
	}
	for _, st := range b.Statements {
		if err := rt.execStatement(st, out); err != nil {
			if handled, terr := trycatch.Trap(trySession{rt}, b.Traps, err, out); handled {
				if terr == nil {
					continue
				}
				err = terr
			}
			if rt.continueAfter(err) {
				continue
			}
			return err
		}
	}
	return nil
}

// continueAfter decides whether a statement's error lets the next statement
// run. Outside try, $ErrorActionPreference decides: Stop ends the script
// with the error, SilentlyContinue and Ignore only record it in $Error,
// anything else shows it; in all but Stop execution goes on.
func (rt *Runtime) continueAfter(err error) bool {
	var pe *pserror.Error
	if !errors.As(err, &pe) || pe.ScriptTerminating || rt.tries.Depth > 0 {
		return false
	}
	switch rt.preference("ErrorActionPreference") {
	case "Stop":
		pe.ScriptTerminating = true
		return false
	case "SilentlyContinue", "Ignore":
		if !pe.Shown() {
			pe.MarkShown()
			rt.recordError(pe.Record)
		}
		rt.lastSuccess = false
		return true
	}
	rt.reportTerminating(pe)
	rt.lastSuccess = false
	return true
}

// reportTerminating shows a terminating error once and records it in $Error.
func (rt *Runtime) reportTerminating(pe *pserror.Error) {
	if pe.Shown() {
		return
	}
	pe.MarkShown()
	rt.recordError(pe.Record)
	// Inside a function or script block the error goes to the error stream
	// of the running command, which may be redirected (f 2>&1).
	if p := rt.currentCommand(); p != nil {
		if handled, _ := redirect.Deliver(p, redirect.Error, pe.Record); handled {
			return
		}
	}
	rt.display.ShowError(pe.Record)
}

func (rt *Runtime) execStatement(st syntax.Statement, out emitter) error {
	if err := rt.checkInterrupt(); err != nil {
		return err
	}
	return statementError(st, rt.execStatementKind(st, out))
}

func (rt *Runtime) execStatementKind(st syntax.Statement, out emitter) error {
	switch s := st.(type) {
	case *syntax.Pipeline:
		return rt.runPipelineStmt(s, out)
	case *syntax.PipelineChain:
		err := rt.execStatement(s.Left, out)
		if err != nil {
			if !rt.continueAfter(err) {
				return err
			}
		}
		ok := rt.lastSuccess && err == nil
		if (s.Op == "&&") == ok {
			return rt.execStatement(s.Right, out)
		}
		return nil
	case *syntax.AssignmentStmt:
		return rt.execAssignment(s)
	case *syntax.IfStmt:
		return flow.If(flowSession{rt}, s, out)
	case *syntax.ForEachStmt:
		return flow.ForEach(flowSession{rt}, s, out)
	case *syntax.ForStmt:
		return flow.For(flowSession{rt}, s, out)
	case *syntax.WhileStmt:
		return flow.While(flowSession{rt}, s, out)
	case *syntax.DoStmt:
		return flow.Do(flowSession{rt}, s, out)
	case *syntax.SwitchStmt:
		return flow.Switch(flowSession{rt}, s, out)
	case *syntax.TryStmt:
		return rt.tries.Try(trySession{rt}, s, out)
	case *syntax.TrapStmt:
		return nil
	case *syntax.ThrowStmt:
		return rt.tries.Throw(trySession{rt}, s)
	case *syntax.ReturnStmt:
		if s.InMethod {
			if s.Value == nil {
				return &returnSignal{}
			}
			v, err := rt.evalStatementValue(s.Value)
			if err != nil {
				return err
			}
			return &returnSignal{value: v}
		}
		if s.Value != nil {
			if err := rt.execStatement(s.Value, out); err != nil {
				return err
			}
		}
		return &returnSignal{}
	case *syntax.ExitStmt:
		code := 0
		if s.Value != nil {
			v, err := rt.evalStatementValue(s.Value)
			if err != nil {
				return err
			}
			code = exitCode(v)
		}
		rt.global.Set("LASTEXITCODE", code)
		return &ExitSignal{Code: code}
	case *syntax.BreakStmt:
		return &flow.Break{Label: rt.loopLabel(s.Label)}
	case *syntax.ContinueStmt:
		return &flow.Continue{Label: rt.loopLabel(s.Label)}
	case *syntax.FunctionDef:
		return rt.defineFunction(s)
	case *syntax.TypeDefStmt:
		return rt.defineScriptType(s)
	}
	return fmt.Errorf("unsupported statement %T", st)
}

// evalStatementValue runs a statement and returns its value the way a
// condition or assignment sees it.
func (rt *Runtime) evalStatementValue(st syntax.Statement) (any, error) {
	if p, ok := st.(*syntax.Pipeline); ok && len(p.Elements) == 1 {
		if ce, ok := p.Elements[0].(*syntax.CommandExprElement); ok && len(ce.Redirections) == 0 {
			return rt.evalExpr(ce.Expr)
		}
	}
	if a, ok := st.(*syntax.AssignmentStmt); ok {
		if err := rt.execAssignment(a); err != nil {
			return nil, err
		}
		return rt.evalExpr(a.Target)
	}
	var items []any
	err := rt.execStatement(st, func(v any) error {
		items = append(items, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return collapse(items), nil
}

// collapse turns collected output into $null, the single object, or an
// array (object.Collapse).
func collapse(items []any) any { return object.Collapse(items) }

// emitEnumerated writes v to out, unrolling arrays and lists one level.
func emitEnumerated(v any, out emitter) error {
	if _, ok := v.(voidValue); ok {
		return nil
	}
	if items, ok := object.Elements(v); ok {
		for _, it := range items {
			if err := out(it); err != nil {
				return err
			}
		}
		return nil
	}
	if e, ok := v.(interface{ Enumerate() []any }); ok {
		for _, it := range e.Enumerate() {
			if err := out(it); err != nil {
				return err
			}
		}
		return nil
	}
	return out(v)
}

// loopLabel resolves the label of break or continue: `break $name` takes
// the label from a variable.
func (rt *Runtime) loopLabel(label string) string {
	if strings.HasPrefix(label, "$") {
		v, _ := rt.readVariable(&syntax.VariableExpr{Name: label[1:]})
		return rt.toStr(v)
	}
	return label
}

// ---------------------------------------------------------------------------
// try / throw

// trySession is the session as throw, try and trap see it.
type trySession struct{ rt *Runtime }

func (t trySession) Exec(b *syntax.StatementBlock, out func(any) error) error {
	return t.rt.execBlock(b, out)
}
func (t trySession) Value(st syntax.Statement) (any, error) { return t.rt.evalStatementValue(st) }
func (t trySession) Text(v any) string                      { return t.rt.toStr(v) }
func (t trySession) Scope() *Scope                          { return t.rt.scope }
func (t trySession) SetScope(s *Scope)                      { t.rt.scope = s }
func (t trySession) StampStack(rec *object.ErrorRecord)     { t.rt.stampStack(rec, nil) }
func (t trySession) Report(pe *pserror.Error) {
	t.rt.reportTerminating(pe)
	t.rt.lastSuccess = false
}
func (t trySession) Record(rec *object.ErrorRecord) {
	t.rt.recordError(rec)
	t.rt.lastSuccess = false
}

// ---------------------------------------------------------------------------
// assignment

// execAssignment runs an assignment statement (shell/assign).
func (rt *Runtime) execAssignment(s *syntax.AssignmentStmt) error {
	return assign.Statement(assignSession{rt}, s)
}

// assignTo assigns value to a target expression (++ and --).
func (rt *Runtime) assignTo(target syntax.Expr, value any, ext syntax.Extent) error {
	return assign.To(assignSession{rt}, target, value, ext)
}

// assignVariable is $name = value.
func (rt *Runtime) assignVariable(name string, value any) error {
	return assign.Variable(assignSession{rt}, name, value, syntax.Extent{})
}

// assignSession is the session as an assignment sees it.
type assignSession struct{ rt *Runtime }

func (a assignSession) Value(st syntax.Statement) (any, error) { return a.rt.evalStatementValue(st) }
func (a assignSession) Eval(e syntax.Expr) (any, error)        { return a.rt.evalExpr(e) }
func (a assignSession) Arith(op string, l, r any) (any, error) { return a.rt.binaryArith(op, l, r) }
func (a assignSession) Members() members.Host                  { return a.rt.Members() }
func (a assignSession) Text(v any) string                      { return a.rt.toStr(v) }
func (a assignSession) ConvertTo(v any, t string) (any, error) { return a.rt.ConvertTo(v, t) }
func (a assignSession) Constrain(t string, v any) (any, error) { return a.rt.constrain(t, v) }
func (a assignSession) Binding() params.Interp                 { return a.rt.binding() }
func (a assignSession) Scope() *Scope                          { return a.rt.scope }
func (a assignSession) SetEnv(name, value string)              { a.rt.Env().Set(name, value) }
func (a assignSession) AttributeType(at *syntax.Attribute) (string, bool) {
	return a.rt.attributeType(at)
}

// ---------------------------------------------------------------------------
// functions

// defineFunction runs a function statement: it defines the function in
// the current scope, or the one a global: or script: prefix names; a
// private: prefix makes it private. A read-only or constant function the
// scope holds is not replaced.
func (rt *Runtime) defineFunction(d *syntax.FunctionDef) error {
	f := scriptcmd.NewFunction(d)
	if m := rt.scope.Module(); m != nil {
		f.Module, f.Body.Module = m, m
	}
	target, opts := rt.scope, scope.OptNone
	if prefix, _ := scope.Split(d.Name); prefix == "global" || prefix == "script" {
		target = rt.scope.Named(prefix)
	} else if prefix == "private" {
		opts = scope.OptPrivate
	}
	if err := target.DefineFunction(f.Name, f, opts, false); err != nil {
		se := err.(*scope.Error)
		return pserror.Runtime(d.Ext, se.Message, se.ID, se.Category, se.Exception)
	}
	return nil
}

func (rt *Runtime) lookupFunction(name string) *scriptcmd.Function {
	f, _ := rt.scope.Function(name)
	return f
}
