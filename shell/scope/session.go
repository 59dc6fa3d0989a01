package scope

import (
	"os"

	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/prelude"
)

// NewGlobal returns a session's global scope holding the preference and
// automatic variables a new PowerShell 7 session on Unix starts with;
// host makes $Host (it and $PSVersionTable are made the first time they
// are read). As in PowerShell, $true, $false, $null, $PSVersionTable,
// $PSEdition, $PID, $Host, $ShellId and $PSHOME are constant and
// $HOME, $PSCulture, $PSUICulture and the platform variables read-only,
// and all of them are AllScope: every scope holds them (Lookup). $null
// shows no options (PowerShell's null variable reports None); its
// value is always $null (Assignable refuses $true and $false and
// discards what is assigned to $null).
func NewGlobal[F any](host func() any) *Scope[F] {
	g := New[F](nil)
	g.vars = make(map[string]*Variable, globalsRoom)
	g.vars["null"] = &Variable{Name: "null", Description: "References to the null variable always return the null value. Assignments have no effect."}
	g.vars["false"] = &Variable{Name: "false", Value: false, Constant: true, ReadOnly: true, AllScope: true, Description: "Boolean False"}
	g.vars["true"] = &Variable{Name: "true", Value: true, Constant: true, ReadOnly: true, AllScope: true, Description: "Boolean True"}
	set := g.Set
	set("ErrorActionPreference", actionPreference("Continue", 2))
	set("WarningPreference", actionPreference("Continue", 2))
	set("VerbosePreference", actionPreference("SilentlyContinue", 0))
	set("DebugPreference", actionPreference("SilentlyContinue", 0))
	set("InformationPreference", actionPreference("SilentlyContinue", 0))
	set("ProgressPreference", actionPreference("Continue", 2))
	set("ConfirmPreference", object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "High", Value: 3})
	set("WhatIfPreference", false)
	set("FormatEnumerationLimit", 4)
	set("MaximumHistoryCount", 4096)
	set("ErrorView", object.Enum{Type: "System.Management.Automation.ErrorView", Name: "ConciseView", Value: 2})
	set("Error", &object.List{})
	set("LASTEXITCODE", 0)
	set("PID", os.Getpid())
	home, _ := os.UserHomeDir()
	set("HOME", home)
	set("PSEdition", "Core")
	// the platform variables agree with $PSVersionTable.Platform (Unix)
	set("IsWindows", false)
	set("IsLinux", true)
	set("IsMacOS", false)
	set("IsCoreCLR", true)
	set("PSCulture", "en-US")
	set("PSUICulture", "en-US")
	g.SetLazy("PSVersionTable", versionTable)
	set("PSDefaultParameterValues", object.NewHashtable())
	g.SetLazy("Host", host)
	set("NestedPromptLevel", 0)
	set("ShellId", "Microsoft.PowerShell")
	set("PSHOME", "/opt/microsoft/powershell/7")
	for _, name := range []string{"PSVersionTable", "PSEdition", "PID", "Host", "ShellId", "PSHOME"} {
		v := g.vars[lower(name)]
		v.Constant, v.ReadOnly, v.AllScope, v.everyScope = true, true, true, true
	}
	for _, name := range []string{"HOME", "PSCulture", "PSUICulture", "IsWindows", "IsLinux", "IsMacOS", "IsCoreCLR"} {
		v := g.vars[lower(name)]
		v.ReadOnly, v.AllScope, v.everyScope = true, true, true
	}
	for _, name := range []string{"null", "true", "false"} {
		g.vars[name].everyScope = true
	}
	return g
}

// globalsRoom is the room a global scope makes for its variables: those
// of a new session (some 35) and a script's first few fit without the
// table being grown.
const globalsRoom = 64

// actionPreference is a value of the ActionPreference enum.
func actionPreference(name string, value int) object.Enum {
	return object.Enum{Type: "System.Management.Automation.ActionPreference", Name: name, Value: value}
}

// versionTable is $PSVersionTable of the PowerShell version exosim
// stands for.
func versionTable() any {
	ver := object.NewHashtable()
	ver.Ordered = true
	var psv any = prelude.Version
	if v, err := system.ParseVersion(prelude.Version, prelude.Version); err == nil {
		psv = v // .Major, .Minor as on a version object
	}
	ver.Set("PSVersion", psv)
	ver.Set("PSEdition", "Core")
	ver.Set("GitCommitId", "7.4.6")
	ver.Set("OS", "exosim")
	ver.Set("Platform", "Unix")
	ver.Set("PSCompatibleVersions", []any{"1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"})
	ver.Set("PSRemotingProtocolVersion", "2.3")
	ver.Set("SerializationVersion", "1.1.0.1")
	ver.Set("WSManStackVersion", "3.0")
	return ver
}
