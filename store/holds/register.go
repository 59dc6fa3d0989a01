package holds

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
	holdRemovalRecords      = store.DefineKind(store.KindSpec[HoldRemoval]{Bucket: "holdRemovals", Name: "holdRemoval"})
	HoldStateRecords        = store.DefineKind(store.KindSpec[MailboxHoldState]{Bucket: "mailboxHoldState", Name: "mailboxHoldState"})
)

// Register adds the holds engine to s: its kinds, the delay-hold and
// retention-hold timers, the answers to the directory's hooks and its
// check.
func Register(s *store.Schema) {
	// one call each, not a loop over a list of them: a list of
	// interface values makes the program a table of methods for each
	// kind, which every process builds its index of at start
	compliancePolicyRecords.Register(s)
	ComplianceRuleRecords.Register(s)
	adaptiveScopeRecords.Register(s)
	complianceTagRecords.Register(s)
	complianceCaseRecords.Register(s)
	caseHoldPolicyRecords.Register(s)
	CaseHoldRuleRecords.Register(s)
	mailboxSearchRecords.Register(s)
	holdRemovalRecords.Register(s)
	HoldStateRecords.Register(s)
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
		_, err := HoldStateRecords.Delete(tx, guid)
		return err
	})
	s.AddCheck("holds-policies", checkHoldReferences)
}
