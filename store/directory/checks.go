package directory

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
)

// The directory's tenant checks (Register adds them).

// checkMailboxUsers verifies the links between mailboxes and accounts: an
// account's MailboxGuid names an existing mailbox that links back to it,
// and an Active user mailbox has its account.
func checkMailboxUsers(tx *store.Tx, report func(store.Finding)) error {
	err := ForEachUser(tx, "", func(u *User) error {
		if u.MailboxGuid == "" {
			return nil
		}
		m, err := GetMailbox(tx, u.MailboxGuid)
		if store.IsNotFound(err) {
			report(store.Finding{Kind: "user", Key: u.ObjectID, Message: fmt.Sprintf("MailboxGuid %s names no mailbox", u.MailboxGuid)})
			return nil
		}
		if err != nil {
			return err
		}
		if link := m.LinkedUserID(); link != "" && !strings.EqualFold(link, u.ObjectID) {
			report(store.Finding{Kind: "user", Key: u.ObjectID, Message: fmt.Sprintf("mailbox %s links to account %s instead", m.Guid, link)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return ForEachMailbox(tx, "", func(m *Mailbox) error {
		if m.LifecycleState != StateActive || m.IsMailUser() {
			return nil
		}
		id := m.LinkedUserID()
		if id == "" {
			return nil
		}
		u, err := GetUser(tx, id)
		if store.IsNotFound(err) {
			report(store.Finding{Kind: "mailbox", Key: m.Guid, Message: fmt.Sprintf("active mailbox %s has no account %s", m.Alias, id)})
			return nil
		}
		if err != nil {
			return err
		}
		if u.MailboxGuid != "" && !strings.EqualFold(u.MailboxGuid, m.Guid) {
			report(store.Finding{Kind: "mailbox", Key: m.Guid, Message: fmt.Sprintf("account %s points to mailbox %s instead", id, u.MailboxGuid)})
		}
		return nil
	})
}

// checkAccountCopies verifies every mailbox's copies of its account's
// fields (Mailbox.AccountOffice) against the account.
func checkAccountCopies(tx *store.Tx, report func(store.Finding)) error {
	return ForEachMailbox(tx, "", func(m *Mailbox) error {
		want := *m
		if err := copyAccountFields(tx, &want); err != nil {
			return err
		}
		if want.AccountOffice != m.AccountOffice || want.AccountForceChangePassword != m.AccountForceChangePassword {
			report(store.Finding{Kind: "mailbox", Key: m.Guid, Message: fmt.Sprintf("copies of account fields (Office %q, ForceChangePasswordNextSignIn %t) differ from account %s", m.AccountOffice, m.AccountForceChangePassword, m.LinkedUserID())})
		}
		return nil
	})
}

// The checks of what the other checks assume: one organization record
// naming an administrator who has an active account, each record stored
// under its own key and one active account per sign-in name. An import
// runs every check, so a hand-edited export that breaks any of these is
// refused.

// checkOrganization verifies the organization record: there is exactly
// one, under its key, and its administrator has an active account.
func checkOrganization(tx *store.Tx, report func(store.Finding)) error {
	n := 0
	err := orgKind.ForEach(tx, "", func(key string, _ *Organization) error {
		n++
		if key != orgKey {
			report(store.Finding{Kind: "organization", Key: key, Message: fmt.Sprintf("organization record stored under %q instead of %q", key, orgKey)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	o, ok, err := orgKind.Get(tx, orgKey)
	if err != nil {
		return err
	}
	if !ok {
		if n == 0 {
			report(store.Finding{Kind: "organization", Message: "the tenant has no organization record"})
		}
		return nil
	}
	if strings.TrimSpace(o.AdminUPN) == "" {
		report(store.Finding{Kind: "organization", Key: orgKey, Message: "the organization names no administrator"})
		return nil
	}
	users, err := FindUsersByUPN(tx, o.AdminUPN)
	if err != nil {
		return err
	}
	for _, u := range users {
		if u.State == UserActive {
			return nil
		}
	}
	report(store.Finding{Kind: "organization", Key: orgKey, Message: fmt.Sprintf("administrator %s has no active account", o.AdminUPN)})
	return nil
}

// checkRecordKeys verifies that accounts, mailboxes and mailbox content
// are stored under their own ids: a record under a foreign key would be
// one object twice (its own key may hold it too) or one no lookup finds.
func checkRecordKeys(tx *store.Tx, report func(store.Finding)) error {
	err := Users.ForEach(tx, "", func(key string, u *User) error {
		if key != strings.ToLower(u.ObjectID) {
			report(store.Finding{Kind: "user", Key: key, Message: fmt.Sprintf("account %s is stored under the key of another object", u.ObjectID)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = Mailboxes.ForEach(tx, "", func(key string, m *Mailbox) error {
		if key != strings.ToLower(m.Guid) {
			report(store.Finding{Kind: "mailbox", Key: key, Message: fmt.Sprintf("mailbox %s (%s) is stored under the key of another object", m.Guid, m.Alias)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return Contents.ForEach(tx, "", func(key string, c *MailboxContent) error {
		if key != strings.ToLower(c.MailboxGuid) {
			report(store.Finding{Kind: "mailboxContent", Key: key, Message: fmt.Sprintf("content of mailbox %s is stored under the key of another object", c.MailboxGuid)})
		}
		return nil
	})
}

// checkSignInNames verifies that no two active accounts share a sign-in
// name (UserPrincipalName).
func checkSignInNames(tx *store.Tx, report func(store.Finding)) error {
	seen := map[string]string{}
	return ForEachUser(tx, "", func(u *User) error {
		if u.State != UserActive || u.UserPrincipalName == "" {
			return nil
		}
		upn := strings.ToLower(u.UserPrincipalName)
		if first, dup := seen[upn]; dup {
			report(store.Finding{Kind: "user", Key: u.ObjectID, Message: fmt.Sprintf("sign-in name %s is also the active account %s's", u.UserPrincipalName, first)})
			return nil
		}
		seen[upn] = u.ObjectID
		return nil
	})
}
