package holds

import (
	"encoding/hex"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Kinds of InPlaceHolds entries.
const (
	HoldKindExclusion  = "Exclusion"  // -mbx<hex32>
	HoldKindRetention  = "Retention"  // mbx|skp|grp<hex32>:<action>
	HoldKindEDiscovery = "eDiscovery" // UniH<dashed guid> (case holds; hold-only retention policies)
	HoldKindInPlace    = "InPlace"    // <hex32> or cld<hex32>
	HoldKindUnknown    = "Unknown"
)

// HoldEntry is one parsed InPlaceHolds value.
type HoldEntry struct {
	Raw    string
	Kind   string
	Prefix string // mbx, skp, grp, -mbx, UniH, cld or ""
	// ID is the policy/hold identity without prefix and suffix: 32 hex
	// digits for retention, exclusion and In-Place entries, the dashed GUID
	// for eDiscovery holds.
	ID string
	// Action is the retention action (1 delete only, 2 retain, 3 retain
	// then delete); 0 for other kinds.
	Action int
}

func isHex32(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// ParseHoldEntry classifies an InPlaceHolds value.
func ParseHoldEntry(s string) HoldEntry {
	e := HoldEntry{Raw: s, Kind: HoldKindUnknown}
	v := strings.TrimSpace(s)
	low := strings.ToLower(v)
	switch {
	case strings.HasPrefix(low, "-mbx") && isHex32(low[4:]):
		e.Kind, e.Prefix, e.ID = HoldKindExclusion, "-mbx", low[4:]
	case len(low) == 37 && (strings.HasPrefix(low, "mbx") || strings.HasPrefix(low, "skp") || strings.HasPrefix(low, "grp")) &&
		isHex32(low[3:35]) && low[35] == ':' && low[36] >= '1' && low[36] <= '3':
		e.Kind, e.Prefix, e.ID, e.Action = HoldKindRetention, low[:3], low[3:35], int(low[36]-'0')
	case strings.HasPrefix(low, "unih"):
		if g, ok := store.NormalizeGuid(v[4:]); ok && len(v[4:]) == 36 {
			e.Kind, e.Prefix, e.ID = HoldKindEDiscovery, "UniH", g
		}
	case strings.HasPrefix(low, "cld") && isHex32(low[3:]):
		e.Kind, e.Prefix, e.ID = HoldKindInPlace, "cld", low[3:]
	case isHex32(low):
		e.Kind, e.ID = HoldKindInPlace, low
	}
	return e
}

// OrgPolicyEntry reads an entry of the organization's InPlaceHolds: the
// 32-hex ID of the retention policy behind it and whether it holds
// mailboxes. Retention stamps hold with action 2 or 3; a UniH entry there
// is a policy whose rule has no retention action, which holds.
func OrgPolicyEntry(raw string) (hex string, holds bool) {
	e := ParseHoldEntry(raw)
	switch e.Kind {
	case HoldKindRetention:
		return e.ID, e.Prefix == "mbx" && e.IsHold()
	case HoldKindEDiscovery:
		return store.GuidNoDashes(e.ID), true
	}
	return "", false
}

// IsHold reports whether the entry on a mailbox places it on hold
// (eDiscovery and In-Place holds, retention with action 2 or 3).
func (e HoldEntry) IsHold() bool {
	switch e.Kind {
	case HoldKindEDiscovery, HoldKindInPlace:
		return true
	case HoldKindRetention:
		return e.Action == 2 || e.Action == 3
	}
	return false
}

// MailboxOnHold is the "on hold" rule (what makes a removed mailbox
// inactive, and keeps an inactive one from retiring) for a mailbox and the
// organization's InPlaceHolds: Litigation Hold, retention-label hold,
// either delay hold, any eDiscovery or In-Place hold entry, any retention
// entry with action 2 or 3, or an org-wide mbx policy with action 2 or 3
// the mailbox is not excluded from by a -mbx marker. Org-wide policies
// don't attach to SoftDeleted or Retired-Inactive mailboxes nor to
// mail users. eDiscovery and In-Place entries count as long as they are
// stamped on the mailbox.
func MailboxOnHold(m *directory.Mailbox, orgHolds []string) bool {
	if m.LitigationHoldEnabled || m.ComplianceTagHoldApplied || m.DelayHoldApplied || m.DelayReleaseHoldApplied {
		return true
	}
	excluded := map[string]bool{}
	for _, h := range m.InPlaceHolds {
		e := ParseHoldEntry(h)
		if e.IsHold() {
			return true
		}
		if e.Kind == HoldKindExclusion {
			excluded[e.ID] = true
		}
	}
	if m.IsMailUser() || m.LifecycleState == directory.StateSoftDeleted || m.LifecycleState == directory.StateRetiredInactive {
		return false
	}
	for _, h := range orgHolds {
		if id, holds := OrgPolicyEntry(h); holds && !excluded[id] {
			return true
		}
	}
	return false
}

// OnHold reports whether the mailbox is on hold (MailboxOnHold), taking
// the organization-wide holds into account.
func OnHold(tx *store.Tx, m *directory.Mailbox) (bool, error) {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return false, err
	}
	return MailboxOnHold(m, o.InPlaceHolds), nil
}
