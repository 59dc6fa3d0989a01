package lint

import (
	"strings"
)

// A gallery module that Exchange runbooks commonly load next to
// ExchangeOnlineManagement. Its commands share noun prefixes (Get-ADUser,
// Get-AzureADUser, Get-SPOSite), so a name with such a prefix is a command
// of that module, not a misspelt Exchange cmdlet, and once the script
// declares the module (#Requires -Modules, using module, Import-Module,
// Install-Module, or the module's Connect- command) the linter takes the
// name as that module's command instead of an unknown one.
type galleryModule struct {
	// name is the module's name as published.
	name string
	// family are other names that load the same prefixes: one name, or a
	// name ending in ".*" for every submodule (Microsoft.Graph.Users).
	family []string
	// prefixes are the nouns' prefixes, spelt as the module spells them.
	prefixes []string
	// connect is the command that signs in to the module's service; calling
	// it declares the module.
	connect string
	// implicit marks a module a script never declares because its host
	// provides it (Azure Automation's own cmdlets in a runbook there).
	implicit bool
	// note says where an implicit module's commands exist.
	note string
}

var galleryModules = []galleryModule{
	{name: "Microsoft.Graph", family: []string{"Microsoft.Graph.*", "Microsoft.Graph.Beta", "Microsoft.Graph.Beta.*"}, prefixes: []string{"Mg"}, connect: "Connect-MgGraph"},
	{name: "Microsoft.Entra", family: []string{"Microsoft.Entra.*"}, prefixes: []string{"Entra"}, connect: "Connect-Entra"},
	{name: "AzureAD", family: []string{"AzureADPreview"}, prefixes: []string{"AzureAD"}, connect: "Connect-AzureAD"},
	{name: "MSOnline", prefixes: []string{"Msol"}, connect: "Connect-MsolService"},
	{name: "ActiveDirectory", prefixes: []string{"AD"}},
	{name: "MicrosoftTeams", prefixes: []string{"Cs", "Team"}, connect: "Connect-MicrosoftTeams"},
	{name: "Microsoft.Online.SharePoint.PowerShell", prefixes: []string{"SPO"}, connect: "Connect-SPOService"},
	{name: "PnP.PowerShell", family: []string{"SharePointPnPPowerShellOnline"}, prefixes: []string{"PnP"}, connect: "Connect-PnPOnline"},
	{name: "Az", family: []string{"Az.*"}, prefixes: []string{"Az"}, connect: "Connect-AzAccount"},
	{name: "AIPService", family: []string{"AADRM"}, prefixes: []string{"AipService", "Aadrm"}, connect: "Connect-AipService"},
	{name: "MicrosoftPowerBIMgmt", family: []string{"MicrosoftPowerBIMgmt.*"}, prefixes: []string{"PowerBI"}, connect: "Connect-PowerBIServiceAccount"},
	{name: "ImportExcel", prefixes: []string{"Excel"}},
	{name: "WhiteboardAdmin", prefixes: []string{"Whiteboard"}},
	// not "Admin" alone: Exchange has Get-AdminAuditLogConfig
	{name: "Microsoft.PowerApps.Administration.PowerShell", prefixes: []string{"AdminPowerApp", "AdminFlow", "AdminDlpPolicy"}, connect: "Add-PowerAppsAccount"},
	{name: "MSAL.PS", prefixes: []string{"Msal"}},
	{name: "PSWriteHTML", prefixes: []string{"HTML"}},
	{name: "Orchestrator.AssetManagement.Cmdlets", prefixes: []string{"Automation"}, implicit: true,
		note: "Azure Automation provides it to the runbooks it runs"},
}

// galleryModuleNamed returns the module a name given to Import-Module (or
// #Requires, Install-Module) loads, or nil when the linter does not know it.
func galleryModuleNamed(name string) *galleryModule {
	name = strings.TrimSpace(name)
	// a manifest named without a folder is the module: PSWriteHTML.psd1
	if len(name) > 5 && strings.EqualFold(name[len(name)-5:], ".psd1") {
		name = name[:len(name)-5]
	}
	for i := range galleryModules {
		m := &galleryModules[i]
		if strings.EqualFold(m.name, name) {
			return m
		}
		for _, f := range m.family {
			if stem, all := strings.CutSuffix(f, ".*"); all {
				if len(name) > len(stem)+1 && strings.EqualFold(name[:len(stem)+1], stem+".") {
					return m
				}
			} else if strings.EqualFold(f, name) {
				return m
			}
		}
	}
	return nil
}

// galleryModuleConnecting returns the module whose Connect- command name
// is, or nil.
func galleryModuleConnecting(name string) *galleryModule {
	for i := range galleryModules {
		if galleryModules[i].connect != "" && strings.EqualFold(galleryModules[i].connect, name) {
			return &galleryModules[i]
		}
	}
	return nil
}

// owns reports whether a command name has one of the module's noun
// prefixes. strictCase asks for the prefix as the module spells it (any
// case) followed by a capital letter, as the module's own names are
// written; without it any continuation counts (get-aduser), which is
// right only once the script has said it uses the module.
func (m *galleryModule) owns(name string, strictCase bool) bool {
	if m.connect != "" && strings.EqualFold(m.connect, name) {
		return true
	}
	_, noun, ok := strings.Cut(name, "-")
	if !ok || noun == "" {
		return false
	}
	for _, p := range m.prefixes {
		if len(noun) < len(p) || !strings.EqualFold(noun[:len(p)], p) {
			continue
		}
		if len(noun) == len(p) || !strictCase {
			return true
		}
		if c := noun[len(p)]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// galleryModuleShaped returns the module whose naming a command name
// follows (prefix then a capital letter), or nil.
func galleryModuleShaped(name string) *galleryModule {
	for i := range galleryModules {
		if galleryModules[i].owns(name, true) {
			return &galleryModules[i]
		}
	}
	return nil
}
