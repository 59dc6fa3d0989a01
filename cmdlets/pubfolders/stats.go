package pubfolders

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/folderperms"
	pf "github.com/exosim/exosim/store/pubfolders"
)

// Folder statistics: Get-PublicFolderStatistics counts what a folder
// holds and Get-PublicFolderItemStatistics lists its items. The tenant
// keeps the hierarchy, not the folders' content (nothing posts to a
// public folder here), so every folder holds what a new folder of
// Exchange Online holds: no items, no associated items, no deleted
// items, 0 bytes of each, and Get-PublicFolderItemStatistics lists none.
// The rest is the folder's own: its name, path, EntryId, content
// mailbox, times, and the number of owners among its client permissions.

// Output types of the statistics cmdlets.
const (
	TypeFolderStatistics     = "Deserialized.Microsoft.Exchange.Data.Storage.Management.PublicFolderStatistics"
	TypeFolderItemStatistics = "Deserialized.Microsoft.Exchange.Data.Storage.Management.PublicFolderItemStatistics"
)

// statisticsViews registers the table of folder statistics: name, item
// count and last change.
func statisticsViews(r *format.Registry) {
	r.Add(&format.View{Name: TypeFolderStatistics, TypeNames: []string{TypeFolderStatistics}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "ItemCount", Property: "ItemCount"},
		{Label: "LastModificationTime", Property: "LastModificationTime"},
	}})
}

func statisticsCommands() []*command.Command {
	stats := exo.Declared("Get-PublicFolderStatistics")
	stats.Synopsis = "Shows the item counts and sizes of a public folder, or of every folder of the hierarchy."
	stats.Description = "The tenant keeps no content in public folders: every folder counts no items and 0 bytes, as a new folder does."
	stats.OutputType = TypeFolderStatistics
	stats.Examples = []command.Example{
		{Code: setup + "Get-PublicFolderStatistics", Remark: "Lists the statistics of every folder."},
		{Code: "Get-PublicFolderStatistics \\Sales | Format-List Name,FolderPath,ItemCount,TotalItemSize,OwnerCount", Remark: "Shows the statistics of \\Sales."},
	}
	exo.Describe(stats, map[string]string{
		"Identity":   identityHelp + " Default: every folder under the root.",
		"Mailbox":    "A public folder mailbox (New-Mailbox -PublicFolder) the request goes to.",
		"ResultSize": "How many folders to show (default 1000) or Unlimited.",
	})
	stats.Handler.Process = getStatistics

	items := exo.Declared("Get-PublicFolderItemStatistics")
	items.Synopsis = "Lists the items of a public folder with their subjects and sizes: none, since the tenant keeps no folder content."
	items.OutputType = TypeFolderItemStatistics
	items.Examples = []command.Example{
		{Code: setup + "@(Get-PublicFolderItemStatistics \\Sales).Count", Remark: "A folder holds no items."},
	}
	exo.Describe(items, map[string]string{
		"Identity":   identityHelp,
		"Mailbox":    "A public folder mailbox (New-Mailbox -PublicFolder) the request goes to.",
		"ResultSize": "How many items to show (default 1000) or Unlimited.",
	})
	items.Handler.Process = getItemStatistics

	return []*command.Command{stats, items}
}

// statisticsObject is the Get-PublicFolderStatistics object of f (nil the
// root).
func (s *session) statisticsObject(f *pf.Folder) *object.PSObject {
	o := object.NewObject(TypeFolderStatistics, "Deserialized.Microsoft.Exchange.Data.Mapi.MapiObject",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	root := s.mailboxes[0]
	name, path, entryID, content := rootName, "", rootEntryID(root.Guid), root.Guid
	created, changed := root.WhenCreated, root.WhenCreated
	owners := 0
	if f != nil {
		name, entryID, content = f.Name, f.EntryID, f.ContentMailbox
		path = s.h.Path(f)[1:]
		created, changed = f.WhenCreated, f.WhenChanged
		for _, p := range f.Permissions {
			if p.Rights&folderperms.FolderOwner != 0 {
				owners++
			}
		}
	}
	var database, server any
	for _, m := range s.mailboxes {
		if m.Guid == content {
			database, server = exo.NilIfEmpty(m.Database), exo.NilIfEmpty(m.ServerName)
		}
	}
	const tStr, tInt, tBool, tTime = "System.String", "System.Int32", "System.Boolean", "System.DateTime"
	zero := func() any { return exo.SizeValue(0) }
	o.AddTyped("AssociatedItemCount", tInt, 0)
	o.AddTyped("ContactCount", tInt, 0)
	o.AddTyped("CreationTime", tTime, created.UTC())
	o.AddTyped("DeletedItemCount", tInt, 0)
	o.AddTyped("EntryId", tStr, entryID)
	o.AddTyped("ExpiryTime", "System.Nullable`1[[System.DateTime]]", nil)
	o.AddTyped("FolderPath", tStr, path)
	o.AddTyped("IsDeletePending", tBool, false)
	o.AddTyped("ItemCount", tInt, 0)
	o.AddTyped("LastAccessTime", tTime, changed.UTC())
	o.AddTyped("LastModificationTime", tTime, changed.UTC())
	o.AddTyped("LastUserAccessTime", "System.Nullable`1[[System.DateTime]]", nil)
	o.AddTyped("LastUserModificationTime", "System.Nullable`1[[System.DateTime]]", nil)
	o.AddTyped("MailboxOwnerId", tStr, s.mailboxName(content))
	o.AddTyped("Name", tStr, name)
	o.AddTyped("OwnerCount", tInt, owners)
	o.AddTyped("TotalAssociatedItemSize", exo.TypeByteQuantifiedSize, zero())
	o.AddTyped("TotalDeletedItemSize", exo.TypeByteQuantifiedSize, zero())
	o.AddTyped("TotalItemSize", exo.TypeByteQuantifiedSize, zero())
	o.AddTyped("DatabaseName", tStr, database)
	o.AddTyped("ServerName", tStr, server)
	o.AddTyped("Identity", tStr, entryID)
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "New")
	o.ToStringFunc = func() string { return entryID }
	return o
}

// statisticsSession reads the public folders for a statistics cmdlet and
// checks its -Mailbox.
func statisticsSession(ctx *command.Context, tx *store.Tx) (*session, *object.ErrorRecord, error) {
	s, rec, err := open(ctx, tx)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	if ctx.Has("Mailbox") {
		if _, rec, err := s.mailboxArg(tx, ctx.Value("Mailbox")); err != nil || rec != nil {
			return nil, rec, err
		}
	}
	return s, nil, nil
}

func getStatistics(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		s, rec, err := statisticsSession(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		list := s.h.Descendants("")
		if ctx.Has("Identity") && ctx.Value("Identity") != nil {
			f, rec := s.find(ctx.Value("Identity"))
			if rec != nil {
				return rec, nil
			}
			list = []*pf.Folder{f}
		}
		for _, f := range list {
			objs = append(objs, s.statisticsObject(f))
		}
		return nil, nil
	})
}

// getItemStatistics finds the folder and lists its items: a folder of
// this tenant holds none.
func getItemStatistics(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		s, rec, err := statisticsSession(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		_, rec = s.find(ctx.Value("Identity"))
		return rec, nil
	})
}
