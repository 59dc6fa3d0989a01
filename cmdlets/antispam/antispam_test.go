package antispam_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// Every Set-HostedContentFilterPolicy parameter changes the property of
// its name and nothing else of the shown settings.
func TestSetPolicyParameters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ param, value, want string }{
		{"AddXHeaderValue", "X-Contoso-Spam", "X-Contoso-Spam"},
		{"AdminDisplayName", "'For executives'", "For executives"},
		{"AllowedSenderDomains", "fabrikam.com,northwind.com", "fabrikam.com northwind.com"},
		{"AllowedSenders", "jane@fabrikam.com", "jane@fabrikam.com"},
		{"BlockedSenderDomains", "spam.example", "spam.example"},
		{"BlockedSenders", "bad@spam.example", "bad@spam.example"},
		{"BulkMovesEnabled", "on", "On"},
		{"BulkQuarantineTag", "adminonlyaccesspolicy", "AdminOnlyAccessPolicy"},
		{"BulkSpamAction", "Quarantine", "Quarantine"},
		{"BulkThreshold", "4", "4"},
		{"DownloadLink", "$true", "True"},
		{"EnableEndUserSpamNotifications", "$true", "True"},
		{"EndUserSpamNotificationCustomFromAddress", "quarantine@contoso.com", "quarantine@contoso.com"},
		{"EndUserSpamNotificationCustomFromName", "Quarantine", "Quarantine"},
		{"EndUserSpamNotificationCustomSubject", "'Your quarantine'", "Your quarantine"},
		{"EndUserSpamNotificationFrequency", "1", "1"},
		{"EndUserSpamNotificationLanguage", "French", "French"},
		{"EndUserSpamNotificationLimit", "5", "5"},
		{"HighConfidencePhishAction", "Redirect", "Redirect"},
		{"HighConfidencePhishQuarantineTag", "DefaultFullAccessPolicy", "DefaultFullAccessPolicy"},
		{"HighConfidenceSpamAction", "Quarantine", "Quarantine"},
		{"HighConfidenceSpamQuarantineTag", "AdminOnlyAccessPolicy", "AdminOnlyAccessPolicy"},
		{"IncreaseScoreWithBizOrInfoUrls", "On", "On"},
		{"IncreaseScoreWithImageLinks", "Test", "Test"},
		{"IncreaseScoreWithNumericIps", "On", "On"},
		{"IncreaseScoreWithRedirectToOtherPort", "On", "On"},
		{"InlineSafetyTipsEnabled", "$false", "False"},
		{"IntraOrgFilterState", "Spam", "Spam"},
		{"LanguageBlockList", "ru,zh-tw", "RU ZH-TW"},
		{"MarkAsSpamBulkMail", "Off", "Off"},
		{"MarkAsSpamEmbedTagsInHtml", "On", "On"},
		{"MarkAsSpamEmptyMessages", "Test", "Test"},
		{"MarkAsSpamFormTagsInHtml", "On", "On"},
		{"MarkAsSpamFramesInHtml", "On", "On"},
		{"MarkAsSpamFromAddressAuthFail", "On", "On"},
		{"MarkAsSpamJavaScriptInHtml", "On", "On"},
		{"MarkAsSpamNdrBackscatter", "On", "On"},
		{"MarkAsSpamObjectTagsInHtml", "On", "On"},
		{"MarkAsSpamSensitiveWordList", "On", "On"},
		{"MarkAsSpamSpfRecordHardFail", "On", "On"},
		{"MarkAsSpamWebBugsInHtml", "On", "On"},
		{"ModifySubjectValue", "'[SPAM]'", "[SPAM]"},
		{"PhishQuarantineTag", "AdminOnlyAccessPolicy", "AdminOnlyAccessPolicy"},
		{"PhishSpamAction", "Quarantine", "Quarantine"},
		{"PhishZapEnabled", "$false", "False"},
		{"QuarantineRetentionPeriod", "30", "30"},
		{"RedirectToRecipients", "soc@contoso.com", "soc@contoso.com"},
		{"RegionBlockList", "kp,ir", "KP IR"},
		{"SpamAction", "Delete", "Delete"},
		{"SpamQuarantineTag", "AdminOnlyAccessPolicy", "AdminOnlyAccessPolicy"},
		{"SpamZapEnabled", "$false", "False"},
		{"TestModeAction", "BccMessage", "BccMessage"},
		{"TestModeBccToRecipients", "soc@contoso.com", "soc@contoso.com"},
	} {
		setCase(t, "HostedContentFilterPolicy", "Default", tc.param, tc.value, tc.want)
	}
}

// setCase runs Set-<noun> identity -param value in a new session: the
// property of the parameter's name reads want, and nothing else of the
// shown settings changed but the properties also names (derived from it).
func setCase(t *testing.T, noun, identity, param, value, want string, also ...string) {
	t.Run(param, func(t *testing.T) {
		t.Parallel()
		s := sessiontest.New(t, registry.Options{})
		script := fmt.Sprintf(`$before = Get-%[1]s '%[2]s'
Set-%[1]s '%[2]s' -%[3]s %[4]s 3>$null
$after = Get-%[1]s '%[2]s'
"$($after.%[3]s)"
foreach ($p in $before.PSObject.Properties) {
	if ($p.Name -notin '%[3]s', 'WhenChanged', 'WhenChangedUTC'%[5]s -and "$($p.Value)" -ne "$($after.($p.Name))") { "also changed: $($p.Name)" }
}`, noun, identity, param, value, quotedList(also))
		out, errs := s.Run(script)
		if errs != "" || out != want+"\n" {
			t.Errorf("output %q, errors %q; want %q", out, errs, want+"\n")
		}
	})
}

// quotedList is names as the rest of a PowerShell list: ", 'a', 'b'".
func quotedList(names []string) string {
	out := ""
	for _, n := range names {
		out += ", '" + n + "'"
	}
	return out
}

// refusalCase runs Set-<noun> identity args in a new session: the call
// ends with an error saying want, and the object stays as it was.
func refusalCase(t *testing.T, noun, identity, args, want string) {
	t.Run(args, func(t *testing.T) {
		t.Parallel()
		s := sessiontest.New(t, registry.Options{})
		out, errs := s.Run(fmt.Sprintf(`$before = Get-%[1]s '%[2]s' | Format-List | Out-String
Set-%[1]s '%[2]s' %[3]s
$after = Get-%[1]s '%[2]s' | Format-List | Out-String
$before -eq $after`, noun, identity, args))
		if out != "True\n" || !strings.Contains(errs, want) {
			t.Errorf("output %q, errors %q; want True and %q", out, errs, want)
		}
	})
}

// Values Exchange refuses end the call with its error, and the policy
// stays as it was.
func TestSetPolicyRefusals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ args, want string }{
		{"-BulkThreshold 0", "The property, (0), is out of range. The valid range is from 1 to 9."},
		{"-QuarantineRetentionPeriod 31", "The property, (31), is out of range. The valid range is from 1 to 30."},
		{"-EndUserSpamNotificationFrequency 16", "The property, (16), is out of range. The valid range is from 1 to 15."},
		{"-SpamAction Junk", `Cannot convert value "Junk" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.SpamFilteringAction"`},
		{"-MarkAsSpamBulkMail Maybe", `Cannot convert value "Maybe" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.SpamFilteringOption"`},
		{"-MarkAsSpamSpfRecordHardFail Test", "This option cannot be set to test mode."},
		{"-HighConfidencePhishAction Delete", "The value Delete isn't valid for HighConfidencePhishAction. Valid values are: Redirect, Quarantine."},
		{"-AllowedSenderDomains 'not a domain'", `"not a domain" isn't a valid SMTP domain.`},
		{"-BlockedSenders fabrikam.com", "The address 'fabrikam.com' is not a valid SMTP address."},
		{"-RegionBlockList XX", `"XX" is not a valid ISO 3166-1 region code.`},
		{"-EnableLanguageBlockList $true", "In order to enable language blocking the LanguageBlockList value has to be set."},
		{"-SpamQuarantineTag NoSuchPolicy", `Couldn't find object "NoSuchPolicy".`},
		{"-AdminDisplayName ('x' * 257)", "The maximum length is 256 and the length of the value provided is 257."},
		{"-MakeDefault:$false", "This operation is not allowed."},
	} {
		refusalCase(t, "HostedContentFilterPolicy", "Default", tc.args, tc.want)
	}
}

// Every Set-HostedContentFilterRule parameter changes the property of
// its name (recipients and groups by primary SMTP address) and nothing
// else but the description, conditions and exceptions it words.
func TestSetRuleParameters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ param, value, property, want string }{
		{"Comments", "'For the sales team'", "Comments", "For the sales team"},
		{"ExceptIfRecipientDomainIs", "fabrikam.com,northwind.com", "ExceptIfRecipientDomainIs", "fabrikam.com northwind.com"},
		{"ExceptIfSentTo", "annb", "ExceptIfSentTo", "annb@contoso.com"},
		{"ExceptIfSentToMemberOf", "'Finance Team'", "ExceptIfSentToMemberOf", "finance@contoso.com"},
		{"HostedContentFilterPolicy", "Other", "HostedContentFilterPolicy", "Other"},
		{"Name", "'Sales recipients'", "Name", "Sales recipients"},
		{"RecipientDomainIs", "fabrikam.com", "RecipientDomainIs", "fabrikam.com"},
		{"SentTo", "annb,ANNB@contoso.com", "SentTo", "annb@contoso.com"},
		{"SentToMemberOf", "finance@contoso.com", "SentToMemberOf", "finance@contoso.com"},
		{"Priority", "0", "Priority", "0"},
	} {
		t.Run(tc.param, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			script := fmt.Sprintf(`$null = New-HostedContentFilterPolicy Sales; $null = New-HostedContentFilterPolicy Other; $null = New-HostedContentFilterPolicy First
$null = New-HostedContentFilterRule First -HostedContentFilterPolicy First -RecipientDomainIs contoso.com
$null = New-HostedContentFilterRule Sales -HostedContentFilterPolicy Sales -SentToMemberOf sales
$before = Get-HostedContentFilterRule Sales
Set-HostedContentFilterRule Sales -%s %s
$after = Get-HostedContentFilterRule | Where-Object HostedContentFilterPolicy -ne First
"$($after.%s)"
foreach ($p in $before.PSObject.Properties) {
	if ($p.Name -notin '%s', 'Description', 'Conditions', 'Exceptions', 'WhenChanged', 'Identity', 'DistinguishedName' -and "$($p.Value)" -ne "$($after.($p.Name))") { "also changed: $($p.Name)" }
}`, tc.param, tc.value, tc.property, tc.property)
			if tc.param == "SentToMemberOf" || tc.param == "Name" {
				script = strings.Replace(script, "'Description'", "'Description', 'SentToMemberOf', 'Name'", 1)
			}
			out, errs := s.Run(script)
			if errs != "" || out != tc.want+"\n" {
				t.Errorf("output %q, errors %q; want %q", out, errs, tc.want+"\n")
			}
		})
	}
}

// A rule's description words its conditions (joined with "and"), its
// action and its exceptions (joined with "or"), each list of values
// quoted and joined with "or".
func TestRuleDescription(t *testing.T) {
	t.Parallel()
	s := sessiontest.New(t, registry.Options{})
	out, errs := s.Run(`$null = New-HostedContentFilterPolicy P
(New-HostedContentFilterRule R -HostedContentFilterPolicy P -RecipientDomainIs contoso.com,fabrikam.com -SentTo annb -ExceptIfSentToMemberOf sales -ExceptIfRecipientDomainIs northwind.com).Description -replace "` + "`" + `r", '<CR>'`)
	want := strings.ReplaceAll("If the message:\r\n"+
		"\tIs sent to 'annb@contoso.com'\r\n"+
		"\tand recipients's address domain portion belongs to any of these domains: 'contoso.com' or 'fabrikam.com'\r\n"+
		"Take the following actions:\r\n"+
		"\tApply hosted content filter policy \"P\".\r\n"+
		"Except if the message:\r\n"+
		"\tIs sent to a member of group 'sales@contoso.com'\r\n"+
		"\tor recipients's address domain portion belongs to any of these domains: 'northwind.com'\r\n", "\r", "<CR>") + "\n"
	if errs != "" || out != want {
		t.Errorf("description %q, errors %q; want %q", out, errs, want)
	}
}

// The outbound spam and connection filter policies take each parameter
// into the property of its name.
func TestSetSingletonParameters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ cmdlet, param, value, want string }{
		{"HostedOutboundSpamFilterPolicy", "ActionWhenThresholdReached", "blockuser", "BlockUser"},
		{"HostedOutboundSpamFilterPolicy", "AdminDisplayName", "Outbound", "Outbound"},
		{"HostedOutboundSpamFilterPolicy", "AutoForwardingMode", "Off", "Off"},
		{"HostedOutboundSpamFilterPolicy", "BccSuspiciousOutboundAdditionalRecipients", "soc@contoso.com", "soc@contoso.com"},
		{"HostedOutboundSpamFilterPolicy", "BccSuspiciousOutboundMail", "$true", "True"},
		{"HostedOutboundSpamFilterPolicy", "NotifyOutboundSpam", "$true", "True"},
		{"HostedOutboundSpamFilterPolicy", "NotifyOutboundSpamRecipients", "soc@contoso.com,admin@contoso.com", "soc@contoso.com admin@contoso.com"},
		{"HostedOutboundSpamFilterPolicy", "RecipientLimitExternalPerHour", "500", "500"},
		{"HostedOutboundSpamFilterPolicy", "RecipientLimitInternalPerHour", "1000", "1000"},
		{"HostedOutboundSpamFilterPolicy", "RecipientLimitPerDay", "10000", "10000"},
		{"HostedConnectionFilterPolicy", "AdminDisplayName", "Connections", "Connections"},
		{"HostedConnectionFilterPolicy", "EnableSafeList", "$true", "True"},
		{"HostedConnectionFilterPolicy", "IPAllowList", "192.0.2.1,192.0.2.0/24", "192.0.2.1 192.0.2.0/24"},
		{"HostedConnectionFilterPolicy", "IPBlockList", "'198.51.100.1 - 198.51.100.9'", "198.51.100.1-198.51.100.9"},
	} {
		t.Run(tc.cmdlet+"/"+tc.param, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			out, errs := s.Run(fmt.Sprintf(`$before = Get-%s
Set-%s Default -%s %s
$after = Get-%s
"$($after.%s)"
foreach ($p in $before.PSObject.Properties) {
	if ($p.Name -notin '%s', 'WhenChanged', 'WhenChangedUTC' -and "$($p.Value)" -ne "$($after.($p.Name))") { "also changed: $($p.Name)" }
}`, tc.cmdlet, tc.cmdlet, tc.param, tc.value, tc.cmdlet, tc.param, tc.param))
			if errs != "" || out != tc.want+"\n" {
				t.Errorf("output %q, errors %q; want %q", out, errs, tc.want+"\n")
			}
		})
	}
}
