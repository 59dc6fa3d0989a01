package mailboxpolicy

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/decl"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// The New and Set cmdlets of each kind take every parameter Exchange
// Online documents: each is a setting of the kind's table or one of its
// other parameters; a setting the service does not set (Fixed) is no
// parameter, and every other one is a parameter of Set.
func TestSettingsCoverTheCloudParameters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cmdlet string
		table  []mp.Setting
		other  []string
		every  bool // every setting is a parameter
	}{
		{"Set-OwaMailboxPolicy", mp.OwaSettings, owaParams[:], true},
		{"New-OwaMailboxPolicy", mp.OwaSettings, owaParams[:], false},
		{"Set-MobileDeviceMailboxPolicy", mp.MobileSettings, mobileParams[:], true},
		{"New-MobileDeviceMailboxPolicy", mp.MobileSettings, mobileParams[:], true},
		{"Set-RoleAssignmentPolicy", mp.RoleSettings, roleParams[:], true},
		{"New-RoleAssignmentPolicy", mp.RoleSettings, roleParams[:], true},
	} {
		d := decl.Lookup(tc.cmdlet)
		if d == nil {
			t.Fatalf("%s is not declared", tc.cmdlet)
		}
		declared := map[string]bool{}
		for _, p := range d.Params {
			declared[p.Name] = true
			other := false
			for _, n := range tc.other {
				other = other || n == p.Name
			}
			var s *mp.Setting
			for i := range tc.table {
				if tc.table[i].Name == p.Name {
					s = &tc.table[i]
				}
			}
			switch {
			case other:
			case s == nil:
				t.Errorf("%s -%s is no setting", tc.cmdlet, p.Name)
			case s.Fixed:
				t.Errorf("%s -%s is a fixed setting", tc.cmdlet, p.Name)
			}
		}
		if !tc.every {
			continue
		}
		for _, s := range tc.table {
			if !s.Fixed && s.Kind != mp.IsDefault && !declared[s.Name] {
				t.Errorf("setting %s is no parameter of %s", s.Name, tc.cmdlet)
			}
		}
	}
}
