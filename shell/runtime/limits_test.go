package runtime_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/memlimit"
)

const oom = "Exception of type 'System.OutOfMemoryException' was thrown."

// withBudget runs the test under a small memory budget. The budget is the
// process's, so these tests do not run in parallel with others.
func withBudget(t *testing.T, n int64) {
	skipUnderRace(t, "the memory budget measures the heap, which the race detector's shadow memory changes")
	prev := memlimit.Budget()
	memlimit.Apply(n)
	t.Cleanup(func() {
		memlimit.Apply(0)
		memlimit.SetBudget(prev)
	})
}

// Values that would grow past the memory budget fail with .NET's
// OutOfMemoryException in the shape PowerShell reports it where it
// happens: an operator's RuntimeException (OperationStopped), a method's
// MethodInvocationException. Limits .NET itself has come first.
func TestRunawayValuesFailWithinTheBudget(t *testing.T) {
	withBudget(t, 64<<20)
	opOOM := "OperationStopped: " + oom + "\n"
	method := func(name string, n int) string {
		return "MethodInvocationException: Exception calling \"" + name + "\" with \"" + string(rune('0'+n)) + "\" argument(s): \"" + oom + "\"\n"
	}
	for _, c := range []struct{ name, in, want string }{
		{"PadLeft to Int32.MaxValue", "'x'.PadLeft([int]::MaxValue)", method("PadLeft", 1)},
		{"PadRight", "'x'.PadRight(2000000000, '-')", method("PadRight", 2)},
		{"a small PadLeft", "'x'.PadLeft(3, '-')", "--x\n"},
		{"string constructor", "[string]::new([char]'x', 2000000000)", method("new", 2)},
		{"string times Int32.MaxValue", "'x' * [int]::MaxValue", opOOM},
		{"string times more than an Int32", "'x' * 1e10", "InvalidArgument: Cannot convert value \"10000000000\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"\n"},
		{"array times a billion", "(@(1) * 1e9).Count", opOOM},
		{"array times a negative count", "@(1) * -1", "InvalidArgument: Cannot convert value \"-1\" to type \"System.UInt32\". Error: \"Value was either too large or too small for a UInt32.\"\n"},
		{"array times three", "(@(1, 2) * 3) -join ''", "121212\n"},
		{"a range built as an array", "$a = 1..1e9", opOOM},
		{"-join of many", "$a = 1..2e6; $a -join ','", opOOM},
		{"a new array", "[object[]]::new(2e9)", method("new", 1)},
		{"alignment below .NET's limit", "('{0,999999}' -f 1).Length", "999999\n"},
		{"alignment at .NET's limit", "'{0,1000000000}' -f 1", "InvalidOperation: Error formatting a string: Input string was not in a correct format. Failure to parse near offset 10. Format item ends prematurely..\n"},
		{"many wide items", "('{0,999999}' * 100) -f 1", opOOM},
		{"the largest precision", "'{0:N999999999}' -f 1", opOOM},
		{"a precision beyond .NET's limit", "'{0:N1000000000}' -f 1", "InvalidOperation: Error formatting a string: Format specifier was invalid..\n"},
		{"ToString with a precision beyond .NET's limit", "(1).ToString('N1000000000')", "MethodInvocationException: Exception calling \"ToString\" with \"1\" argument(s): \"Format specifier was invalid.\"\n"},
		{"ToString with the largest precision", "(1).ToString('D999999999')", method("ToString", 1)},
		{"G writes significant digits only", "'{0:G999999999}' -f 1.5", "1.5\n"},
		{"D pads with zeros", "'{0:D12}' -f 42", "000000000042\n"},
		{"String.Format", "[string]::Format('{0:F999999999}', 1)", method("Format", 2)},
		{"StringBuilder repeat", "[Text.StringBuilder]::new().Append('x', [int]::MaxValue)", method("Append", 2)},
		{"Replace that grows", "('x' * 10MB).Replace('x', 'yyyyyyyyyy')", method("Replace", 2)},
		{"-replace that grows", "('x' * 1MB) -replace 'x', ('y' * 100)", opOOM},
		{"an OutOfMemoryException can be caught", "try { 'x' * [int]::MaxValue } catch [System.OutOfMemoryException] { 'caught' }", "caught\n"},
	} {
		if got := block(t, c.in); got != c.want {
			t.Errorf("%s: %s\ngot  %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
	// Each doubling that does not fit fails, and the loop goes on: the
	// string keeps its last size.
	got := block(t, "$s = 'x'; 1..40 | ForEach-Object { $s += $s }; $s.Length -lt 64MB; $Error[0].FullyQualifiedErrorId")
	failed := strings.Count(got, opOOM)
	if rest := strings.ReplaceAll(got, opOOM, ""); failed < 10 || rest != "True\nSystem.OutOfMemoryException\n" {
		t.Errorf("doubling a string: %d failures, then %q", failed, rest)
	}
}

// A script whose data keeps growing in small pieces is stopped at the
// next loop iteration or pipeline object once its live data is over the
// budget; what it holds can be released afterwards.
func TestRunawayLoopsStopAtTheBudget(t *testing.T) {
	withBudget(t, 64<<20)
	for _, c := range []struct{ name, in string }{
		{"while", "$l = [Collections.ArrayList]::new(); while ($true) { [void]$l.Add('x' * 1000) }; 'after'"},
		{"foreach", "$h = @{}; foreach ($i in 1..1e9) { $h[$i] = 'x' * 1000 }; 'after'"},
		{"pipeline", "$l = [Collections.Generic.List[string]]::new(); 1..1e9 | ForEach-Object { $l.Add('x' * 1000) }; 'after'"},
	} {
		got := block(t, c.in+"; $l = $h = $null; ('y' * 10MB).Length")
		if got != "OperationStopped: "+oom+"\nafter\n10485760\n" {
			t.Errorf("%s: got %q", c.name, got)
		}
	}
}

// Expressions nested without bound by chains the parser accepts end in
// PowerShell's call-depth error; long chains of binary operators are
// evaluated without nesting.
func TestDeepExpressions(t *testing.T) {
	t.Parallel()
	skipUnderRace(t, "tens of thousands of nested calls, one goroutine: nothing for the race detector to see")
	depth := "InvalidOperation: The script failed due to call depth overflow.\n"
	for _, c := range []struct{ name, in, want string }{
		{"member chain", "$x" + strings.Repeat(".a", 20000), depth},
		{"index chain", "$x = ,1; $x" + strings.Repeat("[0]", 20000), depth},
		{"method chain", "'a'" + strings.Repeat(".Trim()", 20000), depth},
		{"a long sum", "1" + strings.Repeat("+1", 30000), "30001\n"},
		{"a long -and", "$true" + strings.Repeat(" -and $true", 30000), "True\n"},
		{"short-circuit in a chain", "$false -and (1/0) -or $true", "True\n"},
		{"?? in a chain", "$null ?? $null ?? 3", "3\n"},
		{"a long concatenation", "('a'" + strings.Repeat("+'a'", 20000) + ").Length", "20001\n"},
	} {
		if got := block(t, c.in); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, abbreviate(got), c.want)
		}
	}
}

// skipUnderRace skips a test that is about how much memory or stack a
// script takes, not about goroutines: make test runs the package both
// with and without the race detector, and such a test runs in the second.
func skipUnderRace(t *testing.T, why string) {
	t.Helper()
	if raceDetector {
		t.Skip("under the race detector: " + why)
	}
}

func abbreviate(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
