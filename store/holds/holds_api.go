package holds

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/idform"
)

// Hold types of the ID-based holds (HoldInfo.HoldType).
const (
	HoldTypeCaseHold        = "eDiscoveryCaseHold"
	HoldTypeInPlace         = "InPlaceHold"
	HoldTypeRetention       = "RetentionPolicy"
	HoldTypeOrgRetention    = "OrganizationRetentionPolicy"
	HoldTypeAppRetention    = "AppRetentionPolicy"
	HoldTypeLabelPolicy     = "RetentionLabelPolicy"
	HoldTypeUnknown         = "Unknown"
	actorDefaultHoldRemoval = "admin@contoso.onmicrosoft.com"
)

// Holds that have no ID of their own: GetHolds names them by their kind,
// which is both their HoldId and their HoldType.
const (
	HoldLitigation   = "LitigationHold"
	HoldDelay        = "DelayHold"
	HoldDelayRelease = "DelayReleaseHold"
)

// IsFlagHold reports whether id names one of the holds without an ID
// (Litigation Hold and the two delay holds).
func IsFlagHold(id string) bool {
	for _, h := range []string{HoldLitigation, HoldDelay, HoldDelayRelease} {
		if strings.EqualFold(strings.TrimSpace(id), h) {
			return true
		}
	}
	return false
}

// HoldInfo is one ID-based hold affecting a mailbox
// (what Invoke-HoldRemovalAction looks up by HoldId).
type HoldInfo struct {
	HoldID string
	// HoldType is one of the HoldType* constants.
	HoldType string
	// PolicyName is the name of the policy, case hold or In-Place hold
	// behind the ID ("" when it no longer exists).
	PolicyName   string
	PolicyExists bool
	// IsActive: the object exists and currently applies the hold (policy
	// enabled, case hold enabled in an active case, In-Place hold enabled).
	IsActive bool
	// OrgWide: the ID comes from the organization's InPlaceHolds.
	OrgWide bool
	// Locked: the policy has Preservation Lock.
	Locked bool
	// CaseName is the case of an eDiscovery hold.
	CaseName string
}

// String returns the HoldId, so the object can be passed as -HoldId.
func (h HoldInfo) String() string { return h.HoldID }

// describeHold looks up the object behind a hold entry.
func (env *holdEnv) describeHold(e HoldEntry, orgWide bool) HoldInfo {
	h := HoldInfo{HoldID: e.Raw, HoldType: HoldTypeUnknown, OrgWide: orgWide}
	switch e.Kind {
	case HoldKindEDiscovery:
		h.HoldType = HoldTypeCaseHold
		for _, p := range env.holds {
			if p.Guid == e.ID {
				h.PolicyName, h.PolicyExists = p.Name, true
				c := env.cases[p.Case]
				if c != nil {
					h.CaseName = c.Name
				}
				h.IsActive = p.Enabled && env.ruled[p.Guid] && c != nil && c.Status == CaseActive
			}
		}
		// A retention policy whose rule has no action stamps UniH too.
		env.describePolicy(&h, store.GuidNoDashes(e.ID), orgWide)
	case HoldKindInPlace:
		h.HoldType = HoldTypeInPlace
		for _, s := range env.searches {
			if strings.EqualFold(s.InPlaceHoldIdentity, e.Raw) {
				h.PolicyName, h.PolicyExists, h.IsActive = s.Name, true, s.InPlaceHoldEnabled
			}
		}
	case HoldKindRetention, HoldKindExclusion:
		h.HoldType = HoldTypeRetention
		if orgWide {
			h.HoldType = HoldTypeOrgRetention
		}
		env.describePolicy(&h, e.ID, orgWide)
	}
	return h
}

// describePolicy fills h from the retention policy with the 32-hex ID, if
// there is one.
func (env *holdEnv) describePolicy(h *HoldInfo, hex string, orgWide bool) {
	for _, p := range env.policies {
		if p.Hex() != hex {
			continue
		}
		h.HoldType = HoldTypeRetention
		if orgWide {
			h.HoldType = HoldTypeOrgRetention
		}
		h.PolicyName, h.PolicyExists, h.IsActive, h.Locked = p.Name, true, p.Enabled, p.RestrictiveRetention
		switch p.Kind {
		case PolicyKindApp:
			h.HoldType = HoldTypeAppRetention
		case PolicyKindLabel:
			h.HoldType = HoldTypeLabelPolicy
		}
	}
}

// mailboxHoldInfos lists the ID-based holds of a mailbox: every
// non-exclusion entry of its InPlaceHolds plus every org-wide entry that
// applies to it (any action).
func (env *holdEnv) mailboxHoldInfos(m *directory.Mailbox) []HoldInfo {
	var out []HoldInfo
	for _, raw := range m.InPlaceHolds {
		e := ParseHoldEntry(raw)
		if e.Kind == HoldKindExclusion {
			continue
		}
		out = append(out, env.describeHold(e, false))
	}
	if m.IsMailUser() {
		return out
	}
	switch m.LifecycleState {
	case directory.StateActive, directory.StateInactive, directory.StateUnlicensedGrace:
	default:
		return out
	}
	for _, raw := range env.org.InPlaceHolds {
		e := ParseHoldEntry(raw)
		id, _ := OrgPolicyEntry(raw)
		if (e.Kind != HoldKindEDiscovery && (e.Kind != HoldKindRetention || e.Prefix != "mbx")) || hasEntry(m.InPlaceHolds, "-mbx"+id) {
			continue
		}
		out = append(out, env.describeHold(e, true))
	}
	return out
}

// MailboxHolds lists the holds Invoke-HoldRemovalAction -Action GetHolds
// shows for a mailbox: its eDiscovery holds, legacy In-Place holds and
// stamps nothing in the tenant explains, then Litigation Hold and the delay
// holds, named by their kind. The holds that retention policies place
// (their mbx, skp and grp stamps, the organization-wide ones included,
// whatever kind of policy) are not listed: the tool leaves them to the
// policies.
func MailboxHolds(tx *store.Tx, guid string) ([]HoldInfo, error) {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return nil, err
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return nil, err
	}
	var out []HoldInfo
	for _, h := range env.mailboxHoldInfos(m) {
		if ParseHoldEntry(h.HoldID).Kind == HoldKindRetention {
			continue
		}
		out = append(out, h)
	}
	flag := func(on bool, id string) {
		if on {
			out = append(out, HoldInfo{HoldID: id, HoldType: id, IsActive: true})
		}
	}
	flag(m.LitigationHoldEnabled, HoldLitigation)
	flag(m.DelayHoldApplied, HoldDelay)
	flag(m.DelayReleaseHoldApplied, HoldDelayRelease)
	return out, nil
}

// RemoveHold is Invoke-HoldRemovalAction -Action RemoveHold: the
// hold ID must affect the mailbox (*HoldNotOnMailboxError); a
// Preservation-Locked policy's ID always fails (*PolicyLockedError); an
// ID whose object still applies it (active case hold, enabled retention
// policy, enabled In-Place hold) needs force (*HoldInUseError); a
// label policy's stamp fails while its labels are on items
// (*LabelHoldError). On success the stamp goes (an org-wide ID gets the
// -mbx exclusion marker instead), the removal is logged with actor, a
// delay hold is set and the mailbox retires if it is Inactive and nothing
// holds it any more.
func RemoveHold(tx *store.Tx, guid, holdID string, force bool, actor string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return err
	}
	id := strings.TrimSpace(holdID)
	var info *HoldInfo
	for _, h := range env.mailboxHoldInfos(m) {
		if strings.EqualFold(h.HoldID, id) {
			h := h
			info = &h
			break
		}
	}
	if info == nil {
		return &HoldNotOnMailboxError{HoldID: id, Identity: m.Identity(), Guid: m.Guid}
	}
	e := ParseHoldEntry(info.HoldID)
	policyHex := e.ID
	if e.Kind == HoldKindEDiscovery {
		policyHex = store.GuidNoDashes(e.ID)
	}
	if info.Locked {
		return &PolicyLockedError{PolicyName: info.PolicyName, PolicyGuid: guidFromHex(policyHex), Op: LockedRemoveHold}
	}
	st, err := holdState(tx, m.Guid)
	if err != nil {
		return err
	}
	if info.HoldType == HoldTypeLabelPolicy {
		var labels []string
		for _, l := range st.Labels {
			if store.GuidNoDashes(l.Policy) == policyHex {
				labels = append(labels, l.Tag)
			}
		}
		if len(labels) > 0 {
			return &LabelHoldError{Identity: m.Identity(), Guid: m.Guid, HoldID: info.HoldID, Labels: labels}
		}
	}
	if info.IsActive && !force {
		return &HoldInUseError{HoldID: info.HoldID, HoldType: info.HoldType, PolicyName: info.PolicyName, CaseName: info.CaseName}
	}
	switch {
	case info.OrgWide:
		if !hcontains(st.ExcludedOrg, policyHex) {
			st.ExcludedOrg = append(st.ExcludedOrg, policyHex)
		}
	case info.PolicyExists:
		if !hcontains(st.Suppressed, info.HoldID) {
			st.Suppressed = append(st.Suppressed, info.HoldID)
		}
	default:
		// Orphan: remove the entry itself.
		m.InPlaceHolds = hremoveEntry(m.InPlaceHolds, info.HoldID)
		if e.IsHold() {
			if err := applyDelayHold(tx, m, e.Prefix == "skp"); err != nil {
				return err
			}
		}
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	if err := putHoldState(tx, st); err != nil {
		return err
	}
	if actor == "" {
		actor = actorDefaultHoldRemoval
	}
	loc := m.PrimarySmtpAddress
	if err := logHoldRemoval(tx, HoldRemoval{Location: loc, Mailbox: m.Guid, HoldID: info.HoldID, RemovedBy: actor, RemovedAt: tx.Now(), Forced: force}); err != nil {
		return err
	}
	return recomputeHolds(tx, []string{m.Guid})
}

func hremoveEntry(list []string, e string) []string {
	out := []string{}
	for _, x := range list {
		if !strings.EqualFold(x, e) {
			out = append(out, x)
		}
	}
	return out
}

func guidFromHex(h string) string {
	if g, ok := store.NormalizeGuid(h); ok {
		return g
	}
	return h
}

// requireInactive refuses an operation on a mailbox that isn't Inactive.
func requireInactive(op string, m *directory.Mailbox) error {
	if m.LifecycleState != directory.StateInactive {
		return directory.MailboxLifecycleError(op, m, ReasonNotInactive, "")
	}
	return nil
}

// ExcludeFromOrgHolds is Set-Mailbox -ExcludeFromOrgHolds on an Inactive
// mailbox (*LifecycleError ReasonNotInactive otherwise): each value (GUID
// with or without dashes) must be an org-wide policy in the organization's
// InPlaceHolds (*NotOrgWidePolicyError) and not Preservation-Locked
// (*PolicyLockedError). The mailbox gets the -mbx markers, a delay hold,
// and retires if nothing else holds it. All values are checked first.
func ExcludeFromOrgHolds(tx *store.Tx, guid string, policyGuids []string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	if err := requireInactive("ExcludeFromOrgHolds", m); err != nil {
		return err
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return err
	}
	var hexes []string
	for _, v := range policyGuids {
		g, ok := store.NormalizeGuid(strings.TrimPrefix(strings.TrimSpace(strings.ToLower(v)), "mbx"))
		if !ok {
			return &NotOrgWidePolicyError{Value: v}
		}
		h := store.GuidNoDashes(g)
		inOrg := false
		for _, e := range env.org.InPlaceHolds {
			if id, _ := OrgPolicyEntry(e); id == h {
				inOrg = true
			}
		}
		var pol *CompliancePolicy
		for _, p := range env.policies {
			if p.Hex() == h {
				pol = p
			}
		}
		if !inOrg || pol == nil {
			return &NotOrgWidePolicyError{Value: v}
		}
		if pol.RestrictiveRetention {
			return &PolicyLockedError{PolicyName: pol.Name, PolicyGuid: pol.Guid, Op: LockedExclude}
		}
		hexes = append(hexes, h)
	}
	st, err := holdState(tx, m.Guid)
	if err != nil {
		return err
	}
	for _, h := range hexes {
		if !hcontains(st.ExcludedOrg, h) {
			st.ExcludedOrg = append(st.ExcludedOrg, h)
		}
	}
	if err := putHoldState(tx, st); err != nil {
		return err
	}
	return recomputeHolds(tx, []string{m.Guid})
}

// ExcludeFromAllOrgHolds is Set-Mailbox -ExcludeFromAllOrgHolds on an
// Inactive mailbox: it is excluded from every org-wide Exchange policy of
// the organization's list; Preservation-Locked ones are skipped with a
// warning each (a lock forbids removing the mailbox from the policy); app
// retention policies are untouched. Returns the
// warnings.
func ExcludeFromAllOrgHolds(tx *store.Tx, guid string) ([]string, error) {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return nil, err
	}
	if err := requireInactive("ExcludeFromAllOrgHolds", m); err != nil {
		return nil, err
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return nil, err
	}
	st, err := holdState(tx, m.Guid)
	if err != nil {
		return nil, err
	}
	var warnings []string
	for _, e := range env.org.InPlaceHolds {
		pe := ParseHoldEntry(e)
		id, _ := OrgPolicyEntry(e)
		if pe.Kind != HoldKindEDiscovery && (pe.Kind != HoldKindRetention || pe.Prefix != "mbx") {
			continue
		}
		for _, p := range env.policies {
			if p.Hex() != id {
				continue
			}
			if p.RestrictiveRetention {
				warnings = append(warnings, fmt.Sprintf("The mailbox '%s' can't be excluded from the organization-wide retention policy '%s' (%s) because the policy has Preservation Lock.", m.Identity(), p.Name, p.Guid))
				continue
			}
			if !hcontains(st.ExcludedOrg, id) {
				st.ExcludedOrg = append(st.ExcludedOrg, id)
			}
		}
	}
	if err := putHoldState(tx, st); err != nil {
		return nil, err
	}
	return warnings, recomputeHolds(tx, []string{m.Guid})
}

// ExcludeFromAllHolds is Set-Mailbox -ExcludeFromAllHolds on an Inactive
// mailbox: it removes org-level and user-level retention holds (except
// Preservation-Locked ones), the compliance-tag hold and both delay holds,
// keeps eDiscovery, Litigation and In-Place holds, does not edit policy
// exclusion lists and creates no delay hold; then the retirement check.
func ExcludeFromAllHolds(tx *store.Tx, guid string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	if err := requireInactive("ExcludeFromAllHolds", m); err != nil {
		return err
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return err
	}
	st, err := holdState(tx, m.Guid)
	if err != nil {
		return err
	}
	locked := func(hex string) bool {
		for _, p := range env.policies {
			if p.Hex() == hex {
				return p.RestrictiveRetention
			}
		}
		return false
	}
	for _, e := range env.org.InPlaceHolds {
		pe := ParseHoldEntry(e)
		id, _ := OrgPolicyEntry(e)
		if (pe.Kind == HoldKindEDiscovery || pe.Kind == HoldKindRetention && pe.Prefix == "mbx") && !locked(id) && !hcontains(st.ExcludedOrg, id) {
			st.ExcludedOrg = append(st.ExcludedOrg, id)
		}
	}
	var next []string
	for _, e := range m.InPlaceHolds {
		pe := ParseHoldEntry(e)
		// A hold-only retention policy's UniH stamp goes like a retention
		// stamp; case holds stay.
		if pe.Kind == HoldKindRetention && !locked(pe.ID) || pe.Kind == HoldKindEDiscovery && env.isPolicy(store.GuidNoDashes(pe.ID)) && !locked(store.GuidNoDashes(pe.ID)) {
			if env.known[strings.ToLower(e)] && !hcontains(st.Suppressed, e) {
				st.Suppressed = append(st.Suppressed, e)
			}
			continue
		}
		next = append(next, e)
	}
	for _, p := range env.policies {
		if p.IsOrgWide() && !p.RestrictiveRetention && !hasEntry(next, "-mbx"+p.Hex()) && hcontains(st.ExcludedOrg, p.Hex()) {
			next = append(next, "-mbx"+p.Hex())
		}
	}
	if next == nil {
		next = []string{}
	}
	m.InPlaceHolds = next
	m.ComplianceTagHoldApplied = false
	if err := clearDelayHold(tx, m, false); err != nil {
		return err
	}
	if err := clearDelayHold(tx, m, true); err != nil {
		return err
	}
	if err := directory.PutMailbox(tx, m); err != nil {
		return err
	}
	if err := putHoldState(tx, st); err != nil {
		return err
	}
	// The stamps are already gone, so the recompute sees no removal and
	// sets no delay hold.
	return recomputeHolds(tx, []string{m.Guid})
}

// RemoveOrphanedHolds is Set-Mailbox -RemoveOrphanedHolds: each ID must be
// on the mailbox (*HoldNotOnMailboxError) and its object (In-Place hold,
// case hold, policy) must no longer exist (*HoldExistsError). The entries
// are removed (delay hold for hold entries), then the retirement check.
func RemoveOrphanedHolds(tx *store.Tx, guid string, ids []string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	env, err := loadHoldEnv(tx)
	if err != nil {
		return err
	}
	var remove []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		var found string
		for _, e := range m.InPlaceHolds {
			if strings.EqualFold(e, id) {
				found = e
			}
		}
		if found == "" {
			return &HoldNotOnMailboxError{HoldID: id, Identity: m.Identity(), Guid: m.Guid}
		}
		if env.known[strings.ToLower(found)] {
			info := env.describeHold(ParseHoldEntry(found), false)
			return &HoldExistsError{HoldID: found, ObjectName: info.PolicyName, HoldType: info.HoldType}
		}
		remove = append(remove, found)
	}
	exchange, release := false, false
	for _, r := range remove {
		pe := ParseHoldEntry(r)
		m.InPlaceHolds = hremoveEntry(m.InPlaceHolds, r)
		if pe.IsHold() {
			if pe.Prefix == "skp" {
				release = true
			} else {
				exchange = true
			}
		}
	}
	if exchange {
		if err := applyDelayHold(tx, m, false); err != nil {
			return err
		}
	}
	if release {
		if err := applyDelayHold(tx, m, true); err != nil {
			return err
		}
	}
	if err := directory.PutMailbox(tx, m); err != nil {
		return err
	}
	_, err = directory.RecalculateInactiveMailbox(tx, m.Guid)
	return err
}

// RemoveDelayHold is Set-Mailbox -RemoveDelayHoldApplied (release false) or
// -RemoveDelayReleaseHoldApplied (release true): the flag and its timer
// are cleared (a no-op when already clear), then the retirement check.
func RemoveDelayHold(tx *store.Tx, guid string, release bool) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	set := m.DelayHoldApplied
	if release {
		set = m.DelayReleaseHoldApplied
	}
	if !set {
		return nil
	}
	if err := clearDelayHold(tx, m, release); err != nil {
		return err
	}
	if err := directory.PutMailbox(tx, m); err != nil {
		return err
	}
	_, err = directory.RecalculateInactiveMailbox(tx, m.Guid)
	return err
}

// RemoveComplianceTagHold is Set-Mailbox -RemoveComplianceTagHoldApplied:
// the label hold flag is cleared (the labels on items stay, they no longer
// hold the mailbox), a delay hold follows, then the retirement check. The
// cmdlet checks -ProvideConsent for active mailboxes.
func RemoveComplianceTagHold(tx *store.Tx, guid string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	if !m.ComplianceTagHoldApplied {
		return nil
	}
	m.ComplianceTagHoldApplied = false
	if err := applyDelayHold(tx, m, false); err != nil {
		return err
	}
	if err := directory.PutMailbox(tx, m); err != nil {
		return err
	}
	_, err = directory.RecalculateInactiveMailbox(tx, m.Guid)
	return err
}

// LitigationHoldInput holds the Litigation Hold parameters of Set-Mailbox;
// nil fields are not changed.
type LitigationHoldInput struct {
	Enabled  *bool
	Duration *directory.Span // Unlimited or days
	Owner    *string
	Date     *time.Time
}

// LitigationHoldLicenseError: Litigation Hold needs Exchange Online Plan 2
// (or Plan 1 with Exchange Online Archiving); it is the only hold whose
// licence the simulator checks.
type LitigationHoldLicenseError struct {
	Identity string
	Guid     string
}

func (e *LitigationHoldLicenseError) Error() string {
	return fmt.Sprintf("mailbox %q lacks the licence Litigation Hold needs", e.Identity)
}

// SetLitigationHold changes Litigation Hold. Turning it on: only for
// non-deleted mailboxes (*HoldOnDeletedMailboxError) with a Plan 2
// licence (*LitigationHoldLicenseError); LitigationHoldDate is now
// and LitigationHoldOwner the tenant admin unless given. Turning it off
// clears date and owner, resets the duration, sets a delay hold and runs
// the retirement check for an Inactive mailbox. The duration is per item
// and never ends the
// hold.
func SetLitigationHold(tx *store.Tx, guid string, in LitigationHoldInput) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	now := tx.Now()
	turnedOff := false
	if in.Enabled != nil {
		switch on := *in.Enabled; {
		case on && !m.LitigationHoldEnabled:
			if m.IsDeleted() {
				return &HoldOnDeletedMailboxError{Identity: m.Identity(), Guid: m.Guid, State: m.LifecycleState}
			}
			u, err := directory.LinkedUser(tx, m)
			if err != nil {
				return err
			}
			if u == nil || !u.HasExchangePlan2() {
				return &LitigationHoldLicenseError{Identity: m.Identity(), Guid: m.Guid}
			}
			m.LitigationHoldEnabled = true
			m.LitigationHoldDate = new(now)
			m.LitigationHoldOwner = o.AdminUPN
		case !on && m.LitigationHoldEnabled:
			m.LitigationHoldEnabled = false
			m.LitigationHoldDate = nil
			m.LitigationHoldOwner = ""
			m.LitigationHoldDuration = directory.UnlimitedSpan()
			turnedOff = true
		}
	}
	if in.Duration != nil {
		m.LitigationHoldDuration = *in.Duration
	}
	if in.Owner != nil {
		m.LitigationHoldOwner = *in.Owner
	}
	if in.Date != nil {
		m.LitigationHoldDate = new(in.Date.UTC())
	}
	if turnedOff {
		if err := applyDelayHold(tx, m, false); err != nil {
			return err
		}
	}
	if err := directory.PutMailbox(tx, m); err != nil {
		return err
	}
	_, err = directory.RecalculateInactiveMailbox(tx, m.Guid)
	return err
}

// LabelNotPublishedError: the retention label is not published to the
// mailbox by an enabled label policy.
type LabelNotPublishedError struct {
	Label    string
	Identity string
}

func (e *LabelNotPublishedError) Error() string {
	return fmt.Sprintf("retention label %q is not published to mailbox %q", e.Label, e.Identity)
}

// ApplyItemLabel puts a retention label on a folder of an active mailbox
// (Set-SimItemLabel). The label must be published to the mailbox by an
// enabled label policy (*LabelNotPublishedError); the folder must exist
// (*ValidationError). A Keep or KeepAndDelete label sets
// ComplianceTagHoldApplied; the label policy's ":1" stamp appears on the
// mailbox.
func ApplyItemLabel(tx *store.Tx, guid, folderPath, tagName string) error {
	m, err := directory.GetMailbox(tx, guid)
	if err != nil {
		return err
	}
	if m.LifecycleState != directory.StateActive {
		return &HoldOnDeletedMailboxError{Identity: m.Identity(), Guid: m.Guid, State: m.LifecycleState}
	}
	tag, err := FindComplianceTag(tx, tagName)
	if err != nil {
		return err
	}
	c, err := directory.GetMailboxContent(tx, m.Guid)
	if err != nil {
		return err
	}
	path := strings.TrimSpace(folderPath)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	f, ok := directory.FindFolder(c.Primary, path)
	if !ok {
		return &store.ValidationError{Field: "FolderPath", Message: "mailbox " + m.Identity() + " has no folder " + folderPath}
	}
	ps, err := CompliancePolicies(tx, PolicyKindLabel)
	if err != nil {
		return err
	}
	var pol *CompliancePolicy
	for _, p := range ps {
		if p.Enabled && hcontains(p.PublishedLabels, tag.Name) && (p.ExchangeAll || locationHas(p.ExchangeLocation, m.Guid)) &&
			!locationHas(p.ExchangeLocationException, m.Guid) {
			pol = p
			break
		}
	}
	if pol == nil {
		return &LabelNotPublishedError{Label: tag.Name, Identity: m.Identity()}
	}
	st, err := holdState(tx, m.Guid)
	if err != nil {
		return err
	}
	replaced := false
	for i := range st.Labels {
		if strings.EqualFold(st.Labels[i].FolderPath, f.FolderPath) {
			st.Labels[i] = ItemLabel{FolderPath: f.FolderPath, Tag: tag.Name, Policy: pol.Guid, AppliedAt: tx.Now()}
			replaced = true
		}
	}
	if !replaced {
		st.Labels = append(st.Labels, ItemLabel{FolderPath: f.FolderPath, Tag: tag.Name, Policy: pol.Guid, AppliedAt: tx.Now()})
	}
	if err := putHoldState(tx, st); err != nil {
		return err
	}
	if tag.Retains() && !m.ComplianceTagHoldApplied {
		m.ComplianceTagHoldApplied = true
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	return recomputeHolds(tx, []string{m.Guid})
}

// ApplyDueHolds is the holds' part of an immediate Managed Folder
// Assistant pass over one mailbox (Start-ManagedFolderAssistant): it
// applies what is due and re-derives the mailbox's holds, which retires
// an Inactive mailbox that nothing holds any more. The item ages are the
// assistant's own part (store/mrm's RunItemAging).
func ApplyDueHolds(tx *store.Tx, guid string) error {
	if _, err := directory.GetMailbox(tx, guid); err != nil {
		return err
	}
	if err := tx.RunDueTimers(); err != nil {
		return err
	}
	return recomputeHolds(tx, []string{guid})
}

// --- In-Place holds (legacy) ------------------------------------------------------

// MailboxSearchChange holds the Set-MailboxSearch changes; nil fields are
// not changed.
type MailboxSearchChange struct {
	InPlaceHoldEnabled *bool
	// SourceMailboxes replaces the sources (LegacyExchangeDN values or
	// mailbox identities, resolved to LegacyExchangeDN).
	SourceMailboxes *[]string
	// ItemHoldPeriod can't be changed any more (*RetiredFeatureError).
	ItemHoldPeriod *string
	Description    *string
	SearchQuery    *string
	Actor          string
}

// resolveSources turns identities into LegacyExchangeDN values (an
// unresolvable value that looks like a LegacyExchangeDN is kept as is).
func resolveSources(tx *store.Tx, vals []string) ([]string, error) {
	out := []string{}
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		m, err := directory.ResolveMailbox(tx, v, directory.ScopeAny)
		if err != nil {
			if strings.HasPrefix(v, "/") && store.IsNotFound(err) {
				out = append(out, v)
				continue
			}
			return nil, err
		}
		if !hcontains(out, m.LegacyExchangeDN) {
			out = append(out, m.LegacyExchangeDN)
		}
	}
	return out, nil
}

// mailboxesForSources returns the Guids of mailboxes whose LegacyExchangeDN
// is in the list.
func mailboxesForSources(tx *store.Tx, srcs []string) ([]string, error) {
	var out []string
	for _, s := range srcs {
		ks, err := directory.MailboxKeysBy(tx, idform.LegacyDN, s)
		if err != nil {
			return nil, err
		}
		out = append(out, ks...)
	}
	return out, nil
}

// SetMailboxSearch is Set-MailboxSearch on a legacy In-Place hold: it can
// disable/enable the hold and edit its sources; ItemHoldPeriod is refused
// (*RetiredFeatureError). Enabling adds no hold to deleted mailboxes.
// Affected mailboxes are recomputed (delay holds, retirement).
func SetMailboxSearch(tx *store.Tx, nameOrHoldID string, ch MailboxSearchChange) (*MailboxSearch, error) {
	s, err := GetMailboxSearch(tx, nameOrHoldID)
	if err != nil {
		return nil, err
	}
	if ch.ItemHoldPeriod != nil {
		return nil, &RetiredFeatureError{Feature: "Changing the ItemHoldPeriod of an In-Place Hold"}
	}
	affected, err := mailboxesForSources(tx, s.SourceMailboxes)
	if err != nil {
		return nil, err
	}
	if ch.SourceMailboxes != nil {
		srcs, err := resolveSources(tx, *ch.SourceMailboxes)
		if err != nil {
			return nil, err
		}
		s.SourceMailboxes = srcs
	}
	if ch.InPlaceHoldEnabled != nil {
		s.InPlaceHoldEnabled = *ch.InPlaceHoldEnabled
	}
	if ch.Description != nil {
		s.Description = *ch.Description
	}
	if ch.SearchQuery != nil {
		s.SearchQuery = *ch.SearchQuery
	}
	if ch.Actor != "" {
		s.LastModifiedBy = ch.Actor
	}
	if err := PutMailboxSearch(tx, s); err != nil {
		return nil, err
	}
	more, err := mailboxesForSources(tx, s.SourceMailboxes)
	if err != nil {
		return nil, err
	}
	return s, recomputeHolds(tx, append(affected, more...))
}

// RemoveMailboxSearch is Remove-MailboxSearch: refused while the In-Place
// hold is enabled (*InPlaceHoldEnabledError); otherwise the search goes and
// its stamps with it.
func RemoveMailboxSearch(tx *store.Tx, nameOrHoldID string) error {
	s, err := GetMailboxSearch(tx, nameOrHoldID)
	if err != nil {
		return err
	}
	if s.InPlaceHoldEnabled {
		return &InPlaceHoldEnabledError{Name: s.Name, InPlaceHoldIdentity: s.InPlaceHoldIdentity}
	}
	affected, err := mailboxesForSources(tx, s.SourceMailboxes)
	if err != nil {
		return err
	}
	if _, err := mailboxSearchRecords.Delete(tx, strings.ToLower(s.Guid)); err != nil {
		return err
	}
	return recomputeHolds(tx, affected, s.InPlaceHoldIdentity)
}

// NewMailboxSearch is refused: In-Place holds and searches can no longer be
// created (*RetiredFeatureError).
func NewMailboxSearch(tx *store.Tx, name string) error {
	return &RetiredFeatureError{Feature: "Creating In-Place eDiscovery searches and In-Place Holds"}
}
