package core_test

import (
	"strings"
	"testing"
)

func TestCsv(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "convertto quotes every field",
			script: `[pscustomobject]@{ Name = 'a"b'; Size = 1; None = $null; List = 1, 2 } | ConvertTo-Csv`,
			out:    lines(`"Name","Size","None","List"`, `"a""b","1",,"System.Object[]"`)},
		{name: "first object's columns",
			script: `[pscustomobject]@{ a = 1; b = 2 }, [pscustomobject]@{ b = 3; c = 4 } | ConvertTo-Csv -UseQuotes AsNeeded`,
			out:    lines("a,b", "1,2", ",3")},
		{name: "quote fields and delimiter",
			script: `[pscustomobject]@{ a = 'x;y'; b = 'z' } | ConvertTo-Csv -Delimiter ';' -QuoteFields b`,
			out:    lines(`a;"b"`, `x;y;"z"`)},
		{name: "as needed quotes the delimiter and quotes",
			script: `[pscustomobject]@{ a = 'x,y'; b = 'q"'; c = 'plain' } | ConvertTo-Csv -UseQuotes AsNeeded -NoHeader`,
			out:    lines(`"x,y","q""",plain`)},
		{name: "type information", script: `[pscustomobject]@{ a = 1 } | ConvertTo-Csv -IncludeTypeInformation`,
			out: lines("#TYPE System.Management.Automation.PSCustomObject", `"a"`, `"1"`)},
		{name: "hashtable keys are columns", script: `[ordered]@{ k1 = 'v1'; k2 = 'v2' } | ConvertTo-Csv`, out: lines(`"k1","k2"`, `"v1","v2"`)},
		{name: "dates in the culture's format", script: `[pscustomobject]@{ d = [datetime]'2024-03-05 14:07:00' } | ConvertTo-Csv -NoHeader`, out: lines(`"3/5/2024 2:07:00 PM"`)},
		{name: "quote options clash", script: `1 | ConvertTo-Csv -UseQuotes Never -QuoteFields a`, err: "You must specify either the -UseQuotes or -QuoteFields parameters, but not both."},
		{name: "bad delimiter", script: `1 | ConvertTo-Csv -Delimiter ab`, err: `Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."`},
		{name: "export and import",
			script: `New-Item -ItemType Directory C:\Reports | Out-Null; [pscustomobject]@{ User = 'annb'; Size = 10 }, [pscustomobject]@{ User = 'carolo'; Size = 20 } | Export-Csv C:\Reports\x.csv; Get-Content C:\Reports\x.csv; Import-Csv C:\Reports\x.csv | % { "$($_.User)=$($_.Size)" }`,
			out:    lines(`"User","Size"`, `"annb","10"`, `"carolo","20"`, "annb=10", "carolo=20")},
		{name: "export append keeps the file's columns",
			script: `[pscustomobject]@{ a = 1; b = 2 } | Export-Csv C:\Temp\a.csv; [pscustomobject]@{ b = 4; a = 3; c = 5 } | Export-Csv C:\Temp\a.csv -Append; Get-Content C:\Temp\a.csv`,
			out:    lines(`"a","b"`, `"1","2"`, `"3","4"`)},
		{name: "export append missing column",
			script: `[pscustomobject]@{ a = 1; b = 2 } | Export-Csv C:\Temp\a.csv; [pscustomobject]@{ a = 3 } | Export-Csv C:\Temp\a.csv -Append`,
			err:    `Cannot append CSV content to the following file: C:\Temp\a.csv. The appended object does not have a property that corresponds to the following column: b. To continue with mismatched properties, add the -Force parameter, and then retry the command.`},
		{name: "export append force", script: `[pscustomobject]@{ a = 1; b = 2 } | Export-Csv C:\Temp\a.csv; [pscustomobject]@{ a = 3 } | Export-Csv C:\Temp\a.csv -Append -Force; (Get-Content C:\Temp\a.csv)[-1]`, out: lines(`"3",`)},
		{name: "export without input makes an empty file", script: `@() | Export-Csv C:\Temp\e.csv; (Get-Item C:\Temp\e.csv).Length`, out: lines("0")},
		{name: "export noclobber", script: `1 | Export-Csv C:\Temp\n.csv; 1 | Export-Csv C:\Temp\n.csv -NoClobber`, err: `The file 'C:\Temp\n.csv' already exists.`},
		{name: "export to a missing folder", script: `1 | Export-Csv C:\Nope\x.csv`, err: `Export-Csv: Could not find a part of the path 'C:\Nope\x.csv'.`},
		{name: "export to a share", script: `1 | Export-Csv \\SERVER01\share\y.csv`, err: `Export-Csv: Could not find a part of the path '/SERVER01/share/y.csv'.`},
		{name: "import header and delimiter",
			script: `Set-Content C:\Temp\s.txt 'x;1','y;2'; Import-Csv C:\Temp\s.txt -Delimiter ';' -Header Name, Count | % { $_.Name + $_.Count }`,
			out:    lines("x1", "y2")},
		{name: "import lenient fields",
			script: "Set-Content C:\\Temp\\l.csv ('a,b,c', (' x , \"y,z\" ,\"multi' + \"`n\" + 'line\"'), '', '1'); $r = Import-Csv C:\\Temp\\l.csv; $r.Count; \"[$($r[0].a)][$($r[0].b)]\"; $r[0].c.Split(\"`n\").Count; $null -eq $r[1].b",
			out:    lines("2", "[x ][y,z]", "2", "True")},
		{name: "import type line and unnamed headers",
			script: `Set-Content C:\Temp\t.csv '#TYPE My.Type','a,,c','1,2,3'; $o = Import-Csv C:\Temp\t.csv; $o.PSObject.TypeNames[0]; $o.H1`,
			out:    lines(`WARNING: One or more headers were not specified. Default names starting with "H" have been used in place of any missing headers.`, "My.Type", "2")},
		{name: "import duplicate header", script: `Set-Content C:\Temp\d.csv 'a,A','1,2'; Import-Csv C:\Temp\d.csv`, err: `The member "A" is already present.`},
		{name: "import missing file", script: `Import-Csv C:\Temp\none.csv`, err: `Could not find file 'C:\Temp\none.csv'.`},
		{name: "convertfrom", script: `'a,b', '1,2', '3,4' | ConvertFrom-Csv | % { [int]$_.a + [int]$_.b }`, out: lines("3", "7")},
		{name: "w3c fields header", script: "'#Software: x', \"#Fields: date`ttime\", \"2024-01-01`t10:00\" | ConvertFrom-Csv -Delimiter \"`t\" | % time", out: lines("10:00")},
	})
}

func TestClixml(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "round trip",
			script: `$o = [pscustomobject]@{ Name = 'x<&>y'; Count = 3; Big = 5000000000; Ratio = 0.25; On = $true; When = [datetime]'2024-03-01T09:00:00'; Span = New-TimeSpan -Days 1 -Minutes 5; Id = [guid]'0f8fad5b-d9cb-469f-a165-70867728950e'; Tags = 'a','b'; Map = @{ k = 1 }; Text = "two` + "`n" + `lines_x" }
$o, 'plain', 7 | Export-Clixml C:\Temp\o.xml
$i = Import-Clixml C:\Temp\o.xml
$i.Count
$r = $i[0]
$r.Name; $r.Count; $r.Big.GetType().Name; $r.Ratio; $r.On; $r.When.ToString('s'); $r.Span.ToString(); "$($r.Id)"; $r.Tags -join '+'; $r.Map.k; $r.Text.Length
$r.PSObject.TypeNames[0]
$i[1]; $i[2]`,
			out: lines("3", "x<&>y", "3", "Int64", "0.25", "True", "2024-03-01T09:00:00", "1.00:05:00", "0f8fad5b-d9cb-469f-a165-70867728950e", "a+b", "1", "11",
				"Deserialized.System.Management.Automation.PSCustomObject", "plain", "7")},
		{name: "document shape",
			script: `[pscustomobject]@{ S = "a` + "`t" + `b"; N = $null } | Export-Clixml C:\Temp\s.xml; Get-Content C:\Temp\s.xml`,
			out: lines(`<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">`,
				`  <Obj RefId="0">`,
				`    <TN RefId="0">`,
				`      <T>System.Management.Automation.PSCustomObject</T>`,
				`      <T>System.Object</T>`,
				`    </TN>`,
				`    <MS>`,
				`      <S N="S">a_x0009_b</S>`,
				`      <Nil N="N" />`,
				`    </MS>`,
				`  </Obj>`,
				`</Objs>`)},
		{name: "type names are shared", script: `[pscustomobject]@{ a = 1 }, [pscustomobject]@{ a = 2 } | Export-Clixml C:\Temp\r.xml; (Get-Content C:\Temp\r.xml) -match 'TNRef'`, out: lines(`    <TNRef RefId="0" />`)},
		{name: "depth", script: `[pscustomobject]@{ a = [pscustomobject]@{ b = [pscustomobject]@{ c = 1 } } } | Export-Clixml C:\Temp\d.xml -Depth 1; (Import-Clixml C:\Temp\d.xml).a.b`, out: lines("@{c=1}")},
		{name: "credential", script: `$c = New-Object System.Management.Automation.PSCredential('ann', (ConvertTo-SecureString 'pw' -AsPlainText -Force)); $c | Export-Clixml C:\Temp\c.xml; $i = Import-Clixml C:\Temp\c.xml; $i.UserName; $i.Password.GetType().Name`, out: lines("ann", "SecureString")},
		{name: "not clixml", script: `Set-Content C:\Temp\bad.xml '<x/>'; Import-Clixml C:\Temp\bad.xml`, err: "Data at the root level is invalid."},
	})
}

func TestHtml(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "fragment", script: `[pscustomobject]@{ a = 1 } | ConvertTo-Html -Fragment`, out: lines("<table>", "<colgroup><col/></colgroup>", "<tr><th>a</th></tr>", "<tr><td>1</td></tr>", "</table>")},
		{name: "page",
			script: `[pscustomobject]@{ Name = 'x<y'; City = 'Zürich' } | ConvertTo-Html -Title 'Report' -PreContent '<h1>Mailboxes</h1>' -PostContent 'end'`,
			out: lines(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">`,
				`<html xmlns="http://www.w3.org/1999/xhtml">`, "<head>", "<title>Report</title>", "</head><body>", "<h1>Mailboxes</h1>", "<table>",
				"<colgroup><col/><col/></colgroup>", "<tr><th>Name</th><th>City</th></tr>", "<tr><td>x&lt;y</td><td>Z&#252;rich</td></tr>", "</table>", "end", "</body></html>")},
		{name: "default title", script: `(1 | ConvertTo-Html)[3]`, out: lines("<title>HTML TABLE</title>")},
		{name: "property and calculated",
			script: `[pscustomobject]@{ a = 1; b = 2; c = 3 } | ConvertTo-Html -Fragment -Property a, @{ Label = 'Double'; Expression = { $_.b * 2 }; Width = 20 }`,
			out:    lines("<table>", `<colgroup><col/><col width = "20"/></colgroup>`, "<tr><th>a</th><th>Double</th></tr>", "<tr><td>1</td><td>4</td></tr>", "</table>")},
		{name: "as list", script: `[pscustomobject]@{ a = 1 }, [pscustomobject]@{ a = 2 } | ConvertTo-Html -As List -Fragment`, out: lines("<table>", "<tr><td>a:</td><td>1</td></tr>", "<tr><td><hr></td></tr>", "<tr><td>a:</td><td>2</td></tr>", "</table>")},
	})
}

func TestUtility(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "random seeded like .NET", script: `Get-Random -SetSeed 42 -Maximum 1000; Get-Random -Maximum 1000; Get-Random -SetSeed 42 -Maximum 1000`, out: lines("177", "467", "177")},
		{name: "random ranges and types", script: `$r = Get-Random -Minimum 5 -Maximum 8; $r -ge 5 -and $r -lt 8; (Get-Random).GetType().Name; (Get-Random -Maximum 10.5).GetType().Name; (Get-Random -Maximum 5000000000).GetType().Name; Get-Random -Minimum 1 -Maximum 2`, out: lines("True", "Int32", "Double", "Int64", "1")},
		{name: "random items", script: `Get-Random -InputObject 'only'; (1..5 | Get-Random -Count 3).Count; (1..5 | Get-Random -Count 10 | Sort-Object) -join ','; (1..5 | Get-Random -Shuffle | Measure-Object -Sum).Sum; (Get-Random (1..3) -Count 3 | Sort-Object) -join ','`, out: lines("only", "3", "1,2,3,4,5", "15", "1,2,3")},
		{name: "random min not below max", script: `Get-Random -Minimum 5 -Maximum 5`, err: "The Minimum value (5) cannot be greater than or equal to the Maximum value (5)."},
		{name: "unique adjacent", script: `(1, 1, 2, 2, 1 | Get-Unique) -join ','; ('aa', 'aa', 'Aa', 'ba', 'BA' | Get-Unique -AsString) -join ','; ('aa', 'Aa', 'ba', 'BA' | Get-Unique -AsString -CaseInsensitive) -join ','; (1, 'a', 2 | Get-Unique -OnType) -join ','`, out: lines("1,2,1", "aa,Aa,ba,BA", "aa,ba", "1,a,2")},
		{name: "compare", script: `Compare-Object 1,2,3 2,3,4 -IncludeEqual | % { "$($_.InputObject)$($_.SideIndicator)" }`, out: lines("2==", "3==", "4=>", "1<=")},
		{name: "compare table", script: `Compare-Object 'annb','carolo' 'annb','pilarp'`, out: lines("", "InputObject SideIndicator", "----------- -------------", "pilarp      =>", "carolo      <=", "")},
		{name: "compare case and exclude", script: `@(Compare-Object 'A' 'a').Count; @(Compare-Object 'A' 'a' -CaseSensitive).Count; Compare-Object 1,2 2,3 -ExcludeDifferent | % InputObject`, out: lines("0", "2", "2")},
		{name: "compare property passthru", script: `$a = [pscustomobject]@{ N = 'x'; V = 1 }; $b = [pscustomobject]@{ N = 'y'; V = 1 }; Compare-Object $a $b -Property V -IncludeEqual | % { "$($_.V)$($_.SideIndicator)" }; (Compare-Object $a $b -Property N -PassThru | % N) -join ','`, out: lines("1==", "y,x")},
		{name: "compare empty reference", script: `Compare-Object @() 1,2 | % SideIndicator`, out: lines("=>", "=>")},
		{name: "tee variable and file", script: `1..3 | Tee-Object -Variable t | Out-Null; $t -join '+'; 'a','b' | Tee-Object C:\Temp\t.txt | Out-Null; 'c' | Tee-Object C:\Temp\t.txt -Append | Out-Null; (Get-Content C:\Temp\t.txt) -join ','`, out: lines("1+2+3", "a,b,c")},
		{name: "select-string strings", script: `$m = 'apple', 'banana', 'cherry' | Select-String 'an'; $m.Line; $m.Matches[0].Value; $m.LineNumber; @('apple', 'Banana' | Select-String 'b').Count; @('apple', 'Banana' | Select-String 'b' -CaseSensitive).Count`, out: lines("banana", "an", "2", "1", "0")},
		{name: "select-string options", script: `('a.c', 'abc' | Select-String '.' -SimpleMatch).Line; ('one', 'two' | Select-String 'one' -NotMatch).Line; 'x', 'y' | Select-String 'y' -Quiet; ('a1b22c333' | Select-String '\d+' -AllMatches).Matches.Count; ('key=value' | Select-String '(\w+)=(\w+)').Matches[0].Groups[2].Value; 'x1','y' | Select-String '\d' -Raw`, out: lines("a.c", "two", "True", "3", "value", "x1")},
		{name: "select-string display", script: `'alpha', 'beta' | Select-String 'bet'`, out: lines("", "beta", "")},
		{name: "select-string files",
			script: `Set-Location C:\Temp; 'ok', 'error one', 'ok', 'error two' | Out-File log.txt; $m = Select-String -Path log.txt -Pattern 'error'; $m.LineNumber -join ','; $m[1].Line; $m[0].Filename; $m[0].Path; "$($m[0])"; Select-String -Path *.txt -Pattern zzz -Quiet; (Get-ChildItem C:\Temp\log.txt | Select-String two).LineNumber`,
			out:    lines("2,4", "error two", "log.txt", `C:\Temp\log.txt`, "log.txt:2:error one", "False", "4")},
		{name: "select-string context", script: `'a', 'b', 'c', 'd', 'e' | Select-String 'c' -Context 1, 2`, out: lines("", "  b", "> c", "  d", "  e", "")},
		{name: "select-string bad regex", script: `'a' | Select-String '('`, err: "The regular expression pattern ( is not valid."},
		{name: "gridview", script: `[pscustomobject]@{ A = 1; B = 2 }, [pscustomobject]@{ A = 3; B = 4 } | Out-GridView -Title 'Pick' -PassThru | % { "got $($_.A)" }`, out: lines("Pick", "", "A B", "- -", "1 2", "3 4", "", "got 1", "got 3")},
		{name: "gridview single", script: `1, 2 | Out-GridView -OutputMode Single | % { "got $_" }`, out: lines("1", "2", "got 1")},
	})
}

func TestHostStreams(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "write-host", script: `Write-Host a b -Separator '-'; Write-Host 'x' -NoNewline; Write-Host 'y' -ForegroundColor Red; Write-Host @(1, 2)`, out: lines("a-b", "xy", "1 2")},
		{name: "write-host color name", script: `Write-Host x -ForegroundColor Purple`, err: "Cannot bind parameter 'ForegroundColor'. Cannot convert value \"Purple\" to type \"System.ConsoleColor\". Error: \"Unable to match the identifier name Purple to a valid enumerator name. Specify one of the following enumerator names and try again:\nBlack, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White\""},
		{name: "write-host information stream", script: `Write-Host 'hi' 6>$null; Write-Host 'gone' -InformationAction Ignore; 'end'`, out: lines("end")},
		{name: "debug", script: `Write-Debug 'hidden'; Write-Debug 'shown' -Debug; $DebugPreference = 'Continue'; Write-Debug 'pref'; function f { [CmdletBinding()] param() Write-Debug 'in f' }; $DebugPreference = 'SilentlyContinue'; f -Debug`, out: lines("DEBUG: shown", "DEBUG: pref", "DEBUG: in f")},
		{name: "information", script: `Write-Information 'hidden'; Write-Information 'shown' -InformationAction Continue; $InformationPreference = 'Continue'; Write-Information 'pref'; Write-Information 'quiet' -InformationAction SilentlyContinue`, out: lines("shown", "pref")},
		{name: "progress off a terminal", script: `Write-Progress -Activity 'Export' -Status 'half' -PercentComplete 50; Write-Progress -Activity 'Export' -Completed; 'done'`, out: lines("done")},
		{name: "progress needs an activity", script: `Write-Progress -Status x`, err: "Missing value for mandatory parameter. (Parameter 'Activity')"},
	})
}

// On a terminal Write-Progress draws PowerShell's bar in place and the
// next output erases it; Write-Host colors its text.
func TestTerminalStreams(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	s.rt.IO.StdoutTTY = true
	s.rt.IO.Color = true
	s.rt.IO.Width = 41
	out, _ := s.run(`Write-Progress -Activity 'Export' -Status 'Mailbox 1' -PercentComplete 50; Write-Host 'next'; Write-Host 'warn' -ForegroundColor Yellow -BackgroundColor DarkBlue`)
	want := "\r\x1b[33;1mExport [\x1b[7mMailbox 1      \x1b[27m              ]\x1b[0m\x1b[K" + "\r\x1b[K" + "next\n" + "\x1b[93m\x1b[44mwarn\x1b[0m\n"
	if out != want {
		t.Errorf("terminal output:\n%q\nwant:\n%q", out, want)
	}
	if !strings.Contains(out, "\x1b[7m") {
		t.Error("no reverse video bar")
	}
}

func TestModules(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "import provided", script: `Import-Module ExchangeOnlineManagement; Import-Module Microsoft.Graph.Users -PassThru | % { "$($_.Name) $($_.Version)" }; Import-Module Microsoft.PowerShell.Utility`, out: lines("Microsoft.Graph.Users 2.15.0")},
		{name: "import unknown", script: `Import-Module AzureAD`, err: "Import-Module: The specified module 'AzureAD' was not loaded because no valid module file was found in any module directory."},
		{name: "import a module file", script: `Set-Content C:\Temp\m.psm1 'function x { "x ran" }'; Import-Module C:\Temp\m.psm1; x; (Get-Module m).Path`, out: lines("x ran", `C:\Temp\m.psm1`)},
		{name: "import a missing module file", script: `Import-Module C:\Temp\none.psm1`, err: `Import-Module: The specified module 'C:\Temp\none.psm1' was not loaded because no valid module file was found in any module directory.`},
		{name: "get-module lists loaded", script: `(Get-Module).Name; Import-Module Microsoft.Graph.Users; (Get-Module Microsoft.Graph*).Name; Remove-Module Microsoft.Graph.Users; @(Get-Module Microsoft.Graph*).Count`, out: lines("Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility", "Microsoft.Graph.Users", "0")},
		{name: "list available", script: `(Get-Module -ListAvailable ExchangeOnlineManagement).Version; (Get-Module -ListAvailable ExchangeOnlineManagement).Version.Major; (Get-Module -ListAvailable).Count -gt 5`, out: lines("", "Major  Minor  Build  Revision", "-----  -----  -----  --------", "3      4      0      -1", "3", "True", "")},
		{name: "remove unknown", script: `Remove-Module Nope`, err: "Remove-Module: No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace."},
		{name: "install provided is quiet", script: `Install-Module ExchangeOnlineManagement -Scope CurrentUser -Force; Install-Module Microsoft.Graph -AllowClobber; Install-Module Microsoft.Graph.Mail; 'ok'`, out: lines("ok")},
		{name: "install unknown", script: `Install-Module AzureAD`, err: "Install-Package: No match was found for the specified search criteria and module name 'AzureAD'. Try Get-PSRepository to see all available registered module repositories."},
		{name: "find", script: `Find-Module ExchangeOnlineManagement | % { "$($_.Name) $($_.Version) $($_.Repository)" }; (Find-Module Microsoft.Graph*).Count -ge 5`, out: lines("ExchangeOnlineManagement 3.4.0 PSGallery", "True")},
		{name: "find unknown", script: `Find-Module AzureAD`, err: "Find-Package: No match was found for the specified search criteria and module name 'AzureAD'."},
		{name: "installed", script: `Get-InstalledModule ExchangeOnlineManagement | Format-Table -HideTableHeaders Version, Name`, out: lines("", "3.4.0   ExchangeOnlineManagement", "")},
		{name: "installed unknown", script: `Get-InstalledModule AzureAD`, err: "Get-Package: No match was found for the specified search criteria and module names 'AzureAD'."},
	})
}
