// Package messageconfig is the Outlook on the web message settings of
// mailboxes (Get-/Set-MailboxMessageConfiguration): signatures, the
// compose font and format, read receipts, the reading pane, conversations
// and the other options a user sets in Outlook on the web.
//
// A mailbox whose settings were never changed has Exchange's defaults;
// the tenant keeps a record only once they are changed, and it goes with
// the mailbox.
package messageconfig

import (
	"fmt"
	"github.com/exosim/exosim/shell/dotnet/enumflags"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// Enumeration values, as Exchange names them.
var (
	AfterMoveOrDeleteBehaviors = []string{"OpenPreviousItem", "OpenNextItem", "ReturnToView"}
	ConversationSortOrders     = []string{"Chronological", "Tree", "NewestOnTop", "NewestOnBottom", "ChronologicalNewestOnTop", "ChronologicalNewestOnBottom", "TreeNewestOnBottom"}
	MailFormats                = []string{"PlainText", "Html"}
	DisplayDensityModes        = []string{"Full", "Medium", "Simple"}
	EmailComposeModes          = []string{"Inline", "SeparateForm"}
	ReadingPanePositions       = []string{"Off", "Bottom", "Right"}
	NavigationPaneViews        = []string{"Default", "MailFolders", "PeopleFolders", "Groups", "PinnedMailFolders"}
	PreviewMarkAsReadBehaviors = []string{"Delayed", "OnSelectionChange", "Never"}
	ReadReceiptResponses       = []string{"DoNotAutomaticallySend", "AlwaysSend", "NeverSend"}
)

// Flag enumerations: a value is a combination of named flags.
var (
	FontFlags = enumflags.Flags{{Name: "Normal", Value: 0}, {Name: "Bold", Value: 1}, {Name: "Italic", Value: 2}, {Name: "Underline", Value: 4}, {Name: "All", Value: 7}}
	// NewItemNotifications are the ways Outlook on the web announces a
	// new item.
	NewItemNotifications = enumflags.Flags{{Name: "None", Value: 0}, {Name: "Sound", Value: 1}, {Name: "EMailToast", Value: 2}, {Name: "VoiceMailToast", Value: 4}, {Name: "FaxToast", Value: 8}, {Name: "All", Value: 15}}
	// PontTypes are the Outlook on the web prompts a user can turn off.
	PontTypes = enumflags.Flags{{Name: "None", Value: 0}, {Name: "ExternalLink", Value: 1}, {Name: "DeleteFlaggedMessage", Value: 2}, {Name: "DeleteFlaggedContacts", Value: 4}, {Name: "DeleteFlaggedItems", Value: 8},
		{Name: "DeleteOutlookDisabledRules", Value: 16}, {Name: "DisabledRulesLeft", Value: 32}, {Name: "DeleteConversation", Value: 64}, {Name: "IgnoreConversation", Value: 128},
		{Name: "CancelIgnoreConversation", Value: 256}, {Name: "FilteredByUnread", Value: 512}, {Name: "DeleteAllClutter", Value: 1024}, {Name: "All", Value: 2147483647}}
)

// Limits Exchange puts on the settings.
const (
	// MaxSignature is the most characters of the HTML and plain text
	// signatures together (and of each).
	MaxSignature = 8000
	// MaxMobileSignature is the most characters of the signature of
	// Outlook on the web for devices.
	MaxMobileSignature  = 512
	MaxFontName         = 100
	MaxSendAddress      = 1123
	MinFontSize         = 1
	MaxFontSize         = 7
	MaxMarkAsReadDelay  = 30
	DefaultMarkAsRead   = 5
	DefaultFontSize     = 3
	DefaultFontName     = "Calibri"
	DefaultFontColor    = "#000000"
	defaultConversation = "ChronologicalNewestOnTop"
)

// Settings are one mailbox's Outlook on the web message settings.
type Settings struct {
	MailboxGuid                  string `json:"mailboxGuid"`
	AfterMoveOrDeleteBehavior    string `json:"afterMoveOrDeleteBehavior"`
	NewItemNotification          string `json:"newItemNotification"`
	EmptyDeletedItemsOnLogoff    bool   `json:"emptyDeletedItemsOnLogoff,omitempty"`
	AutoAddSignature             bool   `json:"autoAddSignature,omitempty"`
	SignatureText                string `json:"signatureText,omitempty"`
	SignatureHtml                string `json:"signatureHtml,omitempty"`
	AutoAddSignatureOnMobile     bool   `json:"autoAddSignatureOnMobile"`
	SignatureTextOnMobile        string `json:"signatureTextOnMobile,omitempty"`
	UseDefaultSignatureOnMobile  bool   `json:"useDefaultSignatureOnMobile"`
	DefaultFontName              string `json:"defaultFontName"`
	DefaultFontSize              int    `json:"defaultFontSize"`
	DefaultFontColor             string `json:"defaultFontColor"`
	DefaultFontFlags             string `json:"defaultFontFlags"`
	AlwaysShowBcc                bool   `json:"alwaysShowBcc,omitempty"`
	AlwaysShowFrom               bool   `json:"alwaysShowFrom,omitempty"`
	DefaultFormat                string `json:"defaultFormat"`
	ReadReceiptResponse          string `json:"readReceiptResponse"`
	PreviewMarkAsReadBehavior    string `json:"previewMarkAsReadBehavior"`
	PreviewMarkAsReadDelaytime   int    `json:"previewMarkAsReadDelaytime"`
	ConversationSortOrder        string `json:"conversationSortOrder"`
	ShowConversationAsTree       bool   `json:"showConversationAsTree,omitempty"`
	HideDeletedItems             bool   `json:"hideDeletedItems,omitempty"`
	SendAddressDefault           string `json:"sendAddressDefault,omitempty"`
	EmailComposeMode             string `json:"emailComposeMode"`
	CheckForForgottenAttachments bool   `json:"checkForForgottenAttachments"`
	// Outlook on the web since Exchange 2016.
	AutoAddSignatureOnReply        bool   `json:"autoAddSignatureOnReply,omitempty"`
	GlobalReadingPanePosition      string `json:"globalReadingPanePosition"`
	IsFavoritesFolderTreeCollapsed bool   `json:"isFavoritesFolderTreeCollapsed,omitempty"`
	IsMailRootFolderTreeCollapsed  bool   `json:"isMailRootFolderTreeCollapsed,omitempty"`
	IsReplyAllTheDefaultResponse   bool   `json:"isReplyAllTheDefaultResponse"`
	LinkPreviewEnabled             bool   `json:"linkPreviewEnabled"`
	MailFolderPaneExpanded         bool   `json:"mailFolderPaneExpanded"`
	NavigationPaneViewOption       string `json:"navigationPaneViewOption"`
	PreferAccessibleContent        bool   `json:"preferAccessibleContent,omitempty"`
	ShowPreviewTextInListView      bool   `json:"showPreviewTextInListView"`
	ShowReadingPaneOnFirstLoad     bool   `json:"showReadingPaneOnFirstLoad,omitempty"`
	ShowSenderOnTopInListView      bool   `json:"showSenderOnTopInListView"`
	ShowUpNext                     bool   `json:"showUpNext"`
	// Exchange Online only.
	CheckForReportJunkDialog               bool   `json:"checkForReportJunkDialog,omitempty"`
	DisplayDensityMode                     string `json:"displayDensityMode"`
	EchoGroupMessageBackToSubscribedSender bool   `json:"echoGroupMessageBackToSubscribedSender,omitempty"`
	FavoritesBitFlags                      int    `json:"favoritesBitFlags,omitempty"`
	IsDarkModeTheme                        bool   `json:"isDarkModeTheme,omitempty"`
	IsFocusedInboxEnabled                  bool   `json:"isFocusedInboxEnabled"`
	MailSendUndoInterval                   int    `json:"mailSendUndoInterval,omitempty"`
	ManuallyPickCertificate                bool   `json:"manuallyPickCertificate,omitempty"`
	NavigationBarWidth                     int    `json:"navigationBarWidth,omitempty"`
	NewEnabledPonts                        string `json:"newEnabledPonts"`
	ReportJunkSelected                     bool   `json:"reportJunkSelected,omitempty"`
	ShowInlinePreviews                     bool   `json:"showInlinePreviews"`
	ShowNotificationBar                    bool   `json:"showNotificationBar"`
	SigningCertificateId                   string `json:"signingCertificateId,omitempty"`
	SigningCertificateSubject              string `json:"signingCertificateSubject,omitempty"`
	SmimeEncrypt                           bool   `json:"smimeEncrypt,omitempty"`
	SmimeSign                              bool   `json:"smimeSign,omitempty"`
	WebSuggestedRepliesEnabledForUser      bool   `json:"webSuggestedRepliesEnabledForUser"`
}

// Defaults are the settings of a mailbox nobody changed.
func Defaults(m *directory.Mailbox) *Settings {
	return &Settings{
		MailboxGuid:                       strings.ToLower(m.Guid),
		AfterMoveOrDeleteBehavior:         "OpenNextItem",
		NewItemNotification:               "All",
		AutoAddSignatureOnMobile:          true,
		UseDefaultSignatureOnMobile:       true,
		DefaultFontName:                   DefaultFontName,
		DefaultFontSize:                   DefaultFontSize,
		DefaultFontColor:                  DefaultFontColor,
		DefaultFontFlags:                  "Normal",
		DefaultFormat:                     "Html",
		ReadReceiptResponse:               "DoNotAutomaticallySend",
		PreviewMarkAsReadBehavior:         "OnSelectionChange",
		PreviewMarkAsReadDelaytime:        DefaultMarkAsRead,
		ConversationSortOrder:             defaultConversation,
		EmailComposeMode:                  "Inline",
		CheckForForgottenAttachments:      true,
		GlobalReadingPanePosition:         "Right",
		IsReplyAllTheDefaultResponse:      true,
		LinkPreviewEnabled:                true,
		MailFolderPaneExpanded:            true,
		NavigationPaneViewOption:          "Default",
		ShowPreviewTextInListView:         true,
		ShowSenderOnTopInListView:         true,
		ShowUpNext:                        true,
		DisplayDensityMode:                "Full",
		IsFocusedInboxEnabled:             true,
		NewEnabledPonts:                   "All",
		ShowInlinePreviews:                true,
		ShowNotificationBar:               true,
		WebSuggestedRepliesEnabledForUser: true,
	}
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "messageConfig", Name: "messageConfig", Noun: "message settings", CreatedOnWrite: true}),
	Name:  "messageConfig",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the message settings to s: their kind, the rule that a
// purged mailbox's settings go with it, and their check.
func Register(s *store.Schema) {
	settingsKind.Register(s, "message-config", permailbox.Validated(Validate))
}

// Get returns a mailbox's settings: the stored ones, else its defaults.
func Get(tx *store.Tx, m *directory.Mailbox) (*Settings, error) {
	return settingsKind.GetOr(tx, m.Guid, func() *Settings { return Defaults(m) })
}

// Put stores a mailbox's settings after checking them.
func Put(tx *store.Tx, m *directory.Mailbox, s *Settings) error {
	return settingsKind.Save(tx, m, s, Validate)
}

// LengthError refuses a text longer than its property allows.
type LengthError struct {
	Property   string
	Max, Given int
}

func (e *LengthError) Error() string {
	return fmt.Sprintf("The length of the property is too long. The maximum length is %d and the length of the value provided is %d.", e.Max, e.Given)
}

// RangeError refuses a number outside its property's range.
type RangeError struct {
	Property        string
	Min, Max, Given int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("The value must be between %d and %d, inclusive. Current value: %d.", e.Min, e.Max, e.Given)
}

// ColorError refuses a font color that is not #rrggbb.
type ColorError struct {
	Given string
}

func (e *ColorError) Error() string {
	return fmt.Sprintf("The value \"%s\" isn't a hexadecimal HTML color (#rrggbb, for example #FF0000).", e.Given)
}

// SignatureError refuses signatures whose HTML and plain text together
// are longer than Exchange keeps.
type SignatureError struct {
	Given int
}

func (e *SignatureError) Error() string {
	return fmt.Sprintf("The signature is too large: the HTML and text signatures together have %d characters; the maximum is %d.", e.Given, MaxSignature)
}

// validColor reports whether c is an HTML color written #rrggbb.
func validColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c[i])) {
			return false
		}
	}
	return true
}

// Validate checks every setting against Exchange's limits and
// enumerations.
func Validate(s *Settings) error {
	for _, l := range []struct {
		name string
		v    string
		max  int
	}{{"SignatureText", s.SignatureText, MaxSignature}, {"SignatureHtml", s.SignatureHtml, MaxSignature},
		{"SignatureTextOnMobile", s.SignatureTextOnMobile, MaxMobileSignature}, {"DefaultFontName", s.DefaultFontName, MaxFontName},
		{"SendAddressDefault", s.SendAddressDefault, MaxSendAddress}} {
		if n := len([]rune(l.v)); n > l.max {
			return &LengthError{Property: l.name, Max: l.max, Given: n}
		}
	}
	if n := len([]rune(s.SignatureText)) + len([]rune(s.SignatureHtml)); n > MaxSignature {
		return &SignatureError{Given: n}
	}
	switch {
	case s.DefaultFontSize < MinFontSize || s.DefaultFontSize > MaxFontSize:
		return &RangeError{Property: "DefaultFontSize", Min: MinFontSize, Max: MaxFontSize, Given: s.DefaultFontSize}
	case s.PreviewMarkAsReadDelaytime < 0 || s.PreviewMarkAsReadDelaytime > MaxMarkAsReadDelay:
		return &RangeError{Property: "PreviewMarkAsReadDelaytime", Min: 0, Max: MaxMarkAsReadDelay, Given: s.PreviewMarkAsReadDelaytime}
	case !validColor(s.DefaultFontColor):
		return &ColorError{Given: s.DefaultFontColor}
	}
	for _, e := range []struct {
		name, v string
		values  []string
	}{{"AfterMoveOrDeleteBehavior", s.AfterMoveOrDeleteBehavior, AfterMoveOrDeleteBehaviors}, {"ConversationSortOrder", s.ConversationSortOrder, ConversationSortOrders},
		{"DefaultFormat", s.DefaultFormat, MailFormats}, {"DisplayDensityMode", s.DisplayDensityMode, DisplayDensityModes},
		{"EmailComposeMode", s.EmailComposeMode, EmailComposeModes}, {"GlobalReadingPanePosition", s.GlobalReadingPanePosition, ReadingPanePositions},
		{"NavigationPaneViewOption", s.NavigationPaneViewOption, NavigationPaneViews}, {"PreviewMarkAsReadBehavior", s.PreviewMarkAsReadBehavior, PreviewMarkAsReadBehaviors},
		{"ReadReceiptResponse", s.ReadReceiptResponse, ReadReceiptResponses}} {
		if err := store.OneOf(e.name, e.v, e.values); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		name, v string
		flags   enumflags.Flags
	}{{"DefaultFontFlags", s.DefaultFontFlags, FontFlags}, {"NewItemNotification", s.NewItemNotification, NewItemNotifications}, {"NewEnabledPonts", s.NewEnabledPonts, PontTypes}} {
		if v, ok := f.flags.Parse(f.v); !ok || f.flags.Format(v) != f.v {
			return &store.ValidationError{Field: f.name, Message: fmt.Sprintf("%q is not a value of the enumeration", f.v)}
		}
	}
	return nil
}
