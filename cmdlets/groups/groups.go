// Package groups declares the Exchange Online cmdlets of groups:
// Get-DistributionGroup, Get-DistributionGroupMember, Get-UnifiedGroup,
// Get-UnifiedGroupLinks and Get-Group, with the default views of their
// output objects, Add- and Remove-DistributionGroupMember, New-, Set- and
// Remove-UnifiedGroup, Add- and Remove-UnifiedGroupLinks, and the dynamic distribution group cmdlets
// (Get-, New-, Set-, Remove-DynamicDistributionGroup and
// Get-DynamicDistributionGroupMember).
package groups

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/recipientlist"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// Output type names.
const (
	TypeDistributionGroup = "Deserialized.Microsoft.Exchange.Data.Directory.Management.DistributionGroup"
	TypeUnifiedGroup      = "Deserialized.Microsoft.Exchange.Data.Directory.Management.UnifiedGroup"
	TypeGroup             = "Deserialized.Microsoft.Exchange.Data.Directory.Management.WindowsGroup"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-DistributionGroup", "Get-DistributionGroupMember", "Get-UnifiedGroup", "Get-UnifiedGroupLinks", "Get-Group"}, Build: commands},
	{Names: []string{"Add-DistributionGroupMember", "Remove-DistributionGroupMember"}, Build: memberCommands},
	{Names: []string{"Set-DistributionGroup"}, Build: setCommands},
	{Names: []string{"Set-UnifiedGroup"}, Build: setUnifiedCommands},
	{Names: []string{"New-UnifiedGroup", "Remove-UnifiedGroup"}, Build: unifiedLifecycleCommands},
	{Names: []string{"New-DistributionGroup", "Remove-DistributionGroup"}, Build: lifecycleCommands},
	{Names: []string{"Get-DynamicDistributionGroup", "Get-DynamicDistributionGroupMember", "New-DynamicDistributionGroup", "Set-DynamicDistributionGroup", "Remove-DynamicDistributionGroup"}, Build: dynamicCommands},
	{Names: []string{"Add-UnifiedGroupLinks", "Remove-UnifiedGroupLinks"}, Build: linkCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the package's output types.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeDistributionGroup, TypeNames: []string{TypeDistributionGroup}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "DisplayName", Property: "DisplayName"},
		{Label: "GroupType", Property: "GroupType"},
		{Label: "PrimarySmtpAddress", Property: "PrimarySmtpAddress"},
	}})
	r.Add(&format.View{Name: TypeUnifiedGroup, TypeNames: []string{TypeUnifiedGroup}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Alias", Property: "Alias"},
		{Label: "ServerName", Property: "ServerName"},
		{Label: "AccessType", Property: "AccessType"},
	}})
	dynamicViews(r)
	r.Add(&format.View{Name: TypeGroup, TypeNames: []string{TypeGroup}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Width: 59, Property: "Name"},
		{Label: "RecipientType", Property: "RecipientType"},
	}})
}

var recipientTypeDetailsValues = []string{groups.TypeDistribution, groups.TypeSecurity, groups.TypeRoomList, groups.TypeUnified,
	"NonUniversalGroup", "MailNonUniversalGroup", "UniversalDistributionGroup", "UniversalSecurityGroup", "RoleGroup"}

func commands() []*command.Command {
	common := map[string]string{
		"Identity":           "The group: name, alias, address, GUID or distinguished name; * is a wildcard.",
		"Anr":                "Groups whose name, alias, display name or address starts with this text.",
		"Filter":             "An OPATH filter over the group's properties.",
		"OrganizationalUnit": "The organization's one unit (its name, canonical name or DN), which holds every group; another unit is not found.",
		"ResultSize":         "How many groups to show (default 1000) or Unlimited.",
		"SortBy":             "Sorts by Name, DisplayName or Alias.",
	}
	detailsType := &params.Type{Kind: params.KindEnum, Name: "RecipientTypeDetails[]", FullName: "Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails",
		Array: true, Values: recipientTypeDetailsValues, Flags: true}

	dg := exo.Declared("Get-DistributionGroup")
	dg.Synopsis = "Lists distribution groups and mail-enabled security groups."
	dg.OutputType = TypeDistributionGroup
	dg.Examples = []command.Example{
		{Code: "Get-DistributionGroup", Remark: "Lists every distribution and mail-enabled security group."},
		{Code: "Get-DistributionGroup -RecipientTypeDetails MailUniversalSecurityGroup", Remark: "Lists the groups that can hold permissions."},
	}
	exo.Describe(dg, common)
	exo.Describe(dg, map[string]string{
		"ManagedBy":            "Groups this recipient owns.",
		"RecipientTypeDetails": "MailUniversalDistributionGroup, MailUniversalSecurityGroup or RoomList.",
		"Credential":           "Accepted; the session's credentials are used.",
	})
	exo.DeclaredParam(dg, "RecipientTypeDetails").Type = detailsType
	dg.Handler.Process = func(ctx *command.Context) error { return listGroups(ctx, kindDistribution) }

	members := exo.Declared("Get-DistributionGroupMember")
	members.Synopsis = "Lists the members of a distribution group, mail-enabled security group or Microsoft 365 group."
	members.OutputType = mailbox.TypeRecipient
	exo.Describe(members, map[string]string{
		"Identity":                  "The group.",
		"IncludeSoftDeletedObjects": "Also lists members whose mailbox is soft-deleted.",
		"ResultSize":                "How many members to show (default 1000) or Unlimited.",
		"Credential":                "Accepted; the session's credentials are used.",
	})
	members.Handler.Process = func(ctx *command.Context) error { return getLinks(ctx, false) }

	ug := exo.Declared("Get-UnifiedGroup")
	ug.Synopsis = "Lists Microsoft 365 groups."
	ug.OutputType = TypeUnifiedGroup
	exo.Describe(ug, map[string]string{"Identity": common["Identity"], "Anr": common["Anr"], "Filter": common["Filter"],
		"ResultSize": common["ResultSize"], "SortBy": common["SortBy"]})
	exo.Describe(ug, map[string]string{
		"IncludeAllProperties":     "Accepted; every property is returned.",
		"IncludeSoftDeletedGroups": "Also lists the groups deleted in the last 30 days (WhenSoftDeleted says when).",
	})
	ug.Handler.Process = func(ctx *command.Context) error { return listGroups(ctx, kindUnified) }

	links := exo.Declared("Get-UnifiedGroupLinks")
	links.Synopsis = "Lists the members, owners or subscribers of a Microsoft 365 group."
	links.OutputType = mailbox.TypeRecipient
	exo.Describe(links, map[string]string{
		"Identity":   "The Microsoft 365 group.",
		"LinkType":   "Members, Owners, Subscribers, Aggregators or EventSubscribers.",
		"ResultSize": "How many to show (default 1000) or Unlimited.",
	})
	exo.DeclaredParam(links, "LinkType").Type = params.DotNetEnumType("LinkType", "Microsoft.Exchange.Management.RecipientTasks.LinkType", linkTypes...)
	links.Handler.Process = func(ctx *command.Context) error { return getLinks(ctx, true) }

	grp := exo.Declared("Get-Group")
	grp.Synopsis = "Lists every group, mail-enabled or not, with its members."
	grp.OutputType = TypeGroup
	exo.Describe(grp, common)
	exo.Describe(grp, map[string]string{
		"RecipientTypeDetails": "Lists only groups of these types.",
	})
	exo.DeclaredParam(grp, "RecipientTypeDetails").Type = detailsType
	grp.Handler.Process = func(ctx *command.Context) error { return listGroups(ctx, kindAny) }
	return []*command.Command{dg, members, ug, links, grp}
}

// listKind says which groups a listing shows.
type listKind int

const (
	kindDistribution listKind = iota // distribution and mail-enabled security groups
	kindUnified                      // Microsoft 365 groups
	kindAny                          // every group
)

func (k listKind) includes(g *groups.Group) bool {
	switch k {
	case kindDistribution:
		return !g.IsUnified()
	case kindUnified:
		return g.IsUnified()
	}
	return true
}

// env is what building a group object needs: the organization and the
// names of the directory objects a group links to.
type env struct {
	tx  *store.Tx
	org *directory.Organization
}

// member is a linked object as the group cmdlets show it.
type member struct {
	name, display, smtp string
	mbx                 *directory.Mailbox
	group               *groups.Group
	contact             *directory.Contact
	deleted             bool
}

// resolve finds the object a link names; ok is false when it is gone.
func (e env) resolve(m groups.Member) (member, bool) {
	if m.Kind == groups.MemberContact {
		c, ok, err := directory.GetContact(e.tx, m.ID)
		if err != nil || !ok {
			return member{}, false
		}
		return member{name: c.Name, display: c.DisplayName, smtp: c.PrimarySmtpAddress, contact: c}, true
	}
	if m.Kind == groups.MemberGroup {
		g, ok, err := groups.Get(e.tx, m.ID)
		if err == nil && !ok {
			var d *groups.DynamicGroup
			if d, ok, err = groups.GetDynamic(e.tx, m.ID); ok {
				g = d.AsGroup()
			}
		}
		if err != nil || !ok {
			return member{}, false
		}
		return member{name: g.Name, display: g.DisplayName, smtp: g.PrimarySmtpAddress, group: g}, true
	}
	u, err := directory.GetUser(e.tx, m.ID)
	if err != nil || u.State == directory.UserPurged {
		return member{}, false
	}
	out := member{name: u.MailNickname, display: u.DisplayName, smtp: u.UserPrincipalName, deleted: u.State == directory.UserSoftDeleted}
	if u.MailboxGuid != "" {
		if mb, err := directory.GetMailbox(e.tx, u.MailboxGuid); err == nil {
			out.mbx, out.name, out.smtp = mb, mb.Name, mb.PrimarySmtpAddress
			out.deleted = out.deleted || mb.IsDeleted()
		}
	}
	return out, true
}

// names returns the names of the live objects of a link list.
func (e env) names(ms []groups.Member) []string {
	var out []string
	for _, m := range ms {
		if r, ok := e.resolve(m); ok && !r.deleted {
			out = append(out, r.name)
		}
	}
	return out
}

// memberDNs returns the distinguished names of the live members of a
// link list that have one (mailboxes, mail users and groups).
func (e env) memberDNs(ms []groups.Member) []string {
	var out []string
	for _, m := range ms {
		r, ok := e.resolve(m)
		switch {
		case !ok || r.deleted:
		case r.group != nil:
			out = append(out, r.group.DistinguishedName(e.org.Name, e.org.DirectoryPartition))
		case r.contact != nil:
			out = append(out, r.contact.DistinguishedName(e.org.Name, e.org.DirectoryPartition))
		case r.mbx != nil:
			out = append(out, r.mbx.DistinguishedName)
		}
	}
	return out
}

func (e env) displayNames(ms []groups.Member) []string {
	var out []string
	for _, m := range ms {
		if r, ok := e.resolve(m); ok && !r.deleted {
			out = append(out, r.display)
		}
	}
	return out
}

// serverName is the mailbox server a Microsoft 365 group's mailbox lives on.
func serverName(g *groups.Group) string {
	return strings.ToLower(fmt.Sprintf("DM6PR06MB%04d", store.HashN(1000, 9999, g.Alias, "srv")))
}

// groupObject is the Get-DistributionGroup, Get-UnifiedGroup or Get-Group
// object of a group.
func groupObject(e env, g *groups.Group, typeName string, withDisplay map[string]bool) *object.PSObject {
	o := object.NewObject(typeName,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	list := func(s ...string) *object.List { return exo.MultiValued(s) }
	str := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	dn := g.DistinguishedName(e.org.Name, e.org.DirectoryPartition)
	members := e.names(g.Members)
	o.AddTyped("Name", "System.String", g.Name)
	o.AddTyped("DisplayName", "System.String", g.DisplayName)
	if typeName == TypeGroup {
		o.AddTyped("GroupType", "System.String", g.GroupType())
		o.AddTyped("ManagedBy", "System.String", list(e.names(g.ManagedBy)...))
		o.AddTyped("Members", "System.String", list(members...))
		o.AddTyped("Notes", "System.String", str(notesOf(g)))
		o.AddTyped("SamAccountName", "System.String", g.Alias)
		o.AddTyped("WindowsEmailAddress", "System.String", g.PrimarySmtpAddress)
		o.AddTyped("IsDirSynced", "System.Boolean", false)
	} else {
		o.AddTyped("Alias", "System.String", g.Alias)
		if typeName == TypeUnifiedGroup {
			o.AddTyped("AccessType", "System.String", g.AccessType)
			o.AddTyped("ServerName", "System.String", serverName(g))
			o.AddTyped("Notes", "System.String", str(g.Description))
			o.AddTyped("GroupMemberCount", "System.Int32", len(members))
			o.AddTyped("GroupExternalMemberCount", "System.Int32", 0)
			o.AddTyped("SubscriptionEnabled", "System.Boolean", true)
			o.AddTyped("AutoSubscribeNewMembers", "System.Boolean", true)
			o.AddTyped("HiddenFromExchangeClientsEnabled", "System.Boolean", false)
			o.AddTyped("HiddenGroupMembershipEnabled", "System.Boolean", g.HiddenGroupMembershipEnabled)
			var deleted any
			if g.WhenSoftDeleted != nil {
				deleted = g.WhenSoftDeleted.UTC()
			}
			o.AddTyped("WhenSoftDeleted", "System.DateTime", deleted)
			o.AddTyped("IsMembershipDynamic", "System.Boolean", false)
			o.AddTyped("ResourceProvisioningOptions", "System.String", list())
			o.AddTyped("SharePointSiteUrl", "System.String", "https://"+strings.TrimSuffix(e.org.Name, ".onmicrosoft.com")+".sharepoint.com/sites/"+g.Alias)
		} else {
			o.AddTyped("GroupType", "System.String", g.GroupType())
			o.AddTyped("BypassNestedModerationEnabled", "System.Boolean", g.BypassNestedModerationEnabled)
			o.AddTyped("Description", "System.String", list(nonEmpty(g.Description)...))
			o.AddTyped("BccBlocked", "System.Boolean", g.BccBlocked)
			o.AddTyped("MemberJoinRestriction", "System.String", g.MemberJoinRestriction)
			o.AddTyped("MemberDepartRestriction", "System.String", g.MemberDepartRestriction)
			o.AddTyped("HiddenGroupMembershipEnabled", "System.Boolean", g.HiddenGroupMembershipEnabled)
			o.AddTyped("SendOofMessageToOriginatorEnabled", "System.Boolean", g.SendOofMessageToOriginatorEnabled)
			o.AddTyped("ReportToManagerEnabled", "System.Boolean", g.ReportToManagerEnabled)
			o.AddTyped("ReportToOriginatorEnabled", "System.Boolean", !g.ReportToOriginatorOff)
		}
		o.AddTyped("ManagedBy", "System.String", list(e.names(g.ManagedBy)...))
		o.AddTyped("PrimarySmtpAddress", "System.String", g.PrimarySmtpAddress)
		o.AddTyped("EmailAddresses", "System.String", list(g.EmailAddresses...))
		o.AddTyped("HiddenFromAddressListsEnabled", "System.Boolean", g.HiddenFromAddressListsEnabled)
		o.AddTyped("RequireSenderAuthenticationEnabled", "System.Boolean", g.RequireSenderAuthenticationEnabled)
		if typeName != TypeGroup {
			for i := 1; i <= 15; i++ {
				o.AddTyped(fmt.Sprintf("CustomAttribute%d", i), "System.String", g.CustomAttribute(i))
			}
			for i := 1; i <= 5; i++ {
				o.AddTyped(fmt.Sprintf("ExtensionCustomAttribute%d", i), "System.String", list(g.ExtensionCustomAttribute(i)...))
			}
		}
		o.AddTyped("GrantSendOnBehalfTo", "System.String", list(e.names(g.GrantSendOnBehalfTo)...))
		o.AddTyped("AcceptMessagesOnlyFrom", "System.String", list(e.names(g.AcceptMessagesOnlyFrom)...))
		o.AddTyped("AcceptMessagesOnlyFromDLMembers", "System.String", list(e.names(g.AcceptMessagesOnlyFromDLMembers)...))
		o.AddTyped("AcceptMessagesOnlyFromSendersOrMembers", "System.String", list(e.names(acceptFrom(g))...))
		o.AddTyped("RejectMessagesFrom", "System.String", list(e.names(g.RejectMessagesFrom)...))
		o.AddTyped("RejectMessagesFromDLMembers", "System.String", list(e.names(g.RejectMessagesFromDLMembers)...))
		o.AddTyped("RejectMessagesFromSendersOrMembers", "System.String", list(e.names(rejectFrom(g))...))
		o.AddTyped("BypassModerationFromSendersOrMembers", "System.String", list(e.names(bypassFrom(g))...))
		o.AddTyped("ModeratedBy", "System.String", list(e.names(g.ModeratedBy)...))
		o.AddTyped("ModerationEnabled", "System.Boolean", g.ModerationEnabled)
		if typeName != TypeUnifiedGroup {
			o.AddTyped("SendModerationNotifications", "System.String", moderationNotificationsOf(g))
		}
		if typeName == TypeDistributionGroup {
			o.AddTyped("SimpleDisplayName", "System.String", g.SimpleDisplayName)
			o.AddTyped("MailTip", "System.String", str(g.MailTip))
			o.AddTyped("MailTipTranslations", "System.String", list(g.MailTipTranslations...))
		}
		o.AddTyped("WindowsEmailAddress", "System.String", g.PrimarySmtpAddress)
		if typeName == TypeDistributionGroup {
			o.AddTyped("IsDirSynced", "System.Boolean", false)
		}
		o.AddTyped("LegacyExchangeDN", "System.String", "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="+strings.ReplaceAll(g.Guid, "-", "")+"-"+g.Alias)
	}
	for _, p := range []struct{ name, prop string }{
		{"ManagedBy", "ManagedByWithDisplayNames"}, {"GrantSendOnBehalfTo", "GrantSendOnBehalfToWithDisplayNames"},
		{"ModeratedBy", "ModeratedByWithDisplayNames"}, {"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromWithDisplayNames"},
		{"AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromDLMembersWithDisplayNames"},
		{"AcceptMessagesOnlyFromSendersOrMembers", "AcceptMessagesOnlyFromSendersOrMembersWithDisplayNames"},
		{"BypassModerationFromSendersOrMembers", "BypassModerationFromSendersOrMembersWithDisplayNames"},
		{"RejectMessagesFromSendersOrMembers", "RejectMessagesFromSendersOrMembersWithDisplayNames"},
	} {
		if !withDisplay[p.name] {
			continue
		}
		var v []string
		switch p.name {
		case "ManagedBy":
			v = e.displayNames(g.ManagedBy)
		case "ModeratedBy":
			v = e.displayNames(g.ModeratedBy)
		case "GrantSendOnBehalfTo":
			v = e.displayNames(g.GrantSendOnBehalfTo)
		case "AcceptMessagesOnlyFrom":
			v = e.displayNames(g.AcceptMessagesOnlyFrom)
		case "AcceptMessagesOnlyFromDLMembers":
			v = e.displayNames(g.AcceptMessagesOnlyFromDLMembers)
		case "AcceptMessagesOnlyFromSendersOrMembers":
			v = e.displayNames(acceptFrom(g))
		case "BypassModerationFromSendersOrMembers":
			v = e.displayNames(bypassFrom(g))
		case "RejectMessagesFromSendersOrMembers":
			v = e.displayNames(rejectFrom(g))
		}
		o.AddTyped(p.prop, "System.String", list(v...))
	}
	o.AddTyped("RecipientType", "System.String", g.RecipientType())
	o.AddTyped("RecipientTypeDetails", "System.String", g.RecipientTypeDetails)
	o.AddTyped("ExternalDirectoryObjectId", "System.String", g.ExternalDirectoryObjectId)
	o.AddTyped("Identity", "System.String", g.Name)
	o.AddTyped("Id", "System.String", g.Name)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ExchangeVersion", "System.String", "0.10 (14.0.100.0)")
	o.AddTyped("DistinguishedName", "System.String", dn)
	o.AddTyped("OrganizationId", "System.String", exo.OrganizationID(e.org))
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(g.Guid))
	o.AddTyped("ExchangeObjectId", "System.Guid", exo.GuidValue(g.Guid))
	o.AddTyped("WhenChanged", "System.DateTime", g.WhenChanged.UTC())
	o.AddTyped("WhenCreated", "System.DateTime", g.WhenCreated.UTC())
	o.AddTyped("WhenChangedUTC", "System.DateTime", g.WhenChanged.UTC())
	o.AddTyped("WhenCreatedUTC", "System.DateTime", g.WhenCreated.UTC())
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	name := g.Name
	o.ToStringFunc = func() string { return name }
	return o
}

// acceptFrom, rejectFrom and bypassFrom are a group's
// ...SendersOrMembers lists: its individual senders, then its groups.
func acceptFrom(g *groups.Group) []groups.Member {
	return append(append([]groups.Member(nil), g.AcceptMessagesOnlyFrom...), g.AcceptMessagesOnlyFromDLMembers...)
}

func rejectFrom(g *groups.Group) []groups.Member {
	return append(append([]groups.Member(nil), g.RejectMessagesFrom...), g.RejectMessagesFromDLMembers...)
}

func bypassFrom(g *groups.Group) []groups.Member {
	return append(append([]groups.Member(nil), g.BypassModerationFrom...), g.BypassModerationFromDLMembers...)
}

// moderationNotificationsOf is the group's SendModerationNotifications
// (Always unless set).
func moderationNotificationsOf(g *groups.Group) string {
	if g.SendModerationNotifications == "" {
		return "Always"
	}
	return g.SendModerationNotifications
}

// notesOf is what Get-Group shows as a group's Notes: the notes it was
// made with, else its description.
func notesOf(g *groups.Group) string {
	if g.Notes != "" {
		return g.Notes
	}
	return g.Description
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// matchAnr is ambiguous name resolution over a group: a prefix of its
// name, alias, display name or primary address.
func matchAnr(g *groups.Group, anr string) bool {
	return exo.MatchAnr(anr, g.Name, g.Alias, g.DisplayName, g.PrimarySmtpAddress)
}

// typeNameOf is the output type of a listing.
func typeNameOf(k listKind) string {
	switch k {
	case kindUnified:
		return TypeUnifiedGroup
	case kindAny:
		return TypeGroup
	}
	return TypeDistributionGroup
}

func listGroups(ctx *command.Context, kind listKind) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	typeName := typeNameOf(kind)
	withDisplay := withDisplayNames(ctx)
	// members holds the distinguished names of the members of the group
	// being tested: Members is filterable though no output shows it.
	var members []string
	keep, err := exo.CallFilter(ctx, func(tx *store.Tx) (*object.PSObject, error) {
		org, err := directory.GetOrganization(tx)
		return groupObject(env{tx: tx, org: org}, &groups.Group{}, typeName, withDisplay), err
	}, map[string]func(*object.PSObject) any{"Members": func(*object.PSObject) any { return members }})
	if err != nil {
		return err
	}
	list := recipientlist.List[*groups.Group]{
		Read: func(tx *store.Tx, org *directory.Organization, id string) ([]*groups.Group, error) {
			var list []*groups.Group
			var err error
			if id != "" {
				list, err = groups.Find(tx, id)
			} else {
				list, err = groups.List(tx)
			}
			if err == nil && kind == kindAny {
				list, err = withRoleGroups(tx, list, id, org.Name, org.DirectoryPartition)
			}
			if err == nil && kind == kindUnified && ctx.Switch("IncludeSoftDeletedGroups") {
				// the Microsoft 365 groups deleted in the last 30 days too
				var deleted []*groups.Group
				if id != "" {
					deleted, err = groups.FindSoftDeleted(tx, id)
				} else {
					deleted, err = groups.ListSoftDeleted(tx)
				}
				list = append(list, deleted...)
			}
			return list, err
		},
		Select: func(tx *store.Tx, _ *directory.Organization) (func(*groups.Group) bool, *object.ErrorRecord, error) {
			var owner string
			if ctx.Has("ManagedBy") {
				mid, shown := mailbox.IdentityString(object.Unwrap(ctx.Value("ManagedBy")))
				m, r, err := mailbox.ResolveOne(ctx, tx, mid, shown, directory.ScopeActive, true)
				if err != nil || r != nil {
					return nil, r, err
				}
				owner = m.LinkedUserID()
			}
			details := params.FlagNames(ctx.Strings("RecipientTypeDetails"))
			return func(g *groups.Group) bool {
				return kind.includes(g) && (!ctx.Has("Anr") || matchAnr(g, ctx.String("Anr"))) &&
					(len(details) == 0 || exo.ContainsFold(details, g.RecipientTypeDetails)) &&
					(owner == "" || hasMember(g.ManagedBy, owner))
			}, nil, nil
		},
		Sort: func(list []*groups.Group) *object.ErrorRecord {
			sortGroups(list, ctx.String("SortBy"))
			return nil
		},
		Show: func(tx *store.Tx, org *directory.Organization, g *groups.Group) *object.PSObject {
			e := env{tx: tx, org: org}
			o := groupObject(e, g, typeName, withDisplay)
			if keep != nil {
				members = e.memberDNs(g.Members)
			}
			return o
		},
	}
	objs, done, err := list.Objects(ctx, keep)
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}

// withDisplayNames are the recipient-list properties whose
// -Include<property>WithDisplayNames switch the call gives: a Get cmdlet
// of groups shows them with display names too.
func withDisplayNames(ctx *command.Context) map[string]bool {
	with := map[string]bool{}
	for _, n := range []string{"ManagedBy", "GrantSendOnBehalfTo", "ModeratedBy", "AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers",
		"AcceptMessagesOnlyFromSendersOrMembers", "BypassModerationFromSendersOrMembers", "RejectMessagesFromSendersOrMembers"} {
		if ctx.Switch("Include" + n + "WithDisplayNames") {
			with[n] = true
		}
	}
	return with
}

// sortGroups orders groups by -SortBy (Name, DisplayName or Alias; a
// leading - sorts descending); the default is by name.
func sortGroups(gs []*groups.Group, by string) {
	recipientlist.Sort(gs, by, func(g *groups.Group) (string, string, string) { return g.Name, g.DisplayName, g.Alias })
}

func hasMember(ms []groups.Member, id string) bool {
	for _, m := range ms {
		if strings.EqualFold(m.ID, id) {
			return true
		}
	}
	return false
}

// findOne resolves a group identity to exactly one group.
func findOne(ctx *command.Context, tx *store.Tx, v any, unifiedOnly bool) (*groups.Group, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	gs, err := groups.Find(tx, id)
	if err != nil {
		return nil, nil, err
	}
	if unifiedOnly {
		var kept []*groups.Group
		for _, g := range gs {
			if g.IsUnified() {
				kept = append(kept, g)
			}
		}
		gs = kept
	}
	g, rec := exo.One(ctx, shown, gs)
	return g, rec, nil
}

// linkObjects builds the ReducedRecipient objects of a link list.
func linkObjects(e env, ms []groups.Member, softDeleted bool) []*object.PSObject {
	var out []*object.PSObject
	for _, m := range ms {
		r, ok := e.resolve(m)
		if !ok || r.deleted && !softDeleted {
			continue
		}
		switch {
		case r.group != nil:
			out = append(out, mailbox.GroupRecipientObject(r.group, e.org))
		case r.contact != nil:
			out = append(out, mailbox.ContactRecipientObject(r.contact, e.org))
		case r.mbx != nil:
			out = append(out, mailbox.RecipientOf(e.tx, r.mbx, e.org))
		}
	}
	return out
}

// getLinks lists the members of the group -Identity names: of a
// distribution or mail-enabled security group (unified false), or the
// members, owners or subscribers (-LinkType) of a Microsoft 365 group.
func getLinks(ctx *command.Context, unified bool) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		g, r, err := findOne(ctx, tx, ctx.Value("Identity"), unified)
		if err != nil || r != nil {
			return r, err
		}
		links := g.Members
		if unified {
			links = map[string][]groups.Member{"members": g.Members, "owners": g.ManagedBy, "subscribers": g.Subscribers}[strings.ToLower(ctx.String("LinkType"))]
		}
		objs = linkObjects(env{tx: tx, org: org}, links, !unified && ctx.Switch("IncludeSoftDeletedObjects"))
		return nil, nil
	})
}
