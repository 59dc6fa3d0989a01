package mailbox

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxholds"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/idform"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/mrm"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// holdParams are the Set-Mailbox parameters -InactiveMailbox may be
// combined with (plus the common ones).
var holdParams = []string{"Identity", "InactiveMailbox", "LitigationHoldEnabled", "LitigationHoldDuration", "LitigationHoldOwner",
	"LitigationHoldDate", "RemoveDelayHoldApplied", "RemoveDelayReleaseHoldApplied", "RemoveComplianceTagHoldApplied",
	"ExcludeFromOrgHolds", "ExcludeFromAllOrgHolds", "ExcludeFromAllHolds", "RecalculateInactiveMailbox", "RemoveOrphanedHolds",
	"RetentionHoldEnabled", "StartDateForRetentionHold", "EndDateForRetentionHold", "ProvideConsent", "Force"}

// inactiveOnlyParams reach an inactive mailbox even without the
// -InactiveMailbox switch.
var inactiveOnlyParams = []string{"ExcludeFromOrgHolds", "ExcludeFromAllOrgHolds", "ExcludeFromAllHolds", "RecalculateInactiveMailbox"}

// handledParams are applied to the mailbox record; every other bound
// parameter is stored in Mailbox.Extra under its name.
var handledParams = []string{"Identity", "InactiveMailbox", "Force", "DisplayName", "Name", "Alias", "EmailAddresses",
	"PrimarySmtpAddress", "WindowsEmailAddress", "MicrosoftOnlineServicesID", "ProhibitSendQuota", "ProhibitSendReceiveQuota",
	"IssueWarningQuota", "RecoverableItemsQuota", "RecoverableItemsWarningQuota", "ArchiveQuota", "ArchiveWarningQuota",
	"MaxSendSize", "MaxReceiveSize", "RetainDeletedItemsFor", "HiddenFromAddressListsEnabled", "SingleItemRecoveryEnabled",
	"AuditEnabled", "DeliverToMailboxAndForward", "ForwardingSmtpAddress", "AccountDisabled", "RetentionPolicy",
	"LitigationHoldEnabled", "LitigationHoldDuration", "LitigationHoldOwner", "LitigationHoldDate", "RetentionHoldEnabled",
	"StartDateForRetentionHold", "EndDateForRetentionHold", "RemoveDelayHoldApplied", "RemoveDelayReleaseHoldApplied",
	"RemoveComplianceTagHoldApplied", "ProvideConsent", "RecalculateInactiveMailbox", "ArchiveName", "Type", "Password",
	"ExcludeFromOrgHolds", "ExcludeFromAllOrgHolds", "ExcludeFromAllHolds", "RemoveOrphanedHolds", "Office", sendOnBehalfParam, sharingPolicyParam, rolePolicyParam, "AddressBookPolicy"}

func setMailbox() *command.Command {
	c := exo.Declared("Set-Mailbox")
	c.Synopsis = "Changes mailbox attributes: addresses, quotas, retention, holds and delivery options."
	c.Description = "Every documented parameter is accepted. Addresses, quotas, deleted-item retention, visibility, Litigation Hold, retention hold and the delay-hold flags change the mailbox as in Exchange Online; the remaining attributes are stored and shown by Get-Mailbox. Inactive mailboxes are addressed with -InactiveMailbox, which only combines with hold parameters."
	c.Examples = []command.Example{
		{Code: "Set-Mailbox annb -LitigationHoldEnabled $true -LitigationHoldDuration 2555", Remark: "Places a mailbox on Litigation Hold for seven years per item."},
		{Code: "Set-Mailbox annb -ProhibitSendQuota 49GB -ProhibitSendReceiveQuota 50GB -IssueWarningQuota 48GB", Remark: "Lowers the mailbox quotas."},
		{Code: "Set-Mailbox annb -EmailAddresses @{Add='ann.beebe@contoso.com'}", Remark: "Adds a proxy address and keeps the others."},
		{Code: "Set-Mailbox annb -RetainDeletedItemsFor 30 -HiddenFromAddressListsEnabled $true", Remark: "Keeps deleted items 30 days and hides the mailbox from the address lists."},
	}
	c.Handler.Process = runSetMailbox
	return c
}

// setPlan is a validated Set-Mailbox change.
type setPlan struct {
	m        *directory.Mailbox
	warnings []string
	// sharingPolicy, when set, is the Guid of the mailbox's own sharing
	// policy ("": none)
	sharingPolicy *string
	// addressBookPolicy, when set, is the Guid of the address book
	// policy the mailbox follows ("": none)
	addressBookPolicy *string
	// rolePolicy, when rolePolicySet, is the mailbox's role assignment
	// policy (nil: none)
	rolePolicy    *mp.Policy
	rolePolicySet bool
}

func runSetMailbox(ctx *command.Context) error {
	inactive := ctx.Switch("InactiveMailbox")
	if inactive {
		for name := range ctx.Bound() {
			if !exo.ContainsFold(holdParams, name) {
				return ctx.WriteError(exo.Error(ctx, exTaskArgument,
					"The InactiveMailbox parameter can only be used with hold-related parameters such as LitigationHoldEnabled, LitigationHoldDuration, RemoveDelayHoldApplied or ExcludeFromAllOrgHolds. The "+name+" parameter can't be used with it.",
					object.InvalidArgument, name))
			}
		}
	}
	scope := directory.ScopeActive
	inactiveSwitch := ""
	for _, n := range inactiveOnlyParams {
		if ctx.Has(n) {
			inactiveSwitch = n
		}
	}
	switch {
	case inactive:
		scope = directory.ScopeInactiveOnly
	case inactiveSwitch != "":
		scope = directory.ScopeIncludeInactive
	}
	id, shown := identityString(ctx.Value("Identity"))
	if id == "" {
		return ctx.Fail(exo.Error(ctx, exTaskArgument, "The Identity parameter is required.", object.InvalidArgument, nil))
	}
	var plan *setPlan
	var target string // the mailbox as it is before the change
	done, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, rec, err := resolveOne(ctx, tx, id, shown, scope, false)
		if err != nil || rec != nil {
			return rec, err
		}
		target = m.Identity()
		plan, rec, err = planSet(ctx, tx, m, inactiveSwitch)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting mailbox Identity:\"%s\".", target), target
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if err := setAccountOffice(ctx, tx, plan.m); err != nil {
			return nil, err
		}
		if err := directory.PutMailbox(tx, plan.m); err != nil {
			return nil, err
		}
		if plan.addressBookPolicy != nil {
			if err := ab.Assign(tx, plan.m.Guid, *plan.addressBookPolicy); err != nil {
				return nil, err
			}
		}
		if plan.sharingPolicy != nil {
			if err := sp.Assign(tx, plan.m.Guid, *plan.sharingPolicy); err != nil {
				return nil, err
			}
		}
		if plan.rolePolicySet {
			if err := mp.RolePolicies.Assign(tx, plan.m.Guid, plan.rolePolicy); err != nil {
				return nil, err
			}
		}
		// Hold changes go through the holds engine; a refusal rolls the
		// whole invocation back.
		w, rec, err := mailboxholds.ApplyHoldChanges(ctx, tx, plan.m)
		if err != nil || rec != nil {
			return rec, err
		}
		plan.warnings = append(plan.warnings, w...)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	for _, w := range plan.warnings {
		ctx.WriteWarning(w)
	}
	return nil
}

// setAccountOffice applies -Office: Office is an attribute of the account
// (Get-User and Get-MgUser OfficeLocation show it too), so it is written
// there; the mailbox shows its copy.
func setAccountOffice(ctx *command.Context, tx *store.Tx, m *directory.Mailbox) error {
	if !ctx.Has("Office") {
		return nil
	}
	office := ctx.String("Office")
	u, err := directory.GetUser(tx, m.LinkedUserID())
	var nf *store.NotFoundError
	if errors.As(err, &nf) || m.LinkedUserID() == "" {
		// no account (a purged one behind an inactive mailbox): the
		// mailbox keeps the value itself
		raw, err := store.EncodeExtra(office)
		if err != nil {
			return err
		}
		if m.Extra == nil {
			m.Extra = map[string]store.RawValue{}
		}
		m.Extra["Office"] = raw
		return nil
	}
	if err != nil {
		return err
	}
	delete(m.Extra, "Office")
	u.Office = office
	return directory.PutUser(tx, u)
}

// planSet validates every bound parameter against the mailbox and returns
// the changed copy. Nothing is written.
func planSet(ctx *command.Context, tx *store.Tx, orig *directory.Mailbox, inactiveSwitch string) (*setPlan, *object.ErrorRecord, error) {
	m := *orig
	m.EmailAddresses = append([]string(nil), orig.EmailAddresses...)
	m.InPlaceHolds = append([]string(nil), orig.InPlaceHolds...)
	m.Extra = map[string]store.RawValue{}
	for k, v := range orig.Extra {
		m.Extra[k] = v
	}
	p := &setPlan{m: &m}
	// The organization is read only when a change needs it (accepted
	// domains, the current value of a multi-valued property).
	var org *directory.Organization
	loadOrg := func() (*directory.Organization, error) {
		if org == nil {
			o, err := directory.GetOrganization(tx)
			if err != nil {
				return nil, err
			}
			org = o
		}
		return org, nil
	}
	target := orig.Identity()
	invalid := func(msg string) (*setPlan, *object.ErrorRecord, error) {
		return nil, exo.Error(ctx, exDataValidation, msg, object.InvalidData, target), nil
	}
	isInactive := orig.LifecycleState == directory.StateInactive
	if inactiveSwitch != "" && !isInactive {
		return nil, exo.Error(ctx, exInvalidOperation, "The "+inactiveSwitch+" parameter can only be used on inactive mailboxes. '"+target+"' isn't an inactive mailbox.", object.InvalidOperation, target), nil
	}

	// Names and addresses.
	if ctx.Has("DisplayName") {
		if strings.TrimSpace(ctx.String("DisplayName")) == "" {
			return invalid("The DisplayName property can't be empty.")
		}
		m.DisplayName = ctx.String("DisplayName")
	}
	if ctx.Has("Name") {
		name := strings.TrimSpace(ctx.String("Name"))
		if name == "" {
			return invalid("The Name property can't be empty.")
		}
		if other, err := activeWith(tx, idform.Name, name, m.Guid); err != nil {
			return nil, nil, err
		} else if other != nil {
			return nil, exo.Error(ctx, exAlreadyExists, fmt.Sprintf("The name \"%s\" is already being used. Please try another name.", name), object.ResourceExists, name), nil
		}
		if i := strings.Index(m.DistinguishedName, ","); i > 0 {
			m.DistinguishedName = "CN=" + name + m.DistinguishedName[i:]
		}
		m.Name = name
	}
	if ctx.Has("Alias") {
		alias := strings.TrimSpace(ctx.String("Alias"))
		if alias == "" || directory.AliasFrom(alias) != alias {
			return invalid(fmt.Sprintf("The value \"%s\" of property Alias isn't valid. An alias can contain letters, digits and the characters !#$%%&'*+-/=?^_`{|}~ and periods, but it can't start or end with a period.", alias))
		}
		if other, err := activeWith(tx, idform.Alias, alias, m.Guid); err != nil {
			return nil, nil, err
		} else if other != nil {
			return nil, exo.Error(ctx, exAlreadyExists, fmt.Sprintf("The alias \"%s\" is already being used by \"%s\". Please try another alias.", alias, other.Identity()), object.ResourceExists, alias), nil
		}
		m.Alias = alias
	}
	if ctx.Has("EmailAddresses") {
		mc, err := exo.ReadMultiChange(ctx.Value("EmailAddresses"))
		if err != nil {
			return invalid(err.Error())
		}
		addrs, perr := applyProxyChange(m.EmailAddresses, mc)
		if perr != "" {
			return invalid(perr)
		}
		m.EmailAddresses = addrs
	}
	for _, n := range []string{"PrimarySmtpAddress", "WindowsEmailAddress"} {
		if ctx.Has(n) {
			addr := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(ctx.String(n), "SMTP:"), "smtp:"))
			if !validSmtp(addr) {
				return invalid(fmt.Sprintf("\"%s\" isn't a valid SMTP address.", addr))
			}
			m.EmailAddresses = setPrimary(m.EmailAddresses, addr)
		}
	}
	m.PrimarySmtpAddress = primaryOf(m.EmailAddresses, m.PrimarySmtpAddress)
	if !strings.EqualFold(strings.Join(m.EmailAddresses, "\x00"), strings.Join(orig.EmailAddresses, "\x00")) || !strings.EqualFold(m.PrimarySmtpAddress, orig.PrimarySmtpAddress) {
		for _, a := range m.EmailAddresses {
			if len(a) < 5 || !strings.EqualFold(a[:5], "smtp:") {
				continue
			}
			addr := a[5:]
			org, err := loadOrg()
			if err != nil {
				return nil, nil, err
			}
			if !org.IsInternalDomain(directory.DomainOf(addr)) {
				return nil, exo.Error(ctx, exDataValidation, fmt.Sprintf("You can't use the domain %s because it's not an accepted domain for your organization.", directory.DomainOf(addr)), object.InvalidData, addr), nil
			}
			if other, err := activeWith(tx, idform.SMTP, addr, m.Guid); err != nil {
				return nil, nil, err
			} else if other != nil {
				return nil, exo.Error(ctx, exProxyInUse, fmt.Sprintf("The proxy address \"%s\" is already being used by the proxy addresses or LegacyExchangeDN of \"%s\". Please choose another proxy address.", a, other.Identity()), object.ResourceExists, a), nil
			}
		}
	}
	if ctx.Has("MicrosoftOnlineServicesID") {
		id := strings.TrimSpace(ctx.String("MicrosoftOnlineServicesID"))
		if !validSmtp(id) {
			return invalid(fmt.Sprintf("\"%s\" isn't a valid MicrosoftOnlineServicesID.", id))
		}
		if other, err := activeWith(tx, idform.UPN, id, m.Guid); err != nil {
			return nil, nil, err
		} else if other != nil {
			return nil, exo.Error(ctx, exAlreadyExists, fmt.Sprintf("The MicrosoftOnlineServicesID \"%s\" is already being used by \"%s\".", id, other.Identity()), object.ResourceExists, id), nil
		}
		m.MicrosoftOnlineServicesID, m.UserPrincipalName, m.WindowsLiveID = id, id, id
	}

	// Quotas.
	quotas := []struct {
		name string
		f    *directory.Quota
	}{
		{"ProhibitSendQuota", &m.ProhibitSendQuota}, {"ProhibitSendReceiveQuota", &m.ProhibitSendReceiveQuota},
		{"IssueWarningQuota", &m.IssueWarningQuota}, {"RecoverableItemsQuota", &m.RecoverableItemsQuota},
		{"RecoverableItemsWarningQuota", &m.RecoverableItemsWarningQuota}, {"ArchiveQuota", &m.ArchiveQuota},
		{"ArchiveWarningQuota", &m.ArchiveWarningQuota}, {"MaxSendSize", &m.MaxSendSize}, {"MaxReceiveSize", &m.MaxReceiveSize},
	}
	for _, q := range quotas {
		if !ctx.Has(q.name) {
			continue
		}
		v, ok := exo.ParseQuota(ctx.Value(q.name))
		if !ok {
			s := object.ToInvariantString(object.Unwrap(ctx.Value(q.name)))
			return nil, ctx.NewError(fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Unlimited`1[Microsoft.Exchange.Data.ByteQuantifiedSize]\". Error: \"The value \"%s\" isn't a valid size. Valid values are a number with an optional unit (B, KB, MB, GB, TB) or \"Unlimited\".\"", q.name, s, s),
				"ParameterArgumentTransformationError,Set-Mailbox", object.InvalidData, "ParameterBindingArgumentTransformationException", s), nil
		}
		*q.f = v
	}
	if msg := checkQuotaOrder(&m); msg != "" {
		return invalid(msg)
	}
	for _, q := range []struct {
		name string
		v    directory.Quota
	}{{"MaxSendSize", m.MaxSendSize}, {"MaxReceiveSize", m.MaxReceiveSize}} {
		if ctx.Has(q.name) && !q.v.IsUnlimited() && q.v.Bytes() > 150*directory.MB {
			return invalid(fmt.Sprintf("The value of %s can't be larger than 150 MB (157,286,400 bytes).", q.name))
		}
	}
	if ctx.Has("RetainDeletedItemsFor") {
		d, ok := exo.ParseEnhancedTimeSpan(ctx.Value("RetainDeletedItemsFor"))
		if !ok || d < 0 || d > 30*store.Day {
			return invalid(fmt.Sprintf("The value \"%s\" of property RetainDeletedItemsFor isn't valid. The value must be between 00:00:00 and 30.00:00:00.", object.ToInvariantString(object.Unwrap(ctx.Value("RetainDeletedItemsFor")))))
		}
		m.RetainDeletedItemsFor = directory.Span{D: d}
	}

	// Simple flags.
	for _, b := range []struct {
		name string
		f    *bool
	}{
		{"HiddenFromAddressListsEnabled", &m.HiddenFromAddressListsEnabled}, {"SingleItemRecoveryEnabled", &m.SingleItemRecoveryEnabled},
		{"AuditEnabled", &m.AuditEnabled}, {"DeliverToMailboxAndForward", &m.DeliverToMailboxAndForward},
		{"AccountDisabled", &m.AccountDisabled},
	} {
		if ctx.Has(b.name) {
			*b.f = ctx.Bool(b.name)
		}
	}
	if ctx.Has("ForwardingSmtpAddress") {
		v := strings.TrimSpace(ctx.String("ForwardingSmtpAddress"))
		if v != "" {
			addr := v
			if i := strings.IndexByte(v, ':'); i > 0 {
				addr = v[i+1:]
			}
			if !validSmtp(addr) {
				return invalid(fmt.Sprintf("\"%s\" isn't a valid SMTP address.", v))
			}
			v = "smtp:" + addr
		}
		m.ForwardingSmtpAddress = v
	}
	if ctx.Has("ArchiveName") {
		names := exo.ValueStrings(ctx.Value("ArchiveName"))
		if len(names) > 0 {
			m.ArchiveName = names[0]
		}
	}
	if ctx.Has("Type") {
		t := ctx.String("Type")
		switch strings.ToLower(t) {
		case "regular":
			m.RecipientTypeDetails = directory.RecipientUserMailbox
		case "shared":
			m.RecipientTypeDetails = directory.RecipientSharedMailbox
		case "room":
			m.RecipientTypeDetails = directory.RecipientRoomMailbox
		case "equipment":
			m.RecipientTypeDetails = directory.RecipientEquipmentMailbox
		default:
			return invalid(fmt.Sprintf("The mailbox can't be converted to type %s in Exchange Online.", t))
		}
	}

	// Holds.
	if rec := planHolds(ctx, tx, p, orig); rec != nil {
		return nil, rec, nil
	}

	// Delegates who send on behalf (sendonbehalf.go).
	if ctx.Has(sendOnBehalfParam) {
		if rec, err := planSendOnBehalf(ctx, tx, p.m); err != nil || rec != nil {
			return nil, rec, err
		}
	}

	if ctx.Has(sharingPolicyParam) {
		if rec, err := planSharingPolicy(ctx, tx, p); err != nil || rec != nil {
			return nil, rec, err
		}
	}
	// -AddressBookPolicy: the policy the mailbox follows by name, Guid or
	// distinguished name ($null: none)
	if id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value("AddressBookPolicy")))); ctx.Has("AddressBookPolicy") {
		hits, err := ab.MatchPolicies(tx, id)
		switch {
		case err != nil:
			return nil, nil, err
		case len(hits) > 1:
			return nil, exo.Ambiguous(ctx, id), nil
		case id != "" && len(hits) == 0:
			return nil, exo.RecipientNotFound(ctx, id), nil
		}
		guid := ""
		if len(hits) == 1 {
			guid = hits[0].Guid
		}
		p.addressBookPolicy = &guid
	}
	if ctx.Has(rolePolicyParam) {
		// $null gives the mailbox no role assignment policy; the link
		// replaces the value a tenant of an older exosim kept as given
		p.rolePolicySet = true
		delete(p.m.Extra, rolePolicyParam)
		if id := strings.TrimSpace(exo.IdentityOf(object.Unwrap(ctx.Value(rolePolicyParam)))); id != "" {
			rp, rec, err := PolicyConfigs(mp.RolePolicies, exo.RolePoliciesContainer).Lookup(ctx, tx, id)
			if err != nil || rec != nil {
				return nil, rec, err
			}
			p.rolePolicy = rp
		}
	}

	// Everything else is stored as given.
	var full *object.PSObject
	current := func() (*object.PSObject, error) {
		if full == nil {
			org, err := loadOrg()
			if err != nil {
				return nil, err
			}
			full = MailboxObject(orig, env{org: org})
		}
		return full, nil
	}
	for name, v := range ctx.Bound() {
		if exo.ContainsFold(handledParams, name) {
			continue
		}
		var val any
		var err error
		// a room's capacity (Get-Place's Capacity too) is 0 or more
		if n, ok := object.Unwrap(v).(int); ok && strings.EqualFold(name, "ResourceCapacity") && n < 0 {
			return nil, exo.OutOfRange(ctx, 0, math.MaxInt32, n), nil
		}
		if strings.EqualFold(name, "ForwardingAddress") {
			// the forwarding target is a recipient of the directory (a
			// mailbox, mail user, group or mail contact), kept by name
			fwd, rec, err := forwardingTarget(ctx, tx, v)
			if err != nil || rec != nil {
				return nil, rec, err
			}
			val = fwd
		} else if val, err = extraFor(ctx, name, v, current); err != nil {
			return invalid(err.Error())
		}
		raw, err := store.EncodeExtra(val)
		if err != nil {
			return nil, nil, err
		}
		m.Extra[name] = raw
	}
	if len(m.Extra) == 0 {
		m.Extra = nil
	}
	return p, nil, nil
}

// forwardingTarget resolves Set-Mailbox -ForwardingAddress to the name of
// the recipient it names; $null or "" clears it (nil).
func forwardingTarget(ctx *command.Context, tx *store.Tx, v any) (any, *object.ErrorRecord, error) {
	id, shown := identityString(v)
	if strings.TrimSpace(id) == "" {
		return nil, nil, nil
	}
	r, rec, err := FindRecipient(ctx, tx, id, shown)
	switch {
	case err != nil || rec != nil:
		return nil, rec, err
	case r.Mailbox != nil:
		return r.Mailbox.Name, nil, nil
	case r.Group != nil:
		return r.Group.Name, nil, nil
	case r.Contact != nil:
		return r.Contact.Name, nil, nil
	}
	return nil, exo.RecipientNotFound(ctx, shown), nil
}

// RetargetForwarding follows a forwarding target that was renamed (to
// its new name) or deleted (to "", which clears ForwardingAddress) on
// every mailbox that forwards to it.
func RetargetForwarding(tx *store.Tx, from, to string) error {
	var changed []*directory.Mailbox
	err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
		raw, ok := m.Extra["ForwardingAddress"]
		if !ok {
			return nil
		}
		var cur string
		if store.DecodeExtra(raw, &cur) != nil || !strings.EqualFold(cur, from) {
			return nil
		}
		changed = append(changed, m)
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range changed {
		if to == "" {
			delete(m.Extra, "ForwardingAddress")
		} else {
			raw, err := store.EncodeExtra(to)
			if err != nil {
				return err
			}
			m.Extra["ForwardingAddress"] = raw
		}
		if err := directory.PutMailbox(tx, m); err != nil {
			return err
		}
	}
	return nil
}

// planHolds validates the hold parameters and applies the retention-hold
// ones to the planned record; Litigation Hold, delay holds, the label hold
// and the exclusions are changed by mailboxholds.ApplyHoldChanges through the holds
// engine once the plan is accepted.
func planHolds(ctx *command.Context, tx *store.Tx, p *setPlan, orig *directory.Mailbox) *object.ErrorRecord {
	m := p.m
	target := orig.Identity()
	deleted := orig.IsDeleted()
	if ctx.Has("LitigationHoldDuration") {
		if _, ok := exo.ParseHoldDuration(ctx.Value("LitigationHoldDuration")); !ok {
			return exo.Error(ctx, exDataValidation, fmt.Sprintf("The value \"%s\" of property LitigationHoldDuration isn't valid. Use a number of days or \"Unlimited\".", object.ToInvariantString(object.Unwrap(ctx.Value("LitigationHoldDuration")))), object.InvalidData, target)
		}
	}
	if ctx.Has("RetentionHoldEnabled") {
		m.RetentionHoldEnabled = ctx.Bool("RetentionHoldEnabled")
	}
	if t, ok := ctx.Time("StartDateForRetentionHold"); ok {
		t = t.UTC()
		m.StartDateForRetentionHold = &t
	}
	if t, ok := ctx.Time("EndDateForRetentionHold"); ok {
		t = t.UTC()
		m.EndDateForRetentionHold = &t
	}
	if ctx.Switch("RemoveComplianceTagHoldApplied") && !deleted && !ctx.Switch("ProvideConsent") {
		return exo.Error(ctx, exInvalidOperation, "To remove the ComplianceTagHoldApplied flag from the active mailbox '"+target+"', also specify the ProvideConsent switch.", object.InvalidOperation, target)
	}
	if ctx.Has("RetentionPolicy") {
		name := exo.IdentityOf(object.Unwrap(ctx.Value("RetentionPolicy")))
		if strings.TrimSpace(name) == "" {
			m.RetentionPolicy = ""
		} else {
			rp, err := FindRetentionPolicy(tx, name)
			if err != nil {
				return exo.NotFound(ctx, name)
			}
			m.RetentionPolicy = rp.Name
		}
	}
	return nil
}

// FindRetentionPolicy resolves an identity of an Exchange (MRM) retention
// policy: its name, GUID or distinguished name.
func FindRetentionPolicy(tx *store.Tx, id string) (*mrm.MRMPolicy, error) {
	name, err := exo.ConfigName(tx, id, exo.RetentionPoliciesContainer)
	if err != nil {
		return nil, err
	}
	return mrm.FindMRMPolicy(tx, name)
}

// extraFor converts a parameter value to the form stored in Extra and
// shown by Get-Mailbox.
func extraFor(ctx *command.Context, name string, v any, current func() (*object.PSObject, error)) (any, error) {
	v = object.Unwrap(v)
	p := ctx.Command.Param(name)
	t := params.TObject
	if p != nil && p.Type != nil {
		t = p.Type
	}
	switch {
	case t.Is(decl.MultiValued):
		mc, err := exo.ReadMultiChange(v)
		if err != nil {
			return nil, err
		}
		full, err := current()
		if err != nil {
			return nil, err
		}
		var cur []string
		if prop := full.Property(name); prop != nil {
			for _, it := range exo.ValueStrings(prop.Get()) {
				cur = append(cur, it)
			}
		}
		return mc.Apply(cur), nil
	case t.Is(decl.Unlimited), t.Is(decl.ByteSize):
		if q, ok := exo.ParseQuota(v); ok && strings.Contains(strings.ToLower(name), "quota") {
			return q.String(), nil
		}
		return object.ToInvariantString(v), nil
	case t.Kind == params.KindSwitch:
		return object.ToBool(v), nil
	case t.Kind == params.KindSecureString:
		return nil, nil
	}
	switch x := v.(type) {
	case bool, int, int64, float64, string:
		return x, nil
	case time.Time:
		return x.UTC().Format(time.RFC3339), nil
	case object.TimeSpan:
		return x.String(), nil
	case []any:
		return exo.ValueStrings(x), nil
	}
	if v == nil {
		return nil, nil
	}
	return object.ToInvariantString(v), nil
}

// activeWith returns another live mailbox that has value in one of the
// forms.
func activeWith(tx *store.Tx, forms idform.Form, value, exclude string) (*directory.Mailbox, error) {
	keys, err := directory.MailboxKeysBy(tx, forms, value)
	if err != nil {
		return nil, err
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, exclude) {
			continue
		}
		m, err := directory.GetMailbox(tx, k)
		if err != nil {
			return nil, err
		}
		if !m.IsDeleted() {
			return m, nil
		}
	}
	return nil, nil
}

// checkQuotaOrder enforces IssueWarningQuota <= ProhibitSendQuota <=
// ProhibitSendReceiveQuota and the warning/limit pairs of the archive and
// Recoverable Items quotas.
func checkQuotaOrder(m *directory.Mailbox) string {
	le := func(a, b directory.Quota) bool {
		if b.IsUnlimited() {
			return true
		}
		return !a.IsUnlimited() && a.Bytes() <= b.Bytes()
	}
	pairs := []struct {
		an, bn string
		a, b   directory.Quota
	}{
		{"IssueWarningQuota", "ProhibitSendQuota", m.IssueWarningQuota, m.ProhibitSendQuota},
		{"ProhibitSendQuota", "ProhibitSendReceiveQuota", m.ProhibitSendQuota, m.ProhibitSendReceiveQuota},
		{"RecoverableItemsWarningQuota", "RecoverableItemsQuota", m.RecoverableItemsWarningQuota, m.RecoverableItemsQuota},
		{"ArchiveWarningQuota", "ArchiveQuota", m.ArchiveWarningQuota, m.ArchiveQuota},
	}
	for _, p := range pairs {
		if !le(p.a, p.b) {
			return fmt.Sprintf("The value of property '%s' must be less than or equal to that of property '%s'. %s: %s, %s: %s.", p.an, p.bn, p.an, p.a, p.bn, p.b)
		}
	}
	if !m.ProhibitSendReceiveQuota.IsUnlimited() && m.ProhibitSendReceiveQuota.Bytes() > 100*directory.GB {
		return "The value of ProhibitSendReceiveQuota can't be larger than 100 GB (107,374,182,400 bytes), the largest mailbox the mailbox plan allows."
	}
	return ""
}

// validSmtp is a light check of an SMTP address.
func validSmtp(a string) bool {
	i := strings.IndexByte(a, '@')
	return i > 0 && i < len(a)-1 && !strings.ContainsAny(a, " ,;<>()[]\"") && strings.Count(a, "@") == 1 && strings.Contains(a[i+1:], ".")
}

// normProxy gives an address a prefix ("smtp:" when none) and reports
// whether it is valid.
func normProxy(a string) (string, bool) {
	a = strings.TrimSpace(a)
	i := strings.IndexByte(a, ':')
	if i <= 0 || strings.Contains(a[:i], "@") {
		a = "smtp:" + a
		i = 4
	}
	prefix, addr := a[:i], a[i+1:]
	if strings.EqualFold(prefix, "smtp") {
		return prefix + ":" + addr, validSmtp(addr)
	}
	return a, addr != ""
}

// applyProxyChange applies an EmailAddresses change: a replacement list
// or @{Add=...;Remove=...}. Exactly one SMTP: (upper case) entry is the
// primary address; adding one demotes the previous primary.
func applyProxyChange(cur []string, mc exo.MultiChange) ([]string, string) {
	norm := func(in []string) ([]string, string) {
		var out []string
		for _, a := range in {
			n, ok := normProxy(a)
			if !ok {
				return nil, fmt.Sprintf("The proxy address \"%s\" isn't valid.", a)
			}
			out = append(out, n)
		}
		return out, ""
	}
	var out []string
	if mc.Replace {
		vals, msg := norm(mc.Values)
		if msg != "" {
			return nil, msg
		}
		out = exo.Dedupe(vals)
	} else {
		add, msg := norm(mc.Add)
		if msg != "" {
			return nil, msg
		}
		rem, msg := norm(mc.Remove)
		if msg != "" {
			return nil, msg
		}
		out = append([]string(nil), cur...)
		for _, a := range add {
			if strings.HasPrefix(a, "SMTP:") {
				out = setPrimary(out, a[5:])
				continue
			}
			if !exo.ContainsFold(out, a) {
				out = append(out, a)
			}
		}
		for _, r := range rem {
			for _, x := range out {
				if strings.EqualFold(x, r) && strings.HasPrefix(x, "SMTP:") {
					return nil, fmt.Sprintf("The primary SMTP address \"%s\" can't be removed. Set another address as the primary address first.", x[5:])
				}
			}
			out = exo.RemoveFold(out, r)
		}
	}
	primaries := 0
	firstSmtp := -1
	for i, a := range out {
		if strings.HasPrefix(a, "SMTP:") {
			primaries++
		}
		if firstSmtp < 0 && strings.EqualFold(a[:min(5, len(a))], "smtp:") {
			firstSmtp = i
		}
	}
	switch {
	case primaries > 1:
		return nil, "Only one address can be the primary SMTP address (SMTP: in upper case)."
	case primaries == 0 && firstSmtp < 0:
		return nil, "The EmailAddresses property must contain at least one SMTP address."
	case primaries == 0:
		out[firstSmtp] = "SMTP:" + out[firstSmtp][5:]
	}
	return out, ""
}

// setPrimary makes addr the primary SMTP address.
func setPrimary(addrs []string, addr string) []string {
	var out []string
	found := false
	for _, a := range addrs {
		switch {
		case len(a) > 5 && strings.EqualFold(a[:5], "smtp:") && strings.EqualFold(a[5:], addr):
			out = append(out, "SMTP:"+a[5:])
			found = true
		case strings.HasPrefix(a, "SMTP:"):
			out = append(out, "smtp:"+a[5:])
		default:
			out = append(out, a)
		}
	}
	if !found {
		out = append([]string{"SMTP:" + addr}, out...)
	}
	return out
}

// primaryOf returns the primary SMTP address of a proxy list.
func primaryOf(addrs []string, fallback string) string {
	for _, a := range addrs {
		if strings.HasPrefix(a, "SMTP:") {
			return a[5:]
		}
	}
	return fallback
}
