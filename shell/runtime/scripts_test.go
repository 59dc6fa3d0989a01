package runtime_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// Parameter binding of functions as PowerShell 7.4 does it: positions,
// switches, defaults, type constraints, validation attributes, mandatory
// parameters in a non-interactive session, splatting.
var paramBindingCases = []struct {
	name, in, want string
}{
	{"positions follow declaration order",
		"function f { param($a, [switch]$s, $b) \"a=$a b=$b s=$s\" }; f 1 2",
		"a=1 b=2 s=False\n"},
	{"an explicit Position makes only positioned parameters positional",
		"function f { param([Parameter(Position=0)]$a, $b) \"a=$a b=$b\" }; f 1; f 1 2",
		"a=1 b=\nf: A positional parameter cannot be found that accepts argument '2'.\n"},
	{"a parameter set name turns automatic positions off",
		"function f { param([Parameter(ParameterSetName='One')]$a, $b) \"a=$a b=$b\" }; f 1",
		"f: A positional parameter cannot be found that accepts argument '1'.\n"},
	{"PositionalBinding=$false",
		"function f { [CmdletBinding(PositionalBinding=$false)] param($a) \"a=$a\" }; f -a 1; f 1",
		"a=1\nf: A positional parameter cannot be found that accepts argument '1'.\n"},
	{"switch IsPresent and explicit false",
		"function f { param([switch]$Force) \"$($Force.IsPresent) $([bool]$Force) $($Force.GetType().Name)\" }; f -Force; f -Force:$false; f",
		"True True SwitchParameter\nFalse False SwitchParameter\nFalse False SwitchParameter\n"},
	{"defaults are evaluated when binding and see earlier and bound parameters",
		"function f { param([int]$a = 3, $b = $a * 2, $c = $d, $d) \"$a $b $c $d\" }; f; f 5; f -d 9",
		"3 6  \n5 10  \n3 6 9 9\n"},
	{"a typed default converts and [string]$x = $null is empty",
		"function f { param([string]$s = $null, [int]$n = '42', [string]$t) ($null -eq $s), ($s -eq ''), $n.GetType().Name, ($t -eq '') -join ' ' }; f",
		"False True Int32 True\n"},
	{"conversion failure names the parameter",
		"function f { param([int]$Count) $Count }; f abc",
		"f: Cannot process argument transformation on parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"\n"},
	{"advanced function [string] refuses an array, simple one joins it",
		"function a { [CmdletBinding()] param([string]$s) $s }; function b { param([string]$s) $s }; a 1,2; b 1,2",
		"a: Cannot process argument transformation on parameter 's'. Cannot convert value to type System.String.\n1 2\n"},
	{"parameter variable keeps its type",
		"function f { param([int]$n) $n = '7'; $n.GetType().Name; $n + 1 }; f 1",
		"Int32\n8\n"},
	{"ValidateSet keeps the value as given",
		"function f { param([ValidateSet('Low','High')]$Level) $Level }; f high; f medium",
		"high\nf: Cannot validate argument on parameter 'Level'. The argument \"medium\" does not belong to the set \"Low,High\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.\n"},
	{"ValidateSet with IgnoreCase=$false",
		"function f { param([ValidateSet('Low', IgnoreCase=$false)]$Level) $Level }; f low",
		"f: Cannot validate argument on parameter 'Level'. The argument \"low\" does not belong to the set \"Low\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.\n"},
	{"ValidateRange",
		"function f { param([ValidateRange(1,10)][int]$n) $n }; f 5; f 0; f 11",
		"5\nf: Cannot validate argument on parameter 'n'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.\nf: Cannot validate argument on parameter 'n'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.\n"},
	{"ValidateRange Positive",
		"function f { param([ValidateRange('Positive')][int]$n) $n }; f 0",
		"f: Cannot validate argument on parameter 'n'. The argument \"0\" cannot be validated because its value is not greater than zero.\n"},
	{"ValidatePattern",
		"function f { param([ValidatePattern('^[a-z]+@contoso\\.com$')]$Upn) $Upn }; f ANN@contoso.com; f ann@fabrikam.com",
		"ANN@contoso.com\nf: Cannot validate argument on parameter 'Upn'. The argument \"ann@fabrikam.com\" does not match the \"^[a-z]+@contoso\\.com$\" pattern. Supply an argument that matches \"^[a-z]+@contoso\\.com$\" and try the command again.\n"},
	{"ValidateScript checks each element",
		"function f { param([ValidateScript({ $_ -gt 0 })][int[]]$n) $n -join ',' }; f 1,2; f 1,-2",
		"1,2\nf: Cannot validate argument on parameter 'n'. The \" $_ -gt 0 \" validation script for the argument with value \"-2\" did not return a result of True. Determine why the validation script failed, and then try the command again.\n"},
	{"ValidateScript with ErrorMessage",
		"function f { param([ValidateScript({ $_ -like '*@*' }, ErrorMessage = '{0} is not an address')]$a) $a }; f bob",
		"f: Cannot validate argument on parameter 'a'. bob is not an address\n"},
	{"ValidateCount",
		"function f { param([ValidateCount(1,2)][string[]]$n) $n.Count }; f a,b; f a,b,c",
		"2\nf: Cannot validate argument on parameter 'n'. The parameter requires at least 1 value(s) and no more than 2 value(s) - 3 value(s) were provided.\n"},
	{"ValidateLength",
		"function f { param([ValidateLength(2,4)][string]$s) $s }; f abc; f a; f abcde",
		"abc\nf: Cannot validate argument on parameter 's'. The character length (1) of the argument is too short. Specify an argument with a length that is greater than or equal to \"2\", and then try the command again.\nf: Cannot validate argument on parameter 's'. The character length (5) of the argument is too long. Specify an argument with a length that is shorter than or equal to \"4\", and then try the command again.\n"},
	{"ValidateNotNull and ValidateNotNullOrEmpty",
		"function f { param([ValidateNotNull()]$a, [ValidateNotNullOrEmpty()]$b) 'ok' }; f -a $null; f -b ''; f -b @(); f -a '' -b x",
		"f: Cannot validate argument on parameter 'a'. The argument is null. Provide a valid value for the argument, and then try running the command again.\nf: Cannot validate argument on parameter 'b'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.\nf: Cannot validate argument on parameter 'b'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.\nok\n"},
	{"mandatory refuses null and empty unless allowed",
		"function f { param([Parameter(Mandatory)]$a) 'ok' }; function g { param([Parameter(Mandatory)][string]$s) 'ok' }; function k { param([Parameter(Mandatory)][AllowEmptyString()][string]$s, [Parameter(Mandatory)][AllowNull()]$o) 'ok' }; f $null; g $null; g ''; k '' $null",
		"f: Cannot bind argument to parameter 'a' because it is null.\ng: Cannot bind argument to parameter 's' because it is an empty string.\ng: Cannot bind argument to parameter 's' because it is an empty string.\nok\n"},
	{"mandatory empty array",
		"function f { param([Parameter(Mandatory)][string[]]$n) 'ok' }; function g { param([Parameter(Mandatory)][AllowEmptyCollection()][string[]]$n) 'ok' }; f @(); g @()",
		"f: Cannot bind argument to parameter 'n' because it is an empty array.\nok\n"},
	// The (empty) input ends at the first answer: the prompt is
	// cancelled, naming every missing parameter.
	{"missing mandatory at the end of the input",
		"function f { [CmdletBinding()] param([Parameter(Mandatory, HelpMessage='Who')][string]$Identity, [Parameter(Mandatory)]$Days) 'ok' }; f",
		"\ncmdlet f at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nIdentity: \nf: Cannot process command because of one or more missing mandatory parameters: Identity Days.\n"},
	{"alias",
		"function f { param([Alias('Id','UPN')]$Identity) $Identity }; f -Id a; f -upn b",
		"a\nb\n"},
	{"a -Word that names no parameter is the previous parameter's value",
		"function f { param($Name, $Other) \"[$Name] [$Other]\" }; f -Name -nothing; f -Name -Other x",
		"[-nothing] []\nf: Missing an argument for parameter 'Name'. Specify a parameter of type 'System.Object' and try again.\n"},
	{"unknown parameter of an advanced function",
		"function f { [CmdletBinding()] param($a) }; f -b 1",
		"f: A parameter cannot be found that matches parameter name 'b'.\n"},
	{"a simple function puts unknown parameters in $args",
		"function f { param($a) \"a=$a args=$($args -join '|')\" }; f -b 1 2",
		"a=1 args=-b|2\n"},
	{"$args keeps the written order and @args passes -Name on as a parameter",
		"function Show-Args { \"$($args.Count): $($args -join '|')\" }; Show-Args a -b c; function inner { param($a, [switch]$s) \"a=$a s=$s\" }; function pass { inner @args }; pass -a 5; pass 9 -s; pass -s:$false 7; pass '-a' 3",
		"3: a|-b|c\na=5 s=False\na=9 s=True\na=7 s=False\na=-a s=False\n"},
	{"a script block's Invoke binds its param() block in a new scope",
		"$x = 1; $sb = { param($a, $b) $x = 5; $a + $b }; $sb.Invoke(3, 4); $x; { throw 'bad' }.Invoke(); 'after'",
		"7\n1\nMethodInvocationException: Exception calling \"Invoke\" with \"0\" argument(s): \"bad\"\nafter\n"},
	{"$args holds only what nothing bound",
		"function f { param($a) \"a=$a n=$($args.Count)\" }; function g { \"n=$($args.Count) $args\" }; f 1 2 3; f 1; g x y",
		"a=1 n=2\na=1 n=0\nn=2 x y\n"},
	{"common parameters of an advanced function",
		"function f { [CmdletBinding()] param() Write-Verbose 'loud'; Write-Error 'bad' }; f -Verbose -ErrorAction SilentlyContinue -ErrorVariable ev; \"errors: $($ev.Count)\"",
		"VERBOSE: loud\nerrors: 1\n"},
	{"splatting a hashtable and an array, mixed with written parameters",
		"function f { param($a, $b, $c) \"a=$a b=$b c=$c\" }; $h = @{a=1; b=2}; $l = 'x','y'; f @h -c 3; f @l 9; f @h -a 7",
		"a=1 b=2 c=3\na=x b=y c=9\na=7 b=2 c=\n"},
	{"splatting @PSBoundParameters and @args",
		"function inner { param($a, [switch]$s) \"inner a=$a s=$s\" }; function outer { param($a, [switch]$s) inner @PSBoundParameters }; function pass { inner @args }; outer -a 1 -s; pass 5",
		"inner a=1 s=True\ninner a=5 s=False\n"},
	{"splatting to a cmdlet",
		"$p = @{ Separator = '-' }; Write-Host @p a b; $q = @{ Object = 'x' }; Write-Host @q 'y'",
		"a-b\nWrite-Host: A positional parameter cannot be found that accepts argument 'y'.\n"},
	{"$PSBoundParameters is a dictionary in binding order",
		"function f { param($a, $b, [switch]$s) $PSBoundParameters.Keys -join ','; $PSBoundParameters.ContainsKey('a'); [void]$PSBoundParameters.Remove('b'); $PSBoundParameters.Count; $PSBoundParameters['s'].IsPresent }; f 1 -s -b 2",
		"s,b,a\nTrue\n2\nTrue\n"},
	{"$MyInvocation of a function",
		"function Get-Thing { [CmdletBinding()] param($x) $m = $MyInvocation; $m.MyCommand.Name; $m.MyCommand.CommandType; $m.InvocationName; $m.BoundParameters['x']; $PSCmdlet.MyInvocation.MyCommand.Name; $PSCmdlet.ParameterSetName }; get-thing 5",
		"Get-Thing\nFunction\nget-thing\n5\nGet-Thing\n__AllParameterSets\n"},
	{"parameter sets",
		"function f { [CmdletBinding(DefaultParameterSetName='ByName')] param([Parameter(ParameterSetName='ByName', Position=0)]$Name, [Parameter(ParameterSetName='ById')]$Id) $PSCmdlet.ParameterSetName }; f x; f -Id 1; f -Name a -Id 1",
		"ByName\nById\nf: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.\n"},
	{"ShouldProcess with -WhatIf, and with ConfirmImpact none",
		"function Remove-Box { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param($Id) if ($PSCmdlet.ShouldProcess($Id, 'Remove mailbox')) { \"removed $Id\" } }; Remove-Box a -WhatIf; Remove-Box b -Confirm:$false; Remove-Box c",
		// c asks, and the (empty) input ends: the host's null answer fails
		// the ShouldProcess call as pwsh's console host fails it.
		"What if: Performing the operation \"Remove mailbox\" on target \"a\".\nremoved b\n\nConfirm\nAre you sure you want to perform this action?\nPerforming the operation \"Remove mailbox\" on target \"c\".\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): MethodInvocationException: Exception calling \"ShouldProcess\" with \"2\" argument(s): \"Object reference not set to an instance of an object.\"\n"},
	{"ShouldProcess target only uses the command name",
		"function Set-Box { [CmdletBinding(SupportsShouldProcess)] param($Id) if ($PSCmdlet.ShouldProcess($Id)) { 'set' } }; Set-Box a -WhatIf; Set-Box b",
		"What if: Performing the operation \"Set-Box\" on target \"a\".\nset\n"},
	{"-WhatIf is not a parameter without SupportsShouldProcess",
		"function f { [CmdletBinding()] param() 'x' }; f -WhatIf",
		"f: A parameter cannot be found that matches parameter name 'WhatIf'.\n"},
	{"$PSCmdlet.WriteError and ThrowTerminatingError",
		"function f { [CmdletBinding()] param([switch]$Hard) try { throw 'bad' } catch { if ($Hard) { $PSCmdlet.ThrowTerminatingError($_) }; $PSCmdlet.WriteError($_) }; 'after' }; f -ErrorAction SilentlyContinue; \"[$($Error[0])]\"; try { f -Hard } catch { \"caught $_\" }",
		"after\n[bad]\ncaught bad\n"},
}

func TestParameterBinding(t *testing.T) {
	t.Parallel()
	for _, c := range paramBindingCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := block(t, c.in)
			if got != c.want {
				t.Errorf("input:\n%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

// Functions with begin/process/end, pipeline input, return, and variables
// with type constraints.
var functionCases = []struct {
	name, in, want string
}{
	{"begin process end with pipeline input",
		"function f { begin { 'b' } process { \"p$_\" } end { 'e' } }; 1,2 | f",
		"b\np1\np2\ne\n"},
	{"$input collects pipeline input for the end block",
		"function f { \"n=$(@($input).Count)\"; $input -join ',' }; 1,2,3 | f",
		"n=3\n1,2,3\n"},
	{"$input in a process block is the current object",
		"function f { process { \"[$($input -join ',')]\" } end { \"end [$($input -join ',')]\" } }; 1,2 | f",
		"[1]\n[2]\nend []\n"},
	{"filters run per object",
		"filter Double { $_ * 2 }; 1,2,3 | Double",
		"2\n4\n6\n"},
	{"ValueFromPipeline and ByPropertyName",
		"function f { param([Parameter(ValueFromPipeline)][int]$n) process { $n * 10 } }; function g { param([Parameter(ValueFromPipelineByPropertyName)][Alias('UPN')]$Name) process { \"name=$Name\" } }; 1,2 | f; [pscustomobject]@{Name='a'},[pscustomobject]@{UPN='b'} | g",
		"10\n20\nname=a\nname=b\n"},
	{"a process block without input runs once",
		"function f { process { 'once' } }; f",
		"once\n"},
	{"return with a value ends the function",
		"function f { 'before'; return 5; 'never' }; $r = f; $r -join ','",
		"before,5\n"},
	{"a typed variable keeps its constraint",
		"[int]$i = '5'; $i = '7'; $i.GetType().Name; [string[]]$s = 'a'; $s += 'b'; $s.Count; [array]$a = $null; $a += @{x=1}; $a += @{y=2}; $a.Count; $a.GetType().Name",
		"Int32\n2\n2\nObject[]\n"},
	{"[string] turns $null into an empty string",
		"[string]$s = $null; $s -eq ''; $null -eq $s; [switch]$w = $true; $w.IsPresent",
		"True\nFalse\nTrue\n"},
	{"an untyped variable does not",
		"$a = $null; $a += @{x=1}; $a += @{y=2}; $a.GetType().Name",
		"Hashtable\n"},
	{"re-assigning a constrained variable converts or fails",
		"[int]$i = 1; $i = 'x'; $i",
		"MetadataError: Cannot convert value \"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a correct format.\"\n1\n"},
	{"a new cast replaces the constraint",
		"[int]$i = 1; [string]$i = 'x'; $i; $i = 5; $i.GetType().Name",
		"x\nString\n"},
	{"exit codes",
		"function f { exit 3 }; f; 'never'",
		""},
}

func TestFunctions(t *testing.T) {
	t.Parallel()
	for _, c := range functionCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := block(t, c.in)
			if got != c.want {
				t.Errorf("input:\n%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

// Script files called from PowerShell: & and dot-sourcing, paths written
// with \, $PSScriptRoot and friends, exit, and files in UTF-16 or with a
// UTF-8 byte-order mark.
func TestScriptFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	utf16le := func(s string) []byte {
		out := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	utf16be := func(s string) []byte {
		out := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u>>8), byte(u))
		}
		return out
	}
	write("lib/info.ps1", []byte("param($Name = 'none')\n\"name=$Name root=$($PSScriptRoot -replace '^.*[\\\\/]') path=$($PSCommandPath -replace '^.*[\\\\/]')\"\n\"cmd=$($MyInvocation.MyCommand.Name) type=$($MyInvocation.MyCommand.CommandType) def=$($MyInvocation.MyCommand.Definition -replace '^.*[\\\\/]')\"\n\"caller=$($MyInvocation.ScriptName -replace '^.*[\\\\/]') line=$($MyInvocation.ScriptLineNumber)\"\n"))
	write("lib/setvar.ps1", []byte("$shared = 'from script'\nfunction Get-Helper { 'helper' }\n"))
	write("lib/quit.ps1", []byte("param($Code)\n'quitting'\nexit $Code\n'never'\n"))
	write("lib/caller.ps1", []byte("& \"$PSScriptRoot\\info.ps1\" -Name inner\n"))
	write("lib/unicode16le.ps1", utf16le("'caf\u00e9 \u2713 le'\n"))
	write("lib/unicode16be.ps1", utf16be("'caf\u00e9 \u2713 be'\n"))
	write("lib/bom8.ps1", append([]byte{0xEF, 0xBB, 0xBF}, []byte("'caf\u00e9 bom'\n")...))
	write("lib/helpers.ps1", []byte("$loadedFrom = $PSScriptRoot -replace '^.*[\\\\/]'\nfunction Get-HelperRoot { $PSScriptRoot -replace '^.*[\\\\/]' }\n"))
	write("main/main.ps1", []byte(". \"$PSScriptRoot/../lib/helpers.ps1\"\n\"main=$($PSScriptRoot -replace '^.*[\\\\/]') loaded=$loadedFrom helper=$(Get-HelperRoot)\"\n"))
	write("lib/exitbegin.ps1", []byte("begin { 'b'; exit 2 }\nprocess { 'p' }\nend { 'e' }\n"))
	write("lib/begin.ps1", []byte("param([Parameter(ValueFromPipeline)]$In)\nbegin { 'start' }\nprocess { \"got $In\" }\nend { 'done' }\n"))
	cases := []struct{ name, in, want string }{
		{"& with a path, parameters and automatic variables",
			"& '{dir}/lib/info.ps1' -Name x",
			"name=x root=lib path=info.ps1\ncmd=info.ps1 type=ExternalScript def=info.ps1\ncaller= line=1\n"},
		{"a script calls a sibling through $PSScriptRoot with backslashes",
			"& '{dir}\\lib\\caller.ps1'",
			"name=inner root=lib path=info.ps1\ncmd=info.ps1 type=ExternalScript def=info.ps1\ncaller=caller.ps1 line=1\n"},
		{"& runs in its own scope, dot-sourcing in the caller's",
			"& '{dir}/lib/setvar.ps1'; \"[$shared]\"; . '{dir}/lib/setvar.ps1'; \"[$shared]\"; Get-Helper",
			"[]\n[from script]\nhelper\n"},
		{"exit ends only the called script and sets $LASTEXITCODE and $?",
			"& '{dir}/lib/quit.ps1' 5; \"code=$LASTEXITCODE ok=$?\"; & '{dir}/lib/quit.ps1' 0; \"code=$LASTEXITCODE ok=$?\"; . '{dir}/lib/quit.ps1' -1; \"dotted code=$LASTEXITCODE\"",
			"quitting\ncode=5 ok=False\nquitting\ncode=0 ok=True\nquitting\ndotted code=-1\n"},
		{"a script's begin, process and end blocks take pipeline input",
			"1,2 | & '{dir}/lib/begin.ps1'",
			"start\ngot 1\ngot 2\ndone\n"},
		{"a function keeps the folder of the file it was written in",
			"& '{dir}/main/main.ps1'",
			"main=main loaded=lib helper=lib\n"},
		{"exit in a begin block skips the script's other blocks",
			"1,2 | & '{dir}/lib/exitbegin.ps1'; \"code=$LASTEXITCODE\"",
			"b\ncode=2\n"},
		{"UTF-16 little endian", "& '{dir}/lib/unicode16le.ps1'", "caf\u00e9 \u2713 le\n"},
		{"UTF-16 big endian", "& '{dir}/lib/unicode16be.ps1'", "caf\u00e9 \u2713 be\n"},
		{"UTF-8 with a byte-order mark", "& '{dir}/lib/bom8.ps1'", "caf\u00e9 bom\n"},
		{"a missing script", "& '{dir}/lib/nope.ps1'",
			"{dir}/lib/nope.ps1: The term '{dir}/lib/nope.ps1' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := strings.ReplaceAll(c.in, "{dir}", dir)
			want := strings.ReplaceAll(c.want, "{dir}", dir)
			got := blockIn(t, dir, in)
			if got != want {
				t.Errorf("input:\n%s\n got: %q\nwant: %q", in, got, want)
			}
		})
	}
}

// Set-StrictMode with the errors of each version, scoped like PowerShell's.
var strictModeCases = []struct {
	name, in, want string
}{
	{"an unset variable",
		"Set-StrictMode -Version Latest; $nosuch; 'next statement runs'",
		"InvalidOperation: The variable '$nosuch' cannot be retrieved because it has not been set.\nnext statement runs\n"},
	{"version 1 allows unset variables in strings, version 2 does not",
		"Set-StrictMode -Version 1.0; \"[$nosuch]\"; Set-StrictMode -Version 2.0; \"[$nosuch]\"",
		"[]\nInvalidOperation: The variable '$nosuch' cannot be retrieved because it has not been set.\n"},
	{"automatic and environment variables stay readable",
		"Set-StrictMode -Version Latest; $env:EXOSIM_SURELY_UNSET; $_; $null; 'ok'",
		"ok\n"},
	{"a missing property, a missing key, .Count on a scalar",
		"Set-StrictMode -Version Latest; $o = [pscustomobject]@{Name='a'}; $o.Name; $o.Nope; $h = @{k=1}; $h.k; $h.Count; $h.z; (1,2).Count; $one = 5; $one.Count",
		"a\nPropertyNotFoundException: The property 'Nope' cannot be found on this object. Verify that the property exists.\n1\n1\nPropertyNotFoundException: The property 'z' cannot be found on this object. Verify that the property exists.\n2\nPropertyNotFoundException: The property 'Count' cannot be found on this object. Verify that the property exists.\n"},
	{"member enumeration needs the property on every element",
		"Set-StrictMode -Version 2; $l = [pscustomobject]@{N=1}, [pscustomobject]@{N=2}; $l.N -join ','; $m = [pscustomobject]@{N=1}, [pscustomobject]@{M=2}; $m.N",
		"1,2\nPropertyNotFoundException: The property 'N' cannot be found on this object. Verify that the property exists.\n"},
	{"out-of-bounds index only from version 3",
		"$a = 1,2; Set-StrictMode -Version 2; $a[5]; 'quiet'; Set-StrictMode -Version Latest; $a[-1]; $a[5]; 'abc'[7]",
		"quiet\n2\nOperationStopped: Index was outside the bounds of the array.\nOperationStopped: Index was outside the bounds of the array.\n"},
	{"calling a function like a method",
		"function f($a, $b) { \"a=$a b=$b\" }; f(1,2); Set-StrictMode -Version 2; f(1,2); f (1,2); f 1 2",
		"a=1 2 b=\nInvalidOperation: The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.\na=1 2 b=\na=1 b=2\n"},
	{"-Off, and strict mode set in a function ends with it",
		"function g { Set-StrictMode -Version Latest; $inner }; g; $outer; Set-StrictMode -Version Latest; Set-StrictMode -Off; $x; 'off'",
		"InvalidOperation: The variable '$inner' cannot be retrieved because it has not been set.\noff\n"},
	{"invalid versions",
		"Set-StrictMode -Version 9.0; Set-StrictMode",
		"Set-StrictMode: Cannot validate argument on parameter 'Version'. The \"9.0\" argument does not contain a valid PowerShell version. Supply a valid version number and then try the command again.\n\ncmdlet Set-StrictMode at command pipeline position 1\nSupply values for the following parameters:\nVersion: \nSet-StrictMode: Cannot process command because of one or more missing mandatory parameters: Version.\n"},
}

func TestStrictMode(t *testing.T) {
	t.Parallel()
	for _, c := range strictModeCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := block(t, c.in)
			if got != c.want {
				t.Errorf("input:\n%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

// A missing mandatory parameter on a console is asked for, named after the
// function or script, with "!?" showing its help message.
func TestMandatoryPrompt(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader("!?\nann\n7\n"), Out: &buf, Err: &buf, Width: 120, StdinTTY: true}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	rt.Run(syntax.NewSource("", "function Get-Report { param([Parameter(Mandatory, HelpMessage='Mailbox to report on')][string]$Identity, [Parameter(Mandatory)][int]$Days) \"$Identity $($Days * 2)\" }; Get-Report"), runtime.RunOptions{})
	want := "\ncmdlet Get-Report at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nIdentity: Mailbox to report on\nIdentity: Days: ann 14\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A script function's declaration, as Get-Command, Get-Help and completion
// see it: ValidateSet values, aliases, mandatory and positions.
func TestFunctionDeclaration(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt.Run(syntax.NewSource("", "function Set-Level { [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory)][ValidateSet('Low','High')][string]$Level, [Alias('Id')]$Identity, [switch]$Force) }"), runtime.RunOptions{})
	f := rt.Functions()["set-level"]
	if f == nil {
		t.Fatal("function not defined")
	}
	c := rt.FunctionCommand(f)
	if !c.SupportsShouldProcess {
		t.Error("SupportsShouldProcess not declared")
	}
	lvl := c.Param("Level")
	if lvl == nil || strings.Join(lvl.Type.Values, ",") != "Low,High" || lvl.Type.FullName != "System.String" || !lvl.Sets[0].Mandatory || lvl.Sets[0].Position != 0 {
		t.Errorf("Level declared as %+v", lvl)
	}
	if id := c.Param("Identity"); id == nil || strings.Join(id.Aliases, ",") != "Id" || id.Sets[0].Position != 1 {
		t.Errorf("Identity declared as %+v", id)
	}
	if fo := c.Param("Force"); fo == nil || !fo.IsSwitch() || fo.Sets[0].Position != -1 {
		t.Errorf("Force declared as %+v", fo)
	}
}

func TestScriptRootOfPaths(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	for _, c := range []struct{ path, root string }{
		{`C:\Scripts\report.ps1`, `C:\Scripts`},
		{`C:\report.ps1`, `C:\`},
		{"/srv/rb/report.ps1", "/srv/rb"},
		{"/report.ps1", "/"},
	} {
		buf.Reset()
		rt.Run(syntax.NewSource(c.path, "$PSScriptRoot; $MyInvocation.MyCommand.Name"), runtime.RunOptions{Script: true})
		if want := c.root + "\nreport.ps1\n"; buf.String() != want {
			t.Errorf("%s: got %q want %q", c.path, buf.String(), want)
		}
	}
}
