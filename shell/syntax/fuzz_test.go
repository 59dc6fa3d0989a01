package syntax

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/memlimit"
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
		// A parse that never ends crashes the worker, which makes the
		// fuzzer keep the input.
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("parse did not finish: %q", in)) })
		defer watchdog.Stop()
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
			_ = Dump(sb)
		}
	})
}

func TestDeepNesting(t *testing.T) {
	for _, in := range []string{
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
	} {
		start := time.Now()
		_, errs := ParseString("", in)
		if errs == nil {
			t.Errorf("%.20q...: no error", in)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%.20q...: took %v", in, d)
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

func TestHugeInputs(t *testing.T) {
	long := "Write-Output " + strings.Repeat("a", 1<<20)
	start := time.Now()
	if _, errs := ParseString("", long); errs != nil {
		t.Errorf("long line: %s", errList(errs))
	}
	many := strings.Repeat("$x = $y + 1; ", 50000)
	if _, errs := ParseString("", many); errs != nil {
		t.Errorf("many statements: %s", errList(errs)[:100])
	}
	// Help comments are looked up for every function.
	funcs := "<# top #>\n" + strings.Repeat("# note\nfunction f { # inside\n 1 }\n", 20000)
	if _, errs := ParseString("", funcs); errs != nil {
		t.Errorf("many functions: %s", errList(errs)[:100])
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	for _, in := range []string{"\x00", "a\x00b", "\xff", "\"\xff\"", "$\xff", "@\xff", "-\xff", "`\xff"} {
		ParseString("", in)
	}
}
