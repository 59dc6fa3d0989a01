package engine

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
)

// Cmdlets declares the engine's cmdlets by name, in groups each built the
// first time a session resolves one of its names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Where-Object", "ForEach-Object", "Select-Object", "Sort-Object", "Measure-Object", "Group-Object"}, Build: pipelineCommands},
	{Names: []string{"Import-Module", "Get-Module", "Remove-Module", "Install-Module", "Find-Module", "Get-InstalledModule", "Update-Module", "Export-ModuleMember"}, Build: moduleCommands},
	{Names: unsimulatedModuleNames, Build: unsimulatedModuleCommands},
	{Names: []string{"Get-Date", "Start-Sleep", "New-TimeSpan", "Read-Host", "ConvertTo-SecureString", "ConvertFrom-SecureString", "Get-Credential", "Clear-Host", "Pause"}, Build: hostCommands},
	{Names: []string{"Set-PSReadLineOption", "Get-PSReadLineOption", "Set-PSReadLineKeyHandler"}, Build: psReadLineCommands},
	{Names: []string{"Get-Command", "Get-Member", "Get-Help"}, Build: discoveryCommands},
	{Names: []string{"New-Object", "Add-Member", "Get-Variable", "Set-Variable", "New-Variable", "Remove-Variable", "Clear-Variable",
		"Invoke-Expression", "Get-History", "Invoke-History", "Set-StrictMode"}, Build: sessionCommands},
}}

// ViewTypes are the type names Views registers views for.
var ViewTypes = []string{"System.Management.Automation.PSModuleInfo", moduleGrouping, "Microsoft.PowerShell.Commands.PSRepositoryItemInfo",
	typeParameterSetInfo}

// Views registers the formatting views of this package's objects:
// modules and the parameter sets of commands.
func Views(r *format.Registry) {
	moduleViews(r)
	parameterSetView(r)
}
