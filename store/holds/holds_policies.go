package holds

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/opath"
)

// Security & Compliance operations on the holds objects. Each validates
// everything first, then changes records and recomputes the stamps at once
// (the assistants' work, done synchronously).

// MaxStaticLocations is the limit of specific Exchange locations
// (inclusions plus exclusions) of a static policy [LIM] and of mailboxes in
// a case hold [EDH].
const MaxStaticLocations = 1000

// PolicyInput holds the parameters of New-RetentionCompliancePolicy and
// New-AppRetentionCompliancePolicy.
type PolicyInput struct {
	Name    string
	Comment string
	// Kind is PolicyKindRetention (default) or PolicyKindApp.
	Kind    string
	Enabled *bool // default true
	// ExchangeLocation: "All" or mailbox identities (remembered as given).
	ExchangeLocation          []string
	ExchangeLocationException []string
	// AdaptiveScopeLocation: adaptive scope names or Guids.
	AdaptiveScopeLocation []string
	SharePointLocation    []string
	OneDriveLocation      []string
	ModernGroupLocation   []string
	SkypeLocation         []string
	TeamsChatLocation     []string
	TeamsChannelLocation  []string
	PublicFolderLocation  []string
	Applications          []string
	RestrictiveRetention  bool
	Actor                 string
	// Guid fixes the policy Guid (seeds); empty generates one.
	Guid string
}

// PolicyChange holds the parameters of Set-RetentionCompliancePolicy and
// Set-AppRetentionCompliancePolicy; nil/empty fields are not changed.
type PolicyChange struct {
	Enabled                         *bool
	Comment                         *string
	RestrictiveRetention            *bool
	AddExchangeLocation             []string
	RemoveExchangeLocation          []string
	AddExchangeLocationException    []string
	RemoveExchangeLocationException []string
	// DeletedResources are primary SMTP addresses of deleted or inactive
	// mailboxes given with -AddExchangeLocationException (app policies).
	DeletedResources            []string
	AddAdaptiveScopeLocation    []string
	RemoveAdaptiveScopeLocation []string
	Applications                *[]string
	Actor                       string
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

func isAll(vals []string) bool {
	return len(vals) == 1 && strings.EqualFold(strings.TrimSpace(vals[0]), LocationAll)
}

// resolveInclusion resolves a mailbox a policy or hold should include:
// only active mailboxes can get new holds.
func resolveInclusion(tx *store.Tx, v string) (*directory.Mailbox, error) {
	m, err := directory.ResolveMailbox(tx, v, directory.ScopeActive)
	if err == nil {
		if m.IsMailUser() {
			return nil, &store.NotFoundError{Kind: "mailbox", Key: v}
		}
		return m, nil
	}
	if !store.IsNotFound(err) {
		return nil, err
	}
	if d, err2 := directory.ResolveMailbox(tx, v, directory.ScopeAny); err2 == nil && d.IsDeleted() {
		return nil, &HoldOnDeletedMailboxError{Identity: d.Identity(), Guid: d.Guid, State: d.LifecycleState}
	}
	return nil, err
}

// resolveException resolves a mailbox to exclude. An active mailbox is
// found by any identity. A deleted or inactive one is found only when
// deleted (the addresses of -DeletedResources) names its primary SMTP
// address: otherwise the service can't locate it, as for a recipient that
// doesn't exist.
func resolveException(tx *store.Tx, v string, deleted []string) (*directory.Mailbox, error) {
	ms, err := directory.ResolveMailboxes(tx, v, directory.ScopeActive)
	if err != nil && !store.IsNotFound(err) {
		return nil, err
	}
	if len(ms) > 1 {
		return nil, &store.AmbiguousError{Kind: "mailbox", Identity: v, Matches: identities(ms), Guids: guidsOf(ms)}
	}
	if len(ms) == 1 {
		return ms[0], nil
	}
	gone, err := directory.ResolveMailboxes(tx, v, directory.ScopeAny)
	if err != nil {
		return nil, err
	}
	var named []*directory.Mailbox
	for _, m := range gone {
		if m.IsDeleted() && hcontains(deleted, m.PrimarySmtpAddress) {
			named = append(named, m)
		}
	}
	switch len(named) {
	case 0:
		return nil, &store.NotFoundError{Kind: "mailbox", Key: v}
	case 1:
		return named[0], nil
	}
	return nil, &store.AmbiguousError{Kind: "mailbox", Identity: v, Matches: identities(named), Guids: guidsOf(named)}
}

func identities(ms []*directory.Mailbox) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Identity())
	}
	return out
}

func guidsOf(ms []*directory.Mailbox) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Guid)
	}
	return out
}

func addLocations(tx *store.Tx, cur []PolicyLocation, vals []string, exception bool) ([]PolicyLocation, error) {
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		var m *directory.Mailbox
		var err error
		if exception {
			m, err = resolveException(tx, v, nil)
		} else {
			m, err = resolveInclusion(tx, v)
		}
		if err != nil {
			return nil, err
		}
		if locationHas(cur, m.Guid) {
			continue
		}
		cur = append(cur, PolicyLocation{Address: v, MailboxGuid: m.Guid})
	}
	return cur, nil
}

// removeLocations removes mailboxes from a location list by the address
// they were added with or, when that address still resolves to the same
// mailbox, by any other identity.
func removeLocations(tx *store.Tx, policyName string, cur []PolicyLocation, vals []string) ([]PolicyLocation, []string, error) {
	var removed []string
	for _, v := range vals {
		v = strings.TrimSpace(v)
		idx := -1
		for i, l := range cur {
			if strings.EqualFold(l.Address, v) {
				idx = i
				break
			}
		}
		remembered := ""
		if idx < 0 {
			ms, err := directory.ResolveMailboxes(tx, v, directory.ScopeAny)
			if err != nil && !store.IsNotFound(err) {
				return nil, nil, err
			}
			for _, m := range ms {
				for i, l := range cur {
					if !strings.EqualFold(l.MailboxGuid, m.Guid) {
						continue
					}
					remembered = l.Address
					now, err := directory.FindMailboxes(tx, l.Address)
					if err != nil {
						return nil, nil, err
					}
					for _, n := range now {
						if n.Guid == m.Guid {
							idx = i
						}
					}
				}
			}
		}
		if idx < 0 {
			return nil, nil, &LocationNotInPolicyError{PolicyName: policyName, Location: v, RememberedAs: remembered}
		}
		removed = append(removed, cur[idx].MailboxGuid)
		cur = append(cur[:idx:idx], cur[idx+1:]...)
	}
	return cur, removed, nil
}

func resolveScopes(tx *store.Tx, vals []string) ([]string, error) {
	var out []string
	for _, v := range vals {
		if strings.TrimSpace(v) == "" {
			continue
		}
		s, err := FindAdaptiveScope(tx, v)
		if err != nil {
			return nil, err
		}
		if !hcontains(out, s.Guid) {
			out = append(out, s.Guid)
		}
	}
	return out, nil
}

func countLocations(p *CompliancePolicy) int {
	return len(p.ExchangeLocation) + len(p.ExchangeLocationException)
}

func uniqueCount(lists ...[]string) int {
	seen := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			if s := strings.ToLower(strings.TrimSpace(v)); s != "" {
				seen[s] = true
			}
		}
	}
	return len(seen)
}

// NewCompliancePolicy creates a retention or app retention policy. The
// name must be unique (*NameInUseError); a static policy with specific
// locations may name at most 1,000 mailboxes (*LocationLimitError, checked
// before anything is resolved); included mailboxes must be active
// (*HoldOnDeletedMailboxError). Stamps appear once a rule gives the
// policy an action.
func NewCompliancePolicy(tx *store.Tx, in PolicyInput) (*CompliancePolicy, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindCompliancePolicy(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "policy", Name: name}
	} else if !store.IsNotFound(err) {
		return nil, err
	}
	kind := in.Kind
	if kind == "" {
		kind = PolicyKindRetention
	}
	all := isAll(in.ExchangeLocation)
	if !all && len(in.AdaptiveScopeLocation) == 0 && len(in.ExchangeLocation) > 0 {
		if n := uniqueCount(in.ExchangeLocation, in.ExchangeLocationException); n > MaxStaticLocations {
			return nil, &LocationLimitError{PolicyName: name, Count: n, Limit: MaxStaticLocations}
		}
	}
	if len(in.ExchangeLocationException) > 0 && !all {
		return nil, &ExceptionNeedsAllError{PolicyName: name}
	}
	now := tx.Now()
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	p := &CompliancePolicy{Guid: g, Name: name, Comment: in.Comment, Kind: kind, Enabled: boolOr(in.Enabled, true), Mode: "Enforce",
		ExchangeAll: all, ExchangeLocation: []PolicyLocation{}, ExchangeLocationException: []PolicyLocation{},
		SharePointLocation: in.SharePointLocation, OneDriveLocation: in.OneDriveLocation, ModernGroupLocation: in.ModernGroupLocation,
		SkypeLocation: in.SkypeLocation, TeamsChatLocation: in.TeamsChatLocation, TeamsChannelLoc: in.TeamsChannelLocation,
		PublicFolderLoc: in.PublicFolderLocation, Applications: in.Applications, RestrictiveRetention: in.RestrictiveRetention,
		WhenCreated: now, CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	var err error
	if p.AdaptiveScopeLocation, err = resolveScopes(tx, in.AdaptiveScopeLocation); err != nil {
		return nil, err
	}
	if p.IsAdaptive() && p.RestrictiveRetention {
		return nil, &PolicyLockedError{PolicyName: name, PolicyGuid: g, Op: LockedAdaptive}
	}
	if !all {
		if p.ExchangeLocation, err = addLocations(tx, p.ExchangeLocation, in.ExchangeLocation, false); err != nil {
			return nil, err
		}
	}
	if p.ExchangeLocationException, err = addLocations(tx, p.ExchangeLocationException, in.ExchangeLocationException, true); err != nil {
		return nil, err
	}
	if err := PutCompliancePolicy(tx, p); err != nil {
		return nil, err
	}
	return p, recomputeForPolicy(tx, p, nil)
}

// recomputeForPolicy recomputes what a policy change can affect: only the
// listed mailboxes for a static policy with specific locations, every
// mailbox otherwise.
func recomputeForPolicy(tx *store.Tx, p *CompliancePolicy, extra []string, dropped ...string) error {
	if p.IsStaticSpecific() && p.Kind != PolicyKindLabel {
		var guids []string
		for _, l := range p.ExchangeLocation {
			guids = append(guids, l.MailboxGuid)
		}
		for _, l := range p.ExchangeLocationException {
			guids = append(guids, l.MailboxGuid)
		}
		return recomputeHolds(tx, append(append(guids, extra...), ""), dropped...)
	}
	return recomputeHolds(tx, nil, dropped...)
}

// SetCompliancePolicy changes a retention (or app retention) policy found
// by name or Guid among kinds. Preservation Lock (*PolicyLockedError)
// forbids removing locations or scopes, adding exceptions, disabling and
// unlocking; locking is irreversible (the cmdlet asks first). Exceptions
// need ExchangeLocation All (*ExceptionNeedsAllError); removing a location
// names the address the mailbox was added with (*LocationNotInPolicyError);
// a static policy may name at most 1,000 mailboxes (*LocationLimitError).
// Removed mailboxes get delay holds and may retire.
func SetCompliancePolicy(tx *store.Tx, identity string, kinds []string, ch PolicyChange) (*CompliancePolicy, error) {
	p, err := FindCompliancePolicy(tx, identity, kinds...)
	if err != nil {
		return nil, err
	}
	locked := p.RestrictiveRetention
	lockErr := func(op string) error { return &PolicyLockedError{PolicyName: p.Name, PolicyGuid: p.Guid, Op: op} }
	if locked {
		switch {
		case ch.RestrictiveRetention != nil && !*ch.RestrictiveRetention:
			return nil, lockErr(LockedUnlock)
		case ch.Enabled != nil && !*ch.Enabled:
			return nil, lockErr(LockedDisable)
		case len(ch.RemoveExchangeLocation) > 0 || len(ch.RemoveAdaptiveScopeLocation) > 0:
			return nil, lockErr(LockedRemoveLocation)
		case len(ch.AddExchangeLocationException) > 0:
			return nil, lockErr(LockedAddException)
		}
	}
	if ch.RestrictiveRetention != nil && *ch.RestrictiveRetention && p.IsAdaptive() {
		return nil, lockErr(LockedAdaptive)
	}
	if len(ch.AddExchangeLocationException) > 0 && !p.ExchangeAll {
		return nil, &ExceptionNeedsAllError{PolicyName: p.Name}
	}
	addAll := isAll(ch.AddExchangeLocation)
	removeAll := isAll(ch.RemoveExchangeLocation)
	if addAll && len(p.ExchangeLocation) > 0 {
		return nil, &store.ValidationError{Field: "AddExchangeLocation", Message: "a policy with specific Exchange locations can't also apply to All"}
	}
	if !addAll && len(ch.AddExchangeLocation) > 0 && p.ExchangeAll {
		return nil, &store.ValidationError{Field: "AddExchangeLocation", Message: "the policy already applies to All Exchange locations"}
	}
	if !p.ExchangeAll && !p.IsAdaptive() && !addAll {
		n := countLocations(p) + uniqueCount(ch.AddExchangeLocation) - len(ch.RemoveExchangeLocation)
		if n > MaxStaticLocations {
			return nil, &LocationLimitError{PolicyName: p.Name, Count: n, Limit: MaxStaticLocations}
		}
	}
	var touched []string
	for _, l := range p.ExchangeLocation {
		touched = append(touched, l.MailboxGuid)
	}
	if removeAll {
		if !p.ExchangeAll {
			return nil, &LocationNotInPolicyError{PolicyName: p.Name, Location: LocationAll}
		}
		p.ExchangeAll = false
	} else if len(ch.RemoveExchangeLocation) > 0 {
		var removed []string
		if p.ExchangeLocation, removed, err = removeLocations(tx, p.Name, p.ExchangeLocation, ch.RemoveExchangeLocation); err != nil {
			return nil, err
		}
		touched = append(touched, removed...)
	}
	if addAll {
		p.ExchangeAll = true
	} else if p.ExchangeLocation, err = addLocations(tx, p.ExchangeLocation, ch.AddExchangeLocation, false); err != nil {
		return nil, err
	}
	if len(ch.RemoveExchangeLocationException) > 0 {
		var removed []string
		if p.ExchangeLocationException, removed, err = removeLocations(tx, p.Name, p.ExchangeLocationException, ch.RemoveExchangeLocationException); err != nil {
			return nil, err
		}
		touched = append(touched, removed...)
	}
	if len(ch.DeletedResources) > 0 {
		// Each address must belong to a deleted mailbox; the exclusion
		// also hits the other mailboxes with that address.
		for _, addr := range ch.DeletedResources {
			ms, err := directory.ResolveMailboxes(tx, addr, directory.ScopeAny)
			if err != nil {
				return nil, err
			}
			deletedOne := false
			for _, m := range ms {
				deletedOne = deletedOne || (m.IsDeleted() && !m.IsMailUser())
			}
			if !deletedOne {
				return nil, &store.NotFoundError{Kind: "mailbox", Key: addr}
			}
			for _, m := range ms {
				// The exclusion also hits other mailboxes with the address
				// unless they are on Litigation Hold.
				if m.IsMailUser() || (!m.IsDeleted() && m.LitigationHoldEnabled) || locationHas(p.ExchangeLocationException, m.Guid) {
					continue
				}
				p.ExchangeLocationException = append(p.ExchangeLocationException, PolicyLocation{Address: addr, MailboxGuid: m.Guid, Deleted: true})
			}
		}
	}
	// -AddExchangeLocationException names active mailboxes, and deleted
	// ones whose primary address -DeletedResources gives.
	for _, v := range ch.AddExchangeLocationException {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		m, err := resolveException(tx, v, ch.DeletedResources)
		if err != nil {
			return nil, err
		}
		if !locationHas(p.ExchangeLocationException, m.Guid) {
			p.ExchangeLocationException = append(p.ExchangeLocationException, PolicyLocation{Address: v, MailboxGuid: m.Guid, Deleted: m.IsDeleted()})
		}
	}
	if len(ch.RemoveAdaptiveScopeLocation) > 0 {
		rm, err := resolveScopes(tx, ch.RemoveAdaptiveScopeLocation)
		if err != nil {
			return nil, err
		}
		for _, g := range rm {
			p.AdaptiveScopeLocation = hremove(p.AdaptiveScopeLocation, g)
		}
	}
	if len(ch.AddAdaptiveScopeLocation) > 0 {
		add, err := resolveScopes(tx, ch.AddAdaptiveScopeLocation)
		if err != nil {
			return nil, err
		}
		for _, g := range add {
			if !hcontains(p.AdaptiveScopeLocation, g) {
				p.AdaptiveScopeLocation = append(p.AdaptiveScopeLocation, g)
			}
		}
	}
	if ch.Enabled != nil {
		p.Enabled = *ch.Enabled
	}
	if ch.Comment != nil {
		p.Comment = *ch.Comment
	}
	if ch.RestrictiveRetention != nil && *ch.RestrictiveRetention {
		p.RestrictiveRetention = true
	}
	if ch.Applications != nil {
		p.Applications = *ch.Applications
	}
	if ch.Actor != "" {
		p.LastModifiedBy = ch.Actor
	}
	if err := PutCompliancePolicy(tx, p); err != nil {
		return nil, err
	}
	if removeAll || addAll {
		return p, recomputeHolds(tx, nil)
	}
	return p, recomputeForPolicy(tx, p, touched)
}

// RemoveCompliancePolicy deletes a policy and its rules; a Preservation-
// Locked policy can't be deleted (*PolicyLockedError). Its stamps and
// exclusion markers go; held mailboxes get delay holds.
func RemoveCompliancePolicy(tx *store.Tx, identity string, kinds ...string) error {
	p, err := FindCompliancePolicy(tx, identity, kinds...)
	if err != nil {
		return err
	}
	if p.RestrictiveRetention {
		return &PolicyLockedError{PolicyName: p.Name, PolicyGuid: p.Guid, Op: LockedDelete}
	}
	rules, err := PolicyRules(tx, p.Guid)
	if err != nil {
		return err
	}
	for _, r := range rules {
		if err := complianceRuleKind.delete(tx, r); err != nil {
			return err
		}
	}
	if err := compliancePolicyKind.delete(tx, p); err != nil {
		return err
	}
	// Explicit exclusions of the policy are forgotten.
	if err := forgetPolicyState(tx, p.Hex()); err != nil {
		return err
	}
	h := p.Hex()
	var dropped []string
	for _, pre := range []string{"mbx", "skp", "grp"} {
		for _, d := range []string{"1", "2", "3"} {
			dropped = append(dropped, pre+h+":"+d)
		}
	}
	dropped = append(dropped, "-mbx"+h)
	return recomputeHolds(tx, nil, dropped...)
}

// forgetPolicyState drops a deleted policy from every mailbox's hold state.
func forgetPolicyState(tx *store.Tx, hex string) error {
	var states []*MailboxHoldState
	err := HoldStateRecords.ForEach(tx, "", func(_ string, s *MailboxHoldState) error {
		states = append(states, s)
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range states {
		n := len(s.ExcludedOrg) + len(s.Suppressed)
		s.ExcludedOrg = hremove(s.ExcludedOrg, hex)
		var sup []string
		for _, x := range s.Suppressed {
			if ParseHoldEntry(x).ID != hex {
				sup = append(sup, x)
			}
		}
		s.Suppressed = sup
		if len(s.ExcludedOrg)+len(s.Suppressed) != n {
			if err := putHoldState(tx, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// --- rules ----------------------------------------------------------------------

// RuleInput holds the parameters of New-RetentionComplianceRule.
type RuleInput struct {
	Name   string
	Policy string // policy name or Guid
	// PolicyKinds limits the policies Policy may name (any when empty):
	// *-AppRetentionComplianceRule works on app policies only.
	PolicyKinds []string
	// RetentionDuration: days, or Unlimited.
	RetentionDays        int
	RetentionUnlimited   bool
	Action               string // Keep, Delete, KeepAndDelete
	ExpirationDateOption string
	ContentMatchQuery    string
	// PublishComplianceTag makes the policy a label policy publishing these
	// labels (comma-separated names allowed).
	PublishComplianceTag string
	ApplyComplianceTag   string
	Comment              string
	Actor                string
	Guid                 string
}

// NewComplianceRule adds a retention rule to a policy; the policy's stamps
// get the rule's action digit. A rule without an action makes the policy
// hold content (for the duration, if one is given) and stamp UniH<guid>.
func NewComplianceRule(tx *store.Tx, in RuleInput) (*ComplianceRule, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindComplianceRule(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "rule", Name: name}
	} else if !store.IsNotFound(err) {
		return nil, err
	}
	p, err := FindCompliancePolicy(tx, in.Policy, in.PolicyKinds...)
	if err != nil {
		return nil, err
	}
	action := normalizeAction(in.Action)
	if action != "" && ActionDigit(action) == 0 {
		return nil, invalidAction(in.Action)
	}
	var labels []string
	if in.PublishComplianceTag != "" {
		for _, l := range strings.Split(in.PublishComplianceTag, ",") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			t, err := FindComplianceTag(tx, l)
			if err != nil {
				return nil, err
			}
			labels = append(labels, t.Name)
		}
	} else if action != "" {
		if action != ActionKeep && in.RetentionUnlimited {
			return nil, unlimitedNeedsKeep()
		}
		if !in.RetentionUnlimited && in.RetentionDays <= 0 {
			return nil, &store.ValidationError{Field: "RetentionDuration", Message: fmt.Sprintf("The RetentionDuration parameter is required when RetentionComplianceAction is %s.", action)}
		}
	}
	now := tx.Now()
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	r := &ComplianceRule{Guid: g, Name: name, Policy: p.Guid, RetentionDuration: in.RetentionDays, RetentionUnlimited: in.RetentionUnlimited,
		RetentionComplianceAction: action, ExpirationDateOption: in.ExpirationDateOption, ContentMatchQuery: in.ContentMatchQuery,
		PublishComplianceTag: strings.Join(labels, ","), ApplyComplianceTag: in.ApplyComplianceTag, Comment: in.Comment, Mode: "Enforce",
		WhenCreated: now, CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	if len(labels) > 0 {
		r.RetentionComplianceAction = ""
		p.Kind = PolicyKindLabel
		for _, l := range labels {
			if !hcontains(p.PublishedLabels, l) {
				p.PublishedLabels = append(p.PublishedLabels, l)
			}
		}
		if err := PutCompliancePolicy(tx, p); err != nil {
			return nil, err
		}
	}
	if err := PutComplianceRule(tx, r); err != nil {
		return nil, err
	}
	return r, recomputeForPolicy(tx, p, nil)
}

// invalidAction is the refusal of a value that is not a retention action.
func invalidAction(a string) error {
	return &store.ValidationError{Field: "RetentionComplianceAction", Message: fmt.Sprintf("The value \"%s\" isn't valid for the RetentionComplianceAction parameter. Valid values are: Delete, Keep, KeepAndDelete.", strings.TrimSpace(a))}
}

// unlimitedNeedsKeep is the refusal of an Unlimited duration with an
// action that deletes.
func unlimitedNeedsKeep() error {
	return &store.ValidationError{Field: "RetentionDuration", Message: "The RetentionDuration value Unlimited can only be used with the RetentionComplianceAction value Keep."}
}

func normalizeAction(a string) string {
	switch strings.ToLower(strings.TrimSpace(a)) {
	case "keep":
		return ActionKeep
	case "delete":
		return ActionDelete
	case "keepanddelete":
		return ActionKeepAndDelete
	}
	return strings.TrimSpace(a)
}

// RemoveComplianceRule deletes a retention rule found by name or Guid among
// the rules of the policies of the given kinds. Without a rule the policy
// stamps nothing: held mailboxes get delay holds. The rule of a policy with
// Preservation Lock can't be deleted (*PolicyLockedError).
func RemoveComplianceRule(tx *store.Tx, identity string, kinds ...string) error {
	r, err := FindComplianceRule(tx, identity, kinds...)
	if err != nil {
		return err
	}
	p, err := GetCompliancePolicy(tx, r.Policy)
	if err != nil {
		return err
	}
	if p.RestrictiveRetention {
		return &PolicyLockedError{PolicyName: p.Name, PolicyGuid: p.Guid, Op: LockedRemoveRule}
	}
	if err := complianceRuleKind.delete(tx, r); err != nil {
		return err
	}
	return recomputeForPolicy(tx, p, nil)
}

// RuleChange holds the parameters of Set-RetentionComplianceRule.
type RuleChange struct {
	// PolicyKinds limits the rules the identity may name (any when empty).
	PolicyKinds          []string
	RetentionDays        *int
	RetentionUnlimited   *bool
	Action               *string
	ExpirationDateOption *string
	ContentMatchQuery    *string
	Comment              *string
	Actor                string
}

// SetComplianceRule changes a retention rule. On a Preservation-Locked
// policy the duration can only grow (*PolicyLockedError
// LockedShortenDuration) and the action can't change (LockedChangeAction).
func SetComplianceRule(tx *store.Tx, identity string, ch RuleChange) (*ComplianceRule, error) {
	r, err := FindComplianceRule(tx, identity, ch.PolicyKinds...)
	if err != nil {
		return nil, err
	}
	p, err := GetCompliancePolicy(tx, r.Policy)
	if err != nil {
		return nil, err
	}
	unl, days := r.RetentionUnlimited, r.RetentionDuration
	if ch.RetentionUnlimited != nil {
		unl = *ch.RetentionUnlimited
	}
	if ch.RetentionDays != nil {
		days, unl = *ch.RetentionDays, false
	}
	action := r.RetentionComplianceAction
	if ch.Action != nil {
		action = normalizeAction(*ch.Action)
		if ActionDigit(action) == 0 {
			return nil, invalidAction(*ch.Action)
		}
	}
	if p.RestrictiveRetention {
		shorter := (r.RetentionUnlimited && !unl) || (!r.RetentionUnlimited && !unl && days < r.RetentionDuration)
		if shorter {
			return nil, &PolicyLockedError{PolicyName: p.Name, PolicyGuid: p.Guid, Op: LockedShortenDuration}
		}
		if action != r.RetentionComplianceAction {
			return nil, &PolicyLockedError{PolicyName: p.Name, PolicyGuid: p.Guid, Op: LockedChangeAction}
		}
	}
	if unl && action != ActionKeep && action != "" {
		return nil, unlimitedNeedsKeep()
	}
	r.RetentionUnlimited, r.RetentionDuration, r.RetentionComplianceAction = unl, days, action
	if unl {
		r.RetentionDuration = 0
	}
	if ch.ExpirationDateOption != nil {
		r.ExpirationDateOption = *ch.ExpirationDateOption
	}
	if ch.ContentMatchQuery != nil {
		r.ContentMatchQuery = *ch.ContentMatchQuery
	}
	if ch.Comment != nil {
		r.Comment = *ch.Comment
	}
	if ch.Actor != "" {
		r.LastModifiedBy = ch.Actor
	}
	if err := PutComplianceRule(tx, r); err != nil {
		return nil, err
	}
	return r, recomputeForPolicy(tx, p, nil)
}

// --- adaptive scopes --------------------------------------------------------------

// ScopeInput holds the parameters of New-AdaptiveScope.
type ScopeInput struct {
	Name             string
	Comment          string
	LocationType     string // User (default), Group, Site
	FilterConditions string // simple query (JSON)
	RawQuery         string // advanced query (OPATH)
	Actor            string
	Guid             string
}

// validateScopeQuery checks a scope's queries: the advanced query must
// parse; a simple query can't use IsInactiveMailbox (only the advanced
// builder can, [DEL]).
func validateScopeQuery(filter, raw string) error {
	if strings.TrimSpace(raw) != "" {
		if _, err := opath.Parse(raw); err != nil {
			return &store.ValidationError{Field: "RawQuery", Message: err.Error()}
		}
		return nil
	}
	if strings.TrimSpace(filter) == "" {
		return &store.ValidationError{Field: "FilterConditions", Message: "a query (FilterConditions or RawQuery) is required"}
	}
	var q struct {
		Conditions []simpleCondition `json:"Conditions"`
	}
	if err := json.Unmarshal([]byte(filter), &q); err != nil {
		return &store.ValidationError{Field: "FilterConditions", Message: "not a valid filter: " + err.Error()}
	}
	for _, c := range q.Conditions {
		if strings.EqualFold(c.Name, "IsInactiveMailbox") {
			return &store.ValidationError{Field: "FilterConditions", Message: "IsInactiveMailbox can only be used in an advanced query (RawQuery)"}
		}
	}
	return nil
}

// NewAdaptiveScope creates an adaptive scope.
func NewAdaptiveScope(tx *store.Tx, in ScopeInput) (*AdaptiveScope, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindAdaptiveScope(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "adaptive scope", Name: name}
	}
	if err := validateScopeQuery(in.FilterConditions, in.RawQuery); err != nil {
		return nil, err
	}
	lt := in.LocationType
	if lt == "" {
		lt = "User"
	}
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	s := &AdaptiveScope{Guid: g, Name: name, Comment: in.Comment, LocationType: lt, FilterConditions: in.FilterConditions,
		RawQuery: in.RawQuery, WhenCreated: tx.Now(), CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	return s, PutAdaptiveScope(tx, s)
}

// ScopeChange holds the parameters of Set-AdaptiveScope.
type ScopeChange struct {
	Comment          *string
	FilterConditions *string
	RawQuery         *string
	Actor            string
}

// SetAdaptiveScope changes a scope's query; policies using it are
// re-evaluated (mailboxes that leave the scope lose the stamp and get a
// delay hold; inactive mailboxes never enter one).
func SetAdaptiveScope(tx *store.Tx, identity string, ch ScopeChange) (*AdaptiveScope, error) {
	s, err := FindAdaptiveScope(tx, identity)
	if err != nil {
		return nil, err
	}
	filter, raw := s.FilterConditions, s.RawQuery
	if ch.FilterConditions != nil {
		filter, raw = *ch.FilterConditions, ""
	}
	if ch.RawQuery != nil {
		raw = *ch.RawQuery
		if strings.TrimSpace(raw) != "" {
			filter = ""
		}
	}
	if err := validateScopeQuery(filter, raw); err != nil {
		return nil, err
	}
	s.FilterConditions, s.RawQuery = filter, raw
	if ch.Comment != nil {
		s.Comment = *ch.Comment
	}
	if ch.Actor != "" {
		s.LastModifiedBy = ch.Actor
	}
	if err := PutAdaptiveScope(tx, s); err != nil {
		return nil, err
	}
	return s, recomputeHolds(tx, nil)
}

// RemoveAdaptiveScope deletes a scope no policy uses (*ObjectInUseError).
func RemoveAdaptiveScope(tx *store.Tx, identity string) error {
	s, err := FindAdaptiveScope(tx, identity)
	if err != nil {
		return err
	}
	ps, err := CompliancePolicies(tx)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if hcontains(p.AdaptiveScopeLocation, s.Guid) {
			return &ObjectInUseError{Kind: "adaptive scope", Name: s.Name, UsedBy: p.Name}
		}
	}
	return adaptiveScopeKind.delete(tx, s)
}

// --- retention labels ----------------------------------------------------------------

// TagInput holds the parameters of New-ComplianceTag.
type TagInput struct {
	Name               string
	Comment            string
	RetentionAction    string
	RetentionDays      int
	RetentionUnlimited bool
	RetentionType      string
	IsRecordLabel      bool
	Regulatory         bool
	Actor              string
	Guid               string
}

// NewComplianceTag creates a retention label.
func NewComplianceTag(tx *store.Tx, in TagInput) (*ComplianceTag, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindComplianceTag(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "label", Name: name}
	}
	action := normalizeAction(in.RetentionAction)
	if action != "" && ActionDigit(action) == 0 {
		return nil, &store.ValidationError{Field: "RetentionAction", Message: "not a retention action: " + in.RetentionAction}
	}
	if action != "" && !in.RetentionUnlimited && in.RetentionDays <= 0 {
		return nil, &store.ValidationError{Field: "RetentionDuration", Message: "a retention duration is required with a retention action"}
	}
	rt := in.RetentionType
	if action != "" && rt == "" {
		rt = "CreationAgeInDays"
	}
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	t := &ComplianceTag{Guid: g, Name: name, Comment: in.Comment, RetentionAction: action, RetentionDuration: in.RetentionDays,
		RetentionUnlimited: in.RetentionUnlimited, RetentionType: rt, IsRecordLabel: in.IsRecordLabel || in.Regulatory,
		Regulatory: in.Regulatory, WhenCreated: tx.Now(), CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	return t, PutComplianceTag(tx, t)
}

// --- cases -----------------------------------------------------------------------------

// CaseInput holds the parameters of New-ComplianceCase.
type CaseInput struct {
	Name        string
	Description string
	CaseType    string // default eDiscovery
	ExternalID  string
	Actor       string
	Guid        string
}

// NewComplianceCase creates an active eDiscovery case.
func NewComplianceCase(tx *store.Tx, in CaseInput) (*ComplianceCase, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindComplianceCase(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "case", Name: name}
	}
	ct := in.CaseType
	if ct == "" {
		ct = "eDiscovery"
	}
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	c := &ComplianceCase{Guid: g, Name: name, Description: in.Description, CaseType: ct, Status: CaseActive, ExternalID: in.ExternalID,
		WhenCreated: tx.Now(), CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	return c, PutComplianceCase(tx, c)
}

// CaseChange holds the parameters of Set-ComplianceCase.
type CaseChange struct {
	Name        *string
	Description *string
	ExternalID  *string
	Close       bool
	Reopen      bool
	Actor       string
}

// SetComplianceCase renames, closes or reopens a case. Closing turns its
// holds off (their stamps go, delay holds follow [EDH]); reopening leaves
// them off.
func SetComplianceCase(tx *store.Tx, identity string, ch CaseChange) (*ComplianceCase, error) {
	c, err := FindComplianceCase(tx, identity)
	if err != nil {
		return nil, err
	}
	if ch.Close && ch.Reopen {
		return nil, &store.ValidationError{Field: "Close", Message: "Close and Reopen can't be used together"}
	}
	if ch.Name != nil && !strings.EqualFold(*ch.Name, c.Name) {
		if _, err := FindComplianceCase(tx, *ch.Name); err == nil {
			return nil, &NameInUseError{Kind: "case", Name: *ch.Name}
		}
		c.Name = strings.TrimSpace(*ch.Name)
	}
	if ch.Description != nil {
		c.Description = *ch.Description
	}
	if ch.ExternalID != nil {
		c.ExternalID = *ch.ExternalID
	}
	if ch.Actor != "" {
		c.LastModifiedBy = ch.Actor
	}
	var guids []string
	if ch.Close && c.Status == CaseActive {
		c.Status = CaseClosed
		c.ClosedBy = ch.Actor
		c.ClosedDateTime = new(tx.Now())
		hs, err := CaseHoldPolicies(tx, c.Guid)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			h.Enabled = false
			if err := PutCaseHoldPolicy(tx, h); err != nil {
				return nil, err
			}
			for _, l := range h.ExchangeLocation {
				guids = append(guids, l.MailboxGuid)
			}
		}
	}
	if ch.Reopen && c.Status == CaseClosed {
		c.Status = CaseActive
		c.ClosedBy, c.ClosedDateTime = "", nil
	}
	if err := PutComplianceCase(tx, c); err != nil {
		return nil, err
	}
	if len(guids) > 0 {
		return c, recomputeHolds(tx, guids)
	}
	return c, nil
}

// RemoveComplianceCase deletes a case with its hold policies and rules;
// their stamps go and delay holds follow.
func RemoveComplianceCase(tx *store.Tx, identity string) error {
	c, err := FindComplianceCase(tx, identity)
	if err != nil {
		return err
	}
	hs, err := CaseHoldPolicies(tx, c.Guid)
	if err != nil {
		return err
	}
	var guids, dropped []string
	for _, h := range hs {
		g, d, err := deleteCaseHold(tx, h)
		if err != nil {
			return err
		}
		guids = append(guids, g...)
		dropped = append(dropped, d)
	}
	if err := complianceCaseKind.delete(tx, c); err != nil {
		return err
	}
	return recomputeHolds(tx, append(guids, ""), dropped...)
}

func deleteCaseHold(tx *store.Tx, h *CaseHoldPolicy) ([]string, string, error) {
	rs, err := CaseHoldRules(tx, h.Guid)
	if err != nil {
		return nil, "", err
	}
	for _, r := range rs {
		if err := caseHoldRuleKind.delete(tx, r); err != nil {
			return nil, "", err
		}
	}
	if err := caseHoldPolicyKind.delete(tx, h); err != nil {
		return nil, "", err
	}
	var guids []string
	for _, l := range h.ExchangeLocation {
		guids = append(guids, l.MailboxGuid)
	}
	return guids, h.HoldID(), nil
}

// CaseHoldInput holds the parameters of New-CaseHoldPolicy.
type CaseHoldInput struct {
	Name                 string
	Case                 string
	Comment              string
	Enabled              *bool
	ExchangeLocation     []string
	SharePointLocation   []string
	PublicFolderLocation []string
	Actor                string
	Guid                 string
}

// NewCaseHoldPolicy creates a case hold in an active case (at most 1,000
// mailboxes, active ones only). It stamps UniH<guid> once a case hold rule
// exists.
func NewCaseHoldPolicy(tx *store.Tx, in CaseHoldInput) (*CaseHoldPolicy, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindCaseHoldPolicy(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "case hold policy", Name: name}
	}
	c, err := FindComplianceCase(tx, in.Case)
	if err != nil {
		return nil, err
	}
	if n := uniqueCount(in.ExchangeLocation); n > MaxStaticLocations {
		return nil, &LocationLimitError{PolicyName: name, Count: n, Limit: MaxStaticLocations}
	}
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	h := &CaseHoldPolicy{Guid: g, Name: name, Case: c.Guid, Comment: in.Comment, Enabled: boolOr(in.Enabled, true),
		ExchangeLocation: []PolicyLocation{}, SharePointLocation: in.SharePointLocation, PublicFolderLoc: in.PublicFolderLocation,
		WhenCreated: tx.Now(), CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	if h.ExchangeLocation, err = addLocations(tx, h.ExchangeLocation, in.ExchangeLocation, false); err != nil {
		return nil, err
	}
	if err := PutCaseHoldPolicy(tx, h); err != nil {
		return nil, err
	}
	return h, recomputeCaseHold(tx, h, nil)
}

func recomputeCaseHold(tx *store.Tx, h *CaseHoldPolicy, extra []string, dropped ...string) error {
	guids := append([]string{}, extra...)
	for _, l := range h.ExchangeLocation {
		guids = append(guids, l.MailboxGuid)
	}
	return recomputeHolds(tx, append(guids, ""), dropped...)
}

// CaseHoldChange holds the parameters of Set-CaseHoldPolicy.
type CaseHoldChange struct {
	Enabled                *bool
	Comment                *string
	AddExchangeLocation    []string
	RemoveExchangeLocation []string
	Actor                  string
}

// SetCaseHoldPolicy turns a case hold on or off and edits its mailboxes
// (removing one gives it a delay hold [EDH]).
func SetCaseHoldPolicy(tx *store.Tx, identity string, ch CaseHoldChange) (*CaseHoldPolicy, error) {
	h, err := FindCaseHoldPolicy(tx, identity)
	if err != nil {
		return nil, err
	}
	if n := len(h.ExchangeLocation) + uniqueCount(ch.AddExchangeLocation) - len(ch.RemoveExchangeLocation); n > MaxStaticLocations {
		return nil, &LocationLimitError{PolicyName: h.Name, Count: n, Limit: MaxStaticLocations}
	}
	var removed []string
	if len(ch.RemoveExchangeLocation) > 0 {
		if h.ExchangeLocation, removed, err = removeLocations(tx, h.Name, h.ExchangeLocation, ch.RemoveExchangeLocation); err != nil {
			return nil, err
		}
	}
	if h.ExchangeLocation, err = addLocations(tx, h.ExchangeLocation, ch.AddExchangeLocation, false); err != nil {
		return nil, err
	}
	if ch.Enabled != nil {
		h.Enabled = *ch.Enabled
	}
	if ch.Comment != nil {
		h.Comment = *ch.Comment
	}
	if ch.Actor != "" {
		h.LastModifiedBy = ch.Actor
	}
	if err := PutCaseHoldPolicy(tx, h); err != nil {
		return nil, err
	}
	return h, recomputeCaseHold(tx, h, removed)
}

// RemoveCaseHoldPolicy deletes a case hold and its rules; its stamps go and
// delay holds follow.
func RemoveCaseHoldPolicy(tx *store.Tx, identity string) error {
	h, err := FindCaseHoldPolicy(tx, identity)
	if err != nil {
		return err
	}
	guids, dropped, err := deleteCaseHold(tx, h)
	if err != nil {
		return err
	}
	return recomputeHolds(tx, append(guids, ""), dropped)
}

// CaseHoldRuleInput holds the parameters of New-CaseHoldRule.
type CaseHoldRuleInput struct {
	Name              string
	Policy            string
	ContentMatchQuery string
	Comment           string
	Disabled          bool
	Actor             string
	Guid              string
}

// NewCaseHoldRule adds the query rule of a case hold (one per policy);
// the hold then stamps its mailboxes.
func NewCaseHoldRule(tx *store.Tx, in CaseHoldRuleInput) (*CaseHoldRule, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if _, err := FindCaseHoldRule(tx, name); err == nil {
		return nil, &NameInUseError{Kind: "case hold rule", Name: name}
	}
	h, err := FindCaseHoldPolicy(tx, in.Policy)
	if err != nil {
		return nil, err
	}
	rs, err := CaseHoldRules(tx, h.Guid)
	if err != nil {
		return nil, err
	}
	if len(rs) > 0 {
		return nil, &ObjectInUseError{Kind: "case hold policy", Name: h.Name, UsedBy: rs[0].Name}
	}
	g := in.Guid
	if g == "" {
		g = tx.NewGuid()
	}
	r := &CaseHoldRule{Guid: g, Name: name, Policy: h.Guid, ContentMatchQuery: in.ContentMatchQuery, Comment: in.Comment,
		Disabled: in.Disabled, WhenCreated: tx.Now(), CreatedBy: in.Actor, LastModifiedBy: in.Actor}
	if err := PutCaseHoldRule(tx, r); err != nil {
		return nil, err
	}
	return r, recomputeCaseHold(tx, h, nil)
}
