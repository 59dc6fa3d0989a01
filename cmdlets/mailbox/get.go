package mailbox

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/mailboxfeed"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/opath"
	"github.com/exosim/exosim/store/pubfolders"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// defaultResultSize is the number of objects a Get cmdlet returns when
// -ResultSize is not given.
const defaultResultSize = 1000

// batchSize is how many mailboxes one read transaction of a listing
// handles; objects are written between transactions so a large tenant
// never sits in memory and later pipeline stages may write to the tenant.
const batchSize = 500

// listingGCPercent is the garbage collector's target while a listing
// runs, below the program's: a window of 5,000 records is about 3 MB, and
// a listing of 100,000 mailboxes allocates some 2 KB for each, so at 100
// it collected two dozen times; at 200 it collects half as often, for
// 10 MB more of heap.
const listingGCPercent = 200

// Warnings Exchange writes when a listing stops at -ResultSize.
const (
	warnDefaultResultSize = `By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify "-ResultSize Unlimited". Be aware that, depending on the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.`
	warnMoreResults       = "There are more results available than currently displayed. To view them, increase the value for the ResultSize parameter."
)

// resultSize reads -ResultSize: (limit, explicit, error). A limit < 0
// means Unlimited.
func resultSize(ctx *command.Context) (int, bool, error) {
	if !ctx.Has("ResultSize") {
		return defaultResultSize, false, nil
	}
	v := object.Unwrap(ctx.Value("ResultSize"))
	switch x := v.(type) {
	case int:
		if x > 0 {
			return x, true, nil
		}
	case int64:
		if x > 0 && x <= math.MaxInt32 {
			return int(x), true, nil
		}
	case float64:
		if x > 0 && x == math.Trunc(x) && x <= math.MaxInt32 {
			return int(x), true, nil
		}
	case string:
		s := strings.TrimSpace(x)
		if strings.EqualFold(s, "Unlimited") {
			return -1, true, nil
		}
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n, true, nil
		}
	}
	s := object.ToInvariantString(v)
	return 0, false, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Unlimited`1[System.UInt32]\". Error: \"The value \"%s\" isn't valid. Valid values are a positive integer or \"Unlimited\".\"", s, s),
		"ParameterArgumentTransformationError,"+ctx.Command.Name, object.InvalidData, "ParameterBindingArgumentTransformationException", v))
}

// parseFilter parses and validates -Filter against the recipient schema.
func parseFilter(ctx *command.Context) (*opath.Filter, error) {
	if !ctx.Has("Filter") || strings.TrimSpace(ctx.String("Filter")) == "" {
		return nil, nil
	}
	text := ctx.String("Filter")
	f, err := opath.Parse(text)
	if err == nil {
		err = opath.RecipientSchema().Validate(f)
	}
	if err == nil && exo.IsREST(ctx.Command) {
		err = f.CheckWildcards()
	}
	if err != nil {
		return nil, ctx.Fail(exo.Error(ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("Filter", err), object.InvalidArgument, text))
	}
	return f, nil
}

// filterValue exposes an object's property to the OPATH evaluator;
// directory attributes of the account (Department, Title ...) are
// filterable too.
func filterValue(o *object.PSObject, m *directory.Mailbox, e env) func(string) (any, bool) {
	return func(name string) (any, bool) {
		p := o.Property(name)
		if p == nil {
			return accountValue(name, m, e.user), true
		}
		v := p.Get()
		if items, ok := object.Enumerate(v); ok {
			out := make([]string, 0, len(items))
			for _, it := range items {
				out = append(out, object.ToInvariantString(it))
			}
			return out, true
		}
		switch x := v.(type) {
		case object.Guid:
			return x.String(), true
		case object.TimeSpan:
			return x.String(), true
		case time.Time:
			return x, true
		}
		return v, true
	}
}

// linkValues is values, but for the properties Exchange keeps as a link to
// another object, whose value a filter compares is the distinguished name
// of that object (Get-Mailbox shows its name): SharingPolicy is the
// distinguished name of the policy a mailbox was given as its own, and
// blank ($null) for a mailbox that follows the default policy; the policy
// links of exo.IsPolicyLink are that of the policy the mailbox shows
// (OwaMailboxPolicy, which only Get-CASMailbox shows, the one a mailbox
// follows); ActiveSyncMailboxPolicy is blank while the mailbox follows
// the default policy for want of its own. A filter that names a policy by
// its name finds no mailbox.
func linkValues(values func(string) (any, bool), m *directory.Mailbox, e env) func(string) (any, bool) {
	return func(name string) (any, bool) {
		switch {
		case strings.EqualFold(name, "AddressBookPolicy"):
			return exo.NilIfEmpty(e.books.DNOf(m.Guid)), true
		case strings.EqualFold(name, sharingPolicyParam):
			own, ok := e.sharing.Own(m.Guid)
			if !ok {
				return nil, true
			}
			return sp.DN(e.org, own), true
		case strings.EqualFold(name, "ActiveSyncMailboxPolicy"):
			policy, defaulted := e.policies.Mobile(e.links)
			if defaulted || m.IsMailUser() {
				return nil, true
			}
			return exo.PolicyLinkValue(e.org, name, policy), true
		case strings.EqualFold(name, "OwaMailboxPolicy"):
			if m.IsMailUser() {
				return nil, true
			}
			return exo.PolicyLinkValue(e.org, name, e.policies.Owa(e.links)), true
		case exo.IsPolicyLink(name):
			shown, _ := values(name)
			return exo.PolicyLinkValue(e.org, name, shown), true
		}
		return values(name)
	}
}

// matchAnr is ambiguous name resolution: a prefix of the name, alias,
// display name, first or last name, primary address or sign-in name.
func matchAnr(m *directory.Mailbox, anr string) bool {
	return exo.MatchAnr(anr, m.Name, m.Alias, m.DisplayName, m.FirstName, m.LastName, m.PrimarySmtpAddress, m.UserPrincipalName)
}

// wildcardIdentity returns, for an identity holding a *, the test a
// mailbox passes when its name, alias, display name, primary address or
// sign-in name matches the identity by Exchange's rule: * is the only
// wildcard and case is ignored. ok is false for an identity without *.
func wildcardIdentity(id string) (keep func(m *directory.Mailbox) bool, ok bool) {
	if !wildcard.HasStar(id) {
		return nil, false
	}
	p, _ := wildcard.Compile(id, wildcard.StarOnly)
	return func(m *directory.Mailbox) bool {
		for _, s := range []string{m.Name, m.Alias, m.DisplayName, m.PrimarySmtpAddress, m.UserPrincipalName} {
			if p.Match(s) {
				return true
			}
		}
		return false
	}, true
}

// listing streams the mailboxes of a scope through filters into objects.
type listing struct {
	ctx   *command.Context
	scope directory.Scope
	// mailUsers adds mail users (Get-Recipient, Get-User).
	mailUsers bool
	// accounts adds the accounts that have neither a mailbox nor a mail
	// user (Get-User).
	accounts bool
	// keep decides whether a mailbox is listed (before building).
	keep func(m *directory.Mailbox) bool
	// publicFolders lists the public folder mailboxes and nothing else
	// (Get-Mailbox -PublicFolder); without it they are left out, and an
	// identity does not find them.
	publicFolders bool
	// withPublicFolders also lists the public folder mailboxes, beside
	// the others (Get-Recipient -RecipientTypeDetails PublicFolderMailbox).
	withPublicFolders bool
	// groups adds the tenant's groups that keepGroup keeps
	// (Get-Recipient), after the mailboxes and mail users.
	groups    bool
	keepGroup func(g *groups.Group) bool
	// buildGroup makes a group's output object (nil: its Get-Recipient
	// object).
	buildGroup func(g *groups.Group, org *directory.Organization) *object.PSObject
	// sortBy sorts the whole result by this property before -ResultSize
	// applies (Get-Recipient -SortBy).
	sortBy string
	// sink, when set, collects the objects instead of writing them, and
	// sortKeys their -SortBy values.
	sink     *[]*object.PSObject
	sortKeys map[*object.PSObject]string
	// filter is the parsed -Filter, evaluated on the full object.
	filter *opath.Filter
	// build makes the output object from the full Get-Mailbox object.
	build    func(m *directory.Mailbox, e env, full *object.PSObject) *object.PSObject
	limit    int
	explicit bool
	// sharing names the sharing policies the mailboxes follow, policies
	// the mailbox policies, read with the first mailbox
	sharing  *sp.Names
	policies *mp.View
	// books names the address book policies the mailboxes follow
	books *ab.Names
}

// run lists the scope in batches, each read in its own transaction, and
// writes the objects between transactions.
func (l *listing) run() error {
	if l.sortBy != "" && l.sink == nil {
		return l.runSorted()
	}
	emitted := 0
	more := false
	// a listing's garbage (a decoded record per mailbox) is short-lived and
	// its live heap holds a window of records (store.Window): a heap grown
	// to several times that costs more in page faults and cache misses
	// than the collections it saves
	defer store.CollectAtPace(listingGCPercent)()
	// each mailbox goes to its object alone (accept), which decodes the
	// fields its properties read when they are read
	lazy := l.keep == nil && l.filter == nil && l.build == nil && l.sortKeys == nil
	window := 0
	if lazy && l.limit >= 0 {
		// nearly every entry read is written: a window one more than the
		// limit (which tells whether more follow) reads no more records
		// than the listing shows
		window = l.limit + 1
	}
	feed := mailboxfeed.New(l.scope, window)
	for {
		var out []*object.PSObject
		next := false
		err := exo.View(l.ctx, func(tx *store.Tx) error {
			// bound the resident set: a listing in name order reads
			// pages all over the mailbox records, each batch many of them
			tx.BoundMappedPages()
			org, err := exo.OrganizationNames(l.ctx, tx)
			if err != nil {
				return err
			}
			var batch []*directory.Mailbox
			var lazies []*mailboxfeed.Lazy
			var nb bool
			if lazy {
				want := batchSize
				if l.limit >= 0 {
					// no more than the limit needs, and one to tell
					// whether more follow
					want = min(want, l.limit-emitted+1)
				}
				lazies, nb, err = feed.NextLazy(tx, want)
				for _, lm := range lazies {
					batch = append(batch, lm.Head())
				}
			} else {
				batch, nb, err = feed.Next(tx, batchSize)
			}
			if err != nil {
				return err
			}
			next = nb
			for j, m := range batch {
				var lm *mailboxfeed.Lazy
				if lazies != nil {
					lm = lazies[j]
				}
				o, ok, err := l.accept(tx, m, org, true, lm)
				if err != nil {
					return err
				}
				if !ok {
					continue
				}
				if l.limit >= 0 && emitted+len(out) >= l.limit {
					more = true
					next = false
					break
				}
				out = append(out, o)
			}
			if !next && !more && l.mailUsers && (l.limit < 0 || emitted+len(out) < l.limit) {
				err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
					if !m.IsMailUser() || m.IsDeleted() && l.scope == directory.ScopeActive {
						return nil
					}
					o, ok, err := l.accept(tx, m, org, false, nil)
					if err != nil || !ok {
						return err
					}
					if l.limit >= 0 && emitted+len(out) >= l.limit {
						more = true
						return store.ErrStop
					}
					out = append(out, o)
					return nil
				})
				if err != nil {
					return err
				}
			}
			if !next && !more && l.groups && (l.limit < 0 || emitted+len(out) < l.limit) {
				gs, err := l.acceptGroups(tx, org)
				if err != nil {
					return err
				}
				for _, o := range gs {
					if l.limit >= 0 && emitted+len(out) >= l.limit {
						more = true
						break
					}
					out = append(out, o)
				}
			}
			if !next && !more && l.accounts && (l.limit < 0 || emitted+len(out) < l.limit) {
				return directory.ForEachUser(tx, "", func(u *directory.User) error {
					if !accountOnly(u) {
						return nil
					}
					o, ok, err := l.accept(tx, accountRecipient(u, org), org, false, nil)
					if err != nil || !ok {
						return err
					}
					if l.limit >= 0 && emitted+len(out) >= l.limit {
						more = true
						return store.ErrStop
					}
					out = append(out, o)
					return nil
				})
			}
			return nil
		})
		if err != nil && !errors.Is(err, store.ErrStop) {
			return err
		}
		for _, o := range out {
			if l.sink != nil {
				*l.sink = append(*l.sink, o)
				continue
			}
			if err := l.ctx.WriteObject(o); err != nil {
				return err
			}
		}
		emitted += len(out)
		if !next {
			break
		}
	}
	if more {
		if l.explicit {
			l.ctx.WriteWarning(warnMoreResults)
		} else {
			l.ctx.WriteWarning(warnDefaultResultSize)
		}
	}
	return nil
}

// accept builds the object of m when the listing keeps it. owned says that
// m is the listing's alone (just decoded), so the object may keep it
// rather than a copy unless a build function gets it too.
//
// lazy, when not nil, is the listed record m is decoded from, its head
// fields alone (mailboxfeed.HeadFields): accept reads no other field of m
// and leaves the rest to the object's properties (lazyMailboxObject).
func (l *listing) accept(tx *store.Tx, m *directory.Mailbox, org *directory.Organization, owned bool, lazy *mailboxfeed.Lazy) (*object.PSObject, bool, error) {
	if pf := pubfolders.IsMailbox(m); pf != l.publicFolders && !(pf && l.withPublicFolders) || l.keep != nil && !l.keep(m) {
		return nil, false, nil
	}
	if l.sharing == nil {
		names, err := sp.LoadNames(tx)
		if err != nil {
			return nil, false, err
		}
		if l.policies, err = mp.LoadView(tx); err != nil {
			return nil, false, err
		}
		l.sharing = names
		if l.books, err = ab.LoadNames(tx); err != nil {
			return nil, false, err
		}
	}
	var e env
	if l.filter == nil && l.build == nil {
		e = loadViewEnv(m, org)
	} else {
		e = loadEnv(tx, m, org)
	}
	e.sharing, e.policies, e.books = l.sharing, l.policies, l.books
	links, err := l.policies.LinksOf(tx, m.Guid)
	if err != nil {
		return nil, false, err
	}
	e.links = links
	var full *object.PSObject
	if lazy != nil {
		full = lazyMailboxObject(lazy, e)
	} else if owned && l.build == nil {
		full = ownedMailboxObject(m, e)
	} else {
		full = MailboxObject(m, e)
	}
	if l.filter != nil {
		ok, err := l.filter.Eval(linkValues(filterValue(full, m, e), m, e))
		if err != nil {
			return nil, false, l.ctx.Fail(exo.Error(l.ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("Filter", err), object.InvalidArgument, l.filter.Text()))
		}
		if !ok {
			return nil, false, nil
		}
	}
	o := full
	if l.build != nil {
		o = l.build(m, e, full)
	}
	if l.sortKeys != nil {
		v, _ := filterValue(full, m, e)(l.sortBy)
		l.sortKeys[o] = strings.ToLower(object.ToInvariantString(v))
	}
	return o, true, nil
}

// typeDetailsFilter returns a keep function for -RecipientTypeDetails.
func typeDetailsFilter(ctx *command.Context, name string) func(*directory.Mailbox) bool {
	if !ctx.Has(name) {
		return nil
	}
	want := params.FlagNames(ctx.Strings(name))
	return func(m *directory.Mailbox) bool { return exo.ContainsFold(want, m.RecipientTypeDetails) }
}

func andKeep(fs ...func(*directory.Mailbox) bool) func(*directory.Mailbox) bool {
	return func(m *directory.Mailbox) bool {
		for _, f := range fs {
			if f != nil && !f(m) {
				return false
			}
		}
		return true
	}
}

// getByIdentity resolves one identity in scope and writes its object.
// Wildcards list every match.
func getByIdentity(ctx *command.Context, l *listing, id, shown string, allowMailUser bool) error {
	if keep, ok := wildcardIdentity(id); ok {
		l.keep = andKeep(l.keep, keep)
		if l.groups {
			prev := l.keepGroup
			l.keepGroup = func(g *groups.Group) bool { return (prev == nil || prev(g)) && g.Matches(id, "", "") }
		}
		return l.run()
	}
	var out *object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		// a mailbox's object names the tenant (its identities and
		// distinguished names) and reads nothing else of its record
		org, err := exo.OrganizationNames(ctx, tx)
		if err != nil {
			return nil, err
		}
		m, r, err := resolveOne(ctx, tx, id, shown, l.scope, allowMailUser)
		if err == nil && r != nil && l.accounts {
			// not a mailbox or mail user: maybe an account without either
			u, err := findAccountOnly(tx, id)
			if err != nil {
				return nil, err
			}
			if u != nil {
				m, r = accountRecipient(u, org), nil
			}
		}
		if err != nil || r != nil {
			return r, err
		}
		o, ok, err := l.accept(tx, m, org, false, nil)
		if err != nil {
			return nil, err
		}
		if ok {
			out = o
		}
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

func getMailbox() *command.Command {
	c := exo.Declared("Get-Mailbox")
	c.Synopsis = "Lists mailboxes and shows their attributes."
	c.Description = "Without an identity every mailbox of the selected state is listed (the first 1000 unless -ResultSize says otherwise). Soft-deleted, inactive and retired-inactive mailboxes are only visible with -SoftDeletedMailbox, -InactiveMailboxOnly or -IncludeInactiveMailbox. A mailbox whose licence was removed stays listed (SKUAssigned False) for its 30-day grace period."
	c.OutputType = TypeMailbox
	c.Examples = []command.Example{
		{Code: "Get-Mailbox annb | Format-List LitigationHoldEnabled,ProhibitSendQuota,RetainDeletedItemsFor", Remark: "Shows the hold, quota and deleted-item retention of one mailbox."},
		{Code: "Get-Mailbox -SoftDeletedMailbox | Select-Object Name,ExchangeGuid", Remark: "Lists the soft-deleted and inactive mailboxes."},
		{Code: "Get-Mailbox -Filter \"Department -eq 'Finance'\" -ResultSize Unlimited", Remark: "Lists the mailboxes an OPATH filter selects."},
	}
	c.Handler.Process = processGetMailbox
	return c
}

// processGetMailbox is Get-Mailbox's Process handler: a function declared
// here, not a literal, which the compiler would place after all of the
// package's functions (as it does the wrapper of a method value, and a
// literal that captures nothing).
func processGetMailbox(ctx *command.Context) error { return runGetMailbox(ctx, nil) }

// runGetMailbox is Get-Mailbox and, with build set, Get-EXOMailbox.
func runGetMailbox(ctx *command.Context, build func(*directory.Mailbox, env, *object.PSObject) *object.PSObject) error {
	scope, err := scopeOf(ctx)
	if err != nil {
		return err
	}
	limit, explicit, err := resultSize(ctx)
	if err != nil {
		return err
	}
	f, err := parseFilter(ctx)
	if err != nil {
		return err
	}
	l := &listing{ctx: ctx, scope: scope, filter: f, build: build, limit: limit, explicit: explicit,
		keep: typeDetailsFilter(ctx, "RecipientTypeDetails")}
	if ctx.Has("Anr") {
		anr := ctx.String("Anr")
		l.keep = andKeep(l.keep, func(m *directory.Mailbox) bool { return matchAnr(m, anr) })
	}
	if ctx.Switch("GroupMailbox") {
		// only the mailboxes of Microsoft 365 groups
		l.keep = andKeep(l.keep, func(m *directory.Mailbox) bool { return strings.EqualFold(m.RecipientTypeDetails, groups.TypeUnified) })
		if err := warnGroupMailboxes(ctx); err != nil {
			return err
		}
	}
	l.publicFolders = ctx.Command.Param("PublicFolder") != nil && ctx.Switch("PublicFolder")
	if ctx.Switch("Archive") {
		// only the mailboxes that have an archive
		l.keep = andKeep(l.keep, func(m *directory.Mailbox) bool { return m.ArchiveStatus == "Active" })
	}
	if id, shown, ok := callIdentity(ctx); ok {
		return getByIdentity(ctx, l, id, shown, false)
	}
	return l.run()
}

// callIdentity is the one object a Get cmdlet's call names, as the text
// to resolve and the text errors show: -PrimarySmtpAddress,
// -UserPrincipalName or -ExternalDirectoryObjectId (the REST cmdlets'
// other ways to name a mailbox), where the cmdlet has them and the call
// gives no -Identity, else -Identity (a string or a piped object). ok is
// false when the call names none: an empty or $null -Identity lists
// everything.
func callIdentity(ctx *command.Context) (id, shown string, ok bool) {
	for _, n := range []string{"PrimarySmtpAddress", "UserPrincipalName", "ExternalDirectoryObjectId"} {
		if ctx.Command.Param(n) != nil && ctx.Has(n) && !ctx.Has("Identity") && ctx.Value(n) != nil {
			id = object.ToInvariantString(ctx.Value(n))
			return id, id, true
		}
	}
	if v := ctx.Value("Identity"); v != nil && object.ToInvariantString(object.Unwrap(v)) != "" {
		id, shown = identityString(v)
		return id, shown, true
	}
	return "", "", false
}

// warnGroupMailboxes says, when the tenant has Microsoft 365 groups, that
// their mailboxes are not listed: the simulator keeps the groups but no
// mailbox object for each of them.
func warnGroupMailboxes(ctx *command.Context) error {
	n := 0
	err := exo.View(ctx, func(tx *store.Tx) error {
		gs, err := groups.List(tx)
		for _, g := range gs {
			if g.IsUnified() {
				n++
			}
		}
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		ctx.WriteWarning(fmt.Sprintf("%s -GroupMailbox: exosim keeps Microsoft 365 groups (Get-UnifiedGroup) but does not model their group mailboxes, so %d group mailbox(es) are not listed.", ctx.Command.Name, n))
	}
	return nil
}

func getEXOMailbox() *command.Command {
	c := exo.Declared("Get-EXOMailbox")
	c.Synopsis = "Lists mailboxes through the REST-based cmdlet, returning only the requested property sets."
	c.Description = "By default only the Minimum property set is returned. -PropertySets adds groups of properties (Hold, Quota, SoftDelete, All ...) and -Properties adds single ones."
	c.OutputType = TypeEXOMailbox
	c.Examples = []command.Example{
		{Code: "Get-EXOMailbox annb", Remark: "Shows the Minimum property set of one mailbox."},
		{Code: "Get-EXOMailbox annb -PropertySets Hold,Quota", Remark: "Adds the hold and quota properties."},
		{Code: "Get-EXOMailbox -ResultSize Unlimited -Properties LitigationHoldEnabled | Where-Object LitigationHoldEnabled", Remark: "Finds every mailbox on Litigation Hold."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		sets := ctx.Strings("PropertySets")
		props := ctx.Strings("Properties")
		return runGetMailbox(ctx, func(_ *directory.Mailbox, _ env, full *object.PSObject) *object.PSObject {
			return EXOMailboxObject(full, sets, props)
		})
	}
	return c
}

// recipientScope is the scope of Get-Recipient and Get-User.
func recipientScope(ctx *command.Context) directory.Scope {
	if ctx.Switch("IncludeSoftDeletedRecipients") {
		return directory.ScopeAny
	}
	return directory.ScopeActive
}

// notHidden keeps every recipient except a mailbox in its licence grace
// period whose account was deleted (it is neither active nor
// soft-deleted until the account is restored).
func notHidden(m *directory.Mailbox) bool {
	return m.LifecycleState != directory.StateUnlicensedGrace || m.IsLive()
}

// accountOnly reports whether an account has neither a mailbox nor a mail
// user: Exchange Online still has a User object for it.
func accountOnly(u *directory.User) bool {
	return u.State == directory.UserActive && u.MailboxGuid == ""
}

// accountRecipient is the directory object of an account without a
// mailbox, as Get-User shows it: RecipientType and RecipientTypeDetails
// User, named after the account's mail nickname.
func accountRecipient(u *directory.User, org *directory.Organization) *directory.Mailbox {
	name := u.MailNickname
	if name == "" {
		name, _, _ = strings.Cut(u.UserPrincipalName, "@")
	}
	return &directory.Mailbox{
		Guid: derivedGuid("user", u.ObjectID), ExternalDirectoryObjectId: u.ObjectID, UserObjectID: u.ObjectID,
		Name: name, DisplayName: u.DisplayName, FirstName: u.FirstName, LastName: u.LastName,
		DistinguishedName: directory.HostedDN(name, org.Name, org.DirectoryPartition, false),
		UserPrincipalName: u.UserPrincipalName, MicrosoftOnlineServicesID: u.UserPrincipalName, WindowsLiveID: u.UserPrincipalName,
		RecipientType: "User", RecipientTypeDetails: "User", LifecycleState: directory.StateActive,
		AccountDisabled: !u.AccountEnabled, UsageLocation: u.UsageLocation,
		WhenCreated: u.WhenCreated, WhenChanged: u.WhenCreated,
	}
}

// findAccountOnly finds an account without a mailbox by object id,
// sign-in name, mail nickname or display name; nil when none matches.
func findAccountOnly(tx *store.Tx, id string) (*directory.User, error) {
	id = strings.TrimSpace(id)
	var found *directory.User
	err := directory.ForEachUser(tx, "", func(u *directory.User) error {
		if !accountOnly(u) {
			return nil
		}
		for _, s := range []string{u.ObjectID, u.UserPrincipalName, u.MailNickname, u.DisplayName} {
			if s != "" && strings.EqualFold(s, id) {
				found = u
				return store.ErrStop
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, store.ErrStop) {
		return nil, err
	}
	return found, nil
}

func getRecipient() *command.Command {
	c := exo.Declared("Get-Recipient")
	c.Synopsis = "Lists every kind of mail-enabled object: mailboxes, mail users, groups and mail contacts."
	c.Description = "Soft-deleted recipients are included only with -IncludeSoftDeletedRecipients. Groups (distribution, mail-enabled security " +
		"and Microsoft 365 groups) and mail contacts follow the mailboxes and mail users. -SortBy sorts the whole result before -ResultSize applies. " +
		"The parameters the reference reserves for internal use (-BookmarkDisplayName, -IncludeBookmarkObject, -Capabilities, " +
		"-Properties, -PropertySet) and the undocumented -IncludeManagerWithDisplayName are not simulated. -RecipientPreviewFilter lists the " +
		"recipients a dynamic distribution group's filter finds now (a stored RecipientFilter included)."
	c.OutputType = TypeRecipient
	c.Examples = []command.Example{
		{Code: "Get-Recipient -ResultSize Unlimited", Remark: "Lists every recipient with its recipient type."},
		{Code: "Get-Recipient walterh -IncludeSoftDeletedRecipients | Format-List Name,RecipientTypeDetails,WhenSoftDeleted", Remark: "Finds a recipient even after its mailbox was removed."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		// a group is a recipient too (grouprecipient.go)
		if v := ctx.Value("Identity"); v != nil {
			id, _ := identityString(v)
			if handled, err := recipientGroup(ctx, id, GroupRecipientObject); handled || err != nil {
				return err
			}
		}
		return runRecipients(ctx, false, true, func(m *directory.Mailbox, e env, _ *object.PSObject) *object.PSObject { return RecipientObject(m, e) })
	}
	exo.Describe(c, map[string]string{
		"SortBy":             "Sorts by Name, DisplayName, Alias, City, FirstName, LastName, Office or ServerLegacyDN (ascending).",
		"OrganizationalUnit": "The organization's unit (its name, canonical name or DN): every recipient of the tenant is in it.",
		"AuthenticationType": "Managed lists the mailboxes and mail users (every account is a cloud identity); Federated lists none.",
	})
	exo.Describe(c, map[string]string{"RecipientPreviewFilter": "An OPATH recipient filter to test: lists the recipients a dynamic distribution group with it would have now."})
	return exo.Partial(c, "Identity", "Anr", "AuthenticationType", "Filter", "IncludeSoftDeletedRecipients", "OrganizationalUnit",
		"RecipientPreviewFilter", "RecipientType", "RecipientTypeDetails", "ResultSize", "SortBy")
}

func getEXORecipient() *command.Command {
	c := exo.Declared("Get-EXORecipient")
	c.Synopsis = "Lists mail-enabled objects (mailboxes, mail users and groups) through the REST-based cmdlet (Minimum property set by default)."
	c.OutputType = TypeEXORecipient
	c.Examples = []command.Example{
		{Code: "Get-EXORecipient annb", Remark: "Shows the Minimum property set of one recipient."},
		{Code: "Get-EXORecipient -RecipientTypeDetails UserMailbox -ResultSize Unlimited | Select-Object Name,PrimarySmtpAddress", Remark: "Lists the user mailboxes with their primary address."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		props := ctx.Strings("Properties")
		if v := ctx.Value("Identity"); v != nil {
			id, _ := identityString(v)
			build := func(g *groups.Group, org *directory.Organization) *object.PSObject {
				return EXOGroupRecipientObject(g, org, props)
			}
			if handled, err := recipientGroup(ctx, id, build); handled || err != nil {
				return err
			}
		}
		return runRecipients(ctx, false, true, func(m *directory.Mailbox, e env, _ *object.PSObject) *object.PSObject {
			return EXORecipientObject(m, e, props)
		})
	}
	return c
}

func getUser() *command.Command {
	c := exo.Declared("Get-User")
	c.Synopsis = "Lists user accounts with their directory attributes."
	c.OutputType = TypeUser
	c.Examples = []command.Example{
		{Code: "Get-User annb | Format-List DisplayName,Department,Title,UserPrincipalName", Remark: "Shows the directory attributes of one account."},
		{Code: "Get-User -Filter \"Department -eq 'Sales'\"", Remark: "Lists the accounts of one department."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return runRecipients(ctx, true, false, func(m *directory.Mailbox, e env, _ *object.PSObject) *object.PSObject { return UserObject(m, e) })
	}
	return c
}

// runRecipients is the common body of Get-Recipient, Get-EXORecipient and
// Get-User; accounts adds the accounts without a mailbox (Get-User).
func runRecipients(ctx *command.Context, accounts, withGroups bool, build func(*directory.Mailbox, env, *object.PSObject) *object.PSObject) error {
	limit, explicit, err := resultSize(ctx)
	if err != nil {
		return err
	}
	f, err := parseFilter(ctx)
	if err != nil {
		return err
	}
	scope := recipientScope(ctx)
	keep := []func(*directory.Mailbox) bool{notHidden, typeDetailsFilter(ctx, "RecipientTypeDetails")}
	if ctx.Has("RecipientType") {
		want := ctx.Strings("RecipientType")
		keep = append(keep, func(m *directory.Mailbox) bool { return exo.ContainsFold(want, m.RecipientType) })
	}
	if ctx.Has("Anr") {
		anr := ctx.String("Anr")
		keep = append(keep, func(m *directory.Mailbox) bool { return matchAnr(m, anr) })
	}
	preview, err := previewSet(ctx)
	if err != nil {
		return err
	}
	if preview != nil {
		keep = append(keep, func(m *directory.Mailbox) bool { return preview[strings.ToLower(m.LinkedUserID())] })
	}
	l := &listing{ctx: ctx, scope: scope, mailUsers: true, accounts: accounts, filter: f, build: build, limit: limit, explicit: explicit, keep: andKeep(keep...)}
	if withGroups {
		// Get-Recipient finds public folder mailboxes when asked for them
		// by type, as Microsoft's public folder procedures look them up.
		l.withPublicFolders = ctx.Has("RecipientTypeDetails") && exo.ContainsFold(params.FlagNames(ctx.Strings("RecipientTypeDetails")), directory.RecipientPublicFolderMailbox)
		l.groups, l.keepGroup = true, groupKeep(ctx)
		if preview != nil {
			inner := l.keepGroup
			l.keepGroup = func(g *groups.Group) bool { return preview[strings.ToLower(g.Guid)] && inner(g) }
		}
		if exo.IsREST(ctx.Command) {
			props := ctx.Strings("Properties")
			l.buildGroup = func(g *groups.Group, org *directory.Organization) *object.PSObject {
				return EXOGroupRecipientObject(g, org, props)
			}
		}
		if ok, err := recipientOptions(ctx, l); err != nil || !ok {
			return err
		}
	}
	if id, shown, ok := callIdentity(ctx); ok {
		return getByIdentity(ctx, l, id, shown, true)
	}
	return l.run()
}

// previewSet evaluates -RecipientPreviewFilter, the test of a dynamic
// distribution group's filter: the recipients it finds now, as the set of
// their account object IDs and group GUIDs (nil without the parameter).
func previewSet(ctx *command.Context) (map[string]bool, error) {
	if ctx.Command.Param("RecipientPreviewFilter") == nil || !ctx.Has("RecipientPreviewFilter") {
		return nil, nil
	}
	text := ctx.String("RecipientPreviewFilter")
	if _, err := groups.ParseFilter(text); err != nil {
		return nil, ctx.Fail(exo.Error(ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("RecipientPreviewFilter", err), object.InvalidArgument, text))
	}
	set := map[string]bool{}
	err := exo.View(ctx, func(tx *store.Tx) error {
		ms, err := groups.Evaluate(tx, text, "")
		for _, m := range ms {
			set[strings.ToLower(m.ID)] = true
		}
		return err
	})
	return set, err
}

// accountValue reads a directory attribute of a mailbox's account.
func accountValue(name string, m *directory.Mailbox, u *directory.User) any {
	switch strings.ToLower(name) {
	case "firstname":
		return m.FirstName
	case "lastname":
		return m.LastName
	case "remotepowershellenabled":
		return RemotePowerShellEnabled(u)
	}
	if u == nil {
		return nil
	}
	switch strings.ToLower(name) {
	case "department":
		return u.Department
	case "title":
		return u.Title
	case "city":
		return u.City
	case "countryorregion":
		return u.Country
	case "mobilephone":
		return u.MobilePhone
	case "phone":
		return exo.AccountText(u, exo.UserPhone)
	case "postalcode":
		return exo.AccountText(u, exo.UserPostalCode)
	case "stateorprovince":
		return exo.AccountText(u, exo.UserStateOrProvince)
	case "streetaddress":
		return exo.AccountText(u, exo.UserStreetAddress)
	}
	return nil
}
