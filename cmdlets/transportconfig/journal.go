package transportconfig

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
	tc "github.com/exosim/exosim/store/transportconfig"
)

// TypeJournalRule is the output type of Get-JournalRule.
const TypeJournalRule = "Deserialized.Microsoft.Exchange.MessagingPolicies.Journaling.JournalRuleObject"

// journalContainer is the container of the journal rules.
const journalContainer = "CN=JournalingVersioned,CN=Rules,CN=Transport Settings"

// Views registers the default table of journal rules: name, whose mail,
// where the reports go, scope and whether the rule is on.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeJournalRule, TypeNames: []string{TypeJournalRule}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Recipient", Property: "Recipient"},
		{Label: "JournalEmailAddress", Property: "JournalEmailAddress"},
		{Label: "Scope", Property: "Scope"},
		{Label: "Enabled", Property: "Enabled"},
	}})
}

func journalCommands() []*command.Command {
	help := map[string]string{
		"Identity":            "The rule: its name or GUID.",
		"Name":                "A unique name for the rule (up to 64 characters).",
		"JournalEmailAddress": "Where journal reports go: a mail user of the organization or an outside address (not an Exchange Online mailbox).",
		"Recipient":           "The address whose sent and received mail is journaled ($null: everyone's).",
		"Scope":               "Global (default: every message), Internal or External.",
		"Enabled":             "Whether the rule journals ($false by default).",
	}
	get := exo.Declared("Get-JournalRule")
	get.Synopsis = "Lists the journal rules: whose mail is journaled, in which scope, and where the reports go."
	get.OutputType = TypeJournalRule
	get.Examples = []command.Example{{Code: "Get-JournalRule | Format-List Name,Recipient,JournalEmailAddress,Scope,Enabled", Remark: "Every journal rule."}}
	exo.Describe(get, map[string]string{"Identity": "The rule: name (* is a wildcard) or GUID."})
	get.Handler.Process = getJournalRules

	nw := exo.Declared("New-JournalRule")
	nw.Synopsis = "Creates a journal rule (disabled unless -Enabled $true)."
	nw.OutputType = TypeJournalRule
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-JournalRule -Name "Finance" -JournalEmailAddress journal@fabrikam.com -Recipient finance@contoso.com -Scope Global -Enabled $true`, Remark: "Journals finance@contoso.com's mail to an outside archive."}}
	exo.DescribeDeclared(nw, help, "Identity")
	nw.Handler.Process = newJournalRule

	set := exo.Declared("Set-JournalRule")
	set.Synopsis = "Changes a journal rule."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `New-JournalRule -Name Finance -JournalEmailAddress journal@fabrikam.com | Out-Null; Set-JournalRule Finance -Scope External`, Remark: "Journals only the rule's mail to and from outside."}}
	exo.DescribeDeclared(set, help, "Enabled")
	set.Handler.Process = setJournalRule

	remove := exo.Declared("Remove-JournalRule")
	remove.Synopsis = "Removes a journal rule."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"]})
	remove.Handler.Process = func(ctx *command.Context) error {
		return changeJournalRule(ctx, "Remove journal rule", func(tx *store.Tx, r *tc.JournalRule) error { return tc.RemoveJournalRule(tx, r) })
	}

	enable := exo.Declared("Enable-JournalRule")
	enable.Synopsis = "Turns a journal rule on."
	enable.ConfirmImpact = command.ImpactMedium
	exo.Describe(enable, map[string]string{"Identity": help["Identity"]})
	enable.Handler.Process = func(ctx *command.Context) error { return switchJournalRule(ctx, true) }

	disable := exo.Declared("Disable-JournalRule")
	disable.Synopsis = "Turns a journal rule off."
	disable.ConfirmImpact = command.ImpactMedium
	exo.Describe(disable, map[string]string{"Identity": help["Identity"]})
	disable.Handler.Process = func(ctx *command.Context) error { return switchJournalRule(ctx, false) }
	return []*command.Command{get, nw, set, remove, enable, disable}
}

// journalObject is the Get-JournalRule object of a rule.
func journalObject(o *directory.Organization, r *tc.JournalRule) *object.PSObject {
	obj := exo.HygieneObject(TypeJournalRule)
	obj.AddTyped("Recipient", tStr, exo.NilIfEmpty(r.Recipient))
	obj.AddTyped("JournalEmailAddress", tStr, r.JournalEmailAddress)
	obj.AddTyped("Scope", tStr, r.Scope)
	obj.AddTyped("Enabled", tBool, r.Enabled)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: r.Name, Guid: r.Guid, Container: journalContainer, Version: "0.1 (8.0.535.0)",
		Category: "ms-Exch-Transport-Rule", Class: "msExchTransportRule", Created: r.WhenCreated, Changed: r.WhenChanged})
	return obj
}

// journalRules names journal rules: by name, GUID or distinguished name.
var journalRules = exo.Configs[*tc.JournalRule]{List: tc.ListJournalRules, Keys: func(o *directory.Organization, r *tc.JournalRule) (name, guid, dn string) {
	return r.Name, r.Guid, o.ConfigDN(r.Name, journalContainer)
}}

func getJournalRules(ctx *command.Context) error {
	objs, done, err := journalRules.Read(ctx, journalObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// journalEdit is one parameter's change of a rule.
type journalEdit func(tx *store.Tx, r *tc.JournalRule) (*object.ErrorRecord, error)

// readJournalRule checks the call's arguments and returns the changes
// they make; the journal address is resolved in the transaction.
func readJournalRule(ctx *command.Context) ([]journalEdit, error) {
	var edits []journalEdit
	if ctx.Has("Name") {
		v := strings.TrimSpace(ctx.String("Name"))
		if rec := exo.TooLong(ctx, tc.MaxJournalRuleNameLength, v); rec != nil {
			return nil, ctx.Fail(rec)
		}
		edits = append(edits, func(_ *store.Tx, r *tc.JournalRule) (*object.ErrorRecord, error) { r.Name = v; return nil, nil })
	}
	if ctx.Has("Scope") {
		var v string
		if rec := exo.EnumArg(ctx, "Scope", "Microsoft.Exchange.MessagingPolicies.Journaling.JournalRuleScope", tc.JournalScopes, &v); rec != nil {
			return nil, ctx.Fail(rec)
		}
		edits = append(edits, func(_ *store.Tx, r *tc.JournalRule) (*object.ErrorRecord, error) { r.Scope = v; return nil, nil })
	}
	if ctx.Has("Enabled") {
		v := ctx.Bool("Enabled")
		edits = append(edits, func(_ *store.Tx, r *tc.JournalRule) (*object.ErrorRecord, error) { r.Enabled = v; return nil, nil })
	}
	if ctx.Has("Recipient") {
		v := ""
		if x := object.Unwrap(ctx.Value("Recipient")); x != nil {
			v = strings.TrimSpace(object.ToInvariantString(x))
		}
		if v != "" {
			if _, rec := textValue(ctx, "Recipient", "address"); rec != nil {
				return nil, ctx.Fail(rec)
			}
		}
		edits = append(edits, func(_ *store.Tx, r *tc.JournalRule) (*object.ErrorRecord, error) { r.Recipient = v; return nil, nil })
	}
	if ctx.Has("JournalEmailAddress") {
		id, shown := mailbox.IdentityString(ctx.Value("JournalEmailAddress"))
		edits = append(edits, func(tx *store.Tx, r *tc.JournalRule) (*object.ErrorRecord, error) {
			v, rec, err := journalAddress(ctx, tx, id, shown)
			if rec != nil || err != nil {
				return rec, err
			}
			r.JournalEmailAddress = v
			return nil, nil
		})
	}
	return edits, nil
}

// journalAddress resolves a journal address: a mail user of the
// organization (its name), else an outside address; an Exchange Online
// mailbox can't take journal reports.
func journalAddress(ctx *command.Context, tx *store.Tx, id, shown string) (string, *object.ErrorRecord, error) {
	m, rec, err := mailbox.ResolveOne(ctx, tx, id, shown, directory.ScopeActive, true)
	if err != nil {
		return "", nil, err
	}
	if rec == nil {
		if !m.IsMailUser() {
			return "", exo.Invalid(ctx, fmt.Sprintf("The journal email address \"%s\" is an Exchange Online mailbox; journal reports can't be delivered to an Exchange Online mailbox.", shown), shown), nil
		}
		return m.Name, nil, nil
	}
	if strings.LastIndexByte(id, '@') > 0 && junkemail.ValidEntry(id) {
		return id, nil, nil
	}
	return "", rec, nil
}

func applyJournal(tx *store.Tx, r *tc.JournalRule, edits []journalEdit) (*object.ErrorRecord, error) {
	for _, e := range edits {
		if rec, err := e(tx, r); rec != nil || err != nil {
			return rec, err
		}
	}
	return nil, nil
}

// journalRecord words a refusal of the journal rule rules; nil for any
// other error.
func journalRecord(ctx *command.Context, o *directory.Organization, err error) *object.ErrorRecord {
	if name, ok := err.(*tc.JournalRuleNameInUseError); ok {
		return exo.AlreadyExists(ctx, o, o.ConfigDN(name.Name, journalContainer), name.Name)
	}
	return nil
}

func newJournalRule(ctx *command.Context) error {
	name := strings.TrimSpace(ctx.String("Name"))
	edits, err := readJournalRule(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create journal rule \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		r := tc.NewJournalRule(name, "")
		if rec, err := applyJournal(tx, r, edits); rec != nil || err != nil {
			return rec, err
		}
		if err := tc.PutJournalRule(tx, r); err != nil {
			if rec := journalRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = journalObject(o, r)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func setJournalRule(ctx *command.Context) error {
	edits, err := readJournalRule(ctx)
	if err != nil {
		return err
	}
	unchanged := ""
	err = changeJournalRule(ctx, "Configure journal rule", func(tx *store.Tx, r *tc.JournalRule) error {
		before := *r
		if rec, err := applyJournal(tx, r, edits); rec != nil || err != nil {
			if rec != nil {
				return errRefused{rec}
			}
			return err
		}
		if *r == before {
			unchanged = r.Name
			return nil
		}
		return tc.PutJournalRule(tx, r)
	})
	if err == nil && unchanged != "" {
		exo.WarnUnchanged(ctx, unchanged)
	}
	return err
}

func switchJournalRule(ctx *command.Context, on bool) error {
	action := "Disable journal rule"
	if on {
		action = "Enable journal rule"
	}
	return changeJournalRule(ctx, action, func(tx *store.Tx, r *tc.JournalRule) error {
		if r.Enabled == on {
			return nil
		}
		r.Enabled = on
		return tc.PutJournalRule(tx, r)
	})
}

// errRefused carries a refusal out of a change.
type errRefused struct{ rec *object.ErrorRecord }

func (e errRefused) Error() string { return e.rec.String() }

// changeJournalRule finds the rule -Identity names, asks as action, and
// changes it in one write.
func changeJournalRule(ctx *command.Context, action string, change func(tx *store.Tx, r *tc.JournalRule) error) error {
	_, shown := mailbox.IdentityString(ctx.Value("Identity"))
	var r *tc.JournalRule
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := journalRules.Find(ctx, tx)
		r = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("%s \"%s\".", action, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		err = change(tx, r)
		if refused, ok := err.(errRefused); ok {
			return refused.rec, nil
		}
		if rec := journalRecord(ctx, o, err); rec != nil {
			return rec, nil
		}
		return nil, err
	})
	return err
}
