package autoreply

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permissions"
)

// Search-MailboxAuditLog reads the mailbox audit log (store/auditbypass).
// Without -ShowDetails it writes one summary a mailbox with matching
// entries (MailboxAuditLogRecord: the mailbox and when it was last
// accessed); with -ShowDetails every matching entry, newest first
// (MailboxAuditLogEvent, shown as a list of all its fields, as the
// reference says). Without -LogonTypes the entries of administrators and
// delegates are searched; the owner's need -LogonTypes Owner, which the
// reference allows only with -ShowDetails. -ResultSize is 1 to 250,000,
// 1000 by default.

// Output types of Search-MailboxAuditLog.
const (
	TypeMailboxAuditLogRecord = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogRecord"
	TypeMailboxAuditLogEvent  = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogEvent"
	typeSourceItem            = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogSourceItem"
)

// OriginatingServer is the mailbox server audit entries name.
const OriginatingServer = "SN6PR06MB4750 (15.20.7472.022)"

// logonTypeNames are the -LogonTypes values the service takes.
var logonTypeNames = []string{auditbypass.LogonAdmin, auditbypass.LogonDelegate, auditbypass.LogonOwner}

func searchMailboxAuditLog() *command.Command {
	c := exo.Declared("Search-MailboxAuditLog")
	exo.Describe(c, map[string]string{
		"Identity":               "The one mailbox whose audit log to search.",
		"Mailboxes":              "Several mailboxes, separated by commas (not with -ShowDetails).",
		"ShowDetails":            "Every entry with all its fields, instead of one summary a mailbox.",
		"LogonTypes":             "Admin, Delegate (the default: both) or Owner (only with -ShowDetails).",
		"Operations":             "Only these mailbox actions (SendAs, SendOnBehalf, Send, SoftDelete, HardDelete ...).",
		"StartDate":              "Earliest entry (simulated time).",
		"EndDate":                "Latest entry (simulated time).",
		"ResultSize":             "Most entries (1 to 250000; 1000 by default).",
		"ExternalAccess":         "$true: only access by Microsoft datacenter administrators, which the simulation has none of.",
		"HasAttachments":         "$true: only items with attachments, which no simulated item has.",
		"GroupMailbox":           "Includes Microsoft 365 Groups; their mailboxes record no simulated actions.",
		"IncludeInactiveMailbox": "Searches inactive mailboxes too.",
	})
	exo.DeclaredParam(c, "ResultSize").Min, exo.DeclaredParam(c, "ResultSize").Max = 1, 250000
	c.OutputType = TypeMailboxAuditLogEvent
	c.Synopsis = "Searches the mailbox audit log: sends, sends as and on behalf of others, and deletions in mailboxes, by owners, delegates and administrators."
	c.Description = "Exchange Online audits a default set of mailbox actions for each logon type while Get-OrganizationConfig shows AuditDisabled False; " +
		"accounts with an audit bypass association (Set-MailboxAuditBypassAssociation) are not audited. The simulated actions audited are " +
		"Send-SimMessage (Send by the owner, SendAs and SendOnBehalf by delegates) and compliance search purges (SoftDelete and HardDelete by an administrator). " +
		"Entries are kept for 90 days of the simulated clock (AuditLogAgeLimit). Microsoft is retiring this cmdlet in Exchange Online in favour of Search-UnifiedAuditLog, which returns the same entries as ExchangeItem and ExchangeItemGroup records."
	c.Examples = []command.Example{
		{Code: "Search-MailboxAuditLog -Identity info -LogonTypes Delegate -ShowDetails | Format-Table LastAccessed, LogonUserDisplayName, Operation, ItemSubject",
			Remark: "Lists who sent from the shared mailbox as delegates."},
		{Code: "Search-MailboxAuditLog -Mailboxes info, pattif -StartDate (Get-Date).AddDays(-7) -EndDate (Get-Date)", Remark: "Shows when delegates or administrators last accessed two mailboxes."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		details := ctx.Switch("ShowDetails")
		logons := exo.CommaStrings(ctx.Value("LogonTypes"))
		for i, l := range logons {
			name, ok := oneOf(logonTypeNames, l)
			if !ok {
				return ctx.Fail(exo.Invalid(ctx, "The value \""+strings.TrimSpace(l)+"\" isn't a valid logon type. Valid values are: Admin, Delegate, Owner.", l))
			}
			if name == auditbypass.LogonOwner && !details {
				return ctx.Fail(exo.Invalid(ctx, "The Owner logon type can be searched only with the ShowDetails switch.", l))
			}
			logons[i] = name
		}
		if len(logons) == 0 {
			logons = []string{auditbypass.LogonAdmin, auditbypass.LogonDelegate}
		}
		size := 1000
		if ctx.Has("ResultSize") {
			size = ctx.Int("ResultSize")
		}
		scope := directory.ScopeActive
		if ctx.Switch("IncludeInactiveMailbox") {
			scope = directory.ScopeIncludeInactive
		}
		var out []*object.PSObject
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			out = nil
			q := auditbypass.MailboxAuditQuery{Operations: exo.CommaStrings(ctx.Value("Operations")), LogonTypes: logons,
				Start: exo.DateParam(ctx, "StartDate"), End: exo.DateParam(ctx, "EndDate")}
			var ids []any
			if ctx.Has("Identity") {
				ids = []any{ctx.Value("Identity")}
			}
			for _, v := range exo.CommaStrings(ctx.Value("Mailboxes")) {
				ids = append(ids, v)
			}
			for _, v := range ids {
				id, shown := mailbox.IdentityString(v)
				m, rec, err := mailbox.ResolveOne(ctx, tx, id, shown, scope, false)
				if err != nil || rec != nil {
					return rec, err
				}
				q.Mailboxes = append(q.Mailboxes, strings.ToLower(m.Guid))
			}
			if len(ids) == 0 {
				// Without a mailbox named: every mailbox in scope.
				q.InScope = func(guid string) (bool, error) {
					m, err := directory.GetMailbox(tx, guid)
					if store.IsNotFound(err) {
						return false, nil
					}
					return err == nil && !m.IsMailUser() && scope.Includes(m), err
				}
			}
			rs, err := auditbypass.MailboxAuditRecords(tx, q)
			if err != nil {
				return nil, err
			}
			if (ctx.Has("ExternalAccess") && ctx.Bool("ExternalAccess")) || (ctx.Has("HasAttachments") && ctx.Bool("HasAttachments")) {
				rs = nil
			}
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			// newest first
			sort.SliceStable(rs, func(i, j int) bool { return rs[i].Seq > rs[j].Seq })
			if details {
				for _, r := range rs {
					if len(out) >= size {
						break
					}
					out = append(out, mailboxAuditEvent(r, org.Guid))
				}
				return nil, nil
			}
			seen := map[string]bool{}
			for _, r := range rs {
				if seen[r.MailboxGuid] || len(out) >= size {
					continue
				}
				seen[r.MailboxGuid] = true
				identity := r.OwnerDisplayName
				if m, err := directory.GetMailbox(tx, r.MailboxGuid); err == nil {
					identity = m.Identity()
				}
				out = append(out, mailboxAuditSummary(r, identity))
			}
			return nil, nil
		})
		if err != nil || !done {
			return err
		}
		return exo.WriteAll(ctx, out)
	}
	return c
}

func oneOf(list []string, s string) (string, bool) {
	for _, x := range list {
		if strings.EqualFold(x, strings.TrimSpace(s)) {
			return x, true
		}
	}
	return "", false
}

// mailboxAuditSummary is the summary of a mailbox's entries: its newest
// one. Its Identity is the mailbox's, which runbooks pass on to
// Search-MailboxAuditLog -ShowDetails.
func mailboxAuditSummary(r *auditbypass.MailboxAuditRecord, identity string) *object.PSObject {
	o := object.NewObject(TypeMailboxAuditLogRecord, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
	o.AddTyped("MailboxGuid", "System.Guid", exo.GuidValue(r.ExchangeGuid))
	o.AddTyped("MailboxResolvedOwnerName", "System.String", r.OwnerDisplayName)
	o.AddTyped("LastAccessed", "System.Nullable`1[[System.DateTime]]", r.Time.UTC())
	o.AddTyped("Identity", "System.String", identity)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "New")
	return o
}

// mailboxAuditEvent is one entry with all its fields, in the order the
// service lists them.
func mailboxAuditEvent(r *auditbypass.MailboxAuditRecord, orgGuid string) *object.PSObject {
	o := object.NewObject(TypeMailboxAuditLogEvent, TypeMailboxAuditLogRecord, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
	str := func(name string, v string) { o.AddTyped(name, "System.String", exo.NilIfEmpty(v)) }
	var itemID, subject, msgID, folder string
	if r.Item != nil {
		itemID, subject, msgID, folder = r.Item.ID, r.Item.Subject, r.Item.InternetMessageID, r.Item.FolderPath
	}
	if r.Folder != "" {
		folder = r.Folder
	}
	str("Operation", r.Operation)
	str("OperationResult", "Succeeded")
	str("LogonType", r.LogonType)
	o.AddTyped("ExternalAccess", "System.Boolean", false)
	for _, n := range []string{"DestFolderId", "DestFolderPathName"} {
		str(n, "")
	}
	str("FolderId", "")
	str("FolderPathName", folder)
	for _, n := range []string{"FolderName", "MemberRights", "MemberSid", "MemberUpn"} {
		str(n, "")
	}
	str("ClientInfoString", r.ClientInfo)
	str("ClientIPAddress", r.ClientIP)
	str("ClientIP", r.ClientIP)
	for _, n := range []string{"ClientMachineName", "ClientProcessName", "ClientVersion"} {
		str(n, "")
	}
	str("InternalLogonType", r.LogonType)
	str("MailboxOwnerUPN", r.OwnerUPN)
	str("MailboxOwnerSid", sid(orgGuid, r.OwnerObjectID))
	for _, n := range []string{"DestMailboxOwnerUPN", "DestMailboxOwnerSid", "DestMailboxGuid"} {
		str(n, "")
	}
	o.AddTyped("CrossMailboxOperation", "System.Nullable`1[[System.Boolean]]", false)
	str("LogonUserDisplayName", r.ActorDisplayName)
	str("LogonUserSid", sid(orgGuid, r.ActorObjectID))
	var sources []any
	var ids, subjects, folders, msgIDs []string
	for _, it := range r.Items {
		s := object.NewObject(typeSourceItem, "System.Object")
		s.AddTyped("SourceItemId", "System.String", it.ID)
		s.AddTyped("SourceItemSubject", "System.String", it.Subject)
		s.AddTyped("SourceItemFolderPathName", "System.String", it.FolderPath)
		s.AddTyped("SourceItemAttachmentsList", "System.String", nil)
		s.AddTyped("SourceInternetMessageId", "System.String", exo.NilIfEmpty(it.InternetMessageID))
		id := it.ID
		s.ToStringFunc = func() string { return id }
		sources = append(sources, s)
		ids, subjects, folders, msgIDs = append(ids, it.ID), append(subjects, it.Subject), append(folders, it.FolderPath), append(msgIDs, it.InternetMessageID)
	}
	if sources == nil {
		o.AddTyped("SourceItems", "Microsoft.Exchange.Data.MultiValuedProperty", exo.MultiValued(nil))
	} else {
		o.AddTyped("SourceItems", "Microsoft.Exchange.Data.MultiValuedProperty", sources)
	}
	o.AddTyped("SourceFolders", "Microsoft.Exchange.Data.MultiValuedProperty", exo.MultiValued(nil))
	str("SourceItemIdsList", strings.Join(ids, ", "))
	str("SourceItemSubjectsList", strings.Join(subjects, ", "))
	str("SourceItemAttachmentsList", "")
	str("SourceItemFolderPathNamesList", strings.Join(folders, ", "))
	str("SourceFolderPathNamesList", "")
	str("SourceItemInternetMessageIdsList", strings.Join(msgIDs, ", "))
	str("ItemId", itemID)
	str("ItemSubject", subject)
	str("ItemAttachments", "")
	str("ItemInternetMessageId", msgID)
	str("DirtyProperties", "")
	str("OriginatingServer", OriginatingServer)
	for _, n := range []string{"SessionId", "OperationProperties"} {
		str(n, "")
	}
	o.AddTyped("AuditOperationsCountInAggregatedRecord", "System.Nullable`1[[System.Int32]]", nil)
	for _, n := range []string{"AggregatedRecordFoldersData", "AppId", "ClientAppId"} {
		str(n, "")
	}
	o.AddTyped("ItemIsRecord", "System.Boolean", false)
	str("ItemComplianceLabel", "")
	o.AddTyped("MailboxGuid", "System.Guid", exo.GuidValue(r.ExchangeGuid))
	str("MailboxResolvedOwnerName", r.OwnerDisplayName)
	o.AddTyped("LastAccessed", "System.Nullable`1[[System.DateTime]]", r.Time.UTC())
	str("Identity", r.Identity)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "New")
	return o
}

// sid is the security identifier of an account ("" for none).
func sid(orgGuid, objectID string) string {
	if objectID == "" {
		return ""
	}
	return permissions.SID(orgGuid, objectID)
}
