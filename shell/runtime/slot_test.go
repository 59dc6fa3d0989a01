package runtime_test

import (
	"fmt"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// countSlot is the state of the Count-Input test command.
var countSlot = command.NewInvocationSlot[struct{ n int }]()

func TestInvocationSlots(t *testing.T) {
	t.Parallel()
	counter := &command.Command{Name: "Count-Input", Type: command.CmdletCommand}
	counter.Params = []*params.Param{params.P("InputObject", params.TObject, params.FromPipeline())}
	counter.Handler.Process = command.CollectInput
	counter.Handler.End = func(ctx *command.Context) error {
		st := countSlot.Of(ctx)
		st.n += len(ctx.Collected())
		return ctx.WriteObject(fmt.Sprintf("%d from %d", countSlot.Of(ctx).n, len(ctx.Collected())))
	}
	cases := []struct{ line, want string }{
		{"1,2,3 | Count-Input", "3 from 3"},
		// each invocation starts empty, even two in one pipeline
		{"1,2,3 | Count-Input; 'a' | Count-Input", "3 from 3\n1 from 1"},
		{"1,2 | Count-Input | Count-Input", "1 from 1"},
		{"Count-Input", "0 from 0"},
		{"1..2 | ForEach-Object { $_ | Count-Input }", "1 from 1\n1 from 1"},
	}
	for _, c := range cases {
		if got := runWithSetup(t, counter, c.line, nil); got != c.want {
			t.Errorf("%s: got %q, want %q", c.line, got, c.want)
		}
	}
}
