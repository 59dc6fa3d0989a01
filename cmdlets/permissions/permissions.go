// Package permissions declares the Exchange Online cmdlets of mailbox and
// recipient permissions: Get-, Add- and Remove-MailboxPermission,
// Get-EXOMailboxPermission (full access and the other mailbox rights,
// allowed or denied, their owners and auto-mapping) and Get-, Add- and
// Remove-RecipientPermission, Get-EXORecipientPermission (Send As), with
// the default views of their output objects.
package permissions

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/permissions"
)

// Output type names. Exchange Online objects reach the client
// deserialized.
const (
	TypeMailboxAce          = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject"
	TypeEXOMailboxAce       = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoMailboxPermission"
	TypeRecipientPermission = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.RecipientPermission"
	TypeEXORecipientPerm    = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoRecipientPermission"
	TypeOwner               = "Deserialized.Microsoft.Exchange.Management.RecipientTasks.OwnerPresentationObject"
)

// Self is the principal of a mailbox's own account.
const Self = `NT AUTHORITY\SELF`

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxPermission", "Add-MailboxPermission", "Remove-MailboxPermission", "Get-EXOMailboxPermission"}, Build: mailboxCommands},
	{Names: []string{"Get-RecipientPermission", "Add-RecipientPermission", "Remove-RecipientPermission", "Get-EXORecipientPermission"}, Build: recipientCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views: the table Exchange Online prints
// (Identity 23 wide, User 20, the rights 55, the flags as wide as their
// names, as a published session of the service shows them) and for Send
// As five columns that share the line.
func Views(r *format.Registry) {
	for _, t := range []string{TypeMailboxAce, TypeEXOMailboxAce} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "Identity", Width: 23, Property: "Identity"},
			{Label: "User", Width: 20, Property: "User"},
			{Label: "AccessRights", Width: 55, Property: "AccessRights"},
			{Label: "IsInherited", Width: 11, Property: "IsInherited"},
			{Label: "Deny", Width: 5, Property: "Deny"},
		}})
	}
	r.Add(&format.View{Name: TypeOwner, TypeNames: []string{TypeOwner}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Identity", Width: 20, Property: "Identity"},
		{Label: "Owner", Property: "Owner"},
	}})
	for _, t := range []string{TypeRecipientPermission, TypeEXORecipientPerm} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "Identity", Property: "Identity"},
			{Label: "Trustee", Property: "Trustee"},
			{Label: "AccessControlType", Property: "AccessControlType"},
			{Label: "AccessRights", Property: "AccessRights"},
			{Label: "Inherited", Property: "IsInherited"},
		}})
	}
}

// Exception types of the errors this package writes.
const (
	exInvalidOp      = "Microsoft.Exchange.Configuration.Tasks.InvalidOperationInDehydratedContextException"
	exTaskArgument   = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
	exNotSecurityPri = "Microsoft.Exchange.Management.Tasks.RecipientTaskException"
)

// principal is a holder of permissions: the mailbox's own account, an
// account or a mail-enabled security group.
type principal struct {
	id, kind string
	self     bool
}

// resolvePrincipal finds the holder an identity names: NT AUTHORITY\SELF,
// a mailbox or mail user (its account), an account by sign-in name, or a
// group. A group must be a mail-enabled security group: a distribution
// group or Microsoft 365 group can't hold permissions.
func resolvePrincipal(ctx *command.Context, tx *store.Tx, v any) (principal, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	id = strings.TrimSpace(id)
	if strings.EqualFold(id, Self) {
		return principal{self: true}, nil, nil
	}
	if id == "" {
		return principal{}, exo.RecipientNotFound(ctx, shown), nil
	}
	r, rec, err := mailbox.FindRecipient(ctx, tx, id, shown)
	switch {
	case err != nil || rec != nil:
		return principal{}, rec, err
	case r.Mailbox != nil:
		uid := r.Mailbox.UserObjectID
		if uid == "" {
			uid = r.Mailbox.ExternalDirectoryObjectId
		}
		return principal{id: strings.ToLower(uid), kind: permissions.TrusteeUser}, nil, nil
	case r.Group != nil && !r.Group.IsSecurity():
		return principal{}, exo.Error(ctx, exNotSecurityPri, fmt.Sprintf("The group \"%s\" isn't a mail-enabled security group, so it can't be granted permissions. Only mailbox users, mail users and mail-enabled security groups can.", r.Group.Name),
			object.InvalidArgument, shown), nil
	case r.Group != nil:
		return principal{id: r.Group.Guid, kind: permissions.TrusteeGroup}, nil, nil
	}
	users, err := directory.FindUsersByUPN(tx, id)
	if err != nil {
		return principal{}, nil, err
	}
	for _, u := range users {
		if u.State == directory.UserActive {
			return principal{id: strings.ToLower(u.ObjectID), kind: permissions.TrusteeUser}, nil, nil
		}
	}
	return principal{}, exo.RecipientNotFound(ctx, shown), nil
}

// Holder states: how a holder named by an entry resolves now.
const (
	holderActive      = iota
	holderSoftDeleted // its account or mailbox is deleted but recoverable
	holderUnresolved  // gone from the directory
)

// holder is how an entry's holder shows.
type holder struct {
	name, display, sid string
	state              int
}

// holders resolves entry holders, once each, within one transaction.
type holders struct {
	tx    *store.Tx
	org   *directory.Organization
	cache map[string]holder
}

func newHolders(tx *store.Tx) (*holders, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	return &holders{tx: tx, org: org, cache: map[string]holder{}}, nil
}

// of returns the holder of an entry: an account shows by its sign-in
// name, a group by its name; one gone from the directory shows by its
// security identifier.
func (h *holders) of(id, kind string) holder {
	key := kind + "|" + id
	if v, ok := h.cache[key]; ok {
		return v
	}
	v := holder{sid: permissions.SID(h.org.Guid, id), state: holderUnresolved}
	v.name = v.sid
	switch kind {
	case permissions.TrusteeGroup:
		if g, ok, err := groups.Get(h.tx, id); err == nil && ok {
			v.name, v.display, v.state = g.Name, g.DisplayName, holderActive
		}
	default:
		if u, err := directory.GetUser(h.tx, id); err == nil && u.State != directory.UserPurged {
			v.name, v.display, v.state = u.UserPrincipalName, u.DisplayName, holderActive
			if u.State == directory.UserSoftDeleted {
				v.state = holderSoftDeleted
			} else if u.MailboxGuid != "" {
				if m, err := directory.GetMailbox(h.tx, u.MailboxGuid); err == nil && m.IsDeleted() {
					v.state = holderSoftDeleted
				}
			}
		}
	}
	h.cache[key] = v
	return v
}

// rightsList is an access-rights value as the client shows it.
func rightsList(rights []string) *object.List { return exo.MultiValued(rights) }

// quotedRights renders rights the way Exchange's prompts quote them:
// "'FullAccess', 'ReadPermission'".
func quotedRights(rights []string) string {
	parts := make([]string, len(rights))
	for i, r := range rights {
		parts[i] = "'" + r + "'"
	}
	return strings.Join(parts, ", ")
}

// identityArg returns the object a Get-EXO*Permission or Get-*Permission
// call names: -Identity, or one of the REST cmdlets' other identity
// parameters (nil when none is given: every object).
func identityArg(ctx *command.Context) any {
	for _, n := range []string{"Identity", "ExternalDirectoryObjectId", "PrimarySmtpAddress", "UserPrincipalName"} {
		if ctx.Has(n) {
			return ctx.Value(n)
		}
	}
	return nil
}
