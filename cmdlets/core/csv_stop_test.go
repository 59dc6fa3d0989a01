package core_test

import "testing"

// A report read with Import-Csv and cut short by Select-Object -First
// stops quietly.
func TestImportCsvStopsQuietly(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "first rows of a report", script: `1..5 | % { [pscustomobject]@{ n = $_ } } | Export-Csv C:\Temp\r.csv; (Import-Csv C:\Temp\r.csv | Select-Object -First 2).n`,
			out: lines("1", "2")},
	})
}
