// Package folderstats is Get-MailboxFolderStatistics and its REST twin
// Get-EXOMailboxFolderStatistics: the folders of a mailbox's content model
// (or its archive's) with their item counts and sizes, and the folder IDs
// other cmdlets and eDiscovery searches take.
package folderstats

import (
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/recoverable"
)

// TypeFolderStats is the type name of the folder objects.
const TypeFolderStats = "Deserialized.Microsoft.Exchange.Management.Tasks.MailboxFolderConfiguration"

// The .NET type names of the folder objects' properties.
const (
	tStr  = "System.String"
	tBool = "System.Boolean"
	tInt  = "System.Int32"
	tDate = "System.DateTime"
	tGuid = "System.Guid"
	tSize = exo.TypeByteQuantifiedSize
)

// exTaskArgument is the exception type of the argument errors.
const exTaskArgument = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"

// Cmdlets are the package's cmdlets.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-MailboxFolderStatistics", Build: getMailboxFolderStatistics},
	{Name: "Get-EXOMailboxFolderStatistics", Build: getEXOMailboxFolderStatistics},
}}

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
	o.AddTyped("FolderSize", tSize, exo.SizeValue(f.FolderSize))
	o.AddTyped("ItemsInFolderAndSubfolders", tInt, int(subItems))
	o.AddTyped("DeletedItemsInFolderAndSubfolders", tInt, 0)
	o.AddTyped("FolderAndSubfolderSize", tSize, exo.SizeValue(subSize))
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
	var content any // $null for a mailbox without one
	if guid != "" {
		content = exo.GuidValue(guid)
	}
	o.AddTyped("ContentMailboxGuid", tGuid, content)
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
		id, shown := mailbox.IdentityString(ctx.Value("Identity"))
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
			id, shown = mailbox.IdentityString(ctx.Value("Identity"))
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
	m, content, _, rec, err := mailbox.StatsFor(ctx, id, shown)
	if err != nil {
		return err
	}
	if rec != nil {
		return ctx.WriteError(rec)
	}
	archive := ctx.Switch("Archive")
	if archive && m.ArchiveStatus != "Active" {
		return ctx.WriteError(mailbox.NoArchive(ctx, shown))
	}
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	itemDates := ctx.Switch("IncludeOldestAndNewestItems")
	fs := mailbox.Folders(content, archive)
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
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}
