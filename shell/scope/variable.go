package scope

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// Variable is one PowerShell variable.
type Variable struct {
	Name     string
	Value    any
	ReadOnly bool
	// Constant variables are read-only even to -Force (-Option Constant).
	Constant bool
	// Private variables are seen only by the scope that holds them, not
	// by the scopes opened from it (-Option Private, $private:x = ...).
	Private bool
	// AllScope variables are part of every scope opened after them from
	// the scope that holds them: an assignment there changes this one
	// variable (-Option AllScope).
	AllScope bool
	// Description is the variable's description (-Description of
	// New-Variable and Set-Variable).
	Description string
	// Type is the variable's type constraint ([int]$x = 1, a typed
	// parameter): every later assignment converts to it. "" for none.
	Type string
	// Valid is the check of the variable's validation attributes: a
	// value it refuses is not assigned (invalidValue). nil for none.
	Valid func(value any) bool
	// Converts are the type constraints written farther from the
	// variable than Type ([int][string]$x = ...: Type string, Converts
	// int): each assignment converts to Type, then to each of them.
	Converts []string
	// Attributes are the variable's attribute objects as its Attributes
	// collection lists them, nearest the variable first.
	Attributes []any
	// lazy, while not nil, makes Value the first time the variable is
	// found (SetLazy).
	lazy func() any
	// everyScope marks an automatic AllScope variable of the global
	// scope, which every scope holds (heldAt).
	everyScope bool
}

// made returns v with its value made if it is lazy (nil for nil): what
// hands out a variable calls it first.
func (v *Variable) made() *Variable {
	if v != nil && v.lazy != nil {
		v.Value, v.lazy = v.lazy(), nil
	}
	return v
}

// TypeConverterAttribute is the type of the attribute object of a type
// constraint.
const TypeConverterAttribute = "System.Management.Automation.ArgumentTypeConverterAttribute"

// invalidValue refuses a value the validation attributes of variable
// name do not pass.
func invalidValue(name string, value any) *Error {
	text := "$null"
	if value != nil {
		text = dotnet.ToString(value)
	}
	return &Error{Message: fmt.Sprintf("The variable cannot be validated because the value %s is not a valid value for the %s variable.", text, name), ID: "ValidateSetFailure", Category: object.MetadataError, Exception: "ValidationMetadataException"}
}

// sees reports whether s sees v, a variable held by c (s itself or a
// scope enclosing it): a private variable only c itself sees.
func (s *Scope[F]) sees(c *Scope[F], v *Variable) bool { return !v.Private || c == s }

// Split separates a variable name from the scope modifier or drive it is
// written with: "global:x" is ("global", "x"), "env:Path" ("env",
// "Path"), a plain name ("", name). The modifier comes back lower-case.
func Split(name string) (scopeName, bare string) {
	if i := strings.IndexByte(name, ':'); i > 0 {
		return strings.ToLower(name[:i]), name[i+1:]
	}
	return "", name
}

// Lookup returns the variable of that name held by this scope itself, or
// nil. Every scope holds the AllScope variables of the global scope
// ($true, $PID, $HOME ...): PowerShell copies them into each new scope,
// so Get-Variable true -Scope 0 in a function finds one.
func (s *Scope[F]) Lookup(name string) *Variable {
	var b [64]byte
	if k, ok := lowerInto(b[:0], name); ok {
		return s.heldAt(string(k)).made() // looked up without making the key
	}
	return s.heldAt(lower(name)).made()
}

// heldAt returns the variable of that lower-case key this scope holds:
// its own, else an automatic AllScope variable of the global scope, else
// nil.
func (s *Scope[F]) heldAt(key string) *Variable {
	if v := s.vars[key]; v != nil || s.global == s {
		return v
	}
	if v := s.global.vars[key]; v != nil && v.everyScope {
		return v
	}
	return nil
}

// Set sets a variable of this scope, creating it when it is not there.
// It does not check the read-only and constant options (Define and
// Assignable do).
func (s *Scope[F]) Set(name string, value any) { s.set(name, value) }

// set is Set, returning the variable. The key is lower-cased into a
// buffer on the stack (lowerInto, inlined: lower is compiled apart from a
// Scope's methods) and made a string only for a new variable, whose name
// is its key when it has no capital.
func (s *Scope[F]) set(name string, value any) *Variable {
	var b [64]byte
	key, ok := lowerInto(b[:0], name)
	if !ok {
		key = []byte(lower(name))
	}
	if v, ok := s.vars[string(key)]; ok {
		v.Value, v.lazy = value, nil
		return v
	}
	v := &Variable{Name: name, Value: value}
	if string(key) == name {
		s.vars[name] = v
	} else {
		s.vars[string(key)] = v
	}
	return v
}

// SetLazy is Set of a value made by value the first time the variable is
// found (a large value most sessions never read).
func (s *Scope[F]) SetLazy(name string, value func() any) {
	s.set(name, nil).lazy = value
}

// SetTyped sets a variable of this scope and gives it a type constraint
// (a typed parameter, [int]$x = ...); the value is already converted.
func (s *Scope[F]) SetTyped(name string, value any, typeName string) {
	s.Set(name, value)
	s.Lookup(name).Type = typeName
}

// SetQualified sets a variable whose name may carry a scope modifier
// (global:x, script:x) in the scope it names; without one, or with
// local: or private:, in this scope.
func (s *Scope[F]) SetQualified(name string, value any) {
	scopeName, bare := Split(name)
	s.Named(scopeName).Set(bare, value)
}

// Unset removes a variable from this scope itself.
func (s *Scope[F]) Unset(name string) {
	delete(s.vars, strings.ToLower(name))
}

// Find returns the variable a name refers to from s: with global: or
// script: the one that scope holds, with local: or private: the one s
// holds itself, and without a modifier the one of the nearest scope that
// has it (a private variable of an enclosing scope is skipped). nil when
// there is none.
func (s *Scope[F]) Find(name string) *Variable {
	bare := name
	// Split, compiled apart from a Scope's methods, is called only for a
	// name with a modifier: most have none
	if strings.IndexByte(name, ':') > 0 {
		var scopeName string
		scopeName, bare = Split(name)
		switch scopeName {
		case "global", "script", "local", "private":
			return s.Named(scopeName).Lookup(bare)
		}
	}
	// looked up without making the key (as set does)
	var b [64]byte
	key, ok := lowerInto(b[:0], bare)
	if !ok {
		key = []byte(lower(bare))
	}
	for c := s; c != nil; c = c.parent {
		if v := c.vars[string(key)]; v != nil && s.sees(c, v) {
			return v.made()
		}
	}
	return nil
}

// Get returns the value of the variable a name refers to from s (Find).
func (s *Scope[F]) Get(name string) (any, bool) {
	v := s.Find(name)
	if v == nil {
		return nil, false
	}
	return v.Value, true
}

// Variables returns the variables visible from s in name order, each
// name once: the one a plain name refers to.
func (s *Scope[F]) Variables() []*Variable {
	seen := map[string]bool{}
	var out []*Variable
	for c := s; c != nil; c = c.parent {
		for k, v := range c.vars {
			if !seen[k] && s.sees(c, v) {
				seen[k] = true
				out = append(out, v.made())
			}
		}
	}
	sortByName(out)
	return out
}

// sortByName orders variables by name without regard to case, as
// Get-Variable lists them.
func sortByName(vs []*Variable) {
	sort.Slice(vs, func(i, j int) bool {
		a, b := strings.ToLower(vs[i].Name), strings.ToLower(vs[j].Name)
		if a != b {
			return a < b
		}
		return vs[i].Name < vs[j].Name
	})
}

// Held returns the variables this scope itself holds, in name order
// (Get-Variable -Scope), with the global scope's automatic AllScope
// variables (Lookup).
func (s *Scope[F]) Held() []*Variable {
	out := make([]*Variable, 0, len(s.vars))
	for _, v := range s.vars {
		out = append(out, v.made())
	}
	if s.global != s {
		for k, v := range s.global.vars {
			if v.everyScope && s.vars[k] == nil {
				out = append(out, v.made())
			}
		}
	}
	sortByName(out)
	return out
}

// Names returns the names of the variables visible from s (Variables).
func (s *Scope[F]) Names() []string {
	vars := s.Variables()
	out := make([]string, len(vars))
	for i, v := range vars {
		out[i] = v.Name
	}
	return out
}

// Save records the named variables of this scope (present or not) and
// returns the function that puts them back as they were: a variable that
// was there comes back with its value and options, one that was not is
// removed.
func (s *Scope[F]) Save(names ...string) func() {
	type saved struct {
		v   Variable
		had bool
	}
	old := make([]saved, len(names))
	for i, n := range names {
		if v := s.Lookup(n); v != nil {
			old[i] = saved{*v, true}
		}
	}
	return func() {
		for i, n := range names {
			if old[i].had {
				v := old[i].v
				s.vars[strings.ToLower(n)] = &v
			} else {
				s.Unset(n)
			}
		}
	}
}

// Remove deletes the variable a plain name refers to from the scope that
// holds it, whatever its options; false when there is none.
func (s *Scope[F]) Remove(name string) bool {
	key := strings.ToLower(name)
	for c := s; c != nil; c = c.parent {
		if v, ok := c.vars[key]; ok && s.sees(c, v) {
			delete(c.vars, key)
			c.sharedVars = c.sharedVars.drop(v)
			return true
		}
	}
	return false
}

// Error is the refusal of a variable operation: PowerShell's message,
// error ID, category and exception type.
type Error struct {
	Message, ID, Exception string
	Category               object.ErrorCategory
}

func (e *Error) Error() string { return e.Message }

// notWritable refuses to change a read-only or constant variable.
func notWritable(name string) *Error {
	return &Error{Message: fmt.Sprintf("Cannot overwrite variable %s because it is read-only or constant.", name), ID: "VariableNotWritable", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
}

// Options are New-Variable's and Set-Variable's -Scope, -Option and
// -Force.
type Options struct {
	// Scope is -Scope: "global", "script", "local" or "" (local).
	Scope string
	// Option is -Option, a comma-separated list of ReadOnly, Constant,
	// Private, AllScope, None and Unspecified ("" for not given;
	// ParseItemOptions reads it).
	Option string
	Force  bool
	// New is New-Variable: a variable already there is an error, and
	// with -Force is replaced by a new one.
	New bool
	// NoValue is a call without -Value: Set-Variable then leaves an
	// existing variable's value as it is.
	NoValue bool
	// Description is -Description; nil when not given, which leaves an
	// existing variable's description as it is.
	Description *string
}

// Define is New-Variable and Set-Variable: it sets a variable of the
// scope o.Scope names from s. A read-only variable changes only with
// -Force, a constant never; New-Variable refuses a name already there
// unless -Force, which replaces the variable. -Option gives a new
// variable its options and replaces an existing one's, but an existing
// variable cannot be made constant nor lose AllScope. An AllScope
// variable becomes part of every scope opened from its scope afterwards.
func (s *Scope[F]) Define(name string, value any, o Options) error {
	target, err := s.ScopeAt(o.Scope)
	if err != nil {
		return err
	}
	opts, ok := ParseItemOptions(o.Option)
	if !ok {
		return BadOptions(o.Option)
	}
	v := target.Lookup(name)
	if v != nil {
		switch {
		case o.New && !o.Force:
			return &Error{Message: fmt.Sprintf("A variable with name '%s' already exists.", name), ID: "VariableAlreadyExists", Category: object.ResourceExists, Exception: "SessionStateException"}
		case v.Constant || v.ReadOnly && !o.Force:
			return notWritable(name)
		case o.New:
			target.sharedVars = target.sharedVars.drop(v)
			v = nil
		case o.Option != "" && opts&OptConstant != 0:
			return &Error{Message: fmt.Sprintf("Existing variable %s cannot be made constant. Variables can be made constant only at creation time.", name), ID: "VariableCannotBeMadeConstant", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
		case o.Option != "" && v.AllScope && opts&OptAllScope == 0:
			return &Error{Message: fmt.Sprintf("The AllScope option cannot be removed from the variable '%s'.", name), ID: "VariableAllScopeOptionCannotBeRemoved", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
		}
	}
	existing := v != nil
	if existing && !o.NoValue && v.Valid != nil && !v.Valid(value) {
		return invalidValue(v.Name, value)
	}
	if !existing {
		v = &Variable{Name: name}
		target.vars[strings.ToLower(name)] = v
	}
	if !existing || !o.NoValue {
		v.Value = value
	}
	if o.Description != nil {
		v.Description = *o.Description
	}
	if existing && o.Option == "" {
		return nil
	}
	v.Constant = opts&OptConstant != 0
	v.ReadOnly = v.Constant || opts&OptReadOnly != 0
	v.Private = opts&OptPrivate != 0
	if opts&OptAllScope != 0 && !v.AllScope {
		v.AllScope = true
		target.sharedVars = target.sharedVars.add(v)
	}
	return nil
}

// held finds the variable Remove-Variable and Clear-Variable act on:
// the one a plain name refers to from s, or with scopeName the one the
// scope it names holds; nil when there is none.
func (s *Scope[F]) held(name, scopeName string) (*Scope[F], *Variable, error) {
	from, err := s.ScopeAt(scopeName)
	if err != nil {
		return nil, nil, err
	}
	key := strings.ToLower(name)
	for c := from; c != nil; c = c.parent {
		if v, ok := c.vars[key]; ok && from.sees(c, v) {
			return c, v.made(), nil
		}
		if scopeName != "" {
			break
		}
	}
	return nil, nil, nil
}

// Delete is Remove-Variable: it removes the variable from the scope
// scopeName names (without one, from the nearest scope that has it). A
// read-only variable goes only with force, a constant never. ok is false
// when there is no such variable.
func (s *Scope[F]) Delete(name, scopeName string, force bool) (ok bool, err error) {
	c, v, err := s.held(name, scopeName)
	if v == nil || err != nil {
		return false, err
	}
	if v.Constant || v.ReadOnly && !force {
		return true, &Error{Message: fmt.Sprintf("Cannot remove variable %s because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.", v.Name), ID: "VariableNotRemovable", Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
	}
	delete(c.vars, strings.ToLower(name))
	c.sharedVars = c.sharedVars.drop(v)
	return true, nil
}

// Clear is Clear-Variable: the variable Delete would remove keeps its
// place and options but its value is $null. A read-only variable is
// cleared only with force, a constant never. ok is false when there is no
// such variable.
func (s *Scope[F]) Clear(name, scopeName string, force bool) (ok bool, err error) {
	_, v, err := s.held(name, scopeName)
	if v == nil || err != nil {
		return false, err
	}
	if v.Constant || v.ReadOnly && !force {
		return true, notWritable(v.Name)
	}
	v.Value = nil
	return true, nil
}

// Assignable returns the scope an assignment to name ($x = ..., $global:x
// = ...) writes to, with the name without its modifier: the scope the
// modifier names, else s. A nil scope with no error means the assignment
// has nothing to write ($null = ...). $true, $false and a read-only or
// constant variable of the target scope refuse it with the *Error of a
// variable that is not writable. A drive such as env: is the caller's to
// handle before; any other modifier writes to s.
func (s *Scope[F]) Assignable(name string) (*Scope[F], string, error) {
	scopeName, bare := Split(name)
	switch strings.ToLower(bare) {
	case "null":
		return nil, bare, nil
	case "true", "false":
		return nil, bare, notWritable(bare)
	}
	target := s.Named(scopeName)
	if v := target.Lookup(bare); v != nil && v.ReadOnly {
		return nil, bare, notWritable(bare)
	}
	return target, bare, nil
}

// Assign is an assignment to a variable: $x = value, $global:x = value,
// and with typeName [type]$x = value, which gives the variable that
// type constraint. The scope Assignable names gets the value, converted
// by convert to the variable's type constraint; an error of convert comes
// back as it is. $private:x = value makes the variable private.
func (s *Scope[F]) Assign(name string, value any, typeName string, convert func(typeName string, value any) (any, error)) error {
	var types []string
	if typeName != "" {
		types = []string{typeName}
	}
	return s.AssignAttributed(name, value, types, nil, convert, nil)
}

// AssignAttributed is Assign with attributes written on the variable
// ([ValidateRange(1, 10)][int]$x = value): types are its type
// constraints, nearest the variable first, and attrs its attribute
// objects. With valid (the check of its validation attributes) they
// replace the variable's own, type constraints included, once the value,
// converted to each of types in turn, passes valid; a read-only variable
// refuses them. Without valid the types replace the variable's type
// constraints and its validation stays.
func (s *Scope[F]) AssignAttributed(name string, value any, types []string, attrs []any, convert func(typeName string, value any) (any, error), valid func(any) bool) error {
	target, bare, err := s.Assignable(name)
	if target == nil || err != nil {
		return err
	}
	v := target.Lookup(bare)
	if valid != nil && v != nil && (v.ReadOnly || v.Constant) {
		return notWritable(v.Name)
	}
	constraints := types
	if len(constraints) == 0 && v != nil && valid == nil && v.Type != "" {
		constraints = append([]string{v.Type}, v.Converts...)
	}
	for _, c := range constraints {
		if value, err = convert(c, value); err != nil {
			return err
		}
	}
	check := valid
	if check == nil && v != nil {
		check = v.Valid
	}
	if check != nil && !check(value) {
		shown := bare
		if v != nil {
			shown = v.Name
		}
		return invalidValue(shown, value)
	}
	if len(types) == 0 && valid == nil {
		target.Set(bare, value)
	} else {
		typeName := ""
		if len(types) > 0 {
			typeName = types[0]
		}
		var kept []any
		if valid == nil && v != nil {
			// the validation that stays, without the old type constraints
			for _, a := range v.Attributes {
				if o, ok := a.(*object.PSObject); !ok || len(o.TypeNames) == 0 || o.TypeNames[0] != TypeConverterAttribute {
					kept = append(kept, a)
				}
			}
		}
		target.SetTyped(bare, value, typeName)
		nv := target.Lookup(bare)
		if len(types) > 1 {
			nv.Converts = append([]string(nil), types[1:]...)
		} else {
			nv.Converts = nil
		}
		nv.Attributes = append(append([]any(nil), attrs...), kept...)
		if valid != nil {
			nv.Valid = valid
		}
	}
	if scopeName, _ := Split(name); scopeName == "private" {
		target.Lookup(bare).Private = true
	}
	return nil
}

// Info is the PSVariable object of a variable (Get-Variable, the
// Variable: drive, $ExecutionContext.SessionState.PSVariable.Get).
func (v *Variable) Info() *object.PSObject {
	o := object.NewObject("System.Management.Automation.PSVariable", "System.Object")
	o.AddTyped("Name", "string", v.Name)
	o.AddTyped("Description", "string", v.Description)
	o.AddTyped("Value", "System.Object", v.Value)
	o.AddTyped("Visibility", "System.Management.Automation.SessionStateEntryVisibility", object.Enum{Type: "System.Management.Automation.SessionStateEntryVisibility", Name: "Public"})
	o.AddTyped("Module", "System.Management.Automation.PSModuleInfo", nil)
	o.AddTyped("ModuleName", "string", "")
	o.AddTyped("Options", "System.Management.Automation.ScopedItemOptions", v.Options())
	attrs := &object.List{}
	for _, a := range v.Attributes {
		attrs.Append(a)
	}
	o.AddTyped("Attributes", "System.Collections.ObjectModel.Collection`1[System.Attribute]", attrs)
	// A PSVariable has no text of its own: it reads as its type's name.
	return o
}

// Options returns the variable's options as a ScopedItemOptions value:
// "None", or the flags it has joined by ", " in the enum's order
// (Constant standing for itself, without ReadOnly).
func (v *Variable) Options() object.Enum {
	var o ItemOptions
	switch {
	case v.Constant:
		o |= OptConstant
	case v.ReadOnly:
		o |= OptReadOnly
	}
	if v.Private {
		o |= OptPrivate
	}
	if v.AllScope {
		o |= OptAllScope
	}
	return o.Enum()
}
