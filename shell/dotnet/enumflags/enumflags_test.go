package enumflags_test

import (
	"testing"

	"github.com/exosim/exosim/shell/dotnet/enumflags"
)

func TestParseAndFormat(t *testing.T) {
	t.Parallel()
	days := enumflags.Flags{{Name: "None", Value: 0}, {Name: "Sunday", Value: 1}, {Name: "Monday", Value: 2}, {Name: "Tuesday", Value: 4},
		{Name: "Weekdays", Value: 6}, {Name: "All", Value: 7}}
	cases := []struct {
		in  string
		ok  bool
		out string
	}{
		{"None", true, "None"},
		{"monday", true, "Monday"},
		{"Tuesday, Monday", true, "Weekdays"},
		{"Sunday,Monday", true, "Sunday, Monday"},
		{"Sunday,Weekdays", true, "All"},
		{"Funday", false, ""},
		{"Monday,", false, ""},
	}
	for _, c := range cases {
		v, ok := days.Parse(c.in)
		if ok != c.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", c.in, ok, c.ok)
			continue
		}
		if ok && days.Format(v) != c.out {
			t.Errorf("Format(Parse(%q)) = %q, want %q", c.in, days.Format(v), c.out)
		}
	}
	if got := days.Names(); len(got) != 6 || got[4] != "Weekdays" {
		t.Errorf("Names = %v", got)
	}
}
