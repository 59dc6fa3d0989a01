package transportconfig_test

import (
	"errors"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	tc "github.com/exosim/exosim/store/transportconfig"
)

// An organization that never changed its settings has Exchange Online's
// defaults; a change is kept and stamped with the clock.
func TestGetPut(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		c, err := tc.Get(tx)
		storetest.Must(t, err)
		if !c.SmtpClientAuthenticationDisabled || c.ReplyAllStormDetectionMinimumRecipients != 2500 || c.MessageExpiration != 24*time.Hour ||
			c.MaxRecipientEnvelopeLimit != tc.Unlimited || c.DSNConversionMode != "PreserveDSNBody" {
			t.Fatalf("defaults: %+v", c)
		}
		c.SmtpClientAuthenticationDisabled = false
		storetest.Must(t, tc.Put(tx, c))
		got, err := tc.Get(tx)
		storetest.Must(t, err)
		if got.SmtpClientAuthenticationDisabled || !got.WhenChanged.Equal(tx.Now()) {
			t.Errorf("after a change: %+v", got)
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}

// Check refuses every value outside its range or enumeration.
func TestCheck(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		edit func(*tc.Config)
		bad  bool
	}{
		{"defaults", func(*tc.Config) {}, false},
		{"journal days 7", func(c *tc.Config) { c.JournalMessageExpirationDays = 7 }, false},
		{"journal days 8", func(c *tc.Config) { c.JournalMessageExpirationDays = 8 }, true},
		{"block hours 0", func(c *tc.Config) { c.ReplyAllStormBlockDurationHours = 0 }, true},
		{"recipients 999", func(c *tc.Config) { c.ReplyAllStormDetectionMinimumRecipients = 999 }, true},
		{"replies 21", func(c *tc.Config) { c.ReplyAllStormDetectionMinimumReplies = 21 }, true},
		{"limit 1000", func(c *tc.Config) { c.MaxRecipientEnvelopeLimit = 1000 }, false},
		{"limit 1001", func(c *tc.Config) { c.MaxRecipientEnvelopeLimit = 1001 }, true},
		{"expiration 12h", func(c *tc.Config) { c.MessageExpiration = 12 * time.Hour }, false},
		{"expiration 11h", func(c *tc.Config) { c.MessageExpiration = 11 * time.Hour }, true},
		{"dsn mode", func(c *tc.Config) { c.DSNConversionMode = "Convert" }, true},
		{"header mode", func(c *tc.Config) { c.HeaderPromotionModeSetting = "Create" }, true},
	} {
		c := tc.Default(time.Time{})
		tt.edit(c)
		if got := tc.Check(c) != ""; got != tt.bad {
			t.Errorf("%s: Check = %q", tt.name, tc.Check(c))
		}
	}
}

// A journal rule is Global and disabled when made, keeps a unique name
// and refuses a scope of no value.
func TestJournalRules(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		r := tc.NewJournalRule("Finance", "journal@fabrikam.com")
		if r.Scope != "Global" || r.Enabled {
			t.Errorf("a new rule: %+v", r)
		}
		storetest.Must(t, tc.PutJournalRule(tx, r))
		var inUse *tc.JournalRuleNameInUseError
		if err := tc.PutJournalRule(tx, tc.NewJournalRule("finance", "x@fabrikam.com")); !errors.As(err, &inUse) {
			t.Errorf("a second rule of the name: %v", err)
		}
		bad := tc.NewJournalRule("Other", "x@fabrikam.com")
		bad.Scope = "Local"
		if err := tc.PutJournalRule(tx, bad); err == nil {
			t.Errorf("a scope of no value was kept")
		}
		all, err := tc.ListJournalRules(tx)
		storetest.Must(t, err)
		if len(all) != 1 {
			t.Errorf("rules: %d", len(all))
		}
	})
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("findings: %s", f)
	}
}
