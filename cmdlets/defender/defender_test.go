package defender_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// onlyChanges is a script that sets one parameter of a policy and prints
// the property of its name, then every other shown property that
// changed (the dates aside).
func onlyChanges(get, set, param, value, property string) string {
	return fmt.Sprintf(`$before = %s
%s -%s %s 3>$null
$after = %s
"$($after.%s)"
foreach ($p in $before.PSObject.Properties) {
	if ($p.Name -notin '%s', 'WhenChanged', 'WhenChangedUTC' -and "$($p.Value)" -ne "$($after.($p.Name))") { "also changed: $($p.Name)" }
}`, get, set, param, value, get, property, property)
}

// Every Set-SafeLinksPolicy, Set-SafeAttachmentPolicy and
// Set-AtpPolicyForO365 parameter changes the property of its name and
// nothing else of the shown settings.
func TestSetParameters(t *testing.T) {
	t.Parallel()
	const sl, sa = `Get-SafeLinksPolicy "Built-In Protection Policy"`, `Get-SafeAttachmentPolicy "Built-In Protection Policy"`
	for _, tc := range []struct{ get, set, param, value, property, want string }{
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "AdminDisplayName", "'Everyone else'", "AdminDisplayName", "Everyone else"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "AllowClickThrough", "$true", "AllowClickThrough", "True"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "CustomNotificationText", "'Careful'", "CustomNotificationText", "Careful"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "DeliverMessageAfterScan", "$false", "DeliverMessageAfterScan", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "DisableUrlRewrite", "$true", "DisableUrlRewrite", "True"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "DoNotRewriteUrls", "'*.fabrikam.com/*','contoso.com'", "DoNotRewriteUrls", "*.fabrikam.com/* contoso.com"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "EnableForInternalSenders", "$false", "EnableForInternalSenders", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "EnableOrganizationBranding", "$true", "EnableOrganizationBranding", "True"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "EnableSafeLinksForEmail", "$false", "EnableSafeLinksForEmail", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "EnableSafeLinksForOffice", "$false", "EnableSafeLinksForOffice", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "EnableSafeLinksForTeams", "$false", "EnableSafeLinksForTeams", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "LocalizedNotificationTextList", "@{de='Achtung'}", "LocalizedNotificationTextList", "[de, Achtung]"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "ScanUrls", "$false", "ScanUrls", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "TrackClicks", "$false", "TrackClicks", "False"},
		{sl, "Set-SafeLinksPolicy 'Built-In Protection Policy'", "UseTranslatedNotificationText", "$true", "UseTranslatedNotificationText", "True"},
		{sa, "Set-SafeAttachmentPolicy 'Built-In Protection Policy'", "Action", "allow", "Action", "Allow"},
		{sa, "Set-SafeAttachmentPolicy 'Built-In Protection Policy'", "AdminDisplayName", "'Everyone else'", "AdminDisplayName", "Everyone else"},
		{sa, "Set-SafeAttachmentPolicy 'Built-In Protection Policy'", "Enable", "$false", "Enable", "False"},
		{sa, "Set-SafeAttachmentPolicy 'Built-In Protection Policy'", "QuarantineTag", "DefaultFullAccessPolicy", "QuarantineTag", "DefaultFullAccessPolicy"},
		{sa, "Set-SafeAttachmentPolicy 'Built-In Protection Policy'", "Redirect", "$true", "Redirect", "True"},
		{sa, "Set-SafeAttachmentPolicy 'Built-In Protection Policy'", "RedirectAddress", "soc@contoso.com", "RedirectAddress", "soc@contoso.com"},
		{"Get-AtpPolicyForO365", "Set-AtpPolicyForO365", "AllowSafeDocsOpen", "$true", "AllowSafeDocsOpen", "True"},
		{"Get-AtpPolicyForO365", "Set-AtpPolicyForO365", "EnableATPForSPOTeamsODB", "$true", "EnableATPForSPOTeamsODB", "True"},
		{"Get-AtpPolicyForO365", "Set-AtpPolicyForO365", "EnableSafeDocs", "$true", "EnableSafeDocs", "True"},
	} {
		t.Run(strings.Fields(tc.set)[0]+"/"+tc.param, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			out, errs := s.Run(onlyChanges(tc.get, tc.set, tc.param, tc.value, tc.property))
			if errs != "" || out != tc.want+"\n" {
				t.Errorf("output %q, errors %q; want %q", out, errs, tc.want+"\n")
			}
		})
	}
}

// Values Exchange refuses end the call with its error, and the policy
// stays as it was.
func TestSetRefusals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ get, set, want string }{
		{"Get-SafeLinksPolicy", "Set-SafeLinksPolicy 'Built-In Protection Policy' -AdminDisplayName ('x' * 257)", "The maximum length is 256 and the length of the value provided is 257."},
		{"Get-SafeLinksPolicy", "Set-SafeLinksPolicy 'Built-In Protection Policy' -CustomNotificationText ('x' * 256)", "The maximum length is 255 and the length of the value provided is 256."},
		{"Get-SafeLinksPolicy", "Set-SafeLinksPolicy 'Built-In Protection Policy' -LocalizedNotificationTextList 'en'", `Cannot convert the "en" value of type "System.String" to type "System.Collections.Hashtable".`},
		{"Get-SafeLinksPolicy", "Set-SafeLinksPolicy 'Built-In Protection Policy' -DoNotRewriteUrls (1..1001 | ForEach-Object { \"site$_.example\" })", "The DoNotRewriteUrls list can't have more than 1000 entries."},
		{"Get-SafeLinksPolicy", "Set-SafeLinksPolicy Nope -TrackClicks $false", "The operation couldn't be performed because object 'Nope' couldn't be found"},
		{"Get-SafeAttachmentPolicy", "Set-SafeAttachmentPolicy 'Built-In Protection Policy' -Action Quarantine", `Cannot convert value "Quarantine" to type "Microsoft.Exchange.Data.Directory.Management.SafeAttachmentAction"`},
		{"Get-SafeAttachmentPolicy", "Set-SafeAttachmentPolicy 'Built-In Protection Policy' -RedirectAddress fabrikam.com", "The address 'fabrikam.com' is not a valid SMTP address."},
		{"Get-SafeAttachmentPolicy", "Set-SafeAttachmentPolicy 'Built-In Protection Policy' -QuarantineTag NoSuchPolicy", `Couldn't find object "NoSuchPolicy".`},
		{"Get-SafeAttachmentPolicy", "Remove-SafeAttachmentPolicy 'Built-In Protection Policy' -Confirm:$false", "The built-in protection policy cannot be removed."},
	} {
		t.Run(tc.set, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			out, errs := s.Run(fmt.Sprintf(`$before = %s | Format-List | Out-String
%s
$after = %s | Format-List | Out-String
$before -eq $after`, tc.get, tc.set, tc.get))
			if out != "True\n" || !strings.Contains(errs, tc.want) {
				t.Errorf("output %q, errors %q; want True and %q", out, errs, tc.want)
			}
		})
	}
}

// A rule of each family words its conditions, policies and exceptions;
// the preset rule needs none.
func TestRuleDescriptions(t *testing.T) {
	t.Parallel()
	s := sessiontest.New(t, registry.Options{})
	out, errs := s.Run(`New-SafeAttachmentPolicy Research -Enable $true | Out-Null
(New-SafeAttachmentRule Research -SafeAttachmentPolicy Research -SentTo annb -ExceptIfRecipientDomainIs fabrikam.com).Description
New-SafeLinksPolicy P1 | Out-Null
(New-ATPProtectionPolicyRule Strict -SafeAttachmentPolicy Research -SafeLinksPolicy P1 -Priority 0).Description`)
	want := "If the message:\n\tIs sent to 'annb@contoso.com'\nTake the following actions:\n\tApply safe attachment policy \"Research\".\n" +
		"Except if the message:\n\trecipients's address domain portion belongs to any of these domains: 'fabrikam.com'\n\n" +
		"Take the following actions:\n\tApply safe attachment policy \"Research\".\n\tand Apply safe links policy \"P1\".\n\n"
	if errs != "" || out != want {
		t.Errorf("output %q, errors %q; want %q", out, errs, want)
	}
}
