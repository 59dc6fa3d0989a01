package permissions

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
)

// Principal is the holder a -User value names: NT AUTHORITY\SELF (Self),
// or an account or mail-enabled security group by object ID and kind
// (permissions.TrusteeUser or TrusteeGroup).
type Principal struct {
	ID, Kind string
	Self     bool
}

// ResolvePrincipal finds the holder a -User value names, as the
// permission cmdlets resolve it; rec is Exchange's error for a value that
// names no one, several, or a group that can't hold permissions.
func ResolvePrincipal(ctx *command.Context, tx *store.Tx, v any) (Principal, *object.ErrorRecord, error) {
	p, rec, err := resolvePrincipal(ctx, tx, v)
	return Principal{ID: p.id, Kind: p.kind, Self: p.self}, rec, err
}

// HolderInfo is how a holder shows now: its sign-in name (a group's
// name), display name and security identifier; Gone marks a holder no
// longer in the directory, SoftDeleted one whose account or mailbox is
// deleted but recoverable.
type HolderInfo struct {
	Name, Display, SID string
	Gone, SoftDeleted  bool
}

// Holders resolves the holders of entries, once each, within one
// transaction.
type Holders struct{ h *holders }

// NewHolders returns a resolver of holders for tx.
func NewHolders(tx *store.Tx) (*Holders, error) {
	h, err := newHolders(tx)
	return &Holders{h: h}, err
}

// Of returns how the holder of that object ID and kind shows.
func (h *Holders) Of(id, kind string) HolderInfo {
	v := h.h.of(id, kind)
	return HolderInfo{Name: v.name, Display: v.display, SID: v.sid, Gone: v.state == holderUnresolved, SoftDeleted: v.state == holderSoftDeleted}
}
