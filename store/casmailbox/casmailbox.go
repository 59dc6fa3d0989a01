// Package casmailbox is the client access settings of mailboxes
// (Get-/Set-CASMailbox): which protocols and clients may open each
// mailbox (Exchange ActiveSync, Outlook on the web, POP3, IMAP4, MAPI,
// EWS, the Outlook apps) and whether SMTP AUTH client submission is
// turned off for it.
//
// Every protocol and client is allowed until turned off; SMTP AUTH
// follows the organization's setting (SmtpClientAuthenticationDisabled
// is unset) until set for the mailbox. The tenant keeps a record only for
// a mailbox whose settings were changed, and it goes with the mailbox.
package casmailbox

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/permailbox"
)

// Switches are the on/off settings, with their value for a mailbox
// nobody changed.
var Switches = []struct {
	Name    string
	Default bool
}{
	{"ActiveSyncEnabled", true}, {"OWAEnabled", true}, {"OWAforDevicesEnabled", true}, {"PopEnabled", true},
	{"ImapEnabled", true}, {"MAPIEnabled", true}, {"EwsEnabled", true}, {"UniversalOutlookEnabled", true},
	{"OutlookMobileEnabled", true}, {"MacOutlookEnabled", true}, {"OneWinNativeOutlookEnabled", true},
	{"PopUseProtocolDefaults", true}, {"ImapUseProtocolDefaults", true}, {"ShowGalAsDefaultView", true},
	{"PublicFolderClientAccess", false}, {"IsOptimizedForAccessibility", false},
	{"ActiveSyncSuppressReadReceipt", false}, {"ActiveSyncDebugLogging", false},
	{"PopSuppressReadReceipt", false}, {"ImapSuppressReadReceipt", false},
	{"PopForceICalForCalendarRetrievalOption", false}, {"ImapForceICalForCalendarRetrievalOption", false},
}

// Settings are one mailbox's changed client access settings.
type Settings struct {
	MailboxGuid string `json:"mailboxGuid"`
	// Switches holds the on/off settings that were set, by name.
	Switches map[string]bool `json:"switches,omitempty"`
	// SmtpClientAuthenticationDisabled is nil while the mailbox follows
	// the organization.
	SmtpClientAuthenticationDisabled *bool `json:"smtpClientAuthenticationDisabled,omitempty"`
}

// Value returns the on/off setting of that name (its default when unset).
func (s *Settings) Value(name string) bool {
	if v, ok := s.Switches[name]; ok {
		return v
	}
	for _, sw := range Switches {
		if sw.Name == name {
			return sw.Default
		}
	}
	return false
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "casMailbox", Name: "casMailbox", Noun: "client access settings", CreatedOnWrite: true}),
	Name:  "casMailbox",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the client access settings to s: their kind, the rule
// that a purged mailbox's settings go with it, and their check.
func Register(s *store.Schema) { settingsKind.Register(s, "cas-mailbox", nil) }

// Get returns a mailbox's settings (empty when never changed).
func Get(tx *store.Tx, mailboxGuid string) (*Settings, error) {
	s, ok, err := settingsKind.Get(tx, mailboxGuid)
	if err != nil {
		return nil, err
	}
	if !ok {
		return &Settings{MailboxGuid: strings.ToLower(mailboxGuid)}, nil
	}
	return s, nil
}

// Put stores a mailbox's settings; settings back at their defaults are
// dropped, and a mailbox left with none has no record.
func Put(tx *store.Tx, s *Settings) error {
	s.MailboxGuid = strings.ToLower(s.MailboxGuid)
	for _, sw := range Switches {
		if v, ok := s.Switches[sw.Name]; ok && v == sw.Default {
			delete(s.Switches, sw.Name)
		}
	}
	if len(s.Switches) == 0 && s.SmtpClientAuthenticationDisabled == nil {
		return settingsKind.Drop(tx, s.MailboxGuid)
	}
	return settingsKind.Put(tx, s.MailboxGuid, s)
}
