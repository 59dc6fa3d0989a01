package exo_test

import (
	"reflect"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// OrganizationNames answers with the record the session read as it
// started until a write to the organization record, then with the
// record as written; AdminUPN follows the same writes.
func TestOrganizationNamesFollowWrites(t *testing.T) {
	t.Parallel()
	s := sessiontest.New(t, registry.Options{})
	var got []*directory.Organization
	var admins []string
	cmd := exo.Declared("Get-Mailbox")
	cmd.Handler.Process = func(ctx *command.Context) error {
		read := func() error {
			return exo.View(ctx, func(tx *store.Tx) error {
				org, err := exo.OrganizationNames(ctx, tx)
				if err != nil {
					return err
				}
				want, err := directory.OrganizationNames(tx)
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(org, want) {
					t.Errorf("OrganizationNames = %+v, the record holds %+v", *org, *want)
				}
				got = append(got, org)
				admins = append(admins, exo.AdminUPN(ctx.Session()))
				return nil
			})
		}
		if err := read(); err != nil {
			return err
		}
		if err := read(); err != nil {
			return err
		}
		if _, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			org.DisplayName = "Renamed by the test"
			org.AdminUPN = "renamed@contoso.com"
			return nil, directory.PutOrganization(tx, org)
		}); err != nil {
			return err
		}
		return read()
	}
	s.RT.Register(cmd)
	if _, errs := s.Run("Get-Mailbox"); errs != "" {
		t.Fatalf("errors: %s", errs)
	}
	if len(got) != 3 {
		t.Fatalf("%d reads, want 3", len(got))
	}
	if got[0] != got[1] {
		t.Errorf("the second read without a write between made another record")
	}
	if got[2].DisplayName != "Renamed by the test" || admins[2] != "renamed@contoso.com" {
		t.Errorf("after the write: DisplayName %q, AdminUPN %q", got[2].DisplayName, admins[2])
	}
	if admins[0] == admins[2] {
		t.Errorf("AdminUPN %q before and after the write", admins[0])
	}
}
