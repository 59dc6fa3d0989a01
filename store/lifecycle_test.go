package store_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func setHold(t *testing.T, tx *store.Tx, alias string, fn func(m *store.Mailbox)) {
	t.Helper()
	m := storetest.Mailbox(t, tx, alias)
	fn(m)
	storetest.Must(t, tx.PutMailbox(m))
}

func e5Consumed(t *testing.T, tx *store.Tx) int {
	t.Helper()
	o, err := tx.GetOrganization()
	storetest.Must(t, err)
	sub, _ := o.Subscription("SPE_E5")
	return sub.Consumed
}

func TestMailboxScopeCombinations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		soft, only, incl bool
		want             store.Scope
		conflict         bool
	}{
		{false, false, false, store.ScopeActive, false},
		{true, false, false, store.ScopeSoftDeleted, false},
		{false, true, false, store.ScopeInactiveOnly, false},
		{false, false, true, store.ScopeIncludeInactive, false},
		{true, true, false, store.ScopeInactiveOnly, false},
		{true, false, true, store.ScopeSoftDeleted, false},
		{false, true, true, 0, true},
		{true, true, true, 0, true},
	}
	for _, tt := range tests {
		got, err := store.MailboxScope(tt.soft, tt.only, tt.incl)
		var se *store.ScopeConflictError
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
		m     store.Mailbox
		org   []string
		state string
		want  bool
	}{
		{"nothing", store.Mailbox{}, nil, "", false},
		{"litigation", store.Mailbox{LitigationHoldEnabled: true}, nil, "", true},
		{"label", store.Mailbox{ComplianceTagHoldApplied: true}, nil, "", true},
		{"delay", store.Mailbox{DelayHoldApplied: true}, nil, "", true},
		{"delay release", store.Mailbox{DelayReleaseHoldApplied: true}, nil, "", true},
		{"ediscovery", store.Mailbox{InPlaceHolds: []string{"UniHecbf89df-74fc-444a-a2dc-c0756c7d3503"}}, nil, "", true},
		{"in-place", store.Mailbox{InPlaceHolds: []string{"c0ba3ce811b6432a8751430937152491"}}, nil, "", true},
		{"in-place cld", store.Mailbox{InPlaceHolds: []string{"cldc0ba3ce811b6432a8751430937152491"}}, nil, "", true},
		{"retain", store.Mailbox{InPlaceHolds: []string{"mbx" + pol + ":2"}}, nil, "", true},
		{"retain+delete", store.Mailbox{InPlaceHolds: []string{"mbx" + pol + ":3"}}, nil, "", true},
		{"skype retain", store.Mailbox{InPlaceHolds: []string{"skp" + pol + ":2"}}, nil, "", true},
		{"delete only", store.Mailbox{InPlaceHolds: []string{"mbx" + pol + ":1"}}, nil, "", false},
		{"exclusion marker alone", store.Mailbox{InPlaceHolds: []string{"-mbx" + pol}}, nil, "", false},
		{"org-wide retain", store.Mailbox{}, []string{"mbx" + pol + ":2"}, "", true},
		{"org-wide delete only", store.Mailbox{}, []string{"mbx" + pol + ":1"}, "", false},
		{"org-wide group only", store.Mailbox{}, []string{"grp" + pol + ":3"}, "", false},
		{"org-wide excluded", store.Mailbox{InPlaceHolds: []string{"-mbx" + pol}}, []string{"mbx" + pol + ":2"}, "", false},
		{"org-wide excluded other", store.Mailbox{InPlaceHolds: []string{"-mbx" + pol}}, []string{"mbx" + pol + ":2", "mbx1a0a132ee8944501a4bb6a452ec31171:3"}, "", true},
		{"org-wide on retired", store.Mailbox{}, []string{"mbx" + pol + ":2"}, store.StateRetiredInactive, false},
		{"org-wide on inactive", store.Mailbox{}, []string{"mbx" + pol + ":2"}, store.StateInactive, true},
		{"org-wide on mail user", store.Mailbox{RecipientTypeDetails: store.RecipientMailUser}, []string{"mbx" + pol + ":2"}, "", false},
		{"garbage", store.Mailbox{InPlaceHolds: []string{"hello", "mbx123:2"}}, nil, "", false},
	}
	for _, tt := range tests {
		m := tt.m
		m.LifecycleState = tt.state
		if m.LifecycleState == "" {
			m.LifecycleState = store.StateActive
		}
		if got := holds.MailboxOnHold(&m, tt.org); got != tt.want {
			t.Errorf("%s: onHold = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestT1SoftDeleteIdentityAndUndoT3(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "laura")
		activeDN, activeOU := m.DistinguishedName, m.OrganizationalUnit
		objectID := m.ExternalDirectoryObjectId
		consumed := e5Consumed(t, tx)
		got, err := tx.RemoveMailbox(m.Guid, "admin@contoso.onmicrosoft.com")
		storetest.Must(t, err)
		if got.LifecycleState != store.StateSoftDeleted || got.IsInactiveMailbox || got.WhenSoftDeleted == nil || !got.WhenSoftDeleted.Equal(tx.Now()) {
			t.Errorf("after T1: %+v", got)
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
		u, _ := tx.GetUser(objectID)
		if u.State != store.UserSoftDeleted || u.DeletedAt == nil {
			t.Errorf("account: %+v", u)
		}
		if du, _ := tx.DeletedUsers(); len(du) != 1 || du[0].ObjectID != objectID {
			t.Errorf("recycle bin = %v", du)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 2 {
			t.Errorf("timers = %+v", ts)
		}
		if _, err := tx.ResolveMailboxes("laura", store.ScopeActive); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get-Mailbox laura after delete: %v", err)
		}
		if _, err := tx.ResolveMailbox(`Soft Deleted Objects\laura`, store.ScopeSoftDeleted); err != nil {
			t.Error(err)
		}
		// Remove again: not active.
		if _, err := tx.RemoveMailbox(m.Guid, ""); storetest.LifecycleReason(err) != store.ReasonNotActive {
			t.Errorf("second remove: %v", err)
		}

		// T3.
		back, err := tx.UndoSoftDeletedMailbox(m.Guid, store.UndoInput{})
		storetest.Must(t, err)
		if back.LifecycleState != store.StateActive || back.WhenSoftDeleted != nil || back.DistinguishedName != activeDN ||
			back.OrganizationalUnit != activeOU || back.Identity() != "laura" || back.RemovedBy != "" {
			t.Errorf("after T3: %+v", back)
		}
		u, _ = tx.GetUser(objectID)
		if u.State != store.UserActive || u.DeletedAt != nil {
			t.Errorf("account after undo: %+v", u)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers not cancelled: %+v", ts)
		}
		if _, err := tx.ResolveMailbox("laura", store.ScopeActive); err != nil {
			t.Error(err)
		}
		if _, err := tx.UndoSoftDeletedMailbox(m.Guid, store.UndoInput{}); storetest.LifecycleReason(err) != store.ReasonNotDeleted {
			t.Errorf("undo active: %v", err)
		}
	})
}

// TestS6WindowBoundaries follows scenario S6 and checks the 30-day window
// a second before 30 days and at exactly 30 days.
func TestS6WindowBoundaries(t *testing.T) {
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
				m, err := tx.ResolveMailbox("Walter Harp", store.ScopeActive)
				storetest.Must(t, err)
				consumed := e5Consumed(t, tx)
				_, err = tx.RemoveMailbox(m.Guid, "")
				storetest.Must(t, err)
				if ms, err := tx.ResolveMailboxes("walterh", store.ScopeSoftDeleted); err != nil || len(ms) != 1 {
					t.Fatalf("soft-deleted list: %v", err)
				}
				storetest.Must(t, tx.AdvanceBy(tt.advance))
				_, err = tx.ResolveMailbox("walterh@contoso.com", store.ScopeSoftDeleted)
				if tt.purged {
					if !errors.Is(err, store.ErrNotFound) {
						t.Errorf("still there: %v", err)
					}
					if _, err := tx.GetUser(m.ExternalDirectoryObjectId); !errors.Is(err, store.ErrNotFound) {
						t.Errorf("account not purged: %v", err)
					}
					if e5Consumed(t, tx) != consumed-1 {
						t.Error("purged account's licence not released")
					}
					if du, _ := tx.DeletedUsers(); len(du) != 0 {
						t.Errorf("recycle bin: %v", du)
					}
					if ts, _ := tx.PendingTimers(); len(ts) != 0 {
						t.Errorf("timers left: %+v", ts)
					}
					return
				}
				storetest.Must(t, err)
				back, err := tx.UndoSoftDeletedMailbox(m.Guid, store.UndoInput{})
				storetest.Must(t, err)
				if back.WhenSoftDeleted != nil || back.LifecycleState != store.StateActive {
					t.Errorf("undo at the boundary: %+v", back)
				}
			})
		})
	}
}

func TestS7PermanentDelete(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		laura := storetest.Mailbox(t, tx, "laura")
		if err := tx.PermanentlyDeleteMailbox(laura.Guid); storetest.LifecycleReason(err) != store.ReasonNotDeleted {
			t.Errorf("active: %v", err)
		}
		_, err := tx.RemoveMailbox(laura.Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, tx.PermanentlyDeleteMailbox(laura.Guid))
		if _, err := tx.GetMailbox(laura.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Error("not purged")
		}
		if c, _ := tx.GetMailboxContent(laura.Guid); len(c.Primary) != 0 {
			t.Error("content left")
		}
		if u, err := tx.GetUser(laura.ExternalDirectoryObjectId); err != nil || u.MailboxGuid != "" || u.State != store.UserSoftDeleted {
			t.Errorf("account after T5: %+v %v", u, err)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 1 || ts[0].Kind != store.TimerRecycleBinExpiry {
			t.Errorf("timers: %+v", ts)
		}

		setHold(t, tx, "annb", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		annb := storetest.Mailbox(t, tx, "annb")
		_, err = tx.RemoveMailbox(annb.Guid, "")
		storetest.Must(t, err)
		m, err := tx.ResolveMailbox("annb", store.ScopeSoftDeleted)
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		if err := tx.PermanentlyDeleteMailbox(m.Guid); storetest.LifecycleReason(err) != store.ReasonInactive {
			t.Errorf("inactive: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused -PermanentlyDelete changed the tenant")
		}
	})
}

func TestT2InactiveT6UndoT7AccountPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		setHold(t, tx, "annb", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		annb := storetest.Mailbox(t, tx, "annb")
		consumed := e5Consumed(t, tx)
		m, err := tx.RemoveMailbox(annb.Guid, "")
		storetest.Must(t, err)
		if m.LifecycleState != store.StateInactive || !m.IsInactiveMailbox || !m.LitigationHoldEnabled || m.Licensed {
			t.Errorf("after T2: %+v", m)
		}
		if e5Consumed(t, tx) != consumed-1 {
			t.Error("licence not freed")
		}
		u, _ := tx.GetUser(annb.ExternalDirectoryObjectId)
		if len(u.Licenses) != 0 || len(u.FreedLicenses) != 1 || u.State != store.UserSoftDeleted {
			t.Errorf("account after T2: %+v", u)
		}
		if ms, err := tx.ResolveMailboxes("annb", store.ScopeInactiveOnly); err != nil || len(ms) != 1 {
			t.Errorf("-InactiveMailboxOnly: %v", err)
		}
		// T6 within 30 days.
		storetest.Must(t, tx.AdvanceBy(29*store.Day))
		back, err := tx.UndoSoftDeletedMailbox(annb.Guid, store.UndoInput{})
		storetest.Must(t, err)
		if back.LifecycleState != store.StateActive || back.IsInactiveMailbox || !back.LitigationHoldEnabled || !back.Licensed {
			t.Errorf("after T6: %+v", back)
		}
		if e5Consumed(t, tx) != consumed {
			t.Error("licence not re-assigned")
		}
		// Delete again and let the account expire (T7).
		_, err = tx.RemoveMailbox(annb.Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, tx.AdvanceBy(30*store.Day+time.Second))
		m = storetest.Mailbox(t, tx, "664ef44e-c1a0-47b0-9553-2ecdfc6ef840")
		if m.LifecycleState != store.StateInactive || m.ExternalDirectoryObjectId != "" {
			t.Errorf("after T7: state %s extid %q", m.LifecycleState, m.ExternalDirectoryObjectId)
		}
		if _, err := tx.GetUser(annb.ExternalDirectoryObjectId); !errors.Is(err, store.ErrNotFound) {
			t.Error("account not purged")
		}
		before := storetest.TxExport(t, tx)
		_, err = tx.UndoSoftDeletedMailbox(m.Guid, store.UndoInput{WindowsLiveID: "ann@contoso.com", Password: "x"})
		if storetest.LifecycleReason(err) != store.ReasonAccountPurgedUseRecover {
			t.Errorf("undo after T7: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused undo changed the tenant")
		}
		// The mailbox stays inactive indefinitely.
		storetest.Must(t, tx.AdvanceBy(400*store.Day))
		if m := storetest.Mailbox(t, tx, m.Guid); m.LifecycleState != store.StateInactive {
			t.Errorf("inactive mailbox changed: %s", m.LifecycleState)
		}
	})
}

func TestInactiveByOtherHolds(t *testing.T) {
	t.Parallel()
	const pol = "7cfb30345d454ac0a989ab3041051209"
	tests := []struct {
		name string
		hold func(o *store.Organization, m *store.Mailbox)
		want string
	}{
		{"no hold", func(*store.Organization, *store.Mailbox) {}, store.StateSoftDeleted},
		{"delay hold only", func(_ *store.Organization, m *store.Mailbox) { m.DelayHoldApplied = true }, store.StateInactive},
		{"org-wide retain", func(o *store.Organization, _ *store.Mailbox) { o.InPlaceHolds = []string{"mbx" + pol + ":2"} }, store.StateInactive},
		{"org-wide excluded", func(o *store.Organization, m *store.Mailbox) {
			o.InPlaceHolds = []string{"mbx" + pol + ":2"}
			m.InPlaceHolds = []string{"-mbx" + pol}
		}, store.StateSoftDeleted},
		{"delete-only policy", func(_ *store.Organization, m *store.Mailbox) { m.InPlaceHolds = []string{"mbx" + pol + ":1"} }, store.StateSoftDeleted},
		{"case hold", func(_ *store.Organization, m *store.Mailbox) {
			m.InPlaceHolds = []string{"UniHecbf89df-74fc-444a-a2dc-c0756c7d3503"}
		}, store.StateInactive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				o, _ := tx.GetOrganization()
				m := storetest.Mailbox(t, tx, "carolo")
				tt.hold(o, m)
				storetest.Must(t, tx.PutOrganization(o))
				storetest.Must(t, tx.PutMailbox(m))
				got, err := tx.RemoveMailbox(m.Guid, "")
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
		_, err := tx.RemoveMailbox(laura.Guid, "")
		storetest.Must(t, err)
		// A new mailbox takes over the sign-in name.
		_, _, err = tx.CreateMailbox(store.NewMailboxInput{Name: "Laura Painter", Alias: "laurap", MicrosoftOnlineServicesID: "laura@contoso.com", Password: "P@ss"})
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		for _, in := range []store.UndoInput{{}, {WindowsLiveID: "laura.painter@contoso.com"}, {Password: "x"}} {
			_, err := tx.UndoSoftDeletedMailbox(laura.Guid, in)
			var le *store.LifecycleError
			if !errors.As(err, &le) || le.Reason != store.ReasonSignInNameInUse || le.Detail != "laura@contoso.com" {
				t.Errorf("undo %+v: %v", in, err)
			}
		}
		_, err = tx.UndoSoftDeletedMailbox(laura.Guid, store.UndoInput{WindowsLiveID: "laurap@contoso.onmicrosoft.com", Password: "x"})
		var de *store.DuplicateError
		if !errors.As(err, &de) || de.Property != "WindowsLiveID" {
			t.Errorf("undo to a taken name: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused undo changed the tenant")
		}
		back, err := tx.UndoSoftDeletedMailbox(laura.Guid, store.UndoInput{WindowsLiveID: "laura.painter@contoso.com", Password: "x", Name: "laura.old"})
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
		u, _ := tx.GetUser(back.ExternalDirectoryObjectId)
		if u.UserPrincipalName != "laura.painter@contoso.com" || u.LastPasswordChangeDateTime == nil || u.State != store.UserActive {
			t.Errorf("account: %+v", u)
		}
	})
}

func TestUndoNameTaken(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		w := storetest.Mailbox(t, tx, "walterh")
		_, err := tx.RemoveMailbox(w.Guid, "")
		storetest.Must(t, err)
		_, _, err = tx.CreateMailbox(store.NewMailboxInput{Name: "walterh", Alias: "walter2", MicrosoftOnlineServicesID: "walter2@contoso.com"})
		storetest.Must(t, err)
		_, err = tx.UndoSoftDeletedMailbox(w.Guid, store.UndoInput{})
		var de *store.DuplicateError
		if !errors.As(err, &de) || de.Property != "Name" {
			t.Fatalf("undo with name taken: %v", err)
		}
		if _, err := tx.UndoSoftDeletedMailbox(w.Guid, store.UndoInput{Name: "walterh-restored"}); err != nil {
			t.Error(err)
		}
	})
}

func TestRetirementT10T11T12T13(t *testing.T) {
	t.Parallel()
	retire := func(t *testing.T, tx *store.Tx) *store.Mailbox {
		setHold(t, tx, "lidiah", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		p := storetest.Mailbox(t, tx, "lidiah")
		_, err := tx.RemoveMailbox(p.Guid, "")
		storetest.Must(t, err)
		if ok, err := tx.RecalculateInactiveMailbox(p.Guid); ok || err != nil {
			t.Fatalf("retired while held: %v %v", ok, err)
		}
		setHold(t, tx, p.Guid, func(m *store.Mailbox) { m.LitigationHoldEnabled = false })
		ok, err := tx.RecalculateInactiveMailbox(p.Guid)
		storetest.Must(t, err)
		if !ok {
			t.Fatal("not retired")
		}
		m := storetest.Mailbox(t, tx, p.Guid)
		if m.LifecycleState != store.StateRetiredInactive || m.IsInactiveMailbox || !m.WasInactiveMailbox ||
			m.InactiveMailboxRetireTime == nil || !m.InactiveMailboxRetireTime.Equal(tx.Now()) || m.WhenSoftDeleted == nil {
			t.Fatalf("after T10: %+v", m)
		}
		return m
	}
	t.Run("T11 boundary", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			storetest.Must(t, tx.AdvanceBy(10*store.Day))
			m := retire(t, tx)
			storetest.Must(t, tx.AdvanceBy(30*store.Day-time.Second))
			if got := storetest.Mailbox(t, tx, m.Guid); got.LifecycleState != store.StateRetiredInactive {
				t.Errorf("a second before 30 days: %s", got.LifecycleState)
			}
			storetest.Must(t, tx.AdvanceBy(time.Second))
			if _, err := tx.GetMailbox(m.Guid); !errors.Is(err, store.ErrNotFound) {
				t.Error("not purged at exactly 30 days")
			}
		})
	})
	t.Run("T12", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			m := retire(t, tx)
			storetest.Must(t, tx.PermanentlyDeleteMailbox(m.Guid))
			if ts, _ := tx.PendingTimers(); len(ts) != 1 || ts[0].Kind != store.TimerRecycleBinExpiry {
				t.Errorf("timers: %+v", ts)
			}
		})
	})
	t.Run("T13 account alive", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			m := retire(t, tx)
			back, err := tx.UndoSoftDeletedMailbox(m.Guid, store.UndoInput{})
			storetest.Must(t, err)
			if back.LifecycleState != store.StateActive || back.WasInactiveMailbox || back.InactiveMailboxRetireTime != nil {
				t.Errorf("after T13: %+v", back)
			}
		})
	})
	t.Run("T13 account purged", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			setHold(t, tx, "lidiah", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
			p := storetest.Mailbox(t, tx, "lidiah")
			_, err := tx.RemoveMailbox(p.Guid, "")
			storetest.Must(t, err)
			storetest.Must(t, tx.AdvanceBy(40*store.Day))
			setHold(t, tx, p.Guid, func(m *store.Mailbox) { m.LitigationHoldEnabled = false })
			_, err = tx.RecalculateInactiveMailbox(p.Guid)
			storetest.Must(t, err)
			before := storetest.TxExport(t, tx)
			if _, err := tx.UndoSoftDeletedMailbox(p.Guid, store.UndoInput{}); storetest.LifecycleReason(err) != store.ReasonAccountPurgedNeedsCredentials {
				t.Errorf("undo without credentials: %v", err)
			}
			if storetest.TxExport(t, tx) != before {
				t.Error("refused undo changed the tenant")
			}
			back, err := tx.UndoSoftDeletedMailbox(p.Guid, store.UndoInput{WindowsLiveID: "pilar.pinilla@contoso.com", Password: "pw"})
			storetest.Must(t, err)
			if back.ExternalDirectoryObjectId == "" || back.ExternalDirectoryObjectId == p.ExternalDirectoryObjectId {
				t.Errorf("no new account: %q", back.ExternalDirectoryObjectId)
			}
			u, err := tx.GetUser(back.ExternalDirectoryObjectId)
			if err != nil || u.UserPrincipalName != "pilar.pinilla@contoso.com" || u.MailboxGuid != back.Guid || !u.HasMailboxLicense() {
				t.Errorf("new account: %+v %v", u, err)
			}
			if ts, _ := tx.PendingTimers(); len(ts) != 0 {
				t.Errorf("timers left: %+v", ts)
			}
		})
	})
	t.Run("T13 window over", func(t *testing.T) {
		s := storetest.Seeded(t, seed.Contoso)
		storetest.Update(t, s, func(tx *store.Tx) {
			m := retire(t, tx)
			// Simulate a missed timer: move the retire time back.
			m.InactiveMailboxRetireTime = new(tx.Now().Add(-31 * store.Day))
			storetest.Must(t, tx.PutMailbox(m))
			_, err := tx.UndoSoftDeletedMailbox(m.Guid, store.UndoInput{})
			if storetest.LifecycleReason(err) != store.ReasonWindowExpired || !errors.Is(err, store.ErrNotFound) {
				t.Errorf("undo after window: %v", err)
			}
		})
	})
}

func TestLicenceGraceT14T15T16(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		hold      bool
		reassign  time.Duration // <0: never
		advance   time.Duration
		wantState string // "" = purged
	}{
		{"re-licensed inside the window", false, 29 * store.Day, 60 * store.Day, store.StateActive},
		{"a second short of 30 days", false, -1, 30*store.Day - time.Second, store.StateUnlicensedGrace},
		{"exactly 30 days purges", false, -1, 30 * store.Day, ""},
		{"held mailbox becomes inactive (D-16)", true, -1, 31 * store.Day, store.StateInactive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				if tt.hold {
					setHold(t, tx, "marion", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
				}
				m := storetest.Mailbox(t, tx, "marion")
				id := m.ExternalDirectoryObjectId
				storetest.Must(t, tx.RemoveLicense(id, "SPE_E5"))
				g := storetest.Mailbox(t, tx, m.Guid)
				if g.LifecycleState != store.StateUnlicensedGrace || g.Licensed {
					t.Fatalf("after T14: %s", g.LifecycleState)
				}
				// still an active mailbox during its grace period, never a
				// soft-deleted or inactive one
				for _, sc := range []store.Scope{store.ScopeActive, store.ScopeSoftDeleted, store.ScopeInactiveOnly, store.ScopeIncludeInactive} {
					_, err := tx.ResolveMailboxes("marion", sc)
					if visible := err == nil; visible != (sc == store.ScopeActive || sc == store.ScopeIncludeInactive) {
						t.Errorf("grace mailbox visible in %v: %t", sc, visible)
					}
				}
				if tt.reassign >= 0 {
					storetest.Must(t, tx.AdvanceBy(tt.reassign))
					storetest.Must(t, tx.AssignLicense(id, "SPE_E5"))
					if g := storetest.Mailbox(t, tx, m.Guid); g.LifecycleState != store.StateActive || !g.Licensed {
						t.Fatalf("after T15: %s", g.LifecycleState)
					}
					storetest.Must(t, tx.AdvanceBy(tt.advance-tt.reassign))
				} else {
					storetest.Must(t, tx.AdvanceBy(tt.advance))
				}
				got, err := tx.GetMailbox(m.Guid)
				if tt.wantState == "" {
					if !errors.Is(err, store.ErrNotFound) {
						t.Fatalf("not purged: %v", got)
					}
					u, err := tx.GetUser(id)
					if err != nil || u.MailboxGuid != "" || u.State != store.UserActive {
						t.Errorf("account after T16: %+v %v", u, err)
					}
					return
				}
				storetest.Must(t, err)
				if got.LifecycleState != tt.wantState {
					t.Errorf("state = %s, want %s", got.LifecycleState, tt.wantState)
				}
				if tt.hold && (got.WhenSoftDeleted == nil || !got.IsInactiveMailbox) {
					t.Errorf("D-16 mailbox: %+v", got)
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
		storetest.Must(t, tx.DeleteUserAccount(id))
		if m := storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != store.StateSoftDeleted || m.Identity() != `Soft Deleted Objects\carolo` {
			t.Errorf("mailbox after account delete: %s", m.LifecycleState)
		}
		if err := tx.DeleteUserAccount(id); storetest.LifecycleReason(err) != store.ReasonNotActive {
			t.Errorf("delete twice: %v", err)
		}
		storetest.Must(t, tx.RestoreUserAccount(id))
		if m := storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != store.StateActive || m.WhenSoftDeleted != nil {
			t.Errorf("mailbox after restore: %s", m.LifecycleState)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers: %+v", ts)
		}
		if err := tx.PurgeUserAccount(id); storetest.LifecycleReason(err) != store.ReasonNotDeleted {
			t.Errorf("purge active account: %v", err)
		}
		storetest.Must(t, tx.DeleteUserAccount(id))
		storetest.Must(t, tx.PurgeUserAccount(id))
		// The soft-deleted mailbox stays, without its account, until 30
		// days after its deletion; Undo-SoftDeletedMailbox can't bring it
		// back any more.
		if m := storetest.Mailbox(t, tx, c.Guid); m.LifecycleState != store.StateSoftDeleted || m.ExternalDirectoryObjectId != "" {
			t.Errorf("soft-deleted mailbox after its account was purged: %s %q", m.LifecycleState, m.ExternalDirectoryObjectId)
		}
		if _, err := tx.UndoSoftDeletedMailbox(c.Guid, store.UndoInput{WindowsLiveID: "carol2@contoso.com", Password: "x"}); storetest.LifecycleReason(err) != store.ReasonAccountHardDeleted {
			t.Errorf("undo after the account was purged: %v", err)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 1 || ts[0].Kind != store.TimerSoftDeleteExpiry {
			t.Errorf("timers: %+v", ts)
		}
		storetest.Must(t, tx.PermanentlyDeleteMailbox(c.Guid))

		// Inactive: the mailbox stays without ExternalDirectoryObjectId.
		setHold(t, tx, "meganb", func(m *store.Mailbox) { m.ComplianceTagHoldApplied = true })
		mg := storetest.Mailbox(t, tx, "meganb")
		storetest.Must(t, tx.DeleteUserAccount(mg.ExternalDirectoryObjectId))
		if m := storetest.Mailbox(t, tx, mg.Guid); m.LifecycleState != store.StateInactive {
			t.Errorf("held mailbox after account delete: %s", m.LifecycleState)
		}
		storetest.Must(t, tx.PurgeUserAccount(mg.ExternalDirectoryObjectId))
		m := storetest.Mailbox(t, tx, mg.Guid)
		if m.LifecycleState != store.StateInactive || m.ExternalDirectoryObjectId != "" {
			t.Errorf("after purge: %s %q", m.LifecycleState, m.ExternalDirectoryObjectId)
		}
		if ts, _ := tx.PendingTimers(); len(ts) != 0 {
			t.Errorf("timers: %+v", ts)
		}

		// Recycle-bin expiry of an account without a mailbox (another
		// administrator first: Organization Management keeps a member).
		others, _ := tx.FindUsersByUPN("alexw@contoso.com")
		if _, err := rbac.AddRoleGroupMember(tx, rbac.OrgManagementGroup, others[0].ObjectID); err != nil {
			t.Fatal(err)
		}
		users, _ := tx.FindUsersByUPN("admin@contoso.onmicrosoft.com")
		admin := users[0]
		admin.MailboxGuid = ""
		storetest.Must(t, tx.PutUser(admin))
		storetest.Must(t, tx.DeleteUserAccount(admin.ObjectID))
		if du, _ := tx.DeletedUsers(); len(du) != 1 {
			t.Errorf("recycle bin: %d", len(du))
		}
		storetest.Must(t, tx.AdvanceBy(30*store.Day+time.Second))
		if _, err := tx.GetUser(admin.ObjectID); !errors.Is(err, store.ErrNotFound) {
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
		storetest.Must(t, tx.RemoveLicense(id, "SPE_E5"))
		storetest.Must(t, tx.DeleteUserAccount(id))
		if g := storetest.Mailbox(t, tx, m.Guid); g.LifecycleState != store.StateUnlicensedGrace {
			t.Errorf("state = %s (deleting an unlicensed user doesn't soft-delete the mailbox)", g.LifecycleState)
		}
		storetest.Must(t, tx.AdvanceBy(31*store.Day))
		if _, err := tx.GetMailbox(m.Guid); !errors.Is(err, store.ErrNotFound) {
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
		var je *store.JournalArchiveError
		if _, err := tx.RemoveMailbox(mu.Guid, ""); !errors.As(err, &je) || je.Guid != mu.Guid {
			t.Errorf("remove: %v", err)
		}
		if err := tx.DeleteUserAccount(mu.ExternalDirectoryObjectId); !errors.As(err, &je) {
			t.Errorf("delete account: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused removal changed the tenant")
		}
		storetest.Must(t, tx.DisableJournalArchiving(mu.Guid, true))
		if err := tx.DisableJournalArchiving(mu.Guid, true); storetest.LifecycleReason(err) != store.ReasonNoJournalArchive {
			t.Errorf("twice: %v", err)
		}
		if m := storetest.Mailbox(t, tx, mu.Guid); m.LifecycleState != store.StateActive {
			t.Errorf("preserved mail user: %s", m.LifecycleState)
		}
		got, err := tx.RemoveMailbox(mu.Guid, "")
		storetest.Must(t, err)
		if got.LifecycleState != store.StateSoftDeleted {
			t.Errorf("mail user state %s", got.LifecycleState)
		}
		// Holds are ignored for mail users.
		setHold(t, tx, "roby", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		rb := storetest.Mailbox(t, tx, "roby")
		got, err = tx.RemoveMailbox(rb.Guid, "")
		storetest.Must(t, err)
		if got.LifecycleState != store.StateSoftDeleted {
			t.Errorf("held mail user state %s", got.LifecycleState)
		}
	})
	s = storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, tx.DisableJournalArchiving(seed.JournalMailUserGuid, false))
		if m := storetest.Mailbox(t, tx, seed.JournalMailUserGuid); m.LifecycleState != store.StateSoftDeleted || m.HasJournalArchive {
			t.Errorf("without -PreserveMailUser: %s", m.LifecycleState)
		}
	})
}

// TestVisibilityTable checks the whole Get-Mailbox table of §3.4.
func TestVisibilityTable(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		// Active: carolo. Grace: marion. SoftDeleted: laura. Inactive: annb.
		// Retired: lidiah. Purged: walterh.
		storetest.Must(t, tx.RemoveLicense(storetest.Mailbox(t, tx, "marion").ExternalDirectoryObjectId, "SPE_E5"))
		_, err := tx.RemoveMailbox(storetest.Mailbox(t, tx, "laura").Guid, "")
		storetest.Must(t, err)
		setHold(t, tx, "annb", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		_, err = tx.RemoveMailbox(storetest.Mailbox(t, tx, "annb").Guid, "")
		storetest.Must(t, err)
		setHold(t, tx, "lidiah", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		p := storetest.Mailbox(t, tx, "lidiah")
		_, err = tx.RemoveMailbox(p.Guid, "")
		storetest.Must(t, err)
		setHold(t, tx, p.Guid, func(m *store.Mailbox) { m.LitigationHoldEnabled = false })
		_, err = tx.RecalculateInactiveMailbox(p.Guid)
		storetest.Must(t, err)
		w := storetest.Mailbox(t, tx, "walterh")
		_, err = tx.RemoveMailbox(w.Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, tx.PermanentlyDeleteMailbox(w.Guid))

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
		scopes := []store.Scope{store.ScopeActive, store.ScopeSoftDeleted, store.ScopeInactiveOnly, store.ScopeIncludeInactive}
		listed := map[store.Scope]map[string]bool{}
		for _, sc := range scopes {
			listed[sc] = map[string]bool{}
			cursor := ""
			for {
				page, next, err := tx.ScanMailboxScope(sc, cursor, 3)
				storetest.Must(t, err)
				for _, m := range page {
					listed[sc][m.Alias] = true
				}
				if next == "" {
					break
				}
				cursor = next
			}
			n, err := tx.CountMailboxScope(sc)
			storetest.Must(t, err)
			if n != len(listed[sc]) {
				t.Errorf("%v: count %d, listed %d", sc, n, len(listed[sc]))
			}
		}
		for _, r := range rows {
			for i, sc := range scopes {
				_, err := tx.ResolveMailboxes(r.alias, sc)
				if got := err == nil; got != r.want[i] {
					t.Errorf("%s in %v by identity: %v, want %v (%v)", r.alias, sc, got, r.want[i], err)
				}
				if got := listed[sc][r.alias]; got != r.want[i] {
					t.Errorf("%s in %v list: %v, want %v", r.alias, sc, got, r.want[i])
				}
			}
		}
		if n, _ := tx.CountMailboxScope(store.ScopeSoftDeleted); n != 3 {
			t.Errorf("soft-deleted count %d", n)
		}
		if listed[store.ScopeActive]["miriamg"] || !listed[store.ScopeActive]["info"] || !listed[store.ScopeActive][seed.RoomAlias] {
			t.Error("mail users must not be listed; shared and room mailboxes must")
		}
	})
}

func TestIdentityForms(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		l := storetest.Mailbox(t, tx, "laura")
		forms := func(m *store.Mailbox) []string {
			return []string{m.Name, strings.ToUpper(m.Alias), m.DisplayName, m.DistinguishedName, m.CanonicalName(),
				m.ExchangeGuid, store.GuidNoDashes(m.ExchangeGuid), m.Guid, "{" + strings.ToUpper(m.Guid) + "}", m.ExternalDirectoryObjectId,
				m.PrimarySmtpAddress, "laura@contoso.onmicrosoft.com", m.UserPrincipalName, m.LegacyExchangeDN}
		}
		for _, id := range forms(l) {
			if m, err := tx.ResolveMailbox(id, store.ScopeActive); err != nil || m.Guid != l.Guid {
				t.Errorf("active %q: %v", id, err)
			}
		}
		if _, err := tx.ResolveMailbox(`Soft Deleted Objects\laura`, store.ScopeActive); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("soft-deleted form matched an active mailbox: %v", err)
		}
		_, err := tx.RemoveMailbox(l.Guid, "")
		storetest.Must(t, err)
		d := storetest.Mailbox(t, tx, l.Guid)
		if !strings.HasSuffix(d.CanonicalName(), "/contoso.onmicrosoft.com/Soft Deleted Objects/laura") {
			t.Errorf("canonical name %q", d.CanonicalName())
		}
		ids := append(forms(d), `Soft Deleted Objects\laura`, `soft deleted objects\LAURA`)
		for _, id := range ids {
			if m, err := tx.ResolveMailbox(id, store.ScopeSoftDeleted); err != nil || m.Guid != l.Guid {
				t.Errorf("soft-deleted %q: %v", id, err)
			}
			if _, err := tx.ResolveMailbox(id, store.ScopeActive); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%q found in active scope: %v", id, err)
			}
		}
		// The active DN no longer matches.
		if _, err := tx.ResolveMailbox(l.DistinguishedName, store.ScopeAny); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("old DN still resolves: %v", err)
		}
		// Ambiguity: an active and a deleted mailbox sharing an address.
		_, _, err = tx.CreateMailbox(store.NewMailboxInput{Name: "Laura P", Alias: "laura2", MicrosoftOnlineServicesID: "laura@contoso.com"})
		storetest.Must(t, err)
		var ae *store.AmbiguousError
		if _, err := tx.ResolveMailbox("laura@contoso.com", store.ScopeAny); !errors.As(err, &ae) || len(ae.Matches) != 2 {
			t.Errorf("ambiguous: %v", err)
		}
		if m, err := tx.ResolveMailbox("laura@contoso.com", store.ScopeActive); err != nil || m.Alias != "laura2" {
			t.Errorf("active only: %v", err)
		}
	})
}

func TestCreateMailbox(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m, u, err := tx.CreateMailbox(store.NewMailboxInput{Name: "Kim Akers", DisplayName: "Kim Akers", FirstName: "Kim", LastName: "Akers",
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
		if m.ProhibitSendReceiveQuota != store.GBQuota(100) || m.ProhibitSendQuota != store.GBQuota(99) || m.IssueWarningQuota != store.GBQuota(98) ||
			m.RetainDeletedItemsFor.String() != "14.00:00:00" || !m.WhenCreated.Equal(tx.Now()) {
			t.Errorf("defaults: %+v", m)
		}
		if !regexp.MustCompile(`^/o=ExchangeLabs/ou=Exchange Administrative Group \(FYDIBOHF23SPDLT\)/cn=Recipients/cn=[0-9a-f]{32}-kima$`).MatchString(m.LegacyExchangeDN) {
			t.Errorf("legacy DN %q", m.LegacyExchangeDN)
		}
		if !m.Licensed || !u.HasLicense("SPE_E5") || !u.AccountEnabled || !u.ForceChangePasswordNextSignIn || m.ExternalDirectoryObjectId != u.ObjectID {
			t.Errorf("licence/account: %+v %+v", m, u)
		}
		if c, _ := tx.GetMailboxContent(m.Guid); len(c.Primary) == 0 {
			t.Error("no folders")
		}
		// E5 is now exhausted: the next user mailbox is unlicensed.
		m2, u2, err := tx.CreateMailbox(store.NewMailboxInput{Name: "Lynne Robbins", MicrosoftOnlineServicesID: "lynner@contoso.com"})
		storetest.Must(t, err)
		if m2.Licensed || len(u2.Licenses) != 0 || m2.LifecycleState != store.StateActive {
			t.Errorf("unlicensed mailbox: %+v", m2)
		}
		// Shared and room mailboxes need no licence.
		sh, su, err := tx.CreateMailbox(store.NewMailboxInput{RecipientTypeDetails: store.RecipientSharedMailbox, Name: "Help Desk", Alias: "helpdesk"})
		storetest.Must(t, err)
		if sh.RecipientTypeDetails != store.RecipientSharedMailbox || sh.PrimarySmtpAddress != "helpdesk@contoso.com" || su.AccountEnabled || !sh.AccountDisabled {
			t.Errorf("shared: %+v", sh)
		}
		rm, _, err := tx.CreateMailbox(store.NewMailboxInput{RecipientTypeDetails: "Room", Name: "Conf Room Baker"})
		storetest.Must(t, err)
		if rm.Alias != "ConfRoomBaker" || rm.RecipientTypeDetails != store.RecipientRoomMailbox {
			t.Errorf("room: %+v", rm)
		}

		before := storetest.TxExport(t, tx)
		bad := []struct {
			in   store.NewMailboxInput
			prop string
		}{
			{store.NewMailboxInput{Name: "Kim Akers", Alias: "kim2", MicrosoftOnlineServicesID: "kim2@contoso.com"}, "Name"},
			{store.NewMailboxInput{Name: "K2", Alias: "kima", MicrosoftOnlineServicesID: "kim2@contoso.com"}, "Alias"},
			{store.NewMailboxInput{Name: "K3", MicrosoftOnlineServicesID: "kima@contoso.com"}, "Alias"},
			{store.NewMailboxInput{Name: "K4", Alias: "k4", MicrosoftOnlineServicesID: "annb@contoso.com"}, "UserPrincipalName"},
			{store.NewMailboxInput{Name: "K5", Alias: "k5", MicrosoftOnlineServicesID: "k5@contoso.com", PrimarySmtpAddress: "annb@contoso.com"}, "PrimarySmtpAddress"},
			{store.NewMailboxInput{Name: "K6", Alias: "k6", MicrosoftOnlineServicesID: "k6@contoso.com", ExchangeGuid: "664ef44e-c1a0-47b0-9553-2ecdfc6ef840"}, "ExchangeGuid"},
		}
		for _, b := range bad {
			_, _, err := tx.CreateMailbox(b.in)
			var de *store.DuplicateError
			if !errors.As(err, &de) || de.Property != b.prop {
				t.Errorf("%+v: %v, want duplicate %s", b.in, err, b.prop)
			}
		}
		var ve *store.ValidationError
		for _, in := range []store.NewMailboxInput{{}, {Name: "x"}, {Name: "x", MicrosoftOnlineServicesID: "nope"}, {Name: "x", RecipientTypeDetails: "Team"},
			{Name: "y", MicrosoftOnlineServicesID: "y@contoso.com", ExchangeGuid: "nope"}} {
			if _, _, err := tx.CreateMailbox(in); !errors.As(err, &ve) {
				t.Errorf("%+v: %v", in, err)
			}
		}
		var lu *store.LicenseUnavailableError
		if _, _, err := tx.CreateMailbox(store.NewMailboxInput{Name: "z", MicrosoftOnlineServicesID: "z@contoso.com", LicenseSku: "SPE_E5"}); !errors.As(err, &lu) {
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
		_, err := tx.RemoveMailbox(a.Guid, "")
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		var ge *store.GuidConflictError
		_, _, err = tx.CreateMailbox(store.NewMailboxInput{Name: "Allie Synced", Alias: "alliesync", MicrosoftOnlineServicesID: "alliesync@contoso.com",
			ExchangeGuid: strings.ToUpper(allieGuid), NoLicense: true})
		if !errors.As(err, &ge) || ge.ExistingGuid != a.Guid || ge.ExchangeGuid != allieGuid || ge.ExistingState != store.StateSoftDeleted {
			t.Fatalf("unlicensed sync: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused creation changed the tenant")
		}
		// Licensed: the soft-deleted original is hard-deleted.
		m, _, err := tx.CreateMailbox(store.NewMailboxInput{Name: "Allie Synced", Alias: "alliesync", MicrosoftOnlineServicesID: "alliesync@contoso.com",
			ExchangeGuid: allieGuid})
		storetest.Must(t, err)
		if m.ExchangeGuid != allieGuid || !m.Licensed {
			t.Errorf("new mailbox: %+v", m)
		}
		if _, err := tx.GetMailbox(a.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Error("original not hard-deleted")
		}
		// An inactive mailbox always conflicts.
		setHold(t, tx, "annb", func(m *store.Mailbox) { m.LitigationHoldEnabled = true })
		_, err = tx.RemoveMailbox(storetest.Mailbox(t, tx, "annb").Guid, "")
		storetest.Must(t, err)
		storetest.Must(t, tx.AddSubscription("SPE_E5", 5))
		_, _, err = tx.CreateMailbox(store.NewMailboxInput{Name: "Ann 2", Alias: "ann2", MicrosoftOnlineServicesID: "ann2@contoso.com",
			ExchangeGuid: "664ef44e-c1a0-47b0-9553-2ecdfc6ef840"})
		if !errors.As(err, &ge) || ge.ExistingState != store.StateInactive {
			t.Errorf("inactive conflict: %v", err)
		}
	})
}

func TestScanMailboxScopeOrderAndSynthetic(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 1200); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *store.Tx) error {
		n, err := tx.CountMailboxScope(store.ScopeActive)
		storetest.Must(t, err)
		if n != 1200+26 {
			t.Errorf("active count %d", n)
		}
		var names []string
		cursor := ""
		for {
			page, next, err := tx.ScanMailboxScope(store.ScopeActive, cursor, 1000)
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
		if names[0] != "abrahamm" || names[len(names)-1] != "walterh" || names[len(names)-2] != "user1200" {
			t.Errorf("first %q last %q", names[0], names[len(names)-1])
		}
		m, err := tx.ResolveMailbox("user0042@contoso.com", store.ScopeActive)
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
		if _, err := tx.ResolveMailbox("user1202", store.ScopeActive); err != nil {
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
			{"info@contoso.com", store.RecipientSharedMailbox, seed.SharedGuid},
			{"Conf Room Adams", store.RecipientRoomMailbox, seed.RoomGuid},
			{"miriamg", store.RecipientMailUser, seed.JournalMailUserGuid},
			{"Rob Young", store.RecipientMailUser, seed.PlainMailUserGuid},
		} {
			m, err := tx.ResolveMailbox(c.id, store.ScopeActive)
			if err != nil || m.RecipientTypeDetails != c.kind || m.Guid != c.guid {
				t.Errorf("%s: %+v %v", c.id, m, err)
				continue
			}
			u, err := tx.GetUser(m.ExternalDirectoryObjectId)
			if err != nil || len(u.Licenses) != 0 || u.MailboxGuid != m.Guid {
				t.Errorf("%s account: %+v %v", c.id, u, err)
			}
			c2, _ := tx.GetMailboxContent(m.Guid)
			items, _, _, _ := store.Totals(c2.Primary)
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
		setHold(t, tx, "pattif", func(m *store.Mailbox) { m.DelayHoldApplied = true })
		p := storetest.Mailbox(t, tx, "pattif")
		id := p.ExternalDirectoryObjectId
		storetest.Must(t, tx.DeleteUserAccount(id))
		if m := storetest.Mailbox(t, tx, p.Guid); m.LifecycleState != store.StateInactive {
			t.Fatalf("state %s", m.LifecycleState)
		}
		// Another account takes the UPN meanwhile.
		_, nu, err := tx.CreateMailbox(store.NewMailboxInput{Name: "Patti F", Alias: "pattif2", MicrosoftOnlineServicesID: "pattif@contoso.com", NoLicense: true})
		storetest.Must(t, err)
		before := storetest.TxExport(t, tx)
		var de *store.DuplicateError
		if err := tx.RestoreUserAccount(id); !errors.As(err, &de) || de.Property != "UserPrincipalName" || de.ExistingGuid != nu.ObjectID {
			t.Errorf("restore with UPN taken: %v", err)
		}
		if storetest.TxExport(t, tx) != before {
			t.Error("refused restore changed the tenant")
		}
		storetest.Must(t, tx.DeleteUserAccount(nu.ObjectID))
		storetest.Must(t, tx.PurgeUserAccount(nu.ObjectID))
		storetest.Must(t, tx.PermanentlyDeleteMailbox(nu.MailboxGuid))
		storetest.Must(t, tx.AdvanceBy(20*store.Day))
		storetest.Must(t, tx.RestoreUserAccount(id))
		m := storetest.Mailbox(t, tx, p.Guid)
		if m.LifecycleState != store.StateActive || !m.DelayHoldApplied || m.IsInactiveMailbox {
			t.Errorf("after restore (T6): %+v", m)
		}
		if u, _ := tx.GetUser(id); u.State != store.UserActive || !u.HasLicense("SPE_E5") {
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
		storetest.Must(t, tx.DeleteUserAccount(id))
		if _, err := tx.UndoSoftDeletedMailbox(a.Guid, store.UndoInput{}); storetest.LifecycleReason(err) != store.ReasonDeletedInEntra {
			t.Errorf("undo of a mailbox deleted with its account: %v", err)
		}
		storetest.Must(t, tx.RestoreUserAccount(id))
		if m := storetest.Mailbox(t, tx, a.Guid); m.LifecycleState != store.StateActive || m.DeletedInEntra {
			t.Errorf("after the account's restore: %s %t", m.LifecycleState, m.DeletedInEntra)
		}
		_, err := tx.RemoveMailbox(a.Guid, "admin")
		storetest.Must(t, err)
		_, err = tx.UndoSoftDeletedMailbox(a.Guid, store.UndoInput{})
		storetest.Must(t, err)

		// An unlicensed mailbox whose account is deleted is out of sight
		// until the account is restored.
		d := storetest.Mailbox(t, tx, "diegos")
		storetest.Must(t, tx.RemoveLicense(d.ExternalDirectoryObjectId, "SPE_E5"))
		storetest.Must(t, tx.DeleteUserAccount(d.ExternalDirectoryObjectId))
		for _, sc := range []store.Scope{store.ScopeActive, store.ScopeSoftDeleted, store.ScopeIncludeInactive} {
			if _, err := tx.ResolveMailboxes("diegos", sc); err == nil {
				t.Errorf("unlicensed mailbox of a deleted account visible in %v", sc)
			}
		}
		storetest.Must(t, tx.RestoreUserAccount(d.ExternalDirectoryObjectId))
		if _, err := tx.ResolveMailboxes("diegos", store.ScopeActive); err != nil {
			t.Errorf("after the account's restore: %v", err)
		}

		// After the grace period the account has no mailbox; a licence
		// gives it a new, empty one.
		storetest.Must(t, tx.AdvanceBy(30*store.Day))
		u, err := tx.GetUser(d.ExternalDirectoryObjectId)
		storetest.Must(t, err)
		if u.MailboxGuid != "" {
			t.Fatalf("mailbox after the grace period: %s", u.MailboxGuid)
		}
		storetest.Must(t, tx.AssignLicense(u.ObjectID, "SPE_E5"))
		u, err = tx.GetUser(u.ObjectID)
		storetest.Must(t, err)
		m := storetest.Mailbox(t, tx, u.MailboxGuid)
		if m.LifecycleState != store.StateActive || !m.Licensed || m.ExchangeGuid == d.ExchangeGuid || m.Name != "diegos" || m.PrimarySmtpAddress != u.UserPrincipalName {
			t.Errorf("provisioned mailbox: %s %t %s %s %s", m.LifecycleState, m.Licensed, m.ExchangeGuid, m.Name, m.PrimarySmtpAddress)
		}
	})
}
