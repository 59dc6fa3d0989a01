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
	st := SessionOf(sess).Store
	if st == nil {
		return seed.AdminUPN
	}
	// The command and parameter gates ask for every command resolved:
	// read the organization again only after a write to it (or to the
	// other principal records), not after each command.
	gen := st.PrincipalsGeneration()
	s := SessionOf(sess)
	if c := s.org; c.st == st && c.gen == gen {
		return c.adminUPN()
	}
	var org *directory.Organization
	_ = st.View(func(tx *store.Tx) error {
		org, _ = directory.OrganizationNames(tx)
		return nil
	})
	s.org = orgCache{st: st, gen: gen, org: org}
	return s.org.adminUPN()
}

// OrganizationNames is directory.OrganizationNames read in tx, a
// transaction of the session's store that writes nothing: the record the
// session last read while nothing has written to the principal records
// since (NoteOrganization). The record is shared: callers must not
// change it.
func OrganizationNames(ctx *command.Context, tx *store.Tx) (*directory.Organization, error) {
	s := SessionOf(runtime.Of(ctx))
	st := s.Store
	if st == nil {
		return directory.OrganizationNames(tx)
	}
	gen := st.PrincipalsGeneration()
	if c := s.org; c.st == st && c.gen == gen && c.org != nil {
		return c.org, nil
	}
	org, err := directory.OrganizationNames(tx)
	if err == nil {
		s.org = orgCache{st: st, gen: gen, org: org}
	}
	return org, err
}

// NoteOrganization gives AdminUPN and OrganizationNames the organization
// record as directory.OrganizationNames read it from the session's store,
// in a transaction that began when the store's PrincipalsGeneration was
// gen: a session that reads it as it starts spares its commands another
// read (Get-Mailbox names the tenant in every mailbox it shows).
func NoteOrganization(sess command.Session, gen uint64, org *directory.Organization) {
	s := SessionOf(sess)
	if s.Store != nil {
		s.org = orgCache{st: s.Store, gen: gen, org: org}
	}
}

// orgCache is the organization record (its names, ID and administrator)
// as read from a tenant at one generation; org is nil when it could not
// be read.
type orgCache struct {
	st  *store.Store
	gen uint64
	org *directory.Organization
}

// adminUPN is AdminUPN's answer from the record read.
func (c orgCache) adminUPN() string {
	if c.org == nil || c.org.AdminUPN == "" {
		return seed.AdminUPN
	}
	return c.org.AdminUPN
}
