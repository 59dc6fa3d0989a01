package rbac

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The record kinds of role-based access control.
var (
	roleGroupKind = store.DefineKind(store.KindSpec[RoleGroup]{Bucket: bucketRoleGroups, Name: "roleGroup", FastDecode: true})
	// auditKind is kept in the file but left out of export (audit.go); its
	// bucket appears with the first record.
	auditKind = store.DefineKind(store.KindSpec[AuditRecord]{Bucket: bucketAuditLog, Name: "adminAuditLog", NotExported: true, CreatedOnWrite: true})
)

// Register adds role groups and the admin audit log to s.
func Register(s *store.Schema) {
	roleGroupKind.Register(s)
	auditKind.Register(s)
	s.Principals(bucketRoleGroups)
	s.AddCheck("org-management", checkOrgManagement)
	s.OnImport(auditImport)
	directory.AccountLeaving.Add(s, guardLastOrgAdmin)
}
