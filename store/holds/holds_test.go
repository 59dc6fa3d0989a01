package holds_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

const (
	orgRetainHold = "mbx7cfb30345d454ac0a989ab3041051209:3"
	legalKeepHold = "mbxcdbbb86ce60342489bff371876e7f224:2"
	secHold       = "mbxe9b52bf7ab3b46a286308ecb29624696:2"
	caseHold      = "UniH7d895d48-7e23-4a8d-8346-533c3beac15d"
)

func holdsOf(t *testing.T, tx *store.Tx, id string) []string {
	t.Helper()
	m, err := directory.ResolveMailbox(tx, id, directory.ScopeAny)
	storetest.Must(t, err)
	return m.InPlaceHolds
}

func eqList(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if got == nil {
		got = []string{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func enablePolicy(t *testing.T, tx *store.Tx, name string) {
	t.Helper()
	on := true
	_, err := holds.SetCompliancePolicy(tx, name, nil, holds.PolicyChange{Enabled: &on})
	storetest.Must(t, err)
}

func deleteMbx(t *testing.T, tx *store.Tx, alias string) *directory.Mailbox {
	t.Helper()
	m := storetest.Mailbox(t, tx, alias)
	d, err := directory.RemoveMailbox(tx, m.Guid, "")
	storetest.Must(t, err)
	return d
}

func TestSeedHoldStamps(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		eqList(t, "pilarp", holdsOf(t, tx, "pilarp"), seed.InPlaceHoldIdentity, legalKeepHold)
		eqList(t, "abrahamm", holdsOf(t, tx, "abrahamm"), caseHold, legalKeepHold)
		eqList(t, "gradya", holdsOf(t, tx, "gradya"), "mbxa4d2e8f13c6b4b7a8e952f1d0c7b6a34:2")
		eqList(t, "adelev", holdsOf(t, tx, "adelev"), "mbxd8b1f4a76e2c4d95b3a80c7e5f9a2d61:1")
		eqList(t, "nestorw", holdsOf(t, tx, "nestorw"), seed.OrphanHoldID)
		eqList(t, "walterh", holdsOf(t, tx, "walterh"))
		org, err := holds.GetOrgHolds(tx)
		storetest.Must(t, err)
		eqList(t, "org", org)
		enablePolicy(t, tx, "Org Retain 7y")
		org, _ = holds.GetOrgHolds(tx)
		eqList(t, "org", org, orgRetainHold)
		if w := deleteMbx(t, tx, "walterh"); w.LifecycleState != directory.StateInactive {
			t.Errorf("walterh under an org-wide Keep policy: %s", w.LifecycleState)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 2 { // soft-delete expiry + recycle bin
			t.Errorf("timers: %+v", ts)
		}
	})
}

// Identify every hold, remove them, clear the delay hold, purge exactly
// 30 days after the mailbox retired.
func TestRemoveEveryHoldThenPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		enablePolicy(t, tx, "Org Retain 7y")
		p := deleteMbx(t, tx, "pilarp")
		if p.LifecycleState != directory.StateInactive {
			t.Fatalf("pilarp: %s", p.LifecycleState)
		}
		hs, err := holds.MailboxHolds(tx, p.Guid)
		storetest.Must(t, err)
		var ids []string
		for _, h := range hs {
			ids = append(ids, h.HoldID)
		}
		// GetHolds leaves the retention policies' stamps out.
		eqList(t, "GetHolds", ids, seed.InPlaceHoldIdentity)
		if hs[0].HoldType != holds.HoldTypeInPlace || hs[0].PolicyName != "Contoso Legal Hold" {
			t.Errorf("hold infos: %+v", hs)
		}

		storetest.Must(t, holds.ExcludeFromOrgHolds(tx, p.Guid, []string{"7cfb30345d454ac0a989ab3041051209"}))
		m := storetest.Mailbox(t, tx, p.Guid)
		eqList(t, "after exclude", m.InPlaceHolds, seed.InPlaceHoldIdentity, legalKeepHold, "-mbx7cfb30345d454ac0a989ab3041051209")
		if !m.DelayHoldApplied || m.DelayHoldExpiresAt == nil || !m.DelayHoldExpiresAt.Equal(tx.Now().Add(30*store.Day)) {
			t.Errorf("delay hold: %v %v", m.DelayHoldApplied, m.DelayHoldExpiresAt)
		}
		_, err = holds.SetCompliancePolicy(tx, "cdbbb86ce60342489bff371876e7f224", nil, holds.PolicyChange{RemoveExchangeLocation: []string{m.DistinguishedName}})
		storetest.Must(t, err)
		eqList(t, "after remove location", holdsOf(t, tx, p.Guid), seed.InPlaceHoldIdentity, "-mbx7cfb30345d454ac0a989ab3041051209")

		before := storetest.TxExport(t, tx)
		var ie *holds.InPlaceHoldEnabledError
		if err := holds.RemoveMailboxSearch(tx, "Contoso Legal Hold"); !errors.As(err, &ie) {
			t.Fatalf("remove enabled search: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused Remove-MailboxSearch changed the tenant")
		}
		off := false
		_, err = holds.SetMailboxSearch(tx, seed.InPlaceHoldIdentity, holds.MailboxSearchChange{InPlaceHoldEnabled: &off})
		storetest.Must(t, err)
		storetest.Must(t, holds.RemoveMailboxSearch(tx, "Contoso Legal Hold"))
		m = storetest.Mailbox(t, tx, p.Guid)
		eqList(t, "after In-Place removal", m.InPlaceHolds, "-mbx7cfb30345d454ac0a989ab3041051209")
		if m.LifecycleState != directory.StateInactive || !m.DelayHoldApplied {
			t.Fatalf("delay hold keeps it inactive: %s %v", m.LifecycleState, m.DelayHoldApplied)
		}

		storetest.Must(t, tx.AdvanceTo(time.Date(2024, 3, 10, 10, 0, 0, 0, time.UTC)))
		storetest.Must(t, holds.RemoveDelayHold(tx, m.Guid, false))
		m = storetest.Mailbox(t, tx, p.Guid)
		if m.LifecycleState != directory.StateRetiredInactive || !m.WasInactiveMailbox || m.IsInactiveMailbox ||
			!m.InactiveMailboxRetireTime.Equal(tx.Now()) || !m.WhenSoftDeleted.Equal(store.DefaultClock()) {
			t.Fatalf("after RemoveDelayHold: %+v", m)
		}
		storetest.Must(t, holds.RemoveDelayHold(tx, m.Guid, false)) // removing a delay hold that isn't set does nothing
		storetest.Must(t, tx.AdvanceBy(30*store.Day-time.Second))
		if _, err := directory.GetMailbox(tx, p.Guid); err != nil {
			t.Fatal("purged a second before +30d")
		}
		storetest.Must(t, tx.AdvanceBy(time.Second))
		if _, err := directory.GetMailbox(tx, p.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Fatal("not purged at exactly +30d")
		}
	})
}

// The 60-day path through the delay-hold timer.
func TestDelayHoldExpiry(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		on, off := true, false
		c := storetest.Mailbox(t, tx, "carolo")
		storetest.Must(t, holds.SetLitigationHold(tx, c.Guid, holds.LitigationHoldInput{Enabled: &on}))
		deleteMbx(t, tx, "carolo")
		t0 := tx.Now()
		storetest.Must(t, holds.SetLitigationHold(tx, c.Guid, holds.LitigationHoldInput{Enabled: &off}))
		m := storetest.Mailbox(t, tx, c.Guid)
		if !m.DelayHoldApplied || m.LifecycleState != directory.StateInactive {
			t.Fatalf("after LH off: %v %s", m.DelayHoldApplied, m.LifecycleState)
		}
		storetest.Must(t, tx.AdvanceBy(30*store.Day-time.Second))
		if m = storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != directory.StateInactive || !m.DelayHoldApplied {
			t.Fatal("delay hold expired a second before +30d")
		}
		storetest.Must(t, tx.AdvanceBy(time.Second))
		m = storetest.Mailbox(t, tx, c.Guid)
		if m.LifecycleState != directory.StateRetiredInactive || m.DelayHoldApplied || !m.InactiveMailboxRetireTime.Equal(t0.Add(30*store.Day)) {
			t.Fatalf("after expiry: %s %v %v", m.LifecycleState, m.DelayHoldApplied, m.InactiveMailboxRetireTime)
		}
		storetest.Must(t, tx.AdvanceTo(t0.Add(60*store.Day-time.Second)))
		if _, err := directory.GetMailbox(tx, c.Guid); err != nil {
			t.Fatal("purged a second before retire+30d")
		}
		storetest.Must(t, tx.AdvanceBy(time.Second))
		if _, err := directory.GetMailbox(tx, c.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Fatal("not purged after 60 days")
		}
	})
}

func TestDelayHoldRestampAndIndependentFlags(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		enablePolicy(t, tx, "Teams Private Channels 3y")
		eqList(t, "app stamp", holdsOf(t, tx, "walterh"), "mbx5b4f1c2e8d3a4e6b9f217c0d4a8e3b19:3")
		w := deleteMbx(t, tx, "walterh")
		if w.LifecycleState != directory.StateInactive {
			t.Fatalf("app policy doesn't hold: %s", w.LifecycleState)
		}
		_, err := holds.SetCompliancePolicy(tx, "Teams Private Channels 3y", []string{holds.PolicyKindApp}, holds.PolicyChange{
			AddExchangeLocationException: []string{w.DistinguishedName}, DeletedResources: []string{"walterh@contoso.com"}})
		storetest.Must(t, err)
		m := storetest.Mailbox(t, tx, w.Guid)
		eqList(t, "after exclusion", m.InPlaceHolds)
		if !m.DelayReleaseHoldApplied || m.DelayHoldApplied {
			t.Errorf("removing an app policy hold sets DelayReleaseHoldApplied only: %v %v", m.DelayReleaseHoldApplied, m.DelayHoldApplied)
		}
		// Re-stamp: a second removal 10 days later moves the expiry.
		storetest.Must(t, tx.AdvanceBy(10*store.Day))
		on := true
		c := storetest.Mailbox(t, tx, "carolo")
		storetest.Must(t, holds.SetLitigationHold(tx, c.Guid, holds.LitigationHoldInput{Enabled: &on}))
		off := false
		storetest.Must(t, holds.SetLitigationHold(tx, c.Guid, holds.LitigationHoldInput{Enabled: &off}))
		storetest.Must(t, tx.AdvanceBy(10*store.Day))
		storetest.Must(t, holds.SetLitigationHold(tx, c.Guid, holds.LitigationHoldInput{Enabled: &on}))
		storetest.Must(t, holds.SetLitigationHold(tx, c.Guid, holds.LitigationHoldInput{Enabled: &off}))
		due := tx.Now().Add(30 * store.Day)
		storetest.Must(t, tx.AdvanceBy(25*store.Day))
		if !storetest.Mailbox(t, tx, c.Guid).DelayHoldApplied {
			t.Error("re-stamped delay hold expired early")
		}
		storetest.Must(t, tx.AdvanceTo(due.Add(time.Second)))
		if storetest.Mailbox(t, tx, c.Guid).DelayHoldApplied {
			t.Error("delay hold not expired")
		}
		if storetest.Mailbox(t, tx, w.Guid).LifecycleState != directory.StateRetiredInactive {
			t.Error("walterh not retired after the release delay hold expired")
		}
	})
}

// A locked policy and the Preservation Lock rules.
func TestPreservationLock(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		enablePolicy(t, tx, "SEC 17a-4")
		lock := true
		_, err := holds.SetCompliancePolicy(tx, "SEC 17a-4", nil, holds.PolicyChange{RestrictiveRetention: &lock})
		storetest.Must(t, err)
		mr := deleteMbx(t, tx, "marion")
		if mr.LifecycleState != directory.StateInactive {
			t.Fatal("marion not inactive")
		}
		var le *holds.PolicyLockedError
		refused := func(what string, err error, op string) {
			t.Helper()
			if !errors.As(err, &le) || le.Op != op {
				t.Errorf("%s: %v", what, err)
			}
		}
		before := storetest.TxExport(t, tx)
		refused("ExcludeFromOrgHolds", holds.ExcludeFromOrgHolds(tx, mr.Guid, []string{"e9b52bf7ab3b46a286308ecb29624696"}), holds.LockedExclude)
		unlock, off := false, false
		_, err = holds.SetCompliancePolicy(tx, "SEC 17a-4", nil, holds.PolicyChange{RestrictiveRetention: &unlock})
		refused("unlock", err, holds.LockedUnlock)
		_, err = holds.SetCompliancePolicy(tx, "SEC 17a-4", nil, holds.PolicyChange{Enabled: &off})
		refused("disable", err, holds.LockedDisable)
		_, err = holds.SetCompliancePolicy(tx, "SEC 17a-4", nil, holds.PolicyChange{AddExchangeLocationException: []string{mr.DistinguishedName}})
		refused("exception", err, holds.LockedAddException)
		refused("delete", holds.RemoveCompliancePolicy(tx, "SEC 17a-4"), holds.LockedDelete)
		refused("RemoveHold", holds.RemoveHold(tx, mr.Guid, secHold, true, ""), holds.LockedRemoveHold)
		days := 100
		_, err = holds.SetComplianceRule(tx, "SEC 17a-4 rule", holds.RuleChange{RetentionDays: &days})
		refused("shorten", err, holds.LockedShortenDuration)
		if storetest.TxExport(t, tx) != before {
			t.Error("a refused command changed the tenant")
		}
		longer := 3000
		_, err = holds.SetComplianceRule(tx, "SEC 17a-4 rule", holds.RuleChange{RetentionDays: &longer})
		storetest.Must(t, err)

		warnings, err := holds.ExcludeFromAllOrgHolds(tx, mr.Guid)
		storetest.Must(t, err)
		if len(warnings) != 1 || !strings.Contains(warnings[0], "SEC 17a-4") {
			t.Errorf("warnings: %v", warnings)
		}
		storetest.Must(t, holds.ExcludeFromAllHolds(tx, mr.Guid))
		if m := storetest.Mailbox(t, tx, mr.Guid); m.LifecycleState != directory.StateInactive || m.DelayHoldApplied {
			t.Errorf("after ExcludeFromAllHolds: %s delay=%v", m.LifecycleState, m.DelayHoldApplied)
		}
	})
}

func TestExcludeFromAllHoldsRetires(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		enablePolicy(t, tx, "Org Retain 7y")
		on := true
		g := storetest.Mailbox(t, tx, "gradya")
		storetest.Must(t, holds.SetLitigationHold(tx, g.Guid, holds.LitigationHoldInput{Enabled: &on}))
		deleteMbx(t, tx, "gradya")
		storetest.Must(t, holds.ExcludeFromAllHolds(tx, g.Guid))
		m := storetest.Mailbox(t, tx, g.Guid)
		if m.LifecycleState != directory.StateInactive || m.DelayHoldApplied {
			t.Fatalf("litigation hold kept, no delay hold: %s %v", m.LifecycleState, m.DelayHoldApplied)
		}
		eqList(t, "holds", m.InPlaceHolds, "-mbx7cfb30345d454ac0a989ab3041051209")
		off := false
		storetest.Must(t, holds.SetLitigationHold(tx, g.Guid, holds.LitigationHoldInput{Enabled: &off}))
		storetest.Must(t, holds.RemoveDelayHold(tx, g.Guid, false))
		if m := storetest.Mailbox(t, tx, g.Guid); m.LifecycleState != directory.StateRetiredInactive {
			t.Fatalf("not retired: %s %v", m.LifecycleState, m.InPlaceHolds)
		}
		var ne *directory.LifecycleError
		if err := holds.ExcludeFromAllHolds(tx, storetest.Mailbox(t, tx, "carolo").Guid); !errors.As(err, &ne) || ne.Reason != holds.ReasonNotInactive {
			t.Errorf("active mailbox: %v", err)
		}
	})
}

func TestRemoveHoldRules(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		a := deleteMbx(t, tx, "abrahamm")
		before := storetest.TxExport(t, tx)
		var iu *holds.HoldInUseError
		if err := holds.RemoveHold(tx, a.Guid, caseHold, false, "admin@contoso.onmicrosoft.com"); !errors.As(err, &iu) || iu.CaseName != "Contoso v. Fabrikam" {
			t.Fatalf("active case hold without -Force: %v", err)
		}
		var nm *holds.HoldNotOnMailboxError
		if err := holds.RemoveHold(tx, a.Guid, seed.InPlaceHoldIdentity, true, ""); !errors.As(err, &nm) {
			t.Errorf("not on mailbox: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused RemoveHold changed the tenant")
		}
		storetest.Must(t, holds.RemoveHold(tx, a.Guid, strings.ToLower(caseHold), true, "admin@contoso.onmicrosoft.com"))
		m := storetest.Mailbox(t, tx, a.Guid)
		eqList(t, "after RemoveHold", m.InPlaceHolds, legalKeepHold)
		if !m.DelayHoldApplied {
			t.Error("no delay hold")
		}
		log, err := holds.HoldRemovals(tx)
		storetest.Must(t, err)
		if len(log) != 1 || log[0].HoldID != caseHold || log[0].Location != "abrahamm@contoso.com" || !log[0].Forced {
			t.Errorf("log: %+v", log)
		}
		// The case hold is not stamped again by a later recompute.
		storetest.Must(t, holds.RecomputeAllHolds(tx))
		eqList(t, "after recompute", holdsOf(t, tx, a.Guid), legalKeepHold)

		// Orphans: -RemoveOrphanedHolds and RemoveHold without -Force.
		n := storetest.Mailbox(t, tx, "nestorw")
		var he *holds.HoldExistsError
		if err := holds.RemoveOrphanedHolds(tx, storetest.Mailbox(t, tx, "pilarp").Guid, []string{seed.InPlaceHoldIdentity}); !errors.As(err, &he) || he.ObjectName != "Contoso Legal Hold" {
			t.Errorf("hold still exists: %v", err)
		}
		storetest.Must(t, holds.RemoveOrphanedHolds(tx, n.Guid, []string{seed.OrphanHoldID}))
		if n = storetest.Mailbox(t, tx, n.Guid); len(n.InPlaceHolds) != 0 || !n.DelayHoldApplied {
			t.Errorf("orphan removal: %v %v", n.InPlaceHolds, n.DelayHoldApplied)
		}
	})
}

func TestLabelHold(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		w := storetest.Mailbox(t, tx, "walterh")
		var np *holds.LabelNotPublishedError
		if err := holds.ApplyItemLabel(tx, w.Guid, "/Inbox", "Legal Record - Keep 10y"); !errors.As(err, &np) {
			t.Errorf("label not published to walterh: %v", err)
		}
		a := storetest.Mailbox(t, tx, "adelev")
		storetest.Must(t, holds.ApplyItemLabel(tx, a.Guid, "Inbox", "Legal Record - Keep 10y"))
		if !storetest.Mailbox(t, tx, a.Guid).ComplianceTagHoldApplied {
			t.Fatal("ComplianceTagHoldApplied not set")
		}
		deleteMbx(t, tx, "adelev")
		var lh *holds.LabelHoldError
		if err := holds.RemoveHold(tx, a.Guid, "mbxd8b1f4a76e2c4d95b3a80c7e5f9a2d61:1", true, ""); !errors.As(err, &lh) {
			t.Errorf("label blocks RemoveHold: %v", err)
		}
		if ok, _ := directory.RecalculateInactiveMailbox(tx, a.Guid); ok {
			t.Error("label hold retired")
		}
		storetest.Must(t, holds.RemoveComplianceTagHold(tx, a.Guid))
		storetest.Must(t, holds.RemoveDelayHold(tx, a.Guid, false))
		if m := storetest.Mailbox(t, tx, a.Guid); m.LifecycleState != directory.StateRetiredInactive {
			t.Errorf("after removing the label hold: %s", m.LifecycleState)
		}
	})
}

// The location limit, and a static policy that remembers the address it
// was given.
func TestLocationLimitAndRememberedAddress(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		var locs []string
		for i := 0; i <= holds.MaxStaticLocations; i++ {
			locs = append(locs, "user"+itoa(i)+"@contoso.com")
		}
		before := storetest.TxExport(t, tx)
		var ll *holds.LocationLimitError
		if _, err := holds.NewCompliancePolicy(tx, holds.PolicyInput{Name: "Too big", ExchangeLocation: locs}); !errors.As(err, &ll) || ll.Count != 1001 {
			t.Fatalf("1,001 locations: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused policy changed the tenant")
		}
		var en *holds.ExceptionNeedsAllError
		if _, err := holds.SetCompliancePolicy(tx, "Legal Keep", nil, holds.PolicyChange{AddExchangeLocationException: []string{"annb"}}); !errors.As(err, &en) {
			t.Errorf("exception on a specific policy: %v", err)
		}
		// A static policy remembers the address it was given: included as
		// annb@contoso.com, then the address changes.
		p, err := holds.NewCompliancePolicy(tx, holds.PolicyInput{Name: "Finance Keep", ExchangeLocation: []string{"annb@contoso.com"}})
		storetest.Must(t, err)
		_, err = holds.NewComplianceRule(tx, holds.RuleInput{Name: "Finance Keep rule", Policy: p.Name, Action: "Keep", RetentionUnlimited: true})
		storetest.Must(t, err)
		a := storetest.Mailbox(t, tx, "annb")
		if !hasEntry(a.InPlaceHolds, "mbx"+p.Hex()+":2") {
			t.Fatalf("not stamped: %v", a.InPlaceHolds)
		}
		a.SetPrimarySmtp("ann.beebe@contoso.com")
		a.EmailAddresses = []string{"SMTP:ann.beebe@contoso.com"}
		a.UserPrincipalName, a.MicrosoftOnlineServicesID, a.WindowsLiveID = "ann.beebe@contoso.com", "ann.beebe@contoso.com", "ann.beebe@contoso.com"
		storetest.Must(t, directory.PutMailbox(tx, a))
		var ln *holds.LocationNotInPolicyError
		if _, err := holds.SetCompliancePolicy(tx, "Finance Keep", nil, holds.PolicyChange{RemoveExchangeLocation: []string{"ann.beebe@contoso.com"}}); !errors.As(err, &ln) || ln.RememberedAs != "annb@contoso.com" {
			t.Errorf("new address: %v", err)
		}
		if _, err := holds.SetCompliancePolicy(tx, "Finance Keep", nil, holds.PolicyChange{RemoveExchangeLocation: []string{a.DistinguishedName}}); !errors.As(err, &ln) {
			t.Errorf("DN after the address changed: %v", err)
		}
		_, err = holds.SetCompliancePolicy(tx, "Finance Keep", nil, holds.PolicyChange{RemoveExchangeLocation: []string{"annb@contoso.com"}})
		storetest.Must(t, err)
		if a = storetest.Mailbox(t, tx, a.Guid); hasEntry(a.InPlaceHolds, "mbx"+p.Hex()+":2") || !a.DelayHoldApplied {
			t.Errorf("after removal: %v %v", a.InPlaceHolds, a.DelayHoldApplied)
		}
	})
}

func itoa(i int) string {
	b := []byte{}
	if i == 0 {
		return "0"
	}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestAdaptiveScopeExcludesInactive(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		h := deleteMbx(t, tx, "henriettam")
		if h.LifecycleState != directory.StateInactive {
			t.Fatalf("adaptive Keep doesn't hold: %s", h.LifecycleState)
		}
		var ve *store.ValidationError
		simple := `{"Conditions":[{"Value":"False","Operator":"Equals","Name":"IsInactiveMailbox"}],"Conjunction":"And"}`
		if _, err := holds.SetAdaptiveScope(tx, "R&D users", holds.ScopeChange{FilterConditions: &simple}); !errors.As(err, &ve) {
			t.Errorf("simple query with IsInactiveMailbox: %v", err)
		}
		raw := `Department -eq 'Research & Development' -and IsInactiveMailbox -eq "False"`
		_, err := holds.SetAdaptiveScope(tx, "R&D users", holds.ScopeChange{RawQuery: &raw})
		storetest.Must(t, err)
		m := storetest.Mailbox(t, tx, h.Guid)
		eqList(t, "henriettam", m.InPlaceHolds)
		if !m.DelayHoldApplied || m.LifecycleState != directory.StateInactive {
			t.Errorf("delay hold: %v %s", m.DelayHoldApplied, m.LifecycleState)
		}
		eqList(t, "gradya", holdsOf(t, tx, "gradya"), "mbxa4d2e8f13c6b4b7a8e952f1d0c7b6a34:2")
	})
}

func TestCaseCloseAndHoldOff(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		a := storetest.Mailbox(t, tx, "abrahamm")
		_, err := holds.SetComplianceCase(tx, "Contoso v. Fabrikam", holds.CaseChange{Close: true, Actor: "admin@contoso.onmicrosoft.com"})
		storetest.Must(t, err)
		m := storetest.Mailbox(t, tx, a.Guid)
		eqList(t, "after close", m.InPlaceHolds, legalKeepHold)
		if !m.DelayHoldApplied {
			t.Error("closing the case sets no delay hold")
		}
		_, err = holds.SetComplianceCase(tx, "Contoso v. Fabrikam", holds.CaseChange{Reopen: true})
		storetest.Must(t, err)
		eqList(t, "after reopen", holdsOf(t, tx, a.Guid), legalKeepHold)
		on := true
		_, err = holds.SetCaseHoldPolicy(tx, "Fabrikam Hold", holds.CaseHoldChange{Enabled: &on})
		storetest.Must(t, err)
		eqList(t, "hold on again", holdsOf(t, tx, a.Guid), legalKeepHold, caseHold)
		storetest.Must(t, holds.RemoveComplianceCase(tx, "Contoso v. Fabrikam"))
		eqList(t, "case removed", holdsOf(t, tx, a.Guid), legalKeepHold)
	})
}

// Recovery refused while the account exists, then done.
func TestRecoverInactiveMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		enablePolicy(t, tx, "Org Retain 7y")
		a := deleteMbx(t, tx, "abrahamm")
		storetest.Must(t, tx.AdvanceBy(5*store.Day))
		in := holds.RecoverInput{InactiveMailbox: a.DistinguishedName, Name: "abrahamm2", FirstName: "Abraham", LastName: "McMahon",
			DisplayName: "Abraham McMahon", MicrosoftOnlineServicesID: "Abraham.McMahon@contoso.com", Password: "P@ssw0rd", ResetPasswordOnNextLogon: true}
		before := storetest.TxExport(t, tx)
		if _, err := holds.RecoverInactiveMailbox(tx, in); storetest.LifecycleReason(err) != holds.ReasonAccountNotPurged {
			t.Fatalf("too early: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused recovery changed the tenant")
		}
		storetest.Must(t, tx.AdvanceBy(31*store.Day))
		r, err := holds.RecoverInactiveMailbox(tx, in)
		storetest.Must(t, err)
		if r.PrimarySmtpAddress != "Abraham.McMahon@contoso.com" || !r.LitigationHoldEnabled || !r.RetentionHoldEnabled ||
			!r.EndDateForRetentionHold.Equal(tx.Now().Add(30*store.Day)) || r.RetainDeletedItemsFor.String() != "30.00:00:00" ||
			r.ExchangeGuid != a.ExchangeGuid || r.LegacyExchangeDN != a.LegacyExchangeDN || r.Guid == a.Guid || r.LifecycleState != directory.StateActive {
			t.Errorf("recovered: %+v", r)
		}
		eqList(t, "recovered holds", r.InPlaceHolds, caseHold)
		if _, err := directory.ResolveMailbox(tx, a.DistinguishedName, directory.ScopeInactiveOnly); !errors.Is(err, store.ErrNotFound) {
			t.Error("inactive mailbox still there")
		}
		lk, err := holds.FindCompliancePolicy(tx, "Legal Keep")
		storetest.Must(t, err)
		if locationHas(lk.ExchangeLocation, a.Guid) || locationHas(lk.ExchangeLocation, r.Guid) {
			t.Error("still in Legal Keep")
		}
		storetest.Must(t, tx.AdvanceBy(30*store.Day+time.Second))
		if storetest.Mailbox(t, tx, r.Guid).RetentionHoldEnabled {
			t.Error("retention hold not ended after 30 days")
		}
	})
}

// A retention rule without an action makes its policy a hold: specific
// mailboxes get UniH<guid>, an organization-wide policy puts UniH<guid> in
// the organization's list; both hold, and -ExcludeFromOrgHolds takes the
// policy's 32-hex ID as for any organization-wide policy.
func TestHoldOnlyPolicies(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		specific, err := holds.NewCompliancePolicy(tx, holds.PolicyInput{Name: "Hold specific", ExchangeLocation: []string{"marion"}})
		storetest.Must(t, err)
		_, err = holds.NewComplianceRule(tx, holds.RuleInput{Name: "Hold specific rule", Policy: specific.Name, RetentionUnlimited: true})
		storetest.Must(t, err)
		eqList(t, "specific", holdsOf(t, tx, "marion"), "UniH"+specific.Guid)

		org, err := holds.NewCompliancePolicy(tx, holds.PolicyInput{Name: "Hold all", ExchangeLocation: []string{"All"}})
		storetest.Must(t, err)
		_, err = holds.NewComplianceRule(tx, holds.RuleInput{Name: "Hold all rule", Policy: org.Name, RetentionDays: 365})
		storetest.Must(t, err)
		oh, err := holds.GetOrgHolds(tx)
		storetest.Must(t, err)
		if !slices.Contains(oh, "UniH"+org.Guid) {
			t.Fatalf("org holds: %v", oh)
		}
		l := deleteMbx(t, tx, "laura")
		if l.LifecycleState != directory.StateInactive {
			t.Fatalf("laura: %s", l.LifecycleState)
		}
		storetest.Must(t, holds.ExcludeFromOrgHolds(tx, l.Guid, []string{org.Hex()}))
		m := storetest.Mailbox(t, tx, l.Guid)
		eqList(t, "excluded", m.InPlaceHolds, "-mbx"+org.Hex())
		if !m.DelayHoldApplied {
			t.Error("no delay hold after the exclusion")
		}
	})
}

// locationHas reports whether a policy location names the mailbox.
func locationHas(locs []holds.PolicyLocation, guid string) bool {
	return slices.ContainsFunc(locs, func(l holds.PolicyLocation) bool { return strings.EqualFold(l.MailboxGuid, guid) })
}

// hasEntry reports whether a hold list has the entry, in any case.
func hasEntry(list []string, e string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, e) })
}
