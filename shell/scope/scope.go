// Package scope is PowerShell's dynamic scoping: the chain of scopes from
// the one a command runs in out to the global scope, the variables each
// holds (read-only, constant and type-constrained ones), the scope
// modifiers a name is written with (global:, script:, local:, private:),
// and the refusals of New-Variable, Set-Variable, Remove-Variable and an
// assignment to a read-only variable. A scope also keeps what a script
// defines in it: its functions (with their options), its aliases, its
// enums and classes, and the strict-mode level Set-StrictMode set there.
// AllScope variables, functions and aliases are part of every scope
// opened afterwards from the scope that holds them.
//
// It knows nothing of the interpreter: a scope's functions are values of
// whatever type F the interpreter keeps for a script function.
package scope

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/module"
)

// Scope is one level of PowerShell's dynamic scoping.
type Scope[F any] struct {
	parent *Scope[F]
	// global is the outermost scope of the chain.
	global *Scope[F]
	vars   map[string]*Variable
	// functions are the functions defined in this scope, by lower-case
	// name, with the AllScope functions of the scope it was opened from.
	functions map[string]*funcEntry[F]
	// aliases are the aliases set in this scope, by lower-case name,
	// with the AllScope aliases of the scope it was opened from.
	aliases map[string]*Alias
	// types are the enums and classes the block running in this scope
	// defines, by lower-case name.
	types map[string]*dotnet.TypeDef
	// sharedVars, sharedFuncs and sharedAliases are the AllScope
	// variables, functions and aliases this scope holds: every scope
	// opened from it afterwards holds them too.
	sharedVars    allScope[*Variable]
	sharedFuncs   allScope[*funcEntry[F]]
	sharedAliases allScope[*Alias]
	// script marks a script scope: the one script: names.
	script bool
	// strict is the Set-StrictMode level set in this scope (strictSet).
	strict    int
	strictSet bool
	// module is the script module whose session state the scope belongs
	// to (nil: the session's own); a scope opened from another belongs
	// to the same module.
	module *module.Module
	// hasFunctions and hasAliases, kept in the global scope, are set once
	// any scope of the session has held a function or an alias (they
	// are never cleared): Function and Alias answer a session that never
	// defined one without looking through its scopes.
	hasFunctions, hasAliases bool
}

// New returns a scope whose parent is parent; with no parent it is a
// session's global scope.
func New[F any](parent *Scope[F]) *Scope[F] {
	s := &Scope[F]{parent: parent, vars: map[string]*Variable{}}
	if parent == nil {
		s.global = s
		return s
	}
	s.global = parent.global
	s.module = parent.module
	s.sharedVars = parent.sharedVars
	for _, v := range s.sharedVars {
		s.vars[strings.ToLower(v.Name)] = v
	}
	if len(parent.sharedFuncs) > 0 {
		s.sharedFuncs = parent.sharedFuncs
		s.functions = make(map[string]*funcEntry[F], len(s.sharedFuncs))
		for _, e := range s.sharedFuncs {
			s.functions[e.key] = e
		}
	}
	if len(parent.sharedAliases) > 0 {
		s.sharedAliases = parent.sharedAliases
		s.aliases = make(map[string]*Alias, len(s.sharedAliases))
		for _, a := range s.sharedAliases {
			s.aliases[strings.ToLower(a.Name)] = a
		}
	}
	return s
}

// NewScript returns a script scope (a script file's): the scope that
// script: names from it and from the scopes it opens.
func NewScript[F any](parent *Scope[F]) *Scope[F] {
	s := New(parent)
	s.script = true
	return s
}

// NewModule returns the module scope of script module m: a script scope
// whose parent is the session's global scope (a module's code sees its
// own variables and the global ones, never its caller's), the scope the
// module's file runs in and its functions are defined in.
func NewModule[F any](global *Scope[F], m *module.Module) *Scope[F] {
	s := NewScript(global)
	s.module = m
	return s
}

// Module returns the script module the scope belongs to, nil for the
// session's own scopes.
func (s *Scope[F]) Module() *module.Module { return s.module }

// Parent returns the enclosing scope (nil for the global scope).
func (s *Scope[F]) Parent() *Scope[F] { return s.parent }

// Global returns the session's global scope.
func (s *Scope[F]) Global() *Scope[F] { return s.global }

// Script returns the nearest script scope, or the global scope when no
// script is running.
func (s *Scope[F]) Script() *Scope[F] {
	for c := s; c != nil; c = c.parent {
		if c.script {
			return c
		}
	}
	return s.global
}

// Named returns the scope a -Scope argument or a scope modifier names
// from s: "global", "script", or s itself for "local", "private" and "".
func (s *Scope[F]) Named(name string) *Scope[F] {
	switch strings.ToLower(name) {
	case "global":
		return s.global
	case "script":
		return s.Script()
	}
	return s
}

// AddType makes a script-defined type visible in this scope and the ones
// it opens, under a lower-case name.
func (s *Scope[F]) AddType(key string, d *dotnet.TypeDef) {
	if s.types == nil {
		s.types = map[string]*dotnet.TypeDef{}
	}
	s.types[key] = d
}

// Type returns the script-defined type of that lower-case name visible
// from s, or nil.
func (s *Scope[F]) Type(key string) *dotnet.TypeDef {
	for c := s; c != nil; c = c.parent {
		if d := c.types[key]; d != nil {
			return d
		}
	}
	return nil
}

// OwnTypes returns the script-defined types this scope itself holds, by
// lower-case name.
func (s *Scope[F]) OwnTypes() map[string]*dotnet.TypeDef { return s.types }

// SetStrict sets the strict-mode level of this scope (0 turns it off
// here, whatever the enclosing scopes set).
func (s *Scope[F]) SetStrict(level int) {
	s.strict, s.strictSet = level, true
}

// Strict returns the strict-mode level in effect in s: the one the
// nearest scope set, 0 when none did.
func (s *Scope[F]) Strict() int {
	for c := s; c != nil; c = c.parent {
		if c.strictSet {
			return c.strict
		}
	}
	return 0
}
