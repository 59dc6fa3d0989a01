package holds

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// This file holds the records of the holds engine: Security & Compliance
// retention policies and their rules, adaptive scopes, retention labels,
// eDiscovery cases with their hold policies and rules, legacy In-Place
// holds (MailboxSearch), the hold-removal log and the per-mailbox hold
// state the simulator keeps. The stamping rules live in holds.go.

// Kinds of compliance policy (CompliancePolicy.Kind, the simulator's own
// field).
const (
	// PolicyKindRetention is a *-RetentionCompliancePolicy policy.
	PolicyKindRetention = "Retention"
	// PolicyKindLabel is a retention-label policy (publishes labels); its
	// stamp is always ":1".
	PolicyKindLabel = "LabelPolicy"
	// PolicyKindApp is a *-AppRetentionCompliancePolicy policy: it stamps
	// mbx<guid32>:<n> like a retention policy, but
	// -ExcludeFromAllOrgHolds skips it.
	PolicyKindApp = "AppRetention"
)

// Retention actions of a rule (RetentionComplianceAction) and their stamp
// digits.
const (
	ActionDelete        = "Delete"        // :1
	ActionKeep          = "Keep"          // :2
	ActionKeepAndDelete = "KeepAndDelete" // :3
)

// ActionDigit returns the InPlaceHolds suffix digit of a retention action
// (0 for an unknown action).
func ActionDigit(action string) int {
	switch strings.ToLower(action) {
	case "delete":
		return 1
	case "keep":
		return 2
	case "keepanddelete":
		return 3
	}
	return 0
}

// PolicyLocation is one Exchange location of a static policy or case hold:
// the address it was given with (remembered: removing the location names
// that address) and the mailbox it
// resolved to.
type PolicyLocation struct {
	Address     string `json:"address"`
	MailboxGuid string `json:"mailboxGuid"`
	// Deleted marks an exception given through -DeletedResources
	// (app policies): it names a deleted or inactive mailbox.
	Deleted bool `json:"deleted,omitempty"`
}

// LocationAll is the ExchangeLocation value of an org-wide policy.
const LocationAll = "All"

// CompliancePolicy is a Microsoft Purview retention policy: a retention
// policy, a retention-label policy or an app retention policy.
type CompliancePolicy struct {
	Guid    string `json:"guid"` // dashed, lower case (primary key)
	Name    string `json:"name"`
	Comment string `json:"comment,omitempty"`
	Kind    string `json:"kind"` // PolicyKind*
	Enabled bool   `json:"enabled"`
	Mode    string `json:"mode"` // Enforce
	// ExchangeAll is ExchangeLocation All (org-wide).
	ExchangeAll bool `json:"exchangeAll"`
	// ExchangeLocation lists specific mailboxes (static policies).
	ExchangeLocation []PolicyLocation `json:"exchangeLocation"`
	// ExchangeLocationException lists excluded mailboxes (meaningful with
	// ExchangeAll).
	ExchangeLocationException []PolicyLocation `json:"exchangeLocationException"`
	// AdaptiveScopeLocation lists the Guids of adaptive scopes (adaptive
	// policies).
	AdaptiveScopeLocation []string `json:"adaptiveScopeLocation,omitempty"`
	// Other locations are kept as given (they never stamp Exchange
	// mailboxes except Skype, which stamps skp on listed mailboxes).
	SharePointLocation  []string `json:"sharePointLocation,omitempty"`
	OneDriveLocation    []string `json:"oneDriveLocation,omitempty"`
	ModernGroupLocation []string `json:"modernGroupLocation,omitempty"`
	SkypeLocation       []string `json:"skypeLocation,omitempty"`
	TeamsChatLocation   []string `json:"teamsChatLocation,omitempty"`
	TeamsChannelLoc     []string `json:"teamsChannelLocation,omitempty"`
	PublicFolderLoc     []string `json:"publicFolderLocation,omitempty"`
	// Applications is the app scope of an app retention policy (e.g.
	// "User:MicrosoftTeams,VivaEngage").
	Applications []string `json:"applications,omitempty"`
	// RestrictiveRetention is Preservation Lock (irreversible).
	RestrictiveRetention bool `json:"restrictiveRetention"`
	// PublishedLabels lists the names of the retention labels a label
	// policy publishes.
	PublishedLabels []string                  `json:"publishedLabels,omitempty"`
	WhenCreated     time.Time                 `json:"whenCreated"`
	WhenChanged     time.Time                 `json:"whenChanged"`
	CreatedBy       string                    `json:"createdBy,omitempty"`
	LastModifiedBy  string                    `json:"lastModifiedBy,omitempty"`
	Extra           map[string]store.RawValue `json:"extra,omitempty"`
}

// Hex returns the 32-hex form of the policy Guid used in hold IDs.
func (p *CompliancePolicy) Hex() string { return store.GuidNoDashes(p.Guid) }

// HoldOnlyID is the stamp of a policy whose rule has no retention action:
// such a policy holds content, and stamps UniH and its GUID instead of
// mbx<hex>:<n>.
func (p *CompliancePolicy) HoldOnlyID() string { return "UniH" + p.Guid }

// IsAdaptive reports whether the policy uses adaptive scopes.
func (p *CompliancePolicy) IsAdaptive() bool { return len(p.AdaptiveScopeLocation) > 0 }

// IsOrgWide reports whether the policy is a static policy with
// ExchangeLocation All (recorded in the organization's InPlaceHolds).
// App retention policies always stamp the mailboxes instead.
func (p *CompliancePolicy) IsOrgWide() bool {
	return p.ExchangeAll && !p.IsAdaptive() && p.Kind != PolicyKindApp
}

// IsStaticSpecific reports whether the policy is a static policy naming
// specific mailboxes (the 1,000-location limit applies).
func (p *CompliancePolicy) IsStaticSpecific() bool {
	return !p.ExchangeAll && !p.IsAdaptive()
}

// ComplianceRule is a retention rule of a compliance policy
// (*-RetentionComplianceRule); it decides the stamp suffix.
type ComplianceRule struct {
	Guid   string `json:"guid"`
	Name   string `json:"name"`
	Policy string `json:"policy"` // policy Guid
	// RetentionDuration in days; Unlimited when RetentionUnlimited.
	RetentionDuration         int                       `json:"retentionDuration"`
	RetentionUnlimited        bool                      `json:"retentionUnlimited"`
	RetentionComplianceAction string                    `json:"retentionComplianceAction"`
	ExpirationDateOption      string                    `json:"expirationDateOption,omitempty"`
	RetentionDurationDisplay  string                    `json:"retentionDurationDisplayHint,omitempty"`
	ContentMatchQuery         string                    `json:"contentMatchQuery,omitempty"`
	PublishComplianceTag      string                    `json:"publishComplianceTag,omitempty"`
	ApplyComplianceTag        string                    `json:"applyComplianceTag,omitempty"`
	Comment                   string                    `json:"comment,omitempty"`
	Disabled                  bool                      `json:"disabled"`
	Mode                      string                    `json:"mode"`
	WhenCreated               time.Time                 `json:"whenCreated"`
	WhenChanged               time.Time                 `json:"whenChanged"`
	CreatedBy                 string                    `json:"createdBy,omitempty"`
	LastModifiedBy            string                    `json:"lastModifiedBy,omitempty"`
	Extra                     map[string]store.RawValue `json:"extra,omitempty"`
}

// IsHoldOnly reports whether the rule holds without a retention action
// (its policy stamps HoldOnlyID). Rules that publish or apply labels don't.
func (r *ComplianceRule) IsHoldOnly() bool {
	return r.RetentionComplianceAction == "" && r.PublishComplianceTag == "" && r.ApplyComplianceTag == ""
}

// DurationString renders RetentionDuration as S&C shows it ("Unlimited"
// or a number of days).
func (r *ComplianceRule) DurationString() string {
	if r.RetentionUnlimited {
		return "Unlimited"
	}
	if r.RetentionDuration == 0 {
		return ""
	}
	return fmt.Sprint(r.RetentionDuration)
}

// AdaptiveScope is an adaptive policy scope.
type AdaptiveScope struct {
	Guid         string `json:"guid"`
	Name         string `json:"name"`
	Comment      string `json:"comment,omitempty"`
	LocationType string `json:"locationType"` // User, Group, Site
	// FilterConditions is the simple query (JSON as given).
	FilterConditions string `json:"filterConditions,omitempty"`
	// RawQuery is the advanced (OPATH) query.
	RawQuery       string                    `json:"rawQuery,omitempty"`
	WhenCreated    time.Time                 `json:"whenCreated"`
	WhenChanged    time.Time                 `json:"whenChanged"`
	CreatedBy      string                    `json:"createdBy,omitempty"`
	LastModifiedBy string                    `json:"lastModifiedBy,omitempty"`
	Extra          map[string]store.RawValue `json:"extra,omitempty"`
}

// IsAdvanced reports whether the scope uses the advanced query builder.
func (s *AdaptiveScope) IsAdvanced() bool { return strings.TrimSpace(s.RawQuery) != "" }

// ComplianceTag is a retention label.
type ComplianceTag struct {
	Guid    string `json:"guid"`
	Name    string `json:"name"`
	Comment string `json:"comment,omitempty"`
	// RetentionAction: Keep, Delete, KeepAndDelete ("" = no retention).
	RetentionAction    string                    `json:"retentionAction,omitempty"`
	RetentionDuration  int                       `json:"retentionDuration"`
	RetentionUnlimited bool                      `json:"retentionUnlimited"`
	RetentionType      string                    `json:"retentionType,omitempty"` // CreationAgeInDays, ModificationAgeInDays, TaggedAgeInDays, EventAgeInDays
	IsRecordLabel      bool                      `json:"isRecordLabel"`
	Regulatory         bool                      `json:"regulatory"`
	WhenCreated        time.Time                 `json:"whenCreated"`
	WhenChanged        time.Time                 `json:"whenChanged"`
	CreatedBy          string                    `json:"createdBy,omitempty"`
	LastModifiedBy     string                    `json:"lastModifiedBy,omitempty"`
	Extra              map[string]store.RawValue `json:"extra,omitempty"`
}

// Retains reports whether items with the label are retained (Keep or
// KeepAndDelete): such a label sets ComplianceTagHoldApplied.
func (t *ComplianceTag) Retains() bool {
	d := ActionDigit(t.RetentionAction)
	return d == 2 || d == 3
}

// Compliance case statuses.
const (
	CaseActive = "Active"
	CaseClosed = "Closed"
)

// ComplianceCase is an eDiscovery case.
type ComplianceCase struct {
	Guid           string                    `json:"guid"`
	Name           string                    `json:"name"`
	Description    string                    `json:"description,omitempty"`
	CaseType       string                    `json:"caseType"` // eDiscovery, AdvancedEdiscovery ...
	Status         string                    `json:"status"`
	ExternalID     string                    `json:"externalId,omitempty"`
	ClosedBy       string                    `json:"closedBy,omitempty"`
	ClosedDateTime *time.Time                `json:"closedDateTime,omitempty"`
	WhenCreated    time.Time                 `json:"whenCreated"`
	WhenChanged    time.Time                 `json:"whenChanged"`
	CreatedBy      string                    `json:"createdBy,omitempty"`
	LastModifiedBy string                    `json:"lastModifiedBy,omitempty"`
	Extra          map[string]store.RawValue `json:"extra,omitempty"`
	// Members are the UPNs of the case's members; until MembersSet the
	// case's only member is its creator.
	Members    []string `json:"members,omitempty"`
	MembersSet bool     `json:"membersSet,omitempty"`
}

// CaseHoldPolicy is an eDiscovery hold of a case; it stamps UniH<guid> on
// its mailboxes while enabled and the case is active.
type CaseHoldPolicy struct {
	Guid               string                    `json:"guid"`
	Name               string                    `json:"name"`
	Case               string                    `json:"case"` // case Guid
	Comment            string                    `json:"comment,omitempty"`
	Enabled            bool                      `json:"enabled"`
	ExchangeLocation   []PolicyLocation          `json:"exchangeLocation"`
	SharePointLocation []string                  `json:"sharePointLocation,omitempty"`
	PublicFolderLoc    []string                  `json:"publicFolderLocation,omitempty"`
	WhenCreated        time.Time                 `json:"whenCreated"`
	WhenChanged        time.Time                 `json:"whenChanged"`
	CreatedBy          string                    `json:"createdBy,omitempty"`
	LastModifiedBy     string                    `json:"lastModifiedBy,omitempty"`
	Extra              map[string]store.RawValue `json:"extra,omitempty"`
}

// HoldID returns the InPlaceHolds entry of the case hold.
func (p *CaseHoldPolicy) HoldID() string { return "UniH" + p.Guid }

// CaseHoldRule is the query rule of a case hold policy.
type CaseHoldRule struct {
	Guid              string                    `json:"guid"`
	Name              string                    `json:"name"`
	Policy            string                    `json:"policy"` // case hold policy Guid
	ContentMatchQuery string                    `json:"contentMatchQuery,omitempty"`
	Comment           string                    `json:"comment,omitempty"`
	Disabled          bool                      `json:"disabled"`
	WhenCreated       time.Time                 `json:"whenCreated"`
	WhenChanged       time.Time                 `json:"whenChanged"`
	CreatedBy         string                    `json:"createdBy,omitempty"`
	LastModifiedBy    string                    `json:"lastModifiedBy,omitempty"`
	Extra             map[string]store.RawValue `json:"extra,omitempty"`
}

// MailboxSearch is a legacy In-Place eDiscovery search / In-Place Hold
// New ones can't be created (retired); seeded ones can be edited
// and removed.
type MailboxSearch struct {
	Guid                string `json:"guid"`
	Name                string `json:"name"`
	InPlaceHoldIdentity string `json:"inPlaceHoldIdentity"` // hex32 or cld+hex32
	InPlaceHoldEnabled  bool   `json:"inPlaceHoldEnabled"`
	// ItemHoldPeriod is "Unlimited" or a number of days (can't be changed).
	ItemHoldPeriod string `json:"itemHoldPeriod"`
	// SourceMailboxes are LegacyExchangeDN values.
	SourceMailboxes []string                  `json:"sourceMailboxes"`
	SearchQuery     string                    `json:"searchQuery,omitempty"`
	Description     string                    `json:"description,omitempty"`
	Status          string                    `json:"status"`
	CreatedBy       string                    `json:"createdBy,omitempty"`
	LastModifiedBy  string                    `json:"lastModifiedBy,omitempty"`
	WhenCreated     time.Time                 `json:"whenCreated"`
	WhenChanged     time.Time                 `json:"whenChanged"`
	Extra           map[string]store.RawValue `json:"extra,omitempty"`
}

// HoldRemoval is one record of the hold-removal log
// (Invoke-HoldRemovalAction -Action GetHoldRemovals).
type HoldRemoval struct {
	Seq       int       `json:"seq"`
	Location  string    `json:"location"` // primary SMTP address of the mailbox
	Mailbox   string    `json:"mailboxGuid"`
	HoldID    string    `json:"holdId"`
	RemovedBy string    `json:"removedBy"`
	RemovedAt time.Time `json:"removedAt"`
	Forced    bool      `json:"forced,omitempty"`
}

// ItemLabel is a retention label put on a folder (or its items) of a
// mailbox (sim, Set-SimItemLabel).
type ItemLabel struct {
	FolderPath string    `json:"folderPath"`
	Tag        string    `json:"tag"` // label name
	Policy     string    `json:"policy,omitempty"`
	AppliedAt  time.Time `json:"appliedAt"`
}

// MailboxHoldState is the simulator's per-mailbox hold bookkeeping that has
// no Exchange property of its own: explicit org-wide exclusions
// (-ExcludeFromOrgHolds, RemoveHold of an org-wide ID), hold IDs removed by
// Invoke-HoldRemovalAction while their object still includes the mailbox,
// and labels on items.
type MailboxHoldState struct {
	MailboxGuid string `json:"mailboxGuid"`
	// ExcludedOrg lists org-wide policies (32 hex) the mailbox is excluded
	// from by an explicit action.
	ExcludedOrg []string `json:"excludedOrg,omitempty"`
	// Suppressed lists hold IDs removed with RemoveHold whose object still
	// covers the mailbox; they are not stamped again.
	Suppressed []string    `json:"suppressed,omitempty"`
	Labels     []ItemLabel `json:"labels,omitempty"`
}

func (s *MailboxHoldState) empty() bool {
	return len(s.ExcludedOrg) == 0 && len(s.Suppressed) == 0 && len(s.Labels) == 0
}

// --- record kinds -------------------------------------------------------------

// recordFields are the fields every named, Guid-keyed record has.
type recordFields struct {
	guid, name string
	// created and changed point at the record's WhenCreated and
	// WhenChanged.
	created, changed *time.Time
}

// recordKind describes a kind of record stored in one bucket under its
// lower-case Guid and found by name or Guid.
type recordKind[T any] struct {
	// records is the address of the kind's package variable, so that
	// declaring a recordKind runs no code.
	records **store.Kind[T]
	kind    string // NotFoundError.Kind
	// byName lists the records by name; otherwise by creation, then name.
	byName bool
	fields func(*T) recordFields
	// alias, when not nil, returns another identity the record is found
	// by.
	alias func(*T) string
}

// list returns the records of the kind that keep accepts (every record
// when keep is nil), in the kind's order.
func (k recordKind[T]) list(tx *store.Tx, keep func(*T) bool) ([]*T, error) {
	all, err := (*k.records).List(tx)
	if err != nil {
		return nil, err
	}
	out := all
	if keep != nil {
		out = nil
		for _, v := range all {
			if keep(v) {
				out = append(out, v)
			}
		}
	}
	name := func(v *T) string { return k.fields(v).name }
	if k.byName {
		store.SortByName(out, name)
	} else {
		sortHoldRecords(out, func(v *T) (time.Time, string) { return *k.fields(v).created, name(v) })
	}
	return out, nil
}

// match returns the first record named id (case-insensitive, outer
// whitespace ignored), known by id as its alias, or whose Guid id is; nil
// when there is none.
func (k recordKind[T]) match(xs []*T, id string) *T {
	id = strings.TrimSpace(id)
	g, isGuid := store.NormalizeGuid(id)
	for _, v := range xs {
		f := k.fields(v)
		if strings.EqualFold(f.name, id) || (k.alias != nil && strings.EqualFold(k.alias(v), id)) || (isGuid && f.guid == g) {
			return v
		}
	}
	return nil
}

// find resolves a record of the kind by name, alias or Guid.
func (k recordKind[T]) find(tx *store.Tx, identity string) (*T, error) {
	all, err := k.list(tx, nil)
	if err != nil {
		return nil, err
	}
	if v := k.match(all, identity); v != nil {
		return v, nil
	}
	return nil, &store.NotFoundError{Kind: k.kind, Key: identity}
}

// put stores a record under its lower-case Guid (WhenChanged = now).
func (k recordKind[T]) put(tx *store.Tx, v *T) error {
	f := k.fields(v)
	*f.changed = tx.Now()
	return (*k.records).Put(tx, strings.ToLower(f.guid), v)
}

// delete removes a record.
func (k recordKind[T]) delete(tx *store.Tx, v *T) error {
	_, err := (*k.records).Delete(tx, strings.ToLower(k.fields(v).guid))
	return err
}

var (
	compliancePolicyKind = recordKind[CompliancePolicy]{
		records: &compliancePolicyRecords, kind: "retentionCompliancePolicy",
		fields: func(p *CompliancePolicy) recordFields {
			return recordFields{p.Guid, p.Name, &p.WhenCreated, &p.WhenChanged}
		},
	}
	complianceRuleKind = recordKind[ComplianceRule]{
		records: &ComplianceRuleRecords, kind: "retentionComplianceRule",
		fields: func(r *ComplianceRule) recordFields {
			return recordFields{r.Guid, r.Name, &r.WhenCreated, &r.WhenChanged}
		},
	}
	adaptiveScopeKind = recordKind[AdaptiveScope]{
		records: &adaptiveScopeRecords, kind: "adaptiveScope",
		fields: func(s *AdaptiveScope) recordFields {
			return recordFields{s.Guid, s.Name, &s.WhenCreated, &s.WhenChanged}
		},
	}
	complianceTagKind = recordKind[ComplianceTag]{
		records: &complianceTagRecords, kind: "complianceTag",
		fields: func(t *ComplianceTag) recordFields {
			return recordFields{t.Guid, t.Name, &t.WhenCreated, &t.WhenChanged}
		},
	}
	complianceCaseKind = recordKind[ComplianceCase]{
		records: &complianceCaseRecords, kind: "complianceCase",
		fields: func(c *ComplianceCase) recordFields {
			return recordFields{c.Guid, c.Name, &c.WhenCreated, &c.WhenChanged}
		},
	}
	caseHoldPolicyKind = recordKind[CaseHoldPolicy]{
		records: &caseHoldPolicyRecords, kind: "caseHoldPolicy",
		fields: func(p *CaseHoldPolicy) recordFields {
			return recordFields{p.Guid, p.Name, &p.WhenCreated, &p.WhenChanged}
		},
	}
	caseHoldRuleKind = recordKind[CaseHoldRule]{
		records: &CaseHoldRuleRecords, kind: "caseHoldRule",
		fields: func(r *CaseHoldRule) recordFields {
			return recordFields{r.Guid, r.Name, &r.WhenCreated, &r.WhenChanged}
		},
	}
	mailboxSearchKind = recordKind[MailboxSearch]{
		records: &mailboxSearchRecords, kind: "mailboxSearch", byName: true,
		fields: func(s *MailboxSearch) recordFields {
			return recordFields{s.Guid, s.Name, &s.WhenCreated, &s.WhenChanged}
		},
		alias: func(s *MailboxSearch) string { return s.InPlaceHoldIdentity },
	}
)

// --- policies ---------------------------------------------------------------

// GetCompliancePolicy returns a compliance policy by Guid (dashed or 32
// hex).
func GetCompliancePolicy(tx *store.Tx, guid string) (*CompliancePolicy, error) {
	g, ok := store.NormalizeGuid(guid)
	if !ok {
		return nil, &store.NotFoundError{Kind: compliancePolicyKind.kind, Key: guid}
	}
	return compliancePolicyRecords.Load(tx, strings.ToLower(g), g)
}

// PutCompliancePolicy stores a compliance policy (WhenChanged = now).
func PutCompliancePolicy(tx *store.Tx, p *CompliancePolicy) error {
	g, ok := store.NormalizeGuid(p.Guid)
	if !ok {
		return &store.ValidationError{Field: "Guid", Message: "not a GUID: " + p.Guid}
	}
	p.Guid = g
	return compliancePolicyKind.put(tx, p)
}

// CompliancePolicies lists compliance policies of the given kinds (all
// kinds when none given), ordered by creation time then name.
func CompliancePolicies(tx *store.Tx, kinds ...string) ([]*CompliancePolicy, error) {
	return compliancePolicyKind.list(tx, func(p *CompliancePolicy) bool {
		return len(kinds) == 0 || hcontains(kinds, p.Kind)
	})
}

// FindCompliancePolicy resolves a policy by name, Guid (dashed or 32 hex)
// among the given kinds (all kinds when none given).
func FindCompliancePolicy(tx *store.Tx, identity string, kinds ...string) (*CompliancePolicy, error) {
	id := strings.TrimSpace(identity)
	if g, ok := store.NormalizeGuid(id); ok {
		p, err := GetCompliancePolicy(tx, g)
		if err == nil && (len(kinds) == 0 || hcontains(kinds, p.Kind)) {
			return p, nil
		}
		if err != nil && !store.IsNotFound(err) {
			return nil, err
		}
	}
	ps, err := CompliancePolicies(tx, kinds...)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if strings.EqualFold(p.Name, id) {
			return p, nil
		}
	}
	return nil, &store.NotFoundError{Kind: compliancePolicyKind.kind, Key: identity}
}

// PolicyRules returns the rules of a compliance policy, ordered by
// creation.
func PolicyRules(tx *store.Tx, policyGuid string) ([]*ComplianceRule, error) {
	return complianceRuleKind.list(tx, func(r *ComplianceRule) bool { return strings.EqualFold(r.Policy, policyGuid) })
}

// ComplianceRules lists the retention rules of the policies of the given
// kinds (every rule when none given), ordered by creation.
func ComplianceRules(tx *store.Tx, kinds ...string) ([]*ComplianceRule, error) {
	rs, err := complianceRuleKind.list(tx, nil)
	if err != nil || len(kinds) == 0 {
		return rs, err
	}
	var out []*ComplianceRule
	for _, r := range rs {
		if ok, err := ruleOfKinds(tx, r, kinds); err != nil {
			return nil, err
		} else if ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// FindComplianceRule resolves a rule by name or Guid among the rules of the
// policies of the given kinds (any rule when none given).
func FindComplianceRule(tx *store.Tx, identity string, kinds ...string) (*ComplianceRule, error) {
	r, err := complianceRuleKind.find(tx, identity)
	if err != nil || len(kinds) == 0 {
		return r, err
	}
	if ok, err := ruleOfKinds(tx, r, kinds); err != nil {
		return nil, err
	} else if !ok {
		return nil, &store.NotFoundError{Kind: complianceRuleKind.kind, Key: identity}
	}
	return r, nil
}

// ruleOfKinds reports whether the rule's policy is of one of the kinds.
func ruleOfKinds(tx *store.Tx, r *ComplianceRule, kinds []string) (bool, error) {
	p, err := GetCompliancePolicy(tx, r.Policy)
	if err != nil {
		if store.IsNotFound(err) {
			return false, nil
		}
		return false, err
	}
	return hcontains(kinds, p.Kind), nil
}

// PutComplianceRule stores a retention rule.
func PutComplianceRule(tx *store.Tx, r *ComplianceRule) error { return complianceRuleKind.put(tx, r) }

// --- adaptive scopes, labels ------------------------------------------------

// AdaptiveScopes lists the adaptive scopes ordered by creation.
func AdaptiveScopes(tx *store.Tx) ([]*AdaptiveScope, error) { return adaptiveScopeKind.list(tx, nil) }

// FindAdaptiveScope resolves a scope by name or Guid.
func FindAdaptiveScope(tx *store.Tx, identity string) (*AdaptiveScope, error) {
	return adaptiveScopeKind.find(tx, identity)
}

// PutAdaptiveScope stores an adaptive scope.
func PutAdaptiveScope(tx *store.Tx, s *AdaptiveScope) error { return adaptiveScopeKind.put(tx, s) }

// ComplianceTags lists the retention labels ordered by creation.
func ComplianceTags(tx *store.Tx) ([]*ComplianceTag, error) { return complianceTagKind.list(tx, nil) }

// FindComplianceTag resolves a retention label by name or Guid.
func FindComplianceTag(tx *store.Tx, identity string) (*ComplianceTag, error) {
	return complianceTagKind.find(tx, identity)
}

// PutComplianceTag stores a retention label.
func PutComplianceTag(tx *store.Tx, t *ComplianceTag) error { return complianceTagKind.put(tx, t) }

// --- cases --------------------------------------------------------------------

// ComplianceCases lists the eDiscovery cases ordered by creation.
func ComplianceCases(tx *store.Tx) ([]*ComplianceCase, error) {
	return complianceCaseKind.list(tx, nil)
}

// FindComplianceCase resolves a case by name or Guid.
func FindComplianceCase(tx *store.Tx, identity string) (*ComplianceCase, error) {
	return complianceCaseKind.find(tx, identity)
}

// PutComplianceCase stores a case.
func PutComplianceCase(tx *store.Tx, c *ComplianceCase) error { return complianceCaseKind.put(tx, c) }

// CaseHoldPolicies lists case hold policies (of one case when caseGuid is
// not empty), ordered by creation.
func CaseHoldPolicies(tx *store.Tx, caseGuid string) ([]*CaseHoldPolicy, error) {
	return caseHoldPolicyKind.list(tx, func(p *CaseHoldPolicy) bool {
		return caseGuid == "" || strings.EqualFold(p.Case, caseGuid)
	})
}

// FindCaseHoldPolicy resolves a case hold policy by name or Guid (with or
// without the UniH prefix).
func FindCaseHoldPolicy(tx *store.Tx, identity string) (*CaseHoldPolicy, error) {
	id := strings.TrimSpace(identity)
	if strings.HasPrefix(strings.ToLower(id), "unih") {
		if _, ok := store.NormalizeGuid(id[4:]); ok {
			id = id[4:]
		}
	}
	ps, err := CaseHoldPolicies(tx, "")
	if err != nil {
		return nil, err
	}
	if p := caseHoldPolicyKind.match(ps, id); p != nil {
		return p, nil
	}
	return nil, &store.NotFoundError{Kind: caseHoldPolicyKind.kind, Key: identity}
}

// PutCaseHoldPolicy stores a case hold policy.
func PutCaseHoldPolicy(tx *store.Tx, p *CaseHoldPolicy) error { return caseHoldPolicyKind.put(tx, p) }

// CaseHoldRules lists case hold rules (of one policy when policyGuid is not
// empty).
func CaseHoldRules(tx *store.Tx, policyGuid string) ([]*CaseHoldRule, error) {
	return caseHoldRuleKind.list(tx, func(r *CaseHoldRule) bool {
		return policyGuid == "" || strings.EqualFold(r.Policy, policyGuid)
	})
}

// FindCaseHoldRule resolves a case hold rule by name or Guid.
func FindCaseHoldRule(tx *store.Tx, identity string) (*CaseHoldRule, error) {
	return caseHoldRuleKind.find(tx, identity)
}

// PutCaseHoldRule stores a case hold rule.
func PutCaseHoldRule(tx *store.Tx, r *CaseHoldRule) error { return caseHoldRuleKind.put(tx, r) }

// --- In-Place holds -------------------------------------------------------------

// ListMailboxSearches lists the legacy In-Place holds / searches ordered by
// name.
func ListMailboxSearches(tx *store.Tx) ([]*MailboxSearch, error) {
	return mailboxSearchKind.list(tx, nil)
}

// GetMailboxSearch resolves an In-Place hold by name, Guid or
// InPlaceHoldIdentity (with its cld prefix if it has one).
func GetMailboxSearch(tx *store.Tx, nameOrHoldID string) (*MailboxSearch, error) {
	return mailboxSearchKind.find(tx, nameOrHoldID)
}

// PutMailboxSearch stores an In-Place hold record as it is (no stamping;
// use SetMailboxSearch for changes).
func PutMailboxSearch(tx *store.Tx, s *MailboxSearch) error { return mailboxSearchKind.put(tx, s) }

// --- hold-removal log and hold state -------------------------------------------

// HoldRemovals lists the hold-removal log in order.
func HoldRemovals(tx *store.Tx) ([]HoldRemoval, error) {
	var out []HoldRemoval
	err := holdRemovalRecords.ForEach(tx, "", func(_ string, r *HoldRemoval) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

func logHoldRemoval(tx *store.Tx, r HoldRemoval) error {
	n := holdRemovalRecords.Count(tx)
	r.Seq = n + 1
	return holdRemovalRecords.Put(tx, fmt.Sprintf("%08d", r.Seq), &r)
}

// holdState returns the simulator hold state of a mailbox (empty when none
// was stored).
func holdState(tx *store.Tx, guid string) (*MailboxHoldState, error) {
	s, ok, err := HoldStateRecords.Get(tx, strings.ToLower(guid))
	if err != nil {
		return nil, err
	}
	if !ok {
		s = &MailboxHoldState{MailboxGuid: strings.ToLower(guid)}
	}
	return s, nil
}

func putHoldState(tx *store.Tx, s *MailboxHoldState) error {
	s.MailboxGuid = strings.ToLower(s.MailboxGuid)
	if s.empty() {
		_, err := HoldStateRecords.Delete(tx, s.MailboxGuid)
		return err
	}
	return HoldStateRecords.Put(tx, s.MailboxGuid, s)
}

// MailboxLabels returns the retention labels put on a mailbox's folders.
func MailboxLabels(tx *store.Tx, guid string) ([]ItemLabel, error) {
	s, err := holdState(tx, guid)
	if err != nil {
		return nil, err
	}
	return s.Labels, nil
}

// --- helpers ----------------------------------------------------------------------

func hcontains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func hremove(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if !strings.EqualFold(x, s) {
			out = append(out, x)
		}
	}
	return out
}

func sortHoldRecords[T any](xs []*T, key func(*T) (time.Time, string)) {
	sort.SliceStable(xs, func(i, j int) bool {
		ti, ni := key(xs[i])
		tj, nj := key(xs[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return strings.ToLower(ni) < strings.ToLower(nj)
	})
}

// checkHoldReferences verifies the references among hold objects: a
// retention rule's policy, a case hold rule's policy, a case hold
// policy's case, an adaptive policy's scopes, and the mailbox of each
// hold bookkeeping record. (A hold ID stamped on a mailbox may outlive its
// policy: orphaned holds are real, and Invoke-HoldRemovalAction and
// -RemoveOrphanedHolds exist for them.)
func checkHoldReferences(tx *store.Tx, report func(store.Finding)) error {
	policies, err := CompliancePolicies(tx)
	if err != nil {
		return err
	}
	policyByGuid := map[string]bool{}
	for _, p := range policies {
		policyByGuid[strings.ToLower(p.Guid)] = true
	}
	scopes, err := AdaptiveScopes(tx)
	if err != nil {
		return err
	}
	scopeByGuid := map[string]bool{}
	for _, sc := range scopes {
		scopeByGuid[strings.ToLower(sc.Guid)] = true
	}
	for _, p := range policies {
		for _, g := range p.AdaptiveScopeLocation {
			if !scopeByGuid[strings.ToLower(g)] {
				report(store.Finding{Kind: "retentionCompliancePolicy", Key: p.Guid, Message: fmt.Sprintf("policy %s names adaptive scope %s, which does not exist", p.Name, g)})
			}
		}
	}
	rules, err := ComplianceRules(tx)
	if err != nil {
		return err
	}
	for _, r := range rules {
		if !policyByGuid[strings.ToLower(r.Policy)] {
			report(store.Finding{Kind: "retentionComplianceRule", Key: r.Guid, Message: fmt.Sprintf("rule %s belongs to policy %s, which does not exist", r.Name, r.Policy)})
		}
	}
	cases, err := ComplianceCases(tx)
	if err != nil {
		return err
	}
	caseByGuid := map[string]bool{}
	for _, c := range cases {
		caseByGuid[strings.ToLower(c.Guid)] = true
	}
	holdPolicies, err := CaseHoldPolicies(tx, "")
	if err != nil {
		return err
	}
	holdByGuid := map[string]bool{}
	for _, p := range holdPolicies {
		holdByGuid[strings.ToLower(p.Guid)] = true
		if !caseByGuid[strings.ToLower(p.Case)] {
			report(store.Finding{Kind: "caseHoldPolicy", Key: p.Guid, Message: fmt.Sprintf("case hold policy %s belongs to case %s, which does not exist", p.Name, p.Case)})
		}
	}
	holdRules, err := CaseHoldRules(tx, "")
	if err != nil {
		return err
	}
	for _, r := range holdRules {
		if !holdByGuid[strings.ToLower(r.Policy)] {
			report(store.Finding{Kind: "caseHoldRule", Key: r.Guid, Message: fmt.Sprintf("case hold rule %s belongs to case hold policy %s, which does not exist", r.Name, r.Policy)})
		}
	}
	return HoldStateRecords.ForEach(tx, "", func(key string, st *MailboxHoldState) error {
		if _, err := directory.GetMailbox(tx, st.MailboxGuid); store.IsNotFound(err) {
			report(store.Finding{Kind: "mailboxHoldState", Key: key, Message: fmt.Sprintf("hold state of mailbox %s, which does not exist", st.MailboxGuid)})
		} else if err != nil {
			return err
		}
		return nil
	})
}
