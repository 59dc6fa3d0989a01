package groups

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/opath"
)

// Dynamic distribution groups: a group whose members are the recipients a
// recipient filter finds. Exchange Online keeps the calculated member
// list on the group and refreshes it on its own schedule: the first list
// is there two hours after the group is created, a change of the filter
// clears the list and the new one is there two hours later, and then the
// list is recalculated once a day. Between refreshes the list is what it
// was, even when recipients changed. An administrator can force a refresh,
// once more than an hour has passed since the last one.

// TypeDynamic is the RecipientTypeDetails (and RecipientType) of a
// dynamic distribution group.
const TypeDynamic = "DynamicDistributionGroup"

// Filter types of a dynamic distribution group.
const (
	FilterCustom    = "Custom"
	FilterPrecanned = "Precanned"
)

// Membership timing.
const (
	// FirstCalculation is how long after a group is created, or its
	// filter changed, the member list is calculated.
	FirstCalculation = 2 * time.Hour
	// RefreshInterval is how often the member list is recalculated.
	RefreshInterval = 24 * time.Hour
	// ForceRefreshAfter is how long after the last refresh a forced one
	// is allowed.
	ForceRefreshAfter = time.Hour
)

// TimerDynamicRefresh recalculates a dynamic group's members (payload:
// the group's GUID).
const TimerDynamicRefresh = "groups.dynamic.refresh"

// DynamicGroup is a dynamic distribution group.
type DynamicGroup struct {
	Guid                      string   `json:"guid"` // primary key, lower case
	ExternalDirectoryObjectId string   `json:"externalDirectoryObjectId"`
	Name                      string   `json:"name"`
	DisplayName               string   `json:"displayName"`
	Alias                     string   `json:"alias"`
	PrimarySmtpAddress        string   `json:"primarySmtpAddress"`
	EmailAddresses            []string `json:"emailAddresses"`
	// RecipientFilter and LdapRecipientFilter are the filter as Exchange
	// stores it (the recipients asked for, and the system mailboxes no
	// group reaches), in OPATH and in LDAP syntax.
	RecipientFilter     string `json:"recipientFilter"`
	LdapRecipientFilter string `json:"ldapRecipientFilter"`
	// RecipientFilterType is Custom (-RecipientFilter) or Precanned
	// (-IncludedRecipients and the Conditional parameters).
	RecipientFilterType string `json:"recipientFilterType"`
	// IncludedRecipients are the precanned recipient types (WellKnownRecipientType names).
	IncludedRecipients []string `json:"includedRecipients,omitempty"`
	// Conditions are the precanned conditions by recipient property
	// (Department, Company, StateOrProvince, CustomAttribute1..15).
	Conditions         map[string][]string `json:"conditions,omitempty"`
	RecipientContainer string              `json:"recipientContainer,omitempty"`
	ManagedBy          []Member            `json:"managedBy,omitempty"`
	Notes              string              `json:"notes,omitempty"`
	// Settings are the group's other documented properties, by name.
	Settings map[string]store.RawValue `json:"settings,omitempty"`
	// Members is the calculated member list.
	Members []Member `json:"members"`
	// MembershipUpdated is when the member list was last calculated (nil:
	// never yet).
	MembershipUpdated *time.Time `json:"membershipUpdated,omitempty"`
	WhenCreated       time.Time  `json:"whenCreated"`
	WhenChanged       time.Time  `json:"whenChanged"`
}

// DistinguishedName is the group's DN in the hosted organization.
func (g *DynamicGroup) DistinguishedName(tenant, partition string) string {
	return directory.HostedDN(g.Name, tenant, partition, false)
}

// Matches reports whether an identity names the group (as Group.Matches).
func (g *DynamicGroup) Matches(identity, tenant, partition string) bool {
	return identityMatches(identity, []string{g.Name, g.Alias, g.DisplayName, g.PrimarySmtpAddress},
		[]string{g.Guid, g.ExternalDirectoryObjectId, g.DistinguishedName(tenant, partition)}, g.EmailAddresses)
}

// AsGroup is the group as the recipient cmdlets show it next to the
// other groups (Get-Recipient, a nested member): RecipientTypeDetails
// DynamicDistributionGroup. The value is not stored.
func (g *DynamicGroup) AsGroup() *Group {
	return &Group{Guid: g.Guid, ExternalDirectoryObjectId: g.ExternalDirectoryObjectId, Name: g.Name, DisplayName: g.DisplayName,
		Alias: g.Alias, PrimarySmtpAddress: g.PrimarySmtpAddress, EmailAddresses: g.EmailAddresses, RecipientTypeDetails: TypeDynamic,
		Description: g.Notes, ManagedBy: g.ManagedBy, Members: g.Members, HiddenFromAddressListsEnabled: g.hidden(),
		WhenCreated: g.WhenCreated, WhenChanged: g.WhenChanged}
}

// Recipients returns every group a recipient listing shows, the dynamic
// ones (as AsGroup) with the others, in name order.
func Recipients(tx *store.Tx) ([]*Group, error) {
	gs, err := List(tx)
	if err != nil {
		return nil, err
	}
	ds, err := ListDynamic(tx)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		gs = append(gs, d.AsGroup())
	}
	store.SortByName(gs, func(g *Group) string { return g.Name })
	return gs, nil
}

// FindRecipients returns the groups, dynamic ones included, an identity
// names, in name order.
func FindRecipients(tx *store.Tx, identity string) ([]*Group, error) {
	gs, err := Find(tx, identity)
	if err != nil {
		return nil, err
	}
	ds, err := FindDynamic(tx, identity)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		gs = append(gs, d.AsGroup())
	}
	store.SortByName(gs, func(g *Group) string { return g.Name })
	return gs, nil
}

var dynamicKind = store.DefineKind(store.KindSpec[DynamicGroup]{Bucket: "dynamicGroups", Name: "dynamic distribution group", CreatedOnWrite: true})

// ListDynamic returns every dynamic group in name order.
func ListDynamic(tx *store.Tx) ([]*DynamicGroup, error) {
	gs, err := dynamicKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(gs, func(g *DynamicGroup) string { return g.Name })
	return gs, nil
}

// GetDynamic returns a dynamic group by GUID.
func GetDynamic(tx *store.Tx, guid string) (*DynamicGroup, bool, error) {
	return dynamicKind.Get(tx, strings.ToLower(guid))
}

// FindDynamic returns the dynamic groups an identity names, in name order.
func FindDynamic(tx *store.Tx, identity string) ([]*DynamicGroup, error) {
	return findNamed(tx, identity, ListDynamic)
}

// FilterSpec is what a dynamic group's members are chosen by: a custom
// OPATH filter, or precanned recipient types and conditions.
type FilterSpec struct {
	Custom     string
	IsCustom   bool
	Included   []string
	Conditions map[string][]string
}

// NewDynamic creates a dynamic group: its name, alias and address must be
// free among recipients; its member list is calculated FirstCalculation
// later.
func NewDynamic(tx *store.Tx, g *DynamicGroup, spec FilterSpec) error {
	if err := applyFilter(g, spec); err != nil {
		return err
	}
	g.Guid = strings.ToLower(tx.NewGuid())
	g.ExternalDirectoryObjectId = strings.ToLower(tx.NewGuid())
	if err := checkUnique(tx, g); err != nil {
		return err
	}
	g.Members = []Member{}
	g.WhenCreated, g.WhenChanged = tx.Now(), tx.Now()
	if err := dynamicKind.Put(tx, g.Guid, g); err != nil {
		return err
	}
	_, err := tx.Schedule(tx.Now().Add(FirstCalculation), TimerDynamicRefresh, g.Guid)
	return err
}

// SetDynamicFilter replaces a group's filter: the member list is cleared
// and calculated again FirstCalculation later.
func SetDynamicFilter(tx *store.Tx, g *DynamicGroup, spec FilterSpec) error {
	if err := applyFilter(g, spec); err != nil {
		return err
	}
	g.Members = []Member{}
	if err := tx.CancelTimersFor(g.Guid, TimerDynamicRefresh); err != nil {
		return err
	}
	_, err := tx.Schedule(tx.Now().Add(FirstCalculation), TimerDynamicRefresh, g.Guid)
	return err
}

// PutDynamic stores a changed group, checking its name, alias and
// addresses are still free.
func PutDynamic(tx *store.Tx, g *DynamicGroup) error {
	if err := checkUnique(tx, g); err != nil {
		return err
	}
	g.WhenChanged = tx.Now()
	return dynamicKind.Put(tx, g.Guid, g)
}

// RemoveDynamic deletes a group and its refresh timer; the group leaves
// the lists of the other groups (members, delivery settings) at once.
func RemoveDynamic(tx *store.Tx, g *DynamicGroup) error {
	if err := tx.CancelTimersFor(g.Guid, TimerDynamicRefresh); err != nil {
		return err
	}
	if _, err := dynamicKind.Delete(tx, g.Guid); err != nil {
		return err
	}
	return DropLinks(tx, g.Guid)
}

// dropFromDynamic takes a deleted group out of the member lists of the
// dynamic groups.
func dropFromDynamic(tx *store.Tx, guid string) error {
	ds, err := ListDynamic(tx)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if kept, dropped := dropMember(d.Members, guid); dropped {
			d.Members = kept
			if err := dynamicKind.Put(tx, d.Guid, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// RefreshTooSoonError refuses a forced refresh within ForceRefreshAfter
// of the last one.
type RefreshTooSoonError struct {
	Group string
	Last  time.Time
}

func (e *RefreshTooSoonError) Error() string {
	return fmt.Sprintf("the members of %s were refreshed at %s, less than an hour ago", e.Group, e.Last.UTC().Format(time.RFC3339))
}

// ForceRefresh calculates a group's members now (the daily refresh goes
// on from now), unless the last refresh was less than ForceRefreshAfter
// ago.
func ForceRefresh(tx *store.Tx, g *DynamicGroup) error {
	if g.MembershipUpdated != nil && tx.Now().Sub(*g.MembershipUpdated) <= ForceRefreshAfter {
		return &RefreshTooSoonError{Group: g.Name, Last: *g.MembershipUpdated}
	}
	if err := tx.CancelTimersFor(g.Guid, TimerDynamicRefresh); err != nil {
		return err
	}
	return refresh(tx, g)
}

// refresh calculates the group's members, stores them and schedules the
// next refresh.
func refresh(tx *store.Tx, g *DynamicGroup) error {
	ms, err := Evaluate(tx, g.RecipientFilter, g.Guid)
	if err != nil {
		return err
	}
	now := tx.Now()
	g.Members, g.MembershipUpdated = ms, &now
	if err := dynamicKind.Put(tx, g.Guid, g); err != nil {
		return err
	}
	_, err = tx.Schedule(now.Add(RefreshInterval), TimerDynamicRefresh, g.Guid)
	return err
}

// fireDynamicRefresh is the refresh timer: a group that is gone has
// nothing to refresh.
func fireDynamicRefresh(tx *store.Tx, t store.Timer) error {
	g, ok, err := GetDynamic(tx, t.Payload)
	if err != nil || !ok {
		return err
	}
	return refresh(tx, g)
}

// Evaluate returns the recipients a stored recipient filter finds, as
// member links in name order: live mailboxes and mail users (their
// accounts), distribution and security groups and Microsoft 365 groups,
// and other dynamic groups (never the group self names).
func Evaluate(tx *store.Tx, filter, self string) ([]Member, error) {
	f, err := opath.Parse(filter)
	if err != nil {
		return nil, &store.ValidationError{Field: "RecipientFilter", Message: err.Error()}
	}
	type hit struct {
		name string
		m    Member
	}
	var hits []hit
	match := func(get func(string) any) bool {
		ok, err := f.Eval(func(p string) (any, bool) { return get(p), true })
		return err == nil && ok
	}
	err = directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		if !m.IsLive() || m.LinkedUserID() == "" {
			return nil
		}
		var u *directory.User
		if x, err := directory.GetUser(tx, m.LinkedUserID()); err == nil {
			u = x
		}
		if match(func(p string) any { return mailboxFilterValue(m, u, p) }) {
			hits = append(hits, hit{m.Name, Member{ID: strings.ToLower(m.LinkedUserID()), Kind: MemberUser}})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	gs, err := List(tx)
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		if match(func(p string) any {
			return groupFilterValue(p, g.Name, g.Alias, g.DisplayName, g.PrimarySmtpAddress, g.EmailAddresses, g.RecipientType(), g.RecipientTypeDetails, g.HiddenFromAddressListsEnabled)
		}) {
			hits = append(hits, hit{g.Name, Member{ID: g.Guid, Kind: MemberGroup}})
		}
	}
	cs, err := directory.ListContacts(tx)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if match(func(p string) any { return contactFilterValue(c, p) }) {
			hits = append(hits, hit{c.Name, Member{ID: c.Guid, Kind: MemberContact}})
		}
	}
	ds, err := ListDynamic(tx)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		if strings.EqualFold(d.Guid, self) {
			continue
		}
		if match(func(p string) any {
			return groupFilterValue(p, d.Name, d.Alias, d.DisplayName, d.PrimarySmtpAddress, d.EmailAddresses, TypeDynamic, TypeDynamic, d.hidden())
		}) {
			hits = append(hits, hit{d.Name, Member{ID: d.Guid, Kind: MemberGroup}})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return strings.ToLower(hits[i].name) < strings.ToLower(hits[j].name) })
	out := make([]Member, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.m)
	}
	return out, nil
}

// UserMatches reports whether a recipient filter finds the account with
// object ID userID, by its mailbox or mail user as Evaluate tests it; an
// account without one (or no account) is not found.
func UserMatches(tx *store.Tx, filter, userID string) (bool, error) {
	f, err := opath.Parse(filter)
	if err != nil {
		return false, &store.ValidationError{Field: "RecipientFilter", Message: err.Error()}
	}
	u, err := directory.GetUser(tx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil || u.MailboxGuid == "" {
		return false, err
	}
	m, err := directory.GetMailbox(tx, u.MailboxGuid)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil || !m.IsLive() {
		return false, err
	}
	ok, err := f.Eval(func(p string) (any, bool) { return mailboxFilterValue(m, u, p), true })
	return err == nil && ok, nil
}

// hidden reports HiddenFromAddressListsEnabled of the group.
func (g *DynamicGroup) hidden() bool {
	var b bool
	if raw, ok := g.Settings["HiddenFromAddressListsEnabled"]; ok {
		_ = store.DecodeExtra(raw, &b)
	}
	return b
}

// mailboxFilterValue is what a recipient filter sees of a mailbox or mail
// user: the directory's recipient properties, plus the internal ones
// Exchange's stored filters name.
func mailboxFilterValue(m *directory.Mailbox, u *directory.User, p string) any {
	switch strings.ToLower(p) {
	case "recipienttypedetailsvalue":
		return m.RecipientTypeDetails
	case "recipientdisplaytype":
		return displayType(m.RecipientTypeDetails)
	case "resourcemetadata":
		switch m.RecipientTypeDetails {
		case "RoomMailbox":
			return "ResourceType:Room"
		case "EquipmentMailbox":
			return "ResourceType:Equipment"
		}
		return nil
	case "resourcesearchproperties":
		switch m.RecipientTypeDetails {
		case "RoomMailbox":
			return "Room"
		case "EquipmentMailbox":
			return "Equipment"
		}
		return nil
	}
	return directory.RecipientProperty(m, u, p)
}

// groupFilterValue is what a recipient filter sees of a group.
// contactFilterValue is a mail contact's value of a filterable property:
// its names and addresses as for a group, RecipientType MailContact, and
// the directory attributes Set-Contact and Set-MailContact keep (the
// conditions of precanned filters among them).
func contactFilterValue(c *directory.Contact, p string) any {
	if v := groupFilterValue(p, c.Name, c.Alias, c.DisplayName, c.PrimarySmtpAddress, c.EmailAddresses, directory.RecipientMailContact,
		directory.RecipientMailContact, c.FlagOf("HiddenFromAddressListsEnabled", false)); v != nil {
		return v
	}
	switch strings.ToLower(p) {
	case "firstname":
		return c.FirstName
	case "lastname":
		return c.LastName
	case "externalemailaddress":
		return c.ExternalEmailAddress
	}
	for k, v := range c.Text {
		if strings.EqualFold(k, p) {
			return v
		}
	}
	return nil
}

func groupFilterValue(p, name, alias, display, smtp string, addrs []string, rtype, details string, hidden bool) any {
	switch strings.ToLower(p) {
	case "name":
		return name
	case "alias", "mailnickname":
		return alias
	case "displayname":
		return display
	case "primarysmtpaddress", "windowsemailaddress":
		return smtp
	case "emailaddresses":
		return addrs
	case "recipienttype":
		return rtype
	case "recipienttypedetails", "recipienttypedetailsvalue":
		return details
	case "recipientdisplaytype":
		return displayType(details)
	case "hiddenfromaddresslistsenabled":
		return hidden
	}
	return nil
}

// checkUnique refuses a dynamic group whose name, alias or primary
// address another recipient has.
func checkUnique(tx *store.Tx, g *DynamicGroup) error {
	return checkNames(tx, g.Guid, g.Name, g.Alias, g.PrimarySmtpAddress)
}

// checkNames refuses a name, alias or primary address that another
// recipient (a mailbox, mail user, mail contact or group other than the
// one whose GUID is self) already has (*store.DuplicateError naming the
// holder).
func checkNames(tx *store.Tx, self, name, alias, smtp string) error {
	return directory.CheckRecipientNames(tx, self, name, alias, smtp)
}

// nameHolder is the name of the group or dynamic group other than self
// that holds a name, alias or primary address ("" when none).
func nameHolder(tx *store.Tx, self, prop, value string) (string, error) {
	others, err := Recipients(tx)
	if err != nil {
		return "", err
	}
	for _, o := range others {
		if strings.EqualFold(o.Guid, self) {
			continue
		}
		held := map[string]string{"Name": o.Name, "Alias": o.Alias, "PrimarySmtpAddress": o.PrimarySmtpAddress}[prop]
		if strings.EqualFold(held, value) {
			return o.Name, nil
		}
	}
	return "", nil
}

// checkDynamic reports dynamic groups without a refresh timer, and members
// that are neither accounts nor existing groups.
func checkDynamic(tx *store.Tx, report func(store.Finding)) error {
	ds, err := ListDynamic(tx)
	if err != nil {
		return err
	}
	if len(ds) == 0 {
		return nil
	}
	timers, err := tx.PendingTimers()
	if err != nil {
		return err
	}
	scheduled := map[string]bool{}
	for _, t := range timers {
		if t.Kind == TimerDynamicRefresh {
			scheduled[t.Payload] = true
		}
	}
	for _, d := range ds {
		if !scheduled[d.Guid] {
			report(store.Finding{Kind: "dynamicGroup", Key: d.Guid, Message: "no membership refresh is scheduled"})
		}
		for _, m := range append(append([]Member(nil), d.Members...), d.ManagedBy...) {
			if m.Kind != MemberGroup {
				continue
			}
			_, ok, err := Get(tx, m.ID)
			if err != nil {
				return err
			}
			_, okd, err := GetDynamic(tx, m.ID)
			if err != nil {
				return err
			}
			if !ok && !okd {
				report(store.Finding{Kind: "dynamicGroup", Key: d.Guid, Message: "member group does not exist: " + m.ID})
			}
		}
	}
	return nil
}

// MailboxMatches reports whether a recipient filter finds the mailbox m
// (a live mailbox or mail user), as Evaluate would: a management scope's
// filter is asked this of one mailbox.
func MailboxMatches(tx *store.Tx, f *opath.Filter, m *directory.Mailbox) bool {
	var u *directory.User
	if m.LinkedUserID() != "" {
		if x, err := directory.GetUser(tx, m.LinkedUserID()); err == nil {
			u = x
		}
	}
	ok, err := f.Eval(func(p string) (any, bool) { return mailboxFilterValue(m, u, p), true })
	return err == nil && ok
}
