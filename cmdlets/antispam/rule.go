package antispam

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// ruleContainer is the container of the spam filter rules.
const ruleContainer = "CN=HostedContentFilterVersioned,CN=Rules,CN=Transport Settings"

// ruleConditions are a rule's condition and exception parameters, in the
// order Exchange shows them, with the kind of their values and the
// predicate that holds them.
var ruleConditions = []struct {
	param, kind, predicate string
}{
	{"SentTo", "recipient", "SentToPredicate"},
	{"SentToMemberOf", "group", "SentToMemberOfPredicate"},
	{"RecipientDomainIs", "domain", "RecipientDomainIsPredicate"},
	{"ExceptIfSentTo", "recipient", "SentToPredicate"},
	{"ExceptIfSentToMemberOf", "group", "SentToMemberOfPredicate"},
	{"ExceptIfRecipientDomainIs", "domain", "RecipientDomainIsPredicate"},
}

// conditionField is where a rule keeps a condition parameter's values.
func conditionField(r *as.Rule, param string) *[]string {
	switch param {
	case "SentTo":
		return &r.SentTo
	case "SentToMemberOf":
		return &r.SentToMemberOf
	case "RecipientDomainIs":
		return &r.RecipientDomainIs
	case "ExceptIfSentTo":
		return &r.ExceptIfSentTo
	case "ExceptIfSentToMemberOf":
		return &r.ExceptIfSentToMemberOf
	}
	return &r.ExceptIfRecipientDomainIs
}

func ruleCommands() []*command.Command {
	help := map[string]string{
		"Identity":                  "The rule: its name or GUID.",
		"Name":                      "A unique name for the rule (up to 64 characters).",
		"HostedContentFilterPolicy": "The spam filter policy the rule applies: not the default one, nor one another rule applies.",
		"Comments":                  "Comments on the rule (up to 1024 characters).",
		"Enabled":                   "Whether the rule is on ($true by default).",
		"Priority":                  "The rule's place: 0 is tried first; 0 to the number of rules (a new rule goes last by default).",
		"SentTo":                    "Recipients (mailboxes, mail users, contacts, groups) the rule applies to.",
		"SentToMemberOf":            "Groups whose members the rule applies to.",
		"RecipientDomainIs":         "Recipient domains the rule applies to.",
		"ExceptIfSentTo":            "Recipients the rule does not apply to.",
		"ExceptIfSentToMemberOf":    "Groups whose members the rule does not apply to.",
		"ExceptIfRecipientDomainIs": "Recipient domains the rule does not apply to.",
	}
	get := exo.Declared("Get-HostedContentFilterRule")
	get.Synopsis = "Lists the spam filter rules: which policy applies to which recipients, in priority order."
	get.OutputType = TypeRule
	get.Examples = []command.Example{{Code: "Get-HostedContentFilterRule -State Enabled | Format-Table Name,HostedContentFilterPolicy,Priority", Remark: "The enabled rules and their policies."}}
	exo.Describe(get, map[string]string{"Identity": "The rule: name (* is a wildcard) or GUID.", "State": "Only the Enabled or the Disabled rules."})
	get.Handler.Process = getRule

	nw := exo.Declared("New-HostedContentFilterRule")
	nw.Synopsis = "Creates a spam filter rule: it applies a policy to recipients, groups or domains."
	nw.OutputType = TypeRule
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-HostedContentFilterPolicy "Contoso Executives" | Out-Null; New-HostedContentFilterRule -Name "Contoso Recipients" -HostedContentFilterPolicy "Contoso Executives" -RecipientDomainIs contoso.com`,
		Remark: "Creates a policy and applies it to recipients in contoso.com."}}
	without := func(drop string) map[string]string {
		m := map[string]string{}
		for k, v := range help {
			if k != drop {
				m[k] = v
			}
		}
		return m
	}
	exo.Describe(nw, without("Identity"))
	nw.Handler.Process = newRule

	set := exo.Declared("Set-HostedContentFilterRule")
	set.Synopsis = "Changes a spam filter rule: its policy, conditions, exceptions, name or priority."
	set.ConfirmImpact = command.ImpactMedium
	exo.Describe(set, without("Enabled"))
	set.Handler.Process = setRule

	remove := exo.Declared("Remove-HostedContentFilterRule")
	remove.Synopsis = "Removes a spam filter rule; its policy stays, applied to no one."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"]})
	remove.Handler.Process = func(ctx *command.Context) error {
		return changeRule(ctx, "Removing hosted content filter rule \"%s\".", func(tx *store.Tx, r *as.Rule) (*object.ErrorRecord, error) {
			return nil, as.RemoveRule(tx, r)
		})
	}

	enable := exo.Declared("Enable-HostedContentFilterRule")
	enable.Synopsis = "Turns a spam filter rule on."
	enable.ConfirmImpact = command.ImpactMedium
	exo.Describe(enable, map[string]string{"Identity": help["Identity"]})
	enable.Handler.Process = func(ctx *command.Context) error { return setState(ctx, true) }

	disable := exo.Declared("Disable-HostedContentFilterRule")
	disable.Synopsis = "Turns a spam filter rule off; its policy then applies to no one."
	disable.ConfirmImpact = command.ImpactMedium
	exo.Describe(disable, map[string]string{"Identity": help["Identity"]})
	disable.Handler.Process = func(ctx *command.Context) error { return setState(ctx, false) }
	return []*command.Command{get, nw, set, remove, enable, disable}
}

// quoted is a list as a rule's description shows it: each value quoted,
// joined with "or".
func quoted(values []string) string {
	return "'" + strings.Join(values, "' or '") + "'"
}

// ruleDescription is a rule's Description: its conditions, its action
// and its exceptions, as Exchange words them.
func ruleDescription(r *as.Rule) string {
	phrase := func(param string, values []string) string {
		switch strings.TrimPrefix(param, "ExceptIf") {
		case "SentTo":
			return "Is sent to " + quoted(values)
		case "SentToMemberOf":
			return "Is sent to a member of group " + quoted(values)
		}
		return "recipients's address domain portion belongs to any of these domains: " + quoted(values)
	}
	var conds, excepts []string
	for _, c := range ruleConditions {
		v := *conditionField(r, c.param)
		if len(v) == 0 {
			continue
		}
		if strings.HasPrefix(c.param, "ExceptIf") {
			excepts = append(excepts, phrase(c.param, v))
		} else {
			conds = append(conds, phrase(c.param, v))
		}
	}
	var b strings.Builder
	section := func(head, delimiter string, lines []string) {
		if len(lines) == 0 {
			return
		}
		b.WriteString(head + "\r\n")
		for i, l := range lines {
			b.WriteString("\t")
			if i > 0 {
				b.WriteString(delimiter + " ")
			}
			b.WriteString(l + "\r\n")
		}
	}
	section("If the message:", "and", conds)
	section("Take the following actions:", "and", []string{fmt.Sprintf("Apply hosted content filter policy \"%s\".", r.Policy)})
	section("Except if the message:", "or", excepts)
	return b.String()
}

// ruleObject is the Get-HostedContentFilterRule object of a rule.
func ruleObject(o *directory.Organization, r *as.Rule) *object.PSObject {
	obj := object.NewObject(TypeRule,
		"Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.HygieneFilterRule",
		"Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.RulePresentationObjectBase",
		"Deserialized.System.Object")
	state := "Disabled"
	if r.Enabled {
		state = "Enabled"
	}
	var conds, excepts []string
	for _, c := range ruleConditions {
		if len(*conditionField(r, c.param)) == 0 {
			continue
		}
		name := "Microsoft.Exchange.MessagingPolicies.Rules.Tasks." + c.predicate
		if strings.HasPrefix(c.param, "ExceptIf") {
			excepts = append(excepts, name)
		} else {
			conds = append(conds, name)
		}
	}
	list := func(name string, v []string) {
		if len(v) == 0 {
			obj.AddTyped(name, "System.Object[]", nil)
			return
		}
		obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(v))
	}
	obj.AddTyped("HostedContentFilterPolicy", tStr, r.Policy)
	obj.AddTyped("State", tStr, state)
	obj.AddTyped("Priority", tInt, r.Priority)
	obj.AddTyped("Comments", tStr, r.Comments)
	obj.AddTyped("Description", tStr, ruleDescription(r))
	obj.AddTyped("RuleVersion", "System.Version", "15.0.3.0")
	for _, c := range ruleConditions {
		list(c.param, *conditionField(r, c.param))
	}
	list("Conditions", conds)
	list("Exceptions", excepts)
	obj.AddTyped("Identity", tStr, r.Name)
	obj.AddTyped("DistinguishedName", tStr, configDN(o, r.Name, ruleContainer))
	obj.AddTyped("Guid", tGuid, exo.GuidValue(r.Guid))
	obj.AddTyped("ImmutableId", tGuid, exo.GuidValue(store.DerivedGuid("immutable\x00"+r.Guid)))
	obj.AddTyped("OrganizationId", tStr, exo.OrganizationID(o))
	obj.AddTyped("Name", tStr, r.Name)
	obj.AddTyped("IsValid", tBool, true)
	obj.AddTyped("WhenChanged", tDate, r.WhenChanged.UTC())
	obj.AddTyped("ExchangeVersion", tStr, "0.1 (8.0.535.0)")
	name := r.Name
	obj.ToStringFunc = func() string { return name }
	return obj
}

// rules names spam filter rules: by name, GUID or distinguished name.
var rules = exo.Configs[*as.Rule]{List: as.Rules, Keys: ruleKeys}

// ruleKeys are what an identity names a rule by.
func ruleKeys(o *directory.Organization, r *as.Rule) (name, guid, dn string) {
	return r.Name, r.Guid, configDN(o, r.Name, ruleContainer)
}

func getRule(ctx *command.Context) error {
	state := ""
	if rec := exo.EnumArg(ctx, "State", "Microsoft.Exchange.MessagingPolicies.Rules.RuleState", []string{"Enabled", "Disabled"}, &state); rec != nil {
		return ctx.Fail(rec)
	}
	objs, done, err := rules.Read(ctx, ruleObject)
	if err != nil || !done {
		return err
	}
	for _, obj := range objs {
		if state != "" && object.ToInvariantString(obj.Value("State")) != state {
			continue
		}
		if err := ctx.WriteObject(obj); err != nil {
			return err
		}
	}
	return nil
}

// readPriority reads -Priority: -1 when the call does not have it.
func readPriority(ctx *command.Context) (int, error) {
	if !ctx.Has("Priority") {
		return -1, nil
	}
	n := ctx.Int("Priority")
	if n < 0 {
		return 0, ctx.Fail(exo.Error(ctx, exBinding, "Cannot bind parameter 'Priority' to the target. Exception setting \"Priority\": \"The priority should not be negative.\"", object.InvalidArgument, n))
	}
	return n, nil
}

// applyRuleParams applies the call's rule settings to r, resolving the
// recipients, groups and policy they name.
func applyRuleParams(ctx *command.Context, tx *store.Tx, o *directory.Organization, r *as.Rule) (*object.ErrorRecord, error) {
	if ctx.Has("Name") {
		if rec := exo.TooLong(ctx, as.MaxNameLength, ctx.String("Name")); rec != nil {
			return rec, nil
		}
		r.Name = ctx.String("Name")
	}
	if ctx.Has("Comments") {
		if rec := exo.TooLong(ctx, as.MaxCommentsLength, ctx.String("Comments")); rec != nil {
			return rec, nil
		}
		r.Comments = ctx.String("Comments")
	}
	if ctx.Has("HostedContentFilterPolicy") {
		id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("HostedContentFilterPolicy"))))
		all, err := as.List(tx)
		if err != nil {
			return nil, err
		}
		p, rec := exo.One(ctx, id, policies.Match(o, all, id, false))
		if rec != nil {
			return rec, nil
		}
		r.Policy = p.Name
	}
	for _, c := range ruleConditions {
		if !ctx.Has(c.param) {
			continue
		}
		var values []string
		for _, v := range exo.ValueStrings(ctx.Value(c.param)) {
			w, rec, err := conditionValue(ctx, tx, c.kind, v)
			if err != nil || rec != nil {
				return rec, err
			}
			if !exo.ContainsFold(values, w) {
				values = append(values, w)
			}
		}
		*conditionField(r, c.param) = values
	}
	return nil, nil
}

// conditionValue resolves one value of a condition (kind recipient,
// group or domain) to what the rule keeps: a recipient's or group's
// primary SMTP address, a domain as given.
func conditionValue(ctx *command.Context, tx *store.Tx, kind, v string) (string, *object.ErrorRecord, error) {
	if kind == "domain" {
		return v, nil, nil
	}
	found, rec, err := mailbox.FindRecipient(ctx, tx, v, v)
	if err != nil || rec != nil {
		return "", rec, err
	}
	switch {
	case found.Group != nil:
		return found.Group.PrimarySmtpAddress, nil, nil
	case kind == "group":
	case found.Mailbox != nil:
		return found.Mailbox.PrimarySmtpAddress, nil, nil
	case found.Contact != nil:
		return found.Contact.PrimarySmtpAddress, nil, nil
	}
	return "", exo.RecipientNotFound(ctx, v), nil
}

// ruleStoreRecord words the refusals of the rule rules as the service
// does; nil for any other error.
func ruleStoreRecord(ctx *command.Context, err error) *object.ErrorRecord {
	var has *as.PolicyHasRuleError
	var def *as.DefaultPolicyRuleError
	switch {
	case errors.As(err, &has):
		return exo.Error(ctx, exValidation, fmt.Sprintf("Policy \"%s\" already has rule \"%s\" associated with it.", has.Policy, has.Rule), object.InvalidOperation, has.Policy)
	case errors.As(err, &def):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("Policy \"%s\" is marked as the default. Creating a rule to apply the default policy is not allowed. The default policy is always applied when none of the rules match.", def.Policy), object.InvalidOperation, def.Policy)
	case errors.Is(err, as.ErrRuleNameInUse):
		return exo.Error(ctx, exArgument, "A rule with this name already exists.", object.InvalidArgument, nil)
	case errors.Is(err, as.ErrNoCondition):
		return exo.Error(ctx, exArgument, "Cannot create rule without conditions. Please specify at least one condition.", object.InvalidArgument, nil)
	case errors.Is(err, as.ErrInvalidPriority):
		return exo.Error(ctx, "Microsoft.Exchange.MessagingPolicies.Rules.InvalidPriorityException", "The specified rule priority is invalid. The rule priority can't exceed the number of rules you currently have.", object.InvalidArgument, nil)
	}
	return nil
}

func newRule(ctx *command.Context) error {
	name := ctx.String("Name")
	priority, err := readPriority(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating hosted content filter rule \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		r := &as.Rule{Name: name, Enabled: !ctx.Has("Enabled") || ctx.Bool("Enabled")}
		if rec, err := applyRuleParams(ctx, tx, o, r); rec != nil || err != nil {
			return rec, err
		}
		if err := as.CreateRule(tx, r, priority); err != nil {
			if rec := ruleStoreRecord(ctx, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = ruleObject(o, r)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// changeRule asks (with the question format words), then changes the
// rule the call's -Identity names in one transaction.
func changeRule(ctx *command.Context, format string, change func(tx *store.Tx, r *as.Rule) (*object.ErrorRecord, error)) error {
	shown := identity(ctx)
	var r *as.Rule
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := rules.Find(ctx, tx)
		r = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf(format, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		rec, err := change(tx, r)
		if err != nil {
			if rec := ruleStoreRecord(ctx, err); rec != nil {
				return rec, nil
			}
		}
		return rec, err
	})
	return err
}

func setRule(ctx *command.Context) error {
	priority, err := readPriority(ctx)
	if err != nil {
		return err
	}
	return changeRule(ctx, "Modifying hosted content filter rule \"%s\".", func(tx *store.Tx, r *as.Rule) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if rec, err := applyRuleParams(ctx, tx, o, r); rec != nil || err != nil {
			return rec, err
		}
		return nil, as.PutRule(tx, r, priority)
	})
}

func setState(ctx *command.Context, on bool) error {
	format := "Disabling hosted content filter rule \"%s\"."
	if on {
		format = "Enabling hosted content filter rule \"%s\"."
	}
	return changeRule(ctx, format, func(tx *store.Tx, r *as.Rule) (*object.ErrorRecord, error) {
		if r.Enabled == on {
			return nil, nil
		}
		r.Enabled = on
		return nil, as.PutRule(tx, r, -1)
	})
}
