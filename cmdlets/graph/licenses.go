package graph

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// accountName is the tenant's short name (contoso for
// contoso.onmicrosoft.com), shown as AccountName on subscribed SKUs.
func accountName(o *directory.Organization) string {
	name := o.Name
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return name
}

// exchangeServicePlans are the Exchange Online service plans in a SKU's
// ServicePlans: Exchange Online (Plan 2) in the SKUs with Plan 2, Exchange
// Online (Plan 1) in the other SKUs with a mailbox. The simulator lists
// only these, not the SKU's plans of other services.
func exchangeServicePlans(k directory.Sku) []any {
	var id, name string
	switch {
	case k.Mailbox && k.ExchangePlan2:
		id, name = "efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE"
	case k.Mailbox:
		id, name = "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD"
	default:
		return []any{}
	}
	p := object.NewObject(TypeServicePlanInfo, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphServicePlanInfo", "System.Object")
	p.AddTyped("AppliesTo", "System.String", "User")
	p.AddTyped("ProvisioningStatus", "System.String", "Success")
	p.AddTyped("ServicePlanId", "System.String", id)
	p.AddTyped("ServicePlanName", "System.String", name)
	p.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	p.ToStringFunc = func() string { return TypeServicePlanInfo }
	return []any{p}
}

func subscribedSkuObject(o *directory.Organization, sub directory.Subscription) *object.PSObject {
	skuID := sub.SkuID
	if skuID == "" {
		if k, ok := directory.LookupSku(sub.SkuPartNumber); ok {
			skuID = k.SkuID
		}
	}
	s := object.NewObject(TypeSubscribedSku, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphSubscribedSku", typeEntity, "System.Object")
	s.AddTyped("AccountId", "System.String", o.Guid)
	s.AddTyped("AccountName", "System.String", accountName(o))
	s.AddTyped("AppliesTo", "System.String", "User")
	s.AddTyped("CapabilityStatus", "System.String", "Enabled")
	s.AddTyped("ConsumedUnits", "System.Nullable`1[[System.Int32]]", sub.Consumed)
	s.AddTyped("Id", "System.String", o.Guid+"_"+skuID)
	units := object.NewObject(TypeLicenseUnits, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphLicenseUnitsDetail", "System.Object")
	units.AddTyped("Enabled", "System.Nullable`1[[System.Int32]]", sub.Enabled)
	units.AddTyped("LockedOut", "System.Nullable`1[[System.Int32]]", 0)
	units.AddTyped("Suspended", "System.Nullable`1[[System.Int32]]", 0)
	units.AddTyped("Warning", "System.Nullable`1[[System.Int32]]", 0)
	units.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	units.ToStringFunc = func() string { return TypeLicenseUnits }
	s.AddTyped("PrepaidUnits", "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphLicenseUnitsDetail", units)
	plans := []any{}
	if k, ok := directory.LookupSku(skuID); ok {
		plans = exchangeServicePlans(k)
	}
	s.AddTyped("ServicePlans", "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphServicePlanInfo[]", plans)
	s.AddTyped("SkuId", "System.String", skuID)
	s.AddTyped("SkuPartNumber", "System.String", sub.SkuPartNumber)
	s.AddTyped("SubscriptionIds", "System.String[]", []any{stableGuid("subscription|" + o.Guid + "|" + sub.SkuPartNumber)})
	s.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	return s
}

func getMgSubscribedSku() *command.Command {
	c := cmd("Get-MgSubscribedSku", ModuleDirectoryManagement, "GetMgSubscribedSku_List")
	c.Synopsis = "Lists the licence subscriptions the tenant has bought."
	c.Description = "Each subscribed SKU shows how many units were bought (PrepaidUnits.Enabled) and how many are assigned (ConsumedUnits). Use its SkuId with Set-MgUserLicense."
	c.OutputType = TypeSubscribedSku
	c.Sets = []string{"List", "Get", "GetViaIdentity"}
	c.DefaultSet = "List"
	c.Params = append(identityParams("Get", "SubscribedSkuId", "The unique identifier of subscribedSku.",
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.InSets(params.Set("List", false, -1)), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	), append(listParams("List", true), commonParams()...)...)
	c.Examples = []command.Example{
		{Code: "Get-MgSubscribedSku | Format-Table SkuPartNumber, ConsumedUnits, @{n='Enabled';e={$_.PrepaidUnits.Enabled}}",
			Remark: "Shows how many units of each SKU are bought and assigned."},
		{Code: "$e5 = Get-MgSubscribedSku -All | Where-Object SkuPartNumber -eq 'SPE_E5'", Remark: "Finds a SKU to assign."},
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
			id := identityArg(ctx, "SubscribedSkuId")
			for _, sub := range org.Subscriptions {
				if o := subscribedSkuObject(org, sub); strings.EqualFold(object.ToInvariantString(o.Value("Id")), id) {
					return ctx.WriteObject(o)
				}
			}
			return writeServiceError(ctx, notFound(id), id)
		}
		top := -1
		if ctx.Has("Top") {
			top = ctx.Int("Top")
		}
		n := 0
		for i, sub := range org.Subscriptions {
			if i < ctx.Int("Skip") {
				continue
			}
			if top >= 0 && n >= top {
				break
			}
			n++
			if err := ctx.WriteObject(subscribedSkuObject(org, sub)); err != nil {
				return err
			}
		}
		setCount(ctx, n)
		return nil
	}
	return c
}

// licenseChange is a validated Set-MgUserLicense request: the SKU part
// numbers to add and to remove.
type licenseChange struct {
	add, remove []string
}

// skuIDOf reads the SkuId of one -AddLicenses entry (hashtable or object).
func skuIDOf(item any) string {
	if v := member(item, "SkuId"); v != nil {
		return strings.TrimSpace(object.ToInvariantString(v))
	}
	return ""
}

// planLicenseChange checks a request against the account and the tenant's
// subscriptions, as the service does before changing anything.
func planLicenseChange(u *directory.User, o *directory.Organization, addItems []any, removeIDs []string) (*licenseChange, *serviceError) {
	plan := &licenseChange{}
	for _, item := range addItems {
		id := skuIDOf(item)
		k, ok := directory.LookupSku(id)
		if _, subscribed := o.Subscription(k.SkuPartNumber); !ok || !subscribed || !strings.EqualFold(k.SkuID, id) {
			return nil, badRequest("Invalid value specified for property 'skuId' of resource 'AssignedLicense'.")
		}
		plan.add = append(plan.add, k.SkuPartNumber)
	}
	for _, id := range removeIDs {
		id = strings.TrimSpace(id)
		k, ok := directory.LookupSku(id)
		if !ok || !strings.EqualFold(k.SkuID, id) {
			return nil, badRequest("Invalid value specified for property 'removeLicenses' of resource 'User'.")
		}
		if !u.HasLicense(k.SkuPartNumber) {
			return nil, badRequest("User does not have a corresponding license.")
		}
		for _, a := range plan.add {
			if strings.EqualFold(a, k.SkuPartNumber) {
				return nil, badRequest("License " + k.SkuID + " is present in both addLicenses and removeLicenses.")
			}
		}
		plan.remove = append(plan.remove, k.SkuPartNumber)
	}
	return plan, nil
}

// missingPayload names the request-body members that were not given.
func missingPayload(ctx *command.Context) *serviceError {
	var missing []string
	if !ctx.Has("AddLicenses") {
		missing = append(missing, "addLicenses")
	}
	if !ctx.Has("RemoveLicenses") {
		missing = append(missing, "removeLicenses")
	}
	if len(missing) == 0 {
		return nil
	}
	return badRequest(fmt.Sprintf("One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: %s.", strings.Join(missing, ", ")))
}

// bodyLicenses reads addLicenses/removeLicenses from -BodyParameter.
func bodyLicenses(body any) (adds []any, removes []string, missing *serviceError) {
	var miss []string
	a := member(body, "addLicenses")
	if a == nil {
		miss = append(miss, "addLicenses")
	} else if items, ok := object.Enumerate(a); ok {
		adds = items
	} else {
		adds = []any{a}
	}
	r := member(body, "removeLicenses")
	if r == nil {
		miss = append(miss, "removeLicenses")
	} else if items, ok := object.Enumerate(r); ok {
		for _, it := range items {
			removes = append(removes, object.ToInvariantString(it))
		}
	} else {
		removes = []string{object.ToInvariantString(r)}
	}
	if len(miss) > 0 {
		missing = badRequest(fmt.Sprintf("One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: %s.", strings.Join(miss, ", ")))
	}
	return adds, removes, missing
}

func setMgUserLicense() *command.Command {
	c := cmd("Set-MgUserLicense", ModuleUsersActions, "SetMgUserLicense_AssignExpanded")
	c.Synopsis = "Adds and removes licences of a user account."
	c.Description = "Both -AddLicenses and -RemoveLicenses must be given (pass @() for none). -AddLicenses takes hashtables such as @{SkuId = $sku.SkuId}; -RemoveLicenses takes SkuIds. When the account loses its last licence that includes Exchange Online, its mailbox enters a 30-day grace period: it stays listed by Get-Mailbox (SKUAssigned False) and is deleted when the grace period ends (or becomes inactive if it is on hold); the account stays. Assigning such a licence again within the 30 days makes the mailbox fully active again; after them it gives the account a new, empty mailbox."
	c.OutputType = TypeUser
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Params = append(actionParams(c, "Assign", "The request body: a hashtable with addLicenses and removeLicenses.",
		params.P("AddLicenses", params.TObjects, params.Help("Licences to assign: hashtables with SkuId (and optionally DisabledPlans).")),
		params.P("RemoveLicenses", params.TStrings, params.Help("SkuIds of the licences to remove.")),
	), commonParams()...)
	c.Examples = []command.Example{
		{Code: "$e5 = Get-MgSubscribedSku -All | Where-Object SkuPartNumber -eq 'SPE_E5'; Set-MgUserLicense -UserId laura@contoso.com -AddLicenses @() -RemoveLicenses @($e5.SkuId)",
			Remark: "Removes Laura's E5 licence; her mailbox enters the 30-day grace period."},
		{Code: "Set-MgUserLicense -UserId laura@contoso.com -AddLicenses @{SkuId = $e5.SkuId} -RemoveLicenses @()",
			Remark: "Assigns the licence again; within 30 days the mailbox comes back."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		id := identityArg(ctx, "UserId")
		var adds []any
		var removes []string
		if ctx.Has("BodyParameter") {
			var missing *serviceError
			adds, removes, missing = bodyLicenses(ctx.Value("BodyParameter"))
			if missing != nil {
				return writeServiceError(ctx, missing, id)
			}
		} else {
			if missing := missingPayload(ctx); missing != nil {
				return writeServiceError(ctx, missing, id)
			}
			if items, ok := object.Enumerate(ctx.Value("AddLicenses")); ok {
				adds = items
			} else if v := ctx.Value("AddLicenses"); v != nil {
				adds = []any{v}
			}
			removes = ctx.Strings("RemoveLicenses")
		}
		do, err := ctx.ShouldProcess("Call remote 'POST /users/{user-id}/assignLicense' operation", variant(ctx))
		if err != nil || !do {
			return err
		}
		var view *userView
		ok, err := runUpdate(ctx, id, func(tx *store.Tx) error {
			u, err := findUser(tx, id, directory.UserActive)
			if err != nil {
				return err
			}
			if u == nil {
				return &refusal{svc: notFound(id)}
			}
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return err
			}
			plan, svc := planLicenseChange(u, o, adds, removes)
			if svc != nil {
				return &refusal{svc: svc}
			}
			for _, part := range plan.add {
				if err := directory.AssignLicense(tx, u.ObjectID, part); err != nil {
					var lu *directory.LicenseUnavailableError
					if errors.As(err, &lu) {
						k, _ := directory.LookupSku(part)
						return &refusal{svc: badRequest("Subscription with SKU " + k.SkuID + " does not have any available licenses.")}
					}
					return refuse(err, id)
				}
			}
			for _, part := range plan.remove {
				if err := directory.RemoveLicense(tx, u.ObjectID, part); err != nil {
					return refuse(err, id)
				}
			}
			after, err := directory.GetUser(tx, u.ObjectID)
			if err != nil {
				return err
			}
			view, err = loadView(tx, after)
			return err
		})
		if !ok || err != nil {
			return err
		}
		return ctx.WriteObject(userObject(view, nil))
	}
	return c
}

func licenseDetailsObject(userID string, k directory.Sku) *object.PSObject {
	o := object.NewObject(TypeLicenseDetails, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphLicenseDetails", typeEntity, "System.Object")
	o.AddTyped("Id", "System.String", licenseDetailsID(userID, k.SkuID))
	o.AddTyped("ServicePlans", "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphServicePlanInfo[]", exchangeServicePlans(k))
	o.AddTyped("SkuId", "System.String", k.SkuID)
	o.AddTyped("SkuPartNumber", "System.String", k.SkuPartNumber)
	o.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	return o
}

func getMgUserLicenseDetail() *command.Command {
	c := cmd("Get-MgUserLicenseDetail", ModuleUsers, "GetMgUserLicenseDetail_List")
	c.Synopsis = "Lists the licences assigned to a user account."
	c.Description = "Writes one entry per assigned SKU with its SkuId and SkuPartNumber. ServicePlans lists the SKU's Exchange Online service plan (EXCHANGE_S_ENTERPRISE or EXCHANGE_S_STANDARD) only, not its plans of other services."
	c.OutputType = TypeLicenseDetails
	c.Sets = []string{"List", "Get", "GetViaIdentity"}
	c.DefaultSet = "List"
	c.Params = append([]*params.Param{
		params.P("UserId", params.TString, params.InSets(params.Set("List", true, -1), params.Set("Get", true, -1)),
			params.Help("The unique identifier of user (object id or userPrincipalName).")),
		params.P("LicenseDetailsId", params.TString, params.InSets(params.Set("Get", true, -1)), params.Help("The unique identifier of licenseDetails.")),
		params.P("InputObject", params.TObject, params.InSets(params.SetInfo{Set: "GetViaIdentity", Mandatory: true, Position: -1, FromPipeline: true}),
			params.Help("Identity parameter: an object with UserId and LicenseDetailsId.")),
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	}, append(listParams("List", true), commonParams()...)...)
	c.Examples = []command.Example{
		{Code: "Get-MgUserLicenseDetail -UserId annb@contoso.com", Remark: "Lists Ann Beebe's licences."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		id := identityArg(ctx, "UserId")
		var user *directory.User
		if err := exo.View(ctx, func(tx *store.Tx) error {
			u, err := findUser(tx, id, directory.UserActive)
			user = u
			return err
		}); err != nil {
			return err
		}
		if user == nil {
			return writeServiceError(ctx, notFound(id), id)
		}
		want := ""
		if ctx.ParameterSet != "List" {
			want = identityArg(ctx, "LicenseDetailsId")
		}
		found := false
		for _, l := range user.Licenses {
			k, ok := directory.LookupSku(l)
			if !ok {
				continue
			}
			o := licenseDetailsObject(user.ObjectID, k)
			if want != "" && object.ToInvariantString(o.Value("Id")) != want {
				continue
			}
			found = true
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		if want != "" && !found {
			return writeServiceError(ctx, notFound(want), want)
		}
		return nil
	}
	return c
}
