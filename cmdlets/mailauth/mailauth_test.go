package mailauth_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// Every Set-InboundConnector and Set-DkimSigningConfig parameter changes
// the property of its name and nothing else of the shown settings.
func TestSetParameters(t *testing.T) {
	t.Parallel()
	const conn, dkim = "Get-InboundConnector Partner", "Get-DkimSigningConfig contoso.onmicrosoft.com"
	for _, tc := range []struct{ get, set, param, value, property, want string }{
		{conn, "Set-InboundConnector Partner", "AssociatedAcceptedDomains", "contoso.com", "AssociatedAcceptedDomains", "contoso.com"},
		{conn, "Set-InboundConnector Partner", "CloudServicesMailEnabled", "$true", "CloudServicesMailEnabled", "True"},
		{conn, "Set-InboundConnector Partner", "Comment", "'From the partner'", "Comment", "From the partner"},
		{conn, "Set-InboundConnector Partner", "ConnectorSource", "hybridwizard", "ConnectorSource", "HybridWizard"},
		{conn, "Set-InboundConnector Partner", "ConnectorType", "OnPremises", "ConnectorType", "OnPremises"},
		{conn, "Set-InboundConnector Partner", "EFSkipIPs", "10.0.0.1,10.0.1.0/24,10.0.2.1-10.0.2.9", "EFSkipIPs", "10.0.0.1 10.0.1.0/24 10.0.2.1-10.0.2.9"},
		{conn, "Set-InboundConnector Partner", "EFSkipLastIP", "$true", "EFSkipLastIP", "True"},
		{conn, "Set-InboundConnector Partner", "EFSkipMailGateway", "10.0.0.2", "EFSkipMailGateway", "10.0.0.2"},
		{conn, "Set-InboundConnector Partner", "EFTestMode", "$true", "EFTestMode", "True"},
		{conn, "Set-InboundConnector Partner", "EFUsers", "annb@contoso.com", "EFUsers", "annb@contoso.com"},
		{conn, "Set-InboundConnector Partner", "Enabled", "$false", "Enabled", "False"},
		{conn, "Set-InboundConnector Partner", "RequireTls", "$false", "RequireTls", "False"},
		{conn, "Set-InboundConnector Partner", "RestrictDomainsToCertificate", "$true", "RestrictDomainsToCertificate", "True"},
		{conn, "Set-InboundConnector Partner", "RestrictDomainsToIPAddresses", "$true", "RestrictDomainsToIPAddresses", "True"},
		{conn, "Set-InboundConnector Partner", "ScanAndDropRecipients", "soc@contoso.com", "ScanAndDropRecipients", "soc@contoso.com"},
		{conn, "Set-InboundConnector Partner", "SenderDomains", "fabrikam.com,*.fabrikam.net", "SenderDomains", "smtp:fabrikam.com;1 smtp:*.fabrikam.net;1"},
		{conn, "Set-InboundConnector Partner", "SenderIPAddresses", "10.0.0.1,10.0.1.0/24", "SenderIPAddresses", "10.0.0.1 10.0.1.0/24"},
		{conn, "Set-InboundConnector Partner", "TlsSenderCertificateName", "*.fabrikam.com", "TlsSenderCertificateName", "*.fabrikam.com"},
		{conn, "Set-InboundConnector Partner", "TrustedOrganizations", "fabrikam.onmicrosoft.com", "TrustedOrganizations", "fabrikam.onmicrosoft.com"},
		{dkim, "Set-DkimSigningConfig contoso.onmicrosoft.com", "AdminDisplayName", "'Initial domain'", "AdminDisplayName", "Initial domain"},
		{dkim, "Set-DkimSigningConfig contoso.onmicrosoft.com", "BodyCanonicalization", "simple", "BodyCanonicalization", "Simple"},
		{dkim, "Set-DkimSigningConfig contoso.onmicrosoft.com", "Enabled", "$false", "Enabled", "False"},
		{dkim, "Set-DkimSigningConfig contoso.onmicrosoft.com", "HeaderCanonicalization", "Simple", "HeaderCanonicalization", "Simple"},
	} {
		t.Run(strings.Fields(tc.set)[0]+"/"+tc.param, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			out, errs := s.Run(fmt.Sprintf(`New-InboundConnector Partner -SenderDomains fabrikam.org | Out-Null
$before = %s
%s -%s %s 3>$null
$after = %s
"$($after.%s)"
foreach ($p in $before.PSObject.Properties) {
	if ($p.Name -notin '%s', 'WhenChanged', 'WhenChangedUTC', 'LastChecked' -and "$($p.Value)" -ne "$($after.($p.Name))") { "also changed: $($p.Name)" }
}`, tc.get, tc.set, tc.param, tc.value, tc.get, tc.property, tc.property))
			if errs != "" || out != tc.want+"\n" {
				t.Errorf("output %q, errors %q; want %q", out, errs, tc.want+"\n")
			}
		})
	}
}

// Get-InboundConnector takes -ResultSize; Set-ExternalInOutlook keeps
// its allow list within 200 entries.
func TestLimits(t *testing.T) {
	t.Parallel()
	s := sessiontest.New(t, registry.Options{})
	out, errs := s.Run(`1..3 | ForEach-Object { New-InboundConnector "C$_" -SenderDomains "c$_.example" | Out-Null }
@(Get-InboundConnector -ResultSize 2).Count
@(Get-InboundConnector -ResultSize Unlimited).Count
Set-ExternalInOutlook -AllowList (1..201 | ForEach-Object { "s$_.example" })
@((Get-ExternalInOutlook).AllowList).Count`)
	if out != "2\n3\n0\n" || !strings.Contains(errs, "The AllowList can't have more than 200 entries or 8192 bytes.") {
		t.Errorf("output %q, errors %q", out, errs)
	}
}
