// Package pubfolders declares the Exchange Online cmdlets of the public
// folder hierarchy: New-, Get-, Set- and Remove-PublicFolder and the
// folders' client permissions (Get-, Add- and
// Remove-PublicFolderClientPermission), mail-enabled folders (Enable-
// and Disable-MailPublicFolder, Get- and Set-MailPublicFolder) and their
// statistics (Get-PublicFolderStatistics,
// Get-PublicFolderItemStatistics), over the
// folders the tenant keeps (store/pubfolders), with the default view of
// their objects. Public folders live in public folder mailboxes (New-Mailbox
// -PublicFolder): none can be made or listed before the first one exists.
package pubfolders

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/folderperms"
	pf "github.com/exosim/exosim/store/pubfolders"
	"github.com/exosim/exosim/store/regional"
)

// TypeFolder is the output type of Get-PublicFolder and New-PublicFolder.
const TypeFolder = "Deserialized.Microsoft.Exchange.Data.Storage.Management.PublicFolder"

// Exception types of the errors this package writes.
const (
	exNotFound = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
	exArgument = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
	exInvalid  = "Microsoft.Exchange.Management.Tasks.InvalidOperationException"
	// exDataValidation refuses an address at a domain the organization
	// doesn't accept.
	exDataValidation = "Microsoft.Exchange.Data.DataValidationException"
)

// rootName is the name of the hierarchy's root folder (\).
const rootName = "IPM_SUBTREE"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"New-PublicFolder", "Get-PublicFolder", "Set-PublicFolder", "Remove-PublicFolder"}, Build: commands},
	{Names: []string{"Get-PublicFolderClientPermission", "Add-PublicFolderClientPermission", "Remove-PublicFolderClientPermission"}, Build: permissionCommands},
	{Names: []string{"Enable-MailPublicFolder", "Disable-MailPublicFolder", "Get-MailPublicFolder", "Set-MailPublicFolder"}, Build: mailCommands},
	{Names: []string{"Get-PublicFolderStatistics", "Get-PublicFolderItemStatistics"}, Build: statisticsCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the table Exchange Online prints for public folders:
// the folder's name and its parent's path.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeFolder, TypeNames: []string{TypeFolder}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Parent Path", Property: "ParentPath"},
	}})
	mailViews(r)
	statisticsViews(r)
}

// identityHelp is the help of the -Identity parameters naming a folder.
const identityHelp = "The public folder: its path (\\Sales\\Reports; \\ is the root) or its EntryId."

// setup makes what the examples act on: the tenant has no public folder
// mailbox, and so no public folders, until one is made.
const setup = "New-Mailbox -PublicFolder -Name PFMailbox1 | Out-Null; New-Mailbox -PublicFolder -Name PFMailbox2 | Out-Null; New-PublicFolder Sales | Out-Null; New-PublicFolder Reports -Path \\Sales | Out-Null; "

func commands() []*command.Command {
	mailboxHelp := "A public folder mailbox (New-Mailbox -PublicFolder)."

	get := exo.Declared("Get-PublicFolder")
	get.Synopsis = "Shows a public folder (the root, \\, without -Identity), its children or its whole subtree."
	get.OutputType = TypeFolder
	get.Examples = []command.Example{
		{Code: setup + "Get-PublicFolder -Recurse", Remark: "Makes two folders, then lists the whole hierarchy, the root first."},
		{Code: "Get-PublicFolder \\Sales -GetChildren", Remark: "Lists the folders right under \\Sales."},
	}
	exo.Describe(get, map[string]string{
		"Identity":        identityHelp + " Default: the root.",
		"GetChildren":     "Lists the folder's children instead of the folder.",
		"Recurse":         "Lists the folder and every folder under it.",
		"LostAndFound":    "Lists the folders of the lost and found folder: those whose parent was lost, which never happens in this tenant.",
		"Mailbox":         mailboxHelp + " The folders are read from its copy of the hierarchy.",
		"ResidentFolders": "Lists only the folders whose content is in the mailbox of -Mailbox (default the primary hierarchy mailbox).",
		"ResultSize":      "How many folders to show (default 10000) or Unlimited.",
	})
	get.Handler.Process = getFolders

	newFolder := exo.Declared("New-PublicFolder")
	newFolder.Synopsis = "Creates a public folder, at the top of the hierarchy or under -Path."
	newFolder.OutputType = TypeFolder
	newFolder.ConfirmImpact = command.ImpactMedium
	newFolder.Examples = []command.Example{
		{Code: "New-Mailbox -PublicFolder -Name PFMailbox1 | Out-Null; New-PublicFolder -Name Sales", Remark: "Makes the primary hierarchy mailbox, then creates \\Sales."},
		{Code: "New-Mailbox -PublicFolder -Name PFMailbox2 | Out-Null; New-PublicFolder -Name Reports -Path \\Sales -Mailbox PFMailbox2", Remark: "Makes a second public folder mailbox, then creates \\Sales\\Reports with its content there."},
	}
	exo.Describe(newFolder, map[string]string{
		"Name":           "The folder's name (1 to 255 characters, no backslash), unique among its siblings.",
		"Path":           "The parent folder (default the root, \\).",
		"Mailbox":        mailboxHelp + " It holds the folder's content (default: the parent's mailbox, at the top the primary hierarchy mailbox).",
		"EformsLocaleId": "The culture of the folder's electronic forms (en-US, fr-FR ...).",
	})
	newFolder.Handler.Process = createFolder

	set := exo.Declared("Set-PublicFolder")
	set.Synopsis = "Changes a public folder's settings, renames it (-Name) or moves it (-Path)."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: setup + "Set-PublicFolder \\Sales -AgeLimit 30 -ProhibitPostQuota 2GB", Remark: "Keeps the items of \\Sales 30 days and limits it to 2 GB."},
	}
	exo.Describe(set, map[string]string{
		"Identity":                identityHelp,
		"Name":                    "A new name, unique among the folder's siblings.",
		"Path":                    "A new parent folder: the folder moves there with its subfolders.",
		"AgeLimit":                "How long items stay in the folder (d.hh:mm:ss, or days); $null for no limit.",
		"RetainDeletedItemsFor":   "How long deleted items are kept (d.hh:mm:ss, or days); $null for the mailbox's setting.",
		"IssueWarningQuota":       "The size at which the folder's owners are warned, or Unlimited.",
		"ProhibitPostQuota":       "The size at which posting stops, or Unlimited.",
		"MaxItemSize":             "The largest item the folder takes, or Unlimited.",
		"MailEnabled":             "Mail-enables ($true) or mail-disables ($false) the folder, as Enable- and Disable-MailPublicFolder do.",
		"MailRecipientGuid":       "The Guid of the folder's mail recipient.",
		"PerUserReadStateEnabled": "Whether read and unread state is kept for each user (default $true).",
		"EformsLocaleId":          "The culture of the folder's electronic forms; $null clears it.",
		"Force":                   "Changes the folder without asking.",
	})
	set.Handler.Process = func(ctx *command.Context) error { return changeFolder(ctx, false) }

	remove := exo.Declared("Remove-PublicFolder")
	remove.Synopsis = "Removes a public folder; one with subfolders only with -Recurse, which removes them too."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{
		{Code: setup + "Remove-PublicFolder \\Sales -Recurse -Confirm:$false", Remark: "Removes \\Sales and every folder under it."},
	}
	exo.Describe(remove, map[string]string{
		"Identity": identityHelp,
		"Recurse":  "Also removes the folder's subfolders; without it a folder with subfolders is not removed.",
		"Mailbox":  mailboxHelp + " The hierarchy mailbox the removal goes through.",
	})
	remove.Handler.Process = func(ctx *command.Context) error { return changeFolder(ctx, true) }

	return []*command.Command{get, newFolder, set, remove}
}

// session is what one call knows of the public folders: the public
// folder mailboxes (the primary hierarchy mailbox first) and the
// hierarchy.
type session struct {
	ctx       *command.Context
	mailboxes []*directory.Mailbox
	h         *pf.Hierarchy
}

// open reads the public folders; without a public folder mailbox there
// are none, and the call is refused.
func open(ctx *command.Context, tx *store.Tx) (*session, *object.ErrorRecord, error) {
	ms, err := pf.ActiveMailboxes(tx)
	if err != nil {
		return nil, nil, err
	}
	if len(ms) == 0 {
		return nil, exo.Error(ctx, exInvalid, "No active public folder mailboxes were found. This happens when no public folder mailboxes are provisioned or they are provisioned in 'HoldForMigration' mode.", object.InvalidOperation, nil), nil
	}
	h, err := pf.Load(tx)
	return &session{ctx: ctx, mailboxes: ms, h: h}, nil, err
}

// find returns the folder an identity names (nil for the root): a path,
// a piped folder, or an EntryId.
func (s *session) find(v any) (*pf.Folder, *object.ErrorRecord) {
	id := strings.TrimSpace(exo.IdentityOf(v))
	if f, ok := s.h.Find(id); ok {
		return f, nil
	}
	for key, f := range s.h.ByID {
		if strings.EqualFold(key, id) {
			return f, nil
		}
	}
	return nil, exo.NotFound(s.ctx, id)
}

// mailboxArg returns the public folder mailbox an argument names.
func (s *session) mailboxArg(tx *store.Tx, v any) (*directory.Mailbox, *object.ErrorRecord, error) {
	m, rec, err := mailbox.ResolveMailbox(s.ctx, tx, v)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	if !pf.IsMailbox(m) {
		return nil, exo.Error(s.ctx, exArgument, fmt.Sprintf("The mailbox '%s' isn't a public folder mailbox.", m.Identity()), object.InvalidArgument, m.Identity()), nil
	}
	return m, nil, nil
}

// mailboxName is the name of the public folder mailbox guid, or the guid
// when it is gone.
func (s *session) mailboxName(guid string) string {
	for _, m := range s.mailboxes {
		if strings.EqualFold(m.Guid, guid) {
			return m.Name
		}
	}
	return guid
}

// object is the Get-PublicFolder object of f (nil the root), its
// properties in Exchange Online's order.
func (s *session) object(f *pf.Folder) *object.PSObject {
	o := object.NewObject(TypeFolder, "Deserialized.Microsoft.Exchange.Data.Storage.Management.MailboxFolder",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	root := s.mailboxes[0]
	id, name, parentPath, entryID, parentID := `\`, rootName, any(nil), rootEntryID(root.Guid), any(nil)
	content := root.Guid
	var folderPath []string
	children := s.h.Children("")
	rf := &pf.Folder{}
	if f != nil {
		rf = f
		id, name, parentPath, entryID, content = s.h.Path(f), f.Name, s.h.ParentPath(f), f.EntryID, f.ContentMailbox
		folderPath = strings.Split(strings.TrimPrefix(id, `\`), `\`)
		children = s.h.Children(f.EntryID)
		parentID = f.ParentID
		if f.ParentID == "" {
			parentID = rootEntryID(root.Guid)
		}
	}
	var locale, ageLimit, retain, recipient any
	if rf.EformsLocaleID != "" {
		locale = rf.EformsLocaleID
	}
	if rf.AgeLimit > 0 {
		ageLimit = spanText(rf.AgeLimit)
	}
	if rf.RetainDeletedItemsFor > 0 {
		retain = spanText(rf.RetainDeletedItemsFor)
	}
	if rf.MailRecipientGuid != "" {
		recipient = exo.GuidValue(rf.MailRecipientGuid)
	}
	quota := func(q directory.Quota) any {
		if q == 0 {
			q = directory.QuotaUnlimited
		}
		return exo.QuotaValue(q)
	}
	const tStr, tBool = "System.String", "System.Boolean"
	o.AddTyped("Identity", tStr, id)
	o.AddTyped("Name", tStr, name)
	o.AddTyped("MailEnabled", tBool, rf.MailEnabled)
	o.AddTyped("MailRecipientGuid", "System.Nullable`1[[System.Guid]]", recipient)
	o.AddTyped("ParentPath", tStr, parentPath)
	o.AddTyped("LostAndFoundFolderOriginalPath", tStr, nil)
	o.AddTyped("ContentMailboxName", tStr, s.mailboxName(content))
	o.AddTyped("ContentMailboxGuid", "System.Guid", exo.GuidValue(content))
	o.AddTyped("EformsLocaleId", "System.Globalization.CultureInfo", locale)
	o.AddTyped("PerUserReadStateEnabled", tBool, !rf.PerUserReadStateDisabled)
	o.AddTyped("EntryId", tStr, entryID)
	o.AddTyped("DumpsterEntryId", tStr, dumpsterID(entryID))
	o.AddTyped("ParentFolder", tStr, parentID)
	o.AddTyped("OrganizationId", tStr, nil)
	o.AddTyped("AgeLimit", "System.Nullable`1[[Microsoft.Exchange.Data.EnhancedTimeSpan]]", ageLimit)
	o.AddTyped("RetainDeletedItemsFor", "System.Nullable`1[[Microsoft.Exchange.Data.EnhancedTimeSpan]]", retain)
	o.AddTyped("ProhibitPostQuota", exo.TypeUnlimitedSize, quota(rf.ProhibitPostQuota))
	o.AddTyped("IssueWarningQuota", exo.TypeUnlimitedSize, quota(rf.IssueWarningQuota))
	o.AddTyped("MaxItemSize", exo.TypeUnlimitedSize, quota(rf.MaxItemSize))
	o.AddTyped("LastMovedTime", "System.Nullable`1[[System.DateTime]]", nil)
	o.AddTyped("AdminFolderFlags", tStr, nil)
	o.AddTyped("FolderSize", tStr, nil)
	o.AddTyped("HasSubfolders", tBool, len(children) > 0)
	o.AddTyped("FolderClass", tStr, "IPF.Note")
	o.AddTyped("FolderPath", "Deserialized.Microsoft.Exchange.Data.Storage.Management.MapiFolderPath", exo.MultiValued(folderPath))
	o.AddTyped("DefaultFolderType", tStr, nil)
	o.AddTyped("ExtendedFolderFlags", tStr, nil)
	o.AddTyped("MailboxOwnerId", tStr, s.mailboxName(content))
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ObjectState", tStr, "Unchanged")
	o.ToStringFunc = func() string { return id }
	return o
}

// rootEntryID is the EntryId of the root of the hierarchy, which the
// primary hierarchy mailbox holds.
func rootEntryID(mailboxGuid string) string {
	return "000000001A447390AA6611CD9BC800AA002FC45A0300" + strings.ToUpper(strings.ReplaceAll(mailboxGuid, "-", "")) + "0001"
}

// dumpsterID is the EntryId of a folder's dumpster (where its deleted
// items go): the folder's own with its last byte marking the dumpster.
func dumpsterID(entryID string) string { return entryID[:len(entryID)-2] + "DD" }

// spanText writes a duration as Exchange writes an EnhancedTimeSpan
// (d.hh:mm:ss).
func spanText(d time.Duration) string {
	days := int64(d / (24 * time.Hour))
	rest := d % (24 * time.Hour)
	hms := fmt.Sprintf("%02d:%02d:%02d", int64(rest/time.Hour), int64(rest%time.Hour/time.Minute), int64(rest%time.Minute/time.Second))
	if days > 0 {
		return fmt.Sprintf("%d.%s", days, hms)
	}
	return hms
}

func getFolders(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		s, rec, err := open(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		resident := ""
		if ctx.Has("Mailbox") || ctx.Switch("ResidentFolders") {
			m := s.mailboxes[0]
			if ctx.Has("Mailbox") {
				if m, rec, err = s.mailboxArg(tx, ctx.Value("Mailbox")); err != nil || rec != nil {
					return rec, err
				}
			}
			if ctx.Switch("ResidentFolders") {
				resident = m.Guid
			}
		}
		if ctx.Switch("LostAndFound") {
			// Only folders whose parent is lost go to the lost and found
			// folder; every folder of this tenant keeps its parent.
			return nil, nil
		}
		var start *pf.Folder
		if ctx.Has("Identity") && ctx.Value("Identity") != nil {
			if start, rec = s.find(ctx.Value("Identity")); rec != nil {
				return rec, nil
			}
		}
		startID := ""
		if start != nil {
			startID = start.EntryID
		}
		var list []*pf.Folder
		switch {
		case ctx.Switch("GetChildren"):
			list = s.h.Children(startID)
		case ctx.Switch("Recurse"):
			list = append([]*pf.Folder{start}, s.h.Descendants(startID)...)
		default:
			list = []*pf.Folder{start}
		}
		for _, f := range list {
			content := s.mailboxes[0].Guid
			if f != nil {
				content = f.ContentMailbox
			}
			if resident != "" && !strings.EqualFold(content, resident) {
				continue
			}
			objs = append(objs, s.object(f))
		}
		return nil, nil
	})
}

// refusal words an error of the public folder rules as Exchange's error
// record; other errors end the command.
func refusal(ctx *command.Context, err error) (*object.ErrorRecord, error) {
	var ne *pf.NameError
	var ve *store.ValidationError
	switch {
	case errors.As(err, &ne):
		return exo.Error(ctx, exArgument, ne.Error(), object.InvalidArgument, ne.Name), nil
	case errors.As(err, &ve):
		return exo.Error(ctx, exArgument, ve.Message, object.InvalidArgument, nil), nil
	}
	return nil, err
}

func createFolder(ctx *command.Context) error {
	name := ctx.String("Name")
	var s *session
	var parent *pf.Folder
	var content *directory.Mailbox
	var out *object.PSObject
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if s, rec, err = open(ctx, tx); err != nil || rec != nil {
			return rec, err
		}
		parent = nil
		if ctx.Has("Path") && ctx.Value("Path") != nil {
			if parent, rec = s.find(ctx.Value("Path")); rec != nil {
				return rec, nil
			}
		}
		content = s.mailboxes[0]
		if ctx.Has("Mailbox") {
			if content, rec, err = s.mailboxArg(tx, ctx.Value("Mailbox")); err != nil || rec != nil {
				return rec, err
			}
		} else if parent != nil {
			for _, m := range s.mailboxes {
				if strings.EqualFold(m.Guid, parent.ContentMailbox) {
					content = m
				}
			}
		}
		if !pf.ValidName(name) {
			return refusal(ctx, &pf.NameError{Name: name})
		}
		return nil, nil
	}
	done, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("Creating public folder \"%s\" under \"%s\".", name, s.h.Path(parent)), name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		f := &pf.Folder{Name: name, ContentMailbox: content.Guid}
		if parent != nil {
			f.ParentID = parent.EntryID
		}
		if rec := applyLocale(ctx, f); rec != nil {
			return rec, nil
		}
		if _, err := pf.Create(tx, s.h, f, authorRights()); err != nil {
			return refusal(ctx, err)
		}
		out = s.object(f)
		return nil, nil
	})
	if err != nil || !done || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// authorRights are the rights of the Author role, which the Default
// entry of a new folder has.
func authorRights() int {
	bits, _, _ := folderperms.ParseRights([]string{"Author"})
	return bits
}

// applyLocale sets -EformsLocaleId: a culture name, or $null to clear it.
func applyLocale(ctx *command.Context, f *pf.Folder) *object.ErrorRecord {
	if !ctx.Has("EformsLocaleId") {
		return nil
	}
	v := object.Unwrap(ctx.Value("EformsLocaleId"))
	if v == nil {
		f.EformsLocaleID = ""
		return nil
	}
	// The cultures are those the tenant knows the formats of.
	name := object.ToInvariantString(v)
	c, ok := regional.LookupCulture(name)
	if !ok {
		return exo.Error(ctx, exArgument, fmt.Sprintf("The value \"%s\" isn't valid for the EformsLocaleId parameter.", name), object.InvalidArgument, name)
	}
	f.EformsLocaleID = c.Name
	return nil
}

// openFolder reads the public folders and finds the folder -Identity
// names, which a change needs: rootRefusal refuses the root.
func openFolder(ctx *command.Context, tx *store.Tx, rootRefusal string) (*session, *pf.Folder, string, *object.ErrorRecord, error) {
	s, rec, err := open(ctx, tx)
	if err != nil || rec != nil {
		return nil, nil, "", rec, err
	}
	f, rec := s.find(ctx.Value("Identity"))
	if rec != nil {
		return nil, nil, "", rec, nil
	}
	if f == nil {
		return nil, nil, "", exo.Error(ctx, exInvalid, rootRefusal, object.InvalidOperation, `\`), nil
	}
	return s, f, s.h.Path(f), nil, nil
}

// changeFolder changes (Set-PublicFolder) or removes
// (Remove-PublicFolder) the folder -Identity names, asking first. The
// root can be neither; a folder with subfolders is removed only with
// -Recurse, as the cmdlet's reference describes.
func changeFolder(ctx *command.Context, remove bool) error {
	var s *session
	var f *pf.Folder
	var path string
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if s, f, path, rec, err = openFolder(ctx, tx, "The root public folder (\\) can't be changed or removed."); err != nil || rec != nil {
			return rec, err
		}
		if remove && !ctx.Switch("Recurse") && len(s.h.Children(f.EntryID)) > 0 {
			return exo.Error(ctx, exInvalid, fmt.Sprintf("The public folder '%s' has subfolders. Use the Recurse parameter to remove it with its subfolders.", path), object.InvalidOperation, path), nil
		}
		if remove && ctx.Has("Mailbox") {
			if _, rec, err := s.mailboxArg(tx, ctx.Value("Mailbox")); err != nil || rec != nil {
				return rec, err
			}
		}
		return nil, nil
	}
	prompt := func() (string, string) {
		if remove {
			return fmt.Sprintf("Removing public folder \"%s\".", path), path
		}
		return fmt.Sprintf("Setting public folder \"%s\".", path), path
	}
	apply := func(tx *store.Tx) (*object.ErrorRecord, error) {
		if remove {
			return nil, pf.Delete(tx, s.h, f)
		}
		if rec := applySettings(ctx, s, f); rec != nil {
			return rec, nil
		}
		err := pf.Update(tx, s.h, f)
		// -MailEnabled mail-enables or mail-disables the folder as
		// Enable- and Disable-MailPublicFolder do.
		switch want := ctx.Bool("MailEnabled"); {
		case err != nil || !ctx.Has("MailEnabled"):
		case want && f.Mail == nil:
			err = pf.MailEnable(tx, s.h, f, false)
		case !want && f.Mail != nil:
			err = pf.MailDisable(tx, s.h, f)
		}
		if err != nil {
			return refusal(ctx, err)
		}
		return nil, nil
	}
	if !remove && ctx.Switch("Force") {
		_, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			if rec, err := plan(tx); rec != nil || err != nil {
				return rec, err
			}
			return apply(tx)
		})
		return err
	}
	_, err := exo.Confirmed(ctx, "", plan, prompt, apply)
	return err
}

// applySettings sets what a Set-PublicFolder call names on f.
func applySettings(ctx *command.Context, s *session, f *pf.Folder) *object.ErrorRecord {
	bad := func(param string, v any) *object.ErrorRecord {
		text := object.ToInvariantString(object.Unwrap(v))
		return exo.Error(ctx, exArgument, fmt.Sprintf("The value \"%s\" isn't valid for the %s parameter.", text, param), object.InvalidArgument, text)
	}
	if ctx.Has("Name") {
		f.Name = ctx.String("Name")
	}
	if ctx.Has("Path") {
		parent, rec := s.find(ctx.Value("Path"))
		if rec != nil {
			return rec
		}
		f.ParentID = ""
		if parent != nil {
			f.ParentID = parent.EntryID
		}
	}
	for _, p := range []struct {
		name string
		to   *time.Duration
	}{{"AgeLimit", &f.AgeLimit}, {"RetainDeletedItemsFor", &f.RetainDeletedItemsFor}} {
		if !ctx.Has(p.name) {
			continue
		}
		v := ctx.Value(p.name)
		if object.Unwrap(v) == nil {
			*p.to = 0
			continue
		}
		d, ok := exo.ParseEnhancedTimeSpan(v)
		if !ok || d <= 0 {
			return bad(p.name, v)
		}
		*p.to = d
	}
	for _, p := range []struct {
		name string
		to   *directory.Quota
	}{{"IssueWarningQuota", &f.IssueWarningQuota}, {"ProhibitPostQuota", &f.ProhibitPostQuota}, {"MaxItemSize", &f.MaxItemSize}} {
		if !ctx.Has(p.name) {
			continue
		}
		v := ctx.Value(p.name)
		q, ok := exo.ParseQuota(v)
		if !ok || q == 0 {
			return bad(p.name, v)
		}
		*p.to = q
	}
	if ctx.Has("MailRecipientGuid") {
		f.MailRecipientGuid = ""
		if v := object.Unwrap(ctx.Value("MailRecipientGuid")); v != nil {
			f.MailRecipientGuid = strings.ToLower(object.ToInvariantString(v))
		}
		if f.Mail != nil {
			f.Mail.Guid = f.MailRecipientGuid
		}
	}
	if ctx.Has("PerUserReadStateEnabled") {
		f.PerUserReadStateDisabled = !ctx.Bool("PerUserReadStateEnabled")
	}
	return applyLocale(ctx, f)
}
