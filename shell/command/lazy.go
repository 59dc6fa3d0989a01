package command

import (
	"fmt"
	"strings"
	"sync"
)

// A session knows hundreds of commands but a command line uses a few:
// a package declares its commands by name with Lazy (or LazyGroup), and
// a session builds one the first time it resolves the name. Until then
// the session's Catalog holds a stand-in that carries only the name; every
// way into the Catalog (resolution, Registered, Commands, module queries)
// builds it first (Build), so no code outside the Catalog sees a stand-in.

// lazyGroup is one builder of several commands, run at most once.
type lazyGroup struct {
	build func() []*Command
	names []string
	once  sync.Once
	// one is the built command of a group of one (Lazy), which needs no
	// table; built holds the built commands of a larger group by
	// lower-case name.
	one   *Command
	built map[string]*Command
}

// Lazy declares the command name, which build returns: register the
// result in place of the built command.
func Lazy(name string, build func() *Command) *Command {
	return LazyGroup(func() []*Command { return []*Command{build()} }, name)[0]
}

// LazyGroup declares the commands named by names, which one call of
// build returns (in any order). build runs at most once, the first time
// any session resolves one of the names; it must return exactly the
// commands named (a mismatch panics: a programming error the tests that
// resolve every command catch).
func LazyGroup(build func() []*Command, names ...string) []*Command {
	g := &lazyGroup{build: build, names: names}
	out := make([]*Command, len(names))
	for i, n := range names {
		out[i] = &Command{Name: n, lazy: g}
	}
	return out
}

// get returns the built command of a name in the group.
func (g *lazyGroup) get(name string) *Command {
	g.once.Do(func() {
		cmds := g.build()
		if len(cmds) == 1 && len(g.names) == 1 {
			g.one = cmds[0]
			return
		}
		g.built = make(map[string]*Command, len(cmds))
		for _, c := range cmds {
			g.built[strings.ToLower(c.Name)] = c
		}
		if len(g.built) != len(g.names) {
			panic(fmt.Sprintf("command: lazily declared commands %v built as %d commands", g.names, len(cmds)))
		}
	})
	var c *Command
	if g.one != nil {
		if g.one.Name == name || strings.ToLower(g.one.Name) == strings.ToLower(name) {
			c = g.one
		}
	} else {
		c = g.built[strings.ToLower(name)]
	}
	if c == nil {
		panic("command: lazily declared command " + name + " was not built")
	}
	return c
}

// Built returns cmds with every command declared with Lazy or LazyGroup
// built, for code that reads a package's declarations without a session.
func Built(cmds []*Command) []*Command {
	out := make([]*Command, len(cmds))
	for i, c := range cmds {
		out[i] = c.Build()
	}
	return out
}

// Build returns the command c stands for: built, the first time any
// session asks, when c was declared with Lazy or LazyGroup; c itself
// otherwise.
func (c *Command) Build() *Command {
	if c.lazy == nil {
		return c
	}
	return c.lazy.get(c.Name)
}
