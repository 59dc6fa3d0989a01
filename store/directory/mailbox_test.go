package directory_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

func TestMailboxIndexLookups(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	tests := []struct {
		identity string
		alias    string // "" = no match
	}{
		{"annb", "annb"},
		{"ANNB", "annb"},
		{"Ann Beebe", "annb"},
		{"Walter Harp", "walterh"},
		{"Allie Bellew", "allieb"},
		{"annb@contoso.com", "annb"},
		{"AnnB@Contoso.onmicrosoft.com", "annb"},
		{"664ef44e-c1a0-47b0-9553-2ecdfc6ef840", "annb"},
		{"664EF44EC1A047B095532ECDFC6EF840", "annb"},
		{"b8eef43d-6854-4d77-9e03-745cf2e11e11", "annb"},
		{"CN=annb,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM", "annb"},
		{"/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=9c8dfff651ec4908950f5df60cbbda06-pilarp", "pilarp"},
		{"1d20855f-fd54-4681-98e6-e249f4ed7a2c", "allieb"},
		{"33948c06-c453-48be-bdb9-08eacd466f81", "allieb2"},
		{"allieb2@contoso.com", "allieb2"},
		{"admin@contoso.onmicrosoft.com", "admin"},
		{"walterh@contoso.com", "walterh"},
		{`Soft Deleted Objects\pilarp`, "pilarp"},
		{"nobody@contoso.com", ""},
		{"", ""},
	}
	_ = s.View(func(tx *store.Tx) error {
		for _, tt := range tests {
			ms, err := directory.FindMailboxes(tx, tt.identity)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(ms) == 1 {
				got = ms[0].Alias
			} else if len(ms) > 1 {
				got = fmt.Sprintf("%d matches", len(ms))
			}
			if got != tt.alias {
				t.Errorf("FindMailboxes(%q) = %q, want %q", tt.identity, got, tt.alias)
			}
			if want, got := matchesByScan(t, tx, tt.identity), guidsOf(ms); got != want {
				t.Errorf("FindMailboxes(%q) = %s, a scan of every mailbox finds %s", tt.identity, got, want)
			}
		}
		// Every value of every form finds what a scan finds, whatever
		// its case.
		var all []*directory.Mailbox
		storetest.Must(t, directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error { all = append(all, m); return nil }))
		for _, m := range all {
			values := append([]string{m.Name, m.Alias, m.DisplayName, m.UserPrincipalName, m.MicrosoftOnlineServicesID,
				m.PrimarySmtpAddress, m.DistinguishedName, m.LegacyExchangeDN, m.ExternalDirectoryObjectId, m.ExchangeGuid,
				"{" + m.ExchangeGuid + "}", strings.ReplaceAll(m.Guid, "-", "")}, m.EmailAddresses...)
			values = append(values, m.SmtpAddresses()...)
			values = append(values, m.X500Addresses()...)
			for _, v := range values {
				for _, id := range []string{v, strings.ToUpper(v), " " + strings.ToLower(v) + " "} {
					ms, err := directory.FindMailboxes(tx, id)
					if err != nil {
						t.Fatal(err)
					}
					if want, got := matchesByScan(t, tx, id), guidsOf(ms); got != want {
						t.Errorf("FindMailboxes(%q) = %s, a scan of every mailbox finds %s", id, got, want)
					}
				}
			}
		}
		// Guid lookup through the primary key.
		ms, _ := directory.FindMailboxes(tx, "annb")
		if byGuid, _ := directory.FindMailboxes(tx, strings.ToUpper(ms[0].Guid)); len(byGuid) != 1 {
			t.Error("object Guid lookup failed")
		}
		return nil
	})
}

func TestIndexesFollowChangesAndDuplicates(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	err := s.Update(func(tx *store.Tx) error {
		ms, _ := directory.FindMailboxes(tx, "walterh")
		m := ms[0]
		m.Alias, m.Name = "wharp", "wharp"
		m.EmailAddresses = append(m.EmailAddresses, "smtp:walter.harp@contoso.com")
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
		if ms, _ := directory.FindMailboxes(tx, "walterh"); len(ms) != 0 {
			t.Errorf("stale alias still resolves: %d", len(ms))
		}
		if ms, _ := directory.FindMailboxes(tx, "walter.harp@contoso.com"); len(ms) != 1 {
			t.Error("new proxy address not indexed")
		}
		// A second (inactive-style) object sharing the SMTP address.
		dup := *m
		dup.Guid = tx.NewGuid()
		dup.ExchangeGuid = tx.NewGuid()
		dup.LifecycleState = directory.StateInactive
		dup.DistinguishedName = directory.HostedDN(dup.Name, seed.TenantName, seed.Partition, true)
		if err := directory.PutMailbox(tx, &dup); err != nil {
			return err
		}
		if ms, _ := directory.FindMailboxes(tx, "walterh@contoso.com"); len(ms) != 2 {
			t.Errorf("shared SMTP should match 2, got %d", len(ms))
		}
		if ms, _ := directory.FindMailboxes(tx, dup.DistinguishedName); len(ms) != 1 || ms[0].Guid != dup.Guid {
			t.Error("DN must be unique")
		}
		if err := directory.DeleteMailbox(tx, dup.Guid); err != nil {
			return err
		}
		if ms, _ := directory.FindMailboxes(tx, "walterh@contoso.com"); len(ms) != 1 {
			t.Errorf("after delete got %d", len(ms))
		}
		if err := directory.DeleteMailbox(tx, dup.Guid); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestScanMailboxesInBatches(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	seen := map[string]bool{}
	cursor := ""
	batches := 0
	for {
		var page []*directory.Mailbox
		err := s.View(func(tx *store.Tx) error {
			var err error
			page, cursor, err = directory.ScanMailboxes(tx, cursor, 5)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		batches++
		for _, m := range page {
			if seen[m.Guid] {
				t.Fatalf("%s twice", m.Alias)
			}
			seen[m.Guid] = true
		}
		if cursor == "" {
			break
		}
	}
	if len(seen) != 28 || batches != 6 {
		t.Errorf("%d mailboxes in %d batches", len(seen), batches)
	}
}

func TestSeededPersonas(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	_ = s.View(func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			t.Fatal(err)
		}
		if o.Name != "contoso.onmicrosoft.com" || o.DefaultDomain != "contoso.com" || !o.HasAdvancedMessageEncryption() {
			t.Errorf("org = %+v", o)
		}
		sub, _ := o.Subscription("SPE_E5")
		if sub.Enabled != 25 || sub.Consumed != 24 || sub.SkuID != "06ebc4ee-1bb5-47dd-8120-11324bc54e06" {
			t.Errorf("E5 = %+v", sub)
		}
		for _, alias := range []string{"admin", "annb", "pilarp", "carolo", "meganb", "marion", "abrahamm", "walterh",
			"laura", "allieb", "allieb2", "newemployee"} {
			ms, _ := directory.FindMailboxes(tx, alias)
			if len(ms) != 1 {
				t.Errorf("%s: %d mailboxes", alias, len(ms))
				continue
			}
			m := ms[0]
			if m.LifecycleState != directory.StateActive || !m.Licensed || m.WhenSoftDeleted != nil || m.IsInactiveMailbox {
				t.Errorf("%s is not an active licensed mailbox", alias)
			}
			u, err := directory.GetUser(tx, m.ExternalDirectoryObjectId)
			if err != nil || u.State != directory.UserActive || !u.HasLicense("SPE_E5") || u.MailboxGuid != m.Guid {
				t.Errorf("%s user: %+v %v", alias, u, err)
			}
			c, _ := directory.GetMailboxContent(tx, m.Guid)
			if items, _, _, _ := directory.Totals(c.Primary); items == 0 {
				t.Errorf("%s has no content", alias)
			}
		}
		users, _ := directory.FindUsersByUPN(tx, "admin@contoso.onmicrosoft.com")
		if len(users) != 1 || users[0].DisplayName != "MOD Administrator" {
			t.Errorf("admin = %+v", users)
		}
		return nil
	})
}

func TestLicenseAssignment(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	err := s.Update(func(tx *store.Tx) error {
		ms, _ := directory.FindMailboxes(tx, "laura")
		id := ms[0].ExternalDirectoryObjectId
		if err := directory.RemoveLicense(tx, id, "SPE_E5"); err != nil {
			return err
		}
		u, _ := directory.GetUser(tx, id)
		if u.LicenseRemovedAt == nil || !u.LicenseRemovedAt.Equal(tx.Now()) || u.HasMailboxLicense() {
			t.Errorf("after removal %+v", u)
		}
		o, _ := directory.GetOrganization(tx)
		if sub, _ := o.Subscription("SPE_E5"); sub.Consumed != 23 {
			t.Errorf("consumed %d", sub.Consumed)
		}
		if err := directory.AssignLicense(tx, id, "SPE_E5"); err != nil {
			return err
		}
		if err := directory.AddSubscription(tx, "SPE_E5", -1); err != nil {
			return err
		}
		ms, _ = directory.FindMailboxes(tx, "newemployee")
		if err := directory.RemoveLicense(tx, ms[0].ExternalDirectoryObjectId, "SPE_E5"); err != nil {
			return err
		}
		var lu *directory.LicenseUnavailableError
		if err := directory.AssignLicense(tx, ms[0].ExternalDirectoryObjectId, "SPE_E5"); err != nil {
			t.Errorf("reassign freed unit: %v", err)
		}
		if err := directory.AssignLicense(tx, id, "SPE_E5"); err != nil {
			t.Errorf("idempotent assign: %v", err)
		}
		users, _ := directory.FindUsersByUPN(tx, "walterh@contoso.com")
		_ = directory.RemoveLicense(tx, users[0].ObjectID, "SPE_E5")
		_ = directory.AddSubscription(tx, "SPE_E5", -1)
		if err := directory.AssignLicense(tx, users[0].ObjectID, "SPE_E5"); !errors.As(err, &lu) {
			t.Errorf("over-assign: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// guidsOf lists the Guids of ms.
func guidsOf(ms []*directory.Mailbox) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Guid)
	}
	return strings.Join(out, ",")
}

// matchesByScan resolves an identity the slow way, by comparing it with
// every identity value of every mailbox: Name, Alias, DisplayName,
// UserPrincipalName, MicrosoftOnlineServicesID, PrimarySmtpAddress and
// the SMTP proxies, DistinguishedName, LegacyExchangeDN and the X500
// proxies, ExternalDirectoryObjectId and ExchangeGuid, case-insensitively;
// a GUID in any of its spellings matches an ExchangeGuid or an object
// Guid. It returns the Guids in order.
func matchesByScan(t *testing.T, tx *store.Tx, identity string) string {
	t.Helper()
	id := strings.TrimSpace(identity)
	if strings.HasPrefix(strings.ToLower(id), `soft deleted objects\`) {
		id = id[len(`soft deleted objects\`):]
	}
	if id == "" {
		return ""
	}
	g, isGuid := store.NormalizeGuid(id)
	var out []string
	storetest.Must(t, directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		values := []string{m.Name, m.Alias, m.DisplayName, m.UserPrincipalName, m.MicrosoftOnlineServicesID,
			m.PrimarySmtpAddress, m.DistinguishedName, m.LegacyExchangeDN, m.ExternalDirectoryObjectId}
		if m.ExchangeGuid != store.ZeroGuid {
			values = append(values, m.ExchangeGuid)
		}
		values = append(values, m.SmtpAddresses()...)
		values = append(values, m.X500Addresses()...)
		match := isGuid && (m.Guid == g || m.ExchangeGuid != store.ZeroGuid && strings.EqualFold(m.ExchangeGuid, g))
		for _, v := range values {
			if v != "" && strings.ToLower(v) == strings.ToLower(id) {
				match = true
			}
		}
		if match {
			out = append(out, m.Guid)
		}
		return nil
	}))
	return strings.Join(out, ",")
}
