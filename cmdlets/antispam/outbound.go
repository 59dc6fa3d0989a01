package antispam

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/policyrules"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// TypeOutboundRule is the output type of Get-HostedOutboundSpamFilterRule.
const TypeOutboundRule = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.HostedOutboundSpamFilterRule"

// outbound are the outbound spam filter policies.
func outbound() *policyFamily[as.Outbound, *as.Outbound] {
	return &policyFamily[as.Outbound, *as.Outbound]{set: as.OutboundPolicies, words: "outbound spam filter policy",
		container: "CN=Outbound Spam Filter,CN=Transport Settings", category: "ms-Exch-Hygiene-Configuration", class: "msExchHygieneConfiguration",
		removeDefault: "The default outbound spam filter policy cannot be removed.", fresh: as.NewOutbound, show: outboundObject,
		read: readOutbound}
}

// outboundHelp describes the parameters of the outbound spam filter
// policy cmdlets.
func outboundHelp() map[string]string {
	return map[string]string{
		"Identity":                   "The policy: its name (Default is the built-in one), distinguished name or GUID.",
		"Name":                       "A unique name for the policy (up to 64 characters).",
		"ActionWhenThresholdReached": "What happens when a user reaches a limit: BlockUserForToday (default), BlockUser or Alert.",
		"AdminDisplayName":           "A description of the policy.",
		"AutoForwardingMode":         "Automatic forwarding to external recipients: Automatic (default), On or Off.",
		"BccSuspiciousOutboundAdditionalRecipients": "Addresses copied on outgoing spam when BccSuspiciousOutboundMail is $true.",
		"BccSuspiciousOutboundMail":                 "Whether outgoing spam is copied to BccSuspiciousOutboundAdditionalRecipients.",
		"Force":                                     "Removes the policy without asking.",
		"NotifyOutboundSpam":                        "Whether the NotifyOutboundSpamRecipients are told of outgoing spam (an alert policy does it now).",
		"NotifyOutboundSpamRecipients":              "Addresses told of outgoing spam.",
		"RecipientLimitExternalPerHour":             "External recipients a user may send to in an hour (0 to 10000; 0, the default, is the service's limit).",
		"RecipientLimitInternalPerHour":             "Internal recipients a user may send to in an hour (0 to 10000; 0 is the service's limit).",
		"RecipientLimitPerDay":                      "Recipients a user may send to in a day (0 to 10000; 0 is the service's limit).",
		"RecommendedPolicyType":                     "Used by the preset security policies: Custom (default), Standard or Strict.",
	}
}

func outboundCommands() []*command.Command {
	help := outboundHelp()
	f := outbound()
	get := exo.Declared("Get-HostedOutboundSpamFilterPolicy")
	get.Synopsis = "Lists the outbound spam filter policies: sending limits, what happens when a user reaches them, automatic forwarding to external recipients."
	get.OutputType = TypeOutbound
	get.Examples = []command.Example{{Code: "Get-HostedOutboundSpamFilterPolicy | Format-List Name,AutoForwardingMode,RecipientLimit*,ActionWhenThresholdReached",
		Remark: "Whether users may forward mail outside automatically, and their sending limits."}}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = f.get

	nw := exo.Declared("New-HostedOutboundSpamFilterPolicy")
	nw.Synopsis = "Creates an outbound spam filter policy; a rule (New-HostedOutboundSpamFilterRule) applies it to senders."
	nw.OutputType = TypeOutbound
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-HostedOutboundSpamFilterPolicy -Name "Contoso Executives" -RecipientLimitExternalPerHour 400 -RecipientLimitInternalPerHour 800 -RecipientLimitPerDay 800 -ActionWhenThresholdReached Alert`,
		Remark: "Creates a policy with higher sending limits that only alerts."}}
	describeOwn(nw, help)
	nw.Handler.Process = f.create

	set := exo.Declared("Set-HostedOutboundSpamFilterPolicy")
	set.Synopsis = "Changes an outbound spam filter policy, the default one included."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: "Set-HostedOutboundSpamFilterPolicy Default -AutoForwardingMode Off", Remark: "Stops automatic forwarding to external recipients."}}
	describeOwn(set, help)
	set.Handler.Process = f.change

	remove := exo.Declared("Remove-HostedOutboundSpamFilterPolicy")
	remove.Synopsis = "Removes an outbound spam filter policy that is not the default one; a rule that applied it stays."
	describeOwn(remove, help)
	remove.Handler.Process = f.remove
	return []*command.Command{get, nw, set, remove}
}

// readOutbound reads the call's settings of an outbound spam filter
// policy.
func readOutbound(ctx *command.Context) ([]edit[*as.Outbound], error) {
	type p = *as.Outbound
	s := &settings[p]{ctx: ctx}
	s.enum("ActionWhenThresholdReached", "OutboundRecipientLimitsExceededAction", as.ThresholdActions, func(x p, v string) { x.ActionWhenThresholdReached = v })
	s.enum("AutoForwardingMode", "AutoForwardingMode", as.AutoForwardingModes, func(x p, v string) { x.AutoForwardingMode = v })
	s.enum("RecommendedPolicyType", "RecommendedPolicyType", as.RecommendedPolicyTypes, func(x p, v string) { x.RecommendedPolicyType = v })
	s.number("RecipientLimitExternalPerHour", 0, as.MaxRecipientLimit, func(x p) *int { return &x.RecipientLimitExternalPerHour })
	s.number("RecipientLimitInternalPerHour", 0, as.MaxRecipientLimit, func(x p) *int { return &x.RecipientLimitInternalPerHour })
	s.number("RecipientLimitPerDay", 0, as.MaxRecipientLimit, func(x p) *int { return &x.RecipientLimitPerDay })
	s.flag("BccSuspiciousOutboundMail", func(x p) *bool { return &x.BccSuspiciousOutbound })
	s.flag("NotifyOutboundSpam", func(x p) *bool { return &x.NotifyOutboundSpam })
	s.text("AdminDisplayName", as.MaxAdminDisplayNameLength, func(x p) *string { return &x.AdminDisplayName })
	s.list("BccSuspiciousOutboundAdditionalRecipients", "address", func(x p) *[]string { return &x.BccRecipients })
	s.list("NotifyOutboundSpamRecipients", "address", func(x p) *[]string { return &x.NotifyRecipients })
	return s.done()
}

// outboundObject is the Get-HostedOutboundSpamFilterPolicy object of a
// policy.
func outboundObject(o *directory.Organization, p *as.Outbound) *object.PSObject {
	obj := newObject(TypeOutbound)
	recommended := p.RecommendedPolicyType
	if recommended == "" {
		recommended = "Custom"
	}
	obj.AddTyped("AdminDisplayName", tStr, p.AdminDisplayName)
	obj.AddTyped("NotifyOutboundSpamRecipients", exo.TypeMultiValued, exo.MultiValued(p.NotifyRecipients))
	obj.AddTyped("BccSuspiciousOutboundAdditionalRecipients", exo.TypeMultiValued, exo.MultiValued(p.BccRecipients))
	obj.AddTyped("BccSuspiciousOutboundMail", tBool, p.BccSuspiciousOutbound)
	obj.AddTyped("NotifyOutboundSpam", tBool, p.NotifyOutboundSpam)
	obj.AddTyped("RecipientLimitExternalPerHour", "System.UInt32", p.RecipientLimitExternalPerHour)
	obj.AddTyped("RecipientLimitInternalPerHour", "System.UInt32", p.RecipientLimitInternalPerHour)
	obj.AddTyped("RecipientLimitPerDay", "System.UInt32", p.RecipientLimitPerDay)
	obj.AddTyped("ActionWhenThresholdReached", tStr, p.ActionWhenThresholdReached)
	obj.AddTyped("AutoForwardingMode", tStr, p.AutoForwardingMode)
	obj.AddTyped("IsDefault", tBool, *p.Head().IsDefault)
	obj.AddTyped("Enabled", tBool, true)
	obj.AddTyped("RecommendedPolicyType", tStr, recommended)
	outbound().tail(obj, o, p)
	return obj
}

// outboundRules is the family of outbound spam filter rules
// (*-HostedOutboundSpamFilterRule): each names senders.
func outboundRules() *policyrules.Spec {
	return &policyrules.Spec{
		Noun: "HostedOutboundSpamFilterRule", Words: "hosted outbound spam filter rule",
		PolicyParams: []string{"HostedOutboundSpamFilterPolicy"}, PolicyWords: []string{"hosted outbound spam filter policy"},
		Type: TypeOutboundRule, BaseTypes: hygieneRuleBases,
		Container: "CN=HostedOutboundSpamFilterVersioned,CN=Rules,CN=Transport Settings",
		Family:    &as.OutboundRules, MaxName: as.MaxNameLength, MaxComments: as.MaxCommentsLength,
		Policy: func(ctx *command.Context, tx *store.Tx, o *directory.Organization, _, id string) (string, *object.ErrorRecord, error) {
			return outbound().policyName(ctx, tx, o, id)
		},
		Help:     [][2]string{{"HostedOutboundSpamFilterPolicy", "The outbound spam filter policy the rule applies: not the default one, nor one another rule applies."}},
		Synopses: ruleSynopses("an", "outbound spam filter rule", "senders"),
		GetExample: command.Example{Code: "Get-HostedOutboundSpamFilterRule | Format-Table Name,HostedOutboundSpamFilterPolicy,State,Priority",
			Remark: "The outbound spam filter rules and their policies."},
		NewExample: command.Example{Code: `New-HostedOutboundSpamFilterPolicy "Contoso Executives" | Out-Null; New-HostedOutboundSpamFilterRule -Name "Contoso Executives" -HostedOutboundSpamFilterPolicy "Contoso Executives" -SenderDomainIs contoso.com`,
			Remark: "Creates a policy and applies it to senders in contoso.com."},
	}
}
