package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/prelude"
)

// invocationSchema lists $MyInvocation's properties.
var invocationSchema = object.NewSchema(
	[]string{"MyCommand", "BoundParameters", "UnboundArguments", "ScriptLineNumber", "OffsetInLine", "HistoryId", "ScriptName", "Line", "PSScriptRoot", "PSCommandPath", "InvocationName", "PipelinePosition", "ExpectingInput", "CommandOrigin"},
	[]string{"System.Management.Automation.CommandInfo", "System.Collections.Generic.Dictionary[string,System.Object]", "System.Collections.Generic.List[System.Object]", "int", "int", "long", "string", "string", "string", "string", "string", "int", "bool", "System.Management.Automation.CommandOrigin"},
)

// invocationInfo builds $MyInvocation for a running function, script
// block or script file: the command it runs, how it was named, what was
// bound and where it was called from. Its values are worked out when
// read, so a call that never reads $MyInvocation pays for one object.
func (pr *cmdProcessor) invocationInfo() *object.PSObject {
	var bound any = object.NewHashtable()
	if pr.fnRun != nil && pr.fnRun.bound != nil {
		bound = pr.fnRun.bound
	}
	unbound := []any{}
	if pr.bound != nil && pr.bound.extra != nil {
		unbound = pr.bound.extra
	}
	line, col, text, caller := 0, 0, "", ""
	if p := pr.position; p != nil {
		line, col, text, caller = p.Line, p.Col, p.LineText, p.ScriptPath
	}
	history := len(pr.rt.History)
	origin := "Internal"
	if pr.topLevel || pr.rt.depth <= 1 {
		origin = "Runspace"
	}
	invName, pipePos, expecting := pr.invName, pr.pipePos+1, pr.hasInput
	return object.NewLazyObject(invocationSchema, func(i int) any {
		switch i {
		case 0:
			return pr.commandInfo()
		case 1:
			return bound
		case 2:
			return unbound
		case 3:
			return line
		case 4:
			return col
		case 5:
			return history
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
			return invName
		case 11:
			return pipePos
		case 12:
			return expecting
		}
		return object.Enum{Type: "System.Management.Automation.CommandOrigin", Name: origin, Value: map[string]int{"Runspace": 0, "Internal": 1}[origin]}
	}, "System.Management.Automation.InvocationInfo", "System.Object")
}

// commandInfo is $MyInvocation.MyCommand: a FunctionInfo for functions
// and filters, an ExternalScriptInfo for script files (named by file name,
// with the full path as Path and Definition), a ScriptInfo for script
// blocks.
func (pr *cmdProcessor) commandInfo() *object.PSObject {
	cmdType := func(name string, v int) object.Enum {
		return object.Enum{Type: "System.Management.Automation.CommandTypes", Name: name, Value: v}
	}
	switch {
	case pr.fn != nil:
		o := object.NewObject("System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo", "System.Object")
		kind := cmdType("Function", 2)
		if pr.fn.IsFilter {
			o = object.NewObject("System.Management.Automation.FilterInfo", "System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo", "System.Object")
			kind = cmdType("Filter", 4)
		}
		o.Add("CommandType", kind)
		o.Add("Name", pr.fn.Name)
		o.Add("Definition", pr.fn.Body.Text())
		o.Add("ScriptBlock", pr.fn.Body)
		o.Add("Source", "")
		o.Add("Version", "")
		o.Add("ModuleName", "")
		o.Add("CmdletBinding", pr.cmdletBinding())
		name := pr.fn.Name
		o.ToStringFunc = func() string { return name }
		return o
	case pr.scriptFile != "":
		o := object.NewObject("System.Management.Automation.ExternalScriptInfo", "System.Management.Automation.CommandInfo", "System.Object")
		name := scriptName(pr.scriptFile)
		o.Add("CommandType", cmdType("ExternalScript", 16))
		o.Add("Name", name)
		o.Add("Path", pr.scriptFile)
		o.Add("Definition", pr.scriptFile)
		o.Add("Source", pr.scriptFile)
		o.Add("ScriptBlock", pr.sb)
		if pr.sb != nil {
			o.Add("ScriptContents", pr.sb.AST.Ext.Text())
		}
		o.ToStringFunc = func() string { return name }
		return o
	}
	o := object.NewObject("System.Management.Automation.ScriptInfo", "System.Management.Automation.CommandInfo", "System.Object")
	o.Add("CommandType", cmdType("Script", 64))
	o.Add("Name", "")
	def := ""
	if pr.sb != nil {
		def = pr.sb.Text()
	}
	o.Add("Definition", def)
	o.Add("ScriptBlock", pr.sb)
	o.ToStringFunc = func() string { return def }
	return o
}

// cmdletBinding reports whether the running function is an advanced one.
func (pr *cmdProcessor) cmdletBinding() bool {
	if pr.fn == nil {
		return false
	}
	_, simple, err := pr.rt.functionCommand(pr.fn.Name, pr.fn.Body.AST, pr.fn.Params)
	return err == nil && !simple
}

// commonPreferences passes an advanced function's or script's common
// parameters on as preference variables in its scope, as PowerShell does:
// -Verbose sets $VerbosePreference, -ErrorAction $ErrorActionPreference,
// -WhatIf $WhatIfPreference, -Confirm $ConfirmPreference (Low, or None
// with -Confirm:$false) ... so the commands it calls follow them too.
func (pr *cmdProcessor) commonPreferences(sc *Scope) {
	action := func(name string) object.Enum {
		for i, n := range actionNames {
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
	for k, v := range pr.bound.common {
		switch k {
		case "verbose":
			sc.set("VerbosePreference", onOff(v, "Continue"))
		case "debug":
			sc.set("DebugPreference", onOff(v, "Continue"))
		case "erroraction":
			sc.set("ErrorActionPreference", action(prefText(v)))
		case "warningaction":
			sc.set("WarningPreference", action(prefText(v)))
		case "informationaction":
			sc.set("InformationPreference", action(prefText(v)))
		case "progressaction":
			sc.set("ProgressPreference", action(prefText(v)))
		case "whatif":
			b, _ := v.(bool)
			sc.set("WhatIfPreference", b)
		case "confirm":
			level := object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "None", Value: 0}
			if b, _ := v.(bool); b {
				level = object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "Low", Value: 1}
			}
			sc.set("ConfirmPreference", level)
		}
	}
}

// prefText is a common parameter's action value as text.
func prefText(v any) string { s, _ := v.(string); return s }

// parameterToken is how a simple function's $args holds an unbound -Name:
// the text as written (a string to the script), remembered as a
// parameter name so that splatting @args passes it on as one.
func (rt *Runtime) parameterToken(text, name string) any {
	o := &object.PSObject{Base: text}
	if rt.paramTokens == nil || len(rt.paramTokens) >= 4096 {
		rt.paramTokens = map[*object.PSObject]string{}
	}
	rt.paramTokens[o] = name
	return o
}

// tokenName reports whether v is a parameter name from $args.
func (rt *Runtime) tokenName(v any) (string, bool) {
	o, ok := v.(*object.PSObject)
	if !ok || rt.paramTokens == nil {
		return "", false
	}
	n, ok := rt.paramTokens[o]
	return n, ok
}

// commonName is a common parameter's declared name from its binding key.
func commonName(key string) string {
	for _, c := range params.Commons {
		if strings.ToLower(c.Name) == key {
			return c.Name
		}
	}
	return key
}

// commonValue is a bound common parameter's value as $PSBoundParameters
// holds it: a switch given is a SwitchParameter, not a bool.
func commonValue(key string, v any) any {
	if b, isBool := v.(bool); isBool && commonIsSwitch(key) {
		return command.Switch(b)
	}
	return v
}

func commonIsSwitch(key string) bool {
	for _, c := range params.Commons {
		if strings.ToLower(c.Name) == key {
			return c.Kind == params.KindSwitch
		}
	}
	return false
}

// PSCmdlet is $PSCmdlet inside an advanced function or script.
type PSCmdlet struct{ pr *cmdProcessor }

// PSTypeName is the .NET type name.
func (c *PSCmdlet) PSTypeName() string { return "System.Management.Automation.PSScriptCmdlet" }

func (c *PSCmdlet) String() string { return c.pr.cmd.Name }

// property is a $PSCmdlet property, or nil.
func (c *PSCmdlet) property(lname string) (any, bool) {
	switch lname {
	case "parametersetname":
		return c.pr.ctx.ParameterSet, true
	case "myinvocation":
		if c.pr.fnRun != nil && c.pr.fnRun.info != nil {
			return c.pr.fnRun.info, true
		}
		return c.pr.invocationInfo(), true
	}
	return nil, false
}

func (rt *Runtime) psCmdletMethod(c *PSCmdlet, lname, name string, args []any) (any, error) {
	switch lname {
	case "shouldprocess":
		switch len(args) {
		case 1, 2:
			target, action := rt.toStr(args[0]), ""
			if len(args) > 1 {
				action = rt.toStr(args[1])
			}
			return c.pr.shouldProcess(target, action, "")
		case 3, 4:
			// (verboseDescription, verboseWarning, caption[, reason])
			return c.pr.shouldProcess("", "", rt.toStr(args[0]))
		}
	case "shouldcontinue":
		if len(args) >= 2 {
			return c.pr.shouldContinue(rt.toStr(args[0]), rt.toStr(args[1]))
		}
	case "writeerror":
		if len(args) == 1 {
			if rec, ok := args[0].(*object.ErrorRecord); ok {
				return voidValue{}, c.pr.writeError(rec)
			}
		}
	case "throwterminatingerror":
		if len(args) == 1 {
			if rec, ok := args[0].(*object.ErrorRecord); ok {
				cp := *rec
				if cp.Activity == "" {
					cp.Activity = c.pr.cmd.Name
				}
				return nil, &PSError{Record: &cp}
			}
		}
	case "writeobject":
		if len(args) == 1 {
			return voidValue{}, emitEnumeratedIf(args[0], false, c.pr.emit)
		}
		if len(args) == 2 {
			return voidValue{}, emitEnumeratedIf(args[0], object.ToBool(args[1]), c.pr.emit)
		}
	case "writeverbose":
		c.pr.writeVerbose(argStr(rt, args, 0))
		return voidValue{}, nil
	case "writewarning":
		c.pr.writeWarning(argStr(rt, args, 0))
		return voidValue{}, nil
	case "writedebug", "writeprogress", "writeinformation":
		return voidValue{}, nil
	}
	return nil, &dotnet.MethodNotFound{TypeName: c.PSTypeName(), Name: name}
}

// emitEnumeratedIf writes v as one object, or its elements when
// enumerate is set ($PSCmdlet.WriteObject(v, $true)).
func emitEnumeratedIf(v any, enumerate bool, out emitter) error {
	if enumerate {
		return emitEnumerated(v, out)
	}
	return out(v)
}

// shouldContinue asks the user to confirm (a Yes/No prompt); without a
// terminal it fails as a non-interactive PowerShell host does.
func (pr *cmdProcessor) shouldContinue(query, caption string) (bool, error) {
	rt := pr.rt
	if !rt.IO.Interactive() {
		return false, &PSError{Record: &object.ErrorRecord{
			Message:       "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
			ErrorID:       "HostException",
			Category:      object.ResourceUnavailable,
			ExceptionType: "HostException",
			Activity:      pr.cmd.Name,
			Position:      pr.position,
		}}
	}
	rt.hostLine("")
	rt.hostLine(caption)
	rt.hostLine(query)
	for {
		rt.hostRaw("[Y] Yes  [N] No  [?] Help (default is \"Y\"): ")
		ans, err := rt.IO.ReadLine("", false)
		if err != nil {
			return false, &PSError{Record: &object.ErrorRecord{Message: "The operation was canceled.", ErrorID: "PipelineStopped", Category: object.OperationStopped, ExceptionType: "PipelineStoppedException"}}
		}
		switch strings.ToLower(strings.TrimSpace(ans)) {
		case "", "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		case "?":
			rt.hostLine("Y - Continue with only the next step of the operation.")
			rt.hostLine("N - Skip this operation and proceed with the next operation.")
		}
	}
}
