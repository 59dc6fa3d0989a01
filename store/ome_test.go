package store

import (
	"errors"
	"testing"
	"time"
)

// withoutAME replaces the tenant's E5 subscription with Office 365 E3.
func withoutAME(tx *Tx) error {
	o, err := tx.Organization()
	if err != nil {
		return err
	}
	k, _ := LookupSku("ENTERPRISEPACK")
	o.Subscriptions = []Subscription{{SkuPartNumber: k.SkuPartNumber, SkuID: k.SkuID, Enabled: 25, Consumed: 24}}
	return tx.PutOrganization(o)
}

// withCustomTemplateRule adds S12's "Expire in 7 days" template and rule.
func withCustomTemplateRule(tx *Tx) error {
	if err := tx.PutOMEConfiguration(&OMEConfiguration{Identity: "Expire in 7 days", ExternalMailExpiryInDays: 7,
		SocialIdSignIn: true, OTPEnabled: true}); err != nil {
		return err
	}
	return tx.PutTransportRule(&TransportRule{Name: "All outgoing mail", FromScope: "InOrganization",
		ApplyRightsProtectionTemplate: "Encrypt", ApplyRightsProtectionCustomizationTemplate: "Expire in 7 days"})
}

func TestOMEExperienceDecisionTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		setup      func(*Tx) error
		to         string
		encrypt    bool
		identity   string
		experience string
		revocable  bool
		expires    bool
		appliedBy  string
	}{
		{"gmail", nil, "jane.doe@gmail.com", true, IdentitySocial, ExperienceLinkBased, true, false, AppliedByOutlookOnTheWeb},
		{"yahoo", nil, "kim@yahoo.com", true, IdentitySocial, ExperienceLinkBased, true, false, AppliedByOutlookOnTheWeb},
		{"outlook.com", nil, "sam@outlook.com", true, IdentityMicrosoftAccount, ExperienceInline, false, false, AppliedByOutlookOnTheWeb},
		{"hotmail.com", nil, "j@HOTMAIL.com", true, IdentityMicrosoftAccount, ExperienceInline, false, false, AppliedByOutlookOnTheWeb},
		{"live.com", nil, "x@live.com", true, IdentityMicrosoftAccount, ExperienceInline, false, false, AppliedByOutlookOnTheWeb},
		{"work or school tenant", nil, "partner@fabrikam.com", true, IdentityWorkOrSchool, ExperienceInline, false, false, AppliedByOutlookOnTheWeb},
		{"other provider", nil, "bob@example.org", true, IdentityOther, ExperienceLinkBased, true, false, AppliedByOutlookOnTheWeb},
		{"internal", nil, "pilarp@contoso.com", true, IdentityInternal, ExperienceInline, false, false, AppliedByOutlookOnTheWeb},
		{"internal onmicrosoft", nil, "pilarp@contoso.onmicrosoft.com", true, IdentityInternal, ExperienceInline, false, false, AppliedByOutlookOnTheWeb},
		{"custom template rule forces portal for outlook.com", withCustomTemplateRule, "sam@outlook.com", false,
			IdentityMicrosoftAccount, ExperienceLinkBased, true, true, "MailFlowRule:All outgoing mail"},
		{"custom template rule keeps internal inline", withCustomTemplateRule, "pilarp@contoso.com", false,
			IdentityInternal, ExperienceInline, false, true, "MailFlowRule:All outgoing mail"},
		{"tenant without AME", withoutAME, "jane.doe@gmail.com", true, IdentitySocial, ExperienceLinkBased, false, false, AppliedByOutlookOnTheWeb},
		{"plain message", nil, "jane.doe@gmail.com", false, IdentitySocial, "", false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := seeded(t, SeedContoso)
			err := s.Update(func(tx *Tx) error {
				if tt.setup != nil {
					if err := tt.setup(tx); err != nil {
						return err
					}
				}
				m, err := tx.SendMessage(SendInput{From: "annb@contoso.com", To: []string{tt.to}, Subject: "t", Encrypt: tt.encrypt})
				if err != nil {
					return err
				}
				r := m.Recipients[0]
				if r.IdentityType != tt.identity || r.Experience != tt.experience {
					t.Errorf("recipient = %+v, want %s/%s", r, tt.identity, tt.experience)
				}
				if got, _ := tx.IsRevocable(m); got != tt.revocable {
					t.Errorf("IsRevocable = %v, want %v", got, tt.revocable)
				}
				if (m.ExpiresAt != nil) != tt.expires {
					t.Errorf("ExpiresAt = %v, want set=%v", m.ExpiresAt, tt.expires)
				} else if tt.expires && !m.ExpiresAt.Equal(m.SentTime.Add(7*Day)) {
					t.Errorf("ExpiresAt = %v", m.ExpiresAt)
				}
				if m.AppliedBy != tt.appliedBy {
					t.Errorf("AppliedBy = %q, want %q", m.AppliedBy, tt.appliedBy)
				}
				traces, err := tx.TracesByMessageID(m.MessageID)
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
	s := seeded(t, SeedContoso)
	_ = s.View(func(tx *Tx) error {
		q3, err := tx.GetMessage("  " + SeedMessageQ3Figures + " ")
		if err != nil {
			t.Fatal(err)
		}
		if q3.Subject != "Q3 figures" || q3.Sender != "annb@contoso.com" || q3.ProtectionOption != ProtectionEncrypt ||
			q3.AppliedBy != AppliedByOutlookOnTheWeb || q3.Revoked {
			t.Errorf("Q3 = %+v", q3)
		}
		if ok, _ := tx.IsRevocable(q3); !ok || !CanSenderRevoke(q3, "ANNB@contoso.com") {
			t.Error("Q3 figures should be revocable by admin and sender")
		}
		c, err := tx.GetMessage(SeedMessageContract)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := tx.IsRevocable(c); ok || CanSenderRevoke(c, "annb@contoso.com") {
			t.Error("Contract must not be revocable")
		}
		n := 0
		_ = tx.ForEachMessage("", func(m *Message) error {
			if !m.SentTime.Before(DefaultClock()) {
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
	lb := MessageRecipient{Address: "a@gmail.com", IdentityType: IdentitySocial, Experience: ExperienceLinkBased}
	in := MessageRecipient{Address: "b@outlook.com", IdentityType: IdentityMicrosoftAccount, Experience: ExperienceInline}
	tests := []struct {
		name   string
		m      Message
		sender string
		want   bool
	}{
		{"single link-based", Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []MessageRecipient{lb}}, "annb@contoso.com", true},
		{"other sender", Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []MessageRecipient{lb}}, "meganb@contoso.com", false},
		{"two recipients", Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []MessageRecipient{lb, lb}}, "annb@contoso.com", false},
		{"inline", Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: []MessageRecipient{in}}, "annb@contoso.com", false},
		{"not encrypted", Message{Sender: "annb@contoso.com", Recipients: []MessageRecipient{lb}}, "annb@contoso.com", false},
	}
	for _, tt := range tests {
		if got := CanSenderRevoke(&tt.m, tt.sender); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

func TestRevokeErrorsLeaveStateUnchanged(t *testing.T) {
	t.Parallel()
	noBrackets := SeedMessageQ3Figures[1 : len(SeedMessageQ3Figures)-1]
	tests := []struct {
		name  string
		setup func(*Tx) error
		id    string
		check func(error) bool
	}{
		{"missing angle brackets", nil, noBrackets, func(err error) bool {
			var e *MessageNotFoundError
			return errors.As(err, &e) && errors.Is(err, ErrNotFound)
		}},
		{"unknown id", nil, "<nope@x>", func(err error) bool { var e *MessageNotFoundError; return errors.As(err, &e) }},
		{"inline recipient", nil, SeedMessageContract, func(err error) bool {
			var e *NotRevocableError
			return errors.As(err, &e) && errors.Is(err, ErrNotRevocable)
		}},
		{"no AME licence", withoutAME, SeedMessageQ3Figures, func(err error) bool {
			var e *NoAMELicenseError
			return errors.As(err, &e) && errors.Is(err, ErrNotRevocable)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := seeded(t, SeedContoso)
			if tt.setup != nil {
				if err := s.Update(tt.setup); err != nil {
					t.Fatal(err)
				}
			}
			before := exportString(t, s)
			err := s.Update(func(tx *Tx) error { return tx.RevokeMessage(tt.id, RevokedByAdmin) })
			if !tt.check(err) {
				t.Fatalf("error = %T %v", err, err)
			}
			if exportString(t, s) != before {
				t.Error("state changed")
			}
		})
	}
}

func TestRevokeAndRevokeFalse(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	err := s.Update(func(tx *Tx) error {
		if err := tx.AdvanceBy(time.Hour); err != nil {
			return err
		}
		out, m, err := tx.SetMessageRevocation(SeedMessageQ3Figures, true)
		if err != nil || out != RevocationDone || !m.Revoked || m.RevokedBy != RevokedByAdmin || !m.RevokedAt.Equal(tx.Now()) {
			t.Errorf("revoke: %v %+v %v", out, m, err)
		}
		if ok, _ := tx.IsRevocable(m); !ok {
			t.Error("IsRevocable must stay true after revocation")
		}
		if v := PortalView(m, "jane.doe@gmail.com", tx.Now()); v != PortalRevokedText {
			t.Errorf("portal view %q", v)
		}
		if out, _, err := tx.SetMessageRevocation(SeedMessageQ3Figures, true); err != nil || out != RevocationAlreadyRevoked {
			t.Errorf("revoke again: %v %v", out, err)
		}
		if out, m, err := tx.SetMessageRevocation(SeedMessageQ3Figures, false); err != nil || out != RevocationUnrevokeIgnored || !m.Revoked {
			t.Errorf("revoke false: %v %v", out, err)
		}
		if out, _, err := tx.SetMessageRevocation(SeedMessageContract, false); err != nil || out != RevocationNoChange {
			t.Errorf("revoke false on unrevoked: %v %v", out, err)
		}
		m, _ = tx.GetMessage(SeedMessageQ3Figures)
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
	s := seeded(t, SeedContoso)
	err := s.Update(func(tx *Tx) error {
		var nr *NotRevocableError
		if err := tx.SenderRevokeMessage(SeedMessageQ3Figures, "meganb@contoso.com"); !errors.As(err, &nr) {
			t.Errorf("other sender: %v", err)
		}
		if err := tx.SenderRevokeMessage(SeedMessageQ3Figures, "annb@contoso.com"); err != nil {
			t.Errorf("sender revoke: %v", err)
		}
		m, _ := tx.GetMessage(SeedMessageQ3Figures)
		if !m.Revoked || m.RevokedBy != RevokedBySender {
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
	s := seeded(t, SeedContoso)
	tests := []SendInput{
		{From: "nobody", To: []string{"a@gmail.com"}},
		{From: "annb@contoso.com"},
		{From: "annb@contoso.com", To: []string{"a@gmail.com"}, Encrypt: true, ProtectionOption: "Confidential"},
		{From: "annb@contoso.com", To: []string{"a@gmail.com"}, Encrypt: true, Template: "No such template"},
		{From: "annb@contoso.com", To: []string{"a@gmail.com"}, MessageID: SeedMessageContract},
	}
	for i, in := range tests {
		if err := s.Update(func(tx *Tx) error { _, err := tx.SendMessage(in); return err }); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
}

func TestSendUpdatesFolders(t *testing.T) {
	t.Parallel()
	s := seeded(t, SeedContoso)
	count := func(tx *Tx, alias, path string) int64 {
		ms, _ := tx.FindMailboxes(alias)
		c, _ := tx.GetMailboxContent(ms[0].Guid)
		f, _ := FindFolder(c.Primary, path)
		return f.ItemCount
	}
	_ = s.Update(func(tx *Tx) error {
		sent, inbox := count(tx, "annb", "/Sent Items"), count(tx, "pilarp", "/Inbox")
		if _, err := tx.SendMessage(SendInput{From: "annb@contoso.com", To: []string{"pilarp@contoso.com", "x@gmail.com"}, Subject: "hi"}); err != nil {
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
		setup func(*Tx) error
		c     OMEConfiguration
		check func(error) bool
	}{
		{"ok", nil, OMEConfiguration{Identity: "Expire in 7 days", ExternalMailExpiryInDays: 7}, func(err error) bool { return err == nil }},
		{"duplicate", nil, OMEConfiguration{Identity: "ome configuration"}, func(err error) bool { var v *ValidationError; return errors.As(err, &v) }},
		{"expiry too long", nil, OMEConfiguration{Identity: "x", ExternalMailExpiryInDays: 731}, func(err error) bool { var v *ValidationError; return errors.As(err, &v) }},
		{"no AME", withoutAME, OMEConfiguration{Identity: "x", ExternalMailExpiryInDays: 7}, func(err error) bool { var v *NoAMELicenseError; return errors.As(err, &v) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := seeded(t, SeedContoso)
			err := s.Update(func(tx *Tx) error {
				if tt.setup != nil {
					if err := tt.setup(tx); err != nil {
						return err
					}
				}
				return tx.CreateOMEConfiguration(&tt.c)
			})
			if !tt.check(err) {
				t.Errorf("err = %v", err)
			}
		})
	}
}
