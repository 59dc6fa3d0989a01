package runtime

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
)

// funcRun is the state of one running script function, script block or
// script file.
type funcRun struct {
	ast    *syntax.ScriptBlock
	scope  *Scope
	saved  *Scope
	input  []any
	params []*syntax.Parameter
	cmd    *command.Command
	isDot  bool
	// exited is set once an exit statement ended this script file: its
	// remaining blocks do not run.
	exited bool
	// bound is $PSBoundParameters; info is $MyInvocation.
	bound *object.Hashtable
	info  *object.PSObject
	// defaults are the default values the parameters not bound by
	// argument took when the run began, by binding key: a parameter a
	// pipeline object bound takes its default again before the next.
	defaults map[string]any
	// restore puts back the caller's automatic variables after a
	// dot-sourced run (nil otherwise).
	restore func()
	// ran is set once a begin, process or end block started: only then
	// does the clean block run; cleaned once it has.
	ran, cleaned bool
}

// beginScript starts a script function, script block or script file
// invocation: its scope, its parameter variables and its begin block.
func (pr *cmdProcessor) beginScript() error {
	rt := pr.rt
	var ast *syntax.ScriptBlock
	var params []*syntax.Parameter
	switch {
	case pr.fn != nil:
		ast = pr.fn.Body.AST
		params = pr.fn.Params
	case pr.sb != nil:
		ast = pr.sb.AST
	}
	if ast.Param != nil {
		params = ast.Param.Params
	}
	run := &funcRun{ast: ast, params: params, cmd: pr.cmd, isDot: pr.dot}
	pr.fnRun = run
	pr.ctx = command.NewContext(rt, pr.cmd, pr.invName, pr)
	pr.ctx.Bindings = map[string]any{}
	for k, v := range pr.bound.Values {
		pr.ctx.Bindings[k] = v
	}
	if !pr.hasInput {
		if err := pr.resolveSet(); err != nil {
			return err
		}
	} else {
		pr.ctx.ParameterSet = pr.call.Pick(pr.ctx.Bindings)
	}
	run.saved = rt.scope
	switch {
	case pr.dot:
		run.scope = rt.scope
	case pr.isScript():
		run.scope = scope.NewScript(rt.scope)
	case pr.fn != nil:
		run.scope = scope.New(rt.entryScope(pr.fn.Module))
	default:
		run.scope = scope.New(rt.scope)
	}
	rt.scope = run.scope
	rt.depth++
	defer func() { rt.scope = run.saved }()
	if err := rt.hoistTypes(ast); err != nil {
		rt.depth--
		return err
	}
	if err := pr.setParamVars(); err != nil {
		rt.depth--
		return err
	}
	if ast.Begin != nil {
		if err := pr.runBlock(ast.Begin); err != nil {
			pr.runClean()
			rt.depth--
			return err
		}
	}
	return nil
}

// isScript reports whether the processor runs a script file (or the
// top-level script read from standard input).
func (pr *cmdProcessor) isScript() bool { return pr.scriptFile != "" || pr.topLevel }

// scriptName is the command name of a script file: its file name.
func scriptName(path string) string {
	return path[strings.LastIndexAny(path, `/\`)+1:]
}

// setParamVars defines the parameter variables, $PSBoundParameters,
// $args, $MyInvocation, $PSCmdlet and the script path variables in the
// function's scope. Bound parameters are set first, then the defaults of
// the others are evaluated in declaration order (so a default may use
// any bound parameter and any earlier one).
func (pr *cmdProcessor) setParamVars() error {
	run := pr.fnRun
	bp := object.NewHashtable()
	bp.Ordered = true
	run.bound = bp
	// $PSBoundParameters lists parameters in the order they were bound:
	// named ones, then positional ones, then any a prompt supplied.
	keys := append([]string{}, pr.bound.Order...)
	for _, p := range pr.cmd.Params {
		k := strings.ToLower(p.Name)
		if _, ok := pr.ctx.Bindings[k]; ok && !containsKey(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if cv, ok := pr.bound.Common[k]; ok {
			bp.Set(invocation.BoundCommon(k, cv))
			continue
		}
		v, ok := pr.ctx.Bindings[k]
		p := pr.cmd.Param(k)
		if !ok || p == nil {
			continue
		}
		if p.IsSwitch() {
			v = automation.Switch(object.ToBool(v))
		}
		pr.setParamVar(p, v)
		bp.Set(p.Name, v)
	}
	if pr.dot {
		// A dot-sourced script or block shares its caller's scope; its
		// automatic variables are put back when it ends.
		run.restore = run.scope.Save("args", "PSCommandPath", "PSScriptRoot", "MyInvocation", "PSBoundParameters", "PSCmdlet")
	}
	extra := pr.bound.Extra
	if extra == nil {
		extra = []any{}
	}
	run.scope.Set("args", extra)
	// $PSScriptRoot and $PSCommandPath name the file the code was written
	// in: a function from a dot-sourced library sees the library's folder.
	file := pr.scriptFile
	if file == "" && run.ast.Ext.Src != nil {
		file = run.ast.Ext.Src.Path
	}
	if file != "" {
		run.scope.Set("PSCommandPath", file)
		run.scope.Set("PSScriptRoot", prelude.ScriptDir(file))
	}
	pr.commonPreferences(run.scope)
	run.info = pr.invocationInfo()
	run.scope.Set("MyInvocation", run.info)
	run.scope.Set("PSBoundParameters", bp)
	run.scope.Set("PSCmdlet", invocation.NewPSCmdlet(cmdletSession{pr}))
	for _, p := range pr.cmd.Params {
		if _, ok := pr.ctx.Bindings[strings.ToLower(p.Name)]; ok {
			continue
		}
		v, err := scriptcmd.Default(pr.rt.binding(), p)
		if err != nil {
			return err
		}
		pr.setParamVar(p, v)
		if run.defaults == nil {
			run.defaults = map[string]any{}
		}
		run.defaults[strings.ToLower(p.Name)] = v
	}
	return nil
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// setParamVar defines a parameter's variable, keeping its type constraint
// and validation attributes so later assignments convert and are checked
// as PowerShell's are.
func (pr *cmdProcessor) setParamVar(p *params.Param, v any) {
	sp := params.ScriptOf(p)
	if sp != nil && sp.TypeName != "" {
		pr.fnRun.scope.SetTyped(p.Name, v, sp.TypeName)
	} else {
		pr.fnRun.scope.Set(p.Name, v)
	}
	if sp == nil {
		return
	}
	pv := pr.fnRun.scope.Lookup(p.Name)
	if pv == nil {
		return
	}
	in := pr.rt.binding()
	// the variable lists the parameter's attributes and keeps its
	// validation attributes
	pv.Attributes = sp.AttributeObjects(in)
	if sp.Validates() {
		pv.Valid = func(x any) bool { return sp.Passes(in, x) }
	}
}

// runBlock runs one of the begin/process/end blocks. A return ends the
// block; an exit ends a script file (not the functions it calls, and not
// the script that exosim itself runs, whose exit ends the run).
func (pr *cmdProcessor) runBlock(b *syntax.StatementBlock) error {
	rt := pr.rt
	if pr.fnRun != nil {
		pr.fnRun.ran = true
	}
	rt.fnStack = append(rt.fnStack, callFrame{pr: pr, at: pr.position})
	err := rt.execBlock(b, pr.emit)
	if pe := (*pserror.Error)(nil); err != nil && errors.As(err, &pe) {
		rt.stampStack(pe.Record, nil) // the stack the error leaves the frame from
	}
	rt.fnStack = rt.fnStack[:len(rt.fnStack)-1]
	var ret *returnSignal
	if errors.As(err, &ret) {
		return nil
	}
	var ex *ExitSignal
	if pr.scriptFile != "" && !pr.topLevel && errors.As(err, &ex) {
		pr.fnRun.exited = true
		if ex.Code != 0 {
			*pr.hadError = true
		}
		return nil
	}
	return err
}

func (pr *cmdProcessor) processScript(v any, hasInput bool) error {
	rt := pr.rt
	run := pr.fnRun
	if run.exited {
		return nil
	}
	saved := rt.scope
	rt.scope = run.scope
	defer func() { rt.scope = saved }()
	if hasInput {
		// rebind pipeline parameters
		pr.ctx.Bindings = map[string]any{}
		for k, val := range pr.bound.Values {
			pr.ctx.Bindings[k] = val
		}
		if err := pr.bindScriptPipeline(v); err != nil {
			if pe, ok := err.(*pserror.Error); ok {
				// a pipeline binding failure is a non-terminating error:
				// the object is not processed
				return pr.writeError(pe.Record)
			}
			return err
		}
		// the parameters the object bound choose the set
		if pr.call.Simple {
			pr.ctx.ParameterSet = pr.call.Pick(pr.ctx.Bindings)
		} else {
			set, err := pr.call.ResolveObject(pr.ctx.Bindings)
			if err != nil {
				if pe, ok := err.(*pserror.Error); ok {
					return pr.writeError(pe.Record)
				}
				return err
			}
			pr.ctx.ParameterSet = set
		}
	}
	if run.ast.Process == nil {
		if run.ast.Unnamed && run.ast.End != nil && pr.fn != nil && pr.fn.IsFilter {
			run.scope.Set("_", v)
			run.scope.Set("input", []any{v})
			return pr.runBlock(run.ast.End)
		}
		if hasInput {
			run.input = append(run.input, v)
		}
		return nil
	}
	if hasInput {
		run.scope.Set("_", v)
		run.scope.Set("input", []any{v})
	} else {
		// $input of a block run once (ScriptStep.RunOnce): the objects
		// given to it, otherwise none
		in := run.input
		if in == nil {
			in = []any{}
		}
		run.scope.Set("input", in)
	}
	return pr.runBlock(run.ast.Process)
}

// bindScriptPipeline binds one pipeline object to the parameters that take
// pipeline input (binder.Call.BindScript), and updates the parameter
// variables and $PSBoundParameters: the parameters the previous object
// bound are first put back to their default values.
func (pr *cmdProcessor) bindScriptPipeline(v any) error {
	run := pr.fnRun
	// what the previous object bound takes its default value again
	for _, p := range pr.call.Piped() {
		pr.setParamVar(p, run.defaults[strings.ToLower(p.Name)])
		run.bound.Delete(p.Name)
	}
	return pr.call.BindScript(pr.rt.binding(), pr.ctx.Bindings, v, func(p *params.Param, cv any) {
		pr.setParamVar(p, cv)
		run.bound.Set(p.Name, cv)
	})
}

func (pr *cmdProcessor) endScript() error {
	rt := pr.rt
	run := pr.fnRun
	rt.scope = run.scope
	defer func() {
		rt.scope = run.saved
		rt.depth--
		if run.restore != nil {
			run.restore()
		}
	}()
	if !run.exited && run.ast.End != nil && !(pr.fn != nil && pr.fn.IsFilter && run.ast.Unnamed) {
		in := run.input
		if in == nil {
			in = []any{}
		}
		run.scope.Set("input", in)
		if err := pr.runBlock(run.ast.End); err != nil {
			return err
		}
	}
	if pr.redirs.Out != nil {
		pr.redirs.Out.Close()
	}
	return nil
}

// runClean runs the clean block of a script function, script block or
// script file once, provided one of its other blocks ran: when its
// pipeline ends (the commands' clean blocks in pipeline order), however
// it ended — done, failed or stopped early — or at once when its begin
// block fails. What it writes to the success stream is
// discarded; its other streams flow as usual. An error that would end it
// (throw, -ErrorAction Stop, exit) only ends the clean block: it is
// written to the error stream and fails $?, but is not passed up.
func (pr *cmdProcessor) runClean() {
	run := pr.fnRun
	if run == nil || run.cleaned || run.ast.Clean == nil || !run.ran {
		return
	}
	run.cleaned = true
	rt := pr.rt
	defer pr.pushRunning()()
	saved := rt.scope
	rt.scope = run.scope
	defer func() { rt.scope = saved }()
	rt.fnStack = append(rt.fnStack, callFrame{pr: pr, at: pr.position})
	err := rt.execBlock(run.ast.Clean, discard)
	rt.fnStack = rt.fnStack[:len(rt.fnStack)-1]
	var pe *pserror.Error
	if !errors.As(err, &pe) {
		return // return, exit and break leave the clean block quietly
	}
	*pr.hadError = true
	rec := pe.Record
	rt.recordError(rec)
	if handled, _ := redirect.Deliver(pr, redirect.Error, rec); !handled {
		rt.display.ShowError(rec)
	}
}

// InvokeWithArguments runs a script block as & $sb args would: in a new
// scope, its param() block bound to the arguments (positionally), its
// output written to out.
func (rt *Runtime) InvokeWithArguments(sb *automation.ScriptBlock, args []any, out func(any) error) error {
	s, err := rt.StepScriptBlock(sb, args, false, out)
	if err == nil {
		err = s.RunOnce(nil)
	}
	if errors.Is(err, &stopUpstream{}) {
		return nil
	}
	return err
}

// ScriptStep is a script block run a step at a time, as a steppable
// pipeline runs it: StepScriptBlock binds its arguments and runs its
// begin block, Process hands it one pipeline object ($_ in its process
// block, $input in its end block), End runs its end block. Invoke-Command
// on the local session runs its script block so, fed by its own pipeline
// input.
type ScriptStep struct {
	pr       *cmdProcessor
	hadError bool
	closed   bool
}

// StepScriptBlock starts sb as `... | & $sb @args` would (`. $sb` when dot
// is set: in the caller's scope): args bind to its param() block by
// position, its begin block runs, its output goes to out.
func (rt *Runtime) StepScriptBlock(sb *automation.ScriptBlock, args []any, dot bool, out func(any) error) (*ScriptStep, error) {
	s := &ScriptStep{}
	s.pr = &cmdProcessor{rt: rt, hadError: &s.hadError, sp: hostui.ShouldProcess{Confirm: -1}, sb: sb, dot: dot}
	list := make([]binder.Argument, len(args))
	for i, a := range args {
		list[i] = binder.Argument{Value: a}
	}
	if err := s.pr.bind(list); err != nil {
		return nil, err
	}
	if out == nil {
		out = discard
	}
	s.pr.setNext(out)
	s.pr.expectsInput(true)
	if err := s.pr.begin(); err != nil {
		// a block whose begin failed has ended (its clean block ran)
		s.closed = true
		return nil, err
	}
	return s, nil
}

// Process hands the block one pipeline object.
func (s *ScriptStep) Process(v any) error {
	err := s.pr.process(v, true)
	if err != nil {
		s.close()
	}
	return err
}

// RunOnce runs the block's one clause once, as ScriptBlock.Invoke runs a
// block: its process block if it has one, else its end block, with
// $input holding input and $_ unset; then it ends the step. (A block of
// more than one clause cannot run so: the caller refuses it first.)
func (s *ScriptStep) RunOnce(input []any) error {
	defer s.close()
	run := s.pr.fnRun
	if input == nil {
		input = []any{}
	}
	run.input = input
	if run.ast.Process != nil {
		if err := s.pr.process(nil, false); err != nil {
			return err
		}
	}
	return s.pr.end()
}

// End runs the block's end block (its clean block after it) and ends the
// step.
func (s *ScriptStep) End() error {
	if s.closed {
		return nil
	}
	defer s.close()
	return s.pr.end()
}

// close ends the block once: its clean block runs if any other did.
func (s *ScriptStep) close() {
	if s.closed {
		return
	}
	s.closed = true
	s.pr.dispose()
	s.pr.runClean()
}

// invokeScriptBlock runs a script block in the current scope with $_ set,
// as ForEach-Object, Where-Object and calculated properties do.
func (rt *Runtime) invokeScriptBlock(sb *automation.ScriptBlock, dollarUnder any, args []any, out emitter) error {
	// $_ and $args are the caller's again afterwards
	saved := []string{"_"}
	if args != nil {
		saved = append(saved, "args")
	}
	defer rt.scope.Save(saved...)()
	// the block is a frame of the call stack, called where the command
	// running it stands
	var at *object.Position
	if p := rt.currentCommand(); p != nil {
		at = p.position
	}
	rt.fnStack = append(rt.fnStack, callFrame{at: at})
	defer func(n int) { rt.fnStack = rt.fnStack[:n] }(len(rt.fnStack) - 1)
	rt.scope.Set("_", dollarUnder)
	if args != nil {
		rt.scope.Set("args", args)
	}
	ast := sb.AST
	err := rt.hoistTypes(ast)
	if err == nil && ast.Begin != nil {
		err = rt.execBlock(ast.Begin, out)
	}
	if err == nil && ast.Process != nil {
		err = rt.execBlock(ast.Process, out)
	}
	if err == nil && ast.End != nil {
		err = rt.execBlock(ast.End, out)
	}
	var ret *returnSignal
	if errors.As(err, &ret) {
		return nil
	}
	if pe := (*pserror.Error)(nil); err != nil && errors.As(err, &pe) {
		rt.stampStack(pe.Record, nil) // the stack the error leaves the frame from
	}
	return err
}

// invokeScriptBlockValue runs a script block and returns its collected output.
func (rt *Runtime) invokeScriptBlockValue(sb *automation.ScriptBlock, dollarUnder any, args []any) (any, error) {
	var items []any
	err := rt.invokeScriptBlock(sb, dollarUnder, args, func(v any) error {
		items = append(items, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return collapse(items), nil
}

// InvokeScriptBlock runs a script block value with $_ bound (for cmdlets
// such as Where-Object and ForEach-Object) and writes its output to out.
func (rt *Runtime) InvokeScriptBlock(sb *automation.ScriptBlock, dollarUnder any, out func(any) error) error {
	if out == nil {
		out = discard
	}
	return rt.invokeScriptBlock(sb, dollarUnder, nil, out)
}

// EvalScriptBlock runs a script block with $_ bound and returns its value.
func (rt *Runtime) EvalScriptBlock(sb *automation.ScriptBlock, dollarUnder any) (any, error) {
	return rt.invokeScriptBlockValue(sb, dollarUnder, nil)
}
