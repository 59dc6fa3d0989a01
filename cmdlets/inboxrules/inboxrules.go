// Package inboxrules declares the Exchange Online cmdlets of Inbox rules:
// Get-, New-, Set-, Remove-, Enable- and Disable-InboxRule over the rules
// the tenant keeps (store/inboxrules): their conditions, exceptions and
// actions as the reference documents them, their order (Priority), and
// the objects and default table Exchange shows. The six cmdlets of the
// Sweep rules (store/sweeprules) share their identities, mailboxes,
// senders and folders.
package inboxrules

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/folderperms"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/dates"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	perms "github.com/exosim/exosim/store/folderperms"
	rules "github.com/exosim/exosim/store/inboxrules"
)

// TypeRule is the output type of the rules.
const TypeRule = "Deserialized.Microsoft.Exchange.Management.Common.InboxRule"

// exArgument is the exception type of a value the rules refuse.
const exArgument = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-InboxRule", "New-InboxRule", "Set-InboxRule", "Remove-InboxRule", "Enable-InboxRule", "Disable-InboxRule"}, Build: commands},
	{Names: []string{"Get-SweepRule", "New-SweepRule", "Set-SweepRule", "Remove-SweepRule", "Enable-SweepRule", "Disable-SweepRule"}, Build: sweepCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the tables Exchange prints: for Inbox rules four
// columns as wide as their values, for Sweep rules three.
func Views(r *format.Registry) {
	sweepViews(r)
	r.Add(&format.View{Name: TypeRule, TypeNames: []string{TypeRule}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Enabled", Property: "Enabled"},
		{Label: "Priority", Property: "Priority"},
		{Label: "RuleIdentity", Property: "RuleIdentity"},
	}})
}

// propertyHelp says what each condition, exception and action does.
func propertyHelp(p rules.Property) string {
	what := map[string]string{
		rules.KindBool:       "$true turns it on, $false off",
		rules.KindWords:      "words or phrases; any one matches",
		rules.KindRecipients: "recipients of the directory or outside addresses",
		rules.KindFolder:     "a folder of the mailbox: mailbox:\\folder",
		rules.KindEnum:       "one of " + strings.Join(p.Values, ", "),
		rules.KindEnumList:   "any of " + strings.Join(p.Values, ", "),
		rules.KindDate:       "a date",
		rules.KindSize:       "a size such as 2MB",
		rules.KindString:     "a text",
	}[p.Kind]
	switch p.Section {
	case rules.Condition:
		return "Condition: " + what + "."
	case rules.Exception:
		return "Exception to the rule: " + what + "."
	}
	return "Action: " + what + "."
}

func commands() []*command.Command {
	ruleHelp := map[string]string{
		"Identity":                     "The rule: its name or RuleIdentity, in the mailbox of -Mailbox (default your own), or mailbox\\rule.",
		"Mailbox":                      "The mailbox whose rules these are (default: your own).",
		"AlwaysDeleteOutlookRulesBlob": "Accepted; there are no client-side Outlook rules to remove.",
		"Force":                        "Accepted; there are no client-side Outlook rules to warn about.",
	}
	withVocabulary := func(c *command.Command, extra map[string]string) {
		h := map[string]string{}
		for k, v := range ruleHelp {
			if c.Param(k) != nil {
				h[k] = v
			}
		}
		for k, v := range extra {
			h[k] = v
		}
		for _, p := range rules.Vocabulary() {
			if c.Param(p.Name) != nil {
				h[p.Name] = propertyHelp(p)
			}
		}
		exo.Describe(c, h)
	}

	get := exo.Declared("Get-InboxRule")
	get.Synopsis = "Lists the Inbox rules of a mailbox (your own without -Mailbox), in the order they run."
	get.OutputType = TypeRule
	get.Examples = []command.Example{
		{Code: "Get-InboxRule -Mailbox annb", Remark: "Lists Anne's Inbox rules."},
		{Code: "Get-InboxRule -Mailbox alexw | Where-Object { $_.ForwardTo -or $_.RedirectTo -or $_.ForwardAsAttachmentTo } | Format-List Name, ForwardTo, RedirectTo", Remark: "Finds rules that send mail on."},
		{Code: "Get-InboxRule 'Newsletters' -Mailbox annb | Format-List Description", Remark: "Shows what a rule does, in words."},
	}
	withVocabulary(get, map[string]string{
		"IncludeHidden":         "Also lists the hidden rules (the Junk E-mail Rule).",
		"ResultSize":            "How many rules to show (default 1000) or Unlimited.",
		"SkipCount":             "Leaves out this many rules first.",
		"BypassScopeCheck":      "Accepted; the whole organization is in scope.",
		"DescriptionTimeFormat": "The .NET format of the dates in Description (for example MM/dd/yyyy).",
		"UseCustomRouting":      "Accepted; requests are not routed.",
	})
	get.Handler.Process = getRules

	newRule := exo.Declared("New-InboxRule")
	newRule.Synopsis = "Creates an Inbox rule in a mailbox (your own without -Mailbox): conditions, exceptions and actions."
	newRule.OutputType = TypeRule
	newRule.ConfirmImpact = command.ImpactMedium
	newRule.Examples = []command.Example{
		{Code: "New-InboxRule -Mailbox annb -Name 'From Patti' -From pattif -MarkImportance High", Remark: "Marks the executive's mail as important."},
		{Code: "New-InboxRule -Mailbox annb -Name Receipts -SubjectContainsWords 'receipt','invoice' -MoveToFolder 'annb:\\Archive' -StopProcessingRules $true", Remark: "Files receipts away and stops there."},
	}
	withVocabulary(newRule, map[string]string{
		"Name":     "The rule's name (at most 512 characters).",
		"Priority": "Where the rule runs: 1 first; the rules from there move down (default: after the others).",
	})
	newRule.Handler.Process = newInboxRule

	set := exo.Declared("Set-InboxRule")
	set.Synopsis = "Changes an Inbox rule: its name, order, conditions, exceptions and actions ($null or $false clears one)."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-InboxRule 'Newsletters' -Mailbox annb -Priority 1", Remark: "Runs the rule first."},
		{Code: "Set-InboxRule 'Newsletters' -Mailbox annb -MarkAsRead $true", Remark: "Also marks the messages as read."},
	}
	withVocabulary(set, map[string]string{
		"Name":     "A new name.",
		"Priority": "Moves the rule to this place (1 first).",
	})
	set.Handler.Process = setInboxRule

	remove := exo.Declared("Remove-InboxRule")
	remove.Synopsis = "Removes an Inbox rule; the rules after it move up."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{
		{Code: "Remove-InboxRule 'Newsletters' -Mailbox annb -Confirm:$false", Remark: "Removes Anne's Newsletters rule."},
	}
	withVocabulary(remove, nil)
	remove.Handler.Process = func(ctx *command.Context) error { return changeRule(ctx, "remove") }

	enable := exo.Declared("Enable-InboxRule")
	enable.Synopsis = "Turns an Inbox rule on."
	enable.ConfirmImpact = command.ImpactMedium
	enable.Examples = []command.Example{{Code: "Enable-InboxRule 'Newsletters' -Mailbox annb", Remark: "Turns the rule back on."}}
	withVocabulary(enable, nil)
	enable.Handler.Process = func(ctx *command.Context) error { return changeRule(ctx, "enable") }

	disable := exo.Declared("Disable-InboxRule")
	disable.Synopsis = "Turns an Inbox rule off; it keeps its place."
	disable.ConfirmImpact = command.ImpactMedium
	disable.Examples = []command.Example{{Code: "Disable-InboxRule 'Newsletters' -Mailbox annb", Remark: "Stops the rule without removing it."}}
	withVocabulary(disable, nil)
	disable.Handler.Process = func(ctx *command.Context) error { return changeRule(ctx, "disable") }

	// The rule made from a message (FromMessageId) needs the mailbox's
	// items, which the tenant counts but does not keep one by one; a time
	// zone of the description needs the Windows time zones.
	modelled := func(c *command.Command, except ...string) []string {
		var out []string
		for _, p := range c.Params {
			if !exo.ContainsFold(except, p.Name) {
				out = append(out, p.Name)
			}
		}
		return out
	}
	return []*command.Command{
		exo.Partial(get, modelled(get, "DescriptionTimeZone")...),
		exo.Partial(newRule, modelled(newRule, "FromMessageId", "ValidateOnly", "FromSubscription", "ExceptIfFromSubscription")...),
		set, remove, enable, disable,
	}
}

// target is the mailbox whose rules a call acts on.
func targetMailbox(ctx *command.Context, tx *store.Tx, v any) (*directory.Mailbox, *object.ErrorRecord, error) {
	if v == nil {
		caller := exo.Caller(runtime.Of(ctx))
		return mailbox.ResolveOne(ctx, tx, caller, caller, directory.ScopeActive, false)
	}
	return mailbox.ResolveMailbox(ctx, tx, v)
}

// findRule finds the rule an InboxRuleIdParameter names: its name or
// RuleIdentity in the mailbox of -Mailbox (default the caller's), or
// mailbox\rule.
func findRule(ctx *command.Context, tx *store.Tx) (*directory.Mailbox, *rules.Rule, *object.ErrorRecord, error) {
	return findByIDOrName(ctx, tx, rules.List, func(r *rules.Rule) (string, string) { return strconv.FormatUint(r.RuleID, 10), r.Name })
}

// findByIDOrName finds the rule of a rule cmdlet's -Identity (see
// ruleTarget) among the mailbox's rules (list): the one whose id is the
// identity's, or else the one of that name (any case; none or several is
// Exchange's error). keys gives a rule's id and name.
func findByIDOrName[R any](ctx *command.Context, tx *store.Tx, list func(*store.Tx, string) ([]R, error), keys func(R) (id, name string)) (*directory.Mailbox, R, *object.ErrorRecord, error) {
	var none R
	m, name, shown, rec, err := ruleTarget(ctx, tx)
	if err != nil || rec != nil {
		return nil, none, rec, err
	}
	all, err := list(tx, m.Guid)
	if err != nil {
		return nil, none, nil, err
	}
	var found []R
	for _, r := range all {
		id, n := keys(r)
		if id == name {
			return m, r, nil, nil
		}
		if strings.EqualFold(n, name) {
			found = append(found, r)
		}
	}
	r, rec := exo.One(ctx, shown, found)
	if rec != nil {
		return nil, none, rec, nil
	}
	return m, r, nil, nil
}

// ruleTarget reads the -Identity of a rule cmdlet (Inbox or Sweep
// rules): the mailbox it names (mailbox\rule), or else that of -Mailbox,
// or else the caller's; the rule's name or id within it; and the
// identity as the errors show it.
func ruleTarget(ctx *command.Context, tx *store.Tx) (m *directory.Mailbox, name, shown string, rec *object.ErrorRecord, err error) {
	raw, shown := mailbox.IdentityString(object.Unwrap(ctx.Value("Identity")))
	raw = strings.TrimSpace(raw)
	var mbxArg any
	if ctx.Has("Mailbox") {
		mbxArg = ctx.Value("Mailbox")
	}
	name = raw
	if i := strings.Index(raw, `\`); i > 0 {
		// An identity that names its mailbox (mailbox\rule, or a rule
		// object from the pipeline) can't be combined with -Mailbox.
		if mbxArg != nil {
			return nil, "", shown, exo.InvalidOperation(ctx, "You can't use both the Identity and Mailbox parameters to specify a mailbox.", shown), nil
		}
		mbxArg, name = raw[:i], raw[i+1:]
	}
	m, rec, err = targetMailbox(ctx, tx, mbxArg)
	return m, name, shown, rec, err
}

// ruleIdentity is a rule's Identity: its mailbox and RuleIdentity.
func ruleIdentity(m *directory.Mailbox, r *rules.Rule) string {
	return m.Name + `\` + strconv.FormatUint(r.RuleID, 10)
}

// junkRule is the hidden rule every mailbox has, shown with
// -IncludeHidden.
func junkRule(m *directory.Mailbox) *rules.Rule {
	id, _ := strconv.ParseUint(strings.ReplaceAll(mailbox.DerivedGuid("junk rule", m.Guid)[:8], "-", ""), 16, 64)
	return &rules.Rule{MailboxGuid: m.Guid, RuleID: id<<32 | 0x06000002, Name: "Junk E-mail Rule", Enabled: true, Priority: 0}
}

// hiddenRules are the rules Exchange keeps out of sight (shown with
// -IncludeHidden): the Junk E-mail Rule every mailbox has and, when the
// calendar has delegates, the Delegate Rule that sends them meeting
// messages.
func hiddenRules(tx *store.Tx, m *directory.Mailbox) ([]*rules.Rule, error) {
	out := []*rules.Rule{}
	es, err := perms.List(tx, perms.Folder{MailboxGuid: m.Guid, Path: "/Calendar", Calendar: true})
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if exo.ContainsFold(e.SharingFlags, perms.FlagDelegate) {
			g := strings.ReplaceAll(mailbox.DerivedGuid("delegate rule", m.Guid), "-", "")
			hi, _ := strconv.ParseUint(g[:8], 16, 64)
			n, _ := strconv.ParseInt(g[8:23], 16, 64)
			out = append(out, &rules.Rule{MailboxGuid: m.Guid, RuleID: hi<<32 | 0x06000002, Name: fmt.Sprintf("Delegate Rule -%d", n), Enabled: true})
			break
		}
	}
	return append(out, junkRule(m)), nil
}

func getRules(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, list, rec, err := rulesOfCall(ctx, tx, findRule, rules.List)
		if err != nil || rec != nil {
			return rec, err
		}
		if !ctx.Has("Identity") && ctx.Switch("IncludeHidden") {
			hidden, err := hiddenRules(tx, m)
			if err != nil {
				return nil, err
			}
			list = append(hidden, list...)
		}
		rv := newRenderer(tx, ctx.String("DescriptionTimeFormat"))
		list = skipped(ctx, list)
		for _, r := range list {
			objs = append(objs, rv.object(m, r))
		}
		return nil, nil
	})
}

// rulesOfCall finds the rules a Get cmdlet of rules lists: the one
// -Identity names (find), or else every rule (list) of the mailbox of
// -Mailbox or the caller's.
func rulesOfCall[R any](ctx *command.Context, tx *store.Tx,
	find func(*command.Context, *store.Tx) (*directory.Mailbox, R, *object.ErrorRecord, error),
	list func(*store.Tx, string) ([]R, error)) (*directory.Mailbox, []R, *object.ErrorRecord, error) {
	var m *directory.Mailbox
	var out []R
	if ctx.Has("Identity") {
		mm, r, rec, err := find(ctx, tx)
		if err != nil || rec != nil {
			return nil, nil, rec, err
		}
		m, out = mm, []R{r}
	} else {
		mm, rec, err := callMailbox(ctx, tx)
		if err != nil || rec != nil {
			return nil, nil, rec, err
		}
		m = mm
		if out, err = list(tx, m.Guid); err != nil {
			return nil, nil, nil, err
		}
	}
	return m, out, nil, nil
}

// skipped is list without the first -SkipCount rules.
func skipped[R any](ctx *command.Context, list []R) []R {
	n := ctx.Int("SkipCount")
	if n <= 0 {
		return list
	}
	return list[min(n, len(list)):]
}

// argError is a refusal of an argument, worded by the handler.
type argError struct{ rec *object.ErrorRecord }

func (e *argError) Error() string { return e.rec.Message }

// applyArgs sets the rule properties the call names: a value sets it,
// $null, an empty list or $false clears it.
func applyArgs(ctx *command.Context, tx *store.Tx, m *directory.Mailbox, r *rules.Rule) error {
	if r.Props == nil {
		r.Props = map[string][]string{}
	}
	for _, p := range rules.Vocabulary() {
		if ctx.Command.Param(p.Name) == nil || !ctx.Has(p.Name) {
			continue
		}
		vals, rec, err := convert(ctx, tx, p)
		if err != nil {
			return err
		}
		if rec != nil {
			return &argError{rec: rec}
		}
		if len(vals) == 0 {
			delete(r.Props, p.Name)
		} else {
			r.Props[p.Name] = vals
		}
	}
	return nil
}

// convert reads the argument of one rule property as the store keeps it.
func convert(ctx *command.Context, tx *store.Tx, p rules.Property) ([]string, *object.ErrorRecord, error) {
	v := object.Unwrap(ctx.Value(p.Name))
	if v == nil {
		return nil, nil, nil
	}
	bad := func(s string) *object.ErrorRecord {
		return exo.Error(ctx, exArgument, fmt.Sprintf("The value \"%s\" isn't valid for the %s parameter.", s, p.Name), object.InvalidArgument, s)
	}
	switch p.Kind {
	case rules.KindBool:
		if ctx.Bool(p.Name) {
			return []string{"True"}, nil, nil
		}
		return nil, nil, nil
	case rules.KindWords:
		return exo.ValueStrings(v), nil, nil
	case rules.KindString:
		s := strings.TrimSpace(object.ToInvariantString(v))
		if s == "" {
			return nil, nil, nil
		}
		return []string{s}, nil, nil
	case rules.KindEnum, rules.KindEnumList:
		var out []string
		for _, s := range exo.ValueStrings(v) {
			canon := ""
			for _, x := range p.Values {
				if strings.EqualFold(x, s) {
					canon = x
				}
			}
			if canon == "" {
				return nil, bad(s), nil
			}
			if !exo.ContainsFold(out, canon) {
				out = append(out, canon)
			}
		}
		if p.Kind == rules.KindEnum && len(out) > 1 {
			return nil, bad(strings.Join(out, ",")), nil
		}
		return out, nil, nil
	case rules.KindDate:
		t, ok := ctx.Time(p.Name)
		if !ok {
			if t, ok = dates.ParseInvariant(object.ToInvariantString(v)); !ok {
				return nil, bad(object.ToInvariantString(v)), nil
			}
		}
		return []string{t.UTC().Format(time.RFC3339)}, nil, nil
	case rules.KindSize:
		n, ok := exo.ParseByteSize(v)
		if !ok {
			return nil, bad(object.ToInvariantString(v)), nil
		}
		return []string{strconv.FormatInt(n, 10)}, nil, nil
	case rules.KindFolder:
		f, rec, err := folderperms.ResolveFolder(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		return []string{f.Mailbox.Guid + ":" + f.Path}, nil, nil
	case rules.KindRecipients:
		var out []string
		for _, s := range exo.ValueStrings(v) {
			ref, rec, err := recipientRef(ctx, tx, s)
			if err != nil || rec != nil {
				return nil, rec, err
			}
			if !exo.ContainsFold(out, ref) {
				out = append(out, ref)
			}
		}
		return out, nil, nil
	}
	return nil, nil, fmt.Errorf("inboxrules: no conversion for %s", p.Kind)
}

// recipientRef resolves a recipient of a rule: a mailbox, mail user or
// mail-enabled group of the directory ("EX:<id>"), or else an address
// outside it ("SMTP:<address>").
func recipientRef(ctx *command.Context, tx *store.Tx, s string) (string, *object.ErrorRecord, error) {
	r, rec, err := mailbox.FindRecipient(ctx, tx, s, s)
	switch {
	case err != nil || rec != nil:
		return "", rec, err
	case r.Mailbox != nil:
		return "EX:" + r.Mailbox.Guid, nil, nil
	case r.Group != nil:
		return "EX:" + r.Group.Guid, nil, nil
	}
	addr := strings.TrimPrefix(strings.TrimPrefix(s, "smtp:"), "SMTP:")
	if at := strings.Index(addr, "@"); at > 0 && at < len(addr)-1 && !strings.ContainsAny(addr, " ,;") {
		return "SMTP:" + addr, nil, nil
	}
	return "", exo.RecipientNotFound(ctx, s), nil
}

func newInboxRule(ctx *command.Context) error {
	var m *directory.Mailbox
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		m, rec, err = callMailbox(ctx, tx)
		return rec, err
	}
	name := ctx.String("Name")
	var out *object.PSObject
	done, err := exo.Confirmed(ctx, "", plan, func() (string, string) {
		return fmt.Sprintf("Creating inbox rule \"%s\" for mailbox \"%s\".", name, m.Identity()), name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		r := &rules.Rule{MailboxGuid: m.Guid, Name: name, Enabled: true, Priority: ctx.Int("Priority")}
		if ctx.Has("Priority") && r.Priority < 1 {
			list, err := rules.List(tx, m.Guid)
			if err != nil {
				return nil, err
			}
			return refusal(ctx, &rules.PriorityError{Priority: r.Priority, Max: len(list) + 1})
		}
		if err := applyArgs(ctx, tx, m, r); err != nil {
			return refusal(ctx, err)
		}
		r, err := rules.Create(tx, r)
		if err != nil {
			return refusal(ctx, err)
		}
		out = newRenderer(tx, "").object(m, r)
		return nil, nil
	})
	if err != nil || !done || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// refusal words an error of the rules as Exchange's error record; other
// errors end the command.
func refusal(ctx *command.Context, err error) (*object.ErrorRecord, error) {
	var ae *argError
	var pe *rules.PriorityError
	var se *rules.SizeRangeError
	switch {
	case errors.As(err, &ae):
		return ae.rec, nil
	case errors.As(err, &pe):
		return exo.Error(ctx, exArgument, fmt.Sprintf("The priority %d isn't valid. Specify a value from 1 to %d.", pe.Priority, pe.Max), object.InvalidArgument, pe.Priority), nil
	case errors.As(err, &se):
		return exo.Error(ctx, exArgument, se.Error(), object.InvalidArgument, nil), nil
	}
	return nil, err
}

func setInboxRule(ctx *command.Context) error {
	return confirmRule(ctx, "Setting Inbox rule \"%s\" for mailbox \"%s\".", func(tx *store.Tx, m *directory.Mailbox, r *rules.Rule) (*object.ErrorRecord, error) {
		if ctx.Has("Name") {
			r.Name = ctx.String("Name")
		}
		if ctx.Has("Priority") {
			r.Priority = ctx.Int("Priority")
		}
		if err := applyArgs(ctx, tx, m, r); err != nil {
			return refusal(ctx, err)
		}
		return refusal(ctx, rules.Update(tx, r))
	})
}

// confirmRule changes the rule -Identity names, asking first (see
// exo.Confirmed): form words the question from the rule's name and its
// mailbox's identity, apply changes the rule in the write transaction.
func confirmRule(ctx *command.Context, form string, apply func(tx *store.Tx, m *directory.Mailbox, r *rules.Rule) (*object.ErrorRecord, error)) error {
	var m *directory.Mailbox
	var r *rules.Rule
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		m, r, rec, err = findRule(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf(form, r.Name, m.Identity()), ruleIdentity(m, r)
	}, func(tx *store.Tx) (*object.ErrorRecord, error) { return apply(tx, m, r) })
	return err
}

// changeRule removes, enables or disables the rule -Identity names.
func changeRule(ctx *command.Context, op string) error {
	// Exchange's wording: "inbox" in lower case here, and a rule is
	// removed from a mailbox but enabled or disabled for it.
	form := map[string]string{"remove": "Removing inbox rule \"%s\" from mailbox \"%s\".",
		"enable": "Enabling inbox rule \"%s\" for mailbox \"%s\".", "disable": "Disabling inbox rule \"%s\" for mailbox \"%s\"."}[op]
	return confirmRule(ctx, form, func(tx *store.Tx, m *directory.Mailbox, r *rules.Rule) (*object.ErrorRecord, error) {
		switch op {
		case "remove":
			return nil, rules.Delete(tx, r)
		case "enable":
			r.Enabled = true
		default:
			r.Enabled = false
		}
		return refusal(ctx, rules.Update(tx, r))
	})
}
