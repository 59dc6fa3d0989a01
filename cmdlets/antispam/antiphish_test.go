package antispam_test

import "testing"

// Every Set-AntiPhishPolicy parameter changes the property of its name
// and nothing else of the shown settings.
func TestSetAntiPhishParameters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ param, value, want string }{
		{"AdminDisplayName", "'Spoof and impersonation'", "Spoof and impersonation"},
		{"AuthenticationFailAction", "quarantine", "Quarantine"},
		{"DmarcQuarantineAction", "MoveToJmf", "MoveToJmf"},
		{"DmarcRejectAction", "Quarantine", "Quarantine"},
		{"Enabled", "$false", "False"},
		{"EnableFirstContactSafetyTips", "$true", "True"},
		{"EnableMailboxIntelligence", "$false", "False"},
		{"EnableMailboxIntelligenceProtection", "$true", "True"},
		{"EnableOrganizationDomainsProtection", "$true", "True"},
		{"EnableSimilarDomainsSafetyTips", "$true", "True"},
		{"EnableSimilarUsersSafetyTips", "$true", "True"},
		{"EnableSpoofIntelligence", "$false", "False"},
		{"EnableTargetedDomainsProtection", "$true", "True"},
		{"EnableTargetedUserProtection", "$true", "True"},
		{"EnableUnauthenticatedSender", "$false", "False"},
		{"EnableUnusualCharactersSafetyTips", "$true", "True"},
		{"EnableViaTag", "$false", "False"},
		{"ExcludedDomains", "fabrikam.com,northwind.com", "fabrikam.com northwind.com"},
		{"ExcludedSenders", "jane@fabrikam.com", "jane@fabrikam.com"},
		{"HonorDmarcPolicy", "$false", "False"},
		{"ImpersonationProtectionState", "Off", "Off"},
		{"MailboxIntelligenceProtectionAction", "MoveToJmf", "MoveToJmf"},
		{"MailboxIntelligenceProtectionActionRecipients", "soc@contoso.com", "soc@contoso.com"},
		{"MailboxIntelligenceQuarantineTag", "adminonlyaccesspolicy", "AdminOnlyAccessPolicy"},
		{"PhishThresholdLevel", "3", "3"},
		{"PolicyTag", "x", "x"},
		{"SpoofQuarantineTag", "AdminOnlyAccessPolicy", "AdminOnlyAccessPolicy"},
		{"TargetedDomainActionRecipients", "soc@contoso.com", "soc@contoso.com"},
		{"TargetedDomainProtectionAction", "Quarantine", "Quarantine"},
		{"TargetedDomainQuarantineTag", "AdminOnlyAccessPolicy", "AdminOnlyAccessPolicy"},
		{"TargetedDomainsToProtect", "contoso.com", "contoso.com"},
		{"TargetedUserActionRecipients", "soc@contoso.com", "soc@contoso.com"},
		{"TargetedUserProtectionAction", "Redirect", "Redirect"},
		{"TargetedUserQuarantineTag", "AdminOnlyAccessPolicy", "AdminOnlyAccessPolicy"},
		{"TargetedUsersToProtect", "'Ann Beebe; annb@contoso.com','Dan Jump;danj@contoso.com'", "Ann Beebe;annb@contoso.com Dan Jump;danj@contoso.com"},
	} {
		setCase(t, "AntiPhishPolicy", "Office365 AntiPhish Default", tc.param, tc.value, tc.want)
	}
}

// Values Exchange refuses end the call with its error, and the policy
// stays as it was.
func TestSetAntiPhishRefusals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ args, want string }{
		{"-PhishThresholdLevel 0", "The property, (0), is out of range. The valid range is from 1 to 4."},
		{"-AuthenticationFailAction Delete", `Cannot convert value "Delete" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.SpoofAuthenticationFailAction"`},
		{"-TargetedUserProtectionAction Junk", `Cannot convert value "Junk" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.ImpersonationAction"`},
		{"-ImpersonationProtectionState On", `Cannot convert value "On" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.ImpersonationProtectionState"`},
		{"-DmarcRejectAction MoveToJmf", `Cannot convert value "MoveToJmf" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.SpoofDmarcRejectAction"`},
		{"-TargetedUsersToProtect annb@contoso.com", `isn't valid: use the format "DisplayName;EmailAddress".`},
		{"-TargetedUsersToProtect (1..351 | % { \"User $_;user$_@contoso.com\" })", "The number of users to protect can't exceed 350."},
		{"-TargetedDomainsToProtect 'not a domain'", `"not a domain" isn't a valid SMTP domain.`},
		{"-ExcludedSenders fabrikam.com", "The address 'fabrikam.com' is not a valid SMTP address."},
		{"-SpoofQuarantineTag NoSuchPolicy", `Couldn't find object "NoSuchPolicy".`},
		{"-MakeDefault:$false", "This operation is not allowed."},
	} {
		refusalCase(t, "AntiPhishPolicy", "Office365 AntiPhish Default", tc.args, tc.want)
	}
}
