package pester_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// session is a session over a fresh contoso tenant whose files are the
// archive's (in /t, the current folder), reporting durations as zero.
func session(t testing.TB, files map[string]string) (*runtime.Runtime, *bytes.Buffer) {
	t.Helper()
	st := storetest.Seeded(t, "contoso")
	mem := fsys.NewMem()
	for name, text := range files {
		p := "/t/" + name
		if err := mem.MkdirAll(filepath.Dir(p)); err != nil {
			t.Fatal(err)
		}
		w, err := mem.OpenFile(p, os.O_CREATE|os.O_TRUNC|os.O_WRONLY)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, text); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	var out bytes.Buffer
	hio := &host.IO{In: strings.NewReader(""), Out: &out, Err: &out, Width: 120}
	rt := registry.NewSession(hio, st, registry.Options{
		Files:   &fsys.Config{FS: mem, Cwd: "/t", DriveC: "/c"},
		Environ: []string{"EXOSIM_TEST_TIMINGS=zero"},
	})
	return rt, &out
}

// TestCases runs each testdata/*.txtar: its "run" section is typed into a
// session whose files are the archive's other sections; the session's
// output must be the "want" section.
func TestCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatal("no cases", err)
	}
	for _, path := range paths {
		path := path
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			var run string
			want, hasWant := "", false
			for _, f := range ar.Files {
				switch f.Name {
				case "run":
					run = string(f.Data)
				case "want":
					want, hasWant = string(f.Data), true
				default:
					files[f.Name] = string(f.Data)
				}
			}
			rt, out := session(t, files)
			rt.Run(syntax.NewSource("", run), runtime.RunOptions{Script: true})
			got := out.String()
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = []byte(got)
					}
				}
				if !hasWant {
					ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(got)})
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("output differs\n--- got ---\n%s\n--- want ---\n%s", got, want)
			}
		})
	}
}

// An interrupted run (Ctrl+C) stops: no later test runs and no summary
// is written.
func TestInterruptStopsTheRun(t *testing.T) {
	rt, out := session(t, map[string]string{"a.Tests.ps1": `
Describe 'D' {
    It 'a' { Stop-Now; Write-Host 'a went on' }
    It 'b' { Write-Host 'b ran' }
}
Describe 'E' { It 'c' { Write-Host 'c ran' } }
`})
	rt.Register(&command.Command{Name: "Stop-Now", Handler: command.Handler{Process: func(ctx *command.Context) error {
		runtime.Of(ctx).Interrupt()
		return nil
	}}})
	rt.Run(syntax.NewSource("", "Invoke-Pester"), runtime.RunOptions{})
	got := out.String()
	for _, s := range []string{"a went on", "b ran", "c ran", "Tests completed", "[-]"} {
		if strings.Contains(got, s) {
			t.Errorf("output has %q after the interrupt:\n%s", s, got)
		}
	}
}
