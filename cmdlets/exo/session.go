package exo

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/store"
)

// Session is what the Exchange half keeps for one PowerShell session:
// which services are connected, who runs the session and who is signed
// in, and the hooks every tenant write runs. The shell does not see it:
// it lives in a runtime slot that only SessionOf reads.
type Session struct {
	// Store is the tenant the session works on (nil: none).
	Store *store.Store
	// Connected and ComplianceConnected report whether Exchange Online
	// PowerShell (Connect-ExchangeOnline) and Security & Compliance
	// PowerShell (Connect-IPPSSession) are connected. A new session is
	// connected to both until the host or a Disconnect-ExchangeOnline
	// says otherwise.
	Connected, ComplianceConnected bool
	// PrefixedConnected reports an Exchange Online connection made with
	// a prefix (Connect-ExchangeOnline -Prefix): its cmdlets go by the
	// prefixed names, but the module's own REST cmdlets (Get-EXOMailbox
	// ...) keep theirs and work through it.
	PrefixedConnected bool
	// Identity is the UPN of the account the session runs as: the person
	// at the keyboard, given by exosim --user ("": the tenant's
	// administrator). Connect-ExchangeOnline signs in as this account and
	// no other: exosim has no password prompt, so naming another account
	// fails as a sign-in with a wrong password does.
	Identity string
	// Caller is the UPN of the signed-in user ("": the tenant's
	// administrator): set by exosim --user and a trainer's
	// Switch-SimUser. Role-based access control and the admin audit log
	// read it.
	Caller string

	// updateHooks run in every Update transaction (AddUpdateHook).
	updateHooks []UpdateHook
	// org is the organization record AdminUPN and OrganizationNames
	// read last.
	org orgCache
}

// sessionSlot holds the session's Session.
var sessionSlot = command.NewSlot[*Session]()

// SessionOf returns the Exchange half's data of a session, creating it on
// first use.
func SessionOf(sess command.Session) *Session {
	return sessionSlot.Of(sess, func() *Session { return &Session{Connected: true, ComplianceConnected: true} })
}
