// Package directory is the tenant's directory, the records every other
// area acts on: the organization (SKUs and subscriptions), Entra accounts,
// mailboxes and mail users, identity resolution and recipient scopes,
// mailbox content and its item cohorts, and the mailbox lifecycle (soft
// delete, inactive mailboxes, the recycle bin, licence grace) with the
// hooks other areas fill in to take part in it.
package directory

import (
	"strings"

	"github.com/exosim/exosim/store"
)

// The record kinds of the directory: the organization, Entra accounts,
// mailboxes and mail users, and mailbox content.
var (
	orgKind = store.DefineKind(store.KindSpec[Organization]{Bucket: "organization", Name: "organization", Fast: &fastOrganization})
	// Users are the Entra accounts, by ObjectId.
	Users = store.DefineKind(store.KindSpec[User]{Bucket: "users", Name: "user", Index: indexUser, Fast: &fastUser})
	// Mailboxes (by Guid) and their Contents are read by the hundred
	// thousand (a listing, a clock advance): they decode on the fast path.
	Mailboxes = store.DefineKind(store.KindSpec[Mailbox]{Bucket: "mailboxes", Name: "mailbox", Index: indexMailbox, Fast: &fastMailbox, Restore: restoreMailbox})
	Contents  = store.DefineKind(store.KindSpec[MailboxContent]{Bucket: "mailboxContent", Name: "mailboxContent", Fast: &fastMailboxContent})
)

// restoreMailbox is the Mailboxes kind's Restore: a function, not the
// method expression (*Mailbox).RestoreForm, which would make the kind a
// value built as the program starts instead of static data.
func restoreMailbox(m *Mailbox) { m.RestoreForm() }

// Register adds the directory to s: its kinds, the timers of the
// mailbox lifecycle, its checks and migrations.
func Register(s *store.Schema) {
	orgKind.Register(s)
	Users.Register(s)
	Mailboxes.Register(s)
	Contents.Register(s)
	contactKind.Register(s)
	s.Principals(Users.Bucket(), orgKind.Bucket())
	s.AddTimer(TimerSoftDeleteExpiry, fireSoftDeleteExpiry)
	s.AddTimer(TimerRecycleBinExpiry, fireRecycleBinExpiry)
	s.AddTimer(TimerRetirementPurge, fireRetirementPurge)
	s.AddTimer(TimerLicenseGrace, fireLicenseGrace)
	s.TimerSubject("mailbox.", func(tx *store.Tx, guid string) (bool, error) { return exists(GetMailbox(tx, guid)) })
	s.TimerSubject("user.", func(tx *store.Tx, id string) (bool, error) { return exists(GetUser(tx, id)) })
	s.AddCheck("organization", checkOrganization)
	s.AddCheck("record-keys", checkRecordKeys)
	s.AddCheck("sign-in-names", checkSignInNames)
	s.AddCheck("mailbox-user", checkMailboxUsers)
	s.AddCheck("account-copies", checkAccountCopies)
	s.AddCheck("content-cohorts", checkContentCohorts)
	s.AddCheck("contacts", checkContacts)
	s.AddMigration(1, "explicit item cohorts", migrateExplicitCohorts)
	s.AddMigration(3, "compact mailbox records and covering indexes", migrateCoveringIndexes)
	s.AddMigration(4, "mailbox content in its binary form", migrateBinaryContent)
	s.AddMigration(5, "compact accounts and mailboxes, name index without record copies", migrateCompactRecords)
	s.AddMigration(8, "one identity index for every identity form of a mailbox", migrateIdentityIndex)
	s.Hot(hotReads)
	s.Administrator(func(tx *store.Tx) (string, error) {
		o, err := GetOrganization(tx)
		if err != nil {
			return "", err
		}
		return o.AdminUPN, nil
	})
}

// hotReads names what nearly every command reads of the directory: the
// organization, the account of the administrator (the caller of a
// command that names none) and its look-up by UserPrincipalName, and
// the root of the mailboxes.
func hotReads(tx *store.Tx) ([]store.HotRead, error) {
	reads := []store.HotRead{{Bucket: orgKind.Bucket(), Key: orgKey}, {Bucket: Mailboxes.Bucket()}}
	_, admin, err := OrganizationHead(tx)
	if err != nil {
		return reads, nil
	}
	reads = append(reads, store.HotRead{Index: indexUPN, Value: admin})
	err = EachUserKeyByUPN(tx, admin, func(key string) {
		reads = append(reads, store.HotRead{Bucket: Users.Bucket(), Key: strings.ToLower(key)})
	})
	return reads, err
}

// exists turns the result of a look-up into whether the record exists.
func exists[T any](_ T, err error) (bool, error) {
	if store.IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}
