package domains_test

import (
	"fmt"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// Every Set-RemoteDomain parameter changes the property of its name (or,
// for the flags that read inverted, the property it names) and nothing
// else of the shown settings.
func TestSetRemoteDomainParameters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ param, value, property, want string }{
		{"AutoForwardEnabled", "$false", "AutoForwardEnabled", "False"},
		{"AutoReplyEnabled", "$false", "AutoReplyEnabled", "False"},
		{"DeliveryReportEnabled", "$false", "DeliveryReportEnabled", "False"},
		{"NDREnabled", "$false", "NDREnabled", "False"},
		{"MeetingForwardNotificationEnabled", "$true", "MeetingForwardNotificationEnabled", "True"},
		{"UseSimpleDisplayName", "$true", "UseSimpleDisplayName", "True"},
		{"NDRDiagnosticInfoEnabled", "$false", "NDRDiagnosticInfoEnabled", "False"},
		{"TargetDeliveryDomain", "$true", "TargetDeliveryDomain", "True"},
		{"IsInternal", "$true", "IsInternal", "True"},
		{"AllowedOOFType", "None", "AllowedOOFType", "None"},
		{"AllowedOOFType", "externallegacy", "AllowedOOFType", "ExternalLegacy"},
		{"ByteEncoderTypeFor7BitCharsets", "UseBase64", "ByteEncoderTypeFor7BitCharsets", "UseBase64"},
		{"CharacterSet", "windows-1252", "CharacterSet", "windows-1252"},
		{"NonMimeCharacterSet", "KOI8-R", "NonMimeCharacterSet", "koi8-r"},
		{"ContentType", "MimeHtml", "ContentType", "MimeHtml"},
		{"DisplaySenderName", "$false", "DisplaySenderName", "False"},
		{"PreferredInternetCodePageForShiftJis", "50220", "PreferredInternetCodePageForShiftJis", "Iso2022Jp"},
		{"RequiredCharsetCoverage", "0", "RequiredCharsetCoverage", "0"},
		{"TNEFEnabled", "$false", "TNEFEnabled", "False"},
		{"LineWrapSize", "132", "LineWrapSize", "132"},
		{"TrustedMailInboundEnabled", "$true", "TrustedMailInboundEnabled", "True"},
		{"TrustedMailOutboundEnabled", "$true", "TrustedMailOutboundEnabled", "True"},
		{"Name", "'Contoso Ltd'", "Name", "Contoso Ltd"},
	} {
		t.Run(tc.param+"="+tc.value, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			script := fmt.Sprintf(`$null = New-RemoteDomain Contoso -DomainName contoso.com
$before = Get-RemoteDomain Contoso
Set-RemoteDomain Contoso -%s %s
$after = Get-RemoteDomain '%s'
$after.%s
foreach ($p in $before.PSObject.Properties) {
	if ($p.Name -notin '%s', 'WhenChanged', 'WhenChangedUTC', 'Name', 'Identity', 'Id', 'DistinguishedName' -and "$($p.Value)" -ne "$($after.($p.Name))") { "also changed: $($p.Name)" }
}`, tc.param, tc.value, map[bool]string{true: tc.want, false: "Contoso"}[tc.param == "Name"], tc.property, tc.property)
			out, errs := s.Run(script)
			if errs != "" || out != tc.want+"\n" {
				t.Errorf("output %q, errors %q; want %q", out, errs, tc.want+"\n")
			}
		})
	}
}
