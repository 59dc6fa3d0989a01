package ome

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
)

// ErrInvalidRulePriority is the error of a priority past the last rule:
// a changed rule may take the priorities 0..n-1 of the n rules there are.
var ErrInvalidRulePriority = errors.New("transport rule priority past the last rule")

// RuleNameInUseError reports a rename to the name of another rule (names
// are compared without regard to case).
type RuleNameInUseError struct{ Name string }

func (e *RuleNameInUseError) Error() string {
	return fmt.Sprintf("a transport rule named %q already exists", e.Name)
}

// SaveTransportRule stores r, a changed copy of the rule stored under
// oldName, in one go: a new name takes the place of the old one (no other
// rule may have it), and a priority of 0 or more moves the rule there,
// the rules between its old and its new place moving by one; a negative
// priority leaves it where it was. The rules keep the priorities 0..n-1
// without gaps.
func SaveTransportRule(tx *store.Tx, oldName string, r *TransportRule, priority int) error {
	all, err := ListTransportRules(tx)
	if err != nil {
		return err
	}
	if priority > len(all)-1 {
		return ErrInvalidRulePriority
	}
	oldKey := ruleKey(oldName)
	rest := make([]*TransportRule, 0, len(all))
	at := -1
	for i, o := range all {
		if ruleKey(o.Name) == oldKey {
			at = i
			continue
		}
		if ruleKey(o.Name) == ruleKey(r.Name) {
			return &RuleNameInUseError{Name: r.Name}
		}
		rest = append(rest, o)
	}
	if at < 0 {
		return &store.NotFoundError{Kind: "transport rule", Key: oldName}
	}
	if ruleKey(r.Name) != oldKey {
		if err := DeleteTransportRule(tx, oldName); err != nil {
			return err
		}
	}
	if priority >= 0 {
		at = priority
	}
	rest = append(rest[:at], append([]*TransportRule{r}, rest[at:]...)...)
	return renumberRules(tx, rest, r)
}

// RemoveTransportRule removes the rule named name; the rules after it
// move up one.
func RemoveTransportRule(tx *store.Tx, name string) error {
	all, err := ListTransportRules(tx)
	if err != nil {
		return err
	}
	if err := DeleteTransportRule(tx, name); err != nil {
		return err
	}
	rest := all[:0:0]
	for _, o := range all {
		if ruleKey(o.Name) != ruleKey(name) {
			rest = append(rest, o)
		}
	}
	return renumberRules(tx, rest, nil)
}

// renumberRules gives the rules, in order, the priorities 0..n-1 and
// stores those whose priority changed, and changed.
func renumberRules(tx *store.Tx, rules []*TransportRule, changed *TransportRule) error {
	for i, o := range rules {
		if o.Priority == i && o != changed {
			continue
		}
		o.Priority = i
		if err := PutTransportRule(tx, o); err != nil {
			return err
		}
	}
	return nil
}

// ruleKey is the key of a rule: its name in lower case.
func ruleKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// checkTransportRules reports mail flow rules whose priorities are not
// 0..n-1 in order.
func checkTransportRules(tx *store.Tx, report func(store.Finding)) error {
	all, err := ListTransportRules(tx)
	if err != nil {
		return err
	}
	for i, r := range all {
		if r.Priority != i {
			report(store.Finding{Kind: "transportRule", Key: ruleKey(r.Name),
				Message: fmt.Sprintf("priority %d; the rules' priorities are 0..%d without gaps", r.Priority, len(all)-1)})
		}
	}
	return nil
}
