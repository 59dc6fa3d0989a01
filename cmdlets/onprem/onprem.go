// Package onprem is the on-premises side of a hybrid deployment: the
// remoting cmdlets an administrator uses to reach the on-premises Exchange
// server (New-PSSession, Get-PSSession, Remove-PSSession,
// Import-PSSession) and the on-premises versions of Get-MailboxDatabase,
// Get-MailboxStatistics (with -Database) and Get-Mailbox, answered from the
// on-premises organization of the tenant file.
//
// A session reaches them the way admins do: Import-PSSession of a session
// to http://mail.contoso.com/PowerShell/ imports the server's commands into
// the session, as an implicit-remoting module. Like PowerShell, it skips
// names the session already has (a connected Exchange Online session's
// Get-Mailbox) unless -AllowClobber is used; Connect-ExchangeOnline
// afterwards brings the cloud commands back. `exosim --onprem` starts an
// Exchange Management Shell instead, where the cloud-only cmdlets don't
// exist.
package onprem

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/runtime"
)

// Module names.
const (
	// ModuleCore and ModuleUtility are the PowerShell modules of the
	// remoting cmdlets.
	ModuleCore    = "Microsoft.PowerShell.Core"
	ModuleUtility = "Microsoft.PowerShell.Utility"
	// ExchangeVersion is the on-premises server's version (Exchange 2019).
	ExchangeVersion = "15.2.1544.4"
)

// psSession is one PSSession of the session.
type psSession struct {
	ID                int
	Name              string
	InstanceID        string
	ComputerName      string
	ConnectionURI     string
	ConfigurationName string
	Authentication    string
	User              string
	State             string // Opened | Closed
	// Module is the implicit-remoting module Import-PSSession made from it.
	Module string
}

// state is the session's on-premises state.
type state struct {
	// ems marks an Exchange Management Shell started with --onprem.
	ems      bool
	sessions []*psSession
	nextID   int
	// imported is the session whose commands are imported ("" = none).
	imported *psSession
	// displaced are the commands the imported ones replaced, by name.
	displaced map[string]*command.Command
	// importedNames are the names of the commands now imported.
	importedNames []string
}

// stateSlot holds the session's on-premises state.
var stateSlot = command.NewSlot[*state]()

func stateOf(s command.Session) *state {
	return stateSlot.Of(s, func() *state { return &state{displaced: map[string]*command.Command{}} })
}

// active reports whether the on-premises commands answer: in the Exchange
// Management Shell, or after Import-PSSession of an open session.
func (s *state) active() bool {
	return s.ems || (s.imported != nil && s.imported.State == "Opened")
}

// Cmdlets declares by name the cmdlets registered in every session: the
// remoting cmdlets and Get-MailboxDatabase (on-premises only; hidden until
// the on-premises commands are reached). A session builds one the first
// time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "New-PSSession", Build: newPSSession},
	{Name: "Get-PSSession", Build: getPSSession},
	{Name: "Remove-PSSession", Build: removePSSession},
	{Name: "Import-PSSession", Build: importPSSession},
	{Name: "Get-MailboxDatabase", Build: getMailboxDatabase},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// shadowing returns the on-premises versions of commands whose names
// Exchange Online also has.
func shadowing() []*command.Command {
	return []*command.Command{getMailbox(), getMailboxStatistics()}
}

// isCloudOnly reports whether a command belongs to Exchange Online or
// Microsoft Graph (so an Exchange Management Shell doesn't have it).
func isCloudOnly(c *command.Command) bool {
	return c.Module == exo.Module || strings.HasPrefix(c.Module, "Microsoft.Graph")
}

// A session has RestoreAfterConnect wrapping Connect-ExchangeOnline
// (InstallEMS then makes it an Exchange Management Shell): a function, not
// made per session, so adding it runs none of this package's code. The
// on-premises-only commands hide themselves until they answer (reached is
// their Visible hook), and only an Exchange Management Shell has a command
// gate (cloudHidden): resolving a command in a cloud session never enters
// this package.

// reached reports whether the on-premises commands answer in the session:
// in an Exchange Management Shell, or after Import-PSSession of an open
// session.
func reached(sess command.Session) bool {
	st, ok := stateSlot.Get(sess)
	return ok && st.active()
}

// cloudHidden is an Exchange Management Shell's command gate: the
// cloud-only commands don't exist there.
func cloudHidden(_ command.Session, c *command.Command) bool {
	return decl.OnPremOnly(c) || !isCloudOnly(c)
}

// InstallEMS makes a session an Exchange Management Shell on the
// on-premises server (exosim --onprem).
func InstallEMS(rt *runtime.Runtime) {
	stateOf(rt).ems = true
	rt.AddCommandGate(cloudHidden)
	for _, c := range shadowing() {
		c.Module = emsModule
		rt.Register(c)
	}
	// The shell's profile defines Get-ExCommand, which its banner offers:
	// the Exchange cmdlets only.
	_ = rt.InvokeExpression("function global:Get-ExCommand { Get-Command -Module "+emsModule+" @args }", nil)
}

// emsModule is the module the Exchange Management Shell's commands come
// from.
const emsModule = "Microsoft.Exchange.Management.PowerShell.E2010"

// RestoreAfterConnect wraps Connect-ExchangeOnline: it puts the Exchange
// Online commands back in front of imported on-premises ones (the module
// it imports clobbers them, as Import-Module does).
func RestoreAfterConnect(orig *command.Command) *command.Command {
	if orig.Handler.Process == nil {
		return orig
	}
	cp := *orig
	process := orig.Handler.Process
	cp.Handler.Process = func(ctx *command.Context) error {
		err := process(ctx)
		if err == nil {
			restoreDisplaced(runtime.Of(ctx))
		}
		return err
	}
	return &cp
}

// restoreDisplaced puts back the commands an import replaced.
func restoreDisplaced(rt *runtime.Runtime) {
	s := stateOf(rt)
	for _, c := range s.displaced {
		rt.Register(c)
	}
	s.displaced = map[string]*command.Command{}
}

// moduleName derives the implicit-remoting module name of a session
// (PowerShell names it tmp_<random>.<random>; it is stable here).
func moduleName(ps *psSession) string {
	h := strings.ReplaceAll(ps.InstanceID, "-", "")
	if len(h) < 12 {
		h += "000000000000"
	}
	return fmt.Sprintf("tmp_%s.%s", h[:8], h[8:11])
}
