// Package policyrule is the rules that apply an organization's
// protection policies to recipients: spam filter rules, Safe Links and
// Safe Attachments rules, the preset security policies' rules. A rule
// names its recipients (conditions) and those it leaves out
// (exceptions); the rules of one family are tried in priority order (0
// first) and their priorities are 0..n-1 without gaps.
//
// A Family is one kind of rule (one bucket) and what its rules must
// keep: unique names, a condition unless the family allows none, one
// rule a policy, no rule for the default policy.
package policyrule

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// Rule is one rule: it applies a policy (or, for a preset security
// policy's rule, the policies of Policies) to the recipients its
// conditions name, unless an exception names them.
type Rule struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// Policy is the name of the policy the rule applies (a policy can't
	// be renamed); the policy may have been removed since.
	Policy string `json:"policy"`
	// Policies are the policies a preset security policy's rule applies,
	// by the parameter that names them (SafeLinksPolicy ...).
	Policies map[string]string `json:"policies,omitempty"`
	Enabled  bool              `json:"enabled"`
	Priority int               `json:"priority"`
	Comments string            `json:"comments,omitempty"`
	// The conditions and exceptions: recipients and groups by primary
	// SMTP address, domains as given.
	SentTo                    []string `json:"sentTo,omitempty"`
	SentToMemberOf            []string `json:"sentToMemberOf,omitempty"`
	RecipientDomainIs         []string `json:"recipientDomainIs,omitempty"`
	ExceptIfSentTo            []string `json:"exceptIfSentTo,omitempty"`
	ExceptIfSentToMemberOf    []string `json:"exceptIfSentToMemberOf,omitempty"`
	ExceptIfRecipientDomainIs []string `json:"exceptIfRecipientDomainIs,omitempty"`
	// The conditions and exceptions of a family whose rules name senders
	// (outbound spam filter rules): senders and groups by primary SMTP
	// address, domains as given.
	From                   []string  `json:"from,omitempty"`
	FromMemberOf           []string  `json:"fromMemberOf,omitempty"`
	SenderDomainIs         []string  `json:"senderDomainIs,omitempty"`
	ExceptIfFrom           []string  `json:"exceptIfFrom,omitempty"`
	ExceptIfFromMemberOf   []string  `json:"exceptIfFromMemberOf,omitempty"`
	ExceptIfSenderDomainIs []string  `json:"exceptIfSenderDomainIs,omitempty"`
	WhenChanged            time.Time `json:"whenChanged"`
}

// HasCondition reports whether the rule names some recipients or
// senders.
func (r *Rule) HasCondition() bool {
	return len(r.SentTo)+len(r.SentToMemberOf)+len(r.RecipientDomainIs)+len(r.From)+len(r.FromMemberOf)+len(r.SenderDomainIs) > 0
}

// Conditions are the condition and exception parameters of a rule, in
// the order Exchange shows them.
var Conditions = [...]string{"SentTo", "SentToMemberOf", "RecipientDomainIs", "ExceptIfSentTo", "ExceptIfSentToMemberOf", "ExceptIfRecipientDomainIs"}

// SenderConditions are the condition and exception parameters of a rule
// of a family that names senders, in the order Exchange shows them.
var SenderConditions = [...]string{"From", "FromMemberOf", "SenderDomainIs", "ExceptIfFrom", "ExceptIfFromMemberOf", "ExceptIfSenderDomainIs"}

// Field is where a rule keeps the values of a condition parameter (one
// of Conditions or SenderConditions).
func (r *Rule) Field(param string) *[]string {
	switch param {
	case "From":
		return &r.From
	case "FromMemberOf":
		return &r.FromMemberOf
	case "SenderDomainIs":
		return &r.SenderDomainIs
	case "ExceptIfFrom":
		return &r.ExceptIfFrom
	case "ExceptIfFromMemberOf":
		return &r.ExceptIfFromMemberOf
	case "ExceptIfSenderDomainIs":
		return &r.ExceptIfSenderDomainIs
	case "SentTo":
		return &r.SentTo
	case "SentToMemberOf":
		return &r.SentToMemberOf
	case "RecipientDomainIs":
		return &r.RecipientDomainIs
	case "ExceptIfSentTo":
		return &r.ExceptIfSentTo
	case "ExceptIfSentToMemberOf":
		return &r.ExceptIfSentToMemberOf
	}
	return &r.ExceptIfRecipientDomainIs
}

// ruleError is a change the rules refuse; a constant, so that declaring
// one runs no code.
type ruleError string

func (e ruleError) Error() string { return string(e) }

// Errors of the changes a family refuses.
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

// Family is one kind of rule.
type Family struct {
	// Kind returns the rules' record kind (a function, so that a family
	// declared at package level is laid out by the linker).
	Kind func() *store.Kind[Rule]
	// Name names the kind in findings ("hostedContentFilterRule").
	Name string
	// MaxName is the longest name a rule may have.
	MaxName int
	// Unconditional: a rule may name no recipients (it then applies to
	// everyone), as the preset security policies' rules may.
	Unconditional bool
	// IsDefault reports whether the policy named policy is the default
	// one, which no rule applies; nil when the family's policies have no
	// default.
	IsDefault func(tx *store.Tx, policy string) (bool, error)
	// Senders: the rules name senders (SenderConditions), not recipients.
	Senders bool
}

// Conditions returns the condition and exception parameters of the
// family's rules, in the order Exchange shows them.
func (f *Family) Conditions() []string {
	if f.Senders {
		return SenderConditions[:]
	}
	return Conditions[:]
}

func key(guid string) string { return strings.ToLower(guid) }

// List returns the family's rules in priority order.
func (f *Family) List(tx *store.Tx) ([]*Rule, error) {
	all, err := f.Kind().List(tx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Priority < all[j].Priority })
	return all, nil
}

// RuleOf returns the rule that applies the policy named policy, or nil.
func (f *Family) RuleOf(tx *store.Tx, policy string) (*Rule, error) {
	all, err := f.List(tx)
	if err != nil {
		return nil, err
	}
	for _, r := range all {
		if r.Policy != "" && strings.EqualFold(r.Policy, policy) {
			return r, nil
		}
	}
	return nil, nil
}

// Create adds a rule at priority, or after the others when priority is
// negative: 0..n are the priorities a new rule may take, the rules from
// there on moving down one.
func (f *Family) Create(tx *store.Tx, r *Rule, priority int) error {
	all, err := f.List(tx)
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
	if err := f.valid(tx, r, all); err != nil {
		return err
	}
	all = append(all[:priority], append([]*Rule{r}, all[priority:]...)...)
	r.WhenChanged = tx.Now()
	return f.renumber(tx, all, r)
}

// Put stores a changed rule at priority, or where it is when priority is
// negative; 0..n-1 are the priorities it may take.
func (f *Family) Put(tx *store.Tx, r *Rule, priority int) error {
	all, err := f.List(tx)
	if err != nil {
		return err
	}
	if priority > len(all)-1 {
		return ErrInvalidPriority
	}
	if err := f.valid(tx, r, all); err != nil {
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
	return f.renumber(tx, rest, r)
}

// Remove removes a rule; the rules after it move up.
func (f *Family) Remove(tx *store.Tx, r *Rule) error {
	all, err := f.List(tx)
	if err != nil {
		return err
	}
	if _, err := f.Kind().Delete(tx, key(r.Guid)); err != nil {
		return err
	}
	rest := all[:0:0]
	for _, o := range all {
		if o.Guid != r.Guid {
			rest = append(rest, o)
		}
	}
	return f.renumber(tx, rest, nil)
}

// renumber gives the rules, in order, the priorities 0..n-1 and stores
// those whose priority changed, and changed.
func (f *Family) renumber(tx *store.Tx, rules []*Rule, changed *Rule) error {
	for i, o := range rules {
		if o.Priority == i && o != changed {
			continue
		}
		o.Priority = i
		if err := f.Kind().Put(tx, key(o.Guid), o); err != nil {
			return err
		}
	}
	return nil
}

// valid checks r against the other rules (all) and the policies: a
// condition (unless the family allows none), a unique name, one rule for
// its policy, not the default policy.
func (f *Family) valid(tx *store.Tx, r *Rule, all []*Rule) error {
	if !f.Unconditional && !r.HasCondition() {
		return ErrNoCondition
	}
	for _, o := range all {
		if o.Guid == r.Guid {
			continue
		}
		if strings.EqualFold(o.Name, r.Name) {
			return ErrRuleNameInUse
		}
		if r.Policy != "" && strings.EqualFold(o.Policy, r.Policy) {
			return &PolicyHasRuleError{Policy: r.Policy, Rule: o.Name}
		}
	}
	if f.IsDefault != nil && r.Policy != "" {
		if def, err := f.IsDefault(tx, r.Policy); err != nil || def {
			if err == nil {
				err = &DefaultPolicyRuleError{Policy: r.Policy}
			}
			return err
		}
	}
	return nil
}

// Check reports rules that break the family's rules: priorities not
// 0..n-1, names empty, too long or shared, two rules for one policy, a
// rule for the default policy, a rule without conditions.
func (f *Family) Check(tx *store.Tx, report func(store.Finding)) error {
	all, err := f.List(tx)
	if err != nil {
		return err
	}
	names, applied := map[string]string{}, map[string]string{}
	for i, r := range all {
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: f.Name, Key: r.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if r.Priority != i {
			bad("priority %d; the rules' priorities are 0..%d without gaps", r.Priority, len(all)-1)
		}
		if r.Name == "" || len([]rune(r.Name)) > f.MaxName {
			bad("name %q is empty or longer than %d characters", r.Name, f.MaxName)
		}
		if other, dup := names[strings.ToLower(r.Name)]; dup {
			bad("name %s is also the name of %s", r.Name, other)
		}
		names[strings.ToLower(r.Name)] = r.Guid
		if r.Policy != "" {
			if other, dup := applied[strings.ToLower(r.Policy)]; dup {
				bad("policy %s is also applied by %s", r.Policy, other)
			}
			applied[strings.ToLower(r.Policy)] = r.Guid
		}
		if !f.Unconditional && !r.HasCondition() {
			bad("no condition")
		}
		if f.IsDefault != nil && r.Policy != "" {
			def, err := f.IsDefault(tx, r.Policy)
			if err != nil {
				return err
			}
			if def {
				bad("applies the default policy %s", r.Policy)
			}
		}
	}
	return nil
}
