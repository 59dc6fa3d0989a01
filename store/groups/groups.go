// Package groups is the tenant's groups: distribution groups, mail-enabled
// security groups and Microsoft 365 groups, with their owners and members.
// Groups hold permissions on mailboxes and receive mail for their members;
// a member is a directory object (an account's object ID, or another
// group's GUID for a nested group).
package groups

import (
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Recipient type details of groups.
const (
	// TypeDistribution is a distribution group (MailUniversalDistributionGroup).
	TypeDistribution = "MailUniversalDistributionGroup"
	// TypeSecurity is a mail-enabled security group.
	TypeSecurity = "MailUniversalSecurityGroup"
	// TypeRoomList is a distribution group whose members are room
	// mailboxes (New-DistributionGroup -RoomList).
	TypeRoomList = "RoomList"
	// TypeUnified is a Microsoft 365 group (GroupMailbox).
	TypeUnified = "GroupMailbox"
	// TypeRoleGroup is a management role group as Get-Group shows it: a
	// security group that is not mail-enabled (RecipientType Group). Role
	// groups are stored by the rbac package; no stored Group has this type.
	TypeRoleGroup = "RoleGroup"
)

// Member kinds.
const (
	MemberUser  = "User"
	MemberGroup = "Group"
	// MemberContact is a mail contact (by its GUID).
	MemberContact = "Contact"
)

// Member is one member, owner or subscriber of a group.
type Member struct {
	ID   string `json:"id"` // account object ID or group GUID, lower case
	Kind string `json:"kind"`
}

// Group is a mail-enabled group.
type Group struct {
	Guid                      string   `json:"guid"` // primary key, lower case
	ExternalDirectoryObjectId string   `json:"externalDirectoryObjectId"`
	Name                      string   `json:"name"`
	DisplayName               string   `json:"displayName"`
	Alias                     string   `json:"alias"`
	PrimarySmtpAddress        string   `json:"primarySmtpAddress"`
	EmailAddresses            []string `json:"emailAddresses"`
	RecipientTypeDetails      string   `json:"recipientTypeDetails"`
	Description               string   `json:"description,omitempty"`
	Notes                     string   `json:"notes,omitempty"`
	// AccessType is Public or Private (Microsoft 365 groups).
	AccessType                         string   `json:"accessType,omitempty"`
	ManagedBy                          []Member `json:"managedBy"`
	Members                            []Member `json:"members"`
	Subscribers                        []Member `json:"subscribers,omitempty"`
	HiddenFromAddressListsEnabled      bool     `json:"hiddenFromAddressListsEnabled,omitempty"`
	RequireSenderAuthenticationEnabled bool     `json:"requireSenderAuthenticationEnabled"`
	MemberJoinRestriction              string   `json:"memberJoinRestriction"`
	MemberDepartRestriction            string   `json:"memberDepartRestriction"`
	// ModeratedBy are the moderators who approve messages to the group;
	// with none, its owners approve them.
	ModeratedBy       []Member `json:"moderatedBy,omitempty"`
	ModerationEnabled bool     `json:"moderationEnabled,omitempty"`
	// SendModerationNotifications is Always, Internal or Never ("" is
	// Always).
	SendModerationNotifications   string `json:"sendModerationNotifications,omitempty"`
	BypassNestedModerationEnabled bool   `json:"bypassNestedModerationEnabled,omitempty"`
	BccBlocked                    bool   `json:"bccBlocked,omitempty"`
	// HiddenGroupMembershipEnabled hides the member list from everyone
	// but the group's owners; once on, it stays on.
	HiddenGroupMembershipEnabled bool `json:"hiddenGroupMembershipEnabled,omitempty"`
	// CustomAttributes are CustomAttribute1..15 by index (0 is
	// CustomAttribute1); missing entries are empty.
	CustomAttributes []string `json:"customAttributes,omitempty"`
	// ExtensionCustomAttributes are ExtensionCustomAttribute1..5 by index,
	// each a list of values.
	ExtensionCustomAttributes [][]string `json:"extensionCustomAttributes,omitempty"`
	// The delivery restrictions, as Exchange keeps them: individual
	// senders (accounts and mail contacts) apart from groups (whose
	// members the restriction covers); the ...SendersOrMembers properties
	// are the two together.
	AcceptMessagesOnlyFrom          []Member `json:"acceptMessagesOnlyFrom,omitempty"`
	AcceptMessagesOnlyFromDLMembers []Member `json:"acceptMessagesOnlyFromDLMembers,omitempty"`
	RejectMessagesFrom              []Member `json:"rejectMessagesFrom,omitempty"`
	RejectMessagesFromDLMembers     []Member `json:"rejectMessagesFromDLMembers,omitempty"`
	// BypassModerationFrom and BypassModerationFromDLMembers send to the
	// moderated group without a moderator's approval.
	BypassModerationFrom          []Member `json:"bypassModerationFrom,omitempty"`
	BypassModerationFromDLMembers []Member `json:"bypassModerationFromDLMembers,omitempty"`
	// GrantSendOnBehalfTo may send on behalf of the group.
	GrantSendOnBehalfTo []Member `json:"grantSendOnBehalfTo,omitempty"`
	// MailTip is the custom MailTip as Exchange keeps it
	// (<html><body>text</body></html>); MailTipTranslations its
	// translations, "culture:text", the default one "default:text".
	MailTip             string   `json:"mailTip,omitempty"`
	MailTipTranslations []string `json:"mailTipTranslations,omitempty"`
	SimpleDisplayName   string   `json:"simpleDisplayName,omitempty"`
	// Where delivery reports go: to the group's first owner, and (unless
	// ReportToOriginatorOff) to the sender; out-of-office replies of
	// members to the sender.
	ReportToManagerEnabled            bool      `json:"reportToManagerEnabled,omitempty"`
	ReportToOriginatorOff             bool      `json:"reportToOriginatorOff,omitempty"`
	SendOofMessageToOriginatorEnabled bool      `json:"sendOofMessageToOriginatorEnabled,omitempty"`
	WhenCreated                       time.Time `json:"whenCreated"`
	WhenChanged                       time.Time `json:"whenChanged"`
	// WhenSoftDeleted is when a soft-deleted Microsoft 365 group was
	// deleted (see SoftDelete); nil for every stored live group.
	WhenSoftDeleted *time.Time `json:"whenSoftDeleted,omitempty"`
}

// Links are the group's lists of linked objects: members, owners,
// moderators, subscribers and those its delivery settings name.
func (g *Group) Links() []*[]Member {
	return []*[]Member{&g.Members, &g.ManagedBy, &g.ModeratedBy, &g.Subscribers, &g.AcceptMessagesOnlyFrom,
		&g.AcceptMessagesOnlyFromDLMembers, &g.RejectMessagesFrom, &g.RejectMessagesFromDLMembers, &g.BypassModerationFrom,
		&g.BypassModerationFromDLMembers, &g.GrantSendOnBehalfTo}
}

// ExtensionCustomAttribute returns ExtensionCustomAttribute n (1..5).
func (g *Group) ExtensionCustomAttribute(n int) []string {
	if n < 1 || n > len(g.ExtensionCustomAttributes) {
		return nil
	}
	return g.ExtensionCustomAttributes[n-1]
}

// SetExtensionCustomAttribute sets ExtensionCustomAttribute n (1..5).
func (g *Group) SetExtensionCustomAttribute(n int, v []string) {
	for len(g.ExtensionCustomAttributes) < n {
		g.ExtensionCustomAttributes = append(g.ExtensionCustomAttributes, nil)
	}
	g.ExtensionCustomAttributes[n-1] = v
	for len(g.ExtensionCustomAttributes) > 0 && len(g.ExtensionCustomAttributes[len(g.ExtensionCustomAttributes)-1]) == 0 {
		g.ExtensionCustomAttributes = g.ExtensionCustomAttributes[:len(g.ExtensionCustomAttributes)-1]
	}
}

// IsSecurity reports whether the group is a security principal (it can
// hold permissions).
func (g *Group) IsSecurity() bool { return g.RecipientTypeDetails == TypeSecurity }

// IsUnified reports whether the group is a Microsoft 365 group.
func (g *Group) IsUnified() bool { return g.RecipientTypeDetails == TypeUnified }

// RecipientType is the group's RecipientType.
func (g *Group) RecipientType() string {
	switch g.RecipientTypeDetails {
	case TypeSecurity:
		return "MailUniversalSecurityGroup"
	case TypeUnified:
		return "MailUniversalDistributionGroup"
	case TypeRoleGroup:
		return "Group"
	case TypeDynamic:
		return TypeDynamic
	}
	return "MailUniversalDistributionGroup"
}

// GroupType is the group's GroupType flags as Exchange shows them.
func (g *Group) GroupType() string {
	if g.IsSecurity() || g.RecipientTypeDetails == TypeRoleGroup {
		return "Universal, SecurityEnabled"
	}
	return "Universal"
}

// DistinguishedName is the group's DN in the hosted organization.
func (g *Group) DistinguishedName(tenant, partition string) string {
	return directory.HostedDN(g.Name, tenant, partition, false)
}

var groupKind = store.DefineKind(store.KindSpec[Group]{Bucket: "groups", Name: "group"})

// Register adds the groups to s: their kinds, the membership refresh of
// dynamic groups, the purge of soft-deleted groups and the checks that
// every member and owner exists.
func Register(s *store.Schema) {
	groupKind.Register(s)
	dynamicKind.Register(s)
	s.AddTimer(TimerDynamicRefresh, fireDynamicRefresh)
	s.AddCheck("groups", checkGroups)
	directory.NameHolders.Add(s, nameHolder)
	s.AddCheck("dynamic-groups", checkDynamic)
	softDeletedKind.Register(s)
	s.AddTimer(TimerSoftDeletedGroupPurge, firePurge)
	directory.NameHolders.Add(s, softDeletedAddressHolder)
	s.AddCheck("soft-deleted-groups", checkSoftDeleted)
}

// CustomAttribute returns CustomAttribute n (1..15), "" when unset.
func (g *Group) CustomAttribute(n int) string {
	if n < 1 || n > len(g.CustomAttributes) {
		return ""
	}
	return g.CustomAttributes[n-1]
}

// SetCustomAttribute sets CustomAttribute n (1..15).
func (g *Group) SetCustomAttribute(n int, v string) {
	for len(g.CustomAttributes) < n {
		g.CustomAttributes = append(g.CustomAttributes, "")
	}
	g.CustomAttributes[n-1] = v
	for len(g.CustomAttributes) > 0 && g.CustomAttributes[len(g.CustomAttributes)-1] == "" {
		g.CustomAttributes = g.CustomAttributes[:len(g.CustomAttributes)-1]
	}
}

// Put stores a group.
func Put(tx *store.Tx, g *Group) error {
	g.Guid = strings.ToLower(g.Guid)
	return groupKind.Put(tx, g.Guid, g)
}

// Update stores a changed group, checking its name, alias and primary
// address are still free among the recipients (*store.DuplicateError).
func Update(tx *store.Tx, g *Group) error {
	if err := checkNames(tx, g.Guid, g.Name, g.Alias, g.PrimarySmtpAddress); err != nil {
		return err
	}
	g.WhenChanged = tx.Now()
	return Put(tx, g)
}

// Get returns a group by GUID.
func Get(tx *store.Tx, guid string) (*Group, bool, error) {
	return groupKind.Get(tx, strings.ToLower(guid))
}

// List returns every group in name order.
func List(tx *store.Tx) ([]*Group, error) {
	gs, err := groupKind.List(tx)
	if err != nil {
		return nil, err
	}
	store.SortByName(gs, func(g *Group) string { return g.Name })
	return gs, nil
}

// Matches reports whether an identity names the group: its name, alias,
// display name, any address, GUID, directory object ID or DN, without
// regard to case; an identity with * matches by Exchange's wildcard rule
// against the name, alias, display name and primary address.
func (g *Group) Matches(identity, tenant, partition string) bool {
	return identityMatches(identity, []string{g.Name, g.Alias, g.DisplayName, g.PrimarySmtpAddress},
		[]string{g.Guid, g.ExternalDirectoryObjectId, g.DistinguishedName(tenant, partition)}, g.EmailAddresses)
}

// identityMatches is the identity rule of every kind of group: a value
// with * matches names (name, alias, display name, primary address) by
// Exchange's wildcard rule; any other value equals one of the names, one
// of the other identifiers or the address part of one of the addresses,
// without regard to case.
func identityMatches(identity string, names, ids, addresses []string) bool {
	id := strings.TrimSpace(identity)
	if id == "" {
		return false
	}
	if wildcard.HasStar(id) {
		p, _ := wildcard.Compile(id, wildcard.StarOnly)
		for _, s := range names {
			if p.Match(s) {
				return true
			}
		}
		return false
	}
	for _, s := range append(names, ids...) {
		if strings.EqualFold(s, id) {
			return true
		}
	}
	for _, a := range addresses {
		if i := strings.IndexByte(a, ':'); i >= 0 && strings.EqualFold(a[i+1:], id) {
			return true
		}
	}
	return false
}

// Find returns the groups an identity names, in name order.
func Find(tx *store.Tx, identity string) ([]*Group, error) {
	return findNamed(tx, identity, List)
}

// findNamed returns the groups of list that an identity names (see
// Group.Matches), in list's order.
func findNamed[G interface {
	Matches(identity, tenant, partition string) bool
}](tx *store.Tx, identity string, list func(*store.Tx) ([]G, error)) ([]G, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	all, err := list(tx)
	if err != nil {
		return nil, err
	}
	var out []G
	for _, g := range all {
		if g.Matches(identity, org.Name, org.DirectoryPartition) {
			out = append(out, g)
		}
	}
	return out, nil
}

// GroupsOf returns the groups whose members include id, in name order.
func GroupsOf(tx *store.Tx, id string) ([]*Group, error) {
	all, err := List(tx)
	if err != nil {
		return nil, err
	}
	var out []*Group
	for _, g := range all {
		for _, m := range g.Members {
			if strings.EqualFold(m.ID, id) {
				out = append(out, g)
				break
			}
		}
	}
	return out, nil
}

// checkGroups reports nested groups that do not exist. An account that
// was deleted simply stops counting as a member when the group is read
// (Exchange drops the link), so accounts are not checked.
func checkGroups(tx *store.Tx, report func(store.Finding)) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	for _, g := range all {
		var missing []string
		for _, l := range g.Links() {
			for _, m := range *l {
				switch m.Kind {
				case MemberGroup:
					if ok, err := groupExists(tx, m.ID); err != nil {
						return err
					} else if !ok {
						missing = append(missing, m.ID)
					}
				case MemberContact:
					if _, ok, err := directory.GetContact(tx, m.ID); err != nil {
						return err
					} else if !ok {
						missing = append(missing, m.ID)
					}
				case MemberUser:
				default:
					missing = append(missing, m.Kind+":"+m.ID)
				}
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			report(store.Finding{Kind: "group", Key: g.Guid, Message: "members or owners that are not accounts or existing groups: " + strings.Join(missing, ", ")})
		}
	}
	return nil
}

// groupExists reports whether a group or dynamic group has that GUID
// (delivery restrictions name dynamic groups too).
func groupExists(tx *store.Tx, guid string) (bool, error) {
	if _, ok, err := Get(tx, guid); err != nil || ok {
		return ok, err
	}
	_, ok, err := GetDynamic(tx, guid)
	return ok, err
}

// New stores a new distribution group, mail-enabled security group or
// room list: it gets its GUID and directory object ID, and its name, alias
// and primary address must be free among the active recipients and the
// other groups (*store.DuplicateError).
func New(tx *store.Tx, g *Group) error {
	g.Guid = strings.ToLower(tx.NewGuid())
	g.ExternalDirectoryObjectId = strings.ToLower(tx.NewGuid())
	if err := checkNames(tx, g.Guid, g.Name, g.Alias, g.PrimarySmtpAddress); err != nil {
		return err
	}
	if g.Members == nil {
		g.Members = []Member{}
	}
	g.WhenCreated, g.WhenChanged = tx.Now(), tx.Now()
	return Put(tx, g)
}

// Remove deletes a group: it leaves the members, owners and moderators of
// every other group and the member lists of the dynamic groups at once.
func Remove(tx *store.Tx, g *Group) error {
	if _, err := groupKind.Delete(tx, g.Guid); err != nil {
		return err
	}
	return DropLinks(tx, g.Guid)
}

// DropLinks takes a deleted object (a group, a dynamic group or a mail
// contact) out of the members, owners, moderators, subscribers and
// delivery settings of every group and the member lists of the dynamic
// groups.
func DropLinks(tx *store.Tx, id string) error {
	all, err := List(tx)
	if err != nil {
		return err
	}
	for _, o := range all {
		changed := false
		for _, l := range o.Links() {
			if kept, dropped := dropMember(*l, id); dropped {
				*l, changed = kept, true
			}
		}
		if changed {
			o.WhenChanged = tx.Now()
			if err := Put(tx, o); err != nil {
				return err
			}
		}
	}
	return dropFromDynamic(tx, id)
}

// dropMember is ms without the object id; dropped reports whether it was
// there.
func dropMember(ms []Member, id string) (kept []Member, dropped bool) {
	kept = ms[:0:0]
	for _, m := range ms {
		if strings.EqualFold(m.ID, id) {
			dropped = true
			continue
		}
		kept = append(kept, m)
	}
	if !dropped {
		return ms, false
	}
	return kept, true
}

// AddMember adds a member to a group; it reports false when the object is
// a member already. A group can't be a member of itself.
func AddMember(tx *store.Tx, g *Group, m Member) (bool, error) {
	m.ID = strings.ToLower(m.ID)
	if m.Kind == MemberGroup && strings.EqualFold(m.ID, g.Guid) {
		return false, &store.ValidationError{Field: "Member", Message: "a group can't be a member of itself"}
	}
	for _, x := range g.Members {
		if strings.EqualFold(x.ID, m.ID) {
			return false, nil
		}
	}
	g.Members = append(g.Members, m)
	g.WhenChanged = tx.Now()
	return true, Put(tx, g)
}

// RemoveMember removes a member from a group (and from its subscribers);
// it reports false when the object was not a member.
func RemoveMember(tx *store.Tx, g *Group, id string) (bool, error) {
	drop := func(ms []Member) ([]Member, bool) {
		out := ms[:0:0]
		found := false
		for _, x := range ms {
			if strings.EqualFold(x.ID, id) {
				found = true
				continue
			}
			out = append(out, x)
		}
		return out, found
	}
	var found bool
	if g.Members, found = drop(g.Members); !found {
		return false, nil
	}
	g.Subscribers, _ = drop(g.Subscribers)
	g.WhenChanged = tx.Now()
	return true, Put(tx, g)
}
