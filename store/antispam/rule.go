package antispam

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// Rule is one spam filter rule (HostedContentFilterRule): it applies a
// policy to the recipients its conditions name, unless an exception names
// them. Rules are tried in priority order (0 first); priorities are
// 0..n-1 without gaps.
type Rule struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// Policy is the name of the policy the rule applies (a policy can't
	// be renamed); the policy may have been removed since.
	Policy   string `json:"policy"`
	Enabled  bool   `json:"enabled"`
	Priority int    `json:"priority"`
	Comments string `json:"comments,omitempty"`
	// The conditions and exceptions: recipients and groups by primary
	// SMTP address, domains as given.
	SentTo                    []string  `json:"sentTo,omitempty"`
	SentToMemberOf            []string  `json:"sentToMemberOf,omitempty"`
	RecipientDomainIs         []string  `json:"recipientDomainIs,omitempty"`
	ExceptIfSentTo            []string  `json:"exceptIfSentTo,omitempty"`
	ExceptIfSentToMemberOf    []string  `json:"exceptIfSentToMemberOf,omitempty"`
	ExceptIfRecipientDomainIs []string  `json:"exceptIfRecipientDomainIs,omitempty"`
	WhenChanged               time.Time `json:"whenChanged"`
}

// HasCondition reports whether the rule names some recipients.
func (r *Rule) HasCondition() bool {
	return len(r.SentTo)+len(r.SentToMemberOf)+len(r.RecipientDomainIs) > 0
}

var ruleKind = store.DefineKind(store.KindSpec[Rule]{Bucket: "hostedContentFilterRules", Name: "hostedContentFilterRule",
	Noun: "spam filter rule", CreatedOnWrite: true})

// Errors of the changes the rules of spam filter rules refuse.
const (
	// ErrInvalidPriority: a priority past the rules there are.
	ErrInvalidPriority = ruleError("invalid rule priority")
	// ErrNoCondition: a rule must name some recipients.
	ErrNoCondition = ruleError("rule without conditions")
	// ErrRuleNameInUse: another rule has the name.
	ErrRuleNameInUse = ruleError("rule name in use")
)

// PolicyHasRuleError is a second rule for a policy: a policy is applied
// by one rule at most.
type PolicyHasRuleError struct{ Policy, Rule string }

func (e *PolicyHasRuleError) Error() string {
	return fmt.Sprintf("policy %s already has rule %s", e.Policy, e.Rule)
}

// DefaultPolicyRuleError is a rule for the default policy, which applies
// to everyone no rule names.
type DefaultPolicyRuleError struct{ Policy string }

func (e *DefaultPolicyRuleError) Error() string {
	return fmt.Sprintf("policy %s is the default", e.Policy)
}

// Rules returns the spam filter rules in priority order.
func Rules(tx *store.Tx) ([]*Rule, error) {
	all, err := ruleKind.List(tx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Priority < all[j].Priority })
	return all, nil
}

// RuleOf returns the rule that applies the policy named policy, or nil.
func RuleOf(tx *store.Tx, policy string) (*Rule, error) {
	all, err := Rules(tx)
	if err != nil {
		return nil, err
	}
	for _, r := range all {
		if strings.EqualFold(r.Policy, policy) {
			return r, nil
		}
	}
	return nil, nil
}

// CreateRule adds a rule (New-HostedContentFilterRule) at priority, or
// after the others when priority is negative: 0..n are the priorities a
// new rule may take, the rules from there on moving down one.
func CreateRule(tx *store.Tx, r *Rule, priority int) error {
	all, err := Rules(tx)
	if err != nil {
		return err
	}
	if priority > len(all) {
		return ErrInvalidPriority
	}
	if priority < 0 {
		priority = len(all)
	}
	r.Guid = tx.NewGuid()
	if err := validRule(tx, r, all); err != nil {
		return err
	}
	all = append(all[:priority], append([]*Rule{r}, all[priority:]...)...)
	r.WhenChanged = tx.Now()
	return renumber(tx, all, r)
}

// PutRule stores a changed rule (Set-, Enable-, Disable-HostedContentFilterRule)
// at priority, or where it is when priority is negative; 0..n-1 are the
// priorities it may take.
func PutRule(tx *store.Tx, r *Rule, priority int) error {
	all, err := Rules(tx)
	if err != nil {
		return err
	}
	if priority > len(all)-1 {
		return ErrInvalidPriority
	}
	if err := validRule(tx, r, all); err != nil {
		return err
	}
	rest := all[:0:0]
	at := 0
	for i, o := range all {
		if o.Guid == r.Guid {
			at = i
			continue
		}
		rest = append(rest, o)
	}
	if priority >= 0 {
		at = priority
	}
	rest = append(rest[:at], append([]*Rule{r}, rest[at:]...)...)
	r.WhenChanged = tx.Now()
	return renumber(tx, rest, r)
}

// RemoveRule removes a rule (Remove-HostedContentFilterRule); the rules
// after it move up.
func RemoveRule(tx *store.Tx, r *Rule) error { return removeRule(tx, r) }

func removeRule(tx *store.Tx, r *Rule) error {
	all, err := Rules(tx)
	if err != nil {
		return err
	}
	if _, err := ruleKind.Delete(tx, key(r.Guid)); err != nil {
		return err
	}
	rest := all[:0:0]
	for _, o := range all {
		if o.Guid != r.Guid {
			rest = append(rest, o)
		}
	}
	return renumber(tx, rest, nil)
}

// renumber gives the rules, in order, the priorities 0..n-1 and stores
// those whose priority changed, and changed.
func renumber(tx *store.Tx, rules []*Rule, changed *Rule) error {
	for i, o := range rules {
		if o.Priority == i && o != changed {
			continue
		}
		o.Priority = i
		if err := ruleKind.Put(tx, key(o.Guid), o); err != nil {
			return err
		}
	}
	return nil
}

// validRule checks r against the other rules (all) and the policies: a
// condition, a unique name, one rule for its policy, not the default
// policy.
func validRule(tx *store.Tx, r *Rule, all []*Rule) error {
	if !r.HasCondition() {
		return ErrNoCondition
	}
	for _, o := range all {
		if o.Guid == r.Guid {
			continue
		}
		if strings.EqualFold(o.Name, r.Name) {
			return ErrRuleNameInUse
		}
		if strings.EqualFold(o.Policy, r.Policy) {
			return &PolicyHasRuleError{Policy: r.Policy, Rule: o.Name}
		}
	}
	policies, err := List(tx)
	if err != nil {
		return err
	}
	for _, p := range policies {
		if strings.EqualFold(p.Name, r.Policy) && p.IsDefault {
			return &DefaultPolicyRuleError{Policy: p.Name}
		}
	}
	return nil
}

// checkRules reports rules that break the rules above: priorities not
// 0..n-1, names shared, two rules for one policy, a rule for the default
// policy, a rule without conditions.
func checkRules(tx *store.Tx, report func(store.Finding)) error {
	all, err := Rules(tx)
	if err != nil {
		return err
	}
	policies, err := policyKind.List(tx)
	if err != nil {
		return err
	}
	names, applied := map[string]string{}, map[string]string{}
	for i, r := range all {
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "hostedContentFilterRule", Key: r.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if r.Priority != i {
			bad("priority %d; the rules' priorities are 0..%d without gaps", r.Priority, len(all)-1)
		}
		if r.Name == "" || len([]rune(r.Name)) > MaxNameLength {
			bad("name %q is empty or longer than %d characters", r.Name, MaxNameLength)
		}
		if other, dup := names[strings.ToLower(r.Name)]; dup {
			bad("name %s is also the name of %s", r.Name, other)
		}
		names[strings.ToLower(r.Name)] = r.Guid
		if other, dup := applied[strings.ToLower(r.Policy)]; dup {
			bad("policy %s is also applied by %s", r.Policy, other)
		}
		applied[strings.ToLower(r.Policy)] = r.Guid
		if !r.HasCondition() {
			bad("no condition")
		}
		for _, p := range policies {
			if p.IsDefault && strings.EqualFold(p.Name, r.Policy) {
				bad("applies the default policy %s", p.Name)
			}
		}
	}
	return nil
}
