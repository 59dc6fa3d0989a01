package runtime

import "github.com/exosim/exosim/shell/command"

// Declare adds the commands of tables to the session, each built the
// first time the session resolves its name (command.Table). A command
// registered under the same name (Register) wins over a declared one.
func (rt *Runtime) Declare(tables ...*command.Table) { rt.cmds.Declare(tables...) }

// Registered returns the command registered under name as declared,
// whatever the session's gates say (nil when there is none). Packages that
// swap a command for another of the same name — an imported on-premises
// session shadowing the Exchange Online cmdlets, as an implicit-remoting
// module's functions do — use it to keep the one they replace.
func (rt *Runtime) Registered(name string) *command.Command { return rt.cmds.Registered(name) }

// Wrap replaces the registered command name with what wrap makes of it,
// the first time the session resolves the name: neither the command nor
// its replacement is built before then. A name the session has not
// registered is left alone.
func (rt *Runtime) Wrap(name string, wrap func(orig *command.Command) *command.Command) {
	rt.cmds.Wrap(name, wrap)
}
