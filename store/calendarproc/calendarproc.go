// Package calendarproc is the calendar processing settings of mailboxes:
// how the Calendar Attendant and, for room and equipment mailboxes, the
// resource booking attendant handle meeting requests (Get-/
// Set-CalendarProcessing).
//
// A mailbox whose settings were never changed has Exchange's defaults,
// which depend on its kind (Defaults); the tenant keeps a record only for
// a mailbox whose settings were changed, and it goes with the mailbox.
// Users and groups a setting names (delegates, the in-policy and
// out-of-policy lists) are kept by their directory object id.
package calendarproc

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// Values of AutomateProcessing.
const (
	AutoUpdate = "AutoUpdate"
	AutoAccept = "AutoAccept"
	None       = "None"
)

// AutomateValues are the values AutomateProcessing takes.
var AutomateValues = []string{None, AutoUpdate, AutoAccept}

// BookingTypes are the values BookingType takes.
var BookingTypes = []string{"Standard", "Reserved"}

// Limits of the numeric settings.
const (
	MaxBookingWindowInDays = 1080
	MaxConflictPercentage  = 100
)

// Settings are one mailbox's calendar processing settings.
type Settings struct {
	MailboxGuid        string `json:"mailboxGuid"`
	AutomateProcessing string `json:"automateProcessing"`
	BookingType        string `json:"bookingType"`
	// The booking policy.
	AllowConflicts              bool `json:"allowConflicts"`
	AllowRecurringMeetings      bool `json:"allowRecurringMeetings"`
	BookingWindowInDays         int  `json:"bookingWindowInDays"`
	ConflictPercentageAllowed   int  `json:"conflictPercentageAllowed"`
	EnforceCapacity             bool `json:"enforceCapacity"`
	EnforceSchedulingHorizon    bool `json:"enforceSchedulingHorizon"`
	MaximumConflictInstances    int  `json:"maximumConflictInstances"`
	MaximumDurationInMinutes    int  `json:"maximumDurationInMinutes"`
	MinimumDurationInMinutes    int  `json:"minimumDurationInMinutes"`
	ScheduleOnlyDuringWorkHours bool `json:"scheduleOnlyDuringWorkHours"`
	// Who may book: everyone, or the users and groups listed (object ids).
	AllBookInPolicy       bool     `json:"allBookInPolicy"`
	AllRequestInPolicy    bool     `json:"allRequestInPolicy"`
	AllRequestOutOfPolicy bool     `json:"allRequestOutOfPolicy"`
	BookInPolicy          []string `json:"bookInPolicy,omitempty"`
	RequestInPolicy       []string `json:"requestInPolicy,omitempty"`
	RequestOutOfPolicy    []string `json:"requestOutOfPolicy,omitempty"`
	ResourceDelegates     []string `json:"resourceDelegates,omitempty"`
	// What the attendants do to requests and responses.
	AddAdditionalResponse                bool   `json:"addAdditionalResponse"`
	AdditionalResponse                   string `json:"additionalResponse,omitempty"`
	AddNewRequestsTentatively            bool   `json:"addNewRequestsTentatively"`
	AddOrganizerToSubject                bool   `json:"addOrganizerToSubject"`
	DeleteAttachments                    bool   `json:"deleteAttachments"`
	DeleteComments                       bool   `json:"deleteComments"`
	DeleteNonCalendarItems               bool   `json:"deleteNonCalendarItems"`
	DeleteSubject                        bool   `json:"deleteSubject"`
	EnableAutoRelease                    bool   `json:"enableAutoRelease"`
	EnableResponseDetails                bool   `json:"enableResponseDetails"`
	ForwardRequestsToDelegates           bool   `json:"forwardRequestsToDelegates"`
	OrganizerInfo                        bool   `json:"organizerInfo"`
	PostReservationMaxClaimTimeInMinutes int    `json:"postReservationMaxClaimTimeInMinutes"`
	ProcessExternalMeetingMessages       bool   `json:"processExternalMeetingMessages"`
	RemoveCanceledMeetings               bool   `json:"removeCanceledMeetings"`
	RemoveForwardedMeetingNotifications  bool   `json:"removeForwardedMeetingNotifications"`
	RemoveOldMeetingMessages             bool   `json:"removeOldMeetingMessages"`
	RemovePrivateProperty                bool   `json:"removePrivateProperty"`
	TentativePendingApproval             bool   `json:"tentativePendingApproval"`
}

// IsResource reports whether a mailbox is a room or equipment mailbox,
// whose resource booking settings apply.
func IsResource(m *directory.Mailbox) bool {
	return m.RecipientTypeDetails == directory.RecipientRoomMailbox || m.RecipientTypeDetails == directory.RecipientEquipmentMailbox
}

// Defaults are the settings of a mailbox nobody changed: a room or
// equipment mailbox accepts meeting requests on its own (AutoAccept),
// every other mailbox leaves them to the Calendar Attendant (AutoUpdate).
func Defaults(m *directory.Mailbox) *Settings {
	s := &Settings{
		MailboxGuid: strings.ToLower(m.Guid), AutomateProcessing: AutoUpdate, BookingType: "Standard",
		AllowRecurringMeetings: true, BookingWindowInDays: 180, EnforceSchedulingHorizon: true, MaximumDurationInMinutes: 1440,
		AllBookInPolicy: true, AddNewRequestsTentatively: true, AddOrganizerToSubject: true, DeleteAttachments: true,
		DeleteComments: true, DeleteNonCalendarItems: true, DeleteSubject: true, EnableResponseDetails: true,
		ForwardRequestsToDelegates: true, OrganizerInfo: true, PostReservationMaxClaimTimeInMinutes: 10,
		RemoveOldMeetingMessages: true, RemovePrivateProperty: true, TentativePendingApproval: true,
	}
	if IsResource(m) {
		s.AutomateProcessing = AutoAccept
	}
	return s
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "calendarProcessing", Name: "calendarProcessing", Noun: "calendar processing settings", CreatedOnWrite: true}),
	Name:  "calendarProcessing",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the calendar processing settings to s: their kind, the
// rule that a purged mailbox's settings go with it, and their check.
func Register(s *store.Schema) {
	settingsKind.Register(s, "calendar-processing", func(_ string, v *Settings, m *directory.Mailbox, report func(string)) {
		if err := validate(v); err != nil {
			report(err.Error())
		}
		if m != nil && !IsResource(m) && v.AutomateProcessing == AutoAccept {
			report((&UserMailboxError{}).Error())
		}
	})
}

// Get returns a mailbox's settings: the stored ones, else its defaults.
func Get(tx *store.Tx, m *directory.Mailbox) (*Settings, error) {
	s, ok, err := settingsKind.Get(tx, m.Guid)
	if err != nil {
		return nil, err
	}
	if !ok {
		return Defaults(m), nil
	}
	return s, nil
}

// UserMailboxError refuses AutoAccept on a mailbox that is not a room or
// equipment mailbox: the resource booking attendant runs on resources
// only.
type UserMailboxError struct{}

func (e *UserMailboxError) Error() string {
	return "AutoAccept can only be enabled on resource mailboxes."
}

// Put stores a mailbox's settings after checking them.
func Put(tx *store.Tx, m *directory.Mailbox, s *Settings) error {
	return settingsKind.Save(tx, m, s, func(s *Settings) error {
		if err := validate(s); err != nil {
			return err
		}
		if !IsResource(m) && s.AutomateProcessing == AutoAccept {
			return &UserMailboxError{}
		}
		return nil
	})
}

// validate refuses settings outside their documented ranges.
func validate(s *Settings) error {
	if err := store.OneOf("AutomateProcessing", s.AutomateProcessing, AutomateValues); err != nil {
		return err
	}
	if err := store.OneOf("BookingType", s.BookingType, BookingTypes); err != nil {
		return err
	}
	switch {
	case s.BookingWindowInDays < 0 || s.BookingWindowInDays > MaxBookingWindowInDays:
		return &store.ValidationError{Field: "BookingWindowInDays", Message: fmt.Sprintf("%d is outside 0..%d", s.BookingWindowInDays, MaxBookingWindowInDays)}
	case s.ConflictPercentageAllowed < 0 || s.ConflictPercentageAllowed > MaxConflictPercentage:
		return &store.ValidationError{Field: "ConflictPercentageAllowed", Message: fmt.Sprintf("%d is outside 0..%d", s.ConflictPercentageAllowed, MaxConflictPercentage)}
	}
	for name, v := range map[string]int{"MaximumConflictInstances": s.MaximumConflictInstances, "MaximumDurationInMinutes": s.MaximumDurationInMinutes,
		"MinimumDurationInMinutes": s.MinimumDurationInMinutes, "PostReservationMaxClaimTimeInMinutes": s.PostReservationMaxClaimTimeInMinutes} {
		if v < 0 {
			return &store.ValidationError{Field: name, Message: fmt.Sprintf("%d is negative", v)}
		}
	}
	return nil
}
