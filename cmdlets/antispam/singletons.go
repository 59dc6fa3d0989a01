package antispam

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// The organization's connection filter policy is named Default.
const singletonName = "Default"

func singletonCommands() []*command.Command {
	getConn := exo.Declared("Get-HostedConnectionFilterPolicy")
	getConn.Synopsis = "Shows the connection filter policy: the IP addresses whose messages are always allowed or always blocked."
	getConn.OutputType = TypeConnection
	getConn.Examples = []command.Example{{Code: "Get-HostedConnectionFilterPolicy | Format-List IPAllowList,IPBlockList,EnableSafeList", Remark: "The IP allow and block lists."}}
	exo.Describe(getConn, map[string]string{"Identity": "The policy: Default (* is a wildcard), its distinguished name or GUID."})
	getConn.Handler.Process = func(ctx *command.Context) error { return getSingleton(ctx, connectionObject) }

	setConn := exo.Declared("Set-HostedConnectionFilterPolicy")
	setConn.Synopsis = "Changes the connection filter policy: its IP allow and block lists and the safe list."
	setConn.ConfirmImpact = command.ImpactMedium
	setConn.Examples = []command.Example{{Code: `Set-HostedConnectionFilterPolicy Default -IPAllowList @{Add="192.168.1.10","192.168.0.1/25"}`, Remark: "Always allows two sources, keeping the other entries."}}
	exo.Describe(setConn, map[string]string{
		"Identity":            "The policy: Default, its distinguished name or GUID.",
		"AdminDisplayName":    "A description of the policy (up to 255 characters).",
		"ConfigurationXmlRaw": "Reserved for the service: accepted, not kept.",
		"EnableSafeList":      "Whether Microsoft's safe list of senders is used.",
		"IPAllowList":         "IPv4 addresses, ranges (256 addresses at most) and CIDR ranges (/24 to /32) always allowed (a list or @{Add=...;Remove=...}).",
		"IPBlockList":         "IPv4 addresses, ranges and CIDR ranges always blocked (a list or @{Add=...;Remove=...}).",
		"MakeDefault":         "Reserved for the service: the policy is the only one, and the default.",
	})
	setConn.Handler.Process = setConnection
	return []*command.Command{getConn, setConn}
}

// connectionContainer is the container of the connection filter policy.
const connectionContainer = "CN=Hosted Connection Filter,CN=Transport Settings"

// connectionObject is the Get-HostedConnectionFilterPolicy object.
func connectionObject(tx *store.Tx, o *directory.Organization) (*object.PSObject, string, string, error) {
	c, err := as.GetConnection(tx)
	if err != nil {
		return nil, "", "", err
	}
	obj := newObject(TypeConnection)
	obj.AddTyped("AdminDisplayName", tStr, c.AdminDisplayName)
	obj.AddTyped("IsDefault", tBool, true)
	obj.AddTyped("IPAllowList", exo.TypeMultiValued, exo.MultiValued(c.IPAllowList))
	obj.AddTyped("IPBlockList", exo.TypeMultiValued, exo.MultiValued(c.IPBlockList))
	obj.AddTyped("EnableSafeList", tBool, c.EnableSafeList)
	obj.AddTyped("DirectoryBasedEdgeBlockMode", tStr, "Default")
	addTail(obj, o, config{name: singletonName, guid: c.Guid, container: connectionContainer, category: "ms-Exch-Hosted-Connection-Filter-Policy",
		class: "msExchHostedConnectionFilterPolicy", created: c.WhenCreated, changed: c.WhenChanged})
	return obj, c.Guid, o.ConfigDN(singletonName, connectionContainer), nil
}

// singletonBuilder builds the object of a one-of-a-kind policy, with its
// Guid and distinguished name.
type singletonBuilder func(tx *store.Tx, o *directory.Organization) (*object.PSObject, string, string, error)

// single is a one-of-a-kind policy as an identity names it.
type single struct {
	obj      *object.PSObject
	guid, dn string
}

// singles names the one policy build makes: Default, its GUID or its
// distinguished name.
func singles(build singletonBuilder) *exo.Configs[single] {
	return &exo.Configs[single]{
		List: func(tx *store.Tx) ([]single, error) {
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			obj, guid, dn, err := build(tx, o)
			return []single{{obj, guid, dn}}, err
		},
		Keys: func(_ *directory.Organization, s single) (string, string, string) { return singletonName, s.guid, s.dn },
	}
}

func getSingleton(ctx *command.Context, build singletonBuilder) error {
	objs, done, err := singles(build).Read(ctx, func(_ *directory.Organization, s single) *object.PSObject { return s.obj })
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// changeSingleton asks, then changes a one-of-a-kind policy the call's
// -Identity names, in one transaction; apply reports whether anything
// changed.
func changeSingleton(ctx *command.Context, question string, build singletonBuilder, apply func(tx *store.Tx) (bool, *object.ErrorRecord, error)) error {
	shown := identity(ctx)
	changed := true
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, _, rec, err := singles(build).Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf(question, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		changed, rec, err = apply(tx)
		return rec, err
	})
	if err == nil && !changed {
		ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", singletonName))
	}
	return err
}

// sameSettings reports whether two states of a record are the same but
// for WhenChanged.
func sameSettings[T any](a, b *T) bool {
	x, y := *a, *b
	reflect.ValueOf(&x).Elem().FieldByName("WhenChanged").Set(reflect.ValueOf(time.Time{}))
	reflect.ValueOf(&y).Elem().FieldByName("WhenChanged").Set(reflect.ValueOf(time.Time{}))
	return reflect.DeepEqual(x, y)
}

func setConnection(ctx *command.Context) error {
	if ctx.Has("AdminDisplayName") {
		if rec := exo.TooLong(ctx, 255, ctx.String("AdminDisplayName")); rec != nil {
			return ctx.Fail(rec)
		}
	}
	return changeSingleton(ctx, "Configure connection filter policy \"%s\".", connectionObject, func(tx *store.Tx) (bool, *object.ErrorRecord, error) {
		c, err := as.GetConnection(tx)
		if err != nil {
			return false, nil, err
		}
		before := *c
		if ctx.Has("AdminDisplayName") {
			c.AdminDisplayName = ctx.String("AdminDisplayName")
		}
		if ctx.Has("EnableSafeList") {
			c.EnableSafeList = ctx.Bool("EnableSafeList")
		}
		for _, l := range []struct {
			param string
			field *[]string
		}{{"IPAllowList", &c.IPAllowList}, {"IPBlockList", &c.IPBlockList}} {
			if rec := applyIPList(ctx, l.param, l.field); rec != nil {
				return false, rec, nil
			}
		}
		if sameSettings(&before, c) {
			return false, nil, nil
		}
		if err := as.PutConnection(tx, c); errors.Is(err, as.ErrTooManyIPEntries) {
			return false, exo.Error(ctx, exDataInvalid, fmt.Sprintf("The IP allow and block lists can hold %d entries in all.", as.MaxIPListEntries), object.InvalidData, nil), nil
		} else if err != nil {
			return false, nil, err
		}
		return true, nil, nil
	})
}

// applyIPList applies an IP list argument (a list, or
// @{Add=...;Remove=...}) to *field, each entry checked and written as
// Exchange writes it.
func applyIPList(ctx *command.Context, param string, field *[]string) *object.ErrorRecord {
	if !ctx.Has(param) {
		return nil
	}
	arg := object.Unwrap(ctx.Value(param))
	// the entries to add or that replace are checked first; those to
	// remove match written entries
	next, err := mailbox.ApplyMultiValued(arg, *field)
	if err != nil {
		return exo.Invalid(ctx, err.Error(), param)
	}
	var out []string
	for _, v := range next {
		w, problem := as.IPEntry(v)
		switch problem {
		case "format":
			return exo.Error(ctx, exDataInvalid, fmt.Sprintf("The input string \"%s\" isn't formatted correctly. An example of an IP range is \"192.168.1.1-192.168.255.255\" where \"192.168.1.1\" is the starting address of the range and \"192.168.255.255\" is the ending address of the range.", v), object.InvalidData, v)
		case "cidr":
			return exo.Error(ctx, exDataInvalid, fmt.Sprintf("'%s' has invalid CIDR range. CIDR length must be %d or greater.", v, as.MinCIDRBits), object.InvalidData, v)
		case "range":
			return exo.Error(ctx, exDataInvalid, fmt.Sprintf("\"%s\" is not allowed. Only single IP addresses or ranges containing %d IP addresses or less are permitted.", v, as.MaxIPRange), object.InvalidData, v)
		}
		if !exo.ContainsFold(out, w) {
			out = append(out, w)
		}
	}
	*field = out
	return nil
}
