// Package core gathers PowerShell's own cmdlets that admins use in
// runbooks (Commands, Aliases, Views) and declares those of
// Microsoft.PowerShell.Utility: formatting and output (Format-Table,
// Out-String, Out-File ...), Write-*, data conversion (ConvertTo-Json,
// Export-Csv, Export-Clixml, ConvertTo-Html ...) and the text and object
// utilities (Select-String, Compare-Object, Get-Random ...). The engine's
// and Microsoft.PowerShell.Core's cmdlets are in core/engine, the file
// system cmdlets in core/management, the alias cmdlets in core/alias.
package core

import (
	"github.com/exosim/exosim/cmdlets/core/alias"
	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/jobs"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
)

// Cmdlets are every one of PowerShell's own cmdlets that exosim
// simulates: the engine's, the file system's and the utility ones.
var Cmdlets = []*command.Table{&engine.Cmdlets, &jobs.Cmdlets, &management.Cmdlets, &utilityCmdlets, &alias.Cmdlets}

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
	{Names: []string{"Get-Random", "New-Guid", "Get-Unique", "Compare-Object", "Tee-Object", "Select-String", "Out-GridView", "ConvertTo-Html"}, Build: utilityCommands},
	{Names: []string{"Export-Clixml", "Import-Clixml"}, Build: clixmlCommands},
	{Names: []string{"Join-String", "ConvertFrom-StringData", "Get-FileHash", "Measure-Command", "Invoke-Command"}, Build: textCommands},
}}

// Aliases are PowerShell's default aliases for these cmdlets (the Windows
// ones included, since Exchange admins work on Windows).
var Aliases = map[string]string{
	"fl": "Format-List", "ft": "Format-Table", "fw": "Format-Wide",
	"irm": "Invoke-RestMethod", "iwr": "Invoke-WebRequest",
	"sajb": "Start-Job", "rcjb": "Receive-Job", "wjb": "Wait-Job", "gjb": "Get-Job", "rjb": "Remove-Job", "spjb": "Stop-Job",
	"select": "Select-Object", "where": "Where-Object", "?": "Where-Object",
	"foreach": "ForEach-Object", "%": "ForEach-Object",
	"sort": "Sort-Object", "measure": "Measure-Object", "group": "Group-Object",
	"ii": "Invoke-Item", "icm": "Invoke-Command", "gm": "Get-Member", "gcm": "Get-Command", "tee": "Tee-Object",
	"echo": "Write-Output", "write": "Write-Output",
	"gal": "Get-Alias", "nal": "New-Alias", "sal": "Set-Alias", "ral": "Remove-Alias", "epal": "Export-Alias", "ipal": "Import-Alias",
	"gc": "Get-Content", "cat": "Get-Content", "type": "Get-Content",
	"h": "Get-History", "history": "Get-History", "ihy": "Invoke-History", "r": "Invoke-History",
	"cls": "Clear-Host", "clear": "Clear-Host",
	"sleep": "Start-Sleep", "compare": "Compare-Object", "diff": "Compare-Object",
	"epcsv": "Export-Csv", "ipcsv": "Import-Csv", "iex": "Invoke-Expression",
	"ipmo": "Import-Module", "gmo": "Get-Module", "oh": "Out-Host",
	"gv": "Get-Variable", "sv": "Set-Variable", "set": "Set-Variable", "rv": "Remove-Variable",
	"nv": "New-Variable", "clv": "Clear-Variable",
	"man": "Get-Help", "help": "Get-Help",
	"cd": "Set-Location", "sl": "Set-Location", "chdir": "Set-Location",
	"pwd": "Get-Location", "gl": "Get-Location", "pushd": "Push-Location", "popd": "Pop-Location",
	"gci": "Get-ChildItem", "dir": "Get-ChildItem", "ls": "Get-ChildItem", "gi": "Get-Item", "ni": "New-Item",
	"ri": "Remove-Item", "rm": "Remove-Item", "rmdir": "Remove-Item", "del": "Remove-Item", "erase": "Remove-Item", "rd": "Remove-Item",
	"cpi": "Copy-Item", "cp": "Copy-Item", "copy": "Copy-Item", "mi": "Move-Item", "mv": "Move-Item", "move": "Move-Item",
	"rni": "Rename-Item", "ren": "Rename-Item", "gdr": "Get-PSDrive", "rvpa": "Resolve-Path", "cvpa": "Convert-Path",
	"clc": "Clear-Content", "ac": "Add-Content", "sc": "Set-Content", "md": "mkdir",
	"gu": "Get-Unique", "sls": "Select-String", "ogv": "Out-GridView", "rmo": "Remove-Module",
}

// Views registers the formatting views of the core cmdlets' objects:
// files and folders, variables, drives and locations.
func Views(r *format.Registry) {
	management.Views(r)
	matchInfoView(r)
	engine.Views(r)
	jobs.Views(r)
}

// ProvideViews registers the views of Views with r, each package's
// added the first time a lookup asks for one of its types.
func ProvideViews(r *format.Registry) {
	r.Provide(management.Views, management.ViewTypes...)
	r.Provide(matchInfoView, matchInfoTypes...)
	r.Provide(engine.Views, engine.ViewTypes...)
	r.Provide(jobs.Views, jobs.ViewTypes...)
}

// matchInfoTypes are the type names matchInfoView registers views for.
var matchInfoTypes = []string{TypeMatchInfo}
