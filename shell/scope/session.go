package scope

import (
	"os"

	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/prelude"
)

// NewGlobal returns a session's global scope holding the preference and
// automatic variables a new PowerShell 7 session on Unix starts with;
// host makes $Host and engine $ExecutionContext (they and $PSVersionTable
// are made the first time they are read). As in PowerShell, $true,
// $false, $null, $PSVersionTable, $PSEdition, $PID, $Host,
// $ExecutionContext, $ShellId and $PSHOME are constant and
// $HOME, $PSCulture, $PSUICulture and the platform variables read-only,
// and all of them are AllScope: every scope holds them (Lookup). $null
// shows no options (PowerShell's null variable reports None); its
// value is always $null (Assignable refuses $true and $false and
// discards what is assigned to $null).
func NewGlobal[F any](host, engine func() any) *Scope[F] {
	// the global scope is its own global (New with no parent), made with
	// room for its variables
	g := &Scope[F]{vars: make(map[string]*Variable, globalsRoom)}
	g.global = g
	home, _ := os.UserHomeDir()
	// Each variable's key is its name in lower case, as Set makes it.
	globals := [...]struct {
		key, name string
		value     any
		opts      globalOpts
	}{
		{"null", "null", nil, everyScope},
		{"false", "false", false, constant | everyScope},
		{"true", "true", true, constant | everyScope},
		{"erroractionpreference", "ErrorActionPreference", prefContinue, 0},
		{"warningpreference", "WarningPreference", prefContinue, 0},
		{"verbosepreference", "VerbosePreference", prefSilentlyContinue, 0},
		{"debugpreference", "DebugPreference", prefSilentlyContinue, 0},
		{"informationpreference", "InformationPreference", prefSilentlyContinue, 0},
		{"progresspreference", "ProgressPreference", prefContinue, 0},
		{"confirmpreference", "ConfirmPreference", confirmHigh, 0},
		{"whatifpreference", "WhatIfPreference", false, 0},
		{"formatenumerationlimit", "FormatEnumerationLimit", 4, 0},
		{"maximumhistorycount", "MaximumHistoryCount", 4096, 0},
		{"errorview", "ErrorView", errorViewConcise, 0},
		{"error", "Error", &object.List{}, 0},
		{"lastexitcode", "LASTEXITCODE", 0, 0},
		{"pid", "PID", nil, constant | everyScope | lazyPid},
		{"home", "HOME", home, readOnly | everyScope},
		{"psedition", "PSEdition", "Core", constant | everyScope},
		// the platform variables agree with $PSVersionTable.Platform (Unix)
		{"iswindows", "IsWindows", false, readOnly | everyScope},
		{"islinux", "IsLinux", true, readOnly | everyScope},
		{"ismacos", "IsMacOS", false, readOnly | everyScope},
		{"iscoreclr", "IsCoreCLR", true, readOnly | everyScope},
		{"psculture", "PSCulture", "en-US", readOnly | everyScope},
		{"psuiculture", "PSUICulture", "en-US", readOnly | everyScope},
		{"psversiontable", "PSVersionTable", nil, constant | everyScope | lazyVersion},
		{"psdefaultparametervalues", "PSDefaultParameterValues", object.NewHashtable(), 0},
		{"host", "Host", nil, constant | everyScope | lazyHost},
		{"executioncontext", "ExecutionContext", nil, constant | everyScope | lazyEngine},
		{"nestedpromptlevel", "NestedPromptLevel", 0, 0},
		{"shellid", "ShellId", "Microsoft.PowerShell", constant | everyScope},
		{"pshome", "PSHOME", "/opt/microsoft/powershell/7", constant | everyScope},
	}
	// The variables are made a block at a time, not one by one, and not
	// all in one block either: the 32 of them (4.6 KB) would take a size
	// class of their own, a fresh span of memory that a one-shot command
	// line touches for nothing else, where blocks of varBlock variables
	// share the size class of the table of variables (the last block
	// too, a few of its variables unused).
	var block []Variable
	for _, gv := range globals {
		if len(block) == 0 {
			block = make([]Variable, varBlock)
		}
		v := &block[0]
		block = block[1:]
		v.Name, v.Value = gv.name, gv.value
		v.Constant = gv.opts&constant != 0
		v.ReadOnly = gv.opts&(constant|readOnly) != 0
		v.AllScope = v.ReadOnly
		v.everyScope = gv.opts&everyScope != 0
		switch {
		case gv.opts&lazyVersion != 0:
			v.lazy = versionTable
		case gv.opts&lazyHost != 0:
			v.lazy = host
		case gv.opts&lazyEngine != 0:
			v.lazy = engine
		case gv.opts&lazyPid != 0:
			v.lazy = processID
		}
		g.vars[gv.key] = v
	}
	g.vars["null"].Description = "References to the null variable always return the null value. Assignments have no effect."
	g.vars["false"].Description = "Boolean False"
	g.vars["true"].Description = "Boolean True"
	return g
}

// globalOpts are the options of a variable a new session starts with.
type globalOpts uint8

const (
	constant    globalOpts = 1 << iota // Constant, ReadOnly and AllScope
	readOnly                           // ReadOnly and AllScope
	everyScope                         // an automatic AllScope variable
	lazyVersion                        // its value is versionTable's, made when first read
	lazyHost                           // its value is the host's, made when first read
	lazyEngine                         // its value is engine's ($ExecutionContext), made when first read
	lazyPid                            // its value is processID's, made when first read
)

// processID is $PID: the process's ID, asked of the system only when a
// command reads the variable (a command line seldom does).
func processID() any { return os.Getpid() }

// globalsRoom is the room a global scope makes for its variables: those
// of a new session (32) and a script's first two dozen fit without the
// table being grown. Any room from 29 to 56 makes a table of 64 slots
// (1,600 bytes, the 1,792-byte size class); 64 would make one of 128
// slots, 3.2 KB in a size class nothing else of a command line uses.
const globalsRoom = 56

// varBlock is how many of a new session's variables are made in one
// block: 12 of them (1,728 bytes) fit the size class of the table of
// variables (globalsRoom), so the two share their memory.
const varBlock = 12

// The enum values the preference variables start with, boxed once as
// static data: a session starting boxes none of them (a variable's value
// is replaced by an assignment, never changed in place).
var (
	prefContinue         any = object.Enum{Type: actionPreferenceType, Name: "Continue", Value: 2}
	prefSilentlyContinue any = object.Enum{Type: actionPreferenceType, Name: "SilentlyContinue", Value: 0}
	confirmHigh          any = object.Enum{Type: "System.Management.Automation.ConfirmImpact", Name: "High", Value: 3}
	errorViewConcise     any = object.Enum{Type: "System.Management.Automation.ErrorView", Name: "ConciseView", Value: 2}
)

// actionPreferenceType is the type name of the ActionPreference enum.
const actionPreferenceType = "System.Management.Automation.ActionPreference"

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
