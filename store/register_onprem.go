package store

// The record kinds of the on-premises organization.
var (
	onPremDatabaseKind = DefineKind(KindSpec[MailboxDatabase]{Bucket: "onpremDatabases", Name: "onpremDatabase"})
	onPremMailboxKind  = DefineKind(KindSpec[OnPremMailbox]{Bucket: "onpremMailboxes", Name: "onpremMailbox"})
)

// RegisterOnPrem adds the on-premises organization to s.
func RegisterOnPrem(s *Schema) {
	onPremDatabaseKind.Register(s)
	onPremMailboxKind.Register(s)
}
