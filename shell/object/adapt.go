package object

import (
	"time"
)

// Adapted returns the properties PowerShell shows for a value that is not
// a PSObject (the ".NET adapter"): DateTime's Date/Day/..., a string's
// Length, a TimeSpan's Days/Hours/..., a DictionaryEntry's Name/Key/Value,
// an ErrorRecord's fields. Values without a useful adapter return nil.
func Adapted(v any) []*Property {
	prop := func(name, typ string, val any) *Property {
		return &Property{Name: name, Value: val, Kind: AdaptedProperty, TypeName: typ}
	}
	switch x := v.(type) {
	case *PSObject:
		ps := x.Properties()
		if len(ps) == 0 && x.Base != nil {
			return Adapted(x.Base)
		}
		return ps
	case string:
		return []*Property{prop("Length", "int", len([]rune(x)))}
	case time.Time:
		return []*Property{
			prop("DisplayHint", "Microsoft.PowerShell.Commands.DisplayHintType", Enum{Type: "Microsoft.PowerShell.Commands.DisplayHintType", Name: "DateTime", Value: 2}),
			prop("Date", "datetime", time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, x.Location())),
			prop("Day", "int", x.Day()),
			prop("DayOfWeek", "System.DayOfWeek", Enum{Type: "System.DayOfWeek", Name: x.Weekday().String(), Value: int(x.Weekday())}),
			prop("DayOfYear", "int", x.YearDay()),
			prop("Hour", "int", x.Hour()),
			prop("Kind", "System.DateTimeKind", dateKindEnum(x)),
			prop("Millisecond", "int", x.Nanosecond()/1e6),
			prop("Microsecond", "int", (x.Nanosecond()/1e3)%1000),
			prop("Nanosecond", "int", x.Nanosecond()%1000),
			prop("Minute", "int", x.Minute()),
			prop("Month", "int", int(x.Month())),
			prop("Second", "int", x.Second()),
			prop("Ticks", "long", DateTimeTicks(x)),
			prop("TimeOfDay", "timespan", TimeSpan(int64(x.Hour())*int64(TicksPerHour)+int64(x.Minute())*int64(TicksPerMinute)+int64(x.Second())*int64(TicksPerSecond)+int64(x.Nanosecond()/100))),
			prop("Year", "int", x.Year()),
			prop("DateTime", "string", FormatDateTime(x, "F")),
		}
	case TimeSpan:
		return []*Property{
			prop("Ticks", "long", int64(x)),
			prop("Days", "int", x.Days()),
			prop("Hours", "int", x.Hours()),
			prop("Milliseconds", "int", x.Milliseconds()),
			prop("Microseconds", "int", int((int64(x)/10)%1000)),
			prop("Nanoseconds", "int", int((int64(x)%10)*100)),
			prop("Minutes", "int", x.Minutes()),
			prop("Seconds", "int", x.Seconds()),
			prop("TotalDays", "double", x.TotalDays()),
			prop("TotalHours", "double", x.TotalHours()),
			prop("TotalMilliseconds", "double", x.TotalMilliseconds()),
			prop("TotalMicroseconds", "double", float64(x)/10),
			prop("TotalNanoseconds", "double", float64(x)*100),
			prop("TotalMinutes", "double", x.TotalMinutes()),
			prop("TotalSeconds", "double", x.TotalSeconds()),
		}
	case Guid:
		return []*Property{prop("Guid", "string", x.String())}
	case DictionaryEntry:
		return []*Property{
			prop("Name", "System.Object", x.Key),
			prop("Key", "System.Object", x.Key),
			prop("Value", "System.Object", x.Value),
		}
	case KeyValuePair:
		return []*Property{
			prop("Key", "System.Object", x.Key),
			prop("Value", "System.Object", x.Value),
		}
	case *Hashtable:
		return []*Property{
			prop("IsReadOnly", "bool", false),
			prop("IsFixedSize", "bool", false),
			prop("IsSynchronized", "bool", false),
			prop("Keys", "System.Collections.ICollection", x.Keys()),
			prop("Values", "System.Collections.ICollection", hashValues(x)),
			prop("SyncRoot", "System.Object", x),
			prop("Count", "int", x.Len()),
		}
	case *ErrorRecord:
		return []*Property{
			prop("Exception", "System.Exception", x.Exception()),
			prop("TargetObject", "System.Object", x.Target),
			prop("CategoryInfo", "System.Management.Automation.ErrorCategoryInfo", x.CategoryInfoObject()),
			prop("FullyQualifiedErrorId", "string", x.FullyQualifiedErrorID()),
			prop("ErrorDetails", "System.Management.Automation.ErrorDetails", nil),
			prop("InvocationInfo", "System.Management.Automation.InvocationInfo", x.InvocationInfoObject()),
			prop("ScriptStackTrace", "string", x.ScriptStackTrace),
			prop("PipelineIterationInfo", "System.Collections.ObjectModel.ReadOnlyCollection[int]", []any{}),
		}
	case SecureString:
		return []*Property{prop("Length", "int", x.Len())}
	case *WarningRecord:
		return []*Property{prop("Message", "string", x.Message)}
	case *VerboseRecord:
		return []*Property{prop("Message", "string", x.Message)}
	case *DebugRecord:
		return []*Property{prop("Message", "string", x.Message)}
	case *InformationRecord:
		tags := make([]any, len(x.Tags))
		for i, t := range x.Tags {
			tags[i] = t
		}
		return []*Property{prop("MessageData", "System.Object", x.MessageData), prop("Source", "string", x.Source), prop("Tags", "System.Collections.Generic.List[string]", tags)}
	case Enum:
		return []*Property{prop("value__", "int", x.Value)}
	case interface{ Adapted() []*Property }:
		return x.Adapted()
	}
	return nil
}

func dateKindEnum(t time.Time) Enum {
	k := DateKind(t)
	v := map[string]int{"Unspecified": 0, "Utc": 1, "Local": 2}[k]
	return Enum{Type: "System.DateTimeKind", Name: k, Value: v}
}

func hashValues(h *Hashtable) []any {
	out := make([]any, 0, h.Len())
	for _, e := range h.Entries() {
		out = append(out, e.Value)
	}
	return out
}

// MaxDateTimeTicks is DateTime.MaxValue.Ticks: 9999-12-31 23:59:59.9999999.
const MaxDateTimeTicks int64 = 3155378975999999999

// unixEpochSeconds is the number of seconds from 0001-01-01 to 1970-01-01.
const unixEpochSeconds = 62135596800

// DateTimeTicks returns .NET ticks since 0001-01-01 of t's wall clock (a
// DateTime's ticks do not depend on its kind). It is exact over the whole
// DateTime range; time.Duration arithmetic is not (it ends after about 292
// years).
func DateTimeTicks(t time.Time) int64 {
	_, off := t.Zone()
	return (t.Unix()+int64(off)+unixEpochSeconds)*int64(TicksPerSecond) + int64(t.Nanosecond())/100
}

// DateFromTicks is new DateTime(ticks) in loc's kind; ok is false outside
// DateTime's range (year 1 to 9999).
func DateFromTicks(ticks int64, loc *time.Location) (time.Time, bool) {
	if ticks < 0 || ticks > MaxDateTimeTicks {
		return time.Time{}, false
	}
	u := time.Unix(ticks/int64(TicksPerSecond)-unixEpochSeconds, (ticks%int64(TicksPerSecond))*100).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), loc), true
}

// AddDateTicks is DateTime.AddTicks: ok is false when the result falls
// outside DateTime's range.
func AddDateTicks(t time.Time, ticks int64) (time.Time, bool) {
	cur := DateTimeTicks(t)
	if (ticks > 0 && cur > MaxDateTimeTicks-ticks) || (ticks < 0 && cur < -ticks) {
		return time.Time{}, false
	}
	return DateFromTicks(cur+ticks, t.Location())
}

// DateDiff is DateTime - DateTime as a TimeSpan (ticks of the wall clocks).
func DateDiff(a, b time.Time) TimeSpan { return TimeSpan(DateTimeTicks(a) - DateTimeTicks(b)) }

// GetProperty returns the named property of any value (PSObject or
// adapted), case-insensitively.
func GetProperty(v any, name string) (*Property, bool) {
	if o, ok := v.(*PSObject); ok {
		if p := o.Property(name); p != nil {
			return p, true
		}
		if o.Base != nil {
			return GetProperty(o.Base, name)
		}
		return nil, false
	}
	for _, p := range Adapted(v) {
		if equalFold(p.Name, name) {
			return p, true
		}
	}
	return nil, false
}

// LazyNames returns the names of the properties of a lazy object
// (NewLazyObject), in the order Adapted lists them, without making the
// properties; false for any other value.
func LazyNames(v any) ([]string, bool) {
	if o, ok := v.(*PSObject); ok && o != nil && o.schema != nil && o.schema.Len() > 0 {
		return o.schema.names, true
	}
	return nil, false
}

// LazyUnmade reports whether v is a lazy object (NewLazyObject) none of
// whose properties has been made: reading one (PropertyValueAt) runs only
// the Go code that computes it, which shows nothing and runs no script.
func LazyUnmade(v any) bool {
	o, ok := v.(*PSObject)
	return ok && o != nil && o.schema != nil && o.props == nil && o.first == nil
}

// LazyIndex returns the position of the named property of a lazy object
// (NewLazyObject): where PropertyValueAt reads it, for this object and
// the others of its kind; false for any other value or a name it lacks.
func LazyIndex(v any, name string) (int, bool) {
	if o, ok := v.(*PSObject); ok && o != nil && o.schema != nil {
		return o.schema.Index(name)
	}
	return 0, false
}

// PropertyValue returns the value of a property, nil when missing.
func PropertyValue(v any, name string) any {
	p, ok := GetProperty(v, name)
	if !ok {
		return nil
	}
	return p.Get()
}

// PropertyValueAt is PropertyValue(v, name) for a caller that expects
// the property at position i of v's properties (a view naming a type's
// properties in its order): a lazy object whose property i is name gives
// its value without looking the name up, and without keeping a property
// made only to be read once (a property already made, maybe assigned
// since, is read).
func PropertyValueAt(v any, name string, i int) any {
	if o, ok := v.(*PSObject); ok && o.schema != nil && i >= 0 && i < len(o.schema.names) && o.schema.names[i] == name {
		if p := o.madeProp(i); p != nil {
			return p.Get()
		}
		return o.lazy(i)
	}
	return PropertyValue(v, name)
}

// equalFold reports whether two strings are equal when ASCII letters are
// folded to lower case (other bytes must match exactly).
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}
