// Package rbac is role-based access control of the tenant: the management
// role groups, their roles and members, and the admin audit log.
package rbac

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Role-based access control: the tenant's management role groups (Exchange
// Online and Microsoft Purview), the management roles assigned to each and
// their members. Which cmdlets and parameters a role grants is product
// data that lives with the cmdlets (package cmdlets/rbac); the store keeps
// only what an administrator can change.

// bucketRoleGroups holds RoleGroup records keyed by lower-case name.
const bucketRoleGroups = "roleGroups"

// Role group services: Exchange Online role groups grant Exchange Online
// cmdlets, Microsoft Purview role groups Security & Compliance cmdlets.
const (
	ServiceExchange = "ExchangeOnline"
	ServicePurview  = "SecurityCompliance"
)

// RoleGroup is a management role group (Get-RoleGroup).
type RoleGroup struct {
	Name        string `json:"name"`
	Guid        string `json:"guid"`
	Description string `json:"description"`
	// Service is ServiceExchange or ServicePurview.
	Service string `json:"service"`
	// Roles are the management roles assigned to the group, by name.
	Roles []string `json:"roles"`
	// Members are the member accounts' ObjectIds (Entra user objects).
	Members     []string  `json:"members"`
	ManagedBy   []string  `json:"managedBy"`
	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// PurviewForest begins the directory path of every Security & Compliance
// object: the forest and the container of hosted organizations, followed
// by the tenant's name.
const PurviewForest = "FFO.extest.microsoft.com/Microsoft Exchange Hosted Organizations/"

// ObjectName is the group's Name as its service shows it: a Microsoft
// Purview role group's Name is its display name without spaces
// ("eDiscoveryManager" for eDiscovery Manager); an Exchange Online role
// group's Name is its display name.
func (g *RoleGroup) ObjectName() string {
	if g.Service == ServicePurview {
		return strings.ReplaceAll(g.Name, " ", "")
	}
	return g.Name
}

// PurviewIdentity is a Microsoft Purview role group's Identity under the
// tenant: PurviewForest, the tenant, "/Configuration/" and its Name.
func (g *RoleGroup) PurviewIdentity(tenant string) string {
	return PurviewForest + tenant + "/Configuration/" + g.ObjectName()
}

// HasMember reports whether the account with this ObjectId is a member.
func (g *RoleGroup) HasMember(objectID string) bool {
	for _, m := range g.Members {
		if strings.EqualFold(m, objectID) {
			return true
		}
	}
	return false
}

// RoleGroupGuid derives a role group's stable GUID from its name (the
// tenant's ID generator is left alone so seeding role groups moves no
// other generated value).
func RoleGroupGuid(name string) string {
	return store.DerivedGuid("exosim-rolegroup\x00" + strings.ToLower(name))
}

// RoleGroups returns every role group in name order.
func RoleGroups(tx *store.Tx) ([]*RoleGroup, error) {
	out, err := roleGroupKind.List(tx)
	if err != nil {
		return nil, err
	}
	// Keys are lower-case names: no two groups share a name.
	store.SortByName(out, func(g *RoleGroup) string { return g.Name })
	return out, nil
}

// GetRoleGroup finds a role group by name or GUID (case-insensitive); a
// Microsoft Purview role group also by its Name without spaces and by its
// Identity path.
func GetRoleGroup(tx *store.Tx, identity string) (*RoleGroup, error) {
	id := strings.TrimSpace(identity)
	g, ok, err := roleGroupKind.Get(tx, strings.ToLower(id))
	if err != nil {
		return nil, err
	}
	if ok {
		return g, nil
	}
	all, err := RoleGroups(tx)
	if err != nil {
		return nil, err
	}
	if guid, isGuid := store.NormalizeGuid(id); isGuid {
		for _, c := range all {
			if strings.EqualFold(c.Guid, guid) {
				return c, nil
			}
		}
	}
	for _, c := range all {
		if c.Service != ServicePurview {
			continue
		}
		name := c.ObjectName()
		if strings.EqualFold(id, name) {
			return c, nil
		}
		suffix := "/Configuration/" + name
		if len(id) > len(PurviewForest)+len(suffix) && strings.EqualFold(id[:len(PurviewForest)], PurviewForest) &&
			strings.EqualFold(id[len(id)-len(suffix):], suffix) {
			return c, nil
		}
	}
	return nil, &store.NotFoundError{Kind: "role group", Key: identity}
}

// PutRoleGroup stores a role group.
func PutRoleGroup(tx *store.Tx, g *RoleGroup) error {
	if strings.TrimSpace(g.Name) == "" {
		return &store.ValidationError{Field: "Name", Message: "empty"}
	}
	if g.Guid == "" {
		g.Guid = RoleGroupGuid(g.Name)
	}
	if g.Members == nil {
		g.Members = []string{}
	}
	if g.ManagedBy == nil {
		g.ManagedBy = []string{}
	}
	return roleGroupKind.Put(tx, strings.ToLower(g.Name), g)
}

// RoleGroupMemberError says why a membership change was refused.
type RoleGroupMemberError struct {
	Group, Member string
	// Present is true for "already a member", false for "not a member".
	Present bool
}

func (e *RoleGroupMemberError) Error() string {
	if e.Present {
		return fmt.Sprintf("%s is already a member of role group %s", e.Member, e.Group)
	}
	return fmt.Sprintf("%s isn't a member of role group %s", e.Member, e.Group)
}

// AddRoleGroupMember adds the account to the group.
func AddRoleGroupMember(tx *store.Tx, group, objectID string) (*RoleGroup, error) {
	g, err := GetRoleGroup(tx, group)
	if err != nil {
		return nil, err
	}
	if g.HasMember(objectID) {
		return g, &RoleGroupMemberError{Group: g.Name, Member: objectID, Present: true}
	}
	g.Members = append(g.Members, strings.ToLower(objectID))
	g.WhenChanged = tx.Now()
	return g, PutRoleGroup(tx, g)
}

// RemoveRoleGroupMember removes the account from the group.
func RemoveRoleGroupMember(tx *store.Tx, group, objectID string) (*RoleGroup, error) {
	g, err := GetRoleGroup(tx, group)
	if err != nil {
		return nil, err
	}
	if !g.HasMember(objectID) {
		return g, &RoleGroupMemberError{Group: g.Name, Member: objectID}
	}
	if strings.EqualFold(g.Name, OrgManagementGroup) {
		if err := guardLastOrgAdmin(tx, objectID); err != nil {
			return g, err
		}
	}
	kept := g.Members[:0]
	for _, m := range g.Members {
		if !strings.EqualFold(m, objectID) {
			kept = append(kept, m)
		}
	}
	g.Members = kept
	g.WhenChanged = tx.Now()
	return g, PutRoleGroup(tx, g)
}

// RoleGroupsOf returns the groups the account is a member of, in name
// order.
func RoleGroupsOf(tx *store.Tx, objectID string) ([]*RoleGroup, error) {
	all, err := RoleGroups(tx)
	if err != nil {
		return nil, err
	}
	var out []*RoleGroup
	for _, g := range all {
		if g.HasMember(objectID) {
			out = append(out, g)
		}
	}
	return out, nil
}

// MemberRoleGroups returns the role groups one of the accounts objectIDs
// is a member of, in name order, decoding only those (eachMemberGroup).
func MemberRoleGroups(tx *store.Tx, objectIDs []string) ([]*RoleGroup, error) {
	if len(objectIDs) == 0 {
		return nil, nil
	}
	var out []*RoleGroup
	var derr error
	_, err := eachMemberGroup(tx, objectIDs, func(raw []byte) {
		g := new(RoleGroup)
		if err := roleGroupKind.Decode(raw, g); err != nil && derr == nil {
			derr = err
		}
		out = append(out, g)
	})
	if err == nil {
		err = derr
	}
	if err != nil {
		return nil, err
	}
	store.SortByName(out, func(g *RoleGroup) string { return g.Name })
	return out, nil
}

// mayHold reports whether raw may hold a string equal to s ignoring case
// (strings.EqualFold). When s is ASCII without k or s, such a string is s
// with some ASCII letters in the other case (only k and s fold with
// letters outside ASCII: the Kelvin sign and the long s), so raw must
// hold s's bytes ignoring ASCII case; for any other s it reports true.
func mayHold(raw []byte, s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; s[i] >= 0x80 || c == 'k' || c == 's' {
			return true
		}
	}
	first := [2]byte{lowerASCII(s[0]), upperASCII(s[0])}
	for _, c := range first[:] {
		for i := 0; ; {
			j := bytes.IndexByte(raw[i:], c)
			if j < 0 {
				break
			}
			i += j
			if len(raw)-i >= len(s) && equalFoldASCII(raw[i:i+len(s)], s) {
				return true
			}
			i++
		}
		if first[0] == first[1] {
			break
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// equalFoldASCII reports whether b and s are equal ignoring ASCII case.
func equalFoldASCII(b []byte, s string) bool {
	for i := range b {
		if lowerASCII(b[i]) != lowerASCII(s[i]) {
			return false
		}
	}
	return true
}

// OrgManagementGroup is the role group of the organization's
// administrators. It can't lose its last active member: removing that
// member from the group, or deleting their account or their mailbox, is
// refused with *LastOrgAdminError, so the tenant always has someone who
// can manage it (and run the simulator's trainer cmdlets).
const OrgManagementGroup = "Organization Management"

// LastOrgAdminError refuses a change that would leave Organization
// Management without an active member.
type LastOrgAdminError struct {
	// Member names the member (UPN, or ObjectId when unknown).
	Member string
}

func (e *LastOrgAdminError) Error() string {
	return fmt.Sprintf("%s is the last member of the %q role group; removing or deleting them would leave nobody able to manage the organization. Add another member to the role group first.", e.Member, OrgManagementGroup)
}

// guardLastOrgAdmin refuses to let the account objectID stop counting as
// a member of Organization Management (removed from the group, or its
// account deleted) when it is the group's only active member. A tenant
// without that group (created before role groups existed) has nothing to
// guard.
func guardLastOrgAdmin(tx *store.Tx, objectID string) error {
	g, ok, err := roleGroupKind.Get(tx, strings.ToLower(OrgManagementGroup))
	if err != nil || !ok || !g.HasMember(objectID) {
		return err
	}
	member := objectID
	for _, m := range g.Members {
		u, err := directory.GetUser(tx, m)
		if store.IsNotFound(err) {
			continue
		}
		if err != nil {
			return err
		}
		if strings.EqualFold(m, objectID) {
			member = u.UserPrincipalName
			continue
		}
		if u.State == directory.UserActive {
			return nil
		}
	}
	return &LastOrgAdminError{Member: member}
}

// checkOrgManagement verifies that Organization Management has an active
// member (in a tenant with role groups).
func checkOrgManagement(tx *store.Tx, report func(store.Finding)) error {
	g, ok, err := roleGroupKind.Get(tx, strings.ToLower(OrgManagementGroup))
	if err != nil {
		return err
	}
	if !ok {
		if !roleGroupKind.Any(tx) {
			return nil
		}
		report(store.Finding{Kind: "roleGroup", Key: strings.ToLower(OrgManagementGroup), Message: "the tenant has role groups but no " + OrgManagementGroup})
		return nil
	}
	for _, m := range g.Members {
		u, err := directory.GetUser(tx, m)
		if store.IsNotFound(err) {
			continue
		}
		if err != nil {
			return err
		}
		if u.State == directory.UserActive {
			return nil
		}
	}
	report(store.Finding{Kind: "roleGroup", Key: strings.ToLower(OrgManagementGroup), Message: OrgManagementGroup + " has no active member: nobody can manage the organization"})
	return nil
}
