package rbac

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/rbac"
)

// newManagementRoleAssignment assigns a management role to a role group
// (-SecurityGroup): its members get the cmdlets the role grants at once.
// Roles are kept per role group in the tenant, so assignments to a single
// user, an application or an assignment policy, and scoped assignments,
// are not simulated (Partial says so when one is used).
func newManagementRoleAssignment() *runtime.Command {
	c := exo.Declared("New-ManagementRoleAssignment")
	exo.Describe(c, map[string]string{
		"Name":          "The assignment's name (default <role>-<role group>).",
		"Role":          "The management role to assign, by name.",
		"SecurityGroup": "The role group that gets the role.",
		"Force":         "Skips the confirmation prompt.",
	})
	c.ConfirmImpact = runtime.ImpactMedium
	c.OutputType = TypeRoleAssignment
	c.Synopsis = "Assigns a management role to a role group; its members get the role's cmdlets."
	c.Description = "Only assignments to role groups (-SecurityGroup), organization-wide, are simulated."
	c.Examples = []runtime.Example{
		{Code: "New-ManagementRoleAssignment -Role 'Mailbox Import Export' -SecurityGroup 'Organization Management'",
			Remark: "Lets the organization's administrators run Get-RecoverableItems and Restore-RecoverableItems."},
	}
	c.Handler.Process = func(ctx *runtime.Context) error {
		roleName := strings.TrimSpace(exo.IdentityOf(ctx.Value("Role")))
		group := strings.TrimSpace(exo.IdentityOf(ctx.Value("SecurityGroup")))
		role, ok := LookupRole(roleName)
		if !ok {
			return ctx.Fail(exo.NotFound(ctx, roleName))
		}
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
		Invalidate(ctx.RT)
		if err != nil {
			return err
		}
		o := assignmentObject(role.Name, g, "Direct", "All Group Members")
		if ctx.Has("Name") {
			if n := strings.TrimSpace(ctx.String("Name")); n != "" {
				o.AddTyped("Name", "System.String", n)
				o.AddTyped("Identity", "System.String", n)
			}
		}
		return ctx.WriteObject(o)
	}
	return exo.Partial(c, "Name", "Role", "SecurityGroup", "Force")
}
