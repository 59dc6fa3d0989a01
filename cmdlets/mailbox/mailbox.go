// Package mailbox declares the Exchange Online recipient and mailbox
// cmdlets: Get-/Set-/New-/Remove-Mailbox, Undo-SoftDeletedMailbox,
// Get-/Remove-MailUser, Get-EXOMailbox, Get-User, Get-Recipient,
// Get-EXORecipient, the mailbox
// and folder statistics cmdlets, Disable-JournalArchiving and the archive
// cmdlets (Enable-/Disable-Mailbox), with the
// default views of their output objects.
package mailbox

import (
	"errors"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/pubfolders"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-Mailbox", Build: getMailbox},
	{Name: "Get-EXOMailbox", Build: getEXOMailbox},
	{Name: "Get-User", Build: getUser},
	{Name: "Get-Recipient", Build: getRecipient},
	{Name: "Get-EXORecipient", Build: getEXORecipient},
	{Name: "Set-Mailbox", Build: setMailbox},
	{Name: "New-Mailbox", Build: newMailbox},
	{Name: "Remove-Mailbox", Build: removeMailbox},
	{Name: "Undo-SoftDeletedMailbox", Build: undoSoftDeletedMailbox},
	{Name: "Get-MailUser", Build: getMailUser},
	{Name: "Remove-MailUser", Build: removeMailUser},
	{Name: "Get-MailboxStatistics", Build: getMailboxStatistics},
	{Name: "Get-EXOMailboxStatistics", Build: getEXOMailboxStatistics},
	{Name: "Disable-JournalArchiving", Build: disableJournalArchiving},
	{Name: "Enable-Mailbox", Build: enableMailbox},
	{Name: "Disable-Mailbox", Build: disableMailbox},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// PropertyNames are the names of the Get-Mailbox object's properties, in
// Exchange Online's Format-List order; the slice must not be changed.
func PropertyNames() []string { return mailboxSchema.Get().Names() }

// Exception types of the errors this package writes.
const (
	exDataValidation   = "Microsoft.Exchange.Data.DataValidationException"
	exRecipientTask    = "Microsoft.Exchange.Configuration.Tasks.RecipientTaskException"
	exInvalidOperation = "Microsoft.Exchange.Management.Tasks.InvalidOperationException"
	exAlreadyExists    = "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException"
	exProxyInUse       = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	exTaskArgument     = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
)

// identityString turns an identity argument into the string Exchange
// resolves: a piped Exchange object identifies itself by its Guid (so
// that a soft-deleted object piped from Get-Mailbox -SoftDeletedMailbox
// finds exactly that object), anything else by its string form.
func identityString(v any) (id, shown string) {
	v = object.Unwrap(v)
	if o, ok := v.(*object.PSObject); ok {
		shown = object.ToInvariantString(o.Value("Identity"))
		for _, n := range []string{"Guid", "ExchangeObjectId", "ExchangeGuid", "MailboxGuid"} {
			if g := o.Value(n); g != nil {
				if s := object.ToInvariantString(g); s != "" {
					if shown == "" {
						shown = s
					}
					return s, shown
				}
			}
		}
		if shown != "" {
			return shown, shown
		}
	}
	s := object.ToInvariantString(v)
	return s, s
}

// resolveOne finds exactly one mailbox (mail users excluded unless
// allowMailUser) in scope; rec is set for a not-found or ambiguous
// identity.
func resolveOne(ctx *command.Context, tx *store.Tx, id, shown string, scope directory.Scope, allowMailUser bool) (*directory.Mailbox, *object.ErrorRecord, error) {
	var kind func(*directory.Mailbox) bool
	if !allowMailUser {
		kind = isMailbox
	}
	return resolveWhere(ctx, tx, id, shown, scope, kind)
}

// isMailbox reports whether a recipient is a mailbox, not a mail user.
func isMailbox(m *directory.Mailbox) bool { return !m.IsMailUser() }

// resolveWhere finds exactly one recipient of a kind (nil: any) in scope;
// rec is set for a not-found or ambiguous identity.
func resolveWhere(ctx *command.Context, tx *store.Tx, id, shown string, scope directory.Scope, kind func(*directory.Mailbox) bool) (*directory.Mailbox, *object.ErrorRecord, error) {
	ms, err := directory.ResolveMailboxes(tx, id, scope)
	if err != nil {
		if rec := exo.StoreError(ctx, err, shown); rec != nil {
			return nil, rec, nil
		}
		return nil, nil, err
	}
	if kind != nil {
		kept := ms[:0]
		for _, m := range ms {
			if kind(m) {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	if ctx.Command.Param("PublicFolder") != nil {
		// Get-, Set- and Remove-Mailbox reach a public folder mailbox only
		// with -PublicFolder, and then nothing else
		kept := ms[:0]
		for _, m := range ms {
			if pubfolders.IsMailbox(m) == ctx.Switch("PublicFolder") {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	m, rec := exo.One(ctx, shown, ms)
	return m, rec, nil
}

// loadEnv reads what object construction needs besides the mailbox.
func loadEnv(tx *store.Tx, m *directory.Mailbox, org *directory.Organization) env {
	e := env{org: org}
	id := m.UserObjectID
	if id == "" {
		id = m.ExternalDirectoryObjectId
	}
	if id != "" {
		if u, err := directory.GetUser(tx, id); err == nil {
			e.user = u
		}
	}
	return e
}

// loadFullEnv is loadEnv with the names of the sharing policies, for an
// object built alone.
func loadFullEnv(tx *store.Tx, m *directory.Mailbox, org *directory.Organization) (env, error) {
	e := loadEnv(tx, m, org)
	names, err := sp.LoadNames(tx)
	if err != nil {
		return e, err
	}
	e.sharing = names
	if e.books, err = ab.LoadNames(tx); err != nil {
		return e, err
	}
	if e.policies, err = mp.LoadView(tx); err != nil {
		return e, err
	}
	e.links, err = e.policies.LinksOf(tx, m.Guid)
	return e, err
}

// loadViewEnv is loadEnv for an object that only the Get-Mailbox view
// reads (no -Filter, no other object built from it): the view reads just
// the account's Office and ForceChangePasswordNextSignIn, which the
// mailbox record keeps copies of, so no account record is read.
func loadViewEnv(m *directory.Mailbox, org *directory.Organization) env {
	return env{org: org, copies: m.LinkedUserID() != ""}
}

// scopeConflict is the binding-style error for -InactiveMailboxOnly with
// -IncludeInactiveMailbox (they select different parameter sets in the
// service's view of the cmdlet).
func scopeConflict(ctx *command.Context) error {
	return ctx.Fail(ctx.NewError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
		"AmbiguousParameterSet,"+ctx.Command.Name, object.InvalidArgument, "ParameterBindingException", nil))
}

// scopeOf reads the scope switches of a Get cmdlet.
func scopeOf(ctx *command.Context) (directory.Scope, error) {
	sc, err := directory.MailboxScope(ctx.Switch("SoftDeletedMailbox"), ctx.Switch("InactiveMailboxOnly"), ctx.Switch("IncludeInactiveMailbox"))
	var conflict *directory.ScopeConflictError
	if errors.As(err, &conflict) {
		return sc, scopeConflict(ctx)
	}
	return sc, err
}
