package idform

import (
	"testing"

	"github.com/exosim/exosim/store"
)

func TestIndexOf(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ value, index string }{
		{"annb", IndexIdentity},
		{"annb@contoso.com", IndexIdentity},
		{"ann beebe", IndexReference},
		{"cn=annb,ou=contoso.onmicrosoft.com", IndexReference},
		{"/o=exchangelabs/ou=exchange administrative group", IndexReference},
		{"664ef44e-c1a0-47b0-9553-2ecdfc6ef840", IndexReference},
		{"664ef44ec1a047b095532ecdfc6ef840", IndexIdentity}, // not canonical GUID text
		{"664ef44e-c1a0-47b0-9553-2ecdfc6ef840x", IndexIdentity},
		{"cnn", IndexIdentity},
		{"", IndexIdentity},
	} {
		if got := IndexOf(tt.value); got != tt.index {
			t.Errorf("IndexOf(%q) = %s, want %s", tt.value, got, tt.index)
		}
	}
}

// A value a mailbox has in several forms, in any case, is one entry with
// every form; values keep the spelling they were first added in.
func TestValuesMergeForms(t *testing.T) {
	t.Parallel()
	var iv Values
	iv.Add(Name, "AnnB")
	iv.Add(Alias, "annb")
	iv.Add(DisplayName, "Ann Beebe")
	iv.Add(UPN, "annb@contoso.com")
	iv.Add(SMTP, "AnnB@Contoso.com")
	iv.Add(SMTP, "")
	got := iv.Entries(nil)
	want := []struct {
		index, value string
		forms        Form
	}{
		{IndexIdentity, "AnnB", Name | Alias},
		{IndexReference, "Ann Beebe", DisplayName},
		{IndexIdentity, "annb@contoso.com", UPN | SMTP},
	}
	if len(got) != len(want) {
		t.Fatalf("entries %v, want %d", got, len(want))
	}
	for i, w := range want {
		if g := got[i]; g.Name != w.index || g.Value != w.value || Of(g.Payload) != w.forms {
			t.Errorf("entry %d = %s %q %b, want %s %q %b", i, g.Name, g.Value, Of(g.Payload), w.index, w.value, w.forms)
		}
	}
	var none []store.IndexEntry
	if e := new(Values).Entries(none); len(e) != 0 {
		t.Errorf("no values gave entries %v", e)
	}
	for f := Form(0); f <= All; f++ {
		if Of(payload(f)) != f {
			t.Fatalf("forms %b do not survive their payload", f)
		}
	}
	if Of(nil) != 0 || Of([]byte{1}) != 0 {
		t.Error("a payload of the wrong size holds forms")
	}
}
