package params

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

const sma = "System.Management.Automation."

// attributeTypes are the full names of the attribute types a script may
// write on a parameter or variable: PowerShell's own (their type
// accelerators name them without namespace and suffix) and the .NET
// attributes scripts use (SuppressMessage for the script analyzer,
// Obsolete, DebuggerHidden). A slice literal: declaring it runs no code.
var attributeTypes = []string{
	sma + "ValidateRangeAttribute",
	sma + "ValidateSetAttribute",
	sma + "ValidateLengthAttribute",
	sma + "ValidateCountAttribute",
	sma + "ValidatePatternAttribute",
	sma + "ValidateScriptAttribute",
	sma + "ValidateNotNullAttribute",
	sma + "ValidateNotNullOrEmptyAttribute",
	sma + "ValidateNotNullOrWhiteSpaceAttribute",
	sma + "ValidateTrustedDataAttribute",
	sma + "ValidateDriveAttribute",
	sma + "ValidateUserDriveAttribute",
	sma + "AllowNullAttribute",
	sma + "AllowEmptyStringAttribute",
	sma + "AllowEmptyCollectionAttribute",
	sma + "ParameterAttribute",
	sma + "AliasAttribute",
	sma + "CmdletBindingAttribute",
	sma + "OutputTypeAttribute",
	sma + "ArgumentCompleterAttribute",
	sma + "ArgumentCompletionsAttribute",
	sma + "PSDefaultValueAttribute",
	sma + "SupportsWildcardsAttribute",
	sma + "PSTypeNameAttribute",
	sma + "CredentialAttribute",
	sma + "ExperimentalAttribute",
	sma + "NoRunspaceAffinityAttribute",
	sma + "HiddenAttribute",
	sma + "DscResourceAttribute",
	sma + "DscPropertyAttribute",
	sma + "DscLocalConfigurationManagerAttribute",
	"System.ObsoleteAttribute",
	"System.FlagsAttribute",
	"System.SerializableAttribute",
	"System.Diagnostics.DebuggerHiddenAttribute",
	"System.Diagnostics.DebuggerStepThroughAttribute",
	"System.Diagnostics.DebuggerNonUserCodeAttribute",
	"System.Diagnostics.CodeAnalysis.SuppressMessageAttribute",
	"System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute",
	"System.ComponentModel.DescriptionAttribute",
}

// acceleratedAttributes are the attribute types PowerShell's type
// accelerators name without namespace and suffix ([ValidateRange()],
// [Parameter()]), by lower-case name.
var acceleratedAttributes = []string{
	"alias", "allowemptycollection", "allowemptystring", "allownull", "argumentcompleter", "argumentcompletions",
	"cmdletbinding", "dsclocalconfigurationmanager", "dscproperty", "dscresource", "experimental", "norunspaceaffinity",
	"outputtype", "parameter", "psdefaultvalue", "supportswildcards", "validatecount", "validatedrive", "validatelength",
	"validatenotnull", "validatenotnullorempty", "validatenotnullorwhitespace", "validatepattern", "validaterange",
	"validatescript", "validateset", "validatetrusteddata", "validateuserdrive",
}

// AttributeType resolves the type an attribute names as PowerShell does:
// the name with "Attribute" appended, then the name itself, each as a
// full name, in the System namespace, or through a type accelerator;
// namespaces are the script's using namespaces. resolve finds a type the
// session defines (a script class). ok is false for no type.
func AttributeType(name string, namespaces []string, resolve func(name string) (string, bool)) (fullName string, ok bool) {
	for _, n := range []string{name + "Attribute", name} {
		l := strings.ToLower(n)
		for _, prefix := range append([]string{"", "system."}, lowerDotted(namespaces)...) {
			for _, full := range attributeTypes {
				if strings.EqualFold(full, prefix+l) {
					return full, true
				}
			}
		}
		for _, a := range acceleratedAttributes {
			if l == a {
				return sma + n + "Attribute", true
			}
			if l == a+"attribute" {
				return sma + n, true
			}
		}
		if resolve != nil {
			if full, ok := resolve(n); ok {
				return full, true
			}
		}
	}
	return "", false
}

// lowerDotted are namespaces as prefixes of a lower-case full name.
func lowerDotted(namespaces []string) []string {
	out := make([]string, len(namespaces))
	for i, ns := range namespaces {
		out[i] = strings.ToLower(ns) + "."
	}
	return out
}

// AttributeNotFound is the error of an attribute whose type does not
// resolve (CustomAttributeTypeNotFound), at the attribute.
func AttributeNotFound(a *syntax.Attribute) error {
	return pserror.InvalidOperation(a.Ext, fmt.Sprintf("Cannot find the type for custom attribute '%s'. Make sure that the assembly that contains this type is loaded.", a.Name), "CustomAttributeTypeNotFound")
}

// TypeConstraintObject is the attribute object of a type constraint
// ([int]$x) in a variable's or parameter's Attributes.
func TypeConstraintObject() *object.PSObject {
	o := object.NewObject(sma+"ArgumentTypeConverterAttribute", sma+"ArgumentTransformationAttribute", sma+"CmdletMetadataAttribute", "System.Attribute", "System.Object")
	o.AddTyped("TransformNullOptionalParameters", "bool", true)
	o.AddTyped("TypeId", "System.Object", sma+"ArgumentTypeConverterAttribute")
	return o
}

// AttributeObject is the object of an attribute written on a variable or
// parameter, fullName its type: the public properties of PowerShell's
// validation attributes, from the attribute's arguments evaluated in the
// current scope, then TypeId.
func AttributeObject(in Interp, a *syntax.Attribute, fullName string) (*object.PSObject, error) {
	args, named, err := attributeArgs(in, a)
	if err != nil {
		return nil, err
	}
	arg := func(i int) any {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	short := fullName[strings.LastIndex(fullName, ".")+1:]
	o := object.NewObject(fullName, "System.Attribute", "System.Object")
	switch short {
	case "ParameterAttribute":
		return parameterObject(in, named), nil
	case "ValidateRangeAttribute":
		min, max := arg(0), arg(1)
		if len(args) == 1 {
			min, max = nil, nil // a ValidateRangeKind
		}
		o.AddTyped("MinRange", "System.Object", min)
		o.AddTyped("MaxRange", "System.Object", max)
	case "ValidateLengthAttribute", "ValidateCountAttribute":
		o.AddTyped("MinLength", "int", arg(0))
		o.AddTyped("MaxLength", "int", arg(1))
	case "ValidatePatternAttribute":
		o.AddTyped("RegexPattern", "string", in.Text(arg(0)))
		o.AddTyped("Options", "System.Text.RegularExpressions.RegexOptions", object.Enum{Type: "System.Text.RegularExpressions.RegexOptions", Name: "IgnoreCase", Value: 1})
		o.AddTyped("ErrorMessage", "string", textOrNil(in, named["errormessage"]))
	case "ValidateScriptAttribute":
		o.AddTyped("ErrorMessage", "string", textOrNil(in, named["errormessage"]))
		o.AddTyped("ScriptBlock", "scriptblock", arg(0))
	case "ValidateSetAttribute":
		values := make([]any, len(args))
		for i, v := range args {
			values[i] = in.Text(v)
		}
		ignore := true
		if v, ok := named["ignorecase"]; ok {
			ignore = object.ToBool(v)
		}
		o.AddTyped("ErrorMessage", "string", textOrNil(in, named["errormessage"]))
		o.AddTyped("IgnoreCase", "bool", ignore)
		o.AddTyped("ValidValues", "System.Collections.Generic.IList[string]", values)
	}
	o.AddTyped("TypeId", "System.Object", fullName)
	return o, nil
}

// textOrNil is a named argument's text, nil when not given.
func textOrNil(in Interp, v any) any {
	if v == nil {
		return nil
	}
	return in.Text(v)
}

// parameterObject is the object of [Parameter()] with its named
// arguments (nil for none: the attribute's defaults).
func parameterObject(in Interp, named map[string]any) *object.PSObject {
	o := object.NewObject(sma+"ParameterAttribute", sma+"ParsingBaseAttribute", sma+"CmdletMetadataAttribute", "System.Attribute", "System.Object")
	flag := func(name string) bool {
		v, ok := named[strings.ToLower(name)]
		return ok && object.ToBool(v)
	}
	position := any(-2147483648)
	if v, ok := named["position"]; ok {
		position = v
	}
	set := AllSets
	if v, ok := named["parametersetname"]; ok {
		set = in.Text(v)
	}
	o.AddTyped("ExperimentName", "string", nil)
	o.AddTyped("ExperimentAction", "System.Management.Automation.ExperimentAction", object.Enum{Type: "System.Management.Automation.ExperimentAction", Name: "None", Value: 0})
	o.AddTyped("Position", "int", position)
	o.AddTyped("ParameterSetName", "string", set)
	o.AddTyped("Mandatory", "bool", flag("Mandatory"))
	o.AddTyped("ValueFromPipeline", "bool", flag("ValueFromPipeline"))
	o.AddTyped("ValueFromPipelineByPropertyName", "bool", flag("ValueFromPipelineByPropertyName"))
	o.AddTyped("ValueFromRemainingArguments", "bool", flag("ValueFromRemainingArguments"))
	o.AddTyped("HelpMessage", "string", textOrNil(in, named["helpmessage"]))
	o.AddTyped("HelpMessageBaseName", "string", nil)
	o.AddTyped("HelpMessageResourceId", "string", nil)
	o.AddTyped("DontShow", "bool", flag("DontShow"))
	o.AddTyped("TypeId", "System.Object", sma+"ParameterAttribute")
	return o
}

// AttributeObjects are the attribute objects of the parameter's
// variable, nearest the variable first, a [Parameter()] with its defaults
// first when none is written; worked out on first use. Attributes whose
// type does not resolve are left out (their error is the declaration's).
func (sp *Script) AttributeObjects(in Interp) []any {
	if sp.attrs != nil {
		return sp.attrs
	}
	type written struct {
		at   int
		attr *syntax.Attribute
	}
	var all []written
	for _, t := range sp.Decl.Types {
		all = append(all, written{at: t.Ext.Start.Offset})
	}
	for _, a := range sp.Decl.Attributes {
		all = append(all, written{at: a.Ext.Start.Offset, attr: a})
	}
	// nearest the variable (written last) first
	sort.SliceStable(all, func(i, j int) bool { return all[i].at > all[j].at })
	out := make([]any, 0, len(all)+1)
	hasParameter := false
	for _, w := range all {
		if w.attr == nil {
			out = append(out, TypeConstraintObject())
			continue
		}
		full, ok := AttributeType(w.attr.Name, nil, func(name string) (string, bool) {
			full, _, _, ok := in.ResolveType(name)
			return full, ok
		})
		if !ok {
			continue
		}
		o, err := AttributeObject(in, w.attr, full)
		if err != nil {
			continue
		}
		hasParameter = hasParameter || full == sma+"ParameterAttribute"
		out = append(out, o)
	}
	if !hasParameter {
		out = append([]any{parameterObject(in, nil)}, out...)
	}
	sp.attrs = out
	return out
}
