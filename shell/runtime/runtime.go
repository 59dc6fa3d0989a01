// Package runtime is the PowerShell interpreter: scopes and variables,
// operators, control flow, streaming pipelines, the parameter binder,
// error records and common parameters. It knows nothing about Exchange;
// cmdlets are declared elsewhere and registered here.
package runtime

import (
	"io"
	"math/rand"
	"sync"
	"time"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/modmember"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/trycatch"
)

// MaxCallDepth is PowerShell's call-depth limit.
const MaxCallDepth = cmdproc.MaxCallDepth

// Runtime is one PowerShell session.
type Runtime struct {
	IO      *host.IO
	Formats *format.Registry
	// Clock returns the simulated time (Get-Date); defaults to time.Now.
	Clock func() time.Time
	// Sleep advances the simulated clock (Start-Sleep).
	Sleep func(d object.TimeSpan) error
	// Interactive is true for the REPL (single-line errors, prompts).
	Interactive bool
	// Transcript, while a transcript is being recorded
	// (Start-Transcript), is where the host echoes each command line
	// after its prompt; nil otherwise.
	Transcript io.Writer
	// History is the list of command lines run in this session.
	History []HistoryEntry
	// OnStatement, when set, is called after each top-level statement.
	OnStatement func()
	// UnknownCommand, when set, is asked about a command name the session
	// does not know before it is reported as not recognized: a package
	// answers for names of its modules' commands that the simulator does
	// not have, with the error the call fails with (nil: not recognized).
	// It takes the session, so a package sets it to a function of its own
	// without making a closure.
	UnknownCommand func(rt *Runtime, name string) *object.ErrorRecord

	// cmds are the session's commands, aliases and modules by name
	// (command.Catalog).
	cmds command.Catalog

	global *Scope
	scope  *Scope

	lastSuccess bool
	depth       int
	rng         *rand.Rand
	display     *hostui.Display
	source      *syntax.Source
	// tries are the try statements running (shell/trycatch).
	tries   trycatch.State
	regexes ops.Regexes
	scripts scriptcmd.Cache
	// plans are the pipeline binding plans of the session's calls
	// (binder.Call).
	plans binder.Plans
	// gates decide which commands and parameters exist (gates.go).
	gates command.Gates
	// fnStack is the call stack (stacktrace.go).
	fnStack []callFrame
	// running is the stack of commands whose code is executing
	// (cmdlink.go).
	running       []*cmdproc.Processor
	interrupt     interruptFlag
	exitRequested bool
	// inString counts the expandable strings being expanded (strict mode
	// 1 allows unset variables there).
	inString int
	// paramTokens remembers which strings in $args were written as -Name
	// (invocation.go).
	paramTokens map[*object.PSObject]string
	// hooks observe cmdlet invocations (hooks.go).
	hooks command.Hooks
	// modules are the module names declared with DeclareModules;
	// usings the `using namespace` names of script files and of
	// interactive input (prelude.go).
	modules map[string]bool
	usings  prelude.Namespaces
	// files and env are the session's drives, location and environment
	// (files.go); the host injects them with SetFiles, or with
	// SetFilesLater makeFiles, which filesOnce runs when first asked.
	files     *fsys.Namespace
	env       *fsys.Env
	makeFiles func() (*fsys.Namespace, *fsys.Env)
	filesOnce sync.Once
	// commandHook stands in for commands (framework.go).
	commandHook CommandHook

	// mem looks at the heap now and then for a runaway script; exprDepth
	// counts the expressions being evaluated inside one another
	// (limits.go).
	mem       memlimit.Poller
	exprDepth int

	// slots hold the per-session data of packages outside the shell
	// (Slot).
	slots command.Slots
	// historyLine, when set, is the command line the host records in the
	// history instead of the one it ran (SetHistoryLine).
	historyLine *string
	// dotnetSettings are the .NET settings the session's scripts set
	// ([Net.ServicePointManager]::SecurityProtocol).
	dotnetSettings dotnet.Settings
	// argCompleters are the argument completers in the order they were
	// registered (RegisterArgumentCompleter).
	argCompleters []argCompleter

	// scriptTypes are the enums and classes the session's scripts
	// defined (names in type literals resolve through the scopes first,
	// Scope.Type); inBlocks are the extents of the statement blocks now
	// running, innermost last (scripttypes.go).
	scriptTypes classes.Registry
	inBlocks    []syntax.Extent
	// classCtx are the classes whose methods are running, innermost
	// last: a method body also sees the types visible where its class
	// was defined.
	classCtx []*classes.Class
	// scriptModules are the script modules loaded (modules.go);
	// usingTypes the enums and classes `using module` makes visible in
	// each script block that names modules (prelude.go).
	scriptModules module.Table
	usingTypes    modmember.Usings
}

// ExitRequested reports whether an exit statement ran, with its code.
func (rt *Runtime) ExitRequested() (int, bool) {
	if !rt.exitRequested {
		return 0, false
	}
	v, _ := rt.scope.Get("LASTEXITCODE")
	n, _ := v.(int)
	return n, true
}

// HistoryEntry is one Get-History record.
type HistoryEntry struct {
	ID          int
	CommandLine string
	Start, End  time.Time
	Status      string
}

// New returns a session writing to io. Until the host injects its own
// (SetFiles), the session has an empty in-memory file system: nothing a
// test session does reaches the disk.
func New(io *host.IO, formats *format.Registry) *Runtime {
	rt := NewWithoutFiles(io, formats)
	ns := fsys.New(fsys.Config{})
	env := fsys.NewEnv(nil)
	env.Simulate(ns)
	rt.SetFiles(ns, env)
	return rt
}

// NewWithoutFiles is New for a host that gives the session its file
// system and environment (SetFiles) before it runs anything: the session
// has none until then.
func NewWithoutFiles(io *host.IO, formats *format.Registry) *Runtime {
	if formats == nil {
		formats = format.NewRegistry()
	}
	// the shell's .NET types come first in the queue, before those the
	// session's packages add
	shellTypes.Queue()
	rt := &Runtime{
		IO:          io,
		Formats:     formats,
		lastSuccess: true,
	}
	rt.display = hostui.NewDisplay(hostSession{rt})
	rt.global = scope.NewGlobal[*scriptcmd.Function](func() any { return hostui.New(hostSession{rt}) }, rt.engineIntrinsics)
	rt.global.SetLazy("PSStyle", hostui.Style)
	rt.scope = rt.global
	rt.checkAutomatic()
	return rt
}

// Register adds commands to the session.
func (rt *Runtime) Register(cmds ...*command.Command) { rt.cmds.Register(cmds...) }

// SetDeferred adds a source of commands the session knows by name and
// builds on first use. A registered command of the same name wins over
// the source's.
func (rt *Runtime) SetDeferred(d command.Deferred) { rt.cmds.SetDeferred(d) }

// SetAlias defines an alias.
func (rt *Runtime) SetAlias(alias, target string) { rt.cmds.SetAlias(alias, target) }

// SetAliases defines every alias of t.
func (rt *Runtime) SetAliases(t command.AliasTable) { rt.cmds.SetAliases(t) }

// Commands returns every registered command visible in this session, in
// name order.
func (rt *Runtime) Commands() []*command.Command { return rt.cmds.Commands(rt) }

// LookupCommand finds a visible command by name, alias or
// module-qualified name.
func (rt *Runtime) LookupCommand(name string) (*command.Command, bool) {
	target, _ := rt.ResolveAlias(name)
	return rt.cmds.Lookup(target, rt)
}

// Functions returns the script functions visible from the current scope.
func (rt *Runtime) Functions() map[string]*scriptcmd.Function { return rt.scope.Functions() }

// Now returns the simulated clock's time.
func (rt *Runtime) Now() time.Time {
	if rt.Clock != nil {
		return rt.Clock()
	}
	return time.Now().UTC()
}

// guidSeed seeds the generator NewGuid draws from, so a session's GUIDs
// repeat from run to run.
const guidSeed = 20240301

// NewGuid returns a GUID from the session's deterministic generator.
func (rt *Runtime) NewGuid() object.Guid {
	var g object.Guid
	if rt.rng == nil {
		// seeded on first use: most sessions never make a GUID here
		rt.rng = rand.New(rand.NewSource(guidSeed))
	}
	rt.rng.Read(g[:])
	g[6] = g[6]&0x0f | 0x40
	g[8] = g[8]&0x3f | 0x80
	return g
}

// ErrorsWritten counts the error records shown so far (exit status).
func (rt *Runtime) ErrorsWritten() int { return rt.display.Errors }

// LastSuccess is $?.
func (rt *Runtime) LastSuccess() bool { return rt.lastSuccess }

// Scope is one of the session's scopes; its functions are script
// functions.
type Scope = cmdproc.Scope

// Scope returns the current scope: where the running command's variables
// are read and set (package scope has the rules).
func (rt *Runtime) Scope() *Scope { return rt.scope }

// errorPreference returns $ErrorActionPreference as text.
func (rt *Runtime) preference(name string) string {
	v, _ := rt.scope.Get(name)
	if v == nil {
		return ""
	}
	return params.NormalizeAction(v)
}
