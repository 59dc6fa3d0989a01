// Package antispam is the organization's anti-spam settings: its spam
// filter policies (Get-/New-/Set-/Remove-HostedContentFilterPolicy), the
// rules that apply them to recipients (*-HostedContentFilterRule), the
// anti-phishing policies and rules (*-AntiPhishPolicy, *-AntiPhishRule),
// the anti-malware policies and rules (*-MalwareFilterPolicy,
// *-MalwareFilterRule), the quarantine policies (*-QuarantinePolicy),
// the outbound spam filter policy and the connection filter policy.
//
// Every organization has the default spam filter policy, named Default,
// with Exchange Online's defaults: it applies to every recipient no
// enabled rule names. The tenant keeps no record of it until the spam
// filter policies are first written; from then on every policy, the
// default one included, has its record (kept by Guid). Exactly one
// policy is the default; it can't be removed, and no rule applies it.
package antispam

import (
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
)

// Policy is one spam filter policy (HostedContentFilterPolicy).
type Policy struct {
	Guid      string `json:"guid"`
	Name      string `json:"name"`
	IsDefault bool   `json:"isDefault,omitempty"`

	AdminDisplayName string `json:"adminDisplayName,omitempty"`
	AddXHeaderValue  string `json:"addXHeaderValue,omitempty"`
	ModifySubject    string `json:"modifySubjectValue,omitempty"`
	// RedirectTo and TestModeBcc are SMTP addresses.
	RedirectTo  []string `json:"redirectToRecipients,omitempty"`
	TestModeBcc []string `json:"testModeBccToRecipients,omitempty"`

	QuarantineRetentionPeriod int    `json:"quarantineRetentionPeriod"`
	NotificationFrequency     int    `json:"endUserSpamNotificationFrequency"`
	TestModeAction            string `json:"testModeAction"`
	// ASF are the Advanced Spam Filter settings (IncreaseScoreWith* and
	// MarkAsSpam*) by name, each one of Options; a setting not there is
	// Off, except MarkAsSpamBulkMail, which is On (see Option).
	ASF map[string]string `json:"asf,omitempty"`

	LanguageBlockList []string `json:"languageBlockList,omitempty"`
	RegionBlockList   []string `json:"regionBlockList,omitempty"`

	HighConfidenceSpamAction  string `json:"highConfidenceSpamAction"`
	SpamAction                string `json:"spamAction"`
	BulkSpamAction            string `json:"bulkSpamAction"`
	PhishSpamAction           string `json:"phishSpamAction"`
	HighConfidencePhishAction string `json:"highConfidencePhishAction"`

	EnableEndUserSpamNotifications bool   `json:"enableEndUserSpamNotifications,omitempty"`
	DownloadLink                   bool   `json:"downloadLink,omitempty"`
	EnableRegionBlockList          bool   `json:"enableRegionBlockList,omitempty"`
	EnableLanguageBlockList        bool   `json:"enableLanguageBlockList,omitempty"`
	NotificationFromAddress        string `json:"endUserSpamNotificationCustomFromAddress,omitempty"`
	NotificationFromName           string `json:"endUserSpamNotificationCustomFromName,omitempty"`
	NotificationSubject            string `json:"endUserSpamNotificationCustomSubject,omitempty"`
	NotificationLanguage           string `json:"endUserSpamNotificationLanguage"`
	NotificationLimit              int    `json:"endUserSpamNotificationLimit,omitempty"`
	BulkThreshold                  int    `json:"bulkThreshold"`

	AllowedSenders       []string `json:"allowedSenders,omitempty"`
	AllowedSenderDomains []string `json:"allowedSenderDomains,omitempty"`
	BlockedSenders       []string `json:"blockedSenders,omitempty"`
	BlockedSenderDomains []string `json:"blockedSenderDomains,omitempty"`

	InlineSafetyTipsEnabled bool   `json:"inlineSafetyTipsEnabled"`
	SpamZapEnabled          bool   `json:"spamZapEnabled"`
	PhishZapEnabled         bool   `json:"phishZapEnabled"`
	RecommendedPolicyType   string `json:"recommendedPolicyType"`

	SpamQuarantineTag                string `json:"spamQuarantineTag"`
	HighConfidenceSpamQuarantineTag  string `json:"highConfidenceSpamQuarantineTag"`
	PhishQuarantineTag               string `json:"phishQuarantineTag"`
	HighConfidencePhishQuarantineTag string `json:"highConfidencePhishQuarantineTag"`
	BulkQuarantineTag                string `json:"bulkQuarantineTag"`
	IntraOrgFilterState              string `json:"intraOrgFilterState"`
	BulkMovesEnabled                 string `json:"bulkMovesEnabled"`

	WhenCreated time.Time `json:"whenCreated"`
	WhenChanged time.Time `json:"whenChanged"`
}

// ASFSettings are the names of the Advanced Spam Filter settings, in the
// order Exchange lists them.
var ASFSettings = []string{"IncreaseScoreWithImageLinks", "IncreaseScoreWithNumericIps", "IncreaseScoreWithRedirectToOtherPort",
	"IncreaseScoreWithBizOrInfoUrls", "MarkAsSpamEmptyMessages", "MarkAsSpamJavaScriptInHtml", "MarkAsSpamFramesInHtml",
	"MarkAsSpamObjectTagsInHtml", "MarkAsSpamEmbedTagsInHtml", "MarkAsSpamFormTagsInHtml", "MarkAsSpamWebBugsInHtml",
	"MarkAsSpamSensitiveWordList", "MarkAsSpamSpfRecordHardFail", "MarkAsSpamFromAddressAuthFail", "MarkAsSpamBulkMail",
	"MarkAsSpamNdrBackscatter"}

// NoTestMode are the Advanced Spam Filter settings that can't be Test:
// their checks have no test mode.
var NoTestMode = []string{"MarkAsSpamSpfRecordHardFail", "MarkAsSpamFromAddressAuthFail", "MarkAsSpamNdrBackscatter"}

// Option returns the value of an Advanced Spam Filter setting.
func (p *Policy) Option(name string) string {
	if v, ok := p.ASF[name]; ok {
		return v
	}
	if name == "MarkAsSpamBulkMail" {
		return "On"
	}
	return "Off"
}

// SetOption sets an Advanced Spam Filter setting; its default value is
// not kept.
func (p *Policy) SetOption(name, v string) {
	if p.ASF == nil {
		p.ASF = map[string]string{}
	}
	p.ASF[name] = v
	if v == (&Policy{}).Option(name) {
		delete(p.ASF, name)
	}
	if len(p.ASF) == 0 {
		p.ASF = nil
	}
}

// New returns a spam filter policy with the settings
// New-HostedContentFilterPolicy gives it (no Guid or dates yet):
// Exchange Online's defaults.
func New(name string) *Policy {
	return &Policy{Name: name, QuarantineRetentionPeriod: DefaultQuarantineRetention, NotificationFrequency: DefaultNotificationFrequency,
		TestModeAction: "None", HighConfidenceSpamAction: "MoveToJmf", SpamAction: "MoveToJmf", BulkSpamAction: "MoveToJmf",
		PhishSpamAction: "MoveToJmf", HighConfidencePhishAction: "Quarantine", NotificationLanguage: "Default",
		BulkThreshold: DefaultBulkThreshold, InlineSafetyTipsEnabled: true, SpamZapEnabled: true, PhishZapEnabled: true,
		RecommendedPolicyType: "Custom", SpamQuarantineTag: "DefaultFullAccessPolicy", HighConfidenceSpamQuarantineTag: "DefaultFullAccessPolicy",
		PhishQuarantineTag: "DefaultFullAccessPolicy", HighConfidencePhishQuarantineTag: "AdminOnlyAccessPolicy",
		BulkQuarantineTag: "DefaultFullAccessPolicy", IntraOrgFilterState: "Default", BulkMovesEnabled: "NotSet"}
}

// DefaultGuid is the Guid of the organization's built-in default spam
// filter policy.
func DefaultGuid(org *directory.Organization) string {
	return store.DerivedGuid("hosted-content-filter-policy\x00" + org.Guid + "\x00" + DefaultName)
}

// Defaults returns the built-in default policy as Exchange Online
// creates it with the organization.
func Defaults(org *directory.Organization) *Policy {
	p := New(DefaultName)
	p.Guid = DefaultGuid(org)
	p.IsDefault = true
	p.WhenCreated = org.WhenCreated
	p.WhenChanged = org.WhenCreated
	return p
}

var policyKind = store.DefineKind(store.KindSpec[Policy]{Bucket: "hostedContentFilterPolicies", Name: "hostedContentFilterPolicy",
	Noun: "spam filter policy", CreatedOnWrite: true})

func policyKindOf() *store.Kind[Policy] { return policyKind }

// Head shows the fields a PolicySet handles.
func (p *Policy) Head() Head {
	return Head{Guid: &p.Guid, Name: &p.Name, IsDefault: &p.IsDefault, WhenCreated: &p.WhenCreated, WhenChanged: &p.WhenChanged}
}

// ContentFilter are the spam filter policies and the rules that apply
// them (HostedContentFilterPolicy, HostedContentFilterRule).
var ContentFilter = &PolicySet[Policy, *Policy]{Rules: &RuleFamily, Set: policyset.Set[Policy, *Policy]{Kind: policyKindOf, Defaults: Defaults,
	Finding: "hostedContentFilterPolicy", Defaulted: "default spam filter policies"}}

// Register adds the anti-spam settings to s: their kinds and checks.
func Register(s *store.Schema) {
	ContentFilter.register(s, "spam-filter-policies", "spam-filter-rules", checkPolicy)
	AntiPhishPolicies.register(s, "anti-phishing-policies", "anti-phishing-rules", checkAntiPhish)
	MalwarePolicies.register(s, "malware-filter-policies", "malware-filter-rules", checkMalware)
	quarantineKind.Register(s)
	s.AddCheck("quarantine-policies", checkQuarantines)
	OutboundPolicies.register(s, "outbound-spam-filter-policies", "outbound-spam-filter-rules", checkOutbound)
	connectionKind.Register(s)
	s.AddCheck("connection-filter-policies", checkSingletons)
}

// List returns the spam filter policies in the order Exchange lists
// them: the order they were created (the built-in default first).
func List(tx *store.Tx) ([]*Policy, error) { return ContentFilter.List(tx) }

// ruleError is a change the rules of the anti-spam settings refuse; a
// constant, so that declaring one runs no code.
type ruleError string

func (e ruleError) Error() string { return string(e) }

// Errors of the changes the rules of hygiene policies refuse.
const (
	// ErrRemoveDefault: the default policy can't be removed.
	ErrRemoveDefault = policyset.ErrRemoveDefault
	// ErrUnsetDefault: -MakeDefault:$false on the default policy; another
	// policy must be made the default instead.
	ErrUnsetDefault = ruleError("the default policy stays the default")
)

// NameInUseError is a policy named as another one of its kind.
type NameInUseError = policyset.NameInUseError

func key(guid string) string { return strings.ToLower(guid) }

// checkPolicy reports through bad the values of a spam filter policy
// outside their enumerations or ranges.
func checkPolicy(p *Policy, bad func(format string, args ...any)) {
	for _, r := range []struct {
		name        string
		v, min, max int
	}{
		{"BulkThreshold", p.BulkThreshold, MinBulkThreshold, MaxBulkThreshold},
		{"QuarantineRetentionPeriod", p.QuarantineRetentionPeriod, MinQuarantineRetention, MaxQuarantineRetention},
		{"EndUserSpamNotificationFrequency", p.NotificationFrequency, MinNotificationFrequency, MaxNotificationFrequency},
	} {
		if r.v < r.min || r.v > r.max {
			bad("%s %d out of range %d-%d", r.name, r.v, r.min, r.max)
		}
	}
	checkEnums(bad, []enumValue{
		{"HighConfidenceSpamAction", p.HighConfidenceSpamAction, SpamActions}, {"SpamAction", p.SpamAction, SpamActions},
		{"BulkSpamAction", p.BulkSpamAction, SpamActions}, {"PhishSpamAction", p.PhishSpamAction, SpamActions},
		{"HighConfidencePhishAction", p.HighConfidencePhishAction, HighConfidencePhishActions},
		{"TestModeAction", p.TestModeAction, TestModeActions}, {"IntraOrgFilterState", p.IntraOrgFilterState, IntraOrgFilterStates},
		{"BulkMovesEnabled", p.BulkMovesEnabled, BulkMoves}, {"RecommendedPolicyType", p.RecommendedPolicyType, RecommendedPolicyTypes},
		{"EndUserSpamNotificationLanguage", p.NotificationLanguage, EsnLanguages},
	})
	for name, v := range p.ASF {
		switch {
		case !is(ASFSettings, name):
			bad("%s is not an Advanced Spam Filter setting", name)
		case !is(Options, v), v == "Test" && is(NoTestMode, name):
			bad("%s %q is not a value it takes", name, v)
		}
	}
	for _, l := range []struct {
		name   string
		v, all []string
	}{{"LanguageBlockList", p.LanguageBlockList, BlockLanguages}, {"RegionBlockList", p.RegionBlockList, BlockRegions}} {
		for _, c := range l.v {
			if !is(l.all, c) {
				bad("%s entry %q is not a code it takes", l.name, c)
			}
		}
	}
}
