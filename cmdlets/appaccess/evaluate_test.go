package appaccess_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/appaccess"
	policies "github.com/exosim/exosim/store/appaccess"
)

// Evaluate follows Exchange's order: a DenyAccess policy holding the
// principal denies, else a RestrictAccess one holding it grants, else any
// RestrictAccess policy of the app denies, else access is granted.
func TestEvaluate(t *testing.T) {
	t.Parallel()
	const app, other = "e7e4dbfc-046f-4074-9b3b-2ae8f144f59b", "3dbc2ae1-7198-45ed-9f9f-d86ba3ec35b5"
	p := func(app, kind, id, right string) *policies.Policy {
		return &policies.Policy{AppId: app, ScopeKind: kind, ScopeID: id, AccessRight: right}
	}
	restrictGroup := p(app, policies.ScopeGroup, "g1", policies.RestrictAccess)
	denyUser := p(app, policies.ScopeUser, "u1", policies.DenyAccess)
	denyAll := p(policies.AllApps, policies.ScopeGroup, "g2", policies.DenyAccess)
	for _, c := range []struct {
		name    string
		list    []*policies.Policy
		app, id string
		held    map[string]bool
		want    string
	}{
		{"no policy", nil, app, "u1", nil, appaccess.Granted},
		{"another app's policy", []*policies.Policy{p(other, policies.ScopeGroup, "g1", policies.RestrictAccess)}, app, "u1", nil, appaccess.Granted},
		{"restricted, in the group", []*policies.Policy{restrictGroup}, app, "u1", map[string]bool{"g1": true}, appaccess.Granted},
		{"restricted, not in the group", []*policies.Policy{restrictGroup}, app, "u2", nil, appaccess.Denied},
		{"deny beats restrict", []*policies.Policy{restrictGroup, denyUser}, app, "u1", map[string]bool{"g1": true}, appaccess.Denied},
		{"deny, not held", []*policies.Policy{denyUser}, app, "u2", nil, appaccess.Granted},
		{"deny for every app", []*policies.Policy{denyAll}, other, "u3", map[string]bool{"g2": true}, appaccess.Denied},
	} {
		if got := appaccess.Evaluate(c.list, c.app, policies.ScopeUser, c.id, c.held); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
