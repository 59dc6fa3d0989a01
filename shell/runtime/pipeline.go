package runtime

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// processor is one stage of a running pipeline.
type processor interface {
	begin() error
	process(v any, hasInput bool) error
	end() error
	// dispose releases what a begun command holds when the pipeline
	// ends without completing it (an error, or a stop request).
	dispose()
	setNext(e emitter)
	expectsInput(bool)
}

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
	procs := make([]processor, 0, len(p.Elements))
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
			pr.setNext(func(v any) error { return next.process(v, true) })
			next.expectsInput(true)
		} else {
			pr.setNext(out)
		}
	}
	err := rt.drivePipeline(procs)
	rt.lastSuccess = err == nil && !hadError
	return err
}

// drivePipeline runs the begin, process and end phases of a pipeline. A
// command may ask the ones before it to stop (Select-Object -First has
// what it needs): they produce nothing more and do not complete, while it
// and the commands after it complete.
func (rt *Runtime) drivePipeline(procs []processor) error {
	begun := 0
	defer func() {
		for _, pr := range procs[:begun] {
			pr.dispose()
		}
		for _, pr := range procs[:begun] {
			if cp, ok := pr.(*cmdProcessor); ok {
				cp.runClean()
			}
		}
	}()
	stopped, stopAt := false, -1
	stop := func(err error) error {
		owner, ok := stopOwner(err, procs)
		if !ok {
			return err
		}
		stopped = true
		if owner > stopAt {
			stopAt = owner
		}
		return nil
	}
	for i, pr := range procs {
		err := pr.begin()
		if err == nil {
			begun = i + 1
			continue
		}
		if stop(err) != nil {
			return err
		}
		begun = i + 1
	}
	if !stopped {
		if err := procs[0].process(nil, false); err != nil {
			if err := stop(err); err != nil {
				return err
			}
		}
	}
	for i, pr := range procs {
		if i <= stopAt {
			continue
		}
		if err := pr.end(); err != nil {
			if err := stop(err); err != nil {
				return err
			}
		}
	}
	return nil
}

// exprProcessor is an expression at the head of a pipeline.
type exprProcessor struct {
	rt   *Runtime
	expr *syntax.CommandExprElement
	next emitter
}

func (p *exprProcessor) begin() error      { return nil }
func (p *exprProcessor) end() error        { return nil }
func (p *exprProcessor) dispose()          {}
func (p *exprProcessor) setNext(e emitter) { p.next = e }
func (p *exprProcessor) expectsInput(bool) {}
func (p *exprProcessor) process(any, bool) error {
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

// cmdProcessor runs a declared cmdlet or a script function.
type cmdProcessor struct {
	rt       *Runtime
	cmd      *command.Command
	fn       *scriptcmd.Function
	sb       *automation.ScriptBlock // & { } invocation
	dot      bool
	invName  string
	ext      syntax.Extent
	position *object.Position
	pipePos  int
	bound    *binder.Bound
	ctx      *command.Context
	next     emitter
	// call chooses the parameter set and binds the pipeline objects once
	// the arguments are bound (bind).
	call     binder.Call
	hasInput bool
	hadError *bool

	errAction  string
	warnAction string
	errVar     string
	errAppend  bool
	outVar     string
	// pipeVar is -PipelineVariable: each object the command writes is
	// stored there, in the scope the pipeline runs in (pipeScope).
	pipeVar   string
	pipeScope *Scope
	outAppend bool
	warnVar   string
	// sp is -WhatIf, -Confirm, -Verbose and the answers to all.
	sp hostui.ShouldProcess

	// redirs holds the command's redirections: of its output (> file,
	// > $null) and of streams 2 to 6.
	redirs redirect.Set
	// caller is the command whose code created this one (nil at the top
	// level): streams this command does not redirect go through it.
	caller     *cmdProcessor
	infoAction string
	debug      bool

	errList  *object.List
	warnList *object.List // -WarningVariable's list
	outList  *object.List

	fnRun *funcRun
	begun bool
	// early holds pipeline objects that arrive before the command's begin
	// phase ran (written by an earlier command's begin phase).
	early      []any
	ended      bool
	scriptFile string
	// topLevel marks the script exosim itself runs (exosim run): its exit
	// ends the run instead of only the script.
	topLevel bool

	// obs is the current call as invocation hooks see it (hooks.go).
	obs command.Observation
}

func (rt *Runtime) commandNotFound(name string, ext syntax.Extent) *pserror.Error {
	if rt.UnknownCommand != nil {
		if rec := rt.UnknownCommand(name); rec != nil {
			rec.InvocationName = name
			rec.Position = pserror.Position(ext)
			return &pserror.Error{Record: rec}
		}
	}
	if file, ok := automation.NativeProgram(rt.files, rt.env, name); ok {
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

func (rt *Runtime) newCommandProcessor(e *syntax.CommandExpr, pipePos int, hadError *bool) (*cmdProcessor, error) {
	if len(e.Elements) == 0 {
		return nil, pserror.Runtime(e.Ext, "An empty pipe element is not allowed.", "EmptyPipeElement", object.ParserError, "ParseException")
	}
	if err := rt.strictMethodCall(e); err != nil {
		return nil, err
	}
	pr := &cmdProcessor{rt: rt, ext: e.Ext, pipePos: pipePos, hadError: hadError, sp: hostui.ShouldProcess{Confirm: -1}, dot: e.InvocationOp == ".", caller: rt.currentCommand()}
	pr.position = pserror.Position(e.Ext)
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
			pr.sb = x
			pr.invName = ""
		case *command.Command:
			pr.cmd = x
			name = x.Name
		case *scriptcmd.Function:
			pr.fn = x
			name = x.Name
		default:
			name = rt.toStr(v)
		}
	}
	if pr.sb == nil && pr.cmd == nil && pr.fn == nil {
		pr.invName = name
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
		if err := pr.redirs.Add(r, rt.redirectTarget); err != nil {
			return nil, err
		}
	}
	if err := pr.bind(args); err != nil {
		pr.notifyBindFailure(args, err) // invocation hooks (hooks.go)
		return nil, err
	}
	return pr, nil
}

func (rt *Runtime) resolveCommand(pr *cmdProcessor, name string, ext syntax.Extent) error {
	if c := rt.hookedCommand(name); c != nil {
		pr.cmd = c
		return nil
	}
	target, _ := rt.ResolveAlias(name)
	lname := strings.ToLower(target)
	if f := rt.lookupFunction(lname); f != nil {
		pr.fn = f
		return nil
	}
	if c, ok := rt.cmds.Resolve(lname); ok && rt.IsVisible(c) {
		pr.cmd = rt.VisibleCommand(c)
		return nil
	}
	if c, ok := rt.cmds.Qualified(target, rt); ok {
		pr.cmd = c
		return nil
	}
	if strings.ContainsAny(target, `/\`) {
		if path, ok := provider.ScriptPath(rt.files, target); ok {
			data, err := provider.ReadFile(rt.files, path)
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
				pr.sb = &automation.ScriptBlock{AST: sb}
				pr.scriptFile = path
				return nil
			}
		}
	}
	if _, loop := rt.aliasOf(target); loop {
		return rt.commandNotFound(target, ext)
	}
	if target != name && (rt.UnknownCommand == nil || rt.UnknownCommand(name) == nil) {
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
func (pr *cmdProcessor) bind(args []binder.Argument) error {
	rt := pr.rt
	if pr.fn != nil && pr.fn.Module != nil {
		// a module's function declares and converts its parameters with
		// the types its module sees
		saved := rt.scope
		rt.scope = rt.entryScope(pr.fn.Module)
		defer func() { rt.scope = saved }()
	}
	cmd, simple, err := pr.commandFor()
	if err != nil {
		return err
	}
	pr.cmd = cmd
	joined := binder.Join(cmd, args, simple)
	b, err := binder.Bind(rt.binding(), cmd, pr.invName, joined, pr.ext, simple)
	if err != nil {
		return err
	}
	if !simple && pr.sb == nil {
		// $PSDefaultParameterValues: bound again with the defaults that
		// apply, after the written arguments
		table, _ := rt.scope.Get("PSDefaultParameterValues")
		defs, err := binder.Defaults(table, cmd, b, func(sb dotnet.ScriptBlock) (any, error) { return rt.CallScriptBlock(sb, nil) })
		if err != nil {
			return err
		}
		if len(defs) > 0 {
			if b, err = binder.Bind(rt.binding(), cmd, pr.invName, append(joined, defs...), pr.ext, simple); err != nil {
				return err
			}
		}
	}
	pr.bound = b
	pr.call = binder.Call{Cmd: cmd, InvName: pr.invName, Ext: pr.ext, Bound: b, PipePos: pr.pipePos, Plans: &rt.plans, Simple: simple}
	if err := pr.applyCommon(); err != nil {
		return err
	}
	return nil
}

func (pr *cmdProcessor) commandFor() (*command.Command, bool, error) {
	switch {
	case pr.cmd != nil:
		if pr.invName == "" {
			pr.invName = pr.cmd.Name
		}
		return pr.cmd, pr.cmd.AcceptsAnyArguments, nil
	case pr.fn != nil:
		c, simple, err := pr.rt.scripts.Command(pr.rt.binding(), pr.fn.Name, pr.fn.Body.AST, pr.fn.Params)
		if err != nil {
			return nil, false, err
		}
		if pr.invName == "" {
			pr.invName = pr.fn.Name
		}
		return c, simple, nil
	case pr.sb != nil:
		name := ""
		if pr.scriptFile != "" {
			name = scriptName(pr.scriptFile)
		}
		c, simple, err := pr.rt.scripts.Command(pr.rt.binding(), name, pr.sb.AST, pr.sb.Params)
		return c, simple, err
	}
	return nil, false, fmt.Errorf("no command")
}

func (pr *cmdProcessor) applyCommon() error {
	rt := pr.rt
	c := pr.bound.Common
	if v, ok := c["erroraction"]; ok {
		pr.errAction = v.(string)
	}
	if v, ok := c["warningaction"]; ok {
		pr.warnAction = v.(string)
	}
	if v, ok := c["errorvariable"]; ok {
		name := v.(string)
		if strings.HasPrefix(name, "+") {
			pr.errAppend = true
			name = name[1:]
		}
		pr.errVar = name
	}
	if v, ok := c["outvariable"]; ok {
		name := v.(string)
		if strings.HasPrefix(name, "+") {
			pr.outAppend = true
			name = name[1:]
		}
		pr.outVar = name
	}
	if v, ok := c["pipelinevariable"]; ok {
		pr.pipeVar, pr.pipeScope = v.(string), rt.scope
	}
	warnAppend := false
	if v, ok := c["warningvariable"]; ok {
		name := v.(string)
		warnAppend = strings.HasPrefix(name, "+")
		pr.warnVar = strings.TrimPrefix(name, "+")
	}
	if v, ok := c["whatif"]; ok {
		pr.sp.WhatIf = v.(bool)
	} else if wp, ok := rt.scope.Get("WhatIfPreference"); ok && object.ToBool(wp) {
		pr.sp.WhatIf = true
	}
	if v, ok := c["confirm"]; ok {
		if v.(bool) {
			pr.sp.Confirm = 1
		} else {
			pr.sp.Confirm = 0
		}
	}
	if v, ok := c["verbose"]; ok {
		pr.sp.Verbose = v.(bool)
	}
	if v, ok := c["debug"]; ok {
		pr.debug, _ = v.(bool)
	}
	if v, ok := c["informationaction"]; ok {
		pr.infoAction = params.NormalizeAction(v)
	}
	if pr.errVar != "" {
		pr.errList = rt.variableList(pr.errVar, pr.errAppend)
		rt.scope.SetQualified(pr.errVar, pr.errList)
	}
	if pr.outVar != "" {
		pr.outList = rt.variableList(pr.outVar, pr.outAppend)
	}
	if pr.warnVar != "" {
		pr.warnList = rt.variableList(pr.warnVar, warnAppend)
		rt.scope.SetQualified(pr.warnVar, pr.warnList)
	}
	return nil
}

// variableList is the list an -OutVariable or -ErrorVariable collects
// into: a new one, or with a leading + the variable's list, or a new list
// holding what the variable held (each item of an array, else the value).
func (rt *Runtime) variableList(name string, appendTo bool) *object.List {
	l := &object.List{}
	if !appendTo {
		return l
	}
	cur, ok := rt.scope.Get(name)
	if !ok || cur == nil {
		return l
	}
	if existing, ok := cur.(*object.List); ok {
		return existing
	}
	if _, isHash := cur.(*object.Hashtable); isHash {
		l.Append(cur)
		return l
	}
	if items, ok := object.Enumerate(cur); ok {
		for _, it := range items {
			l.Append(it)
		}
		return l
	}
	l.Append(cur)
	return l
}

func (pr *cmdProcessor) setNext(e emitter) {
	pr.next = e
	if pr.redirs.Out != nil {
		pr.next = pr.redirs.Out.Emit
	}
}

func (pr *cmdProcessor) expectsInput(b bool) { pr.hasInput = b }

func (pr *cmdProcessor) emit(v any) error {
	if err := pr.rt.checkGrowth(); err != nil {
		return err
	}
	if pr.outList != nil {
		pr.outList.Append(v)
	}
	if pr.pipeVar != "" {
		pr.pipeScope.Set(pr.pipeVar, v)
	}
	if pr.next == nil {
		return nil
	}
	return pr.next(v)
}

func (pr *cmdProcessor) begin() error {
	defer pr.pushRunning()()
	rt := pr.rt
	if rt.depth >= MaxCallDepth {
		return pserror.CallDepthOverflow(pr.position)
	}
	if pr.outVar != "" {
		rt.scope.SetQualified(pr.outVar, pr.outList)
	}
	if err := pr.call.CheckInput(pr.hasInput); err != nil {
		return err
	}
	if pr.cmd.Handler.Process == nil && pr.cmd.Handler.Begin == nil && pr.cmd.Handler.End == nil {
		if err := pr.beginScript(); err != nil {
			return err
		}
		pr.begun = true
		return pr.processEarly()
	}
	pr.ctx = command.NewContext(rt, pr.cmd, pr.invName, pr)
	pr.ctx.Bindings = map[string]any{}
	for k, v := range pr.bound.Values {
		pr.ctx.Bindings[k] = v
	}
	if !pr.hasInput {
		if err := pr.resolveSet(); err != nil {
			pr.endUnbound(err) // invocation hooks (hooks.go)
			return err
		}
	} else {
		pr.ctx.ParameterSet = pr.call.Pick(pr.ctx.Bindings)
	}
	pr.begun = true
	if pr.cmd.Handler.Begin != nil {
		if err := pr.wrap(pr.cmd.Handler.Begin(pr.ctx)); err != nil {
			return err
		}
	}
	return pr.processEarly()
}

// processEarly processes the objects a command before this one wrote in
// its begin phase: they come after this command's own begin, as PowerShell
// queues them.
func (pr *cmdProcessor) processEarly() error {
	early := pr.early
	pr.early = nil
	for _, v := range early {
		if err := pr.process(v, true); err != nil {
			return err
		}
	}
	return nil
}

// resolveSet selects the parameter set and asks for the mandatory
// parameters missing from it (binder.Call.Resolve).
func (pr *cmdProcessor) resolveSet() error {
	set, err := pr.call.Resolve(pr.rt.binding(), console{pr.rt}, pr.ctx.Bindings)
	if err != nil {
		return err
	}
	pr.ctx.ParameterSet = set
	return nil
}

// console is the session's host as binder.Prompt asks on it.
type console struct{ rt *Runtime }

func (c console) Interactive() bool { return c.rt.IO.Interactive() }

func (c console) ReadLine(prompt string, secret bool) (string, error) {
	return c.rt.IO.ReadLine(prompt, secret)
}

func (c console) HostLine(line string) { c.rt.display.HostLine(line) }

func (pr *cmdProcessor) process(v any, hasInput bool) error {
	if err := pr.rt.checkGrowth(); err != nil {
		return err
	}
	if !pr.begun && hasInput {
		pr.early = append(pr.early, v)
		return nil
	}
	defer pr.pushRunning()()
	if pr.fnRun != nil {
		return pr.processScript(v, hasInput)
	}
	if pr.cmd.Handler.Process == nil {
		return nil
	}
	ctx := pr.ctx
	if hasInput {
		// rebind pipeline parameters for this object (in the same map:
		// nothing keeps it from one object to the next; Bound copies it).
		var err error
		if ctx.Bindings, err = pr.call.BindInput(pr.rt.binding(), ctx.Bindings, v); err != nil {
			pr.endUnbound(err) // invocation hooks (hooks.go)
			if pe, ok := err.(*pserror.Error); ok {
				// a pipeline binding failure is a non-terminating error
				if werr := pr.writeError(pe.Record); werr != nil {
					return werr
				}
				return nil
			}
			return err
		}
		// the object's set; a mandatory parameter it left unbound is
		// not asked for
		set, err := pr.call.ResolveObject(ctx.Bindings)
		if err != nil {
			pr.endUnbound(err) // invocation hooks (hooks.go)
			if pe, ok := err.(*pserror.Error); ok {
				return pr.writeError(pe.Record)
			}
			return err
		}
		ctx.ParameterSet = set
	}
	ctx.Input, ctx.HasInput = v, hasInput
	pr.beginObserved() // invocation hooks (hooks.go)
	pr.rt.depth++
	err := pr.cmd.Handler.Process(ctx)
	pr.rt.depth--
	err = pr.wrap(err)
	pr.endObserved(err) // invocation hooks (hooks.go)
	return err
}

func (pr *cmdProcessor) end() error {
	pr.ended = true
	defer pr.pushRunning()()
	defer pr.redirs.Close()
	if pr.fnRun != nil {
		return pr.endScript()
	}
	if !pr.begun {
		return nil
	}
	if pr.cmd.Handler.End != nil {
		return pr.wrap(pr.cmd.Handler.End(pr.ctx))
	}
	return nil
}

// dispose releases a begun command the pipeline did not complete: a
// script function gives back its call depth, a redirected output file gets
// what was written so far.
func (pr *cmdProcessor) dispose() {
	if pr.ended {
		return
	}
	pr.ended = true
	if pr.fnRun != nil {
		pr.rt.depth--
	}
	pr.redirs.Close()
}

// wrap turns a handler's error into the right kind of terminating error.
func (pr *cmdProcessor) wrap(err error) error {
	if err == nil {
		return nil
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		// An error that already has a place in the script (a failed method
		// call in a ForEach-Object block) keeps its own label and place;
		// only the command's own errors are named after it.
		if pe.Record.Position == nil {
			if pe.Record.Activity == "" {
				pe.Record.Activity = pr.cmd.Name
			}
			pe.Record.Position = pr.position
		}
		*pr.hadError = true
		return pe
	}
	var stop *stopUpstream
	if errors.As(err, &stop) {
		if stop.from == nil {
			// the command's own request
			return &stopUpstream{from: pr}
		}
		return err
	}
	switch err.(type) {
	case *flow.Break, *flow.Continue, *returnSignal, *ExitSignal, *stopSignal:
		return err
	}
	*pr.hadError = true
	suffix := ""
	if pr.fnRun == nil {
		suffix = cmp.Or(pr.cmd.FullTypeName, pr.cmd.Name)
	}
	return pserror.Unhandled(err, pr.cmd.Name, suffix, pr.position)
}

// writeError handles a non-terminating error according to -ErrorAction.
func (pr *cmdProcessor) writeError(rec *object.ErrorRecord) error {
	return pr.writeErrorFrom(pr, rec)
}

// writeErrorFrom handles an error that origin wrote on pr's behalf (Write-Error
// inside a function): pr's -ErrorAction and -ErrorVariable apply, but the
// record travels through origin's redirections first. Only origin counts as
// having failed: as in PowerShell, $? after a function whose Write-Error
// wrote an error is still true.
func (pr *cmdProcessor) writeErrorFrom(origin *cmdProcessor, rec *object.ErrorRecord) error {
	*origin.hadError = true
	if rec.Position == nil {
		rec.Position = pr.position
	}
	pr.rt.stampStack(rec, origin.position)
	if rec.Activity == "" {
		rec.Activity = pr.cmd.Name
	}
	pr.obs.Wrote(rec) // invocation hooks (hooks.go)
	return redirect.WriteError(streamHost{pr.rt}, pr, origin, pr.errAction, rec)
}

func (pr *cmdProcessor) writeWarning(msg string) error {
	return redirect.WriteWarning(streamHost{pr.rt}, pr, pr.warnAction, msg)
}

func (pr *cmdProcessor) writeVerbose(msg string) error {
	return redirect.WriteVerbose(streamHost{pr.rt}, pr, pr.sp.Verbose, msg)
}

func (pr *cmdProcessor) writeDebug(msg string) error {
	return redirect.WriteDebug(streamHost{pr.rt}, pr, pr.debug, msg)
}

func (pr *cmdProcessor) writeInformation(rec *object.InformationRecord) error {
	return redirect.WriteInformation(streamHost{pr.rt}, pr, pr.infoAction, rec)
}

// shouldProcess implements -WhatIf and -Confirm.
func (pr *cmdProcessor) shouldProcess(target, action, description string) (bool, error) {
	return pr.shouldProcessImpact(target, action, description, 0)
}

// confirmImpact is the impact of an operation whose call gives callImpact
// (0: the command's).
func (pr *cmdProcessor) confirmImpact(callImpact command.Impact) command.Impact {
	if callImpact != 0 {
		return callImpact
	}
	return pr.cmd.ConfirmImpact
}

// proceedsSilently reports whether shouldProcess would return true
// without writing or asking anything.
func (pr *cmdProcessor) proceedsSilently() bool {
	return pr.sp.Silent(pr.rt.preference("ConfirmPreference"), pr.cmd.ConfirmImpact)
}

// shouldProcessImpact is shouldProcess with the call's own ConfirmImpact
// (0: the command's); hostui.ShouldProcess decides.
func (pr *cmdProcessor) shouldProcessImpact(target, action, description string, callImpact command.Impact) (bool, error) {
	rt := pr.rt
	q := hostui.Question{Target: target, Action: action, Description: description, Command: pr.cmd.Name,
		Impact: pr.confirmImpact(callImpact), Remote: pr.cmd.Remote, Position: pr.position}
	ok, err := pr.sp.Ask(hostSession{rt}, rt.preference("ConfirmPreference"), q, rt.resumeAfterPrompt)
	if !ok && err == nil {
		pr.obs.Decline()
	}
	return ok, err
}

// ---------------------------------------------------------------------------
// $Error

// recordError adds a record to $Error.
func (rt *Runtime) recordError(rec *object.ErrorRecord) {
	rt.stampStack(rec, nil)
	if v := rt.global.Lookup("Error"); v != nil {
		v.Value = pserror.Remember(v.Value, rec)
	}
}
