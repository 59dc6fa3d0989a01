// Package members is PowerShell's member adapter: reading and setting a
// value's properties (member enumeration on collections, a dictionary's
// keys, the XML adapter, script properties), calling its methods (script
// methods, the intrinsic ForEach and Where, method enumeration), static
// members of types, indexing with [], the PSMethod value of a method
// named without parentheses, and the member list Get-Member shows.
//
// The members themselves are the .NET types' (shell/dotnet) and the
// script classes' (shell/classes); this package finds and runs them. It
// reaches the interpreter only through the Host interface; it does not
// import the runtime.
package members

import (
	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/syntax"
)

// Host is the session as the member adapter sees it.
type Host interface {
	// Dotnet is the session as the .NET types see it: member calls and
	// conversions are given it, and it converts to text, tells a value's
	// type, resolves type names and calls script blocks as delegates.
	Dotnet() dotnet.Host
	// Classes is the session as the script classes see it (their typed
	// properties, the scope a class was defined in).
	Classes() classes.Interp
	// ConvertTo converts a value as a cast to the named type does.
	ConvertTo(v any, typeName string) (any, error)
	// WithThis runs f with $this set to this (a script method's call).
	WithThis(this any, f func() (any, error)) (any, error)
	// EachScriptBlock runs sb with $_ set to dollarUnder and the
	// arguments bound, handing its output to out; ScriptBlockValue runs
	// it with $_ set and returns its output.
	EachScriptBlock(sb *automation.ScriptBlock, dollarUnder any, args []any, out func(any) error) error
	ScriptBlockValue(sb *automation.ScriptBlock, dollarUnder any) (any, error)
	// MethodError is the error of a failed method call or property
	// assignment (n arguments) at a place in the script (CallError, or
	// the interpreter's own stop); ConvertError that of a failed
	// conversion.
	MethodError(err error, ext syntax.Extent, name string, n int) error
	ConvertError(err error, ext syntax.Extent) error
	// StrictMember is strict mode's error for reading a property the
	// value does not have, StrictIndex for an index outside an array
	// (list: a list); nil when strict mode does not refuse it.
	StrictMember(target any, name string, ext syntax.Extent) error
	StrictIndex(ext syntax.Extent, list bool) error
}

// Session is the session a .NET member call is given (a dotnet.Call's
// Host): the Invoke method of a PSMethod reaches the adapter through it.
type Session interface {
	Members() Host
}

// hostOf is the adapter's view of the session running a member call.
func hostOf(c *dotnet.Call) Host { return c.Host.(Session).Members() }

// Own is a value of the session that answers its own members (the
// $PSCmdlet of an advanced function): OwnMember reads a property by its
// lower-case name; CallOwnMethod calls a method.
type Own interface {
	OwnMember(lname string) (any, bool)
	CallOwnMethod(lname, name string, args []any) (any, error)
}
