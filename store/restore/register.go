package restore

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Requests are the mailbox restore requests, by RequestGuid.
var Requests = store.DefineKind(store.KindSpec[RestoreRequest]{Bucket: "restoreRequests", Name: "restoreRequest"})

// Register adds mailbox restore requests to s: the kind, the
// progress timer, the failure of requests whose target is purged, and the
// check.
func Register(s *store.Schema) {
	Requests.Register(s)
	s.AddTimer(TimerRestoreTick, fireRestoreTick)
	directory.BeforeMailboxPurge.Add(s, func(tx *store.Tx, m *directory.Mailbox) error { return failRestoresInto(tx, m) })
	s.AddCheck("restore-requests", checkRestoreRequests)
}
