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

// echoCmd is a command that writes its own name.
func echoCmd(name string) *command.Command {
	c := &command.Command{Name: name, Module: "Test"}
	c.Handler.Process = func(ctx *command.Context) error { return ctx.WriteObject(name) }
	return c
}

func TestLazyCommandsAreBuiltOnFirstUse(t *testing.T) {
	t.Parallel()
	builds := map[string]int{}
	group := func(names ...string) []*command.Command {
		return command.LazyGroup(func() []*command.Command {
			builds[names[0]]++
			var out []*command.Command
			for _, n := range names {
				out = append(out, echoCmd(n))
			}
			return out
		}, names...)
	}
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt.Register(group("Get-One", "Get-Two")...)
	rt.Register(group("Get-Three")...)
	// A later registration of a name replaces its stand-in, as it
	// replaces a built command.
	rt.Register(group("Get-Four", "Get-Three")...)
	run := func(line string) string {
		buf.Reset()
		rt.Run(syntax.NewSource("", line), runtime.RunOptions{})
		return strings.TrimSpace(buf.String())
	}
	if got := run("Get-Two; get-one; Get-Two"); got != "Get-Two\nGet-One\nGet-Two" {
		t.Errorf("run: %q", got)
	}
	if builds["Get-One"] != 1 || builds["Get-Three"] != 0 || builds["Get-Four"] != 0 {
		t.Errorf("builds after one group was used: %v", builds)
	}
	if got := run("Get-Three"); got != "Get-Three" || builds["Get-Three"] != 0 || builds["Get-Four"] != 1 {
		t.Errorf("a replaced stand-in: %q, builds %v", got, builds)
	}
	if c := rt.Registered("Get-One"); c == nil || c.Module != "Test" {
		t.Errorf("Registered gives %+v", c)
	}
	var names []string
	for _, c := range rt.Commands() {
		if c.Module != "Test" {
			t.Errorf("Commands lists a stand-in: %+v", c)
		}
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "Get-Four,Get-One,Get-Three,Get-Two" {
		t.Errorf("Commands: %s", got)
	}
	if builds["Get-Three"] != 0 {
		t.Errorf("a replaced group was built: %v", builds)
	}
	if !rt.HasModule("test") {
		t.Error("HasModule does not see the module of a lazily declared command")
	}
}

// Wrap replaces a registered command with a wrapper of it without
// building either until the name is first resolved; a name the session
// does not have is left alone.
func TestWrapBuildsOnFirstUse(t *testing.T) {
	t.Parallel()
	builds, wraps := 0, 0
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt.Register(command.Lazy("Get-Inner", func() *command.Command { builds++; return echoCmd("Get-Inner") }))
	wrap := func(orig *command.Command) *command.Command {
		wraps++
		cp := *orig
		inner := orig.Handler.Process
		cp.Handler.Process = func(ctx *command.Context) error {
			if err := inner(ctx); err != nil {
				return err
			}
			return ctx.WriteObject("wrapped")
		}
		return &cp
	}
	rt.Wrap("get-inner", wrap)
	rt.Wrap("Get-Missing", wrap)
	if builds != 0 || wraps != 0 {
		t.Fatalf("Wrap built the command: %d builds, %d wraps", builds, wraps)
	}
	if _, ok := rt.LookupCommand("Get-Missing"); ok {
		t.Error("Wrap of an unknown name registered it")
	}
	for i := 0; i < 2; i++ {
		buf.Reset()
		rt.Run(syntax.NewSource("", "Get-Inner"), runtime.RunOptions{})
		if got := strings.TrimSpace(buf.String()); got != "Get-Inner\nwrapped" {
			t.Errorf("run %d: %q", i, got)
		}
	}
	if builds != 1 || wraps != 1 {
		t.Errorf("%d builds, %d wraps; want one of each", builds, wraps)
	}
	if c := rt.Registered("Get-Inner"); c == nil || c.Name != "Get-Inner" {
		t.Errorf("Registered gives %+v", c)
	}
}

// Register keys commands by their lower-case names whether they come in a
// batch of ASCII names (lower-cased together) or not.
func TestRegisterKeysByLowerCaseName(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rt := runtime.New(&host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}, nil)
	rt.Register(echoCmd("Get-Alpha"), echoCmd("SET-BETA"), echoCmd("x"))
	rt.Register(echoCmd("Get-Größe"), echoCmd("Get-Gamma"))
	rt.Register(echoCmd("Get-Delta"))
	for _, line := range []string{"get-alpha", "Set-Beta", "X", "GET-GRÖßE", "get-größe", "Get-GAMMA", "get-delta"} {
		buf.Reset()
		rt.Run(syntax.NewSource("", line), runtime.RunOptions{})
		if got := strings.TrimSpace(buf.String()); strings.Contains(got, "not recognized") || got == "" {
			t.Errorf("%s: %q", line, got)
		}
	}
}
