// Package defender declares the Exchange Online cmdlets of Microsoft
// Defender for Office 365 that security baselines (ORCA, CIS, ScubaGear,
// Maester) read and set: Safe Links and Safe Attachments policies
// (Get-/New-/Set-/Remove-SafeLinksPolicy and SafeAttachmentPolicy), the
// rules that apply them (*-SafeLinksRule, *-SafeAttachmentRule), the
// rule of the built-in protection policies (Get-/Set-
// ATPBuiltInProtectionRule), the rules of the Standard and Strict preset
// security policies (*-ATPProtectionPolicyRule for Defender's policies,
// *-EOPProtectionPolicyRule for the spam filter, anti-phishing and
// anti-malware policies) and the policy for Office 365 apps
// (Get-/Set-AtpPolicyForO365); with the default views of their output
// objects. The settings are kept and shown; the simulated
// mail flow does not rewrite links or detonate attachments.
package defender

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/defender"
	"github.com/exosim/exosim/store/directory"
)

// The output types of the package's cmdlets.
const (
	TypeSafeLinksPolicy      = "Deserialized.Microsoft.Exchange.Data.Directory.Management.SafeLinksPolicy"
	TypeSafeAttachmentPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.Management.SafeAttachmentPolicy"
	TypeSafeLinksRule        = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SafeLinksRule"
	TypeSafeAttachmentRule   = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SafeAttachmentRule"
	TypeProtectionRule       = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.ProtectionPolicyRule"
	TypeEOPRule              = "Deserialized.Microsoft.Exchange.MessagingPolicies.Rules.Tasks.EOPProtectionPolicyRule"
	TypeAtpPolicy            = "Deserialized.Microsoft.Exchange.Data.Directory.Management.AtpPolicyForO365"
)

// Cmdlets declares the package's cmdlets by name: a session builds a
// group the first time it resolves one of its names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-SafeLinksPolicy", "New-SafeLinksPolicy", "Set-SafeLinksPolicy", "Remove-SafeLinksPolicy"}, Build: safeLinksCommands},
	{Names: []string{"Get-SafeAttachmentPolicy", "New-SafeAttachmentPolicy", "Set-SafeAttachmentPolicy", "Remove-SafeAttachmentPolicy"}, Build: safeAttachmentCommands},
	{Names: []string{"Get-SafeLinksRule", "New-SafeLinksRule", "Set-SafeLinksRule", "Remove-SafeLinksRule", "Enable-SafeLinksRule",
		"Disable-SafeLinksRule"}, Build: safeLinksRuleCommands},
	{Names: []string{"Get-SafeAttachmentRule", "New-SafeAttachmentRule", "Set-SafeAttachmentRule", "Remove-SafeAttachmentRule",
		"Enable-SafeAttachmentRule", "Disable-SafeAttachmentRule"}, Build: safeAttachmentRuleCommands},
	{Names: []string{"Get-ATPProtectionPolicyRule", "New-ATPProtectionPolicyRule", "Set-ATPProtectionPolicyRule", "Remove-ATPProtectionPolicyRule",
		"Enable-ATPProtectionPolicyRule", "Disable-ATPProtectionPolicyRule"}, Build: protectionRuleCommands},
	{Names: []string{"Get-EOPProtectionPolicyRule", "New-EOPProtectionPolicyRule", "Set-EOPProtectionPolicyRule", "Remove-EOPProtectionPolicyRule",
		"Enable-EOPProtectionPolicyRule", "Disable-EOPProtectionPolicyRule"}, Build: eopRuleCommands},
	{Names: []string{"Get-ATPBuiltInProtectionRule", "Set-ATPBuiltInProtectionRule"}, Build: builtInRuleCommands},
	{Names: []string{"Get-AtpPolicyForO365", "Set-AtpPolicyForO365"}, Build: atpCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default tables: policies by name, rules by name,
// state and priority.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeSafeLinksPolicy, TypeNames: []string{TypeSafeLinksPolicy}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "EnableSafeLinksForEmail", Property: "EnableSafeLinksForEmail"},
		{Label: "EnableSafeLinksForTeams", Property: "EnableSafeLinksForTeams"},
		{Label: "EnableSafeLinksForOffice", Property: "EnableSafeLinksForOffice"},
	}})
	r.Add(&format.View{Name: TypeSafeAttachmentPolicy, TypeNames: []string{TypeSafeAttachmentPolicy}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Action", Property: "Action"},
		{Label: "Enable", Property: "Enable"},
	}})
	for _, t := range []string{TypeSafeLinksRule, TypeSafeAttachmentRule, TypeProtectionRule, TypeEOPRule} {
		r.Add(&format.View{Name: t, TypeNames: []string{t}, Kind: format.TableView, Columns: []format.Column{
			{Label: "Name", Property: "Name"},
			{Label: "State", Property: "State"},
			{Label: "Priority", Property: "Priority"},
		}})
	}
	r.Add(&format.View{Name: TypeAtpPolicy, TypeNames: []string{TypeAtpPolicy}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "EnableATPForSPOTeamsODB", Property: "EnableATPForSPOTeamsODB"},
		{Label: "EnableSafeDocs", Property: "EnableSafeDocs"},
	}})
}

// The .NET types of the properties the package's objects show.
const tStr, tBool = "System.String", "System.Boolean"

// The exceptions of the service's errors.
const (
	exNotAllowed    = "Microsoft.Exchange.Management.Tasks.OperationNotAllowedException"
	exAlreadyExists = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	exBinding       = "System.Management.Automation.ParameterBindingException"
)

// identity is the call's -Identity as a string.
func identity(ctx *command.Context) string {
	return strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
}

// edit is one parameter's change of a policy P: it applies the value the
// call gave, or refuses it with the service's error.
type edit[P any] func(tx *store.Tx, p P) *object.ErrorRecord

// policyKind is one kind of policy as its four cmdlets handle it; P is
// a pointer to its record.
type policyKind[P any] struct {
	// words name one policy in questions ("Safe Links policy").
	words       string
	container   string
	list        func(tx *store.Tx) ([]P, error)
	keys        func(p P) (name, guid string)
	builtIn     func(p P) bool
	object      func(o *directory.Organization, p P) *object.PSObject
	fresh       func(name string) P
	clone       func(p P) P
	storeCreate func(tx *store.Tx, p P) error
	storePut    func(tx *store.Tx, p P) error
	storeRemove func(tx *store.Tx, p P) error
	// read reads the call's settings, refusing before the tenant is read
	// the values that fail binding.
	read func(ctx *command.Context) ([]edit[P], error)
}

// configs names the kind's policies: by name, GUID or distinguished name.
func (k *policyKind[P]) configs() *exo.Configs[P] {
	return &exo.Configs[P]{List: k.list, Keys: func(o *directory.Organization, p P) (string, string, string) {
		name, guid := k.keys(p)
		return name, guid, o.ConfigDN(name, k.container)
	}}
}

func (k *policyKind[P]) get(ctx *command.Context) error {
	objs, done, err := k.configs().Read(ctx, k.object)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// apply applies the edits to p; the first refusal stops them.
func apply[P any](tx *store.Tx, p P, edits []edit[P]) *object.ErrorRecord {
	for _, e := range edits {
		if rec := e(tx, p); rec != nil {
			return rec
		}
	}
	return nil
}

// storeRecord words the refusals of the policies' rules as the service
// does; nil for any other error.
func (k *policyKind[P]) storeRecord(ctx *command.Context, o *directory.Organization, err error) *object.ErrorRecord {
	var name *defender.NameInUseError
	switch {
	case errors.As(err, &name):
		return exo.CodedError(ctx, "Ex17CDAE", exAlreadyExists, fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.",
			exo.DomainController(o), o.ConfigDN(name.Name, k.container)), object.ResourceExists, name.Name)
	case errors.Is(err, defender.ErrRemoveBuiltIn):
		return exo.Error(ctx, exNotAllowed, "The built-in protection policy cannot be removed.", object.InvalidOperation, nil)
	}
	return nil
}

func (k *policyKind[P]) create(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := exo.TooLong(ctx, defender.MaxNameLength, name); rec != nil {
		return ctx.Fail(rec)
	}
	edits, err := k.read(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create %s \"%s\".", k.words, name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		p := k.fresh(name)
		if rec := apply(tx, p, edits); rec != nil {
			return rec, nil
		}
		if err := k.storeCreate(tx, p); err != nil {
			if rec := k.storeRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = k.object(o, p)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func (k *policyKind[P]) set(ctx *command.Context) error {
	edits, err := k.read(ctx)
	if err != nil {
		return err
	}
	shown := identity(ctx)
	var p P
	unchanged := false
	_, err = exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		_, p, rec, err = k.configs().Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Configure %s \"%s\".", k.words, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		before := k.clone(p)
		if rec := apply(tx, p, edits); rec != nil {
			return rec, nil
		}
		if reflect.DeepEqual(before, p) {
			unchanged = true
			return nil, nil
		}
		return nil, k.storePut(tx, p)
	})
	if err == nil && unchanged {
		name, _ := k.keys(p)
		exo.WarnUnchanged(ctx, name)
	}
	return err
}

func (k *policyKind[P]) removePolicy(ctx *command.Context) error {
	shown := identity(ctx)
	var p P
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, found, rec, err := k.configs().Find(ctx, tx)
		p = found
		if rec == nil && err == nil && k.builtIn(p) {
			rec = k.storeRecord(ctx, o, defender.ErrRemoveBuiltIn)
		}
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Remove %s \"%s\".", k.words, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, k.storeRemove(tx, p)
	})
	return err
}

// boolEdits reads the call's Boolean settings: each parameter's field.
func boolEdits[P any](ctx *command.Context, fields []boolField[P]) []edit[P] {
	var edits []edit[P]
	for _, b := range fields {
		if !ctx.Has(b.param) {
			continue
		}
		v, field := ctx.Bool(b.param), b.field
		edits = append(edits, func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = v; return nil })
	}
	return edits
}

// boolField is a Boolean parameter and the field it sets.
type boolField[P any] struct {
	param string
	field func(P) *bool
}

// textEdit reads a string parameter of at most max characters into the
// field.
func textEdit[P any](ctx *command.Context, param string, max int, field func(P) *string) ([]edit[P], error) {
	if !ctx.Has(param) {
		return nil, nil
	}
	v := ctx.String(param)
	if rec := exo.TooLong(ctx, max, v); rec != nil {
		return nil, ctx.Fail(rec)
	}
	return []edit[P]{func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = v; return nil }}, nil
}

// enumEdit reads an enumeration parameter (of the .NET type typ) into
// the field, as the enumeration spells its value.
func enumEdit[P any](ctx *command.Context, param, typ string, values []string, field func(P) *string) ([]edit[P], error) {
	var v string
	if rec := exo.EnumArg(ctx, param, typ, values, &v); rec != nil {
		return nil, ctx.Fail(rec)
	}
	if !ctx.Has(param) {
		return nil, nil
	}
	return []edit[P]{func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = v; return nil }}, nil
}
