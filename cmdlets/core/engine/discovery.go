package engine

import (
	"fmt"
	"github.com/exosim/exosim/shell/dotnet/system"
	"sort"
	"strings"
	"sync"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/wildcard"
)

func discoveryCommands() []*command.Command {
	return []*command.Command{getCommand(), getMember(), getHelp()}
}

// CommandInfo builds the object Get-Command returns for a command other
// than a script function (those come from ScriptFunctionInfo): cmdlets
// and the functions the session declares take the common parameters.
func CommandInfo(rt *runtime.Runtime, c *command.Command) *object.PSObject {
	return commandInfo(rt, c, true)
}

// ScriptFunctionInfo builds the FunctionInfo of a script function: only
// an advanced function takes the common parameters, and its Definition
// is the text of its body, after a param() line made of the parameters
// written after the function's name, if any. Options are the function's
// options (ReadOnly, Constant, Private, AllScope). A filter's is a
// FilterInfo, of CommandType Filter.
func ScriptFunctionInfo(rt *runtime.Runtime, f *scriptcmd.Function) *object.PSObject {
	o := commandInfo(rt, rt.FunctionCommand(f), rt.IsAdvancedFunction(f))
	if f.IsFilter {
		o.TypeNames = append([]string{"System.Management.Automation.FilterInfo"}, o.TypeNames...)
		o.Set("CommandType", object.Enum{Type: "System.Management.Automation.CommandTypes", Name: "Filter", Value: 4})
	}
	if f.Body != nil && f.Body.AST != nil {
		o.Set("Definition", f.Body.Text())
	}
	opts, _ := rt.Scope().FunctionOptions(f.Name)
	o.AddTyped("Options", "System.Management.Automation.ScopedItemOptions", opts.Enum())
	return o
}

func commandInfo(rt *runtime.Runtime, c *command.Command, common bool) *object.PSObject {
	typeName := "System.Management.Automation.CmdletInfo"
	if c.Type == command.FunctionCommand {
		typeName = "System.Management.Automation.FunctionInfo"
	}
	o := object.NewObject(typeName, "System.Management.Automation.CommandInfo", "System.Object")
	o.AddTyped("CommandType", "System.Management.Automation.CommandTypes", object.Enum{Type: "System.Management.Automation.CommandTypes", Name: c.Type.String(), Value: commandTypeValue(c.Type)})
	o.AddTyped("Name", "string", c.Name)
	o.AddTyped("Version", "version", system.VersionOf(c.Version))
	o.AddTyped("Source", "string", c.Module)
	o.AddTyped("ModuleName", "string", c.Module)
	o.AddTyped("Verb", "string", c.Verb())
	o.AddTyped("Noun", "string", c.Noun())
	o.AddTyped("HelpUri", "string", "")
	o.AddTyped("Definition", "string", strings.Join(SyntaxLines(c, common), "\n"))
	var def any
	if c.DefaultSet != "" {
		def = c.DefaultSet
	}
	o.AddTyped("DefaultParameterSet", "string", def)
	// OutputType is a PSTypeName per type the command declares: its name
	// and, worked out when read, the type it resolves to (none for a type
	// exosim does not define, as for a type that is not loaded)
	outputs := []any{}
	names := c.OutputTypes
	if names == nil && c.OutputType != "" {
		names = []string{c.OutputType}
	}
	for _, name := range names {
		t := object.NewObject("System.Management.Automation.PSTypeName", "System.Object")
		t.AddTyped("Name", "string", name)
		t.AddProperty(&object.Property{Name: "Type", Kind: object.AdaptedProperty, TypeName: "type", Getter: func() any {
			if ti, ok := rt.ResolveType(name); ok {
				return &dotnet.TypeValue{Info: ti}
			}
			return nil
		}})
		t.AddTyped("TypeDefinitionAst", "System.Management.Automation.Language.TypeDefinitionAst", nil)
		t.ToStringFunc = func() string { return name }
		outputs = append(outputs, t)
	}
	o.AddTyped("OutputType", "System.Collections.ObjectModel.ReadOnlyCollection[System.Management.Automation.PSTypeName]", outputs)
	// the members below are worked out when read: a listing of every
	// command does not build them
	lazy := func(name, typ string, build func() any) {
		var once sync.Once
		var v any
		o.AddProperty(&object.Property{Name: name, Kind: object.AdaptedProperty, TypeName: typ, Getter: func() any {
			once.Do(func() { v = build() })
			return v
		}})
	}
	lazy("Module", "psmoduleinfo", func() any {
		if m, ok := findModule(c.Module); ok {
			return moduleInfo(rt, m)
		}
		for _, m := range rt.Modules().All() {
			if m.Name == c.Module {
				return m.Info()
			}
		}
		return nil
	})
	lazy("Parameters", "System.Collections.Generic.Dictionary[string,System.Management.Automation.ParameterMetadata]", func() any { return ParametersOf(rt, c, common) })
	lazy("ParameterSets", "System.Collections.ObjectModel.ReadOnlyCollection[System.Management.Automation.CommandParameterSetInfo]", func() any { return ParameterSetsOf(rt, c, common) })
	o.ToStringFunc = func() string { return c.Name }
	return o
}

func commandTypeValue(t command.CommandType) int {
	switch t {
	case command.AliasCommand:
		return 1
	case command.FunctionCommand:
		return 2
	}
	return 8
}

// SyntaxLines generates the SYNTAX lines of a command from its
// declaration. common says whether the command takes the common
// parameters: cmdlets and advanced functions do and their lines end in
// [<CommonParameters>]; a simple script function does not.
func SyntaxLines(c *command.Command, common bool) []string {
	var out []string
	for _, set := range c.SetNames() {
		var parts []string
		parts = append(parts, c.Name)
		type entry struct {
			p  *params.Param
			si params.SetInfo
		}
		var positional, named []entry
		for _, p := range c.Params {
			if p.DontShow {
				continue
			}
			si, ok := p.InSet(set)
			if !ok {
				continue
			}
			if si.Position >= 0 {
				positional = append(positional, entry{p, si})
			} else {
				named = append(named, entry{p, si})
			}
		}
		sort.SliceStable(positional, func(i, j int) bool { return positional[i].si.Position < positional[j].si.Position })
		for _, e := range append(positional, named...) {
			typ := syntaxType(e.p.Type)
			var s string
			switch {
			case e.p.IsSwitch():
				s = "-" + e.p.Name
				if !e.si.Mandatory {
					s = "[" + s + "]"
				}
			case e.si.Position >= 0 && e.si.Mandatory:
				s = fmt.Sprintf("[-%s] <%s>", e.p.Name, typ)
			case e.si.Position >= 0:
				s = fmt.Sprintf("[[-%s] <%s>]", e.p.Name, typ)
			case e.si.Mandatory:
				s = fmt.Sprintf("-%s <%s>", e.p.Name, typ)
			default:
				s = fmt.Sprintf("[-%s <%s>]", e.p.Name, typ)
			}
			parts = append(parts, s)
		}
		if c.SupportsShouldProcess {
			parts = append(parts, "[-WhatIf]", "[-Confirm]")
		}
		if common {
			parts = append(parts, "[<CommonParameters>]")
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

// syntaxType is how a parameter's type reads in a syntax line: the name
// of PowerShell's built-in type accelerator where the type has one
// (string, int, psobject, scriptblock, hashtable, pscredential ...) and the
// type's short name otherwise (Object, MailboxIdParameter), each array
// rank adding [].
func syntaxType(t *params.Type) string {
	name := shortType(t)
	base := strings.TrimRight(name, "[]")
	if acc, ok := syntaxAccelerators.Get()[strings.ToLower(base)]; ok {
		return acc + name[len(base):]
	}
	return name
}

// syntaxAccelerators maps the short .NET names of types that have a
// built-in accelerator to that accelerator's name. System.Object has none,
// so it reads Object.
var syntaxAccelerators = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"string": "string", "boolean": "bool", "bool": "bool", "int32": "int", "int": "int",
		"int64": "long", "long": "long", "double": "double", "datetime": "datetime",
		"timespan": "timespan", "guid": "guid", "securestring": "securestring",
		"pscredential": "pscredential", "hashtable": "hashtable", "scriptblock": "scriptblock",
		"psobject": "psobject", "switchparameter": "switch", "byte": "byte", "char": "char",
		"decimal": "decimal", "single": "float", "int16": "short", "uint16": "ushort",
		"uint32": "uint", "uint64": "ulong", "sbyte": "sbyte", "version": "version",
		"cultureinfo": "cultureinfo", "regex": "regex", "uri": "uri", "xmldocument": "xml",
		"ipaddress": "ipaddress", "mailaddress": "mailaddress", "array": "array",
	}
}}

func shortType(t *params.Type) string {
	if t == nil {
		return "Object"
	}
	switch t.Kind {
	case params.KindString:
		// an Exchange type bound as text (SmtpAddress, MailboxRights[])
		// keeps its name
		if t.Name != "" && !strings.EqualFold(strings.TrimSuffix(t.Name, "[]"), "String") {
			return t.Name
		}
		if t.Array {
			return "String[]"
		}
		return "String"
	case params.KindBool:
		return "bool"
	case params.KindInt:
		if t.Array {
			return "int[]"
		}
		return "int"
	case params.KindLong:
		return "long"
	case params.KindDouble:
		return "double"
	case params.KindDateTime:
		return "datetime"
	case params.KindObject:
		// a declared type converted when bound keeps its name (Hashtable[])
		if t.Name != "" {
			return t.Name
		}
		if t.Array {
			return "Object[]"
		}
		return "Object"
	}
	return t.Name
}

func getCommand() *command.Command {
	c := Cmdlet("Get-Command", ModCore, "GetCommandCommand")
	c.Synopsis = "Lists the commands available in this session."
	c.Description = "Without arguments it lists every cmdlet and function the session knows. Names accept wildcards; " +
		"-Verb, -Noun and -Module narrow the list (modules: ExchangeOnlineManagement, Microsoft.Graph.*, " +
		"Microsoft.PowerShell.Utility, Exosim ...). -Syntax prints the syntax lines generated from the command's declaration. " +
		"Exchange cmdlets appear only while the session is connected."
	c.Examples = []command.Example{
		{Code: "Get-Command -Module Exosim", Remark: "Lists the simulator's own cmdlets."},
		{Code: "Get-Command -Verb Get -Noun *Connection*", Remark: "Finds commands by verb and noun."},
		{Code: "Get-Command Get-Sim* -Syntax", Remark: "Prints the syntax of every command whose name starts with Get-Sim."},
	}
	c.Sets = []string{"CmdletSet", "AllCommandSet"}
	c.DefaultSet = "CmdletSet"
	cs := params.Set("CmdletSet", false, -1)
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.InSets(params.SetInfo{Set: "AllCommandSet", Position: 0, FromPipelineByName: true})),
		params.P("Verb", params.TStrings, params.InSets(cs)),
		params.P("Noun", params.TStrings, params.InSets(cs)),
		params.P("Module", params.TStrings, params.Alias("PSSnapin")),
		params.P("FullyQualifiedModule", params.TObjects),
		params.P("CommandType", params.TStrings, params.InSets(params.Set("AllCommandSet", false, -1)), params.Alias("Type")),
		params.P("TotalCount", params.TInt),
		params.P("Syntax", params.TSwitch),
		params.P("ShowCommandInfo", params.TSwitch),
		params.P("ArgumentList", params.TObjects, params.Position(1), params.Alias("Args")),
		params.P("All", params.TSwitch),
		params.P("ListImported", params.TSwitch),
		params.P("ParameterName", params.TStrings),
		params.P("ParameterType", params.TObjects),
		params.P("UseFuzzyMatching", params.TSwitch),
		params.P("UseAbbreviationExpansion", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		names := ctx.Strings("Name")
		match := func(patterns []string, s string) bool {
			if len(patterns) == 0 {
				return true
			}
			for _, p := range patterns {
				if wildcard.Match(p, s) {
					return true
				}
			}
			return false
		}
		var results []any
		found := map[string]bool{}
		aliases := rt.Aliases()
		// aliases are listed when named, or asked for by -CommandType;
		// a CommandTypes value names its flags with commas between
		// ("Function, Cmdlet"), as the text of one may
		var ct []string
		for _, t := range ctx.Strings("CommandType") {
			for _, f := range strings.Split(t, ",") {
				ct = append(ct, strings.TrimSpace(f))
			}
		}
		if len(names) > 0 && (len(ct) == 0 || match(ct, "Alias")) || len(names) == 0 && len(ct) > 0 && match(ct, "Alias") {
			var keys []string
			for a := range aliases {
				keys = append(keys, a)
			}
			sort.Strings(keys)
			for _, a := range keys {
				if match(names, a) && len(ctx.Strings("Verb")) == 0 {
					results = append(results, AliasInfo(LookupAlias(rt, a), rt))
					found[strings.ToLower(a)] = true
				}
			}
		}
		var cmds []*command.Command
		// scripts maps the commands of script functions to their functions
		scripts := map[*command.Command]*scriptcmd.Function{}
		literal := len(names) > 0
		for _, n := range names {
			literal = literal && !wildcard.Has(n)
		}
		if literal {
			// names without wildcards: look each up instead of building
			// every command the session declares
			fns := rt.Functions()
			for i, n := range names {
				// a module-qualified name finds the command of that module
				if c, ok := rt.LookupCommand(n); ok && len(n) > len(c.Name) && strings.EqualFold(n[len(n)-len(c.Name)-1:], `\`+c.Name) {
					names[i] = c.Name
					cmds = append(cmds, c)
					continue
				}
				if f, ok := fns[strings.ToLower(n)]; ok {
					fc := rt.FunctionCommand(f)
					scripts[fc] = f
					cmds = append(cmds, fc)
				} else if c, ok := rt.LookupCommand(n); ok && strings.EqualFold(c.Name, n) {
					cmds = append(cmds, c)
				}
			}
		} else {
			cmds = append(cmds, rt.Commands()...)
			for _, f := range rt.Functions() {
				fc := rt.FunctionCommand(f)
				scripts[fc] = f
				cmds = append(cmds, fc)
			}
		}
		sort.SliceStable(cmds, func(i, j int) bool { return strings.ToLower(cmds[i].Name) < strings.ToLower(cmds[j].Name) })
		for _, cmd := range cmds {
			if !match(names, cmd.Name) || !match(ctx.Strings("Verb"), cmd.Verb()) || !match(ctx.Strings("Noun"), cmd.Noun()) || !match(ctx.Strings("Module"), cmd.Module) {
				continue
			}
			if pn := ctx.Strings("ParameterName"); len(pn) > 0 {
				ok := false
				for _, p := range cmd.Params {
					if match(pn, p.Name) {
						ok = true
					}
				}
				if !ok {
					continue
				}
			}
			if kind := cmd.Type.String(); len(ct) > 0 && !match(ct, "All") {
				if f, ok := scripts[cmd]; ok && f.IsFilter {
					kind = "Filter"
				}
				if !match(ct, kind) {
					continue
				}
			}
			found[strings.ToLower(cmd.Name)] = true
			if ctx.Switch("Syntax") {
				f, isScript := scripts[cmd]
				for _, l := range SyntaxLines(cmd, !isScript || rt.IsAdvancedFunction(f)) {
					results = append(results, l)
				}
				results = append(results, "")
				continue
			}
			if f, ok := scripts[cmd]; ok {
				results = append(results, ScriptFunctionInfo(rt, f))
			} else {
				results = append(results, CommandInfo(rt, cmd))
			}
		}
		for _, n := range names {
			if !wildcard.Has(n) && !found[strings.ToLower(n)] {
				rec := ctx.NewError(fmt.Sprintf("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.", n), "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand", object.ObjectNotFound, "CommandNotFoundException", n)
				rec.CommandSuffix = ""
				if err := ctx.WriteError(rec); err != nil {
					return err
				}
			}
		}
		if ctx.Has("TotalCount") && ctx.Int("TotalCount") < len(results) {
			results = results[:ctx.Int("TotalCount")]
		}
		for _, r := range results {
			if err := ctx.WriteObject(r); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// ---------------------------------------------------------------------------
// Get-Member

// seenTypesSlot holds the type names one Get-Member call has listed: each
// type is listed once however many of its objects arrive.
var seenTypesSlot = command.NewInvocationSlot[map[string]bool]()

func getMember() *command.Command {
	c := Cmdlet("Get-Member", ModUtility, "GetMemberCommand")
	c.Synopsis = "Lists the properties and methods of objects."
	c.Description = "For each type of object in its input it prints the type name and a table of members: name, member type and definition. " +
		"-MemberType Property keeps only properties; -Name filters by name (wildcards allowed)."
	c.Examples = []command.Example{
		{Code: "Get-SimClock | Get-Member", Remark: "Shows the members of the simulated clock object."},
		{Code: "Get-ConnectionInformation | Get-Member -MemberType Property", Remark: "Lists the properties of a connection."},
		{Code: "'text' | Get-Member -Name Length, ToUpper", Remark: "Shows two members of a string."},
	}
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Name", params.TStrings, params.Position(0)),
		params.P("MemberType", params.TStrings, params.Alias("Type")),
		params.P("View", params.TString),
		params.P("Static", params.TSwitch),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in := ctx.Input
		if !ctx.HasInput {
			// -InputObject names one object, a collection included, and
			// is not enumerated
			if in = ctx.Value("InputObject"); in == nil {
				return nil
			}
		}
		tn := object.TypeName(in)
		if tv, ok := in.(*dotnet.TypeValue); ok && ctx.Switch("Static") {
			// -Static on a type lists that type's static members
			tn = tv.Info.FullName
		}
		seen := seenTypesSlot.Of(ctx)
		if *seen == nil {
			*seen = map[string]bool{}
		}
		if (*seen)[tn] {
			return nil
		}
		(*seen)[tn] = true
		var rows []*object.PSObject
		add := func(name, kind, def string) {
			if names := ctx.Strings("Name"); len(names) > 0 {
				ok := false
				for _, n := range names {
					if wildcard.Match(n, name) {
						ok = true
					}
				}
				if !ok {
					return
				}
			}
			if kinds := ctx.Strings("MemberType"); len(kinds) > 0 {
				ok := false
				for _, k := range kinds {
					if strings.EqualFold(k, kind) || strings.EqualFold(k, "Properties") && strings.HasSuffix(kind, "Property") || strings.EqualFold(k, "All") {
						ok = true
					}
				}
				if !ok {
					return
				}
			}
			o := object.NewObject("Microsoft.PowerShell.Commands.MemberDefinition", "System.Object")
			o.AddTyped("TypeName", "string", tn)
			o.AddTyped("Name", "string", name)
			o.AddTyped("MemberType", "System.Management.Automation.PSMemberTypes", object.Enum{Type: "System.Management.Automation.PSMemberTypes", Name: kind})
			o.AddTyped("Definition", "string", def)
			rows = append(rows, o)
		}
		static, force := ctx.Switch("Static"), ctx.Switch("Force")
		listed := map[string]bool{}
		for _, m := range members.Of(runtime.Of(ctx).Members(), in, static, force) {
			listed[strings.ToLower(m.Name)] = true
			add(m.Name, m.MemberType, m.Definition)
		}
		for _, p := range object.Adapted(in) {
			if static || (p.Hidden && !force) || listed[strings.ToLower(p.Name)] {
				continue
			}
			t := p.TypeName
			if t == "" {
				t = memberTypeName(p.Get())
			}
			switch p.Kind {
			case object.NoteProperty:
				add(p.Name, "NoteProperty", fmt.Sprintf("%s %s=%s", t, p.Name, runtime.Of(ctx).ToStr(p.Get())))
			case object.ScriptProperty:
				add(p.Name, "ScriptProperty", fmt.Sprintf("System.Object %s {get=...}", p.Name))
			default:
				access := "{get;}"
				if p.Settable {
					access = "{get;set;}"
				}
				add(p.Name, "Property", fmt.Sprintf("%s %s %s", t, p.Name, access))
			}
		}
		sort.SliceStable(rows, func(i, j int) bool {
			ki := object.ToInvariantString(rows[i].Value("MemberType"))
			kj := object.ToInvariantString(rows[j].Value("MemberType"))
			if ki != kj {
				return ki < kj
			}
			return strings.ToLower(object.ToInvariantString(rows[i].Value("Name"))) < strings.ToLower(object.ToInvariantString(rows[j].Value("Name")))
		})
		for _, r := range rows {
			if err := ctx.WriteObject(r); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func memberTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "object"
	case string:
		return "string"
	case int:
		return "int"
	case int64:
		return "long"
	case bool:
		return "bool"
	case float64:
		return "double"
	case []any:
		return "Object[]"
	}
	n := object.TypeName(v)
	switch n {
	case "System.DateTime":
		return "datetime"
	case "System.Guid":
		return "guid"
	case "System.TimeSpan":
		return "timespan"
	}
	return n
}

// ---------------------------------------------------------------------------
// Get-Help (generated from the declarations)

func getHelp() *command.Command {
	c := &command.Command{Name: "Get-Help", Type: command.CmdletCommand, Module: ModCore, Version: Version7, FullTypeName: "Microsoft.PowerShell.Commands.GetHelpCommand"}
	c.Synopsis = "Shows help for a command: synopsis, syntax, parameters and examples."
	c.Description = "The syntax and parameter details come from the command's declaration, the same one the binder, tab completion and exosim lint use. " +
		"-Examples shows only the examples, -Detailed and -Full add the parameters, -Parameter NAME shows one parameter. " +
		"Conceptual topics are available too: about_Exosim, about_SimClock and about_SimLabs. A name with wildcards lists matching commands and topics."
	c.Examples = []command.Example{
		{Code: "Get-Help Set-SimClock -Examples", Remark: "Shows how to use Set-SimClock."},
		{Code: "Get-Help Connect-ExchangeOnline -Parameter UserPrincipalName", Remark: "Describes one parameter: type, position, pipeline input."},
		{Code: "Get-Help about_SimClock", Remark: "Explains the simulated clock."},
		{Code: "Get-Help *Sim*", Remark: "Lists the commands and topics whose names contain Sim."},
	}
	c.Sets = []string{"AllUsersView", "DetailedView", "Examples", "Parameters", "Online", "ShowWindow"}
	c.DefaultSet = "AllUsersView"
	c.Params = []*params.Param{
		params.P("Name", params.TString, params.Position(0), params.FromPipelineByName()),
		params.P("Path", params.TString),
		params.P("Category", params.TStrings),
		params.P("Component", params.TStrings),
		params.P("Functionality", params.TStrings),
		params.P("Role", params.TStrings),
		params.P("Full", params.TSwitch, params.InSets(params.Set("AllUsersView", false, -1))),
		params.P("Detailed", params.TSwitch, params.InSets(params.Set("DetailedView", true, -1))),
		params.P("Examples", params.TSwitch, params.InSets(params.Set("Examples", true, -1))),
		params.P("Parameter", params.TStrings, params.InSets(params.Set("Parameters", true, -1))),
		params.P("Online", params.TSwitch, params.InSets(params.Set("Online", true, -1))),
		params.P("ShowWindow", params.TSwitch, params.InSets(params.Set("ShowWindow", true, -1))),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		if name == "" {
			name = "Get-Help"
		}
		if text, ok := AboutTopic(name); ok {
			return ctx.WriteObject(text)
		}
		if wildcard.Has(name) {
			return writeHelpList(ctx, name)
		}
		cmd, ok := runtime.Of(ctx).LookupCommand(name)
		simple := false
		if f, isFn := runtime.Of(ctx).Functions()[strings.ToLower(name)]; isFn {
			// a script function, with its comment-based help if any
			cmd, ok = runtime.Of(ctx).FunctionCommand(f), true
			simple = !runtime.Of(ctx).IsAdvancedFunction(f)
		}
		if !ok {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("Get-Help could not find %s in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.", name), "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand", object.ResourceUnavailable, "HelpNotFoundException", name))
		}
		return ctx.WriteObject(HelpText(cmd, simple, ctx))
	}
	return c
}

// HelpText renders a command's help from its declaration.
// On a terminal the text is wrapped to the window, as PowerShell's help
// views are.
// simple marks a simple script function, which takes no common
// parameters.
func HelpText(c *command.Command, simple bool, ctx *command.Context) string {
	text := RenderHelp(c, HelpOptions{
		Examples: ctx.Switch("Examples"), Detailed: ctx.Switch("Detailed"), Full: ctx.Switch("Full"),
		Parameters: ctx.Strings("Parameter"), SimpleFunction: simple,
	})
	if io := runtime.Of(ctx).IO; io.StdoutTTY {
		if w, _ := io.WindowSize(); w > 20 {
			text = wrapIndented(text, w-1)
		}
	}
	return text
}

// wrapIndented wraps each line longer than width at blanks; the rows it
// adds keep the line's indentation.
func wrapIndented(text string, width int) string {
	lines := strings.Split(text, "\n")
	var out []string
	for _, l := range lines {
		if host.Cells(l) <= width {
			out = append(out, l)
			continue
		}
		body := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(body)]
		if len(indent) > width/2 {
			indent = indent[:width/2]
		}
		for _, w := range wrapWords(body, width-len(indent)) {
			out = append(out, indent+w)
		}
	}
	return strings.Join(out, "\n")
}

// HelpOptions selects the Get-Help view.
type HelpOptions struct {
	Examples, Detailed, Full bool
	// Parameters, when set, shows only the matching parameters (-Parameter).
	Parameters []string
	// SimpleFunction marks a script function without [CmdletBinding()] or
	// [Parameter()]: it takes no common parameters, so its syntax and
	// parameter list do not mention them.
	SimpleFunction bool
}

// RenderHelp renders a command's help from its declaration: NAME,
// SYNOPSIS, SYNTAX (generated), DESCRIPTION, PARAMETERS and EXAMPLES as
// the options ask. A command without help text gets the layout
// PowerShell generates in that case (NAME, SYNTAX, ALIASES, REMARKS).
func RenderHelp(c *command.Command, o HelpOptions) string {
	var b strings.Builder
	section := func(title string, body ...string) {
		b.WriteString("\n" + title + "\n")
		for _, l := range body {
			if l == "" {
				b.WriteString("\n")
				continue
			}
			b.WriteString("    " + l + "\n")
		}
	}
	if c.Synopsis == "" && c.Description == "" && len(c.Examples) == 0 && len(o.Parameters) == 0 {
		section("NAME", c.Name)
		var syn []string
		for _, l := range SyntaxLines(c, !o.SimpleFunction) {
			syn = append(syn, l, "")
		}
		section("SYNTAX", syn...)
		section("ALIASES", "None", "")
		section("REMARKS", "None")
		return b.String()
	}
	if o.Examples {
		section("NAME", c.Name)
		section("SYNOPSIS", c.Synopsis)
		writeExamples(&b, c)
		return b.String()
	}
	if ps := o.Parameters; len(ps) > 0 {
		for _, p := range c.Params {
			for _, want := range ps {
				if wildcard.Match(want, p.Name) {
					writeParam(&b, c, p)
				}
			}
		}
		return b.String()
	}
	section("NAME", c.Name)
	section("SYNOPSIS", c.Synopsis)
	var syn []string
	for _, l := range SyntaxLines(c, !o.SimpleFunction) {
		syn = append(syn, l, "")
	}
	if len(syn) > 0 {
		syn = syn[:len(syn)-1]
	}
	section("SYNTAX", syn...)
	desc := c.Description
	if desc == "" {
		desc = c.Synopsis
	}
	var descLines []string
	for i, para := range strings.Split(desc, "\n\n") {
		if i > 0 {
			descLines = append(descLines, "")
		}
		descLines = append(descLines, wrapWords(para, 80)...)
	}
	section("DESCRIPTION", descLines...)
	if o.Full || o.Detailed {
		b.WriteString("\nPARAMETERS\n")
		for _, p := range c.Params {
			if !p.DontShow {
				writeParam(&b, c, p)
			}
		}
		if c.SupportsShouldProcess {
			writeParam(&b, c, params.P("WhatIf", params.TSwitch, params.Alias("wi"), params.Help("Shows what the command would do without doing it.")))
			writeParam(&b, c, params.P("Confirm", params.TSwitch, params.Alias("cf"), params.Help("Asks for confirmation before acting; -Confirm:$false never asks.")))
		}
		if !o.SimpleFunction {
			b.WriteString("    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n        OutBuffer, PipelineVariable, and OutVariable.\n")
		}
		if o.Full && c.OutputType != "" {
			section("OUTPUTS", c.OutputType)
		}
		writeExamples(&b, c)
	}
	section("REMARKS", fmt.Sprintf("To see the examples, type: \"Get-Help %s -Examples\"", c.Name), fmt.Sprintf("For more information, type: \"Get-Help %s -Detailed\"", c.Name), fmt.Sprintf("For technical information, type: \"Get-Help %s -Full\"", c.Name))
	return b.String()
}

func writeParam(b *strings.Builder, c *command.Command, p *params.Param) {
	fmt.Fprintf(b, "    -%s <%s>\n", p.Name, shortType(p.Type))
	if p.Help != "" {
		fmt.Fprintf(b, "        %s\n", p.Help)
	}
	b.WriteString("\n")
	required, position, pipe := "false", "named", "false"
	for _, s := range p.Sets {
		if s.Mandatory {
			required = "true"
		}
		if s.Position >= 0 {
			position = fmt.Sprint(s.Position)
		}
		switch {
		case s.FromPipeline && s.FromPipelineByName:
			pipe = "true (ByValue, ByPropertyName)"
		case s.FromPipeline:
			pipe = "true (ByValue)"
		case s.FromPipelineByName:
			pipe = "true (ByPropertyName)"
		}
	}
	fmt.Fprintf(b, "        Required?                    %s\n", required)
	fmt.Fprintf(b, "        Position?                    %s\n", position)
	def := p.Default
	if def == "" {
		def = "None"
	}
	fmt.Fprintf(b, "        Default value                %s\n", def)
	fmt.Fprintf(b, "        Accept pipeline input?       %s\n", pipe)
	aliases := "None"
	if len(p.Aliases) > 0 {
		aliases = strings.Join(p.Aliases, ", ")
	}
	fmt.Fprintf(b, "        Aliases                      %s\n", aliases)
	fmt.Fprintf(b, "        Accept wildcard characters?  %v\n\n", p.Wildcards)
}

func writeExamples(b *strings.Builder, c *command.Command) {
	for i, e := range c.Examples {
		fmt.Fprintf(b, "\n    ---------- Example %d ----------\n\n    %s\n\n    %s\n", i+1, e.Code, e.Remark)
	}
}
