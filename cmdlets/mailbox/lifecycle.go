package mailbox

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	"github.com/exosim/exosim/store/pubfolders"
)

// resolveRead resolves one mailbox in a read transaction; it writes the
// error record and returns nil when there is none to act on.
func resolveRead(ctx *command.Context, id, shown string, scope directory.Scope, allowMailUser bool) (*directory.Mailbox, error) {
	var m *directory.Mailbox
	var rec *object.ErrorRecord
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var err error
		m, rec, err = resolveOne(ctx, tx, id, shown, scope, allowMailUser)
		return rec, err
	})
	if err != nil || !done {
		return nil, err
	}
	return m, nil
}

// updateMailbox runs fn in one write transaction (see exo.Write) and returns
// the object of the mailbox fn returns; nil when fn was refused.
func updateMailbox(ctx *command.Context, shown string, fn func(tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error)) (*object.PSObject, error) {
	var out *object.PSObject
	done, err := exo.Write(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, rec, err := fn(tx)
		if err != nil || rec != nil {
			return rec, err
		}
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		e, err := loadFullEnv(tx, m, org)
		out = MailboxObject(m, e)
		return nil, err
	})
	if err != nil || !done {
		return nil, err
	}
	return out, nil
}

func removeMailbox() *command.Command {
	c := exo.Declared("Remove-Mailbox")
	c.ConfirmImpact = command.ImpactHigh
	c.Synopsis = "Deletes a mailbox and its user account (soft delete), or purges an already soft-deleted mailbox."
	c.Description = "A mailbox on hold becomes an inactive mailbox; any other is soft-deleted and can be restored with Undo-SoftDeletedMailbox for 30 days. -PermanentlyDelete purges a soft-deleted (or retired inactive) mailbox at once; it refuses active and inactive mailboxes."
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox -Identity \"Walter Harp\" -Confirm:$false", Remark: "Soft-deletes Walter Harp's mailbox and account without asking."},
		{Code: "Remove-Mailbox -Identity laura -Confirm:$false; Get-Mailbox -Identity laura -SoftDeletedMailbox | Remove-Mailbox -PermanentlyDelete", Remark: "Soft-deletes Laura Painter's mailbox, then purges it for good instead of keeping it restorable for 30 days."},
	}
	c.Handler.Process = removal{
		kind:   func(m *directory.Mailbox) bool { return !m.IsMailUser() },
		remove: "Removing mailbox \"%s\" will remove the Active Directory user object and mark the mailbox in the database for removal.",
		purge:  "Permanently removing mailbox \"%s\" will purge the mailbox and its content from the database. It can't be recovered afterwards.",
	}.run
	return c
}

// removal is what Remove-Mailbox and Remove-MailUser differ in: the kind
// of recipient each removes, what it refuses to purge, and what it asks.
type removal struct {
	kind func(*directory.Mailbox) bool
	// refuse, when not nil, is Exchange's refusal to purge m (nil: none).
	refuse func(ctx *command.Context, m *directory.Mailbox, shown string) *object.ErrorRecord
	// remove and purge are the confirmations, each with the recipient
	// for its %s.
	remove, purge string
}

// run removes the recipient the call's Identity names, asking first: an
// active one is soft-deleted (a mailbox on hold becomes inactive);
// -PermanentlyDelete purges a soft-deleted one, and finds an active one
// too so that the refusal names it.
func (r removal) run(ctx *command.Context) error {
	id, shown := identityString(ctx.Value("Identity"))
	if id == "" {
		return ctx.Fail(exo.Error(ctx, exTaskArgument, "The Identity parameter is required.", object.InvalidArgument, nil))
	}
	permanent := ctx.Switch("PermanentlyDelete")
	scope := directory.ScopeActive
	if permanent {
		scope = directory.ScopeSoftDeleted
	}
	// Resolve read-only first: the confirmation names the object.
	var m *directory.Mailbox
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		m, rec, err = resolveWhere(ctx, tx, id, shown, scope, r.kind)
		if permanent && rec != nil && err == nil {
			if a, r2, err2 := resolveWhere(ctx, tx, id, shown, directory.ScopeActive, r.kind); err2 == nil && r2 == nil {
				m, rec = a, nil
			}
		}
		if rec == nil && err == nil && !permanent {
			return pfRemovalRefusal(ctx, tx, m)
		}
		return rec, err
	})
	if err != nil || !done {
		return err
	}
	target := m.Identity()
	desc := fmt.Sprintf(r.remove, target)
	if permanent {
		if r.refuse != nil {
			if rec := r.refuse(ctx, m, shown); rec != nil {
				return ctx.WriteError(rec)
			}
		}
		desc = fmt.Sprintf(r.purge, target)
	}
	ok, err := ctx.ShouldProcessWith(desc, target)
	if err != nil || !ok {
		return err
	}
	_, err = exo.Write(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if permanent {
			return nil, directory.PermanentlyDeleteMailbox(tx, m.Guid)
		}
		if rec, err := pfRemovalRefusal(ctx, tx, m); rec != nil || err != nil {
			return rec, err
		}
		_, err := directory.RemoveMailbox(tx, m.Guid, exo.Caller(runtime.Of(ctx)))
		return nil, err
	})
	return err
}

// pfRemovalRefusal is Exchange's refusal to remove a public folder
// mailbox: the primary hierarchy mailbox while other public folder
// mailboxes exist, or one that holds the content of public folders.
func pfRemovalRefusal(ctx *command.Context, tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
	err := pubfolders.CheckRemoval(tx, m)
	var re *pubfolders.RemoveError
	if errors.As(err, &re) {
		return exo.InvalidOperation(ctx, re.Error(), m.Identity()), nil
	}
	return nil, err
}

func undoSoftDeletedMailbox() *command.Command {
	c := exo.Declared("Undo-SoftDeletedMailbox")
	c.Synopsis = "Restores a soft-deleted mailbox and its user account within 30 days of the deletion."
	c.Description = "Soft-deleted mailboxes, inactive mailboxes whose account is still in the recycle bin and retired inactive mailboxes can be restored. -WindowsLiveID gives the account a new sign-in name (and primary address); it is required, with -Password, when another account now uses the original sign-in name or the original account is gone."
	c.OutputType = TypeMailbox
	c.Examples = []command.Example{
		{Code: "Remove-Mailbox walterh -Confirm:$false; Undo-SoftDeletedMailbox walterh@contoso.com", Remark: "Soft-deletes Walter Harp's mailbox, then restores the mailbox and its account."},
		{Code: "Remove-Mailbox allieb -Confirm:$false; Undo-SoftDeletedMailbox allieb@contoso.com -WindowsLiveID allieb@contoso.com -Password (Read-Host \"Enter password\" -AsSecureString)", Remark: "Removes Allie Bellew's mailbox, then restores it with the given sign-in name and a new password."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id, shown := identityString(ctx.Value("SoftDeletedObject"))
		if ctx.Switch("PublicFolder") {
			return ctx.WriteError(exo.NotFound(ctx, shown))
		}
		m, err := resolveRead(ctx, id, shown, directory.ScopeSoftDeleted, false)
		if err != nil || m == nil {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Restoring soft-deleted mailbox \"%s\".", m.Identity()), m.Identity())
		if err != nil || !ok {
			return err
		}
		in := directory.UndoInput{WindowsLiveID: strings.TrimSpace(ctx.String("WindowsLiveID")), Name: strings.TrimSpace(ctx.String("Name"))}
		if pw, ok := object.Unwrap(ctx.Value("Password")).(object.SecureString); ok {
			in.Password = pw.Plain()
		}
		out, err := updateMailbox(ctx, shown, func(tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error) {
			r, err := directory.UndoSoftDeletedMailbox(tx, m.Guid, in)
			if err != nil {
				return nil, nil, err
			}
			if ctx.Has("DisplayName") && ctx.String("DisplayName") != "" {
				r.DisplayName = ctx.String("DisplayName")
				if err := directory.PutMailbox(tx, r); err != nil {
					return nil, nil, err
				}
			}
			return r, nil, nil
		})
		if err != nil || out == nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}

func newMailbox() *command.Command {
	c := exo.Declared("New-Mailbox")
	c.Synopsis = "Creates a user, shared, room or equipment mailbox with its account."
	c.Description = "A user mailbox needs -MicrosoftOnlineServicesID and -Password and gets a licence from the tenant's subscriptions; shared and resource mailboxes get a disabled account and need no licence. The new mailbox is written in its default table view."
	c.OutputType = TypeMailbox
	c.Examples = []command.Example{
		{Code: "New-Mailbox -Name chrisg -DisplayName 'Chris Green' -MicrosoftOnlineServicesID chrisg@contoso.com -Password (ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force)", Remark: "Creates a licensed user mailbox."},
		{Code: "New-Mailbox -Shared -Name 'Sales Team' -DisplayName 'Sales Team' -Alias salesteam", Remark: "Creates a shared mailbox."},
		{Code: "New-Mailbox -Room -Name 'Conference Room 1'", Remark: "Creates a room mailbox."},
		{Code: "New-Mailbox -PublicFolder -Name PFMailbox1", Remark: "Creates a public folder mailbox; the first one is the primary hierarchy mailbox."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in := directory.NewMailboxInput{
			Name:                      strings.TrimSpace(ctx.String("Name")),
			Alias:                     strings.TrimSpace(ctx.String("Alias")),
			DisplayName:               ctx.String("DisplayName"),
			FirstName:                 ctx.String("FirstName"),
			LastName:                  ctx.String("LastName"),
			MicrosoftOnlineServicesID: strings.TrimSpace(ctx.String("MicrosoftOnlineServicesID")),
			PrimarySmtpAddress:        strings.TrimSpace(ctx.String("PrimarySmtpAddress")),
			ResetPasswordOnNextLogon:  ctx.Bool("ResetPasswordOnNextLogon"),
		}
		if pw, ok := object.Unwrap(ctx.Value("Password")).(object.SecureString); ok {
			in.Password = pw.Plain()
		}
		if ctx.Has("InactiveMailbox") {
			return recoverInactive(ctx, in)
		}
		switch {
		case ctx.Switch("Shared"):
			in.RecipientTypeDetails = directory.RecipientSharedMailbox
		case ctx.Switch("Room"):
			in.RecipientTypeDetails = directory.RecipientRoomMailbox
		case ctx.Switch("Equipment"):
			in.RecipientTypeDetails = directory.RecipientEquipmentMailbox
		case ctx.Switch("PublicFolder"):
			in.RecipientTypeDetails = directory.RecipientPublicFolderMailbox
		case ctx.Has("MicrosoftOnlineServicesID"):
			in.RecipientTypeDetails = directory.RecipientUserMailbox
		default:
			return ctx.WriteError(exo.Error(ctx, exTaskArgument, "New-Mailbox in this parameter set ("+ctx.ParameterSet+") can't create a mailbox in this tenant: use -MicrosoftOnlineServicesID with -Password for a user mailbox, or -Shared, -Room, -Equipment or -PublicFolder.", object.InvalidArgument, in.Name))
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating mailbox Name:\"%s\".", in.Name), in.Name)
		if err != nil || !ok {
			return err
		}
		out, err := updateMailbox(ctx, in.Name, func(tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error) {
			create := directory.CreateMailbox
			if ctx.Switch("PublicFolder") {
				create = pubfolders.Creator(ctx.Bool("IsExcludedFromServingHierarchy"), ctx.Switch("HoldForMigration"))
			}
			m, _, err := create(tx, in)
			if err != nil {
				return nil, nil, err
			}
			if ctx.Has("Office") {
				if u, _ := directory.GetUser(tx, m.UserObjectID); u != nil {
					u.Office = ctx.String("Office")
					if err := directory.PutUser(tx, u); err != nil {
						return nil, nil, err
					}
				}
			}
			return m, nil, nil
		})
		if err != nil || out == nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return c
}

func disableJournalArchiving() *command.Command {
	c := exo.Declared("Disable-JournalArchiving")
	c.Synopsis = "Unlinks a mail user from its journal archive mailbox so that it can be deleted."
	c.Description = "Without -PreserveMailUser the mail user is removed once it is unlinked; with it, the mail user stays."
	c.Examples = []command.Example{
		{Code: "Disable-JournalArchiving -Identity miriamg -PreserveMailUser", Remark: "Unlinks Miriam Graham's journal archive and keeps her mail user."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id, shown := identityString(ctx.Value("Identity"))
		m, err := resolveRead(ctx, id, shown, directory.ScopeActive, true)
		if err != nil || m == nil {
			return err
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Disabling journal archiving for \"%s\".", m.Identity()), m.Identity())
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, m.Identity(), func(tx *store.Tx) (*object.ErrorRecord, error) {
			return nil, directory.DisableJournalArchiving(tx, m.Guid, ctx.Switch("PreserveMailUser"))
		})
		return err
	}
	return c
}

// recoverInactive is New-Mailbox -InactiveMailbox: the inactive mailbox
// becomes a new active mailbox with a new account. The mailbox is treated
// as licensed (a grace period would hide it); a warning reminds the admin to
// assign the licence.
func recoverInactive(ctx *command.Context, in directory.NewMailboxInput) error {
	id, shown := identityString(ctx.Value("InactiveMailbox"))
	if o, ok := object.Unwrap(ctx.Value("InactiveMailbox")).(*object.PSObject); ok {
		if dn := object.ToInvariantString(o.Value("DistinguishedName")); dn != "" {
			id, shown = dn, dn
		}
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating mailbox Name:\"%s\" from the inactive mailbox \"%s\".", in.Name, shown), in.Name)
	if err != nil || !ok {
		return err
	}
	out, err := updateMailbox(ctx, shown, func(tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error) {
		m, err := holds.RecoverInactiveMailbox(tx, holds.RecoverInput{
			InactiveMailbox: id, Name: in.Name, Alias: in.Alias, FirstName: in.FirstName, LastName: in.LastName,
			DisplayName: in.DisplayName, MicrosoftOnlineServicesID: in.MicrosoftOnlineServicesID, Password: in.Password,
			ResetPasswordOnNextLogon: in.ResetPasswordOnNextLogon,
		})
		if err != nil {
			if rec := exo.StoreError(ctx, err, shown); rec != nil {
				return nil, rec, nil
			}
			return nil, nil, err
		}
		return m, nil, nil
	})
	if err != nil || out == nil {
		return err
	}
	ctx.WriteWarning(fmt.Sprintf("The recovered mailbox '%s' needs an Exchange Online licence. Assign one to its new user account within 30 days.", in.Name))
	return ctx.WriteObject(out)
}
