package modmember

import (
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
	// Global is the session's global scope; Text converts a value to a
	// string.
	Global() *Scope
	Text(v any) string
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
		Description: man.Description, Author: man.Author, CompanyName: man.CompanyName, Copyright: man.Copyright, Guid: man.Guid}
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
