package inboxrules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/folderperms"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	sweep "github.com/exosim/exosim/store/sweeprules"
)

// TypeSweepRule is the output type of the Sweep rules.
const TypeSweepRule = "Deserialized.Microsoft.Exchange.Management.Common.SweepRule"

// The folders a Sweep rule uses when the call names none: it sweeps the
// Inbox into Deleted Items (the reference pages of New-SweepRule).
const (
	defaultSweepSource      = "/Inbox"
	defaultSweepDestination = "/Deleted Items"
)

// sweepViews registers the table of the Sweep rules: name, state and
// RuleId, as wide as their values.
func sweepViews(r *format.Registry) {
	r.Add(&format.View{Name: TypeSweepRule, TypeNames: []string{TypeSweepRule}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Enabled", Property: "Enabled"},
		{Label: "RuleId", Property: "RuleId"},
	}})
}

// sweepExampleRule makes the rule the examples change: the tenant has
// no Sweep rules until one is made.
const sweepExampleRule = "$null = New-SweepRule Newsletters -Mailbox annb -Provider Exchange16 -Sender news@contoso.com -KeepLatest 10"

func sweepCommands() []*command.Command {
	help := map[string]string{
		"Identity":          "The rule: its name or RuleId, in the mailbox of -Mailbox (default your own), or mailbox\\RuleId.",
		"Mailbox":           "The mailbox whose Sweep rules these are (default: your own).",
		"Name":              "The rule's name (at most 512 characters).",
		"Provider":          "The rule's provider; Outlook on the web uses Exchange16.",
		"Sender":            "Condition: messages from this sender (of the directory, or an outside address); $null clears it.",
		"SystemCategory":    "Condition: messages of this system category; $null clears it.",
		"SourceFolder":      "The folder the rule sweeps, mailbox:\\folder (default the Inbox); it must exist.",
		"DestinationFolder": "Where swept messages go, mailbox:\\folder (default Deleted Items); it must exist.",
		"KeepForDays":       "Keeps the messages of the last this many days; not with -KeepLatest.",
		"KeepLatest":        "Keeps the latest this many messages; not with -KeepForDays.",
		"Enabled":           "Whether the rule runs (default $true).",
		"BypassScopeCheck":  "Accepted; the whole organization is in scope.",
		"ResultSize":        "How many rules to show (default 1000) or Unlimited.",
		"SkipCount":         "Leaves out this many rules first.",
	}
	get := exo.Declared("Get-SweepRule")
	get.Synopsis = "Lists the Sweep rules of a mailbox (your own without -Mailbox), in the order they were made."
	get.OutputType = TypeSweepRule
	get.Examples = []command.Example{
		{Code: "Get-SweepRule -Mailbox annb", Remark: "Lists Anne's Sweep rules."},
		{Code: "Get-Mailbox -ResultSize Unlimited | ForEach-Object { Get-SweepRule -Mailbox $_.UserPrincipalName } | Format-List Name, Sender, SourceFolder, DestinationFolder, KeepForDays, KeepLatest", Remark: "Audits every mailbox's Sweep rules."},
	}
	get.Handler.Process = getSweepRules

	newRule := exo.Declared("New-SweepRule")
	newRule.Synopsis = "Creates a Sweep rule in a mailbox: the messages of a sender or category that it keeps, by count or by age."
	newRule.OutputType = TypeSweepRule
	newRule.ConfirmImpact = command.ImpactMedium
	newRule.Examples = []command.Example{
		{Code: "New-SweepRule -Name Newsletters -Mailbox annb -Provider Exchange16 -Sender news@contoso.com -DestinationFolder 'annb:\\Archive' -KeepLatest 10", Remark: "Keeps the ten latest newsletters in the Inbox and moves older ones to Archive."},
	}
	newRule.Handler.Process = newSweepRule

	set := exo.Declared("Set-SweepRule")
	set.Synopsis = "Changes a Sweep rule; -KeepForDays or -KeepLatest replaces the other."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: sweepExampleRule + "; Set-SweepRule Newsletters -Mailbox annb -KeepForDays 30", Remark: "Makes a rule, then keeps a month of newsletters instead of a count."}}
	set.Handler.Process = func(ctx *command.Context) error { return changeSweepRule(ctx, "set") }

	remove := exo.Declared("Remove-SweepRule")
	remove.Synopsis = "Removes a Sweep rule."
	remove.ConfirmImpact = command.ImpactHigh
	remove.Examples = []command.Example{{Code: "Get-SweepRule -Mailbox annb | Remove-SweepRule -Confirm:$false", Remark: "Removes all of Anne's Sweep rules."}}
	remove.Handler.Process = func(ctx *command.Context) error { return changeSweepRule(ctx, "remove") }

	enable := exo.Declared("Enable-SweepRule")
	enable.Synopsis = "Turns a Sweep rule on."
	enable.ConfirmImpact = command.ImpactMedium
	enable.Examples = []command.Example{{Code: sweepExampleRule + " -Enabled $false; Enable-SweepRule Newsletters -Mailbox annb", Remark: "Makes a rule turned off, then turns it on."}}
	enable.Handler.Process = func(ctx *command.Context) error { return changeSweepRule(ctx, "enable") }

	disable := exo.Declared("Disable-SweepRule")
	disable.Synopsis = "Turns a Sweep rule off without removing it."
	disable.ConfirmImpact = command.ImpactMedium
	disable.Examples = []command.Example{{Code: sweepExampleRule + "; Disable-SweepRule Newsletters -Mailbox annb", Remark: "Makes a rule, then stops it without removing it."}}
	disable.Handler.Process = func(ctx *command.Context) error { return changeSweepRule(ctx, "disable") }

	out := []*command.Command{get, newRule, set, remove, enable, disable}
	for _, c := range out {
		h := map[string]string{}
		for k, v := range help {
			if c.Param(k) != nil {
				h[k] = v
			}
		}
		exo.Describe(c, h)
	}
	return out
}

// findSweepRule finds the Sweep rule -Identity names: its name or RuleId
// in the mailbox of -Mailbox (default the caller's), or mailbox\RuleId.
func findSweepRule(ctx *command.Context, tx *store.Tx) (*directory.Mailbox, *sweep.Rule, *object.ErrorRecord, error) {
	return findByIDOrName(ctx, tx, sweep.List, func(r *sweep.Rule) (string, string) { return r.RuleID, r.Name })
}

// sweepIdentity is a Sweep rule's Identity: its mailbox's alias and its
// RuleId (the reference's MailboxAlias\RuleID).
func sweepIdentity(m *directory.Mailbox, r *sweep.Rule) string {
	return m.Alias + `\` + r.RuleID
}

// sweepFolder shows a stored folder of a rule as its path in the
// mailbox, without the mailbox (Inbox, Inbox\Misc).
func sweepFolder(ref string) string {
	_, path, _ := strings.Cut(ref, ":")
	return strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", `\`)
}

// sweepObject is the Get-SweepRule object of a rule of mailbox m.
func (rv *renderer) sweepObject(m *directory.Mailbox, r *sweep.Rule) *object.PSObject {
	o := object.NewObject(TypeSweepRule, "Deserialized.Microsoft.Exchange.Data.ConfigurableObject", "Deserialized.System.Object")
	id := sweepIdentity(m, r)
	var sender, category, days, latest any
	if r.Sender != "" {
		sender = rv.recipient(r.Sender)
	}
	if r.SystemCategory != "" {
		category = r.SystemCategory
	}
	if r.KeepForDays > 0 {
		days = r.KeepForDays
	}
	if r.KeepLatest > 0 {
		latest = r.KeepLatest
	}
	o.AddTyped("Name", "System.String", r.Name)
	o.AddTyped("Provider", "System.String", r.Provider)
	o.AddTyped("RuleId", "System.String", r.RuleID)
	o.AddTyped("Enabled", "System.Boolean", r.Enabled)
	o.AddTyped("Sender", "System.String", sender)
	o.AddTyped("SystemCategory", "System.String", category)
	o.AddTyped("SourceFolder", "System.String", sweepFolder(r.SourceFolder))
	o.AddTyped("DestinationFolder", "System.String", sweepFolder(r.DestinationFolder))
	o.AddTyped("KeepForDays", "System.Nullable`1[[System.Int32]]", days)
	o.AddTyped("KeepLatest", "System.Nullable`1[[System.Int32]]", latest)
	o.AddTyped("MailboxOwnerId", "System.String", m.Name)
	o.AddTyped("Identity", "System.String", id)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "System.String", "Unchanged")
	o.ToStringFunc = func() string { return id }
	return o
}

// callMailbox is the mailbox a call's -Mailbox names, or the caller's.
func callMailbox(ctx *command.Context, tx *store.Tx) (*directory.Mailbox, *object.ErrorRecord, error) {
	var arg any
	if ctx.Has("Mailbox") {
		arg = ctx.Value("Mailbox")
	}
	return targetMailbox(ctx, tx, arg)
}

func getSweepRules(ctx *command.Context) error {
	var objs []*object.PSObject
	return mailbox.ReadLimited(ctx, &objs, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, list, rec, err := rulesOfCall(ctx, tx, findSweepRule, sweep.List)
		if err != nil || rec != nil {
			return rec, err
		}
		rv := newRenderer(tx, "")
		list = skipped(ctx, list)
		for _, r := range list {
			if ctx.Has("Provider") && !strings.EqualFold(r.Provider, ctx.String("Provider")) {
				continue
			}
			objs = append(objs, rv.sweepObject(m, r))
		}
		return nil, nil
	})
}

// applySweepArgs sets the rule settings the call names. A count of
// KeepForDays or KeepLatest replaces the other; one below 1 is refused.
func applySweepArgs(ctx *command.Context, tx *store.Tx, m *directory.Mailbox, r *sweep.Rule) (*object.ErrorRecord, error) {
	bad := func(param string, v any) *object.ErrorRecord {
		s := object.ToInvariantString(v)
		return exo.Error(ctx, exArgument, fmt.Sprintf("The value \"%s\" isn't valid for the %s parameter.", s, param), object.InvalidArgument, s)
	}
	if ctx.Has("Name") {
		r.Name = ctx.String("Name")
	}
	if ctx.Has("Provider") {
		r.Provider = strings.TrimSpace(ctx.String("Provider"))
		if r.Provider == "" {
			return bad("Provider", ""), nil
		}
	}
	if ctx.Has("Enabled") {
		r.Enabled = ctx.Bool("Enabled")
	}
	if ctx.Has("Sender") {
		r.Sender = ""
		if v := object.Unwrap(ctx.Value("Sender")); v != nil {
			s := object.ToInvariantString(v)
			ref, rec, err := recipientRef(ctx, tx, s)
			if err != nil || rec != nil {
				return rec, err
			}
			r.Sender = ref
		}
	}
	if ctx.Has("SystemCategory") {
		r.SystemCategory = ""
		if v := object.Unwrap(ctx.Value("SystemCategory")); v != nil {
			s := object.ToInvariantString(v)
			for _, c := range sweep.SystemCategories {
				if strings.EqualFold(c, s) {
					r.SystemCategory = c
				}
			}
			if r.SystemCategory == "" {
				return bad("SystemCategory", s), nil
			}
		}
	}
	for _, p := range []struct {
		name string
		to   *string
	}{{"SourceFolder", &r.SourceFolder}, {"DestinationFolder", &r.DestinationFolder}} {
		if !ctx.Has(p.name) {
			continue
		}
		f, rec, err := folderperms.ResolveFolder(ctx, tx, ctx.Value(p.name))
		if err != nil || rec != nil {
			return rec, err
		}
		if f.Mailbox.Guid != m.Guid {
			return exo.Error(ctx, exArgument, fmt.Sprintf("The folder '%s' isn't in the mailbox '%s' of the Sweep rule.", f.Shown, m.Identity()), object.InvalidArgument, f.Shown), nil
		}
		*p.to = m.Guid + ":" + f.Path
	}
	if strings.EqualFold(r.SourceFolder, r.DestinationFolder) {
		return exo.Error(ctx, exArgument, "The source folder and the destination folder of a Sweep rule can't be the same folder.", object.InvalidArgument, sweepFolder(r.SourceFolder)), nil
	}
	days, latest := ctx.Has("KeepForDays"), ctx.Has("KeepLatest")
	if days && latest {
		return sweepRefusal(ctx, &sweep.KeepError{Both: true})
	}
	if days {
		if n := ctx.Int("KeepForDays"); n < 1 {
			return bad("KeepForDays", n), nil
		}
		r.KeepForDays, r.KeepLatest = ctx.Int("KeepForDays"), 0
	}
	if latest {
		if n := ctx.Int("KeepLatest"); n < 1 {
			return bad("KeepLatest", n), nil
		}
		r.KeepLatest, r.KeepForDays = ctx.Int("KeepLatest"), 0
	}
	return nil, nil
}

// sweepRefusal words an error of the Sweep rules as Exchange's error
// record; other errors end the command.
func sweepRefusal(ctx *command.Context, err error) (*object.ErrorRecord, error) {
	var ke *sweep.KeepError
	var ve *store.ValidationError
	switch {
	case errors.As(err, &ke):
		return exo.Error(ctx, exArgument, ke.Error(), object.InvalidArgument, nil), nil
	case errors.As(err, &ve):
		return exo.Error(ctx, exArgument, ve.Message, object.InvalidArgument, nil), nil
	}
	return nil, err
}

func newSweepRule(ctx *command.Context) error {
	var m *directory.Mailbox
	name := ctx.String("Name")
	var out *object.PSObject
	done, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		m, rec, err = callMailbox(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Creating sweep rule \"%s\" for mailbox \"%s\".", name, m.Identity()), name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		r := &sweep.Rule{MailboxGuid: m.Guid, Enabled: true, SourceFolder: m.Guid + ":" + defaultSweepSource, DestinationFolder: m.Guid + ":" + defaultSweepDestination}
		if rec, err := applySweepArgs(ctx, tx, m, r); err != nil || rec != nil {
			return rec, err
		}
		r, err := sweep.Create(tx, r)
		if err != nil {
			return sweepRefusal(ctx, err)
		}
		out = newRenderer(tx, "").sweepObject(m, r)
		return nil, nil
	})
	if err != nil || !done || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}

// changeSweepRule changes, removes, enables or disables the Sweep rule
// -Identity names, asking first.
func changeSweepRule(ctx *command.Context, op string) error {
	form := map[string]string{"set": "Setting sweep rule \"%s\" for mailbox \"%s\".", "remove": "Removing sweep rule \"%s\" from mailbox \"%s\".",
		"enable": "Enabling sweep rule \"%s\" for mailbox \"%s\".", "disable": "Disabling sweep rule \"%s\" for mailbox \"%s\"."}[op]
	var m *directory.Mailbox
	var r *sweep.Rule
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		m, r, rec, err = findSweepRule(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf(form, r.Name, m.Identity()), sweepIdentity(m, r)
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		switch op {
		case "remove":
			return nil, sweep.Delete(tx, r)
		case "enable":
			r.Enabled = true
		case "disable":
			r.Enabled = false
		default:
			if rec, err := applySweepArgs(ctx, tx, m, r); err != nil || rec != nil {
				return rec, err
			}
		}
		return sweepRefusal(ctx, sweep.Update(tx, r))
	})
	return err
}
