package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/modmember"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

// Script modules: Import-Module of a .psm1 or .psd1 file (or of a module
// folder under $env:PSModulePath), Export-ModuleMember inside one, and
// their PSModuleInfo for Get-Module and Remove-Module. The interpreter
// runs the module's file in its own scope (runtime.LoadModule).

// importScriptModule imports the script module a name or path names.
func importScriptModule(ctx *command.Context, name string) error {
	rt := runtime.Of(ctx)
	force := ctx.Switch("Force")
	c := versionConstraint(ctx)
	var m *module.Module
	if !module.IsPath(name) && !force {
		// a module loaded already (at a version the constraint allows) is
		// imported again by its name
		for _, have := range rt.Modules().All() {
			if (have.Name == name || module.MatchAny([]string{name}, have.Name)) && c.Matches(have.Version) {
				m = have
			}
		}
	}
	if m == nil {
		path, ok := rt.FindModuleMatching(name, "", c)
		if !ok {
			if c.Any() {
				return writeModuleError(ctx, module.ErrVersionNotFound(name, c))
			}
			return writeModuleError(ctx, module.ErrNotFound(name))
		}
		ctx.WriteVerbose(fmt.Sprintf("Loading module from path '%s'.", path))
		var err error
		var args []any
		if v := ctx.Value("ArgumentList"); v != nil {
			if items, ok := object.Elements(v); ok {
				args = items
			} else {
				args = []any{v}
			}
		}
		m, _, err = rt.LoadModule(path, args, force)
		var me *module.Error
		if errors.As(err, &me) {
			return writeModuleError(ctx, me)
		}
		if err != nil {
			return err
		}
	}
	scope := ctx.String("Scope")
	target := rt.ModuleTarget(ctx.Switch("Global") || scope == "Global", scope == "Local")
	imported := modmember.Import(m, target, modmember.Filter{
		Functions: ctx.Strings("Function"), Variables: ctx.Strings("Variable"), Aliases: ctx.Strings("Alias"),
		Prefix: ctx.String("Prefix"), NoClobber: ctx.Switch("NoClobber"),
		Exists: func(n string) bool {
			_, ok := rt.LookupCommand(n)
			return ok || rt.Functions()[strings.ToLower(n)] != nil
		},
	})
	check := module.NameCheck{Module: m.Name}
	for _, im := range imported {
		if im.Kind == module.Function {
			warnings, verbose := check.Check(im.Name)
			if !ctx.Switch("DisableNameChecking") {
				for _, w := range warnings {
					ctx.WriteWarning(w)
				}
			}
			for _, v := range verbose {
				ctx.WriteVerbose(v)
			}
		}
		ctx.WriteVerbose(fmt.Sprintf("Importing %s '%s'.", strings.ToLower(im.Kind), im.Name))
	}
	if ctx.Switch("PassThru") {
		return ctx.WriteObject(m.Info())
	}
	return nil
}

// writeModuleError writes a module's failure to load as Import-Module's
// non-terminating error (or fails with it, for one that ends the import).
func writeModuleError(ctx *command.Context, e *module.Error) error {
	rec := ctx.NewError(e.Message, e.ID, e.Category, e.Exception, e.Target)
	if e.Terminating {
		return ctx.Fail(rec)
	}
	return ctx.WriteError(rec)
}

// versionConstraint is what Import-Module's -RequiredVersion,
// -MinimumVersion and -MaximumVersion ask of the module's version.
func versionConstraint(ctx *command.Context) module.Constraint {
	return module.Constraint{Required: ctx.String("RequiredVersion"), Minimum: ctx.String("MinimumVersion"), Maximum: ctx.String("MaximumVersion")}
}

// removeScriptModules removes the script modules whose names match n;
// removed tells whether it removed one.
func removeScriptModules(ctx *command.Context, n string) (removed bool, err error) {
	rt := runtime.Of(ctx)
	for _, m := range rt.Modules().Match([]string{n}) {
		ok, err := ctx.ShouldProcess(fmt.Sprintf("%s (Path: '%s')", m.Name, m.Path), "Remove-Module")
		if err != nil {
			return removed, err
		}
		if ok {
			if err := rt.RemoveModule(m); err != nil {
				return removed, err
			}
			removed = true
		}
	}
	return removed, nil
}

func exportModuleMember() *command.Command {
	c := Cmdlet("Export-ModuleMember", ModCore, "ExportModuleMemberCommand")
	c.Synopsis = "Chooses the functions, variables and aliases a script module exports."
	c.Params = []*params.Param{
		params.P("Function", params.TStrings, params.Position(0), params.FromPipeline(), params.FromPipelineByName(), AllowEmpty()),
		params.P("Cmdlet", params.TStrings, params.FromPipelineByName(), AllowEmpty()),
		params.P("Variable", params.TStrings, params.FromPipelineByName()),
		params.P("Alias", params.TStrings, params.FromPipelineByName()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		if !modmember.Export(rt.Scope(), ctx.Strings("Function"), ctx.Strings("Variable"), ctx.Strings("Alias")) {
			return ctx.Fail(ctx.NewError("The Export-ModuleMember cmdlet can only be called from inside a module.", "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", object.PermissionDenied, "InvalidOperationException", nil))
		}
		return nil
	}
	return c
}
