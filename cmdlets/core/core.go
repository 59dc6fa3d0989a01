// Package core gathers PowerShell's own cmdlets that admins use in
// runbooks (Commands, Aliases, Views) and declares those of
// Microsoft.PowerShell.Utility: formatting and output (Format-Table,
// Out-String, Out-File ...), Write-*, data conversion (ConvertTo-Json,
// Export-Csv, Export-Clixml, ConvertTo-Html ...) and the text and object
// utilities (Select-String, Compare-Object, Get-Random ...). The engine's
// and Microsoft.PowerShell.Core's cmdlets are in core/engine, the file
// system cmdlets in core/management, those of the machine itself (time
// zone, culture, execution policy, assemblies, network) in core/machine,
// the alias cmdlets in core/alias.
package core

import (
	"github.com/exosim/exosim/cmdlets/core/alias"
	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/jobs"
	"github.com/exosim/exosim/cmdlets/core/machine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
)

// Cmdlets are every one of PowerShell's own cmdlets that exosim
// simulates: the engine's, the file system's and the utility ones.
var Cmdlets = []*command.Table{&engine.Cmdlets, &jobs.Cmdlets, &management.Cmdlets, &machine.Cmdlets, &utilityCmdlets, &alias.Cmdlets}

// Commands returns Cmdlets as command values.
func Commands() []*command.Command {
	var out []*command.Command
	for _, t := range Cmdlets {
		out = append(out, t.StandIns()...)
	}
	return out
}

// utilityCmdlets declares the Microsoft.PowerShell.Utility cmdlets by
// name: the formatting and output cmdlets one by one (a command line uses
// one or two of them), the others in groups each built the first time a
// session resolves one of its names.
var utilityCmdlets = command.Table{Commands: []command.Decl{
	{Name: "Format-Table", Build: formatTable},
	{Name: "Format-List", Build: formatList},
	{Name: "Out-String", Build: outString},
	{Name: "Out-Null", Build: outNull},
	{Name: "Out-Default", Build: func() *command.Command { return outDefault("Out-Default", "OutDefaultCommand") }},
	{Name: "Out-Host", Build: func() *command.Command { return outDefault("Out-Host", "OutHostCommand") }},
	{Name: "more", Build: more},
	{Name: "Out-File", Build: outFile},
}, Groups: []command.Group{
	{Names: []string{"Write-Host", "Write-Output", "Write-Warning", "Write-Verbose", "Write-Debug", "Write-Information", "Write-Error", "Write-Progress"}, Build: writeCommands},
	{Names: []string{"ConvertTo-Json", "ConvertFrom-Json"}, Build: dataCommands},
	{Names: []string{"Export-Csv", "Import-Csv", "ConvertTo-Csv", "ConvertFrom-Csv"}, Build: csvCommands},
	{Names: []string{"Get-Random", "New-Guid", "New-TemporaryFile", "Get-Unique", "Compare-Object", "Tee-Object", "Select-String", "Out-GridView", "ConvertTo-Html"}, Build: utilityCommands},
	{Names: []string{"Export-Clixml", "Import-Clixml"}, Build: clixmlCommands},
	{Names: []string{"Join-String", "ConvertFrom-StringData", "Get-FileHash", "Measure-Command", "Invoke-Command"}, Build: textCommands},
}}

// Aliases are PowerShell's default aliases for these cmdlets (the Windows
// ones included, since Exchange admins work on Windows), sorted by name.
var Aliases = command.AliasTable{
	{Name: "%", Target: "ForEach-Object"},
	{Name: "?", Target: "Where-Object"},
	{Name: "ac", Target: "Add-Content"},
	{Name: "cat", Target: "Get-Content"},
	{Name: "cd", Target: "Set-Location"},
	{Name: "chdir", Target: "Set-Location"},
	{Name: "clc", Target: "Clear-Content"},
	{Name: "clear", Target: "Clear-Host"},
	{Name: "cls", Target: "Clear-Host"},
	{Name: "clv", Target: "Clear-Variable"},
	{Name: "compare", Target: "Compare-Object"},
	{Name: "copy", Target: "Copy-Item"},
	{Name: "cp", Target: "Copy-Item"},
	{Name: "cpi", Target: "Copy-Item"},
	{Name: "cvpa", Target: "Convert-Path"},
	{Name: "del", Target: "Remove-Item"},
	{Name: "diff", Target: "Compare-Object"},
	{Name: "dir", Target: "Get-ChildItem"},
	{Name: "echo", Target: "Write-Output"},
	{Name: "epal", Target: "Export-Alias"},
	{Name: "epcsv", Target: "Export-Csv"},
	{Name: "erase", Target: "Remove-Item"},
	{Name: "fl", Target: "Format-List"},
	{Name: "foreach", Target: "ForEach-Object"},
	{Name: "ft", Target: "Format-Table"},
	{Name: "fw", Target: "Format-Wide"},
	{Name: "gal", Target: "Get-Alias"},
	{Name: "gc", Target: "Get-Content"},
	{Name: "gci", Target: "Get-ChildItem"},
	{Name: "gcm", Target: "Get-Command"},
	{Name: "gdr", Target: "Get-PSDrive"},
	{Name: "gi", Target: "Get-Item"},
	{Name: "gjb", Target: "Get-Job"},
	{Name: "gl", Target: "Get-Location"},
	{Name: "gm", Target: "Get-Member"},
	{Name: "gmo", Target: "Get-Module"},
	{Name: "group", Target: "Group-Object"},
	{Name: "gu", Target: "Get-Unique"},
	{Name: "gv", Target: "Get-Variable"},
	{Name: "h", Target: "Get-History"},
	{Name: "help", Target: "Get-Help"},
	{Name: "history", Target: "Get-History"},
	{Name: "icm", Target: "Invoke-Command"},
	{Name: "iex", Target: "Invoke-Expression"},
	{Name: "ihy", Target: "Invoke-History"},
	{Name: "ii", Target: "Invoke-Item"},
	{Name: "ipal", Target: "Import-Alias"},
	{Name: "ipcsv", Target: "Import-Csv"},
	{Name: "ipmo", Target: "Import-Module"},
	{Name: "irm", Target: "Invoke-RestMethod"},
	{Name: "iwr", Target: "Invoke-WebRequest"},
	{Name: "ls", Target: "Get-ChildItem"},
	{Name: "man", Target: "Get-Help"},
	{Name: "md", Target: "mkdir"},
	{Name: "measure", Target: "Measure-Object"},
	{Name: "mi", Target: "Move-Item"},
	{Name: "move", Target: "Move-Item"},
	{Name: "mv", Target: "Move-Item"},
	{Name: "nal", Target: "New-Alias"},
	{Name: "ni", Target: "New-Item"},
	{Name: "nv", Target: "New-Variable"},
	{Name: "ogv", Target: "Out-GridView"},
	{Name: "oh", Target: "Out-Host"},
	{Name: "popd", Target: "Pop-Location"},
	{Name: "pushd", Target: "Push-Location"},
	{Name: "pwd", Target: "Get-Location"},
	{Name: "r", Target: "Invoke-History"},
	{Name: "ral", Target: "Remove-Alias"},
	{Name: "rcjb", Target: "Receive-Job"},
	{Name: "rd", Target: "Remove-Item"},
	{Name: "ren", Target: "Rename-Item"},
	{Name: "ri", Target: "Remove-Item"},
	{Name: "rjb", Target: "Remove-Job"},
	{Name: "rm", Target: "Remove-Item"},
	{Name: "rmdir", Target: "Remove-Item"},
	{Name: "rmo", Target: "Remove-Module"},
	{Name: "rni", Target: "Rename-Item"},
	{Name: "rv", Target: "Remove-Variable"},
	{Name: "rvpa", Target: "Resolve-Path"},
	{Name: "sajb", Target: "Start-Job"},
	{Name: "sal", Target: "Set-Alias"},
	{Name: "sc", Target: "Set-Content"},
	{Name: "select", Target: "Select-Object"},
	{Name: "set", Target: "Set-Variable"},
	{Name: "sl", Target: "Set-Location"},
	{Name: "sleep", Target: "Start-Sleep"},
	{Name: "sls", Target: "Select-String"},
	{Name: "sort", Target: "Sort-Object"},
	{Name: "spjb", Target: "Stop-Job"},
	{Name: "sv", Target: "Set-Variable"},
	{Name: "tee", Target: "Tee-Object"},
	{Name: "type", Target: "Get-Content"},
	{Name: "where", Target: "Where-Object"},
	{Name: "wjb", Target: "Wait-Job"},
	{Name: "write", Target: "Write-Output"},
}

// Views registers the formatting views of the core cmdlets' objects:
// files and folders, variables, drives and locations.
func Views(r *format.Registry) {
	management.Views(r)
	matchInfoView(r)
	engine.Views(r)
	jobs.Views(r)
}

// ViewProvider is one package's views and the type names they are for.
type ViewProvider struct {
	Add   func(*format.Registry)
	Types *[]string
}

// ViewProviders are the views of Views by package: a session registers
// each with format.Registry.Provide, added the first time a lookup asks
// for one of its types. The list is static data, so registering it runs
// none of this package's code.
var ViewProviders = [...]ViewProvider{
	{management.Views, &management.ViewTypes},
	{matchInfoView, &matchInfoTypes},
	{engine.Views, &engine.ViewTypes},
	{jobs.Views, &jobs.ViewTypes},
}

// matchInfoTypes are the type names matchInfoView registers views for.
var matchInfoTypes = []string{TypeMatchInfo}
