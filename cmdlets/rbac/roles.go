package rbac

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
)

// This file is the simulator's one table of what each management role
// grants: the cmdlets (and, where it matters, the parameters) of this
// repository that a role's role entries cover. Role groups and their
// members live in the tenant (store/rbac.RoleGroup); a role group grants the
// union of its roles, limited to its service: an Exchange Online role
// group grants Exchange Online cmdlets, a Microsoft Purview role group
// Security & Compliance cmdlets (a role name such as Retention Management
// exists in both services).
//
// Sources (facts only, no wording copied): the role groups and their
// roles as Exchange Online lists them ("Permissions in Exchange Online",
// learn.microsoft.com/exchange/permissions-exo/permissions-exo) and as
// Microsoft Purview lists them ("Roles and role groups in Microsoft
// Defender for Office 365 and Microsoft Purview",
// learn.microsoft.com/defender-office-365/scc-permissions); the roles each
// cmdlet needs from the "Find the permissions required to run any Exchange
// cmdlet" procedure (Get-ManagementRole -Cmdlet). Where the product's
// mapping is finer than the simulator models, the choice is noted.

// Grant is one role entry: a cmdlet, with the parameters it covers (nil:
// every parameter except the reserved ones, see reservedParams).
type Grant struct {
	Cmdlet string
	Params []string
}

// roleGrant is one role entry seen from its cmdlet: the role, with the
// parameters the entry covers (nil: every parameter except the reserved
// ones).
type roleGrant struct {
	Role   string
	Params []string
}

// cmdletRoles is the role entries that cover one cmdlet (lower case).
type cmdletRoles struct {
	Cmdlet string
	Grants []roleGrant
}

// cmdletEntry returns the role entries that cover the cmdlet whose
// lower-case name is key (nil: none), from the role table's cmdlet index
// (zz_cmdletindex.go, checked against the table by a test).
func cmdletEntry(key []byte) *cmdletRoles {
	lo, hi := 0, len(cmdletIndex)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmdletIndex[m].Cmdlet < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(cmdletIndex) && cmdletIndex[lo].Cmdlet == string(key) {
		return &cmdletIndex[lo]
	}
	return nil
}

// Role is a management role.
type Role struct {
	Name string
	// RoleType is Get-ManagementRole's RoleType.
	RoleType    string
	Description string
	Grants      []Grant
	// Unassigned marks a role no built-in role group holds: an
	// administrator must assign it before anyone has its cmdlets.
	Unassigned bool
}

func g(cmdlets ...string) []Grant {
	out := make([]Grant, 0, len(cmdlets))
	for _, c := range cmdlets {
		out = append(out, Grant{Cmdlet: c})
	}
	return out
}

func gp(cmdlet string, params ...string) Grant { return Grant{Cmdlet: cmdlet, Params: params} }

func join(parts ...[]Grant) []Grant {
	var out []Grant
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Parameters of Set-Mailbox that only some roles grant.
var (
	// legalHoldParams: Litigation Hold and the other hold switches belong
	// to the Legal Hold role; a Recipient Management member cannot put a
	// mailbox on hold.
	legalHoldParams = []string{"LitigationHoldEnabled", "LitigationHoldDuration", "LitigationHoldOwner", "LitigationHoldDate",
		"InactiveMailbox", "RemoveDelayHoldApplied", "RemoveDelayReleaseHoldApplied", "RemoveComplianceTagHoldApplied",
		"ProvideConsent", "ExcludeFromOrgHolds", "ExcludeFromAllOrgHolds", "ExcludeFromAllHolds", "RemoveOrphanedHolds",
		"RecalculateInactiveMailbox"}
	// retentionHoldParams: retention hold (MRM) belongs to Retention
	// Management and Legal Hold.
	retentionHoldParams = []string{"RetentionHoldEnabled", "StartDateForRetentionHold", "EndDateForRetentionHold", "RetentionComment", "RetentionUrl"}
)

// reservedParams are parameters a whole-cmdlet grant does not cover; only
// a role entry that names them does: those of Set-Mailbox's holds.
var reservedParams = [...][]string{legalHoldParams, retentionHoldParams}

// roles is the role table, built the first time it is needed. Roles with
// no grants exist in the product but cover no cmdlet this simulator
// implements.
var roles = lazy.Value[[]Role]{Build: func() []Role { return withAppRoles(buildRoles()) }}

// buildRoles returns the role table.
func buildRoles() []Role {
	// Cmdlet groups shared by several roles.
	recipientReads := g("Get-Mailbox", "Get-EXOMailbox", "Get-EXOCasMailbox", "Get-EXOMailboxStatistics", "Get-EXORecipient", "Get-Recipient",
		"Get-User", "Get-MailboxStatistics", "Get-MailboxFolderStatistics", "Get-EXOMailboxFolderStatistics", "Get-MailUser",
		"Get-MailContact", "Get-Contact")
	// Places: Get-ManagementRole -Cmdlet Set-Place names Mail Recipients
	// (the Places documentation: the Exchange MailRecipients role or the
	// Places TenantPlacesManagement role, which no role group of the
	// simulator holds); View-Only Recipients reads the places as it reads
	// the rooms.
	places := g("Get-Place", "Set-Place")
	messageTrace := g("Get-MessageTrace", "Get-MessageTraceV2", "Get-MessageTraceDetail", "Get-MessageTraceDetailV2")
	// Application access policies: Get-ManagementRole -Cmdlet
	// Get-ApplicationAccessPolicy names Organization Configuration and
	// View-Only Configuration; the simulator grants the read-only Test
	// cmdlet the same way.
	appAccess := g("Get-ApplicationAccessPolicy", "New-ApplicationAccessPolicy", "Set-ApplicationAccessPolicy",
		"Remove-ApplicationAccessPolicy", "Test-ApplicationAccessPolicy")
	configReads := g("Get-ApplicationAccessPolicy", "Get-AuthenticationPolicy", "Get-EmailAddressPolicy", "Test-ApplicationAccessPolicy", "Get-OrganizationConfig", "Get-TransportConfig", "Get-JournalRule", "Get-TransportRule", "Get-IRMConfiguration", "Get-OMEConfiguration",
		"Get-RetentionPolicy", "Get-RetentionPolicyTag", "Get-MailboxDatabase", "Get-RoleGroup", "Get-RoleGroupMember",
		"Get-ManagementRole", "Get-ManagementRoleAssignment", "Get-AcceptedDomain", "Get-RemoteDomain", "Get-SharingPolicy",
		"Get-OwaMailboxPolicy", "Get-MobileDeviceMailboxPolicy", "Get-RoleAssignmentPolicy", "Get-ManagementScope", "Get-ServicePrincipal")
	auditReads := g("Search-AdminAuditLog", "Search-MailboxAuditLog", "Search-UnifiedAuditLog", "Get-AdminAuditLogConfig")
	// anti-spam: Hygiene Management's Transport Hygiene and Security
	// Administrator's Security Admin change it, Security Reader and the
	// view-only configuration read it.
	antispamReads := g("Get-HostedContentFilterPolicy", "Get-HostedContentFilterRule", "Get-HostedOutboundSpamFilterPolicy",
		"Get-HostedConnectionFilterPolicy")
	antispam := join(antispamReads, g("New-HostedContentFilterPolicy", "Set-HostedContentFilterPolicy", "Remove-HostedContentFilterPolicy",
		"New-HostedContentFilterRule", "Set-HostedContentFilterRule", "Remove-HostedContentFilterRule", "Enable-HostedContentFilterRule",
		"Disable-HostedContentFilterRule", "Set-HostedOutboundSpamFilterPolicy", "Set-HostedConnectionFilterPolicy"))
	// Defender for Office 365 (Safe Links, Safe Attachments, the preset
	// and built-in protection rules, the policy for Office 365 apps): the
	// same roles as anti-spam.
	defenderReads := g("Get-SafeLinksPolicy", "Get-SafeLinksRule", "Get-SafeAttachmentPolicy", "Get-SafeAttachmentRule",
		"Get-ATPProtectionPolicyRule", "Get-EOPProtectionPolicyRule", "Get-ATPBuiltInProtectionRule", "Get-AtpPolicyForO365")
	defenderAll := join(defenderReads, g("New-SafeLinksPolicy", "Set-SafeLinksPolicy", "Remove-SafeLinksPolicy",
		"New-SafeLinksRule", "Set-SafeLinksRule", "Remove-SafeLinksRule", "Enable-SafeLinksRule", "Disable-SafeLinksRule",
		"New-SafeAttachmentPolicy", "Set-SafeAttachmentPolicy", "Remove-SafeAttachmentPolicy", "New-SafeAttachmentRule",
		"Set-SafeAttachmentRule", "Remove-SafeAttachmentRule", "Enable-SafeAttachmentRule", "Disable-SafeAttachmentRule",
		"New-ATPProtectionPolicyRule", "Set-ATPProtectionPolicyRule", "Remove-ATPProtectionPolicyRule",
		"Enable-ATPProtectionPolicyRule", "Disable-ATPProtectionPolicyRule", "New-EOPProtectionPolicyRule", "Set-EOPProtectionPolicyRule",
		"Remove-EOPProtectionPolicyRule", "Enable-EOPProtectionPolicyRule", "Disable-EOPProtectionPolicyRule", "Set-ATPBuiltInProtectionRule",
		"Set-AtpPolicyForO365"))
	// DKIM and the trusted ARC sealers go with them too, and inbound
	// connectors, which Remote and Accepted Domains changes as well; the
	// external sender tag goes with the organization's configuration.
	mailAuthReads := g("Get-DkimSigningConfig", "Get-ArcConfig")
	mailAuthAll := join(mailAuthReads, g("New-DkimSigningConfig", "Set-DkimSigningConfig", "Remove-DkimSigningConfig",
		"Rotate-DkimSigningConfig", "Set-ArcConfig"))
	connectorReads := g("Get-InboundConnector", "Get-OutboundConnector")
	connectors := join(connectorReads, g("New-InboundConnector", "Set-InboundConnector", "Remove-InboundConnector",
		"New-OutboundConnector", "Set-OutboundConnector", "Remove-OutboundConnector"))
	externalTag := g("Get-ExternalInOutlook", "Set-ExternalInOutlook")
	antispamReads = join(antispamReads, defenderReads, mailAuthReads, connectorReads, g("Get-ExternalInOutlook"))
	antispam = join(antispam, defenderAll, mailAuthAll, connectors)
	// anti-phishing policies and rules: the same roles.
	antiPhishReads := g("Get-AntiPhishPolicy", "Get-AntiPhishRule")
	antispamReads = join(antispamReads, antiPhishReads)
	antispam = join(antispam, antiPhishReads, g("New-AntiPhishPolicy", "Set-AntiPhishPolicy", "Remove-AntiPhishPolicy", "New-AntiPhishRule",
		"Set-AntiPhishRule", "Remove-AntiPhishRule", "Enable-AntiPhishRule", "Disable-AntiPhishRule"))
	// anti-malware policies and rules: the same roles.
	malwareReads := g("Get-MalwareFilterPolicy", "Get-MalwareFilterRule")
	antispamReads = join(antispamReads, malwareReads)
	antispam = join(antispam, malwareReads, g("New-MalwareFilterPolicy", "Set-MalwareFilterPolicy", "Remove-MalwareFilterPolicy",
		"New-MalwareFilterRule", "Set-MalwareFilterRule", "Remove-MalwareFilterRule", "Enable-MalwareFilterRule", "Disable-MalwareFilterRule"))
	// outbound spam filter policies and rules: the same roles.
	outboundReads := g("Get-HostedOutboundSpamFilterRule")
	antispamReads = join(antispamReads, outboundReads)
	antispam = join(antispam, outboundReads, g("New-HostedOutboundSpamFilterPolicy", "Remove-HostedOutboundSpamFilterPolicy",
		"New-HostedOutboundSpamFilterRule", "Set-HostedOutboundSpamFilterRule", "Remove-HostedOutboundSpamFilterRule",
		"Enable-HostedOutboundSpamFilterRule", "Disable-HostedOutboundSpamFilterRule"))
	// quarantine policies: the same roles.
	antispamReads = join(antispamReads, g("Get-QuarantinePolicy"))
	// quarantined messages: reading them with Security Reader (not with
	// View-Only Configuration: they are people's mail), releasing,
	// deleting and exporting them (a copy of the whole message) with the
	// roles that manage anti-spam (Security Admin, Transport Hygiene).
	quarantineReads := g("Get-QuarantineMessage", "Get-QuarantineMessageHeader", "Preview-QuarantineMessage")
	antispam = join(antispam, quarantineReads, g("Release-QuarantineMessage", "Delete-QuarantineMessage", "Export-QuarantineMessage"))
	antispam = join(antispam, g("Get-QuarantinePolicy", "New-QuarantinePolicy", "Set-QuarantinePolicy", "Remove-QuarantinePolicy",
		"New-QuarantinePermissions", "Set-QuarantinePermissions"))
	// permissions and groups: reading them, and changing permissions. Send
	// As is read only with Mail Recipients: the view-only roles don't grant
	// Get-RecipientPermission (a known gap of the service, noted on the
	// cmdlet's reference page).
	mailboxPermissionReads := g("Get-MailboxPermission", "Get-EXOMailboxPermission")
	permissionReads := join(mailboxPermissionReads, g("Get-RecipientPermission", "Get-EXORecipientPermission"))
	permissionWrites := g("Add-MailboxPermission", "Remove-MailboxPermission", "Add-RecipientPermission", "Remove-RecipientPermission")
	groupReads := g("Get-DistributionGroup", "Get-DistributionGroupMember", "Get-UnifiedGroup", "Get-UnifiedGroupLinks", "Get-Group")

	// Security & Compliance cmdlets.
	sccRetention := g("Get-RetentionCompliancePolicy", "New-RetentionCompliancePolicy", "Set-RetentionCompliancePolicy",
		"Remove-RetentionCompliancePolicy", "Get-RetentionComplianceRule", "New-RetentionComplianceRule",
		"Set-RetentionComplianceRule", "Remove-RetentionComplianceRule", "Get-AppRetentionCompliancePolicy",
		"New-AppRetentionCompliancePolicy", "Set-AppRetentionCompliancePolicy", "Remove-AppRetentionCompliancePolicy",
		"Get-AppRetentionComplianceRule", "New-AppRetentionComplianceRule", "Set-AppRetentionComplianceRule",
		"Remove-AppRetentionComplianceRule", "Get-AdaptiveScope", "New-AdaptiveScope", "Set-AdaptiveScope",
		"Get-ComplianceTag", "New-ComplianceTag", "Invoke-HoldRemovalAction")
	sccRetentionReads := g("Get-RetentionCompliancePolicy", "Get-RetentionComplianceRule", "Get-AppRetentionCompliancePolicy",
		"Get-AppRetentionComplianceRule", "Get-AdaptiveScope", "Get-ComplianceTag")
	sccCases := g("Get-ComplianceCase", "New-ComplianceCase", "Set-ComplianceCase", "Remove-ComplianceCase",
		"Get-ComplianceCaseMember", "Add-ComplianceCaseMember", "Remove-ComplianceCaseMember", "Update-ComplianceCaseMember")
	sccHolds := g("Get-CaseHoldPolicy", "New-CaseHoldPolicy", "Set-CaseHoldPolicy", "Remove-CaseHoldPolicy",
		"Get-CaseHoldRule", "New-CaseHoldRule", "Invoke-HoldRemovalAction", "Get-ComplianceCase")
	sccCaseReads := g("Get-ComplianceCase", "Get-CaseHoldPolicy", "Get-CaseHoldRule")
	sccSearches := g("New-ComplianceSearch", "Get-ComplianceSearch", "Set-ComplianceSearch", "Start-ComplianceSearch",
		"Stop-ComplianceSearch", "Remove-ComplianceSearch", "Get-ComplianceSearchAction")
	// searchActionParams are the parameters of New-ComplianceSearchAction
	// every action role grants; the action switches belong to one role each.
	searchActionParams := []string{"SearchName", "SearchNames", "ActionName", "Force", "Format", "IncludeCredential", "JobOptions",
		"ReferenceActionName", "Region", "RetryOnError", "Scenario", "Version"}

	return []Role{
		// Address Lists: in Exchange Online the address list, global
		// address list, offline address book and address book policy
		// cmdlets (their Get cmdlets too) are in this role alone, and no
		// role group holds it until an administrator assigns it (the
		// cmdlets' reference pages).
		{Name: "Address Lists", RoleType: "AddressLists", Description: "Manages address lists, global address lists, offline address books and address book policies.",
			Grants: g("Get-AddressList", "New-AddressList", "Set-AddressList", "Remove-AddressList",
				"Get-GlobalAddressList", "New-GlobalAddressList", "Set-GlobalAddressList", "Remove-GlobalAddressList",
				"Get-OfflineAddressBook", "New-OfflineAddressBook", "Set-OfflineAddressBook", "Remove-OfflineAddressBook",
				"Get-AddressBookPolicy", "New-AddressBookPolicy", "Set-AddressBookPolicy", "Remove-AddressBookPolicy"), Unassigned: true},
		{Name: "Audit Logs", RoleType: "AuditLogs", Description: "Searches the admin and unified audit logs and manages auditing.", Grants: auditReads},
		{Name: "Case Management", RoleType: "CaseManagement", Description: "Creates, changes and removes eDiscovery cases.", Grants: sccCases},
		{Name: "Communication", RoleType: "Communication", Description: "Manages communications with the custodians of eDiscovery cases."},
		{Name: "Compliance Admin", RoleType: "ComplianceAdmin", Description: "Views Exchange compliance configuration.",
			Grants: g("Get-OrganizationConfig", "Get-RetentionPolicy", "Get-RetentionPolicyTag")},
		{Name: "Compliance Administrator", RoleType: "ComplianceAdministrator", Description: "Manages every Security & Compliance feature the simulator models.",
			Grants: join(sccRetention, sccCases, sccHolds)},
		{Name: "Compliance Search", RoleType: "ComplianceSearch", Description: "Runs content searches (the simulator lets it read cases).",
			Grants: join(g("Get-ComplianceCase"), sccSearches)},
		{Name: "Custodian", RoleType: "Custodian", Description: "Manages custodians of eDiscovery (Premium) cases."},
		{Name: "Data Loss Prevention", RoleType: "DataLossPrevention", Description: "Manages data loss prevention policies in Exchange."},
		{Name: "Disposition Management", RoleType: "DispositionManagement", Description: "Reviews items at the end of their retention period."},
		{Name: "Distribution Groups", RoleType: "DistributionGroups", Description: "Creates and manages distribution groups.",
			Grants: join(groupReads, g("New-DistributionGroup", "Remove-DistributionGroup", "Add-DistributionGroupMember", "Remove-DistributionGroupMember",
				"Add-UnifiedGroupLinks", "Remove-UnifiedGroupLinks", "New-UnifiedGroup", "Remove-UnifiedGroup"))},
		{Name: "DLP Compliance Management", RoleType: "DLPComplianceManagement", Description: "Manages data loss prevention policies."},
		{Name: "E-Mail Address Policies", RoleType: "EmailAddressPolicies", Description: "Manages email address policies.",
			Grants: g("Get-EmailAddressPolicy", "New-EmailAddressPolicy", "Set-EmailAddressPolicy", "Remove-EmailAddressPolicy")},
		{Name: "Export", RoleType: "Export", Description: "Exports eDiscovery search results.",
			Grants: []Grant{gp("New-ComplianceSearchAction", append([]string{"Export", "ArchiveFormat", "EnableDedupe", "ExchangeArchiveFormat",
				"FileTypeExclusionsForUnindexedItems", "IncludeSharePointDocumentVersions", "NotifyEmail", "NotifyEmailCC", "Report", "RetentionReport",
				"Scope", "SharePointArchiveFormat"}, searchActionParams...)...)}},
		{Name: "Federated Sharing", RoleType: "FederatedSharing", Description: "Manages sharing with other organizations.",
			Grants: g("Get-SharingPolicy", "Set-SharingPolicy", "New-SharingPolicy", "Remove-SharingPolicy")},
		{Name: "Hold", RoleType: "Hold", Description: "Places and removes eDiscovery holds.", Grants: sccHolds},
		{Name: "Information Rights Management", RoleType: "InformationRightsManagement",
			Description: "Manages rights management and Message Encryption, including revoking encrypted messages.",
			Grants: g("Get-IRMConfiguration", "Set-IRMConfiguration", "Get-OMEConfiguration", "New-OMEConfiguration",
				"Set-OMEConfiguration", "Get-OMEMessageStatus", "Set-OMEMessageRevocation")},
		{Name: "Journaling", RoleType: "Journaling", Description: "Manages journaling and journal archives.", Grants: g("Disable-JournalArchiving",
			"Get-JournalRule", "New-JournalRule", "Set-JournalRule", "Remove-JournalRule", "Enable-JournalRule", "Disable-JournalRule")},
		{Name: "Legal Hold", RoleType: "LegalHold", Description: "Places mailboxes on Litigation Hold and manages the other mailbox holds.",
			Grants: join(g("Get-Mailbox", "Get-Recipient", "Get-User"),
				[]Grant{gp("Set-Mailbox", append(append([]string{"Identity"}, legalHoldParams...), retentionHoldParams...)...)})},
		{Name: "Mail Enabled Public Folders", RoleType: "MailEnabledPublicFolders", Description: "Mail-enables public folders.",
			Grants: g("Enable-MailPublicFolder", "Disable-MailPublicFolder", "Get-MailPublicFolder", "Set-MailPublicFolder", "Get-PublicFolder")},
		{Name: "Mail Recipient Creation", RoleType: "MailRecipientCreation", Description: "Creates, removes and recovers mailboxes and mail users.",
			Grants: g("New-Mailbox", "Remove-Mailbox", "Undo-SoftDeletedMailbox", "New-MailContact", "Remove-MailContact", "Get-Mailbox",
				"Get-Recipient", "Get-User", "Get-SharingPolicy")},
		{Name: "Mail Recipients", RoleType: "MailRecipients", Description: "Manages existing mailboxes, mail users and contacts.",
			Grants: join(recipientReads, permissionReads, permissionWrites, places, g("Get-Group"),
				g("Set-Mailbox", "Set-User", "Set-MailContact", "Set-Contact", "Disable-JournalArchiving", "Start-ManagedFolderAssistant", "Export-MailboxDiagnosticLogs"))},
		{Name: "Mail Tips", RoleType: "MailTips", Description: "Manages MailTips."},
		// Mailbox Import Export is in no role group by default: an
		// administrator assigns it (New-ManagementRoleAssignment) before
		// the deleted-item cmdlets exist for anyone.
		{Name: "Mailbox Import Export", RoleType: "MailboxImportExport", Description: "Views and restores the deleted items of mailboxes.",
			Grants: g("Get-RecoverableItems", "Restore-RecoverableItems"), Unassigned: true},
		{Name: "Mailbox Search", RoleType: "MailboxSearch", Description: "Manages In-Place eDiscovery searches and In-Place Holds.",
			Grants: g("Get-MailboxSearch", "New-MailboxSearch", "Set-MailboxSearch", "Remove-MailboxSearch", "Get-Mailbox", "Get-Recipient")},
		{Name: "Manage Alerts", RoleType: "ManageAlerts", Description: "Manages alert policies."},
		{Name: "Message Tracking", RoleType: "MessageTracking", Description: "Traces messages.", Grants: messageTrace},
		{Name: "Migration", RoleType: "Migration", Description: "Migrates mailboxes into the organization."},
		{Name: "Move Mailboxes", RoleType: "MoveMailboxes", Description: "Moves mailboxes and restores mailbox content.",
			Grants: g("New-MailboxRestoreRequest", "Get-MailboxRestoreRequest", "Set-MailboxRestoreRequest", "Remove-MailboxRestoreRequest",
				"Suspend-MailboxRestoreRequest", "Resume-MailboxRestoreRequest", "Get-MailboxRestoreRequestStatistics")},
		{Name: "Org Custom Apps", RoleType: "OrgCustomApps", Description: "Installs custom add-ins for the organization."},
		{Name: "Org Marketplace Apps", RoleType: "OrgMarketplaceApps", Description: "Installs store add-ins for the organization."},
		{Name: "Organization Client Access", RoleType: "OrganizationClientAccess", Description: "Manages client access settings."},
		{Name: "Organization Configuration", RoleType: "OrganizationConfiguration", Description: "Manages organization-wide settings.",
			Grants: join(g("Get-OrganizationConfig", "Set-OrganizationConfig", "Get-MailboxDatabase",
				"Get-AuthenticationPolicy", "New-AuthenticationPolicy", "Set-AuthenticationPolicy", "Remove-AuthenticationPolicy"), externalTag, appAccess)},
		{Name: "Organization Transport Settings", RoleType: "OrganizationTransportSettings", Description: "Manages organization-wide transport settings.",
			Grants: g("Get-TransportConfig", "Set-TransportConfig")},
		{Name: "Preview", RoleType: "Preview", Description: "Previews eDiscovery search results.",
			Grants: []Grant{gp("New-ComplianceSearchAction", append([]string{"Preview"}, searchActionParams...)...)}},
		{Name: "Public Folders", RoleType: "PublicFolders", Description: "Manages public folders.",
			Grants: g("Get-PublicFolder", "New-PublicFolder", "Set-PublicFolder", "Remove-PublicFolder",
				"Get-PublicFolderClientPermission", "Add-PublicFolderClientPermission", "Remove-PublicFolderClientPermission",
				"Get-PublicFolderStatistics", "Get-PublicFolderItemStatistics")},
		{Name: "Search And Purge", RoleType: "SearchAndPurge", Description: "Deletes the items a content search found (New-ComplianceSearchAction -Purge).",
			Grants: []Grant{gp("New-ComplianceSearchAction", append([]string{"Purge", "PurgeType"}, searchActionParams...)...)}},
		{Name: "Recipient Policies", RoleType: "RecipientPolicies", Description: "Manages recipient policies such as mobile device and sharing policies.",
			Grants: g("Get-OwaMailboxPolicy", "Set-OwaMailboxPolicy", "New-OwaMailboxPolicy", "Remove-OwaMailboxPolicy",
				"Get-MobileDeviceMailboxPolicy", "Set-MobileDeviceMailboxPolicy", "New-MobileDeviceMailboxPolicy", "Remove-MobileDeviceMailboxPolicy")},
		{Name: "RecordManagement", RoleType: "RecordManagement", Description: "Manages records management settings and labels."},
		{Name: "Remote and Accepted Domains", RoleType: "RemoteAndAcceptedDomains", Description: "Manages remote and accepted domains.",
			Grants: join(g("Get-AcceptedDomain", "Get-RemoteDomain", "New-RemoteDomain", "Set-RemoteDomain", "Remove-RemoteDomain"), connectors)},
		{Name: "Reset Password", RoleType: "ResetPassword", Description: "Resets room mailbox passwords.",
			Grants: []Grant{gp("Set-Mailbox", "Identity", "RoomMailboxPassword", "EnableRoomMailboxAccount")}},
		{Name: "Retention Management", RoleType: "RetentionManagement",
			Description: "Manages retention: messaging records management in Exchange, retention policies, labels and scopes in Security & Compliance.",
			Grants: join(g("Get-RetentionPolicy", "Set-RetentionPolicy", "New-RetentionPolicy", "Remove-RetentionPolicy", "Get-RetentionPolicyTag", "Start-ManagedFolderAssistant", "Get-Mailbox"),
				[]Grant{gp("Set-Mailbox", append([]string{"Identity", "RetentionPolicy"}, retentionHoldParams...)...)}, sccRetention)},
		{Name: "Review", RoleType: "Review", Description: "Reviews content in eDiscovery (Premium) review sets."},
		{Name: "RMS Decrypt", RoleType: "RMSDecrypt", Description: "Decrypts protected content when exporting eDiscovery results."},
		{Name: "Role Management", RoleType: "RoleManagement", Description: "Manages role groups and their members.",
			Grants: g("Get-RoleGroup", "Get-RoleGroupMember", "Add-RoleGroupMember", "Remove-RoleGroupMember", "Get-ManagementRole", "Get-ManagementRoleAssignment",
				"New-ManagementRoleAssignment", "Get-RoleAssignmentPolicy", "Set-RoleAssignmentPolicy", "New-RoleAssignmentPolicy", "Remove-RoleAssignmentPolicy",
				"Get-ManagementScope", "New-ManagementScope", "Set-ManagementScope", "Remove-ManagementScope",
				"Get-ServicePrincipal", "New-ServicePrincipal", "Set-ServicePrincipal", "Remove-ServicePrincipal", "Test-ServicePrincipalAuthorization")},
		{Name: "Security Admin", RoleType: "SecurityAdmin", Description: "Manages security settings.", Grants: join(messageTrace, antispam)},
		{Name: "Security Group Creation and Membership", RoleType: "SecurityGroupCreationAndMembership", Description: "Creates security groups and manages their membership.",
			Grants: g("Get-DistributionGroup", "Get-DistributionGroupMember", "Get-Group", "New-DistributionGroup", "Remove-DistributionGroup",
				"Add-DistributionGroupMember", "Remove-DistributionGroupMember")},
		{Name: "Security Reader", RoleType: "SecurityReader", Description: "Views security settings and reports.", Grants: join(messageTrace, antispamReads, quarantineReads)},
		{Name: "Team Mailboxes", RoleType: "TeamMailboxes", Description: "Manages site mailboxes."},
		{Name: "Transport Hygiene", RoleType: "TransportHygiene", Description: "Manages anti-spam and anti-malware features.", Grants: antispam},
		{Name: "Transport Rules", RoleType: "TransportRules", Description: "Manages mail flow rules.", Grants: g("Get-TransportRule", "New-TransportRule", "Set-TransportRule",
			"Enable-TransportRule", "Disable-TransportRule", "Remove-TransportRule")},
		{Name: "UM Mailboxes", RoleType: "UMMailboxes", Description: "Manages unified messaging mailbox settings."},
		{Name: "User Options", RoleType: "UserOptions", Description: "Changes the options a user could change on their own mailbox."},
		{Name: "View-Only Audit Logs", RoleType: "ViewOnlyAuditLogs", Description: "Searches the admin and unified audit logs.", Grants: auditReads},
		{Name: "View-Only Case", RoleType: "ViewOnlyCase", Description: "Views eDiscovery cases and their holds.", Grants: sccCaseReads},
		{Name: "View-Only Configuration", RoleType: "ViewOnlyConfiguration", Description: "Views organization configuration.", Grants: join(configReads, antispamReads)},
		{Name: "View-Only DLP Compliance Management", RoleType: "ViewOnlyDLPComplianceManagement", Description: "Views data loss prevention policies."},
		{Name: "View-Only Manage Alerts", RoleType: "ViewOnlyManageAlerts", Description: "Views alert policies."},
		{Name: "View-Only Recipients", RoleType: "ViewOnlyRecipients", Description: "Views recipients and their mailbox restore requests.",
			Grants: join(recipientReads, mailboxPermissionReads, groupReads, g("Get-Place", "Get-MailboxRestoreRequest", "Get-MailboxRestoreRequestStatistics"))},
		{Name: "View-Only Record Management", RoleType: "ViewOnlyRecordManagement", Description: "Views records management settings."},
		{Name: "View-Only Retention Management", RoleType: "ViewOnlyRetentionManagement", Description: "Views retention policies, labels and scopes.", Grants: sccRetentionReads},
	}
}

// Roles returns the role table in name order.
func Roles() []Role { return append([]Role(nil), roles.Get()...) }

// withAppRoles puts the application roles (apps.go) into the role table
// before the first role whose name sorts after theirs.
func withAppRoles(table []Role) []Role {
	apps := appRoleTable()
	i := 0
	for i < len(table) && strings.ToLower(table[i].Name) < strings.ToLower(apps[0].Name) {
		i++
	}
	return append(append(append(make([]Role, 0, len(table)+len(apps)), table[:i]...), apps...), table[i:]...)
}

// LookupRole finds a role by name (case-insensitive).
func LookupRole(name string) (Role, bool) {
	for _, r := range roles.Get() {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return Role{}, false
}

// hasReserved reports whether a whole-cmdlet grant leaves some
// parameter of the cmdlet out (isReserved holds for one).
func hasReserved(cmdlet string) bool { return cmdlet == "Set-Mailbox" }

// isReserved reports whether a whole-cmdlet grant leaves the parameter
// out.
func isReserved(cmdlet, param string) bool {
	if !hasReserved(cmdlet) {
		return false
	}
	for _, ps := range reservedParams {
		for _, p := range ps {
			if strings.EqualFold(p, param) {
				return true
			}
		}
	}
	return false
}
