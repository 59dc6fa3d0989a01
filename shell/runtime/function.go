package runtime

import (
	"errors"
	"github.com/exosim/exosim/shell/modmember"
	"strings"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
)

// funcRun is the state of one running script function, script block or
// script file: the processor's Script (cmdproc.Script).
type funcRun struct {
	rt     *Runtime
	pr     *cmdproc.Processor
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

// runOf is the script run of pr (nil for a cmdlet, or before it began).
func runOf(pr *cmdproc.Processor) *funcRun {
	run, _ := pr.Script.(*funcRun)
	return run
}

// beginScript starts a script function, script block or script file
// invocation: its scope, its parameter variables and its begin block.
func (rt *Runtime) beginScript(pr *cmdproc.Processor) error {
	var ast *syntax.ScriptBlock
	var params []*syntax.Parameter
	switch {
	case pr.Fn != nil:
		ast = pr.Fn.Body.AST
		params = pr.Fn.Params
	case pr.SB != nil:
		ast = pr.SB.AST
	}
	if ast.Param != nil {
		params = ast.Param.Params
	}
	run := &funcRun{rt: rt, pr: pr, ast: ast, params: params, cmd: pr.Cmd, isDot: pr.Dot}
	pr.Script = run
	if err := pr.Open(); err != nil {
		return err
	}
	run.saved = rt.scope
	switch {
	case pr.Dot && pr.SB != nil:
		// a block written in a module is dot-sourced into the module's
		// scope when called from outside it
		run.scope = rt.entryScope(blockModule(pr.SB))
	case pr.Dot:
		run.scope = rt.scope
	case pr.IsScript():
		run.scope = scope.NewScript(rt.scope)
	case pr.Fn != nil:
		run.scope = scope.New(rt.entryScope(pr.Fn.Module))
	default:
		run.scope = scope.New(rt.entryScope(blockModule(pr.SB)))
	}
	rt.scope = run.scope
	rt.depth++
	defer func() { rt.scope = run.saved }()
	if err := rt.hoistTypes(ast); err != nil {
		rt.depth--
		return err
	}
	if err := run.setParamVars(); err != nil {
		rt.depth--
		return err
	}
	if ast.Begin != nil {
		if err := run.runBlock(ast.Begin); err != nil {
			run.Clean()
			rt.depth--
			return err
		}
	}
	return nil
}

// scriptName is the command name of a script file: its file name.
func scriptName(path string) string {
	return path[strings.LastIndexAny(path, `/\`)+1:]
}

// setParamVars defines the parameter variables, $PSBoundParameters,
// $args, $MyInvocation, $PSCmdlet and the script path variables in the
// function's scope. Bound parameters are set first, then the defaults of
// the others are evaluated in declaration order (so a default may use
// any bound parameter and any earlier one).
func (run *funcRun) setParamVars() error {
	pr := run.pr
	bp := object.NewHashtable()
	bp.Ordered = true
	run.bound = bp
	// $PSBoundParameters lists parameters in the order they were bound:
	// named ones, then positional ones, then any a prompt supplied.
	keys := append([]string{}, pr.Bound.Order...)
	for _, p := range pr.Cmd.Params {
		k := strings.ToLower(p.Name)
		if _, ok := pr.Ctx.Bindings[k]; ok && !containsKey(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if cv, ok := pr.Bound.Common[k]; ok {
			bp.Set(invocation.BoundCommon(k, cv))
			continue
		}
		v, ok := pr.Ctx.Bindings[k]
		p := pr.Cmd.Param(k)
		if !ok || p == nil {
			continue
		}
		if p.IsSwitch() {
			v = automation.Switch(object.ToBool(v))
		}
		run.setParamVar(p, v)
		bp.Set(p.Name, v)
	}
	if pr.Dot {
		// A dot-sourced script or block shares its caller's scope; its
		// automatic variables are put back when it ends.
		run.restore = run.scope.Save("args", "PSCommandPath", "PSScriptRoot", "MyInvocation", "PSBoundParameters", "PSCmdlet")
	}
	extra := pr.Bound.Extra
	if extra == nil {
		extra = []any{}
	}
	run.scope.Set("args", extra)
	// $PSScriptRoot and $PSCommandPath name the file the code was written
	// in: a function from a dot-sourced library sees the library's folder.
	file := pr.ScriptFile
	if file == "" && run.ast.Ext.Src != nil {
		file = run.ast.Ext.Src.Path
	}
	if file != "" {
		run.scope.Set("PSCommandPath", file)
		run.scope.Set("PSScriptRoot", prelude.ScriptDir(file))
	}
	// an advanced function's or script's common parameters are
	// preference variables in its scope
	invocation.Preferences(pr.Bound.Common, run.scope.Set)
	run.info = run.rt.invocationInfo(pr)
	run.scope.Set("MyInvocation", run.info)
	run.scope.Set("PSBoundParameters", bp)
	run.scope.Set("PSCmdlet", invocation.NewPSCmdlet(cmdletSession{run.rt, pr}))
	for _, p := range pr.Cmd.Params {
		if _, ok := pr.Ctx.Bindings[strings.ToLower(p.Name)]; ok {
			continue
		}
		v, err := scriptcmd.Default(run.rt.binding(), p)
		if err != nil {
			return err
		}
		run.setParamVar(p, v)
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
func (run *funcRun) setParamVar(p *params.Param, v any) {
	sp := params.ScriptOf(p)
	if sp != nil && sp.TypeName != "" {
		run.scope.SetTyped(p.Name, v, sp.TypeName)
	} else {
		run.scope.Set(p.Name, v)
	}
	if sp == nil {
		return
	}
	pv := run.scope.Lookup(p.Name)
	if pv == nil {
		return
	}
	in := run.rt.binding()
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
func (run *funcRun) runBlock(b *syntax.StatementBlock) error {
	rt, pr := run.rt, run.pr
	run.ran = true
	rt.fnStack = append(rt.fnStack, callFrame{pr: pr, at: pr.Pos})
	err := rt.execBlock(b, pr.Emit)
	if pe := (*pserror.Error)(nil); err != nil && errors.As(err, &pe) {
		rt.stampStack(pe.Record, nil) // the stack the error leaves the frame from
	}
	rt.fnStack = rt.fnStack[:len(rt.fnStack)-1]
	var ret *returnSignal
	if errors.As(err, &ret) {
		return nil
	}
	var ex *ExitSignal
	if pr.ScriptFile != "" && !pr.TopLevel && errors.As(err, &ex) {
		run.exited = true
		if ex.Code != 0 {
			*pr.HadError = true
		}
		return nil
	}
	return err
}

// Process runs the process block for one pipeline object (or once,
// without input).
func (run *funcRun) Process(v any, hasInput bool) error {
	rt, pr := run.rt, run.pr
	if run.exited {
		return nil
	}
	saved := rt.scope
	rt.scope = run.scope
	defer func() { rt.scope = saved }()
	if hasInput {
		// rebind pipeline parameters
		pr.Ctx.Bindings = map[string]any{}
		for k, val := range pr.Bound.Values {
			pr.Ctx.Bindings[k] = val
		}
		if err := run.bindScriptPipeline(v); err != nil {
			if pe, ok := err.(*pserror.Error); ok {
				// a pipeline binding failure is a non-terminating error:
				// the object is not processed
				return pr.WriteError(pe.Record)
			}
			return err
		}
		// the parameters the object bound choose the set
		if pr.Call.Simple {
			pr.Ctx.ParameterSet = pr.Call.Pick(pr.Ctx.Bindings)
		} else {
			set, err := pr.Call.ResolveObject(pr.Ctx.Bindings)
			if err != nil {
				if pe, ok := err.(*pserror.Error); ok {
					return pr.WriteError(pe.Record)
				}
				return err
			}
			pr.Ctx.ParameterSet = set
		}
	}
	if run.ast.Process == nil {
		if run.ast.Unnamed && run.ast.End != nil && pr.Fn != nil && pr.Fn.IsFilter {
			run.scope.Set("_", v)
			run.scope.Set("input", []any{v})
			return run.runBlock(run.ast.End)
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
	return run.runBlock(run.ast.Process)
}

// bindScriptPipeline binds one pipeline object to the parameters that take
// pipeline input (binder.Call.BindScript), and updates the parameter
// variables and $PSBoundParameters: the parameters the previous object
// bound are first put back to their default values.
func (run *funcRun) bindScriptPipeline(v any) error {
	pr := run.pr
	// what the previous object bound takes its default value again
	for _, p := range pr.Call.Piped() {
		run.setParamVar(p, run.defaults[strings.ToLower(p.Name)])
		run.bound.Delete(p.Name)
	}
	return pr.Call.BindScript(run.rt.binding(), pr.Ctx.Bindings, v, func(p *params.Param, cv any) {
		run.setParamVar(p, cv)
		run.bound.Set(p.Name, cv)
	})
}

// End runs the end block.
func (run *funcRun) End() error {
	rt, pr := run.rt, run.pr
	rt.scope = run.scope
	defer func() {
		rt.scope = run.saved
		rt.depth--
		if run.restore != nil {
			run.restore()
		}
	}()
	if !run.exited && run.ast.End != nil && !(pr.Fn != nil && pr.Fn.IsFilter && run.ast.Unnamed) {
		in := run.input
		if in == nil {
			in = []any{}
		}
		run.scope.Set("input", in)
		if err := run.runBlock(run.ast.End); err != nil {
			return err
		}
	}
	if pr.Redirs.Out != nil {
		pr.Redirs.Out.Close()
	}
	return nil
}

// Clean runs the clean block of a script function, script block or
// script file once, provided one of its other blocks ran: when its
// pipeline ends (the commands' clean blocks in pipeline order), however
// it ended — done, failed or stopped early — or at once when its begin
// block fails. What it writes to the success stream is
// discarded; its other streams flow as usual. An error that would end it
// (throw, -ErrorAction Stop, exit) only ends the clean block: it is
// written to the error stream and fails $?, but is not passed up.
func (run *funcRun) Clean() {
	if run.cleaned || run.ast.Clean == nil || !run.ran {
		return
	}
	run.cleaned = true
	rt, pr := run.rt, run.pr
	defer procSession{rt}.PushRunning(pr)()
	saved := rt.scope
	rt.scope = run.scope
	defer func() { rt.scope = saved }()
	rt.fnStack = append(rt.fnStack, callFrame{pr: pr, at: pr.Pos})
	err := rt.execBlock(run.ast.Clean, discard)
	rt.fnStack = rt.fnStack[:len(rt.fnStack)-1]
	var pe *pserror.Error
	if !errors.As(err, &pe) {
		return // return, exit and break leave the clean block quietly
	}
	*pr.HadError = true
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
	if errors.Is(err, ErrStopUpstream) {
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
	pr       *cmdproc.Processor
	hadError bool
	closed   bool
}

// StepScriptBlock starts sb as `... | & $sb @args` would (`. $sb` when dot
// is set: in the caller's scope): args bind to its param() block by
// position, its begin block runs, its output goes to out.
func (rt *Runtime) StepScriptBlock(sb *automation.ScriptBlock, args []any, dot bool, out func(any) error) (*ScriptStep, error) {
	s := &ScriptStep{}
	s.pr = rt.newProcessor(&s.hadError)
	s.pr.SB, s.pr.Dot = sb, dot
	list := make([]binder.Argument, len(args))
	for i, a := range args {
		list[i] = binder.Argument{Value: a}
	}
	if err := rt.bind(s.pr, list); err != nil {
		return nil, err
	}
	if out == nil {
		out = discard
	}
	s.pr.SetNext(out)
	s.pr.ExpectsInput(true)
	if err := s.pr.Begin(); err != nil {
		// a block whose begin failed has ended (its clean block ran)
		s.closed = true
		return nil, err
	}
	return s, nil
}

// Process hands the block one pipeline object.
func (s *ScriptStep) Process(v any) error {
	err := s.pr.Process(v, true)
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
	run := runOf(s.pr)
	if input == nil {
		input = []any{}
	}
	run.input = input
	if run.ast.Process != nil {
		if err := s.pr.Process(nil, false); err != nil {
			return err
		}
	}
	return s.pr.End()
}

// End runs the block's end block (its clean block after it) and ends the
// step.
func (s *ScriptStep) End() error {
	if s.closed {
		return nil
	}
	defer s.close()
	return s.pr.End()
}

// close ends the block once: its clean block runs if any other did.
func (s *ScriptStep) close() {
	if s.closed {
		return
	}
	s.closed = true
	s.pr.Dispose()
	s.pr.Clean()
}

// invokeScriptBlock runs a script block in the current scope with $_ set,
// as ForEach-Object, Where-Object and calculated properties do.
func (rt *Runtime) invokeScriptBlock(sb *automation.ScriptBlock, dollarUnder any, args []any, out emitter) error {
	if m := blockModule(sb); m != nil && m != rt.scope.Module() {
		// a block written in a module runs in the module's scope
		saved := rt.scope
		rt.scope = modmember.ScopeOf(m)
		defer func() { rt.scope = saved }()
	}
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
		at = p.Pos
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
