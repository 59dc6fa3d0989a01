// Package cmdproc is the command processor: one command of a running
// pipeline (a cmdlet's handler, or a script function, script block or
// script file whose code the interpreter runs through Script), its
// common parameters, its output and other streams, its -WhatIf and
// -Confirm questions, what invocation hooks see of it, and the driver
// that runs a pipeline's begin, process and end phases. It reaches the
// interpreter only through Session, which shell/runtime implements.
package cmdproc

import (
	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/redirect"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
)

// MaxCallDepth is PowerShell's call-depth limit.
const MaxCallDepth = 1000

// Scope is one of the session's scopes; its functions are script
// functions.
type Scope = scope.Scope[*scriptcmd.Function]

// Session is the interpreter as a command processor needs it.
type Session interface {
	// Command is the session a command's Context carries.
	Command() command.Session
	// Scope is the current scope.
	Scope() *Scope
	// Preference is an action preference variable's value as text.
	Preference(name string) string
	// CheckGrowth fails when the session uses more memory than allowed.
	CheckGrowth() error
	// Depth is the call depth; Deeper changes it by n.
	Depth() int
	Deeper(n int)
	// Binding is the interpreter as the binder asks it; Console the host
	// it prompts on for missing mandatory parameters.
	Binding() binder.Session
	Console() binder.Console
	// Host is the session as a ShouldProcess question asks it; Streams
	// as the stream writers reach it. ResumeAfterPrompt clears a stop
	// request a prompt answered.
	Host() hostui.Session
	Streams() redirect.Host
	ResumeAfterPrompt()
	// StampStack fills a record's script stack trace (here: where the
	// innermost frame stands; nil: the record's position).
	StampStack(rec *object.ErrorRecord, here *object.Position)
	// PushRunning marks pr as the command whose code runs now; the
	// returned function undoes it.
	PushRunning(pr *Processor) func()
	// Observed reports whether an invocation hook watches c; Fire
	// reports an invocation to the hooks; FullCommand is the registered
	// declaration behind a (possibly gated) command.
	Observed(c *command.Command) bool
	Fire(ev command.InvocationEvent)
	FullCommand(c *command.Command) *command.Command
	// Signal reports whether err is a flow-control signal (break,
	// continue, return, exit, a stop request) rather than a failure.
	Signal(err error) bool
	// BeginScript starts the run of a script function, script block or
	// script file (setting pr.Script) and runs its begin block.
	BeginScript(pr *Processor) error
}

// Script is the run of a script function, script block or script file a
// processor drives.
type Script interface {
	// Process runs the process block for one pipeline object (or once,
	// without input).
	Process(v any, hasInput bool) error
	// End runs the end block.
	End() error
	// Clean runs the clean block, once, if another block ran.
	Clean()
}

// Processor runs a declared cmdlet or a script function, script block or
// script file.
type Processor struct {
	S   Session
	Cmd *command.Command
	Fn  *scriptcmd.Function
	// SB is the script block of & { }, of a script file or of a
	// dot-sourced block.
	SB      *automation.ScriptBlock
	Dot     bool
	InvName string
	Ext     syntax.Extent
	Pos     *object.Position
	PipePos int
	Bound   *binder.Bound
	Ctx     *command.Context
	Next    func(any) error
	// Call chooses the parameter set and binds the pipeline objects once
	// the arguments are bound.
	Call     binder.Call
	HasInput bool
	HadError *bool

	ErrAction  string
	warnAction string
	ErrVar     string
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

	// Redirs holds the command's redirections: of its output (> file,
	// > $null) and of streams 2 to 6.
	Redirs redirect.Set
	// CalledBy is the command whose code created this one (nil at the top
	// level): streams this command does not redirect go through it.
	CalledBy   *Processor
	infoAction string
	debug      bool

	errList  *object.List
	warnList *object.List // -WarningVariable's list
	outList  *object.List

	// Script is the run of a script command once it began (nil for a
	// cmdlet).
	Script Script
	begun  bool
	// early holds pipeline objects that arrive before the command's begin
	// phase ran (written by an earlier command's begin phase).
	early      []any
	ended      bool
	ScriptFile string
	// TopLevel marks the script exosim itself runs (exosim run): its exit
	// ends the run instead of only the script.
	TopLevel bool

	// obs is the current call as invocation hooks see it.
	obs command.Observation
}

// New returns a processor of session s that sets *hadError when the
// command fails; its -Confirm is not given.
func New(s Session, hadError *bool) *Processor {
	return &Processor{S: s, HadError: hadError, sp: hostui.ShouldProcess{Confirm: -1}}
}

// IsScript reports whether the processor runs a script file (or the
// top-level script read from standard input).
func (pr *Processor) IsScript() bool { return pr.ScriptFile != "" || pr.TopLevel }

// ScriptCaller is the nearest script, function or script block whose code
// runs pr (directly or through cmdlets such as ForEach-Object), nil at the
// top level. Unlike whatever runs at the moment, it does not change while
// an upstream command's output is being processed.
func (pr *Processor) ScriptCaller() *Processor {
	for q := pr.CalledBy; q != nil; q = q.CalledBy {
		if q.Script != nil {
			return q
		}
	}
	return nil
}
