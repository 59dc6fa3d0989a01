// Package appaccess keeps the organization's application access policies
// (New-/Get-/Set-/Remove-/Test-ApplicationAccessPolicy): each limits what
// one app (by its application ID), or every app, may reach through
// Microsoft Graph, Outlook REST and EWS to the mailboxes of one security
// principal: a mail-enabled security group (its members, nested groups
// included), or one mailbox user or mail user. RestrictAccess lets the app
// reach only the principal's mailboxes, DenyAccess keeps it from them.
//
// A policy names its scope as Exchange keeps it: by security identifier
// and directory object ID. Exchange does not follow the scope when it is
// deleted: the policy stays, naming an object that no longer resolves.
package appaccess

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// The access rights of a policy (ApplicationAccessPolicyRight).
const (
	RestrictAccess = "RestrictAccess"
	DenyAccess     = "DenyAccess"
)

// AccessRights are the values of a policy's AccessRight, in the
// enumeration's order.
var AccessRights = []string{RestrictAccess, DenyAccess}

// AllApps is the AppId of a policy that applies to every app.
const AllApps = "*"

// The kinds of scope a policy can have.
const (
	// ScopeUser is an account: a mailbox user or a mail user.
	ScopeUser = "User"
	// ScopeGroup is a mail-enabled security group.
	ScopeGroup = "Group"
)

// Policy is one application access policy.
type Policy struct {
	// AppId is the app's application (client) ID, a lower-case GUID, or
	// AllApps.
	AppId string `json:"appId"`
	// ScopeKind is ScopeUser or ScopeGroup.
	ScopeKind string `json:"scopeKind"`
	// ScopeID is the scope as the directory keys it: an account's object
	// ID, or a group's GUID (lower case).
	ScopeID string `json:"scopeId"`
	// ScopeObjectID is the scope's directory object ID, as
	// ScopeIdentityRaw shows it (a group's ExternalDirectoryObjectId, an
	// account's object ID), lower case.
	ScopeObjectID string `json:"scopeObjectId"`
	// ScopeSID is the scope's security identifier.
	ScopeSID    string    `json:"scopeSid"`
	AccessRight string    `json:"accessRight"`
	Description string    `json:"description"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// ScopeIdentityRaw is the scope as the policy shows it: "<SID>;<object ID>".
func (p *Policy) ScopeIdentityRaw() string { return p.ScopeSID + ";" + p.ScopeObjectID }

// Key is the policy's key in the tenant: its identity without the
// organization, "<app id>:<SID>;<object ID>" in lower case. An app has at
// most one policy for a scope.
func (p *Policy) Key() string { return strings.ToLower(p.AppId + ":" + p.ScopeIdentityRaw()) }

// Identity is the policy's identity as Exchange shows it:
// "<organization id>\<app id>:<SID>;<object ID>".
func (p *Policy) Identity(orgGuid string) string {
	return strings.ToLower(orgGuid) + `\` + p.AppId + ":" + p.ScopeIdentityRaw()
}

// Applies reports whether the policy applies to the app appID (a
// lower-case GUID).
func (p *Policy) Applies(appID string) bool { return p.AppId == AllApps || p.AppId == appID }

var kind = store.DefineKind(store.KindSpec[Policy]{Bucket: "applicationAccessPolicies", Name: "applicationAccessPolicy",
	Noun: "application access policy", CreatedOnWrite: true})

// List returns the policies in key order: by app, then by scope.
func List(tx *store.Tx) ([]*Policy, error) {
	all, err := kind.List(tx)
	if err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Key() < all[j].Key() })
	return all, nil
}

// Get returns the policy of an app for a scope ("<SID>;<object ID>").
func Get(tx *store.Tx, appID, scopeRaw string) (*Policy, bool, error) {
	return kind.Get(tx, strings.ToLower(appID+":"+scopeRaw))
}

// The organization's policies share a fixed amount of space: each takes
// PolicyOverhead bytes and its description's. Exchange Online's reference
// for New-ApplicationAccessPolicy gives the space in policies: about 100
// with the descriptions the service writes (about 214 characters), about
// 300 with a one-space description; these two numbers are worked out from
// those figures.
const (
	PolicyOverhead = 106
	SizeLimit      = 32000
)

// Size is the space a policy takes.
func (p *Policy) Size() int { return PolicyOverhead + len(p.Description) }

// SizeError is a change that would take the policies past SizeLimit.
type SizeError struct{ Size int }

func (e *SizeError) Error() string {
	return fmt.Sprintf("the application access policies would take %d bytes, more than %d", e.Size, SizeLimit)
}

// checkSize refuses p (new or changed) when the policies with it would
// take more than SizeLimit.
func checkSize(tx *store.Tx, p *Policy) error {
	all, err := kind.List(tx)
	if err != nil {
		return err
	}
	total := p.Size()
	for _, o := range all {
		if o.Key() != p.Key() {
			total += o.Size()
		}
	}
	if total > SizeLimit {
		return &SizeError{Size: total}
	}
	return nil
}

// ExistsError is a new policy for an app and scope that already have one.
type ExistsError struct{ Key string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("an application access policy %s already exists", e.Key)
}

// Add stores a new policy: its settings must pass Check, its app must
// have no policy for the scope yet (*ExistsError), and the policies must
// stay within their space (*SizeError).
func Add(tx *store.Tx, p *Policy) error {
	if problem := Check(p); problem != "" {
		return fmt.Errorf("application access policy: %s", problem)
	}
	if _, found, err := kind.Get(tx, p.Key()); err != nil {
		return err
	} else if found {
		return &ExistsError{Key: p.Key()}
	}
	if err := checkSize(tx, p); err != nil {
		return err
	}
	p.WhenCreated = tx.Now()
	p.WhenChanged = p.WhenCreated
	return kind.Put(tx, p.Key(), p)
}

// Update stores a changed policy (its app and scope unchanged); the
// policies must stay within their space (*SizeError).
func Update(tx *store.Tx, p *Policy) error {
	if problem := Check(p); problem != "" {
		return fmt.Errorf("application access policy: %s", problem)
	}
	if err := checkSize(tx, p); err != nil {
		return err
	}
	p.WhenChanged = tx.Now()
	return kind.Put(tx, p.Key(), p)
}

// Remove deletes a policy.
func Remove(tx *store.Tx, p *Policy) error {
	_, err := kind.Delete(tx, p.Key())
	return err
}

// Check returns what is wrong with a policy's own settings, "" when
// nothing is: the app must be a GUID (lower case) or AllApps, the access
// right one of AccessRights, the scope a user or group with its IDs and a
// security identifier.
func Check(p *Policy) string {
	if g, ok := store.NormalizeGuid(p.AppId); p.AppId != AllApps && (!ok || g != p.AppId) {
		return fmt.Sprintf("AppId %q is not a lower-case GUID or *", p.AppId)
	}
	switch {
	case p.AccessRight != RestrictAccess && p.AccessRight != DenyAccess:
		return fmt.Sprintf("AccessRight %q is not RestrictAccess or DenyAccess", p.AccessRight)
	case p.ScopeKind != ScopeUser && p.ScopeKind != ScopeGroup:
		return fmt.Sprintf("scope kind %q is not User or Group", p.ScopeKind)
	case p.ScopeID == "" || p.ScopeID != strings.ToLower(p.ScopeID):
		return fmt.Sprintf("scope ID %q is empty or not lower case", p.ScopeID)
	case p.ScopeObjectID == "" || p.ScopeObjectID != strings.ToLower(p.ScopeObjectID):
		return fmt.Sprintf("scope object ID %q is empty or not lower case", p.ScopeObjectID)
	case !strings.HasPrefix(p.ScopeSID, "S-1-5-21-"):
		return fmt.Sprintf("scope SID %q is not a security identifier", p.ScopeSID)
	}
	return ""
}

// Scope is what the directory says now of a policy's scope: found is
// false when the object is gone (the policy stays, as in Exchange);
// otherwise its directory object ID and security identifier.
type Scope struct {
	Found         bool
	ObjectID, SID string
}

// Scopes looks up a policy's scope by kind and ID; the tenant fills it
// from the directory and the groups, which this package does not import.
var Scopes = store.NewHook[func(tx *store.Tx, kind, id string) (Scope, error)]("application access policy scope")

// Register adds the policies to s: their kind and their check.
func Register(s *store.Schema) {
	kind.Register(s)
	s.AddCheck("application-access-policies", check)
}

// check reports policies whose settings Check refuses, that are stored
// under another key than their own, or whose scope, while it still
// exists, has another object ID or security identifier than the policy
// recorded (a scope that is gone is no finding: Exchange keeps such
// policies), and policies that together take more than SizeLimit.
func check(tx *store.Tx, report func(store.Finding)) error {
	lookups := Scopes.Funcs(tx)
	total := 0
	err := kind.ForEach(tx, "", func(key string, p *Policy) error {
		total += p.Size()
		if problem := Check(p); problem != "" {
			report(store.Finding{Kind: "applicationAccessPolicy", Key: key, Message: problem})
			return nil
		}
		if key != p.Key() {
			report(store.Finding{Kind: "applicationAccessPolicy", Key: key, Message: "stored under another key than " + p.Key()})
		}
		for _, f := range lookups {
			s, err := f(tx, p.ScopeKind, p.ScopeID)
			if err != nil {
				return err
			}
			if !s.Found {
				continue
			}
			if !strings.EqualFold(s.ObjectID, p.ScopeObjectID) || s.SID != p.ScopeSID {
				report(store.Finding{Kind: "applicationAccessPolicy", Key: key,
					Message: fmt.Sprintf("its %s scope %s is %s;%s in the directory, not %s", strings.ToLower(p.ScopeKind), p.ScopeID, s.SID, s.ObjectID, p.ScopeIdentityRaw())})
			}
		}
		return nil
	})
	if err == nil && total > SizeLimit {
		report(store.Finding{Kind: "applicationAccessPolicy", Key: "",
			Message: fmt.Sprintf("the policies take %d bytes, more than their space of %d", total, SizeLimit)})
	}
	return err
}
