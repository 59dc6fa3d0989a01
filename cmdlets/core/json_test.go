package core_test

import "testing"

func TestConvertJson(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "object to JSON", script: "[pscustomobject]@{ Name = 'Ann'; Age = 42; Tags = @('a', 'b') } | ConvertTo-Json -Compress",
			out: lines(`{"Name":"Ann","Age":42,"Tags":["a","b"]}`)},
		{name: "round trip keeps order and values", script: "$j = [pscustomobject]@{ b = 1; a = 'x' } | ConvertTo-Json; $o = $j | ConvertFrom-Json; ($o.PSObject.Properties.Name -join ','); $o.a",
			out: lines("b,a", "x")},
		// PowerShell's JSON reader makes every whole number an Int64.
		{name: "whole numbers are Int64", script: "('{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"}}' | ConvertFrom-Json).a.GetType().Name",
			out: lines("Int64")},
		{name: "fractions are Double", script: "('1.5' | ConvertFrom-Json).GetType().Name", out: lines("Double")},
		{name: "a top-level array is enumerated", script: "'[1,2,3]' | ConvertFrom-Json | Measure-Object -Sum | ForEach-Object Sum", out: lines("6")},
		{name: "NoEnumerate keeps the array", script: "('[1,2,3]' | ConvertFrom-Json -NoEnumerate).Count", out: lines("3")},
		{name: "AsHashtable", script: "$h = '{\"k\":\"v\"}' | ConvertFrom-Json -AsHashtable; $h.GetType().Name; $h['k']", out: lines("OrderedHashtable", "v")},
		// no input converts nothing; "" and white space are $null
		{name: "no input is no error", script: "@() | ConvertFrom-Json; 1 | Where-Object { $false } | ConvertFrom-Json; 'done'", out: lines("done")},
		{name: "empty text is null", script: "$v = '' | ConvertFrom-Json; $null -eq $v; '  ' | ConvertFrom-Json | ForEach-Object { \"got $($null -eq $_)\" }", out: lines("True", "got True")},
		{name: "null input fails binding only", script: "$null | ConvertFrom-Json", err: "Cannot bind argument to parameter 'InputObject' because it is null."},
		// several pieces: each its own document when the first is one
		{name: "pieces each a document", script: "'1', '[2,3]', '\"x\"' | ConvertFrom-Json | Join-String -Separator ','", out: lines("1,2,3,x")},
		{name: "pieces of one document", script: "('{', '\"a\": 5', '}' | ConvertFrom-Json).a", out: lines("5")},
		{name: "invalid JSON fails", script: "'{bad' | ConvertFrom-Json", err: "Conversion from JSON failed with error"},
		{name: "depth", script: "@{ a = @{ b = @{ c = 1 } } } | ConvertTo-Json -Depth 1 -Compress -WarningAction SilentlyContinue",
			out: lines(`{"a":{"b":"System.Collections.Hashtable"}}`)},
	})
}

func TestCsvRoundTrip(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "export and import", script: "[pscustomobject]@{ Alias = 'annb'; Name = 'Ann, B' }, [pscustomobject]@{ Alias = 'alexw'; Name = 'Alex W' } | Export-Csv users.csv; Get-Content users.csv; (Import-Csv users.csv)[0].Name",
			out: lines(`"Alias","Name"`, `"annb","Ann, B"`, `"alexw","Alex W"`, "Ann, B")},
		{name: "ConvertTo-Csv and back", script: "$c = [pscustomobject]@{ a = 1; b = 'two' } | ConvertTo-Csv; $c; ($c | ConvertFrom-Csv).b",
			out: lines(`"a","b"`, `"1","two"`, "two")},
		{name: "import of a missing file", script: "Import-Csv nosuch.csv", err: "Could not find file"},
	})
}
