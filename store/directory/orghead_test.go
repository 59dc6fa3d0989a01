package directory_test

import (
	"reflect"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// OrganizationHead reads the same Guid and AdminUPN as the whole record,
// and OrganizationNames the same names, ID and administrator,
// before and after the administrator is changed, and says a tenant
// without the record is not initialized.
func TestOrganizationHeadMatchesRecord(t *testing.T) {
	s := storetest.Seeded(t, seed.Contoso)
	check := func(wantAdmin string) {
		t.Helper()
		storetest.Must(t, s.View(func(tx *store.Tx) error {
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return err
			}
			guid, admin, err := directory.OrganizationHead(tx)
			if err != nil {
				return err
			}
			if guid != o.Guid || admin != o.AdminUPN || guid == "" || admin != wantAdmin {
				t.Errorf("head (%q, %q), record (%q, %q), want admin %q", guid, admin, o.Guid, o.AdminUPN, wantAdmin)
			}
			names, err := directory.OrganizationNames(tx)
			if err != nil {
				return err
			}
			want := directory.Organization{Name: o.Name, DisplayName: o.DisplayName, Guid: o.Guid, DefaultDomain: o.DefaultDomain,
				DirectoryPartition: o.DirectoryPartition, AdminUPN: o.AdminUPN}
			if !reflect.DeepEqual(*names, want) || names.Name == "" || names.DirectoryPartition == "" {
				t.Errorf("names %+v, want %+v", *names, want)
			}
			return nil
		}))
	}
	var seeded string
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		seeded = o.AdminUPN
		return err
	}))
	check(seeded)
	storetest.Update(t, s, func(tx *store.Tx) {
		o, err := directory.GetOrganization(tx)
		storetest.Must(t, err)
		o.AdminUPN = "other@contoso.com"
		storetest.Must(t, directory.PutOrganization(tx, o))
	})
	check("other@contoso.com")

	empty := storetest.Open(t)
	storetest.Must(t, empty.View(func(tx *store.Tx) error {
		if _, _, err := directory.OrganizationHead(tx); err != store.ErrNotInitialized {
			t.Errorf("empty tenant: %v, want ErrNotInitialized", err)
		}
		if _, err := directory.OrganizationNames(tx); err != store.ErrNotInitialized {
			t.Errorf("empty tenant names: %v, want ErrNotInitialized", err)
		}
		return nil
	}))
}
