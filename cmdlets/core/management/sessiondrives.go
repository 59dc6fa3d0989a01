package management

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/wildcard"
)

// The drives of session items (Env:, Variable:, Function:, Alias:) are
// flat: each item is a name under the drive's root. A wildcard path on
// them matches the names of the items there, as on a folder. Writing an
// item (New-Item, Set-Item, Rename-Item) takes a value of the kind the
// drive holds: any value for a variable, text for an environment
// variable, a script block, text or function for a function, a command
// name or alias for an alias. $null removes the item, except a variable,
// which then holds $null.

// expandPaths resolves a -Path argument that may hold wildcards into the
// existing paths it matches, on every kind of drive. A path without
// wildcards resolves to itself whether or not it exists.
func expandPaths(rt *runtime.Runtime, s string) ([]fsys.Path, error) {
	paths, err := rt.Files().Expand(s)
	if err != nil {
		return nil, err
	}
	var out []fsys.Path
	for _, p := range paths {
		if p.Drive.Provider == fsys.FileSystem || !wildcard.Has(p.Rel) {
			out = append(out, p)
			continue
		}
		for _, it := range sessionItems(rt, p.Drive) {
			if wildcard.Match(p.Rel, it.Path.Rel) {
				out = append(out, it.Path)
			}
		}
	}
	return out, nil
}

// sessionItemObject is an item of a session drive as the item cmdlets
// write it: the item with the notes a provider adds in front of its
// members, its provider-qualified path (which -LiteralPath takes from the
// pipeline), drive and provider, and that it is no container.
func sessionItemObject(p fsys.Path, v any) *object.PSObject {
	o := object.NewObject(object.TypeNames(v)...)
	o.AddTyped("PSPath", "string", p.PSPath())
	o.AddTyped("PSDrive", "System.Management.Automation.PSDriveInfo", provider.DriveInfo(p.Drive))
	o.AddTyped("PSProvider", "System.Management.Automation.ProviderInfo", provider.ProviderInfo(p.Drive.Provider))
	o.AddTyped("PSIsContainer", "bool", false)
	src, ok := v.(*object.PSObject)
	if !ok {
		o.Base = v
		if e, ok := v.(object.DictionaryEntry); ok {
			o.AddTyped("Name", "System.Object", e.Key)
			o.AddTyped("Key", "System.Object", e.Key)
			o.AddTyped("Value", "System.Object", e.Value)
		}
		return o
	}
	o.Base, o.ToStringFunc = src.Base, src.ToStringFunc
	for _, prop := range src.Properties() {
		o.AddProperty(prop)
	}
	return o
}

// notSupported is a provider's refusal of an operation it does not have
// (Set-Item on a file system drive).
func notSupported(ctx *command.Context, target string) *object.ErrorRecord {
	return ctx.NewError("Provider operation stopped because the provider does not support this operation.", "NotSupported", object.NotImplemented, "PSNotSupportedException", target)
}

// nullArgument is the message of an argument a provider needs that is
// missing.
func nullArgument(name string) string {
	return fmt.Sprintf("Cannot process argument because the value of argument \"%s\" is null. Change the value of argument \"%s\" to a non-null value.", name, name)
}

// badItemValue refuses a value a drive cannot hold (a number as a
// function, a script block as an alias).
func badItemValue(ctx *command.Context, name string) *object.ErrorRecord {
	return ctx.NewError("Cannot process argument because the value of argument \"value\" is not valid. Change the value of the \"value\" argument and run the operation again.", "Argument", object.InvalidArgument, "PSArgumentException", name)
}

// itemExists refuses to create an item over one already there.
func itemExists(ctx *command.Context, name string) *object.ErrorRecord {
	return ctx.NewError(fmt.Sprintf("The item at path '%s' already exists.", name), "Argument", object.InvalidArgument, "PSArgumentException", name)
}

// scopeRecord is the error record of a refusal from the session's scopes
// (a read-only variable or alias).
func scopeRecord(ctx *command.Context, err error, target string) *object.ErrorRecord {
	var se *scope.Error
	if errors.As(err, &se) {
		return ctx.NewError(se.Message, se.ID, se.Category, se.Exception, target)
	}
	return ctx.NewError(err.Error(), "Argument", object.InvalidArgument, "PSArgumentException", target)
}

func hasType(v any, name string) bool {
	for _, t := range object.TypeNames(v) {
		if t == name {
			return true
		}
	}
	return false
}

// sessionValueText is a value as the confirmation messages show it.
func sessionValueText(rt *runtime.Runtime, v any) string {
	if v == nil {
		return ""
	}
	return rt.ToStr(v)
}

// setSessionItem sets the item name of a session drive to value; force
// overwrites a read-only variable or alias. A nil record is success.
func setSessionItem(ctx *command.Context, d *fsys.Drive, name string, value any, force bool) *object.ErrorRecord {
	rt := runtime.Of(ctx)
	if o, ok := value.(*object.PSObject); ok && o.Base != nil {
		value = o.Base
	}
	switch d.Provider {
	case fsys.Environment:
		if value == nil {
			rt.Env().Unset(name)
			return nil
		}
		if e, ok := value.(object.DictionaryEntry); ok {
			value = e.Value
		}
		rt.Env().Set(name, rt.ToStr(value))
	case fsys.Variable:
		if hasType(value, "System.Management.Automation.PSVariable") {
			value = object.PropertyValue(value, "Value")
		}
		if err := rt.Scope().Define(name, value, scope.Options{Force: force}); err != nil {
			return scopeRecord(ctx, err, name)
		}
	case fsys.Function:
		// -Options gives the function those options; without it a new
		// function's options are Unspecified and an existing one's stay
		withOpts := ctx.Has("Options")
		opts := scope.OptUnspecified
		if withOpts {
			opts = itemOptions(ctx)
		}
		if value == nil {
			if !withOpts {
				return removeSessionItem(ctx, d, name, force)
			}
			if _, err := rt.Scope().SetFunctionOptions(name, opts); err != nil {
				return scopeRecord(ctx, err, name)
			}
			return nil
		}
		var f *scriptcmd.Function
		switch v := value.(type) {
		case *automation.ScriptBlock:
			f = scriptcmd.NewFunction(&syntax.FunctionDef{Ext: v.AST.Ext, Name: name, Body: v.AST})
		case string:
			sb, err := automation.Create(v)
			if err != nil {
				return ctx.NewError(err.Error(), "ParseException", object.ParserError, "ParseException", name)
			}
			f = scriptcmd.NewFunction(&syntax.FunctionDef{Ext: sb.AST.Ext, Name: name, Body: sb.AST})
		default:
			srcName := rt.ToStr(object.PropertyValue(value, "Name"))
			src := rt.Functions()[strings.ToLower(srcName)]
			if !hasType(value, "System.Management.Automation.FunctionInfo") || src == nil {
				return badItemValue(ctx, name)
			}
			cp := *src
			cp.Name = name
			f = &cp
			if !withOpts {
				// a function given as the value brings its options
				opts, _ = rt.Scope().FunctionOptions(srcName)
				withOpts = true
			}
		}
		if err := defineFunctionItem(rt, name, f, opts, withOpts, force); err != nil {
			return scopeRecord(ctx, err, name)
		}
	case fsys.Alias:
		withOpts := ctx.Has("Options")
		set := itemOptions(ctx)
		old := engine.AliasAt(rt, rt.Scope(), name)
		if value == nil && !withOpts {
			return removeSessionItem(ctx, d, name, force)
		}
		a := &scope.Alias{Name: name}
		if old != nil {
			a.Definition, a.Options, a.Description = old.Definition, old.Options, old.Description
		}
		if withOpts {
			a.Options = set
		}
		switch v := value.(type) {
		case nil:
			if old == nil {
				return nil
			}
		case string:
			a.Definition = v
		default:
			if !hasType(value, "System.Management.Automation.AliasInfo") {
				return badItemValue(ctx, name)
			}
			a.Definition = rt.ToStr(object.PropertyValue(value, "Definition"))
			if e, ok := object.PropertyValue(value, "Options").(object.Enum); ok && !withOpts {
				a.Options, _ = scope.ParseItemOptions(e.Name)
			}
		}
		if err := engine.PutAlias(rt, rt.Scope(), a, force); err != nil {
			return scopeRecord(ctx, err, name)
		}
	}
	return nil
}

// defineFunctionItem defines function name as the Function: provider
// does: with options (withOpts) in the current scope, without them in
// the scope that holds the function already (else the current one).
func defineFunctionItem(rt *runtime.Runtime, name string, f *scriptcmd.Function, opts scope.ItemOptions, withOpts, force bool) error {
	target := rt.Scope()
	if !withOpts {
		if c := target.FunctionScope(name); c != nil {
			target = c
		}
	}
	return target.DefineFunction(name, f, opts, force)
}

// removeSessionItem removes the item name of a session drive; force
// removes a read-only variable or alias.
func removeSessionItem(ctx *command.Context, d *fsys.Drive, name string, force bool) *object.ErrorRecord {
	rt := runtime.Of(ctx)
	switch d.Provider {
	case fsys.Environment:
		rt.Env().Unset(name)
	case fsys.Variable:
		if _, err := rt.Scope().Delete(name, "", force); err != nil {
			return scopeRecord(ctx, err, name)
		}
	case fsys.Function:
		if _, err := rt.RemoveFunction(name, force); err != nil {
			return scopeRecord(ctx, err, name)
		}
	case fsys.Alias:
		if a := engine.LookupAlias(rt, name); a != nil {
			if err := scope.CheckAliasRemove(a, force); err != nil {
				return scopeRecord(ctx, err, name)
			}
		}
		rt.RemoveAlias(name)
	}
	return nil
}

// itemOptions is -Options, the options New-Item and Set-Item give an
// alias or a function (checkOptions has refused a value naming none).
func itemOptions(ctx *command.Context) scope.ItemOptions {
	o, _ := scope.ParseItemOptions(ctx.String("Options"))
	return o
}

// checkOptions refuses -Options where the drive's provider does not take
// it (it takes it on Alias: and Function: only) and an -Options value
// that names no option, as parameter binding does.
func checkOptions(ctx *command.Context, p fsys.Path) *object.ErrorRecord {
	if !ctx.Has("Options") {
		return nil
	}
	if p.Drive.Provider != fsys.Alias && p.Drive.Provider != fsys.Function {
		return ctx.NewError("A parameter cannot be found that matches parameter name 'Options'.", "NamedParameterNotFound", object.InvalidArgument, "ParameterBindingException", nil)
	}
	text := ctx.String("Options")
	if _, ok := scope.ParseItemOptions(text); !ok {
		se := scope.BadOptions(text)
		return ctx.NewError(strings.Replace(se.Message, "parameter 'Option'.", "parameter 'Options'.", 1), se.ID, se.Category, se.Exception, nil)
	}
	return nil
}

// writeSessionItem writes the item at p when it exists.
func writeSessionItem(ctx *command.Context, p fsys.Path) error {
	rt := runtime.Of(ctx)
	if it, ok := Lookup(rt, p); ok {
		return ctx.WriteObject(itemObject(rt, it))
	}
	return nil
}

// newSessionItem is New-Item on a session drive: the value is required
// and an item already there is replaced only with -Force.
func newSessionItem(ctx *command.Context, p fsys.Path) error {
	rt := runtime.Of(ctx)
	name := p.Rel
	if name == "" {
		return ctx.WriteError(ctx.NewError("Cannot process argument because the value of argument \"name\" is not valid. Change the value of the \"name\" argument and run the operation again.", "Argument", object.InvalidArgument, "PSArgumentException", nil))
	}
	if rec := checkOptions(ctx, p); rec != nil {
		return ctx.Fail(rec)
	}
	v := ctx.Value("Value")
	if v == nil {
		return ctx.WriteError(ctx.NewError(nullArgument("value"), "NewItemValueNotSpecified", object.InvalidArgument, "PSArgumentNullException", name))
	}
	force := ctx.Switch("Force")
	if _, exists := Lookup(rt, p); exists && !force {
		return ctx.WriteError(itemExists(ctx, name))
	}
	target := fmt.Sprintf("Item: %s Type: %s Value: %s", name, ctx.String("ItemType"), sessionValueText(rt, v))
	if ok, err := ctx.ShouldProcess(target, "New Item"); err != nil || !ok {
		return err
	}
	if rec := setSessionItem(ctx, p.Drive, name, v, force); rec != nil {
		return ctx.WriteError(rec)
	}
	return writeSessionItem(ctx, p)
}

// renameSessionItem is Rename-Item on a session drive: the item moves to
// the new name with its value (a variable's or alias's options too); a
// read-only variable or alias moves only with -Force.
func renameSessionItem(ctx *command.Context, it Item, newName string) error {
	rt := runtime.Of(ctx)
	p := it.Path
	force := ctx.Switch("Force")
	target := p.Drive
	dest := fsys.Path{Drive: target, Rel: newName}
	if _, exists := Lookup(rt, dest); exists && !force && !strings.EqualFold(newName, p.Rel) {
		return ctx.WriteError(itemExists(ctx, newName))
	}
	var opts scope.ItemOptions
	switch target.Provider {
	case fsys.Variable:
		if v := rt.Scope().Find(p.Rel); v != nil {
			opts, _ = scope.ParseItemOptions(v.Options().Name)
		}
	case fsys.Alias:
		if a := engine.LookupAlias(rt, p.Rel); a != nil {
			opts = a.Options
		}
	case fsys.Function:
		opts, _ = rt.Scope().FunctionOptions(p.Rel)
	}
	if opts&scope.OptConstant != 0 || opts&scope.OptReadOnly != 0 && !force {
		kind := strings.ToLower(string(target.Provider))
		id := "CannotRenameVariable"
		switch target.Provider {
		case fsys.Alias:
			id = "CannotRenameAlias"
		case fsys.Function:
			id = "CannotRenameFunction"
		}
		return ctx.WriteError(ctx.NewError(fmt.Sprintf("Cannot rename %s because %s %s is read-only or constant.", kind, kind, p.Rel), id, object.WriteError, "SessionStateUnauthorizedAccessException", p.Rel))
	}
	if ok, err := ctx.ShouldProcess(fmt.Sprintf("Item: %s NewName: %s", p.Rel, newName), "Rename Item"); err != nil || !ok {
		return err
	}
	if !strings.EqualFold(newName, p.Rel) {
		if rec := moveSessionItem(ctx, it, newName, opts); rec != nil {
			return ctx.WriteError(rec)
		}
	}
	if ctx.Switch("PassThru") {
		return writeSessionItem(ctx, dest)
	}
	return nil
}

// moveSessionItem gives the item it's value, and options, to newName and
// removes it.
func moveSessionItem(ctx *command.Context, it Item, newName string, opts scope.ItemOptions) *object.ErrorRecord {
	rt := runtime.Of(ctx)
	d := it.Path.Drive
	old := it.Path.Rel
	switch d.Provider {
	case fsys.Variable:
		v := rt.Scope().Find(old)
		if v == nil {
			return nil
		}
		desc := v.Description
		if err := rt.Scope().Define(newName, v.Value, scope.Options{Force: true, New: true, Option: opts.String(), Description: &desc}); err != nil {
			return scopeRecord(ctx, err, newName)
		}
	case fsys.Alias:
		a := engine.LookupAlias(rt, old)
		if a == nil {
			return nil
		}
		if err := engine.PutAlias(rt, rt.Scope(), &scope.Alias{Name: newName, Definition: a.Definition, Description: a.Description, Options: a.Options}, true); err != nil {
			return scopeRecord(ctx, err, newName)
		}
	case fsys.Function:
		// the function moves with its options
		src := rt.Functions()[strings.ToLower(old)]
		if src == nil {
			return nil
		}
		if rec := setSessionItem(ctx, d, newName, engine.ScriptFunctionInfo(rt, src), ctx.Switch("Force")); rec != nil {
			return rec
		}
	default:
		if rec := setSessionItem(ctx, d, newName, sessionItemValue(rt, it), true); rec != nil {
			return rec
		}
	}
	return removeSessionItem(ctx, d, old, true)
}

// copySessionItem is Copy-Item within a session drive: the destination
// name takes the item's value, replacing what it held; copying to the
// drive's root or to the item itself changes nothing.
func copySessionItem(ctx *command.Context, it Item, dest fsys.Path) error {
	rt := runtime.Of(ctx)
	from, to := it.Path.Rel, dest.Rel
	if to != "" && !strings.EqualFold(from, to) {
		if ok, err := ctx.ShouldProcess(fmt.Sprintf("Item: %s Destination: %s", from, to), "Copy Item"); err != nil || !ok {
			return err
		}
		var rec *object.ErrorRecord
		if f := rt.Functions()[strings.ToLower(from)]; it.Path.Drive.Provider == fsys.Function && f != nil {
			// the copy takes the function's options
			rec = setSessionItem(ctx, dest.Drive, to, engine.ScriptFunctionInfo(rt, f), ctx.Switch("Force"))
		} else {
			rec = setSessionItem(ctx, dest.Drive, to, sessionItemValue(rt, it), ctx.Switch("Force"))
		}
		if rec != nil {
			return ctx.WriteError(rec)
		}
	} else {
		dest = it.Path
	}
	if ctx.Switch("PassThru") {
		return writeSessionItem(ctx, dest)
	}
	return nil
}

// sessionItemValue is what an item of a session drive holds: an
// environment variable's text, a variable's value, a function's script
// block, an alias's definition. Get-Content reads it.
func sessionItemValue(rt *runtime.Runtime, it Item) any {
	name := it.Path.Rel
	switch it.Path.Drive.Provider {
	case fsys.Environment:
		v, _ := rt.Env().Get(name)
		return v
	case fsys.Variable:
		if v := rt.Scope().Find(name); v != nil {
			return v.Value
		}
	case fsys.Function:
		if f := rt.Functions()[strings.ToLower(name)]; f != nil {
			return f.Body
		}
	case fsys.Alias:
		if a := engine.LookupAlias(rt, name); a != nil {
			return a.Definition
		}
	}
	return nil
}

// setItem is Set-Item: it gives items of the session drives a value,
// creating those that do not exist. The FileSystem provider has no item
// value to set, so on a file system drive it is PowerShell's refusal.
func setItem() *command.Command {
	c := engine.Cmdlet("Set-Item", engine.ModManagement, "SetItemCommand")
	c.Synopsis = "Sets the value of an item of Env:, Variable:, Function: or Alias: (creating it if needed)."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, false,
		params.P("Value", params.TObject, params.Position(1), params.FromPipeline(), params.FromPipelineByName()),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
		params.P("Credential", params.TObject),
		params.P("Options", params.TString),
	)
	c.Examples = []command.Example{
		{Code: `Set-Item -Path Env:\REPORT_DIR -Value C:\Reports`, Remark: "Sets an environment variable of the session."},
		{Code: `Set-Item -Path Function:\Get-Stamp -Value { (Get-Date).ToString('s') }`, Remark: "Defines (or redefines) a function."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		paths, literal := PathArgs(ctx)
		for _, arg := range paths {
			var targets []fsys.Path
			var err error
			if literal {
				var p fsys.Path
				p, err = rt.Files().Resolve(arg)
				targets = []fsys.Path{p}
			} else {
				targets, err = expandPaths(rt, arg)
			}
			if err != nil {
				if err := ctx.WriteError(resolveError(ctx, err, arg)); err != nil {
					return err
				}
				continue
			}
			for _, p := range targets {
				if err := setOneItem(ctx, p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

func setOneItem(ctx *command.Context, p fsys.Path) error {
	rt := runtime.Of(ctx)
	if rec := checkOptions(ctx, p); rec != nil {
		return ctx.Fail(rec)
	}
	if p.Drive.Provider == fsys.FileSystem {
		return ctx.WriteError(notSupported(ctx, p.String()))
	}
	if !KeepChild(ctx, Item{Path: p}) {
		return nil
	}
	name := p.Rel
	if name == "" {
		return ctx.WriteError(ctx.NewError(nullArgument("name"), "SetItemNullName", object.InvalidArgument, "PSArgumentNullException", name))
	}
	v := ctx.Value("Value")
	if ok, err := ctx.ShouldProcess(fmt.Sprintf("Item: %s Value: %s", name, sessionValueText(rt, v)), "Set Item"); err != nil || !ok {
		return err
	}
	if rec := setSessionItem(ctx, p.Drive, name, v, ctx.Switch("Force")); rec != nil {
		return ctx.WriteError(rec)
	}
	if ctx.Switch("PassThru") {
		return writeSessionItem(ctx, p)
	}
	return nil
}

// clearItem is Clear-Item: an item of a session drive loses its value (a
// variable then holds $null; an environment variable, a function or an
// alias is removed). The FileSystem provider has no item value to clear.
func clearItem() *command.Command {
	c := engine.Cmdlet("Clear-Item", engine.ModManagement, "ClearItemCommand")
	c.Synopsis = "Clears the value of an item of Env:, Variable:, Function: or Alias:."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Sets = []string{"Path", "LiteralPath"}
	c.DefaultSet = "Path"
	c.Params = ItemParams(true, false,
		params.P("Force", params.TSwitch),
		params.P("Credential", params.TObject),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		return forEachKept(ctx, Expand, func(it Item) error {
			p := it.Path
			if p.Drive.Provider == fsys.FileSystem {
				return ctx.WriteError(notSupported(ctx, p.String()))
			}
			if p.IsRoot() {
				return ctx.WriteError(ctx.NewError(nullArgument("path"), "ClearItemNullPath", object.InvalidArgument, "PSArgumentNullException", p.String()))
			}
			if ok, err := ctx.ShouldProcess("Item: "+p.Rel, "Clear Item"); err != nil || !ok {
				return err
			}
			if rec := setSessionItem(ctx, p.Drive, p.Rel, nil, ctx.Switch("Force")); rec != nil {
				return ctx.WriteError(rec)
			}
			return nil
		})
	}
	return c
}
