package ome

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/ome"
)

// TypeTransportRule is the output type of New- and Get-TransportRule.
const TypeTransportRule = "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.Rule"

func ruleCommands() []*command.Command {
	newR := exo.Declared("New-TransportRule")
	newR.Synopsis = "Creates a mail flow (transport) rule; the simulator models its message-encryption and quarantine parts."
	newR.Description = "Only the conditions and actions that decide Message Encryption and quarantine are modelled: who the rule applies to (FromScope, SentToScope), the encryption it applies, and whether it quarantines (Quarantine). " +
		"A subject prefix (PrependSubject) and an HTML disclaimer are kept and listed by Get-TransportRule, with a warning that the simulated mail flow does not add them to messages."
	newR.OutputType = TypeTransportRule
	newR.ConfirmImpact = command.ImpactMedium
	exo.DescribeDeclared(newR, ruleHelp())
	ruleParamTypes(newR)
	newR.Handler.Process = newTransportRule

	get := exo.Declared("Get-TransportRule")
	get.Synopsis = "Lists mail flow (transport) rules."
	get.OutputType = TypeTransportRule
	exo.Describe(get, map[string]string{"Identity": "Name or GUID of the rule."})
	get.Handler.Process = getTransportRule
	return []*command.Command{exo.Partial(newR, append([]string{"Enabled"}, ruleSettings...)...), exo.Partial(get, "Identity")}
}

// ruleSettings are the parameters of the rule settings New- and
// Set-TransportRule model: the conditions and actions of encryption and
// quarantine, and the subject prefix and disclaimer they keep.
var ruleSettings = []string{"Name", "ApplyOME", "ApplyRightsProtectionCustomizationTemplate", "ApplyRightsProtectionTemplate", "Comments",
	"FromScope", "Mode", "Priority", "RemoveOMEv2", "SentToScope", "Quarantine",
	"PrependSubject", "ApplyHtmlDisclaimerText", "ApplyHtmlDisclaimerLocation", "ApplyHtmlDisclaimerFallbackAction"}

// ruleHelp returns the help texts of the transport rule cmdlets'
// parameters (a function: a package-level map would be built as the
// program starts).
func ruleHelp() map[string]string {
	return map[string]string{
		"Identity":   "Name or GUID of the rule.",
		"Name":       "Unique name of the rule (up to 64 characters).",
		"ApplyOME":   "Applies the earlier Message Encryption to matching messages.",
		"Quarantine": "Holds matching messages in the hosted quarantine instead of delivering them (Get-QuarantineMessage lists them).",
		"ApplyRightsProtectionCustomizationTemplate": "Custom branding template (OME configuration) for the encrypted messages; it sends every external recipient to the portal.",
		"ApplyRightsProtectionTemplate":              "Protection to apply: \"Encrypt\" or \"Do Not Forward\".",
		"Comments":                                   "Informative comments for the rule.",
		"Enabled":                                    "Whether the rule is enabled (default $true).",
		"FromScope":                                  "Where senders are: InOrganization or NotInOrganization.",
		"Mode":                                       "Enforce (default), Audit or AuditAndNotify; only an enforced rule acts on mail.",
		"Priority":                                   "Order of processing; 0 is first.",
		"RemoveOMEv2":                                "Removes Message Encryption from matching messages.",
		"SentToScope":                                "Where recipients are: InOrganization, NotInOrganization, ExternalPartner or ExternalNonPartner.",
		"PrependSubject":                             "Text added before the subject of matching messages (kept and listed; the simulated mail flow does not add it).",
		"ApplyHtmlDisclaimerText":                    "HTML disclaimer added to matching messages (kept and listed; the simulated mail flow does not add it).",
		"ApplyHtmlDisclaimerLocation":                "Where the disclaimer goes: Append (default) or Prepend.",
		"ApplyHtmlDisclaimerFallbackAction":          "What happens when the disclaimer can't be inserted: Wrap (default), Ignore or Reject.",
	}
}

// The .NET enumerations of the rule settings: their full names and
// values.
const (
	typeFromScope   = "Microsoft.Exchange.MessagingPolicies.Rules.FromUserScope"
	typeSentToScope = "Microsoft.Exchange.MessagingPolicies.Rules.ToUserScope"
)

var (
	fromScopes   = []string{"InOrganization", "NotInOrganization"}
	sentToScopes = []string{"InOrganization", "NotInOrganization", "ExternalPartner", "ExternalNonPartner"}
)

// ruleParamTypes gives a transport rule cmdlet's enumeration parameters
// their types: a value outside them fails to bind. The scopes are left
// as declared on Set-TransportRule, where $null clears them; its handler
// checks a value against the enumeration.
func ruleParamTypes(c *command.Command) {
	if c.Verb() == "New" {
		exo.DeclaredParam(c, "FromScope").Type = params.EnumType("FromUserScope", typeFromScope, fromScopes...)
		exo.DeclaredParam(c, "SentToScope").Type = params.EnumType("ToUserScope", typeSentToScope, sentToScopes...)
	}
	exo.DeclaredParam(c, "Mode").Type = params.EnumType("RuleMode", "Microsoft.Exchange.MessagingPolicies.Rules.RuleMode", "Audit", "AuditAndNotify", "Enforce")
	if c.Param("ApplyHtmlDisclaimerLocation") == nil {
		return
	}
	exo.DeclaredParam(c, "ApplyHtmlDisclaimerLocation").Type = params.EnumType("DisclaimerLocation", "Microsoft.Exchange.MessagingPolicies.Rules.DisclaimerLocation", "Append", "Prepend")
	exo.DeclaredParam(c, "ApplyHtmlDisclaimerFallbackAction").Type = params.EnumType("DisclaimerFallbackAction", "Microsoft.Exchange.MessagingPolicies.Rules.DisclaimerFallbackAction", "Wrap", "Ignore", "Reject")
}

// checkRule refuses a rule New- or Set-TransportRule would store when
// ruleProblem finds one, or when it has no action: the service's rules
// must all have one. self is as for ruleProblem.
func checkRule(ctx *command.Context, tx *store.Tx, r *ome.TransportRule, self string) (*object.ErrorRecord, error) {
	msg, err := ruleProblem(tx, r, self)
	if err != nil || msg != "" {
		if msg != "" {
			return exo.Invalid(ctx, msg, r.Name), nil
		}
		return nil, err
	}
	if !hasAction(r) {
		return exo.Error(ctx, "System.ArgumentException", noActionMessage, object.InvalidArgument, r.Name), nil
	}
	return nil, nil
}

// ruleProblem checks a rule New- or Set-TransportRule would store
// against the tenant and returns the error text, or "". self is the name
// the rule is stored under ("" for a new rule): no other rule may have
// its name.
func ruleProblem(tx *store.Tx, r *ome.TransportRule, self string) (string, error) {
	if len(r.Name) > 64 {
		return "The rule name can't be longer than 64 characters.", nil
	}
	if r.Name == "" {
		return "The rule name can't be empty.", nil
	}
	if !strings.EqualFold(r.Name, self) {
		if _, err := ome.GetTransportRule(tx, r.Name); err == nil {
			return "A transport rule with the name '" + r.Name + "' already exists.", nil
		}
	}
	if r.ApplyRightsProtectionCustomizationTemplate != "" {
		if r.ApplyRightsProtectionTemplate == "" && !r.ApplyOME {
			return "The ApplyRightsProtectionCustomizationTemplate action must be used together with the ApplyRightsProtectionTemplate action.", nil
		}
		c, err := ome.GetOMEConfiguration(tx, r.ApplyRightsProtectionCustomizationTemplate)
		if err != nil {
			return "The OME configuration '" + r.ApplyRightsProtectionCustomizationTemplate + "' couldn't be found.", nil
		}
		r.ApplyRightsProtectionCustomizationTemplate = c.Identity
	}
	return "", nil
}

func newTransportRule(ctx *command.Context) error {
	name := strings.TrimSpace(ctx.String("Name"))
	r := &ome.TransportRule{
		Name:        name,
		FromScope:   ctx.String("FromScope"),
		SentToScope: ctx.String("SentToScope"),
		ApplyOME:    ctx.Bool("ApplyOME"),
		RemoveOMEv2: ctx.Bool("RemoveOMEv2"),
		Quarantine:  ctx.Bool("Quarantine"),
		Mode:        ctx.String("Mode"),
		State:       "Enabled",
		ApplyRightsProtectionCustomizationTemplate: strings.TrimSpace(ctx.String("ApplyRightsProtectionCustomizationTemplate")),
	}
	r.PrependSubject = ctx.String("PrependSubject")
	r.ApplyHtmlDisclaimerText = ctx.String("ApplyHtmlDisclaimerText")
	r.ApplyHtmlDisclaimerLocation = ctx.String("ApplyHtmlDisclaimerLocation")
	r.ApplyHtmlDisclaimerFallbackAction = ctx.String("ApplyHtmlDisclaimerFallbackAction")
	if r.ApplyHtmlDisclaimerText != "" {
		disclaimerDefaults(r)
	}
	if ctx.Has("Enabled") && !ctx.Bool("Enabled") {
		r.State = "Disabled"
	}
	if ctx.Has("ApplyRightsProtectionTemplate") {
		opt, ok := ome.NormalizeProtectionOption(ctx.String("ApplyRightsProtectionTemplate"))
		if !ok || strings.TrimSpace(ctx.String("ApplyRightsProtectionTemplate")) == "" {
			return ctx.WriteError(exo.NotFound(ctx, ctx.String("ApplyRightsProtectionTemplate")))
		}
		r.ApplyRightsProtectionTemplate = opt
	}
	ok, err := ctx.ShouldProcessWith("Creating Transport Rule \""+name+"\".", name)
	if err != nil || !ok {
		return err
	}
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if rec, err := checkRule(ctx, tx, r, ""); rec != nil || err != nil {
			return rec, err
		}
		rules, err := ome.ListTransportRules(tx)
		if err != nil {
			return nil, err
		}
		r.Priority = len(rules)
		if ctx.Has("Priority") {
			p := ctx.Int("Priority")
			if p < 0 || p > len(rules) {
				return exo.Invalid(ctx, "The Priority value must be between 0 and the number of existing rules.", p), nil
			}
			r.Priority = p
			for _, other := range rules {
				if other.Priority >= p {
					other.Priority++
					if err := ome.PutTransportRule(tx, other); err != nil {
						return nil, err
					}
				}
			}
		}
		if ctx.Has("Comments") {
			setExtra(r, "Comments", ctx.String("Comments"))
		}
		return nil, ome.PutTransportRule(tx, r)
	})
	if err != nil || !done {
		return err
	}
	if r.PrependSubject != "" || r.ApplyHtmlDisclaimerText != "" {
		ctx.WriteWarning(unappliedActionsWarning)
	}
	return ctx.WriteObject(RuleObject(r))
}

// unappliedActionsWarning says that a rule's subject prefix and disclaimer
// are kept but that the simulated mail flow applies only encryption.
const unappliedActionsWarning = "exosim's mail flow applies only the encryption and quarantine actions of transport rules: this rule's subject prefix and HTML disclaimer are kept and listed, but simulated messages are delivered without them."

func setExtra(r *ome.TransportRule, key, value string) {
	raw, err := store.EncodeExtra(value)
	if err != nil {
		return
	}
	if r.Extra == nil {
		r.Extra = map[string]store.RawValue{}
	}
	r.Extra[key] = raw
}

func extraString(r *ome.TransportRule, key string) string {
	var s string
	if raw, ok := r.Extra[key]; ok {
		_ = store.DecodeExtra(raw, &s)
	}
	return s
}

func getTransportRule(ctx *command.Context) error {
	id := strings.TrimSpace(ctx.String("Identity"))
	var rules []*ome.TransportRule
	done, err := exo.Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		all, err := ome.ListTransportRules(tx)
		if err != nil {
			return nil, err
		}
		if id == "" {
			rules = all
			return nil, nil
		}
		if rules = rulesNamed(all, id); len(rules) == 0 {
			return exo.NotFound(ctx, id), nil
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	for _, r := range rules {
		if err := ctx.WriteObject(RuleObject(r)); err != nil {
			return err
		}
	}
	return nil
}

// RuleObject is the Get-TransportRule object of a rule.
func RuleObject(r *ome.TransportRule) *object.PSObject {
	o := object.NewObject(TypeTransportRule, "System.Object")
	o.AddTyped("Name", "System.String", r.Name)
	o.AddTyped("State", "Microsoft.Exchange.MessagingPolicies.Rules.RuleState", r.State)
	o.AddTyped("Mode", "Microsoft.Exchange.MessagingPolicies.Rules.RuleMode", r.Mode)
	o.AddTyped("Priority", "System.Int32", r.Priority)
	o.AddTyped("Comments", "System.String", exo.NilIfEmpty(extraString(r, "Comments")))
	o.AddTyped("Guid", "System.Guid", exo.GuidValue(r.Guid))
	o.AddTyped("Identity", "System.String", r.Name)
	o.AddTyped("FromScope", "System.String", exo.NilIfEmpty(r.FromScope))
	o.AddTyped("SentToScope", "System.String", exo.NilIfEmpty(r.SentToScope))
	o.AddTyped("ApplyRightsProtectionTemplate", "System.String", exo.NilIfEmpty(r.ApplyRightsProtectionTemplate))
	o.AddTyped("ApplyRightsProtectionCustomizationTemplate", "System.String", exo.NilIfEmpty(r.ApplyRightsProtectionCustomizationTemplate))
	o.AddTyped("ApplyOME", "System.Boolean", r.ApplyOME)
	o.AddTyped("RemoveOMEv2", "System.Boolean", r.RemoveOMEv2)
	o.AddTyped("Quarantine", "System.Boolean", r.Quarantine)
	o.AddTyped("PrependSubject", "System.String", exo.NilIfEmpty(r.PrependSubject))
	o.AddTyped("ApplyHtmlDisclaimerText", "System.String", exo.NilIfEmpty(r.ApplyHtmlDisclaimerText))
	o.AddTyped("ApplyHtmlDisclaimerLocation", "System.String", exo.NilIfEmpty(r.ApplyHtmlDisclaimerLocation))
	o.AddTyped("ApplyHtmlDisclaimerFallbackAction", "System.String", exo.NilIfEmpty(r.ApplyHtmlDisclaimerFallbackAction))
	o.AddTyped("WhenChanged", "System.DateTime", r.WhenChanged.UTC())
	return o
}

func ruleViews(r *format.Registry) {
	r.Add(&format.View{
		Name:      "TransportRule",
		TypeNames: []string{TypeTransportRule},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Name", Property: "Name"},
			{Label: "State", Property: "State"},
			{Label: "Mode", Property: "Mode"},
			{Label: "Priority", Property: "Priority"},
			{Label: "Comments", Property: "Comments"},
		},
	})
}
