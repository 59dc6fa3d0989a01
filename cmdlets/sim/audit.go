package sim

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/permissions"
	"github.com/exosim/exosim/store/recoverable"
)

// How Send-SimMessage stands for a send from a mailbox, and what mailbox
// auditing records of it:
//
//   - from the caller's own mailbox: the owner's Send;
//   - from a mailbox the caller holds Send As on (Add-RecipientPermission),
//     directly or through a security group they are a member of: the
//     delegate's SendAs (a Deny entry for the caller or a group of theirs
//     takes it away);
//   - from a mailbox whose GrantSendOnBehalfTo names the caller's mailbox
//     or a security group they are a member of: the delegate's
//     SendOnBehalf;
//   - from anyone else's mailbox (a trainer only): the owner's Send, the
//     trainer acting as that owner.
//
// A send from an address no mailbox of the tenant has is not audited.

// The kinds of send.
const (
	sendOwn          = "Send"
	sendAs           = "SendAs"
	sendOnBehalf     = "SendOnBehalf"
	sendAsSomeoneFor = "" // a trainer standing in for the owner
)

// senderMailbox returns the live mailbox whose addresses include address,
// or nil.
func senderMailbox(tx *store.Tx, address string) (*directory.Mailbox, error) {
	ms, err := directory.FindMailboxes(tx, strings.TrimSpace(address))
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if !m.IsLive() {
			continue
		}
		for _, a := range m.SmtpAddresses() {
			if strings.EqualFold(a, strings.TrimSpace(address)) {
				return m, nil
			}
		}
	}
	return nil, nil
}

// sendRight tells how the caller may send from mailbox m: sendOwn for
// the owner, sendAs or sendOnBehalf for a delegate holding that right,
// sendAsSomeoneFor for none.
func sendRight(tx *store.Tx, caller string, m *directory.Mailbox) (string, error) {
	if ownsMailbox(tx, caller, m.Guid) {
		return sendOwn, nil
	}
	users, err := directory.FindUsersByUPN(tx, caller)
	if err != nil {
		return "", err
	}
	var u *directory.User
	for _, x := range users {
		if x.State == directory.UserActive {
			u = x
		}
	}
	if u == nil {
		return sendAsSomeoneFor, nil
	}
	entries, err := permissions.RecipientEntries(tx, m.Guid)
	if err != nil {
		return "", err
	}
	allow, deny := false, false
	for _, p := range entries {
		holds := strings.EqualFold(p.Trustee, u.ObjectID)
		if !holds && p.TrusteeKind == permissions.TrusteeGroup {
			if holds, err = memberOf(tx, p.Trustee, u.ObjectID, map[string]bool{}); err != nil {
				return "", err
			}
		}
		if holds {
			allow, deny = allow || !p.Deny, deny || p.Deny
		}
	}
	if allow && !deny {
		return sendAs, nil
	}
	if u.MailboxGuid != "" {
		if raw, ok := m.Extra["GrantSendOnBehalfTo"]; ok {
			var names []string
			if err := store.DecodeExtra(raw, &names); err != nil {
				return "", err
			}
			if dm, err := directory.GetMailbox(tx, u.MailboxGuid); err == nil {
				for _, n := range names {
					if strings.EqualFold(n, dm.Name) || strings.EqualFold(n, dm.Alias) {
						return sendOnBehalf, nil
					}
				}
			}
			// A security group named there by its name.
			gs, err := groups.List(tx)
			if err != nil {
				return "", err
			}
			for _, g := range gs {
				for _, n := range names {
					if !strings.EqualFold(n, g.Name) {
						continue
					}
					if in, err := memberOf(tx, g.Guid, u.ObjectID, map[string]bool{}); err != nil || in {
						return sendOnBehalf, err
					}
				}
			}
		}
	}
	return sendAsSomeoneFor, nil
}

// memberOf reports whether the account is a member of the group, directly
// or through the groups among its members.
func memberOf(tx *store.Tx, groupID, objectID string, seen map[string]bool) (bool, error) {
	if seen[strings.ToLower(groupID)] {
		return false, nil
	}
	seen[strings.ToLower(groupID)] = true
	g, ok, err := groups.Get(tx, groupID)
	if err != nil || !ok {
		return false, err
	}
	for _, m := range g.Members {
		switch {
		case m.Kind == groups.MemberUser && strings.EqualFold(m.ID, objectID):
			return true, nil
		case m.Kind == groups.MemberGroup:
			if in, err := memberOf(tx, m.ID, objectID, seen); err != nil || in {
				return in, err
			}
		}
	}
	return false, nil
}

// simulatedClientIP is the client address the simulation gives an
// account's sessions: one address of 203.0.113.0/24, the range kept for
// documentation, the same for the same account.
func simulatedClientIP(upn string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(upn)))
	return fmt.Sprintf("203.0.113.%d", h.Sum32()%250+1)
}

// owaClient is the client information of an action in Outlook on the web.
const owaClient = "Client=OWA;Action=ViaProxy"

// auditSend records a sent message in the sending mailbox's audit log.
func auditSend(tx *store.Tx, caller string, m *directory.Mailbox, right string, msg *ome.Message) error {
	op, logon := sendOwn, auditbypass.LogonOwner
	switch right {
	case sendAs, sendOnBehalf:
		op, logon = right, auditbypass.LogonDelegate
	case sendAsSomeoneFor:
		caller = m.UserPrincipalName
	}
	item := &auditbypass.AuditItem{ID: recoverable.EntryID(m.Guid, "/Sent Items", msg.MessageID), Subject: msg.Subject,
		FolderPath: `\Sent Items`, InternetMessageID: msg.MessageID}
	_, err := auditbypass.Audit(tx, auditbypass.Event{Mailbox: m, Operation: op, LogonType: logon, Actor: caller,
		ClientIP: simulatedClientIP(caller), ClientInfo: owaClient, Item: item})
	return err
}
