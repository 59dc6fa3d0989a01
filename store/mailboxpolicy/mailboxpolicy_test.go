package mailboxpolicy_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/policyset"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// An Outlook on the web mailbox policy lives from Create to Remove:
// every mailbox follows the built-in policy until given another; a
// policy mailboxes follow can't go, nor the default one; -IsDefault moves
// the default role; a cleared mailbox shows none and follows the default
// policy; names stay unique.
func TestOwaLifecycle(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		f := mp.OwaPolicies
		annb := storetest.Mailbox(t, tx, "annb").Guid
		laura := storetest.Mailbox(t, tx, "laura").Guid
		if mp.AnyLinks(tx) {
			t.Fatal("a new tenant keeps links")
		}
		all, err := f.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || all[0].Name != mp.OwaDefaultName || !all[0].IsDefault {
			t.Fatalf("a new tenant's policies: %+v", all)
		}
		builtin := all[0]

		temps := &mp.Policy{Name: "Temps"}
		storetest.Must(t, f.Create(tx, temps))
		var inUse *policyset.NameInUseError
		if err := f.Create(tx, &mp.Policy{Name: "TEMPS"}); !errors.As(err, &inUse) {
			t.Errorf("a second Temps: %v", err)
		}
		if err := f.Rename(tx, temps, "owamailboxpolicy-default"); !errors.As(err, &inUse) {
			t.Errorf("renamed as the built-in policy: %v", err)
		}
		storetest.Must(t, f.Assign(tx, annb, temps))

		// who follows what
		view, err := mp.LoadView(tx)
		storetest.Must(t, err)
		for _, tc := range []struct{ mailbox, want string }{{annb, "Temps"}, {laura, mp.OwaDefaultName}} {
			l, err := view.LinksOf(tx, tc.mailbox)
			storetest.Must(t, err)
			if got := view.Owa(l); got != tc.want {
				t.Errorf("%s shows %q; want %q", tc.mailbox, got, tc.want)
			}
			p, err := f.Of(tx, tc.mailbox)
			storetest.Must(t, err)
			if p == nil || p.Name != tc.want {
				t.Errorf("%s follows %+v; want %s", tc.mailbox, p, tc.want)
			}
		}

		// the refusals
		var used *mp.InUseError
		if err := f.CanRemove(tx, temps); !errors.As(err, &used) || used.Mailboxes != 1 {
			t.Errorf("removing a policy one mailbox follows: %v", err)
		}
		if err := f.Remove(tx, builtin); !errors.Is(err, policyset.ErrRemoveDefault) {
			t.Errorf("removing the default policy: %v", err)
		}

		// a new default; the built-in policy stays while mailboxes follow it
		storetest.Must(t, f.MakeDefault(tx, temps))
		all, err = f.List(tx)
		storetest.Must(t, err)
		if all[0].IsDefault || !all[1].IsDefault {
			t.Errorf("after -IsDefault: %+v %+v", all[0], all[1])
		}
		n, err := f.Users(tx, all[0])
		storetest.Must(t, err)
		if n < 20 {
			t.Errorf("the built-in policy has %d users", n)
		}
		if err := f.Remove(tx, all[0]); !errors.As(err, &used) {
			t.Errorf("removing the built-in policy mailboxes follow: %v", err)
		}

		// cleared: no policy shown, the default one followed; the built-in
		// one given back drops the link
		storetest.Must(t, f.Assign(tx, laura, nil))
		view, err = mp.LoadView(tx)
		storetest.Must(t, err)
		l, err := view.LinksOf(tx, laura)
		storetest.Must(t, err)
		if got := view.Owa(l); got != "" {
			t.Errorf("a cleared mailbox shows %q", got)
		}
		if p, err := f.Of(tx, laura); err != nil || p == nil || p.Name != "Temps" {
			t.Errorf("a cleared mailbox follows %+v (%v)", p, err)
		}
		storetest.Must(t, f.Assign(tx, laura, all[0]))
		storetest.Must(t, f.Assign(tx, annb, all[0]))
		if mp.AnyLinks(tx) {
			t.Error("links to the built-in policy are kept")
		}
		if err := f.Remove(tx, all[1]); !errors.Is(err, policyset.ErrRemoveDefault) {
			t.Errorf("removing the new default: %v", err)
		}
	})
	if got := storetest.Findings(t, s); got != "" {
		t.Errorf("findings:\n%s", got)
	}
}

// A mailbox without a mobile device mailbox policy of its own follows
// the default one, whichever it is; one given the built-in policy by name
// keeps it when the default changes; $null gives it back to the default.
func TestMobileFollowsTheDefault(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		f := mp.MobilePolicies
		annb := storetest.Mailbox(t, tx, "annb").Guid
		laura := storetest.Mailbox(t, tx, "laura").Guid
		all, err := f.List(tx)
		storetest.Must(t, err)
		builtin := all[0]
		strict := &mp.Policy{Name: "Strict"}
		strict.SetValue(mp.MobileSetting("RequireStorageCardEncryption"), "True")
		storetest.Must(t, f.Create(tx, strict))
		if got := strict.Value(mp.MobileSetting("DeviceEncryptionEnabled")); got != "True" {
			t.Errorf("storage card encryption without device encryption: %q", got)
		}
		storetest.Must(t, f.Assign(tx, laura, builtin))
		storetest.Must(t, f.MakeDefault(tx, strict))
		view, err := mp.LoadView(tx)
		storetest.Must(t, err)
		for _, tc := range []struct {
			mailbox, want string
			defaulted     bool
		}{{annb, "Strict", true}, {laura, mp.MobileDefaultName, false}} {
			l, err := view.LinksOf(tx, tc.mailbox)
			storetest.Must(t, err)
			if got, defaulted := view.Mobile(l); got != tc.want || defaulted != tc.defaulted {
				t.Errorf("%s shows %q, %v; want %q, %v", tc.mailbox, got, defaulted, tc.want, tc.defaulted)
			}
		}
		if n, err := f.Users(tx, builtin); err != nil || n != 1 {
			t.Errorf("the built-in policy has %d users (%v)", n, err)
		}
		storetest.Must(t, f.Assign(tx, laura, nil))
		builtin, err = f.Find(tx, builtin.Guid)
		storetest.Must(t, err)
		storetest.Must(t, f.Remove(tx, builtin))
		if mp.AnyLinks(tx) {
			t.Error("a mailbox given back to the default policy keeps a link")
		}
	})
	if got := storetest.Findings(t, s); got != "" {
		t.Errorf("findings:\n%s", got)
	}
}

// A new mailbox follows the built-in policies, which the mailbox plans
// stamp, except where Exchange Online stamps the default one: on a room
// or equipment mailbox the default Outlook on the web mailbox policy, on a
// mailbox without a licence the default role assignment policy.
func TestNewMailboxesGetTheirDefaults(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		rooms, limited := &mp.Policy{Name: "Rooms"}, &mp.Policy{Name: "Limited"}
		storetest.Must(t, mp.OwaPolicies.Create(tx, rooms))
		storetest.Must(t, mp.OwaPolicies.MakeDefault(tx, rooms))
		storetest.Must(t, mp.RolePolicies.Create(tx, limited))
		storetest.Must(t, mp.RolePolicies.MakeDefault(tx, limited))
		for _, tc := range []struct {
			in        directory.NewMailboxInput
			owa, role string
		}{
			{directory.NewMailboxInput{RecipientTypeDetails: directory.RecipientRoomMailbox, Name: "Room 1", Alias: "room1"}, "Rooms", "Limited"},
			{directory.NewMailboxInput{RecipientTypeDetails: directory.RecipientSharedMailbox, Name: "Help Desk", Alias: "helpdesk"}, mp.OwaDefaultName, "Limited"},
			{directory.NewMailboxInput{Name: "Pat Doe", Alias: "patd", MicrosoftOnlineServicesID: "patd@contoso.com", NoLicense: true}, mp.OwaDefaultName, "Limited"},
		} {
			m, _, err := directory.CreateMailbox(tx, tc.in)
			storetest.Must(t, err)
			view, err := mp.LoadView(tx)
			storetest.Must(t, err)
			l, err := view.LinksOf(tx, m.Guid)
			storetest.Must(t, err)
			if owa, role := view.Owa(l), view.Role(l); owa != tc.owa || role != tc.role {
				t.Errorf("%s follows %q and %q; want %q and %q", tc.in.Alias, owa, role, tc.owa, tc.role)
			}
		}
		// an existing licensed mailbox keeps the built-in ones
		view, err := mp.LoadView(tx)
		storetest.Must(t, err)
		l, err := view.LinksOf(tx, storetest.Mailbox(t, tx, "annb").Guid)
		storetest.Must(t, err)
		if owa, role := view.Owa(l), view.Role(l); owa != mp.OwaDefaultName || role != mp.RoleDefaultName {
			t.Errorf("annb follows %q and %q", owa, role)
		}
	})
	if got := storetest.Findings(t, s); got != "" {
		t.Errorf("findings:\n%s", got)
	}
}

// A setting takes the values of its kind, spelt as it keeps them; a
// policy keeps only the values that differ from a new policy's.
func TestOwaSettings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		setting, in, want string
		ok                bool
	}{
		{"CalendarEnabled", "true", "True", true},
		{"CalendarEnabled", "FALSE", "False", true},
		{"CalendarEnabled", "yes", "", false},
		{"AccountTransferEnabled", "", "", true},
		{"DefaultClientLanguage", " 1033", "1033", true},
		{"DefaultClientLanguage", "en-US", "", false},
		{"ConditionalAccessPolicy", "readonly", "ReadOnly", true},
		{"ConditionalAccessPolicy", "Strict", "", false},
		{"DefaultTheme", "Dark", "Dark", true},
		{"MaxInactivityTimeLock", "0:05", "00:05:00", true},
		{"MaxInactivityTimeLock", "02:00:00", "", false},
		{"PasswordExpiration", "unlimited", "Unlimited", true},
		{"PasswordExpiration", "90.00:00:00", "90.00:00:00", true},
		{"MaxPasswordFailedAttempts", "3", "", false},
		{"MaxPasswordFailedAttempts", "16", "16", true},
		{"MaxAttachmentSize", "2147482625", "", false},
		{"MinPasswordLength", "", "", true},
		{"MinPasswordComplexCharacters", "", "", false},
	} {
		s := mp.OwaSetting(tc.setting)
		if s == nil {
			s = mp.MobileSetting(tc.setting)
		}
		if s == nil {
			t.Fatalf("no setting %s", tc.setting)
		}
		got, ok := s.Canonical(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s %q = %q, %v; want %q, %v", tc.setting, tc.in, got, ok, tc.want, tc.ok)
		}
	}
	p := &mp.Settings{}
	cal, allowed := mp.OwaSetting("CalendarEnabled"), mp.OwaSetting("AllowedMimeTypes")
	p.SetValue(cal, "False")
	p.SetList(allowed, []string{"image/png"})
	if p.Value(cal) != "False" || len(p.List(allowed)) != 1 || len(p.Values) != 1 || len(p.Lists) != 1 {
		t.Errorf("after a change: %+v", p)
	}
	c := p.Clone()
	p.SetValue(cal, "True")
	p.SetList(allowed, allowed.Defaults)
	if len(p.Values) != 0 || len(p.Lists) != 0 {
		t.Errorf("back at the defaults: %+v", p)
	}
	if c.Same(p) || c.Value(cal) != "False" {
		t.Errorf("the clone changed with its policy: %+v", c)
	}
	for _, s := range append(append([]mp.Setting{}, mp.OwaSettings...), mp.MobileSettings...) {
		if s.Kind != mp.List && s.Kind != mp.IsDefault && !s.Takes(s.Default) {
			t.Errorf("%s: its default %q is not a value it takes", s.Name, s.Default)
		}
	}
}

// Each kind's BuiltinName, which a listing of a tenant that never wrote
// the kind shows without reading the organization, is its built-in
// policy's name.
func TestBuiltinNames(t *testing.T) {
	t.Parallel()
	org := &directory.Organization{Guid: "a"}
	for _, tc := range []struct{ builtin, want string }{
		{mp.OwaDefaults(org).Name, mp.OwaPolicies.BuiltinName},
		{mp.MobileDefaults(org).Name, mp.MobilePolicies.BuiltinName},
		{mp.RoleDefaults(org).Name, mp.RolePolicies.BuiltinName},
	} {
		if tc.builtin != tc.want {
			t.Errorf("built-in policy %q; BuiltinName %q", tc.builtin, tc.want)
		}
	}
}
