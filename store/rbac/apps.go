package rbac

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// Role-based access control for applications: an administrator points
// Exchange at an app's Microsoft Entra service principal
// (New-ServicePrincipal), may describe a set of recipients with a
// management scope (New-ManagementScope -RecipientRestrictionFilter), and
// assigns the app an application role ("Application Mail.Read") for the
// whole organization or within the scope (New-ManagementRoleAssignment
// -App -CustomResourceScope). The assignment is a UserRoleAssignment
// record whose App is set: one model for every assignment outside role
// groups. An assignment names its scope by GUID, so renaming the scope
// keeps the link; a scope an assignment uses can't be removed, and
// removing a service principal removes its assignments with it.

// Buckets of the management scopes and of the service principals.
const (
	bucketScopes     = "managementScopes"
	bucketPrincipals = "servicePrincipals"
)

// ManagementScope is a recipient management scope (Get-ManagementScope).
type ManagementScope struct {
	// Name is unique among the scopes, up to 64 characters.
	Name string `json:"name"`
	Guid string `json:"guid"`
	// RecipientFilter is the OPATH recipient restriction filter, as given.
	// Exclusive scopes, and recipient write scopes on administrators'
	// assignments, are not simulated: a scope here limits apps only.
	RecipientFilter string    `json:"recipientFilter"`
	WhenCreated     time.Time `json:"whenCreated"`
	WhenChanged     time.Time `json:"whenChanged"`
}

// ServicePrincipal is Exchange's reference to an app's Microsoft Entra
// service principal (Get-ServicePrincipal), keyed by its object ID.
type ServicePrincipal struct {
	// AppId is the application (client) ID, ObjectId the service
	// principal's object ID: lower-case GUIDs, each unique.
	AppId       string    `json:"appId"`
	ObjectId    string    `json:"objectId"`
	DisplayName string    `json:"displayName"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// NameInUseError refuses a scope or service principal whose name or ID
// another one has; What says which ("management scope").
type NameInUseError struct{ What, Name string }

func (e *NameInUseError) Error() string {
	return fmt.Sprintf("the %s %q already exists", e.What, e.Name)
}

// ScopeInUseError refuses removing a scope role assignments use.
type ScopeInUseError struct {
	Scope       string
	Assignments []string
}

func (e *ScopeInUseError) Error() string {
	return fmt.Sprintf("the management scope %q is used by the role assignments %s", e.Scope, strings.Join(e.Assignments, ", "))
}

// Scopes returns every management scope in name order.
func Scopes(tx *store.Tx) ([]*ManagementScope, error) {
	out, err := scopeKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(out, func(s *ManagementScope) string { return s.Name })
	return out, nil
}

// GetScope finds a scope by name or GUID (case-insensitive).
func GetScope(tx *store.Tx, identity string) (*ManagementScope, error) {
	id := strings.TrimSpace(identity)
	if s, ok, err := scopeKind.Get(tx, strings.ToLower(id)); err != nil || ok {
		return s, err
	}
	if guid, isGuid := store.NormalizeGuid(id); isGuid {
		all, err := Scopes(tx)
		if err != nil {
			return nil, err
		}
		for _, s := range all {
			if s.Guid == guid {
				return s, nil
			}
		}
	}
	return nil, &store.NotFoundError{Kind: "management scope", Key: identity}
}

// scopeByGuid returns the scope with this GUID (nil when none has it).
func scopeByGuid(tx *store.Tx, guid string) (*ManagementScope, error) {
	all, err := scopeKind.List(tx)
	if err != nil {
		return nil, err
	}
	for _, s := range all {
		if strings.EqualFold(s.Guid, guid) {
			return s, nil
		}
	}
	return nil, nil
}

// ScopeByGuid returns the scope an assignment names (nil when it is gone).
func ScopeByGuid(tx *store.Tx, guid string) (*ManagementScope, error) { return scopeByGuid(tx, guid) }

// validName checks a scope's name: not empty, at most 64 characters.
func validName(name string) error {
	if strings.TrimSpace(name) == "" {
		return &store.ValidationError{Field: "Name", Message: "empty"}
	}
	if len([]rune(name)) > 64 {
		return &store.ValidationError{Field: "Name", Message: "longer than 64 characters"}
	}
	return nil
}

// NewScope stores a new scope; its name must be free.
func NewScope(tx *store.Tx, s *ManagementScope) error {
	s.Name = strings.TrimSpace(s.Name)
	if err := validName(s.Name); err != nil {
		return err
	}
	if scopeKind.Has(tx, strings.ToLower(s.Name)) {
		return &NameInUseError{What: "management scope", Name: s.Name}
	}
	s.Guid = tx.NewGuid()
	s.WhenCreated = tx.Now()
	s.WhenChanged = s.WhenCreated
	return scopeKind.Put(tx, strings.ToLower(s.Name), s)
}

// UpdateScope stores a changed scope; oldName is its name before the
// change (a new name must be free).
func UpdateScope(tx *store.Tx, s *ManagementScope, oldName string) error {
	s.Name = strings.TrimSpace(s.Name)
	if err := validName(s.Name); err != nil {
		return err
	}
	if !strings.EqualFold(s.Name, oldName) {
		if scopeKind.Has(tx, strings.ToLower(s.Name)) {
			return &NameInUseError{What: "management scope", Name: s.Name}
		}
		if _, err := scopeKind.Delete(tx, strings.ToLower(oldName)); err != nil {
			return err
		}
	}
	s.WhenChanged = tx.Now()
	return scopeKind.Put(tx, strings.ToLower(s.Name), s)
}

// ScopeUsers returns the names of the assignments that use the scope.
func ScopeUsers(tx *store.Tx, s *ManagementScope) ([]string, error) {
	all, err := UserAssignments(tx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range all {
		if a.Scope != "" && strings.EqualFold(a.Scope, s.Guid) {
			out = append(out, a.Name)
		}
	}
	return out, nil
}

// RemoveScope deletes a scope no assignment uses.
func RemoveScope(tx *store.Tx, s *ManagementScope) error {
	users, err := ScopeUsers(tx, s)
	if err != nil {
		return err
	}
	if len(users) > 0 {
		return &ScopeInUseError{Scope: s.Name, Assignments: users}
	}
	_, err = scopeKind.Delete(tx, strings.ToLower(s.Name))
	return err
}

// ServicePrincipals returns every service principal, by display name and
// then object ID.
func ServicePrincipals(tx *store.Tx) ([]*ServicePrincipal, error) {
	out, err := principalKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(out, func(p *ServicePrincipal) string { return p.DisplayName + "\x00" + p.ObjectId })
	return out, nil
}

// GetServicePrincipal finds a service principal by object ID, app ID or
// display name (case-insensitive); a display name two of them share is
// ambiguous.
func GetServicePrincipal(tx *store.Tx, identity string) (*ServicePrincipal, error) {
	id := strings.TrimSpace(identity)
	if guid, isGuid := store.NormalizeGuid(id); isGuid {
		if p, ok, err := principalKind.Get(tx, guid); err != nil || ok {
			return p, err
		}
		id = guid
	}
	all, err := principalKind.List(tx)
	if err != nil {
		return nil, err
	}
	var hits []*ServicePrincipal
	for _, p := range all {
		if p.AppId == id {
			return p, nil
		}
		if strings.EqualFold(p.DisplayName, id) {
			hits = append(hits, p)
		}
	}
	switch len(hits) {
	case 0:
		return nil, &store.NotFoundError{Kind: "service principal", Key: identity}
	case 1:
		return hits[0], nil
	}
	return nil, &store.AmbiguousError{Kind: "service principal", Identity: identity}
}

// NewServicePrincipal stores a service principal; its object ID and app
// ID must be lower-case GUIDs no other service principal has.
func NewServicePrincipal(tx *store.Tx, p *ServicePrincipal) error {
	all, err := principalKind.List(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.ObjectId == p.ObjectId {
			return &NameInUseError{What: "service principal", Name: p.ObjectId}
		}
		if o.AppId == p.AppId {
			return &NameInUseError{What: "service principal", Name: p.AppId}
		}
	}
	p.WhenCreated = tx.Now()
	p.WhenChanged = p.WhenCreated
	return principalKind.Put(tx, p.ObjectId, p)
}

// PutServicePrincipal stores a changed service principal.
func PutServicePrincipal(tx *store.Tx, p *ServicePrincipal) error {
	p.WhenChanged = tx.Now()
	return principalKind.Put(tx, p.ObjectId, p)
}

// RemoveServicePrincipal deletes a service principal and the role
// assignments made to it.
func RemoveServicePrincipal(tx *store.Tx, p *ServicePrincipal) error {
	mine, err := AppAssignmentsOf(tx, p.ObjectId)
	if err != nil {
		return err
	}
	for _, a := range mine {
		if err := RemoveUserAssignment(tx, a); err != nil {
			return err
		}
	}
	_, err = principalKind.Delete(tx, p.ObjectId)
	return err
}

// AppAssignmentsOf returns the assignments made to the service principal
// with this object ID, in name order.
func AppAssignmentsOf(tx *store.Tx, objectID string) ([]*UserRoleAssignment, error) {
	all, err := UserAssignments(tx)
	if err != nil {
		return nil, err
	}
	var out []*UserRoleAssignment
	for _, a := range all {
		if a.App != "" && strings.EqualFold(a.App, objectID) {
			out = append(out, a)
		}
	}
	return out, nil
}

// checkAppLinks reports app assignments whose service principal or scope
// is not in the tenant.
func checkAppLinks(tx *store.Tx, report func(store.Finding)) error {
	all, err := UserAssignments(tx)
	if err != nil {
		return err
	}
	for _, a := range all {
		key := strings.ToLower(a.Name)
		if a.App != "" && !principalKind.Has(tx, a.App) {
			report(store.Finding{Kind: "userRoleAssignment", Key: key, Message: "assigned to a service principal that does not exist: " + a.App})
		}
		if a.Scope != "" {
			s, err := scopeByGuid(tx, a.Scope)
			if err != nil {
				return err
			}
			if s == nil {
				report(store.Finding{Kind: "userRoleAssignment", Key: key, Message: "uses a management scope that does not exist: " + a.Scope})
			}
		}
	}
	return nil
}
