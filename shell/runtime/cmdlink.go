package runtime

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
)

// The command processor as shell/command sees it: the streams, the
// -WhatIf/-Confirm rules and the invocation details a cmdlet's Context
// reaches through the command.Processor interface.

// Of returns the session a command runs in.
func Of(c *command.Context) *Runtime { return c.Session().(*Runtime) }

// procOf returns the processor running c.
func procOf(c *command.Context) *cmdProcessor { return c.Processor().(*cmdProcessor) }

// Slots returns the session's slot values (command.Slot).
func (rt *Runtime) Slots() *command.Slots { return &rt.slots }

func (pr *cmdProcessor) Emit(v any) error                         { return pr.emit(v) }
func (pr *cmdProcessor) WriteError(rec *object.ErrorRecord) error { return pr.writeError(rec) }
func (pr *cmdProcessor) Terminate(rec *object.ErrorRecord) error  { return &pserror.Error{Record: rec} }
func (pr *cmdProcessor) WriteWarning(msg string) error            { return pr.writeWarning(msg) }
func (pr *cmdProcessor) WriteVerbose(msg string) error            { return pr.writeVerbose(msg) }
func (pr *cmdProcessor) WriteDebug(msg string) error              { return pr.writeDebug(msg) }
func (pr *cmdProcessor) ProceedsSilently() bool                   { return pr.proceedsSilently() }
func (pr *cmdProcessor) Position() *object.Position               { return pr.position }
func (pr *cmdProcessor) ExpectingInput() bool                     { return pr.hasInput }

func (pr *cmdProcessor) WriteInformation(rec *object.InformationRecord) error {
	return pr.writeInformation(rec)
}

func (pr *cmdProcessor) ShouldProcess(target, action, description string) (bool, error) {
	return pr.shouldProcess(target, action, description)
}

func (pr *cmdProcessor) ShouldProcessImpact(target, action, description string, impact command.Impact) (bool, error) {
	return pr.shouldProcessImpact(target, action, description, impact)
}

func (pr *cmdProcessor) Args() []any {
	if pr.bound == nil {
		return nil
	}
	return pr.bound.Extra
}

func (pr *cmdProcessor) Common(key string) (any, bool) {
	v, ok := pr.common()[key]
	return v, ok
}

func (pr *cmdProcessor) CommonParameters() map[string]any {
	out := map[string]any{}
	for k, v := range pr.common() {
		name, v := invocation.BoundCommon(k, v)
		out[name] = v
	}
	return out
}

func (pr *cmdProcessor) ProgressShown() bool {
	action := pr.rt.preference("ProgressPreference")
	if v, ok := pr.Common("progressaction"); ok {
		if s, ok := v.(string); ok && s != "" {
			action = params.NormalizeAction(s)
		}
	}
	switch action {
	case "SilentlyContinue", "Ignore":
		return false
	}
	return true
}

func (pr *cmdProcessor) Invocation(c *command.Context) (command.InvocationEvent, bool) {
	if pr.ctx != c {
		return command.InvocationEvent{}, false
	}
	ev, ok := pr.obs.Current(pr.cmd, pr.invName, c.Bindings, pr.common())
	if ok {
		ev.Command = pr.rt.fullCommand(pr.cmd)
	}
	return ev, ok
}

func (pr *cmdProcessor) SetInvocationNote(c *command.Context, v any) {
	if pr.ctx == c {
		pr.obs.SetNote(v)
	}
}
