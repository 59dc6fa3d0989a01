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
