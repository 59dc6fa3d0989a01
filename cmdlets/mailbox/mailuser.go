package mailbox

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TypeMailUser is the type of Get-MailUser's objects.
const TypeMailUser = "Deserialized.Microsoft.Exchange.Data.Directory.Management.MailUser"

// mailUserProperties are the properties a mail user object shares with a
// mailbox object, in Exchange Online's order.
var mailUserProperties = []string{
	"Alias", "ArchiveGuid", "ArchiveStatus", "DisplayName", "EmailAddresses", "ExchangeGuid",
	"ExternalDirectoryObjectId", "HiddenFromAddressListsEnabled", "LegacyExchangeDN", "MicrosoftOnlineServicesID",
	"PrimarySmtpAddress", "RecipientType", "RecipientTypeDetails", "UsageLocation", "UserPrincipalName",
	"WhenSoftDeleted", "WindowsLiveID", "Identity", "Id", "IsValid", "ExchangeVersion", "Name",
	"DistinguishedName", "Guid", "ObjectCategory", "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC",
	"WhenCreatedUTC", "OrganizationId", "OriginatingServer", "ObjectState",
}

// externalAddress is a mail user's ExternalEmailAddress with its prefix
// ("SMTP:..."), or nil when it has none.
func externalAddress(m *directory.Mailbox) any {
	a := m.ExternalEmailAddress
	if a == "" {
		return nil
	}
	if !strings.Contains(a, ":") {
		a = "SMTP:" + a
	}
	return a
}

// MailUserObject is the Get-MailUser object of a mail user.
func MailUserObject(m *directory.Mailbox, e env) *object.PSObject {
	full := MailboxObject(m, e)
	o := object.NewObject(TypeMailUser,
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.OrgPersonPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.System.Object")
	o.AddTyped("ExternalEmailAddress", tStr, externalAddress(m))
	for _, n := range mailUserProperties {
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	}
	o.ToStringFunc = full.ToStringFunc
	return o
}

// mailUserScope is the scope Get-MailUser and Remove-MailUser search:
// soft-deleted mail users with -SoftDeletedMailUser (or -PermanentlyDelete),
// active ones otherwise.
func mailUserScope(softDeleted bool) directory.Scope {
	if softDeleted {
		return directory.ScopeSoftDeleted
	}
	return directory.ScopeActive
}

// resolveMailUser finds exactly one mail user in scope; rec is set for a
// not-found or ambiguous identity (a mailbox is not a mail user).
func resolveMailUser(ctx *command.Context, tx *store.Tx, id, shown string, scope directory.Scope) (*directory.Mailbox, *object.ErrorRecord, error) {
	return resolveWhere(ctx, tx, id, shown, scope, (*directory.Mailbox).IsMailUser)
}

func getMailUser() *command.Command {
	c := exo.Declared("Get-MailUser")
	c.Synopsis = "Lists mail users: recipients with an account and an external email address but no mailbox here."
	c.Description = "-SoftDeletedMailUser lists the deleted mail users that can still be recovered instead of the active ones."
	c.OutputType = TypeMailUser
	c.Examples = []command.Example{
		{Code: "Get-MailUser", Remark: "Lists every mail user."},
		{Code: "Get-MailUser -Identity roby | Format-List Name,ExternalEmailAddress,RecipientTypeDetails", Remark: "Shows where mail to Rob Young is delivered."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.Switch("HVEAccount") {
			// the tenant has no high volume email accounts
			return nil
		}
		limit, explicit, err := resultSize(ctx)
		if err != nil {
			return err
		}
		f, err := parseFilter(ctx)
		if err != nil {
			return err
		}
		scope := mailUserScope(ctx.Switch("SoftDeletedMailUser"))
		keep := []func(*directory.Mailbox) bool{func(m *directory.Mailbox) bool { return m.IsMailUser() && scope.Includes(m) }}
		if ctx.Has("Anr") {
			anr := ctx.String("Anr")
			keep = append(keep, func(m *directory.Mailbox) bool { return matchAnr(m, anr) })
		}
		build := func(m *directory.Mailbox, e env, _ *object.PSObject) *object.PSObject { return MailUserObject(m, e) }
		l := &listing{ctx: ctx, scope: scope, mailUsers: true, filter: f, build: build, limit: limit, explicit: explicit, keep: andKeep(keep...)}
		v := ctx.Value("Identity")
		if v == nil || object.ToInvariantString(object.Unwrap(v)) == "" {
			return l.run()
		}
		id, shown := identityString(v)
		if keep, ok := wildcardIdentity(id); ok {
			l.keep = andKeep(l.keep, keep)
			return l.run()
		}
		var out *object.PSObject
		done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			m, r, err := resolveMailUser(ctx, tx, id, shown, scope)
			if err != nil || r != nil {
				return r, err
			}
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			o, ok, err := l.accept(tx, m, org, false, nil)
			if ok {
				out = o
			}
			return nil, err
		})
		if err != nil || !done {
			return err
		}
		if out != nil {
			return ctx.WriteObject(out)
		}
		return nil
	}
	return c
}

func removeMailUser() *command.Command {
	c := exo.Declared("Remove-MailUser")
	c.ConfirmImpact = command.ImpactHigh
	c.Synopsis = "Deletes a mail user and its user account (soft delete), or purges an already soft-deleted mail user."
	c.Description = "Holds don't keep a mail user: it is soft-deleted whatever holds it has. A mail user linked to a journal archive mailbox can't be removed until Disable-JournalArchiving unlinks it. -PermanentlyDelete purges a soft-deleted mail user whose ExternalDirectoryObjectId is blank (its account is gone)."
	c.Examples = []command.Example{
		{Code: "Remove-MailUser -Identity \"Rob Young\" -Confirm:$false", Remark: "Soft-deletes Rob Young's mail user and account."},
		{Code: "Disable-JournalArchiving -Identity miriamg -PreserveMailUser -Confirm:$false; Remove-MailUser -Identity miriamg -Confirm:$false", Remark: "Unlinks Miriam Graham's journal archive, then deletes her mail user."},
	}
	c.Handler.Process = removal{
		kind: (*directory.Mailbox).IsMailUser,
		refuse: func(ctx *command.Context, m *directory.Mailbox, shown string) *object.ErrorRecord {
			if !m.IsDeleted() {
				return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The mail user '%s' isn't soft-deleted. The PermanentlyDelete switch only works on soft-deleted mail users; pipe them from Get-MailUser -SoftDeletedMailUser.", m.Identity()), object.InvalidOperation, shown)
			}
			if m.ExternalDirectoryObjectId != "" {
				return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The mail user '%s' can't be permanently deleted while its ExternalDirectoryObjectId isn't blank: its user account is still in the Microsoft Entra recycle bin.", m.Identity()), object.InvalidOperation, shown)
			}
			return nil
		},
		remove: "Removing mail user \"%s\" will remove the Active Directory user object.",
		purge:  "Permanently removing mail user \"%s\". It can't be recovered afterwards.",
	}.run
	return c
}
