package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/tenant"
)

// The conformance suite: testdata/conformance/*.txt hold PowerShell
// snippets with the text PowerShell 7.4 prints for them. The format of a
// file:
//
//	# comment lines before the first case
//	=== case name
//	PowerShell input (run as a script file: one Out-Default at the end)
//	--- output
//	expected output (stdout and stderr as they interleave)
//
// Each case runs in a fresh session (its own variables and functions) on
// the file's own freshly seeded contoso tenant. $TestDrive names an empty
// directory of the case's own, as in Pester. Output is compared after
// dropping trailing blanks on each line and blank lines at both ends.
//
// The ratchet: known-failures.txt lists the cases expected to fail today
// ("file/case name" per line). A failing case not in the list fails the
// test; a listed case that passes is only logged, so whoever fixes a
// behaviour shrinks the list. EXOSIM_CONFORMANCE_UPDATE=1 rewrites the
// list from this run's results.

const (
	conformanceDir       = "../../testdata/conformance"
	knownFailuresFile    = "known-failures.txt"
	conformanceCaseLimit = 30 * time.Second
	outputMarker         = "--- output"
)

type confCase struct {
	file, name string
	line       int
	input      string
	want       string
}

func (c confCase) id() string { return c.file + "/" + c.name }

// parseConformance reads one case file.
func parseConformance(file string, data []byte) ([]confCase, error) {
	var cases []confCase
	var cur *confCase
	var in, out []string
	inOutput := false
	flush := func() error {
		if cur == nil {
			return nil
		}
		if !inOutput {
			return fmt.Errorf("%s:%d: case %q has no %q line", file, cur.line, cur.name, outputMarker)
		}
		cur.input = strings.Join(in, "\n")
		cur.want = strings.Join(out, "\n")
		cases = append(cases, *cur)
		cur, in, out, inOutput = nil, nil, nil, false
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(line, "=== "):
			if err := flush(); err != nil {
				return nil, err
			}
			cur = &confCase{file: file, name: strings.TrimSpace(line[4:]), line: n}
		case cur == nil:
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
				return nil, fmt.Errorf("%s:%d: text before the first case", file, n)
			}
		case line == outputMarker && !inOutput:
			inOutput = true
		case inOutput:
			out = append(out, line)
		default:
			in = append(in, line)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return cases, nil
}

// normalizeOutput drops trailing blanks on each line and blank lines at
// both ends.
func normalizeOutput(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

type confResult struct {
	c    confCase
	got  string
	pass bool
}

// runConformanceFile runs one file's cases on a fresh tenant.
func runConformanceFile(t *testing.T, file string, cases []confCase) []confResult {
	dir := t.TempDir()
	path := filepath.Join(dir, "tenant.db")
	if err := copySeededTenant(path); err != nil {
		t.Fatal(err)
	}
	st, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var results []confResult
	for i, c := range cases {
		drive := filepath.Join(dir, fmt.Sprintf("case%03d", i))
		if err := os.Mkdir(drive, 0o755); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		// The cases are pwsh's output in a non-interactive run
		// (-NonInteractive): a prompt fails instead of reading stdin.
		io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120, NonInteractive: true}
		// The case's files are the host's, starting in the test's
		// directory (its C: drive inside the case's).
		files := &fsys.Config{FS: fsys.OS(), Cwd: dir, Home: dir, DriveC: filepath.Join(drive, "C")}
		rt := registry.NewSession(io, st, registry.Options{Files: files})
		rt.Scope().Global().Set("TestDrive", drive)
		// A case that loops forever (a construct exosim misreads) is
		// stopped as Ctrl+C would stop it, and fails.
		timer := time.AfterFunc(conformanceCaseLimit, rt.Interrupt)
		rt.Run(syntax.NewSource(filepath.Join(drive, "case.ps1"), c.input), runtime.RunOptions{Script: true})
		timer.Stop()
		// Paths under the case's directory print as TestDrive, so
		// expected text does not depend on where the test runs.
		got := normalizeOutput(strings.ReplaceAll(buf.String(), drive, "TestDrive"))
		results = append(results, confResult{c: c, got: got, pass: got == normalizeOutput(c.want)})
	}
	return results
}

func readKnownFailures(t *testing.T) map[string]bool {
	known := map[string]bool{}
	data, err := os.ReadFile(filepath.Join(conformanceDir, knownFailuresFile))
	if err != nil {
		if os.IsNotExist(err) {
			return known
		}
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			known[l] = true
		}
	}
	return known
}

func writeKnownFailures(t *testing.T, failing []string) {
	sort.Strings(failing)
	var b strings.Builder
	b.WriteString("# Conformance cases expected to fail today (file/case name), one per line.\n")
	b.WriteString("# Remove a line when its case passes; EXOSIM_CONFORMANCE_UPDATE=1 go test ./cmd/exosim -run TestConformance rewrites the list.\n")
	for _, f := range failing {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(conformanceDir, knownFailuresFile), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConformance runs every case of testdata/conformance under the
// ratchet described above.
func TestConformance(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(conformanceDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var all [][]confCase
	seen := map[string]bool{}
	for _, f := range files {
		if filepath.Base(f) == knownFailuresFile {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		stem := strings.TrimSuffix(filepath.Base(f), ".txt")
		cases, err := parseConformance(stem, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if seen[c.id()] {
				t.Fatalf("%s:%d: duplicate case name %q", stem, c.line, c.id())
			}
			seen[c.id()] = true
		}
		all = append(all, cases)
	}
	if len(all) == 0 {
		t.Fatal("no conformance cases")
	}

	var mu sync.Mutex
	var results []confResult
	t.Run("files", func(t *testing.T) {
		for _, cases := range all {
			cases := cases
			if len(cases) == 0 {
				continue
			}
			t.Run(cases[0].file, func(t *testing.T) {
				t.Parallel()
				r := runConformanceFile(t, cases[0].file, cases)
				mu.Lock()
				results = append(results, r...)
				mu.Unlock()
			})
		}
	})
	if t.Failed() {
		return
	}

	known := readKnownFailures(t)
	update := os.Getenv("EXOSIM_CONFORMANCE_UPDATE") != ""
	var failing []string
	pass := 0
	for _, r := range results {
		id := r.c.id()
		switch {
		case r.pass && known[id]:
			pass++
			t.Logf("now passes (remove it from %s): %s", knownFailuresFile, id)
		case r.pass:
			pass++
		case known[id]:
			failing = append(failing, id)
		default:
			failing = append(failing, id)
			if update {
				continue
			}
			t.Errorf("%s:%d: %s\ninput:\n%s\nwant:\n%s\ngot:\n%s", r.c.file+".txt", r.c.line, r.c.name,
				indent(r.c.input), indent(normalizeOutput(r.c.want)), indent(r.got))
		}
	}
	for id := range known {
		if !seen[id] {
			t.Logf("%s lists a case that does not exist: %s", knownFailuresFile, id)
		}
	}
	t.Logf("conformance: %d/%d cases pass", pass, len(results))
	if update {
		writeKnownFailures(t, failing)
		t.Logf("rewrote %s with %d cases", knownFailuresFile, len(failing))
	}
}

func indent(s string) string {
	if s == "" {
		return "    (nothing)"
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// TestParseConformance checks the case-file reader on a small sample.
func TestParseConformance(t *testing.T) {
	t.Parallel()
	src := "# header\n\n=== one\n1 + 1\n--- output\n2\n\n=== two\n'a'\n'b'\n--- output\na\n---\nb\n"
	cases, err := parseConformance("x", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].name != "one" || cases[0].input != "1 + 1" || normalizeOutput(cases[0].want) != "2" ||
		cases[1].input != "'a'\n'b'" || cases[1].want != "a\n---\nb" {
		t.Fatalf("parsed %+v", cases)
	}
	if _, err := parseConformance("x", []byte("=== no output\n1\n")); err == nil {
		t.Fatal("a case without an output line was accepted")
	}
}
