package addressbook

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// policyHelp is the help of the parameters.
func policyHelp() map[string]string {
	return map[string]string{
		"Identity":           "The policy: name, distinguished name or GUID.",
		"Name":               "The policy's unique name (at most 64 characters).",
		"AddressLists":       "The address lists the policy's users see (one or more).",
		"GlobalAddressList":  "The one global address list the policy's users see.",
		"OfflineAddressBook": "The one offline address book the policy's users download.",
		"RoomList":           "The one address list of rooms the policy's users see (it holds only room mailboxes).",
	}
}

func policyCommands() []*command.Command {
	get := exo.Declared("Get-AddressBookPolicy")
	get.Synopsis = "Lists the address book policies: the lists each one shows its mailboxes."
	get.OutputType = TypePolicy
	get.Examples = []command.Example{{Code: "Get-AddressBookPolicy | Format-List", Remark: "Every policy and its lists."}}
	exo.DescribeDeclared(get, policyHelp())
	get.Handler.Process = func(ctx *command.Context) error {
		return readAll(ctx, ab.Policies, policyKeys, func(tx *store.Tx, org *directory.Organization, lists []*ab.List, p *ab.Policy) *object.PSObject {
			obj := policyObject(org, lists, p)
			_ = withOAB(tx, obj, p)
			return obj
		}, nil)
	}

	nw := exo.Declared("New-AddressBookPolicy")
	nw.Synopsis = "Creates an address book policy: one global address list, one offline address book, one room list and address lists."
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-AddressBookPolicy -Name ABP_TenantA -AddressLists AL_TenantA_Users -GlobalAddressList \GAL_TenantA -OfflineAddressBook \OAB_TenantA -RoomList \AL_TenantA_Rooms`,
		Remark: "A policy for the mailboxes of TenantA; assign it with Set-Mailbox -AddressBookPolicy."}}
	exo.DescribeDeclared(nw, policyHelp())
	nw.Handler.Process = newPolicy

	set := exo.Declared("Set-AddressBookPolicy")
	set.Synopsis = "Changes an address book policy: its name or its lists."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `Set-AddressBookPolicy ABP_TenantA -AddressLists AL_TenantA_Users,AL_TenantA_Groups`, Remark: "Replaces the policy's address lists."}}
	exo.DescribeDeclared(set, policyHelp())
	set.Handler.Process = setPolicy

	rm := exo.Declared("Remove-AddressBookPolicy")
	rm.Synopsis = "Removes an address book policy no mailbox is assigned."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{{Code: "Remove-AddressBookPolicy ABP_TenantA -Confirm:$false", Remark: "Removes the policy."}}
	exo.DescribeDeclared(rm, policyHelp())
	rm.Handler.Process = removePolicy
	return []*command.Command{get, nw, set, rm}
}

func policyKeys(org *directory.Organization, _ []*ab.List) func(*ab.Policy) keyed {
	return func(p *ab.Policy) keyed { return keyed{name: p.Name, guid: p.Guid, dn: ab.PolicyDN(org, p)} }
}

// policyObject is the Get-AddressBookPolicy object: the lists by path.
func policyObject(org *directory.Organization, lists []*ab.List, p *ab.Policy) *object.PSObject {
	obj := object.NewObject(TypePolicy, "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxPolicy",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject", "Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject", "Deserialized.System.Object")
	one := func(g string) any {
		if ps := pathsOf(lists, []string{g}); len(ps) == 1 {
			return ps[0]
		}
		return nil
	}
	obj.AddTyped("AddressLists", exo.TypeMultiValued, exo.MultiValued(pathsOf(lists, p.AddressLists)))
	obj.AddTyped("GlobalAddressList", tStr, one(p.GlobalAddressList))
	obj.AddTyped("RoomList", tStr, one(p.RoomList))
	obj.AddTyped("OfflineAddressBook", tStr, nil)
	obj.AddTyped("IsDefault", tBool, false)
	configTail(obj, org, exo.ConfigObject{Name: p.Name, Guid: p.Guid, DistinguishedName: ab.PolicyDN(org, p), ExchangeVersion: "0.10 (14.0.100.0)",
		Category: "ms-Exch-Address-Book-Mailbox-Policy", Class: "msExchAddressBookMailboxPolicy", Created: p.WhenCreated, Changed: p.WhenChanged}, p.Name)
	return obj
}

// withOAB sets the OfflineAddressBook of policy objects to the path of
// the offline address book each names.
func withOAB(tx *store.Tx, obj *object.PSObject, p *ab.Policy) error {
	oabs, err := ab.OABs(tx)
	if err != nil {
		return err
	}
	for _, o := range oabs {
		if strings.EqualFold(o.Guid, p.OfflineAddressBook) {
			obj.Set("OfflineAddressBook", ab.Path(o.Name))
		}
	}
	return nil
}

// isRoomList reports whether a list holds only room mailboxes: the
// built-in All Rooms, or a list whose filter finds nothing else.
func isRoomList(tx *store.Tx, org *directory.Organization, l *ab.List) (bool, error) {
	if ab.IsBuiltInRooms(org, l) {
		return true, nil
	}
	if l.RecipientFilterType == ab.FilterLegacy {
		return false, nil
	}
	others, err := groups.Evaluate(tx, "("+l.RecipientFilter+") -and (-not(RecipientTypeDetails -eq 'RoomMailbox'))", "")
	if err != nil {
		return false, nil
	}
	return len(others) == 0, nil
}

// applyPolicy resolves the list parameters of New- or Set- into p:
// AddressLists among the address lists, GlobalAddressList among the
// global ones, OfflineAddressBook among the offline address books and
// RoomList among the address lists that hold only rooms.
func applyPolicy(ctx *command.Context, tx *store.Tx, p *ab.Policy) (*object.ErrorRecord, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	lists, err := ab.AllLists(tx)
	if err != nil {
		return nil, err
	}
	als, err := ab.Lists(tx, false)
	if err != nil {
		return nil, err
	}
	gals, err := ab.Lists(tx, true)
	if err != nil {
		return nil, err
	}
	keys := listKeys(org, lists)
	if ctx.Has("AddressLists") {
		var guids []string
		for _, id := range identities(ctx, "AddressLists") {
			l, rec := lookup(ctx, als, keys, strings.TrimSpace(id))
			if rec != nil {
				return rec, nil
			}
			if !containsFold(guids, l.Guid) {
				guids = append(guids, l.Guid)
			}
		}
		if len(guids) == 0 {
			return exo.Invalid(ctx, "An address book policy needs at least one address list (AddressLists).", nil), nil
		}
		p.AddressLists = guids
	}
	if ctx.Has("GlobalAddressList") {
		l, rec := lookup(ctx, gals, keys, idOf(ctx, "GlobalAddressList"))
		if rec != nil {
			return rec, nil
		}
		p.GlobalAddressList = l.Guid
	}
	if ctx.Has("RoomList") {
		id := idOf(ctx, "RoomList")
		l, rec := lookup(ctx, als, keys, id)
		if rec != nil {
			return rec, nil
		}
		ok, err := isRoomList(tx, org, l)
		if err != nil {
			return nil, err
		}
		if !ok {
			return exo.Invalid(ctx, fmt.Sprintf("The address list \"%s\" can't be the room list of an address book policy: it holds recipients that aren't room mailboxes.", listPath(lists, l)), id), nil
		}
		p.RoomList = l.Guid
	}
	if ctx.Has("OfflineAddressBook") {
		oabs, err := ab.OABs(tx)
		if err != nil {
			return nil, err
		}
		o, rec := lookup(ctx, oabs, oabKeys(org, nil), idOf(ctx, "OfflineAddressBook"))
		if rec != nil {
			return rec, nil
		}
		p.OfflineAddressBook = o.Guid
	}
	if ctx.Has("Name") {
		p.Name = ctx.String("Name")
	}
	return nil, nil
}

func newPolicy(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating address book policy \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, refusals(ctx, "address book policy", name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		p := &ab.Policy{}
		if rec, err := applyPolicy(ctx, tx, p); rec != nil || err != nil {
			return rec, err
		}
		if err := ab.PutPolicy(tx, p); err != nil {
			return nil, err
		}
		var err error
		out, err = policyOut(tx, p)
		return nil, err
	}))
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func policyOut(tx *store.Tx, p *ab.Policy) (*object.PSObject, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	lists, err := ab.AllLists(tx)
	if err != nil {
		return nil, err
	}
	obj := policyObject(org, lists, p)
	return obj, withOAB(tx, obj, p)
}

func findPolicy(ctx *command.Context, tx *store.Tx) (*ab.Policy, *object.ErrorRecord, error) {
	return findOne(ctx, tx, ab.Policies, policyKeys)
}

// policies is the address book policies' family (Set- and Remove-).
var policies = family[ab.Policy]{
	kind: "address book policy",
	find: findPolicy,
	clone: func(p *ab.Policy) ab.Policy {
		c := *p
		c.AddressLists = append([]string(nil), p.AddressLists...)
		return c
	},
	same: samePolicy,
	name: func(p *ab.Policy) string { return p.Name },
	put:  ab.PutPolicy,
}

func setPolicy(ctx *command.Context) error {
	return setRecord(ctx, policies, func(tx *store.Tx, p *ab.Policy) (*object.ErrorRecord, error) { return applyPolicy(ctx, tx, p) })
}

func samePolicy(a, b *ab.Policy) bool {
	return a.Name == b.Name && a.GlobalAddressList == b.GlobalAddressList && a.OfflineAddressBook == b.OfflineAddressBook &&
		a.RoomList == b.RoomList && strings.Join(a.AddressLists, ",") == strings.Join(b.AddressLists, ",")
}

func removePolicy(ctx *command.Context) error {
	return removeRecord(ctx, policies, ab.CanRemovePolicy, ab.RemovePolicy)
}
