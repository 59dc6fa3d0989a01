package core_test

import "testing"

// TestNullArguments: $null given to a parameter mandatory in some set is
// refused whatever the parameter's type, unless the parameter allows null;
// a validation attribute speaks before that rule.
func TestNullArguments(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "mandatory number", script: `Start-Sleep -Seconds $null; 'next'`, out: lines("next"),
			err: "Start-Sleep: Cannot bind argument to parameter 'Seconds' because it is null."},
		{name: "mandatory string from the pipeline", script: `$null | ConvertTo-SecureString -AsPlainText -Force`,
			err: "ConvertTo-SecureString: Cannot bind argument to parameter 'String' because it is null."},
		{name: "parameters that allow null",
			script: `Write-Output $null; $null | Write-Output; ConvertTo-Json $null; $o = [pscustomobject]@{}; Add-Member -InputObject $o -NotePropertyName n -NotePropertyValue $null; $o.psobject.Properties.Name; Write-Information $null; 'end'`,
			out:    lines("null", "n", "end")},
		{name: "export path not null or empty", script: `1 | Export-Csv -Path $null`,
			err: "Export-Csv: Cannot validate argument on parameter 'Path'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."},
		{name: "export literal path empty", script: `1 | Export-Csv -LiteralPath ''`,
			err: "Export-Csv: Cannot validate argument on parameter 'LiteralPath'. The argument is null or empty."},
		{name: "import path null", script: `Import-Csv -Header Name $null`,
			err: "Import-Csv: Cannot validate argument on parameter 'Path'. The argument is null or empty."},
		{name: "progress status empty", script: `Write-Progress -Activity a -Status ''`,
			err: "Write-Progress: Cannot validate argument on parameter 'Status'. The argument is null or empty."},
	})
}

// TestScriptHelpers: the text and script cmdlets runbooks use around
// their Exchange calls.
func TestScriptHelpers(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "join-string without separator", script: `1..3 | Join-String; $null -eq $OFS; $OFS = '-'; 1..3 | Join-String`, out: lines("123", "True", "1-2-3")},
		{name: "stringdata bad line", script: `ConvertFrom-StringData "a=1` + "`n" + `novalue"`, err: "ConvertFrom-StringData: Data line 'novalue' is not in 'name=value' format."},
		{name: "stringdata duplicate", script: `ConvertFrom-StringData "a=1` + "`n" + `A=2"`, err: "Data item 'A' in line 'A=2' is already defined."},
		{name: "file hash algorithms", script: `Set-Content C:\Temp\h.txt abc -NoNewline; (Get-FileHash C:\Temp\h.txt -Algorithm MD5).Hash; (Get-FileHash C:\Temp\h.txt -Algorithm SHA1) | % { "$($_.Algorithm) $($_.Path)" }`,
			out: lines("900150983CD24FB0D6963F7D28E17F72", `SHA1 C:\Temp\h.txt`)},
		{name: "measure-command runs in the caller's scope", script: `$t = Measure-Command { $inside = 4; 'dropped' }; $inside; $t.TotalSeconds; (1..3 | Measure-Command { $seen += $_ }) -is [timespan]`, out: lines("4", "0", "True")},
		{name: "invoke-command here", script: `Invoke-Command { param($a, $b) $a + $b } -ArgumentList 2, 3; $v = 1; Invoke-Command { $v = 2 }; $v; Invoke-Command { $v = 3 } -NoNewScope; $v`, out: lines("5", "1", "3")},
		{name: "invoke-command elsewhere", script: `Invoke-Command -ComputerName srv1 -ScriptBlock { 1 }`,
			err: "exosim does not run commands on other computers or in jobs (Invoke-Command -ComputerName); run the script block here without it."},
		{name: "variable options", script: `New-Variable x 1; New-Variable x 2; New-Variable x 3 -Force; $x; Set-Variable ro 1 -Option ReadOnly; Remove-Variable ro; Remove-Variable ro -Force; $null -eq $ro; Set-Variable k 1 -Option Constant; Set-Variable k 2 -Force; $k`,
			out: lines("3", "True", "1"), err: "A variable with name 'x' already exists."},
		{name: "uri escaping", script: `[uri]::EscapeDataString('a b&c/é'); [System.Uri]::UnescapeDataString('a%20b%zz')`, out: lines("a%20b%26c%2F%C3%A9", "a b%zz")},
		{name: "format-list of a dictionary entry", script: `@{ a = 1 } | Format-List`, out: lines("", "Name  : a", "Value : 1", "")},
	})
}
