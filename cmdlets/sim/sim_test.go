package sim

import (
	"testing"
	"time"

	"github.com/exosim/exosim/store"
)

func TestPortalText(t *testing.T) {
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	past := now.Add(-time.Hour)
	gmail := store.MessageRecipient{Address: "jane@gmail.com", IdentityType: store.IdentitySocial, Experience: store.ExperienceLinkBased}
	outlook := store.MessageRecipient{Address: "sam@outlook.com", IdentityType: store.IdentityMicrosoftAccount, Experience: store.ExperienceInline}
	tests := []struct {
		name string
		m    store.Message
		r    store.MessageRecipient
		want string
	}{
		{"portal recipient", store.Message{Encrypted: true}, gmail, portalOpens},
		{"revoked", store.Message{Encrypted: true, Revoked: true}, gmail, store.PortalRevokedText},
		{"expired", store.Message{Encrypted: true, ExpiresAt: &past}, gmail, store.PortalExpiredText},
		{"inline recipient of a revoked message", store.Message{Encrypted: true, Revoked: true}, outlook, inlineReading},
		{"plain message", store.Message{}, store.MessageRecipient{Address: "jane@gmail.com", IdentityType: store.IdentitySocial}, notEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			m.Recipients = []store.MessageRecipient{tt.r}
			if got := portalText(&m, tt.r, now); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSenderRevocationEligibility(t *testing.T) {
	gmail := store.MessageRecipient{Address: "jane@gmail.com", IdentityType: store.IdentitySocial, Experience: store.ExperienceLinkBased}
	yahoo := store.MessageRecipient{Address: "kim@yahoo.com", IdentityType: store.IdentitySocial, Experience: store.ExperienceLinkBased}
	outlook := store.MessageRecipient{Address: "sam@outlook.com", IdentityType: store.IdentityMicrosoftAccount, Experience: store.ExperienceInline}
	tests := []struct {
		name   string
		sender string
		rcpts  []store.MessageRecipient
		want   bool
	}{
		{"one gmail recipient", "annb@contoso.com", []store.MessageRecipient{gmail}, true},
		{"two portal recipients", "annb@contoso.com", []store.MessageRecipient{gmail, yahoo}, false},
		{"outlook.com recipient", "annb@contoso.com", []store.MessageRecipient{outlook}, false},
		{"someone else", "meganb@contoso.com", []store.MessageRecipient{gmail}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &store.Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: tt.rcpts}
			if got := store.CanSenderRevoke(m, tt.sender); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCommandsDocumented(t *testing.T) {
	for _, c := range Commands() {
		if c.Synopsis == "" || len(c.Examples) == 0 || c.Module != Module {
			t.Errorf("%s: needs a synopsis, an example and module %s", c.Name, Module)
		}
	}
}
