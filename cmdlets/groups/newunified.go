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
	"github.com/exosim/exosim/store/addresspolicy"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// New-UnifiedGroup creates a Microsoft 365 group and Remove-UnifiedGroup
// deletes one. A new group is Public unless -AccessType says Private; its
// owner is -Owner, or the account that runs the command, and the owner is
// a member too; -Members are its other members, each subscribed to the
// group's conversations as Add-UnifiedGroupLinks does. Without -Alias the
// alias is the display name without spaces (characters an alias can't
// hold become question marks), with the lowest number appended that
// makes it and its address free; the group's Name is the alias, an
// underscore and the group's directory object ID. The settings of the
// group's workspace that the tenant does not keep (subscriptions,
// calendar, labels, language, data location ...) fail with
// ParameterNotSimulated, as they do on Set-UnifiedGroup.

// unifiedNewParams are the parameters New-UnifiedGroup models. -Name is
// deprecated (the service builds the name itself) and
// -SuppressWarmupMessage no longer used: both are accepted and change
// nothing. -ExoErrorAsWarning turns the Exchange errors of the service's
// background work into warnings; the simulated tenant does that work at
// once, so it changes nothing either.
func unifiedNewParams() []string {
	return []string{"DisplayName", "Alias", "Name", "AccessType", "Owner", "Members", "Notes", "PrimarySmtpAddress", "EmailAddresses",
		"RequireSenderAuthenticationEnabled", "HiddenGroupMembershipEnabled", "SuppressWarmupMessage", "ExoErrorAsWarning"}
}

func unifiedLifecycleCommands() []*command.Command {
	nw := exo.Declared("New-UnifiedGroup")
	nw.Synopsis = "Creates a Microsoft 365 group."
	nw.Description = "The group is Public unless -AccessType Private. Without -Owner the account that runs the command owns it; the owner is a member too. " +
		"Without -Alias the alias comes from the display name (spaces removed, a number added when it is taken); the primary address is alias@ the default domain. " +
		"The group's Name is its alias, an underscore and its directory object ID."
	nw.ConfirmImpact = command.ImpactMedium
	nw.OutputType = TypeUnifiedGroup
	nw.Examples = []command.Example{
		{Code: `New-UnifiedGroup -DisplayName "Engineering Department" -Alias engineering`, Remark: "A public group owned by you."},
		{Code: `New-UnifiedGroup -DisplayName "Project X" -AccessType Private -Owner annb -Members adelev,alexw -Notes "Launch team"`, Remark: "A private group with an owner and two more members."},
	}
	exo.Describe(nw, map[string]string{
		"DisplayName":                        "The group's name in address lists and Outlook (at most 64 characters).",
		"Alias":                              "The mail nickname (default: the display name without spaces, with a number added when taken).",
		"Name":                               "Deprecated and ignored: the name is the alias, an underscore and the directory object ID.",
		"AccessType":                         "Public (the default: anyone in the organization may join and read) or Private (only members).",
		"Owner":                              "The owner, a mailbox or mail user (default: you); the owner is also a member.",
		"Members":                            "The members: mailboxes or mail users.",
		"Notes":                              "The group's description.",
		"PrimarySmtpAddress":                 "The primary address (default: alias@ the default domain); not with -EmailAddresses.",
		"EmailAddresses":                     "Every address of the group, the primary one as SMTP:; not with -PrimarySmtpAddress.",
		"RequireSenderAuthenticationEnabled": "$true (the default) accepts mail only from senders inside the organization.",
		"HiddenGroupMembershipEnabled":       "Hides the members from everyone but the members; this can't be changed later.",
		"SuppressWarmupMessage":              "Deprecated; accepted and ignored.",
		"ExoErrorAsWarning":                  "Accepted; the simulated tenant has no background Exchange errors to turn into warnings.",
	})
	nw.Handler.Process = newUnifiedGroup

	rm := exo.Declared("Remove-UnifiedGroup")
	rm.Synopsis = "Deletes a Microsoft 365 group."
	rm.Description = "The group leaves the groups and delivery settings that named it, and the permissions on it go with it. " +
		"It is soft-deleted: Get-UnifiedGroup -IncludeSoftDeletedGroups lists it, and its addresses stay taken, until it is purged 30 days later. No Exchange cmdlet restores it."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{
		{Code: "New-UnifiedGroup -DisplayName Temp -Alias temp | Out-Null; Remove-UnifiedGroup -Identity temp -Confirm:$false", Remark: "Deletes the group without asking."},
		{Code: "New-UnifiedGroup -DisplayName Temp2 -Alias temp2 | Out-Null; Get-UnifiedGroup temp2 | Remove-UnifiedGroup -Confirm:$false", Remark: "Deletes the group Get-UnifiedGroup found."},
	}
	exo.Describe(rm, map[string]string{
		"Identity": "The Microsoft 365 group: name, alias, address, GUID or distinguished name.",
		"Force":    "Accepted; the confirmation is still asked unless -Confirm:$false.",
	})
	rm.Handler.Process = removeUnifiedGroup
	return []*command.Command{exo.Partial(nw, unifiedNewParams()...), rm}
}

// newUnifiedGroup creates the Microsoft 365 group the call describes.
func newUnifiedGroup(ctx *command.Context) error {
	display := strings.TrimSpace(ctx.String("DisplayName"))
	if display == "" {
		return ctx.Fail(exo.Invalid(ctx, "The DisplayName can't be empty.", display))
	}
	if len([]rune(display)) > 64 {
		return ctx.Fail(exo.Invalid(ctx, "The DisplayName can't be longer than 64 characters.", display))
	}
	if ctx.Has("PrimarySmtpAddress") && ctx.Has("EmailAddresses") {
		return ctx.Fail(exo.Invalid(ctx, "The EmailAddresses and PrimarySmtpAddress parameters can't be used in the same command.", display))
	}
	return mailbox.CreateRecipient(ctx, display, func(ou string) string {
		return fmt.Sprintf("Creating unified group \"%s\" in organizational unit \"%s\".", display, ou)
	}, func(tx *store.Tx, org *directory.Organization) (*object.PSObject, *object.ErrorRecord, error) {
		g, rec, err := newUnifiedRecord(ctx, tx, org, display)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if err := groups.New(tx, g); err != nil {
			return nil, nil, err
		}
		// the name holds the directory object ID, known once stored
		g.Name = unifiedName(g.Alias, g.ExternalDirectoryObjectId)
		if err := groups.Put(tx, g); err != nil {
			return nil, nil, err
		}
		return groupObject(env{tx: tx, org: org}, g, TypeUnifiedGroup, nil), nil, nil
	})
}

// unifiedName is a Microsoft 365 group's Name: its alias, an underscore
// and its directory object ID, the alias cut so the name keeps to the 64
// characters a name can have.
func unifiedName(alias, objectID string) string {
	keep := 64 - 1 - len(objectID)
	if r := []rune(alias); len(r) > keep {
		alias = string(r[:keep])
	}
	return alias + "_" + objectID
}

// newUnifiedRecord builds the group New-UnifiedGroup's parameters
// describe, its owner and members resolved, in tx.
func newUnifiedRecord(ctx *command.Context, tx *store.Tx, org *directory.Organization, display string) (*groups.Group, *object.ErrorRecord, error) {
	g := &groups.Group{DisplayName: display, RecipientTypeDetails: groups.TypeUnified, AccessType: "Public",
		RequireSenderAuthenticationEnabled: true, MemberJoinRestriction: "Closed", MemberDepartRestriction: "Open"}
	if rec := exo.EnumArg(ctx, "AccessType", "Microsoft.Exchange.Data.Directory.ModernGroupTypeInfo", accessTypes, &g.AccessType); rec != nil {
		return nil, rec, nil
	}
	if ctx.Has("RequireSenderAuthenticationEnabled") {
		g.RequireSenderAuthenticationEnabled = ctx.Bool("RequireSenderAuthenticationEnabled")
	}
	g.HiddenGroupMembershipEnabled = ctx.Switch("HiddenGroupMembershipEnabled")
	g.Description = ctx.String("Notes")

	primary := ""
	switch {
	case ctx.Has("PrimarySmtpAddress"):
		primary = strings.TrimSpace(ctx.String("PrimarySmtpAddress"))
		if !validSmtp(primary) {
			return nil, exo.Invalid(ctx, fmt.Sprintf("\"%s\" isn't a valid SMTP address.", primary), primary), nil
		}
	case ctx.Has("EmailAddresses"):
		next, m := mailbox.ApplyProxyAddresses(ctx.Value("EmailAddresses"), nil)
		if m != "" {
			return nil, exo.Invalid(ctx, m, display), nil
		}
		for _, a := range next {
			if strings.HasPrefix(a, "SMTP:") {
				primary = a[5:]
			}
		}
		if primary == "" {
			return nil, exo.Invalid(ctx, "The EmailAddresses must hold one primary SMTP address (SMTP:).", display), nil
		}
		g.EmailAddresses = next
	}

	owner, rec, err := unifiedOwner(ctx, tx, display)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	// a group the call gives no address gets the alias at the domains of
	// the first email address policy that applies to its owner, the
	// default domain without one
	domain, proxies := org.DefaultDomain, []string(nil)
	if primary == "" {
		pol, err := addresspolicy.For(tx, func(filter string) (bool, error) { return groups.UserMatches(tx, filter, owner.ID) })
		if err != nil {
			return nil, nil, err
		}
		if pol != nil {
			domain, proxies = pol.PrimaryDomain(), pol.ProxyDomains()
		}
	}

	if ctx.Has("Alias") {
		g.Alias = strings.TrimSpace(ctx.String("Alias"))
		if rec := AliasRefusal(ctx, g.Alias); rec != nil {
			return nil, rec, nil
		}
	} else {
		alias, err := freeAlias(tx, org, aliasFromName(display), primary, domain)
		if err != nil {
			return nil, nil, err
		}
		g.Alias = alias
	}
	if primary == "" {
		primary = g.Alias + "@" + domain
	}
	g.PrimarySmtpAddress = primary
	if g.EmailAddresses == nil {
		g.EmailAddresses = groupAddresses(org, g.Alias, primary)
		for _, d := range proxies {
			if a := "smtp:" + g.Alias + "@" + d; !exo.ContainsFold(g.EmailAddresses, a) {
				g.EmailAddresses = append(g.EmailAddresses, a)
			}
		}
	} else if routing := "smtp:" + g.Alias + "@" + org.Name; !exo.ContainsFold(g.EmailAddresses, routing) {
		// the group keeps its address in the tenant's routing domain
		// whatever addresses the call gives
		g.EmailAddresses = append(g.EmailAddresses, routing)
	}
	g.ManagedBy = []groups.Member{owner}
	g.Members = []groups.Member{owner}
	for _, v := range valueStrings(ctx.Value("Members")) {
		m, rec, err := unifiedLink(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		if !hasMember(g.Members, m.ID) {
			g.Members = append(g.Members, m)
		}
	}
	// every member is subscribed to the group's conversations, as
	// Add-UnifiedGroupLinks subscribes the members it adds
	g.Subscribers = append([]groups.Member(nil), g.Members...)
	return g, nil, nil
}

// freeAlias is the alias made from the display name: base itself when it
// and its address (at domain) are free, else base with the lowest number
// from 1 that makes both free. A primary address the call gives is
// checked on its own when the group is stored.
func freeAlias(tx *store.Tx, org *directory.Organization, base, primary, domain string) (string, error) {
	for n := 0; ; n++ {
		alias := base
		if n > 0 {
			alias = fmt.Sprintf("%s%d", base, n)
		}
		smtp := primary
		if smtp == "" {
			smtp = alias + "@" + domain
		}
		err := directory.CheckRecipientNames(tx, "", "", alias, smtp)
		var de *store.DuplicateError
		if err == nil || !errors.As(err, &de) {
			return alias, err
		}
		if primary != "" && de.Property == "PrimarySmtpAddress" {
			// the given address is taken whatever the alias: the store
			// reports it
			return alias, nil
		}
	}
}

// unifiedOwner is the group's owner: -Owner (a mailbox or mail user), or
// the account that runs the command.
func unifiedOwner(ctx *command.Context, tx *store.Tx, display string) (groups.Member, *object.ErrorRecord, error) {
	if ctx.Has("Owner") {
		return unifiedLink(ctx, tx, ctx.Value("Owner"))
	}
	m, ok, err := callerOwner(ctx, tx)
	if err != nil || ok {
		return m, nil, err
	}
	return groups.Member{}, exo.Invalid(ctx, fmt.Sprintf("The group \"%s\" must have an owner: use the Owner parameter.", display), display), nil
}

// unifiedLink resolves an owner or member of a Microsoft 365 group: a
// mailbox or mail user; a group or a mail contact is refused as
// Add-UnifiedGroupLinks refuses it.
func unifiedLink(ctx *command.Context, tx *store.Tx, v any) (groups.Member, *object.ErrorRecord, error) {
	m, name, rec, err := resolveMember(ctx, tx, v)
	if err != nil || rec != nil {
		return groups.Member{}, rec, err
	}
	if m.Kind != groups.MemberUser {
		return groups.Member{}, exo.InvalidOperation(ctx, fmt.Sprintf("The group \"%s\" can't be linked to a Microsoft 365 group: only users can be its members, owners or subscribers.", name), name), nil
	}
	return m, nil, nil
}

// removeUnifiedGroup deletes a Microsoft 365 group; a distribution or
// security group is not found by it. The group is soft-deleted: gone from
// every list and lookup at once, it is kept with its addresses (which no
// new recipient can take as its primary address) until it is purged 30
// days later; Get-UnifiedGroup -IncludeSoftDeletedGroups lists it.
func removeUnifiedGroup(ctx *command.Context) error {
	return removeGroup(ctx, true, "unified group", groups.SoftDelete)
}
