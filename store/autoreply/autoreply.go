// Package autoreply is the Automatic Replies (out of office) settings of
// mailboxes (Get-/Set-MailboxAutoReplyConfiguration): whether replies are
// sent (Disabled, Enabled, or Scheduled between a start and an end time
// on the simulated clock), the messages for senders inside and outside
// the organization, and which outside senders get one.
//
// A mailbox whose settings were never changed has replies off, every
// outside sender as the audience and a one-day window starting at the
// current hour; the tenant keeps a record only once they are changed, and
// it goes with the mailbox.
package autoreply

import (
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// States of Automatic Replies.
const (
	Disabled  = "Disabled"
	Enabled   = "Enabled"
	Scheduled = "Scheduled"
)

// States are the values AutoReplyState takes.
var States = []string{Disabled, Enabled, Scheduled}

// Audiences are the values ExternalAudience takes.
var Audiences = []string{"None", "Known", "All"}

// Settings are one mailbox's Automatic Replies settings.
type Settings struct {
	MailboxGuid      string    `json:"mailboxGuid"`
	State            string    `json:"state"`
	StartTime        time.Time `json:"startTime"`
	EndTime          time.Time `json:"endTime"`
	ExternalAudience string    `json:"externalAudience"`
	InternalMessage  string    `json:"internalMessage,omitempty"`
	ExternalMessage  string    `json:"externalMessage,omitempty"`
	// The calendar while replies are scheduled.
	AutoDeclineFutureRequestsWhenOOF bool     `json:"autoDeclineFutureRequestsWhenOOF,omitempty"`
	CreateOOFEvent                   bool     `json:"createOOFEvent,omitempty"`
	DeclineAllEventsForScheduledOOF  bool     `json:"declineAllEventsForScheduledOOF,omitempty"`
	DeclineEventsForScheduledOOF     bool     `json:"declineEventsForScheduledOOF,omitempty"`
	DeclineMeetingMessage            string   `json:"declineMeetingMessage,omitempty"`
	EventsToDeleteIDs                []string `json:"eventsToDeleteIDs,omitempty"`
	OOFEventSubject                  string   `json:"oofEventSubject,omitempty"`
}

// Defaults are the settings of a mailbox nobody changed, at time now.
func Defaults(m *directory.Mailbox, now time.Time) *Settings {
	start := now.UTC().Truncate(time.Hour)
	return &Settings{MailboxGuid: strings.ToLower(m.Guid), State: Disabled, ExternalAudience: "All", StartTime: start, EndTime: start.Add(24 * time.Hour)}
}

// SendingAt reports whether replies go out at time t: always when
// Enabled, within [StartTime, EndTime) when Scheduled.
func (s *Settings) SendingAt(t time.Time) bool {
	switch s.State {
	case Enabled:
		return true
	case Scheduled:
		return !t.Before(s.StartTime) && t.Before(s.EndTime)
	}
	return false
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "autoReply", Name: "autoReply", Noun: "Automatic Replies settings", CreatedOnWrite: true}),
	Name:  "autoReply",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the Automatic Replies settings to s: their kind, the rule
// that a purged mailbox's settings go with it, and their check.
func Register(s *store.Schema) {
	settingsKind.Register(s, "auto-reply", permailbox.Validated(validate))
}

// Get returns a mailbox's settings: the stored ones, else its defaults at
// the tenant's current time.
func Get(tx *store.Tx, m *directory.Mailbox) (*Settings, error) {
	return settingsKind.GetOr(tx, m.Guid, func() *Settings { return Defaults(m, tx.Now()) })
}

// TimeRangeError refuses a schedule whose end is not after its start, or
// (Past) whose end is not after the time it is saved.
type TimeRangeError struct {
	Start, End time.Time
	Past       bool
}

func (e *TimeRangeError) Error() string {
	if e.Past {
		return "The end time that you entered occurs before the current time."
	}
	return "The end time that you entered occurs before the start time. The start time must occur before the end time."
}

// Put stores a mailbox's settings after checking them.
func Put(tx *store.Tx, m *directory.Mailbox, s *Settings) error {
	return settingsKind.Save(tx, m, s, func(s *Settings) error {
		if err := validate(s); err != nil {
			return err
		}
		// A schedule is saved only while its end is still ahead; the
		// times of replies that are off or always on are not checked.
		if s.State == Scheduled && !s.EndTime.After(tx.Now()) {
			return &TimeRangeError{Start: s.StartTime, End: s.EndTime, Past: true}
		}
		return nil
	})
}

func validate(s *Settings) error {
	if err := store.OneOf("AutoReplyState", s.State, States); err != nil {
		return err
	}
	if err := store.OneOf("ExternalAudience", s.ExternalAudience, Audiences); err != nil {
		return err
	}
	switch {
	case s.State == Scheduled && !s.EndTime.After(s.StartTime):
		return &TimeRangeError{Start: s.StartTime, End: s.EndTime}
	case s.DeclineAllEventsForScheduledOOF && len(s.EventsToDeleteIDs) > 0:
		return &store.ValidationError{Field: "EventsToDeleteIDs", Message: "EventsToDeleteIDs can't be used with DeclineAllEventsForScheduledOOF."}
	}
	return nil
}
