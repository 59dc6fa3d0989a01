// Package params declares the parameters of commands: a parameter's
// name, aliases, .NET type and how the binder converts its argument
// (Kind), its membership in parameter sets (mandatory, position,
// pipeline input) and its validation, with the compact constructor P
// that commands are declared with. The binder, Get-Help, Get-Command,
// tab completion and the linter all read these declarations.
package params

import "strings"

// AllSets is the parameter-set name meaning "every set of the command".
const AllSets = "__AllParameterSets"

// Kind is how a parameter's argument is converted.
type Kind int

// Parameter kinds.
const (
	KindObject Kind = iota // any value, unchanged
	KindString
	KindBool
	KindSwitch
	KindInt // Int32
	KindLong
	KindDouble
	KindDateTime
	KindTimeSpan
	KindGuid
	KindSecureString
	KindCredential
	KindHashtable
	KindScriptBlock
	KindEnum // string restricted to Type.Values
	// KindCustom is a type the application defines (the shell declares
	// none): Type.Custom says how its arguments bind, and the command's
	// handler reads the value it is given.
	KindCustom
	// KindPSObject is a PSObject pipeline value.
	KindPSObject
)

// Type describes a parameter's .NET type for binding, errors, help and
// completion.
type Type struct {
	Kind Kind
	// Name is the short name shown in syntax lines ("String", "Boolean",
	// "SwitchParameter", an application type's own name).
	Name string
	// FullName is the .NET full name used in binding errors
	// ("System.String").
	FullName string
	// Array marks array/collection parameters (string[] ...).
	Array bool
	// Values are the allowed values of an enum or ValidateSet.
	Values []string
	// Custom says how the arguments of a KindCustom type bind.
	Custom *CustomKind
	// Convert, when set, converts an argument before the kind does: it
	// returns the value and true, or false to leave the argument to the
	// kind's conversion (an application type that reads a bare number
	// its own way).
	Convert func(v any) (any, bool)
	// DotNetEnum marks a .NET enum (not a ValidateSet): another value is a
	// conversion error naming the enumerator names.
	DotNetEnum bool
	// Flags marks an enum of flags ([Flags]): the argument names one or
	// more of Values separated by commas, each name matched without
	// regard to case or the spaces around it (as Enum.Parse reads it),
	// and binds as those names joined with ", " in Values' order.
	Flags bool
}

// Common parameter types.
var (
	TString       = &Type{Kind: KindString, Name: "String", FullName: "System.String"}
	TStrings      = &Type{Kind: KindString, Name: "String[]", FullName: "System.String[]", Array: true}
	TBool         = &Type{Kind: KindBool, Name: "Boolean", FullName: "System.Boolean"}
	TSwitch       = &Type{Kind: KindSwitch, Name: "SwitchParameter", FullName: "System.Management.Automation.SwitchParameter"}
	TInt          = &Type{Kind: KindInt, Name: "Int32", FullName: "System.Int32"}
	TLong         = &Type{Kind: KindLong, Name: "Int64", FullName: "System.Int64"}
	TDouble       = &Type{Kind: KindDouble, Name: "Double", FullName: "System.Double"}
	TDateTime     = &Type{Kind: KindDateTime, Name: "DateTime", FullName: "System.DateTime"}
	TTimeSpan     = &Type{Kind: KindTimeSpan, Name: "TimeSpan", FullName: "System.TimeSpan"}
	TGuid         = &Type{Kind: KindGuid, Name: "Guid", FullName: "System.Guid"}
	TSecureString = &Type{Kind: KindSecureString, Name: "SecureString", FullName: "System.Security.SecureString"}
	TCredential   = &Type{Kind: KindCredential, Name: "PSCredential", FullName: "System.Management.Automation.PSCredential"}
	THashtable    = &Type{Kind: KindHashtable, Name: "Hashtable", FullName: "System.Collections.Hashtable"}
	TScriptBlock  = &Type{Kind: KindScriptBlock, Name: "ScriptBlock", FullName: "System.Management.Automation.ScriptBlock"}
	TObject       = &Type{Kind: KindObject, Name: "Object", FullName: "System.Object"}
	TObjects      = &Type{Kind: KindObject, Name: "Object[]", FullName: "System.Object[]", Array: true}
	TPSObject     = &Type{Kind: KindPSObject, Name: "PSObject", FullName: "System.Management.Automation.PSObject"}
)

// CustomKind says how the binder takes the arguments of parameter types
// that the application defines. The application declares one CustomKind
// per family of types and tells its types apart by Type.Custom.
type CustomKind struct {
	// Name names the family (for messages and tests).
	Name string
	// Whole marks types that take their argument whole: a list stays one
	// value, and any value but a script block is already of the type.
	Whole bool
	// Single marks types that take one value: a list of several is a
	// conversion error, the empty string is refused, and a string is
	// already of the type.
	Single bool
}

// Is reports whether t is a type of the custom kind k.
func (t *Type) Is(k *CustomKind) bool { return t != nil && t.Kind == KindCustom && t.Custom == k }

// Single reports whether t takes one value the way a string does: a list
// of several is a conversion error.
func (t *Type) Single() bool {
	return t.Kind == KindString || t.Kind == KindEnum || t.Kind == KindCustom && t.Custom != nil && t.Custom.Single
}

// Whole reports whether t takes its argument whole, a list included.
func (t *Type) Whole() bool {
	return t.Kind == KindObject || t.Kind == KindPSObject || t.Kind == KindCustom && t.Custom != nil && t.Custom.Whole
}

// EnumType returns an enum type with its allowed values.
func EnumType(name, fullName string, values ...string) *Type {
	return &Type{Kind: KindEnum, Name: name, FullName: fullName, Values: values}
}

// DotNetEnumType returns a .NET enum type (System.ConsoleColor ...) whose
// values are given in their numeric order, from 0.
func DotNetEnumType(name, fullName string, values ...string) *Type {
	t := EnumType(name, fullName, values...)
	t.DotNetEnum = true
	return t
}

// SetInfo is a parameter's membership in one parameter set.
type SetInfo struct {
	Set       string // AllSets for every set
	Mandatory bool
	// Position is the positional slot (0-based order key); -1 for named only.
	Position           int
	FromPipeline       bool
	FromPipelineByName bool
}

// Param declares one parameter.
type Param struct {
	Name    string
	Aliases []string
	Type    *Type
	Sets    []SetInfo
	// Help is the one-line parameter description for Get-Help.
	Help string
	// Default describes the default value for Get-Help (text only).
	Default string
	// ValidateNotNullOrEmpty rejects $null and "" with PowerShell's text.
	ValidateNotNullOrEmpty bool
	// AllowEmpty lets a mandatory parameter take $null and "" (PowerShell's
	// [AllowNull()] and [AllowEmptyString()]).
	AllowEmpty bool
	// AllowEmptyString lets a mandatory string parameter take "" while
	// $null still fails ([AllowEmptyString()] without [AllowNull()]).
	AllowEmptyString bool
	// ValidateRange bounds numeric values when Min < Max.
	Min, Max int64
	// Wildcards says the parameter accepts wildcard characters (help).
	Wildcards bool
	// DontShow hides the parameter from help and completion.
	DontShow bool
	// Remaining collects every leftover positional argument
	// (ValueFromRemainingArguments).
	Remaining bool
	// NotSimulated marks a real parameter of a command that is otherwise
	// simulated: a call that uses it binds, then fails (lint notes it).
	NotSimulated bool

	// Script is the interpreter's note on a parameter declared in a
	// param() block (its type constraint and validation attributes); nil
	// for a parameter a command declares.
	Script any
}

// InSet returns the parameter's SetInfo for a set, if it belongs to it.
func (p *Param) InSet(set string) (SetInfo, bool) {
	for _, s := range p.Sets {
		if s.Set == AllSets || s.Set == set || strings.EqualFold(s.Set, set) {
			return s, true
		}
	}
	return SetInfo{}, false
}

// IsSwitch reports whether the parameter is a switch.
func (p *Param) IsSwitch() bool { return p.Type != nil && p.Type.Kind == KindSwitch }

// P is a compact constructor for a parameter in every set.
func P(name string, t *Type, opts ...ParamOpt) *Param {
	p := &Param{Name: name, Type: t, Sets: []SetInfo{{Set: AllSets, Position: -1}}}
	for _, o := range opts {
		o(p)
	}
	return p
}

// ParamOpt adjusts a parameter declared with P.
type ParamOpt func(*Param)

// Mandatory makes the parameter mandatory in all its sets.
func Mandatory() ParamOpt {
	return func(p *Param) {
		for i := range p.Sets {
			p.Sets[i].Mandatory = true
		}
	}
}

// Position sets the positional slot in all its sets.
func Position(n int) ParamOpt {
	return func(p *Param) {
		for i := range p.Sets {
			p.Sets[i].Position = n
		}
	}
}

// FromPipeline accepts pipeline input by value.
func FromPipeline() ParamOpt { return fromPipeline }

// fromPipeline is FromPipeline's option: a function declared here, not a
// literal, which the compiler would place after all of the package's
// functions (InputObject builds Format-List's first parameter with it).
func fromPipeline(p *Param) {
	for i := range p.Sets {
		p.Sets[i].FromPipeline = true
	}
}

// InputObject is the -InputObject parameter of the cmdlets that take the
// pipeline's objects by value (Where-Object, Format-List, Out-File ...).
func InputObject() *Param { return P("InputObject", TPSObject, FromPipeline()) }

// FromPipelineByName accepts pipeline input by property name.
func FromPipelineByName() ParamOpt {
	return func(p *Param) {
		for i := range p.Sets {
			p.Sets[i].FromPipelineByName = true
		}
	}
}

// Alias adds parameter aliases.
func Alias(names ...string) ParamOpt {
	return func(p *Param) { p.Aliases = append(p.Aliases, names...) }
}

// Help sets the parameter description.
func Help(text string) ParamOpt {
	return func(p *Param) { p.Help = text }
}

// NotNullOrEmpty adds ValidateNotNullOrEmpty.
func NotNullOrEmpty() ParamOpt {
	return func(p *Param) { p.ValidateNotNullOrEmpty = true }
}

// Range adds ValidateRange(min, max).
func Range(min, max int64) ParamOpt {
	return func(p *Param) { p.Min, p.Max = min, max }
}

// RemainingArgs makes the parameter take every leftover positional argument.
func RemainingArgs() ParamOpt {
	return func(p *Param) { p.Remaining = true }
}

// InSets replaces the parameter's set membership.
func InSets(sets ...SetInfo) ParamOpt {
	return func(p *Param) { p.Sets = sets }
}

// Set builds a SetInfo for InSets.
func Set(name string, mandatory bool, position int) SetInfo {
	return SetInfo{Set: name, Mandatory: mandatory, Position: position}
}
