package rbac_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/transfer"
)

const (
	testApp = "6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d"
	testSP  = "4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11"
)

// An app's assignments name their scope by GUID: renaming the scope keeps
// them, removing it is refused while they exist, and removing the service
// principal removes them.
func TestAppAssignmentLinks(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, rbac.NewServicePrincipal(tx, &rbac.ServicePrincipal{AppId: testApp, ObjectId: testSP, DisplayName: "Mail app"}))
		var nu *rbac.NameInUseError
		if err := rbac.NewServicePrincipal(tx, &rbac.ServicePrincipal{AppId: testApp, ObjectId: "0c0ffee0-1111-4222-8333-444455556666"}); !errors.As(err, &nu) {
			t.Fatalf("second service principal with the same app ID: %v", err)
		}
		sc := &rbac.ManagementScope{Name: "Sales", RecipientFilter: "Department -eq 'Sales'"}
		storetest.Must(t, rbac.NewScope(tx, sc))
		a := &rbac.UserRoleAssignment{Name: "Read sales", Role: "Application Mail.Read", App: testSP, Scope: sc.Guid}
		storetest.Must(t, rbac.AssignRoleToUser(tx, a, false))
		var raa *rbac.RoleAlreadyAssignedError
		if err := rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "Again", Role: "Application Mail.Read", App: testSP, Scope: sc.Guid}, false); !errors.As(err, &raa) {
			t.Fatalf("same role in the same scope: %v", err)
		}
		// The same role for the whole organization is another assignment.
		storetest.Must(t, rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "Read all", Role: "Application Mail.Read", App: testSP}, false))

		storetest.Must(t, rbac.UpdateScope(tx, &rbac.ManagementScope{Name: "Sales team", Guid: sc.Guid, RecipientFilter: sc.RecipientFilter, WhenCreated: sc.WhenCreated}, "Sales"))
		got, err := rbac.GetScope(tx, "sales TEAM")
		if err != nil || got.Guid != sc.Guid {
			t.Fatalf("renamed scope: %v %v", got, err)
		}
		var iu *rbac.ScopeInUseError
		if err := rbac.RemoveScope(tx, got); !errors.As(err, &iu) || len(iu.Assignments) != 1 || iu.Assignments[0] != "Read sales" {
			t.Fatalf("removing a scope in use: %v", err)
		}
		p, err := rbac.GetServicePrincipal(tx, "MAIL APP")
		if err != nil || p.ObjectId != testSP {
			t.Fatalf("by display name: %v %v", p, err)
		}
		if p, err = rbac.GetServicePrincipal(tx, testApp); err != nil || p.ObjectId != testSP {
			t.Fatalf("by app ID: %v %v", p, err)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Fatalf("findings: %s", f)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		p, err := rbac.GetServicePrincipal(tx, testSP)
		storetest.Must(t, err)
		storetest.Must(t, rbac.RemoveServicePrincipal(tx, p))
		left, err := rbac.AppAssignmentsOf(tx, testSP)
		if err != nil || len(left) != 0 {
			t.Fatalf("assignments left: %d %v", len(left), err)
		}
		sc, err := rbac.GetScope(tx, "Sales team")
		storetest.Must(t, err)
		storetest.Must(t, rbac.RemoveScope(tx, sc))
	})
}

// An export whose app assignment names a service principal or a scope the
// export doesn't have is refused on import, with the check's findings.
func TestImportRefusesDanglingAppLinks(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, rbac.NewServicePrincipal(tx, &rbac.ServicePrincipal{AppId: testApp, ObjectId: testSP}))
		sc := &rbac.ManagementScope{Name: "Sales", RecipientFilter: "Department -eq 'Sales'"}
		storetest.Must(t, rbac.NewScope(tx, sc))
		storetest.Must(t, rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "Read sales", Role: "Application Mail.Read", App: testSP, Scope: sc.Guid}, false))
	})
	var doc map[string]any
	storetest.Must(t, json.Unmarshal([]byte(storetest.Export(t, s)), &doc))
	buckets := doc["buckets"].(map[string]any)
	buckets["servicePrincipals"] = []any{}
	buckets["managementScopes"] = []any{}
	raw, err := json.Marshal(doc)
	storetest.Must(t, err)
	err = transfer.Import(storetest.Seeded(t, seed.Contoso), bytes.NewReader(raw))
	var refused *transfer.ImportRefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("import: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"a service principal that does not exist: " + testSP, "a management scope that does not exist"} {
		if !strings.Contains(msg, want) {
			t.Errorf("findings %q lack %q", msg, want)
		}
	}
}
