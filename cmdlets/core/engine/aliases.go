package engine

import (
	"sort"
	"strings"
	"sync"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/scope"
)

// PowerShell's default aliases carry options: most are read-only (they
// change only with -Force), a few are seen in every scope (AllScope),
// some are both and the rest have none.
var (
	readOnlyAliases = lazy.Value[map[string]bool]{Build: func() map[string]bool {
		return optionSet(`ac clc clhy cli clp clv cnsn compare cpi cpp cvpa dbp diff dnsn ebp epal epcsv fc fl ft fw
			gal gbp gc gci gcm gcs gdr gerr ghy gi gl gm gmo gp gps gpv group gsv gu gv gwmi iex ihy ii ipal ipcsv ipmo irm ise
			iwmi iwr measure mi mp nal ndr ni nmo nv ogv oh rbp rdr ri rmo rni rnp rp rv rvpa rwmi sal saps sasv sbp sc shcm si
			sl sleep sort sp spps spsv start sv swmi tee trcm write % ? foreach select where`)
	}}
	allScopeAliases = lazy.Value[map[string]bool]{Build: func() map[string]bool {
		return optionSet(`cd copy cp del dir echo md move popd pushd % ? foreach select where`)
	}}
)

func optionSet(names string) map[string]bool {
	out := map[string]bool{}
	for _, n := range strings.Fields(names) {
		out[n] = true
	}
	return out
}

// BuiltinItemOptions returns the options of one of the default aliases.
func BuiltinItemOptions(name string) scope.ItemOptions {
	key := strings.ToLower(name)
	var o scope.ItemOptions
	if readOnlyAliases.Get()[key] {
		o |= scope.OptReadOnly
	}
	if allScopeAliases.Get()[key] {
		o |= scope.OptAllScope
	}
	return o
}

// builtinAlias returns the default alias of that name, if the session
// still has it.
func builtinAlias(rt *runtime.Runtime, name string) *scope.Alias {
	t, ok := rt.BuiltinAlias(name)
	if !ok {
		return nil
	}
	if spelled, _, ok := moduleAlias(name); ok {
		return &scope.Alias{Name: spelled, Definition: t}
	}
	return &scope.Alias{Name: strings.ToLower(name), Definition: t, Options: BuiltinItemOptions(name)}
}

// LookupAlias returns the alias of that name visible from the current
// scope: a scope's, else the default one (nil when there is none).
func LookupAlias(rt *runtime.Runtime, name string) *scope.Alias {
	if a := rt.Scope().Alias(name); a != nil {
		return a
	}
	return builtinAlias(rt, name)
}

// AliasAt returns the alias of that name held by the scope s: its own,
// else a default one when s is the global scope or the default alias is
// seen in every scope.
func AliasAt(rt *runtime.Runtime, s *runtime.Scope, name string) *scope.Alias {
	if a := s.AliasHere(name); a != nil {
		return a
	}
	if a := builtinAlias(rt, name); a != nil && (s == s.Global() || a.Options&scope.OptAllScope != 0) {
		return a
	}
	return nil
}

// VisibleAliases returns the aliases visible from the current scope in
// name order.
func VisibleAliases(rt *runtime.Runtime) []*scope.Alias {
	var out []*scope.Alias
	for name := range rt.Aliases() {
		if a := LookupAlias(rt, name); a != nil {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// PutAlias sets alias a in scope s, checking the alias of that name s already
// holds (an AllScope alias is part of every scope opened from its scope
// afterwards); replacing a default alias takes it out of the built-in
// table.
func PutAlias(rt *runtime.Runtime, s *runtime.Scope, a *scope.Alias, force bool) error {
	old := AliasAt(rt, s, a.Name)
	if err := scope.CheckAliasWrite(old, a, force); err != nil {
		return err
	}
	if s == s.Global() {
		if _, ok := rt.BuiltinAlias(a.Name); ok {
			rt.RemoveBuiltinAlias(a.Name)
		}
	}
	s.PutAlias(a)
	return nil
}

// commandInfoNamed is the CommandInfo of what a command name stands for
// from the current scope: an alias, a function or a cmdlet (nil when it
// is none).
func commandInfoNamed(rt *runtime.Runtime, name string) any {
	if a := rt.Scope().Alias(name); a != nil {
		return AliasInfo(a, rt)
	}
	if _, ok := rt.BuiltinAlias(name); ok {
		return AliasInfo(builtinAlias(rt, name), rt)
	}
	if f := rt.Functions()[strings.ToLower(name)]; f != nil {
		return ScriptFunctionInfo(rt, f)
	}
	if c, ok := rt.LookupCommand(name); ok {
		return CommandInfo(rt, c)
	}
	return nil
}

// AliasInfo is the AliasInfo object of an alias, as Get-Alias, New-Alias
// -PassThru and the Alias: drive show it. What the alias refers to (the
// next name of a chain) and resolves to (the command at its end) are
// looked up when read.
func AliasInfo(a *scope.Alias, rt *runtime.Runtime) *object.PSObject {
	o := object.NewObject("System.Management.Automation.AliasInfo", "System.Management.Automation.CommandInfo", "System.Object")
	resolved, _ := rt.ResolveAlias(a.Name)
	lazy := func(name string, build func() any) {
		var once sync.Once
		var v any
		o.AddProperty(&object.Property{Name: name, Kind: object.AdaptedProperty, TypeName: "System.Management.Automation.CommandInfo", Getter: func() any {
			once.Do(func() { v = build() })
			return v
		}})
	}
	// The members in PowerShell's order: the alias's own, then those of
	// every command. An alias the session defines belongs to no module: it
	// has no version and no source.
	// DisplayName names the command at the end of the chain, or the
	// definition when the chain ends in no command.
	end := resolvedName(rt, resolved)
	display := end
	if display == "" {
		display = a.Definition
	}
	o.AddTyped("HelpUri", "string", "")
	o.AddTyped("ResolvedCommandName", "string", end)
	o.AddTyped("DisplayName", "string", a.Name+" -> "+display)
	lazy("ReferencedCommand", func() any { return commandInfoNamed(rt, a.Definition) })
	lazy("ResolvedCommand", func() any { return commandInfoNamed(rt, resolved) })
	o.AddTyped("Definition", "string", a.Definition)
	o.AddTyped("Options", "System.Management.Automation.ScopedItemOptions", a.Options.Enum())
	o.AddTyped("Description", "string", a.Description)
	o.AddTyped("Name", "string", a.Name)
	o.AddTyped("CommandType", "System.Management.Automation.CommandTypes", object.Enum{Type: "System.Management.Automation.CommandTypes", Name: "Alias", Value: 1})
	// An alias a gallery module exports (ModuleAliases) is its module's.
	module, version := "", any(nil)
	if _, m, ok := moduleAlias(a.Name); ok && rt.Scope().Alias(a.Name) == nil {
		module, version = m, moduleVersion(m)
	}
	o.AddTyped("Source", "string", module)
	o.AddTyped("Version", "version", version)
	o.AddTyped("Visibility", "System.Management.Automation.SessionStateEntryVisibility", object.Enum{Type: "System.Management.Automation.SessionStateEntryVisibility", Name: "Public"})
	o.AddTyped("ModuleName", "string", module)
	lazy("Module", func() any {
		if m, ok := findModule(module); ok {
			return moduleInfo(rt, m)
		}
		return nil
	})
	o.AddTyped("RemotingCapability", "System.Management.Automation.RemotingCapability", object.Enum{Type: "System.Management.Automation.RemotingCapability", Name: "PowerShell", Value: 1})
	o.ToStringFunc = func() string { return a.Name }
	return o
}

// resolvedName is the name of the command an alias chain ends in, as the
// command spells it ("" when it is no command).
func resolvedName(rt *runtime.Runtime, name string) string {
	if f := rt.Functions()[strings.ToLower(name)]; f != nil {
		return f.Name
	}
	if c, ok := rt.LookupCommand(name); ok {
		return c.Name
	}
	return ""
}
