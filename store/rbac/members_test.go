package rbac_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// MemberRoleGroups finds what RoleGroupsOf finds for every account, a
// member kept in another case and one named by an ObjectId that is not a
// GUID included, and the caller's account states are what the full
// records say.
func TestMemberRoleGroupsMatchRoleGroupsOf(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		g, err := rbac.GetRoleGroup(tx, "Help Desk")
		storetest.Must(t, err)
		annb := storetest.ActiveMailbox(t, tx, "annb").UserObjectID
		// kept as an import could keep them: in upper case, and ids
		// with letters that fold with letters outside ASCII
		g.Members = append(g.Members, strings.ToUpper(annb), "kelvin-\u212a", "long-\u017f")
		storetest.Must(t, rbac.PutRoleGroup(tx, g))
	})
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		users, err := directory.Users.List(tx)
		if err != nil {
			return err
		}
		ids := []string{"kelvin-k", "KELVIN-K", "long-s", "Long-S", "nobody"}
		for _, u := range users {
			ids = append(ids, u.ObjectID, strings.ToUpper(u.ObjectID))
			states, err := rbac.AccountStatesByUPN(tx, u.UserPrincipalName)
			if err != nil {
				return err
			}
			full, err := directory.FindUsersByUPN(tx, u.UserPrincipalName)
			if err != nil {
				return err
			}
			if len(states) != len(full) {
				t.Fatalf("%s: %d account states, %d accounts", u.UserPrincipalName, len(states), len(full))
			}
			for i, f := range full {
				if states[i].ObjectID != f.ObjectID || states[i].State != f.State {
					t.Errorf("%s: account state %+v, account %s %s", u.UserPrincipalName, states[i], f.ObjectID, f.State)
				}
			}
		}
		for _, id := range ids {
			want, err := rbac.RoleGroupsOf(tx, id)
			if err != nil {
				return err
			}
			got, err := rbac.MemberRoleGroups(tx, []string{id})
			if err != nil {
				return err
			}
			if names(got) != names(want) {
				t.Errorf("MemberRoleGroups(%s) = %s, RoleGroupsOf %s", id, names(got), names(want))
			}
		}
		return nil
	}))
}

func names(gs []*rbac.RoleGroup) string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Name)
	}
	return strings.Join(out, ", ")
}
