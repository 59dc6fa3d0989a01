package session

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/pserror"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/runtime"
)

// Connect-ExchangeOnline -Prefix and Connect-IPPSSession -Prefix name
// the connection's cmdlets with the prefix before their noun, as the
// module's implicit-remoting module does: after -Prefix Contoso,
// Get-ContosoMailbox is that connection's Get-Mailbox. The module's own
// cmdlets (the Get-EXO* ones, Connect-ExchangeOnline ...) keep their
// names. Role checks and the audit log go by the cmdlet's own name. A
// service whose only connection has a prefix has its cmdlets under the
// prefixed names alone (settle).

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
		if exo.ModuleOwn(verb + "-" + rest) {
			// the module's own Get-EXO* cmdlets keep their names
			continue
		}
		base := rt.Registered(verb + "-" + rest)
		if base == nil || !base.Remote {
			continue
		}
		cp := *base
		cp.Name, cp.Proxies = module.AddPrefix(base.Name, p), base.Name
		exoSvc, scc := exo.Services(base.Name)
		cp.Visible = func(s command.Session) bool {
			rt, ok := s.(*runtime.Runtime)
			return ok && hasPrefix(rt, p, exoSvc, scc)
		}
		return &cp
	}
	return nil
}

// hasPrefix reports whether a connection of the session has the prefix
// and is one of the services named (Exchange Online, Security &
// Compliance).
func hasPrefix(rt *runtime.Runtime, prefix string, exoSvc, scc bool) bool {
	for _, cn := range *connections(rt) {
		if strings.EqualFold(cn.prefix, prefix) && (cn.compliance && scc || !cn.compliance && exoSvc) {
			return true
		}
	}
	return false
}

// checkPrefix refuses the prefixes the module refuses, with the module's
// own words (its Connect-ExchangeOnline throws them before it connects):
// one of characters other than letters and digits, and EXO, which names
// the module's own REST cmdlets (Get-EXOMailbox ...).
func checkPrefix(p string) error {
	if p == "" {
		return nil
	}
	for _, r := range p {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return pserror.Thrown("Use of any special characters in the Prefix string is not supported.")
		}
	}
	if strings.EqualFold(p, "EXO") {
		return pserror.Thrown("Prefix 'EXO' is a reserved Prefix, please use a different prefix.")
	}
	return nil
}

// settle sets which services' cmdlets the session has under their own
// names: those of a connection without a prefix. The cmdlets of a
// connection with a prefix go only by the prefixed names (PrefixedCommand).
func settle(rt *runtime.Runtime, l []*connection) {
	exoOn, sccOn, prefixed := false, false, false
	for _, cn := range l {
		if cn.prefix != "" {
			prefixed = prefixed || !cn.compliance
			continue
		}
		if cn.compliance {
			sccOn = true
		} else {
			exoOn = true
		}
	}
	s := exo.SessionOf(rt)
	s.Connected, s.ComplianceConnected, s.PrefixedConnected = exoOn, sccOn, prefixed
}
