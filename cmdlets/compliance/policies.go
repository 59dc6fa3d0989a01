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

func policyNoun(app bool) string {
	if app {
		return "AppRetentionCompliancePolicy"
	}
	return "RetentionCompliancePolicy"
}

func policyKinds(app bool) []string {
	if app {
		return []string{holds.PolicyKindApp}
	}
	return []string{holds.PolicyKindRetention, holds.PolicyKindLabel}
}

func locations(all bool, ls []holds.PolicyLocation) []any {
	if all {
		return []any{holds.LocationAll}
	}
	out := []any{}
	for _, l := range ls {
		out = append(out, l.Address)
	}
	return out
}

// PolicyObject builds the object Get-RetentionCompliancePolicy (or
// Get-AppRetentionCompliancePolicy) writes for a policy.
func PolicyObject(tx *store.Tx, p *holds.CompliancePolicy, detail bool) *object.PSObject {
	typ := TypePolicy
	if p.Kind == holds.PolicyKindApp {
		typ = TypeAppPolicy
	}
	o := object.NewObject(typ, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, p.Name)
	o.AddTyped("Workload", tStr, workloadRetention)
	o.AddTyped("Enabled", tBool, p.Enabled)
	o.AddTyped("Mode", tStr, p.Mode)
	o.AddTyped("Comment", tStr, p.Comment)
	o.AddTyped("Type", tStr, map[string]string{holds.PolicyKindLabel: "ApplyTagPolicy", holds.PolicyKindApp: "AppRetentionCompliancePolicy"}[p.Kind])
	if o.Value("Type") == "" {
		o.Set("Type", "RetentionCompliancePolicy")
	}
	o.AddTyped("RestrictiveRetention", tBool, p.RestrictiveRetention)
	o.AddTyped("ExchangeLocation", tList, locations(p.ExchangeAll, p.ExchangeLocation))
	o.AddTyped("ExchangeLocationException", tList, locations(false, p.ExchangeLocationException))
	var scopes []string
	for _, g := range p.AdaptiveScopeLocation {
		if s, err := holds.FindAdaptiveScope(tx, g); err == nil {
			scopes = append(scopes, s.Name)
		}
	}
	o.AddTyped("AdaptiveScopeLocation", tList, dotnet.Strings(scopes))
	o.AddTyped("IsAdaptivePolicy", tBool, p.IsAdaptive())
	o.AddTyped("Applications", tList, dotnet.Strings(p.Applications))
	o.AddTyped("SharePointLocation", tList, dotnet.Strings(p.SharePointLocation))
	o.AddTyped("OneDriveLocation", tList, dotnet.Strings(p.OneDriveLocation))
	o.AddTyped("ModernGroupLocation", tList, dotnet.Strings(p.ModernGroupLocation))
	o.AddTyped("SkypeLocation", tList, dotnet.Strings(p.SkypeLocation))
	o.AddTyped("TeamsChatLocation", tList, dotnet.Strings(p.TeamsChatLocation))
	o.AddTyped("TeamsChannelLocation", tList, dotnet.Strings(p.TeamsChannelLoc))
	o.AddTyped("PublicFolderLocation", tList, dotnet.Strings(p.PublicFolderLoc))
	// The simulator distributes synchronously (D-1): always Success.
	o.AddTyped("DistributionStatus", tStr, "Success")
	results := []any{}
	if detail {
		results = append(results, "Exchange: Success")
	}
	o.AddTyped("DistributionResults", tList, results)
	o.AddTyped("HoldId", tStr, "mbx"+p.Hex())
	common(o, p.Guid, p.WhenCreated, p.WhenChanged, p.CreatedBy, p.LastModifiedBy)
	return o
}

func getPolicy(app bool) *command.Command {
	c := exo.Declared("Get-" + policyNoun(app))
	c.Synopsis = "Shows retention policies and their locations."
	if app {
		c.Synopsis = "Shows app retention policies (Teams private channels, Viva Engage and other apps) and their locations."
	}
	c.Description = "-Identity takes the name or the GUID, with or without dashes, so the ID in a mailbox's InPlaceHolds (without its mbx/skp/grp prefix and :n suffix) finds the policy. DistributionStatus is always Success: the simulator applies policies at once, so -ErrorPolicyOnly lists nothing. " +
		"-TeamsPolicyOnly and -ExcludeTeamsPolicy keep or leave out the policies with Teams locations. -RetentionRuleTypes, -IncludeTestModeResults and -PriorityCleanup are not simulated."
	c.OutputType = TypePolicy
	c.Examples = []command.Example{
		{Code: "Get-" + policyNoun(app), Remark: "Lists the policies."},
		{Code: "Get-" + policyNoun(app) + " | Format-List Name,Guid,ExchangeLocation,ExchangeLocationException,RestrictiveRetention", Remark: "Shows each policy's GUID (the ID stamped on held mailboxes), its locations and whether it has Preservation Lock."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			ps, err := pick(id, func(id string) (*holds.CompliancePolicy, error) {
				return holds.FindCompliancePolicy(tx, id, policyKinds(app)...)
			},
				"", nil, func() ([]*holds.CompliancePolicy, error) { return holds.CompliancePolicies(tx, policyKinds(app)...) })
			if err != nil {
				return nil, err
			}
			for _, p := range ps {
				teams := len(p.TeamsChatLocation) > 0 || len(p.TeamsChannelLoc) > 0
				switch {
				case ctx.Switch("ErrorPolicyOnly"):
					continue // distribution never fails in the simulator
				case ctx.Switch("TeamsPolicyOnly") && !teams, ctx.Switch("ExcludeTeamsPolicy") && teams:
					continue
				}
				out = append(out, PolicyObject(tx, p, ctx.Switch("DistributionDetail")))
			}
			return out, nil
		})
	}
	modelled := []string{"Identity", "DistributionDetail", "ErrorPolicyOnly"}
	if !app {
		modelled = append(modelled, "TeamsPolicyOnly", "ExcludeTeamsPolicy")
	}
	return exo.Partial(c, modelled...)
}

func newPolicy(app bool) *command.Command {
	c := exo.Declared("New-" + policyNoun(app))
	c.Synopsis = "Creates a retention policy; New-RetentionComplianceRule then gives it its retention settings."
	if app {
		c.Synopsis = "Creates an app retention policy; New-RetentionComplianceRule then gives it its retention settings."
	}
	c.Description = "-ExchangeLocation All makes an organization-wide policy (it appears in Get-OrganizationConfig's InPlaceHolds); specific mailboxes (at most 1,000, active ones only) are stamped with mbx<guid>:<n> once a rule exists. -RestrictiveRetention $true applies Preservation Lock, which can't be undone."
	c.OutputType = TypePolicy
	c.Examples = []command.Example{
		{Code: `New-RetentionCompliancePolicy -Name "Finance 10y" -ExchangeLocation annb@contoso.com,marion@contoso.com`, Remark: "Creates a policy for two mailboxes."},
	}
	if app {
		c.Examples = []command.Example{
			{Code: `New-AppRetentionCompliancePolicy -Name "Teams private channels" -Applications "User:MicrosoftTeams" -ExchangeLocation annb@contoso.com`, Remark: "Creates an app retention policy for one user's Teams private channel messages."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		ok, err := shouldProcess(ctx, "Creating retention policy", name)
		if err != nil || !ok {
			return err
		}
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			in := holds.PolicyInput{Name: name, Comment: ctx.String("Comment"), Enabled: optBool(ctx, "Enabled"),
				ExchangeLocation: param(ctx, "ExchangeLocation"), ExchangeLocationException: param(ctx, "ExchangeLocationException"),
				AdaptiveScopeLocation: param(ctx, "AdaptiveScopeLocation"), SharePointLocation: param(ctx, "SharePointLocation"),
				OneDriveLocation: param(ctx, "OneDriveLocation"), ModernGroupLocation: param(ctx, "ModernGroupLocation"),
				SkypeLocation: param(ctx, "SkypeLocation"), TeamsChatLocation: param(ctx, "TeamsChatLocation"),
				TeamsChannelLocation: param(ctx, "TeamsChannelLocation"), PublicFolderLocation: param(ctx, "PublicFolderLocation"),
				Applications: param(ctx, "Applications"), Actor: actor(tx)}
			if ctx.Has("RestrictiveRetention") {
				in.RestrictiveRetention = ctx.Bool("RestrictiveRetention")
			}
			if app {
				in.Kind = holds.PolicyKindApp
			}
			p, err := holds.NewCompliancePolicy(tx, in)
			if err != nil {
				return nil, err
			}
			return PolicyObject(tx, p, false), nil
		})
	}
	return c
}

// deletedResources reads -DeletedResources: a JSON array of objects with an
// EmailAddress (single quotes allowed, as in Microsoft's examples).
func deletedResources(ctx *command.Context) ([]string, *object.ErrorRecord) {
	raw := strings.TrimSpace(ctx.String("DeletedResources"))
	var items []map[string]any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(raw, "'", `"`)), &items); err != nil {
		var one map[string]any
		if err2 := json.Unmarshal([]byte(strings.ReplaceAll(raw, "'", `"`)), &one); err2 != nil {
			return nil, exo.Invalid(ctx, fmt.Sprintf("The value of DeletedResources isn't valid JSON: %s. Use a JSON array such as \"[{'EmailAddress':'user@contoso.com'}]\".", raw), raw)
		}
		items = []map[string]any{one}
	}
	var out []string
	for _, it := range items {
		for k, v := range it {
			if strings.EqualFold(k, "EmailAddress") {
				if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
					out = append(out, strings.TrimSpace(s))
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, exo.Invalid(ctx, "The DeletedResources parameter names no EmailAddress.", raw)
	}
	return out, nil
}

func setPolicy(app bool) *command.Command {
	c := exo.Declared("Set-" + policyNoun(app))
	c.Synopsis = "Changes a retention policy's locations, exceptions, state or Preservation Lock."
	if app {
		c.Synopsis = "Changes an app retention policy's locations and exceptions (including deleted and inactive mailboxes through -DeletedResources)."
	}
	c.Description = "-RemoveExchangeLocation takes a mailbox out of a policy with specific locations (by the address it was added with); -AddExchangeLocationException only works for policies with ExchangeLocation All. A removed mailbox keeps a 30-day delay hold. -RestrictiveRetention $true (Preservation Lock) can't be undone: afterwards locations can only be added and the policy can't be turned off or deleted."
	c.OutputType = TypePolicy
	c.Examples = []command.Example{
		{Code: `Set-RetentionCompliancePolicy -Identity "Legal Keep" -RemoveExchangeLocation pilarp@contoso.com`, Remark: "Takes a mailbox out of a policy with specific locations."},
	}
	if app {
		c.Examples = []command.Example{
			{Code: `Set-AppRetentionCompliancePolicy -Identity "Teams Private Channels 3y" -AddExchangeLocationException walterh@contoso.com`, Remark: "Excludes a mailbox from an app retention policy."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		ch := holds.PolicyChange{Enabled: optBool(ctx, "Enabled"), Comment: optString(ctx, "Comment"), RestrictiveRetention: optBool(ctx, "RestrictiveRetention"),
			AddExchangeLocation: param(ctx, "AddExchangeLocation"), RemoveExchangeLocation: param(ctx, "RemoveExchangeLocation"),
			AddExchangeLocationException: param(ctx, "AddExchangeLocationException"), RemoveExchangeLocationException: param(ctx, "RemoveExchangeLocationException"),
			AddAdaptiveScopeLocation: param(ctx, "AddAdaptiveScopeLocation"), RemoveAdaptiveScopeLocation: param(ctx, "RemoveAdaptiveScopeLocation")}
		if ctx.Has("Applications") {
			a := param(ctx, "Applications")
			ch.Applications = &a
		}
		if ctx.Has("DeletedResources") {
			emails, rec := deletedResources(ctx)
			if rec != nil {
				return ctx.WriteError(rec)
			}
			ch.DeletedResources = emails
		}
		name, err := policyName(ctx, id, app)
		if err != nil || name == "" {
			return err
		}
		desc := fmt.Sprintf("Modifying retention policy \"%s\".", name)
		impact := command.ImpactMedium
		if ch.RestrictiveRetention != nil && *ch.RestrictiveRetention {
			desc = fmt.Sprintf("Turning on Preservation Lock (RestrictiveRetention) for the retention policy \"%s\". Once locked, nobody can turn the policy off, delete it, remove locations from it or shorten its retention period. This can't be undone.", name)
			// The lock is irreversible: it asks for confirmation by default.
			impact = command.ImpactHigh
		}
		ok, err := ctx.ShouldProcessImpact(desc, name, impact)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			ch.Actor = actor(tx)
			_, err := holds.SetCompliancePolicy(tx, id, policyKinds(app), ch)
			return nil, err
		})
		return err
	}
	return c
}

// policyName returns the name of the policy id names (among the policies
// or the app policies); "" when a refusal was written.
func policyName(ctx *command.Context, id string, app bool) (string, error) {
	var name string
	_, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		p, err := holds.FindCompliancePolicy(tx, id, policyKinds(app)...)
		if err == nil {
			name = p.Name
		}
		return nil, err
	})
	return name, err
}

func removePolicy(app bool) *command.Command {
	c := exo.Declared("Remove-" + policyNoun(app))
	c.Synopsis = "Deletes a retention policy and its rules."
	if app {
		c.Synopsis = "Deletes an app retention policy and its rules."
	}
	c.Description = "Its stamps leave the mailboxes (each held mailbox keeps a 30-day delay hold). A policy with Preservation Lock can't be deleted."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: `New-RetentionCompliancePolicy -Name "Temp" -ExchangeLocation carolo@contoso.com | Out-Null; Remove-RetentionCompliancePolicy -Identity "Temp" -Confirm:$false`, Remark: "Creates and deletes a policy."},
	}
	if app {
		c.Examples = []command.Example{
			{Code: `New-AppRetentionCompliancePolicy -Name "Temp" -Applications "User:MicrosoftTeams" -ExchangeLocation carolo@contoso.com | Out-Null; Remove-AppRetentionCompliancePolicy -Identity "Temp" -Confirm:$false`, Remark: "Creates and deletes an app policy."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		name, err := policyName(ctx, id, app)
		if err != nil || name == "" {
			return err
		}
		ok, err := shouldProcess(ctx, "Removing retention policy", name)
		if err != nil || !ok {
			return err
		}
		_, err = exo.Write(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
			return nil, holds.RemoveCompliancePolicy(tx, id, policyKinds(app)...)
		})
		return err
	}
	return c
}

// --- rules ----------------------------------------------------------------------

func ruleNoun(app bool) string {
	if app {
		return "AppRetentionComplianceRule"
	}
	return "RetentionComplianceRule"
}

// RuleObject builds the object Get-RetentionComplianceRule (or
// Get-AppRetentionComplianceRule) writes.
func RuleObject(r *holds.ComplianceRule, p *holds.CompliancePolicy) *object.PSObject {
	typ, policyName := TypeRule, ""
	if p != nil {
		policyName = p.Name
		if p.Kind == holds.PolicyKindApp {
			typ = TypeAppRule
		}
	}
	o := object.NewObject(typ, baseConfigurable, baseObject)
	o.AddTyped("Name", tStr, r.Name)
	o.AddTyped("Disabled", tBool, r.Disabled)
	o.AddTyped("Priority", tInt, 0)
	o.AddTyped("Mode", tStr, r.Mode)
	o.AddTyped("Policy", tGuid, r.Policy)
	o.AddTyped("PolicyName", tStr, policyName)
	o.AddTyped("RetentionDuration", tStr, r.DurationString())
	o.AddTyped("RetentionComplianceAction", tStr, r.RetentionComplianceAction)
	o.AddTyped("RetentionDurationDisplayHint", tStr, "Days")
	o.AddTyped("ExpirationDateOption", tStr, r.ExpirationDateOption)
	o.AddTyped("ContentMatchQuery", tStr, r.ContentMatchQuery)
	o.AddTyped("PublishComplianceTag", tStr, r.PublishComplianceTag)
	o.AddTyped("ApplyComplianceTag", tStr, r.ApplyComplianceTag)
	o.AddTyped("Comment", tStr, r.Comment)
	o.AddTyped("Workload", tStr, workloadRetention)
	common(o, r.Guid, r.WhenCreated, r.WhenChanged, r.CreatedBy, r.LastModifiedBy)
	return o
}

// ruleObject builds a rule's object with its policy looked up.
func ruleObject(tx *store.Tx, r *holds.ComplianceRule) *object.PSObject {
	p, err := holds.GetCompliancePolicy(tx, r.Policy)
	if err != nil {
		p = nil
	}
	return RuleObject(r, p)
}

func getRule(app bool) *command.Command {
	c := exo.Declared("Get-" + ruleNoun(app))
	c.Synopsis = "Shows the retention rules: the duration and action (Keep, Delete, KeepAndDelete) of each retention policy."
	if app {
		c.Synopsis = "Shows the rules of the app retention policies: their duration and action."
	}
	c.Description = "The action decides the suffix of the policy's hold ID: :1 Delete, :2 Keep, :3 KeepAndDelete; a rule without an action makes the policy a hold (UniH<guid>). -Policy lists the rules of one policy."
	c.OutputType = TypeRule
	c.Examples = []command.Example{
		{Code: "Get-" + ruleNoun(app) + ` -Policy "Legal Keep" | Format-List Name,RetentionDuration,RetentionComplianceAction`, Remark: "Shows a policy's retention settings."},
	}
	if app {
		c.Examples = []command.Example{
			{Code: `Get-AppRetentionComplianceRule -Policy "Teams Private Channels 3y" | Format-List Name,RetentionDuration,RetentionComplianceAction`, Remark: "Shows an app policy's retention settings."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		id := identity(ctx, "Identity")
		pol := identity(ctx, "Policy")
		kinds := policyKinds(app)
		return exo.ReadObjects(ctx, "", func(tx *store.Tx) (out []*object.PSObject, _ error) {
			rs, err := pick(id, func(id string) (*holds.ComplianceRule, error) { return holds.FindComplianceRule(tx, id, kinds...) },
				pol, func(pol string) ([]*holds.ComplianceRule, error) {
					p, err := holds.FindCompliancePolicy(tx, pol, kinds...)
					if err != nil {
						return nil, err
					}
					return holds.PolicyRules(tx, p.Guid)
				}, func() ([]*holds.ComplianceRule, error) { return holds.ComplianceRules(tx, kinds...) })
			if err != nil {
				return nil, err
			}
			for _, r := range rs {
				out = append(out, ruleObject(tx, r))
			}
			return out, nil
		})
	}
	return c
}

func newRule(app bool) *command.Command {
	c := exo.Declared("New-" + ruleNoun(app))
	c.Synopsis = "Gives a retention policy its retention settings (or makes it publish retention labels)."
	if app {
		c.Synopsis = "Gives an app retention policy its retention settings."
	}
	c.Description = "-RetentionComplianceAction Keep, Delete or KeepAndDelete with -RetentionDuration (days, or Unlimited with Keep). Without -RetentionComplianceAction the policy becomes a hold: it keeps content (for -RetentionDuration, or indefinitely) and stamps UniH<policy guid> instead of mbx<guid>:<n>. With -PublishComplianceTag the policy becomes a label policy. Mailboxes in the policy are stamped at once."
	c.OutputType = TypeRule
	c.Examples = []command.Example{
		{Code: `New-RetentionCompliancePolicy -Name "Finance 10y" -ExchangeLocation annb@contoso.com | Out-Null; New-RetentionComplianceRule -Name "Finance 10y rule" -Policy "Finance 10y" -RetentionDuration 3650 -RetentionComplianceAction KeepAndDelete`, Remark: "Keeps annb's mail for ten years, then deletes it."},
	}
	if app {
		c.Description = "-RetentionComplianceAction Keep, Delete or KeepAndDelete with -RetentionDuration (days, or Unlimited with Keep); without an action the policy holds content. The policy's mailboxes are stamped at once."
		c.Examples = []command.Example{
			{Code: `New-AppRetentionCompliancePolicy -Name "Teams 1y" -Applications "User:MicrosoftTeams" -ExchangeLocation annb@contoso.com | Out-Null; New-AppRetentionComplianceRule -Name "Teams 1y rule" -Policy "Teams 1y" -RetentionDuration 365 -RetentionComplianceAction KeepAndDelete`, Remark: "Keeps annb's Teams private channel messages for a year, then deletes them."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		name := ctx.String("Name")
		in := holds.RuleInput{Name: name, Policy: identity(ctx, "Policy"), PolicyKinds: policyKinds(app), Action: ctx.String("RetentionComplianceAction"),
			ExpirationDateOption: ctx.String("ExpirationDateOption"), ContentMatchQuery: ctx.String("ContentMatchQuery"),
			PublishComplianceTag: ctx.String("PublishComplianceTag"), ApplyComplianceTag: ctx.String("ApplyComplianceTag"), Comment: ctx.String("Comment")}
		if ctx.Has("RetentionDuration") {
			d, unl, rec := duration(ctx, "RetentionDuration")
			if rec != nil {
				return ctx.WriteError(rec)
			}
			in.RetentionDays, in.RetentionUnlimited = d, unl
		}
		ok, err := shouldProcess(ctx, "Creating retention rule", name)
		if err != nil || !ok {
			return err
		}
		return exo.CreateObject(ctx, "", func(tx *store.Tx) (*object.PSObject, error) {
			in.Actor = actor(tx)
			r, err := holds.NewComplianceRule(tx, in)
			if err != nil {
				return nil, err
			}
			return ruleObject(tx, r), nil
		})
	}
	modelled := []string{"Name", "Policy", "Comment", "ContentMatchQuery", "ExpirationDateOption", "RetentionComplianceAction", "RetentionDuration"}
	if !app {
		modelled = append(modelled, "PublishComplianceTag", "ApplyComplianceTag")
	}
	return exo.Partial(c, modelled...)
}

func setRule(app bool) *command.Command {
	c := exo.Declared("Set-" + ruleNoun(app))
	c.Synopsis = "Changes a retention rule's duration or action."
	c.Description = "On a policy with Preservation Lock the duration can only be extended and the action can't change. This is how the hold duration of an inactive mailbox held by a retention policy is changed."
	c.Examples = []command.Example{
		{Code: `Set-RetentionComplianceRule -Identity "Legal Keep rule" -RetentionDuration Unlimited`, Remark: "Keeps the policy's content forever."},
	}
	if app {
		c.Synopsis = "Changes the duration or action of an app retention policy's rule."
		c.Examples = []command.Example{
			{Code: `Set-AppRetentionComplianceRule -Identity "Teams Private Channels 3y rule" -RetentionDuration 1825`, Remark: "Keeps Teams private channel messages for five years instead of three."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		ch := holds.RuleChange{PolicyKinds: policyKinds(app), Action: optString(ctx, "RetentionComplianceAction"), ExpirationDateOption: optString(ctx, "ExpirationDateOption"),
			ContentMatchQuery: optString(ctx, "ContentMatchQuery"), Comment: optString(ctx, "Comment")}
		if ctx.Has("RetentionDuration") {
			d, unl, rec := duration(ctx, "RetentionDuration")
			if rec != nil {
				return ctx.WriteError(rec)
			}
			if unl {
				ch.RetentionUnlimited = &unl
			} else {
				ch.RetentionDays = &d
			}
		}
		return changeIdentity(ctx, "Modifying retention rule", func(tx *store.Tx, id string) error {
			ch.Actor = actor(tx)
			_, err := holds.SetComplianceRule(tx, id, ch)
			return err
		})
	}
	return exo.Partial(c, "Identity", "Comment", "ContentMatchQuery", "ExpirationDateOption", "RetentionComplianceAction", "RetentionDuration")
}

func removeRule(app bool) *command.Command {
	c := exo.Declared("Remove-" + ruleNoun(app))
	c.Synopsis = "Deletes a retention rule: its policy no longer stamps mailboxes."
	c.Description = "The held mailboxes keep a 30-day delay hold. The rule of a policy with Preservation Lock can't be deleted."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: `New-RetentionCompliancePolicy -Name "Temp" -ExchangeLocation carolo@contoso.com | Out-Null; New-RetentionComplianceRule -Name "Temp rule" -Policy "Temp" -RetentionDuration 30 -RetentionComplianceAction Keep | Out-Null; Remove-RetentionComplianceRule -Identity "Temp rule" -Confirm:$false`, Remark: "Creates a policy and its rule, then deletes the rule without asking."},
	}
	if app {
		c.Examples = []command.Example{
			{Code: `Remove-AppRetentionComplianceRule -Identity "Teams Private Channels 3y rule" -Confirm:$false`, Remark: "Deletes the rule of an app policy without asking: the policy no longer stamps mailboxes."},
		}
	}
	c.Handler.Process = func(ctx *command.Context) error {
		return changeIdentity(ctx, "Removing retention rule", func(tx *store.Tx, id string) error {
			return holds.RemoveComplianceRule(tx, id, policyKinds(app)...)
		})
	}
	// -ForceDeletion: the rule goes at once anyway (a Preservation Lock
	// still refuses).
	return exo.Partial(c, "Identity", "ForceDeletion")
}
