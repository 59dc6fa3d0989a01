package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

// The .NET type registry is shell/dotnet; resolving a written type name,
// the type of a value, casts and constructors are shell/dotnet/automation's.
// Here the session hands them its script-defined enums and classes and
// stands as the types' host.

type voidValue = dotnet.Void

// ResolveType finds a type by the name written in brackets: an
// accelerator, a full name, a name in System or in a namespace of a using
// statement, a closed generic (List[string]) or an array (int[]).
func (rt *Runtime) ResolveType(name string) (*dotnet.TypeInfo, bool) {
	return rt.resolveTypeIn(name, nil)
}

// resolveTypeIn is ResolveType with the namespaces of using statements in
// effect where the name was written.
func (rt *Runtime) resolveTypeIn(name string, namespaces []string) (*dotnet.TypeInfo, bool) {
	return automation.ResolveType(name, namespaces, rt.scriptTypeDef)
}

// TypeOf returns the type of a value, as GetType() reports it.
func (rt *Runtime) TypeOf(v any) *dotnet.TypeInfo { return automation.TypeOf(v, rt.instanceTypeDef) }

// bareValue unwraps a PSObject that only decorates a base value.
func bareValue(v any) any { return dotnet.Bare(v) }

// Construct makes an instance of t, as [T]::new(args) does.
func (rt *Runtime) Construct(t *dotnet.TypeInfo, args []any) (any, error) {
	return automation.Construct(rt, t, args)
}

// ConvertTo converts a value to the named type (a cast).
func (rt *Runtime) ConvertTo(v any, typeName string) (any, error) {
	return automation.ConvertTo(rt, v, typeName)
}

// SetProperty assigns a property of a value (New-Object -Property).
func (rt *Runtime) SetProperty(target any, name string, value any) error {
	return members.Set(rt.Members(), target, name, value, syntax.Extent{})
}

// isConstantVariable tells whether $name is a constant ($null, $true,
// $false): [ref] of one holds the value, not a variable.
func isConstantVariable(name string) bool {
	switch strings.ToLower(name) {
	case "null", "true", "false":
		return true
	}
	return false
}

// refToVariable makes [ref]$name.
func (rt *Runtime) refToVariable(name string) (*dotnet.Ref, error) {
	v := rt.scope.Find(name)
	if v == nil {
		return nil, &ops.Error{Msg: "[ref] cannot be applied to a variable that does not exist."}
	}
	return dotnet.VariableRef(func() any { return v.Value }, func(x any) { v.Value = x }), nil
}

// attributeType resolves the type of an attribute written in a script
// (params.AttributeType): under the script's using namespaces, a script
// class among them.
func (rt *Runtime) attributeType(a *syntax.Attribute) (string, bool) {
	return params.AttributeType(a.Name, rt.usings.For(a.Ext.Src), func(name string) (string, bool) {
		if d := rt.scriptTypeDef(name, 0); d != nil {
			return d.FullName, true
		}
		return "", false
	})
}
