package mailboxpolicy

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// TypeMobileDeviceMailboxPolicy is the output type of
// Get-MobileDeviceMailboxPolicy.
const TypeMobileDeviceMailboxPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileMailboxPolicy"

// mobile is the mobile device mailbox policies as their cmdlets see them.
var mobile = &family[mp.Policy, *mp.Policy]{
	kind: kind{container: exo.MobilePoliciesContainer,
		removeDefault: "The default mobile device mailbox policy can't be removed. Make another policy the default policy (Set-MobileDeviceMailboxPolicy -IsDefault $true) first.",
		inUse:         "Couldn't delete mailbox policy %s because it is associated with users",
		keepDefault:   "There must be a default mobile device mailbox policy. Make another policy the default policy (Set-MobileDeviceMailboxPolicy -IsDefault $true) instead."},
	policies: func() *mp.Family[mp.Policy, *mp.Policy] { return mp.MobilePolicies },
	table:    &mp.MobileSettings,
	typ:      TypeMobileDeviceMailboxPolicy, version: "0.1 (8.0.535.0)", category: "ms-Exch-Mobile-Mailbox-Policy", class: "msExchMobileMailboxPolicy",
	noun: "mobile device mailbox policy",
}

// mobileParams are the parameters of Set-MobileDeviceMailboxPolicy that
// are not settings of the table.
var mobileParams = [...]string{"Identity", "Name", "IsDefault", "Confirm", "WhatIf"}

func mobileCommands() []*command.Command {
	get := exo.Declared("Get-MobileDeviceMailboxPolicy")
	get.Synopsis = "Lists the mobile device mailbox policies: what mobile devices that synchronize their mailboxes must enforce."
	get.OutputType = TypeMobileDeviceMailboxPolicy
	get.Examples = []command.Example{
		{Code: "Get-MobileDeviceMailboxPolicy | Format-Table Name,IsDefault,PasswordEnabled,AllowNonProvisionableDevices", Remark: "The policies; Default is every organization's."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = mobile.get

	help := map[string]string{
		"Identity":  "The policy: name, distinguished name or GUID.",
		"Name":      "A new, unique name for the policy (at most 64 characters).",
		"IsDefault": "$true makes the policy the default one, which every mailbox without a policy of its own follows.",
	}
	set := exo.Declared("Set-MobileDeviceMailboxPolicy")
	set.Synopsis = "Changes a mobile device mailbox policy: its password, encryption and device rules, its name, whether it is the default."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-MobileDeviceMailboxPolicy Default -PasswordEnabled $true -MinPasswordLength 6 -AllowNonProvisionableDevices $false", Remark: "Devices must have a password of six characters or more, and devices that can't enforce the policy can't synchronize."},
	}
	mobile.describe(set, help)
	set.Handler.Process = mobile.set

	c := exo.Declared("New-MobileDeviceMailboxPolicy")
	c.Synopsis = "Creates a mobile device mailbox policy: Exchange Online's defaults, changed by the settings the call names."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "New-MobileDeviceMailboxPolicy -Name Strict -PasswordEnabled $true -MaxInactivityTimeLock 00:05:00", Remark: "A policy that locks devices after five idle minutes; assign it with Set-CASMailbox -ActiveSyncMailboxPolicy Strict."},
	}
	help["Name"] = "The policy's unique name (at most 64 characters)."
	mobile.describe(c, help)
	c.Handler.Process = mobile.create

	r := exo.Declared("Remove-MobileDeviceMailboxPolicy")
	r.Synopsis = "Removes a mobile device mailbox policy that is not the default one and that no mailbox is assigned."
	r.ConfirmImpact = command.ImpactHigh
	r.Examples = []command.Example{
		{Code: "New-MobileDeviceMailboxPolicy Strict | Out-Null; Remove-MobileDeviceMailboxPolicy Strict -Confirm:$false", Remark: "Removes the policy; one mailboxes are assigned stays until Set-CASMailbox -ActiveSyncMailboxPolicy $null gives them back to the default."},
	}
	exo.Describe(r, map[string]string{
		"Identity": "The policy: name, distinguished name or GUID.",
		"Force":    "Accepted; the removal asks only as -Confirm says.",
	})
	r.Handler.Process = mobile.remove
	return []*command.Command{get, set, c, r}
}
