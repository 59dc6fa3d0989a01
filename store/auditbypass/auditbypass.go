// Package auditbypass is which accounts bypass mailbox audit logging
// (Get-/Set-MailboxAuditBypassAssociation): what such an account does in
// any mailbox is not recorded. Every account starts without the bypass;
// the tenant keeps a record only for an account whose bypass was turned
// on, and it goes with the account's mailbox.
package auditbypass

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Association is one account that bypasses mailbox audit logging.
type Association struct {
	MailboxGuid string `json:"mailboxGuid"`
}

var assocKind = store.DefineKind(store.KindSpec[Association]{Bucket: "auditBypass", Name: "auditBypass", Noun: "audit bypass association", CreatedOnWrite: true})

// Register adds the audit bypass associations to s: their kind, the rule
// that a purged mailbox's association goes with it, and their check.
func Register(s *store.Schema) {
	assocKind.Register(s)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error {
		// the bucket appears with the first record
		if !assocKind.Has(tx, strings.ToLower(guid)) {
			return nil
		}
		_, err := assocKind.Delete(tx, strings.ToLower(guid))
		return err
	})
	s.AddCheck("audit-bypass", check)
}

// Enabled reports whether the mailbox's account bypasses audit logging.
func Enabled(tx *store.Tx, mailboxGuid string) bool {
	return assocKind.Has(tx, strings.ToLower(mailboxGuid))
}

// Set turns the bypass of the mailbox's account on or off.
func Set(tx *store.Tx, mailboxGuid string, on bool) error {
	key := strings.ToLower(mailboxGuid)
	if !on {
		if !assocKind.Has(tx, key) {
			return nil
		}
		_, err := assocKind.Delete(tx, key)
		return err
	}
	return assocKind.Put(tx, key, &Association{MailboxGuid: key})
}

func check(tx *store.Tx, report func(store.Finding)) error {
	return assocKind.ForEach(tx, "", func(key string, a *Association) error {
		if _, err := directory.GetMailbox(tx, a.MailboxGuid); err != nil {
			report(store.Finding{Kind: "auditBypass", Key: key, Message: "the mailbox does not exist"})
		}
		if key != a.MailboxGuid {
			report(store.Finding{Kind: "auditBypass", Key: key, Message: "stored under another key than its mailbox " + a.MailboxGuid})
		}
		return nil
	})
}
