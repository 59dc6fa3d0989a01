// Package authpolicy is the organization's authentication policies
// (Get-/New-/Set-/Remove-AuthenticationPolicy): for each protocol, whether
// Basic authentication is allowed (AllowBasicAuth<Protocol>); and which
// policy applies to the whole organization (Set-OrganizationConfig
// -DefaultAuthenticationPolicy) and to single users (Set-User
// -AuthenticationPolicy).
//
// A new policy allows Basic authentication for no protocol unless the
// call names it. Policies are kept by Guid and named uniquely (without
// regard to case); a policy has no way to be renamed, so the organization
// and the users name the policy that applies to them by its name, kept
// with their own settings (Extra). Removing a policy takes it away from
// them, as a deleted directory object leaves the links to it.
package authpolicy

import (
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Protocols are the protocols a policy allows or blocks Basic
// authentication for, in the order Get-AuthenticationPolicy lists them
// (AllowBasicAuth<Protocol>).
var Protocols = []string{"ActiveSync", "Autodiscover", "Imap", "Mapi", "OfflineAddressBook", "OutlookService", "Pop",
	"ReportingWebServices", "Rpc", "Smtp", "WebServices", "Powershell"}

// MaxNameLength is the longest name of a policy.
const MaxNameLength = 64

// Setting is the name of the setting, kept with the organization's and
// a user's other settings (Extra), that names the policy applying to them.
const (
	OrgSetting  = "DefaultAuthenticationPolicy"
	UserSetting = "AuthenticationPolicy"
)

// Policy is one authentication policy.
type Policy struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// Allowed are the protocols (of Protocols) whose Basic
	// authentication the policy allows, in Protocols' order.
	Allowed     []string  `json:"allowed,omitempty"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// Allows reports whether p allows Basic authentication for protocol.
func (p *Policy) Allows(protocol string) bool {
	for _, a := range p.Allowed {
		if strings.EqualFold(a, protocol) {
			return true
		}
	}
	return false
}

// Set allows or blocks Basic authentication for protocol, keeping
// Allowed in Protocols' order.
func (p *Policy) Set(protocol string, allow bool) {
	var out []string
	for _, pr := range Protocols {
		if strings.EqualFold(pr, protocol) && allow || !strings.EqualFold(pr, protocol) && p.Allows(pr) {
			out = append(out, pr)
		}
	}
	p.Allowed = out
}

var policies = store.DefineKind(store.KindSpec[Policy]{Bucket: "authenticationPolicies", Name: "authenticationPolicy", Noun: "authentication policy", CreatedOnWrite: true})

// Register adds the authentication policies to s: their kind and the
// check that every policy the organization and the users name exists.
func Register(s *store.Schema) {
	policies.Register(s)
	s.AddCheck("authentication-policies", check)
}

// DN is the distinguished name of the organization's policy with that
// name.
func DN(org *directory.Organization, name string) string {
	return org.ConfigDN(name, "CN=Auth Policies")
}

// Keys are what an identity names a policy by: its name, Guid and
// distinguished name.
func Keys(org *directory.Organization, p *Policy) (name, guid, dn string) {
	return p.Name, p.Guid, DN(org, p.Name)
}

// List returns the policies in the order they were made.
func List(tx *store.Tx) ([]*Policy, error) {
	out, err := policies.List(tx)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].WhenCreated.Equal(out[j].WhenCreated) {
			return out[i].WhenCreated.Before(out[j].WhenCreated)
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, err
}

// ByName returns the policy with that name (any case), nil when none.
func ByName(tx *store.Tx, name string) (*Policy, error) {
	all, err := policies.List(tx)
	for _, p := range all {
		if strings.EqualFold(p.Name, name) {
			return p, err
		}
	}
	return nil, err
}

// Create stores a new policy; its name must be free (*store.DuplicateError).
func Create(tx *store.Tx, p *Policy) error {
	if other, err := ByName(tx, p.Name); err != nil {
		return err
	} else if other != nil {
		return &store.DuplicateError{Kind: "authentication policy", Property: "Name", Value: p.Name, ExistingIdentity: other.Name}
	}
	p.Guid = tx.NewGuid()
	p.WhenCreated, p.WhenChanged = tx.Now(), tx.Now()
	return policies.Put(tx, p.Guid, p)
}

// Update stores a changed policy.
func Update(tx *store.Tx, p *Policy) error {
	p.WhenChanged = tx.Now()
	return policies.Put(tx, p.Guid, p)
}

// Remove deletes a policy; the organization and the users it applied to
// keep no policy.
func Remove(tx *store.Tx, p *Policy) error {
	if _, err := policies.Delete(tx, p.Guid); err != nil {
		return err
	}
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if strings.EqualFold(Named(o.Extra[OrgSetting]), p.Name) {
		delete(o.Extra, OrgSetting)
		if err := directory.PutOrganization(tx, o); err != nil {
			return err
		}
	}
	var changed []*directory.User
	err = directory.ForEachUser(tx, "", func(u *directory.User) error {
		if strings.EqualFold(OfUser(u), p.Name) {
			delete(u.Extra, UserSetting)
			changed = append(changed, u)
		}
		return nil
	})
	for _, u := range changed {
		if err == nil {
			err = directory.PutUser(tx, u)
		}
	}
	return err
}

// Named reads the name of a policy a setting keeps ("" none).
func Named(raw store.RawValue) string {
	var name string
	if raw == nil || store.DecodeExtra(raw, &name) != nil {
		return ""
	}
	return name
}

// OfUser is the name of the policy that applies to the account u alone
// ("" none; u may be nil, an account of no record).
func OfUser(u *directory.User) string {
	if u == nil {
		return ""
	}
	return Named(u.Extra[UserSetting])
}

// check reports policies stored under another key than their Guid,
// names that are empty, too long or taken twice, and an organization or
// user naming a policy that doesn't exist. The users are read only when
// the tenant has policies: until the first one is made no user can have
// been given one.
func check(tx *store.Tx, report func(store.Finding)) error {
	names := map[string]bool{}
	err := policies.ForEach(tx, "", func(key string, p *Policy) error {
		bad := func(msg string) { report(store.Finding{Kind: "authenticationPolicy", Key: key, Message: msg}) }
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
		return nil
	})
	if err != nil {
		return err
	}
	// a tenant without its organization record is the organization
	// check's finding; the users are checked all the same
	if o, err := directory.GetOrganization(tx); err == nil {
		if n := Named(o.Extra[OrgSetting]); n != "" && !names[strings.ToLower(n)] {
			report(store.Finding{Kind: "organization", Key: o.Guid, Message: "its default authentication policy " + n + " does not exist"})
		}
	}
	if len(names) == 0 {
		return nil
	}
	return directory.ForEachUser(tx, "", func(u *directory.User) error {
		if n := OfUser(u); n != "" && !names[strings.ToLower(n)] {
			report(store.Finding{Kind: "user", Key: u.ObjectID, Message: "its authentication policy " + n + " does not exist"})
		}
		return nil
	})
}
