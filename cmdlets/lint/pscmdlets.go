package lint

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
)

// psCmdlets are the commands PowerShell 7.4 ships in its own modules
// (Core, Management, Utility, Security, Host, Archive, PSReadLine,
// PowerShellGet, PackageManagement, PSResourceGet, ThreadJob, CimCmdlets,
// Microsoft.WSMan.Management, PSDiagnostics) and the functions every
// session defines. exosim has only some of them; one it lacks is no mistake
// in a script, so the linter notes it only in strict mode.
var psCmdlets = []string{
	// Microsoft.PowerShell.Core
	"Add-History", "Clear-History", "Connect-PSSession", "Debug-Job", "Disable-ExperimentalFeature", "Disable-PSRemoting",
	"Disable-PSSessionConfiguration", "Disconnect-PSSession", "Enable-ExperimentalFeature", "Enable-PSRemoting",
	"Enable-PSSessionConfiguration", "Enter-PSHostProcess", "Enter-PSSession", "Exit-PSHostProcess", "Exit-PSSession",
	"Export-ModuleMember", "ForEach-Object", "Get-Command", "Get-ExperimentalFeature", "Get-Help", "Get-History", "Get-Job",
	"Get-Module", "Get-PSHostProcessInfo", "Get-PSSession", "Get-PSSessionCapability", "Get-PSSessionConfiguration",
	"Get-PSSubsystem", "Import-Module", "Invoke-Command", "Invoke-History", "New-Module", "New-ModuleManifest",
	"New-PSRoleCapabilityFile", "New-PSSession", "New-PSSessionConfigurationFile", "New-PSSessionOption", "New-PSTransportOption",
	"Out-Default", "Out-Host", "Out-Null", "Receive-Job", "Receive-PSSession", "Register-ArgumentCompleter",
	"Register-PSSessionConfiguration", "Remove-Job", "Remove-Module", "Remove-PSSession", "Save-Help", "Set-PSDebug",
	"Set-PSSessionConfiguration", "Set-StrictMode", "Start-Job", "Stop-Job", "Switch-Process", "Test-ModuleManifest",
	"Test-PSSessionConfigurationFile", "Unregister-PSSessionConfiguration", "Update-Help", "Wait-Job", "Where-Object",
	"Clear-Host", "Get-Verb", "Pause", "TabExpansion2", "help", "mkdir", "more", "oss", "prompt",
	// Microsoft.PowerShell.Management
	"Add-Content", "Clear-Content", "Clear-Item", "Clear-ItemProperty", "Clear-RecycleBin", "Convert-Path", "Copy-Item",
	"Copy-ItemProperty", "Debug-Process", "Get-ChildItem", "Get-Clipboard", "Get-ComputerInfo", "Get-Content", "Get-HotFix",
	"Get-Item", "Get-ItemProperty", "Get-ItemPropertyValue", "Get-Location", "Get-Process", "Get-PSDrive", "Get-PSProvider",
	"Get-Service", "Get-TimeZone", "Invoke-Item", "Join-Path", "Move-Item", "Move-ItemProperty", "New-Item",
	"New-ItemProperty", "New-PSDrive", "New-Service", "Pop-Location", "Push-Location", "Remove-Item", "Remove-ItemProperty",
	"Remove-PSDrive", "Remove-Service", "Rename-Computer", "Rename-Item", "Rename-ItemProperty", "Resolve-Path",
	"Restart-Computer", "Restart-Service", "Resume-Service", "Set-Clipboard", "Set-Content", "Set-Item", "Set-ItemProperty",
	"Set-Location", "Set-Service", "Set-TimeZone", "Split-Path", "Start-Process", "Start-Service", "Stop-Computer",
	"Stop-Process", "Stop-Service", "Suspend-Service", "Test-Connection", "Test-Path", "Wait-Process",
	// Microsoft.PowerShell.Utility
	"Add-Member", "Add-Type", "Clear-Variable", "Compare-Object", "ConvertFrom-CliXml", "ConvertFrom-Csv", "ConvertFrom-Json",
	"ConvertFrom-Markdown", "ConvertFrom-SddlString", "ConvertFrom-StringData", "ConvertTo-CliXml", "ConvertTo-Csv",
	"ConvertTo-Html", "ConvertTo-Json", "ConvertTo-Xml", "Debug-Runspace", "Disable-PSBreakpoint", "Disable-RunspaceDebug",
	"Enable-PSBreakpoint", "Enable-RunspaceDebug", "Export-Alias", "Export-Clixml", "Export-Csv", "Export-FormatData",
	"Export-PSSession", "Format-Custom", "Format-Hex", "Format-List", "Format-Table", "Format-Wide", "Get-Alias",
	"Get-Culture", "Get-Date", "Get-Error", "Get-Event", "Get-EventSubscriber", "Get-FileHash", "Get-FormatData", "Get-Host",
	"Get-MarkdownOption", "Get-Member", "Get-PSBreakpoint", "Get-PSCallStack", "Get-Random", "Get-Runspace",
	"Get-RunspaceDebug", "Get-SecureRandom", "Get-TraceSource", "Get-TypeData", "Get-UICulture", "Get-Unique", "Get-Uptime",
	"Get-Variable", "Group-Object", "Import-Alias", "Import-Clixml", "Import-Csv", "Import-LocalizedData",
	"Import-PowerShellDataFile", "Import-PSSession", "Invoke-Expression", "Invoke-RestMethod", "Invoke-WebRequest",
	"Join-String", "Measure-Command", "Measure-Object", "New-Alias", "New-Event", "New-Guid", "New-Object", "New-TemporaryFile",
	"New-TimeSpan", "New-Variable", "Out-File", "Out-GridView", "Out-Printer", "Out-String", "Read-Host", "Register-EngineEvent",
	"Register-ObjectEvent", "Remove-Alias", "Remove-Event", "Remove-PSBreakpoint", "Remove-TypeData", "Remove-Variable",
	"Select-Object", "Select-String", "Select-Xml", "Send-MailMessage", "Set-Alias", "Set-Date", "Set-MarkdownOption",
	"Set-PSBreakpoint", "Set-TraceSource", "Set-Variable", "Show-Command", "Show-Markdown", "Sort-Object",
	"Start-Sleep", "Tee-Object", "Test-Json", "Trace-Command", "Unblock-File", "Unregister-Event", "Update-FormatData",
	"Update-List", "Update-TypeData", "Wait-Debugger", "Wait-Event", "Write-Debug", "Write-Error", "Write-Host",
	"Write-Information", "Write-Output", "Write-Progress", "Write-Verbose", "Write-Warning",
	// Microsoft.PowerShell.Security and Host
	"ConvertFrom-SecureString", "ConvertTo-SecureString", "Get-Acl", "Get-AuthenticodeSignature", "Get-CmsMessage",
	"Get-Credential", "Get-ExecutionPolicy", "Get-PfxCertificate", "New-FileCatalog", "Protect-CmsMessage", "Set-Acl",
	"Set-AuthenticodeSignature", "Set-ExecutionPolicy", "Test-FileCatalog", "Unprotect-CmsMessage",
	"Start-Transcript", "Stop-Transcript",
	// Microsoft.PowerShell.Archive, ThreadJob, PSReadLine, PSDiagnostics
	"Compress-Archive", "Expand-Archive", "Start-ThreadJob", "Get-PSReadLineKeyHandler", "Get-PSReadLineOption",
	"PSConsoleHostReadLine", "Remove-PSReadLineKeyHandler", "Set-PSReadLineKeyHandler", "Set-PSReadLineOption",
	"Disable-PSTrace", "Disable-PSWSManCombinedTrace", "Disable-WSManTrace", "Enable-PSTrace", "Enable-PSWSManCombinedTrace",
	"Enable-WSManTrace", "Get-LogProperties", "Set-LogProperties", "Start-Trace", "Stop-Trace",
	// PowerShellGet, PackageManagement, PSResourceGet
	"Find-Command", "Find-DscResource", "Find-Module", "Find-RoleCapability", "Find-Script", "Get-InstalledModule",
	"Get-InstalledScript", "Get-PSRepository", "Install-Module", "Install-Script", "New-ScriptFileInfo", "Publish-Module",
	"Publish-Script", "Register-PSRepository", "Save-Module", "Save-Script", "Set-PSRepository", "Test-ScriptFileInfo",
	"Uninstall-Module", "Uninstall-Script", "Unregister-PSRepository", "Update-Module", "Update-ModuleManifest",
	"Update-Script", "Update-ScriptFileInfo", "Find-Package", "Find-PackageProvider", "Get-Package", "Get-PackageProvider",
	"Get-PackageSource", "Import-PackageProvider", "Install-Package", "Install-PackageProvider", "Register-PackageSource",
	"Save-Package", "Set-PackageSource", "Uninstall-Package", "Unregister-PackageSource", "Compress-PSResource",
	"Find-PSResource", "Get-InstalledPSResource", "Get-PSResourceRepository", "Get-PSScriptFileInfo", "Import-PSGetRepository",
	"Install-PSResource", "New-PSScriptFileInfo", "Publish-PSResource", "Register-PSResourceRepository", "Reset-PSResourceRepository",
	"Save-PSResource", "Set-PSResourceRepository", "Test-PSScriptFileInfo", "Uninstall-PSResource", "Unregister-PSResourceRepository",
	"Update-PSModuleManifest", "Update-PSResource", "Update-PSScriptFileInfo",
	// CimCmdlets and Microsoft.WSMan.Management (Windows)
	"Get-CimAssociatedInstance", "Get-CimClass", "Get-CimInstance", "Get-CimSession", "Invoke-CimMethod", "New-CimInstance",
	"New-CimSession", "New-CimSessionOption", "Register-CimIndicationEvent", "Remove-CimInstance", "Remove-CimSession",
	"Set-CimInstance", "Connect-WSMan", "Disable-WSManCredSSP", "Disconnect-WSMan", "Enable-WSManCredSSP",
	"Get-WSManCredSSP", "Get-WSManInstance", "Invoke-WSManAction", "New-WSManInstance", "New-WSManSessionOption",
	"Remove-WSManInstance", "Set-WSManInstance", "Set-WSManQuickConfig", "Test-WSMan",
}

var psIndex = lazy.Value[map[string]string]{Build: func() map[string]string {
	m := make(map[string]string, len(psCmdlets))
	for _, n := range psCmdlets {
		m[strings.ToLower(n)] = n
	}
	return m
}}

// powerShellCmdlet reports whether name is one of PowerShell's own
// commands, with its canonical spelling.
func powerShellCmdlet(name string) (string, bool) {
	n, ok := psIndex.Get()[strings.ToLower(name)]
	return n, ok
}

// winPSCmdlets are cmdlets of Windows PowerShell 5.1 that PowerShell 7 no
// longer has (snap-ins, WMI, event logs, transactions, web service proxies,
// system restore): a runbook written for the old shell stops on them.
var winPSCmdlets = []string{
	"Add-PSSnapin", "Get-PSSnapin", "Remove-PSSnapin", "Export-Console",
	"Get-WmiObject", "Invoke-WmiMethod", "Register-WmiEvent", "Remove-WmiObject", "Set-WmiInstance",
	"Clear-EventLog", "Get-EventLog", "Limit-EventLog", "New-EventLog", "Remove-EventLog", "Show-EventLog", "Write-EventLog",
	"Complete-Transaction", "Get-Transaction", "Start-Transaction", "Undo-Transaction", "Use-Transaction",
	"New-WebServiceProxy", "ConvertFrom-String", "Convert-String", "Get-ControlPanelItem", "Show-ControlPanelItem",
	"Add-Computer", "Remove-Computer", "Checkpoint-Computer", "Restore-Computer", "Disable-ComputerRestore",
	"Enable-ComputerRestore", "Get-ComputerRestorePoint", "Reset-ComputerMachinePassword", "Test-ComputerSecureChannel",
}

var winPSIndex = lazy.Value[map[string]string]{Build: func() map[string]string {
	m := make(map[string]string, len(winPSCmdlets))
	for _, n := range winPSCmdlets {
		m[strings.ToLower(n)] = n
	}
	return m
}}

// windowsPowerShellCmdlet reports whether name is a Windows PowerShell 5.1
// cmdlet missing from PowerShell 7, with its canonical spelling.
func windowsPowerShellCmdlet(name string) (string, bool) {
	n, ok := winPSIndex.Get()[strings.ToLower(name)]
	return n, ok
}

// winOnlyModules lists, by module, commands that exist only on Windows:
// modules Windows itself provides (DnsClient, NetTCPIP, CimCmdlets,
// ScheduledTasks, ServerManager) and PowerShell 7's own cmdlets that its
// Linux build leaves out. exosim runs as PowerShell on Linux does, where
// such a name is not recognized (CommandNotFoundException, which
// cross-platform scripts catch to detect the platform), so lint says so
// without calling the call wrong: on a Windows admin machine it runs.
var winOnlyModules = []struct {
	module   string
	commands []string
}{
	{"DnsClient", []string{"Resolve-DnsName", "Clear-DnsClientCache", "Get-DnsClientCache", "Get-DnsClient", "Get-DnsClientServerAddress", "Set-DnsClientServerAddress"}},
	{"NetTCPIP", []string{"Test-NetConnection", "Get-NetIPAddress", "Get-NetIPConfiguration", "Get-NetRoute", "Get-NetTCPConnection"}},
	{"CimCmdlets", []string{"Get-CimInstance", "Get-CimClass", "Get-CimSession", "Invoke-CimMethod", "New-CimInstance", "New-CimSession", "New-CimSessionOption", "Register-CimIndicationEvent", "Remove-CimInstance", "Remove-CimSession", "Set-CimInstance"}},
	{"ScheduledTasks", []string{"Get-ScheduledTask", "Register-ScheduledTask", "Unregister-ScheduledTask", "Start-ScheduledTask", "New-ScheduledTaskAction", "New-ScheduledTaskTrigger", "New-ScheduledTaskPrincipal", "New-ScheduledTaskSettingsSet"}},
	{"ServerManager", []string{"Get-WindowsFeature", "Install-WindowsFeature", "Uninstall-WindowsFeature"}},
	{"Microsoft.PowerShell.Management", []string{"Get-Service", "New-Service", "Remove-Service", "Restart-Service", "Resume-Service", "Set-Service", "Start-Service", "Stop-Service", "Suspend-Service", "Get-HotFix", "Get-ComputerInfo", "Clear-RecycleBin"}},
	{"Microsoft.PowerShell.Diagnostics", []string{"Get-WinEvent", "New-WinEvent", "Get-Counter"}},
	{"Microsoft.PowerShell.Security", []string{"Get-Acl", "Set-Acl", "Get-AuthenticodeSignature", "Set-AuthenticodeSignature"}},
}

var winOnlyIndex = lazy.Value[map[string][2]string]{Build: func() map[string][2]string {
	m := map[string][2]string{}
	for _, mod := range winOnlyModules {
		for _, n := range mod.commands {
			m[strings.ToLower(n)] = [2]string{n, mod.module}
		}
	}
	return m
}}

// windowsOnlyCommand reports whether name is a command only Windows has,
// with its canonical spelling and its module.
func windowsOnlyCommand(name string) (canonical, module string, ok bool) {
	e, ok := winOnlyIndex.Get()[strings.ToLower(name)]
	return e[0], e[1], ok
}

// winOnlyParams are parameters PowerShell 7 has only on Windows, by
// cmdlet (lower case). exosim runs as a Unix host, where they are not
// found; a runbook written for Windows uses them correctly.
var winOnlyParams = lazy.Value[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
		"new-object": {"ComObject"},
	}
}}

// windowsOnlyParam returns the Windows-only parameter of a PowerShell
// cmdlet that a typed name means (the whole name or a prefix of it), or "".
func windowsOnlyParam(cmd, typed string) string {
	if typed == "" {
		return ""
	}
	for _, p := range winOnlyParams.Get()[strings.ToLower(cmd)] {
		if len(typed) <= len(p) && strings.EqualFold(p[:len(typed)], typed) {
			return p
		}
	}
	return ""
}
