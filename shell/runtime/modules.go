package runtime

// Script modules: a module's file runs in the module's own scope (linked
// to the global scope, not to the importer's), its functions run there
// wherever they are called from, and what it exports is imported into
// the importer's scope. Finding module files and the bookkeeping of what
// a module exports are shell/module's.

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/modmember"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// Modules returns the session's table of loaded script modules.
func (rt *Runtime) Modules() *module.Table { return &rt.scriptModules }

// ModuleTarget is the scope Import-Module imports into: the global scope
// when called from the session's own code (or with global), else the
// module scope of the module whose code calls it (a nested module);
// local is the caller's own scope (-Scope Local).
func (rt *Runtime) ModuleTarget(global, local bool) *Scope {
	switch {
	case local:
		return rt.scope
	case global || rt.scope.Module() == nil:
		return rt.global
	}
	return modmember.ScopeOf(rt.scope.Module())
}

// LoadScriptModule runs a module file (.psm1, or a .ps1 a manifest names
// as its root) in a new module scope with args as its arguments ($args,
// or its param() block) and returns the module: what the file writes to
// the success stream is dropped, its other streams flow as usual. Without
// Export-ModuleMember it exports every function and alias it defined. A
// file that does not parse or that throws is the error returned, and no
// module is loaded. m, when not nil, is the module to fill (a manifest's).
func (rt *Runtime) LoadScriptModule(path string, args []any, m *module.Module) (*module.Module, error) {
	sb, src, err := rt.parseFile(path)
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = &module.Module{Name: module.NameFromPath(src.Path), Path: src.Path, Base: module.Folder(src.Path), Kind: module.Script, Version: "0.0"}
	}
	ms, _ := m.State.(*Scope)
	if ms == nil {
		ms = scope.NewModule(rt.global, m)
		m.State = ms
	}
	if err := rt.runInScope(ms, sb, src.Path, args); err != nil {
		return nil, err
	}
	modmember.Finish(m)
	return m, nil
}

// parseFile reads and parses a script file of the session's drives and
// settles its using statements.
func (rt *Runtime) parseFile(path string) (*syntax.ScriptBlock, *syntax.Source, error) {
	full := provider.FullPath(rt.Files(), path)
	data, err := provider.ReadFile(rt.Files(), full)
	if err != nil {
		return nil, nil, err
	}
	src := syntax.NewSource(full, fsys.DecodeText(data))
	sb, perrs := parser.Parse(src)
	if perrs == nil {
		perrs = rt.prepareScript(sb, src)
	}
	if perrs != nil {
		return nil, nil, rt.parseErrorsAsError(perrs)
	}
	return sb, src, nil
}

// runInScope runs a parsed script file dot-sourced into sc, its output
// dropped.
func (rt *Runtime) runInScope(sc *Scope, sb *syntax.ScriptBlock, path string, args []any) error {
	saved := rt.scope
	rt.scope = sc
	defer func() { rt.scope = saved }()
	hadError := false
	pr := rt.newProcessor(&hadError)
	pr.SB, pr.ScriptFile, pr.InvName, pr.Dot, pr.CalledBy = rt.newBlock(sb), path, path, true, rt.currentCommand()
	list := make([]binder.Argument, len(args))
	for i, a := range args {
		list[i] = binder.Argument{Value: a}
	}
	if err := rt.bind(pr, list); err != nil {
		return err
	}
	pr.SetNext(discard)
	err := cmdproc.Drive([]cmdproc.Stage{pr})
	if errors.Is(err, ErrStopUpstream) {
		return nil
	}
	return err
}

// entryScope is the scope a function's run opens its own scope under:
// the caller's, or for a function of a module other than the caller's,
// the module's scope.
func (rt *Runtime) entryScope(m *module.Module) *Scope {
	if m != nil && m != rt.scope.Module() {
		return modmember.ScopeOf(m)
	}
	return rt.scope
}

// FindModule returns the module file a name stands for (module.Find):
// a path from the folder base or the current location, else a folder of
// the module folders $env:PSModulePath lists.
func (rt *Runtime) FindModule(name, base string) (string, bool) {
	return module.Find(rt.Files(), name, base, rt.modulePath())
}

// modulePath lists the module folders $env:PSModulePath names.
func (rt *Runtime) modulePath() []string {
	mp, _ := rt.Env().Get("PSModulePath")
	return module.SplitPath(mp)
}

// FindModuleMatching is FindModule for a module whose version c allows
// (modmember.FindMatching).
func (rt *Runtime) FindModuleMatching(name, base string, c module.Constraint) (string, bool) {
	return modmember.FindMatching(moduleLoader{rt}, rt.Files(), rt.modulePath(), name, base, c)
}

// AvailableModules are the modules Get-Module -ListAvailable lists whose
// file names match a pattern (modmember.Available).
func (rt *Runtime) AvailableModules(patterns []string) []*module.Module {
	return modmember.Available(moduleLoader{rt}, rt.Files(), rt.modulePath(), patterns)
}

// LoadModule returns the module of a module file (FindModule's path),
// loading it unless it is loaded already (or loading it again with
// force, after removing it), with args as its arguments; loaded tells
// whether it was loaded now.
func (rt *Runtime) LoadModule(path string, args []any, force bool) (m *module.Module, loaded bool, err error) {
	if m := rt.scriptModules.ByPath(path); m != nil {
		if !force {
			return m, false, nil
		}
		if err := rt.RemoveModule(m); err != nil {
			return nil, false, err
		}
	}
	if strings.HasSuffix(strings.ToLower(path), ".psd1") {
		m, err = rt.loadManifest(path, args)
	} else {
		m, err = rt.LoadScriptModule(path, args, nil)
	}
	if err != nil {
		return nil, false, err
	}
	rt.scriptModules.Add(m)
	return m, true, nil
}

// UseModule runs `using module name` (or `using module @{...}`, spec
// holding the hashtable's keys and values: module.SpecFrom) for the
// script block sb parsed from src: the module is found (a path from the
// script's folder) at a version the specification allows, loaded unless
// it is, its members are imported as Import-Module would, and its enums
// and classes become visible in sb. found is false when there is no such
// module.
func (rt *Runtime) UseModule(name string, spec [][2]string, src *syntax.Source, sb *syntax.ScriptBlock) (found bool, err error) {
	var c module.Constraint
	if spec != nil {
		s, err := module.SpecFrom(spec)
		if err != nil {
			return false, &prelude.SpecError{Reason: err.Error()}
		}
		name, c = s.Name, s.Constraint
	}
	base := ""
	if src != nil && src.Path != "" {
		base = prelude.ScriptDir(src.Path)
	}
	path, ok := rt.FindModuleMatching(name, base, c)
	if !ok {
		return false, nil
	}
	m, _, err := rt.LoadModule(path, nil, false)
	if err != nil {
		return true, err
	}
	modmember.Import(m, rt.ModuleTarget(false, false), modmember.Filter{})
	rt.usingTypes.Add(sb, m)
	return true, nil
}

// The interpreter as modmember.LoadManifest needs it.

func (rt *Runtime) loadManifest(path string, args []any) (*module.Module, error) {
	return modmember.LoadManifest(moduleLoader{rt}, path, args)
}

type moduleLoader struct{ *Runtime }

func (l moduleLoader) Global() *Scope        { return l.global }
func (l moduleLoader) Caller() *Scope        { return l.scope }
func (l moduleLoader) Text(v any) string     { return l.toStr(v) }
func (l moduleLoader) Loaded() *module.Table { return &l.scriptModules }

func (l moduleLoader) FindMatching(name, base string, c module.Constraint) (string, bool) {
	return l.FindModuleMatching(name, base, c)
}

func (l moduleLoader) File(name, base string) (string, bool) {
	p := name
	if base != "" && !prelude.IsPathRooted(name) {
		p = base + "/" + name
	}
	full := provider.FullPath(l.Files(), p)
	return full, provider.Exists(l.Files(), full)
}

func (l moduleLoader) DotSource(sc *Scope, path string) error {
	sb, _, err := l.parseFile(path)
	if err == nil {
		err = l.runInScope(sc, sb, path, nil)
	}
	return err
}

// ManifestData evaluates a manifest's one statement in a new scope below
// the global one.
func (l moduleLoader) ManifestData(path string) (*object.Hashtable, error) {
	sb, _, err := l.parseFile(path)
	if err != nil || sb.End == nil || len(sb.End.Statements) != 1 || sb.Begin != nil || sb.Process != nil {
		return nil, err
	}
	saved := l.scope
	l.scope = scope.New(l.global)
	defer func() { l.scope = saved }()
	v, err := l.evalStatementValue(sb.End.Statements[0])
	if err != nil {
		return nil, nil
	}
	h, _ := object.Unwrap(v).(*object.Hashtable)
	return h, nil
}

// RemoveModule removes a loaded module as Remove-Module does: the
// OnRemove script block a script set on it runs first (in a new scope,
// of the module's scope for a block the module wrote, with the module's
// PSModuleInfo as its argument; what it writes is the output of the
// command running now), then the module's members leave the scopes they
// were imported into and the session forgets it.
func (rt *Runtime) RemoveModule(m *module.Module) error {
	if sb, ok := m.OnRemoveBlock().(*automation.ScriptBlock); ok {
		out := discard
		if pr := rt.currentCommand(); pr != nil {
			out = pr.Emit
		}
		if err := rt.InvokeWithArguments(sb, []any{m.Info()}, out); err != nil {
			return err
		}
	}
	modmember.Remove(&rt.scriptModules, m)
	return nil
}

// newBlock is the script block value of ast written where the current
// scope is: tied to the scope's module, if any.
func (rt *Runtime) newBlock(ast *syntax.ScriptBlock) *automation.ScriptBlock {
	sb := &automation.ScriptBlock{AST: ast}
	if m := rt.scope.Module(); m != nil {
		sb.Module = m
	}
	return sb
}

// blockModule is the script module a script block is tied to (nil for
// none).
func blockModule(sb *automation.ScriptBlock) *module.Module {
	if sb == nil {
		return nil
	}
	m, _ := sb.Module.(*module.Module)
	return m
}

// InModule runs fn in a new scope below module m's scope (Pester's
// InModuleScope): the module's own functions and variables are visible.
func (rt *Runtime) InModule(m *module.Module, fn func() error) error {
	saved := rt.scope
	rt.scope = scope.New(modmember.ScopeOf(m))
	defer func() { rt.scope = saved }()
	return fn()
}
