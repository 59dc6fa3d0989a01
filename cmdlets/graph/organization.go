package graph

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TypeOrganization is the SDK's model of the tenant (Get-MgOrganization).
const (
	TypeOrganization   = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOrganization"
	TypeVerifiedDomain = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphVerifiedDomain"
)

// organizationObject is the tenant as Graph describes it: its ID is the
// tenant ID Get-MgContext shows, and its verified domains are the
// accepted domains plus the initial onmicrosoft.com one. Address and
// contact details the simulated tenant does not keep are empty.
func organizationObject(o *directory.Organization) *object.PSObject {
	org := object.NewObject(TypeOrganization, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphOrganization",
		TypeDirectoryObject, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphDirectoryObject", typeEntity, "System.Object")
	str, strs := "System.String", "System.String[]"
	org.AddTyped("AssignedPlans", "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphAssignedPlan[]", []any{})
	org.AddTyped("BusinessPhones", strs, []any{})
	org.AddTyped("City", str, nil)
	org.AddTyped("Country", str, nil)
	org.AddTyped("CountryLetterCode", str, "US")
	org.AddTyped("CreatedDateTime", "System.Nullable`1[[System.DateTime]]", o.WhenCreated.UTC())
	org.AddTyped("DefaultUsageLocation", str, nil)
	org.AddTyped("DeletedDateTime", "System.Nullable`1[[System.DateTime]]", nil)
	org.AddTyped("DisplayName", str, o.DisplayName)
	org.AddTyped("Id", str, o.Guid)
	org.AddTyped("MarketingNotificationEmails", strs, []any{})
	org.AddTyped("OnPremisesLastSyncDateTime", "System.Nullable`1[[System.DateTime]]", nil)
	org.AddTyped("OnPremisesSyncEnabled", "System.Nullable`1[[System.Boolean]]", nil)
	org.AddTyped("PostalCode", str, nil)
	org.AddTyped("PreferredLanguage", str, "en")
	org.AddTyped("ProvisionedPlans", "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphProvisionedPlan[]", []any{})
	org.AddTyped("SecurityComplianceNotificationMails", strs, []any{})
	org.AddTyped("SecurityComplianceNotificationPhones", strs, []any{})
	org.AddTyped("State", str, nil)
	org.AddTyped("Street", str, nil)
	org.AddTyped("TechnicalNotificationMails", strs, []any{o.AdminUPN})
	org.AddTyped("TenantType", str, "AAD")
	org.AddTyped("VerifiedDomains", "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphVerifiedDomain[]", verifiedDomains(o))
	org.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	org.ToStringFunc = func() string { return TypeOrganization }
	return org
}

// verifiedDomains lists the tenant's domains: the initial
// onmicrosoft.com domain, then the accepted ones, the default marked.
func verifiedDomains(o *directory.Organization) []any {
	names := []string{o.Name}
	seen := map[string]bool{strings.ToLower(o.Name): true}
	rest := append([]string(nil), o.AcceptedDomains...)
	sort.Strings(rest)
	for _, d := range rest {
		if !seen[strings.ToLower(d)] {
			seen[strings.ToLower(d)] = true
			names = append(names, d)
		}
	}
	out := make([]any, 0, len(names))
	for i, n := range names {
		d := object.NewObject(TypeVerifiedDomain, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphVerifiedDomain", "System.Object")
		d.AddTyped("Capabilities", "System.String", "Email, OfficeCommunicationsOnline")
		d.AddTyped("IsDefault", "System.Nullable`1[[System.Boolean]]", strings.EqualFold(n, o.DefaultDomain))
		d.AddTyped("IsInitial", "System.Nullable`1[[System.Boolean]]", i == 0)
		d.AddTyped("Name", "System.String", n)
		d.AddTyped("Type", "System.String", "Managed")
		d.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
		d.ToStringFunc = func() string { return TypeVerifiedDomain }
		out = append(out, d)
	}
	return out
}

func getMgOrganization() *command.Command {
	c := cmd("Get-MgOrganization", ModuleDirectoryManagement, "GetMgOrganization_List")
	c.Synopsis = "Shows the tenant: its ID, display name and verified domains."
	c.Description = "The organization's Id is the tenant ID; VerifiedDomains lists the initial onmicrosoft.com domain and the accepted domains, IsDefault marking the default one."
	c.OutputType = TypeOrganization
	c.Sets = []string{"List", "Get", "GetViaIdentity"}
	c.DefaultSet = "List"
	c.Params = append(identityParams("Get", "OrganizationId", "The unique identifier of organization.",
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	), append(listParams("List", true), commonParams()...)...)
	c.Examples = []command.Example{
		{Code: "(Get-MgOrganization).DisplayName", Remark: "Shows the tenant's name."},
		{Code: "(Get-MgOrganization).VerifiedDomains | Where-Object IsDefault | Select-Object -ExpandProperty Name", Remark: "Shows the default domain."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		var org *directory.Organization
		if err := exo.View(ctx, func(tx *store.Tx) error {
			o, err := directory.GetOrganization(tx)
			org = o
			return err
		}); err != nil {
			return err
		}
		if ctx.ParameterSet == "Get" || ctx.ParameterSet == "GetViaIdentity" {
			id := identityArg(ctx, "OrganizationId")
			if !strings.EqualFold(id, org.Guid) {
				return writeServiceError(ctx, notFound(id), id)
			}
		}
		setCount(ctx, 1)
		return ctx.WriteObject(organizationObject(org))
	}
	return c
}
