package runtime_test

import (
	"strings"
	"testing"
)

// Golden cases of the output reference, typed as PowerShell (console width
// 120). A leading \x00 runs the input as one pasted block.
var outputGolden = []struct {
	name, in, want string
}{
	{"1 two properties", "[pscustomobject]@{Name='Alice'; Count=5}", "\nName  Count\n----  -----\nAlice     5\n\n"},
	{"2 implicit autosize", "[pscustomobject]@{abc='1234';bcd='123'}, [pscustomobject]@{abc='1';bcd='1234'} | Format-Table", "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n"},
	{"3a header alignment", "[PSCustomObject]@{a='abc'; b=123} | Format-Table", "\na     b\n-     -\nabc 123\n\n"},
	{"3b header alignment", "[PSCustomObject]@{a=123; b='abc'} | Format-Table", "\n  a b\n  - -\n123 abc\n\n"},
	{"4 five properties list", "[pscustomobject]@{Name='Alice'; Alias='alice'; Database='DB01'; ProhibitSendQuota='49.5 GB (53,150,220,288 bytes)'; Enabled=$true}", "\nName              : Alice\nAlias             : alice\nDatabase          : DB01\nProhibitSendQuota : 49.5 GB (53,150,220,288 bytes)\nEnabled           : True\n\n"},
	{"5 format-list out-string", "$in = New-Object PSObject; Add-Member -InputObject $in NoteProperty testName testValue\n$in | Format-List | Out-String", "\ntestName : testValue\n\n\n"},
	{"6 list with null", "[pscustomobject]@{Name='Alice'; Forward=$null}, [pscustomobject]@{Name='Bob';   Forward='carol@contoso.com'} | Format-List", "\nName    : Alice\nForward : \n\nName    : Bob\nForward : carol@contoso.com\n\n"},
	{"7 autosize booleans", "$o = [pscustomobject]@{Subject='Quarterly results'; IsRevocable=$true}, [pscustomobject]@{Subject='Lunch'; IsRevocable=$false}\n$o | Format-Table -AutoSize Subject, IsRevocable", "\nSubject           IsRevocable\n-------           -----------\nQuarterly results        True\nLunch                   False\n\n"},
	{"8 truncation", "[pscustomobject]@{Name='Alice'; Notes='This is a very long note that will not fit in the console'} | Format-Table | Out-String -Width 40", "\nName  Notes\n----  -----\nAlice This is a very long note that wil\u2026\n\n\n"},
	{"9 wrap", "[pscustomobject]@{Name='Alice'; Notes='This is a very long note that will not fit in the console'} | Format-Table -Wrap | Out-String -Width 40", "\nName  Notes\n----  -----\nAlice This is a very long note that\n      will not fit in the console\n\n\n"},
	{"10 wrap newlines", "[pscustomobject]@{A=1; B=2; Name=\"This`nIs some random`nmultiline content\"} | Format-Table -Wrap", "\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n\n"},
	{"11 hide headers", "[pscustomobject]@{a=1; b=2} | Format-Table -HideTableHeaders | Out-String", "\n1 2\n\n\n"},
	{"12 hashtable", "@{Mailbox='alice@contoso.com'}", "\nName                           Value\n----                           -----\nMailbox                        alice@contoso.com\n\n"},
	{"13 groupby", "$u = [pscustomobject]@{Name='Alice'; Dept='Sales'}, [pscustomobject]@{Name='Bob';   Dept='Sales'}, [pscustomobject]@{Name='Carol'; Dept='IT'}\n$u | Format-Table -GroupBy Dept -Property Name", "\n   Dept: Sales\n\nName\n----\nAlice\nBob\n\n   Dept: IT\n\nName\n----\nCarol\n\n"},
	{"14 enumeration limit", "$g = [pscustomobject]@{Name='Team'; Members=@('ann','bob','cy','dee','eve')}\n$g\n$FormatEnumerationLimit = -1; $g", "\nName Members\n---- -------\nTeam {ann, bob, cy, dee\u2026}\n\n\nName Members\n---- -------\nTeam {ann, bob, cy, dee, eve}\n\n"},
	{"15 calculated double", "$m = [pscustomobject]@{Name='Alice'; Bytes=54945587}, [pscustomobject]@{Name='Bob'; Bytes=7340032}\n$m | Format-Table Name, @{n='SizeMB'; e={[math]::Round($_.Bytes/1MB,1)}}\n$m | Format-List  Name, @{n='SizeMB'; e={[math]::Round($_.Bytes/1MB,1)}}", "\nName  SizeMB\n----  ------\nAlice  52.40\nBob     7.00\n\n\nName   : Alice\nSizeMB : 52.4\n\nName   : Bob\nSizeMB : 7\n\n"},
	{"16 wildcard and missing", "$q = [pscustomobject]@{Name='Alice'; IssueWarningQuota='49 GB'; ProhibitSendQuota='49.5 GB'; ProhibitSendReceiveQuota='50 GB'}\n$q | Format-Table Name, *Send*\n$q | Format-Table Name, Foo\n$q | Format-List  Name, Foo", "\nName  ProhibitSendQuota ProhibitSendReceiveQuota\n----  ----------------- ------------------------\nAlice 49.5 GB           50 GB\n\n\nName  Foo\n----  ---\nAlice \n\n\nName : Alice\n\n"},
	{"17a scalar then object", "'hello'; [pscustomobject]@{a=1}", "hello\n\na\n-\n1\n\n"},
	{"17b object then scalar", "[pscustomobject]@{a=1}; 'hello'", "\na\n-\n1\nhello\n\n"},
	{"18 different properties", "[pscustomobject]@{Name='Alice'}; [pscustomobject]@{Title='CEO'}", "\nName\n----\nAlice\n\n\n"},
	{"19 select first", "$mbx = [pscustomobject]@{Name='Alice';Alias='alice';Database='DB01';Office='HQ';Title='CEO'}, [pscustomobject]@{Name='Bob';Alias='bob';Database='DB02';Office='HQ';Title='CFO'}, [pscustomobject]@{Name='Carol';Alias='carol';Database='DB01';Office='NY';Title='CTO'}\n$mbx | Select-Object -First 2 Name, Alias", "\nName  Alias\n----  -----\nAlice alice\nBob   bob\n\n"},
	{"20 expandproperty", "[pscustomobject]@{Name='Alice'; EmailAddresses=@('SMTP:alice@contoso.com','smtp:a@contoso.onmicrosoft.com')} | Select-Object -ExpandProperty EmailAddresses", "SMTP:alice@contoso.com\nsmtp:a@contoso.onmicrosoft.com\n"},
	{"21a date in table", "[pscustomobject]@{Name='Alice'; WhenCreated=[datetime]'2022-06-16T01:19:04'}", "\nName  WhenCreated\n----  -----------\nAlice 6/16/2022 1:19:04 AM\n\n"},
	{"21b date", "[datetime]'2022-06-16T01:19:04'", "\nThursday, June 16, 2022 1:19:04 AM\n\n"},
	{"22 floats", "$o = [PSCustomObject]@{double=[double]1234.56789; float=[float]9876.54321; decimal=[decimal]4567.123456789}\n$o | Format-Table\n$o | Format-List", "\n double   float decimal\n ------   ----- -------\n1234.57 9876.54 4567.12\n\n\ndouble  : 1234.56789\nfloat   : 9876.543\ndecimal : 4567.123456789\n\n"},
	{"24a throw", "throw 'oops'", "Exception: oops\n"},
	{"24b write-error", "Write-Error 'boom'", "Write-Error: boom\n"},
	{"26 whatif", "function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Identity) if ($PSCmdlet.ShouldProcess($Identity)) { 'removed' } }\nRemove-Thing -Identity alice -WhatIf", "What if: Performing the operation \"Remove-Thing\" on target \"alice\".\n"},
	{"28 write-host vs write-output", "Write-Host 'a','b' -Separator ', '\nWrite-Host @{a=1}\nWrite-Output @{a=1}\n$x = Write-Host 'hi'; $null -eq $x", "a, b\nSystem.Collections.DictionaryEntry\n\nName                           Value\n----                           -----\na                              1\n\nhi\nTrue\n"},
	{"29 host output while buffered", "1..2 | ForEach-Object { Write-Host \"Processing $_\"; [pscustomobject]@{Id=$_} }", "Processing 1\n\nProcessing 2\nId\n--\n 1\n 2\n\n"},
	{"30 error between rows", "function Get-Thing { [CmdletBinding()] param($Identity) if ($Identity -eq 'nobody') { Write-Error \"Couldn't find object \"\"$Identity\"\".\" } else { [pscustomobject]@{Name=$Identity; Alias=$Identity} } }\n'alice','nobody','bob' | ForEach-Object { Get-Thing -Identity $_ }", "\nName  Alias\n----  -----\nalice alice\nGet-Thing: Couldn't find object \"nobody\".\nbob   bob\n\n"},
	{"31 group-object", "$r = [pscustomobject]@{Name='Alice';Type='UserMailbox'},[pscustomobject]@{Name='Bob';Type='UserMailbox'}, [pscustomobject]@{Name='Help Desk';Type='SharedMailbox'}\n$r | Group-Object Type", "\nCount Name                      Group\n----- ----                      -----\n    1 SharedMailbox             {@{Name=Help Desk; Type=SharedMailbox}}\n    2 UserMailbox               {@{Name=Alice; Type=UserMailbox}, @{Name=Bob; Type=UserMailbox}}\n\n"},
	{"32 measure-object", "1..3 | Measure-Object", "\nCount             : 3\nAverage           : \nSum               : \nMaximum           : \nMinimum           : \nStandardDeviation : \nProperty          : \n\n"},
	{"33 get-member", "[pscustomobject]@{Name='Alice'} | Get-Member", "\n   TypeName: System.Management.Automation.PSCustomObject\n\nName        MemberType   Definition\n----        ----------   ----------\nEquals      Method       bool Equals(System.Object obj)\nGetHashCode Method       int GetHashCode()\nGetType     Method       type GetType()\nToString    Method       string ToString()\nName        NoteProperty string Name=Alice\n\n"},
}

func TestOutputGoldenCases(t *testing.T) {
	for _, c := range outputGolden {
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
