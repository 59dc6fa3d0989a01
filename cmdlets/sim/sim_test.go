package sim

import (
	"testing"
	"time"

	"github.com/exosim/exosim/shell/command"

	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

func TestPortalText(t *testing.T) {
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	past := now.Add(-time.Hour)
	gmail := ome.MessageRecipient{Address: "jane@gmail.com", IdentityType: directory.IdentitySocial, Experience: ome.ExperienceLinkBased}
	outlook := ome.MessageRecipient{Address: "sam@outlook.com", IdentityType: directory.IdentityMicrosoftAccount, Experience: ome.ExperienceInline}
	tests := []struct {
		name string
		m    ome.Message
		r    ome.MessageRecipient
		want string
	}{
		{"portal recipient", ome.Message{Encrypted: true}, gmail, portalOpens},
		{"revoked", ome.Message{Encrypted: true, Revoked: true}, gmail, ome.PortalRevokedText},
		{"expired", ome.Message{Encrypted: true, ExpiresAt: &past}, gmail, ome.PortalExpiredText},
		{"inline recipient of a revoked message", ome.Message{Encrypted: true, Revoked: true}, outlook, inlineReading},
		{"plain message", ome.Message{}, ome.MessageRecipient{Address: "jane@gmail.com", IdentityType: directory.IdentitySocial}, notEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			m.Recipients = []ome.MessageRecipient{tt.r}
			if got := portalText(&m, tt.r, now); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSenderRevocationEligibility(t *testing.T) {
	gmail := ome.MessageRecipient{Address: "jane@gmail.com", IdentityType: directory.IdentitySocial, Experience: ome.ExperienceLinkBased}
	yahoo := ome.MessageRecipient{Address: "kim@yahoo.com", IdentityType: directory.IdentitySocial, Experience: ome.ExperienceLinkBased}
	outlook := ome.MessageRecipient{Address: "sam@outlook.com", IdentityType: directory.IdentityMicrosoftAccount, Experience: ome.ExperienceInline}
	tests := []struct {
		name   string
		sender string
		rcpts  []ome.MessageRecipient
		want   bool
	}{
		{"one gmail recipient", "annb@contoso.com", []ome.MessageRecipient{gmail}, true},
		{"two portal recipients", "annb@contoso.com", []ome.MessageRecipient{gmail, yahoo}, false},
		{"outlook.com recipient", "annb@contoso.com", []ome.MessageRecipient{outlook}, false},
		{"someone else", "meganb@contoso.com", []ome.MessageRecipient{gmail}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &ome.Message{Encrypted: true, Sender: "annb@contoso.com", Recipients: tt.rcpts}
			if got := ome.CanSenderRevoke(m, tt.sender); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCommandsDocumented(t *testing.T) {
	for _, c := range command.Built(Commands()) {
		if c.Synopsis == "" || len(c.Examples) == 0 || c.Module != Module {
			t.Errorf("%s: needs a synopsis, an example and module %s", c.Name, Module)
		}
	}
}
