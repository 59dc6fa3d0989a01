// Package folderperms declares the Exchange Online cmdlets of mailbox
// folder permissions: Get-, Add-, Set- and Remove-MailboxFolderPermission
// and Get-EXOMailboxFolderPermission (who may read, create, edit or
// delete what in one folder of a mailbox; calendar sharing and
// delegates), over the tables the tenant keeps (store/folderperms), with
// the default view of their objects.
package folderperms

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/folderstats"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/permissions"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	perms "github.com/exosim/exosim/store/folderperms"
	dirperms "github.com/exosim/exosim/store/permissions"
)

// Output types. Exchange Online objects reach the client deserialized.
const (
	TypePermission    = "Deserialized.Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission"
	TypeEXOPermission = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoMailboxFolderPermission"
	TypeUser          = "Deserialized.Microsoft.Exchange.Management.StoreTasks.MailboxFolderUserId"
)

// Exception types of the errors this package writes.
const (
	exNotFound    = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
	exNoEntry     = "Microsoft.Exchange.Management.StoreTasks.UserNotFoundInPermissionEntryException"
	exInvalidArgs = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxFolderPermission", "Add-MailboxFolderPermission", "Set-MailboxFolderPermission", "Remove-MailboxFolderPermission", "Get-EXOMailboxFolderPermission"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the table Exchange Online prints: the folder's name and
// the holder 20 wide, the rights and the sharing flags sharing the rest of
// the line.
func Views(r *format.Registry) {
	for _, t := range []string{TypePermission, TypeEXOPermission} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "FolderName", Width: 20, Property: "FolderName"},
			{Label: "User", Width: 20, Property: "User"},
			{Label: "AccessRights", Property: "AccessRights"},
			{Label: "SharingPermissionFlags", Property: "SharingPermissionFlags"},
		}})
	}
}

func commands() []*command.Command {
	rightsType := &params.Type{Kind: params.KindEnum, Name: "MailboxFolderAccessRight[]", FullName: "Microsoft.Exchange.Management.StoreTasks.MailboxFolderAccessRight",
		Array: true, Values: perms.RightNames()}
	flagsType := &params.Type{Kind: params.KindEnum, Name: "MailboxFolderPermissionFlags", FullName: "Microsoft.Exchange.Data.Storage.Management.MailboxFolderPermissionFlags",
		Array: true, Values: perms.FlagNames}
	identityHelp := "The folder: mailbox:\\folder (john@contoso.com:\\Calendar, John:\\Inbox\\Reports), mailbox:FolderId, or the mailbox alone for its top folder."
	userHelp := "Who the entry is for: a mailbox user, mail user or mail-enabled security group, or Default or Anonymous."

	get := exo.Declared("Get-MailboxFolderPermission")
	get.Synopsis = "Lists the permission table of a mailbox folder: Default, Anonymous and the people and groups given rights on it."
	get.Description = "Shows who may do what in one folder: the Default entry (everyone in the organization), the Anonymous entry and each entry added with Add-MailboxFolderPermission, with its rights (a role such as Reviewer or Editor, or single rights) and, on calendars, its delegate flags. Folder names are the mailbox's own (English in this tenant); the mailbox alone means its top folder."
	get.OutputType = TypePermission
	get.Examples = []command.Example{
		{Code: "Get-MailboxFolderPermission annb:\\Calendar", Remark: "Lists who can see Anne's calendar and how much."},
		{Code: "Get-MailboxFolderPermission annb:\\Calendar -User marion", Remark: "Shows Mario's entry on the calendar (an error when he has none)."},
		{Code: "Get-MailboxFolderPermission annb:\\Inbox | Where-Object { $_.User -notin 'Default','Anonymous' }", Remark: "Lists the people given rights on the inbox."},
	}
	exo.Describe(get, map[string]string{
		"Identity":         identityHelp,
		"User":             "Shows only this holder's entry.",
		"ResultSize":       "How many entries to show (default 1000) or Unlimited.",
		"SkipCount":        "Leaves out this many entries first.",
		"UseCustomRouting": "Accepted; requests are not routed.",
	})
	get.Handler.Process = func(ctx *command.Context) error { return getPermissions(ctx, ctx.Value("Identity"), false) }

	exoGet := exo.Declared("Get-EXOMailboxFolderPermission")
	exoGet.Synopsis = "Lists the permission table of a mailbox folder (REST-based cmdlet)."
	exoGet.OutputType = TypeEXOPermission
	exoGet.Examples = []command.Example{
		{Code: "Get-EXOMailboxFolderPermission -Identity annb:\\Calendar", Remark: "Lists who can see Anne's calendar."},
	}
	exo.Describe(exoGet, map[string]string{
		"Identity":                  identityHelp,
		"ExternalDirectoryObjectId": "The mailbox by its Microsoft Entra object ID (its top folder).",
		"PrimarySmtpAddress":        "The mailbox by its primary address (its top folder).",
		"UserPrincipalName":         "The mailbox by its sign-in name (its top folder).",
		"User":                      "Shows only this holder's entry.",
	})
	exoGet.Handler.Process = func(ctx *command.Context) error {
		for _, n := range []string{"Identity", "ExternalDirectoryObjectId", "PrimarySmtpAddress", "UserPrincipalName"} {
			if ctx.Has(n) {
				return getPermissions(ctx, ctx.Value(n), true)
			}
		}
		return ctx.Fail(exo.Error(ctx, exInvalidArgs, "Please specify an identity: Identity, ExternalDirectoryObjectId, PrimarySmtpAddress or UserPrincipalName.", object.InvalidArgument, nil))
	}

	add := exo.Declared("Add-MailboxFolderPermission")
	add.Synopsis = "Gives a user or mail-enabled security group rights on a mailbox folder (a new entry in its permission table)."
	add.OutputType = TypePermission
	add.ConfirmImpact = command.ImpactMedium
	add.Examples = []command.Example{
		{Code: "Add-MailboxFolderPermission annb:\\Calendar -User meganb -AccessRights Reviewer", Remark: "Lets Megan read Anne's calendar."},
		{Code: "Add-MailboxFolderPermission annb:\\Calendar -User alexw -AccessRights Editor -SharingPermissionFlags Delegate,CanViewPrivateItems", Remark: "Makes Alex a calendar delegate who also sees private items."},
	}
	addHelp := map[string]string{
		"Identity":               identityHelp,
		"User":                   userHelp,
		"AccessRights":           "A role (Owner, PublishingEditor, Editor, PublishingAuthor, Author, NonEditingAuthor, Reviewer, Contributor, None; AvailabilityOnly and LimitedDetails on calendars) or single rights such as ReadItems,FolderVisible.",
		"SharingPermissionFlags": "Calendar delegates (with Editor only): Delegate, and CanViewPrivateItems with it.",
		"SendNotificationToUser": "Sends a sharing invitation (calendars only, with AvailabilityOnly, LimitedDetails, Reviewer or Editor); exosim sends no mail.",
	}
	exo.Describe(add, addHelp)
	exo.DeclaredParam(add, "AccessRights").Type = rightsType
	exo.DeclaredParam(add, "SharingPermissionFlags").Type = flagsType
	add.Handler.Process = func(ctx *command.Context) error { return changePermission(ctx, opAdd) }

	set := exo.Declared("Set-MailboxFolderPermission")
	set.Synopsis = "Changes the rights of an existing entry of a mailbox folder's permission table."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-MailboxFolderPermission annb:\\Calendar -User Default -AccessRights LimitedDetails", Remark: "Lets everyone in the organization see subjects and locations on Anne's calendar."},
		{Code: "Set-MailboxFolderPermission annb:\\Calendar -User marion -AccessRights Editor", Remark: "Changes Mario's entry (he must have one: Add-MailboxFolderPermission adds it)."},
	}
	exo.Describe(set, addHelp)
	exo.DeclaredParam(set, "AccessRights").Type = rightsType
	exo.DeclaredParam(set, "SharingPermissionFlags").Type = flagsType
	set.Handler.Process = func(ctx *command.Context) error { return changePermission(ctx, opSet) }

	remove := exo.Declared("Remove-MailboxFolderPermission")
	remove.Synopsis = "Removes a holder's entry from a mailbox folder's permission table, or clears the calendar's delegates."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{
		{Code: "Remove-MailboxFolderPermission annb:\\Calendar -User marion -Confirm:$false", Remark: "Takes Mario's entry off the calendar."},
		{Code: "Remove-MailboxFolderPermission annb:\\Calendar -ResetDelegateUserCollection", Remark: "Clears the delegate flags of every calendar entry (their rights stay)."},
	}
	exo.Describe(remove, map[string]string{
		"Identity":                    identityHelp,
		"User":                        "Whose entry to remove.",
		"Force":                       "Skips the confirmation of -ResetDelegateUserCollection.",
		"ResetDelegateUserCollection": "Clears the delegate flags of every entry on the calendar; the entries and their rights stay.",
		"SendNotificationToUser":      "Accepted; exosim sends no mail.",
	})
	remove.Handler.Process = func(ctx *command.Context) error { return changePermission(ctx, opRemove) }

	// A Microsoft 365 group's mailbox has no folders in this tenant.
	return []*command.Command{exo.Partial(get, "Identity", "User", "ResultSize", "SkipCount", "UseCustomRouting"), add, set, remove,
		exo.Partial(exoGet, "Identity", "ExternalDirectoryObjectId", "PrimarySmtpAddress", "UserPrincipalName", "User")}
}

// folder is the mailbox folder an identity names.
type folder struct {
	mbx *directory.Mailbox
	f   perms.Folder
	// name is the folder's name; identity the folder as Exchange shows it
	// (annb:\Calendar).
	name, identity string
}

// splitFolderIdentity splits a folder identity into its mailbox and its
// folder: "mbx:\path" names a folder by path (empty: the top folder),
// "mbx:FolderId" by its store ID, "mbx" alone the top folder; an empty
// mbx is the signed-in user's own mailbox.
func splitFolderIdentity(s string) (mbx, path, id string) {
	if i := strings.Index(s, `:\`); i >= 0 {
		return s[:i], s[i+2:], ""
	}
	if i := strings.LastIndex(s, ":"); i > 0 {
		return s[:i], "", s[i+1:]
	}
	return s, "", ""
}

// folderNotFound is Exchange's error for a folder identity that names no
// folder.
func folderNotFound(ctx *command.Context, shown string) *object.ErrorRecord {
	return exo.Error(ctx, exNotFound, fmt.Sprintf("The operation couldn't be performed because '%s' couldn't be found.", shown), object.ObjectNotFound, shown)
}

// resolveFolder finds the folder an identity names: the mailbox by any
// of its identities, then the folder by the names of its path (as the
// mailbox names them; a folder of the Recoverable Items subtree is not
// reachable) or by its store ID.
func resolveFolder(ctx *command.Context, tx *store.Tx, v any) (*folder, *object.ErrorRecord, error) {
	raw, _ := mailbox.IdentityString(object.Unwrap(v))
	shown := strings.TrimSpace(raw)
	mbxID, path, fid := splitFolderIdentity(shown)
	mbxID = strings.TrimSpace(mbxID)
	if mbxID == "" && (path != "" || strings.HasPrefix(shown, ":")) {
		// ":\Inbox" is a folder of the signed-in user's own mailbox
		mbxID = exo.Caller(runtime.Of(ctx))
	}
	if mbxID == "" {
		return nil, folderNotFound(ctx, shown), nil
	}
	m, rec, err := mailbox.ResolveOne(ctx, tx, mbxID, mbxID, directory.ScopeActive, false)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	c, err := directory.GetMailboxContent(tx, m.Guid)
	if err != nil {
		return nil, nil, err
	}
	want := "/" + strings.ReplaceAll(strings.Trim(path, `\`), `\`, "/")
	for i := range c.Primary {
		f := &c.Primary[i]
		if f.Recoverable {
			continue
		}
		var ok bool
		switch {
		case fid != "":
			ok = strings.EqualFold(folderstats.FolderID(m, f.FolderPath), fid)
		case want == "/":
			ok = f.FolderType == "Root"
		default:
			ok = f.FolderType != "Root" && strings.EqualFold(f.FolderPath, want)
		}
		if !ok {
			continue
		}
		rel := strings.ReplaceAll(strings.TrimPrefix(f.FolderPath, "/"), "/", `\`)
		if f.FolderType == "Root" {
			rel = ""
		}
		return &folder{mbx: m, f: perms.Folder{MailboxGuid: m.Guid, Path: f.FolderPath, Calendar: f.FolderType == "Calendar"},
			name: f.Name, identity: m.Identity() + `:\` + rel}, nil, nil
	}
	return nil, folderNotFound(ctx, shown), nil
}

// resolveHolder finds the holder a -User value names: Default, Anonymous,
// or a user or mail-enabled security group.
func resolveHolder(ctx *command.Context, tx *store.Tx, v any, hs *permissions.Holders) (perms.Holder, *object.ErrorRecord, error) {
	s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(v)))
	for _, k := range []string{perms.KindDefault, perms.KindAnonymous} {
		if strings.EqualFold(s, k) {
			return perms.Holder{ID: k, Kind: k, Name: k}, nil, nil
		}
	}
	p, rec, err := permissions.ResolvePrincipal(ctx, tx, v)
	if err != nil || rec != nil {
		return perms.Holder{}, rec, err
	}
	if p.Self {
		return perms.Holder{}, exo.RecipientNotFound(ctx, s), nil
	}
	kind := perms.KindUser
	if p.Kind == dirperms.TrusteeGroup {
		kind = perms.KindGroup
	}
	info := hs.Of(p.ID, p.Kind)
	name := info.Display
	if name == "" {
		name = info.Name
	}
	return perms.Holder{ID: p.ID, Kind: kind, Name: name}, nil, nil
}

// userObject is the User value of an entry: how its holder shows, with
// its type (Default, Anonymous, Internal, or Unknown for a holder gone
// from the directory).
func userObject(e *perms.Entry, hs *permissions.Holders) *object.PSObject {
	o := object.NewObject(TypeUser, "Deserialized.System.Object")
	display, userType, upn := e.HolderKind, e.HolderKind, any(nil)
	if e.HolderKind == perms.KindUser || e.HolderKind == perms.KindGroup {
		kind := dirperms.TrusteeUser
		if e.HolderKind == perms.KindGroup {
			kind = dirperms.TrusteeGroup
		}
		info := hs.Of(e.Holder, kind)
		switch {
		case info.Gone:
			display, userType = "NT:"+info.SID, "Unknown"
		default:
			display, userType = info.Display, "Internal"
			if display == "" {
				display = info.Name
			}
			if kind == dirperms.TrusteeUser {
				upn = info.Name
			}
		}
	}
	o.AddTyped("UserType", "System.String", userType)
	o.AddTyped("DisplayName", "System.String", display)
	o.AddTyped("UserPrincipalName", "System.String", upn)
	o.AddTyped("RecipientPrincipal", "System.String", nil)
	d := display
	o.ToStringFunc = func() string { return d }
	return o
}

// permissionObject is the object of one entry.
func permissionObject(typeName string, fo *folder, e *perms.Entry, hs *permissions.Holders) *object.PSObject {
	o := object.NewObject(typeName, "Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	o.AddTyped("FolderName", "System.String", fo.name)
	o.AddTyped("User", TypeUser, userObject(e, hs))
	o.AddTyped("AccessRights", "Deserialized.Microsoft.Exchange.Management.StoreTasks.MailboxFolderAccessRight[]", exo.MultiValued(perms.Names(e.Rights)))
	var flags any
	if len(e.SharingFlags) > 0 {
		flags = strings.Join(e.SharingFlags, ", ")
	}
	o.AddTyped("SharingPermissionFlags", "System.String", flags)
	o.AddTyped("Identity", "System.String", fo.identity)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "New")
	id := fo.identity
	o.ToStringFunc = func() string { return id }
	return o
}

func getPermissions(ctx *command.Context, ident any, rest bool) error {
	limit, explicit := -1, false
	if !rest {
		var err error
		limit, explicit, err = mailbox.ResultSize(ctx)
		if err != nil {
			return err
		}
	}
	typeName := TypePermission
	if rest {
		typeName = TypeEXOPermission
	}
	var objs []*object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		fo, rec, err := resolveFolder(ctx, tx, ident)
		if err != nil || rec != nil {
			return rec, err
		}
		hs, err := permissions.NewHolders(tx)
		if err != nil {
			return nil, err
		}
		es, err := perms.List(tx, fo.f)
		if err != nil {
			return nil, err
		}
		if ctx.Has("User") {
			h, rec, err := resolveHolder(ctx, tx, ctx.Value("User"), hs)
			if err != nil || rec != nil {
				return rec, err
			}
			var only []*perms.Entry
			for _, e := range es {
				if strings.EqualFold(e.Holder, h.ID) {
					only = append(only, e)
				}
			}
			if len(only) == 0 {
				return noEntry(ctx, h.Name), nil
			}
			es = only
		}
		if n := ctx.Int("SkipCount"); n > 0 {
			if n > len(es) {
				n = len(es)
			}
			es = es[n:]
		}
		for _, e := range es {
			objs = append(objs, permissionObject(typeName, fo, e, hs))
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}

// noEntry is Exchange's error for a holder without an entry on the folder.
func noEntry(ctx *command.Context, user string) *object.ErrorRecord {
	return exo.Error(ctx, exNoEntry, "There is no existing permission entry found for user: "+user+".", object.NotSpecified, user)
}

// The changes the cmdlets make.
const (
	opAdd = iota
	opSet
	opRemove
)

// calendarNotifyRoles are the rights SendNotificationToUser works with.
var calendarNotifyRoles = []string{"AvailabilityOnly", "LimitedDetails", "Reviewer", "Editor"}

func changePermission(ctx *command.Context, op int) error {
	reset := op == opRemove && ctx.Switch("ResetDelegateUserCollection")
	var rights int
	var flags *[]string
	if op != opRemove {
		var bad string
		if perms.MixesRolesAndRights(ctx.Strings("AccessRights")) {
			// Exchange's AccessRights parameter refuses the mix as it is set.
			return ctx.WriteError(exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
				"Cannot bind parameter 'AccessRights' to the target. Exception setting \"AccessRights\": \"The access rights of a mailbox folder can't contain both specific permissions and precanned roles.\"",
				object.InvalidArgument, nil))
		}
		rights, bad, _ = perms.ParseRights(ctx.Strings("AccessRights"))
		if bad != "" {
			return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("'%s' isn't a mailbox folder access right.", bad), bad))
		}
		if ctx.Has("SharingPermissionFlags") {
			fl, bad := perms.ParseFlags(ctx.Strings("SharingPermissionFlags"))
			if bad != "" {
				return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("'%s' isn't a sharing permission flag.", bad), bad))
			}
			flags = &fl
		} else if ctx.Has("SendNotificationToUser") {
			// SendNotificationToUser without flags means no delegate flags
			none := []string{}
			flags = &none
		}
	}
	if !reset && !ctx.Has("User") {
		return ctx.WriteError(exo.Invalid(ctx, "The User parameter must be specified.", nil))
	}
	var fo *folder
	var who perms.Holder
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		fo, rec, err = resolveFolder(ctx, tx, ctx.Value("Identity"))
		if err != nil || rec != nil {
			return rec, err
		}
		if reset {
			if !fo.f.Calendar {
				return exo.InvalidOperation(ctx, "ResetDelegateUserCollection can only be used on the calendar folder.", fo.identity), nil
			}
			return nil, nil
		}
		hs, err := permissions.NewHolders(tx)
		if err != nil {
			return nil, err
		}
		who, rec, err = resolveHolder(ctx, tx, ctx.Value("User"), hs)
		if err != nil || rec != nil {
			return rec, err
		}
		if op != opRemove && ctx.Has("SendNotificationToUser") && ctx.Bool("SendNotificationToUser") {
			names := perms.Names(rights)
			if !fo.f.Calendar || len(names) != 1 || !exo.ContainsFold(calendarNotifyRoles, names[0]) {
				return exo.InvalidOperation(ctx, "SendNotificationToUser can only be used on calendar folders, with the AccessRights AvailabilityOnly, LimitedDetails, Reviewer or Editor.", fo.identity), nil
			}
		}
		return nil, nil
	}
	prompt := func() (string, string) {
		// The prompts name the folder and the holder as they were typed
		// and the rights as they were given.
		typed := mailbox.TypedIdentity(ctx, "")
		user := who.Name
		if ctx.Has("User") {
			user = strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("User"))))
		}
		switch {
		case reset:
			return fmt.Sprintf("Resetting the delegates of mailbox folder \"%s\".", fo.identity), fo.identity
		case op == opAdd:
			return fmt.Sprintf("Adding mailbox folder permission on \"%s\" for user \"%s\", access rights \"%s\".", typed, user, quoted(ctx.Strings("AccessRights"))), fo.identity
		case op == opSet:
			return fmt.Sprintf("Setting mailbox folder permission \"%s\" on \"%s\" for user \"%s\".", quoted(ctx.Strings("AccessRights")), typed, user), fo.identity
		}
		return fmt.Sprintf("Removing mailbox folder permission on \"%s\" for user \"%s\".", typed, user), fo.identity
	}
	var out *object.PSObject
	done, err := exo.Confirmed(ctx, "", plan, prompt, func(tx *store.Tx) (*object.ErrorRecord, error) {
		switch {
		case reset:
			return nil, perms.ResetDelegates(tx, fo.f)
		case op == opRemove:
			return nil, perms.Remove(tx, fo.f, who)
		case op == opSet:
			_, err := perms.Set(tx, fo.f, who, rights, flags)
			return nil, err
		}
		var fl []string
		if flags != nil {
			fl = *flags
		}
		e, err := perms.Add(tx, fo.f, who, rights, fl)
		if err != nil {
			return nil, err
		}
		hs, err := permissions.NewHolders(tx)
		if err != nil {
			return nil, err
		}
		out = permissionObject(TypePermission, fo, e, hs)
		return nil, nil
	})
	if err != nil || !done || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// quoted renders rights the way Exchange's prompts quote them.
func quoted(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = "'" + n + "'"
	}
	return strings.Join(parts, ", ")
}

// Folder is a mailbox folder a MailboxFolderIdParameter names: its
// mailbox, its path as the directory keeps it, its name and its identity
// as Exchange shows it (annb:\Calendar).
type Folder struct {
	Mailbox           *directory.Mailbox
	Path, Name, Shown string
	Calendar          bool
}

// ResolveFolder finds the folder a MailboxFolderIdParameter value names
// (mailbox:\path, mailbox:FolderId, or the mailbox alone for its top
// folder); rec is Exchange's error when it names none.
func ResolveFolder(ctx *command.Context, tx *store.Tx, v any) (*Folder, *object.ErrorRecord, error) {
	fo, rec, err := resolveFolder(ctx, tx, v)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	return &Folder{Mailbox: fo.mbx, Path: fo.f.Path, Name: fo.name, Shown: fo.identity, Calendar: fo.f.Calendar}, nil, nil
}

// ResolveHolder finds the holder a -User value names: Default, Anonymous,
// or a user or mail-enabled security group; rec is Exchange's error when
// it names none.
func ResolveHolder(ctx *command.Context, tx *store.Tx, v any, hs *permissions.Holders) (perms.Holder, *object.ErrorRecord, error) {
	return resolveHolder(ctx, tx, v, hs)
}

// EntryObject is the object of an entry of the permission table of a
// folder named name whose Identity is identity, of type typeName.
func EntryObject(typeName, name, identity string, e *perms.Entry, hs *permissions.Holders) *object.PSObject {
	return permissionObject(typeName, &folder{name: name, identity: identity}, e, hs)
}
