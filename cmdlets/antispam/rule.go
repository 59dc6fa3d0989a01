package antispam

import (
	"github.com/exosim/exosim/cmdlets/policyrules"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// hygieneRuleBases are the types a hygiene rule derives from.
var hygieneRuleBases = []string{"Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.HygieneFilterRule",
	"Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.RulePresentationObjectBase"}

// ruleSynopses are the synopses of the six cmdlets of a family of
// hygiene rules, what naming one rule (after its article a), whom what
// the rules name (recipients, senders).
func ruleSynopses(a, what, whom string) [6]string {
	return [6]string{
		"Lists the " + what + "s: which policy applies to which " + whom + ", in priority order.",
		"Creates " + a + " " + what + ": it applies a policy to " + whom + ", groups or domains.",
		"Changes " + a + " " + what + ": its policy, conditions, exceptions, name or priority.",
		"Removes " + a + " " + what + "; its policy stays, applied to no one.",
		"Turns " + a + " " + what + " on.",
		"Turns " + a + " " + what + " off; its policy then applies to no one.",
	}
}

// rules is the family of spam filter rules (*-HostedContentFilterRule).
var rules = policyrules.Spec{
	Noun: "HostedContentFilterRule", Words: "hosted content filter rule",
	PolicyParams: []string{"HostedContentFilterPolicy"}, PolicyWords: []string{"hosted content filter policy"},
	Type:      TypeRule,
	BaseTypes: hygieneRuleBases,
	Container: "CN=HostedContentFilterVersioned,CN=Rules,CN=Transport Settings",
	Family:    &as.RuleFamily, MaxName: as.MaxNameLength, MaxComments: as.MaxCommentsLength,
	Policy: rulePolicy,
	Help: [][2]string{
		{"HostedContentFilterPolicy", "The spam filter policy the rule applies: not the default one, nor one another rule applies."},
	},
	Synopses:   ruleSynopses("a", "spam filter rule", "recipients"),
	GetExample: command.Example{Code: "Get-HostedContentFilterRule -State Enabled | Format-Table Name,HostedContentFilterPolicy,Priority", Remark: "The enabled rules and their policies."},
	NewExample: command.Example{Code: `New-HostedContentFilterPolicy "Contoso Executives" | Out-Null; New-HostedContentFilterRule -Name "Contoso Recipients" -HostedContentFilterPolicy "Contoso Executives" -RecipientDomainIs contoso.com`,
		Remark: "Creates a policy and applies it to recipients in contoso.com."},
}

// rulePolicy names the spam filter policy a rule applies.
func rulePolicy(ctx *command.Context, tx *store.Tx, o *directory.Organization, _, id string) (string, *object.ErrorRecord, error) {
	return contentFilter().policyName(ctx, tx, o, id)
}

func ruleCommands() []*command.Command { return rules.Commands() }
