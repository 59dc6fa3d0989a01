package mailauth

import (
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	ma "github.com/exosim/exosim/store/mailauth"
)

// TypeOutbound is the output type of Get-OutboundConnector.
const TypeOutbound = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.TenantOutboundConnector"

func outboundCommands() []*command.Command {
	help := map[string]string{
		"Identity":                      "The connector: its name, distinguished name or GUID.",
		"Name":                          "A unique name for the connector (up to 64 characters).",
		"AllAcceptedDomains":            "Whether an OnPremises connector carries mail to the accepted domains (hybrid).",
		"CloudServicesMailEnabled":      "Whether the connector carries hybrid mail flow (cross-premises headers kept).",
		"Comment":                       "A comment on the connector.",
		"ConnectorSource":               "How the connector was made: Default, HybridWizard, Migrated or AdminUI.",
		"ConnectorType":                 "Partner (default) or OnPremises.",
		"Enabled":                       "Whether the connector is on ($true by default).",
		"IsTransportRuleScoped":         "Whether only mail flow rules route mail to the connector; on Get-OutboundConnector, lists only the connectors that are ($true) or are not ($false).",
		"IncludeTestModeConnectors":     "Lists only the connectors in test mode ($true) or only those not in it ($false).",
		"IsValidated":                   "Whether the connector passed its last validation; kept and shown.",
		"LastValidationTimestamp":       "When the connector was last validated; kept and shown.",
		"LinkForModifiedConnector":      "Reserved for the service; kept and shown.",
		"MtaStsMode":                    "Opportunistic (default) or None: whether the destination's MTA-STS policy is enforced.",
		"RecipientDomains":              "The domains the connector sends mail to (*.domain and * too).",
		"RouteAllMessagesViaOnPremises": "Whether an OnPremises connector routes all mail through the on-premises organization.",
		"SenderRewritingEnabled":        "Whether an OnPremises connector rewrites senders (SRS) for mail routed on-premises.",
		"SmartHosts":                    "Host names, IP addresses or CIDR ranges mail goes to when UseMXRecord is $false.",
		"SmtpDaneMode":                  "Opportunistic (default), Mandatory or None: SMTP DANE with DNSSEC.",
		"TestMode":                      "Whether the connector is in test mode.",
		"TlsDomain":                     "The domain (or *.domain) the destination's certificate must name under DomainValidation.",
		"TlsSettings":                   "EncryptionOnly, CertificateValidation, DomainValidation or $null (default: no TLS requirement).",
		"UseMXRecord":                   "Whether mail goes by the recipient domains' MX records ($true by default) or to SmartHosts.",
		"ValidationRecipients":          "The addresses the last validation sent to; kept and shown.",
		"ResultSize":                    "How many connectors to show, or Unlimited.",
	}
	get := exo.Declared("Get-OutboundConnector")
	get.Synopsis = "Lists the outbound connectors: how mail to partner and on-premises domains leaves Exchange Online."
	get.OutputType = TypeOutbound
	get.Examples = []command.Example{{Code: "Get-OutboundConnector | Format-List Name,RecipientDomains,UseMXRecord,SmartHosts,TlsSettings", Remark: "Where each connector sends mail, and how."}}
	exo.Describe(get, map[string]string{"Identity": "The connector: name (* is a wildcard), distinguished name or GUID.", "IncludeTestModeConnectors": help["IncludeTestModeConnectors"],
		"IsTransportRuleScoped": help["IsTransportRuleScoped"], "ResultSize": help["ResultSize"]})
	get.Handler.Process = func(ctx *command.Context) error { return outbound.Get().get(ctx) }

	nw := exo.Declared("New-OutboundConnector")
	nw.Synopsis = "Creates an outbound connector for mail to a partner's or the on-premises organization's domains."
	nw.OutputType = TypeOutbound
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: `New-OutboundConnector -Name "To Fabrikam" -RecipientDomains *.fabrikam.com -TlsSettings DomainValidation -TlsDomain *.fabrikam.com`,
		Remark: "Sends mail to fabrikam.com and its subdomains over TLS, checking the certificate names them."}}
	exo.DescribeDeclared(nw, help, "Identity", "IncludeTestModeConnectors", "IsValidated", "LastValidationTimestamp", "ValidationRecipients", "ResultSize")
	nw.Handler.Process = func(ctx *command.Context) error { return outbound.Get().create(ctx) }

	set := exo.Declared("Set-OutboundConnector")
	set.Synopsis = "Changes an outbound connector."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: `New-OutboundConnector "To Fabrikam" -RecipientDomains fabrikam.com | Out-Null; Set-OutboundConnector "To Fabrikam" -UseMXRecord $false -SmartHosts mail.fabrikam.com`, Remark: "Sends the connector's mail to a smart host."}}
	exo.DescribeDeclared(set, help, "IncludeTestModeConnectors", "ResultSize")
	set.Handler.Process = func(ctx *command.Context) error { return outbound.Get().set(ctx) }

	remove := exo.Declared("Remove-OutboundConnector")
	remove.Synopsis = "Removes an outbound connector."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"]})
	remove.Handler.Process = func(ctx *command.Context) error { return outbound.Get().delete(ctx) }
	return []*command.Command{get, nw, set, remove}
}

// outboundObject is the Get-OutboundConnector object of a connector, its
// properties in Exchange Online's order.
func outboundObject(o *directory.Organization, c *ma.Outbound) *object.PSObject {
	obj := exo.HygieneObject(TypeOutbound)
	list := func(name string, v []string) { obj.AddTyped(name, exo.TypeMultiValued, exo.MultiValued(v)) }
	obj.AddTyped("Enabled", tBool, c.Enabled)
	obj.AddTyped("UseMXRecord", tBool, c.UseMXRecord)
	obj.AddTyped("Comment", tStr, c.Comment)
	obj.AddTyped("ConnectorType", tStr, c.ConnectorType)
	obj.AddTyped("ConnectorSource", tStr, c.ConnectorSource)
	list("RecipientDomains", c.RecipientDomains)
	list("SmartHosts", c.SmartHosts)
	obj.AddTyped("TlsDomain", tStr, exo.NilIfEmpty(c.TlsDomain))
	obj.AddTyped("TlsSettings", tStr, exo.NilIfEmpty(c.TlsSettings))
	obj.AddTyped("IsTransportRuleScoped", tBool, c.IsTransportRuleScoped)
	obj.AddTyped("RouteAllMessagesViaOnPremises", tBool, c.RouteAllMessagesViaOnPremises)
	obj.AddTyped("CloudServicesMailEnabled", tBool, c.CloudServicesMailEnabled)
	obj.AddTyped("AllAcceptedDomains", tBool, c.AllAcceptedDomains)
	obj.AddTyped("SenderRewritingEnabled", tBool, c.SenderRewritingEnabled)
	obj.AddTyped("TestMode", tBool, c.TestMode)
	obj.AddTyped("LinkForModifiedConnector", "System.Guid", exo.GuidValue(c.LinkForModifiedConnector))
	list("ValidationRecipients", c.ValidationRecipients)
	obj.AddTyped("IsValidated", tBool, c.IsValidated)
	var validated any
	if c.LastValidationTimestamp != nil {
		validated = c.LastValidationTimestamp.UTC()
	}
	obj.AddTyped("LastValidationTimestamp", tDate, validated)
	obj.AddTyped("MtaStsMode", tStr, c.MtaStsMode)
	obj.AddTyped("SmtpDaneMode", tStr, c.SmtpDaneMode)
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: c.Name, Guid: c.Guid, Container: connectorContainer, Version: "0.1 (8.0.535.0)",
		Category: "ms-Exch-SMTP-Outbound-Connector", Class: "msExchSMTPOutboundConnector", Created: c.WhenCreated, Changed: c.WhenChanged})
	return obj
}

// outbounds names outbound connectors: by name, GUID or distinguished
// name.
var outbounds = exo.Configs[*ma.Outbound]{List: ma.ListOutbound, Keys: func(o *directory.Organization, c *ma.Outbound) (name, guid, dn string) {
	return c.Name, c.Guid, o.ConfigDN(c.Name, connectorContainer)
}}

// outbound is how the outbound connector cmdlets read, change and show a
// connector (built on first use, so that the package runs no code before
// main).
var outbound = lazy.Value[*connectorKind[*ma.Outbound]]{Build: func() *connectorKind[*ma.Outbound] {
	return &connectorKind[*ma.Outbound]{
		noun: "outbound connector", configs: &outbounds, make: ma.NewOutbound, put: ma.PutOutbound, remove: ma.RemoveOutbound,
		object: outboundObject, name: func(c *ma.Outbound) string { return c.Name }, more: readOutbound, keep: keepOutbound,
		fields: connectorFields[*ma.Outbound]{
			enums: []enumField[*ma.Outbound]{
				{"ConnectorType", "Microsoft.Exchange.Data.TenantConnectorType", ma.ConnectorTypes, false, func(c *ma.Outbound) *string { return &c.ConnectorType }},
				{"ConnectorSource", "Microsoft.Exchange.Data.TenantConnectorSource", ma.ConnectorSources, false, func(c *ma.Outbound) *string { return &c.ConnectorSource }},
				{"TlsSettings", "Microsoft.Exchange.Data.TlsAuthLevel", ma.TlsAuthLevels, true, func(c *ma.Outbound) *string { return &c.TlsSettings }},
				{"MtaStsMode", "Microsoft.Exchange.Data.MtaStsMode", ma.MtaStsModes, false, func(c *ma.Outbound) *string { return &c.MtaStsMode }},
				{"SmtpDaneMode", "Microsoft.Exchange.Data.SmtpDaneMode", ma.SmtpDaneModes, false, func(c *ma.Outbound) *string { return &c.SmtpDaneMode }},
			},
			bools: []boolField[*ma.Outbound]{
				{"AllAcceptedDomains", func(c *ma.Outbound) *bool { return &c.AllAcceptedDomains }},
				{"CloudServicesMailEnabled", func(c *ma.Outbound) *bool { return &c.CloudServicesMailEnabled }},
				{"Enabled", func(c *ma.Outbound) *bool { return &c.Enabled }},
				{"IsTransportRuleScoped", func(c *ma.Outbound) *bool { return &c.IsTransportRuleScoped }},
				{"IsValidated", func(c *ma.Outbound) *bool { return &c.IsValidated }},
				{"RouteAllMessagesViaOnPremises", func(c *ma.Outbound) *bool { return &c.RouteAllMessagesViaOnPremises }},
				{"SenderRewritingEnabled", func(c *ma.Outbound) *bool { return &c.SenderRewritingEnabled }},
				{"TestMode", func(c *ma.Outbound) *bool { return &c.TestMode }},
				{"UseMXRecord", func(c *ma.Outbound) *bool { return &c.UseMXRecord }},
			},
			texts: []textField[*ma.Outbound]{
				{"Comment", "", func(c *ma.Outbound) *string { return &c.Comment }},
				{"Name", "name", func(c *ma.Outbound) *string { return &c.Name }},
				{"TlsDomain", "Microsoft.Exchange.Data.SmtpDomainWithSubdomains", func(c *ma.Outbound) *string { return &c.TlsDomain }},
			},
			lists: []listField[*ma.Outbound]{
				{"RecipientDomains", "recipientDomain", func(c *ma.Outbound) *[]string { return &c.RecipientDomains }},
				{"SmartHosts", "smartHost", func(c *ma.Outbound) *[]string { return &c.SmartHosts }},
				{"ValidationRecipients", "address", func(c *ma.Outbound) *[]string { return &c.ValidationRecipients }},
			},
		},
	}
}}

// readOutbound reads the outbound connector's settings of other types:
// the linked connector's GUID and the last validation's time.
func readOutbound(ctx *command.Context) ([]connectorEdit[*ma.Outbound], error) {
	var edits []connectorEdit[*ma.Outbound]
	if ctx.Has("LinkForModifiedConnector") {
		g := ""
		if v := object.Unwrap(ctx.Value("LinkForModifiedConnector")); v != nil {
			g = strings.ToLower(object.ToInvariantString(v))
		}
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Outbound) *object.ErrorRecord {
			c.LinkForModifiedConnector = g
			return nil
		})
	}
	if ctx.Has("LastValidationTimestamp") {
		var at *time.Time
		if t, ok := object.Unwrap(ctx.Value("LastValidationTimestamp")).(time.Time); ok {
			at = &t
		}
		edits = append(edits, func(_ *store.Tx, _ *directory.Organization, c *ma.Outbound) *object.ErrorRecord {
			c.LastValidationTimestamp = at
			return nil
		})
	}
	return edits, nil
}

// keepOutbound is Get-OutboundConnector's filters: -IncludeTestModeConnectors
// and -IsTransportRuleScoped list the connectors whose setting is the
// value given.
func keepOutbound(ctx *command.Context, c *ma.Outbound) bool {
	if ctx.Has("IncludeTestModeConnectors") && c.TestMode != ctx.Bool("IncludeTestModeConnectors") {
		return false
	}
	return !ctx.Has("IsTransportRuleScoped") || c.IsTransportRuleScoped == ctx.Bool("IsTransportRuleScoped")
}
