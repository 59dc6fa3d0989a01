// Package policyrules declares the cmdlets of a family of rules that
// apply protection policies to recipients (Get-, New-, Set-, Remove-,
// Enable- and Disable-<Noun>): spam filter rules, Safe Links and Safe
// Attachments rules, the preset security policies' rules. A Spec says
// what differs between families: the noun and its words, the policy
// parameters, the output type, the store family and how a policy is
// named.
package policyrules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
)

// The exceptions of the service's rule errors.
const (
	exNotAllowed = "Microsoft.Exchange.Management.Tasks.OperationNotAllowedException"
	exValidation = "Microsoft.Exchange.Management.Tasks.ValidationException"
	exArgument   = "System.ArgumentException"
	exBinding    = "System.Management.Automation.ParameterBindingException"
)

// Spec is one family of rules.
type Spec struct {
	// Noun is the cmdlets' noun (HostedContentFilterRule).
	Noun string
	// Words names one rule in confirmation prompts ("hosted content
	// filter rule").
	Words string
	// PolicyParams are the parameters naming the policies a rule applies,
	// in the order the rule shows them; PolicyWords names each one's
	// policy in the rule's description ("hosted content filter policy").
	PolicyParams, PolicyWords []string
	// Type is the rule's output type; BaseTypes those it derives from.
	Type      string
	BaseTypes []string
	// Container is the rules' container under the organization's
	// configuration ("CN=HostedContentFilterVersioned,CN=Rules,CN=Transport Settings").
	Container string
	// Family is the store's family of the rules.
	Family *policyrule.Family
	// MaxName and MaxComments bound a rule's name and comments.
	MaxName, MaxComments int
	// Policy resolves the identity given to a policy parameter to the
	// policy's name: a record for a policy not found (or one a rule
	// can't apply).
	Policy func(ctx *command.Context, tx *store.Tx, o *directory.Organization, param, id string) (string, *object.ErrorRecord, error)
	// Help describes the parameters the family adds (the policies ...):
	// name and text.
	Help [][2]string
	// Synopses of Get, New, Set, Remove, Enable and Disable.
	Synopses [6]string
	// Examples of Get and New.
	GetExample, NewExample command.Example
}

// baseHelp describes the parameters every family has.
func baseHelp(maxName, maxComments int) map[string]string {
	return map[string]string{
		"Identity":                  "The rule: its name or GUID.",
		"Name":                      fmt.Sprintf("A unique name for the rule (up to %d characters).", maxName),
		"Comments":                  fmt.Sprintf("Comments on the rule (up to %d characters).", maxComments),
		"Enabled":                   "Whether the rule is on ($true by default).",
		"Priority":                  "The rule's place: 0 is tried first; 0 to the number of rules (a new rule goes last by default).",
		"SentTo":                    "Recipients (mailboxes, mail users, contacts, groups) the rule applies to.",
		"SentToMemberOf":            "Groups whose members the rule applies to.",
		"RecipientDomainIs":         "Recipient domains the rule applies to.",
		"ExceptIfSentTo":            "Recipients the rule does not apply to.",
		"ExceptIfSentToMemberOf":    "Groups whose members the rule does not apply to.",
		"ExceptIfRecipientDomainIs": "Recipient domains the rule does not apply to.",
		"From":                      "Senders (mailboxes, mail users, contacts, groups) the rule applies to.",
		"FromMemberOf":              "Groups whose members' messages the rule applies to.",
		"SenderDomainIs":            "Sender domains the rule applies to.",
		"ExceptIfFrom":              "Senders the rule does not apply to.",
		"ExceptIfFromMemberOf":      "Groups whose members' messages the rule does not apply to.",
		"ExceptIfSenderDomainIs":    "Sender domains the rule does not apply to.",
	}
}

// Commands returns the family's six cmdlets.
func (s *Spec) Commands() []*command.Command {
	help := baseHelp(s.MaxName, s.MaxComments)
	for _, h := range s.Help {
		help[h[0]] = h[1]
	}
	get := exo.Declared("Get-" + s.Noun)
	get.Synopsis = s.Synopses[0]
	get.OutputType = s.Type
	get.Examples = []command.Example{s.GetExample}
	exo.DescribeDeclared(get, help)
	exo.DeclaredParam(get, "Identity").Help = "The rule: name (* is a wildcard) or GUID."
	if has(get, "State") {
		exo.DeclaredParam(get, "State").Help = "Only the Enabled or the Disabled rules."
	}
	get.Handler.Process = s.get

	nw := exo.Declared("New-" + s.Noun)
	nw.Synopsis = s.Synopses[1]
	nw.OutputType = s.Type
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{s.NewExample}
	exo.DescribeDeclared(nw, help)
	nw.Handler.Process = s.create

	set := exo.Declared("Set-" + s.Noun)
	set.Synopsis = s.Synopses[2]
	set.ConfirmImpact = command.ImpactMedium
	exo.DescribeDeclared(set, help)
	set.Handler.Process = s.set

	remove := exo.Declared("Remove-" + s.Noun)
	remove.Synopsis = s.Synopses[3]
	remove.ConfirmImpact = command.ImpactHigh
	exo.DescribeDeclared(remove, help)
	remove.Handler.Process = func(ctx *command.Context) error {
		return s.change(ctx, "Removing "+s.Words+" \"%s\".", func(tx *store.Tx, r *policyrule.Rule) (*object.ErrorRecord, error) {
			return nil, s.Family.Remove(tx, r)
		})
	}

	enable := exo.Declared("Enable-" + s.Noun)
	enable.Synopsis = s.Synopses[4]
	enable.ConfirmImpact = command.ImpactMedium
	exo.DescribeDeclared(enable, help)
	enable.Handler.Process = func(ctx *command.Context) error { return s.setState(ctx, true) }

	disable := exo.Declared("Disable-" + s.Noun)
	disable.Synopsis = s.Synopses[5]
	disable.ConfirmImpact = command.ImpactMedium
	exo.DescribeDeclared(disable, help)
	disable.Handler.Process = func(ctx *command.Context) error { return s.setState(ctx, false) }
	return []*command.Command{get, nw, set, remove, enable, disable}
}

// conditions are the condition and exception parameters of the family's
// rules (recipients' for a Spec without a store family).
func (s *Spec) conditions() []string {
	if s.Family == nil {
		return policyrule.Conditions[:]
	}
	return s.Family.Conditions()
}

// has reports whether the command declares the parameter.
func has(c *command.Command, name string) bool {
	for _, p := range c.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// quoted is a list as a rule's description shows it: each value quoted,
// joined with "or".
func quoted(values []string) string {
	return "'" + strings.Join(values, "' or '") + "'"
}

// PolicyOf is the policy a rule applies through the parameter param.
func PolicyOf(r *policyrule.Rule, param string, params []string) string {
	if len(params) == 1 {
		return r.Policy
	}
	return r.Policies[param]
}

// Description is a rule's Description: its conditions, its actions and
// its exceptions, as Exchange words them.
func (s *Spec) Description(r *policyrule.Rule) string {
	phrase := func(param string, values []string) string {
		switch strings.TrimPrefix(param, "ExceptIf") {
		case "SentTo":
			return "Is sent to " + quoted(values)
		case "SentToMemberOf":
			return "Is sent to a member of group " + quoted(values)
		case "From":
			return "Is received from " + quoted(values)
		case "FromMemberOf":
			return "Is received from a member of group " + quoted(values)
		case "SenderDomainIs":
			return "sender's address domain portion belongs to any of these domains: " + quoted(values)
		}
		return "recipients's address domain portion belongs to any of these domains: " + quoted(values)
	}
	var conds, excepts []string
	for _, c := range s.conditions() {
		v := *r.Field(c)
		if len(v) == 0 {
			continue
		}
		if strings.HasPrefix(c, "ExceptIf") {
			excepts = append(excepts, phrase(c, v))
		} else {
			conds = append(conds, phrase(c, v))
		}
	}
	var actions []string
	for i, p := range s.PolicyParams {
		if name := PolicyOf(r, p, s.PolicyParams); name != "" {
			actions = append(actions, fmt.Sprintf("Apply %s \"%s\".", s.PolicyWords[i], name))
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
	section("Take the following actions:", "and", actions)
	section("Except if the message:", "or", excepts)
	return b.String()
}

// configDN is the distinguished name of a rule named name.
func (s *Spec) configDN(o *directory.Organization, name string) string {
	return o.ConfigDN(name, s.Container)
}

// Object is the Get-<Noun> object of a rule, its properties in
// Exchange Online's order.
func (s *Spec) Object(o *directory.Organization, r *policyrule.Rule) *object.PSObject {
	const tStr, tBool, tInt, tDate, tGuid = "System.String", "System.Boolean", "System.Int32", "System.DateTime", "System.Guid"
	obj := object.NewObject(append(append([]string{s.Type}, s.BaseTypes...), "Deserialized.System.Object")...)
	state := "Disabled"
	if r.Enabled {
		state = "Enabled"
	}
	var conds, excepts []string
	for _, c := range s.conditions() {
		if len(*r.Field(c)) == 0 {
			continue
		}
		name := "Microsoft.Exchange.MessagingPolicies.Rules.Tasks." + strings.TrimPrefix(c, "ExceptIf") + "Predicate"
		if strings.HasPrefix(c, "ExceptIf") {
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
	for _, p := range s.PolicyParams {
		obj.AddTyped(p, tStr, PolicyOf(r, p, s.PolicyParams))
	}
	obj.AddTyped("State", tStr, state)
	obj.AddTyped("Priority", tInt, r.Priority)
	obj.AddTyped("Comments", tStr, r.Comments)
	obj.AddTyped("Description", tStr, s.Description(r))
	obj.AddTyped("RuleVersion", "System.Version", "15.0.3.0")
	for _, c := range s.conditions() {
		list(c, *r.Field(c))
	}
	list("Conditions", conds)
	list("Exceptions", excepts)
	obj.AddTyped("Identity", tStr, r.Name)
	obj.AddTyped("DistinguishedName", tStr, s.configDN(o, r.Name))
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

// configs names the family's rules: by name, GUID or distinguished name.
func (s *Spec) configs() *exo.Configs[*policyrule.Rule] {
	return &exo.Configs[*policyrule.Rule]{List: s.Family.List, Keys: func(o *directory.Organization, r *policyrule.Rule) (string, string, string) {
		return r.Name, r.Guid, s.configDN(o, r.Name)
	}}
}

func (s *Spec) get(ctx *command.Context) error {
	state, err := StateArg(ctx)
	if err != nil {
		return err
	}
	objs, done, err := s.configs().Read(ctx, s.Object)
	if err != nil || !done {
		return err
	}
	return WriteInState(ctx, objs, state)
}

// StateArg reads a Get cmdlet's -State: Enabled, Disabled, or "" when the
// call does not have it.
func StateArg(ctx *command.Context) (string, error) {
	state := ""
	if rec := exo.EnumArg(ctx, "State", "Microsoft.Exchange.MessagingPolicies.Rules.RuleState", []string{"Enabled", "Disabled"}, &state); rec != nil {
		return "", ctx.Fail(rec)
	}
	return state, nil
}

// WriteInState writes the rule objects whose State is state (every one
// when state is "").
func WriteInState(ctx *command.Context, objs []*object.PSObject, state string) error {
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

// Apply applies the call's rule settings to r (those of its parameters
// the call has: name, comments, policies, conditions and exceptions),
// resolving the recipients, groups and policies they name.
func (s *Spec) Apply(ctx *command.Context, tx *store.Tx, o *directory.Organization, r *policyrule.Rule) (*object.ErrorRecord, error) {
	if ctx.Has("Name") {
		if rec := exo.TooLong(ctx, s.MaxName, ctx.String("Name")); rec != nil {
			return rec, nil
		}
		r.Name = ctx.String("Name")
	}
	if ctx.Has("Comments") {
		if rec := exo.TooLong(ctx, s.MaxComments, ctx.String("Comments")); rec != nil {
			return rec, nil
		}
		r.Comments = ctx.String("Comments")
	}
	for _, p := range s.PolicyParams {
		if !ctx.Has(p) {
			continue
		}
		id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value(p))))
		name, rec, err := s.Policy(ctx, tx, o, p, id)
		if err != nil || rec != nil {
			return rec, err
		}
		if len(s.PolicyParams) == 1 {
			r.Policy = name
			continue
		}
		if r.Policies == nil {
			r.Policies = map[string]string{}
		}
		r.Policies[p] = name
	}
	for _, c := range s.conditions() {
		if !ctx.Has(c) {
			continue
		}
		var values []string
		for _, v := range exo.ValueStrings(ctx.Value(c)) {
			w, rec, err := conditionValue(ctx, tx, c, v)
			if err != nil || rec != nil {
				return rec, err
			}
			if !exo.ContainsFold(values, w) {
				values = append(values, w)
			}
		}
		*r.Field(c) = values
	}
	return nil, nil
}

// conditionValue resolves one value of a condition to what the rule
// keeps: a recipient's or group's primary SMTP address, a domain as
// given.
func conditionValue(ctx *command.Context, tx *store.Tx, param, v string) (string, *object.ErrorRecord, error) {
	kind := strings.TrimPrefix(param, "ExceptIf")
	if kind == "RecipientDomainIs" || kind == "SenderDomainIs" {
		return v, nil, nil
	}
	found, rec, err := mailbox.FindRecipient(ctx, tx, v, v)
	if err != nil || rec != nil {
		return "", rec, err
	}
	switch {
	case found.Group != nil:
		return found.Group.PrimarySmtpAddress, nil, nil
	case kind == "SentToMemberOf", kind == "FromMemberOf":
	case found.Mailbox != nil:
		return found.Mailbox.PrimarySmtpAddress, nil, nil
	case found.Contact != nil:
		return found.Contact.PrimarySmtpAddress, nil, nil
	}
	return "", exo.RecipientNotFound(ctx, v), nil
}

// storeRecord words the refusals of the family's rules as the service
// does; nil for any other error.
func storeRecord(ctx *command.Context, err error) *object.ErrorRecord {
	var has *policyrule.PolicyHasRuleError
	var def *policyrule.DefaultPolicyRuleError
	switch {
	case errors.As(err, &has):
		return exo.Error(ctx, exValidation, fmt.Sprintf("Policy \"%s\" already has rule \"%s\" associated with it.", has.Policy, has.Rule), object.InvalidOperation, has.Policy)
	case errors.As(err, &def):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("Policy \"%s\" is marked as the default. Creating a rule to apply the default policy is not allowed. The default policy is always applied when none of the rules match.", def.Policy), object.InvalidOperation, def.Policy)
	case errors.Is(err, policyrule.ErrRuleNameInUse):
		return exo.Error(ctx, exArgument, "A rule with this name already exists.", object.InvalidArgument, nil)
	case errors.Is(err, policyrule.ErrNoCondition):
		return exo.Error(ctx, exArgument, "Cannot create rule without conditions. Please specify at least one condition.", object.InvalidArgument, nil)
	case errors.Is(err, policyrule.ErrInvalidPriority):
		return exo.Error(ctx, "Microsoft.Exchange.MessagingPolicies.Rules.InvalidPriorityException", "The specified rule priority is invalid. The rule priority can't exceed the number of rules you currently have.", object.InvalidArgument, nil)
	}
	return nil
}

func (s *Spec) create(ctx *command.Context) error {
	name := ctx.String("Name")
	priority, err := readPriority(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating %s \"%s\".", s.Words, name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		r := &policyrule.Rule{Name: name, Enabled: !ctx.Has("Enabled") || ctx.Bool("Enabled")}
		if rec, err := s.Apply(ctx, tx, o, r); rec != nil || err != nil {
			return rec, err
		}
		if err := s.Family.Create(tx, r, priority); err != nil {
			if rec := storeRecord(ctx, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = s.Object(o, r)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// change asks (with the question format words), then changes the rule
// the call's -Identity names in one transaction.
func (s *Spec) change(ctx *command.Context, format string, change func(tx *store.Tx, r *policyrule.Rule) (*object.ErrorRecord, error)) error {
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var r *policyrule.Rule
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := s.configs().Find(ctx, tx)
		r = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf(format, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		rec, err := change(tx, r)
		if err != nil {
			if rec := storeRecord(ctx, err); rec != nil {
				return rec, nil
			}
		}
		return rec, err
	})
	return err
}

func (s *Spec) set(ctx *command.Context) error {
	priority, err := readPriority(ctx)
	if err != nil {
		return err
	}
	return s.change(ctx, "Modifying "+s.Words+" \"%s\".", func(tx *store.Tx, r *policyrule.Rule) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if rec, err := s.Apply(ctx, tx, o, r); rec != nil || err != nil {
			return rec, err
		}
		return nil, s.Family.Put(tx, r, priority)
	})
}

func (s *Spec) setState(ctx *command.Context, on bool) error {
	format := "Disabling " + s.Words + " \"%s\"."
	if on {
		format = "Enabling " + s.Words + " \"%s\"."
	}
	return s.change(ctx, format, func(tx *store.Tx, r *policyrule.Rule) (*object.ErrorRecord, error) {
		if r.Enabled == on {
			return nil, nil
		}
		r.Enabled = on
		return nil, s.Family.Put(tx, r, -1)
	})
}
