package runtime

import (
	"errors"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// What a test framework (Pester) needs from the interpreter: scopes it
// opens and closes itself, script blocks dot-sourced into them as inside
// a try block, script files run as & FILE runs them, and a hook through
// which it stands in for commands (mocks).

// InNewScope runs fn in a new scope, a child of the current one, as
// & { } does; with script set it is a script scope ($script: names it).
// The current scope is the caller's again when fn returns.
func (rt *Runtime) InNewScope(script bool, fn func() error) error {
	saved := rt.scope
	if script {
		rt.scope = scope.NewScript(saved)
	} else {
		rt.scope = scope.New(saved)
	}
	defer func() { rt.scope = saved }()
	return fn()
}

// DotSource runs a script block in the current scope as `. $sb @named`
// does inside a try block: the variables and functions it defines stay,
// its param() block binds the named values (without one they go to
// $args), its output goes to out, and the first terminating error of any
// kind (a throw, a failed statement, -ErrorAction Stop) ends it and is
// returned. $PSScriptRoot and $MyInvocation are those of the file the
// block was written in while it runs.
func (rt *Runtime) DotSource(sb *automation.ScriptBlock, named *object.Hashtable, out func(any) error) error {
	pr := rt.newProcessor(nil)
	pr.SB, pr.Dot = sb, true
	return rt.invokeCaught(pr, named, out)
}

// InvokeFile runs a script file as `& FILE @named` does inside a try
// block: in a new script scope, its param() block bound to the named
// values. A file that does not exist or does not parse is an error.
func (rt *Runtime) InvokeFile(path string, named *object.Hashtable, out func(any) error) error {
	ext := syntax.Extent{}
	p, ok := provider.ScriptPath(rt.Files(), path)
	if !ok {
		return rt.commandNotFound(path, ext)
	}
	data, err := provider.ReadFile(rt.Files(), p)
	if err != nil {
		return rt.commandNotFound(path, ext)
	}
	src := syntax.NewSource(p, fsys.DecodeText(data))
	sb, perrs := parser.Parse(src)
	if perrs == nil {
		perrs = rt.prepareScript(sb, src)
	}
	if perrs != nil {
		return rt.parseErrorsAsError(perrs)
	}
	if err := rt.checkRequirements(sb, scriptName(p), path, ext); err != nil {
		return err
	}
	pr := rt.newProcessor(nil)
	pr.SB, pr.ScriptFile, pr.InvName = &automation.ScriptBlock{AST: sb}, p, p
	return rt.invokeCaught(pr, named, out)
}

// invokeCaught binds and runs a prepared script processor with try-block
// error rules.
func (rt *Runtime) invokeCaught(pr *cmdproc.Processor, named *object.Hashtable, out func(any) error) error {
	hadError := false
	pr.HadError, pr.CalledBy = &hadError, rt.currentCommand()
	var args []binder.Argument
	if named != nil {
		for _, e := range named.Entries() {
			args = append(args, binder.Argument{Name: rt.toStr(e.Key), Value: e.Value, HasVal: true, Colon: true, Splat: true})
		}
	}
	if out == nil {
		out = discard
	}
	rt.tries.Depth++
	defer func() { rt.tries.Depth-- }()
	if err := rt.bind(pr, args); err != nil {
		return err
	}
	pr.SetNext(out)
	err := cmdproc.Drive([]cmdproc.Stage{pr})
	if errors.Is(err, ErrStopUpstream) {
		return nil
	}
	switch err.(type) {
	case *flow.Break, *flow.Continue, *returnSignal:
		return nil
	}
	return err
}

// Interrupted reports whether the user asked the running command line to
// stop (Ctrl+C): a framework running many script blocks stops them all.
func (rt *Runtime) Interrupted() bool { return rt.interrupt.on.Load() }

// CommandHook stands in for commands: given a command name as written
// (and again with an alias resolved) it returns the command to run
// instead, or nil to resolve the name as usual.
type CommandHook func(name string) *command.Command

// SetCommandHook installs h ahead of aliases, functions and cmdlets when
// pipelines resolve command names (nil removes it). A command it returns
// should be marked TestDouble.
func (rt *Runtime) SetCommandHook(h CommandHook) { rt.commandHook = h }

// hookedCommand asks the command hook about a name.
func (rt *Runtime) hookedCommand(name string) *command.Command {
	if rt.commandHook == nil {
		return nil
	}
	if c := rt.commandHook(name); c != nil {
		return c
	}
	if target, ok := rt.ResolveAlias(name); ok {
		return rt.commandHook(target)
	}
	return nil
}

// ParameterName reports whether v is a -Name token of $args (an argument
// written as a parameter name that no parameter took), with its name.
func (rt *Runtime) ParameterName(v any) (string, bool) { return rt.tokenName(v) }
