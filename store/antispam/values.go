package antispam

import (
	"strings"

	"github.com/exosim/exosim/store/policyset"
)

// The enumerations a spam filter policy's settings take, each in its
// enumeration's order.
var (
	// SpamActions are the values of SpamFilteringAction: what happens to
	// a message of a verdict (SpamAction, HighConfidenceSpamAction,
	// PhishSpamAction, BulkSpamAction).
	SpamActions = []string{"MoveToJmf", "AddXHeader", "ModifySubject", "Redirect", "Delete", "Quarantine", "NoAction"}
	// PhishActions are the values of PhishFilteringAction
	// (HighConfidencePhishAction), of which the service takes only
	// HighConfidencePhishActions.
	PhishActions = []string{"MoveToJmf", "AddXHeader", "ModifySubject", "Redirect", "Delete", "Quarantine"}
	// HighConfidencePhishActions are the actions high confidence phishing
	// may take: it is never delivered to a mailbox.
	HighConfidencePhishActions = []string{"Redirect", "Quarantine"}
	// Options are the values of SpamFilteringOption: an Advanced Spam
	// Filter setting off, on, or in test mode.
	Options = []string{"Off", "On", "Test"}
	// TestModeActions are the values of SpamFilteringTestModeAction.
	TestModeActions = []string{"None", "AddXHeader", "BccMessage"}
	// IntraOrgFilterStates are the values of IntraOrgFilterState: which
	// verdicts are acted on for messages between internal users.
	IntraOrgFilterStates = []string{"Default", "HighConfidencePhish", "Phish", "HighConfidenceSpam", "Spam", "Disabled"}
	// BulkMoves are the values of BulkMovesEnabled.
	BulkMoves = []string{"NotSet", "On", "Off"}
	// RecommendedPolicyTypes are the values of RecommendedPolicyType
	// (Standard and Strict are the preset security policies').
	RecommendedPolicyTypes = []string{"Custom", "Standard", "Strict"}
	// EsnLanguages are the values of EsnLanguage, the language of
	// quarantine notifications (formerly end-user spam notifications).
	EsnLanguages = []string{"Default", "English", "French", "German", "Italian", "Japanese", "Spanish", "Korean", "Portuguese",
		"Russian", "ChineseSimplified", "ChineseTraditional", "Amharic", "Arabic", "Bulgarian", "BengaliIndia", "Catalan", "Czech",
		"Cyrillic", "Danish", "Greek", "Estonian", "Basque", "Persian", "Finnish", "Filipino", "Galician", "Gujarati", "Hebrew", "Hindi",
		"Croatian", "Hungarian", "Indonesian", "Icelandic", "Kazakh", "Kannada", "Lithuanian", "Latvian", "Malayalam", "Marathi",
		"Malay", "Dutch", "NorwegianNynorsk", "Norwegian", "Odia", "Polish", "PortuguesePortugal", "Romanian", "Slovak", "Slovenian",
		"SerbianCyrillic", "Serbian", "Swedish", "Swahili", "Tamil", "Telugu", "Thai", "Turkish", "Ukrainian", "Urdu", "Vietnamese"}
	// QuarantinePolicies are the names of the built-in quarantine
	// policies a *QuarantineTag may name (Quarantines lists the
	// organization's, those administrators created included).
	QuarantinePolicies = []string{"AdminOnlyAccessPolicy", "DefaultFullAccessPolicy", "DefaultFullAccessWithNotificationPolicy",
		"NotificationEnabledPolicy"}
)

// BlockLanguages are the content languages LanguageBlockList takes
// (upper-case ISO 639-1 codes, and a few more).
var BlockLanguages = []string{"AF", "AR", "AZ", "BE", "BG", "BN", "BR", "BS", "CA", "CS", "CY", "DA", "DE", "EL", "EN", "EO", "ES",
	"ET", "EU", "FA", "FI", "FO", "FR", "FY", "GA", "GL", "GU", "HA", "HE", "HI", "HR", "HU", "HY", "ID", "IS", "IT", "JA", "KA", "KK",
	"KL", "KN", "KO", "KU", "KY", "LA", "LB", "LT", "LV", "MI", "MK", "ML", "MN", "MR", "MS", "MT", "NB", "NL", "NN", "PA", "PL", "PS",
	"PT", "RM", "RO", "RU", "SE", "SK", "SL", "SQ", "SR", "SV", "SW", "TA", "TE", "TH", "TL", "TR", "UK", "UR", "UZ", "VI", "WEN", "YI",
	"ZH-CN", "ZH-TW", "ZU"}

// BlockRegions are the source countries and regions RegionBlockList
// takes (ISO 3166-1 alpha-2 codes).
var BlockRegions = []string{"AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB",
	"BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
	"CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ",
	"EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM",
	"GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ",
	"IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI",
	"LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR",
	"MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA",
	"PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
	"SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH",
	"TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
	"VN", "VU", "WF", "WS", "XE", "XJ", "XS", "YE", "YT", "ZA", "ZM", "ZW"}

// Ranges of a spam filter policy's numbers.
const (
	MinBulkThreshold, MaxBulkThreshold                     = 1, 9
	MinQuarantineRetention, MaxQuarantineRetention         = 1, 30
	MinNotificationFrequency, MaxNotificationFrequency     = 1, 15
	MaxNameLength                                          = policyset.MaxNameLength
	MaxAdminDisplayNameLength                              = 256
	MaxXHeaderLength                                       = 255
	MaxCommentsLength                                      = 1024
	DefaultName                                            = "Default"
	DefaultBulkThreshold, DefaultQuarantineRetention       = 7, 15
	DefaultNotificationFrequency, DefaultNotificationLimit = 3, 0
)

// Canonical returns v as values spell it, matched without regard to
// case, and whether it is one of them.
func Canonical(values []string, v string) (string, bool) {
	for _, x := range values {
		if strings.EqualFold(x, v) {
			return x, true
		}
	}
	return "", false
}

// is reports whether v is spelled as one of values.
func is(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
