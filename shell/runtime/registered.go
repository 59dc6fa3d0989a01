package runtime

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
)

// Registered returns the command registered under name as declared,
// whatever the session's gates say (nil when there is none). Packages that
// swap a command for another of the same name — an imported on-premises
// session shadowing the Exchange Online cmdlets, as an implicit-remoting
// module's functions do — use it to keep the one they replace.
func (rt *Runtime) Registered(name string) *command.Command {
	c, _ := rt.command(strings.ToLower(name))
	if c != nil {
		c.Complete()
	}
	return c
}

// built returns the registered command under key, building it if it was
// declared lazily (command.Lazy).
func (rt *Runtime) built(key string, c *command.Command) *command.Command {
	b := c.Build()
	if b != c {
		rt.commands[key] = b
	}
	return b
}

// buildAll builds every lazily declared command of the session.
func (rt *Runtime) buildAll() {
	rt.declareAll()
	for k, c := range rt.commands {
		rt.built(k, c)
	}
}

// Wrap replaces the registered command name with what wrap makes of it,
// the first time the session resolves the name: neither the command nor
// its replacement is built before then. A name the session has not
// registered is left alone.
func (rt *Runtime) Wrap(name string, wrap func(orig *command.Command) *command.Command) {
	key := strings.ToLower(name)
	orig, ok := rt.commands[key]
	if !ok {
		orig, ok = rt.declared(key)
	}
	if !ok {
		return
	}
	rt.commands[key] = command.Lazy(orig.Name, func() *command.Command {
		c := orig.Build()
		c.Complete()
		return wrap(c)
	})
}
