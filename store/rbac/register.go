package rbac

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The record kinds of role-based access control.
var (
	roleGroupKind = store.DefineKind(store.KindSpec[RoleGroup]{Bucket: bucketRoleGroups, Name: "roleGroup", Fast: &fastRoleGroup})
	// userAssignmentKind's bucket appears with the first assignment, so a
	// tenant file written before it existed needs no migration.
	userAssignmentKind = store.DefineKind(store.KindSpec[UserRoleAssignment]{Bucket: bucketUserAssignments, Name: "userRoleAssignment", CreatedOnWrite: true})
	// auditKind is kept in the file but left out of export (audit.go); its
	// bucket appears with the first record.
	auditKind = store.DefineKind(store.KindSpec[AuditRecord]{Bucket: bucketAuditLog, Name: "adminAuditLog", NotExported: true, CreatedOnWrite: true})
)

// Register adds role groups, the roles assigned to single users and the
// admin audit log to s.
func Register(s *store.Schema) {
	roleGroupKind.Register(s)
	userAssignmentKind.Register(s)
	auditKind.Register(s)
	s.Principals(bucketRoleGroups, bucketUserAssignments)
	// The access check of every command reads the role groups whole and
	// looks for assignments to single users.
	s.Hot(func(*store.Tx) ([]store.HotRead, error) {
		return []store.HotRead{{Bucket: bucketRoleGroups, Top: true}, {Bucket: bucketUserAssignments}}, nil
	})
	s.AddCheck("org-management", checkOrgManagement)
	s.AddCheck("user-role-assignments", checkUserAssignments)
	s.OnImport(auditImport)
	directory.AccountLeaving.Add(s, guardLastOrgAdmin)
	directory.AccountLeaving.Add(s, dropUserAssignments)
}
