// Package management declares the file system cmdlets of
// Microsoft.PowerShell.Management (items, locations and paths, drives,
// content) and Microsoft.PowerShell.Archive (Compress-/Expand-Archive),
// over the drives the host injects (shell/fsys). It also gives the other
// cmdlets that read and write files their shared steps: resolving path
// arguments to items (Lookup, ResolveAll, Expand), text encodings, reading
// (OpenText) and writing (WriteFile) with PowerShell's error records.
package management

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
)

// Cmdlets declares the file system cmdlets by name, in groups each built
// the first time a session resolves one of its names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-Content", "Set-Content", "Add-Content", "Clear-Content"}, Build: contentCommands},
	{Names: []string{"Join-Path", "Split-Path", "Test-Path", "Resolve-Path", "Convert-Path",
		"Get-Location", "Set-Location", "Push-Location", "Pop-Location",
		"Get-ChildItem", "Get-Item", "New-Item", "Set-Item", "Clear-Item", "mkdir", "Remove-Item", "Copy-Item", "Move-Item", "Rename-Item", "Get-PSDrive", "Invoke-Item"}, Build: pathCommands},
	{Names: []string{"Compress-Archive", "Expand-Archive"}, Build: archiveCommands},
}}

// ViewTypes are the type names Views registers views for.
var ViewTypes = []string{TypeDirInfo, TypeFileInfo, "System.Management.Automation.PSVariable",
	"System.Management.Automation.PSDriveInfo", "System.Management.Automation.PathInfo"}

// Views registers the formatting views of this package's objects:
// files and folders, drives, locations.
func Views(r *format.Registry) {
	fileViews(r)
}
