package holds

import (
	"strconv"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// What the retention and hold rules say about a mailbox's items, for the
// Managed Folder Assistant (store/mrm) that ages them: which items a hold
// keeps, which a retention policy or label deletes, and which holds the
// assistant's tracking logs list. The assistant reaches it through the
// hook store/tenant fills with LoadView.

// View is the tenant's retention and hold rules as one assistant pass
// reads them, loaded once per pass.
type View struct {
	env *holdEnv
	// rules maps a retention policy (32 hex) to its enabled, non-query
	// retention rules.
	rules map[string][]*ComplianceRule
	// enabled maps a retention policy (32 hex) to its Enabled flag.
	enabled map[string]bool
	// labels maps a retention label name (lower case) to the label.
	labels map[string]*ComplianceTag
}

// LoadView reads the holds engine snapshot, the retention rules and the
// retention labels.
func LoadView(tx *store.Tx) (*View, error) {
	env, err := loadHoldEnv(tx)
	if err != nil {
		return nil, err
	}
	v := &View{env: env, rules: map[string][]*ComplianceRule{}, enabled: map[string]bool{}, labels: map[string]*ComplianceTag{}}
	kind := map[string]string{}
	for _, p := range env.policies {
		kind[strings.ToLower(p.Guid)] = p.Kind
		v.enabled[p.Hex()] = p.Enabled
	}
	rules, err := ComplianceRules(tx)
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if r.Disabled || strings.TrimSpace(r.ContentMatchQuery) != "" || kind[strings.ToLower(r.Policy)] != PolicyKindRetention {
			continue
		}
		hex := store.GuidNoDashes(r.Policy)
		v.rules[hex] = append(v.rules[hex], r)
	}
	labels, err := ComplianceTags(tx)
	if err != nil {
		return nil, err
	}
	for _, l := range labels {
		v.labels[strings.ToLower(l.Name)] = l
	}
	return v, nil
}

// spanDays converts a Span to whole days (unlimited or non-positive spans
// report unlimited).
func spanDays(s directory.Span) (int64, bool) {
	if s.Unlimited || s.D <= 0 {
		return 0, true
	}
	return int64(s.D / store.Day), false
}

// Preservation tells what the rules say about m's items: keep is called
// for every preservation period (items at most days old are kept; all of
// them when unlimited), del for every deletion rule (items older than
// days are deleted). folder is "" for rules over every folder, else the
// lower-case path of the folder a retention label is on.
func (v *View) Preservation(tx *store.Tx, m *directory.Mailbox, keep func(folder string, unlimited bool, days int64), del func(folder string, days int64)) error {
	if m.LitigationHoldEnabled {
		d, unl := spanDays(m.LitigationHoldDuration)
		keep("", unl, d)
	}
	if m.DelayHoldApplied || m.DelayReleaseHoldApplied {
		keep("", true, 0)
	}
	for _, h := range v.env.mailboxHoldInfos(m) {
		e := ParseHoldEntry(h.HoldID)
		switch e.Kind {
		case HoldKindEDiscovery:
			// A case hold keeps everything; a retention policy whose rule
			// has no action keeps for the rule's duration.
			unl, days := true, int64(0)
			for _, r := range v.rules[store.GuidNoDashes(e.ID)] {
				if r.IsHoldOnly() && !r.RetentionUnlimited && r.RetentionDuration > 0 {
					unl, days = false, int64(r.RetentionDuration)
				}
			}
			keep("", unl, days)
		case HoldKindInPlace:
			unl, days := true, int64(0)
			for _, s := range v.env.searches {
				if strings.EqualFold(s.InPlaceHoldIdentity, e.Raw) {
					if d, err := strconv.Atoi(strings.TrimSpace(s.ItemHoldPeriod)); err == nil && d > 0 {
						unl, days = false, int64(d)
					}
				}
			}
			keep("", unl, days)
		case HoldKindRetention:
			if e.Prefix != "mbx" {
				continue
			}
			for _, r := range v.rules[e.ID] {
				d := ActionDigit(r.RetentionComplianceAction)
				if d == 2 || d == 3 {
					keep("", r.RetentionUnlimited, int64(r.RetentionDuration))
				}
				if (d == 1 || d == 3) && v.enabled[e.ID] && !r.RetentionUnlimited && r.RetentionDuration > 0 {
					del("", int64(r.RetentionDuration))
				}
			}
		}
	}
	labels, err := MailboxLabels(tx, m.Guid)
	if err != nil {
		return err
	}
	for _, l := range labels {
		t := v.labels[strings.ToLower(l.Tag)]
		if t == nil {
			continue
		}
		p := strings.ToLower(l.FolderPath)
		d := ActionDigit(t.RetentionAction)
		if d == 2 || d == 3 {
			keep(p, t.RetentionUnlimited, int64(t.RetentionDuration))
		}
		if (d == 1 || d == 3) && !t.RetentionUnlimited && t.RetentionDuration > 0 {
			del(p, int64(t.RetentionDuration))
		}
	}
	return nil
}

// Hold types of the tracking logs (their "ht" field).
const (
	TrackedLitigationHold       = 0
	TrackedInPlaceHold          = 1
	TrackedComplianceTagHold    = 2
	TrackedDelayHold            = 3
	TrackedOrganizationRetained = 4
	TrackedCompliancePolicy     = 5
	TrackedSubstrateAppPolicy   = 6
)

// TrackedHolds returns the holds that affect m now, for the assistant's
// hold tracking logs: the mailbox's own (Exchange) and the substrate's,
// as ID → hold type (Tracked*).
func (v *View) TrackedHolds(m *directory.Mailbox) (exchange, substrate map[string]int) {
	exchange, substrate = map[string]int{}, map[string]int{}
	for _, h := range v.env.mailboxHoldInfos(m) {
		switch h.HoldType {
		case HoldTypeCaseHold, HoldTypeInPlace:
			exchange[h.HoldID] = TrackedInPlaceHold
		case HoldTypeOrgRetention:
			exchange[h.HoldID] = TrackedOrganizationRetained
		case HoldTypeAppRetention:
			substrate[h.HoldID] = TrackedSubstrateAppPolicy
		case HoldTypeRetention, HoldTypeLabelPolicy:
			exchange[h.HoldID] = TrackedCompliancePolicy
		default:
			if e := ParseHoldEntry(h.HoldID); e.Prefix == "skp" || e.Prefix == "grp" {
				substrate[h.HoldID] = TrackedSubstrateAppPolicy
			} else {
				exchange[h.HoldID] = TrackedCompliancePolicy
			}
		}
	}
	if m.LitigationHoldEnabled {
		exchange[HoldLitigation] = TrackedLitigationHold
	}
	if m.ComplianceTagHoldApplied {
		exchange["ComplianceTagHold"] = TrackedComplianceTagHold
	}
	if m.DelayHoldApplied {
		exchange[HoldDelay] = TrackedDelayHold
	}
	if m.DelayReleaseHoldApplied {
		substrate[HoldDelayRelease] = TrackedDelayHold
	}
	return exchange, substrate
}
