// Package mrm is messaging records management: the Exchange retention
// policies and their retention policy tags, and the Managed Folder
// Assistant that applies them (with what the retention and hold rules of
// store/holds say) to the item ages of mailbox content, keeping its hold
// tracking logs.
package mrm

import (
	"errors"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// MRMPolicy is an Exchange (MRM) retention policy (Get-RetentionPolicy).
type MRMPolicy struct {
	Guid                    string                    `json:"guid"`
	Name                    string                    `json:"name"`
	RetentionPolicyTagLinks []string                  `json:"retentionPolicyTagLinks"` // tag names
	IsDefault               bool                      `json:"isDefault"`
	IsDefaultArbitration    bool                      `json:"isDefaultArbitrationMailbox"`
	RetentionID             string                    `json:"retentionId"`
	WhenCreated             time.Time                 `json:"whenCreated"`
	WhenChanged             time.Time                 `json:"whenChanged"`
	Extra                   map[string]store.RawValue `json:"extra,omitempty"`
}

// MRM retention actions.
const (
	MRMDeleteAndAllowRecovery = "DeleteAndAllowRecovery"
	MRMPermanentlyDelete      = "PermanentlyDelete"
	MRMMoveToArchive          = "MoveToArchive"
)

// MRMTag is an Exchange retention policy tag (Get-RetentionPolicyTag).
type MRMTag struct {
	Guid                 string                    `json:"guid"`
	Name                 string                    `json:"name"`
	Type                 string                    `json:"type"` // All, Inbox, DeletedItems, RecoverableItems, Personal ...
	RetentionEnabled     bool                      `json:"retentionEnabled"`
	RetentionAction      string                    `json:"retentionAction"`
	AgeLimitForRetention int                       `json:"ageLimitForRetention"` // days; 0 = none
	Comment              string                    `json:"comment,omitempty"`
	RetentionID          string                    `json:"retentionId"`
	WhenCreated          time.Time                 `json:"whenCreated"`
	WhenChanged          time.Time                 `json:"whenChanged"`
	Extra                map[string]store.RawValue `json:"extra,omitempty"`
}

// The record kinds of MRM and of the assistant.
var (
	mrmPolicyRecords = store.DefineKind(store.KindSpec[MRMPolicy]{Bucket: "retentionPoliciesMRM", Name: "retentionPolicy"})
	mrmTagRecords    = store.DefineKind(store.KindSpec[MRMTag]{Bucket: "retentionPolicyTags", Name: "retentionPolicyTag"})
)

// HoldView is what the assistant asks the retention and hold rules about
// a mailbox (store/holds answers through the hook Holds).
type HoldView interface {
	// Preservation calls keep for every preservation period of m's items
	// (items at most days old are kept; all when unlimited) and del for
	// every deletion rule (items older than days go); folder is "" for
	// every folder, else the lower-case path of a labeled folder.
	Preservation(tx *store.Tx, m *directory.Mailbox, keep func(folder string, unlimited bool, days int64), del func(folder string, days int64)) error
	// TrackedHolds returns the holds affecting m now for the tracking
	// logs: the mailbox's own and the substrate's, as ID → hold type.
	TrackedHolds(m *directory.Mailbox) (exchange, substrate map[string]int)
}

// Holds loads the view of the retention and hold rules one assistant
// pass reads; with none added, no hold preserves anything.
var Holds = store.NewHook[func(tx *store.Tx) (HoldView, error)]("hold rules of the Managed Folder Assistant")

// loadHoldView loads the view of the first function added to Holds (nil
// when there is none).
func loadHoldView(tx *store.Tx) (HoldView, error) {
	for _, f := range Holds.Funcs(tx) {
		return f(tx)
	}
	return nil, nil
}

// Register adds MRM and the assistant to s: their kinds, the item-age
// pass after each clock advance, the removal of the assistant's record
// of a deleted mailbox, and the check of a new mailbox's policy.
func Register(s *store.Schema) {
	mrmPolicyRecords.Register(s)
	mrmTagRecords.Register(s)
	diagnosticsRecords.Register(s)
	assistantPassRecords.Register(s)
	s.AfterAdvance(agingAfterAdvance)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error {
		_, err := diagnosticsRecords.Delete(tx, guid)
		return err
	})
	directory.AfterMailboxCreate.Add(s, dropMissingPolicy)
}

// dropMissingPolicy is what a new mailbox's retention policy becomes
// (it is stamped with the Default MRM Policy by name): the policy flagged
// IsDefault, whatever its name (a renamed default policy, or another one
// made the default); while no policy is flagged, the policy named as
// stamped; and when there is none of either (an administrator removed
// it) the mailbox gets none.
func dropMissingPolicy(tx *store.Tx, m *directory.Mailbox) error {
	if m.RetentionPolicy == "" {
		return nil
	}
	all, err := MRMPolicies(tx)
	if err != nil {
		return err
	}
	name := ""
	for _, p := range all {
		if p.IsDefault {
			name = p.Name
			break
		}
	}
	if name == "" {
		p, err := match(all, m.RetentionPolicy, "retentionPolicy", func(p *MRMPolicy) (string, string) { return p.Name, p.Guid })
		var nf *store.NotFoundError
		if err != nil && !errors.As(err, &nf) {
			return err
		}
		if p != nil {
			name = p.Name
		}
	}
	if name == m.RetentionPolicy {
		return nil
	}
	m.RetentionPolicy = name
	return directory.PutMailbox(tx, m)
}

// MRMPolicies lists the Exchange retention policies ordered by name.
func MRMPolicies(tx *store.Tx) ([]*MRMPolicy, error) {
	return listByName(tx, mrmPolicyRecords, func(p *MRMPolicy) string { return p.Name })
}

// FindMRMPolicy resolves an Exchange retention policy by name or Guid.
func FindMRMPolicy(tx *store.Tx, identity string) (*MRMPolicy, error) {
	all, err := MRMPolicies(tx)
	if err != nil {
		return nil, err
	}
	return match(all, identity, "retentionPolicy", func(p *MRMPolicy) (string, string) { return p.Name, p.Guid })
}

// PutMRMPolicy stores an Exchange retention policy (WhenChanged = now).
// A mailbox links to its policy, so what it shows as its RetentionPolicy
// is the policy's current name: when p renames a stored policy, every
// mailbox that had it shows the new name, in the same transaction (see
// followRename).
func PutMRMPolicy(tx *store.Tx, p *MRMPolicy) error {
	key := strings.ToLower(p.Guid)
	old, ok, err := mrmPolicyRecords.Get(tx, key)
	if err != nil {
		return err
	}
	if ok && old.Name != p.Name {
		if err := followRename(tx, old.Name, p.Name); err != nil {
			return err
		}
	}
	p.WhenChanged = tx.Now()
	return mrmPolicyRecords.Put(tx, key, p)
}

// followRename makes the mailboxes that had the retention policy named
// from show its new name to. Their own WhenChanged stays: renaming the
// policy does not change the mailboxes, only what their link shows.
func followRename(tx *store.Tx, from, to string) error {
	assigned, err := MailboxesWithMRMPolicy(tx, from)
	if err != nil {
		return err
	}
	for _, m := range assigned {
		m.RetentionPolicy = to
		if err := directory.Mailboxes.Put(tx, strings.ToLower(m.Guid), m); err != nil {
			return err
		}
	}
	return nil
}

// DeleteMRMPolicy removes the Exchange retention policy with Guid guid
// and clears the RetentionPolicy of every mailbox it was assigned to:
// those mailboxes are left without a retention policy.
func DeleteMRMPolicy(tx *store.Tx, guid string) error {
	p, err := mrmPolicyRecords.Load(tx, strings.ToLower(guid), guid)
	if err != nil {
		return err
	}
	assigned, err := MailboxesWithMRMPolicy(tx, p.Name)
	if err != nil {
		return err
	}
	for _, m := range assigned {
		m.RetentionPolicy = ""
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	_, err = mrmPolicyRecords.Delete(tx, strings.ToLower(guid))
	return err
}

// MailboxesWithMRMPolicy returns the mailboxes whose retention policy is
// the one named name (mailboxes name their policy, without regard to case).
func MailboxesWithMRMPolicy(tx *store.Tx, name string) ([]*directory.Mailbox, error) {
	var out []*directory.Mailbox
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if strings.EqualFold(m.RetentionPolicy, name) {
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// MRMTags lists the retention policy tags ordered by name.
func MRMTags(tx *store.Tx) ([]*MRMTag, error) {
	return listByName(tx, mrmTagRecords, func(t *MRMTag) string { return t.Name })
}

// FindMRMTag resolves a retention policy tag by name or Guid.
func FindMRMTag(tx *store.Tx, identity string) (*MRMTag, error) {
	all, err := MRMTags(tx)
	if err != nil {
		return nil, err
	}
	return match(all, identity, "retentionPolicyTag", func(t *MRMTag) (string, string) { return t.Name, t.Guid })
}

// PutMRMTag stores a retention policy tag (WhenChanged = now).
func PutMRMTag(tx *store.Tx, t *MRMTag) error {
	t.WhenChanged = tx.Now()
	return mrmTagRecords.Put(tx, strings.ToLower(t.Guid), t)
}

// listByName returns every record of k ordered by name.
func listByName[T any](tx *store.Tx, k *store.Kind[T], name func(*T) string) ([]*T, error) {
	all, err := k.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(all, name)
	return all, nil
}

// match returns the first of xs named id (case-insensitive, outer
// whitespace ignored) or whose Guid id is, or a *store.NotFoundError of
// kind.
func match[T any](xs []*T, id, kind string, fields func(*T) (name, guid string)) (*T, error) {
	want := strings.TrimSpace(id)
	g, isGuid := store.NormalizeGuid(want)
	for _, v := range xs {
		name, guid := fields(v)
		if strings.EqualFold(name, want) || (isGuid && guid == g) {
			return v, nil
		}
	}
	return nil, &store.NotFoundError{Kind: kind, Key: id}
}
