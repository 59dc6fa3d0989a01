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

// UserRoleAssignment is a management role assigned directly to a user.
type UserRoleAssignment struct {
	// Name is the assignment's name, unique among every assignment.
	Name string `json:"name"`
	Guid string `json:"guid"`
	// Role is the management role, by name.
	Role string `json:"role"`
	// User is the assignee's account ObjectId (lower case).
	User        string    `json:"user"`
	WhenCreated time.Time `json:"whenCreated"`
}

// AssignmentNameInUseError refuses a new assignment whose name another
// assignment has.
type AssignmentNameInUseError struct{ Name string }

func (e *AssignmentNameInUseError) Error() string {
	return fmt.Sprintf("the role assignment name %q is already used", e.Name)
}

// RoleAlreadyAssignedError refuses assigning a user a role they already
// hold directly.
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
		if strings.EqualFold(a.User, objectID) {
			out = append(out, a)
		}
	}
	return out, nil
}

// AssignRoleToUser stores a direct assignment of role to the account. The
// name must be free among the user assignments and the role groups'
// assignments (taken reports whether a role group assignment has it), and
// the user must not hold the role directly already.
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
	mine, err := UserAssignmentsOf(tx, a.User)
	if err != nil {
		return err
	}
	for _, x := range mine {
		if strings.EqualFold(x.Role, a.Role) {
			return &RoleAlreadyAssignedError{Role: x.Role, User: a.User}
		}
	}
	a.User = strings.ToLower(a.User)
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
		if _, err := directory.GetUser(tx, a.User); store.IsNotFound(err) {
			report(store.Finding{Kind: "userRoleAssignment", Key: strings.ToLower(a.Name), Message: "assigned to an account that does not exist: " + a.User})
		} else if err != nil {
			return err
		}
	}
	return nil
}
