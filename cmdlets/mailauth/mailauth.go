// Package mailauth declares the Exchange Online cmdlets of the
// organization's mail authentication settings that security baselines
// (ORCA, CIS, ScubaGear) read and set: DKIM signing configurations
// (Get-/New-/Set-/Remove-/Rotate-DkimSigningConfig), the trusted ARC
// sealers (Get-/Set-ArcConfig), the external sender identification of
// Outlook (Get-/Set-ExternalInOutlook) and the inbound connectors with
// their Enhanced Filtering (Get-/New-/Set-/Remove-InboundConnector), and the
// outbound connectors (Get-/New-/Set-/Remove-OutboundConnector); with
// the default views of their output objects. No DNS is simulated: the selector CNAME records a
// configuration names count as published.
package mailauth

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	ma "github.com/exosim/exosim/store/mailauth"
)

// The output types of the package's cmdlets.
const (
	TypeDkim     = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.DkimSigningConfig"
	TypeArc      = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ArcConfig"
	TypeExternal = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ExternalInOutlook"
)

// Cmdlets declares the package's cmdlets by name: a session builds a
// group the first time it resolves one of its names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-DkimSigningConfig", "New-DkimSigningConfig", "Set-DkimSigningConfig", "Remove-DkimSigningConfig",
		"Rotate-DkimSigningConfig"}, Build: dkimCommands},
	{Names: []string{"Get-ArcConfig", "Set-ArcConfig", "Get-ExternalInOutlook", "Set-ExternalInOutlook"}, Build: orgCommands},
	{Names: []string{"Get-InboundConnector", "New-InboundConnector", "Set-InboundConnector", "Remove-InboundConnector"}, Build: connectorCommands},
	{Names: []string{"Get-OutboundConnector", "New-OutboundConnector", "Set-OutboundConnector", "Remove-OutboundConnector"}, Build: outboundCommands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default tables: a DKIM configuration's domain and
// whether it signs; a connector's name, whether it is on and its type.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeInbound, TypeNames: []string{TypeInbound}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Enabled", Property: "Enabled"},
		{Label: "ConnectorType", Property: "ConnectorType"},
	}})
	r.Add(&format.View{Name: TypeOutbound, TypeNames: []string{TypeOutbound}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "Enabled", Property: "Enabled"},
		{Label: "ConnectorType", Property: "ConnectorType"},
	}})
	r.Add(&format.View{Name: TypeDkim, TypeNames: []string{TypeDkim}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Domain", Property: "Domain"},
		{Label: "Enabled", Property: "Enabled"},
	}})
}

// The .NET types of the properties the package's objects show.
const tStr, tBool, tInt, tDate = "System.String", "System.Boolean", "System.UInt16", "System.DateTime"

// The exceptions of the service's errors.
const (
	exNotAllowed  = "Microsoft.Exchange.Management.Tasks.OperationNotAllowedException"
	exValidation  = "Microsoft.Exchange.Management.Tasks.ValidationException"
	exBinding     = "System.Management.Automation.ParameterBindingException"
	exDataInvalid = "Microsoft.Exchange.Data.DataValidationException"
)

// dkimContainer is the container of the DKIM signing configurations.
const dkimContainer = "CN=Dkim Signing Config,CN=Transport Settings"

// identity is the call's -Identity as a string.
func identity(ctx *command.Context) string {
	return strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
}

func dkimCommands() []*command.Command {
	canon := "Relaxed (default: whitespace and line changes tolerated) or Simple."
	get := exo.Declared("Get-DkimSigningConfig")
	get.Synopsis = "Lists the DKIM signing configurations: the initial *.onmicrosoft.com domain's, which signs from the start, and those made for other accepted domains."
	get.OutputType = TypeDkim
	get.Examples = []command.Example{
		{Code: "Get-DkimSigningConfig", Remark: "Which domains sign with DKIM."},
		{Code: "New-DkimSigningConfig -DomainName contoso.com -Enabled $false | Out-Null; Get-DkimSigningConfig contoso.com | Format-List Selector1CNAME,Selector2CNAME", Remark: "Makes contoso.com's keys and shows the CNAME records to publish."},
	}
	exo.Describe(get, map[string]string{"Identity": "The configuration: its domain (* is a wildcard), distinguished name or GUID."})
	get.Handler.Process = getDkim

	nw := exo.Declared("New-DkimSigningConfig")
	nw.Synopsis = "Makes the DKIM signing configuration of an accepted domain: two selectors and their keys."
	nw.OutputType = TypeDkim
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: "New-DkimSigningConfig -DomainName contoso.com -Enabled $false", Remark: "Makes the keys; publish the CNAME records, then enable signing."}}
	exo.Describe(nw, map[string]string{
		"DomainName":             "An accepted domain of the organization without a configuration.",
		"Enabled":                "Whether the domain signs with DKIM.",
		"AdminDisplayName":       "A description of the configuration.",
		"BodyCanonicalization":   "How the body is canonicalized: " + canon,
		"HeaderCanonicalization": "How the header is canonicalized: " + canon,
		"KeySize":                "The key size: 1024 (default) or 2048.",
	})
	nw.Handler.Process = newDkim

	set := exo.Declared("Set-DkimSigningConfig")
	set.Synopsis = "Changes a DKIM signing configuration: turns signing on or off, its canonicalization or description."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{{Code: "New-DkimSigningConfig -DomainName contoso.com -Enabled $false | Out-Null; Set-DkimSigningConfig -Identity contoso.com -Enabled $true", Remark: "Signs contoso.com's messages with its own keys."}}
	exo.Describe(set, map[string]string{
		"Identity":               "The configuration: its domain, distinguished name or GUID.",
		"AdminDisplayName":       "A description of the configuration.",
		"BodyCanonicalization":   "How the body is canonicalized: " + canon,
		"HeaderCanonicalization": "How the header is canonicalized: " + canon,
		"Enabled":                "Whether the domain signs with DKIM.",
		"PublishTxtRecords":      "Publishes the key records the CNAME records point to (they are always published here).",
	})
	set.Handler.Process = setDkim

	remove := exo.Declared("Remove-DkimSigningConfig")
	remove.Synopsis = "Removes the DKIM signing configuration of a domain that no longer signs; the initial domain's stays."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": "The configuration: its domain, distinguished name or GUID.", "Force": "Removes without asking."})
	remove.Handler.Process = removeDkim

	rotate := exo.Declared("Rotate-DkimSigningConfig")
	rotate.Synopsis = "Rotates a domain's DKIM keys: the selector that does not sign gets a new key and signs four days later."
	rotate.ConfirmImpact = command.ImpactMedium
	rotate.Examples = []command.Example{{Code: "Rotate-DkimSigningConfig -Identity contoso.onmicrosoft.com -KeySize 2048", Remark: "A new 2048-bit key for the initial domain's selector that does not sign now."}}
	exo.Describe(rotate, map[string]string{
		"Identity": "The configuration: its domain, distinguished name or GUID.",
		"KeySize":  "The new key's size: 1024 or 2048 (default: the selector's present size).",
	})
	rotate.Handler.Process = rotateDkim
	return []*command.Command{get, nw, set, remove, rotate}
}

// selector names selector n.
func selector(n int) string { return fmt.Sprintf("selector%d", n) }

// dkimObject is the Get-DkimSigningConfig object of a configuration,
// its properties in Exchange Online's order. Its Status is Valid: the
// selector CNAME records count as published.
func dkimObject(o *directory.Organization, d *ma.Dkim) *object.PSObject {
	obj := exo.HygieneObject(TypeDkim)
	obj.AddTyped("Domain", tStr, d.Domain)
	obj.AddTyped("AdminDisplayName", tStr, d.AdminDisplayName)
	obj.AddTyped("Selector1KeySize", tInt, d.Selector1KeySize)
	obj.AddTyped("Selector1CNAME", tStr, ma.SelectorCNAME(o, d.Domain, 1))
	obj.AddTyped("Selector1PublicKey", tStr, d.PublicKey(1))
	obj.AddTyped("Selector2KeySize", tInt, d.Selector2KeySize)
	obj.AddTyped("Selector2CNAME", tStr, ma.SelectorCNAME(o, d.Domain, 2))
	obj.AddTyped("Selector2PublicKey", tStr, d.PublicKey(2))
	obj.AddTyped("Enabled", tBool, d.Enabled)
	obj.AddTyped("IsDefault", tBool, d.Initial)
	obj.AddTyped("Status", tStr, "Valid")
	obj.AddTyped("Algorithm", tStr, "RSA")
	obj.AddTyped("BodyCanonicalization", tStr, d.BodyCanonicalization)
	obj.AddTyped("HeaderCanonicalization", tStr, d.HeaderCanonicalization)
	obj.AddTyped("IncludeKeyExpiration", tBool, false)
	obj.AddTyped("IncludeSignatureCreationTime", tBool, true)
	obj.AddTyped("KeyCreationTime", tDate, d.KeyCreationTime.UTC())
	obj.AddTyped("LastChecked", tDate, d.LastChecked.UTC())
	obj.AddTyped("RotateOnDate", tDate, d.RotateOnDate.UTC())
	obj.AddTyped("SelectorBeforeRotateOnDate", tStr, selector(d.Active))
	obj.AddTyped("SelectorAfterRotateOnDate", tStr, selector(d.Next))
	obj.AddTyped("NumberOfBytesToSign", tStr, "All")
	exo.AddHygieneTail(obj, o, exo.HygieneConfig{Name: d.Domain, Guid: d.Guid, Container: dkimContainer,
		Category: "ms-Exch-Dkim-Signing-Config", Class: "msExchDkimSigningConfig", Created: d.WhenCreated, Changed: d.WhenChanged})
	return obj
}

// dkims names DKIM signing configurations: by domain, GUID or
// distinguished name.
var dkims = exo.Configs[*ma.Dkim]{List: ma.ListDkim, Keys: dkimKeys}

func dkimKeys(o *directory.Organization, d *ma.Dkim) (name, guid, dn string) {
	return d.Domain, d.Guid, o.ConfigDN(d.Domain, dkimContainer)
}

func getDkim(ctx *command.Context) error {
	objs, done, err := dkims.Read(ctx, dkimObject)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// readKeySize reads -KeySize: 0 when the call does not have it.
func readKeySize(ctx *command.Context) (int, error) {
	if !ctx.Has("KeySize") {
		return 0, nil
	}
	// a UInt16 binds as one of Go's integer types
	n, err := strconv.Atoi(object.ToInvariantString(object.Unwrap(ctx.Value("KeySize"))))
	if err != nil || n != 1024 && n != 2048 {
		return 0, ctx.Fail(exo.Error(ctx, exValidation, fmt.Sprintf("The key size %d isn't valid. Valid key sizes are 1024 and 2048.", n), object.InvalidArgument, n))
	}
	return n, nil
}

// readCanonicalizations reads the call's canonicalization settings into
// body and header (left alone when the call does not have one).
func readCanonicalizations(ctx *command.Context, body, header *string) error {
	for _, c := range []struct {
		param string
		field *string
	}{{"BodyCanonicalization", body}, {"HeaderCanonicalization", header}} {
		if rec := exo.EnumArg(ctx, c.param, "Microsoft.Exchange.Data.CanonicalizationType", ma.Canonicalizations, c.field); rec != nil {
			return ctx.Fail(rec)
		}
	}
	return nil
}

// dkimRecord words the refusals of the DKIM rules; nil for any other
// error.
func dkimRecord(ctx *command.Context, domain string, err error) *object.ErrorRecord {
	switch {
	case errors.Is(err, ma.ErrNotAccepted):
		return exo.Error(ctx, exValidation, fmt.Sprintf("The domain %s isn't an accepted domain of your organization.", domain), object.InvalidArgument, domain)
	case errors.Is(err, ma.ErrDkimExists):
		return exo.Error(ctx, exValidation, fmt.Sprintf("A DKIM signing configuration for the domain %s already exists.", domain), object.ResourceExists, domain)
	case errors.Is(err, ma.ErrRemoveInitial):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("The DKIM signing configuration of the initial domain %s can't be removed.", domain), object.InvalidOperation, domain)
	case errors.Is(err, ma.ErrRemoveEnabled):
		return exo.Error(ctx, exNotAllowed, fmt.Sprintf("The DKIM signing configuration of %s is enabled. Disable it before you remove it.", domain), object.InvalidOperation, domain)
	}
	return nil
}

func newDkim(ctx *command.Context) error {
	domain := strings.TrimSpace(ctx.String("DomainName"))
	keySize, err := readKeySize(ctx)
	if err != nil {
		return err
	}
	if keySize == 0 {
		keySize = ma.DefaultKeySize
	}
	d := ma.NewDkim(domain, ctx.Bool("Enabled"), keySize)
	if err := readCanonicalizations(ctx, &d.BodyCanonicalization, &d.HeaderCanonicalization); err != nil {
		return err
	}
	d.AdminDisplayName = ctx.String("AdminDisplayName")
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create DKIM signing configuration for domain \"%s\".", domain), domain)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, domain, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if err := ma.CreateDkim(tx, d); err != nil {
			if rec := dkimRecord(ctx, domain, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = dkimObject(o, d)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// changeDkim asks (question words it), then changes the configuration
// the call's -Identity names in one transaction.
func changeDkim(ctx *command.Context, question string, change func(tx *store.Tx, d *ma.Dkim) (*object.ErrorRecord, error)) error {
	shown := identity(ctx)
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, _, rec, err := dkims.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf(question, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		_, d, rec, err := dkims.Find(ctx, tx)
		if rec != nil || err != nil {
			return rec, err
		}
		rec, err = change(tx, d)
		if err != nil {
			if r := dkimRecord(ctx, d.Domain, err); r != nil {
				return r, nil
			}
		}
		return rec, err
	})
	return err
}

func setDkim(ctx *command.Context) error {
	var body, header string
	if err := readCanonicalizations(ctx, &body, &header); err != nil {
		return err
	}
	return changeDkim(ctx, "Configure DKIM signing configuration \"%s\".", func(tx *store.Tx, d *ma.Dkim) (*object.ErrorRecord, error) {
		if body != "" {
			d.BodyCanonicalization = body
		}
		if header != "" {
			d.HeaderCanonicalization = header
		}
		if ctx.Has("Enabled") {
			d.Enabled = ctx.Bool("Enabled")
		}
		if ctx.Has("AdminDisplayName") {
			d.AdminDisplayName = ctx.String("AdminDisplayName")
		}
		return nil, ma.PutDkim(tx, d)
	})
}

func removeDkim(ctx *command.Context) error {
	return changeDkim(ctx, "Remove DKIM signing configuration \"%s\".", func(tx *store.Tx, d *ma.Dkim) (*object.ErrorRecord, error) {
		return nil, ma.RemoveDkim(tx, d)
	})
}

func rotateDkim(ctx *command.Context) error {
	keySize, err := readKeySize(ctx)
	if err != nil {
		return err
	}
	return changeDkim(ctx, "Rotate DKIM signing configuration \"%s\".", func(tx *store.Tx, d *ma.Dkim) (*object.ErrorRecord, error) {
		return nil, ma.Rotate(tx, d, keySize)
	})
}
