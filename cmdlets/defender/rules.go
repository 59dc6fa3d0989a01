package defender

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/policyrules"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
)

// The types the rules derive from.
const (
	hygieneRuleBase = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.HygieneFilterRule"
	ruleBase        = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.RulePresentationObjectBase"
)

// safeLinksRules is the family of Safe Links rules (*-SafeLinksRule).
var safeLinksRules = policyrules.Spec{
	Noun: "SafeLinksRule", Words: "safe links rule",
	PolicyParams: []string{defender.SafeLinksPolicyParam}, PolicyWords: []string{"safe links policy"},
	Type: TypeSafeLinksRule, BaseTypes: []string{hygieneRuleBase, ruleBase},
	Container: "CN=SafeLinksVersioned,CN=Rules,CN=Transport Settings",
	Family:    &defender.SafeLinksRules, MaxName: defender.MaxNameLength, MaxComments: defender.MaxCommentsLength,
	Policy: rulePolicy,
	Help:   [][2]string{{"SafeLinksPolicy", "The Safe Links policy the rule applies: one another rule does not apply."}},
	Synopses: [6]string{
		"Lists the Safe Links rules: which policy applies to which recipients, in priority order.",
		"Creates a Safe Links rule: it applies a Safe Links policy to recipients, groups or domains.",
		"Changes a Safe Links rule: its policy, conditions, exceptions, name or priority.",
		"Removes a Safe Links rule; its policy stays, applied to no one.",
		"Turns a Safe Links rule on.",
		"Turns a Safe Links rule off; its policy then applies to no one.",
	},
	GetExample: command.Example{Code: "Get-SafeLinksRule | Format-Table Name,State,Priority,SafeLinksPolicy,Comments", Remark: "The Safe Links rules and their policies."},
	NewExample: command.Example{Code: `New-SafeLinksPolicy "Research Block URL" | Out-Null; New-SafeLinksRule -Name "Research Department URL Rule" -SafeLinksPolicy "Research Block URL" -SentToMemberOf sales`,
		Remark: "Creates a policy and applies it to the members of a group."},
}

// safeAttachmentRules is the family of Safe Attachments rules
// (*-SafeAttachmentRule).
var safeAttachmentRules = policyrules.Spec{
	Noun: "SafeAttachmentRule", Words: "safe attachment rule",
	PolicyParams: []string{defender.SafeAttachmentPolicyParam}, PolicyWords: []string{"safe attachment policy"},
	Type: TypeSafeAttachmentRule, BaseTypes: []string{hygieneRuleBase, ruleBase},
	Container: "CN=SafeAttachmentVersioned,CN=Rules,CN=Transport Settings",
	Family:    &defender.SafeAttachmentRules, MaxName: defender.MaxNameLength, MaxComments: defender.MaxCommentsLength,
	Policy: rulePolicy,
	Help:   [][2]string{{"SafeAttachmentPolicy", "The Safe Attachments policy the rule applies: one another rule does not apply."}},
	Synopses: [6]string{
		"Lists the Safe Attachments rules: which policy applies to which recipients, in priority order.",
		"Creates a Safe Attachments rule: it applies a Safe Attachments policy to recipients, groups or domains.",
		"Changes a Safe Attachments rule: its policy, conditions, exceptions, name or priority.",
		"Removes a Safe Attachments rule; its policy stays, applied to no one.",
		"Turns a Safe Attachments rule on.",
		"Turns a Safe Attachments rule off; its policy then applies to no one.",
	},
	GetExample: command.Example{Code: "Get-SafeAttachmentRule | Format-Table Name,State,Priority,SafeAttachmentPolicy", Remark: "The Safe Attachments rules and their policies."},
	NewExample: command.Example{Code: `New-SafeAttachmentPolicy "Research Block Attachments" -Enable $true | Out-Null; New-SafeAttachmentRule -Name "Research Department Attachment Rule" -SafeAttachmentPolicy "Research Block Attachments" -RecipientDomainIs contoso.com`,
		Remark: "Creates a policy and applies it to the recipients of a domain."},
}

// protectionRules is the family of the Standard and Strict preset
// security policies' rules (*-ATPProtectionPolicyRule): each applies a
// Safe Attachments and a Safe Links policy, to everyone when it names no
// recipient.
var protectionRules = policyrules.Spec{
	Noun: "ATPProtectionPolicyRule", Words: "ATP protection policy rule",
	PolicyParams: []string{defender.SafeAttachmentPolicyParam, defender.SafeLinksPolicyParam},
	PolicyWords:  []string{"safe attachment policy", "safe links policy"},
	Type:         TypeProtectionRule, BaseTypes: []string{ruleBase},
	Container: "CN=ATPProtectionPolicyVersioned,CN=Rules,CN=Transport Settings",
	Family:    &defender.ProtectionRules, MaxName: defender.MaxNameLength, MaxComments: defender.MaxCommentsLength,
	Policy: rulePolicy,
	Help: [][2]string{
		{"SafeAttachmentPolicy", "The preset's Safe Attachments policy."},
		{"SafeLinksPolicy", "The preset's Safe Links policy."},
	},
	Synopses: [6]string{
		"Lists the rules of the Standard and Strict preset security policies for Defender for Office 365 (Safe Links, Safe Attachments).",
		"Creates the rule of a preset security policy: it applies the preset's Safe Attachments and Safe Links policies, to everyone when it names no recipient.",
		"Changes the rule of a preset security policy: its conditions, exceptions or priority.",
		"Removes the rule of a preset security policy; its policies stay, applied to no one.",
		"Turns a preset security policy's Defender protections on.",
		"Turns a preset security policy's Defender protections off.",
	},
	GetExample: command.Example{Code: "Get-ATPProtectionPolicyRule | Format-Table Name,State,Priority,SafeLinksPolicy,SafeAttachmentPolicy", Remark: "The preset rules and their policies."},
	NewExample: command.Example{Code: `New-SafeLinksPolicy "Standard Preset Security Policy1622650008534" -RecommendedPolicyType Standard | Out-Null; New-SafeAttachmentPolicy "Standard Preset Security Policy1622650008019" -RecommendedPolicyType Standard -Enable $true | Out-Null; New-ATPProtectionPolicyRule -Name "Standard Preset Security Policy" -SafeAttachmentPolicy "Standard Preset Security Policy1622650008019" -SafeLinksPolicy "Standard Preset Security Policy1622650008534"`,
		Remark: "Creates the Standard preset's policies and its rule, which applies them to everyone."},
}

func safeLinksRuleCommands() []*command.Command      { return safeLinksRules.Commands() }
func safeAttachmentRuleCommands() []*command.Command { return safeAttachmentRules.Commands() }
func protectionRuleCommands() []*command.Command     { return protectionRules.Commands() }

// rulePolicy names the Safe Links or Safe Attachments policy a rule
// applies (param SafeLinksPolicy or SafeAttachmentPolicy).
func rulePolicy(ctx *command.Context, tx *store.Tx, o *directory.Organization, param, id string) (string, *object.ErrorRecord, error) {
	if param == defender.SafeLinksPolicyParam {
		all, err := defender.SafeLinksPolicies(tx)
		if err != nil {
			return "", nil, err
		}
		p, rec := exo.One(ctx, id, safeLinks.configs().Match(o, all, id, false))
		if rec != nil {
			return "", rec, nil
		}
		return p.Name, nil, nil
	}
	all, err := defender.SafeAttachmentPolicies(tx)
	if err != nil {
		return "", nil, err
	}
	p, rec := exo.One(ctx, id, safeAttachments.configs().Match(o, all, id, false))
	if rec != nil {
		return "", rec, nil
	}
	return p.Name, nil, nil
}

// builtInRule shows the rule of the built-in protection policies: the
// preset rules' properties, under its own type.
var builtInRule = policyrules.Spec{
	PolicyParams: []string{defender.SafeAttachmentPolicyParam, defender.SafeLinksPolicyParam},
	PolicyWords:  []string{"safe attachment policy", "safe links policy"},
	Type:         "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.ATPBuiltInProtectionRule", BaseTypes: []string{ruleBase},
	Container: "CN=ATPBuiltInProtectionVersioned,CN=Rules,CN=Transport Settings", MaxComments: defender.MaxCommentsLength,
}

func builtInRuleCommands() []*command.Command {
	get := exo.Declared("Get-ATPBuiltInProtectionRule")
	get.Synopsis = "Shows the rule of the built-in protection preset: the Built-In Protection Policy of Safe Links and Safe Attachments applies to everyone no other policy names, but its exceptions."
	get.OutputType = builtInRule.Type
	get.Examples = []command.Example{{Code: "Get-ATPBuiltInProtectionRule | Format-List SafeLinksPolicy,SafeAttachmentPolicy,ExceptIf*", Remark: "The built-in policies and who they leave out."}}
	exo.Describe(get, map[string]string{"Identity": "The rule: ATP Built-In Protection Rule (* is a wildcard) or its GUID.", "State": "Only an Enabled or a Disabled rule."})
	get.Handler.Process = getBuiltInRule

	set := exo.Declared("Set-ATPBuiltInProtectionRule")
	set.Synopsis = "Changes the rule of the built-in protection preset: its comments and the recipients it leaves out."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `Set-ATPBuiltInProtectionRule "ATP Built-In Protection Rule" -ExceptIfRecipientDomainIs research.contoso.com`, Remark: "Leaves a domain's recipients out of the built-in protection."}}
	exo.Describe(set, map[string]string{
		"Identity":                  "The rule: ATP Built-In Protection Rule or its GUID.",
		"Comments":                  "Comments on the rule (up to 1024 characters).",
		"ExceptIfSentTo":            "Recipients the built-in protection leaves out.",
		"ExceptIfSentToMemberOf":    "Groups whose members the built-in protection leaves out.",
		"ExceptIfRecipientDomainIs": "Recipient domains the built-in protection leaves out.",
	})
	set.Handler.Process = setBuiltInRule
	return []*command.Command{get, set}
}

// builtInRules names the one rule of the built-in protection policies.
func builtInRules() *exo.Configs[*builtInEntry] {
	return &exo.Configs[*builtInEntry]{
		List: func(tx *store.Tx) ([]*builtInEntry, error) {
			r, err := defender.BuiltInRule(tx)
			return []*builtInEntry{{r}}, err
		},
		Keys: func(o *directory.Organization, e *builtInEntry) (string, string, string) {
			return e.rule.Name, e.rule.Guid, o.ConfigDN(e.rule.Name, builtInRule.Container)
		},
	}
}

// builtInEntry holds the rule of the built-in protection policies.
type builtInEntry struct{ rule *policyrule.Rule }

func getBuiltInRule(ctx *command.Context) error {
	state, err := policyrules.StateArg(ctx)
	if err != nil {
		return err
	}
	objs, done, err := builtInRules().Read(ctx, func(o *directory.Organization, e *builtInEntry) *object.PSObject {
		return builtInRule.Object(o, e.rule)
	})
	if err != nil || !done {
		return err
	}
	return policyrules.WriteInState(ctx, objs, state)
}

func setBuiltInRule(ctx *command.Context) error {
	shown := identity(ctx)
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, _, rec, err := builtInRules().Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Modifying ATP built-in protection rule \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, e, rec, err := builtInRules().Find(ctx, tx)
		if rec != nil || err != nil {
			return rec, err
		}
		if rec, err := builtInRule.Apply(ctx, tx, o, e.rule); rec != nil || err != nil {
			return rec, err
		}
		return nil, defender.PutBuiltInRule(tx, e.rule)
	})
	return err
}
