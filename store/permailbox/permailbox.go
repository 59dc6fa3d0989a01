// Package permailbox is the kind of record a mailbox has at most one of
// (Records): settings the tenant keeps only once they differ from a
// mailbox's defaults, kept under the mailbox's Guid and gone with it,
// with one check.
package permailbox

import (
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Records is a kind of record a mailbox has at most one of, stored
// under the mailbox's Guid in lower case: settings the tenant keeps only
// once they differ from a mailbox's defaults (Automatic Replies, calendar
// processing, client access, the audit bypass, junk email, Outlook on the web
// message settings, Clutter, regional and calendar settings). A record
// goes with its mailbox.
type Records[T any] struct {
	// Kind holds the records.
	Kind *store.Kind[T]
	// Name is the kind's name in the findings of its check.
	Name string
	// Owner returns the field of a record that holds its mailbox's Guid.
	Owner func(*T) *string
}

// Register adds the records to s: their kind, the rule that a deleted
// mailbox's record goes with it, and the check called check: every
// record belongs to a mailbox that exists and is stored under its Guid.
// more, when not nil, checks a record further (m is nil when its mailbox
// does not exist); report takes the message of a finding.
func (p *Records[T]) Register(s *store.Schema, check string, more func(key string, v *T, m *directory.Mailbox, report func(message string))) {
	p.Kind.Register(s)
	directory.AfterMailboxDelete.Add(s, func(tx *store.Tx, guid string) error { return p.Drop(tx, guid) })
	s.AddCheck(check, func(tx *store.Tx, report func(store.Finding)) error {
		return p.Kind.ForEach(tx, "", func(key string, v *T) error {
			say := func(message string) { report(store.Finding{Kind: p.Name, Key: key, Message: message}) }
			owner := *p.Owner(v)
			m, err := directory.GetMailbox(tx, owner)
			if err != nil {
				m = nil
				say("the mailbox does not exist")
			}
			if key != owner {
				say("stored under another key than its mailbox " + owner)
			}
			if more != nil {
				more(key, v, m, say)
			}
			return nil
		})
	})
}

// Get returns the record of the mailbox with that Guid; ok is false when
// it has none.
func (p *Records[T]) Get(tx *store.Tx, guid string) (v *T, ok bool, err error) {
	return p.Kind.Get(tx, strings.ToLower(guid))
}

// Has reports whether the mailbox with that Guid has a record.
func (p *Records[T]) Has(tx *store.Tx, guid string) bool {
	return p.Kind.Has(tx, strings.ToLower(guid))
}

// Put stores the record of the mailbox with that Guid.
func (p *Records[T]) Put(tx *store.Tx, guid string, v *T) error {
	return p.Kind.Put(tx, strings.ToLower(guid), v)
}

// Save stores v as the record of mailbox m, which it names as v's owner,
// once check (when not nil) takes it: a settings area refuses what
// Exchange refuses and then writes nothing.
func (p *Records[T]) Save(tx *store.Tx, m *directory.Mailbox, v *T, check func(*T) error) error {
	guid := strings.ToLower(m.Guid)
	*p.Owner(v) = guid
	if check != nil {
		if err := check(v); err != nil {
			return err
		}
	}
	return p.Kind.Put(tx, guid, v)
}

// Drop deletes the record of the mailbox with that Guid, if it has one.
func (p *Records[T]) Drop(tx *store.Tx, guid string) error {
	// the kind's bucket appears with its first record
	if !p.Has(tx, guid) {
		return nil
	}
	_, err := p.Kind.Delete(tx, strings.ToLower(guid))
	return err
}

// GetOr returns the record of the mailbox with that Guid, else what
// defaults makes: a settings area stores a mailbox's record only once one
// of its settings changes.
func (p *Records[T]) GetOr(tx *store.Tx, guid string, defaults func() *T) (*T, error) {
	v, ok, err := p.Get(tx, guid)
	if err != nil || ok {
		return v, err
	}
	return defaults(), nil
}

// Validated is a further check for Register: a record validate refuses
// is a finding, with validate's message.
func Validated[T any](validate func(*T) error) func(key string, v *T, m *directory.Mailbox, report func(message string)) {
	return func(_ string, v *T, _ *directory.Mailbox, report func(string)) {
		if err := validate(v); err != nil {
			report(err.Error())
		}
	}
}
