package mailbox

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
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
	org  *store.Organization
	user *store.User // nil when the account is gone
}

// derived makes a stable value from a mailbox's identity (GUIDs of
// databases, NetID, SamAccountName ...).
func derived(parts ...string) []byte {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return h[:]
}

func derivedGuid(parts ...string) string {
	b := derived(parts...)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func partition(o *store.Organization) string {
	if o == nil || o.DirectoryPartition == "" {
		return store.SeedPartition
	}
	return o.DirectoryPartition
}

func tenantName(o *store.Organization) string {
	if o == nil || o.Name == "" {
		return store.SeedTenantName
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

// prop is one property of an object under construction.
type prop struct {
	name, typ string
	value     any
}

// builder collects properties in order.
type builder struct{ props []prop }

func (b *builder) add(name, typ string, v any) { b.props = append(b.props, prop{name, typ, v}) }

func (b *builder) object(typeNames []string, extra map[string]store.RawValue) *object.PSObject {
	o := object.NewObject(typeNames...)
	for _, p := range b.props {
		v := p.value
		if raw, ok := extra[p.name]; ok {
			v = extraValue(raw)
		}
		o.AddTyped(p.name, p.typ, v)
	}
	return o
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
)

// auditActions are the default mailbox audit actions per logon type.
var (
	auditAdmin    = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"}
	auditDelegate = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "ApplyRecord", "MailItemsAccessed"}
	auditOwner    = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"}
)

// DefaultEmailAddressPolicy is the GUID Exchange uses for the default
// email address policy in PoliciesIncluded.
const defaultEmailAddressPolicy = "{26491cfc-9e50-4857-861b-0cb8df22b5d7}"

// MailboxObject is the Get-Mailbox object of a mailbox, with Exchange
// Online's properties in Exchange Online's Format-List order.
func MailboxObject(m *store.Mailbox, e env) *object.PSObject {
	var b builder
	part := partition(e.org)
	tenant := tenantName(e.org)
	dbGuid := derivedGuid("db", m.Database)
	archDBGuid := store.ZeroGuid
	if m.ArchiveDatabase != "" {
		archDBGuid = derivedGuid("db", m.ArchiveDatabase)
	}
	rtd := m.RecipientTypeDetails
	isShared := rtd == store.RecipientSharedMailbox
	isResource := rtd == "RoomMailbox" || rtd == "EquipmentMailbox"
	office := ""
	if e.user != nil {
		office = e.user.Office
	}
	b.add("Database", tStr, strOrNil(m.Database))
	b.add("DatabaseGuid", tGuid, guidValue(dbGuid))
	b.add("MailboxProvisioningConstraint", tStr, nil)
	b.add("IsMonitoringMailbox", tBool, false)
	b.add("MailboxRegion", tStr, nil)
	b.add("MailboxRegionLastUpdateTime", tNDate, nil)
	b.add("MailboxRegionSuffix", tStr, "None")
	b.add("MessageRecallProcessingEnabled", tBool, true)
	b.add("MessageCopyForSentAsEnabled", tBool, false)
	b.add("MessageCopyForSendOnBehalfEnabled", tBool, false)
	b.add("MailboxProvisioningPreferences", tList, list())
	b.add("UseDatabaseRetentionDefaults", tBool, false)
	b.add("RetainDeletedItemsUntilBackup", tBool, false)
	b.add("DeliverToMailboxAndForward", tBool, m.DeliverToMailboxAndForward)
	b.add("IsExcludedFromServingHierarchy", tBool, false)
	b.add("IsHierarchyReady", tBool, false)
	b.add("IsHierarchySyncEnabled", tBool, false)
	b.add("IsPublicFolderSystemMailbox", tBool, false)
	b.add("HasSnackyAppData", tBool, false)
	b.add("LitigationHoldEnabled", tBool, m.LitigationHoldEnabled)
	b.add("SingleItemRecoveryEnabled", tBool, m.SingleItemRecoveryEnabled)
	b.add("RetentionHoldEnabled", tBool, m.RetentionHoldEnabled)
	b.add("EndDateForRetentionHold", tNDate, optTime(m.EndDateForRetentionHold))
	b.add("StartDateForRetentionHold", tNDate, optTime(m.StartDateForRetentionHold))
	b.add("RetentionComment", tStr, nil)
	b.add("RetentionUrl", tStr, nil)
	b.add("LitigationHoldDate", tNDate, optTime(m.LitigationHoldDate))
	b.add("LitigationHoldOwner", tStr, strOrNil(m.LitigationHoldOwner))
	b.add("ElcProcessingDisabled", tBool, false)
	b.add("ComplianceTagHoldApplied", tBool, m.ComplianceTagHoldApplied)
	b.add("WasInactiveMailbox", tBool, m.WasInactiveMailbox)
	b.add("DelayHoldApplied", tBool, m.DelayHoldApplied)
	b.add("DelayReleaseHoldApplied", tBool, m.DelayReleaseHoldApplied)
	b.add("PitrEnabled", tBool, false)
	b.add("PitrCopyIntervalInSeconds", tInt, 0)
	b.add("PitrPaused", tBool, false)
	b.add("PitrPausedTimestamp", tNDate, nil)
	b.add("PitrOffboardedTimestamp", tNDate, nil)
	b.add("InactiveMailboxRetireTime", tNDate, optTime(m.InactiveMailboxRetireTime))
	b.add("OrphanSoftDeleteTrackingTime", tNDate, nil)
	b.add("LitigationHoldDuration", tStr, spanValue(m.LitigationHoldDuration))
	b.add("ManagedFolderMailboxPolicy", tStr, nil)
	b.add("RetentionPolicy", tStr, strOrNil(m.RetentionPolicy))
	b.add("AddressBookPolicy", tStr, nil)
	b.add("CalendarRepairDisabled", tBool, false)
	b.add("ExchangeGuid", tGuid, guidValue(m.ExchangeGuid))
	b.add("MailboxContainerGuid", tGuid, nil)
	b.add("UnifiedMailbox", tStr, nil)
	forest := part + ".PROD.OUTLOOK.COM"
	locs := list("1;" + m.ExchangeGuid + ";Primary;" + forest + ";" + dbGuid)
	if m.ArchiveStatus == "Active" {
		locs = append(locs, "1;"+m.ArchiveGuid+";MainArchive;"+forest+";"+archDBGuid)
	}
	b.add("MailboxLocations", tList, locs)
	b.add("AggregatedMailboxGuids", tList, list())
	b.add("ExchangeSecurityDescriptor", tStr, "System.Security.AccessControl.RawSecurityDescriptor")
	uac := "None"
	if m.AccountDisabled || isShared || isResource {
		uac = "AccountDisabled"
	}
	b.add("ExchangeUserAccountControl", tStr, uac)
	b.add("AdminDisplayVersion", tStr, "Version 15.20 (Build 7452.28)")
	b.add("MessageTrackingReadStatusEnabled", tBool, true)
	b.add("ExternalOofOptions", tStr, "External")
	b.add("ForwardingAddress", tStr, nil)
	b.add("ForwardingSmtpAddress", tStr, strOrNil(m.ForwardingSmtpAddress))
	b.add("RetainDeletedItemsFor", tSpan, timeSpan(m.RetainDeletedItemsFor.D))
	b.add("IsMailboxEnabled", tBool, true)
	b.add("Languages", tList, list())
	b.add("OfflineAddressBook", tStr, nil)
	b.add("ProhibitSendQuota", tStr, quotaValue(m.ProhibitSendQuota))
	b.add("ProhibitSendReceiveQuota", tStr, quotaValue(m.ProhibitSendReceiveQuota))
	b.add("RecoverableItemsQuota", tStr, quotaValue(m.RecoverableItemsQuota))
	b.add("RecoverableItemsWarningQuota", tStr, quotaValue(m.RecoverableItemsWarningQuota))
	b.add("CalendarLoggingQuota", tStr, quotaValue(store.GBQuota(6)))
	b.add("DowngradeHighPriorityMessagesEnabled", tBool, false)
	b.add("ProtocolSettings", tList, list("RemotePowerShell§1", "MAPI§1§0§§§0§§§§§0", "PublicFolderClientAccess§0", "IMAP4§1§§§§§§§§§§§§", "POP3§1§§§§§§§§§§§§", "HTTP§1§1§§§§§§"))
	b.add("RecipientLimits", tStr, "500")
	b.add("ImListMigrationCompleted", tBool, false)
	b.add("SiloName", tStr, nil)
	b.add("IsResource", tBool, isResource)
	b.add("IsLinked", tBool, false)
	b.add("IsShared", tBool, isShared)
	b.add("IsRootPublicFolderMailbox", tBool, false)
	b.add("LinkedMasterAccount", tStr, nil)
	b.add("ResetPasswordOnNextLogon", tBool, e.user != nil && e.user.ForceChangePasswordNextSignIn)
	b.add("ResourceCapacity", "System.Nullable`1[[System.Int32]]", nil)
	b.add("ResourceCustom", tList, list())
	resType := any(nil)
	switch rtd {
	case "RoomMailbox":
		resType = "Room"
	case "EquipmentMailbox":
		resType = "Equipment"
	}
	b.add("ResourceType", tStr, resType)
	var roomAccount any
	if rtd == "RoomMailbox" {
		roomAccount = false
	}
	b.add("RoomMailboxAccountEnabled", "System.Nullable`1[[System.Boolean]]", roomAccount)
	sam := strings.ToUpper(hex.EncodeToString(derived("sam", m.Guid)))
	b.add("SamAccountName", tStr, "$"+sam[:6]+"-"+sam[6:18])
	for _, n := range []string{"SCLDeleteThreshold", "SCLDeleteEnabled", "SCLRejectThreshold", "SCLRejectEnabled", "SCLQuarantineThreshold", "SCLQuarantineEnabled", "SCLJunkThreshold", "SCLJunkEnabled"} {
		t := "System.Nullable`1[[System.Int32]]"
		if strings.HasSuffix(n, "Enabled") {
			t = "System.Nullable`1[[System.Boolean]]"
		}
		b.add(n, t, nil)
	}
	b.add("AntispamBypassEnabled", tBool, false)
	b.add("ServerLegacyDN", tStr, "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn="+strings.ToUpper(m.ServerName))
	b.add("ServerName", tStr, strOrNil(m.ServerName))
	b.add("UseDatabaseQuotaDefaults", tBool, false)
	b.add("IssueWarningQuota", tStr, quotaValue(m.IssueWarningQuota))
	b.add("RulesQuota", tStr, quotaValue(store.Quota(256*store.KB)))
	b.add("Office", tStr, strOrNil(office))
	b.add("UserPrincipalName", tStr, strOrNil(m.UserPrincipalName))
	b.add("UMEnabled", tBool, false)
	b.add("MaxSafeSenders", "System.Nullable`1[[System.Int32]]", nil)
	b.add("MaxBlockedSenders", "System.Nullable`1[[System.Int32]]", nil)
	netID := strings.ToUpper(hex.EncodeToString(derived("netid", m.Guid)))[:16]
	b.add("NetID", tStr, netID)
	b.add("ReconciliationId", tStr, nil)
	b.add("WindowsLiveID", tStr, strOrNil(m.WindowsLiveID))
	b.add("MicrosoftOnlineServicesID", tStr, strOrNil(m.MicrosoftOnlineServicesID))
	b.add("ThrottlingPolicy", tStr, nil)
	b.add("RoleAssignmentPolicy", tStr, "Default Role Assignment Policy")
	b.add("DefaultPublicFolderMailbox", tStr, nil)
	b.add("EffectivePublicFolderMailbox", tStr, nil)
	b.add("SharingPolicy", tStr, "Default Sharing Policy")
	b.add("RemoteAccountPolicy", tStr, nil)
	orgGuid := ""
	if e.org != nil {
		orgGuid = e.org.Guid
	}
	b.add("MailboxPlan", tStr, "ExchangeOnlineEnterprise-"+orgGuid)
	b.add("ArchiveDatabase", tStr, strOrNil(m.ArchiveDatabase))
	b.add("ArchiveDatabaseGuid", tGuid, guidValue(archDBGuid))
	b.add("ArchiveGuid", tGuid, guidValue(orZero(m.ArchiveGuid)))
	archName := list()
	if m.ArchiveName != "" {
		archName = list(m.ArchiveName)
	}
	b.add("ArchiveName", tList, archName)
	b.add("JournalArchiveAddress", tStr, nil)
	b.add("ArchiveQuota", tStr, quotaValue(m.ArchiveQuota))
	b.add("ArchiveWarningQuota", tStr, quotaValue(m.ArchiveWarningQuota))
	b.add("ArchiveDomain", tStr, nil)
	status := m.ArchiveStatus
	if status == "" {
		status = "None"
	}
	b.add("ArchiveStatus", tStr, status)
	state := "None"
	if status == "Active" {
		state = "Local"
	}
	b.add("ArchiveState", tStr, state)
	b.add("AutoExpandingArchiveEnabled", tBool, m.AutoExpandingArchiveEnabled)
	b.add("DisabledMailboxLocations", tBool, false)
	b.add("RemoteRecipientType", tStr, "None")
	b.add("DisabledArchiveDatabase", tStr, nil)
	b.add("DisabledArchiveGuid", tGuid, guidValue(store.ZeroGuid))
	b.add("QueryBaseDN", tStr, nil)
	b.add("QueryBaseDNRestrictionEnabled", tBool, false)
	b.add("MailboxMoveTargetMDB", tStr, nil)
	b.add("MailboxMoveSourceMDB", tStr, nil)
	b.add("MailboxMoveFlags", tStr, "None")
	b.add("MailboxMoveRemoteHostName", tStr, nil)
	b.add("MailboxMoveBatchName", tStr, nil)
	b.add("MailboxMoveStatus", tStr, "None")
	b.add("MailboxRelease", tStr, nil)
	b.add("ArchiveRelease", tStr, nil)
	b.add("IsPersonToPersonTextMessagingEnabled", tBool, false)
	b.add("IsMachineToPersonTextMessagingEnabled", tBool, !isShared && !isResource)
	b.add("UserSMimeCertificate", tList, list())
	b.add("UserCertificate", tList, list())
	b.add("CalendarVersionStoreDisabled", tBool, false)
	b.add("ImmutableId", tStr, nil)
	caps := list()
	var sku any
	if m.Licensed {
		caps = list("BPOS_S_Enterprise")
		sku = true
	}
	b.add("PersistedCapabilities", tList, caps)
	b.add("SKUAssigned", "System.Nullable`1[[System.Boolean]]", sku)
	b.add("AuditEnabled", tBool, m.AuditEnabled)
	b.add("AuditLogAgeLimit", tSpan, timeSpan(90*store.Day))
	b.add("AuditAdmin", tList, list(auditAdmin...))
	b.add("AuditDelegate", tList, list(auditDelegate...))
	b.add("AuditOwner", tList, list(auditOwner...))
	b.add("DefaultAuditSet", tList, list("Admin", "Delegate", "Owner"))
	b.add("WhenMailboxCreated", tDate, m.WhenMailboxCreated.UTC())
	b.add("SourceAnchor", tStr, nil)
	b.add("UsageLocation", tStr, strOrNil(usageLocationName(m.UsageLocation)))
	b.add("IsSoftDeletedByRemove", tBool, m.IsDeleted())
	b.add("IsSoftDeletedByDisable", tBool, false)
	b.add("IsInactiveMailbox", tBool, m.IsInactiveMailbox)
	b.add("IncludeInGarbageCollection", tBool, false)
	b.add("WhenSoftDeleted", tNDate, optTime(m.WhenSoftDeleted))
	holds := list(m.InPlaceHolds...)
	b.add("InPlaceHolds", tList, holds)
	b.add("GeneratedOfflineAddressBooks", tList, list())
	b.add("AccountDisabled", tBool, m.AccountDisabled || isShared || isResource)
	b.add("StsRefreshTokensValidFrom", tNDate, m.WhenCreated.UTC())
	b.add("NonCompliantDevices", tList, list())
	b.add("EnforcedTimestamps", tStr, nil)
	b.add("DataEncryptionPolicy", tStr, nil)
	b.add("MessageCopyForSMTPClientSubmissionEnabled", tBool, true)
	b.add("RecipientThrottlingThreshold", tStr, "Standard")
	b.add("SharedEmailDomainTenant", tStr, nil)
	b.add("SharedEmailDomainState", tStr, "None")
	b.add("SharedWithTargetSmtpAddress", tStr, nil)
	b.add("SharedEmailDomainStateLastModified", tNDate, nil)
	b.add("EmailAddressDisplayNames", tList, list())
	b.add("ResourceProvisioningOptions", tList, list())
	b.add("Extensions", tList, list())
	b.add("HasPicture", tBool, false)
	b.add("HasSpokenName", tBool, false)
	b.add("IsDirSynced", tBool, false)
	b.add("AcceptMessagesOnlyFrom", tList, list())
	b.add("AcceptMessagesOnlyFromDLMembers", tList, list())
	b.add("AcceptMessagesOnlyFromSendersOrMembers", tList, list())
	lists := list()
	if !m.HiddenFromAddressListsEnabled && !m.IsDeleted() {
		lists = list(`\Mailboxes(VLV)`, `\All Mailboxes(VLV)`, `\All Recipients(VLV)`, `\Default Global Address List`, `\All Users`)
	}
	b.add("AddressListMembership", tList, lists)
	b.add("AdministrativeUnits", tList, list())
	b.add("Alias", tStr, m.Alias)
	b.add("ArbitrationMailbox", tStr, nil)
	b.add("BypassModerationFromSendersOrMembers", tList, list())
	b.add("OrganizationalUnit", tStr, strOrNil(m.OrganizationalUnit))
	ca := make([]string, 0, 15)
	for i := 1; i <= 15; i++ {
		ca = append(ca, fmt.Sprintf("CustomAttribute%d", i))
	}
	sort.Strings(ca)
	for _, n := range ca {
		b.add(n, tStr, nil)
	}
	for i := 1; i <= 5; i++ {
		b.add(fmt.Sprintf("ExtensionCustomAttribute%d", i), tList, list())
	}
	b.add("DisplayName", tStr, m.DisplayName)
	b.add("EmailAddresses", tList, list(m.EmailAddresses...))
	b.add("GrantSendOnBehalfTo", tList, list())
	b.add("ExternalDirectoryObjectId", tStr, strOrNil(m.ExternalDirectoryObjectId))
	b.add("HiddenFromAddressListsEnabled", tBool, m.HiddenFromAddressListsEnabled)
	b.add("LastExchangeChangedTime", tNDate, nil)
	b.add("LegacyExchangeDN", tStr, m.LegacyExchangeDN)
	b.add("MaxSendSize", tStr, quotaValue(m.MaxSendSize))
	b.add("MaxReceiveSize", tStr, quotaValue(m.MaxReceiveSize))
	b.add("ModeratedBy", tList, list())
	b.add("ModerationEnabled", tBool, false)
	b.add("PoliciesIncluded", tList, list(derivedGuid("eap", orgGuid), defaultEmailAddressPolicy))
	b.add("PoliciesExcluded", tList, list())
	b.add("EmailAddressPolicyEnabled", tBool, true)
	b.add("PrimarySmtpAddress", tStr, m.PrimarySmtpAddress)
	b.add("RecipientType", tStr, m.RecipientType)
	b.add("RecipientTypeDetails", tStr, rtd)
	b.add("RejectMessagesFrom", tList, list())
	b.add("RejectMessagesFromDLMembers", tList, list())
	b.add("RejectMessagesFromSendersOrMembers", tList, list())
	b.add("RequireSenderAuthenticationEnabled", tBool, isResource)
	b.add("SimpleDisplayName", tStr, nil)
	b.add("SendModerationNotifications", tStr, "Always")
	local := m.PrimarySmtpAddress
	if i := strings.IndexByte(local, '@'); i >= 0 {
		local = local[:i]
	}
	b.add("UMDtmfMap", tList, list("emailAddress:"+dtmf(local), "lastNameFirstName:"+dtmf(m.LastName+m.FirstName), "firstNameLastName:"+dtmf(m.FirstName+m.LastName)))
	b.add("WindowsEmailAddress", tStr, m.PrimarySmtpAddress)
	b.add("MailTip", tStr, nil)
	b.add("MailTipTranslations", tList, list())
	b.add("Identity", tStr, m.Identity())
	b.add("Id", tStr, m.Identity())
	b.add("IsValid", tBool, true)
	b.add("ExchangeVersion", tStr, "0.20 (15.0.0.0)")
	b.add("Name", tStr, m.Name)
	b.add("DistinguishedName", tStr, m.DistinguishedName)
	b.add("ObjectCategory", tStr, forest+"/Configuration/Schema/Person")
	b.add("ObjectClass", tList, list("top", "person", "organizationalPerson", "user"))
	b.add("WhenChanged", tDate, m.WhenChanged.UTC())
	b.add("WhenCreated", tDate, m.WhenCreated.UTC())
	b.add("WhenChangedUTC", tDate, m.WhenChanged.UTC())
	b.add("WhenCreatedUTC", tDate, m.WhenCreated.UTC())
	b.add("ExchangeObjectId", tGuid, guidValue(m.Guid))
	b.add("OrganizationalUnitRoot", tStr, tenant)
	b.add("OrganizationId", tStr, organizationID(part, tenant))
	b.add("Guid", tGuid, guidValue(m.Guid))
	b.add("OriginatingServer", tStr, fmt.Sprintf("%sDC%03d.%s", part, 10+int(derived("dc", m.Guid)[0])%90, forest))
	b.add("ObjectState", tStr, "Unchanged")
	o := b.object(mailboxTypeNames, m.Extra)
	name := m.Identity()
	o.ToStringFunc = func() string { return name }
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
var exoPropertySets = map[string][]string{
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

// EXOMailboxObject projects a full mailbox object onto the properties
// Get-EXOMailbox returns: Minimum (unless other sets were asked for
// without it), then the requested sets and properties.
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
	wantMin := len(sets) == 0
	for _, s := range sets {
		switch {
		case strings.EqualFold(s, "Minimum"):
			wantMin = true
		case strings.EqualFold(s, "All"):
			all = true
		}
	}
	if wantMin {
		for _, n := range exoMinimum {
			addName(n)
		}
	}
	for _, s := range sets {
		for k, v := range exoPropertySets {
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
func RecipientObject(m *store.Mailbox, e env) *object.PSObject {
	full := MailboxObject(m, e)
	o := object.NewObject(TypeRecipient,
		"Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADRawEntry",
		"Deserialized.System.Object")
	for _, n := range []string{"ArchiveDatabase", "ArchiveGuid", "ArchiveStatus", "ArchiveState", "AddressListMembership", "Alias",
		"Database", "ServerName", "DisplayName", "EmailAddresses", "ExchangeGuid", "ExternalDirectoryObjectId",
		"HiddenFromAddressListsEnabled", "IsInactiveMailbox", "LitigationHoldEnabled", "Office", "PrimarySmtpAddress",
		"RecipientType", "RecipientTypeDetails", "RetentionPolicy", "UsageLocation", "WhenSoftDeleted", "WindowsLiveID",
		"Identity", "IsValid", "ExchangeVersion", "Name", "DistinguishedName", "Guid", "WhenChanged", "WhenCreated",
		"WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "ObjectState"} {
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	}
	name := m.Identity()
	o.ToStringFunc = func() string { return name }
	return o
}

// EXORecipientObject is the Get-EXORecipient Minimum object of a mailbox.
func EXORecipientObject(m *store.Mailbox, e env, props []string) *object.PSObject {
	full := MailboxObject(m, e)
	o := object.NewObject(TypeEXORecipient, "Deserialized.System.Object")
	names := []string{"ExternalDirectoryObjectId", "Identity", "Alias", "EmailAddresses", "DisplayName", "Name",
		"PrimarySmtpAddress", "RecipientType", "RecipientTypeDetails", "ExchangeVersion", "DistinguishedName", "OrganizationId"}
	for _, p := range props {
		if !containsFold(names, p) {
			names = append(names, p)
		}
	}
	for _, n := range names {
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	}
	o.ToStringFunc = full.ToStringFunc
	return o
}

// UserObject is the Get-User object of a mailbox's account.
func UserObject(m *store.Mailbox, e env) *object.PSObject {
	o := object.NewObject(TypeUser,
		"Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson",
		"Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject",
		"Deserialized.System.Object")
	u := e.user
	get := func(f func(*store.User) string) any {
		if u == nil {
			return nil
		}
		return strOrNil(f(u))
	}
	part := partition(e.org)
	tenant := tenantName(e.org)
	o.AddTyped("IsSecurityPrincipal", tBool, true)
	o.AddTyped("SamAccountName", tStr, "$"+strings.ToUpper(hex.EncodeToString(derived("sam", m.Guid)))[:6])
	o.AddTyped("UserPrincipalName", tStr, strOrNil(m.UserPrincipalName))
	o.AddTyped("AccountDisabled", tBool, m.AccountDisabled)
	o.AddTyped("City", tStr, get(func(u *store.User) string { return u.City }))
	o.AddTyped("Company", tStr, nil)
	o.AddTyped("CountryOrRegion", tStr, get(func(u *store.User) string { return u.Country }))
	o.AddTyped("Department", tStr, get(func(u *store.User) string { return u.Department }))
	o.AddTyped("DisplayName", tStr, m.DisplayName)
	o.AddTyped("FirstName", tStr, strOrNil(m.FirstName))
	o.AddTyped("LastName", tStr, strOrNil(m.LastName))
	o.AddTyped("MobilePhone", tStr, get(func(u *store.User) string { return u.MobilePhone }))
	o.AddTyped("Office", tStr, get(func(u *store.User) string { return u.Office }))
	o.AddTyped("Title", tStr, get(func(u *store.User) string { return u.Title }))
	o.AddTyped("Manager", tStr, nil)
	o.AddTyped("MicrosoftOnlineServicesID", tStr, strOrNil(m.MicrosoftOnlineServicesID))
	o.AddTyped("RecipientType", tStr, m.RecipientType)
	o.AddTyped("RecipientTypeDetails", tStr, m.RecipientTypeDetails)
	o.AddTyped("UsageLocation", tStr, strOrNil(usageLocationName(m.UsageLocation)))
	o.AddTyped("ExternalDirectoryObjectId", tStr, strOrNil(m.ExternalDirectoryObjectId))
	o.AddTyped("WindowsEmailAddress", tStr, m.PrimarySmtpAddress)
	o.AddTyped("WindowsLiveID", tStr, strOrNil(m.WindowsLiveID))
	o.AddTyped("IsDirSynced", tBool, false)
	o.AddTyped("ResetPasswordOnNextLogon", tBool, u != nil && u.ForceChangePasswordNextSignIn)
	o.AddTyped("Identity", tStr, m.Identity())
	o.AddTyped("Id", tStr, m.Identity())
	o.AddTyped("IsValid", tBool, true)
	o.AddTyped("ExchangeVersion", tStr, "0.20 (15.0.0.0)")
	o.AddTyped("Name", tStr, m.Name)
	o.AddTyped("DistinguishedName", tStr, m.DistinguishedName)
	o.AddTyped("ObjectClass", tList, list("top", "person", "organizationalPerson", "user"))
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
