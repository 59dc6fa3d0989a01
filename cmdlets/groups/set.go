package groups

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// Restriction values of joining and leaving a group.
var (
	joinRestrictions   = []string{"Open", "Closed", "ApprovalRequired"}
	departRestrictions = []string{"Open", "Closed"}
)

func setCommands() []*command.Command {
	set := exo.Declared("Set-DistributionGroup")
	set.Synopsis = "Changes a distribution group or mail-enabled security group: owners, display name, description, restrictions, custom attributes."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: `Set-DistributionGroup -Identity Sales -ManagedBy @{Add="isaiahl@contoso.com"}`, Remark: "Makes Isaiah an owner of Sales as well."},
		{Code: `Set-DistributionGroup -Identity finance -CustomAttribute15 "Reviewed 2024-03"`, Remark: "Marks the group (runbooks that find inactive lists do this)."},
	}
	help := groupSetHelp()
	exo.Describe(set, help)
	set.Handler.Process = setDistributionGroup
	return []*command.Command{set}
}

// groupSetHelp is the help of the group Set cmdlets' parameters.
func groupSetHelp() map[string]string {
	help := map[string]string{
		"Identity":                           "The group: name, alias, address, GUID or distinguished name.",
		"ManagedBy":                          "The owners: a list replaces them, @{Add=...; Remove=...} changes them. Mailboxes, mail users or mail-enabled security groups; a group keeps at least one owner.",
		"DisplayName":                        "The name shown in address lists.",
		"Description":                        "The group's description.",
		"HiddenFromAddressListsEnabled":      "$true hides the group from address lists.",
		"RequireSenderAuthenticationEnabled": "$true accepts mail only from senders inside the organization.",
		"MemberJoinRestriction":              "Open, Closed or ApprovalRequired.",
		"MemberDepartRestriction":            "Open or Closed.",
		"BypassSecurityGroupManagerCheck":    "Accepted; the administrator manages every group.",
		"IgnoreNamingPolicy":                 "Accepted; the tenant has no group naming policy.",
		"ForceUpgrade":                       "Accepted; no confirmation about the object's version is asked.",
		"Name":                               "The group's unique name (at most 64 characters).",
		"Alias":                              "The mail nickname; it doesn't change the addresses.",
		"PrimarySmtpAddress":                 "The primary address; the old one stays as a proxy address.",
		"WindowsEmailAddress":                "The primary address, as PrimarySmtpAddress.",
		"EmailAddresses":                     "The proxy addresses: a list replaces them, @{Add=...; Remove=...} changes them.",
		"ModeratedBy":                        "The moderators: a list replaces them, @{Add=...; Remove=...} changes them. Mailboxes, mail users or mail contacts.",
		"ModerationEnabled":                  "Whether messages to the group need a moderator's approval (a security group needs moderators for it).",
		"SendModerationNotifications":        "Always, Internal or Never.",
		"BypassNestedModerationEnabled":      "$true: one approval covers the moderated groups nested in this one.",
		"BccBlocked":                         "$true: messages that have the group on Bcc are not delivered to its members.",
		"RoomList":                           "Makes a distribution group whose members are all room mailboxes a room list.",
	}
	for i := 1; i <= 15; i++ {
		help[fmt.Sprintf("CustomAttribute%d", i)] = "A free text attribute ($null clears it)."
	}
	for i := 1; i <= 5; i++ {
		help[fmt.Sprintf("ExtensionCustomAttribute%d", i)] = "Free text values (at most 1300): a list replaces them, @{Add=...; Remove=...} changes them."
	}
	for _, p := range []string{"AcceptMessagesOnlyFrom", "RejectMessagesFrom"} {
		help[p] = "Individual senders (mailboxes, mail users, mail contacts): a list replaces them, @{Add=...; Remove=...} changes them."
		help[p+"DLMembers"] = "Groups whose members are meant (distribution, security, Microsoft 365 and dynamic groups): a list replaces them, @{Add=...; Remove=...} changes them."
	}
	help["AcceptMessagesOnlyFromSendersOrMembers"] = "Who may send to the group: individual senders and groups, kept apart in AcceptMessagesOnlyFrom and AcceptMessagesOnlyFromDLMembers ($null: everyone)."
	help["RejectMessagesFromSendersOrMembers"] = "Who may not send to the group: individual senders and groups, kept apart in RejectMessagesFrom and RejectMessagesFromDLMembers."
	help["BypassModerationFromSendersOrMembers"] = "Senders and groups whose messages skip moderation."
	help["GrantSendOnBehalfTo"] = "Mailboxes, mail users and groups that may send on behalf of the group: a list replaces them, @{Add=...; Remove=...} changes them."
	help["MailTip"] = "The MailTip senders see (at most 175 characters; kept as HTML, and as the default translation); $null removes it."
	help["MailTipTranslations"] = "Translations of the MailTip, culture:text (the default one default:text)."
	help["ReportToManagerEnabled"] = "$true sends delivery reports to the group's first owner."
	help["ReportToOriginatorEnabled"] = "$true (the default) sends delivery reports to the sender."
	help["SendOofMessageToOriginatorEnabled"] = "$true sends the members' out-of-office replies to the sender."
	help["SimpleDisplayName"] = "An alternative name of letters, digits, spaces and \" ' ( ) + , - . / : ? only."
	help["HiddenGroupMembershipEnabled"] = "Hides the members from everyone but the owners; this can't be undone."
	help["ResetMigrationToUnifiedGroup"] = "Resets the flag of a migration to a Microsoft 365 group in progress (the simulated tenant starts none)."
	help["UpdateMemberCount"] = "Recounts the members (the simulated tenant counts them at every read)."
	return help
}

// resolveOwners resolves ManagedBy values to owners: each must be a
// mailbox, a mail user or a mail-enabled security group.
func resolveOwners(ctx *command.Context, tx *store.Tx, values []string) ([]groups.Member, *object.ErrorRecord, error) {
	var out []groups.Member
	for _, v := range values {
		m, name, rec, err := resolveMember(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if m.Kind == groups.MemberGroup {
			g, ok, err := groups.Get(tx, m.ID)
			if err != nil {
				return nil, nil, err
			}
			if ok && !g.IsSecurity() {
				return nil, exo.Invalid(ctx, fmt.Sprintf("The group \"%s\" can't manage other groups because it isn't a mail-enabled security group.", name), v), nil
			}
		}
		out = append(out, m)
	}
	return out, nil, nil
}

func hasOwner(ms []groups.Member, id string) bool {
	for _, m := range ms {
		if strings.EqualFold(m.ID, id) {
			return true
		}
	}
	return false
}

// applyGroupSettings applies the call's parameters to g.
func applyGroupSettings(ctx *command.Context, tx *store.Tx, g *groups.Group) (*object.ErrorRecord, error) {
	if ctx.Has("ManagedBy") {
		add, remove, replace, err := mailbox.ReadMultiValued(ctx.Value("ManagedBy"))
		if err != nil {
			return exo.Invalid(ctx, err.Error(), g.Name), nil
		}
		adds, rec, err := resolveOwners(ctx, tx, add)
		if err != nil || rec != nil {
			return rec, err
		}
		var owners []groups.Member
		if !replace {
			owners = append(owners, g.ManagedBy...)
		}
		for _, m := range adds {
			if !hasOwner(owners, m.ID) {
				owners = append(owners, m)
			}
		}
		removes, rec, err := resolveOwners(ctx, tx, remove)
		if err != nil || rec != nil {
			return rec, err
		}
		kept := owners[:0]
		for _, m := range owners {
			if !hasOwner(removes, m.ID) {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			return exo.Invalid(ctx, fmt.Sprintf("The group \"%s\" must have at least one owner (ManagedBy).", g.Name), g.Name), nil
		}
		g.ManagedBy = kept
	}
	if ctx.Has("DisplayName") {
		v := strings.TrimSpace(ctx.String("DisplayName"))
		if v == "" {
			return exo.Invalid(ctx, "The DisplayName can't be empty.", g.Name), nil
		}
		g.DisplayName = v
	}
	if ctx.Has("Description") {
		g.Description = strings.Join(ctx.Strings("Description"), "\n")
	}
	if ctx.Has("HiddenFromAddressListsEnabled") {
		g.HiddenFromAddressListsEnabled = ctx.Bool("HiddenFromAddressListsEnabled")
	}
	if ctx.Has("RequireSenderAuthenticationEnabled") {
		g.RequireSenderAuthenticationEnabled = ctx.Bool("RequireSenderAuthenticationEnabled")
	}
	for _, r := range []struct {
		param  string
		values []string
		field  *string
	}{{"MemberJoinRestriction", joinRestrictions, &g.MemberJoinRestriction}, {"MemberDepartRestriction", departRestrictions, &g.MemberDepartRestriction}} {
		if !ctx.Has(r.param) {
			continue
		}
		var found string
		if rec := exo.EnumArg(ctx, r.param, "Microsoft.Exchange.Data.Directory.Recipient.MemberUpdateType", r.values, &found); rec != nil {
			return rec, nil
		}
		if r.param == "MemberJoinRestriction" && found == "Open" && g.IsSecurity() {
			// anyone joining a group that grants permissions is not allowed
			return exo.Invalid(ctx, fmt.Sprintf("The group \"%s\" is a security group: its MemberJoinRestriction can't be Open.", g.Name), g.Name), nil
		}
		*r.field = found
	}
	for i := 1; i <= 15; i++ {
		name := fmt.Sprintf("CustomAttribute%d", i)
		if ctx.Has(name) {
			g.SetCustomAttribute(i, ctx.String(name))
		}
	}
	if rec := applyAddressSettings(ctx, g); rec != nil {
		return rec, nil
	}
	if rec := applyDeliverySettings(ctx, g); rec != nil {
		return rec, nil
	}
	if rec, err := applyDeliveryLists(ctx, tx, g); rec != nil || err != nil {
		return rec, err
	}
	return applyModeration(ctx, tx, g)
}

// applyAddressSettings applies -Name, -Alias and the address parameters.
func applyAddressSettings(ctx *command.Context, g *groups.Group) *object.ErrorRecord {
	if ctx.Has("Name") {
		n := strings.TrimSpace(ctx.String("Name"))
		if n == "" || len([]rune(n)) > 64 {
			return exo.Invalid(ctx, "The Name must be 1 to 64 characters long.", n)
		}
		g.Name = n
	}
	if ctx.Has("Alias") {
		a := strings.TrimSpace(ctx.String("Alias"))
		if rec := AliasRefusal(ctx, a); rec != nil {
			return rec
		}
		g.Alias = a
	}
	primary := ""
	for _, p := range []string{"PrimarySmtpAddress", "WindowsEmailAddress"} {
		if ctx.Has(p) {
			primary = strings.TrimSpace(ctx.String(p))
		}
	}
	if primary != "" && ctx.Has("EmailAddresses") {
		return exo.Invalid(ctx, "The EmailAddresses and PrimarySmtpAddress parameters can't be used in the same command.", g.Name)
	}
	if primary != "" {
		if !validSmtp(primary) {
			return exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", primary), primary)
		}
		h := object.NewHashtable()
		h.Set("Add", "SMTP:"+primary)
		next, m := mailbox.ApplyProxyAddresses(h, g.EmailAddresses)
		if m != "" {
			return exo.Invalid(ctx, m, primary)
		}
		g.EmailAddresses, g.PrimarySmtpAddress = next, primary
	}
	if ctx.Has("EmailAddresses") {
		next, m := mailbox.ApplyProxyAddresses(ctx.Value("EmailAddresses"), g.EmailAddresses)
		if m != "" {
			return exo.Invalid(ctx, m, g.Name)
		}
		g.EmailAddresses = next
		for _, a := range next {
			if strings.HasPrefix(a, "SMTP:") {
				g.PrimarySmtpAddress = a[5:]
			}
		}
	}
	return nil
}

// applyModeration applies the moderation parameters and -RoomList.
func applyModeration(ctx *command.Context, tx *store.Tx, g *groups.Group) (*object.ErrorRecord, error) {
	if ctx.Has("ModeratedBy") {
		add, remove, replace, err := mailbox.ReadMultiValued(ctx.Value("ModeratedBy"))
		if err != nil {
			return exo.Invalid(ctx, err.Error(), g.Name), nil
		}
		adds, rec, err := resolveModerators(ctx, tx, add)
		if err != nil || rec != nil {
			return rec, err
		}
		removes, rec, err := resolveModerators(ctx, tx, remove)
		if err != nil || rec != nil {
			return rec, err
		}
		var next []groups.Member
		if !replace {
			next = append(next, g.ModeratedBy...)
		}
		for _, m := range adds {
			if !hasMember(next, m.ID) {
				next = append(next, m)
			}
		}
		kept := next[:0:0]
		for _, m := range next {
			if !hasMember(removes, m.ID) {
				kept = append(kept, m)
			}
		}
		g.ModeratedBy = kept
	}
	for _, b := range []struct {
		param string
		field *bool
	}{{"ModerationEnabled", &g.ModerationEnabled}, {"BypassNestedModerationEnabled", &g.BypassNestedModerationEnabled}, {"BccBlocked", &g.BccBlocked}} {
		if ctx.Has(b.param) {
			*b.field = ctx.Bool(b.param)
		}
	}
	if rec := exo.EnumArg(ctx, "SendModerationNotifications", "Microsoft.Exchange.Data.Directory.Recipient.TransportModerationNotificationFlags", moderationNotifications, &g.SendModerationNotifications); rec != nil {
		return rec, nil
	}
	if g.ModerationEnabled && len(g.ModeratedBy) == 0 && g.IsSecurity() {
		return exo.Invalid(ctx, "To enable moderation for a mail-enabled security group, specify at least one moderator with the ModeratedBy parameter.", g.Name), nil
	}
	if ctx.Switch("RoomList") && g.RecipientTypeDetails != groups.TypeRoomList {
		if g.RecipientTypeDetails != groups.TypeDistribution {
			return exo.InvalidOperation(ctx, fmt.Sprintf("The group \"%s\" can't be a room list because it's a security group.", g.Name), g.Name), nil
		}
		e := env{tx: tx}
		for _, m := range g.Members {
			if r, ok := e.resolve(m); ok && (r.mbx == nil || r.mbx.RecipientTypeDetails != directory.RecipientRoomMailbox) {
				return exo.InvalidOperation(ctx, fmt.Sprintf("\"%s\" can't be a member of a room list because it isn't a room mailbox.", r.name), r.name), nil
			}
		}
		g.RecipientTypeDetails = groups.TypeRoomList
	}
	return nil, nil
}

// setDistributionGroup changes a distribution or mail-enabled security
// group; a Microsoft 365 group is not one (Set-UnifiedGroup changes it).
func setDistributionGroup(ctx *command.Context) error {
	return setGroup(ctx, false, "distribution group", func(tx *store.Tx, g *groups.Group) (*object.ErrorRecord, error) {
		oldName := g.Name
		if rec, err := applyGroupSettings(ctx, tx, g); rec != nil || err != nil {
			return rec, err
		}
		if g.Name != oldName {
			// a mailbox forwarding to the group follows its new name
			return nil, mailbox.RetargetForwarding(tx, oldName, g.Name)
		}
		return nil, nil
	})
}

// setGroup runs a group Set cmdlet: it finds the group -Identity names
// (among the Microsoft 365 groups when unified, else among the
// distribution and mail-enabled security groups), asks for confirmation
// naming it as kind, then applies the call to it and stores it.
func setGroup(ctx *command.Context, unified bool, kind string, apply func(tx *store.Tx, g *groups.Group) (*object.ErrorRecord, error)) error {
	if rec := restrictionConflict(ctx); rec != nil {
		return ctx.Fail(rec)
	}
	var g *groups.Group
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		g, rec, err = findOne(ctx, tx, ctx.Value("Identity"), unified)
		if err == nil && rec == nil && !unified && (g.IsUnified() || g.RecipientTypeDetails == groups.TypeRoleGroup || g.RecipientTypeDetails == groups.TypeDynamic) {
			_, shown := mailbox.IdentityString(ctx.Value("Identity"))
			rec = exo.NotFound(ctx, shown)
		}
		return rec, err
	}
	_, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("Setting %s \"%s\".", kind, g.Name), g.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if rec, err := apply(tx, g); rec != nil || err != nil {
			return rec, err
		}
		return nil, groups.Update(tx, g)
	})
	return err
}
