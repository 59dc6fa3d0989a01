// Package defender is the organization's Microsoft Defender for Office
// 365 settings: Safe Links and Safe Attachments policies and the rules
// that apply them (*-SafeLinksPolicy, *-SafeLinksRule,
// *-SafeAttachmentPolicy, *-SafeAttachmentRule), the built-in protection
// rule, the rules of the Standard and Strict preset security policies
// (*-ATPProtectionPolicyRule, and *-EOPProtectionPolicyRule for the
// preset's Exchange Online Protection policies) and the organization's
// policy for Office 365 apps, SharePoint, OneDrive and Teams
// (Get-/Set-AtpPolicyForO365).
//
// Every organization has the built-in protection policy of each kind,
// named Built-In Protection Policy, which applies to every recipient no
// other policy does; the tenant keeps no record of it until the kind's
// policies are first written, then every policy of the kind has its
// record. The built-in policy can't be removed.
package defender

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// BuiltInName is the name of the built-in protection policies.
const BuiltInName = "Built-In Protection Policy"

// Limits of the policies.
const (
	MaxNameLength             = 64
	MaxAdminDisplayNameLength = 256
	MaxCommentsLength         = 1024
	// MaxDoNotRewriteUrls is how many entries DoNotRewriteUrls holds.
	MaxDoNotRewriteUrls = 1000
)

// RecommendedPolicyTypes are the values of RecommendedPolicyType.
var RecommendedPolicyTypes = []string{"Custom", "Standard", "Strict"}

// policy is what the two kinds of policy share: a name, whether it is
// the built-in one, and dates.
type policy interface {
	key() string
	name() string
	builtIn() bool
	stamp(created, changed time.Time)
	created() time.Time
}

// policySet is one kind of policy, T its record.
type policySet[T any, P interface {
	*T
	policy
}] struct {
	// kind returns the record kind (a function, so that a set declared
	// at package level is laid out by the linker).
	kind func() *store.Kind[T]
	// builtIn is the organization's built-in policy as Exchange Online
	// creates it.
	builtIn func(o *directory.Organization) P
	noun    string
}

// list returns the policies in the order Exchange lists them: the order
// they were created (the built-in policy first).
func (s *policySet[T, P]) list(tx *store.Tx) ([]P, error) {
	stored, err := s.kind().List(tx)
	if err != nil {
		return nil, err
	}
	if len(stored) == 0 {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		return []P{s.builtIn(org)}, nil
	}
	out := make([]P, len(stored))
	for i, v := range stored {
		out[i] = P(v)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].created().Equal(out[j].created()) {
			return out[i].created().Before(out[j].created())
		}
		return strings.ToLower(out[i].name()) < strings.ToLower(out[j].name())
	})
	return out, nil
}

// materialize stores the built-in policy when the tenant keeps none of
// the kind yet, so that every write leaves all of them stored.
func (s *policySet[T, P]) materialize(tx *store.Tx) ([]P, error) {
	all, err := s.list(tx)
	if err != nil {
		return nil, err
	}
	if !s.kind().Any(tx) {
		if err := s.kind().Put(tx, all[0].key(), all[0]); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// create adds a new policy; its name must be new.
func (s *policySet[T, P]) create(tx *store.Tx, p P) error {
	all, err := s.materialize(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if strings.EqualFold(o.name(), p.name()) {
			return &NameInUseError{Name: p.name()}
		}
	}
	now := tx.Now()
	p.stamp(now, now)
	return s.kind().Put(tx, p.key(), p)
}

// put stores a changed policy.
func (s *policySet[T, P]) put(tx *store.Tx, p P) error {
	if _, err := s.materialize(tx); err != nil {
		return err
	}
	p.stamp(p.created(), tx.Now())
	return s.kind().Put(tx, p.key(), p)
}

// remove removes a policy; the built-in one stays (ErrRemoveBuiltIn). A
// rule that applied it stays too, naming a policy that is no more.
func (s *policySet[T, P]) remove(tx *store.Tx, p P) error {
	if p.builtIn() {
		return ErrRemoveBuiltIn
	}
	if _, err := s.materialize(tx); err != nil {
		return err
	}
	_, err := s.kind().Delete(tx, p.key())
	return err
}

// check reports policies that break the rules above: no built-in policy
// or several, names empty, too long or shared.
func (s *policySet[T, P]) check(tx *store.Tx, report func(store.Finding), more func(p P, bad func(string, ...any))) error {
	stored, err := s.kind().List(tx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	builtIns := 0
	for _, v := range stored {
		p := P(v)
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: s.noun, Key: p.key(), Message: fmt.Sprintf(format, args...)})
		}
		if p.builtIn() {
			builtIns++
		}
		if p.name() == "" || len([]rune(p.name())) > MaxNameLength {
			bad("name %q is empty or longer than %d characters", p.name(), MaxNameLength)
		}
		if other, dup := names[strings.ToLower(p.name())]; dup {
			bad("name %s is also the name of %s", p.name(), other)
		}
		names[strings.ToLower(p.name())] = p.key()
		more(p, bad)
	}
	if len(stored) > 0 && builtIns != 1 {
		report(store.Finding{Kind: s.noun, Message: fmt.Sprintf("%d built-in protection policies; exactly one", builtIns)})
	}
	return nil
}

// defenderError is a change the rules refuse; a constant, so that
// declaring one runs no code.
type defenderError string

func (e defenderError) Error() string { return string(e) }

// ErrRemoveBuiltIn: the built-in protection policy can't be removed.
const ErrRemoveBuiltIn = defenderError("the built-in protection policy can't be removed")

// NameInUseError is a policy named as another one of its kind.
type NameInUseError struct{ Name string }

func (e *NameInUseError) Error() string { return fmt.Sprintf("policy name %s in use", e.Name) }

func key(guid string) string { return strings.ToLower(guid) }

// is reports whether v is one of values (exactly).
func is(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// Register adds the Defender settings to s: their kinds and checks.
func Register(s *store.Schema) {
	safeLinksKind.Register(s)
	safeAttachmentKind.Register(s)
	safeLinksRuleKind.Register(s)
	safeAttachmentRuleKind.Register(s)
	builtInRuleKind.Register(s)
	protectionRuleKind.Register(s)
	eopRuleKind.Register(s)
	atpKind.Register(s)
	s.AddCheck("safe-links-policies", checkSafeLinks)
	s.AddCheck("safe-attachment-policies", checkSafeAttachments)
	s.AddCheck("safe-links-rules", SafeLinksRules.Check)
	s.AddCheck("safe-attachment-rules", SafeAttachmentRules.Check)
	s.AddCheck("atp-protection-policy-rules", ProtectionRules.Check)
	s.AddCheck("eop-protection-policy-rules", EOPRules.Check)
}
