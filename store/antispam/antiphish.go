package antispam

import (
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyrule"
	"github.com/exosim/exosim/store/policyset"
)

// AntiPhish is one anti-phishing policy (AntiPhishPolicy): spoof
// protection (spoof intelligence, DMARC, the unauthenticated sender and
// via tags), impersonation protection of users and domains, mailbox
// intelligence, the safety tips, and the phishing threshold.
type AntiPhish struct {
	Guid      string `json:"guid"`
	Name      string `json:"name"`
	IsDefault bool   `json:"isDefault,omitempty"`
	// Enabled is the policy's own switch (its rule's state turns a custom
	// policy on and off).
	Enabled          bool   `json:"enabled"`
	AdminDisplayName string `json:"adminDisplayName,omitempty"`

	ImpersonationProtectionState        string `json:"impersonationProtectionState"`
	EnableTargetedUserProtection        bool   `json:"enableTargetedUserProtection,omitempty"`
	EnableMailboxIntelligenceProtection bool   `json:"enableMailboxIntelligenceProtection,omitempty"`
	EnableTargetedDomainsProtection     bool   `json:"enableTargetedDomainsProtection,omitempty"`
	EnableOrganizationDomainsProtection bool   `json:"enableOrganizationDomainsProtection,omitempty"`
	EnableMailboxIntelligence           bool   `json:"enableMailboxIntelligence"`
	EnableFirstContactSafetyTips        bool   `json:"enableFirstContactSafetyTips,omitempty"`
	EnableSimilarUsersSafetyTips        bool   `json:"enableSimilarUsersSafetyTips,omitempty"`
	EnableSimilarDomainsSafetyTips      bool   `json:"enableSimilarDomainsSafetyTips,omitempty"`
	EnableUnusualCharactersSafetyTips   bool   `json:"enableUnusualCharactersSafetyTips,omitempty"`

	TargetedUserProtectionAction        string `json:"targetedUserProtectionAction"`
	TargetedUserQuarantineTag           string `json:"targetedUserQuarantineTag"`
	MailboxIntelligenceProtectionAction string `json:"mailboxIntelligenceProtectionAction"`
	MailboxIntelligenceQuarantineTag    string `json:"mailboxIntelligenceQuarantineTag"`
	TargetedDomainProtectionAction      string `json:"targetedDomainProtectionAction"`
	TargetedDomainQuarantineTag         string `json:"targetedDomainQuarantineTag"`

	SimilarUsersSafetyTipsCustomText      string `json:"similarUsersSafetyTipsCustomText,omitempty"`
	UnusualCharactersSafetyTipsCustomText string `json:"unusualCharactersSafetyTipsCustomText,omitempty"`

	// TargetedUsersToProtect are entries "DisplayName;EmailAddress".
	TargetedUsersToProtect   []string `json:"targetedUsersToProtect,omitempty"`
	TargetedDomainsToProtect []string `json:"targetedDomainsToProtect,omitempty"`
	// The recipients of Redirect and BccMessage actions: SMTP addresses.
	TargetedUserActionRecipients                  []string `json:"targetedUserActionRecipients,omitempty"`
	MailboxIntelligenceProtectionActionRecipients []string `json:"mailboxIntelligenceProtectionActionRecipients,omitempty"`
	TargetedDomainActionRecipients                []string `json:"targetedDomainActionRecipients,omitempty"`
	// ExcludedDomains and ExcludedSenders are trusted senders that
	// impersonation protection leaves alone.
	ExcludedDomains []string `json:"excludedDomains,omitempty"`
	ExcludedSenders []string `json:"excludedSenders,omitempty"`

	AuthenticationFailAction    string `json:"authenticationFailAction"`
	SpoofQuarantineTag          string `json:"spoofQuarantineTag"`
	DmarcRejectAction           string `json:"dmarcRejectAction"`
	DmarcQuarantineAction       string `json:"dmarcQuarantineAction"`
	EnableSpoofIntelligence     bool   `json:"enableSpoofIntelligence"`
	EnableViaTag                bool   `json:"enableViaTag"`
	EnableUnauthenticatedSender bool   `json:"enableUnauthenticatedSender"`
	HonorDmarcPolicy            bool   `json:"honorDmarcPolicy"`
	PhishThresholdLevel         int    `json:"phishThresholdLevel"`
	RecommendedPolicyType       string `json:"recommendedPolicyType"`
	PolicyTag                   string `json:"policyTag,omitempty"`

	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// Head shows the fields a PolicySet handles.
func (p *AntiPhish) Head() Head {
	return Head{Guid: &p.Guid, Name: &p.Name, IsDefault: &p.IsDefault, WhenCreated: &p.WhenCreated, WhenChanged: &p.WhenChanged}
}

// The enumerations and ranges of an anti-phishing policy.
var (
	// ImpersonationStates are the values of ImpersonationProtectionState.
	ImpersonationStates = []string{"Automatic", "Manual", "Off"}
	// ImpersonationActions are the values of ImpersonationAction: what
	// happens to a message impersonating a protected user or domain.
	ImpersonationActions = []string{"NoAction", "BccMessage", "Delete", "MoveToJmf", "Quarantine", "Redirect"}
	// AuthenticationFailActions are the values of
	// SpoofAuthenticationFailAction.
	AuthenticationFailActions = []string{"MoveToJmf", "Quarantine"}
	// DmarcQuarantineActions and DmarcRejectActions are the values of
	// SpoofDmarcQuarantineAction and SpoofDmarcRejectAction.
	DmarcQuarantineActions = []string{"MoveToJmf", "Quarantine"}
	DmarcRejectActions     = []string{"Quarantine", "Reject"}
)

// Names and limits of the anti-phishing policies.
const (
	// AntiPhishDefaultName is the name of the built-in default policy.
	AntiPhishDefaultName = "Office365 AntiPhish Default"
	// MinPhishThreshold..MaxPhishThreshold: Standard (1) to Most
	// aggressive (4).
	MinPhishThreshold, MaxPhishThreshold = 1, 4
	// MaxProtectedUsers and MaxProtectedDomains bound
	// TargetedUsersToProtect and TargetedDomainsToProtect.
	MaxProtectedUsers, MaxProtectedDomains = 350, 50
	// DefaultQuarantineTag is the quarantine policy of the quarantine
	// actions no setting names one for.
	DefaultQuarantineTag = "DefaultFullAccessPolicy"
)

// NewAntiPhish returns an anti-phishing policy with the settings
// New-AntiPhishPolicy gives it: Exchange Online's defaults, impersonation
// protection Manual.
func NewAntiPhish(name string) *AntiPhish {
	return &AntiPhish{Name: name, Enabled: true, ImpersonationProtectionState: "Manual", EnableMailboxIntelligence: true,
		TargetedUserProtectionAction: "NoAction", TargetedUserQuarantineTag: DefaultQuarantineTag,
		MailboxIntelligenceProtectionAction: "NoAction", MailboxIntelligenceQuarantineTag: DefaultQuarantineTag,
		TargetedDomainProtectionAction: "NoAction", TargetedDomainQuarantineTag: DefaultQuarantineTag,
		AuthenticationFailAction: "MoveToJmf", SpoofQuarantineTag: DefaultQuarantineTag, DmarcRejectAction: "Reject",
		DmarcQuarantineAction: "Quarantine", EnableSpoofIntelligence: true, EnableViaTag: true, EnableUnauthenticatedSender: true,
		HonorDmarcPolicy: true, PhishThresholdLevel: MinPhishThreshold, RecommendedPolicyType: "Custom"}
}

// AntiPhishDefaults returns the built-in default anti-phishing policy as
// Exchange Online creates it with the organization: impersonation
// protection Automatic.
func AntiPhishDefaults(org *directory.Organization) *AntiPhish {
	p := NewAntiPhish(AntiPhishDefaultName)
	p.Guid = store.DerivedGuid("anti-phish-policy\x00" + org.Guid + "\x00" + AntiPhishDefaultName)
	p.IsDefault = true
	p.ImpersonationProtectionState = "Automatic"
	p.WhenCreated = org.WhenCreated
	p.WhenChanged = org.WhenCreated
	return p
}

var (
	antiPhishKind = store.DefineKind(store.KindSpec[AntiPhish]{Bucket: "antiPhishPolicies", Name: "antiPhishPolicy",
		Noun: "anti-phishing policy", CreatedOnWrite: true})
	antiPhishRuleKind = store.DefineKind(store.KindSpec[Rule]{Bucket: "antiPhishRules", Name: "antiPhishRule",
		Noun: "anti-phishing rule", CreatedOnWrite: true})
)

func antiPhishKindOf() *store.Kind[AntiPhish] { return antiPhishKind }
func antiPhishRuleKindOf() *store.Kind[Rule]  { return antiPhishRuleKind }

// antiPhishIsDefault reports whether the anti-phishing policy named name
// is the default one.
func antiPhishIsDefault(tx *store.Tx, name string) (bool, error) {
	return defaultNamed(tx, antiPhishKindOf, AntiPhishDefaults, name)
}

// AntiPhishRules is the family of anti-phishing rules: each names
// recipients, one a policy, none for the default policy.
var AntiPhishRules = policyrule.Family{Kind: antiPhishRuleKindOf, Name: "antiPhishRule", MaxName: MaxNameLength,
	IsDefault: antiPhishIsDefault}

// AntiPhishPolicies are the anti-phishing policies and the rules that
// apply them.
var AntiPhishPolicies = &PolicySet[AntiPhish, *AntiPhish]{Rules: &AntiPhishRules, Set: policyset.Set[AntiPhish, *AntiPhish]{Kind: antiPhishKindOf,
	Defaults: AntiPhishDefaults, Finding: "antiPhishPolicy", Defaulted: "default anti-phishing policies"}}

// ListAntiPhish returns the anti-phishing policies, the default first.
func ListAntiPhish(tx *store.Tx) ([]*AntiPhish, error) { return AntiPhishPolicies.List(tx) }

// checkAntiPhish reports through bad the values of an anti-phishing
// policy outside their enumerations or ranges.
func checkAntiPhish(p *AntiPhish, bad func(format string, args ...any)) {
	if p.PhishThresholdLevel < MinPhishThreshold || p.PhishThresholdLevel > MaxPhishThreshold {
		bad("PhishThresholdLevel %d out of range %d-%d", p.PhishThresholdLevel, MinPhishThreshold, MaxPhishThreshold)
	}
	checkEnums(bad, []enumValue{
		{"ImpersonationProtectionState", p.ImpersonationProtectionState, ImpersonationStates},
		{"TargetedUserProtectionAction", p.TargetedUserProtectionAction, ImpersonationActions},
		{"MailboxIntelligenceProtectionAction", p.MailboxIntelligenceProtectionAction, ImpersonationActions},
		{"TargetedDomainProtectionAction", p.TargetedDomainProtectionAction, ImpersonationActions},
		{"AuthenticationFailAction", p.AuthenticationFailAction, AuthenticationFailActions},
		{"DmarcRejectAction", p.DmarcRejectAction, DmarcRejectActions},
		{"DmarcQuarantineAction", p.DmarcQuarantineAction, DmarcQuarantineActions},
		{"RecommendedPolicyType", p.RecommendedPolicyType, RecommendedPolicyTypes},
	})
	if len(p.TargetedUsersToProtect) > MaxProtectedUsers || len(p.TargetedDomainsToProtect) > MaxProtectedDomains {
		bad("%d protected users and %d protected domains; at most %d and %d", len(p.TargetedUsersToProtect),
			len(p.TargetedDomainsToProtect), MaxProtectedUsers, MaxProtectedDomains)
	}
	for _, u := range p.TargetedUsersToProtect {
		if name, addr, ok := strings.Cut(u, ";"); !ok || strings.TrimSpace(name) == "" || !strings.Contains(addr, "@") {
			bad("TargetedUsersToProtect entry %q is not DisplayName;EmailAddress", u)
		}
	}
}
