package rbac

import (
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/rbac"
)

// Output type names of the audit log searches.
const (
	TypeAdminAuditLogEvent   = "Microsoft.Exchange.Management.SystemConfigurationTasks.AdminAuditLogEvent"
	TypeCmdletParameter      = "Microsoft.Exchange.Management.SystemConfigurationTasks.AdminAuditLogCmdletParameter"
	TypeModifiedProperty     = "Microsoft.Exchange.Management.SystemConfigurationTasks.AdminAuditLogModifiedProperty"
	TypeUnifiedAuditLogEvent = "Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent"
)

// originatingServer is the mailbox server named in audit entries.
const originatingServer = "SN6PR06MB4750 (15.20.7472.022)"

// Views registers the default views of the role management cmdlets.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name: "RoleGroup", TypeNames: []string{TypeRoleGroup}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Property: "Name", Width: 34},
			{Label: "AssignedRoles", Property: "Roles", Width: 40},
			{Label: "RoleAssignments", Property: "RoleAssignments", Width: 30},
			{Label: "ManagedBy", Property: "ManagedBy", Width: 12},
		},
	})
	r.Add(&format.View{
		Name: "RoleGroupMember", TypeNames: []string{TypeRoleGroupMember}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Name", Property: "Name"}, {Label: "RecipientType", Property: "RecipientType"}},
	})
	r.Add(&format.View{
		Name: "RoleAssignment", TypeNames: []string{TypeRoleAssignment}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Property: "Name", Width: 29},
			{Label: "Role", Property: "Role", Width: 18},
			{Label: "RoleAssigneeName", Property: "RoleAssigneeName", Width: 18},
			{Label: "RoleAssigneeType", Property: "RoleAssigneeType", Width: 16},
			{Label: "AssignmentMethod", Property: "AssignmentMethod", Width: 16},
			{Label: "EffectiveUserName", Property: "EffectiveUserName", Width: 18},
		},
	})
	r.Add(&format.View{
		Name: "ManagementScope", TypeNames: []string{TypeManagementScope}, Kind: format.TableView,
		Columns: []format.Column{{Label: "Name", Property: "Name", Width: 24}, {Label: "ScopeRestrictionType", Property: "ScopeRestrictionType", Width: 20},
			{Label: "Exclusive", Property: "Exclusive", Width: 9}, {Label: "RecipientRoot", Property: "RecipientRoot", Width: 13},
			{Label: "RecipientFilter", Property: "RecipientFilter", Width: 30}, {Label: "ServerFilter", Property: "ServerFilter", Width: 12}},
	})
	r.Add(&format.View{
		Name: "ServicePrincipal", TypeNames: []string{TypeServicePrincipal}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "DisplayName", Property: "DisplayName"}, {Label: "ObjectId", Property: "ObjectId"}, {Label: "AppId", Property: "AppId"}},
	})
	r.Add(&format.View{
		Name: "ManagementRole", TypeNames: []string{TypeManagementRole}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Name", Property: "Name"}, {Label: "RoleType", Property: "RoleType"}},
	})
	r.Add(&format.View{
		Name: "ManagementRoleEntry", TypeNames: []string{TypeRoleEntry}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Name", Property: "Name"}, {Label: "Role", Property: "Role"}, {Label: "Parameters", Property: "Parameters"}},
	})
}

func auditParamObjects(r *rbac.AuditRecord) []any {
	out := make([]any, 0, len(r.Parameters))
	for _, p := range r.Parameters {
		o := object.NewObject(TypeCmdletParameter, "System.Object")
		o.AddTyped("Name", "System.String", p.Name)
		o.AddTyped("Value", "System.String", p.Value)
		name := p.Name
		o.ToStringFunc = func() string { return name }
		out = append(out, o)
	}
	return out
}

func modifiedObjects(r *rbac.AuditRecord) []any {
	out := make([]any, 0, len(r.ModifiedProperties))
	for _, n := range r.ModifiedProperties {
		o := object.NewObject(TypeModifiedProperty, "System.Object")
		o.AddTyped("Name", "System.String", n)
		val := ""
		for _, p := range r.Parameters {
			if strings.EqualFold(p.Name, n) {
				val = p.Value
			}
		}
		o.AddTyped("NewValue", "System.String", val)
		o.AddTyped("OldValue", "System.String", "")
		name := n
		o.ToStringFunc = func() string { return name }
		out = append(out, o)
	}
	return out
}

// adminEventObject is one Search-AdminAuditLog result.
func adminEventObject(r *rbac.AuditRecord) *object.PSObject {
	o := object.NewObject(TypeAdminAuditLogEvent, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
	errText := "None"
	if !r.Succeeded {
		errText = r.Error
	}
	o.AddTyped("ObjectModified", "System.String", r.ObjectModified)
	o.AddTyped("CmdletName", "System.String", r.CmdletName)
	o.AddTyped("CmdletParameters", "Microsoft.Exchange.Data.MultiValuedProperty", auditParamObjects(r))
	o.AddTyped("ModifiedProperties", "Microsoft.Exchange.Data.MultiValuedProperty", modifiedObjects(r))
	o.AddTyped("Caller", "System.String", r.Caller)
	o.AddTyped("ExternalAccess", "System.Boolean", r.ExternalAccess)
	o.AddTyped("Succeeded", "System.Boolean", r.Succeeded)
	o.AddTyped("Error", "System.String", errText)
	o.AddTyped("RunDate", "System.DateTime", r.RunDate)
	o.AddTyped("OriginatingServer", "System.String", originatingServer)
	o.AddTyped("Identity", "System.String", r.Identity)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "New")
	return o
}

func dateParam(ctx *command.Context, name string) time.Time { return exo.DateParam(ctx, name) }

// newestFirst returns the records newest first, at most max (-1: all).
func newestFirst(rs []*rbac.AuditRecord, max int) []*rbac.AuditRecord {
	out := make([]*rbac.AuditRecord, 0, len(rs))
	for i := len(rs) - 1; i >= 0; i-- {
		if max >= 0 && len(out) >= max {
			break
		}
		out = append(out, rs[i])
	}
	return out
}

func searchAdminAuditLog() *command.Command {
	c := exo.Declared("Search-AdminAuditLog")
	exo.Describe(c, map[string]string{
		"Cmdlets":        "Only entries for these cmdlets (exact names).",
		"Parameters":     "Only entries that used every one of these parameters; needs -Cmdlets.",
		"ObjectIds":      "Only entries that changed these objects (as the command named them).",
		"UserIds":        "Only entries of these callers (UPN or alias).",
		"StartDate":      "Earliest run date (simulated time).",
		"EndDate":        "Latest run date (simulated time).",
		"IsSuccess":      "$true for successful commands only, $false for failed ones only.",
		"ExternalAccess": "$true for Microsoft datacenter administrators only; no simulated entry is external.",
		"StartIndex":     "Skips this many entries of the newest-first result.",
		"ResultSize":     "Maximum number of entries (default 1000).",
	})
	c.OutputType = TypeAdminAuditLogEvent
	c.Synopsis = "Searches the admin audit log: every state-changing cmdlet run in the tenant, who ran it, with which parameters, and whether it worked."
	c.Description = "Entries are returned newest first. Every Set-, New-, Remove-, Add-, Enable-, Disable-, Undo-, Restore-, Invoke-, Start-, Stop-, Suspend-, Resume-, Reset-, Send-, Switch- and Update- cmdlet " +
		"of Exchange Online, Security & Compliance, Microsoft Graph and the simulator is recorded, including failed runs and runs refused by role-based access control; " +
		"Get- cmdlets are not. Passwords and SecureStrings are masked. RunDate is the simulated time."
	c.Examples = []command.Example{
		{Code: "Search-AdminAuditLog -Cmdlets Set-Mailbox -Parameters LitigationHoldEnabled", Remark: "Shows who changed Litigation Hold, and when."},
		{Code: "Search-AdminAuditLog -UserIds meganb | Sort-Object RunDate | Format-Table RunDate, CmdletName, ObjectModified, Succeeded", Remark: "Replays what Megan did, oldest first."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.Has("Parameters") && !ctx.Has("Cmdlets") {
			return ctx.Fail(exo.Invalid(ctx, "The Parameters parameter can only be used together with the Cmdlets parameter.", nil))
		}
		q := rbac.AuditQuery{Cmdlets: ctx.Strings("Cmdlets"), Parameters: ctx.Strings("Parameters"), ObjectIDs: ctx.Strings("ObjectIds"),
			UserIDs: ctx.Strings("UserIds"), Start: dateParam(ctx, "StartDate"), End: dateParam(ctx, "EndDate")}
		if ctx.Has("IsSuccess") {
			b := ctx.Bool("IsSuccess")
			q.Succeeded = &b
		}
		var rs []*rbac.AuditRecord
		if err := exo.View(ctx, func(tx *store.Tx) error {
			var err error
			rs, err = rbac.AuditRecords(tx, q)
			return err
		}); err != nil {
			return err
		}
		if ctx.Has("ExternalAccess") && ctx.Bool("ExternalAccess") {
			return nil
		}
		max := 1000
		if ctx.Has("ResultSize") {
			max = ctx.Int("ResultSize")
		}
		rs = newestFirst(rs, -1)
		if n := ctx.Int("StartIndex"); n > 0 {
			if n >= len(rs) {
				rs = nil
			} else {
				rs = rs[n:]
			}
		}
		for i, r := range rs {
			if i >= max {
				break
			}
			if err := ctx.WriteObject(adminEventObject(r)); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}
