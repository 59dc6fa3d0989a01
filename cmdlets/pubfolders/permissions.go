package pubfolders

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/folderperms"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/permissions"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	perms "github.com/exosim/exosim/store/folderperms"
	pf "github.com/exosim/exosim/store/pubfolders"
)

// The client permissions of public folders: who may read, post, edit or
// delete what in a folder. Every folder has a Default entry (everyone in
// the organization, the Author role on a new folder) and an Anonymous
// entry (no rights); Add-PublicFolderClientPermission adds a user or
// mail-enabled security group with a role (Owner, PublishingEditor,
// Editor, PublishingAuthor, Author, NonEditingAuthor, Reviewer,
// Contributor, None) or single rights, and Remove- takes the entry off.
// Default and Anonymous stay: removing one leaves it with no rights.
// Their objects are mailbox folder permissions, as Exchange Online
// writes them for public folders too, shown in the same table.

func permissionCommands() []*command.Command {
	rightsType := &params.Type{Kind: params.KindEnum, Name: "MailboxFolderAccessRight[]", FullName: "Microsoft.Exchange.Management.StoreTasks.MailboxFolderAccessRight",
		Array: true, Values: publicRights()}
	userHelp := "Who the entry is for: a mailbox user or mail-enabled security group, or Default or Anonymous."

	get := exo.Declared("Get-PublicFolderClientPermission")
	get.Synopsis = "Lists the client permissions of a public folder: Default, Anonymous and the users and groups given rights on it."
	get.OutputType = folderperms.TypePermission
	get.Examples = []command.Example{
		{Code: setup + "Get-PublicFolderClientPermission \\Sales", Remark: "Makes a folder, then lists who may do what in it."},
		{Code: "Get-PublicFolder -Recurse | Get-PublicFolderClientPermission", Remark: "Lists the client permissions of every folder."},
	}
	exo.Describe(get, map[string]string{
		"Identity":   identityHelp,
		"User":       "Shows only this holder's entry.",
		"Mailbox":    "A public folder mailbox whose copy of the hierarchy is read.",
		"ResultSize": "How many entries to show (default 1000) or Unlimited.",
	})
	get.Handler.Process = getPermissions

	add := exo.Declared("Add-PublicFolderClientPermission")
	add.Synopsis = "Gives a user or mail-enabled security group rights on a public folder (a new entry in its client permissions)."
	add.OutputType = folderperms.TypePermission
	add.ConfirmImpact = command.ImpactMedium
	add.Examples = []command.Example{
		{Code: setup + "Add-PublicFolderClientPermission \\Sales -User meganb -AccessRights PublishingEditor", Remark: "Lets Megan post, edit and delete items and make subfolders in \\Sales."},
		{Code: "Add-PublicFolderClientPermission \\Sales\\Reports -User alexw -AccessRights ReadItems,FolderVisible", Remark: "Gives Alex single rights: see the folder and read its items."},
	}
	exo.Describe(add, map[string]string{
		"Identity":     identityHelp,
		"User":         userHelp,
		"AccessRights": "A role (Owner, PublishingEditor, Editor, PublishingAuthor, Author, NonEditingAuthor, Reviewer, Contributor, None) or single rights such as ReadItems,FolderVisible.",
	})
	exo.DeclaredParam(add, "AccessRights").Type = rightsType
	add.Handler.Process = func(ctx *command.Context) error { return changePermission(ctx, false) }

	remove := exo.Declared("Remove-PublicFolderClientPermission")
	remove.Synopsis = "Removes a user's or group's entry from a public folder's client permissions; Default and Anonymous are left with no rights."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{
		{Code: setup + "Add-PublicFolderClientPermission \\Sales -User meganb -AccessRights Editor | Out-Null; Remove-PublicFolderClientPermission \\Sales -User meganb -Confirm:$false", Remark: "Gives Megan the Editor role, then takes her entry off."},
	}
	exo.Describe(remove, map[string]string{
		"Identity": identityHelp,
		"User":     "Whose entry to remove.",
	})
	remove.Handler.Process = func(ctx *command.Context) error { return changePermission(ctx, true) }

	return []*command.Command{get, add, remove}
}

// publicRights are the AccessRights values of public folders: those of
// mailbox folders without the two free/busy roles, which belong to
// calendars.
func publicRights() []string {
	var out []string
	for _, n := range perms.RightNames() {
		if n != "AvailabilityOnly" && n != "LimitedDetails" {
			out = append(out, n)
		}
	}
	return out
}

// rootPermissions are the entries of the hierarchy's root, which keeps
// the defaults every folder starts with.
func rootPermissions() []pf.Permission {
	return []pf.Permission{{Holder: pf.HolderDefault, Rights: authorRights()}, {Holder: pf.HolderAnonymous}}
}

// entryObject is the object of one client permission entry of f (nil
// the root).
func (s *session) entryObject(f *pf.Folder, p pf.Permission, hs *permissions.Holders) *object.PSObject {
	name, path := rootName, `\`
	if f != nil {
		name, path = f.Name, s.h.Path(f)
	}
	kind := p.Kind
	if kind == "" {
		kind = p.Holder
	}
	e := &perms.Entry{Holder: p.Holder, HolderKind: kind, Rights: p.Rights}
	return folderperms.EntryObject(folderperms.TypePermission, name, path, e, hs)
}

func getPermissions(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		s, rec, err := open(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		if ctx.Has("Mailbox") {
			if _, rec, err := s.mailboxArg(tx, ctx.Value("Mailbox")); err != nil || rec != nil {
				return rec, err
			}
		}
		f, rec := s.find(ctx.Value("Identity"))
		if rec != nil {
			return rec, nil
		}
		list := rootPermissions()
		if f != nil {
			list = f.Permissions
		}
		hs, err := permissions.NewHolders(tx)
		if err != nil {
			return nil, err
		}
		if ctx.Has("User") {
			h, rec, err := folderperms.ResolveHolder(ctx, tx, ctx.Value("User"), hs)
			if err != nil || rec != nil {
				return rec, err
			}
			var only []pf.Permission
			for _, p := range list {
				if strings.EqualFold(p.Holder, h.ID) {
					only = append(only, p)
				}
			}
			if len(only) == 0 {
				return noEntry(ctx, h.Name), nil
			}
			list = only
		}
		for _, p := range list {
			objs = append(objs, s.entryObject(f, p, hs))
		}
		return nil, nil
	})
}

// noEntry is Exchange's error for a holder without an entry on the folder.
func noEntry(ctx *command.Context, user string) *object.ErrorRecord {
	return exo.Error(ctx, "Microsoft.Exchange.Management.StoreTasks.UserNotFoundInPermissionEntryException", "There is no existing permission entry found for user: "+user+".", object.NotSpecified, user)
}

// changePermission adds (Add-PublicFolderClientPermission) or removes
// (Remove-) a holder's entry on the folder -Identity names, asking
// first.
func changePermission(ctx *command.Context, remove bool) error {
	var rights int
	if !remove {
		names := ctx.Strings("AccessRights")
		if len(names) == 0 {
			// a mandatory array parameter refuses an empty array
			return ctx.Fail(ctx.NewError("Cannot bind argument to parameter 'AccessRights' because it is an empty array.",
				"ParameterArgumentValidationErrorEmptyArrayNotAllowed", object.InvalidData, "ParameterBindingValidationException", nil))
		}
		if perms.MixesRolesAndRights(names) {
			return ctx.WriteError(exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
				"Cannot bind parameter 'AccessRights' to the target. Exception setting \"AccessRights\": \"The access rights of a mailbox folder can't contain both specific permissions and precanned roles.\"",
				object.InvalidArgument, nil))
		}
		var bad, calendar string
		rights, bad, calendar = perms.ParseRights(names)
		if bad == "" {
			bad = calendar
		}
		if bad != "" {
			return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("'%s' isn't a public folder access right.", bad), bad))
		}
	}
	var s *session
	var f *pf.Folder
	var who perms.Holder
	var path string
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if s, f, path, rec, err = openFolder(ctx, tx, "The client permissions of the root public folder (\\) can't be changed."); err != nil || rec != nil {
			return rec, err
		}
		hs, err := permissions.NewHolders(tx)
		if err != nil {
			return nil, err
		}
		if who, rec, err = folderperms.ResolveHolder(ctx, tx, ctx.Value("User"), hs); err != nil || rec != nil {
			return rec, err
		}
		i := f.Entry(who.ID)
		switch {
		case !remove && i >= 0:
			return exo.Error(ctx, "Microsoft.Exchange.Management.StoreTasks.UserAlreadyExistsInPermissionEntryException", "An existing permission entry was found for user: "+who.Name+".", object.NotSpecified, who.Name), nil
		case remove && i < 0:
			return noEntry(ctx, who.Name), nil
		}
		return nil, nil
	}
	prompt := func() (string, string) {
		user := strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("User"))))
		if remove {
			return fmt.Sprintf("Removing public folder client permission on \"%s\" for user \"%s\".", path, user), path
		}
		return fmt.Sprintf("Adding public folder client permission on \"%s\" for user \"%s\", access rights \"%s\".", path, user, strings.Join(ctx.Strings("AccessRights"), ", ")), path
	}
	var out *object.PSObject
	done, err := exo.Confirmed(ctx, "", plan, prompt, func(tx *store.Tx) (*object.ErrorRecord, error) {
		i := f.Entry(who.ID)
		switch {
		case remove && i < 2:
			// Default and Anonymous stay, with no rights.
			f.Permissions[i].Rights = 0
		case remove:
			f.Permissions = append(f.Permissions[:i], f.Permissions[i+1:]...)
		default:
			f.Permissions = append(f.Permissions, pf.Permission{Holder: who.ID, Kind: who.Kind, Rights: rights})
		}
		if err := pf.Update(tx, s.h, f); err != nil {
			return refusal(ctx, err)
		}
		if !remove {
			hs, err := permissions.NewHolders(tx)
			if err != nil {
				return nil, err
			}
			out = s.entryObject(f, f.Permissions[len(f.Permissions)-1], hs)
		}
		return nil, nil
	})
	if err != nil || !done || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}
