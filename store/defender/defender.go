// Package defender is the organization's Microsoft Defender for Office
// 365 settings: Safe Links and Safe Attachments policies and the rules
// that apply them (*-SafeLinksPolicy, *-SafeLinksRule,
// *-SafeAttachmentPolicy, *-SafeAttachmentRule), the built-in protection
// rule, the rules of the Standard and Strict preset security policies
// (*-ATPProtectionPolicyRule, and *-EOPProtectionPolicyRule for the
// preset's Exchange Online Protection policies) and the organization's
// policy for Office 365 apps, SharePoint, OneDrive and Teams
// (Get-/Set-AtpPolicyForO365).
//
// Every organization has the built-in protection policy of each kind,
// named Built-In Protection Policy, which applies to every recipient no
// other policy does; the tenant keeps no record of it until the kind's
// policies are first written, then every policy of the kind has its
// record. The built-in policy can't be removed.
package defender

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/policyset"
)

// BuiltInName is the name of the built-in protection policies.
const BuiltInName = "Built-In Protection Policy"

// Limits of the policies.
const (
	MaxNameLength             = policyset.MaxNameLength
	MaxAdminDisplayNameLength = 256
	MaxCommentsLength         = 1024
	// MaxDoNotRewriteUrls is how many entries DoNotRewriteUrls holds.
	MaxDoNotRewriteUrls = 1000
)

// RecommendedPolicyTypes are the values of RecommendedPolicyType.
var RecommendedPolicyTypes = []string{"Custom", "Standard", "Strict"}

// ErrRemoveBuiltIn: the built-in protection policy can't be removed.
const ErrRemoveBuiltIn = policyset.ErrRemoveDefault

// NameInUseError is a policy named as another one of its kind.
type NameInUseError = policyset.NameInUseError

func key(guid string) string { return strings.ToLower(guid) }

// is reports whether v is one of values (exactly).
func is(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// Register adds the Defender settings to s: their kinds and checks.
func Register(s *store.Schema) {
	safeLinksKind.Register(s)
	safeAttachmentKind.Register(s)
	safeLinksRuleKind.Register(s)
	safeAttachmentRuleKind.Register(s)
	builtInRuleKind.Register(s)
	protectionRuleKind.Register(s)
	eopRuleKind.Register(s)
	atpKind.Register(s)
	s.AddCheck("safe-links-policies", checkSafeLinks)
	s.AddCheck("safe-attachment-policies", checkSafeAttachments)
	s.AddCheck("safe-links-rules", SafeLinksRules.Check)
	s.AddCheck("safe-attachment-rules", SafeAttachmentRules.Check)
	s.AddCheck("atp-protection-policy-rules", ProtectionRules.Check)
	s.AddCheck("eop-protection-policy-rules", EOPRules.Check)
}
