package antispam_test

import (
	"fmt"
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

// Every Set-QuarantinePolicy parameter changes the property of its name
// and nothing else of the shown settings (on the built-in policy that
// can be changed).
func TestSetQuarantineParameters(t *testing.T) {
	t.Parallel()
	setCase(t, "QuarantinePolicy", "NotificationEnabledPolicy", "EndUserQuarantinePermissionsValue", "1", "1", "EndUserQuarantinePermissions")
	for _, tc := range []struct{ param, value, want string }{
		{"AdminNotificationFrequencyInDays", "7", "7"},
		{"AdminNotificationLanguage", "french", "French"},
		{"AdminNotificationsEnabled", "$true", "True"},
		{"AdminQuarantinePermissionsList", "a,b", "a b"},
		{"CustomDisclaimer", "'Contact the help desk.'", "Contact the help desk."},
		{"EndUserSpamNotificationCustomFromAddress", "quarantine@contoso.com", "quarantine@contoso.com"},
		{"EndUserSpamNotificationFrequency", "7.00:00:00", "7.00:00:00"},
		{"EndUserSpamNotificationFrequencyInDays", "1", "1"},
		{"EndUserSpamNotificationLanguage", "German", "German"},
		{"EsnCustomSubject", "'Quarantined','En quarantaine'", "Quarantined En quarantaine"},
		{"ESNEnabled", "$false", "False"},
		{"IncludeMessagesFromBlockedSenderAddress", "$true", "True"},
		{"MultiLanguageCustomDisclaimer", "x,y", "x y"},
		{"MultiLanguageSenderName", "Contoso", "Contoso"},
		{"MultiLanguageSetting", "english,FRENCH,persian,odia", "English French Persian Odia"},
		{"OrganizationBrandingEnabled", "$true", "True"},
		{"QuarantineRetentionDays", "15", "15"},
	} {
		setCase(t, "QuarantinePolicy", "NotificationEnabledPolicy", tc.param, tc.value, tc.want)
	}
}

// Values Exchange refuses end the call with its error, and the policy
// stays as it was.
func TestSetQuarantineRefusals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ identity, args, want string }{
		{"NotificationEnabledPolicy", "-EndUserQuarantinePermissionsValue 256", "The property, (256), is out of range. The valid range is from 0 to 255."},
		{"NotificationEnabledPolicy", "-EndUserQuarantinePermissionsValue 12", "PermissionToRelease and PermissionToRequestRelease can't both be granted."},
		{"NotificationEnabledPolicy", "-EndUserSpamNotificationFrequency 02:00:00", "The value 02:00:00 isn't valid for EndUserSpamNotificationFrequency."},
		{"NotificationEnabledPolicy", "-MultiLanguageSetting Klingon", `Cannot convert value "Klingon" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.EsnLanguage"`},
		{"NotificationEnabledPolicy", "-EndUserSpamNotificationCustomFromAddress quarantine", "The address 'quarantine' is not a valid SMTP address."},
		{"NotificationEnabledPolicy", "-QuarantineRetentionDays 31", "The property, (31), is out of range. The valid range is from 1 to 30."},
		{"DefaultFullAccessPolicy", "-ESNEnabled $true", `The built-in quarantine policy "DefaultFullAccessPolicy" can't be modified.`},
		{"AdminOnlyAccessPolicy", "-EndUserQuarantinePermissionsValue 1", `The built-in quarantine policy "AdminOnlyAccessPolicy" can't be modified.`},
	} {
		refusalCase(t, "QuarantinePolicy", tc.identity, tc.args, tc.want)
	}
}

// A permissions object grants what New-QuarantinePermissions names and
// Set-QuarantinePermissions changes, and a quarantine policy takes it as
// the EndUserQuarantinePermissionsValue of those permissions.
func TestQuarantinePermissionsObjects(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, script string
		want         string
	}{
		{"none", "$perms = New-QuarantinePermissions", "0"},
		{"limited access", "$perms = New-QuarantinePermissions -PermissionToAllowSender $true -PermissionToDelete $true -PermissionToPreview $true -PermissionToRequestRelease $true", "43"},
		{"full access", "$perms = New-QuarantinePermissions -PermissionToAllowSender $true -PermissionToDelete $true -PermissionToPreview $true -PermissionToRelease $true", "39"},
		{"positional", "$perms = New-QuarantinePermissions $false $true $false $true", "80"},
		{"all but a release", "$perms = New-QuarantinePermissions $true $true $true $true $true $true $false $true", "247"},
		{"changed in place", "$perms = New-QuarantinePermissions -PermissionToDelete $true; Set-QuarantinePermissions -QuarantinePermissionsObject $perms -PermissionToDelete $false -PermissionToViewHeader $true", "128"},
		{"unnamed permissions stay", "$perms = New-QuarantinePermissions -PermissionToPreview $true; Set-QuarantinePermissions -QuarantinePermissionsObject $perms -PermissionToBlockSender $true", "18"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := sessiontest.New(t, registry.Options{})
			out, errs := s.Run(fmt.Sprintf("%s\n(New-QuarantinePolicy Tested -EndUserQuarantinePermissions $perms).EndUserQuarantinePermissionsValue", tc.script))
			if errs != "" || out != tc.want+"\n" {
				t.Errorf("output %q, errors %q; want %s", out, errs, tc.want)
			}
		})
	}
}
