package groups_test

import (
	"errors"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestMatches(t *testing.T) {
	t.Parallel()
	g := &groups.Group{Guid: "4c2e8a61-9b3d-4f7e-a1c5-6d8f0b2e4a19", ExternalDirectoryObjectId: "1f6b9d3e-7a2c-4e58-b4d0-9c3e5a7f1b82",
		Name: "Finance Team", Alias: "finance", DisplayName: "Finance Team", PrimarySmtpAddress: "finance@contoso.com",
		EmailAddresses: []string{"SMTP:finance@contoso.com", "smtp:finance@contoso.onmicrosoft.com"}}
	for _, c := range []struct {
		id   string
		want bool
	}{
		{"finance team", true},
		{"FINANCE", true},
		{"finance@contoso.onmicrosoft.com", true},
		{"4C2E8A61-9B3D-4F7E-A1C5-6D8F0B2E4A19", true},
		{"1f6b9d3e-7a2c-4e58-b4d0-9c3e5a7f1b82", true},
		{"CN=Finance Team,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM", true},
		{"fin*", true},
		{"*team", true},
		{"fin?nce", false}, // only * is a wildcard in Exchange identities
		{"sales", false},
		{"", false},
	} {
		if got := g.Matches(c.id, "contoso.onmicrosoft.com", "NAMPR06A007"); got != c.want {
			t.Errorf("Matches(%q) = %v, want %v", c.id, got, c.want)
		}
	}
}

func TestSeededGroups(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := groups.List(tx)
		storetest.Must(t, err)
		var names []string
		for _, g := range all {
			names = append(names, g.Name)
		}
		if len(names) != 4 || names[0] != "Finance Team" || names[3] != "Sales" {
			t.Errorf("seeded groups %v", names)
		}
		marion := storetest.ActiveMailbox(t, tx, "marion")
		of, err := groups.GroupsOf(tx, marion.UserObjectID)
		storetest.Must(t, err)
		if len(of) != 1 || of[0].Alias != "finance" {
			t.Errorf("marion's groups: %v", of)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}

// New refuses a name, alias or primary address another recipient has, and
// Remove takes the group out of the groups that listed it.
func TestNewAndRemove(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	storetest.Update(t, s, func(tx *store.Tx) {
		for _, c := range []struct {
			name, alias, smtp, prop string
		}{
			{"Sales", "x1", "x1@contoso.com", "Name"},
			{"x2", "finance", "x2@contoso.com", "Alias"},
			{"x3", "x3", "sales@contoso.com", "PrimarySmtpAddress"},
			{"x4", "alexw", "x4@contoso.com", "Alias"},
			{"x5", "x5", "AlexW@contoso.com", "PrimarySmtpAddress"},
		} {
			err := groups.New(tx, &groups.Group{Name: c.name, Alias: c.alias, PrimarySmtpAddress: c.smtp, RecipientTypeDetails: groups.TypeDistribution})
			var dup *store.DuplicateError
			if !errors.As(err, &dup) || dup.Property != c.prop {
				t.Errorf("New(%s, %s, %s) = %v, want a duplicate %s", c.name, c.alias, c.smtp, err, c.prop)
			}
		}
		g := &groups.Group{Name: "Nested", Alias: "nested", PrimarySmtpAddress: "nested@contoso.com", RecipientTypeDetails: groups.TypeSecurity}
		storetest.Must(t, groups.New(tx, g))
		sales, err := groups.Find(tx, "sales")
		storetest.Must(t, err)
		if _, err := groups.AddMember(tx, sales[0], groups.Member{ID: g.Guid, Kind: groups.MemberGroup}); err != nil {
			t.Fatal(err)
		}
		storetest.Must(t, groups.Remove(tx, g))
		sales, err = groups.Find(tx, "sales")
		storetest.Must(t, err)
		for _, m := range sales[0].Members {
			if m.ID == g.Guid {
				t.Errorf("the removed group is still a member of Sales")
			}
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check: %s", f)
	}
}
