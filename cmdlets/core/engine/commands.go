package engine

import (
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/runtime"
)

// Commands returns the cmdlets of this package, each group built the
// first time a session resolves one of its names (runtime.LazyGroup).
func Commands() []*runtime.Command {
	var out []*runtime.Command
	for _, g := range []struct {
		build func() []*runtime.Command
		names []string
	}{
		{pipelineCommands, []string{"Where-Object", "ForEach-Object", "Select-Object", "Sort-Object", "Measure-Object", "Group-Object"}},
		{moduleCommands, []string{"Import-Module", "Get-Module", "Remove-Module", "Install-Module", "Find-Module", "Get-InstalledModule", "Update-Module"}},
		{hostCommands, []string{"Get-Date", "Start-Sleep", "New-TimeSpan", "Read-Host", "ConvertTo-SecureString", "ConvertFrom-SecureString", "Get-Credential", "Clear-Host"}},
		{policyCommands, []string{"Get-ExecutionPolicy", "Set-ExecutionPolicy"}},
		{webCommands, []string{"Invoke-RestMethod", "Invoke-WebRequest"}},
		{psReadLineCommands, []string{"Set-PSReadLineOption", "Get-PSReadLineOption", "Set-PSReadLineKeyHandler"}},
		{jobCommands, []string{"Start-Job", "Start-ThreadJob", "Receive-Job", "Wait-Job", "Get-Job", "Remove-Job", "Stop-Job"}},
		{discoveryCommands, []string{"Get-Command", "Get-Member", "Get-Help", "Get-Alias"}},
		{sessionCommands, []string{"New-Object", "Add-Member", "Get-Variable", "Set-Variable", "New-Variable", "Remove-Variable", "Clear-Variable",
			"Invoke-Expression", "Get-History", "Invoke-History", "Set-StrictMode"}},
	} {
		out = append(out, runtime.LazyGroup(g.build, g.names...)...)
	}
	return out
}

// Views registers the formatting views of this package's objects:
// modules, jobs and the parameter sets of commands.
func Views(r *format.Registry) {
	moduleViews(r)
	jobViews(r)
	parameterSetView(r)
}
