package onprem

import (
	"github.com/exosim/exosim/store"
)

// The record kinds of the on-premises organization.
var (
	onPremDatabaseKind = store.DefineKind(store.KindSpec[MailboxDatabase]{Bucket: "onpremDatabases", Name: "onpremDatabase"})
	onPremMailboxKind  = store.DefineKind(store.KindSpec[Mailbox]{Bucket: "onpremMailboxes", Name: "onpremMailbox"})
)

// Register adds the on-premises organization to s.
func Register(s *store.Schema) {
	onPremDatabaseKind.Register(s)
	onPremMailboxKind.Register(s)
}
