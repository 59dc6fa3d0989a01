package auditbypass

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The mailbox audit log: what mailbox owners, delegates and
// administrators did in mailboxes, as Exchange Online's mailbox auditing
// on by default records it. A simulated action that Exchange audits calls
// Audit in its own write transaction; Audit decides whether the action is
// recorded:
//
//   - nothing is recorded while the organization has turned mailbox
//     auditing off (Set-OrganizationConfig -AuditDisabled $true);
//   - nothing the account of a bypass association does is recorded, in
//     any mailbox;
//   - an action is recorded only when it is among the actions audited by
//     default for its logon type (DefaultActions); the Audit (Premium)
//     actions (Send, MailItemsAccessed) only for a mailbox whose owner
//     holds a licence that includes Audit (Premium);
//   - a mailbox's own AuditEnabled setting changes nothing: auditing on
//     by default overrides it.
//
// Records are kept for the mailbox's AuditLogAgeLimit (90 days) on the
// simulated clock, then dropped after the next clock advance; a purged
// mailbox's records go with it (they live in its Recoverable Items). Like
// the admin audit log, the mailbox audit log stays in the tenant file but
// out of `tenant export`.

// The logon types of a mailbox audit record.
const (
	LogonOwner    = "Owner"
	LogonAdmin    = "Admin"
	LogonDelegate = "Delegate"
)

// AgeLimit is how long a mailbox audit record is kept (AuditLogAgeLimit).
const AgeLimit = 90 * store.Day

// DefaultAdmin, DefaultDelegate and DefaultOwner are the mailbox actions
// Exchange Online audits by default for each logon type, in the order
// Get-Mailbox lists them (AuditAdmin, AuditDelegate, AuditOwner).
var (
	DefaultAdmin    = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"}
	DefaultDelegate = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "ApplyRecord", "MailItemsAccessed"}
	DefaultOwner    = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"}
)

// premiumActions are audited only for owners licensed for Audit
// (Premium); premiumSkus are the licences that include it.
var (
	premiumActions = []string{"MailItemsAccessed", "Send", "SearchQueryInitiated"}
	premiumSkus    = []string{"SPE_E5", "ENTERPRISEPREMIUM", "INFORMATION_PROTECTION_COMPLIANCE"}
)

// DefaultActions returns the actions audited by default for a logon type.
func DefaultActions(logonType string) []string {
	switch logonType {
	case LogonAdmin:
		return DefaultAdmin
	case LogonDelegate:
		return DefaultDelegate
	case LogonOwner:
		return DefaultOwner
	}
	return nil
}

// AuditItem is one mailbox item an audited action touched.
type AuditItem struct {
	// ID is the item's store entry ID (hex).
	ID                string `json:"id"`
	Subject           string `json:"subject,omitempty"`
	FolderPath        string `json:"folderPath,omitempty"`
	InternetMessageID string `json:"internetMessageId,omitempty"`
}

// MailboxAuditRecord is one mailbox audit log entry.
type MailboxAuditRecord struct {
	Seq uint64 `json:"seq"`
	// Identity is a stable id of the entry.
	Identity string    `json:"identity"`
	Time     time.Time `json:"time"`
	// MailboxGuid is the audited mailbox (the directory's Guid); the
	// owner's names are kept as they were when the action was recorded.
	MailboxGuid      string `json:"mailboxGuid"`
	ExchangeGuid     string `json:"exchangeGuid"`
	OwnerUPN         string `json:"ownerUpn"`
	OwnerSmtp        string `json:"ownerSmtp"`
	OwnerDisplayName string `json:"ownerDisplayName"`
	OwnerObjectID    string `json:"ownerObjectId"`
	Operation        string `json:"operation"`
	LogonType        string `json:"logonType"`
	// Actor is the UPN of the account that did it; ActorMailboxGuid its
	// mailbox ("" for none).
	Actor            string `json:"actor"`
	ActorDisplayName string `json:"actorDisplayName"`
	ActorObjectID    string `json:"actorObjectId"`
	ActorMailboxGuid string `json:"actorMailboxGuid,omitempty"`
	ActorSmtp        string `json:"actorSmtp,omitempty"`
	// ActorExchangeGuid is the ExchangeGuid of the actor's mailbox.
	ActorExchangeGuid string `json:"actorExchangeGuid,omitempty"`
	ClientIP          string `json:"clientIp"`
	ClientInfo        string `json:"clientInfo"`
	// Item is the one item of a single-item action (Send, SendAs,
	// SendOnBehalf, Update ...); Items the items of an action on several
	// (SoftDelete, HardDelete, MoveToDeletedItems), all from Folder.
	Item   *AuditItem  `json:"item,omitempty"`
	Folder string      `json:"folder,omitempty"`
	Items  []AuditItem `json:"items,omitempty"`
}

// Event is an audited action as the simulation reports it to Audit.
type Event struct {
	Mailbox   *directory.Mailbox
	Operation string
	LogonType string
	// Actor is the signed-in account's UPN.
	Actor      string
	ClientIP   string
	ClientInfo string
	Item       *AuditItem
	Folder     string
	Items      []AuditItem
}

// logKind holds MailboxAuditRecord values keyed by %016x sequence; its
// bucket appears with the first record.
var logKind = store.DefineKind(store.KindSpec[MailboxAuditRecord]{Bucket: "mailboxAuditLog", Name: "mailboxAuditLog", NotExported: true, CreatedOnWrite: true})

// Disabled reports whether the organization turned mailbox auditing off
// (Set-OrganizationConfig -AuditDisabled $true).
func Disabled(tx *store.Tx) (bool, error) {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return false, err
	}
	for k, raw := range o.Extra {
		if strings.EqualFold(k, "AuditDisabled") {
			var v any
			if err := store.DecodeExtra(raw, &v); err != nil {
				return false, err
			}
			b, _ := v.(bool)
			return b, nil
		}
	}
	return false, nil
}

func has(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// account returns the active account with this UPN, or nil.
func account(tx *store.Tx, upn string) (*directory.User, error) {
	users, err := directory.FindUsersByUPN(tx, upn)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if u.State == directory.UserActive {
			return u, nil
		}
	}
	return nil, nil
}

// Audit records ev in the mailbox audit log when Exchange Online would
// (see the rules above); it reports whether it did.
func Audit(tx *store.Tx, ev Event) (bool, error) {
	if ev.Mailbox == nil || DefaultActions(ev.LogonType) == nil {
		return false, fmt.Errorf("mailbox audit: no mailbox or an unknown logon type %q", ev.LogonType)
	}
	if off, err := Disabled(tx); err != nil || off {
		return false, err
	}
	if !has(DefaultActions(ev.LogonType), ev.Operation) {
		return false, nil
	}
	m := ev.Mailbox
	owner, err := ownerOf(tx, m)
	if err != nil {
		return false, err
	}
	if has(premiumActions, ev.Operation) {
		licensed := false
		for _, sku := range premiumSkus {
			licensed = licensed || (owner != nil && owner.HasLicense(sku))
		}
		if !licensed {
			return false, nil
		}
	}
	actor, err := account(tx, ev.Actor)
	if err != nil {
		return false, err
	}
	r := &MailboxAuditRecord{Time: tx.Now(), MailboxGuid: strings.ToLower(m.Guid), ExchangeGuid: m.ExchangeGuid,
		OwnerUPN: m.UserPrincipalName, OwnerSmtp: m.PrimarySmtpAddress, OwnerDisplayName: m.DisplayName, OwnerObjectID: m.LinkedUserID(),
		Operation: canonical(DefaultActions(ev.LogonType), ev.Operation), LogonType: ev.LogonType, Actor: ev.Actor, ActorDisplayName: ev.Actor,
		ClientIP: ev.ClientIP, ClientInfo: ev.ClientInfo, Item: ev.Item, Folder: ev.Folder, Items: ev.Items}
	if actor != nil {
		r.Actor, r.ActorDisplayName, r.ActorObjectID = actor.UserPrincipalName, actor.DisplayName, actor.ObjectID
		if actor.MailboxGuid != "" {
			if Enabled(tx, actor.MailboxGuid) {
				return false, nil
			}
			if am, err := directory.GetMailbox(tx, actor.MailboxGuid); err == nil {
				r.ActorMailboxGuid, r.ActorSmtp, r.ActorExchangeGuid = strings.ToLower(am.Guid), am.PrimarySmtpAddress, am.ExchangeGuid
			}
		}
	}
	seq, err := logKind.NextSequence(tx)
	if err != nil {
		return false, err
	}
	r.Seq = seq
	r.Identity = store.DerivedGuid(fmt.Sprintf("exosim-mailboxaudit\x00%d\x00%s\x00%s", seq, r.MailboxGuid, r.Operation))
	return true, logKind.Put(tx, seqKey(seq), r)
}

func canonical(list []string, s string) string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return x
		}
	}
	return s
}

// ownerOf returns the account behind a mailbox, or nil.
func ownerOf(tx *store.Tx, m *directory.Mailbox) (*directory.User, error) {
	id := m.LinkedUserID()
	if id == "" {
		return nil, nil
	}
	u, err := directory.GetUser(tx, id)
	if store.IsNotFound(err) {
		return nil, nil
	}
	return u, err
}

func seqKey(seq uint64) string { return fmt.Sprintf("%016x", seq) }

// MailboxAuditQuery selects mailbox audit records; zero fields match
// everything.
type MailboxAuditQuery struct {
	Mailboxes []string // directory Guids
	// InScope, when set, keeps only records of mailboxes it accepts (it is
	// asked once a mailbox).
	InScope    func(mailboxGuid string) (bool, error)
	Operations []string // case-insensitive
	LogonTypes []string // case-insensitive
	Actors     []string // the actor's UPN, case-insensitive
	Start, End time.Time
}

func (q *MailboxAuditQuery) match(r *MailboxAuditRecord, mailboxes map[string]bool) bool {
	switch {
	case mailboxes != nil && !mailboxes[r.MailboxGuid]:
		return false
	case len(q.Operations) > 0 && !has(q.Operations, r.Operation):
		return false
	case len(q.LogonTypes) > 0 && !has(q.LogonTypes, r.LogonType):
		return false
	case len(q.Actors) > 0 && !has(q.Actors, r.Actor):
		return false
	case !q.Start.IsZero() && r.Time.Before(q.Start):
		return false
	case !q.End.IsZero() && r.Time.After(q.End):
		return false
	}
	return true
}

// MailboxAuditRecords returns the matching records, oldest first.
func MailboxAuditRecords(tx *store.Tx, q MailboxAuditQuery) ([]*MailboxAuditRecord, error) {
	var mailboxes map[string]bool
	if len(q.Mailboxes) > 0 {
		mailboxes = map[string]bool{}
		for _, g := range q.Mailboxes {
			mailboxes[strings.ToLower(g)] = true
		}
	}
	scoped := map[string]bool{}
	var out []*MailboxAuditRecord
	err := logKind.ForEach(tx, "", func(_ string, r *MailboxAuditRecord) error {
		if !q.match(r, mailboxes) {
			return nil
		}
		if q.InScope != nil {
			in, seen := scoped[r.MailboxGuid]
			if !seen {
				var err error
				if in, err = q.InScope(r.MailboxGuid); err != nil {
					return err
				}
				scoped[r.MailboxGuid] = in
			}
			if !in {
				return nil
			}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// expire drops the records older than the age limit after a clock
// advance. Records are appended in time order, so the walk stops at the
// first one still kept.
func expire(tx *store.Tx, _ time.Time) error {
	cutoff := tx.Now().Add(-AgeLimit)
	return dropRecords(tx, true, func(r *MailboxAuditRecord) bool { return r.Time.Before(cutoff) })
}

// dropMailbox removes a purged mailbox's records.
func dropMailbox(tx *store.Tx, guid string) error {
	guid = strings.ToLower(guid)
	return dropRecords(tx, false, func(r *MailboxAuditRecord) bool { return r.MailboxGuid == guid })
}

// dropRecords deletes the records drop selects, oldest first; with
// ordered, the walk ends at the first record it keeps.
func dropRecords(tx *store.Tx, ordered bool, drop func(*MailboxAuditRecord) bool) error {
	var gone []string
	err := logKind.ForEach(tx, "", func(key string, r *MailboxAuditRecord) error {
		switch {
		case drop(r):
			gone = append(gone, key)
		case ordered:
			return store.ErrStop
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range gone {
		if _, err := logKind.Delete(tx, k); err != nil {
			return err
		}
	}
	return nil
}

// checkLog reports mailbox audit records whose mailbox no longer exists
// (a purged mailbox's records go with it) or whose logon type is unknown.
func checkLog(tx *store.Tx, report func(store.Finding)) error {
	return logKind.ForEach(tx, "", func(key string, r *MailboxAuditRecord) error {
		if DefaultActions(r.LogonType) == nil {
			report(store.Finding{Check: "mailbox-audit-log", Kind: "mailbox audit record", Key: key, Message: fmt.Sprintf("unknown logon type %q", r.LogonType)})
		}
		if _, ok, err := directory.Mailboxes.Get(tx, r.MailboxGuid); err != nil {
			return err
		} else if !ok {
			report(store.Finding{Check: "mailbox-audit-log", Kind: "mailbox audit record", Key: key, Message: "an audit record of a mailbox that does not exist"})
		}
		return nil
	})
}
