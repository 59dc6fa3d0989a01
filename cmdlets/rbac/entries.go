package rbac

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
)

// TypeRoleEntry is the object Get-ManagementRoleEntry writes.
const TypeRoleEntry = "Microsoft.Exchange.Management.RbacTasks.ExchangeRoleEntryPresentation"

// roleEntrySnapin is the snap-in Exchange names for its cmdlet entries.
const roleEntrySnapin = "Microsoft.Exchange.Management.PowerShell.E2010"

// entryCommonParams are the common parameters a role entry lists beside
// the cmdlet's own.
var entryCommonParams = []string{"Debug", "ErrorAction", "ErrorVariable", "OutBuffer", "OutVariable", "Verbose", "WarningAction", "WarningVariable"}

// RoleEntry is one role entry: a cmdlet a role grants and the parameters
// it grants with it.
type RoleEntry struct {
	Role, Cmdlet string
	Params       []string
}

// roleEntries returns a role's entries in cmdlet order, worked out from
// the role table alone: the cmdlets the table names for the role, and
// the cloud cmdlets it does not name that the role grants by family.
func roleEntries(r Role) []RoleEntry {
	var out []RoleEntry
	seen := map[string]int{}
	add := func(cmdlet string, params []string) {
		key := strings.ToLower(cmdlet)
		if i, ok := seen[key]; ok {
			out[i].Params = mergeParams(out[i].Params, params)
			return
		}
		seen[key] = len(out)
		out = append(out, RoleEntry{Role: r.Name, Cmdlet: cmdlet, Params: params})
	}
	for _, g := range r.Grants {
		params := g.Params
		if params == nil {
			params = cmdletParams(g.Cmdlet)
		} else {
			params = mergeParams(nil, append(append([]string(nil), params...), entryCommonParams...))
		}
		add(g.Cmdlet, params)
	}
	for _, name := range decl.Names() {
		if GrantsUnlisted(r.Name, false, name) {
			add(name, cmdletParams(name))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Cmdlet) < strings.ToLower(out[j].Cmdlet) })
	return out
}

// cmdletParams lists every cloud parameter of a cmdlet a whole-cmdlet
// grant covers (the reserved ones left out), with the common parameters,
// in name order.
func cmdletParams(cmdlet string) []string {
	c := decl.Lookup(cmdlet)
	if c == nil {
		return mergeParams(nil, entryCommonParams)
	}
	onPrem := map[string]bool{}
	for _, p := range decl.OnPremisesParams(cmdlet) {
		onPrem[strings.ToLower(p)] = true
	}
	names := append([]string(nil), entryCommonParams...)
	if c.SupportsShouldProcess {
		names = append(names, "Confirm", "WhatIf")
	}
	for _, p := range c.Params {
		if onPrem[strings.ToLower(p.Name)] || isReserved(cmdlet, p.Name) {
			continue
		}
		names = append(names, p.Name)
	}
	return mergeParams(nil, names)
}

// mergeParams returns the union of two parameter lists in name order,
// each name once.
func mergeParams(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range append(append([]string(nil), a...), b...) {
		if k := strings.ToLower(p); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

func roleEntryObject(e RoleEntry) *object.PSObject {
	o := object.NewObject(TypeRoleEntry, "System.Object")
	params := make([]any, len(e.Params))
	for i, p := range e.Params {
		params[i] = p
	}
	id := e.Role + `\` + e.Cmdlet
	o.AddTyped("Name", "System.String", e.Cmdlet)
	o.AddTyped("Role", "System.String", e.Role)
	o.AddTyped("Parameters", "Microsoft.Exchange.Data.MultiValuedProperty", params)
	o.AddTyped("Type", "Microsoft.Exchange.Data.Directory.SystemConfiguration.ManagementRoleEntryType", "Cmdlet")
	o.AddTyped("PSSnapinName", "System.String", roleEntrySnapin)
	o.AddTyped("Identity", "System.String", id)
	o.AddTyped("IsValid", "System.Boolean", true)
	o.ToStringFunc = func() string { return id }
	return o
}

// entryIdentity splits a RoleEntryIdParameter value into its role and
// entry patterns. A role piped from Get-ManagementRole names all of its
// entries. ok is false for a text without the backslash.
func entryIdentity(v any) (role, entry string, ok bool) {
	if o, isObj := object.Unwrap(v).(*object.PSObject); isObj {
		for _, tn := range o.TypeNames {
			if tn == TypeManagementRole {
				name, _ := o.Get("Name")
				return object.ToInvariantString(name), "*", true
			}
		}
	}
	s := strings.TrimSpace(exo.IdentityOf(v))
	i := strings.LastIndex(s, `\`)
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], s[:i] != "" && s[i+1:] != ""
}

// RoleEntries returns a role's entries in cmdlet order, as
// Get-ManagementRoleEntry lists them.
func RoleEntries(r Role) []RoleEntry { return roleEntries(r) }

// Has reports whether the entry has every one of the parameters (each
// may hold wildcards).
func (e RoleEntry) Has(want ...string) bool { return entryHasParams(e, want) }

// entryHasParams reports whether the entry has every one of the
// parameters (each may hold wildcards).
func entryHasParams(e RoleEntry, want []string) bool {
	for _, w := range want {
		found := false
		for _, p := range e.Params {
			if wildcard.MatchStar(w, p) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

var entryTypes = []string{"Cmdlet", "Script", "ApplicationPermission", "Both"}

func getManagementRoleEntry() *command.Command {
	c := exo.Declared("Get-ManagementRoleEntry")
	exo.Describe(c, map[string]string{
		"Identity":     `Role entry to show, as role\cmdlet; either part may hold wildcards ("Mail Recipients\*", *\Get-Recipient).`,
		"Parameters":   "Only entries that have every one of these parameters (wildcards allowed).",
		"PSSnapinName": "Only entries of this snap-in.",
		"ResultSize":   "Most entries to return (1000 by default), or Unlimited.",
		"Type":         "Only entries of these types (Cmdlet, Script, ApplicationPermission).",
	})
	c.OutputType = TypeRoleEntry
	c.Synopsis = "Lists the role entries of management roles: the cmdlets each role grants and their parameters."
	c.Description = "The entries come from the same roles that decide what the simulated role groups may run, so what Get-ManagementRoleEntry lists is what the role grants."
	c.Examples = []command.Example{
		{Code: `Get-ManagementRoleEntry "Mail Recipients\*"`, Remark: "Lists every cmdlet the Mail Recipients role grants."},
		{Code: `Get-ManagementRoleEntry *\Set-Mailbox -Parameters LitigationHoldEnabled`, Remark: "Shows which roles grant Set-Mailbox with -LitigationHoldEnabled."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		v := ctx.Value("Identity")
		rolePat, entryPat, ok := entryIdentity(v)
		if !ok {
			text := exo.IdentityOf(v)
			// Exchange refuses the value while binding it: a role entry
			// identity needs a role and an entry around a backslash.
			const idType = "Microsoft.Exchange.Configuration.Tasks.RoleEntryIdParameter"
			return ctx.Fail(exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
				"Cannot process argument transformation on parameter 'Identity'. Cannot convert value \""+text+"\" to type \""+idType+"\". Error: \"The format of the value you specified in the "+idType+" parameter isn't valid. Check the value, and then try again.\nParameter name: identity\"",
				object.InvalidArgument, text))
		}
		var types []string
		for _, t := range ctx.Strings("Type") {
			valid := false
			for _, et := range entryTypes {
				valid = valid || strings.EqualFold(et, t)
			}
			if !valid {
				return ctx.Fail(exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
					`Cannot bind parameter 'Type'. Cannot convert value "`+t+`" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.ManagementRoleEntryType". Error: "Unable to match the identifier name `+t+` to a valid enumerator name. Specify one of the following enumerator names and try again:
Cmdlet, Script, ApplicationPermission, Both"`, object.InvalidArgument, t))
			}
			types = append(types, t)
		}
		if len(types) > 0 {
			cmdletType := false
			for _, t := range types {
				cmdletType = cmdletType || strings.EqualFold(t, "Cmdlet") || strings.EqualFold(t, "Both")
			}
			if !cmdletType {
				return nil
			}
		}
		if sn := ctx.String("PSSnapinName"); ctx.Has("PSSnapinName") && !wildcard.MatchStar(sn, roleEntrySnapin) {
			return nil
		}
		max := limit(ctx, 1000)
		n, roleFound := 0, false
		for _, r := range Roles() {
			if !wildcard.MatchStar(rolePat, r.Name) {
				continue
			}
			roleFound = true
			for _, e := range roleEntries(r) {
				if !wildcard.MatchStar(entryPat, e.Cmdlet) || !entryHasParams(e, ctx.Strings("Parameters")) {
					continue
				}
				if max >= 0 && n >= max {
					ctx.WriteWarning("There are more results available than currently displayed. To view them, increase the value for the ResultSize parameter.")
					return nil
				}
				n++
				if err := ctx.WriteObject(roleEntryObject(e)); err != nil {
					return err
				}
			}
		}
		if !roleFound && !wildcard.HasStar(rolePat) {
			return ctx.Fail(exo.NotFound(ctx, rolePat))
		}
		if n == 0 && !wildcard.HasStar(rolePat) && !wildcard.HasStar(entryPat) && len(ctx.Strings("Parameters")) == 0 {
			return ctx.Fail(exo.NotFound(ctx, rolePat+`\`+entryPat))
		}
		return nil
	}
	return c
}
