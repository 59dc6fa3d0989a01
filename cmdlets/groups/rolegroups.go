package groups

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/rbac"
)

// Exchange Online keeps its management role groups in the directory as
// security groups that are not mail-enabled, so Get-Group lists them next
// to the tenant's other groups (RecipientTypeDetails RoleGroup, RecipientType
// Group), with the role group's members and managers. Get-DistributionGroup,
// Get-UnifiedGroup and Get-Recipient do not: a role group has no address.
// Microsoft Purview role groups belong to the compliance service and are
// not in the Exchange directory.

// roleGroups returns the tenant's Exchange Online role groups as groups.
func roleGroups(tx *store.Tx) ([]*groups.Group, error) {
	rgs, err := rbac.RoleGroups(tx)
	if err != nil {
		return nil, err
	}
	var out []*groups.Group
	for _, rg := range rgs {
		if rg.Service != rbac.ServiceExchange {
			continue
		}
		out = append(out, &groups.Group{
			Guid:                 rg.Guid,
			Name:                 rg.Name,
			DisplayName:          rg.Name,
			RecipientTypeDetails: groups.TypeRoleGroup,
			Description:          rg.Description,
			Members:              userMembers(rg.Members),
			ManagedBy:            userMembers(rg.ManagedBy),
			WhenCreated:          rg.WhenCreated,
			WhenChanged:          rg.WhenChanged,
		})
	}
	return out, nil
}

// userMembers links account object IDs as group members.
func userMembers(ids []string) []groups.Member {
	out := make([]groups.Member, 0, len(ids))
	for _, id := range ids {
		out = append(out, groups.Member{ID: id, Kind: groups.MemberUser})
	}
	return out
}

// withRoleGroups adds the role groups an identity names (every one when id
// is empty) to a Get-Group listing, keeping name order.
func withRoleGroups(tx *store.Tx, list []*groups.Group, id, tenant, partition string) ([]*groups.Group, error) {
	rgs, err := roleGroups(tx)
	if err != nil {
		return nil, err
	}
	for _, g := range rgs {
		if id == "" || g.Matches(id, tenant, partition) {
			list = append(list, g)
		}
	}
	store.SortByName(list, func(g *groups.Group) string { return g.Name })
	return list, nil
}
