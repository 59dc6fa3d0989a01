package compliance

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/holds"
)

// --- adaptive scopes ---------------------------------------------------------------

// ScopeObject builds the object Get-AdaptiveScope writes.
func ScopeObject(s *holds.AdaptiveScope) *object.PSObject {
	o := object.NewObject(TypeScope, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, s.Name)
	o.AddTyped("LocationType", tStr, s.LocationType)
	o.AddTyped("FilterConditions", tStr, s.FilterConditions)
	o.AddTyped("RawQuery", tStr, s.RawQuery)
	o.AddTyped("AdministrativeUnits", tList, []any{})
	o.AddTyped("Comment", tStr, s.Comment)
	common(o, s.Guid, s.WhenCreated, s.WhenChanged, s.CreatedBy, s.LastModifiedBy)
	return o
}

// filterJSON turns -FilterConditions (a hashtable such as
// @{Conditions=@(@{Name='Department';Operator='Equals';Value='Sales'});
// Conjunction='And'}, or JSON text) into JSON.
func filterJSON(v any) (string, error) {
	v = object.Unwrap(v)
	if s, ok := v.(string); ok {
		return s, nil
	}
	b, err := json.Marshal(plain(v))
	return string(b), err
}

func plain(v any) any {
	v = object.Unwrap(v)
	switch x := v.(type) {
	case *object.Hashtable:
		m := map[string]any{}
		for _, e := range x.Entries() {
			m[object.ToInvariantString(e.Key)] = plain(e.Value)
		}
		return m
	case *object.PSObject:
		m := map[string]any{}
		for _, p := range x.Properties() {
			m[p.Name] = plain(p.Get())
		}
		return m
	}
	if items, ok := object.Enumerate(v); ok {
		out := []any{}
		for _, it := range items {
			out = append(out, plain(it))
		}
		return out
	}
	if v == nil {
		return nil
	}
	return object.ToInvariantString(v)
}

func getScope() *command.Command {
	c := exo.Declared("Get-AdaptiveScope")
	c.Synopsis = "Shows the adaptive scopes that adaptive retention policies use."
	c.Description = "A scope with a RawQuery uses the advanced query builder (OPATH); only such a scope can leave out inactive mailboxes with IsInactiveMailbox -eq \"False\"."
	c.OutputType = TypeScope
	c.Examples = []command.Example{{Code: "Get-AdaptiveScope | Format-List Name,LocationType,FilterConditions,RawQuery", Remark: "Shows each scope's query."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			ss, err := pick(id, func(id string) (*holds.AdaptiveScope, error) { return holds.FindAdaptiveScope(tx, id) }, "", nil, func() ([]*holds.AdaptiveScope, error) { return holds.AdaptiveScopes(tx) })
			if err != nil {
				return nil, err
			}
			for _, s := range ss {
				out = append(out, ScopeObject(s))
			}
			return out, nil
		})
	}
	return c
}

func newScope() *command.Command {
	c := exo.Declared("New-AdaptiveScope")
	c.Synopsis = "Creates an adaptive scope (a query that selects users for adaptive retention policies)."
	c.Description = "-FilterConditions is the simple query builder (a hashtable of conditions; IsInactiveMailbox isn't available there); -RawQuery an advanced OPATH query such as \"Department -eq 'Sales' -and IsInactiveMailbox -eq 'False'\"."
	c.OutputType = TypeScope
	c.Examples = []command.Example{{Code: `New-AdaptiveScope -Name "Sales active" -LocationType User -RawQuery "Department -eq 'Sales' -and IsInactiveMailbox -eq 'False'"`, Remark: "Creates a scope of active Sales mailboxes."}}
	c.Handler.Process = func(ctx *command.Context) error {
		in := holds.ScopeInput{Name: ctx.String("Name"), Comment: ctx.String("Comment"), RawQuery: ctx.String("RawQuery"), LocationType: ctx.String("LocationType")}
		if ctx.Has("FilterConditions") {
			f, err := filterJSON(ctx.Value("FilterConditions"))
			if err != nil {
				return ctx.WriteError(exo.Invalid(ctx, "FilterConditions isn't valid: "+err.Error(), nil))
			}
			in.FilterConditions = f
		}
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			in.Actor = actor(tx)
			s, err := holds.NewAdaptiveScope(tx, in)
			if err != nil {
				return nil, err
			}
			return ScopeObject(s), nil
		})
	}
	return c
}

func setScope() *command.Command {
	c := exo.Declared("Set-AdaptiveScope")
	c.Synopsis = "Changes an adaptive scope's query; the policies that use it are re-evaluated at once."
	c.Description = "Mailboxes that leave the scope lose the policy's hold and keep a 30-day delay hold; inactive mailboxes never join a scope. To release inactive mailboxes, give the scope an advanced query with IsInactiveMailbox -eq \"False\"."
	c.Examples = []command.Example{{Code: `Set-AdaptiveScope -Identity "R&D users" -RawQuery "Department -eq 'Research & Development' -and IsInactiveMailbox -eq 'False'"`, Remark: "Leaves inactive mailboxes out of the scope."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		ch := holds.ScopeChange{Comment: optString(ctx, "Comment"), RawQuery: optString(ctx, "RawQuery")}
		if ctx.Has("FilterConditions") {
			f, err := filterJSON(ctx.Value("FilterConditions"))
			if err != nil {
				return ctx.WriteError(exo.Invalid(ctx, "FilterConditions isn't valid: "+err.Error(), nil))
			}
			ch.FilterConditions = &f
		}
		_, err := exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			ch.Actor = actor(tx)
			_, err := holds.SetAdaptiveScope(tx, id, ch)
			return nil, err
		})
		return err
	}
	return c
}

// --- retention labels ------------------------------------------------------------------

// TagObject builds the object Get-ComplianceTag writes.
func TagObject(t *holds.ComplianceTag, priority int) *object.PSObject {
	o := object.NewObject(TypeTag, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, t.Name)
	o.AddTyped("Priority", tInt, priority)
	o.AddTyped("RetentionAction", tStr, t.RetentionAction)
	d := ""
	switch {
	case t.RetentionUnlimited:
		d = "Unlimited"
	case t.RetentionDuration > 0:
		d = fmt.Sprint(t.RetentionDuration)
	}
	o.AddTyped("RetentionDuration", tStr, d)
	o.AddTyped("Workload", tStr, "Exchange, SharePoint, OneDriveForBusiness, ModernGroup")
	o.AddTyped("RetentionType", tStr, t.RetentionType)
	o.AddTyped("IsRecordLabel", tBool, t.IsRecordLabel)
	o.AddTyped("Regulatory", tBool, t.Regulatory)
	o.AddTyped("Comment", tStr, t.Comment)
	common(o, t.Guid, t.WhenCreated, t.WhenChanged, t.CreatedBy, t.LastModifiedBy)
	return o
}

func getTag() *command.Command {
	c := exo.Declared("Get-ComplianceTag")
	c.Synopsis = "Shows the retention labels."
	c.Description = "A label with RetentionAction Keep or KeepAndDelete on any item of a mailbox sets its ComplianceTagHoldApplied flag (Set-SimItemLabel puts a label on a folder)."
	c.OutputType = TypeTag
	c.Examples = []command.Example{{Code: "Get-ComplianceTag", Remark: "Lists the retention labels."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			ts, err := holds.ComplianceTags(tx)
			if err != nil {
				return nil, err
			}
			found := false
			for i, t := range ts {
				if id == "" || strings.EqualFold(t.Name, id) || strings.EqualFold(t.Guid, id) {
					out = append(out, TagObject(t, i))
					found = true
				}
			}
			if id != "" && !found {
				return nil, &store.NotFoundError{Kind: "complianceTag", Key: id}
			}
			return out, nil
		})
	}
	return c
}

func newTag() *command.Command {
	c := exo.Declared("New-ComplianceTag")
	c.Synopsis = "Creates a retention label."
	c.Description = "-RetentionAction Keep, Delete or KeepAndDelete with -RetentionDuration in days (or Unlimited). A label policy (New-RetentionCompliancePolicy plus New-RetentionComplianceRule -PublishComplianceTag) publishes it to mailboxes."
	c.OutputType = TypeTag
	c.Examples = []command.Example{{Code: `New-ComplianceTag -Name "HR Content" -RetentionAction Keep -RetentionDuration 1825 -RetentionType ModificationAgeInDays`, Remark: "Creates a label that keeps content for five years."}}
	c.Handler.Process = func(ctx *command.Context) error {
		in := holds.TagInput{Name: ctx.String("Name"), Comment: ctx.String("Comment"), RetentionAction: ctx.String("RetentionAction"),
			RetentionType: ctx.String("RetentionType"), IsRecordLabel: ctx.Bool("IsRecordLabel"), Regulatory: ctx.Bool("Regulatory")}
		if ctx.Has("RetentionDuration") {
			d, unl, rec := duration(ctx, "RetentionDuration")
			if rec != nil {
				return ctx.WriteError(rec)
			}
			in.RetentionDays, in.RetentionUnlimited = d, unl
		}
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			in.Actor = actor(tx)
			t, err := holds.NewComplianceTag(tx, in)
			if err != nil {
				return nil, err
			}
			ts, _ := holds.ComplianceTags(tx)
			return TagObject(t, len(ts)-1), nil
		})
	}
	return c
}

// --- cases -----------------------------------------------------------------------------

// CaseObject builds the object Get-ComplianceCase writes.
func CaseObject(c *holds.ComplianceCase) *object.PSObject {
	o := object.NewObject(TypeCase, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, c.Name)
	o.AddTyped("Status", tStr, c.Status)
	o.AddTyped("CreatedDateTime", tDate, utc(c.WhenCreated))
	var closed any
	if c.ClosedDateTime != nil {
		closed = utc(*c.ClosedDateTime)
	}
	o.AddTyped("ClosedDateTime", tDate, closed)
	o.AddTyped("ClosedBy", tStr, c.ClosedBy)
	o.AddTyped("CaseType", tStr, c.CaseType)
	o.AddTyped("Description", tStr, c.Description)
	o.AddTyped("ExternalId", tStr, c.ExternalID)
	common(o, c.Guid, c.WhenCreated, c.WhenChanged, c.CreatedBy, c.LastModifiedBy)
	return o
}

func getCase() *command.Command {
	c := exo.Declared("Get-ComplianceCase")
	c.Synopsis = "Shows the eDiscovery cases."
	c.OutputType = TypeCase
	c.Examples = []command.Example{{Code: "Get-ComplianceCase", Remark: "Lists the cases and their status."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			cs, err := pick(id, func(id string) (*holds.ComplianceCase, error) { return holds.FindComplianceCase(tx, id) }, "", nil, func() ([]*holds.ComplianceCase, error) { return holds.ComplianceCases(tx) })
			if err != nil {
				return nil, err
			}
			for _, k := range cs {
				if ctx.Has("CaseType") && !strings.EqualFold(k.CaseType, ctx.String("CaseType")) {
					continue
				}
				out = append(out, CaseObject(k))
			}
			return out, nil
		})
	}
	return c
}

func newCase() *command.Command {
	c := exo.Declared("New-ComplianceCase")
	c.Synopsis = "Creates an eDiscovery case."
	c.OutputType = TypeCase
	c.Examples = []command.Example{{Code: `New-ComplianceCase -Name "Fabrikam Litigation"`, Remark: "Creates a case."}}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		ok, err := shouldProcess(ctx, "Creating compliance case", name)
		if err != nil || !ok {
			return err
		}
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			k, err := holds.NewComplianceCase(tx, holds.CaseInput{Name: name, Description: ctx.String("Description"), CaseType: ctx.String("CaseType"),
				ExternalID: ctx.String("ExternalId"), Actor: actor(tx)})
			if err != nil {
				return nil, err
			}
			return CaseObject(k), nil
		})
	}
	return c
}

func setCase() *command.Command {
	c := exo.Declared("Set-ComplianceCase")
	c.Synopsis = "Renames, closes or reopens an eDiscovery case."
	c.Description = "-Close turns the case's holds off: their IDs leave the mailboxes, which keep a 30-day delay hold. -Reopen doesn't turn the holds back on (use Set-CaseHoldPolicy -Enabled $true)."
	c.Examples = []command.Example{{Code: `Set-ComplianceCase -Identity "Contoso v. Fabrikam" -Close`, Remark: "Closes a case and releases its holds."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeIdentity(ctx, "Modifying compliance case", func(tx *store.Tx, id string) error {
			_, err := holds.SetComplianceCase(tx, id, holds.CaseChange{Name: optString(ctx, "Name"), Description: optString(ctx, "Description"),
				ExternalID: optString(ctx, "ExternalId"), Close: ctx.Switch("Close"), Reopen: ctx.Switch("Reopen"), Actor: actor(tx)})
			return err
		})
	}
	return c
}

func removeCase() *command.Command {
	c := exo.Declared("Remove-ComplianceCase")
	c.Synopsis = "Deletes an eDiscovery case with its holds."
	c.Description = "The case's holds are deleted too: their IDs leave the mailboxes, which keep a 30-day delay hold."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{{Code: `New-ComplianceCase -Name "Scratch" | Out-Null; Remove-ComplianceCase -Identity "Scratch" -Confirm:$false`, Remark: "Creates and deletes a case."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeIdentity(ctx, "Removing compliance case", func(tx *store.Tx, id string) error {
			return holds.RemoveComplianceCase(tx, id)
		})
	}
	return c
}

// --- case holds ---------------------------------------------------------------------------

// CaseHoldObject builds the object Get-CaseHoldPolicy writes.
func CaseHoldObject(h *holds.CaseHoldPolicy, caseName string, detail bool) *object.PSObject {
	o := object.NewObject(TypeCaseHold, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, h.Name)
	o.AddTyped("Workload", tStr, "Exchange, SharePoint")
	o.AddTyped("Enabled", tBool, h.Enabled)
	o.AddTyped("Mode", tStr, "Enforce")
	o.AddTyped("CaseId", tGuid, h.Case)
	o.AddTyped("CaseName", tStr, caseName)
	o.AddTyped("Comment", tStr, h.Comment)
	o.AddTyped("ExchangeLocation", tList, locations(false, h.ExchangeLocation))
	o.AddTyped("SharePointLocation", tList, dotnet.Strings(h.SharePointLocation))
	o.AddTyped("PublicFolderLocation", tList, dotnet.Strings(h.PublicFolderLoc))
	o.AddTyped("DistributionStatus", tStr, "Success")
	results := []any{}
	if detail {
		results = append(results, "Exchange: Success")
	}
	o.AddTyped("DistributionResults", tList, results)
	o.AddTyped("HoldId", tStr, h.HoldID())
	common(o, h.Guid, h.WhenCreated, h.WhenChanged, h.CreatedBy, h.LastModifiedBy)
	return o
}

func caseName(tx *store.Tx, guid string) string {
	if k, err := holds.FindComplianceCase(tx, guid); err == nil {
		return k.Name
	}
	return ""
}

func getCaseHold() *command.Command {
	c := exo.Declared("Get-CaseHoldPolicy")
	c.Synopsis = "Shows eDiscovery case holds."
	c.Description = "-Identity takes the name or the GUID; the ID UniH<guid> in a mailbox's InPlaceHolds finds its hold with the GUID after UniH. -Case lists the holds of one case."
	c.OutputType = TypeCaseHold
	c.Examples = []command.Example{{Code: "Get-CaseHoldPolicy 7d895d48-7e23-4a8d-8346-533c3beac15d | Format-List Name,CaseName,Enabled,ExchangeLocation", Remark: "Finds the hold behind UniH7d895d48-7e23-4a8d-8346-533c3beac15d."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		cs := strings.TrimSpace(ctx.String("Case"))
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			hs, err := pick(id, func(id string) (*holds.CaseHoldPolicy, error) { return holds.FindCaseHoldPolicy(tx, id) }, cs, func(cs string) ([]*holds.CaseHoldPolicy, error) {
				k, err := holds.FindComplianceCase(tx, cs)
				if err != nil {
					return nil, err
				}
				return holds.CaseHoldPolicies(tx, k.Guid)
			}, func() ([]*holds.CaseHoldPolicy, error) { return holds.CaseHoldPolicies(tx, "") })
			if err != nil {
				return nil, err
			}
			for _, h := range hs {
				out = append(out, CaseHoldObject(h, caseName(tx, h.Case), ctx.Switch("DistributionDetail")))
			}
			return out, nil
		})
	}
	return c
}

func newCaseHold() *command.Command {
	c := exo.Declared("New-CaseHoldPolicy")
	c.Synopsis = "Creates an eDiscovery hold in a case; New-CaseHoldRule then places it."
	c.Description = "At most 1,000 mailboxes, active ones only. Once the hold has a rule, each mailbox gets UniH<guid> in its InPlaceHolds while the hold is on and the case active."
	c.OutputType = TypeCaseHold
	c.Examples = []command.Example{{Code: `New-CaseHoldPolicy -Name "Fabrikam Sales Hold" -Case "Contoso v. Fabrikam" -ExchangeLocation isaiahl@contoso.com`, Remark: "Creates a hold for one mailbox in a case."}}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		ok, err := shouldProcess(ctx, "Creating case hold policy", name)
		if err != nil || !ok {
			return err
		}
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			h, err := holds.NewCaseHoldPolicy(tx, holds.CaseHoldInput{Name: name, Case: ctx.String("Case"), Comment: ctx.String("Comment"),
				Enabled: optBool(ctx, "Enabled"), ExchangeLocation: param(ctx, "ExchangeLocation"), SharePointLocation: param(ctx, "SharePointLocation"),
				PublicFolderLocation: param(ctx, "PublicFolderLocation"), Actor: actor(tx)})
			if err != nil {
				return nil, err
			}
			return CaseHoldObject(h, caseName(tx, h.Case), false), nil
		})
	}
	return c
}

func setCaseHold() *command.Command {
	c := exo.Declared("Set-CaseHoldPolicy")
	c.Synopsis = "Turns an eDiscovery hold on or off, or adds and removes its mailboxes."
	c.Description = "A mailbox released from the hold (removed, or the hold turned off) loses UniH<guid> and keeps a 30-day delay hold."
	c.Examples = []command.Example{{Code: `Set-CaseHoldPolicy -Identity "Fabrikam Hold" -RemoveExchangeLocation abrahamm@contoso.com`, Remark: "Releases a mailbox from a case hold."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeIdentity(ctx, "Modifying case hold policy", func(tx *store.Tx, id string) error {
			_, err := holds.SetCaseHoldPolicy(tx, id, holds.CaseHoldChange{Enabled: optBool(ctx, "Enabled"), Comment: optString(ctx, "Comment"),
				AddExchangeLocation: param(ctx, "AddExchangeLocation"), RemoveExchangeLocation: param(ctx, "RemoveExchangeLocation"), Actor: actor(tx)})
			return err
		})
	}
	return c
}

func removeCaseHold() *command.Command {
	c := exo.Declared("Remove-CaseHoldPolicy")
	c.Synopsis = "Deletes an eDiscovery hold."
	c.Description = "Its mailboxes lose UniH<guid> and keep a 30-day delay hold."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{{Code: `Remove-CaseHoldPolicy -Identity "Fabrikam Hold" -Confirm:$false`, Remark: "Deletes a case hold."}}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeIdentity(ctx, "Removing case hold policy", func(tx *store.Tx, id string) error {
			return holds.RemoveCaseHoldPolicy(tx, id)
		})
	}
	return c
}

// CaseHoldRuleObject builds the object Get-CaseHoldRule writes.
func CaseHoldRuleObject(r *holds.CaseHoldRule) *object.PSObject {
	o := object.NewObject(TypeCaseHoldRule, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, r.Name)
	o.AddTyped("Disabled", tBool, r.Disabled)
	o.AddTyped("Priority", tInt, 0)
	o.AddTyped("Mode", tStr, "Enforce")
	o.AddTyped("Policy", tGuid, r.Policy)
	o.AddTyped("ContentMatchQuery", tStr, r.ContentMatchQuery)
	o.AddTyped("Comment", tStr, r.Comment)
	common(o, r.Guid, r.WhenCreated, r.WhenChanged, r.CreatedBy, r.LastModifiedBy)
	return o
}

func getCaseHoldRule() *command.Command {
	c := exo.Declared("Get-CaseHoldRule")
	c.Synopsis = "Shows the rules of eDiscovery holds."
	c.OutputType = TypeCaseHoldRule
	c.Examples = []command.Example{{Code: `Get-CaseHoldRule -Policy "Fabrikam Hold"`, Remark: "Shows the rule of a case hold."}}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		pol := identity(ctx, "Policy")
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			rs, err := pick(id, func(id string) (*holds.CaseHoldRule, error) { return holds.FindCaseHoldRule(tx, id) }, pol, func(pol string) ([]*holds.CaseHoldRule, error) {
				h, err := holds.FindCaseHoldPolicy(tx, pol)
				if err != nil {
					return nil, err
				}
				return holds.CaseHoldRules(tx, h.Guid)
			}, func() ([]*holds.CaseHoldRule, error) { return holds.CaseHoldRules(tx, "") })
			if err != nil {
				return nil, err
			}
			for _, r := range rs {
				out = append(out, CaseHoldRuleObject(r))
			}
			return out, nil
		})
	}
	return c
}

func newCaseHoldRule() *command.Command {
	c := exo.Declared("New-CaseHoldRule")
	c.Synopsis = "Places an eDiscovery hold: the rule (optionally query-based) of a case hold policy."
	c.OutputType = TypeCaseHoldRule
	c.Examples = []command.Example{{Code: `New-CaseHoldPolicy -Name "Sales Hold" -Case "Contoso v. Fabrikam" -ExchangeLocation isaiahl@contoso.com | Out-Null; New-CaseHoldRule -Name "Sales Hold rule" -Policy "Sales Hold"`, Remark: "Places isaiahl on hold."}}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			r, err := holds.NewCaseHoldRule(tx, holds.CaseHoldRuleInput{Name: name, Policy: identity(ctx, "Policy"), ContentMatchQuery: ctx.String("ContentMatchQuery"),
				Comment: ctx.String("Comment"), Disabled: ctx.Bool("Disabled"), Actor: actor(tx)})
			if err != nil {
				return nil, err
			}
			return CaseHoldRuleObject(r), nil
		})
	}
	return c
}
