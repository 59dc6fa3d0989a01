package runtime_test

import (
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

func TestGatesHideCommandsAndParameters(t *testing.T) {
	c := probe(command.FunctionCommand)
	got := runWith(t, c, "Test-Bind -Department x")
	if got != "Identity: Department=x" {
		t.Fatalf("without gates: %q", got)
	}
	gated := func(t *testing.T, line string, cmdGate command.CommandGate, paramGate command.ParamGate) string {
		t.Helper()
		return runWithSetup(t, probe(command.FunctionCommand), line, func(rt *runtime.Runtime) {
			if cmdGate != nil {
				rt.AddCommandGate(cmdGate)
			}
			if paramGate != nil {
				rt.AddParamGate(paramGate)
			}
		})
	}
	hideCmd := func(_ command.Session, c *command.Command) bool { return c.Name != "Test-Bind" }
	if got := gated(t, "Test-Bind", hideCmd, nil); got != "Test-Bind: The term 'Test-Bind' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again." {
		t.Errorf("hidden command: %q", got)
	}
	hideDept := func(_ command.Session, c *command.Command) func(p *params.Param) bool {
		return func(p *params.Param) bool { return p.Name != "Department" }
	}
	if got := gated(t, "Test-Bind -Department x", nil, hideDept); got != "Test-Bind: A parameter cannot be found that matches parameter name 'Department'." {
		t.Errorf("hidden parameter: %q", got)
	}
	// -D is no longer ambiguous once Department is hidden: the command's
	// own DisplayName wins over the common -Debug.
	if got := gated(t, "Test-Bind -D x", nil, hideDept); got != "Identity: DisplayName=x" {
		t.Errorf("prefix with a hidden parameter: %q", got)
	}
}

func TestInterruptStopsARunningCommandLine(t *testing.T) {
	var out []string
	got := runWithSetup(t, probe(command.CmdletCommand), "$i = 0; while ($true) { $i++; if ($i -eq 50) { Stop-Now } }; 'not reached'", func(rt *runtime.Runtime) {
		stop := &command.Command{Name: "Stop-Now", Type: command.CmdletCommand}
		stop.Handler.Process = func(ctx *command.Context) error {
			runtime.Of(ctx).Interrupt()
			out = append(out, "interrupted")
			return nil
		}
		rt.Register(stop)
	})
	if got != "" || len(out) != 1 {
		t.Fatalf("output %q, interrupts %v", got, out)
	}
}
