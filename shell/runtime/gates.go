package runtime

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// CommandGate decides whether a command exists for this session (for
// example: the Exchange connection is open, the caller's roles grant it,
// the session is an on-premises one).
type CommandGate func(rt *Runtime, c *command.Command) bool

// ParamGate decides whether a parameter of a command exists for this
// session; a parameter a gate refuses is an unknown parameter, as for a
// caller whose roles do not grant it.
type ParamGate func(rt *Runtime, c *command.Command, p *params.Param) bool

// AddCommandGate adds a session-wide command gate. Every gate must agree,
// and so must the command's own Visible hook.
func (rt *Runtime) AddCommandGate(g CommandGate) { rt.commandGates = append(rt.commandGates, g) }

// AddParamGate adds a session-wide parameter gate.
func (rt *Runtime) AddParamGate(g ParamGate) {
	rt.paramGates = append(rt.paramGates, g)
	rt.gateKey, rt.visibleCache = nil, nil // a key covers the gates it was set for
}

// IsVisible reports whether a registered command exists for this session.
func (rt *Runtime) IsVisible(c *command.Command) bool {
	if c.Visible != nil && !c.Visible(rt) {
		return false
	}
	for _, g := range rt.commandGates {
		if !g(rt, c) {
			return false
		}
	}
	return true
}

// VisibleCommand returns the command as this session sees it: c itself
// when no parameter gate hides anything, else a copy without the hidden
// parameters. The binder, Get-Help and completion use it.
//
// With a gate key (SetGateKey) the result is cached per command while the
// key stays the same: a runbook resolves the same commands thousands of
// times, and a cached copy keeps its worked-out parameter tables.
func (rt *Runtime) VisibleCommand(c *command.Command) *command.Command {
	c.Complete()
	if len(rt.paramGates) == 0 {
		return c
	}
	if rt.gateKey == nil {
		return rt.gateParams(c)
	}
	if k := rt.gateKey(rt); k != rt.visibleKey || rt.visibleCache == nil || len(rt.visibleCache) >= 4096 {
		rt.visibleKey = k
		rt.visibleCache = map[*command.Command]*command.Command{}
	}
	if v, ok := rt.visibleCache[c]; ok {
		return v
	}
	v := rt.gateParams(c)
	rt.visibleCache[c] = v
	return v
}

// SetGateKey registers fn, whose value (comparable) changes whenever the
// parameter gates added so far may answer differently; VisibleCommand
// caches by it. Adding another gate drops the key.
func (rt *Runtime) SetGateKey(fn func(rt *Runtime) any) {
	rt.gateKey = fn
	rt.visibleCache = nil
}

// gateParams applies the parameter gates to c.
func (rt *Runtime) gateParams(c *command.Command) *command.Command {
	return c.Without(func(p *params.Param) bool {
		for _, g := range rt.paramGates {
			if !g(rt, c, p) {
				return true
			}
		}
		return false
	})
}
