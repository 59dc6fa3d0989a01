package dates

import (
	"testing"
	"time"

	"github.com/exosim/exosim/shell/object"
)

// fixedNow is the clock of the parse tests.
func fixedNow() time.Time { return time.Date(2024, 11, 20, 10, 30, 0, 0, time.UTC) }

// TestParseInvariantRules checks DateTime.Parse's invariant-culture
// readings. The expectations follow .NET's rules: the short date pattern
// MM/dd/yyyy orders three numbers month, day, year; two-digit years fall in
// 1950-2049 (TwoDigitYearMax 2049); "MMMM dd" makes two numbers a month and
// day of the current year and "yyyy MMMM" makes a number before a month name
// its year; a time alone is today; a date with a zone is Local; ISO 8601
// needs two-digit hours and minutes after the 'T'. The last cases are
// dotnet/runtime's own DateTimeTests expectations for the invariant culture;
// "1/10 5 AM" is the example DateTimeParse gives for a month/day followed by
// an hour and AM.
func TestParseInvariantRules(t *testing.T) {
	t.Parallel()
	d := func(y, mo, dd, h, mi, s int) time.Time {
		return time.Date(y, time.Month(mo), dd, h, mi, s, 0, time.UTC)
	}
	cases := []struct {
		in   string
		ok   bool
		want time.Time
		kind string
	}{
		// short dates: month/day/year, years under 100 in 1950-2049
		{"09/24/24", true, d(2024, 9, 24, 0, 0, 0), "Unspecified"},
		{"10/5/24", true, d(2024, 10, 5, 0, 0, 0), "Unspecified"},
		{"1/2/49", true, d(2049, 1, 2, 0, 0, 0), "Unspecified"},
		{"1/2/50", true, d(1950, 1, 2, 0, 0, 0), "Unspecified"},
		{"1/2/0", true, d(2000, 1, 2, 0, 0, 0), "Unspecified"},
		{"9/5/2024", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"9/5/2024 8:00", true, d(2024, 9, 5, 8, 0, 0), "Unspecified"},
		{"9/5/2024 8:00 PM", true, d(2024, 9, 5, 20, 0, 0), "Unspecified"},
		{"9/5/2024 8:00PM", true, d(2024, 9, 5, 20, 0, 0), "Unspecified"},
		{"9/5/2024 12:00 AM", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"9/5/2024 12:15 pm", true, d(2024, 9, 5, 12, 15, 0), "Unspecified"},
		{"9/5/2024 13:00 PM", true, d(2024, 9, 5, 13, 0, 0), "Unspecified"},
		{"9/5/2024 13:00 AM", false, time.Time{}, ""},
		{"9/5/2024 8 PM", true, d(2024, 9, 5, 20, 0, 0), "Unspecified"},
		{"9/5/2024 8", false, time.Time{}, ""},
		{"9/5/2024 14:30:15", true, d(2024, 9, 5, 14, 30, 15), "Unspecified"},
		{"  9/5/2024  ", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"9-5-2024", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"09.24.2024", true, d(2024, 9, 24, 0, 0, 0), "Unspecified"},
		{"13/24/24", false, time.Time{}, ""},
		{"24.09.2024", false, time.Time{}, ""},
		{"24/09/2024", false, time.Time{}, ""},
		{"2/29/2023", false, time.Time{}, ""},
		{"2/29/2024", true, d(2024, 2, 29, 0, 0, 0), "Unspecified"},
		// year first
		{"2024-09-05", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"2024-9-5", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"2024/09/05", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"2024.09.05", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"2024-02-30", false, time.Time{}, ""},
		{"2024-09", true, d(2024, 9, 1, 0, 0, 0), "Unspecified"},
		{"2024-09-05 08:00", true, d(2024, 9, 5, 8, 0, 0), "Unspecified"},
		{"2024-09-05 08:00:00.5", true, time.Date(2024, 9, 5, 8, 0, 0, 500000000, time.UTC), "Unspecified"},
		{"2024-09-05 08:00:00Z", true, d(2024, 9, 5, 8, 0, 0), "Local"},
		{"2024-09-05 08:00:00 GMT", true, d(2024, 9, 5, 8, 0, 0), "Local"},
		{"2024-09-05 08:00 -05:00", true, d(2024, 9, 5, 13, 0, 0), "Local"},
		{"2024-09-05 08:00 +0530", true, d(2024, 9, 5, 2, 30, 0), "Local"},
		{"2024-09-05 08:00 +15:00", false, time.Time{}, ""},
		{"2024-09-05 08:00 +05:60", false, time.Time{}, ""},
		{"2024", false, time.Time{}, ""},
		// ISO 8601
		{"2024-09-05T08:00:00", true, d(2024, 9, 5, 8, 0, 0), "Unspecified"},
		{"2024-09-05T08:00", true, d(2024, 9, 5, 8, 0, 0), "Unspecified"},
		{"2024-09-05T08:00:00Z", true, d(2024, 9, 5, 8, 0, 0), "Local"},
		{"2024-09-05T08:00:00z", true, d(2024, 9, 5, 8, 0, 0), "Local"},
		{"2024-09-05T08:00:00+02:00", true, d(2024, 9, 5, 6, 0, 0), "Local"},
		{"2024-09-05T08:00:00.1234567Z", true, time.Date(2024, 9, 5, 8, 0, 0, 123456700, time.UTC), "Local"},
		{"2024-09-05T8:00", false, time.Time{}, ""},
		{"2024-09-05T08:00:00 x", false, time.Time{}, ""},
		{"2024-09-05T24:00", false, time.Time{}, ""},
		{"9/5/2024T08:00", false, time.Time{}, ""},
		// month and day names
		{"5 Sep 2024", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"Sep 5, 2024 14:00", true, d(2024, 9, 5, 14, 0, 0), "Unspecified"},
		{"September 5, 2024", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"Thursday, September 5, 2024", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"Thu, 05 Sep 2024 08:00:00 GMT", true, d(2024, 9, 5, 8, 0, 0), "Local"},
		{"Friday, September 5, 2024", false, time.Time{}, ""},
		{"5-Sep-24", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"05-SEP-2024", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"September 2024", true, d(2024, 9, 1, 0, 0, 0), "Unspecified"},
		{"Sep 2024", true, d(2024, 9, 1, 0, 0, 0), "Unspecified"},
		{"2024 September", true, d(2024, 9, 1, 0, 0, 0), "Unspecified"},
		{"Sep 5", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"5 Sep", true, d(2005, 9, 1, 0, 0, 0), "Unspecified"},
		{"Sept 5 2024", false, time.Time{}, ""},
		{"5 Sep 2024 AD", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		// month and day without a year: the current year
		{"9/5", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"1/10 5 AM", true, d(2024, 1, 10, 5, 0, 0), "Unspecified"},
		// a time alone: today
		{"14:30", true, d(2024, 11, 20, 14, 30, 0), "Unspecified"},
		{"2:30 PM", true, d(2024, 11, 20, 14, 30, 0), "Unspecified"},
		{"2 PM", true, d(2024, 11, 20, 14, 0, 0), "Unspecified"},
		{"8:00:00.25", true, time.Date(2024, 11, 20, 8, 0, 0, 250000000, time.UTC), "Unspecified"},
		{"25:00", false, time.Time{}, ""},
		{"14:60", false, time.Time{}, ""},
		// punctuation .NET tolerates and what it refuses
		{"#9/5/2024#", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"9/5/2024\x00", true, d(2024, 9, 5, 0, 0, 0), "Unspecified"},
		{"", false, time.Time{}, ""},
		{"   ", false, time.Time{}, ""},
		{"not a date", false, time.Time{}, ""},
		{"9/5/2024 x", false, time.Time{}, ""},
		{"1/2/3/4", false, time.Time{}, ""},
		{"123456789/1/1", false, time.Time{}, ""},
		{"20240905", false, time.Time{}, ""},
		{"9/5/2024 10:00 AM PM", false, time.Time{}, ""},
		// dotnet/runtime's DateTimeTests (Parse_ValidInput_Succeeds_MemberData,
		// TestTryParseAtBoundaries) under the invariant culture
		{"1234 12", true, d(1234, 12, 1, 0, 0, 0), "Unspecified"},
		{"12 1234", true, d(1234, 12, 1, 0, 0, 0), "Unspecified"},
		{"12 1234 11", true, d(1234, 12, 11, 0, 0, 0), "Unspecified"},
		{"1234 12 13", true, d(1234, 12, 13, 0, 0, 0), "Unspecified"},
		{"12 13 1234", true, d(1234, 12, 13, 0, 0, 0), "Unspecified"},
		{"1 1 1", true, d(2001, 1, 1, 0, 0, 0), "Unspecified"},
		{"2 2 2Z", true, d(2002, 2, 2, 0, 0, 0), "Local"},
		{"#10/10/2095#\x00", true, d(2095, 10, 10, 0, 0, 0), "Unspecified"},
		{"9999-12-31T23:59:59.9999999", true, time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC), "Unspecified"},
		{"9999-12-31T23:59:59.999999999Z", false, time.Time{}, ""},
	}
	for _, c := range cases {
		got, ok := parseText(c.in, fixedNow)
		if ok != c.ok {
			t.Errorf("Parse(%q) ok = %v, want %v (got %v)", c.in, ok, c.ok, got)
			continue
		}
		if !ok {
			continue
		}
		if !got.Equal(c.want) || object.DateKind(got) != c.kind {
			t.Errorf("Parse(%q) = %v (%s), want %v (%s)", c.in, got, object.DateKind(got), c.want, c.kind)
		}
	}
}

// FuzzParse checks that no text makes the parser panic, and that what it
// accepts is a DateTime in range with a kind.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"09/24/24", "2024-09-05T08:00:00.1234567+02:00", "Thursday, September 5, 2024 8:00 PM",
		"#1/1/2000#", "14:30", "5-Sep-24", "2024-09-05 08:00 -05", "\x00", "+", "1:2:3:4", "A.D. 5 Sep"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseText(s, fixedNow)
		if !ok {
			return
		}
		if d.Year() < 1 || d.Year() > 9999 {
			t.Fatalf("Parse(%q) = %v, out of DateTime's range", s, d)
		}
		if k := object.DateKind(d); k != "Local" && k != "Unspecified" {
			t.Fatalf("Parse(%q) kind %s", s, k)
		}
	})
}

// TestParseReason checks the FormatException messages of refused texts:
// an unknown word names its index, a wrong day name, an hour past 23 (the
// calendar's refusal), and an offset beyond 14 hours each have their own.
func TestParseReason(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"not a date", "The string 'not a date' was not recognized as a valid DateTime. There is an unknown word starting at index '0'."},
		{"9/5/2024 x", "The string '9/5/2024 x' was not recognized as a valid DateTime. There is an unknown word starting at index '9'."},
		{"Sept 5 2024", "The string 'Sept 5 2024' was not recognized as a valid DateTime. There is an unknown word starting at index '0'."},
		{"Friday, September 5, 2024", "String 'Friday, September 5, 2024' was not recognized as a valid DateTime because the day of week was incorrect."},
		{"25:00", "The DateTime represented by the string '25:00' is not supported in calendar 'System.Globalization.GregorianCalendar'."},
		{"2024-09-05T24:00", "The DateTime represented by the string '2024-09-05T24:00' is not supported in calendar 'System.Globalization.GregorianCalendar'."},
		{"2024-09-05 08:00 +15:00", "The time zone offset of string '2024-09-05 08:00 +15:00' must be within plus or minus 14 hours."},
		{"13/24/24", "String '13/24/24' was not recognized as a valid DateTime."},
		{"2024-02-30", "String '2024-02-30' was not recognized as a valid DateTime."},
		{"24.09.2024", "String '24.09.2024' was not recognized as a valid DateTime."},
		{"", "String '' was not recognized as a valid DateTime."},
	}
	for _, c := range cases {
		if _, got, ok := parseReason(c.in, fixedNow); ok || got != c.want {
			t.Errorf("parseReason(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// TestParseEnUS checks the one reading en-US's patterns change: its
// year-month pattern "MMMM yyyy" puts the month first, so a number before a
// month name is a day of this year, where the invariant culture's
// "yyyy MMMM" makes it the year.
func TestParseEnUS(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"5 Sep", time.Date(2024, 9, 5, 0, 0, 0, 0, time.UTC)},
		{"Sep 5", time.Date(2024, 9, 5, 0, 0, 0, 0, time.UTC)},
		{"09/24/24", time.Date(2024, 9, 24, 0, 0, 0, 0, time.UTC)},
		{"5 Sep 2024", time.Date(2024, 9, 5, 0, 0, 0, 0, time.UTC)},
	} {
		if got, _, ok := parseCulture(c.in, fixedNow, true); !ok || !got.Equal(c.want) {
			t.Errorf("en-US Parse(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
}
