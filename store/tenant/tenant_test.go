package tenant

import "testing"

// Layout is the layout of the schema Open builds lazily: a tenant file
// that records it is opened without building the schema, so the two must
// agree.
func TestLayout(t *testing.T) {
	t.Parallel()
	if got := Schema().Layout(); got != Layout {
		t.Errorf("tenant.Layout = %#v, but Schema().Layout() = %#v: set tenant.Layout to the latter", Layout, got)
	}
}

// Every kind whose records leave values out of their stored form gives
// the function that puts them back (store.KindSpec.Restore).
func TestKindsRestoreDerivingRecords(t *testing.T) {
	t.Parallel()
	if missing := Schema().MissingRestore(); len(missing) > 0 {
		t.Errorf("the kinds of buckets %v hold records that derive values but give no Restore", missing)
	}
}
