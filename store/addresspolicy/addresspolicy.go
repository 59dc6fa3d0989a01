// Package addresspolicy is the organization's email address policies
// (Get-/New-/Set-/Remove-EmailAddressPolicy). In Exchange Online they
// apply only to Microsoft 365 groups: when a group is made without an
// address of its own, the first policy in priority order whose
// ManagedByFilter finds the user who makes it (a policy without one finds
// everyone) gives the group its addresses, the group's alias at each of
// the policy's domains; with no policy the group gets the default
// accepted domain. A policy changed or removed leaves the groups made
// before alone.
//
// A template is "SMTP:@domain" (the primary address) or "smtp:@domain"
// (a proxy address): Exchange Online takes no variables in a template,
// the alias is always the local part. A policy has one primary template,
// first, and its priorities run 1..n without gaps, 1 the first evaluated.
package addresspolicy

import (
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// MaxNameLength is the longest name of a policy.
const MaxNameLength = 64

// MaxPolicies is how many policies an organization can have.
const MaxPolicies = 100

// Policy is one email address policy.
type Policy struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// Priority is the policy's place in the order the policies are
	// evaluated, from 1.
	Priority int `json:"priority"`
	// Templates are the enabled address templates, the primary one
	// ("SMTP:@domain") first, then the proxy ones ("smtp:@domain").
	Templates []string `json:"templates"`
	// ManagedByFilter is an OPATH filter of the properties of the user
	// who makes a group ("" finds every user).
	ManagedByFilter string    `json:"managedByFilter,omitempty"`
	WhenCreated     time.Time `json:"whenCreated"`
	WhenChanged     time.Time `json:"whenChanged"`
}

// Errors of the operations, for the cmdlets to word.
var (
	// ErrPriority: a priority outside 1..n (n+1 for a new policy).
	ErrPriority = errors.New("the priority is out of range")
	// ErrTooMany: the organization has MaxPolicies policies.
	ErrTooMany = errors.New("the organization has the most email address policies it can have")
)

var policies = store.DefineKind(store.KindSpec[Policy]{Bucket: "emailAddressPolicies", Name: "emailAddressPolicy", Noun: "email address policy", CreatedOnWrite: true})

// Register adds the email address policies to s: their kind and their
// check.
func Register(s *store.Schema) {
	policies.Register(s)
	s.AddCheck("email-address-policies", check)
}

// DN is the distinguished name of the organization's policy with that
// name.
func DN(org *directory.Organization, name string) string {
	return org.ConfigDN(name, "CN=Recipient Policies")
}

// Keys are what an identity names a policy by: its name, Guid and
// distinguished name.
func Keys(org *directory.Organization, p *Policy) (name, guid, dn string) {
	return p.Name, p.Guid, DN(org, p.Name)
}

// List returns the policies in priority order.
func List(tx *store.Tx) ([]*Policy, error) {
	out, err := policies.List(tx)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Priority < out[j].Priority })
	return out, err
}

// ParseTemplate reads one address template: an optional type prefix
// (SMTP: the primary address, smtp: or none a proxy address) and
// "@domain". It returns whether the template is the primary one and the
// domain in lower case; ok is false for another type, a local part
// (variables included) or a domain without a dot.
func ParseTemplate(t string) (primary bool, domain string, ok bool) {
	t = strings.TrimSpace(t)
	if i := strings.IndexByte(t, ':'); i >= 0 {
		if !strings.EqualFold(t[:i], "smtp") {
			return false, "", false
		}
		primary = t[:i] == "SMTP"
		t = t[i+1:]
	}
	if !strings.HasPrefix(t, "@") {
		return false, "", false
	}
	domain = strings.ToLower(t[1:])
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.ContainsAny(domain, "@ \t,;<>%") {
		return false, "", false
	}
	return primary, domain, true
}

// PrimaryDomain is the domain of the policy's primary template.
func (p *Policy) PrimaryDomain() string {
	for _, t := range p.Templates {
		if primary, d, ok := ParseTemplate(t); ok && primary {
			return d
		}
	}
	return ""
}

// ProxyDomains are the domains of the policy's proxy templates, in order.
func (p *Policy) ProxyDomains() []string {
	var out []string
	for _, t := range p.Templates {
		if primary, d, ok := ParseTemplate(t); ok && !primary {
			out = append(out, d)
		}
	}
	return out
}

// byName returns the policy with that name (any case) other than the
// one whose Guid is except, nil when none.
func byName(all []*Policy, name, except string) *Policy {
	for _, p := range all {
		if strings.EqualFold(p.Name, name) && p.Guid != except {
			return p
		}
	}
	return nil
}

// Create stores a new policy at priority (0: after the others; 1..n+1
// move the policies from there on down one). Its name must be free
// (*store.DuplicateError).
func Create(tx *store.Tx, p *Policy, priority int) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	if len(all) >= MaxPolicies {
		return ErrTooMany
	}
	if priority < 0 || priority > len(all)+1 {
		return ErrPriority
	}
	if other := byName(all, p.Name, ""); other != nil {
		return &store.DuplicateError{Kind: "email address policy", Property: "Name", Value: p.Name, ExistingIdentity: other.Name}
	}
	if priority == 0 {
		priority = len(all) + 1
	}
	p.Guid = tx.NewGuid()
	p.WhenCreated, p.WhenChanged = tx.Now(), tx.Now()
	all = append(all[:priority-1:priority-1], append([]*Policy{p}, all[priority-1:]...)...)
	return renumber(tx, all, p)
}

// Update stores a changed policy at priority (0: where it is; 1..n move
// the others). A new name must be free (*store.DuplicateError).
func Update(tx *store.Tx, p *Policy, priority int) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	if priority < 0 || priority > len(all) {
		return ErrPriority
	}
	if other := byName(all, p.Name, p.Guid); other != nil {
		return &store.DuplicateError{Kind: "email address policy", Property: "Name", Value: p.Name, ExistingIdentity: other.Name}
	}
	rest := make([]*Policy, 0, len(all))
	at := len(all) - 1
	for i, o := range all {
		if o.Guid == p.Guid {
			at = i
			continue
		}
		rest = append(rest, o)
	}
	if priority > 0 {
		at = priority - 1
	}
	rest = append(rest[:at:at], append([]*Policy{p}, rest[at:]...)...)
	p.WhenChanged = tx.Now()
	return renumber(tx, rest, p)
}

// Remove deletes a policy; the policies after it move up one.
func Remove(tx *store.Tx, p *Policy) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	if _, err := policies.Delete(tx, p.Guid); err != nil {
		return err
	}
	rest := make([]*Policy, 0, len(all))
	for _, o := range all {
		if o.Guid != p.Guid {
			rest = append(rest, o)
		}
	}
	return renumber(tx, rest, nil)
}

// renumber gives the policies, in order, the priorities 1..n and stores
// changed and those whose priority changed.
func renumber(tx *store.Tx, all []*Policy, changed *Policy) error {
	for i, o := range all {
		if o.Priority == i+1 && o != changed {
			continue
		}
		o.Priority = i + 1
		if err := policies.Put(tx, o.Guid, o); err != nil {
			return err
		}
	}
	return nil
}

// check reports policies stored under another key than their Guid,
// names that are empty, too long or taken twice, priorities that are not
// 1..n, and templates that are not one primary template first and proxy
// templates after it.
func check(tx *store.Tx, report func(store.Finding)) error {
	names := map[string]bool{}
	var prios []int
	err := policies.ForEach(tx, "", func(key string, p *Policy) error {
		bad := func(msg string) { report(store.Finding{Kind: "emailAddressPolicy", Key: key, Message: msg}) }
		if key != p.Guid {
			bad("stored under another key than its Guid")
		}
		n := strings.ToLower(p.Name)
		if n == "" || len([]rune(p.Name)) > MaxNameLength {
			bad("its name is empty or longer than 64 characters")
		}
		if names[n] {
			bad("its name is another policy's")
		}
		names[n] = true
		prios = append(prios, p.Priority)
		for i, t := range p.Templates {
			if primary, _, ok := ParseTemplate(t); !ok || primary != (i == 0) {
				bad("its templates are not one primary template followed by proxy templates")
				break
			}
		}
		if len(p.Templates) == 0 {
			bad("it has no primary template")
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Ints(prios)
	for i, pr := range prios {
		if pr != i+1 {
			report(store.Finding{Kind: "emailAddressPolicy", Message: "the priorities are not 1 to the number of policies"})
			break
		}
	}
	return nil
}

// For returns the policy that gives a new group its addresses: the
// first in priority order that has no ManagedByFilter or whose filter
// finds the user who makes the group (finds, given a filter, tells); nil
// when none does.
func For(tx *store.Tx, finds func(filter string) (bool, error)) (*Policy, error) {
	all, err := List(tx)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if p.ManagedByFilter == "" {
			return p, nil
		}
		ok, err := finds(p.ManagedByFilter)
		if err != nil {
			return nil, err
		}
		if ok {
			return p, nil
		}
	}
	return nil, nil
}
