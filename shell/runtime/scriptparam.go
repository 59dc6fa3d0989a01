package runtime

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// scriptParam is what a parameter declared in a param() block adds to its
// Param: the type constraint as written, the validation attributes and
// the [Allow...()] attributes that relax the mandatory checks.
type scriptParam struct {
	decl *syntax.Parameter
	// typeName is the last type constraint ("" when none) and typ the
	// binder type it declares (Param.Type may instead list a
	// ValidateSet's values for completion).
	typeName string
	typ      *params.Type
	// advanced is set for parameters of advanced functions and scripts
	// ([CmdletBinding()] or any [Parameter()]).
	advanced   bool
	validators []validate.Validator
	// allowNull, allowEmptyString and allowEmptyCollection come from
	// [AllowNull()], [AllowEmptyString()] and [AllowEmptyCollection()].
	allowNull, allowEmptyString, allowEmptyCollection bool
	// helpMessage is [Parameter(HelpMessage=...)], shown when a prompt
	// for the parameter is answered with "!?".
	helpMessage string
}

// validatorFor builds the check of one validation attribute
// (shell/validate), its arguments evaluated here; attributes that do not
// validate give nil.
func (rt *Runtime) validatorFor(a *syntax.Attribute) (validate.Validator, error) {
	args := make([]any, 0, len(a.Positional))
	for _, e := range a.Positional {
		if sbe, ok := e.(*syntax.ScriptBlockExpr); ok {
			args = append(args, &automation.ScriptBlock{AST: sbe.Block})
			continue
		}
		v, err := rt.evalExpr(e)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	named := map[string]any{}
	for _, na := range a.Named {
		var v any = true
		if na.Value != nil {
			x, err := rt.evalExpr(na.Value)
			if err != nil {
				return nil, err
			}
			v = x
		}
		named[strings.ToLower(na.Name)] = v
	}
	check, err := validate.New(validation{rt}, validate.Attribute{Name: a.Name, Args: args, Named: named})
	var pe *validate.PatternError
	if errors.As(err, &pe) {
		return nil, invalidOperation(a.Ext, pe.Error(), "ValidatePatternInvalid")
	}
	return check, err
}

// validation is the session as the validation attributes see it.
type validation struct{ rt *Runtime }

func (v validation) Text(x any) string { return v.rt.toStr(x) }

func (v validation) ConvertTo(x any, typeName string) (any, error) {
	return v.rt.ConvertTo(x, typeName)
}

func (v validation) Compare(a, b any) (int, error) { return v.rt.compareValues(a, b, false) }

func (v validation) Regex(pattern string) (*regexp.Regexp, error) {
	return v.rt.compileRegex(pattern, false)
}

func (v validation) Script(x any) (validate.Script, bool) {
	sb, ok := x.(*automation.ScriptBlock)
	return sb, ok
}

func (v validation) RunScript(sb validate.Script, el any) (any, error) {
	return v.rt.runValidationScript(sb.(*automation.ScriptBlock), el)
}

// runValidationScript runs a [ValidateScript()] block in a new scope with
// $_ set to the element.
func (rt *Runtime) runValidationScript(sb *automation.ScriptBlock, el any) (any, error) {
	saved := rt.scope
	rt.scope = newScope(saved)
	defer func() { rt.scope = saved }()
	return rt.invokeScriptBlockValue(sb, el, []any{})
}

// convertScriptArg binds an argument to a parameter declared in a
// param() block, in PowerShell's order: the type constraint converts it
// (booleans and switches accept only booleans and numbers; an advanced
// function's [string] refuses an array), the validation attributes check
// it, then a mandatory parameter refuses $null, "" and an empty array
// unless allowed.
func (rt *Runtime) convertScriptArg(cmd *Command, invName string, p *params.Param, v any, ext syntax.Extent) (any, error) {
	sp, _ := p.Script.(*scriptParam)
	v = params.ArgValue(v)
	if _, ok := v.(voidValue); ok {
		v = nil
	}
	transform := func(msg string) error {
		return rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. %s", p.Name, msg), "ParameterArgumentTransformationError", object.InvalidData)
	}
	if sp.typeName != "" {
		switch sp.typ.Kind {
		case params.KindSwitch, params.KindBool:
			if !sp.typ.Array {
				if msg := boolArgCheck(v, sp.typ); msg != "" {
					return nil, transform(msg)
				}
				v = object.ToBool(v)
				if sp.typ.Kind == params.KindSwitch {
					v = Switch(v.(bool))
				}
			}
		case params.KindString:
			if !sp.typ.Array && sp.advanced {
				if _, isList := enumerateForCompare(v); isList {
					return nil, transform("Cannot convert value to type System.String.")
				}
			}
		}
		if sp.typ.Kind != params.KindSwitch && sp.typ.Kind != params.KindBool && sp.typ.FullName != "System.Management.Automation.PSReference" {
			cv, err := rt.ConvertTo(v, sp.typeName)
			if err != nil {
				return nil, transform(err.Error())
			}
			v = cv
		}
	}
	for _, check := range sp.validators {
		msg, err := check(validation{rt}, v)
		if err != nil {
			return nil, err
		}
		if msg != "" {
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot validate argument on parameter '%s'. %s", p.Name, msg), "ParameterArgumentValidationError", object.InvalidData)
		}
	}
	if p.IsMandatory() {
		switch x := v.(type) {
		case nil:
			if !sp.allowNull {
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is null.", p.Name), "ParameterArgumentValidationErrorNullNotAllowed", object.InvalidData)
			}
		case string:
			if x == "" && sp.typ.Kind == params.KindString && !sp.typ.Array && !sp.allowEmptyString {
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", p.Name), "ParameterArgumentValidationErrorEmptyStringNotAllowed", object.InvalidData)
			}
		case []any:
			if sp.typ.Array && len(x) == 0 && !sp.allowEmptyCollection {
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty array.", p.Name), "ParameterArgumentValidationErrorEmptyArrayNotAllowed", object.InvalidData)
			}
		}
	}
	return v, nil
}

// boolArgCheck is the rule for [bool] and [switch] parameters: only
// booleans, switches and numbers convert; "" when v is acceptable.
func boolArgCheck(v any, t *params.Type) string {
	switch v.(type) {
	case bool, Switch, int, int64, float64, object.Decimal:
		return ""
	case nil:
		if t.Kind == params.KindSwitch {
			return ""
		}
		return fmt.Sprintf("Cannot convert value \"\" to type \"%s\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", t.FullName)
	}
	if object.IsNumeric(v) {
		return ""
	}
	return fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", object.TypeName(v), t.FullName)
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
