// Package calendarconfig declares the Exchange Online cmdlets of
// mailboxes' calendar settings: Get-/Set-MailboxCalendarConfiguration over
// the settings the tenant keeps for each mailbox (store/calendarconfig).
package calendarconfig

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	cc "github.com/exosim/exosim/store/calendarconfig"
)

// TypeCalendarConfig is the output type of Get-MailboxCalendarConfiguration.
const TypeCalendarConfig = "Microsoft.Exchange.Data.Storage.Management.MailboxCalendarConfiguration"

const (
	nsManagement = "Microsoft.Exchange.Data.Storage.Management."
	exValidation = "Microsoft.Exchange.Data.DataValidationException"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-MailboxCalendarConfiguration", "Set-MailboxCalendarConfiguration"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers nothing: the calendar settings show as a list.
func Views(*format.Registry) {}

func commands() []*command.Command {
	get := exo.Declared("Get-MailboxCalendarConfiguration")
	exo.Describe(get, map[string]string{"Identity": "The mailbox whose calendar settings to show; your own without it."})
	get.OutputType = TypeCalendarConfig
	get.Synopsis = "Shows a mailbox's calendar settings: working days and hours, reminders, weather, events from email."
	get.Handler.Process = area.Get

	set := exo.Declared("Set-MailboxCalendarConfiguration")
	settings.Get().Declare(set, map[string]string{"Identity": "The mailbox whose calendar settings to change."})
	set.Synopsis = "Changes a mailbox's calendar settings."
	set.Examples = []command.Example{{Code: `Set-MailboxCalendarConfiguration annb -WorkingHoursStartTime 07:00:00 -WorkingHoursEndTime 15:30:00 -WorkingHoursTimeZone "W. Europe Standard Time" -WorkDays Monday,Tuesday,Wednesday,Thursday`,
		Remark: "Gives Ann a four-day week from 7:00 to 15:30 Central European time."}}
	set.Handler.Process = setCalendarConfig
	return []*command.Command{exo.Partial(get, "Identity"), exo.Partial(set, settings.Get().Names("Identity")...)}
}

// area is the calendar settings as the cmdlets reach them.
var area = mailboxsetting.Area[cc.Settings]{
	Read: cc.Get, Write: cc.Put, Type: TypeCalendarConfig,
	Prompt:   "Setting calendar configuration for mailbox Identity:\"%s\".",
	Settings: &settings,
	Refused:  mailboxsetting.Is[*cc.SettingError],
	Refusal:  exValidation,
}

// settings are the calendar settings in the order Get lists them:
// Exchange's own order, then those added since Exchange 2016, then
// Exchange Online's.
var settings = lazy.Value[mailboxsetting.Table[cc.Settings]]{Build: func() mailboxsetting.Table[cc.Settings] {
	return mailboxsetting.Table[cc.Settings]{
		{Name: "WorkDays", Type: nsManagement + "DaysOfWeek", Kind: mailboxsetting.FlagsEnum, Flags: cc.Workdays, Help: "The working days: one or more of " + strings.Join(cc.Workdays.Names(), ", ") + ".",
			Field: func(s *cc.Settings) any { return &s.WorkDays }},
		mailboxsetting.TimeSpanSetting("WorkingHoursStartTime", "When the working day starts (a time of day; 08:00:00 by default).", func(s *cc.Settings) *time.Duration { return &s.WorkingHoursStartTime }),
		mailboxsetting.TimeSpanSetting("WorkingHoursEndTime", "When the working day ends (not before it starts; 17:00:00 by default).", func(s *cc.Settings) *time.Duration { return &s.WorkingHoursEndTime }),
		{Name: "WorkingHoursTimeZone", Type: nsManagement + "ExTimeZoneValue", Kind: mailboxsetting.TimeZone, Help: "The time zone of the working hours: a Windows time zone ID (Pacific Standard Time by default).",
			Field: func(s *cc.Settings) any { return &s.WorkingHoursTimeZone }},
		mailboxsetting.EnumSetting("WeekStartDay", "System.DayOfWeek", cc.DaysOfWeek, func(s *cc.Settings) *string { return &s.WeekStartDay }),
		mailboxsetting.BoolSetting("ShowWeekNumbers", "$true shows week numbers in the calendar.", func(s *cc.Settings) *bool { return &s.ShowWeekNumbers }),
		mailboxsetting.EnumSetting("FirstWeekOfYear", nsManagement+"FirstWeekRules", cc.FirstWeekRules, func(s *cc.Settings) *string { return &s.FirstWeekOfYear }),
		mailboxsetting.EnumSetting("TimeIncrement", nsManagement+"HourIncrement", cc.HourIncrements, func(s *cc.Settings) *string { return &s.TimeIncrement }),
		mailboxsetting.BoolSetting("RemindersEnabled", "$false turns calendar reminders off.", func(s *cc.Settings) *bool { return &s.RemindersEnabled }),
		mailboxsetting.BoolSetting("ReminderSoundEnabled", "$false silences reminders.", func(s *cc.Settings) *bool { return &s.ReminderSoundEnabled }),
		mailboxsetting.TimeSpanSetting("DefaultReminderTime", "How long before an event its reminder shows: 00:00:00, 00:05:00, 00:10:00, 00:15:00, 00:30:00, 01:00:00, 02:00:00, 03:00:00, 04:00:00, 08:00:00, 12:00:00, 1.00:00:00, 2.00:00:00, 3.00:00:00, 7.00:00:00 or 14.00:00:00.", func(s *cc.Settings) *time.Duration { return &s.DefaultReminderTime }),
		weatherEnabled(),
		mailboxsetting.EnumSetting("WeatherUnit", nsManagement+"WeatherTemperatureUnit", cc.WeatherTemperatureUnits, func(s *cc.Settings) *string { return &s.WeatherUnit }),
		mailboxsetting.ListSetting("WeatherLocations", "At most 5 weather locations (LocationId:<id>;Name:<name>;Latitude:<lat>;Longitude:<long>; a list, @{Add=...;Remove=...} or $null).", func(s *cc.Settings) *[]string { return &s.WeatherLocations }),
		mailboxsetting.BoolSetting("AgendaMailEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AgendaMailEnabled }),
		mailboxsetting.BoolSetting("ConversationalSchedulingEnabled", "$false turns conversational scheduling off.", func(s *cc.Settings) *bool { return &s.ConversationalSchedulingEnabled }),
		mailboxsetting.IntSetting("DefaultMeetingDuration", "Kept and shown.", func(s *cc.Settings) *int { return &s.DefaultMeetingDuration }),
		mailboxsetting.BoolSetting("SkipAgendaMailOnFreeDays", "Kept and shown.", func(s *cc.Settings) *bool { return &s.SkipAgendaMailOnFreeDays }),
		mailboxsetting.BoolSetting("UseBrightCalendarColorThemeInOwa", "$true uses bright calendar colors in Outlook on the web.", func(s *cc.Settings) *bool { return &s.UseBrightCalendarColorThemeInOwa }),
		mailboxsetting.BoolSetting("AgendaMailIntroductionEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AgendaMailIntroductionEnabled }),
		mailboxsetting.BoolSetting("AgendaPaneEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AgendaPaneEnabled }),
		mailboxsetting.BoolSetting("AutoDeclineWhenBusy", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AutoDeclineWhenBusy }),
		feedText("CalendarFeedsPreferredLanguage", "An ISO 639-1 two-letter language code in lower case (en).", func(s *cc.Settings) *string { return &s.CalendarFeedsPreferredLanguage }),
		feedText("CalendarFeedsPreferredRegion", "An ISO 3166-1 two-letter country code (AU).", func(s *cc.Settings) *string { return &s.CalendarFeedsPreferredRegion }),
		feedText("CalendarFeedsRootPageId", "The root page of calendar feeds.", func(s *cc.Settings) *string { return &s.CalendarFeedsRootPageId }),
		mailboxsetting.BoolSetting("CreateEventsFromEmailAsPrivate", "$false creates events from email as Normal, not Private.", func(s *cc.Settings) *bool { return &s.CreateEventsFromEmailAsPrivate }),
		mailboxsetting.IntSetting("DefaultMinutesToReduceLongEventsBy", "Kept and shown.", func(s *cc.Settings) *int { return &s.DefaultMinutesToReduceLongEventsBy }),
		mailboxsetting.IntSetting("DefaultMinutesToReduceShortEventsBy", "Kept and shown.", func(s *cc.Settings) *int { return &s.DefaultMinutesToReduceShortEventsBy }),
		mailboxsetting.EnumSetting("DefaultOnlineMeetingProvider", nsManagement+"OnlineMeetingProviderType", cc.OnlineMeetingProviders, func(s *cc.Settings) *string { return &s.DefaultOnlineMeetingProvider }),
		mailboxsetting.BoolSetting("DeleteMeetingRequestOnRespond", "Kept and shown.", func(s *cc.Settings) *bool { return &s.DeleteMeetingRequestOnRespond }),
		mailboxsetting.BoolSetting("DiningEventsFromEmailEnabled", "$false stops dining reservations becoming events.", func(s *cc.Settings) *bool { return &s.DiningEventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("EntertainmentEventsFromEmailEnabled", "$false stops entertainment reservations becoming events.", func(s *cc.Settings) *bool { return &s.EntertainmentEventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("EventsFromEmailEnabled", "$false stops events being created from email.", func(s *cc.Settings) *bool { return &s.EventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("FlightEventsFromEmailEnabled", "$false stops flight reservations becoming events.", func(s *cc.Settings) *bool { return &s.FlightEventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("HotelEventsFromEmailEnabled", "$false stops hotel reservations becoming events.", func(s *cc.Settings) *bool { return &s.HotelEventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("InvoiceEventsFromEmailEnabled", "$false stops invoices being created from email.", func(s *cc.Settings) *bool { return &s.InvoiceEventsFromEmailEnabled }),
		mailboxsetting.EnumSetting("LocationDetailsInFreeBusy", nsManagement+"LocationDetailsPermissionInFreeBusy", cc.LocationDetailsLevels, func(s *cc.Settings) *string { return &s.LocationDetailsInFreeBusy }),
		{Name: "OnlineMeetingsByDefaultEnabled", Type: "System.Nullable`1[[System.Boolean]]", Kind: mailboxsetting.NullableBool, Help: "$true makes every meeting online, $false none; $null follows the organization.",
			Field: func(s *cc.Settings) any { return &s.OnlineMeetingsByDefaultEnabled }},
		mailboxsetting.BoolSetting("PackageDeliveryEventsFromEmailEnabled", "$true makes package deliveries events.", func(s *cc.Settings) *bool { return &s.PackageDeliveryEventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("PreserveDeclinedMeetings", "Kept and shown.", func(s *cc.Settings) *bool { return &s.PreserveDeclinedMeetings }),
		mailboxsetting.BoolSetting("RentalCarEventsFromEmailEnabled", "$false stops rental car reservations becoming events.", func(s *cc.Settings) *bool { return &s.RentalCarEventsFromEmailEnabled }),
		mailboxsetting.BoolSetting("ServiceAppointmentEventsFromEmailEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.ServiceAppointmentEventsFromEmailEnabled }),
		mailboxsetting.IntSetting("WeatherLocationBookmark", "The weather location shown first: its index among WeatherLocations (from 0).", func(s *cc.Settings) *int { return &s.WeatherLocationBookmark }),
		mailboxsetting.BoolSetting("WorkspaceUserEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.WorkspaceUserEnabled }),
	}
}}

// weatherEnabled is the WeatherEnabled setting: a WeatherEnabledStatus
// in the service, though the reference types the parameter Boolean;
// $true and $false name the two states the service has for them.
func weatherEnabled() mailboxsetting.Setting[cc.Settings] {
	p := mailboxsetting.EnumSetting("WeatherEnabled", nsManagement+"WeatherEnabledStatus", cc.WeatherEnabledStatuses, func(s *cc.Settings) *string { return &s.WeatherEnabled })
	p.Param = params.TString
	p.Check = func(_ *command.Context, _, v string) (string, *object.ErrorRecord) {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true":
			return "Enabled", nil
		case "false":
			return "Disabled", nil
		}
		return v, nil
	}
	return p
}

// feedText is a text setting of calendar feeds, kept without surrounding
// spaces (see checkCode).
func feedText(name, help string, f func(s *cc.Settings) *string) mailboxsetting.Setting[cc.Settings] {
	p := mailboxsetting.TextSetting(name, help, f)
	p.Check = func(ctx *command.Context, name, v string) (string, *object.ErrorRecord) {
		v = strings.TrimSpace(v)
		return v, checkCode(ctx, name, v)
	}
	return p
}

// checkCode refuses a calendar feeds language or region that is not a
// two-letter code (the language in lower case).
func checkCode(ctx *command.Context, name, v string) *object.ErrorRecord {
	if v == "" || name != "CalendarFeedsPreferredLanguage" && name != "CalendarFeedsPreferredRegion" {
		return nil
	}
	ok := len(v) == 2
	for i := 0; ok && i < 2; i++ {
		c := v[i]
		ok = c >= 'a' && c <= 'z' || name == "CalendarFeedsPreferredRegion" && c >= 'A' && c <= 'Z'
	}
	if ok {
		return nil
	}
	what := "an ISO 639-1 two-letter language code in lower case, such as en"
	if name == "CalendarFeedsPreferredRegion" {
		what = "an ISO 3166-1 two-letter country code, such as AU"
	}
	return exo.Invalid(ctx, fmt.Sprintf("The %s value \"%s\" isn't valid: use %s.", name, v, what), name)
}

func setCalendarConfig(ctx *command.Context) error { return area.Set(ctx, nil) }
