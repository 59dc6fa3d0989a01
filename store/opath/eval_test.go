package opath

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// mailbox is a sample object for the evaluation tests.
var mailbox = map[string]any{
	"Name":                          "annb",
	"DisplayName":                   "Ann Beebe",
	"Alias":                         "annb",
	"Department":                    "",
	"Title":                         nil,
	"PrimarySmtpAddress":            "annb@contoso.com",
	"EmailAddresses":                []string{"SMTP:annb@contoso.com", "smtp:annb@contoso.onmicrosoft.com", "X500:/o=contoso/cn=annb"},
	"InPlaceHolds":                  []string{},
	"RecipientTypeDetails":          "UserMailbox",
	"LitigationHoldEnabled":         true,
	"IsInactiveMailbox":             false,
	"HiddenFromAddressListsEnabled": false,
	"WhenCreated":                   time.Date(2022, 6, 16, 1, 19, 4, 0, time.UTC),
	"WhenSoftDeleted":               (*time.Time)(nil),
	"LitigationHoldDate":            time.Time{},
	"CountryCode":                   840,
	"ExchangeVersion":               int64(88218628259840),
	"ResourceCapacity":              uint8(12),
	"RetainDeletedItemsFor":         stringer("14.00:00:00"),
}

type stringer string

func (s stringer) String() string { return string(s) }

func getter(obj map[string]any) func(string) (any, bool) {
	return func(p string) (any, bool) {
		for k, v := range obj {
			if strings.EqualFold(k, p) {
				return v, true
			}
		}
		return nil, false
	}
}

func TestEval(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want bool
	}{
		// Strings: case-insensitive.
		{`Name -eq 'annb'`, true},
		{`Name -eq 'ANNB'`, true},
		{`name -eq annb`, true},
		{`Name -ne 'annb'`, false},
		{`Name -ne 'pilarp'`, true},
		{`DisplayName -eq 'Ann Beebe'`, true},
		{`Name -gt 'anna'`, true},
		{`Name -lt 'anna'`, false},
		{`Name -ge 'ANNB'`, true},
		{`Name -le 'b'`, true},
		// Wildcards.
		{`Name -like 'ann*'`, true},
		{`Name -like 'ANN*'`, true},
		{`Name -like '*nb'`, true},
		{`Name -like '*nn*'`, true},
		{`Name -like 'a*b'`, true},
		{`Name -like 'a*x'`, false},
		{`Name -like '*'`, true},
		{`Name -like 'annb'`, true},
		{`Name -like 'ann'`, false},
		{`Name -like 'a?nb'`, false},
		{`Name -eq 'ann*'`, false},
		{`Name -notlike 'pil*'`, true},
		{`Name -notlike 'ann*'`, false},
		{`DisplayName -like 'Ann *'`, true},
		// Multi-valued: any value.
		{`EmailAddresses -eq 'smtp:annb@contoso.onmicrosoft.com'`, true},
		{`EmailAddresses -eq 'SMTP:ANNB@CONTOSO.COM'`, true},
		{`EmailAddresses -like 'x500:*'`, true},
		{`EmailAddresses -like 'annb*'`, false},
		{`EmailAddresses -ne 'smtp:annb@contoso.com'`, false},
		{`EmailAddresses -ne 'smtp:other@contoso.com'`, true},
		{`EmailAddresses -notlike 'x500:*'`, false},
		{`EmailAddresses -ne $null`, true},
		{`InPlaceHolds -eq $null`, true},
		{`InPlaceHolds -eq 'mbx1'`, false},
		{`InPlaceHolds -ne 'mbx1'`, true},
		// Null and empty.
		{`Department -eq $null`, true},
		{`Department -ne $null`, false},
		{`Title -eq $null`, true},
		{`Title -eq 'Dr.'`, false},
		{`Title -ne 'Dr.'`, true},
		{`Title -like 'D*'`, false},
		{`Title -notlike 'D*'`, true},
		{`Title -gt 'a'`, false},
		{`Name -eq $null`, false},
		{`Name -ne $null`, true},
		{`WhenSoftDeleted -eq $null`, true},
		{`LitigationHoldDate -eq $null`, true},
		{`WhenCreated -ne $null`, true},
		// Booleans in every spelling.
		{`LitigationHoldEnabled -eq $true`, true},
		{`LitigationHoldEnabled -eq $TRUE`, true},
		{`LitigationHoldEnabled -eq 'True'`, true},
		{`LitigationHoldEnabled -eq "true"`, true},
		{`LitigationHoldEnabled -eq True`, true},
		{`LitigationHoldEnabled -eq $false`, false},
		{`LitigationHoldEnabled -ne 'False'`, true},
		{`IsInactiveMailbox -eq "False"`, true},
		{`IsInactiveMailbox -eq False`, true},
		{`IsInactiveMailbox -eq $false`, true},
		{`IsInactiveMailbox -eq 'TRUE'`, false},
		{`LitigationHoldEnabled -like 'T*'`, true},
		// Bare properties.
		{`LitigationHoldEnabled`, true},
		{`IsInactiveMailbox`, false},
		{`-not IsInactiveMailbox`, true},
		{`Department`, false},
		{`Name`, true},
		// Dates.
		{`WhenCreated -gt '6/15/2022'`, true},
		{`WhenCreated -gt '6/16/2022 1:19:04 AM'`, false},
		{`WhenCreated -ge '6/16/2022 1:19:04 AM'`, true},
		{`WhenCreated -eq '6/16/2022 1:19:04 AM'`, true},
		{`WhenCreated -eq '06/16/2022 01:19:04'`, true},
		{`WhenCreated -lt '2022-06-17'`, true},
		{`WhenCreated -lt '2022-06-16T01:19:04Z'`, false},
		{`WhenCreated -eq '2022-06-16T03:19:04+02:00'`, true},
		{`WhenCreated -gt '8/1/2017 2:00:00 pm'`, true},
		{`WhenCreated -like '6/16/2022*'`, true},
		{`WhenSoftDeleted -gt '1/1/2000'`, false},
		// Numbers.
		{`CountryCode -eq 840`, true},
		{`CountryCode -eq '840'`, true},
		{`CountryCode -gt 800`, true},
		{`CountryCode -lt -1`, false},
		{`ExchangeVersion -lt 88218628259841`, true},
		{`ResourceCapacity -ge 12`, true},
		{`CountryCode -like '84*'`, true},
		// Other types compare as text.
		{`RetainDeletedItemsFor -eq '14.00:00:00'`, true},
		// Logic.
		{`RecipientTypeDetails -eq 'SharedMailbox' -and HiddenFromAddressListsEnabled -eq $true`, false},
		{`RecipientTypeDetails -eq 'UserMailbox' -and LitigationHoldEnabled -eq $true`, true},
		{`Name -eq 'x' -or Name -eq 'annb'`, true},
		{`-not(Name -eq 'annb')`, false},
		{`-not(Name -eq 'annb') -or Alias -eq 'annb'`, true},
		// Equal precedence: (true -or true) -and false = false;
		// with -and binding tighter it would be true.
		{`Name -eq 'annb' -or Alias -eq 'annb' -and Name -eq 'x'`, false},
		{`Name -eq 'annb' -or (Alias -eq 'annb' -and Name -eq 'x')`, true},
	}
	if len(cases) < 30 {
		t.Fatal("too few cases")
	}
	for _, c := range cases {
		f, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if err := RecipientSchema().Validate(f); err != nil {
			t.Errorf("Validate(%q): %v", c.in, err)
		}
		got, err := f.Eval(getter(mailbox))
		if err != nil || got != c.want {
			t.Errorf("Eval(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in  string
		err any
	}{
		{`Nope -eq 'x'`, &UnknownPropertyError{}},
		{`Name -eq 'annb' -or Nope -eq 'x'`, &UnknownPropertyError{}},
		{`Nope`, &UnknownPropertyError{}},
		{`LitigationHoldEnabled -eq 'yes'`, &ConversionError{}},
		{`LitigationHoldEnabled -eq 1`, &ConversionError{}},
		{`WhenCreated -gt 'soon'`, &ConversionError{}},
		{`WhenCreated -gt 5`, &ConversionError{}},
		{`CountryCode -eq 'US'`, &ConversionError{}},
	}
	for _, c := range cases {
		got, err := MustParse(c.in).Eval(getter(mailbox))
		if got {
			t.Errorf("Eval(%q) = true with error", c.in)
		}
		switch c.err.(type) {
		case *UnknownPropertyError:
			var e *UnknownPropertyError
			if !errors.As(err, &e) || e.Property != "Nope" {
				t.Errorf("Eval(%q): %v", c.in, err)
			}
		case *ConversionError:
			var e *ConversionError
			if !errors.As(err, &e) {
				t.Errorf("Eval(%q): %v", c.in, err)
			}
		}
	}
	_, err := MustParse(`WhenCreated -gt 'soon'`).Eval(getter(mailbox))
	want := `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "The value "soon" could not be converted to type System.DateTime."`
	if err == nil || err.Error() != want {
		t.Errorf("got %q", err)
	}
}

func TestLike(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s, p string
		want bool
	}{
		{"", "", true},
		{"", "*", true},
		{"abc", "", false},
		{"abc", "a*c", true},
		{"ac", "a*c", true},
		{"a", "a*a", false},
		{"aa", "a*a", true},
		{"abcabc", "*bc*bc", true},
		{"abcbc", "a*bc*bc", true},
		{"abc", "a**c", true},
		{"ÄBC", "ä*", true},
	} {
		if got := like(c.s, c.p); got != c.want {
			t.Errorf("like(%q, %q) = %v", c.s, c.p, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]time.Time{
		"6/16/2022":             time.Date(2022, 6, 16, 0, 0, 0, 0, time.UTC),
		"6/16/2022 1:19:04 AM":  time.Date(2022, 6, 16, 1, 19, 4, 0, time.UTC),
		"9/30/2022 11:16:23 PM": time.Date(2022, 9, 30, 23, 16, 23, 0, time.UTC),
		"9/30/2022 23:16":       time.Date(2022, 9, 30, 23, 16, 0, 0, time.UTC),
		"2022-09-30":            time.Date(2022, 9, 30, 0, 0, 0, 0, time.UTC),
		"2022-09-30T23:16:23":   time.Date(2022, 9, 30, 23, 16, 23, 0, time.UTC),
	} {
		got, ok := ParseDate(in)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v", in, got, ok)
		}
	}
	if got := FormatDate(time.Date(2022, 6, 16, 1, 19, 4, 0, time.UTC)); got != "6/16/2022 1:19:04 AM" {
		t.Errorf("FormatDate = %q", got)
	}
}
