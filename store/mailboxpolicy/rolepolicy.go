package mailboxpolicy

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
)

// RoleDefaultName is the name of the built-in role assignment policy.
const RoleDefaultName = "Default Role Assignment Policy"

// roleDefaultDescription is the built-in role assignment policy's
// description.
const roleDefaultDescription = "This policy grants end users the permission to set their options in Outlook on the web and perform other self-administration tasks."

// EndUserRoles are the end-user management roles a role assignment policy
// assigns the users of its mailboxes (parents before their child roles).
var EndUserRoles = []string{"My Custom Apps", "My Marketplace Apps", "My ReadWriteMailbox Apps", "MyBaseOptions", "MyContactInformation",
	"MyAddressInformation", "MyMobileInformation", "MyPersonalInformation", "MyDistributionGroupMembership", "MyDistributionGroups",
	"MyMailboxDelegation", "MyMailSubscriptions", "MyProfileInformation", "MyDisplayName", "MyName", "MyRetentionPolicies",
	"MyTeamMailboxes", "MyTextMessaging", "MyVoiceMail"}

// roleDefaultRoles are the end-user roles the built-in policy assigns.
var roleDefaultRoles = []string{"My Custom Apps", "My Marketplace Apps", "My ReadWriteMailbox Apps", "MyBaseOptions", "MyContactInformation",
	"MyDistributionGroupMembership", "MyDistributionGroups", "MyMailSubscriptions", "MyProfileInformation", "MyRetentionPolicies",
	"MyTeamMailboxes", "MyTextMessaging", "MyVoiceMail"}

// RoleSettings are the settings of a role assignment policy, in the order
// Get-RoleAssignmentPolicy shows them: the end-user roles it assigns
// (given when it is created) and its description.
var RoleSettings = []Setting{
	{Name: "AssignedRoles", Kind: List, Fixed: true},
	{Name: "IsDefault", Kind: IsDefault},
	{Name: "Description", Kind: Text},
}

var roleKind = store.DefineKind(store.KindSpec[Policy]{Bucket: "roleAssignmentPolicies", Name: "roleAssignmentPolicy",
	Noun: "role assignment policy", CreatedOnWrite: true})

func roleKindOf() *store.Kind[Policy] { return roleKind }

// RoleDefaults returns the built-in role assignment policy as Exchange
// Online creates it with the organization: the default one, with the
// end-user roles it assigns every user.
func RoleDefaults(org *directory.Organization) *Policy {
	p := builtin(org, "role-assignment-policy", RoleDefaultName)
	p.SetList(RoleSetting("AssignedRoles"), roleDefaultRoles)
	p.SetValue(RoleSetting("Description"), roleDefaultDescription)
	return p
}

// RolePolicies are the organization's role assignment policies
// (Set-Mailbox -RoleAssignmentPolicy links a mailbox to one).
var RolePolicies = &Family[Policy, *Policy]{
	Set: policyset.Set[Policy, *Policy]{Kind: roleKindOf, Defaults: RoleDefaults, Finding: "roleAssignmentPolicy",
		Defaulted: "default role assignment policies"},
	Link:        func(l *Links) *string { return &l.Role },
	Noun:        "role assignment policy",
	BuiltinName: RoleDefaultName,
	Stamps:      func(m *directory.Mailbox) bool { return !m.Licensed },
}

// EndUserRole returns an end-user role's name as EndUserRoles spells it,
// matched without regard to case; ok is false for no end-user role.
func EndUserRole(name string) (string, bool) {
	for _, r := range EndUserRoles {
		if strings.EqualFold(r, strings.TrimSpace(name)) {
			return r, true
		}
	}
	return "", false
}

// checkRole reports the settings of a policy Exchange would not keep.
func checkRole(p *Policy, bad func(format string, args ...any)) {
	p.Settings.check(RoleSettings, bad)
	for _, r := range p.List(RoleSetting("AssignedRoles")) {
		if got, ok := EndUserRole(r); !ok || got != r {
			bad("%q is no end-user role", r)
		}
	}
}

// RoleSetting returns the role assignment policy setting of that name
// (any case), or nil.
func RoleSetting(name string) *Setting { return lookup(RoleSettings, name) }
