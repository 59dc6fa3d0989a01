package mailauth_test

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	ma "github.com/exosim/exosim/store/mailauth"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// A selector's key record holds an RSA public key of the selector's
// size, the same on every read, another after a rotation.
func TestPublicKey(t *testing.T) {
	t.Parallel()
	for _, size := range ma.KeySizes {
		d := ma.NewDkim("contoso.com", true, size)
		d.Guid = "00000000-0000-4000-8000-000000000001"
		rec := d.PublicKey(1)
		b64, ok := strings.CutPrefix(strings.TrimSuffix(rec, ";"), "v=DKIM1; k=rsa; p=")
		if !ok {
			t.Fatalf("record %q", rec)
		}
		der, err := base64.StdEncoding.DecodeString(b64)
		storetest.Must(t, err)
		key, err := x509.ParsePKIXPublicKey(der)
		storetest.Must(t, err)
		pub, ok := key.(*rsa.PublicKey)
		if !ok || pub.N.BitLen() != size || pub.E != 65537 {
			t.Errorf("size %d: key %T of %d bits", size, key, pub.N.BitLen())
		}
		if d.PublicKey(1) != rec || d.PublicKey(2) == rec {
			t.Errorf("size %d: selector 1's key is not stable, or selector 2 shares it", size)
		}
		d.Selector1Generation++
		if d.PublicKey(1) == rec {
			t.Errorf("size %d: a new generation kept the key", size)
		}
	}
}

// A configuration is made once for an accepted domain; a rotation hands
// signing to the other selector four days later.
func TestDkimRules(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		org, err := directory.GetOrganization(tx)
		storetest.Must(t, err)
		all, err := ma.ListDkim(tx)
		storetest.Must(t, err)
		if len(all) != 1 || !all[0].Initial || !all[0].Enabled || all[0].Domain != org.Name {
			t.Fatalf("initial configurations: %+v", all)
		}
		if err := ma.CreateDkim(tx, ma.NewDkim("fabrikam.com", true, 1024)); !errors.Is(err, ma.ErrNotAccepted) {
			t.Errorf("a domain not accepted: %v", err)
		}
		if err := ma.CreateDkim(tx, ma.NewDkim(strings.ToUpper(org.Name), true, 1024)); !errors.Is(err, ma.ErrDkimExists) {
			t.Errorf("a second configuration of the initial domain: %v", err)
		}
		if err := ma.RemoveDkim(tx, all[0]); !errors.Is(err, ma.ErrRemoveInitial) {
			t.Errorf("removing the initial domain's: %v", err)
		}
		d := all[0]
		now := tx.Now()
		storetest.Must(t, ma.Rotate(tx, d, 2048))
		if d.ActiveAt(now) != 1 || d.ActiveAt(now.Add(ma.RotationDelay)) != 2 || d.Selector2KeySize != 2048 || d.Selector1KeySize != 1024 {
			t.Errorf("after a rotation: %+v", d)
		}
		if d.ActiveAt(now.Add(ma.RotationDelay-time.Second)) != 1 {
			t.Errorf("selector 2 signs before its date")
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// An outbound connector keeps its rules: a unique name, smart hosts when
// MX records are not used, a TLS domain for DomainValidation, the hybrid
// settings only on an OnPremises connector.
func TestOutboundRules(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		storetest.Must(t, ma.PutOutbound(tx, ma.NewOutbound("To Fabrikam")))
		var name *ma.ConnectorNameInUseError
		if err := ma.PutOutbound(tx, ma.NewOutbound("to fabrikam")); !errors.As(err, &name) {
			t.Errorf("a second connector of the name: %v", err)
		}
		for _, tt := range []struct {
			edit func(*ma.Outbound)
			want error
		}{
			{func(c *ma.Outbound) { c.UseMXRecord = false }, ma.ErrSmartHostsNeeded},
			{func(c *ma.Outbound) { c.TlsSettings = "DomainValidation" }, ma.ErrTlsDomainNeeded},
			{func(c *ma.Outbound) { c.SenderRewritingEnabled = true }, ma.ErrOnPremisesOnlySetting},
			{func(c *ma.Outbound) { c.ConnectorType, c.AllAcceptedDomains = "OnPremises", true }, nil},
		} {
			c := ma.NewOutbound("Another")
			tt.edit(c)
			if err := ma.PutOutbound(tx, c); !errors.Is(err, tt.want) {
				t.Errorf("%+v: %v, want %v", c, err, tt.want)
			}
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
