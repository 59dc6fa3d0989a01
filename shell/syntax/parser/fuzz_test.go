package parser

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/syntax"
)

func FuzzParse(f *testing.F) {
	for _, tc := range treeTests {
		f.Add(tc.in)
	}
	for _, tc := range errorTests {
		f.Add(tc.in)
	}
	for _, in := range multiLine {
		f.Add(in)
	}
	f.Add("\x00")
	// Long chains the parser builds in a loop, and nesting it bounds.
	f.Add("$x" + strings.Repeat(".a[0].b()", 300))
	f.Add("1" + strings.Repeat("+1", 1000) + " | % { $_ }")
	f.Add(strings.Repeat("(", 1100) + "1" + strings.Repeat(")", 1100))
	f.Add("\xff\xfe$x")
	f.Add("“quoted” –not ‘x’")
	f.Fuzz(func(t *testing.T, in string) {
		recoverPanics = false
		defer func() { recoverPanics = true }()
		// While fuzzing, a parse that never ends crashes the worker, which
		// makes the fuzzer keep the input. Run as a test (the seeds), a
		// hang is the test timeout's business: no clock is asserted.
		if fuzzing() {
			watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("parse did not finish: %q", in)) })
			defer watchdog.Stop()
		}
		sb, errs := ParseString("", in)
		if sb == nil {
			t.Fatalf("%q: nil script block", in)
		}
		checkErrorPositions(t, in, errs)
		for _, e := range errs {
			if e.Message == "" || e.ErrorID == "" {
				t.Errorf("%q: error without text or id: %+v", in, e)
			}
		}
		if errs == nil {
			checkExtents(t, in, sb)
			_ = syntax.Dump(sb)
		}
	})
}

// deepInputs nest or repeat a construct thousands of times: each must end
// in a parse error, in time linear in its length (BenchmarkDeepNesting
// measures it; a parse that never ends fails by the test's timeout).
var deepInputs = []string{
	strings.Repeat("(", 5000),
	strings.Repeat("{", 5000),
	strings.Repeat("@(", 5000),
	strings.Repeat("$(", 5000),
	strings.Repeat("\"$(", 3000),
	strings.Repeat("-not ", 5000) + "1",
	strings.Repeat("[int]", 5000) + "1",
	strings.Repeat("!", 100000),
	strings.Repeat("[", 100000),
	strings.Repeat("@{a=", 5000),
	strings.Repeat("if (1) {", 3000),
	strings.Repeat("{[\"$(", 2000),
	strings.Repeat("{[a(", 5000),
	strings.Repeat("{[a({[b()] param() }", 2000),
	strings.Repeat("a \"$(b '$(", 2000),
	strings.Repeat("Write-Output \"$(", 2000),
	strings.Repeat("@\"\n$(", 2000),
	strings.Repeat("[a([b(", 2000),
}

// fuzzing reports whether the test binary runs with -test.fuzz (the fuzzer
// generates inputs) rather than as a test over the seed corpus.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

func TestDeepNesting(t *testing.T) {
	t.Parallel()
	for _, in := range deepInputs {
		if _, errs := ParseString("", in); errs == nil {
			t.Errorf("%.20q...: no error", in)
		}
	}
}

func BenchmarkDeepNesting(b *testing.B) {
	for b.Loop() {
		for _, in := range deepInputs {
			ParseString("", in)
		}
	}
}

// Nesting too deep stops the parse with PowerShell's one error, as the
// exception does in PowerShell's parser: nothing after it is reported, and
// the input is not taken for an incomplete one.
func TestTooComplexStopsTheParse(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		strings.Repeat("(", 200000) + "1" + strings.Repeat(")", 200000),
		strings.Repeat("{", 5000),
		"Get-Mailbox | " + strings.Repeat("@(", 3000) + strings.Repeat(")", 3000) + " | Get-Mailbox",
	} {
		_, errs := ParseString("", in)
		if len(errs) != 1 || errs[0].ErrorID != "ScriptTooComplicated" || errs[0].Message != "Processing was stopped because the script is too complex." || errs.Incomplete() {
			t.Errorf("%.20q...: %d errors: %s", in, len(errs), errList(errs))
		}
	}
}

// A parse whose syntax tree would outgrow the memory budget stops with
// the OutOfMemoryException's text. The budget is the process's: no
// parallel test runs meanwhile.
func TestParseStopsAtTheMemoryBudget(t *testing.T) {
	prev := memlimit.SetBudget(1) // any heap is over it
	_, errs := ParseString("", "1"+strings.Repeat("+1", 5000))
	memlimit.SetBudget(prev)
	if len(errs) != 1 || errs[0].ErrorID != "OutOfMemoryException" || errs[0].Message != memlimit.Message {
		t.Fatalf("%d errors: %s", len(errs), errList(errs))
	}
	if _, errs := ParseString("", "1"+strings.Repeat("+1", 5000)); errs != nil {
		t.Errorf("within the budget: %s", errList(errs))
	}
}

// hugeInputs are large inputs that parse without error.
func hugeInputs() map[string]string {
	return map[string]string{
		"long line":       "Write-Output " + strings.Repeat("a", 1<<20),
		"many statements": strings.Repeat("$x = $y + 1; ", 50000),
		// Help comments are looked up for every function.
		"many functions": "<# top #>\n" + strings.Repeat("# note\nfunction f { # inside\n 1 }\n", 20000),
	}
}

func TestHugeInputs(t *testing.T) {
	t.Parallel()
	for name, in := range hugeInputs() {
		if _, errs := ParseString("", in); errs != nil {
			t.Errorf("%s: %.100s", name, errList(errs))
		}
	}
	for _, in := range []string{"\x00", "a\x00b", "\xff", "\"\xff\"", "$\xff", "@\xff", "-\xff", "`\xff"} {
		ParseString("", in)
	}
}

// BenchmarkHugeInputs measures what TestHugeInputs checks: a parse time
// that grows with the input, not faster.
func BenchmarkHugeInputs(b *testing.B) {
	ins := hugeInputs()
	for b.Loop() {
		for _, in := range ins {
			ParseString("", in)
		}
	}
}
