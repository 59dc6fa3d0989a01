package rbac

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
	"github.com/exosim/exosim/store/opath"
	"github.com/exosim/exosim/store/rbac"
)

// Role Based Access Control for Applications: management scopes
// (*-ManagementScope), Exchange's references to Microsoft Entra service
// principals (*-ServicePrincipal), application roles assigned to a
// service principal (New-ManagementRoleAssignment -App, optionally
// within a scope: -CustomResourceScope) and the check of what an app may
// reach (Test-ServicePrincipalAuthorization).
//
// Sources: the cmdlet reference pages of New-/Get-/Set-/Remove-
// ManagementScope, the *-ServicePrincipal cmdlets,
// Test-ServicePrincipalAuthorization and New-ManagementRoleAssignment
// (MicrosoftDocs/office-docs-powershell) and the article "Role Based
// Access Control for Applications in Exchange Online"
// (learn.microsoft.com/exchange/permissions-exo/application-rbac).
// A scope's filter takes the properties of recipient filters (the
// reference page links "Filterable properties for the RecipientFilter
// parameter"). Recipient write scopes on users' and role groups'
// assignments (-CustomRecipientWriteScope, exclusive scopes) are not
// simulated: those parameters are refused.

// Output type names.
const (
	TypeManagementScope  = "Microsoft.Exchange.Data.Directory.SystemConfiguration.ManagementScope"
	TypeServicePrincipal = "Microsoft.Exchange.Data.Directory.Management.ServicePrincipal"
	TypeAuthorization    = "Microsoft.Exchange.Management.RbacTasks.ServicePrincipalAuthorizationResult"
)

// Scope types of an app's assignment, as Test-ServicePrincipalAuthorization
// shows them.
const (
	scopeOrganization = "Organization"
	scopeCustom       = "CustomRecipientScope"
)

// The values of InScope: whether the -Resource mailbox is in the
// assignment's scope, or "Not Run" without -Resource.
const notRun = "Not Run"

// appRole is an application role: the Microsoft Graph or EWS application
// permissions it grants an app, within the assignment's scope.
type appRole struct {
	Name        string
	Permissions []string
	Description string
}

// appRoles are the application roles of Exchange Online (the article's
// table of supported application roles), in name order.
var appRoles = []appRole{
	{"Application Calendars.Read", []string{"Calendars.Read"}, "Reads the events of all calendars, without a signed-in user."},
	{"Application Calendars.ReadWrite", []string{"Calendars.ReadWrite"}, "Creates, reads, updates and deletes the events of all calendars, without a signed-in user."},
	{"Application Contacts.Read", []string{"Contacts.Read"}, "Reads all contacts in all mailboxes, without a signed-in user."},
	{"Application Contacts.ReadWrite", []string{"Contacts.ReadWrite"}, "Creates, reads, updates and deletes all contacts in all mailboxes, without a signed-in user."},
	{"Application EWS.AccessAsApp", []string{"EWS.AccessAsApp"}, "Uses Exchange Web Services with full access to all mailboxes, without a signed-in user."},
	{"Application Exchange Full Access", []string{"Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite", "Calendars.ReadWrite", "Contacts.ReadWrite"},
		"Every Microsoft Graph mail, mailbox settings, calendar and contact permission, without a signed-in user."},
	{"Application Mail Full Access", []string{"Mail.ReadWrite", "Mail.Send"}, "Creates, reads, updates, deletes and sends mail in all mailboxes, without a signed-in user."},
	{"Application Mail.Read", []string{"Mail.Read"}, "Reads mail in all mailboxes, without a signed-in user."},
	{"Application Mail.ReadBasic", []string{"Mail.ReadBasic"}, "Reads mail in all mailboxes except the body, preview, attachments and extended properties, without a signed-in user."},
	{"Application Mail.ReadWrite", []string{"Mail.ReadWrite"}, "Creates, reads, updates and deletes mail in all mailboxes, without a signed-in user; not sending."},
	{"Application Mail.Send", []string{"Mail.Send"}, "Sends mail as any user, without a signed-in user."},
	{"Application MailboxSettings.Read", []string{"MailboxSettings.Read"}, "Reads the settings of all mailboxes, without a signed-in user."},
	{"Application MailboxSettings.ReadWrite", []string{"MailboxSettings.ReadWrite"}, "Creates, reads, updates and deletes the settings of all mailboxes, without a signed-in user."},
}

// lookupAppRole finds an application role by name (case-insensitive).
func lookupAppRole(name string) (appRole, bool) {
	for _, r := range appRoles {
		if strings.EqualFold(r.Name, strings.TrimSpace(name)) {
			return r, true
		}
	}
	return appRole{}, false
}

// IsAppRole reports whether the named role is an application role, which
// only a service principal can be assigned.
func IsAppRole(name string) bool {
	_, ok := lookupAppRole(name)
	return ok
}

// appRoleTable is the application roles as rows of the role table: they
// grant no cmdlet, and no role group holds them.
func appRoleTable() []Role {
	out := make([]Role, 0, len(appRoles))
	for _, r := range appRoles {
		rt := strings.NewReplacer(" ", "", ".", "").Replace(r.Name)
		out = append(out, Role{Name: r.Name, RoleType: rt, Description: r.Description, Unassigned: true})
	}
	return out
}

// scopeFilterError is the binding error of a recipient restriction
// filter that does not parse or names a property recipients can't be
// filtered on.
func scopeFilterError(ctx *command.Context, text string, err error) *object.ErrorRecord {
	return exo.Error(ctx, "System.Management.Automation.ParameterBindingException", opath.BindingMessage("RecipientRestrictionFilter", err), object.InvalidArgument, text)
}

func scopeObject(tx *store.Tx, s *rbac.ManagementScope) *object.PSObject {
	o := object.NewObject(TypeManagementScope, "Microsoft.Exchange.Data.Directory.ADConfigurationObject", "Microsoft.Exchange.Data.Directory.ADObject",
		"Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
	o.AddTyped("RecipientRoot", "System.String", nil)
	o.AddTyped("RecipientFilter", "System.String", s.RecipientFilter)
	o.AddTyped("ServerFilter", "System.String", nil)
	o.AddTyped("DatabaseFilter", "System.String", nil)
	o.AddTyped("ScopeRestrictionType", "Microsoft.Exchange.Data.Directory.SystemConfiguration.ScopeRestrictionType", "RecipientScope")
	o.AddTyped("Exclusive", "System.Boolean", false)
	o.AddTyped("AdminDisplayName", "System.String", "")
	o.AddTyped("Name", "System.String", s.Name)
	o.AddTyped("Identity", "System.String", s.Name)
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(s.Guid))
	o.AddTyped("WhenChanged", "System.DateTime", s.WhenChanged)
	o.AddTyped("WhenCreated", "System.DateTime", s.WhenCreated)
	o.AddTyped("WhenChangedUTC", "System.DateTime", s.WhenChanged.UTC())
	o.AddTyped("WhenCreatedUTC", "System.DateTime", s.WhenCreated.UTC())
	o.AddTyped("OrganizationId", "System.String", tenantName(tx))
	o.AddTyped("IsValid", "System.Boolean", true)
	name := s.Name
	o.ToStringFunc = func() string { return name }
	return o
}

func principalObject(tx *store.Tx, p *rbac.ServicePrincipal) *object.PSObject {
	o := object.NewObject(TypeServicePrincipal, "Microsoft.Exchange.Data.Directory.ADObject", "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
	o.AddTyped("AppId", "System.String", p.AppId)
	o.AddTyped("ServiceId", "System.String", p.ObjectId)
	o.AddTyped("ObjectId", "System.String", p.ObjectId)
	o.AddTyped("DisplayName", "System.String", p.DisplayName)
	o.AddTyped("Organization", "System.String", tenantName(tx))
	o.AddTyped("Name", "System.String", p.ObjectId)
	o.AddTyped("Identity", "System.String", p.ObjectId)
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(p.ObjectId))
	o.AddTyped("WhenChanged", "System.DateTime", p.WhenChanged)
	o.AddTyped("WhenCreated", "System.DateTime", p.WhenCreated)
	o.AddTyped("WhenChangedUTC", "System.DateTime", p.WhenChanged.UTC())
	o.AddTyped("WhenCreatedUTC", "System.DateTime", p.WhenCreated.UTC())
	o.AddTyped("IsValid", "System.Boolean", true)
	name := p.ObjectId
	o.ToStringFunc = func() string { return name }
	return o
}

// inUseError refuses removing a scope that role assignments use.
func inUseError(ctx *command.Context, e *rbac.ScopeInUseError) *object.ErrorRecord {
	return exo.InvalidOperation(ctx, fmt.Sprintf("The management scope \"%s\" can't be removed because it's used by the role assignments %s. Remove or change those assignments first.",
		e.Scope, strings.Join(e.Assignments, ", ")), e.Scope)
}

// existsError is the error for a new scope or service principal another
// one's name or ID already has.
func existsError(ctx *command.Context, e *rbac.NameInUseError) *object.ErrorRecord {
	if e.What == "service principal" {
		return exo.Error(ctx, "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
			fmt.Sprintf("A service principal with the ID \"%s\" already exists.", e.Name), object.ResourceExists, e.Name)
	}
	return exo.Error(ctx, "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
		fmt.Sprintf("The management scope \"%s\" already exists. Choose a different name.", e.Name), object.ResourceExists, e.Name)
}

// appStoreError words the errors of the store's scopes and service
// principals; others are left to exo.Write.
func appStoreError(ctx *command.Context, err error) (*object.ErrorRecord, error) {
	var nu *rbac.NameInUseError
	var iu *rbac.ScopeInUseError
	switch {
	case errors.As(err, &nu):
		return existsError(ctx, nu), nil
	case errors.As(err, &iu):
		return inUseError(ctx, iu), nil
	}
	return nil, err
}

func getManagementScope() *command.Command {
	c := exo.Declared("Get-ManagementScope")
	exo.Describe(c, map[string]string{
		"Identity":  "The scope, by name or GUID; every scope when left out.",
		"Exclusive": "$true lists the exclusive scopes (exosim has none), $false the regular ones.",
		"Orphan":    "Lists only the scopes no role assignment uses.",
	})
	c.OutputType = TypeManagementScope
	c.Synopsis = "Lists the management scopes: named recipient filters that limit role assignments."
	c.Description = "A scope's RecipientFilter decides which recipients an app assigned a role within it (New-ManagementRoleAssignment -App -CustomResourceScope) may reach."
	c.Examples = []command.Example{
		{Code: "Get-ManagementScope", Remark: "Lists every scope."},
		{Code: "Get-ManagementScope -Orphan | Remove-ManagementScope -WhatIf", Remark: "Shows which unused scopes would be removed."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
			var all []*rbac.ManagementScope
			if id := exo.IdentityOf(ctx.Value("Identity")); ctx.Has("Identity") && id != "" {
				s, err := rbac.GetScope(tx, id)
				if err != nil {
					return nil, err
				}
				all = []*rbac.ManagementScope{s}
			} else {
				var err error
				if all, err = rbac.Scopes(tx); err != nil {
					return nil, err
				}
			}
			var out []*object.PSObject
			for _, s := range all {
				if ctx.Has("Exclusive") && ctx.Bool("Exclusive") {
					continue
				}
				if ctx.Switch("Orphan") {
					used, err := rbac.ScopeUsers(tx, s)
					if err != nil {
						return nil, err
					}
					if len(used) > 0 {
						continue
					}
				}
				out = append(out, scopeObject(tx, s))
			}
			return out, nil
		})
	}
	return c
}

func newManagementScope() *command.Command {
	c := exo.Declared("New-ManagementScope")
	exo.Describe(c, map[string]string{
		"Name":                       "The scope's name, up to 64 characters.",
		"RecipientRestrictionFilter": "An OPATH recipient filter: the recipients in the scope (\"Department -eq 'Sales'\").",
		"Force":                      "Skips the confirmation prompt.",
	})
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = TypeManagementScope
	c.Synopsis = "Creates a management scope: a named recipient filter for scoped role assignments."
	c.Description = "The filter is checked as Exchange checks recipient filters. Exclusive scopes and -RecipientRoot (organizational units) are not simulated."
	c.Examples = []command.Example{
		{Code: "New-ManagementScope -Name 'Sales mailboxes' -RecipientRestrictionFilter \"Department -eq 'Sales'\"",
			Remark: "A scope of the Sales department's recipients, for New-ManagementRoleAssignment -CustomResourceScope."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := strings.TrimSpace(ctx.String("Name"))
		filter := ctx.String("RecipientRestrictionFilter")
		if _, err := groups.ParseFilter(filter); err != nil {
			return ctx.Fail(scopeFilterError(ctx, filter, err))
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating management scope \"%s\" with recipient restriction filter \"%s\".", name, filter), name)
		if err != nil || !ok {
			return err
		}
		var out *object.PSObject
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			s := &rbac.ManagementScope{Name: name, RecipientFilter: filter}
			if err := rbac.NewScope(tx, s); err != nil {
				return appStoreError(ctx, err)
			}
			out = scopeObject(tx, s)
			return nil, nil
		})
		if err != nil || out == nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return exo.Partial(c, "Name", "RecipientRestrictionFilter", "Force")
}

func setManagementScope() *command.Command {
	c := exo.Declared("Set-ManagementScope")
	exo.Describe(c, map[string]string{
		"Identity":                   "The scope to change, by name or GUID.",
		"Name":                       "A new name, up to 64 characters; the assignments that use the scope keep it.",
		"RecipientRestrictionFilter": "A new OPATH recipient filter.",
		"Force":                      "Skips the confirmation prompt.",
	})
	c.ConfirmImpact = command.ImpactMedium
	c.Synopsis = "Changes a management scope's name or recipient filter."
	c.Description = "The role assignments that use the scope see the new filter at once. -RecipientRoot is not simulated."
	c.Examples = []command.Example{
		{Code: "New-ManagementScope 'Sales mailboxes' -RecipientRestrictionFilter \"Department -eq 'Sales'\" | Out-Null; Set-ManagementScope 'Sales mailboxes' -RecipientRestrictionFilter \"Department -eq 'Sales' -and RecipientTypeDetails -eq 'UserMailbox'\"",
			Remark: "Keeps the Sales department's user mailboxes in the scope."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		filter := ""
		if ctx.Has("RecipientRestrictionFilter") {
			filter = ctx.String("RecipientRestrictionFilter")
			if _, err := groups.ParseFilter(filter); err != nil {
				return ctx.Fail(scopeFilterError(ctx, filter, err))
			}
		}
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Setting management scope \"%s\".", id), id)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			s, err := rbac.GetScope(tx, id)
			if err != nil {
				return nil, err
			}
			old := s.Name
			changed := false
			if ctx.Has("Name") && ctx.String("Name") != s.Name {
				s.Name, changed = ctx.String("Name"), true
			}
			if ctx.Has("RecipientRestrictionFilter") && filter != s.RecipientFilter {
				s.RecipientFilter, changed = filter, true
			}
			if !changed {
				exo.WarnUnchanged(ctx, old)
				return nil, nil
			}
			if err := rbac.UpdateScope(tx, s, old); err != nil {
				return appStoreError(ctx, err)
			}
			return nil, nil
		})
		return err
	}
	return exo.Partial(c, "Identity", "Name", "RecipientRestrictionFilter", "Force")
}

func removeManagementScope() *command.Command {
	c := exo.Declared("Remove-ManagementScope")
	exo.Describe(c, map[string]string{
		"Identity": "The scope to remove, by name or GUID. A scope a role assignment uses can't be removed.",
		"Force":    "Skips the confirmation prompt.",
	})
	c.ConfirmImpact = command.ImpactHigh
	c.Synopsis = "Removes a management scope that no role assignment uses."
	c.Description = "Asks for confirmation unless -Confirm:$false or -Force is given."
	c.Examples = []command.Example{{Code: "New-ManagementScope 'Old scope' -RecipientRestrictionFilter \"City -eq 'Oslo'\" | Out-Null; Remove-ManagementScope 'Old scope' -Confirm:$false", Remark: "Creates a scope, then removes it without asking."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		var s *rbac.ManagementScope
		plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
			var err error
			s, err = rbac.GetScope(tx, id)
			return nil, err
		}
		if ctx.Switch("Force") {
			_, err := exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
				if rec, err := plan(tx); rec != nil || err != nil {
					return rec, err
				}
				return appStoreError(ctx, rbac.RemoveScope(tx, s))
			})
			return err
		}
		_, err := exo.Confirmed(ctx, id, plan, func() (string, string) {
			return fmt.Sprintf("Removing management scope \"%s\".", s.Name), s.Name
		}, func(tx *store.Tx) (*object.ErrorRecord, error) {
			if err := rbac.RemoveScope(tx, s); err != nil {
				return appStoreError(ctx, err)
			}
			return nil, nil
		})
		return err
	}
	return c
}

// guidArg reads a GUID parameter into its lower-case form; another value
// is the service's argument error.
func guidArg(ctx *command.Context, param string) (string, *object.ErrorRecord) {
	v := strings.TrimSpace(ctx.String(param))
	g, ok := store.NormalizeGuid(v)
	if !ok {
		return "", exo.Invalid(ctx, fmt.Sprintf("The value \"%s\" of the %s parameter isn't a valid GUID.", v, param), v)
	}
	return g, nil
}

func getServicePrincipal() *command.Command {
	c := exo.Declared("Get-ServicePrincipal")
	exo.Describe(c, map[string]string{
		"Identity": "The service principal: object ID, app ID or display name. Every one when left out, $null or naming none.",
	})
	c.OutputType = TypeServicePrincipal
	c.Synopsis = "Lists Exchange's references to Microsoft Entra service principals, which role assignments can name."
	c.Description = "Each is an app's service principal, registered with New-ServicePrincipal so that it can be assigned application roles."
	c.Examples = []command.Example{{Code: "Get-ServicePrincipal", Remark: "Lists every service principal."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := ""
		if ctx.Has("Identity") {
			id = strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		}
		return exo.ReadObjects(ctx, id, func(tx *store.Tx) ([]*object.PSObject, error) {
			// As the reference warns, an identity that names no service
			// principal lists every one, as $null does; one that names
			// several is ambiguous.
			if id != "" {
				p, err := rbac.GetServicePrincipal(tx, id)
				if err == nil {
					return []*object.PSObject{principalObject(tx, p)}, nil
				}
				if !store.IsNotFound(err) {
					return nil, err
				}
			}
			all, err := rbac.ServicePrincipals(tx)
			if err != nil {
				return nil, err
			}
			var out []*object.PSObject
			for _, p := range all {
				out = append(out, principalObject(tx, p))
			}
			return out, nil
		})
	}
	return exo.Partial(c, "Identity")
}

func newServicePrincipal() *command.Command {
	c := exo.Declared("New-ServicePrincipal")
	exo.Describe(c, map[string]string{
		"AppId":       "The app's application (client) ID, a GUID.",
		"ObjectId":    "The service principal's object ID in Microsoft Entra ID (Enterprise applications), a GUID.",
		"ServiceId":   "Deprecated name of ObjectId: optional, the same value.",
		"DisplayName": "A friendly name.",
	})
	c.ConfirmImpact = command.ImpactMedium
	c.OutputType = TypeServicePrincipal
	c.Synopsis = "Registers an app's Microsoft Entra service principal in Exchange so that it can be assigned application roles."
	c.Description = "The object ID and the app ID must each be a GUID no other service principal has."
	c.Examples = []command.Example{
		{Code: "New-ServicePrincipal -AppId 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -ObjectId 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 -DisplayName 'Contoso mail app'",
			Remark: "Registers the app for New-ManagementRoleAssignment -App."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		appID, rec := guidArg(ctx, "AppId")
		if rec != nil {
			return ctx.Fail(rec)
		}
		objID, rec := guidArg(ctx, "ObjectId")
		if rec != nil {
			return ctx.Fail(rec)
		}
		// -ServiceId, deprecated, names the same object as -ObjectId.
		if ctx.Has("ServiceId") {
			svc, rec := guidArg(ctx, "ServiceId")
			if rec != nil {
				return ctx.Fail(rec)
			}
			if svc != objID {
				return ctx.Fail(exo.Invalid(ctx, "The ServiceId parameter is a deprecated name of the ObjectId parameter; give the same value, or ObjectId alone.", svc))
			}
		}
		display := ctx.String("DisplayName")
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating service principal with AppId \"%s\" and ObjectId \"%s\".", appID, objID), objID)
		if err != nil || !ok {
			return err
		}
		var out *object.PSObject
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			p := &rbac.ServicePrincipal{AppId: appID, ObjectId: objID, DisplayName: display}
			if err := rbac.NewServicePrincipal(tx, p); err != nil {
				return appStoreError(ctx, err)
			}
			out = principalObject(tx, p)
			return nil, nil
		})
		if err != nil || out == nil {
			return err
		}
		return ctx.WriteObject(out)
	}
	return exo.Partial(c, "AppId", "ObjectId", "ServiceId", "DisplayName")
}

func setServicePrincipal() *command.Command {
	c := exo.Declared("Set-ServicePrincipal")
	exo.Describe(c, map[string]string{
		"Identity":    "The service principal: object ID, app ID or display name.",
		"DisplayName": "The new friendly name (the only property that can change).",
	})
	c.ConfirmImpact = command.ImpactMedium
	c.Synopsis = "Changes a service principal's display name."
	c.Description = "The app ID and object ID can't change: remove the service principal and create it again."
	c.Examples = []command.Example{{Code: "New-ServicePrincipal -AppId 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -ObjectId 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 -DisplayName 'Contoso mail app' | Out-Null; Set-ServicePrincipal 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 -DisplayName 'Contoso mail reader'", Remark: "Renames the app's reference."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Setting service principal \"%s\".", id), id)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			p, err := rbac.GetServicePrincipal(tx, id)
			if err != nil {
				return nil, err
			}
			if !ctx.Has("DisplayName") || ctx.String("DisplayName") == p.DisplayName {
				exo.WarnUnchanged(ctx, p.ObjectId)
				return nil, nil
			}
			p.DisplayName = ctx.String("DisplayName")
			return nil, rbac.PutServicePrincipal(tx, p)
		})
		return err
	}
	return exo.Partial(c, "Identity", "DisplayName")
}

func removeServicePrincipal() *command.Command {
	c := exo.Declared("Remove-ServicePrincipal")
	exo.Describe(c, map[string]string{
		"Identity": "The service principal: object ID, app ID or display name.",
	})
	c.ConfirmImpact = command.ImpactHigh
	c.Synopsis = "Removes a service principal's reference from Exchange, with the role assignments made to it."
	c.Description = "The app loses the application roles Exchange assigned it. Asks for confirmation unless -Confirm:$false is given."
	c.Examples = []command.Example{{Code: "New-ServicePrincipal -AppId 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -ObjectId 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 -DisplayName 'Contoso mail app' | Out-Null; Remove-ServicePrincipal 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 -Confirm:$false", Remark: "Removes the app's reference and its assignments."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		var p *rbac.ServicePrincipal
		_, err := exo.Confirmed(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
			var err error
			p, err = rbac.GetServicePrincipal(tx, id)
			return nil, err
		}, func() (string, string) {
			return fmt.Sprintf("Removing service principal \"%s\".", p.ObjectId), p.ObjectId
		}, func(tx *store.Tx) (*object.ErrorRecord, error) {
			return nil, rbac.RemoveServicePrincipal(tx, p)
		})
		return err
	}
	return c
}

// assignToApp assigns an application role to the service principal -App
// names, for the whole organization or within -CustomResourceScope, in
// one transaction.
func assignToApp(ctx *command.Context, name string) error {
	roleName := strings.TrimSpace(exo.IdentityOf(ctx.Value("Role")))
	app := strings.TrimSpace(exo.IdentityOf(ctx.Value("App")))
	role, ok := lookupAppRole(roleName)
	if !ok {
		if _, known := LookupRole(roleName); !known {
			return ctx.Fail(exo.NotFound(ctx, roleName))
		}
		return ctx.Fail(exo.Invalid(ctx, fmt.Sprintf("The role \"%s\" can't be assigned to a service principal. Only application roles (Get-ManagementRole \"Application *\") can be assigned with the App parameter.", roleName), roleName))
	}
	scopeName := ""
	if ctx.Has("CustomResourceScope") {
		scopeName = strings.TrimSpace(exo.IdentityOf(ctx.Value("CustomResourceScope")))
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating role assignment for management role \"%s\" and service principal \"%s\".", role.Name, app), app)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		p, err := rbac.GetServicePrincipal(tx, app)
		if err != nil {
			if store.IsNotFound(err) {
				return exo.NotFound(ctx, app), nil
			}
			return nil, err
		}
		a := &rbac.UserRoleAssignment{Name: name, Role: role.Name, App: p.ObjectId}
		var scope *rbac.ManagementScope
		if scopeName != "" {
			if scope, err = rbac.GetScope(tx, scopeName); err != nil {
				if store.IsNotFound(err) {
					return exo.NotFound(ctx, scopeName), nil
				}
				return nil, err
			}
			a.Scope = scope.Guid
		}
		if a.Name == "" {
			// The default name is "<role>-<service principal>"; when an
			// assignment has it already (the same role in another scope),
			// a number is added.
			base := assignmentName(role.Name, p.ObjectId)
			a.Name = base
			for n := 2; ; n++ {
				taken, err := assignmentNameTaken(tx, a.Name)
				if err != nil {
					return nil, err
				}
				if !taken {
					break
				}
				a.Name = fmt.Sprintf("%s%d", base[:min(len(base), 62)], n)
			}
		}
		taken, err := groupAssignmentNamed(tx, a.Name)
		if err != nil {
			return nil, err
		}
		if err := rbac.AssignRoleToUser(tx, a, taken != nil); err != nil {
			var raa *rbac.RoleAlreadyAssignedError
			if errors.As(err, &raa) {
				return exo.Invalid(ctx, fmt.Sprintf("The role \"%s\" is already assigned to the service principal \"%s\" in this scope.", role.Name, p.ObjectId), role.Name), nil
			}
			return nil, err
		}
		out = assignmentObject(appAssignment(tx, a), "Direct", p.ObjectId)
		return nil, nil
	})
	Invalidate(runtime.Of(ctx))
	if err != nil || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// assignmentNameTaken reports whether a role group's or a direct
// assignment has the name.
func assignmentNameTaken(tx *store.Tx, name string) (bool, error) {
	if _, ok, err := rbac.GetUserAssignment(tx, name); err != nil || ok {
		return ok, err
	}
	g, err := groupAssignmentNamed(tx, name)
	return g != nil, err
}

// appAssignment is an application role assigned to a service principal.
func appAssignment(tx *store.Tx, a *rbac.UserRoleAssignment) assignment {
	out := assignment{name: a.Name, role: a.Role, assignee: a.App, assigneeType: "ServicePrincipal", app: a.App}
	if a.Scope != "" {
		if s, err := rbac.ScopeByGuid(tx, a.Scope); err == nil && s != nil {
			out.scope = s.Name
		}
	}
	return out
}

// authorizationObject is one line of Test-ServicePrincipalAuthorization.
func authorizationObject(role, permissions, scope, scopeType, inScope string) *object.PSObject {
	o := object.NewObject(TypeAuthorization, "System.Object")
	o.AddTyped("RoleName", "System.String", role)
	o.AddTyped("GrantedPermissions", "System.String", permissions)
	o.AddTyped("AllowedResourceScope", "System.String", scope)
	o.AddTyped("ScopeType", "System.String", scopeType)
	o.AddTyped("InScope", "System.String", inScope)
	return o
}

func testServicePrincipalAuthorization() *command.Command {
	c := exo.Declared("Test-ServicePrincipalAuthorization")
	exo.Describe(c, map[string]string{
		"Identity": "The service principal: object ID, app ID or display name.",
		"Resource": "A mailbox: InScope says whether each assignment's scope includes it.",
	})
	c.OutputType = TypeAuthorization
	c.Synopsis = "Shows the application roles a service principal has, their permissions and scopes, and whether a mailbox is in each scope."
	c.Description = "One line per role assignment of the app. Without -Resource, InScope is \"Not Run\"."
	c.Examples = []command.Example{
		{Code: "New-ServicePrincipal -AppId 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -ObjectId 4f1c3b0a-6a6e-4a55-9d2b-0f2b7c6f3e11 -DisplayName 'Contoso mail app' | Out-Null; New-ManagementRoleAssignment -App 'Contoso mail app' -Role 'Application Mail.Read' | Out-Null; Test-ServicePrincipalAuthorization -Identity 6bd1a69b-8a40-4b1e-9c3a-55e6a84a2b2d -Resource annb | Format-Table",
			Remark: "Shows which of the app's permissions reach Ann's mailbox."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := strings.TrimSpace(exo.IdentityOf(ctx.Value("Identity")))
		resource := ""
		if ctx.Has("Resource") {
			resource = strings.TrimSpace(exo.IdentityOf(ctx.Value("Resource")))
		}
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) ([]*object.PSObject, error) {
			p, err := rbac.GetServicePrincipal(tx, id)
			if err != nil {
				return nil, err
			}
			var mbx *directory.Mailbox
			if resource != "" {
				if mbx, err = directory.ResolveMailbox(tx, resource, directory.ScopeActive); err != nil {
					return nil, err
				}
			}
			mine, err := rbac.AppAssignmentsOf(tx, p.ObjectId)
			if err != nil {
				return nil, err
			}
			var out []*object.PSObject
			for _, a := range mine {
				role, _ := lookupAppRole(a.Role)
				scope, scopeType, in := scopeOrganization, scopeOrganization, notRun
				var filter *opath.Filter
				if a.Scope != "" {
					s, err := rbac.ScopeByGuid(tx, a.Scope)
					if err != nil {
						return nil, err
					}
					if s != nil {
						scope, scopeType = s.Name, scopeCustom
						// A stored filter was checked when it was set.
						filter, _ = groups.ParseFilter(s.RecipientFilter)
					}
				}
				if mbx != nil {
					in = "True"
					if filter != nil && !groups.MailboxMatches(tx, filter, mbx) {
						in = "False"
					}
				}
				out = append(out, authorizationObject(a.Role, strings.Join(role.Permissions, ", "), scope, scopeType, in))
			}
			return out, nil
		})
	}
	return c
}
