package runtime

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/xmldom"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
)

// The .NET type registry is shell/dotnet. Here the interpreter's side of
// it: resolving a written type name (script-defined classes first), the
// type of a value, and member calls and constructors with the session as
// the types' host.

type voidValue = dotnet.Void

// rtOf is the session running a member call.
func rtOf(c *dotnet.Call) *Runtime { return c.Host.(*Runtime) }

// ResolveType finds a type by the name written in brackets: an
// accelerator, a full name, a name in System or in a namespace of a using
// statement, a closed generic (List[string]) or an array (int[]).
func (rt *Runtime) ResolveType(name string) (*dotnet.TypeInfo, bool) {
	return rt.resolveTypeIn(name, nil)
}

// resolveTypeIn is ResolveType with the namespaces of using statements in
// effect where the name was written (they apply to generic arguments too).
func (rt *Runtime) resolveTypeIn(name string, namespaces []string) (*dotnet.TypeInfo, bool) {
	tn, ok := dotnet.ParseTypeName(strings.TrimSpace(name))
	if !ok {
		return nil, false
	}
	return rt.resolveParsed(tn, namespaces)
}

func (rt *Runtime) resolveParsed(tn *dotnet.TypeName, namespaces []string) (*dotnet.TypeInfo, bool) {
	var args []*dotnet.TypeInfo
	for _, a := range tn.Args {
		ai, ok := rt.resolveParsed(a, namespaces)
		if !ok {
			return nil, false
		}
		args = append(args, ai)
	}
	def := rt.scriptTypeDef(tn.Name, len(args))
	if def == nil {
		def = dotnet.FindDef(tn.Name, len(args), namespaces)
	}
	if def == nil {
		return nil, false
	}
	t := dotnet.CloseType(def, args)
	for i := 0; i < tn.Array; i++ {
		t = dotnet.ArrayType(t)
	}
	return t, true
}

// ---------------------------------------------------------------------------
// instance and static member lookup

// TypeOf returns the type of a value, as GetType() reports it.
func (rt *Runtime) TypeOf(v any) *dotnet.TypeInfo {
	v = bareValue(v)
	switch x := v.(type) {
	case dotnet.Typed:
		return x.PSType()
	case *xmldom.Node:
		return dotnet.TypeByName(x.TypeName())
	case *object.List:
		if t, ok := x.Type.(*dotnet.TypeInfo); ok && t != nil {
			return t
		}
	case *object.Hashtable:
		if t, ok := x.Type.(*dotnet.TypeInfo); ok && t != nil {
			return t
		}
	case *dotnet.TypeValue:
		return dotnet.TypeByName("System.RuntimeType")
	case []any:
		if t, ok := object.ArrayType(x).(*dotnet.TypeInfo); ok {
			return t
		}
		return dotnet.ObjectArrayType()
	case *object.PSObject:
		if len(x.TypeNames) > 0 && x.Base == nil {
			if d := rt.instanceTypeDef(x.TypeNames[0]); d != nil {
				return dotnet.CloseType(d, nil)
			}
		}
		if x.IsCustom() {
			return dotnet.TypeByName(object.CustomObjectType)
		}
		if len(x.TypeNames) > 0 && strings.HasPrefix(x.TypeNames[0], "Deserialized.") {
			// deserialized objects are property bags
			return dotnet.TypeByName("System.Management.Automation.PSObject")
		}
	}
	full := object.TypeName(v)
	if d := rt.instanceTypeDef(full); d != nil {
		return dotnet.CloseType(d, nil)
	}
	if t := dotnet.TypeByName(full); t != nil {
		return t
	}
	return &dotnet.TypeInfo{FullName: full, Test: func(any) bool { return false }}
}

// bareValue unwraps a PSObject that only decorates a base value.
func bareValue(v any) any { return dotnet.Bare(v) }

// NewInstance constructs a value of the named type with arguments, as
// [T]::new(args) and New-Object do.
func (rt *Runtime) NewInstance(typeName string, args []any) (any, error) {
	t, ok := rt.ResolveType(typeName)
	if !ok {
		return nil, &dotnet.TypeNotFound{Name: typeName}
	}
	return rt.Construct(t, args)
}

func (rt *Runtime) Construct(t *dotnet.TypeInfo, args []any) (any, error) {
	if t.Element != nil {
		if len(args) != 1 {
			return nil, &dotnet.MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), ID: "MethodCountCouldNotFindBest"}
		}
		n, err := dotnet.ArgToInt(rt, args[0], "length", "new")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, &dotnet.MethodException{Msg: "Arithmetic operation resulted in an overflow."}
		}
		if err := memlimit.CheckProduct(int64(n), slotSize); err != nil {
			return nil, err
		}
		out := dotnet.NewArray(t, n)
		if zero := dotnet.ZeroValue(t.Element); zero != nil {
			for i := range out {
				out[i] = zero
			}
		}
		return out, nil
	}
	if t.Def() == nil || t.Def().New == nil {
		return nil, &dotnet.MethodBindError{Msg: fmt.Sprintf("A constructor was not found. Cannot find an appropriate constructor for type %s.", t.String()), ID: "CannotFindAppropriateCtor"}
	}
	if t.Def().NewArity != nil {
		okCount := false
		for _, n := range t.Def().NewArity {
			if n == len(args) {
				okCount = true
			}
		}
		if !okCount {
			return nil, &dotnet.MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), ID: "MethodCountCouldNotFindBest"}
		}
	}
	return t.Def().New(&dotnet.Call{Host: rt, Type: t, Args: args, Name: "new"})
}

// NewObjectError turns a NewInstance failure into New-Object's error: the
// record's message, error ID (without the command suffix), category and
// exception type.
func NewObjectError(err error, typeName string, nargs int) *object.ErrorRecord {
	rec := &object.ErrorRecord{Message: err.Error(), ErrorID: "ConstructorInvokedThrowException", Category: object.InvalidOperation, ExceptionType: "MethodInvocationException"}
	switch e := err.(type) {
	case *dotnet.TypeNotFound:
		rec.Message = fmt.Sprintf("Cannot find type [%s]: verify that the assembly containing this type is loaded.", typeName)
		rec.ErrorID, rec.Category, rec.ExceptionType = "TypeNotFound", object.InvalidType, "PSArgumentException"
	case *dotnet.MethodBindError:
		switch e.ID {
		case "CannotFindAppropriateCtor":
			rec.ErrorID, rec.Category, rec.ExceptionType = "CannotFindAppropriateCtor", object.ObjectNotFound, "PSArgumentException"
		case "MethodCountCouldNotFindBest":
			short := typeName
			if t, ok := dotnet.ParseTypeName(typeName); ok {
				short = object.ShortName(t.Name)
			}
			rec.Message = fmt.Sprintf("Cannot find an overload for \"%s\" and the argument count: \"%d\".", short, nargs)
			rec.ExceptionType = "MethodException"
		default:
			rec.ExceptionType = "MethodException"
		}
	case *dotnet.MethodException:
		rec.Message = fmt.Sprintf("Exception calling \".ctor\" with \"%d\" argument(s): \"%s\"", nargs, e.Msg)
	case *memlimit.OutOfMemoryError:
		rec.Message = fmt.Sprintf("Exception calling \".ctor\" with \"%d\" argument(s): \"%s\"", nargs, e.Error())
	case *dotnet.NotSupportedError:
		rec.ErrorID, rec.Category, rec.ExceptionType = "ExosimNotSupported", object.NotImplemented, "NotSupportedException"
	case *dotnet.ConversionError:
		rec.ExceptionType = "MethodException"
	}
	return rec
}

// SetProperty assigns a property of a value (New-Object -Property).
func (rt *Runtime) SetProperty(target any, name string, value any) error {
	return members.Set(rt.Members(), target, name, value, syntaxExtentZero)
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
	v := rt.findVar(name)
	if v == nil {
		return nil, &opError{Msg: "[ref] cannot be applied to a variable that does not exist."}
	}
	return dotnet.VariableRef(func() any { return v.Value }, func(x any) { v.Value = x }), nil
}
