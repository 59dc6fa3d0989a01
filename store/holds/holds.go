// Package holds is the holds engine of the tenant: retention and app
// retention policies and their rules, adaptive scopes, retention labels,
// eDiscovery cases and case holds, legacy In-Place holds; the stamping of
// InPlaceHolds on mailboxes and on the organization, delay holds, hold
// removal and the recovery of inactive mailboxes. It tells the directory
// which mailboxes are held (the MailboxHeld hook) and the Managed Folder
// Assistant (store/mrm) what its rules preserve and delete (View).
package holds

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/opath"
)

// The stamping rules: a mailbox's InPlaceHolds and the organization's
// InPlaceHolds are derived from the holds objects (policies, scopes, cases,
// In-Place holds, labels) plus the simulator's per-mailbox hold state, and
// recomputed synchronously whenever one of them changes (the service's
// assistants run later; the simulator runs them at once, so results are
// deterministic). Entries that name no existing object (orphaned holds)
// are left alone until removed by -RemoveOrphanedHolds or
// Invoke-HoldRemovalAction. Every removal of a hold from a mailbox sets a
// delay hold with a 30-day expiry timer. After a change, an Inactive
// mailbox that nothing holds any more retires (the retirement check,
// RecalculateInactiveMailbox of the directory).

// Timer kinds of delay holds (payload: mailbox Guid).
const (
	TimerDelayHoldExpiry        = "mailbox.delayHoldExpiry"
	TimerDelayReleaseHoldExpiry = "mailbox.delayReleaseHoldExpiry"
)

// holdEnv is a snapshot of every holds object, loaded once per operation.
type holdEnv struct {
	org      *directory.Organization
	policies []*CompliancePolicy
	digit    map[string]int // policy guid -> stamp digit (0 = no rule)
	// holdOnly lists the policies (guid) whose rule has no retention
	// action: they hold with a UniH<guid> stamp instead of mbx<hex>:<n>.
	holdOnly map[string]bool
	scopes   map[string]*scopeEval
	cases    map[string]*ComplianceCase
	holds    []*CaseHoldPolicy
	ruled    map[string]bool // case hold policy guid -> has an enabled rule
	searches []*MailboxSearch
	tags     map[string]*ComplianceTag // lower-case name
	// known maps every hold ID / exclusion marker an existing object can
	// produce (lower case) to true: entries outside it are orphans.
	known map[string]bool
	// dropped lists IDs (lower case) of objects being deleted in this
	// operation: their entries are removed even though no object is left.
	dropped map[string]bool
}

type scopeEval struct {
	s      *AdaptiveScope
	filter *opath.Filter
	simple []simpleCondition
	conj   string
}

type simpleCondition struct {
	Name     string `json:"Name"`
	Operator string `json:"Operator"`
	Value    string `json:"Value"`
}

func loadHoldEnv(tx *store.Tx) (*holdEnv, error) {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	env := &holdEnv{org: o, digit: map[string]int{}, holdOnly: map[string]bool{}, scopes: map[string]*scopeEval{}, cases: map[string]*ComplianceCase{},
		tags: map[string]*ComplianceTag{}, ruled: map[string]bool{}, known: map[string]bool{}, dropped: map[string]bool{}}
	if env.policies, err = CompliancePolicies(tx); err != nil {
		return nil, err
	}
	rules, err := ComplianceRules(tx)
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if r.Disabled {
			continue
		}
		if _, ok := env.digit[r.Policy]; !ok {
			env.digit[r.Policy] = ActionDigit(r.RetentionComplianceAction)
			env.holdOnly[r.Policy] = r.IsHoldOnly()
		}
	}
	for _, p := range env.policies {
		if p.Kind == PolicyKindLabel {
			env.digit[p.Guid] = 1
			env.holdOnly[p.Guid] = false
		}
		env.known[strings.ToLower(p.HoldOnlyID())] = true
		h := p.Hex()
		for _, pre := range []string{"mbx", "skp", "grp"} {
			for d := 1; d <= 3; d++ {
				env.known[pre+h+":"+string(rune('0'+d))] = true
			}
		}
		env.known["-mbx"+h] = true
	}
	scopes, err := AdaptiveScopes(tx)
	if err != nil {
		return nil, err
	}
	for _, s := range scopes {
		env.scopes[s.Guid] = compileScope(s)
	}
	cases, err := ComplianceCases(tx)
	if err != nil {
		return nil, err
	}
	for _, c := range cases {
		env.cases[c.Guid] = c
	}
	if env.holds, err = CaseHoldPolicies(tx, ""); err != nil {
		return nil, err
	}
	for _, h := range env.holds {
		env.known[strings.ToLower(h.HoldID())] = true
	}
	hrules, err := CaseHoldRules(tx, "")
	if err != nil {
		return nil, err
	}
	for _, r := range hrules {
		if !r.Disabled {
			env.ruled[r.Policy] = true
		}
	}
	if env.searches, err = ListMailboxSearches(tx); err != nil {
		return nil, err
	}
	for _, s := range env.searches {
		env.known[strings.ToLower(s.InPlaceHoldIdentity)] = true
	}
	tags, err := ComplianceTags(tx)
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		env.tags[strings.ToLower(t.Name)] = t
	}
	return env, nil
}

func compileScope(s *AdaptiveScope) *scopeEval {
	se := &scopeEval{s: s, conj: "and"}
	if s.IsAdvanced() {
		if f, err := opath.Parse(s.RawQuery); err == nil {
			se.filter = f
		}
		return se
	}
	var q struct {
		Conditions  []simpleCondition `json:"Conditions"`
		Conjunction string            `json:"Conjunction"`
	}
	if err := json.Unmarshal([]byte(s.FilterConditions), &q); err == nil {
		se.simple = q.Conditions
		if q.Conjunction != "" {
			se.conj = strings.ToLower(q.Conjunction)
		}
	}
	return se
}

// matches reports whether a mailbox is in the adaptive scope.
func (se *scopeEval) matches(m *directory.Mailbox, u *directory.User) bool {
	if se == nil || !strings.EqualFold(se.s.LocationType, "User") && se.s.LocationType != "" {
		return false
	}
	if se.filter != nil {
		ok, err := se.filter.Eval(func(p string) (any, bool) { return directory.RecipientProperty(m, u, p), true })
		return err == nil && ok
	}
	if se.s.IsAdvanced() || len(se.simple) == 0 {
		return false
	}
	all := se.conj != "or"
	res := all
	for _, c := range se.simple {
		v := strings.ToLower(toText(directory.RecipientProperty(m, u, c.Name)))
		want := strings.ToLower(c.Value)
		var ok bool
		switch strings.ToLower(c.Operator) {
		case "notequal", "notequals":
			ok = v != want
		case "startswith":
			ok = strings.HasPrefix(v, want)
		case "notstartswith":
			ok = !strings.HasPrefix(v, want)
		case "contains":
			ok = strings.Contains(v, want)
		default:
			ok = v == want
		}
		if all {
			res = res && ok
		} else {
			res = res || ok
		}
	}
	return res
}

func toText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case []string:
		return strings.Join(x, " ")
	}
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

func locationHas(locs []PolicyLocation, guid string) bool {
	for _, l := range locs {
		if strings.EqualFold(l.MailboxGuid, guid) {
			return true
		}
	}
	return false
}

// appliesTo reports whether a non-org-wide policy covers the mailbox.
func (env *holdEnv) appliesTo(p *CompliancePolicy, m *directory.Mailbox, u *directory.User, st *MailboxHoldState) bool {
	if locationHas(p.ExchangeLocationException, m.Guid) {
		return false
	}
	if p.Kind == PolicyKindLabel {
		for _, l := range st.Labels {
			if strings.EqualFold(l.Policy, p.Guid) {
				return true
			}
		}
	}
	if p.IsAdaptive() {
		for _, sg := range p.AdaptiveScopeLocation {
			if env.scopes[sg].matches(m, u) {
				return true
			}
		}
		return false
	}
	if p.ExchangeAll {
		return p.Kind == PolicyKindApp // an app retention policy stamps every mailbox
	}
	return locationHas(p.ExchangeLocation, m.Guid)
}

// desiredEntries computes the InPlaceHolds entries the holds objects give a
// mailbox, in canonical order: In-Place holds, eDiscovery holds, retention
// stamps, exclusion markers.
func (env *holdEnv) desiredEntries(m *directory.Mailbox, u *directory.User, st *MailboxHoldState) []string {
	var out []string
	if m.IsMailUser() {
		return out
	}
	for _, s := range env.searches {
		if !s.InPlaceHoldEnabled {
			continue
		}
		for _, src := range s.SourceMailboxes {
			if strings.EqualFold(src, m.LegacyExchangeDN) {
				out = append(out, s.InPlaceHoldIdentity)
				break
			}
		}
	}
	for _, h := range env.holds {
		c := env.cases[h.Case]
		if h.Enabled && env.ruled[h.Guid] && c != nil && c.Status == CaseActive && locationHas(h.ExchangeLocation, m.Guid) {
			out = append(out, h.HoldID())
		}
	}
	for _, p := range env.policies {
		d := env.digit[p.Guid]
		if p.Enabled && env.holdOnly[p.Guid] && !p.IsOrgWide() && env.appliesTo(p, m, u, st) {
			out = append(out, p.HoldOnlyID())
			continue
		}
		if !p.Enabled || d == 0 || p.IsOrgWide() && p.Kind != PolicyKindLabel {
			continue
		}
		if p.IsOrgWide() && p.Kind == PolicyKindLabel {
			// Org-wide label policy: stamped on the mailbox only where one
			// of its labels is applied.
			if !env.appliesTo(&CompliancePolicy{Guid: p.Guid, Kind: p.Kind}, m, u, st) {
				continue
			}
		} else if !env.appliesTo(p, m, u, st) {
			continue
		}
		out = append(out, "mbx"+p.Hex()+":"+string(rune('0'+d)))
		if len(p.SkypeLocation) > 0 && p.Kind != PolicyKindLabel {
			for _, a := range p.SkypeLocation {
				if addressOf(m, a) {
					out = append(out, "skp"+p.Hex()+":"+string(rune('0'+d)))
					break
				}
			}
		}
	}
	for _, p := range env.policies {
		if !p.IsOrgWide() {
			continue
		}
		if locationHas(p.ExchangeLocationException, m.Guid) || hcontains(st.ExcludedOrg, p.Hex()) {
			out = append(out, "-mbx"+p.Hex())
		}
	}
	var kept []string
	for _, e := range out {
		if !hcontains(st.Suppressed, e) {
			kept = append(kept, e)
		}
	}
	return kept
}

// addressOf reports whether a is one of the mailbox's addresses.
func addressOf(m *directory.Mailbox, a string) bool {
	a = strings.TrimSpace(a)
	if strings.EqualFold(a, m.PrimarySmtpAddress) || strings.EqualFold(a, m.UserPrincipalName) {
		return true
	}
	for _, s := range m.SmtpAddresses() {
		if strings.EqualFold(s, a) {
			return true
		}
	}
	return false
}

// orgEntries computes the organization's InPlaceHolds from the org-wide
// policies.
func (env *holdEnv) orgEntries() []string {
	var out []string
	for _, p := range env.policies {
		d := env.digit[p.Guid]
		if p.Enabled && env.holdOnly[p.Guid] && p.IsOrgWide() {
			out = append(out, p.HoldOnlyID())
			continue
		}
		if !p.Enabled || d == 0 {
			continue
		}
		if p.IsOrgWide() {
			out = append(out, "mbx"+p.Hex()+":"+string(rune('0'+d)))
		}
		if hcontains(p.ModernGroupLocation, LocationAll) && p.Kind != PolicyKindApp {
			out = append(out, "grp"+p.Hex()+":"+string(rune('0'+d)))
		}
	}
	return out
}

// mergeEntries keeps the order of entries already present, drops the ones
// no longer wanted, and appends new ones in the order given.
func mergeEntries(cur, want []string) []string {
	wantSet := map[string]bool{}
	for _, w := range want {
		wantSet[strings.ToLower(w)] = true
	}
	have := map[string]bool{}
	out := []string{}
	for _, c := range cur {
		if wantSet[strings.ToLower(c)] && !have[strings.ToLower(c)] {
			out = append(out, c)
			have[strings.ToLower(c)] = true
		}
	}
	for _, w := range want {
		if !have[strings.ToLower(w)] {
			out = append(out, w)
			have[strings.ToLower(w)] = true
		}
	}
	return out
}

// holdTouch collects what a recompute changed on one mailbox.
type holdTouch struct {
	removed []string // hold entries removed (raw)
	changed bool
}

// recomputeMailbox re-derives a mailbox's InPlaceHolds and applies delay
// holds for removed holds. Holds are never added to deleted mailboxes;
// exclusion markers may be. The mailbox is stored when changed. It does
// not run the retirement check; see recomputeHolds.
func recomputeMailbox(tx *store.Tx, env *holdEnv, m *directory.Mailbox) (*holdTouch, error) {
	t := &holdTouch{}
	st, err := holdState(tx, m.Guid)
	if err != nil {
		return nil, err
	}
	u, err := directory.LinkedUser(tx, m)
	if err != nil {
		return nil, err
	}
	want := env.desiredEntries(m, u, st)
	var keep []string // orphans stay
	for _, e := range m.InPlaceHolds {
		le := strings.ToLower(e)
		if env.dropped[le] {
			continue
		}
		if !env.known[le] {
			keep = append(keep, e)
		}
	}
	if m.LifecycleState != directory.StateActive && m.LifecycleState != directory.StateUnlicensedGrace {
		present := map[string]bool{}
		for _, e := range m.InPlaceHolds {
			present[strings.ToLower(e)] = true
		}
		var limited []string
		for _, w := range want {
			pe := ParseHoldEntry(w)
			if present[strings.ToLower(w)] || (pe.Kind == HoldKindExclusion && m.LifecycleState == directory.StateInactive) {
				limited = append(limited, w)
			}
		}
		want = limited
	}
	next := mergeEntries(m.InPlaceHolds, append(keep, want...))
	nextSet := map[string]bool{}
	for _, e := range next {
		nextSet[strings.ToLower(e)] = true
	}
	release, exchange := false, false
	for _, e := range m.InPlaceHolds {
		if nextSet[strings.ToLower(e)] {
			continue
		}
		t.removed = append(t.removed, e)
		pe := ParseHoldEntry(e)
		if !pe.IsHold() {
			continue
		}
		if pe.Prefix == "skp" || env.isApp(pe.ID) {
			release = true
		} else {
			exchange = true
		}
	}
	// A new exclusion marker from an org-wide hold policy removes that hold.
	for _, e := range next {
		pe := ParseHoldEntry(e)
		if pe.Kind != HoldKindExclusion || hasEntry(m.InPlaceHolds, e) {
			continue
		}
		if env.orgHolds(pe.ID) && (m.LifecycleState == directory.StateActive || m.LifecycleState == directory.StateInactive || m.LifecycleState == directory.StateUnlicensedGrace) {
			exchange = true
		}
	}
	if !sameEntries(m.InPlaceHolds, next) {
		m.InPlaceHolds = next
		t.changed = true
	}
	if exchange {
		if err := applyDelayHold(tx, m, false); err != nil {
			return nil, err
		}
		t.changed = true
	}
	if release {
		if err := applyDelayHold(tx, m, true); err != nil {
			return nil, err
		}
		t.changed = true
	}
	if t.changed {
		if err := directory.PutMailbox(tx, m); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func hasEntry(list []string, e string) bool { return hcontains(list, e) }

func sameEntries(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isPolicy reports whether the 32-hex ID belongs to a retention policy of
// any kind.
func (env *holdEnv) isPolicy(hex string) bool {
	for _, p := range env.policies {
		if p.Hex() == hex {
			return true
		}
	}
	return false
}

// isApp reports whether the 32-hex ID belongs to an app retention policy.
func (env *holdEnv) isApp(hex string) bool {
	for _, p := range env.policies {
		if p.Hex() == hex {
			return p.Kind == PolicyKindApp
		}
	}
	return false
}

// orgHolds reports whether the org list currently holds a retain-type
// entry of the policy with that 32-hex ID.
func (env *holdEnv) orgHolds(hex string) bool {
	for _, e := range env.org.InPlaceHolds {
		if id, holds := OrgPolicyEntry(e); holds && id == hex {
			return true
		}
	}
	return false
}

// applyDelayHold sets a delay hold flag (release: DelayReleaseHoldApplied)
// with a 30-day expiry; an already set flag is kept and its timer is
// re-stamped to now. The caller stores the mailbox.
func applyDelayHold(tx *store.Tx, m *directory.Mailbox, release bool) error {
	now := tx.Now()
	due := store.After30Days(now)
	kind := TimerDelayHoldExpiry
	if release {
		kind = TimerDelayReleaseHoldExpiry
		m.DelayReleaseHoldApplied = true
		m.DelayReleaseHoldExpiresAt = new(due)
	} else {
		m.DelayHoldApplied = true
		m.DelayHoldExpiresAt = new(due)
	}
	if err := tx.CancelTimersFor(m.Guid, kind); err != nil {
		return err
	}
	_, err := tx.Schedule(due, kind, m.Guid)
	return err
}

// clearDelayHold clears one delay hold flag and its timer (the caller
// stores the mailbox).
func clearDelayHold(tx *store.Tx, m *directory.Mailbox, release bool) error {
	if release {
		m.DelayReleaseHoldApplied, m.DelayReleaseHoldExpiresAt = false, nil
		return tx.CancelTimersFor(m.Guid, TimerDelayReleaseHoldExpiry)
	}
	m.DelayHoldApplied, m.DelayHoldExpiresAt = false, nil
	return tx.CancelTimersFor(m.Guid, TimerDelayHoldExpiry)
}

func fireDelayHoldExpiry(tx *store.Tx, t store.Timer) error {
	m, err := directory.GetMailbox(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	release := t.Kind == TimerDelayReleaseHoldExpiry
	exp := m.DelayHoldExpiresAt
	if release {
		exp = m.DelayReleaseHoldExpiresAt
	}
	if exp == nil || !exp.Equal(t.Due) {
		return nil
	}
	if release {
		m.DelayReleaseHoldApplied, m.DelayReleaseHoldExpiresAt = false, nil
	} else {
		m.DelayHoldApplied, m.DelayHoldExpiresAt = false, nil
	}
	if err := directory.PutMailbox(tx, m); err != nil {
		return err
	}
	_, err = directory.RecalculateInactiveMailbox(tx, m.Guid)
	return err
}

// recomputeOrg re-derives the organization's InPlaceHolds. When an
// org-wide hold disappears, every mailbox it held (Active, unlicensed or
// Inactive, not excluded) gets a delay hold; the affected Inactive
// mailboxes are returned for settling.
func recomputeOrg(tx *store.Tx, env *holdEnv) error {
	want := env.orgEntries()
	next := mergeEntries(env.org.InPlaceHolds, want)
	var lost []string // 32-hex IDs of the policies whose org-wide hold went
	for _, e := range env.org.InPlaceHolds {
		if !hasEntry(next, e) {
			if id, holds := OrgPolicyEntry(e); holds {
				lost = append(lost, id)
			}
		}
	}
	if sameEntries(env.org.InPlaceHolds, next) {
		return nil
	}
	env.org.InPlaceHolds = next
	if err := directory.PutOrganization(tx, env.org); err != nil {
		return err
	}
	if len(lost) == 0 {
		return nil
	}
	var guids []string
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if m.IsMailUser() {
			return nil
		}
		switch m.LifecycleState {
		case directory.StateActive, directory.StateInactive, directory.StateUnlicensedGrace:
		default:
			return nil
		}
		for _, l := range lost {
			if !hasEntry(m.InPlaceHolds, "-mbx"+l) {
				guids = append(guids, m.Guid)
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, g := range guids {
		m, err := directory.GetMailbox(tx, g)
		if err != nil {
			return err
		}
		if err := applyDelayHold(tx, m, false); err != nil {
			return err
		}
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	return nil
}

// recomputeHolds is the synchronous assistant pass after a holds change:
// the organization's list, then the given mailboxes (every mailbox when
// guids is nil), then the retirement check of Inactive mailboxes.
// dropped lists hold IDs (and -mbx markers) of objects deleted by the
// operation.
func recomputeHolds(tx *store.Tx, guids []string, dropped ...string) error {
	env, err := loadHoldEnv(tx)
	if err != nil {
		return err
	}
	for _, d := range dropped {
		env.dropped[strings.ToLower(d)] = true
	}
	// Mailboxes first: exclusion markers compare against the org list
	// before it changes.
	var list []*directory.Mailbox
	if guids == nil {
		if err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
			list = append(list, m)
			return nil
		}); err != nil {
			return err
		}
	} else {
		seen := map[string]bool{}
		for _, g := range guids {
			g = strings.ToLower(g)
			if g == "" || seen[g] {
				continue
			}
			seen[g] = true
			m, err := directory.GetMailbox(tx, g)
			if err != nil {
				if store.IsNotFound(err) {
					continue
				}
				return err
			}
			list = append(list, m)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Guid < list[j].Guid })
	}
	for _, m := range list {
		if _, err := recomputeMailbox(tx, env, m); err != nil {
			return err
		}
	}
	if err := recomputeOrg(tx, env); err != nil {
		return err
	}
	for _, m := range list {
		if m.LifecycleState == directory.StateInactive {
			if _, err := directory.RecalculateInactiveMailbox(tx, m.Guid); err != nil {
				return err
			}
		}
	}
	return nil
}

// RecalculateMailboxHolds re-derives one mailbox's InPlaceHolds from the
// holds objects (and the organization's list), applying delay holds for
// removed holds, then retires the mailbox if it is Inactive and no longer
// on hold. Exchange-side cmdlets that change hold fields directly call it
// afterwards.
func RecalculateMailboxHolds(tx *store.Tx, guid string) error {
	return recomputeHolds(tx, []string{guid})
}

// RecomputeAllHolds re-derives every mailbox's and the organization's
// holds (the full assistant pass).
func RecomputeAllHolds(tx *store.Tx) error { return recomputeHolds(tx, nil) }

// GetOrgHolds returns the organization's InPlaceHolds.
func GetOrgHolds(tx *store.Tx) ([]string, error) {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	return append([]string{}, o.InPlaceHolds...), nil
}

// ensureTime returns t or now when t is zero.
func ensureTime(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t
}
