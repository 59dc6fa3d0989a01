// Package graph declares the Microsoft Graph PowerShell SDK cmdlets that
// the simulated tenant needs: signing in (Microsoft.Graph.Authentication),
// reading and deleting user accounts (Microsoft.Graph.Users), the
// directory recycle bin and subscribed SKUs
// (Microsoft.Graph.Identity.DirectoryManagement), and licence assignment
// (Microsoft.Graph.Users.Actions).
//
// The SDK's public cmdlets are thin wrappers around one compiled cmdlet per
// parameter set (GetMgUser_List, GetMgUser_Get …); that inner name is what
// Graph errors show before the colon, so errors here carry it too. Service
// errors render as the SDK prints them: the service message, a blank line,
// then Status, ErrorCode, Date and the response headers.
//
// Behaviour (what deleting, restoring or unlicensing an account does to its
// mailbox) lives in the store; this package only translates between Graph's
// vocabulary and the store's operations, one transaction per invocation.
package graph

import (
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// Module names and the SDK version the simulator imitates.
const (
	ModuleAuthentication      = "Microsoft.Graph.Authentication"
	ModuleUsers               = "Microsoft.Graph.Users"
	ModuleDirectoryManagement = "Microsoft.Graph.Identity.DirectoryManagement"
	ModuleUsersActions        = "Microsoft.Graph.Users.Actions"
	Version                   = engine.GraphVersion
)

// Output type names (the SDK's model classes).
const (
	TypeUser              = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser"
	TypeDirectoryObject   = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphDirectoryObject"
	TypeSubscribedSku     = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphSubscribedSku"
	TypeLicenseUnits      = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphLicenseUnitsDetail"
	TypeLicenseDetails    = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphLicenseDetails"
	TypeAssignedLicense   = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphAssignedLicense"
	TypeServicePlanInfo   = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePlanInfo"
	TypeAuthContext       = "Microsoft.Graph.PowerShell.Authentication.AuthContext"
	typeEntity            = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphEntity"
	cmdletNamespace       = "Microsoft.Graph.PowerShell.Cmdlets."
	authCmdletNamespace   = "Microsoft.Graph.PowerShell.Authentication.Cmdlets."
	additionalPropsType   = "System.Collections.Generic.IDictionary`2[[System.String],[System.Object]]"
	notConnectedMessage   = "Authentication needed. Please call Connect-MgGraph."
	resourceNotFoundCode  = "Request_ResourceNotFound"
	badRequestCode        = "Request_BadRequest"
	graphDateLayout       = "2006-01-02T15:04:05"
	httpDateLayout        = "Mon, 02 Jan 2006 15:04:05 GMT"
	graphDiagnosticHeader = `{"ServerInfo":{"DataCenter":"West US 2","Slice":"E","Ring":"4","ScaleUnit":"000","RoleInstance":"CO1PEPF00000D13"}}`
)

// Cmdlets declares the Graph cmdlets by name: a session builds one the
// first time it resolves the name (the report cmdlets together).
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Connect-MgGraph", Build: connectMgGraph},
	{Name: "Disconnect-MgGraph", Build: disconnectMgGraph},
	{Name: "Get-MgContext", Build: getMgContext},
	{Name: "Get-MgUser", Build: getMgUser},
	{Name: "Remove-MgUser", Build: removeMgUser},
	{Name: "Get-MgDirectoryDeletedItem", Build: getMgDirectoryDeletedItem},
	{Name: "Get-MgDirectoryDeletedItemAsUser", Build: getMgDirectoryDeletedItemAsUser},
	{Name: "Restore-MgDirectoryDeletedItem", Build: restoreMgDirectoryDeletedItem},
	{Name: "Remove-MgDirectoryDeletedItem", Build: removeMgDirectoryDeletedItem},
	{Name: "Get-MgSubscribedSku", Build: getMgSubscribedSku},
	{Name: "Set-MgUserLicense", Build: setMgUserLicense},
	{Name: "Get-MgUserLicenseDetail", Build: getMgUserLicenseDetail},
	{Name: "Get-MgOrganization", Build: getMgOrganization},
	{Name: "Send-MgUserMail", Build: sendMgUserMail},
}, Groups: []command.Group{
	{Names: []string{"Get-MgReportMailboxUsageDetail", "Get-MgBetaReportMailboxUsageDetail", "Get-MgReportEmailActivityUserDetail", "Get-MgBetaReportEmailActivityUserDetail", "Get-MgAdminReportSetting", "Get-MgBetaAdminReportSetting", "Update-MgAdminReportSetting", "Update-MgBetaAdminReportSetting"}, Build: reportCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the SDK's model types. The SDK's
// format files give no column widths; columns fit their contents.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name: "MicrosoftGraphUser", TypeNames: []string{TypeUser}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "DisplayName", Property: "DisplayName"},
			{Label: "Id", Property: "Id"},
			{Label: "Mail", Property: "Mail"},
			{Label: "UserPrincipalName", Property: "UserPrincipalName"},
		},
	})
	r.Add(&format.View{
		Name: "MicrosoftGraphDirectoryObject", TypeNames: []string{TypeDirectoryObject}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "Id", Property: "Id"},
			{Label: "DeletedDateTime", Property: "DeletedDateTime"},
		},
	})
	r.Add(&format.View{
		Name: "MicrosoftGraphSubscribedSku", TypeNames: []string{TypeSubscribedSku}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "Id", Property: "Id"},
			{Label: "AccountId", Property: "AccountId"},
			{Label: "AccountName", Property: "AccountName"},
			{Label: "AppliesTo", Property: "AppliesTo"},
			{Label: "CapabilityStatus", Property: "CapabilityStatus"},
			{Label: "ConsumedUnits", Property: "ConsumedUnits", Align: format.AlignRight},
			{Label: "SkuId", Property: "SkuId"},
			{Label: "SkuPartNumber", Property: "SkuPartNumber"},
		},
	})
	r.Add(&format.View{
		Name: "MicrosoftGraphLicenseDetails", TypeNames: []string{TypeLicenseDetails}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "Id", Property: "Id"},
			{Label: "SkuId", Property: "SkuId"},
			{Label: "SkuPartNumber", Property: "SkuPartNumber"},
		},
	})
	r.Add(&format.View{
		Name: "MicrosoftGraphLicenseUnitsDetail", TypeNames: []string{TypeLicenseUnits}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "Enabled", Property: "Enabled", Align: format.AlignRight},
			{Label: "LockedOut", Property: "LockedOut", Align: format.AlignRight},
			{Label: "Suspended", Property: "Suspended", Align: format.AlignRight},
			{Label: "Warning", Property: "Warning", Align: format.AlignRight},
		},
	})
	r.Add(&format.View{
		Name: "MicrosoftGraphServicePlanInfo", TypeNames: []string{TypeServicePlanInfo}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "AppliesTo", Property: "AppliesTo"},
			{Label: "ProvisioningStatus", Property: "ProvisioningStatus"},
			{Label: "ServicePlanId", Property: "ServicePlanId"},
			{Label: "ServicePlanName", Property: "ServicePlanName"},
		},
	})
	r.Add(&format.View{
		Name: "MicrosoftGraphAssignedLicense", TypeNames: []string{TypeAssignedLicense}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{
			{Label: "DisabledPlans", Property: "DisabledPlans"},
			{Label: "SkuId", Property: "SkuId"},
		},
	})
}

// cmd declares a Graph cmdlet of a module. The SDK's cmdlets are compiled
// cmdlets; typeName is the class of the default parameter set.
func cmd(name, module, typeName string) *command.Command {
	return &command.Command{
		Name:         name,
		Type:         command.CmdletCommand,
		Module:       module,
		Version:      Version,
		FullTypeName: cmdletNamespace + typeName,
	}
}

// variant is the SDK's inner cmdlet name for the resolved parameter set:
// Get-MgUser in set "Get" runs Get-MgUser_Get.
func variant(ctx *command.Context) string {
	set := ctx.ParameterSet
	if set == "" || set == params.AllSets {
		set = ctx.Command.DefaultSet
	}
	if set == "" {
		return ctx.Command.Name
	}
	return ctx.Command.Name + "_" + set
}

// variantType is the .NET class of the inner cmdlet (GetMgUser_Get).
func variantType(ctx *command.Context) string {
	v := strings.ReplaceAll(variant(ctx), "-", "")
	if strings.HasPrefix(ctx.Command.FullTypeName, authCmdletNamespace) {
		return authCmdletNamespace + v
	}
	return cmdletNamespace + v
}

// serviceError is an error response from the Graph service.
type serviceError struct {
	Status  int    // HTTP status code
	Reason  string // HTTP reason phrase without spaces (NotFound, BadRequest)
	Code    string // Graph error code (Request_ResourceNotFound)
	Message string // the service's message
}

func (e *serviceError) Error() string { return e.Message }

// notFound is Graph's 404 for an unknown directory object or user.
func notFound(id string) *serviceError {
	return &serviceError{Status: 404, Reason: "NotFound", Code: resourceNotFoundCode,
		Message: fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", id)}
}

// forbidden is Graph's 403 for a signed-in user whose directory roles
// don't allow the change.
func forbidden() *serviceError {
	return &serviceError{Status: 403, Reason: "Forbidden", Code: "Authorization_RequestDenied",
		Message: "Insufficient privileges to complete the operation."}
}

// badRequest is Graph's 400 with code Request_BadRequest.
func badRequest(message string) *serviceError {
	return &serviceError{Status: 400, Reason: "BadRequest", Code: badRequestCode, Message: message}
}

// errorText renders a service error the way the SDK's exception message
// reads: the message, then status, code, date and response headers.
func errorText(e *serviceError, now time.Time, salt string) string {
	now = now.UTC()
	reqID := stableGuid("request-id|" + salt + "|" + now.String())
	clientID := stableGuid("client-request-id|" + salt + "|" + now.String())
	var b strings.Builder
	b.WriteString(e.Message)
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "Status: %d (%s)\n", e.Status, e.Reason)
	fmt.Fprintf(&b, "ErrorCode: %s\n", e.Code)
	fmt.Fprintf(&b, "Date: %s\n\n", now.Format(graphDateLayout))
	b.WriteString("Headers:\n")
	headers := [][2]string{
		{"Cache-Control", "no-cache"},
		{"Vary", "Accept-Encoding"},
		{"Strict-Transport-Security", "max-age=31536000"},
		{"request-id", reqID},
		{"client-request-id", clientID},
		{"x-ms-ags-diagnostic", graphDiagnosticHeader},
		{"x-ms-resource-unit", "1"},
		{"Date", now.Format(httpDateLayout)},
	}
	for i, h := range headers {
		fmt.Fprintf(&b, "%-30s: %s", h[0], h[1])
		if i < len(headers)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// serviceRecord builds the ErrorRecord the SDK writes for a service error:
// reason and command are the inner cmdlet (Get-MgUser_Get), the error id
// is the Graph error code.
func serviceRecord(ctx *command.Context, e *serviceError, target any) *object.ErrorRecord {
	cat := object.InvalidOperation
	rec := ctx.NewError(errorText(e, ctx.Now(), ctx.Command.Name+"|"+e.Message), e.Code, cat, "RestException`1", target)
	rec.ExceptionFullType = "Microsoft.Graph.PowerShell.Runtime.RestException`1"
	rec.Activity = variant(ctx)
	rec.Reason = variant(ctx)
	rec.CommandSuffix = variantType(ctx)
	return rec
}

// writeServiceError writes a service error as the SDK does: a
// non-terminating error on the error stream.
func writeServiceError(ctx *command.Context, e *serviceError, target any) error {
	return ctx.WriteError(serviceRecord(ctx, e, target))
}

// notConnected is the error every Graph cmdlet but Connect-MgGraph raises
// before a session has signed in.
func notConnected(ctx *command.Context) error {
	rec := ctx.NewError(notConnectedMessage, "AuthenticationException", object.AuthenticationError, "AuthenticationException", nil)
	rec.ExceptionFullType = "System.Security.Authentication.AuthenticationException"
	rec.Activity = variant(ctx)
	rec.Reason = variant(ctx)
	rec.CommandSuffix = variantType(ctx)
	return ctx.WriteError(rec)
}

// stableGuid derives a GUID string from text, so simulated request ids are
// reproducible.
func stableGuid(text string) string {
	h := fnv.New128a()
	h.Write([]byte(text))
	var g object.Guid
	copy(g[:], h.Sum(nil))
	g[6] = g[6]&0x0f | 0x40
	g[8] = g[8]&0x3f | 0x80
	return g.String()
}

// guidBytesLE returns a GUID's bytes in .NET's Guid.ToByteArray order.
func guidBytesLE(s string) ([]byte, bool) {
	g, ok := object.ParseGuid(s)
	if !ok {
		return nil, false
	}
	b := make([]byte, 16)
	b[0], b[1], b[2], b[3] = g[3], g[2], g[1], g[0]
	b[4], b[5] = g[5], g[4]
	b[6], b[7] = g[7], g[6]
	copy(b[8:], g[8:])
	return b, true
}

// licenseDetailsID is the id Graph gives a user's licenseDetails entry:
// the user's and the SKU's GUID bytes, base64url-encoded without padding.
func licenseDetailsID(userID, skuID string) string {
	u, ok1 := guidBytesLE(userID)
	s, ok2 := guidBytesLE(skuID)
	if !ok1 || !ok2 {
		return userID + "_" + skuID
	}
	return base64.RawURLEncoding.EncodeToString(append(u, s...))
}

// additionalProperties returns the AdditionalProperties dictionary of a
// model object.
func additionalProperties(pairs ...string) *object.Hashtable {
	h := object.NewHashtable()
	for i := 0; i+1 < len(pairs); i += 2 {
		h.Set(pairs[i], pairs[i+1])
	}
	return h
}

// member reads a named value from a hashtable (keys ignore case) or from
// an object's property; nil when missing.
func member(v any, name string) any {
	if h, ok := v.(*object.Hashtable); ok {
		if x, ok := h.Get(name); ok {
			return x
		}
		for _, k := range h.Keys() {
			if ks, ok := k.(string); ok && strings.EqualFold(ks, name) {
				x, _ := h.Get(k)
				return x
			}
		}
		return nil
	}
	if o, ok := v.(*object.PSObject); ok && o.Base != nil {
		if x := member(o.Base, name); x != nil {
			return x
		}
	}
	return object.PropertyValue(v, name)
}

// actionParams declares a Graph action on a user (Set-MgUserLicense,
// Send-MgUserMail) in its four parameter sets: verb+"Expanded" (the
// default) and verb name the user by -UserId, the ViaIdentity ones by an
// -InputObject from the pipeline; the Expanded sets take the action's
// own parameters (expanded, then -AdditionalProperties), the others the
// request as -BodyParameter (bodyHelp describes it).
func actionParams(c *command.Command, verb, bodyHelp string, expanded ...*params.Param) []*params.Param {
	c.Sets = []string{verb + "Expanded", verb, verb + "ViaIdentityExpanded", verb + "ViaIdentity"}
	c.DefaultSet = verb + "Expanded"
	inExpanded := func() params.ParamOpt {
		return params.InSets(params.Set(verb+"Expanded", false, -1), params.Set(verb+"ViaIdentityExpanded", false, -1))
	}
	for _, p := range expanded {
		inExpanded()(p)
	}
	ps := []*params.Param{
		params.P("UserId", params.TString, params.InSets(params.Set(verb+"Expanded", true, -1), params.Set(verb, true, -1)),
			params.Help("The unique identifier of user (object id or userPrincipalName).")),
		params.P("InputObject", params.TObject, params.InSets(
			params.SetInfo{Set: verb + "ViaIdentityExpanded", Mandatory: true, Position: -1, FromPipeline: true},
			params.SetInfo{Set: verb + "ViaIdentity", Mandatory: true, Position: -1, FromPipeline: true}),
			params.Help("Identity parameter: an object with a UserId or Id property.")),
	}
	ps = append(ps, expanded...)
	return append(ps,
		params.P("AdditionalProperties", params.THashtable, inExpanded(), params.Help("Additional parameters.")),
		params.P("BodyParameter", params.TObject, params.InSets(
			params.SetInfo{Set: verb, Mandatory: true, Position: -1, FromPipeline: true},
			params.SetInfo{Set: verb + "ViaIdentity", Mandatory: true, Position: -1, FromPipeline: true}),
			params.Help(bodyHelp)))
}

// identityParams returns the identity parameters of a command that names
// its object by the parameter `name` in parameter set `set` or by an
// -InputObject with that property (or Id) in set `set`ViaIdentity,
// followed by more.
func identityParams(set, name, help string, more ...*params.Param) []*params.Param {
	return append([]*params.Param{
		params.P(name, params.TString, params.InSets(params.Set(set, true, -1)), params.Help(help)),
		params.P("InputObject", params.TObject, params.InSets(params.SetInfo{Set: set + "ViaIdentity", Mandatory: true, Position: -1, FromPipeline: true}),
			params.Help("Identity parameter: an object with a "+name+" or Id property.")),
	}, more...)
}
