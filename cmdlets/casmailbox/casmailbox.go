// Package casmailbox declares the Exchange Online cmdlets of client
// access: Get-CASMailbox and its REST twin Get-EXOCasMailbox show which
// protocols and clients may open each mailbox and Set-CASMailbox turns
// them on or off (store/casmailbox).
package casmailbox

import (
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/mailboxpolicy"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	cas "github.com/exosim/exosim/store/casmailbox"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/mobile"
)

// TypeCASMailbox is the output type of Get-CASMailbox, TypeEXOCASMailbox
// that of Get-EXOCasMailbox.
const (
	TypeCASMailbox    = "Deserialized.Microsoft.Exchange.Data.Directory.Management.CASMailbox"
	TypeEXOCASMailbox = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoCasMailbox"
)

const (
	tStr  = "System.String"
	tBool = "System.Boolean"
	tList = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]"
	// tEndpoints is a list of protocol endpoints (ExternalImapSettings ...)
	tEndpoints = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.ProtocolConnectionSettings]]"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-CASMailbox", "Set-CASMailbox", "Get-EXOCasMailbox"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the Get-CASMailbox table: the mailbox and its main
// protocols.
func Views(r *format.Registry) {
	cols := []format.Column{{Label: "Name", Property: "Name"}}
	for _, p := range []string{"ActiveSyncEnabled", "OWAEnabled", "PopEnabled", "ImapEnabled", "MapiEnabled", "SmtpClientAuthenticationDisabled"} {
		cols = append(cols, format.Column{Label: p, Property: p})
	}
	r.Add(&format.View{Name: TypeCASMailbox, TypeNames: []string{TypeCASMailbox}, Kind: format.TableView, Columns: cols})
}

// setSwitches are the on/off parameters of Set-CASMailbox the simulator
// keeps.
var setSwitches = lazy.Value[[]string]{Build: func() []string {
	var out []string
	for _, sw := range cas.Switches {
		out = append(out, sw.Name)
	}
	return out
}}

// casHelp describes the parameters Get-CASMailbox and Get-EXOCasMailbox
// share.
func casHelp() map[string]string {
	return map[string]string{
		"Identity":                        "The mailbox; every mailbox when left out.",
		"Anr":                             "Mailboxes whose name, alias, display name, first or last name, address or sign-in name starts with this text.",
		"Filter":                          "OPATH filter on the output's properties (PopEnabled, ImapEnabled ...).",
		"ResultSize":                      "Most results to return (1000 by default), or Unlimited.",
		"ActiveSyncDebugLogging":          "Shows the mailbox's real ActiveSyncDebugLogging ($false without this switch).",
		"ReadIsOptimizedForAccessibility": "Shows the mailbox's real IsOptimizedForAccessibility ($false without this switch).",
		"ProtocolSettings":                "Fills ExternalImapSettings, InternalImapSettings, ExternalPopSettings, InternalPopSettings, ExternalSmtpSettings and InternalSmtpSettings (server, port and encryption of Exchange Online's endpoints).",
	}
}

func commands() []*command.Command {
	get := exo.Declared("Get-CASMailbox")
	exo.Describe(get, casHelp())
	exo.Describe(get, map[string]string{
		"RecipientTypeDetails": "Lists only mailboxes of these types.",
		"Credential":           "Accepted; the session's credentials are used.",
	})
	get.OutputType = TypeCASMailbox
	get.Synopsis = "Shows which protocols and clients (ActiveSync, Outlook on the web, POP, IMAP, MAPI, EWS) may open mailboxes."
	get.Examples = []command.Example{
		{Code: "Get-CASMailbox -ResultSize Unlimited -Filter 'PopEnabled -eq $true -or ImapEnabled -eq $true' | Select-Object Name,PopEnabled,ImapEnabled", Remark: "Finds mailboxes that legacy protocols can still open."},
	}
	get.Handler.Process = getCAS

	rest := exo.Declared("Get-EXOCasMailbox")
	exo.Describe(rest, casHelp())
	exo.Describe(rest, map[string]string{
		"ExternalDirectoryObjectId": "The mailbox by the object ID of its account in Microsoft Entra ID.",
		"PrimarySmtpAddress":        "The mailbox by its primary SMTP address.",
		"UserPrincipalName":         "The mailbox by its user principal name.",
		"OrganizationalUnit":        "The organization's unit (its name, canonical name, DN or GUID): every mailbox of the tenant is in it.",
		"PropertySets":              "Groups of properties to return besides Minimum: ActiveSync, Ews, Imap, Mapi, Pop, ProtocolSettings or All.",
		"Properties":                "Single properties to return besides the Minimum set.",
		"IgnoreDefaultScope":        "Accepted; the whole organization is in scope.",
	})
	rest.OutputType = TypeEXOCASMailbox
	rest.Synopsis = "Shows the client access settings of mailboxes through the REST-based cmdlet, returning only the requested property sets."
	rest.Description = "By default only the Minimum property set is returned (the main protocols on or off); -PropertySets adds " +
		"groups of properties (ActiveSync, Ews, Imap, Mapi, Pop, ProtocolSettings, All) and -Properties single ones. The values " +
		"are those Get-CASMailbox shows and Set-CASMailbox changes. -GetImapProtocolLog, -GetPopProtocolLog and -SendLogsTo, " +
		"reserved for Microsoft's use, are not simulated: the simulator keeps no protocol logs."
	rest.Examples = []command.Example{
		{Code: "Get-EXOCasMailbox annb", Remark: "Shows the Minimum property set of one mailbox."},
		{Code: "Get-EXOCasMailbox -ResultSize Unlimited -PropertySets Minimum,Pop,Imap | Where-Object {$_.PopEnabled -or $_.ImapEnabled} | Select-Object Name,PopEnabled,ImapEnabled", Remark: "Finds the mailboxes POP3 or IMAP4 can still open."},
		{Code: "Get-EXOCasMailbox -Filter 'SmtpClientAuthenticationDisabled -eq $false' -Properties SmtpClientAuthenticationDisabled", Remark: "Lists the mailboxes with SMTP AUTH turned on for them."},
	}
	rest.Handler.Process = getEXOCAS

	set := exo.Declared("Set-CASMailbox")
	help := map[string]string{
		"Identity":                         "The mailbox.",
		"SmtpClientAuthenticationDisabled": "$true turns SMTP AUTH off for the mailbox, $false on; $null follows the organization.",
		"OwaMailboxPolicy":                 "The mailbox's Outlook on the web mailbox policy: name, distinguished name or GUID; $null clears it (the default policy applies).",
		"ActiveSyncMailboxPolicy":          "The mailbox's mobile device mailbox policy: name, distinguished name or GUID; $null gives it back to the default policy.",
	}
	for _, sw := range setSwitches.Get() {
		help[sw] = "$true or $false."
	}
	exo.Describe(set, help)
	set.ConfirmImpact = command.ImpactMedium
	set.Synopsis = "Turns protocols and clients (ActiveSync, Outlook on the web, POP, IMAP, MAPI, EWS, SMTP AUTH) on or off for a mailbox."
	set.Examples = []command.Example{{Code: "Set-CASMailbox annb -PopEnabled $false -ImapEnabled $false", Remark: "Closes POP3 and IMAP4 for Anne."}}
	// the parameter is a Nullable<bool>: $null takes the mailbox back to
	// the organization's setting
	exo.DeclaredParam(set, "SmtpClientAuthenticationDisabled").Type = exo.TNullableBool
	set.Handler.Process = setCAS

	return []*command.Command{
		exo.Partial(get, "Identity", "Anr", "Filter", "RecipientTypeDetails", "ResultSize", "Credential",
			"ActiveSyncDebugLogging", "ReadIsOptimizedForAccessibility", "ProtocolSettings"),
		exo.Partial(set, append([]string{"Identity", "SmtpClientAuthenticationDisabled", "OwaMailboxPolicy", "ActiveSyncMailboxPolicy"}, setSwitches.Get()...)...),
		exo.Partial(rest, "Identity", "Anr", "ExternalDirectoryObjectId", "PrimarySmtpAddress", "UserPrincipalName", "Filter",
			"OrganizationalUnit", "PropertySets", "Properties", "ResultSize", "ActiveSyncDebugLogging", "ReadIsOptimizedForAccessibility",
			"ProtocolSettings", "IgnoreDefaultScope"),
	}
}

// exoCASSets are Get-EXOCasMailbox's property sets, as Microsoft's
// "Property sets in Exchange Online PowerShell module cmdlets" lists them
// (the output's order of the Minimum set is not documented: it is the
// page's). The module leaves ServerName, OriginatingServer and IsValid
// out of its output by design (the cmdlet's reference page).
var exoCASSets = lazy.Value[*exo.PropertySets]{Build: func() *exo.PropertySets {
	return &exo.PropertySets{Type: TypeEXOCASMailbox,
		Minimum: []string{"ActiveSyncEnabled", "DisplayName", "ECPEnabled", "EmailAddresses", "EwsEnabled", "ExchangeVersion", "Guid",
			"Identity", "ImapEnabled", "MAPIEnabled", "Name", "OWAEnabled", "OrganizationId", "PopEnabled", "PrimarySmtpAddress", "ServerLegacyDN"},
		Sets: map[string][]string{
			"ActiveSync": {"ActiveSyncAllowedDeviceIDs", "ActiveSyncBlockedDeviceIDs", "ActiveSyncEnabled", "ActiveSyncMailboxPolicy",
				"ActiveSyncMailboxPolicyIsDefaulted", "ActiveSyncSuppressReadReceipt", "ExternalDirectoryObjectId", "Guid",
				"HasActiveSyncDevicePartnership", "Identity", "Name", "OrganizationId"},
			"Ews": {"EwsAllowMacOutlook", "EwsAllowOutlook", "EwsEnabled", "ExternalDirectoryObjectId", "Guid", "Identity", "Name", "OrganizationId"},
			"Imap": {"ExternalDirectoryObjectId", "Guid", "Identity", "ImapEnableExactRFC822Size", "ImapEnabled", "ImapForceICalForCalendarRetrievalOption",
				"ImapMessagesRetrievalMimeFormat", "ImapSuppressReadReceipt", "ImapUseProtocolDefaults", "Name", "OrganizationId"},
			"Mapi": {"ExternalDirectoryObjectId", "Guid", "Identity", "MAPIBlockOutlookExternalConnectivity", "MAPIBlockOutlookNonCachedMode",
				"MAPIBlockOutlookRpcHttp", "MAPIBlockOutlookVersions", "MAPIEnabled", "MapiHttpEnabled", "Name", "OrganizationId"},
			"Pop": {"ExternalDirectoryObjectId", "Guid", "Identity", "Name", "OrganizationId", "PopEnableExactRFC822Size", "PopEnabled",
				"PopMessagesRetrievalMimeFormat", "PopSuppressReadReceipt", "PopUseProtocolDefaults"},
			"ProtocolSettings": protocolSettingsSet,
		},
		Omit: []string{"ServerName", "OriginatingServer", "IsValid"},
	}
}}

// protocolSettingsSet is Get-EXOCasMailbox's ProtocolSettings property
// set, which its -ProtocolSettings switch also adds.
var protocolSettingsSet = []string{"ExternalDirectoryObjectId", "ExternalImapSettings", "ExternalPopSettings", "ExternalSmtpSettings", "Guid",
	"Identity", "InternalImapSettings", "InternalPopSettings", "InternalSmtpSettings", "Name", "OrganizationId"}

// policies are the mailbox policies a mailbox follows, as Get-CASMailbox
// shows them: the names of its Outlook on the web ("" for none) and
// mobile device mailbox policies, and whether it follows the default
// mobile device mailbox policy for want of one of its own.
type policies struct {
	owa, mobile     string
	mobileDefaulted bool
}

// policiesOf are the policies of the mailbox with those links (see
// mp.View).
func policiesOf(v *mp.View, l *mp.Links) policies {
	mobile, defaulted := v.Mobile(l)
	return policies{owa: v.Owa(l), mobile: mobile, mobileDefaulted: defaulted}
}

// reads are the switches of a call that make the object show what it
// otherwise leaves at a default (the reference page of Get-CASMailbox).
type reads struct {
	// debugLogging (-ActiveSyncDebugLogging): ActiveSyncDebugLogging is
	// the mailbox's setting, else always $false.
	debugLogging bool
	// accessibility (-ReadIsOptimizedForAccessibility):
	// IsOptimizedForAccessibility is the mailbox's setting, else $false.
	accessibility bool
	// protocols (-ProtocolSettings): the External and Internal IMAP, POP
	// and SMTP settings list Exchange Online's endpoints, else are empty.
	protocols bool
	// rest: the object is Get-EXOCasMailbox's full object, which also has
	// the account's ExternalDirectoryObjectId.
	rest bool
}

// readsOf are the switches of the call; rest adds what a Get-EXOCasMailbox
// call's property sets ask for: ProtocolSettings and All fill the
// protocol settings, as -ProtocolSettings does.
func readsOf(ctx *command.Context, rest bool) reads {
	r := reads{debugLogging: ctx.Switch("ActiveSyncDebugLogging"), accessibility: ctx.Switch("ReadIsOptimizedForAccessibility"),
		protocols: ctx.Switch("ProtocolSettings")}
	if rest {
		r.protocols = r.protocols || exo.ContainsFold(ctx.Strings("PropertySets"), "ProtocolSettings") || exo.ContainsFold(ctx.Strings("PropertySets"), "All")
	}
	return r
}

// Exchange Online's client endpoints, as a ProtocolConnectionSettings
// shows one (host:port:encryption; TLS is STARTTLS): IMAP4 and POP3 over
// SSL on outlook.office365.com, SMTP client submission with STARTTLS on
// smtp.office365.com port 587. The service has no internal network, so
// the internal settings are the same.
var (
	imapEndpoints = []string{"outlook.office365.com:993:SSL"}
	popEndpoints  = []string{"outlook.office365.com:995:SSL"}
	smtpEndpoints = []string{"smtp.office365.com:587:TLS"}
)

// casObject is the Get-CASMailbox object of a mailbox that follows the
// policies p, for a call with the switches r.
func casObject(tx *store.Tx, m *directory.Mailbox, org *directory.Organization, s *cas.Settings, easDevice bool, p policies, r reads) *object.PSObject {
	rec := mailbox.RecipientOf(tx, m, org)
	o := object.NewObject(TypeCASMailbox,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.System.Object")
	copyProp := func(names ...string) {
		for _, n := range names {
			if p := rec.Property(n); p != nil {
				o.AddTyped(p.Name, p.TypeName, p.Get())
			}
		}
	}
	sw := func(name string) { o.AddTyped(name, tBool, s.Value(name)) }
	// a setting only a switch of the call reads shows $false without it
	read := func(name string, asked bool) { o.AddTyped(name, tBool, asked && s.Value(name)) }
	endpoints := func(name string, list []string) {
		if !r.protocols {
			list = nil
		}
		o.AddTyped(name, tEndpoints, exo.MultiValued(list))
	}
	copyProp("EmailAddresses")
	o.AddTyped("LegacyExchangeDN", tStr, exo.NilIfEmpty(m.LegacyExchangeDN))
	o.AddTyped("LinkedMasterAccount", tStr, nil)
	o.AddTyped("PrimarySmtpAddress", tStr, m.PrimarySmtpAddress)
	var legacyDN any
	if m.ServerName != "" {
		legacyDN = mailbox.ServerLegacyDN(m.ServerName)
	}
	o.AddTyped("ServerLegacyDN", tStr, legacyDN)
	o.AddTyped("ServerName", tStr, exo.NilIfEmpty(m.ServerName))
	o.AddTyped("DisplayName", tStr, m.DisplayName)
	o.AddTyped("ActiveSyncAllowedDeviceIDs", tList, exo.MultiValued(nil))
	o.AddTyped("ActiveSyncBlockedDeviceIDs", tList, exo.MultiValued(nil))
	o.AddTyped("ActiveSyncMailboxPolicy", tStr, exo.NilIfEmpty(p.mobile))
	o.AddTyped("ActiveSyncMailboxPolicyIsDefaulted", tBool, p.mobileDefaulted)
	read("ActiveSyncDebugLogging", r.debugLogging)
	sw("ActiveSyncEnabled")
	o.AddTyped("HasActiveSyncDevicePartnership", tBool, easDevice)
	sw("ActiveSyncSuppressReadReceipt")
	o.AddTyped("OwaMailboxPolicy", tStr, exo.NilIfEmpty(p.owa))
	sw("OWAforDevicesEnabled")
	sw("OWAEnabled")
	o.AddTyped("ECPEnabled", tBool, true)
	sw("PopEnabled")
	sw("PopUseProtocolDefaults")
	o.AddTyped("PopMessagesRetrievalMimeFormat", tStr, "BestBodyFormat")
	o.AddTyped("PopEnableExactRFC822Size", tBool, false)
	sw("PopForceICalForCalendarRetrievalOption")
	sw("PopSuppressReadReceipt")
	sw("ImapEnabled")
	sw("ImapUseProtocolDefaults")
	o.AddTyped("ImapMessagesRetrievalMimeFormat", tStr, "BestBodyFormat")
	o.AddTyped("ImapEnableExactRFC822Size", tBool, false)
	sw("ImapForceICalForCalendarRetrievalOption")
	sw("ImapSuppressReadReceipt")
	sw("MAPIEnabled")
	o.AddTyped("MapiHttpEnabled", tBool, nil)
	sw("UniversalOutlookEnabled")
	sw("OutlookMobileEnabled")
	sw("MacOutlookEnabled")
	sw("OneWinNativeOutlookEnabled")
	o.AddTyped("MAPIBlockOutlookNonCachedMode", tBool, false)
	o.AddTyped("MAPIBlockOutlookVersions", tStr, nil)
	o.AddTyped("MAPIBlockOutlookRpcHttp", tBool, false)
	o.AddTyped("MAPIBlockOutlookExternalConnectivity", tBool, false)
	sw("EwsEnabled")
	o.AddTyped("EwsAllowOutlook", tBool, nil)
	o.AddTyped("EwsAllowMacOutlook", tBool, nil)
	o.AddTyped("EwsAllowEntourage", tBool, nil)
	o.AddTyped("EwsApplicationAccessPolicy", tStr, nil)
	o.AddTyped("EwsAllowList", tList, nil)
	o.AddTyped("EwsBlockList", tList, nil)
	sw("ShowGalAsDefaultView")
	var smtp any
	if s.SmtpClientAuthenticationDisabled != nil {
		smtp = *s.SmtpClientAuthenticationDisabled
	}
	o.AddTyped("SmtpClientAuthenticationDisabled", tBool, smtp)
	read("IsOptimizedForAccessibility", r.accessibility)
	sw("PublicFolderClientAccess")
	endpoints("ExternalImapSettings", imapEndpoints)
	endpoints("InternalImapSettings", imapEndpoints)
	endpoints("ExternalPopSettings", popEndpoints)
	endpoints("InternalPopSettings", popEndpoints)
	endpoints("ExternalSmtpSettings", smtpEndpoints)
	endpoints("InternalSmtpSettings", smtpEndpoints)
	copyProp("Identity", "IsValid", "ExchangeVersion", "Name", "DistinguishedName", "Guid", "WhenChanged", "WhenCreated",
		"WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "ObjectState")
	if r.rest {
		// the REST object names the mailbox's account too
		copyProp("ExternalDirectoryObjectId")
	}
	o.ToStringFunc = rec.ToStringFunc
	return o
}

// hasEASDevice tells whether the mailbox has an Exchange ActiveSync device
// partnership.
func hasEASDevice(tx *store.Tx, m *directory.Mailbox) (bool, error) {
	ds, err := mobile.ForMailbox(tx, m.Guid)
	for _, d := range ds {
		if d.ClientType == mobile.ClientEAS {
			return true, err
		}
	}
	return false, err
}

func getCAS(ctx *command.Context) error { return listCAS(ctx, false) }

// getEXOCAS is Get-EXOCasMailbox: Get-CASMailbox's objects, filtered on
// all their properties, each projected onto the property sets and
// properties the call asks for (Minimum always; -ProtocolSettings adds
// the ProtocolSettings set, -ActiveSyncDebugLogging and
// -ReadIsOptimizedForAccessibility the property each reads).
func getEXOCAS(ctx *command.Context) error { return listCAS(ctx, true) }

// listCAS lists the client access settings of the mailbox the call names,
// or of every mailbox, as Get-CASMailbox (rest false) or Get-EXOCasMailbox
// (rest true) shows them: one read transaction, then the objects up to
// -ResultSize.
func listCAS(ctx *command.Context, rest bool) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	r := readsOf(ctx, rest)
	r.rest = rest
	var org *directory.Organization
	keep, err := exo.CallFilter(ctx, func(tx *store.Tx) (*object.PSObject, error) {
		var err error
		org, err = directory.GetOrganization(tx)
		return casObject(tx, &directory.Mailbox{}, org, &cas.Settings{}, false, policiesOf(nil, nil), r), err
	}, map[string]func(*object.PSObject) any{
		// the policies are links: a filter compares the distinguished name
		// of the policy, and a blank ActiveSync policy while the mailbox
		// follows the default one (ActiveSyncMailboxPolicyIsDefaulted)
		"OwaMailboxPolicy": func(o *object.PSObject) any {
			return exo.PolicyLinkValue(org, "OwaMailboxPolicy", o.Value("OwaMailboxPolicy"))
		},
		"ActiveSyncMailboxPolicy": func(o *object.PSObject) any {
			if defaulted, _ := o.Value("ActiveSyncMailboxPolicyIsDefaulted").(bool); defaulted {
				return nil
			}
			return exo.PolicyLinkValue(org, "ActiveSyncMailboxPolicy", o.Value("ActiveSyncMailboxPolicy"))
		},
	})
	if err != nil {
		return err
	}
	project := func(o *object.PSObject) *object.PSObject { return o }
	if rest {
		sets, props := ctx.Strings("PropertySets"), ctx.Strings("Properties")
		if r.protocols && ctx.Switch("ProtocolSettings") {
			sets = append(sets, "ProtocolSettings")
		}
		if r.debugLogging {
			props = append(props, "ActiveSyncDebugLogging")
		}
		if r.accessibility {
			props = append(props, "IsOptimizedForAccessibility")
		}
		project = func(o *object.PSObject) *object.PSObject { return exoCASSets.Get().Project(o, sets, props) }
	}
	types := params.FlagNames(ctx.Strings("RecipientTypeDetails"))
	var out []*object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		out = nil
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if ctx.Has("OrganizationalUnit") {
			if rec, err := mailbox.OrganizationalUnitRecord(ctx, tx); rec != nil || err != nil {
				return rec, err
			}
		}
		ms, rec, err := mailbox.IdentityOrAll(ctx, tx)
		if err != nil || rec != nil {
			return rec, err
		}
		views, err := mp.LoadView(tx)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if len(types) > 0 && !exo.ContainsFold(types, m.RecipientTypeDetails) {
				continue
			}
			if ctx.Has("Anr") && !mailbox.MatchAnr(m, ctx.String("Anr")) {
				continue
			}
			s, err := cas.Get(tx, m.Guid)
			if err != nil {
				return nil, err
			}
			eas, err := hasEASDevice(tx, m)
			if err != nil {
				return nil, err
			}
			links, err := views.LinksOf(tx, m.Guid)
			if err != nil {
				return nil, err
			}
			o := casObject(tx, m, org, s, eas, policiesOf(views, links), r)
			ok, err := keep.Keeps(o)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, project(o))
			}
		}
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return mailbox.WriteLimited(ctx, out, limit, explicit)
}

func setCAS(ctx *command.Context) error {
	smtpAuth, err := exo.NullableBoolArg(ctx, "SmtpClientAuthenticationDisabled")
	if err != nil {
		return err
	}
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf("Setting CAS mailbox \"%s\".", m.Identity()), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		s, err := cas.Get(tx, m.Guid)
		if err != nil {
			return nil, err
		}
		for _, name := range setSwitches.Get() {
			if ctx.Has(name) {
				if s.Switches == nil {
					s.Switches = map[string]bool{}
				}
				s.Switches[name] = ctx.Bool(name)
			}
		}
		if ctx.Has("SmtpClientAuthenticationDisabled") {
			s.SmtpClientAuthenticationDisabled = smtpAuth
		}
		if ctx.Has("OwaMailboxPolicy") {
			if rec, err := mailboxpolicy.AssignOwa(ctx, tx, m.Guid); rec != nil || err != nil {
				return rec, err
			}
		}
		if ctx.Has("ActiveSyncMailboxPolicy") {
			if rec, err := mailboxpolicy.AssignMobile(ctx, tx, m.Guid); rec != nil || err != nil {
				return rec, err
			}
		}
		return nil, cas.Put(tx, s)
	})
}
