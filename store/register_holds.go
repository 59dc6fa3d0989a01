package store

import "time"

// The record kinds of the holds engine.
var (
	compliancePolicyRecords = DefineKind(KindSpec[CompliancePolicy]{Bucket: bucketCompliancePolicies, Name: "retentionCompliancePolicy"})
	complianceRuleRecords   = DefineKind(KindSpec[ComplianceRule]{Bucket: bucketComplianceRules, Name: "retentionComplianceRule"})
	adaptiveScopeRecords    = DefineKind(KindSpec[AdaptiveScope]{Bucket: bucketAdaptiveScopes, Name: "adaptiveScope"})
	complianceTagRecords    = DefineKind(KindSpec[ComplianceTag]{Bucket: bucketComplianceTags, Name: "complianceTag"})
	complianceCaseRecords   = DefineKind(KindSpec[ComplianceCase]{Bucket: bucketComplianceCases, Name: "complianceCase"})
	caseHoldPolicyRecords   = DefineKind(KindSpec[CaseHoldPolicy]{Bucket: bucketCaseHoldPolicies, Name: "caseHoldPolicy"})
	caseHoldRuleRecords     = DefineKind(KindSpec[CaseHoldRule]{Bucket: bucketCaseHoldRules, Name: "caseHoldRule"})
	mailboxSearchRecords    = DefineKind(KindSpec[MailboxSearch]{Bucket: bucketMailboxSearches, Name: "mailboxSearch"})
	mrmPolicyRecords        = DefineKind(KindSpec[MRMPolicy]{Bucket: bucketMRMPolicies, Name: "retentionPolicy"})
	mrmTagRecords           = DefineKind(KindSpec[MRMTag]{Bucket: bucketMRMTags, Name: "retentionPolicyTag"})
	holdRemovalRecords      = DefineKind(KindSpec[HoldRemoval]{Bucket: bucketHoldRemovals, Name: "holdRemoval"})
	holdStateRecords        = DefineKind(KindSpec[MailboxHoldState]{Bucket: bucketMailboxHoldState, Name: "mailboxHoldState"})
)

// RegisterHolds adds the holds engine to s: its kinds, the delay-hold and
// retention-hold timers, the answer to MailboxHeld, the item-age pass
// after each clock advance and its check.
func RegisterHolds(s *Schema) {
	for _, k := range []interface{ Register(*Schema) }{compliancePolicyRecords, complianceRuleRecords, adaptiveScopeRecords,
		complianceTagRecords, complianceCaseRecords, caseHoldPolicyRecords, caseHoldRuleRecords, mailboxSearchRecords,
		mrmPolicyRecords, mrmTagRecords, holdRemovalRecords, holdStateRecords} {
		k.Register(s)
	}
	s.AddTimer(TimerDelayHoldExpiry, fireDelayHoldExpiry)
	s.AddTimer(TimerDelayReleaseHoldExpiry, fireDelayHoldExpiry)
	s.AddTimer(TimerRetentionHoldEnd, fireRetentionHoldEnd)
	MailboxHeld.Add(s, func(tx *Tx, m *Mailbox) (bool, error) { return tx.OnHold(m) })
	// the hold bookkeeping (exclusions, suppressed IDs, item labels) goes
	// with the mailbox
	AfterMailboxDelete.Add(s, func(tx *Tx, guid string) error {
		_, err := holdStateRecords.Delete(tx, guid)
		return err
	})
	// the Managed Folder Assistant's item-age pass (aging.go)
	s.AfterAdvance(func(tx *Tx, from time.Time) error { return tx.agingAfterAdvance(from) })
	s.AddCheck("holds-policies", checkHoldReferences)
}
