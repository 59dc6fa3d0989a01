package addressbook_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

// byName returns the list of that name among lists.
func byName(t *testing.T, lists []*ab.List, name string) *ab.List {
	t.Helper()
	for _, l := range lists {
		if l.Name == name {
			return l
		}
	}
	t.Fatalf("no list %s", name)
	return nil
}

// The built-in objects are there without records; a policy links lists
// and an offline address book, and nothing it uses, nor a policy a
// mailbox follows, nor the defaults, can be removed.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		lists, err := ab.AllLists(tx)
		storetest.Must(t, err)
		if len(lists) != 7 {
			t.Fatalf("%d built-in lists", len(lists))
		}
		gal, rooms := byName(t, lists, ab.DefaultGAL), byName(t, lists, ab.AllRooms)
		oabs, err := ab.OABs(tx)
		storetest.Must(t, err)
		if len(oabs) != 1 || !oabs[0].IsDefault || oabs[0].AddressLists[0] != gal.Guid {
			t.Fatalf("built-in offline address books: %+v", oabs)
		}
		users := &ab.List{Name: "AL_Users", DisplayName: "AL_Users", RecipientFilter: "(CustomAttribute15 -eq 'A')", RecipientFilterType: ab.FilterCustom}
		storetest.Must(t, ab.PutList(tx, users))
		var inUse *ab.NameInUseError
		if err := ab.PutList(tx, &ab.List{Name: "al_users", RecipientFilter: "(Alias -ne $null)"}); !errors.As(err, &inUse) {
			t.Errorf("a second AL_Users: %v", err)
		}
		// the same name is free among the global lists
		storetest.Must(t, ab.PutList(tx, &ab.List{Name: "AL_Users", Global: true, RecipientFilter: "(Alias -ne $null)"}))
		p := &ab.Policy{Name: "ABP", AddressLists: []string{users.Guid}, GlobalAddressList: gal.Guid, RoomList: rooms.Guid, OfflineAddressBook: oabs[0].Guid}
		storetest.Must(t, ab.PutPolicy(tx, p))
		annb := storetest.Mailbox(t, tx, "annb")
		storetest.Must(t, ab.Assign(tx, annb.Guid, p.Guid))
		names, err := ab.LoadNames(tx)
		storetest.Must(t, err)
		if names.Of(annb.Guid) != "ABP" || !strings.HasPrefix(names.DNOf(annb.Guid), "CN=ABP,CN=AddressBook Mailbox Policies,") {
			t.Errorf("annb follows %q (%s)", names.Of(annb.Guid), names.DNOf(annb.Guid))
		}
		var used *ab.InUseError
		if err := ab.RemoveList(tx, users); !errors.As(err, &used) || used.By != "policy" {
			t.Errorf("removing a list a policy uses: %v", err)
		}
		if err := ab.RemovePolicy(tx, p); !errors.As(err, &used) || used.By != "mailboxes" {
			t.Errorf("removing a policy a mailbox follows: %v", err)
		}
		var def *ab.DefaultRemovalError
		if err := ab.RemoveList(tx, gal); !errors.As(err, &def) {
			t.Errorf("removing the default GAL: %v", err)
		}
		if err := ab.RemoveOAB(tx, oabs[0]); !errors.As(err, &def) {
			t.Errorf("removing the default OAB: %v", err)
		}
		storetest.Must(t, ab.Assign(tx, annb.Guid, ""))
		storetest.Must(t, ab.RemovePolicy(tx, p))
		storetest.Must(t, ab.RemoveList(tx, users))
		// a built-in list goes by a record that says so
		storetest.Must(t, ab.RemoveList(tx, byName(t, lists, "Public Folders")))
		after, err := ab.Lists(tx, false)
		storetest.Must(t, err)
		for _, l := range after {
			if l.Name == "Public Folders" || l.Name == "AL_Users" {
				t.Errorf("%s is still listed", l.Name)
			}
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// An import whose policies name lists that are not there, or lists of
// the wrong kind, is refused with the check's finding.
func TestCheck(t *testing.T) {
	t.Parallel()
	export := storetest.Export(t, storetest.Seeded(t, seed.Empty))
	const g1, g2 = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
	for _, tc := range []struct {
		name   string
		bucket string
		value  any
		want   string
	}{
		{"a policy without its lists", "addressBookPolicies", ab.Policy{Guid: g1, Name: "P", AddressLists: []string{g2}, GlobalAddressList: g2, RoomList: g2, OfflineAddressBook: g2},
			"the global address list " + g2 + " does not exist"},
		{"a policy without address lists", "addressBookPolicies", ab.Policy{Guid: g1, Name: "P"}, "no address lists"},
		{"a list without a filter", "addressLists", ab.List{Guid: g1, Name: "L"}, "no recipient filter"},
		{"an offline address book of a missing list", "offlineAddressBooks", ab.OAB{Guid: g1, Name: "O", AddressLists: []string{g2}},
			"the address list " + g2 + " does not exist"},
	} {
		var doc map[string]any
		storetest.Must(t, json.Unmarshal([]byte(export), &doc))
		doc["buckets"].(map[string]any)[tc.bucket] = []any{map[string]any{"key": g1, "value": tc.value}}
		bad, err := json.Marshal(doc)
		storetest.Must(t, err)
		path := filepath.Join(t.TempDir(), "tenant.db")
		err = tenant.ImportFile(path, bytes.NewReader(bad), store.Options{}, store.ImportRecord{Source: tc.name})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: import error %v; want it to say %q", tc.name, err, tc.want)
		}
	}
}
