package addressbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
)

// oabHelp is the help of the parameters.
func oabHelp() map[string]string {
	return map[string]string{
		"Identity":                           "The offline address book: name, path (\\Name), distinguished name or GUID.",
		"Name":                               "The offline address book's unique name (at most 64 characters).",
		"AddressLists":                       "The address lists and global address lists it holds (name, path, GUID).",
		"IsDefault":                          "Whether it is the offline address book of the mailboxes without one of their own.",
		"DiffRetentionPeriod":                "Days the difference files are kept (7 to 1825), or Unlimited.",
		"FullOabDownloadPreventionThreshold": "The threshold that keeps clients from downloading the whole offline address book again (-1: none).",
		"ZipOabFilesBeforeUploading":         "Whether the files are compressed before they are uploaded.",
		"Versions":                           "The versions generated: Version4, the only one Exchange Online has.",
		"Schedule":                           "The generation schedule (StartDay.Hour:Minute-EndDay.Hour:Minute, several separated by commas), kept but followed only by Exchange 2010.",
		"Force":                              "Removes without asking.",
	}
}

func oabCommands() []*command.Command {
	get := exo.Declared("Get-OfflineAddressBook")
	get.Synopsis = "Lists the offline address books and the lists each one holds."
	get.OutputType = TypeOAB
	get.Examples = []command.Example{{Code: "Get-OfflineAddressBook | Format-List Name,AddressLists,IsDefault", Remark: "Each offline address book and its lists."}}
	exo.DescribeDeclared(get, oabHelp())
	get.Handler.Process = func(ctx *command.Context) error {
		return readAll(ctx, ab.OABs, oabKeys, func(_ *store.Tx, org *directory.Organization, lists []*ab.List, o *ab.OAB) *object.PSObject {
			return oabObject(org, lists, o)
		}, nil)
	}

	nw := exo.Declared("New-OfflineAddressBook")
	nw.Synopsis = "Creates an offline address book of address lists or global address lists."
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: "New-OfflineAddressBook -Name OAB_TenantA -AddressLists GAL_TenantA", Remark: "An offline address book of one global address list."}}
	exo.DescribeDeclared(nw, oabHelp())
	nw.Handler.Process = newOAB

	set := exo.Declared("Set-OfflineAddressBook")
	set.Synopsis = "Changes an offline address book: its name, lists, whether it is the default, how long difference files are kept."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: "Set-OfflineAddressBook OAB_TenantA -AddressLists GAL_TenantA,AL_TenantA_Users", Remark: "Replaces its lists."}}
	exo.DescribeDeclared(set, oabHelp())
	set.Handler.Process = setOAB
	// the MAPI properties an offline address book carries
	// (ConfiguredAttributes, its mandatory ones and the default list) are
	// not modelled: the default list is not documented; UpgradeFromE14 is
	// reserved for Microsoft's internal use
	set = exo.Partial(set, "Identity", "Name", "AddressLists", "IsDefault", "DiffRetentionPeriod", "FullOabDownloadPreventionThreshold",
		"ZipOabFilesBeforeUploading", "Versions", "Schedule")

	rm := exo.Declared("Remove-OfflineAddressBook")
	rm.Synopsis = "Removes an offline address book that is not the default and that no address book policy uses."
	rm.ConfirmImpact = command.ImpactHigh
	rm.Examples = []command.Example{{Code: "Remove-OfflineAddressBook OAB_TenantA -Confirm:$false", Remark: "Removes it."}}
	exo.DescribeDeclared(rm, oabHelp())
	rm.Handler.Process = removeOAB
	return []*command.Command{get, nw, set, rm}
}

func oabKeys(org *directory.Organization, _ []*ab.List) func(*ab.OAB) keyed {
	return func(o *ab.OAB) keyed {
		return keyed{name: o.Name, path: ab.Path(o.Name), guid: o.Guid, dn: ab.OABDN(org, o)}
	}
}

// oabObject is the Get-OfflineAddressBook object.
func oabObject(org *directory.Organization, lists []*ab.List, o *ab.OAB) *object.PSObject {
	obj := object.NewObject(TypeOAB, "Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject", "Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject", "Deserialized.System.Object")
	obj.AddTyped("Server", tStr, nil)
	obj.AddTyped("AddressLists", exo.TypeMultiValued, exo.MultiValued(pathsOf(lists, o.AddressLists)))
	obj.AddTyped("GeneratingMailbox", tStr, nil)
	obj.AddTyped("DiffRetentionPeriod", tStr, o.DiffRetentionPeriod)
	obj.AddTyped("Versions", exo.TypeMultiValued, exo.MultiValued([]string{"Version4"}))
	obj.AddTyped("IsDefault", tBool, o.IsDefault)
	obj.AddTyped("PublicFolderDatabase", tStr, nil)
	obj.AddTyped("PublicFolderDistributionEnabled", tBool, false)
	obj.AddTyped("GlobalWebDistributionEnabled", tBool, true)
	obj.AddTyped("ShadowMailboxDistributionEnabled", tBool, false)
	obj.AddTyped("WebDistributionEnabled", tBool, false)
	obj.AddTyped("VirtualDirectories", exo.TypeMultiValued, exo.MultiValued(nil))
	obj.AddTyped("Schedule", exo.TypeMultiValued, exo.MultiValued(schedules(o.Schedule)))
	obj.AddTyped("ZipOabFilesBeforeUploading", tBool, o.ZipOabFilesBeforeUploading)
	obj.AddTyped("FullOabDownloadPreventionThreshold", tInt, o.FullOabDownloadPreventionThreshold)
	configTail(obj, org, exo.ConfigObject{Name: o.Name, Guid: o.Guid, DistinguishedName: ab.OABDN(org, o), ExchangeVersion: "0.20 (15.0.0.0)",
		Category: "ms-Exch-OAB", Class: "msExchOAB", Created: o.WhenCreated, Changed: o.WhenChanged}, ab.Path(o.Name))
	return obj
}

// resolveLists resolves the AddressLists parameter: address lists and
// global address lists, each once.
func resolveLists(ctx *command.Context, tx *store.Tx, org *directory.Organization, lists []*ab.List, ids []string) ([]string, *object.ErrorRecord) {
	var out []string
	for _, id := range ids {
		l, rec := lookup(ctx, lists, listKeys(org, lists), strings.TrimSpace(id))
		if rec != nil {
			return nil, rec
		}
		if !containsFold(out, l.Guid) {
			out = append(out, l.Guid)
		}
	}
	return out, nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// identities reads a multi-valued identity parameter.
func identities(ctx *command.Context, name string) []string {
	v := object.Unwrap(ctx.Value(name))
	var out []string
	if items, ok := object.Enumerate(v); ok {
		for _, it := range items {
			out = append(out, exo.IdentityOf(object.Unwrap(it)))
		}
		return out
	}
	if v != nil {
		out = append(out, exo.IdentityOf(v))
	}
	return out
}

// retention reads -DiffRetentionPeriod: days from 7 to 1825, or
// Unlimited.
func retention(ctx *command.Context) (string, *object.ErrorRecord) {
	v := strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("DiffRetentionPeriod"))))
	if strings.EqualFold(v, "Unlimited") {
		return "Unlimited", nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 7 || n > 1825 {
		return "", exo.Invalid(ctx, fmt.Sprintf("The value %s of DiffRetentionPeriod isn't valid: it must be a number of days from 7 to 1825, or Unlimited.", v), v)
	}
	return strconv.Itoa(n), nil
}

// applyOAB applies the settings parameters of New- or Set-.
func applyOAB(ctx *command.Context, tx *store.Tx, o *ab.OAB) (*object.ErrorRecord, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	lists, err := ab.AllLists(tx)
	if err != nil {
		return nil, err
	}
	if ctx.Has("AddressLists") {
		g, rec := resolveLists(ctx, tx, org, lists, identities(ctx, "AddressLists"))
		if rec != nil {
			return rec, nil
		}
		if len(g) == 0 {
			return exo.Invalid(ctx, "The AddressLists parameter can't be empty.", nil), nil
		}
		o.AddressLists = g
	}
	if ctx.Has("DiffRetentionPeriod") {
		v, rec := retention(ctx)
		if rec != nil {
			return rec, nil
		}
		o.DiffRetentionPeriod = v
	}
	if ctx.Has("IsDefault") {
		o.IsDefault = ctx.Bool("IsDefault")
	}
	if ctx.Command.Param("FullOabDownloadPreventionThreshold") != nil && ctx.Has("FullOabDownloadPreventionThreshold") {
		n, err := strconv.Atoi(object.ToInvariantString(object.Unwrap(ctx.Value("FullOabDownloadPreventionThreshold"))))
		if err != nil {
			return exo.Invalid(ctx, err.Error(), nil), nil
		}
		o.FullOabDownloadPreventionThreshold = n
	}
	if ctx.Command.Param("ZipOabFilesBeforeUploading") != nil && ctx.Has("ZipOabFilesBeforeUploading") {
		o.ZipOabFilesBeforeUploading = ctx.Bool("ZipOabFilesBeforeUploading")
	}
	if ctx.Command.Param("Versions") != nil && ctx.Has("Versions") {
		// Exchange 2013 and later generate Version4 only; Version2 and
		// Version3 need public folder distribution, which Exchange Online
		// does not have
		for _, v := range identities(ctx, "Versions") {
			for _, part := range strings.Split(v, ",") {
				if part = strings.TrimSpace(part); !strings.EqualFold(part, "Version4") {
					return exo.Invalid(ctx, fmt.Sprintf("The version %s isn't available: Exchange Online generates Version4 offline address books only.", part), part), nil
				}
			}
		}
	}
	if ctx.Command.Param("Schedule") != nil && ctx.Has("Schedule") {
		v := strings.TrimSpace(object.ToInvariantString(object.Unwrap(ctx.Value("Schedule"))))
		if items, ok := object.Enumerate(object.Unwrap(ctx.Value("Schedule"))); ok {
			var parts []string
			for _, it := range items {
				parts = append(parts, strings.TrimSpace(object.ToInvariantString(object.Unwrap(it))))
			}
			v = strings.Join(parts, ", ")
		}
		for _, s := range schedules(v) {
			if !scheduleEntry(s) {
				return exo.Invalid(ctx, fmt.Sprintf("The schedule interval \"%s\" isn't valid. Use StartDay.Hour:Minute [AM|PM]-EndDay.Hour:Minute [AM|PM], for example Sun.1:00 AM-Sun.2:00 AM.", s), s), nil
			}
		}
		o.Schedule = strings.Join(schedules(v), ", ")
	}
	if ctx.Has("Name") {
		o.Name = ctx.String("Name")
	}
	return nil, nil
}

// schedules splits a schedule into its intervals.
func schedules(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// scheduleEntry reports whether an interval reads
// Day.Hour:Minute [AM|PM]-Day.Hour:Minute [AM|PM], days by name (Sun ...
// Sat, or in full) and times on a 12- or 24-hour clock.
func scheduleEntry(s string) bool {
	ends := strings.Split(s, "-")
	if len(ends) != 2 {
		return false
	}
	for _, e := range ends {
		day, t, ok := strings.Cut(strings.TrimSpace(e), ".")
		if !ok || !weekday(day) {
			return false
		}
		t = strings.TrimSpace(t)
		ampm := false
		for _, suffix := range []string{" AM", " PM", "AM", "PM"} {
			if strings.HasSuffix(strings.ToUpper(t), suffix) {
				t, ampm = strings.TrimSpace(t[:len(t)-len(suffix)]), true
				break
			}
		}
		h, m, ok := strings.Cut(t, ":")
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		if !ok || err1 != nil || err2 != nil || mm < 0 || mm > 59 || hh < 0 || hh > 23 || ampm && (hh < 1 || hh > 12) {
			return false
		}
	}
	return true
}

func weekday(d string) bool {
	for _, w := range []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"} {
		if strings.EqualFold(d, w) || strings.EqualFold(d, w[:3]) {
			return true
		}
	}
	return false
}

func newOAB(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating offline address book \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, refusals(ctx, "offline address book", name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o := &ab.OAB{DiffRetentionPeriod: "30", FullOabDownloadPreventionThreshold: -1}
		if rec, err := applyOAB(ctx, tx, o); rec != nil || err != nil {
			return rec, err
		}
		if err := ab.PutOAB(tx, o); err != nil {
			return nil, err
		}
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		lists, err := ab.AllLists(tx)
		if err != nil {
			return nil, err
		}
		out = oabObject(org, lists, o)
		return nil, nil
	}))
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func findOAB(ctx *command.Context, tx *store.Tx) (*ab.OAB, *object.ErrorRecord, error) {
	return findOne(ctx, tx, ab.OABs, oabKeys)
}

// oabs is the offline address books' family (Set- and Remove-).
var oabs = family[ab.OAB]{
	kind: "offline address book",
	find: findOAB,
	clone: func(o *ab.OAB) ab.OAB {
		c := *o
		c.AddressLists = append([]string(nil), o.AddressLists...)
		return c
	},
	same: sameOAB,
	name: func(o *ab.OAB) string { return o.Name },
	put:  ab.PutOAB,
}

func setOAB(ctx *command.Context) error {
	return setRecord(ctx, oabs, func(tx *store.Tx, o *ab.OAB) (*object.ErrorRecord, error) { return applyOAB(ctx, tx, o) })
}

func sameOAB(a, b *ab.OAB) bool {
	return a.Name == b.Name && a.IsDefault == b.IsDefault && a.DiffRetentionPeriod == b.DiffRetentionPeriod &&
		a.FullOabDownloadPreventionThreshold == b.FullOabDownloadPreventionThreshold && a.ZipOabFilesBeforeUploading == b.ZipOabFilesBeforeUploading && a.Schedule == b.Schedule &&
		strings.Join(a.AddressLists, ",") == strings.Join(b.AddressLists, ",")
}

func removeOAB(ctx *command.Context) error {
	return removeRecord(ctx, oabs, ab.CanRemoveOAB, ab.RemoveOAB)
}
