package params

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/validate"
)

// The parameters a script declares in a param() block: reading a
// declaration's type constraint and attributes into a Param, and binding
// an argument to it in PowerShell's order.

// Interp is the interpreter as the declarations of a param() block see
// it: the session of the validation attributes, and what reading and
// binding a declaration needs besides.
type Interp interface {
	validate.Session
	// EvalExpr evaluates an attribute's argument in the current scope.
	EvalExpr(e syntax.Expr) (any, error)
	// ResolveType finds the type a constraint names, as a type literal
	// does: its full and short name, and whether it is an array type.
	ResolveType(name string) (fullName, shortName string, array, ok bool)
	// ScriptBlock is the value of a script block written as an
	// attribute's argument ([ValidateScript({...})]).
	ScriptBlock(b *syntax.ScriptBlock) any
	// Switch is a SwitchParameter value; IsSwitch reports one.
	Switch(on bool) any
	IsSwitch(v any) bool
}

// Script is what a parameter declared in a param() block adds to its
// Param (Param.Script): the type constraint as written, the validation
// attributes and the [Allow...()] attributes that relax the mandatory
// checks.
type Script struct {
	// Decl is the declaration as written.
	Decl *syntax.Parameter
	// TypeName is the last type constraint ("" when none) and Declared
	// the binder type it declares (Param.Type may instead list a
	// ValidateSet's values for completion).
	TypeName string
	Declared *Type
	// advanced is set for parameters of advanced functions and scripts
	// ([CmdletBinding()] or any [Parameter()]).
	advanced   bool
	validators []validate.Validator
	// allowNull, allowEmptyString and allowEmptyCollection come from
	// [AllowNull()], [AllowEmptyString()] and [AllowEmptyCollection()].
	allowNull, allowEmptyString, allowEmptyCollection bool
	// psTypeName is [PSTypeName('Name')]: an argument must list that
	// name among its type names.
	psTypeName string
	// HelpMessage is [Parameter(HelpMessage=...)], shown when a prompt
	// for the parameter is answered with "!?".
	HelpMessage string
	// attrs are the attribute objects of its variable (AttributeObjects).
	attrs []any
}

// Validates reports whether the parameter has validation attributes.
func (sp *Script) Validates() bool { return len(sp.validators) > 0 }

// Passes reports whether v passes the parameter's validation attributes:
// its variable keeps them, so a value assigned to it later is checked.
func (sp *Script) Passes(in Interp, v any) bool {
	for _, check := range sp.validators {
		if msg, err := check(in, v); msg != "" || err != nil {
			return false
		}
	}
	return true
}

// ScriptOf is the param() block's note on p, or nil for a parameter a
// command declares in Go.
func ScriptOf(p *Param) *Script {
	sp, _ := p.Script.(*Script)
	return sp
}

// Declare turns one declared parameter into the binder's Param, reading
// its [Parameter()], [Alias()], [Allow...()] and validation attributes.
// advanced is set for an advanced function or script.
func Declare(in Interp, p *syntax.Parameter, advanced bool) (*Param, error) {
	sp := &Script{Decl: p, advanced: advanced}
	decl := &Param{Name: p.Name, Type: TObject, Script: sp}
	if len(p.Types) > 0 {
		tn := p.Types[len(p.Types)-1]
		sp.TypeName = tn.Name
		t, err := constraintType(in, tn)
		if err != nil {
			return nil, err
		}
		decl.Type = t
	}
	var sets []SetInfo
	for _, a := range p.Attributes {
		switch strings.ToLower(a.Name) {
		case "parameter":
			si := SetInfo{Set: AllSets, Position: -1}
			for _, na := range a.Named {
				var val any = true
				if na.Value != nil {
					v, err := in.EvalExpr(na.Value)
					if err != nil {
						return nil, err
					}
					val = v
				}
				switch strings.ToLower(na.Name) {
				case "mandatory":
					si.Mandatory = object.ToBool(val)
				case "position":
					if n, ok := numeric.ToNumber(val); ok {
						si.Position = int(numeric.Int64(n))
					}
				case "valuefrompipeline":
					si.FromPipeline = object.ToBool(val)
				case "valuefrompipelinebypropertyname":
					si.FromPipelineByName = object.ToBool(val)
				case "valuefromremainingarguments":
					decl.Remaining = object.ToBool(val)
				case "parametersetname":
					si.Set = in.Text(val)
				case "helpmessage":
					decl.Help = in.Text(val)
					sp.HelpMessage = decl.Help
				case "dontshow":
					decl.DontShow = object.ToBool(val)
				}
			}
			sets = append(sets, si)
		case "alias":
			for _, e := range a.Positional {
				v, err := in.EvalExpr(e)
				if err != nil {
					return nil, err
				}
				if items, ok := object.Elements(v); ok {
					for _, it := range items {
						decl.Aliases = append(decl.Aliases, in.Text(it))
					}
				} else {
					decl.Aliases = append(decl.Aliases, in.Text(v))
				}
			}
		case "allownull":
			sp.allowNull = true
		case "allowemptystring":
			sp.allowEmptyString = true
		case "allowemptycollection":
			sp.allowEmptyCollection = true
		case "pstypename", "pstypenameattribute":
			if len(a.Positional) > 0 {
				v, err := in.EvalExpr(a.Positional[0])
				if err != nil {
					return nil, err
				}
				sp.psTypeName = in.Text(v)
			}
		default:
			if _, ok := AttributeType(a.Name, nil, func(name string) (string, bool) {
				full, _, _, ok := in.ResolveType(name)
				return full, ok
			}); !ok {
				return nil, AttributeNotFound(a)
			}
			v, err := Validator(in, a)
			if err != nil {
				return nil, err
			}
			if v != nil {
				sp.validators = append(sp.validators, v)
			}
			if strings.EqualFold(a.Name, "ValidateNotNullOrEmpty") {
				decl.ValidateNotNullOrEmpty = true
			}
		}
	}
	// PowerShell runs the validation attributes last-written first.
	for i, j := 0, len(sp.validators)-1; i < j; i, j = i+1, j-1 {
		sp.validators[i], sp.validators[j] = sp.validators[j], sp.validators[i]
	}
	sp.Declared = decl.Type
	if values := setValues(p); len(values) > 0 && decl.Type.Kind != KindSwitch && decl.Type.Kind != KindBool {
		// a ValidateSet's values complete on the command line
		t := *decl.Type
		t.Kind, t.Values = KindEnum, values
		decl.Type = &t
	}
	if len(sets) == 0 {
		sets = []SetInfo{{Set: AllSets, Position: -1}}
	}
	decl.Sets = sets
	if p.Default != nil {
		decl.Default = p.Default.Span().Text()
	}
	return decl, nil
}

// setValues are the constant values of a parameter's [ValidateSet()].
func setValues(p *syntax.Parameter) []string {
	var out []string
	for _, a := range p.Attributes {
		if !strings.EqualFold(a.Name, "ValidateSet") {
			continue
		}
		for _, e := range a.Positional {
			switch x := e.(type) {
			case *syntax.StringConstExpr:
				out = append(out, x.Value)
			case *syntax.ConstantExpr:
				out = append(out, object.ToInvariantString(x.Value))
			}
		}
	}
	return out
}

// constraintType is the binder type of a parameter's type constraint:
// the kinds the binder treats specially (switches, booleans, strings,
// arrays) keep their kind; every other type converts through the type
// system when bound.
func constraintType(in Interp, tn *syntax.TypeName) (*Type, error) {
	name := strings.ToLower(strings.TrimSpace(tn.Name))
	switch name {
	case "switch", "switchparameter", "system.management.automation.switchparameter":
		return TSwitch, nil
	case "bool", "boolean", "system.boolean":
		return TBool, nil
	case "string", "system.string":
		return TString, nil
	case "ref":
		return &Type{Kind: KindObject, Name: "PSReference", FullName: "System.Management.Automation.PSReference"}, nil
	}
	fullName, shortName, array, ok := in.ResolveType(tn.Name)
	if !ok {
		return nil, pserror.InvalidOperation(tn.Ext, "Unable to find type ["+tn.Name+"].", "TypeNotFound")
	}
	t := &Type{Kind: KindObject, Name: shortName, FullName: fullName, Array: array}
	switch fullName {
	case "System.Int32":
		t.Kind = KindInt
	case "System.Int64":
		t.Kind = KindLong
	case "System.Double":
		t.Kind = KindDouble
	case "System.DateTime":
		t.Kind = KindDateTime
	case "System.TimeSpan":
		t.Kind = KindTimeSpan
	case "System.Guid":
		t.Kind = KindGuid
	case "System.Collections.Hashtable":
		t.Kind = KindHashtable
	case "System.Management.Automation.ScriptBlock":
		t.Kind = KindScriptBlock
	case "System.Security.SecureString":
		t.Kind = KindSecureString
	case "System.Management.Automation.PSCredential":
		t.Kind = KindCredential
	case "System.String[]":
		t.Kind = KindString
	case "System.Array", "System.Object[]":
		t.Array = true
	}
	return t, nil
}

// attributeArgs evaluates an attribute's arguments in the current scope:
// the positional ones in order (a script block as a block, not run) and
// the named ones by lower-case name (a name alone is $true).
func attributeArgs(in Interp, a *syntax.Attribute) ([]any, map[string]any, error) {
	args := make([]any, 0, len(a.Positional))
	for _, e := range a.Positional {
		if sbe, ok := e.(*syntax.ScriptBlockExpr); ok {
			args = append(args, in.ScriptBlock(sbe.Block))
			continue
		}
		v, err := in.EvalExpr(e)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, v)
	}
	named := map[string]any{}
	for _, na := range a.Named {
		var v any = true
		if na.Value != nil {
			x, err := in.EvalExpr(na.Value)
			if err != nil {
				return nil, nil, err
			}
			v = x
		}
		named[strings.ToLower(na.Name)] = v
	}
	return args, named, nil
}

// Validator builds the check of one validation attribute (shell/validate),
// its arguments evaluated in the current scope; attributes that do not
// validate give nil.
func Validator(in Interp, a *syntax.Attribute) (validate.Validator, error) {
	args, named, err := attributeArgs(in, a)
	if err != nil {
		return nil, err
	}
	check, err := validate.New(in, validate.Attribute{Name: a.Name, Args: args, Named: named})
	var pe *validate.PatternError
	if errors.As(err, &pe) {
		return nil, pserror.InvalidOperation(a.Ext, pe.Error(), "ValidatePatternInvalid")
	}
	return check, err
}

// BindScript binds an argument to a parameter declared in a param()
// block, in PowerShell's order: the type constraint converts it
// (booleans and switches accept only booleans and numbers; an advanced
// function's [string] refuses an array), the validation attributes check
// it, then a mandatory parameter refuses $null, "" and an empty array
// unless allowed. A refusal is a Failure; err is an error a validation
// script raised.
func BindScript(in Interp, p *Param, v any) (out any, f *Failure, err error) {
	sp := ScriptOf(p)
	transform := func(msg string) *Failure {
		return &Failure{fmt.Sprintf("Cannot process argument transformation on parameter '%s'. %s", p.Name, msg), "ParameterArgumentTransformationError", object.InvalidData}
	}
	if sp.TypeName != "" {
		switch sp.Declared.Kind {
		case KindSwitch, KindBool:
			if !sp.Declared.Array {
				if msg := boolArgCheck(in, v, sp.Declared); msg != "" {
					return nil, transform(msg), nil
				}
				v = object.ToBool(v)
				if sp.Declared.Kind == KindSwitch {
					v = in.Switch(v.(bool))
				}
			}
		case KindString:
			if !sp.Declared.Array && sp.advanced {
				if _, isList := object.Elements(v); isList {
					return nil, transform("Cannot convert value to type System.String."), nil
				}
			}
		}
		if sp.Declared.Kind != KindSwitch && sp.Declared.Kind != KindBool && sp.Declared.FullName != "System.Management.Automation.PSReference" {
			cv, err := in.ConvertTo(v, sp.TypeName)
			if err != nil {
				return nil, transform(err.Error()), nil
			}
			v = cv
		}
	}
	if sp.psTypeName != "" && v != nil && !hasTypeName(v, sp.psTypeName) {
		return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s', because PSTypeNames of the argument do not match the PSTypeName required by the parameter: %s.", p.Name, sp.psTypeName), "MismatchedPSTypeName", object.InvalidArgument}, nil
	}
	for _, check := range sp.validators {
		msg, err := check(in, v)
		if err != nil {
			return nil, nil, err
		}
		if msg != "" {
			return nil, &Failure{fmt.Sprintf("Cannot validate argument on parameter '%s'. %s", p.Name, msg), "ParameterArgumentValidationError", object.InvalidData}, nil
		}
	}
	if p.IsMandatory() {
		switch x := v.(type) {
		case nil:
			if !sp.allowNull {
				return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s' because it is null.", p.Name), "ParameterArgumentValidationErrorNullNotAllowed", object.InvalidData}, nil
			}
		case string:
			if x == "" && sp.Declared.Kind == KindString && !sp.Declared.Array && !sp.allowEmptyString {
				return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", p.Name), "ParameterArgumentValidationErrorEmptyStringNotAllowed", object.InvalidData}, nil
			}
		case []any:
			if sp.Declared.Array && len(x) == 0 && !sp.allowEmptyCollection {
				return nil, &Failure{fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty array.", p.Name), "ParameterArgumentValidationErrorEmptyArrayNotAllowed", object.InvalidData}, nil
			}
		}
	}
	return v, nil, nil
}

// boolArgCheck is the rule for [bool] and [switch] parameters: only
// booleans, switches and numbers convert; "" when v is acceptable.
func boolArgCheck(in Interp, v any, t *Type) string {
	switch v.(type) {
	case bool, int, int64, float64, object.Decimal, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		return ""
	case nil:
		if t.Kind == KindSwitch {
			return ""
		}
		return fmt.Sprintf("Cannot convert value \"\" to type \"%s\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", t.FullName)
	}
	if in.IsSwitch(v) || object.IsNumeric(v) {
		return ""
	}
	return fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", object.TypeName(v), t.FullName)
}

// hasTypeName reports whether name (without regard to case) is one of
// v's type names.
func hasTypeName(v any, name string) bool {
	for _, n := range object.TypeNames(v) {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}
