// Package addressbook is the organization's address book: address lists
// and global address lists (Get-/New-/Set-/Remove-AddressList and
// -GlobalAddressList), offline address books (-OfflineAddressBook),
// address book policies (-AddressBookPolicy) and the mailboxes that
// follow one (Set-Mailbox -AddressBookPolicy).
//
// Every organization has the built-in lists: the address lists All
// Contacts, All Distribution Lists, All Groups, All Rooms, All Users and
// Public Folders, the global address list Default Global Address List and
// the offline address book Default Offline Address Book, which holds it.
// The tenant keeps the record of a built-in object only once it was
// changed or removed; records are kept by Guid, so an object keeps its
// record when renamed.
//
// An address book policy names exactly one global address list, one
// offline address book, one room list and one or more address lists. An
// object a policy or an offline address book names can't be removed, nor
// a policy mailboxes follow, nor the default global address list or
// offline address book.
package addressbook

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// The names of the built-in objects.
const (
	DefaultGAL = "Default Global Address List"
	DefaultOAB = "Default Offline Address Book"
	AllRooms   = "All Rooms"
)

// How a list's filter was made (RecipientFilterType).
const (
	FilterLegacy    = "Legacy"
	FilterCustom    = "Custom"
	FilterPrecanned = "Precanned"
)

// List is an address list, or a global address list (Global).
type List struct {
	Guid        string `json:"guid"`
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	Global      bool   `json:"global,omitempty"`
	// Parent is the Guid of the address list this one is under ("": the
	// root, \).
	Parent string `json:"parent,omitempty"`
	// RecipientFilter is the filter as Exchange stores it,
	// LdapRecipientFilter its LDAP form.
	RecipientFilter     string `json:"recipientFilter"`
	LdapRecipientFilter string `json:"ldapRecipientFilter,omitempty"`
	// RecipientFilterType: Legacy (the built-in lists), Custom or
	// Precanned; a precanned filter's recipient types and conditions.
	RecipientFilterType string              `json:"recipientFilterType"`
	IncludedRecipients  []string            `json:"includedRecipients,omitempty"`
	Conditions          map[string][]string `json:"conditions,omitempty"`
	WhenCreated         time.Time           `json:"whenCreated"`
	WhenChanged         time.Time           `json:"whenChanged"`
	// Removed marks a built-in list once it was removed.
	Removed bool `json:"removed,omitempty"`
}

// OAB is an offline address book.
type OAB struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// AddressLists are the Guids of the lists it holds.
	AddressLists []string `json:"addressLists"`
	IsDefault    bool     `json:"isDefault,omitempty"`
	// DiffRetentionPeriod is days, or "Unlimited".
	DiffRetentionPeriod                string `json:"diffRetentionPeriod"`
	FullOabDownloadPreventionThreshold int    `json:"fullOabDownloadPreventionThreshold"`
	ZipOabFilesBeforeUploading         bool   `json:"zipOabFilesBeforeUploading,omitempty"`
	// Schedule is the generation schedule as given (-Schedule), which
	// only Exchange 2010 followed ("" none).
	Schedule    string    `json:"schedule,omitempty"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
	Removed     bool      `json:"removed,omitempty"`
}

// Policy is an address book policy; its links are Guids.
type Policy struct {
	Guid               string    `json:"guid"`
	Name               string    `json:"name"`
	AddressLists       []string  `json:"addressLists"`
	GlobalAddressList  string    `json:"globalAddressList"`
	OfflineAddressBook string    `json:"offlineAddressBook"`
	RoomList           string    `json:"roomList"`
	WhenCreated        time.Time `json:"whenCreated"`
	WhenChanged        time.Time `json:"whenChanged"`
}

// Assignment is the address book policy a mailbox follows, by the
// policy's Guid.
type Assignment = permailbox.PolicyLink

var (
	listKind   = store.DefineKind(store.KindSpec[List]{Bucket: "addressLists", Name: "addressList", Noun: "address list", CreatedOnWrite: true})
	oabKind    = store.DefineKind(store.KindSpec[OAB]{Bucket: "offlineAddressBooks", Name: "offlineAddressBook", Noun: "offline address book", CreatedOnWrite: true})
	policyKind = store.DefineKind(store.KindSpec[Policy]{Bucket: "addressBookPolicies", Name: "addressBookPolicy", Noun: "address book policy", CreatedOnWrite: true})
)

var assignments = &permailbox.Records[Assignment]{
	Kind:  store.DefineKind(store.KindSpec[Assignment]{Bucket: "addressBookPolicyAssignments", Name: "addressBookPolicyAssignment", Noun: "address book policy assignment", CreatedOnWrite: true}),
	Name:  "addressBookPolicyAssignment",
	Owner: func(a *Assignment) *string { return &a.MailboxGuid },
}

// Register adds the address book's kinds and their check to s.
func Register(s *store.Schema) {
	listKind.Register(s)
	oabKind.Register(s)
	policyKind.Register(s)
	assignments.Register(s, "address-book-policy-assignments", nil)
	s.AddCheck("address-book", check)
}

// builtInList is a built-in list: its name, whether it is global, its
// filter (Exchange's own, kept as the legacy filter it shows).
type builtInList struct {
	name, filter string
	global       bool
}

var builtInLists = []builtInList{
	{"All Contacts", "((Alias -ne $null) -and (((ObjectCategory -like 'person') -and (ObjectClass -eq 'contact'))))", false},
	{"All Distribution Lists", "((Alias -ne $null) -and (ObjectCategory -like 'group'))", false},
	{"All Groups", "((Alias -ne $null) -and (RecipientTypeDetailsValue -eq 'GroupMailbox'))", false},
	{AllRooms, "((Alias -ne $null) -and (((RecipientDisplayType -eq 'ConferenceRoomMailbox') -or (RecipientDisplayType -eq 'SyncedConferenceRoomMailbox'))))", false},
	{"All Users", "((Alias -ne $null) -and (((((((ObjectCategory -like 'person') -and (ObjectClass -eq 'user') -and (-not(Database -ne $null)) -and (-not(ServerLegacyDN -ne $null)))) -or (((ObjectCategory -like 'person') -and (ObjectClass -eq 'user') -and (((Database -ne $null) -or (ServerLegacyDN -ne $null))))))) -and (-not(RecipientTypeDetailsValue -eq 'GroupMailbox')))))", false},
	{"Public Folders", "((Alias -ne $null) -and (ObjectCategory -like 'publicFolder'))", false},
	// the default GAL's filter as Exchange Online shows it
	{DefaultGAL, "(Alias -ne $null -and (ObjectClass -eq 'user' -or ObjectClass -eq 'contact' -or ObjectClass -eq 'msExchSystemMailbox' -or ObjectClass -eq 'msExchDynamicDistributionList' -or ObjectClass -eq 'group' -or ObjectClass -eq 'publicFolder'))", true},
}

// builtInGuid is the Guid of the organization's built-in object of a
// kind ("list", "gal", "oab") and name.
func builtInGuid(org *directory.Organization, kind, name string) string {
	return store.DerivedGuid("address-book\x00" + org.Guid + "\x00" + kind + "\x00" + name)
}

func listKindName(global bool) string {
	if global {
		return "gal"
	}
	return "list"
}

// IsBuiltIn reports whether the list is one every organization has.
func IsBuiltIn(org *directory.Organization, l *List) bool {
	for _, b := range builtInLists {
		if strings.EqualFold(l.Guid, builtInGuid(org, listKindName(b.global), b.name)) {
			return true
		}
	}
	return false
}

// IsDefaultGAL reports whether the list is the default global address
// list.
func IsDefaultGAL(org *directory.Organization, l *List) bool {
	return strings.EqualFold(l.Guid, builtInGuid(org, "gal", DefaultGAL))
}

// IsBuiltInRooms reports whether the list is the built-in All Rooms list.
func IsBuiltInRooms(org *directory.Organization, l *List) bool {
	return strings.EqualFold(l.Guid, builtInGuid(org, "list", AllRooms))
}

func builtInListRecords(org *directory.Organization) []*List {
	out := make([]*List, 0, len(builtInLists))
	for _, b := range builtInLists {
		out = append(out, &List{Guid: builtInGuid(org, listKindName(b.global), b.name), Name: b.name, DisplayName: b.name, Global: b.global,
			RecipientFilter: b.filter, RecipientFilterType: FilterLegacy, WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated})
	}
	return out
}

func builtInOAB(org *directory.Organization) *OAB {
	return &OAB{Guid: builtInGuid(org, "oab", DefaultOAB), Name: DefaultOAB, AddressLists: []string{builtInGuid(org, "gal", DefaultGAL)},
		IsDefault: true, DiffRetentionPeriod: "30", FullOabDownloadPreventionThreshold: -1,
		WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated}
}

// merge lists the built-in objects (unless a record stands for them) and
// the stored ones that are not removed, in the order they were made, by
// name among those made at once.
func merge[T any](stored, builtIn []*T, key func(*T) (guid, name string, when time.Time, removed bool)) []*T {
	has := map[string]bool{}
	for _, s := range stored {
		g, _, _, _ := key(s)
		has[strings.ToLower(g)] = true
	}
	var out []*T
	for _, b := range builtIn {
		if g, _, _, _ := key(b); !has[strings.ToLower(g)] {
			out = append(out, b)
		}
	}
	for _, s := range stored {
		if _, _, _, removed := key(s); !removed {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		_, ni, wi, _ := key(out[i])
		_, nj, wj, _ := key(out[j])
		if !wi.Equal(wj) {
			return wi.Before(wj)
		}
		return strings.ToLower(ni) < strings.ToLower(nj)
	})
	return out
}

func listKey(l *List) (string, string, time.Time, bool) {
	return l.Guid, l.Name, l.WhenCreated, l.Removed
}
func oabKey(o *OAB) (string, string, time.Time, bool) {
	return o.Guid, o.Name, o.WhenCreated, o.Removed
}

// AllLists returns the address lists and global address lists.
func AllLists(tx *store.Tx) ([]*List, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	stored, err := listKind.List(tx)
	if err != nil {
		return nil, err
	}
	return merge(stored, builtInListRecords(org), listKey), nil
}

// Lists returns the address lists (global false) or the global address
// lists (global true).
func Lists(tx *store.Tx, global bool) ([]*List, error) {
	all, err := AllLists(tx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, l := range all {
		if l.Global == global {
			out = append(out, l)
		}
	}
	return out, nil
}

// OABs returns the offline address books.
func OABs(tx *store.Tx) ([]*OAB, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	stored, err := oabKind.List(tx)
	if err != nil {
		return nil, err
	}
	return merge(stored, []*OAB{builtInOAB(org)}, oabKey), nil
}

// Policies returns the address book policies in the order they were made.
func Policies(tx *store.Tx) ([]*Policy, error) {
	all, err := policyKind.List(tx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool {
		if !all[i].WhenCreated.Equal(all[j].WhenCreated) {
			return all[i].WhenCreated.Before(all[j].WhenCreated)
		}
		return strings.ToLower(all[i].Name) < strings.ToLower(all[j].Name)
	})
	return all, nil
}

// partition is the distinguished-name tail of the organization's
// configuration objects.
func partition(org *directory.Organization) string {
	return ",CN=" + org.Name + ",CN=ConfigurationUnits,DC=" + org.DirectoryPartition + ",DC=PROD,DC=OUTLOOK,DC=COM"
}

// ListDN is the distinguished name of a list: address lists live in All
// Address Lists, global ones in All Global Address Lists.
func ListDN(org *directory.Organization, l *List) string {
	c := "All Address Lists"
	if l.Global {
		c = "All Global Address Lists"
	}
	return "CN=" + l.Name + ",CN=" + c + ",CN=Address Lists Container" + partition(org)
}

// OABDN is the distinguished name of an offline address book.
func OABDN(org *directory.Organization, o *OAB) string {
	return "CN=" + o.Name + ",CN=Offline Address Lists,CN=Address Lists Container" + partition(org)
}

// MatchPolicies returns the address book policies an identity names: by
// name, Guid or distinguished name, without regard to case ("" names
// none).
func MatchPolicies(tx *store.Tx, id string) ([]*Policy, error) {
	if id == "" {
		return nil, nil
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	all, err := Policies(tx)
	if err != nil {
		return nil, err
	}
	var out []*Policy
	for _, p := range all {
		if strings.EqualFold(id, p.Name) || strings.EqualFold(id, p.Guid) || strings.EqualFold(id, PolicyDN(org, p)) {
			out = append(out, p)
		}
	}
	return out, nil
}

// PolicyDN is the distinguished name of an address book policy.
func PolicyDN(org *directory.Organization, p *Policy) string {
	return "CN=" + p.Name + ",CN=AddressBook Mailbox Policies" + partition(org)
}

// Path is how Exchange shows an address list, global address list or
// offline address book: its name under the root, "\Name".
func Path(name string) string { return `\` + name }

// Children returns the address lists directly under the list with that
// Guid.
func Children(tx *store.Tx, guid string) ([]*List, error) {
	all, err := Lists(tx, false)
	if err != nil {
		return nil, err
	}
	var out []*List
	for _, l := range all {
		if l.Parent != "" && strings.EqualFold(l.Parent, guid) {
			out = append(out, l)
		}
	}
	return out, nil
}

// NameInUseError is an object named as another of its kind.
type NameInUseError struct{ Name, DN string }

func (e *NameInUseError) Error() string { return "name in use: " + e.Name }

// PutList stores a new or changed list; its name must be free among the
// lists of its kind (address lists, global address lists).
func PutList(tx *store.Tx, l *List) error {
	all, err := Lists(tx, l.Global)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Guid != l.Guid && strings.EqualFold(o.Name, l.Name) && strings.EqualFold(o.Parent, l.Parent) {
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return err
			}
			return &NameInUseError{Name: l.Name, DN: ListDN(org, l)}
		}
	}
	if l.Guid == "" {
		l.Guid = strings.ToLower(tx.NewGuid())
		l.WhenCreated = tx.Now()
	}
	l.WhenChanged = tx.Now()
	return listKind.Put(tx, strings.ToLower(l.Guid), l)
}

// PutOAB stores a new or changed offline address book: its name free,
// its lists existing; one made the default takes that role from the
// others.
func PutOAB(tx *store.Tx, o *OAB) error {
	all, err := OABs(tx)
	if err != nil {
		return err
	}
	for _, x := range all {
		if x.Guid != o.Guid && strings.EqualFold(x.Name, o.Name) {
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return err
			}
			return &NameInUseError{Name: o.Name, DN: OABDN(org, o)}
		}
	}
	if o.Guid == "" {
		o.Guid = strings.ToLower(tx.NewGuid())
		o.WhenCreated = tx.Now()
	}
	if o.IsDefault {
		for _, x := range all {
			if x.Guid != o.Guid && x.IsDefault {
				x.IsDefault, x.WhenChanged = false, tx.Now()
				if err := oabKind.Put(tx, strings.ToLower(x.Guid), x); err != nil {
					return err
				}
			}
		}
	}
	o.WhenChanged = tx.Now()
	return oabKind.Put(tx, strings.ToLower(o.Guid), o)
}

// PutPolicy stores a new or changed address book policy: its name free.
// The caller has checked its links (see the cmdlets: one GAL, one OAB,
// one room list, address lists).
func PutPolicy(tx *store.Tx, p *Policy) error {
	all, err := Policies(tx)
	if err != nil {
		return err
	}
	for _, x := range all {
		if x.Guid != p.Guid && strings.EqualFold(x.Name, p.Name) {
			org, err := directory.GetOrganization(tx)
			if err != nil {
				return err
			}
			return &NameInUseError{Name: p.Name, DN: PolicyDN(org, p)}
		}
	}
	if p.Guid == "" {
		p.Guid = strings.ToLower(tx.NewGuid())
		p.WhenCreated = tx.Now()
	}
	p.WhenChanged = tx.Now()
	return policyKind.Put(tx, strings.ToLower(p.Guid), p)
}

// InUseError is the removal of an object others name: By is what names
// it ("policy" or "oab" or "mailboxes"), Names those objects.
type InUseError struct {
	By    string
	Names []string
}

func (e *InUseError) Error() string { return "in use by " + e.By + ": " + strings.Join(e.Names, ", ") }

// DefaultRemovalError is the removal of the default global address list
// or offline address book.
type DefaultRemovalError struct{ Name string }

func (e *DefaultRemovalError) Error() string { return "the default " + e.Name + " can't be removed" }

// CanRemoveList tells why a list can't be removed (nil: it can).
func CanRemoveList(tx *store.Tx, l *List) error {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if IsDefaultGAL(org, l) {
		return &DefaultRemovalError{Name: l.Name}
	}
	ps, err := Policies(tx)
	if err != nil {
		return err
	}
	var by []string
	for _, p := range ps {
		if strings.EqualFold(p.GlobalAddressList, l.Guid) || strings.EqualFold(p.RoomList, l.Guid) || containsFold(p.AddressLists, l.Guid) {
			by = append(by, p.Name)
		}
	}
	if len(by) > 0 {
		return &InUseError{By: "policy", Names: by}
	}
	oabs, err := OABs(tx)
	if err != nil {
		return err
	}
	for _, o := range oabs {
		if containsFold(o.AddressLists, l.Guid) {
			by = append(by, o.Name)
		}
	}
	if len(by) > 0 {
		return &InUseError{By: "oab", Names: by}
	}
	return nil
}

// RemoveList deletes a list (a built-in one by a record that says so).
func RemoveList(tx *store.Tx, l *List) error {
	if err := CanRemoveList(tx, l); err != nil {
		return err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if IsBuiltIn(org, l) {
		gone := *l
		gone.Removed, gone.WhenChanged = true, tx.Now()
		return listKind.Put(tx, strings.ToLower(l.Guid), &gone)
	}
	_, err = listKind.Delete(tx, strings.ToLower(l.Guid))
	return err
}

// CanRemoveOAB tells why an offline address book can't be removed.
func CanRemoveOAB(tx *store.Tx, o *OAB) error {
	if o.IsDefault {
		return &DefaultRemovalError{Name: o.Name}
	}
	ps, err := Policies(tx)
	if err != nil {
		return err
	}
	var by []string
	for _, p := range ps {
		if strings.EqualFold(p.OfflineAddressBook, o.Guid) {
			by = append(by, p.Name)
		}
	}
	if len(by) > 0 {
		return &InUseError{By: "policy", Names: by}
	}
	return nil
}

// RemoveOAB deletes an offline address book.
func RemoveOAB(tx *store.Tx, o *OAB) error {
	if err := CanRemoveOAB(tx, o); err != nil {
		return err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	if strings.EqualFold(o.Guid, builtInGuid(org, "oab", DefaultOAB)) {
		gone := *o
		gone.Removed, gone.WhenChanged = true, tx.Now()
		return oabKind.Put(tx, strings.ToLower(o.Guid), &gone)
	}
	_, err = oabKind.Delete(tx, strings.ToLower(o.Guid))
	return err
}

// CanRemovePolicy tells why a policy can't be removed: mailboxes follow
// it.
func CanRemovePolicy(tx *store.Tx, p *Policy) error {
	n, err := Users(tx, p.Guid)
	if err != nil {
		return err
	}
	if n > 0 {
		return &InUseError{By: "mailboxes", Names: []string{fmt.Sprint(n)}}
	}
	return nil
}

// RemovePolicy deletes an address book policy no mailbox follows.
func RemovePolicy(tx *store.Tx, p *Policy) error {
	if err := CanRemovePolicy(tx, p); err != nil {
		return err
	}
	_, err := policyKind.Delete(tx, strings.ToLower(p.Guid))
	return err
}

// Assign makes a mailbox follow a policy (by Guid); "" takes it away.
func Assign(tx *store.Tx, mailboxGuid, policyGuid string) error {
	return permailbox.Link(assignments, tx, mailboxGuid, policyGuid)
}

// Users counts the mailboxes that follow the policy with that Guid.
func Users(tx *store.Tx, policyGuid string) (int, error) {
	return permailbox.Followers(assignments, tx, policyGuid)
}

// Names tells the name of the policy each mailbox follows, read once for
// a listing; a mailbox that follows none has "".
type Names struct {
	byMailbox map[string]string
	dn        map[string]string
}

// LoadNames reads the mailboxes' policies (a tenant with none reads no
// policy record).
func LoadNames(tx *store.Tx) (*Names, error) {
	n := &Names{}
	if !assignments.Kind.Any(tx) {
		return n, nil
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	ps, err := Policies(tx)
	if err != nil {
		return nil, err
	}
	byGuid := map[string]*Policy{}
	for _, p := range ps {
		byGuid[strings.ToLower(p.Guid)] = p
	}
	n.byMailbox, n.dn = map[string]string{}, map[string]string{}
	err = assignments.Kind.ForEach(tx, "", func(key string, a *Assignment) error {
		if p := byGuid[strings.ToLower(a.Policy)]; p != nil {
			n.byMailbox[key], n.dn[key] = p.Name, PolicyDN(org, p)
		}
		return nil
	})
	return n, err
}

// Of is the name of the policy the mailbox follows ("" for none).
func (n *Names) Of(mailboxGuid string) string {
	if n == nil {
		return ""
	}
	return n.byMailbox[strings.ToLower(mailboxGuid)]
}

// DNOf is the distinguished name of the policy the mailbox follows, what
// a filter compares ("" for none).
func (n *Names) DNOf(mailboxGuid string) string {
	if n == nil {
		return ""
	}
	return n.dn[strings.ToLower(mailboxGuid)]
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// check reports what breaks the rules above: names shared within a kind,
// links to objects that do not exist or of the wrong kind, a policy
// without address lists, no default offline address book or several.
func check(tx *store.Tx, report func(store.Finding)) error {
	if !listKind.Any(tx) && !oabKind.Any(tx) && !policyKind.Any(tx) && !assignments.Kind.Any(tx) {
		return nil
	}
	lists, err := AllLists(tx)
	if err != nil {
		return err
	}
	oabs, err := OABs(tx)
	if err != nil {
		return err
	}
	ps, err := Policies(tx)
	if err != nil {
		return err
	}
	byGuid := map[string]*List{}
	names := map[string]string{}
	for _, l := range lists {
		byGuid[strings.ToLower(l.Guid)] = l
		k := listKindName(l.Global) + "\x00" + strings.ToLower(l.Parent) + "\x00" + strings.ToLower(l.Name)
		if other, dup := names[k]; dup {
			report(store.Finding{Kind: "addressList", Key: l.Guid, Message: fmt.Sprintf("name %s is also the name of %s", l.Name, other)})
		}
		names[k] = l.Guid
		if l.Parent != "" && !exists(lists, l.Parent) {
			report(store.Finding{Kind: "addressList", Key: l.Guid, Message: "the parent address list " + l.Parent + " does not exist"})
		}
		if strings.TrimSpace(l.RecipientFilter) == "" {
			report(store.Finding{Kind: "addressList", Key: l.Guid, Message: "no recipient filter"})
		}
	}
	oabByGuid := map[string]bool{}
	defaults := 0
	for _, o := range oabs {
		oabByGuid[strings.ToLower(o.Guid)] = true
		if o.IsDefault {
			defaults++
		}
		if other, dup := names["oab\x00"+strings.ToLower(o.Name)]; dup {
			report(store.Finding{Kind: "offlineAddressBook", Key: o.Guid, Message: fmt.Sprintf("name %s is also the name of %s", o.Name, other)})
		}
		names["oab\x00"+strings.ToLower(o.Name)] = o.Guid
		for _, g := range o.AddressLists {
			if byGuid[strings.ToLower(g)] == nil {
				report(store.Finding{Kind: "offlineAddressBook", Key: o.Guid, Message: "the address list " + g + " does not exist"})
			}
		}
	}
	if defaults > 1 {
		report(store.Finding{Kind: "offlineAddressBook", Message: fmt.Sprintf("%d default offline address books; at most one", defaults)})
	}
	policyGuids := map[string]bool{}
	for _, p := range ps {
		policyGuids[strings.ToLower(p.Guid)] = true
		bad := func(format string, args ...any) {
			report(store.Finding{Kind: "addressBookPolicy", Key: p.Guid, Message: fmt.Sprintf(format, args...)})
		}
		if other, dup := names["abp\x00"+strings.ToLower(p.Name)]; dup {
			bad("name %s is also the name of %s", p.Name, other)
		}
		names["abp\x00"+strings.ToLower(p.Name)] = p.Guid
		if l := byGuid[strings.ToLower(p.GlobalAddressList)]; l == nil || !l.Global {
			bad("the global address list %s does not exist", p.GlobalAddressList)
		}
		if l := byGuid[strings.ToLower(p.RoomList)]; l == nil || l.Global {
			bad("the room list %s does not exist", p.RoomList)
		}
		if !oabByGuid[strings.ToLower(p.OfflineAddressBook)] {
			bad("the offline address book %s does not exist", p.OfflineAddressBook)
		}
		if len(p.AddressLists) == 0 {
			bad("no address lists")
		}
		for _, g := range p.AddressLists {
			if l := byGuid[strings.ToLower(g)]; l == nil || l.Global {
				bad("the address list %s does not exist", g)
			}
		}
	}
	return permailbox.CheckLinks(assignments, tx, "addressBookPolicyAssignment", "address book policy", policyGuids, report)
}

func exists(lists []*List, guid string) bool {
	for _, l := range lists {
		if strings.EqualFold(l.Guid, guid) && !l.Global {
			return true
		}
	}
	return false
}
