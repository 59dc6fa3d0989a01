package compliance

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
	storerbac "github.com/exosim/exosim/store/rbac"
)

// caseMemberGroups are the role groups whose members may be case members.
var caseMemberGroups = []string{"eDiscovery Manager", "Reviewer"}

// caseMember resolves a -Member value to the account's UPN and ObjectId;
// rec words why the account can't be a case member.
func caseMember(ctx *command.Context, tx *store.Tx, who string) (upn string, rec *object.ErrorRecord, err error) {
	id, err := rbac.ResolveMember(tx, who)
	if err != nil {
		var nf *store.NotFoundError
		if errors.As(err, &nf) {
			return "", exo.NotFound(ctx, who), nil
		}
		return "", nil, err
	}
	u, err := directory.GetUser(tx, id)
	if err != nil {
		return "", nil, err
	}
	groups, err := storerbac.RoleGroupsOf(tx, id)
	if err != nil {
		return "", nil, err
	}
	for _, g := range groups {
		for _, n := range caseMemberGroups {
			if strings.EqualFold(g.Name, n) {
				return u.UserPrincipalName, nil, nil
			}
		}
	}
	return "", exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The user \"%s\" can't be added to the case: only members of the eDiscovery Manager or Reviewer role groups can be case members.", who),
		object.InvalidOperation, who), nil
}

// memberObjects lists a case's members as Get-RoleGroupMember lists
// accounts.
func memberObjects(tx *store.Tx, c *holds.ComplianceCase) ([]*object.PSObject, error) {
	var out []*object.PSObject
	for _, upn := range holds.CaseMembers(c) {
		users, err := directory.FindUsersByUPN(tx, upn)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			if u.State == directory.UserActive {
				out = append(out, rbac.MemberObject(tx, u.ObjectID))
				break
			}
		}
	}
	return out, nil
}

func getComplianceCaseMember() *command.Command {
	c := exo.Declared("Get-ComplianceCaseMember")
	c.Synopsis = "Lists the members of an eDiscovery case (its creator until members are added)."
	c.Description = "The simulated tenant has no eDiscovery Administrators, so -ShowCaseAdmin adds no one."
	c.OutputType = rbac.TypeRoleGroupMember
	c.Examples = []command.Example{{Code: `Get-ComplianceCaseMember -Case "Contoso v. Fabrikam"`, Remark: "Shows who works on the case."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
			k, err := holds.FindComplianceCase(tx, ctx.String("Case"))
			if err != nil {
				return nil, err
			}
			return memberObjects(tx, k)
		})
	}
	return c
}

// changeCaseMember is Add- and Remove-ComplianceCaseMember.
func changeCaseMember(add bool) *command.Command {
	verb, action := "Remove", "Removing member from compliance case"
	if add {
		verb, action = "Add", "Adding member to compliance case"
	}
	c := exo.Declared(verb + "-ComplianceCaseMember")
	if add {
		c.Synopsis = "Adds a member (of the eDiscovery Manager or Reviewer role group) to an eDiscovery case."
		c.Examples = []command.Example{{Code: `Add-ComplianceCaseMember -Case "Contoso v. Fabrikam" -Member pilarp@contoso.com`, Remark: "Adds Pilar to the case."}}
	} else {
		c.Synopsis = "Removes a member from an eDiscovery case."
		c.ConfirmImpact = command.ImpactHigh
		c.Examples = []command.Example{{Code: `Remove-ComplianceCaseMember -Case "Contoso v. Fabrikam" -Member admin@contoso.onmicrosoft.com -Confirm:$false`, Remark: "Takes the creator off the case."}}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		kase, who := ctx.String("Case"), ctx.String("Member")
		ok, err := shouldProcess(ctx, action, kase)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			if _, err := holds.FindComplianceCase(tx, kase); err != nil {
				return nil, err
			}
			upn := who
			if add {
				var rec *object.ErrorRecord
				if upn, rec, err = caseMember(ctx, tx, who); rec != nil || err != nil {
					return rec, err
				}
			} else if id, err := rbac.ResolveMember(tx, who); err == nil {
				if u, err := directory.GetUser(tx, id); err == nil {
					upn = u.UserPrincipalName
				}
			}
			err := holds.ChangeCaseMembers(tx, kase, upn, add, actor(tx))
			var me *holds.MemberExistsError
			var nm *holds.NotMemberError
			switch {
			case errors.As(err, &me):
				return exo.Error(ctx, exAlreadyExists, fmt.Sprintf("The user \"%s\" is already a member of the case \"%s\".", who, me.Case), object.ResourceExists, who), nil
			case errors.As(err, &nm):
				return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The user \"%s\" isn't a member of the case \"%s\".", who, nm.Case), object.InvalidOperation, who), nil
			}
			return nil, err
		})
		return err
	}
	return c
}

func updateComplianceCaseMember() *command.Command {
	c := exo.Declared("Update-ComplianceCaseMember")
	c.Synopsis = "Replaces the members of an eDiscovery case."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{{Code: `Update-ComplianceCaseMember -Case "Contoso v. Fabrikam" -Members pilarp@contoso.com, admin@contoso.onmicrosoft.com -Confirm:$false`, Remark: "Sets the case's members."}}
	c.Handler.Process = func(ctx *command.Context) error {
		kase := ctx.String("Case")
		ok, err := shouldProcess(ctx, "Updating members of compliance case", kase)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			k, err := holds.FindComplianceCase(tx, kase)
			if err != nil {
				return nil, err
			}
			var upns []string
			for _, who := range param(ctx, "Members") {
				upn, rec, err := caseMember(ctx, tx, who)
				if rec != nil || err != nil {
					return rec, err
				}
				upns = append(upns, upn)
			}
			return nil, holds.SetCaseMembers(tx, k, upns, actor(tx))
		})
		return err
	}
	return c
}
