package rbac_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// CallerAccess finds, for every account's UserPrincipalName (in any
// case, and one no account has), the role groups and direct roles that
// reading the accounts, the groups and the assignments whole finds: a
// member kept in upper case, groups stored as JSON or with a key twice
// (which it reads whole) and direct assignments included. A tenant
// without role groups says so.
func TestCallerAccessMatchesWholeRecords(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		g, err := rbac.GetRoleGroup(tx, "Help Desk")
		storetest.Must(t, err)
		annb := storetest.ActiveMailbox(t, tx, "annb").UserObjectID
		g.Members = append(g.Members, strings.ToUpper(annb))
		storetest.Must(t, rbac.PutRoleGroup(tx, g))
		megan := storetest.ActiveMailbox(t, tx, "meganb").UserObjectID
		storetest.Must(t, rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "ie-annb", Role: "Mailbox Import Export", User: annb}, false))
		storetest.Must(t, rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "lh-megan", Role: "Legal Hold", User: megan}, false))
		storetest.Must(t, rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "ie-megan", Role: "Mailbox Import Export", User: megan}, false))
		// groups in forms read whole: a record written as JSON (schema
		// 1 and 2), and one with its members twice
		groups := tx.Bolt().Bucket([]byte("roleGroups"))
		storetest.Must(t, groups.Put([]byte("json group"), []byte(`{"name":"JSON Group","service":"ExchangeOnline","roles":["Mail Recipients"],"members":["`+megan+`"]}`)))
		twice := []byte{0xa3, 0x64, 'n', 'a', 'm', 'e', 0x65, 'T', 'w', 'i', 'c', 'e', 0x67, 'm', 'e', 'm', 'b', 'e', 'r', 's', 0x80,
			0x67, 'm', 'e', 'm', 'b', 'e', 'r', 's', 0x81, 0x78, byte(len(megan))}
		storetest.Must(t, groups.Put([]byte("twice"), append(twice, megan...)))
	})
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		users, err := directory.Users.List(tx)
		if err != nil {
			return err
		}
		upns := []string{"nobody@contoso.com"}
		for _, u := range users {
			upns = append(upns, u.UserPrincipalName, strings.ToUpper(u.UserPrincipalName))
		}
		withGroups, withDirect := 0, 0
		for _, upn := range upns {
			acc, err := rbac.CallerAccess(tx, upn)
			if err != nil {
				return err
			}
			if len(acc.Groups) > 0 {
				withGroups++
			}
			if len(acc.Direct) > 0 {
				withDirect++
			}
			states, err := rbac.AccountStatesByUPN(tx, upn)
			if err != nil {
				return err
			}
			var groups []string
			var direct []string
			for _, st := range states {
				if st.State != directory.UserActive {
					continue
				}
				gs, err := rbac.RoleGroupsOf(tx, st.ObjectID)
				if err != nil {
					return err
				}
				for _, g := range gs {
					groups = append(groups, g.Name+"|"+g.Service+"|"+strings.Join(g.Roles, ","))
				}
				as, err := rbac.UserAssignmentsOf(tx, st.ObjectID)
				if err != nil {
					return err
				}
				for _, a := range as {
					direct = append(direct, a.Role)
				}
			}
			var got []string
			for _, g := range acc.Groups {
				got = append(got, g.Name+"|"+g.Service+"|"+strings.Join(g.Roles, ","))
			}
			slices.Sort(groups)
			slices.Sort(got)
			slices.Sort(direct)
			gotDirect := slices.Sorted(slices.Values(acc.Direct))
			if !acc.HasGroups || !slices.Equal(got, groups) || !slices.Equal(gotDirect, direct) {
				t.Errorf("%s: CallerAccess = %v %q %q; whole records %q %q", upn, acc.HasGroups, got, gotDirect, groups, direct)
			}
		}
		acc, err := rbac.CallerAccess(tx, "meganb@contoso.com")
		if err != nil {
			return err
		}
		var names []string
		for _, g := range acc.Groups {
			names = append(names, g.Name)
		}
		if !slices.Contains(names, "JSON Group") || !slices.Contains(names, "Twice") {
			t.Errorf("meganb's groups %q, want the JSON group and the one with its members twice among them", names)
		}
		if withGroups < 4 || withDirect != 4 {
			t.Errorf("%d UserPrincipalNames with role groups, %d with direct roles", withGroups, withDirect)
		}
		return nil
	}))
	empty := storetest.Open(t)
	storetest.Must(t, empty.View(func(tx *store.Tx) error {
		acc, err := rbac.CallerAccess(tx, "admin@contoso.onmicrosoft.com")
		if err != nil || acc.HasGroups || acc.Groups != nil || acc.Direct != nil {
			t.Errorf("a tenant without role groups: CallerAccess = %+v, %v", acc, err)
		}
		return nil
	}))
}
