// Package auditbypass is mailbox auditing: which accounts bypass mailbox
// audit logging (Get-/Set-MailboxAuditBypassAssociation), whose actions in
// any mailbox are not recorded, and the mailbox audit log itself
// (mailboxlog.go). Every account starts without the bypass;
// the tenant keeps a record only for an account whose bypass was turned
// on, and it goes with the account's mailbox.
package auditbypass

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// Association is one account that bypasses mailbox audit logging.
type Association struct {
	MailboxGuid string `json:"mailboxGuid"`
}

var assocKind = &permailbox.Records[Association]{
	Kind:  store.DefineKind(store.KindSpec[Association]{Bucket: "auditBypass", Name: "auditBypass", Noun: "audit bypass association", CreatedOnWrite: true}),
	Name:  "auditBypass",
	Owner: func(a *Association) *string { return &a.MailboxGuid },
}

// Register adds the audit bypass associations and the mailbox audit log to
// s: their kinds, the rule that a purged mailbox's association and
// records go with it, their checks and the log's age limit on the
// simulated clock.
func Register(s *store.Schema) {
	assocKind.Register(s, "audit-bypass", nil)
	logKind.Register(s)
	s.AfterAdvance(expire)
	directory.AfterMailboxDelete.Add(s, dropMailbox)
	s.AddCheck("mailbox-audit-log", checkLog)
}

// Enabled reports whether the mailbox's account bypasses audit logging.
func Enabled(tx *store.Tx, mailboxGuid string) bool {
	return assocKind.Has(tx, mailboxGuid)
}

// Set turns the bypass of the mailbox's account on or off.
func Set(tx *store.Tx, mailboxGuid string, on bool) error {
	key := strings.ToLower(mailboxGuid)
	if !on {
		return assocKind.Drop(tx, key)
	}
	return assocKind.Put(tx, key, &Association{MailboxGuid: key})
}
