package exo_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/store/directory"
)

// A policy link compares as the distinguished name of the policy shown,
// in the container of its kind; a recipient without one is blank, and
// the other properties are no policy links.
func TestPolicyLinkValue(t *testing.T) {
	t.Parallel()
	org := &directory.Organization{Name: "contoso.onmicrosoft.com", DirectoryPartition: "NAMPR06A007"}
	const tail = ",CN=Configuration,CN=contoso.onmicrosoft.com,CN=ConfigurationUnits,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM"
	for _, tc := range []struct {
		property string
		shown    any
		link     bool
		want     any
	}{
		{"RetentionPolicy", "Default MRM Policy", true, "CN=Default MRM Policy,CN=Retention Policies Container" + tail},
		{"retentionpolicy", nil, true, nil},
		{"RetentionPolicy", "", true, nil},
		{"RoleAssignmentPolicy", "Default Role Assignment Policy", true, "CN=Default Role Assignment Policy,CN=Policies,CN=RBAC" + tail},
		{"OwaMailboxPolicy", "OwaMailboxPolicy-Default", true, "CN=OwaMailboxPolicy-Default,CN=OWA Mailbox Policies" + tail},
		{"ActiveSyncMailboxPolicy", "Default", true, "CN=Default,CN=Mobile Mailbox Policies" + tail},
		{"SharingPolicy", "Default Sharing Policy", false, nil},
		{"DisplayName", "Ann Beebe", false, nil},
	} {
		if got := exo.IsPolicyLink(tc.property); got != tc.link {
			t.Errorf("IsPolicyLink(%s) = %v", tc.property, got)
		}
		if got := exo.PolicyLinkValue(org, tc.property, tc.shown); got != tc.want {
			t.Errorf("PolicyLinkValue(%s, %v) = %v; want %v", tc.property, tc.shown, got, tc.want)
		}
	}
}
