// Package mailboxpolicy is the organization's mailbox policies, the
// policies each mailbox is assigned one of: Outlook on the web mailbox
// policies (Get-/New-/Set-/Remove-OwaMailboxPolicy, Set-CASMailbox
// -OwaMailboxPolicy), mobile device mailbox policies
// (Get-/New-/Set-/Remove-MobileDeviceMailboxPolicy, Set-CASMailbox
// -ActiveSyncMailboxPolicy), role assignment policies
// (Get-/New-/Set-/Remove-RoleAssignmentPolicy, Set-Mailbox
// -RoleAssignmentPolicy), and which policy each mailbox was given.
//
// Each kind of policy is a Family: a policyset.Set (the built-in policy
// with the service's defaults, stored from the kind's first write on;
// names unique without regard to case; exactly one default, which can't
// be removed) whose policies mailboxes link to by Guid. A policy a
// mailbox follows can't be removed either. A mailbox the tenant keeps no
// link for follows the built-in Outlook on the web mailbox and role
// assignment policies (Exchange Online stamps them on every new mailbox:
// the mailbox plans name them, whichever policy is the default) and the
// default mobile device mailbox policy, whichever it is.
package mailboxpolicy

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
	"github.com/exosim/exosim/store/policyset"
)

// Cleared is the link of a mailbox whose policy of a kind was cleared
// (-OwaMailboxPolicy $null): it shows none and follows the kind's
// default policy.
const Cleared = "-"

// Links are the policies one mailbox was given, each by its Guid; an
// empty one is the built-in policy of its kind, Cleared none.
type Links struct {
	MailboxGuid string `json:"mailboxGuid"`
	// Owa is the mailbox's Outlook on the web mailbox policy.
	Owa string `json:"owa,omitempty"`
	// Mobile is its mobile device mailbox policy.
	Mobile string `json:"mobile,omitempty"`
	// Role is its role assignment policy.
	Role string `json:"role,omitempty"`
}

// empty reports whether the links name no policy.
func (l *Links) empty() bool { return l.Owa == "" && l.Mobile == "" && l.Role == "" }

var links = &permailbox.Records[Links]{
	Kind:  store.DefineKind(store.KindSpec[Links]{Bucket: "mailboxPolicyLinks", Name: "mailboxPolicyLinks", Noun: "mailbox policy links", CreatedOnWrite: true}),
	Name:  "mailboxPolicyLinks",
	Owner: func(l *Links) *string { return &l.MailboxGuid },
}

// Register adds the mailbox policies to s: each kind of policy, the
// mailboxes' links (gone with their mailbox) and the checks of both.
func Register(s *store.Schema) {
	OwaPolicies.Kind().Register(s)
	s.AddCheck("owa-mailbox-policies", func(tx *store.Tx, report func(store.Finding)) error {
		return OwaPolicies.Check(tx, report, checkOwa)
	})
	MobilePolicies.Kind().Register(s)
	s.AddCheck("mobile-device-mailbox-policies", func(tx *store.Tx, report func(store.Finding)) error {
		return MobilePolicies.Check(tx, report, checkMobile)
	})
	RolePolicies.Kind().Register(s)
	s.AddCheck("role-assignment-policies", func(tx *store.Tx, report func(store.Finding)) error {
		return RolePolicies.Check(tx, report, checkRole)
	})
	directory.AfterMailboxCreate.Add(s, func(tx *store.Tx, m *directory.Mailbox) error {
		if err := OwaPolicies.stamp(tx, m); err != nil {
			return err
		}
		return RolePolicies.stamp(tx, m)
	})
	links.Register(s, "mailbox-policy-links", func(_ string, l *Links, _ *directory.Mailbox, report func(string)) {
		if l.empty() {
			report("the record names no policy")
		}
	})
	s.AddCheck("mailbox-policy-link-targets", checkLinkTargets)
}

// GetLinks returns the policies the mailbox with that Guid was given
// (empty links when none).
func GetLinks(tx *store.Tx, mailboxGuid string) (*Links, error) {
	return links.GetOr(tx, mailboxGuid, func() *Links { return &Links{MailboxGuid: strings.ToLower(mailboxGuid)} })
}

// AnyLinks reports whether some mailbox was given a policy of its own:
// a listing of a tenant where none was reads no link.
func AnyLinks(tx *store.Tx) bool { return links.Kind.Any(tx) }

// putLinks stores a mailbox's links; links that name no policy are
// dropped.
func putLinks(tx *store.Tx, l *Links) error {
	l.MailboxGuid = strings.ToLower(l.MailboxGuid)
	if l.empty() {
		return links.Drop(tx, l.MailboxGuid)
	}
	return links.Put(tx, l.MailboxGuid, l)
}

// Record is the pointer to a policy record a Family keeps: it shows its
// Head and its settings.
type Record[T any] interface {
	*T
	Head() policyset.Head
	Config() *Settings
}

// Family is one kind of mailbox policy, T its record: a policyset.Set
// whose policies mailboxes link to.
type Family[T any, P Record[T]] struct {
	policyset.Set[T, P]
	// Link returns the field of a mailbox's links that names its policy
	// of this kind.
	Link func(*Links) *string
	// Noun names the kind in errors ("Outlook on the web mailbox policy");
	// BuiltinName is the name of its built-in policy.
	Noun, BuiltinName string
	// FollowsDefault: a mailbox without a link follows the kind's default
	// policy, whichever it is (ActiveSyncMailboxPolicyIsDefaulted), and
	// is given no link back when its policy is cleared; otherwise it
	// follows the built-in policy, stamped on it when it was created.
	FollowsDefault bool
	// Settle, when not nil, applies the rules that tie some settings of a
	// policy to others before it is stored.
	Settle func(P)
	// Stamps, when not nil, tells the new mailboxes that are given the
	// kind's default policy when it is another than the built-in one
	// (the mailbox plans give the others the built-in policy).
	Stamps func(m *directory.Mailbox) bool
}

// stamp gives the new mailbox m the kind's default policy, when Stamps
// says m gets it and it is not the built-in one.
func (f *Family[T, P]) stamp(tx *store.Tx, m *directory.Mailbox) error {
	if f.Stamps == nil || !f.Kind().Any(tx) {
		return nil
	}
	if cur, err := directory.GetMailbox(tx, m.Guid); err == nil {
		m = cur
	}
	if !f.Stamps(m) {
		return nil
	}
	all, err := f.List(tx)
	if err != nil {
		return err
	}
	b, err := f.builtin(tx)
	if err != nil {
		return err
	}
	for _, p := range all {
		if h := p.Head(); *h.IsDefault && !strings.EqualFold(*h.Guid, b) {
			return f.Assign(tx, m.Guid, p)
		}
	}
	return nil
}

// Create adds a new policy (see policyset.Set.Create) once Settle has
// applied the kind's rules.
func (f *Family[T, P]) Create(tx *store.Tx, p P) error {
	if f.Settle != nil {
		f.Settle(p)
	}
	return f.Set.Create(tx, p)
}

// Put stores a changed policy once Settle has applied the kind's rules.
func (f *Family[T, P]) Put(tx *store.Tx, p P) error {
	if f.Settle != nil {
		f.Settle(p)
	}
	return f.Set.Put(tx, p)
}

// builtin returns the Guid of the kind's built-in policy.
func (f *Family[T, P]) builtin(tx *store.Tx) (string, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return "", err
	}
	return *f.Defaults(org).Head().Guid, nil
}

// Find returns the policy with that Guid (nil when there is none).
func (f *Family[T, P]) Find(tx *store.Tx, guid string) (P, error) {
	all, err := f.List(tx)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if strings.EqualFold(*p.Head().Guid, guid) {
			return p, nil
		}
	}
	return nil, nil
}

// Of returns the policy the mailbox with that Guid follows: the one it
// was given, else the built-in one (nil when that one was removed), or
// the default one when its policy was cleared.
func (f *Family[T, P]) Of(tx *store.Tx, mailboxGuid string) (P, error) {
	l, err := GetLinks(tx, mailboxGuid)
	if err != nil {
		return nil, err
	}
	guid := *f.Link(l)
	if guid == Cleared || guid == "" && f.FollowsDefault {
		all, err := f.List(tx)
		if err != nil {
			return nil, err
		}
		for _, p := range all {
			if *p.Head().IsDefault {
				return p, nil
			}
		}
		return nil, nil
	}
	if guid == "" {
		if guid, err = f.builtin(tx); err != nil {
			return nil, err
		}
	}
	return f.Find(tx, guid)
}

// Assign gives the mailbox with that Guid the policy p of the kind (nil:
// none, Cleared; with FollowsDefault no link, the default one).
func (f *Family[T, P]) Assign(tx *store.Tx, mailboxGuid string, p P) error {
	l, err := GetLinks(tx, mailboxGuid)
	if err != nil {
		return err
	}
	guid := Cleared
	if f.FollowsDefault {
		guid = ""
	}
	if p != nil {
		guid = strings.ToLower(*p.Head().Guid)
		if b, err := f.builtin(tx); err != nil {
			return err
		} else if strings.EqualFold(guid, b) && !f.FollowsDefault {
			guid = ""
		}
	}
	*f.Link(l) = guid
	return putLinks(tx, l)
}

// Users counts the mailboxes that follow the policy p (those linked to
// it, and for the built-in policy those linked to none; those whose
// policy was cleared follow the default one, which stays anyway).
func (f *Family[T, P]) Users(tx *store.Tx, p P) (int, error) {
	guid := *p.Head().Guid
	b, err := f.builtin(tx)
	if err != nil {
		return 0, err
	}
	n, linked := 0, 0
	if links.Kind.Any(tx) {
		err = links.Kind.ForEach(tx, "", func(_ string, l *Links) error {
			if g := *f.Link(l); g != "" {
				linked++
				if strings.EqualFold(g, guid) {
					n++
				}
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	if strings.EqualFold(guid, b) && !f.FollowsDefault {
		all := 0
		if err := directory.ForEachMailbox(tx, "", func(*directory.Mailbox) error { all++; return nil }); err != nil {
			return 0, err
		}
		n += all - linked
	}
	return n, nil
}

// InUseError is the removal of a policy mailboxes follow.
type InUseError struct {
	Noun, Name string
	Mailboxes  int
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("the %s %s is assigned to %d mailboxes", e.Noun, e.Name, e.Mailboxes)
}

// CanRemove tells why the policy p can't be removed (nil: it can): it is
// the default one (policyset.ErrRemoveDefault) or mailboxes follow it
// (InUseError).
func (f *Family[T, P]) CanRemove(tx *store.Tx, p P) error {
	if *p.Head().IsDefault {
		return policyset.ErrRemoveDefault
	}
	n, err := f.Users(tx, p)
	if err != nil {
		return err
	}
	if n > 0 {
		return &InUseError{Noun: f.Noun, Name: *p.Head().Name, Mailboxes: n}
	}
	return nil
}

// Remove removes the policy p once CanRemove allows it.
func (f *Family[T, P]) Remove(tx *store.Tx, p P) error {
	if err := f.CanRemove(tx, p); err != nil {
		return err
	}
	return f.Set.Remove(tx, p)
}

// Rename gives the policy p a new name, unique in its kind
// (policyset.NameInUseError); it stores nothing.
func (f *Family[T, P]) Rename(tx *store.Tx, p P, name string) error {
	all, err := f.List(tx)
	if err != nil {
		return err
	}
	h := p.Head()
	for _, o := range all {
		if oh := o.Head(); *oh.Guid != *h.Guid && strings.EqualFold(*oh.Name, name) {
			return &policyset.NameInUseError{Name: name}
		}
	}
	*h.Name = name
	return nil
}

// MakeDefault makes p the default policy of its kind (-IsDefault): the
// former default one is no longer.
func (f *Family[T, P]) MakeDefault(tx *store.Tx, p P) error {
	all, err := f.Materialize(tx)
	if err != nil {
		return err
	}
	h := p.Head()
	for _, o := range all {
		if oh := o.Head(); !strings.EqualFold(*oh.Guid, *h.Guid) && *oh.IsDefault {
			*oh.IsDefault = false
			if err := f.Put(tx, o); err != nil {
				return err
			}
		}
	}
	*h.IsDefault = true
	return f.Put(tx, p)
}

// Names tells the name of the policy of a kind each mailbox follows,
// read once for a listing.
type Names struct {
	// unlinked is the name of the policy a mailbox without a link follows
	unlinked string
	byGuid   map[string]string // lower-case Guid → name
}

// LoadNames reads the policies of the kind for a listing. A tenant that
// never wrote the kind reads no record, not even the organization's.
func (f *Family[T, P]) LoadNames(tx *store.Tx) (*Names, error) {
	if !f.Kind().Any(tx) {
		return &Names{unlinked: f.BuiltinName}, nil
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	def := f.Defaults(org).Head()
	n := &Names{}
	all, err := f.List(tx)
	if err != nil {
		return nil, err
	}
	n.byGuid = map[string]string{}
	for _, p := range all {
		h := p.Head()
		n.byGuid[strings.ToLower(*h.Guid)] = *h.Name
		if f.FollowsDefault && *h.IsDefault || !f.FollowsDefault && strings.EqualFold(*h.Guid, *def.Guid) {
			n.unlinked = *h.Name
		}
	}
	return n, nil
}

// Of is the name of the policy a mailbox with those links follows ("" for
// none: the built-in policy was removed); link picks the kind's field.
func (n *Names) Of(l *Links, link func(*Links) *string) string {
	g := ""
	if l != nil {
		g = *link(l)
	}
	switch g {
	case "":
		return n.unlinked
	case Cleared:
		return ""
	}
	return n.byGuid[strings.ToLower(g)]
}

// checkLinkTargets reports links to a policy that does not exist.
func checkLinkTargets(tx *store.Tx, report func(store.Finding)) error {
	if !links.Kind.Any(tx) {
		return nil
	}
	return links.Kind.ForEach(tx, "", func(key string, l *Links) error {
		if err := checkTarget(tx, OwaPolicies, l, key, report); err != nil {
			return err
		}
		if err := checkTarget(tx, MobilePolicies, l, key, report); err != nil {
			return err
		}
		return checkTarget(tx, RolePolicies, l, key, report)
	})
}

// View is what a listing of mailboxes reads once: the names of the
// policies of each kind, and whether any mailbox has links.
type View struct {
	owa, mobile, role *Names
	links             bool
}

// LoadView reads the view of the policies for a listing.
func LoadView(tx *store.Tx) (*View, error) {
	owa, err := OwaPolicies.LoadNames(tx)
	if err != nil {
		return nil, err
	}
	mobile, err := MobilePolicies.LoadNames(tx)
	if err != nil {
		return nil, err
	}
	role, err := RolePolicies.LoadNames(tx)
	if err != nil {
		return nil, err
	}
	return &View{owa: owa, mobile: mobile, role: role, links: AnyLinks(tx)}, nil
}

// LinksOf returns the links of the mailbox with that Guid (nil when it
// has none).
func (v *View) LinksOf(tx *store.Tx, mailboxGuid string) (*Links, error) {
	if v == nil || !v.links {
		return nil, nil
	}
	l, ok, err := links.Get(tx, mailboxGuid)
	if !ok {
		return nil, err
	}
	return l, err
}

// Owa is the name of the Outlook on the web mailbox policy a mailbox with
// the links l (nil: none) shows ("" for none); a nil View knows the
// built-in policy only.
func (v *View) Owa(l *Links) string {
	if v == nil {
		if l != nil && l.Owa == Cleared {
			return ""
		}
		return OwaDefaultName
	}
	return v.owa.Of(l, OwaPolicies.Link)
}

// checkTarget reports a link of l to a policy of the family f that does
// not exist.
func checkTarget[T any, P Record[T]](tx *store.Tx, f *Family[T, P], l *Links, key string, report func(store.Finding)) error {
	g := *f.Link(l)
	if g == "" || g == Cleared {
		return nil
	}
	p, err := f.Find(tx, g)
	if err == nil && p == nil {
		report(store.Finding{Kind: "mailboxPolicyLinks", Key: key, Message: "the " + f.Noun + " " + g + " does not exist"})
	}
	return err
}

// Mobile is the name of the mobile device mailbox policy a mailbox with
// the links l (nil: none) follows, and whether it follows the default one
// for want of its own (ActiveSyncMailboxPolicyIsDefaulted); a nil View
// knows the built-in policy only.
func (v *View) Mobile(l *Links) (name string, defaulted bool) {
	defaulted = l == nil || l.Mobile == ""
	if v == nil {
		return MobileDefaultName, defaulted
	}
	return v.mobile.Of(l, MobilePolicies.Link), defaulted
}

// Role is the name of the role assignment policy a mailbox with the links
// l (nil: none) follows ("" for none); a nil View knows the built-in
// policy only.
func (v *View) Role(l *Links) string {
	if v == nil {
		if l != nil && l.Role == Cleared {
			return ""
		}
		return RoleDefaultName
	}
	return v.role.Of(l, RolePolicies.Link)
}
