package ome

import (
	"errors"
	"reflect"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/ome"
)

// ruleExample makes the rule the examples change: the tenant has no mail
// flow rules until one is made.
const ruleExample = `$null = New-TransportRule "Hold external mail" -FromScope NotInOrganization -Quarantine $true; `

// ruleChangeCommands declares the cmdlets that change or remove a mail
// flow rule. Set-TransportRule models the settings New-TransportRule
// does; its other conditions and actions fail with ParameterNotSimulated.
// Disable- and Remove-TransportRule ask before they act, as the service's
// do (High impact); Set- and Enable- ask only when -Confirm says so.
func ruleChangeCommands() []*command.Command {
	set := exo.Declared("Set-TransportRule")
	set.Synopsis = "Changes a mail flow (transport) rule: its name, priority, mode, scopes and the encryption, quarantine, subject prefix and disclaimer actions New-TransportRule models."
	set.Description = "A change takes effect on the next simulated message (Send-SimMessage). $null clears a setting; a rule must keep at least one action. " +
		"-Priority moves the rule to that place, 0 to the number of rules less one, and the rules between move by one. The other conditions and actions of the service are not simulated: a call that uses one fails with ParameterNotSimulated and changes nothing."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: ruleExample + `Set-TransportRule "Hold external mail" -Mode Audit`, Remark: "Makes a quarantine rule, then only audits what it would do: mail is delivered again."},
		{Code: `$null = New-TransportRule "Tag external" -FromScope NotInOrganization -PrependSubject "[EXT] " -Comments "Draft" -WarningAction SilentlyContinue; Set-TransportRule "Tag external" -Priority 0 -Comments $null`, Remark: "Makes a rule, then moves it first and clears its comments."},
	}
	help := ruleHelp()
	exo.DescribeDeclared(set, help)
	ruleParamTypes(set)
	set.Handler.Process = setTransportRule

	enable := exo.Declared("Enable-TransportRule")
	enable.Synopsis = "Turns a mail flow rule on; -Mode also sets how it acts (without it the rule keeps its mode)."
	enable.ConfirmImpact = command.ImpactMedium
	enable.Examples = []command.Example{{Code: ruleExample + `Disable-TransportRule "Hold external mail" -Confirm:$false; Enable-TransportRule "Hold external mail"`, Remark: "Turns a rule off, then on again."}}
	exo.DescribeDeclared(enable, help)
	exo.Describe(enable, map[string]string{"Mode": "How the rule acts once it is on: Enforce, Audit or AuditAndNotify; without it the rule keeps its mode."})
	ruleParamTypes(enable)
	enable.Handler.Process = func(ctx *command.Context) error { return switchTransportRule(ctx, true) }

	disable := exo.Declared("Disable-TransportRule")
	disable.Synopsis = "Turns a mail flow rule off without removing it: it no longer acts on mail."
	disable.ConfirmImpact = command.ImpactHigh
	disable.Examples = []command.Example{{Code: ruleExample + `Disable-TransportRule "Hold external mail" -Confirm:$false`, Remark: "Stops a rule without asking."}}
	exo.DescribeDeclared(disable, help)
	disable.Handler.Process = func(ctx *command.Context) error { return switchTransportRule(ctx, false) }

	remove := exo.Declared("Remove-TransportRule")
	remove.Synopsis = "Removes a mail flow rule; the rules after it move up one place."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{{Code: ruleExample + `Remove-TransportRule "Hold external mail" -Confirm:$false`, Remark: "Removes a rule without asking."}}
	exo.DescribeDeclared(remove, help)
	remove.Handler.Process = removeTransportRule

	return []*command.Command{exo.Partial(set, append([]string{"Identity"}, ruleSettings...)...), enable, disable, remove}
}

// findTransportRule finds the rule the call's -Identity names: by name or
// GUID, without regard to case.
func findTransportRule(ctx *command.Context, tx *store.Tx) (*ome.TransportRule, *object.ErrorRecord, error) {
	id := ruleIdentity(ctx)
	all, err := ome.ListTransportRules(tx)
	if err != nil {
		return nil, nil, err
	}
	r, rec := exo.One(ctx, id, rulesNamed(all, id))
	return r, rec, nil
}

// ruleIdentity is the call's -Identity as text (a piped rule gives its
// Identity, its name).
func ruleIdentity(ctx *command.Context) string {
	return strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
}

// rulesNamed are the rules whose name or GUID is id.
func rulesNamed(all []*ome.TransportRule, id string) []*ome.TransportRule {
	var out []*ome.TransportRule
	for _, r := range all {
		if strings.EqualFold(r.Name, id) || strings.EqualFold(r.Guid, id) {
			out = append(out, r)
		}
	}
	return out
}

// changeTransportRule finds the rule, asks "<action> Transport Rule
// "<name>"." and then runs change in one write transaction.
func changeTransportRule(ctx *command.Context, action string, change func(tx *store.Tx, r *ome.TransportRule) (*object.ErrorRecord, error)) (bool, error) {
	shown := ruleIdentity(ctx)
	var r *ome.TransportRule
	return exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		found, rec, err := findTransportRule(ctx, tx)
		r = found
		return rec, err
	}, func() (string, string) {
		return action + " Transport Rule \"" + r.Name + "\".", r.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		rec, err := change(tx, r)
		if err != nil {
			if rec := ruleStoreRecord(ctx, err); rec != nil {
				return rec, nil
			}
		}
		return rec, err
	})
}

// ruleStoreRecord words the refusals of the store's rule changes as the
// service does; nil for any other error.
func ruleStoreRecord(ctx *command.Context, err error) *object.ErrorRecord {
	var inUse *ome.RuleNameInUseError
	switch {
	case errors.As(err, &inUse):
		return ruleNameInUse(ctx, inUse.Name)
	case errors.Is(err, ome.ErrInvalidRulePriority):
		return invalidPriority(ctx)
	}
	return nil
}

// ruleNameInUse is the error for a name another rule has.
func ruleNameInUse(ctx *command.Context, name string) *object.ErrorRecord {
	return exo.Invalid(ctx, "A transport rule with the name '"+name+"' already exists.", name)
}

// invalidPriority is the service's error for a priority past the rules
// there are.
func invalidPriority(ctx *command.Context) *object.ErrorRecord {
	return exo.Error(ctx, "Microsoft.Exchange.MessagingPolicies.Rules.InvalidPriorityException",
		"The specified rule priority is invalid. The rule priority can't exceed the number of rules you currently have.", object.InvalidArgument, nil)
}

// noActionMessage is the service's refusal of a rule left without any
// action.
const noActionMessage = "To be valid, all rules have to include at least one action. Please specify an action."

// hasAction reports whether the rule has one of the actions the tenant
// keeps.
func hasAction(r *ome.TransportRule) bool {
	return r.ApplyRightsProtectionTemplate != "" || r.ApplyOME || r.RemoveOMEv2 || r.Quarantine ||
		r.PrependSubject != "" || r.ApplyHtmlDisclaimerText != ""
}

// textArg reads a text setting: "" for $null, which clears it.
func textArg(ctx *command.Context, name string) string {
	if object.Unwrap(ctx.Value(name)) == nil {
		return ""
	}
	return ctx.String(name)
}

// applyRuleArgs applies the rule settings the call names to r; $null
// clears a text or scope setting and puts the mode and the disclaimer's
// location and fallback back to their defaults. The names of templates
// are checked in ruleProblem.
func applyRuleArgs(ctx *command.Context, r *ome.TransportRule) *object.ErrorRecord {
	if ctx.Has("Name") {
		r.Name = strings.TrimSpace(ctx.String("Name"))
	}
	for _, p := range []struct {
		name, typ string
		values    []string
		field     *string
	}{{"FromScope", typeFromScope, fromScopes, &r.FromScope}, {"SentToScope", typeSentToScope, sentToScopes, &r.SentToScope}} {
		if !ctx.Has(p.name) {
			continue
		}
		*p.field = ""
		if v := textArg(ctx, p.name); v != "" {
			if rec := exo.EnumValue(ctx, p.name, v, p.typ, p.values, p.field); rec != nil {
				return rec
			}
		}
	}
	for _, p := range []struct {
		name  string
		field *bool
	}{{"ApplyOME", &r.ApplyOME}, {"RemoveOMEv2", &r.RemoveOMEv2}, {"Quarantine", &r.Quarantine}} {
		if ctx.Has(p.name) {
			*p.field = ctx.Bool(p.name)
		}
	}
	if ctx.Has("Mode") {
		// $null puts the rule back in its default mode
		if r.Mode = textArg(ctx, "Mode"); r.Mode == "" {
			r.Mode = "Enforce"
		}
	}
	if ctx.Has("ApplyRightsProtectionTemplate") {
		r.ApplyRightsProtectionTemplate = ""
		if v := textArg(ctx, "ApplyRightsProtectionTemplate"); v != "" {
			opt, ok := ome.NormalizeProtectionOption(v)
			if !ok || strings.TrimSpace(v) == "" {
				return exo.NotFound(ctx, v)
			}
			r.ApplyRightsProtectionTemplate = opt
		}
	}
	if ctx.Has("ApplyRightsProtectionCustomizationTemplate") {
		r.ApplyRightsProtectionCustomizationTemplate = strings.TrimSpace(textArg(ctx, "ApplyRightsProtectionCustomizationTemplate"))
	}
	if ctx.Has("Comments") {
		if v := textArg(ctx, "Comments"); v != "" {
			setExtra(r, "Comments", v)
		} else {
			delete(r.Extra, "Comments")
		}
	}
	for _, p := range []struct {
		name  string
		field *string
	}{{"PrependSubject", &r.PrependSubject}, {"ApplyHtmlDisclaimerText", &r.ApplyHtmlDisclaimerText},
		{"ApplyHtmlDisclaimerLocation", &r.ApplyHtmlDisclaimerLocation}, {"ApplyHtmlDisclaimerFallbackAction", &r.ApplyHtmlDisclaimerFallbackAction}} {
		if ctx.Has(p.name) {
			*p.field = textArg(ctx, p.name)
		}
	}
	disclaimerDefaults(r)
	return nil
}

// disclaimerDefaults gives a disclaimer the documented defaults of its
// location (Append) and fallback (Wrap); a rule without a disclaimer has
// neither.
func disclaimerDefaults(r *ome.TransportRule) {
	if r.ApplyHtmlDisclaimerText == "" {
		r.ApplyHtmlDisclaimerLocation, r.ApplyHtmlDisclaimerFallbackAction = "", ""
		return
	}
	if r.ApplyHtmlDisclaimerLocation == "" {
		r.ApplyHtmlDisclaimerLocation = "Append"
	}
	if r.ApplyHtmlDisclaimerFallbackAction == "" {
		r.ApplyHtmlDisclaimerFallbackAction = "Wrap"
	}
}

func setTransportRule(ctx *command.Context) error {
	priority := -1
	if ctx.Has("Priority") {
		if priority = ctx.Int("Priority"); priority < 0 {
			return ctx.WriteError(invalidPriority(ctx))
		}
	}
	unchanged, warn := "", false
	done, err := changeTransportRule(ctx, "Setting", func(tx *store.Tx, stored *ome.TransportRule) (*object.ErrorRecord, error) {
		r := *stored
		r.Extra = map[string]store.RawValue{}
		for k, v := range stored.Extra {
			r.Extra[k] = v
		}
		if rec := applyRuleArgs(ctx, &r); rec != nil {
			return rec, nil
		}
		if rec, err := checkRule(ctx, tx, &r, stored.Name); rec != nil || err != nil {
			return rec, err
		}
		if len(r.Extra) == 0 {
			r.Extra = nil
		}
		if len(stored.Extra) == 0 {
			stored.Extra = nil
		}
		if (priority < 0 || priority == stored.Priority) && reflect.DeepEqual(&r, stored) {
			unchanged = stored.Name
			return nil, nil
		}
		warn = (ctx.Has("PrependSubject") && r.PrependSubject != "") || (ctx.Has("ApplyHtmlDisclaimerText") && r.ApplyHtmlDisclaimerText != "")
		return nil, ome.SaveTransportRule(tx, stored.Name, &r, priority)
	})
	if err != nil || !done {
		return err
	}
	if unchanged != "" {
		exo.WarnUnchanged(ctx, unchanged)
	}
	if warn {
		ctx.WriteWarning(unappliedActionsWarning)
	}
	return nil
}

// switchTransportRule turns the rule on (with -Mode, in that mode) or
// off; a rule already in that state is left as it is.
func switchTransportRule(ctx *command.Context, on bool) error {
	action, state := "Disabling", "Disabled"
	if on {
		action, state = "Enabling", "Enabled"
	}
	_, err := changeTransportRule(ctx, action, func(tx *store.Tx, r *ome.TransportRule) (*object.ErrorRecord, error) {
		mode := r.Mode
		if on && ctx.Has("Mode") {
			mode = ctx.String("Mode")
		}
		if r.State == state && r.Mode == mode {
			return nil, nil
		}
		r.State, r.Mode = state, mode
		return nil, ome.PutTransportRule(tx, r)
	})
	return err
}

func removeTransportRule(ctx *command.Context) error {
	_, err := changeTransportRule(ctx, "Removing", func(tx *store.Tx, r *ome.TransportRule) (*object.ErrorRecord, error) {
		return nil, ome.RemoveTransportRule(tx, r.Name)
	})
	return err
}
