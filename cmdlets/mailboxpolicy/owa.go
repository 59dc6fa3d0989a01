package mailboxpolicy

import (
	"fmt"
	"strconv"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// TypeOwaMailboxPolicy is the output type of Get-OwaMailboxPolicy.
const TypeOwaMailboxPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.OwaMailboxPolicy"

// enumNS is the namespace of the enumerations of the policies' settings.
const enumNS = "Microsoft.Exchange.Data.Directory.SystemConfiguration."

// owaKind is how the cmdlets name and refuse Outlook on the web mailbox
// policies. The refusal to remove a policy mailboxes follow is the
// service's; that of the default one is worded after it.
var owaKind = kind{container: exo.OwaPoliciesContainer,
	removeDefault: "Couldn't delete the default mailbox policy. Make another policy the default policy (Set-OwaMailboxPolicy -IsDefault) first.",
	inUse:         "Couldn't delete mailbox policy %s because it is associated with users"}

// OwaPolicies are the Outlook on the web mailbox policies as an identity
// names them: by name, GUID or distinguished name.
var OwaPolicies = exo.Configs[*mp.OwaPolicy]{List: func(tx *store.Tx) ([]*mp.OwaPolicy, error) { return mp.OwaPolicies.List(tx) }, Keys: func(o *directory.Organization, p *mp.OwaPolicy) (string, string, string) {
	return p.Name, p.Guid, owaKind.dn(o, p.Name)
}}

// owaParams are the parameters of Set-OwaMailboxPolicy that are not
// settings of the table.
var owaParams = [...]string{"Identity", "Name", "IsDefault", "DisableFacebook", "Confirm", "WhatIf"}

func owaCommands() []*command.Command {
	get := exo.Declared("Get-OwaMailboxPolicy")
	get.Synopsis = "Lists the Outlook on the web mailbox policies: which features of Outlook on the web their mailboxes have."
	get.OutputType = TypeOwaMailboxPolicy
	get.Examples = []command.Example{
		{Code: "Get-OwaMailboxPolicy", Remark: "Lists the policies; OwaMailboxPolicy-Default is every organization's."},
		{Code: "Get-OwaMailboxPolicy OwaMailboxPolicy-Default | Format-List AdditionalStorageProvidersAvailable,ConditionalAccessPolicy", Remark: "Shows whether users may attach files from other storage providers."},
	}
	exo.Describe(get, map[string]string{"Identity": "The policy: name (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = getOwa

	set := exo.Declared("Set-OwaMailboxPolicy")
	set.Synopsis = "Changes an Outlook on the web mailbox policy: its features, its name, whether it is the default."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-OwaMailboxPolicy OwaMailboxPolicy-Default -AdditionalStorageProvidersAvailable $false", Remark: "Stops users from attaching files from other storage providers."},
		{Code: "Set-OwaMailboxPolicy OwaMailboxPolicy-Default -AllowedFileTypes @{Add='.csv'}", Remark: "Lets users save or view .csv attachments too."},
	}
	help := map[string]string{
		"Identity":        "The policy: name, distinguished name or GUID.",
		"Name":            "A new, unique name for the policy (at most 64 characters).",
		"IsDefault":       "Makes the policy the default one.",
		"DisableFacebook": "Turns Facebook integration off (-DisableFacebook:$false turns it back on).",
	}
	for i := range mp.OwaSettings {
		s := &mp.OwaSettings[i]
		if s.Fixed || s.Kind == mp.IsDefault {
			continue
		}
		help[s.Name] = settingHelp(s)
	}
	exo.Describe(set, help)
	set.Handler.Process = setOwa
	return []*command.Command{get, set, newOwaCommand(), removeOwaCommand()}
}

// settingHelp is the one-line help of a setting's parameter.
func settingHelp(s *mp.Setting) string {
	switch s.Kind {
	case mp.Enum:
		return fmt.Sprintf("One of %v (default %s).", s.Values, s.Default)
	case mp.List:
		return "A list replaces the values; @{Add=...;Remove=...} changes them."
	case mp.Int:
		return "A number (default " + s.Default + ")."
	case mp.Text:
		return "A text; $null clears it."
	}
	if s.Default == "" {
		return "$true or $false."
	}
	return "$true or $false (default $" + s.Default + ")."
}

// boolText is a Boolean as a setting keeps it.
func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// settingType is the .NET type of a setting's property.
func settingType(s *mp.Setting) string {
	switch s.Kind {
	case mp.Int:
		return "System.Int32"
	case mp.Text:
		return "System.String"
	case mp.Enum:
		return enumNS + s.Enum
	case mp.List:
		return exo.TypeMultiValued
	}
	return "System.Boolean"
}

// settingValue is a setting's value as its property shows it.
func settingValue(s *mp.Setting, v string, list []string) any {
	switch s.Kind {
	case mp.List:
		return exo.MultiValued(list)
	case mp.Int:
		n, _ := strconv.Atoi(v)
		return n
	case mp.Bool:
		if v == "" {
			return nil
		}
		return v == "True"
	}
	return exo.NilIfEmpty(v)
}

// owaObject is the Get-OwaMailboxPolicy object of a policy.
func owaObject(o *directory.Organization, p *mp.OwaPolicy) *object.PSObject {
	obj := exo.HygieneObject(TypeOwaMailboxPolicy)
	for i := range mp.OwaSettings {
		s := &mp.OwaSettings[i]
		if s.Kind == mp.IsDefault {
			obj.AddTyped("IsDefault", "System.Boolean", p.IsDefault)
			continue
		}
		obj.AddTyped(s.Shown(), settingType(s), settingValue(s, p.Value(s), p.List(s)))
	}
	exo.AddConfigTail(obj, o, exo.ConfigObject{Name: p.Name, Guid: p.Guid, DistinguishedName: owaKind.dn(o, p.Name), ExchangeVersion: "0.10 (14.0.100.0)",
		Category: "ms-Exch-OWA-Mailbox-Policy", Class: "msExchOWAMailboxPolicy", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

func getOwa(ctx *command.Context) error {
	out, done, err := OwaPolicies.Read(ctx, owaObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// owaEdit is one setting the call changes, read before the tenant is.
type owaEdit struct {
	s     *mp.Setting
	value string
	arg   any // a list setting's argument, applied to the policy's list
}

// readOwaSettings reads the call's settings; a value a setting does not
// take is refused before the tenant is read.
func readOwaSettings(ctx *command.Context) ([]owaEdit, *object.ErrorRecord) {
	var edits []owaEdit
	for i := range mp.OwaSettings {
		s := &mp.OwaSettings[i]
		if s.Fixed || s.Kind == mp.IsDefault || !ctx.Has(s.Name) {
			continue
		}
		e := owaEdit{s: s}
		switch s.Kind {
		case mp.Bool:
			e.value = boolText(ctx.Bool(s.Name))
		case mp.Int:
			e.value = strconv.Itoa(ctx.Int(s.Name))
		case mp.Text:
			e.value = ctx.String(s.Name)
		case mp.Enum:
			if rec := exo.EnumArg(ctx, s.Name, enumNS+s.Enum, s.Values, &e.value); rec != nil {
				return nil, rec
			}
		case mp.List:
			e.arg = object.Unwrap(ctx.Value(s.Name))
			if _, err := mailbox.ApplyMultiValued(e.arg, nil); err != nil {
				return nil, exo.Invalid(ctx, err.Error(), s.Name)
			}
		}
		edits = append(edits, e)
	}
	return edits, nil
}

// applyOwa applies the edits to the policy p.
func applyOwa(p *mp.OwaPolicy, edits []owaEdit) {
	for _, e := range edits {
		if e.s.Kind == mp.List {
			next, _ := mailbox.ApplyMultiValued(e.arg, p.List(e.s))
			p.SetList(e.s, next)
			continue
		}
		p.SetValue(e.s, e.value)
	}
}

func setOwa(ctx *command.Context) error {
	edits, rec := readOwaSettings(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	if ctx.Has("Name") {
		if rec := nameProblem(ctx, ctx.String("Name")); rec != nil {
			return ctx.Fail(rec)
		}
	}
	shown := typedIdentity(ctx)
	var o *directory.Organization
	var p *mp.OwaPolicy
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, p, rec, err = OwaPolicies.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting Outlook on the web mailbox policy \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		before := p.Clone()
		applyOwa(p, edits)
		if ctx.Has("DisableFacebook") {
			p.SetValue(mp.OwaSetting("FacebookEnabled"), boolText(!ctx.Switch("DisableFacebook")))
		}
		if ctx.Has("Name") {
			if rec, err := owaKind.refusal(ctx, o, mp.OwaPolicies.Rename(tx, p, ctx.String("Name")), shown); rec != nil || err != nil {
				return rec, err
			}
		}
		makeDefault := ctx.Switch("IsDefault") && !p.IsDefault
		if unchanged = !makeDefault && before.Same(p); unchanged {
			return nil, nil
		}
		if makeDefault {
			return owaKind.refusal(ctx, o, mp.OwaPolicies.MakeDefault(tx, p), shown)
		}
		return owaKind.refusal(ctx, o, mp.OwaPolicies.Put(tx, p), shown)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, p.Name)
	}
	return err
}

func newOwaCommand() *command.Command {
	c := exo.Declared("New-OwaMailboxPolicy")
	c.Synopsis = "Creates an Outlook on the web mailbox policy with Exchange Online's default settings; change them with Set-OwaMailboxPolicy."
	c.ConfirmImpact = command.ImpactMedium
	c.Examples = []command.Example{
		{Code: "New-OwaMailboxPolicy -Name Contractors", Remark: "A new policy; assign it with Set-CASMailbox -OwaMailboxPolicy Contractors."},
	}
	exo.Describe(c, map[string]string{
		"Name":      "The policy's unique name (at most 64 characters).",
		"IsDefault": "Makes the new policy the default one.",
	})
	c.Handler.Process = newOwa
	return c
}

func newOwa(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating Outlook on the web mailbox policy \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	p := &mp.OwaPolicy{Name: name}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if rec, err := owaKind.refusal(ctx, o, mp.OwaPolicies.Create(tx, p), name); rec != nil || err != nil {
			return rec, err
		}
		if ctx.Switch("IsDefault") {
			if err := mp.OwaPolicies.MakeDefault(tx, p); err != nil {
				return nil, err
			}
		}
		out = owaObject(o, p)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func removeOwaCommand() *command.Command {
	c := exo.Declared("Remove-OwaMailboxPolicy")
	c.Synopsis = "Removes an Outlook on the web mailbox policy that is not the default one and that no mailbox follows."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: "New-OwaMailboxPolicy Contractors | Out-Null; Remove-OwaMailboxPolicy Contractors -Confirm:$false", Remark: "Removes the policy; one mailboxes follow stays until Set-CASMailbox -OwaMailboxPolicy gives them another."},
	}
	exo.Describe(c, map[string]string{
		"Identity": "The policy: name, distinguished name or GUID.",
		"Force":    "Accepted; the removal asks only as -Confirm says.",
	})
	c.Handler.Process = removeOwa
	return c
}

func removeOwa(ctx *command.Context) error {
	shown := typedIdentity(ctx)
	var o *directory.Organization
	var p *mp.OwaPolicy
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if o, p, rec, err = OwaPolicies.Find(ctx, tx); rec != nil || err != nil {
			return rec, err
		}
		// the service refuses before it asks
		return owaKind.refusal(ctx, o, mp.OwaPolicies.CanRemove(tx, p), shown)
	}, func() (string, string) {
		return fmt.Sprintf("Removing Outlook on the web mailbox policy \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return owaKind.refusal(ctx, o, mp.OwaPolicies.Remove(tx, p), shown)
	})
	return err
}
