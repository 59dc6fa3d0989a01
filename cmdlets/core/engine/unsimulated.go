package engine

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// PowerShell 7.4 ships PowerShellGet, PackageManagement and
// Microsoft.PowerShell.PSResourceGet. exosim
// simulates the gallery commands runbooks start with (Install-Module,
// Find-Module, Get-InstalledModule, Update-Module); the modules' other
// commands are known by name, so that a script calling one is told in one
// line that exosim does not simulate it, where a real session has it,
// rather than that the name is not recognized. Their parameters are not
// declared: a call takes any arguments, then fails (CmdletNotSimulated).

// unsimulatedModuleNames are PowerShellGet 2.2.5's other commands (script
// functions), PackageManagement 1.4.8.1's cmdlets and every command of
// PSResourceGet 1.0.1 (unsimulatedModule tells them apart). A literal:
// declaring it runs no code.
var unsimulatedModuleNames = []string{
	"Find-Command", "Find-DscResource", "Find-RoleCapability", "Find-Script", "Get-InstalledScript", "Get-PSRepository",
	"Install-Script", "New-ScriptFileInfo", "Publish-Module", "Publish-Script", "Register-PSRepository", "Save-Module",
	"Save-Script", "Set-PSRepository", "Test-ScriptFileInfo", "Uninstall-Module", "Uninstall-Script",
	"Unregister-PSRepository", "Update-ModuleManifest", "Update-Script", "Update-ScriptFileInfo",
	"Find-Package", "Find-PackageProvider", "Get-Package", "Get-PackageProvider", "Get-PackageSource",
	"Import-PackageProvider", "Install-Package", "Install-PackageProvider", "Register-PackageSource", "Save-Package",
	"Set-PackageSource", "Uninstall-Package", "Unregister-PackageSource",
	"Find-PSResource", "Get-InstalledPSResource", "Get-PSResourceRepository", "Get-PSScriptFileInfo",
	"Install-PSResource", "Register-PSResourceRepository", "Save-PSResource", "Set-PSResourceRepository",
	"New-PSScriptFileInfo", "Test-PSScriptFileInfo", "Update-PSScriptFileInfo", "Publish-PSResource",
	"Uninstall-PSResource", "Unregister-PSResourceRepository", "Update-PSModuleManifest", "Update-PSResource",
	"Import-PSGetRepository",
}

// ModuleAliases are the aliases the gallery modules PowerShell 7.4 ships
// export: PowerShellGet 2.2.5's and PSResourceGet 1.0.1's, sorted by name.
var ModuleAliases = command.AliasTable{
	{Name: "fdres", Target: "Find-PSResource"},
	{Name: "fimo", Target: "Find-Module"},
	{Name: "Get-PSResource", Target: "Get-InstalledPSResource"},
	{Name: "inmo", Target: "Install-Module"},
	{Name: "isres", Target: "Install-PSResource"},
	{Name: "pbres", Target: "Publish-PSResource"},
	{Name: "pumo", Target: "Publish-Module"},
	{Name: "udres", Target: "Update-PSResource"},
	{Name: "upmo", Target: "Update-Module"},
}

// moduleAlias is the name (as the module spells it) and module of one of
// ModuleAliases; ok is false for any other alias.
func moduleAlias(name string) (spelled, module string, ok bool) {
	e, ok := ModuleAliases.Lookup(name)
	if !ok {
		return "", "", false
	}
	module, _ = unsimulatedModule(e.Target)
	return e.Name, module, true
}

// unsimulatedModuleCommands builds the known but unsimulated commands.
func unsimulatedModuleCommands() []*command.Command {
	out := make([]*command.Command, 0, len(unsimulatedModuleNames))
	for _, n := range unsimulatedModuleNames {
		module, kind := unsimulatedModule(n)
		out = append(out, unsimulatedModuleCommand(n, module, kind))
	}
	return out
}

// unsimulatedModule is the module and command type of one of
// unsimulatedModuleNames. PSResourceGet's names carry PSResource,
// PSScriptFileInfo or PSModuleManifest (compiled cmdlets) but for its one
// script function, Import-PSGetRepository; PackageManagement's carry
// Package; the rest are PowerShellGet's script functions.
func unsimulatedModule(name string) (string, command.CommandType) {
	switch {
	case strings.EqualFold(name, "Import-PSGetRepository"):
		return ModPSResourceGet, command.FunctionCommand
	case strings.Contains(name, "PSResource"), strings.Contains(name, "PSScriptFileInfo"), strings.Contains(name, "PSModuleManifest"):
		return ModPSResourceGet, command.CmdletCommand
	case strings.Contains(name, "Package"):
		return "PackageManagement", command.CmdletCommand
	}
	return "PowerShellGet", command.FunctionCommand
}

func unsimulatedModuleCommand(name, module string, kind command.CommandType) *command.Command {
	c := &command.Command{Name: name, Type: kind, Module: module, Version: moduleVersion(module), NotSimulated: true}
	rest := params.P("Arguments", params.TObjects, params.RemainingArgs())
	rest.DontShow = true
	c.Params = []*params.Param{rest}
	c.Synopsis = "A real " + module + " command that exosim does not simulate: a call fails without running."
	c.Description = name + " ships with PowerShell 7.4 (module " + module + "). exosim knows the name but not its " +
		"parameters: a call takes any arguments and fails with the error CmdletNotSimulated."
	c.Handler.Process = func(ctx *command.Context) error { return decl.NotSimulated(ctx, module) }
	return c
}
