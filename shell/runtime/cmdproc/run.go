package cmdproc

import (
	"cmp"
	"errors"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/pserror"
)

// SetNext sets where the command's output goes (its output redirection
// takes it instead).
func (pr *Processor) SetNext(e func(any) error) {
	pr.Next = e
	if pr.Redirs.Out != nil {
		pr.Next = pr.Redirs.Out.Emit
	}
}

// ExpectsInput tells the command whether pipeline objects come to it.
func (pr *Processor) ExpectsInput(b bool) { pr.HasInput = b }

// Emit writes one object to the command's output (its -OutVariable and
// -PipelineVariable too).
func (pr *Processor) Emit(v any) error {
	if err := pr.S.CheckGrowth(); err != nil {
		return err
	}
	if pr.outList != nil {
		pr.outList.Append(v)
	}
	if pr.pipeVar != "" {
		pr.pipeScope.Set(pr.pipeVar, v)
	}
	if pr.Next == nil {
		return nil
	}
	return pr.Next(v)
}

// pushRunning marks pr as the command whose code runs now
// (Session.PushRunning).
func (pr *Processor) pushRunning() func() { return pr.S.PushRunning(pr) }

// Begin runs the command's begin phase.
func (pr *Processor) Begin() error {
	defer pr.pushRunning()()
	s := pr.S
	if s.Depth() >= MaxCallDepth {
		return pserror.CallDepthOverflow(pr.Pos)
	}
	if pr.outVar != "" {
		s.Scope().SetQualified(pr.outVar, pr.outList)
	}
	if err := pr.Call.CheckInput(pr.HasInput); err != nil {
		return err
	}
	if pr.Cmd.Handler.Process == nil && pr.Cmd.Handler.Begin == nil && pr.Cmd.Handler.End == nil {
		if err := s.BeginScript(pr); err != nil {
			return err
		}
		pr.begun = true
		return pr.processEarly()
	}
	if err := pr.Open(); err != nil {
		pr.endUnbound(err)
		return err
	}
	pr.begun = true
	if pr.Cmd.Handler.Begin != nil {
		if err := pr.wrap(pr.Cmd.Handler.Begin(pr.Ctx)); err != nil {
			return err
		}
	}
	return pr.processEarly()
}

// Open makes the command's Context with its bound arguments and chooses
// its parameter set: without pipeline input the set is settled and its
// missing mandatory parameters are asked for (binder.Call.Resolve).
func (pr *Processor) Open() error {
	pr.Ctx = command.NewContext(pr.S.Command(), pr.Cmd, pr.InvName, pr)
	pr.Ctx.Bindings = map[string]any{}
	for k, v := range pr.Bound.Values {
		pr.Ctx.Bindings[k] = v
	}
	if pr.HasInput {
		pr.Ctx.ParameterSet = pr.Call.Pick(pr.Ctx.Bindings)
		return nil
	}
	set, err := pr.Call.Resolve(pr.S.Binding(), pr.S.Console(), pr.Ctx.Bindings)
	if err != nil {
		return err
	}
	pr.Ctx.ParameterSet = set
	return nil
}

// processEarly processes the objects a command before this one wrote in
// its begin phase: they come after this command's own begin, as PowerShell
// queues them.
func (pr *Processor) processEarly() error {
	early := pr.early
	pr.early = nil
	for _, v := range early {
		if err := pr.Process(v, true); err != nil {
			return err
		}
	}
	return nil
}

// Process runs the command for one pipeline object (or once, without
// input, at the head of the pipeline).
func (pr *Processor) Process(v any, hasInput bool) error {
	if err := pr.S.CheckGrowth(); err != nil {
		return err
	}
	if !pr.begun && hasInput {
		pr.early = append(pr.early, v)
		return nil
	}
	defer pr.pushRunning()()
	if pr.Script != nil {
		return pr.Script.Process(v, hasInput)
	}
	if pr.Cmd.Handler.Process == nil {
		return nil
	}
	ctx := pr.Ctx
	if hasInput {
		// rebind pipeline parameters for this object (in the same map:
		// nothing keeps it from one object to the next; Bound copies it).
		var err error
		if ctx.Bindings, err = pr.Call.BindInput(pr.S.Binding(), ctx.Bindings, v); err != nil {
			pr.endUnbound(err)
			if pe, ok := err.(*pserror.Error); ok {
				// a pipeline binding failure is a non-terminating error
				if werr := pr.WriteError(pe.Record); werr != nil {
					return werr
				}
				return nil
			}
			return err
		}
		// the object's set; a mandatory parameter it left unbound is
		// not asked for
		set, err := pr.Call.ResolveObject(ctx.Bindings)
		if err != nil {
			pr.endUnbound(err)
			if pe, ok := err.(*pserror.Error); ok {
				return pr.WriteError(pe.Record)
			}
			return err
		}
		ctx.ParameterSet = set
	}
	ctx.Input, ctx.HasInput = v, hasInput
	pr.beginObserved()
	pr.S.Deeper(1)
	err := pr.Cmd.Handler.Process(ctx)
	pr.S.Deeper(-1)
	err = pr.wrap(err)
	pr.endObserved(err)
	return err
}

// End runs the command's end phase.
func (pr *Processor) End() error {
	pr.ended = true
	defer pr.pushRunning()()
	defer pr.Redirs.Close()
	if pr.Script != nil {
		return pr.Script.End()
	}
	if !pr.begun {
		return nil
	}
	if pr.Cmd.Handler.End != nil {
		return pr.wrap(pr.Cmd.Handler.End(pr.Ctx))
	}
	return nil
}

// Dispose releases a begun command the pipeline did not complete: a
// script function gives back its call depth, a redirected output file gets
// what was written so far.
func (pr *Processor) Dispose() {
	if pr.ended {
		return
	}
	pr.ended = true
	if pr.Script != nil {
		pr.S.Deeper(-1)
	}
	pr.Redirs.Close()
}

// Clean runs a script command's clean block (Script.Clean).
func (pr *Processor) Clean() {
	if pr.Script != nil {
		pr.Script.Clean()
	}
}

// wrap turns a handler's error into the right kind of terminating error.
func (pr *Processor) wrap(err error) error {
	if err == nil {
		return nil
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		// An error that already has a place in the script (a failed method
		// call in a ForEach-Object block) keeps its own label and place;
		// only the command's own errors are named after it, not what a
		// throw statement of its code raised.
		if pe.Record.Position == nil {
			if pe.Record.Activity == "" && !pe.Record.FromThrow {
				pe.Record.Activity = pr.Cmd.Name
			}
			pe.Record.Position = pr.Pos
		}
		*pr.HadError = true
		return pe
	}
	var stop *StopUpstream
	if errors.As(err, &stop) {
		if stop.From == nil {
			// the command's own request
			return &StopUpstream{From: pr}
		}
		return err
	}
	if pr.S.Signal(err) {
		return err
	}
	*pr.HadError = true
	suffix := ""
	if pr.Script == nil {
		suffix = cmp.Or(pr.Cmd.FullTypeName, pr.Cmd.Name)
	}
	return pserror.Unhandled(err, pr.Cmd.Name, suffix, pr.Pos)
}
