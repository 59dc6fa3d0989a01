package mailbox

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
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
	TypeFolderStats   = "Deserialized.Microsoft.Exchange.Management.Tasks.MailboxFolderConfiguration"
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

// derivedHex is derived written in upper-case hexadecimal.
func derivedHex(parts ...string) [2 * sha256.Size]byte {
	h := derived(parts...)
	var x [2 * sha256.Size]byte
	hex.Encode(x[:], h[:])
	for i, c := range x {
		if c >= 'a' {
			x[i] = c - ('a' - 'A')
		}
	}
	return x
}

// derivedGuid is a version 4 GUID made of derived's first 16 bytes, as
// text.
func derivedGuid(parts ...string) string {
	b := derived(parts...)
	var g object.Guid
	copy(g[:], b[:16])
	g[6] = (g[6] & 0x0f) | 0x40
	g[8] = (g[8] & 0x3f) | 0x80
	return g.String()
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
	auditAdmin       = []any{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"}
	auditDelegate    = []any{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "ApplyRecord", "MailItemsAccessed"}
	auditOwner       = []any{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"}
	defaultAuditSet  = []any{"Admin", "Delegate", "Owner"}
	protocolSettings = []any{"RemotePowerShell§1", "MAPI§1§0§§§0§§§§§0", "PublicFolderClientAccess§0", "IMAP4§1§§§§§§§§§§§§", "POP3§1§§§§§§§§§§§§", "HTTP§1§1§§§§§§"}
	userClasses      = []any{"top", "person", "organizationalPerson", "user"}
	addressListNames = []any{`\Mailboxes(VLV)`, `\All Mailboxes(VLV)`, `\All Recipients(VLV)`, `\Default Global Address List`, `\All Users`}
)

// DefaultEmailAddressPolicy is the GUID Exchange uses for the default
// email address policy in PoliciesIncluded.
const defaultEmailAddressPolicy = "{26491cfc-9e50-4857-861b-0cb8df22b5d7}"

// mbxView is one mailbox seen through the Get-Mailbox property table:
// each property's value is computed from it on first read.
type mbxView struct {
	m *directory.Mailbox // the object's own record: it must not change with the caller's
	e env
}

// named returns the mailbox with its distinguished names derived and the
// primary address back in EmailAddresses: a listing leaves them to the
// first read (MailboxFeed.RestoreNamesLater).
func (v *mbxView) named() *directory.Mailbox {
	v.m.RestoreForm()
	return v.m
}

func (v *mbxView) part() string   { return partition(v.e.org) }
func (v *mbxView) tenant() string { return tenantName(v.e.org) }
func (v *mbxView) forest() string { return v.part() + ".PROD.OUTLOOK.COM" }
func (v *mbxView) dbGuid() string { return derivedGuid("db", v.m.Database) }

func (v *mbxView) archDBGuid() string {
	if v.m.ArchiveDatabase != "" {
		return derivedGuid("db", v.m.ArchiveDatabase)
	}
	return store.ZeroGuid
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
	locs := list("1;" + v.m.ExchangeGuid + ";Primary;" + v.forest() + ";" + v.dbGuid())
	if v.m.ArchiveStatus == "Active" {
		locs.Items = append(locs.Items, "1;"+v.m.ArchiveGuid+";MainArchive;"+v.forest()+";"+v.archDBGuid())
	}
	return locs
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
	return "$" + string(sam[:6]) + "-" + string(sam[6:18])
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
		return list(v.m.ArchiveName)
	}
	return list()
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
		return list("BPOS_S_Enterprise")
	}
	return list()
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
		return fixedList(addressListNames)
	}
	return list()
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
	if len(v.m.Extra) > 0 {
		if raw, ok := v.m.Extra[mailboxSchema.Names()[i]]; ok {
			return extraValue(raw)
		}
	}
	return mailboxGetters[i](v)
}

// mailboxSchema and mailboxGetters are the Get-Mailbox property table:
// Exchange Online's properties in Exchange Online's Format-List order,
// with their .NET type names and how each value is computed. The first
// MailboxObject builds it (mailboxTableOnce), not start-up.
var (
	mailboxSchema    *object.Schema
	mailboxGetters   []func(*mbxView) any
	mailboxTableOnce sync.Once
)

func buildMailboxTable() {
	// The table has some 230 properties: room for them from the start
	// rather than growing three slices step by step.
	const room = 256
	names, types := make([]string, 0, room), make([]string, 0, room)
	mailboxGetters = make([]func(*mbxView) any, 0, room)
	add := func(name, typ string, get func(*mbxView) any) {
		names = append(names, name)
		types = append(types, typ)
		mailboxGetters = append(mailboxGetters, get)
	}
	add("Database", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.Database) })
	add("DatabaseGuid", tGuid, func(v *mbxView) any { return guidValue(v.dbGuid()) })
	add("MailboxProvisioningConstraint", tStr, func(*mbxView) any { return nil })
	add("IsMonitoringMailbox", tBool, func(*mbxView) any { return false })
	add("MailboxRegion", tStr, func(*mbxView) any { return nil })
	add("MailboxRegionLastUpdateTime", tNDate, func(*mbxView) any { return nil })
	add("MailboxRegionSuffix", tStr, func(*mbxView) any { return "None" })
	add("MessageRecallProcessingEnabled", tBool, func(*mbxView) any { return true })
	add("MessageCopyForSentAsEnabled", tBool, func(*mbxView) any { return false })
	add("MessageCopyForSendOnBehalfEnabled", tBool, func(*mbxView) any { return false })
	add("MailboxProvisioningPreferences", tList, func(*mbxView) any { return list() })
	add("UseDatabaseRetentionDefaults", tBool, func(*mbxView) any { return false })
	add("RetainDeletedItemsUntilBackup", tBool, func(*mbxView) any { return false })
	add("DeliverToMailboxAndForward", tBool, func(v *mbxView) any { return v.m.DeliverToMailboxAndForward })
	add("IsExcludedFromServingHierarchy", tBool, func(*mbxView) any { return false })
	add("IsHierarchyReady", tBool, func(*mbxView) any { return false })
	add("IsHierarchySyncEnabled", tBool, func(*mbxView) any { return false })
	add("IsPublicFolderSystemMailbox", tBool, func(*mbxView) any { return false })
	add("HasSnackyAppData", tBool, func(*mbxView) any { return false })
	add("LitigationHoldEnabled", tBool, func(v *mbxView) any { return v.m.LitigationHoldEnabled })
	add("SingleItemRecoveryEnabled", tBool, func(v *mbxView) any { return v.m.SingleItemRecoveryEnabled })
	add("RetentionHoldEnabled", tBool, func(v *mbxView) any { return v.m.RetentionHoldEnabled })
	add("EndDateForRetentionHold", tNDate, func(v *mbxView) any { return optTime(v.m.EndDateForRetentionHold) })
	add("StartDateForRetentionHold", tNDate, func(v *mbxView) any { return optTime(v.m.StartDateForRetentionHold) })
	add("RetentionComment", tStr, func(*mbxView) any { return nil })
	add("RetentionUrl", tStr, func(*mbxView) any { return nil })
	add("LitigationHoldDate", tNDate, func(v *mbxView) any { return optTime(v.m.LitigationHoldDate) })
	add("LitigationHoldOwner", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.LitigationHoldOwner) })
	add("ElcProcessingDisabled", tBool, func(*mbxView) any { return false })
	add("ComplianceTagHoldApplied", tBool, func(v *mbxView) any { return v.m.ComplianceTagHoldApplied })
	add("WasInactiveMailbox", tBool, func(v *mbxView) any { return v.m.WasInactiveMailbox })
	add("DelayHoldApplied", tBool, func(v *mbxView) any { return v.m.DelayHoldApplied })
	add("DelayReleaseHoldApplied", tBool, func(v *mbxView) any { return v.m.DelayReleaseHoldApplied })
	add("PitrEnabled", tBool, func(*mbxView) any { return false })
	add("PitrCopyIntervalInSeconds", tInt, func(*mbxView) any { return 0 })
	add("PitrPaused", tBool, func(*mbxView) any { return false })
	add("PitrPausedTimestamp", tNDate, func(*mbxView) any { return nil })
	add("PitrOffboardedTimestamp", tNDate, func(*mbxView) any { return nil })
	add("InactiveMailboxRetireTime", tNDate, func(v *mbxView) any { return optTime(v.m.InactiveMailboxRetireTime) })
	add("OrphanSoftDeleteTrackingTime", tNDate, func(*mbxView) any { return nil })
	add("LitigationHoldDuration", tStr, func(v *mbxView) any { return spanValue(v.m.LitigationHoldDuration) })
	add("ManagedFolderMailboxPolicy", tStr, func(*mbxView) any { return nil })
	add("RetentionPolicy", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.RetentionPolicy) })
	add("AddressBookPolicy", tStr, func(*mbxView) any { return nil })
	add("CalendarRepairDisabled", tBool, func(*mbxView) any { return false })
	add("ExchangeGuid", tGuid, func(v *mbxView) any { return guidValue(v.m.ExchangeGuid) })
	add("MailboxContainerGuid", tGuid, func(*mbxView) any { return nil })
	add("UnifiedMailbox", tStr, func(*mbxView) any { return nil })
	add("MailboxLocations", tList, func(v *mbxView) any { return v.locations() })
	add("AggregatedMailboxGuids", tList, func(*mbxView) any { return list() })
	add("ExchangeSecurityDescriptor", tStr, func(*mbxView) any { return "System.Security.AccessControl.RawSecurityDescriptor" })
	add("ExchangeUserAccountControl", tStr, func(v *mbxView) any { return v.userAccountControl() })
	add("AdminDisplayVersion", tStr, func(*mbxView) any { return "Version 15.20 (Build 7452.28)" })
	add("MessageTrackingReadStatusEnabled", tBool, func(*mbxView) any { return true })
	add("ExternalOofOptions", tStr, func(*mbxView) any { return "External" })
	add("ForwardingAddress", tStr, func(*mbxView) any { return nil })
	add("ForwardingSmtpAddress", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.ForwardingSmtpAddress) })
	add("RetainDeletedItemsFor", tSpan, func(v *mbxView) any { return timeSpan(v.m.RetainDeletedItemsFor.D) })
	add("IsMailboxEnabled", tBool, func(*mbxView) any { return true })
	add("Languages", tList, func(*mbxView) any { return list() })
	add("OfflineAddressBook", tStr, func(*mbxView) any { return nil })
	add("ProhibitSendQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ProhibitSendQuota) })
	add("ProhibitSendReceiveQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ProhibitSendReceiveQuota) })
	add("RecoverableItemsQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.RecoverableItemsQuota) })
	add("RecoverableItemsWarningQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.RecoverableItemsWarningQuota) })
	add("CalendarLoggingQuota", tQuota, func(*mbxView) any { return quotaValue(directory.GBQuota(6)) })
	add("DowngradeHighPriorityMessagesEnabled", tBool, func(*mbxView) any { return false })
	add("ProtocolSettings", tList, func(*mbxView) any { return fixedList(protocolSettings) })
	add("RecipientLimits", tStr, func(*mbxView) any { return "500" })
	add("ImListMigrationCompleted", tBool, func(*mbxView) any { return false })
	add("SiloName", tStr, func(*mbxView) any { return nil })
	add("IsResource", tBool, func(v *mbxView) any { return v.isResource() })
	add("IsLinked", tBool, func(*mbxView) any { return false })
	add("IsShared", tBool, func(v *mbxView) any { return v.isShared() })
	add("IsRootPublicFolderMailbox", tBool, func(*mbxView) any { return false })
	add("LinkedMasterAccount", tStr, func(*mbxView) any { return nil })
	add("ResetPasswordOnNextLogon", tBool, func(v *mbxView) any { return v.mustChangePassword() })
	add("ResourceCapacity", "System.Nullable`1[[System.Int32]]", func(*mbxView) any { return nil })
	add("ResourceCustom", tList, func(*mbxView) any { return list() })
	add("ResourceType", tStr, func(v *mbxView) any { return v.resourceType() })
	add("RoomMailboxAccountEnabled", "System.Nullable`1[[System.Boolean]]", func(v *mbxView) any { return v.roomAccount() })
	add("SamAccountName", tStr, func(v *mbxView) any { return v.samAccountName() })
	for _, n := range []string{"SCLDeleteThreshold", "SCLDeleteEnabled", "SCLRejectThreshold", "SCLRejectEnabled", "SCLQuarantineThreshold", "SCLQuarantineEnabled", "SCLJunkThreshold", "SCLJunkEnabled"} {
		typ := "System.Nullable`1[[System.Int32]]"
		if strings.HasSuffix(n, "Enabled") {
			typ = "System.Nullable`1[[System.Boolean]]"
		}
		add(n, typ, func(*mbxView) any { return nil })
	}
	add("AntispamBypassEnabled", tBool, func(*mbxView) any { return false })
	add("ServerLegacyDN", tStr, func(v *mbxView) any {
		return "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=" + strings.ToUpper(v.m.ServerName)
	})
	add("ServerName", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.ServerName) })
	add("UseDatabaseQuotaDefaults", tBool, func(*mbxView) any { return false })
	add("IssueWarningQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.IssueWarningQuota) })
	add("RulesQuota", tSize, func(*mbxView) any { return sizeValue(256 * directory.KB) })
	add("Office", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.office()) })
	add("UserPrincipalName", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.UserPrincipalName) })
	add("UMEnabled", tBool, func(*mbxView) any { return false })
	add("MaxSafeSenders", "System.Nullable`1[[System.Int32]]", func(*mbxView) any { return nil })
	add("MaxBlockedSenders", "System.Nullable`1[[System.Int32]]", func(*mbxView) any { return nil })
	add("NetID", tStr, func(v *mbxView) any { return v.netID() })
	add("ReconciliationId", tStr, func(*mbxView) any { return nil })
	add("WindowsLiveID", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.WindowsLiveID) })
	add("MicrosoftOnlineServicesID", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.MicrosoftOnlineServicesID) })
	add("ThrottlingPolicy", tStr, func(*mbxView) any { return nil })
	add("RoleAssignmentPolicy", tStr, func(*mbxView) any { return "Default Role Assignment Policy" })
	add("DefaultPublicFolderMailbox", tStr, func(*mbxView) any { return nil })
	add("EffectivePublicFolderMailbox", tStr, func(*mbxView) any { return nil })
	add("SharingPolicy", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.e.sharing.Of(v.m.Guid)) })
	add("RemoteAccountPolicy", tStr, func(*mbxView) any { return nil })
	add("MailboxPlan", tStr, func(v *mbxView) any { return "ExchangeOnlineEnterprise-" + v.orgGuid() })
	add("ArchiveDatabase", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.ArchiveDatabase) })
	add("ArchiveDatabaseGuid", tGuid, func(v *mbxView) any { return guidValue(v.archDBGuid()) })
	add("ArchiveGuid", tGuid, func(v *mbxView) any { return guidValue(orZero(v.m.ArchiveGuid)) })
	add("ArchiveName", tList, func(v *mbxView) any { return v.archiveName() })
	add("JournalArchiveAddress", tStr, func(*mbxView) any { return nil })
	add("ArchiveQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ArchiveQuota) })
	add("ArchiveWarningQuota", tQuota, func(v *mbxView) any { return quotaValue(v.m.ArchiveWarningQuota) })
	add("ArchiveDomain", tStr, func(*mbxView) any { return nil })
	add("ArchiveStatus", tStr, func(v *mbxView) any { return v.archiveStatus() })
	add("ArchiveState", tStr, func(v *mbxView) any { return v.archiveState() })
	add("AutoExpandingArchiveEnabled", tBool, func(v *mbxView) any { return v.m.AutoExpandingArchiveEnabled })
	add("DisabledMailboxLocations", tBool, func(*mbxView) any { return false })
	add("RemoteRecipientType", tStr, func(*mbxView) any { return "None" })
	add("DisabledArchiveDatabase", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.DisabledArchiveDatabase) })
	add("DisabledArchiveGuid", tGuid, func(v *mbxView) any { return guidValue(orZero(v.m.DisabledArchiveGuid)) })
	add("QueryBaseDN", tStr, func(*mbxView) any { return nil })
	add("QueryBaseDNRestrictionEnabled", tBool, func(*mbxView) any { return false })
	add("MailboxMoveTargetMDB", tStr, func(*mbxView) any { return nil })
	add("MailboxMoveSourceMDB", tStr, func(*mbxView) any { return nil })
	add("MailboxMoveFlags", tStr, func(*mbxView) any { return "None" })
	add("MailboxMoveRemoteHostName", tStr, func(*mbxView) any { return nil })
	add("MailboxMoveBatchName", tStr, func(*mbxView) any { return nil })
	add("MailboxMoveStatus", tStr, func(*mbxView) any { return "None" })
	add("MailboxRelease", tStr, func(*mbxView) any { return nil })
	add("ArchiveRelease", tStr, func(*mbxView) any { return nil })
	add("IsPersonToPersonTextMessagingEnabled", tBool, func(*mbxView) any { return false })
	add("IsMachineToPersonTextMessagingEnabled", tBool, func(v *mbxView) any { return !v.isShared() && !v.isResource() })
	add("UserSMimeCertificate", tList, func(*mbxView) any { return list() })
	add("UserCertificate", tList, func(*mbxView) any { return list() })
	add("CalendarVersionStoreDisabled", tBool, func(*mbxView) any { return false })
	add("ImmutableId", tStr, func(*mbxView) any { return nil })
	add("PersistedCapabilities", tList, func(v *mbxView) any { return v.capabilities() })
	add("SKUAssigned", "System.Nullable`1[[System.Boolean]]", func(v *mbxView) any { return v.skuAssigned() })
	add("AuditEnabled", tBool, func(v *mbxView) any { return v.m.AuditEnabled })
	add("AuditLogAgeLimit", tSpan, func(*mbxView) any { return timeSpan(90 * store.Day) })
	add("AuditAdmin", tList, func(*mbxView) any { return fixedList(auditAdmin) })
	add("AuditDelegate", tList, func(*mbxView) any { return fixedList(auditDelegate) })
	add("AuditOwner", tList, func(*mbxView) any { return fixedList(auditOwner) })
	add("DefaultAuditSet", tList, func(*mbxView) any { return fixedList(defaultAuditSet) })
	add("WhenMailboxCreated", tDate, func(v *mbxView) any { return v.m.WhenMailboxCreated.UTC() })
	add("SourceAnchor", tStr, func(*mbxView) any { return nil })
	add("UsageLocation", tStr, func(v *mbxView) any { return exo.NilIfEmpty(usageLocationName(v.m.UsageLocation)) })
	add("IsSoftDeletedByRemove", tBool, func(v *mbxView) any { return v.m.IsDeleted() })
	add("IsSoftDeletedByDisable", tBool, func(*mbxView) any { return false })
	add("IsInactiveMailbox", tBool, func(v *mbxView) any { return v.m.IsInactiveMailbox })
	add("IncludeInGarbageCollection", tBool, func(*mbxView) any { return false })
	add("WhenSoftDeleted", tNDate, func(v *mbxView) any { return optTime(v.m.WhenSoftDeleted) })
	add("InPlaceHolds", tList, func(v *mbxView) any { return list(v.m.InPlaceHolds...) })
	add("GeneratedOfflineAddressBooks", tList, func(*mbxView) any { return list() })
	add("AccountDisabled", tBool, func(v *mbxView) any { return v.m.AccountDisabled || v.isShared() || v.isResource() })
	add("StsRefreshTokensValidFrom", tNDate, func(v *mbxView) any { return v.m.WhenCreated.UTC() })
	add("NonCompliantDevices", tList, func(*mbxView) any { return list() })
	add("EnforcedTimestamps", tStr, func(*mbxView) any { return nil })
	add("DataEncryptionPolicy", tStr, func(*mbxView) any { return nil })
	add("MessageCopyForSMTPClientSubmissionEnabled", tBool, func(*mbxView) any { return true })
	add("RecipientThrottlingThreshold", tStr, func(*mbxView) any { return "Standard" })
	add("SharedEmailDomainTenant", tStr, func(*mbxView) any { return nil })
	add("SharedEmailDomainState", tStr, func(*mbxView) any { return "None" })
	add("SharedWithTargetSmtpAddress", tStr, func(*mbxView) any { return nil })
	add("SharedEmailDomainStateLastModified", tNDate, func(*mbxView) any { return nil })
	add("EmailAddressDisplayNames", tList, func(*mbxView) any { return list() })
	add("ResourceProvisioningOptions", tList, func(*mbxView) any { return list() })
	add("Extensions", tList, func(*mbxView) any { return list() })
	add("HasPicture", tBool, func(*mbxView) any { return false })
	add("HasSpokenName", tBool, func(*mbxView) any { return false })
	add("IsDirSynced", tBool, func(*mbxView) any { return false })
	add("AcceptMessagesOnlyFrom", tList, func(*mbxView) any { return list() })
	add("AcceptMessagesOnlyFromDLMembers", tList, func(*mbxView) any { return list() })
	add("AcceptMessagesOnlyFromSendersOrMembers", tList, func(*mbxView) any { return list() })
	add("AddressListMembership", tList, func(v *mbxView) any { return v.addressLists() })
	add("AdministrativeUnits", tList, func(*mbxView) any { return list() })
	add("Alias", tStr, func(v *mbxView) any { return v.m.Alias })
	add("ArbitrationMailbox", tStr, func(*mbxView) any { return nil })
	add("BypassModerationFromSendersOrMembers", tList, func(*mbxView) any { return list() })
	add("OrganizationalUnit", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.OrganizationalUnit) })
	// CustomAttribute1 to 15 in the order of their names
	for _, n := range [...]string{"CustomAttribute1", "CustomAttribute10", "CustomAttribute11", "CustomAttribute12",
		"CustomAttribute13", "CustomAttribute14", "CustomAttribute15", "CustomAttribute2", "CustomAttribute3",
		"CustomAttribute4", "CustomAttribute5", "CustomAttribute6", "CustomAttribute7", "CustomAttribute8", "CustomAttribute9"} {
		add(n, tStr, func(*mbxView) any { return nil })
	}
	for _, n := range [...]string{"ExtensionCustomAttribute1", "ExtensionCustomAttribute2", "ExtensionCustomAttribute3",
		"ExtensionCustomAttribute4", "ExtensionCustomAttribute5"} {
		add(n, tList, func(*mbxView) any { return list() })
	}
	add("DisplayName", tStr, func(v *mbxView) any { return v.m.DisplayName })
	add("EmailAddresses", tList, func(v *mbxView) any { return list(v.named().EmailAddresses...) })
	add("GrantSendOnBehalfTo", tList, func(*mbxView) any { return list() })
	add("ExternalDirectoryObjectId", tStr, func(v *mbxView) any { return exo.NilIfEmpty(v.m.ExternalDirectoryObjectId) })
	add("HiddenFromAddressListsEnabled", tBool, func(v *mbxView) any { return v.m.HiddenFromAddressListsEnabled })
	add("LastExchangeChangedTime", tNDate, func(*mbxView) any { return nil })
	add("LegacyExchangeDN", tStr, func(v *mbxView) any { return v.named().LegacyExchangeDN })
	add("MaxSendSize", tQuota, func(v *mbxView) any { return quotaValue(v.m.MaxSendSize) })
	add("MaxReceiveSize", tQuota, func(v *mbxView) any { return quotaValue(v.m.MaxReceiveSize) })
	add("ModeratedBy", tList, func(*mbxView) any { return list() })
	add("ModerationEnabled", tBool, func(*mbxView) any { return false })
	add("PoliciesIncluded", tList, func(v *mbxView) any { return list(derivedGuid("eap", v.orgGuid()), defaultEmailAddressPolicy) })
	add("PoliciesExcluded", tList, func(*mbxView) any { return list() })
	add("EmailAddressPolicyEnabled", tBool, func(*mbxView) any { return true })
	add("PrimarySmtpAddress", tStr, func(v *mbxView) any { return v.m.PrimarySmtpAddress })
	add("RecipientType", tStr, func(v *mbxView) any { return v.m.RecipientType })
	add("RecipientTypeDetails", tStr, func(v *mbxView) any { return v.m.RecipientTypeDetails })
	add("RejectMessagesFrom", tList, func(*mbxView) any { return list() })
	add("RejectMessagesFromDLMembers", tList, func(*mbxView) any { return list() })
	add("RejectMessagesFromSendersOrMembers", tList, func(*mbxView) any { return list() })
	add("RequireSenderAuthenticationEnabled", tBool, func(v *mbxView) any { return v.isResource() })
	add("SimpleDisplayName", tStr, func(*mbxView) any { return nil })
	add("SendModerationNotifications", tStr, func(*mbxView) any { return "Always" })
	add("UMDtmfMap", tList, func(v *mbxView) any {
		return list("emailAddress:"+dtmf(v.localPart()), "lastNameFirstName:"+dtmf(v.m.LastName+v.m.FirstName), "firstNameLastName:"+dtmf(v.m.FirstName+v.m.LastName))
	})
	add("WindowsEmailAddress", tStr, func(v *mbxView) any { return v.m.PrimarySmtpAddress })
	add("MailTip", tStr, func(*mbxView) any { return nil })
	add("MailTipTranslations", tList, func(*mbxView) any { return list() })
	add("Identity", tStr, func(v *mbxView) any { return v.m.Identity() })
	add("Id", tStr, func(v *mbxView) any { return v.m.Identity() })
	add("IsValid", tBool, func(*mbxView) any { return true })
	add("ExchangeVersion", tStr, func(*mbxView) any { return "0.20 (15.0.0.0)" })
	add("Name", tStr, func(v *mbxView) any { return v.m.Name })
	add("DistinguishedName", tStr, func(v *mbxView) any { return v.named().DistinguishedName })
	add("ObjectCategory", tStr, func(v *mbxView) any { return v.forest() + "/Configuration/Schema/Person" })
	add("ObjectClass", tList, func(*mbxView) any { return fixedList(userClasses) })
	add("WhenChanged", tDate, func(v *mbxView) any { return v.m.WhenChanged.UTC() })
	add("WhenCreated", tDate, func(v *mbxView) any { return v.m.WhenCreated.UTC() })
	add("WhenChangedUTC", tDate, func(v *mbxView) any { return v.m.WhenChanged.UTC() })
	add("WhenCreatedUTC", tDate, func(v *mbxView) any { return v.m.WhenCreated.UTC() })
	add("ExchangeObjectId", tGuid, func(v *mbxView) any { return guidValue(v.m.Guid) })
	add("OrganizationalUnitRoot", tStr, func(v *mbxView) any { return v.tenant() })
	add("OrganizationId", tStr, func(v *mbxView) any { return organizationID(v.part(), v.tenant()) })
	add("Guid", tGuid, func(v *mbxView) any { return guidValue(v.m.Guid) })
	add("OriginatingServer", tStr, func(v *mbxView) any {
		n := 10 + int(derived("dc", v.m.Guid)[0])%90 // two digits, shown as three
		return v.part() + "DC0" + strconv.Itoa(n) + "." + v.forest()
	})
	add("ObjectState", tStr, func(*mbxView) any { return "Unchanged" })
	// the names are distinct (a test checks): the table that finds one
	// is made when a name is first looked up
	mailboxSchema = object.NewUniqueSchema(names, types)
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

func mailboxObjectOf(v *mbxView) *object.PSObject {
	mailboxTableOnce.Do(buildMailboxTable)
	o := object.NewLazyObject(mailboxSchema, v.value, mailboxTypeNames...)
	o.ToStringFunc = v.m.Identity
	return o
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

// exoMinimum is the Get-EXOMailbox Minimum property set in the order the
// module shows it.
var exoMinimum = []string{"ExternalDirectoryObjectId", "UserPrincipalName", "Alias", "DisplayName", "EmailAddresses",
	"PrimarySmtpAddress", "RecipientType", "RecipientTypeDetails", "Identity", "Id", "ExchangeVersion", "Name",
	"DistinguishedName", "OrganizationId", "Guid"}

// exoPropertySets lists the properties of each Get-EXOMailbox property set
// beyond Minimum.
var exoPropertySets = lazy.Value[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
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
	}
}}

// EXOMailboxObject projects a full mailbox object onto the properties
// Get-EXOMailbox returns: Minimum always (asking for sets or properties
// adds to it, never replaces it), then the requested sets and properties.
func EXOMailboxObject(full *object.PSObject, sets, props []string) *object.PSObject {
	var names []string
	seen := map[string]bool{}
	addName := func(n string) {
		k := strings.ToLower(n)
		if !seen[k] {
			seen[k] = true
			names = append(names, n)
		}
	}
	all := false
	for _, s := range sets {
		if strings.EqualFold(s, "All") {
			all = true
		}
	}
	for _, n := range exoMinimum {
		addName(n)
	}
	for _, s := range sets {
		for k, v := range exoPropertySets.Get() {
			if strings.EqualFold(k, s) {
				for _, n := range v {
					addName(n)
				}
			}
		}
	}
	for _, p := range props {
		if pr := full.Property(p); pr != nil {
			addName(pr.Name)
		}
	}
	o := object.NewObject(TypeEXOMailbox, "Deserialized.System.Object")
	if all {
		for _, p := range full.Properties() {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	} else {
		for _, n := range names {
			if p := full.Property(n); p != nil {
				o.AddTyped(p.Name, p.TypeName, p.Get())
			}
		}
	}
	o.ToStringFunc = full.ToStringFunc
	return o
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
		"countryorregion": "CountryOrRegion", "mobilephone": "MobilePhone", "firstname": "FirstName", "lastname": "LastName"}
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
