package lint

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

// testCommands is a small session: Exchange-style cmdlets (proxy
// functions of the ExchangeOnlineManagement module) and one compiled
// PowerShell cmdlet.
func testCommands() *runtime.Runtime {
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}, nil)
	exo := func(name string, params ...*params.Param) *command.Command {
		return &command.Command{Name: name, Type: command.FunctionCommand, Module: "ExchangeOnlineManagement", Remote: true, Params: params}
	}
	setUser := exo("Set-Person",
		params.P("Identity", identityType("UserIdParameter"), params.Mandatory(), params.Position(0), params.FromPipeline()),
		params.P("DisplayName", params.TString),
		params.P("Department", params.TString),
		params.P("HoldEnabled", params.TBool),
		params.P("Count", params.TInt),
		params.P("Mode", params.EnumType("Mode", "Contoso.Mode", "On", "Off")),
		params.P("Force", params.TSwitch),
		params.P("Password", params.TSecureString),
	)
	setUser.SupportsShouldProcess = true
	newBox := exo("New-Box",
		&params.Param{Name: "Name", Type: params.TString, Sets: []params.SetInfo{{Set: "User", Mandatory: true, Position: 0}, {Set: "Room", Mandatory: true, Position: 0}, {Set: "Shared", Mandatory: true, Position: 0}}},
		&params.Param{Name: "Password", Type: params.TSecureString, Sets: []params.SetInfo{{Set: "User", Mandatory: true, Position: -1}}},
		&params.Param{Name: "Room", Type: params.TSwitch, Sets: []params.SetInfo{{Set: "Room", Mandatory: true, Position: -1}}},
		&params.Param{Name: "Shared", Type: params.TSwitch, Sets: []params.SetInfo{{Set: "Shared", Mandatory: true, Position: -1}}},
		&params.Param{Name: "Notes", Type: params.TString, Sets: []params.SetInfo{{Set: params.AllSets, Position: -1}}},
	)
	newBox.Sets = []string{"User", "Room", "Shared"}
	newBox.DefaultSet = "User"
	getBox := exo("Get-Box",
		params.P("Identity", identityType("MailboxIdParameter"), params.Position(0), params.FromPipeline()),
		params.P("ResultSize", params.TInt),
	)
	retired := exo("New-OldSearch", params.P("Name", params.TString))
	retired.Retired = "Use New-ComplianceSearch instead"
	onprem := exo("Get-BoxDatabase", params.P("Identity", params.TString, params.Position(0)))
	decl.MarkOnPremOnly(onprem)
	where := &command.Command{Name: "Where-Thing", Type: command.CmdletCommand, Module: "Microsoft.PowerShell.Core",
		Sets: []string{"Script", "Property", "Match"}, DefaultSet: "Script",
		Params: []*params.Param{
			{Name: "FilterScript", Type: params.TScriptBlock, Sets: []params.SetInfo{{Set: "Script", Mandatory: true, Position: 0}}},
			{Name: "Property", Type: params.TString, Sets: []params.SetInfo{{Set: "Property", Mandatory: true, Position: 0}, {Set: "Match", Mandatory: true, Position: 0}}},
			{Name: "Value", Type: params.TObject, Sets: []params.SetInfo{{Set: "Property", Position: 1}, {Set: "Match", Position: 1}}},
			{Name: "Match", Type: params.TSwitch, Sets: []params.SetInfo{{Set: "Match", Mandatory: true, Position: -1}}},
		}}
	setAlias := &command.Command{Name: "Set-Alias", Type: command.CmdletCommand, Module: "Microsoft.PowerShell.Utility", Params: []*params.Param{
		params.P("Name", params.TString, params.Mandatory(), params.Position(0)),
		params.P("Value", params.TString, params.Mandatory(), params.Position(1)),
	}}
	rt.Register(setUser, newBox, getBox, retired, onprem, where, setAlias)
	rt.SetAlias("gbx", "Get-Box")
	return rt
}

func render(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d: %s: %s [%s]\n", f.Line, f.Column, f.Severity, f.Message, f.Rule)
	}
	return b.String()
}

// lintCases are scripts and the exact findings they produce; the fuzzer
// is seeded from them.
var lintCases = []struct {
	name   string
	strict bool
	src    string
	want   string
}{
	{name: "clean", src: "Get-Box alice | Set-Person -HoldEnabled $true -WhatIf\n", want: ""},
	{name: "parse error", src: "if ($x -eq 1) {\n  'one'\n",
		want: "1:15: error: Missing closing '}' in statement block or type definition. [parse-error]\n"},
	{name: "unknown exchange-looking cmdlet (typo)", src: "Get-Boxx alice",
		want: "1:1: error: The term 'Get-Boxx' is not recognized as a name of a cmdlet, function, script file, or executable program. [unknown-command]\n"},
	{name: "unknown cmdlet with a known noun", src: "Remove-Box alice",
		want: "1:1: error: The term 'Remove-Box' is not recognized as a name of a cmdlet, function, script file, or executable program. [unknown-command]\n"},
	{name: "unknown cmdlet with a module prefix", src: "Get-EXOThing",
		want: "1:1: error: The term 'Get-EXOThing' is not recognized as a name of a cmdlet, function, script file, or executable program. [unknown-command]\n"},
	{name: "unknown other command is a warning", src: "\n  Invoke-Report -Path x",
		want: "2:3: warning: The term 'Invoke-Report' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. [unknown-command]\n"},
	{name: "unknown other command with --strict", strict: true, src: "Invoke-Report",
		want: "1:1: error: The term 'Invoke-Report' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. [unknown-command]\n"},
	{name: "script function resolves", src: "Invoke-Report -Anything 1\nfunction Invoke-Report { param($x) $x }", want: ""},
	{name: "alias defined by the script", src: "Set-Alias rep Get-Box\nrep\nSet-Alias -Name other -Value Get-Box\nother", want: ""},
	{name: "session alias", src: "gbx alice -ResultSize 5", want: ""},
	{name: "script files and executables are not checked", src: ". ./helpers.ps1\n& ./other.ps1 -X\nping.exe host", want: ""},
	{name: "dynamic command names are not checked", src: "& $cmd -Whatever\n& { param($a) } -a 1", want: ""},
	{name: "retired cmdlet", src: "New-OldSearch -Name x",
		want: "1:1: error: The cmdlet 'New-OldSearch' is retired in Exchange Online. Use New-ComplianceSearch instead. [retired-cmdlet]\n"},
	{name: "on-premises cmdlet", src: "$db = Get-BoxDatabase db1",
		want: "1:7: error: The cmdlet 'Get-BoxDatabase' is available only in on-premises Exchange; it does not exist in Exchange Online. [on-premises-only]\n"},
	{name: "unknown parameter", src: "Set-Person -Idnetity alice",
		want: "1:12: error: A parameter cannot be found that matches parameter name 'Idnetity'. [unknown-parameter]\n"},
	{name: "ambiguous parameter", src: "Set-Person alice -D x",
		want: "1:18: error: Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DisplayName -Department -Debug. [ambiguous-parameter]\n"},
	{name: "prefix of one parameter and of common ones binds the parameter", src: "Set-Person alice -Dis x -Ho 1 -ea Stop -wi", want: ""},
	{name: "every bad name is reported", src: "Set-Person -Foo 1 -Bar 2",
		want: "1:12: error: A parameter cannot be found that matches parameter name 'Foo'. [unknown-parameter]\n" +
			"1:19: error: A parameter cannot be found that matches parameter name 'Bar'. [unknown-parameter]\n"},
	{name: "duplicate parameter", src: "Set-Person alice -DisplayName a -displayname b",
		want: "1:33: error: Cannot bind parameter because parameter 'DisplayName' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\". [duplicate-parameter]\n"},
	{name: "missing argument", src: "Set-Person alice -DisplayName",
		want: "1:18: error: Missing an argument for parameter 'DisplayName'. Specify a parameter of type 'System.String' and try again. [missing-argument]\n"},
	{name: "missing argument before another parameter", src: "Set-Person alice -Count -Force",
		want: "1:18: error: Missing an argument for parameter 'Count'. Specify a parameter of type 'System.Int32' and try again. [missing-argument]\n"},
	{name: "missing mandatory", src: "Set-Person -DisplayName x",
		want: "1:1: error: Cannot process command because of one or more missing mandatory parameters: Identity. [missing-mandatory]\n"},
	{name: "missing mandatory in the default set", src: "New-Box -Notes x",
		want: "1:1: error: Cannot process command because of one or more missing mandatory parameters: Name Password. [missing-mandatory]\n"},
	{name: "mandatory satisfied by a set-selecting switch", src: "New-Box r1 -Room", want: ""},
	{name: "pipeline input may bind mandatory parameters", src: "'alice' | Set-Person -Count 3", want: ""},
	{name: "splatting may bind mandatory parameters", src: "Set-Person @p -Count 3\nNew-Box @args", want: ""},
	{name: "splatting does not hide bad names", src: "Set-Person @p -Cont 3",
		want: "1:15: error: A parameter cannot be found that matches parameter name 'Cont'. [unknown-parameter]\n"},
	{name: "boolean parameter given a string", src: "Set-Person alice -HoldEnabled 'True'",
		want: "1:31: error: Cannot process argument transformation on parameter 'HoldEnabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0. [argument-type]\n"},
	{name: "boolean parameter given a colon string", src: "Set-Person alice -HoldEnabled:True",
		want: "1:31: error: Cannot process argument transformation on parameter 'HoldEnabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0. [argument-type]\n"},
	{name: "boolean parameter given booleans and numbers", src: "Set-Person alice -HoldEnabled $false\nSet-Person bob -HoldEnabled 1\nSet-Person carol -HoldEnabled:$true", want: ""},
	{name: "enum value outside the set", src: "Set-Person alice -Mode Sideways",
		want: "1:24: error: Cannot validate argument on parameter 'Mode'. The argument \"Sideways\" does not belong to the set \"On,Off\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again. [argument-type]\n"},
	{name: "enum value in the set, any case", src: "Set-Person alice -Mode off", want: ""},
	{name: "non-numeric Int32", src: "Set-Person alice -Count many",
		want: "1:25: error: Cannot process argument transformation on parameter 'Count'. Cannot convert value \"many\" to type \"System.Int32\". Error: \"The input string 'many' was not in a correct format.\" [argument-type]\n"},
	{name: "numeric strings and numbers for Int32", src: "Set-Person alice -Count '12'\nSet-Person alice -Count 0x10", want: ""},
	{name: "string for a SecureString", src: "Set-Person alice -Password 'P@ss'",
		want: "1:28: error: Cannot process argument transformation on parameter 'Password'. Cannot convert the \"P@ss\" value of type \"System.String\" to type \"System.Security.SecureString\". [argument-type]\n"},
	{name: "variables are never judged", src: "Set-Person $u -HoldEnabled $v -Count $n -Mode $m -Password $p -DisplayName \"$a b\" -Department (Get-Box)", want: ""},
	{name: "switch given a separate value", src: "Set-Person alice -Force $true",
		want: "1:25: warning: The switch parameter 'Force' takes no separate value: '$true' is passed as a positional argument. To set a switch, write -Force:$true. [switch-value]\n" +
			"1:25: error: A positional parameter cannot be found that accepts argument '$true'. [extra-positional]\n"},
	{name: "switch value taking the positional slot", src: "Set-Person -Force $false -Count 1",
		want: "1:19: warning: The switch parameter 'Force' takes no separate value: '$false' is passed as a positional argument. To set a switch, write -Force:$false. [switch-value]\n"},
	{name: "switch with a colon value", src: "Set-Person alice -Force:$true -WhatIf:$false", want: ""},
	{name: "a set-selecting switch before the set's positional value", src: "$x | Where-Thing IsDefault -Match $true", want: ""},
	{name: "parameters from different sets", src: "New-Box r1 -Room -Shared",
		want: "1:1: error: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided. [parameter-set]\n"},
	{name: "parameters from different sets with pipeline input", src: "'x' | New-Box -Room -Password $p",
		want: "1:7: error: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided. [parameter-set]\n"},
	{name: "extra positional argument", src: "Get-Box alice bob",
		want: "1:15: error: A positional parameter cannot be found that accepts argument 'bob'. [extra-positional]\n"},
	{name: "extra positional variable", src: "Get-Box alice $b",
		want: "1:15: error: A positional parameter cannot be found that accepts argument '$b'. [extra-positional]\n"},
	{name: "positional argument of the wrong type", src: "Where-Thing Name x\nWhere-Thing { $_ }", want: ""},
	{name: "positional slot shared by sets with an unknown value", src: "Where-Thing $f x y", want: ""},
	{name: "stop-parsing token", src: "Get-Box --% a b c", want: ""},
	{name: "commands inside blocks and functions", src: "function f {\n  foreach ($m in $list) {\n    Set-Person $m -HoldEnabled yes\n  }\n}",
		want: "3:32: error: Cannot process argument transformation on parameter 'HoldEnabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0. [argument-type]\n"},
	{name: "findings are in source order", src: "Get-Boxx\nSet-Person -Nope 1",
		want: "1:1: error: The term 'Get-Boxx' is not recognized as a name of a cmdlet, function, script file, or executable program. [unknown-command]\n" +
			"2:12: error: A parameter cannot be found that matches parameter name 'Nope'. [unknown-parameter]\n"},
}

func TestLint(t *testing.T) {
	cmds := testCommands()
	for _, tc := range lintCases {
		t.Run(tc.name, func(t *testing.T) {
			l := New(Options{Commands: cmds, Strict: tc.strict})
			got := render(l.Text("t.ps1", tc.src))
			if got != tc.want {
				t.Errorf("lint %q:\ngot:\n%s\nwant:\n%s", tc.src, got, tc.want)
			}
		})
	}
}

func TestFindingString(t *testing.T) {
	l := New(Options{Commands: testCommands()})
	fs := l.Text("runbook.ps1", "\n\nSet-Person alice -Idnetity x")
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	want := "runbook.ps1:3:18: error: A parameter cannot be found that matches parameter name 'Idnetity'."
	if s := fs[0].String(); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
}

func TestExchangeLooking(t *testing.T) {
	l := New(Options{Commands: testCommands()})
	for name, want := range map[string]bool{
		"Get-Boxx": true, "Remove-Person": true, "Get-MgUser": false, "Set-SimClock": true,
		"Get-Simple": false, "Invoke-Report": false, "git": false, "Get-Foo": false, "Where-Thin": false, "Set-Persn": true,
	} {
		if got := l.exchangeLooking(name); got != want {
			t.Errorf("exchangeLooking(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzLint checks that no input makes the linter panic.
func FuzzLint(f *testing.F) {
	for _, tc := range lintCases {
		f.Add(tc.src)
	}
	cmds := testCommands()
	l := New(Options{Commands: cmds})
	f.Fuzz(func(t *testing.T, src string) {
		for _, fd := range l.Text("f.ps1", src) {
			if fd.Rule == RuleInternal {
				t.Fatalf("internal error on %q: %s", src, fd.Message)
			}
			if fd.Line < 1 || fd.Column < 1 {
				t.Fatalf("bad position %d:%d on %q", fd.Line, fd.Column, src)
			}
		}
	})
}

// fakeOnPrem adds what exists only on-premises to the test commands.
type fakeOnPrem struct{ *runtime.Runtime }

func (fakeOnPrem) OnPremisesCommand(name string) (string, bool) {
	return "Get-BoxServer", strings.EqualFold(name, "Get-BoxServer")
}

func (fakeOnPrem) OnPremisesParams(cmd *command.Command) []string {
	if cmd.Name == "Get-Box" {
		return []string{"DomainController"}
	}
	return nil
}

// The surface rules: what a remaining-arguments parameter takes, a script
// block given to a string parameter (its text is the value), notes shown
// only in strict mode, what exists only on-premises, dot-sourced functions.
func TestSurfaceRules(t *testing.T) {
	rt := testCommands()
	say := &command.Command{Name: "Say-Thing", Type: command.CmdletCommand, Module: "Microsoft.PowerShell.Utility", Params: []*params.Param{
		params.P("InputObject", params.TObjects, params.Mandatory(), params.Position(0), params.RemainingArgs()),
	}}
	find := &command.Command{Name: "Find-Box", Type: command.FunctionCommand, Module: "ExchangeOnlineManagement", Remote: true, NotSimulated: true,
		Params: []*params.Param{params.P("Filter", params.TString)}}
	rt.Register(say, find)
	files := map[string]string{"/scripts/lib.ps1": "function Get-Helper { }\n. ./more.ps1\n", "/scripts/more.ps1": "function Get-More { }\n"}
	read := func(p string) (string, error) {
		if s, ok := files[p]; ok {
			return s, nil
		}
		return "", fmt.Errorf("no file %s", p)
	}
	for _, tc := range []struct {
		strict    bool
		src, want string
	}{
		{src: "Say-Thing 'a' 'b'"},
		{src: "Say-Thing 'done' -ForegroundColor Green", want: "1:18: warning: Say-Thing has no parameter 'ForegroundColor': PowerShell passes '-ForegroundColor' and the value after it to -InputObject as more values. [remaining-argument]\n"},
		{src: "Find-Box -Filter {Department -eq 'Sales'}"},
		{src: "Find-Box -Filter:{Department -eq 'Sales'}"},
		{strict: true, src: "Find-Box", want: "1:1: info: Find-Box is a real cmdlet that exosim does not simulate: in exosim the call binds, then fails with CmdletNotSimulated. [not-simulated]\n"},
		{src: "Find-Elsewhere -Filter {securityEnabled eq true}", want: "1:1: warning: The term 'Find-Elsewhere' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. [unknown-command]\n"},
		{src: "Find-Elsewhere -Action {securityEnabled}", want: "1:1: warning: The term 'Find-Elsewhere' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. [unknown-command]\n1:25: warning: The term 'securityEnabled' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. [unknown-command]\n"},
		{src: "Where-Thing {Department -eq 'Sales'}", want: "1:14: warning: The term 'Department' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. [unknown-command]\n"},
		{src: "Get-Box x -DomainController dc1", want: "1:11: error: A parameter cannot be found that matches parameter name 'DomainController'. -DomainController of Get-Box exists only in on-premises Exchange (Exchange Server), not in Exchange Online. [on-premises-only]\n"},
		{src: "Get-Box x -Domain dc1", want: "1:11: error: A parameter cannot be found that matches parameter name 'Domain'. -DomainController of Get-Box exists only in on-premises Exchange (Exchange Server), not in Exchange Online. [on-premises-only]\n"},
		{src: "Get-BoxServer", want: "1:1: error: The term 'Get-BoxServer' is not recognized as a name of a cmdlet, function, script file, or executable program. Get-BoxServer exists only in on-premises Exchange (Exchange Server), not in Exchange Online. [on-premises-only]\n"},
		{src: ". \"$PSScriptRoot\\lib.ps1\"\nGet-Helper\nGet-More"},
		{strict: true, src: "Invoke-Item x.csv", want: "1:1: info: Invoke-Item is a PowerShell 7 cmdlet that exosim does not simulate. [not-simulated]\n"},
		{src: "Invoke-Item x.csv"},
	} {
		l := New(Options{Commands: fakeOnPrem{rt}, Strict: tc.strict, ReadFile: read})
		if got := render(l.Text("/scripts/run.ps1", tc.src)); got != tc.want {
			t.Errorf("lint %q (strict %v):\ngot:\n%s\nwant:\n%s", tc.src, tc.strict, got, tc.want)
		}
	}
}

// A script named by a relative path finds what it dot-sources from
// $PSScriptRoot, which is a full path (a Pester file loading the script
// under test).
func TestDotSourceFromRelativeScript(t *testing.T) {
	lib, err := filepath.Abs(filepath.Join("tests", "lib.ps1"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(p string) (string, error) {
		if p == lib {
			return "function Get-Helper { }\n", nil
		}
		return "", fmt.Errorf("no file %s", p)
	}
	l := New(Options{Commands: fakeOnPrem{testCommands()}, ReadFile: read})
	src := ". $PSScriptRoot/lib.ps1\nGet-Helper"
	if got := render(l.Text(filepath.Join("tests", "a.Tests.ps1"), src)); got != "" {
		t.Errorf("lint of a relative path:\n%s", got)
	}
}

// fakeGraph adds a module the session has part of: Mg-shaped names are
// its commands.
type fakeGraph struct{ fakeOnPrem }

func (fakeGraph) ModuleCommand(name string) (string, bool) {
	_, noun, _ := strings.Cut(name, "-")
	return "Microsoft.Graph", len(noun) > 2 && strings.EqualFold(noun[:2], "mg")
}

// Commands of other modules: what the session knows by shape, what the
// script declares, what it calls without declaring; where a script works
// on-premises; the files it loads functions from.
func TestModuleRules(t *testing.T) {
	files := map[string]string{
		"/scripts/Get-Report.ps1": "function Get-Report { }\n",
		"/scripts/lib/tools.ps1":  "function Get-Tool { }\n",
		"/scripts/Tools.psm1":     "function Invoke-Tool { }\n",
	}
	read := func(p string) (string, error) {
		if s, ok := files[p]; ok {
			return s, nil
		}
		return "", fmt.Errorf("no file %s", p)
	}
	const adWarning = "1:1: warning: 'Get-ADUser', 'Get-ADGroup' and 'Get-ADForest' are not defined in this script; by their names they are commands of the ActiveDirectory module, which the script does not declare. Declare the module (#Requires -Modules ActiveDirectory or Import-Module ActiveDirectory) so that lint knows where they come from. [undeclared-module]\n"
	for _, tc := range []struct {
		name      string
		strict    bool
		graph     bool
		src, want string
	}{
		{name: "a module the session has part of, by shape", graph: true, src: "Get-MgBetaUser -All\nsend-mgusermail -UserId x"},
		{name: "noted under --strict", graph: true, strict: true, src: "Get-MgBetaUser -All",
			want: "1:1: info: Get-MgBetaUser is a command of the Microsoft.Graph module that exosim does not simulate; lint does not check its parameters. [module-command]\n"},
		{name: "undeclared module: one warning at the first call, each name once", src: "Get-ADUser x\nGet-ADGroup y\nget-aduser z\nGet-ADForest", want: adWarning},
		{name: "undeclared module under --strict", strict: true, src: "Get-AzureADUser -ObjectId x",
			want: "1:1: error: 'Get-AzureADUser' is not defined in this script; by its name it is a command of the AzureAD module, which the script does not declare. Declare the module (#Requires -Modules AzureAD, Import-Module AzureAD or Connect-AzureAD) so that lint knows where it comes from. [undeclared-module]\n"},
		{name: "declared by #Requires", src: "#Requires -Modules ActiveDirectory, ExchangeOnlineManagement\nGet-ADUser x\nget-adgroup y"},
		{name: "declared commands are notes under --strict", strict: true, src: "#Requires -Modules @{ModuleName='ActiveDirectory'; ModuleVersion='1.0'}\nGet-ADUser x",
			want: "2:1: info: Get-ADUser is taken as a command of the ActiveDirectory module, which this script loads (line 1); lint does not know that module's commands, so it does not check it. [module-command]\n"},
		{name: "declared by Import-Module", src: "if (Get-Module ImportExcel -ListAvailable) { Import-Module ImportExcel -ErrorAction SilentlyContinue; $r | Export-Excel -Path x.xlsx }"},
		{name: "declared by Install-Module -Name", src: "Install-Module -Scope CurrentUser -Name Microsoft.Graph.Beta.Reports\nGet-MgBetaReportMailboxUsageDetail -Period D7"},
		{name: "declared by a list", src: "Import-Module MSOnline, ActiveDirectory\nGet-MsolUser\nGet-ADUser x"},
		{name: "declared by the module's Connect- command", src: "Connect-AzureAD\nGet-AzureADUser -ObjectId x\nConnect-SPOService -Url u\nGet-SpoSite"},
		{name: "the Power Apps admin module, declared by its sign-in", src: "Add-PowerAppsAccount\nGet-AdminFlow | Get-AdminPowerAppEnvironment"},
		{name: "declared by using module", src: "using module @{ModuleName='PnP.PowerShell'; ModuleVersion='2.0'}\nGet-PnPList"},
		{name: "a declared module's prefix does not hide an Exchange typo", src: "Import-Module ActiveDirectory\nGet-Boxx",
			want: "2:1: error: The term 'Get-Boxx' is not recognized as a name of a cmdlet, function, script file, or executable program. [unknown-command]\n"},
		{name: "a module lint does not know is named in the warning", src: "Import-Module Contoso.Tools\nInvoke-Thing",
			want: "2:1: warning: The term 'Invoke-Thing' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. It may come from Contoso.Tools, which the script loads and lint does not know. [unknown-command]\n"},
		{name: "a dot-sourced file lint cannot read is named in the warning", src: ". $env:TOOLS\\lib.ps1\nInvoke-Thing",
			want: "2:1: warning: The term 'Invoke-Thing' is not recognized as a name of a cmdlet, function, script file, or executable program. It is not defined in this script and is not an Exchange Online cmdlet; if it is a function defined elsewhere, load it first. It may be defined by the script dot-sourced on line 1, which lint cannot read. [unknown-command]\n"},
		{name: "the Exchange Management Shell's start script", src: ". $env:ExchangeInstallPath\\bin\\RemoteExchange.ps1\nConnect-ExchangeServer -auto -AllowClobber\nGet-BoxDatabase db1\nGet-BoxServer"},
		{name: "the on-premises snap-in (Add-PSSnapin itself is Windows PowerShell's)", src: "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn\nGet-BoxServer",
			want: "1:1: warning: The term 'Add-PSSnapin' is not recognized as a name of a cmdlet, function, script file, or executable program. Add-PSSnapin is a Windows PowerShell 5.1 cmdlet that PowerShell 7 does not have. [windows-powershell-only]\n"},
		{name: "a command only Windows has (Resolve-DnsName of DnsClient)", src: "try { Resolve-DnsName contoso.com -Type MX } catch [System.Management.Automation.CommandNotFoundException] { 'no DNS here' }\nget-service",
			want: "1:7: warning: The term 'Resolve-DnsName' is not recognized as a name of a cmdlet, function, script file, or executable program. Resolve-DnsName is a command of the DnsClient module, which only Windows has: exosim, like PowerShell on Linux, does not recognize it. [windows-only-command]\n2:1: warning: The term 'get-service' is not recognized as a name of a cmdlet, function, script file, or executable program. Get-Service is a command of the Microsoft.PowerShell.Management module, which only Windows has: exosim, like PowerShell on Linux, does not recognize it. [windows-only-command]\n"},
		{name: "the on-premises snap-in in #requires", src: "#requires -PSSnapin Microsoft.Exchange.Management.PowerShell.E2010\nGet-BoxServer"},
		{name: "a placeholder left in the script", src: "$csv = <CsvPath>",
			want: "1:8: error: The term '<' is not recognized as a name of a cmdlet, function, script file, or executable program. A placeholder such as <Path> left in the script is run as a command. [unknown-command]\n"},
		{name: "Pester's script under test", src: ". $PSCommandPath.Replace('.Tests.ps1', '.ps1')\nGet-Report"},
		{name: "Join-Path on the script's folder", src: ". (Join-Path $PSScriptRoot 'lib\\tools.ps1')\nGet-Tool"},
		{name: "a module file's functions", src: "Import-Module $PSScriptRoot/Tools.psm1 -Force\nInvoke-Tool"},
		{name: "a module manifest named without a folder", src: "Import-Module PSWriteHTML.psd1 -Force\nOut-HtmlView -Table $rows"},
		{name: "Azure Automation's own cmdlets need no declaration", src: "$cred = Get-AutomationPSCredential -Name 'EXO'\nGet-AutomationVariable -Name x"},
		{name: "noted under --strict with where they exist", strict: true, src: "Get-AutomationConnection -Name AzureRunAsConnection",
			want: "1:1: info: Get-AutomationConnection is taken as a command of the Orchestrator.AssetManagement.Cmdlets module (Azure Automation provides it to the runbooks it runs); lint does not check it. [module-command]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cmds Commands = fakeOnPrem{testCommands()}
			if tc.graph {
				cmds = fakeGraph{fakeOnPrem{testCommands()}}
			}
			l := New(Options{Commands: cmds, Strict: tc.strict, ReadFile: read})
			file := "/scripts/run.ps1"
			if strings.Contains(tc.src, "PSCommandPath") {
				file = "/scripts/Get-Report.Tests.ps1"
			}
			if got := render(l.Text(file, tc.src)); got != tc.want {
				t.Errorf("lint %q:\ngot:\n%s\nwant:\n%s", tc.src, got, tc.want)
			}
		})
	}
}

func TestGalleryModuleNamed(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Microsoft.Graph": "Microsoft.Graph", "microsoft.graph.users": "Microsoft.Graph", "Microsoft.Graph.Beta.Reports": "Microsoft.Graph",
		"Az.Accounts": "Az", "AzureADPreview": "AzureAD", "AADRM": "AIPService", "ImportExcel": "ImportExcel",
		"PSWriteHTML.psd1": "PSWriteHTML", "Azure": "", "Microsoft.GraphX": "", "ExchangeOnlineManagement": "",
	} {
		got := ""
		if m := galleryModuleNamed(name); m != nil {
			got = m.name
		}
		if got != want {
			t.Errorf("galleryModuleNamed(%q) = %q, want %q", name, got, want)
		}
	}
}

// identity is the family of identity parameter types, declared here the
// way the Exchange half declares it.
var identity = &params.CustomKind{Name: "identity", Single: true}

func identityType(name string) *params.Type {
	return &params.Type{Kind: params.KindCustom, Custom: identity, Name: name, FullName: name}
}
