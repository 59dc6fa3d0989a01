// Package authpolicy declares Get-, New-, Set- and Remove-AuthenticationPolicy:
// the organization's authentication policies, which allow or block Basic
// authentication protocol by protocol (AllowBasicAuth<Protocol>). A policy
// applies to the whole organization through Set-OrganizationConfig
// -DefaultAuthenticationPolicy and to single users through Set-User
// -AuthenticationPolicy (Get-User shows it).
package authpolicy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ap "github.com/exosim/exosim/store/authpolicy"
	"github.com/exosim/exosim/store/directory"
)

// TypeAuthPolicy is the output type of Get- and New-AuthenticationPolicy.
const TypeAuthPolicy = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthPolicy"

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-AuthenticationPolicy", "New-AuthenticationPolicy", "Set-AuthenticationPolicy", "Remove-AuthenticationPolicy"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Policies are the authentication policies as the cmdlets, and the
// parameters that name one, find them: by name, Guid or distinguished
// name.
var Policies = exo.Configs[*ap.Policy]{List: ap.List, Keys: ap.Keys}

// legacyTokens are the parameters about legacy Exchange tokens of Outlook
// add-ins, an organization-wide switch the tenant has no model of, and
// TenantId, which names another organization.
var legacyTokens = []string{"AllowLegacyExchangeTokens", "BlockLegacyExchangeTokens", "TenantId"}

// modelled lists c's parameters but those of legacyTokens.
func modelled(c *command.Command) []string {
	var out []string
	for _, p := range c.Params {
		if !exo.ContainsFold(legacyTokens, p.Name) {
			out = append(out, p.Name)
		}
	}
	return out
}

func commands() []*command.Command {
	identity := "The policy: its name, distinguished name or Guid."
	protocolHelp := func(c *command.Command, verb string) {
		help := map[string]string{}
		for _, pr := range ap.Protocols {
			help["AllowBasicAuth"+pr] = fmt.Sprintf("%s Basic authentication with %s; -AllowBasicAuth%s:$false blocks it.", verb, pr, pr)
		}
		exo.Describe(c, help)
	}

	get := exo.Declared("Get-AuthenticationPolicy")
	get.Synopsis = "Lists the authentication policies: which protocols each allows Basic authentication for."
	get.OutputType = TypeAuthPolicy
	get.Examples = []command.Example{
		{Code: "New-AuthenticationPolicy 'Engineering Group' -AllowBasicAuthImap | Out-Null; Get-AuthenticationPolicy | Format-Table -Auto Name", Remark: "Lists the policies' names."},
		{Code: "Get-AuthenticationPolicy -Identity 'Engineering Group'", Remark: "Shows one policy."},
	}
	exo.Describe(get, map[string]string{"Identity": identity + " * is a wildcard."})
	get.Handler.Process = getPolicies

	nw := exo.Declared("New-AuthenticationPolicy")
	nw.Synopsis = "Creates an authentication policy; Basic authentication is blocked for every protocol the call doesn't allow."
	nw.ConfirmImpact = command.ImpactMedium
	nw.OutputType = TypeAuthPolicy
	nw.Examples = []command.Example{
		{Code: "New-AuthenticationPolicy -Name 'Engineering Group' -AllowBasicAuthImap", Remark: "A policy that allows Basic authentication with IMAP only."},
	}
	exo.Describe(nw, map[string]string{"Name": "The policy's unique name (at most 64 characters)."})
	protocolHelp(nw, "Allows")
	nw.Handler.Process = newPolicy

	set := exo.Declared("Set-AuthenticationPolicy")
	set.Synopsis = "Allows or blocks Basic authentication for the protocols the call names."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "New-AuthenticationPolicy 'Engineering Group' | Out-Null; Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthReportingWebServices", Remark: "Allows Basic authentication for Exchange Reporting Web Services."},
	}
	exo.Describe(set, map[string]string{"Identity": identity})
	protocolHelp(set, "Allows")
	set.Handler.Process = setPolicy

	rm := exo.Declared("Remove-AuthenticationPolicy")
	rm.Synopsis = "Removes an authentication policy; the organization and the users it applied to keep none."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{
		{Code: "New-AuthenticationPolicy 'Engineering Group' | Out-Null; Remove-AuthenticationPolicy -Identity 'Engineering Group' -Confirm:$false", Remark: "Removes the policy."},
	}
	exo.Describe(rm, map[string]string{"Identity": identity})
	rm.Handler.Process = removePolicy

	return []*command.Command{exo.Partial(get, modelled(get)...), nw, exo.Partial(set, modelled(set)...), exo.Partial(rm, modelled(rm)...)}
}

// policyObject is the Get-AuthenticationPolicy object of p: a switch for
// each protocol (AllowBasicAuthRest, which no parameter sets, is always
// off), then the closing properties of a configuration object.
func policyObject(o *directory.Organization, p *ap.Policy) *object.PSObject {
	obj := object.NewObject(TypeAuthPolicy,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	const tBool = "System.Boolean"
	for _, pr := range ap.Protocols {
		if pr == "Powershell" {
			continue
		}
		obj.AddTyped("AllowBasicAuth"+pr, tBool, p.Allows(pr))
		if pr == "ReportingWebServices" {
			obj.AddTyped("AllowBasicAuthRest", tBool, false)
		}
	}
	obj.AddTyped("AllowBasicAuthPowershell", tBool, p.Allows("Powershell"))
	exo.AddConfigTail(obj, o, exo.ConfigObject{Name: p.Name, Guid: p.Guid, DistinguishedName: ap.DN(o, p.Name), ExchangeVersion: "0.20 (15.0.0.0)",
		Category: "ms-Exch-Auth-Policy", Class: "msExchAuthPolicy", Created: p.WhenCreated, Changed: p.WhenChanged})
	return obj
}

func getPolicies(ctx *command.Context) error {
	out, done, err := Policies.Read(ctx, policyObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// applyProtocols applies the AllowBasicAuth switches the call names to
// p and reports whether any changed it.
func applyProtocols(ctx *command.Context, p *ap.Policy) bool {
	changed := false
	for _, pr := range ap.Protocols {
		if n := "AllowBasicAuth" + pr; ctx.Has(n) {
			allow := ctx.Switch(n)
			changed = changed || p.Allows(pr) != allow
			p.Set(pr, allow)
		}
	}
	return changed
}

// storeRecord words a refusal of the store as the service does; another
// error is returned as it is.
func storeRecord(ctx *command.Context, o *directory.Organization, err error, name string) (*object.ErrorRecord, error) {
	var dup *store.DuplicateError
	if errors.As(err, &dup) {
		return exo.AlreadyExists(ctx, o, ap.DN(o, dup.ExistingIdentity), name), nil
	}
	return nil, err
}

func newPolicy(ctx *command.Context) error {
	name := strings.TrimSpace(ctx.String("Name"))
	if name == "" {
		return ctx.Fail(exo.Invalid(ctx, "The Name parameter is required: give the policy a name.", nil))
	}
	if rec := exo.TooLong(ctx, ap.MaxNameLength, name); rec != nil {
		return ctx.Fail(rec)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating authentication policy \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	p := &ap.Policy{Name: name}
	applyProtocols(ctx, p)
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if rec, err := storeRecord(ctx, o, ap.Create(tx, p), name); rec != nil || err != nil {
			return rec, err
		}
		out = policyObject(o, p)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func setPolicy(ctx *command.Context) error {
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var p *ap.Policy
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		_, p, rec, err = Policies.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting authentication policy \"%s\".", p.Name), p.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if !applyProtocols(ctx, p) {
			unchanged = true
			return nil, nil
		}
		return nil, ap.Update(tx, p)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, p.Name)
	}
	return err
}

func removePolicy(ctx *command.Context) error {
	var p *ap.Policy
	_, err := exo.Confirmed(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		_, p, rec, err = Policies.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Removing authentication policy \"%s\".", p.Name), p.Name
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, ap.Remove(tx, p)
	})
	return err
}

// Resolve returns the name of the policy an argument names (by name,
// Guid or distinguished name), for the parameters that apply one
// (Set-OrganizationConfig -DefaultAuthenticationPolicy, Set-User
// -AuthenticationPolicy); "" for $null, which takes the policy away.
func Resolve(ctx *command.Context, tx *store.Tx, v any) (string, *object.ErrorRecord, error) {
	v = object.Unwrap(v)
	if v == nil {
		return "", nil, nil
	}
	id := strings.TrimSpace(exo.IdentityOf(v))
	if id == "" {
		return "", nil, nil
	}
	p, rec, err := Policies.Lookup(ctx, tx, id)
	if rec != nil || err != nil {
		return "", rec, err
	}
	return p.Name, nil, nil
}
