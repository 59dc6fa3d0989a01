package runtime

import (
	"errors"
	"math"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
	"github.com/exosim/exosim/shell/trycatch"
)

// FormatOptions returns the formatter options for this session.
func (rt *Runtime) FormatOptions(outString bool) format.Options {
	return rt.display.FormatOptions(outString)
}

// RunOptions controls one top-level run.
type RunOptions struct {
	// Script runs the text as a script file: a script scope, its param()
	// block bound to the arguments, $args holding what nothing bound.
	Script bool
	// Args are positional arguments for the script.
	Args []any
	// CommandLine are the words that followed the script on the process's
	// command line, bound the way pwsh -File binds them: "-Name" names a
	// parameter, "-Name:value" gives it a value ("true"/"$false" become
	// booleans), anything else is positional text.
	CommandLine []string
	// InvocationName is how the script was named ($MyInvocation).
	InvocationName string
}

// Run parses and executes src as one command line (or script) with its
// output going to the implicit Out-Default. It returns the exit code the
// process should use for it: the exit statement's code, 1 when an error
// record was shown or a parse error occurred, else 0. Go panics inside the
// engine are recovered and reported as internal errors.
func (rt *Runtime) Run(src *syntax.Source, opts RunOptions) (code int) {
	before := rt.display.Errors
	sb, perrs := parser.Parse(src)
	if perrs == nil {
		perrs = rt.prepareScript(sb, src)
	}
	if perrs != nil {
		rt.display.ShowParseErrors(perrs)
		rt.lastSuccess = false
		return 1
	}
	rt.interrupt.on.Store(false)
	prevSource := rt.source
	rt.source = src
	defer func() { rt.source = prevSource }()
	// A nested prompt (a suspended confirmation) runs command lines
	// inside a running one: the outer line's output goes on afterwards.
	prevOut := rt.display.Out
	rt.display.Out = rt.display.NewOutDefault()
	// A progress bar left on the terminal goes when the command line ends.
	defer rt.IO.ClearProgress()
	defer func() {
		if prevOut != nil {
			rt.display.Out = prevOut
		}
		if r := recover(); r != nil {
			rt.display.Out = nil
			rt.tries.Depth = 0
			rt.depth = 0
			rt.scope = rt.global
			rt.display.ShowError(pserror.Internal(r))
			code = 1
		}
	}()
	var err error
	savedScope := rt.scope
	if opts.Script && src.Path != "" {
		err = rt.checkRequirements(sb, scriptName(src.Path), src.Path, syntax.Extent{})
	}
	if err == nil {
		if opts.Script {
			err = rt.runScriptTop(sb, src, opts)
		} else {
			err = rt.execTop(sb, rt.display.Out.Write)
		}
	}
	rt.scope = savedScope
	out := rt.display.Out
	rt.display.Out = nil
	exit, exited := 0, false
	if err != nil {
		var ex *ExitSignal
		var pe *pserror.Error
		switch {
		case errors.As(err, &ex):
			exit, exited = ex.Code, true
			rt.exitRequested = true
		case errors.As(err, &pe):
			if !pe.Shown() {
				pe.MarkShown()
				rt.recordError(pe.Record)
				rt.display.Errors++
				out.Write(pe.Record)
			}
			rt.lastSuccess = false
		}
	}
	out.Close()
	if exited {
		return exit
	}
	if rt.display.Errors > before {
		return 1
	}
	return 0
}

// execTopClean runs the clean block of the script exosim runs, after its
// other blocks however they ended: its success output is discarded and an
// error that ends it is reported without going further.
func (rt *Runtime) execTopClean(b *syntax.StatementBlock) {
	var pe *pserror.Error
	if err := rt.execBlock(b, discard); errors.As(err, &pe) {
		rt.reportTerminating(pe)
		rt.lastSuccess = false
	}
}

func (rt *Runtime) execTop(sb *syntax.ScriptBlock, out func(any)) error {
	emit := func(v any) error {
		out(v)
		return nil
	}
	if err := rt.hoistTypes(sb); err != nil {
		var pe *pserror.Error
		if errors.As(err, &pe) {
			rt.reportTerminating(pe)
			rt.lastSuccess = false
			return nil
		}
		return err
	}
	if sb.Clean != nil && (sb.Begin != nil || sb.Process != nil || sb.End != nil) {
		defer rt.execTopClean(sb.Clean)
	}
	blocks := []*syntax.StatementBlock{sb.Begin, sb.Process, sb.End}
	for _, b := range blocks {
		if b == nil {
			continue
		}
		for _, st := range b.Statements {
			err := rt.execStatement(st, emit)
			if rt.OnStatement != nil {
				rt.OnStatement()
			}
			if err == nil {
				continue
			}
			if handled, terr := trycatch.Trap(trySession{rt}, b.Traps, err, emit); handled {
				if terr == nil {
					continue
				}
				err = terr
			}
			if rt.continueAfter(err) {
				continue
			}
			var pe *pserror.Error
			if errors.As(err, &pe) {
				rt.reportTerminating(pe)
				rt.lastSuccess = false
				return nil
			}
			switch err.(type) {
			case *flow.Break, *flow.Continue, *returnSignal, *stopSignal:
				return nil
			}
			if errors.Is(err, ErrStopUpstream) {
				continue
			}
			return err
		}
	}
	return nil
}

// exitCode is the code of "exit value": the value converted to a 32-bit
// integer as a cast would ("3" is 3, 2.5 is 2, $true is 1); a value that
// does not convert (text, a number beyond 32 bits such as 2147483648)
// gives 0, as PowerShell ignores the failed conversion.
func exitCode(v any) int {
	if _, ok := object.Unwrap(v).(bool); ok {
		if object.ToBool(v) {
			return 1
		}
		return 0
	}
	n, err := number.ToInt32(v, "System.Int32")
	if err != nil {
		return 0
	}
	i := numeric.Int64(n)
	if i > math.MaxInt32 || i < math.MinInt32 {
		return 0
	}
	return int(i)
}

// ProcessExitCode is the status a process reports for a PowerShell exit
// code on Linux and macOS: its low eight bits (exit -1 is 255, exit 256
// is 0).
func ProcessExitCode(code int) int {
	return code & 0xff
}

// runScriptTop runs a parsed script file the way pwsh -File does: as a
// command whose param() block binds the command-line words, in a new
// script scope, with exit ending the whole run.
func (rt *Runtime) runScriptTop(sb *syntax.ScriptBlock, src *syntax.Source, opts RunOptions) error {
	hadError := false
	pr := rt.newProcessor(&hadError)
	pr.SB, pr.ScriptFile, pr.TopLevel = &automation.ScriptBlock{AST: sb}, src.Path, true
	pr.InvName = opts.InvocationName
	if pr.InvName == "" {
		pr.InvName = src.Path
	}
	args := binder.CommandLine(opts.CommandLine)
	for _, a := range opts.Args {
		args = append(args, binder.Argument{Value: a})
	}
	if err := rt.bind(pr, args); err != nil {
		return err
	}
	pr.SetNext(func(v any) error {
		rt.display.Out.Write(v)
		return nil
	})
	err := cmdproc.Drive([]cmdproc.Stage{pr})
	if errors.Is(err, ErrStopUpstream) {
		return nil
	}
	switch err.(type) {
	case *flow.Break, *flow.Continue, *returnSignal, *stopSignal:
		return nil
	}
	return err
}

func (rt *Runtime) parseErrorsAsError(perrs syntax.ErrorList) error {
	rec := pserror.ParseRecord(perrs[0])
	return &pserror.Error{Record: rec, ScriptTerminating: true}
}

// RunString runs text as interactive input.
func (rt *Runtime) RunString(text string) int {
	return rt.Run(syntax.NewSource("", text), RunOptions{})
}
