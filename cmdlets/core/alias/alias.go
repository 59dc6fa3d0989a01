// Package alias is PowerShell's alias cmdlets: Get-Alias, New-Alias,
// Set-Alias, Remove-Alias, Export-Alias and Import-Alias. Aliases are
// scoped like variables: one set inside a function or script is gone when
// it returns, unless it was set with -Scope Global (or the script was
// dot-sourced). The default aliases are the session's built-in table; an
// alias set in the global scope under one of their names replaces it.
package alias

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scope"
	"github.com/exosim/exosim/shell/wildcard"
)

// Cmdlets declares the alias cmdlets, built together the first time a
// session resolves one of them.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-Alias", "New-Alias", "Set-Alias", "Remove-Alias", "Export-Alias", "Import-Alias"}, Build: commands},
}}

func commands() []*command.Command {
	return []*command.Command{getAlias(), writeAlias("New-Alias"), writeAlias("Set-Alias"), removeAlias(), exportAlias(), importAlias()}
}

// scopeError is the error record of a refused alias or scope operation.
func scopeError(ctx *command.Context, err error, target any) *object.ErrorRecord {
	if se, ok := err.(*scope.Error); ok {
		return ctx.NewError(se.Message, se.ID, se.Category, se.Exception, target)
	}
	return ctx.NewError(err.Error(), "InvalidOperation", object.InvalidOperation, "InvalidOperationException", target)
}

// scopeAt is the scope a -Scope argument names from the caller's; an
// unknown scope ends the command.
func scopeAt(ctx *command.Context) (*runtime.Scope, error) {
	s, err := runtime.Of(ctx).Scope().ScopeAt(ctx.String("Scope"))
	if err != nil {
		return nil, ctx.Fail(scopeError(ctx, err, ctx.String("Scope")))
	}
	return s, nil
}

// tableAt returns the aliases -Scope asks for: those visible from the
// caller's scope without one, else those the named scope holds (private
// ones only when it is the caller's own).
func tableAt(ctx *command.Context) ([]*scope.Alias, error) {
	rt := runtime.Of(ctx)
	if ctx.String("Scope") == "" {
		return engine.VisibleAliases(rt), nil
	}
	s, err := scopeAt(ctx)
	if err != nil {
		return nil, err
	}
	var out []*scope.Alias
	for name := range rt.Aliases() {
		if a := engine.AliasAt(rt, s, name); a != nil && (s == rt.Scope() || a.Options&scope.OptPrivate == 0) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// notFound is the error for a name (or definition) no alias matches.
func notFound(ctx *command.Context, what, value string) *object.ErrorRecord {
	return ctx.NewError(fmt.Sprintf("This command cannot find a matching alias because an alias with the %s '%s' does not exist.", what, value), "ItemNotFoundException", object.ObjectNotFound, "ItemNotFoundException", value)
}

func getAlias() *command.Command {
	c := engine.Cmdlet("Get-Alias", engine.ModUtility, "GetAliasCommand")
	c.Synopsis = "Lists aliases."
	c.Description = "Shows each alias with the command it stands for; -Name accepts wildcards and -Definition finds the aliases of a command."
	c.OutputType = "System.Management.Automation.AliasInfo"
	c.Examples = []command.Example{
		{Code: "Get-Alias ft, fl", Remark: "Shows what ft and fl stand for."},
		{Code: "Get-Alias -Definition Where-Object", Remark: "Lists the aliases of Where-Object."},
	}
	c.Sets = []string{"Default", "Definition"}
	c.DefaultSet = "Default"
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.InSets(params.Set("Default", false, 0)), params.FromPipeline(), params.FromPipelineByName(), params.NotNullOrEmpty()),
		params.P("Exclude", params.TStrings),
		params.P("Scope", params.TString),
		params.P("Definition", params.TStrings, params.InSets(params.Set("Definition", false, -1)), params.NotNullOrEmpty()),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		table, err := tableAt(ctx)
		if err != nil {
			return err
		}
		byDefinition := ctx.Has("Definition")
		values, what := ctx.Strings("Name"), "name"
		if byDefinition {
			values, what = ctx.Strings("Definition"), "definition"
		}
		if len(values) == 0 {
			values = []string{"*"}
		}
		excludes := ctx.Strings("Exclude")
		for _, v := range values {
			found := false
			for _, a := range table {
				key := a.Name
				if byDefinition {
					key = a.Definition
				}
				if !wildcard.Match(v, key) || wildcard.MatchAny(excludes, key) {
					continue
				}
				found = true
				if err := ctx.WriteObject(engine.AliasInfo(a, runtime.Of(ctx))); err != nil {
					return err
				}
			}
			if !found && !wildcard.Has(v) && len(excludes) == 0 {
				if err := ctx.WriteError(notFound(ctx, what, v)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

// optionsOf reads -Option, ScopedItemOptions names (a list, or names
// joined by commas); a name that is no option ends the command with the
// conversion error PowerShell's binder gives.
func optionsOf(ctx *command.Context) (scope.ItemOptions, error) {
	text := strings.Join(ctx.Strings("Option"), ",")
	o, ok := scope.ParseItemOptions(text)
	if !ok {
		e := scope.BadOptions(text)
		return 0, ctx.Fail(ctx.NewError(e.Message, e.ID, e.Category, e.Exception, nil))
	}
	return o, nil
}

// writeAlias is New-Alias and Set-Alias. New-Alias refuses a name already
// an alias (in the scope -Scope names, else anywhere visible) unless
// -Force; both refuse to change a read-only alias without -Force and a
// constant one at all.
func writeAlias(name string) *command.Command {
	c := engine.Cmdlet(name, engine.ModUtility, strings.ReplaceAll(name, "-", "")+"Command")
	isNew := name == "New-Alias"
	if isNew {
		c.Synopsis = "Creates a new alias."
		c.ConfirmImpact = command.ImpactLow
	} else {
		c.Synopsis = "Creates or changes an alias for a cmdlet or other command in the current PowerShell session."
		c.ConfirmImpact = command.ImpactMedium
	}
	c.SupportsShouldProcess = true
	c.OutputType = "System.Management.Automation.AliasInfo"
	c.Params = []*params.Param{
		params.P("Name", params.TString, params.Mandatory(), params.Position(0), params.FromPipelineByName()),
		params.P("Value", params.TString, params.Mandatory(), params.Position(1), params.FromPipelineByName()),
		params.P("Description", params.TString),
		params.P("Option", params.TStrings),
		params.P("PassThru", params.TSwitch),
		params.P("Scope", params.TString),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		opts, err := optionsOf(ctx)
		if err != nil {
			return err
		}
		a := &scope.Alias{Name: ctx.String("Name"), Definition: ctx.String("Value"), Description: ctx.String("Description"), Options: opts}
		target, err := scopeAt(ctx)
		if err != nil {
			return err
		}
		force := ctx.Switch("Force")
		if isNew && !force && existing(rt, a.Name, ctx.String("Scope") != "", target) != nil {
			return ctx.WriteError(ctx.NewError(fmt.Sprintf("The alias is not allowed, because an alias with the name '%s' already exists.", a.Name), "AliasAlreadyExists", object.ResourceExists, "SessionStateException", a.Name))
		}
		action := "Set Alias"
		if isNew {
			action = "New Alias"
		}
		ok, err := ctx.ShouldProcess(fmt.Sprintf("Name: %s Value: %s", a.Name, a.Definition), action)
		if err != nil || !ok {
			return err
		}
		if err := engine.PutAlias(rt, target, a, force); err != nil {
			return ctx.WriteError(scopeError(ctx, err, a.Name))
		}
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(engine.AliasInfo(a, rt))
		}
		return nil
	}
	return c
}

// existing is the alias a name already is: in the scope -Scope named
// (when atScope), else visible from the caller's.
func existing(rt *runtime.Runtime, name string, atScope bool, s *runtime.Scope) *scope.Alias {
	if !atScope {
		return engine.LookupAlias(rt, name)
	}
	a := engine.AliasAt(rt, s, name)
	if a != nil && a.Options&scope.OptPrivate != 0 && s != rt.Scope() {
		return nil
	}
	return a
}

// removeAlias is Remove-Alias. As in PowerShell, -Scope decides only
// whether the alias exists: the one removed is the nearest visible one.
func removeAlias() *command.Command {
	c := engine.Cmdlet("Remove-Alias", engine.ModUtility, "RemoveAliasCommand")
	c.Synopsis = "Remove an alias from the current session."
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Mandatory(), params.Position(0), params.FromPipeline(), params.FromPipelineByName()),
		params.P("Scope", params.TString),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		rt := runtime.Of(ctx)
		s, err := scopeAt(ctx)
		if err != nil {
			return err
		}
		for _, n := range ctx.Strings("Name") {
			if existing(rt, n, ctx.String("Scope") != "", s) == nil {
				if err := ctx.WriteError(notFound(ctx, "name", n)); err != nil {
					return err
				}
				continue
			}
			nearest := engine.LookupAlias(rt, n)
			if nearest == nil {
				continue
			}
			if err := scope.CheckAliasRemove(nearest, ctx.Switch("Force")); err != nil {
				return ctx.Fail(scopeError(ctx, err, n))
			}
			rt.RemoveAlias(n)
		}
		return nil
	}
	return c
}
