package automation

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/xmldom"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// The session's side of the .NET type registry (shell/dotnet): resolving
// a written type name, the type of a value, casts and constructors. The
// session's own enums and classes reach these through the functions it
// passes.

// ResolveType finds a type by the name written in brackets: an
// accelerator, a full name, a name in System or in a namespace of a using
// statement (namespaces, which apply to generic arguments too), a closed
// generic (List[string]) or an array (int[]). script finds the session's
// enums and classes, which come before registered types of the same name.
func ResolveType(name string, namespaces []string, script func(name string, arity int) *dotnet.TypeDef) (*dotnet.TypeInfo, bool) {
	tn, ok := dotnet.ParseTypeName(strings.TrimSpace(name))
	if !ok {
		return nil, false
	}
	return resolveParsed(tn, namespaces, script)
}

func resolveParsed(tn *dotnet.TypeName, namespaces []string, script func(name string, arity int) *dotnet.TypeDef) (*dotnet.TypeInfo, bool) {
	var args []*dotnet.TypeInfo
	for _, a := range tn.Args {
		ai, ok := resolveParsed(a, namespaces, script)
		if !ok {
			return nil, false
		}
		args = append(args, ai)
	}
	def := script(tn.Name, len(args))
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

// TypeOf returns the type of a value, as GetType() reports it. script
// finds the session's enum or class an instance's type name stands for
// (nil when it is none).
func TypeOf(v any, script func(name string) *dotnet.TypeDef) *dotnet.TypeInfo {
	v = dotnet.Bare(v)
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
			if d := script(x.TypeNames[0]); d != nil {
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
	if d := script(full); d != nil {
		return dotnet.CloseType(d, nil)
	}
	if t := dotnet.TypeByName(full); t != nil {
		return t
	}
	return &dotnet.TypeInfo{FullName: full, Test: func(any) bool { return false }}
}

// TypeLiteral is the value of a type literal [written] at ext, name being
// the full name it stands for under the using statements in effect: the
// type, or the error of a name that is no type.
func TypeLiteral(h dotnet.Host, name, written string, ext syntax.Extent) (any, error) {
	t, ok := h.ResolveType(name)
	if !ok {
		if err := UnsupportedTypeError(written, ext); err != nil {
			return nil, err
		}
		return nil, pserror.InvalidOperation(ext, fmt.Sprintf("Unable to find type [%s].", written), "TypeNotFound")
	}
	return &dotnet.TypeValue{Info: t}, nil
}

// Cast converts v as the cast [written]v at ext does (name as for
// TypeLiteral), failing with the error PowerShell reports there.
func Cast(h dotnet.Host, v any, name, written string, ext syntax.Extent) (any, error) {
	conv, err := ConvertTo(h, v, name)
	if err != nil {
		if _, known := h.ResolveType(name); !known {
			if uerr := UnsupportedTypeError(written, ext); uerr != nil {
				return nil, uerr
			}
		}
		return nil, CastError(err, ext)
	}
	return conv, nil
}

// CastError is the error of a failed cast or conversion at ext: a
// terminating error passes unchanged, a type that is not found is
// TypeNotFound, any other failure a RuntimeException (with the cast's
// error ID) wrapping the PSInvalidCastException of the cast.
func CastError(err error, ext syntax.Extent) error {
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return err
	}
	var oe *ops.Error
	if errors.As(err, &oe) && strings.HasPrefix(oe.Msg, "Unable to find type") {
		return pserror.InvalidOperation(ext, oe.Msg, "TypeNotFound")
	}
	rec := pserror.Runtime(ext, err.Error(), dotnet.CastErrorID(err.Error()), object.InvalidArgument, "RuntimeException")
	// the runtime exception wraps the PSInvalidCastException of the cast
	rec.Record.InnerException, rec.Record.InnerMessage = "System.Management.Automation.PSInvalidCastException", err.Error()
	return rec
}

// ConvertTo converts a value to the named type, as a cast does.
func ConvertTo(h dotnet.Host, v any, typeName string) (any, error) {
	t, ok := h.ResolveType(typeName)
	if !ok {
		return nil, &ops.Error{Msg: fmt.Sprintf("Unable to find type [%s].", typeName)}
	}
	if t.Convert == nil {
		return v, nil
	}
	return t.Convert(h, v)
}

// NewInstance constructs a value of the named type with arguments, as
// New-Object does.
func NewInstance(h dotnet.Host, typeName string, args []any) (any, error) {
	t, ok := h.ResolveType(typeName)
	if !ok {
		return nil, &dotnet.TypeNotFound{Name: typeName}
	}
	return h.Construct(t, args)
}

// Construct makes an instance of t with arguments, as [T]::new(args)
// does: an array of a length, or what the type's constructor makes.
func Construct(h dotnet.Host, t *dotnet.TypeInfo, args []any) (any, error) {
	if t.Element != nil {
		if len(args) != 1 {
			return nil, &dotnet.MethodBindError{Msg: fmt.Sprintf("Cannot find an overload for \"new\" and the argument count: \"%d\".", len(args)), ID: "MethodCountCouldNotFindBest"}
		}
		n, err := dotnet.ArgToInt(h, args[0], "length", "new")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, &dotnet.MethodException{Msg: "Arithmetic operation resulted in an overflow."}
		}
		if err := memlimit.CheckProduct(int64(n), memlimit.SlotSize); err != nil {
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
	return t.Def().New(&dotnet.Call{Host: h, Type: t, Args: args, Name: "new"})
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
