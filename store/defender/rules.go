package defender

import (
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
)

var (
	safeLinksRuleKind = store.DefineKind(store.KindSpec[policyrule.Rule]{Bucket: "safeLinksRules", Name: "safeLinksRule",
		Noun: "Safe Links rule", CreatedOnWrite: true})
	safeAttachmentRuleKind = store.DefineKind(store.KindSpec[policyrule.Rule]{Bucket: "safeAttachmentRules", Name: "safeAttachmentRule",
		Noun: "Safe Attachments rule", CreatedOnWrite: true})
	protectionRuleKind = store.DefineKind(store.KindSpec[policyrule.Rule]{Bucket: "atpProtectionPolicyRules", Name: "atpProtectionPolicyRule",
		Noun: "preset security policy rule", CreatedOnWrite: true})
	eopRuleKind = store.DefineKind(store.KindSpec[policyrule.Rule]{Bucket: "eopProtectionPolicyRules", Name: "eopProtectionPolicyRule",
		Noun: "preset security policy rule", CreatedOnWrite: true})
	builtInRuleKind = store.DefineKind(store.KindSpec[policyrule.Rule]{Bucket: "atpBuiltInProtectionRules", Name: "atpBuiltInProtectionRule",
		Noun: "built-in protection rule", CreatedOnWrite: true})
)

func safeLinksRuleKindOf() *store.Kind[policyrule.Rule]      { return safeLinksRuleKind }
func safeAttachmentRuleKindOf() *store.Kind[policyrule.Rule] { return safeAttachmentRuleKind }
func protectionRuleKindOf() *store.Kind[policyrule.Rule]     { return protectionRuleKind }
func eopRuleKindOf() *store.Kind[policyrule.Rule]            { return eopRuleKind }

// The families of rules: Safe Links and Safe Attachments rules each name
// recipients and apply one policy (a policy has one rule at most); the
// preset security policies' rules apply a Safe Links and a Safe
// Attachments policy each (ATPProtectionPolicyRule), or a spam filter,
// an anti-phishing and an anti-malware policy (EOPProtectionPolicyRule),
// to everyone when they name no recipient.
var (
	SafeLinksRules      = policyrule.Family{Kind: safeLinksRuleKindOf, Name: "safeLinksRule", MaxName: MaxNameLength}
	SafeAttachmentRules = policyrule.Family{Kind: safeAttachmentRuleKindOf, Name: "safeAttachmentRule", MaxName: MaxNameLength}
	ProtectionRules     = policyrule.Family{Kind: protectionRuleKindOf, Name: "atpProtectionPolicyRule", MaxName: MaxNameLength, Unconditional: true}
	EOPRules            = policyrule.Family{Kind: eopRuleKindOf, Name: "eopProtectionPolicyRule", MaxName: MaxNameLength, Unconditional: true}
)

// BuiltInRuleName is the name of the rule of the built-in protection
// policies.
const BuiltInRuleName = "ATP Built-In Protection Rule"

// The parameters by which a preset rule names its policies.
const (
	SafeAttachmentPolicyParam = "SafeAttachmentPolicy"
	SafeLinksPolicyParam      = "SafeLinksPolicy"
	// The parameters of an EOPProtectionPolicyRule's policies.
	HostedContentFilterPolicyParam = "HostedContentFilterPolicy"
	AntiPhishPolicyParam           = "AntiPhishPolicy"
	MalwareFilterPolicyParam       = "MalwareFilterPolicy"
)

// BuiltInRule returns the rule of the built-in protection policies
// (Get-ATPBuiltInProtectionRule): as stored, else as Exchange Online
// creates it (on, no exception). Its priority is the last of all, -1.
func BuiltInRule(tx *store.Tx) (*policyrule.Rule, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	guid := store.DerivedGuid("atp-built-in-protection-rule\x00" + org.Guid)
	if r, ok, err := builtInRuleKind.Get(tx, key(guid)); err != nil || ok {
		return r, err
	}
	return &policyrule.Rule{Guid: guid, Name: BuiltInRuleName, Enabled: true, Priority: -1,
		Policies:    map[string]string{SafeAttachmentPolicyParam: BuiltInName, SafeLinksPolicyParam: BuiltInName},
		WhenChanged: org.WhenCreated}, nil
}

// PutBuiltInRule stores the changed rule of the built-in protection
// policies (Set-ATPBuiltInProtectionRule: its comments and exceptions).
func PutBuiltInRule(tx *store.Tx, r *policyrule.Rule) error {
	r.WhenChanged = tx.Now()
	return builtInRuleKind.Put(tx, key(r.Guid), r)
}

// AtpPolicy is the organization's policy for Office 365 apps, SharePoint,
// OneDrive and Teams (Get-/Set-AtpPolicyForO365, the one named Default):
// Safe Attachments for SharePoint, OneDrive and Teams and Safe
// Documents. The tenant keeps its record only once it was changed.
type AtpPolicy struct {
	Guid                    string    `json:"guid"`
	EnableATPForSPOTeamsODB bool      `json:"enableATPForSPOTeamsODB,omitempty"`
	EnableSafeDocs          bool      `json:"enableSafeDocs,omitempty"`
	AllowSafeDocsOpen       bool      `json:"allowSafeDocsOpen,omitempty"`
	WhenCreated             time.Time `json:"whenCreated"`
	WhenChanged             time.Time `json:"whenChanged"`
}

var atpKind = store.DefineKind(store.KindSpec[AtpPolicy]{Bucket: "atpPoliciesForO365", Name: "atpPolicyForO365",
	Noun: "ATP policy for Office 365", CreatedOnWrite: true})

// GetAtpPolicy returns the policy for Office 365: as stored, else
// Exchange Online's defaults (every protection off).
func GetAtpPolicy(tx *store.Tx) (*AtpPolicy, error) {
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	guid := store.DerivedGuid("atp-policy-for-o365\x00" + org.Guid)
	if p, ok, err := atpKind.Get(tx, key(guid)); err != nil || ok {
		return p, err
	}
	return &AtpPolicy{Guid: guid, WhenCreated: org.WhenCreated, WhenChanged: org.WhenCreated}, nil
}

// PutAtpPolicy stores the changed policy for Office 365.
func PutAtpPolicy(tx *store.Tx, p *AtpPolicy) error {
	p.WhenChanged = tx.Now()
	return atpKind.Put(tx, key(p.Guid), p)
}
