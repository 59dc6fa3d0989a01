package runtime_test

import (
	"strings"
	"testing"
)

// Type tests with -is / -isnot, and Where-Object's operator parameter sets
// (the set names the operator; -EQ is optional in its set).
func TestTypeAndWhereOperators(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`1 -is [int]`, "True"},
		{`1 -isnot [int]`, "False"},
		{`1 -is [long]`, "False"},
		{`[long]1 -is [long]`, "True"},
		{`'a' -is [string]`, "True"},
		{`1 -is 'int'`, "True"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object A | ForEach-Object B) -join ','`, "Y"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object -Not A | ForEach-Object B) -join ','`, "x"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object B -EQ 'y' | ForEach-Object A) -join ','`, "2"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object B -CEQ 'y' | Measure-Object).Count`, "0"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object A -GT 1 | ForEach-Object B) -join ','`, "Y"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object B -Like '[xz]*' | ForEach-Object A) -join ','`, "0"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object A -In 2,3 | ForEach-Object B) -join ','`, "Y"},
		{`$rows = [pscustomobject]@{A=0;B='x'},[pscustomobject]@{A=2;B='Y'}; ($rows | Where-Object A -Is 'int' | Measure-Object).Count`, "2"},
	} {
		if got := strings.TrimSpace(block(t, c.in)); got != c.want {
			t.Errorf("%s\n got %q, want %q", c.in, got, c.want)
		}
	}
}
