package command

import "testing"

// echoCmd is a command that writes its own name.
func echoCmd(name string) *Command {
	c := &Command{Name: name, Module: "Test"}
	c.Handler.Process = func(ctx *Context) error { return ctx.WriteObject(name) }
	return c
}

func TestLazyBuildMustMatchItsNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		built []string
	}{
		{"missing", []string{"Get-One"}},
		{"extra", []string{"Get-One", "Get-Two", "Get-Three"}},
		{"renamed", []string{"Get-One", "Get-Too"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmds := LazyGroup(func() []*Command {
				var out []*Command
				for _, n := range tc.built {
					out = append(out, echoCmd(n))
				}
				return out
			}, "Get-One", "Get-Two")
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			Built(cmds)
		})
	}
}

func TestBuiltLeavesOrdinaryCommands(t *testing.T) {
	t.Parallel()
	plain := echoCmd("Get-Plain")
	got := Built([]*Command{plain, Lazy("Get-Lazy", func() *Command { return echoCmd("Get-Lazy") })})
	if got[0] != plain || got[1].Name != "Get-Lazy" || got[1].Module != "Test" {
		t.Errorf("Built: %+v", got)
	}
}
