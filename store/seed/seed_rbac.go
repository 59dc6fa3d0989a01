package seed

import "fmt"
import (
	"github.com/exosim/exosim/store/directory"
)

import (
	"github.com/exosim/exosim/store/rbac"
)

import (
	"github.com/exosim/exosim/store"
)

// seedRoleGroup is one built-in role group of the seed tenants.
type seedRoleGroup struct {
	name, description, service string
	roles                      []string
	// members are aliases of seeded people ("admin" is the administrator).
	members []string
}

// BuiltInRoleGroups lists the built-in role groups every seed tenant
// starts with, as Exchange Online and Microsoft Purview ship them, with
// the management roles assigned to each (the roles the simulator knows;
// see package cmdlets/rbac for what each role grants).
func BuiltInRoleGroups() []rbac.RoleGroup {
	var out []rbac.RoleGroup
	for _, g := range builtinRoleGroupDefs() {
		out = append(out, rbac.RoleGroup{Name: g.name, Guid: rbac.RoleGroupGuid(g.name), Description: g.description,
			Service: g.service, Roles: append([]string(nil), g.roles...)})
	}
	return out
}

func builtinRoleGroupDefs() []seedRoleGroup {
	exo, scc := rbac.ServiceExchange, rbac.ServicePurview
	return []seedRoleGroup{
		{name: "Compliance Management", service: exo,
			description: "Configures and manages compliance settings: auditing, data loss prevention, journaling, message encryption, retention and mail flow rules.",
			roles: []string{"Audit Logs", "Compliance Admin", "Data Loss Prevention", "Information Rights Management", "Journaling",
				"Message Tracking", "Retention Management", "Transport Rules", "View-Only Audit Logs", "View-Only Configuration", "View-Only Recipients"},
			members: []string{"carolo"}},
		{name: "Discovery Management", service: exo,
			description: "Searches mailboxes for content and places mailboxes on Litigation Hold.",
			roles:       []string{"Legal Hold", "Mailbox Search"},
			members:     []string{"pilarp"}},
		{name: "Help Desk", service: exo,
			description: "Views recipients and changes the settings users could change on their own mailbox, such as a room mailbox password.",
			roles:       []string{"Reset Password", "User Options", "View-Only Recipients"},
			members:     []string{"alexw"}},
		{name: "Hygiene Management", service: exo,
			description: "Manages anti-spam and anti-malware protection and views the configuration and recipients it applies to.",
			roles:       []string{"Security Admin", "Security Reader", "Transport Hygiene", "View-Only Configuration", "View-Only Recipients"},
			members:     []string{"johannal"}},
		{name: "Organization Management", service: exo,
			description: "Administers the whole Exchange Online organization, including who may do what.",
			roles: []string{"Audit Logs", "Compliance Admin", "Data Loss Prevention", "Distribution Groups", "E-Mail Address Policies",
				"Federated Sharing", "Information Rights Management", "Journaling", "Legal Hold", "Mail Enabled Public Folders",
				"Mail Recipient Creation", "Mail Recipients", "Mail Tips", "Message Tracking", "Migration", "Move Mailboxes",
				"Org Custom Apps", "Org Marketplace Apps", "Organization Client Access", "Organization Configuration",
				"Organization Transport Settings", "Public Folders", "Recipient Policies", "Remote and Accepted Domains",
				"Reset Password", "Retention Management", "Role Management", "Security Admin", "Security Group Creation and Membership",
				"Security Reader", "Team Mailboxes", "Transport Hygiene", "Transport Rules", "UM Mailboxes", "User Options",
				"View-Only Audit Logs", "View-Only Configuration", "View-Only Recipients"},
			members: []string{"admin"}},
		{name: "Recipient Management", service: exo,
			description: "Creates, changes and removes mailboxes, mail users, contacts and groups, and moves or restores mailboxes.",
			roles: []string{"Distribution Groups", "Mail Recipient Creation", "Mail Recipients", "Message Tracking", "Migration",
				"Move Mailboxes", "Recipient Policies", "Reset Password", "Team Mailboxes"},
			members: []string{"meganb"}},
		{name: "Records Management", service: exo,
			description: "Manages messaging records: retention policies and tags, journaling, mail flow rules and message tracking.",
			roles:       []string{"Audit Logs", "Journaling", "Message Tracking", "Retention Management", "Transport Rules"},
			members:     []string{"marion"}},
		{name: "View-Only Organization Management", service: exo,
			description: "Views the organization's configuration and recipients without changing anything.",
			roles:       []string{"View-Only Configuration", "View-Only Recipients"},
			members:     []string{"laura"}},
		{name: "Compliance Administrator", service: scc,
			description: "Manages Microsoft Purview compliance: retention policies and labels, adaptive scopes, eDiscovery cases and their holds.",
			roles: []string{"Case Management", "Compliance Administrator", "Compliance Search", "Disposition Management",
				"DLP Compliance Management", "Hold", "Manage Alerts", "Organization Configuration", "RecordManagement",
				"Retention Management", "View-Only Audit Logs", "View-Only Case", "View-Only DLP Compliance Management",
				"View-Only Manage Alerts", "View-Only Recipients", "View-Only Record Management", "View-Only Retention Management"},
			members: []string{"admin"}},
		{name: "Data Investigator", service: scc,
			description: "Investigates incidents: runs content searches, previews and exports what they find and deletes it.",
			roles:       []string{"Compliance Search", "Custodian", "Export", "Preview", "Review", "RMS Decrypt", "Search And Purge"},
			members:     []string{"admin"}},
		{name: "eDiscovery Manager", service: scc,
			description: "Runs eDiscovery cases: searches, holds, previews and exports content.",
			roles:       []string{"Case Management", "Communication", "Compliance Search", "Custodian", "Export", "Hold", "Preview", "Review", "RMS Decrypt"},
			members:     []string{"admin", "pilarp"}},
	}
}

// seedRoleGroups stores the built-in role groups with the seeded members
// that exist in this seed (the empty seed has only the administrator).
// Role group GUIDs derive from their names, so seeding them moves no
// other generated value.
func seedRoleGroups(tx *store.Tx, seed string) error {
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return err
	}
	created := o.WhenCreated
	for _, g := range builtinRoleGroupDefs() {
		rg := &rbac.RoleGroup{Name: g.name, Guid: rbac.RoleGroupGuid(g.name), Description: g.description, Service: g.service,
			Roles: g.roles, WhenCreated: created, WhenChanged: created}
		for _, alias := range g.members {
			upn := alias + "@" + DefaultDomain
			if alias == "admin" {
				upn = o.AdminUPN
			}
			users, err := directory.FindUsersByUPN(tx, upn)
			if err != nil {
				return err
			}
			if len(users) == 0 {
				if seed == Contoso {
					return fmt.Errorf("seed role group %s: no account %s", g.name, upn)
				}
				continue
			}
			rg.Members = append(rg.Members, users[0].ObjectID)
		}
		if err := rbac.PutRoleGroup(tx, rg); err != nil {
			return err
		}
	}
	return nil
}
