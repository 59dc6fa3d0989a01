package recoverable_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/recoverable"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// listing returns "<folder>:<subject>" of a mailbox's deleted items.
func listing(t *testing.T, tx *store.Tx, alias string) string {
	t.Helper()
	m := storetest.Mailbox(t, tx, alias)
	items, err := recoverable.List(tx, m.Guid)
	storetest.Must(t, err)
	var out []string
	for _, it := range items {
		out = append(out, recoverable.SourceFolderName(it.FolderType)+":"+it.Subject)
	}
	return strings.Join(out, ",")
}

func folderCount(t *testing.T, tx *store.Tx, alias, path string) int64 {
	t.Helper()
	m := storetest.Mailbox(t, tx, alias)
	c, err := directory.GetMailboxContent(tx, m.Guid)
	storetest.Must(t, err)
	f, ok := directory.FindFolder(c.Primary, path)
	if !ok {
		return -1
	}
	return f.ItemCount
}

func TestSeededItemsAreCountedByTheirFolders(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if got := storetest.Findings(t, s); got != "" {
		t.Fatalf("findings of the seed:\n%s", got)
	}
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		for _, alias := range []string{"annb", "meganb", "pilarp"} {
			m := storetest.Mailbox(t, tx, alias)
			items, err := recoverable.List(tx, m.Guid)
			storetest.Must(t, err)
			c, err := directory.GetMailboxContent(tx, m.Guid)
			storetest.Must(t, err)
			per := map[string]int64{}
			for _, it := range items {
				per[it.FolderType]++
				if len(it.EntryID) != 140 || len(it.LastParentFolderID) != 44 {
					t.Errorf("%s %q: entry ID %d and folder ID %d hex digits", alias, it.Subject, len(it.EntryID), len(it.LastParentFolderID))
				}
				if !it.LastModifiedTime.Before(tx.Now()) {
					t.Errorf("%s %q deleted at %s, after the clock", alias, it.Subject, it.LastModifiedTime)
				}
			}
			for ft, n := range per {
				var f *directory.Folder
				for i := range c.Primary {
					if c.Primary[i].FolderType == ft {
						f = &c.Primary[i]
					}
				}
				if f == nil || f.ItemCount < n {
					t.Errorf("%s: %d items named in %s, the folder counts fewer", alias, n, ft)
				}
			}
		}
		if got := listing(t, tx, "carolo"); got != "" {
			t.Errorf("carolo has deleted items: %s", got)
		}
		return nil
	}))
}

func TestRestoreMovesTheItemAndItsCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, subject, target, wantPath string
	}{
		{"original folder", "Vendor invoice 2291", "", "/Inbox"},
		{"sent item back to Sent Items", "RE: Vendor invoice 2291", "", "/Sent Items"},
		{"under a target folder", "Vendor invoice 2291", "Recovered", "/Recovered/Inbox"},
		{"nested target folder", "Jane Doe", "/Restore/2024/", "/Restore/2024/Contacts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := storetest.Seeded(t, seed.Contoso)
			storetest.Update(t, s, func(tx *store.Tx) {
				m := storetest.Mailbox(t, tx, "annb")
				items, err := recoverable.List(tx, m.Guid)
				storetest.Must(t, err)
				var it *recoverable.Item
				for _, x := range items {
					if x.Subject == tc.subject {
						it = x
					}
				}
				if it == nil {
					t.Fatalf("no item %q", tc.subject)
				}
				before := folderCount(t, tx, "annb", "/Deletions")
				dst := folderCount(t, tx, "annb", tc.wantPath)
				res, err := recoverable.Restore(tx, it, recoverable.NormalizeTargetFolder(tc.target))
				storetest.Must(t, err)
				if res.FolderPath != tc.wantPath {
					t.Errorf("restored to %q, want %q", res.FolderPath, tc.wantPath)
				}
				if got := folderCount(t, tx, "annb", "/Deletions"); got != before-1 {
					t.Errorf("Deletions counts %d after the restore, want %d", got, before-1)
				}
				if got := folderCount(t, tx, "annb", tc.wantPath); got != max(dst, 0)+1 {
					t.Errorf("%s counts %d after the restore, want %d", tc.wantPath, got, max(dst, 0)+1)
				}
				if strings.Contains(","+listing(t, tx, "annb")+",", ":"+tc.subject+",") {
					t.Errorf("%q is still listed", tc.subject)
				}
			})
			if got := storetest.Findings(t, s); got != "" {
				t.Errorf("findings after the restore:\n%s", got)
			}
		})
	}
}

// TestClockAgesDeletedItems: the deleted-item retention purges the items of
// a mailbox without a hold; a hold keeps them.
func TestClockAgesDeletedItems(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var before map[string]string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		before = map[string]string{"meganb": listing(t, tx, "meganb"), "abrahamm": listing(t, tx, "abrahamm")}
		return nil
	}))
	if before["meganb"] == "" || !strings.Contains(before["abrahamm"], "PurgedItems:") {
		t.Fatalf("seed: %v", before)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, tx.AdvanceBy(30*store.Day))
	})
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		if got := listing(t, tx, "meganb"); got != "" {
			t.Errorf("meganb after 30 days: %q, want nothing (no hold)", got)
		}
		if got := listing(t, tx, "abrahamm"); got != before["abrahamm"] {
			t.Errorf("abrahamm (held) after 30 days: %q, want %q", got, before["abrahamm"])
		}
		n := 0
		storetest.Must(t, recoverable.Items.ForEach(tx, "", func(string, *recoverable.Item) error { n++; return nil }))
		if n == 0 {
			t.Error("every record was dropped")
		}
		return nil
	}))
}

func TestDefaultFolderAndTargetPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"IPM.Note", "/Inbox"}, {"IPM.Appointment", "/Calendar"}, {"IPM.Contact", "/Contacts"},
		{"IPM.Task", "/Tasks"}, {"IPM.StickyNote", "/Notes"}, {"IPM.File", "/Inbox"},
	} {
		if got := recoverable.DefaultFolder(tc.in); got != tc.want {
			t.Errorf("DefaultFolder(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"/", ""}, {"folder1", "folder1"}, {"/folder1/folder2/", "folder1/folder2"}, {" a // b ", "a/b"},
	} {
		if got := recoverable.NormalizeTargetFolder(tc.in); got != tc.want {
			t.Errorf("NormalizeTargetFolder(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if a, b := recoverable.EntryID("g", "/Inbox", "x"), recoverable.EntryID("g", "/Inbox", "y"); a == b {
		t.Error(fmt.Sprintf("two items share an entry ID %s", a))
	}
}

// TestDeletedItemsFollowTheirCohort: the Deleted Items delete tag (30
// days) moves old deleted items to Recoverable Items; their records follow,
// deleted again on the day of the move, and the deleted item retention
// then counts from that day.
func TestDeletedItemsFollowTheirCohort(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var before []*recoverable.Item
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		items, err := recoverable.List(tx, storetest.Mailbox(t, tx, "annb").Guid)
		for _, it := range items {
			if it.FolderType == recoverable.FolderDeletedItems {
				before = append(before, it)
			}
		}
		return err
	}))
	if len(before) == 0 {
		t.Fatal("annb has no items in Deleted Items")
	}
	storetest.Update(t, s, func(tx *store.Tx) { storetest.Must(t, tx.AdvanceBy(32*store.Day)) })
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		items, err := recoverable.List(tx, storetest.Mailbox(t, tx, "annb").Guid)
		storetest.Must(t, err)
		byID := map[string]*recoverable.Item{}
		for _, it := range items {
			byID[it.EntryID] = it
		}
		for _, b := range before {
			it := byID[b.EntryID]
			switch {
			case it == nil:
				t.Errorf("%q is gone after 32 days, want it in Deletions", b.Subject)
			case it.FolderType != recoverable.FolderDeletions || it.Deleted == "":
				t.Errorf("%q is in %s (deleted %q), want Deletions with its move day", b.Subject, it.FolderType, it.Deleted)
			case !it.LastModifiedTime.After(b.LastModifiedTime):
				t.Errorf("%q: deletion time %s did not move on from %s", b.Subject, it.LastModifiedTime, b.LastModifiedTime)
			}
		}
		// the pass after the advance stored where they went
		n := 0
		storetest.Must(t, recoverable.Items.ForEach(tx, "", func(_ string, it *recoverable.Item) error {
			for _, b := range before {
				if it.EntryID == b.EntryID && it.FolderType == recoverable.FolderDeletions {
					n++
				}
			}
			return nil
		}))
		if n != len(before) {
			t.Errorf("%d of %d moved records were stored by the pass after the advance", n, len(before))
		}
		return nil
	}))
}

func TestPutRefusesMalformedItems(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	for _, tc := range []struct {
		name string
		it   recoverable.Item
	}{
		{"no entry ID", recoverable.Item{MailboxGuid: "g", FolderType: recoverable.FolderDeletions, Received: "2024-01-01"}},
		{"not a deleted-items folder", recoverable.Item{MailboxGuid: "g", EntryID: "AB", FolderType: "Inbox", Received: "2024-01-01"}},
		{"malformed day", recoverable.Item{MailboxGuid: "g", EntryID: "AB", FolderType: recoverable.FolderPurges, Received: "2024-02-30"}},
	} {
		err := s.Update(func(tx *store.Tx) error {
			it := tc.it
			return recoverable.Put(tx, &it)
		})
		var ve *store.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: %v, want a validation error", tc.name, err)
		}
	}
}
