// Package clutter is the Clutter setting of mailboxes (Get-/Set-Clutter):
// whether Exchange Online moves the messages a user is likely to ignore
// out of the Inbox into the Clutter folder.
//
// Clutter is off for a mailbox whose setting was never changed: Focused
// Inbox took its place, and Exchange Online turns Clutter on for nobody
// by itself. The tenant keeps a record only once the setting is changed,
// and it goes with the mailbox.
package clutter

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// Setting is one mailbox's Clutter setting.
type Setting struct {
	MailboxGuid string `json:"mailboxGuid"`
	Enabled     bool   `json:"enabled"`
}

var settingKind = &permailbox.Records[Setting]{
	Kind:  store.DefineKind(store.KindSpec[Setting]{Bucket: "clutter", Name: "clutter", Noun: "Clutter setting", CreatedOnWrite: true}),
	Name:  "clutter",
	Owner: func(s *Setting) *string { return &s.MailboxGuid },
}

// Register adds the Clutter settings to s: their kind, the rule that a
// purged mailbox's setting goes with it, and their check.
func Register(s *store.Schema) {
	settingKind.Register(s, "clutter", nil)
}

// Enabled reports whether Clutter is on for the mailbox.
func Enabled(tx *store.Tx, m *directory.Mailbox) (bool, error) {
	s, ok, err := settingKind.Get(tx, m.Guid)
	if err != nil || !ok {
		return false, err
	}
	return s.Enabled, nil
}

// Set turns Clutter on or off for the mailbox.
func Set(tx *store.Tx, m *directory.Mailbox, on bool) error {
	guid := strings.ToLower(m.Guid)
	return settingKind.Put(tx, guid, &Setting{MailboxGuid: guid, Enabled: on})
}
