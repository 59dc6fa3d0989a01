package seed

import (
	"time"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/mrm"
)

// Fixed IDs of the holds objects of the contoso seed: the retention,
// app, adaptive and label policies, the eDiscovery case with its hold,
// the legacy In-Place hold and the MRM policy the holds scenarios and labs
// use (identifying every hold on an inactive mailbox, removing them,
// Preservation Lock, recovering an inactive mailbox, item ages).
const (
	// OrgRetainPolicyGuid is "Org Retain 7y": org-wide (ExchangeLocation
	// All), KeepAndDelete 2,555 days. Seeded switched off (Enabled False)
	// so deletions in other sessions stay plain soft deletions; scenarios
	// switch it on.
	OrgRetainPolicyGuid = "7cfb3034-5d45-4ac0-a989-ab3041051209"
	// LegalKeepPolicyGuid is "Legal Keep": static, specific locations
	// pilarp and abrahamm, Keep unlimited; enabled.
	LegalKeepPolicyGuid = "cdbbb86c-e603-4248-9bff-371876e7f224"
	// SECPolicyGuid is "SEC 17a-4": org-wide Keep 2,190 days, not
	// locked; seeded switched off like Org Retain 7y.
	SECPolicyGuid = "e9b52bf7-ab3b-46a2-8630-8ecb29624696"
	// AppPolicyGuid is "Teams Private Channels 3y": app retention
	// policy for all mailboxes (User:MicrosoftTeams), KeepAndDelete 1,095
	// days; seeded switched off (an app retention policy stamps every
	// mailbox, so switched on it would hold them all).
	AppPolicyGuid = "5b4f1c2e-8d3a-4e6b-9f21-7c0d4a8e3b19"
	// AdaptivePolicyGuid is "R&D Adaptive Keep": adaptive policy on
	// the scope "R&D users", Keep 3,650 days; enabled (stamps gradya and
	// henriettam).
	AdaptivePolicyGuid = "a4d2e8f1-3c6b-4b7a-8e95-2f1d0c7b6a34"
	// AdaptiveScopeGuid is "R&D users": simple query Department equals
	// "Research & Development".
	AdaptiveScopeGuid = "c2e7a9d4-1b8f-4e36-a5c0-9d3f7b2e1a86"
	// LabelPolicyGuid is "Legal Records Labels": label policy
	// publishing the seeded labels to adelev and alexw.
	LabelPolicyGuid = "d8b1f4a7-6e2c-4d95-b3a8-0c7e5f9a2d61"
	// LabelKeepGuid is the retention label "Legal Record - Keep 10y"
	// (Keep, 3,650 days).
	LabelKeepGuid = "e1c5a8d2-4f7b-4a36-9d0e-8b2c6f1a7e93"
	// LabelDeleteGuid is the retention label "Delete after 1 year"
	// (Delete, 365 days).
	LabelDeleteGuid = "f3a7c1e9-2d5b-4c84-a6f0-1e9d8b3c5a72"
	// CaseGuid is the eDiscovery case "Contoso v. Fabrikam" (Active).
	CaseGuid = "3f6c2a1b-9e4d-4c7a-b8f5-6d2e0a9c1b47"
	// CaseHoldGuid is the case hold "Fabrikam Hold" on abrahamm
	// (stamp UniH7d895d48-7e23-4a8d-8346-533c3beac15d).
	CaseHoldGuid = "7d895d48-7e23-4a8d-8346-533c3beac15d"
	// CaseHoldRuleGuid is the rule of the case hold.
	CaseHoldRuleGuid = "8e2b4d6f-1a3c-4e5b-9d7f-0c2e4a6b8d19"
	// InPlaceHoldIdentity is the legacy In-Place hold "Contoso Legal
	// Hold" with source pilarp.
	InPlaceHoldIdentity = "c0ba3ce811b6432a8751430937152491"
	// InPlaceSearchGuid is the MailboxSearch object of that hold.
	InPlaceSearchGuid = "0b6d2f8a-4c1e-4a9b-8d3f-5e7a1c9b2d40"
	// OrphanHoldID is an orphaned legacy In-Place hold (its search was
	// deleted long ago) left on nestorw, for -RemoveOrphanedHolds.
	OrphanHoldID = "cld9c0a984ca74b457fbe4504bf7d3e00de"
	// MRMPolicyGuid is the Exchange "Default MRM Policy".
	MRMPolicyGuid = "3a9c5e1b-7d2f-4b8a-9c6e-1f0d4b7a2e58"
)

var seedRuleGuids = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		OrgRetainPolicyGuid: "7cfb3034-0000-4ac0-a989-ab3041051210",
		LegalKeepPolicyGuid: "cdbbb86c-0000-4248-9bff-371876e7f225",
		SECPolicyGuid:       "e9b52bf7-0000-46a2-8630-8ecb29624697",
		AppPolicyGuid:       "5b4f1c2e-0000-4e6b-9f21-7c0d4a8e3b20",
		AdaptivePolicyGuid:  "a4d2e8f1-0000-4b7a-8e95-2f1d0c7b6a35",
		LabelPolicyGuid:     "d8b1f4a7-0000-4d95-b3a8-0c7e5f9a2d62",
	}
}}

// seedMRMTags are the tags of Exchange Online's Default MRM Policy.
var seedMRMTags = []struct {
	name, typ, action, guid string
	days                    int
	enabled                 bool
}{
	{"Default 2 year move to archive", "All", mrm.MRMMoveToArchive, "a1b2c3d4-0001-4a00-8000-000000000001", 730, true},
	{"Recoverable Items 14 days move to archive", "RecoverableItems", mrm.MRMMoveToArchive, "a1b2c3d4-0002-4a00-8000-000000000002", 14, true},
	{"Personal 1 year move to archive", "Personal", mrm.MRMMoveToArchive, "a1b2c3d4-0003-4a00-8000-000000000003", 365, true},
	{"Personal 5 year move to archive", "Personal", mrm.MRMMoveToArchive, "a1b2c3d4-0004-4a00-8000-000000000004", 1825, true},
	{"Personal never move to archive", "Personal", mrm.MRMMoveToArchive, "a1b2c3d4-0005-4a00-8000-000000000005", 0, false},
	{"1 Week Delete", "Personal", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-0006-4a00-8000-000000000006", 7, true},
	{"1 Month Delete", "Personal", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-0007-4a00-8000-000000000007", 30, true},
	{"6 Month Delete", "Personal", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-0008-4a00-8000-000000000008", 180, true},
	{"1 Year Delete", "Personal", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-0009-4a00-8000-000000000009", 365, true},
	{"5 Year Delete", "Personal", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-000a-4a00-8000-00000000000a", 1825, true},
	{"Never Delete", "Personal", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-000b-4a00-8000-00000000000b", 0, false},
	{"Deleted Items", "DeletedItems", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-000c-4a00-8000-00000000000c", 30, true},
	{"Junk Email", "JunkEmail", mrm.MRMDeleteAndAllowRecovery, "a1b2c3d4-000d-4a00-8000-00000000000d", 30, true},
}

// seedHolds adds the holds objects of the contoso seed. It uses fixed
// GUIDs only (no generator calls), so the IDs of everything else seeded
// are unchanged; mailboxes stay Active.
func seedHolds(tx *store.Tx, clock time.Time) error {
	created := clock.Add(-400 * store.Day).Truncate(time.Second)
	admin := AdminUPN
	mbx := func(alias string) (holds.PolicyLocation, error) {
		m, err := directory.ResolveMailbox(tx, alias, directory.ScopeActive)
		if err != nil {
			return holds.PolicyLocation{}, err
		}
		return holds.PolicyLocation{Address: m.PrimarySmtpAddress, MailboxGuid: m.Guid}, nil
	}
	locs := func(aliases ...string) ([]holds.PolicyLocation, error) {
		out := []holds.PolicyLocation{}
		for _, a := range aliases {
			l, err := mbx(a)
			if err != nil {
				return nil, err
			}
			out = append(out, l)
		}
		return out, nil
	}

	// Labels.
	for _, t := range []*holds.ComplianceTag{
		{Guid: LabelKeepGuid, Name: "Legal Record - Keep 10y", RetentionAction: holds.ActionKeep, RetentionDuration: 3650,
			RetentionType: "CreationAgeInDays", Comment: "Legal records kept for ten years"},
		{Guid: LabelDeleteGuid, Name: "Delete after 1 year", RetentionAction: holds.ActionDelete, RetentionDuration: 365,
			RetentionType: "CreationAgeInDays"},
	} {
		created = created.Add(time.Minute)
		t.WhenCreated, t.CreatedBy, t.LastModifiedBy = created.Add(time.Hour), admin, admin
		if err := holds.PutComplianceTag(tx, t); err != nil {
			return err
		}
	}

	// Adaptive scope.
	if err := holds.PutAdaptiveScope(tx, &holds.AdaptiveScope{Guid: AdaptiveScopeGuid, Name: "R&D users", LocationType: "User",
		FilterConditions: `{"Conditions":[{"Value":"Research & Development","Operator":"Equals","Name":"Department"}],"Conjunction":"And"}`,
		WhenCreated:      created.Add(2 * time.Hour), CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}

	// Retention policies and rules.
	legal, err := locs("pilarp", "abrahamm")
	if err != nil {
		return err
	}
	labelLocs, err := locs("adelev", "alexw")
	if err != nil {
		return err
	}
	type pol struct {
		p      *holds.CompliancePolicy
		action string
		days   int
		unl    bool
		rule   string
	}
	pols := []pol{
		{&holds.CompliancePolicy{Guid: OrgRetainPolicyGuid, Name: "Org Retain 7y", Kind: holds.PolicyKindRetention, ExchangeAll: true,
			Comment: "Keep all mail for seven years, then delete it"}, holds.ActionKeepAndDelete, 2555, false, "Org Retain 7y rule"},
		{&holds.CompliancePolicy{Guid: LegalKeepPolicyGuid, Name: "Legal Keep", Kind: holds.PolicyKindRetention, Enabled: true,
			ExchangeLocation: legal}, holds.ActionKeep, 0, true, "Legal Keep rule"},
		{&holds.CompliancePolicy{Guid: SECPolicyGuid, Name: "SEC 17a-4", Kind: holds.PolicyKindRetention, ExchangeAll: true,
			Comment: "Broker-dealer records (SEC Rule 17a-4)"}, holds.ActionKeep, 2190, false, "SEC 17a-4 rule"},
		{&holds.CompliancePolicy{Guid: AppPolicyGuid, Name: "Teams Private Channels 3y", Kind: holds.PolicyKindApp, ExchangeAll: true,
			Applications: []string{"User:MicrosoftTeams"}}, holds.ActionKeepAndDelete, 1095, false, "Teams Private Channels 3y rule"},
		{&holds.CompliancePolicy{Guid: AdaptivePolicyGuid, Name: "R&D Adaptive Keep", Kind: holds.PolicyKindRetention, Enabled: true,
			AdaptiveScopeLocation: []string{AdaptiveScopeGuid}}, holds.ActionKeep, 3650, false, "R&D Adaptive Keep rule"},
		{&holds.CompliancePolicy{Guid: LabelPolicyGuid, Name: "Legal Records Labels", Kind: holds.PolicyKindLabel, Enabled: true,
			ExchangeLocation: labelLocs, PublishedLabels: []string{"Legal Record - Keep 10y", "Delete after 1 year"}}, "", 0, false, "Legal Records Labels rule"},
	}
	for i, x := range pols {
		p := x.p
		p.Mode = "Enforce"
		if p.ExchangeLocation == nil {
			p.ExchangeLocation = []holds.PolicyLocation{}
		}
		p.ExchangeLocationException = []holds.PolicyLocation{}
		p.WhenCreated = created.Add(time.Duration(3+i) * time.Hour)
		p.CreatedBy, p.LastModifiedBy = admin, admin
		if err := holds.PutCompliancePolicy(tx, p); err != nil {
			return err
		}
		r := &holds.ComplianceRule{Guid: seedRuleGuids.Get()[p.Guid], Name: x.rule, Policy: p.Guid, RetentionDuration: x.days,
			RetentionUnlimited: x.unl, RetentionComplianceAction: x.action, Mode: "Enforce",
			WhenCreated: p.WhenCreated.Add(time.Minute), CreatedBy: admin, LastModifiedBy: admin}
		if x.action != "" {
			r.ExpirationDateOption = "CreationAgeInDays"
		}
		if p.Kind == holds.PolicyKindLabel {
			r.PublishComplianceTag = "Legal Record - Keep 10y,Delete after 1 year"
		}
		if err := holds.PutComplianceRule(tx, r); err != nil {
			return err
		}
	}

	// eDiscovery case with a hold on abrahamm.
	if err := holds.PutComplianceCase(tx, &holds.ComplianceCase{Guid: CaseGuid, Name: "Contoso v. Fabrikam", CaseType: "eDiscovery",
		Status: holds.CaseActive, Description: "Contract dispute with Fabrikam", WhenCreated: created.Add(10 * time.Hour),
		CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}
	caseLocs, err := locs("abrahamm")
	if err != nil {
		return err
	}
	if err := holds.PutCaseHoldPolicy(tx, &holds.CaseHoldPolicy{Guid: CaseHoldGuid, Name: "Fabrikam Hold", Case: CaseGuid, Enabled: true,
		ExchangeLocation: caseLocs, WhenCreated: created.Add(11 * time.Hour), CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}
	if err := holds.PutCaseHoldRule(tx, &holds.CaseHoldRule{Guid: CaseHoldRuleGuid, Name: "Fabrikam Hold rule", Policy: CaseHoldGuid,
		WhenCreated: created.Add(11*time.Hour + time.Minute), CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}

	// Legacy In-Place hold on pilarp, created before the retirement.
	pilarp, err := directory.ResolveMailbox(tx, "pilarp", directory.ScopeActive)
	if err != nil {
		return err
	}
	ipCreated := time.Date(2019, time.November, 12, 17, 42, 8, 0, time.UTC)
	if err := holds.PutMailboxSearch(tx, &holds.MailboxSearch{Guid: InPlaceSearchGuid, Name: "Contoso Legal Hold",
		InPlaceHoldIdentity: InPlaceHoldIdentity, InPlaceHoldEnabled: true, ItemHoldPeriod: "Unlimited",
		SourceMailboxes: []string{pilarp.LegacyExchangeDN}, Status: "Succeeded", CreatedBy: admin, LastModifiedBy: admin,
		WhenCreated: ipCreated}); err != nil {
		return err
	}
	// An orphaned legacy hold on nestorw (its search no longer exists).
	nestorw, err := directory.ResolveMailbox(tx, "nestorw", directory.ScopeActive)
	if err != nil {
		return err
	}
	nestorw.InPlaceHolds = append(nestorw.InPlaceHolds, OrphanHoldID)
	if err := directory.PutMailbox(tx, nestorw); err != nil {
		return err
	}
	// Exchange's own MRM retention policy, the one every seeded mailbox
	// names in its RetentionPolicy property.
	if err := seedMRM(tx, clock.Add(-800*store.Day).Truncate(time.Second)); err != nil {
		return err
	}
	return holds.RecomputeAllHolds(tx)
}

// seedMRM adds Exchange Online's Default MRM Policy and its tags (the
// retention tags Exchange Online ships), created at the given time.
func seedMRM(tx *store.Tx, created time.Time) error {
	var links []string
	for i, t := range seedMRMTags {
		tag := &mrm.MRMTag{Guid: t.guid, Name: t.name, Type: t.typ, RetentionEnabled: t.enabled, RetentionAction: t.action,
			AgeLimitForRetention: t.days, RetentionID: t.guid, WhenCreated: created.Add(time.Duration(i) * time.Second)}
		if err := mrm.PutMRMTag(tx, tag); err != nil {
			return err
		}
		links = append(links, t.name)
	}
	if err := mrm.PutMRMPolicy(tx, &mrm.MRMPolicy{Guid: MRMPolicyGuid, Name: "Default MRM Policy", RetentionPolicyTagLinks: links,
		IsDefault: true, RetentionID: MRMPolicyGuid, WhenCreated: created}); err != nil {
		return err
	}
	return nil
}
