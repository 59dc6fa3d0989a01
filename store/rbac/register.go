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
	// The management scopes and service principals (apps.go) appear with
	// the first of each.
	scopeKind     = store.DefineKind(store.KindSpec[ManagementScope]{Bucket: bucketScopes, Name: "managementScope", Noun: "management scope", CreatedOnWrite: true})
	principalKind = store.DefineKind(store.KindSpec[ServicePrincipal]{Bucket: bucketPrincipals, Name: "servicePrincipal", Noun: "service principal", CreatedOnWrite: true})
	auditKind     = store.DefineKind(store.KindSpec[AuditRecord]{Bucket: bucketAuditLog, Name: "adminAuditLog", NotExported: true, CreatedOnWrite: true})
)

// Register adds role groups, the roles assigned to single users and to
// apps, management scopes, service principals and the admin audit log to
// s.
func Register(s *store.Schema) {
	roleGroupKind.Register(s)
	userAssignmentKind.Register(s)
	scopeKind.Register(s)
	principalKind.Register(s)
	auditKind.Register(s)
	s.Principals(bucketRoleGroups, bucketUserAssignments)
	// The access check of every command reads the role groups whole and
	// looks for assignments to single users.
	s.Hot(func(*store.Tx) ([]store.HotRead, error) {
		return []store.HotRead{{Bucket: bucketRoleGroups, Top: true}, {Bucket: bucketUserAssignments}}, nil
	})
	s.AddCheck("org-management", checkOrgManagement)
	s.AddCheck("user-role-assignments", checkUserAssignments)
	s.AddCheck("app-role-assignments", checkAppLinks)
	s.OnImport(auditImport)
	directory.AccountLeaving.Add(s, guardLastOrgAdmin)
	directory.AccountLeaving.Add(s, dropUserAssignments)
}
