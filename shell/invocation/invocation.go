// Package invocation is what a running function, script block or script
// file knows about its own call: $MyInvocation (InvocationInfo and the
// CommandInfo of MyCommand), the preference variables an advanced
// function's common parameters set, and $PSCmdlet with its methods.
//
// The package reaches the running command through the Cmdlet interface,
// which the runtime implements; it does not import the runtime.
package invocation

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/prelude"
	"github.com/exosim/exosim/shell/pserror"
)

// schema lists $MyInvocation's properties.
var schema = lazy.Value[*object.Schema]{Build: func() *object.Schema {
	return object.NewSchema(
		[]string{"MyCommand", "BoundParameters", "UnboundArguments", "ScriptLineNumber", "OffsetInLine", "HistoryId", "ScriptName", "Line", "PSScriptRoot", "PSCommandPath", "InvocationName", "PipelinePosition", "ExpectingInput", "CommandOrigin"},
		[]string{"System.Management.Automation.CommandInfo", "System.Collections.Generic.Dictionary[string,System.Object]", "System.Collections.Generic.List[System.Object]", "int", "int", "long", "string", "string", "string", "string", "string", "int", "bool", "System.Management.Automation.CommandOrigin"},
	)
}}

// Call is what $MyInvocation reports of one invocation.
type Call struct {
	// Bound is $PSBoundParameters; Unbound the arguments no parameter
	// took.
	Bound   any
	Unbound []any
	// Position is where the command was called from (nil: nowhere).
	Position *object.Position
	// History is the number of command lines in the session history.
	History int
	// Runspace is set for a command called from the prompt or a script's
	// top level (CommandOrigin Runspace rather than Internal).
	Runspace bool
	// InvocationName is the name the command was called by;
	// PipelinePosition its place in its pipeline, from 1.
	InvocationName   string
	PipelinePosition int
	ExpectingInput   bool
}

// Info builds $MyInvocation for a call; command builds MyCommand. Its
// values are worked out when read, so a call that never reads
// $MyInvocation pays for one object.
func Info(c Call, command func() *object.PSObject) *object.PSObject {
	line, col, text, caller := 0, 0, "", ""
	if p := c.Position; p != nil {
		line, col, text, caller = p.Line, p.Col, p.LineText, p.ScriptPath
	}
	origin := "Internal"
	if c.Runspace {
		origin = "Runspace"
	}
	return object.NewLazyObject(schema.Get(), func(i int) any {
		switch i {
		case 0:
			return command()
		case 1:
			return c.Bound
		case 2:
			return c.Unbound
		case 3:
			return line
		case 4:
			return col
		case 5:
			return c.History
		case 6:
			return caller
		case 7:
			return text
		case 8:
			if caller == "" {
				return ""
			}
			return prelude.ScriptDir(caller)
		case 9:
			return caller
		case 10:
			return c.InvocationName
		case 11:
			return c.PipelinePosition
		case 12:
			return c.ExpectingInput
		}
		return object.Enum{Type: "System.Management.Automation.CommandOrigin", Name: origin, Value: map[string]int{"Runspace": 0, "Internal": 1}[origin]}
	}, "System.Management.Automation.InvocationInfo", "System.Object")
}

func commandType(name string, v int) object.Enum {
	return object.Enum{Type: "System.Management.Automation.CommandTypes", Name: name, Value: v}
}

// FunctionInfo is $MyInvocation.MyCommand of a function (a FilterInfo for
// a filter); cmdletBinding is set for an advanced function.
func FunctionInfo(name string, filter bool, body *automation.ScriptBlock, cmdletBinding bool) *object.PSObject {
	o := object.NewObject("System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo", "System.Object")
	kind := commandType("Function", 2)
	if filter {
		o = object.NewObject("System.Management.Automation.FilterInfo", "System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo", "System.Object")
		kind = commandType("Filter", 4)
	}
	o.Add("CommandType", kind)
	o.Add("Name", name)
	o.Add("Definition", body.Text())
	o.Add("ScriptBlock", body)
	o.Add("Source", "")
	o.Add("Version", "")
	o.Add("ModuleName", "")
	o.Add("CmdletBinding", cmdletBinding)
	o.ToStringFunc = func() string { return name }
	return o
}

// ExternalScriptInfo is $MyInvocation.MyCommand of a script file: named
// by its file name, with the full path as Path and Definition.
func ExternalScriptInfo(path, name string, sb *automation.ScriptBlock) *object.PSObject {
	o := object.NewObject("System.Management.Automation.ExternalScriptInfo", "System.Management.Automation.CommandInfo", "System.Object")
	o.Add("CommandType", commandType("ExternalScript", 16))
	o.Add("Name", name)
	o.Add("Path", path)
	o.Add("Definition", path)
	o.Add("Source", path)
	o.Add("ScriptBlock", sb)
	if sb != nil {
		o.Add("ScriptContents", sb.AST.Ext.Text())
	}
	o.ToStringFunc = func() string { return name }
	return o
}

// ScriptInfo is $MyInvocation.MyCommand of a script block.
func ScriptInfo(sb *automation.ScriptBlock) *object.PSObject {
	o := object.NewObject("System.Management.Automation.ScriptInfo", "System.Management.Automation.CommandInfo", "System.Object")
	o.Add("CommandType", commandType("Script", 64))
	o.Add("Name", "")
	def := ""
	if sb != nil {
		def = sb.Text()
	}
	o.Add("Definition", def)
	o.Add("ScriptBlock", sb)
	o.ToStringFunc = func() string { return def }
	return o
}

// BoundCommon is a bound common parameter as $PSBoundParameters and
// $PSCmdlet hold it, from its binding key (its name in lower case): its
// declared name, and a switch given as a SwitchParameter, not a bool.
func BoundCommon(key string, v any) (name string, value any) {
	for _, c := range params.Commons {
		if strings.ToLower(c.Name) != key {
			continue
		}
		if b, isBool := v.(bool); isBool && c.Kind == params.KindSwitch {
			v = automation.Switch(b)
		}
		return c.Name, v
	}
	return key, v
}

// Preferences passes an advanced function's or script's common
// parameters (bound, by lower-case name) on as preference variables in
// its scope, as PowerShell does: -Verbose sets $VerbosePreference,
// -ErrorAction $ErrorActionPreference, -WhatIf $WhatIfPreference,
// -Confirm $ConfirmPreference (Low, or None with -Confirm:$false) ... so
// the commands it calls follow them too. set defines a variable.
func Preferences(common map[string]any, set func(name string, v any)) {
	action := func(name string) object.Enum {
		for i, n := range params.Actions {
			if strings.EqualFold(n, name) {
				return object.Enum{Type: "System.Management.Automation.ActionPreference", Name: n, Value: i}
			}
		}
		return object.Enum{Type: "System.Management.Automation.ActionPreference", Name: name}
	}
	onOff := func(v any, on string) object.Enum {
		if b, _ := v.(bool); b {
			return action(on)
		}
		return action("SilentlyContinue")
	}
	for k, v := range common {
		switch k {
		case "verbose":
			set("VerbosePreference", onOff(v, "Continue"))
		case "debug":
			set("DebugPreference", onOff(v, "Continue"))
		case "erroraction":
			set("ErrorActionPreference", action(prefText(v)))
		case "warningaction":
			set("WarningPreference", action(prefText(v)))
		case "informationaction":
			set("InformationPreference", action(prefText(v)))
		case "progressaction":
			set("ProgressPreference", action(prefText(v)))
		case "whatif":
			b, _ := v.(bool)
			set("WhatIfPreference", b)
		case "confirm":
			level := object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "None", Value: 0}
			if b, _ := v.(bool); b {
				level = object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "Low", Value: 1}
			}
			set("ConfirmPreference", level)
		}
	}
}

// prefText is a common parameter's action value as text.
func prefText(v any) string { s, _ := v.(string); return s }

// Cmdlet is the running advanced function or script as $PSCmdlet reaches
// it.
type Cmdlet interface {
	// Name is the command's name; ParameterSet the set it runs in.
	Name() string
	ParameterSet() string
	// Info is its $MyInvocation.
	Info() *object.PSObject
	// Text converts a value to text as the session does.
	Text(v any) string
	// ShouldProcess is -WhatIf and -Confirm's question; ShouldContinue
	// a Yes/No prompt.
	ShouldProcess(target, action, description string) (bool, error)
	ShouldContinue(query, caption string) (bool, error)
	// WriteError, WriteObject, WriteVerbose and WriteWarning write to
	// the command's streams; WriteObject with enumerate writes a
	// collection's elements.
	WriteError(rec *object.ErrorRecord) error
	WriteObject(v any, enumerate bool) error
	WriteVerbose(msg string) error
	WriteWarning(msg string) error
}

// PSCmdlet is $PSCmdlet inside an advanced function or script. It answers
// its own members (members.Own).
type PSCmdlet struct{ c Cmdlet }

// NewPSCmdlet is $PSCmdlet for a running command.
func NewPSCmdlet(c Cmdlet) *PSCmdlet { return &PSCmdlet{c: c} }

// PSTypeName is the .NET type name.
func (p *PSCmdlet) PSTypeName() string { return "System.Management.Automation.PSScriptCmdlet" }

func (p *PSCmdlet) String() string { return p.c.Name() }

// OwnMember reads a property of $PSCmdlet by its lower-case name.
func (p *PSCmdlet) OwnMember(lname string) (any, bool) {
	switch lname {
	case "parametersetname":
		return p.c.ParameterSet(), true
	case "myinvocation":
		return p.c.Info(), true
	}
	return nil, false
}

// CallOwnMethod calls a method of $PSCmdlet.
func (p *PSCmdlet) CallOwnMethod(lname, name string, args []any) (any, error) {
	c := p.c
	switch lname {
	case "shouldprocess":
		switch len(args) {
		case 1, 2:
			target, action := c.Text(args[0]), ""
			if len(args) > 1 {
				action = c.Text(args[1])
			}
			return c.ShouldProcess(target, action, "")
		case 3, 4:
			// (verboseDescription, verboseWarning, caption[, reason])
			return c.ShouldProcess("", "", c.Text(args[0]))
		}
	case "shouldcontinue":
		if len(args) >= 2 {
			return c.ShouldContinue(c.Text(args[0]), c.Text(args[1]))
		}
	case "writeerror":
		if len(args) == 1 {
			if rec, ok := args[0].(*object.ErrorRecord); ok {
				return dotnet.Void{}, c.WriteError(rec)
			}
		}
	case "throwterminatingerror":
		if len(args) == 1 {
			if rec, ok := args[0].(*object.ErrorRecord); ok {
				cp := *rec
				if cp.Activity == "" {
					cp.Activity = c.Name()
				}
				return nil, &pserror.Error{Record: &cp}
			}
		}
	case "writeobject":
		if len(args) == 1 {
			return dotnet.Void{}, c.WriteObject(args[0], false)
		}
		if len(args) == 2 {
			return dotnet.Void{}, c.WriteObject(args[0], object.ToBool(args[1]))
		}
	case "writeverbose":
		c.WriteVerbose(firstText(c, args))
		return dotnet.Void{}, nil
	case "writewarning":
		c.WriteWarning(firstText(c, args))
		return dotnet.Void{}, nil
	case "writedebug", "writeprogress", "writeinformation":
		return dotnet.Void{}, nil
	}
	return nil, &dotnet.MethodNotFound{TypeName: p.PSTypeName(), Name: name}
}

// firstText is a method's first argument as text ("" without one).
func firstText(c Cmdlet, args []any) string {
	if len(args) > 0 {
		return c.Text(args[0])
	}
	return ""
}
