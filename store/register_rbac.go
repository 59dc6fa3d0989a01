package store

// The record kinds of role-based access control.
var (
	roleGroupKind = DefineKind(KindSpec[RoleGroup]{Bucket: bucketRoleGroups, Name: "roleGroup"})
	// auditKind is kept in the file but left out of export (audit.go); its
	// bucket appears with the first record.
	auditKind = DefineKind(KindSpec[AuditRecord]{Bucket: bucketAuditLog, Name: "adminAuditLog", NotExported: true, CreatedOnWrite: true})
)

// RegisterRBAC adds role groups and the admin audit log to s.
func RegisterRBAC(s *Schema) {
	roleGroupKind.Register(s)
	auditKind.Register(s)
	s.Principals(bucketRoleGroups)
	s.AddCheck("org-management", checkOrgManagement)
	s.OnImport(auditImport)
	AccountLeaving.Add(s, guardLastOrgAdmin)
}
