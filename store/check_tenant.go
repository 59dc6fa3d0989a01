package store

import (
	"fmt"
	"strings"
)

// Tenant checks of what the other checks assume: one organization record
// naming an administrator who has an active account, each record stored
// under its own key and one active account per sign-in name. An import runs every check, so a hand-edited
// export that breaks any of these is refused.

// checkOrganization verifies the organization record: there is exactly
// one, under its key, and its administrator has an active account.
func checkOrganization(tx *Tx, report func(Finding)) error {
	n := 0
	err := orgKind.ForEach(tx, "", func(key string, _ *Organization) error {
		n++
		if key != orgKey {
			report(Finding{Kind: "organization", Key: key, Message: fmt.Sprintf("organization record stored under %q instead of %q", key, orgKey)})
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
			report(Finding{Kind: "organization", Message: "the tenant has no organization record"})
		}
		return nil
	}
	if strings.TrimSpace(o.AdminUPN) == "" {
		report(Finding{Kind: "organization", Key: orgKey, Message: "the organization names no administrator"})
		return nil
	}
	users, err := tx.FindUsersByUPN(o.AdminUPN)
	if err != nil {
		return err
	}
	for _, u := range users {
		if u.State == UserActive {
			return nil
		}
	}
	report(Finding{Kind: "organization", Key: orgKey, Message: fmt.Sprintf("administrator %s has no active account", o.AdminUPN)})
	return nil
}

// checkRecordKeys verifies that accounts, mailboxes and mailbox content
// are stored under their own ids: a record under a foreign key would be
// one object twice (its own key may hold it too) or one no lookup finds.
func checkRecordKeys(tx *Tx, report func(Finding)) error {
	err := Users.ForEach(tx, "", func(key string, u *User) error {
		if key != strings.ToLower(u.ObjectID) {
			report(Finding{Kind: "user", Key: key, Message: fmt.Sprintf("account %s is stored under the key of another object", u.ObjectID)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = Mailboxes.ForEach(tx, "", func(key string, m *Mailbox) error {
		if key != strings.ToLower(m.Guid) {
			report(Finding{Kind: "mailbox", Key: key, Message: fmt.Sprintf("mailbox %s (%s) is stored under the key of another object", m.Guid, m.Alias)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return Contents.ForEach(tx, "", func(key string, c *MailboxContent) error {
		if key != strings.ToLower(c.MailboxGuid) {
			report(Finding{Kind: "mailboxContent", Key: key, Message: fmt.Sprintf("content of mailbox %s is stored under the key of another object", c.MailboxGuid)})
		}
		return nil
	})
}

// checkSignInNames verifies that no two active accounts share a sign-in
// name (UserPrincipalName).
func checkSignInNames(tx *Tx, report func(Finding)) error {
	seen := map[string]string{}
	return tx.ForEachUser("", func(u *User) error {
		if u.State != UserActive || u.UserPrincipalName == "" {
			return nil
		}
		upn := strings.ToLower(u.UserPrincipalName)
		if first, dup := seen[upn]; dup {
			report(Finding{Kind: "user", Key: u.ObjectID, Message: fmt.Sprintf("sign-in name %s is also the active account %s's", u.UserPrincipalName, first)})
			return nil
		}
		seen[upn] = u.ObjectID
		return nil
	})
}
