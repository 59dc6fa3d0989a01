package mailboxpolicy

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// TypeRoleAssignmentPolicy is the output type of Get-RoleAssignmentPolicy.
const TypeRoleAssignmentPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.RoleAssignmentPolicy"

// role is the role assignment policies as their cmdlets see them.
var role = &family[mp.Policy, *mp.Policy]{
	kind: kind{container: exo.RolePoliciesContainer,
		removeDefault: "The default role assignment policy can't be removed. Make another policy the default policy (Set-RoleAssignmentPolicy -IsDefault) first.",
		inUse:         "Couldn't delete role assignment policy %s because it is assigned to mailboxes. Assign the mailboxes another policy (Set-Mailbox -RoleAssignmentPolicy) first."},
	policies: func() *mp.Family[mp.Policy, *mp.Policy] { return mp.RolePolicies },
	table:    &mp.RoleSettings,
	typ:      TypeRoleAssignmentPolicy, version: "0.11 (14.0.550.0)", category: "ms-Exch-RBAC-Policy", class: "msExchRBACPolicy",
	noun:          "role assignment policy",
	switchDefault: true,
	shows:         roleAssignments,
	starts:        assignRoles,
}

// roleAssignments adds what a role assignment policy shows before its
// settings: its role assignments, each named after its role and the
// policy.
func roleAssignments(obj *object.PSObject, _ *directory.Organization, p *mp.Policy) {
	var names []string
	for _, r := range p.List(mp.RoleSetting("AssignedRoles")) {
		names = append(names, r+"-"+p.Name)
	}
	obj.AddTyped("RoleAssignments", exo.TypeMultiValued, exo.MultiValued(names))
}

// assignRoles gives a new role assignment policy the end-user roles of
// New-RoleAssignmentPolicy -Roles, as their names are spelt; a role that
// is none is the service's not-found error.
func assignRoles(ctx *command.Context, p *mp.Policy) *object.ErrorRecord {
	if !ctx.Has("Roles") {
		return nil
	}
	var roles []string
	for _, r := range exo.ValueStrings(ctx.Value("Roles")) {
		name, ok := mp.EndUserRole(r)
		if !ok {
			return exo.NotFound(ctx, r)
		}
		if !exo.ContainsFold(roles, name) {
			roles = append(roles, name)
		}
	}
	p.SetList(mp.RoleSetting("AssignedRoles"), roles)
	return nil
}

// roleParams are the parameters of New- and Set-RoleAssignmentPolicy that
// are not settings of the table.
var roleParams = [...]string{"Identity", "Name", "IsDefault", "Roles", "Confirm", "WhatIf"}

func roleCommands() []*command.Command {
	get := exo.Declared("Get-RoleAssignmentPolicy")
	get.Synopsis = "Lists the role assignment policies: which end-user roles (what users may change of their own mailbox) each assigns."
	get.OutputType = TypeRoleAssignmentPolicy
	get.Examples = []command.Example{
		{Code: "Get-RoleAssignmentPolicy | Format-List Name,IsDefault,AssignedRoles", Remark: "The policies and the roles each assigns; Default Role Assignment Policy is every organization's."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = role.get

	help := map[string]string{
		"Identity":    "The policy: name, distinguished name or GUID.",
		"Name":        "A new, unique name for the policy (at most 64 characters).",
		"IsDefault":   "Makes the policy the default one.",
		"Description": "The policy's description.",
		"Roles":       "The end-user roles the policy assigns (MyBaseOptions, MyContactInformation, My Custom Apps ...).",
	}
	set := exo.Declared("Set-RoleAssignmentPolicy")
	set.Synopsis = "Changes a role assignment policy's name or description, or makes it the default."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "New-RoleAssignmentPolicy 'End User Policy' -Roles MyBaseOptions | Out-Null; Set-RoleAssignmentPolicy 'End User Policy' -IsDefault", Remark: "Makes End User Policy the default policy."},
	}
	role.describe(set, help)
	set.Handler.Process = role.set

	c := exo.Declared("New-RoleAssignmentPolicy")
	c.Synopsis = "Creates a role assignment policy that assigns the end-user roles -Roles names; Set-Mailbox -RoleAssignmentPolicy assigns it."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "New-RoleAssignmentPolicy 'Contoso Contractors' -Roles MyBaseOptions,MyContactInformation,MyProfileInformation", Remark: "A policy with three end-user roles."},
	}
	help["Name"] = "The policy's unique name (at most 64 characters)."
	role.describe(c, help)
	c.Handler.Process = role.create

	r := exo.Declared("Remove-RoleAssignmentPolicy")
	r.Synopsis = "Removes a role assignment policy that is not the default one and that no mailbox is assigned."
	r.ConfirmImpact = command.ImpactHigh
	r.Examples = []command.Example{
		{Code: "New-RoleAssignmentPolicy 'End User' | Out-Null; Remove-RoleAssignmentPolicy 'End User' -Confirm:$false", Remark: "Removes the policy."},
	}
	exo.Describe(r, map[string]string{"Identity": "The policy: name, distinguished name or GUID."})
	r.Handler.Process = role.remove
	return []*command.Command{get, set, c, r}
}
