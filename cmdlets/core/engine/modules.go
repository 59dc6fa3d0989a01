package engine

import (
	"fmt"
	"github.com/exosim/exosim/shell/dotnet/system"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// Modules: exosim provides ExchangeOnlineManagement, Microsoft.Graph and
// its submodules, and PowerShell's own modules, built in. Install-Module,
// Import-Module, Find-Module and Get-InstalledModule succeed quietly for
// them with the objects PowerShell gives; any other module gets
// PowerShell's "not found" error, as on a machine without it.

// moduleSpec is one module exosim provides.
type moduleSpec struct {
	name, version, kind, description, author string
	// gallery modules are installed from the PowerShell Gallery; the
	// others ship with PowerShell.
	gallery bool
}

// GraphVersion is the Microsoft Graph PowerShell SDK's version current
// when the seed tenant's clock starts, that of each of its modules and
// their commands (ExchangeOnlineManagement's is decl.ModuleVersion).
const GraphVersion = "2.15.0"

var moduleCatalog = []moduleSpec{
	{decl.Module, decl.ModuleVersion, "Manifest", "Exchange Online PowerShell V3: the Exchange Online and Security & Compliance cmdlets.", "Microsoft Corporation", true},
	{"Microsoft.Graph", GraphVersion, "Manifest", "Microsoft Graph PowerShell SDK: the meta-module of the Microsoft.Graph.* modules.", "Microsoft Corporation", true},
	{"Microsoft.Graph.Authentication", GraphVersion, "Script", "Microsoft Graph PowerShell SDK: sign-in (Connect-MgGraph).", "Microsoft Corporation", true},
	{"Microsoft.Graph.Identity.DirectoryManagement", GraphVersion, "Script", "Microsoft Graph PowerShell SDK: directory management (deleted items, licences).", "Microsoft Corporation", true},
	{"Microsoft.Graph.Users", GraphVersion, "Script", "Microsoft Graph PowerShell SDK: users.", "Microsoft Corporation", true},
	{"Microsoft.Graph.Users.Actions", GraphVersion, "Script", "Microsoft Graph PowerShell SDK: user actions (licence assignment).", "Microsoft Corporation", true},
	{ModManagement, Version7, "Manifest", "", "PowerShell", false},
	{ModUtility, Version7, "Manifest", "", "PowerShell", false},
	{ModSecurity, Version7, "Manifest", "", "PowerShell", false},
	{ModHostModule, Version7, "Manifest", "", "PowerShell", false},
	{ModArchive, ArchiveVersion, "Script", "", "Microsoft Corporation", false},
	{"Pester", "5.7.1", "Script", "The Pester test framework: Describe, It, Should, Mock and Invoke-Pester.", "Pester Team", true},
	{"PackageManagement", "1.4.8.1", "Script", "", "Microsoft Corporation", false},
	{"PowerShellGet", "2.2.5", "Script", "", "Microsoft Corporation", false},
	{ModPSResourceGet, "1.0.1", "Binary", "", "Microsoft Corporation", false},
	{"PSReadLine", "2.3.4", "Script", "", "Microsoft Corporation", false},
}

// ModPSResourceGet is the gallery module PowerShell 7.4.0 ships beside
// PowerShellGet (a compiled module, at version 1.0.1).
const ModPSResourceGet = "Microsoft.PowerShell.PSResourceGet"

// ModHostModule is the module of the transcript cmdlets.
const ModHostModule = "Microsoft.PowerShell.Host"

// KnownModules are the modules exosim provides (their commands are built
// in); `using module` and #requires accept them: Microsoft.PowerShell.Core,
// Microsoft.Graph.* (the family of the SDK's modules, each of which
// Import-Module finds) and the modules of moduleCatalog, in its order
// (TestKnownModules keeps the two lists together). A static list, so that
// no code runs for it before main.
var KnownModules = []string{ModCore, "Microsoft.Graph.*",
	decl.Module, "Microsoft.Graph", "Microsoft.Graph.Authentication", "Microsoft.Graph.Identity.DirectoryManagement",
	"Microsoft.Graph.Users", "Microsoft.Graph.Users.Actions", ModManagement, ModUtility, ModSecurity, ModHostModule,
	ModArchive, "Pester", "PackageManagement", "PowerShellGet", ModPSResourceGet, "PSReadLine"}

// findModule returns the module exosim provides under a name; any
// Microsoft.Graph.* submodule counts (at the SDK's version).
func findModule(name string) (moduleSpec, bool) {
	for _, m := range moduleCatalog {
		if strings.EqualFold(m.name, name) {
			return m, true
		}
	}
	if len(name) > len("Microsoft.Graph.") && strings.EqualFold(name[:len("Microsoft.Graph.")], "Microsoft.Graph.") && !wildcard.Has(name) {
		return moduleSpec{name: name, version: GraphVersion, kind: "Script", description: "Microsoft Graph PowerShell SDK module.", author: "Microsoft Corporation", gallery: true}, true
	}
	return moduleSpec{}, false
}

// matchModules returns the catalog's modules a name (with wildcards) matches.
func matchModules(pattern string, galleryOnly bool) []moduleSpec {
	var out []moduleSpec
	if !wildcard.Has(pattern) {
		if m, ok := findModule(pattern); ok && (!galleryOnly || m.gallery) {
			out = append(out, m)
		}
		return out
	}
	for _, m := range moduleCatalog {
		if wildcard.Match(pattern, m.name) && (!galleryOnly || m.gallery) {
			out = append(out, m)
		}
	}
	return out
}

func (m moduleSpec) base() string {
	if m.gallery {
		return `C:\Program Files\PowerShell\Modules\` + m.name + `\` + m.version
	}
	return `C:\Program Files\PowerShell\7\Modules\` + m.name
}

// moduleInfo is the PSModuleInfo of a module.
func moduleInfo(rt *runtime.Runtime, m moduleSpec) *object.PSObject {
	o := object.NewObject("System.Management.Automation.PSModuleInfo", "System.Object")
	var cmds []string
	for _, c := range rt.Commands() {
		if strings.EqualFold(c.Module, m.name) {
			cmds = append(cmds, c.Name)
		}
	}
	sort.Strings(cmds)
	exported := object.NewHashtable()
	exported.Ordered = true
	for _, c := range cmds {
		exported.Set(c, c)
	}
	o.AddTyped("Name", "string", m.name)
	o.AddTyped("Path", "string", m.base()+`\`+m.name+".psd1")
	o.AddTyped("Description", "string", m.description)
	o.AddTyped("ModuleType", "System.Management.Automation.ModuleType", module.TypeEnum(m.kind))
	o.AddTyped("Version", "version", system.VersionOf(m.version))
	o.AddTyped("PreRelease", "string", nil)
	o.AddTyped("Author", "string", m.author)
	o.AddTyped("ModuleBase", "string", m.base())
	o.AddTyped("ExportedCommands", "System.Collections.Generic.Dictionary[string,System.Management.Automation.CommandInfo]", exported)
	o.AddTyped("CompatiblePSEditions", "System.Collections.Generic.IEnumerable[string]", catalogEditions(m.name))
	name := m.name
	o.ToStringFunc = func() string { return name }
	return o
}

// repositoryItem is the PSRepositoryItemInfo of Find-Module and
// Get-InstalledModule.
func repositoryItem(m moduleSpec, installed bool) *object.PSObject {
	o := object.NewObject("Microsoft.PowerShell.Commands.PSRepositoryItemInfo", "System.Object")
	o.AddTyped("Name", "string", m.name)
	o.AddTyped("Version", "version", m.version)
	o.AddTyped("Type", "string", "Module")
	o.AddTyped("Description", "string", m.description)
	o.AddTyped("Author", "string", m.author)
	o.AddTyped("CompanyName", "string", "Microsoft")
	o.AddTyped("Repository", "string", "PSGallery")
	o.AddTyped("PackageManagementProvider", "string", "NuGet")
	published := time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
	o.AddTyped("PublishedDate", "datetime", published)
	if installed {
		o.AddTyped("InstalledDate", "datetime", published)
		o.AddTyped("InstalledLocation", "string", m.base())
	} else {
		o.AddTyped("InstalledDate", "datetime", nil)
		o.AddTyped("InstalledLocation", "string", nil)
	}
	name := m.name
	o.ToStringFunc = func() string { return name }
	return o
}

// catalogEditions are the CompatiblePSEditions of a module exosim provides:
// Core for PowerShell's own modules, Core and Desktop for PSResourceGet;
// the others' manifests name none.
func catalogEditions(name string) []any {
	switch name {
	case ModManagement, ModUtility, ModSecurity, ModHostModule:
		return []any{"Core"}
	case ModPSResourceGet:
		return []any{"Core", "Desktop"}
	}
	return []any{}
}

// moduleGrouping is the type name Get-Module -ListAvailable puts first on
// the modules it lists: their view groups them by folder.
const moduleGrouping = "ModuleInfoGrouping"

// listAvailable writes the modules Get-Module -ListAvailable lists whose
// names match: those of the folders $env:PSModulePath names, then the
// ones exosim provides, in the folders PowerShell keeps them (the
// gallery's modules, then PowerShell's own), each folder's by name.
func listAvailable(ctx *command.Context, names []string) error {
	rt := runtime.Of(ctx)
	var list []*object.PSObject
	for _, m := range rt.AvailableModules(names) {
		o := m.Info()
		o.TypeNames = append([]string{moduleGrouping}, o.TypeNames...)
		list = append(list, o)
	}
	for _, gallery := range []bool{true, false} {
		var specs []moduleSpec
		for _, m := range moduleCatalog {
			if m.gallery == gallery && module.MatchAny(names, m.name) {
				specs = append(specs, m)
			}
		}
		sort.SliceStable(specs, func(i, j int) bool { return strings.ToLower(specs[i].name) < strings.ToLower(specs[j].name) })
		for _, m := range specs {
			o := moduleInfo(rt, m)
			o.TypeNames = append([]string{moduleGrouping}, o.TypeNames...)
			list = append(list, o)
		}
	}
	return writeAll(ctx, list)
}

// exportedKeys is a module's ExportedCommands column: the names.
func exportedKeys(v any) any {
	e := object.PropertyValue(v, "ExportedCommands")
	if h, ok := e.(*object.Hashtable); ok {
		return h.Keys()
	}
	return e
}

// moduleColumns are the columns both views of modules start with.
func moduleColumns() []format.Column {
	return []format.Column{
		{Label: "ModuleType", Width: 10, Align: format.AlignLeft, Property: "ModuleType"},
		{Label: "Version", Width: 10, Align: format.AlignLeft, Property: "Version"},
		{Label: "PreRelease", Width: 10, Align: format.AlignLeft, Property: "PreRelease"},
		{Label: "Name", Width: 35, Align: format.AlignLeft, Property: "Name"},
	}
}

func moduleViews(r *format.Registry) {
	// Get-Module -ListAvailable: grouped by the folder holding the
	// module's folder, with the editions the module is for (the first
	// four letters of each; Desktop when its manifest names none)
	r.Add(&format.View{
		Name: "Module", TypeNames: []string{moduleGrouping}, Kind: format.TableView,
		GroupFunc: func(v any) any {
			return module.ListDirectory(object.ToInvariantString(object.PropertyValue(v, "Path")))
		},
		GroupHeader: func(key string) string { return "    Directory: " + key },
		Columns: append(moduleColumns(),
			format.Column{Label: "PSEdition", Width: 9, Align: format.AlignLeft, Func: func(v any) any {
				editions, _ := object.Elements(object.PropertyValue(v, "CompatiblePSEditions"))
				if len(editions) == 0 {
					editions = []any{"Desktop"}
				}
				short := make([]string, len(editions))
				for i, e := range editions {
					s := object.ToInvariantString(e)
					short[i] = s[:min(4, len(s))]
				}
				sort.Strings(short)
				return strings.Join(short, ",")
			}},
			format.Column{Label: "ExportedCommands", Align: format.AlignLeft, Func: exportedKeys}),
	})
	r.Add(&format.View{
		Name: "Module", TypeNames: []string{"System.Management.Automation.PSModuleInfo"}, Kind: format.TableView,
		Columns: append(moduleColumns(), format.Column{Label: "ExportedCommands", Align: format.AlignLeft, Func: exportedKeys}),
	})
	r.Add(&format.View{
		Name: "PSRepositoryItemInfo", TypeNames: []string{"Microsoft.PowerShell.Commands.PSRepositoryItemInfo"}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Version", Width: 20, Align: format.AlignLeft, Property: "Version"},
			{Label: "Name", Width: 35, Align: format.AlignLeft, Property: "Name"},
			{Label: "Repository", Width: 20, Align: format.AlignLeft, Property: "Repository"},
			{Label: "Description", Align: format.AlignLeft, Property: "Description"},
		},
	})
}

// modulesSlot holds the set of modules a session has loaded.
var modulesSlot = command.NewSlot[*loadedModules]()

type loadedModules struct {
	names []string
}

// loaded returns the session's loaded modules: PowerShell's own two,
// ExchangeOnlineManagement once its cmdlets are there (connected), and
// whatever Import-Module loaded.
func loaded(rt *runtime.Runtime) *loadedModules {
	return modulesSlot.Of(rt, func() *loadedModules {
		l := &loadedModules{names: []string{ModManagement, ModUtility}}
		if c, ok := rt.LookupCommand("Get-Mailbox"); ok && strings.EqualFold(c.Module, decl.Module) {
			l.names = append(l.names, decl.Module)
		}
		return l
	})
}

func (l *loadedModules) has(name string) bool {
	for _, n := range l.names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

func (l *loadedModules) add(name string) {
	if !l.has(name) {
		l.names = append(l.names, name)
	}
}

func (l *loadedModules) remove(name string) bool {
	for i, n := range l.names {
		if strings.EqualFold(n, name) {
			l.names = append(l.names[:i:i], l.names[i+1:]...)
			return true
		}
	}
	return false
}

func moduleCommands() []*command.Command {
	return []*command.Command{importModule(), getModule(), removeModule(), installModule(), findModuleCmdlet(), getInstalledModule(), updateModule(), exportModuleMember()}
}

func importModule() *command.Command {
	c := Cmdlet("Import-Module", ModCore, "ImportModuleCommand")
	c.Synopsis = "Loads a module exosim provides (ExchangeOnlineManagement, Microsoft.Graph.*, PowerShell's own); others are not found."
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Mandatory(), params.Position(0), params.FromPipeline(), params.FromPipelineByName()),
		params.P("Prefix", params.TString),
		params.P("Function", params.TStrings),
		params.P("Cmdlet", params.TStrings),
		params.P("Variable", params.TStrings),
		params.P("Alias", params.TStrings),
		params.P("Force", params.TSwitch),
		params.P("PassThru", params.TSwitch),
		params.P("AsCustomObject", params.TSwitch),
		params.P("MinimumVersion", params.TString, params.Alias("Version")),
		params.P("MaximumVersion", params.TString),
		params.P("RequiredVersion", params.TString),
		params.P("ArgumentList", params.TObjects, params.Alias("Args")),
		params.P("DisableNameChecking", params.TSwitch),
		params.P("NoClobber", params.TSwitch),
		params.P("Global", params.TSwitch),
		params.P("Scope", params.TString),
		params.P("SkipEditionCheck", params.TSwitch),
		params.P("UseWindowsPowerShell", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.Switch("Global") && ctx.Has("Scope") {
			return ctx.Fail(ctx.NewError("The 'Global' and 'Scope' parameters cannot be specified together. Remove one of these parameters, and then try running the command again.", "Modules_GlobalAndScopeParameterCannotBeSpecifiedTogether", object.InvalidArgument, "InvalidOperationException", nil))
		}
		for _, n := range ctx.Strings("Name") {
			if m, ok := findModule(n); ok {
				if c := versionConstraint(ctx); !c.Matches(m.version) {
					if err := writeModuleError(ctx, module.ErrVersionNotFound(n, c)); err != nil {
						return err
					}
					continue
				}
				loaded(runtime.Of(ctx)).add(m.name)
				if ctx.Switch("PassThru") {
					if err := ctx.WriteObject(moduleInfo(runtime.Of(ctx), m)); err != nil {
						return err
					}
				}
				continue
			}
			if err := importScriptModule(ctx, n); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func getModule() *command.Command {
	c := Cmdlet("Get-Module", ModCore, "GetModuleCommand")
	c.Synopsis = "Lists the loaded modules (with -ListAvailable, every module exosim provides)."
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Position(0), params.FromPipeline()),
		params.P("ListAvailable", params.TSwitch),
		params.P("All", params.TSwitch),
		params.P("Refresh", params.TSwitch),
		params.P("FullyQualifiedName", params.TObjects),
		params.P("PSEdition", params.TString),
		params.P("SkipEditionCheck", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		names := ctx.Strings("Name")
		if len(names) == 0 {
			names = []string{"*"}
		}
		rt := runtime.Of(ctx)
		var list []*object.PSObject
		if ctx.Switch("ListAvailable") {
			return listAvailable(ctx, names)
		}
		for _, n := range loaded(rt).names {
			if m, ok := findModule(n); ok && module.MatchAny(names, m.name) {
				list = append(list, moduleInfo(rt, m))
			}
		}
		for _, m := range rt.Modules().Match(names) {
			list = append(list, m.Info())
		}
		// loaded modules are listed by name
		sort.SliceStable(list, func(i, j int) bool {
			return strings.ToLower(object.ToInvariantString(list[i])) < strings.ToLower(object.ToInvariantString(list[j]))
		})
		return writeAll(ctx, list)
	}
	return c
}

// writeAll writes each object.
func writeAll(ctx *command.Context, list []*object.PSObject) error {
	for _, o := range list {
		if err := ctx.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

func removeModule() *command.Command {
	c := Cmdlet("Remove-Module", ModCore, "RemoveModuleCommand")
	c.Synopsis = "Unloads modules (their commands stay available, as PowerShell loads them again on use)."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Params = []*params.Param{
		params.P("Name", params.TStrings, params.Mandatory(), params.Position(0), params.FromPipeline()),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		removed := false
		for _, n := range ctx.Strings("Name") {
			ok, err := removeScriptModules(ctx, n)
			if err != nil {
				return err
			}
			removed = removed || ok
			l := loaded(runtime.Of(ctx))
			for _, have := range append([]string(nil), l.names...) {
				if wildcard.Match(n, have) {
					if ok, err := ctx.ShouldProcess(fmt.Sprintf("%s (Path: '%s')", have, moduleSpecPath(have)), "Remove-Module"); err != nil || !ok {
						if err != nil {
							return err
						}
						continue
					}
					l.remove(have)
					removed = true
				}
			}
		}
		if !removed {
			return ctx.WriteError(ctx.NewError("No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.", "Modules_NoModulesRemoved", object.ResourceUnavailable, "InvalidOperationException", nil))
		}
		return nil
	}
	return c
}

func moduleSpecPath(name string) string {
	if m, ok := findModule(name); ok {
		return m.base() + `\` + m.name + ".psd1"
	}
	return name
}

// galleryCmdlet declares a PowerShellGet command (a script function in
// PowerShell).
func galleryCmdlet(name string) *command.Command {
	return &command.Command{Name: name, Type: command.FunctionCommand, Module: "PowerShellGet", Version: "2.2.5"}
}

// packageError is PowerShellGet's "not found" error, raised by the
// PackageManagement cmdlet it calls.
func packageError(ctx *command.Context, command, id, msg, target string) *object.ErrorRecord {
	rec := ctx.NewError(msg, id, object.ObjectNotFound, "Exception", target)
	rec.Activity = command
	rec.InvocationName = command
	rec.CommandSuffix = "Microsoft.PowerShell.PackageManagement.Cmdlets." + strings.ReplaceAll(command, "-", "")
	return rec
}

func galleryParams() []*params.Param {
	return []*params.Param{
		params.P("Name", params.TStrings, params.Position(0), params.FromPipelineByName()),
		params.P("MinimumVersion", params.TString),
		params.P("MaximumVersion", params.TString),
		params.P("RequiredVersion", params.TString),
		params.P("AllowPrerelease", params.TSwitch),
	}
}

func installModule() *command.Command {
	c := galleryCmdlet("Install-Module")
	c.Synopsis = "Installs modules from the gallery: the ones exosim provides are already there (no output); others are not found."
	c.SupportsShouldProcess = true
	c.Params = append(galleryParams(),
		params.P("InputObject", params.TObjects, params.FromPipeline()),
		params.P("Repository", params.TStrings),
		params.P("Credential", params.TObject),
		params.P("Scope", params.EnumType("String", "System.String", "CurrentUser", "AllUsers")),
		params.P("Proxy", params.TString),
		params.P("ProxyCredential", params.TObject),
		params.P("AllowClobber", params.TSwitch),
		params.P("SkipPublisherCheck", params.TSwitch),
		params.P("Force", params.TSwitch),
		params.P("AcceptLicense", params.TSwitch),
		params.P("PassThru", params.TSwitch),
	)
	c.Params[0].Sets[0].Mandatory = true
	c.Examples = []command.Example{{Code: `Install-Module ExchangeOnlineManagement -Scope CurrentUser -Force`, Remark: "Nothing to do: exosim has the module."}}
	c.Handler.Process = func(ctx *command.Context) error {
		for _, n := range ctx.Strings("Name") {
			ms := matchModules(n, true)
			if len(ms) == 0 {
				if err := ctx.WriteError(packageError(ctx, "Install-Package", "NoMatchFoundForCriteria", fmt.Sprintf("No match was found for the specified search criteria and module name '%s'. Try Get-PSRepository to see all available registered module repositories.", n), n)); err != nil {
					return err
				}
				continue
			}
			for _, m := range ms {
				if ctx.Switch("PassThru") {
					if err := ctx.WriteObject(repositoryItem(m, true)); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return c
}

func updateModule() *command.Command {
	c := galleryCmdlet("Update-Module")
	c.Synopsis = "Updates installed modules: exosim's are current (no output); others are not installed."
	c.SupportsShouldProcess = true
	c.Params = append(galleryParams(),
		params.P("Credential", params.TObject),
		params.P("Scope", params.EnumType("String", "System.String", "CurrentUser", "AllUsers")),
		params.P("Force", params.TSwitch),
		params.P("AcceptLicense", params.TSwitch),
		params.P("PassThru", params.TSwitch),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		for _, n := range ctx.Strings("Name") {
			if len(matchModules(n, true)) == 0 {
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("Module '%s' was not installed by using Install-Module, so it cannot be updated.", n), "ModuleNotInstalledUsingInstallModuleCmdlet,Update-Module", object.InvalidOperation, "ArgumentException", n)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c
}

func findModuleCmdlet() *command.Command {
	c := galleryCmdlet("Find-Module")
	c.Synopsis = "Finds modules in the gallery: the ones exosim provides; others are not found."
	c.Params = append(galleryParams(),
		params.P("AllVersions", params.TSwitch),
		params.P("IncludeDependencies", params.TSwitch),
		params.P("Filter", params.TString),
		params.P("Tag", params.TStrings),
		params.P("Includes", params.TStrings),
		params.P("Command", params.TStrings),
		params.P("Repository", params.TStrings),
		params.P("Credential", params.TObject),
		params.P("Proxy", params.TString),
	)
	c.Handler.Process = func(ctx *command.Context) error {
		return writeGalleryModules(ctx, false, func(n string) *object.ErrorRecord {
			return packageError(ctx, "Find-Package", "NoMatchFoundForCriteria", fmt.Sprintf("No match was found for the specified search criteria and module name '%s'. Try Get-PSRepository to see all available registered module repositories.", n), n)
		})
	}
	return c
}

// writeGalleryModules writes the gallery modules each -Name matches (all
// of them without one), as installed modules or as the gallery's
// entries; a plain name that matches none is the error notFound makes.
func writeGalleryModules(ctx *command.Context, installed bool, notFound func(name string) *object.ErrorRecord) error {
	names := ctx.Strings("Name")
	if len(names) == 0 {
		names = []string{"*"}
	}
	for _, n := range names {
		ms := matchModules(n, true)
		if len(ms) == 0 && !wildcard.Has(n) {
			if err := ctx.WriteError(notFound(n)); err != nil {
				return err
			}
			continue
		}
		for _, m := range ms {
			if err := ctx.WriteObject(repositoryItem(m, installed)); err != nil {
				return err
			}
		}
	}
	return nil
}

func getInstalledModule() *command.Command {
	c := galleryCmdlet("Get-InstalledModule")
	c.Synopsis = "Lists the gallery modules installed: exosim's ExchangeOnlineManagement and Microsoft.Graph modules."
	c.Params = append(galleryParams(), params.P("AllVersions", params.TSwitch))
	c.Handler.Process = func(ctx *command.Context) error {
		return writeGalleryModules(ctx, true, func(n string) *object.ErrorRecord {
			return packageError(ctx, "Get-Package", "NoMatchFound", fmt.Sprintf("No match was found for the specified search criteria and module names '%s'.", n), n)
		})
	}
	return c
}
