package runtime

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/intrinsics"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/members"
)

// A session is the host of the .NET types it runs (dotnet.Host): these
// methods, with ToStr, Now and NewGuid, are what the types under
// shell/dotnet reach the interpreter through. With InvokeWithArguments
// it is the automation.Session a script block's methods run on.

var _ automation.Session = (*Runtime)(nil)

// shellTypes declares PSMethod, the .NET type library (automation.Declare)
// and $ExecutionContext's types. A new session queues it (Queue queues it
// once per process), and it runs the first time a session looks a type
// up. It is static data, not an init function: an init function runs in
// every process, one that never makes a session too, and before main.
var shellTypes = dotnet.Later{Declare: declareShellTypes}

func declareShellTypes() {
	members.DeclarePSMethodType()
	automation.Declare()
	intrinsics.Declare()
}

// CallScriptBlock calls a script block a .NET method got as a delegate.
func (rt *Runtime) CallScriptBlock(sb dotnet.ScriptBlock, args []any) (any, error) {
	return rt.callScriptBlock(sb.(*automation.ScriptBlock), args)
}

// Compare orders two values as -lt and -gt do.
func (rt *Runtime) Compare(a, b any, cs bool) (int, error) { return rt.compareValues(a, b, cs) }

// Equal compares two values as -eq does.
func (rt *Runtime) Equal(a, b any, cs bool) bool { return rt.equalValues(a, b, cs) }

// UserInteractive tells whether the session is the REPL.
func (rt *Runtime) UserInteractive() bool { return rt.Interactive }

// Console is the session's terminal ([Console]'s, system.ConsoleSession).
func (rt *Runtime) Console() *host.IO { return rt.IO }

// Settings are the .NET settings the session's scripts set.
func (rt *Runtime) Settings() *dotnet.Settings { return &rt.dotnetSettings }
