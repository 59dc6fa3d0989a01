package datetime

import (
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.TimeZoneInfo. The simulated machine is a Linux host whose clock
// runs on UTC: the local zone is Etc/UTC (the name /etc/localtime points
// to on such a host), the universal one UTC, and both read as .NET on
// Linux shows them, "(UTC) Coordinated Universal Time". Those are the only
// zones exosim knows; asking for another by name is refused in one line.

const (
	utcZoneID      = "UTC"
	localZoneID    = "Etc/UTC"
	utcStandard    = "Coordinated Universal Time"
	utcDisplayName = "(UTC) " + utcStandard
	timeZoneType   = "System.TimeZoneInfo"
)

// timeZone makes the TimeZoneInfo of id, a zone at UTC's offset.
func timeZone(id string) *object.PSObject {
	o := object.NewObject(timeZoneType, "System.Object")
	o.AddTyped("Id", "string", id)
	o.AddTyped("HasIanaId", "bool", true)
	o.AddTyped("DisplayName", "string", utcDisplayName)
	o.AddTyped("StandardName", "string", utcStandard)
	o.AddTyped("DaylightName", "string", utcStandard)
	o.AddTyped("BaseUtcOffset", "timespan", object.TimeSpan(0))
	o.AddTyped("SupportsDaylightSavingTime", "bool", false)
	o.ToStringFunc = func() string { return utcDisplayName }
	return o
}

// LocalTimeZone is TimeZoneInfo.Local.
func LocalTimeZone() *object.PSObject { return timeZone(localZoneID) }

// FindTimeZone is TimeZoneInfo.FindSystemTimeZoneById for the zones the
// machine has (UTC by its names); ok is false for any other id.
func FindTimeZone(id string) (*object.PSObject, bool) {
	if strings.EqualFold(id, utcZoneID) || strings.EqualFold(id, localZoneID) || strings.EqualFold(id, "UTC Standard Time") {
		return timeZone(id), true
	}
	return nil, false
}

// TimeZoneStandardName is the standard (and daylight) name of the zones
// the machine has.
const TimeZoneStandardName = utcStandard

// isTimeZone tells whether v is a TimeZoneInfo.
func isTimeZone(v any) bool { return object.TypeName(v) == timeZoneType }

// zoneArg reads a TimeZoneInfo argument.
func zoneArg(c *dotnet.Call, i int, param string) (string, error) {
	o, ok := dotnet.Bare(c.Arg(i)).(*object.PSObject)
	if !ok || !isTimeZone(o) {
		return "", dotnet.Throw("Value cannot be null. (Parameter '%s')", param)
	}
	v, _ := o.Get("Id")
	id, _ := v.(string)
	return id, nil
}

// dateArg reads a DateTime argument.
func dateArg(c *dotnet.Call, i int, param string) (time.Time, error) {
	v, err := c.To(i, "System.DateTime", param)
	if err != nil {
		return time.Time{}, err
	}
	return object.Unwrap(v).(time.Time), nil
}

// inZone is t as a DateTime of the zone with id: Local for the local zone,
// Utc for the universal one (the clock time is the same, both are UTC).
func inZone(t time.Time, id string) time.Time {
	if id == localZoneID {
		return t.In(object.LocalZone.Get())
	}
	return t.UTC()
}

func declareTimeZone() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: timeZoneType,
		Is: func(_ *dotnet.TypeInfo, v any) bool { return isTimeZone(dotnet.Bare(v)) },
		Static: dotnet.Members{
			"Local": dotnet.Prop(func(*dotnet.Call) (any, error) { return timeZone(localZoneID), nil }),
			"Utc":   dotnet.Prop(func(*dotnet.Call) (any, error) { return timeZone(utcZoneID), nil }),
			"FindSystemTimeZoneById": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				id := c.Str(0)
				if z, ok := FindTimeZone(id); ok {
					return z, nil
				}
				switch {
				case strings.TrimSpace(id) == "":
					return nil, dotnet.Throw("The specified ID parameter '%s' is not supported.", id)
				}
				return nil, dotnet.NotSupported("time zones other than UTC: the simulated machine runs on UTC ([TimeZoneInfo]::FindSystemTimeZoneById('%s'))", id)
			}),
			"ConvertTimeFromUtc": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				t, err := dateArg(c, 0, "dateTime")
				if err != nil {
					return nil, err
				}
				id, err := zoneArg(c, 1, "destinationTimeZone")
				if err != nil {
					return nil, err
				}
				return inZone(t, id), nil
			}),
			"ConvertTimeToUtc": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				t, err := dateArg(c, 0, "dateTime")
				if err != nil {
					return nil, err
				}
				if len(c.Args) == 2 {
					if _, err := zoneArg(c, 1, "sourceTimeZone"); err != nil {
						return nil, err
					}
				}
				return t.UTC(), nil
			}),
			"ConvertTime": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				t, err := dateArg(c, 0, "dateTime")
				if err != nil {
					return nil, err
				}
				id, err := zoneArg(c, 1, "destinationTimeZone")
				if err != nil {
					return nil, err
				}
				return inZone(t, id), nil
			}),
		},
		Members: dotnet.Members{
			"GetUtcOffset": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if _, err := dateArg(c, 0, "dateTime"); err != nil {
					return nil, err
				}
				return object.TimeSpan(0), nil
			}),
			"IsDaylightSavingTime": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if _, err := dateArg(c, 0, "dateTime"); err != nil {
					return nil, err
				}
				return false, nil
			}),
		},
	})
}
