package ome_test

import (
	"errors"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// withoutAME replaces the tenant's E5 subscription with Office 365 E3.
func withoutAME(tx *store.Tx) error {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	k, _ := directory.LookupSku("ENTERPRISEPACK")
	o.Subscriptions = []directory.Subscription{{SkuPartNumber: k.SkuPartNumber, SkuID: k.SkuID, Enabled: 25, Consumed: 24}}
	return directory.PutOrganization(tx, o)
}

// withCustomTemplateRule adds S12's "Expire in 7 days" template and rule.
func withCustomTemplateRule(tx *store.Tx) error {
	if err := ome.PutOMEConfiguration(tx, &ome.OMEConfiguration{Identity: "Expire in 7 days", ExternalMailExpiryInDays: 7,
		SocialIdSignIn: true, OTPEnabled: true}); err != nil {
		return err
	}
	return ome.PutTransportRule(tx, &ome.TransportRule{Name: "All outgoing mail", FromScope: "InOrganization",
		ApplyRightsProtectionTemplate: "Encrypt", ApplyRightsProtectionCustomizationTemplate: "Expire in 7 days"})
}

func TestOMEExperienceDecisionTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		setup      func(*store.Tx) error
		to         string
		encrypt    bool
		identity   string
		experience string
		revocable  bool
		expires    bool
		appliedBy  string
	}{
		{"gmail", nil, "jane.doe@gmail.com", true, directory.IdentitySocial, ome.ExperienceLinkBased, true, false, ome.AppliedByOutlookOnTheWeb},
		{"yahoo", nil, "kim@yahoo.com", true, directory.IdentitySocial, ome.ExperienceLinkBased, true, false, ome.AppliedByOutlookOnTheWeb},
		{"outlook.com", nil, "sam@outlook.com", true, directory.IdentityMicrosoftAccount, ome.ExperienceInline, false, false, ome.AppliedByOutlookOnTheWeb},
		{"hotmail.com", nil, "j@HOTMAIL.com", true, directory.IdentityMicrosoftAccount, ome.ExperienceInline, false, false, ome.AppliedByOutlookOnTheWeb},
		{"live.com", nil, "x@live.com", true, directory.IdentityMicrosoftAccount, ome.ExperienceInline, false, false, ome.AppliedByOutlookOnTheWeb},
		{"work or school tenant", nil, "partner@fabrikam.com", true, directory.IdentityWorkOrSchool, ome.ExperienceInline, false, false, ome.AppliedByOutlookOnTheWeb},
		{"other provider", nil, "bob@example.org", true, directory.IdentityOther, ome.ExperienceLinkBased, true, false, ome.AppliedByOutlookOnTheWeb},
		{"internal", nil, "pilarp@contoso.com", true, directory.IdentityInternal, ome.ExperienceInline, false, false, ome.AppliedByOutlookOnTheWeb},
		{"internal onmicrosoft", nil, "pilarp@contoso.onmicrosoft.com", true, directory.IdentityInternal, ome.ExperienceInline, false, false, ome.AppliedByOutlookOnTheWeb},
		{"custom template rule forces portal for outlook.com", withCustomTemplateRule, "sam@outlook.com", false,
			directory.IdentityMicrosoftAccount, ome.ExperienceLinkBased, true, true, "MailFlowRule:All outgoing mail"},
		{"custom template rule keeps internal inline", withCustomTemplateRule, "pilarp@contoso.com", false,
			directory.IdentityInternal, ome.ExperienceInline, false, true, "MailFlowRule:All outgoing mail"},
		{"tenant without AME", withoutAME, "jane.doe@gmail.com", true, directory.IdentitySocial, ome.ExperienceLinkBased, false, false, ome.AppliedByOutlookOnTheWeb},
		{"plain message", nil, "jane.doe@gmail.com", false, directory.IdentitySocial, "", false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			err := s.Update(func(tx *store.Tx) error {
				if tt.setup != nil {
					if err := tt.setup(tx); err != nil {
						return err
					}
				}
				m, err := ome.SendMessage(tx, ome.SendInput{From: "annb@contoso.com", To: []string{tt.to}, Subject: "t", Encrypt: tt.encrypt})
				if err != nil {
					return err
				}
				r := m.Recipients[0]
				if r.IdentityType != tt.identity || r.Experience != tt.experience {
					t.Errorf("recipient = %+v, want %s/%s", r, tt.identity, tt.experience)
				}
				if got, _ := ome.IsRevocable(tx, m); got != tt.revocable {
					t.Errorf("IsRevocable = %v, want %v", got, tt.revocable)
				}
				if (m.ExpiresAt != nil) != tt.expires {
					t.Errorf("ExpiresAt = %v, want set=%v", m.ExpiresAt, tt.expires)
				} else if tt.expires && !m.ExpiresAt.Equal(m.SentTime.Add(7*store.Day)) {
					t.Errorf("ExpiresAt = %v", m.ExpiresAt)
				}
				if m.AppliedBy != tt.appliedBy {
					t.Errorf("AppliedBy = %q, want %q", m.AppliedBy, tt.appliedBy)
				}
				traces, err := ome.TracesByMessageID(tx, m.MessageID)
				if err != nil || len(traces) != 1 {
					t.Fatalf("traces = %v, %v", traces, err)
				}
				evs := traces[0].Events
				hasEncrypt := false
				for _, e := range evs {
					hasEncrypt = hasEncrypt || e.Event == "Encrypt"
				}
				if hasEncrypt != m.Encrypted || evs[0].Event != "Receive" {
					t.Errorf("trace events = %+v", evs)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestSeededMessages(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	_ = s.View(func(tx *store.Tx) error {
		q3, err := ome.GetMessage(tx, "  "+seed.MessageQ3Figures+" ")
		if err != nil {
			t.Fatal(err)
		}
		if q3.Subject != "Q3 figures" || q3.Sender != "annb@contoso.com" || q3.ProtectionOption != ome.ProtectionEncrypt ||
			q3.AppliedBy != ome.AppliedByOutlookOnTheWeb || q3.Revoked {
			t.Errorf("Q3 = %+v", q3)
		}
		if ok, _ := ome.IsRevocable(tx, q3); !ok || !ome.CanSenderRevoke(q3, "ANNB@contoso.com") {
			t.Error("Q3 figures should be revocable by admin and sender")
		}
		c, err := ome.GetMessage(tx, seed.MessageContract)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := ome.IsRevocable(tx, c); ok || ome.CanSenderRevoke(c, "annb@contoso.com") {
			t.Error("Contract must not be revocable")
		}
		n := 0
		_ = ome.ForEachMessage(tx, "", func(m *ome.Message) error {
			if !m.SentTime.Before(store.DefaultClock()) {
				t.Errorf("%s sent at %v, not before the clock", m.Subject, m.SentTime)
			}
			n++
			return nil
		})
		if n != 11 {
			t.Errorf("%d messages", n)
		}
		return nil
	})
}

func TestCanSenderRevoke(t *testing.T) {
	t.Parallel()
	lb := ome.MessageRecipient{Address: "a@gmail.com", IdentityType: directory.IdentitySocial, Experience: ome.ExperienceLinkBased}
	in := ome.MessageRecipient{Address: "b@outlook.com", IdentityType: directory.IdentityMicrosoftAccount, Experience: ome.ExperienceInline}
	tests := []struct {
		name   string
		m      ome.Message
		sender string
		want   bool
	}{
		{"single link-based", ome.Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []ome.MessageRecipient{lb}}, "annb@contoso.com", true},
		{"other sender", ome.Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []ome.MessageRecipient{lb}}, "meganb@contoso.com", false},
		{"two recipients", ome.Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []ome.MessageRecipient{lb, lb}}, "annb@contoso.com", false},
		{"inline", ome.Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []ome.MessageRecipient{in}}, "annb@contoso.com", false},
		{"not encrypted", ome.Message{Sender: "annb@contoso.com", Recipients: []ome.MessageRecipient{lb}}, "annb@contoso.com", false},
	}
	for _, tt := range tests {
		if got := ome.CanSenderRevoke(&tt.m, tt.sender); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

func TestRevokeErrorsLeaveStateUnchanged(t *testing.T) {
	t.Parallel()
	noBrackets := seed.MessageQ3Figures[1 : len(seed.MessageQ3Figures)-1]
	tests := []struct {
		name  string
		setup func(*store.Tx) error
		id    string
		check func(error) bool
	}{
		{"missing angle brackets", nil, noBrackets, func(err error) bool {
			var e *ome.MessageNotFoundError
			return errors.As(err, &e) && errors.Is(err, store.ErrNotFound)
		}},
		{"unknown id", nil, "<nope@x>", func(err error) bool { var e *ome.MessageNotFoundError; return errors.As(err, &e) }},
		{"inline recipient", nil, seed.MessageContract, func(err error) bool {
			var e *ome.NotRevocableError
			return errors.As(err, &e) && errors.Is(err, ome.ErrNotRevocable)
		}},
		{"no AME licence", withoutAME, seed.MessageQ3Figures, func(err error) bool {
			var e *ome.NoAMELicenseError
			return errors.As(err, &e) && errors.Is(err, ome.ErrNotRevocable)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			if tt.setup != nil {
				if err := s.Update(tt.setup); err != nil {
					t.Fatal(err)
				}
			}
			before := storetest.Export(t, s)
			err := s.Update(func(tx *store.Tx) error {
				return ome.RevokeMessage(tx, tt.id, ome.RevokedByAdmin, "admin@contoso.onmicrosoft.com")
			})
			if !tt.check(err) {
				t.Fatalf("error = %T %v", err, err)
			}
			if storetest.Export(t, s) != before {
				t.Error("state changed")
			}
		})
	}
}

func TestRevokeAndRevokeFalse(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	err := s.Update(func(tx *store.Tx) error {
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		out, m, err := ome.SetMessageRevocation(tx, seed.MessageQ3Figures, true, "irma@contoso.com")
		if err != nil || out != ome.RevocationDone || !m.Revoked || m.RevokedBy != ome.RevokedByAdmin || m.Revoker != "irma@contoso.com" || !m.RevokedAt.Equal(tx.Now()) {
			t.Errorf("revoke: %v %+v %v", out, m, err)
		}
		if ok, _ := ome.IsRevocable(tx, m); !ok {
			t.Error("IsRevocable must stay true after revocation")
		}
		if v := ome.PortalView(m, "jane.doe@gmail.com", tx.Now()); v != ome.PortalRevokedText {
			t.Errorf("portal view %q", v)
		}
		if out, _, err := ome.SetMessageRevocation(tx, seed.MessageQ3Figures, true, "admin@contoso.onmicrosoft.com"); err != nil || out != ome.RevocationAlreadyRevoked {
			t.Errorf("revoke again: %v %v", out, err)
		}
		if out, m, err := ome.SetMessageRevocation(tx, seed.MessageQ3Figures, false, "admin@contoso.onmicrosoft.com"); err != nil || out != ome.RevocationUnrevokeIgnored || !m.Revoked {
			t.Errorf("revoke false: %v %v", out, err)
		}
		if out, _, err := ome.SetMessageRevocation(tx, seed.MessageContract, false, "admin@contoso.onmicrosoft.com"); err != nil || out != ome.RevocationNoChange {
			t.Errorf("revoke false on unrevoked: %v %v", out, err)
		}
		m, _ = ome.GetMessage(tx, seed.MessageQ3Figures)
		if !m.Revoked {
			t.Error("-Revoke $false un-revoked")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSenderRevoke(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	err := s.Update(func(tx *store.Tx) error {
		var nr *ome.NotRevocableError
		if err := ome.SenderRevokeMessage(tx, seed.MessageQ3Figures, "meganb@contoso.com"); !errors.As(err, &nr) {
			t.Errorf("other sender: %v", err)
		}
		if err := ome.SenderRevokeMessage(tx, seed.MessageQ3Figures, "annb@contoso.com"); err != nil {
			t.Errorf("sender revoke: %v", err)
		}
		m, _ := ome.GetMessage(tx, seed.MessageQ3Figures)
		if !m.Revoked || m.RevokedBy != ome.RevokedBySender || m.Revoker != "annb@contoso.com" {
			t.Errorf("after sender revoke: %+v", m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSendMessageValidation(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	tests := []ome.SendInput{
		{From: "nobody", To: []string{"a@gmail.com"}},
		{From: "annb@contoso.com"},
		{From: "annb@contoso.com", To: []string{"a@gmail.com"}, Encrypt: true, ProtectionOption: "Confidential"},
		{From: "annb@contoso.com", To: []string{"a@gmail.com"}, Encrypt: true, Template: "No such template"},
		{From: "annb@contoso.com", To: []string{"a@gmail.com"}, MessageID: seed.MessageContract},
	}
	for i, in := range tests {
		if err := s.Update(func(tx *store.Tx) error { _, err := ome.SendMessage(tx, in); return err }); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
}

func TestSendUpdatesFolders(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	count := func(tx *store.Tx, alias, path string) int64 {
		ms, _ := directory.FindMailboxes(tx, alias)
		c, _ := directory.GetMailboxContent(tx, ms[0].Guid)
		f, _ := directory.FindFolder(c.Primary, path)
		return f.ItemCount
	}
	_ = s.Update(func(tx *store.Tx) error {
		sent, inbox := count(tx, "annb", "/Sent Items"), count(tx, "pilarp", "/Inbox")
		if _, err := ome.SendMessage(tx, ome.SendInput{From: "annb@contoso.com", To: []string{"pilarp@contoso.com", "x@gmail.com"}, Subject: "hi"}); err != nil {
			t.Fatal(err)
		}
		if count(tx, "annb", "/Sent Items") != sent+1 || count(tx, "pilarp", "/Inbox") != inbox+1 {
			t.Error("folder counts not updated")
		}
		return nil
	})
}

func TestCreateOMEConfiguration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(*store.Tx) error
		c     ome.OMEConfiguration
		check func(error) bool
	}{
		{"ok", nil, ome.OMEConfiguration{Identity: "Expire in 7 days", ExternalMailExpiryInDays: 7}, func(err error) bool { return err == nil }},
		{"duplicate", nil, ome.OMEConfiguration{Identity: "ome configuration"}, func(err error) bool { var v *store.ValidationError; return errors.As(err, &v) }},
		{"expiry too long", nil, ome.OMEConfiguration{Identity: "x", ExternalMailExpiryInDays: 731}, func(err error) bool { var v *store.ValidationError; return errors.As(err, &v) }},
		{"no AME", withoutAME, ome.OMEConfiguration{Identity: "x", ExternalMailExpiryInDays: 7}, func(err error) bool { var v *ome.NoAMELicenseError; return errors.As(err, &v) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.Seeded(t, seed.Contoso)
			err := s.Update(func(tx *store.Tx) error {
				if tt.setup != nil {
					if err := tt.setup(tx); err != nil {
						return err
					}
				}
				return ome.CreateOMEConfiguration(tx, &tt.c)
			})
			if !tt.check(err) {
				t.Errorf("err = %v", err)
			}
		})
	}
}
