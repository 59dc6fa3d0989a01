package runtime

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/syntax"
)

// AddInvocationHook registers fn for every invocation of a registered
// command that match accepts (nil: every command). Hooks run after the
// invocation finished, outside its transaction, in registration order.
func (rt *Runtime) AddInvocationHook(match func(*command.Command) bool, fn command.InvocationHook) {
	rt.hooks.Add(match, fn)
}

// observed reports whether some hook watches c (c may be a gated copy;
// hooks are matched against the registered declaration).
func (rt *Runtime) observed(c *command.Command) bool {
	return rt.hooks.Observed(c, rt.fullCommand)
}

// fullCommand returns the registered declaration behind a (possibly
// gated) command.
func (rt *Runtime) fullCommand(c *command.Command) *command.Command { return rt.cmds.Full(c) }

func (rt *Runtime) fire(ev command.InvocationEvent) {
	ev.Command = rt.fullCommand(ev.Command)
	rt.hooks.Fire(ev)
}

// isSignal reports whether err is a flow-control signal (break,
// continue, return, exit, a stop request) rather than a failure.
func isSignal(err error) bool {
	switch err.(type) {
	case *flow.Break, *flow.Continue, *returnSignal, *ExitSignal, *stopSignal:
		return true
	}
	return false
}

// notifyRefusedLookup reports a registered command that a gate hides
// (the caller got the unknown-term error).
func (rt *Runtime) notifyRefusedLookup(name string, e *syntax.CommandExpr, err error) {
	if !rt.hooks.Any() {
		return
	}
	c, ok := rt.cmds.Resolve(rt.cmds.Target(name))
	if !ok || rt.IsVisible(c) || !rt.observed(c) {
		return
	}
	c.Complete()
	rt.fire(command.InvocationEvent{Command: c, InvocationName: name, Params: command.SourceParams(c, e.Elements[1:]),
		Start: rt.Now(), Err: cmdproc.ErrorRecord(err, isSignal), Refused: true})
}
