// Package domains declares the cmdlets of the organization's domains:
// Get-AcceptedDomain, the SMTP namespaces the tenant receives mail for
// (message-trace scripts use them to tell internal senders and
// recipients from external ones), and Get-/New-/Set-/Remove-RemoteDomain,
// the settings of the messages it sends to other domains (the default
// remote domain, *, is the one security baselines check for automatic
// forwarding); with the default views of their output objects.
package domains

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TypeAcceptedDomain is the output type of Get-AcceptedDomain.
const TypeAcceptedDomain = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain"

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Commands: []command.Decl{
	{Name: "Get-AcceptedDomain", Build: getAcceptedDomainCmd},
}, Groups: []command.Group{
	{Names: []string{"Get-RemoteDomain", "New-RemoteDomain", "Set-RemoteDomain", "Remove-RemoteDomain"}, Build: remoteCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default view: name, domain, type and whether it is
// the default domain.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeAcceptedDomain, TypeNames: []string{TypeAcceptedDomain}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "DomainName", Property: "DomainName"},
		{Label: "DomainType", Property: "DomainType"},
		{Label: "Default", Property: "Default"},
	}})
	remoteViews(r)
}

func getAcceptedDomainCmd() *command.Command {
	c := exo.Declared("Get-AcceptedDomain")
	c.Synopsis = "Lists the organization's accepted domains: the SMTP domains it receives mail for."
	c.OutputType = TypeAcceptedDomain
	c.Examples = []command.Example{
		{Code: "Get-AcceptedDomain", Remark: "Lists every accepted domain."},
		{Code: "(Get-AcceptedDomain).DomainName", Remark: "The domains a message-trace script treats as internal."},
	}
	exo.Describe(c, map[string]string{
		"Identity":   "The domain, by name, domain name or GUID; * is a wildcard.",
		"ResultSize": "How many domains to show (default 1000) or Unlimited.",
	})
	c.Handler.Process = getAcceptedDomain
	return c
}

// Domains returns the tenant's accepted domains: the default domain first,
// then the others in the order the organization lists them, the initial
// onmicrosoft.com domain among them.
func Domains(o *directory.Organization) []string {
	var out []string
	add := func(d string) {
		for _, x := range out {
			if strings.EqualFold(x, d) {
				return
			}
		}
		if d != "" {
			out = append(out, d)
		}
	}
	add(o.DefaultDomain)
	for _, d := range o.AcceptedDomains {
		add(d)
	}
	add(o.Name)
	return out
}

// domainObject is the Get-AcceptedDomain object of a domain.
func domainObject(o *directory.Organization, d string) *object.PSObject {
	p := object.NewObject(TypeAcceptedDomain,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	initial := strings.EqualFold(d, o.Name)
	guid := mailbox.DerivedGuid("accepted-domain", o.Guid, strings.ToLower(d))
	p.AddTyped("DomainName", "System.String", d)
	p.AddTyped("CatchAllRecipientID", "System.String", nil)
	p.AddTyped("DomainType", "System.String", "Authoritative")
	p.AddTyped("MatchSubDomains", "System.Boolean", false)
	p.AddTyped("AddressBookEnabled", "System.Boolean", true)
	p.AddTyped("Default", "System.Boolean", strings.EqualFold(d, o.DefaultDomain))
	p.AddTyped("EmailOnly", "System.Boolean", false)
	p.AddTyped("ExternallyManaged", "System.Boolean", false)
	p.AddTyped("AuthenticationType", "System.String", "Managed")
	p.AddTyped("LiveIdInstanceType", "System.String", "Business")
	p.AddTyped("PendingRemoval", "System.Boolean", false)
	p.AddTyped("PendingCompletion", "System.Boolean", false)
	p.AddTyped("FederatedOrganizationLink", "System.String", nil)
	p.AddTyped("MailFlowPartner", "System.String", nil)
	p.AddTyped("OutboundOnly", "System.Boolean", false)
	p.AddTyped("PendingFederatedAccountNamespace", "System.Boolean", false)
	p.AddTyped("PendingFederatedDomain", "System.Boolean", false)
	p.AddTyped("IsCoexistenceDomain", "System.Boolean", false)
	p.AddTyped("PerimeterDuplicateDetected", "System.Boolean", false)
	p.AddTyped("IsDefaultFederatedDomain", "System.Boolean", false)
	p.AddTyped("EnableNego2Authentication", "System.Boolean", false)
	p.AddTyped("InitialDomain", "System.Boolean", initial)
	p.AddTyped("SendingFromDomainDisabled", "System.Boolean", false)
	p.AddTyped("AdminDisplayName", "System.String", nil)
	p.AddTyped("ExchangeVersion", "System.String", "0.1 (8.0.535.0)")
	p.AddTyped("Name", "System.String", d)
	p.AddTyped("DistinguishedName", "System.String", "CN="+d+",CN=Accepted Domains,CN=Transport Settings,CN=Configuration,CN="+o.Name+",CN=ConfigurationUnits,DC="+o.DirectoryPartition+",DC=PROD,DC=OUTLOOK,DC=COM")
	p.AddTyped("Identity", "System.String", d)
	p.AddTyped("Guid", "System.Guid", exo.GuidValue(guid))
	p.AddTyped("ObjectCategory", "System.String", o.DirectoryPartition+".PROD.OUTLOOK.COM/Configuration/Schema/ms-Exch-Accepted-Domain")
	p.AddTyped("WhenChanged", "System.DateTime", o.WhenCreated.UTC())
	p.AddTyped("WhenCreated", "System.DateTime", o.WhenCreated.UTC())
	p.AddTyped("WhenChangedUTC", "System.DateTime", o.WhenCreated.UTC())
	p.AddTyped("WhenCreatedUTC", "System.DateTime", o.WhenCreated.UTC())
	p.AddTyped("IsValid", "System.Boolean", true)
	p.AddTyped("ObjectState", "System.String", "Unchanged")
	name := d
	p.ToStringFunc = func() string { return name }
	return p
}

func getAcceptedDomain(ctx *command.Context) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	id := ""
	if ctx.Has("Identity") {
		id = strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	}
	var objs []*object.PSObject
	err = exo.View(ctx, func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		var match func(string) bool
		if wildcard.HasStar(id) {
			p, _ := wildcard.Compile(id, wildcard.StarOnly)
			match = p.Match
		}
		for _, d := range Domains(o) {
			obj := domainObject(o, d)
			if id != "" {
				guid := object.ToInvariantString(obj.Value("Guid"))
				if match != nil && !match(d) || match == nil && !strings.EqualFold(id, d) && !strings.EqualFold(id, guid) {
					continue
				}
			}
			objs = append(objs, obj)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if id != "" && len(objs) == 0 && !wildcard.HasStar(id) {
		return ctx.WriteError(exo.NotFound(ctx, id))
	}
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}
