package permissions_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permissions"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestNormalizeRights(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   []string
		want []string
		bad  string
	}{
		{in: []string{"readpermission", "FullAccess"}, want: []string{"FullAccess", "ReadPermission"}},
		{in: []string{"FullAccess", "fullaccess"}, want: []string{"FullAccess"}},
		{in: []string{"ChangeOwner", "DeleteItem", "ExternalAccount"}, want: []string{"ExternalAccount", "DeleteItem", "ChangeOwner"}},
		{in: []string{"FullAccess", "Owner"}, bad: "Owner"},
	} {
		got, bad := permissions.NormalizeRights(c.in, permissions.MailboxRights)
		if bad != c.bad || c.bad == "" && !reflect.DeepEqual(got, c.want) {
			t.Errorf("NormalizeRights(%v) = %v, %q; want %v, %q", c.in, got, bad, c.want, c.bad)
		}
	}
}

// rightsOf returns the rights of each entry on a mailbox, "holder:rights"
// (deny entries marked !), in key order.
func rightsOf(t *testing.T, tx *store.Tx, guid string) []string {
	t.Helper()
	es, err := permissions.MailboxEntries(tx, guid)
	storetest.Must(t, err)
	var out []string
	for _, e := range es {
		d := ""
		if e.Deny {
			d = "!"
		}
		out = append(out, d+e.Trustee+":"+strings.Join(e.AccessRights, ","))
	}
	return out
}

func TestGrantRevokeReset(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.ActiveMailbox(t, tx, "walterh")
		grant := func(who string, deny bool, rights ...string) {
			_, err := permissions.Grant(tx, permissions.MailboxPermission{MailboxGuid: m.Guid, Trustee: who, TrusteeKind: permissions.TrusteeUser,
				AccessRights: rights, Deny: deny})
			storetest.Must(t, err)
		}
		grant("u1", false, "ReadPermission")
		grant("u1", false, "FullAccess") // merges into the same entry
		grant("u1", true, "DeleteItem")  // a deny entry of its own
		grant("u2", false, "FullAccess")
		if _, err := permissions.Grant(tx, permissions.MailboxPermission{MailboxGuid: m.Guid, Trustee: "u3", AccessRights: []string{"Everything"}}); err == nil {
			t.Error("a right that does not exist was granted")
		}
		want := []string{"u1:FullAccess,ReadPermission", "!u1:DeleteItem", "u2:FullAccess"}
		if got := rightsOf(t, tx, m.Guid); !reflect.DeepEqual(got, want) {
			t.Fatalf("after grants: %v, want %v", got, want)
		}
		removed, err := permissions.Revoke(tx, m.Guid, "u1", []string{"ReadPermission"}, false, "")
		storetest.Must(t, err)
		if !removed {
			t.Error("Revoke reported nothing removed")
		}
		removed, err = permissions.Revoke(tx, m.Guid, "u2", []string{"ReadPermission"}, false, "")
		storetest.Must(t, err)
		if removed {
			t.Error("Revoke of a right the holder lacks reported a removal")
		}
		removed, err = permissions.Revoke(tx, m.Guid, "u2", []string{"FullAccess"}, false, "")
		storetest.Must(t, err)
		if !removed {
			t.Error("Revoke of the last right reported nothing removed")
		}
		want = []string{"u1:FullAccess", "!u1:DeleteItem"}
		if got := rightsOf(t, tx, m.Guid); !reflect.DeepEqual(got, want) {
			t.Fatalf("after revokes: %v, want %v", got, want)
		}
		storetest.Must(t, permissions.SetOwner(tx, m.Guid, "u2", permissions.TrusteeUser))
		_, err = permissions.GrantSendAs(tx, m.Guid, "u2", permissions.TrusteeUser, false)
		storetest.Must(t, err)
		storetest.Must(t, permissions.ResetDefault(tx, m.Guid))
		if got := rightsOf(t, tx, m.Guid); len(got) != 0 {
			t.Errorf("after ResetDefault: %v", got)
		}
		if o, err := permissions.Owner(tx, m.Guid); err != nil || o != nil {
			t.Errorf("owner after ResetDefault: %v, %v", o, err)
		}
		// Send As is a recipient permission: the reset keeps it.
		if sa, err := permissions.RecipientEntries(tx, m.Guid); err != nil || len(sa) != 1 {
			t.Errorf("Send As after ResetDefault: %v, %v", sa, err)
		}
	})
}

func TestClearAutoMapping(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.ActiveMailbox(t, tx, seed.SharedAlias)
		mapped := func() (n int) {
			es, err := permissions.MailboxEntries(tx, m.Guid)
			storetest.Must(t, err)
			for _, e := range es {
				if e.AutoMapping {
					n++
				}
			}
			return n
		}
		// Carol's full access is auto-mapped; the group's and the deny
		// entry are not.
		if n := mapped(); n != 1 {
			t.Fatalf("%d auto-mapped entries on the shared mailbox, want 1", n)
		}
		storetest.Must(t, permissions.ClearAutoMapping(tx, m.Guid))
		if n := mapped(); n != 0 {
			t.Errorf("%d auto-mapped entries after ClearAutoMapping", n)
		}
		if len(rightsOf(t, tx, m.Guid)) != 3 {
			t.Errorf("ClearAutoMapping changed the entries: %v", rightsOf(t, tx, m.Guid))
		}
	})
}

// A purged mailbox's entries go with it, and the tenant stays consistent.
func TestPurgeDropsEntries(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var guid string
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.ActiveMailbox(t, tx, seed.SharedAlias)
		guid = m.Guid
		if len(rightsOf(t, tx, guid)) == 0 {
			t.Fatal("the seeded shared mailbox has no permissions")
		}
		removed, err := directory.RemoveMailbox(tx, guid, "admin")
		storetest.Must(t, err)
		// soft-deleted: the entries stay with the mailbox
		if len(rightsOf(t, tx, guid)) == 0 {
			t.Fatal("a soft-deleted mailbox lost its permissions")
		}
		storetest.Must(t, directory.PurgeMailbox(tx, removed))
	})
	storetest.Update(t, s, func(tx *store.Tx) {
		if got := rightsOf(t, tx, guid); len(got) != 0 {
			t.Errorf("entries of a deleted mailbox remain: %v", got)
		}
		if sa, err := permissions.RecipientEntries(tx, guid); err != nil || len(sa) != 0 {
			t.Errorf("Send As of a deleted mailbox remain: %v, %v", sa, err)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}

func TestSID(t *testing.T) {
	t.Parallel()
	a := permissions.SID("org", "user-1")
	if a != permissions.SID("ORG", "USER-1") {
		t.Error("the SID depends on case")
	}
	if a == permissions.SID("org", "user-2") || !strings.HasPrefix(a, "S-1-5-21-") {
		t.Errorf("SID %q", a)
	}
	// the domain part is the tenant's
	pa, pb := a[:strings.LastIndexByte(a, '-')], permissions.SID("org", "user-2")
	if pa != pb[:strings.LastIndexByte(pb, '-')] {
		t.Errorf("two holders of one tenant have different domain parts: %s, %s", a, pb)
	}
}
