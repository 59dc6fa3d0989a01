package store

// Requests are the mailbox restore requests, by RequestGuid.
var Requests = DefineKind(KindSpec[RestoreRequest]{Bucket: "restoreRequests", Name: "restoreRequest"})

// RegisterRestore adds mailbox restore requests to s: the kind, the
// progress timer, the failure of requests whose target is purged, and the
// check.
func RegisterRestore(s *Schema) {
	Requests.Register(s)
	s.AddTimer(TimerRestoreTick, fireRestoreTick)
	BeforeMailboxPurge.Add(s, func(tx *Tx, m *Mailbox) error { return tx.failRestoresInto(m) })
	s.AddCheck("restore-requests", checkRestoreRequests)
}
