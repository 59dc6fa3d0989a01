package directory

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/idform"
)

// NewMailboxInput holds the parameters of New-Mailbox (user, shared and
// resource mailboxes).
type NewMailboxInput struct {
	// RecipientTypeDetails is UserMailbox (default), SharedMailbox,
	// RoomMailbox or EquipmentMailbox.
	RecipientTypeDetails string
	Name                 string // required; unique among active mailboxes
	Alias                string // default: local part of the sign-in name (user) or Name without invalid characters
	DisplayName          string // default: Name
	FirstName            string
	LastName             string
	// MicrosoftOnlineServicesID is the sign-in name (UPN) of the new
	// account; required for user mailboxes, default Alias@<default
	// domain> otherwise.
	MicrosoftOnlineServicesID string
	// PrimarySmtpAddress defaults to the sign-in name (user mailboxes) or
	// Alias@<default domain>.
	PrimarySmtpAddress       string
	Password                 string // only the fact that it was set is recorded
	ResetPasswordOnNextLogon bool
	// LicenseSku is the SKU to assign to a user mailbox's account. Empty
	// picks the first purchased SKU (by part number) that includes a
	// mailbox and has a free unit; when none is free the mailbox is created
	// Active but unlicensed (Licensed False).
	LicenseSku string
	// NoLicense creates a user mailbox without assigning a licence.
	NoLicense bool
	// ExchangeGuid reuses a given mailbox GUID (a mailbox synchronized
	// from on-premises keeps its GUID);
	// empty generates one.
	ExchangeGuid string
	// UsageLocation of the account (default US).
	UsageLocation string
	Extra         map[string]store.RawValue // the new mailbox's Extra properties
}

// validAliasChar reports whether r may appear in an alias.
func validAliasChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-/=?^_`{|}~.", r)
}

// AliasFrom derives an alias from a name: characters not allowed in an
// alias are dropped and leading/trailing periods trimmed.
func AliasFrom(s string) string {
	var b strings.Builder
	for _, r := range s {
		if validAliasChar(r) {
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), ".")
}

// FreeMailboxSku returns the first purchased SKU (by part number) that
// includes a mailbox and still has a free unit.
func FreeMailboxSku(tx *store.Tx) (string, bool, error) {
	o, err := GetOrganization(tx)
	if err != nil {
		return "", false, err
	}
	for _, s := range o.Subscriptions {
		if k, ok := LookupSku(s.SkuPartNumber); ok && k.Mailbox && s.Consumed < s.Enabled {
			return s.SkuPartNumber, true, nil
		}
	}
	return "", false, nil
}

// SetMailboxDefaults fills the generated Exchange values of a new mailbox:
// database and server, quotas (Exchange Online defaults), retention
// settings and the OrganizationalUnit.
func SetMailboxDefaults(m *Mailbox, tenant, partition string) {
	m.Database = fmt.Sprintf("NAMPR06DG%03d-db%03d", store.HashN(100, 999, m.Guid, "dg"), store.HashN(1, 250, m.Guid, "db"))
	m.ServerName = strings.ToLower(fmt.Sprintf("DM6PR06MB%04d", store.HashN(1000, 9999, m.Guid, "srv")))
	m.OrganizationalUnit = partition + ".PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/" + tenant
	m.ProhibitSendQuota, m.ProhibitSendReceiveQuota, m.IssueWarningQuota = GBQuota(99), GBQuota(100), GBQuota(98)
	m.RecoverableItemsQuota, m.RecoverableItemsWarningQuota = GBQuota(30), GBQuota(20)
	m.MaxSendSize, m.MaxReceiveSize = Quota(35*MB), Quota(36*MB)
	m.ArchiveGuid, m.ArchiveStatus = store.ZeroGuid, "None"
	m.ArchiveQuota, m.ArchiveWarningQuota = GBQuota(100), GBQuota(90)
	m.LitigationHoldDuration = UnlimitedSpan()
	m.InPlaceHolds = []string{}
	m.RetainDeletedItemsFor = DaysSpan(14)
	m.SingleItemRecoveryEnabled = true
	m.RetentionPolicy = "Default MRM Policy"
	m.AuditEnabled = true
}

// mailboxRecord builds the new Active mailbox of account u: its names and
// sign-in name come from the account; legacyDN is its LegacyExchangeDN;
// the addresses are SMTP:primary and smtp:<alias>@<tenant>; the rest are
// Exchange's defaults (SetMailboxDefaults). It is created at now.
func mailboxRecord(o *Organization, u *User, guid, exchangeGuid, legacyDN, name, primary, kind string, now time.Time) *Mailbox {
	alias := u.MailNickname
	addrs := []string{"SMTP:" + primary}
	if onms := alias + "@" + o.Name; !strings.EqualFold(onms, primary) {
		addrs = append(addrs, "smtp:"+onms)
	}
	m := &Mailbox{
		Guid: guid, ExchangeGuid: exchangeGuid, ExternalDirectoryObjectId: u.ObjectID, UserObjectID: u.ObjectID,
		Name: name, Alias: alias, DisplayName: u.DisplayName, FirstName: u.FirstName, LastName: u.LastName,
		DistinguishedName: HostedDN(escapeDN(name), o.Name, o.DirectoryPartition, false), LegacyExchangeDN: legacyDN,
		EmailAddresses: addrs, PrimarySmtpAddress: primary, UserPrincipalName: u.UserPrincipalName,
		MicrosoftOnlineServicesID: u.UserPrincipalName, WindowsLiveID: u.UserPrincipalName,
		RecipientType: RecipientUserMailbox, RecipientTypeDetails: kind,
		LifecycleState: StateActive, AccountDisabled: !u.AccountEnabled, UsageLocation: u.UsageLocation,
		WhenCreated: now, WhenMailboxCreated: now,
	}
	SetMailboxDefaults(m, o.Name, o.DirectoryPartition)
	return m
}

// emptyContent returns the default (empty) folders of a new mailbox.
func emptyContent(m *Mailbox) *MailboxContent {
	c := &MailboxContent{MailboxGuid: m.Guid}
	for _, f := range DefaultFolders() {
		c.Primary = append(c.Primary, Folder{Name: strings.TrimPrefix(f.Path, "/"), FolderPath: f.Path, FolderType: f.Type, Recoverable: f.Recoverable})
	}
	return c
}

// CreateMailbox is New-Mailbox for a user (with -MicrosoftOnlineServicesID),
// shared, room or equipment mailbox. It creates the Entra account (enabled
// for user mailboxes; disabled and unlicensed for shared and resource
// mailboxes) and the Active mailbox with generated ExchangeGuid, Guid, DN,
// LegacyExchangeDN, database, quotas (100/99/98 GB), RetainDeletedItemsFor
// 14 days, EmailAddresses (SMTP:primary, smtp:alias@<tenant>) and empty
// default folders; WhenCreated is now. A user mailbox's account gets a
// licence as described on NewMailboxInput.LicenseSku.
//
// Errors, all before anything is changed: *ValidationError (missing or
// invalid values), *DuplicateError (Name, Alias, UserPrincipalName,
// PrimarySmtpAddress or ExchangeGuid used by an active object),
// *LicenseUnavailableError (explicit SKU without a free unit) and
// *GuidConflictError when ExchangeGuid belongs to a deleted mailbox still
// inside its window and the new mailbox won't be licensed, or to an
// Inactive mailbox. When the new mailbox is licensed, a SoftDeleted or
// Retired-Inactive mailbox with that ExchangeGuid is hard-deleted instead.
func CreateMailbox(tx *store.Tx, in NewMailboxInput) (*Mailbox, *User, error) {
	o, err := GetOrganization(tx)
	if err != nil {
		return nil, nil, err
	}
	kind := strings.TrimSpace(in.RecipientTypeDetails)
	switch strings.ToLower(kind) {
	case "", "usermailbox", "user":
		kind = RecipientUserMailbox
	case "sharedmailbox", "shared":
		kind = RecipientSharedMailbox
	case "roommailbox", "room":
		kind = RecipientRoomMailbox
	case "equipmentmailbox", "equipment":
		kind = RecipientEquipmentMailbox
	case "publicfoldermailbox", "publicfolder":
		kind = RecipientPublicFolderMailbox
	default:
		return nil, nil, &store.ValidationError{Field: "RecipientTypeDetails", Message: "unsupported mailbox type " + in.RecipientTypeDetails}
	}
	userMailbox := kind == RecipientUserMailbox
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, nil, &store.ValidationError{Field: "Name", Message: "a name is required"}
	}
	if len(name) > 64 {
		return nil, nil, &store.ValidationError{Field: "Name", Message: "the name can't be longer than 64 characters"}
	}
	msoid := strings.TrimSpace(in.MicrosoftOnlineServicesID)
	if userMailbox && msoid == "" {
		return nil, nil, &store.ValidationError{Field: "MicrosoftOnlineServicesID", Message: "a sign-in name is required for a user mailbox"}
	}
	if msoid != "" && (strings.Count(msoid, "@") != 1 || strings.HasPrefix(msoid, "@") || strings.HasSuffix(msoid, "@")) {
		return nil, nil, &store.ValidationError{Field: "MicrosoftOnlineServicesID", Message: "not a valid sign-in name: " + msoid}
	}
	alias := strings.TrimSpace(in.Alias)
	if alias == "" {
		if msoid != "" {
			alias = AliasFrom(msoid[:strings.IndexByte(msoid, '@')])
		} else {
			alias = AliasFrom(name)
		}
	} else if AliasFrom(alias) != alias {
		return nil, nil, &store.ValidationError{Field: "Alias", Message: "the alias contains characters that aren't allowed: " + alias}
	}
	if alias == "" {
		return nil, nil, &store.ValidationError{Field: "Alias", Message: "can't derive an alias from " + name}
	}
	if msoid == "" {
		msoid = alias + "@" + o.DefaultDomain
	}
	primary := strings.TrimSpace(in.PrimarySmtpAddress)
	if primary == "" {
		primary = msoid
		if !userMailbox {
			primary = alias + "@" + o.DefaultDomain
		}
	}
	if strings.Count(primary, "@") != 1 {
		return nil, nil, &store.ValidationError{Field: "PrimarySmtpAddress", Message: "not a valid SMTP address: " + primary}
	}
	for _, c := range []struct {
		prop  string
		form  idform.Form
		value string
	}{
		{"Name", idform.Name, name},
		{"Alias", idform.Alias, alias},
		{"UserPrincipalName", idform.UPN, msoid},
		{"PrimarySmtpAddress", idform.SMTP, primary},
		{"EmailAddresses", idform.SMTP, alias + "@" + o.Name},
	} {
		dup, err := ActiveMailboxWith(tx, c.form, c.value, "")
		if err != nil {
			return nil, nil, err
		}
		if dup != nil {
			return nil, nil, &store.DuplicateError{Kind: "mailbox", Property: c.prop, Value: c.value, ExistingIdentity: dup.Identity(), ExistingGuid: dup.Guid}
		}
	}
	// the groups and mail contacts hold names and addresses too
	if err := checkOtherRecipients(tx, "", name, alias, primary); err != nil {
		return nil, nil, err
	}
	if dup, err := ActiveUserWithUPN(tx, msoid, ""); err != nil || dup != nil {
		if err != nil {
			return nil, nil, err
		}
		return nil, nil, &store.DuplicateError{Kind: "user", Property: "UserPrincipalName", Value: msoid, ExistingIdentity: dup.UserPrincipalName, ExistingGuid: dup.ObjectID}
	}
	// Licence choice.
	sku := ""
	if userMailbox && !in.NoLicense {
		if in.LicenseSku != "" {
			sub, ok := o.Subscription(in.LicenseSku)
			if !ok {
				return nil, nil, &store.ValidationError{Field: "LicenseSku", Message: "the tenant has no subscription for " + in.LicenseSku}
			}
			if sub.Consumed >= sub.Enabled {
				return nil, nil, &LicenseUnavailableError{SkuPartNumber: sub.SkuPartNumber}
			}
			sku = sub.SkuPartNumber
		} else if s, ok, err := FreeMailboxSku(tx); err != nil {
			return nil, nil, err
		} else if ok {
			sku = s
		}
	}
	// Explicit ExchangeGuid (hybrid / sync).
	xguid := ""
	var purge []*Mailbox
	if strings.TrimSpace(in.ExchangeGuid) != "" {
		g, ok := store.NormalizeGuid(in.ExchangeGuid)
		if !ok || g == store.ZeroGuid {
			return nil, nil, &store.ValidationError{Field: "ExchangeGuid", Message: "not a valid GUID: " + in.ExchangeGuid}
		}
		xguid = g
		keys, err := MailboxKeysBy(tx, idform.ExchangeGuid, g)
		if err != nil {
			return nil, nil, err
		}
		for _, k := range keys {
			m, err := GetMailbox(tx, k)
			if err != nil {
				return nil, nil, err
			}
			switch {
			case !m.IsDeleted():
				return nil, nil, &store.DuplicateError{Kind: "mailbox", Property: "ExchangeGuid", Value: g, ExistingIdentity: m.Identity(), ExistingGuid: m.Guid}
			case m.LifecycleState == StateInactive || sku == "":
				return nil, nil, &GuidConflictError{ExchangeGuid: g, ExistingIdentity: m.Identity(), ExistingGuid: m.Guid, ExistingState: m.LifecycleState}
			default:
				purge = append(purge, m)
			}
		}
	}

	// Validation done: from here on the tenant changes.
	for _, m := range purge {
		if err := PurgeMailbox(tx, m); err != nil {
			return nil, nil, err
		}
	}
	now := tx.Now()
	display := strings.TrimSpace(in.DisplayName)
	if display == "" {
		display = name
	}
	usage := in.UsageLocation
	if usage == "" {
		usage = "US"
	}
	objectID := tx.NewGuid()
	mbxGuid := tx.NewGuid()
	if xguid == "" {
		xguid = tx.NewGuid()
	}
	legacy := LegacyDNFor(tx.NewGuid(), alias)
	u := &User{
		ObjectID: objectID, UserPrincipalName: msoid, DisplayName: display, FirstName: in.FirstName, LastName: in.LastName,
		MailNickname: alias, State: UserActive, AccountEnabled: userMailbox, UsageLocation: usage,
		MailboxGuid: mbxGuid, ForceChangePasswordNextSignIn: in.ResetPasswordOnNextLogon, WhenCreated: now,
	}
	if in.Password != "" {
		u.LastPasswordChangeDateTime = new(now)
	}
	if err := PutUser(tx, u); err != nil {
		return nil, nil, err
	}
	m := mailboxRecord(o, u, mbxGuid, xguid, legacy, name, primary, kind, now)
	// public folder mailboxes are hidden from the address lists
	m.Extra, m.HiddenFromAddressListsEnabled = in.Extra, kind == RecipientPublicFolderMailbox
	if err := PutMailbox(tx, m); err != nil {
		return nil, nil, err
	}
	if err := PutMailboxContent(tx, emptyContent(m)); err != nil {
		return nil, nil, err
	}
	if sku != "" {
		if err := AssignLicense(tx, objectID, sku); err != nil {
			return nil, nil, err
		}
	}
	if m, err = GetMailbox(tx, mbxGuid); err != nil {
		return nil, nil, err
	}
	if err := afterMailboxCreate(tx, m); err != nil {
		return nil, nil, err
	}
	if m, err = GetMailbox(tx, mbxGuid); err != nil {
		return nil, nil, err
	}
	if u, err = GetUser(tx, objectID); err != nil {
		return nil, nil, err
	}
	return m, u, nil
}
