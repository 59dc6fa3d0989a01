// Package assign runs the assignment statement: = and the compound
// operators (+=, -=, *=, /=, %=, ??=) onto their targets: a variable
// (in the scope its modifier names, or the environment for env:), a
// variable with a type constraint ([int]$x = ...) or with attributes
// ([ValidateRange(1, 10)][int]$x = ...), a property, an element, and a
// list of targets the value's elements are spread over ($a, $b = 1, 2).
//
// The package reaches the session through the Interp interface, which
// the runtime implements; it does not import the runtime.
package assign

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// Interp is the session as an assignment sees it.
type Interp interface {
	// Value runs a statement for its value (the right-hand side).
	Value(st syntax.Statement) (any, error)
	// Eval evaluates an expression.
	Eval(e syntax.Expr) (any, error)
	// Arith applies the arithmetic operator of a compound assignment.
	Arith(op string, left, right any) (any, error)
	// Members is the session as member access sees it.
	Members() members.Host
	// Text converts a value to text as PowerShell does ($OFS included).
	Text(v any) string
	// ConvertTo converts a value to the type a name gives.
	ConvertTo(v any, typeName string) (any, error)
	// Constrain converts a value to a variable's type constraint.
	Constrain(typeName string, v any) (any, error)
	// Binding is the session as parameter attributes see it.
	Binding() params.Interp
	// Scope is the current scope.
	Scope() *scope.Scope[*scriptcmd.Function]
	// SetEnv sets an environment variable.
	SetEnv(name, value string)
	// AttributeType resolves the type of an attribute written on a
	// variable (params.AttributeType); ok is false for none.
	AttributeType(a *syntax.Attribute) (fullName string, ok bool)
}

// Statement runs an assignment statement.
func Statement(in Interp, s *syntax.AssignmentStmt) error {
	value, err := in.Value(s.Value)
	if err != nil {
		return err
	}
	if s.Op != "=" {
		current, err := in.Eval(s.Target)
		if err != nil {
			return err
		}
		switch s.Op {
		case "??=":
			if current != nil {
				return nil
			}
		default:
			op := strings.TrimSuffix(s.Op, "=")
			value, err = in.Arith(op, current, value)
			if memlimit.IsOutOfMemory(err) {
				return pserror.OutOfMemory(s.Ext)
			}
			if me, ok := err.(*ops.MethodError); ok {
				return members.InvocationError(s.Ext, me.Exc, me.Method, 2)
			}
			if err != nil {
				// the error the operator alone raises ($a + $b)
				return ops.Failure(s.Ext, err)
			}
		}
	}
	return To(in, s.Target, value, s.Ext)
}

// To assigns value to a target expression; ext places the error of a
// target that takes no assignment.
func To(in Interp, target syntax.Expr, value any, ext syntax.Extent) error {
	switch t := target.(type) {
	case *syntax.VariableExpr:
		return Variable(in, t.Name, value, t.Ext)
	case *syntax.AttributedExpr:
		return attributed(in, t, value)
	case *syntax.ConvertExpr:
		if v, ok := t.Child.(*syntax.VariableExpr); ok {
			return typed(in, v, t.Type, value)
		}
		if onVariable(t) {
			return attributed(in, t, value)
		}
		conv, err := in.ConvertTo(value, t.Type.Name)
		if err != nil {
			return automation.CastError(err, t.Ext)
		}
		return To(in, t.Child, conv, ext)
	case *syntax.ArrayLiteralExpr:
		items, ok := object.Elements(value)
		if !ok {
			items = []any{value}
		}
		for i, el := range t.Elements {
			var v any
			switch {
			case i == len(t.Elements)-1 && len(items) > len(t.Elements):
				v = append([]any{}, items[i:]...)
			case i < len(items):
				v = items[i]
			}
			if err := To(in, el, v, ext); err != nil {
				return err
			}
		}
		return nil
	case *syntax.MemberExpr:
		obj, err := in.Eval(t.Target)
		if err != nil {
			return err
		}
		name, err := memberName(in, t.Member)
		if err != nil {
			return err
		}
		if tv, ok := obj.(*dotnet.TypeValue); ok && t.Static {
			return members.SetStatic(in.Members(), tv.Info, name, value, t.Ext)
		}
		return members.Set(in.Members(), obj, name, value, t.Ext)
	case *syntax.IndexExpr:
		obj, err := in.Eval(t.Target)
		if err != nil {
			return err
		}
		idx, err := in.Eval(t.Index)
		if err != nil {
			return err
		}
		return members.SetIndex(in.Members(), obj, idx, value, t.Ext)
	case *syntax.ParenExpr:
		if inner, ok := t.Stmt.(*syntax.Pipeline); ok && len(inner.Elements) == 1 {
			if ce, ok := inner.Elements[0].(*syntax.CommandExprElement); ok {
				return To(in, ce.Expr, value, ext)
			}
		}
	}
	return pserror.Runtime(ext, "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", "InvalidLeftHandSide", object.ParserError, "ParseException")
}

// memberName is the name of a member written as a name or as an
// expression ($o.$name).
func memberName(in Interp, m syntax.Expr) (string, error) {
	if s, ok := m.(*syntax.StringConstExpr); ok {
		return s.Value, nil
	}
	v, err := in.Eval(m)
	if err != nil {
		return "", err
	}
	return in.Text(v), nil
}

// Variable is $name = value; ext places its error.
func Variable(in Interp, name string, value any, ext syntax.Extent) error {
	return variable(in, name, value, "", ext)
}

// typed is [type]$name = value: the value is converted and the
// variable, in the scope the assignment names, takes the type as its
// constraint for later assignments.
func typed(in Interp, v *syntax.VariableExpr, tn *syntax.TypeName, value any) error {
	typeName := tn.Name
	if strings.EqualFold(typeName, "void") {
		return Variable(in, v.Name, nil, v.Ext)
	}
	if scopeName, _ := scope.Split(v.Name); scopeName == "env" {
		return variable(in, v.Name, value, typeName, v.Ext)
	}
	err := in.Scope().AssignAttributed(v.Name, value, []string{typeName}, []any{params.TypeConstraintObject()}, in.Constrain, nil)
	if typeNotFound(err) {
		return scopeError(tn.Ext, err)
	}
	return scopeError(v.Ext, err)
}

// onVariable reports whether the type constraints and attributes written
// on e lead to a variable ([int][string]$x).
func onVariable(e syntax.Expr) bool {
	for {
		switch x := e.(type) {
		case *syntax.AttributedExpr:
			e = x.Child
		case *syntax.ConvertExpr:
			e = x.Child
		case *syntax.VariableExpr:
			return true
		default:
			return false
		}
	}
}

// typeNotFound reports whether err is a type constraint naming no type.
func typeNotFound(err error) bool {
	var oe *ops.Error
	return errors.As(err, &oe) && strings.HasPrefix(oe.Msg, "Unable to find type")
}

// attributed is [ValidateRange(1, 10)][int]$x = value: the variable
// takes the attributes written on it, its type constraints included, in
// place of its own; the value, converted by each type constraint from
// the one nearest the variable out, must pass their validation. Its
// Attributes list them nearest the variable first. Attributes that do
// not validate ([AllowNull()], [CmdletBinding()]) are kept and check
// nothing, as PowerShell's are; one whose type does not resolve is the
// error CustomAttributeTypeNotFound.
func attributed(in Interp, t syntax.Expr, value any) error {
	var written []syntax.Expr // outermost first
	var e syntax.Expr = t
	for {
		switch x := e.(type) {
		case *syntax.AttributedExpr:
			written = append(written, x)
			e = x.Child
			continue
		case *syntax.ConvertExpr:
			written = append(written, x)
			e = x.Child
			continue
		}
		break
	}
	v, ok := e.(*syntax.VariableExpr)
	if !ok {
		return To(in, e, value, t.Span())
	}
	// PowerShell applies them nearest the variable first.
	b := in.Binding()
	var checks []validate.Validator
	var types []string
	var attrs []any
	for i := len(written) - 1; i >= 0; i-- {
		switch x := written[i].(type) {
		case *syntax.ConvertExpr:
			if strings.EqualFold(x.Type.Name, "void") {
				types, attrs = nil, nil
				value = nil
				continue
			}
			types = append(types, x.Type.Name)
			attrs = append(attrs, params.TypeConstraintObject())
		case *syntax.AttributedExpr:
			full, ok := in.AttributeType(x.Attribute)
			if !ok {
				return params.AttributeNotFound(x.Attribute)
			}
			obj, err := params.AttributeObject(b, x.Attribute, full)
			if err != nil {
				return err
			}
			attrs = append(attrs, obj)
			check, err := params.Validator(b, x.Attribute)
			if err != nil {
				return err
			}
			if check != nil {
				checks = append(checks, check)
			}
		}
	}
	valid := func(x any) bool {
		for _, check := range checks {
			if msg, err := check(b, x); msg != "" || err != nil {
				return false
			}
		}
		return true
	}
	if _, ok := value.(dotnet.Void); ok && len(types) == 0 {
		value = nil
	}
	if scopeName, _ := scope.Split(v.Name); scopeName == "env" {
		typeName := ""
		if len(types) > 0 {
			typeName = types[0]
		}
		return variable(in, v.Name, value, typeName, v.Ext)
	}
	return scopeError(v.Ext, in.Scope().AssignAttributed(v.Name, value, types, attrs, in.Constrain, valid))
}

// variable is an assignment to a variable (Scope.Assign) or, for an env:
// name, to the environment.
func variable(in Interp, name string, value any, typeName string, ext syntax.Extent) error {
	if scopeName, bare := scope.Split(name); scopeName == "env" {
		in.SetEnv(bare, in.Text(value))
		return nil
	}
	if _, ok := value.(dotnet.Void); ok && typeName == "" {
		value = nil
	}
	return scopeError(ext, in.Scope().Assign(name, value, typeName, in.Constrain))
}

// scopeError is the error of an assignment the scope refused, or of a
// failed conversion to the variable's type constraint, at ext.
func scopeError(ext syntax.Extent, err error) error {
	var se *scope.Error
	if errors.As(err, &se) {
		return pserror.Runtime(ext, se.Message, se.ID, se.Category, se.Exception)
	}
	if typeNotFound(err) {
		return pserror.InvalidOperation(ext, err.Error(), "TypeNotFound")
	}
	if err != nil {
		return MetadataError(ext, err)
	}
	return nil
}

// MetadataError is a failed conversion to a variable's type constraint.
func MetadataError(ext syntax.Extent, err error) error {
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return err
	}
	return pserror.Runtime(ext, err.Error(), "RuntimeException", object.MetadataError, "ArgumentTransformationMetadataException")
}
