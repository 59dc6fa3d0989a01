package store_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

// addSyntheticMailboxes adds n mailboxes user<from>… modelled on annb.
func addSyntheticMailboxes(tx *store.Tx, from, n int) error {
	ms, err := directory.FindMailboxes(tx, "annb")
	if err != nil || len(ms) != 1 {
		return fmt.Errorf("annb: %v", err)
	}
	tmpl := ms[0]
	for i := 0; i < n; i++ {
		m := *tmpl
		alias := fmt.Sprintf("user%06d", from+i)
		m.Guid, m.ExchangeGuid, m.ExternalDirectoryObjectId = tx.NewGuid(), tx.NewGuid(), tx.NewGuid()
		m.Name, m.Alias, m.DisplayName = alias, alias, "User "+alias
		m.PrimarySmtpAddress = alias + "@contoso.com"
		m.UserPrincipalName, m.MicrosoftOnlineServicesID, m.WindowsLiveID = m.PrimarySmtpAddress, m.PrimarySmtpAddress, m.PrimarySmtpAddress
		m.EmailAddresses = []string{"SMTP:" + alias + "@contoso.com", "smtp:" + alias + "@contoso.onmicrosoft.com"}
		m.DistinguishedName = directory.HostedDN(alias, seed.TenantName, seed.Partition, false)
		m.LegacyExchangeDN = directory.LegacyDNFor(m.Guid, alias)
		if err := directory.PutMailbox(tx, &m); err != nil {
			return err
		}
	}
	return nil
}

func benchTenant(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := seed.Init(s, seed.Contoso, time.Time{}, false); err != nil {
		b.Fatal(err)
	}
	for done := 0; done < n; done += 5000 {
		batch := min(5000, n-done)
		if err := s.Update(func(tx *store.Tx) error { return addSyntheticMailboxes(tx, done, batch) }); err != nil {
			b.Fatal(err)
		}
	}
	// Close so each iteration opens the file afresh.
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenAndLookup measures opening a 10,000-mailbox tenant and
// resolving one identity through the indexes.
func BenchmarkOpenAndLookup(b *testing.B) {
	path := benchTenant(b, 10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := tenant.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		err = s.View(func(tx *store.Tx) error {
			ms, err := directory.FindMailboxes(tx, "ANNB@contoso.com")
			if err != nil || len(ms) != 1 {
				return fmt.Errorf("lookup: %v %d", err, len(ms))
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		_ = s.Close()
	}
}

// BenchmarkFindMailboxes measures resolving identities of several forms
// (an alias, an address, a display name, a GUID) in a 10,000-mailbox
// tenant: one seek of an identity index each, and the record.
func BenchmarkFindMailboxes(b *testing.B) {
	path := benchTenant(b, 10000)
	s, err := tenant.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var ids []string
	err = s.View(func(tx *store.Tx) error {
		ms, err := directory.FindMailboxes(tx, "user004711")
		if err != nil || len(ms) != 1 {
			return fmt.Errorf("lookup: %v %d", err, len(ms))
		}
		ids = []string{"annb", "USER004711@contoso.com", "User user004711", ms[0].ExchangeGuid}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := s.View(func(tx *store.Tx) error {
			for _, id := range ids {
				ms, err := directory.FindMailboxes(tx, id)
				if err != nil || len(ms) != 1 {
					return fmt.Errorf("lookup %s: %v %d", id, err, len(ms))
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAllMailboxes measures decoding every mailbox of a
// 10,000-mailbox tenant in one read transaction.
func BenchmarkDecodeAllMailboxes(b *testing.B) {
	path := benchTenant(b, 10000)
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := s.View(func(tx *store.Tx) error {
			return directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
				if strings.HasPrefix(m.Alias, "user") {
					n++
				}
				return nil
			})
		})
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("no mailboxes decoded")
		}
	}
}

// BenchmarkSeedSynthetic measures adding 1,200 synthetic mailboxes to a
// fresh contoso tenant in one transaction.
func BenchmarkSeedSynthetic(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := storetest.Seeded(b, seed.Contoso)
		b.StartTimer()
		if err := seed.AddSynthetic(s, 1200); err != nil {
			b.Fatal(err)
		}
	}
}
