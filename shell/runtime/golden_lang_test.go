package runtime_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// session runs input the way the REPL does: each complete command line is
// one Run (one Out-Default); stdout and stderr share one buffer, as on a
// console.
func session(t *testing.T, input string) string {
	t.Helper()
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	var pending string
	for _, line := range strings.Split(input, "\n") {
		if pending == "" {
			pending = line
		} else {
			pending += "\n" + line
		}
		_, errs := parser.Parse(syntax.NewSource("", pending))
		if errs != nil && errs.Incomplete() {
			continue
		}
		if strings.TrimSpace(pending) != "" {
			rt.Run(syntax.NewSource("", pending), runtime.RunOptions{})
		}
		pending = ""
	}
	if strings.TrimSpace(pending) != "" {
		rt.Run(syntax.NewSource("", pending), runtime.RunOptions{})
	}
	return buf.String()
}

// block runs input as one pasted command line.
func block(t *testing.T, input string) string {
	t.Helper()
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	rt.Run(syntax.NewSource("", input), runtime.RunOptions{})
	return buf.String()
}

// Golden cases of the language reference (PowerShell 7.4).
var languageGolden = []struct {
	name, in, want string
}{
	{"comments and backtick", "$a = 1 + `\n     2   <# inline #>  # trailing comment\n$a", "3\n"},
	{"quotes", "$name = 'Alice'\n'Hello $name'\n\"Hello $name\"\n\"It's \"\"quoted\"\" and `$escaped\"\n'It''s'", "Hello $name\nHello Alice\nIt's \"quoted\" and $escaped\nIt's\n"},
	{"only the variable expands", "$u = [pscustomobject]@{Name='Alice'; Count=3}\n\"User: $u.Name\"\n\"User: $($u.Name) has $($u.Count * 2) items\"", "User: @{Name=Alice; Count=3}.Name\nUser: Alice has 6 items\n"},
	{"here-string", "$x = 5\n@\"\nValue: $x\n  Indented\n\"@", "Value: 5\n  Indented\n"},
	{"numbers", "1KB; 1MB; 1.5GB; 0x10; 7/2; 6/2; [int]2.5; [int]3.5; 10 % 3; 1e3", "1024\n1048576\n1610612736\n16\n3.5\n3\n2\n4\n1\n1000\n"},
	{"left operand decides", "'1' + 2; 1 + '2'; '10' -gt 9; 10 -gt '9'; 'ab' * 3; $true -eq 'false'", "12\n3\nFalse\nTrue\nababab\nTrue\n"},
	{"-eq on arrays filters", "$a = 1,2,3,2\n$a -eq 2\n($a -eq 5).Count\n$a -contains '3'\n'B' -in 'a','b','c'\n$null -eq $a", "2\n2\n0\nTrue\nTrue\nFalse\n"},
	{"case sensitivity", "'Exchange' -eq 'EXCHANGE'; 'Exchange' -ceq 'EXCHANGE'; 'Exchange' -like 'ex*'; 'Exchange' -clike 'ex*'\n'Contoso'.Contains('con'); 'Contoso' -match 'con'", "True\nFalse\nTrue\nFalse\nFalse\nTrue\n"},
	{"-match and $Matches", "if ('alice@contoso.com' -match '^(?<user>[^@]+)@(.+)$') { $Matches.user; $Matches[1]; $Matches.Count }", "alice\ncontoso.com\n3\n"},
	{"replace split join f", "'alice@contoso.com' -replace '@contoso\\.com$', '@fabrikam.com'\n'a,b;c' -split '[,;]'\n(1,2,3) -join ', '\n'{0} has {1:N0} items' -f 'Alice', 12345", "alice@fabrikam.com\na\nb\nc\n1, 2, 3\nAlice has 12,345 items\n"},
	{"hashtable", "$h = [ordered]@{Name='Alice'; Dept='Sales'}\n$h.Name; $h['dept']; $h.Count\n$h", "Alice\nSales\n2\n\nName                           Value\n----                           -----\nName                           Alice\nDept                           Sales\n\n"},
	{"member enumeration", "$mb = [pscustomobject]@{Name='Alice';Size=10}, [pscustomobject]@{Name='Bob';Size=20}\n$mb.Name\n$mb.Count\n($mb | Measure-Object -Property Size -Sum).Sum", "Alice\nBob\n2\n30\n"},
	{"count on scalars", "$one = 'x'; $none = $null\nfunction Get-Nothing { }\n$one.Count; $none.Count; @($none).Count; @(Get-Nothing).Count; 'hello'.Length", "1\n0\n1\n0\n5\n"},
	{"dates", "$d = [datetime]'2024-03-15 14:30'\n$d.AddDays(30).ToString('yyyy-MM-dd')\n\"$d\"\n$d.DayOfWeek\n([datetime]'2024-12-25' - [datetime]'2024-12-01').Days", "2024-04-14\n03/15/2024 14:30:00\nFriday\n24\n"},
	{"casts", "[int]'42' + 1; [string]42 + 1; [bool]'False'; [bool]0; [guid]'5d7f3a9e-1c2b-4e8f-9a6d-0b1c2d3e4f50'", "43\n421\nTrue\nFalse\n\nGuid\n----\n5d7f3a9e-1c2b-4e8f-9a6d-0b1c2d3e4f50\n\n"},
	{"narrow integer casts refuse overflow", "try { [byte]300 } catch { $_.Exception.Message }\n[byte]255; [int16]-32768\ntry { [long]'9223372036854775808' } catch { $_.Exception.Message }", "Cannot convert value \"300\" to type \"System.Byte\". Error: \"Value was either too large or too small for an unsigned byte.\"\n255\n-32768\nCannot convert value \"9223372036854775808\" to type \"System.Int64\". Error: \"Value was either too large or too small for an Int64.\"\n"},
	{"truthiness", "$q = @()\nif ($q) { 'non-empty' } elseif ($null -eq $q) { 'null' } else { 'empty' }\nif (@(0)) { 'yes' } else { 'no' }\nif ('False') { 'string is true' }", "empty\nno\nstring is true\n"},
	{"switch", "$status = 'Disabled'\nswitch ($status) { 'Enabled' { 'on' } 'disabled' { 'off' } default { 'unknown' } }\nswitch -Wildcard ('user@contoso.com') { '*@contoso.com' { 'internal' } '*' { 'any' } }\nswitch (1,2,3) { 2 { 'two' } default { \"other $_\" } }", "off\ninternal\nany\nother 1\ntwo\nother 3\n"},
	{"foreach", "$total = 0\nforeach ($n in 1..3) { $total += $n }\n$total\n1..3 | ForEach-Object { $_ * 10 }\n1..3 | % -Begin { 'start' } -Process { $_ } -End { 'end' }", "6\n10\n20\n30\nstart\n1\n2\n3\nend\n"},
	{"where forms", "$u = [pscustomobject]@{Name='A';DisconnectReason='Disabled'},\n     [pscustomobject]@{Name='B';DisconnectReason=$null},\n     [pscustomobject]@{Name='C';DisconnectReason='SoftDeleted'}\n$u | Where-Object DisconnectReason -eq 'disabled' | ForEach-Object Name\n$u | Where-Object { $_.DisconnectReason } | ForEach-Object Name\n$u | ? DisconnectReason -like 'Soft*' | % Name", "A\nA\nC\nC\n"},
	{"try catch finally", "try { throw 'Mailbox not found' } catch { \"Caught: $($_.Exception.Message)\" } finally { 'cleanup' }", "Caught: Mailbox not found\ncleanup\n"},
	{"non-terminating not caught", "try { Write-Error 'soft'; 'after' } catch { 'caught' }\ntry { Write-Error 'hard' -ErrorAction Stop; 'after' } catch { \"caught: $_\" }", "Write-Error: soft\nafter\ncaught: hard\n"},
	{"functions", "function Get-Greeting {\n  param([Parameter(Mandatory)][string]$Name, [int]$Times = 1, [switch]$Loud)\n  $g = \"Hello, $Name\"\n  if ($Loud) { $g = $g.ToUpper() }\n  1..$Times | ForEach-Object { $g }\n}\nGet-Greeting -Name Alice\nGet-Greeting Bob -T 2 -Loud", "Hello, Alice\nHELLO, BOB\nHELLO, BOB\n"},
	{"binding errors", "function Set-Thing { [CmdletBinding()] param($Identity, $DisplayName, $Department) \"ok\" }\nSet-Thing -Idnetity x\nSet-Thing -D x\nSet-Thing a b c d\nSet-Thing -Identity", "Set-Thing: A parameter cannot be found that matches parameter name 'Idnetity'.\nSet-Thing: Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DisplayName -Department -Debug.\nSet-Thing: A positional parameter cannot be found that accepts argument 'd'.\nSet-Thing: Missing an argument for parameter 'Identity'. Specify a parameter of type 'System.Object' and try again.\n"},
	{"streaming order", "1..2 | ForEach-Object { Write-Host \"A$_\"; $_ } | ForEach-Object { Write-Host \"B$_\" }", "A1\nB1\nA2\nB2\n"},
	{"scopes", "$count = 0\n1..3 | ForEach-Object { $count++ }\n& { $count = 100 }\nfunction Bump { $count = $count + 1; $count }\nBump\n$count", "4\n3\n"},
	{"env: names the environment's variables, even null and true", "$env:null = 'n'; $env:true = 't'\n\"$env:null $env:true\"", "n t\n"},
	{"private and AllScope variables", "$private:p = 'mine'\n& { \"[$p]\" }\nNew-Variable a 1 -Option AllScope\n& { $a = 2 }\n$a\nNew-Variable q 1 -Option Private\nfunction f { \"[$q]\" }\nf\n$p; $q", "[]\n2\n[]\nmine\n1\n"},
	{"variable options after creation", "New-Variable c 1\nSet-Variable c 2 -Option Constant\n$c = 3; $c\nNew-Variable r 1 -Option ReadOnly\nNew-Variable r 2 -Force\n$r = 4; $r", "Set-Variable: Existing variable c cannot be made constant. Variables can be made constant only at creation time.\n3\n4\n"},
	{"variable options as Get-Variable shows them", "New-Variable a 1 -Option ReadOnly,AllScope\nNew-Variable k 2 -Option Constant\n(Get-Variable a).Options\n(Get-Item Variable:k).Options\n(Get-Variable PID).Options", "ReadOnly, AllScope\nConstant\nConstant, AllScope\n"},
	{"postfix ++ and -- after spaces", "$n = 5; $n ++; $n --; $n --; $n\n$m = $n ++; \"$m $n\"\nfor ($i = 0; $i -lt 2; $i ++) { $i }\n$a = 2; $a ++ 3", "4\n4 5\n0\n1\nParserError: \nLine |\n   1 |  $a = 2; $a ++ 3\n     |                ~\n     | Unexpected token '3' in expression or statement.\n\n"},
	{"a member name may follow the dot after blanks", "$s = [pscustomobject]@{Url='u'; 'Is Deleted'=$true}\n$s. Url\n$s. 'Is Deleted'\n'x'. ToUpper()\nWrite-Output $s.Url. next", "u\nTrue\nX\nu\n.\nnext\n"},
	{"a position several sets share goes to the default set's parameter first", "function f { [CmdletBinding(DefaultParameterSetName='B')] param([Parameter(ParameterSetName='A', Position=0)][string]$Name, [Parameter(ParameterSetName='B', Position=0)][string]$Code, [Parameter(ParameterSetName='C', Position=0)][int]$Id) \"$($PSCmdlet.ParameterSetName) $Name$Code$Id\" }\nf x", "B x0\n"},
	{"Write-Warning, Write-Verbose and Write-Debug take an empty message", "Write-Warning ''\nWrite-Verbose '' -Verbose\nWrite-Debug '' -Debug", "WARNING: \nVERBOSE: \nDEBUG: \n"},
	{"[PSTypeName()] takes only an object that lists the type name", "function f { param([PSTypeName('Foo.Bar')][PSCustomObject]$User) \"ok $($User.N)\" }\n$o = [pscustomobject]@{N=1}; $o.PSObject.TypeNames.Insert(0, 'Foo.Bar')\nf $o\nf ([pscustomobject]@{N=2})", "ok 1\nf: Cannot bind argument to parameter 'User', because PSTypeNames of the argument do not match the PSTypeName required by the parameter: Foo.Bar.\n"},
	{"automatic AllScope variables are held by every scope", "function f { (Get-Variable true -Scope 0).Value; (Get-Variable PID -Scope 0).Options; (Get-Variable HOME -Scope 0).Options; try { $IsLinux = 1 } catch { $_.Exception.Message } }\nf\n$ShellId", "True\nConstant, AllScope\nReadOnly, AllScope\nCannot overwrite variable IsLinux because it is read-only or constant.\nMicrosoft.PowerShell\n"},
	{"-Scope of the variable cmdlets", "$zq1 = 'g'\nfunction f { $zq1 = 'f'; Set-Variable zq2 'up' -Scope 1; (Get-Variable zq1 -Scope 1).Value; (Get-Variable zq1 -Scope 0).Value; Get-Variable zq* -Scope global -Exclude zq2 -ValueOnly; Get-Variable zq* -Include *2 -ValueOnly }\nf\n$zq2\nSet-Variable x 1 -Scope 9", "g\nf\ng\nup\nup\nSet-Variable: The scope number '9' exceeds the number of active scopes. (Parameter 'Scope')\nActual value was 9.\n"},
	{"Clear-Variable and Remove-Variable with -Scope, wildcards and -Force", "$zz1 = 1; $zz2 = 2; $zz3 = 3\nfunction f { $zz1 = 'local'; Clear-Variable zz1 -Scope 1; Remove-Variable zz* -Exclude zz1 -Scope global }\nf\n\"[$zz1][$zz2][$zz3]\"\n(Get-Variable zz*).Name\nNew-Variable ro 5 -Option ReadOnly\nClear-Variable ro\n$ro\nClear-Variable ro -Force\n\"[$ro]\"", "[][][]\nzz1\nClear-Variable: Cannot overwrite variable ro because it is read-only or constant.\n5\n[]\n"},
	{"-Option names", "New-Variable u 1 -Option Unspecified\n$u\nNew-Variable w 1 -Option Bogus\n\"[$w]\"", "1\nNew-Variable: Cannot bind parameter 'Option'. Cannot convert value \"Bogus\" to type \"System.Management.Automation.ScopedItemOptions\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, ReadOnly, Constant, Private, AllScope, Unspecified\"\n[]\n"},
	{"bool parameters reject strings", "function Set-Flag { param([bool]$Enabled) \"Enabled=$Enabled\" }\nSet-Flag -Enabled $true\nSet-Flag -Enabled 0\nSet-Flag -Enabled True", "Enabled=True\nEnabled=False\nSet-Flag: Cannot process argument transformation on parameter 'Enabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.\n"},
	{"switch colon vs space", "function Test-Sw { param([switch]$Force, $Rest) \"Force=$Force Rest=$Rest\" }\nTest-Sw -Force:$false\nTest-Sw -Force $false", "Force=False Rest=\nForce=True Rest=False\n"},
	{"splatting add remove", "function Set-Addr { param($Identity, $EmailAddresses) \"$Identity -> add $($EmailAddresses.Add); remove $($EmailAddresses.Remove)\" }\n$p = @{ Identity = 'alice'; EmailAddresses = @{Add='smtp:a2@contoso.com'; Remove='smtp:old@contoso.com'} }\nSet-Addr @p", "alice -> add smtp:a2@contoso.com; remove smtp:old@contoso.com\n"},
	{"$() or (commands) that write nothing write nothing as a statement", "function none { }\n$e = @()\n@($()).Count; @($(none)).Count; @((none)).Count; @($($e | Where-Object { $true })).Count; @($($null)).Count; @(($null)).Count; @($(,(1,2))).Count\n$x = $(none); $null -eq $x", "0\n0\n0\n0\n1\n1\n2\nTrue\n"},
	{"arrays and unrolling", "$arr = @('a'); $arr += 'b'\n$arr.Count; $arr[-1]; $arr[5]\nfunction Get-One { return ,@('x') }\n(Get-One).GetType().Name\n(@(1,2) + 3) -join '|'", "2\nb\nObject[]\n1|2|3\n"},
	{"errorvariable outvariable", "function Get-Thing { [CmdletBinding()] param($Identity)\n  if ($Identity -eq 'nobody') { Write-Error \"Couldn't find object \"\"$Identity\"\".\" }\n  else { [pscustomobject]@{Name=$Identity} } }\nGet-Thing nobody -ErrorAction SilentlyContinue -ErrorVariable ev\n$?\n$ev.Count\n\"$($ev[0])\"\nGet-Thing alice -OutVariable ov | Out-Null\n$ov.Name", "True\n1\nCouldn't find object \"nobody\".\nalice\n"},
	{"unknown command", "Get-Mailboxx", "Get-Mailboxx: The term 'Get-Mailboxx' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"},
	{"unknown name to a remaining-arguments cmdlet is a value", "Write-Output x -Foo y\nWrite-Host a -Bar", "x\n-Foo\ny\na -Bar\n"},
	{"missing mandatory at the end of redirected input", "function Get-Greeting { param([Parameter(Mandatory)][string]$Name) $Name }\nGet-Greeting", "\ncmdlet Get-Greeting at command pipeline position 1\nSupply values for the following parameters:\nName: \nGet-Greeting: Cannot process command because of one or more missing mandatory parameters: Name.\n"},
	{"get-command", "Get-Command Get-Date", "\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nCmdlet          Get-Date                                           7.0.0.0    Microsoft.PowerShell.Utility\n\n"},
	{"leading pipe continuation (pasted as one block)", "\x001..5 |\n    # keep the odd ones\n    Where-Object { $_ % 2 }\n    | ForEach-Object { $_ * 10 }", "10\n30\n50\n"},
}

func TestLanguageGoldenCases(t *testing.T) {
	for _, c := range languageGolden {
		t.Run(c.name, func(t *testing.T) {
			var got string
			if strings.HasPrefix(c.in, "\x00") {
				got = block(t, c.in[1:])
			} else {
				got = session(t, c.in)
			}
			if got != c.want {
				t.Errorf("input:\n%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}
