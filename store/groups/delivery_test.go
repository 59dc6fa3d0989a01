package groups_test

import (
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// The delivery settings of a group name groups, dynamic groups and
// contacts; each one that goes leaves every list at once, and the check
// accepts a dynamic group where a group is named.
func TestDeliveryLinksGoWithTheirObject(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := groups.List(tx)
		storetest.Must(t, err)
		sales, finance := all[len(all)-1], all[0]
		d := &groups.DynamicGroup{Name: "All mailboxes", Alias: "allmbx", PrimarySmtpAddress: "allmbx@contoso.com"}
		storetest.Must(t, groups.NewDynamic(tx, d, groups.FilterSpec{Included: []string{"MailboxUsers"}}))
		dyn := groups.Member{ID: d.Guid, Kind: groups.MemberGroup}
		fin := groups.Member{ID: finance.Guid, Kind: groups.MemberGroup}
		sales.AcceptMessagesOnlyFromDLMembers = []groups.Member{fin, dyn}
		sales.RejectMessagesFromDLMembers = []groups.Member{dyn}
		sales.BypassModerationFromDLMembers = []groups.Member{fin}
		sales.GrantSendOnBehalfTo = []groups.Member{fin}
		storetest.Must(t, groups.Update(tx, sales))
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Fatalf("findings with a dynamic group named: %s", f)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		ds, err := groups.ListDynamic(tx)
		storetest.Must(t, err)
		storetest.Must(t, groups.RemoveDynamic(tx, ds[len(ds)-1]))
		all, err := groups.List(tx)
		storetest.Must(t, err)
		storetest.Must(t, groups.Remove(tx, all[0]))
		all, err = groups.List(tx)
		storetest.Must(t, err)
		sales := all[len(all)-1]
		for i, l := range [][]groups.Member{sales.AcceptMessagesOnlyFromDLMembers, sales.RejectMessagesFromDLMembers,
			sales.BypassModerationFromDLMembers, sales.GrantSendOnBehalfTo} {
			if len(l) != 0 {
				t.Errorf("delivery list %d of Sales keeps %v", i, l)
			}
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// ExtensionCustomAttribute n reads back what was set; unset ones are
// empty and trailing empty ones are not kept.
func TestExtensionCustomAttributes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		set  map[int][]string
		want int // ExtensionCustomAttributes kept
	}{
		{map[int][]string{}, 0},
		{map[int][]string{3: {"a"}}, 3},
		{map[int][]string{3: {"a"}, 5: {"b", "c"}}, 5},
		{map[int][]string{3: {"a"}, 5: nil}, 3},
	} {
		g := &groups.Group{}
		for n, v := range tc.set {
			g.SetExtensionCustomAttribute(n, v)
		}
		if len(g.ExtensionCustomAttributes) != tc.want {
			t.Errorf("%v: %d kept, want %d", tc.set, len(g.ExtensionCustomAttributes), tc.want)
		}
		for n, v := range tc.set {
			if got := g.ExtensionCustomAttribute(n); len(got) != len(v) {
				t.Errorf("%v: ExtensionCustomAttribute%d = %v", tc.set, n, got)
			}
		}
		if g.ExtensionCustomAttribute(1) != nil || g.ExtensionCustomAttribute(9) != nil {
			t.Errorf("%v: unset attributes not empty", tc.set)
		}
	}
}
