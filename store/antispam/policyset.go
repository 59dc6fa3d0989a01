package antispam

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
	"github.com/exosim/exosim/store/policyset"
)

// Head is what every kind of hygiene policy has in common (see
// policyset.Head).
type Head = policyset.Head

// PolicyRecord is the pointer to a policy record a PolicySet keeps: it
// shows its Head.
type PolicyRecord[T any] interface {
	*T
	Head() Head
}

// PolicySet is one kind of hygiene policy (spam filter, anti-phishing,
// anti-malware, outbound spam filter policies): a policyset.Set (the
// organization's built-in default policy, with Exchange Online's
// defaults, and those administrators create) and the rules that apply
// them. The default policy can be another one (MakeDefault); no rule
// applies it.
type PolicySet[T any, P PolicyRecord[T]] struct {
	policyset.Set[T, P]
	// Rules are the rules that apply the policies.
	Rules *policyrule.Family
}

// defaultNamed reports whether the policy of kind named name is the
// default one (for the rule families, declared before their sets).
func defaultNamed[T any, P PolicyRecord[T]](tx *store.Tx, kind func() *store.Kind[T], defaults func(*directory.Organization) P, name string) (bool, error) {
	s := policyset.Set[T, P]{Kind: kind, Defaults: defaults}
	return s.IsDefault(tx, name)
}

// MakeDefault makes p the default policy (-MakeDefault): the former
// default policy is no longer one, and the rule that applied p, if any,
// goes, since the default policy applies to everyone no rule names.
func (s *PolicySet[T, P]) MakeDefault(tx *store.Tx, p P) error {
	all, err := s.Materialize(tx)
	if err != nil {
		return err
	}
	h := p.Head()
	for _, o := range all {
		if oh := o.Head(); *oh.Guid != *h.Guid && *oh.IsDefault {
			*oh.IsDefault = false
			*oh.WhenChanged = tx.Now()
			if err := s.Kind().Put(tx, key(*oh.Guid), o); err != nil {
				return err
			}
		}
	}
	if r, err := s.Rules.RuleOf(tx, *h.Name); err != nil {
		return err
	} else if r != nil {
		if err := s.Rules.Remove(tx, r); err != nil {
			return err
		}
	}
	*h.IsDefault = true
	return s.Put(tx, p)
}

// checkEnums reports through bad each named value that is none of its
// values.
func checkEnums(bad func(format string, args ...any), enums []enumValue) {
	for _, e := range enums {
		if !is(e.values, e.v) {
			bad("%s %q is none of %s", e.name, e.v, strings.Join(e.values, ", "))
		}
	}
}

// enumValue is a setting's value and the values it may take.
type enumValue struct {
	name, v string
	values  []string
}

// register adds the kinds of policies and rules to sc, and their checks
// by name (values checks the values of a policy).
func (s *PolicySet[T, P]) register(sc *store.Schema, policies, rules string, values func(p P, bad func(format string, args ...any))) {
	s.Kind().Register(sc)
	s.Rules.Kind().Register(sc)
	sc.AddCheck(policies, func(tx *store.Tx, report func(store.Finding)) error { return s.Check(tx, report, values) })
	sc.AddCheck(rules, s.Rules.Check)
}
