package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
)

// A session takes the tables of commands packages declare
// (command.Table) and registers a command the first time it resolves its
// name.

// Declare adds the commands of tables to the session. A command
// registered under the same name (Register) wins over a declared one.
func (rt *Runtime) Declare(tables ...*command.Table) {
	rt.tables = append(rt.tables, tables...)
}

// declared registers, the first time the session resolves key, the
// command a table declares under it (with the rest of its group) and
// returns its stand-in.
func (rt *Runtime) declared(key string) (*command.Command, bool) {
	for _, t := range rt.tables {
		c, group := t.Find(key)
		if c == nil {
			continue
		}
		if group == nil {
			group = []*command.Command{c}
		}
		for _, g := range group {
			if k := strings.ToLower(g.Name); rt.commands[k] == nil {
				rt.commands[k] = g
			}
		}
		return rt.commands[key], true
	}
	return nil, false
}

// declareAll registers every declared command not registered yet.
func (rt *Runtime) declareAll() {
	for _, t := range rt.tables {
		for _, d := range t.Commands {
			rt.command(strings.ToLower(d.Name))
		}
		for _, g := range t.Groups {
			for _, n := range g.Names {
				rt.command(strings.ToLower(n))
			}
		}
	}
}
