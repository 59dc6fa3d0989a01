package modmember

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/syntax"
)

// Loader is the interpreter as loading a module needs it.
type Loader interface {
	// FindModule returns the module file a name stands for, a path from
	// the folder base (module.Find).
	FindModule(name, base string) (string, bool)
	// LoadModule returns the module of a module file, loaded unless it
	// is already (again with force).
	LoadModule(path string, args []any, force bool) (*module.Module, bool, error)
	// LoadScriptModule runs a script module's file in m's scope.
	LoadScriptModule(path string, args []any, m *module.Module) (*module.Module, error)
	// DotSource runs a script file dot-sourced into sc.
	DotSource(sc *Scope, path string) error
	// ManifestData is the hashtable a manifest file holds (nil when it
	// holds none), evaluated outside the caller's scopes.
	ManifestData(path string) (*object.Hashtable, error)
	// Global is the session's global scope; Caller the scope of the
	// command that imports (ScriptsToProcess run there); Text converts a
	// value to a string.
	Global() *Scope
	Caller() *Scope
	Text(v any) string
	// Loaded is the session's table of loaded modules; FindMatching is
	// FindModule for a module whose version the constraint allows.
	Loaded() *module.Table
	FindMatching(name, base string, c module.Constraint) (string, bool)
	// File is the full path of a file named from the folder base, and
	// whether it is there.
	File(name, base string) (string, bool)
}

// LoadManifest loads the module a manifest (.psd1) describes: its nested
// modules are imported into the module's scope (a .ps1 one dot-sourced
// there), then its root module runs in that scope; what the module
// exports is what the manifest's export lists let out of what the root
// module (or, without one, the nested ones) exports.
func LoadManifest(l Loader, path string, args []any) (*module.Module, error) {
	h, err := l.ManifestData(path)
	if err != nil {
		return nil, err
	}
	if h == nil {
		return nil, module.ErrNotManifest(path)
	}
	man, err := module.ReadManifest(path, h, l.Text)
	if err != nil {
		return nil, err
	}
	m := &module.Module{Name: module.NameFromPath(path), Path: path, ManifestPath: path, Base: module.Folder(path), Kind: module.ManifestKind, Version: man.Version,
		Description: man.Description, Author: man.Author, CompanyName: man.CompanyName, Copyright: man.Copyright, Guid: man.Guid, Editions: man.Editions}
	if err := requireModules(l, man, m.Base, path); err != nil {
		return nil, err
	}
	scripts, err := scriptsToProcess(l, man, m.Base, path)
	if err != nil {
		return nil, err
	}
	for _, p := range scripts {
		if err := l.DotSource(l.Caller(), p); err != nil {
			return nil, err
		}
	}
	ms := scope.NewModule(l.Global(), m)
	m.State = ms
	for _, n := range man.Nested {
		p, ok := l.FindModule(n, m.Base)
		if !ok {
			return nil, module.ErrMemberNotFound(n, "NestedModules", path)
		}
		if strings.HasSuffix(strings.ToLower(p), ".ps1") {
			if err := l.DotSource(ms, p); err != nil {
				return nil, err
			}
			continue
		}
		nm, _, err := l.LoadModule(p, nil, false)
		if err != nil {
			return nil, err
		}
		Import(nm, ms, Filter{})
	}
	if man.Root != "" {
		p, ok := l.FindModule(man.Root, m.Base)
		if !ok {
			return nil, module.ErrMemberNotFound(man.Root, "RootModule", path)
		}
		m.Path, m.Kind = p, module.Script
		if _, err := l.LoadScriptModule(p, args, m); err != nil {
			return nil, err
		}
	} else {
		Finish(m)
	}
	man.Filter(m)
	return m, nil
}

// requireModules makes sure of a manifest's RequiredModules, in order: a
// module loaded at a version the entry allows stays; else the module is
// found (a path from the manifest's folder base, a name in the module
// folders), loaded and imported into the global scope, as Import-Module
// does; a module not found at such a version is the manifest's error.
func requireModules(l Loader, man *module.Manifest, base, path string) error {
	for _, spec := range man.Required {
		loaded, have := "", false
		for _, m := range l.Loaded().All() {
			if spec.Satisfies(m) {
				have = true
				break
			}
			if strings.EqualFold(m.Name, spec.Name) {
				loaded = m.Version
			}
		}
		if have {
			continue
		}
		p, ok := l.FindMatching(spec.Name, base, spec.Constraint)
		if !ok {
			return module.ErrRequiredNotLoaded(spec, path, loaded)
		}
		rm, _, err := l.LoadModule(p, nil, false)
		if err != nil {
			return err
		}
		Import(rm, l.Global(), Filter{})
	}
	return nil
}

// scriptsToProcess are the full paths of a manifest's ScriptsToProcess
// (each from the manifest's folder base): a file that is not there ends
// the import; one that is no .ps1 file is the manifest's error.
func scriptsToProcess(l Loader, man *module.Manifest, base, path string) ([]string, error) {
	var out []string
	for _, s := range man.Scripts {
		p, ok := l.File(s, base)
		if !ok {
			e := module.ErrManifestMember("ScriptsToProcess", fmt.Sprintf("Cannot find path '%s' because it does not exist.", p), path)
			e.Terminating = true
			return nil, e
		}
		if !strings.HasSuffix(strings.ToLower(p), ".ps1") {
			return nil, module.ErrManifestMember("ScriptsToProcess", fmt.Sprintf("The file '%s' is not allowed because it does not have the extension '.ps1'.", p), path)
		}
		out = append(out, p)
	}
	return out, nil
}

// Usings are the enums and classes `using module` makes visible in each
// script block that names modules, by lower-case name. The zero Usings
// is empty.
type Usings struct {
	types map[*syntax.ScriptBlock]map[string]*dotnet.TypeDef
}

// Add makes the types module m's file defined visible in sb.
func (u *Usings) Add(sb *syntax.ScriptBlock, m *module.Module) {
	if u.types == nil {
		u.types = map[*syntax.ScriptBlock]map[string]*dotnet.TypeDef{}
	}
	types := u.types[sb]
	if types == nil {
		types = map[string]*dotnet.TypeDef{}
		u.types[sb] = types
	}
	for k, d := range ScopeOf(m).OwnTypes() {
		types[k] = d
	}
}

// For returns the types visible in sb through its using statements.
func (u *Usings) For(sb *syntax.ScriptBlock) map[string]*dotnet.TypeDef { return u.types[sb] }
