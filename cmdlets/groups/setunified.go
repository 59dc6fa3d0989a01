package groups

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
)

// Set-UnifiedGroup changes the settings a Microsoft 365 group shares with
// the other groups (display name, addresses, custom attributes, delivery
// restrictions, moderation) and its own privacy (-AccessType) and notes.
// The settings of the group's workspace (subscriptions, calendar, Outlook
// visibility, labels, language ...) are not kept by the simulated tenant:
// a call that sets one fails with ParameterNotSimulated.

// unifiedSetParams are the parameters Set-UnifiedGroup models.
func unifiedSetParams() []string {
	ps := []string{"Identity", "DisplayName", "Notes", "AccessType", "Alias", "PrimarySmtpAddress", "EmailAddresses",
		"HiddenFromAddressListsEnabled", "RequireSenderAuthenticationEnabled", "GrantSendOnBehalfTo",
		"AcceptMessagesOnlyFromSendersOrMembers", "RejectMessagesFromSendersOrMembers", "ModeratedBy", "ModerationEnabled",
		"MailTip", "MailTipTranslations", "ForceUpgrade"}
	for i := 1; i <= 15; i++ {
		ps = append(ps, fmt.Sprintf("CustomAttribute%d", i))
	}
	for i := 1; i <= 5; i++ {
		ps = append(ps, fmt.Sprintf("ExtensionCustomAttribute%d", i))
	}
	return ps
}

// accessTypes are the privacy values of a Microsoft 365 group.
var accessTypes = []string{"Public", "Private"}

func setUnifiedCommands() []*command.Command {
	set := exo.Declared("Set-UnifiedGroup")
	set.Synopsis = "Changes a Microsoft 365 group: display name, notes, privacy, addresses, custom attributes, delivery restrictions, moderation."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: `Set-UnifiedGroup -Identity 'Project Falcon' -AccessType Public -Notes 'Open to everyone'`, Remark: "Makes the group public and changes its description."},
		{Code: `Set-UnifiedGroup -Identity 'Project Falcon' -PrimarySmtpAddress falcon@contoso.com`, Remark: "Changes the primary address; the old one stays as a proxy address."},
	}
	help := groupSetHelp()
	help["Identity"] = "The Microsoft 365 group: name, alias, address, GUID or distinguished name."
	help["Notes"] = "The group's description (what Get-UnifiedGroup shows as Notes)."
	help["AccessType"] = "Public (anyone in the organization may join and read) or Private (only members)."
	exo.DescribeDeclared(set, help)
	set.Handler.Process = setUnifiedGroup
	return []*command.Command{exo.Partial(set, unifiedSetParams()...)}
}

// setUnifiedGroup changes a Microsoft 365 group; any other group is not
// found, as the service looks only among Microsoft 365 groups.
func setUnifiedGroup(ctx *command.Context) error {
	return setGroup(ctx, true, "unified group", func(tx *store.Tx, g *groups.Group) (*object.ErrorRecord, error) {
		if rec := exo.EnumArg(ctx, "AccessType", "Microsoft.Exchange.Data.Directory.ModernGroupTypeInfo", accessTypes, &g.AccessType); rec != nil {
			return rec, nil
		}
		if ctx.Has("Notes") {
			g.Description = ctx.String("Notes")
		}
		return applyGroupSettings(ctx, tx, g)
	})
}
