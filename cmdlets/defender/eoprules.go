package defender

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/policyrules"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
)

// eopRules is the family of the Standard and Strict preset security
// policies' rules for Exchange Online Protection
// (*-EOPProtectionPolicyRule): each applies a spam filter, an
// anti-phishing and an anti-malware policy, to everyone when it names no
// recipient.
var eopRules = policyrules.Spec{
	Noun: "EOPProtectionPolicyRule", Words: "EOP protection policy rule",
	PolicyParams: []string{defender.HostedContentFilterPolicyParam, defender.AntiPhishPolicyParam, defender.MalwareFilterPolicyParam},
	PolicyWords:  []string{"hosted content filter policy", "antiphish policy", "malware filter policy"},
	Type:         TypeEOPRule, BaseTypes: []string{ruleBase},
	Container: "CN=EOPProtectionPolicyVersioned,CN=Rules,CN=Transport Settings",
	Family:    &defender.EOPRules, MaxName: defender.MaxNameLength, MaxComments: defender.MaxCommentsLength,
	Policy: eopRulePolicy,
	Help: [][2]string{
		{"HostedContentFilterPolicy", "The preset's spam filter policy."},
		{"AntiPhishPolicy", "The preset's anti-phishing policy."},
		{"MalwareFilterPolicy", "The preset's anti-malware policy."},
	},
	Synopses: [6]string{
		"Lists the rules of the Standard and Strict preset security policies for Exchange Online Protection (anti-spam, anti-phishing, anti-malware).",
		"Creates the rule of a preset security policy: it applies the preset's spam filter, anti-phishing and anti-malware policies, to everyone when it names no recipient.",
		"Changes the rule of a preset security policy: its conditions, exceptions or priority.",
		"Removes the rule of a preset security policy; its policies stay, applied to no one.",
		"Turns a preset security policy's Exchange Online Protection on.",
		"Turns a preset security policy's Exchange Online Protection off.",
	},
	GetExample: command.Example{Code: "Get-EOPProtectionPolicyRule | Format-Table Name,State,Priority,HostedContentFilterPolicy", Remark: "The preset rules and their spam filter policies."},
	NewExample: command.Example{Code: `New-HostedContentFilterPolicy "Standard Preset Security Policy1622650006407" -RecommendedPolicyType Standard | Out-Null; New-AntiPhishPolicy "Standard Preset Security Policy1622650005393" | Out-Null; New-MalwareFilterPolicy "Standard Preset Security Policy1622650007658" | Out-Null; New-EOPProtectionPolicyRule -Name "Standard Preset Security Policy" -AntiPhishPolicy "Standard Preset Security Policy1622650005393" -HostedContentFilterPolicy "Standard Preset Security Policy1622650006407" -MalwareFilterPolicy "Standard Preset Security Policy1622650007658" -Priority 0`,
		Remark: "Creates the Standard preset's policies and its rule, which applies them to everyone."},
}

func eopRuleCommands() []*command.Command { return eopRules.Commands() }

// named is a policy as an identity names it: its name and GUID.
type named struct{ name, guid string }

// namedPolicies lists the policies of a kind as names and GUIDs.
func namedPolicies[P any](tx *store.Tx, list func(*store.Tx) ([]P, error), keys func(P) named) ([]named, error) {
	all, err := list(tx)
	if err != nil {
		return nil, err
	}
	out := make([]named, len(all))
	for i, p := range all {
		out[i] = keys(p)
	}
	return out, nil
}

// eopRulePolicy names the spam filter, anti-phishing or anti-malware
// policy a preset rule applies: by name or GUID.
func eopRulePolicy(ctx *command.Context, tx *store.Tx, _ *directory.Organization, param, id string) (string, *object.ErrorRecord, error) {
	var all []named
	var err error
	switch param {
	case defender.HostedContentFilterPolicyParam:
		all, err = namedPolicies(tx, as.List, func(p *as.Policy) named { return named{p.Name, p.Guid} })
	case defender.AntiPhishPolicyParam:
		all, err = namedPolicies(tx, as.ListAntiPhish, func(p *as.AntiPhish) named { return named{p.Name, p.Guid} })
	default:
		all, err = namedPolicies(tx, as.ListMalware, func(p *as.Malware) named { return named{p.Name, p.Guid} })
	}
	if err != nil {
		return "", nil, err
	}
	var hits []string
	for _, p := range all {
		if strings.EqualFold(p.name, id) || strings.EqualFold(p.guid, id) {
			hits = append(hits, p.name)
		}
	}
	name, rec := exo.One(ctx, id, hits)
	return name, rec, nil
}
