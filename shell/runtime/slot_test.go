package runtime_test

import (
	"fmt"
	"testing"

	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
)

func TestSlots(t *testing.T) {
	t.Parallel()
	type counter struct{ n int }
	a, b := runtime.NewSlot[*counter](), runtime.NewSlot[*counter]()
	named := runtime.NewSlot[interface{ Name() string }]()
	rt1, rt2 := runtime.New(nil, nil), runtime.New(nil, nil)

	if _, ok := a.Get(rt1); ok {
		t.Fatal("a new session has a value in a slot")
	}
	a.Of(rt1, func() *counter { return &counter{} }).n++
	a.Of(rt1, func() *counter { return &counter{n: 100} }).n++
	if c, ok := a.Get(rt1); !ok || c.n != 2 {
		t.Fatalf("Of did not keep the first value: %+v %v", c, ok)
	}
	if _, ok := b.Get(rt1); ok {
		t.Fatal("two slots of the same type share a value")
	}
	if _, ok := a.Get(rt2); ok {
		t.Fatal("two sessions share a slot's value")
	}
	named.Set(rt1, nil)
	if v, ok := named.Get(rt1); !ok || v != nil {
		t.Fatalf("a nil interface set reads back as %v %v", v, ok)
	}
	a.Clear(rt1)
	if _, ok := a.Get(rt1); ok {
		t.Fatal("Clear kept the value")
	}
}

// countSlot is the state of the Count-Input test command.
var countSlot = runtime.NewInvocationSlot[struct{ n int }]()

func TestInvocationSlots(t *testing.T) {
	t.Parallel()
	counter := &runtime.Command{Name: "Count-Input", Type: runtime.CmdletCommand}
	counter.Params = []*params.Param{params.P("InputObject", params.TObject, params.FromPipeline())}
	counter.Handler.Process = runtime.CollectInput
	counter.Handler.End = func(ctx *runtime.Context) error {
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
