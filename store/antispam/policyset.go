package antispam

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
)

// Head is what every kind of hygiene policy has in common: the fields a
// PolicySet reads and writes, each a pointer into the record.
type Head struct {
	Guid, Name               *string
	IsDefault                *bool
	WhenCreated, WhenChanged *time.Time
}

// PolicyRecord is the pointer to a policy record a PolicySet keeps: it
// shows its Head.
type PolicyRecord[T any] interface {
	*T
	Head() Head
}

// PolicySet is one kind of hygiene policy (spam filter, anti-phishing,
// anti-malware, outbound spam filter policies): the organization's
// built-in default policy, with Exchange Online's defaults, and those
// administrators create. The tenant keeps no record of the kind until
// its policies are first written; from then on every policy, the default
// one included, has its record (kept by Guid). Exactly one policy is the
// default; it can't be removed, and no rule applies it.
type PolicySet[T any, P PolicyRecord[T]] struct {
	// kind returns the policies' record kind (a function, so that a set
	// declared at package level is laid out by the linker).
	kind func() *store.Kind[T]
	// Rules are the rules that apply the policies.
	Rules *policyrule.Family
	// defaults returns the built-in default policy as Exchange Online
	// creates it with the organization.
	defaults func(org *directory.Organization) P
	// finding names the kind in findings, plural its policies.
	finding, plural string
}

// List returns the policies in the order Exchange lists them: the order
// they were created (the built-in default first).
func (s *PolicySet[T, P]) List(tx *store.Tx) ([]P, error) {
	return listPolicies(tx, s.kind, s.defaults)
}

// listPolicies lists the policies of kind, or the built-in default
// policy when none is stored (see PolicySet.List).
func listPolicies[T any, P PolicyRecord[T]](tx *store.Tx, kind func() *store.Kind[T], defaults func(*directory.Organization) P) ([]P, error) {
	stored, err := kind().List(tx)
	if err != nil {
		return nil, err
	}
	if len(stored) == 0 {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		return []P{defaults(org)}, nil
	}
	out := make([]P, len(stored))
	for i, p := range stored {
		out[i] = P(p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Head(), out[j].Head()
		if !a.WhenCreated.Equal(*b.WhenCreated) {
			return a.WhenCreated.Before(*b.WhenCreated)
		}
		return strings.ToLower(*a.Name) < strings.ToLower(*b.Name)
	})
	return out, nil
}

// IsDefault reports whether the policy named name is the default one.
func (s *PolicySet[T, P]) IsDefault(tx *store.Tx, name string) (bool, error) {
	return defaultNamed(tx, s.kind, s.defaults, name)
}

// defaultNamed reports whether the policy of kind named name is the
// default one.
func defaultNamed[T any, P PolicyRecord[T]](tx *store.Tx, kind func() *store.Kind[T], defaults func(*directory.Organization) P, name string) (bool, error) {
	all, err := listPolicies(tx, kind, defaults)
	if err != nil {
		return false, err
	}
	for _, p := range all {
		if h := p.Head(); strings.EqualFold(*h.Name, name) {
			return *h.IsDefault, nil
		}
	}
	return false, nil
}

// materialize stores the built-in default policy when the tenant keeps
// no policy of the kind yet, so that every write leaves all of them
// stored, and returns the policies.
func (s *PolicySet[T, P]) materialize(tx *store.Tx) ([]P, error) {
	all, err := s.List(tx)
	if err != nil {
		return nil, err
	}
	if !s.kind().Any(tx) {
		if err := s.kind().Put(tx, key(*all[0].Head().Guid), all[0]); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// Create adds a new policy; its name must be new. It is not the default
// and no rule applies it.
func (s *PolicySet[T, P]) Create(tx *store.Tx, p P) error {
	all, err := s.materialize(tx)
	if err != nil {
		return err
	}
	h := p.Head()
	for _, o := range all {
		if strings.EqualFold(*o.Head().Name, *h.Name) {
			return &NameInUseError{Name: *h.Name}
		}
	}
	*h.Guid = tx.NewGuid()
	*h.IsDefault = false
	*h.WhenCreated = tx.Now()
	*h.WhenChanged = *h.WhenCreated
	return s.kind().Put(tx, key(*h.Guid), p)
}

// Put stores a changed policy.
func (s *PolicySet[T, P]) Put(tx *store.Tx, p P) error {
	if _, err := s.materialize(tx); err != nil {
		return err
	}
	h := p.Head()
	*h.WhenChanged = tx.Now()
	return s.kind().Put(tx, key(*h.Guid), p)
}

// MakeDefault makes p the default policy (-MakeDefault): the former
// default policy is no longer one, and the rule that applied p, if any,
// goes, since the default policy applies to everyone no rule names.
func (s *PolicySet[T, P]) MakeDefault(tx *store.Tx, p P) error {
	all, err := s.materialize(tx)
	if err != nil {
		return err
	}
	h := p.Head()
	for _, o := range all {
		if oh := o.Head(); *oh.Guid != *h.Guid && *oh.IsDefault {
			*oh.IsDefault = false
			*oh.WhenChanged = tx.Now()
			if err := s.kind().Put(tx, key(*oh.Guid), o); err != nil {
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

// Remove removes a policy; the default one stays (ErrRemoveDefault). A
// rule that applied it stays too, naming a policy that is no more, as in
// Exchange Online.
func (s *PolicySet[T, P]) Remove(tx *store.Tx, p P) error {
	h := p.Head()
	if *h.IsDefault {
		return ErrRemoveDefault
	}
	if _, err := s.materialize(tx); err != nil {
		return err
	}
	_, err := s.kind().Delete(tx, key(*h.Guid))
	return err
}

// check reports the stored policies that break the rules above (no
// default or several, names shared or too long), and passes each policy
// to values, which reports the values it can't take through bad.
func (s *PolicySet[T, P]) check(tx *store.Tx, report func(store.Finding), values func(p P, bad func(format string, args ...any))) error {
	stored, err := s.kind().List(tx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	defaults := 0
	for _, v := range stored {
		p := P(v)
		h := p.Head()
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: s.finding, Key: *h.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if *h.IsDefault {
			defaults++
		}
		if *h.Name == "" || len([]rune(*h.Name)) > MaxNameLength {
			bad("name %q is empty or longer than %d characters", *h.Name, MaxNameLength)
		}
		if other, dup := names[strings.ToLower(*h.Name)]; dup {
			bad("name %s is also the name of %s", *h.Name, other)
		}
		names[strings.ToLower(*h.Name)] = *h.Guid
		values(p, bad)
	}
	if len(stored) > 0 && defaults != 1 {
		report(store.Finding{Kind: s.finding, Message: fmt.Sprintf("%d default %s; exactly one", defaults, s.plural)})
	}
	return nil
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
	s.kind().Register(sc)
	s.Rules.Kind().Register(sc)
	sc.AddCheck(policies, func(tx *store.Tx, report func(store.Finding)) error { return s.check(tx, report, values) })
	sc.AddCheck(rules, s.Rules.Check)
}
