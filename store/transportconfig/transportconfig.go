// Package transportconfig keeps the organization's transport settings
// (Get-/Set-TransportConfig): how delivery status notifications are
// written, journaling's fallback address and expiry, the reply-all storm
// protection, the recipient limit of a message, how long a queued
// message may wait, and whether authenticated SMTP is off for the whole
// organization. The tenant keeps its record only once it was changed;
// until then the settings are Exchange Online's defaults. It keeps the
// organization's journal rules too.
package transportconfig

import (
	"fmt"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Config is the organization's transport settings.
type Config struct {
	AddressBookPolicyRoutingEnabled bool `json:"addressBookPolicyRoutingEnabled"`
	AllowLegacyTLSClients           bool `json:"allowLegacyTLSClients"`
	ClearCategories                 bool `json:"clearCategories"`
	ConvertDisclaimerWrapperToEml   bool `json:"convertDisclaimerWrapperToEml"`
	// DSNConversionMode is one of DSNConversionModes.
	DSNConversionMode                   string `json:"dsnConversionMode"`
	ExternalDelayDsnEnabled             bool   `json:"externalDelayDsnEnabled"`
	ExternalDsnDefaultLanguage          string `json:"externalDsnDefaultLanguage,omitempty"`
	ExternalDsnLanguageDetectionEnabled bool   `json:"externalDsnLanguageDetectionEnabled"`
	ExternalDsnReportingAuthority       string `json:"externalDsnReportingAuthority,omitempty"`
	ExternalDsnSendHtml                 bool   `json:"externalDsnSendHtml"`
	ExternalPostmasterAddress           string `json:"externalPostmasterAddress,omitempty"`
	// HeaderPromotionModeSetting is one of HeaderPromotionModes.
	HeaderPromotionModeSetting          string `json:"headerPromotionModeSetting"`
	InternalDelayDsnEnabled             bool   `json:"internalDelayDsnEnabled"`
	InternalDsnDefaultLanguage          string `json:"internalDsnDefaultLanguage,omitempty"`
	InternalDsnLanguageDetectionEnabled bool   `json:"internalDsnLanguageDetectionEnabled"`
	InternalDsnReportingAuthority       string `json:"internalDsnReportingAuthority,omitempty"`
	InternalDsnSendHtml                 bool   `json:"internalDsnSendHtml"`
	JournalMessageExpirationDays        int    `json:"journalMessageExpirationDays"`
	JournalingReportNdrTo               string `json:"journalingReportNdrTo,omitempty"`
	// MaxRecipientEnvelopeLimit is a number of recipients, or Unlimited
	// (the service's own limit).
	MaxRecipientEnvelopeLimit               int           `json:"maxRecipientEnvelopeLimit"`
	MessageExpiration                       time.Duration `json:"messageExpiration"`
	PreventDuplicateJournalingEnabled       bool          `json:"preventDuplicateJournalingEnabled"`
	ReplyAllStormBlockDurationHours         int           `json:"replyAllStormBlockDurationHours"`
	ReplyAllStormDetectionMinimumRecipients int           `json:"replyAllStormDetectionMinimumRecipients"`
	ReplyAllStormDetectionMinimumReplies    int           `json:"replyAllStormDetectionMinimumReplies"`
	ReplyAllStormProtectionEnabled          bool          `json:"replyAllStormProtectionEnabled"`
	Rfc2231EncodingEnabled                  bool          `json:"rfc2231EncodingEnabled"`
	SmtpClientAuthenticationDisabled        bool          `json:"smtpClientAuthenticationDisabled"`
	VoicemailJournalingEnabled              bool          `json:"voicemailJournalingEnabled"`
	WhenChanged                             time.Time     `json:"whenChanged"`
}

// Unlimited is MaxRecipientEnvelopeLimit's value for no limit of the
// organization's own.
const Unlimited = -1

// The values of the enumerations among the settings, in their numeric
// order.
var (
	DSNConversionModes   = []string{"UseExchangeDSNs", "PreserveDSNBody", "DoNotConvert"}
	HeaderPromotionModes = []string{"NoCreate", "MayCreate", "MustCreate"}
)

// Range is the values a whole-number setting takes.
type Range struct{ Min, Max int }

// The ranges of the settings the service bounds.
var (
	JournalMessageExpirationRange = Range{0, 7}
	RecipientLimitRange           = Range{0, 1000}
	StormBlockHoursRange          = Range{1, 12}
	StormRecipientsRange          = Range{1000, 5000}
	StormRepliesRange             = Range{5, 20}
)

// MessageExpiration's range.
const (
	MinMessageExpiration = 12 * time.Hour
	MaxMessageExpiration = 24 * time.Hour
)

// In reports whether n lies in r.
func (r Range) In(n int) bool { return n >= r.Min && n <= r.Max }

// Default returns the settings of an organization that never changed
// them, as of when the organization was created.
func Default(created time.Time) *Config {
	return &Config{
		ClearCategories:                         true,
		DSNConversionMode:                       "PreserveDSNBody",
		ExternalDelayDsnEnabled:                 true,
		ExternalDsnLanguageDetectionEnabled:     true,
		ExternalDsnSendHtml:                     true,
		HeaderPromotionModeSetting:              "NoCreate",
		InternalDelayDsnEnabled:                 true,
		InternalDsnLanguageDetectionEnabled:     true,
		InternalDsnSendHtml:                     true,
		MaxRecipientEnvelopeLimit:               Unlimited,
		MessageExpiration:                       MaxMessageExpiration,
		ReplyAllStormBlockDurationHours:         6,
		ReplyAllStormDetectionMinimumRecipients: 2500,
		ReplyAllStormDetectionMinimumReplies:    10,
		ReplyAllStormProtectionEnabled:          true,
		SmtpClientAuthenticationDisabled:        true,
		VoicemailJournalingEnabled:              true,
		WhenChanged:                             created,
	}
}

var kind = store.DefineKind(store.KindSpec[Config]{Bucket: "transportConfig", Name: "transportConfig", Noun: "transport configuration", CreatedOnWrite: true})

// orgKey is the key of the organization's one record.
const orgKey = "default"

// Get returns the organization's transport settings: as stored, else the
// defaults.
func Get(tx *store.Tx) (*Config, error) {
	if c, ok, err := kind.Get(tx, orgKey); err != nil || ok {
		return c, err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	return Default(org.WhenCreated), nil
}

// Put stores changed settings; they must pass Check.
func Put(tx *store.Tx, c *Config) error {
	if problem := Check(c); problem != "" {
		return fmt.Errorf("transport configuration: %s", problem)
	}
	c.WhenChanged = tx.Now()
	return kind.Put(tx, orgKey, c)
}

// Check returns what is wrong with settings ("" when nothing is): a
// value outside its range or not one of its enumeration's.
func Check(c *Config) string {
	for _, r := range []struct {
		name string
		n    int
		r    Range
	}{
		{"JournalMessageExpirationDays", c.JournalMessageExpirationDays, JournalMessageExpirationRange},
		{"ReplyAllStormBlockDurationHours", c.ReplyAllStormBlockDurationHours, StormBlockHoursRange},
		{"ReplyAllStormDetectionMinimumRecipients", c.ReplyAllStormDetectionMinimumRecipients, StormRecipientsRange},
		{"ReplyAllStormDetectionMinimumReplies", c.ReplyAllStormDetectionMinimumReplies, StormRepliesRange},
	} {
		if !r.r.In(r.n) {
			return fmt.Sprintf("%s %d is outside %d..%d", r.name, r.n, r.r.Min, r.r.Max)
		}
	}
	if c.MaxRecipientEnvelopeLimit != Unlimited && !RecipientLimitRange.In(c.MaxRecipientEnvelopeLimit) {
		return fmt.Sprintf("MaxRecipientEnvelopeLimit %d is outside %d..%d", c.MaxRecipientEnvelopeLimit, RecipientLimitRange.Min, RecipientLimitRange.Max)
	}
	if c.MessageExpiration < MinMessageExpiration || c.MessageExpiration > MaxMessageExpiration {
		return fmt.Sprintf("MessageExpiration %s is outside 12h..24h", c.MessageExpiration)
	}
	if !oneOf(c.DSNConversionMode, DSNConversionModes) {
		return fmt.Sprintf("DSNConversionMode %q is not a mode", c.DSNConversionMode)
	}
	if !oneOf(c.HeaderPromotionModeSetting, HeaderPromotionModes) {
		return fmt.Sprintf("HeaderPromotionModeSetting %q is not a mode", c.HeaderPromotionModeSetting)
	}
	return ""
}

func oneOf(v string, values []string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// Register adds the transport settings and the journal rules to s: their
// kinds and checks.
func Register(s *store.Schema) {
	kind.Register(s)
	journalKind.Register(s)
	s.AddCheck("transport-config", check)
	s.AddCheck("journal-rules", checkJournalRules)
}

// check reports a record under another key than the organization's and
// settings Check refuses.
func check(tx *store.Tx, report func(store.Finding)) error {
	return kind.ForEach(tx, "", func(k string, c *Config) error {
		if k != orgKey {
			report(store.Finding{Kind: "transportConfig", Key: k, Message: "not the organization's record (key " + orgKey + ")"})
		}
		if problem := Check(c); problem != "" {
			report(store.Finding{Kind: "transportConfig", Key: k, Message: problem})
		}
		return nil
	})
}
