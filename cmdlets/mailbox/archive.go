package mailbox

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// enableMailbox is Enable-Mailbox as Exchange Online has it: an archive
// for an existing mailbox (-Archive, the default set) or auto-expanding
// archiving (-AutoExpandingArchive). A mailbox for an account comes from
// a licence in Exchange Online, not from this cmdlet.
func enableMailbox() *command.Command {
	c := exo.Declared("Enable-Mailbox")
	c.Synopsis = "Gives a mailbox an archive (-Archive), or turns auto-expanding archiving on (-AutoExpandingArchive)."
	c.Description = "In Exchange Online, Enable-Mailbox adds archives and turns on auto-expanding archiving; a user gets a mailbox from a licence. " +
		"-Archive makes the archive (ArchiveStatus Active, a new ArchiveGuid, ArchiveName 'In-Place Archive -<display name>' unless -ArchiveName is given); " +
		"a mailbox that has one is refused. -AutoExpandingArchive needs the archive first, and can't be undone."
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = TypeMailbox
	c.Examples = []command.Example{
		{Code: "Enable-Mailbox -Identity alexw -Archive", Remark: "Gives Alex an archive mailbox."},
		{Code: "Enable-Mailbox -Identity annb -AutoExpandingArchive", Remark: "Lets Ann's archive grow beyond its quota."},
	}
	exo.Describe(c, map[string]string{
		"Identity":             "The mailbox: name, alias, address, GUID or distinguished name.",
		"Archive":              "Makes an archive for the mailbox.",
		"ArchiveName":          "The archive's name (default 'In-Place Archive -<display name>').",
		"AutoExpandingArchive": "Turns auto-expanding archiving on; the archive must exist, and it can't be turned off again.",
		"Force":                "Accepted; nothing is asked beyond -Confirm.",
		"RoleAssignmentPolicy": "Accepted; the tenant has one role assignment policy.",
	})
	c.Handler.Process = runEnableMailbox
	return c
}

func runEnableMailbox(ctx *command.Context) error {
	autoExpand := ctx.Switch("AutoExpandingArchive")
	if !autoExpand && !ctx.Switch("Archive") {
		// without a switch the call would mailbox-enable an account, which
		// Exchange Online does through licences
		return ctx.Fail(exo.Error(ctx, exInvalidOperation, "To create a mailbox for a user in Exchange Online, assign the user a license. Use the Archive switch to create an archive mailbox, or the AutoExpandingArchive switch to turn on auto-expanding archiving.", object.InvalidOperation, exo.IdentityOf(ctx.Value("Identity"))))
	}
	var name string
	if names := exo.ValueStrings(object.Unwrap(ctx.Value("ArchiveName"))); len(names) > 0 {
		name = strings.TrimSpace(names[0])
	}
	var m *directory.Mailbox
	var target string
	done, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if m, rec, err = ResolveMailbox(ctx, tx, ctx.Value("Identity")); err != nil || rec != nil {
			return rec, err
		}
		target = m.Identity()
		return nil, nil
	}, func() (string, string) {
		if autoExpand {
			return fmt.Sprintf("Enabling auto-expanding archive for mailbox \"%s\".", target), target
		}
		return fmt.Sprintf("Enabling archive for mailbox \"%s\".", target), target
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var err error
		if autoExpand {
			var changed bool
			if changed, err = directory.EnableAutoExpandingArchive(tx, m); err == nil && !changed {
				ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", target))
			}
		} else {
			err = directory.EnableArchive(tx, m, name)
		}
		return archiveRefusal(ctx, err, target)
	})
	if err != nil || !done || autoExpand {
		return err
	}
	// the archive made, Exchange writes the mailbox
	return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		cur, err := directory.GetMailbox(tx, m.Guid)
		if err != nil {
			return nil, err
		}
		e, err := loadFullEnv(tx, cur, org)
		return []*object.PSObject{MailboxObject(cur, e)}, err
	})
}

// disableMailbox is Disable-Mailbox as Exchange Online has it: -Archive
// disconnects a mailbox's archive.
func disableMailbox() *command.Command {
	c := exo.Declared("Disable-Mailbox")
	c.Synopsis = "Disconnects a mailbox's archive (-Archive)."
	c.Description = "The archive's GUID and database are kept as DisabledArchiveGuid and DisabledArchiveDatabase, and its folders leave the mailbox. " +
		"An auto-expanding archive can't be disabled, nor the archive of a mailbox on hold. In Exchange Online a mailbox itself goes with its licence; " +
		"-PermanentlyDisable is not simulated."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: "Disable-Mailbox -Identity annb -Archive -Confirm:$false", Remark: "Disconnects Ann's archive."},
	}
	exo.Describe(c, map[string]string{
		"Identity": "The mailbox: name, alias, address, GUID or distinguished name.",
		"Archive":  "Disconnects the mailbox's archive.",
	})
	c.Handler.Process = runDisableMailbox
	return exo.Partial(c, "Identity", "Archive")
}

func runDisableMailbox(ctx *command.Context) error {
	if !ctx.Switch("Archive") {
		rec := ctx.NewError("Disable-Mailbox without the Archive switch is real, but exosim simulates only -Archive: the call was not run.",
			"ParameterNotSimulated", object.NotImplemented, "NotImplementedException", "Archive")
		rec.ExceptionFullType = "System.NotImplementedException"
		return ctx.Fail(rec)
	}
	var m *directory.Mailbox
	var target string
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if m, rec, err = ResolveMailbox(ctx, tx, ctx.Value("Identity")); err != nil || rec != nil {
			return rec, err
		}
		target = m.Identity()
		return nil, nil
	}, func() (string, string) {
		return fmt.Sprintf("Disabling archive for mailbox \"%s\".", target), target
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return archiveRefusal(ctx, directory.DisableArchive(tx, m), target)
	})
	return err
}

// archiveRefusal words a refusal of an archive change about the mailbox
// as the call named it (target); another error ends the command.
func archiveRefusal(ctx *command.Context, err error, target string) (*object.ErrorRecord, error) {
	if err == nil {
		return nil, nil
	}
	if rec := exo.StoreError(ctx, err, target); rec != nil {
		return rec, nil
	}
	return nil, err
}
