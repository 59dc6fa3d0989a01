package rbac

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// A management role can also be assigned to one user directly, outside
// any role group (New-ManagementRoleAssignment -User): the user gets the
// role's cmdlets for as long as the assignment exists and their account
// is active. Such assignments are kept one record each, keyed by their
// lower-case name; the roles of role groups stay on the group
// (RoleGroup.Roles).

// bucketUserAssignments holds UserRoleAssignment records.
const bucketUserAssignments = "userRoleAssignments"

// UserRoleAssignment is a management role assigned directly to a user,
// or an application role assigned to an app's service principal (App
// set, User empty; see apps.go).
type UserRoleAssignment struct {
	// Name is the assignment's name, unique among every assignment.
	Name string `json:"name"`
	Guid string `json:"guid"`
	// Role is the management role, by name.
	Role string `json:"role"`
	// User is the assignee's account ObjectId (lower case).
	User string `json:"user"`
	// App is the assignee service principal's object ID (lower case), for
	// an assignment to an app.
	App string `json:"app,omitempty"`
	// Scope is the GUID of the management scope that limits an app's
	// assignment to the recipients its filter finds (CustomResourceScope);
	// empty: the whole organization.
	Scope       string    `json:"scope,omitempty"`
	WhenCreated time.Time `json:"whenCreated"`
}

// AssignmentNameInUseError refuses a new assignment whose name another
// assignment has.
type AssignmentNameInUseError struct{ Name string }

func (e *AssignmentNameInUseError) Error() string {
	return fmt.Sprintf("the role assignment name %q is already used", e.Name)
}

// RoleAlreadyAssignedError refuses assigning a user a role they already
// hold directly, or an app a role it holds in the same scope.
type RoleAlreadyAssignedError struct{ Role, User string }

func (e *RoleAlreadyAssignedError) Error() string {
	return fmt.Sprintf("the role %q is already assigned to %s", e.Role, e.User)
}

// UserAssignments returns every direct user assignment in name order.
func UserAssignments(tx *store.Tx) ([]*UserRoleAssignment, error) {
	out, err := userAssignmentKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(out, func(a *UserRoleAssignment) string { return a.Name })
	return out, nil
}

// UserAssignmentsOf returns the direct assignments of the account, in
// name order.
func UserAssignmentsOf(tx *store.Tx, objectID string) ([]*UserRoleAssignment, error) {
	all, err := UserAssignments(tx)
	if err != nil {
		return nil, err
	}
	var out []*UserRoleAssignment
	for _, a := range all {
		if a.App == "" && strings.EqualFold(a.User, objectID) {
			out = append(out, a)
		}
	}
	return out, nil
}

// AssignRoleToUser stores a direct assignment of role to the account (or,
// App set, to the service principal). The name must be free among the
// user assignments and the role groups' assignments (taken reports
// whether a role group assignment has it), and the user must not hold the
// role directly already (an app: not in the same scope).
func AssignRoleToUser(tx *store.Tx, a *UserRoleAssignment, taken bool) error {
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return &store.ValidationError{Field: "Name", Message: "empty"}
	}
	if len(a.Name) > 64 {
		return &store.ValidationError{Field: "Name", Message: "longer than 64 characters"}
	}
	if _, ok, err := userAssignmentKind.Get(tx, strings.ToLower(a.Name)); err != nil {
		return err
	} else if ok || taken {
		return &AssignmentNameInUseError{Name: a.Name}
	}
	var mine []*UserRoleAssignment
	var err error
	who := a.User
	if a.App != "" {
		mine, err = AppAssignmentsOf(tx, a.App)
		who = a.App
	} else {
		mine, err = UserAssignmentsOf(tx, a.User)
	}
	if err != nil {
		return err
	}
	for _, x := range mine {
		if strings.EqualFold(x.Role, a.Role) && strings.EqualFold(x.Scope, a.Scope) {
			return &RoleAlreadyAssignedError{Role: x.Role, User: who}
		}
	}
	a.User, a.App, a.Scope = strings.ToLower(a.User), strings.ToLower(a.App), strings.ToLower(a.Scope)
	if a.Guid == "" {
		a.Guid = tx.NewGuid()
	}
	a.WhenCreated = tx.Now()
	return userAssignmentKind.Put(tx, strings.ToLower(a.Name), a)
}

// GetUserAssignment finds a direct assignment by name or GUID.
func GetUserAssignment(tx *store.Tx, identity string) (*UserRoleAssignment, bool, error) {
	id := strings.TrimSpace(identity)
	a, ok, err := userAssignmentKind.Get(tx, strings.ToLower(id))
	if err != nil || ok {
		return a, ok, err
	}
	if guid, isGuid := store.NormalizeGuid(id); isGuid {
		all, err := UserAssignments(tx)
		if err != nil {
			return nil, false, err
		}
		for _, x := range all {
			if strings.EqualFold(x.Guid, guid) {
				return x, true, nil
			}
		}
	}
	return nil, false, nil
}

// RemoveUserAssignment deletes a direct assignment.
func RemoveUserAssignment(tx *store.Tx, a *UserRoleAssignment) error {
	_, err := userAssignmentKind.Delete(tx, strings.ToLower(a.Name))
	return err
}

// dropUserAssignments removes the direct assignments of an account that
// is leaving the directory: a deleted user keeps no role.
func dropUserAssignments(tx *store.Tx, objectID string) error {
	mine, err := UserAssignmentsOf(tx, objectID)
	if err != nil {
		return err
	}
	for _, a := range mine {
		if err := RemoveUserAssignment(tx, a); err != nil {
			return err
		}
	}
	return nil
}

// checkUserAssignments reports direct assignments whose account is not in
// the directory.
func checkUserAssignments(tx *store.Tx, report func(store.Finding)) error {
	all, err := UserAssignments(tx)
	if err != nil {
		return err
	}
	for _, a := range all {
		if a.App != "" {
			continue // checkAppLinks
		}
		if _, err := directory.GetUser(tx, a.User); store.IsNotFound(err) {
			report(store.Finding{Kind: "userRoleAssignment", Key: strings.ToLower(a.Name), Message: "assigned to an account that does not exist: " + a.User})
		} else if err != nil {
			return err
		}
	}
	return nil
}
