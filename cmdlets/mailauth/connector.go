package mailauth

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/junkemail"
	ma "github.com/exosim/exosim/store/mailauth"
)

// TypeInbound is the output type of Get-InboundConnector.
const TypeInbound = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.TenantInboundConnector"

// inboundContainer is the container of the inbound connectors.
const inboundContainer = "CN=Transport Connectors,CN=Transport Settings"

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
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: c.Name, Guid: c.Guid, Container: inboundContainer, Version: "0.1 (8.0.535.0)",
		Category: "ms-Exch-SMTP-Inbound-Connector", Class: "msExchSMTPInboundConnector", Created: c.WhenCreated, Changed: c.WhenChanged})
	return obj
}

// inbounds names inbound connectors: by name, GUID or distinguished name.
var inbounds = exo.Configs[*ma.Inbound]{List: ma.ListInbound, Keys: inboundKeys}

func inboundKeys(o *directory.Organization, c *ma.Inbound) (name, guid, dn string) {
	return c.Name, c.Guid, exo.ConfigDN(o, c.Name, inboundContainer)
}

func getInbound(ctx *command.Context) error {
	limit, _, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	objs, done, err := inbounds.Read(ctx, inboundObject)
	if err != nil || !done {
		return err
	}
	if limit >= 0 && len(objs) > limit {
		objs = objs[:limit]
	}
	return exo.WriteAll(ctx, objs)
}

// inboundEdit is one parameter's change of a connector.
type inboundEdit func(tx *store.Tx, o *directory.Organization, c *ma.Inbound) *object.ErrorRecord

// readInbound reads the call's connector settings, refusing before the
// tenant is read the values that fail binding.
func readInbound(ctx *command.Context) ([]inboundEdit, error) {
	var edits []inboundEdit
	for _, e := range []struct {
		param, typ string
		values     []string
		field      func(*ma.Inbound) *string
	}{
		{"ConnectorType", "Microsoft.Exchange.Data.TenantConnectorType", ma.ConnectorTypes, func(c *ma.Inbound) *string { return &c.ConnectorType }},
		{"ConnectorSource", "Microsoft.Exchange.Data.TenantConnectorSource", ma.ConnectorSources, func(c *ma.Inbound) *string { return &c.ConnectorSource }},
	} {
		var v string
		if rec := exo.EnumArg(ctx, e.param, e.typ, e.values, &v); rec != nil {
			return nil, ctx.Fail(rec)
		}
		if ctx.Has(e.param) {
			field := e.field
			edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Inbound) *object.ErrorRecord {
				*field(c) = v
				return nil
			})
		}
	}
	for _, b := range []struct {
		param string
		field func(*ma.Inbound) *bool
	}{
		{"CloudServicesMailEnabled", func(c *ma.Inbound) *bool { return &c.CloudServicesMailEnabled }},
		{"EFSkipLastIP", func(c *ma.Inbound) *bool { return &c.EFSkipLastIP }},
		{"EFTestMode", func(c *ma.Inbound) *bool { return &c.EFTestMode }},
		{"Enabled", func(c *ma.Inbound) *bool { return &c.Enabled }},
		{"RequireTls", func(c *ma.Inbound) *bool { return &c.RequireTls }},
		{"RestrictDomainsToCertificate", func(c *ma.Inbound) *bool { return &c.RestrictDomainsToCertificate }},
		{"RestrictDomainsToIPAddresses", func(c *ma.Inbound) *bool { return &c.RestrictDomainsToIPAddresses }},
		{"TreatMessagesAsInternal", func(c *ma.Inbound) *bool { return &c.TreatMessagesAsInternal }},
	} {
		if !ctx.Has(b.param) {
			continue
		}
		v, field := ctx.Bool(b.param), b.field
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Inbound) *object.ErrorRecord {
			*field(c) = v
			return nil
		})
	}
	if ctx.Has("Comment") {
		v := ctx.String("Comment")
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Inbound) *object.ErrorRecord {
			c.Comment = v
			return nil
		})
	}
	if ctx.Has("Name") {
		v := strings.TrimSpace(ctx.String("Name"))
		if rec := exo.TooLong(ctx, ma.MaxConnectorNameLength, v); rec != nil {
			return nil, ctx.Fail(rec)
		}
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Inbound) *object.ErrorRecord {
			c.Name = v
			return nil
		})
	}
	if ctx.Has("TlsSenderCertificateName") {
		v := strings.TrimSpace(ctx.String("TlsSenderCertificateName"))
		if v != "" && !validDomain(v, true) {
			return nil, ctx.Fail(badValue(ctx, "TlsSenderCertificateName", "Microsoft.Exchange.Data.TlsCertificate", v, fmt.Sprintf("\"%s\" isn't a valid SMTP domain.", v)))
		}
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Inbound) *object.ErrorRecord {
			c.TlsSenderCertificateName = v
			return nil
		})
	}
	for _, l := range []struct {
		param, kind string
		field       func(*ma.Inbound) *[]string
	}{
		{"SenderDomains", "senderDomain", func(c *ma.Inbound) *[]string { return &c.SenderDomains }},
		{"AssociatedAcceptedDomains", "accepted", func(c *ma.Inbound) *[]string { return &c.AssociatedAcceptedDomains }},
		{"TrustedOrganizations", "domain", func(c *ma.Inbound) *[]string { return &c.TrustedOrganizations }},
		{"ClientHostNames", "domain", func(c *ma.Inbound) *[]string { return &c.ClientHostNames }},
		{"SenderIPAddresses", "senderIP", func(c *ma.Inbound) *[]string { return &c.SenderIPAddresses }},
		{"EFSkipIPs", "ip", func(c *ma.Inbound) *[]string { return &c.EFSkipIPs }},
		{"EFSkipMailGateway", "ip", func(c *ma.Inbound) *[]string { return &c.EFSkipMailGateway }},
		{"EFUsers", "address", func(c *ma.Inbound) *[]string { return &c.EFUsers }},
		{"ScanAndDropRecipients", "address", func(c *ma.Inbound) *[]string { return &c.ScanAndDropRecipients }},
	} {
		if !ctx.Has(l.param) {
			continue
		}
		arg, param, kind, field := object.Unwrap(ctx.Value(l.param)), l.param, l.kind, l.field
		if _, err := mailbox.ApplyMultiValued(arg, nil); err != nil {
			return nil, ctx.Fail(exo.Invalid(ctx, err.Error(), param))
		}
		edits = append(edits, func(_ *store.Tx, o *directory.Organization, c *ma.Inbound) *object.ErrorRecord {
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

// inboundRecord words the refusals of the connector rules; nil for any
// other error.
func inboundRecord(ctx *command.Context, o *directory.Organization, err error) *object.ErrorRecord {
	var name *ma.ConnectorNameInUseError
	switch {
	case errors.As(err, &name):
		return exo.CodedError(ctx, "Ex17CDAE", "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
			fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.", exo.DomainController(o), exo.ConfigDN(o, name.Name, inboundContainer)), object.ResourceExists, name.Name)
	case errors.Is(err, ma.ErrInternalNeedsOnPremises):
		return exo.Error(ctx, exValidation, "TreatMessagesAsInternal can be set to true only on an OnPremises connector whose CloudServicesMailEnabled is false.", object.InvalidArgument, nil)
	}
	return nil
}

func applyInbound(tx *store.Tx, o *directory.Organization, c *ma.Inbound, edits []inboundEdit) *object.ErrorRecord {
	for _, e := range edits {
		if rec := e(tx, o, c); rec != nil {
			return rec
		}
	}
	return nil
}

func newInbound(ctx *command.Context) error {
	name := strings.TrimSpace(ctx.String("Name"))
	edits, err := readInbound(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create inbound connector \"%s\".", name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		c := ma.NewInbound(name)
		if rec := applyInbound(tx, o, c, edits); rec != nil {
			return rec, nil
		}
		if err := ma.PutInbound(tx, c); err != nil {
			if rec := inboundRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = inboundObject(o, c)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func setInbound(ctx *command.Context) error {
	edits, err := readInbound(ctx)
	if err != nil {
		return err
	}
	shown := identity(ctx)
	var c *ma.Inbound
	unchanged := false
	_, err = exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := inbounds.Find(ctx, tx)
		c = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Configure inbound connector \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		before := *c
		if rec := applyInbound(tx, o, c, edits); rec != nil {
			return rec, nil
		}
		if reflect.DeepEqual(&before, c) {
			unchanged = true
			return nil, nil
		}
		if err := ma.PutInbound(tx, c); err != nil {
			if rec := inboundRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		return nil, nil
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, c.Name)
	}
	return err
}

func removeInbound(ctx *command.Context) error {
	shown := identity(ctx)
	var c *ma.Inbound
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, found, rec, err := inbounds.Find(ctx, tx)
		c = found
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Remove inbound connector \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, ma.RemoveInbound(tx, c)
	})
	return err
}
