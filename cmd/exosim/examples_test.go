package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/store"
	seeds "github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// TestHelpExamplesRun runs every Get-Help example of every registered
// command, each on a fresh copy of the contoso tenant in its own session,
// and requires it to succeed: exit code 0 and no error record shown.
// Sessions have an in-memory file system, so examples that write files
// leave nothing behind.
func TestHelpExamplesRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.db")
	st, err := tenant.Open(seed, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := seeds.Init(st, seeds.Contoso, time.Time{}, false); err != nil {
		t.Fatal(err)
	}
	st.Close()
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}

	// The command list comes from a session like the one the examples run in.
	listStore, err := tenant.Open(seed, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	cmds := registry.NewSession(&host.IO{Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}, listStore, registry.Options{}).Commands()
	listStore.Close()

	n := 0
	for _, c := range cmds {
		if len(c.Examples) == 0 {
			continue
		}
		path := filepath.Join(dir, "ex.db")
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		st, err := tenant.Open(path, store.Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut strings.Builder
		// Examples are what a user types at the prompt: confirmation
		// prompts are answered with the default, Yes.
		io := &host.IO{Out: &out, Err: &errOut, Width: 120, StdinTTY: true, In: strings.NewReader(strings.Repeat("\n", 50))}
		rt := registry.NewSession(io, st, registry.Options{})
		// Graph examples assume Connect-MgGraph, as Exchange ones assume
		// the connected session exosim starts with.
		if strings.HasPrefix(c.Module, "Microsoft.Graph") && c.Name != "Connect-MgGraph" {
			rt.Run(syntax.NewSource("", "Connect-MgGraph -Scopes User.ReadWrite.All, Directory.ReadWrite.All -NoWelcome"), runtime.RunOptions{})
		}
		// A command's examples run in order in one session, so a later
		// example may use a variable an earlier one set.
		for i, ex := range c.Examples {
			n++
			out.Reset()
			errOut.Reset()
			before := rt.ErrorsWritten()
			code := rt.Run(syntax.NewSource("", ex.Code), runtime.RunOptions{})
			if code == 0 && rt.ErrorsWritten() == before && errOut.Len() == 0 {
				continue
			}
			t.Errorf("%s example %d failed (exit %d):\n  %s\n%s%s", c.Name, i+1, code, ex.Code, errOut.String(), out.String())
		}
		st.Close()
	}
	if n == 0 {
		t.Fatal("no examples found")
	}
	t.Logf("%d examples ran", n)
}
