package domains

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	rd "github.com/exosim/exosim/store/remotedomain"
)

// TypeRemoteDomain is the output type of Get- and New-RemoteDomain.
const TypeRemoteDomain = "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.DomainContentConfig"

// The exceptions and message codes of the service's remote domain errors.
const (
	exDuplicateRemoteDomain = "Microsoft.Exchange.Management.SystemConfigurationTasks.DuplicateRemoteDomainException"
	exCannotRemoveDefault   = "Microsoft.Exchange.Management.SystemConfigurationTasks.CannotRemoveDefaultRemoteDomainException"
	exWildcardTarget        = "Microsoft.Exchange.Management.SystemConfigurationTasks.CannotSetTargetDeliveryDomainOnWildCardDomainsException"
	exDataValidation        = "Microsoft.Exchange.Data.DataValidationException"
	exBinding               = "System.Management.Automation.ParameterBindingException"
)

// remoteViews registers the default table of remote domains: name,
// domain and the out-of-office replies they receive.
func remoteViews(r *format.Registry) {
	r.Add(&format.View{Name: TypeRemoteDomain, TypeNames: []string{TypeRemoteDomain}, Kind: format.TableView, Columns: []format.Column{
		{Label: "Name", Property: "Name"},
		{Label: "DomainName", Property: "DomainName"},
		{Label: "AllowedOOFType", Property: "AllowedOOFType"},
	}})
}

// remoteHelp describes the parameters of Set-RemoteDomain (New- and
// Get- share Identity, Name and DomainName).
func remoteHelp() map[string]string {
	return map[string]string{
		"Identity":                             "The remote domain: its name, distinguished name or GUID.",
		"AllowedOOFType":                       "Out-of-office replies sent to the domain: External (default), ExternalLegacy, InternalLegacy (makes the domain internal) or None.",
		"AutoForwardEnabled":                   "Whether messages that mailbox users' rules forward automatically are delivered to the domain.",
		"AutoReplyEnabled":                     "Whether automatic replies are delivered to the domain.",
		"ByteEncoderTypeFor7BitCharsets":       "The 7-bit transfer encoding of MIME messages sent to the domain (Undefined by default).",
		"CharacterSet":                         "The character set of MIME messages without one (none, or iso-8859-1 for the default remote domain).",
		"ContentType":                          "The format of messages sent to the domain: MimeHtmlText (default), MimeText or MimeHtml.",
		"DeliveryReportEnabled":                "Whether delivery reports are sent to the domain.",
		"DisplaySenderName":                    "Whether the sender's display name is shown in messages sent to the domain.",
		"IsInternal":                           "Whether the domain's recipients count as internal.",
		"LineWrapSize":                         "The line-wrap size of messages sent to the domain: 1 to 132, or Unlimited (default).",
		"MeetingForwardNotificationEnabled":    "Whether forwarding a meeting request to the domain notifies the organizer.",
		"Name":                                 "A unique name for the remote domain (up to 64 characters).",
		"NDRDiagnosticInfoEnabled":             "Whether non-delivery reports sent to the domain include diagnostic information.",
		"NDREnabled":                           "Whether non-delivery reports are sent to the domain.",
		"NonMimeCharacterSet":                  "The character set of plain text messages without one.",
		"PreferredInternetCodePageForShiftJis": "The code page for Shift JIS: Undefined (default), 50220, 50221 or 50222.",
		"RequiredCharsetCoverage":              "The percentage (0 to 100) of a message's characters the preferred character set must cover.",
		"TargetDeliveryDomain":                 "Whether the domain gives cross-forest mail users their target addresses (one remote domain at most, without a wildcard).",
		"TNEFEnabled":                          "Whether TNEF is used for the domain: $true, $false or $null (the sender's settings decide).",
		"TrustedMailInboundEnabled":            "Whether messages from the domain are trusted (skip content and recipient filtering).",
		"TrustedMailOutboundEnabled":           "Whether messages to the domain are trusted.",
		"UseSimpleDisplayName":                 "Whether the sender's simple display name is used for the domain.",
	}
}

// flagParams are the Set-RemoteDomain switches kept in AcceptMessageTypes,
// and whether the flag is the parameter's opposite.
var flagParams = []struct {
	name   string
	flag   int
	invert bool
}{
	{"AutoForwardEnabled", rd.AutoForward, false},
	{"AutoReplyEnabled", rd.AutoReply, false},
	{"DeliveryReportEnabled", rd.DeliveryReport, false},
	{"NDREnabled", rd.NDR, false},
	{"MeetingForwardNotificationEnabled", rd.MeetingForwardNotify, false},
	{"UseSimpleDisplayName", rd.UseSimpleDisplayName, false},
	{"NDRDiagnosticInfoEnabled", rd.NDRDiagnosticInfoDisabled, true},
	{"TargetDeliveryDomain", rd.TargetDeliveryDomain, false},
}

func remoteCommands() []*command.Command {
	help := remoteHelp()
	get := exo.Declared("Get-RemoteDomain")
	get.Synopsis = "Lists the remote domains: the settings for messages sent to other domains, the default remote domain (*) first."
	get.OutputType = TypeRemoteDomain
	get.Examples = []command.Example{
		{Code: "Get-RemoteDomain", Remark: "Lists every remote domain."},
		{Code: "Get-RemoteDomain Default | Format-List AutoForwardEnabled,AutoReplyEnabled", Remark: "Whether automatic forwards and replies leave the organization."},
	}
	exo.Describe(get, map[string]string{"Identity": "The remote domain: name (* is a wildcard), distinguished name or GUID.",
		"ResultSize": "How many remote domains to show (default 1000) or Unlimited."})
	get.Handler.Process = getRemoteDomain

	nw := exo.Declared("New-RemoteDomain")
	nw.Synopsis = "Creates a remote domain: settings for the messages sent to one domain (and, as *.domain, its subdomains)."
	nw.OutputType = TypeRemoteDomain
	nw.ConfirmImpact = command.ImpactMedium
	nw.Examples = []command.Example{{Code: "New-RemoteDomain -Name Contoso -DomainName contoso.com", Remark: "Creates a remote domain for contoso.com with the default settings."}}
	exo.Describe(nw, map[string]string{"Name": help["Name"],
		"DomainName": "The domain: contoso.com, or *.contoso.com for the domain and its subdomains."})
	nw.Handler.Process = newRemoteDomain

	set := exo.Declared("Set-RemoteDomain")
	set.Synopsis = "Changes the settings of a remote domain, the default one (*) included."
	set.ConfirmImpact = command.ImpactMedium
	set.Examples = []command.Example{
		{Code: "Set-RemoteDomain Default -AutoForwardEnabled $false", Remark: "Stops automatic forwarding to every domain no other remote domain names."},
		{Code: "New-RemoteDomain Contoso -DomainName contoso.com; Set-RemoteDomain Contoso -AllowedOOFType None -DeliveryReportEnabled $false -TNEFEnabled $true", Remark: "A remote domain for contoso.com: no out-of-office replies or delivery reports, TNEF for its recipients."},
	}
	exo.Describe(set, help)
	// TNEFEnabled is a Nullable<bool>: $null gives the decision back to
	// the sender's settings.
	exo.DeclaredParam(set, "TNEFEnabled").Type = exo.TNullableBool
	set.Handler.Process = setRemoteDomain

	remove := exo.Declared("Remove-RemoteDomain")
	remove.Synopsis = "Removes a remote domain; its domain then gets the default remote domain's settings."
	remove.ConfirmImpact = command.ImpactHigh
	exo.Describe(remove, map[string]string{"Identity": help["Identity"]})
	remove.Handler.Process = removeRemoteDomain
	return []*command.Command{get, nw, set, remove}
}

// remoteDN is a remote domain's distinguished name.
func remoteDN(o *directory.Organization, name string) string {
	return o.ConfigDN(name, "CN=Internet Message Formats,CN=Global Settings")
}

// remoteObject is the Get-RemoteDomain object of a remote domain.
func remoteObject(o *directory.Organization, d *rd.Domain) *object.PSObject {
	p := object.NewObject(TypeRemoteDomain,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
		"Deserialized.System.Object")
	const tStr, tBool, tInt = "System.String", "System.Boolean", "System.Int32"
	var coverage, tnef any
	if d.RequiredCharsetCoverage != nil {
		coverage = *d.RequiredCharsetCoverage
	}
	if d.TNEFEnabled != nil {
		tnef = *d.TNEFEnabled
	}
	var wrap any = "Unlimited"
	if d.LineWrapSize > 0 {
		wrap = strconv.Itoa(d.LineWrapSize)
	}
	p.AddTyped("DomainName", tStr, d.DomainName)
	p.AddTyped("IsInternal", tBool, d.IsInternal())
	p.AddTyped("TargetDeliveryDomain", tBool, d.Has(rd.TargetDeliveryDomain))
	p.AddTyped("ByteEncoderTypeFor7BitCharsets", tStr, d.ByteEncoderTypeFor7BitCharsets)
	p.AddTyped("CharacterSet", tStr, d.CharacterSet)
	p.AddTyped("NonMimeCharacterSet", tStr, d.NonMimeCharacterSet)
	p.AddTyped("AllowedOOFType", tStr, d.AllowedOOFType())
	p.AddTyped("AutoReplyEnabled", tBool, d.Has(rd.AutoReply))
	p.AddTyped("AutoForwardEnabled", tBool, d.Has(rd.AutoForward))
	p.AddTyped("DeliveryReportEnabled", tBool, d.Has(rd.DeliveryReport))
	p.AddTyped("NDREnabled", tBool, d.Has(rd.NDR))
	p.AddTyped("MeetingForwardNotificationEnabled", tBool, d.Has(rd.MeetingForwardNotify))
	p.AddTyped("ContentType", tStr, d.ContentType)
	p.AddTyped("DisplaySenderName", tBool, d.DisplaySenderName)
	p.AddTyped("PreferredInternetCodePageForShiftJis", tStr, d.PreferredInternetCodePageForShiftJis)
	p.AddTyped("RequiredCharsetCoverage", "System.Nullable`1[[System.Int32]]", coverage)
	p.AddTyped("TNEFEnabled", "System.Nullable`1[[System.Boolean]]", tnef)
	p.AddTyped("LineWrapSize", tStr, wrap)
	p.AddTyped("TrustedMailOutboundEnabled", tBool, d.TrustedMailOutboundEnabled)
	p.AddTyped("TrustedMailInboundEnabled", tBool, d.TrustedMailInboundEnabled)
	p.AddTyped("UseSimpleDisplayName", tBool, d.Has(rd.UseSimpleDisplayName))
	p.AddTyped("NDRDiagnosticInfoEnabled", tBool, !d.Has(rd.NDRDiagnosticInfoDisabled))
	p.AddTyped("MessageCountThreshold", tInt, 2147483647)
	exo.AddConfigTail(p, o, exo.ConfigObject{Name: d.Name, Guid: d.Guid, DistinguishedName: remoteDN(o, d.Name), ExchangeVersion: "0.1 (8.0.535.0)",
		Category: "ms-Exch-Domain-Content-Config", Class: "msExchDomainContentConfig", Created: d.WhenCreated, Changed: d.WhenChanged})
	return p
}

// remotes are the remote domains as the cmdlets name them: by name,
// GUID or distinguished name.
var remotes = exo.Configs[*rd.Domain]{
	List: rd.List,
	Keys: func(o *directory.Organization, d *rd.Domain) (string, string, string) {
		return d.Name, d.Guid, remoteDN(o, d.Name)
	},
}

func getRemoteDomain(ctx *command.Context) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	objs, done, err := remotes.Read(ctx, remoteObject)
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, objs, limit, explicit)
}

// storeRecord words the refusals of the remote domain rules as the
// service does; nil for any other error.
func storeRecord(ctx *command.Context, o *directory.Organization, err error) *object.ErrorRecord {
	var dup *rd.DuplicateDomainError
	var name *rd.NameInUseError
	var wild *rd.WildcardTargetError
	switch {
	case errors.As(err, &dup):
		return exo.CodedError(ctx, "Ex032532", exDuplicateRemoteDomain, fmt.Sprintf("The remote domain %s already exists.", dup.Domain), object.ResourceExists, dup.Domain)
	case errors.As(err, &name):
		return exo.AlreadyExists(ctx, o, remoteDN(o, name.Name), name.Name)
	case errors.As(err, &wild):
		return exo.CodedError(ctx, "Ex30BC5D", exWildcardTarget, fmt.Sprintf("TargetDeliveryDomain can't be set to $true for the remote domain %s, because it has a wildcard character.", wild.DomainName), object.InvalidArgument, wild.DomainName)
	case errors.Is(err, rd.ErrTooMany):
		return exo.Error(ctx, "System.InvalidOperationException", fmt.Sprintf("The Remote Domain can't be created because the maximum number of Remote Domains already exists. The maximum number is %d.", rd.MaxDomains), object.InvalidOperation, nil)
	case errors.Is(err, rd.ErrRemoveDefault):
		return exo.CodedError(ctx, "Ex621009", exCannotRemoveDefault, "The default remote domain can't be removed.", object.InvalidOperation, nil)
	}
	return nil
}

// nameProblem is the validation error of a remote domain's name, or nil.
func nameProblem(ctx *command.Context, name string) *object.ErrorRecord {
	return exo.TooLong(ctx, rd.MaxNameLength, name)
}

func newRemoteDomain(ctx *command.Context) error {
	name := ctx.String("Name")
	given := ctx.String("DomainName")
	dn, ok := rd.ParseDomainName(strings.TrimSpace(given))
	if !ok {
		return ctx.Fail(exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter 'DomainName'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.SmtpDomainWithSubdomains\". Error: \"\"%s\" isn't a valid SMTP domain.\"", given, given), object.InvalidArgument, given))
	}
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating Remote Domain \"%s\" with Domain Name \"%s\".", name, dn), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		d := rd.New(name, dn)
		if err := rd.Create(tx, d); err != nil {
			if rec := storeRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		out = remoteObject(o, d)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// remoteChange is what a Set-RemoteDomain call changes, read and checked
// before the tenant is.
type remoteChange struct {
	oof, encoder, content, shiftJis string
	charset, nonMimeCharset         *string
	tnef                            *bool
	coverage                        *int
	wrap                            *int // 0: unlimited
}

// readChange reads the call's values; a value the service refuses ends
// the command with its error.
func readChange(ctx *command.Context) (*remoteChange, error) {
	c := &remoteChange{}
	for _, e := range []struct {
		param, typ string
		values     []string
		field      *string
	}{
		{"AllowedOOFType", "Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedOOFType", rd.OOFTypes, &c.oof},
		{"ByteEncoderTypeFor7BitCharsets", "Microsoft.Exchange.Data.Directory.SystemConfiguration.ByteEncoderTypeFor7BitCharsetsEnum", rd.ByteEncoderTypes, &c.encoder},
		{"ContentType", "Microsoft.Exchange.Data.Directory.SystemConfiguration.ContentType", rd.ContentTypes, &c.content},
	} {
		if rec := exo.EnumArg(ctx, e.param, e.typ, e.values, e.field); rec != nil {
			return nil, ctx.Fail(rec)
		}
	}
	if ctx.Has("PreferredInternetCodePageForShiftJis") {
		v := ctx.String("PreferredInternetCodePageForShiftJis")
		n, ok := rd.ShiftJisCodePage(v)
		if !ok {
			return nil, ctx.Fail(exo.EnumError(ctx, "PreferredInternetCodePageForShiftJis", v, "Microsoft.Exchange.Data.Directory.SystemConfiguration.PreferredInternetCodePageForShiftJisEnum", rd.ShiftJisCodePages))
		}
		c.shiftJis = n
	}
	for _, e := range []struct {
		param string
		field **string
	}{{"CharacterSet", &c.charset}, {"NonMimeCharacterSet", &c.nonMimeCharset}} {
		if !ctx.Has(e.param) {
			continue
		}
		v := strings.TrimSpace(ctx.String(e.param))
		n, ok := rd.CharacterSetName(v)
		if !ok {
			return nil, ctx.Fail(exo.CodedError(ctx, "Ex874AB3", exDataValidation, fmt.Sprintf("'%s' is not a supported value for NonMimeCharacterSet or CharacterSet. Supported values include: %s.", v, strings.Join(rd.CharacterSets, ", ")), object.InvalidData, v))
		}
		*e.field = &n
	}
	tnef, err := exo.NullableBoolArg(ctx, "TNEFEnabled")
	if err != nil {
		return nil, err
	}
	c.tnef = tnef
	if ctx.Has("RequiredCharsetCoverage") {
		n := ctx.Int("RequiredCharsetCoverage")
		if n < 0 || n > rd.MaxCharsetCoverage {
			return nil, ctx.Fail(exo.OutOfRange(ctx, 0, rd.MaxCharsetCoverage, n))
		}
		c.coverage = &n
	}
	if ctx.Has("LineWrapSize") {
		v := object.Unwrap(ctx.Value("LineWrapSize"))
		s := strings.TrimSpace(object.ToInvariantString(v))
		n := 0
		if !strings.EqualFold(s, "Unlimited") {
			var err error
			n, err = strconv.Atoi(s)
			if err != nil {
				return nil, ctx.Fail(exo.Error(ctx, exBinding, fmt.Sprintf("Cannot process argument transformation on parameter 'LineWrapSize'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Unlimited`1[System.Int32]\". Error: \"The value \"%s\" isn't valid. Valid values are an integer or \"Unlimited\".\"", s, s), object.InvalidArgument, s))
			}
			if n < 1 || n > rd.MaxLineWrapSize {
				return nil, ctx.Fail(exo.OutOfRange(ctx, 1, rd.MaxLineWrapSize, n))
			}
		}
		c.wrap = &n
	}
	return c, nil
}

// apply changes d as the call asks.
func (c *remoteChange) apply(ctx *command.Context, d *rd.Domain) {
	if ctx.Has("Name") {
		d.Name = ctx.String("Name")
	}
	// AllowedOOFType first: it rewrites the InternalDomain flag, which an
	// -IsInternal of the same call then sets
	if c.oof != "" {
		d.SetAllowedOOFType(c.oof)
	}
	if ctx.Has("IsInternal") {
		d.Set(rd.InternalDomain, ctx.Bool("IsInternal"))
	}
	for _, f := range flagParams {
		if ctx.Has(f.name) {
			d.Set(f.flag, ctx.Bool(f.name) != f.invert)
		}
	}
	if c.encoder != "" {
		d.ByteEncoderTypeFor7BitCharsets = c.encoder
	}
	if c.content != "" {
		d.ContentType = c.content
	}
	if c.shiftJis != "" {
		d.PreferredInternetCodePageForShiftJis = c.shiftJis
	}
	if c.charset != nil {
		d.CharacterSet = *c.charset
	}
	if c.nonMimeCharset != nil {
		d.NonMimeCharacterSet = *c.nonMimeCharset
	}
	if ctx.Has("TNEFEnabled") {
		d.TNEFEnabled = c.tnef
	}
	if c.coverage != nil {
		d.RequiredCharsetCoverage = c.coverage
	}
	if c.wrap != nil {
		d.LineWrapSize = *c.wrap
	}
	for name, field := range map[string]*bool{"DisplaySenderName": &d.DisplaySenderName,
		"TrustedMailInboundEnabled": &d.TrustedMailInboundEnabled, "TrustedMailOutboundEnabled": &d.TrustedMailOutboundEnabled} {
		if ctx.Has(name) {
			*field = ctx.Bool(name)
		}
	}
}

// sameSettings reports whether two states of a remote domain have the
// same settings.
func sameSettings(a, b *rd.Domain) bool {
	x, y := *a, *b
	x.WhenChanged, y.WhenChanged = time.Time{}, time.Time{}
	eqInt := func(p, q *int) bool { return p == nil && q == nil || p != nil && q != nil && *p == *q }
	eqBool := func(p, q *bool) bool { return p == nil && q == nil || p != nil && q != nil && *p == *q }
	if !eqInt(x.RequiredCharsetCoverage, y.RequiredCharsetCoverage) || !eqBool(x.TNEFEnabled, y.TNEFEnabled) {
		return false
	}
	x.RequiredCharsetCoverage, y.RequiredCharsetCoverage, x.TNEFEnabled, y.TNEFEnabled = nil, nil, nil, nil
	return x == y
}

func setRemoteDomain(ctx *command.Context) error {
	change, err := readChange(ctx)
	if err != nil {
		return err
	}
	if ctx.Has("Name") {
		if rec := nameProblem(ctx, ctx.String("Name")); rec != nil {
			return ctx.Fail(rec)
		}
	}
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var o *directory.Organization
	var d *rd.Domain
	unchanged := false
	_, err = exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, d, rec, err = remotes.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Configuring remote domain \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		before := *d
		change.apply(ctx, d)
		if unchanged = sameSettings(&before, d); unchanged {
			return nil, nil
		}
		if err := rd.Put(tx, d); err != nil {
			if rec := storeRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		return nil, nil
	})
	if err == nil && unchanged {
		ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", d.Name))
	}
	return err
}

func removeRemoteDomain(ctx *command.Context) error {
	shown := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	var o *directory.Organization
	var d *rd.Domain
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, d, rec, err = remotes.Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Removing remote domain \"%s\".", shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if err := rd.Remove(tx, d); err != nil {
			if rec := storeRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		return nil, nil
	})
	return err
}
