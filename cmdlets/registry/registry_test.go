package registry

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/cmdlets/labs"
	"github.com/exosim/exosim/cmdlets/pester"
	"github.com/exosim/exosim/cmdlets/session"
	"github.com/exosim/exosim/cmdlets/sim"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/store/storetest"
)

// Every package declares its commands by name and builds them on first
// use: listing a session's commands builds each one, and a name that
// does not match what its builder makes panics here.
func TestEveryLazyCommandBuilds(t *testing.T) {
	t.Parallel()
	rt := NewSession(&host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}, nil, Options{})
	cmds := rt.Commands()
	if len(cmds) < 300 {
		t.Fatalf("only %d commands", len(cmds))
	}
	for _, c := range cmds {
		if c.Handler.Begin == nil && c.Handler.Process == nil && c.Handler.End == nil {
			t.Errorf("%s has no handler", c.Name)
		}
	}
}

// BenchmarkNewSession is the session a one-shot command builds over a
// seeded tenant before it runs anything (go test -bench NewSession
// -benchmem): what it allocates is what a one-shot pays for commands,
// views and aliases it never uses.
func BenchmarkNewSession(b *testing.B) {
	st := storetest.Seeded(b, "contoso")
	io := &host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}
	b.ReportAllocs()
	for b.Loop() {
		NewSession(io, st, Options{})
	}
}

// A session adds most packages' views only when a lookup first finds no
// view: every lookup must answer as if every package had added its views
// at the start, in registration order.
func TestDeferredViewsAnswerAsAdded(t *testing.T) {
	t.Parallel()
	eager := format.NewRegistry()
	core.Views(eager)
	for _, pkg := range packages {
		if pkg.views != nil {
			pkg.views(eager)
		}
	}
	labs.Views(eager)
	describe := func(r *format.Registry, typeName string) string {
		var b strings.Builder
		for _, kind := range []format.ViewKind{format.AutoView, format.TableView, format.ListView, format.CustomView} {
			if v := r.Lookup([]string{typeName}, kind, ""); v != nil {
				fmt.Fprintf(&b, "%d:%s/%d/%d/%d;", kind, v.Name, v.Kind, len(v.Columns), len(v.Items))
			}
		}
		fmt.Fprintf(&b, "defaults %q", r.DefaultProperties(typeName))
		return b.String()
	}
	names := eager.TypeNames()
	if len(names) < 50 {
		t.Fatalf("only %d type names have views", len(names))
	}
	// Each type name is the first lookup of a fresh session once: a view
	// found before the deferred ones ran must be the one they would give.
	for _, first := range names {
		rt := NewSession(&host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}, nil, Options{})
		if got, want := describe(rt.Formats, first), describe(eager, first); got != want {
			t.Errorf("%s as a session's first lookup: %s, want %s", first, got, want)
		}
		if first != names[0] {
			continue
		}
		for _, n := range names {
			if got, want := describe(rt.Formats, n), describe(eager, n); got != want {
				t.Errorf("%s: %s, want %s", n, got, want)
			}
		}
	}
}

// A session has what the packages it assembles used to add themselves
// (pester.Declare, an init function of onprem): the Pester commands, and
// the types of the on-premises values and of Pester's configuration,
// queued as data and declared at the first type lookup.
func TestSessionHasPesterAndItsTypes(t *testing.T) {
	t.Parallel()
	rt := NewSession(&host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}, nil, Options{})
	for _, name := range []string{"Describe", "It", "Should", "Invoke-Pester", "New-PesterConfiguration"} {
		if c, ok := rt.LookupCommand(name); !ok || c.Module != pester.Module {
			t.Errorf("%s: not a Pester command of the session", name)
		}
	}
	for _, name := range []string{"PesterConfiguration", "Microsoft.Exchange.Data.ByteQuantifiedSize"} {
		if dotnet.LookupDef(name, 0) == nil {
			t.Errorf("type %s not declared", name)
		}
	}
}

// The list of tables a session declares is packages' tables in their
// order, then PowerShell's simulated cmdlets, the session cmdlets and
// Pester's.
func TestPackageTablesFollowPackages(t *testing.T) {
	t.Parallel()
	want := []*command.Table{}
	for _, pkg := range packages {
		want = append(want, pkg.cmds)
	}
	want = append(want, &sim.PowerShellCmdlets, &session.Cmdlets, &pester.Cmdlets)
	if len(packageTables) != len(want) {
		t.Fatalf("packageTables has %d tables, want %d", len(packageTables), len(want))
	}
	for i, tb := range packageTables {
		if tb != want[i] {
			t.Errorf("packageTables[%d] is not the table of packages[%d]", i, i)
		}
	}
}
