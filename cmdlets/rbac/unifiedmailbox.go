package rbac

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permissions"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/recoverable"
)

// The record types of the unified audit log the simulation writes, with
// their numbers in AuditData.
const (
	recordExchangeAdmin     = "ExchangeAdmin"
	recordExchangeItem      = "ExchangeItem"
	recordExchangeItemGroup = "ExchangeItemGroup"
)

// recordTypeNumber is a mailbox record type's number in AuditData.
func recordTypeNumber(t string) int {
	if t == recordExchangeItemGroup {
		return 3
	}
	return 2
}

// logonTypeNumber is a logon type's code in mailbox audit AuditData.
func logonTypeNumber(logonType string) int {
	switch logonType {
	case auditbypass.LogonAdmin:
		return 1
	case auditbypass.LogonDelegate:
		return 2
	}
	return 0
}

// unifiedRecord is one record of the unified audit log: an admin audit
// log entry or a mailbox audit log entry.
type unifiedRecord struct {
	admin *rbac.AuditRecord
	mbx   *auditbypass.MailboxAuditRecord
}

func (u unifiedRecord) time() time.Time {
	if u.admin != nil {
		return u.admin.RunDate
	}
	return u.mbx.Time
}

// mailboxRecordType is ExchangeItemGroup for an entry about several items
// (deletions, moves), else ExchangeItem.
func mailboxRecordType(r *auditbypass.MailboxAuditRecord) string {
	if r.Item == nil {
		return recordExchangeItemGroup
	}
	return recordExchangeItem
}

// unifiedRecords reads the records a call asks for, in log order (by
// date; admin entries before mailbox entries of the same instant).
func unifiedRecords(ctx *command.Context, start, end time.Time) ([]unifiedRecord, *directory.Organization, error) {
	rt := strings.TrimSpace(ctx.String("RecordType"))
	wantAdmin := rt == "" || strings.EqualFold(rt, recordExchangeAdmin)
	wantItem := rt == "" || strings.EqualFold(rt, recordExchangeItem)
	wantGroup := rt == "" || strings.EqualFold(rt, recordExchangeItemGroup)
	// Operations and UserIds are comma-separated lists: one string
	// "SoftDelete,HardDelete" names two operations.
	ops, users := exo.CommaStrings(ctx.Value("Operations")), exo.CommaStrings(ctx.Value("UserIds"))
	var admins []*rbac.AuditRecord
	var mbx []*auditbypass.MailboxAuditRecord
	var org *directory.Organization
	if err := exo.View(ctx, func(tx *store.Tx) error {
		var err error
		if wantAdmin {
			q := rbac.AuditQuery{Cmdlets: ops, UserIDs: users, Start: start, End: end}
			if admins, err = rbac.AuditRecords(tx, q); err != nil {
				return err
			}
		}
		if wantItem || wantGroup {
			q := auditbypass.MailboxAuditQuery{Operations: ops, Start: start, End: end}
			if mbx, err = auditbypass.MailboxAuditRecords(tx, q); err != nil {
				return err
			}
		}
		org, _ = directory.GetOrganization(tx)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	var out []unifiedRecord
	for _, r := range admins {
		if unifiedMatch(ctx, r, auditDataJSON(r, org, false)) {
			out = append(out, unifiedRecord{admin: r})
		}
	}
	for _, r := range mbx {
		t := mailboxRecordType(r)
		if (t == recordExchangeItem && !wantItem) || (t == recordExchangeItemGroup && !wantGroup) {
			continue
		}
		if mailboxMatch(ctx, r, users, mailboxAuditData(r, org, false)) {
			out = append(out, unifiedRecord{mbx: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].time().Before(out[j].time()) })
	return out, org, nil
}

// mailboxMatch applies the filters to a mailbox entry: its actor among
// the user IDs (UPN or alias), its client address among the IP addresses,
// the free text in its details; object and SharePoint site filters match
// no mailbox entry.
func mailboxMatch(ctx *command.Context, r *auditbypass.MailboxAuditRecord, users []string, data string) bool {
	if len(users) > 0 {
		alias, _, _ := strings.Cut(r.Actor, "@")
		ok := false
		for _, u := range users {
			u = strings.TrimSpace(u)
			ok = ok || strings.EqualFold(u, r.Actor) || strings.EqualFold(u, alias)
		}
		if !ok {
			return false
		}
	}
	if ips := exo.CommaStrings(ctx.Value("IPAddresses")); len(ips) > 0 && !matchesAny(ips, r.ClientIP) {
		return false
	}
	return freeTextMatch(ctx, data) && len(ctx.Strings("ObjectIds")) == 0 && len(ctx.Strings("SiteIds")) == 0
}

// object is the Search-UnifiedAuditLog result of the record.
func (u unifiedRecord) object(org *directory.Organization, formatted bool, index, count int) *object.PSObject {
	if u.admin != nil {
		r := u.admin
		return unifiedEventObject(recordExchangeAdmin, r.RunDate, r.Caller, r.CmdletName, r.Identity, auditDataJSON(r, org, formatted), index, count)
	}
	r := u.mbx
	return unifiedEventObject(mailboxRecordType(r), r.Time, r.Actor, r.Operation, r.Identity, mailboxAuditData(r, org, formatted), index, count)
}

// The AuditData of a mailbox entry, as Microsoft's audit log schema
// describes it: the common fields, the Exchange mailbox fields, the item
// (ExchangeItem) or the affected items and their folder
// (ExchangeItemGroup), and for SendAs and SendOnBehalf the mailbox whose
// identity was used. In such a record the mailbox fields name the
// delegate's own mailbox, and SendAsUserSmtp or SendOnBehalfOfUserSmtp the
// mailbox sent from.
type mailboxAuditDataJSON struct {
	auditDataCommon
	ClientIP                      string           `json:"ClientIP"`
	UserID                        string           `json:"UserId"`
	ClientIPAddress               string           `json:"ClientIPAddress"`
	ClientInfoString              string           `json:"ClientInfoString"`
	ExternalAccess                bool             `json:"ExternalAccess"`
	InternalLogonType             int              `json:"InternalLogonType"`
	LogonType                     int              `json:"LogonType"`
	LogonUserDisplayName          string           `json:"LogonUserDisplayName"`
	LogonUserSid                  string           `json:"LogonUserSid"`
	MailboxGuid                   string           `json:"MailboxGuid"`
	MailboxOwnerSid               string           `json:"MailboxOwnerSid"`
	MailboxOwnerUPN               string           `json:"MailboxOwnerUPN"`
	OrganizationName              string           `json:"OrganizationName"`
	OriginatingServer             string           `json:"OriginatingServer"`
	CrossMailboxOperations        *bool            `json:"CrossMailboxOperations,omitempty"`
	Folder                        *auditFolderJSON `json:"Folder,omitempty"`
	AffectedItems                 []auditItemJSON  `json:"AffectedItems,omitempty"`
	Item                          *auditItemJSON   `json:"Item,omitempty"`
	SendAsUserMailboxGuid         string           `json:"SendAsUserMailboxGuid,omitempty"`
	SendAsUserSmtp                string           `json:"SendAsUserSmtp,omitempty"`
	SendOnBehalfOfUserMailboxGuid string           `json:"SendOnBehalfOfUserMailboxGuid,omitempty"`
	SendOnBehalfOfUserSmtp        string           `json:"SendOnBehalfOfUserSmtp,omitempty"`
}

type auditFolderJSON struct {
	ID   string `json:"Id"`
	Path string `json:"Path"`
}

type auditItemJSON struct {
	ID                string           `json:"Id"`
	InternetMessageID string           `json:"InternetMessageId,omitempty"`
	ParentFolder      *auditFolderJSON `json:"ParentFolder,omitempty"`
	Subject           string           `json:"Subject"`
}

// folderJSON is a folder of the entry's mailbox by path (\Sent Items).
func folderJSON(mailboxGuid, path string) *auditFolderJSON {
	if path == "" {
		return nil
	}
	return &auditFolderJSON{ID: recoverable.FolderEntryID(mailboxGuid, strings.ReplaceAll(path, `\`, "/")), Path: path}
}

// mailboxAuditData is the AuditData text of a mailbox entry.
func mailboxAuditData(r *auditbypass.MailboxAuditRecord, org *directory.Organization, formatted bool) string {
	orgGuid, orgName := "", ""
	if org != nil {
		orgGuid, orgName = org.Guid, org.Name
	}
	sidOf := func(id string) string {
		if id == "" {
			return ""
		}
		return permissions.SID(orgGuid, id)
	}
	t := mailboxRecordType(r)
	d := mailboxAuditDataJSON{
		auditDataCommon: auditDataCommon{CreationTime: r.Time.UTC().Format("2006-01-02T15:04:05"), ID: r.Identity, Operation: r.Operation, OrganizationID: orgGuid,
			RecordType: recordTypeNumber(t), ResultStatus: "Succeeded", UserKey: r.ActorObjectID, UserType: 0, Version: 1, Workload: "Exchange"},
		ClientIP: r.ClientIP, UserID: r.Actor, ClientIPAddress: r.ClientIP, ClientInfoString: r.ClientInfo,
		InternalLogonType: logonTypeNumber(r.LogonType), LogonType: logonTypeNumber(r.LogonType), LogonUserDisplayName: r.ActorDisplayName, LogonUserSid: sidOf(r.ActorObjectID),
		MailboxGuid: r.ExchangeGuid, MailboxOwnerSid: sidOf(r.OwnerObjectID), MailboxOwnerUPN: r.OwnerUPN,
		OrganizationName: orgName, OriginatingServer: originatingServer,
	}
	if formatted {
		d.RecordType, d.UserType = t, "Regular"
	}
	if r.Item != nil {
		d.Item = &auditItemJSON{ID: r.Item.ID, InternetMessageID: r.Item.InternetMessageID, ParentFolder: folderJSON(r.MailboxGuid, r.Item.FolderPath), Subject: r.Item.Subject}
	} else {
		no := false
		d.CrossMailboxOperations = &no
		d.Folder = folderJSON(r.MailboxGuid, r.Folder)
		d.AffectedItems = []auditItemJSON{}
		for _, it := range r.Items {
			d.AffectedItems = append(d.AffectedItems, auditItemJSON{ID: it.ID, InternetMessageID: it.InternetMessageID,
				ParentFolder: folderJSON(r.MailboxGuid, it.FolderPath), Subject: it.Subject})
		}
	}
	if r.Operation == "SendAs" || r.Operation == "SendOnBehalf" {
		// The delegate's own mailbox is the record's mailbox.
		if r.ActorSmtp != "" {
			d.MailboxGuid, d.MailboxOwnerUPN, d.MailboxOwnerSid = r.ActorExchangeGuid, r.Actor, sidOf(r.ActorObjectID)
		}
		if r.Operation == "SendAs" {
			d.SendAsUserMailboxGuid, d.SendAsUserSmtp = r.ExchangeGuid, r.OwnerSmtp
		} else {
			d.SendOnBehalfOfUserMailboxGuid, d.SendOnBehalfOfUserSmtp = r.ExchangeGuid, r.OwnerSmtp
		}
	}
	var data []byte
	if formatted {
		data, _ = json.MarshalIndent(d, "", "  ")
	} else {
		data, _ = json.Marshal(d)
	}
	return string(data)
}
