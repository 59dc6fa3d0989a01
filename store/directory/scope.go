package directory

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/store"
)

// Scope selects which lifecycle states a mailbox look-up sees (which of
// active, soft-deleted, inactive and retired mailboxes Get-Mailbox and
// its switches list).
type Scope int

// Mailbox scopes.
const (
	// ScopeActive is Get-Mailbox without switches: Active mailboxes, and
	// mailboxes in the grace period after their licence was removed (still
	// active, unlicensed) unless their account was deleted.
	ScopeActive Scope = iota
	// ScopeSoftDeleted is -SoftDeletedMailbox: SoftDeleted, Inactive and
	// Retired-Inactive mailboxes.
	ScopeSoftDeleted
	// ScopeInactiveOnly is -InactiveMailboxOnly (alone or with
	// -SoftDeletedMailbox): Inactive mailboxes.
	ScopeInactiveOnly
	// ScopeIncludeInactive is -IncludeInactiveMailbox: Active and Inactive.
	ScopeIncludeInactive
	// ScopeAny is every mailbox that still exists, whatever its state
	// (internal use).
	ScopeAny
)

// String names the scope after the switch that selects it.
func (s Scope) String() string {
	switch s {
	case ScopeActive:
		return "Active"
	case ScopeSoftDeleted:
		return "SoftDeletedMailbox"
	case ScopeInactiveOnly:
		return "InactiveMailboxOnly"
	case ScopeIncludeInactive:
		return "IncludeInactiveMailbox"
	case ScopeAny:
		return "Any"
	}
	return "Scope(?)"
}

// Includes reports whether a mailbox in its current state is visible in
// the scope.
func (s Scope) Includes(m *Mailbox) bool {
	switch s {
	case ScopeActive:
		return m.IsLive()
	case ScopeSoftDeleted:
		return m.IsDeleted()
	case ScopeInactiveOnly:
		return m.LifecycleState == StateInactive
	case ScopeIncludeInactive:
		return m.IsLive() || m.LifecycleState == StateInactive
	case ScopeAny:
		return true
	}
	return false
}

// MailboxScope combines the Get-Mailbox switches into a Scope:
// -SoftDeletedMailbox with -InactiveMailboxOnly means Inactive only,
// -SoftDeletedMailbox with -IncludeInactiveMailbox means the same as
// -SoftDeletedMailbox, and -InactiveMailboxOnly with
// -IncludeInactiveMailbox is refused with *ScopeConflictError.
func MailboxScope(softDeleted, inactiveOnly, includeInactive bool) (Scope, error) {
	switch {
	case inactiveOnly && includeInactive:
		return ScopeActive, &ScopeConflictError{Params: []string{"InactiveMailboxOnly", "IncludeInactiveMailbox"}}
	case inactiveOnly:
		return ScopeInactiveOnly, nil
	case softDeleted:
		return ScopeSoftDeleted, nil
	case includeInactive:
		return ScopeIncludeInactive, nil
	}
	return ScopeActive, nil
}

const softDeletedPrefix = `soft deleted objects\`

// ResolveMailboxes resolves an identity within a scope. Accepted forms:
// Name, Alias, DisplayName, DistinguishedName, canonical name,
// ExchangeGuid, object Guid, ExternalDirectoryObjectId, any SMTP proxy
// address, UserPrincipalName / MicrosoftOnlineServicesID,
// LegacyExchangeDN or X500 proxy, and `Soft Deleted Objects\<Name>` (which
// only matches deleted mailboxes). Mail users are matched too (so that
// Remove-Mailbox can refuse one); Get-Mailbox should treat a result with
// IsMailUser() as not found. No match returns *NotFoundError; several
// matches are all returned, in Guid order (see ResolveMailbox).
func ResolveMailboxes(tx *store.Tx, identity string, scope Scope) ([]*Mailbox, error) {
	id := strings.TrimSpace(identity)
	if id == "" {
		return nil, &store.NotFoundError{Kind: "mailbox", Key: identity}
	}
	deletedOnly := false
	if strings.HasPrefix(strings.ToLower(id), softDeletedPrefix) {
		id = strings.TrimSpace(id[len(softDeletedPrefix):])
		deletedOnly = true
	}
	found, err := FindMailboxes(tx, id)
	if err != nil {
		return nil, err
	}
	if !deletedOnly && strings.Contains(id, "/") && !strings.HasPrefix(id, "/") {
		byCanon, err := findByCanonicalName(tx, id)
		if err != nil {
			return nil, err
		}
		found = mergeByGuid(found, byCanon)
	}
	var out []*Mailbox
	for _, m := range found {
		if !scope.Includes(m) || (deletedOnly && !m.IsDeleted()) {
			continue
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, &store.NotFoundError{Kind: "mailbox", Key: identity}
	}
	return out, nil
}

// ResolveMailbox is ResolveMailboxes for cmdlets that need exactly one
// object: several matches return *AmbiguousError.
func ResolveMailbox(tx *store.Tx, identity string, scope Scope) (*Mailbox, error) {
	ms, err := ResolveMailboxes(tx, identity, scope)
	if err != nil {
		return nil, err
	}
	if len(ms) > 1 {
		e := &store.AmbiguousError{Kind: "mailbox", Identity: identity}
		for _, m := range ms {
			e.Matches = append(e.Matches, m.Identity())
			e.Guids = append(e.Guids, m.Guid)
		}
		return nil, e
	}
	return ms[0], nil
}

// findByCanonicalName matches "<OrganizationalUnit>/<Name>".
func findByCanonicalName(tx *store.Tx, id string) ([]*Mailbox, error) {
	i := strings.LastIndexByte(id, '/')
	if i <= 0 || i == len(id)-1 {
		return nil, nil
	}
	ou, name := id[:i], id[i+1:]
	keys, err := tx.LookupIndex(IndexName, name)
	if err != nil {
		return nil, err
	}
	var out []*Mailbox
	for _, k := range keys {
		m, err := GetMailbox(tx, k)
		if err != nil {
			return nil, err
		}
		if strings.EqualFold(m.OrganizationalUnit, ou) {
			out = append(out, m)
		}
	}
	return out, nil
}

func mergeByGuid(a, b []*Mailbox) []*Mailbox {
	if len(b) == 0 {
		return a
	}
	seen := map[string]bool{}
	var out []*Mailbox
	for _, m := range append(append([]*Mailbox(nil), a...), b...) {
		if !seen[m.Guid] {
			seen[m.Guid] = true
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Guid < out[j].Guid })
	return out
}

// ScanMailboxScope returns up to limit mailboxes (mail users excluded)
// visible in scope, ordered by Name (case-insensitive) then Guid, starting
// after the cursor `after` ("" = from the start). The second result is the
// cursor of the next batch, "" when there is none. limit <= 0 means 500.
func ScanMailboxScope(tx *store.Tx, scope Scope, after string, limit int) ([]*Mailbox, string, error) {
	if limit <= 0 {
		limit = 500
	}
	var out []*Mailbox
	last, more := "", false
	err := Mailboxes.WalkIndex(tx, IndexName, after, func(entry string, raw []byte) error {
		if after != "" && entry == after {
			return nil
		}
		m, err := DecodeInScope(func() string { return entry }, raw, scope)
		if err != nil || m == nil {
			return err
		}
		if len(out) == limit {
			more = true
			return store.ErrStop
		}
		out = append(out, m)
		last = entry
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	if !more {
		last = ""
	}
	return out, last, nil
}

// DecodeInScope decodes the mailbox of a name index entry (given by
// entry, for the error of a record it cannot decode); it returns nil for a
// mail user or a mailbox outside scope.
func DecodeInScope(entry func() string, raw []byte, scope Scope) (*Mailbox, error) {
	m := new(Mailbox)
	if err := Mailboxes.DecodeStored(raw, m); err != nil {
		return nil, fmt.Errorf("decode %s entry %q: %w", IndexName, entry(), err)
	}
	m.RestoreForm()
	if m.IsMailUser() || !scope.Includes(m) {
		return nil, nil
	}
	return m, nil
}

// CountMailboxScope counts the mailboxes (mail users excluded) visible in
// scope.
func CountMailboxScope(tx *store.Tx, scope Scope) (int, error) {
	n := 0
	err := ForEachMailbox(tx, "", func(m *Mailbox) error {
		if !m.IsMailUser() && scope.Includes(m) {
			n++
		}
		return nil
	})
	return n, err
}
