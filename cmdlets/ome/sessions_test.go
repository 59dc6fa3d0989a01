package ome_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/sessiontest"
)

func TestTransportRulesAndIRM(t *testing.T) {
	t.Parallel()
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "new and get rule", Script: "$null = New-TransportRule -Name 'Encrypt out' -SentToScope NotInOrganization -ApplyRightsProtectionTemplate Encrypt; (Get-TransportRule 'Encrypt out').ApplyRightsProtectionTemplate",
			Out: "Encrypt\n"},
		{Name: "rule listed", Script: "$before = (Get-TransportRule | Measure-Object).Count; $null = New-TransportRule -Name R2 -ApplyOME $true; (Get-TransportRule | Measure-Object).Count - $before", Out: "1\n"},
		{Name: "duplicate rule", Script: "$null = New-TransportRule -Name R -ApplyOME $true; New-TransportRule -Name R -ApplyOME $true", Err: "A transport rule with the name 'R' already exists."},
		{Name: "rule not found", Script: "Get-TransportRule nosuch", Err: "object 'nosuch' couldn't be found"},
		{Name: "unmodelled rule parameter", Script: "Get-TransportRule -State Enabled", Err: "The -State parameter of Get-TransportRule is real, but exosim does not simulate it"},
		{Name: "IRM configuration", Script: "(Get-IRMConfiguration).AzureRMSLicensingEnabled", Out: "True\n"},
		{Name: "IRM setting", Script: "Set-IRMConfiguration -SimplifiedClientAccessEnabled $true; (Get-IRMConfiguration).SimplifiedClientAccessEnabled", Out: "True\n"},
		{Name: "IRM test passes", Script: "(Test-IRMConfiguration -Sender admin@contoso.onmicrosoft.com).Results -match 'OVERALL RESULT: PASS'",
			Out: "True\n"},
	})
}

func TestMessageTraceDetail(t *testing.T) {
	t.Parallel()
	first := "$t = Get-MessageTrace | Select-Object -First 1; "
	sessiontest.RunCases(t, registry.Options{}, []sessiontest.Case{
		{Name: "trace id is a Guid", Script: first + "$t.MessageTraceId.GetType().Name", Out: "Guid\n"},
		{Name: "detail starts with Receive", Script: first + "(Get-MessageTraceDetail -MessageTraceId $t.MessageTraceId -RecipientAddress $t.RecipientAddress | Select-Object -First 1).Event",
			Out: "Receive\n"},
		{Name: "V2 detail", Script: "$t = Get-MessageTraceV2 | Select-Object -First 1; (Get-MessageTraceDetailV2 -MessageTraceId $t.MessageTraceId -RecipientAddress $t.RecipientAddress | Select-Object -First 1).Event",
			Out: "Receive\n"},
		{Name: "unknown trace has no detail", Script: "(Get-MessageTraceDetail -MessageTraceId ([guid]::Empty) -RecipientAddress nobody@contoso.com | Measure-Object).Count", Out: "0\n"},
		{Name: "trace id is required", Script: "Get-MessageTraceDetail -MessageTraceId $null -RecipientAddress a@contoso.com", Err: "Cannot bind argument to parameter 'MessageTraceId' because it is null."},
	})
}
