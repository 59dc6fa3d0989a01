// Package calendarconfig declares the Exchange Online cmdlets of
// mailboxes' calendar settings: Get-/Set-MailboxCalendarConfiguration over
// the settings the tenant keeps for each mailbox (store/calendarconfig).
package calendarconfig

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	cc "github.com/exosim/exosim/store/calendarconfig"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/regional"
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
	get.Handler.Process = getCalendarConfig

	set := exo.Declared("Set-MailboxCalendarConfiguration")
	help := map[string]string{"Identity": "The mailbox whose calendar settings to change."}
	modelled := []string{"Identity"}
	for _, p := range settings.Get() {
		help[p.name] = p.help
		modelled = append(modelled, p.name)
		switch p.kind {
		case kNullableBool:
			exo.DeclaredParam(set, p.name).Type = exo.TNullableBool
		case kFlags:
			exo.DeclaredParam(set, p.name).Type = decl.FlagsType(p.typ)
		case kEnum:
			if p.name == "WeatherEnabled" {
				// a WeatherEnabledStatus in the service, though the
				// reference types it Boolean
				exo.DeclaredParam(set, p.name).Type = params.TString
			}
		}
	}
	exo.Describe(set, help)
	set.Synopsis = "Changes a mailbox's calendar settings."
	set.Examples = []command.Example{{Code: `Set-MailboxCalendarConfiguration annb -WorkingHoursStartTime 07:00:00 -WorkingHoursEndTime 15:30:00 -WorkingHoursTimeZone "W. Europe Standard Time" -WorkDays Monday,Tuesday,Wednesday,Thursday`,
		Remark: "Gives Ann a four-day week from 7:00 to 15:30 Central European time."}}
	set.Handler.Process = setCalendarConfig
	return []*command.Command{exo.Partial(get, "Identity"), exo.Partial(set, modelled...)}
}

// kind is how a setting's parameter is read.
type kind int

const (
	kBool kind = iota
	kNullableBool
	kInt
	kText
	kEnum
	kFlags
	kTimeSpan
	kTimeZone
	kList
)

// setting is one property of the calendar settings: its parameter and
// property name, its .NET type as output shows it, how it is read and
// where it is kept.
type setting struct {
	name   string
	typ    string
	kind   kind
	values []string
	help   string
	field  func(s *cc.Settings) any
}

func sBool(name, help string, f func(s *cc.Settings) *bool) setting {
	return setting{name: name, typ: "System.Boolean", kind: kBool, help: help, field: func(s *cc.Settings) any { return f(s) }}
}

func sEnum(name, typ string, values []string, f func(s *cc.Settings) *string) setting {
	return setting{name: name, typ: typ, kind: kEnum, values: values, help: "One of: " + strings.Join(values, ", ") + ".", field: func(s *cc.Settings) any { return f(s) }}
}

func sInt(name, help string, f func(s *cc.Settings) *int) setting {
	return setting{name: name, typ: "System.Int32", kind: kInt, help: help, field: func(s *cc.Settings) any { return f(s) }}
}

func sText(name, help string, f func(s *cc.Settings) *string) setting {
	return setting{name: name, typ: "System.String", kind: kText, help: help, field: func(s *cc.Settings) any { return f(s) }}
}

func sTime(name, help string, f func(s *cc.Settings) *time.Duration) setting {
	return setting{name: name, typ: "System.TimeSpan", kind: kTimeSpan, help: help, field: func(s *cc.Settings) any { return f(s) }}
}

// settings are the calendar settings in the order Get lists them:
// Exchange's own order, then those added since Exchange 2016, then
// Exchange Online's.
var settings = lazy.Value[[]setting]{Build: func() []setting {
	return []setting{
		{name: "WorkDays", typ: nsManagement + "DaysOfWeek", kind: kFlags, help: "The working days: one or more of " + strings.Join(cc.Workdays.Names(), ", ") + ".",
			field: func(s *cc.Settings) any { return &s.WorkDays }},
		sTime("WorkingHoursStartTime", "When the working day starts (a time of day; 08:00:00 by default).", func(s *cc.Settings) *time.Duration { return &s.WorkingHoursStartTime }),
		sTime("WorkingHoursEndTime", "When the working day ends (not before it starts; 17:00:00 by default).", func(s *cc.Settings) *time.Duration { return &s.WorkingHoursEndTime }),
		{name: "WorkingHoursTimeZone", typ: nsManagement + "ExTimeZoneValue", kind: kTimeZone, help: "The time zone of the working hours: a Windows time zone ID (Pacific Standard Time by default).",
			field: func(s *cc.Settings) any { return &s.WorkingHoursTimeZone }},
		sEnum("WeekStartDay", "System.DayOfWeek", cc.DaysOfWeek, func(s *cc.Settings) *string { return &s.WeekStartDay }),
		sBool("ShowWeekNumbers", "$true shows week numbers in the calendar.", func(s *cc.Settings) *bool { return &s.ShowWeekNumbers }),
		sEnum("FirstWeekOfYear", nsManagement+"FirstWeekRules", cc.FirstWeekRules, func(s *cc.Settings) *string { return &s.FirstWeekOfYear }),
		sEnum("TimeIncrement", nsManagement+"HourIncrement", cc.HourIncrements, func(s *cc.Settings) *string { return &s.TimeIncrement }),
		sBool("RemindersEnabled", "$false turns calendar reminders off.", func(s *cc.Settings) *bool { return &s.RemindersEnabled }),
		sBool("ReminderSoundEnabled", "$false silences reminders.", func(s *cc.Settings) *bool { return &s.ReminderSoundEnabled }),
		sTime("DefaultReminderTime", "How long before an event its reminder shows: 00:00:00, 00:05:00, 00:10:00, 00:15:00, 00:30:00, 01:00:00, 02:00:00, 03:00:00, 04:00:00, 08:00:00, 12:00:00, 1.00:00:00, 2.00:00:00, 3.00:00:00, 7.00:00:00 or 14.00:00:00.", func(s *cc.Settings) *time.Duration { return &s.DefaultReminderTime }),
		sEnum("WeatherEnabled", nsManagement+"WeatherEnabledStatus", cc.WeatherEnabledStatuses, func(s *cc.Settings) *string { return &s.WeatherEnabled }),
		sEnum("WeatherUnit", nsManagement+"WeatherTemperatureUnit", cc.WeatherTemperatureUnits, func(s *cc.Settings) *string { return &s.WeatherUnit }),
		{name: "WeatherLocations", typ: "Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", kind: kList, help: "At most 5 weather locations (LocationId:<id>;Name:<name>;Latitude:<lat>;Longitude:<long>; a list, @{Add=...;Remove=...} or $null).",
			field: func(s *cc.Settings) any { return &s.WeatherLocations }},
		sBool("AgendaMailEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AgendaMailEnabled }),
		sBool("ConversationalSchedulingEnabled", "$false turns conversational scheduling off.", func(s *cc.Settings) *bool { return &s.ConversationalSchedulingEnabled }),
		sInt("DefaultMeetingDuration", "Kept and shown.", func(s *cc.Settings) *int { return &s.DefaultMeetingDuration }),
		sBool("SkipAgendaMailOnFreeDays", "Kept and shown.", func(s *cc.Settings) *bool { return &s.SkipAgendaMailOnFreeDays }),
		sBool("UseBrightCalendarColorThemeInOwa", "$true uses bright calendar colors in Outlook on the web.", func(s *cc.Settings) *bool { return &s.UseBrightCalendarColorThemeInOwa }),
		sBool("AgendaMailIntroductionEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AgendaMailIntroductionEnabled }),
		sBool("AgendaPaneEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AgendaPaneEnabled }),
		sBool("AutoDeclineWhenBusy", "Kept and shown.", func(s *cc.Settings) *bool { return &s.AutoDeclineWhenBusy }),
		sText("CalendarFeedsPreferredLanguage", "An ISO 639-1 two-letter language code in lower case (en).", func(s *cc.Settings) *string { return &s.CalendarFeedsPreferredLanguage }),
		sText("CalendarFeedsPreferredRegion", "An ISO 3166-1 two-letter country code (AU).", func(s *cc.Settings) *string { return &s.CalendarFeedsPreferredRegion }),
		sText("CalendarFeedsRootPageId", "The root page of calendar feeds.", func(s *cc.Settings) *string { return &s.CalendarFeedsRootPageId }),
		sBool("CreateEventsFromEmailAsPrivate", "$false creates events from email as Normal, not Private.", func(s *cc.Settings) *bool { return &s.CreateEventsFromEmailAsPrivate }),
		sInt("DefaultMinutesToReduceLongEventsBy", "Kept and shown.", func(s *cc.Settings) *int { return &s.DefaultMinutesToReduceLongEventsBy }),
		sInt("DefaultMinutesToReduceShortEventsBy", "Kept and shown.", func(s *cc.Settings) *int { return &s.DefaultMinutesToReduceShortEventsBy }),
		sEnum("DefaultOnlineMeetingProvider", nsManagement+"OnlineMeetingProviderType", cc.OnlineMeetingProviders, func(s *cc.Settings) *string { return &s.DefaultOnlineMeetingProvider }),
		sBool("DeleteMeetingRequestOnRespond", "Kept and shown.", func(s *cc.Settings) *bool { return &s.DeleteMeetingRequestOnRespond }),
		sBool("DiningEventsFromEmailEnabled", "$false stops dining reservations becoming events.", func(s *cc.Settings) *bool { return &s.DiningEventsFromEmailEnabled }),
		sBool("EntertainmentEventsFromEmailEnabled", "$false stops entertainment reservations becoming events.", func(s *cc.Settings) *bool { return &s.EntertainmentEventsFromEmailEnabled }),
		sBool("EventsFromEmailEnabled", "$false stops events being created from email.", func(s *cc.Settings) *bool { return &s.EventsFromEmailEnabled }),
		sBool("FlightEventsFromEmailEnabled", "$false stops flight reservations becoming events.", func(s *cc.Settings) *bool { return &s.FlightEventsFromEmailEnabled }),
		sBool("HotelEventsFromEmailEnabled", "$false stops hotel reservations becoming events.", func(s *cc.Settings) *bool { return &s.HotelEventsFromEmailEnabled }),
		sBool("InvoiceEventsFromEmailEnabled", "$false stops invoices being created from email.", func(s *cc.Settings) *bool { return &s.InvoiceEventsFromEmailEnabled }),
		sEnum("LocationDetailsInFreeBusy", nsManagement+"LocationDetailsPermissionInFreeBusy", cc.LocationDetailsLevels, func(s *cc.Settings) *string { return &s.LocationDetailsInFreeBusy }),
		{name: "OnlineMeetingsByDefaultEnabled", typ: "System.Nullable`1[[System.Boolean]]", kind: kNullableBool, help: "$true makes every meeting online, $false none; $null follows the organization.",
			field: func(s *cc.Settings) any { return &s.OnlineMeetingsByDefaultEnabled }},
		sBool("PackageDeliveryEventsFromEmailEnabled", "$true makes package deliveries events.", func(s *cc.Settings) *bool { return &s.PackageDeliveryEventsFromEmailEnabled }),
		sBool("PreserveDeclinedMeetings", "Kept and shown.", func(s *cc.Settings) *bool { return &s.PreserveDeclinedMeetings }),
		sBool("RentalCarEventsFromEmailEnabled", "$false stops rental car reservations becoming events.", func(s *cc.Settings) *bool { return &s.RentalCarEventsFromEmailEnabled }),
		sBool("ServiceAppointmentEventsFromEmailEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.ServiceAppointmentEventsFromEmailEnabled }),
		sInt("WeatherLocationBookmark", "The weather location shown first: its index among WeatherLocations (from 0).", func(s *cc.Settings) *int { return &s.WeatherLocationBookmark }),
		sBool("WorkspaceUserEnabled", "Kept and shown.", func(s *cc.Settings) *bool { return &s.WorkspaceUserEnabled }),
	}
}}

// ticks is a duration as a .NET TimeSpan.
func ticks(d time.Duration) object.TimeSpan { return object.TimeSpan(d / 100) }

func calendarObject(m *directory.Mailbox, s *cc.Settings) *object.PSObject {
	o := object.NewObject(TypeCalendarConfig, "System.Object")
	for _, p := range settings.Get() {
		var v any
		switch f := p.field(s).(type) {
		case *bool:
			v = *f
		case **bool:
			if *f != nil {
				v = **f
			}
		case *int:
			v = *f
		case *string:
			v = *f
			if p.kind == kText {
				v = exo.NilIfEmpty(*f)
			}
		case *time.Duration:
			v = ticks(*f)
		case *[]string:
			list := make([]any, 0, len(*f))
			for _, x := range *f {
				list = append(list, x)
			}
			v = list
		}
		o.AddTyped(p.name, p.typ, v)
	}
	o.AddTyped("Identity", "System.String", m.Identity())
	o.AddTyped("IsValid", "System.Boolean", true)
	o.AddTyped("ObjectState", "Microsoft.Exchange.Data.ObjectState", "Unchanged")
	id := m.Identity()
	o.ToStringFunc = func() string { return id }
	return o
}

func getCalendarConfig(ctx *command.Context) error {
	return mailbox.WriteSetting(ctx, func(tx *store.Tx, m *directory.Mailbox) (*object.PSObject, error) {
		s, err := cc.Get(tx, m)
		if err != nil {
			return nil, err
		}
		return calendarObject(m, s), nil
	})
}

// bindingError is PowerShell's error for an argument that does not
// convert to its parameter's type.
func bindingError(ctx *command.Context, param, value, typ, reason string) *object.ErrorRecord {
	return exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
		fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", param, value, typ, reason),
		object.InvalidArgument, value)
}

// apply sets what the call's parameters name; nullables are the values
// of the parameters that take $null too, read beforehand.
func apply(ctx *command.Context, s *cc.Settings, nullables map[string]*bool) *object.ErrorRecord {
	for _, p := range settings.Get() {
		if !ctx.Has(p.name) {
			continue
		}
		switch f := p.field(s).(type) {
		case *bool:
			*f = ctx.Bool(p.name)
		case **bool:
			*f = nullables[p.name]
		case *int:
			*f = ctx.Int(p.name)
		case *time.Duration:
			ts, _ := object.Unwrap(ctx.Value(p.name)).(object.TimeSpan)
			*f = time.Duration(ts) * 100
		case *[]string:
			vs, err := mailbox.ApplyMultiValued(ctx.Value(p.name), *f)
			if err != nil {
				return exo.Invalid(ctx, err.Error(), p.name)
			}
			*f = vs
		case *string:
			if rec := applyText(ctx, p, f); rec != nil {
				return rec
			}
		}
	}
	return nil
}

// applyText sets a setting kept as text: an enumeration, the working
// days, a time zone or plain text.
func applyText(ctx *command.Context, p setting, f *string) *object.ErrorRecord {
	switch p.kind {
	case kEnum:
		v := ctx.String(p.name)
		if p.name == "WeatherEnabled" {
			// $true and $false name the two states the service has for
			// them.
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "true":
				v = "Enabled"
			case "false":
				v = "Disabled"
			}
		}
		for _, x := range p.values {
			if strings.EqualFold(strings.TrimSpace(v), x) {
				*f = x
				return nil
			}
		}
		return exo.EnumError(ctx, p.name, v, p.typ, p.values)
	case kFlags:
		text := strings.Join(exo.ValueStrings(ctx.Value(p.name)), ",")
		v, ok := cc.Workdays.Parse(text)
		if !ok {
			return exo.EnumError(ctx, p.name, text, p.typ, cc.Workdays.Names())
		}
		*f = cc.Workdays.Format(v)
	case kTimeZone:
		id := ctx.String(p.name)
		z, ok := regional.CanonicalTimeZone(id)
		if !ok {
			return bindingError(ctx, p.name, id, p.typ, fmt.Sprintf("The time zone ID '%s' was not found on the local computer.", id))
		}
		*f = z
	default:
		v := strings.TrimSpace(ctx.String(p.name))
		if rec := checkCode(ctx, p.name, v); rec != nil {
			return rec
		}
		*f = v
	}
	return nil
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

func setCalendarConfig(ctx *command.Context) error {
	nullables := map[string]*bool{}
	for _, p := range settings.Get() {
		if p.kind == kNullableBool && ctx.Has(p.name) {
			b, err := exo.NullableBoolArg(ctx, p.name)
			if err != nil {
				return err
			}
			nullables[p.name] = b
		}
	}
	return mailbox.ChangeSetting(ctx, func(m *directory.Mailbox) (string, string) {
		return fmt.Sprintf("Setting calendar configuration for mailbox Identity:\"%s\".", mailbox.TypedIdentity(ctx, m.Identity())), m.Identity()
	}, func(tx *store.Tx, m *directory.Mailbox) (*object.ErrorRecord, error) {
		s, err := cc.Get(tx, m)
		if err != nil {
			return nil, err
		}
		if rec := apply(ctx, s, nullables); rec != nil {
			return rec, nil
		}
		err = cc.Put(tx, m, s)
		var se *cc.SettingError
		if errors.As(err, &se) {
			return exo.Error(ctx, exValidation, se.Error(), object.InvalidArgument, m.Identity()), nil
		}
		return nil, err
	})
}
