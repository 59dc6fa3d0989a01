package command

import "github.com/exosim/exosim/shell/params"

// CommandGate decides whether a command exists for a session (for
// example: the connection it needs is open, the caller's roles grant it,
// the session is of the kind that has it).
type CommandGate func(s Session, c *Command) bool

// ParamGate decides which parameters of a command exist for a session:
// it returns the test of one parameter of c (false: the parameter is
// hidden, an unknown parameter, as for a caller whose roles do not grant
// it), or nil when every parameter of c exists. What the test needs about
// the session and the command is worked out once, not per parameter.
type ParamGate func(s Session, c *Command) func(p *params.Param) bool

// Gates are a session's command and parameter gates, with the commands
// as the parameter gates last showed them.
type Gates struct {
	commands []CommandGate
	params   []ParamGate
	// key, visibleKey and visible cache Visible (see SetKey).
	key        func(s Session) any
	visibleKey any
	visible    map[*Command]*Command
}

// AddCommand adds a command gate. Every gate must agree, and so must the
// command's own Visible hook.
func (g *Gates) AddCommand(f CommandGate) { g.commands = append(g.commands, f) }

// AddParam adds a parameter gate; it drops the key (SetKey), which covers
// only the gates it was set for.
func (g *Gates) AddParam(f ParamGate) {
	g.params = append(g.params, f)
	g.key, g.visible = nil, nil
}

// SetKey registers fn, whose value (comparable) changes whenever the
// parameter gates added so far may answer differently; Visible caches by
// it.
func (g *Gates) SetKey(fn func(s Session) any) {
	g.key = fn
	g.visible = nil
}

// Allows reports whether c exists for session s.
func (g *Gates) Allows(s Session, c *Command) bool {
	if c.Visible != nil && !c.Visible(s) {
		return false
	}
	for _, f := range g.commands {
		if !f(s, c) {
			return false
		}
	}
	return true
}

// Visible returns c as session s sees it: c itself when no parameter gate
// hides anything, else a copy without the hidden parameters.
//
// With a key (SetKey) the result is cached per command while the key
// stays the same: a runbook resolves the same commands thousands of
// times, and a cached copy keeps its worked-out parameter tables.
func (g *Gates) Visible(s Session, c *Command) *Command {
	c.Complete()
	if len(g.params) == 0 {
		return c
	}
	if g.key == nil {
		return g.hideParams(s, c)
	}
	if k := g.key(s); k != g.visibleKey || g.visible == nil || len(g.visible) >= 4096 {
		g.visibleKey = k
		g.visible = map[*Command]*Command{}
	}
	if v, ok := g.visible[c]; ok {
		return v
	}
	v := g.hideParams(s, c)
	g.visible[c] = v
	return v
}

// hideParams applies the parameter gates to c: c itself when every gate
// lets all of its parameters through.
func (g *Gates) hideParams(s Session, c *Command) *Command {
	var tests []func(p *params.Param) bool
	for _, f := range g.params {
		if t := f(s, c); t != nil {
			tests = append(tests, t)
		}
	}
	if len(tests) == 0 {
		return c
	}
	return c.Without(func(p *params.Param) bool {
		for _, t := range tests {
			if !t(p) {
				return true
			}
		}
		return false
	})
}
