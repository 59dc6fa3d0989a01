package holds_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

func TestRetentionAndOrganization(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "default policy", Script: "(Get-RetentionPolicy).Name", Out: "Default MRM Policy\n"},
		{Name: "policy tags", Script: "(Get-RetentionPolicyTag | Measure-Object).Count -gt 0", Out: "True\n"},
		{Name: "unknown tag link", Script: "Set-RetentionPolicy 'Default MRM Policy' -RetentionPolicyTagLinks @{Add='Nope'}", Err: "object 'Nope' couldn't be found"},
		{Name: "organization", Script: "(Get-OrganizationConfig).Name", Out: "contoso.onmicrosoft.com\n"},
		{Name: "organization setting", Script: "Set-OrganizationConfig -ElcProcessingDisabled $true; (Get-OrganizationConfig).ElcProcessingDisabled", Out: "True\n"},
	})
}

func TestManagedFolderAssistantAndHolds(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "runs on a mailbox", Script: "Start-ManagedFolderAssistant annb; 'ran'", Out: "ran\n"},
		{Name: "from the pipeline", Script: "Get-Mailbox -ResultSize 2 -WarningAction SilentlyContinue | Start-ManagedFolderAssistant; 'ran'", Out: "ran\n"},
		{Name: "not found", Script: "Start-ManagedFolderAssistant nosuch", Err: "object 'nosuch' couldn't be found"},
		{Name: "litigation hold", Script: "Set-Mailbox annb -LitigationHoldEnabled $true; (Get-Mailbox annb).LitigationHoldEnabled", Out: "True\n"},
	})
}
