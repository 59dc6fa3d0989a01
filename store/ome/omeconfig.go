package ome

import (
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// DefaultOMEConfiguration is the Identity of the built-in branding template.
const DefaultOMEConfiguration = "OME Configuration"

// OMEConfiguration is a branding template (Get-OMEConfiguration).
type OMEConfiguration struct {
	Identity                 string                    `json:"identity"`
	IsDefault                bool                      `json:"isDefault"`
	ExternalMailExpiryInDays int                       `json:"externalMailExpiryInDays"` // 0 = none; 1–730
	SocialIdSignIn           bool                      `json:"socialIdSignIn"`
	OTPEnabled               bool                      `json:"otpEnabled"`
	BackgroundColor          string                    `json:"backgroundColor,omitempty"`
	DisclaimerText           string                    `json:"disclaimerText,omitempty"`
	EmailText                string                    `json:"emailText,omitempty"`
	IntroductionText         string                    `json:"introductionText,omitempty"`
	PortalText               string                    `json:"portalText,omitempty"`
	PrivacyStatementUrl      string                    `json:"privacyStatementUrl,omitempty"`
	ReadButtonText           string                    `json:"readButtonText,omitempty"`
	Image                    []byte                    `json:"image,omitempty"`
	WhenCreated              time.Time                 `json:"whenCreated"`
	WhenChanged              time.Time                 `json:"whenChanged"`
	Extra                    map[string]store.RawValue `json:"extra,omitempty"`
}

// ValidExpiryDays reports whether n is an allowed ExternalMailExpiryInDays.
func ValidExpiryDays(n int) bool { return n == 0 || (n >= 1 && n <= 730) }

// GetOMEConfiguration returns a branding template by Identity
// (case-insensitive).
func GetOMEConfiguration(tx *store.Tx, identity string) (*OMEConfiguration, error) {
	return omeConfigKind.Load(tx, strings.ToLower(strings.TrimSpace(identity)), identity)
}

// PutOMEConfiguration stores a branding template.
func PutOMEConfiguration(tx *store.Tx, c *OMEConfiguration) error {
	if strings.TrimSpace(c.Identity) == "" {
		return &store.ValidationError{Field: "Identity", Message: "empty"}
	}
	if !ValidExpiryDays(c.ExternalMailExpiryInDays) {
		return &store.ValidationError{Field: "ExternalMailExpiryInDays", Message: "must be between 1 and 730 (0 for no expiry)"}
	}
	if c.WhenCreated.IsZero() {
		c.WhenCreated = tx.Now()
	}
	c.WhenChanged = tx.Now()
	return omeConfigKind.Put(tx, strings.ToLower(strings.TrimSpace(c.Identity)), c)
}

// DeleteOMEConfiguration removes a branding template.
func DeleteOMEConfiguration(tx *store.Tx, identity string) error {
	return omeConfigKind.Remove(tx, strings.ToLower(strings.TrimSpace(identity)), identity)
}

// ListOMEConfigurations returns every branding template (by Identity).
func ListOMEConfigurations(tx *store.Tx) ([]*OMEConfiguration, error) {
	return omeConfigKind.List(tx)
}

// IRMConfiguration is the tenant's Get-IRMConfiguration object.
type IRMConfiguration struct {
	Identity                                   string                    `json:"identity"`
	AzureRMSLicensingEnabled                   bool                      `json:"azureRMSLicensingEnabled"`
	InternalLicensingEnabled                   bool                      `json:"internalLicensingEnabled"`
	ExternalLicensingEnabled                   bool                      `json:"externalLicensingEnabled"`
	SimplifiedClientAccessEnabled              bool                      `json:"simplifiedClientAccessEnabled"`
	SimplifiedClientAccessDoNotForwardDisabled bool                      `json:"simplifiedClientAccessDoNotForwardDisabled"`
	SimplifiedClientAccessEncryptOnlyDisabled  bool                      `json:"simplifiedClientAccessEncryptOnlyDisabled"`
	DecryptAttachmentOnDownload                bool                      `json:"decryptAttachmentOnDownload"`
	DecryptAttachmentForEncryptOnly            bool                      `json:"decryptAttachmentForEncryptOnly"`
	EnablePdfEncryption                        bool                      `json:"enablePdfEncryption"`
	JournalReportDecryptionEnabled             bool                      `json:"journalReportDecryptionEnabled"`
	ClientAccessServerEnabled                  bool                      `json:"clientAccessServerEnabled"`
	SearchEnabled                              bool                      `json:"searchEnabled"`
	EDiscoverySuperUserEnabled                 bool                      `json:"eDiscoverySuperUserEnabled"`
	RejectIfRecipientHasNoRights               bool                      `json:"rejectIfRecipientHasNoRights"`
	AutomaticServiceUpdateEnabled              bool                      `json:"automaticServiceUpdateEnabled"`
	EnablePortalTrackingLogs                   bool                      `json:"enablePortalTrackingLogs"`
	TransportDecryptionSetting                 string                    `json:"transportDecryptionSetting"` // Disabled|Mandatory|Optional
	LicensingLocation                          []string                  `json:"licensingLocation"`
	RMSOnlineKeySharingLocation                string                    `json:"rmsOnlineKeySharingLocation,omitempty"`
	ServiceLocation                            string                    `json:"serviceLocation,omitempty"`
	PublishingLocation                         string                    `json:"publishingLocation,omitempty"`
	WhenChanged                                time.Time                 `json:"whenChanged"`
	Extra                                      map[string]store.RawValue `json:"extra,omitempty"`
}

const irmKey = "ControlPoint Object"

// GetIRMConfiguration returns the tenant's IRM configuration.
func GetIRMConfiguration(tx *store.Tx) (*IRMConfiguration, error) {
	return irmKind.Load(tx, irmKey, irmKey)
}

// PutIRMConfiguration stores the tenant's IRM configuration.
func PutIRMConfiguration(tx *store.Tx, c *IRMConfiguration) error {
	c.Identity = irmKey
	c.WhenChanged = tx.Now()
	return irmKind.Put(tx, irmKey, c)
}

// TransportRule is a mail flow rule (only the OME-relevant part).
type TransportRule struct {
	Name                                       string `json:"name"`
	Guid                                       string `json:"guid"`
	Priority                                   int    `json:"priority"`
	State                                      string `json:"state"`                 // Enabled|Disabled
	Mode                                       string `json:"mode"`                  // Enforce|Audit|AuditAndNotify
	FromScope                                  string `json:"fromScope,omitempty"`   // InOrganization|NotInOrganization
	SentToScope                                string `json:"sentToScope,omitempty"` // InOrganization|NotInOrganization|ExternalPartner|ExternalNonPartner
	ApplyRightsProtectionTemplate              string `json:"applyRightsProtectionTemplate,omitempty"`
	ApplyRightsProtectionCustomizationTemplate string `json:"applyRightsProtectionCustomizationTemplate,omitempty"`
	ApplyOME                                   bool   `json:"applyOME,omitempty"`
	RemoveOMEv2                                bool   `json:"removeOMEv2,omitempty"`
	// Quarantine is the action that holds matching messages in the
	// hosted quarantine instead of delivering them.
	Quarantine bool `json:"quarantine,omitempty"`
	// Actions the simulated mail flow keeps but does not apply: the text
	// added before the subject and the HTML disclaimer with its location
	// (Append|Prepend) and fallback (Wrap|Ignore|Reject).
	PrependSubject                    string                    `json:"prependSubject,omitempty"`
	ApplyHtmlDisclaimerText           string                    `json:"applyHtmlDisclaimerText,omitempty"`
	ApplyHtmlDisclaimerLocation       string                    `json:"applyHtmlDisclaimerLocation,omitempty"`
	ApplyHtmlDisclaimerFallbackAction string                    `json:"applyHtmlDisclaimerFallbackAction,omitempty"`
	WhenChanged                       time.Time                 `json:"whenChanged"`
	Extra                             map[string]store.RawValue `json:"extra,omitempty"`
}

// Enabled reports whether the rule is on and enforced.
func (r *TransportRule) Enabled() bool {
	return !strings.EqualFold(r.State, "Disabled") && (r.Mode == "" || strings.EqualFold(r.Mode, "Enforce"))
}

// GetTransportRule returns a rule by name (case-insensitive).
func GetTransportRule(tx *store.Tx, name string) (*TransportRule, error) {
	return transportRuleKind.Load(tx, ruleKey(name), name)
}

// PutTransportRule stores a rule (a new rule without a Guid gets one).
func PutTransportRule(tx *store.Tx, r *TransportRule) error {
	if strings.TrimSpace(r.Name) == "" {
		return &store.ValidationError{Field: "Name", Message: "empty"}
	}
	if r.Guid == "" {
		r.Guid = tx.NewGuid()
	}
	if r.State == "" {
		r.State = "Enabled"
	}
	if r.Mode == "" {
		r.Mode = "Enforce"
	}
	r.WhenChanged = tx.Now()
	return transportRuleKind.Put(tx, ruleKey(r.Name), r)
}

// DeleteTransportRule removes a rule.
func DeleteTransportRule(tx *store.Tx, name string) error {
	return transportRuleKind.Remove(tx, ruleKey(name), name)
}

// ListTransportRules returns the rules in priority order (then name).
func ListTransportRules(tx *store.Tx) ([]*TransportRule, error) {
	out, err := transportRuleKind.List(tx)
	if err != nil {
		return nil, err
	}
	sortRules(out)
	return out, nil
}

func sortRules(rs []*TransportRule) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && (rs[j].Priority < rs[j-1].Priority ||
			(rs[j].Priority == rs[j-1].Priority && strings.ToLower(rs[j].Name) < strings.ToLower(rs[j-1].Name))); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// CreateOMEConfiguration adds a new branding template (New-OMEConfiguration).
// Custom templates and expiry need Advanced Message Encryption
// (*NoAMELicenseError); the expiry must be 0 or 1–730 (*ValidationError).
func CreateOMEConfiguration(tx *store.Tx, c *OMEConfiguration) error {
	if _, err := GetOMEConfiguration(tx, c.Identity); err == nil {
		return &store.ValidationError{Field: "Identity", Message: "an OME configuration named " + c.Identity + " already exists"}
	}
	if !ValidExpiryDays(c.ExternalMailExpiryInDays) {
		return &store.ValidationError{Field: "ExternalMailExpiryInDays", Message: "must be between 1 and 730 (0 for no expiry)"}
	}
	ame, err := directory.HasAdvancedMessageEncryption(tx)
	if err != nil {
		return err
	}
	if !ame {
		return &NoAMELicenseError{Feature: "Custom branding templates"}
	}
	c.IsDefault = false
	c.WhenCreated = time.Time{}
	return PutOMEConfiguration(tx, c)
}
