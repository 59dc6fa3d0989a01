package seed

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/permissions"
)

// The groups of the contoso seed have fixed GUIDs, so that adding them
// moves no other generated value.
const (
	FinanceGroupGuid  = "4c2e8a61-9b3d-4f7e-a1c5-6d8f0b2e4a19"
	SalesGroupGuid    = "8e1f3b75-2c6a-4d9e-b0f4-7a5c3e1d9b62"
	LegalGroupGuid    = "b5d9c3e7-0a4f-4e12-8c6b-2f7e9a1d5c38"
	FalconGroupGuid   = "e3a7f1c9-5d2b-4b86-9e0a-1c4f8d6b3a27"
	financeGroupObjID = "1f6b9d3e-7a2c-4e58-b4d0-9c3e5a7f1b82"
	salesGroupObjID   = "6a0c4e8b-3f1d-4a97-8e2b-5d7f9c1a3e64"
	legalGroupObjID   = "9d3f7b1a-5e0c-4c26-a8f4-3b6e0d2c8a15"
	falconGroupObjID  = "2b8e4c0f-6d3a-4f71-9c5e-8a1d7b3f0e46"
)

// seedGroupDef is one seeded group; members and owners are aliases of
// seeded recipients ("admin" is the administrator) or, prefixed with
// "group:", aliases of other seeded groups.
type seedGroupDef struct {
	guid, objectID, name, display, kind, description, access string
	owners, members                                          []string
	age                                                      time.Duration
}

func contosoGroups() []seedGroupDef {
	return []seedGroupDef{
		{guid: FinanceGroupGuid, objectID: financeGroupObjID, name: "finance", display: "Finance Team", kind: groups.TypeDistribution,
			description: "Everyone in Finance", owners: []string{"annb"}, members: []string{"annb", "marion"}, age: 600 * store.Day},
		{guid: SalesGroupGuid, objectID: salesGroupObjID, name: "sales", display: "Sales", kind: groups.TypeDistribution,
			description: "Sales team and consultants", owners: []string{"abrahamm"},
			members: []string{"abrahamm", "allieb2", "isaiahl", "roby"}, age: 540 * store.Day},
		{guid: LegalGroupGuid, objectID: legalGroupObjID, name: "legalreviewers", display: "Legal Reviewers", kind: groups.TypeSecurity,
			description: "Reviewers of the shared Contoso Info mailbox", owners: []string{"admin"},
			members: []string{"pilarp", "jonis", "newemployee"}, age: 400 * store.Day},
		{guid: FalconGroupGuid, objectID: falconGroupObjID, name: "projectfalcon", display: "Project Falcon", kind: groups.TypeUnified,
			description: "Project Falcon core team", access: "Private", owners: []string{"pattif"},
			members: []string{"pattif", "meganb", "alexw"}, age: 30 * store.Day},
	}
}

// seedPermission is one seeded mailbox permission: a holder (alias, or
// "group:" and a group alias) with rights on a mailbox.
type seedPermission struct {
	mailbox, holder string
	rights          []string
	deny, noMapping bool
	age             time.Duration
}

func contosoPermissions() []seedPermission {
	return []seedPermission{
		// the shared mailbox: Carol runs it, the Legal Reviewers read it,
		// but the newest employee is kept out although in that group
		{mailbox: SharedAlias, holder: "carolo", rights: []string{"FullAccess"}, age: 300 * store.Day},
		{mailbox: SharedAlias, holder: "group:legalreviewers", rights: []string{"FullAccess"}, noMapping: true, age: 250 * store.Day},
		{mailbox: SharedAlias, holder: "newemployee", rights: []string{"FullAccess"}, deny: true, age: 20 * store.Day},
		// the room is looked after by Facilities
		{mailbox: RoomAlias, holder: "walterh", rights: []string{"FullAccess"}, age: 200 * store.Day},
		// executive and finance delegation
		{mailbox: "pattif", holder: "nestorw", rights: []string{"FullAccess"}, age: 150 * store.Day},
		{mailbox: "annb", holder: "marion", rights: []string{"FullAccess", "ReadPermission"}, noMapping: true, age: 90 * store.Day},
	}
}

// contosoSendAs are the seeded Send As permissions: recipient alias (or
// "group:" alias) and holder alias.
var contosoSendAs = [][2]string{
	{SharedAlias, "carolo"},
	{"group:sales", "isaiahl"},
}

// contosoSendOnBehalf are the seeded delegates who send on behalf of a
// mailbox.
var contosoSendOnBehalf = lazy.Value[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
		SharedAlias: {"meganb"},
		"pattif":    {"nestorw"},
	}
}}

// seedGroupsAndPermissions adds the contoso groups and the permissions on
// its mailboxes.
func seedGroupsAndPermissions(tx *store.Tx, clock time.Time) error {
	account := func(alias string) (string, error) {
		upn := alias + "@" + DefaultDomain
		if alias == "admin" {
			upn = AdminUPN
		}
		users, err := directory.FindUsersByUPN(tx, upn)
		if err != nil {
			return "", err
		}
		if len(users) == 0 {
			return "", fmt.Errorf("no account %s", upn)
		}
		return strings.ToLower(users[0].ObjectID), nil
	}
	defs := contosoGroups()
	groupID := map[string]string{}
	for _, d := range defs {
		groupID[d.name] = d.guid
	}
	member := func(ref string) (groups.Member, error) {
		if name, ok := strings.CutPrefix(ref, "group:"); ok {
			return groups.Member{ID: groupID[name], Kind: groups.MemberGroup}, nil
		}
		id, err := account(ref)
		return groups.Member{ID: id, Kind: groups.MemberUser}, err
	}
	for _, d := range defs {
		smtp := d.name + "@" + DefaultDomain
		created := clock.Add(-d.age).Truncate(time.Second)
		g := &groups.Group{Guid: d.guid, ExternalDirectoryObjectId: d.objectID, Name: d.display, Alias: d.name, DisplayName: d.display,
			PrimarySmtpAddress: smtp, EmailAddresses: []string{"SMTP:" + smtp, "smtp:" + d.name + "@" + TenantName},
			RecipientTypeDetails: d.kind, Description: d.description, AccessType: d.access,
			RequireSenderAuthenticationEnabled: true, MemberJoinRestriction: "Closed", MemberDepartRestriction: "Closed",
			WhenCreated: created, WhenChanged: created}
		if d.kind == groups.TypeUnified {
			g.MemberDepartRestriction = "Open"
			g.HiddenFromAddressListsEnabled = true
		}
		for _, o := range d.owners {
			m, err := member(o)
			if err != nil {
				return fmt.Errorf("group %s: %w", d.name, err)
			}
			g.ManagedBy = append(g.ManagedBy, m)
		}
		for _, o := range d.members {
			m, err := member(o)
			if err != nil {
				return fmt.Errorf("group %s: %w", d.name, err)
			}
			g.Members = append(g.Members, m)
			if d.kind == groups.TypeUnified && m.Kind == groups.MemberUser {
				g.Subscribers = append(g.Subscribers, m)
			}
		}
		if err := groups.Put(tx, g); err != nil {
			return err
		}
	}
	holder := func(ref string) (string, string, error) {
		m, err := member(ref)
		if m.Kind == groups.MemberGroup {
			return m.ID, permissions.TrusteeGroup, err
		}
		return m.ID, permissions.TrusteeUser, err
	}
	mailboxGuid := func(alias string) (string, error) {
		m, err := directory.ResolveMailbox(tx, alias, directory.ScopeActive)
		if err != nil {
			return "", err
		}
		return m.Guid, nil
	}
	for _, p := range contosoPermissions() {
		mbx, err := mailboxGuid(p.mailbox)
		if err != nil {
			return err
		}
		id, kind, err := holder(p.holder)
		if err != nil {
			return err
		}
		if _, err := permissions.Grant(tx, permissions.MailboxPermission{MailboxGuid: mbx, Trustee: id, TrusteeKind: kind,
			AccessRights: p.rights, Deny: p.deny, InheritanceType: "All", WhenAdded: clock.Add(-p.age).Truncate(time.Second), AutoMapping: !p.deny && !p.noMapping && kind == permissions.TrusteeUser}); err != nil {
			return err
		}
	}
	for _, sa := range contosoSendAs {
		var recipient string
		if name, ok := strings.CutPrefix(sa[0], "group:"); ok {
			recipient = groupID[name]
		} else {
			var err error
			if recipient, err = mailboxGuid(sa[0]); err != nil {
				return err
			}
		}
		id, kind, err := holder(sa[1])
		if err != nil {
			return err
		}
		if _, err := permissions.GrantSendAs(tx, recipient, id, kind, false); err != nil {
			return err
		}
	}
	for _, alias := range []string{SharedAlias, "pattif"} {
		m, err := directory.ResolveMailbox(tx, alias, directory.ScopeActive)
		if err != nil {
			return err
		}
		raw, err := store.EncodeExtra(contosoSendOnBehalf.Get()[alias])
		if err != nil {
			return err
		}
		if m.Extra == nil {
			m.Extra = map[string]store.RawValue{}
		}
		m.Extra["GrantSendOnBehalfTo"] = raw
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	return nil
}
