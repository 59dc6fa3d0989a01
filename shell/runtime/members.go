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
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/pserror"
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
	return automation.CastError(err, ext)
}

func (s memberSession) StrictMember(target any, name string, ext syntax.Extent) error {
	return s.rt.strictMember(target, name, ext)
}

func (s memberSession) StrictIndex(ext syntax.Extent, list bool) error {
	return s.rt.strictIndex(ext, list)
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
	return members.Member(rt.Members(), target, name, x.Static, x.NullConditional, x.Ext)
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
		return nil, pserror.InvalidOperation(x.Ext, "Cannot index into a null array.", "NullArray")
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
				return nil, pserror.InvalidOperation(tn.Ext, fmt.Sprintf("Unable to find type [%s].", tn.Name), "TypeNotFound")
			}
			names[i] = tn.Name
		}
		return nil, rt.methodError(dotnet.NotSupported("calling a generic method with explicit type arguments (%s[%s])", name, strings.Join(names, ", ")), x.Ext, name, len(args))
	}
	return members.Invoke(rt.Members(), target, name, args, x.Static, x.NullConditional, x.Ext)
}

// methodError is the error of a failed method call (members.CallError);
// Ctrl+C at a host prompt stops the line quietly.
func (rt *Runtime) methodError(err error, ext syntax.Extent, name string, n int) error {
	switch err.(type) {
	case *stopSignal, *flow.Break, *flow.Continue, *ExitSignal:
		// flow control (break, continue, exit) leaves a method as it
		// leaves a function: break and continue for the loop around the
		// call; it is not a method's exception
		return err
	}
	return members.CallError(err, ext, name, n)
}
