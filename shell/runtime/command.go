package runtime

import (
	"strings"
)

// CommandType is Get-Command's CommandType.
type CommandType int

// Command types.
const (
	// CmdletCommand is a compiled cmdlet (PowerShell's own utility cmdlets).
	CmdletCommand CommandType = iota
	// FunctionCommand is a function: script functions, and the Exchange
	// Online module's proxy functions (which is what EXO cmdlets are).
	FunctionCommand
	// AliasCommand is an alias.
	AliasCommand
)

func (t CommandType) String() string {
	switch t {
	case FunctionCommand:
		return "Function"
	case AliasCommand:
		return "Alias"
	}
	return "Cmdlet"
}

// Impact is a ConfirmImpact level.
type Impact int

// Confirm impact levels.
const (
	ImpactNone Impact = iota
	ImpactLow
	ImpactMedium
	ImpactHigh
)

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

// single reports whether t takes one value the way a string does.
func (t *Type) single() bool {
	return t.Kind == KindString || t.Kind == KindEnum || t.Kind == KindCustom && t.Custom != nil && t.Custom.Single
}

// whole reports whether t takes its argument whole, a list included.
func (t *Type) whole() bool {
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

	// script is set for parameters declared in a param() block.
	script *scriptParam
}

// InSet returns the parameter's SetInfo for a set, if it belongs to it.
func (p *Param) InSet(set string) (SetInfo, bool) {
	for _, s := range p.Sets {
		if s.Set == AllSets || strings.EqualFold(s.Set, set) {
			return s, true
		}
	}
	return SetInfo{}, false
}

// IsSwitch reports whether the parameter is a switch.
func (p *Param) IsSwitch() bool { return p.Type != nil && p.Type.Kind == KindSwitch }

// Example is one Get-Help example.
type Example struct {
	Code   string
	Remark string
}

// Handler is the code behind a cmdlet. Begin and End are optional. Process
// runs once per pipeline input object, or once with no input when the
// command is first in its pipeline.
type Handler struct {
	Begin   func(c *Context) error
	Process func(c *Context) error
	End     func(c *Context) error
}

// Command is a cmdlet declaration: the one source of truth that the binder,
// Get-Command, Get-Help, tab completion and the linter read.
type Command struct {
	Name    string
	Type    CommandType
	Module  string
	Version string
	// Sets lists the parameter-set names in order; empty means a single
	// unnamed set.
	Sets       []string
	DefaultSet string
	Params     []*Param
	// SupportsShouldProcess adds -WhatIf and -Confirm.
	SupportsShouldProcess bool
	ConfirmImpact         Impact
	// FullTypeName is the suffix of FullyQualifiedErrorId for compiled
	// cmdlets (Microsoft.PowerShell.Commands.GetDateCommand).
	FullTypeName string
	// OutputType names the objects the command writes (help).
	OutputType  string
	Synopsis    string
	Description string
	Examples    []Example
	// Remote marks cmdlets of an implicit-remoting session: their
	// confirmation prompt has no [S] Suspend choice.
	Remote bool
	// Retired marks commands that still exist but can no longer be used;
	// it says what to use instead (the linter reports them).
	Retired string
	// Ext is what the application keeps with the command; the shell
	// never reads it.
	Ext any
	// NotSimulated marks a real command the session declares but does not
	// model: a call binds its parameters, then fails saying so (the linter
	// notes it under --strict).
	NotSimulated bool
	// TestDouble marks a command a test framework runs in place of
	// another of the same name (a mock): invocation hooks do not observe
	// it, so a mocked call is not taken for a call of the real command.
	TestDouble bool
	// AcceptsAnyArguments binds as a function without a param() block:
	// arguments that name no parameter, and positional ones no parameter
	// takes, go to Context.Args instead of failing.
	AcceptsAnyArguments bool
	// Visible, when set, decides per session whether the command exists
	// (connection state, roles).
	Visible func(rt *Runtime) bool
	Handler Handler
	// Load, when set, completes the declaration (sets, parameters) the
	// first time a session resolves the command: a command declared from
	// a large table is registered by name and built only when used.
	Load func(c *Command)

	paramIndex map[string]*Param
	// positional lists, once worked out, the parameters that have a
	// position in some set (binder.go).
	positional []positionalParam
	// keys are the lower-case names of Params, once worked out.
	keys []string
	// lazy is set on the stand-in of a command declared lazily (lazy.go).
	lazy *lazyGroup
}

// load completes a lazily declared command (see Load).
func (c *Command) load() {
	if c.Load != nil {
		l := c.Load
		c.Load = nil
		l(c)
	}
}

// paramKeys returns the binding keys (lower-case names) of c.Params, in
// the same order.
func (c *Command) paramKeys() []string {
	if len(c.keys) != len(c.Params) {
		keys := make([]string, len(c.Params))
		for i, p := range c.Params {
			keys[i] = strings.ToLower(p.Name)
		}
		c.keys = keys
	}
	return c.keys
}

// Verb returns the part before the dash.
func (c *Command) Verb() string {
	if i := strings.IndexByte(c.Name, '-'); i > 0 {
		return c.Name[:i]
	}
	return ""
}

// Noun returns the part after the dash.
func (c *Command) Noun() string {
	if i := strings.IndexByte(c.Name, '-'); i > 0 {
		return c.Name[i+1:]
	}
	return c.Name
}

// Param returns the declared (non-common) parameter with this exact name.
func (c *Command) Param(name string) *Param {
	if c.paramIndex == nil {
		c.paramIndex = make(map[string]*Param, len(c.Params))
		for _, p := range c.Params {
			c.paramIndex[strings.ToLower(p.Name)] = p
		}
	}
	return c.paramIndex[strings.ToLower(name)]
}

// SetNames returns the command's parameter sets (one unnamed set when none
// are declared).
func (c *Command) SetNames() []string {
	if len(c.Sets) == 0 {
		return []string{AllSets}
	}
	return c.Sets
}

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
func FromPipeline() ParamOpt {
	return func(p *Param) {
		for i := range p.Sets {
			p.Sets[i].FromPipeline = true
		}
	}
}

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
