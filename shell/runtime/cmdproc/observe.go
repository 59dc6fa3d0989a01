package cmdproc

import (
	"errors"

	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
)

// What invocation hooks see of a cmdlet's calls (command.Hooks): each
// processed call with its outcome, a call whose arguments did not bind,
// the record a running call keeps until its event.

// ErrorRecord extracts the record of an error a command failed with (nil
// for none, a stop request or a flow-control signal).
func ErrorRecord(err error, signal func(error) bool) *object.ErrorRecord {
	if err == nil {
		return nil
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return pe.Record
	}
	var stop *StopUpstream
	if errors.As(err, &stop) {
		return nil
	}
	if signal(err) {
		return nil
	}
	return &object.ErrorRecord{Message: err.Error()}
}

// NotifyBindFailure reports an invocation whose arguments did not bind;
// Refused is set when an argument names a parameter a gate hides.
func (pr *Processor) NotifyBindFailure(args []binder.Argument, err error) {
	s := pr.S
	if pr.Cmd == nil || pr.Fn != nil || pr.SB != nil || !s.Observed(pr.Cmd) {
		return
	}
	full := s.FullCommand(pr.Cmd)
	refused := false
	for _, a := range args {
		if a.Name == "" {
			continue
		}
		if _, ok := command.MatchParameter(pr.Cmd, a.Name); ok {
			continue
		}
		if cands, ok := command.MatchParameter(full, a.Name); ok && cands[0].Param != nil {
			refused = true
		}
	}
	s.Fire(command.InvocationEvent{Command: full, InvocationName: pr.InvName, Params: command.ArgParams(full, binder.InvocationArgs(args)),
		Start: s.Command().Now(), Err: ErrorRecord(err, s.Signal), Refused: refused, Unbound: true})
}

// beginObserved records the start of one processed invocation.
func (pr *Processor) beginObserved() {
	pr.obs = command.Observation{}
	if pr.S.Observed(pr.Cmd) {
		pr.obs.Begin(pr.S.Command().Now())
	}
}

// endObserved reports one processed invocation with its outcome.
func (pr *Processor) endObserved(err error) {
	obs := pr.obs.End()
	if pr.Ctx == nil || !pr.S.Observed(pr.Cmd) {
		return
	}
	ev := obs.Event(pr.Cmd, pr.InvName, pr.Ctx.Bindings, pr.common(), ErrorRecord(err, pr.S.Signal))
	if ev.Start.IsZero() {
		ev.Start = pr.S.Command().Now()
	}
	pr.S.Fire(ev)
}

// endUnbound reports an invocation whose parameters did not bind (a
// parameter set not resolved, a mandatory parameter missing, a pipeline
// object that fits no parameter): the command never ran.
func (pr *Processor) endUnbound(err error) {
	pr.obs.Unbind()
	pr.endObserved(err)
}

// Invocation is the call c belongs to as the hooks will see it, while it
// runs.
func (pr *Processor) Invocation(c *command.Context) (command.InvocationEvent, bool) {
	if pr.Ctx != c {
		return command.InvocationEvent{}, false
	}
	ev, ok := pr.obs.Current(pr.Cmd, pr.InvName, c.Bindings, pr.common())
	if ok {
		ev.Command = pr.S.FullCommand(pr.Cmd)
	}
	return ev, ok
}

// SetInvocationNote keeps a note on the running call c for its event.
func (pr *Processor) SetInvocationNote(c *command.Context, v any) {
	if pr.Ctx == c {
		pr.obs.SetNote(v)
	}
}
