package groups

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/permissions"
)

// groupTypes are the values of New-DistributionGroup -Type.
var groupTypes = []string{"Distribution", "Security"}

// moderationNotifications are the values of -SendModerationNotifications.
var moderationNotifications = []string{"Never", "Internal", "Always"}

// lifecycleCommands are New- and Remove-DistributionGroup.
func lifecycleCommands() []*command.Command {
	nw := exo.Declared("New-DistributionGroup")
	nw.Synopsis = "Creates a distribution group, mail-enabled security group or room list."
	nw.Description = "Without -ManagedBy the account that runs the command owns the group. Owners aren't members unless -CopyOwnerToMember is used. " +
		"The alias comes from the name (spaces removed), the primary address from the alias and the organization's default domain."
	nw.ConfirmImpact = command.ImpactMedium
	nw.OutputType = TypeDistributionGroup
	nw.Examples = []command.Example{
		{Code: "New-DistributionGroup -Name Managers -Type Security", Remark: "A mail-enabled security group without members."},
		{Code: "New-DistributionGroup -Name ITDepartment -Members alexw@contoso.com,isaiahl@contoso.com", Remark: "A distribution group with two members."},
	}
	exo.Describe(nw, map[string]string{
		"Name":                               "The group's unique name (at most 64 characters); also the display name unless -DisplayName is given.",
		"Alias":                              "The mail nickname (default: the name without spaces).",
		"DisplayName":                        "The name in address lists (at most 256 characters).",
		"PrimarySmtpAddress":                 "The primary address (default: alias@ the organization's default domain).",
		"Type":                               "Distribution (the default) or Security (a mail-enabled security group, which can hold permissions).",
		"Members":                            "The members: mailboxes, mail users, mail contacts or groups.",
		"ManagedBy":                          "The owners: mailboxes, mail users or mail-enabled security groups (default: you).",
		"CopyOwnerToMember":                  "Makes the owners members too.",
		"MemberJoinRestriction":              "Open, Closed (the default) or ApprovalRequired; a security group can't be Open.",
		"MemberDepartRestriction":            "Open (the default for distribution groups) or Closed (the default and only value for security groups).",
		"RequireSenderAuthenticationEnabled": "$true (the default) accepts mail only from senders inside the organization.",
		"ModeratedBy":                        "Moderators who approve messages to the group: mailboxes, mail users or mail contacts.",
		"ModerationEnabled":                  "Whether messages to the group need a moderator's approval.",
		"SendModerationNotifications":        "Always (the default), Internal or Never.",
		"BypassNestedModerationEnabled":      "$true: one approval covers the moderated groups nested in this one.",
		"BccBlocked":                         "$true: messages that have the group on Bcc are not delivered to its members.",
		"HiddenGroupMembershipEnabled":       "Hides the member list from everyone but the owners (only when the group is made).",
		"RoomList":                           "A room list: its members are room mailboxes.",
		"Description":                        "The group's description.",
		"Notes":                              "Notes about the group.",
		"OrganizationalUnit":                 "The organization's one unit (no effect in Exchange Online).",
		"IgnoreNamingPolicy":                 "Accepted; the tenant has no group naming policy.",
	})
	nw.Handler.Process = newDistributionGroup

	rm := exo.Declared("Remove-DistributionGroup")
	rm.Synopsis = "Deletes a distribution group, mail-enabled security group or room list."
	rm.Description = "The group leaves the groups it was a member, owner or moderator of, and the permissions on it go with it."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{
		{Code: "New-DistributionGroup -Name Temp | Out-Null; Remove-DistributionGroup Temp -Confirm:$false", Remark: "Deletes the group without asking."},
	}
	exo.Describe(rm, map[string]string{
		"Identity":                        "The group: name, alias, address, GUID or distinguished name.",
		"BypassSecurityGroupManagerCheck": "Accepted; the administrator manages every group.",
	})
	rm.Handler.Process = removeDistributionGroup
	return []*command.Command{nw, rm}
}

// groupAddresses are a new group's addresses: the primary one (given, or
// alias@ the default domain) and alias@ the tenant's routing domain.
func groupAddresses(org *directory.Organization, alias, primary string) []string {
	out := []string{"SMTP:" + primary}
	if routing := alias + "@" + org.Name; !strings.EqualFold(routing, primary) {
		out = append(out, "smtp:"+routing)
	}
	return out
}

// ValidSmtp reports whether s is one SMTP address: a local part and a
// domain with a dot, no spaces.
func ValidSmtp(s string) bool { return validSmtp(s) }

func validSmtp(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || strings.ContainsAny(s, " \t,;<>") {
		return false
	}
	d := s[at+1:]
	return strings.Contains(d, ".") && !strings.HasPrefix(d, ".") && !strings.HasSuffix(d, ".")
}

// resolveMembers resolves the values of a recipient list parameter; with
// roomsOnly each must be a room mailbox.
func resolveMembers(ctx *command.Context, tx *store.Tx, values []string, roomsOnly bool) ([]groups.Member, *object.ErrorRecord, error) {
	var out []groups.Member
	for _, v := range values {
		m, name, rec, err := resolveMember(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if roomsOnly {
			r, _, err := mailbox.FindRecipient(ctx, tx, v, v)
			if err != nil {
				return nil, nil, err
			}
			if r.Mailbox == nil || r.Mailbox.RecipientTypeDetails != directory.RecipientRoomMailbox {
				return nil, exo.InvalidOperation(ctx, fmt.Sprintf("\"%s\" can't be a member of a room list because it isn't a room mailbox.", name), v), nil
			}
		}
		if !hasMember(out, m.ID) {
			out = append(out, m)
		}
	}
	return out, nil, nil
}

// callerOwner is the account that runs the command, as a group owner.
func callerOwner(ctx *command.Context, tx *store.Tx) (groups.Member, bool, error) {
	u, err := directory.ActiveUserWithUPN(tx, exo.Caller(runtime.Of(ctx)), "")
	if err != nil || u == nil {
		return groups.Member{}, false, err
	}
	return groups.Member{ID: strings.ToLower(u.ObjectID), Kind: groups.MemberUser}, true, nil
}

// newGroupRecord builds the group New-DistributionGroup's parameters
// describe, with its owners, members and moderators resolved, in tx.
func newGroupRecord(ctx *command.Context, tx *store.Tx, org *directory.Organization, name string) (*groups.Group, *object.ErrorRecord, error) {
	g := &groups.Group{Name: name, DisplayName: name, Alias: aliasFromName(name), RecipientTypeDetails: groups.TypeDistribution,
		RequireSenderAuthenticationEnabled: true, MemberJoinRestriction: "Closed", MemberDepartRestriction: "Open"}
	kind := "Distribution"
	if rec := exo.EnumArg(ctx, "Type", "Microsoft.Exchange.Management.RecipientTasks.GroupType", groupTypes, &kind); rec != nil {
		return nil, rec, nil
	}
	room := ctx.Switch("RoomList")
	switch {
	case kind == "Security" && room:
		return nil, exo.Invalid(ctx, "A room list can't be a security group. Don't use the RoomList switch with -Type Security.", name), nil
	case kind == "Security":
		g.RecipientTypeDetails, g.MemberDepartRestriction = groups.TypeSecurity, "Closed"
	case room:
		g.RecipientTypeDetails = groups.TypeRoomList
	}
	if ctx.Has("DisplayName") {
		g.DisplayName = strings.TrimSpace(ctx.String("DisplayName"))
		if g.DisplayName == "" {
			return nil, exo.Invalid(ctx, "The DisplayName can't be empty.", name), nil
		}
	}
	if len([]rune(g.DisplayName)) > 256 {
		return nil, exo.Invalid(ctx, "The DisplayName can't be longer than 256 characters.", g.DisplayName), nil
	}
	if ctx.Has("Alias") {
		g.Alias = strings.TrimSpace(ctx.String("Alias"))
	}
	if rec := AliasRefusal(ctx, g.Alias); rec != nil {
		return nil, rec, nil
	}
	g.PrimarySmtpAddress = g.Alias + "@" + org.DefaultDomain
	if ctx.Has("PrimarySmtpAddress") {
		g.PrimarySmtpAddress = strings.TrimSpace(ctx.String("PrimarySmtpAddress"))
		if !validSmtp(g.PrimarySmtpAddress) {
			return nil, exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", g.PrimarySmtpAddress), g.PrimarySmtpAddress), nil
		}
	}
	g.EmailAddresses = groupAddresses(org, g.Alias, g.PrimarySmtpAddress)
	for _, r := range []struct {
		param  string
		values []string
		field  *string
	}{{"MemberJoinRestriction", joinRestrictions, &g.MemberJoinRestriction}, {"MemberDepartRestriction", joinRestrictions, &g.MemberDepartRestriction}} {
		if rec := exo.EnumArg(ctx, r.param, "Microsoft.Exchange.Data.Directory.Recipient.MemberUpdateType", r.values, r.field); rec != nil {
			return nil, rec, nil
		}
	}
	if g.MemberDepartRestriction == "ApprovalRequired" {
		return nil, exo.Invalid(ctx, "MemberDepartRestriction can't be ApprovalRequired. Use Open or Closed.", "MemberDepartRestriction"), nil
	}
	if g.IsSecurity() && (g.MemberJoinRestriction == "Open" || g.MemberDepartRestriction == "Open") {
		return nil, exo.Invalid(ctx, fmt.Sprintf("The group \"%s\" is a security group: its MemberJoinRestriction and MemberDepartRestriction can't be Open.", name), name), nil
	}
	if rec := exo.EnumArg(ctx, "SendModerationNotifications", "Microsoft.Exchange.Data.Directory.Recipient.TransportModerationNotificationFlags", moderationNotifications, &g.SendModerationNotifications); rec != nil {
		return nil, rec, nil
	}
	for _, b := range []struct {
		param string
		field *bool
	}{{"RequireSenderAuthenticationEnabled", &g.RequireSenderAuthenticationEnabled}, {"ModerationEnabled", &g.ModerationEnabled},
		{"BypassNestedModerationEnabled", &g.BypassNestedModerationEnabled}, {"BccBlocked", &g.BccBlocked}} {
		if ctx.Has(b.param) {
			*b.field = ctx.Bool(b.param)
		}
	}
	g.HiddenGroupMembershipEnabled = ctx.Switch("HiddenGroupMembershipEnabled")
	if g.HiddenGroupMembershipEnabled {
		// a group whose members are hidden is hidden from address lists too
		g.HiddenFromAddressListsEnabled = true
	}
	if ctx.Has("Description") {
		g.Description = strings.Join(nonEmpty(ctx.Strings("Description")...), "\n")
	}
	g.Notes = ctx.String("Notes")

	var rec *object.ErrorRecord
	var err error
	if ctx.Has("ManagedBy") {
		if g.ManagedBy, rec, err = resolveOwners(ctx, tx, valueStrings(ctx.Value("ManagedBy"))); err != nil || rec != nil {
			return nil, rec, err
		}
	} else if m, ok, err := callerOwner(ctx, tx); err != nil {
		return nil, nil, err
	} else if ok {
		g.ManagedBy = []groups.Member{m}
	}
	if len(g.ManagedBy) == 0 {
		return nil, exo.Invalid(ctx, fmt.Sprintf("The group \"%s\" must have at least one owner (ManagedBy).", name), name), nil
	}
	if g.Members, rec, err = resolveMembers(ctx, tx, valueStrings(ctx.Value("Members")), room); err != nil || rec != nil {
		return nil, rec, err
	}
	if ctx.Switch("CopyOwnerToMember") {
		for _, o := range g.ManagedBy {
			if !hasMember(g.Members, o.ID) {
				g.Members = append(g.Members, o)
			}
		}
	}
	if g.ModeratedBy, rec, err = resolveModerators(ctx, tx, valueStrings(ctx.Value("ModeratedBy"))); err != nil || rec != nil {
		return nil, rec, err
	}
	if g.ModerationEnabled && len(g.ModeratedBy) == 0 && g.IsSecurity() {
		return nil, exo.Invalid(ctx, "To enable moderation for a mail-enabled security group, specify at least one moderator with the ModeratedBy parameter.", name), nil
	}
	return g, nil, nil
}

// resolveModerators resolves ModeratedBy values: each must be a mailbox,
// a mail user or a mail contact, not a group.
func resolveModerators(ctx *command.Context, tx *store.Tx, values []string) ([]groups.Member, *object.ErrorRecord, error) {
	var out []groups.Member
	for _, v := range values {
		m, name, rec, err := resolveMember(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if m.Kind == groups.MemberGroup {
			return nil, exo.Invalid(ctx, fmt.Sprintf("\"%s\" can't be a moderator because it's a group. A moderator must be a mailbox, mail user or mail contact.", name), v), nil
		}
		if !hasMember(out, m.ID) {
			out = append(out, m)
		}
	}
	return out, nil, nil
}

func newDistributionGroup(ctx *command.Context) error {
	name, err := mailbox.NewRecipientName(ctx)
	if err != nil {
		return err
	}
	return mailbox.CreateRecipient(ctx, name, func(ou string) string {
		return fmt.Sprintf("Creating distribution group \"%s\" in organizational unit \"%s\".", name, ou)
	}, func(tx *store.Tx, org *directory.Organization) (*object.PSObject, *object.ErrorRecord, error) {
		g, rec, err := newGroupRecord(ctx, tx, org, name)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if err := groups.New(tx, g); err != nil {
			return nil, nil, err
		}
		return groupObject(env{tx: tx, org: org}, g, TypeDistributionGroup, nil), nil, nil
	})
}

// removeDistributionGroup deletes a distribution group, mail-enabled
// security group or room list; a Microsoft 365 group is removed with
// Remove-UnifiedGroup and a dynamic group with
// Remove-DynamicDistributionGroup.
func removeDistributionGroup(ctx *command.Context) error {
	return removeGroup(ctx, false, "distribution group", groups.Remove)
}

// removeGroup runs a group Remove cmdlet: it finds the group -Identity
// names (among the Microsoft 365 groups when unified, else among the
// others), asks for confirmation naming it as kind, then drops the
// permissions on it and the mailbox forwarding to it, and deletes it with
// remove.
func removeGroup(ctx *command.Context, unified bool, kind string, remove func(*store.Tx, *groups.Group) error) error {
	var g *groups.Group
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		g, rec, err = findOne(ctx, tx, ctx.Value("Identity"), unified)
		if err == nil && rec == nil && !unified && g.IsUnified() {
			_, shown := mailbox.IdentityString(ctx.Value("Identity"))
			rec = exo.NotFound(ctx, shown)
		}
		return rec, err
	}
	_, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("Removing %s \"%s\".", kind, g.Name), g.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if err := permissions.DropRecipient(tx, g.Guid); err != nil {
			return nil, err
		}
		if err := mailbox.RetargetForwarding(tx, g.Name, ""); err != nil {
			return nil, err
		}
		return nil, remove(tx, g)
	})
	return err
}
