package holds

import "time"
import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The record kinds of the holds engine.
var (
	compliancePolicyRecords = store.DefineKind(store.KindSpec[CompliancePolicy]{Bucket: "compliancePolicies", Name: "retentionCompliancePolicy"})
	ComplianceRuleRecords   = store.DefineKind(store.KindSpec[ComplianceRule]{Bucket: "complianceRules", Name: "retentionComplianceRule"})
	adaptiveScopeRecords    = store.DefineKind(store.KindSpec[AdaptiveScope]{Bucket: "adaptiveScopes", Name: "adaptiveScope"})
	complianceTagRecords    = store.DefineKind(store.KindSpec[ComplianceTag]{Bucket: "complianceTags", Name: "complianceTag"})
	complianceCaseRecords   = store.DefineKind(store.KindSpec[ComplianceCase]{Bucket: "complianceCases", Name: "complianceCase"})
	caseHoldPolicyRecords   = store.DefineKind(store.KindSpec[CaseHoldPolicy]{Bucket: "caseHoldPolicies", Name: "caseHoldPolicy"})
	CaseHoldRuleRecords     = store.DefineKind(store.KindSpec[CaseHoldRule]{Bucket: "caseHoldRules", Name: "caseHoldRule"})
	mailboxSearchRecords    = store.DefineKind(store.KindSpec[MailboxSearch]{Bucket: "mailboxSearches", Name: "mailboxSearch"})
	mrmPolicyRecords        = store.DefineKind(store.KindSpec[MRMPolicy]{Bucket: "retentionPoliciesMRM", Name: "retentionPolicy"})
	mrmTagRecords           = store.DefineKind(store.KindSpec[MRMTag]{Bucket: "retentionPolicyTags", Name: "retentionPolicyTag"})
	holdRemovalRecords      = store.DefineKind(store.KindSpec[HoldRemoval]{Bucket: "holdRemovals", Name: "holdRemoval"})
	HoldStateRecords        = store.DefineKind(store.KindSpec[MailboxHoldState]{Bucket: "mailboxHoldState", Name: "mailboxHoldState"})
)

// Register adds the holds engine to s: its kinds, the delay-hold and
// retention-hold timers, the answer to MailboxHeld, the item-age pass
// after each clock advance and its check.
func Register(s *store.Schema) {
	for _, k := range []interface{ Register(*store.Schema) }{compliancePolicyRecords, ComplianceRuleRecords, adaptiveScopeRecords,
		complianceTagRecords, complianceCaseRecords, caseHoldPolicyRecords, CaseHoldRuleRecords, mailboxSearchRecords,
		mrmPolicyRecords, mrmTagRecords, holdRemovalRecords, HoldStateRecords, diagnosticsRecords, assistantPassRecords} {
		k.Register(s)
	}
	s.AddTimer(TimerDelayHoldExpiry, fireDelayHoldExpiry)
	s.AddTimer(TimerDelayReleaseHoldExpiry, fireDelayHoldExpiry)
	s.AddTimer(TimerRetentionHoldEnd, fireRetentionHoldEnd)
	directory.MailboxHeld.Add(s, func(tx *store.Tx, m *directory.Mailbox) (bool, error) { return OnHold(tx, m) })
	// a new mailbox gets the stamps of the policies that cover every
	// mailbox (organization-wide app retention policies, adaptive scopes
	// it matches)
	directory.AfterMailboxCreate.Add(s, func(tx *store.Tx, m *directory.Mailbox) error { return recomputeHolds(tx, []string{m.Guid}) })
	// the hold bookkeeping (exclusions, suppressed IDs, item labels) goes
	// with the mailbox
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error {
		if _, err := HoldStateRecords.Delete(tx, guid); err != nil {
			return err
		}
		_, err := diagnosticsRecords.Delete(tx, guid)
		return err
	})
	// the Managed Folder Assistant's item-age pass (aging.go)
	s.AfterAdvance(func(tx *store.Tx, from time.Time) error { return agingAfterAdvance(tx, from) })
	s.AddCheck("holds-policies", checkHoldReferences)
}
