// Package compliance declares the Security & Compliance PowerShell cmdlets
// of the holds engine (reached after Connect-IPPSSession): retention and
// app retention policies and their rules, adaptive scopes, retention
// labels, eDiscovery cases with their hold policies and rules, and
// Invoke-HoldRemovalAction, with the default views of their objects.
package compliance

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
)

// Type names of the objects this package writes (deserialized, as they
// reach a Security & Compliance PowerShell client).
const (
	TypePolicy        = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsRetentionCompliancePolicy"
	TypeAppPolicy     = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsAppRetentionCompliancePolicy"
	TypeRule          = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsRetentionComplianceRule"
	TypeAppRule       = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsAppRetentionComplianceRule"
	TypeScope         = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.AdaptiveScopePresentationObject"
	TypeTag           = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsComplianceTag"
	TypeCase          = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsComplianceCase"
	TypeCaseHold      = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsCaseHoldPolicy"
	TypeCaseHoldRule  = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.PsCaseHoldRule"
	TypeHold          = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.HoldInfo"
	TypeHoldRemoval   = "Deserialized.Microsoft.Office.CompliancePolicy.Tasks.HoldRemovalRecord"
	baseConfigurable  = "Deserialized.Microsoft.Exchange.Data.ConfigurableObject"
	baseObject        = "Deserialized.System.Object"
	workloadRetention = "Exchange, SharePoint, OneDriveForBusiness, Skype, ModernGroup"
)

// Exception types of the errors this package writes.
const (
	exInvalidOperation = "Microsoft.Exchange.Management.Tasks.InvalidOperationException"
	exAlreadyExists    = "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException"
	exHoldRemoval      = "Microsoft.Office.CompliancePolicy.Tasks.HoldRemovalException"
)

const (
	tStr  = "System.String"
	tBool = "System.Boolean"
	tInt  = "System.Int32"
	tDate = "System.DateTime"
	tGuid = "System.Guid"
	tList = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-RetentionCompliancePolicy", Build: func() *command.Command { return getPolicy(false) }},
	{Name: "New-RetentionCompliancePolicy", Build: func() *command.Command { return newPolicy(false) }},
	{Name: "Set-RetentionCompliancePolicy", Build: func() *command.Command { return setPolicy(false) }},
	{Name: "Remove-RetentionCompliancePolicy", Build: func() *command.Command { return removePolicy(false) }},
	{Name: "Get-AppRetentionCompliancePolicy", Build: func() *command.Command { return getPolicy(true) }},
	{Name: "New-AppRetentionCompliancePolicy", Build: func() *command.Command { return newPolicy(true) }},
	{Name: "Set-AppRetentionCompliancePolicy", Build: func() *command.Command { return setPolicy(true) }},
	{Name: "Remove-AppRetentionCompliancePolicy", Build: func() *command.Command { return removePolicy(true) }},
	{Name: "Get-RetentionComplianceRule", Build: func() *command.Command { return getRule(false) }},
	{Name: "New-RetentionComplianceRule", Build: func() *command.Command { return newRule(false) }},
	{Name: "Set-RetentionComplianceRule", Build: func() *command.Command { return setRule(false) }},
	{Name: "Remove-RetentionComplianceRule", Build: func() *command.Command { return removeRule(false) }},
	{Name: "Get-AppRetentionComplianceRule", Build: func() *command.Command { return getRule(true) }},
	{Name: "New-AppRetentionComplianceRule", Build: func() *command.Command { return newRule(true) }},
	{Name: "Set-AppRetentionComplianceRule", Build: func() *command.Command { return setRule(true) }},
	{Name: "Remove-AppRetentionComplianceRule", Build: func() *command.Command { return removeRule(true) }},
	{Name: "Get-ComplianceCaseMember", Build: getComplianceCaseMember},
	{Name: "Add-ComplianceCaseMember", Build: func() *command.Command { return changeCaseMember(true) }},
	{Name: "Remove-ComplianceCaseMember", Build: func() *command.Command { return changeCaseMember(false) }},
	{Name: "Update-ComplianceCaseMember", Build: updateComplianceCaseMember},
	{Name: "New-ComplianceSearch", Build: newComplianceSearch},
	{Name: "Get-ComplianceSearch", Build: getComplianceSearch},
	{Name: "Set-ComplianceSearch", Build: setComplianceSearch},
	{Name: "Start-ComplianceSearch", Build: startComplianceSearch},
	{Name: "Stop-ComplianceSearch", Build: stopComplianceSearch},
	{Name: "Remove-ComplianceSearch", Build: removeComplianceSearch},
	{Name: "New-ComplianceSearchAction", Build: newComplianceSearchAction},
	{Name: "Get-ComplianceSearchAction", Build: getComplianceSearchAction},
	{Name: "Get-AdaptiveScope", Build: getScope},
	{Name: "New-AdaptiveScope", Build: newScope},
	{Name: "Set-AdaptiveScope", Build: setScope},
	{Name: "Get-ComplianceTag", Build: getTag},
	{Name: "New-ComplianceTag", Build: newTag},
	{Name: "Get-ComplianceCase", Build: getCase},
	{Name: "New-ComplianceCase", Build: newCase},
	{Name: "Set-ComplianceCase", Build: setCase},
	{Name: "Remove-ComplianceCase", Build: removeCase},
	{Name: "Get-CaseHoldPolicy", Build: getCaseHold},
	{Name: "New-CaseHoldPolicy", Build: newCaseHold},
	{Name: "Set-CaseHoldPolicy", Build: setCaseHold},
	{Name: "Remove-CaseHoldPolicy", Build: removeCaseHold},
	{Name: "Get-CaseHoldRule", Build: getCaseHoldRule},
	{Name: "New-CaseHoldRule", Build: newCaseHoldRule},
	{Name: "Invoke-HoldRemovalAction", Build: invokeHoldRemovalAction},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default views of the package's output types.
// Policies and case hold policies print Name, Workload, Enabled and Mode as
// Security & Compliance PowerShell does (MicrosoftDocs/office-docs-powershell
// issue #5742 shows that table).
func Views(r *format.Registry) {
	table := func(name string, types []string, cols ...format.Column) {
		r.Add(&format.View{Name: name, TypeNames: types, Kind: format.TableView, Columns: cols})
	}
	col := func(label string, width int) format.Column {
		return format.Column{Label: label, Property: label, Width: width}
	}
	table("RetentionCompliancePolicy", []string{TypePolicy, TypeAppPolicy, TypeCaseHold},
		col("Name", 23), col("Workload", 61), col("Enabled", 7), col("Mode", 0))
	table("RetentionComplianceRule", []string{TypeRule, TypeAppRule, TypeCaseHoldRule}, col("Name", 30), col("Disabled", 8), col("Priority", 8), col("Mode", 0))
	table("AdaptiveScope", []string{TypeScope}, col("Name", 24), col("LocationType", 12), col("WhenCreatedUTC", 0))
	table("ComplianceTag", []string{TypeTag}, col("Name", 26), col("Priority", 8), col("RetentionAction", 15), col("RetentionDuration", 17), col("Workload", 0))
	table("ComplianceCase", []string{TypeCase}, col("Name", 26), col("Status", 8), col("CreatedDateTime", 0))
	table("HoldInfo", []string{TypeHold}, col("HoldId", 42), col("HoldType", 27), col("PolicyName", 26), col("IsActive", 0))
	table("HoldRemoval", []string{TypeHoldRemoval}, col("Location", 25), col("HoldId", 40), col("RemovedBy", 30), col("RemovedAt", 0))
	table("ComplianceSearch", []string{TypeComplianceSearch}, col("Name", 20), col("RunBy", 30), col("JobEndTime", 22), col("Status", 0))
	table("ComplianceSearchAction", []string{TypeComplianceSearchAction}, col("Name", 24), col("SearchName", 20), col("Action", 8), col("RunBy", 30), col("JobEndTime", 22), col("Status", 0))
}

// shouldProcess asks ShouldProcess for `action "target".`.
func shouldProcess(ctx *command.Context, action, target string) (bool, error) {
	return ctx.ShouldProcessWith(fmt.Sprintf("%s \"%s\".", action, target), target)
}

// changeIdentity asks ShouldProcess for `action "<Identity>".` and runs fn
// on the command's -Identity in one write transaction.
func changeIdentity(ctx *command.Context, action string, fn func(tx *store.Tx, id string) error) error {
	id := identity(ctx, "Identity")
	ok, err := shouldProcess(ctx, action, id)
	if err != nil || !ok {
		return err
	}
	_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) { return nil, fn(tx, id) })
	return err
}

// pick returns the records a Get-* command writes: the one found by id,
// else those of the parent named by parent, else all of them (byParent
// may be nil when the command has no parent parameter).
func pick[T any](id string, find func(string) (*T, error), parent string, byParent func(string) ([]*T, error), all func() ([]*T, error)) ([]*T, error) {
	switch {
	case id != "":
		v, err := find(id)
		if err != nil {
			return nil, err
		}
		return []*T{v}, nil
	case parent != "":
		return byParent(parent)
	}
	return all()
}

// --- argument helpers --------------------------------------------------------

// strs flattens an argument (array, MultiValuedProperty, piped objects or a
// single value) into trimmed non-empty strings.
func strs(v any) []string {
	v = object.Unwrap(v)
	if v == nil {
		return nil
	}
	items, ok := object.Enumerate(v)
	if !ok {
		items = []any{v}
	}
	var out []string
	for _, it := range items {
		it = object.Unwrap(it)
		s := strings.TrimSpace(exo.IdentityOf(it))
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func param(ctx *command.Context, name string) []string {
	if !ctx.Has(name) {
		return nil
	}
	return strs(ctx.Value(name))
}

func optBool(ctx *command.Context, name string) *bool {
	if !ctx.Has(name) {
		return nil
	}
	b := ctx.Bool(name)
	return &b
}

func optString(ctx *command.Context, name string) *string {
	if !ctx.Has(name) {
		return nil
	}
	s := ctx.String(name)
	return &s
}

// identity returns the -Identity argument as a string (piped objects give
// their Guid, else their Identity).
func identity(ctx *command.Context, name string) string {
	v := object.Unwrap(ctx.Value(name))
	if o, ok := v.(*object.PSObject); ok {
		if g := o.Value("Guid"); g != nil {
			if s := object.ToInvariantString(g); s != "" {
				return s
			}
		}
	}
	return strings.TrimSpace(exo.IdentityOf(v))
}

// duration reads a RetentionDuration argument: a number of days or
// "Unlimited".
func duration(ctx *command.Context, name string) (days int, unlimited bool, rec *object.ErrorRecord) {
	raw := strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value(name))))
	if strings.EqualFold(raw, "unlimited") {
		return 0, true, nil
	}
	n := 0
	if _, err := fmt.Sscanf(raw, "%d", &n); err != nil || n <= 0 || fmt.Sprint(n) != raw {
		return 0, false, exo.Invalid(ctx, fmt.Sprintf("The value \"%s\" of parameter %s isn't valid. Use a number of days or \"Unlimited\".", raw, name), raw)
	}
	return n, false, nil
}

func actor(tx *store.Tx) string {
	if o, err := directory.GetOrganization(tx); err == nil && o.AdminUPN != "" {
		return o.AdminUPN
	}
	return seed.AdminUPN
}

func utc(t time.Time) time.Time { return t.UTC() }

func common(o *object.PSObject, guid string, created, changed time.Time, createdBy, modifiedBy string) {
	o.AddTyped("CreatedBy", tStr, createdBy)
	o.AddTyped("LastModifiedBy", tStr, modifiedBy)
	o.AddTyped("Identity", tStr, guid)
	o.AddTyped("Guid", tGuid, guid)
	o.AddTyped("WhenCreated", tDate, utc(created))
	o.AddTyped("WhenChanged", tDate, utc(changed))
	o.AddTyped("WhenCreatedUTC", tDate, utc(created))
	o.AddTyped("WhenChangedUTC", tDate, utc(changed))
	o.AddTyped("IsValid", tBool, true)
}
