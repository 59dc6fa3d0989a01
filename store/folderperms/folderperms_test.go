package folderperms_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/folderperms"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestRightsAndRoles(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in       []string
		shown    string
		bad, cal string
	}{
		{in: []string{"Reviewer"}, shown: "Reviewer"},
		{in: []string{"ReadItems", "folderVisible"}, shown: "Reviewer"},
		{in: []string{"editor"}, shown: "Editor"},
		{in: []string{"Owner"}, shown: "Owner"},
		{in: []string{"None"}, shown: "None"},
		{in: []string{"NonEditingAuthor", "EditOwnedItems"}, shown: "Author"},
		{in: []string{"ReadItems", "EditOwnedItems"}, shown: "ReadItems,EditOwnedItems"},
		{in: []string{"AvailabilityOnly"}, shown: "AvailabilityOnly", cal: "AvailabilityOnly"},
		{in: []string{"LimitedDetails"}, shown: "LimitedDetails", cal: "LimitedDetails"},
		{in: []string{"Reviewer", "AvailabilityOnly"}, shown: "ReadItems,FolderVisible,AvailabilityOnly", cal: "AvailabilityOnly"},
		{in: []string{"Reviewer", "FullAccess"}, shown: "Reviewer", bad: "FullAccess"},
	}
	for _, c := range cases {
		bits, bad, cal := folderperms.ParseRights(c.in)
		if got := strings.Join(folderperms.Names(bits), ","); got != c.shown || bad != c.bad || cal != c.cal {
			t.Errorf("%v: shown %q bad %q calendar %q; want %q %q %q", c.in, got, bad, cal, c.shown, c.bad, c.cal)
		}
	}
	flags, bad := folderperms.ParseFlags([]string{"canviewprivateitems", "None", "Delegate"})
	if strings.Join(flags, ",") != "Delegate,CanViewPrivateItems" || bad != "" {
		t.Errorf("flags %v bad %q", flags, bad)
	}
	if _, bad := folderperms.ParseFlags([]string{"Owner"}); bad != "Owner" {
		t.Errorf("bad flag %q", bad)
	}
}

func rights(names ...string) int {
	b, _, _ := folderperms.ParseRights(names)
	return b
}

// table renders a folder's table as "holder=rights[flags]" in order.
func table(t *testing.T, tx *store.Tx, f folderperms.Folder) string {
	t.Helper()
	es, err := folderperms.List(tx, f)
	storetest.Must(t, err)
	var out []string
	for _, e := range es {
		s := e.Holder + "=" + strings.Join(folderperms.Names(e.Rights), "+")
		if len(e.SharingFlags) > 0 {
			s += "[" + strings.Join(e.SharingFlags, "+") + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestChangesOfAFolderTable(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var cal, inbox folderperms.Folder
	var megan, alex folderperms.Holder
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		m := storetest.Mailbox(t, tx, "meganb")
		a := storetest.Mailbox(t, tx, "alexw")
		cal = folderperms.Folder{MailboxGuid: storetest.Mailbox(t, tx, "diegos").Guid, Path: "/Calendar", Calendar: true}
		inbox = folderperms.Folder{MailboxGuid: cal.MailboxGuid, Path: "/Inbox"}
		megan = folderperms.Holder{ID: m.UserObjectID, Kind: folderperms.KindUser, Name: "Megan Bowen"}
		alex = folderperms.Holder{ID: a.UserObjectID, Kind: folderperms.KindUser, Name: "Alex Wilber"}
		return nil
	}))
	def := folderperms.Holder{ID: "Default", Kind: folderperms.KindDefault, Name: "Default"}
	anon := folderperms.Holder{ID: "Anonymous", Kind: folderperms.KindAnonymous, Name: "Anonymous"}
	type step struct {
		what string
		run  func(tx *store.Tx) error
		// err is the refusal expected ("" none); table the calendar's
		// table after the step (holder IDs of users shown as their alias)
		err, table string
	}
	steps := []step{
		{what: "nothing changed", run: func(*store.Tx) error { return nil }, table: "Default=AvailabilityOnly Anonymous=None"},
		{what: "add Megan", run: func(tx *store.Tx) error {
			_, err := folderperms.Add(tx, cal, megan, rights("Reviewer"), nil)
			return err
		},
			table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer"},
		{what: "add Megan again", run: func(tx *store.Tx) error { _, err := folderperms.Add(tx, cal, megan, rights("Editor"), nil); return err },
			err: "an existing permission entry was found for user: Megan Bowen", table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer"},
		{what: "add Default", run: func(tx *store.Tx) error { _, err := folderperms.Add(tx, cal, def, rights("Reviewer"), nil); return err },
			err: "an existing permission entry was found for user: Default", table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer"},
		{what: "Alex as delegate", run: func(tx *store.Tx) error {
			_, err := folderperms.Add(tx, cal, alex, rights("Editor"), []string{folderperms.FlagDelegate})
			return err
		}, table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer alex=Editor[Delegate]"},
		{what: "delegate must be Editor", run: func(tx *store.Tx) error {
			f := []string{folderperms.FlagDelegate}
			_, err := folderperms.Set(tx, cal, megan, rights("Reviewer"), &f)
			return err
		}, err: "SharingPermissionFlags can only be used when AccessRights is Editor.", table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer alex=Editor[Delegate]"},
		{what: "private items need Delegate", run: func(tx *store.Tx) error {
			f := []string{folderperms.FlagCanViewPrivateItems}
			_, err := folderperms.Set(tx, cal, megan, rights("Editor"), &f)
			return err
		}, err: "CanViewPrivateItems can only be used together with Delegate.", table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer alex=Editor[Delegate]"},
		{what: "Alex stays a delegate when only his rights are set again", run: func(tx *store.Tx) error {
			_, err := folderperms.Set(tx, cal, alex, rights("Editor"), nil)
			return err
		}, table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer alex=Editor[Delegate]"},
		{what: "Alex stops being a delegate as Reviewer", run: func(tx *store.Tx) error {
			_, err := folderperms.Set(tx, cal, alex, rights("Reviewer"), nil)
			return err
		}, table: "Default=AvailabilityOnly Anonymous=None megan=Reviewer alex=Reviewer"},
		{what: "Default sees details", run: func(tx *store.Tx) error {
			_, err := folderperms.Set(tx, cal, def, rights("LimitedDetails"), nil)
			return err
		}, table: "Default=LimitedDetails Anonymous=None megan=Reviewer alex=Reviewer"},
		{what: "remove Anonymous", run: func(tx *store.Tx) error { return folderperms.Remove(tx, cal, anon) },
			table: "Default=LimitedDetails megan=Reviewer alex=Reviewer"},
		{what: "remove Anonymous again", run: func(tx *store.Tx) error { return folderperms.Remove(tx, cal, anon) },
			err: "there is no existing permission entry found for user: Anonymous", table: "Default=LimitedDetails megan=Reviewer alex=Reviewer"},
		// an Anonymous entry added back is listed second again, as every
		// table lists Default and Anonymous first
		{what: "Anonymous back", run: func(tx *store.Tx) error { _, err := folderperms.Add(tx, cal, anon, rights("None"), nil); return err },
			table: "Default=LimitedDetails Anonymous=None megan=Reviewer alex=Reviewer"},
		{what: "remove Megan", run: func(tx *store.Tx) error { return folderperms.Remove(tx, cal, megan) },
			table: "Default=LimitedDetails Anonymous=None alex=Reviewer"},
		{what: "set Megan", run: func(tx *store.Tx) error { _, err := folderperms.Set(tx, cal, megan, rights("Editor"), nil); return err },
			err: "there is no existing permission entry found for user: Megan Bowen", table: "Default=LimitedDetails Anonymous=None alex=Reviewer"},
		{what: "free/busy on the inbox", run: func(tx *store.Tx) error {
			_, err := folderperms.Add(tx, inbox, megan, rights("AvailabilityOnly"), nil)
			return err
		}, err: "AvailabilityOnly applies to calendar folders only", table: "Default=LimitedDetails Anonymous=None alex=Reviewer"},
		{what: "delegates on the inbox", run: func(tx *store.Tx) error {
			_, err := folderperms.Add(tx, inbox, megan, rights("Editor"), []string{folderperms.FlagDelegate})
			return err
		}, err: "SharingPermissionFlags can only be used on calendar folders.", table: "Default=LimitedDetails Anonymous=None alex=Reviewer"},
	}
	for _, st := range steps {
		err := s.Update(func(tx *store.Tx) error { return st.run(tx) })
		got := ""
		if err != nil {
			got = err.Error()
			var ee *folderperms.EntryError
			var re *folderperms.RightsError
			if !errors.As(err, &ee) && !errors.As(err, &re) {
				t.Errorf("%s: not a refusal of the area: %v", st.what, err)
			}
		}
		if got != st.err {
			t.Errorf("%s: error %q, want %q", st.what, got, st.err)
		}
		storetest.Must(t, s.View(func(tx *store.Tx) error {
			tb := strings.NewReplacer(strings.ToLower(megan.ID), "megan", strings.ToLower(alex.ID), "alex").Replace(table(t, tx, cal))
			if tb != st.table {
				t.Errorf("%s: table %q, want %q", st.what, tb, st.table)
			}
			return nil
		}))
	}
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings:\n%s", got)
	}
}

func TestSeedAndPurge(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings of the seed:\n%s", got)
	}
	var guid string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		m := storetest.Mailbox(t, tx, "pattif")
		guid = m.Guid
		got := table(t, tx, folderperms.Folder{MailboxGuid: guid, Path: "/Calendar", Calendar: true})
		want := fmt.Sprintf("Default=AvailabilityOnly Anonymous=None %s=Editor[Delegate+CanViewPrivateItems]", strings.ToLower(storetest.Mailbox(t, tx, "nestorw").UserObjectID))
		if got != want {
			t.Errorf("seeded table %q, want %q", got, want)
		}
		return nil
	}))
	storetest.Must(t, s.Update(func(tx *store.Tx) error {
		m, err := directory.GetMailbox(tx, guid)
		if err != nil {
			return err
		}
		return directory.PurgeMailbox(tx, m)
	}))
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		got := table(t, tx, folderperms.Folder{MailboxGuid: guid, Path: "/Calendar", Calendar: true})
		if got != "Default=AvailabilityOnly Anonymous=None" {
			t.Errorf("after the purge: %q", got)
		}
		return nil
	}))
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings after the purge:\n%s", got)
	}
}

func TestMixesRolesAndRights(t *testing.T) {
	t.Parallel()
	cases := []struct {
		names []string
		mixed bool
	}{
		{[]string{"Reviewer"}, false},
		{[]string{"ReadItems", "FolderVisible"}, false},
		{[]string{"Reviewer", "Editor"}, false},
		{[]string{"Reviewer", "CreateItems"}, true},
		{[]string{"folderVisible", " availabilityonly "}, true},
		{[]string{"None", "ReadItems"}, true},
		{[]string{"Bogus", "ReadItems"}, false},
		{nil, false},
	}
	for _, c := range cases {
		if got := folderperms.MixesRolesAndRights(c.names); got != c.mixed {
			t.Errorf("MixesRolesAndRights(%q) = %v, want %v", c.names, got, c.mixed)
		}
	}
}
