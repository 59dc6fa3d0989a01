package addressbook

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	cgroups "github.com/exosim/exosim/cmdlets/groups"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// listFamily is what tells address lists from global address lists in
// the cmdlets they share.
type listFamily struct {
	global bool
	// noun is the cmdlets' noun; kind names one in messages.
	noun, kind, typeName string
}

var (
	addressLists = listFamily{noun: "AddressList", kind: "address list", typeName: TypeAddressList}
	globalLists  = listFamily{global: true, noun: "GlobalAddressList", kind: "global address list", typeName: TypeGlobalAddressList}
)

// filterHelp is the help of the lists' parameters.
func filterHelp() map[string]string {
	h := map[string]string{
		"Name":               "The list's unique name (at most 64 characters).",
		"DisplayName":        "The name shown in Outlook (the name when left out).",
		"RecipientFilter":    "An OPATH filter of the recipients the list holds, e.g. \"(RecipientType -eq 'UserMailbox') -and (CustomAttribute15 -eq 'TenantA')\".",
		"IncludedRecipients": "Precanned recipient types: MailboxUsers, Resources, MailContacts, MailGroups, MailUsers or AllRecipients.",
		"Container":          "The address list this one goes under (the root, \\, when left out).",
		"Identity":           "The list: name, path (\\Name), distinguished name or GUID.",
		"Recursive":          "Also removes the address lists under this one.",
	}
	for _, p := range groups.ConditionProperties {
		h["Conditional"+p] = "Precanned condition on " + p + " (several values: any of them), with IncludedRecipients."
	}
	return h
}

func listCommands() []*command.Command { return familyCommands(addressLists) }

func galCommands() []*command.Command { return familyCommands(globalLists) }

func familyCommands(f listFamily) []*command.Command {
	help := filterHelp()
	get := exo.Declared("Get-" + f.noun)
	get.Synopsis = "Lists the " + f.kind + "s: the built-in ones and those administrators made, with their recipient filters."
	get.OutputType = f.typeName
	get.Examples = []command.Example{{Code: "Get-" + f.noun + " | Format-List Name,RecipientFilter", Remark: "Each " + f.kind + " and its filter."}}
	exo.DescribeDeclared(get, map[string]string{"Identity": help["Identity"], "DefaultOnly": "Only the default global address list.",
		"Container": "The address lists under this one.", "SearchText": "Address lists whose name or display name contains this text."})
	get.Handler.Process = func(ctx *command.Context) error { return getLists(ctx, f) }

	nw := exo.Declared("New-" + f.noun)
	nw.Synopsis = "Creates " + article(f.kind) + " from a recipient filter (custom or precanned)."
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: "New-" + f.noun + " -Name 'TenantA' -RecipientFilter \"(CustomAttribute15 -eq 'TenantA')\"", Remark: "A list of the recipients whose CustomAttribute15 is TenantA."}}
	exo.DescribeDeclared(nw, help)
	nw.Handler.Process = func(ctx *command.Context) error { return newList(ctx, f) }

	set := exo.Declared("Set-" + f.noun)
	set.Synopsis = "Changes " + article(f.kind) + ": its name, display name or recipient filter."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: "Set-" + f.noun + " 'TenantA' -RecipientFilter \"(CustomAttribute15 -eq 'TenantA')\"", Remark: "Gives the list a new filter."}}
	exo.DescribeDeclared(set, help)
	set.Handler.Process = func(ctx *command.Context) error { return setList(ctx, f) }

	rm := exo.Declared("Remove-" + f.noun)
	rm.Synopsis = "Removes " + article(f.kind) + " that no address book policy or offline address book uses."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{{Code: "Remove-" + f.noun + " 'TenantA' -Confirm:$false", Remark: "Removes the list."}}
	exo.DescribeDeclared(rm, help)
	rm.Handler.Process = func(ctx *command.Context) error { return removeList(ctx, f) }
	return []*command.Command{get, nw, set, rm}
}

func article(kind string) string {
	if strings.HasPrefix(kind, "a") || strings.HasPrefix(kind, "o") {
		return "an " + kind
	}
	return "a " + kind
}

// listObject is the Get- object of a list, in Exchange's order.
func listObject(org *directory.Organization, lists []*ab.List, l *ab.List) *object.PSObject {
	typeName := TypeAddressList
	if l.Global {
		typeName = TypeGlobalAddressList
	}
	obj := object.NewObject(typeName, "Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject", "Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject", "Deserialized.System.Object")
	path := listPath(lists, l)
	if !l.Global {
		container := `\`
		if i := strings.LastIndexByte(path, '\\'); i > 0 {
			container = path[:i]
		}
		obj.AddTyped("Container", tStr, container)
		obj.AddTyped("DisplayName", tStr, l.DisplayName)
		obj.AddTyped("Path", tStr, path)
	} else {
		obj.AddTyped("IsDefaultGlobalAddressList", tBool, ab.IsDefaultGAL(org, l))
	}
	obj.AddTyped("RecipientFilter", tStr, l.RecipientFilter)
	obj.AddTyped("LdapRecipientFilter", tStr, exo.NilIfEmpty(l.LdapRecipientFilter))
	obj.AddTyped("LastUpdatedRecipientFilter", tStr, l.RecipientFilter)
	obj.AddTyped("RecipientFilterApplied", tBool, true)
	var included any
	if len(l.IncludedRecipients) > 0 {
		included = strings.Join(l.IncludedRecipients, ", ")
	}
	obj.AddTyped("IncludedRecipients", tStr, included)
	for _, p := range groups.ConditionProperties {
		obj.AddTyped("Conditional"+p, exo.TypeMultiValued, exo.MultiValued(l.Conditions[p]))
	}
	obj.AddTyped("RecipientContainer", tStr, nil)
	obj.AddTyped("RecipientFilterType", tStr, l.RecipientFilterType)
	category, class := "ms-Exch-Address-List", "addressBookContainer"
	shown := path
	if l.Global {
		shown = ab.Path(l.Name)
	}
	configTail(obj, org, exo.ConfigObject{Name: l.Name, Guid: l.Guid, DistinguishedName: ab.ListDN(org, l), ExchangeVersion: "0.10 (14.0.100.0)",
		Category: category, Class: class, Created: l.WhenCreated, Changed: l.WhenChanged}, shown)
	return obj
}

func listsOf(global bool) func(tx *store.Tx) ([]*ab.List, error) {
	return func(tx *store.Tx) ([]*ab.List, error) { return ab.Lists(tx, global) }
}

func getLists(ctx *command.Context, f listFamily) error {
	var keep func(*ab.List) bool
	switch {
	case ctx.Switch("DefaultOnly"):
		keep = func(l *ab.List) bool {
			return strings.EqualFold(l.Name, ab.DefaultGAL) && l.RecipientFilterType == ab.FilterLegacy
		}
	case ctx.Has("SearchText"):
		text := strings.ToLower(ctx.String("SearchText"))
		keep = func(l *ab.List) bool {
			return strings.Contains(strings.ToLower(l.Name), text) || strings.Contains(strings.ToLower(l.DisplayName), text)
		}
	case ctx.Has("Container"):
		return getChildren(ctx)
	}
	return readAll(ctx, listsOf(f.global), listKeys, func(_ *store.Tx, org *directory.Organization, lists []*ab.List, l *ab.List) *object.PSObject {
		return listObject(org, lists, l)
	}, keep)
}

// getChildren is Get-AddressList -Container: the lists directly under
// the one it names.
func getChildren(ctx *command.Context) error {
	id := idOf(ctx, "Container")
	var out []*object.PSObject
	done, err := exo.Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		out = nil
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		lists, err := ab.AllLists(tx)
		if err != nil {
			return nil, err
		}
		al, err := ab.Lists(tx, false)
		if err != nil {
			return nil, err
		}
		parent := ""
		if id != `\` {
			hits := match(al, listKeys(org, lists), id, false)
			p, rec := exo.One(ctx, id, hits)
			if rec != nil {
				return rec, nil
			}
			parent = p.Guid
		}
		for _, l := range al {
			if strings.EqualFold(l.Parent, parent) {
				out = append(out, listObject(org, lists, l))
			}
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// filterOf reads the filter parameters of New- or Set- over the list's
// current precanned filter (cur nil: a new list) and works out the
// stored filter; changed is false when none was given.
func filterOf(ctx *command.Context, cur *ab.List) (stored *groups.DynamicGroup, changed bool, rec *object.ErrorRecord) {
	var base *groups.DynamicGroup
	if cur != nil {
		base = &groups.DynamicGroup{RecipientFilterType: cur.RecipientFilterType, IncludedRecipients: cur.IncludedRecipients, Conditions: cur.Conditions}
	}
	spec, changed, rec := cgroups.FilterSpecOf(ctx, base)
	if rec != nil || !changed {
		return nil, changed, rec
	}
	g, err := groups.StoredFilter(spec)
	if err != nil {
		if r := cgroups.FilterRefusal(ctx, err); r != nil {
			return nil, false, r
		}
		return nil, false, exo.Invalid(ctx, err.Error(), nil)
	}
	return g, true, nil
}

func applyFilter(l *ab.List, g *groups.DynamicGroup) {
	l.RecipientFilter, l.LdapRecipientFilter, l.RecipientFilterType = g.RecipientFilter, g.LdapRecipientFilter, g.RecipientFilterType
	l.IncludedRecipients, l.Conditions = g.IncludedRecipients, nil
	if len(g.Conditions) > 0 {
		l.Conditions = g.Conditions
	}
}

func newList(ctx *command.Context, f listFamily) error {
	name := ctx.String("Name")
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	g, _, rec := filterOf(ctx, nil)
	if rec != nil {
		return ctx.Fail(rec)
	}
	display := name
	if ctx.Has("DisplayName") && strings.TrimSpace(ctx.String("DisplayName")) != "" {
		display = ctx.String("DisplayName")
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating %s \"%s\".", f.kind, name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, refusals(ctx, f.kind, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		lists, err := ab.AllLists(tx)
		if err != nil {
			return nil, err
		}
		l := &ab.List{Name: name, DisplayName: display, Global: f.global}
		if ctx.Has("Container") {
			id := idOf(ctx, "Container")
			if id != `\` {
				al, err := ab.Lists(tx, false)
				if err != nil {
					return nil, err
				}
				parent, rec := lookup(ctx, al, listKeys(org, lists), id)
				if rec != nil {
					return rec, nil
				}
				l.Parent = parent.Guid
			}
		}
		applyFilter(l, g)
		if err := ab.PutList(tx, l); err != nil {
			return nil, err
		}
		out = listObject(org, append(lists, l), l)
		return nil, nil
	}))
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// findList resolves the call's Identity to one list of the family.
func findList(ctx *command.Context, tx *store.Tx, f listFamily) (*directory.Organization, []*ab.List, *ab.List, *object.ErrorRecord, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	lists, err := ab.AllLists(tx)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	fam, err := ab.Lists(tx, f.global)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	id := idOf(ctx, "Identity")
	l, rec := exo.One(ctx, id, match(fam, listKeys(org, lists), id, false))
	return org, lists, l, rec, nil
}

func setList(ctx *command.Context, f listFamily) error {
	lists := family[ab.List]{
		kind: f.kind,
		find: func(ctx *command.Context, tx *store.Tx) (*ab.List, *object.ErrorRecord, error) {
			_, _, l, rec, err := findList(ctx, tx, f)
			return l, rec, err
		},
		clone: func(l *ab.List) ab.List { return *l },
		same:  sameList,
		name:  func(l *ab.List) string { return l.Name },
		put:   ab.PutList,
	}
	return setRecord(ctx, lists, func(tx *store.Tx, l *ab.List) (*object.ErrorRecord, error) {
		g, changed, rec := filterOf(ctx, l)
		if rec != nil {
			return rec, nil
		}
		if changed {
			applyFilter(l, g)
		}
		if ctx.Has("Name") {
			l.Name = ctx.String("Name")
		}
		if ctx.Has("DisplayName") {
			l.DisplayName = ctx.String("DisplayName")
		}
		return nil, nil
	})
}

func sameList(a, b *ab.List) bool {
	return a.Name == b.Name && a.DisplayName == b.DisplayName && a.RecipientFilter == b.RecipientFilter && a.RecipientFilterType == b.RecipientFilterType
}

func removeList(ctx *command.Context, f listFamily) error {
	shown := idOf(ctx, "Identity")
	var l *ab.List
	var gone []*ab.List
	_, err := exo.Confirmed(ctx, shown, refusals(ctx, f.kind, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if _, _, l, rec, err = findList(ctx, tx, f); rec != nil || err != nil {
			return rec, err
		}
		// the lists under it go with it (-Recursive), else it must have
		// none
		gone = []*ab.List{l}
		for i := 0; i < len(gone); i++ {
			kids, err := ab.Children(tx, gone[i].Guid)
			if err != nil {
				return nil, err
			}
			gone = append(gone, kids...)
		}
		if len(gone) > 1 && !ctx.Switch("Recursive") {
			return exo.InvalidOperation(ctx, fmt.Sprintf("The address list \"%s\" has child address lists. Use the Recursive parameter to remove it with them.", shown), shown), nil
		}
		for _, x := range gone {
			if err := ab.CanRemoveList(tx, x); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}), func() (string, string) {
		return fmt.Sprintf("Removing %s \"%s\".", f.kind, shown), shown
	}, refusals(ctx, f.kind, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		for i := len(gone) - 1; i >= 0; i-- {
			if err := ab.RemoveList(tx, gone[i]); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}))
	return err
}
