package appaccess_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/appaccess"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func policy(app, desc string) *appaccess.Policy {
	return &appaccess.Policy{AppId: app, ScopeKind: appaccess.ScopeUser, ScopeID: "0b5613ad-71fe-4b4c-9da3-b830f6df0607",
		ScopeObjectID: "0b5613ad-71fe-4b4c-9da3-b830f6df0607", ScopeSID: "S-1-5-21-1-2-3-4", AccessRight: appaccess.DenyAccess, Description: desc}
}

// An app has one policy a scope; the key and identity name app and scope.
func TestAddOnePolicyAnAppAndScope(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		p := policy("e7e4dbfc-046f-4074-9b3b-2ae8f144f59b", "x")
		storetest.Must(t, appaccess.Add(tx, p))
		if want := `org\e7e4dbfc-046f-4074-9b3b-2ae8f144f59b:S-1-5-21-1-2-3-4;0b5613ad-71fe-4b4c-9da3-b830f6df0607`; p.Identity("ORG") != want {
			t.Errorf("identity %s, want %s", p.Identity("ORG"), want)
		}
		var dup *appaccess.ExistsError
		if err := appaccess.Add(tx, policy("e7e4dbfc-046f-4074-9b3b-2ae8f144f59b", "y")); !errors.As(err, &dup) {
			t.Errorf("second policy for the app and scope: %v", err)
		}
		got, ok, err := appaccess.Get(tx, p.AppId, p.ScopeIdentityRaw())
		storetest.Must(t, err)
		if !ok || got.Description != "x" || !got.WhenCreated.Equal(tx.Now()) {
			t.Errorf("stored: %+v %v", got, ok)
		}
	})
}

// The policies share SizeLimit bytes: a new or changed policy past it is
// refused.
func TestSizeLimit(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		big := policy("e7e4dbfc-046f-4074-9b3b-2ae8f144f59b", strings.Repeat("x", appaccess.SizeLimit-appaccess.PolicyOverhead))
		storetest.Must(t, appaccess.Add(tx, big))
		var full *appaccess.SizeError
		if err := appaccess.Add(tx, policy(appaccess.AllApps, "")); !errors.As(err, &full) {
			t.Errorf("policy past the limit: %v", err)
		}
		big.Description += "x"
		if err := appaccess.Update(tx, big); !errors.As(err, &full) {
			t.Errorf("description past the limit: %v", err)
		}
	})
}

// Check refuses an app that is no lower-case GUID, another right, and a
// scope without its IDs or SID.
func TestCheck(t *testing.T) {
	t.Parallel()
	if problem := appaccess.Check(policy(appaccess.AllApps, "")); problem != "" {
		t.Errorf("a valid policy: %s", problem)
	}
	for _, change := range []func(p *appaccess.Policy){
		func(p *appaccess.Policy) { p.AppId = "E7E4DBFC-046F-4074-9B3B-2AE8F144F59B" },
		func(p *appaccess.Policy) { p.AppId = "my-app" },
		func(p *appaccess.Policy) { p.AccessRight = "AllowAccess" },
		func(p *appaccess.Policy) { p.ScopeKind = "Contact" },
		func(p *appaccess.Policy) { p.ScopeID = "" },
		func(p *appaccess.Policy) { p.ScopeObjectID = "ABC" },
		func(p *appaccess.Policy) { p.ScopeSID = "1234" },
	} {
		p := policy("e7e4dbfc-046f-4074-9b3b-2ae8f144f59b", "")
		change(p)
		if appaccess.Check(p) == "" {
			t.Errorf("Check accepted %+v", p)
		}
	}
}
