package sharingpolicy

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// New stores a new sharing policy (New-SharingPolicy): it gets its Guid
// and times; its name must be free and its domains distinct, and a
// policy made the default takes that role from the others.
func New(tx *store.Tx, p *Policy) error {
	p.Guid = strings.ToLower(tx.NewGuid())
	p.WhenCreated = tx.Now()
	return Put(tx, p)
}

// DefaultRemovalError is the removal of the default sharing policy.
type DefaultRemovalError struct{ Name string }

func (e *DefaultRemovalError) Error() string {
	return "the default sharing policy " + e.Name + " can't be removed"
}

// InUseError is the removal of a sharing policy some mailboxes have as
// their own.
type InUseError struct {
	Name      string
	Mailboxes int
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("sharing policy %s is assigned to %d mailboxes", e.Name, e.Mailboxes)
}

// Remove deletes a sharing policy (Remove-SharingPolicy). The default
// policy can't be removed (another one is made the default first), nor a
// policy a mailbox has as its own. The built-in default policy, once
// another is the default, is removed by keeping a record that says so.
func Remove(tx *store.Tx, p *Policy) error {
	if err := CanRemove(tx, p); err != nil {
		return err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if strings.EqualFold(p.Guid, DefaultGuid(org)) {
		gone := *p
		gone.Removed, gone.Domains, gone.WhenChanged = true, nil, tx.Now()
		return policyKind.Put(tx, strings.ToLower(p.Guid), &gone)
	}
	_, err = policyKind.Delete(tx, strings.ToLower(p.Guid))
	return err
}

// CanRemove tells why the policy can't be removed (nil: it can).
func CanRemove(tx *store.Tx, p *Policy) error {
	if p.Default {
		return &DefaultRemovalError{Name: p.Name}
	}
	n, err := Users(tx, p.Guid)
	if err != nil {
		return err
	}
	if n > 0 {
		return &InUseError{Name: p.Name, Mailboxes: n}
	}
	return nil
}

// Assignment is a mailbox's own sharing policy (Set-Mailbox
// -SharingPolicy), by the policy's Guid; a mailbox without one follows
// the default policy.
type Assignment = permailbox.PolicyLink

var assignments = &permailbox.Records[Assignment]{
	Kind:  store.DefineKind(store.KindSpec[Assignment]{Bucket: "sharingPolicyAssignments", Name: "sharingPolicyAssignment", Noun: "sharing policy assignment", CreatedOnWrite: true}),
	Name:  "sharingPolicyAssignment",
	Owner: func(a *Assignment) *string { return &a.MailboxGuid },
}

// Assign gives a mailbox its own sharing policy (by Guid); "" takes it
// away, so that the mailbox follows the default policy again.
func Assign(tx *store.Tx, mailboxGuid, policyGuid string) error {
	return permailbox.Link(assignments, tx, mailboxGuid, policyGuid)
}

// Users counts the mailboxes that have the policy with that Guid as
// their own.
func Users(tx *store.Tx, policyGuid string) (int, error) {
	return permailbox.Followers(assignments, tx, policyGuid)
}

// Names tells the name of the sharing policy each mailbox follows, as
// Get-Mailbox shows it: its own, else the default one. It is read once
// for a listing.
type Names struct {
	def   string
	owned map[string]string // mailbox Guid, lower case → policy name
}

// LoadNames reads the policies and the mailboxes' own ones. A tenant
// that assigned none and kept the built-in default reads no record.
func LoadNames(tx *store.Tx) (*Names, error) {
	n := &Names{def: DefaultName}
	if !policyKind.Any(tx) && !assignments.Kind.Any(tx) {
		return n, nil
	}
	all, err := List(tx)
	if err != nil {
		return nil, err
	}
	byGuid := map[string]string{}
	n.def = ""
	for _, p := range all {
		byGuid[strings.ToLower(p.Guid)] = p.Name
		if p.Default {
			n.def = p.Name
		}
	}
	err = assignments.Kind.ForEach(tx, "", func(key string, a *Assignment) error {
		if n.owned == nil {
			n.owned = map[string]string{}
		}
		n.owned[key] = byGuid[strings.ToLower(a.Policy)]
		return nil
	})
	return n, err
}

// Own is the name of the policy the mailbox with that Guid was given as
// its own (Set-Mailbox -SharingPolicy); ok is false for a mailbox that
// follows the default policy.
func (n *Names) Own(mailboxGuid string) (name string, ok bool) {
	if n == nil {
		return "", false
	}
	name, ok = n.owned[strings.ToLower(mailboxGuid)]
	return name, ok
}

// Of is the name of the policy the mailbox with that Guid follows ("" for
// none). A nil Names knows only the built-in default policy.
func (n *Names) Of(mailboxGuid string) string {
	if n == nil {
		return DefaultName
	}
	if name, ok := n.Own(mailboxGuid); ok {
		return name
	}
	return n.def
}

// checkAssignments reports mailboxes whose own policy does not exist.
func checkAssignments(tx *store.Tx, report func(store.Finding)) error {
	if !assignments.Kind.Any(tx) {
		return nil
	}
	all, err := List(tx)
	if err != nil {
		return err
	}
	exists := map[string]bool{}
	for _, p := range all {
		exists[strings.ToLower(p.Guid)] = true
	}
	return permailbox.CheckLinks(assignments, tx, "sharingPolicyAssignment", "sharing policy", exists, report)
}
