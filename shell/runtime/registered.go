package runtime

import "strings"

// Registered returns the command registered under name as declared,
// whatever the session's gates say (nil when there is none). Packages that
// swap a command for another of the same name — an imported on-premises
// session shadowing the Exchange Online cmdlets, as an implicit-remoting
// module's functions do — use it to keep the one they replace.
func (rt *Runtime) Registered(name string) *Command {
	c, _ := rt.command(strings.ToLower(name))
	if c != nil {
		c.load()
	}
	return c
}
