package runtime

import (
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"strings"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// The parameters of param() blocks are declared and bound by
// shell/params (Declare, BindScript) and arguments bound by shell/binder;
// scriptParams is the interpreter as they see it.

// validation is the session as the validation attributes see it.
type validation struct{ rt *Runtime }

func (v validation) Text(x any) string { return v.rt.toStr(x) }

func (v validation) ConvertTo(x any, typeName string) (any, error) {
	return v.rt.ConvertTo(x, typeName)
}

func (v validation) Compare(a, b any) (int, error) { return v.rt.compareValues(a, b, false) }

func (v validation) Regex(pattern string) (*regexengine.Regexp, error) {
	return v.rt.compileRegex(pattern, false)
}

func (v validation) Script(x any) (validate.Script, bool) {
	sb, ok := x.(*automation.ScriptBlock)
	return sb, ok
}

func (v validation) RunScript(sb validate.Script, el any) (any, error) {
	return v.rt.runValidationScript(sb.(*automation.ScriptBlock), el)
}

// scriptParams is the interpreter as the declarations of param() blocks
// see it (params.Interp, scriptcmd.Interp).
type scriptParams struct{ validation }

func (s scriptParams) EvalExpr(e syntax.Expr) (any, error) { return s.rt.evalExpr(e) }

func (s scriptParams) ResolveType(name string) (fullName, shortName string, array, ok bool) {
	ti, ok := s.rt.ResolveType(name)
	if !ok {
		return "", "", false, false
	}
	return ti.FullName, ti.Name(), ti.Element != nil, true
}

func (s scriptParams) ScriptBlock(b *syntax.ScriptBlock) any { return s.rt.newBlock(b) }

func (s scriptParams) Switch(on bool) any { return automation.Switch(on) }

func (s scriptParams) IsSwitch(v any) bool {
	_, ok := v.(automation.Switch)
	return ok
}

func (s scriptParams) ParameterToken(text, name string) any { return s.rt.parameterToken(text, name) }

// DelayBind runs a script block argument for a pipeline object: in a new
// scope, with $_ set to it.
func (s scriptParams) DelayBind(sb *automation.ScriptBlock, v any) ([]any, error) {
	rt := s.rt
	saved := rt.scope
	rt.scope = scope.New(saved)
	defer func() { rt.scope = saved }()
	var out []any
	err := rt.invokeScriptBlock(sb, v, []any{}, func(x any) error {
		out = append(out, x)
		return nil
	})
	return out, err
}

func (s scriptParams) Constrain(typeName string, v any) (any, error) {
	return s.rt.constrain(typeName, v)
}

// binding is the session as the parameter binder and the declarations
// of script commands (shell/scriptcmd) see it.
func (rt *Runtime) binding() scriptParams { return scriptParams{validation{rt}} }

// runValidationScript runs a [ValidateScript()] block in a new scope with
// $_ set to the element.
func (rt *Runtime) runValidationScript(sb *automation.ScriptBlock, el any) (any, error) {
	saved := rt.scope
	rt.scope = scope.New(saved)
	defer func() { rt.scope = saved }()
	return rt.invokeScriptBlockValue(sb, el, []any{})
}

// constrain converts a value assigned to a type-constrained variable (a
// parameter variable or [int]$x = ...) to the constraint's type.
func (rt *Runtime) constrain(typeName string, v any) (any, error) {
	if _, ok := v.(voidValue); ok {
		v = nil
	}
	switch strings.ToLower(typeName) {
	case "ref", "object", "system.object", "psobject":
		return v, nil
	}
	return rt.ConvertTo(v, typeName)
}
