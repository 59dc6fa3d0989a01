package runtime_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

func TestDeclaredTablesAreBuiltOnFirstUse(t *testing.T) {
	t.Parallel()
	builds := map[string]int{}
	one := func(name string) func() *command.Command {
		return func() *command.Command { builds[name]++; return echoCmd(name) }
	}
	table := &command.Table{
		Commands: []command.Decl{{Name: "Get-One", Build: one("Get-One")}, {Name: "Get-Shadowed", Build: one("Get-Shadowed")}},
		Groups: []command.Group{{Names: []string{"Get-Two", "Set-Two"}, Build: func() []*command.Command {
			builds["Get-Two"]++
			return []*command.Command{echoCmd("Set-Two"), echoCmd("Get-Two")}
		}}},
	}
	other := &command.Table{Commands: []command.Decl{{Name: "Get-Wrapped", Build: one("Get-Wrapped")}}}
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt.Declare(table, other)
	// A registered command wins over a declared one of the same name.
	shadow := &command.Command{Name: "Get-Shadowed", Module: "Test"}
	shadow.Handler.Process = func(ctx *command.Context) error { return ctx.WriteObject("registered") }
	rt.Register(shadow)
	// Wrap reaches a declared command without building it.
	rt.Wrap("get-wrapped", func(orig *command.Command) *command.Command {
		c := *orig
		c.Handler.Process = func(ctx *command.Context) error {
			if err := ctx.WriteObject("before"); err != nil {
				return err
			}
			return orig.Handler.Process(ctx)
		}
		return &c
	})
	run := func(line string) string {
		buf.Reset()
		rt.Run(syntax.NewSource("", line), runtime.RunOptions{})
		return strings.TrimSpace(buf.String())
	}
	if len(builds) != 0 {
		t.Fatalf("built before use: %v", builds)
	}
	if got := run("get-one; Get-One; set-two"); got != "Get-One\nGet-One\nSet-Two" {
		t.Errorf("run: %q", got)
	}
	if got := run("Get-Two"); got != "Get-Two" {
		t.Errorf("the rest of a used group: %q", got)
	}
	if builds["Get-One"] != 1 || builds["Get-Two"] != 1 || builds["Get-Wrapped"] != 0 {
		t.Errorf("builds: %v", builds)
	}
	if got := run("Get-Shadowed"); got != "registered" {
		t.Errorf("a registered command of a declared name: %q", got)
	}
	if got := run("Get-Wrapped"); got != "before\nGet-Wrapped" {
		t.Errorf("a wrapped declared command: %q", got)
	}
	if got := run("Get-Three"); !strings.Contains(got, "is not recognized") {
		t.Errorf("a name no table declares: %q", got)
	}
	var names []string
	for _, c := range rt.Commands() {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "Get-One,Get-Shadowed,Get-Two,Get-Wrapped,Set-Two" {
		t.Errorf("Commands: %s", got)
	}
	if builds["Get-Shadowed"] != 0 {
		t.Errorf("a declared command a registered one shadows was built: %v", builds)
	}
	if !rt.HasModule("test") {
		t.Error("HasModule does not see the module of a declared command")
	}
	// Every session builds its own commands.
	rt2 := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt2.Declare(table)
	if c := rt2.Registered("Get-One"); c == nil || c.Module != "Test" || builds["Get-One"] != 2 {
		t.Errorf("a second session: %+v, builds %v", c, builds)
	}
}

func TestTableStandIns(t *testing.T) {
	t.Parallel()
	built := 0
	table := &command.Table{
		Commands: []command.Decl{{Name: "Get-One", Build: func() *command.Command { built++; return echoCmd("Get-One") }}},
		Groups:   []command.Group{{Names: []string{"Get-Two"}, Build: func() []*command.Command { built++; return []*command.Command{echoCmd("Get-Two")} }}},
	}
	standIns := table.StandIns()
	if built != 0 || len(standIns) != 2 {
		t.Fatalf("stand-ins: %d built, %d returned", built, len(standIns))
	}
	var names []string
	for _, c := range command.Built(standIns) {
		names = append(names, c.Name+"/"+c.Module)
	}
	if got := strings.Join(names, ","); got != "Get-One/Test,Get-Two/Test" || built != 2 {
		t.Errorf("built stand-ins: %s (%d builds)", got, built)
	}
}
