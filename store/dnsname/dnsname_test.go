package dnsname

import (
	"strings"
	"testing"
)

func TestValid(t *testing.T) {
	for _, c := range []struct {
		d    string
		want bool
	}{
		{"contoso.com", true},
		{"fabrikam", true},
		{"sub_domain.contoso.com", true},
		{"münchen.de", true},
		{"", false},
		{"contoso..com", false},
		{".contoso.com", false},
		{"-contoso.com", false},
		{"contoso-.com", false},
		{"con toso.com", false},
		{"contoso.com:CalendarSharingFreeBusySimple", false},
		{strings.Repeat("a", 64) + ".com", false},
		{strings.Repeat("a.", 128) + "com", false},
	} {
		if got := Valid(c.d); got != c.want {
			t.Errorf("Valid(%q) = %v, want %v", c.d, got, c.want)
		}
	}
}
