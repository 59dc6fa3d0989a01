// Package policyset is one kind of the organization's protection
// policies (the spam filter, anti-phishing, anti-malware and outbound
// spam filter policies; the Safe Links and Safe Attachments policies):
// the built-in policy every organization has, with the service's
// defaults, and those administrators create. The tenant keeps no record
// of the kind until its policies are first written; from then on every
// policy, the built-in one included, has its record (kept by Guid).
// Exactly one policy is the default one, which applies to everyone no
// other policy does; it can't be removed. Names are unique in a kind,
// without regard to case.
package policyset

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// MaxNameLength is the longest name a policy takes.
const MaxNameLength = 64

// Head is what every kind of policy has in common: the fields a Set
// reads and writes, each a pointer into the record.
type Head struct {
	Guid, Name *string
	// IsDefault marks the default policy (the built-in protection
	// policy of a Defender kind).
	IsDefault                *bool
	WhenCreated, WhenChanged *time.Time
}

// Record is the pointer to a policy record a Set keeps: it shows its
// Head.
type Record[T any] interface {
	*T
	Head() Head
}

// Set is one kind of policy, T its record.
type Set[T any, P Record[T]] struct {
	// Kind returns the policies' record kind (a function, so that a set
	// declared at package level is laid out by the linker).
	Kind func() *store.Kind[T]
	// Defaults returns the built-in policy as Exchange Online creates it
	// with the organization.
	Defaults func(org *directory.Organization) P
	// Finding names the kind in findings, Defaulted its default policies
	// ("default spam filter policies").
	Finding, Defaulted string
}

// List returns the policies in the order Exchange lists them: the order
// they were created (the built-in one first).
func (s *Set[T, P]) List(tx *store.Tx) ([]P, error) {
	stored, err := s.Kind().List(tx)
	if err != nil {
		return nil, err
	}
	if len(stored) == 0 {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		return []P{s.Defaults(org)}, nil
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
func (s *Set[T, P]) IsDefault(tx *store.Tx, name string) (bool, error) {
	all, err := s.List(tx)
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

// Materialize stores the built-in policy when the tenant keeps no policy
// of the kind yet, so that every write leaves all of them stored, and
// returns the policies.
func (s *Set[T, P]) Materialize(tx *store.Tx) ([]P, error) {
	all, err := s.List(tx)
	if err != nil {
		return nil, err
	}
	if !s.Kind().Any(tx) {
		if err := s.Kind().Put(tx, key(*all[0].Head().Guid), all[0]); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// Create adds a new policy with a new Guid; its name must be new
// (NameInUseError). It is not the default.
func (s *Set[T, P]) Create(tx *store.Tx, p P) error {
	all, err := s.Materialize(tx)
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
	return s.Kind().Put(tx, key(*h.Guid), p)
}

// Put stores a changed policy.
func (s *Set[T, P]) Put(tx *store.Tx, p P) error {
	if _, err := s.Materialize(tx); err != nil {
		return err
	}
	h := p.Head()
	*h.WhenChanged = tx.Now()
	return s.Kind().Put(tx, key(*h.Guid), p)
}

// Remove removes a policy; the default one stays (ErrRemoveDefault). A
// rule that applied it stays too, naming a policy that is no more, as in
// Exchange Online.
func (s *Set[T, P]) Remove(tx *store.Tx, p P) error {
	h := p.Head()
	if *h.IsDefault {
		return ErrRemoveDefault
	}
	if _, err := s.Materialize(tx); err != nil {
		return err
	}
	_, err := s.Kind().Delete(tx, key(*h.Guid))
	return err
}

// Check reports the stored policies that break the rules above (no
// default or several, names empty, too long or shared), and passes each
// policy to values, which reports the values it can't take through bad.
func (s *Set[T, P]) Check(tx *store.Tx, report func(store.Finding), values func(p P, bad func(format string, args ...any))) error {
	stored, err := s.Kind().List(tx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	defaults := 0
	for _, v := range stored {
		p := P(v)
		h := p.Head()
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: s.Finding, Key: *h.Guid, Message: fmt.Sprintf(format, args...)})
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
		report(store.Finding{Kind: s.Finding, Message: fmt.Sprintf("%d %s; exactly one", defaults, s.Defaulted)})
	}
	return nil
}

// setError is a change the rules of a policy set refuse; a constant, so
// that declaring one runs no code.
type setError string

func (e setError) Error() string { return string(e) }

// ErrRemoveDefault: the default (built-in) policy can't be removed.
const ErrRemoveDefault = setError("the default policy can't be removed")

// NameInUseError is a policy named as another one of its kind.
type NameInUseError struct{ Name string }

func (e *NameInUseError) Error() string { return fmt.Sprintf("policy name %s in use", e.Name) }

func key(guid string) string { return strings.ToLower(guid) }
