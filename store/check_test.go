package store_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/idform"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/restore"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// TestCheckFindsCorruption checks a clean synthetic tenant, then breaks
// one invariant of each built-in check and expects a finding for each.
func TestCheckFindsCorruption(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.BuildSynthetic(s, seed.SyntheticOptions{Mailboxes: 60, MessagesPerMailbox: 2}); err != nil {
		t.Fatal(err)
	}
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("clean tenant has findings:\n%s", got)
	}
	var victim *directory.Mailbox
	var msg *ome.Message
	err := s.Update(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, "annb")
		if err != nil {
			return err
		}
		victim = ms[0]
		ib := tx.Bolt().Bucket([]byte(store.BucketIndex))
		// A missing and a stale index entry, and one that says the
		// display name is an alias.
		if err := ib.Delete(store.IdxKey(idform.IndexIdentity, victim.Alias, victim.Guid)); err != nil {
			return err
		}
		if err := ib.Put(store.IdxKey(idform.IndexIdentity, "ghost", victim.Guid), []byte{0, byte(idform.Alias)}); err != nil {
			return err
		}
		if err := ib.Put(store.IdxKey(idform.IndexReference, victim.DisplayName, victim.Guid), []byte{0, byte(idform.Alias)}); err != nil {
			return err
		}
		// An active mailbox without its account.
		if err := tx.Bolt().Bucket([]byte(directory.Users.Bucket())).Delete([]byte(victim.UserObjectID)); err != nil {
			return err
		}
		// A timer for a mailbox that does not exist.
		if _, err := tx.Schedule(tx.Now().Add(store.Day), directory.TimerSoftDeleteExpiry, "00000000-0000-0000-0000-00000000dead"); err != nil {
			return err
		}
		// A message whose trace rows are gone.
		return ome.ForEachMessage(tx, "", func(m *ome.Message) error {
			msg = m
			rows, err := ome.TracesByTraceID(tx, m.MessageTraceID)
			if err != nil {
				return err
			}
			for _, r := range rows {
				if _, err := ome.Traces.Delete(tx, r.Key()); err != nil {
					return err
				}
			}
			return store.ErrStop
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	got := storetest.Findings(t, s)
	for _, want := range []string{
		"indexes: mailbox " + victim.Guid + ": index mbx.id has no entry for \"annb\"",
		"indexes: index mbx.id: stale entry \"ghost\"",
		"indexes: mailbox " + victim.Guid + ": index mbx.ref entry for \"Ann Beebe\" is out of date",
		"mailbox-user: mailbox " + victim.Guid + ": active mailbox annb has no account",
		"timers: timer ",
		"00000000-0000-0000-0000-00000000dead, which does not exist",
		"message-trace: message " + msg.MessageID + ": no message-trace row",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
}

// The hold and restore cross-reference checks find a rule without its
// policy, a case hold rule without its policy, an adaptive scope that is
// gone, hold bookkeeping of a purged mailbox, a copy into a mailbox that
// is gone, a stale account copy and an out-of-date covering index entry.
func TestCheckFindsBrokenReferences(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("clean tenant has findings:\n%s", got)
	}
	var victim *directory.Mailbox
	err := s.Update(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, "annb")
		if err != nil {
			return err
		}
		victim = ms[0]
		if err := holds.ComplianceRuleRecords.Put(tx, "11111111-1111-1111-1111-111111111111", &holds.ComplianceRule{Guid: "11111111-1111-1111-1111-111111111111", Name: "Lost rule", Policy: "22222222-2222-2222-2222-222222222222"}); err != nil {
			return err
		}
		if err := holds.CaseHoldRuleRecords.Put(tx, "33333333-3333-3333-3333-333333333333", &holds.CaseHoldRule{Guid: "33333333-3333-3333-3333-333333333333", Name: "Lost hold rule", Policy: "44444444-4444-4444-4444-444444444444"}); err != nil {
			return err
		}
		if err := holds.HoldStateRecords.Put(tx, "55555555-5555-5555-5555-555555555555", &holds.MailboxHoldState{MailboxGuid: "55555555-5555-5555-5555-555555555555", ExcludedOrg: []string{"x"}}); err != nil {
			return err
		}
		r := &restore.RestoreRequest{RequestGuid: "66666666-6666-6666-6666-666666666666", Name: "MailboxRestore", TargetGuid: "77777777-7777-7777-7777-777777777777"}
		if err := restore.Requests.Put(tx, r.RequestGuid, r); err != nil {
			return err
		}
		// A mailbox whose copy of its account's Office is stale, written
		// around PutMailbox.
		m := *victim
		m.AccountOffice = "Nowhere"
		raw, err := store.EncodeValue(&m)
		if err != nil {
			return err
		}
		if err := tx.Bolt().Bucket([]byte(directory.Mailboxes.Bucket())).Put([]byte(m.Guid), raw); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := storetest.Findings(t, s)
	for _, want := range []string{
		"holds-policies: retentionComplianceRule 11111111-1111-1111-1111-111111111111: rule Lost rule belongs to policy 22222222-2222-2222-2222-222222222222, which does not exist",
		"holds-policies: caseHoldRule 33333333-3333-3333-3333-333333333333: case hold rule Lost hold rule belongs to case hold policy 44444444-4444-4444-4444-444444444444, which does not exist",
		"holds-policies: mailboxHoldState 55555555-5555-5555-5555-555555555555: hold state of mailbox 55555555-5555-5555-5555-555555555555, which does not exist",
		"restore-requests: restoreRequest 66666666-6666-6666-6666-666666666666: request MailboxRestore has not finished but its target mailbox 77777777-7777-7777-7777-777777777777 does not exist",
		"account-copies: mailbox " + victim.Guid + ": copies of account fields (Office \"Nowhere\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
}

// Every mailbox linked to an account follows its Office, including an
// older one (an inactive mailbox whose account now has another): the
// copies stay consistent through account changes and deletion.
func TestAccountCopiesFollowEveryLinkedMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var first, second string
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		m := storetest.ActiveMailbox(t, tx, "annb")
		first = m.Guid
		twin := *m
		twin.Guid, twin.Name, twin.Alias, twin.DisplayName = "0f0e0d0c-0b0a-4909-8807-060504030201", "annb-old", "annb-old", "Ann B (old)"
		twin.PrimarySmtpAddress, twin.EmailAddresses, twin.ExchangeGuid = "annb-old@contoso.com", []string{"SMTP:annb-old@contoso.com"}, store.ZeroGuid
		twin.UserPrincipalName, twin.MicrosoftOnlineServicesID, twin.WindowsLiveID, twin.DistinguishedName, twin.LegacyExchangeDN = "", "", "", "", ""
		twin.ExternalDirectoryObjectId = ""
		deleted := tx.Now().Add(-40 * store.Day)
		twin.LifecycleState, twin.IsInactiveMailbox, twin.WhenSoftDeleted = directory.StateInactive, true, &deleted
		second = twin.Guid
		if err := directory.PutMailbox(tx, &twin); err != nil {
			return err
		}
		u, err := directory.GetUser(tx, m.LinkedUserID())
		if err != nil {
			return err
		}
		u.Office, u.ForceChangePasswordNextSignIn = "Building 9", true
		return directory.PutUser(tx, u)
	}))
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		for _, g := range []string{first, second} {
			m, err := directory.GetMailbox(tx, g)
			if err != nil {
				return err
			}
			if m.AccountOffice != "Building 9" || !m.AccountForceChangePassword {
				t.Errorf("mailbox %s: copies %q %t", m.Name, m.AccountOffice, m.AccountForceChangePassword)
			}
		}
		return nil
	}))
	if got := storetest.Findings(t, s); got != "" {
		t.Errorf("findings after the account change:\n%s", got)
	}
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		m, err := directory.GetMailbox(tx, first)
		if err != nil {
			return err
		}
		return directory.DeleteUser(tx, m.LinkedUserID())
	}))
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		m, err := directory.GetMailbox(tx, second)
		if err != nil {
			return err
		}
		if m.AccountOffice != "" || m.AccountForceChangePassword {
			t.Errorf("copies after the account was deleted: %q %t", m.AccountOffice, m.AccountForceChangePassword)
		}
		return nil
	}))
}
