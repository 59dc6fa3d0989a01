package runtime

import (
	"errors"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/flow"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
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

// errorRecord extracts the record of an error a command failed with.
func errorRecord(err error) *object.ErrorRecord {
	if err == nil {
		return nil
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return pe.Record
	}
	var stop *stopUpstream
	if errors.As(err, &stop) {
		return nil
	}
	switch err.(type) {
	case *flow.Break, *flow.Continue, *returnSignal, *ExitSignal, *stopSignal:
		return nil
	}
	return &object.ErrorRecord{Message: err.Error()}
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
		Start: rt.Now(), Err: errorRecord(err), Refused: true})
}

// notifyBindFailure reports an invocation whose arguments did not bind;
// Refused is set when an argument names a parameter a gate hides.
func (pr *cmdProcessor) notifyBindFailure(args []binder.Argument, err error) {
	rt := pr.rt
	if pr.cmd == nil || pr.fn != nil || pr.sb != nil || !rt.observed(pr.cmd) {
		return
	}
	full := rt.fullCommand(pr.cmd)
	refused := false
	for _, a := range args {
		if a.Name == "" {
			continue
		}
		if _, ok := command.MatchParameter(pr.cmd, a.Name); ok {
			continue
		}
		if cands, ok := command.MatchParameter(full, a.Name); ok && cands[0].Param != nil {
			refused = true
		}
	}
	rt.fire(command.InvocationEvent{Command: full, InvocationName: pr.invName, Params: command.ArgParams(full, binder.InvocationArgs(args)),
		Start: rt.Now(), Err: errorRecord(err), Refused: refused, Unbound: true})
}

// beginObserved records the start of one processed invocation.
func (pr *cmdProcessor) beginObserved() {
	pr.obs = command.Observation{}
	if pr.rt.observed(pr.cmd) {
		pr.obs.Begin(pr.rt.Now())
	}
}

// endObserved reports one processed invocation with its outcome.
func (pr *cmdProcessor) endObserved(err error) {
	obs := pr.obs.End()
	if pr.ctx == nil || !pr.rt.observed(pr.cmd) {
		return
	}
	ev := obs.Event(pr.cmd, pr.invName, pr.ctx.Bindings, pr.common(), errorRecord(err))
	if ev.Start.IsZero() {
		ev.Start = pr.rt.Now()
	}
	pr.rt.fire(ev)
}

// common returns the common parameters the arguments bound.
func (pr *cmdProcessor) common() map[string]any {
	if pr.bound == nil {
		return nil
	}
	return pr.bound.Common
}

// endUnbound reports an invocation whose parameters did not bind (a
// parameter set not resolved, a mandatory parameter missing, a pipeline
// object that fits no parameter): the command never ran.
func (pr *cmdProcessor) endUnbound(err error) {
	pr.obs.Unbind()
	pr.endObserved(err)
}
