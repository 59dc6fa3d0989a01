// Code generated from PowerShell 7.4's cmdlet reference (facts only); DO NOT EDIT.

package decl

// psModuleNames are the modules of PowerShell 7.4's own cmdlets.
var psModuleNames = []string{
	"Microsoft.PowerShell.Core",
	"Microsoft.PowerShell.Utility",
	"Microsoft.PowerShell.Management",
	"Microsoft.PowerShell.Security",
	"Microsoft.PowerShell.Host",
	"Microsoft.PowerShell.Archive",
	"PSReadLine",
	"ThreadJob",
}

// psNames lists PowerShell's cmdlets in name order; psModule[i] is the
// index of names[i]'s module in psModuleNames.
var psNames = []string{
	"Add-Content",
	"Add-History",
	"Add-Member",
	"Add-Type",
	"Clear-Content",
	"Clear-History",
	"Clear-Host",
	"Clear-Item",
	"Clear-ItemProperty",
	"Clear-Variable",
	"Compare-Object",
	"Compress-Archive",
	"Convert-Path",
	"ConvertFrom-Csv",
	"ConvertFrom-Json",
	"ConvertFrom-Markdown",
	"ConvertFrom-SecureString",
	"ConvertFrom-StringData",
	"ConvertTo-Csv",
	"ConvertTo-Html",
	"ConvertTo-Json",
	"ConvertTo-SecureString",
	"ConvertTo-Xml",
	"Copy-Item",
	"Copy-ItemProperty",
	"Debug-Job",
	"Debug-Process",
	"Debug-Runspace",
	"Disable-ExperimentalFeature",
	"Disable-PSBreakpoint",
	"Disable-RunspaceDebug",
	"Enable-ExperimentalFeature",
	"Enable-PSBreakpoint",
	"Enable-RunspaceDebug",
	"Enter-PSHostProcess",
	"Enter-PSSession",
	"Exit-PSHostProcess",
	"Exit-PSSession",
	"Expand-Archive",
	"Export-Alias",
	"Export-Clixml",
	"Export-Csv",
	"Export-FormatData",
	"Export-ModuleMember",
	"Export-PSSession",
	"ForEach-Object",
	"Format-Custom",
	"Format-Hex",
	"Format-List",
	"Format-Table",
	"Format-Wide",
	"Get-Alias",
	"Get-ChildItem",
	"Get-Clipboard",
	"Get-CmsMessage",
	"Get-Command",
	"Get-Content",
	"Get-Credential",
	"Get-Culture",
	"Get-Date",
	"Get-Error",
	"Get-Event",
	"Get-EventSubscriber",
	"Get-ExecutionPolicy",
	"Get-ExperimentalFeature",
	"Get-FileHash",
	"Get-FormatData",
	"Get-Help",
	"Get-History",
	"Get-Host",
	"Get-Item",
	"Get-ItemProperty",
	"Get-ItemPropertyValue",
	"Get-Job",
	"Get-Location",
	"Get-MarkdownOption",
	"Get-Member",
	"Get-Module",
	"Get-PSBreakpoint",
	"Get-PSCallStack",
	"Get-PSDrive",
	"Get-PSHostProcessInfo",
	"Get-PSProvider",
	"Get-PSReadLineKeyHandler",
	"Get-PSReadLineOption",
	"Get-PSSession",
	"Get-PSSessionCapability",
	"Get-PSSessionConfiguration",
	"Get-PSSubsystem",
	"Get-PfxCertificate",
	"Get-Process",
	"Get-Random",
	"Get-Runspace",
	"Get-RunspaceDebug",
	"Get-SecureRandom",
	"Get-TraceSource",
	"Get-TypeData",
	"Get-UICulture",
	"Get-Unique",
	"Get-Uptime",
	"Get-Variable",
	"Get-Verb",
	"Group-Object",
	"Import-Alias",
	"Import-Clixml",
	"Import-Csv",
	"Import-LocalizedData",
	"Import-Module",
	"Import-PSSession",
	"Import-PowerShellDataFile",
	"Invoke-Command",
	"Invoke-Expression",
	"Invoke-History",
	"Invoke-Item",
	"Invoke-RestMethod",
	"Invoke-WebRequest",
	"Join-Path",
	"Join-String",
	"Measure-Command",
	"Measure-Object",
	"Move-Item",
	"Move-ItemProperty",
	"New-Alias",
	"New-Event",
	"New-Guid",
	"New-Item",
	"New-ItemProperty",
	"New-Module",
	"New-ModuleManifest",
	"New-Object",
	"New-PSDrive",
	"New-PSRoleCapabilityFile",
	"New-PSSession",
	"New-PSSessionConfigurationFile",
	"New-PSSessionOption",
	"New-PSTransportOption",
	"New-TemporaryFile",
	"New-TimeSpan",
	"New-Variable",
	"Out-Default",
	"Out-File",
	"Out-Host",
	"Out-Null",
	"Out-String",
	"PSConsoleHostReadLine",
	"Pop-Location",
	"Protect-CmsMessage",
	"Push-Location",
	"Read-Host",
	"Receive-Job",
	"Register-ArgumentCompleter",
	"Register-EngineEvent",
	"Register-ObjectEvent",
	"Remove-Alias",
	"Remove-Event",
	"Remove-Item",
	"Remove-ItemProperty",
	"Remove-Job",
	"Remove-Module",
	"Remove-PSBreakpoint",
	"Remove-PSDrive",
	"Remove-PSReadLineKeyHandler",
	"Remove-PSSession",
	"Remove-TypeData",
	"Remove-Variable",
	"Rename-Item",
	"Rename-ItemProperty",
	"Resolve-Path",
	"Restart-Computer",
	"Save-Help",
	"Select-Object",
	"Select-String",
	"Select-Xml",
	"Send-MailMessage",
	"Set-Alias",
	"Set-Clipboard",
	"Set-Content",
	"Set-Date",
	"Set-ExecutionPolicy",
	"Set-Item",
	"Set-ItemProperty",
	"Set-Location",
	"Set-MarkdownOption",
	"Set-PSBreakpoint",
	"Set-PSDebug",
	"Set-PSReadLineKeyHandler",
	"Set-PSReadLineOption",
	"Set-StrictMode",
	"Set-TraceSource",
	"Set-Variable",
	"Show-Markdown",
	"Sort-Object",
	"Split-Path",
	"Start-Job",
	"Start-Process",
	"Start-Sleep",
	"Start-ThreadJob",
	"Start-Transcript",
	"Stop-Computer",
	"Stop-Job",
	"Stop-Process",
	"Stop-Transcript",
	"Switch-Process",
	"Tee-Object",
	"Test-Connection",
	"Test-Json",
	"Test-ModuleManifest",
	"Test-Path",
	"Trace-Command",
	"Unblock-File",
	"Unprotect-CmsMessage",
	"Unregister-Event",
	"Update-FormatData",
	"Update-Help",
	"Update-List",
	"Update-TypeData",
	"Wait-Debugger",
	"Wait-Event",
	"Wait-Job",
	"Wait-Process",
	"Where-Object",
	"Write-Debug",
	"Write-Error",
	"Write-Host",
	"Write-Information",
	"Write-Output",
	"Write-Progress",
	"Write-Verbose",
	"Write-Warning",
}

var psModule = []uint8{
	2, 0, 1, 1, 2, 0, 0, 2, 2, 1, 1, 5, 2, 1, 1, 1, 3, 1, 1, 1, 1, 3, 1, 2,
	2, 0, 2, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 5, 1, 1, 1, 1, 0, 1, 0, 1, 1,
	1, 1, 1, 1, 2, 2, 3, 0, 2, 3, 1, 1, 1, 1, 1, 3, 0, 1, 1, 0, 0, 1, 2, 2,
	2, 0, 2, 1, 1, 0, 1, 1, 2, 0, 2, 6, 6, 0, 0, 0, 0, 3, 2, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 2, 1, 1, 2, 1, 1, 1,
	2, 2, 1, 1, 1, 2, 2, 0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1,
	6, 2, 3, 2, 1, 0, 0, 1, 1, 1, 1, 2, 2, 0, 0, 1, 2, 6, 0, 1, 1, 2, 2, 2,
	2, 0, 1, 1, 1, 1, 1, 2, 2, 1, 3, 2, 2, 2, 1, 1, 0, 6, 6, 0, 1, 1, 1, 1,
	2, 0, 2, 1, 7, 4, 2, 0, 2, 4, 0, 1, 2, 1, 0, 2, 1, 1, 3, 1, 1, 0, 1, 1,
	1, 1, 0, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1,
}

var psOffsets = []uint32{
	0, 275, 332, 687, 1156, 1340, 1469, 1485, 1652, 1861, 1976, 2190,
	2480, 2567, 2698, 2799, 2979, 3118, 3190, 3426, 3690, 3830, 3976, 4072,
	4352, 4594, 4794, 4917, 5128, 5195, 5331, 5651, 5717, 5852, 6198, 6501,
	7265, 7289, 7309, 7453, 7684, 7874, 8226, 8420, 8515, 8828, 9165, 9339,
	9518, 9675, 9909, 10100, 10206, 10678, 10709, 10827, 11261, 11594, 11721, 11847,
	12208, 12284, 12379, 12499, 12557, 12602, 12756, 12822, 13116, 13165, 13179, 13498,
	13681, 13869, 14300, 14410, 14434, 14556, 14855, 15021, 15042, 15154, 15320, 15362,
	15481, 15507, 16249, 16340, 16401, 16509, 16655, 16915, 17143, 17284, 17600, 17817,
	17855, 17893, 17912, 18034, 18086, 18185, 18236, 18390, 18530, 18679, 18914, 19058,
	19814, 20097, 20229, 21728, 21771, 21806, 21960, 23208, 24338, 24466, 24715, 24780,
	25053, 25259, 25501, 25635, 25742, 25756, 26102, 26342, 26527, 27489, 27615, 27763,
	28259, 29090, 29954, 30632, 30963, 30987, 31151, 31311, 31368, 31596, 31646, 31681,
	31821, 31848, 31902, 32057, 32179, 32284, 32680, 32826, 32984, 33185, 33249, 33354,
	33571, 33774, 34102, 34247, 34365, 34496, 34567, 34818, 34958, 35057, 35221, 35461,
	35612, 35824, 36077, 36424, 36836, 37008, 37362, 37498, 37594, 37869, 37962, 38053,
	38286, 38690, 38818, 39214, 39409, 39489, 39690, 40413, 40483, 40777, 40969, 41109,
	41309, 41694, 42155, 42576, 42706, 42934, 43188, 43325, 43608, 43746, 43768, 43810,
	43984, 44480, 44865, 44908, 45140, 45422, 45514, 45715, 45830, 45908, 46172, 46308,
	46902, 46921, 46992, 47310, 47489, 49002, 49042, 49407, 49538, 49612, 49674, 49874,
	49916, 49958,
}

// psTypes are the parameter types as the reference spells them.
var psTypes = []string{
	"System.Management.Automation.SwitchParameter",
	"System.Management.Automation.PSCredential",
	"System.Text.Encoding",
	"System.String[]",
	"System.String",
	"System.Object[]",
	"System.Management.Automation.PSObject[]",
	"System.Management.Automation.PSObject",
	"System.Management.Automation.PSMemberTypes",
	"System.Collections.IDictionary",
	"System.Object",
	"Microsoft.PowerShell.Commands.Language",
	"Microsoft.PowerShell.Commands.OutputAssemblyType",
	"System.Int32",
	"System.Int32[]",
	"System.Char",
	"System.Byte[]",
	"System.Security.SecureString",
	"Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind",
	"System.Uri",
	"System.Collections.Hashtable",
	"Newtonsoft.Json.StringEscapeHandling",
	"System.Management.Automation.Runspaces.PSSession",
	"SwitchParameter",
	"System.Guid",
	"System.Management.Automation.Job",
	"System.Diagnostics.Process[]",
	"System.Management.Automation.Runspaces.Runspace",
	"System.Management.Automation.Configuration.ConfigScope",
	"System.Management.Automation.Breakpoint[]",
	"Runspace",
	"System.Management.Automation.Runspaces.Runspace[]",
	"System.Guid[]",
	"Microsoft.PowerShell.Commands.PSHostProcessInfo",
	"System.Diagnostics.Process",
	"System.Management.Automation.Runspaces.AuthenticationMechanism",
	"System.Management.Automation.Remoting.PSSessionOption",
	"Microsoft.PowerShell.Commands.ExportAliasFormat",
	"System.Management.Automation.ExtendedTypeDefinition[]",
	"System.Security.Cryptography.X509Certificates.X509Certificate2",
	"System.Management.Automation.CommandTypes",
	"Microsoft.PowerShell.Commands.ModuleSpecification[]",
	"System.Management.Automation.ScriptBlock",
	"System.Management.Automation.ScriptBlock[]",
	"System.Int64",
	"System.Management.Automation.FlagsExpression`1[System.IO.FileAttributes]",
	"System.UInt32",
	"Microsoft.PowerShell.Commands.DnsNameRepresentation",
	"UInt32",
	"System.Management.Automation.PSTypeName[]",
	"System.DateTime",
	"Microsoft.PowerShell.Commands.DisplayHintType",
	"Microsoft.PowerShell.ExecutionPolicyScope",
	"System.IO.Stream",
	"System.Version",
	"System.Int64[]",
	"System.Management.Automation.JobState",
	"System.Boolean",
	"System.Management.Automation.PSMemberViewTypes",
	"Microsoft.Management.Infrastructure.CimSession",
	"Microsoft.PowerShell.Commands.BreakpointType[]",
	"System.Uri[]",
	"Microsoft.PowerShell.Commands.SessionFilterState",
	"System.Management.Automation.Subsystem.SubsystemKind",
	"System.Type",
	"System.Nullable`1[System.Int32]",
	"System.UInt64",
	"System.Reflection.Assembly[]",
	"System.Management.Automation.PSModuleInfo[]",
	"Switch",
	"System.Management.Automation.Runspaces.PSSession[]",
	"System.Collections.Hashtable[]",
	"Microsoft.PowerShell.Commands.WebAuthenticationType",
	"System.Security.Cryptography.X509Certificates.X509Certificate",
	"Microsoft.PowerShell.Commands.WebRequestMethod",
	"Microsoft.PowerShell.Commands.WebSslProtocol",
	"System.Net.Sockets.UnixDomainSocketEndPoint",
	"Microsoft.PowerShell.Commands.WebRequestSession",
	"Microsoft.PowerShell.Commands.PSPropertyExpression",
	"Microsoft.PowerShell.Commands.PSPropertyExpression[]",
	"System.Management.Automation.ScopedItemOptions",
	"Microsoft.WSMan.Management.AuthenticationMechanism",
	"Microsoft.WSMan.Management.SessionOption",
	"System.Reflection.ProcessorArchitecture",
	"System.Collections.IDictionary[]",
	"Microsoft.PowerShell.ExecutionPolicy",
	"System.Management.Automation.PSLanguageMode",
	"System.Management.Automation.Remoting.SessionType",
	"System.Management.Automation.PSPrimitiveDictionary",
	"System.Globalization.CultureInfo",
	"System.Management.Automation.Runspaces.OutputBufferingMode",
	"System.Management.Automation.Remoting.ProxyAccessType",
	"System.Nullable`1[System.Management.Automation.Runspaces.OutputBufferingMode]",
	"System.Management.Automation.SessionStateEntryVisibility",
	"System.Management.Automation.CmsMessageRecipient[]",
	"System.Management.Automation.Job[]",
	"Microsoft.PowerShell.ViMode",
	"System.Management.Automation.Runspaces.TypeData",
	"System.Int16",
	"Microsoft.PowerShell.Commands.WaitForServiceTypes",
	"Microsoft.PowerShell.Commands.UpdateHelpScope",
	"System.Globalization.CultureInfo[]",
	"System.Xml.XmlNode[]",
	"System.Net.Mail.DeliveryNotificationOptions",
	"System.Net.Mail.MailPriority",
	"System.TimeSpan",
	"Microsoft.Win32.RegistryValueKind",
	"System.Management.Automation.VariableAccessMode",
	"System.Func`2[System.String,System.Object]",
	"Microsoft.PowerShell.BellStyle",
	"System.Action`1[System.Management.Automation.Language.CommandAst]",
	"Microsoft.PowerShell.EditMode",
	"Microsoft.PowerShell.HistorySaveStyle",
	"Microsoft.PowerShell.PredictionSource",
	"Microsoft.PowerShell.PredictionViewStyle",
	"Microsoft.PowerShell.ViModeStyle",
	"System.Diagnostics.TraceOptions",
	"System.Management.Automation.PSTraceSourceOptions",
	"System.Diagnostics.ProcessWindowStyle",
	"System.Double",
	"System.Management.Automation.Host.PSHost",
	"System.Nullable`1[[System.DateTime]]",
	"Microsoft.PowerShell.Commands.TestPathType",
	"System.Nullable`1[System.Boolean]",
	"System.Management.Automation.Runspaces.TypeData[]",
	"System.Management.Automation.ErrorCategory",
	"System.Management.Automation.ErrorRecord",
	"System.Exception",
	"System.ConsoleColor",
}

// psValueLists are the values enumeration parameters accept.
var psValueLists = [][]string{
	{"ASCII", "BigEndianUnicode", "BigEndianUTF32", "OEM", "Unicode", "UTF7", "UTF8", "UTF8BOM", "UTF8NoBOM", "UTF32"},
	{"AliasProperty", "CodeMethod", "CodeProperty", "NoteProperty", "ScriptMethod", "ScriptProperty"},
	{"CSharp"},
	{"ConsoleApplication", "Library", "WindowsApplication"},
	{"Optimal", "NoCompression", "Fastest"},
	{"Table", "List"},
	{"Stream", "String", "Document"},
	{"AllUsers", "CurrentUser"},
	{"Default", "Basic", "Negotiate", "NegotiateWithImplicitCredential", "Credssp", "Digest", "Kerberos"},
	{"true"},
	{"Csv", "Script"},
	{"Alias", "All", "Application", "Cmdlet", "Configuration", "ExternalScript", "Filter", "Function", "Script", "Workflow"},
	{"CoreOnly", "EnumOnly", "Both"},
	{"Archive", "Compressed", "Device", "Directory", "Encrypted", "Hidden", "IntegrityStream", "Normal", "NoScrubData", "NotContentIndexed", "Offline", "ReadOnly", "ReparsePoint", "SparseFile", "System", "Temporary"},
	{"Alias", "Function", "Filter", "Cmdlet", "ExternalScript", "Application", "Script", "Workflow", "Configuration", "All"},
	{"Date", "Time", "DateTime"},
	{"CurrentUser", "LocalMachine", "MachinePolicy", "Process", "UserPolicy"},
	{"SHA1", "SHA256", "SHA384", "SHA512", "MD5"},
	{"Alias", "Cmdlet", "Provider", "General", "FAQ", "Glossary", "HelpFile", "ScriptCommand", "Function", "Filter", "ExternalScript", "All", "DefaultHelp", "Workflow", "DscResource", "Class", "Configuration"},
	{"NotStarted", "Running", "Completed", "Failed", "Stopped", "Blocked", "Suspended", "Disconnected", "Suspending", "Stopping", "AtBreakpoint"},
	{"AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties", "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All"},
	{"Extended", "Adapted", "Base", "All"},
	{"Line", "Variable", "Command"},
	{"All", "Opened", "Disconnected", "Closed", "Broken"},
	{"CommandPredictor"},
	{"Common", "Communications", "Data", "Diagnostic", "Lifecycle", "Other", "Security"},
	{"Local", "Global"},
	{"Basic", "Default", "Credssp", "Digest", "Kerberos", "Negotiate", "NegotiateWithImplicitCredential"},
	{"None", "Basic", "Bearer", "OAuth"},
	{"Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch"},
	{"Default", "Tls", "Tls11", "Tls12", "Tls13"},
	{"chunked", "compress", "deflate", "gzip", "identity"},
	{"Default", "Tls", "Tls11", "Tls12"},
	{"None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"},
	{"Desktop", "Core"},
	{"None", "MSIL", "X86", "IA64", "Amd64", "Arm"},
	{"Unrestricted", "RemoteSigned", "AllSigned", "Restricted", "Default", "Bypass", "Undefined"},
	{"FullLanguage", "RestrictedLanguage", "NoLanguage", "ConstrainedLanguage"},
	{"Empty", "RestrictedRemoteServer", "Default"},
	{"None", "Drop", "Block"},
	{"None", "IEConfig", "WinHttpConfig", "AutoDetect", "NoProxyServer"},
	{"Public", "Private"},
	{"AtBreakpoint", "Blocked", "Completed", "Disconnected", "Failed", "NotStarted", "Running", "Stopped", "Stopping", "Suspended", "Suspending"},
	{"Insert", "Command"},
	{"Wmi", "WinRM", "PowerShell"},
	{"Basic", "CredSSP", "Default", "Digest", "Kerberos", "Negotiate"},
	{"None", "OnSuccess", "OnFailure", "Delay", "Never"},
	{"Normal", "High", "Low"},
	{"AllScope", "Constant", "None", "Private", "ReadOnly", "Unspecified"},
	{"Global", "Local", "Private", "Numbered scopes", "Script"},
	{"AllSigned", "Bypass", "Default", "RemoteSigned", "Restricted", "Undefined", "Unrestricted"},
	{"Dark", "Light"},
	{"Read", "Write", "ReadWrite"},
	{"None", "LogicalOperationStack", "DateTime", "Timestamp", "ProcessId", "ThreadId", "Callstack"},
	{"None", "Constructor", "Dispose", "Finalizer", "Method", "Property", "Delegates", "Events", "Exception", "Lock", "Error", "Errors", "Warning", "Verbose", "WriteLine", "Data", "Scope", "ExecutionFlow", "Assert", "All"},
	{"Normal", "Hidden", "Minimized", "Maximized"},
	{"Default", "Basic", "Negotiate", "CredSSP", "Digest", "Kerberos"},
	{"ASCII", "BigEndianUnicode", "OEM", "Unicode", "UTF7", "UTF8", "UTF8BOM", "UTF8NoBOM", "UTF32"},
	{"Any", "Container", "Leaf"},
	{"NoteProperty", "AliasProperty", "ScriptProperty", "CodeProperty", "ScriptMethod", "CodeMethod"},
	{"NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded", "NotEnabled"},
}

// psRecords holds every cmdlet's record, in the encoding of the
// Exchange table.
const psRecords = `C Add-Content|w|Path|Path,LiteralPath
P AsByteStream|0|||*
P Credential|1|||*n
P Encoding|2||0|*
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P NoNewline|0|||*
P PassThru|0|||*
P Path|3|||0mp0n
P Stream|4|||*
P Value|5|||*mp1vn
C Add-History|||
P InputObject|6|||*p0v
P PassThru|0|||*
C Add-Member||TypeNameSet|TypeNameSet,NotePropertyMultiMemberSet,NotePropertySingleMemberSet,MemberSet
P Force|0|||3;2;1
P InputObject|7|||*mv
P MemberType|8|Type|1|3mp0
P Name|4|||3mp1
P NotePropertyMembers|9|||1mp0
P NotePropertyName|4|||2mp0
P NotePropertyValue|10|||2mp1
P PassThru|0|||*
P SecondValue|10|||3p3
P TypeName|4|||0;1;2;3
P Value|10|||3p2
C Add-Type||FromSource|FromSource,FromMember,FromPath,FromLiteralPath,FromAssemblyName
P AssemblyName|3|AN||4m
P CompilerOptions|3|||0;1;2;3
P IgnoreWarnings|0|||0;1;2;3
P Language|11||2|0;1
P LiteralPath|3|PSPath,LP||3m
P MemberDefinition|3|||1mp1
P Name|4|||1mp0
P Namespace|4|NS||1
P OutputAssembly|4|OA||0;1;2;3
P OutputType|12|OT|3|0;1;2;3
P PassThru|0|||*
P Path|3|||2mp0
P ReferencedAssemblies|3|RA||0;1;2;3
P TypeDefinition|4|||0mp0
P UsingNamespace|3|Using||1
C Clear-Content|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0n
P Stream|4|||*
C Clear-History|w|IDParameter|IDParameter,CommandLineParameter
P CommandLine|3|||1
P Count|13|||*p1
P Id|14|||0p0
P Newest|0|||*
C Clear-Host|||
C Clear-Item|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
C Clear-ItemProperty|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|4|||*mp1n
P PassThru|0|||*
P Path|3|||0mp0vn
C Clear-Variable|w||
P Exclude|3|||*
P Force|0|||*
P Include|3|||*
P Name|3|||*mp0n
P PassThru|0|||*
P Scope|4|||*
C Compare-Object|||
P CaseSensitive|0|||*
P Culture|4|||*
P DifferenceObject|6|||*mp1v
P ExcludeDifferent|0|||*
P IncludeEqual|0|||*
P PassThru|0|||*
P Property|5|||*
P ReferenceObject|6|||*mp0
P SyncWindow|13|||*
C Compress-Archive|w|Path|Path,PathWithUpdate,PathWithForce,LiteralPathWithUpdate,LiteralPathWithForce,LiteralPath
P CompressionLevel|4||4|*
P DestinationPath|4|||*mp1
P Force|0|||2m;4m
P LiteralPath|3|PSPath||3mn;4mn;5mn
P PassThru|0|||*
P Path|3|||0mp0vn;1mp0vn;2mp0vn
P Update|0|||1m;3m
C Convert-Path||Path|Path,LiteralPath
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
C ConvertFrom-Csv||Delimiter|Delimiter,UseCulture
P Delimiter|15|||0p1
P Header|3|||*
P InputObject|6|||*mp0vn
P UseCulture|0|||1m
C ConvertFrom-Json|||
P AsHashtable|0|||*
P Depth|13|||*
P InputObject|4|||*mp0v
P NoEnumerate|0|||*
C ConvertFrom-Markdown||PathParamSet|PathParamSet,LiteralParamSet,InputObjParamSet
P AsVT100EncodedString|0|||*
P InputObject|7|||2mv
P LiteralPath|3|PSPath,LP||1m
P Path|3|||0mp0
C ConvertFrom-SecureString||Secure|Secure,AsPlainText,Open
P AsPlainText|0|||1
P Key|16|||2
P SecureKey|17|||0p1
P SecureString|17|||*mp0v
C ConvertFrom-StringData|||
P Delimiter|15|||*p1
P StringData|4|||*mp0v
C ConvertTo-Csv||Delimiter|Delimiter,UseCulture
P Delimiter|15|||0p1
P IncludeTypeInformation|0|ITI||*
P InputObject|7|||*mp0vn
P NoHeader|0|||*
P NoTypeInformation|0|NTI||*
P QuoteFields|3|QF||*
P UseCulture|0|||1
P UseQuotes|18|UQ||*
C ConvertTo-Html||Page|Page,Fragment
P As|4||5|*
P Body|3|||0p3
P Charset|4|||0
P CssUri|19|cu,uri||0
P Fragment|0|||1
P Head|3|||0p1
P InputObject|7|||*v
P Meta|20|||0
P PostContent|3|||*
P PreContent|3|||*
P Property|5|||*p0
P Title|4|||0p2
P Transitional|0|||0
C ConvertTo-Json|||
P AsArray|0|||*
P Compress|0|||*
P Depth|13|||*
P EnumsAsStrings|0|||*
P EscapeHandling|21|||*
P InputObject|10|||*mp0v
C ConvertTo-SecureString||Secure|Secure,PlainText,Open
P AsPlainText|0|||1p1
P Force|0|||1p2
P Key|16|||2
P SecureKey|17|||0p1
P String|4|||*mp0v
C ConvertTo-Xml|||
P As|4||6|*
P Depth|13|||*
P InputObject|7|||*mp0v
P NoTypeInformation|0|||*
C Copy-Item|w|Path|Path,LiteralPath
P Container|0|||*
P Credential|1|||*n
P Destination|4|||*p1n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P FromSession|22|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P PassThru|0|||*
P Path|3|||0mp0vn
P Recurse|0|||*
P ToSession|22|||*
C Copy-ItemProperty|w|Path|Path,LiteralPath
P Credential|1|||*n
P Destination|4|||*mp1n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|4|PSProperty||*mp2n
P PassThru|0|||*
P Path|3|||0mp0vn
C Debug-Job|w|JobParameterSet|JobParameterSet,JobNameParameterSet,JobIdParameterSet,JobInstanceIdParameterSet
P BreakAll|23|||*
P Id|13|||2mp0
P InstanceId|24|||3mp0
P Job|25|||0mp0vn
P Name|4|||1mp0
C Debug-Process|w|Name|Name,Id,InputObject
P Id|14|PID,ProcessId||1mp0n
P InputObject|26|||2mv
P Name|3|ProcessName||0mp0n
C Debug-Runspace|w|RunspaceParameterSet|RunspaceParameterSet,NameParameterSet,IdParameterSet,InstanceIdParameterSet
P BreakAll|23|||*
P Id|13|||2mp0
P InstanceId|24|||3mp0
P Name|4|||1mp0
P Runspace|27|||0mp0vn
C Disable-ExperimentalFeature|w||
P Name|3|||*mp0n
P Scope|28||7|*
C Disable-PSBreakpoint|w|Breakpoint|Breakpoint,Id
P Breakpoint|29|||0mp0v
P Id|14|||1mp0n
P PassThru|0|||*
P Runspace|30|RunspaceId||1n
C Disable-RunspaceDebug||RunspaceNameParameterSet|RunspaceNameParameterSet,RunspaceParameterSet,RunspaceIdParameterSet,RunspaceInstanceIdParameterSet,ProcessNameParameterSet
P AppDomainName|3|||4p1
P ProcessName|4|||4p0
P Runspace|31|||1mp0vn
P RunspaceId|14|||2mp0
P RunspaceInstanceId|32|||3mp0
P RunspaceName|3|||0p0
C Enable-ExperimentalFeature|w||
P Name|3|||*mp0n
P Scope|28||7|*
C Enable-PSBreakpoint|w|Breakpoint|Breakpoint,Id
P Breakpoint|29|||0mp0v
P Id|14|||1mp0n
P PassThru|0|||*
P Runspace|30|RunspaceId||1n
C Enable-RunspaceDebug||RunspaceNameParameterSet|RunspaceNameParameterSet,RunspaceParameterSet,RunspaceIdParameterSet,RunspaceInstanceIdParameterSet,ProcessNameParameterSet
P AppDomainName|3|||4p1
P BreakAll|0|||0p1;1p1;2p1
P ProcessName|4|||4p0
P Runspace|31|||1mp0vn
P RunspaceId|14|||2mp0
P RunspaceInstanceId|32|||3mp0
P RunspaceName|3|||0p0
C Enter-PSHostProcess||ProcessIdParameterSet|ProcessIdParameterSet,ProcessParameterSet,ProcessNameParameterSet,PSHostProcessInfoParameterSet,PipeNameParameterSet
P AppDomainName|4|||0p1;1p1;2p1;3p1
P CustomPipeName|4|||4m
P HostProcessInfo|33|||3mp0v
P Id|13|||0mp0
P Name|4|||2mp0
P Process|34|||1mp0v
C Enter-PSSession||ComputerName|ComputerName,SSHHost,Session,Uri,InstanceId,Id,Name,VMId,VMName,ContainerId
P AllowRedirection|0|||3
P ApplicationName|4|||0n
P Authentication|35||8|0;3
P CertificateThumbprint|4|||0;3
P ComputerName|4|Cn||0mp0vn
P ConfigurationName|4|||0n;3n;7n;8n;9n
P ConnectingTimeout|13|||1
P ConnectionUri|19|URI,CU||3p1n
P ContainerId|4|||9mp0vn
P Credential|1|||0p1n;3n;7p1n;8p1n
P EnableNetworkAccess|0|||0;3
P HostName|4|||1mp0v
P Id|13|||5p0n
P InstanceId|24|||4n
P KeyFilePath|4|IdentityFilePath||1
P Name|4|||6n
P Options|20|||1
P Port|13|||0;1
P RunAsAdministrator|0|||9
P Session|22|||2p0vn
P SessionOption|36|||0;3
P SSHTransport|0||9|1
P Subsystem|4|||1n
P UserName|4|||1
P UseSSL|0|||0
P VMId|24|VMGuid||7mp0vn
P VMName|4|||8mp0vn
C Exit-PSHostProcess|||
C Exit-PSSession|||
C Expand-Archive|w|Path|Path,LiteralPath
P DestinationPath|4|||*p1
P Force|0|||*
P LiteralPath|4|PSPath||1mn
P PassThru|0|||*
P Path|4|||0mp0vn
C Export-Alias|w|ByPath|ByPath,ByLiteralPath
P Append|0|||*
P As|37||10|*
P Description|4|||*
P Force|0|||*
P LiteralPath|4|PSPath,LP||1mn
P Name|3|||*p1n
P NoClobber|0|NoOverwrite||*
P PassThru|0|||*
P Path|4|||0mp0
P Scope|4|||*
C Export-Clixml|w|ByPath|ByPath,ByLiteralPath
P Depth|13|||*
P Encoding|2||0|*
P Force|0|||*
P InputObject|7|||*mv
P LiteralPath|4|PSPath,LP||1m
P NoClobber|0|NoOverwrite||*
P Path|4|||0mp0
C Export-Csv|w|Delimiter|Delimiter,UseCulture
P Append|0|||*
P Delimiter|15|||0p1
P Encoding|2||0|*
P Force|0|||*
P IncludeTypeInformation|0|ITI||*
P InputObject|7|||*mvn
P LiteralPath|4|PSPath,LP||*
P NoClobber|0|NoOverwrite||*
P NoHeader|0|||*
P NoTypeInformation|0|NTI||*
P Path|4|||*p0
P QuoteFields|3|QF||*
P UseCulture|0|||1
P UseQuotes|18|UQ||*
C Export-FormatData||ByPath|ByPath,ByLiteralPath
P Force|0|||*
P IncludeScriptBlock|0|||*
P InputObject|38|||*mv
P LiteralPath|4|PSPath,LP||1m
P NoClobber|0|NoOverwrite||*
P Path|4|FilePath||0m
C Export-ModuleMember|||
P Alias|3|||*n
P Cmdlet|3|||*n
P Function|3|||*p0vn
P Variable|3|||*n
C Export-PSSession|||
P AllowClobber|0|||*
P ArgumentList|5|Args||*
P Certificate|39|||*
P CommandName|3|Name||*p2
P CommandType|40|Type|11|*
P Encoding|2||0|*
P Force|0|||*
P FormatTypeName|3|||*p3
P FullyQualifiedModule|41|||*
P Module|3|PSSnapin||*
P OutputModule|4|PSPath,ModuleName||*mp1
P Session|22|||*mp0
C ForEach-Object|w|ScriptBlockSet|ScriptBlockSet,PropertyAndMethodSet,ParallelParameterSet
P ArgumentList|5|Args||1
P AsJob|0|||2
P Begin|42|||0
P End|42|||0
P InputObject|7|||*v
P MemberName|4|||1mp0
P Parallel|42|||2m
P Process|43|||0mp0
P RemainingScripts|43|||0
P ThrottleLimit|13|||2
P TimeoutSeconds|13|||2
P UseNewRunspace|23|||2
C Format-Custom|||
P Depth|13|||*
P DisplayError|0|||*
P Expand|4||12|*
P Force|0|||*
P GroupBy|10|||*
P InputObject|7|||*v
P Property|5|||*p0
P ShowError|0|||*
P View|4|||*
C Format-Hex||Path|Path,LiteralPath,ByInputObject
P Count|44|||*
P Encoding|2||0|2
P InputObject|7|||2mv
P LiteralPath|3|PSPath,LP||1m
P Offset|44|||*
P Path|3|||0mp0
P Raw|0|||2
C Format-List|||
P DisplayError|0|||*
P Expand|4||12|*
P Force|0|||*
P GroupBy|10|||*
P InputObject|7|||*v
P Property|5|||*p0
P ShowError|0|||*
P View|4|||*
C Format-Table|||
P AutoSize|0|||*
P DisplayError|0|||*
P Expand|4||12|*
P Force|0|||*
P GroupBy|10|||*
P HideTableHeaders|0|||*
P InputObject|7|||*v
P Property|5|||*p0
P RepeatHeader|0|||*
P ShowError|0|||*
P View|4|||*
P Wrap|0|||*
C Format-Wide|||
P AutoSize|0|||*
P Column|13|||*
P DisplayError|0|||*
P Expand|4||12|*
P Force|0|||*
P GroupBy|10|||*
P InputObject|7|||*v
P Property|10|||*p0
P ShowError|0|||*
P View|4|||*
C Get-Alias||Default|Default,Definition
P Definition|3|||1
P Exclude|3|||*
P Name|3|||0p0vn
P Scope|4|||*
C Get-ChildItem||Items|Items,LiteralItems
P Attributes|45||13|*
P CodeSigningCert|0|||*
P Depth|46|||*
P Directory|0|ad||*
P DnsName|47|||*
P DocumentEncryptionCert|0|||*
P Eku|4|||*
P Exclude|3|||*
P ExpiringInDays|13|||*
P File|0|af||*
P Filter|4|||*p1
P FollowSymlink|0|||*
P Force|0|||*
P Hidden|0|ah,h||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|0|||*
P Path|3|||0p0vn
P ReadOnly|0|ar||*
P Recurse|0|s||*
P SSLServerAuthentication|0|||*
P System|0|as||*
C Get-Clipboard|||
P Raw|0|||*
C Get-CmsMessage||ByContent|ByContent,ByPath,ByLiteralPath
P Content|4|||0mp0v
P LiteralPath|4|||2mp1
P Path|4|||1mp1
C Get-Command||CmdletSet|CmdletSet,AllCommandSet
P All|0|||*n
P ArgumentList|5|Args||*p1
P CommandType|40|Type|14|1n
P FullyQualifiedModule|41|||*n
P FuzzyMinimumDistance|48|||1
P ListImported|0|||*n
P Module|3|PSSnapin||*n
P Name|3|||1p0vn
P Noun|3|||0n
P ParameterName|3|||*
P ParameterType|49|||*
P ShowCommandInfo|0|||*
P Syntax|0|||*n
P TotalCount|13|||*n
P UseAbbreviationExpansion|0|||1n
P UseFuzzyMatching|0|||1
P Verb|3|||0n
C Get-Content||Path|Path,LiteralPath
P AsByteStream|0|||*
P Credential|1|||*n
P Delimiter|4|||*
P Encoding|2||0|*
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0n
P Raw|0|||*
P ReadCount|44|||*n
P Stream|4|||*
P Tail|13|Last||*n
P TotalCount|44|First,Head||*n
P Wait|0|||*
C Get-Credential||CredentialSet|CredentialSet,MessageSet
P Credential|1|||0p1
P Message|4|||1
P Title|4|||1
P UserName|4|||1p1
C Get-Culture||CurrentCulture|CurrentCulture,Name,ListAvailable
P ListAvailable|0|||2
P Name|3|||1v
P NoUserOverrides|0|||0;1
C Get-Date||DateAndFormat|DateAndFormat,DateAndUFormat,UnixTimeSecondsAndFormat,UnixTimeSecondsAndUFormat
P AsUTC|0|||*
P Date|50|LastWriteTime||0p0vn;1p0vn
P Day|13|||*
P DisplayHint|51||15|*
P Format|4|||0;2
P Hour|13|||*
P Millisecond|13|||*
P Minute|13|||*
P Month|13|||*
P Second|13|||*
P UFormat|4|||1;3
P UnixTimeSeconds|44|UnixTime||2m;3m
P Year|13|||*
C Get-Error||Newest|Newest,Error
P InputObject|7|||1v
P Newest|13|Last||0p0
C Get-Event||BySource|BySource,ById
P EventIdentifier|13|Id||1mp0n
P SourceIdentifier|4|||0p0n
C Get-EventSubscriber||BySource|BySource,ById
P Force|0|||*p1
P SourceIdentifier|4|||0p0n
P SubscriptionId|13|Id||1mp0n
C Get-ExecutionPolicy|||
P List|0|||*
P Scope|52||16|*p0n
C Get-ExperimentalFeature|||
P Name|3|||*p0v
C Get-FileHash||Path|Path,LiteralPath,StreamParameterSet
P Algorithm|4||17|*p1
P InputStream|53|||2mp0
P LiteralPath|3|PSPath,LP||1mp0n
P Path|3|||0mp0vn
C Get-FormatData|||
P PowerShellVersion|54|||*
P TypeName|3|||*p0
C Get-Help||AllUsersView|AllUsersView,DetailedView,EXAMPLES,PARAMETERS,Online,ShowWindow
P Category|3||18|*
P Component|3|||*
P Detailed|0|||1m
P Examples|0|||2m
P Full|0|||0
P Functionality|3|||*
P Name|4|||*p0n
P Online|0|||4m
P Parameter|3|||3m
P Path|4|||*
P Role|3|||*
P ShowWindow|0|||5m
C Get-History|||
P Count|13|||*p1
P Id|55|||*p0v
C Get-Host|||
C Get-Item||Path|Path,LiteralPath
P CodeSigningCert|0|||*
P Credential|1|||*n
P DnsName|47|||*
P DocumentEncryptionCert|0|||*
P Eku|4|||*
P Exclude|3|||*
P ExpiringInDays|13|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
P SSLServerAuthentication|0|||*
P Stream|3|||*
C Get-ItemProperty||Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|3|PSProperty||*p1
P Path|3|||0mp0vn
C Get-ItemPropertyValue||Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|3|PSProperty||*mp1
P Path|3|||0p0vn
C Get-Job||SessionIdParameterSet|SessionIdParameterSet,InstanceIdParameterSet,NameParameterSet,StateParameterSet,CommandParameterSet,FilterParameterSet
P After|50|||0;1;2;3;4
P Before|50|||0;1;2;3;4
P ChildJobState|56||19|0;1;2;3;4
P Command|3|||4n
P Filter|20|||5mp0n
P HasMoreData|57|||0;1;2;3;4
P Id|14|||0p0n
P IncludeChildJob|0|||0;1;2;3;4
P InstanceId|32|||1mp0n
P Name|3|||2mp0n
P Newest|13|||0;1;2;3;4
P State|56||19|3mp0n
C Get-Location||Location|Location,Stack
P PSDrive|3|||0n
P PSProvider|3|||0n
P Stack|0|||1
P StackName|3|||1n
C Get-MarkdownOption|||
C Get-Member|||
P Force|0|||*
P InputObject|7|||*v
P MemberType|8|Type|20|*
P Name|3|||*p0
P Static|0|||*
P View|58||21|*
C Get-Module||Loaded|Loaded,Available,PsSession,CimSession
P All|0|||0;1
P CimNamespace|4|||3
P CimResourceUri|19|||3
P CimSession|59|||3m
P FullyQualifiedName|41|||*n
P ListAvailable|0|||1;2;3
P Name|3|||*p0v
P PSEdition|4|||2;1
P PSSession|22|||2m
P Refresh|0|||1;2;3
P SkipEditionCheck|0|||1;2;3
C Get-PSBreakpoint||Line|Line,Command,Variable,Type,Id
P Command|3|||1m
P Id|14|||4mp0v
P Runspace|30|||*
P Script|3|||2v;1v;3v
P Type|60||22|3mp0v
P Variable|3|||2m
C Get-PSCallStack|||
C Get-PSDrive||Name|Name,LiteralName
P LiteralName|3|||1mp0n
P Name|3|||0p0n
P PSProvider|3|||*n
P Scope|4|||*n
C Get-PSHostProcessInfo||ProcessNameParameterSet|ProcessNameParameterSet,ProcessParameterSet,ProcessIdParameterSet
P Id|14|||2mp0
P Name|3|||0p0
P Process|26|||1mp0v
C Get-PSProvider|||
P PSProvider|3|||*p0n
C Get-PSReadLineKeyHandler||FullListing|FullListing,SpecificBindings
P Bound|0|||0
P Chord|3|Key||1mp0
P Unbound|0|||0
C Get-PSReadLineOption|||
C Get-PSSession||Name|Name,ComputerName,ComputerInstanceId,ConnectionUri,ConnectionUriInstanceId,VMNameInstanceId,ContainerId,ContainerIdInstanceId,VMId,VMIdInstanceId,VMName,InstanceId,Id
P AllowRedirection|0|||4;3
P ApplicationName|4|||2n;1n
P Authentication|35||8|2;1;4;3
P CertificateThumbprint|4|||2;1;4;3
P ComputerName|3|Cn||2mp0n;1mp0n
P ConfigurationName|4|||2n;1n;4n;3n;6n;7n;8n;9n;10n;5n
P ConnectionUri|61|URI,CU||4mp0n;3mp0n
P ContainerId|3|||6mn;7mn
P Credential|1|||2;1;4;3
P Id|14|||12mp0n
P InstanceId|32|||2;4;7;9;5;11
P Name|3|||0n;1n;3n;6n;8n;10n
P Port|13|||2;1
P SessionOption|36|||2;1;4;3
P State|62||23|2;1;4;3;6;7;8;9;10;5
P ThrottleLimit|13|||2;1;4;3
P UseSSL|0|||2;1
P VMId|32|VMGuid||8mn;9mn
P VMName|3|||10mn;5mn
C Get-PSSessionCapability|||
P ConfigurationName|4|||*mp0
P Full|0|||*
P Username|4|||*mp1
C Get-PSSessionConfiguration|||
P Force|0|||*
P Name|3|||*p0
C Get-PSSubsystem||GetAllSet|GetAllSet,GetByKindSet,GetByTypeSet
P Kind|63||24|1mv
P SubsystemType|64|||2mv
C Get-PfxCertificate||ByPath|ByPath,ByLiteralPath
P FilePath|3|||0mp0vn
P LiteralPath|3|PSPath||1mn
P NoPromptForPassword|0|||*
P Password|17|||*
C Get-Process||Name|Name,NameWithUserName,Id,IdWithUserName,InputObject,InputObjectWithUserName
P FileVersionInfo|0|FV,FVI||0;2;4
P Id|14|PID||2mn;3mn
P IncludeUserName|0|||1m;3m;5m
P InputObject|26|||4mv;5mv
P Module|0|||0;2;4
P Name|3|ProcessName||0p0n;1p0n
C Get-Random||RandomNumberParameterSet|RandomNumberParameterSet,RandomListItemParameterSet,ShuffleParameterSet
P Count|13|||0;1
P InputObject|5|||1mp0v;2mp0v
P Maximum|10|||0p0
P Minimum|10|||0
P SetSeed|65|||*
P Shuffle|0|||2m
C Get-Runspace||NameParameterSet|NameParameterSet,IdParameterSet,InstanceIdParameterSet
P Id|14|||1mp0
P InstanceId|32|||2mp0
P Name|3|||0p0
C Get-RunspaceDebug||RunspaceNameParameterSet|RunspaceNameParameterSet,RunspaceParameterSet,RunspaceIdParameterSet,RunspaceInstanceIdParameterSet,ProcessNameParameterSet
P AppDomainName|3|||4p1
P ProcessName|4|||4p0
P Runspace|31|||1mp0vn
P RunspaceId|14|||2mp0
P RunspaceInstanceId|32|||3mp0
P RunspaceName|3|||0p0
C Get-SecureRandom||RandomNumberParameterSet|RandomNumberParameterSet,RandomListItemParameterSet,ShuffleParameterSet
P Count|13|||0;1
P InputObject|5|||1mp0v;2mp0v
P Maximum|10|||0p0
P Minimum|10|||0
P Shuffle|0|||2m
C Get-TraceSource|||
P Name|3|||*p0vn
C Get-TypeData|||
P TypeName|3|||*p0v
C Get-UICulture|||
C Get-Unique||AsString|AsString,UniqueByType
P AsString|0|||0
P CaseInsensitive|0|||*
P InputObject|7|||*v
P OnType|0|||1
C Get-Uptime||Timespan|Timespan,Since
P Since|0|||1
C Get-Variable|||
P Exclude|3|||*
P Include|3|||*
P Name|3|||*p0vn
P Scope|4|||*
P ValueOnly|0|||*
C Get-Verb|||
P Group|3||25|*p1vn
P Verb|3|||*p0vn
C Group-Object|||
P AsHashTable|0|AHT||*
P AsString|0|||*
P CaseSensitive|0|||*
P Culture|4|||*
P InputObject|7|||*v
P NoElement|0|||*
P Property|5|||*p0
C Import-Alias|w|ByPath|ByPath,ByLiteralPath
P Force|0|||*
P LiteralPath|4|PSPath,LP||1mvn
P PassThru|0|||*
P Path|4|||0mp0vn
P Scope|4|||*
C Import-Clixml||ByPath|ByPath,ByLiteralPath
P First|66|||*
P IncludeTotalCount|0|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
P Skip|66|||*
C Import-Csv||DelimiterPath|DelimiterPath,DelimiterLiteralPath,CulturePath,CultureLiteralPath
P Delimiter|15|||0p1;1p1
P Encoding|2||0|*
P Header|3|||*
P LiteralPath|3|PSPath,LP||1mn;3mn
P Path|3|||0mp0vn;2mp0vn
P UseCulture|0|||2m;3m
C Import-LocalizedData|||
P BaseDirectory|4|||*
P BindingVariable|4|Variable||*p0
P FileName|4|||*
P SupportedCommand|3|||*
P UICulture|4|||*p1
C Import-Module||Name|Name,PSSession,CimSession,UseWindowsPowerShell,FullyQualifiedName,FullyQualifiedNameAndPSSession,FullyQualifiedNameAndUseWindowsPowerShell,Assembly,ModuleInfo
P Alias|3|||*
P ArgumentList|5|Args||*
P AsCustomObject|0|||*
P Assembly|67|||7mp0v
P CimNamespace|4|||2
P CimResourceUri|19|||2
P CimSession|59|||2m
P Cmdlet|3|||*
P DisableNameChecking|0|||*
P Force|0|||*
P FullyQualifiedName|41|||4mp0v;5mp0v
P Function|3|||*
P Global|0|||*
P MaximumVersion|4|||0;1;2
P MinimumVersion|54|Version||0;1;2
P ModuleInfo|68|||8mp0v
P Name|3|||0mp0v;1mp0v;2mp0v
P NoClobber|0|NoOverwrite||*
P PassThru|0|||*
P Prefix|4|||*
P PSSession|22|||1m;5m
P RequiredVersion|54|||0;1;2
P Scope|4||26|*
P SkipEditionCheck|0|||0;1;2;4;5;7;8
P Variable|3|||*
C Import-PSSession|||
P AllowClobber|0|||*
P ArgumentList|5|Args||*
P Certificate|39|||*
P CommandName|3|Name||*p2
P CommandType|40|Type|14|*
P DisableNameChecking|0|||*
P FormatTypeName|3|||*p3
P FullyQualifiedModule|41|||*
P Module|3|PSSnapin||*
P Prefix|4|||*
P Session|22|||*mp0
C Import-PowerShellDataFile||ByPath|ByPath,ByLiteralPath
P LiteralPath|3|PSPath,LP||1mp0n
P Path|3|||0mp0
P SkipLimitCheck|69|||*p0
C Invoke-Command||InProcess|InProcess,FilePathRunspace,Session,FilePathComputerName,ComputerName,Uri,FilePathUri,VMId,VMName,FilePathVMId,FilePathVMName,SSHHost,ContainerId,FilePathContainerId,SSHHostHashParam,FilePathSSHHost,FilePathSSHHostHash
P AllowRedirection|0|||5;6
P ApplicationName|4|||4n;3n
P ArgumentList|5|Args||*
P AsJob|0|||2;1;4;3;5;6;7;8;9;10;11;12;13;14;15;16
P Authentication|35||27|4;3;5;6
P CertificateThumbprint|4|||4;5
P ComputerName|3|Cn||4p0;3p0
P ConfigurationName|4|||4n;3n;5n;6n;7n;8n;9n;10n;12n;13n
P ConnectingTimeout|13|||11;15
P ConnectionUri|61|URI,CU||5p0;6p0
P ContainerId|3|||12mn;13mn
P Credential|1|||4n;3n;5n;6n;7n;8n;9n;10n
P EnableNetworkAccess|0|||4;3;5;6
P FilePath|4|PSPath||1mp1;3mp1;6mp1;9mp1;10mp1;13mp1;15mp1;16mp1
P HideComputerName|0|HCN||2;1;4;3;5;6;7;8;9;10;11;12;13;14;15;16
P HostName|3|||11m;15m
P InDisconnectedSession|0|Disconnected||4;3;5;6
P InputObject|7|||*v
P JobName|4|||1;2;4;3;5;6;11;12;13;14
P KeyFilePath|4|IdentityFilePath||11;15
P NoNewScope|0|||0
P Options|20|||11;15
P Port|13|||4;3;11
P RemoteDebug|0|||2;1;4;3;5;6;7;8;9;10;11;12;13;14;15;16
P RunAsAdministrator|0|||12;13
P ScriptBlock|42|Command||0mp0;2mp0;4m;5m;7mp0;8mp0;11mp0;12mp0;14mp0
P Session|70|||2;1p0
P SessionName|3|||4;3
P SessionOption|36|||4;3;5;6
P SSHConnection|71|||14m;16m
P SSHTransport|0||9|11;15
P Subsystem|4|||11;15
P ThrottleLimit|13|||2;1;4;3;5;6;7;8;9;10;12;13
P UserName|4|||11;15
P UseSSL|0|||4;3
P VMId|32|VMGuid||7mn;9mp0n
P VMName|3|||8mn;10mn
C Invoke-Expression|||
P Command|4|||*mp0v
C Invoke-History|w||
P Id|4|||*p0n
C Invoke-Item|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
C Invoke-RestMethod||StandardMethod|StandardMethod,StandardMethodNoProxy,CustomMethod,CustomMethodNoProxy
P AllowInsecureRedirect|0|||*
P AllowUnencryptedAuthentication|0|||*
P Authentication|72||28|*
P Body|10|||*v
P Certificate|73|||*
P CertificateThumbprint|4|||*
P ConnectionTimeoutSeconds|13|TimeoutSec||*
P ContentType|4|||*
P Credential|1|||*
P CustomMethod|4|CM||2m;3m
P DisableKeepAlive|0|||*
P FollowRelLink|0|FL||*
P Form|9|||*
P Headers|9|||*
P HttpVersion|54|||*
P InFile|4|||*
P MaximumFollowRelLink|13|ML||*
P MaximumRedirection|13|||*
P MaximumRetryCount|13|||*
P Method|74||29|0;1
P NoProxy|0|||1m;3m
P OperationTimeoutSeconds|13|||*
P OutFile|4|||*
P PassThru|0|||*
P PreserveAuthorizationOnRedirect|0|||*
P PreserveHttpMethodOnRedirect|0|||*
P Proxy|19|||0;2
P ProxyCredential|1|||0;2
P ProxyUseDefaultCredentials|0|||0;2
P ResponseHeadersVariable|4|RHV||*
P Resume|0|||*
P RetryIntervalSec|13|||*
P SessionVariable|4|SV||*
P SkipCertificateCheck|0|||*
P SkipHeaderValidation|0|||*
P SkipHttpErrorCheck|0|||*
P SslProtocol|75||30|*
P StatusCodeVariable|4|||*
P Token|17|||*
P TransferEncoding|4||31|*
P UnixSocket|76|||*
P Uri|19|||*mp0
P UseBasicParsing|0|||*
P UseDefaultCredentials|0|||*
P UserAgent|4|||*
P WebSession|77|||*
C Invoke-WebRequest||StandardMethod|StandardMethod,StandardMethodNoProxy,CustomMethod,CustomMethodNoProxy
P AllowInsecureRedirect|0|||*
P AllowUnencryptedAuthentication|0|||*
P Authentication|72||28|*
P Body|10|||*v
P Certificate|73|||*
P CertificateThumbprint|4|||*
P ConnectionTimeoutSeconds|13|TimeoutSec||*
P ContentType|4|||*
P Credential|1|||*
P CustomMethod|4|CM||2m;3m
P DisableKeepAlive|0|||*
P Form|9|||*
P Headers|9|||*
P HttpVersion|54|||*
P InFile|4|||*
P MaximumRedirection|13|||*
P MaximumRetryCount|13|||*
P Method|74||29|0;1
P NoProxy|0|||1m;3m
P OperationTimeoutSeconds|13|||*
P OutFile|4|||*
P PassThru|0|||*
P PreserveAuthorizationOnRedirect|0|||*
P PreserveHttpMethodOnRedirect|0|||*
P Proxy|19|||0;2
P ProxyCredential|1|||0;2
P ProxyUseDefaultCredentials|0|||0;2
P Resume|0|||*
P RetryIntervalSec|13|||*
P SessionVariable|4|SV||*
P SkipCertificateCheck|0|||*
P SkipHeaderValidation|0|||*
P SkipHttpErrorCheck|0|||*
P SslProtocol|75||32|*
P Token|17|||*
P TransferEncoding|4||31|*
P UnixSocket|76|||*
P Uri|19|||*mp0
P UseBasicParsing|0|||*
P UseDefaultCredentials|0|||*
P UserAgent|4|||*
P WebSession|77|||*
C Join-Path|||
P AdditionalChildPath|3|||*p2n
P ChildPath|4|||*mp1n
P Credential|1|||*n
P Path|3|PSPath||*mp0vn
P Resolve|0|||*
C Join-String||Default|Default,SingleQuote,DoubleQuote,Format
P DoubleQuote|0|||2
P FormatString|4|||3
P InputObject|6|||*v
P OutputPrefix|4|op||*
P OutputSuffix|4|os||*
P Property|78|||*p0
P Separator|4|||*p1
P SingleQuote|0|||1
P UseCulture|0|||*
C Measure-Command|||
P Expression|42|||*mp0
P InputObject|7|||*v
C Measure-Object||GenericMeasure|GenericMeasure,TextMeasure
P AllStats|0|||0
P Average|0|||0
P Character|0|||1
P IgnoreWhiteSpace|0|||1
P InputObject|7|||*v
P Line|0|||1
P Maximum|0|||0
P Minimum|0|||0
P Property|79|||*p0
P StandardDeviation|0|||0
P Sum|0|||0
P Word|0|||1
C Move-Item|w|Path|Path,LiteralPath
P Credential|1|||*n
P Destination|4|||*p1n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P PassThru|0|||*
P Path|3|||0mp0vn
C Move-ItemProperty|w|Path|Path,LiteralPath
P Credential|1|||*n
P Destination|4|||*mp1n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|3|PSProperty||*mp2n
P PassThru|0|||*
P Path|3|||0mp0vn
C New-Alias|w||
P Description|4|||*
P Force|0|||*
P Name|4|||*mp0n
P Option|80||33|*
P PassThru|0|||*
P Scope|4|||*
P Value|4|||*mp1n
C New-Event|||
P EventArguments|6|||*p2
P MessageData|7|||*p3
P Sender|7|||*p1
P SourceIdentifier|4|||*mp0
C New-Guid|||
C New-Item|w|pathSet|pathSet,nameSet
P ApplicationName|4|||1
P Authentication|81|||*
P CertificateThumbprint|4|||*
P ConnectionURI|19|||0m
P Credential|1|||*n
P Force|0|||*
P ItemType|4|Type||*n
P Name|4|||1mn
P Options|80|||*
P OptionSet|20|OS||*
P Path|3|||0p0n;1p0n
P Port|13|||*
P SessionOption|82|SO||*
P UseSSL|0|||1
P Value|10|Target||*vn
C New-ItemProperty|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|4|PSProperty||*mp1n
P Path|3|||0mp0
P PropertyType|4|Type||*n
P Value|10|||*n
C New-Module||ScriptBlock|ScriptBlock,Name
P ArgumentList|5|Args||*
P AsCustomObject|0|||*
P Cmdlet|3|||*
P Function|3|||*
P Name|4|||1mp0v
P ReturnResult|0|||*
P ScriptBlock|42|||*mp1
C New-ModuleManifest|w||
P AliasesToExport|3|||*
P Author|4|||*
P ClrVersion|54|||*
P CmdletsToExport|3|||*
P CompanyName|4|||*
P CompatiblePSEditions|3||34|*
P Copyright|4|||*
P DefaultCommandPrefix|4|||*
P Description|4|||*
P DotNetFrameworkVersion|54|||*
P DscResourcesToExport|3|||*
P ExternalModuleDependencies|3|||*
P FileList|3|||*
P FormatsToProcess|3|||*
P FunctionsToExport|3|||*
P Guid|24|||*
P HelpInfoUri|4|||*
P IconUri|19|||*
P LicenseUri|19|||*
P ModuleList|5|||*
P ModuleVersion|54|||*
P NestedModules|5|||*
P PassThru|0|||*
P Path|4|||*mp1
P PowerShellHostName|4|||*
P PowerShellHostVersion|54|||*
P PowerShellVersion|54|||*
P Prerelease|4|||*
P PrivateData|10|||*
P ProcessorArchitecture|83||35|*
P ProjectUri|19|||*
P ReleaseNotes|4|||*
P RequiredAssemblies|3|||*
P RequiredModules|5|||*
P RequireLicenseAcceptance|0|||*
P RootModule|4|ModuleToProcess||*
P ScriptsToProcess|3|||*
P Tags|3|||*
P TypesToProcess|3|||*
P VariablesToExport|3|||*
C New-Object||Net|Net,Com
P ArgumentList|5|Args||0p1
P ComObject|4|||1mp0
P Property|9|||*
P Strict|0|||1
P TypeName|4|||0mp0
C New-PSDrive|w||
P Credential|1|||*n
P Description|4|||*n
P Name|4|||*mp0n
P Persist|0|||*n
P PSProvider|4|||*mp1n
P Root|4|||*mp2n
P Scope|4|||*n
C New-PSRoleCapabilityFile|||
P AliasDefinitions|84|||*
P AssembliesToLoad|3|||*
P Author|4|||*
P CompanyName|4|||*
P Copyright|4|||*
P Description|4|||*
P EnvironmentVariables|9|||*
P FormatsToProcess|3|||*
P FunctionDefinitions|84|||*
P Guid|24|||*
P ModulesToImport|5|||*
P Path|4|||*mp0
P ScriptsToProcess|3|||*
P TypesToProcess|3|||*
P VariableDefinitions|10|||*
P VisibleAliases|3|||*
P VisibleCmdlets|5|||*
P VisibleExternalCommands|3|||*
P VisibleFunctions|5|||*
P VisibleProviders|3|||*
C New-PSSession||ComputerName|ComputerName,Uri,VMId,VMName,Session,ContainerId,UseWindowsPowerShellParameterSet,SSHHost,SSHHostHashParam
P AllowRedirection|0|||1
P ApplicationName|4|||0n
P Authentication|35||8|0;1
P CertificateThumbprint|4|||0;1
P ComputerName|3|Cn||0p0vn
P ConfigurationName|4|||0n;1n;2n;3n;5n
P ConnectingTimeout|13|||7
P ConnectionUri|61|URI,CU||1mp0n
P ContainerId|3|||5mn
P Credential|1|||0n;1n;2n;3n
P EnableNetworkAccess|0|||0;1;4
P HostName|3|||7mp0
P KeyFilePath|4|IdentityFilePath||7
P Name|3|||*
P Options|20|||7
P Port|13|||0;7
P RunAsAdministrator|0|||5
P Session|70|||4p0vn
P SessionOption|36|||0;1
P SSHConnection|71|||8m
P SSHTransport|0||9|7
P Subsystem|4|||7n
P ThrottleLimit|13|||0;1;2;3;4;5
P UserName|4|||7
P UseSSL|0|||0
P UseWindowsPowerShell|0|||6m
P VMId|32|VMGuid||2mp0n
P VMName|3|||3mn
C New-PSSessionConfigurationFile|||
P AliasDefinitions|84|||*
P AssembliesToLoad|3|||*
P Author|4|||*
P CompanyName|4|||*
P Copyright|4|||*
P Description|4|||*
P EnvironmentVariables|9|||*
P ExecutionPolicy|85||36|*
P FormatsToProcess|3|||*
P Full|0|||*
P FunctionDefinitions|84|||*
P GroupManagedServiceAccount|4|||*
P Guid|24|||*
P LanguageMode|86||37|*
P ModulesToImport|5|||*
P MountUserDrive|0|||*
P Path|4|||*mp0
P PowerShellVersion|54|||*
P RequiredGroups|9|||*
P RoleDefinitions|9|||*
P RunAsVirtualAccount|0|||*
P RunAsVirtualAccountGroups|3|||*
P SchemaVersion|54|||*
P ScriptsToProcess|3|||*
P SessionType|87||38|*
P TranscriptDirectory|4|||*
P TypesToProcess|3|||*
P UserDriveMaximumSize|44|||*
P VariableDefinitions|10|||*
P VisibleAliases|3|||*
P VisibleCmdlets|5|||*
P VisibleExternalCommands|3|||*
P VisibleFunctions|5|||*
P VisibleProviders|3|||*
C New-PSSessionOption|||
P ApplicationArguments|88|||*
P CancelTimeout|13|CancelTimeoutMSec||*
P Culture|89|||*
P IdleTimeout|13|IdleTimeoutMSec||*
P IncludePortInSPN|0|||*
P MaxConnectionRetryCount|13|||*
P MaximumReceivedDataSizePerCommand|13|||*
P MaximumReceivedObjectSize|13|||*
P MaximumRedirection|13|||*
P NoCompression|0|||*
P NoEncryption|0|||*
P NoMachineProfile|0|||*
P OpenTimeout|13|OpenTimeoutMSec||*
P OperationTimeout|13|OperationTimeoutMSec||*
P OutputBufferingMode|90||39|*
P ProxyAccessType|91||40|*
P ProxyAuthentication|35||8|*
P ProxyCredential|1|||*
P SkipCACheck|0|||*
P SkipCNCheck|0|||*
P SkipRevocationCheck|0|||*
P UICulture|89|||*
P UseUTF16|0|||*
C New-PSTransportOption|||
P IdleTimeoutSec|65|||*n
P MaxConcurrentCommandsPerSession|65|||*n
P MaxConcurrentUsers|65|||*n
P MaxIdleTimeoutSec|65|||*n
P MaxMemoryPerSessionMB|65|||*n
P MaxProcessesPerSession|65|||*n
P MaxSessions|65|||*n
P MaxSessionsPerUser|65|||*n
P OutputBufferingMode|92||39|*n
P ProcessIdleTimeoutSec|65|||*n
C New-TemporaryFile|w||
C New-TimeSpan||Date|Date,Time
P Days|13|||1
P End|50|||0p1n
P Hours|13|||1
P Milliseconds|13|||1
P Minutes|13|||1
P Seconds|13|||1
P Start|50|LastWriteTime||0p0vn
C New-Variable|w||
P Description|4|||*
P Force|0|||*
P Name|4|||*mp0n
P Option|80||33|*
P PassThru|0|||*
P Scope|4|||*
P Value|10|||*p1vn
P Visibility|93||41|*
C Out-Default|||
P InputObject|7|||*v
P Transcript|0|||*
C Out-File|w|ByPath|ByPath,ByLiteralPath
P Append|0|||*
P Encoding|2||0|*p1
P FilePath|4|Path||0mp0
P Force|0|||*
P InputObject|7|||*v
P LiteralPath|4|PSPath,LP||1mn
P NoClobber|0|NoOverwrite||*
P NoNewline|0|||*
P Width|13|||*
C Out-Host|||
P InputObject|7|||*v
P Paging|0|||*
C Out-Null|||
P InputObject|7|||*v
C Out-String||NoNewLineFormatting|NoNewLineFormatting,StreamFormatting
P InputObject|7|||*v
P NoNewline|0|||0
P Stream|0|||1
P Width|13|||*
C PSConsoleHostReadLine|||
C Pop-Location|||
P PassThru|0|||*
P StackName|4|||*n
C Protect-CmsMessage||ByContent|ByContent,ByPath,ByLiteralPath
P Content|7|||0mp1v
P LiteralPath|4|||2mp1
P OutFile|4|||*p2
P Path|4|||1mp1
P To|94|||*mp0
C Push-Location||Path|Path,LiteralPath
P LiteralPath|4|PSPath,LP||1n
P PassThru|0|||*
P Path|4|||0p1vn
P StackName|4|||*n
C Read-Host||AsString|AsString,AsSecureString
P AsSecureString|0|||1
P MaskInput|0|||0
P Prompt|10|||*p0
C Receive-Job||Location|Location,ComputerName,Session,NameParameterSet,InstanceIdParameterSet,SessionIdParameterSet
P AutoRemoveJob|0|||*
P ComputerName|3|Cn||1p1n
P Force|0|||*
P Id|14|||5mp0n
P InstanceId|32|||4mp0n
P Job|95|||0mp0vn;2mp0vn;1mp0vn
P Keep|0|||*
P Location|3|||0p1
P Name|3|||3mp0n
P NoRecurse|0|||*
P Session|70|||2p1n
P Wait|0|||*
P WriteEvents|0|||*
P WriteJobInResults|0|||*
C Register-ArgumentCompleter||NativeSet|NativeSet,PowerShellSet
P CommandName|3|||0;1
P Native|0|||0
P ParameterName|4|||1m
P ScriptBlock|42|||*m
C Register-EngineEvent|||
P Action|42|||*p101
P Forward|0|||*
P MaxTriggerCount|13|||*
P MessageData|7|||*
P SourceIdentifier|4|||*mp100
P SupportEvent|0|||*
C Register-ObjectEvent|||
P Action|42|||*p101
P EventName|4|||*mp1
P Forward|0|||*
P InputObject|7|||*mp0
P MaxTriggerCount|13|||*
P MessageData|7|||*
P SourceIdentifier|4|||*p100
P SupportEvent|0|||*
C Remove-Alias|||
P Force|0|||*
P Name|3|||*mp0vn
P Scope|4|||*
C Remove-Event|w|BySource|BySource,ByIdentifier
P EventIdentifier|13|||1mp0n
P SourceIdentifier|4|||0mp0
C Remove-Item|w|Path|Path,LiteralPath
P Credential|1|||*n
P DeleteKey|0|||*
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
P Recurse|0|||*
P Stream|3|||*
C Remove-ItemProperty|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Name|3|PSProperty||*mp1n
P Path|3|||0mp0vn
C Remove-Job|w|SessionIdParameterSet|SessionIdParameterSet,JobParameterSet,NameParameterSet,InstanceIdParameterSet,FilterParameterSet,StateParameterSet,CommandParameterSet
P Command|3|||6n
P Filter|20|||4mp0n
P Force|0|F||0;1;3;2;4
P Id|14|||0mp0n
P InstanceId|32|||3mp0n
P Job|95|||1mp0vn
P Name|3|||2mp0n
P State|56||42|5mp0n
C Remove-Module|w|name|name,FullyQualifiedName,ModuleInfo
P Force|0|||*
P FullyQualifiedName|41|||1mp0v
P ModuleInfo|68|||2mp0v
P Name|3|||0mp0v
C Remove-PSBreakpoint|w|Breakpoint|Breakpoint,Id
P Breakpoint|29|||0mp0v
P Id|14|||1mp0n
P Runspace|30|RunspaceId||1n
C Remove-PSDrive|w|Name|Name,LiteralName
P Force|0|||*
P LiteralName|3|||1mp0n
P Name|3|||0mp0n
P PSProvider|3|||*n
P Scope|4|||*n
C Remove-PSReadLineKeyHandler|||
P Chord|3|Key||*mp0
P ViMode|96||43|*
C Remove-PSSession|w|Id|Id,Session,ContainerId,VMId,VMName,InstanceId,Name,ComputerName
P ComputerName|3|Cn||7mp0n
P ContainerId|3|||2mn
P Id|14|||0mp0n
P InstanceId|32|||5mn
P Name|3|||6mn
P Session|70|||1mp0vn
P VMId|32|VMGuid||3mn
P VMName|3|||4mn
C Remove-TypeData|w|RemoveTypeDataSet|RemoveTypeDataSet,RemoveTypeSet,RemoveFileSet
P Path|3|||2m
P TypeData|97|||0mv
P TypeName|4|||1mp0vn
C Remove-Variable|w||
P Exclude|3|||*
P Force|0|||*
P Include|3|||*
P Name|3|||*mp0n
P Scope|4|||*
C Rename-Item|w|ByPath|ByPath,ByLiteralPath
P Credential|1|||*n
P Force|0|||*
P LiteralPath|4|PSPath,LP||1mn
P NewName|4|||*mp1n
P PassThru|0|||*
P Path|4|||0mp0vn
C Rename-ItemProperty|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|4|PSPath,LP||1mn
P Name|4|PSProperty||*mp1n
P NewName|4|||*mp2n
P PassThru|0|||*
P Path|4|||0mp0vn
C Resolve-Path||Path|Path,LiteralPath
P Credential|1|||*n
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0vn
P Relative|0|||0;1
P RelativeBasePath|4|||*
C Restart-Computer|w||
P ComputerName|3|CN,__SERVER,Server,IPAddress||*p0vn
P Credential|1|||*p1
P Delay|98|||*
P For|99||44|*
P Force|0|f||*
P Timeout|13|TimeoutSec||*
P Wait|0|||*
P WsmanAuthentication|4||45|*
C Save-Help||Path|Path,LiteralPath
P Credential|1|||*
P DestinationPath|3|Path||0mp0
P Force|0|||*
P FullyQualifiedModule|41|||*n
P LiteralPath|3|PSPath,LP||1m
P Module|68|Name||*p1vn
P Scope|100|||*n
P UICulture|101|||*p2
P UseDefaultCredentials|0|||*
C Select-Object||DefaultParameter|DefaultParameter,SkipLastParameter,IndexParameter,SkipIndexParameter
P CaseInsensitive|0|||*
P ExcludeProperty|3|||0;1
P ExpandProperty|4|||0;1
P First|13|||0
P Index|14|||2
P InputObject|7|||*v
P Last|13|||0
P Property|5|||0p0;1p0
P Skip|13|||0
P SkipIndex|14|||3
P SkipLast|13|||1
P Unique|0|||*
P Wait|0|||0;2
C Select-String||File|File,ObjectRaw,Object,FileRaw,LiteralFileRaw,LiteralFile
P AllMatches|0|||*
P CaseSensitive|0|||*
P Context|14|||*
P Culture|4|||*
P Encoding|2||0|*
P Exclude|3|||*
P Include|3|||*
P InputObject|7|||2mv;1mv
P List|0|||*
P LiteralPath|3|PSPath,LP||4mn;5mn
P NoEmphasis|0|||*
P NotMatch|0|||*
P Path|3|||0mp1n;3mp1n
P Pattern|3|||*mp0
P Quiet|0|||0;2;5
P Raw|0|||1m;3m;4m
P SimpleMatch|0|||*
C Select-Xml||Xml|Xml,Path,LiteralPath,Content
P Content|3|||3mv
P LiteralPath|3|PSPath,LP||2mn
P Namespace|20|||*
P Path|3|||1mp1n
P Xml|102|Node||0mp1vn
P XPath|4|||*mp0
C Send-MailMessage|||
P Attachments|3|PsPath||*vn
P Bcc|3|||*n
P Body|4|||*p2n
P BodyAsHtml|0|BAH||*n
P Cc|3|||*n
P Credential|1|||*n
P DeliveryNotificationOption|103|DNO|46|*n
P Encoding|2|BE|0|*n
P From|4|||*mn
P Port|13|||*n
P Priority|104||47|*n
P ReplyTo|3|||*n
P SmtpServer|4|ComputerName||*p3n
P Subject|4|sub||*p1n
P To|3|||*mp0n
P UseSsl|0|||*n
C Set-Alias|w||
P Description|4|||*
P Force|0|||*
P Name|4|||*mp0n
P Option|80||48|*
P PassThru|0|||*
P Scope|4||49|*
P Value|4|||*mp1n
C Set-Clipboard|w||
P Append|0|||*
P AsOSC52|0|ToLocalhost||*
P PassThru|0|||*
P Value|3|||*mvn
C Set-Content|w|Path|Path,LiteralPath
P AsByteStream|0|||*
P Credential|1|||*n
P Encoding|2||0|*
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P NoNewline|0|||*
P PassThru|0|||*
P Path|3|||0mp0n
P Stream|4|||*
P Value|5|||*mp1vn
C Set-Date|w|Date|Date,Adjust
P Adjust|105|||1mp0n
P Date|50|||0mp0vn
P DisplayHint|51||15|*
C Set-ExecutionPolicy|w||
P ExecutionPolicy|85||50|*mp0v
P Force|0|||*
P Scope|52||16|*p1n
C Set-Item|w|Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P LiteralPath|3|PSPath,LP||1mn
P Options|80|||*
P PassThru|0|||*
P Path|3|||0mp0n
P Type|106|||*n
P Value|10|||*p1vn
C Set-ItemProperty|w|propertyValuePathSet|propertyValuePathSet,propertyPSObjectPathSet,propertyValueLiteralPathSet,propertyPSObjectLiteralPathSet
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Force|0|||*
P Include|3|||*
P InputObject|7|||1mvn;3mvn
P LiteralPath|3|PSPath,LP||2mn;3mn
P Name|4|PSProperty||0mp1n;2mp1n
P PassThru|0|||*
P Path|3|||0mp0n;1mp0n
P Type|106|||*n
P Value|10|||0mp2n;2mp2n
C Set-Location||Path|Path,LiteralPath,Stack
P LiteralPath|4|PSPath,LP||1mn
P PassThru|0|||*
P Path|4|||0p0vn
P StackName|4|||2n
C Set-MarkdownOption||IndividualSetting|IndividualSetting,Theme,InputObject
P BoldForegroundColor|4|||0
P Code|4|||0
P Header1Color|4|||0
P Header2Color|4|||0
P Header3Color|4|||0
P Header4Color|4|||0
P Header5Color|4|||0
P Header6Color|4|||0
P ImageAltTextForegroundColor|4|||0
P InputObject|7|||2mp0v
P ItalicsForegroundColor|4|||0
P LinkForegroundColor|4|||0
P PassThru|0|||*
P Theme|4||51|1m
C Set-PSBreakpoint||Line|Line,Command,Variable
P Action|42|||*
P Column|13|||0p2
P Command|3|C||1m
P Line|14|||0mp1
P Mode|107||52|2
P Runspace|30|||*
P Script|3|||0p0;1p0;2p0
P Variable|3|V||2m
C Set-PSDebug||on|on,off
P Off|0|||1
P Step|0|||0
P Strict|0|||0
P Trace|13|||0
C Set-PSReadLineKeyHandler||ScriptBlock|ScriptBlock,Function
P BriefDescription|4|||0
P Chord|3|Key||*mp0
P Description|4|LongDescription||0
P Function|4|||1mp1
P ScriptBlock|42|||0mp1
P ViMode|96|||*
C Set-PSReadLineOption|||
P AddToHistoryHandler|108|||*
P AnsiEscapeTimeout|13|||*
P BellStyle|109|||*
P Colors|20|||*
P CommandValidationHandler|110|||*
P CompletionQueryItems|13|||*
P ContinuationPrompt|4|||*
P DingDuration|13|||*
P DingTone|13|||*
P EditMode|111|||*
P ExtraPromptLineCount|13|||*
P HistoryNoDuplicates|0|||*
P HistorySavePath|4|||*
P HistorySaveStyle|112|||*
P HistorySearchCaseSensitive|0|||*
P HistorySearchCursorMovesToEnd|0|||*
P MaximumHistoryCount|13|||*
P MaximumKillRingCount|13|||*
P PredictionSource|113|||*
P PredictionViewStyle|114|||*
P PromptText|3|||*
P ShowToolTips|0|||*
P TerminateOrphanedConsoleApps|0|||*
P ViModeChangeHandler|42|||*
P ViModeIndicator|115|||*
P WordDelimiters|4|||*
C Set-StrictMode||Version|Version,Off
P Off|0|||1m
P Version|54|v||0m
C Set-TraceSource||optionsSet|optionsSet,removeAllListenersSet,removeFileListenersSet
P Debugger|0|||0
P FilePath|4|PSPath,Path||0
P Force|0|||0
P ListenerOption|116||53|0
P Name|3|||*mp0vn
P Option|117||54|0p1n
P PassThru|0|||0
P PSHost|0|||0
P RemoveFileListener|3|||2
P RemoveListener|3|||1
C Set-Variable|w||
P Description|4|||*
P Exclude|3|||*
P Force|0|||*
P Include|3|||*
P Name|3|||*mp0n
P Option|80||33|*
P PassThru|0|||*
P Scope|4|||*
P Value|10|||*p1vn
P Visibility|93||41|*
C Show-Markdown||Path|Path,InputObject,LiteralPath
P InputObject|7|||1mv
P LiteralPath|3|PSPath,LP||2mn
P Path|3|||0mp0n
P UseBrowser|0|||*
C Sort-Object||Default|Default,Top,Bottom
P Bottom|13|||2m
P CaseSensitive|0|||*
P Culture|4|||*
P Descending|0|||*
P InputObject|7|||*v
P Property|5|||*p0
P Stable|0|||0
P Top|13|||1m
P Unique|0|||*
C Split-Path||ParentSet|ParentSet,LeafSet,LeafBaseSet,ExtensionSet,QualifierSet,NoQualifierSet,IsAbsoluteSet,LiteralPathSet
P Credential|1|||*n
P Extension|0|||3mn
P IsAbsolute|0|||6m
P Leaf|0|||1mn
P LeafBase|0|||2mn
P LiteralPath|3|PSPath,LP||7mn
P NoQualifier|0|||5mn
P Parent|0|||0n
P Path|3|||0mp0vn;1mp0vn;2mp0vn;3mp0vn;4mp0vn;5mp0vn;6mp0vn
P Qualifier|0|||4mp1n
P Resolve|0|||*
C Start-Job||ComputerName|ComputerName,DefinitionName,FilePathComputerName,LiteralFilePathComputerName
P ArgumentList|5|Args||0;2;3
P Authentication|35||8|0;2;3
P Credential|1|||0;2;3
P DefinitionName|4|||1mp0
P DefinitionPath|4|||1p1
P FilePath|4|||2mp0
P InitializationScript|42|||0p1;2p1;3p1
P InputObject|7|||0v;2v;3v
P LiteralPath|4|PSPath,LP||3m
P Name|4|||0n;2n;3n
P PSVersion|54|||0;2;3
P RunAs32|0|||0;2;3
P ScriptBlock|42|Command||0mp0
P Type|4|||1p2
C Start-Process|w|Default|Default,UseShellExecute
P ArgumentList|3|Args||*p1
P Credential|1|RunAs||0
P Environment|20|||*
P FilePath|4|PSPath,Path||*mp0
P LoadUserProfile|0|Lup||0
P NoNewWindow|0|nnw||0
P PassThru|0|||*
P RedirectStandardError|4|RSE||0
P RedirectStandardInput|4|RSI||0
P RedirectStandardOutput|4|RSO||0
P UseNewEnvironment|0|||0
P Verb|4|||1
P Wait|0|||*
P WindowStyle|118||55|*
P WorkingDirectory|4|||*
C Start-Sleep||Seconds|Seconds,Milliseconds,FromTimeSpan
P Duration|105|ts||2mvn
P Milliseconds|13|ms||1mn
P Seconds|119|||0mp0vn
C Start-ThreadJob||ScriptBlock|ScriptBlock,FilePath
P ArgumentList|5|||*
P FilePath|4|||1mp0
P InitializationScript|42|||*
P InputObject|7|||*v
P Name|4|||*
P ScriptBlock|42|||0mp0
P StreamingHost|120|||*
P ThrottleLimit|13|||*
C Start-Transcript|w|ByPath|ByPath,ByLiteralPath,ByOutputDirectory
P Append|0|||*
P Force|0|||*
P IncludeInvocationHeader|0|||*
P LiteralPath|4|PSPath,LP||1p0
P NoClobber|0|NoOverwrite||*
P OutputDirectory|4|||2p0
P Path|4|||0p0
P UseMinimalHeader|0|||*
C Stop-Computer|w||
P ComputerName|3|CN,__SERVER,Server,IPAddress||*p0n
P Credential|1|||*p1
P Force|0|||*
P WsmanAuthentication|4||56|*
C Stop-Job|w|SessionIdParameterSet|SessionIdParameterSet,JobParameterSet,NameParameterSet,InstanceIdParameterSet,StateParameterSet,FilterParameterSet
P Filter|20|||5mp0n
P Id|14|||0mp0n
P InstanceId|32|||3mp0n
P Job|95|||1mp0vn
P Name|3|||2mp0n
P PassThru|0|||*
P State|56||19|4mp0n
C Stop-Process|w|Id|Id,Name,InputObject
P Force|0|||*
P Id|14|||0mp0n
P InputObject|26|||2mp0v
P Name|3|ProcessName||1mn
P PassThru|0|||*
C Stop-Transcript|w||
C Switch-Process|||
P WithCommand|3|||*p0
C Tee-Object||File|File,LiteralFile,Variable
P Append|0|||0
P Encoding|2||57|*p1
P FilePath|4|Path||0mp0
P InputObject|7|||*v
P LiteralPath|4|PSPath,LP||1m
P Variable|4|||2m
C Test-Connection||DefaultPing|DefaultPing,RepeatPing,TraceRoute,MtuSizeDetect,TcpPort
P BufferSize|13|Size,Bytes,BS||0;1
P Count|13|||0;4
P Delay|13|||0;1;4
P Detailed|0|||4
P DontFragment|0|||0;1
P IPv4|0|||*
P IPv6|0|||*
P MaxHops|13|Ttl,TimeToLive,Hops||0;1;2
P MtuSize|0|MtuSizeDetect||3m
P Ping|0|||0;1
P Quiet|0|||*
P Repeat|0|Continuous||1;4
P ResolveDestination|0|||*
P Source|4|||0;1;2;4
P TargetName|3|ComputerName||*mp0vn
P TcpPort|13|||4m
P TimeoutSeconds|13|||*
P Traceroute|0|||2m
C Test-Json||JsonString|JsonString,JsonStringWithSchemaString,JsonStringWithSchemaFile,JsonPath,JsonPathWithSchemaString,JsonPathWithSchemaFile,JsonLiteralPath,JsonLiteralPathWithSchemaString,JsonLiteralPathWithSchemaFile
P Json|4|||0mp0v;1mp0v;2mp0v
P LiteralPath|4|PSPath,LP||6mp0n;7mp0n;8mp0n
P Path|4|||3mp0n;4mp0n;5mp0n
P Schema|4|||1mp1;7mp1;4mp1
P SchemaFile|4|||2mp1;8mp1;5mp1
C Test-ModuleManifest|||
P Path|4|||*mp0vn
C Test-Path||Path|Path,LiteralPath
P Credential|1|||*n
P Exclude|3|||*
P Filter|4|||*
P Include|3|||*
P IsValid|0|||*
P LiteralPath|3|PSPath,LP||1mn
P NewerThan|121|||*
P OlderThan|121|||*
P Path|3|||0mp0vn
P PathType|122|Type|58|*
C Trace-Command||expressionSet|expressionSet,commandSet
P ArgumentList|5|Args||1
P Command|4|||1mp1
P Debugger|0|||*
P Expression|42|||0mp1
P FilePath|4|PSPath,Path||*
P Force|0|||*
P InputObject|7|||*v
P ListenerOption|116||53|*
P Name|3|||*mp0
P Option|117||54|*p2
P PSHost|0|||*
C Unblock-File|w|ByPath|ByPath,ByLiteralPath
P LiteralPath|3|PSPath,LP||1mn
P Path|3|||0mp0
C Unprotect-CmsMessage||ByWinEvent|ByWinEvent,ByContent,ByPath,ByLiteralPath
P Content|4|||1mp0vn
P EventLogRecord|7|||0mp0v
P IncludeContext|0|||*
P LiteralPath|4|||3mp0
P Path|4|||2mp0
P To|94|||*p1
C Unregister-Event|w|BySource|BySource,ById
P Force|0|||*
P SourceIdentifier|4|||0mp0n
P SubscriptionId|13|||1mp0n
C Update-FormatData|w||
P AppendPath|3|PSPath,Path||*p0vn
P PrependPath|3|||*
C Update-Help|w|Path|Path,LiteralPath
P Credential|1|||*
P Force|0|||*
P FullyQualifiedModule|41|||*n
P LiteralPath|3|PSPath,LP||1n
P Module|3|Name||*p0n
P Recurse|0|||*
P Scope|100|||*n
P SourcePath|3|Path||0p1
P UICulture|101|||*p2
P UseDefaultCredentials|0|||*
C Update-List||AddRemoveSet|AddRemoveSet,ReplaceSet
P Add|5|||0
P InputObject|7|||*v
P Property|4|||*p0
P Remove|5|||0
P Replace|5|||1m
C Update-TypeData|w|FileSet|FileSet,DynamicTypeSet,TypeDataSet
P AppendPath|3|PSPath,Path||0p0vn
P DefaultDisplayProperty|4|||1
P DefaultDisplayPropertySet|3|||1
P DefaultKeyPropertySet|3|||1
P Force|0|||1;2
P InheritPropertySerializationSet|123|||1
P MemberName|4|||1
P MemberType|8||59|1
P PrependPath|3|||0
P PropertySerializationSet|3|||1
P SecondValue|10|||1
P SerializationDepth|13|||1
P SerializationMethod|4|||1
P StringSerializationSource|4|||1
P TargetTypeForDeserialization|64|||1
P TypeAdapter|64|||1
P TypeConverter|64|||1
P TypeData|124|||2mp0vn
P TypeName|4|||1mv
P Value|10|||1
C Wait-Debugger|||
C Wait-Event|||
P SourceIdentifier|4|||*p0n
P Timeout|13|TimeoutSec||*
C Wait-Job||SessionIdParameterSet|SessionIdParameterSet,JobParameterSet,NameParameterSet,InstanceIdParameterSet,StateParameterSet,FilterParameterSet
P Any|0|||*
P Filter|20|||5mp0n
P Force|0|||*
P Id|14|||0mp0n
P InstanceId|32|||3mp0n
P Job|95|||1mp0vn
P Name|3|||2mp0n
P State|56||19|4mp0n
P Timeout|13|TimeoutSec||*
C Wait-Process||Name|Name,Id,InputObject
P Any|0|||*
P Id|14|PID,ProcessId||1mp0n
P InputObject|26|||2mv
P Name|3|ProcessName||0mp0n
P PassThru|0|||*
P Timeout|13|TimeoutSec||*p1
C Where-Object||EqualSet|EqualSet,ScriptBlockSet,MatchSet,CaseSensitiveEqualSet,NotEqualSet,CaseSensitiveNotEqualSet,GreaterThanSet,CaseSensitiveGreaterThanSet,LessThanSet,CaseSensitiveLessThanSet,GreaterOrEqualSet,CaseSensitiveGreaterOrEqualSet,LessOrEqualSet,CaseSensitiveLessOrEqualSet,LikeSet,CaseSensitiveLikeSet,NotLikeSet,CaseSensitiveNotLikeSet,CaseSensitiveMatchSet,NotMatchSet,CaseSensitiveNotMatchSet,ContainsSet,CaseSensitiveContainsSet,NotContainsSet,CaseSensitiveNotContainsSet,InSet,CaseSensitiveInSet,NotInSet,CaseSensitiveNotInSet,IsSet,IsNotSet,Not
P CContains|0|||22m
P CEQ|0|||3m
P CGE|0|||11m
P CGT|0|||7m
P CIn|0|||26m
P CLE|0|||13m
P CLike|0|||15m
P CLT|0|||9m
P CMatch|0|||18m
P CNE|0|||5m
P CNotContains|0|||24m
P CNotIn|0|||28m
P CNotLike|0|||17m
P CNotMatch|0|||20m
P Contains|0|IContains||21m
P EQ|0|IEQ||0
P FilterScript|42|||1mp0
P GE|0|IGE||10m
P GT|0|IGT||6m
P In|0|IIn||25m
P InputObject|7|||*v
P Is|0|||29m
P IsNot|0|||30m
P LE|0|ILE||12m
P Like|0|ILike||14m
P LT|0|ILT||8m
P Match|0|IMatch||2m
P NE|0|INE||4m
P Not|0|||31m
P NotContains|0|INotContains||23m
P NotIn|0|INotIn||27m
P NotLike|0|INotLike||16m
P NotMatch|0|INotMatch||19m
P Property|4|||0mp0;12mp0;3mp0;4mp0;5mp0;6mp0;7mp0;8mp0;9mp0;10mp0;11mp0;13mp0;14mp0;15mp0;16mp0;17mp0;2mp0;18mp0;19mp0;20mp0;21mp0;22mp0;23mp0;24mp0;25mp0;26mp0;27mp0;28mp0;29mp0;30mp0;31mp0
P Value|7|||0p1;11p1;3p1;4p1;5p1;6p1;7p1;8p1;9p1;10p1;12p1;13p1;14p1;15p1;16p1;17p1;2p1;18p1;19p1;20p1;21p1;22p1;23p1;24p1;25p1;26p1;27p1;28p1;29p1;30p1
C Write-Debug|||
P Message|4|Msg||*mp0v
C Write-Error||NoException|NoException,WithException,ErrorRecord
P Category|125||60|0;1
P CategoryActivity|4|Activity||*
P CategoryReason|4|Reason||*
P CategoryTargetName|4|TargetName||*
P CategoryTargetType|4|TargetType||*
P ErrorId|4|||0;1
P ErrorRecord|126|||2mp0
P Exception|127|||1mp0
P Message|4|Msg||0p0v;1v
P RecommendedAction|4|||*
P TargetObject|10|||0;1
C Write-Host|||
P BackgroundColor|128|[]||*
P ForegroundColor|128|[]||*
P NoNewline|0|[]||*
P Object|10|||*p0
P Separator|10|[]||*
C Write-Information|||
P MessageData|10|Msg,Message||*mp0v
P Tags|3|||*p1
C Write-Output|||
P InputObject|6|||*mp0v
P NoEnumerate|0|||*
C Write-Progress|||
P Activity|4|||*p0
P Completed|0|||*
P CurrentOperation|4|||*
P Id|13|||*p2
P ParentId|13|||*
P PercentComplete|13|||*
P SecondsRemaining|13|||*
P SourceId|13|||*
P Status|4|||*p1
C Write-Verbose|||
P Message|4|Msg||*mp0v
C Write-Warning|||
P Message|4|Msg||*mp0v
`
