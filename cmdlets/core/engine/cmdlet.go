// Package engine declares the cmdlets of PowerShell's engine and of
// Microsoft.PowerShell.Core, and the building blocks every package of
// PowerShell's own cmdlets shares (Cmdlet, the module names, pipeline
// input, property specifications, Declared for cmdlets whose parameters
// come from the declaration table). Its cmdlets: the pipeline (Where-,
// ForEach-, Select-, Sort-, Measure-, Group-Object), discovery and help
// (Get-Command, Get-Member, Get-Help, Get-Alias, about topics), modules,
// jobs, variables and New-Object, the host and the simulated clock
// (Get-Date, Start-Sleep, Read-Host, credentials), execution policy,
// PSReadLine options, and the web cmdlets that say there is no network.
package engine

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// Module names and versions as PowerShell 7.4 reports them.
const (
	ModUtility    = "Microsoft.PowerShell.Utility"
	ModCore       = "Microsoft.PowerShell.Core"
	ModManagement = "Microsoft.PowerShell.Management"
	ModSecurity   = "Microsoft.PowerShell.Security"
	Version7      = "7.0.0.0"
	// ModArchive is the module of the archive commands, ArchiveVersion
	// its version.
	ModArchive     = "Microsoft.PowerShell.Archive"
	ArchiveVersion = "1.2.5"
)

// Cmdlet is a compiled cmdlet of a PowerShell module; typeName is its
// class in Microsoft.PowerShell.Commands.
func Cmdlet(name, module, typeName string) *command.Command {
	return &command.Command{
		Name:         name,
		Type:         command.CmdletCommand,
		Module:       module,
		Version:      Version7,
		FullTypeName: "Microsoft.PowerShell.Commands." + typeName,
	}
}

// AllowEmpty lets a mandatory string parameter take "" and $null.
func AllowEmpty() params.ParamOpt {
	return func(p *params.Param) { p.AllowEmpty = true }
}

// AllowEmptyString lets a mandatory string parameter take "" but not $null.
func AllowEmptyString() params.ParamOpt {
	return func(p *params.Param) { p.AllowEmptyString = true }
}
