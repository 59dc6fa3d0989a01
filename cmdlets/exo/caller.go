package exo

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
)

// Identity returns the UPN of the account the session runs as (see
// Session.Identity).
func Identity(rt *runtime.Runtime) string {
	if s := SessionOf(rt).Identity; s != "" {
		return s
	}
	return AdminUPN(rt)
}

// SetIdentity records the account the session runs as; it is also who is
// signed in until a connection says otherwise.
func SetIdentity(rt *runtime.Runtime, upn string) {
	SessionOf(rt).Identity = strings.TrimSpace(upn)
	SetCaller(rt, upn)
}

// Caller returns the UPN of the session's signed-in user: the one set in
// Session.Caller, else the tenant's administrator.
func Caller(sess command.Session) string {
	if s := SessionOf(sess).Caller; s != "" {
		return s
	}
	return AdminUPN(sess)
}

// SetCaller records who is signed in.
func SetCaller(rt *runtime.Runtime, upn string) { SessionOf(rt).Caller = strings.TrimSpace(upn) }

// AdminUPN returns the tenant administrator's UPN (the seeded admin when
// the session has no tenant).
func AdminUPN(sess command.Session) string {
	upn := seed.AdminUPN
	if st := SessionOf(sess).Store; st != nil {
		// The command and parameter gates ask for every command
		// resolved: read the organization again only after a write to
		// it (or to the other principal records), not after each command.
		gen := st.PrincipalsGeneration()
		s := SessionOf(sess)
		if c := s.adminUPN; c.st == st && c.gen == gen {
			return c.upn
		}
		_ = st.View(func(tx *store.Tx) error {
			if o, err := directory.GetOrganization(tx); err == nil {
				upn = adminOf(o)
			}
			return nil
		})
		s.adminUPN = adminUPNCache{st: st, gen: gen, upn: upn}
	}
	return upn
}

// NoteAdminUPN gives AdminUPN the organization record's AdminUPN field,
// read from the session's store in a transaction that began when the
// store's PrincipalsGeneration was gen: a session that reads it for
// another reason spares AdminUPN a second read.
func NoteAdminUPN(sess command.Session, gen uint64, stored string) {
	s := SessionOf(sess)
	if s.Store != nil {
		s.adminUPN = adminUPNCache{st: s.Store, gen: gen, upn: adminOf(&directory.Organization{AdminUPN: stored})}
	}
}

// adminOf is the administrator's UPN an organization record names.
func adminOf(o *directory.Organization) string {
	if o.AdminUPN != "" {
		return o.AdminUPN
	}
	return seed.AdminUPN
}

// adminUPNCache is AdminUPN's answer for one tenant generation.
type adminUPNCache struct {
	st  *store.Store
	gen uint64
	upn string
}
