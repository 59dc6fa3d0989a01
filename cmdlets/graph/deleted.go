package graph

import (
	"errors"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	rbacstore "github.com/exosim/exosim/store/rbac"
)

// refusal carries a store refusal out of a transaction as the Graph error
// the service would return; the transaction rolls back.
type refusal struct{ svc *serviceError }

func (r *refusal) Error() string { return r.svc.Message }

// graphRefusal translates a store refusal into the service's error, or
// returns nil for errors that are not refusals (store faults).
func graphRefusal(err error, id string) *serviceError {
	var lc *directory.LifecycleError
	var dup *store.DuplicateError
	var ja *directory.JournalArchiveError
	var gc *directory.GuidConflictError
	var la *rbacstore.LastOrgAdminError
	switch {
	case errors.As(err, &la):
		return badRequest(la.Error())
	case errors.As(err, &dup):
		return badRequest("Another object with the same value for property " + graphPropertyName(dup.Property) + " already exists.")
	case errors.As(err, &lc):
		switch lc.Reason {
		case directory.ReasonNotDeleted, directory.ReasonNotActive, directory.ReasonWindowExpired:
			return notFound(id)
		case directory.ReasonSignInNameInUse:
			return badRequest("Another object with the same value for property userPrincipalName already exists.")
		}
		return badRequest("The operation can't be completed for object '" + id + "' in its current state.")
	case errors.As(err, &ja):
		return badRequest("The user's mailbox is linked to a journal archive. Disable journal archiving before deleting the user.")
	case errors.As(err, &gc):
		return badRequest("Another object with the same value for property proxyAddresses already exists.")
	case errors.Is(err, store.ErrNotFound):
		return notFound(id)
	}
	return nil
}

// graphPropertyName maps a store property name to Graph's camelCase name.
func graphPropertyName(p string) string {
	switch strings.ToLower(p) {
	case "userprincipalname":
		return "userPrincipalName"
	case "primarysmtpaddress", "windowsliveid", "alias", "exchangeguid":
		return "proxyAddresses"
	}
	if p == "" {
		return p
	}
	return strings.ToLower(p[:1]) + p[1:]
}

// refuse wraps a store error as a refusal when it is one.
func refuse(err error, id string) error {
	if err == nil {
		return nil
	}
	if svc := graphRefusal(err, id); svc != nil {
		return &refusal{svc: svc}
	}
	return err
}

// runUpdate runs fn in one write transaction; a refusal becomes a
// non-terminating Graph error (and the transaction is rolled back).
//
// Changing accounts and licences needs a directory administrator role; a
// signed-in user without one (not a member of Organization Management in
// the simulator) gets Graph's 403.
func runUpdate(ctx *command.Context, id string, fn func(tx *store.Tx) error) (bool, error) {
	if !rbac.IsOrgAdmin(runtime.Of(ctx)) {
		return false, writeServiceError(ctx, forbidden(), id)
	}
	var ref *refusal
	err := exo.Update(ctx, func(tx *store.Tx) error {
		err := fn(tx)
		errors.As(err, &ref)
		return err
	})
	if ref != nil {
		return false, writeServiceError(ctx, ref.svc, id)
	}
	return err == nil, err
}

func deleteUserAccount(tx *store.Tx, objectID string) error {
	return refuse(directory.DeleteUserAccount(tx, objectID), objectID)
}

// directoryObject is what Restore-MgDirectoryDeletedItem and
// Get-MgDirectoryDeletedItem return.
func directoryObject(v *userView) *object.PSObject {
	o := object.NewObject(TypeDirectoryObject, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphDirectoryObject", typeEntity, "System.Object")
	o.AddTyped("DeletedDateTime", "System.Nullable`1[[System.DateTime]]", exo.TimeOrNil(v.u.DeletedAt))
	o.AddTyped("Id", "System.String", v.u.ObjectID)
	props := additionalProperties(
		"@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
		"@odata.type", "#microsoft.graph.user")
	props.Set("businessPhones", []any{})
	props.Set("displayName", v.u.DisplayName)
	props.Set("givenName", exo.NilIfEmpty(v.u.FirstName))
	props.Set("jobTitle", exo.NilIfEmpty(v.u.Title))
	props.Set("mail", v.mail())
	props.Set("surname", exo.NilIfEmpty(v.u.LastName))
	props.Set("userPrincipalName", v.upn())
	o.AddTyped("AdditionalProperties", additionalPropsType, props)
	return o
}

func getMgDirectoryDeletedItemAsUser() *command.Command {
	c := cmd("Get-MgDirectoryDeletedItemAsUser", ModuleDirectoryManagement, "GetMgDirectoryDeletedItemAsUser_List")
	c.Synopsis = "Lists the user accounts in the directory's recycle bin."
	c.Description = "Deleted accounts stay in the recycle bin for 30 days; while there, their userPrincipalName is shown prefixed with the object id. -DirectoryObjectId reads one deleted account."
	c.OutputType = TypeUser
	c.Sets = []string{"List", "Get", "GetViaIdentity"}
	c.DefaultSet = "List"
	c.Params = append(identityParams("Get", "DirectoryObjectId", "The unique identifier of directoryObject.",
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	), append(listParams("List", true), commonParams()...)...)
	c.Examples = []command.Example{
		{Code: "Get-MgDirectoryDeletedItemAsUser -All | Format-Table Id, DisplayName, DeletedDateTime",
			Remark: "Lists the deleted accounts with the time each was deleted."},
		{Code: "$id = (Get-MgUser -UserId walterh@contoso.com).Id; Remove-MgUser -UserId $id; Get-MgDirectoryDeletedItemAsUser -DirectoryObjectId $id", Remark: "Deletes Walter Harp's account, then reads it back from the deleted items by its id."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		if ctx.ParameterSet == "List" || ctx.ParameterSet == "" {
			lo, serr := readListOptions(ctx)
			if serr != nil {
				return writeServiceError(ctx, serr, nil)
			}
			var views []*userView
			if err := exo.View(ctx, func(tx *store.Tx) error {
				users, err := directory.DeletedUsers(tx)
				if err != nil {
					return err
				}
				for _, u := range users {
					v, err := loadView(tx, u)
					if err != nil {
						return err
					}
					views = append(views, v)
				}
				return nil
			}); err != nil {
				return err
			}
			views = lo.apply(views)
			setCount(ctx, len(views))
			for _, v := range views {
				if err := ctx.WriteObject(userObject(v, withDeleted(lo.sel))); err != nil {
					return err
				}
			}
			return nil
		}
		id := identityArg(ctx, "DirectoryObjectId")
		view, err := viewOne(ctx, id, directory.UserSoftDeleted)
		if err != nil || view == nil {
			return err
		}
		return ctx.WriteObject(userObject(view, withDeleted(selectSet(ctx.Strings("Property")))))
	}
	return c
}

func getMgDirectoryDeletedItem() *command.Command {
	c := cmd("Get-MgDirectoryDeletedItem", ModuleDirectoryManagement, "GetMgDirectoryDeletedItem_Get")
	c.Synopsis = "Reads one object from the directory's deleted items by its id."
	c.Description = "Returns the deleted object as a directory object (Id and DeletedDateTime; the user's own properties are in AdditionalProperties). An object that is not in the deleted items, because it was never deleted, was restored or was permanently deleted, is not found. Get-MgDirectoryDeletedItemAsUser lists the deleted accounts."
	c.OutputType = TypeDirectoryObject
	c.Sets = []string{"Get", "GetViaIdentity"}
	c.DefaultSet = "Get"
	c.Params = append(identityParams("Get", "DirectoryObjectId", "The unique identifier of directoryObject.",
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	), commonParams()...)
	c.Examples = []command.Example{
		{Code: "$id = (Get-MgUser -UserId walterh@contoso.com).Id; Remove-MgUser -UserId $id; Get-MgDirectoryDeletedItem -DirectoryObjectId $id",
			Remark: "Deletes Walter Harp's account, then shows it among the deleted items with the time it was deleted."},
		{Code: "(Get-MgDirectoryDeletedItem -DirectoryObjectId $id).AdditionalProperties.userPrincipalName", Remark: "Shows the name a deleted account has in the recycle bin: its userPrincipalName prefixed with its id."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		id := identityArg(ctx, "DirectoryObjectId")
		view, err := viewOne(ctx, id, directory.UserSoftDeleted)
		if err != nil || view == nil {
			return err
		}
		return ctx.WriteObject(directoryObject(view))
	}
	return c
}

// withDeleted adds DeletedDateTime to the default selection: the recycle
// bin always returns it.
func withDeleted(sel map[string]bool) map[string]bool {
	if sel != nil {
		return sel
	}
	m := map[string]bool{"deleteddatetime": true}
	for _, p := range userProperties {
		if p.Default {
			m[strings.ToLower(p.Name)] = true
		}
	}
	return m
}

func restoreMgDirectoryDeletedItem() *command.Command {
	c := cmd("Restore-MgDirectoryDeletedItem", ModuleDirectoryManagement, "RestoreMgDirectoryDeletedItem_Restore")
	c.Synopsis = "Restores a deleted user account from the recycle bin."
	c.Description = "Within 30 days of its deletion an account can be restored with its licences; a mailbox that was soft-deleted with it becomes active again. Restoring fails when another account now uses the same userPrincipalName."
	c.OutputType = TypeDirectoryObject
	c.Sets = []string{"Restore", "RestoreViaIdentity"}
	c.DefaultSet = "Restore"
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Params = append(identityParams("Restore", "DirectoryObjectId", "The unique identifier of directoryObject."), commonParams()...)
	c.Examples = []command.Example{
		{Code: "$id = (Get-MgUser -UserId walterh@contoso.com).Id; Remove-MgUser -UserId $id; Restore-MgDirectoryDeletedItem -DirectoryObjectId $id", Remark: "Deletes Walter Harp's account, then restores the account and its soft-deleted mailbox."},
		{Code: "Get-MgDirectoryDeletedItemAsUser -Filter \"startswith(displayName,'Walter')\" | ForEach-Object { Restore-MgDirectoryDeletedItem -DirectoryObjectId $_.Id }",
			Remark: "Finds a deleted account by name and restores it."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		id := identityArg(ctx, "DirectoryObjectId")
		do, err := ctx.ShouldProcess("Call remote 'POST /directory/deletedItems/{directoryObject-id}/restore' operation", variant(ctx))
		if err != nil || !do {
			return err
		}
		var view *userView
		ok, err := runUpdate(ctx, id, func(tx *store.Tx) error {
			u, err := findUser(tx, id, directory.UserSoftDeleted)
			if err != nil {
				return err
			}
			if u == nil {
				return &refusal{svc: notFound(id)}
			}
			if err := refuse(directory.RestoreUserAccount(tx, u.ObjectID), id); err != nil {
				return err
			}
			restored, err := directory.GetUser(tx, u.ObjectID)
			if err != nil {
				return err
			}
			view, err = loadView(tx, restored)
			return err
		})
		if !ok || err != nil {
			return err
		}
		return ctx.WriteObject(directoryObject(view))
	}
	return c
}

func removeMgDirectoryDeletedItem() *command.Command {
	c := removeUserCommand("Remove-MgDirectoryDeletedItem", ModuleDirectoryManagement, "RemoveMgDirectoryDeletedItem_Delete",
		"DirectoryObjectId", "The unique identifier of directoryObject.",
		"Call remote 'DELETE /directory/deletedItems/{directoryObject-id}' operation", directory.UserSoftDeleted,
		func(tx *store.Tx, u *directory.User, id string) error {
			return refuse(directory.PurgeUserAccount(tx, u.ObjectID), id)
		})
	c.Synopsis = "Permanently deletes an account from the recycle bin."
	c.Description = "The account is purged at once and its licences are freed. A soft-deleted mailbox behind it stays soft-deleted until 30 days after its deletion, without an account: New-MailboxRestoreRequest can still copy its content into another mailbox, Undo-SoftDeletedMailbox can't restore it. An inactive mailbox stays, but can no longer be brought back by restoring the account."
	c.Examples = []command.Example{
		{Code: "$id = (Get-MgUser -UserId walterh@contoso.com).Id; Remove-MgUser -UserId $id; Remove-MgDirectoryDeletedItem -DirectoryObjectId $id", Remark: "Deletes Walter Harp's account, then purges it now instead of after 30 days."},
	}
	return c
}

// removeUserCommand builds a Remove-* command of a user account: the
// account named by idParam (or an -InputObject) in the given state is
// found and act is applied to it in one transaction after ShouldProcess
// (operation); -PassThru writes true.
func removeUserCommand(name, module, typeName, idParam, idHelp, operation, state string, act func(tx *store.Tx, u *directory.User, id string) error) *command.Command {
	c := cmd(name, module, typeName)
	c.OutputType = "System.Boolean"
	c.Sets = []string{"Delete", "DeleteViaIdentity"}
	c.DefaultSet = "Delete"
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Params = append(identityParams("Delete", idParam, idHelp,
		params.P("IfMatch", params.TString, params.Help("ETag.")),
		params.P("PassThru", params.TSwitch, params.Help("Returns true when the command succeeds.")),
	), commonParams()...)
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		id := identityArg(ctx, idParam)
		do, err := ctx.ShouldProcess(operation, variant(ctx))
		if err != nil || !do {
			return err
		}
		ok, err := runUpdate(ctx, id, func(tx *store.Tx) error {
			u, err := findUser(tx, id, state)
			if err != nil {
				return err
			}
			if u == nil {
				return &refusal{svc: notFound(id)}
			}
			return act(tx, u, id)
		})
		if !ok || err != nil {
			return err
		}
		if ctx.Switch("PassThru") {
			return ctx.WriteObject(true)
		}
		return nil
	}
	return c
}
