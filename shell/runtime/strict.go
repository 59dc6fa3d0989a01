package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/strict"
	"github.com/exosim/exosim/shell/syntax"
)

// Set-StrictMode's rules are shell/strict's; the session keeps the level
// of each scope and tells the rules which members a value has.

// SetStrictMode sets the strict-mode version of the current scope: "Latest"
// or a PowerShell version ("1.0", "2", "3.0" ...); "" or "0" turns it off.
// An invalid version returns the validation message.
func (rt *Runtime) SetStrictMode(version string) error {
	level, err := strict.Level(version)
	if err != nil {
		return err
	}
	rt.scope.SetStrict(level)
	return nil
}

// StrictMode returns the strict-mode version in effect (0 when off).
func (rt *Runtime) StrictMode() int { return rt.strictVersion() }

func (rt *Runtime) strictVersion() int { return rt.scope.Strict() }

// undefinedVariable is strict mode's error for reading a variable that was
// never set (strict.UndefinedVariable).
func (rt *Runtime) undefinedVariable(x *syntax.VariableExpr, scopeName, bare string) error {
	return strict.UndefinedVariable(rt.strictVersion(), rt.inString > 0, x, scopeName, bare)
}

// strictMember is strict mode's check of reading a property
// (strict.Member).
func (rt *Runtime) strictMember(target any, name string, ext syntax.Extent) error {
	return strict.Member(rt.strictVersion(), target, name, ext, rt.strictHas)
}

// strictHas tells strict mode whether a value has a member: $PSCmdlet its
// properties, a switch only IsPresent, other values their adapted
// members.
func (rt *Runtime) strictHas(target any, name string) bool {
	switch t := target.(type) {
	case *invocation.PSCmdlet:
		_, ok := t.OwnMember(strings.ToLower(name))
		return ok
	case automation.Switch:
		return strings.ToLower(name) == "ispresent"
	}
	return members.Has(rt.Members(), target, name)
}

// strictIndex is strict mode 3's error for an index outside an array or
// string (strict.Index).
func (rt *Runtime) strictIndex(ext syntax.Extent, list bool) error {
	return strict.Index(rt.strictVersion(), ext, list)
}

// strictMethodCall is strict mode's error for f(1,2) (strict.MethodCall).
func (rt *Runtime) strictMethodCall(e *syntax.CommandExpr) error {
	return strict.MethodCall(rt.strictVersion(), e)
}
