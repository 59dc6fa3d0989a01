package sim

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
)

// itemLabel declares Set-SimItemLabel, which stands in for a user (or an
// auto-apply policy) putting a retention label on the items of a mailbox
// folder.
func itemLabel() *command.Command {
	c := cmd("Set-SimItemLabel", "SetSimItemLabelCommand")
	c.Synopsis = "Puts a retention label on the items of a mailbox folder, as a user would in Outlook (simulator only)."
	c.Description = "The label must be published to the mailbox by an enabled retention label policy. A label that retains items (Keep or KeepAndDelete) sets the mailbox's ComplianceTagHoldApplied, which keeps the mailbox inactive after it is deleted; the label policy's ID appears in the mailbox's InPlaceHolds with the suffix :1."
	c.Examples = []command.Example{
		{Code: `Set-SimItemLabel -Identity adelev -Folder /Inbox -Label "Legal Record - Keep 10y"`,
			Remark: "Labels the items of Adele Vance's Inbox with a retain label; her mailbox then shows ComplianceTagHoldApplied True."},
		{Code: `Set-SimItemLabel -Identity alexw -Folder "/Sent Items" -Label "Delete after 1 year"; Get-Mailbox alexw | Format-List ComplianceTagHoldApplied`,
			Remark: "A delete-only label is not a hold: ComplianceTagHoldApplied stays False."},
	}
	c.Params = []*params.Param{
		params.P("Identity", decl.IdentityType("MailboxIdParameter"), params.Mandatory(), params.Position(0),
			params.FromPipelineByName(), params.Help("The active mailbox whose folder gets the label.")),
		params.P("Folder", params.TString, params.Mandatory(), params.Help("The folder path, such as /Inbox or /Sent Items.")),
		params.P("Label", params.TString, params.Mandatory(), params.Help("The retention label (Get-ComplianceTag) to apply.")),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := exo.IdentityOf(object.Unwrap(ctx.Value("Identity")))
		if o, ok := object.Unwrap(ctx.Value("Identity")).(*object.PSObject); ok {
			if g := o.Value("Guid"); g != nil {
				id = object.ToInvariantString(g)
			}
		}
		folder, label := ctx.String("Folder"), ctx.String("Label")
		var rec *object.ErrorRecord
		trainer := rbac.IsTrainer(runtime.Of(ctx))
		done, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			m, err := directory.ResolveMailbox(tx, id, directory.ScopeActive)
			var nf *store.NotFoundError
			var amb *store.AmbiguousError
			switch {
			case errors.As(err, &amb):
				return exo.Ambiguous(ctx, id), nil
			case errors.As(err, &nf):
				return exo.NotFound(ctx, id), nil
			case err != nil:
				return rec, err
			}
			if !trainer && !ownsMailbox(tx, exo.Caller(runtime.Of(ctx)), m.Guid) {
				return trainerError(ctx, "Labelling items in someone else's mailbox ("+id+")"), nil
			}
			err = holds.ApplyItemLabel(tx, m.Guid, folder, label)
			var np *holds.LabelNotPublishedError
			var ve *store.ValidationError
			switch {
			case errors.As(err, &np):
				rec = ctx.NewError(fmt.Sprintf("The retention label '%s' isn't published to the mailbox '%s'. Publish it with a retention label policy that includes the mailbox.", np.Label, np.Identity),
					"LabelNotPublished,Set-SimItemLabel", object.InvalidOperation, "InvalidOperationException", label)
				return rec, nil
			case errors.As(err, &ve):
				rec = ctx.NewError(fmt.Sprintf("The mailbox '%s' has no folder '%s'.", m.Identity(), folder),
					"FolderNotFound,Set-SimItemLabel", object.ObjectNotFound, "ItemNotFoundException", folder)
				return rec, nil
			case errors.As(err, &nf):
				rec = ctx.NewError(fmt.Sprintf("The retention label '%s' doesn't exist.", label),
					"LabelNotFound,Set-SimItemLabel", object.ObjectNotFound, "ItemNotFoundException", label)
				return rec, nil
			}
			return rec, err
		})
		if err != nil || !done {
			return err
		}
		return nil
	}
	return c
}
