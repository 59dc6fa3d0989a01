// Package recoverable is the item-level view of deleted mail: the items a
// user deleted (Deleted Items, then Recoverable Items\Deletions), purged
// (Purges) or that a hold kept (DiscoveryHolds), each with its subject,
// sender, item class, size, deletion time and the folder it was deleted
// from, as Get-RecoverableItems lists them and Restore-RecoverableItems
// moves them back.
//
// The directory's content model counts a folder's items in cohorts (items
// of one received day); an item record here names one item of such a
// cohort. The counts stay the source of truth: the Managed Folder
// Assistant ages and purges cohorts by the deleted-item retention and the
// holds, and an item whose cohort no longer holds it is gone too (Sync).
// A restore takes the item out of its cohort and adds it to the target
// folder, so the folder statistics move with it.
package recoverable

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The folders a deleted item can be in, by the directory's folder type,
// and the names Get-RecoverableItems gives them (-SourceFolder).
const (
	FolderDeletedItems   = "DeletedItems"
	FolderDeletions      = "RecoverableItemsDeletions"
	FolderPurges         = "RecoverableItemsPurges"
	FolderDiscoveryHolds = "RecoverableItemsDiscoveryHolds"
)

// SourceFolders maps a -SourceFolder value to its folder type, in the
// order the values are documented.
var SourceFolders = []struct{ Name, FolderType string }{
	{"DeletedItems", FolderDeletedItems},
	{"RecoverableItems", FolderDeletions},
	{"PurgedItems", FolderPurges},
	{"DiscoveryHoldsItems", FolderDiscoveryHolds},
}

// SourceFolderName returns the -SourceFolder name of a folder type.
func SourceFolderName(folderType string) string {
	for _, s := range SourceFolders {
		if s.FolderType == folderType {
			return s.Name
		}
	}
	return folderType
}

func isFolderType(ft string) bool {
	for _, s := range SourceFolders {
		if s.FolderType == ft {
			return true
		}
	}
	return false
}

// Item is one deleted item of a mailbox's primary mailbox.
type Item struct {
	MailboxGuid string `json:"mailboxGuid"`
	// EntryID is the item's store entry ID (hex), unique in the mailbox.
	EntryID   string `json:"entryId"`
	Subject   string `json:"subject"`
	Sender    string `json:"sender,omitempty"`
	ItemClass string `json:"itemClass"`
	Size      int64  `json:"size"` // bytes
	// FolderType is where the item is now (one of the Folder constants).
	FolderType string `json:"folderType"`
	// Received is the day of the cohort the item belongs to ("2006-01-02").
	Received string `json:"received"`
	// Deleted is the cohort's deletion day in Recoverable Items ("" when
	// the cohort has none: its date counts).
	Deleted string `json:"deleted,omitempty"`
	// LastModifiedTime is when the item was deleted (moved last).
	LastModifiedTime time.Time `json:"lastModifiedTime"`
	// LastParentPath and LastParentFolderID name the folder the item was
	// deleted from.
	LastParentPath     string `json:"lastParentPath"`
	LastParentFolderID string `json:"lastParentFolderId"`
}

// Items are the deleted items, keyed "<mailbox guid>|<entry id>".
var Items = store.DefineKind(store.KindSpec[Item]{Bucket: "recoverableItems", Name: "recoverable item", CreatedOnWrite: true})

func itemKey(guid, entryID string) string {
	return strings.ToLower(guid) + "|" + strings.ToUpper(entryID)
}

// Register adds the deleted items to s: the kind, their aging after each
// clock advance (after the Managed Folder Assistant's), and dropping a
// purged mailbox's items.
func Register(s *store.Schema) {
	Items.Register(s)
	s.AfterAdvance(syncAfterAdvance)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error { return deleteAll(tx, guid) })
	s.AddCheck("recoverable-items", checkItems)
}

// Put stores an item (validated: a known folder type, an entry ID, a
// well-formed received day).
func Put(tx *store.Tx, it *Item) error {
	if it.MailboxGuid == "" || it.EntryID == "" {
		return &store.ValidationError{Field: "EntryID", Message: "empty"}
	}
	if !isFolderType(it.FolderType) {
		return &store.ValidationError{Field: "FolderType", Message: fmt.Sprintf("%q is not a folder of deleted items", it.FolderType)}
	}
	if _, ok := directory.ParseDay(it.Received); !ok {
		return &store.ValidationError{Field: "Received", Message: fmt.Sprintf("%q is not a day", it.Received)}
	}
	it.MailboxGuid = strings.ToLower(it.MailboxGuid)
	it.EntryID = strings.ToUpper(it.EntryID)
	return Items.Put(tx, itemKey(it.MailboxGuid, it.EntryID), it)
}

// stored returns the item records of a mailbox in entry ID order.
func stored(tx *store.Tx, guid string) ([]*Item, error) {
	prefix := strings.ToLower(guid) + "|"
	var out []*Item
	err := Items.ForEach(tx, prefix, func(key string, it *Item) error {
		if !strings.HasPrefix(key, prefix) {
			return store.ErrStop
		}
		out = append(out, it)
		return nil
	})
	return out, err
}

// cohortKey names the cohort of a folder an item belongs to.
type cohortKey struct{ folder, date, deleted string }

// live works out which of a mailbox's item records the content still
// holds, and where: an item stays while its cohort (folder, received day,
// deletion day) has room for it; an item whose cohort moved on from
// Deleted Items into Recoverable Items (a delete tag) follows it, taking
// its deletion day; the others are gone (purged, or moved to the
// archive). gone lists the records to drop, moved those that changed.
func live(c *directory.MailboxContent, items []*Item) (keep, gone, moved []*Item) {
	room := map[cohortKey]int64{}
	if c != nil {
		for _, f := range c.Primary {
			for _, co := range f.Cohorts {
				room[cohortKey{f.FolderType, co.Date, co.Deleted}] += co.Count
			}
		}
	}
	var lost []*Item
	for _, it := range items {
		k := cohortKey{it.FolderType, it.Received, it.Deleted}
		if room[k] > 0 {
			room[k]--
			keep = append(keep, it)
			continue
		}
		lost = append(lost, it)
	}
	for _, it := range lost {
		found := false
		if it.FolderType == FolderDeletedItems && c != nil {
			for _, ft := range []string{FolderDeletions, FolderDiscoveryHolds} {
				f := folderOfType(c.Primary, ft)
				if f == nil {
					continue
				}
				for _, co := range f.Cohorts {
					k := cohortKey{ft, co.Date, co.Deleted}
					if co.Date != it.Received || co.Deleted == "" || room[k] <= 0 {
						continue
					}
					room[k]--
					cp := *it
					cp.FolderType, cp.Deleted = ft, co.Deleted
					if d, ok := directory.ParseDay(co.Deleted); ok {
						cp.LastModifiedTime = time.Unix(d*86400, 0).UTC().Add(timeOfDay(it.LastModifiedTime))
					}
					keep = append(keep, &cp)
					moved = append(moved, &cp)
					found = true
					break
				}
				if found {
					break
				}
			}
		}
		if !found {
			gone = append(gone, it)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].EntryID < keep[j].EntryID })
	return keep, gone, moved
}

func timeOfDay(t time.Time) time.Duration {
	t = t.UTC()
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second
}

func folderOfType(fs []directory.Folder, ft string) *directory.Folder {
	for i := range fs {
		if fs[i].FolderType == ft {
			return &fs[i]
		}
	}
	return nil
}

// List returns the deleted items of a mailbox that its content still
// holds, in entry ID order (a read: records the content no longer holds
// are left for Sync).
func List(tx *store.Tx, guid string) ([]*Item, error) {
	items, err := stored(tx, guid)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	c, err := directory.GetMailboxContent(tx, guid)
	if err != nil {
		return nil, err
	}
	keep, _, _ := live(c, items)
	return keep, nil
}

// Sync brings a mailbox's item records in line with its content: drops
// the items the content no longer holds and records where moved ones
// went. It returns the items that remain.
func Sync(tx *store.Tx, guid string) ([]*Item, error) {
	items, err := stored(tx, guid)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	c, err := directory.GetMailboxContent(tx, guid)
	if err != nil {
		return nil, err
	}
	keep, gone, moved := live(c, items)
	for _, it := range gone {
		if _, err := Items.Delete(tx, itemKey(it.MailboxGuid, it.EntryID)); err != nil {
			return nil, err
		}
	}
	for _, it := range moved {
		if err := Items.Put(tx, itemKey(it.MailboxGuid, it.EntryID), it); err != nil {
			return nil, err
		}
	}
	return keep, nil
}

// mailboxesWithItems lists the mailbox GUIDs that have item records.
func mailboxesWithItems(tx *store.Tx) ([]string, error) {
	var out []string
	err := Items.ForEach(tx, "", func(key string, _ *Item) error {
		g, _, _ := strings.Cut(key, "|")
		if len(out) == 0 || out[len(out)-1] != g {
			out = append(out, g)
		}
		return nil
	})
	return out, err
}

// syncAfterAdvance runs after the assistant's pass of a clock advance: the
// items it purged or moved follow their cohorts.
func syncAfterAdvance(tx *store.Tx, from time.Time) error {
	if directory.DayNumber(tx.Now()) <= directory.DayNumber(from) {
		return nil
	}
	guids, err := mailboxesWithItems(tx)
	if err != nil {
		return err
	}
	for _, g := range guids {
		if _, err := Sync(tx, g); err != nil {
			return err
		}
	}
	return nil
}

func deleteAll(tx *store.Tx, guid string) error {
	items, err := stored(tx, guid)
	if err != nil {
		return err
	}
	for _, it := range items {
		if _, err := Items.Delete(tx, itemKey(it.MailboxGuid, it.EntryID)); err != nil {
			return err
		}
	}
	return nil
}

// checkItems reports item records of mailboxes that no longer exist.
func checkItems(tx *store.Tx, report func(store.Finding)) error {
	guids, err := mailboxesWithItems(tx)
	if err != nil {
		return err
	}
	for _, g := range guids {
		if _, ok, err := directory.Mailboxes.Get(tx, g); err != nil {
			return err
		} else if !ok {
			report(store.Finding{Check: "recoverable-items", Kind: "recoverable item", Key: g, Message: "deleted items of a mailbox that does not exist"})
		}
	}
	return nil
}

// DefaultFolder returns the folder an item of this class goes back to
// when the folder it was deleted from is gone: Inbox for mail, Calendar
// for meetings and appointments, and so on.
func DefaultFolder(itemClass string) string {
	c := strings.ToLower(itemClass)
	switch {
	case strings.HasPrefix(c, "ipm.appointment"), strings.HasPrefix(c, "ipm.schedule"):
		return "/Calendar"
	case strings.HasPrefix(c, "ipm.contact"), strings.HasPrefix(c, "ipm.distlist"):
		return "/Contacts"
	case strings.HasPrefix(c, "ipm.task"):
		return "/Tasks"
	case strings.HasPrefix(c, "ipm.stickynote"):
		return "/Notes"
	}
	return "/Inbox"
}

// RestoreResult is where a restored item went.
type RestoreResult struct {
	Item *Item
	// FolderPath is the folder it was restored to.
	FolderPath string
}

// Restore moves an item back: to targetRoot/<folder it was deleted from>
// when targetRoot is set (a folder under the top of the mailbox, created
// when missing), else to the folder it was deleted from, or the default
// folder of its class when that folder is gone. The item leaves its
// cohort and joins the target folder's cohort of its received day; its
// record is removed (it is no longer a deleted item).
func Restore(tx *store.Tx, it *Item, targetRoot string) (*RestoreResult, error) {
	c, err := directory.GetMailboxContent(tx, it.MailboxGuid)
	if err != nil {
		return nil, err
	}
	src := folderOfType(c.Primary, it.FolderType)
	if src == nil || !takeOne(src, it) {
		return nil, &store.ValidationError{Field: "EntryID", Message: "the item is no longer in its folder"}
	}
	path := it.LastParentPath
	if targetRoot != "" {
		path = "/" + targetRoot + path
	} else if _, ok := directory.FindFolder(c.Primary, path); !ok || path == "" {
		path = DefaultFolder(it.ItemClass)
	}
	dst := ensureFolder(&c.Primary, path)
	directory.PutCohort(dst, directory.Cohort{Date: it.Received, Count: 1, Size: it.Size})
	if err := directory.PutMailboxContent(tx, c); err != nil {
		return nil, err
	}
	if _, err := Items.Delete(tx, itemKey(it.MailboxGuid, it.EntryID)); err != nil {
		return nil, err
	}
	return &RestoreResult{Item: it, FolderPath: dst.FolderPath}, nil
}

// takeOne removes one item of it's size from its cohort in f; false when
// the cohort has no item left.
func takeOne(f *directory.Folder, it *Item) bool {
	for i := range f.Cohorts {
		co := &f.Cohorts[i]
		if co.Date != it.Received || co.Deleted != it.Deleted || co.Count <= 0 {
			continue
		}
		size := it.Size
		if co.Count == 1 || size > co.Size {
			size = co.Size
		}
		co.Count--
		co.Size -= size
		f.ItemCount--
		f.FolderSize -= size
		if co.Count == 0 {
			f.Cohorts = append(f.Cohorts[:i], f.Cohorts[i+1:]...)
		}
		if len(f.Cohorts) == 0 {
			f.Cohorts = nil
		}
		return true
	}
	return false
}

// ensureFolder returns the folder of fs at path, creating it and its
// parents (user-created folders, before the Recoverable Items subtree)
// when missing.
func ensureFolder(fs *[]directory.Folder, path string) *directory.Folder {
	if f, ok := directory.FindFolder(*fs, path); ok {
		return f
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	for i := range parts {
		p := "/" + strings.Join(parts[:i+1], "/")
		if _, ok := directory.FindFolder(*fs, p); ok {
			continue
		}
		at := len(*fs)
		for j, f := range *fs {
			if f.Recoverable {
				at = j
				break
			}
		}
		*fs = append(*fs, directory.Folder{})
		copy((*fs)[at+1:], (*fs)[at:])
		(*fs)[at] = directory.Folder{Name: parts[i], FolderPath: p, FolderType: "User Created"}
	}
	f, _ := directory.FindFolder(*fs, path)
	return f
}

// NormalizeTargetFolder turns a -RestoreTargetFolder value into a folder
// path under the top of the mailbox without leading or trailing slashes
// ("" for the top itself).
func NormalizeTargetFolder(s string) string {
	parts := strings.Split(strings.Trim(strings.TrimSpace(s), "/"), "/")
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "/")
}

// FolderID returns the 22-byte folder ID (hex) of a mailbox's folder: a
// per-mailbox store GUID and a counter per folder, derived from the names
// so the same folder always has the same ID.
func FolderID(mailboxGuid, folderPath string) string {
	db := strings.ReplaceAll(store.DerivedGuid("exosim-store\x00"+strings.ToLower(mailboxGuid)), "-", "")
	n := store.HashN(0x1000, 0xFFFFFF, "exosim-folder", strings.ToLower(mailboxGuid), strings.ToLower(folderPath))
	return strings.ToUpper(fmt.Sprintf("%s000000%06X", db, n))
}

// FolderEntryID returns the entry ID (hex) of a mailbox's folder: flags,
// the mailbox's provider, the folder object type (0x0001, little-endian),
// the folder ID and two bytes of padding; 46 bytes in all.
func FolderEntryID(mailboxGuid, folderPath string) string {
	prov := strings.ReplaceAll(store.DerivedGuid("exosim-provider\x00"+strings.ToLower(mailboxGuid)), "-", "")
	return strings.ToUpper(fmt.Sprintf("00000000%s0100%s0000", prov, FolderID(mailboxGuid, folderPath)))
}

// EntryID returns the entry ID (hex) of an item with the given key in a
// mailbox's folder: flags, the mailbox's provider, the folder ID and the
// item's own store ID.
func EntryID(mailboxGuid, folderPath, key string) string {
	prov := strings.ReplaceAll(store.DerivedGuid("exosim-provider\x00"+strings.ToLower(mailboxGuid)), "-", "")
	item := strings.ReplaceAll(store.DerivedGuid("exosim-item\x00"+strings.ToLower(mailboxGuid)+"\x00"+key), "-", "")
	n := store.HashN(0x1000, 0xFFFFFF, "exosim-item-counter", strings.ToLower(mailboxGuid), key)
	return strings.ToUpper(fmt.Sprintf("00000000%s0700%s0000%s000000%06X0000", prov, FolderID(mailboxGuid, folderPath), item, n))
}
