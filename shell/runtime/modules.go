package runtime

// Script modules: a module's file runs in the module's own scope (linked
// to the global scope, not to the importer's), its functions run there
// wherever they are called from, and what it exports is imported into
// the importer's scope. Finding module files and the bookkeeping of what
// a module exports are shell/module's.

import (
	"errors"
	"sort"
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
	"github.com/exosim/exosim/shell/wildcard"
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
	full := provider.FullPath(rt.files, path)
	data, err := provider.ReadFile(rt.files, full)
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
	return module.Find(rt.files, name, base, rt.modulePath())
}

// modulePath lists the module folders $env:PSModulePath names.
func (rt *Runtime) modulePath() []string {
	mp, _ := rt.env.Get("PSModulePath")
	return module.SplitPath(mp)
}

// FindModuleMatching is FindModule for a module whose version c allows:
// the first of the name's module files (module.Candidates) whose version
// (its version folder's, else its manifest's ModuleVersion, 0.0 for a
// .psm1) it allows.
func (rt *Runtime) FindModuleMatching(name, base string, c module.Constraint) (string, bool) {
	for _, cand := range module.Candidates(rt.files, name, base, rt.modulePath()) {
		if !c.Any() {
			return cand.Path, true
		}
		v := cand.FolderVersion
		if v == "" {
			v = rt.fileVersion(cand.Path)
		}
		if c.Matches(v) {
			return cand.Path, true
		}
	}
	return "", false
}

// fileVersion is the version of a module file: a manifest's
// ModuleVersion, 0.0 for any other file or a manifest that does not read.
func (rt *Runtime) fileVersion(path string) string {
	if !strings.HasSuffix(strings.ToLower(path), ".psd1") {
		return "0.0"
	}
	l := moduleLoader{rt}
	h, err := l.ManifestData(path)
	if err != nil || h == nil {
		return "0.0"
	}
	man, err := module.ReadManifest(path, h, l.Text)
	if err != nil {
		return "0.0"
	}
	return man.Version
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
	full := provider.FullPath(l.files, p)
	return full, provider.Exists(l.files, full)
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

// AvailableModules are the modules Get-Module -ListAvailable lists from
// the folders of $env:PSModulePath (each folder once, in its order; in
// each, by name) whose file names match a pattern: each read, not
// loaded. A manifest gives its version, kind (Script for a .psm1 root
// module, Binary for a .dll one, else Manifest), editions and export
// lists (a list with wildcards, or none, read from the root module); a
// .psm1 is a Script module at 0.0. A manifest in a version folder other
// than its ModuleVersion is left out.
func (rt *Runtime) AvailableModules(patterns []string) []*module.Module {
	var out []*module.Module
	seen := map[string]bool{}
	for _, dir := range rt.modulePath() {
		dir = strings.TrimRight(dir, `/\`)
		if dir == "" || seen[strings.ToLower(dir)] {
			continue
		}
		seen[strings.ToLower(dir)] = true
		var found []*module.Module
		for _, f := range module.AvailableFiles(rt.files, dir) {
			if !module.MatchAny(patterns, module.NameFromPath(f)) {
				continue
			}
			m := rt.readModule(f)
			if v := module.InVersionFolder(f); v != "" && module.CompareVersions(v, m.Version) != 0 {
				continue
			}
			found = append(found, m)
		}
		sort.SliceStable(found, func(i, j int) bool { return strings.ToLower(found[i].Name) < strings.ToLower(found[j].Name) })
		out = append(out, found...)
	}
	return out
}

// readModule reads a module file as Get-Module -ListAvailable does,
// without running it (AvailableModules).
func (rt *Runtime) readModule(path string) *module.Module {
	m := &module.Module{Name: module.NameFromPath(path), Path: path, Base: module.Folder(path), Kind: module.Script, Version: "0.0"}
	root := path
	if strings.HasSuffix(strings.ToLower(path), ".psd1") {
		m.Kind, root = module.ManifestKind, ""
		l := moduleLoader{rt}
		h, err := l.ManifestData(path)
		if err != nil || h == nil {
			return m
		}
		man, err := module.ReadManifest(path, h, l.Text)
		if err != nil {
			return m
		}
		m.Version, m.Editions, m.Guid = man.Version, man.Editions, man.Guid
		m.Description, m.Author, m.CompanyName, m.Copyright = man.Description, man.Author, man.CompanyName, man.Copyright
		switch r := strings.ToLower(man.Root); {
		case strings.HasSuffix(r, ".psm1"):
			m.Kind = module.Script
		case strings.HasSuffix(r, ".dll"):
			m.Kind = "Binary"
		}
		if man.Root != "" {
			root = man.Root
			if !prelude.IsPathRooted(root) {
				root = m.Base + "/" + root
			}
		}
		m.Functions, m.Cmdlets, m.Aliases = man.Functions, man.Cmdlets, man.Aliases
		if !explicit(man.Functions) || !explicit(man.Aliases) {
			fns, aliases := rt.analyze(root)
			if !explicit(man.Functions) {
				m.Functions = matchingNames(fns, man.Functions)
			}
			if !explicit(man.Aliases) {
				m.Aliases = matchingNames(aliases, man.Aliases)
			}
		}
		return m
	}
	m.Functions, m.Aliases = rt.analyze(root)
	return m
}

// explicit reports whether an export list names its members one by one
// (no list, or a wildcard, leaves them to the module's file).
func explicit(list []string) bool {
	if list == nil {
		return false
	}
	for _, n := range list {
		if wildcard.Has(n) {
			return false
		}
	}
	return true
}

// matchingNames are the names an export list's patterns let out (all of
// them without a list).
func matchingNames(names, patterns []string) []string {
	if patterns == nil {
		return names
	}
	var out []string
	for _, n := range names {
		if module.MatchAny(patterns, n) {
			out = append(out, n)
		}
	}
	return out
}

// analyze is module.Analyze of a script module's file (nothing for one
// that is not there, is no .psm1 or does not parse).
func (rt *Runtime) analyze(path string) (functions, aliases []string) {
	if path == "" || !strings.HasSuffix(strings.ToLower(path), ".psm1") {
		return nil, nil
	}
	data, err := provider.ReadFile(rt.files, provider.FullPath(rt.files, path))
	if err != nil {
		return nil, nil
	}
	sb, perrs := parser.Parse(syntax.NewSource(path, fsys.DecodeText(data)))
	if perrs != nil {
		return nil, nil
	}
	return module.Analyze(sb)
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

// engineIntrinsics makes $ExecutionContext (EngineIntrinsics): its Host,
// and its SessionState, which is that of the code reading it: the
// module's, whose Module is the module, while a script module's code
// runs; else the session's own, with no module.
func (rt *Runtime) engineIntrinsics() any {
	o := object.NewObject("System.Management.Automation.EngineIntrinsics", "System.Object")
	o.AddProperty(&object.Property{Name: "Host", Kind: object.AdaptedProperty, TypeName: "System.Management.Automation.Host.PSHost", Getter: func() any {
		v, _ := rt.global.Get("Host")
		return v
	}})
	o.AddProperty(&object.Property{Name: "SessionState", Kind: object.AdaptedProperty, TypeName: "System.Management.Automation.SessionState", Getter: func() any {
		ss := object.NewObject("System.Management.Automation.SessionState", "System.Object")
		var info any
		if m := rt.scope.Module(); m != nil {
			info = m.Info()
		}
		ss.AddTyped("Module", "psmoduleinfo", info)
		ss.AddTyped("LanguageMode", "System.Management.Automation.PSLanguageMode", object.Enum{Type: "System.Management.Automation.PSLanguageMode", Name: "FullLanguage"})
		return ss
	}})
	return o
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
