// Package compliance declares the Security & Compliance PowerShell cmdlets
// of the holds engine (reached after Connect-IPPSSession): retention and
// app retention policies and their rules, adaptive scopes, retention
// labels, eDiscovery cases with their hold policies and rules, and
// Invoke-HoldRemovalAction, with the default views of their objects.
package compliance

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/holds"
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
	exTaskArgument     = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
	exAlreadyExists    = "Microsoft.Exchange.Management.Tasks.ManagementObjectAlreadyExistsException"
	exLimit            = "Microsoft.Office.CompliancePolicy.Tasks.PolicyLocationLimitExceededException"
	exLocked           = "Microsoft.Office.CompliancePolicy.Tasks.RestrictiveRetentionPolicyException"
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

// Commands returns the package's cmdlets.
func Commands() []*runtime.Command {
	return []*runtime.Command{
		runtime.Lazy("Get-RetentionCompliancePolicy", func() *runtime.Command { return getPolicy(false) }),
		runtime.Lazy("New-RetentionCompliancePolicy", func() *runtime.Command { return newPolicy(false) }),
		runtime.Lazy("Set-RetentionCompliancePolicy", func() *runtime.Command { return setPolicy(false) }),
		runtime.Lazy("Remove-RetentionCompliancePolicy", func() *runtime.Command { return removePolicy(false) }),
		runtime.Lazy("Get-AppRetentionCompliancePolicy", func() *runtime.Command { return getPolicy(true) }),
		runtime.Lazy("New-AppRetentionCompliancePolicy", func() *runtime.Command { return newPolicy(true) }),
		runtime.Lazy("Set-AppRetentionCompliancePolicy", func() *runtime.Command { return setPolicy(true) }),
		runtime.Lazy("Remove-AppRetentionCompliancePolicy", func() *runtime.Command { return removePolicy(true) }),
		runtime.Lazy("Get-RetentionComplianceRule", func() *runtime.Command { return getRule(false) }),
		runtime.Lazy("New-RetentionComplianceRule", func() *runtime.Command { return newRule(false) }),
		runtime.Lazy("Set-RetentionComplianceRule", func() *runtime.Command { return setRule(false) }),
		runtime.Lazy("Remove-RetentionComplianceRule", func() *runtime.Command { return removeRule(false) }),
		runtime.Lazy("Get-AppRetentionComplianceRule", func() *runtime.Command { return getRule(true) }),
		runtime.Lazy("New-AppRetentionComplianceRule", func() *runtime.Command { return newRule(true) }),
		runtime.Lazy("Set-AppRetentionComplianceRule", func() *runtime.Command { return setRule(true) }),
		runtime.Lazy("Remove-AppRetentionComplianceRule", func() *runtime.Command { return removeRule(true) }),
		runtime.Lazy("Get-ComplianceCaseMember", getComplianceCaseMember),
		runtime.Lazy("Add-ComplianceCaseMember", func() *runtime.Command { return changeCaseMember(true) }),
		runtime.Lazy("Remove-ComplianceCaseMember", func() *runtime.Command { return changeCaseMember(false) }),
		runtime.Lazy("Update-ComplianceCaseMember", updateComplianceCaseMember),
		runtime.Lazy("New-ComplianceSearch", newComplianceSearch),
		runtime.Lazy("Get-ComplianceSearch", getComplianceSearch),
		runtime.Lazy("Set-ComplianceSearch", setComplianceSearch),
		runtime.Lazy("Start-ComplianceSearch", startComplianceSearch),
		runtime.Lazy("Stop-ComplianceSearch", stopComplianceSearch),
		runtime.Lazy("Remove-ComplianceSearch", removeComplianceSearch),
		runtime.Lazy("New-ComplianceSearchAction", newComplianceSearchAction),
		runtime.Lazy("Get-ComplianceSearchAction", getComplianceSearchAction),
		runtime.Lazy("Get-AdaptiveScope", getScope),
		runtime.Lazy("New-AdaptiveScope", newScope),
		runtime.Lazy("Set-AdaptiveScope", setScope),
		runtime.Lazy("Get-ComplianceTag", getTag),
		runtime.Lazy("New-ComplianceTag", newTag),
		runtime.Lazy("Get-ComplianceCase", getCase),
		runtime.Lazy("New-ComplianceCase", newCase),
		runtime.Lazy("Set-ComplianceCase", setCase),
		runtime.Lazy("Remove-ComplianceCase", removeCase),
		runtime.Lazy("Get-CaseHoldPolicy", getCaseHold),
		runtime.Lazy("New-CaseHoldPolicy", newCaseHold),
		runtime.Lazy("Set-CaseHoldPolicy", setCaseHold),
		runtime.Lazy("Remove-CaseHoldPolicy", removeCaseHold),
		runtime.Lazy("Get-CaseHoldRule", getCaseHoldRule),
		runtime.Lazy("New-CaseHoldRule", newCaseHoldRule),
		runtime.Lazy("Invoke-HoldRemovalAction", invokeHoldRemovalAction),
	}
}

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

// errAbort rolls an Update back after a refusal was recorded.
var errAbort = errors.New("compliance: refused")

// update runs fn in one write transaction; a refusal (rec) rolls it back
// and is written as a non-terminating error, as Exchange writes them.
func update(ctx *runtime.Context, fn func(tx *store.Tx) (*object.ErrorRecord, error)) error {
	return inTx(ctx, exo.Update, errAbort, fn)
}

// view is update for reads.
func view(ctx *runtime.Context, fn func(tx *store.Tx) (*object.ErrorRecord, error)) error {
	return inTx(ctx, exo.View, nil, fn)
}

// inTx runs fn in a transaction of run; a refusal ends it with abort and
// is written as a non-terminating error.
func inTx(ctx *runtime.Context, run func(*runtime.Context, func(*store.Tx) error) error, abort error, fn func(tx *store.Tx) (*object.ErrorRecord, error)) error {
	var rec *object.ErrorRecord
	err := run(ctx, func(tx *store.Tx) error {
		r, err := fn(tx)
		if err != nil {
			if r := storeError(ctx, err); r != nil {
				rec = r
				return abort
			}
			return err
		}
		if r != nil {
			rec = r
			return abort
		}
		return nil
	})
	if rec != nil {
		return ctx.WriteError(rec)
	}
	return err
}

// writeViewed writes the objects fn builds in one read transaction (those
// built before a refusal too).
func writeViewed(ctx *runtime.Context, fn func(tx *store.Tx) ([]*object.PSObject, error)) error {
	var out []*object.PSObject
	err := view(ctx, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := fn(tx)
		out = o
		return nil, err
	})
	if err != nil {
		return err
	}
	return writeAll(ctx, out)
}

// writeCreated writes the object fn creates in one write transaction.
func writeCreated(ctx *runtime.Context, fn func(tx *store.Tx) (*object.PSObject, error)) error {
	var out *object.PSObject
	err := update(ctx, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := fn(tx)
		out = o
		return nil, err
	})
	if err != nil || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// shouldProcess asks ShouldProcess for `action "target".`.
func shouldProcess(ctx *runtime.Context, action, target string) (bool, error) {
	return ctx.ShouldProcessWith(fmt.Sprintf("%s \"%s\".", action, target), target)
}

// changeIdentity asks ShouldProcess for `action "<Identity>".` and runs fn
// on the command's -Identity in one write transaction.
func changeIdentity(ctx *runtime.Context, action string, fn func(tx *store.Tx, id string) error) error {
	id := identity(ctx, "Identity")
	ok, err := shouldProcess(ctx, action, id)
	if err != nil || !ok {
		return err
	}
	return update(ctx, func(tx *store.Tx) (*object.ErrorRecord, error) { return nil, fn(tx, id) })
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

// storeError words the holds engine's typed errors in the service's style
// (nil for errors that are not refusals).
func storeError(ctx *runtime.Context, err error) *object.ErrorRecord {
	var (
		nf  *store.NotFoundError
		amb *store.AmbiguousError
		lk  *holds.PolicyLockedError
		ll  *holds.LocationLimitError
		ln  *holds.LocationNotInPolicyError
		en  *holds.ExceptionNeedsAllError
		nu  *holds.NameInUseError
		iu  *holds.ObjectInUseError
		hd  *holds.HoldOnDeletedMailboxError
		ve  *store.ValidationError
		hu  *holds.HoldInUseError
		hn  *holds.HoldNotOnMailboxError
		lh  *holds.LabelHoldError
	)
	switch {
	case errors.As(err, &lk):
		return exo.Error(ctx, exLocked, lockedMessage(lk), object.InvalidOperation, lk.PolicyName)
	case errors.As(err, &ll):
		return exo.Error(ctx, exLimit, fmt.Sprintf("The policy '%s' can't include %d mailboxes. A retention policy or hold that names specific mailboxes (including exclusions) supports at most %d of them; use an adaptive scope or several policies instead.", ll.PolicyName, ll.Count, ll.Limit), object.LimitsExceeded, ll.PolicyName)
	case errors.As(err, &ln):
		msg := fmt.Sprintf("The location '%s' isn't included in the policy '%s'.", ln.Location, ln.PolicyName)
		if ln.RememberedAs != "" {
			msg = fmt.Sprintf("The location '%s' isn't included in the policy '%s'. The policy includes this mailbox as '%s'; remove it with that value.", ln.Location, ln.PolicyName, ln.RememberedAs)
		}
		return exo.Error(ctx, exTaskArgument, msg, object.InvalidArgument, ln.Location)
	case errors.As(err, &en):
		return exo.Error(ctx, exTaskArgument, fmt.Sprintf("Exceptions can only be added to a policy that applies to all Exchange mailboxes (ExchangeLocation All). The policy '%s' includes specific mailboxes; use RemoveExchangeLocation instead.", en.PolicyName), object.InvalidArgument, en.PolicyName)
	case errors.As(err, &nu):
		return exo.Error(ctx, exAlreadyExists, fmt.Sprintf("A %s with the name \"%s\" already exists.", nu.Kind, nu.Name), object.ResourceExists, nu.Name)
	case errors.As(err, &iu):
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The %s '%s' is in use by '%s'.", iu.Kind, iu.Name, iu.UsedBy), object.InvalidOperation, iu.Name)
	case errors.As(err, &hd):
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The mailbox '%s' is a deleted or inactive mailbox. Holds can't be added to it.", hd.Identity), object.InvalidOperation, hd.Identity)
	case errors.As(err, &hu):
		what := "hold"
		if hu.CaseName != "" {
			what = fmt.Sprintf("active case hold policy '%s' of the case '%s'", hu.PolicyName, hu.CaseName)
		} else if hu.PolicyName != "" {
			what = fmt.Sprintf("active %s '%s'", holdTypeWords(hu.HoldType), hu.PolicyName)
		}
		return exo.Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' belongs to the %s. To remove it from the location anyway, use the Force switch.", hu.HoldID, what), object.InvalidOperation, hu.HoldID)
	case errors.As(err, &hn):
		return exo.Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' isn't applied to the location '%s'.", hn.HoldID, hn.Identity), object.InvalidArgument, hn.HoldID)
	case errors.As(err, &lh):
		return exo.Error(ctx, exHoldRemoval, fmt.Sprintf("The hold '%s' can't be removed from '%s' because items in the mailbox have retention labels (%s) that retain them.", lh.HoldID, lh.Identity, strings.Join(lh.Labels, ", ")), object.InvalidOperation, lh.HoldID)
	case errors.As(err, &ve):
		return exo.Invalid(ctx, ve.Message, ve.Field)
	case errors.As(err, &amb):
		return exo.Ambiguous(ctx, amb.Identity)
	case errors.As(err, &nf):
		return exo.NotFound(ctx, nf.Key)
	}
	return nil
}

func holdTypeWords(t string) string {
	switch t {
	case holds.HoldTypeInPlace:
		return "In-Place Hold"
	case holds.HoldTypeCaseHold:
		return "case hold policy"
	}
	return "retention policy"
}

func lockedMessage(e *holds.PolicyLockedError) string {
	what := map[string]string{
		holds.LockedRemoveLocation:  "locations can't be removed from it",
		holds.LockedAddException:    "exceptions can't be added to it",
		holds.LockedExclude:         "mailboxes can't be excluded from it",
		holds.LockedDisable:         "it can't be turned off",
		holds.LockedDelete:          "it can't be deleted",
		holds.LockedUnlock:          "the lock can't be removed",
		holds.LockedRemoveHold:      "its hold can't be removed",
		holds.LockedShortenDuration: "its retention period can only be extended",
		holds.LockedChangeAction:    "its retention action can't be changed",
		holds.LockedRemoveRule:      "its retention rule can't be removed",
	}[e.Op]
	if e.Op == holds.LockedAdaptive {
		return fmt.Sprintf("Preservation Lock (RestrictiveRetention) isn't supported for the adaptive policy '%s'.", e.PolicyName)
	}
	if what == "" {
		what = "the change isn't allowed"
	}
	return fmt.Sprintf("The policy '%s' has Preservation Lock (RestrictiveRetention), so %s.", e.PolicyName, what)
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

func param(ctx *runtime.Context, name string) []string {
	if !ctx.Has(name) {
		return nil
	}
	return strs(ctx.Value(name))
}

func optBool(ctx *runtime.Context, name string) *bool {
	if !ctx.Has(name) {
		return nil
	}
	b := ctx.Bool(name)
	return &b
}

func optString(ctx *runtime.Context, name string) *string {
	if !ctx.Has(name) {
		return nil
	}
	s := ctx.String(name)
	return &s
}

// identity returns the -Identity argument as a string (piped objects give
// their Guid, else their Identity).
func identity(ctx *runtime.Context, name string) string {
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
func duration(ctx *runtime.Context, name string) (days int, unlimited bool, rec *object.ErrorRecord) {
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

func list(v []string) []any {
	out := []any{}
	for _, s := range v {
		out = append(out, s)
	}
	return out
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
