package mailbox

import (
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/recoverable"
)

// statsScope is the scope of the statistics cmdlets: active mailboxes, and
// with -IncludeSoftDeletedRecipients the deleted ones too.
func statsScope(ctx *command.Context) directory.Scope {
	if ctx.Switch("IncludeSoftDeletedRecipients") {
		return directory.ScopeAny
	}
	return directory.ScopeActive
}

// folders returns the primary or archive folders of a mailbox.
func folders(c *directory.MailboxContent, archive bool) []directory.Folder {
	if archive {
		return c.Archive
	}
	return c.Primary
}

// StatisticsObject is the Get-MailboxStatistics object of a mailbox.
func StatisticsObject(m *directory.Mailbox, c *directory.MailboxContent, archive bool, org *directory.Organization) *object.PSObject {
	items, size, recItems, recSize := directory.Totals(folders(c, archive))
	o := object.NewObject(TypeStatistics,
		"Deserialized.Microsoft.Exchange.Management.MapiTasks.Presentation.StoreMailboxStatistics",
		"Deserialized.System.Object")
	guid := m.ExchangeGuid
	db := m.Database
	if archive {
		guid, db = m.ArchiveGuid, m.ArchiveDatabase
	}
	o.AddTyped("MailboxGuid", tGuid, guidValue(guid))
	o.AddTyped("DeletedItemCount", "System.UInt32", recItems)
	o.AddTyped("DisconnectDate", tNDate, nil)
	o.AddTyped("DisconnectReason", tStr, nil)
	o.AddTyped("DisplayName", tStr, m.DisplayName)
	o.AddTyped("ItemCount", "System.UInt32", items)
	// the tenant keeps no record of logons or user actions: these are empty
	o.AddTyped("LastInteractionTime", tNDate, nil)
	o.AddTyped("LastLoggedOnUserAccount", tStr, nil)
	o.AddTyped("LastLogoffTime", tNDate, nil)
	o.AddTyped("LastLogonTime", tNDate, nil)
	o.AddTyped("LastUserActionTime", tNDate, nil)
	o.AddTyped("LegacyDN", tStr, m.LegacyExchangeDN)
	o.AddTyped("MailboxType", tStr, "Private")
	typeDetail := "UserMailbox"
	switch m.RecipientTypeDetails {
	case directory.RecipientSharedMailbox:
		typeDetail = "SharedMailbox"
	case "RoomMailbox", "EquipmentMailbox":
		typeDetail = m.RecipientTypeDetails
	}
	if archive {
		typeDetail = "ArchiveMailbox"
	}
	o.AddTyped("MailboxTypeDetail", tStr, typeDetail)
	o.AddTyped("ObjectClass", tStr, "Mailbox")
	o.AddTyped("StorageLimitStatus", tStr, nil)
	o.AddTyped("SystemMessageCount", "System.UInt32", 0)
	o.AddTyped("SystemMessageSize", tQuota, quotaValue(0))
	o.AddTyped("TotalDeletedItemSize", tQuota, quotaValue(directory.Quota(recSize)))
	o.AddTyped("TotalItemSize", tQuota, quotaValue(directory.Quota(size)))
	o.AddTyped("DatabaseName", tStr, exo.NilIfEmpty(db))
	o.AddTyped("ServerName", tStr, exo.NilIfEmpty(m.ServerName))
	o.AddTyped("DatabaseIssueWarningQuota", tQuota, quotaValue(m.IssueWarningQuota))
	o.AddTyped("DatabaseProhibitSendQuota", tQuota, quotaValue(m.ProhibitSendQuota))
	o.AddTyped("DatabaseProhibitSendReceiveQuota", tQuota, quotaValue(m.ProhibitSendReceiveQuota))
	o.AddTyped("IsArchiveMailbox", tBool, archive)
	o.AddTyped("IsDatabaseCopyActive", tBool, true)
	o.AddTyped("IsQuarantined", tBool, false)
	o.AddTyped("IsMoveDestination", tBool, false)
	o.AddTyped("OwnerADGuid", tGuid, guidValue(m.Guid))
	o.AddTyped("ExternalDirectoryOrganizationId", tGuid, guidValue(derivedGuid("tenant", tenantName(org))))
	o.AddTyped("Identity", tStr, guid)
	o.AddTyped("MapiIdentity", tStr, guid)
	o.AddTyped("OriginatingServer", tStr, exo.NilIfEmpty(m.ServerName))
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "Unchanged")
	name := guid
	o.ToStringFunc = func() string { return name }
	return o
}

// exoStatisticsSets are Get-EXOMailboxStatistics' property sets: Minimum
// (All is every statistics property).
var exoStatisticsSets = lazy.Value[*exo.PropertySets]{Build: func() *exo.PropertySets {
	return &exo.PropertySets{Type: TypeEXOStatistics,
		Minimum: []string{"DeletedItemCount", "DisplayName", "MailboxGuid", "ItemCount", "TotalDeletedItemSize", "TotalItemSize"}}
}}

// EXOStatisticsObject projects a statistics object onto Get-EXOMailboxStatistics'
// Minimum property set (plus the requested properties).
func EXOStatisticsObject(full *object.PSObject, sets, props []string) *object.PSObject {
	return exoStatisticsSets.Get().Project(full, sets, props)
}

// statsFor resolves a mailbox and reads its content model.
func statsFor(ctx *command.Context, id, shown string, scope directory.Scope) (*directory.Mailbox, *directory.MailboxContent, *directory.Organization, *object.ErrorRecord, error) {
	var m *directory.Mailbox
	var c *directory.MailboxContent
	var org *directory.Organization
	var rec *object.ErrorRecord
	err := exo.View(ctx, func(tx *store.Tx) error {
		var err error
		m, rec, err = resolveOne(ctx, tx, id, shown, scope, false)
		if err != nil || rec != nil {
			return err
		}
		if org, err = directory.GetOrganization(tx); err != nil {
			return err
		}
		c, err = directory.GetMailboxContent(tx, m.Guid)
		return err
	})
	return m, c, org, rec, err
}

// noArchive is the error for -Archive on a mailbox without an archive.
func noArchive(ctx *command.Context, shown string) *object.ErrorRecord {
	return exo.Error(ctx, exRecipientTask, "The archive mailbox for '"+shown+"' doesn't exist.", object.InvalidOperation, shown)
}

func getMailboxStatistics() *command.Command {
	c := exo.Declared("Get-MailboxStatistics")
	c.Synopsis = "Shows the size and item count of a mailbox or its archive."
	c.OutputType = TypeStatistics
	c.Description = activityNote
	c.Examples = []command.Example{
		{Code: "Get-MailboxStatistics annb", Remark: "Shows the display name, item count, storage limit status and last logon of a mailbox."},
		{Code: "Get-MailboxStatistics annb -Archive | Format-List TotalItemSize,ItemCount", Remark: "Shows the size of the archive mailbox."},
		{Code: "Get-Mailbox -ResultSize Unlimited | Get-MailboxStatistics | Sort-Object ItemCount -Descending", Remark: "Ranks every mailbox by item count."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		o, rec, err := statistics(ctx)
		if err != nil {
			return err
		}
		if rec != nil {
			return ctx.WriteError(rec)
		}
		return ctx.WriteObject(o)
	}
	return c
}

func statistics(ctx *command.Context) (*object.PSObject, *object.ErrorRecord, error) {
	var id, shown string
	switch {
	case ctx.Value("Identity") != nil:
		id, shown = identityString(ctx.Value("Identity"))
	case ctx.Value("ExchangeGuid") != nil:
		id = object.ToInvariantString(ctx.Value("ExchangeGuid"))
	case ctx.Value("PrimarySmtpAddress") != nil:
		id = ctx.String("PrimarySmtpAddress")
	case ctx.Value("UserPrincipalName") != nil:
		id = ctx.String("UserPrincipalName")
	default:
		return nil, nil, ctx.Fail(exo.Error(ctx, exTaskArgument, "Please specify an identity: Identity, ExchangeGuid, PrimarySmtpAddress or UserPrincipalName.", object.InvalidArgument, nil))
	}
	if shown == "" {
		shown = id
	}
	m, content, org, rec, err := statsFor(ctx, id, shown, statsScope(ctx))
	if err != nil || rec != nil {
		return nil, rec, err
	}
	archive := ctx.Switch("Archive")
	if archive && m.ArchiveStatus != "Active" {
		return nil, noArchive(ctx, shown), nil
	}
	return StatisticsObject(m, content, archive, org), nil, nil
}

// activityNote says what the statistics do not know.
const activityNote = "The simulated tenant keeps no record of mailbox logons or user actions: LastLogonTime, LastLogoffTime, LastUserActionTime and LastInteractionTime are empty."

// activityProperties are the statistics properties that need such a record.
var activityProperties = []string{"LastLogonTime", "LastLogoffTime", "LastUserActionTime", "LastInteractionTime"}

// activityWarning is the warning of a statistics call that asks for them.
const activityWarning = "exosim keeps no record of mailbox logons or user actions: LastLogonTime, LastLogoffTime, LastUserActionTime and LastInteractionTime are empty."

func getEXOMailboxStatistics() *command.Command {
	c := exo.Declared("Get-EXOMailboxStatistics")
	c.Synopsis = "Shows mailbox size and item counts through the REST-based cmdlet (Minimum property set by default)."
	c.Description = activityNote + " Asking for one of them (-Properties, or -PropertySets All) warns once in a session."
	c.OutputType = TypeEXOStatistics
	c.Examples = []command.Example{
		{Code: "Get-EXOMailboxStatistics -Identity annb", Remark: "Shows item counts and sizes of a mailbox."},
		{Code: "Get-EXOMailboxStatistics -Identity annb -PropertySets All", Remark: "Shows every statistics property."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		o, rec, err := statistics(ctx)
		if err != nil {
			return err
		}
		if rec != nil {
			return ctx.WriteError(rec)
		}
		warnActivityOnce(ctx)
		return ctx.WriteObject(EXOStatisticsObject(o, ctx.Strings("PropertySets"), ctx.Strings("Properties")))
	}
	return c
}

// activityWarnedSlot records that the session was told that logons and
// user actions are not recorded.
var activityWarnedSlot = command.NewSlot[bool]()

// warnActivityOnce warns, the first time in a session, when a
// Get-EXOMailboxStatistics call asks for a property of user activity.
func warnActivityOnce(ctx *command.Context) {
	asked := false
	for _, set := range ctx.Strings("PropertySets") {
		asked = asked || strings.EqualFold(set, "All")
	}
	for _, p := range ctx.Strings("Properties") {
		asked = asked || exo.ContainsFold(activityProperties, p)
	}
	if !asked {
		return
	}
	if warned, _ := activityWarnedSlot.Get(ctx.Session()); warned {
		return
	}
	activityWarnedSlot.Set(ctx.Session(), true)
	ctx.WriteWarning(activityWarning)
}

// FolderID is the store ID of a mailbox's folder as the folder
// statistics show it (FolderId): Base64 of the folder's entry ID preceded
// by its length (46) and followed by a 1, so that scripts which decode it
// find the folder ID where Exchange puts it (bytes 23 to 46, which eDiscovery
// searches name as folderid:). The same folder always has the same one.
func FolderID(m *directory.Mailbox, path string) string {
	entry, err := hex.DecodeString(recoverable.FolderEntryID(m.Guid, path))
	if err != nil {
		return ""
	}
	b := make([]byte, 0, len(entry)+2)
	b = append(b, byte(len(entry)))
	b = append(b, entry...)
	b = append(b, 1)
	return base64.StdEncoding.EncodeToString(b)
}

// FolderObject is one Get-MailboxFolderStatistics object. The dates of
// its oldest and newest items are filled in only when asked for
// (-IncludeOldestAndNewestItems); they are empty otherwise, and for a
// folder without items.
func FolderObject(m *directory.Mailbox, f directory.Folder, sub []directory.Folder, archive, itemDates bool) *object.PSObject {
	o := object.NewObject(TypeFolderStats, "Deserialized.System.Object")
	subItems, subSize := f.ItemCount, f.FolderSize
	for _, s := range sub {
		subItems += s.ItemCount
		subSize += s.FolderSize
	}
	guid := m.ExchangeGuid
	if archive {
		guid = m.ArchiveGuid
	}
	o.AddTyped("Date", tDate, m.WhenMailboxCreated.UTC())
	o.AddTyped("CreationTime", tDate, m.WhenMailboxCreated.UTC())
	o.AddTyped("LastModifiedTime", tDate, m.WhenChanged.UTC())
	o.AddTyped("Name", tStr, f.Name)
	o.AddTyped("FolderPath", tStr, f.FolderPath)
	o.AddTyped("FolderId", tStr, FolderID(m, f.FolderPath))
	o.AddTyped("FolderType", tStr, f.FolderType)
	o.AddTyped("ItemsInFolder", tInt, int(f.ItemCount))
	o.AddTyped("DeletedItemsInFolder", tInt, 0)
	o.AddTyped("FolderSize", tSize, sizeValue(f.FolderSize))
	o.AddTyped("ItemsInFolderAndSubfolders", tInt, int(subItems))
	o.AddTyped("DeletedItemsInFolderAndSubfolders", tInt, 0)
	o.AddTyped("FolderAndSubfolderSize", tSize, sizeValue(subSize))
	var oldest, newest any
	if itemDates {
		if lo, hi, ok := directory.ItemDateRange(&f, m.WhenMailboxCreated); ok {
			oldest, newest = lo, hi
		}
	}
	// items are not modified after they arrive: the last-modified dates
	// are the receive dates
	o.AddTyped("OldestItemReceivedDate", tDate, oldest)
	o.AddTyped("NewestItemReceivedDate", tDate, newest)
	o.AddTyped("OldestItemLastModifiedDate", tDate, oldest)
	o.AddTyped("NewestItemLastModifiedDate", tDate, newest)
	o.AddTyped("VisibleItemsInFolder", tInt, int(f.ItemCount))
	o.AddTyped("HiddenItemsInFolder", tInt, 0)
	o.AddTyped("ArchivePolicy", tStr, nil)
	o.AddTyped("DeletePolicy", tStr, nil)
	o.AddTyped("CompliancePolicy", tStr, nil)
	o.AddTyped("RetentionFlags", tStr, "None")
	o.AddTyped("ContentMailboxGuid", tGuid, guidValue(guid))
	o.AddTyped("Identity", tStr, m.Identity()+`\`+strings.TrimPrefix(f.FolderPath, "/"))
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "New")
	return o
}

// folderScopes maps -FolderScope values to the folder types they select.
func inFolderScope(scope string, f directory.Folder) bool {
	switch strings.ToLower(scope) {
	case "", "all":
		return true
	case "recoverableitems":
		return f.Recoverable
	case "inbox":
		return f.FolderType == "Inbox"
	case "sentitems":
		return f.FolderType == "SentItems"
	case "deleteditems":
		return f.FolderType == "DeletedItems"
	case "drafts":
		return f.FolderType == "Drafts"
	case "junkemail":
		return f.FolderType == "JunkEmail"
	case "calendar":
		return f.FolderType == "Calendar"
	case "contacts":
		return f.FolderType == "Contacts"
	case "tasks":
		return f.FolderType == "Tasks"
	case "notes":
		return f.FolderType == "Notes"
	case "outbox":
		return f.FolderType == "Outbox"
	case "conversationhistory":
		return f.FolderType == "ConversationHistory"
	case "archive":
		return f.FolderType == "Archive"
	case "nonipmroot":
		return false
	}
	return strings.EqualFold(f.FolderType, scope)
}

// validFolderScopes are the ElcFolderType values -FolderScope accepts.
var validFolderScopes = []string{"All", "Archive", "Calendar", "Contacts", "ConversationHistory", "DeletedItems", "Drafts",
	"Inbox", "JunkEmail", "Journal", "LegacyArchiveJournals", "ManagedCustomFolder", "NonIpmRoot", "Notes", "Outbox",
	"Personal", "RecoverableItems", "RssSubscriptions", "SentItems", "SyncIssues", "Tasks"}

func getMailboxFolderStatistics() *command.Command {
	c := exo.Declared("Get-MailboxFolderStatistics")
	c.Synopsis = "Shows the size and item count of each folder of a mailbox."
	c.OutputType = TypeFolderStats
	c.Examples = []command.Example{
		{Code: "Get-MailboxFolderStatistics annb | Format-Table Name,ItemsInFolder,FolderSize", Remark: "Lists every folder with its item count and size."},
		{Code: "Get-MailboxFolderStatistics annb -FolderScope RecoverableItems | Format-List Name,FolderAndSubfolderSize,ItemsInFolderAndSubfolders", Remark: "Shows the Recoverable Items folders (where held items are kept)."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.ParameterSet == "Database" {
			return ctx.WriteError(exo.Error(ctx, exTaskArgument, "The Database parameter set is not available in Exchange Online.", object.InvalidArgument, nil))
		}
		id, shown := identityString(ctx.Value("Identity"))
		return writeFolderStatistics(ctx, id, shown, "FolderScope")
	}
	return exo.Partial(c, "Identity", "Archive", "FolderScope", "IncludeOldestAndNewestItems", "IncludeSoftDeletedRecipients",
		"ResultSize", "Database", "StoreMailboxIdentity")
}

// getEXOMailboxFolderStatistics is the REST twin of
// Get-MailboxFolderStatistics: the mailbox is named by -Identity or by one
// of its addresses or IDs, and the folders are the same objects.
func getEXOMailboxFolderStatistics() *command.Command {
	c := exo.Declared("Get-EXOMailboxFolderStatistics")
	c.Synopsis = "Shows the size and item count of each folder of a mailbox (REST-based cmdlet)."
	c.OutputType = TypeFolderStats
	c.Examples = []command.Example{
		{Code: "Get-EXOMailboxFolderStatistics annb -FolderScope Calendar | Select-Object Name,FolderId", Remark: "Finds the calendar folder of a mailbox (calendar permission reports start here)."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var id, shown string
		switch {
		case ctx.Value("Identity") != nil && object.ToInvariantString(object.Unwrap(ctx.Value("Identity"))) != "":
			id, shown = identityString(ctx.Value("Identity"))
		case ctx.Value("PrimarySmtpAddress") != nil:
			id = ctx.String("PrimarySmtpAddress")
		case ctx.Value("UserPrincipalName") != nil:
			id = ctx.String("UserPrincipalName")
		case ctx.Value("ExternalDirectoryObjectId") != nil:
			id = object.ToInvariantString(object.Unwrap(ctx.Value("ExternalDirectoryObjectId")))
		default:
			return ctx.Fail(exo.Error(ctx, exTaskArgument, "Please specify an identity: Identity, ExternalDirectoryObjectId, PrimarySmtpAddress or UserPrincipalName.", object.InvalidArgument, nil))
		}
		if shown == "" {
			shown = id
		}
		return writeFolderStatistics(ctx, id, shown, "Folderscope")
	}
	return exo.Partial(c, "Identity", "PrimarySmtpAddress", "UserPrincipalName", "ExternalDirectoryObjectId", "Archive", "Folderscope", "IncludeOldestAndNewestItems", "IncludeSoftDeletedRecipients")
}

// writeFolderStatistics writes the folder objects of one mailbox, those of
// its archive with -Archive, limited to the folder scope given in the
// parameter scopeParam.
func writeFolderStatistics(ctx *command.Context, id, shown, scopeParam string) error {
	scope := ctx.String(scopeParam)
	if scope != "" && !exo.ContainsFold(validFolderScopes, scope) {
		return ctx.Fail(ctx.NewError("Cannot process argument transformation on parameter '"+scopeParam+"'. Cannot convert value \""+scope+"\" to type \"Microsoft.Exchange.Data.Directory.SystemConfiguration.ElcFolderType\". Error: \"Unable to match the identifier name "+scope+" to a valid enumerator name. Specify one of the following enumerator names and try again:\n"+strings.Join(validFolderScopes, ", ")+"\"",
			"ParameterArgumentTransformationError,"+ctx.Command.Name, object.InvalidData, "ParameterBindingArgumentTransformationException", scope))
	}
	m, content, _, rec, err := statsFor(ctx, id, shown, statsScope(ctx))
	if err != nil {
		return err
	}
	if rec != nil {
		return ctx.WriteError(rec)
	}
	archive := ctx.Switch("Archive")
	if archive && m.ArchiveStatus != "Active" {
		return ctx.WriteError(noArchive(ctx, shown))
	}
	limit, explicit, err := resultSize(ctx)
	if err != nil {
		return err
	}
	itemDates := ctx.Switch("IncludeOldestAndNewestItems")
	fs := folders(content, archive)
	var objs []*object.PSObject
	for i, f := range fs {
		if !inFolderScope(scope, f) {
			continue
		}
		var sub []directory.Folder
		if f.FolderType == "Root" {
			for _, g := range fs[i+1:] {
				if !g.Recoverable {
					sub = append(sub, g)
				}
			}
		} else if f.FolderType == "RecoverableItemsRoot" {
			for _, g := range fs[i+1:] {
				if g.Recoverable {
					sub = append(sub, g)
				}
			}
		}
		objs = append(objs, FolderObject(m, f, sub, archive, itemDates))
	}
	return WriteLimited(ctx, objs, limit, explicit)
}
