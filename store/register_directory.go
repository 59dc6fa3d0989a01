package store

// The record kinds of the directory: the organization, Entra accounts,
// mailboxes and mail users, and mailbox content.
var (
	orgKind = DefineKind(KindSpec[Organization]{Bucket: "organization", Name: "organization"})
	// Users are the Entra accounts, by ObjectId.
	Users = DefineKind(KindSpec[User]{Bucket: "users", Name: "user", Index: indexUser})
	// Mailboxes (by Guid) and their Contents are read by the hundred
	// thousand (a listing, a clock advance): they decode on the fast path.
	Mailboxes = DefineKind(KindSpec[Mailbox]{Bucket: "mailboxes", Name: "mailbox", Index: indexMailbox, FastDecode: true})
	Contents  = DefineKind(KindSpec[MailboxContent]{Bucket: "mailboxContent", Name: "mailboxContent", FastDecode: true})
)

// RegisterDirectory adds the directory to s: its kinds, the timers of the
// mailbox lifecycle, its checks and migrations.
func RegisterDirectory(s *Schema) {
	orgKind.Register(s)
	Users.Register(s)
	Mailboxes.Register(s)
	Contents.Register(s)
	s.Principals(Users.Bucket(), orgKind.Bucket())
	s.AddTimer(TimerSoftDeleteExpiry, fireSoftDeleteExpiry)
	s.AddTimer(TimerRecycleBinExpiry, fireRecycleBinExpiry)
	s.AddTimer(TimerRetirementPurge, fireRetirementPurge)
	s.AddTimer(TimerLicenseGrace, fireLicenseGrace)
	s.TimerSubject("mailbox.", func(tx *Tx, guid string) (bool, error) { return exists(tx.GetMailbox(guid)) })
	s.TimerSubject("user.", func(tx *Tx, id string) (bool, error) { return exists(tx.GetUser(id)) })
	s.AddCheck("organization", checkOrganization)
	s.AddCheck("record-keys", checkRecordKeys)
	s.AddCheck("sign-in-names", checkSignInNames)
	s.AddCheck("mailbox-user", checkMailboxUsers)
	s.AddCheck("account-copies", checkAccountCopies)
	s.AddCheck("content-cohorts", checkContentCohorts)
	s.AddMigration(1, "explicit item cohorts", migrateExplicitCohorts)
	s.AddMigration(3, "compact mailbox records and covering indexes", migrateCoveringIndexes)
	s.Administrator(func(tx *Tx) (string, error) {
		o, err := tx.GetOrganization()
		if err != nil {
			return "", err
		}
		return o.AdminUPN, nil
	})
}

// exists turns the result of a look-up into whether the record exists.
func exists[T any](_ T, err error) (bool, error) {
	if IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}
