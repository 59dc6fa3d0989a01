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

// The organization's outbound spam and connection filter policies are
// both named Default.
const singletonName = "Default"

func singletonCommands() []*command.Command {
	getOut := exo.Declared("Get-HostedOutboundSpamFilterPolicy")
	getOut.Synopsis = "Shows the outbound spam filter policy: sending limits, what happens when a user reaches them, automatic forwarding to external recipients."
	getOut.OutputType = TypeOutbound
	getOut.Examples = []command.Example{{Code: "Get-HostedOutboundSpamFilterPolicy | Format-List AutoForwardingMode,RecipientLimit*,ActionWhenThresholdReached",
		Remark: "Whether users may forward mail outside automatically, and their sending limits."}}
	exo.Describe(getOut, map[string]string{"Identity": "The policy: Default (* is a wildcard), its distinguished name or GUID."})
	getOut.Handler.Process = func(ctx *command.Context) error { return getSingleton(ctx, outboundObject) }

	setOut := exo.Declared("Set-HostedOutboundSpamFilterPolicy")
	setOut.Synopsis = "Changes the outbound spam filter policy."
	setOut.ConfirmImpact = command.ImpactMedium
	setOut.Examples = []command.Example{{Code: "Set-HostedOutboundSpamFilterPolicy Default -AutoForwardingMode Off", Remark: "Stops automatic forwarding to external recipients."}}
	exo.Describe(setOut, map[string]string{
		"Identity":                                  "The policy: Default, its distinguished name or GUID.",
		"ActionWhenThresholdReached":                "What happens when a user reaches a limit: BlockUserForToday (default), BlockUser or Alert.",
		"AdminDisplayName":                          "A description of the policy.",
		"AutoForwardingMode":                        "Automatic forwarding to external recipients: Automatic (default), On or Off.",
		"BccSuspiciousOutboundAdditionalRecipients": "Addresses copied on outgoing spam when BccSuspiciousOutboundMail is $true.",
		"BccSuspiciousOutboundMail":                 "Whether outgoing spam is copied to BccSuspiciousOutboundAdditionalRecipients.",
		"NotifyOutboundSpam":                        "Whether the NotifyOutboundSpamRecipients are told of outgoing spam (an alert policy does it now).",
		"NotifyOutboundSpamRecipients":              "Addresses told of outgoing spam.",
		"RecipientLimitExternalPerHour":             "External recipients a user may send to in an hour (0 to 10000; 0, the default, is the service's limit).",
		"RecipientLimitInternalPerHour":             "Internal recipients a user may send to in an hour (0 to 10000; 0 is the service's limit).",
		"RecipientLimitPerDay":                      "Recipients a user may send to in a day (0 to 10000; 0 is the service's limit).",
	})
	setOut.Handler.Process = setOutbound

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
	return []*command.Command{getOut, setOut, getConn, setConn}
}

// The containers and classes of the outbound and connection filter
// policies.
const (
	outboundContainer   = "CN=Outbound Spam Filter,CN=Transport Settings"
	connectionContainer = "CN=Hosted Connection Filter,CN=Transport Settings"
)

// outboundObject is the Get-HostedOutboundSpamFilterPolicy object.
func outboundObject(tx *store.Tx, o *directory.Organization) (*object.PSObject, string, string, error) {
	p, err := as.GetOutbound(tx)
	if err != nil {
		return nil, "", "", err
	}
	obj := newObject(TypeOutbound)
	obj.AddTyped("AdminDisplayName", tStr, p.AdminDisplayName)
	obj.AddTyped("NotifyOutboundSpamRecipients", exo.TypeMultiValued, exo.MultiValued(p.NotifyRecipients))
	obj.AddTyped("BccSuspiciousOutboundAdditionalRecipients", exo.TypeMultiValued, exo.MultiValued(p.BccRecipients))
	obj.AddTyped("BccSuspiciousOutboundMail", tBool, p.BccSuspiciousOutbound)
	obj.AddTyped("NotifyOutboundSpam", tBool, p.NotifyOutboundSpam)
	obj.AddTyped("RecipientLimitExternalPerHour", "System.UInt32", p.RecipientLimitExternalPerHour)
	obj.AddTyped("RecipientLimitInternalPerHour", "System.UInt32", p.RecipientLimitInternalPerHour)
	obj.AddTyped("RecipientLimitPerDay", "System.UInt32", p.RecipientLimitPerDay)
	obj.AddTyped("ActionWhenThresholdReached", tStr, p.ActionWhenThresholdReached)
	obj.AddTyped("AutoForwardingMode", tStr, p.AutoForwardingMode)
	obj.AddTyped("IsDefault", tBool, true)
	obj.AddTyped("Enabled", tBool, true)
	obj.AddTyped("RecommendedPolicyType", tStr, "Custom")
	addTail(obj, o, config{name: singletonName, guid: p.Guid, container: outboundContainer, category: "ms-Exch-Hygiene-Configuration",
		class: "msExchHygieneConfiguration", created: p.WhenCreated, changed: p.WhenChanged})
	return obj, p.Guid, configDN(o, singletonName, outboundContainer), nil
}

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
	return obj, c.Guid, configDN(o, singletonName, connectionContainer), nil
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

func setOutbound(ctx *command.Context) error {
	var action, mode string
	for _, e := range []struct {
		param, typ string
		values     []string
		field      *string
	}{
		{"ActionWhenThresholdReached", "OutboundRecipientLimitsExceededAction", as.ThresholdActions, &action},
		{"AutoForwardingMode", "AutoForwardingMode", as.AutoForwardingModes, &mode},
	} {
		if rec := exo.EnumArg(ctx, e.param, enumNS+e.typ, e.values, e.field); rec != nil {
			return ctx.Fail(rec)
		}
	}
	limits := map[string]int{}
	for _, n := range []string{"RecipientLimitExternalPerHour", "RecipientLimitInternalPerHour", "RecipientLimitPerDay"} {
		if !ctx.Has(n) {
			continue
		}
		v := ctx.Int(n)
		if v < 0 || v > as.MaxRecipientLimit {
			return ctx.Fail(exo.OutOfRange(ctx, 0, as.MaxRecipientLimit, v))
		}
		limits[n] = v
	}
	return changeSingleton(ctx, "Configure outbound spam filter policy \"%s\".", outboundObject, func(tx *store.Tx) (bool, *object.ErrorRecord, error) {
		p, err := as.GetOutbound(tx)
		if err != nil {
			return false, nil, err
		}
		before := *p
		if action != "" {
			p.ActionWhenThresholdReached = action
		}
		if mode != "" {
			p.AutoForwardingMode = mode
		}
		for n, v := range limits {
			*map[string]*int{"RecipientLimitExternalPerHour": &p.RecipientLimitExternalPerHour,
				"RecipientLimitInternalPerHour": &p.RecipientLimitInternalPerHour, "RecipientLimitPerDay": &p.RecipientLimitPerDay}[n] = v
		}
		if ctx.Has("AdminDisplayName") {
			p.AdminDisplayName = ctx.String("AdminDisplayName")
		}
		if ctx.Has("BccSuspiciousOutboundMail") {
			p.BccSuspiciousOutbound = ctx.Bool("BccSuspiciousOutboundMail")
		}
		if ctx.Has("NotifyOutboundSpam") {
			p.NotifyOutboundSpam = ctx.Bool("NotifyOutboundSpam")
		}
		for _, l := range []struct {
			param string
			field *[]string
		}{{"BccSuspiciousOutboundAdditionalRecipients", &p.BccRecipients}, {"NotifyOutboundSpamRecipients", &p.NotifyRecipients}} {
			if rec := applyAddresses(ctx, l.param, l.field); rec != nil {
				return false, rec, nil
			}
		}
		if sameSettings(&before, p) {
			return false, nil, nil
		}
		return true, nil, as.PutOutbound(tx, p)
	})
}

// applyAddresses applies a list of SMTP addresses (a list, or
// @{Add=...;Remove=...}) to *field.
func applyAddresses(ctx *command.Context, param string, field *[]string) *object.ErrorRecord {
	if !ctx.Has(param) {
		return nil
	}
	next, err := mailbox.ApplyMultiValued(object.Unwrap(ctx.Value(param)), *field)
	if err != nil {
		return exo.Invalid(ctx, err.Error(), param)
	}
	var out []string
	for _, v := range next {
		if !validAddress(v) {
			return badAddress(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpAddress]", v)
		}
		if !exo.ContainsFold(out, v) {
			out = append(out, v)
		}
	}
	*field = out
	return nil
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
