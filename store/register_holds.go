package store

import "time"

// The record kinds of the holds engine.
var (
	compliancePolicyRecords = DefineKind(KindSpec[CompliancePolicy]{Bucket: "compliancePolicies", Name: "retentionCompliancePolicy"})
	ComplianceRuleRecords   = DefineKind(KindSpec[ComplianceRule]{Bucket: "complianceRules", Name: "retentionComplianceRule"})
	adaptiveScopeRecords    = DefineKind(KindSpec[AdaptiveScope]{Bucket: "adaptiveScopes", Name: "adaptiveScope"})
	complianceTagRecords    = DefineKind(KindSpec[ComplianceTag]{Bucket: "complianceTags", Name: "complianceTag"})
	complianceCaseRecords   = DefineKind(KindSpec[ComplianceCase]{Bucket: "complianceCases", Name: "complianceCase"})
	caseHoldPolicyRecords   = DefineKind(KindSpec[CaseHoldPolicy]{Bucket: "caseHoldPolicies", Name: "caseHoldPolicy"})
	CaseHoldRuleRecords     = DefineKind(KindSpec[CaseHoldRule]{Bucket: "caseHoldRules", Name: "caseHoldRule"})
	mailboxSearchRecords    = DefineKind(KindSpec[MailboxSearch]{Bucket: "mailboxSearches", Name: "mailboxSearch"})
	mrmPolicyRecords        = DefineKind(KindSpec[MRMPolicy]{Bucket: "retentionPoliciesMRM", Name: "retentionPolicy"})
	mrmTagRecords           = DefineKind(KindSpec[MRMTag]{Bucket: "retentionPolicyTags", Name: "retentionPolicyTag"})
	holdRemovalRecords      = DefineKind(KindSpec[HoldRemoval]{Bucket: "holdRemovals", Name: "holdRemoval"})
	HoldStateRecords        = DefineKind(KindSpec[MailboxHoldState]{Bucket: "mailboxHoldState", Name: "mailboxHoldState"})
)

// RegisterHolds adds the holds engine to s: its kinds, the delay-hold and
// retention-hold timers, the answer to MailboxHeld, the item-age pass
// after each clock advance and its check.
func RegisterHolds(s *Schema) {
	for _, k := range []interface{ Register(*Schema) }{compliancePolicyRecords, ComplianceRuleRecords, adaptiveScopeRecords,
		complianceTagRecords, complianceCaseRecords, caseHoldPolicyRecords, CaseHoldRuleRecords, mailboxSearchRecords,
		mrmPolicyRecords, mrmTagRecords, holdRemovalRecords, HoldStateRecords} {
		k.Register(s)
	}
	s.AddTimer(TimerDelayHoldExpiry, fireDelayHoldExpiry)
	s.AddTimer(TimerDelayReleaseHoldExpiry, fireDelayHoldExpiry)
	s.AddTimer(TimerRetentionHoldEnd, fireRetentionHoldEnd)
	MailboxHeld.Add(s, func(tx *Tx, m *Mailbox) (bool, error) { return tx.OnHold(m) })
	// the hold bookkeeping (exclusions, suppressed IDs, item labels) goes
	// with the mailbox
	AfterMailboxDelete.Add(s, func(tx *Tx, guid string) error {
		_, err := HoldStateRecords.Delete(tx, guid)
		return err
	})
	// the Managed Folder Assistant's item-age pass (aging.go)
	s.AfterAdvance(func(tx *Tx, from time.Time) error { return tx.agingAfterAdvance(from) })
	s.AddCheck("holds-policies", checkHoldReferences)
}
