// Package folderperms is who may do what in one folder of a mailbox: the
// permission table of a mailbox folder (Outlook's folder permissions and
// calendar sharing), one entry per holder.
//
// Every folder has two entries no one adds: Default (every signed-in
// person of the organization) and Anonymous (everyone else). Until they
// are changed they give nothing, except Default on the calendar, which
// sees free/busy times (AvailabilityOnly); they are kept here only once
// changed or removed. The other entries name their holder (an account or
// a mail-enabled security group) by directory object; whether the holder
// still resolves is decided when the entry is read, so a holder deleted
// from the directory leaves its entry behind, unresolved, as Exchange
// does. A mailbox's entries go with the mailbox when it is purged.
//
// Rights are the member rights of the folder (read, create, edit, delete,
// owner, contact, visible, free/busy); a role (Reviewer, Editor, Owner
// ...) is a name for one set of them. The two free/busy roles exist only
// on calendar folders, and calendar delegates (Delegate,
// CanViewPrivateItems) only with the Editor role.
package folderperms

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Member rights, as bits of a rights value.
const (
	ReadItems        = 1 << 0
	CreateItems      = 1 << 1
	EditOwnedItems   = 1 << 3
	DeleteOwnedItems = 1 << 4
	EditAllItems     = 1 << 5
	DeleteAllItems   = 1 << 6
	CreateSubfolders = 1 << 7
	FolderOwner      = 1 << 8
	FolderContact    = 1 << 9
	FolderVisible    = 1 << 10
	FreeBusySimple   = 1 << 11
	FreeBusyDetailed = 1 << 12

	allRights = ReadItems | CreateItems | EditOwnedItems | DeleteOwnedItems | EditAllItems | DeleteAllItems |
		CreateSubfolders | FolderOwner | FolderContact | FolderVisible | FreeBusySimple | FreeBusyDetailed
)

// right is one name the AccessRights values take: a single right or a
// role (a set of them).
type right struct {
	Name     string
	Bits     int
	Role     bool
	Calendar bool // only on calendar folders
}

// rightNames are the names of the rights and roles, the single rights in
// the order Exchange lists them, then the roles.
var rightNames = []right{
	{Name: "ReadItems", Bits: ReadItems},
	{Name: "CreateItems", Bits: CreateItems},
	{Name: "EditOwnedItems", Bits: EditOwnedItems},
	{Name: "DeleteOwnedItems", Bits: DeleteOwnedItems},
	{Name: "EditAllItems", Bits: EditAllItems},
	{Name: "DeleteAllItems", Bits: DeleteAllItems},
	{Name: "CreateSubfolders", Bits: CreateSubfolders},
	{Name: "FolderOwner", Bits: FolderOwner},
	{Name: "FolderContact", Bits: FolderContact},
	{Name: "FolderVisible", Bits: FolderVisible},
	{Name: "None", Bits: 0, Role: true},
	{Name: "Owner", Bits: CreateItems | CreateSubfolders | DeleteAllItems | DeleteOwnedItems | EditAllItems | EditOwnedItems | FolderContact | FolderOwner | FolderVisible | ReadItems, Role: true},
	{Name: "PublishingEditor", Bits: CreateItems | CreateSubfolders | DeleteAllItems | DeleteOwnedItems | EditAllItems | EditOwnedItems | FolderVisible | ReadItems, Role: true},
	{Name: "Editor", Bits: CreateItems | DeleteAllItems | DeleteOwnedItems | EditAllItems | EditOwnedItems | FolderVisible | ReadItems, Role: true},
	{Name: "PublishingAuthor", Bits: CreateItems | CreateSubfolders | DeleteOwnedItems | EditOwnedItems | FolderVisible | ReadItems, Role: true},
	{Name: "Author", Bits: CreateItems | DeleteOwnedItems | EditOwnedItems | FolderVisible | ReadItems, Role: true},
	{Name: "NonEditingAuthor", Bits: CreateItems | DeleteOwnedItems | FolderVisible | ReadItems, Role: true},
	{Name: "Reviewer", Bits: FolderVisible | ReadItems, Role: true},
	{Name: "Contributor", Bits: CreateItems | FolderVisible, Role: true},
	{Name: "AvailabilityOnly", Bits: FreeBusySimple, Role: true, Calendar: true},
	{Name: "LimitedDetails", Bits: FreeBusySimple | FreeBusyDetailed, Role: true, Calendar: true},
}

// MixesRolesAndRights reports whether AccessRights values name both a
// role and a single right, which Exchange refuses (a role stands alone
// or with other roles, single rights with single rights).
func MixesRolesAndRights(names []string) bool {
	var role, single bool
	for _, n := range names {
		for _, r := range rightNames {
			if strings.EqualFold(r.Name, strings.TrimSpace(n)) {
				role, single = role || r.Role, single || !r.Role
				break
			}
		}
	}
	return role && single
}

// RightNames returns every value AccessRights takes, single rights first.
func RightNames() []string {
	out := make([]string, len(rightNames))
	for i, r := range rightNames {
		out[i] = r.Name
	}
	return out
}

// ParseRights returns the rights value of AccessRights values (their
// union); bad is the first value that is no right or role, calendarOnly
// the first free/busy role among them.
func ParseRights(names []string) (bits int, bad, calendarOnly string) {
	for _, n := range names {
		n = strings.TrimSpace(n)
		found := false
		for _, r := range rightNames {
			if strings.EqualFold(r.Name, n) {
				bits |= r.Bits
				if r.Calendar && calendarOnly == "" {
					calendarOnly = r.Name
				}
				found = true
				break
			}
		}
		if !found && bad == "" {
			bad = n
		}
	}
	return bits, bad, calendarOnly
}

// Names returns how a rights value shows: the role it is, or else each
// of its single rights (with the free/busy role it includes).
func Names(bits int) []string {
	for _, r := range rightNames {
		if r.Role && r.Bits == bits {
			return []string{r.Name}
		}
	}
	var out []string
	for _, r := range rightNames {
		if !r.Role && bits&r.Bits != 0 {
			out = append(out, r.Name)
		}
	}
	switch {
	case bits&FreeBusyDetailed != 0:
		out = append(out, "LimitedDetails")
	case bits&FreeBusySimple != 0:
		out = append(out, "AvailabilityOnly")
	}
	return out
}

// Sharing permission flags of a calendar entry.
const (
	FlagDelegate            = "Delegate"
	FlagCanViewPrivateItems = "CanViewPrivateItems"
)

// FlagNames are the values SharingPermissionFlags takes.
var FlagNames = []string{"None", FlagDelegate, FlagCanViewPrivateItems}

// ParseFlags returns sharing permission flags in Exchange's order, each
// once ("None" adds nothing); bad is the first value that is no flag.
func ParseFlags(in []string) (out []string, bad string) {
	seen := map[string]bool{}
	for _, v := range in {
		v = strings.TrimSpace(v)
		ok := false
		for _, f := range FlagNames {
			if strings.EqualFold(f, v) {
				seen[f], ok = true, true
			}
		}
		if !ok && bad == "" {
			bad = v
		}
	}
	for _, f := range []string{FlagDelegate, FlagCanViewPrivateItems} {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out, bad
}

// Holder kinds. Default and Anonymous are the holders of the two entries
// every folder has; their ID is their name.
const (
	KindDefault   = "Default"
	KindAnonymous = "Anonymous"
	KindUser      = "User"
	KindGroup     = "Group"
)

// Holder names who an entry is for: its kind, its directory object ID
// (the kind's name for Default and Anonymous) and the name Exchange shows
// for it in errors.
type Holder struct {
	ID, Kind, Name string
}

// Entry is one row of a folder's permission table.
type Entry struct {
	MailboxGuid string `json:"mailboxGuid"`
	// Folder is the folder's path as the directory keeps it ("/Calendar").
	Folder string `json:"folder"`
	// Holder is the holder's object ID (lower case), or Default or
	// Anonymous; HolderKind says which.
	Holder     string `json:"holder"`
	HolderKind string `json:"holderKind"`
	Rights     int    `json:"rights"`
	// SharingFlags are the calendar delegate flags, in FlagNames order.
	SharingFlags []string `json:"sharingFlags,omitempty"`
	// Removed marks a Default or Anonymous entry someone removed.
	Removed bool `json:"removed,omitempty"`
	// Seq orders the entries of a folder as they were added.
	Seq       uint64    `json:"seq"`
	WhenAdded time.Time `json:"whenAdded"`
}

// Key is the entry's key: one entry per mailbox, folder and holder.
func (e *Entry) Key() string { return entryKey(e.MailboxGuid, e.Folder, e.Holder) }

func entryKey(mailbox, folder, holder string) string {
	return strings.ToLower(mailbox) + "|" + strings.ToLower(folder) + "|" + strings.ToLower(holder)
}

// Entries is the record kind of folder permission entries.
var entries = store.DefineKind(store.KindSpec[Entry]{Bucket: "folderPermissions", Name: "folderPermission", Noun: "folder permission", CreatedOnWrite: true})

// Register adds the folder permissions to s: their kind, the rule that a
// purged mailbox's entries go with it, and the check of every entry.
func Register(s *store.Schema) {
	entries.Register(s)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error { return DropMailbox(tx, guid) })
	s.AddCheck("folder-permissions", check)
}

// EntryError is a refusal about one holder's entry on a folder: Add finds
// one already there (Exists), Set or Remove finds none (Missing).
type EntryError struct {
	Exists bool
	// User is the holder as Exchange names it in the message.
	User string
}

func (e *EntryError) Error() string {
	if e.Exists {
		return "an existing permission entry was found for user: " + e.User
	}
	return "there is no existing permission entry found for user: " + e.User
}

// RightsError is a refusal of a rights value the folder can't take: a
// free/busy role on a folder that is not a calendar, or sharing flags
// without the Editor role on a calendar.
type RightsError struct {
	// Flags marks a refusal of sharing flags; Right names the free/busy
	// role otherwise.
	Flags bool
	Right string
	// Reason says what is wrong with the flags.
	Reason string
}

func (e *RightsError) Error() string {
	if e.Flags {
		return e.Reason
	}
	return e.Right + " applies to calendar folders only"
}

// Folder is one folder whose table is read or changed.
type Folder struct {
	MailboxGuid string
	// Path is the folder's path as the directory keeps it.
	Path string
	// Calendar marks a calendar folder.
	Calendar bool
}

// builtin returns the entry a folder has for Default or Anonymous before
// anyone changes it.
func builtin(f Folder, kind string) *Entry {
	e := &Entry{MailboxGuid: strings.ToLower(f.MailboxGuid), Folder: f.Path, Holder: kind, HolderKind: kind}
	if kind == KindDefault && f.Calendar {
		e.Rights = FreeBusySimple
	}
	return e
}

// List returns a folder's table as Exchange lists it: Default, then
// Anonymous, then the other entries in the order they were added.
func List(tx *store.Tx, f Folder) ([]*Entry, error) {
	prefix := strings.ToLower(f.MailboxGuid) + "|" + strings.ToLower(f.Path) + "|"
	special := map[string]*Entry{KindDefault: builtin(f, KindDefault), KindAnonymous: builtin(f, KindAnonymous)}
	var others []*Entry
	err := entries.ForEach(tx, prefix, func(key string, e *Entry) error {
		if !strings.HasPrefix(key, prefix) {
			return store.ErrStop
		}
		if e.HolderKind == KindDefault || e.HolderKind == KindAnonymous {
			special[e.HolderKind] = e
			return nil
		}
		others = append(others, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(others, func(i, j int) bool { return others[i].Seq < others[j].Seq })
	var out []*Entry
	for _, k := range []string{KindDefault, KindAnonymous} {
		if !special[k].Removed {
			out = append(out, special[k])
		}
	}
	return append(out, others...), nil
}

// Find returns a holder's entry on a folder (nil when it has none).
func Find(tx *store.Tx, f Folder, holder string) (*Entry, error) {
	all, err := List(tx, f)
	if err != nil {
		return nil, err
	}
	for _, e := range all {
		if strings.EqualFold(e.Holder, holder) {
			return e, nil
		}
	}
	return nil, nil
}

// checkRights refuses a rights value and flags a folder can't take.
func checkRights(f Folder, rights int, flags []string) error {
	if rights&^allRights != 0 {
		return &store.ValidationError{Field: "AccessRights", Message: fmt.Sprintf("%d is not a rights value", rights)}
	}
	if !f.Calendar && rights&(FreeBusySimple|FreeBusyDetailed) != 0 {
		name := "AvailabilityOnly"
		if rights&FreeBusyDetailed != 0 {
			name = "LimitedDetails"
		}
		return &RightsError{Right: name}
	}
	if len(flags) == 0 {
		return nil
	}
	if !f.Calendar {
		return &RightsError{Flags: true, Reason: "SharingPermissionFlags can only be used on calendar folders."}
	}
	if rights != roleBits("Editor") {
		return &RightsError{Flags: true, Reason: "SharingPermissionFlags can only be used when AccessRights is Editor."}
	}
	delegate := false
	for _, fl := range flags {
		if fl == FlagDelegate {
			delegate = true
		}
	}
	if !delegate {
		return &RightsError{Flags: true, Reason: "CanViewPrivateItems can only be used together with Delegate."}
	}
	return nil
}

func roleBits(name string) int {
	for _, r := range rightNames {
		if r.Name == name {
			return r.Bits
		}
	}
	return -1
}

// Add gives a holder an entry on a folder; the holder must have none
// (Default and Anonymous only once removed). It returns the entry.
func Add(tx *store.Tx, f Folder, h Holder, rights int, flags []string) (*Entry, error) {
	if err := checkRights(f, rights, flags); err != nil {
		return nil, err
	}
	cur, err := Find(tx, f, h.ID)
	if err != nil {
		return nil, err
	}
	if cur != nil {
		return nil, &EntryError{Exists: true, User: h.Name}
	}
	seq, err := entries.NextSequence(tx)
	if err != nil {
		return nil, err
	}
	e := &Entry{MailboxGuid: strings.ToLower(f.MailboxGuid), Folder: f.Path, Holder: holderID(h), HolderKind: h.Kind,
		Rights: rights, SharingFlags: flags, Seq: seq, WhenAdded: tx.Now()}
	return e, entries.Put(tx, e.Key(), e)
}

// Set changes the rights of a holder's entry on a folder, and its sharing
// flags when flags is not nil.
func Set(tx *store.Tx, f Folder, h Holder, rights int, flags *[]string) (*Entry, error) {
	cur, err := Find(tx, f, h.ID)
	if err != nil {
		return nil, err
	}
	if cur == nil {
		return nil, &EntryError{User: h.Name}
	}
	newFlags := cur.SharingFlags
	if flags != nil {
		newFlags = *flags
	}
	if rights != roleBits("Editor") && flags == nil {
		// an entry that stops being Editor stops being a delegate
		newFlags = nil
	}
	if err := checkRights(f, rights, newFlags); err != nil {
		return nil, err
	}
	cur.Rights, cur.SharingFlags = rights, newFlags
	return cur, entries.Put(tx, cur.Key(), cur)
}

// Remove takes a holder's entry off a folder.
func Remove(tx *store.Tx, f Folder, h Holder) error {
	cur, err := Find(tx, f, h.ID)
	if err != nil {
		return err
	}
	if cur == nil {
		return &EntryError{User: h.Name}
	}
	if cur.HolderKind == KindDefault || cur.HolderKind == KindAnonymous {
		cur.Removed, cur.Rights, cur.SharingFlags = true, 0, nil
		return entries.Put(tx, cur.Key(), cur)
	}
	_, err = entries.Delete(tx, cur.Key())
	return err
}

// ResetDelegates clears the delegate flags of every entry on a folder
// (the entries and their rights stay).
func ResetDelegates(tx *store.Tx, f Folder) error {
	all, err := List(tx, f)
	if err != nil {
		return err
	}
	for _, e := range all {
		if len(e.SharingFlags) == 0 {
			continue
		}
		e.SharingFlags = nil
		if err := entries.Put(tx, e.Key(), e); err != nil {
			return err
		}
	}
	return nil
}

func holderID(h Holder) string {
	if h.Kind == KindDefault || h.Kind == KindAnonymous {
		return h.Kind
	}
	return strings.ToLower(h.ID)
}

// DropMailbox removes every entry on the folders of a mailbox.
func DropMailbox(tx *store.Tx, guid string) error {
	prefix := strings.ToLower(guid) + "|"
	var keys []string
	err := entries.ForEach(tx, prefix, func(key string, _ *Entry) error {
		if !strings.HasPrefix(key, prefix) {
			return store.ErrStop
		}
		keys = append(keys, key)
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := entries.Delete(tx, k); err != nil {
			return err
		}
	}
	return nil
}

// Put stores an entry as it is (the seed's entries).
func Put(tx *store.Tx, e *Entry) error {
	if e.Seq == 0 {
		seq, err := entries.NextSequence(tx)
		if err != nil {
			return err
		}
		e.Seq = seq
	}
	e.MailboxGuid = strings.ToLower(e.MailboxGuid)
	if e.HolderKind != KindDefault && e.HolderKind != KindAnonymous {
		e.Holder = strings.ToLower(e.Holder)
	}
	return entries.Put(tx, e.Key(), e)
}

// check reports entries whose mailbox or folder is gone, whose rights are
// no rights, or that are stored under another key.
func check(tx *store.Tx, report func(store.Finding)) error {
	return entries.ForEach(tx, "", func(key string, e *Entry) error {
		m, err := directory.GetMailbox(tx, e.MailboxGuid)
		if err != nil {
			report(store.Finding{Kind: "folderPermission", Key: key, Message: "the mailbox does not exist"})
		} else {
			c, err := directory.GetMailboxContent(tx, m.Guid)
			if err != nil {
				return err
			}
			if _, ok := directory.FindFolder(c.Primary, e.Folder); !ok {
				report(store.Finding{Kind: "folderPermission", Key: key, Message: "the folder " + e.Folder + " does not exist"})
			}
		}
		if e.Rights&^allRights != 0 {
			report(store.Finding{Kind: "folderPermission", Key: key, Message: fmt.Sprintf("rights %d are not folder rights", e.Rights)})
		}
		if key != e.Key() {
			report(store.Finding{Kind: "folderPermission", Key: key, Message: "stored under another key than its own " + e.Key()})
		}
		return nil
	})
}
