// Package core declares PowerShell's own cmdlets that admins use in
// runbooks: the pipeline cmdlets (Where-Object, Select-Object ...),
// formatting and output (Format-Table, Out-String ...), Write-*, data
// conversion (ConvertTo-Json, Export-Csv ...), Get-Date and Start-Sleep on
// the simulated clock, prompts, and discovery (Get-Command, Get-Member).
package core

import (
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/runtime"
)

// Module names and versions as PowerShell 7.4 reports them.
const (
	ModUtility    = "Microsoft.PowerShell.Utility"
	ModCore       = "Microsoft.PowerShell.Core"
	ModManagement = "Microsoft.PowerShell.Management"
	ModSecurity   = "Microsoft.PowerShell.Security"
	Version7      = "7.0.0.0"
)

func cmdlet(name, module, typeName string) *runtime.Command {
	return &runtime.Command{
		Name:         name,
		Type:         runtime.CmdletCommand,
		Module:       module,
		Version:      Version7,
		FullTypeName: "Microsoft.PowerShell.Commands." + typeName,
	}
}

// Commands returns every core cmdlet.
func Commands() []*runtime.Command {
	var out []*runtime.Command
	out = append(out, pipelineCommands()...)
	out = append(out, formatCommands()...)
	out = append(out, writeCommands()...)
	out = append(out, dataCommands()...)
	out = append(out, csvCommands()...)
	out = append(out, contentCommands()...)
	out = append(out, pathCommands()...)
	out = append(out, utilityCommands()...)
	out = append(out, clixmlCommands()...)
	out = append(out, moduleCommands()...)
	out = append(out, hostCommands()...)
	out = append(out, discoveryCommands()...)
	out = append(out, sessionCommands()...)
	return out
}

// Aliases are PowerShell's default aliases for these cmdlets (the Windows
// ones included, since Exchange admins work on Windows).
var Aliases = map[string]string{
	"fl": "Format-List", "ft": "Format-Table", "fw": "Format-Wide",
	"select": "Select-Object", "where": "Where-Object", "?": "Where-Object",
	"foreach": "ForEach-Object", "%": "ForEach-Object",
	"sort": "Sort-Object", "measure": "Measure-Object", "group": "Group-Object",
	"gm": "Get-Member", "gcm": "Get-Command", "tee": "Tee-Object",
	"echo": "Write-Output", "write": "Write-Output",
	"gal": "Get-Alias", "gc": "Get-Content", "cat": "Get-Content", "type": "Get-Content",
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
	fileViews(r)
	matchInfoView(r)
	moduleViews(r)
}
