package ome

import (
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

func msg(revoked bool, rcpts ...ome.MessageRecipient) *ome.Message {
	return &ome.Message{MessageID: "<a@b>", Encrypted: true, Revoked: revoked, Recipients: rcpts}
}

var (
	gmail   = ome.MessageRecipient{Address: "jane@gmail.com", IdentityType: directory.IdentitySocial, Experience: ome.ExperienceLinkBased}
	outlook = ome.MessageRecipient{Address: "sam@outlook.com", IdentityType: directory.IdentityMicrosoftAccount, Experience: ome.ExperienceInline}
	inside  = ome.MessageRecipient{Address: "pilarp@contoso.com", IdentityType: directory.IdentityInternal, Experience: ome.ExperienceInline}
)

func TestDecideRevocation(t *testing.T) {
	plain := msg(false, gmail)
	plain.Encrypted = false
	tests := []struct {
		name   string
		m      *ome.Message
		ame    bool
		revoke bool
		want   revocationDecision
	}{
		{"gmail recipient", msg(false, gmail), true, true, decideRevoke},
		{"outlook.com recipient is inline", msg(false, outlook), true, true, decideNotRevocable},
		{"internal only", msg(false, inside), true, true, decideNotRevocable},
		{"mixed list: revocable when any external recipient reads in the portal", msg(false, outlook, inside, gmail), true, true, decideRevoke},
		{"no AME licence", msg(false, gmail), false, true, decideNoAME},
		{"not encrypted", plain, true, true, decideNotEncrypted},
		{"already revoked", msg(true, gmail), true, true, decideNothing},
		{"revoke false on revoked warns and never un-revokes", msg(true, gmail), true, false, decideWarnUnrevoke},
		{"revoke false on unrevoked", msg(false, gmail), true, false, decideNothing},
		{"revoke false on inline message", msg(false, outlook), true, false, decideNothing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decideRevocation(tt.m, tt.ame, tt.revoke); got != tt.want {
				t.Errorf("decideRevocation = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestMessageStatusObjectTypes(t *testing.T) {
	for _, revoked := range []bool{false, true} {
		o := MessageStatusObject(msg(revoked, gmail), true)
		if got := o.TypeNames[0] == TypeMessageStatusRevoked; got != revoked {
			t.Errorf("revoked=%v: first type name %q", revoked, o.TypeNames[0])
		}
		for _, p := range []string{"MessageId", "Subject", "IsRevocable", "Revoked"} {
			if o.Property(p) == nil {
				t.Errorf("revoked=%v: missing property %s", revoked, p)
			}
		}
		if o.Value("IsRevocable") != true {
			t.Errorf("revoked=%v: IsRevocable (eligibility) must stay True after revocation", revoked)
		}
	}
}

func TestRevokedSentence(t *testing.T) {
	got := revokedSentence("Q3 figures", "<x@y>")
	want := `The encrypted email with the subject "Q3 figures" and Message ID "<x@y>" was successfully revoked`
	if got != want {
		t.Errorf("got %q", got)
	}
}

func TestResolveWindow(t *testing.T) {
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *time.Time { t := now.Add(d); return &t }
	tests := []struct {
		name       string
		start, end *time.Time
		history    time.Duration
		max        time.Duration
		wantStart  time.Time
		wantErr    bool
	}{
		{"no dates: last 48 hours", nil, nil, v1History, 0, now.Add(-48 * time.Hour), false},
		{"start within 10 days", at(-9 * store.Day), nil, v1History, 0, now.Add(-9 * store.Day), false},
		{"start older than 10 days", at(-11 * store.Day), nil, v1History, 0, time.Time{}, true},
		{"end before start", at(-2 * store.Day), at(-3 * store.Day), v1History, 0, time.Time{}, true},
		{"V2 accepts 80 days back", at(-80 * store.Day), at(-75 * store.Day), v2History, v2MaxWindow, now.Add(-80 * store.Day), false},
		{"V2 refuses 91 days back", at(-91 * store.Day), at(-85 * store.Day), v2History, v2MaxWindow, time.Time{}, true},
		{"V2 refuses an 11-day window", at(-20 * store.Day), at(-9 * store.Day), v2History, v2MaxWindow, time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, msg := resolveWindow(now, tt.start, tt.end, tt.history, tt.max)
			if (msg != "") != tt.wantErr {
				t.Fatalf("error %q, want error %v", msg, tt.wantErr)
			}
			if !tt.wantErr && !w.start.Equal(tt.wantStart) {
				t.Errorf("start %v, want %v", w.start, tt.wantStart)
			}
		})
	}
}

func TestSortNewestFirst(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	rows := []*ome.TraceRecord{
		{Received: t0, RecipientAddress: "b@x"},
		{Received: t0.Add(time.Hour), RecipientAddress: "a@x"},
		{Received: t0, RecipientAddress: "a@x"},
	}
	sortNewestFirst(rows)
	if !rows[0].Received.Equal(t0.Add(time.Hour)) || rows[1].RecipientAddress != "a@x" || rows[2].RecipientAddress != "b@x" {
		t.Errorf("bad order: %v %v %v", rows[0], rows[1], rows[2])
	}
}
