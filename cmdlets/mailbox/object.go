package mailbox

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	ab "github.com/exosim/exosim/store/addressbook"
	"github.com/exosim/exosim/store/auditbypass"
	"github.com/exosim/exosim/store/authpolicy"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/fastdecode"
	"github.com/exosim/exosim/store/mailboxfeed"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
	"github.com/exosim/exosim/store/pubfolders"
	"github.com/exosim/exosim/store/seed"
	sp "github.com/exosim/exosim/store/sharingpolicy"
)

// Type names of the objects this package writes. Exchange Online objects
// reach the client deserialized, so their names carry the Deserialized
// prefix and Select-Object makes them Selected.Deserialized....
const (
	TypeMailbox       = "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox"
	TypeEXOMailbox    = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoMailbox"
	TypeUser          = "Deserialized.Microsoft.Exchange.Data.Directory.Management.User"
	TypeRecipient     = "Deserialized.Microsoft.Exchange.Data.Directory.Management.ReducedRecipient"
	TypeEXORecipient  = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoRecipient"
	TypeStatistics    = "Deserialized.Microsoft.Exchange.Management.MapiTasks.Presentation.MailboxStatistics"
	TypeEXOStatistics = "Deserialized.Microsoft.Exchange.Management.RestApiClient.ExoMailboxStatistics"
)

var mailboxTypeNames = []string{
	TypeMailbox,
	"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson",
	"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
	"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
	"Deserialized.Microsoft.Exchange.Data.Directory.ConfigurableObject",
	"Deserialized.System.Object",
}

// env is what building an object needs besides the mailbox itself.
type env struct {
	org  *directory.Organization
	user *directory.User // nil when the account is gone
	// copies says, user being nil, that the account exists and that the
	// view reads its Office and ForceChangePasswordNextSignIn from the
	// copies the mailbox keeps (loadViewEnv)
	copies bool
	// sharing names the sharing policy each mailbox follows (nil: the
	// built-in default one)
	sharing *sp.Names
	// books names the address book policy each mailbox follows (nil:
	// none)
	books *ab.Names
	// policies names the mailbox policies of each kind (nil: the
	// built-in ones), links are the mailbox's (nil: none)
	policies *mp.View
	links    *mp.Links
}

// derived makes a stable value from a mailbox's identity (GUIDs of
// databases, NetID, SamAccountName ...): the SHA-256 of the parts joined
// by NUL characters.
func derived(parts ...string) [sha256.Size]byte {
	var buf [128]byte
	b := buf[:0]
	for i, p := range parts {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, p...)
	}
	return sha256.Sum256(b)
}

// derivedHex is the first 20 digits of derived written in upper-case
// hexadecimal.
func derivedHex(parts ...string) [20]byte {
	h := derived(parts...)
	var x [20]byte
	hex.Encode(x[:], h[:10])
	for i, c := range x {
		if c >= 'a' {
			x[i] = c - ('a' - 'A')
		}
	}
	return x
}

// derivedGuid is a version 4 GUID made of derived's first 16 bytes, as
// text.
func derivedGuid(parts ...string) string { return derivedGUID(parts...).String() }

// derivedGUID is derivedGuid as a GUID.
func derivedGUID(parts ...string) object.Guid {
	b := derived(parts...)
	var g object.Guid
	copy(g[:], b[:16])
	g[6] = (g[6] & 0x0f) | 0x40
	g[8] = (g[8] & 0x3f) | 0x80
	return g
}

func partition(o *directory.Organization) string {
	if o == nil || o.DirectoryPartition == "" {
		return seed.Partition
	}
	return o.DirectoryPartition
}

func tenantName(o *directory.Organization) string {
	if o == nil || o.Name == "" {
		return seed.TenantName
	}
	return o.Name
}

// extraValue decodes a stored Extra property into a pipeline value.
func extraValue(raw store.RawValue) any {
	var v any
	if err := store.DecodeExtra(raw, &v); err != nil {
		return nil
	}
	return plain(v)
}

func plain(v any) any {
	switch x := v.(type) {
	case float64:
		if x == float64(int(x)) {
			return int(x)
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		return nil
	}
	return v
}

const (
	tStr   = "System.String"
	tBool  = "System.Boolean"
	tInt   = "System.Int32"
	tDate  = "System.DateTime"
	tNDate = "System.Nullable`1[[System.DateTime]]"
	tGuid  = "System.Guid"
	tSpan  = "System.TimeSpan"
	tList  = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]"
	tQuota = exo.TypeUnlimitedSize
	tSize  = exo.TypeByteQuantifiedSize
)

// The values of the multi-valued properties every mailbox shows alike,
// as list items (see fixedList): the default audit actions per logon
// type and set, the protocol settings, the object classes and the
// address lists a mailbox shown in them belongs to.
var (
	defaultAuditSet  = []any{"Admin", "Delegate", "Owner"}
	protocolSettings = []any{"RemotePowerShell§1", "MAPI§1§0§§§0§§§§§0", "PublicFolderClientAccess§0", "IMAP4§1§§§§§§§§§§§§", "POP3§1§§§§§§§§§§§§", "HTTP§1§1§§§§§§"}
	userClasses      = []any{"top", "person", "organizationalPerson", "user"}
	addressListNames = []any{`\Mailboxes(VLV)`, `\All Mailboxes(VLV)`, `\All Recipients(VLV)`, `\Default Global Address List`, `\All Users`}
)

// The default audit actions per logon type, as list items: those mailbox
// auditing records (store/auditbypass).
var (
	auditAdmin    = lazy.Value[[]any]{Build: func() []any { return anyList(auditbypass.DefaultAdmin) }}
	auditDelegate = lazy.Value[[]any]{Build: func() []any { return anyList(auditbypass.DefaultDelegate) }}
	auditOwner    = lazy.Value[[]any]{Build: func() []any { return anyList(auditbypass.DefaultOwner) }}
)

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// DefaultEmailAddressPolicy is the GUID Exchange uses for the default
// email address policy in PoliciesIncluded.
const defaultEmailAddressPolicy = "{26491cfc-9e50-4857-861b-0cb8df22b5d7}"

// mbxView is one mailbox seen through the Get-Mailbox property table:
// each property's value is computed from it on first read.
type mbxView struct {
	m *directory.Mailbox // the object's own record: it must not change with the caller's
	e env
	// lazy, when not nil, is the listed record m is decoded from field by
	// field: a property is read after the fields it reads are decoded
	// (mailboxPropKeys); nil once it is decoded whole
	lazy *mailboxfeed.Lazy
	// vals, once reads values have been read, gives out the values'
	// boxes and lists from blocks (an object read whole, as Format-List
	// and ConvertTo-Json read it); nil before
	vals  *exo.Values
	reads uint8
	// db and archDB are the GUIDs derived from the databases' names,
	// once made (dbs tells which): MailboxLocations shows them too
	db, archDB object.Guid
	dbs        uint8
}

// propWhole in mailboxPropKeys marks a property whose value reads the
// record whole.
var propWhole = fastdecode.Keys{^uint64(0), ^uint64(0)}

// wholeReads is the number of values read of an object after which the
// rest are taken from blocks (exo.Values): fewer are read of each object
// of a listing that a filter or table shows.
const wholeReads = 8

// Which of a view's derived database GUIDs are made.
const (
	haveDB = 1 << iota
	haveArchDB
)

// named returns the mailbox with its distinguished names derived and the
// primary address back in EmailAddresses: a listing leaves them to the
// first read (mailboxfeed.Lazy.Whole).
func (v *mbxView) named() *directory.Mailbox {
	v.m.RestoreForm()
	return v.m
}

func (v *mbxView) part() string   { return partition(v.e.org) }
func (v *mbxView) tenant() string { return tenantName(v.e.org) }
func (v *mbxView) forest() string { return v.part() + forestSuffix }

// forestSuffix follows the partition's name in its forest's.
const forestSuffix = ".PROD.OUTLOOK.COM"

// dbGuid is the GUID of the mailbox's database.
func (v *mbxView) dbGuid() object.Guid {
	if v.dbs&haveDB == 0 {
		v.db, v.dbs = derivedGUID("db", v.m.Database), v.dbs|haveDB
	}
	return v.db
}

// archDBGuid is the GUID of the archive's database, the empty GUID when
// there is none.
func (v *mbxView) archDBGuid() object.Guid {
	if v.m.ArchiveDatabase == "" {
		return object.Guid{}
	}
	if v.dbs&haveArchDB == 0 {
		v.archDB, v.dbs = derivedGUID("db", v.m.ArchiveDatabase), v.dbs|haveArchDB
	}
	return v.archDB
}

// text, orNil, guid, when, list and empty make the values of the view's
// properties (see vals).
func (v *mbxView) text(s string) any             { return v.vals.Text(s) }
func (v *mbxView) orNil(s string) any            { return v.vals.TextOrNil(s) }
func (v *mbxView) when(t time.Time) any          { return v.vals.Time(t.UTC()) }
func (v *mbxView) list(s ...string) *object.List { return v.vals.MultiValued(s...) }
func (v *mbxView) fixed(items []any) *object.List {
	return v.vals.Copy(items)
}

// guid is the value of a GUID kept as text: a Guid, $null when there is
// none, or the text when it is not a GUID.
func (v *mbxView) guid(s string) any {
	if g, ok := exo.ParseGuid(s); ok {
		return v.vals.Guid(g)
	}
	return v.orNil(s)
}

// optTime is a nullable DateTime.
func (v *mbxView) optTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return v.when(*t)
}

func (v *mbxView) isShared() bool {
	return v.m.RecipientTypeDetails == directory.RecipientSharedMailbox
}

func (v *mbxView) isResource() bool {
	rtd := v.m.RecipientTypeDetails
	return rtd == "RoomMailbox" || rtd == "EquipmentMailbox"
}

func (v *mbxView) office() string {
	switch {
	case v.e.user != nil:
		return v.e.user.Office
	case v.e.copies:
		return v.m.AccountOffice
	}
	return ""
}

// mustChangePassword is the account's ForceChangePasswordNextSignIn.
func (v *mbxView) mustChangePassword() bool {
	switch {
	case v.e.user != nil:
		return v.e.user.ForceChangePasswordNextSignIn
	case v.e.copies:
		return v.m.AccountForceChangePassword
	}
	return false
}

func (v *mbxView) locations() *object.List {
	if v.m.ArchiveStatus == "Active" {
		return v.list(v.location(v.m.ExchangeGuid, "Primary", v.dbGuid()),
			v.location(v.m.ArchiveGuid, "MainArchive", v.archDBGuid()))
	}
	return v.list(v.location(v.m.ExchangeGuid, "Primary", v.dbGuid()))
}

// location is a MailboxLocations entry: the mailbox GUID, its kind, the
// forest and the database's GUID.
func (v *mbxView) location(guid, kind string, db object.Guid) string {
	var buf [160]byte
	b := append(append(append(append(buf[:0], "1;"...), guid...), ';'), kind...)
	b = append(append(append(b, ';'), v.part()...), forestSuffix+";"...)
	return string(exo.AppendGuid(b, db))
}

func (v *mbxView) userAccountControl() string {
	if v.m.AccountDisabled || v.isShared() || v.isResource() {
		return "AccountDisabled"
	}
	return "None"
}

func (v *mbxView) resourceType() any {
	switch v.m.RecipientTypeDetails {
	case "RoomMailbox":
		return "Room"
	case "EquipmentMailbox":
		return "Equipment"
	}
	return nil
}

func (v *mbxView) roomAccount() any {
	if v.m.RecipientTypeDetails == "RoomMailbox" {
		return false
	}
	return nil
}

func (v *mbxView) samAccountName() string {
	sam := derivedHex("sam", v.m.Guid)
	b := [20]byte{0: '$', 7: '-'}
	copy(b[1:7], sam[:6])
	copy(b[8:], sam[6:18])
	return string(b[:])
}

func (v *mbxView) netID() string {
	id := derivedHex("netid", v.m.Guid)
	return string(id[:16])
}

func (v *mbxView) orgGuid() string {
	if v.e.org != nil {
		return v.e.org.Guid
	}
	return ""
}

func (v *mbxView) archiveName() *object.List {
	if v.m.ArchiveName != "" {
		return v.list(v.m.ArchiveName)
	}
	return v.vals.Empty()
}

func (v *mbxView) archiveStatus() string {
	if v.m.ArchiveStatus == "" {
		return "None"
	}
	return v.m.ArchiveStatus
}

func (v *mbxView) archiveState() string {
	if v.archiveStatus() == "Active" {
		return "Local"
	}
	return "None"
}

func (v *mbxView) capabilities() *object.List {
	if v.m.Licensed {
		return v.list("BPOS_S_Enterprise")
	}
	return v.vals.Empty()
}

func (v *mbxView) skuAssigned() any {
	if v.m.Licensed {
		return true
	}
	if v.m.LifecycleState == directory.StateUnlicensedGrace {
		return false // a user mailbox whose licence was removed
	}
	return nil
}

func (v *mbxView) addressLists() *object.List {
	if !v.m.HiddenFromAddressListsEnabled && !v.m.IsDeleted() {
		return v.fixed(addressListNames)
	}
	return v.vals.Empty()
}

func (v *mbxView) localPart() string {
	local := v.m.PrimarySmtpAddress
	if i := strings.IndexByte(local, '@'); i >= 0 {
		local = local[:i]
	}
	return local
}

// value is property i of the view: the stored Extra value when the
// record carries one under that name, the computed value otherwise.
func (v *mbxView) value(i int) any {
	if v.lazy != nil {
		if ks := mailboxPropKeys[i]; ks != propWhole {
			v.lazy.With(ks)
		} else {
			v.lazy.Whole()
			v.lazy = nil
		}
	}
	if v.vals == nil {
		if v.reads++; v.reads == wholeReads {
			v.vals = new(exo.Values)
		}
	}
	if len(v.m.Extra) > 0 {
		if raw, ok := v.m.Extra[mailboxProps[i].name]; ok {
			return extraValue(raw)
		}
	}
	return mailboxProps[i].get(v)
}

// mailboxSchema is the schema of the Get-Mailbox object: the names of
// mailboxProps, made the first time it is asked for, and their type
// names, read from mailboxProps when a property is made.
var mailboxSchema = lazy.Value[*object.Schema]{Build: func() *object.Schema {
	names := make([]string, len(mailboxProps))
	// by index, not "for i, p := range mailboxProps": ranging over an
	// array ranges over a copy of it, 10 KB written to the stack, pages
	// of it a command line touches for nothing else
	for i := range mailboxProps {
		names[i] = mailboxProps[i].name
	}
	// the names are distinct (a test checks): the table that finds one
	// is made when a name is first looked up
	return object.NewUniqueSchemaOf(names, mailboxPropType)
}}

// mailboxPropType is the .NET type name of the Get-Mailbox object's
// property i.
func mailboxPropType(i int) string { return mailboxProps[i].typ }

// mailboxProp is one property of the Get-Mailbox object: its name, its
// .NET type name and how its value is computed.
type mailboxProp struct {
	name, typ string
	get       func(*mbxView) any
}

func getNil(*mbxView) any         { return nil }
func getEmptyList(v *mbxView) any { return v.vals.Empty() }

// usageLocationName maps the two-letter country codes the seeds use to
// the country name Exchange shows.
func usageLocationName(code string) string {
	switch strings.ToUpper(code) {
	case "US":
		return "United States"
	case "GB":
		return "United Kingdom"
	case "CA":
		return "Canada"
	case "DE":
		return "Germany"
	case "FR":
		return "France"
	case "IN":
		return "India"
	case "JP":
		return "Japan"
	case "AU":
		return "Australia"
	case "":
		return ""
	}
	return code
}

// mailboxProps are the Get-Mailbox object's properties in Exchange
// Online's Format-List order. The table is static data: nothing builds it
// at start-up or on first use.
var mailboxProps = [...]mailboxProp{
	{"Database", tStr, func(v *mbxView) any { return v.orNil(v.m.Database) }},
	{"DatabaseGuid", tGuid, func(v *mbxView) any { return v.vals.Guid(v.dbGuid()) }},
	{"MailboxProvisioningConstraint", tStr, getNil},
	{"IsMonitoringMailbox", tBool, func(*mbxView) any { return false }},
	{"MailboxRegion", tStr, getNil},
	{"MailboxRegionLastUpdateTime", tNDate, getNil},
	{"MailboxRegionSuffix", tStr, func(*mbxView) any { return "None" }},
	{"MessageRecallProcessingEnabled", tBool, func(*mbxView) any { return true }},
	{"MessageCopyForSentAsEnabled", tBool, func(*mbxView) any { return false }},
	{"MessageCopyForSendOnBehalfEnabled", tBool, func(*mbxView) any { return false }},
	{"MailboxProvisioningPreferences", tList, getEmptyList},
	{"UseDatabaseRetentionDefaults", tBool, func(*mbxView) any { return false }},
	{"RetainDeletedItemsUntilBackup", tBool, func(*mbxView) any { return false }},
	{"DeliverToMailboxAndForward", tBool, func(v *mbxView) any { return v.m.DeliverToMailboxAndForward }},
	{"IsExcludedFromServingHierarchy", tBool, func(*mbxView) any { return false }},
	// a public folder mailbox serves the hierarchy and keeps it in sync
	{"IsHierarchyReady", tBool, func(v *mbxView) any { return pubfolders.IsMailbox(v.m) }},
	{"IsHierarchySyncEnabled", tBool, func(v *mbxView) any { return pubfolders.IsMailbox(v.m) }},
	{"IsPublicFolderSystemMailbox", tBool, func(*mbxView) any { return false }},
	{"HasSnackyAppData", tBool, func(*mbxView) any { return false }},
	{"LitigationHoldEnabled", tBool, func(v *mbxView) any { return v.m.LitigationHoldEnabled }},
	{"SingleItemRecoveryEnabled", tBool, func(v *mbxView) any { return v.m.SingleItemRecoveryEnabled }},
	{"RetentionHoldEnabled", tBool, func(v *mbxView) any { return v.m.RetentionHoldEnabled }},
	{"EndDateForRetentionHold", tNDate, func(v *mbxView) any { return v.optTime(v.m.EndDateForRetentionHold) }},
	{"StartDateForRetentionHold", tNDate, func(v *mbxView) any { return v.optTime(v.m.StartDateForRetentionHold) }},
	{"RetentionComment", tStr, getNil},
	{"RetentionUrl", tStr, getNil},
	{"LitigationHoldDate", tNDate, func(v *mbxView) any { return v.optTime(v.m.LitigationHoldDate) }},
	{"LitigationHoldOwner", tStr, func(v *mbxView) any { return v.orNil(v.m.LitigationHoldOwner) }},
	{"ElcProcessingDisabled", tBool, func(*mbxView) any { return false }},
	{"ComplianceTagHoldApplied", tBool, func(v *mbxView) any { return v.m.ComplianceTagHoldApplied }},
	{"WasInactiveMailbox", tBool, func(v *mbxView) any { return v.m.WasInactiveMailbox }},
	{"DelayHoldApplied", tBool, func(v *mbxView) any { return v.m.DelayHoldApplied }},
	{"DelayReleaseHoldApplied", tBool, func(v *mbxView) any { return v.m.DelayReleaseHoldApplied }},
	{"PitrEnabled", tBool, func(*mbxView) any { return false }},
	{"PitrCopyIntervalInSeconds", tInt, func(*mbxView) any { return 0 }},
	{"PitrPaused", tBool, func(*mbxView) any { return false }},
	{"PitrPausedTimestamp", tNDate, getNil},
	{"PitrOffboardedTimestamp", tNDate, getNil},
	{"InactiveMailboxRetireTime", tNDate, func(v *mbxView) any { return v.optTime(v.m.InactiveMailboxRetireTime) }},
	{"OrphanSoftDeleteTrackingTime", tNDate, getNil},
	{"LitigationHoldDuration", tStr, func(v *mbxView) any { return v.text(v.m.LitigationHoldDuration.String()) }},
	{"ManagedFolderMailboxPolicy", tStr, getNil},
	{"RetentionPolicy", tStr, func(v *mbxView) any { return v.orNil(v.m.RetentionPolicy) }},
	{"AddressBookPolicy", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.e.books.Of(v.m.Guid)) }},
	{"CalendarRepairDisabled", tBool, func(*mbxView) any { return false }},
	{"ExchangeGuid", tGuid, func(v *mbxView) any { return v.guid(v.m.ExchangeGuid) }},
	{"MailboxContainerGuid", tGuid, getNil},
	{"UnifiedMailbox", tStr, getNil},
	{"MailboxLocations", tList, func(v *mbxView) any { return v.locations() }},
	{"AggregatedMailboxGuids", tList, getEmptyList},
	{"ExchangeSecurityDescriptor", tStr, func(*mbxView) any { return "System.Security.AccessControl.RawSecurityDescriptor" }},
	{"ExchangeUserAccountControl", tStr, func(v *mbxView) any { return v.text(v.userAccountControl()) }},
	{"AdminDisplayVersion", tStr, func(*mbxView) any { return "Version 15.20 (Build 7452.28)" }},
	{"MessageTrackingReadStatusEnabled", tBool, func(*mbxView) any { return true }},
	{"ExternalOofOptions", tStr, func(*mbxView) any { return "External" }},
	{"ForwardingAddress", tStr, getNil},
	{"ForwardingSmtpAddress", tStr, func(v *mbxView) any { return v.orNil(v.m.ForwardingSmtpAddress) }},
	{"RetainDeletedItemsFor", tSpan, func(v *mbxView) any { return timeSpan(v.m.RetainDeletedItemsFor.D) }},
	{"IsMailboxEnabled", tBool, func(*mbxView) any { return true }},
	{"Languages", tList, getEmptyList},
	{"OfflineAddressBook", tStr, getNil},
	{"ProhibitSendQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ProhibitSendQuota) }},
	{"ProhibitSendReceiveQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ProhibitSendReceiveQuota) }},
	{"RecoverableItemsQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.RecoverableItemsQuota) }},
	{"RecoverableItemsWarningQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.RecoverableItemsWarningQuota) }},
	{"CalendarLoggingQuota", tQuota, func(*mbxView) any { return quotaValue(directory.GBQuota(6)) }},
	{"DowngradeHighPriorityMessagesEnabled", tBool, func(*mbxView) any { return false }},
	{"ProtocolSettings", tList, func(v *mbxView) any { return v.fixed(protocolSettings) }},
	{"RecipientLimits", tStr, func(*mbxView) any { return "500" }},
	{"ImListMigrationCompleted", tBool, func(*mbxView) any { return false }},
	{"SiloName", tStr, getNil},
	{"IsResource", tBool, func(v *mbxView) any { return v.isResource() }},
	{"IsLinked", tBool, func(*mbxView) any { return false }},
	{"IsShared", tBool, func(v *mbxView) any { return v.isShared() }},
	{"IsRootPublicFolderMailbox", tBool, func(*mbxView) any { return false }},
	{"LinkedMasterAccount", tStr, getNil},
	{"ResetPasswordOnNextLogon", tBool, func(v *mbxView) any { return v.mustChangePassword() }},
	{"ResourceCapacity", "System.Nullable`1[[System.Int32]]", getNil},
	{"ResourceCustom", tList, getEmptyList},
	{"ResourceType", tStr, func(v *mbxView) any { return v.resourceType() }},
	{"RoomMailboxAccountEnabled", "System.Nullable`1[[System.Boolean]]", func(v *mbxView) any { return v.roomAccount() }},
	{"SamAccountName", tStr, func(v *mbxView) any { return v.text(v.samAccountName()) }},
	{"SCLDeleteThreshold", "System.Nullable`1[[System.Int32]]", getNil},
	{"SCLDeleteEnabled", "System.Nullable`1[[System.Boolean]]", getNil},
	{"SCLRejectThreshold", "System.Nullable`1[[System.Int32]]", getNil},
	{"SCLRejectEnabled", "System.Nullable`1[[System.Boolean]]", getNil},
	{"SCLQuarantineThreshold", "System.Nullable`1[[System.Int32]]", getNil},
	{"SCLQuarantineEnabled", "System.Nullable`1[[System.Boolean]]", getNil},
	{"SCLJunkThreshold", "System.Nullable`1[[System.Int32]]", getNil},
	{"SCLJunkEnabled", "System.Nullable`1[[System.Boolean]]", getNil},
	{"AntispamBypassEnabled", tBool, func(*mbxView) any { return false }},
	{"ServerLegacyDN", tStr, func(v *mbxView) any {
		return v.text(ServerLegacyDN(v.m.ServerName))
	}},
	{"ServerName", tStr, func(v *mbxView) any { return v.orNil(v.m.ServerName) }},
	{"UseDatabaseQuotaDefaults", tBool, func(*mbxView) any { return false }},
	{"IssueWarningQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.IssueWarningQuota) }},
	{"RulesQuota", tSize, func(*mbxView) any { return sizeValue(256 * directory.KB) }},
	{"Office", tStr, func(v *mbxView) any { return v.orNil(v.office()) }},
	{"UserPrincipalName", tStr, func(v *mbxView) any { return v.orNil(v.m.UserPrincipalName) }},
	{"UMEnabled", tBool, func(*mbxView) any { return false }},
	{"MaxSafeSenders", "System.Nullable`1[[System.Int32]]", getNil},
	{"MaxBlockedSenders", "System.Nullable`1[[System.Int32]]", getNil},
	{"NetID", tStr, func(v *mbxView) any { return v.text(v.netID()) }},
	{"ReconciliationId", tStr, getNil},
	{"WindowsLiveID", tStr, func(v *mbxView) any { return v.orNil(v.m.WindowsLiveID) }},
	{"MicrosoftOnlineServicesID", tStr, func(v *mbxView) any { return v.orNil(v.m.MicrosoftOnlineServicesID) }},
	{"ThrottlingPolicy", tStr, getNil},
	{"RoleAssignmentPolicy", tStr, func(v *mbxView) any { return v.orNil(v.e.policies.Role(v.e.links)) }},
	{"DefaultPublicFolderMailbox", tStr, getNil},
	{"EffectivePublicFolderMailbox", tStr, getNil},
	{"SharingPolicy", tStr, func(v *mbxView) any { return v.orNil(v.e.sharing.Of(v.m.Guid)) }},
	{"RemoteAccountPolicy", tStr, getNil},
	{"MailboxPlan", tStr, func(v *mbxView) any { return v.text("ExchangeOnlineEnterprise-" + v.orgGuid()) }},
	{"ArchiveDatabase", tStr, func(v *mbxView) any { return v.orNil(v.m.ArchiveDatabase) }},
	{"ArchiveDatabaseGuid", tGuid, func(v *mbxView) any { return v.vals.Guid(v.archDBGuid()) }},
	{"ArchiveGuid", tGuid, func(v *mbxView) any { return v.guid(orZero(v.m.ArchiveGuid)) }},
	{"ArchiveName", tList, func(v *mbxView) any { return v.archiveName() }},
	{"JournalArchiveAddress", tStr, getNil},
	{"ArchiveQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ArchiveQuota) }},
	{"ArchiveWarningQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ArchiveWarningQuota) }},
	{"ArchiveDomain", tStr, getNil},
	{"ArchiveStatus", tStr, func(v *mbxView) any { return v.text(v.archiveStatus()) }},
	{"ArchiveState", tStr, func(v *mbxView) any { return v.text(v.archiveState()) }},
	{"AutoExpandingArchiveEnabled", tBool, func(v *mbxView) any { return v.m.AutoExpandingArchiveEnabled }},
	{"DisabledMailboxLocations", tBool, func(*mbxView) any { return false }},
	{"RemoteRecipientType", tStr, func(*mbxView) any { return "None" }},
	{"DisabledArchiveDatabase", tStr, func(v *mbxView) any { return v.orNil(v.m.DisabledArchiveDatabase) }},
	{"DisabledArchiveGuid", tGuid, func(v *mbxView) any { return v.guid(orZero(v.m.DisabledArchiveGuid)) }},
	{"QueryBaseDN", tStr, getNil},
	{"QueryBaseDNRestrictionEnabled", tBool, func(*mbxView) any { return false }},
	{"MailboxMoveTargetMDB", tStr, getNil},
	{"MailboxMoveSourceMDB", tStr, getNil},
	{"MailboxMoveFlags", tStr, func(*mbxView) any { return "None" }},
	{"MailboxMoveRemoteHostName", tStr, getNil},
	{"MailboxMoveBatchName", tStr, getNil},
	{"MailboxMoveStatus", tStr, func(*mbxView) any { return "None" }},
	{"MailboxRelease", tStr, getNil},
	{"ArchiveRelease", tStr, getNil},
	{"IsPersonToPersonTextMessagingEnabled", tBool, func(*mbxView) any { return false }},
	{"IsMachineToPersonTextMessagingEnabled", tBool, func(v *mbxView) any { return !v.isShared() && !v.isResource() }},
	{"UserSMimeCertificate", tList, getEmptyList},
	{"UserCertificate", tList, getEmptyList},
	{"CalendarVersionStoreDisabled", tBool, func(*mbxView) any { return false }},
	{"ImmutableId", tStr, getNil},
	{"PersistedCapabilities", tList, func(v *mbxView) any { return v.capabilities() }},
	{"SKUAssigned", "System.Nullable`1[[System.Boolean]]", func(v *mbxView) any { return v.skuAssigned() }},
	{"AuditEnabled", tBool, func(v *mbxView) any { return v.m.AuditEnabled }},
	{"AuditLogAgeLimit", tSpan, func(*mbxView) any { return timeSpan(90 * store.Day) }},
	{"AuditAdmin", tList, func(v *mbxView) any { return v.fixed(auditAdmin.Get()) }},
	{"AuditDelegate", tList, func(v *mbxView) any { return v.fixed(auditDelegate.Get()) }},
	{"AuditOwner", tList, func(v *mbxView) any { return v.fixed(auditOwner.Get()) }},
	{"DefaultAuditSet", tList, func(v *mbxView) any { return v.fixed(defaultAuditSet) }},
	{"WhenMailboxCreated", tDate, func(v *mbxView) any { return v.when(v.m.WhenMailboxCreated) }},
	{"SourceAnchor", tStr, getNil},
	{"UsageLocation", tStr, func(v *mbxView) any { return v.orNil(usageLocationName(v.m.UsageLocation)) }},
	{"IsSoftDeletedByRemove", tBool, func(v *mbxView) any { return v.m.IsDeleted() }},
	{"IsSoftDeletedByDisable", tBool, func(*mbxView) any { return false }},
	{"IsInactiveMailbox", tBool, func(v *mbxView) any { return v.m.IsInactiveMailbox }},
	{"IncludeInGarbageCollection", tBool, func(*mbxView) any { return false }},
	{"WhenSoftDeleted", tNDate, func(v *mbxView) any { return v.optTime(v.m.WhenSoftDeleted) }},
	{"InPlaceHolds", tList, func(v *mbxView) any { return v.list(v.m.InPlaceHolds...) }},
	{"GeneratedOfflineAddressBooks", tList, getEmptyList},
	{"AccountDisabled", tBool, func(v *mbxView) any { return v.m.AccountDisabled || v.isShared() || v.isResource() }},
	{"StsRefreshTokensValidFrom", tNDate, func(v *mbxView) any { return v.when(v.m.WhenCreated) }},
	{"NonCompliantDevices", tList, getEmptyList},
	{"EnforcedTimestamps", tStr, getNil},
	{"DataEncryptionPolicy", tStr, getNil},
	{"MessageCopyForSMTPClientSubmissionEnabled", tBool, func(*mbxView) any { return true }},
	{"RecipientThrottlingThreshold", tStr, func(*mbxView) any { return "Standard" }},
	{"SharedEmailDomainTenant", tStr, getNil},
	{"SharedEmailDomainState", tStr, func(*mbxView) any { return "None" }},
	{"SharedWithTargetSmtpAddress", tStr, getNil},
	{"SharedEmailDomainStateLastModified", tNDate, getNil},
	{"EmailAddressDisplayNames", tList, getEmptyList},
	{"ResourceProvisioningOptions", tList, getEmptyList},
	{"Extensions", tList, getEmptyList},
	{"HasPicture", tBool, func(*mbxView) any { return false }},
	{"HasSpokenName", tBool, func(*mbxView) any { return false }},
	{"IsDirSynced", tBool, func(*mbxView) any { return false }},
	{"AcceptMessagesOnlyFrom", tList, getEmptyList},
	{"AcceptMessagesOnlyFromDLMembers", tList, getEmptyList},
	{"AcceptMessagesOnlyFromSendersOrMembers", tList, getEmptyList},
	{"AddressListMembership", tList, func(v *mbxView) any { return v.addressLists() }},
	{"AdministrativeUnits", tList, getEmptyList},
	{"Alias", tStr, func(v *mbxView) any { return v.text(v.m.Alias) }},
	{"ArbitrationMailbox", tStr, getNil},
	{"BypassModerationFromSendersOrMembers", tList, getEmptyList},
	{"OrganizationalUnit", tStr, func(v *mbxView) any { return v.orNil(v.m.OrganizationalUnit) }},
	// CustomAttribute1 to 15 in the order of their names
	{"CustomAttribute1", tStr, getNil},
	{"CustomAttribute10", tStr, getNil},
	{"CustomAttribute11", tStr, getNil},
	{"CustomAttribute12", tStr, getNil},
	{"CustomAttribute13", tStr, getNil},
	{"CustomAttribute14", tStr, getNil},
	{"CustomAttribute15", tStr, getNil},
	{"CustomAttribute2", tStr, getNil},
	{"CustomAttribute3", tStr, getNil},
	{"CustomAttribute4", tStr, getNil},
	{"CustomAttribute5", tStr, getNil},
	{"CustomAttribute6", tStr, getNil},
	{"CustomAttribute7", tStr, getNil},
	{"CustomAttribute8", tStr, getNil},
	{"CustomAttribute9", tStr, getNil},
	{"ExtensionCustomAttribute1", tList, getEmptyList},
	{"ExtensionCustomAttribute2", tList, getEmptyList},
	{"ExtensionCustomAttribute3", tList, getEmptyList},
	{"ExtensionCustomAttribute4", tList, getEmptyList},
	{"ExtensionCustomAttribute5", tList, getEmptyList},
	{"DisplayName", tStr, func(v *mbxView) any { return v.text(v.m.DisplayName) }},
	{"EmailAddresses", tList, func(v *mbxView) any { return v.list(v.named().EmailAddresses...) }},
	{"GrantSendOnBehalfTo", tList, getEmptyList},
	{"ExternalDirectoryObjectId", tStr, func(v *mbxView) any { return v.orNil(v.m.ExternalDirectoryObjectId) }},
	{"HiddenFromAddressListsEnabled", tBool, func(v *mbxView) any { return v.m.HiddenFromAddressListsEnabled }},
	{"LastExchangeChangedTime", tNDate, getNil},
	{"LegacyExchangeDN", tStr, func(v *mbxView) any { return v.text(v.named().LegacyExchangeDN) }},
	{"MaxSendSize", tQuota, func(v *mbxView) any { return quotaValue(v.m.MaxSendSize) }},
	{"MaxReceiveSize", tQuota, func(v *mbxView) any { return quotaValue(v.m.MaxReceiveSize) }},
	{"ModeratedBy", tList, getEmptyList},
	{"ModerationEnabled", tBool, func(*mbxView) any { return false }},
	{"PoliciesIncluded", tList, func(v *mbxView) any { return v.list(derivedGuid("eap", v.orgGuid()), defaultEmailAddressPolicy) }},
	{"PoliciesExcluded", tList, getEmptyList},
	{"EmailAddressPolicyEnabled", tBool, func(*mbxView) any { return true }},
	{"PrimarySmtpAddress", tStr, func(v *mbxView) any { return v.text(v.m.PrimarySmtpAddress) }},
	{"RecipientType", tStr, func(v *mbxView) any { return v.text(v.m.RecipientType) }},
	{"RecipientTypeDetails", tStr, func(v *mbxView) any { return v.text(v.m.RecipientTypeDetails) }},
	{"RejectMessagesFrom", tList, getEmptyList},
	{"RejectMessagesFromDLMembers", tList, getEmptyList},
	{"RejectMessagesFromSendersOrMembers", tList, getEmptyList},
	{"RequireSenderAuthenticationEnabled", tBool, func(v *mbxView) any { return v.isResource() }},
	{"SimpleDisplayName", tStr, getNil},
	{"SendModerationNotifications", tStr, func(*mbxView) any { return "Always" }},
	{"UMDtmfMap", tList, func(v *mbxView) any {
		var buf [128]byte
		mail := string(exo.AppendDtmf(append(buf[:0], "emailAddress:"...), v.localPart()))
		last := string(exo.AppendDtmf(exo.AppendDtmf(append(buf[:0], "lastNameFirstName:"...), v.m.LastName), v.m.FirstName))
		first := string(exo.AppendDtmf(exo.AppendDtmf(append(buf[:0], "firstNameLastName:"...), v.m.FirstName), v.m.LastName))
		return v.list(mail, last, first)
	}},
	{"WindowsEmailAddress", tStr, func(v *mbxView) any { return v.text(v.m.PrimarySmtpAddress) }},
	{"MailTip", tStr, getNil},
	{"MailTipTranslations", tList, getEmptyList},
	{"Identity", tStr, func(v *mbxView) any { return v.text(v.m.Identity()) }},
	{"Id", tStr, func(v *mbxView) any { return v.text(v.m.Identity()) }},
	{"IsValid", tBool, func(*mbxView) any { return true }},
	{"ExchangeVersion", tStr, func(*mbxView) any { return "0.20 (15.0.0.0)" }},
	{"Name", tStr, func(v *mbxView) any { return v.text(v.m.Name) }},
	{"DistinguishedName", tStr, func(v *mbxView) any { return v.text(v.named().DistinguishedName) }},
	{"ObjectCategory", tStr, func(v *mbxView) any { return v.text(v.forest() + "/Configuration/Schema/Person") }},
	{"ObjectClass", tList, func(v *mbxView) any { return v.fixed(userClasses) }},
	{"WhenChanged", tDate, func(v *mbxView) any { return v.when(v.m.WhenChanged) }},
	{"WhenCreated", tDate, func(v *mbxView) any { return v.when(v.m.WhenCreated) }},
	{"WhenChangedUTC", tDate, func(v *mbxView) any { return v.when(v.m.WhenChanged) }},
	{"WhenCreatedUTC", tDate, func(v *mbxView) any { return v.when(v.m.WhenCreated) }},
	{"ExchangeObjectId", tGuid, func(v *mbxView) any { return v.guid(v.m.Guid) }},
	{"OrganizationalUnitRoot", tStr, func(v *mbxView) any { return v.text(v.tenant()) }},
	{"OrganizationId", tStr, func(v *mbxView) any { return v.text(organizationID(v.part(), v.tenant())) }},
	{"Guid", tGuid, func(v *mbxView) any { return v.guid(v.m.Guid) }},
	{"OriginatingServer", tStr, func(v *mbxView) any {
		n := 10 + int(derived("dc", v.m.Guid)[0])%90 // two digits, shown as three
		var buf [96]byte
		b := append(append(buf[:0], v.part()...), "DC0"...)
		b = append(append(strconv.AppendInt(b, int64(n), 10), '.'), v.part()...)
		return v.text(string(append(b, forestSuffix...)))
	}},
	{"ObjectState", tStr, func(*mbxView) any { return "Unchanged" }},
}

// MailboxObject is the Get-Mailbox object of a mailbox, with Exchange
// Online's properties in Exchange Online's Format-List order. The object
// is lazy: a property's value is computed when it is first read, so
// filtering a large listing on one property does not build all of them.
func MailboxObject(m *directory.Mailbox, e env) *object.PSObject {
	own := &struct {
		mbxView
		m directory.Mailbox
	}{m: *m}
	own.mbxView = mbxView{m: &own.m, e: e}
	return mailboxObjectOf(&own.mbxView)
}

// ownedMailboxObject is MailboxObject for a record that nothing else
// holds or changes afterwards (one a listing has just decoded): the object
// keeps it instead of a copy.
func ownedMailboxObject(m *directory.Mailbox, e env) *object.PSObject {
	return mailboxObjectOf(&mbxView{m: m, e: e})
}

// lazyMailboxObject is ownedMailboxObject for a listed mailbox decoded
// field by field as its properties are read.
func lazyMailboxObject(l *mailboxfeed.Lazy, e env) *object.PSObject {
	return mailboxObjectOf(&mbxView{m: l.Head(), e: e, lazy: l})
}

func mailboxObjectOf(v *mbxView) *object.PSObject {
	// a literal, not the method value v.value, whose wrapper the compiler
	// places after all of the package's functions
	o := object.NewLazyObject(mailboxSchema.Get(), func(i int) any { return v.value(i) }, mailboxTypeNames...)
	o.ToStringFunc = v.m.Identity
	return o
}

// Views registers the default views of Get-Mailbox's objects. Column
// widths are the ones Exchange Online's format data gives (real console
// output: Name 25, Alias 15, Database 30, ProhibitSendQuota 20). It sits
// beside the code that builds the objects: formatting a mailbox runs it
// with the rest of this package's code, while the package views (the
// other objects' views) is linked far from it, a 64 KB stretch of code
// of its own.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name:      "Mailbox",
		TypeNames: []string{TypeMailbox},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Name", Width: 25, Property: "Name"},
			{Label: "Alias", Width: 15, Property: "Alias"},
			{Label: "Database", Width: 30, Property: "Database"},
			{Label: "ProhibitSendQuota", Width: 20, Property: "ProhibitSendQuota"},
			{Label: "ExternalDirectoryObjectId", Property: "ExternalDirectoryObjectId"},
		},
	})
	// The list view is Format-List's default: every property, in Exchange
	// Online's order (it also tells tab completion the property names).
	r.Add(&format.View{Name: "MailboxList", TypeNames: []string{TypeMailbox}, Kind: format.ListView, ItemProperties: mailboxSchema.Get().Names()})
}

func orZero(g string) string {
	if g == "" {
		return store.ZeroGuid
	}
	return g
}

func organizationID(part, tenant string) string {
	forest := part + ".PROD.OUTLOOK.COM"
	return forest + "/Microsoft Exchange Hosted Organizations/" + tenant + " - " + forest + "/ConfigurationUnits/" + tenant + "/Configuration"
}

// exoMailboxSets are Get-EXOMailbox's property sets: Minimum in the
// order the module shows it, and each other set's properties.
var exoMailboxSets = lazy.Value[*exo.PropertySets]{Build: func() *exo.PropertySets {
	return &exo.PropertySets{Type: TypeEXOMailbox,
		Minimum: []string{"ExternalDirectoryObjectId", "UserPrincipalName", "Alias", "DisplayName", "EmailAddresses",
			"PrimarySmtpAddress", "RecipientType", "RecipientTypeDetails", "Identity", "Id", "ExchangeVersion", "Name",
			"DistinguishedName", "OrganizationId", "Guid"},
		Sets: map[string][]string{
			"AddressList":    {"AddressBookPolicy", "AddressListMembership", "ExternalDirectoryObjectId", "GeneratedOfflineAddressBooks", "HiddenFromAddressListsEnabled", "OfflineAddressBook"},
			"Archive":        {"ArchiveDatabase", "ArchiveDomain", "ArchiveGuid", "ArchiveName", "ArchiveQuota", "ArchiveRelease", "ArchiveState", "ArchiveStatus", "ArchiveWarningQuota", "AutoExpandingArchiveEnabled", "DisabledArchiveDatabase", "DisabledArchiveGuid", "ExternalDirectoryObjectId", "JournalArchiveAddress"},
			"Audit":          {"AuditAdmin", "AuditDelegate", "AuditEnabled", "AuditLogAgeLimit", "AuditOwner", "DefaultAuditSet", "ExternalDirectoryObjectId"},
			"Custom":         {"CustomAttribute1", "CustomAttribute2", "CustomAttribute3", "CustomAttribute4", "CustomAttribute5", "CustomAttribute6", "CustomAttribute7", "CustomAttribute8", "CustomAttribute9", "CustomAttribute10", "CustomAttribute11", "CustomAttribute12", "CustomAttribute13", "CustomAttribute14", "CustomAttribute15", "ExtensionCustomAttribute1", "ExtensionCustomAttribute2", "ExtensionCustomAttribute3", "ExtensionCustomAttribute4", "ExtensionCustomAttribute5", "ExternalDirectoryObjectId"},
			"Delivery":       {"AcceptMessagesOnlyFrom", "AcceptMessagesOnlyFromDLMembers", "AcceptMessagesOnlyFromSendersOrMembers", "DeliverToMailboxAndForward", "DowngradeHighPriorityMessagesEnabled", "ExternalDirectoryObjectId", "ForwardingAddress", "ForwardingSmtpAddress", "GrantSendOnBehalfTo", "MaxBlockedSenders", "MaxReceiveSize", "MaxSafeSenders", "MaxSendSize", "MessageCopyForSendOnBehalfEnabled", "MessageCopyForSentAsEnabled", "MessageRecallProcessingEnabled", "MessageTrackingReadStatusEnabled", "RecipientLimits", "RejectMessagesFrom", "RejectMessagesFromDLMembers", "RejectMessagesFromSendersOrMembers", "RulesQuota"},
			"Hold":           {"ComplianceTagHoldApplied", "DelayHoldApplied", "ExternalDirectoryObjectId", "InPlaceHolds", "InactiveMailboxRetireTime", "LitigationHoldDate", "LitigationHoldDuration", "LitigationHoldEnabled", "LitigationHoldOwner"},
			"Moderation":     {"BypassModerationFromSendersOrMembers", "ExternalDirectoryObjectId", "ModeratedBy", "ModerationEnabled", "SendModerationNotifications"},
			"Move":           {"ExternalDirectoryObjectId", "MailboxMoveBatchName", "MailboxMoveFlags", "MailboxMoveRemoteHostName", "MailboxMoveSourceMDB", "MailboxMoveStatus", "MailboxMoveTargetMDB"},
			"Policy":         {"AddressBookPolicy", "DataEncryptionPolicy", "EmailAddressPolicyEnabled", "ExternalDirectoryObjectId", "ManagedFolderMailboxPolicy", "PoliciesExcluded", "PoliciesIncluded", "RemoteAccountPolicy", "RetentionPolicy", "RetentionUrl", "RoleAssignmentPolicy", "SharingPolicy", "ThrottlingPolicy"},
			"PublicFolder":   {"DefaultPublicFolderMailbox", "EffectivePublicFolderMailbox", "ExternalDirectoryObjectId", "IsExcludedFromServingHierarchy", "IsHierarchyReady", "IsHierarchySyncEnabled", "IsRootPublicFolderMailbox"},
			"Quota":          {"ArchiveQuota", "ArchiveWarningQuota", "CalendarLoggingQuota", "ExternalDirectoryObjectId", "IssueWarningQuota", "ProhibitSendQuota", "ProhibitSendReceiveQuota", "RecoverableItemsQuota", "RecoverableItemsWarningQuota", "RulesQuota", "UseDatabaseQuotaDefaults"},
			"Resource":       {"ExternalDirectoryObjectId", "IsResource", "ResourceCapacity", "ResourceCustom", "ResourceType", "RoomMailboxAccountEnabled"},
			"Retention":      {"EndDateForRetentionHold", "ExternalDirectoryObjectId", "OrphanSoftDeleteTrackingTime", "RetainDeletedItemsFor", "RetainDeletedItemsUntilBackup", "RetentionComment", "RetentionHoldEnabled", "RetentionPolicy", "RetentionUrl", "SingleItemRecoveryEnabled", "StartDateForRetentionHold", "UseDatabaseRetentionDefaults"},
			"SCL":            {"AntispamBypassEnabled", "ExternalDirectoryObjectId", "SCLDeleteEnabled", "SCLDeleteThreshold", "SCLJunkEnabled", "SCLJunkThreshold", "SCLQuarantineEnabled", "SCLQuarantineThreshold", "SCLRejectEnabled", "SCLRejectThreshold"},
			"SoftDelete":     {"ExternalDirectoryObjectId", "IncludeInGarbageCollection", "IsInactiveMailbox", "IsSoftDeletedByDisable", "IsSoftDeletedByRemove", "WhenSoftDeleted"},
			"StatisticsSeed": {"ArchiveDatabaseGuid", "DatabaseGuid", "ExchangeGuid", "ExternalDirectoryObjectId"},
		}}
}}

// EXOMailboxObject projects a full mailbox object onto the properties
// Get-EXOMailbox returns (see exo.PropertySets).
func EXOMailboxObject(full *object.PSObject, sets, props []string) *object.PSObject {
	return exoMailboxSets.Get().Project(full, sets, props)
}

// RecipientObject is the Get-Recipient object of a mailbox.
func RecipientObject(m *directory.Mailbox, e env) *object.PSObject {
	full := MailboxObject(m, e)
	o := object.NewObject(TypeRecipient,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADRawEntry",
		"Deserialized.System.Object")
	for _, n := range []string{"ArchiveDatabase", "ArchiveGuid", "ArchiveStatus", "ArchiveState", "AddressListMembership", "Alias",
		"Database", "ServerName", "DisplayName", "EmailAddresses", "ExchangeGuid", "ExternalDirectoryObjectId", "ExternalEmailAddress",
		"HiddenFromAddressListsEnabled", "IsInactiveMailbox", "LitigationHoldEnabled", "Office", "PrimarySmtpAddress",
		"RecipientType", "RecipientTypeDetails", "RetentionPolicy", "UsageLocation", "WhenSoftDeleted", "WindowsLiveID",
		"Identity", "IsValid", "ExchangeVersion", "Name", "DistinguishedName", "Guid", "WhenChanged", "WhenCreated",
		"WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "ObjectState"} {
		if n == "ExternalEmailAddress" {
			// the address mail to a mail user is delivered to; a
			// mailbox has none
			o.AddTyped(n, tStr, externalAddress(m))
			continue
		}
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	}
	name := m.Identity()
	o.ToStringFunc = func() string { return name }
	return o
}

// EXORecipientObject is the Get-EXORecipient Minimum object of a mailbox.
func EXORecipientObject(m *directory.Mailbox, e env, props []string) *object.PSObject {
	full := MailboxObject(m, e)
	o := object.NewObject(TypeEXORecipient, "Deserialized.System.Object")
	names := []string{"ExternalDirectoryObjectId", "Identity", "Alias", "EmailAddresses", "DisplayName", "Name",
		"PrimarySmtpAddress", "RecipientType", "RecipientTypeDetails", "ExchangeVersion", "DistinguishedName", "OrganizationId"}
	for _, p := range props {
		if !exo.ContainsFold(names, p) {
			names = append(names, p)
		}
	}
	for _, n := range names {
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		} else if name, ok := accountProperties.Get()[strings.ToLower(n)]; ok {
			// a recipient carries its account's directory attributes
			o.AddTyped(name, tStr, exo.NilIfEmpty(object.ToInvariantString(accountValue(name, m, e.user))))
		}
	}
	o.ToStringFunc = full.ToStringFunc
	return o
}

// accountProperties are the account attributes a recipient object shows
// (by lower-case name), which the mailbox object itself does not carry.
var accountProperties = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{"department": "Department", "title": "Title", "city": "City",
		"countryorregion": "CountryOrRegion", "mobilephone": "MobilePhone", "firstname": "FirstName", "lastname": "LastName",
		"phone": "Phone", "postalcode": "PostalCode", "stateorprovince": "StateOrProvince", "streetaddress": "StreetAddress"}
}}

// UserObject is the Get-User object of a mailbox's account.
func UserObject(m *directory.Mailbox, e env) *object.PSObject {
	o := object.NewObject(TypeUser,
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.System.Object")
	u := e.user
	get := func(f func(*directory.User) string) any {
		if u == nil {
			return nil
		}
		return exo.NilIfEmpty(f(u))
	}
	part := partition(e.org)
	tenant := tenantName(e.org)
	o.AddTyped("IsSecurityPrincipal", tBool, true)
	sam := derivedHex("sam", m.Guid)
	o.AddTyped("SamAccountName", tStr, "$"+string(sam[:5]))
	o.AddTyped("UserPrincipalName", tStr, exo.NilIfEmpty(m.UserPrincipalName))
	o.AddTyped("AccountDisabled", tBool, m.AccountDisabled)
	o.AddTyped("City", tStr, get(func(u *directory.User) string { return u.City }))
	o.AddTyped("Company", tStr, nil)
	o.AddTyped("CountryOrRegion", tStr, get(func(u *directory.User) string { return u.Country }))
	o.AddTyped("Department", tStr, get(func(u *directory.User) string { return u.Department }))
	o.AddTyped("DisplayName", tStr, m.DisplayName)
	o.AddTyped("FirstName", tStr, exo.NilIfEmpty(m.FirstName))
	o.AddTyped("LastName", tStr, exo.NilIfEmpty(m.LastName))
	o.AddTyped("MobilePhone", tStr, get(func(u *directory.User) string { return u.MobilePhone }))
	o.AddTyped("Office", tStr, get(func(u *directory.User) string { return u.Office }))
	o.AddTyped("Phone", tStr, get(func(u *directory.User) string { return exo.AccountText(u, exo.UserPhone) }))
	o.AddTyped("PostalCode", tStr, get(func(u *directory.User) string { return exo.AccountText(u, exo.UserPostalCode) }))
	o.AddTyped("StateOrProvince", tStr, get(func(u *directory.User) string { return exo.AccountText(u, exo.UserStateOrProvince) }))
	o.AddTyped("StreetAddress", tStr, get(func(u *directory.User) string { return exo.AccountText(u, exo.UserStreetAddress) }))
	o.AddTyped("Title", tStr, get(func(u *directory.User) string { return u.Title }))
	o.AddTyped("Manager", tStr, nil)
	o.AddTyped("MicrosoftOnlineServicesID", tStr, exo.NilIfEmpty(m.MicrosoftOnlineServicesID))
	o.AddTyped("RecipientType", tStr, m.RecipientType)
	o.AddTyped("RecipientTypeDetails", tStr, m.RecipientTypeDetails)
	o.AddTyped("UsageLocation", tStr, exo.NilIfEmpty(usageLocationName(m.UsageLocation)))
	o.AddTyped("ExternalDirectoryObjectId", tStr, exo.NilIfEmpty(m.ExternalDirectoryObjectId))
	o.AddTyped("WindowsEmailAddress", tStr, m.PrimarySmtpAddress)
	o.AddTyped("WindowsLiveID", tStr, exo.NilIfEmpty(m.WindowsLiveID))
	o.AddTyped("IsDirSynced", tBool, false)
	o.AddTyped("ResetPasswordOnNextLogon", tBool, u != nil && u.ForceChangePasswordNextSignIn)
	o.AddTyped("RemotePowerShellEnabled", tBool, RemotePowerShellEnabled(u))
	o.AddTyped("AuthenticationPolicy", tStr, exo.NilIfEmpty(authpolicy.OfUser(u)))
	o.AddTyped("Identity", tStr, m.Identity())
	o.AddTyped("Id", tStr, m.Identity())
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ExchangeVersion", tStr, "0.20 (15.0.0.0)")
	o.AddTyped("Name", tStr, m.Name)
	o.AddTyped("DistinguishedName", tStr, m.DistinguishedName)
	o.AddTyped("ObjectClass", tList, fixedList(userClasses))
	o.AddTyped("WhenChanged", tDate, m.WhenChanged.UTC())
	o.AddTyped("WhenCreated", tDate, m.WhenCreated.UTC())
	o.AddTyped("WhenChangedUTC", tDate, m.WhenChanged.UTC())
	o.AddTyped("WhenCreatedUTC", tDate, m.WhenCreated.UTC())
	o.AddTyped("OrganizationId", tStr, organizationID(part, tenant))
	o.AddTyped("Guid", tGuid, guidValue(m.Guid))
	o.AddTyped("ObjectState", tStr, "Unchanged")
	name := m.Identity()
	o.ToStringFunc = func() string { return name }
	return o
}
