package session

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/runtime"
)

// Connect-ExchangeOnline -Prefix and Connect-IPPSSession -Prefix name
// the connection's cmdlets with the prefix before their noun, as the
// module's implicit-remoting module does: after -Prefix Contoso,
// Get-ContosoMailbox is that connection's Get-Mailbox. The module's own
// cmdlets (the Get-EXO* ones, Connect-ExchangeOnline ...) keep their
// names. Role checks and the audit log go by the cmdlet's own name.

// PrefixedCommand returns the command a name stands for through the
// prefix of one of the session's connections: the service's cmdlet the
// name without the prefix names, under the prefixed name, there while a
// connection with that prefix is; nil when no connection's prefix fits.
func PrefixedCommand(rt *runtime.Runtime, name string) *command.Command {
	verb, noun, ok := module.SplitName(name)
	l, connected := connectionsSlot.Get(rt)
	if !ok || !connected {
		// only Connect makes a connection with a prefix
		return nil
	}
	for _, cn := range *l {
		p := cn.prefix
		if p == "" || len(noun) <= len(p) || !strings.EqualFold(noun[:len(p)], p) {
			continue
		}
		rest := noun[len(p):]
		if len(rest) >= 3 && strings.EqualFold(rest[:3], "EXO") {
			// the module's own Get-EXO* cmdlets keep their names
			continue
		}
		base, ok := rt.LookupCommand(verb + "-" + rest)
		if !ok || !base.Remote {
			continue
		}
		cp := *base
		cp.Name, cp.Proxies = module.AddPrefix(base.Name, p), base.Name
		visible := base.Visible
		cp.Visible = func(s command.Session) bool {
			rt, ok := s.(*runtime.Runtime)
			return ok && hasPrefix(rt, p) && (visible == nil || visible(s))
		}
		return &cp
	}
	return nil
}

// hasPrefix reports whether a connection of the session has the prefix.
func hasPrefix(rt *runtime.Runtime, prefix string) bool {
	for _, cn := range *connections(rt) {
		if strings.EqualFold(cn.prefix, prefix) {
			return true
		}
	}
	return false
}
