package mailauth

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
	ma "github.com/exosim/exosim/store/mailauth"
)

// TypeInbound is the output type of Get-InboundConnector.
const TypeInbound = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.TenantInboundConnector"

// connectorContainer is the container of the connectors.
const connectorContainer = "CN=Transport Connectors,CN=Transport Settings"

func connectorCommands() []*command.Command {
	help := map[string]string{
		"Identity":                     "The connector: its name, distinguished name or GUID.",
		"Name":                         "A unique name for the connector (up to 64 characters).",
		"SenderDomains":                "The source domains the connector takes mail for (*.domain and * too).",
		"AssociatedAcceptedDomains":    "Accepted domains whose senders use the connector.",
		"ClientHostNames":              "Host names of the sending clients; kept and shown.",
		"CloudServicesMailEnabled":     "Whether the connector carries hybrid mail flow (cross-premises headers kept).",
		"Comment":                      "A comment on the connector.",
		"ConnectorSource":              "How the connector was made: Default, HybridWizard, Migrated or AdminUI.",
		"ConnectorType":                "Partner (default) or OnPremises.",
		"EFSkipIPs":                    "Enhanced Filtering: source IP addresses, ranges and CIDR ranges to skip when EFSkipLastIP is $false.",
		"EFSkipLastIP":                 "Enhanced Filtering: skip only the last source ($false by default).",
		"EFSkipMailGateway":            "Reserved for the service; kept and shown.",
		"EFTestMode":                   "Reserved for the service; kept and shown.",
		"EFUsers":                      "Enhanced Filtering: the recipients it applies to (everyone when empty).",
		"Enabled":                      "Whether the connector is on ($true by default).",
		"RequireTls":                   "Whether a Partner connector rejects mail not sent over TLS.",
		"RestrictDomainsToCertificate": "Whether the sender's TLS certificate must match TlsSenderCertificateName.",
		"RestrictDomainsToIPAddresses": "Whether mail from the sender domains must come from SenderIPAddresses.",
		"ScanAndDropRecipients":        "Reserved for the service; kept and shown.",
		"SenderIPAddresses":            "IPv4 addresses and CIDR ranges (/24 to /32) the connector takes mail from.",
		"TlsSenderCertificateName":     "The domain (or *.domain) of the sender's TLS certificate.",
		"TreatMessagesAsInternal":      "Whether mail from the on-premises organization counts as internal (OnPremises connectors without hybrid mail flow).",
		"TrustedOrganizations":         "Other Microsoft 365 organizations that are trusted sources.",
	}
	get := exo.Declared("Get-InboundConnector")
	get.Synopsis = "Lists the inbound connectors: where partner and on-premises mail comes from, and Enhanced Filtering for Connectors."
	get.OutputType = TypeInbound
	get.Examples = []command.Example{{Code: "Get-InboundConnector | Format-List Name,ConnectorType,SenderDomains,EFSkipLastIP,EFSkipIPs", Remark: "The connectors and their Enhanced Filtering."}}
	exo.Describe(get, map[string]string{"Identity": "The connector: name (* is a wildcard), distinguished name or GUID.", "ResultSize": "How many connectors to show, or Unlimited."})
	get.Handler.Process = getInbound

	nw := exo.Declared("New-InboundConnector")
	nw.Synopsis = "Creates an inbound connector for a partner's or the on-premises organization's mail."
	nw.OutputType = TypeInbound
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-InboundConnector -Name "From Fabrikam" -SenderDomains fabrikam.com -RequireTls $true -TlsSenderCertificateName "*.fabrikam.com"`,
		Remark: "Takes fabrikam.com's mail over TLS with its certificate."}}
	exo.DescribeDeclared(nw, help, "Identity")
	nw.Handler.Process = newInbound

	set := exo.Declared("Set-InboundConnector")
	set.Synopsis = "Changes an inbound connector."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `New-InboundConnector "From gateway" -SenderDomains * | Out-Null; Set-InboundConnector "From gateway" -EFSkipIPs 192.168.1.10,10.0.0.0/24`, Remark: "Enhanced Filtering skips a third-party gateway's addresses."}}
	exo.DescribeDeclared(set, help)
	set.Handler.Process = setInbound

	remove := exo.Declared("Remove-InboundConnector")
	remove.Synopsis = "Removes an inbound connector."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"]})
	remove.Handler.Process = removeInbound
	return []*command.Command{get, nw, set, remove}
}

// inboundObject is the Get-InboundConnector object of a connector, its
// properties in Exchange Online's order; a sender domain shows as an
// address space (smtp:domain;1).
func inboundObject(o *directory.Organization, c *ma.Inbound) *object.PSObject {
	obj := exo.HygieneObject(TypeInbound)
	list := func(name string, v []string) { obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(v)) }
	spaces := make([]string, len(c.SenderDomains))
	for i, d := range c.SenderDomains {
		spaces[i] = "smtp:" + d + ";1"
	}
	obj.AddTyped("Enabled", tBool, c.Enabled)
	obj.AddTyped("ConnectorType", tStr, c.ConnectorType)
	obj.AddTyped("ConnectorSource", tStr, c.ConnectorSource)
	obj.AddTyped("Comment", tStr, c.Comment)
	list("SenderIPAddresses", c.SenderIPAddresses)
	list("SenderDomains", spaces)
	list("TrustedOrganizations", c.TrustedOrganizations)
	list("AssociatedAcceptedDomains", c.AssociatedAcceptedDomains)
	list("ClientHostNames", c.ClientHostNames)
	obj.AddTyped("RequireTls", tBool, c.RequireTls)
	obj.AddTyped("RestrictDomainsToIPAddresses", tBool, c.RestrictDomainsToIPAddresses)
	obj.AddTyped("RestrictDomainsToCertificate", tBool, c.RestrictDomainsToCertificate)
	obj.AddTyped("CloudServicesMailEnabled", tBool, c.CloudServicesMailEnabled)
	obj.AddTyped("TreatMessagesAsInternal", tBool, c.TreatMessagesAsInternal)
	obj.AddTyped("TlsSenderCertificateName", tStr, exo.NilIfEmpty(c.TlsSenderCertificateName))
	obj.AddTyped("EFTestMode", tBool, c.EFTestMode)
	list("ScanAndDropRecipients", c.ScanAndDropRecipients)
	obj.AddTyped("EFSkipLastIP", tBool, c.EFSkipLastIP)
	list("EFSkipIPs", c.EFSkipIPs)
	list("EFSkipMailGateway", c.EFSkipMailGateway)
	list("EFUsers", c.EFUsers)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: c.Name, Guid: c.Guid, Container: connectorContainer, Version: "0.1 (8.0.535.0)",
		Category: "ms-Exch-SMTP-Inbound-Connector", Class: "msExchSMTPInboundConnector", Created: c.WhenCreated, Changed: c.WhenChanged})
	return obj
}

// inbounds names inbound connectors: by name, GUID or distinguished name.
var inbounds = exo.Configs[*ma.Inbound]{List: ma.ListInbound, Keys: inboundKeys}

func inboundKeys(o *directory.Organization, c *ma.Inbound) (name, guid, dn string) {
	return c.Name, c.Guid, o.ConfigDN(c.Name, connectorContainer)
}

// inbound is how the inbound connector cmdlets read, change and show a
// connector (built on first use, so that the package runs no code before
// main).
var inbound = lazy.Value[*connectorKind[*ma.Inbound]]{Build: func() *connectorKind[*ma.Inbound] {
	return &connectorKind[*ma.Inbound]{
		noun: "inbound connector", configs: &inbounds, make: ma.NewInbound, put: ma.PutInbound, remove: ma.RemoveInbound,
		object: inboundObject, name: func(c *ma.Inbound) string { return c.Name },
		fields: connectorFields[*ma.Inbound]{
			enums: []enumField[*ma.Inbound]{
				{"ConnectorType", "Microsoft.Exchange.Data.TenantConnectorType", ma.ConnectorTypes, false, func(c *ma.Inbound) *string { return &c.ConnectorType }},
				{"ConnectorSource", "Microsoft.Exchange.Data.TenantConnectorSource", ma.ConnectorSources, false, func(c *ma.Inbound) *string { return &c.ConnectorSource }},
			},
			bools: []boolField[*ma.Inbound]{
				{"CloudServicesMailEnabled", func(c *ma.Inbound) *bool { return &c.CloudServicesMailEnabled }},
				{"EFSkipLastIP", func(c *ma.Inbound) *bool { return &c.EFSkipLastIP }},
				{"EFTestMode", func(c *ma.Inbound) *bool { return &c.EFTestMode }},
				{"Enabled", func(c *ma.Inbound) *bool { return &c.Enabled }},
				{"RequireTls", func(c *ma.Inbound) *bool { return &c.RequireTls }},
				{"RestrictDomainsToCertificate", func(c *ma.Inbound) *bool { return &c.RestrictDomainsToCertificate }},
				{"RestrictDomainsToIPAddresses", func(c *ma.Inbound) *bool { return &c.RestrictDomainsToIPAddresses }},
				{"TreatMessagesAsInternal", func(c *ma.Inbound) *bool { return &c.TreatMessagesAsInternal }},
			},
			texts: []textField[*ma.Inbound]{
				{"Comment", "", func(c *ma.Inbound) *string { return &c.Comment }},
				{"Name", "name", func(c *ma.Inbound) *string { return &c.Name }},
				{"TlsSenderCertificateName", "Microsoft.Exchange.Data.TlsCertificate", func(c *ma.Inbound) *string { return &c.TlsSenderCertificateName }},
			},
			lists: []listField[*ma.Inbound]{
				{"SenderDomains", "senderDomain", func(c *ma.Inbound) *[]string { return &c.SenderDomains }},
				{"AssociatedAcceptedDomains", "accepted", func(c *ma.Inbound) *[]string { return &c.AssociatedAcceptedDomains }},
				{"TrustedOrganizations", "domain", func(c *ma.Inbound) *[]string { return &c.TrustedOrganizations }},
				{"ClientHostNames", "domain", func(c *ma.Inbound) *[]string { return &c.ClientHostNames }},
				{"SenderIPAddresses", "senderIP", func(c *ma.Inbound) *[]string { return &c.SenderIPAddresses }},
				{"EFSkipIPs", "ip", func(c *ma.Inbound) *[]string { return &c.EFSkipIPs }},
				{"EFSkipMailGateway", "ip", func(c *ma.Inbound) *[]string { return &c.EFSkipMailGateway }},
				{"EFUsers", "address", func(c *ma.Inbound) *[]string { return &c.EFUsers }},
				{"ScanAndDropRecipients", "address", func(c *ma.Inbound) *[]string { return &c.ScanAndDropRecipients }},
			},
		},
	}
}}

func getInbound(ctx *command.Context) error    { return inbound.Get().get(ctx) }
func newInbound(ctx *command.Context) error    { return inbound.Get().create(ctx) }
func setInbound(ctx *command.Context) error    { return inbound.Get().set(ctx) }
func removeInbound(ctx *command.Context) error { return inbound.Get().delete(ctx) }

// connectorEdit is one parameter's change of a connector of type T.
type connectorEdit[T any] func(tx *store.Tx, o *directory.Organization, c T) *object.ErrorRecord

// connectorFields says which setting of a connector of type T each
// parameter sets, by the kind of value it takes.
type connectorFields[T any] struct {
	enums []enumField[T]
	bools []boolField[T]
	texts []textField[T]
	lists []listField[T]
}

// enumField is a parameter that takes a value of the enumeration typ
// (nullable: $null clears it).
type enumField[T any] struct {
	param, typ string
	values     []string
	nullable   bool
	field      func(T) *string
}

type boolField[T any] struct {
	param string
	field func(T) *bool
}

// textField is a parameter that takes text: kind "" keeps it as given,
// "name" trims it and bounds its length, another kind is the .NET type
// of a domain (*.domain allowed) that the text must be.
type textField[T any] struct {
	param, kind string
	field       func(T) *string
}

// listField is a list parameter whose entries connectorEntry checks as
// kind.
type listField[T any] struct {
	param, kind string
	field       func(T) *[]string
}

// readConnector reads the call's connector settings, refusing before the
// tenant is read the values that fail binding.
func readConnector[T any](ctx *command.Context, f connectorFields[T]) ([]connectorEdit[T], error) {
	var edits []connectorEdit[T]
	set := func(apply func(c T)) {
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c T) *object.ErrorRecord {
			apply(c)
			return nil
		})
	}
	for _, e := range f.enums {
		if !ctx.Has(e.param) {
			continue
		}
		var v string
		if !e.nullable || strings.TrimSpace(ctx.String(e.param)) != "" {
			if rec := exo.EnumArg(ctx, e.param, e.typ, e.values, &v); rec != nil {
				return nil, ctx.Fail(rec)
			}
		}
		field := e.field
		set(func(c T) { *field(c) = v })
	}
	for _, b := range f.bools {
		if ctx.Has(b.param) {
			v, field := ctx.Bool(b.param), b.field
			set(func(c T) { *field(c) = v })
		}
	}
	for _, t := range f.texts {
		if !ctx.Has(t.param) {
			continue
		}
		v := ctx.String(t.param)
		switch t.kind {
		case "":
		case "name":
			v = strings.TrimSpace(v)
			if rec := exo.TooLong(ctx, ma.MaxConnectorNameLength, v); rec != nil {
				return nil, ctx.Fail(rec)
			}
		default:
			v = strings.TrimSpace(v)
			if v != "" && !validDomain(v, true) {
				return nil, ctx.Fail(badValue(ctx, t.param, t.kind, v, fmt.Sprintf("\"%s\" isn't a valid SMTP domain.", v)))
			}
		}
		field := t.field
		set(func(c T) { *field(c) = v })
	}
	for _, l := range f.lists {
		if !ctx.Has(l.param) {
			continue
		}
		arg, param, kind, field := object.Unwrap(ctx.Value(l.param)), l.param, l.kind, l.field
		if _, err := mailbox.ApplyMultiValued(arg, nil); err != nil {
			return nil, ctx.Fail(exo.Invalid(ctx, err.Error(), param))
		}
		edits = append(edits, func(_ *store.Tx, o *directory.Organization, c T) *object.ErrorRecord {
			next, _ := mailbox.ApplyMultiValued(arg, *field(c))
			var out []string
			for _, v := range next {
				w, rec := connectorEntry(ctx, o, param, kind, strings.TrimSpace(v))
				if rec != nil {
					return rec
				}
				if w != "" && !exo.ContainsFold(out, w) {
					out = append(out, w)
				}
			}
			*field(c) = out
			return nil
		})
	}
	return edits, nil
}

// validDomain reports whether v is a domain (or, when wild, *.domain).
func validDomain(v string, wild bool) bool {
	if wild {
		v = strings.TrimPrefix(v, "*.")
	}
	return !strings.Contains(v, "@") && junkemail.ValidEntry(v)
}

// badValue is the binding error of a value its parameter's type refuses.
func badValue(ctx *command.Context, param, typ, v, why string) *object.ErrorRecord {
	return exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", param, v, typ, why), object.InvalidArgument, v)
}

// connectorEntry checks one entry of a list setting and returns it as
// Exchange keeps it ("" to drop an empty one).
func connectorEntry(ctx *command.Context, o *directory.Organization, param, kind, v string) (string, *object.ErrorRecord) {
	if v == "" {
		return "", nil
	}
	switch kind {
	case "senderDomain":
		if d, ok := strings.CutPrefix(strings.ToLower(v), "smtp:"); ok {
			v, _, _ = strings.Cut(v[len(v)-len(d):], ";")
		}
		if v != "*" && !validDomain(v, true) {
			return "", badValue(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.AddressSpace]", v, fmt.Sprintf("\"%s\" isn't a valid SMTP domain.", v))
		}
	case "accepted":
		if !o.IsInternalDomain(v) {
			return "", exo.Invalid(ctx, fmt.Sprintf("The domain %s isn't an accepted domain of your organization.", v), v)
		}
	case "domain":
		if !validDomain(v, true) {
			return "", badValue(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]", v, fmt.Sprintf("\"%s\" isn't a valid SMTP domain.", v))
		}
	case "address":
		if strings.LastIndexByte(v, '@') <= 0 || !junkemail.ValidEntry(v) {
			return "", badValue(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpAddress]", v, fmt.Sprintf("The address '%s' is not a valid SMTP address.", v))
		}
	case "recipientDomain":
		if v != "*" && !validDomain(v, true) {
			return "", badValue(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]", v, fmt.Sprintf("\"%s\" isn't a valid SMTP domain.", v))
		}
	case "smartHost":
		// a host name, an IP address or a CIDR range
		if w, problem := as.IPEntry(v); problem == "" && !strings.Contains(w, "-") {
			return w, nil
		}
		if strings.ContainsAny(v, "/:") || !validDomain(v, false) {
			return "", badValue(ctx, param, "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmartHost]", v, fmt.Sprintf("\"%s\" isn't a valid smart host.", v))
		}
	case "ip", "senderIP":
		w, problem := as.IPEntry(v)
		if problem == "" && kind == "senderIP" && strings.Contains(w, "-") {
			problem = "format"
		}
		switch problem {
		case "format":
			return "", exo.Error(ctx, exDataInvalid, fmt.Sprintf("The input string \"%s\" isn't formatted correctly.", v), object.InvalidData, v)
		case "cidr":
			return "", exo.Error(ctx, exDataInvalid, fmt.Sprintf("'%s' has invalid CIDR range. CIDR length must be %d or greater.", v, as.MinCIDRBits), object.InvalidData, v)
		case "range":
			return "", exo.Error(ctx, exDataInvalid, fmt.Sprintf("\"%s\" is not allowed. Only single IP addresses or ranges containing %d IP addresses or less are permitted.", v, as.MaxIPRange), object.InvalidData, v)
		}
		return w, nil
	}
	return v, nil
}

// connectorRecord words the refusals of the connector rules; nil for any
// other error.
func connectorRecord(ctx *command.Context, o *directory.Organization, err error) *object.ErrorRecord {
	var name *ma.ConnectorNameInUseError
	switch {
	case errors.As(err, &name):
		return exo.AlreadyExists(ctx, o, o.ConfigDN(name.Name, connectorContainer), name.Name)
	case errors.Is(err, ma.ErrInternalNeedsOnPremises):
		return exo.Error(ctx, exValidation, "TreatMessagesAsInternal can be set to true only on an OnPremises connector whose CloudServicesMailEnabled is false.", object.InvalidArgument, nil)
	case errors.Is(err, ma.ErrSmartHostsNeeded):
		return exo.Error(ctx, exValidation, "SmartHosts must be specified when UseMXRecord is false.", object.InvalidArgument, nil)
	case errors.Is(err, ma.ErrTlsDomainNeeded):
		return exo.Error(ctx, exValidation, "TlsDomain must be specified when TlsSettings is DomainValidation.", object.InvalidArgument, nil)
	case errors.Is(err, ma.ErrOnPremisesOnlySetting):
		return exo.Error(ctx, exValidation, "AllAcceptedDomains, RouteAllMessagesViaOnPremises and SenderRewritingEnabled can be set to true only on an OnPremises connector.", object.InvalidArgument, nil)
	}
	return nil
}

// connectorKind is how the cmdlets of one kind of connector read, change
// and show a connector of type T.
type connectorKind[T any] struct {
	// noun names the kind in questions ("inbound connector").
	noun    string
	configs *exo.Configs[T]
	fields  connectorFields[T]
	// more reads the parameters fields does not cover.
	more   func(ctx *command.Context) ([]connectorEdit[T], error)
	make   func(name string) T
	put    func(*store.Tx, T) error
	remove func(*store.Tx, T) error
	object func(*directory.Organization, T) *object.PSObject
	name   func(T) string
	// keep, when set, says whether Get lists a connector.
	keep func(ctx *command.Context, c T) bool
}

func (k *connectorKind[T]) read(ctx *command.Context) ([]connectorEdit[T], error) {
	edits, err := readConnector(ctx, k.fields)
	if err != nil || k.more == nil {
		return edits, err
	}
	more, err := k.more(ctx)
	return append(edits, more...), err
}

// apply makes the edits, then stores the connector; a refusal of the
// connector rules is worded.
func (k *connectorKind[T]) apply(ctx *command.Context, tx *store.Tx, o *directory.Organization, c T, edits []connectorEdit[T]) (*object.ErrorRecord, error) {
	for _, e := range edits {
		if rec := e(tx, o, c); rec != nil {
			return rec, nil
		}
	}
	if err := k.put(tx, c); err != nil {
		if rec := connectorRecord(ctx, o, err); rec != nil {
			return rec, nil
		}
		return nil, err
	}
	return nil, nil
}

func (k *connectorKind[T]) get(ctx *command.Context) error {
	limit, _, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	objs, done, err := k.configs.Read(ctx, func(o *directory.Organization, c T) *object.PSObject {
		if k.keep != nil && !k.keep(ctx, c) {
			return nil
		}
		return k.object(o, c)
	})
	if err != nil || !done {
		return err
	}
	kept := objs[:0]
	for _, obj := range objs {
		if obj != nil {
			kept = append(kept, obj)
		}
	}
	if limit >= 0 && len(kept) > limit {
		kept = kept[:limit]
	}
	return exo.WriteAll(ctx, kept)
}

func (k *connectorKind[T]) create(ctx *command.Context) error {
	name := strings.TrimSpace(ctx.String("Name"))
	edits, err := k.read(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create %s \"%s\".", k.noun, name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		c := k.make(name)
		if rec, err := k.apply(ctx, tx, o, c, edits); rec != nil || err != nil {
			return rec, err
		}
		out = k.object(o, c)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func (k *connectorKind[T]) set(ctx *command.Context) error {
	edits, err := k.read(ctx)
	if err != nil {
		return err
	}
	shown := identity(ctx)
	var c T
	unchanged := false
	_, err = exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := k.configs.Find(ctx, tx)
		c = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Configure %s \"%s\".", k.noun, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		before := reflect.ValueOf(c).Elem().Interface()
		for _, e := range edits {
			if rec := e(tx, o, c); rec != nil {
				return rec, nil
			}
		}
		if reflect.DeepEqual(before, reflect.ValueOf(c).Elem().Interface()) {
			unchanged = true
			return nil, nil
		}
		return k.apply(ctx, tx, o, c, nil)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, k.name(c))
	}
	return err
}

func (k *connectorKind[T]) delete(ctx *command.Context) error {
	shown := identity(ctx)
	var c T
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := k.configs.Find(ctx, tx)
		c = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Remove %s \"%s\".", k.noun, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, k.remove(tx, c)
	})
	return err
}
