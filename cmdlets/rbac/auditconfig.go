package rbac

import (
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TypeAdminAuditLogConfig is the output type of Get-AdminAuditLogConfig.
const TypeAdminAuditLogConfig = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AdminAuditLogConfig"

// adminAuditLogConfigName is the name of the organization's audit log
// settings object.
const adminAuditLogConfigName = "Admin Audit Log Settings"

// The audit log settings the simulator keeps: every cmdlet and parameter
// of the tenant is audited, and the unified audit log is on (the service's
// default for a tenant created today).
func getAdminAuditLogConfig() *command.Command {
	c := exo.Declared("Get-AdminAuditLogConfig")
	c.Synopsis = "Shows the organization's audit log settings; the unified audit log (UnifiedAuditLogIngestionEnabled) is on."
	c.Description = "Every state-changing cmdlet and every parameter is audited (AdminAuditLogCmdlets and AdminAuditLogParameters are *); Search-AdminAuditLog and Search-UnifiedAuditLog read what was recorded."
	c.OutputType = TypeAdminAuditLogConfig
	c.Examples = []command.Example{{Code: "Get-AdminAuditLogConfig | Format-List UnifiedAuditLogIngestionEnabled, AdminAuditLogEnabled", Remark: "Checks that the audit logs are on."}}
	c.Handler.Process = func(ctx *command.Context) error {
		var org *directory.Organization
		if err := exo.View(ctx, func(tx *store.Tx) error {
			var err error
			org, err = directory.GetOrganization(tx)
			return err
		}); err != nil {
			return err
		}
		dn := "CN=" + adminAuditLogConfigName + ",CN=Global Settings,CN=Configuration,CN=" + org.Name + ",CN=ConfigurationUnits,DC=NAMPR06A007,DC=PROD,DC=OUTLOOK,DC=COM"
		o := object.NewObject(TypeAdminAuditLogConfig, "Microsoft.Exchange.Data.Directory.ADConfigurationObject", "System.Object")
		o.AddTyped("AdminAuditLogEnabled", "System.Boolean", true)
		o.AddTyped("LogLevel", "Microsoft.Exchange.Data.Directory.SystemConfiguration.AuditLogLevel", "None")
		o.AddTyped("TestCmdletLoggingEnabled", "System.Boolean", false)
		o.AddTyped("AdminAuditLogCmdlets", "Microsoft.Exchange.Data.MultiValuedProperty", exo.MultiValued([]string{"*"}))
		o.AddTyped("AdminAuditLogParameters", "Microsoft.Exchange.Data.MultiValuedProperty", exo.MultiValued([]string{"*"}))
		o.AddTyped("AdminAuditLogExcludedCmdlets", "Microsoft.Exchange.Data.MultiValuedProperty", exo.MultiValued(nil))
		o.AddTyped("AdminAuditLogAgeLimit", "Microsoft.Exchange.Data.EnhancedTimeSpan", "90.00:00:00")
		o.AddTyped("UnifiedAuditLogIngestionEnabled", "System.Boolean", true)
		o.AddTyped("UnifiedAuditLogFirstOptInDate", "System.DateTime", org.WhenCreated.UTC())
		o.AddTyped("Name", "System.String", adminAuditLogConfigName)
		o.AddTyped("DistinguishedName", "System.String", dn)
		o.AddTyped("Identity", "System.String", adminAuditLogConfigName)
		o.AddTyped("Guid", "System.Guid", store.DerivedGuid("exosim-adminauditlogconfig\x00"+org.Guid))
		o.AddTyped("WhenCreated", "System.DateTime", org.WhenCreated.UTC())
		o.AddTyped("WhenChanged", "System.DateTime", org.WhenCreated.UTC())
		o.AddTyped("IsValid", "System.Boolean", true)
		o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
		return ctx.WriteObject(o)
	}
	return c
}
