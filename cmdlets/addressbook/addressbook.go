// Package addressbook declares the cmdlets of the organization's address
// book: Get-, New-, Set- and Remove-AddressList, -GlobalAddressList,
// -OfflineAddressBook and -AddressBookPolicy, with the default views of
// their objects. In Exchange Online they belong to the Address Lists role,
// which no role group holds until an administrator assigns it.
package addressbook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
)

// The output types of the Get cmdlets.
const (
	TypeAddressList       = "Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.AddressListPresentationObject"
	TypeGlobalAddressList = "Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.GlobalAddressListPresentationObject"
	TypeOAB               = "Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.OfflineAddressBookPresentationObject"
	TypePolicy            = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.AddressBookMailboxPolicy"
)

// Cmdlets declares the package's cmdlets by name: a session builds them
// the first time it resolves one.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-AddressList", "New-AddressList", "Set-AddressList", "Remove-AddressList"}, Build: listCommands},
	{Names: []string{"Get-GlobalAddressList", "New-GlobalAddressList", "Set-GlobalAddressList", "Remove-GlobalAddressList"}, Build: galCommands},
	{Names: []string{"Get-OfflineAddressBook", "New-OfflineAddressBook", "Set-OfflineAddressBook", "Remove-OfflineAddressBook"}, Build: oabCommands},
	{Names: []string{"Get-AddressBookPolicy", "New-AddressBookPolicy", "Set-AddressBookPolicy", "Remove-AddressBookPolicy"}, Build: policyCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default tables of the package's objects.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeAddressList, TypeNames: []string{TypeAddressList}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"}, {Label: "DisplayName", Property: "DisplayName"}, {Label: "RecipientFilter", Property: "RecipientFilter"},
	}})
	r.Add(&format.View{Name: TypeGlobalAddressList, TypeNames: []string{TypeGlobalAddressList}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
	}})
	r.Add(&format.View{Name: TypeOAB, TypeNames: []string{TypeOAB}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"}, {Label: "Versions", Property: "Versions"}, {Label: "AddressLists", Property: "AddressLists"},
	}})
	r.Add(&format.View{Name: TypePolicy, TypeNames: []string{TypePolicy}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"}, {Label: "AddressLists", Property: "AddressLists"}, {Label: "GlobalAddressList", Property: "GlobalAddressList"},
		{Label: "RoomList", Property: "RoomList"}, {Label: "OfflineAddressBook", Property: "OfflineAddressBook"}, {Label: "IsDefault", Property: "IsDefault"},
	}})
}

// maxNameLength is the longest name of an address book object.
const maxNameLength = 64

const (
	tStr  = "System.String"
	tBool = "System.Boolean"
	tInt  = "System.Int32"
)

// idOf is the identity a parameter holds, trimmed.
func idOf(ctx *command.Context, param string) string {
	return strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value(param))))
}

// keyed is what an identity names an object by: its name, its path
// ("\Name", how Exchange shows lists and offline address books; "" for
// a policy), its Guid and distinguished name.
type keyed struct{ name, path, guid, dn string }

// match returns the objects of all an identity names: by name, path,
// Guid or distinguished name without regard to case; when wild, a name
// or path with * is a wildcard pattern.
func match[T any](all []T, keys func(T) keyed, id string, wild bool) []T {
	var like func(string) bool
	if wild && wildcard.HasStar(id) {
		p, _ := wildcard.Compile(id, wildcard.StarOnly)
		like = p.Match
	}
	var out []T
	for _, v := range all {
		k := keys(v)
		if like != nil && (like(k.name) || k.path != "" && like(k.path)) || strings.EqualFold(id, k.name) ||
			k.path != "" && strings.EqualFold(id, k.path) || strings.EqualFold(id, k.guid) || strings.EqualFold(id, k.dn) {
			out = append(out, v)
		}
	}
	return out
}

// lookup resolves an identity a parameter gives (the lists of a policy,
// say): none is RecipientNotFound's error, several Ambiguous.
func lookup[T any](ctx *command.Context, all []T, keys func(T) keyed, id string) (T, *object.ErrorRecord) {
	hits := match(all, keys, id, false)
	var zero T
	switch len(hits) {
	case 0:
		return zero, exo.RecipientNotFound(ctx, id)
	case 1:
		return hits[0], nil
	}
	return zero, exo.Ambiguous(ctx, id)
}

// readAll is a Get cmdlet: the objects the call's Identity names (with
// wildcards), or every one; an identity without * that names none is
// NotFound's error.
func readAll[T any](ctx *command.Context, list func(tx *store.Tx) ([]T, error), keys func(*directory.Organization, []*ab.List) func(T) keyed,
	show func(tx *store.Tx, org *directory.Organization, lists []*ab.List, v T) *object.PSObject, keep func(T) bool) error {
	id := ""
	if ctx.Has("Identity") {
		id = idOf(ctx, "Identity")
	}
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
		all, err := list(tx)
		if err != nil {
			return nil, err
		}
		if id != "" {
			all = match(all, keys(org, lists), id, true)
			if len(all) == 0 && !wildcard.HasStar(id) {
				return exo.NotFound(ctx, id), nil
			}
		}
		for _, v := range all {
			if keep == nil || keep(v) {
				out = append(out, show(tx, org, lists, v))
			}
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// Exceptions of the service's refusals.
const (
	exAlreadyExists    = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	exInvalidOperation = "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException"
)

// storeRecord words the refusals of the address book rules (nil: err is
// not one of them).
func storeRecord(ctx *command.Context, org *directory.Organization, err error, kind, shown string) *object.ErrorRecord {
	var name *ab.NameInUseError
	var used *ab.InUseError
	var def *ab.DefaultRemovalError
	switch {
	case errors.As(err, &name):
		return exo.Error(ctx, exAlreadyExists, fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.", exo.DomainController(org), name.DN), object.ResourceExists, name.Name)
	case errors.As(err, &def):
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The %s \"%s\" is the default one and can't be removed.", kind, def.Name), object.InvalidOperation, shown)
	case errors.As(err, &used):
		switch used.By {
		case "mailboxes":
			return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The address book policy \"%s\" can't be removed because %s mailboxes are assigned to it. Assign them another policy first (Set-Mailbox -AddressBookPolicy).", shown, used.Names[0]), object.InvalidOperation, shown)
		case "oab":
			return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The %s \"%s\" can't be removed because the offline address book \"%s\" includes it.", kind, shown, strings.Join(used.Names, "\", \"")), object.InvalidOperation, shown)
		}
		return exo.Error(ctx, exInvalidOperation, fmt.Sprintf("The %s \"%s\" can't be removed because the address book policy \"%s\" uses it.", kind, shown, strings.Join(used.Names, "\", \"")), object.InvalidOperation, shown)
	}
	return nil
}

// refusals is fn with the address book rules' refusals worded.
func refusals(ctx *command.Context, kind, shown string, fn func(tx *store.Tx) (*object.ErrorRecord, error)) func(tx *store.Tx) (*object.ErrorRecord, error) {
	return func(tx *store.Tx) (*object.ErrorRecord, error) {
		rec, err := fn(tx)
		if err != nil {
			org, oerr := directory.GetOrganization(tx)
			if oerr != nil {
				return nil, err
			}
			if r := storeRecord(ctx, org, err, kind, shown); r != nil {
				return r, nil
			}
		}
		return rec, err
	}
}

// listPath is the path of a list: its parents' names and its own under
// the root ("\Parent\Name").
func listPath(lists []*ab.List, l *ab.List) string {
	path := ab.Path(l.Name)
	seen := map[string]bool{}
	for p := l.Parent; p != "" && !seen[p]; {
		seen[p] = true
		var parent *ab.List
		for _, x := range lists {
			if strings.EqualFold(x.Guid, p) {
				parent = x
			}
		}
		if parent == nil {
			break
		}
		path = ab.Path(parent.Name) + path
		p = parent.Parent
	}
	return path
}

// listKeys names lists by name, path, Guid and distinguished name.
func listKeys(org *directory.Organization, lists []*ab.List) func(*ab.List) keyed {
	return func(l *ab.List) keyed {
		return keyed{name: l.Name, path: listPath(lists, l), guid: l.Guid, dn: ab.ListDN(org, l)}
	}
}

// pathsOf are the paths of the lists with those Guids.
func pathsOf(lists []*ab.List, guids []string) []string {
	out := make([]string, 0, len(guids))
	for _, g := range guids {
		for _, l := range lists {
			if strings.EqualFold(l.Guid, g) {
				out = append(out, listPath(lists, l))
			}
		}
	}
	return out
}

// nameProblem is the validation error of a new name, or nil.
func nameProblem(ctx *command.Context, name string) *object.ErrorRecord {
	if strings.TrimSpace(name) == "" {
		return exo.Invalid(ctx, "The Name parameter can't be empty.", name)
	}
	return exo.TooLong(ctx, maxNameLength, name)
}

// configTail closes an object with the properties of a configuration
// object; its Identity and Id are shown (the path of a list).
func configTail(obj *object.PSObject, org *directory.Organization, c exo.ConfigObject, shown string) {
	exo.AddConfigTail(obj, org, c)
	obj.Set("Identity", shown)
	obj.Set("Id", shown)
	obj.ToStringFunc = func() string { return shown }
}

// family is what a Set- and a Remove- cmdlet of one kind of record need:
// kind names it in prompts and errors ("offline address book"); find
// resolves the call's Identity; clone copies a record so that a change
// can be told from none (same); put stores it.
type family[T any] struct {
	kind  string
	find  func(ctx *command.Context, tx *store.Tx) (*T, *object.ErrorRecord, error)
	clone func(*T) T
	same  func(before, after *T) bool
	name  func(*T) string
	put   func(tx *store.Tx, r *T) error
}

// findOne finds the one record of a kind the call's Identity names, among
// all (keys gives each record's names).
func findOne[T any](ctx *command.Context, tx *store.Tx, all func(tx *store.Tx) ([]*T, error), keys func(*directory.Organization, []*ab.List) func(*T) keyed) (*T, *object.ErrorRecord, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, nil, err
	}
	rs, err := all(tx)
	if err != nil {
		return nil, nil, err
	}
	id := idOf(ctx, "Identity")
	r, rec := exo.One(ctx, id, match(rs, keys(org, nil), id, false))
	return r, rec, nil
}

// setRecord runs a Set- cmdlet: a new -Name is checked first, the record
// is found, ShouldProcess asks "Setting <kind> "<identity>".", and apply
// changes it with the call's parameters in the same transaction. A call
// that changes nothing stores nothing and warns, as Exchange does.
func setRecord[T any](ctx *command.Context, f family[T], apply func(tx *store.Tx, r *T) (*object.ErrorRecord, error)) error {
	if ctx.Has("Name") {
		if rec := nameProblem(ctx, ctx.String("Name")); rec != nil {
			return ctx.Fail(rec)
		}
	}
	shown := idOf(ctx, "Identity")
	var r *T
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		r, rec, err = f.find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting %s \"%s\".", f.kind, shown), shown
	}, refusals(ctx, f.kind, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		before := f.clone(r)
		if rec, err := apply(tx, r); rec != nil || err != nil {
			return rec, err
		}
		if unchanged = f.same(&before, r); unchanged {
			return nil, nil
		}
		return nil, f.put(tx, r)
	}))
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, f.name(r))
	}
	return err
}

// removeRecord runs a Remove- cmdlet: the record is found and canRemove
// says whether the rules let it go before ShouldProcess asks "Removing
// <kind> "<identity>"."; remove then deletes it.
func removeRecord[T any](ctx *command.Context, f family[T], canRemove, remove func(tx *store.Tx, r *T) error) error {
	shown := idOf(ctx, "Identity")
	var r *T
	_, err := exo.Confirmed(ctx, shown, refusals(ctx, f.kind, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if r, rec, err = f.find(ctx, tx); rec != nil || err != nil {
			return rec, err
		}
		return nil, canRemove(tx, r)
	}), func() (string, string) {
		return fmt.Sprintf("Removing %s \"%s\".", f.kind, shown), shown
	}, refusals(ctx, f.kind, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, remove(tx, r)
	}))
	return err
}
