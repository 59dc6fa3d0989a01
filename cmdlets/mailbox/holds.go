package mailbox

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
)

// errRefused rolls back a Set-Mailbox transaction whose hold change the
// store refused; the refusal itself is written as an error record.
var errRefused = errors.New("set-mailbox: refused")

// applyHoldChanges runs the hold parameters of Set-Mailbox through the
// holds engine, in a fixed order: Litigation Hold, delay holds, the
// retention-label hold, org-wide exclusions, ExcludeFromAllHolds,
// orphaned holds, and a final recalculation. Each step re-reads the
// mailbox, so the store's rules (delay holds, retirement of an inactive
// mailbox with no hold left) apply as they would in the service. It
// returns the warnings to print, or a record when the store refuses.
func applyHoldChanges(ctx *runtime.Context, tx *store.Tx, m *directory.Mailbox) ([]string, *object.ErrorRecord, error) {
	var warnings []string
	target := m.Identity()
	fail := func(err error) ([]string, *object.ErrorRecord, error) {
		if rec := holdError(ctx, err, target); rec != nil {
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
		d, _ := parseHoldDuration(ctx.Value("LitigationHoldDuration"))
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
		if err := holds.ExcludeFromOrgHolds(tx, m.Guid, valueStrings(ctx.Value("ExcludeFromOrgHolds"))); err != nil {
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
		if err := holds.RemoveOrphanedHolds(tx, m.Guid, valueStrings(ctx.Value("RemoveOrphanedHolds"))); err != nil {
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

// holdError words a refusal of the holds engine as Exchange Online does;
// nil for errors that are not refusals.
func holdError(ctx *runtime.Context, err error, target string) *object.ErrorRecord {
	var (
		lic     *holds.LitigationHoldLicenseError
		deleted *holds.HoldOnDeletedMailboxError
		org     *holds.NotOrgWidePolicyError
		locked  *holds.PolicyLockedError
		notOn   *holds.HoldNotOnMailboxError
		exists  *holds.HoldExistsError
		label   *holds.LabelHoldError
		le      *directory.LifecycleError
	)
	switch {
	case errors.As(err, &lic):
		return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The mailbox '%s' can't be placed on Litigation Hold because it doesn't have the required license. Litigation Hold requires an Exchange Online (Plan 2) license, or an Exchange Online (Plan 1) license with an Exchange Online Archiving add-on license.", lic.Identity), object.InvalidOperation, target)
	case errors.As(err, &deleted):
		return exo.Error(ctx, exInvalidOperation, "Litigation Hold can't be turned on for the inactive mailbox '"+deleted.Identity+"'. Holds can only be added to active mailboxes.", object.InvalidOperation, target)
	case errors.As(err, &org):
		return exo.Error(ctx, exTaskArgument, fmt.Sprintf("'%s' isn't the GUID of an organization-wide retention policy. To see them, run Get-OrganizationConfig | Format-List InPlaceHolds and use the GUID without the mbx prefix and the :n suffix.", org.Value), object.InvalidArgument, org.Value)
	case errors.As(err, &locked):
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The mailbox '%s' can't be excluded from the retention policy '%s' because the policy has Preservation Lock (RestrictiveRetention). Locations can't be removed from a locked policy.", target, locked.PolicyName), object.InvalidOperation, target)
	case errors.As(err, &notOn):
		return exo.Error(ctx, exTaskArgument, fmt.Sprintf("The hold '%s' isn't applied to the mailbox '%s'.", notOn.HoldID, notOn.Identity), object.InvalidArgument, notOn.HoldID)
	case errors.As(err, &exists):
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The hold '%s' isn't orphaned: the %s '%s' still exists. Remove the mailbox from it instead of using RemoveOrphanedHolds.", exists.HoldID, holdTypeWords(exists.HoldType), exists.ObjectName), object.InvalidOperation, exists.HoldID)
	case errors.As(err, &label):
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The hold '%s' can't be removed from the mailbox '%s' because items in it have the retention labels %s.", label.HoldID, label.Identity, strings.Join(label.Labels, ", ")), object.InvalidOperation, target)
	case errors.As(err, &le) && le.Reason == holds.ReasonNotInactive:
		return exo.Error(ctx, exInvalidOperation, "The "+le.Op+" parameter can only be used on inactive mailboxes. '"+target+"' isn't an inactive mailbox.", object.InvalidOperation, target)
	}
	return nil
}

// holdTypeWords names a hold type in an error message.
func holdTypeWords(t string) string {
	switch t {
	case holds.HoldTypeInPlace:
		return "In-Place Hold"
	case holds.HoldTypeCaseHold:
		return "eDiscovery case hold"
	case holds.HoldTypeLabelPolicy:
		return "retention label policy"
	case "":
		return "hold"
	}
	return "retention policy"
}
