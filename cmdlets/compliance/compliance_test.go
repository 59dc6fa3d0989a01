package compliance_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

func TestCasesAndCaseHolds(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "new case is active", Script: "$null = New-ComplianceCase -Name 'Case A'; (Get-ComplianceCase 'Case A').Status", Out: "Active\n"},
		{Name: "duplicate case", Script: "$null = New-ComplianceCase -Name 'Case A'; New-ComplianceCase -Name 'Case A'", Err: `A case with the name "Case A" already exists.`},
		{Name: "case not found", Script: "Get-ComplianceCase nosuch", Err: "The operation couldn't be performed because object 'nosuch' couldn't be found"},
		{Name: "hold policy and rule", Script: "$null = New-ComplianceCase -Name C; (New-CaseHoldPolicy -Name H -Case C -ExchangeLocation annb).Name; (New-CaseHoldRule -Name R -Policy H).Name",
			Out: "H\nR\n"},
		{Name: "hold needs its case", Script: "New-CaseHoldPolicy -Name H -Case nosuch -ExchangeLocation annb", Err: "nosuch"},
		{Name: "removed case", Script: "$null = New-ComplianceCase -Name Gone; Remove-ComplianceCase Gone -Confirm:$false; (Get-ComplianceCase | Where-Object Name -eq Gone | Measure-Object).Count", Out: "0\n"},
	})
}

func TestRetentionPoliciesAndTags(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "policy and rule", Script: "$null = New-RetentionCompliancePolicy -Name 'Keep all' -ExchangeLocation All; (New-RetentionComplianceRule -Name 'Keep 1y' -Policy 'Keep all' -RetentionDuration 365 -RetentionComplianceAction Keep).RetentionDuration",
			Out: "365\n"},
		{Name: "policy listed", Script: "$before = (Get-RetentionCompliancePolicy).Count; $null = New-RetentionCompliancePolicy -Name P2 -ExchangeLocation All; (Get-RetentionCompliancePolicy).Count - $before", Out: "1\n"},
		{Name: "rule needs its policy", Script: "New-RetentionComplianceRule -Name R -Policy nosuch -RetentionDuration 30", Err: "nosuch"},
		{Name: "tag", Script: "$null = New-ComplianceTag -Name Tag7 -RetentionAction Keep -RetentionDuration 7 -RetentionType CreationAgeInDays; (Get-ComplianceTag Tag7).RetentionDuration", Out: "7\n"},
		{Name: "adaptive scope", Script: "(New-AdaptiveScope -Name Sales -LocationType User -FilterConditions @{Conditions=@(@{Name='Department';Operator='Equals';Value='Sales'}); Conjunction='And'}).Name", Out: "Sales\n"},
	})
}

// Security & Compliance cmdlets need Connect-IPPSSession in a session
// that starts disconnected.
func TestNeedsComplianceConnection(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{RequireConnect: true}, []sessiontest.Case{
		{Name: "disconnected", Script: "Get-ComplianceCase", Err: "The term 'Get-ComplianceCase' is not recognized"},
		{Name: "connected", Script: "Connect-IPPSSession -ShowBanner:$false; (Get-ComplianceCase | Measure-Object).Count -ge 0", Out: "True\n"},
	})
}
