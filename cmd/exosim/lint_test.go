package main

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/exosim/exosim/cmdlets/lint"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/host"
)

func testLinter() *lint.Linter {
	e := &env{io: &host.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}, getenv: func(string) string { return "" }}
	return newLinter(e, false)
}

// scriptWords splits a testscript command line into words: spaces separate
// words, single quotes group them and a doubled quote inside quotes is
// one quote.
func scriptWords(line string) []string {
	var words []string
	var cur strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case quoted && ch == '\'' && i+1 < len(line) && line[i+1] == '\'':
			cur.WriteByte('\'')
			i++
		case ch == '\'':
			quoted = !quoted
			inWord = true
		case !quoted && (ch == ' ' || ch == '\t'):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// sessionScripts returns the PowerShell a testscript session runs and
// expects to succeed: the -c lines of exec exosim not preceded by !, and
// the *.ps1 files that no failing exec runs.
func sessionScripts(ar *txtar.Archive) (lines []string, files map[string]string) {
	failing := map[string]bool{}
	stdinFile := ""
	for _, raw := range strings.Split(string(ar.Comment), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		neg := false
		for {
			switch {
			case strings.HasPrefix(line, "!"):
				neg = true
				line = strings.TrimSpace(line[1:])
				continue
			case strings.HasPrefix(line, "["):
				if i := strings.IndexByte(line, ']'); i > 0 {
					line = strings.TrimSpace(line[i+1:])
					continue
				}
			}
			break
		}
		w := scriptWords(line)
		if len(w) >= 2 && w[0] == "stdin" {
			stdinFile = w[1]
			continue
		}
		if len(w) < 2 || w[0] != "exec" || w[1] != "exosim" {
			continue
		}
		if onPremShell(w) {
			continue // an Exchange Management Shell session, not an Exchange Online runbook
		}
		for i := 2; i < len(w); i++ {
			if (w[i] == "-c" || w[i] == "--command") && i+1 < len(w) && !neg {
				lines = append(lines, w[i+1])
			}
			if strings.HasPrefix(w[i], "--command=") && !neg {
				lines = append(lines, strings.TrimPrefix(w[i], "--command="))
			}
			if strings.HasSuffix(w[i], ".ps1") && neg {
				failing[w[i]] = true
			}
		}
		if neg && stdinFile != "" {
			failing[stdinFile] = true
		}
		stdinFile = ""
	}
	files = map[string]string{}
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".ps1") && !failing[f.Name] {
			files[f.Name] = string(f.Data)
		}
	}
	return lines, files
}

// onPremShell reports whether an exec line starts exosim --onprem.
func onPremShell(words []string) bool {
	for _, w := range words {
		if w == "--onprem" {
			return true
		}
	}
	return false
}

// TestLintTestdata lints every script the testscript sessions expect to
// run cleanly, and every Get-Help example: none may have an error. The
// lint_* sessions are the linter's own cases and check their output.
func TestLintTestdata(t *testing.T) {
	t.Parallel()
	l := testLinter()
	paths, err := filepath.Glob("../../testdata/script/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata sessions: %v", err)
	}
	checked := 0
	for _, path := range paths {
		base := filepath.Base(path)
		if strings.HasPrefix(base, "lint_") {
			continue
		}
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines, files := sessionScripts(ar)
		for i, line := range lines {
			checked++
			for _, f := range l.Text(base+" -c #"+strconv.Itoa(i+1), line) {
				if f.Severity == lint.Error {
					t.Errorf("%s\n  in: %s", f, line)
				} else {
					t.Logf("%s", f)
				}
			}
		}
		for name, text := range files {
			checked++
			for _, f := range l.Text(base+"/"+name, text) {
				if f.Severity == lint.Error {
					t.Errorf("%s", f)
				} else {
					t.Logf("%s", f)
				}
			}
		}
	}
	e := &env{io: &host.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}, getenv: func(string) string { return "" }}
	rt := registry.NewSession(e.io, nil, registry.Options{})
	for _, c := range rt.Commands() {
		for i, ex := range c.Examples {
			checked++
			for _, f := range l.Text("Get-Help "+c.Name+" example "+strconv.Itoa(i+1), ex.Code) {
				if f.Severity == lint.Error {
					t.Errorf("%s\n  in: %s", f, ex.Code)
				}
			}
		}
	}
	t.Logf("%d scripts checked", checked)
	if checked == 0 {
		t.Fatal("no scripts found")
	}
}

func TestScriptWords(t *testing.T) {
	t.Parallel()
	got := scriptWords(`exec exosim -c 'Get-Date -Format ''yyyy'' | Out-String'  x`)
	want := []string{"exec", "exosim", "-c", "Get-Date -Format 'yyyy' | Out-String", "x"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}

// TestLintNoTenant checks that lint neither needs nor creates a tenant.
func TestLintNoTenant(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out strings.Builder
	e := &env{io: &host.IO{In: strings.NewReader("Get-Date -Formatt x\n"), Out: &out, Err: io.Discard}, getenv: func(k string) string {
		if k == "EXOSIM_TENANT" {
			return filepath.Join(dir, "tenant.db")
		}
		return ""
	}}
	if code := run([]string{"lint", "-"}, e); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if want := "<stdin>:1:10: error: A parameter cannot be found that matches parameter name 'Formatt'.\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("lint created %v", m)
	}
}
