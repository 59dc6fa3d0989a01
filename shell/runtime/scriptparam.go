package runtime

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
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
	typ      *Type
	// advanced is set for parameters of advanced functions and scripts
	// ([CmdletBinding()] or any [Parameter()]).
	advanced   bool
	validators []paramValidator
	// allowNull, allowEmptyString and allowEmptyCollection come from
	// [AllowNull()], [AllowEmptyString()] and [AllowEmptyCollection()].
	allowNull, allowEmptyString, allowEmptyCollection bool
	// helpMessage is [Parameter(HelpMessage=...)], shown when a prompt
	// for the parameter is answered with "!?".
	helpMessage string
}

// paramValidator checks a converted argument. It returns PowerShell's
// validation message ("" when the value passes) or an error that stops
// binding as it is (a failing ValidateScript block).
type paramValidator func(rt *Runtime, v any) (string, error)

// Validation failure texts.
const (
	msgNotNull             = "The argument is null. Provide a valid value for the argument, and then try running the command again."
	msgNotNullCollection   = "The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again."
	msgNotNullOrEmpty      = "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
	msgNotNullOrEmptyColl  = "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again."
	msgNotNullOrWhiteSpace = "The argument is null, empty, or consists of only white-space characters. Provide an argument that contains non white-space characters, and then try the command again."
	msgNotWhiteSpaceColl   = "An element of the argument collection is null, empty, or consists of only white-space characters. Supply a collection that does not contain any those values and then try the command again."
)

// validatorFor builds the check of one validation attribute; attributes
// that do not validate ([ArgumentCompleter()], [SupportsWildcards()] ...)
// give nil.
func (rt *Runtime) validatorFor(a *syntax.Attribute) (paramValidator, error) {
	args := make([]any, 0, len(a.Positional))
	for _, e := range a.Positional {
		if sbe, ok := e.(*syntax.ScriptBlockExpr); ok {
			args = append(args, &ScriptBlock{AST: sbe.Block})
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
	errorMessage := ""
	if m, ok := named["errormessage"]; ok {
		errorMessage = rt.toStr(m)
	}
	custom := func(def string, a ...any) string {
		f := def
		if errorMessage != "" {
			f = errorMessage
		}
		s, err := object.FormatComposite(f, a, func(v any) string { return rt.toStr(v) })
		if err != nil {
			return f
		}
		return s
	}
	switch strings.ToLower(a.Name) {
	case "validatenotnull":
		return func(rt *Runtime, v any) (string, error) {
			if v == nil {
				return msgNotNull, nil
			}
			if items, ok := enumerateForCompare(v); ok {
				for _, it := range items {
					if it == nil {
						return msgNotNullCollection, nil
					}
				}
			}
			return "", nil
		}, nil
	case "validatenotnullorempty", "validatenotnullorwhitespace":
		white := strings.EqualFold(a.Name, "ValidateNotNullOrWhiteSpace")
		empty := func(s string) bool {
			if white {
				return strings.TrimSpace(s) == ""
			}
			return s == ""
		}
		single, coll := msgNotNullOrEmpty, msgNotNullOrEmptyColl
		if white {
			single, coll = msgNotNullOrWhiteSpace, msgNotWhiteSpaceColl
		}
		return func(rt *Runtime, v any) (string, error) {
			switch x := v.(type) {
			case nil:
				return msgNotNullOrEmpty, nil
			case string:
				if empty(x) {
					return single, nil
				}
				return "", nil
			case *object.Hashtable:
				if x.Len() == 0 {
					return msgNotNullOrEmptyColl, nil
				}
				return "", nil
			}
			if items, ok := enumerateForCompare(v); ok {
				if len(items) == 0 {
					return msgNotNullOrEmptyColl, nil
				}
				for _, it := range items {
					if it == nil {
						return msgNotNullOrEmptyColl, nil
					}
					if s, ok := it.(string); ok && empty(s) {
						return coll, nil
					}
				}
			}
			return "", nil
		}, nil
	case "validateset":
		set := make([]string, 0, len(args))
		for _, v := range args {
			if items, ok := enumerateForCompare(v); ok {
				for _, it := range items {
					set = append(set, rt.toStr(it))
				}
				continue
			}
			set = append(set, rt.toStr(v))
		}
		ignoreCase := true
		if v, ok := named["ignorecase"]; ok {
			ignoreCase = object.ToBool(v)
		}
		return eachElement(func(rt *Runtime, el any) (string, error) {
			s := rt.toStr(el)
			for _, allowed := range set {
				if allowed == s || ignoreCase && strings.EqualFold(allowed, s) {
					return "", nil
				}
			}
			return custom("The argument \"{0}\" does not belong to the set \"{1}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", s, strings.Join(set, ",")), nil
		}), nil
	case "validaterange":
		return rt.rangeValidator(args)
	case "validatepattern":
		if len(args) == 0 {
			return nil, nil
		}
		pattern := rt.toStr(args[0])
		re, err := rt.compileRegex(pattern, false)
		if err != nil {
			return nil, invalidOperation(a.Ext, fmt.Sprintf("Cannot create the regular expression \"%s\": %s", pattern, err.Error()), "ValidatePatternInvalid")
		}
		return eachElement(func(rt *Runtime, el any) (string, error) {
			s := rt.toStr(el)
			if re.MatchString(s) {
				return "", nil
			}
			return custom("The argument \"{0}\" does not match the \"{1}\" pattern. Supply an argument that matches \"{1}\" and try the command again.", s, pattern), nil
		}), nil
	case "validatescript":
		if len(args) == 0 {
			return nil, nil
		}
		sb, ok := args[0].(*ScriptBlock)
		if !ok {
			return nil, nil
		}
		return eachElement(func(rt *Runtime, el any) (string, error) {
			v, err := rt.runValidationScript(sb, el)
			if err != nil {
				return "", err
			}
			if object.ToBool(v) {
				return "", nil
			}
			return custom("The \"{1}\" validation script for the argument with value \"{0}\" did not return a result of True. Determine why the validation script failed, and then try the command again.", rt.toStr(el), sb.Text()), nil
		}), nil
	case "validatecount":
		if len(args) < 2 {
			return nil, nil
		}
		min, max := numeric.Int64(mustNumber(args[0])), numeric.Int64(mustNumber(args[1]))
		return func(rt *Runtime, v any) (string, error) {
			n := 0
			switch x := v.(type) {
			case nil:
			case *object.Hashtable:
				n = x.Len()
			default:
				items, ok := enumerateForCompare(v)
				if !ok {
					return "The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter.", nil
				}
				n = len(items)
			}
			if min == max && int64(n) != max {
				return fmt.Sprintf("The parameter requires exactly %d value(s) - %d value(s) were provided.", max, n), nil
			}
			if int64(n) < min || int64(n) > max {
				return fmt.Sprintf("The parameter requires at least %d value(s) and no more than %d value(s) - %d value(s) were provided.", min, max, n), nil
			}
			return "", nil
		}, nil
	case "validatelength":
		if len(args) < 2 {
			return nil, nil
		}
		min, max := numeric.Int64(mustNumber(args[0])), numeric.Int64(mustNumber(args[1]))
		return eachElement(func(rt *Runtime, el any) (string, error) {
			s, ok := el.(string)
			if !ok {
				return "The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.", nil
			}
			n := int64(len([]rune(s)))
			if n < min {
				return fmt.Sprintf("The character length (%d) of the argument is too short. Specify an argument with a length that is greater than or equal to \"%d\", and then try the command again.", n, min), nil
			}
			if n > max {
				return fmt.Sprintf("The character length (%d) of the argument is too long. Specify an argument with a length that is shorter than or equal to \"%d\", and then try the command again.", n, max), nil
			}
			return "", nil
		}), nil
	}
	return nil, nil
}

func mustNumber(v any) any {
	if n, ok := numeric.ToNumber(v); ok {
		return n
	}
	return 0
}

// eachElement applies an element check to a value or to each element of
// a collection, as the enumerating validation attributes do: $null, or a
// $null element, fails before the check runs.
func eachElement(check paramValidator) paramValidator {
	return func(rt *Runtime, v any) (string, error) {
		if v == nil {
			return msgNotNullOrEmptyColl, nil
		}
		items, ok := enumerateForCompare(v)
		if !ok {
			items = []any{v}
		}
		for _, el := range items {
			if el == nil {
				return msgNotNull, nil
			}
			if msg, err := check(rt, el); msg != "" || err != nil {
				return msg, err
			}
		}
		return "", nil
	}
}

// rangeValidator is [ValidateRange(min, max)] and the named ranges
// ([ValidateRange('Positive')] ...). The argument is compared in the type
// of the bounds.
func (rt *Runtime) rangeValidator(args []any) (paramValidator, error) {
	if len(args) == 1 {
		kind := strings.ToLower(rt.toStr(args[0]))
		return eachElement(func(rt *Runtime, el any) (string, error) {
			n, ok := numeric.ToNumber(el)
			if !ok {
				return fmt.Sprintf("The argument cannot be validated because its type \"%s\" is not the same type (Int32) as the maximum and minimum limits of the parameter. Make sure the argument is of type Int32 and then try the command again.", object.ShortName(object.TypeName(el))), nil
			}
			f := numeric.Float(n)
			s := rt.toStr(el)
			switch kind {
			case "positive":
				if f <= 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not greater than zero.", s), nil
				}
			case "nonnegative":
				if f < 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not greater than or equal to zero.", s), nil
				}
			case "negative":
				if f >= 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not less than zero.", s), nil
				}
			case "nonpositive":
				if f > 0 {
					return fmt.Sprintf("The argument \"%s\" cannot be validated because its value is not less than or equal to zero.", s), nil
				}
			}
			return "", nil
		}), nil
	}
	if len(args) < 2 {
		return nil, nil
	}
	lo, hi := args[0], args[1]
	boundType := object.TypeName(lo)
	return eachElement(func(rt *Runtime, el any) (string, error) {
		cv, err := rt.ConvertTo(el, boundType)
		if err != nil {
			return fmt.Sprintf("The argument cannot be validated because its type \"%s\" is not the same type (%s) as the maximum and minimum limits of the parameter. Make sure the argument is of type %s and then try the command again.", object.ShortName(object.TypeName(el)), object.ShortName(boundType), object.ShortName(boundType)), nil
		}
		if c, err := rt.compareValues(cv, lo, false); err == nil && c < 0 {
			return fmt.Sprintf("The %s argument is less than the minimum allowed range of %s. Supply an argument that is greater than or equal to %s and then try the command again.", rt.toStr(cv), rt.toStr(lo), rt.toStr(lo)), nil
		}
		if c, err := rt.compareValues(cv, hi, false); err == nil && c > 0 {
			return fmt.Sprintf("The %s argument is greater than the maximum allowed range of %s. Supply an argument that is less than or equal to %s and then try the command again.", rt.toStr(cv), rt.toStr(hi), rt.toStr(hi)), nil
		}
		return "", nil
	}), nil
}

// runValidationScript runs a [ValidateScript()] block in a new scope with
// $_ set to the element.
func (rt *Runtime) runValidationScript(sb *ScriptBlock, el any) (any, error) {
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
func (rt *Runtime) convertScriptArg(cmd *Command, invName string, p *Param, v any, ext syntax.Extent) (any, error) {
	sp := p.script
	v = unwrapArg(v)
	if _, ok := v.(voidValue); ok {
		v = nil
	}
	transform := func(msg string) error {
		return rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. %s", p.Name, msg), "ParameterArgumentTransformationError", object.InvalidData)
	}
	if sp.typeName != "" {
		switch sp.typ.Kind {
		case KindSwitch, KindBool:
			if !sp.typ.Array {
				if msg := boolArgCheck(v, sp.typ); msg != "" {
					return nil, transform(msg)
				}
				v = object.ToBool(v)
				if sp.typ.Kind == KindSwitch {
					v = Switch(v.(bool))
				}
			}
		case KindString:
			if !sp.typ.Array && sp.advanced {
				if _, isList := enumerateForCompare(v); isList {
					return nil, transform("Cannot convert value to type System.String.")
				}
			}
		}
		if sp.typ.Kind != KindSwitch && sp.typ.Kind != KindBool && sp.typ.FullName != "System.Management.Automation.PSReference" {
			cv, err := rt.ConvertTo(v, sp.typeName)
			if err != nil {
				return nil, transform(err.Error())
			}
			v = cv
		}
	}
	for _, check := range sp.validators {
		msg, err := check(rt, v)
		if err != nil {
			return nil, err
		}
		if msg != "" {
			return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot validate argument on parameter '%s'. %s", p.Name, msg), "ParameterArgumentValidationError", object.InvalidData)
		}
	}
	if isMandatory(p) {
		switch x := v.(type) {
		case nil:
			if !sp.allowNull {
				return nil, rt.bindError(cmd, invName, ext, fmt.Sprintf("Cannot bind argument to parameter '%s' because it is null.", p.Name), "ParameterArgumentValidationErrorNullNotAllowed", object.InvalidData)
			}
		case string:
			if x == "" && sp.typ.Kind == KindString && !sp.typ.Array && !sp.allowEmptyString {
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
func boolArgCheck(v any, t *Type) string {
	switch v.(type) {
	case bool, Switch, int, int64, float64, object.Decimal:
		return ""
	case nil:
		if t.Kind == KindSwitch {
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
