package command_test

import (
	"testing"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

func TestObservation(t *testing.T) {
	t.Parallel()
	c := cmd("M", "Set-Thing")
	c.Params = []*params.Param{{Name: "Name"}}
	bindings := map[string]any{"name": "x"}
	start := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	first, second := &object.ErrorRecord{Message: "first"}, &object.ErrorRecord{Message: "second"}

	var o command.Observation
	// No observed call runs: nothing is kept of it.
	o.SetNote("early")
	o.Decline()
	if _, ok := o.Current(c, "st", bindings, nil); ok {
		t.Error("Current without an observed call")
	}
	o.Begin(start)
	o.SetNote("noted")
	ev, ok := o.Current(c, "st", bindings, nil)
	if !ok || ev.Start != start || ev.Note != "noted" || ev.InvocationName != "st" || len(ev.Params) != 1 || ev.Params[0].Value != "x" {
		t.Errorf("Current of a running call: %+v %v", ev, ok)
	}
	o.Decline()
	o.Wrote(first)
	o.Wrote(second)
	if _, ok := o.Current(c, "st", bindings, nil); ok {
		t.Error("Current after the call wrote an error")
	}
	ended := o.End()
	if _, ok := o.Current(c, "st", bindings, nil); ok {
		t.Error("the call still runs after End")
	}
	ev = ended.Event(c, "st", bindings, nil, nil)
	if ev.Err != first || !ev.Declined || ev.Note != "noted" || ev.Start != start || ev.Unbound {
		t.Errorf("Event of a call that wrote errors: %+v", ev)
	}
	if ev := ended.Event(c, "st", bindings, nil, second); ev.Err != second {
		t.Errorf("the error a call ends with is not its error: %v", ev.Err)
	}

	// A call whose parameters did not bind is Unbound only with an error.
	o.Unbind()
	unbound := o.End()
	if ev := unbound.Event(c, "st", bindings, nil, nil); ev.Unbound || !ev.Start.IsZero() {
		t.Errorf("Unbound without an error: %+v", ev)
	}
	if ev := unbound.Event(c, "st", bindings, nil, first); !ev.Unbound || ev.Declined || ev.Note != nil {
		t.Errorf("an unbound call: %+v", ev)
	}
}
