package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
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
			if handled, terr := rt.trap(b.Traps, err, out); handled {
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

// trap runs the trap statement of a block that takes a terminating error
// raised by one of its statements. handled is false when no trap applies.
// The trap body runs in a scope of its own with $_ holding the error; if
// it ends with continue, the error is silenced and the block goes on with
// its next statement; if it ends with break, the error ends the script;
// otherwise the error is shown and the block goes on.
func (rt *Runtime) trap(traps []*syntax.TrapStmt, err error, out emitter) (handled bool, _ error) {
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
	saved := rt.scope
	rt.scope = scope.New(saved)
	rt.scope.Set("_", pe.Record)
	rt.scope.Set("PSItem", pe.Record)
	berr := rt.execBlock(chosen.Body, out)
	rt.scope = saved
	switch sig := berr.(type) {
	case nil:
		rt.reportTerminating(pe)
		rt.lastSuccess = false
		return true, nil
	case *flow.Continue:
		if sig.Label == "" {
			rt.recordError(pe.Record)
			rt.lastSuccess = false
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

// continueAfter decides whether a statement's error lets the next statement
// run. Outside try, $ErrorActionPreference decides: Stop ends the script
// with the error, SilentlyContinue and Ignore only record it in $Error,
// anything else shows it; in all but Stop execution goes on.
func (rt *Runtime) continueAfter(err error) bool {
	var pe *pserror.Error
	if !errors.As(err, &pe) || pe.ScriptTerminating || rt.tryDepth > 0 {
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
		return rt.execTry(s, out)
	case *syntax.TrapStmt:
		return nil
	case *syntax.ThrowStmt:
		return rt.execThrow(s)
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

func (rt *Runtime) execTry(s *syntax.TryStmt, out emitter) error {
	rt.tryDepth++
	err := rt.execBlock(s.Body, out)
	rt.tryDepth--
	var result error = err
	if err != nil {
		var pe *pserror.Error
		if errors.As(err, &pe) {
			for _, c := range s.Catches {
				if !pserror.Catches(c.Types, pe.Record) {
					continue
				}
				saved := rt.scope.Lookup("_")
				var savedVal any
				if saved != nil {
					savedVal = saved.Value
				}
				rt.stampStack(pe.Record, nil)
				rt.scope.Set("_", pe.Record)
				rt.scope.Set("PSItem", pe.Record)
				rt.catching = append(rt.catching, catchFrame{rec: pe.Record, ext: c.Ext})
				result = rt.execBlock(c.Body, out)
				rt.catching = rt.catching[:len(rt.catching)-1]
				if saved != nil {
					rt.scope.Set("_", savedVal)
				}
				break
			}
		}
	}
	if s.Finally != nil {
		if ferr := rt.execBlock(s.Finally, out); ferr != nil {
			return ferr
		}
	}
	return result
}

// catchFrame is a catch block being run and the error it caught.
type catchFrame struct {
	rec *object.ErrorRecord
	ext syntax.Extent
}

// encloses reports whether an extent lies in the catch block's text.
func (f catchFrame) encloses(e syntax.Extent) bool {
	return e.Src == f.ext.Src && e.Start.Offset >= f.ext.Start.Offset && e.End.Offset <= f.ext.End.Offset
}

func (rt *Runtime) execThrow(s *syntax.ThrowStmt) error {
	var v any
	if s.Value != nil {
		var err error
		v, err = rt.evalStatementValue(s.Value)
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
		for i := len(rt.catching) - 1; i >= 0; i-- {
			if f := rt.catching[i]; f.encloses(s.Ext) {
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
		rec.Message = rt.toStr(v)
		rec.ErrorID = rec.Message
		rec.Target = v
	}
	return &pserror.Error{Record: rec, ScriptTerminating: true}
}

// ---------------------------------------------------------------------------
// assignment

func (rt *Runtime) execAssignment(s *syntax.AssignmentStmt) error {
	var value any
	var err error
	value, err = rt.evalStatementValue(s.Value)
	if err != nil {
		return err
	}
	if s.Op != "=" {
		current, err := rt.evalExpr(s.Target)
		if err != nil {
			return err
		}
		switch s.Op {
		case "??=":
			if current != nil {
				return nil
			}
		default:
			op := strings.TrimSuffix(s.Op, "=")
			value, err = rt.binaryArith(op, current, value)
			if memlimit.IsOutOfMemory(err) {
				return pserror.OutOfMemory(s.Ext)
			}
			if me, ok := err.(*ops.MethodError); ok {
				return members.InvocationError(s.Ext, me.Exc, me.Method, 2)
			}
			if err != nil {
				// the error the operator alone raises ($a + $b)
				return ops.Failure(s.Ext, err)
			}
		}
	}
	return rt.assignTo(s.Target, value, s.Ext)
}

func (rt *Runtime) assignTo(target syntax.Expr, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *syntax.VariableExpr:
		return rt.assignVariableAt(t.Name, value, t.Ext)
	case *syntax.AttributedExpr:
		return rt.assignAttributed(t, value)
	case *syntax.ConvertExpr:
		if v, ok := t.Child.(*syntax.VariableExpr); ok {
			return rt.assignTyped(v, t.Type.Name, value)
		}
		conv, err := rt.ConvertTo(value, t.Type.Name)
		if err != nil {
			return automation.CastError(err, t.Ext)
		}
		return rt.assignTo(t.Child, conv, ext)
	case *syntax.ArrayLiteralExpr:
		items, ok := object.Elements(value)
		if !ok {
			items = []any{value}
		}
		for i, el := range t.Elements {
			var v any
			switch {
			case i == len(t.Elements)-1 && len(items) > len(t.Elements):
				v = append([]any{}, items[i:]...)
			case i < len(items):
				v = items[i]
			}
			if err := rt.assignTo(el, v, ext); err != nil {
				return err
			}
		}
		return nil
	case *syntax.MemberExpr:
		obj, err := rt.evalExpr(t.Target)
		if err != nil {
			return err
		}
		name, err := rt.memberName(t.Member)
		if err != nil {
			return err
		}
		if tv, ok := obj.(*dotnet.TypeValue); ok && t.Static {
			return members.SetStatic(rt.Members(), tv.Info, name, value, t.Ext)
		}
		return members.Set(rt.Members(), obj, name, value, t.Ext)
	case *syntax.IndexExpr:
		obj, err := rt.evalExpr(t.Target)
		if err != nil {
			return err
		}
		idx, err := rt.evalExpr(t.Index)
		if err != nil {
			return err
		}
		return members.SetIndex(rt.Members(), obj, idx, value, t.Ext)
	case *syntax.ParenExpr:
		if inner, ok := t.Stmt.(*syntax.Pipeline); ok && len(inner.Elements) == 1 {
			if ce, ok := inner.Elements[0].(*syntax.CommandExprElement); ok {
				return rt.assignTo(ce.Expr, value, ext)
			}
		}
	}
	return pserror.Runtime(ext, "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", "InvalidLeftHandSide", object.ParserError, "ParseException")
}

func (rt *Runtime) assignVariable(name string, value any) error {
	return rt.assignVariableAt(name, value, syntax.Extent{})
}

func (rt *Runtime) assignVariableAt(name string, value any, ext syntax.Extent) error {
	return rt.assign(name, value, "", ext)
}

// assignTyped is [type]$name = value: the value is converted and the
// variable, in the scope the assignment names, takes the type as its
// constraint for later assignments.
func (rt *Runtime) assignTyped(v *syntax.VariableExpr, typeName string, value any) error {
	if strings.EqualFold(typeName, "void") {
		return rt.assignVariableAt(v.Name, nil, v.Ext)
	}
	return rt.assign(v.Name, value, typeName, v.Ext)
}

// assignAttributed is [ValidateRange(1, 10)][int]$x = value: the
// variable takes the attributes written on it, the type constraint
// nearest it included, in place of its own; the value, converted, must
// pass their validation. Attributes that do not validate ([AllowNull()],
// [CmdletBinding()]) are kept and check nothing, as PowerShell's are.
func (rt *Runtime) assignAttributed(t *syntax.AttributedExpr, value any) error {
	var attrs []*syntax.Attribute
	typeName := ""
	var e syntax.Expr = t
	for {
		switch x := e.(type) {
		case *syntax.AttributedExpr:
			attrs = append(attrs, x.Attribute)
			e = x.Child
			continue
		case *syntax.ConvertExpr:
			typeName = x.Type.Name
			e = x.Child
			continue
		}
		break
	}
	v, ok := e.(*syntax.VariableExpr)
	if !ok {
		return rt.assignTo(e, value, t.Ext)
	}
	// PowerShell applies them nearest the variable first.
	in := rt.binding()
	var checks []validate.Validator
	for i := len(attrs) - 1; i >= 0; i-- {
		check, err := params.Validator(in, attrs[i])
		if err != nil {
			return err
		}
		if check != nil {
			checks = append(checks, check)
		}
	}
	valid := func(x any) bool {
		for _, check := range checks {
			if msg, err := check(in, x); msg != "" || err != nil {
				return false
			}
		}
		return true
	}
	if _, ok := value.(voidValue); ok && typeName == "" || strings.EqualFold(typeName, "void") {
		typeName, value = "", nil
	}
	if scopeName, _ := scope.Split(v.Name); scopeName == "env" {
		return rt.assign(v.Name, value, typeName, v.Ext)
	}
	return rt.scopeError(v.Ext, rt.scope.AssignAttributed(v.Name, value, typeName, rt.constrain, valid))
}

// assign is an assignment to a variable (Scope.Assign) or, for an env:
// name, to the environment.
func (rt *Runtime) assign(name string, value any, typeName string, ext syntax.Extent) error {
	if scopeName, bare := scope.Split(name); scopeName == "env" {
		rt.env.Set(bare, rt.toStr(value))
		return nil
	}
	if _, ok := value.(voidValue); ok && typeName == "" {
		value = nil
	}
	return rt.scopeError(ext, rt.scope.Assign(name, value, typeName, rt.constrain))
}

// scopeError is the error of an assignment the scope refused, or of a
// failed conversion to the variable's type constraint, at ext.
func (rt *Runtime) scopeError(ext syntax.Extent, err error) error {
	var se *scope.Error
	if errors.As(err, &se) {
		return pserror.Runtime(ext, se.Message, se.ID, se.Category, se.Exception)
	}
	if err != nil {
		return metadataError(ext, err)
	}
	return nil
}

// metadataError is a failed conversion to a variable's type constraint.
func metadataError(ext syntax.Extent, err error) error {
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return err
	}
	return pserror.Runtime(ext, err.Error(), "RuntimeException", object.MetadataError, "ArgumentTransformationMetadataException")
}

// ---------------------------------------------------------------------------
// functions

// defineFunction runs a function statement: it defines the function in
// the current scope, or the one a global: or script: prefix names; a
// private: prefix makes it private. A read-only or constant function the
// scope holds is not replaced.
func (rt *Runtime) defineFunction(d *syntax.FunctionDef) error {
	f := scriptcmd.NewFunction(d)
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
