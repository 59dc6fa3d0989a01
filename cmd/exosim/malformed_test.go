package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/transfer"
)

// generatedMalformed are corpus lines too big or too binary to commit:
// 1 MB lines, deep nesting, NUL bytes, invalid UTF-8, huge numbers.
func generatedMalformed() map[string]string {
	mb := 1 << 20
	return map[string]string{
		"1 MB unterminated string":      "Get-Mailbox '" + strings.Repeat("a", mb),
		"1 MB identity":                 "Get-Mailbox " + strings.Repeat("a", mb),
		"1 MB quoted identity":          "Set-Mailbox nosuch -CustomAttribute1 '" + strings.Repeat("x", mb) + "'",
		"1 MB of parentheses":           strings.Repeat("(", mb),
		"1 MB of braces":                strings.Repeat("{", mb),
		"1 MB of commas":                "Get-Mailbox " + strings.Repeat(",", mb),
		"1 MB comment then error":       "<#" + strings.Repeat("#", mb),
		"1 MB number":                   "Get-Mailbox -ResultSize " + strings.Repeat("9", mb),
		"1 MB pipeline":                 strings.Repeat("Get-Mailbox nosuch | ", mb/21),
		"deep @()":                      strings.Repeat("@(", 50000) + strings.Repeat(")", 50000) + " | Get-Mailbox",
		"deep $()":                      "\"" + strings.Repeat("$(", 20000),
		"deep unary":                    strings.Repeat("-", 200000) + "1 | Get-Mailbox",
		"deep not":                      strings.Repeat("!", 200000),
		"deep scriptblocks":             strings.Repeat("& {", 5000) + "Get-Mailbox nosuch" + strings.Repeat("}", 5000),
		"deep hashtable":                strings.Repeat("@{a=", 20000) + "1" + strings.Repeat("}", 20000) + " | Get-Mailbox",
		"deep index":                    "$null" + strings.Repeat("[0]", 100000) + ".Nope()",
		"deep member":                   "$null" + strings.Repeat(".a", 100000) + ".Nope()",
		"NUL in identity":               "Get-Mailbox ann\x00b",
		"NUL alone":                     "\x00",
		"NULs as identity":              "Get-Mailbox -Identity \x00\x00",
		"NUL in a string":               "'\x00' | Get-Mailbox",
		"NUL in a parameter name":       "Get-Mailbox -Iden\x00tity annb",
		"NUL in a filter":               "Get-Mailbox -Filter \"Name -eq 'a\x00'\" -ErrorAction Stop; throw 'no match'",
		"invalid UTF-8 identity":        "Get-Mailbox \xff\xfe",
		"invalid UTF-8 set":             "Set-Mailbox \xc3\x28 -CustomAttribute1 x",
		"invalid UTF-8 piped":           "'\xff' | Get-Mailbox",
		"surrogate half":                "Get-Mailbox \xed\xa0\x80",
		"invalid UTF-8 command":         "Get-\xffMailbox",
		"invalid UTF-8 in a quote":      "Get-Mailbox '\xf0\x28\x8c\x28",
		"overlong UTF-8":                "Get-Mailbox \xc0\xaf",
		"invalid UTF-8 parameter value": "Set-OMEMessageRevocation -MessageId '<\xff@x>' -Revoke $true",
		"invalid UTF-8 date":            "Set-SimClock -Date '\xff'",
		"huge exponent":                 "Get-MessageTrace -PageSize 1e" + strings.Repeat("9", 1000),
		// 2 MB one-line expressions: nesting the parser refuses, a chain
		// too deep to evaluate.
		"2 MB of parentheses": strings.Repeat("(", mb) + "1" + strings.Repeat(")", mb),
		"2 MB member chain":   "$x" + strings.Repeat(".a", mb),
	}
}

// malformedBudget is the memory budget the corpus runs under: small, so
// that the runaway lines reach it quickly.
const malformedBudget = 256 << 20

// TestMalformedCorpus runs every line of testdata/malformed/*.txt and the
// generated lines above through sessions on a seeded tenant, under a small
// memory budget. Each line must fail with a PowerShell error on the error
// stream, never with an internal error (a recovered Go panic) or a crash
// (a Go stack overflow or failed allocation ends the test binary), and the
// tenant's export must be the same afterwards: malformed input changes
// nothing.
//
// The budget holds for the whole process, so the corpus runs in a test
// process of its own (see inOwnProcess), beside the other tests.
func TestMalformedCorpus(t *testing.T) {
	if inOwnProcess(t) {
		return
	}
	files, err := filepath.Glob("../../testdata/malformed/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	type line struct{ file, where, text string }
	var lines []line
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			if strings.TrimSpace(sc.Text()) != "" {
				lines = append(lines, line{f, filepath.Base(f) + ":" + itoa(n), sc.Text()})
			}
		}
	}
	if len(lines) < 300 {
		t.Errorf("corpus has %d lines, want at least 300", len(lines))
	}
	for name, text := range generatedMalformed() {
		lines = append(lines, line{"generated", "generated: " + name, text})
	}

	prevBudget := memlimit.Budget()
	memlimit.Apply(malformedBudget)
	defer func() {
		memlimit.Apply(0)
		memlimit.SetBudget(prevBudget)
	}()

	path := filepath.Join(t.TempDir(), "tenant.db")
	if err := copySeededTenant(path); err != nil {
		t.Fatal(err)
	}
	st, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var before bytes.Buffer
	if err := transfer.Export(st, &before); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	// Each file runs in a session of its own (what a runaway line holds
	// goes with it), which sees the host's files (/dev/zero).
	dir := t.TempDir()
	newSession := func() *runtime.Runtime {
		files := &fsys.Config{FS: fsys.OS(), Cwd: dir, Home: dir, DriveC: filepath.Join(dir, "C")}
		rt := registry.NewSession(&host.IO{In: strings.NewReader(""), Out: &out, Err: &errs, Width: 120}, st, registry.Options{Files: files})
		rt.Files().LineLimit = 1 << 20 // a device without line breaks fails sooner
		return rt
	}
	compare := func(what string) {
		t.Helper()
		var after bytes.Buffer
		if err := transfer.Export(st, &after); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before.Bytes(), after.Bytes()) {
			t.Errorf("%s: changed the tenant:\n%s", what, firstDiff(after.Bytes(), before.Bytes()))
			before = after
		}
	}
	gen := st.Generation()
	var rt *runtime.Runtime
	for i, l := range lines {
		if i == 0 || l.file != lines[i-1].file {
			rt = newSession()
		}
		out.Reset()
		errs.Reset()
		rt.Run(syntax.NewSource("", l.text), runtime.RunOptions{})
		shown := abbreviate(l.text)
		switch {
		case strings.Contains(errs.String()+out.String(), "exosim internal error"):
			t.Errorf("%s: %s: internal error:\n%s", l.where, shown, abbreviate(errs.String()))
		case strings.TrimSpace(errs.String()) == "":
			t.Errorf("%s: %s: no error (stdout %q)", l.where, shown, abbreviate(out.String()))
		}
		// Compare after every line that committed a write, so a change
		// names its line: an unchanged generation is an unchanged tenant.
		if g := st.Generation(); g != gen {
			gen = g
			compare(l.where + ": " + shown)
		}
	}
	compare("after the corpus")
	t.Logf("%d lines", len(lines))
}

func abbreviate(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
