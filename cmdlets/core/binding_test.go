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
