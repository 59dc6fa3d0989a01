// Package calendarconfig is the calendar settings of mailboxes
// (Get-/Set-MailboxCalendarConfiguration): working days and hours and
// their time zone, the week's first day and the year's first week,
// reminders, weather, events from email and the other calendar options of
// Outlook on the web and Outlook.
//
// A mailbox whose settings were never changed has Exchange's defaults;
// the tenant keeps a record only once they are changed, and it goes with
// the mailbox.
package calendarconfig

import (
	"fmt"
	"github.com/exosim/exosim/shell/dotnet/enumflags"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/permailbox"
)

// Enumeration values, as Exchange names them.
var (
	DaysOfWeek               = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	FirstWeekRules           = []string{"FirstDay", "FirstFourDayWeek", "FirstFullWeek"}
	HourIncrements           = []string{"FifteenMinutes", "ThirtyMinutes"}
	LocationDetailsLevels    = []string{"None", "Building", "Desk"}
	WeatherEnabledStatuses   = []string{"FirstRun", "Disabled", "Enabled"}
	WeatherTemperatureUnits  = []string{"Default", "Celsius", "Fahrenheit"}
	OnlineMeetingProviders   = []string{"AlibabaDingTalk", "AmazonChimePrivate", "AmazonChimePublic", "AppleFacetime", "BlueJeans", "ClaroVideoconferencia", "FacebookWorkplace", "GoogleMeet", "GoToMeeting", "JioMeet", "RingCentral", "SkypeForBusiness", "SkypeForConsumer", "TeamsForBusiness", "Webex", "Zoom"}
	defaultReminderTimes     = []time.Duration{0, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 3 * time.Hour, 4 * time.Hour, 8 * time.Hour, 12 * time.Hour, 24 * time.Hour, 48 * time.Hour, 72 * time.Hour, 7 * 24 * time.Hour, 14 * 24 * time.Hour}
	defaultWorkingHoursStart = 8 * time.Hour
	defaultWorkingHoursEnd   = 17 * time.Hour
)

// Workdays is the flag enumeration of the working days (DaysOfWeek): the
// days, and the names Exchange gives their usual combinations.
var Workdays = enumflags.Flags{{Name: "None", Value: 0}, {Name: "Sunday", Value: 1}, {Name: "Monday", Value: 2}, {Name: "Tuesday", Value: 4},
	{Name: "Wednesday", Value: 8}, {Name: "Thursday", Value: 16}, {Name: "Friday", Value: 32}, {Name: "Weekdays", Value: 62},
	{Name: "Saturday", Value: 64}, {Name: "WeekendDays", Value: 65}, {Name: "AllDays", Value: 127}}

// MaxWeatherLocations is the most weather locations a calendar shows.
const MaxWeatherLocations = 5

// DefaultTimeZone is the time zone of the working hours of a mailbox
// nobody changed.
const DefaultTimeZone = "Pacific Standard Time"

// Settings are one mailbox's calendar settings.
type Settings struct {
	MailboxGuid           string        `json:"mailboxGuid"`
	WorkDays              string        `json:"workDays"`
	WorkingHoursStartTime time.Duration `json:"workingHoursStartTime"`
	WorkingHoursEndTime   time.Duration `json:"workingHoursEndTime"`
	WorkingHoursTimeZone  string        `json:"workingHoursTimeZone"`
	WeekStartDay          string        `json:"weekStartDay"`
	ShowWeekNumbers       bool          `json:"showWeekNumbers,omitempty"`
	FirstWeekOfYear       string        `json:"firstWeekOfYear"`
	TimeIncrement         string        `json:"timeIncrement"`
	RemindersEnabled      bool          `json:"remindersEnabled"`
	ReminderSoundEnabled  bool          `json:"reminderSoundEnabled"`
	DefaultReminderTime   time.Duration `json:"defaultReminderTime"`
	WeatherEnabled        string        `json:"weatherEnabled"`
	WeatherUnit           string        `json:"weatherUnit"`
	WeatherLocations      []string      `json:"weatherLocations,omitempty"`
	// Exchange 2016 and later.
	AgendaMailEnabled                bool `json:"agendaMailEnabled"`
	ConversationalSchedulingEnabled  bool `json:"conversationalSchedulingEnabled"`
	DefaultMeetingDuration           int  `json:"defaultMeetingDuration"`
	SkipAgendaMailOnFreeDays         bool `json:"skipAgendaMailOnFreeDays,omitempty"`
	UseBrightCalendarColorThemeInOwa bool `json:"useBrightCalendarColorThemeInOwa,omitempty"`
	// Exchange Online only.
	AgendaMailIntroductionEnabled            bool   `json:"agendaMailIntroductionEnabled"`
	AgendaPaneEnabled                        bool   `json:"agendaPaneEnabled"`
	AutoDeclineWhenBusy                      bool   `json:"autoDeclineWhenBusy,omitempty"`
	CalendarFeedsPreferredLanguage           string `json:"calendarFeedsPreferredLanguage,omitempty"`
	CalendarFeedsPreferredRegion             string `json:"calendarFeedsPreferredRegion,omitempty"`
	CalendarFeedsRootPageId                  string `json:"calendarFeedsRootPageId,omitempty"`
	CreateEventsFromEmailAsPrivate           bool   `json:"createEventsFromEmailAsPrivate"`
	DefaultMinutesToReduceLongEventsBy       int    `json:"defaultMinutesToReduceLongEventsBy"`
	DefaultMinutesToReduceShortEventsBy      int    `json:"defaultMinutesToReduceShortEventsBy"`
	DefaultOnlineMeetingProvider             string `json:"defaultOnlineMeetingProvider"`
	DeleteMeetingRequestOnRespond            bool   `json:"deleteMeetingRequestOnRespond"`
	DiningEventsFromEmailEnabled             bool   `json:"diningEventsFromEmailEnabled"`
	EntertainmentEventsFromEmailEnabled      bool   `json:"entertainmentEventsFromEmailEnabled"`
	EventsFromEmailEnabled                   bool   `json:"eventsFromEmailEnabled"`
	FlightEventsFromEmailEnabled             bool   `json:"flightEventsFromEmailEnabled"`
	HotelEventsFromEmailEnabled              bool   `json:"hotelEventsFromEmailEnabled"`
	InvoiceEventsFromEmailEnabled            bool   `json:"invoiceEventsFromEmailEnabled"`
	LocationDetailsInFreeBusy                string `json:"locationDetailsInFreeBusy"`
	OnlineMeetingsByDefaultEnabled           *bool  `json:"onlineMeetingsByDefaultEnabled,omitempty"`
	PackageDeliveryEventsFromEmailEnabled    bool   `json:"packageDeliveryEventsFromEmailEnabled,omitempty"`
	PreserveDeclinedMeetings                 bool   `json:"preserveDeclinedMeetings,omitempty"`
	RentalCarEventsFromEmailEnabled          bool   `json:"rentalCarEventsFromEmailEnabled"`
	ServiceAppointmentEventsFromEmailEnabled bool   `json:"serviceAppointmentEventsFromEmailEnabled"`
	WeatherLocationBookmark                  int    `json:"weatherLocationBookmark,omitempty"`
	WorkspaceUserEnabled                     bool   `json:"workspaceUserEnabled,omitempty"`
}

// Defaults are the settings of a mailbox nobody changed.
func Defaults(m *directory.Mailbox) *Settings {
	return &Settings{
		MailboxGuid:                              strings.ToLower(m.Guid),
		WorkDays:                                 "Weekdays",
		WorkingHoursStartTime:                    defaultWorkingHoursStart,
		WorkingHoursEndTime:                      defaultWorkingHoursEnd,
		WorkingHoursTimeZone:                     DefaultTimeZone,
		WeekStartDay:                             "Sunday",
		FirstWeekOfYear:                          "FirstDay",
		TimeIncrement:                            "ThirtyMinutes",
		RemindersEnabled:                         true,
		ReminderSoundEnabled:                     true,
		DefaultReminderTime:                      15 * time.Minute,
		WeatherEnabled:                           "FirstRun",
		WeatherUnit:                              "Default",
		AgendaMailEnabled:                        true,
		ConversationalSchedulingEnabled:          true,
		DefaultMeetingDuration:                   30,
		AgendaMailIntroductionEnabled:            true,
		AgendaPaneEnabled:                        true,
		CreateEventsFromEmailAsPrivate:           true,
		DefaultMinutesToReduceLongEventsBy:       10,
		DefaultMinutesToReduceShortEventsBy:      5,
		DefaultOnlineMeetingProvider:             "TeamsForBusiness",
		DeleteMeetingRequestOnRespond:            true,
		DiningEventsFromEmailEnabled:             true,
		EntertainmentEventsFromEmailEnabled:      true,
		EventsFromEmailEnabled:                   true,
		FlightEventsFromEmailEnabled:             true,
		HotelEventsFromEmailEnabled:              true,
		InvoiceEventsFromEmailEnabled:            true,
		LocationDetailsInFreeBusy:                "Desk",
		RentalCarEventsFromEmailEnabled:          true,
		ServiceAppointmentEventsFromEmailEnabled: true,
	}
}

var settingsKind = &permailbox.Records[Settings]{
	Kind:  store.DefineKind(store.KindSpec[Settings]{Bucket: "calendarConfig", Name: "calendarConfig", Noun: "calendar settings", CreatedOnWrite: true}),
	Name:  "calendarConfig",
	Owner: func(s *Settings) *string { return &s.MailboxGuid },
}

// Register adds the calendar settings to s: their kind, the rule that a
// purged mailbox's settings go with it, and their check.
func Register(s *store.Schema) {
	settingsKind.Register(s, "calendar-config", permailbox.Validated(Validate))
}

// Get returns a mailbox's settings: the stored ones, else its defaults.
func Get(tx *store.Tx, m *directory.Mailbox) (*Settings, error) {
	return settingsKind.GetOr(tx, m.Guid, func() *Settings { return Defaults(m) })
}

// Put stores a mailbox's settings after checking them.
func Put(tx *store.Tx, m *directory.Mailbox, s *Settings) error {
	return settingsKind.Save(tx, m, s, Validate)
}

// SettingError refuses a value Exchange does not take for a setting.
type SettingError struct {
	Message string
}

func (e *SettingError) Error() string { return e.Message }

// Validate checks the settings against Exchange's rules.
func Validate(s *Settings) error {
	day := 24 * time.Hour
	for _, h := range []struct {
		name string
		v    time.Duration
	}{{"WorkingHoursStartTime", s.WorkingHoursStartTime}, {"WorkingHoursEndTime", s.WorkingHoursEndTime}} {
		if h.v < 0 || h.v >= day {
			return &SettingError{fmt.Sprintf("The value of %s must be a time of day, between 00:00:00 and 23:59:59.9999999.", h.name)}
		}
	}
	if s.WorkingHoursStartTime > s.WorkingHoursEndTime {
		return &SettingError{"The working hours end time must be later than the start time."}
	}
	if !validReminder(s.DefaultReminderTime) {
		return &SettingError{fmt.Sprintf("The DefaultReminderTime value %s isn't valid. Valid values are 00:00:00, 00:05:00, 00:10:00, 00:15:00, 00:30:00, 01:00:00, 02:00:00, 03:00:00, 04:00:00, 08:00:00, 12:00:00, 1.00:00:00, 2.00:00:00, 3.00:00:00, 7.00:00:00 and 14.00:00:00.", FormatTimeSpan(s.DefaultReminderTime))}
	}
	if len(s.WeatherLocations) > MaxWeatherLocations {
		return &SettingError{fmt.Sprintf("You can configure a maximum of %d weather locations.", MaxWeatherLocations)}
	}
	if s.WeatherLocationBookmark < 0 || len(s.WeatherLocations) > 0 && s.WeatherLocationBookmark >= len(s.WeatherLocations) || len(s.WeatherLocations) == 0 && s.WeatherLocationBookmark != 0 {
		return &SettingError{fmt.Sprintf("The WeatherLocationBookmark value %d doesn't name one of the %d weather locations (the first is 0).", s.WeatherLocationBookmark, len(s.WeatherLocations))}
	}
	if v, ok := Workdays.Parse(s.WorkDays); !ok || Workdays.Format(v) != s.WorkDays {
		return &store.ValidationError{Field: "WorkDays", Message: fmt.Sprintf("%q is not a combination of days", s.WorkDays)}
	}
	for _, e := range []struct {
		name, v string
		values  []string
	}{{"WeekStartDay", s.WeekStartDay, DaysOfWeek}, {"FirstWeekOfYear", s.FirstWeekOfYear, FirstWeekRules}, {"TimeIncrement", s.TimeIncrement, HourIncrements},
		{"WeatherEnabled", s.WeatherEnabled, WeatherEnabledStatuses}, {"WeatherUnit", s.WeatherUnit, WeatherTemperatureUnits},
		{"LocationDetailsInFreeBusy", s.LocationDetailsInFreeBusy, LocationDetailsLevels}, {"DefaultOnlineMeetingProvider", s.DefaultOnlineMeetingProvider, OnlineMeetingProviders}} {
		if err := store.OneOf(e.name, e.v, e.values); err != nil {
			return err
		}
	}
	if s.WorkingHoursTimeZone == "" {
		return &store.ValidationError{Field: "WorkingHoursTimeZone", Message: "no time zone"}
	}
	return nil
}

func validReminder(d time.Duration) bool {
	for _, r := range defaultReminderTimes {
		if d == r {
			return true
		}
	}
	return false
}

// FormatTimeSpan writes a duration as .NET writes a TimeSpan
// ([d.]hh:mm:ss).
func FormatTimeSpan(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	days := int(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	s := fmt.Sprintf("%02d:%02d:%02d", int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60)
	if days > 0 {
		s = fmt.Sprintf("%d.%s", days, s)
	}
	if neg {
		s = "-" + s
	}
	return s
}
