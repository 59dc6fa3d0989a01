package exo

import (
	"strings"

	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
)

// StateCaller holds the UPN of the signed-in user: set by exosim --user
// (and a trainer's Switch-SimUser). Role-based access control and the
// admin audit log read it.
const StateCaller = "exo.caller"

// StateIdentity holds the UPN of the account the session runs as: the
// person at the keyboard, given by exosim --user (default the tenant's
// administrator). Connect-ExchangeOnline signs in as this account and no
// other: exosim has no password prompt, so naming another account fails
// as a sign-in with a wrong password does.
const StateIdentity = "exo.identity"

// Identity returns the UPN of the account the session runs as (see
// StateIdentity).
func Identity(rt *runtime.Runtime) string {
	if s, ok := rt.State[StateIdentity].(string); ok && strings.TrimSpace(s) != "" {
		return strings.TrimSpace(s)
	}
	return AdminUPN(rt)
}

// SetIdentity records the account the session runs as; it is also who is
// signed in until a connection says otherwise.
func SetIdentity(rt *runtime.Runtime, upn string) {
	rt.State[StateIdentity] = strings.TrimSpace(upn)
	SetCaller(rt, upn)
}

// Caller returns the UPN of the session's signed-in user: the one set in
// StateCaller, else the tenant's administrator.
func Caller(rt *runtime.Runtime) string {
	if s, ok := rt.State[StateCaller].(string); ok && strings.TrimSpace(s) != "" {
		return strings.TrimSpace(s)
	}
	return AdminUPN(rt)
}

// SetCaller records who is signed in.
func SetCaller(rt *runtime.Runtime, upn string) { rt.State[StateCaller] = strings.TrimSpace(upn) }

// AdminUPN returns the tenant administrator's UPN (the seeded admin when
// the session has no tenant).
func AdminUPN(rt *runtime.Runtime) string {
	upn := seed.AdminUPN
	if st, _ := rt.Tenant.(*store.Store); st != nil {
		// The command and parameter gates ask for every command
		// resolved: read the organization again only after a write to
		// it (or to the other principal records), not after each command.
		gen := st.PrincipalsGeneration()
		if c, ok := rt.State[stateAdminUPN].(adminUPNCache); ok && c.st == st && c.gen == gen {
			return c.upn
		}
		_ = st.View(func(tx *store.Tx) error {
			if o, err := directory.GetOrganization(tx); err == nil && o.AdminUPN != "" {
				upn = o.AdminUPN
			}
			return nil
		})
		rt.State[stateAdminUPN] = adminUPNCache{st: st, gen: gen, upn: upn}
	}
	return upn
}

// stateAdminUPN is the runtime state key of the cached AdminUPN.
const stateAdminUPN = "exo.adminUPN"

// adminUPNCache is AdminUPN's answer for one tenant generation.
type adminUPNCache struct {
	st  *store.Store
	gen uint64
	upn string
}
