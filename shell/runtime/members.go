package runtime

// The interpreter's side of the member adapter (shell/members): member
// and index expressions, method calls, and the session as the adapter
// sees it.

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// Members is the session as the member adapter sees it.
func (rt *Runtime) Members() members.Host { return memberSession{rt} }

// memberSession is the session as shell/members sees it.
type memberSession struct{ rt *Runtime }

func (s memberSession) Dotnet() dotnet.Host     { return s.rt }
func (s memberSession) Classes() classes.Interp { return s.rt.classInterp() }
func (s memberSession) ConvertTo(v any, typeName string) (any, error) {
	return s.rt.ConvertTo(v, typeName)
}

func (s memberSession) WithThis(this any, f func() (any, error)) (any, error) {
	return s.rt.withThis(this, f)
}

func (s memberSession) EachScriptBlock(sb *automation.ScriptBlock, dollarUnder any, args []any, out func(any) error) error {
	return s.rt.invokeScriptBlock(sb, dollarUnder, args, out)
}

func (s memberSession) ScriptBlockValue(sb *automation.ScriptBlock, dollarUnder any) (any, error) {
	return s.rt.invokeScriptBlockValue(sb, dollarUnder, nil)
}

func (s memberSession) MethodError(err error, ext syntax.Extent, name string, n int) error {
	return s.rt.methodError(err, ext, name, n)
}

func (s memberSession) ConvertError(err error, ext syntax.Extent) error {
	return s.rt.wrapConvertErr(err, ext)
}

func (s memberSession) StrictIndex(ext syntax.Extent, list bool) error {
	return s.rt.strictIndex(ext, list)
}

// OwnMember reads a property of $PSCmdlet (members.Own).
func (c *PSCmdlet) OwnMember(lname string) (any, bool) { return c.property(lname) }

// CallOwnMethod calls a method of $PSCmdlet (members.Own).
func (c *PSCmdlet) CallOwnMethod(lname, name string, args []any) (any, error) {
	return c.pr.rt.psCmdletMethod(c, lname, name, args)
}

func (rt *Runtime) memberName(m syntax.Expr) (string, error) {
	if s, ok := m.(*syntax.StringConstExpr); ok {
		return s.Value, nil
	}
	v, err := rt.evalExpr(m)
	if err != nil {
		return "", err
	}
	return rt.toStr(v), nil
}

func (rt *Runtime) evalMember(x *syntax.MemberExpr) (any, error) {
	target, err := rt.evalExpr(x.Target)
	if err != nil {
		return nil, err
	}
	name, err := rt.memberName(x.Member)
	if err != nil {
		return nil, err
	}
	if x.Static {
		tv, ok := target.(*dotnet.TypeValue)
		if !ok {
			return nil, invalidOperation(x.Ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := members.StaticProperty(rt.Members(), tv.Info, name)
		if err != nil {
			return nil, rt.methodError(err, x.Ext, name, 0)
		}
		if v == nil {
			if m, _ := dotnet.FindMember(tv.Info, name, true); (m != nil && m.Call != nil) || strings.EqualFold(name, "new") {
				mv, err := members.MethodValue(rt.Members(), nil, tv.Info, name)
				if err != nil {
					return nil, rt.methodError(err, x.Ext, name, 0)
				}
				return mv, nil
			}
		}
		return v, nil
	}
	if target == nil && x.NullConditional {
		return nil, nil
	}
	if err := rt.strictMember(target, name, x.Ext); err != nil {
		return nil, err
	}
	v, found := members.Get(rt.Members(), target, name)
	if !found && target != nil {
		if m, _, _ := members.Resolve(rt.Members(), target, name); m != nil && m.Call != nil {
			mv, err := members.MethodValue(rt.Members(), target, nil, name)
			if err != nil {
				return nil, rt.methodError(err, x.Ext, name, 0)
			}
			return mv, nil
		}
	}
	return v, nil
}

func (rt *Runtime) evalIndex(x *syntax.IndexExpr) (any, error) {
	target, err := rt.evalExpr(x.Target)
	if err != nil {
		return nil, err
	}
	idx, err := rt.evalExpr(x.Index)
	if err != nil {
		return nil, err
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		return nil, invalidOperation(x.Ext, "Cannot index into a null array.", "NullArray")
	}
	return members.Index(rt.Members(), target, idx, x.Ext)
}

func (rt *Runtime) evalInvokeMember(x *syntax.InvokeMemberExpr) (any, error) {
	target, err := rt.evalExpr(x.Target)
	if err != nil {
		return nil, err
	}
	name, err := rt.memberName(x.Member)
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, len(x.Args))
	for _, a := range x.Args {
		v, err := rt.evalExpr(a)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	if len(x.TypeArgs) > 0 {
		names := make([]string, len(x.TypeArgs))
		for i, tn := range x.TypeArgs {
			if _, ok := rt.ResolveType(rt.qualifyTypeName(tn.Name, tn.Ext)); !ok {
				return nil, invalidOperation(tn.Ext, fmt.Sprintf("Unable to find type [%s].", tn.Name), "TypeNotFound")
			}
			names[i] = tn.Name
		}
		return nil, rt.methodError(dotnet.NotSupported("calling a generic method with explicit type arguments (%s[%s])", name, strings.Join(names, ", ")), x.Ext, name, len(args))
	}
	if x.Static {
		tv, ok := target.(*dotnet.TypeValue)
		if !ok {
			return nil, invalidOperation(x.Ext, "Unable to find type.", "TypeNotFound")
		}
		v, err := members.CallStatic(rt.Members(), tv.Info, name, args)
		if err != nil {
			if _, thrown := err.(*dotnet.MethodException); thrown && strings.EqualFold(name, "new") {
				name = ".ctor" // an exception inside a constructor
			}
			return nil, rt.methodError(err, x.Ext, name, len(args))
		}
		return v, nil
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		// ForEach and Where exist on $null too: they run over nothing and
		// return an empty collection
		if lname := strings.ToLower(name); (lname == "foreach" || lname == "where") && len(args) >= 1 {
			if sb, ok := args[0].(*automation.ScriptBlock); ok {
				return members.ForEachWhere(rt.Members(), nil, lname, sb, args)
			}
		}
		return nil, invalidOperation(x.Ext, "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
	}
	v, err := members.Call(rt.Members(), target, name, args)
	if err != nil {
		return nil, rt.methodError(err, x.Ext, name, len(args))
	}
	return v, nil
}

func (rt *Runtime) methodError(err error, ext syntax.Extent, name string, n int) error {
	if memlimit.IsOutOfMemory(err) {
		// A .NET exception in a method becomes a MethodInvocationException
		// whose error ID is the exception's short type name.
		return runtimeError(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, err.Error()), "OutOfMemoryException", object.NotSpecified, "MethodInvocationException")
	}
	switch e := err.(type) {
	case *PSError:
		return e
	case *stopSignal:
		return e // Ctrl+C at a host prompt stops the line quietly
	case *dotnet.MethodNotFound:
		return invalidOperation(ext, e.Error(), "MethodNotFound")
	case *dotnet.MethodException:
		return methodInvocationError(ext, e, name, n)
	case *dotnet.TypedException:
		pe := methodInvocationError(ext, &dotnet.MethodException{Msg: e.Msg}, name, n)
		pe.Record.ErrorID = object.ShortName(e.Type)
		pe.Record.InnerException = e.Type
		return pe
	case *dotnet.MethodBindError:
		return runtimeError(ext, e.Msg, e.ID, object.NotSpecified, "MethodException")
	case *dotnet.NotSupportedError:
		return runtimeError(ext, e.Msg, "ExosimNotSupported", object.NotImplemented, "NotSupportedException")
	case *dotnet.ConversionError:
		return runtimeError(ext, e.Msg, castErrorID(e.Msg), object.InvalidArgument, "PSInvalidCastException")
	case *opError:
		return runtimeError(ext, e.Msg, "RuntimeException", object.InvalidOperation, "RuntimeException")
	}
	return runtimeError(ext, err.Error(), "MethodInvocationException", object.NotSpecified, "MethodInvocationException")
}

// methodInvocationError is PowerShell's MethodInvocationException around
// an exception a .NET method (or operator method) threw.
func methodInvocationError(ext syntax.Extent, e *dotnet.MethodException, name string, n int) *PSError {
	inner := e.ExceptionType()
	pe := runtimeError(ext, fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, e.Msg), object.ShortName(inner), object.NotSpecified, "MethodInvocationException")
	pe.Record.ExceptionFullType = "System.Management.Automation.MethodInvocationException"
	pe.Record.InnerException, pe.Record.InnerMessage = inner, e.Msg
	return pe
}

func argStr(rt *Runtime, args []any, i int) string {
	if i < len(args) {
		return rt.toStr(args[i])
	}
	return ""
}
