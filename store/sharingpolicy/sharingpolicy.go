// Package sharingpolicy is the organization's sharing policies
// (Get-/New-/Set-/Remove-SharingPolicy): with which domains outside the
// organization users may share calendar free/busy information and
// contacts, and what they may publish to anonymous users; and which
// mailboxes have a policy of their own (Set-Mailbox -SharingPolicy).
//
// Every organization has the default sharing policy, "Default Sharing
// Policy": free/busy times with every domain ("*") and free/busy with
// subject, location and body for anonymous users. The tenant keeps its
// record only once it was changed; records are kept by Guid, so a policy
// keeps its record when renamed. Exactly one policy is the default: the
// one every mailbox without a policy of its own follows.
package sharingpolicy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/dnsname"
)

// DefaultName is the name of the organization's default sharing policy.
const DefaultName = "Default Sharing Policy"

// Anonymous names anonymous users in a policy's domains.
const Anonymous = "Anonymous"

// Actions are the sharing actions a domain entry may allow, in the order
// of their flag values (1, 2, 4 ...): the values of the flags enumeration
// SharingPolicyAction.
var Actions = []string{"CalendarSharingFreeBusySimple", "CalendarSharingFreeBusyDetail", "CalendarSharingFreeBusyReviewer",
	"ContactsSharing", "MeetingLimitedDetails", "MeetingFullDetails", "MeetingFullDetailsWithAttendees"}

// The flags of SharingPolicyAction that only some domains may allow.
const (
	contactsSharing = 8
	meetingActions  = 16 | 32 | 64
)

// Policy is one sharing policy.
type Policy struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// Domains are the policy's entries as Exchange writes them:
	// "domain:Actions" (see ParseDomain).
	Domains []string `json:"domains"`
	Enabled bool     `json:"enabled"`
	// Default: the policy is the organization's default, the one every
	// mailbox without a policy of its own follows.
	Default     bool      `json:"default"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
	// Removed marks the built-in default policy once it was removed (it
	// is listed as long as the tenant keeps no record of it).
	Removed bool `json:"removed,omitempty"`
}

var policyKind = store.DefineKind(store.KindSpec[Policy]{Bucket: "sharingPolicies", Name: "sharingPolicy", Noun: "sharing policy", CreatedOnWrite: true})

// Register adds the sharing policies to s: their kind, the mailboxes'
// own policies (gone with their mailbox) and the check of both.
func Register(s *store.Schema) {
	policyKind.Register(s)
	assignments.Register(s, "sharing-policy-assignments", nil)
	s.AddCheck("sharing-policies", check)
}

// DefaultGuid is the Guid of the organization's default sharing policy.
func DefaultGuid(org *directory.Organization) string {
	return store.DerivedGuid("sharing-policy\x00" + org.Guid + "\x00" + DefaultName)
}

// DN is the distinguished name of the organization's sharing policy
// with that name.
func DN(org *directory.Organization, name string) string {
	return org.ConfigDN(name, "CN=Federation")
}

// Keys are what an identity names a policy by: its name, Guid and
// distinguished name.
func Keys(org *directory.Organization, p *Policy) (name, guid, dn string) {
	return p.Name, p.Guid, DN(org, p.Name)
}

// Defaults returns the default sharing policy as Exchange Online installs
// it with the organization.
func Defaults(org *directory.Organization) *Policy {
	return &Policy{Guid: DefaultGuid(org), Name: DefaultName, Enabled: true, Default: true,
		Domains:     []string{"*:CalendarSharingFreeBusySimple", Anonymous + ":CalendarSharingFreeBusyReviewer"},
		WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated}
}

// List returns the organization's sharing policies in the order they
// were made (the default one first).
func List(tx *store.Tx) ([]*Policy, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	stored, err := policyKind.List(tx)
	if err != nil {
		return nil, err
	}
	def := DefaultGuid(org)
	out := stored[:0]
	has := false
	for _, p := range stored {
		has = has || p.Guid == def
		if !p.Removed {
			out = append(out, p)
		}
	}
	if !has {
		out = append(out, Defaults(org))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].WhenCreated.Equal(out[j].WhenCreated) {
			return out[i].WhenCreated.Before(out[j].WhenCreated)
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, nil
}

// DomainError is a domain entry Exchange does not take. Kind says why:
// "entry" (not "domain:actions"), "action" (an action it does not know),
// "domain" (not a domain, "*" or Anonymous), "anonymous" (contacts for
// anonymous users), "meeting" (a meeting action for a domain); Value is
// what the message names.
type DomainError struct{ Kind, Value string }

func (e *DomainError) Error() string {
	return fmt.Sprintf("sharing policy domain: %s %s", e.Kind, e.Value)
}

// ParseDomain reads a domain entry, "domain:actions": the domain (a
// domain name, "*" for every domain or Anonymous, in any case), then one
// action or several separated by commas, by name or by flag value. It
// gives back the entry as Exchange writes it: Anonymous spelled so, the
// actions as the flags enumeration names them ("CalendarSharingFreeBusySimple,
// ContactsSharing"). Anonymous users may not have contacts shared, and
// only they may have meeting details.
func ParseDomain(entry string) (string, error) {
	parts := strings.Split(entry, ":")
	if len(parts) != 2 {
		return "", &DomainError{"entry", entry}
	}
	domain := strings.TrimSpace(parts[0])
	if strings.EqualFold(domain, Anonymous) {
		domain = Anonymous
	}
	flags, ok := parseActions(parts[1])
	if !ok {
		return "", &DomainError{"action", parts[1]}
	}
	if domain != "*" && domain != Anonymous && !dnsname.Valid(domain) {
		return "", &DomainError{"domain", domain}
	}
	if domain == Anonymous && flags&contactsSharing != 0 {
		return "", &DomainError{"anonymous", actionsText(flags)}
	}
	if domain != Anonymous && flags&meetingActions != 0 {
		return "", &DomainError{"meeting", actionsText(flags)}
	}
	return domain + ":" + actionsText(flags), nil
}

// parseActions reads actions as .NET reads a flags enumeration: names
// (any case) or numbers separated by commas, blanks around each ignored.
func parseActions(s string) (int, bool) {
	if strings.TrimSpace(s) == "" {
		return 0, false
	}
	flags := 0
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if n, err := strconv.Atoi(part); err == nil {
			flags |= n
			continue
		}
		found := false
		for i, a := range Actions {
			if strings.EqualFold(a, part) {
				flags |= 1 << i
				found = true
			}
		}
		if !found {
			return 0, false
		}
	}
	return flags, true
}

// actionsText is a flags value as .NET writes it: the names of its flags
// in value order, separated by ", "; a value with flags no name has is
// its number.
func actionsText(flags int) string {
	if flags == 0 || flags < 0 || flags >= 1<<len(Actions) {
		return strconv.Itoa(flags)
	}
	var names []string
	for i, a := range Actions {
		if flags&(1<<i) != 0 {
			names = append(names, a)
		}
	}
	return strings.Join(names, ", ")
}

// domainOf is the domain of a parsed entry.
func domainOf(entry string) string {
	d, _, _ := strings.Cut(entry, ":")
	return d
}

// DuplicateDomainsError is a policy that names domains more than once.
type DuplicateDomainsError struct{ Domains []string }

func (e *DuplicateDomainsError) Error() string {
	return "duplicate sharing policy domains " + strings.Join(e.Domains, ", ")
}

// Duplicates returns the domains the entries name more than once (the
// later entries', without regard to case).
func Duplicates(entries []string) []string {
	seen := map[string]bool{}
	var dup []string
	for _, e := range entries {
		d := strings.ToLower(domainOf(e))
		if seen[d] {
			dup = append(dup, domainOf(e))
		}
		seen[d] = true
	}
	return dup
}

// NameInUseError is a policy named as another one.
type NameInUseError struct{ Name string }

func (e *NameInUseError) Error() string { return "sharing policy name in use: " + e.Name }

// Put stores a changed policy (Set-SharingPolicy): its name must stay
// unique and its domains distinct; a policy made the default takes that
// role from the others.
func Put(tx *store.Tx, p *Policy) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	if dup := Duplicates(p.Domains); len(dup) > 0 {
		return &DuplicateDomainsError{Domains: dup}
	}
	for _, o := range all {
		if o.Guid != p.Guid && strings.EqualFold(o.Name, p.Name) {
			return &NameInUseError{Name: p.Name}
		}
	}
	if p.Default {
		for _, o := range all {
			if o.Guid != p.Guid && o.Default {
				o.Default = false
				o.WhenChanged = tx.Now()
				if err := policyKind.Put(tx, strings.ToLower(o.Guid), o); err != nil {
					return err
				}
			}
		}
	}
	p.WhenChanged = tx.Now()
	return policyKind.Put(tx, strings.ToLower(p.Guid), p)
}

// check reports sharing policies that break the rules above: a name
// shared, an entry Exchange would not take or a domain named twice, no
// default policy or more than one.
func check(tx *store.Tx, report func(store.Finding)) error {
	if err := checkAssignments(tx, report); err != nil {
		return err
	}
	stored, err := policyKind.List(tx)
	if err != nil {
		return err
	}
	if len(stored) == 0 {
		return nil
	}
	names := map[string]string{}
	defaults := 0
	for _, p := range stored {
		if p.Removed {
			continue
		}
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "sharingPolicy", Key: p.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if other, dup := names[strings.ToLower(p.Name)]; dup {
			bad("name %s is also the name of %s", p.Name, other)
		}
		names[strings.ToLower(p.Name)] = p.Guid
		for _, e := range p.Domains {
			if got, err := ParseDomain(e); err != nil || got != e {
				bad("domain entry %q is not one Exchange writes", e)
			}
		}
		if dup := Duplicates(p.Domains); len(dup) > 0 {
			bad("domains named twice: %s", strings.Join(dup, ", "))
		}
		if p.Default {
			defaults++
		}
	}
	// the built-in default policy, unless the tenant keeps a record of
	// it, is one of them
	org, err := directory.GetOrganization(tx)
	if err == nil {
		kept := false
		for _, p := range stored {
			kept = kept || p.Guid == DefaultGuid(org)
		}
		if !kept {
			defaults++
		}
	}
	if defaults != 1 {
		report(store.Finding{Kind: "sharingPolicy", Message: fmt.Sprintf("%d default sharing policies; exactly one", defaults)})
	}
	return nil
}
