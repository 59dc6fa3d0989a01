// Package casmailbox declares the Exchange Online cmdlets of client
// access: Get-CASMailbox shows which protocols and clients may open each
// mailbox and Set-CASMailbox turns them on or off (store/casmailbox).
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

// TypeCASMailbox is the output type of Get-CASMailbox.
const TypeCASMailbox = "Deserialized.Microsoft.Exchange.Data.Directory.Management.CASMailbox"

const (
	tStr  = "System.String"
	tBool = "System.Boolean"
	tList = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-CASMailbox", "Set-CASMailbox"}, Build: commands},
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

func commands() []*command.Command {
	get := exo.Declared("Get-CASMailbox")
	exo.Describe(get, map[string]string{
		"Identity":             "The mailbox; every mailbox when left out.",
		"Anr":                  "Mailboxes whose name, alias, display name or address starts with this text.",
		"Filter":               "OPATH filter on the output's properties (PopEnabled, ImapEnabled ...).",
		"RecipientTypeDetails": "Lists only mailboxes of these types.",
		"ResultSize":           "Most results to return (1000 by default), or Unlimited.",
		"Credential":           "Accepted; the session's credentials are used.",
	})
	get.OutputType = TypeCASMailbox
	get.Synopsis = "Shows which protocols and clients (ActiveSync, Outlook on the web, POP, IMAP, MAPI, EWS) may open mailboxes."
	get.Examples = []command.Example{
		{Code: "Get-CASMailbox -ResultSize Unlimited -Filter 'PopEnabled -eq $true -or ImapEnabled -eq $true' | Select-Object Name,PopEnabled,ImapEnabled", Remark: "Finds mailboxes that legacy protocols can still open."},
	}
	get.Handler.Process = getCAS

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
		exo.Partial(get, "Identity", "Anr", "Filter", "RecipientTypeDetails", "ResultSize", "Credential"),
		exo.Partial(set, append([]string{"Identity", "SmtpClientAuthenticationDisabled", "OwaMailboxPolicy", "ActiveSyncMailboxPolicy"}, setSwitches.Get()...)...),
	}
}

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

// casObject is the Get-CASMailbox object of a mailbox that follows the
// policies p.
func casObject(tx *store.Tx, m *directory.Mailbox, org *directory.Organization, s *cas.Settings, easDevice bool, p policies) *object.PSObject {
	r := mailbox.RecipientOf(tx, m, org)
	o := object.NewObject(TypeCASMailbox,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.System.Object")
	copyProp := func(names ...string) {
		for _, n := range names {
			if p := r.Property(n); p != nil {
				o.AddTyped(p.Name, p.TypeName, p.Get())
			}
		}
	}
	sw := func(name string) { o.AddTyped(name, tBool, s.Value(name)) }
	copyProp("EmailAddresses")
	o.AddTyped("LegacyExchangeDN", tStr, exo.NilIfEmpty(m.LegacyExchangeDN))
	o.AddTyped("LinkedMasterAccount", tStr, nil)
	o.AddTyped("PrimarySmtpAddress", tStr, m.PrimarySmtpAddress)
	o.AddTyped("ServerName", tStr, exo.NilIfEmpty(m.ServerName))
	o.AddTyped("DisplayName", tStr, m.DisplayName)
	o.AddTyped("ActiveSyncAllowedDeviceIDs", tList, exo.MultiValued(nil))
	o.AddTyped("ActiveSyncBlockedDeviceIDs", tList, exo.MultiValued(nil))
	o.AddTyped("ActiveSyncMailboxPolicy", tStr, exo.NilIfEmpty(p.mobile))
	o.AddTyped("ActiveSyncMailboxPolicyIsDefaulted", tBool, p.mobileDefaulted)
	sw("ActiveSyncDebugLogging")
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
	sw("PopForceICalForCalendarRetrievalOption")
	sw("PopSuppressReadReceipt")
	sw("ImapEnabled")
	sw("ImapUseProtocolDefaults")
	o.AddTyped("ImapMessagesRetrievalMimeFormat", tStr, "BestBodyFormat")
	sw("ImapForceICalForCalendarRetrievalOption")
	sw("ImapSuppressReadReceipt")
	sw("MAPIEnabled")
	o.AddTyped("MapiHttpEnabled", tBool, nil)
	sw("UniversalOutlookEnabled")
	sw("OutlookMobileEnabled")
	sw("MacOutlookEnabled")
	sw("OneWinNativeOutlookEnabled")
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
	sw("IsOptimizedForAccessibility")
	sw("PublicFolderClientAccess")
	copyProp("Identity", "IsValid", "ExchangeVersion", "Name", "DistinguishedName", "Guid", "WhenChanged", "WhenCreated",
		"WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "ObjectState")
	o.ToStringFunc = r.ToStringFunc
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

func getCAS(ctx *command.Context) error {
	limit, explicit, err := mailbox.ResultSize(ctx)
	if err != nil {
		return err
	}
	var org *directory.Organization
	keep, err := exo.CallFilter(ctx, func(tx *store.Tx) (*object.PSObject, error) {
		var err error
		org, err = directory.GetOrganization(tx)
		return casObject(tx, &directory.Mailbox{}, org, &cas.Settings{}, false, policiesOf(nil, nil)), err
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
	types := params.FlagNames(ctx.Strings("RecipientTypeDetails"))
	var out []*object.PSObject
	done, err := exo.Read(ctx, "", func(tx *store.Tx) (*object.ErrorRecord, error) {
		out = nil
		org, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
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
			if ctx.Has("Anr") && !exo.MatchAnr(ctx.String("Anr"), m.Name, m.Alias, m.DisplayName, m.PrimarySmtpAddress) {
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
			o := casObject(tx, m, org, s, eas, policiesOf(views, links))
			ok, err := keep.Keeps(o)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, o)
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
