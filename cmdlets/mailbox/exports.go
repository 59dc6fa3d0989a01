package mailbox

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// What the cmdlets of other areas that act on mailboxes (permissions,
// groups) share with this package: how an identity argument, -ResultSize
// and a not-found mailbox are read, and the recipient object.

// ResultSize reads -ResultSize: (limit, explicit, error). A limit < 0
// means Unlimited; without the parameter it is 1000.
func ResultSize(ctx *command.Context) (int, bool, error) { return resultSize(ctx) }

// IdentityString turns an identity argument (a string or a piped Exchange
// object) into the identity to resolve and the text errors show.
func IdentityString(v any) (id, shown string) { return identityString(v) }

// ResolveOne finds exactly one mailbox (and, with allowMailUser, mail
// user) in scope; rec is Exchange's error for a not-found or ambiguous
// identity.
func ResolveOne(ctx *command.Context, tx *store.Tx, id, shown string, scope directory.Scope, allowMailUser bool) (*directory.Mailbox, *object.ErrorRecord, error) {
	return resolveOne(ctx, tx, id, shown, scope, allowMailUser)
}

// RecipientOf is the Get-Recipient object of a mailbox or mail user.
func RecipientOf(tx *store.Tx, m *directory.Mailbox, org *directory.Organization) *object.PSObject {
	return RecipientObject(m, loadEnv(tx, m, org))
}

// WriteLimited writes objects up to a -ResultSize limit (< 0: all), with
// Exchange's warning when there were more: the default-size one when the
// limit was not given (explicit false).
func WriteLimited(ctx *command.Context, objs []*object.PSObject, limit int, explicit bool) error {
	for i, o := range objs {
		if limit >= 0 && i >= limit {
			if explicit {
				ctx.WriteWarning(warnMoreResults)
			} else {
				ctx.WriteWarning(warnDefaultResultSize)
			}
			return nil
		}
		if err := ctx.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// ReadLimited lists objects for a Get cmdlet with -ResultSize: it reads
// -ResultSize, runs fn in one read transaction (see exo.Read; objs is
// emptied before each run, and fn appends to it), then writes objs up to
// the limit (see WriteLimited). A refusal of fn is written instead.
func ReadLimited(ctx *command.Context, objs *[]*object.PSObject, fn func(tx *store.Tx) (*object.ErrorRecord, error)) error {
	limit, explicit, err := resultSize(ctx)
	if err != nil {
		return err
	}
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		*objs = nil
		return fn(tx)
	})
	if err != nil || !done {
		return err
	}
	return WriteLimited(ctx, *objs, limit, explicit)
}

// ReadMultiValued reads a MultiValuedProperty argument: a list that
// replaces (replace true, the values in add), or @{Add=...;Remove=...};
// err words a hashtable key Exchange refuses.
func ReadMultiValued(v any) (add, remove []string, replace bool, err error) {
	mc, err := exo.ReadMultiChange(v)
	if mc.Replace {
		return mc.Values, nil, true, err
	}
	return mc.Add, mc.Remove, false, err
}

// ApplyMultiValued applies a MultiValuedProperty argument (a list that
// replaces, or @{Add=...;Remove=...}) to current.
func ApplyMultiValued(v any, current []string) ([]string, error) {
	mc, err := exo.ReadMultiChange(v)
	if err != nil {
		return nil, err
	}
	return mc.Apply(current), nil
}

// ApplyProxyAddresses applies an EmailAddresses argument to current: the
// new list, or the message of the error.
func ApplyProxyAddresses(v any, current []string) ([]string, string) {
	mc, err := exo.ReadMultiChange(v)
	if err != nil {
		return nil, err.Error()
	}
	return applyProxyChange(current, mc)
}

// SetPrimaryAddress makes addr the primary SMTP address of a proxy list:
// it becomes SMTP: (added when missing), the old primary one smtp:.
func SetPrimaryAddress(addrs []string, addr string) []string { return setPrimary(addrs, addr) }

// DerivedGuid makes a stable GUID from parts: the same parts always give
// the same GUID (for objects the tenant does not store, such as the
// accepted domains).
func DerivedGuid(parts ...string) string { return derivedGuid(parts...) }

// ServerLegacyDN is the legacy distinguished name of the mailbox server
// of that name, as mailbox objects show it (ServerLegacyDN).
func ServerLegacyDN(server string) string {
	return "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=" + strings.ToUpper(server)
}

// MatchAnr is ambiguous name resolution (-Anr) over a mailbox: a prefix
// of its name, alias, display name, first or last name, primary address
// or sign-in name.
func MatchAnr(m *directory.Mailbox, anr string) bool { return matchAnr(m, anr) }

// ResolveIdentity resolves the call's Identity parameter to one active
// mailbox (see ResolveMailbox).
func ResolveIdentity(ctx *command.Context, tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error) {
	return ResolveMailbox(ctx, tx, ctx.Value("Identity"))
}

// ResolveMailbox resolves an argument naming a mailbox (a string or a
// piped Exchange object) to one active mailbox; mail users are not
// mailboxes. rec is Exchange's error when it names none or several.
func ResolveMailbox(ctx *command.Context, tx *store.Tx, v any) (*directory.Mailbox, *object.ErrorRecord, error) {
	id, shown := identityString(v)
	return resolveOne(ctx, tx, id, shown, directory.ScopeActive, false)
}

// IdentityOrAll returns the mailbox the call names (its Identity
// parameter, or where the cmdlet has them PrimarySmtpAddress,
// UserPrincipalName or ExternalDirectoryObjectId), or, without one, every
// active mailbox (mail users left out) by name: the mailboxes a Get
// cmdlet of per-mailbox settings shows.
func IdentityOrAll(ctx *command.Context, tx *store.Tx) ([]*directory.Mailbox, *object.ErrorRecord, error) {
	if id, shown, ok := callIdentity(ctx); ok {
		m, rec, err := resolveOne(ctx, tx, id, shown, directory.ScopeActive, false)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		return []*directory.Mailbox{m}, nil, nil
	}
	var ms []*directory.Mailbox
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if !m.IsMailUser() && directory.ScopeActive.Includes(m) {
			ms = append(ms, m)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(ms, func(i, j int) bool { return strings.ToLower(ms[i].Name) < strings.ToLower(ms[j].Name) })
	return ms, nil, nil
}

// WriteSetting writes the object build makes of the mailbox the call's
// Identity parameter names, read in one transaction: the Get cmdlet of a
// setting each mailbox has (Automatic Replies, calendar processing).
// Without Identity (a Get whose Identity is optional, such as
// Get-MailboxRegionalConfiguration) it is the caller's own mailbox.
func WriteSetting(ctx *command.Context, build func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error)) error {
	var out *object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, rec, err := identityOrCaller(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		out, err = build(tx, m)
		return nil, err
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// identityOrCaller resolves the mailbox the call's Identity parameter
// names, or without one the signed-in caller's.
func identityOrCaller(ctx *command.Context, tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error) {
	if ctx.Has("Identity") && ctx.Value("Identity") != nil {
		return ResolveIdentity(ctx, tx)
	}
	me := exo.Caller(ctx.Session())
	return resolveOne(ctx, tx, me, me, directory.ScopeActive, false)
}

// WriteSettings is WriteSetting for a Get cmdlet whose Identity takes
// Exchange's * wildcard (Get-MailboxJunkEmailConfiguration): an identity
// with a * shows the object of every active mailbox (mail users left out)
// whose name, alias, display name, primary address or sign-in name it
// matches, by name and up to -ResultSize; any other identity shows one
// mailbox's.
func WriteSettings(ctx *command.Context, build func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error)) error {
	id, _ := identityString(ctx.Value("Identity"))
	keep, wild := wildcardIdentity(strings.TrimSpace(id))
	if !wild {
		return WriteSetting(ctx, build)
	}
	var out []*object.PSObject
	return ReadLimited(ctx, &out, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var ms []*directory.Mailbox
		err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
			if !m.IsMailUser() && directory.ScopeActive.Includes(m) && keep(m) {
				ms = append(ms, m)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.SliceStable(ms, func(i, j int) bool { return strings.ToLower(ms[i].Name) < strings.ToLower(ms[j].Name) })
		for _, m := range ms {
			o, err := build(tx, m)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return nil, nil
	})
}

// ChangeSetting changes a setting of the mailbox the call's Identity
// parameter names, asking first (see exo.Confirmed): prompt words the
// question from the mailbox, apply changes it in the write transaction.
func ChangeSetting(ctx *command.Context, prompt func(m *directory.Mailbox) (action, what string), apply func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error)) error {
	var m *directory.Mailbox
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		m, rec, err = ResolveIdentity(ctx, tx)
		return rec, err
	}, func() (string, string) { return prompt(m) }, func(tx *store.Tx) (*object.ErrorRecord, error) { return apply(tx, m) })
	return err
}

// TypedIdentity is the call's Identity parameter as it was typed, which
// Exchange's prompts repeat; fallback when there is none.
func TypedIdentity(ctx *command.Context, fallback string) string {
	if raw, _ := identityString(ctx.Value("Identity")); strings.TrimSpace(raw) != "" {
		return strings.TrimSpace(raw)
	}
	return fallback
}

// RemotePowerShellParam is the account setting (kept with the account's
// further properties) that says whether it may connect to Exchange
// Online PowerShell.
const RemotePowerShellParam = "RemotePowerShellEnabled"

// RemotePowerShellEnabled reports whether an account may connect to
// Exchange Online PowerShell: every account may until Set-User turns it
// off (u may be nil: an account of no record).
func RemotePowerShellEnabled(u *directory.User) bool {
	enabled := true
	if u != nil {
		if raw, ok := u.Extra[RemotePowerShellParam]; ok {
			_ = store.DecodeExtra(raw, &enabled)
		}
	}
	return enabled
}

// FindAccount finds an account that has neither a mailbox nor a mail user
// (Get-User lists it) by its ObjectId, UPN, alias or display name.
func FindAccount(tx *store.Tx, id string) (*directory.User, error) { return findAccountOnly(tx, id) }
