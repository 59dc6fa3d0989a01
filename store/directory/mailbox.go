package directory

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/idform"
)

// Mailbox lifecycle states (the simulator's own names; Exchange shows
// them through IsInactiveMailbox, WhenSoftDeleted and the like).
const (
	StateActive          = "Active"
	StateUnlicensedGrace = "UnlicensedGrace"
	StateSoftDeleted     = "SoftDeleted"
	StateInactive        = "Inactive"
	StateRetiredInactive = "RetiredInactive"
)

// Recipient types.
const (
	RecipientUserMailbox   = "UserMailbox"
	RecipientSharedMailbox = "SharedMailbox"
	RecipientMailUser      = "MailUser"
	// RecipientRoomMailbox and RecipientEquipmentMailbox are resource
	// mailboxes (RecipientType UserMailbox).
	RecipientRoomMailbox      = "RoomMailbox"
	RecipientEquipmentMailbox = "EquipmentMailbox"
	// RecipientPublicFolderMailbox holds public folders (New-Mailbox -PublicFolder).
	RecipientPublicFolderMailbox = "PublicFolderMailbox"
)

// Mailbox is an Exchange Online recipient with a mailbox (Get-Mailbox).
// Property names follow Exchange; simulator-only fields are marked (sim).
//
// A stored mailbox is a CBOR map keyed by the field numbers of the cbor
// tags (schema 4), which keeps the record small enough that two share a
// file page; a new field takes the next unused number, and a number is
// never reused. Export and import use the json names.
type Mailbox struct {
	Guid                      string `json:"guid" cbor:"1,keyasint,omitempty"` // primary key
	ExchangeGuid              string `json:"exchangeGuid" cbor:"2,keyasint,omitempty"`
	ArchiveGuid               string `json:"archiveGuid" cbor:"3,keyasint,omitempty"`
	ExternalDirectoryObjectId string `json:"externalDirectoryObjectId" cbor:"4,keyasint,omitempty"`
	UserObjectID              string `json:"userObjectId,omitempty" cbor:"5,keyasint,omitempty"` // (sim) linked account, kept after purge of the id
	// AccountOffice and AccountForceChangePassword (sim) copy the linked
	// account's Office and ForceChangePasswordNextSignIn, which Get-Mailbox
	// shows, so a listing reads no account record. PutMailbox, PutUser and
	// DeleteUser keep them; the account-copies check verifies them.
	AccountOffice              string   `json:"accountOffice,omitempty" cbor:"6,keyasint,omitempty"`
	AccountForceChangePassword bool     `json:"accountForceChangePassword,omitempty" cbor:"7,keyasint,omitempty"`
	Name                       string   `json:"name" cbor:"8,keyasint,omitempty"`
	Alias                      string   `json:"alias" cbor:"9,keyasint,omitempty"`
	DisplayName                string   `json:"displayName" cbor:"10,keyasint,omitempty"`
	FirstName                  string   `json:"firstName,omitempty" cbor:"11,keyasint,omitempty"`
	LastName                   string   `json:"lastName,omitempty" cbor:"12,keyasint,omitempty"`
	DistinguishedName          string   `json:"distinguishedName" cbor:"13,keyasint,omitempty"`
	LegacyExchangeDN           string   `json:"legacyExchangeDN" cbor:"14,keyasint,omitempty"`
	EmailAddresses             []string `json:"emailAddresses" cbor:"15,keyasint"`
	PrimarySmtpAddress         string   `json:"primarySmtpAddress" cbor:"16,keyasint,omitempty"`
	UserPrincipalName          string   `json:"userPrincipalName" cbor:"17,keyasint,omitempty"`
	MicrosoftOnlineServicesID  string   `json:"microsoftOnlineServicesId" cbor:"18,keyasint,omitempty"`
	WindowsLiveID              string   `json:"windowsLiveId" cbor:"19,keyasint,omitempty"`
	RecipientType              string   `json:"recipientType" cbor:"20,keyasint,omitempty"`
	RecipientTypeDetails       string   `json:"recipientTypeDetails" cbor:"21,keyasint,omitempty"`
	OrganizationalUnit         string   `json:"organizationalUnit" cbor:"22,keyasint,omitempty"`

	LifecycleState            string     `json:"lifecycleState" cbor:"23,keyasint,omitempty"` // (sim)
	IsInactiveMailbox         bool       `json:"isInactiveMailbox" cbor:"24,keyasint,omitempty"`
	WasInactiveMailbox        bool       `json:"wasInactiveMailbox" cbor:"25,keyasint,omitempty"`
	WhenSoftDeleted           *time.Time `json:"whenSoftDeleted,omitempty" cbor:"26,keyasint,omitempty"`
	InactiveMailboxRetireTime *time.Time `json:"inactiveMailboxRetireTime,omitempty" cbor:"27,keyasint,omitempty"`
	AccountDisabled           bool       `json:"accountDisabled" cbor:"28,keyasint,omitempty"`
	Licensed                  bool       `json:"licensed" cbor:"29,keyasint,omitempty"` // (sim)
	HasJournalArchive         bool       `json:"hasJournalArchive,omitempty" cbor:"30,keyasint,omitempty"`
	// ExternalEmailAddress is the forwarding address of a mail user.
	ExternalEmailAddress string `json:"externalEmailAddress,omitempty" cbor:"31,keyasint,omitempty"`
	// RemovedBy is the admin who soft-deleted the object (sim).
	RemovedBy string `json:"removedBy,omitempty" cbor:"32,keyasint,omitempty"`

	LitigationHoldEnabled     bool       `json:"litigationHoldEnabled" cbor:"33,keyasint,omitempty"`
	LitigationHoldDuration    Span       `json:"litigationHoldDuration" cbor:"34,keyasint,omitempty"`
	LitigationHoldDate        *time.Time `json:"litigationHoldDate,omitempty" cbor:"35,keyasint,omitempty"`
	LitigationHoldOwner       string     `json:"litigationHoldOwner,omitempty" cbor:"36,keyasint,omitempty"`
	InPlaceHolds              []string   `json:"inPlaceHolds" cbor:"37,keyasint"`
	ComplianceTagHoldApplied  bool       `json:"complianceTagHoldApplied" cbor:"38,keyasint,omitempty"`
	DelayHoldApplied          bool       `json:"delayHoldApplied" cbor:"39,keyasint,omitempty"`
	DelayReleaseHoldApplied   bool       `json:"delayReleaseHoldApplied" cbor:"40,keyasint,omitempty"`
	DelayHoldExpiresAt        *time.Time `json:"delayHoldExpiresAt,omitempty" cbor:"41,keyasint,omitempty"`        // (sim)
	DelayReleaseHoldExpiresAt *time.Time `json:"delayReleaseHoldExpiresAt,omitempty" cbor:"42,keyasint,omitempty"` // (sim)
	RetentionHoldEnabled      bool       `json:"retentionHoldEnabled" cbor:"43,keyasint,omitempty"`
	StartDateForRetentionHold *time.Time `json:"startDateForRetentionHold,omitempty" cbor:"44,keyasint,omitempty"`
	EndDateForRetentionHold   *time.Time `json:"endDateForRetentionHold,omitempty" cbor:"45,keyasint,omitempty"`
	RetainDeletedItemsFor     Span       `json:"retainDeletedItemsFor" cbor:"46,keyasint,omitempty"`
	SingleItemRecoveryEnabled bool       `json:"singleItemRecoveryEnabled" cbor:"47,keyasint,omitempty"`
	RetentionPolicy           string     `json:"retentionPolicy" cbor:"48,keyasint,omitempty"`
	// PolicyLocationKeys maps a policy GUID to the address it used to
	// include this mailbox: a static policy keeps
	// the address it was given even when the mailbox's address changes.
	PolicyLocationKeys map[string]string `json:"policyLocationKeys,omitempty" cbor:"49,keyasint,omitempty"`

	ArchiveStatus               string `json:"archiveStatus" cbor:"50,keyasint,omitempty"` // None | Active
	ArchiveName                 string `json:"archiveName,omitempty" cbor:"51,keyasint,omitempty"`
	ArchiveDatabase             string `json:"archiveDatabase,omitempty" cbor:"52,keyasint,omitempty"`
	ArchiveQuota                Quota  `json:"archiveQuota" cbor:"53,keyasint,omitempty"`
	ArchiveWarningQuota         Quota  `json:"archiveWarningQuota" cbor:"54,keyasint,omitempty"`
	AutoExpandingArchiveEnabled bool   `json:"autoExpandingArchiveEnabled" cbor:"55,keyasint,omitempty"`

	Database                     string `json:"database" cbor:"56,keyasint,omitempty"`
	ServerName                   string `json:"serverName" cbor:"57,keyasint,omitempty"`
	ProhibitSendQuota            Quota  `json:"prohibitSendQuota" cbor:"58,keyasint,omitempty"`
	ProhibitSendReceiveQuota     Quota  `json:"prohibitSendReceiveQuota" cbor:"59,keyasint,omitempty"`
	IssueWarningQuota            Quota  `json:"issueWarningQuota" cbor:"60,keyasint,omitempty"`
	RecoverableItemsQuota        Quota  `json:"recoverableItemsQuota" cbor:"61,keyasint,omitempty"`
	RecoverableItemsWarningQuota Quota  `json:"recoverableItemsWarningQuota" cbor:"62,keyasint,omitempty"`
	MaxSendSize                  Quota  `json:"maxSendSize" cbor:"63,keyasint,omitempty"`
	MaxReceiveSize               Quota  `json:"maxReceiveSize" cbor:"64,keyasint,omitempty"`

	UsageLocation                 string `json:"usageLocation,omitempty" cbor:"65,keyasint,omitempty"`
	HiddenFromAddressListsEnabled bool   `json:"hiddenFromAddressListsEnabled" cbor:"66,keyasint,omitempty"`
	AuditEnabled                  bool   `json:"auditEnabled" cbor:"67,keyasint,omitempty"`
	ForwardingSmtpAddress         string `json:"forwardingSmtpAddress,omitempty" cbor:"68,keyasint,omitempty"`
	DeliverToMailboxAndForward    bool   `json:"deliverToMailboxAndForward" cbor:"69,keyasint,omitempty"`

	WhenCreated        time.Time `json:"whenCreated" cbor:"70,keyasint,omitempty"`
	WhenChanged        time.Time `json:"whenChanged" cbor:"71,keyasint,omitempty"`
	WhenMailboxCreated time.Time `json:"whenMailboxCreated" cbor:"72,keyasint,omitempty"`

	// Extra keeps further documented Set-Mailbox properties by name.
	Extra map[string]store.RawValue `json:"extra,omitempty" cbor:"73,keyasint,omitempty"`

	// DeletedInEntra (sim): the account was deleted in Microsoft Entra ID
	// (Remove-MgUser) with this mailbox attached. A mailbox soft-deleted
	// that way comes back by restoring the account, not by
	// Undo-SoftDeletedMailbox; an unlicensed one is out of sight until the
	// account is restored.
	DeletedInEntra bool `json:"deletedInEntra,omitempty" cbor:"74,keyasint,omitempty"`

	// DisabledArchiveGuid and DisabledArchiveDatabase are the archive
	// Disable-Mailbox -Archive disconnected last (zero when none was).
	DisabledArchiveGuid     string `json:"disabledArchiveGuid,omitempty" cbor:"76,keyasint,omitempty"`
	DisabledArchiveDatabase string `json:"disabledArchiveDatabase,omitempty" cbor:"77,keyasint,omitempty"`

	// Elided is part of the stored form only (schema 6): which values the
	// stored record leaves out because they follow from its other fields
	// (see mailbox_form.go). It is zero in every decoded mailbox.
	Elided int64 `json:"-" cbor:"75,keyasint,omitempty"`
}

// Identity returns the Identity Exchange shows: the name for active
// mailboxes, "Soft Deleted Objects\<name>" for deleted ones.
func (m *Mailbox) Identity() string {
	if m.IsDeleted() {
		return `Soft Deleted Objects\` + m.Name
	}
	return m.Name
}

// IsMailUser reports whether the recipient is a mail user (no mailbox;
// Get-Mailbox doesn't list it).
func (m *Mailbox) IsMailUser() bool {
	return m.RecipientTypeDetails == RecipientMailUser || m.RecipientType == RecipientMailUser
}

// CanonicalName returns the canonical form of the object's location, e.g.
// "NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted
// Organizations/contoso.onmicrosoft.com/annb" (the OrganizationalUnit
// already carries "/Soft Deleted Objects" for deleted objects).
func (m *Mailbox) CanonicalName() string {
	if m.OrganizationalUnit == "" {
		return m.Name
	}
	return m.OrganizationalUnit + "/" + m.Name
}

// IsDeleted reports whether the mailbox is soft-deleted, inactive or
// retired-inactive.
func (m *Mailbox) IsDeleted() bool {
	switch m.LifecycleState {
	case StateSoftDeleted, StateInactive, StateRetiredInactive:
		return true
	}
	return false
}

// IsLive reports whether the mailbox is in use, as Get-Mailbox lists it:
// Active, or in the 30-day grace period after its licence was removed
// (still an active mailbox that receives mail) while its account exists.
func (m *Mailbox) IsLive() bool {
	return m.LifecycleState == StateActive || m.LifecycleState == StateUnlicensedGrace && !m.DeletedInEntra
}

// SmtpAddresses returns every SMTP proxy address without its prefix.
func (m *Mailbox) SmtpAddresses() []string {
	var out []string
	for _, a := range m.EmailAddresses {
		if len(a) > 5 && strings.EqualFold(a[:5], "smtp:") {
			out = append(out, a[5:])
		}
	}
	return out
}

// X500Addresses returns every X500 proxy address without its prefix.
func (m *Mailbox) X500Addresses() []string {
	var out []string
	for _, a := range m.EmailAddresses {
		if len(a) > 5 && strings.EqualFold(a[:5], "x500:") {
			out = append(out, a[5:])
		}
	}
	return out
}

// HostedDN builds the DistinguishedName of an object named name in the
// tenant; deleted objects get the "OU=Soft Deleted Objects" component.
func HostedDN(name, tenant, partition string, deleted bool) string {
	dn := "CN=" + name + ","
	if deleted {
		dn += "OU=Soft Deleted Objects,"
	}
	return dn + "OU=" + tenant + ",OU=Microsoft Exchange Hosted Organizations,DC=" + partition + ",DC=PROD,DC=OUTLOOK,DC=COM"
}

// LegacyDNFor builds a LegacyExchangeDN from a GUID and an alias.
func LegacyDNFor(guid, alias string) string {
	return "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + store.GuidNoDashes(guid) + "-" + alias
}

// Mailbox index names (the identity indexes are package idform's).
const (
	// IndexName orders the mailboxes by name: a listing walks it and
	// reads each record by its key. (Schema 4 and 5 kept a copy of the
	// record in each entry; the copy cost a sixth of a large tenant's file
	// for a listing that is hardly faster with it.)
	IndexName = "mbx.name"
	// IndexLinkedUser finds the mailboxes of an account (LinkedUserID),
	// whose copies of the account's fields follow it. It is not an
	// identity form.
	IndexLinkedUser = "mbx.user"
)

// indexMailbox returns the index entries of a mailbox: its name, its
// account, and each identity value with its forms.
func indexMailbox(m *Mailbox, _ []byte) []store.IndexEntry {
	var iv idform.Values
	iv.Add(idform.Name, m.Name)
	iv.Add(idform.Alias, m.Alias)
	iv.Add(idform.UPN, m.UserPrincipalName)
	iv.Add(idform.DN, m.DistinguishedName)
	iv.Add(idform.LegacyDN, m.LegacyExchangeDN)
	iv.Add(idform.ExternalID, m.ExternalDirectoryObjectId)
	iv.Add(idform.DisplayName, m.DisplayName)
	if m.ExchangeGuid != store.ZeroGuid {
		iv.Add(idform.ExchangeGuid, m.ExchangeGuid)
	}
	if !strings.EqualFold(m.MicrosoftOnlineServicesID, m.UserPrincipalName) {
		iv.Add(idform.UPN, m.MicrosoftOnlineServicesID)
	}
	iv.Add(idform.SMTP, m.PrimarySmtpAddress)
	for _, a := range m.SmtpAddresses() {
		iv.Add(idform.SMTP, a)
	}
	for _, a := range m.X500Addresses() {
		if !strings.EqualFold(a, m.LegacyExchangeDN) {
			iv.Add(idform.LegacyDN, a)
		}
	}
	e := []store.IndexEntry{{Name: IndexName, Value: m.Name}, {Name: IndexLinkedUser, Value: m.LinkedUserID()}}
	return iv.Entries(e)
}

// GetMailbox returns the mailbox with the given object Guid.
func GetMailbox(tx *store.Tx, guid string) (*Mailbox, error) {
	return Mailboxes.Load(tx, strings.ToLower(guid), guid)
}

// PutMailbox stores a mailbox and refreshes its indexes (WhenChanged is set
// to now).
func PutMailbox(tx *store.Tx, m *Mailbox) error {
	if m.Guid == "" {
		return &store.ValidationError{Field: "Guid", Message: "empty"}
	}
	m.Guid = strings.ToLower(m.Guid)
	m.WhenChanged = tx.Now()
	if err := copyAccountFields(tx, m); err != nil {
		return err
	}
	return Mailboxes.Put(tx, m.Guid, m)
}

// LinkedUserID is the ObjectId of the account behind m ("" for none).
func (m *Mailbox) LinkedUserID() string {
	if m.UserObjectID != "" {
		return m.UserObjectID
	}
	return m.ExternalDirectoryObjectId
}

// copyAccountFields refreshes m's copies of its account's fields (cleared
// when the account is gone).
func copyAccountFields(tx *store.Tx, m *Mailbox) error {
	var b userBrief
	if id := m.LinkedUserID(); id != "" {
		if _, err := Users.GetInto(tx, strings.ToLower(id), &b); err != nil {
			return err
		}
	}
	m.AccountOffice, m.AccountForceChangePassword = b.Office, b.ForceChangePasswordNextSignIn
	return nil
}

// syncAccountCopies rewrites the copies of account fields on every
// mailbox linked to the account objectID where they differ from u (nil:
// the account is gone). WhenChanged of a mailbox stays: the mailbox
// itself did not change.
func syncAccountCopies(tx *store.Tx, objectID string, u *User) error {
	keys, err := tx.LookupIndex(IndexLinkedUser, objectID)
	if err != nil {
		return err
	}
	var office string
	var force bool
	if u != nil {
		office, force = u.Office, u.ForceChangePasswordNextSignIn
	}
	for _, k := range keys {
		m, ok, err := Mailboxes.Get(tx, k)
		if err != nil {
			return err
		}
		if !ok || (m.AccountOffice == office && m.AccountForceChangePassword == force) {
			continue
		}
		m.AccountOffice, m.AccountForceChangePassword = office, force
		if err := Mailboxes.Put(tx, m.Guid, m); err != nil {
			return err
		}
	}
	return nil
}

// DeleteMailbox removes a mailbox record and its content, then runs the
// AfterMailboxDelete hook (the holds area drops its bookkeeping of the
// mailbox).
func DeleteMailbox(tx *store.Tx, guid string) error {
	guid = strings.ToLower(guid)
	ok, err := Mailboxes.Delete(tx, guid)
	if err != nil {
		return err
	}
	if !ok {
		return &store.NotFoundError{Kind: "mailbox", Key: guid}
	}
	if _, err := Contents.Delete(tx, guid); err != nil {
		return err
	}
	for _, f := range AfterMailboxDelete.Funcs(tx) {
		if err := f(tx, guid); err != nil {
			return err
		}
	}
	return nil
}

// ForEachMailbox calls fn for each mailbox in Guid order after `after`
// ("" = from the first). Return ErrStop to end early.
func ForEachMailbox(tx *store.Tx, after string, fn func(*Mailbox) error) error {
	return Mailboxes.ForEach(tx, after, func(_ string, m *Mailbox) error { return fn(m) })
}

// ScanMailboxes returns at most limit mailboxes after `after` plus the
// cursor of the next page ("" at the end), so callers can stream a large
// tenant in batches of short read transactions.
func ScanMailboxes(tx *store.Tx, after string, limit int) ([]*Mailbox, string, error) {
	return Mailboxes.Scan(tx, after, limit)
}

// MailboxKeysBy returns the Guids of mailboxes that have value in one of
// the forms (case-insensitive exact match), in Guid order.
func MailboxKeysBy(tx *store.Tx, forms idform.Form, value string) ([]string, error) {
	var keys []string
	err := idform.Lookup(tx, strings.TrimSpace(value), forms, func(k string) { keys = append(keys, k) })
	return keys, err
}

// FindMailboxes resolves an identity string against every identity form
// of a mailbox (and the object Guid). It returns each matching mailbox
// once, in Guid order, whatever its lifecycle state; callers filter by
// scope.
func FindMailboxes(tx *store.Tx, identity string) ([]*Mailbox, error) {
	id := strings.TrimSpace(identity)
	if id == "" {
		return nil, nil
	}
	if strings.HasPrefix(strings.ToLower(id), `soft deleted objects\`) {
		id = id[len(`soft deleted objects\`):]
	}
	var keys []string
	add := func(k string) { keys = append(keys, k) }
	if err := idform.Lookup(tx, id, idform.All, add); err != nil {
		return nil, err
	}
	if g, ok := store.NormalizeGuid(id); ok {
		// a GUID written another way ({braces}, no dashes, upper case)
		// names a mailbox by its ExchangeGuid or object Guid too
		if g != strings.ToLower(id) {
			if err := idform.Lookup(tx, g, idform.ExchangeGuid, add); err != nil {
				return nil, err
			}
		}
		if Mailboxes.Has(tx, g) {
			add(g)
		}
	}
	sort.Strings(keys)
	keys = slices.Compact(keys)
	out := make([]*Mailbox, 0, len(keys))
	for _, k := range keys {
		m, err := GetMailbox(tx, k)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// Folder is one folder of a mailbox with its item statistics.
type Folder struct {
	Name       string `json:"name"`
	FolderPath string `json:"folderPath"`
	FolderType string `json:"folderType"`
	ItemCount  int64  `json:"itemCount"`
	FolderSize int64  `json:"folderSize"` // bytes
	// Recoverable marks folders of the Recoverable Items subtree.
	Recoverable bool `json:"recoverable,omitempty"`
	// Cohorts are the folder's items grouped by received day; they add up
	// to ItemCount and FolderSize (none: every item dates from the mailbox
	// creation, see aging.go).
	Cohorts []Cohort `json:"cohorts,omitempty"`
}

// DefaultFolder is a folder every mailbox has.
type DefaultFolder struct {
	Path, Type string
	// Recoverable marks the folders of the Recoverable Items subtree.
	Recoverable bool
	// PrimaryOnly marks folders an archive does not have.
	PrimaryOnly bool
}

// DefaultFolders returns the folders of a mailbox, in the order the
// folder statistics list them.
func DefaultFolders() []DefaultFolder {
	return []DefaultFolder{
		{Path: "/Top of Information Store", Type: "Root"},
		{Path: "/Inbox", Type: "Inbox"},
		{Path: "/Sent Items", Type: "SentItems", PrimaryOnly: true},
		{Path: "/Deleted Items", Type: "DeletedItems"},
		{Path: "/Drafts", Type: "Drafts", PrimaryOnly: true},
		{Path: "/Junk Email", Type: "JunkEmail", PrimaryOnly: true},
		{Path: "/Outbox", Type: "Outbox", PrimaryOnly: true},
		{Path: "/Archive", Type: "Archive", PrimaryOnly: true},
		{Path: "/Calendar", Type: "Calendar", PrimaryOnly: true},
		{Path: "/Contacts", Type: "Contacts", PrimaryOnly: true},
		{Path: "/Conversation History", Type: "ConversationHistory", PrimaryOnly: true},
		{Path: "/Tasks", Type: "Tasks", PrimaryOnly: true},
		{Path: "/Notes", Type: "Notes", PrimaryOnly: true},
		{Path: "/Recoverable Items", Type: "RecoverableItemsRoot", Recoverable: true},
		{Path: "/Deletions", Type: "RecoverableItemsDeletions", Recoverable: true},
		{Path: "/Purges", Type: "RecoverableItemsPurges", Recoverable: true},
		{Path: "/Versions", Type: "RecoverableItemsVersions", Recoverable: true},
		{Path: "/DiscoveryHolds", Type: "RecoverableItemsDiscoveryHolds", Recoverable: true},
		{Path: "/Calendar Logging", Type: "CalendarLogging", Recoverable: true, PrimaryOnly: true},
	}
}

// MailboxContent is the simple content model of a mailbox: folders of the
// primary mailbox and of the archive.
type MailboxContent struct {
	MailboxGuid string   `json:"mailboxGuid"`
	Primary     []Folder `json:"primary"`
	Archive     []Folder `json:"archive,omitempty"`
}

// Totals returns item count and size of a folder list (recoverable items
// reported separately).
func Totals(fs []Folder) (items, size, recItems, recSize int64) {
	for _, f := range fs {
		if f.Recoverable {
			recItems += f.ItemCount
			recSize += f.FolderSize
		} else {
			items += f.ItemCount
			size += f.FolderSize
		}
	}
	return
}

// FindFolder returns the folder with that path (case-insensitive).
func FindFolder(fs []Folder, path string) (*Folder, bool) {
	for i := range fs {
		if strings.EqualFold(fs[i].FolderPath, path) {
			return &fs[i], true
		}
	}
	return nil, false
}

// GetMailboxContent returns a mailbox's folders (an empty model when none
// were stored).
func GetMailboxContent(tx *store.Tx, guid string) (*MailboxContent, error) {
	guid = strings.ToLower(guid)
	c, ok, err := Contents.Get(tx, guid)
	if err != nil {
		return nil, err
	}
	if !ok {
		return &MailboxContent{MailboxGuid: guid}, nil
	}
	return c, nil
}

// PutMailboxContent stores a mailbox's folders.
func PutMailboxContent(tx *store.Tx, c *MailboxContent) error {
	if c.MailboxGuid == "" {
		return &store.ValidationError{Field: "MailboxGuid", Message: "empty"}
	}
	c.MailboxGuid = strings.ToLower(c.MailboxGuid)
	return Contents.Put(tx, c.MailboxGuid, c)
}

// AddToFolder bumps a folder of a mailbox by one item of size bytes,
// received now.
func AddToFolder(tx *store.Tx, mailboxGuid, path string, size int64) error {
	c, err := GetMailboxContent(tx, mailboxGuid)
	if err != nil {
		return err
	}
	f, ok := FindFolder(c.Primary, path)
	if !ok {
		return nil
	}
	created := tx.Now()
	if m, err := GetMailbox(tx, mailboxGuid); err == nil {
		created = m.WhenMailboxCreated
	} else if !store.IsNotFound(err) {
		return err
	}
	AddItemsToday(f, 1, size, tx.Now(), created)
	return PutMailboxContent(tx, c)
}
