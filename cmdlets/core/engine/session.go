package engine

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/wildcard"
)

func sessionCommands() []*command.Command {
	return []*command.Command{newObject(), addMember(), getVariable(), setVariable("Set-Variable", "SetVariableCommand"), setVariable("New-Variable", "NewVariableCommand"), removeVariable("Remove-Variable", "RemoveVariableCommand"), removeVariable("Clear-Variable", "ClearVariableCommand"), invokeExpression(), getHistory(), invokeHistory(), setStrictMode()}
}

func newObject() *command.Command {
	c := Cmdlet("New-Object", ModUtility, "NewObjectCommand")
	c.Synopsis = "Creates an object (PSObject, PSCustomObject, ArrayList, PSCredential ...)."
	// PowerShell 7 has -ComObject only on Windows; exosim is a Unix host, so
	// there -ComObject is an unknown parameter and only -Strict is left of
	// the Com set.
	c.Sets = []string{"Net", "Com"}
	c.DefaultSet = "Net"
	c.Params = []*params.Param{
		params.P("TypeName", params.TString, params.InSets(params.Set("Net", true, 0))),
		params.P("ArgumentList", params.TObjects, params.InSets(params.Set("Net", false, 1)), params.Alias("Args")),
		params.P("Property", params.THashtable),
		params.P("Strict", params.TSwitch, params.InSets(params.Set("Com", false, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		const id = ",Microsoft.PowerShell.Commands.NewObjectCommand"
		if ctx.ParameterSet == "Com" {
			// off Windows the Com set has no work to do
			return nil
		}
		name := ctx.String("TypeName")
		args, _ := ctx.Value("ArgumentList").([]any)
		if args == nil && ctx.Value("ArgumentList") != nil {
			args = []any{ctx.Value("ArgumentList")}
		}
		var o any
		switch strings.ToLower(strings.TrimPrefix(strings.ToLower(name), "system.")) {
		case "psobject", "management.automation.psobject", "object", "pscustomobject", "management.automation.pscustomobject":
			o = object.NewCustomObject()
		case "management.automation.pscredential", "pscredential":
			if len(args) != 2 {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot find an overload for \"PSCredential\" and the argument count: \"%d\".", len(args)), "ConstructorInvokedThrowException"+id, object.InvalidOperation, "MethodException", nil))
			}
			pw, ok := args[1].(object.SecureString)
			if !ok {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot convert argument \"password\", with value: \"%s\", for \"PSCredential\" to type \"System.Security.SecureString\".", runtime.Of(ctx).ToStr(args[1])), "ConstructorInvokedThrowException"+id, object.InvalidOperation, "MethodException", nil))
			}
			o = automation.NewCredential(runtime.Of(ctx).ToStr(args[0]), pw)
		default:
			v, err := automation.NewInstance(runtime.Of(ctx), name, args)
			if err != nil {
				rec := automation.NewObjectError(err, name, len(args))
				rec.ErrorID += id
				return ctx.Fail(ctx.NewError(rec.Message, rec.ErrorID, rec.Category, rec.ExceptionType, nil))
			}
			o = v
		}
		if h, ok := ctx.Value("Property").(*object.Hashtable); ok {
			for _, e := range h.Entries() {
				key := runtime.Of(ctx).ToStr(e.Key)
				if obj, ok := o.(*object.PSObject); ok && obj.IsCustom() {
					obj.Add(key, e.Value)
					continue
				}
				if err := runtime.Of(ctx).SetProperty(o, key, e.Value); err != nil {
					return ctx.Fail(ctx.NewError(fmt.Sprintf("The member \"%s\" was not found for the specified .NET object.", key), "InvalidOperationException"+id, object.InvalidOperation, "InvalidOperationException", nil))
				}
			}
		}
		return ctx.WriteObject(o)
	}
	return c
}

func argOr(args []any, i int, def any) any {
	if i < len(args) {
		return args[i]
	}
	return def
}

func addMember() *command.Command {
	c := Cmdlet("Add-Member", ModUtility, "AddMemberCommand")
	c.Synopsis = "Adds properties to an object."
	c.Sets = []string{"TypeNameSet", "MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet"}
	c.DefaultSet = "TypeNameSet"
	ms := func(pos int, mandatory bool) params.SetInfo { return params.Set("MemberSet", mandatory, pos) }
	c.Params = []*params.Param{
		params.P("InputObject", params.TPSObject, params.InSets(
			params.SetInfo{Set: "MemberSet", Mandatory: true, Position: -1, FromPipeline: true},
			params.SetInfo{Set: "TypeNameSet", Mandatory: true, Position: -1, FromPipeline: true},
			params.SetInfo{Set: "NotePropertySingleMemberSet", Mandatory: true, Position: -1, FromPipeline: true},
			params.SetInfo{Set: "NotePropertyMultiMemberSet", Mandatory: true, Position: -1, FromPipeline: true})),
		params.P("MemberType", params.EnumType("PSMemberTypes", "System.Management.Automation.PSMemberTypes", "AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties", "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All"), params.InSets(ms(0, true)), params.Alias("Type")),
		params.P("Name", params.TString, params.InSets(ms(1, true))),
		params.P("Value", params.TObject, params.InSets(ms(2, false))),
		params.P("SecondValue", params.TObject, params.InSets(ms(3, false))),
		params.P("TypeName", params.TString, params.InSets(params.Set("TypeNameSet", true, -1), params.Set("MemberSet", false, -1), params.Set("NotePropertySingleMemberSet", false, -1), params.Set("NotePropertyMultiMemberSet", false, -1))),
		params.P("NotePropertyName", params.TString, params.InSets(params.Set("NotePropertySingleMemberSet", true, 0))),
		params.P("NotePropertyValue", params.TObject, params.InSets(params.Set("NotePropertySingleMemberSet", true, 1)), AllowEmpty()),
		params.P("NotePropertyMembers", params.THashtable, params.InSets(params.Set("NotePropertyMultiMemberSet", true, 0))),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in := ctx.Value("InputObject")
		o, ok := in.(*object.PSObject)
		if !ok {
			o = object.NewObject(object.TypeNames(in)...)
			o.Base = in
		}
		add := func(name string, v any) error {
			if o.Property(name) != nil && !ctx.Switch("Force") {
				return ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot add a member with the name \"%s\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.", name), "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand", object.InvalidOperation, "InvalidOperationException", in))
			}
			o.Add(name, v)
			return nil
		}
		switch ctx.ParameterSet {
		case "MemberSet":
			switch ctx.String("MemberType") {
			case "NoteProperty":
				if err := add(ctx.String("Name"), ctx.Value("Value")); err != nil {
					return err
				}
			case "ScriptProperty":
				sb, _ := ctx.Value("Value").(*automation.ScriptBlock)
				rt := runtime.Of(ctx)
				target := o
				o.AddProperty(&object.Property{Name: ctx.String("Name"), Kind: object.ScriptProperty, Getter: func() any {
					v, _ := rt.EvalScriptBlockThis(sb, target)
					return v
				}})
			case "AliasProperty":
				ref := runtime.Of(ctx).ToStr(ctx.Value("Value"))
				target := o
				o.AddProperty(&object.Property{Name: ctx.String("Name"), Kind: object.AliasProperty, Getter: func() any { return target.Value(ref) }})
			default:
				if err := add(ctx.String("Name"), ctx.Value("Value")); err != nil {
					return err
				}
			}
		case "NotePropertySingleMemberSet":
			if err := add(ctx.String("NotePropertyName"), ctx.Value("NotePropertyValue")); err != nil {
				return err
			}
		case "NotePropertyMultiMemberSet":
			h := ctx.Value("NotePropertyMembers").(*object.Hashtable)
			for _, e := range h.Entries() {
				if err := add(runtime.Of(ctx).ToStr(e.Key), e.Value); err != nil {
					return err
				}
			}
		}
		if tn := ctx.String("TypeName"); tn != "" {
			o.TypeNames = append([]string{tn}, o.TypeNames...)
		}
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(o)
		}
		return nil
	}
	return c
}

func getVariable() *command.Command {
	c := Cmdlet("Get-Variable", ModUtility, "GetVariableCommand")
	c.Synopsis = "Lists variables."
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Position(0), params.FromPipelineByName()),
		params.P("ValueOnly", params.TSwitch),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
		params.P("Scope", params.TString),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		names := ctx.Strings("Name")
		if len(names) == 0 {
			names = []string{"*"}
		}
		// without -Scope the variables seen from the caller's scope, with
		// it those the scope it names holds
		vars, err := variablesIn(runtime.Of(ctx).Scope(), ctx.String("Scope"))
		if err != nil {
			return ctx.Fail(variableError(ctx, err, ctx.String("Scope")))
		}
		for _, pattern := range names {
			found := false
			for _, v := range vars {
				if !wildcard.Match(pattern, v.Name) || !included(ctx.Strings("Include"), v.Name) || wildcard.MatchAny(ctx.Strings("Exclude"), v.Name) {
					continue
				}
				found = true
				if ctx.Switch("ValueOnly") {
					if err := ctx.WriteObject(v.Value); err != nil {
						return err
					}
					continue
				}
				if err := ctx.WriteObject(v.Info()); err != nil {
					return err
				}
			}
			if !found && !wildcard.Has(pattern) {
				if err := ctx.WriteError(variableError(ctx, notFound(pattern), pattern)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

func setVariable(name, typeName string) *command.Command {
	c := Cmdlet(name, ModUtility, typeName)
	c.Synopsis = "Sets a variable's value."
	// both ask ShouldProcess for each variable ("Set variable"/"New
	// variable", target "Name: x Value: v"); New-Variable's impact is Low
	c.SupportsShouldProcess = true
	action := "Set variable"
	if name == "New-Variable" {
		c.ConfirmImpact = command.ImpactLow
		action = "New variable"
	}
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Mandatory(), params.Position(0)),
		params.P("Value", params.TObject, params.Position(1), params.FromPipeline()),
		params.P("Scope", params.TString),
		params.P("Option", params.TStrings),
		params.P("Description", params.TString),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		opt := strings.Join(ctx.Strings("Option"), ",")
		if _, ok := scope.ParseItemOptions(opt); !ok {
			e := scope.BadOptions(opt)
			return ctx.Fail(ctx.NewError(e.Message, e.ID, e.Category, e.Exception, nil))
		}
		o := scope.Options{Scope: ctx.String("Scope"), Option: opt, Force: ctx.Switch("Force"), New: name == "New-Variable", NoValue: !ctx.Has("Value")}
		if ctx.Has("Description") {
			d := ctx.String("Description")
			o.Description = &d
		}
		for _, n := range ctx.Strings("Name") {
			target := fmt.Sprintf("Name: %s Value: %s", n, shouldProcessValue(ctx, ctx.Value("Value")))
			if ok, err := ctx.ShouldProcess(target, action); err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			if err := runtime.Of(ctx).Scope().Define(n, ctx.Value("Value"), o); err != nil {
				if se, ok := err.(*scope.Error); ok && se.Exception == "ValidationMetadataException" {
					// a value the variable's validation refuses stops the
					// command: the provider raises no session-state error
					return ctx.Fail(variableError(ctx, err, n))
				}
				if err := ctx.WriteError(variableError(ctx, err, n)); err != nil {
					return err
				}
				continue
			}
			if ctx.Switch("PassThru") {
				if err := writeVariable(ctx, n, o.Scope); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// shouldProcessValue is a value as .NET formats it into a ShouldProcess
// target: $null is empty, an array its type name.
func shouldProcessValue(ctx *command.Context, v any) string {
	v = object.Unwrap(v)
	if _, isArray := v.([]any); isArray {
		return object.TypeName(v)
	}
	if v == nil {
		return ""
	}
	return runtime.Of(ctx).ToStr(v)
}

// writeVariable writes the PSVariable a name stands for in the scope
// (-PassThru).
func writeVariable(ctx *command.Context, name, scopeName string) error {
	vars, err := variablesIn(runtime.Of(ctx).Scope(), scopeName)
	if err != nil {
		return nil
	}
	for _, v := range vars {
		if strings.EqualFold(v.Name, name) {
			return ctx.WriteObject(v.Info())
		}
	}
	return nil
}

func removeVariable(name, typeName string) *command.Command {
	c := Cmdlet(name, ModUtility, typeName)
	c.Synopsis = "Removes or clears a variable."
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Mandatory(), params.Position(0)),
		params.P("Scope", params.TString),
		params.P("Force", params.TSwitch),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
	}
	clear := name == "Clear-Variable"
	// both ask ShouldProcess for each variable ("Remove variable"/"Clear
	// variable", target "Name: x"); Clear-Variable -PassThru writes the
	// cleared variable
	c.SupportsShouldProcess = true
	action := "Remove variable"
	if clear {
		action = "Clear variable"
		c.Params = append(c.Params, params.P("PassThru", params.TSwitch))
	}
	c.Handler.Process = func(ctx *command.Context) error {
		sc := runtime.Of(ctx).Scope()
		scopeName, force := ctx.String("Scope"), ctx.Switch("Force")
		for _, n := range ctx.Strings("Name") {
			// a wildcard name stands for the variables it matches
			targets := []string{n}
			if wildcard.Has(n) {
				vars, err := variablesIn(sc, scopeName)
				if err != nil {
					return ctx.Fail(variableError(ctx, err, scopeName))
				}
				targets = nil
				for _, v := range vars {
					if wildcard.Match(n, v.Name) {
						targets = append(targets, v.Name)
					}
				}
			}
			for _, t := range targets {
				if !included(ctx.Strings("Include"), t) || wildcard.MatchAny(ctx.Strings("Exclude"), t) {
					continue
				}
				if ok, err := ctx.ShouldProcess("Name: "+t, action); err != nil || !ok {
					if err != nil {
						return err
					}
					continue
				}
				var ok bool
				var err error
				if clear {
					ok, err = sc.Clear(t, scopeName, force)
				} else {
					ok, err = sc.Delete(t, scopeName, force)
				}
				if err == nil && !ok {
					err = notFound(t)
				}
				if err != nil {
					if err := ctx.WriteError(variableError(ctx, err, t)); err != nil {
						return err
					}
					continue
				}
				if clear && ctx.Switch("PassThru") {
					if err := writeVariable(ctx, t, scopeName); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return c
}

// setStrictMode is Set-StrictMode: it sets the strict-mode version of the
// caller's scope (the rules are the runtime's).
func setStrictMode() *command.Command {
	c := Cmdlet("Set-StrictMode", ModCore, "SetStrictModeCommand")
	c.Synopsis = "Establishes and enforces coding rules in expressions, scripts, and script blocks."
	c.Sets = []string{"Version", "Off"}
	c.DefaultSet = "Version"
	c.Params = []*params.Param{
		params.P("Version", &params.Type{Kind: params.KindObject, Name: "Version", FullName: "System.Version"}, params.InSets(params.Set("Version", true, -1)), params.Alias("v")),
		params.P("Off", params.TSwitch, params.InSets(params.Set("Off", true, -1))),
	}
	c.Handler.End = func(ctx *command.Context) error {
		version := ""
		if !ctx.Switch("Off") {
			version = runtime.Of(ctx).ToStr(ctx.Value("Version"))
		}
		if err := runtime.Of(ctx).SetStrictMode(version); err != nil {
			return ctx.Fail(ctx.NewError("Cannot validate argument on parameter 'Version'. "+err.Error(), "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand", object.InvalidData, "ParameterBindingValidationException", nil))
		}
		return nil
	}
	return c
}

func invokeExpression() *command.Command {
	c := Cmdlet("Invoke-Expression", ModUtility, "InvokeExpressionCommand")
	c.Synopsis = "Runs a string as a command line."
	c.Params = []*params.Param{
		params.P("Command", params.TString, params.Mandatory(), params.Position(0), params.FromPipeline()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return runtime.Of(ctx).InvokeExpression(ctx.String("Command"), func(v any) error { return ctx.WriteObject(v) })
	}
	return c
}

func historyInfo(h runtime.HistoryEntry) *object.PSObject {
	o := object.NewObject("Microsoft.PowerShell.Commands.HistoryInfo", "System.Object")
	o.AddTyped("Id", "long", int64(h.ID))
	o.AddTyped("CommandLine", "string", h.CommandLine)
	o.AddTyped("ExecutionStatus", "System.Management.Automation.Runspaces.PipelineState", h.Status)
	o.AddTyped("StartExecutionTime", "datetime", h.Start)
	o.AddTyped("EndExecutionTime", "datetime", h.End)
	o.AddTyped("Duration", "timespan", object.TimeSpan(h.End.Sub(h.Start)/100))
	o.ToStringFunc = func() string { return h.CommandLine }
	return o
}

func getHistory() *command.Command {
	c := Cmdlet("Get-History", ModCore, "GetHistoryCommand")
	c.Synopsis = "Lists the command lines run in this session."
	c.Params = []*params.Param{
		params.P("Id", &params.Type{Kind: params.KindLong, Name: "Int64[]", FullName: "System.Int64[]", Array: true}, params.Position(0), params.FromPipeline()),
		params.P("Count", params.TInt, params.Position(1)),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		hist := runtime.Of(ctx).History
		if ids, ok := ctx.Value("Id").([]any); ok {
			for _, id := range ids {
				for _, h := range hist {
					if int64(h.ID) == ToInt64(id) {
						if err := ctx.WriteObject(historyInfo(h)); err != nil {
							return err
						}
					}
				}
			}
			return nil
		}
		if ctx.Has("Count") && ctx.Int("Count") < len(hist) {
			hist = hist[len(hist)-ctx.Int("Count"):]
		}
		for _, h := range hist {
			if err := ctx.WriteObject(historyInfo(h)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func invokeHistory() *command.Command {
	c := Cmdlet("Invoke-History", ModCore, "InvokeHistoryCommand")
	c.Synopsis = "Runs a command line from the history again."
	c.SupportsShouldProcess = true
	c.Params = []*params.Param{params.P("Id", params.TString, params.Position(0))}
	c.Handler.Process = func(ctx *command.Context) error {
		hist := runtime.Of(ctx).History
		if len(hist) == 0 {
			return ctx.Fail(ctx.NewError("Cannot locate the most recent history entry.", "InvokeHistoryNoLastHistoryEntryFound", object.ObjectNotFound, "ArgumentException", nil))
		}
		entry := hist[len(hist)-1]
		if id := ctx.String("Id"); id != "" {
			found := false
			for _, h := range hist {
				if fmt.Sprint(h.ID) == id || strings.HasPrefix(strings.ToLower(h.CommandLine), strings.ToLower(id)) {
					entry, found = h, true
				}
			}
			if !found {
				return ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot locate history for commandline %s.", id), "InvokeHistoryNoHistoryForCommandline", object.ObjectNotFound, "ArgumentException", id))
			}
		}
		runtime.Of(ctx).HostLine(entry.CommandLine)
		runtime.Of(ctx).SetHistoryLine(entry.CommandLine)
		return runtime.Of(ctx).InvokeExpression(entry.CommandLine, func(v any) error { return ctx.WriteObject(v) })
	}
	return c
}

// variablesIn are the variables a variable cmdlet's -Scope covers:
// without one those seen from the caller's scope, with it those the
// scope it names holds.
func variablesIn(sc *runtime.Scope, scopeName string) ([]*scope.Variable, error) {
	if scopeName == "" {
		return sc.Variables(), nil
	}
	s, err := sc.ScopeAt(scopeName)
	if err != nil {
		return nil, err
	}
	return s.Held(), nil
}

// notFound is the error of a variable name that names none.
func notFound(name string) error {
	return &scope.Error{Message: fmt.Sprintf("Cannot find a variable with the name '%s'.", name), ID: "VariableNotFound", Category: object.ObjectNotFound, Exception: "ItemNotFoundException"}
}

// included is -Include: a name matches one of the patterns, or there are
// none.
func included(patterns []string, name string) bool {
	return len(patterns) == 0 || wildcard.MatchAny(patterns, name)
}

// variableError is the record of a refused variable operation.
func variableError(ctx *command.Context, err error, name string) *object.ErrorRecord {
	if ve, ok := err.(*scope.Error); ok {
		return ctx.NewError(ve.Message, ve.ID, ve.Category, ve.Exception, name)
	}
	return ctx.NewError(err.Error(), "InvalidOperation", object.InvalidOperation, "InvalidOperationException", name)
}
