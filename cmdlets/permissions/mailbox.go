package permissions

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/permissions"
)

// selfSid is the well-known security identifier of NT AUTHORITY\SELF.
const selfSid = "S-1-5-10"

// selfRights are the rights a mailbox's own account holds on it.
var selfRights = []string{"FullAccess", "ReadPermission"}

func mailboxCommands() []*command.Command {
	rightsType := &params.Type{Kind: params.KindEnum, Name: "MailboxRights[]", FullName: "Microsoft.Exchange.Management.RecipientTasks.MailboxRights",
		Array: true, Values: permissions.MailboxRights}
	grantType := &params.Type{Kind: params.KindEnum, Name: "MailboxRights[]", FullName: "Microsoft.Exchange.Management.RecipientTasks.MailboxRights",
		Array: true, Values: permissions.GrantableMailboxRights}
	inheritType := &params.Type{Kind: params.KindEnum, Name: "ActiveDirectorySecurityInheritance", FullName: "System.DirectoryServices.ActiveDirectorySecurityInheritance",
		Values: permissions.InheritanceTypes, DotNetEnum: true}

	get := exo.Declared("Get-MailboxPermission")
	get.Synopsis = "Lists who has which rights on a mailbox: its own account (NT AUTHORITY\\SELF), delegates and groups, allowed or denied."
	get.Description = "Shows the explicit entries of the mailbox's security descriptor: NT AUTHORITY\\SELF and the rights granted with Add-MailboxPermission. Entries whose holder was soft-deleted appear only with -IncludeSoftDeletedUserPermissions, entries whose holder is gone from the directory (shown by security identifier) only with -IncludeUnresolvedPermissions. -Owner shows the mailbox's owner instead."
	get.OutputType = TypeMailboxAce
	get.Examples = []command.Example{
		{Code: "Get-MailboxPermission info | Where-Object { $_.User -ne 'NT AUTHORITY\\SELF' -and -not $_.IsInherited }", Remark: "Lists the delegates of a shared mailbox."},
		{Code: "Get-MailboxPermission annb -User marion@contoso.com", Remark: "Shows the rights one person has on a mailbox."},
		{Code: "Get-MailboxPermission confroomadams -Owner", Remark: "Shows the owner of a room mailbox."},
	}
	exo.Describe(get, map[string]string{
		"Identity":                          "The mailbox: name, alias, address, GUID or any other identity.",
		"Owner":                             "Shows the mailbox's owner instead of its permissions.",
		"User":                              "Shows only the entries of this user or group.",
		"SoftDeletedMailbox":                "Looks the mailbox up among soft-deleted and inactive mailboxes.",
		"IncludeSoftDeletedUserPermissions": "Also shows entries whose holder is soft-deleted.",
		"IncludeUnresolvedPermissions":      "Also shows entries whose holder is gone from the directory.",
		"IncludeUserWithDisplayName":        "Adds the holder's display name (UserDisplayName).",
		"GroupMailbox":                      "Lets the identity be a Microsoft 365 group.",
		"ResultSize":                        "How many entries to show (default 1000) or Unlimited.",
		"Credential":                        "Accepted; the session's credentials are used.",
		"ReadFromDomainController":          "Accepted; the directory has one copy.",
		"UseCustomRouting":                  "Accepted; requests are not routed.",
	})
	get.Handler.Process = getMailboxPermission

	add := exo.Declared("Add-MailboxPermission")
	add.Synopsis = "Grants (or denies) a user or mail-enabled security group rights on a mailbox, or changes its owner."
	add.OutputType = TypeMailboxAce
	add.ConfirmImpact = command.ImpactMedium
	add.Examples = []command.Example{
		{Code: "Add-MailboxPermission info -User carolo -AccessRights FullAccess -InheritanceType All", Remark: "Gives Carol full access to the shared mailbox (Outlook maps it)."},
		{Code: "Add-MailboxPermission info -User 'Legal Reviewers' -AccessRights FullAccess -AutoMapping $false", Remark: "Gives a security group full access without auto-mapping."},
		{Code: "Add-MailboxPermission info -User newemployee -AccessRights FullAccess -Deny", Remark: "Denies one person what a group grants."},
	}
	exo.Describe(add, map[string]string{
		"Identity":           "The mailbox (or mail user).",
		"AccessRights":       "FullAccess, ReadPermission, ChangePermission, ChangeOwner, DeleteItem or ExternalAccount.",
		"User":               "Who gets the rights: a mailbox user, mail user or mail-enabled security group.",
		"Owner":              "Makes this user or group the mailbox's owner.",
		"AutoMapping":        "Whether Outlook adds the mailbox to the user's profile ($true by default; never for groups).",
		"Deny":               "Denies the rights instead of granting them.",
		"InheritanceType":    "How folders inherit the entry: All (default), None, Children, Descendents or SelfAndChildren.",
		"GroupMailbox":       "Lets the identity be a Microsoft 365 group.",
		"IgnoreDefaultScope": "Accepted; the whole organization is in scope.",
	})
	exo.DeclaredParam(add, "AccessRights").Type = grantType
	exo.DeclaredParam(add, "InheritanceType").Type = inheritType
	add.Handler.Process = addMailboxPermission

	remove := exo.Declared("Remove-MailboxPermission")
	remove.Synopsis = "Removes rights a user or group has on a mailbox, takes the mailbox out of auto-mapping, or resets its permissions."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{
		{Code: "Remove-MailboxPermission info -User carolo -AccessRights FullAccess -InheritanceType All -Confirm:$false", Remark: "Takes Carol's full access away."},
		{Code: "Remove-MailboxPermission info -ClearAutoMapping", Remark: "Stops Outlook from mapping the mailbox for everyone with full access."},
		{Code: "Remove-MailboxPermission annb -ResetDefault", Remark: "Leaves only the owner's own access (Send As and delegates stay)."},
	}
	exo.Describe(remove, map[string]string{
		"Identity":               "The mailbox (or mail user).",
		"AccessRights":           "The rights to remove.",
		"User":                   "Whose rights to remove.",
		"Deny":                   "Removes a deny entry instead of an allow entry.",
		"InheritanceType":        "Removes only the entry of this inheritance type.",
		"SoftDeletedMailbox":     "Looks the mailbox up among soft-deleted and inactive mailboxes.",
		"ClearAutoMapping":       "Takes the mailbox out of auto-mapping for every holder of full access.",
		"ResetDefault":           "Removes every explicit entry and a changed owner; Send As and send on behalf stay.",
		"BypassMasterAccountSid": "Accepted; no master account is kept.",
		"GroupMailbox":           "Lets the identity be a Microsoft 365 group.",
		"IgnoreDefaultScope":     "Accepted; the whole organization is in scope.",
	})
	exo.DeclaredParam(remove, "AccessRights").Type = rightsType
	exo.DeclaredParam(remove, "InheritanceType").Type = inheritType
	remove.Handler.Process = removeMailboxPermission

	exoGet := exo.Declared("Get-EXOMailboxPermission")
	exoGet.Synopsis = "Lists mailbox permissions over the REST API: one mailbox, or every mailbox."
	exoGet.OutputType = TypeEXOMailboxAce
	exo.Describe(exoGet, map[string]string{
		"Identity":                  "The mailbox; without it (or another identity) every mailbox is listed.",
		"ExternalDirectoryObjectId": "The mailbox by its Microsoft Entra object ID.",
		"PrimarySmtpAddress":        "The mailbox by its primary address.",
		"UserPrincipalName":         "The mailbox by its sign-in name.",
		"Owner":                     "Shows the owner instead of the permissions.",
		"SoftDeletedMailbox":        "Looks among soft-deleted and inactive mailboxes.",
		"User":                      "Shows only the entries of this user or group.",
		"ResultSize":                "How many entries to show (default 1000) or Unlimited.",
	})
	exoGet.Handler.Process = getEXOMailboxPermission
	return []*command.Command{get, add, remove, exoGet}
}

// target is the object whose mailbox permissions a cmdlet acts on: a
// mailbox (or mail user), or with -GroupMailbox a Microsoft 365 group.
type target struct {
	key, identity, dn string
	mbx               *directory.Mailbox
}

// resolveTarget finds the mailbox of -Identity in scope; with
// -GroupMailbox a Microsoft 365 group is found too.
func resolveTarget(ctx *command.Context, tx *store.Tx, v any, scope directory.Scope) (*target, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	if ctx.Switch("GroupMailbox") {
		gs, err := groups.Find(tx, id)
		if err != nil {
			return nil, nil, err
		}
		var unified []*groups.Group
		for _, g := range gs {
			if g.IsUnified() {
				unified = append(unified, g)
			}
		}
		if len(unified) == 1 {
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, nil, err
			}
			g := unified[0]
			return &target{key: g.Guid, identity: g.Name, dn: g.DistinguishedName(org.Name, org.DirectoryPartition)}, nil, nil
		}
	}
	m, rec, err := mailbox.ResolveOne(ctx, tx, id, shown, scope, true)
	if err != nil || rec != nil {
		return nil, rec, err
	}
	return &target{key: m.Guid, identity: m.Identity(), dn: m.DistinguishedName, mbx: m}, nil, nil
}

// entryView is one row of Get-MailboxPermission.
type entryView struct {
	user, display, sid string
	rights             []string
	deny               bool
	inheritance        string
}

// entriesOf lists the entries of a mailbox as Get-MailboxPermission shows
// them, in the order of its security descriptor: explicit deny entries
// first, then the mailbox's own account, then the other allow entries,
// each in the order they were added. Entries of soft-deleted holders and
// of holders gone from the directory are left out unless asked for; only
// holder, when not empty, is kept.
func entriesOf(tx *store.Tx, hs *holders, t *target, only *principal, softDeleted, unresolved bool) ([]entryView, error) {
	entries, err := permissions.MailboxEntries(tx, t.key)
	if err != nil {
		return nil, err
	}
	permissions.SortEntries(entries)
	var denies, allows []entryView
	for _, p := range entries {
		if only != nil && (only.self || !strings.EqualFold(only.id, p.Trustee)) {
			continue
		}
		h := hs.of(p.Trustee, p.TrusteeKind)
		if h.state == holderSoftDeleted && !softDeleted || h.state == holderUnresolved && !unresolved {
			continue
		}
		v := entryView{user: h.name, display: h.display, sid: h.sid, rights: p.AccessRights, deny: p.Deny, inheritance: p.InheritanceType}
		if p.Deny {
			denies = append(denies, v)
		} else {
			allows = append(allows, v)
		}
	}
	out := denies
	if only == nil || only.self {
		display := ""
		if t.mbx != nil {
			display = t.mbx.DisplayName
		}
		out = append(out, entryView{user: Self, display: display, sid: selfSid, rights: selfRights, inheritance: "All"})
	}
	return append(out, allows...), nil
}

// aceObject is the Get-MailboxPermission object of an entry.
func aceObject(identity string, e entryView, withDisplay bool) *object.PSObject {
	o := object.NewObject(TypeMailboxAce,
		"Deserialized.Microsoft.Exchange.Management.RecipientTasks.AcePresentationObject",
		"Deserialized.Microsoft.Exchange.Data.ConfigurableObject",
		"Deserialized.System.Object")
	o.AddTyped("AccessRights", "Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxRights[]", rightsList(e.rights))
	o.AddTyped("Deny", "System.Boolean", e.deny)
	o.AddTyped("InheritanceType", "System.String", e.inheritance)
	o.AddTyped("User", "System.String", e.user)
	o.AddTyped("UserSid", "System.String", e.sid)
	if withDisplay {
		o.AddTyped("UserDisplayName", "System.String", e.display)
	}
	o.AddTyped("Identity", "System.String", identity)
	o.AddTyped("IsInherited", "System.Boolean", false)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	id := identity
	o.ToStringFunc = func() string { return id }
	return o
}

// exoAceObject is the Get-EXOMailboxPermission object of an entry.
func exoAceObject(identity string, e entryView) *object.PSObject {
	o := object.NewObject(TypeEXOMailboxAce, "Deserialized.System.Object")
	o.AddTyped("Identity", "System.String", identity)
	o.AddTyped("User", "System.String", e.user)
	o.AddTyped("AccessRights", "Deserialized.System.Collections.Generic.List`1[[System.String]]", rightsList(e.rights))
	o.AddTyped("IsInherited", "System.Boolean", false)
	o.AddTyped("Deny", "System.Boolean", e.deny)
	o.AddTyped("InheritanceType", "System.String", e.inheritance)
	id := identity
	o.ToStringFunc = func() string { return id }
	return o
}

// ownerObject is the -Owner object of a mailbox.
func ownerObject(tx *store.Tx, hs *holders, t *target) (*object.PSObject, error) {
	owner := Self
	ow, err := permissions.Owner(tx, t.key)
	if err != nil {
		return nil, err
	}
	if ow != nil {
		owner = hs.of(ow.Trustee, ow.TrusteeKind).name
	}
	o := object.NewObject(TypeOwner, "Deserialized.System.Object")
	o.AddTyped("Identity", "System.String", t.identity)
	o.AddTyped("Owner", "System.String", owner)
	o.AddTyped("IsValid", "System.Boolean", true)
	id := t.identity
	o.ToStringFunc = func() string { return id }
	return o, nil
}

func getMailboxPermission(ctx *command.Context) error {
	scope := directory.ScopeActive
	if ctx.Switch("SoftDeletedMailbox") {
		scope = directory.ScopeSoftDeleted
	}
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		t, r, err := resolveTarget(ctx, tx, ctx.Value("Identity"), scope)
		if err != nil || r != nil {
			return r, err
		}
		hs, err := newHolders(tx)
		if err != nil {
			return nil, err
		}
		if ctx.Switch("Owner") {
			o, err := ownerObject(tx, hs, t)
			objs = append(objs, o)
			return nil, err
		}
		var only *principal
		if ctx.Has("User") {
			p, r, err := resolvePrincipal(ctx, tx, ctx.Value("User"))
			if err != nil || r != nil {
				return r, err
			}
			only = &p
		}
		es, err := entriesOf(tx, hs, t, only, ctx.Switch("IncludeSoftDeletedUserPermissions"), ctx.Switch("IncludeUnresolvedPermissions"))
		for _, e := range es {
			objs = append(objs, aceObject(t.identity, e, ctx.Switch("IncludeUserWithDisplayName")))
		}
		return nil, err
	})
}

func getEXOMailboxPermission(ctx *command.Context) error {
	scope := directory.ScopeActive
	if ctx.Switch("SoftDeletedMailbox") {
		scope = directory.ScopeSoftDeleted
	}
	ident := identityArg(ctx)
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		hs, err := newHolders(tx)
		if err != nil {
			return nil, err
		}
		var targets []*target
		if ident != nil {
			t, r, err := resolveTarget(ctx, tx, ident, scope)
			if err != nil || r != nil {
				return r, err
			}
			targets = append(targets, t)
		} else {
			cursor := ""
			for {
				batch, next, err := directory.ScanMailboxScope(tx, scope, cursor, 500)
				if err != nil {
					return nil, err
				}
				for _, m := range batch {
					targets = append(targets, &target{key: m.Guid, identity: m.Identity(), dn: m.DistinguishedName, mbx: m})
				}
				if next == "" {
					break
				}
				cursor = next
			}
		}
		var only *principal
		if ctx.Has("User") {
			p, r, err := resolvePrincipal(ctx, tx, ctx.Value("User"))
			if err != nil || r != nil {
				return r, err
			}
			only = &p
		}
		for _, t := range targets {
			if ctx.Switch("Owner") {
				o, err := ownerObject(tx, hs, t)
				if err != nil {
					return nil, err
				}
				objs = append(objs, o)
				continue
			}
			es, err := entriesOf(tx, hs, t, only, false, false)
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				objs = append(objs, exoAceObject(t.identity, e))
			}
		}
		return nil, nil
	})
}

// permissionChange is what a change of a mailbox's permissions acts on:
// the mailbox, the holder of the permission and the holder's name.
type permissionChange struct {
	t          *target
	who        principal
	holderName string
}

// find resolves -Identity in scope and, unless param is "", the holder
// the parameter param names. The mailbox's own NT AUTHORITY\SELF entry is
// refused with selfVerb ("change", "remove"), or accepted when it is "".
func (c *permissionChange) find(ctx *command.Context, tx *store.Tx, scope directory.Scope, param, selfVerb string) (*object.ErrorRecord, error) {
	var rec *object.ErrorRecord
	var err error
	c.t, rec, err = resolveTarget(ctx, tx, ctx.Value("Identity"), scope)
	if err != nil || rec != nil || param == "" {
		return rec, err
	}
	c.who, rec, err = resolvePrincipal(ctx, tx, ctx.Value(param))
	if err != nil || rec != nil {
		return rec, err
	}
	if c.who.self {
		c.holderName = Self
		if selfVerb != "" {
			return exo.InvalidOperation(ctx, "exosim keeps the mailbox's own NT AUTHORITY\\SELF entry as Exchange creates it and does not "+selfVerb+" it.", Self), nil
		}
		return nil, nil
	}
	hs, err := newHolders(tx)
	if err != nil {
		return nil, err
	}
	c.holderName = hs.of(c.who.id, c.who.kind).name
	return nil, nil
}

// confirm makes the change apply makes, asking first (see exo.Confirmed)
// with the question prompt words about the mailbox and the holder find
// resolved.
func (c *permissionChange) confirm(ctx *command.Context, scope directory.Scope, param, selfVerb string, prompt func() string, apply func(tx *store.Tx) (*object.ErrorRecord, error)) (bool, error) {
	return exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		return c.find(ctx, tx, scope, param, selfVerb)
	}, func() (string, string) { return prompt(), c.t.identity }, apply)
}

func addMailboxPermission(ctx *command.Context) error {
	owner := ctx.Has("Owner")
	rights := ctx.Strings("AccessRights")
	inheritance := "All"
	if ctx.Has("InheritanceType") {
		inheritance = ctx.String("InheritanceType")
	}
	autoMapping := true
	if ctx.Has("AutoMapping") {
		autoMapping = ctx.Bool("AutoMapping")
	}
	deny := ctx.Switch("Deny")
	var out *object.PSObject
	param, selfVerb := "User", "change"
	if owner {
		param, selfVerb = "Owner", ""
	}
	var c permissionChange
	done, err := c.confirm(ctx, directory.ScopeActive, param, selfVerb, func() string {
		if owner {
			return fmt.Sprintf("Setting the owner of mailbox \"%s\" to \"%s\".", c.t.identity, c.holderName)
		}
		return fmt.Sprintf("Adding mailbox permission \"%s\" for user \"%s\" with access rights \"%s\".", c.t.identity, c.holderName, quotedRights(rights))
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		t, who := c.t, c.who
		if owner {
			if who.self {
				_, err := permissions.RemoveOwner(tx, t.key)
				return nil, err
			}
			return nil, permissions.SetOwner(tx, t.key, who.id, who.kind)
		}
		mapped := autoMapping && !deny && who.kind == permissions.TrusteeUser && containsRight(rights, "FullAccess")
		p, err := permissions.Grant(tx, permissions.MailboxPermission{MailboxGuid: t.key, Trustee: who.id, TrusteeKind: who.kind,
			AccessRights: rights, Deny: deny, InheritanceType: inheritance, AutoMapping: mapped})
		if err != nil {
			return nil, err
		}
		hs, err := newHolders(tx)
		if err != nil {
			return nil, err
		}
		h := hs.of(who.id, who.kind)
		granted, _ := permissions.NormalizeRights(rights, permissions.MailboxRights)
		out = aceObject(t.identity, entryView{user: h.name, display: h.display, sid: h.sid, rights: granted, deny: p.Deny, inheritance: p.InheritanceType}, false)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	if out != nil {
		return ctx.WriteObject(out)
	}
	return nil
}

func containsRight(rights []string, r string) bool {
	for _, x := range rights {
		if strings.EqualFold(x, r) {
			return true
		}
	}
	return false
}

func removeMailboxPermission(ctx *command.Context) error {
	scope := directory.ScopeActive
	if ctx.Switch("SoftDeletedMailbox") {
		scope = directory.ScopeSoftDeleted
	}
	rights := ctx.Strings("AccessRights")
	inheritance := ""
	if ctx.Has("InheritanceType") {
		inheritance = ctx.String("InheritanceType")
	}
	deny := ctx.Switch("Deny")
	mode := "rights"
	switch {
	case ctx.Switch("ClearAutoMapping"):
		mode = "automapping"
	case ctx.Switch("ResetDefault"):
		mode = "reset"
	case !ctx.Has("User") && !ctx.Has("AccessRights"):
		mode = "owner"
	}
	if mode == "owner" {
		// The reference documents no behaviour for this set.
		rec := ctx.NewError("Remove-MailboxPermission without -User and -AccessRights (its Owner parameter set) is real, but exosim does not simulate it: the call was not run. To give a mailbox back to its own account, use Add-MailboxPermission -Owner 'NT AUTHORITY\\SELF'.",
			"ParameterSetNotSimulated", object.NotImplemented, "NotImplementedException", nil)
		rec.ExceptionFullType = "System.NotImplementedException"
		return ctx.WriteError(rec)
	}
	param := "User"
	if mode != "rights" {
		param = ""
	}
	var c permissionChange
	var warning string
	done, err := c.confirm(ctx, scope, param, "remove", func() string {
		switch mode {
		case "automapping":
			return fmt.Sprintf("Removing the auto-mapping of mailbox \"%s\" for every user with full access.", c.t.identity)
		case "reset":
			return fmt.Sprintf("Resetting the permissions of mailbox \"%s\" to their defaults.", c.t.identity)
		}
		return fmt.Sprintf("Removing mailbox permission \"%s\" for user \"%s\" with access rights \"%s\".", c.t.identity, c.holderName, quotedRights(rights))
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		t, who, holderName := c.t, c.who, c.holderName
		switch mode {
		case "automapping":
			return nil, permissions.ClearAutoMapping(tx, t.key)
		case "reset":
			return nil, permissions.ResetDefault(tx, t.key)
		}
		removed, err := permissions.Revoke(tx, t.key, who.id, rights, deny, inheritance)
		if err != nil {
			return nil, err
		}
		if !removed {
			warning = fmt.Sprintf("Can't remove the access control entry on the object \"%s\" for account \"%s\" because the ACE doesn't exist on the object.", t.dn, holderName)
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	if warning != "" {
		ctx.WriteWarning(warning)
	}
	return nil
}
