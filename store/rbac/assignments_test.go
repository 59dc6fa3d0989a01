package rbac_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/rbac"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestAssignRoleToUser(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	var annb, megan string
	storetest.Update(t, s, func(tx *store.Tx) {
		annb = storetest.ActiveMailbox(t, tx, "annb").UserObjectID
		megan = storetest.ActiveMailbox(t, tx, "meganb").UserObjectID
		storetest.Must(t, rbac.AssignRoleToUser(tx, &rbac.UserRoleAssignment{Name: "Mailbox Import Export-annb", Role: "Mailbox Import Export", User: annb}, false))
	})
	for _, c := range []struct {
		name  string
		a     rbac.UserRoleAssignment
		taken bool
		want  any // the error type expected, nil for success
	}{
		{"a free name and a new role", rbac.UserRoleAssignment{Name: "Legal Hold-annb", Role: "Legal Hold", User: annb}, false, nil},
		{"the same role again", rbac.UserRoleAssignment{Name: "again", Role: "mailbox import export", User: annb}, false, &rbac.RoleAlreadyAssignedError{}},
		{"a name another user assignment has", rbac.UserRoleAssignment{Name: "MAILBOX IMPORT EXPORT-ANNB", Role: "Mailbox Import Export", User: megan}, false, &rbac.AssignmentNameInUseError{}},
		{"a name a role group assignment has", rbac.UserRoleAssignment{Name: "x", Role: "Mailbox Import Export", User: megan}, true, &rbac.AssignmentNameInUseError{}},
		{"no name", rbac.UserRoleAssignment{Name: " ", Role: "Mailbox Import Export", User: megan}, false, &store.ValidationError{}},
		{"a name over 64 characters", rbac.UserRoleAssignment{Name: string(make([]byte, 65)) + "x", Role: "Mailbox Import Export", User: megan}, false, &store.ValidationError{}},
		{"the same role for another user", rbac.UserRoleAssignment{Name: "Mailbox Import Export-meganb", Role: "Mailbox Import Export", User: megan}, false, nil},
	} {
		c := c
		t.Run(c.name, func(t *testing.T) {
			err := s.Update(func(tx *store.Tx) error {
				a := c.a
				if err := rbac.AssignRoleToUser(tx, &a, c.taken); err != nil {
					return err
				}
				return errRollback
			})
			switch want := c.want.(type) {
			case nil:
				if !errors.Is(err, errRollback) {
					t.Fatalf("got %v, want success", err)
				}
			case *rbac.RoleAlreadyAssignedError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			case *rbac.AssignmentNameInUseError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			case *store.ValidationError:
				if !errors.As(err, &want) {
					t.Fatalf("got %v, want %T", err, want)
				}
			}
		})
	}

	// Deleting the user's account drops their assignments.
	storetest.Update(t, s, func(tx *store.Tx) {
		if as, err := rbac.UserAssignmentsOf(tx, annb); err != nil || len(as) != 1 {
			t.Fatalf("annb's assignments %v %v", as, err)
		}
		m := storetest.ActiveMailbox(t, tx, "annb")
		_, err := directory.RemoveMailbox(tx, m.Guid, "admin@contoso.onmicrosoft.com")
		storetest.Must(t, err)
		if as, err := rbac.UserAssignmentsOf(tx, annb); err != nil || len(as) != 0 {
			t.Fatalf("after the account's deletion: %v %v", as, err)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}

var errRollback = errors.New("rollback")
