package parser

import (
	"testing"

	"github.com/exosim/exosim/shell/syntax"
)

// TestUsesDollarInput checks which blocks read $input as Invoke-Command
// tells them apart: not inside nested blocks, functions or traps, with a
// scope qualifier, never a drive's item.
func TestUsesDollarInput(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`$input`, true},
		{`foreach ($i in $INPUT) { $i }`, true},
		{`process { $_ }`, false},
		{`end { @($script:input).Count }`, true},
		{`$env:input`, false},
		{`$inputs`, false},
		{`1 | ForEach-Object { $input }`, false},
		{`function f { $input }; f`, false},
		{`trap { $input } 1`, false},
		{`"count $($input.Count)"`, true},
	} {
		sb, errs := ParseString("", c.src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", c.src, errs)
		}
		if got := syntax.UsesDollarInput(sb); got != c.want {
			t.Errorf("UsesDollarInput(%s) = %v, want %v", c.src, got, c.want)
		}
	}
}
