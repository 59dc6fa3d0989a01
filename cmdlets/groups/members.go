package groups

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
)

func memberCommands() []*command.Command {
	add := exo.Declared("Add-DistributionGroupMember")
	add.Synopsis = "Adds a recipient to a distribution group or mail-enabled security group."
	add.ConfirmImpact = command.ImpactMedium
	add.Examples = []command.Example{
		{Code: "Add-DistributionGroupMember -Identity Sales -Member alexw@contoso.com", Remark: "Adds Alex to the Sales group."},
	}
	exo.Describe(add, map[string]string{
		"Identity":                        "The group.",
		"Member":                          "The recipient to add: a mailbox, mail user or group.",
		"BypassSecurityGroupManagerCheck": "Accepted; the administrator manages every group.",
	})
	add.Handler.Process = func(ctx *command.Context) error { return changeMember(ctx, true) }

	remove := exo.Declared("Remove-DistributionGroupMember")
	remove.Synopsis = "Removes a recipient from a distribution group or mail-enabled security group."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{
		{Code: "Remove-DistributionGroupMember -Identity Sales -Member isaiahl -Confirm:$false", Remark: "Takes Isaiah out of the Sales group."},
	}
	exo.Describe(remove, map[string]string{
		"Identity":                        "The group.",
		"Member":                          "The recipient to remove.",
		"BypassSecurityGroupManagerCheck": "Accepted; the administrator manages every group.",
	})
	remove.Handler.Process = func(ctx *command.Context) error { return changeMember(ctx, false) }
	return []*command.Command{add, remove}
}

// resolveMember finds the directory object a -Member value names: a
// mailbox or mail user (its account), a group or a mail contact.
func resolveMember(ctx *command.Context, tx *store.Tx, v any) (groups.Member, string, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(v)
	r, rec, err := mailbox.FindRecipient(ctx, tx, id, shown)
	switch {
	case err != nil || rec != nil:
		return groups.Member{}, "", rec, err
	case r.Mailbox != nil:
		return groups.Member{ID: strings.ToLower(r.Mailbox.LinkedUserID()), Kind: groups.MemberUser}, r.Mailbox.Name, nil, nil
	case r.Group != nil:
		return groups.Member{ID: r.Group.Guid, Kind: groups.MemberGroup}, r.Group.Name, nil, nil
	case r.Contact != nil:
		return groups.Member{ID: r.Contact.Guid, Kind: groups.MemberContact}, r.Contact.Name, nil, nil
	}
	return groups.Member{}, "", exo.RecipientNotFound(ctx, shown), nil
}

// changeMember adds (add) or removes a member of a distribution or
// mail-enabled security group.
func changeMember(ctx *command.Context, add bool) error {
	if !ctx.Has("Member") {
		return nil
	}
	var g *groups.Group
	var m groups.Member
	var name string
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		g, rec, err = findOne(ctx, tx, ctx.Value("Identity"), false)
		if err != nil || rec != nil {
			return rec, err
		}
		if g.IsUnified() {
			return exo.InvalidOperation(ctx, fmt.Sprintf("The group \"%s\" is a Microsoft 365 group. Use Add-UnifiedGroupLinks or Remove-UnifiedGroupLinks to change its members.", g.Name), g.Name), nil
		}
		m, name, rec, err = resolveMember(ctx, tx, ctx.Value("Member"))
		if err == nil && rec == nil && add && g.RecipientTypeDetails == groups.TypeRoomList {
			// a room list's members are room mailboxes
			_, rec, err = resolveMembers(ctx, tx, valueStrings(ctx.Value("Member")), true)
		}
		return rec, err
	}
	prompt := func() (string, string) {
		if add {
			return fmt.Sprintf("Adding member \"%s\" to distribution group \"%s\".", name, g.Name), g.Name
		}
		return fmt.Sprintf("Removing member \"%s\" from distribution group \"%s\".", name, g.Name), g.Name
	}
	_, err := exo.Confirmed(ctx, "", plan, prompt, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if add {
			changed, err := groups.AddMember(tx, g, m)
			var ve *store.ValidationError
			if errors.As(err, &ve) {
				return exo.InvalidOperation(ctx, fmt.Sprintf("The group \"%s\" can't be a member of itself.", g.Name), g.Name), nil
			}
			if err == nil && !changed {
				return exo.MemberExists(ctx, name, g.Name), nil
			}
			return nil, err
		}
		changed, err := groups.RemoveMember(tx, g, m.ID)
		if err == nil && !changed {
			return exo.NotAMember(ctx, name, g.Name), nil
		}
		return nil, err
	})
	return err
}
