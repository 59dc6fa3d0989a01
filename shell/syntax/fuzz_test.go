package syntax

import (
	"fmt"
	"strings"
	"testing"
	"time"
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
