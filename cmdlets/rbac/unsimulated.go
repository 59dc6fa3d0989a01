package rbac

import (
	"strings"
	"sync"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/lazy"
)

// The role table (roles.go) names the cmdlets the simulator implements,
// and the few others whose roles it records. The other cloud cmdlets of
// the reference exist in the session too (they bind, then say they are
// not simulated), so a role must grant them: the simulator picks the role
// from the cmdlet's noun, by the families below, the first family that
// matches winning. The roles are those whose descriptions cover the
// family ("Permissions in Exchange Online" and the Microsoft Purview role
// list); a read-only verb (Get, Search, Test) is also granted by the
// family's view-only role. A cmdlet no family names is granted by
// Organization Configuration (Exchange Online) or Compliance
// Administrator (Security & Compliance), which the administrators' role
// groups hold. A cmdlet both services have is granted in each service by
// that service's family.

// family is a group of cmdlet nouns and the roles that grant them.
type family struct {
	// nouns are matched as parts of the cmdlet's noun, without regard to
	// case.
	nouns []string
	roles []string
	// readRoles also grant the family's read-only cmdlets.
	readRoles []string
}

var exoFamilies = []family{
	{nouns: []string{"MailboxPolicy", "ThrottlingPolicy"}, roles: []string{"Recipient Policies"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"EmailAddressPolicy"}, roles: []string{"E-Mail Address Policies"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"RetentionPolicy", "ManagedFolder"}, roles: []string{"Retention Management"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"AuditLog", "AuditConfig", "AuditBypass", "MailboxAudit"}, roles: []string{"Audit Logs"}, readRoles: []string{"View-Only Audit Logs"}},
	{nouns: []string{"MessageTrace", "MessageTrack", "HistoricalSearch"}, roles: []string{"Message Tracking"}},
	{nouns: []string{"MoveRequest", "ImportRequest", "ExportRequest", "RestoreRequest", "Migration"}, roles: []string{"Move Mailboxes", "Migration"}, readRoles: []string{"View-Only Recipients"}},
	{nouns: []string{"PublicFolder"}, roles: []string{"Public Folders"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"RoleGroup", "ManagementRole", "ManagementScope", "RoleAssignment"}, roles: []string{"Role Management"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"JournalRule", "Journal"}, roles: []string{"Journaling"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"TransportRule"}, roles: []string{"Transport Rules"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"Dlp", "DataClassification", "PolicyTip"}, roles: []string{"Data Loss Prevention"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"IRM", "RMS", "OME"}, roles: []string{"Information Rights Management"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"AcceptedDomain", "RemoteDomain"}, roles: []string{"Remote and Accepted Domains"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"Federat", "OrganizationRelationship", "AvailabilityAddressSpace", "AvailabilityConfig", "SharingPolicy"}, roles: []string{"Federated Sharing"}, readRoles: []string{"View-Only Configuration"}},
	{nouns: []string{"ContentFilter", "ConnectionFilter", "OutboundSpam", "MalwareFilter", "AntiPhish", "SafeLinks", "SafeAttachment",
		"AtpPolicy", "ATPProtection", "ATPBuiltIn", "EOPProtection", "Quarantine", "TenantAllowBlockList", "DkimSigning", "PhishSim",
		"ReportSubmission", "SecOps", "Spoof", "BlockedSender", "Connector", "TeamsProtection", "ThreatSubmission"},
		roles: []string{"Transport Hygiene"}, readRoles: []string{"Security Reader"}},
	{nouns: []string{"DistributionGroup", "UnifiedGroup", "Group"}, roles: []string{"Distribution Groups"}, readRoles: []string{"View-Only Recipients"}},
	// Inbox and sweep rules have no view-only role: their reference pages
	// say Get-InboxRule does not work for View-Only Organization
	// Management.
	{nouns: []string{"InboxRule", "SweepRule"}, roles: []string{"Mail Recipients"}},
	{nouns: []string{"Permission", "CalendarProcessing", "MailboxFolder", "MailboxAutoReply", "MailboxRegional",
		"MailboxJunkEmail", "MailboxCalendar", "MailboxMessage", "MailboxSpelling", "CASMailbox", "MailUser", "MailContact", "Contact",
		"Clutter", "FocusedInbox", "UserPhoto", "MobileDevice", "Place", "Mailbox", "User", "Recipient", "TextMessaging"},
		roles: []string{"Mail Recipients"}, readRoles: []string{"View-Only Recipients"}},
}

var sccFamilies = []family{
	{nouns: []string{"ComplianceSearch", "ComplianceCase", "CaseHold", "eDiscovery", "ComplianceSecurityFilter", "Custodian"},
		roles: []string{"Case Management", "Compliance Search", "Hold"}, readRoles: []string{"View-Only Case"}},
	{nouns: []string{"Retention", "ComplianceTag", "AdaptiveScope", "FilePlan", "RecordReview", "Label"},
		roles: []string{"Retention Management"}, readRoles: []string{"View-Only Retention Management"}},
	{nouns: []string{"Dlp", "SensitiveInformation", "DataClassification", "Fingerprint"},
		roles: []string{"DLP Compliance Management"}, readRoles: []string{"View-Only DLP Compliance Management"}},
	{nouns: []string{"ProtectionAlert", "Alert"}, roles: []string{"Manage Alerts"}, readRoles: []string{"View-Only Manage Alerts"}},
}

// listed are the lower-case names of the cmdlets the role table names.
var listed = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, r := range roles.Get() {
		for _, g := range r.Grants {
			m[strings.ToLower(g.Cmdlet)] = true
		}
	}
	return m
}}

// unlistedCache keeps unlistedRoles' answers by lower-case cmdlet name.
var unlistedCache sync.Map

// unlistedRoles returns the roles that grant a cloud cmdlet the role table
// does not name, as "<service>|<lower-case role>" keys (service "exo" or
// "scc"); nil for a cmdlet the table names or the reference does not list.
// It is worked out per cmdlet when first asked: a session checks only
// the cmdlets it uses.
func unlistedRoles(cmdlet string) []string {
	key := strings.ToLower(cmdlet)
	if v, ok := unlistedCache.Load(key); ok {
		return v.([]string)
	}
	var out []string
	if info, ok := decl.Find(cmdlet); ok && !listed.Get()[key] && !IsUngated(cmdlet) {
		exoSvc, scc := exo.Services(info.Name)
		if exoSvc {
			for _, r := range familyRoles(info.Name, exoFamilies, "Organization Configuration", "View-Only Configuration") {
				out = append(out, "exo|"+strings.ToLower(r))
			}
		}
		if scc {
			for _, r := range familyRoles(info.Name, sccFamilies, "Compliance Administrator", "") {
				out = append(out, "scc|"+strings.ToLower(r))
			}
		}
	}
	unlistedCache.Store(key, out)
	return out
}

// roleKey is the key unlistedRoles uses for a role of a service.
func roleKey(role string, purview bool) string {
	if purview {
		return "scc|" + strings.ToLower(role)
	}
	return "exo|" + strings.ToLower(role)
}

// GrantsUnlisted reports whether the named role grants, in a service
// (purview: Security & Compliance), a cmdlet the role table does not name.
func GrantsUnlisted(role string, purview bool, cmdlet string) bool {
	k := roleKey(role, purview)
	for _, r := range unlistedRoles(cmdlet) {
		if r == k {
			return true
		}
	}
	return false
}

// familyRoles returns the roles that grant a cmdlet by its family.
func familyRoles(name string, families []family, fallback, fallbackRead string) []string {
	verb, noun, _ := strings.Cut(name, "-")
	read := verb == "Get" || verb == "Search" || verb == "Test"
	lnoun := strings.ToLower(noun)
	lowerFamilies()
	for _, f := range families {
		for _, n := range f.nouns {
			if strings.Contains(lnoun, n) {
				out := append([]string(nil), f.roles...)
				if read {
					out = append(out, f.readRoles...)
				}
				return out
			}
		}
	}
	if read && fallbackRead != "" {
		return []string{fallback, fallbackRead}
	}
	return []string{fallback}
}

// lowerFamilies lower-cases the family nouns, which are matched in lower
// case; the first cmdlet the role table does not name does it, not every
// start of the program.
func lowerFamilies() {
	lowerFamiliesOnce.Do(func() {
		for _, fs := range [][]family{exoFamilies, sccFamilies} {
			for i := range fs {
				for j, n := range fs[i].nouns {
					fs[i].nouns[j] = strings.ToLower(n)
				}
			}
		}
	})
}

var lowerFamiliesOnce sync.Once
