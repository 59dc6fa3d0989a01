package directory

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
)

// Reasons an archive change is refused (LifecycleError.Reason).
const (
	// ReasonArchiveExists: Enable-Mailbox -Archive on a mailbox that has
	// an archive.
	ReasonArchiveExists = "ArchiveExists"
	// ReasonNoArchive: auto-expanding archiving, or disabling the archive,
	// for a mailbox without one.
	ReasonNoArchive = "NoArchive"
	// ReasonAutoExpandingArchiveOn: an auto-expanding archive can't be
	// disabled.
	ReasonAutoExpandingArchiveOn = "AutoExpandingArchiveOn"
	// ReasonArchiveHeld: the archive of a mailbox on hold can't be
	// disabled (the hold keeps its content).
	ReasonArchiveHeld = "ArchiveHeld"
	// ReasonNotUserMailboxArchive: only user, shared, room and equipment
	// mailboxes have archives (not mail users).
	ReasonNotUserMailboxArchive = "NotMailboxArchive"
)

// DefaultArchiveName is the name Exchange Online gives a new archive:
// "In-Place Archive -" followed by the mailbox's display name.
func DefaultArchiveName(displayName string) string { return "In-Place Archive -" + displayName }

// EnableArchive gives an active mailbox an archive (Enable-Mailbox
// -Archive): ArchiveStatus Active, a new ArchiveGuid, its name (name, or
// DefaultArchiveName), an archive database, and the archive's default
// folders, empty. *LifecycleError ReasonArchiveExists when it has one.
func EnableArchive(tx *store.Tx, m *Mailbox, name string) error {
	if m.IsMailUser() {
		return MailboxLifecycleError("EnableArchive", m, ReasonNotUserMailboxArchive, "")
	}
	if m.ArchiveStatus == "Active" {
		return MailboxLifecycleError("EnableArchive", m, ReasonArchiveExists, "")
	}
	if strings.TrimSpace(name) == "" {
		name = DefaultArchiveName(m.DisplayName)
	}
	m.ArchiveGuid = strings.ToLower(tx.NewGuid())
	m.ArchiveStatus, m.ArchiveName = "Active", name
	m.ArchiveDatabase = fmt.Sprintf("NAMPR06DG%03d-db%03d", store.HashN(100, 999, m.ArchiveGuid, "adg"), store.HashN(1, 250, m.ArchiveGuid, "adb"))
	if m.ArchiveQuota == 0 {
		m.ArchiveQuota, m.ArchiveWarningQuota = GBQuota(100), GBQuota(90)
	}
	c, err := GetMailboxContent(tx, m.Guid)
	if err != nil {
		return err
	}
	c.Archive = nil
	for _, f := range DefaultFolders() {
		if !f.PrimaryOnly {
			c.Archive = append(c.Archive, Folder{Name: strings.TrimPrefix(f.Path, "/"), FolderPath: f.Path, FolderType: f.Type, Recoverable: f.Recoverable})
		}
	}
	if err := PutMailboxContent(tx, c); err != nil {
		return err
	}
	m.WhenChanged = tx.Now()
	return PutMailbox(tx, m)
}

// EnableAutoExpandingArchive turns auto-expanding archiving on for a
// mailbox with an archive (Enable-Mailbox -AutoExpandingArchive); it
// reports false when it was on already. Once on it can't be turned off.
func EnableAutoExpandingArchive(tx *store.Tx, m *Mailbox) (bool, error) {
	if m.IsMailUser() {
		return false, MailboxLifecycleError("EnableAutoExpandingArchive", m, ReasonNotUserMailboxArchive, "")
	}
	if m.ArchiveStatus != "Active" {
		return false, MailboxLifecycleError("EnableAutoExpandingArchive", m, ReasonNoArchive, "")
	}
	if m.AutoExpandingArchiveEnabled {
		return false, nil
	}
	m.AutoExpandingArchiveEnabled = true
	m.WhenChanged = tx.Now()
	return true, PutMailbox(tx, m)
}

// DisableArchive disconnects a mailbox's archive (Disable-Mailbox
// -Archive): ArchiveStatus None, the archive's GUID and database kept as
// DisabledArchiveGuid and DisabledArchiveDatabase, its folders gone from
// the mailbox. Refused (*LifecycleError) for a mailbox without an archive,
// with an auto-expanding archive, or on hold.
func DisableArchive(tx *store.Tx, m *Mailbox) error {
	switch {
	case m.IsMailUser():
		return MailboxLifecycleError("DisableArchive", m, ReasonNotUserMailboxArchive, "")
	case m.ArchiveStatus != "Active":
		return MailboxLifecycleError("DisableArchive", m, ReasonNoArchive, "")
	case m.AutoExpandingArchiveEnabled:
		return MailboxLifecycleError("DisableArchive", m, ReasonAutoExpandingArchiveOn, "")
	}
	held, err := mailboxHeld(tx, m)
	if err != nil {
		return err
	}
	if held {
		return MailboxLifecycleError("DisableArchive", m, ReasonArchiveHeld, "")
	}
	m.DisabledArchiveGuid, m.DisabledArchiveDatabase = m.ArchiveGuid, m.ArchiveDatabase
	m.ArchiveGuid, m.ArchiveStatus, m.ArchiveName, m.ArchiveDatabase = store.ZeroGuid, "None", "", ""
	c, err := GetMailboxContent(tx, m.Guid)
	if err != nil {
		return err
	}
	c.Archive = nil
	if err := PutMailboxContent(tx, c); err != nil {
		return err
	}
	m.WhenChanged = tx.Now()
	return PutMailbox(tx, m)
}
