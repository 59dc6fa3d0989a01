package seed

import (
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/folderperms"
)

// seedFolderPermission is one seeded entry of a folder's permission
// table: the mailbox and folder path, the holder (an alias, or Default),
// its rights and delegate flags.
type seedFolderPermission struct {
	mailbox, folder, holder string
	rights                  int
	flags                   []string
	age                     time.Duration
}

// contosoFolderPermissions are the seeded folder permissions: the
// executive's assistant is her calendar delegate, everyone may read the
// shared mailbox's calendar and see what the room is booked for, and Ann
// lets Mario read her calendar.
func contosoFolderPermissions() []seedFolderPermission {
	editor, _, _ := folderperms.ParseRights([]string{"Editor"})
	reviewer, _, _ := folderperms.ParseRights([]string{"Reviewer"})
	limited, _, _ := folderperms.ParseRights([]string{"LimitedDetails"})
	return []seedFolderPermission{
		{mailbox: "pattif", folder: "/Calendar", holder: "nestorw", rights: editor, flags: []string{folderperms.FlagDelegate, folderperms.FlagCanViewPrivateItems}, age: 150 * store.Day},
		{mailbox: SharedAlias, folder: "/Calendar", holder: folderperms.KindDefault, rights: reviewer, age: 300 * store.Day},
		{mailbox: RoomAlias, folder: "/Calendar", holder: folderperms.KindDefault, rights: limited, age: 200 * store.Day},
		{mailbox: "annb", folder: "/Calendar", holder: "marion", rights: reviewer, age: 90 * store.Day},
	}
}

// seedFolderPermissions writes the seeded folder permissions.
func seedFolderPermissions(tx *store.Tx, clock time.Time) error {
	for _, p := range contosoFolderPermissions() {
		m, err := directory.ResolveMailbox(tx, p.mailbox, directory.ScopeActive)
		if err != nil {
			return err
		}
		e := &folderperms.Entry{MailboxGuid: m.Guid, Folder: p.folder, Holder: p.holder, HolderKind: p.holder,
			Rights: p.rights, SharingFlags: p.flags, WhenAdded: clock.Add(-p.age).Truncate(time.Second)}
		if p.holder != folderperms.KindDefault {
			h, err := directory.ResolveMailbox(tx, p.holder, directory.ScopeActive)
			if err != nil {
				return err
			}
			e.Holder, e.HolderKind = h.UserObjectID, folderperms.KindUser
		}
		if err := folderperms.Put(tx, e); err != nil {
			return err
		}
	}
	return nil
}
