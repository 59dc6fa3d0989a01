// Package modmember is what modules do to scopes: Import-Module puts
// the members a module exports into the importer's scope (functions
// renamed with a prefix, the module's own variables shared, aliases),
// Remove-Module takes them out again, and Export-ModuleMember chooses,
// from the members a module scope holds, what the module exports.
//
// It needs no interpreter: the scopes are shell/scope's, holding script
// functions of shell/scriptcmd.
package modmember

import (
	"strings"

	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
)

// Scope is a scope of the interpreter.
type Scope = scope.Scope[*scriptcmd.Function]

// ScopeOf is the scope a script module's file ran in.
func ScopeOf(m *module.Module) *Scope { return m.State.(*Scope) }

// Filter is what Import-Module takes of a module: the members whose
// names match (nil: every exported member of that kind), the noun prefix
// its commands get, and whether a command already there is kept
// (NoClobber; Exists tells whether one is).
type Filter struct {
	Functions, Variables, Aliases []string
	Prefix                        string
	NoClobber                     bool
	Exists                        func(name string) bool
}

func (f Filter) any() bool {
	return f.Functions != nil || f.Variables != nil || f.Aliases != nil
}

func (f Filter) clobbers(name string) bool {
	return f.NoClobber && f.Exists != nil && f.Exists(name)
}

// Import imports the members module m exports into target as
// Import-Module does: its functions (renamed with the prefix; they run in
// the module's scope), its variables (the module's own variables, shared)
// and its aliases (one naming a renamed function follows it). Importing a
// module into its own scope does nothing; into another module's scope
// makes it a nested module of that one. It returns the members
// imported, in the order they were.
func Import(m *module.Module, target *Scope, f Filter) []module.Import {
	if target.Module() == m {
		return nil
	}
	if tm := target.Module(); tm != nil && !contains(tm.Nested, m) {
		tm.Nested = append(tm.Nested, m)
	}
	m.Prefix = f.Prefix
	ms := ScopeOf(m)
	all := !f.any()
	renamed := map[string]string{}
	first := len(m.Imports)
	for _, n := range m.Functions {
		fn, ok := ms.Function(n)
		if !ok || !all && !module.MatchAny(f.Functions, n) {
			continue
		}
		name := module.AddPrefix(fn.Name, f.Prefix)
		if f.clobbers(name) {
			continue
		}
		cp := *fn
		cp.Name = name
		target.DropFunction(name)
		_ = target.DefineFunction(name, &cp, scope.OptNone, true)
		m.Imports = append(m.Imports, module.Import{Scope: target, Kind: module.Function, Name: name})
		renamed[strings.ToLower(n)] = name
	}
	for _, n := range m.Variables {
		v := ms.VariableHere(n)
		if v == nil || !all && !module.MatchAny(f.Variables, n) || f.NoClobber && target.VariableHere(n) != nil {
			continue
		}
		target.PutVariable(v)
		m.Imports = append(m.Imports, module.Import{Scope: target, Kind: module.Variable, Name: v.Name})
	}
	for _, n := range m.Aliases {
		a := ms.AliasHere(n)
		if a == nil || !all && !module.MatchAny(f.Aliases, n) {
			continue
		}
		name := module.AddPrefix(a.Name, f.Prefix)
		if f.clobbers(name) {
			continue
		}
		def := a.Definition
		if r, ok := renamed[strings.ToLower(def)]; ok {
			def = r
		}
		target.PutAlias(&scope.Alias{Name: name, Definition: def, Description: a.Description})
		m.Imports = append(m.Imports, module.Import{Scope: target, Kind: module.Alias, Name: name})
	}
	return m.Imports[first:]
}

func contains(list []*module.Module, m *module.Module) bool {
	for _, x := range list {
		if x == m {
			return true
		}
	}
	return false
}

// Remove takes a module's imported members out of the scopes they were
// imported into (a member replaced since is left alone) and forgets the
// module in t.
func Remove(t *module.Table, m *module.Module) {
	ms := ScopeOf(m)
	for _, im := range m.Imports {
		sc := im.Scope.(*Scope)
		switch im.Kind {
		case module.Function:
			if fn, ok := sc.FunctionHere(im.Name); ok && fn.Module == m {
				sc.DropFunction(im.Name)
			}
		case module.Variable:
			if v := sc.VariableHere(im.Name); v != nil && v == ms.VariableHere(im.Name) {
				sc.Unset(im.Name)
			}
		case module.Alias:
			sc.DropAlias(im.Name)
		}
	}
	m.Imports = nil
	t.Remove(m)
}

// Finish settles what a module exports once its file ran: without
// Export-ModuleMember, every function and alias its scope defines (never
// its variables).
func Finish(m *module.Module) {
	if m.Explicit {
		return
	}
	ms := ScopeOf(m)
	m.Export(module.Function, []string{"*"}, ms.FunctionNames())
	m.Export(module.Alias, []string{"*"}, ms.AliasNames())
}

// Export runs Export-ModuleMember in the scope current: the members of
// the running module's scope whose names match become its exports (nil
// patterns leave that kind as it is). false outside a module, where
// the cmdlet fails.
func Export(current *Scope, functions, variables, aliases []string) bool {
	m := current.Module()
	if m == nil {
		return false
	}
	ms := ScopeOf(m)
	m.Explicit = true
	if functions != nil {
		m.Export(module.Function, functions, ms.FunctionNames())
	}
	if variables != nil {
		m.Export(module.Variable, variables, ms.VariableNames())
	}
	if aliases != nil {
		m.Export(module.Alias, aliases, ms.AliasNames())
	}
	return true
}
