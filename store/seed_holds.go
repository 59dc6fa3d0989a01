package store

import (
	"time"
)

// Fixed IDs of the holds objects of the contoso seed (domain.md §9 S2–S5,
// S10; seeds 002 and 004).
const (
	// SeedOrgRetainPolicyGuid is "Org Retain 7y": org-wide (ExchangeLocation
	// All), KeepAndDelete 2,555 days. Seeded switched off (Enabled False)
	// so deletions in other sessions stay plain soft deletions; scenarios
	// switch it on.
	SeedOrgRetainPolicyGuid = "7cfb3034-5d45-4ac0-a989-ab3041051209"
	// SeedLegalKeepPolicyGuid is "Legal Keep": static, specific locations
	// pilarp and abrahamm, Keep unlimited; enabled.
	SeedLegalKeepPolicyGuid = "cdbbb86c-e603-4248-9bff-371876e7f224"
	// SeedSECPolicyGuid is "SEC 17a-4": org-wide Keep 2,190 days, not
	// locked; seeded switched off like Org Retain 7y.
	SeedSECPolicyGuid = "e9b52bf7-ab3b-46a2-8630-8ecb29624696"
	// SeedAppPolicyGuid is "Teams Private Channels 3y": app retention
	// policy for all mailboxes (User:MicrosoftTeams), KeepAndDelete 1,095
	// days; seeded switched off (it would hold every mailbox, D-6).
	SeedAppPolicyGuid = "5b4f1c2e-8d3a-4e6b-9f21-7c0d4a8e3b19"
	// SeedAdaptivePolicyGuid is "R&D Adaptive Keep": adaptive policy on
	// the scope "R&D users", Keep 3,650 days; enabled (stamps gradya and
	// henriettam).
	SeedAdaptivePolicyGuid = "a4d2e8f1-3c6b-4b7a-8e95-2f1d0c7b6a34"
	// SeedAdaptiveScopeGuid is "R&D users": simple query Department equals
	// "Research & Development".
	SeedAdaptiveScopeGuid = "c2e7a9d4-1b8f-4e36-a5c0-9d3f7b2e1a86"
	// SeedLabelPolicyGuid is "Legal Records Labels": label policy
	// publishing the seeded labels to adelev and alexw.
	SeedLabelPolicyGuid = "d8b1f4a7-6e2c-4d95-b3a8-0c7e5f9a2d61"
	// SeedLabelKeepGuid is the retention label "Legal Record - Keep 10y"
	// (Keep, 3,650 days).
	SeedLabelKeepGuid = "e1c5a8d2-4f7b-4a36-9d0e-8b2c6f1a7e93"
	// SeedLabelDeleteGuid is the retention label "Delete after 1 year"
	// (Delete, 365 days).
	SeedLabelDeleteGuid = "f3a7c1e9-2d5b-4c84-a6f0-1e9d8b3c5a72"
	// SeedCaseGuid is the eDiscovery case "Contoso v. Fabrikam" (Active).
	SeedCaseGuid = "3f6c2a1b-9e4d-4c7a-b8f5-6d2e0a9c1b47"
	// SeedCaseHoldGuid is the case hold "Fabrikam Hold" on abrahamm
	// (stamp UniH7d895d48-7e23-4a8d-8346-533c3beac15d).
	SeedCaseHoldGuid = "7d895d48-7e23-4a8d-8346-533c3beac15d"
	// SeedCaseHoldRuleGuid is the rule of the case hold.
	SeedCaseHoldRuleGuid = "8e2b4d6f-1a3c-4e5b-9d7f-0c2e4a6b8d19"
	// SeedInPlaceHoldIdentity is the legacy In-Place hold "Contoso Legal
	// Hold" with source pilarp.
	SeedInPlaceHoldIdentity = "c0ba3ce811b6432a8751430937152491"
	// SeedInPlaceSearchGuid is the MailboxSearch object of that hold.
	SeedInPlaceSearchGuid = "0b6d2f8a-4c1e-4a9b-8d3f-5e7a1c9b2d40"
	// SeedOrphanHoldID is an orphaned legacy In-Place hold (its search was
	// deleted long ago) left on nestorw, for -RemoveOrphanedHolds.
	SeedOrphanHoldID = "cld9c0a984ca74b457fbe4504bf7d3e00de"
	// SeedMRMPolicyGuid is the Exchange "Default MRM Policy".
	SeedMRMPolicyGuid = "3a9c5e1b-7d2f-4b8a-9c6e-1f0d4b7a2e58"
)

var seedRuleGuids = map[string]string{
	SeedOrgRetainPolicyGuid: "7cfb3034-0000-4ac0-a989-ab3041051210",
	SeedLegalKeepPolicyGuid: "cdbbb86c-0000-4248-9bff-371876e7f225",
	SeedSECPolicyGuid:       "e9b52bf7-0000-46a2-8630-8ecb29624697",
	SeedAppPolicyGuid:       "5b4f1c2e-0000-4e6b-9f21-7c0d4a8e3b20",
	SeedAdaptivePolicyGuid:  "a4d2e8f1-0000-4b7a-8e95-2f1d0c7b6a35",
	SeedLabelPolicyGuid:     "d8b1f4a7-0000-4d95-b3a8-0c7e5f9a2d62",
}

// seedMRMTags are the tags of Exchange Online's Default MRM Policy.
var seedMRMTags = []struct {
	name, typ, action, guid string
	days                    int
	enabled                 bool
}{
	{"Default 2 year move to archive", "All", MRMMoveToArchive, "a1b2c3d4-0001-4a00-8000-000000000001", 730, true},
	{"Recoverable Items 14 days move to archive", "RecoverableItems", MRMMoveToArchive, "a1b2c3d4-0002-4a00-8000-000000000002", 14, true},
	{"Personal 1 year move to archive", "Personal", MRMMoveToArchive, "a1b2c3d4-0003-4a00-8000-000000000003", 365, true},
	{"Personal 5 year move to archive", "Personal", MRMMoveToArchive, "a1b2c3d4-0004-4a00-8000-000000000004", 1825, true},
	{"Personal never move to archive", "Personal", MRMMoveToArchive, "a1b2c3d4-0005-4a00-8000-000000000005", 0, false},
	{"1 Week Delete", "Personal", MRMDeleteAndAllowRecovery, "a1b2c3d4-0006-4a00-8000-000000000006", 7, true},
	{"1 Month Delete", "Personal", MRMDeleteAndAllowRecovery, "a1b2c3d4-0007-4a00-8000-000000000007", 30, true},
	{"6 Month Delete", "Personal", MRMDeleteAndAllowRecovery, "a1b2c3d4-0008-4a00-8000-000000000008", 180, true},
	{"1 Year Delete", "Personal", MRMDeleteAndAllowRecovery, "a1b2c3d4-0009-4a00-8000-000000000009", 365, true},
	{"5 Year Delete", "Personal", MRMDeleteAndAllowRecovery, "a1b2c3d4-000a-4a00-8000-00000000000a", 1825, true},
	{"Never Delete", "Personal", MRMDeleteAndAllowRecovery, "a1b2c3d4-000b-4a00-8000-00000000000b", 0, false},
	{"Deleted Items", "DeletedItems", MRMDeleteAndAllowRecovery, "a1b2c3d4-000c-4a00-8000-00000000000c", 30, true},
	{"Junk Email", "JunkEmail", MRMDeleteAndAllowRecovery, "a1b2c3d4-000d-4a00-8000-00000000000d", 30, true},
}

// seedHolds adds the holds objects of the contoso seed. It uses fixed
// GUIDs only (no generator calls), so the IDs of everything else seeded
// are unchanged; mailboxes stay Active.
func (tx *Tx) seedHolds(clock time.Time) error {
	created := clock.Add(-400 * Day).Truncate(time.Second)
	admin := SeedAdminUPN
	mbx := func(alias string) (PolicyLocation, error) {
		m, err := tx.ResolveMailbox(alias, ScopeActive)
		if err != nil {
			return PolicyLocation{}, err
		}
		return PolicyLocation{Address: m.PrimarySmtpAddress, MailboxGuid: m.Guid}, nil
	}
	locs := func(aliases ...string) ([]PolicyLocation, error) {
		out := []PolicyLocation{}
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
	for _, t := range []*ComplianceTag{
		{Guid: SeedLabelKeepGuid, Name: "Legal Record - Keep 10y", RetentionAction: ActionKeep, RetentionDuration: 3650,
			RetentionType: "CreationAgeInDays", Comment: "Legal records kept for ten years"},
		{Guid: SeedLabelDeleteGuid, Name: "Delete after 1 year", RetentionAction: ActionDelete, RetentionDuration: 365,
			RetentionType: "CreationAgeInDays"},
	} {
		created = created.Add(time.Minute)
		t.WhenCreated, t.CreatedBy, t.LastModifiedBy = created.Add(time.Hour), admin, admin
		if err := tx.PutComplianceTag(t); err != nil {
			return err
		}
	}

	// Adaptive scope.
	if err := tx.PutAdaptiveScope(&AdaptiveScope{Guid: SeedAdaptiveScopeGuid, Name: "R&D users", LocationType: "User",
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
		p      *CompliancePolicy
		action string
		days   int
		unl    bool
		rule   string
	}
	pols := []pol{
		{&CompliancePolicy{Guid: SeedOrgRetainPolicyGuid, Name: "Org Retain 7y", Kind: PolicyKindRetention, ExchangeAll: true,
			Comment: "Keep all mail for seven years, then delete it"}, ActionKeepAndDelete, 2555, false, "Org Retain 7y rule"},
		{&CompliancePolicy{Guid: SeedLegalKeepPolicyGuid, Name: "Legal Keep", Kind: PolicyKindRetention, Enabled: true,
			ExchangeLocation: legal}, ActionKeep, 0, true, "Legal Keep rule"},
		{&CompliancePolicy{Guid: SeedSECPolicyGuid, Name: "SEC 17a-4", Kind: PolicyKindRetention, ExchangeAll: true,
			Comment: "Broker-dealer records (SEC Rule 17a-4)"}, ActionKeep, 2190, false, "SEC 17a-4 rule"},
		{&CompliancePolicy{Guid: SeedAppPolicyGuid, Name: "Teams Private Channels 3y", Kind: PolicyKindApp, ExchangeAll: true,
			Applications: []string{"User:MicrosoftTeams"}}, ActionKeepAndDelete, 1095, false, "Teams Private Channels 3y rule"},
		{&CompliancePolicy{Guid: SeedAdaptivePolicyGuid, Name: "R&D Adaptive Keep", Kind: PolicyKindRetention, Enabled: true,
			AdaptiveScopeLocation: []string{SeedAdaptiveScopeGuid}}, ActionKeep, 3650, false, "R&D Adaptive Keep rule"},
		{&CompliancePolicy{Guid: SeedLabelPolicyGuid, Name: "Legal Records Labels", Kind: PolicyKindLabel, Enabled: true,
			ExchangeLocation: labelLocs, PublishedLabels: []string{"Legal Record - Keep 10y", "Delete after 1 year"}}, "", 0, false, "Legal Records Labels rule"},
	}
	for i, x := range pols {
		p := x.p
		p.Mode = "Enforce"
		if p.ExchangeLocation == nil {
			p.ExchangeLocation = []PolicyLocation{}
		}
		p.ExchangeLocationException = []PolicyLocation{}
		p.WhenCreated = created.Add(time.Duration(3+i) * time.Hour)
		p.CreatedBy, p.LastModifiedBy = admin, admin
		if err := tx.PutCompliancePolicy(p); err != nil {
			return err
		}
		r := &ComplianceRule{Guid: seedRuleGuids[p.Guid], Name: x.rule, Policy: p.Guid, RetentionDuration: x.days,
			RetentionUnlimited: x.unl, RetentionComplianceAction: x.action, Mode: "Enforce",
			WhenCreated: p.WhenCreated.Add(time.Minute), CreatedBy: admin, LastModifiedBy: admin}
		if x.action != "" {
			r.ExpirationDateOption = "CreationAgeInDays"
		}
		if p.Kind == PolicyKindLabel {
			r.PublishComplianceTag = "Legal Record - Keep 10y,Delete after 1 year"
		}
		if err := tx.PutComplianceRule(r); err != nil {
			return err
		}
	}

	// eDiscovery case with a hold on abrahamm.
	if err := tx.PutComplianceCase(&ComplianceCase{Guid: SeedCaseGuid, Name: "Contoso v. Fabrikam", CaseType: "eDiscovery",
		Status: CaseActive, Description: "Contract dispute with Fabrikam", WhenCreated: created.Add(10 * time.Hour),
		CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}
	caseLocs, err := locs("abrahamm")
	if err != nil {
		return err
	}
	if err := tx.PutCaseHoldPolicy(&CaseHoldPolicy{Guid: SeedCaseHoldGuid, Name: "Fabrikam Hold", Case: SeedCaseGuid, Enabled: true,
		ExchangeLocation: caseLocs, WhenCreated: created.Add(11 * time.Hour), CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}
	if err := tx.PutCaseHoldRule(&CaseHoldRule{Guid: SeedCaseHoldRuleGuid, Name: "Fabrikam Hold rule", Policy: SeedCaseHoldGuid,
		WhenCreated: created.Add(11*time.Hour + time.Minute), CreatedBy: admin, LastModifiedBy: admin}); err != nil {
		return err
	}

	// Legacy In-Place hold on pilarp, created before the retirement.
	pilarp, err := tx.ResolveMailbox("pilarp", ScopeActive)
	if err != nil {
		return err
	}
	ipCreated := time.Date(2019, time.November, 12, 17, 42, 8, 0, time.UTC)
	if err := tx.PutMailboxSearch(&MailboxSearch{Guid: SeedInPlaceSearchGuid, Name: "Contoso Legal Hold",
		InPlaceHoldIdentity: SeedInPlaceHoldIdentity, InPlaceHoldEnabled: true, ItemHoldPeriod: "Unlimited",
		SourceMailboxes: []string{pilarp.LegacyExchangeDN}, Status: "Succeeded", CreatedBy: admin, LastModifiedBy: admin,
		WhenCreated: ipCreated}); err != nil {
		return err
	}
	// An orphaned legacy hold on nestorw (its search no longer exists).
	nestorw, err := tx.ResolveMailbox("nestorw", ScopeActive)
	if err != nil {
		return err
	}
	nestorw.InPlaceHolds = append(nestorw.InPlaceHolds, SeedOrphanHoldID)
	if err := tx.PutMailbox(nestorw); err != nil {
		return err
	}
	// Exchange's own MRM retention policy, the one every seeded mailbox
	// names in its RetentionPolicy property.
	if err := tx.seedMRM(clock.Add(-800 * Day).Truncate(time.Second)); err != nil {
		return err
	}
	return tx.RecomputeAllHolds()
}

// seedMRM adds Exchange Online's Default MRM Policy and its tags (the
// retention tags Exchange Online ships), created at the given time.
func (tx *Tx) seedMRM(created time.Time) error {
	var links []string
	for i, t := range seedMRMTags {
		tag := &MRMTag{Guid: t.guid, Name: t.name, Type: t.typ, RetentionEnabled: t.enabled, RetentionAction: t.action,
			AgeLimitForRetention: t.days, RetentionID: t.guid, WhenCreated: created.Add(time.Duration(i) * time.Second)}
		if err := tx.PutMRMTag(tag); err != nil {
			return err
		}
		links = append(links, t.name)
	}
	if err := tx.PutMRMPolicy(&MRMPolicy{Guid: SeedMRMPolicyGuid, Name: "Default MRM Policy", RetentionPolicyTagLinks: links,
		IsDefault: true, RetentionID: SeedMRMPolicyGuid, WhenCreated: created}); err != nil {
		return err
	}
	return nil
}
