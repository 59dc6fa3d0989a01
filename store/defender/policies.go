package defender

import (
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
)

// SafeLinksPolicy is one Safe Links policy (SafeLinksPolicy): where
// links are checked (email, Teams, Office apps) and how.
type SafeLinksPolicy struct {
	Guid string `json:"guid"`
	Name string `json:"name"`
	// BuiltIn: the organization's built-in protection policy.
	BuiltIn          bool   `json:"builtIn,omitempty"`
	AdminDisplayName string `json:"adminDisplayName,omitempty"`

	EnableSafeLinksForEmail  bool `json:"enableSafeLinksForEmail"`
	EnableSafeLinksForTeams  bool `json:"enableSafeLinksForTeams"`
	EnableSafeLinksForOffice bool `json:"enableSafeLinksForOffice"`
	TrackClicks              bool `json:"trackClicks"`
	AllowClickThrough        bool `json:"allowClickThrough,omitempty"`
	ScanUrls                 bool `json:"scanUrls"`
	EnableForInternalSenders bool `json:"enableForInternalSenders"`
	DeliverMessageAfterScan  bool `json:"deliverMessageAfterScan"`
	DisableUrlRewrite        bool `json:"disableUrlRewrite,omitempty"`
	// DoNotRewriteUrls are URL entries as given (wildcards allowed).
	DoNotRewriteUrls              []string `json:"doNotRewriteUrls,omitempty"`
	CustomNotificationText        string   `json:"customNotificationText,omitempty"`
	EnableOrganizationBranding    bool     `json:"enableOrganizationBranding,omitempty"`
	UseTranslatedNotificationText bool     `json:"useTranslatedNotificationText,omitempty"`
	// LocalizedNotificationText is the notification text by language
	// code, kept as [code, text] entries in code order.
	LocalizedNotificationText []string  `json:"localizedNotificationText,omitempty"`
	RecommendedPolicyType     string    `json:"recommendedPolicyType"`
	WhenCreated               time.Time `json:"whenCreated"`
	WhenChanged               time.Time `json:"whenChanged"`
}

// Head shows the fields a policyset.Set handles: the built-in policy is
// the default one.
func (p *SafeLinksPolicy) Head() policyset.Head {
	return policyset.Head{Guid: &p.Guid, Name: &p.Name, IsDefault: &p.BuiltIn, WhenCreated: &p.WhenCreated, WhenChanged: &p.WhenChanged}
}

// NewSafeLinks returns a Safe Links policy with the settings
// New-SafeLinksPolicy gives it (no Guid or dates yet): every protection
// on, clicks tracked, no click-through, URLs rewritten.
func NewSafeLinks(name string) *SafeLinksPolicy {
	return &SafeLinksPolicy{Name: name, EnableSafeLinksForEmail: true, EnableSafeLinksForTeams: true, EnableSafeLinksForOffice: true,
		TrackClicks: true, ScanUrls: true, EnableForInternalSenders: true, DeliverMessageAfterScan: true, RecommendedPolicyType: "Custom"}
}

// builtInSafeLinks is the built-in Safe Links policy.
func builtInSafeLinks(o *directory.Organization) *SafeLinksPolicy {
	p := NewSafeLinks(BuiltInName)
	p.Guid = store.DerivedGuid("safe-links-policy\x00" + o.Guid + "\x00" + BuiltInName)
	p.BuiltIn = true
	p.WhenCreated, p.WhenChanged = o.WhenCreated, o.WhenCreated
	return p
}

// SafeAttachmentPolicy is one Safe Attachments policy
// (SafeAttachmentPolicy): whether attachments are detonated and what
// happens to a message whose attachment is malware.
type SafeAttachmentPolicy struct {
	Guid             string `json:"guid"`
	Name             string `json:"name"`
	BuiltIn          bool   `json:"builtIn,omitempty"`
	AdminDisplayName string `json:"adminDisplayName,omitempty"`
	Enable           bool   `json:"enable,omitempty"`
	// Action is one of SafeAttachmentActions.
	Action          string `json:"action"`
	Redirect        bool   `json:"redirect,omitempty"`
	RedirectAddress string `json:"redirectAddress,omitempty"`
	// QuarantineTag names a quarantine policy.
	QuarantineTag         string    `json:"quarantineTag"`
	RecommendedPolicyType string    `json:"recommendedPolicyType"`
	WhenCreated           time.Time `json:"whenCreated"`
	WhenChanged           time.Time `json:"whenChanged"`
}

// Head shows the fields a policyset.Set handles: the built-in policy is
// the default one.
func (p *SafeAttachmentPolicy) Head() policyset.Head {
	return policyset.Head{Guid: &p.Guid, Name: &p.Name, IsDefault: &p.BuiltIn, WhenCreated: &p.WhenCreated, WhenChanged: &p.WhenChanged}
}

// SafeAttachmentActions are the values of a Safe Attachments policy's
// Action.
var SafeAttachmentActions = []string{"Allow", "Block", "DynamicDelivery"}

// NewSafeAttachment returns a Safe Attachments policy with the settings
// New-SafeAttachmentPolicy gives it (no Guid or dates yet): off, Block
// when turned on, AdminOnlyAccessPolicy quarantine.
func NewSafeAttachment(name string) *SafeAttachmentPolicy {
	return &SafeAttachmentPolicy{Name: name, Action: "Block", QuarantineTag: "AdminOnlyAccessPolicy", RecommendedPolicyType: "Custom"}
}

// builtInSafeAttachment is the built-in Safe Attachments policy: on,
// blocking.
func builtInSafeAttachment(o *directory.Organization) *SafeAttachmentPolicy {
	p := NewSafeAttachment(BuiltInName)
	p.Guid = store.DerivedGuid("safe-attachment-policy\x00" + o.Guid + "\x00" + BuiltInName)
	p.BuiltIn, p.Enable = true, true
	p.WhenCreated, p.WhenChanged = o.WhenCreated, o.WhenCreated
	return p
}

var (
	safeLinksKind = store.DefineKind(store.KindSpec[SafeLinksPolicy]{Bucket: "safeLinksPolicies", Name: "safeLinksPolicy",
		Noun: "Safe Links policy", CreatedOnWrite: true})
	safeAttachmentKind = store.DefineKind(store.KindSpec[SafeAttachmentPolicy]{Bucket: "safeAttachmentPolicies", Name: "safeAttachmentPolicy",
		Noun: "Safe Attachments policy", CreatedOnWrite: true})
)

func safeLinksKindOf() *store.Kind[SafeLinksPolicy]           { return safeLinksKind }
func safeAttachmentKindOf() *store.Kind[SafeAttachmentPolicy] { return safeAttachmentKind }

var (
	safeLinks = policyset.Set[SafeLinksPolicy, *SafeLinksPolicy]{Kind: safeLinksKindOf, Defaults: builtInSafeLinks,
		Finding: "safeLinksPolicy", Defaulted: "built-in protection policies"}
	safeAttachments = policyset.Set[SafeAttachmentPolicy, *SafeAttachmentPolicy]{Kind: safeAttachmentKindOf, Defaults: builtInSafeAttachment,
		Finding: "safeAttachmentPolicy", Defaulted: "built-in protection policies"}
)

// SafeLinksPolicies returns the Safe Links policies, the built-in one
// first.
func SafeLinksPolicies(tx *store.Tx) ([]*SafeLinksPolicy, error) { return safeLinks.List(tx) }

// CreateSafeLinks adds a Safe Links policy (New-SafeLinksPolicy); its
// name must be new.
func CreateSafeLinks(tx *store.Tx, p *SafeLinksPolicy) error {
	return safeLinks.Create(tx, p)
}

// PutSafeLinks stores a changed Safe Links policy (Set-SafeLinksPolicy).
func PutSafeLinks(tx *store.Tx, p *SafeLinksPolicy) error { return safeLinks.Put(tx, p) }

// RemoveSafeLinks removes a Safe Links policy that is not the built-in
// one (Remove-SafeLinksPolicy).
func RemoveSafeLinks(tx *store.Tx, p *SafeLinksPolicy) error { return safeLinks.Remove(tx, p) }

// SafeAttachmentPolicies returns the Safe Attachments policies, the
// built-in one first.
func SafeAttachmentPolicies(tx *store.Tx) ([]*SafeAttachmentPolicy, error) {
	return safeAttachments.List(tx)
}

// EachQuarantineTag calls fn with the quarantine policy each Safe
// Attachments policy names (its QuarantineTag), and the kind and name of
// that policy: a quarantine policy one of them names can't be removed.
func EachQuarantineTag(tx *store.Tx, fn func(kind, policy, tag string)) error {
	all, err := safeAttachments.List(tx)
	if err != nil {
		return err
	}
	for _, p := range all {
		fn(safeAttachments.Finding, p.Name, p.QuarantineTag)
	}
	return nil
}

// CreateSafeAttachment adds a Safe Attachments policy
// (New-SafeAttachmentPolicy); its name must be new.
func CreateSafeAttachment(tx *store.Tx, p *SafeAttachmentPolicy) error {
	return safeAttachments.Create(tx, p)
}

// PutSafeAttachment stores a changed Safe Attachments policy.
func PutSafeAttachment(tx *store.Tx, p *SafeAttachmentPolicy) error {
	return safeAttachments.Put(tx, p)
}

// RemoveSafeAttachment removes a Safe Attachments policy that is not the
// built-in one.
func RemoveSafeAttachment(tx *store.Tx, p *SafeAttachmentPolicy) error {
	return safeAttachments.Remove(tx, p)
}

func checkSafeLinks(tx *store.Tx, report func(store.Finding)) error {
	return safeLinks.Check(tx, report, func(p *SafeLinksPolicy, bad func(string, ...any)) {
		if !is(RecommendedPolicyTypes, p.RecommendedPolicyType) {
			bad("RecommendedPolicyType %q is not a value it takes", p.RecommendedPolicyType)
		}
		if len(p.DoNotRewriteUrls) > MaxDoNotRewriteUrls {
			bad("%d DoNotRewriteUrls entries; at most %d", len(p.DoNotRewriteUrls), MaxDoNotRewriteUrls)
		}
	})
}

func checkSafeAttachments(tx *store.Tx, report func(store.Finding)) error {
	return safeAttachments.Check(tx, report, func(p *SafeAttachmentPolicy, bad func(string, ...any)) {
		if !is(RecommendedPolicyTypes, p.RecommendedPolicyType) {
			bad("RecommendedPolicyType %q is not a value it takes", p.RecommendedPolicyType)
		}
		if !is(SafeAttachmentActions, p.Action) {
			bad("Action %q is none of %v", p.Action, SafeAttachmentActions)
		}
	})
}
