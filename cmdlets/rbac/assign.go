package rbac

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/rbac"
)

// newManagementRoleAssignment assigns a management role to a role group
// (-SecurityGroup), whose members get the role's cmdlets at once, or to
// one user (-User), who gets them alone; or an application role to an
// app's service principal (-App), for the organization or within a
// management scope (-CustomResourceScope; see apps.go). Assignments to an
// assignment policy, recipient write scopes and administrative units are
// not simulated (Partial says so when one is used).
func newManagementRoleAssignment() *command.Command {
	c := exo.Declared("New-ManagementRoleAssignment")
	exo.Describe(c, map[string]string{
		"Name":                "The assignment's name (default <role>-<role group or user>).",
		"Role":                "The management role to assign, by name.",
		"SecurityGroup":       "The role group that gets the role.",
		"User":                "The user who gets the role: mailbox identity or user principal name.",
		"App":                 "The service principal (New-ServicePrincipal) that gets an application role: object ID, app ID or display name.",
		"CustomResourceScope": "With App: the management scope whose recipients the app may reach (default: the whole organization).",
		"Force":               "Skips the confirmation prompt.",
	})
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = TypeRoleAssignment
	c.Synopsis = "Assigns a management role to a role group or to one user, or an application role to an app."
	c.Description = "Assignments to role groups (-SecurityGroup) and to single users (-User), organization-wide, and of application roles to service principals (-App), organization-wide or within a management scope (-CustomResourceScope), are simulated."
	c.Examples = []command.Example{
		{Code: "New-ManagementRoleAssignment -Role 'Mailbox Import Export' -SecurityGroup 'Organization Management'",
			Remark: "Lets the organization's administrators run Get-RecoverableItems and Restore-RecoverableItems."},
		{Code: "New-ManagementRoleAssignment -Role 'Mailbox Import Export' -User admin",
			Remark: "Lets the administrator alone run Get-RecoverableItems and Restore-RecoverableItems."},
		{Code: "New-ServicePrincipal -AppId 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -ObjectId 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 | Out-Null; " +
			"New-ManagementScope 'Sales mailboxes' -RecipientRestrictionFilter \"Department -eq 'Sales'\" | Out-Null; " +
			"New-ManagementRoleAssignment -App 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -Role 'Application Mail.Read' -CustomResourceScope 'Sales mailboxes'",
			Remark: "Registers the app, then lets it read the mail of the mailboxes the scope's filter finds."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ""
		if ctx.Has("Name") {
			name = strings.TrimSpace(ctx.String("Name"))
		}
		if ctx.Has("App") {
			return assignToApp(ctx, name)
		}
		roleName := strings.TrimSpace(exo.IdentityOf(ctx.Value("Role")))
		role, ok := LookupRole(roleName)
		if !ok {
			return ctx.Fail(exo.NotFound(ctx, roleName))
		}
		if IsAppRole(role.Name) {
			return ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The application role \"%s\" can only be assigned to a service principal. Use the App parameter.", role.Name), role.Name))
		}
		if ctx.Has("User") {
			return assignToUser(ctx, role, name)
		}
		group := strings.TrimSpace(exo.IdentityOf(ctx.Value("SecurityGroup")))
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating role assignment for management role \"%s\" and role group \"%s\".", role.Name, group), group)
		if err != nil || !ok {
			return err
		}
		var g *rbac.RoleGroup
		err = exo.Update(ctx, func(tx *store.Tx) error {
			var err error
			if g, err = findGroup(ctx, tx, group); err != nil {
				return err
			}
			if slices.ContainsFunc(g.Roles, func(r string) bool { return strings.EqualFold(r, role.Name) }) {
				return ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The role \"%s\" is already assigned to the role group \"%s\".", role.Name, g.Name), role.Name))
			}
			g.Roles = append(append([]string(nil), g.Roles...), role.Name)
			g.WhenChanged = tx.Now()
			return rbac.PutRoleGroup(tx, g)
		})
		Invalidate(runtime.Of(ctx))
		if err != nil {
			return err
		}
		o := assignmentObject(groupAssignment(role.Name, g), "Direct", "All Group Members")
		if name != "" {
			o.AddTyped("Name", "System.String", name)
			o.AddTyped("Identity", "System.String", name)
		}
		return ctx.WriteObject(o)
	}
	return exo.Partial(c, "Name", "Role", "SecurityGroup", "User", "App", "CustomResourceScope", "Force")
}

// assignToUser assigns role directly to the user -User names, in one
// transaction.
func assignToUser(ctx *command.Context, role Role, name string) error {
	who := strings.TrimSpace(exo.IdentityOf(ctx.Value("User")))
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating role assignment for management role \"%s\" and user \"%s\".", role.Name, who), who)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	_, err = exo.Write(ctx, who, func(tx *store.Tx) (*object.ErrorRecord, error) {
		id, err := resolveMember(tx, who)
		if err != nil {
			return nil, err
		}
		a := &rbac.UserRoleAssignment{Name: name, Role: role.Name, User: id}
		if a.Name == "" {
			a.Name = assignmentName(role.Name, describeMember(tx, id).name)
		}
		taken, err := groupAssignmentNamed(tx, a.Name)
		if err != nil {
			return nil, err
		}
		if err := rbac.AssignRoleToUser(tx, a, taken != nil); err != nil {
			return nil, err
		}
		out = assignmentObject(userAssignment(tx, a), "Direct", describeMember(tx, id).name)
		return nil, nil
	})
	Invalidate(runtime.Of(ctx))
	if err != nil || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// groupAssignmentNamed returns the role group assignment with this name
// (nil when none has it).
func groupAssignmentNamed(tx *store.Tx, name string) (*assignment, error) {
	groups, err := rbac.RoleGroups(tx)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		for _, r := range g.Roles {
			if a := groupAssignment(r, g); strings.EqualFold(a.name, strings.TrimSpace(name)) {
				return &a, nil
			}
		}
	}
	return nil, nil
}

// removeManagementRoleAssignment removes an assignment by name or GUID: a
// role assigned to one user, or a role of a role group (the group's
// members lose what only that role granted them). The assignments of
// Organization Management stay: without them nobody could manage roles.
func removeManagementRoleAssignment() *command.Command {
	c := exo.Declared("Remove-ManagementRoleAssignment")
	exo.Describe(c, map[string]string{
		"Identity": "The assignment, by name (see Get-ManagementRoleAssignment) or GUID.",
		"Force":    "Skips the confirmation prompt.",
	})
	c.ConfirmImpact = command.ImpactHigh
	c.Synopsis = "Removes a management role assignment from a role group or a user."
	c.Description = "The assignee loses the cmdlets only that role granted, from the next command on. Asks for confirmation unless -Confirm:$false or -Force is given."
	c.Examples = []command.Example{
		{Code: "Remove-ManagementRoleAssignment 'Mail Recipients-Recipient Management' -Confirm:$false",
			Remark: "Takes the Mail Recipients role from the Recipient Management role group."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		var user *rbac.UserRoleAssignment
		var group *assignment
		find := func(tx *store.Tx) (*object.ErrorRecord, error) {
			var ok bool
			var err error
			if user, ok, err = rbac.GetUserAssignment(tx, id); err != nil || ok {
				return nil, err
			}
			if group, err = groupAssignmentNamed(tx, id); err != nil || group != nil {
				if group != nil && strings.EqualFold(group.group.Name, rbac.OrgManagementGroup) {
					return exo.InvalidOperation(ctx, fmt.Sprintf("The role assignment \"%s\" belongs to the \"%s\" role group; exosim keeps the assignments of the organization's administrators.", group.name, rbac.OrgManagementGroup), id), nil
				}
				return nil, err
			}
			return exo.NotFound(ctx, id), nil
		}
		if !ctx.Switch("Force") && !ctx.ProceedsSilently() {
			done, err := exo.Read(ctx, id, find)
			if err != nil || !done {
				return err
			}
			name := id
			if user != nil {
				name = user.Name
			} else if group != nil {
				name = group.name
			}
			ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Removing management role assignment \"%s\".", name), name)
			if err != nil || !ok {
				return err
			}
		}
		_, err := exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			if rec, err := find(tx); rec != nil || err != nil {
				return rec, err
			}
			if user != nil {
				return nil, rbac.RemoveUserAssignment(tx, user)
			}
			g := group.group
			g.Roles = slices.DeleteFunc(append([]string(nil), g.Roles...), func(r string) bool { return strings.EqualFold(r, group.role) })
			g.WhenChanged = tx.Now()
			return nil, rbac.PutRoleGroup(tx, g)
		})
		Invalidate(runtime.Of(ctx))
		var nf *store.NotFoundError
		if errors.As(err, &nf) {
			return ctx.Fail(exo.NotFound(ctx, id))
		}
		return err
	}
	return c
}
