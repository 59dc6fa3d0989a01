// Package regional is the regional settings of mailboxes
// (Get-/Set-MailboxRegionalConfiguration): the mailbox's language, the
// date and time formats Outlook on the web shows, its time zone, and the
// language its default folders were named in.
//
// A mailbox nobody set up has no language, formats or time zone (Exchange
// Online shows them empty until the user or an administrator picks them);
// its default folders carry their English names. The tenant keeps a
// record only once the settings are changed, and it goes with the
// mailbox.
package regional

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// FolderLanguage is the language a mailbox's default folders are named in
// until they are localized.
const FolderLanguage = "en-US"

// Settings are one mailbox's regional settings. DateFormat and TimeFormat
// are kept only when set: without them the language's short patterns
// show.
type Settings struct {
	MailboxGuid    string `json:"mailboxGuid"`
	Language       string `json:"language,omitempty"`
	DateFormat     string `json:"dateFormat,omitempty"`
	TimeFormat     string `json:"timeFormat,omitempty"`
	TimeZone       string `json:"timeZone,omitempty"`
	FolderLanguage string `json:"folderLanguage,omitempty"`
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "regional", Name: "regional", Noun: "regional settings", CreatedOnWrite: true}),
	Name:  "regional",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the regional settings to s: their kind, the rule that a
// purged mailbox's settings go with it, and their check.
func Register(s *store.Schema) {
	settingsKind.Register(s, "regional", permailbox.Validated(Validate))
}

// Get returns a mailbox's settings: the stored ones, else empty ones.
func Get(tx *store.Tx, m *directory.Mailbox) (*Settings, error) {
	return settingsKind.GetOr(tx, m.Guid, func() *Settings { return &Settings{MailboxGuid: strings.ToLower(m.Guid)} })
}

// EffectiveDateFormat is the date format shown: the one set, else the
// language's short date pattern, else none.
func (s *Settings) EffectiveDateFormat() string {
	if s.DateFormat != "" {
		return s.DateFormat
	}
	if c, ok := LookupCulture(s.Language); ok {
		return c.DatePatterns[0]
	}
	return ""
}

// EffectiveTimeFormat is the time format shown: the one set, else the
// language's short time pattern, else none.
func (s *Settings) EffectiveTimeFormat() string {
	if s.TimeFormat != "" {
		return s.TimeFormat
	}
	if c, ok := LookupCulture(s.Language); ok {
		return c.TimePatterns[0]
	}
	return ""
}

// FoldersLanguage is the language the mailbox's default folders are
// named in.
func (s *Settings) FoldersLanguage() string {
	if s.FolderLanguage != "" {
		return s.FolderLanguage
	}
	return FolderLanguage
}

// FormatError refuses a date or time format the language does not have.
type FormatError struct {
	Kind     string // DateFormat or TimeFormat
	Format   string
	Language string
	Valid    []string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("The %s \"%s\" isn't valid for current language setting \"%s\". Valid formats include \"%s\".", e.Kind, e.Format, e.Language, strings.Join(e.Valid, ", "))
}

// NoLanguageError refuses a date or time format set while the mailbox has
// no language to check it against.
type NoLanguageError struct{}

func (e *NoLanguageError) Error() string {
	return "The date and time formats can't be set because the mailbox has no language. Set the Language parameter too."
}

// Validate checks that the date and time formats shown are among the
// language's patterns, and that the time zone is one Windows knows.
func Validate(s *Settings) error {
	if s.TimeZone != "" && !ValidTimeZone(s.TimeZone) {
		return &store.ValidationError{Field: "TimeZone", Message: fmt.Sprintf("%q is not a Windows time zone", s.TimeZone)}
	}
	if s.Language == "" {
		if s.DateFormat != "" || s.TimeFormat != "" {
			return &NoLanguageError{}
		}
		return nil
	}
	c, ok := LookupCulture(s.Language)
	if !ok {
		return &store.ValidationError{Field: "Language", Message: fmt.Sprintf("%q is not a language exosim knows the formats of", s.Language)}
	}
	if f := s.EffectiveDateFormat(); !contains(c.DatePatterns, strings.TrimSpace(f)) {
		return &FormatError{Kind: "DateFormat", Format: f, Language: c.Name, Valid: c.DatePatterns}
	}
	if f := s.EffectiveTimeFormat(); !contains(c.TimePatterns, strings.TrimSpace(f)) {
		return &FormatError{Kind: "TimeFormat", Format: f, Language: c.Name, Valid: c.TimePatterns}
	}
	return nil
}

// Put stores a mailbox's settings after checking them.
func Put(tx *store.Tx, m *directory.Mailbox, s *Settings) error {
	return settingsKind.Save(tx, m, s, Validate)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
