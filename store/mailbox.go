package store

import (
	"sort"
	"strings"
	"time"
)

// Mailbox lifecycle states (simulator-internal, domain.md §3.1).
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
)

// Mailbox is an Exchange Online recipient with a mailbox (Get-Mailbox).
// Property names follow Exchange; simulator-only fields are marked (sim).
type Mailbox struct {
	Guid                      string   `json:"guid"` // primary key
	ExchangeGuid              string   `json:"exchangeGuid"`
	ArchiveGuid               string   `json:"archiveGuid"`
	ExternalDirectoryObjectId string   `json:"externalDirectoryObjectId"`
	UserObjectID              string   `json:"userObjectId,omitempty"` // (sim) linked account, kept after purge of the id
	Name                      string   `json:"name"`
	Alias                     string   `json:"alias"`
	DisplayName               string   `json:"displayName"`
	FirstName                 string   `json:"firstName,omitempty"`
	LastName                  string   `json:"lastName,omitempty"`
	DistinguishedName         string   `json:"distinguishedName"`
	LegacyExchangeDN          string   `json:"legacyExchangeDN"`
	EmailAddresses            []string `json:"emailAddresses"`
	PrimarySmtpAddress        string   `json:"primarySmtpAddress"`
	UserPrincipalName         string   `json:"userPrincipalName"`
	MicrosoftOnlineServicesID string   `json:"microsoftOnlineServicesId"`
	WindowsLiveID             string   `json:"windowsLiveId"`
	RecipientType             string   `json:"recipientType"`
	RecipientTypeDetails      string   `json:"recipientTypeDetails"`
	OrganizationalUnit        string   `json:"organizationalUnit"`

	LifecycleState            string     `json:"lifecycleState"` // (sim)
	IsInactiveMailbox         bool       `json:"isInactiveMailbox"`
	WasInactiveMailbox        bool       `json:"wasInactiveMailbox"`
	WhenSoftDeleted           *time.Time `json:"whenSoftDeleted,omitempty"`
	InactiveMailboxRetireTime *time.Time `json:"inactiveMailboxRetireTime,omitempty"`
	AccountDisabled           bool       `json:"accountDisabled"`
	Licensed                  bool       `json:"licensed"` // (sim)
	HasJournalArchive         bool       `json:"hasJournalArchive,omitempty"`
	// ExternalEmailAddress is the forwarding address of a mail user.
	ExternalEmailAddress string `json:"externalEmailAddress,omitempty"`
	// RemovedBy is the admin who soft-deleted the object (sim).
	RemovedBy string `json:"removedBy,omitempty"`

	LitigationHoldEnabled     bool       `json:"litigationHoldEnabled"`
	LitigationHoldDuration    Span       `json:"litigationHoldDuration"`
	LitigationHoldDate        *time.Time `json:"litigationHoldDate,omitempty"`
	LitigationHoldOwner       string     `json:"litigationHoldOwner,omitempty"`
	InPlaceHolds              []string   `json:"inPlaceHolds"`
	ComplianceTagHoldApplied  bool       `json:"complianceTagHoldApplied"`
	DelayHoldApplied          bool       `json:"delayHoldApplied"`
	DelayReleaseHoldApplied   bool       `json:"delayReleaseHoldApplied"`
	DelayHoldExpiresAt        *time.Time `json:"delayHoldExpiresAt,omitempty"`        // (sim)
	DelayReleaseHoldExpiresAt *time.Time `json:"delayReleaseHoldExpiresAt,omitempty"` // (sim)
	RetentionHoldEnabled      bool       `json:"retentionHoldEnabled"`
	StartDateForRetentionHold *time.Time `json:"startDateForRetentionHold,omitempty"`
	EndDateForRetentionHold   *time.Time `json:"endDateForRetentionHold,omitempty"`
	RetainDeletedItemsFor     Span       `json:"retainDeletedItemsFor"`
	SingleItemRecoveryEnabled bool       `json:"singleItemRecoveryEnabled"`
	RetentionPolicy           string     `json:"retentionPolicy"`
	// PolicyLocationKeys maps a policy GUID to the address it used to
	// include this mailbox (sim, D-10).
	PolicyLocationKeys map[string]string `json:"policyLocationKeys,omitempty"`

	ArchiveStatus               string `json:"archiveStatus"` // None | Active
	ArchiveName                 string `json:"archiveName,omitempty"`
	ArchiveDatabase             string `json:"archiveDatabase,omitempty"`
	ArchiveQuota                Quota  `json:"archiveQuota"`
	ArchiveWarningQuota         Quota  `json:"archiveWarningQuota"`
	AutoExpandingArchiveEnabled bool   `json:"autoExpandingArchiveEnabled"`

	Database                     string `json:"database"`
	ServerName                   string `json:"serverName"`
	ProhibitSendQuota            Quota  `json:"prohibitSendQuota"`
	ProhibitSendReceiveQuota     Quota  `json:"prohibitSendReceiveQuota"`
	IssueWarningQuota            Quota  `json:"issueWarningQuota"`
	RecoverableItemsQuota        Quota  `json:"recoverableItemsQuota"`
	RecoverableItemsWarningQuota Quota  `json:"recoverableItemsWarningQuota"`
	MaxSendSize                  Quota  `json:"maxSendSize"`
	MaxReceiveSize               Quota  `json:"maxReceiveSize"`

	UsageLocation                 string `json:"usageLocation,omitempty"`
	HiddenFromAddressListsEnabled bool   `json:"hiddenFromAddressListsEnabled"`
	AuditEnabled                  bool   `json:"auditEnabled"`
	ForwardingSmtpAddress         string `json:"forwardingSmtpAddress,omitempty"`
	DeliverToMailboxAndForward    bool   `json:"deliverToMailboxAndForward"`

	WhenCreated        time.Time `json:"whenCreated"`
	WhenChanged        time.Time `json:"whenChanged"`
	WhenMailboxCreated time.Time `json:"whenMailboxCreated"`

	// Extra keeps further documented Set-Mailbox properties by name.
	Extra map[string]RawValue `json:"extra,omitempty"`
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
	return "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + GuidNoDashes(guid) + "-" + alias
}

// Mailbox index names.
const (
	IndexName         = "mbx.name"
	IndexAlias        = "mbx.alias"
	IndexSMTP         = "mbx.smtp"
	IndexUPN          = "mbx.upn"
	IndexExchangeGuid = "mbx.xguid"
	IndexDN           = "mbx.dn"
	IndexLegacyDN     = "mbx.ldn" // LegacyExchangeDN and X500 proxies
	IndexExternalID   = "mbx.extid"
	// IndexDisplayName lets "Walter Harp" resolve (domain.md S6).
	IndexDisplayName = "mbx.display"
)

// MailboxIndexes lists the mailbox indexes FindMailboxes searches.
func MailboxIndexes() []string {
	return []string{IndexName, IndexAlias, IndexSMTP, IndexUPN, IndexExchangeGuid, IndexDN, IndexLegacyDN, IndexExternalID, IndexDisplayName}
}

func indexMailbox(raw []byte) ([]indexEntry, error) {
	var m Mailbox
	if err := decodeValue(raw, &m); err != nil {
		return nil, err
	}
	e := []indexEntry{
		{IndexName, m.Name},
		{IndexAlias, m.Alias},
		{IndexUPN, m.UserPrincipalName},
		{IndexDN, m.DistinguishedName},
		{IndexLegacyDN, m.LegacyExchangeDN},
		{IndexExternalID, m.ExternalDirectoryObjectId},
		{IndexDisplayName, m.DisplayName},
	}
	if m.ExchangeGuid != ZeroGuid {
		e = append(e, indexEntry{IndexExchangeGuid, m.ExchangeGuid})
	}
	if m.MicrosoftOnlineServicesID != "" && !strings.EqualFold(m.MicrosoftOnlineServicesID, m.UserPrincipalName) {
		e = append(e, indexEntry{IndexUPN, m.MicrosoftOnlineServicesID})
	}
	seen := map[string]bool{}
	add := func(name, v string) {
		k := name + "\x00" + strings.ToLower(v)
		if v != "" && !seen[k] {
			seen[k] = true
			e = append(e, indexEntry{name, v})
		}
	}
	add(IndexSMTP, m.PrimarySmtpAddress)
	for _, a := range m.SmtpAddresses() {
		add(IndexSMTP, a)
	}
	for _, a := range m.X500Addresses() {
		if !strings.EqualFold(a, m.LegacyExchangeDN) {
			add(IndexLegacyDN, a)
		}
	}
	return e, nil
}

// GetMailbox returns the mailbox with the given object Guid.
func (tx *Tx) GetMailbox(guid string) (*Mailbox, error) {
	var m Mailbox
	ok, err := tx.getRecord(bucketMailboxes, strings.ToLower(guid), &m)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &NotFoundError{Kind: "mailbox", Key: guid}
	}
	return &m, nil
}

// PutMailbox stores a mailbox and refreshes its indexes (WhenChanged is set
// to now).
func (tx *Tx) PutMailbox(m *Mailbox) error {
	if m.Guid == "" {
		return &ValidationError{Field: "Guid", Message: "empty"}
	}
	m.Guid = strings.ToLower(m.Guid)
	m.WhenChanged = tx.Now()
	return tx.putRecord(bucketMailboxes, m.Guid, m)
}

// DeleteMailbox removes a mailbox record and its content.
func (tx *Tx) DeleteMailbox(guid string) error {
	guid = strings.ToLower(guid)
	ok, err := tx.deleteRecord(bucketMailboxes, guid)
	if err != nil {
		return err
	}
	if !ok {
		return &NotFoundError{Kind: "mailbox", Key: guid}
	}
	_, err = tx.deleteRecord(bucketContent, guid)
	return err
}

// ForEachMailbox calls fn for each mailbox in Guid order after `after`
// ("" = from the first). Return ErrStop to end early.
func (tx *Tx) ForEachMailbox(after string, fn func(*Mailbox) error) error {
	return forEachDecoded(tx, bucketMailboxes, after, func(_ string, m *Mailbox) error { return fn(m) })
}

// ScanMailboxes returns at most limit mailboxes after `after` plus the
// cursor of the next page ("" at the end), so callers can stream a large
// tenant in batches of short read transactions.
func (tx *Tx) ScanMailboxes(after string, limit int) ([]*Mailbox, string, error) {
	return scanPage[Mailbox](tx, bucketMailboxes, after, limit)
}

// MailboxKeysBy returns the Guids of mailboxes whose index holds value
// (case-insensitive exact match).
func (tx *Tx) MailboxKeysBy(index, value string) ([]string, error) {
	return tx.lookupIndex(index, strings.TrimSpace(value))
}

// FindMailboxes resolves an identity string against every mailbox index
// (and the object Guid). It returns each matching mailbox once, in Guid
// order, whatever its lifecycle state; callers filter by scope.
func (tx *Tx) FindMailboxes(identity string) ([]*Mailbox, error) {
	id := strings.TrimSpace(identity)
	if id == "" {
		return nil, nil
	}
	if strings.HasPrefix(strings.ToLower(id), `soft deleted objects\`) {
		id = id[len(`soft deleted objects\`):]
	}
	keys := map[string]bool{}
	for _, idx := range MailboxIndexes() {
		ks, err := tx.lookupIndex(idx, id)
		if err != nil {
			return nil, err
		}
		for _, k := range ks {
			keys[k] = true
		}
	}
	if g, ok := NormalizeGuid(id); ok {
		if ks, err := tx.lookupIndex(IndexExchangeGuid, g); err == nil {
			for _, k := range ks {
				keys[k] = true
			}
		}
		if b := tx.btx.Bucket([]byte(bucketMailboxes)); b != nil && b.Get([]byte(g)) != nil {
			keys[g] = true
		}
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	out := make([]*Mailbox, 0, len(sorted))
	for _, k := range sorted {
		m, err := tx.GetMailbox(k)
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
func (tx *Tx) GetMailboxContent(guid string) (*MailboxContent, error) {
	guid = strings.ToLower(guid)
	var c MailboxContent
	ok, err := tx.getRecord(bucketContent, guid, &c)
	if err != nil {
		return nil, err
	}
	if !ok {
		return &MailboxContent{MailboxGuid: guid}, nil
	}
	return &c, nil
}

// PutMailboxContent stores a mailbox's folders.
func (tx *Tx) PutMailboxContent(c *MailboxContent) error {
	if c.MailboxGuid == "" {
		return &ValidationError{Field: "MailboxGuid", Message: "empty"}
	}
	c.MailboxGuid = strings.ToLower(c.MailboxGuid)
	return tx.putRecord(bucketContent, c.MailboxGuid, c)
}

// addToFolder bumps a folder of a mailbox by one item of size bytes,
// received now.
func (tx *Tx) addToFolder(mailboxGuid, path string, size int64) error {
	c, err := tx.GetMailboxContent(mailboxGuid)
	if err != nil {
		return err
	}
	f, ok := FindFolder(c.Primary, path)
	if !ok {
		return nil
	}
	created := tx.Now()
	if m, err := tx.GetMailbox(mailboxGuid); err == nil {
		created = m.WhenMailboxCreated
	} else if !isNotFound(err) {
		return err
	}
	addItemsToday(f, 1, size, tx.Now(), created)
	return tx.PutMailboxContent(c)
}
