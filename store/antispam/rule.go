package antispam

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/policyrule"
)

// Rule is one spam filter rule (HostedContentFilterRule): it applies a
// policy to the recipients its conditions name, unless an exception names
// them (see policyrule).
type Rule = policyrule.Rule

var ruleKind = store.DefineKind(store.KindSpec[Rule]{Bucket: "hostedContentFilterRules", Name: "hostedContentFilterRule",
	Noun: "spam filter rule", CreatedOnWrite: true})

// RuleFamily is the family of spam filter rules: each names recipients,
// one a policy, none for the default policy.
var RuleFamily = policyrule.Family{Kind: ruleKindOf, Name: "hostedContentFilterRule", MaxName: MaxNameLength, IsDefault: isDefault}

func ruleKindOf() *store.Kind[Rule] { return ruleKind }

// isDefault reports whether the spam filter policy named name is the
// default one.
func isDefault(tx *store.Tx, name string) (bool, error) {
	return defaultNamed(tx, policyKindOf, Defaults, name)
}

// Errors of the changes the rules of spam filter rules refuse.
const (
	ErrInvalidPriority = policyrule.ErrInvalidPriority
	ErrNoCondition     = policyrule.ErrNoCondition
	ErrRuleNameInUse   = policyrule.ErrRuleNameInUse
)

// PolicyHasRuleError and DefaultPolicyRuleError: see policyrule.
type (
	PolicyHasRuleError     = policyrule.PolicyHasRuleError
	DefaultPolicyRuleError = policyrule.DefaultPolicyRuleError
)

// Rules returns the spam filter rules in priority order.
func Rules(tx *store.Tx) ([]*Rule, error) { return RuleFamily.List(tx) }

// RuleOf returns the rule that applies the policy named policy, or nil.
func RuleOf(tx *store.Tx, policy string) (*Rule, error) { return RuleFamily.RuleOf(tx, policy) }

// CreateRule adds a rule (New-HostedContentFilterRule) at priority, or
// after the others when priority is negative.
func CreateRule(tx *store.Tx, r *Rule, priority int) error { return RuleFamily.Create(tx, r, priority) }

// PutRule stores a changed rule (Set-, Enable-, Disable-HostedContentFilterRule)
// at priority, or where it is when priority is negative.
func PutRule(tx *store.Tx, r *Rule, priority int) error { return RuleFamily.Put(tx, r, priority) }

// RemoveRule removes a rule (Remove-HostedContentFilterRule); the rules
// after it move up.
func RemoveRule(tx *store.Tx, r *Rule) error { return RuleFamily.Remove(tx, r) }
