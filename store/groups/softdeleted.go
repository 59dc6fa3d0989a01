package groups

import (
	"strings"

	"github.com/exosim/exosim/store"
)

// A Microsoft 365 group that Remove-UnifiedGroup deletes is soft-deleted,
// as Microsoft Entra ID keeps a deleted group for 30 days: it leaves the
// groups, Get-UnifiedGroup and every recipient lookup at once, and is
// kept apart (only Get-UnifiedGroup -IncludeSoftDeletedGroups lists it)
// until it is purged 30 days later. While it is kept its addresses stay
// taken, so a new recipient can't have one as its primary address.
// Exchange Online has no cmdlet that restores it.

// TimerSoftDeletedGroupPurge purges a soft-deleted Microsoft 365 group
// (payload: its GUID) 30 days after it was deleted.
const TimerSoftDeletedGroupPurge = "groups.unified.purge"

// softDeletedKind holds the soft-deleted Microsoft 365 groups, by GUID.
var softDeletedKind = store.DefineKind(store.KindSpec[Group]{Bucket: "softDeletedGroups", Name: "soft-deleted group", CreatedOnWrite: true})

// IsSoftDeleted reports whether the group is a soft-deleted one.
func (g *Group) IsSoftDeleted() bool { return g.WhenSoftDeleted != nil }

// SoftDelete deletes a Microsoft 365 group as Remove does, but keeps it
// as a soft-deleted group until it is purged 30 days later.
func SoftDelete(tx *store.Tx, g *Group) error {
	if err := Remove(tx, g); err != nil {
		return err
	}
	now := tx.Now()
	g.WhenSoftDeleted, g.WhenChanged = &now, now
	if err := softDeletedKind.Put(tx, g.Guid, g); err != nil {
		return err
	}
	_, err := tx.ScheduleAfter30Days(now, TimerSoftDeletedGroupPurge, g.Guid)
	return err
}

// ListSoftDeleted returns the soft-deleted groups in name order.
func ListSoftDeleted(tx *store.Tx) ([]*Group, error) {
	gs, err := softDeletedKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(gs, func(g *Group) string { return g.Name })
	return gs, nil
}

// FindSoftDeleted returns the soft-deleted groups an identity names (see
// Group.Matches).
func FindSoftDeleted(tx *store.Tx, identity string) ([]*Group, error) {
	return findNamed(tx, identity, ListSoftDeleted)
}

// firePurge purges a soft-deleted group whose 30 days are over.
func firePurge(tx *store.Tx, t store.Timer) error {
	_, err := softDeletedKind.Delete(tx, strings.ToLower(t.Payload))
	return err
}

// softDeletedAddressHolder is the name of the soft-deleted group that
// still holds an address a recipient would take as its primary address
// ("" when none): a soft-deleted group keeps its addresses until it is
// purged, but not its name or alias.
func softDeletedAddressHolder(tx *store.Tx, _, prop, value string) (string, error) {
	if prop != "PrimarySmtpAddress" {
		return "", nil
	}
	gs, err := softDeletedKind.List(tx)
	if err != nil {
		return "", err
	}
	for _, g := range gs {
		for _, a := range g.EmailAddresses {
			if i := strings.IndexByte(a, ':'); i >= 0 && strings.EqualFold(a[:i], "smtp") && strings.EqualFold(a[i+1:], value) {
				return g.Name, nil
			}
		}
	}
	return "", nil
}

// checkSoftDeleted reports soft-deleted groups without a deletion time or
// a scheduled purge, and GUIDs held by a live group and a soft-deleted one.
func checkSoftDeleted(tx *store.Tx, report func(store.Finding)) error {
	gs, err := softDeletedKind.List(tx)
	if err != nil || len(gs) == 0 {
		return err
	}
	timers, err := tx.PendingTimers()
	if err != nil {
		return err
	}
	scheduled := map[string]bool{}
	for _, t := range timers {
		if t.Kind == TimerSoftDeletedGroupPurge {
			scheduled[t.Payload] = true
		}
	}
	for _, g := range gs {
		switch {
		case g.WhenSoftDeleted == nil:
			report(store.Finding{Kind: "softDeletedGroup", Key: g.Guid, Message: "a soft-deleted group without a deletion time"})
		case !scheduled[g.Guid]:
			report(store.Finding{Kind: "softDeletedGroup", Key: g.Guid, Message: "no purge is scheduled"})
		}
		if _, ok, err := Get(tx, g.Guid); err != nil {
			return err
		} else if ok {
			report(store.Finding{Kind: "softDeletedGroup", Key: g.Guid, Message: "the group is both live and soft-deleted"})
		}
	}
	return nil
}
