package groups

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/recipientlist"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/opath"
)

// TypeDynamicGroup is the output type of Get-DynamicDistributionGroup.
const TypeDynamicGroup = "Deserialized.Microsoft.Exchange.Data.Directory.Management.DynamicDistributionGroup"

func dynamicViews(r *format.Registry) {
	r.Add(&format.View{Name: TypeDynamicGroup, TypeNames: []string{TypeDynamicGroup}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "RecipientFilter", Property: "RecipientFilter"},
	}})
}

// dynamicCommands are the cmdlets of dynamic distribution groups.
func dynamicCommands() []*command.Command {
	get := exo.Declared("Get-DynamicDistributionGroup")
	get.Synopsis = "Lists dynamic distribution groups: groups whose members a recipient filter chooses."
	get.OutputType = TypeDynamicGroup
	get.Examples = []command.Example{
		{Code: "Get-DynamicDistributionGroup", Remark: "Lists every dynamic distribution group with its filter."},
		{Code: "Get-DynamicDistributionGroup | Format-List Name,RecipientFilter,CalculatedMembershipUpdateTime", Remark: "Shows each group's filter as Exchange stores it, and when its members were last calculated."},
	}
	exo.Describe(get, map[string]string{
		"Identity":           "The group: name, alias, address, GUID or distinguished name; * is a wildcard.",
		"Anr":                "Groups whose name, alias, display name or address starts with this text.",
		"Filter":             "An OPATH filter over the group's properties.",
		"ManagedBy":          "Groups this recipient owns.",
		"OrganizationalUnit": "The organization's one unit, which holds every group; another unit is not found.",
		"ResultSize":         "How many groups to show (default 1000) or Unlimited.",
		"SortBy":             "Sorts by Name, DisplayName or Alias.",
		"Credential":         "Accepted; the session's credentials are used.",
	})
	get.Handler.Process = getDynamicGroup

	members := exo.Declared("Get-DynamicDistributionGroupMember")
	members.Synopsis = "Lists the calculated members of a dynamic distribution group."
	members.Description = "Exchange Online keeps the member list on the group: it is calculated two hours after the group is created or its filter changes, then once a day " +
		"(Set-DynamicDistributionGroup -ForceMembershipRefresh calculates it at once). Between refreshes the list doesn't follow changes to recipients."
	members.OutputType = mailbox.TypeRecipient
	members.Examples = []command.Example{
		{Code: "New-DynamicDistributionGroup -Name 'All Sales' -IncludedRecipients MailboxUsers -ConditionalDepartment Sales | Out-Null; Set-SimClock -Advance 02:00:00; Get-DynamicDistributionGroupMember -Identity 'All Sales'",
			Remark: "Lists the members calculated two hours after the group was created."},
	}
	exo.Describe(members, map[string]string{
		"Identity":                  "The dynamic distribution group.",
		"IncludeSoftDeletedObjects": "Also lists members whose mailbox is soft-deleted.",
		"ResultSize":                "How many members to show (default 1000) or Unlimited.",
		"Credential":                "Accepted; the session's credentials are used.",
	})
	members.Handler.Process = getDynamicMembers

	nw := exo.Declared("New-DynamicDistributionGroup")
	nw.Synopsis = "Creates a dynamic distribution group from a recipient filter or precanned recipient types and conditions."
	nw.ConfirmImpact = command.ImpactMedium
	nw.OutputType = TypeDynamicGroup
	nw.Examples = []command.Example{
		{Code: "New-DynamicDistributionGroup -Name 'Marketing Group' -IncludedRecipients 'MailboxUsers,MailContacts' -ConditionalDepartment Marketing,Sales",
			Remark: "Mailboxes and contacts of the Marketing or Sales department."},
		{Code: "New-DynamicDistributionGroup -Name 'Finance mailboxes' -RecipientFilter \"(RecipientTypeDetails -eq 'UserMailbox') -and (Department -eq 'Finance')\"",
			Remark: "A custom filter; Exchange adds the system mailboxes no group reaches."},
	}
	describeDynamicParams(nw)
	nw.Handler.Process = newDynamicGroup

	set := exo.Declared("Set-DynamicDistributionGroup")
	set.Synopsis = "Changes a dynamic distribution group: its filter, names, addresses, owner, delivery settings, or forces a membership refresh."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "New-DynamicDistributionGroup -Name 'All Sales' -IncludedRecipients MailboxUsers -ConditionalDepartment Sales | Out-Null; Set-DynamicDistributionGroup 'All Sales' -ForceMembershipRefresh",
			Remark: "Calculates the members now, without waiting for the first calculation."},
		{Code: "New-DynamicDistributionGroup -Name 'Sales Mailboxes' -IncludedRecipients MailboxUsers | Out-Null; Set-DynamicDistributionGroup 'Sales Mailboxes' -RecipientFilter \"Department -eq 'Sales' -and RecipientTypeDetails -eq 'UserMailbox'\"",
			Remark: "A new filter: the member list is cleared and calculated again two hours later."},
	}
	describeDynamicParams(set)
	exo.Describe(set, map[string]string{
		"Identity":               "The dynamic distribution group.",
		"ForceMembershipRefresh": "Calculates the member list now; allowed once more than an hour has passed since the last refresh.",
		"UpdateMemberCount":      "Accepted; the member count is always that of the stored member list.",
		"ForceUpgrade":           "Accepted; no confirmation about the object's version is asked.",
	})
	set.Handler.Process = setDynamicGroup

	rm := exo.Declared("Remove-DynamicDistributionGroup")
	rm.Synopsis = "Deletes a dynamic distribution group."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{
		{Code: "New-DynamicDistributionGroup -Name Temp -IncludedRecipients MailUsers | Out-Null; Remove-DynamicDistributionGroup Temp -Confirm:$false", Remark: "Deletes the group without asking."},
	}
	exo.Describe(rm, map[string]string{"Identity": "The dynamic distribution group."})
	rm.Handler.Process = removeDynamicGroup
	return []*command.Command{get, members, nw, set, rm}
}

// describeDynamicParams gives New- and Set-DynamicDistributionGroup's
// shared parameters their help.
func describeDynamicParams(c *command.Command) {
	help := map[string]string{
		"Name":                        "The group's unique name (at most 64 characters).",
		"Alias":                       "The mail nickname (default: the name without spaces).",
		"DisplayName":                 "The name in address lists (default: the name).",
		"PrimarySmtpAddress":          "The primary address (default: alias@ the organization's default domain).",
		"RecipientFilter":             "A custom OPATH filter; a value can't start with a wildcard.",
		"IncludedRecipients":          "Precanned recipient types: MailboxUsers, MailContacts, MailGroups, MailUsers, Resources, or AllRecipients alone.",
		"ManagedBy":                   "The group's one owner: a mailbox, mail user or mail-enabled security group.",
		"ModeratedBy":                 "Moderators who approve messages to the group.",
		"ModerationEnabled":           "Whether messages to the group need a moderator's approval.",
		"Notes":                       "Notes about the group.",
		"OrganizationalUnit":          "The organization's one unit (no effect in Exchange Online).",
		"RecipientContainer":          "Where recipients are looked for: the organization's one unit (no effect in Exchange Online).",
		"SendModerationNotifications": "Always, Internal or Never.",
		"DirectMembershipOnly":        "Reserved for Microsoft; stored as given.",
	}
	for _, p := range groups.ConditionProperties {
		help["Conditional"+p] = "Precanned condition on " + p + " (several values: any of them), with IncludedRecipients."
	}
	for name, text := range help {
		if c.Param(name) != nil {
			exo.DeclaredParam(c, name).Help = text
		}
	}
}

// findDynamic resolves an identity to exactly one dynamic group.
func findDynamic(ctx *command.Context, tx *store.Tx, v any) (*groups.DynamicGroup, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	gs, err := groups.FindDynamic(tx, id)
	if err != nil {
		return nil, nil, err
	}
	g, rec := exo.One(ctx, shown, gs)
	return g, rec, nil
}

// Defaults of the delivery settings a new dynamic group has.
var dynamicBoolDefaults = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"DirectMembershipOnly": false, "HiddenFromAddressListsEnabled": false, "ModerationEnabled": false,
		"ReportToManagerEnabled": false, "ReportToOriginatorEnabled": true, "RequireSenderAuthenticationEnabled": true,
		"SendOofMessageToOriginatorEnabled": false,
	}
}}

// dynamicStringSettings are the group's text settings (the MailTip aside: mailTipChange).
var dynamicStringSettings = []string{"PhoneticDisplayName", "SimpleDisplayName", "SendModerationNotifications",
	"CustomAttribute1", "CustomAttribute2", "CustomAttribute3", "CustomAttribute4", "CustomAttribute5", "CustomAttribute6", "CustomAttribute7",
	"CustomAttribute8", "CustomAttribute9", "CustomAttribute10", "CustomAttribute11", "CustomAttribute12", "CustomAttribute13", "CustomAttribute14", "CustomAttribute15"}

// dynamicRecipientLists are the settings that list recipients.
var dynamicRecipientLists = []string{"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromSendersOrMembers",
	"BypassModerationFromSendersOrMembers", "GrantSendOnBehalfTo", "ModeratedBy", "RejectMessagesFrom", "RejectMessagesFromDLMembers",
	"RejectMessagesFromSendersOrMembers"}

// dynamicTextLists are the settings that list text values.
var dynamicTextLists = []string{"ExtensionCustomAttribute1", "ExtensionCustomAttribute2", "ExtensionCustomAttribute3",
	"ExtensionCustomAttribute4", "ExtensionCustomAttribute5"}

func settingBool(g *groups.DynamicGroup, name string) bool {
	if raw, ok := g.Settings[name]; ok {
		var b bool
		if store.DecodeExtra(raw, &b) == nil {
			return b
		}
	}
	return dynamicBoolDefaults.Get()[name]
}

func settingString(g *groups.DynamicGroup, name string) string {
	var s string
	if raw, ok := g.Settings[name]; ok {
		_ = store.DecodeExtra(raw, &s)
	}
	if s == "" && name == "SendModerationNotifications" {
		return "Always"
	}
	return s
}

func settingList(g *groups.DynamicGroup, name string) []string {
	var l []string
	if raw, ok := g.Settings[name]; ok {
		_ = store.DecodeExtra(raw, &l)
	}
	return l
}

func setSetting(g *groups.DynamicGroup, name string, v any) error {
	raw, err := store.EncodeExtra(v)
	if err != nil {
		return err
	}
	if g.Settings == nil {
		g.Settings = map[string]store.RawValue{}
	}
	g.Settings[name] = raw
	return nil
}

// dynamicObject is the Get-DynamicDistributionGroup object of a group.
func dynamicObject(e env, g *groups.DynamicGroup, withDisplay map[string]bool) *object.PSObject {
	o := object.NewObject(TypeDynamicGroup,
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	list := func(s ...string) *object.List { return exo.MultiValued(s) }
	canonical := exo.OrganizationalUnitName(e.org)
	container := g.RecipientContainer
	if container == "" {
		container = canonical
	}
	o.AddTyped("RecipientContainer", "System.String", container)
	o.AddTyped("RecipientFilter", "System.String", g.RecipientFilter)
	o.AddTyped("LdapRecipientFilter", "System.String", g.LdapRecipientFilter)
	o.AddTyped("RecipientFilterType", "System.String", g.RecipientFilterType)
	var included any
	if len(g.IncludedRecipients) > 0 {
		included = strings.Join(g.IncludedRecipients, ", ")
	}
	o.AddTyped("IncludedRecipients", "System.String", included)
	for _, p := range groups.ConditionProperties {
		o.AddTyped("Conditional"+p, "System.String", list(g.Conditions[p]...))
	}
	o.AddTyped("ManagedBy", "System.String", exo.NilIfEmpty(strings.Join(e.names(g.ManagedBy), "")))
	o.AddTyped("Notes", "System.String", exo.NilIfEmpty(g.Notes))
	o.AddTyped("PhoneticDisplayName", "System.String", settingString(g, "PhoneticDisplayName"))
	o.AddTyped("ExpansionServer", "System.String", "")
	o.AddTyped("DirectMembershipOnly", "System.Boolean", settingBool(g, "DirectMembershipOnly"))
	var updated any
	if g.MembershipUpdated != nil {
		updated = g.MembershipUpdated.UTC()
	}
	o.AddTyped("CalculatedMembershipUpdateTime", "System.DateTime", updated)
	o.AddTyped("ReportToManagerEnabled", "System.Boolean", settingBool(g, "ReportToManagerEnabled"))
	o.AddTyped("ReportToOriginatorEnabled", "System.Boolean", settingBool(g, "ReportToOriginatorEnabled"))
	o.AddTyped("SendOofMessageToOriginatorEnabled", "System.Boolean", settingBool(g, "SendOofMessageToOriginatorEnabled"))
	o.AddTyped("Alias", "System.String", g.Alias)
	o.AddTyped("OrganizationalUnit", "System.String", canonical)
	for i := 1; i <= 15; i++ {
		o.AddTyped(fmt.Sprintf("CustomAttribute%d", i), "System.String", settingString(g, fmt.Sprintf("CustomAttribute%d", i)))
	}
	for _, n := range dynamicTextLists[:5] {
		o.AddTyped(n, "System.String", list(settingList(g, n)...))
	}
	o.AddTyped("DisplayName", "System.String", g.DisplayName)
	o.AddTyped("EmailAddresses", "System.String", list(g.EmailAddresses...))
	o.AddTyped("HiddenFromAddressListsEnabled", "System.Boolean", settingBool(g, "HiddenFromAddressListsEnabled"))
	o.AddTyped("MaxSendSize", "System.String", "Unlimited")
	o.AddTyped("MaxReceiveSize", "System.String", "Unlimited")
	for _, n := range dynamicRecipientLists {
		o.AddTyped(n, "System.String", list(settingList(g, n)...))
	}
	o.AddTyped("ModerationEnabled", "System.Boolean", settingBool(g, "ModerationEnabled"))
	o.AddTyped("PrimarySmtpAddress", "System.String", g.PrimarySmtpAddress)
	o.AddTyped("RecipientType", "System.String", groups.TypeDynamic)
	o.AddTyped("RecipientTypeDetails", "System.String", groups.TypeDynamic)
	o.AddTyped("RequireSenderAuthenticationEnabled", "System.Boolean", settingBool(g, "RequireSenderAuthenticationEnabled"))
	o.AddTyped("SimpleDisplayName", "System.String", settingString(g, "SimpleDisplayName"))
	o.AddTyped("SendModerationNotifications", "System.String", settingString(g, "SendModerationNotifications"))
	o.AddTyped("WindowsEmailAddress", "System.String", g.PrimarySmtpAddress)
	o.AddTyped("MailTip", "System.String", exo.NilIfEmpty(settingString(g, "MailTip")))
	o.AddTyped("MailTipTranslations", "System.String", list(settingList(g, "MailTipTranslations")...))
	for _, p := range []struct{ name, prop string }{
		{"ManagedBy", "ManagedByWithDisplayNames"}, {"GrantSendOnBehalfTo", "GrantSendOnBehalfToWithDisplayNames"},
		{"ModeratedBy", "ModeratedByWithDisplayNames"}, {"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromWithDisplayNames"},
		{"AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromDLMembersWithDisplayNames"},
		{"AcceptMessagesOnlyFromSendersOrMembers", "AcceptMessagesOnlyFromSendersOrMembersWithDisplayNames"},
		{"BypassModerationFromSendersOrMembers", "BypassModerationFromSendersOrMembersWithDisplayNames"},
	} {
		if !withDisplay[p.name] {
			continue
		}
		v := settingList(g, p.name)
		if p.name == "ManagedBy" {
			v = e.displayNames(g.ManagedBy)
		}
		o.AddTyped(p.prop, "System.String", list(v...))
	}
	o.AddTyped("ExternalDirectoryObjectId", "System.String", g.ExternalDirectoryObjectId)
	o.AddTyped("Identity", "System.String", g.Name)
	o.AddTyped("Id", "System.String", g.Name)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ExchangeVersion", "System.String", "0.10 (14.0.100.0)")
	o.AddTyped("Name", "System.String", g.Name)
	o.AddTyped("DistinguishedName", "System.String", g.DistinguishedName(e.org.Name, e.org.DirectoryPartition))
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

func getDynamicGroup(ctx *command.Context) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	withDisplay := withDisplayNames(ctx)
	keep, err := exo.CallFilter(ctx, func(tx *store.Tx) (*object.PSObject, error) {
		org, err := directory.GetOrganization(tx)
		return dynamicObject(env{tx: tx, org: org}, &groups.DynamicGroup{}, withDisplay), err
	}, nil)
	if err != nil {
		return err
	}
	list := recipientlist.List[*groups.DynamicGroup]{
		Read: func(tx *store.Tx, _ *directory.Organization, id string) ([]*groups.DynamicGroup, error) {
			if id != "" {
				return groups.FindDynamic(tx, id)
			}
			return groups.ListDynamic(tx)
		},
		Select: func(tx *store.Tx, _ *directory.Organization) (func(*groups.DynamicGroup) bool, *object.ErrorRecord, error) {
			var owner string
			if ctx.Has("ManagedBy") {
				m, _, r, err := resolveMember(ctx, tx, ctx.Value("ManagedBy"))
				if err != nil || r != nil {
					return nil, r, err
				}
				owner = m.ID
			}
			return func(g *groups.DynamicGroup) bool {
				return (!ctx.Has("Anr") || exo.MatchAnr(ctx.String("Anr"), g.Name, g.Alias, g.DisplayName, g.PrimarySmtpAddress)) && (owner == "" || hasMember(g.ManagedBy, owner))
			}, nil, nil
		},
		Sort: func(list []*groups.DynamicGroup) *object.ErrorRecord {
			recipientlist.Sort(list, ctx.String("SortBy"), func(g *groups.DynamicGroup) (string, string, string) { return g.Name, g.DisplayName, g.Alias })
			return nil
		},
		Show: func(tx *store.Tx, org *directory.Organization, g *groups.DynamicGroup) *object.PSObject {
			return dynamicObject(env{tx: tx, org: org}, g, withDisplay)
		},
		FilterError: func(err error) error {
			return ctx.Fail(ctx.NewError(opath.BindingMessage("Filter", err), "ParameterArgumentValidationError", object.InvalidArgument, "ParameterBindingException", ctx.String("Filter")))
		},
	}
	objs, done, err := list.Objects(ctx, keep)
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}

func getDynamicMembers(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		g, r, err := findDynamic(ctx, tx, ctx.Value("Identity"))
		if err != nil || r != nil {
			return r, err
		}
		objs = linkObjects(env{tx: tx, org: org}, g.Members, ctx.Switch("IncludeSoftDeletedObjects"))
		return nil, nil
	})
}

// AliasFromName is the alias Exchange derives from a name for a recipient
// without an account (a group, a mail contact): spaces go, and characters
// an alias can't hold become question marks.
func AliasFromName(name string) string { return aliasFromName(name) }

func aliasFromName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == ' ':
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("!#%*+-/=?^_~$&'`{}|.", r), r >= 0xA1 && r <= 0xFF:
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// AliasRefusal is Exchange's refusal of an alias a recipient can't have
// (see validAlias), nil for one it can.
func AliasRefusal(ctx *command.Context, a string) *object.ErrorRecord {
	if validAlias(a) {
		return nil
	}
	return exo.Invalid(ctx, fmt.Sprintf("The alias \"%s\" contains characters that aren't allowed or is longer than 64 characters.", a), a)
}

// validAlias reports whether an alias has only the characters Exchange
// allows, with periods between other characters, and at most 64 of them.
func validAlias(a string) bool {
	if a == "" || len(a) > 64 || strings.HasPrefix(a, ".") || strings.HasSuffix(a, ".") || strings.Contains(a, "..") {
		return false
	}
	return aliasFromName(a) == a
}

// validSimpleName reports whether a SimpleDisplayName has only the
// characters Exchange allows there.
func validSimpleName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" \"'()+,-./:?", r)) {
			return false
		}
	}
	return true
}

// filterSpecOf reads the filter parameters of New- or Set-: the custom
// filter, or the precanned types and conditions over the group's current
// ones (cur, nil for a new group). changed is false when none was given.
func filterSpecOf(ctx *command.Context, cur *groups.DynamicGroup) (spec groups.FilterSpec, changed bool, rec *object.ErrorRecord) {
	precanned := ctx.Has("IncludedRecipients")
	for _, p := range groups.ConditionProperties {
		precanned = precanned || ctx.Has("Conditional"+p)
	}
	if ctx.Has("RecipientFilter") {
		if precanned {
			return spec, false, exo.Invalid(ctx, "You can't use customized filters and precanned filters at the same time.", "RecipientFilter")
		}
		text := ctx.String("RecipientFilter")
		if _, err := groups.ParseFilter(text); err != nil {
			return spec, false, exo.Error(ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("RecipientFilter", err), object.InvalidArgument, text)
		}
		return groups.FilterSpec{IsCustom: true, Custom: text}, true, nil
	}
	if !precanned {
		return spec, false, nil
	}
	spec.Conditions = map[string][]string{}
	if cur != nil && cur.RecipientFilterType == groups.FilterPrecanned {
		spec.Included = append(spec.Included, cur.IncludedRecipients...)
		for k, v := range cur.Conditions {
			spec.Conditions[k] = append([]string(nil), v...)
		}
	}
	if ctx.Has("IncludedRecipients") {
		spec.Included = ctx.Strings("IncludedRecipients")
	}
	for _, p := range groups.ConditionProperties {
		if !ctx.Has("Conditional" + p) {
			continue
		}
		vs, err := mailbox.ApplyMultiValued(ctx.Value("Conditional"+p), spec.Conditions[p])
		if err != nil {
			return spec, false, exo.Invalid(ctx, err.Error(), "Conditional"+p)
		}
		spec.Conditions[p] = vs
	}
	return spec, true, nil
}

// applySettings applies the settings parameters of New- or Set- to g.
func applySettings(ctx *command.Context, tx *store.Tx, g *groups.DynamicGroup) (*object.ErrorRecord, error) {
	for name := range dynamicBoolDefaults.Get() {
		if ctx.Command.Param(name) != nil && ctx.Has(name) {
			if err := setSetting(g, name, ctx.Bool(name)); err != nil {
				return nil, err
			}
		}
	}
	for _, name := range dynamicStringSettings {
		if ctx.Command.Param(name) == nil || !ctx.Has(name) {
			continue
		}
		v := ctx.String(name)
		switch name {
		case "SendModerationNotifications":
			ok := false
			for _, x := range []string{"Always", "Internal", "Never"} {
				if strings.EqualFold(x, v) {
					v, ok = x, true
				}
			}
			if !ok {
				return exo.Invalid(ctx, fmt.Sprintf("Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Directory.Recipient.TransportModerationNotificationFlags\". Valid values are Never, Internal, Always.", v), v), nil
			}
		case "SimpleDisplayName":
			if rec := simpleNameProblem(ctx, v); rec != nil {
				return rec, nil
			}
		case "PhoneticDisplayName":
			if len([]rune(v)) > 256 {
				return exo.Invalid(ctx, "The length of the PhoneticDisplayName can't exceed 256 characters.", v), nil
			}
		}
		if err := setSetting(g, name, v); err != nil {
			return nil, err
		}
	}
	for _, name := range dynamicTextLists {
		if ctx.Command.Param(name) == nil || !ctx.Has(name) {
			continue
		}
		vs, rec := extensionValues(ctx, name, settingList(g, name))
		if rec != nil {
			return rec, nil
		}
		if err := setSetting(g, name, vs); err != nil {
			return nil, err
		}
	}
	if ctx.Has("MailTip") || ctx.Has("MailTipTranslations") {
		tip, tr, rec := mailTipChange(ctx, settingString(g, "MailTip"), settingList(g, "MailTipTranslations"))
		if rec != nil {
			return rec, nil
		}
		if err := setSetting(g, "MailTip", tip); err != nil {
			return nil, err
		}
		if err := setSetting(g, "MailTipTranslations", tr); err != nil {
			return nil, err
		}
	}
	for _, name := range dynamicRecipientLists {
		if ctx.Command.Param(name) == nil || !ctx.Has(name) {
			continue
		}
		// identities are resolved to recipient names; a change given as
		// @{Add=...;Remove=...} is applied to the current names.
		v := object.Unwrap(ctx.Value(name))
		resolve := func(vals []string) ([]string, *object.ErrorRecord, error) {
			var out []string
			for _, s := range vals {
				_, n, rec, err := resolveMember(ctx, tx, s)
				if err != nil || rec != nil {
					return nil, rec, err
				}
				out = append(out, n)
			}
			return out, nil, nil
		}
		cur := settingList(g, name)
		var next []string
		if h, ok := v.(*object.Hashtable); ok {
			next = cur
			for _, e := range h.Entries() {
				names, rec, err := resolve(valueStrings(e.Value))
				if err != nil || rec != nil {
					return rec, err
				}
				change := object.NewHashtable()
				change.Set(e.Key, dotnet.Strings(names))
				if next, err = mailbox.ApplyMultiValued(change, next); err != nil {
					return exo.Invalid(ctx, err.Error(), name), nil
				}
			}
		} else {
			names, rec, err := resolve(valueStrings(v))
			if err != nil || rec != nil {
				return rec, err
			}
			next, _ = mailbox.ApplyMultiValued(dotnet.Strings(names), nil)
		}
		if err := setSetting(g, name, next); err != nil {
			return nil, err
		}
	}
	if ctx.Has("Notes") {
		g.Notes = ctx.String("Notes")
	}
	if ctx.Has("ManagedBy") {
		g.ManagedBy = nil
		if v := object.Unwrap(ctx.Value("ManagedBy")); v != nil && object.ToInvariantString(v) != "" {
			m, _, rec, err := resolveMember(ctx, tx, v)
			if err != nil || rec != nil {
				return rec, err
			}
			g.ManagedBy = []groups.Member{m}
		}
	}
	if ctx.Has("RecipientContainer") {
		c, rec, err := mailbox.OrganizationalUnitOf(ctx, tx, exo.IdentityOf(ctx.Value("RecipientContainer")))
		if err != nil || rec != nil {
			return rec, err
		}
		g.RecipientContainer = c
	}
	if settingBool(g, "ModerationEnabled") && len(settingList(g, "ModeratedBy")) == 0 && len(g.ManagedBy) == 0 {
		return exo.Invalid(ctx, "To enable moderation, specify at least one moderator with the ModeratedBy parameter, or an owner with the ManagedBy parameter.", g.Name), nil
	}
	return nil, nil
}

// valueStrings is a parameter value as a list of texts.
func valueStrings(v any) []string {
	v = object.Unwrap(v)
	if items, ok := object.Enumerate(v); ok {
		var out []string
		for _, it := range items {
			out = append(out, object.ToInvariantString(object.Unwrap(it)))
		}
		return out
	}
	if v == nil {
		return nil
	}
	return []string{object.ToInvariantString(v)}
}

// dynamicStoreError words the refusals of the dynamic group store.
func dynamicStoreError(ctx *command.Context, err error) *object.ErrorRecord {
	var (
		lw  *groups.LeadingWildcardError
		pn  *groups.PrecannedNoTypeError
		tl  *groups.FilterTooLongError
		rts *groups.RefreshTooSoonError
		ve  *store.ValidationError
	)
	switch {
	case errors.As(err, &lw):
		return exo.Invalid(ctx, fmt.Sprintf("The value '%s' of the property %s starts with a wildcard. In Exchange Online a wildcard can't be the first character of a value in a recipient filter; it can end one ('Sales*').", lw.Value, lw.Property), lw.Value)
	case errors.As(err, &pn):
		return exo.Invalid(ctx, "The IncludedRecipients parameter must be specified when you use the Conditional parameters.", "IncludedRecipients")
	case errors.As(err, &tl):
		return exo.Invalid(ctx, fmt.Sprintf("The recipient filter is too long: with the conditions Exchange adds it would be %d characters, and at most %d are allowed.", tl.Length, groups.MaxRecipientFilter), "RecipientFilter")
	case errors.As(err, &rts):
		return exo.InvalidOperation(ctx, fmt.Sprintf("The membership of the dynamic distribution group \"%s\" was last refreshed at %s. You can force a refresh only after more than one hour has passed since the last refresh.", rts.Group, rts.Last.UTC().Format("1/2/2006 3:04:05 PM")), rts.Group)
	case errors.As(err, &ve) && (ve.Field == "IncludedRecipients" || ve.Field == "RecipientFilter"):
		return exo.Invalid(ctx, ve.Message, ve.Field)
	}
	return nil
}

// dynamicRefusals is fn with the dynamic group store's refusals worded.
func dynamicRefusals(ctx *command.Context, fn func(tx *store.Tx) (*object.ErrorRecord, error)) func(tx *store.Tx) (*object.ErrorRecord, error) {
	return func(tx *store.Tx) (*object.ErrorRecord, error) {
		rec, err := fn(tx)
		if err != nil {
			if r := dynamicStoreError(ctx, err); r != nil {
				return r, nil
			}
		}
		return rec, err
	}
}

// newDynamicPrompt is Exchange's confirmation of a new group: its name,
// its filter (the custom one as given, or the precanned recipient types)
// and the organizational unit it is created in.
func newDynamicPrompt(name string, spec groups.FilterSpec, ou string) string {
	if spec.IsCustom {
		return fmt.Sprintf("Creating dynamic distribution group \"%s\" with recipient filter \"%s\" and organizational unit \"%s\".", name, spec.Custom, ou)
	}
	included, err := groups.NormalizeIncluded(spec.Included)
	if err != nil || len(included) == 0 {
		included = spec.Included
	}
	return fmt.Sprintf("Creating dynamic distribution group \"%s\" with included recipients \"%s\", and organizational unit \"%s\".", name, strings.Join(included, ", "), ou)
}

func newDynamicGroup(ctx *command.Context) error {
	name, err := mailbox.NewRecipientName(ctx)
	if err != nil {
		return err
	}
	spec, _, rec := filterSpecOf(ctx, nil)
	if rec != nil {
		return ctx.Fail(rec)
	}
	return mailbox.CreateRecipient(ctx, name, func(ou string) string {
		return newDynamicPrompt(name, spec, ou)
	}, func(tx *store.Tx, org *directory.Organization) (*object.PSObject, *object.ErrorRecord, error) {
		o, rec, err := createDynamic(ctx, tx, org, name, spec)
		if r := dynamicStoreError(ctx, err); r != nil {
			return nil, r, nil
		}
		return o, rec, err
	})
}

// createDynamic makes the group of New-DynamicDistributionGroup, called
// name, and its object.
func createDynamic(ctx *command.Context, tx *store.Tx, org *directory.Organization, name string, spec groups.FilterSpec) (*object.PSObject, *object.ErrorRecord, error) {
	g := &groups.DynamicGroup{Name: name, DisplayName: name, Alias: aliasFromName(name)}
	if ctx.Has("DisplayName") {
		g.DisplayName = ctx.String("DisplayName")
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
	}
	if !strings.Contains(g.PrimarySmtpAddress, "@") {
		return nil, exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", g.PrimarySmtpAddress), g.PrimarySmtpAddress), nil
	}
	g.EmailAddresses = groupAddresses(org, g.Alias, g.PrimarySmtpAddress)
	if rec, err := applySettings(ctx, tx, g); rec != nil || err != nil {
		return nil, rec, err
	}
	if err := groups.NewDynamic(tx, g, spec); err != nil {
		return nil, nil, err
	}
	return dynamicObject(env{tx: tx, org: org}, g, nil), nil, nil
}

func setDynamicGroup(ctx *command.Context) error {
	id, shown := mailbox.IdentityString(object.Unwrap(ctx.Value("Identity")))
	if ctx.Has("EmailAddresses") && ctx.Has("PrimarySmtpAddress") {
		return ctx.Fail(exo.Invalid(ctx, "The EmailAddresses and PrimarySmtpAddress parameters can't be used in the same command.", shown))
	}
	var g *groups.DynamicGroup
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		g, rec, err = findDynamic(ctx, tx, id)
		return rec, err
	}
	_, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("Setting dynamic distribution group Identity:\"%s\".", g.Name), g.Name
	}, dynamicRefusals(ctx, func(tx *store.Tx) (*object.ErrorRecord, error) {
		spec, changed, rec := filterSpecOf(ctx, g)
		if rec != nil {
			return rec, nil
		}
		if changed {
			if err := groups.SetDynamicFilter(tx, g, spec); err != nil {
				return nil, err
			}
		}
		if ctx.Has("Name") {
			n := strings.TrimSpace(ctx.String("Name"))
			if n == "" || len([]rune(n)) > 64 {
				return exo.Invalid(ctx, "The Name must be 1 to 64 characters long.", n), nil
			}
			g.Name = n
		}
		if ctx.Has("DisplayName") {
			if d := ctx.String("DisplayName"); len([]rune(d)) > 256 {
				return exo.Invalid(ctx, "The DisplayName can't be longer than 256 characters.", d), nil
			}
			g.DisplayName = ctx.String("DisplayName")
		}
		if ctx.Has("Alias") {
			a := strings.TrimSpace(ctx.String("Alias"))
			if rec := AliasRefusal(ctx, a); rec != nil {
				return rec, nil
			}
			g.Alias = a
		}
		primary := ""
		for _, p := range []string{"PrimarySmtpAddress", "WindowsEmailAddress"} {
			if ctx.Has(p) {
				primary = strings.TrimSpace(ctx.String(p))
			}
		}
		if primary != "" {
			if !strings.Contains(primary, "@") {
				return exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", primary), primary), nil
			}
			h := object.NewHashtable()
			h.Set("Add", "SMTP:"+primary)
			next, m := mailbox.ApplyProxyAddresses(h, g.EmailAddresses)
			if m != "" {
				return exo.Invalid(ctx, m, primary), nil
			}
			g.EmailAddresses, g.PrimarySmtpAddress = next, primary
		}
		if ctx.Has("EmailAddresses") {
			next, m := mailbox.ApplyProxyAddresses(ctx.Value("EmailAddresses"), g.EmailAddresses)
			if m != "" {
				return exo.Invalid(ctx, m, shown), nil
			}
			g.EmailAddresses = next
			for _, a := range next {
				if strings.HasPrefix(a, "SMTP:") {
					g.PrimarySmtpAddress = a[5:]
				}
			}
		}
		if rec, err := applySettings(ctx, tx, g); rec != nil || err != nil {
			return rec, err
		}
		if err := groups.PutDynamic(tx, g); err != nil {
			return nil, err
		}
		if ctx.Switch("ForceMembershipRefresh") {
			if err := groups.ForceRefresh(tx, g); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}))
	return err
}

func removeDynamicGroup(ctx *command.Context) error {
	id, _ := mailbox.IdentityString(object.Unwrap(ctx.Value("Identity")))
	var g *groups.DynamicGroup
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		g, rec, err = findDynamic(ctx, tx, id)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Removing dynamic distribution group Identity:\"%s\".", g.Name), g.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, groups.RemoveDynamic(tx, g)
	})
	return err
}

// FilterSpecOf reads the recipient filter parameters of a cmdlet that
// declares them as New-DynamicDistributionGroup does (address lists too):
// the custom filter, or the precanned types and conditions over cur's
// (nil: none yet). changed is false when none was given.
func FilterSpecOf(ctx *command.Context, cur *groups.DynamicGroup) (spec groups.FilterSpec, changed bool, rec *object.ErrorRecord) {
	return filterSpecOf(ctx, cur)
}

// FilterRefusal words a refusal of StoredFilter as the service does (nil
// for another error).
func FilterRefusal(ctx *command.Context, err error) *object.ErrorRecord {
	return dynamicStoreError(ctx, err)
}
