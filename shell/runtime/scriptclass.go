package runtime

// The session as the script classes of shell/classes see it.

import (
	"errors"

	"github.com/exosim/exosim/shell/classes"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// classPropValue converts a value assigned to a typed property of a
// script class instance to the property's type; other objects' values
// pass unchanged.
func (rt *Runtime) classPropValue(o *object.PSObject, name string, v any) (any, error) {
	return classes.PropValue(rt.classInterp(), o, name, v)
}

// classSession is the session as shell/classes sees it.
type classSession struct{ rt *Runtime }

func (rt *Runtime) classInterp() classes.Interp { return classSession{rt} }

func (s classSession) Host() dotnet.Host                   { return s.rt }
func (s classSession) TypeOf(v any) *dotnet.TypeInfo       { return s.rt.TypeOf(v) }
func (s classSession) EvalExpr(e syntax.Expr) (any, error) { return s.rt.evalExpr(e) }
func (s classSession) ResolveType(name string) (*dotnet.TypeInfo, bool) {
	return s.rt.ResolveType(name)
}
func (s classSession) ScriptType(name string) *dotnet.TypeDef   { return s.rt.scriptTypeDef(name, 0) }
func (s classSession) InstanceType(name string) *dotnet.TypeDef { return s.rt.instanceTypeDef(name) }
func (s classSession) AddType(d *dotnet.TypeDef)                { s.rt.addScriptType(d) }
func (s classSession) Scope() any                               { return s.rt.scope }

func (s classSession) InClass(c *classes.Class, f func() (any, error)) (any, error) {
	rt := s.rt
	rt.classCtx = append(rt.classCtx, c)
	defer func() { rt.classCtx = rt.classCtx[:len(rt.classCtx)-1] }()
	// a class a module defined runs its methods in the module's scope
	if cs, ok := c.Scope.(*Scope); ok && cs.Module() != nil {
		saved := rt.scope
		rt.scope = rt.entryScope(cs.Module())
		defer func() { rt.scope = saved }()
	}
	return f()
}

func (s classSession) InScope(f func(set func(name string, v any)) (any, error)) (any, error) {
	rt := s.rt
	saved := rt.scope
	rt.scope = scope.New(saved)
	defer func() { rt.scope = saved }()
	return f(rt.scope.Set)
}

func (s classSession) ExecBody(b *syntax.StatementBlock) (any, error) {
	err := s.rt.execBlock(b, discard)
	var ret *returnSignal
	if errors.As(err, &ret) {
		return ret.value, nil
	}
	return nil, err
}

func (s classSession) CallMethod(target any, name string, args []any) (any, error) {
	return members.Call(s.rt.Members(), target, name, args)
}

func (s classSession) Validator(a *syntax.Attribute) (validate.Validator, error) {
	return params.Validator(scriptParams{validation{s.rt}}, a)
}

func (s classSession) Validation() validate.Session { return validation{s.rt} }
