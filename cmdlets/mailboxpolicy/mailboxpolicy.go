// Package mailboxpolicy declares the cmdlets of the mailbox policies
// each mailbox follows one of (store/mailboxpolicy): Get-, New-, Set- and
// Remove-OwaMailboxPolicy, -MobileDeviceMailboxPolicy and
// -RoleAssignmentPolicy, one family each over the kind's table of
// settings, and the links Set-CASMailbox -OwaMailboxPolicy and
// -ActiveSyncMailboxPolicy give a mailbox (AssignOwa, AssignMobile, which
// cmdlets/casmailbox calls).
package mailboxpolicy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/policyset"
)

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-OwaMailboxPolicy", "Set-OwaMailboxPolicy", "New-OwaMailboxPolicy", "Remove-OwaMailboxPolicy"}, Build: owaCommands},
	{Names: []string{"Get-MobileDeviceMailboxPolicy", "Set-MobileDeviceMailboxPolicy", "New-MobileDeviceMailboxPolicy", "Remove-MobileDeviceMailboxPolicy"}, Build: mobileCommands},
	{Names: []string{"Get-RoleAssignmentPolicy", "Set-RoleAssignmentPolicy", "New-RoleAssignmentPolicy", "Remove-RoleAssignmentPolicy"}, Build: roleCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the package's views: none, since Exchange Online
// declares no default view of these policies (PowerShell lists an
// object's properties).
func Views(*format.Registry) {}

// The exceptions of the service's refusals.
const (
	exAlreadyExists  = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	exInvalidOp      = "Microsoft.Exchange.Configuration.Tasks.InvalidOperationException"
	exDataValidation = "Microsoft.Exchange.Data.DataValidationException"
)

// kind is what the cmdlets of one kind of policy share: how an identity
// names a policy of the kind, and the words of its refusals.
type kind struct {
	// container is the kind's container under the organization's
	// configuration, as in "CN=OWA Mailbox Policies".
	container string
	// removeDefault is the refusal to remove the default policy;
	// inUse the refusal to remove a policy mailboxes follow, a format
	// whose %s is the policy's name; keepDefault the refusal to make the
	// default policy no longer the default (-IsDefault $false).
	removeDefault, inUse, keepDefault string
}

// dn is the distinguished name of the kind's policy called name.
func (k *kind) dn(o *directory.Organization, name string) string {
	return o.ConfigDN(name, k.container)
}

// refusal words the refusals of the policy rules as the service does (err
// nil: none); another error is returned as it is.
func (k *kind) refusal(ctx *command.Context, o *directory.Organization, err error, shown string) (*object.ErrorRecord, error) {
	var name *policyset.NameInUseError
	var used *mp.InUseError
	switch {
	case err == nil:
		return nil, nil
	case errors.As(err, &name):
		return exo.Error(ctx, exAlreadyExists, fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.",
			exo.DomainController(o), k.dn(o, name.Name)), object.ResourceExists, name.Name), nil
	case errors.Is(err, policyset.ErrRemoveDefault):
		return exo.Error(ctx, exInvalidOp, k.removeDefault, object.InvalidOperation, shown), nil
	case errors.As(err, &used):
		return exo.Error(ctx, exInvalidOp, fmt.Sprintf(k.inUse, used.Name), object.InvalidOperation, shown), nil
	}
	return nil, err
}

// nameProblem is the validation error of a policy's name, or nil.
func nameProblem(ctx *command.Context, name string) *object.ErrorRecord {
	if strings.TrimSpace(name) == "" {
		return exo.Error(ctx, exDataValidation, "The value of property 'Name' can't be empty.", object.InvalidData, name)
	}
	return exo.TooLong(ctx, policyset.MaxNameLength, name)
}

// typedIdentity is the call's Identity as it was typed.
func typedIdentity(ctx *command.Context) string {
	return strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
}

// AssignOwa gives the mailbox with that Guid the Outlook on the web
// mailbox policy the call's -OwaMailboxPolicy names (Set-CASMailbox):
// by name, GUID or distinguished name; $null clears it, and the mailbox
// then follows the default policy.
func AssignOwa(ctx *command.Context, tx *store.Tx, mailboxGuid string) (*object.ErrorRecord, error) {
	return mailbox.AssignPolicy(ctx, tx, mp.OwaPolicies, exo.OwaPoliciesContainer, "OwaMailboxPolicy", mailboxGuid)
}

// AssignMobile gives the mailbox with that Guid the mobile device mailbox
// policy the call's -ActiveSyncMailboxPolicy names (Set-CASMailbox): by
// name, GUID or distinguished name; $null gives it back to the default
// policy, whichever it is.
func AssignMobile(ctx *command.Context, tx *store.Tx, mailboxGuid string) (*object.ErrorRecord, error) {
	return mailbox.AssignPolicy(ctx, tx, mp.MobilePolicies, exo.MobilePoliciesContainer, "ActiveSyncMailboxPolicy", mailboxGuid)
}
