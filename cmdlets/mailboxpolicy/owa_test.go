package mailboxpolicy

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/decl"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// Set-OwaMailboxPolicy takes every parameter Exchange Online documents:
// each is a setting of the table or one of owaParams; a setting the
// service does not set (Fixed) is no parameter of it.
func TestOwaSettingsCoverTheCloudParameters(t *testing.T) {
	t.Parallel()
	d := decl.Lookup("Set-OwaMailboxPolicy")
	if d == nil {
		t.Fatal("Set-OwaMailboxPolicy is not declared")
	}
	declared := map[string]bool{}
	for _, p := range d.Params {
		declared[p.Name] = true
		other := false
		for _, n := range owaParams {
			other = other || n == p.Name
		}
		s := mp.OwaSetting(p.Name)
		switch {
		case other:
		case s == nil:
			t.Errorf("-%s is no setting", p.Name)
		case s.Fixed:
			t.Errorf("-%s is a fixed setting", p.Name)
		case s.Name != p.Name:
			t.Errorf("-%s is spelt %s in the table", p.Name, s.Name)
		}
	}
	for _, s := range mp.OwaSettings {
		if !s.Fixed && s.Kind != mp.IsDefault && !declared[s.Name] {
			t.Errorf("setting %s is no parameter of Set-OwaMailboxPolicy", s.Name)
		}
	}
}
