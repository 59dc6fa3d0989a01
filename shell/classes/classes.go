// Package classes is the enums and classes a script defines: defining
// them from their statements, in the order PowerShell's compiler does
// (hoisting), and running what a class does — instances with their
// declared properties, constructors, methods and static members,
// overload choice, base classes and typed, validated properties.
//
// A script type is a dotnet.TypeDef like any .NET type, so casts, -is,
// static members and GetType() treat it alike. The package reaches the
// interpreter only through the Interp interface; it does not import the
// runtime.
package classes

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// Interp is the interpreter running a script's classes.
type Interp interface {
	// Host is the session as the .NET types see it (conversions and
	// member calls are given it).
	Host() dotnet.Host
	// TypeOf is the type of a value, as GetType() reports it.
	TypeOf(v any) *dotnet.TypeInfo
	// EvalExpr evaluates an expression in the current scope.
	EvalExpr(e syntax.Expr) (any, error)
	// ResolveType finds a type by the name written in brackets, as a
	// type literal in the current scope does.
	ResolveType(name string) (*dotnet.TypeInfo, bool)
	// ScriptType is the enum or class of that name the current scope
	// sees (nil when there is none).
	ScriptType(name string) *dotnet.TypeDef
	// InstanceType is the script type an instance's type name stands
	// for, also outside the scope that defined it.
	InstanceType(name string) *dotnet.TypeDef
	// AddType makes a defined type visible in the current scope.
	AddType(d *dotnet.TypeDef)
	// Scope is the current scope, which a class keeps as the place it
	// was defined.
	Scope() any
	// InClass runs f with class c's method running, so the types
	// visible where c was defined are visible.
	InClass(c *Class, f func() (any, error)) (any, error)
	// InScope runs f in a new scope below the current one; set defines
	// a variable in it.
	InScope(f func(set func(name string, v any)) (any, error)) (any, error)
	// ExecBody runs a method's statements, dropping what they write to
	// the pipeline: its value is that of a return statement.
	ExecBody(b *syntax.StatementBlock) (any, error)
	// CallMethod calls a method on a value.
	CallMethod(target any, name string, args []any) (any, error)
	// Validator builds the check of a validation attribute (nil for
	// attributes that do not validate); Validation is the session as
	// the checks see it.
	Validator(a *syntax.Attribute) (validate.Validator, error)
	Validation() validate.Session
}
