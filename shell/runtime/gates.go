package runtime

import "github.com/exosim/exosim/shell/command"

// The session's command and parameter gates (command.Gates).

// AddCommandGate adds a session-wide command gate. Every gate must agree,
// and so must the command's own Visible hook.
func (rt *Runtime) AddCommandGate(g command.CommandGate) { rt.gates.AddCommand(g) }

// AddParamGate adds a session-wide parameter gate.
func (rt *Runtime) AddParamGate(g command.ParamGate) { rt.gates.AddParam(g) }

// IsVisible reports whether a registered command exists for this session.
func (rt *Runtime) IsVisible(c *command.Command) bool { return rt.gates.Allows(rt, c) }

// VisibleCommand returns the command as this session sees it: c itself
// when no parameter gate hides anything, else a copy without the hidden
// parameters. The binder, Get-Help and completion use it.
func (rt *Runtime) VisibleCommand(c *command.Command) *command.Command {
	return rt.gates.Visible(rt, c)
}

// SetGateKey registers fn, whose value (comparable) changes whenever the
// parameter gates added so far may answer differently; VisibleCommand
// caches by it. Adding another gate drops the key.
func (rt *Runtime) SetGateKey(fn func(s command.Session) any) { rt.gates.SetKey(fn) }
