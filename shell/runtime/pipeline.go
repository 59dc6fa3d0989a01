package runtime

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// runPipelineStmt runs a pipeline statement, writing its output to out.
func (rt *Runtime) runPipelineStmt(p *syntax.Pipeline, out emitter) error {
	if len(p.Elements) == 1 {
		if ce, ok := p.Elements[0].(*syntax.CommandExprElement); ok && len(ce.Redirections) == 0 {
			if u, isUnary := ce.Expr.(*syntax.UnaryExpr); isUnary && (u.Op == "++" || u.Op == "--" || u.Op == "p++" || u.Op == "p--") {
				// $i++ as a statement is an assignment: no output
				_, err := rt.evalExpr(ce.Expr)
				rt.lastSuccess = err == nil
				return err
			}
			// A value succeeds; a parenthesized pipeline and the
			// statements of $() and @() leave $? as their last
			// statement set it (true when there is none).
			inner := false
			switch ce.Expr.(type) {
			case *syntax.ParenExpr, *syntax.SubExpr, *syntax.ArrayExpr:
				inner, rt.lastSuccess = true, true
			}
			if n := syntax.OutputOf(ce.Expr); n != nil {
				// $(...) or (a pipeline) that wrote nothing is
				// AutomationNull as a statement: it writes nothing,
				// where a $null value would be written
				items, err := rt.collectOutput(n)
				if err != nil || len(items) == 0 {
					return err
				}
				return emitEnumerated(collapse(items), out)
			}
			v, err := rt.evalExpr(ce.Expr)
			if err != nil {
				rt.lastSuccess = false
				return err
			}
			if !inner {
				rt.lastSuccess = true
			}
			return emitEnumerated(v, out)
		}
	}
	procs := make([]cmdproc.Stage, 0, len(p.Elements))
	hadError := false
	for i, el := range p.Elements {
		switch e := el.(type) {
		case *syntax.CommandExpr:
			pr, err := rt.newCommandProcessor(e, i, &hadError)
			if err != nil {
				rt.lastSuccess = false
				return err
			}
			procs = append(procs, pr)
		case *syntax.CommandExprElement:
			if i > 0 {
				return pserror.Runtime(e.Ext, "Expressions are only allowed as the first element of a pipeline.", "ExpressionsMustBeFirstInPipeline", object.ParserError, "ParseException")
			}
			procs = append(procs, &exprProcessor{rt: rt, expr: e})
		}
	}
	for i, pr := range procs {
		if i+1 < len(procs) {
			next := procs[i+1]
			pr.SetNext(func(v any) error { return next.Process(v, true) })
			next.ExpectsInput(true)
		} else {
			pr.SetNext(out)
		}
	}
	err := cmdproc.Drive(procs)
	rt.lastSuccess = err == nil && !hadError
	return err
}

// exprProcessor is an expression at the head of a pipeline.
type exprProcessor struct {
	rt   *Runtime
	expr *syntax.CommandExprElement
	next emitter
}

func (p *exprProcessor) Begin() error              { return nil }
func (p *exprProcessor) End() error                { return nil }
func (p *exprProcessor) Dispose()                  {}
func (p *exprProcessor) Clean()                    {}
func (p *exprProcessor) SetNext(e func(any) error) { p.next = e }
func (p *exprProcessor) ExpectsInput(bool)         {}
func (p *exprProcessor) Process(any, bool) error {
	if be, ok := p.expr.Expr.(*syntax.BinaryExpr); ok && be.Op == ".." && len(p.expr.Redirections) == 0 {
		return p.rt.streamRange(be, p.next)
	}
	v, err := p.rt.evalExpr(p.expr.Expr)
	if err != nil {
		return err
	}
	out := p.next
	for _, r := range p.expr.Redirections {
		if !r.Merge && r.From != "2" && r.Target != nil {
			w, err := p.rt.redirectTarget(r)
			if err != nil {
				return err
			}
			out = w.Emit
			defer w.Close()
		}
	}
	return emitEnumerated(v, out)
}

// ---------------------------------------------------------------------------
// commands

func (rt *Runtime) commandNotFound(name string, ext syntax.Extent) *pserror.Error {
	if rt.UnknownCommand != nil {
		if rec := rt.UnknownCommand(rt, name); rec != nil {
			rec.InvocationName = name
			rec.Position = pserror.Position(ext)
			return &pserror.Error{Record: rec}
		}
	}
	if file, ok := automation.NativeProgram(rt.Files(), rt.Env(), name); ok {
		rec := automation.NativeNotRun(name, file)
		rec.InvocationName = name
		rec.Position = pserror.Position(ext)
		return &pserror.Error{Record: rec}
	}
	return &pserror.Error{Record: &object.ErrorRecord{
		Message:           fmt.Sprintf("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.", name),
		ErrorID:           "CommandNotFoundException",
		Category:          object.ObjectNotFound,
		ExceptionType:     "CommandNotFoundException",
		ExceptionFullType: "System.Management.Automation.CommandNotFoundException",
		Target:            name,
		InvocationName:    name,
		Position:          pserror.Position(ext),
	}}
}

func (rt *Runtime) newCommandProcessor(e *syntax.CommandExpr, pipePos int, hadError *bool) (*cmdproc.Processor, error) {
	if len(e.Elements) == 0 {
		return nil, pserror.Runtime(e.Ext, "An empty pipe element is not allowed.", "EmptyPipeElement", object.ParserError, "ParseException")
	}
	if err := rt.strictMethodCall(e); err != nil {
		return nil, err
	}
	pr := rt.newProcessor(hadError)
	pr.Ext, pr.PipePos, pr.Dot, pr.CalledBy = e.Ext, pipePos, e.InvocationOp == ".", rt.currentCommand()
	pr.Pos = pserror.Position(e.Ext)
	head := e.Elements[0]
	var name string
	switch h := head.(type) {
	case *syntax.StringConstExpr:
		name = h.Value
		if e.InvocationOp != "" {
			break
		}
	case syntax.Expr:
		v, err := rt.evalExpr(h)
		if err != nil {
			return nil, err
		}
		switch x := v.(type) {
		case *automation.ScriptBlock:
			pr.SB = x
			pr.InvName = ""
		case *command.Command:
			pr.Cmd = x
			name = x.Name
		case *scriptcmd.Function:
			pr.Fn = x
			name = x.Name
		default:
			name = rt.toStr(v)
		}
	}
	if pr.SB == nil && pr.Cmd == nil && pr.Fn == nil {
		pr.InvName = name
		if err := rt.resolveCommand(pr, name, head.Span()); err != nil {
			rt.notifyRefusedLookup(name, e, err) // invocation hooks (hooks.go)
			return nil, err
		}
	}
	args, err := rt.collectArgs(e.Elements[1:])
	if err != nil {
		return nil, err
	}
	for _, r := range e.Redirections {
		if err := pr.Redirs.Add(r, rt.redirectTarget); err != nil {
			return nil, err
		}
	}
	if err := rt.bind(pr, args); err != nil {
		pr.NotifyBindFailure(args, err) // invocation hooks
		return nil, err
	}
	return pr, nil
}

func (rt *Runtime) resolveCommand(pr *cmdproc.Processor, name string, ext syntax.Extent) error {
	if c := rt.hookedCommand(name); c != nil {
		pr.Cmd = c
		return nil
	}
	target, _ := rt.ResolveAlias(name)
	lname := strings.ToLower(target)
	if f := rt.lookupFunction(lname); f != nil {
		pr.Fn = f
		return nil
	}
	if c, ok := rt.cmds.Resolve(lname); ok && rt.IsVisible(c) {
		pr.Cmd = rt.VisibleCommand(c)
		return nil
	}
	if c, ok := rt.cmds.Qualified(target, rt); ok {
		pr.Cmd = c
		return nil
	}
	if strings.ContainsAny(target, `/\`) {
		if path, ok := provider.ScriptPath(rt.Files(), target); ok {
			data, err := provider.ReadFile(rt.Files(), path)
			if err == nil {
				src := syntax.NewSource(path, fsys.DecodeText(data))
				sb, perrs := parser.Parse(src)
				if perrs == nil {
					perrs = rt.prepareScript(sb, src)
				}
				if perrs != nil {
					return rt.parseErrorsAsError(perrs)
				}
				if err := rt.checkRequirements(sb, scriptName(path), target, ext); err != nil {
					return err
				}
				pr.SB = &automation.ScriptBlock{AST: sb}
				pr.ScriptFile = path
				return nil
			}
		}
	}
	if _, loop := rt.aliasOf(target); loop {
		return rt.commandNotFound(target, ext)
	}
	if target != name && (rt.UnknownCommand == nil || rt.UnknownCommand(rt, name) == nil) {
		rec := scope.AliasNotResolved(name, target)
		rec.InvocationName, rec.Position = name, pserror.Position(ext)
		return &pserror.Error{Record: rec}
	}
	return rt.commandNotFound(name, ext)
}

// collectOutput runs a block or a pipeline (syntax.OutputOf) and collects
// what it writes.
func (rt *Runtime) collectOutput(n syntax.Node) ([]any, error) {
	var items []any
	collect := func(v any) error {
		items = append(items, v)
		return nil
	}
	if b, ok := n.(*syntax.StatementBlock); ok {
		return items, rt.execBlock(b, collect)
	}
	return items, rt.execStatement(n.(*syntax.Pipeline), collect)
}

// collectArgs evaluates a command's argument elements.
func (rt *Runtime) collectArgs(elems []syntax.Node) ([]binder.Argument, error) {
	var args []binder.Argument
	for i := 0; i < len(elems); i++ {
		switch el := elems[i].(type) {
		case *syntax.CommandParameter:
			a := binder.Argument{Name: el.Name, NameExt: el.Ext, Ext: el.Ext}
			if el.Arg != nil {
				v, err := rt.evalExpr(el.Arg)
				if err != nil {
					return nil, err
				}
				a.Value, a.HasVal, a.Colon = v, true, true
				a.Ext = el.Arg.Span()
			}
			args = append(args, a)
		case *syntax.VariableExpr:
			if el.Splatted {
				v, _ := rt.readVariable(&syntax.VariableExpr{Name: el.Name})
				switch s := v.(type) {
				case *object.Hashtable:
					for _, e := range s.Entries() {
						val := e.Value
						args = append(args, binder.Argument{Name: rt.toStr(e.Key), NameExt: el.Ext, Ext: el.Ext, Value: val, HasVal: true, Colon: true, Splat: true})
					}
				case []any:
					for j := 0; j < len(s); j++ {
						it := s[j]
						if name, ok := rt.tokenName(it); ok {
							// a -Name from $args is a parameter again;
							// -Name: takes the next element as its value
							a := binder.Argument{Name: name, NameExt: el.Ext, Ext: el.Ext}
							if text := rt.toStr(it); strings.HasSuffix(text, ":") && j+1 < len(s) {
								j++
								a.Value, a.HasVal, a.Colon = s[j], true, true
							}
							args = append(args, a)
							continue
						}
						args = append(args, binder.Argument{Value: it, Ext: el.Ext})
					}
				case nil:
				default:
					args = append(args, binder.Argument{Value: s, Ext: el.Ext})
				}
				continue
			}
			v, err := rt.evalExpr(el)
			if err != nil {
				return nil, err
			}
			args = append(args, binder.Argument{Value: v, Ext: el.Ext})
		case syntax.Expr:
			v, err := rt.evalExpr(el)
			if err != nil {
				return nil, err
			}
			if _, isSB := el.(*syntax.ScriptBlockExpr); isSB {
				args = append(args, binder.Argument{Value: v, Ext: el.Span()})
				continue
			}
			args = append(args, binder.Argument{Value: v, Ext: el.Span()})
		}
	}
	return args, nil
}

// bind resolves parameters for the processor's command or function.
func (rt *Runtime) bind(pr *cmdproc.Processor, args []binder.Argument) error {
	m := blockModule(pr.SB)
	if pr.Fn != nil {
		m = pr.Fn.Module
	}
	if m != nil {
		// a module's function or script block declares and converts its
		// parameters with the types its module sees
		saved := rt.scope
		rt.scope = rt.entryScope(m)
		defer func() { rt.scope = saved }()
	}
	cmd, simple, err := rt.commandFor(pr)
	if err != nil {
		return err
	}
	pr.Cmd = cmd
	joined := binder.Join(cmd, args, simple)
	b, err := binder.Bind(rt.binding(), cmd, pr.InvName, joined, pr.Ext, simple)
	if err != nil {
		return err
	}
	if !simple && pr.SB == nil {
		// $PSDefaultParameterValues: bound again with the defaults that
		// apply, after the written arguments
		table, _ := rt.scope.Get("PSDefaultParameterValues")
		defs, err := binder.Defaults(table, cmd, b, func(sb dotnet.ScriptBlock) (any, error) { return rt.CallScriptBlock(sb, nil) })
		if err != nil {
			return err
		}
		if len(defs) > 0 {
			if b, err = binder.Bind(rt.binding(), cmd, pr.InvName, append(joined, defs...), pr.Ext, simple); err != nil {
				return err
			}
		}
	}
	pr.Bound = b
	pr.Call = binder.Call{Cmd: cmd, InvName: pr.InvName, Ext: pr.Ext, Bound: b, PipePos: pr.PipePos, Plans: &rt.plans, Simple: simple}
	return pr.ApplyCommon()
}

func (rt *Runtime) commandFor(pr *cmdproc.Processor) (*command.Command, bool, error) {
	switch {
	case pr.Cmd != nil:
		if pr.InvName == "" {
			pr.InvName = pr.Cmd.Name
		}
		return pr.Cmd, pr.Cmd.AcceptsAnyArguments, nil
	case pr.Fn != nil:
		c, simple, err := rt.scripts.Command(rt.binding(), pr.Fn.Name, pr.Fn.Body.AST, pr.Fn.Params)
		if err != nil {
			return nil, false, err
		}
		if pr.InvName == "" {
			pr.InvName = pr.Fn.Name
		}
		return c, simple, nil
	case pr.SB != nil:
		name := ""
		if pr.ScriptFile != "" {
			name = scriptName(pr.ScriptFile)
		}
		c, simple, err := rt.scripts.Command(rt.binding(), name, pr.SB.AST, pr.SB.Params)
		return c, simple, err
	}
	return nil, false, fmt.Errorf("no command")
}

// console is the session's host as binder.Prompt asks on it: at a
// terminal, or from redirected input as pwsh's console host reads it (an
// answer echoed after its prompt; a hidden one, which pwsh reads key by
// key and .NET refuses to read from redirected input, stops the
// pipeline once its prompt is written). A NonInteractive session asks
// nothing.
type console struct{ rt *Runtime }

func (c console) Interactive() bool { return !c.rt.IO.NonInteractive }

func (c console) Redirected() bool { return !c.rt.IO.StdinTTY }

func (c console) ReadLine(prompt string, secret bool) (string, error) {
	io := c.rt.IO
	switch {
	case io.StdinTTY:
		return io.ReadLine(prompt, secret)
	case secret:
		c.rt.display.HostText(prompt)
		return "", StopPipeline()
	}
	return io.ReadAnswer(prompt)
}

func (c console) HostLine(line string) { c.rt.display.HostLine(line) }

// ---------------------------------------------------------------------------
// $Error

// recordError adds a record to $Error.
func (rt *Runtime) recordError(rec *object.ErrorRecord) {
	rt.stampStack(rec, nil)
	if v := rt.global.Lookup("Error"); v != nil {
		v.Value = pserror.Remember(v.Value, rec)
	}
}
