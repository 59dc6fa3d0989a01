package seed

import (
	"fmt"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/recoverable"
)

// seedDeletedItem is one deleted item of the contoso seed: the mailbox,
// where the item is now, where it was deleted from, and what it is.
type seedDeletedItem struct {
	alias, folder, from    string
	subject, sender, class string
	sizeKB                 int64
	at                     time.Duration // time of day it was deleted
	nth                    int           // which cohort of the folder (newest first)
}

func contosoDeletedItems() []seedDeletedItem {
	return []seedDeletedItem{
		{"annb", recoverable.FolderDeletedItems, "/Inbox", "Q3 budget draft v2", "pattif@contoso.com", "IPM.Note", 48, 9*time.Hour + 12*time.Minute, 0},
		{"annb", recoverable.FolderDeletedItems, "/Calendar", "Budget review", "annb@contoso.com", "IPM.Appointment", 12, 16*time.Hour + 3*time.Minute, 1},
		{"annb", recoverable.FolderDeletions, "/Inbox", "Vendor invoice 2291", "billing@fabrikam.com", "IPM.Note", 65, 11*time.Hour + 40*time.Minute, 0},
		{"annb", recoverable.FolderDeletions, "/Sent Items", "RE: Vendor invoice 2291", "annb@contoso.com", "IPM.Note", 31, 11*time.Hour + 41*time.Minute, 0},
		{"annb", recoverable.FolderDeletions, "/Contacts", "Jane Doe", "annb@contoso.com", "IPM.Contact", 4, 8*time.Hour + 5*time.Minute, 1},
		{"meganb", recoverable.FolderDeletions, "/Inbox", "Campaign assets", "alexw@contoso.com", "IPM.Note", 220, 14*time.Hour + 22*time.Minute, 0},
		{"meganb", recoverable.FolderDeletions, "/Tasks", "Book venue", "meganb@contoso.com", "IPM.Task", 3, 10 * time.Hour, 1},
		{"pilarp", recoverable.FolderDeletions, "/Inbox", "Settlement terms", "counsel@litware.com", "IPM.Note", 80, 15*time.Hour + 30*time.Minute, 0},
		{"walterh", recoverable.FolderDeletions, "/Inbox", "Badge request for new starter", "newemployee@contoso.com", "IPM.Note", 18, 10*time.Hour + 31*time.Minute, 0},
		{"walterh", recoverable.FolderDeletedItems, "/Calendar", "Fire drill", "walterh@contoso.com", "IPM.Appointment", 9, 12*time.Hour + 15*time.Minute, 0},
		{"abrahamm", recoverable.FolderDeletions, "/Inbox", "Pricing exception for Litware", "isaiahl@contoso.com", "IPM.Note", 41, 13*time.Hour + 8*time.Minute, 0},
		{"abrahamm", recoverable.FolderPurges, "/Inbox", "Side letter - do not forward", "counsel@litware.com", "IPM.Note", 52, 17*time.Hour + 45*time.Minute, 0},
		{"abrahamm", recoverable.FolderPurges, "/Drafts", "Draft reply to Litware", "abrahamm@contoso.com", "IPM.Note", 20, 18*time.Hour + 2*time.Minute, 0},
	}
}

// seedRecoverableItems names some of the items the contoso seed's
// mailboxes already count in Deleted Items and Recoverable Items: each
// deleted item belongs to a cohort of its folder (a folder without one
// gets a cohort of that item), so the folder statistics and the items
// agree. IDs derive from names; the generator is left alone.
func seedRecoverableItems(tx *store.Tx, clock time.Time) error {
	contents := map[string]*directory.MailboxContent{}
	var order []string
	taken := map[string]int64{} // items named per cohort
	for i, d := range contosoDeletedItems() {
		m, err := directory.ResolveMailbox(tx, d.alias, directory.ScopeActive)
		if err != nil {
			return err
		}
		c := contents[m.Guid]
		if c == nil {
			if c, err = directory.GetMailboxContent(tx, m.Guid); err != nil {
				return err
			}
			contents[m.Guid] = c
			order = append(order, m.Guid)
		}
		var f *directory.Folder
		for j := range c.Primary {
			if c.Primary[j].FolderType == d.folder {
				f = &c.Primary[j]
			}
		}
		if f == nil {
			return fmt.Errorf("seed deleted item %q: %s has no %s folder", d.subject, d.alias, d.folder)
		}
		size := d.sizeKB * directory.KB
		var co *directory.Cohort
		// newest cohorts first; the nth one with room for another item
		n := 0
		for j := len(f.Cohorts) - 1; j >= 0; j-- {
			k := m.Guid + f.FolderPath + f.Cohorts[j].Date + f.Cohorts[j].Deleted
			if f.Cohorts[j].Count > taken[k] {
				if n == d.nth {
					co = &f.Cohorts[j]
					taken[k]++
					break
				}
				n++
			}
		}
		var cohort directory.Cohort
		if co == nil {
			day := directory.DayNumber(clock) - int64(1+d.nth)
			cohort = directory.Cohort{Date: directory.DayDate(day), Count: 1, Size: size}
			directory.PutCohort(f, cohort)
			taken[m.Guid+f.FolderPath+cohort.Date]++
		} else {
			cohort = *co
		}
		day := cohort.Date
		if cohort.Deleted != "" {
			day = cohort.Deleted
		}
		dn, _ := directory.ParseDay(day)
		at := time.Unix(dn*86400, 0).UTC().Add(d.at)
		if !at.Before(clock) {
			at = clock.Add(-time.Duration(10-i%5) * time.Hour)
		}
		it := &recoverable.Item{MailboxGuid: m.Guid, Subject: d.subject, Sender: d.sender, ItemClass: d.class, Size: size,
			FolderType: d.folder, Received: cohort.Date, Deleted: cohort.Deleted, LastModifiedTime: at.Truncate(time.Second),
			LastParentPath: d.from, LastParentFolderID: recoverable.FolderID(m.Guid, d.from)}
		it.EntryID = recoverable.EntryID(m.Guid, f.FolderPath, d.subject)
		if err := recoverable.Put(tx, it); err != nil {
			return err
		}
	}
	for _, g := range order {
		if err := directory.PutMailboxContent(tx, contents[g]); err != nil {
			return err
		}
	}
	return nil
}
