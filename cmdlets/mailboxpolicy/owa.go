package mailboxpolicy

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// TypeOwaMailboxPolicy is the output type of Get-OwaMailboxPolicy.
const TypeOwaMailboxPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.OwaMailboxPolicy"

// owa is the Outlook on the web mailbox policies as their cmdlets see
// them. The refusal to remove a policy mailboxes follow is the service's;
// that of the default one is worded after it.
var owa = &family[mp.Policy, *mp.Policy]{
	kind: kind{container: exo.OwaPoliciesContainer,
		removeDefault: "Couldn't delete the default mailbox policy. Make another policy the default policy (Set-OwaMailboxPolicy -IsDefault) first.",
		inUse:         "Couldn't delete mailbox policy %s because it is associated with users"},
	policies: func() *mp.Family[mp.Policy, *mp.Policy] { return mp.OwaPolicies },
	table:    &mp.OwaSettings,
	typ:      TypeOwaMailboxPolicy, version: "0.10 (14.0.100.0)", category: "ms-Exch-OWA-Mailbox-Policy", class: "msExchOWAMailboxPolicy",
	noun:          "Outlook on the web mailbox policy",
	switchDefault: true,
	extra:         disableFacebook,
}

// disableFacebook applies Set-OwaMailboxPolicy -DisableFacebook:
// FacebookEnabled is its opposite.
func disableFacebook(ctx *command.Context, p *mp.Policy) {
	if ctx.Has("DisableFacebook") {
		p.SetValue(mp.OwaSetting("FacebookEnabled"), boolText(!ctx.Switch("DisableFacebook")))
	}
}

// owaParams are the parameters of Set-OwaMailboxPolicy that are not
// settings of the table.
var owaParams = [...]string{"Identity", "Name", "IsDefault", "DisableFacebook", "Confirm", "WhatIf"}

func owaCommands() []*command.Command {
	get := exo.Declared("Get-OwaMailboxPolicy")
	get.Synopsis = "Lists the Outlook on the web mailbox policies: which features of Outlook on the web their mailboxes have."
	get.OutputType = TypeOwaMailboxPolicy
	get.Examples = []command.Example{
		{Code: "Get-OwaMailboxPolicy", Remark: "Lists the policies; OwaMailboxPolicy-Default is every organization's."},
		{Code: "Get-OwaMailboxPolicy OwaMailboxPolicy-Default | Format-List AdditionalStorageProvidersAvailable,ConditionalAccessPolicy", Remark: "Shows whether users may attach files from other storage providers."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = owa.get

	set := exo.Declared("Set-OwaMailboxPolicy")
	set.Synopsis = "Changes an Outlook on the web mailbox policy: its features, its name, whether it is the default."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-OwaMailboxPolicy OwaMailboxPolicy-Default -AdditionalStorageProvidersAvailable $false", Remark: "Stops users from attaching files from other storage providers."},
		{Code: "Set-OwaMailboxPolicy OwaMailboxPolicy-Default -AllowedFileTypes @{Add='.csv'}", Remark: "Lets users save or view .csv attachments too."},
	}
	owa.describe(set, map[string]string{
		"Identity":        "The policy: name, distinguished name or GUID.",
		"Name":            "A new, unique name for the policy (at most 64 characters).",
		"IsDefault":       "Makes the policy the default one.",
		"DisableFacebook": "Turns Facebook integration off (-DisableFacebook:$false turns it back on).",
	})
	set.Handler.Process = owa.set

	c := exo.Declared("New-OwaMailboxPolicy")
	c.Synopsis = "Creates an Outlook on the web mailbox policy with Exchange Online's default settings; change them with Set-OwaMailboxPolicy."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "New-OwaMailboxPolicy -Name Contractors", Remark: "A new policy; assign it with Set-CASMailbox -OwaMailboxPolicy Contractors."},
	}
	exo.Describe(c, map[string]string{
		"Name":      "The policy's unique name (at most 64 characters).",
		"IsDefault": "Makes the new policy the default one.",
	})
	c.Handler.Process = owa.create

	r := exo.Declared("Remove-OwaMailboxPolicy")
	r.Synopsis = "Removes an Outlook on the web mailbox policy that is not the default one and that no mailbox follows."
	r.ConfirmImpact = command.ImpactHigh
	r.Examples = []command.Example{
		{Code: "New-OwaMailboxPolicy Contractors | Out-Null; Remove-OwaMailboxPolicy Contractors -Confirm:$false", Remark: "Removes the policy; one mailboxes follow stays until Set-CASMailbox -OwaMailboxPolicy gives them another."},
	}
	exo.Describe(r, map[string]string{
		"Identity": "The policy: name, distinguished name or GUID.",
		"Force":    "Accepted; the removal asks only as -Confirm says.",
	})
	r.Handler.Process = owa.remove
	return []*command.Command{get, set, c, r}
}
