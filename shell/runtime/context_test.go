package runtime_test

import (
	"fmt"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// A handler reads its parameters, by a name in any case, without
// allocating: it reads them again for every pipeline object.
func TestParameterReadsDoNotAllocate(t *testing.T) {
	c := &command.Command{Name: "Test-Read", Module: "Test", Version: "1.0", FullTypeName: "Test.TestReadCommand"}
	c.Params = []*params.Param{params.P("Property", params.TString), params.P("Force", params.TSwitch)}
	c.Handler.Process = func(ctx *command.Context) error {
		allocs := testing.AllocsPerRun(100, func() {
			_ = ctx.String("Property")
			_ = ctx.Has("PROPERTY")
			_ = ctx.Switch("Force")
			_ = ctx.Value("Nothing")
		})
		return ctx.WriteObject(fmt.Sprintf("%s %s %v %v %v, %v allocations", ctx.String("Property"), ctx.String("PROPERTY"), ctx.Has("property"), ctx.Switch("Force"), ctx.Has("Nothing"), allocs))
	}
	if out := runWith(t, c, "Test-Read -Property Name -Force"); out != "Name Name true true false, 0 allocations" {
		t.Errorf("output %q", out)
	}
}
