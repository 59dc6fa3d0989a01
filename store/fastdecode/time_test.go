package fastdecode

import (
	"testing"
	"time"
)

// timeCases are RFC 3339 texts in the store's form and around it.
var timeCases = []string{
	"2026-12-07T21:13:59Z",
	"2026-12-07T21:13:59.5Z",
	"2026-12-07T21:13:59.123456789Z",
	"2026-12-07T21:13:59.000000001Z",
	"0001-01-01T00:00:00Z",
	"0000-01-01T00:00:00Z",
	"0000-02-29T23:59:59Z",
	"1900-02-29T00:00:00Z",
	"2000-02-29T00:00:00Z",
	"1969-12-31T23:59:59.999Z",
	"1970-01-01T00:00:00Z",
	"9999-12-31T23:59:59.999999999Z",
	"2024-02-29T12:00:00Z",
	"2023-02-29T12:00:00Z",
	"2026-04-31T00:00:00Z",
	"2026-13-01T00:00:00Z",
	"2026-00-01T00:00:00Z",
	"2026-12-00T00:00:00Z",
	"2026-12-07T24:00:00Z",
	"2026-12-07T23:60:00Z",
	"2026-12-07T23:59:60Z",
	"2026-12-07T21:13:59.1234567890Z",
	"2026-12-07T21:13:59.Z",
	"2026-12-07T21:13:59,5Z",
	"2026-12-07t21:13:59Z",
	"2026-12-07T21:13:59z",
	"2026-12-07T21:13:59+09:00",
	"2026-12-07T21:13:59.25-05:30",
	"2026-12-07 21:13:59Z",
	"2026-1a-07T21:13:59Z",
	"+026-12-07T21:13:59Z",
	"2026-12-07T21:13:5Z",
	"",
	"Z",
}

// TestParseTimeAsTimeParse checks parseTime against time.Parse.
func TestParseTimeAsTimeParse(t *testing.T) {
	for _, s := range timeCases {
		checkParseTime(t, s)
	}
}

func checkParseTime(t *testing.T, s string) {
	t.Helper()
	want, err := time.Parse(time.RFC3339, s)
	got, ok := parseTime(s)
	// two parses of one offset make two equal zones, not one: compare
	// the instant, the zone's name and its offset
	_, gotOffset := got.Zone()
	_, wantOffset := want.Zone()
	if ok != (err == nil) || ok && (!got.Equal(want) || got.Location().String() != want.Location().String() || gotOffset != wantOffset) {
		t.Errorf("parseTime(%q) = %v, %v; time.Parse gives %v, %v", s, got, ok, want, err)
	}
	if fast, ok := parseUTC(s); ok && fast != want {
		t.Errorf("parseUTC(%q) = %v; time.Parse gives %v", s, fast, want)
	}
}

// FuzzParseTime checks parseTime against time.Parse on any text.
func FuzzParseTime(f *testing.F) {
	for _, s := range timeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkParseTime(t, s)
	})
}

// BenchmarkParseTime reads a time of the store's form.
func BenchmarkParseTime(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, ok := parseTime("2026-12-07T21:13:59.123456789Z"); !ok {
			b.Fatal("not read")
		}
	}
}

// BenchmarkTimeParse is time.Parse on the same text, for comparison.
func BenchmarkTimeParse(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := time.Parse(time.RFC3339, "2026-12-07T21:13:59.123456789Z"); err != nil {
			b.Fatal(err)
		}
	}
}
