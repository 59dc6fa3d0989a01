package scope

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// funcEntry is a function a scope holds with its options, under its
// lower-case name. An AllScope function's entry is held by every scope
// opened from its scope afterwards: redefining it in any of them changes
// it in all.
type funcEntry[F any] struct {
	key  string
	f    F
	opts ItemOptions
}

// visibleFunc returns the entry of the function name (lower case)
// visible from s and the scope holding it: the nearest scope's, skipping
// the private functions of the scopes above s.
func (s *Scope[F]) visibleFunc(key string) (*funcEntry[F], *Scope[F]) {
	for c := s; c != nil; c = c.parent {
		if e, ok := c.functions[key]; ok && (c == s || e.opts&OptPrivate == 0) {
			return e, c
		}
	}
	return nil, nil
}

// Function returns the function of that name visible from s.
//
// Every command a script runs asks, and most sessions define no function:
// such a session answers at once, in a test small enough for the
// compiler to inline where Function is called, so that a command line
// runs none of this package's code for it.
func (s *Scope[F]) Function(name string) (f F, ok bool) {
	if s.global.hasFunctions {
		f, ok = s.function(name)
	}
	return f, ok
}

// function is Function for a session that has defined functions.
func (s *Scope[F]) function(name string) (F, bool) {
	if e, _ := s.visibleFunc(strings.ToLower(name)); e != nil {
		return e.f, true
	}
	var none F
	return none, false
}

// FunctionOptions returns the options of the function of that name
// visible from s.
func (s *Scope[F]) FunctionOptions(name string) (ItemOptions, bool) {
	if e, _ := s.visibleFunc(strings.ToLower(name)); e != nil {
		return e.opts, true
	}
	return OptNone, false
}

// FunctionScope returns the scope holding the function of that name
// visible from s, or nil.
func (s *Scope[F]) FunctionScope(name string) *Scope[F] {
	_, c := s.visibleFunc(strings.ToLower(name))
	return c
}

// Functions returns the functions visible from s by lower-case name.
func (s *Scope[F]) Functions() map[string]F {
	out := map[string]F{}
	for c := s; c != nil; c = c.parent {
		for k, e := range c.functions {
			if _, ok := out[k]; !ok && (c == s || e.opts&OptPrivate == 0) {
				out[k] = e.f
			}
		}
	}
	return out
}

// FunctionNames returns the names of the functions this scope itself
// defines, without the AllScope ones it shares with the scope it was
// opened from: a module scope's own functions, which the module exports.
func (s *Scope[F]) FunctionNames() []string {
	var out []string
	for _, e := range s.functions {
		if e.opts&OptAllScope == 0 {
			out = append(out, nameOf(e.f, e.key))
		}
	}
	return out
}

// nameOf is a function's name as written, when F says it (a Name
// method), else its key.
func nameOf[F any](f F, key string) string {
	if n, ok := any(f).(interface{ FunctionName() string }); ok {
		return n.FunctionName()
	}
	return key
}

// functionError is a refusal to change or remove function name.
func functionError(format, name, id string) *Error {
	return &Error{Message: fmt.Sprintf(format, name), ID: id, Category: object.WriteError, Exception: "SessionStateUnauthorizedAccessException"}
}

// DefineFunction defines function name in this scope with options opts
// (OptUnspecified: a new function takes that value, an existing one
// keeps its options). A function this scope already holds is replaced
// unless it is constant, or read-only and force is not set; it cannot be
// made constant nor lose AllScope. An AllScope function becomes part of
// every scope opened from this one afterwards.
func (s *Scope[F]) DefineFunction(name string, f F, opts ItemOptions, force bool) error {
	key := strings.ToLower(name)
	if old, ok := s.functions[key]; ok {
		switch {
		case old.opts&OptConstant != 0 || old.opts&OptReadOnly != 0 && !force:
			return functionError("Cannot write to function %s because it is read-only or constant.", name, "FunctionNotWritable")
		case opts&OptConstant != 0:
			return functionError("Existing function %s cannot be made constant. Functions can be made constant only at creation time.", name, "FunctionCannotBeMadeConstant")
		case opts&OptAllScope == 0 && old.opts&OptAllScope != 0:
			return functionError("The AllScope option cannot be removed from the function '%s'.", name, "FunctionAllScopeOptionCannotBeRemoved")
		}
		if old.opts&OptReadOnly == 0 || !force {
			// the function itself changes, for every scope holding it
			old.f = f
			if opts != OptUnspecified {
				old.opts = opts
			}
			return nil
		}
		// a read-only function replaced by force is a new function
		s.sharedFuncs = s.sharedFuncs.drop(old)
	}
	e := &funcEntry[F]{key: key, f: f, opts: opts}
	if s.functions == nil {
		s.functions = map[string]*funcEntry[F]{}
	}
	s.global.hasFunctions = true
	s.functions[key] = e
	if opts&OptAllScope != 0 {
		s.sharedFuncs = s.sharedFuncs.add(e)
	}
	return nil
}

// SetFunctionOptions gives the function of that name visible from s
// options opts: a constant function's options never change, and a
// function cannot be made constant nor lose AllScope. false when there
// is no such function.
func (s *Scope[F]) SetFunctionOptions(name string, opts ItemOptions) (bool, error) {
	e, c := s.visibleFunc(strings.ToLower(name))
	switch {
	case e == nil:
		return false, nil
	case e.opts&OptConstant != 0:
		return true, functionError("Cannot modify function %s because it is constant.", name, "FunctionIsConstant")
	case opts&OptConstant != 0:
		return true, functionError("Existing function %s cannot be made constant. Functions can be made constant only at creation time.", name, "FunctionCannotBeMadeConstant")
	case opts&OptAllScope == 0 && e.opts&OptAllScope != 0:
		return true, functionError("The AllScope option cannot be removed from the function '%s'.", name, "FunctionAllScopeOptionCannotBeRemoved")
	}
	if opts&OptAllScope != 0 && e.opts&OptAllScope == 0 {
		c.sharedFuncs = c.sharedFuncs.add(e)
	}
	e.opts = opts
	return true, nil
}

// RemoveFunction removes the function of that name visible from s from
// the scope holding it, unless it is constant, or read-only and force is
// not set; false when there is none.
func (s *Scope[F]) RemoveFunction(name string, force bool) (bool, error) {
	key := strings.ToLower(name)
	e, c := s.visibleFunc(key)
	if e == nil {
		return false, nil
	}
	if e.opts&OptConstant != 0 || e.opts&OptReadOnly != 0 && !force {
		return true, functionError("Cannot remove function %s because it is constant.", name, "FunctionNotRemovable")
	}
	delete(c.functions, key)
	c.sharedFuncs = c.sharedFuncs.drop(e)
	return true, nil
}

// FunctionHere returns the function of that name this scope itself
// holds.
func (s *Scope[F]) FunctionHere(name string) (F, bool) {
	if e, ok := s.functions[strings.ToLower(name)]; ok {
		return e.f, true
	}
	var none F
	return none, false
}

// DropFunction removes the function of that name from this scope itself,
// whatever its options (a module's imported function goes with the
// module); false when the scope holds none.
func (s *Scope[F]) DropFunction(name string) bool {
	key := strings.ToLower(name)
	e, ok := s.functions[key]
	if !ok {
		return false
	}
	delete(s.functions, key)
	s.sharedFuncs = s.sharedFuncs.drop(e)
	return true
}
