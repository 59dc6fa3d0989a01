package store

// TenantSchema is the schema of the whole tenant: every area, in the order
// their buckets are created.
func TenantSchema() *Schema {
	s := NewSchema()
	registerDirectory(s)
	registerOME(s)
	registerHolds(s)
	registerOnPrem(s)
	registerRBAC(s)
	registerRestore(s)
	return s
}
