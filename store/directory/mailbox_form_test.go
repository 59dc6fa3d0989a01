package directory_test

import (
	"reflect"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TestMailboxStoredForm checks that a mailbox decodes to exactly what was
// encoded, whether its values follow the rules its stored form leaves
// them out by or not, and that the usual mailbox is stored smaller.
func TestMailboxStoredForm(t *testing.T) {
	t.Parallel()
	const ou = "NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com"
	usual := func() *directory.Mailbox {
		g := "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
		return &directory.Mailbox{
			Guid: g, ExchangeGuid: "11111111-2222-3333-4444-555555555555", ArchiveGuid: store.ZeroGuid,
			ExternalDirectoryObjectId: "99999999-8888-7777-6666-555555555555", UserObjectID: "99999999-8888-7777-6666-555555555555",
			Name: "annb", Alias: "annb", DisplayName: "Ann Beebe",
			DistinguishedName:  directory.HostedDN("annb", "contoso.onmicrosoft.com", "NAMPR06A007", false),
			LegacyExchangeDN:   directory.LegacyDNFor(g, "annb"),
			EmailAddresses:     []string{"SMTP:annb@contoso.com", "smtp:annb@contoso.onmicrosoft.com"},
			PrimarySmtpAddress: "annb@contoso.com", UserPrincipalName: "annb@contoso.com",
			MicrosoftOnlineServicesID: "annb@contoso.com", WindowsLiveID: "annb@contoso.com",
			RecipientType: "UserMailbox", RecipientTypeDetails: "UserMailbox", OrganizationalUnit: ou,
			InPlaceHolds: []string{},
		}
	}
	for _, tc := range []struct {
		name    string
		change  func(m *directory.Mailbox)
		smaller bool
	}{
		{"usual", func(*directory.Mailbox) {}, true},
		{"soft-deleted", func(m *directory.Mailbox) {
			m.DistinguishedName = directory.HostedDN("annb", "contoso.onmicrosoft.com", "NAMPR06A007", true)
			m.OrganizationalUnit = ou + "/Soft Deleted Objects"
		}, true},
		{"changed addresses", func(m *directory.Mailbox) {
			m.PrimarySmtpAddress = "ann.beebe@contoso.com"
			m.EmailAddresses = []string{"smtp:annb@contoso.com", "SMTP:ann.beebe@contoso.com"}
			m.WindowsLiveID = ""
		}, true},
		{"only address is the primary", func(m *directory.Mailbox) { m.EmailAddresses = []string{"SMTP:annb@contoso.com"} }, true},
		{"alias differs from name", func(m *directory.Mailbox) { m.Alias = "ann" }, true},
		{"Exchange's defaults", func(m *directory.Mailbox) {
			directory.SetMailboxDefaults(m, "contoso.onmicrosoft.com", "NAMPR06A007")
		}, true},
		{"defaults changed", func(m *directory.Mailbox) {
			directory.SetMailboxDefaults(m, "contoso.onmicrosoft.com", "NAMPR06A007")
			m.ProhibitSendQuota, m.ArchiveQuota = directory.GBQuota(49), directory.QuotaUnlimited
			m.RetainDeletedItemsFor, m.ArchiveStatus = directory.DaysSpan(30), "Active"
		}, true},
		{"nothing derivable", func(m *directory.Mailbox) {
			*m = directory.Mailbox{Guid: m.Guid, Name: "x", Alias: "y", DistinguishedName: "CN=z", LegacyExchangeDN: "/o=other",
				EmailAddresses: []string{"smtp:a@b"}, PrimarySmtpAddress: "a@b", UserPrincipalName: "c@d", RecipientType: "MailUser", RecipientTypeDetails: "GuestMailUser"}
		}, false},
		{"empty", func(m *directory.Mailbox) { *m = directory.Mailbox{Guid: m.Guid} }, false},
	} {
		m := usual()
		if tc.name == "Exchange's defaults" {
			// The defaults (quotas, spans, policy) are left out: only
			// the database and server names add to the stored record.
			plain, _ := store.EncodeRecord(usual())
			tc.change(m)
			withDefaults, _ := store.EncodeRecord(m)
			if d := len(withDefaults) - len(plain); d > 60 {
				t.Errorf("Exchange's defaults add %d bytes to the stored mailbox", d)
			}
			m = usual()
		}
		tc.change(m)
		raw, err := store.EncodeRecord(m)
		if err != nil {
			t.Fatal(err)
		}
		var got directory.Mailbox
		if err := directory.Mailboxes.Decode(raw, &got); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(&got, m) {
			t.Errorf("%s: decoded\n %+v\nwant\n %+v", tc.name, &got, m)
		}
		var general directory.Mailbox
		if err := store.DecodeRecord(raw, &general); err != nil || !reflect.DeepEqual(&general, m) {
			t.Errorf("%s: general decoder: %v\n %+v", tc.name, err, &general)
		}
		full, err := cbor.Marshal(m) // every value spelled out
		if err != nil {
			t.Fatal(err)
		}
		if smaller := len(raw) < len(full); smaller != tc.smaller {
			t.Errorf("%s: stored %d bytes, %d in full; want smaller %v", tc.name, len(raw), len(full), tc.smaller)
		}
	}
}

// A mailbox whose names are left for later (a listing's) has neither its
// distinguished names nor the primary proxy address at the head of
// EmailAddresses until RestoreForm, which gives back the whole record.
func TestRestoreNamesLater(t *testing.T) {
	t.Parallel()
	g := "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
	ou := "NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com"
	m := &directory.Mailbox{
		Guid: g, Name: "annb", Alias: "annb", OrganizationalUnit: ou, PrimarySmtpAddress: "annb@contoso.com",
		DistinguishedName: directory.HostedDN("annb", "contoso.onmicrosoft.com", "NAMPR06A007", false),
		LegacyExchangeDN:  directory.LegacyDNFor(g, "annb"),
		EmailAddresses:    []string{"SMTP:annb@contoso.com", "smtp:annb@contoso.onmicrosoft.com"},
	}
	raw, err := store.EncodeRecord(m)
	if err != nil {
		t.Fatal(err)
	}
	var got directory.Mailbox
	if err := directory.Mailboxes.DecodeStored(raw, &got); err != nil {
		t.Fatal(err)
	}
	got.RestoreNamesLater()
	if got.DistinguishedName != "" || got.LegacyExchangeDN != "" || !reflect.DeepEqual(got.EmailAddresses, m.EmailAddresses[1:]) {
		t.Errorf("left for later: DN %q, legacy DN %q, addresses %q", got.DistinguishedName, got.LegacyExchangeDN, got.EmailAddresses)
	}
	got.RestoreForm()
	if !reflect.DeepEqual(&got, m) {
		t.Errorf("restored\n %+v\nwant\n %+v", &got, m)
	}
}

// A distinguished name is left out of the stored form exactly when it is
// the one derived from the name and the organizational unit: the units
// after the first in reverse order, the first one's labels as domain
// components, empty ones included (none for an object with no name or a
// unit without that form); restoring puts it back.
func TestDistinguishedNameStoredForm(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, ou, dn string
		elided       bool
	}{
		{"annb", "NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com",
			"CN=annb,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM", true},
		{"a", "example.com/Users", "CN=a,OU=Users,DC=example,DC=com", true},
		{"a", "example.com/Users", "CN=a,OU=Users,DC=example,DC=org", false},
		{"a", "local/", "CN=a,OU=,DC=local", true},
		{"a", "x..y/u//v", "CN=a,OU=v,OU=,OU=u,DC=x,DC=,DC=y", true},
		{"Ünï cödé", "d.e/ü", "CN=Ünï cödé,OU=ü,DC=d,DC=e", true},
		{"", "example.com/Users", "CN=,OU=Users,DC=example,DC=com", false},
		{"a", "example.com", "CN=a,DC=example,DC=com", false},
		{"a", "/Users", "CN=a,OU=Users", false},
	}
	for _, c := range cases {
		m := &directory.Mailbox{Name: c.name, OrganizationalUnit: c.ou, DistinguishedName: c.dn}
		stored := m.StoredForm().(*directory.Mailbox)
		if elided := stored.DistinguishedName == ""; elided != c.elided {
			t.Errorf("%q in %q: %q left out %v, want %v", c.name, c.ou, c.dn, elided, c.elided)
			continue
		}
		if stored.RestoreForm(); stored.DistinguishedName != c.dn {
			t.Errorf("%q in %q: restored %q, want %q", c.name, c.ou, stored.DistinguishedName, c.dn)
		}
	}
}
