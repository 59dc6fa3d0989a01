package rbac

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/opath"
	"github.com/exosim/exosim/store/rbac"
)

// Output type names.
const (
	TypeRoleGroup       = "Microsoft.Exchange.Management.RbacTasks.RoleGroup"
	TypeRoleGroupMember = "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient"
	TypeRoleAssignment  = "Microsoft.Exchange.Management.RbacTasks.ExchangeRoleAssignmentPresentation"
	TypeManagementRole  = "Microsoft.Exchange.Management.RbacTasks.ExchangeRole"
)

// Cmdlets declares the role management and audit log cmdlets by name: a
// session builds one the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-RoleGroup", Build: getRoleGroup},
	{Name: "Get-RoleGroupMember", Build: getRoleGroupMember},
	{Name: "Add-RoleGroupMember", Build: addRoleGroupMember},
	{Name: "Remove-RoleGroupMember", Build: removeRoleGroupMember},
	{Name: "Get-ManagementRole", Build: getManagementRole},
	{Name: "Get-ManagementRoleAssignment", Build: getManagementRoleAssignment},
	{Name: "Get-ManagementRoleEntry", Build: getManagementRoleEntry},
	{Name: "New-ManagementRoleAssignment", Build: newManagementRoleAssignment},
	{Name: "Remove-ManagementRoleAssignment", Build: removeManagementRoleAssignment},
	{Name: "Search-AdminAuditLog", Build: searchAdminAuditLog},
	{Name: "Search-UnifiedAuditLog", Build: searchUnifiedAuditLog},
	{Name: "Get-AdminAuditLogConfig", Build: getAdminAuditLogConfig},
	{Name: "Get-ManagementScope", Build: getManagementScope},
	{Name: "New-ManagementScope", Build: newManagementScope},
	{Name: "Set-ManagementScope", Build: setManagementScope},
	{Name: "Remove-ManagementScope", Build: removeManagementScope},
	{Name: "Get-ServicePrincipal", Build: getServicePrincipal},
	{Name: "New-ServicePrincipal", Build: newServicePrincipal},
	{Name: "Set-ServicePrincipal", Build: setServicePrincipal},
	{Name: "Remove-ServicePrincipal", Build: removeServicePrincipal},
	{Name: "Test-ServicePrincipalAuthorization", Build: testServicePrincipalAuthorization},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// limit reads an Unlimited or integer -ResultSize (-1: unlimited).
func limit(ctx *command.Context, def int) int {
	if !ctx.Has("ResultSize") {
		return def
	}
	switch x := object.Unwrap(ctx.Value("ResultSize")).(type) {
	case int:
		return x
	case int64:
		return int(x)
	case float64:
		return int(x)
	case string:
		if strings.EqualFold(strings.TrimSpace(x), "Unlimited") {
			return -1
		}
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			return n
		}
	}
	return def
}

// findGroup resolves a role group identity, mapping "not found" to the
// Exchange error.
func findGroup(ctx *command.Context, tx *store.Tx, identity string) (*rbac.RoleGroup, error) {
	g, err := rbac.GetRoleGroup(tx, identity)
	var nf *store.NotFoundError
	if errors.As(err, &nf) {
		return nil, ctx.Fail(exo.NotFound(ctx, identity))
	}
	return g, err
}

// memberInfo is a role group member as Get-RoleGroupMember shows it.
type memberInfo struct {
	objectID, name, display, recipientType, upn string
	// exchangeID is the member's ExchangeObjectId: its mailbox's GUID, or
	// for an account without a mailbox its directory object ID.
	exchangeID string
}

func describeMember(tx *store.Tx, objectID string) memberInfo {
	mi := memberInfo{objectID: objectID, name: objectID, display: objectID, recipientType: "User", exchangeID: objectID}
	u, err := directory.GetUser(tx, objectID)
	if err != nil {
		return mi
	}
	mi.name, mi.display, mi.upn = u.MailNickname, u.DisplayName, u.UserPrincipalName
	if mi.name == "" {
		mi.name = u.UserPrincipalName
	}
	if u.MailboxGuid != "" {
		if m, err := directory.GetMailbox(tx, u.MailboxGuid); err == nil && !m.IsDeleted() {
			mi.name, mi.recipientType, mi.exchangeID = m.Name, m.RecipientType, m.Guid
		}
	}
	return mi
}

// resolveMember finds the account a -Member value names: a mailbox
// identity (name, alias, address, GUID, DN) or a UPN.
func resolveMember(tx *store.Tx, identity string) (string, error) {
	if m, err := directory.ResolveMailbox(tx, identity, directory.ScopeActive); err == nil {
		if m.UserObjectID != "" {
			return strings.ToLower(m.UserObjectID), nil
		}
		return strings.ToLower(m.ExternalDirectoryObjectId), nil
	} else {
		var amb *store.AmbiguousError
		if errors.As(err, &amb) {
			return "", err
		}
	}
	users, err := directory.FindUsersByUPN(tx, identity)
	if err != nil {
		return "", err
	}
	for _, u := range users {
		if u.State == directory.UserActive {
			return strings.ToLower(u.ObjectID), nil
		}
	}
	if u, err := directory.GetUser(tx, identity); err == nil && u.State == directory.UserActive {
		return strings.ToLower(u.ObjectID), nil
	}
	return "", &store.NotFoundError{Kind: "recipient", Key: identity}
}

// purviewRolePrefix is what a Security & Compliance role group's Roles put
// before each role's name: the role's directory path under the tenant
// ("FFO.extest.microsoft.com/Microsoft Exchange Hosted
// Organizations/contoso.onmicrosoft.com/Case Management"). Exchange Online
// role groups list bare role names.
func purviewRolePrefix(tx *store.Tx) string {
	if t := tenantName(tx); t != "" {
		return rbac.PurviewForest + t + "/"
	}
	return ""
}

// tenantName is the organization's name (contoso.onmicrosoft.com), or ""
// when the tenant has none.
func tenantName(tx *store.Tx) string {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return ""
	}
	return org.Name
}

func groupObject(tx *store.Tx, g *rbac.RoleGroup) *object.PSObject {
	o := object.NewObject(TypeRoleGroup, "Microsoft.Exchange.Data.Directory.ADObject", "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
	var members []any
	for _, m := range g.Members {
		members = append(members, describeMember(tx, m).name)
	}
	var roles, assignments []any
	prefix, identity := "", g.Name
	if g.Service == rbac.ServicePurview {
		prefix = purviewRolePrefix(tx)
		if t := tenantName(tx); t != "" {
			identity = g.PurviewIdentity(t)
		}
	}
	for _, r := range g.Roles {
		roles = append(roles, prefix+r)
		assignments = append(assignments, assignmentName(r, g.Name))
	}
	managed := make([]any, 0, len(g.ManagedBy))
	for _, m := range g.ManagedBy {
		managed = append(managed, m)
	}
	o.AddTyped("ManagedBy", "Microsoft.Exchange.Data.MultiValuedProperty", managed)
	o.AddTyped("RoleAssignments", "Microsoft.Exchange.Data.MultiValuedProperty", assignments)
	o.AddTyped("Roles", "Microsoft.Exchange.Data.MultiValuedProperty", roles)
	o.AddTyped("DisplayName", "System.String", g.Name)
	o.AddTyped("Members", "Microsoft.Exchange.Data.MultiValuedProperty", members)
	o.AddTyped("Description", "System.String", g.Description)
	o.AddTyped("RoleGroupType", "System.String", "Standard")
	o.AddTyped("Capabilities", "Microsoft.Exchange.Data.MultiValuedProperty", []any{})
	o.AddTyped("Identity", "System.String", identity)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("Name", "System.String", g.ObjectName())
	o.AddTyped("Service", "System.String", g.Service)
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(g.Guid))
	o.AddTyped("ExchangeObjectId", "System.Guid", exo.GuidValue(g.Guid))
	o.AddTyped("WhenChanged", "System.DateTime", g.WhenChanged)
	o.AddTyped("WhenCreated", "System.DateTime", g.WhenCreated)
	o.AddTyped("WhenChangedUTC", "System.DateTime", g.WhenChanged.UTC())
	o.AddTyped("WhenCreatedUTC", "System.DateTime", g.WhenCreated.UTC())
	name := g.ObjectName()
	o.ToStringFunc = func() string { return name }
	return o
}

func getRoleGroup() *command.Command {
	c := exo.Declared("Get-RoleGroup")
	c.Synopsis = "Lists the tenant's management role groups with the roles assigned to each."
	c.Description = "Shows the built-in Exchange Online and Microsoft Purview role groups of the simulated tenant. " +
		"Members of a role group can run the cmdlets its roles grant; everything else is not recognized for them. " +
		"-SortBy Name or DisplayName orders the list; -Filter is not simulated."
	c.OutputType = TypeRoleGroup
	c.Examples = []command.Example{
		{Code: "Get-RoleGroup", Remark: "Lists every role group."},
		{Code: "(Get-RoleGroup 'Recipient Management').Roles", Remark: "Lists the roles assigned to Recipient Management."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var out []*object.PSObject
		err := exo.View(ctx, func(tx *store.Tx) error {
			var groups []*rbac.RoleGroup
			if id := exo.IdentityOf(ctx.Value("Identity")); ctx.Has("Identity") && id != "" {
				g, err := findGroup(ctx, tx, id)
				if err != nil {
					return err
				}
				groups = []*rbac.RoleGroup{g}
			} else {
				var err error
				if groups, err = rbac.RoleGroups(tx); err != nil {
					return err
				}
			}
			max := limit(ctx, 1000)
			for i, g := range groups {
				if max >= 0 && i >= max {
					break
				}
				out = append(out, groupObject(tx, g))
			}
			return nil
		})
		if err == nil && ctx.Has("Filter") {
			var sample *object.PSObject
			if len(out) > 0 {
				sample = out[0]
			}
			keep, ferr := exo.ObjectFilter(ctx, sample)
			if ferr != nil {
				return ferr
			}
			var kept []*object.PSObject
			for _, o := range out {
				ok, eerr := keep(o)
				if eerr != nil {
					return ctx.Fail(ctx.NewError(opath.BindingMessage("Filter", eerr), "ParameterArgumentValidationError", object.InvalidArgument, "ParameterBindingException", ctx.String("Filter")))
				}
				if ok {
					kept = append(kept, o)
				}
			}
			out = kept
		}
		if err != nil {
			return err
		}
		for _, o := range out {
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func memberObject(mi memberInfo) *object.PSObject {
	o := object.NewObject(TypeRoleGroupMember, "Microsoft.Exchange.Data.Directory.ADObject", "System.Object")
	o.AddTyped("Name", "System.String", mi.name)
	o.AddTyped("DisplayName", "System.String", mi.display)
	o.AddTyped("RecipientType", "Microsoft.Exchange.Data.Directory.Recipient.RecipientType", mi.recipientType)
	o.AddTyped("PrimarySmtpAddress", "Microsoft.Exchange.Data.SmtpAddress", mi.upn)
	o.AddTyped("ExternalDirectoryObjectId", "System.String", mi.objectID)
	o.AddTyped("ExchangeObjectId", "System.Guid", exo.GuidValue(mi.exchangeID))
	o.AddTyped("Identity", "System.String", mi.name)
	name := mi.name
	o.ToStringFunc = func() string { return name }
	return o
}

func getRoleGroupMember() *command.Command {
	c := exo.Declared("Get-RoleGroupMember")
	c.Synopsis = "Lists the members of a management role group."
	c.Description = "Each member is shown as a recipient (name and recipient type). Membership decides which cmdlets a signed-in user can run."
	c.OutputType = TypeRoleGroupMember
	c.Examples = []command.Example{
		{Code: "Get-RoleGroupMember 'Organization Management'", Remark: "Lists the members of Organization Management."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var out []*object.PSObject
		err := exo.View(ctx, func(tx *store.Tx) error {
			g, err := findGroup(ctx, tx, exo.IdentityOf(ctx.Value("Identity")))
			if err != nil {
				return err
			}
			max := limit(ctx, 1000)
			for i, m := range g.Members {
				if max >= 0 && i >= max {
					break
				}
				out = append(out, memberObject(describeMember(tx, m)))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, o := range out {
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// changeMember adds or removes a role group member.
func changeMember(ctx *command.Context, add bool) error {
	group, member := exo.IdentityOf(ctx.Value("Identity")), exo.IdentityOf(ctx.Value("Member"))
	verb, prep := "Adding", "to"
	if !add {
		verb, prep = "Removing", "from"
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("%s member \"%s\" %s role group \"%s\".", verb, member, prep, group), group)
	if err != nil || !ok {
		return err
	}
	err = exo.Update(ctx, func(tx *store.Tx) error {
		g, err := findGroup(ctx, tx, group)
		if err != nil {
			return err
		}
		id, err := resolveMember(tx, member)
		var nf *store.NotFoundError
		var amb *store.AmbiguousError
		switch {
		case errors.As(err, &nf):
			return ctx.Fail(exo.NotFound(ctx, member))
		case errors.As(err, &amb):
			return ctx.Fail(exo.Ambiguous(ctx, member))
		case err != nil:
			return err
		}
		if add {
			_, err = rbac.AddRoleGroupMember(tx, g.Name, id)
		} else {
			_, err = rbac.RemoveRoleGroupMember(tx, g.Name, id)
		}
		var la *rbac.LastOrgAdminError
		if errors.As(err, &la) {
			return ctx.Fail(exo.InvalidOperation(ctx, la.Error(), member))
		}
		var me *rbac.RoleGroupMemberError
		if errors.As(err, &me) {
			if me.Present {
				return ctx.Fail(exo.MemberExists(ctx, member, g.Name))
			}
			return ctx.Fail(exo.NotAMember(ctx, member, g.Name))
		}
		return err
	})
	Invalidate(runtime.Of(ctx))
	return err
}

func addRoleGroupMember() *command.Command {
	c := exo.Declared("Add-RoleGroupMember")
	c.ConfirmImpact = command.ImpactMedium
	c.Synopsis = "Adds a user to a management role group, giving them the cmdlets its roles grant."
	c.Description = "The member can be named by alias, name, email address, UPN or GUID. The change applies at once: the next command the member runs sees the new cmdlets."
	c.Examples = []command.Example{
		{Code: "Add-RoleGroupMember 'Help Desk' -Member laura", Remark: "Makes Laura a Help Desk member."},
	}
	c.Handler.Process = func(ctx *command.Context) error { return changeMember(ctx, true) }
	return c
}

func removeRoleGroupMember() *command.Command {
	c := exo.Declared("Remove-RoleGroupMember")
	c.ConfirmImpact = command.ImpactHigh
	exo.Describe(c, map[string]string{
		"Identity":                        "Role group to remove the member from.",
		"Member":                          "User to remove: alias, name, email address, UPN or GUID.",
		"BypassSecurityGroupManagerCheck": "Skips the role group manager check (Organization Management members).",
	})
	c.Synopsis = "Removes a user from a management role group; the cmdlets only that group granted disappear for them."
	c.Description = "Asks for confirmation unless -Confirm:$false is given."
	c.Examples = []command.Example{
		{Code: "Remove-RoleGroupMember 'Recipient Management' -Member meganb -Confirm:$false", Remark: "Removes Megan from Recipient Management without asking."},
	}
	c.Handler.Process = func(ctx *command.Context) error { return changeMember(ctx, false) }
	return c
}

// assignmentName is a role assignment's name: "<role>-<role group>".
func assignmentName(role, group string) string {
	n := role + "-" + group
	if len(n) > 64 {
		n = n[:64]
	}
	return n
}

// assignment is one management role assignment as the role cmdlets show
// it: a role assigned to a role group, or to one user.
type assignment struct {
	name, role string
	// assignee is the role group's or the user's name; assigneeType is
	// RoleGroup or User.
	assignee, assigneeType string
	// group is the role group (nil for a user assignment); user is the
	// assignee account's ObjectId (user assignments), app the service
	// principal's object ID (app assignments).
	group     *rbac.RoleGroup
	user, app string
	// scope is the name of the management scope an app's assignment is
	// limited to ("" for the organization).
	scope string
}

// groupAssignment is the assignment of a role to a role group.
func groupAssignment(role string, g *rbac.RoleGroup) assignment {
	return assignment{name: assignmentName(role, g.Name), role: role, assignee: g.Name, assigneeType: "RoleGroup", group: g}
}

// userAssignment is a role assigned directly to a user, or to an app.
func userAssignment(tx *store.Tx, a *rbac.UserRoleAssignment) assignment {
	if a.App != "" {
		return appAssignment(tx, a)
	}
	return assignment{name: a.Name, role: a.Role, assignee: describeMember(tx, a.User).name, assigneeType: "User", user: a.User}
}

func assignmentObject(a assignment, method, effective string) *object.PSObject {
	o := object.NewObject(TypeRoleAssignment, "System.Object")
	name := a.name
	o.AddTyped("AssignmentMethod", "Microsoft.Exchange.Management.RbacTasks.AssignmentMethod", method)
	o.AddTyped("EffectiveUserName", "System.String", effective)
	o.AddTyped("RoleAssigneeType", "Microsoft.Exchange.Data.Directory.SystemConfiguration.RoleAssigneeType", a.assigneeType)
	o.AddTyped("RoleAssignee", "System.String", a.assignee)
	o.AddTyped("Role", "System.String", a.role)
	o.AddTyped("RoleAssignmentDelegationType", "System.String", "Regular")
	o.AddTyped("Enabled", "System.Boolean", true)
	o.AddTyped("RecipientReadScope", "System.String", "Organization")
	o.AddTyped("ConfigReadScope", "System.String", "OrganizationConfig")
	writeScope := "Organization"
	var custom any
	if a.scope != "" {
		writeScope, custom = scopeCustom, a.scope
	}
	o.AddTyped("RecipientWriteScope", "System.String", writeScope)
	o.AddTyped("ConfigWriteScope", "System.String", "OrganizationConfig")
	o.AddTyped("CustomRecipientWriteScope", "System.String", nil)
	o.AddTyped("CustomConfigWriteScope", "System.String", nil)
	o.AddTyped("CustomResourceScope", "System.String", custom)
	o.AddTyped("RoleAssigneeName", "System.String", a.assignee)
	o.AddTyped("Name", "System.String", name)
	o.AddTyped("Identity", "System.String", name)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.ToStringFunc = func() string { return name }
	return o
}

func getManagementRoleAssignment() *command.Command {
	c := exo.Declared("Get-ManagementRoleAssignment")
	c.Synopsis = "Lists which management roles are assigned to which role groups and users."
	c.Description = "Every assignment in the simulator is a regular, enabled, organization-wide assignment, to a role group or to one user. " +
		"-RoleAssignee <user> shows the roles a user has, through the groups they belong to and assigned to them directly; -Role filters by role; " +
		"-RoleAssigneeType RoleGroup or User keeps one kind; -GetEffectiveUsers lists one line per member."
	c.OutputType = TypeRoleAssignment
	c.Examples = []command.Example{
		{Code: "Get-ManagementRoleAssignment -Role 'Legal Hold'", Remark: "Shows which role groups hold the Legal Hold role."},
		{Code: "Get-ManagementRoleAssignment -RoleAssignee meganb | Select-Object -ExpandProperty Role", Remark: "Lists the roles Megan has."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		var out []*object.PSObject
		err := exo.View(ctx, func(tx *store.Tx) error {
			groups, err := rbac.RoleGroups(tx)
			if err != nil {
				return err
			}
			users, err := rbac.UserAssignments(tx)
			if err != nil {
				return err
			}
			method, userName := "Direct", ""
			if ctx.Has("RoleAssignee") {
				who := exo.IdentityOf(ctx.Value("RoleAssignee"))
				if g, err := rbac.GetRoleGroup(tx, who); err == nil {
					groups, users = []*rbac.RoleGroup{g}, nil
				} else if id, err := resolveMember(tx, who); err == nil {
					if groups, err = rbac.RoleGroupsOf(tx, id); err != nil {
						return err
					}
					if users, err = rbac.UserAssignmentsOf(tx, id); err != nil {
						return err
					}
					method, userName = "RoleGroup", describeMember(tx, id).name
				} else if p, perr := rbac.GetServicePrincipal(tx, who); perr == nil {
					// An app: the assignments made to its service principal.
					groups = nil
					if users, err = rbac.AppAssignmentsOf(tx, p.ObjectId); err != nil {
						return err
					}
				} else {
					return ctx.Fail(exo.NotFound(ctx, who))
				}
			}
			if ctx.Has("Enabled") && !ctx.Bool("Enabled") || ctx.Has("Delegating") && ctx.Bool("Delegating") || ctx.Has("Exclusive") && ctx.Bool("Exclusive") {
				return nil
			}
			// No assignment has a recipient write scope (they are not
			// simulated): a scope asked for by name must exist, and no
			// assignment uses it so.
			for _, p := range []string{"CustomRecipientWriteScope", "ExclusiveRecipientWriteScope"} {
				if ctx.Has(p) {
					id := exo.IdentityOf(ctx.Value(p))
					if _, err := rbac.GetScope(tx, id); err != nil {
						return ctx.Fail(exo.NotFound(ctx, id))
					}
					return nil
				}
			}
			role, identity := "", ""
			if ctx.Has("Role") {
				role = exo.IdentityOf(ctx.Value("Role"))
				if _, ok := LookupRole(role); !ok {
					return ctx.Fail(exo.NotFound(ctx, role))
				}
			}
			if ctx.Has("Identity") {
				identity = exo.IdentityOf(ctx.Value("Identity"))
			}
			assigneeType, writeScope := "", ""
			if ctx.Has("RoleAssigneeType") {
				assigneeType = ctx.String("RoleAssigneeType")
			}
			if ctx.Has("RecipientWriteScope") {
				writeScope = ctx.String("RecipientWriteScope")
			}
			keep := func(a assignment) bool {
				scopeType := "Organization"
				if a.scope != "" {
					scopeType = scopeCustom
				}
				return (role == "" || strings.EqualFold(role, a.role)) && (identity == "" || strings.EqualFold(identity, a.name)) &&
					(assigneeType == "" || strings.EqualFold(assigneeType, a.assigneeType)) &&
					(writeScope == "" || strings.EqualFold(writeScope, scopeType))
			}
			found := false
			for _, g := range groups {
				for _, r := range g.Roles {
					a := groupAssignment(r, g)
					if !keep(a) {
						continue
					}
					found = true
					switch {
					case ctx.Switch("GetEffectiveUsers") && userName == "":
						for _, m := range g.Members {
							out = append(out, assignmentObject(a, "RoleGroup", describeMember(tx, m).name))
						}
					case userName != "":
						out = append(out, assignmentObject(a, method, userName))
					default:
						out = append(out, assignmentObject(a, method, "All Group Members"))
					}
				}
			}
			for _, ua := range users {
				a := userAssignment(tx, ua)
				if !keep(a) {
					continue
				}
				found = true
				out = append(out, assignmentObject(a, "Direct", a.assignee))
			}
			if identity != "" && !found {
				return ctx.Fail(exo.NotFound(ctx, identity))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, o := range out {
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func roleObject(r Role) *object.PSObject {
	o := object.NewObject(TypeManagementRole, "System.Object")
	entries := make([]any, 0, len(r.Grants))
	for _, g := range r.Grants {
		e := g.Cmdlet
		if g.Params != nil {
			e += " -" + strings.Join(g.Params, " -")
		}
		entries = append(entries, e)
	}
	o.AddTyped("Name", "System.String", r.Name)
	o.AddTyped("RoleType", "Microsoft.Exchange.Data.Directory.SystemConfiguration.RoleType", r.RoleType)
	o.AddTyped("Description", "System.String", r.Description)
	o.AddTyped("RoleEntries", "Microsoft.Exchange.Data.MultiValuedProperty", entries)
	o.AddTyped("IsRootRole", "System.Boolean", true)
	o.AddTyped("IsEndUserRole", "System.Boolean", false)
	o.AddTyped("Identity", "System.String", r.Name)
	o.AddTyped("IsValid", "System.Boolean", true)
	name := r.Name
	o.ToStringFunc = func() string { return name }
	return o
}

// grantsParams reports whether the role grants the cmdlet with every one
// of params.
func grantsParams(r Role, cmdlet string, params []string) bool {
	for _, g := range r.Grants {
		if !strings.EqualFold(g.Cmdlet, cmdlet) {
			continue
		}
		ok := true
		for _, p := range params {
			if g.Params == nil {
				ok = ok && !isReserved(g.Cmdlet, p)
				continue
			}
			found := false
			for _, gp := range g.Params {
				found = found || strings.EqualFold(gp, p)
			}
			ok = ok && found
		}
		if ok {
			return true
		}
	}
	return false
}

func getManagementRole() *command.Command {
	c := exo.Declared("Get-ManagementRole")
	exo.Describe(c, map[string]string{
		"Identity":         "Role to show; wildcards are allowed. All roles when left out.",
		"Cmdlet":           "Shows the roles that grant this cmdlet.",
		"CmdletParameters": "With -Cmdlet: only roles that grant every one of these parameters.",
		"RoleType":         "Shows only roles of this type (MailRecipients, LegalHold ...).",
	})
	c.OutputType = TypeManagementRole
	c.Synopsis = "Lists management roles, or the roles that grant a cmdlet and its parameters."
	c.Description = "The roles are the ones the simulated role groups use; RoleEntries lists the cmdlets (and where it matters the parameters) each grants. " +
		"Use -Cmdlet to find which role a cmdlet needs, as in Exchange Online."
	c.Examples = []command.Example{
		{Code: "Get-ManagementRole -Cmdlet Set-OMEMessageRevocation", Remark: "Shows the role needed to revoke encrypted messages."},
		{Code: "Get-ManagementRole -Cmdlet Set-Mailbox -CmdletParameters LitigationHoldEnabled", Remark: "Shows which roles may put a mailbox on Litigation Hold."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := ""
		if ctx.Has("Identity") {
			id = exo.IdentityOf(ctx.Value("Identity"))
		}
		found := false
		for _, r := range Roles() {
			if id != "" && !wildcard.MatchStar(id, r.Name) {
				continue
			}
			if rt := ctx.String("RoleType"); rt != "" && !strings.EqualFold(rt, r.RoleType) {
				continue
			}
			if cm := ctx.String("Cmdlet"); cm != "" && !grantsParams(r, cm, ctx.Strings("CmdletParameters")) {
				continue
			}
			found = true
			if err := ctx.WriteObject(roleObject(r)); err != nil {
				return err
			}
		}
		if id != "" && !found && !wildcard.HasStar(id) {
			return ctx.Fail(exo.NotFound(ctx, id))
		}
		return nil
	}
	return exo.Partial(c, "Identity", "Cmdlet", "CmdletParameters", "RoleType")
}

// ResolveMember finds the account a -Member value names (a mailbox
// identity or a UPN) and returns its ObjectId, for the cmdlets of other
// packages whose members are accounts (eDiscovery case members).
func ResolveMember(tx *store.Tx, identity string) (string, error) { return resolveMember(tx, identity) }

// MemberObject is the ReducedRecipient object Get-RoleGroupMember writes
// for an account, for other packages that list accounts.
func MemberObject(tx *store.Tx, objectID string) *object.PSObject {
	return memberObject(describeMember(tx, objectID))
}
