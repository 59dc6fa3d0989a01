package compliance

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
)

// HoldObject builds one GetHolds result. The service answers GetHolds
// with the hold IDs as plain strings (scripts test them with -eq and
// .Substring), so the result is the HoldId string itself, carrying the
// simulator's HoldId, HoldType, PolicyName, PolicyExists and IsActive as
// note properties for its table view and for -HoldId.
func HoldObject(h holds.HoldInfo, location string) *object.PSObject {
	o := object.NewObject(TypeHold, baseObject)
	o.Base = h.HoldID
	o.AddTyped("HoldId", tStr, h.HoldID)
	o.AddTyped("HoldType", tStr, h.HoldType)
	o.AddTyped("PolicyName", tStr, h.PolicyName)
	o.AddTyped("PolicyExists", tBool, h.PolicyExists)
	o.AddTyped("IsActive", tBool, h.IsActive)
	o.AddTyped("OrganizationWide", tBool, h.OrgWide)
	o.AddTyped("RestrictiveRetention", tBool, h.Locked)
	o.AddTyped("CaseName", tStr, h.CaseName)
	o.AddTyped("ExchangeLocation", tStr, location)
	id := h.HoldID
	o.ToStringFunc = func() string { return id }
	return o
}

// HoldRemovalObject builds one GetHoldRemovals record.
func HoldRemovalObject(r holds.HoldRemoval) *object.PSObject {
	o := object.NewObject(TypeHoldRemoval, baseObject)
	o.AddTyped("Location", tStr, r.Location)
	o.AddTyped("HoldId", tStr, r.HoldID)
	o.AddTyped("RemovedBy", tStr, r.RemovedBy)
	o.AddTyped("RemovedAt", tDate, utc(r.RemovedAt))
	o.AddTyped("Forced", tBool, r.Forced)
	return o
}

// resolveLocation finds the mailbox behind -ExchangeLocation among active
// and inactive mailboxes (then any deleted one).
func resolveLocation(tx *store.Tx, id string) (*directory.Mailbox, error) {
	ms, err := directory.ResolveMailboxes(tx, id, directory.ScopeIncludeInactive)
	if err != nil {
		if !store.IsNotFound(err) {
			return nil, err
		}
		ms, err = directory.ResolveMailboxes(tx, id, directory.ScopeSoftDeleted)
		if err != nil {
			return nil, err
		}
	}
	var real []*directory.Mailbox
	for _, m := range ms {
		if !m.IsMailUser() {
			real = append(real, m)
		}
	}
	switch len(real) {
	case 0:
		return nil, &store.NotFoundError{Kind: "mailbox", Key: id}
	case 1:
		return real[0], nil
	}
	return nil, &store.AmbiguousError{Kind: "mailbox", Identity: id}
}

func invokeHoldRemovalAction() *command.Command {
	c := exo.Declared("Invoke-HoldRemovalAction")
	c.Synopsis = "Lists the holds on a mailbox (GetHolds), removes one (RemoveHold) or shows the removal log (GetHoldRemovals)."
	c.Description = "GetHolds lists the eDiscovery holds (UniH...), legacy In-Place holds and unexplained stamps on the mailbox, then LitigationHold, DelayHold and DelayReleaseHold when they apply; holds placed by retention policies (mbx, skp, grp) are not listed. RemoveHold -HoldId takes an ID off the mailbox, leaves a 30-day delay hold and logs the removal; a hold whose case hold or In-Place Hold is still active needs -Force. Litigation Hold and delay holds are removed with Set-Mailbox. -ExchangeLocation takes any identity of the mailbox: address, alias, DistinguishedName or ExchangeGuid."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "Invoke-HoldRemovalAction -Action GetHolds -ExchangeLocation pilarp@contoso.com", Remark: "Lists the holds on pilarp's mailbox."},
		{Code: "Invoke-HoldRemovalAction -Action GetHoldRemovals", Remark: "Shows the holds removed so far."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		action := strings.ToLower(strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("Action")))))
		loc := strings.TrimSpace(ctx.String("ExchangeLocation"))
		if ctx.Has("SharePointLocation") && loc == "" && action != "getholdremovals" {
			return ctx.WriteError(exo.Invalid(ctx, "SharePoint locations aren't part of this tenant simulation; use -ExchangeLocation.", ctx.String("SharePointLocation")))
		}
		switch action {
		case "getholdremovals":
			return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
				rs, err := holds.HoldRemovals(tx)
				if err != nil {
					return nil, err
				}
				// -ExchangeLocation names the mailbox by any of its
				// identities; a purged mailbox is still found by the
				// address its removals were logged with.
				var guid string
				if loc != "" {
					if m, err := resolveLocation(tx, loc); err == nil {
						guid = m.Guid
					} else if !store.IsNotFound(err) {
						return nil, err
					}
				}
				for _, r := range rs {
					if loc == "" || strings.EqualFold(r.Location, loc) || (guid != "" && strings.EqualFold(r.Mailbox, guid)) {
						out = append(out, HoldRemovalObject(r))
					}
				}
				return out, nil
			})
		case "getholds", "removehold":
		default:
			return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("The Action '%s' isn't valid. Valid values are GetHolds, RemoveHold and GetHoldRemovals.", action), action))
		}
		if loc == "" {
			return ctx.WriteError(exo.Invalid(ctx, "The ExchangeLocation or SharePointLocation parameter is required with the GetHolds and RemoveHold actions.", nil))
		}
		if action == "getholds" {
			return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
				m, err := resolveLocation(tx, loc)
				if err != nil {
					return nil, err
				}
				hs, err := holds.MailboxHolds(tx, m.Guid)
				for _, h := range hs {
					out = append(out, HoldObject(h, m.PrimarySmtpAddress))
				}
				return out, err
			})
		}
		holdID := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("HoldId"))))
		if holdID == "" {
			return ctx.WriteError(exo.Invalid(ctx, "The HoldId parameter is required with the RemoveHold action.", nil))
		}
		if holds.IsFlagHold(holdID) {
			// (wording is the simulator's: the tool leaves these holds to
			// Set-Mailbox, where the hold removal procedures remove them)
			return ctx.WriteError(exo.Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' can't be removed with Invoke-HoldRemovalAction. Use Set-Mailbox: -LitigationHoldEnabled $false for LitigationHold, -RemoveDelayHoldApplied for DelayHold, -RemoveDelayReleaseHoldApplied for DelayReleaseHold (with -InactiveMailbox for an inactive mailbox).", holdID), object.InvalidOperation, holdID))
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Removing hold \"%s\" from the location \"%s\".", holdID, loc), loc)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			m, err := resolveLocation(tx, loc)
			if err != nil {
				return nil, err
			}
			return nil, holds.RemoveHold(tx, m.Guid, holdID, ctx.Switch("Force"), actor(tx))
		})
		return err
	}
	return c
}
