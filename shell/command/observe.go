package command

import (
	"time"

	"github.com/exosim/exosim/shell/object"
)

// Observation is one call of a command that invocation hooks watch, from
// its start to its end: what a session keeps of it meanwhile to report it
// (when it started, the first error it wrote, what an observer attached,
// whether ShouldProcess declined, whether its parameters failed to bind).
// The zero value is no observed call running.
type Observation struct {
	start    time.Time
	err      *object.ErrorRecord
	note     any
	running  bool
	declined bool
	unbound  bool
}

// Begin starts an observed call at start, the session's clock.
func (o *Observation) Begin(start time.Time) { *o = Observation{running: true, start: start} }

// Wrote records an error the command wrote: the first since Begin is the
// call's error, unless it ends with one of its own.
func (o *Observation) Wrote(rec *object.ErrorRecord) {
	if o.err == nil {
		o.err = rec
	}
}

// Decline records that ShouldProcess answered no during the running call
// (-WhatIf, or a confirmation answered No): it skipped its work.
func (o *Observation) Decline() {
	if o.running {
		o.declined = true
	}
}

// SetNote attaches an observer's value to the running call (see
// Context.SetInvocationNote).
func (o *Observation) SetNote(v any) {
	if o.running {
		o.note = v
	}
}

// Unbind records that the call's parameters or pipeline object did not
// bind: the command never ran.
func (o *Observation) Unbind() { o.unbound = true }

// Current is the running call's event as it would read if the call ended
// now without error (Context.Invocation), and false when no observed call
// runs or it has written an error.
func (o *Observation) Current(c *Command, invName string, bindings, common map[string]any) (InvocationEvent, bool) {
	if !o.running || o.err != nil {
		return InvocationEvent{}, false
	}
	return InvocationEvent{Command: c, InvocationName: invName, Params: BoundParams(c, bindings, common),
		Start: o.start, Note: o.note}, true
}

// End ends the call and returns what was kept of it; the Observation is
// empty again.
func (o *Observation) End() Observation {
	ended := *o
	*o = Observation{}
	return ended
}

// Event is the event of an ended call: err is the error it ended with
// (nil: the first error it wrote, if any). It is Unbound only with an
// error.
func (o Observation) Event(c *Command, invName string, bindings, common map[string]any, err *object.ErrorRecord) InvocationEvent {
	if err == nil {
		err = o.err
	}
	return InvocationEvent{Command: c, InvocationName: invName, Params: BoundParams(c, bindings, common),
		Start: o.start, Err: err, Note: o.note, Declined: o.declined, Unbound: o.unbound && err != nil}
}
