// Package mailboxholds applies Set-Mailbox's hold parameters through the holds
// engine.
package mailboxholds

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
)

// ApplyHoldChanges runs the hold parameters of Set-Mailbox through the
// holds engine, in a fixed order: Litigation Hold, delay holds, the
// retention-label hold, org-wide exclusions, ExcludeFromAllHolds,
// orphaned holds, and a final recalculation. Each step re-reads the
// mailbox, so the store's rules (delay holds, retirement of an inactive
// mailbox with no hold left) apply as they would in the service. It
// returns the warnings to print, or a record when the store refuses.
func ApplyHoldChanges(ctx *command.Context, tx *store.Tx, m *directory.Mailbox) ([]string, *object.ErrorRecord, error) {
	var warnings []string
	target := m.Identity()
	fail := func(err error) ([]string, *object.ErrorRecord, error) {
		if rec := exo.StoreError(ctx, err, target); rec != nil {
			return nil, rec, nil
		}
		return nil, nil, err
	}
	in := holds.LitigationHoldInput{}
	lh := false
	if ctx.Has("LitigationHoldEnabled") {
		on := ctx.Bool("LitigationHoldEnabled")
		in.Enabled, lh = &on, true
	}
	if ctx.Has("LitigationHoldDuration") {
		d, _ := exo.ParseHoldDuration(ctx.Value("LitigationHoldDuration"))
		in.Duration, lh = &d, true
	}
	if ctx.Has("LitigationHoldOwner") {
		o := ctx.String("LitigationHoldOwner")
		in.Owner, lh = &o, true
	}
	if t, ok := ctx.Time("LitigationHoldDate"); ok {
		t = t.UTC()
		in.Date, lh = &t, true
	}
	if lh {
		if err := holds.SetLitigationHold(tx, m.Guid, in); err != nil {
			return fail(err)
		}
	}
	if ctx.Switch("RemoveDelayHoldApplied") {
		if err := holds.RemoveDelayHold(tx, m.Guid, false); err != nil {
			return fail(err)
		}
	}
	if ctx.Switch("RemoveDelayReleaseHoldApplied") {
		if err := holds.RemoveDelayHold(tx, m.Guid, true); err != nil {
			return fail(err)
		}
	}
	if ctx.Switch("RemoveComplianceTagHoldApplied") {
		if err := holds.RemoveComplianceTagHold(tx, m.Guid); err != nil {
			return fail(err)
		}
	}
	if ctx.Has("ExcludeFromOrgHolds") {
		if err := holds.ExcludeFromOrgHolds(tx, m.Guid, exo.ValueStrings(ctx.Value("ExcludeFromOrgHolds"))); err != nil {
			return fail(err)
		}
	}
	if ctx.Switch("ExcludeFromAllOrgHolds") {
		w, err := holds.ExcludeFromAllOrgHolds(tx, m.Guid)
		if err != nil {
			return fail(err)
		}
		warnings = append(warnings, w...)
	}
	if ctx.Switch("ExcludeFromAllHolds") {
		if err := holds.ExcludeFromAllHolds(tx, m.Guid); err != nil {
			return fail(err)
		}
	}
	if ctx.Has("RemoveOrphanedHolds") {
		if err := holds.RemoveOrphanedHolds(tx, m.Guid, exo.ValueStrings(ctx.Value("RemoveOrphanedHolds"))); err != nil {
			return fail(err)
		}
	}
	if ctx.Switch("RecalculateInactiveMailbox") {
		if _, err := directory.RecalculateInactiveMailbox(tx, m.Guid); err != nil {
			return fail(err)
		}
	}
	return warnings, nil, nil
}
