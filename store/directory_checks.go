package store

import (
	"fmt"
	"strings"
)

// The directory's tenant checks (RegisterDirectory adds them).

// checkMailboxUsers verifies the links between mailboxes and accounts: an
// account's MailboxGuid names an existing mailbox that links back to it,
// and an Active user mailbox has its account.
func checkMailboxUsers(tx *Tx, report func(Finding)) error {
	err := tx.ForEachUser("", func(u *User) error {
		if u.MailboxGuid == "" {
			return nil
		}
		m, err := tx.GetMailbox(u.MailboxGuid)
		if IsNotFound(err) {
			report(Finding{Kind: "user", Key: u.ObjectID, Message: fmt.Sprintf("MailboxGuid %s names no mailbox", u.MailboxGuid)})
			return nil
		}
		if err != nil {
			return err
		}
		if link := m.LinkedUserID(); link != "" && !strings.EqualFold(link, u.ObjectID) {
			report(Finding{Kind: "user", Key: u.ObjectID, Message: fmt.Sprintf("mailbox %s links to account %s instead", m.Guid, link)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.ForEachMailbox("", func(m *Mailbox) error {
		if m.LifecycleState != StateActive || m.IsMailUser() {
			return nil
		}
		id := m.LinkedUserID()
		if id == "" {
			return nil
		}
		u, err := tx.GetUser(id)
		if IsNotFound(err) {
			report(Finding{Kind: "mailbox", Key: m.Guid, Message: fmt.Sprintf("active mailbox %s has no account %s", m.Alias, id)})
			return nil
		}
		if err != nil {
			return err
		}
		if u.MailboxGuid != "" && !strings.EqualFold(u.MailboxGuid, m.Guid) {
			report(Finding{Kind: "mailbox", Key: m.Guid, Message: fmt.Sprintf("account %s points to mailbox %s instead", id, u.MailboxGuid)})
		}
		return nil
	})
}

// checkAccountCopies verifies every mailbox's copies of its account's
// fields (Mailbox.AccountOffice) against the account.
func checkAccountCopies(tx *Tx, report func(Finding)) error {
	return tx.ForEachMailbox("", func(m *Mailbox) error {
		want := *m
		if err := tx.copyAccountFields(&want); err != nil {
			return err
		}
		if want.AccountOffice != m.AccountOffice || want.AccountForceChangePassword != m.AccountForceChangePassword {
			report(Finding{Kind: "mailbox", Key: m.Guid, Message: fmt.Sprintf("copies of account fields (Office %q, ForceChangePasswordNextSignIn %t) differ from account %s", m.AccountOffice, m.AccountForceChangePassword, m.LinkedUserID())})
		}
		return nil
	})
}
