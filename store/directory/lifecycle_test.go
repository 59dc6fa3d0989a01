package directory_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func setHold(t *testing.T, tx *store.Tx, alias string, fn func(m *directory.Mailbox)) {
	t.Helper()
	m := storetest.Mailbox(t, tx, alias)
	fn(m)
	storetest.Must(t, directory.PutMailbox(tx, m))
}

func e5Consumed(t *testing.T, tx *store.Tx) int {
	t.Helper()
	o, err := directory.GetOrganization(tx)
	storetest.Must(t, err)
	sub, _ := o.Subscription("SPE_E5")
	return sub.Consumed
}

func TestMailboxScopeCombinations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		soft, only, incl bool
		want             directory.Scope
		conflict         bool
	}{
		{false, false, false, directory.ScopeActive, false},
		{true, false, false, directory.ScopeSoftDeleted, false},
		{false, true, false, directory.ScopeInactiveOnly, false},
		{false, false, true, directory.ScopeIncludeInactive, false},
		{true, true, false, directory.ScopeInactiveOnly, false},
		{true, false, true, directory.ScopeSoftDeleted, false},
		{false, true, true, 0, true},
		{true, true, true, 0, true},
	}
	for _, tt := range tests {
		got, err := directory.MailboxScope(tt.soft, tt.only, tt.incl)
		var se *directory.ScopeConflictError
		if tt.conflict {
			if !errors.As(err, &se) || len(se.Params) != 2 {
				t.Errorf("%v/%v/%v: err = %v, want conflict", tt.soft, tt.only, tt.incl, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%v/%v/%v = %v, %v; want %v", tt.soft, tt.only, tt.incl, got, err, tt.want)
		}
	}
}

func TestMailboxOnHoldRule(t *testing.T) {
	t.Parallel()
	const pol = "7cfb30345d454ac0a989ab3041051209"
	tests := []struct {
		name  string
		m     directory.Mailbox
		org   []string
		state string
		want  bool
	}{
		{"nothing", directory.Mailbox{}, nil, "", false},
		{"litigation", directory.Mailbox{LitigationHoldEnabled: true}, nil, "", true},
		{"label", directory.Mailbox{ComplianceTagHoldApplied: true}, nil, "", true},
		{"delay", directory.Mailbox{DelayHoldApplied: true}, nil, "", true},
		{"delay release", directory.Mailbox{DelayReleaseHoldApplied: true}, nil, "", true},
		{"ediscovery", directory.Mailbox{InPlaceHolds: []string{"UniHecbf89df-74fc-444a-a2dc-c0756c7d3503"}}, nil, "", true},
		{"in-place", directory.Mailbox{InPlaceHolds: []string{"c0ba3ce811b6432a8751430937152491"}}, nil, "", true},
		{"in-place cld", directory.Mailbox{InPlaceHolds: []string{"cldc0ba3ce811b6432a8751430937152491"}}, nil, "", true},
		{"retain", directory.Mailbox{InPlaceHolds: []string{"mbx" + pol + ":2"}}, nil, "", true},
		{"retain+delete", directory.Mailbox{InPlaceHolds: []string{"mbx" + pol + ":3"}}, nil, "", true},
		{"skype retain", directory.Mailbox{InPlaceHolds: []string{"skp" + pol + ":2"}}, nil, "", true},
		{"delete only", directory.Mailbox{InPlaceHolds: []string{"mbx" + pol + ":1"}}, nil, "", false},
		{"exclusion marker alone", directory.Mailbox{InPlaceHolds: []string{"-mbx" + pol}}, nil, "", false},
		{"org-wide retain", directory.Mailbox{}, []string{"mbx" + pol + ":2"}, "", true},
		{"org-wide delete only", directory.Mailbox{}, []string{"mbx" + pol + ":1"}, "", false},
		{"org-wide group only", directory.Mailbox{}, []string{"grp" + pol + ":3"}, "", false},
		{"org-wide excluded", directory.Mailbox{InPlaceHolds: []string{"-mbx" + pol}}, []string{"mbx" + pol + ":2"}, "", false},
		{"org-wide excluded other", directory.Mailbox{InPlaceHolds: []string{"-mbx" + pol}}, []string{"mbx" + pol + ":2", "mbx1a0a132ee8944501a4bb6a452ec31171:3"}, "", true},
		{"org-wide on retired", directory.Mailbox{}, []string{"mbx" + pol + ":2"}, directory.StateRetiredInactive, false},
		{"org-wide on inactive", directory.Mailbox{}, []string{"mbx" + pol + ":2"}, directory.StateInactive, true},
		{"org-wide on mail user", directory.Mailbox{RecipientTypeDetails: directory.RecipientMailUser}, []string{"mbx" + pol + ":2"}, "", false},
		{"garbage", directory.Mailbox{InPlaceHolds: []string{"hello", "mbx123:2"}}, nil, "", false},
	}
	for _, tt := range tests {
		m := tt.m
		m.LifecycleState = tt.state
		if m.LifecycleState == "" {
			m.LifecycleState = directory.StateActive
		}
		if got := holds.MailboxOnHold(&m, tt.org); got != tt.want {
			t.Errorf("%s: onHold = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Soft delete renames and hides the mailbox; undo brings it back.
func TestSoftDeleteIdentityAndUndo(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "laura")
		activeDN, activeOU := m.DistinguishedName, m.OrganizationalUnit
		objectID := m.ExternalDirectoryObjectId
		consumed := e5Consumed(t, tx)
		got, err := directory.RemoveMailbox(tx, m.Guid, "admin@contoso.onmicrosoft.com")
		storetest.Must(t, err)
		if got.LifecycleState != directory.StateSoftDeleted || got.IsInactiveMailbox || got.WhenSoftDeleted == nil || !got.WhenSoftDeleted.Equal(tx.Now()) {
			t.Errorf("after soft delete: %+v", got)
		}
		if got.Identity() != `Soft Deleted Objects\laura` {
			t.Errorf("Identity = %q", got.Identity())
		}
		wantDN := "CN=laura,OU=Soft Deleted Objects,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM"
		if got.DistinguishedName != wantDN {
			t.Errorf("DN = %q", got.DistinguishedName)
		}
		if got.OrganizationalUnit != activeOU+"/Soft Deleted Objects" || got.ExternalDirectoryObjectId != objectID || got.RemovedBy == "" {
			t.Errorf("OU %q, extid %q", got.OrganizationalUnit, got.ExternalDirectoryObjectId)
		}
		if e5Consumed(t, tx) != consumed {
			t.Error("a soft-deleted (not inactive) mailbox keeps its licence while the account is in the recycle bin")
		}
		u, _ := directory.GetUser(tx, objectID)
		if u.State != directory.UserSoftDeleted || u.DeletedAt == nil {
			t.Errorf("account: %+v", u)
		}
		if du, _ := directory.DeletedUsers(tx); len(du) != 1 || du[0].ObjectID != objectID {
			t.Errorf("recycle bin = %v", du)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 2 {
			t.Errorf("timers = %+v", ts)
		}
		if _, err := directory.ResolveMailboxes(tx, "laura", directory.ScopeActive); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get-Mailbox laura after delete: %v", err)
		}
		if _, err := directory.ResolveMailbox(tx, `Soft Deleted Objects\laura`, directory.ScopeSoftDeleted); err != nil {
			t.Error(err)
		}
		// Remove again: not active.
		if _, err := directory.RemoveMailbox(tx, m.Guid, ""); storetest.LifecycleReason(err) != directory.ReasonNotActive {
			t.Errorf("second remove: %v", err)
		}

		// Undo.
		back, err := directory.UndoSoftDeletedMailbox(tx, m.Guid, directory.UndoInput{})
		storetest.Must(t, err)
		if back.LifecycleState != directory.StateActive || back.WhenSoftDeleted != nil || back.DistinguishedName != activeDN ||
			back.OrganizationalUnit != activeOU || back.Identity() != "laura" || back.RemovedBy != "" {
			t.Errorf("after undo: %+v", back)
		}
		u, _ = directory.GetUser(tx, objectID)
		if u.State != directory.UserActive || u.DeletedAt != nil {
			t.Errorf("account after undo: %+v", u)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers not cancelled: %+v", ts)
		}
		if _, err := directory.ResolveMailbox(tx, "laura", directory.ScopeActive); err != nil {
			t.Error(err)
		}
		if _, err := directory.UndoSoftDeletedMailbox(tx, m.Guid, directory.UndoInput{}); storetest.LifecycleReason(err) != directory.ReasonNotDeleted {
			t.Errorf("undo active: %v", err)
		}
	})
}

// TestWindowBoundaries checks the 30-day window a second before 30 days
// and at exactly 30 days.
func TestWindowBoundaries(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		advance time.Duration
		purged  bool
	}{
		{"a second short of 30 days", 30*store.Day - time.Second, false},
		{"exactly 30 days", 30 * store.Day, true},
		{"31 days", 31 * store.Day, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				m, err := directory.ResolveMailbox(tx, "Walter Harp", directory.ScopeActive)
				storetest.Must(t, err)
				consumed := e5Consumed(t, tx)
				_, err = directory.RemoveMailbox(tx, m.Guid, "")
				storetest.Must(t, err)
				if ms, err := directory.ResolveMailboxes(tx, "walterh", directory.ScopeSoftDeleted); err != nil || len(ms) != 1 {
					t.Fatalf("soft-deleted list: %v", err)
				}
				storetest.Must(t, tx.AdvanceBy(tt.advance))
				_, err = directory.ResolveMailbox(tx, "walterh@contoso.com", directory.ScopeSoftDeleted)
				if tt.purged {
					if !errors.Is(err, store.ErrNotFound) {
						t.Errorf("still there: %v", err)
					}
					if _, err := directory.GetUser(tx, m.ExternalDirectoryObjectId); !errors.Is(err, store.ErrNotFound) {
						t.Errorf("account not purged: %v", err)
					}
					if e5Consumed(t, tx) != consumed-1 {
						t.Error("purged account's licence not released")
					}
					if du, _ := directory.DeletedUsers(tx); len(du) != 0 {
						t.Errorf("recycle bin: %v", du)
					}
					if ts, _ := tx.PendingTimers(); len(ts) != 0 {
						t.Errorf("timers left: %+v", ts)
					}
					return
				}
				storetest.Must(t, err)
				back, err := directory.UndoSoftDeletedMailbox(tx, m.Guid, directory.UndoInput{})
				storetest.Must(t, err)
				if back.WhenSoftDeleted != nil || back.LifecycleState != directory.StateActive {
					t.Errorf("undo at the boundary: %+v", back)
				}
			})
		})
	}
}

func TestPermanentDelete(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		laura := storetest.Mailbox(t, tx, "laura")
		if err := directory.PermanentlyDeleteMailbox(tx, laura.Guid); storetest.LifecycleReason(err) != directory.ReasonNotDeleted {
			t.Errorf("active: %v", err)
		}
		_, err := directory.RemoveMailbox(tx, laura.Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, laura.Guid))
		if _, err := directory.GetMailbox(tx, laura.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Error("not purged")
		}
		if c, _ := directory.GetMailboxContent(tx, laura.Guid); len(c.Primary) != 0 {
			t.Error("content left")
		}
		if u, err := directory.GetUser(tx, laura.ExternalDirectoryObjectId); err != nil || u.MailboxGuid != "" || u.State != directory.UserSoftDeleted {
			t.Errorf("account after permanent delete: %+v %v", u, err)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 1 || ts[0].Kind != directory.TimerRecycleBinExpiry {
			t.Errorf("timers: %+v", ts)
		}

		setHold(t, tx, "annb", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		annb := storetest.Mailbox(t, tx, "annb")
		_, err = directory.RemoveMailbox(tx, annb.Guid, "")
		storetest.Must(t, err)
		m, err := directory.ResolveMailbox(tx, "annb", directory.ScopeSoftDeleted)
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		if err := directory.PermanentlyDeleteMailbox(tx, m.Guid); storetest.LifecycleReason(err) != directory.ReasonInactive {
			t.Errorf("inactive: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused -PermanentlyDelete changed the tenant")
		}
	})
}

// A held mailbox becomes inactive; undo; its account purged leaves it.
func TestInactiveUndoAndAccountPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		setHold(t, tx, "annb", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		annb := storetest.Mailbox(t, tx, "annb")
		consumed := e5Consumed(t, tx)
		m, err := directory.RemoveMailbox(tx, annb.Guid, "")
		storetest.Must(t, err)
		if m.LifecycleState != directory.StateInactive || !m.IsInactiveMailbox || !m.LitigationHoldEnabled || m.Licensed {
			t.Errorf("after becoming inactive: %+v", m)
		}
		if e5Consumed(t, tx) != consumed-1 {
			t.Error("licence not freed")
		}
		u, _ := directory.GetUser(tx, annb.ExternalDirectoryObjectId)
		if len(u.Licenses) != 0 || len(u.FreedLicenses) != 1 || u.State != directory.UserSoftDeleted {
			t.Errorf("account after becoming inactive: %+v", u)
		}
		if ms, err := directory.ResolveMailboxes(tx, "annb", directory.ScopeInactiveOnly); err != nil || len(ms) != 1 {
			t.Errorf("-InactiveMailboxOnly: %v", err)
		}
		// Undo of an inactive mailbox within 30 days.
		storetest.Must(t, tx.AdvanceBy(29*store.Day))
		back, err := directory.UndoSoftDeletedMailbox(tx, annb.Guid, directory.UndoInput{})
		storetest.Must(t, err)
		if back.LifecycleState != directory.StateActive || back.IsInactiveMailbox || !back.LitigationHoldEnabled || !back.Licensed {
			t.Errorf("after undo of an inactive mailbox: %+v", back)
		}
		if e5Consumed(t, tx) != consumed {
			t.Error("licence not re-assigned")
		}
		// Delete again and let the account expire (its account purged).
		_, err = directory.RemoveMailbox(tx, annb.Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, tx.AdvanceBy(30*store.Day+time.Second))
		m = storetest.Mailbox(t, tx, "664ef44e-c1a0-47b0-9553-2ecdfc6ef840")
		if m.LifecycleState != directory.StateInactive || m.ExternalDirectoryObjectId != "" {
			t.Errorf("after the account purge: state %s extid %q", m.LifecycleState, m.ExternalDirectoryObjectId)
		}
		if _, err := directory.GetUser(tx, annb.ExternalDirectoryObjectId); !errors.Is(err, store.ErrNotFound) {
			t.Error("account not purged")
		}
		before := storetest.TxExport(t, tx)
		_, err = directory.UndoSoftDeletedMailbox(tx, m.Guid, directory.UndoInput{WindowsLiveID: "ann@contoso.com", Password: "x"})
		if storetest.LifecycleReason(err) != directory.ReasonAccountPurgedUseRecover {
			t.Errorf("undo after the account purge: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused undo changed the tenant")
		}
		// The mailbox stays inactive indefinitely.
		storetest.Must(t, tx.AdvanceBy(400*store.Day))
		if m := storetest.Mailbox(t, tx, m.Guid); m.LifecycleState != directory.StateInactive {
			t.Errorf("inactive mailbox changed: %s", m.LifecycleState)
		}
	})
}

func TestInactiveByOtherHolds(t *testing.T) {
	t.Parallel()
	const pol = "7cfb30345d454ac0a989ab3041051209"
	tests := []struct {
		name string
		hold func(o *directory.Organization, m *directory.Mailbox)
		want string
	}{
		{"no hold", func(*directory.Organization, *directory.Mailbox) {}, directory.StateSoftDeleted},
		{"delay hold only", func(_ *directory.Organization, m *directory.Mailbox) { m.DelayHoldApplied = true }, directory.StateInactive},
		{"org-wide retain", func(o *directory.Organization, _ *directory.Mailbox) { o.InPlaceHolds = []string{"mbx" + pol + ":2"} }, directory.StateInactive},
		{"org-wide excluded", func(o *directory.Organization, m *directory.Mailbox) {
			o.InPlaceHolds = []string{"mbx" + pol + ":2"}
			m.InPlaceHolds = []string{"-mbx" + pol}
		}, directory.StateSoftDeleted},
		{"delete-only policy", func(_ *directory.Organization, m *directory.Mailbox) { m.InPlaceHolds = []string{"mbx" + pol + ":1"} }, directory.StateSoftDeleted},
		{"case hold", func(_ *directory.Organization, m *directory.Mailbox) {
			m.InPlaceHolds = []string{"UniHecbf89df-74fc-444a-a2dc-c0756c7d3503"}
		}, directory.StateInactive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				o, _ := directory.GetOrganization(tx)
				m := storetest.Mailbox(t, tx, "carolo")
				tt.hold(o, m)
				storetest.Must(t, directory.PutOrganization(tx, o))
				storetest.Must(t, directory.PutMailbox(tx, m))
				got, err := directory.RemoveMailbox(tx, m.Guid, "")
				storetest.Must(t, err)
				if got.LifecycleState != tt.want {
					t.Errorf("state = %s, want %s", got.LifecycleState, tt.want)
				}
			})
		})
	}
}

func TestUndoSignInNameInUse(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		laura := storetest.Mailbox(t, tx, "laura")
		_, err := directory.RemoveMailbox(tx, laura.Guid, "")
		storetest.Must(t, err)
		// A new mailbox takes over the sign-in name.
		_, _, err = directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Laura Painter", Alias: "laurap", MicrosoftOnlineServicesID: "laura@contoso.com", Password: "P@ss"})
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		for _, in := range []directory.UndoInput{{}, {WindowsLiveID: "laura.painter@contoso.com"}, {Password: "x"}} {
			_, err := directory.UndoSoftDeletedMailbox(tx, laura.Guid, in)
			var le *directory.LifecycleError
			if !errors.As(err, &le) || le.Reason != directory.ReasonSignInNameInUse || le.Detail != "laura@contoso.com" {
				t.Errorf("undo %+v: %v", in, err)
			}
		}
		_, err = directory.UndoSoftDeletedMailbox(tx, laura.Guid, directory.UndoInput{WindowsLiveID: "laurap@contoso.onmicrosoft.com", Password: "x"})
		var de *store.DuplicateError
		if !errors.As(err, &de) || de.Property != "WindowsLiveID" {
			t.Errorf("undo to a taken name: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused undo changed the tenant")
		}
		back, err := directory.UndoSoftDeletedMailbox(tx, laura.Guid, directory.UndoInput{WindowsLiveID: "laura.painter@contoso.com", Password: "x", Name: "laura.old"})
		storetest.Must(t, err)
		if back.PrimarySmtpAddress != "laura.painter@contoso.com" || back.UserPrincipalName != "laura.painter@contoso.com" ||
			back.WindowsLiveID != "laura.painter@contoso.com" || back.EmailAddresses[0] != "SMTP:laura.painter@contoso.com" {
			t.Errorf("sign-in change: %+v", back)
		}
		hasOld := false
		for _, a := range back.EmailAddresses {
			if a == "smtp:laura@contoso.com" {
				hasOld = true
			}
		}
		if !hasOld {
			t.Errorf("old address not kept as proxy: %v", back.EmailAddresses)
		}
		if back.Name != "laura.old" || !strings.HasPrefix(back.DistinguishedName, "CN=laura.old,OU=contoso.onmicrosoft.com,") {
			t.Errorf("rename: %q %q", back.Name, back.DistinguishedName)
		}
		u, _ := directory.GetUser(tx, back.ExternalDirectoryObjectId)
		if u.UserPrincipalName != "laura.painter@contoso.com" || u.LastPasswordChangeDateTime == nil || u.State != directory.UserActive {
			t.Errorf("account: %+v", u)
		}
	})
}

func TestUndoNameTaken(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		w := storetest.Mailbox(t, tx, "walterh")
		_, err := directory.RemoveMailbox(tx, w.Guid, "")
		storetest.Must(t, err)
		_, _, err = directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "walterh", Alias: "walter2", MicrosoftOnlineServicesID: "walter2@contoso.com"})
		storetest.Must(t, err)
		_, err = directory.UndoSoftDeletedMailbox(tx, w.Guid, directory.UndoInput{})
		var de *store.DuplicateError
		if !errors.As(err, &de) || de.Property != "Name" {
			t.Fatalf("undo with name taken: %v", err)
		}
		if _, err := directory.UndoSoftDeletedMailbox(tx, w.Guid, directory.UndoInput{Name: "walterh-restored"}); err != nil {
			t.Error(err)
		}
	})
}

// An inactive mailbox nothing holds retires, is purged 30 days later,
// can be purged or undone before.
func TestRetirement(t *testing.T) {
	t.Parallel()
	retire := func(t *testing.T, tx *store.Tx) *directory.Mailbox {
		setHold(t, tx, "lidiah", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		p := storetest.Mailbox(t, tx, "lidiah")
		_, err := directory.RemoveMailbox(tx, p.Guid, "")
		storetest.Must(t, err)
		if ok, err := directory.RecalculateInactiveMailbox(tx, p.Guid); ok || err != nil {
			t.Fatalf("retired while held: %v %v", ok, err)
		}
		setHold(t, tx, p.Guid, func(m *directory.Mailbox) { m.LitigationHoldEnabled = false })
		ok, err := directory.RecalculateInactiveMailbox(tx, p.Guid)
		storetest.Must(t, err)
		if !ok {
			t.Fatal("not retired")
		}
		m := storetest.Mailbox(t, tx, p.Guid)
		if m.LifecycleState != directory.StateRetiredInactive || m.IsInactiveMailbox || !m.WasInactiveMailbox ||
			m.InactiveMailboxRetireTime == nil || !m.InactiveMailboxRetireTime.Equal(tx.Now()) || m.WhenSoftDeleted == nil {
			t.Fatalf("after retirement: %+v", m)
		}
		return m
	}
	t.Run("retirement purge boundary", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			storetest.Must(t, tx.AdvanceBy(10*store.Day))
			m := retire(t, tx)
			storetest.Must(t, tx.AdvanceBy(30*store.Day-time.Second))
			if got := storetest.Mailbox(t, tx, m.Guid); got.LifecycleState != directory.StateRetiredInactive {
				t.Errorf("a second before 30 days: %s", got.LifecycleState)
			}
			storetest.Must(t, tx.AdvanceBy(time.Second))
			if _, err := directory.GetMailbox(tx, m.Guid); !errors.Is(err, store.ErrNotFound) {
				t.Error("not purged at exactly 30 days")
			}
		})
	})
	t.Run("permanent delete of a retired mailbox", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			m := retire(t, tx)
			storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, m.Guid))
			if ts, _ := tx.PendingTimers(); len(ts) != 1 || ts[0].Kind != directory.TimerRecycleBinExpiry {
				t.Errorf("timers: %+v", ts)
			}
		})
	})
	t.Run("undo retired, account alive", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			m := retire(t, tx)
			back, err := directory.UndoSoftDeletedMailbox(tx, m.Guid, directory.UndoInput{})
			storetest.Must(t, err)
			if back.LifecycleState != directory.StateActive || back.WasInactiveMailbox || back.InactiveMailboxRetireTime != nil {
				t.Errorf("after undo of a retired mailbox: %+v", back)
			}
		})
	})
	t.Run("undo retired, account purged", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			setHold(t, tx, "lidiah", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
			p := storetest.Mailbox(t, tx, "lidiah")
			_, err := directory.RemoveMailbox(tx, p.Guid, "")
			storetest.Must(t, err)
			storetest.Must(t, tx.AdvanceBy(40*store.Day))
			setHold(t, tx, p.Guid, func(m *directory.Mailbox) { m.LitigationHoldEnabled = false })
			_, err = directory.RecalculateInactiveMailbox(tx, p.Guid)
			storetest.Must(t, err)
			before := storetest.TxExport(t, tx)
			if _, err := directory.UndoSoftDeletedMailbox(tx, p.Guid, directory.UndoInput{}); storetest.LifecycleReason(err) != directory.ReasonAccountPurgedNeedsCredentials {
				t.Errorf("undo without credentials: %v", err)
			}
			if storetest.TxExport(t, tx) != before {
				t.Error("refused undo changed the tenant")
			}
			back, err := directory.UndoSoftDeletedMailbox(tx, p.Guid, directory.UndoInput{WindowsLiveID: "pilar.pinilla@contoso.com", Password: "pw"})
			storetest.Must(t, err)
			if back.ExternalDirectoryObjectId == "" || back.ExternalDirectoryObjectId == p.ExternalDirectoryObjectId {
				t.Errorf("no new account: %q", back.ExternalDirectoryObjectId)
			}
			u, err := directory.GetUser(tx, back.ExternalDirectoryObjectId)
			if err != nil || u.UserPrincipalName != "pilar.pinilla@contoso.com" || u.MailboxGuid != back.Guid || !u.HasMailboxLicense() {
				t.Errorf("new account: %+v %v", u, err)
			}
			if ts, _ := tx.PendingTimers(); len(ts) != 0 {
				t.Errorf("timers left: %+v", ts)
			}
		})
	})
	t.Run("undo retired, window over", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			m := retire(t, tx)
			// Simulate a missed timer: move the retire time back.
			m.InactiveMailboxRetireTime = new(tx.Now().Add(-31 * store.Day))
			storetest.Must(t, directory.PutMailbox(tx, m))
			_, err := directory.UndoSoftDeletedMailbox(tx, m.Guid, directory.UndoInput{})
			if storetest.LifecycleReason(err) != directory.ReasonWindowExpired || !errors.Is(err, store.ErrNotFound) {
				t.Errorf("undo after window: %v", err)
			}
		})
	})
}

// Removing the last licence starts the grace period; a licence ends it;
// its end purges or, when held, makes the mailbox inactive.
func TestLicenceGrace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		hold      bool
		reassign  time.Duration // <0: never
		advance   time.Duration
		wantState string // "" = purged
	}{
		{"re-licensed inside the window", false, 29 * store.Day, 60 * store.Day, directory.StateActive},
		{"a second short of 30 days", false, -1, 30*store.Day - time.Second, directory.StateUnlicensedGrace},
		{"exactly 30 days purges", false, -1, 30 * store.Day, ""},
		{"held mailbox becomes inactive when its grace ends", true, -1, 31 * store.Day, directory.StateInactive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				if tt.hold {
					setHold(t, tx, "marion", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
				}
				m := storetest.Mailbox(t, tx, "marion")
				id := m.ExternalDirectoryObjectId
				storetest.Must(t, directory.RemoveLicense(tx, id, "SPE_E5"))
				g := storetest.Mailbox(t, tx, m.Guid)
				if g.LifecycleState != directory.StateUnlicensedGrace || g.Licensed {
					t.Fatalf("after the last licence removed: %s", g.LifecycleState)
				}
				// still an active mailbox during its grace period, never a
				// soft-deleted or inactive one
				for _, sc := range []directory.Scope{directory.ScopeActive, directory.ScopeSoftDeleted, directory.ScopeInactiveOnly, directory.ScopeIncludeInactive} {
					_, err := directory.ResolveMailboxes(tx, "marion", sc)
					if visible := err == nil; visible != (sc == directory.ScopeActive || sc == directory.ScopeIncludeInactive) {
						t.Errorf("grace mailbox visible in %v: %t", sc, visible)
					}
				}
				if tt.reassign >= 0 {
					storetest.Must(t, tx.AdvanceBy(tt.reassign))
					storetest.Must(t, directory.AssignLicense(tx, id, "SPE_E5"))
					if g := storetest.Mailbox(t, tx, m.Guid); g.LifecycleState != directory.StateActive || !g.Licensed {
						t.Fatalf("after a licence back: %s", g.LifecycleState)
					}
					storetest.Must(t, tx.AdvanceBy(tt.advance-tt.reassign))
				} else {
					storetest.Must(t, tx.AdvanceBy(tt.advance))
				}
				got, err := directory.GetMailbox(tx, m.Guid)
				if tt.wantState == "" {
					if !errors.Is(err, store.ErrNotFound) {
						t.Fatalf("not purged: %v", got)
					}
					u, err := directory.GetUser(tx, id)
					if err != nil || u.MailboxGuid != "" || u.State != directory.UserActive {
						t.Errorf("account after the grace period: %+v %v", u, err)
					}
					return
				}
				storetest.Must(t, err)
				if got.LifecycleState != tt.wantState {
					t.Errorf("state = %s, want %s", got.LifecycleState, tt.wantState)
				}
				if tt.hold && (got.WhenSoftDeleted == nil || !got.IsInactiveMailbox) {
					t.Errorf("held mailbox after its grace: %+v", got)
				}
			})
		})
	}
}

func TestUserAccountCascades(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		c := storetest.Mailbox(t, tx, "carolo")
		id := c.ExternalDirectoryObjectId
		storetest.Must(t, directory.DeleteUserAccount(tx, id))
		if m := storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != directory.StateSoftDeleted || m.Identity() != `Soft Deleted Objects\carolo` {
			t.Errorf("mailbox after account delete: %s", m.LifecycleState)
		}
		if err := directory.DeleteUserAccount(tx, id); storetest.LifecycleReason(err) != directory.ReasonNotActive {
			t.Errorf("delete twice: %v", err)
		}
		storetest.Must(t, directory.RestoreUserAccount(tx, id))
		if m := storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != directory.StateActive || m.WhenSoftDeleted != nil {
			t.Errorf("mailbox after restore: %s", m.LifecycleState)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers: %+v", ts)
		}
		if err := directory.PurgeUserAccount(tx, id); storetest.LifecycleReason(err) != directory.ReasonNotDeleted {
			t.Errorf("purge active account: %v", err)
		}
		storetest.Must(t, directory.DeleteUserAccount(tx, id))
		storetest.Must(t, directory.PurgeUserAccount(tx, id))
		// The soft-deleted mailbox stays, without its account, until 30
		// days after its deletion; Undo-SoftDeletedMailbox can't bring it
		// back any more.
		if m := storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != directory.StateSoftDeleted || m.ExternalDirectoryObjectId != "" {
			t.Errorf("soft-deleted mailbox after its account was purged: %s %q", m.LifecycleState, m.ExternalDirectoryObjectId)
		}
		if _, err := directory.UndoSoftDeletedMailbox(tx, c.Guid, directory.UndoInput{WindowsLiveID: "carol2@contoso.com", Password: "x"}); storetest.LifecycleReason(err) != directory.ReasonAccountHardDeleted {
			t.Errorf("undo after the account was purged: %v", err)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 1 || ts[0].Kind != directory.TimerSoftDeleteExpiry {
			t.Errorf("timers: %+v", ts)
		}
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, c.Guid))

		// Inactive: the mailbox stays without ExternalDirectoryObjectId.
		setHold(t, tx, "meganb", func(m *directory.Mailbox) { m.ComplianceTagHoldApplied = true })
		mg := storetest.Mailbox(t, tx, "meganb")
		storetest.Must(t, directory.DeleteUserAccount(tx, mg.ExternalDirectoryObjectId))
		if m := storetest.Mailbox(t, tx, mg.Guid); m.LifecycleState != directory.StateInactive {
			t.Errorf("held mailbox after account delete: %s", m.LifecycleState)
		}
		storetest.Must(t, directory.PurgeUserAccount(tx, mg.ExternalDirectoryObjectId))
		m := storetest.Mailbox(t, tx, mg.Guid)
		if m.LifecycleState != directory.StateInactive || m.ExternalDirectoryObjectId != "" {
			t.Errorf("after purge: %s %q", m.LifecycleState, m.ExternalDirectoryObjectId)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers: %+v", ts)
		}

		// Recycle-bin expiry of an account without a mailbox (another
		// administrator first: Organization Management keeps a member).
		others, _ := directory.FindUsersByUPN(tx, "alexw@contoso.com")
		if _, err := rbac.AddRoleGroupMember(tx, rbac.OrgManagementGroup, others[0].ObjectID); err != nil {
			t.Fatal(err)
		}
		users, _ := directory.FindUsersByUPN(tx, "admin@contoso.onmicrosoft.com")
		admin := users[0]
		admin.MailboxGuid = ""
		storetest.Must(t, directory.PutUser(tx, admin))
		storetest.Must(t, directory.DeleteUserAccount(tx, admin.ObjectID))
		if du, _ := directory.DeletedUsers(tx); len(du) != 1 {
			t.Errorf("recycle bin: %d", len(du))
		}
		storetest.Must(t, tx.AdvanceBy(30*store.Day+time.Second))
		if _, err := directory.GetUser(tx, admin.ObjectID); !errors.Is(err, store.ErrNotFound) {
			t.Error("account not purged after 30 days")
		}
	})
}

func TestUnlicensedAccountDeleteKeepsGrace(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "isaiahl")
		id := m.ExternalDirectoryObjectId
		storetest.Must(t, directory.RemoveLicense(tx, id, "SPE_E5"))
		storetest.Must(t, directory.DeleteUserAccount(tx, id))
		if g := storetest.Mailbox(t, tx, m.Guid); g.LifecycleState != directory.StateUnlicensedGrace {
			t.Errorf("state = %s (deleting an unlicensed user doesn't soft-delete the mailbox)", g.LifecycleState)
		}
		storetest.Must(t, tx.AdvanceBy(31*store.Day))
		if _, err := directory.GetMailbox(tx, m.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Error("not purged")
		}
	})
}

func TestJournalArchiveMailUser(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		mu := storetest.Mailbox(t, tx, "miriamg")
		if !mu.IsMailUser() || !mu.HasJournalArchive || mu.Guid != seed.JournalMailUserGuid {
			t.Fatalf("seed: %+v", mu)
		}
		before := storetest.TxExport(t, tx)
		var je *directory.JournalArchiveError
		if _, err := directory.RemoveMailbox(tx, mu.Guid, ""); !errors.As(err, &je) || je.Guid != mu.Guid {
			t.Errorf("remove: %v", err)
		}
		if err := directory.DeleteUserAccount(tx, mu.ExternalDirectoryObjectId); !errors.As(err, &je) {
			t.Errorf("delete account: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused removal changed the tenant")
		}
		storetest.Must(t, directory.DisableJournalArchiving(tx, mu.Guid, true))
		if err := directory.DisableJournalArchiving(tx, mu.Guid, true); storetest.LifecycleReason(err) != directory.ReasonNoJournalArchive {
			t.Errorf("twice: %v", err)
		}
		if m := storetest.Mailbox(t, tx, mu.Guid); m.LifecycleState != directory.StateActive {
			t.Errorf("preserved mail user: %s", m.LifecycleState)
		}
		got, err := directory.RemoveMailbox(tx, mu.Guid, "")
		storetest.Must(t, err)
		if got.LifecycleState != directory.StateSoftDeleted {
			t.Errorf("mail user state %s", got.LifecycleState)
		}
		// Holds are ignored for mail users.
		setHold(t, tx, "roby", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		rb := storetest.Mailbox(t, tx, "roby")
		got, err = directory.RemoveMailbox(tx, rb.Guid, "")
		storetest.Must(t, err)
		if got.LifecycleState != directory.StateSoftDeleted {
			t.Errorf("held mail user state %s", got.LifecycleState)
		}
	})
	s = storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, directory.DisableJournalArchiving(tx, seed.JournalMailUserGuid, false))
		if m := storetest.Mailbox(t, tx, seed.JournalMailUserGuid); m.LifecycleState != directory.StateSoftDeleted || m.HasJournalArchive {
			t.Errorf("without -PreserveMailUser: %s", m.LifecycleState)
		}
	})
}

// TestVisibilityTable checks which lifecycle states each Get-Mailbox scope
// lists, for every state and switch.
func TestVisibilityTable(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		// Active: carolo. Grace: marion. SoftDeleted: laura. Inactive: annb.
		// Retired: lidiah. Purged: walterh.
		storetest.Must(t, directory.RemoveLicense(tx, storetest.Mailbox(t, tx, "marion").ExternalDirectoryObjectId, "SPE_E5"))
		_, err := directory.RemoveMailbox(tx, storetest.Mailbox(t, tx, "laura").Guid, "")
		storetest.Must(t, err)
		setHold(t, tx, "annb", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		_, err = directory.RemoveMailbox(tx, storetest.Mailbox(t, tx, "annb").Guid, "")
		storetest.Must(t, err)
		setHold(t, tx, "lidiah", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		p := storetest.Mailbox(t, tx, "lidiah")
		_, err = directory.RemoveMailbox(tx, p.Guid, "")
		storetest.Must(t, err)
		setHold(t, tx, p.Guid, func(m *directory.Mailbox) { m.LitigationHoldEnabled = false })
		_, err = directory.RecalculateInactiveMailbox(tx, p.Guid)
		storetest.Must(t, err)
		w := storetest.Mailbox(t, tx, "walterh")
		_, err = directory.RemoveMailbox(tx, w.Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, w.Guid))

		rows := []struct {
			alias string
			want  [4]bool // none, -SoftDeletedMailbox, -InactiveMailboxOnly, -IncludeInactiveMailbox
		}{
			{"carolo", [4]bool{true, false, false, true}},
			{"marion", [4]bool{true, false, false, true}}, // unlicensed, still active
			{"laura", [4]bool{false, true, false, false}},
			{"annb", [4]bool{false, true, true, true}},
			{"lidiah", [4]bool{false, true, false, false}},
			{"walterh", [4]bool{false, false, false, false}},
		}
		scopes := []directory.Scope{directory.ScopeActive, directory.ScopeSoftDeleted, directory.ScopeInactiveOnly, directory.ScopeIncludeInactive}
		listed := map[directory.Scope]map[string]bool{}
		for _, sc := range scopes {
			listed[sc] = map[string]bool{}
			cursor := ""
			for {
				page, next, err := directory.ScanMailboxScope(tx, sc, cursor, 3)
				storetest.Must(t, err)
				for _, m := range page {
					listed[sc][m.Alias] = true
				}
				if next == "" {
					break
				}
				cursor = next
			}
			n, err := directory.CountMailboxScope(tx, sc)
			storetest.Must(t, err)
			if n != len(listed[sc]) {
				t.Errorf("%v: count %d, listed %d", sc, n, len(listed[sc]))
			}
		}
		for _, r := range rows {
			for i, sc := range scopes {
				_, err := directory.ResolveMailboxes(tx, r.alias, sc)
				if got := err == nil; got != r.want[i] {
					t.Errorf("%s in %v by identity: %v, want %v (%v)", r.alias, sc, got, r.want[i], err)
				}
				if got := listed[sc][r.alias]; got != r.want[i] {
					t.Errorf("%s in %v list: %v, want %v", r.alias, sc, got, r.want[i])
				}
			}
		}
		if n, _ := directory.CountMailboxScope(tx, directory.ScopeSoftDeleted); n != 3 {
			t.Errorf("soft-deleted count %d", n)
		}
		if listed[directory.ScopeActive]["miriamg"] || !listed[directory.ScopeActive]["info"] || !listed[directory.ScopeActive][seed.RoomAlias] {
			t.Error("mail users must not be listed; shared and room mailboxes must")
		}
	})
}

func TestIdentityForms(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		l := storetest.Mailbox(t, tx, "laura")
		forms := func(m *directory.Mailbox) []string {
			return []string{m.Name, strings.ToUpper(m.Alias), m.DisplayName, m.DistinguishedName, m.CanonicalName(),
				m.ExchangeGuid, store.GuidNoDashes(m.ExchangeGuid), m.Guid, "{" + strings.ToUpper(m.Guid) + "}", m.ExternalDirectoryObjectId,
				m.PrimarySmtpAddress, "laura@contoso.onmicrosoft.com", m.UserPrincipalName, m.LegacyExchangeDN}
		}
		for _, id := range forms(l) {
			if m, err := directory.ResolveMailbox(tx, id, directory.ScopeActive); err != nil || m.Guid != l.Guid {
				t.Errorf("active %q: %v", id, err)
			}
		}
		if _, err := directory.ResolveMailbox(tx, `Soft Deleted Objects\laura`, directory.ScopeActive); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("soft-deleted form matched an active mailbox: %v", err)
		}
		_, err := directory.RemoveMailbox(tx, l.Guid, "")
		storetest.Must(t, err)
		d := storetest.Mailbox(t, tx, l.Guid)
		if !strings.HasSuffix(d.CanonicalName(), "/contoso.onmicrosoft.com/Soft Deleted Objects/laura") {
			t.Errorf("canonical name %q", d.CanonicalName())
		}
		ids := append(forms(d), `Soft Deleted Objects\laura`, `soft deleted objects\LAURA`)
		for _, id := range ids {
			if m, err := directory.ResolveMailbox(tx, id, directory.ScopeSoftDeleted); err != nil || m.Guid != l.Guid {
				t.Errorf("soft-deleted %q: %v", id, err)
			}
			if _, err := directory.ResolveMailbox(tx, id, directory.ScopeActive); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%q found in active scope: %v", id, err)
			}
		}
		// The active DN no longer matches.
		if _, err := directory.ResolveMailbox(tx, l.DistinguishedName, directory.ScopeAny); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("old DN still resolves: %v", err)
		}
		// Ambiguity: an active and a deleted mailbox sharing an address.
		_, _, err = directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Laura P", Alias: "laura2", MicrosoftOnlineServicesID: "laura@contoso.com"})
		storetest.Must(t, err)
		var ae *store.AmbiguousError
		if _, err := directory.ResolveMailbox(tx, "laura@contoso.com", directory.ScopeAny); !errors.As(err, &ae) || len(ae.Matches) != 2 {
			t.Errorf("ambiguous: %v", err)
		}
		if m, err := directory.ResolveMailbox(tx, "laura@contoso.com", directory.ScopeActive); err != nil || m.Alias != "laura2" {
			t.Errorf("active only: %v", err)
		}
	})
}

func TestCreateMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m, u, err := directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Kim Akers", DisplayName: "Kim Akers", FirstName: "Kim", LastName: "Akers",
			MicrosoftOnlineServicesID: "kima@contoso.com", Password: "P@ssw0rd", ResetPasswordOnNextLogon: true})
		storetest.Must(t, err)
		if m.Alias != "kima" || m.Name != "Kim Akers" || m.PrimarySmtpAddress != "kima@contoso.com" ||
			m.EmailAddresses[0] != "SMTP:kima@contoso.com" || m.EmailAddresses[1] != "smtp:kima@contoso.onmicrosoft.com" {
			t.Errorf("addresses: %+v", m)
		}
		if m.DistinguishedName != "CN=Kim Akers,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM" {
			t.Errorf("DN %q", m.DistinguishedName)
		}
		if !regexp.MustCompile(`^NAMPR06DG\d{3}-db\d{3}$`).MatchString(m.Database) || !strings.HasPrefix(m.ServerName, "dm6pr06mb") {
			t.Errorf("database %q server %q", m.Database, m.ServerName)
		}
		if m.ProhibitSendReceiveQuota != directory.GBQuota(100) || m.ProhibitSendQuota != directory.GBQuota(99) || m.IssueWarningQuota != directory.GBQuota(98) ||
			m.RetainDeletedItemsFor.String() != "14.00:00:00" || !m.WhenCreated.Equal(tx.Now()) {
			t.Errorf("defaults: %+v", m)
		}
		if !regexp.MustCompile(`^/o=ExchangeLabs/ou=Exchange Administrative Group \(FYDIBOHF23SPDLT\)/cn=Recipients/cn=[0-9a-f]{32}-kima$`).MatchString(m.LegacyExchangeDN) {
			t.Errorf("legacy DN %q", m.LegacyExchangeDN)
		}
		if !m.Licensed || !u.HasLicense("SPE_E5") || !u.AccountEnabled || !u.ForceChangePasswordNextSignIn || m.ExternalDirectoryObjectId != u.ObjectID {
			t.Errorf("licence/account: %+v %+v", m, u)
		}
		if c, _ := directory.GetMailboxContent(tx, m.Guid); len(c.Primary) == 0 {
			t.Error("no folders")
		}
		// E5 is now exhausted: the next user mailbox is unlicensed.
		m2, u2, err := directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Lynne Robbins", MicrosoftOnlineServicesID: "lynner@contoso.com"})
		storetest.Must(t, err)
		if m2.Licensed || len(u2.Licenses) != 0 || m2.LifecycleState != directory.StateActive {
			t.Errorf("unlicensed mailbox: %+v", m2)
		}
		// Shared and room mailboxes need no licence.
		sh, su, err := directory.CreateMailbox(tx, directory.NewMailboxInput{RecipientTypeDetails: directory.RecipientSharedMailbox, Name: "Help Desk", Alias: "helpdesk"})
		storetest.Must(t, err)
		if sh.RecipientTypeDetails != directory.RecipientSharedMailbox || sh.PrimarySmtpAddress != "helpdesk@contoso.com" || su.AccountEnabled || !sh.AccountDisabled {
			t.Errorf("shared: %+v", sh)
		}
		rm, _, err := directory.CreateMailbox(tx, directory.NewMailboxInput{RecipientTypeDetails: "Room", Name: "Conf Room Baker"})
		storetest.Must(t, err)
		if rm.Alias != "ConfRoomBaker" || rm.RecipientTypeDetails != directory.RecipientRoomMailbox {
			t.Errorf("room: %+v", rm)
		}

		before := storetest.TxExport(t, tx)
		bad := []struct {
			in   directory.NewMailboxInput
			prop string
		}{
			{directory.NewMailboxInput{Name: "Kim Akers", Alias: "kim2", MicrosoftOnlineServicesID: "kim2@contoso.com"}, "Name"},
			{directory.NewMailboxInput{Name: "K2", Alias: "kima", MicrosoftOnlineServicesID: "kim2@contoso.com"}, "Alias"},
			{directory.NewMailboxInput{Name: "K3", MicrosoftOnlineServicesID: "kima@contoso.com"}, "Alias"},
			{directory.NewMailboxInput{Name: "K4", Alias: "k4", MicrosoftOnlineServicesID: "annb@contoso.com"}, "UserPrincipalName"},
			{directory.NewMailboxInput{Name: "K5", Alias: "k5", MicrosoftOnlineServicesID: "k5@contoso.com", PrimarySmtpAddress: "annb@contoso.com"}, "PrimarySmtpAddress"},
			{directory.NewMailboxInput{Name: "K6", Alias: "k6", MicrosoftOnlineServicesID: "k6@contoso.com", ExchangeGuid: "664ef44e-c1a0-47b0-9553-2ecdfc6ef840"}, "ExchangeGuid"},
		}
		for _, b := range bad {
			_, _, err := directory.CreateMailbox(tx, b.in)
			var de *store.DuplicateError
			if !errors.As(err, &de) || de.Property != b.prop {
				t.Errorf("%+v: %v, want duplicate %s", b.in, err, b.prop)
			}
		}
		var ve *store.ValidationError
		for _, in := range []directory.NewMailboxInput{{}, {Name: "x"}, {Name: "x", MicrosoftOnlineServicesID: "nope"}, {Name: "x", RecipientTypeDetails: "Team"},
			{Name: "y", MicrosoftOnlineServicesID: "y@contoso.com", ExchangeGuid: "nope"}} {
			if _, _, err := directory.CreateMailbox(tx, in); !errors.As(err, &ve) {
				t.Errorf("%+v: %v", in, err)
			}
		}
		var lu *directory.LicenseUnavailableError
		if _, _, err := directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "z", MicrosoftOnlineServicesID: "z@contoso.com", LicenseSku: "SPE_E5"}); !errors.As(err, &lu) {
			t.Errorf("explicit exhausted SKU: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused New-Mailbox changed the tenant")
		}
	})
}

func TestExchangeGuidConflict(t *testing.T) {
	t.Parallel()
	const allieGuid = "1d20855f-fd54-4681-98e6-e249f4ed7a2c"
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		a := storetest.Mailbox(t, tx, "allieb")
		_, err := directory.RemoveMailbox(tx, a.Guid, "")
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		var ge *directory.GuidConflictError
		_, _, err = directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Allie Synced", Alias: "alliesync", MicrosoftOnlineServicesID: "alliesync@contoso.com",
			ExchangeGuid: strings.ToUpper(allieGuid), NoLicense: true})
		if !errors.As(err, &ge) || ge.ExistingGuid != a.Guid || ge.ExchangeGuid != allieGuid || ge.ExistingState != directory.StateSoftDeleted {
			t.Fatalf("unlicensed sync: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused creation changed the tenant")
		}
		// Licensed: the soft-deleted original is hard-deleted.
		m, _, err := directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Allie Synced", Alias: "alliesync", MicrosoftOnlineServicesID: "alliesync@contoso.com",
			ExchangeGuid: allieGuid})
		storetest.Must(t, err)
		if m.ExchangeGuid != allieGuid || !m.Licensed {
			t.Errorf("new mailbox: %+v", m)
		}
		if _, err := directory.GetMailbox(tx, a.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Error("original not hard-deleted")
		}
		// An inactive mailbox always conflicts.
		setHold(t, tx, "annb", func(m *directory.Mailbox) { m.LitigationHoldEnabled = true })
		_, err = directory.RemoveMailbox(tx, storetest.Mailbox(t, tx, "annb").Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, directory.AddSubscription(tx, "SPE_E5", 5))
		_, _, err = directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Ann 2", Alias: "ann2", MicrosoftOnlineServicesID: "ann2@contoso.com",
			ExchangeGuid: "664ef44e-c1a0-47b0-9553-2ecdfc6ef840"})
		if !errors.As(err, &ge) || ge.ExistingState != directory.StateInactive {
			t.Errorf("inactive conflict: %v", err)
		}
	})
}

func TestScanMailboxScopeOrderAndSynthetic(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	// More mailboxes than one page of the scan holds.
	if err := seed.AddSynthetic(s, 150); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *store.Tx) error {
		n, err := directory.CountMailboxScope(tx, directory.ScopeActive)
		storetest.Must(t, err)
		if n != 150+26 {
			t.Errorf("active count %d", n)
		}
		var names []string
		cursor := ""
		for {
			page, next, err := directory.ScanMailboxScope(tx, directory.ScopeActive, cursor, 100)
			storetest.Must(t, err)
			for _, m := range page {
				names = append(names, strings.ToLower(m.Name))
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if len(names) != n {
			t.Fatalf("scanned %d of %d", len(names), n)
		}
		for i := 1; i < len(names); i++ {
			if names[i-1] > names[i] {
				t.Fatalf("not ordered by name: %q before %q", names[i-1], names[i])
			}
		}
		if names[0] != "abrahamm" || names[len(names)-1] != "walterh" || names[len(names)-2] != "user0150" {
			t.Errorf("first %q last %q", names[0], names[len(names)-1])
		}
		m, err := directory.ResolveMailbox(tx, "user0042@contoso.com", directory.ScopeActive)
		if err != nil || !m.Licensed {
			t.Errorf("synthetic mailbox: %v", err)
		}
		return nil
	})
	// A second call continues the numbering.
	if err := seed.AddSynthetic(s, 2); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *store.Tx) error {
		if _, err := directory.ResolveMailbox(tx, "user0152", directory.ScopeActive); err != nil {
			t.Error(err)
		}
		return nil
	})
}

func TestSeedRecipients(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	_ = s.View(func(tx *store.Tx) error {
		for _, c := range []struct{ id, kind, guid string }{
			{"info@contoso.com", directory.RecipientSharedMailbox, seed.SharedGuid},
			{"Conf Room Adams", directory.RecipientRoomMailbox, seed.RoomGuid},
			{"miriamg", directory.RecipientMailUser, seed.JournalMailUserGuid},
			{"Rob Young", directory.RecipientMailUser, seed.PlainMailUserGuid},
		} {
			m, err := directory.ResolveMailbox(tx, c.id, directory.ScopeActive)
			if err != nil || m.RecipientTypeDetails != c.kind || m.Guid != c.guid {
				t.Errorf("%s: %+v %v", c.id, m, err)
				continue
			}
			u, err := directory.GetUser(tx, m.ExternalDirectoryObjectId)
			if err != nil || len(u.Licenses) != 0 || u.MailboxGuid != m.Guid {
				t.Errorf("%s account: %+v %v", c.id, u, err)
			}
			c2, _ := directory.GetMailboxContent(tx, m.Guid)
			items, _, _, _ := directory.Totals(c2.Primary)
			if (items > 0) == m.IsMailUser() {
				t.Errorf("%s: %d items", c.id, items)
			}
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("seed has timers: %v", ts)
		}
		return nil
	})
}

func TestRestoreUserAccountInactiveAndConflicts(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		setHold(t, tx, "pattif", func(m *directory.Mailbox) { m.DelayHoldApplied = true })
		p := storetest.Mailbox(t, tx, "pattif")
		id := p.ExternalDirectoryObjectId
		storetest.Must(t, directory.DeleteUserAccount(tx, id))
		if m := storetest.Mailbox(t, tx, p.Guid); m.LifecycleState != directory.StateInactive {
			t.Fatalf("state %s", m.LifecycleState)
		}
		// Another account takes the UPN meanwhile.
		_, nu, err := directory.CreateMailbox(tx, directory.NewMailboxInput{Name: "Patti F", Alias: "pattif2", MicrosoftOnlineServicesID: "pattif@contoso.com", NoLicense: true})
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		var de *store.DuplicateError
		if err := directory.RestoreUserAccount(tx, id); !errors.As(err, &de) || de.Property != "UserPrincipalName" || de.ExistingGuid != nu.ObjectID {
			t.Errorf("restore with UPN taken: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused restore changed the tenant")
		}
		storetest.Must(t, directory.DeleteUserAccount(tx, nu.ObjectID))
		storetest.Must(t, directory.PurgeUserAccount(tx, nu.ObjectID))
		storetest.Must(t, directory.PermanentlyDeleteMailbox(tx, nu.MailboxGuid))
		storetest.Must(t, tx.AdvanceBy(20*store.Day))
		storetest.Must(t, directory.RestoreUserAccount(tx, id))
		m := storetest.Mailbox(t, tx, p.Guid)
		if m.LifecycleState != directory.StateActive || !m.DelayHoldApplied || m.IsInactiveMailbox {
			t.Errorf("after restore (undo of an inactive mailbox): %+v", m)
		}
		if u, _ := directory.GetUser(tx, id); u.State != directory.UserActive || !u.HasLicense("SPE_E5") {
			t.Errorf("account: %+v", u)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers: %+v", ts)
		}
	})
}

// A mailbox is restored from the side it was deleted from, and an account
// without a mailbox that gets an Exchange licence gets a new one.
func TestRestoreSideAndProvisioning(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		a := storetest.Mailbox(t, tx, "allieb")
		id := a.ExternalDirectoryObjectId
		storetest.Must(t, directory.DeleteUserAccount(tx, id))
		if _, err := directory.UndoSoftDeletedMailbox(tx, a.Guid, directory.UndoInput{}); storetest.LifecycleReason(err) != directory.ReasonDeletedInEntra {
			t.Errorf("undo of a mailbox deleted with its account: %v", err)
		}
		storetest.Must(t, directory.RestoreUserAccount(tx, id))
		if m := storetest.Mailbox(t, tx, a.Guid); m.LifecycleState != directory.StateActive || m.DeletedInEntra {
			t.Errorf("after the account's restore: %s %t", m.LifecycleState, m.DeletedInEntra)
		}
		_, err := directory.RemoveMailbox(tx, a.Guid, "admin")
		storetest.Must(t, err)
		_, err = directory.UndoSoftDeletedMailbox(tx, a.Guid, directory.UndoInput{})
		storetest.Must(t, err)

		// An unlicensed mailbox whose account is deleted is out of sight
		// until the account is restored.
		d := storetest.Mailbox(t, tx, "diegos")
		storetest.Must(t, directory.RemoveLicense(tx, d.ExternalDirectoryObjectId, "SPE_E5"))
		storetest.Must(t, directory.DeleteUserAccount(tx, d.ExternalDirectoryObjectId))
		for _, sc := range []directory.Scope{directory.ScopeActive, directory.ScopeSoftDeleted, directory.ScopeIncludeInactive} {
			if _, err := directory.ResolveMailboxes(tx, "diegos", sc); err == nil {
				t.Errorf("unlicensed mailbox of a deleted account visible in %v", sc)
			}
		}
		storetest.Must(t, directory.RestoreUserAccount(tx, d.ExternalDirectoryObjectId))
		if _, err := directory.ResolveMailboxes(tx, "diegos", directory.ScopeActive); err != nil {
			t.Errorf("after the account's restore: %v", err)
		}

		// After the grace period the account has no mailbox; a licence
		// gives it a new, empty one.
		storetest.Must(t, tx.AdvanceBy(30*store.Day))
		u, err := directory.GetUser(tx, d.ExternalDirectoryObjectId)
		storetest.Must(t, err)
		if u.MailboxGuid != "" {
			t.Fatalf("mailbox after the grace period: %s", u.MailboxGuid)
		}
		storetest.Must(t, directory.AssignLicense(tx, u.ObjectID, "SPE_E5"))
		u, err = directory.GetUser(tx, u.ObjectID)
		storetest.Must(t, err)
		m := storetest.Mailbox(t, tx, u.MailboxGuid)
		if m.LifecycleState != directory.StateActive || !m.Licensed || m.ExchangeGuid == d.ExchangeGuid || m.Name != "diegos" || m.PrimarySmtpAddress != u.UserPrincipalName {
			t.Errorf("provisioned mailbox: %s %t %s %s %s", m.LifecycleState, m.Licensed, m.ExchangeGuid, m.Name, m.PrimarySmtpAddress)
		}
	})
}
