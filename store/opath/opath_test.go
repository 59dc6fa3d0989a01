package opath

import (
	"errors"
	"strings"
	"testing"
)

// parseCase is one Parse test: either norm (the normalized String()) and
// props, or errPos (the 1-based position of the expected *SyntaxError).
type parseCase struct {
	in     string
	norm   string
	props  []string
	errPos int
}

var parseCases = []parseCase{
	// Valid filters from the documentation and the brief.
	{in: `LitigationHoldEnabled -eq 'True'`, norm: `LitigationHoldEnabled -eq 'True'`, props: []string{"LitigationHoldEnabled"}},
	{in: `IsInactiveMailbox -eq 'True'`, norm: `IsInactiveMailbox -eq 'True'`, props: []string{"IsInactiveMailbox"}},
	{in: `IsInactiveMailbox -eq "False"`, norm: `IsInactiveMailbox -eq 'False'`, props: []string{"IsInactiveMailbox"}},
	{in: `Name -like 'ann*'`, norm: `Name -like 'ann*'`, props: []string{"Name"}},
	{in: `RecipientTypeDetails -eq 'SharedMailbox' -and HiddenFromAddressListsEnabled -eq $true`,
		norm:  `RecipientTypeDetails -eq 'SharedMailbox' -and HiddenFromAddressListsEnabled -eq $true`,
		props: []string{"RecipientTypeDetails", "HiddenFromAddressListsEnabled"}},
	{in: `RecipientTypeDetails -eq 'SharedMailbox' -and HiddenFromAddressListsEnabled -eq True`,
		norm:  `RecipientTypeDetails -eq 'SharedMailbox' -and HiddenFromAddressListsEnabled -eq 'True'`,
		props: []string{"RecipientTypeDetails", "HiddenFromAddressListsEnabled"}},
	{in: `(Department -like 'Sales*' -or Department -like 'Marketing*') -and (Company -eq 'Contoso' -or Company -eq 'Fabrikam')`,
		norm:  `Department -like 'Sales*' -or Department -like 'Marketing*' -and (Company -eq 'Contoso' -or Company -eq 'Fabrikam')`,
		props: []string{"Department", "Company"}},
	{in: `((RecipientTypeDetails -eq 'UserMailbox') -and (Company -eq 'Contoso') -and (Office -eq 'North Building'))`,
		norm:  `RecipientTypeDetails -eq 'UserMailbox' -and Company -eq 'Contoso' -and Office -eq 'North Building'`,
		props: []string{"RecipientTypeDetails", "Company", "Office"}},
	{in: `CountryCode -eq 840`, norm: `CountryCode -eq 840`, props: []string{"CountryCode"}},
	{in: `CountryCode -eq '840'`, norm: `CountryCode -eq '840'`, props: []string{"CountryCode"}},
	{in: `SCLDeleteThresholdInt -ge -2147483640`, norm: `SCLDeleteThresholdInt -ge -2147483640`, props: []string{"SCLDeleteThresholdInt"}},
	{in: `AdminDisplayName -ne $null`, norm: `AdminDisplayName -ne $null`, props: []string{"AdminDisplayName"}},
	{in: `ManagedFolderMailboxPolicy -eq $NULL`, norm: `ManagedFolderMailboxPolicy -eq $null`, props: []string{"ManagedFolderMailboxPolicy"}},
	{in: `AuditEnabled -EQ $False`, norm: `AuditEnabled -eq $false`, props: []string{"AuditEnabled"}},
	{in: `WhenCreated -gt '8/1/2017 2:00:00 PM'`, norm: `WhenCreated -gt '8/1/2017 2:00:00 PM'`, props: []string{"WhenCreated"}},
	{in: `LitigationHoldDate -lt '2017-08-13'`, norm: `LitigationHoldDate -lt '2017-08-13'`, props: []string{"LitigationHoldDate"}},
	{in: `WhenChanged -le '8/1/2017'`, norm: `WhenChanged -le '8/1/2017'`, props: []string{"WhenChanged"}},
	{in: `Name -notlike '*test'`, norm: `Name -notlike '*test'`, props: []string{"Name"}},
	{in: `-not(Name -like 'ann*')`, norm: `-not Name -like 'ann*'`, props: []string{"Name"}},
	{in: `-NOT (Name -like 'ann*')`, norm: `-not Name -like 'ann*'`, props: []string{"Name"}},
	{in: `-not(Name -like 'a*' -or Alias -eq 'b')`, norm: `-not (Name -like 'a*' -or Alias -eq 'b')`, props: []string{"Name", "Alias"}},
	{in: `((A -eq 1) -and ((B -eq 2)))`, norm: `A -eq 1 -and B -eq 2`, props: []string{"A", "B"}},
	{in: `-not Name -eq 'x' -and Alias -eq 'y'`, norm: `-not Name -eq 'x' -and Alias -eq 'y'`, props: []string{"Name", "Alias"}},
	{in: `-not -not IsShared -eq $true`, norm: `-not -not IsShared -eq $true`, props: []string{"IsShared"}},
	// -and and -or: equal precedence, left to right (as in PowerShell).
	{in: `A -eq 1 -or B -eq 2 -and C -eq 3`, norm: `A -eq 1 -or B -eq 2 -and C -eq 3`, props: []string{"A", "B", "C"}},
	{in: `A -eq 1 -and B -eq 2 -or C -eq 3`, norm: `A -eq 1 -and B -eq 2 -or C -eq 3`, props: []string{"A", "B", "C"}},
	{in: `A -eq 1 -or (B -eq 2 -and C -eq 3)`, norm: `A -eq 1 -or (B -eq 2 -and C -eq 3)`, props: []string{"A", "B", "C"}},
	{in: `Name -eq 'O''Brien'`, norm: `Name -eq 'O''Brien'`, props: []string{"Name"}},
	{in: `Name -eq "say ""hi"""`, norm: `Name -eq 'say "hi"'`, props: []string{"Name"}},
	{in: `Name -eq "it's"`, norm: `Name -eq 'it''s'`, props: []string{"Name"}},
	{in: `Name -eq ''`, norm: `Name -eq ''`, props: []string{"Name"}},
	{in: `PrimarySmtpAddress -eq annb@contoso.com`, norm: `PrimarySmtpAddress -eq 'annb@contoso.com'`, props: []string{"PrimarySmtpAddress"}},
	{in: `ExchangeGuid -eq 664ef44e-c1a0-47b0-9553-2ecdfc6ef840`, norm: `ExchangeGuid -eq '664ef44e-c1a0-47b0-9553-2ecdfc6ef840'`, props: []string{"ExchangeGuid"}},
	{in: `RecipientTypeDetails -eq UserMailbox`, norm: `RecipientTypeDetails -eq 'UserMailbox'`, props: []string{"RecipientTypeDetails"}},
	{in: "  Name\t-eq\n'x'  ", norm: `Name -eq 'x'`, props: []string{"Name"}},
	{in: `name -eq 'a' -or NAME -eq 'b'`, norm: `name -eq 'a' -or NAME -eq 'b'`, props: []string{"name"}},
	{in: `Name -eq 'Ünïcödé ☃'`, norm: `Name -eq 'Ünïcödé ☃'`, props: []string{"Name"}},
	// A property alone is accepted by the parser (Exchange then reports
	// "False" as an unknown property, not a syntax error).
	{in: `False`, norm: `False`, props: []string{"False"}},
	{in: `IsInactiveMailbox -and -not IsShared`, norm: `IsInactiveMailbox -and -not IsShared`, props: []string{"IsInactiveMailbox", "IsShared"}},
	// Characters that start no token are skipped.
	{in: `Name -eq 'x' —`, norm: `Name -eq 'x'`, props: []string{"Name"}},
	{in: `Name -eq 'x' ;`, errPos: 14}, // ASCII punctuation forms a word

	// Invalid filters.
	{in: ``, errPos: 1},
	{in: `   `, errPos: 4},
	{in: `Name -eq`, errPos: 9},
	{in: `Name -eq 'x`, errPos: 10},
	{in: `Name -eq "x`, errPos: 10},
	{in: `Name -eq 'x' -and`, errPos: 18},
	{in: `Name -eq 'x' -or -and Alias -eq 'y'`, errPos: 18},
	{in: `(Name -eq 'x'`, errPos: 14},
	{in: `Name -eq 'x')`, errPos: 13},
	{in: `()`, errPos: 2},
	{in: `-eq 'x'`, errPos: 1},
	{in: `'Name' -eq 'x'`, errPos: 1},
	{in: `500 -eq Name`, errPos: 1},
	{in: `$true -eq Name`, errPos: 1},
	{in: `Name -eq 'a' 'b'`, errPos: 14},
	{in: `Name -eq 'a' Alias -eq 'b'`, errPos: 14},
	{in: `Name -match 'a.*'`, errPos: 6},
	{in: `Name -ieq 'a'`, errPos: 6},
	{in: `Name -contains 'a'`, errPos: 6},
	{in: `Name -eq -and`, errPos: 10},
	{in: `Name -eq $User`, errPos: 10},
	{in: `$_.IsInactiveMailbox -eq $false`, errPos: 1},
	{in: `Name = 'x'`, errPos: 6},
	{in: `-not`, errPos: 5},
	{in: `Name -eq ('x')`, errPos: 10},
	// The real example: an en dash instead of a hyphen; Exchange reports
	// position 17, the "eq" after the skipped dash.
	{in: `(RecipientType –eq 'MailUser') -and (ExternalEmailAddress -like '*ourcorrectdomain.mail.onmicrosoft.com')`, errPos: 17},
	// Positions count UTF-16 code units: the emoji takes two.
	{in: `Name -eq '😀' junk`, errPos: 15},
}

func TestParse(t *testing.T) {
	t.Parallel()
	if len(parseCases) < 40 {
		t.Fatalf("only %d cases", len(parseCases))
	}
	for _, c := range parseCases {
		f, err := Parse(c.in)
		if c.errPos != 0 {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("Parse(%q): got %v, %v; want syntax error at %d", c.in, f, err, c.errPos)
				continue
			}
			if se.Position != c.errPos || se.Filter != c.in {
				t.Errorf("Parse(%q): error at %d (filter %q), want %d", c.in, se.Position, se.Filter, c.errPos)
			}
			want := "Invalid filter syntax.\nFor a description of the filter parameter syntax see the command help.\n\"" +
				c.in + "\" at position " + itoa(c.errPos) + "."
			if se.Message != want {
				t.Errorf("Parse(%q): message %q, want %q", c.in, se.Message, want)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := f.String(); got != c.norm {
			t.Errorf("Parse(%q).String() = %q, want %q", c.in, got, c.norm)
		}
		if got := f.Properties(); strings.Join(got, ",") != strings.Join(c.props, ",") {
			t.Errorf("Parse(%q).Properties() = %v, want %v", c.in, got, c.props)
		}
		if f.Text() != c.in {
			t.Errorf("Text() = %q", f.Text())
		}
		// The normalized form parses to itself.
		g, err := Parse(f.String())
		if err != nil || g.String() != f.String() {
			t.Errorf("reparse of %q: %v, %v", f.String(), g, err)
		}
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestErrorTexts checks the complete texts PowerShell shows.
func TestErrorTexts(t *testing.T) {
	t.Parallel()
	_, err := Parse(`Name -eq`)
	want := "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"Invalid filter syntax.\n" +
		"For a description of the filter parameter syntax see the command help.\n\"Name -eq\" at position 9.\""
	if err == nil || err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
	want = "Cannot bind parameter 'RecipientFilter' to the target. Exception setting \"RecipientFilter\": \"Invalid filter syntax.\n" +
		"For a description of the filter parameter syntax see the command help.\n\"Name -eq\" at position 9.\""
	if got := BindingMessage("RecipientFilter", err); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}

	f := MustParse(`False`)
	err = Validate(f, map[string]bool{"IsInactiveMailbox": true, "Alias": true})
	want = "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": " +
		"\"\"False\" is not a recognized filterable property. Valid property names are: Alias, IsInactiveMailbox\""
	if err == nil || err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
	var upe *UnknownPropertyError
	if !errors.As(err, &upe) || upe.Property != "False" {
		t.Errorf("not an UnknownPropertyError: %#v", err)
	}
	if got := (&UnknownPropertyError{Property: "SharePointSiteUrl"}).Message(); got != `"SharePointSiteUrl" is not a recognized filterable property.` {
		t.Errorf("got %q", got)
	}

	err = RecipientSchema().Validate(MustParse(`LitigationHoldEnabled -eq 'yes'`))
	want = "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": " +
		"\"The value \"yes\" could not be converted to type System.Boolean.\""
	if err == nil || err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	s := RecipientSchema()
	ok := []string{
		`IsInactiveMailbox -eq "False"`,
		`isinactivemailbox -eq $false`,
		`LitigationHoldEnabled -eq 'True' -and WhenCreated -gt '8/1/2017 2:00:00 PM'`,
		`CustomAttribute15 -like 'audited*'`,
		`ExtensionCustomAttribute5 -ne $null`,
		`ArchiveStatus -eq 'Active'`,
		`GroupType -eq 'Universal, SecurityEnabled'`,
		`CountryCode -eq '840'`,
		`WhenSoftDeleted -gt '2022-06-16T01:19:04Z'`,
		`WhenCreated -like '6/16/2022*'`,
		`InactiveMailboxRetireTime -ne $null`,
		`IsInactiveMailbox`,
	}
	for _, in := range ok {
		if err := s.Validate(MustParse(in)); err != nil {
			t.Errorf("Validate(%q): %v", in, err)
		}
		if err := Validate(MustParse(in), RecipientFilterable()); err != nil {
			t.Errorf("Validate(%q) by names: %v", in, err)
		}
	}
	bad := []struct {
		in, prop, value, typ string
	}{
		{`LitigationHoldEnabled -eq 'yes'`, "LitigationHoldEnabled", "yes", "System.Boolean"},
		{`IsInactiveMailbox -eq '$False'`, "IsInactiveMailbox", "$False", "System.Boolean"},
		{`IsInactiveMailbox -eq 1`, "IsInactiveMailbox", "1", "System.Boolean"},
		{`WhenCreated -gt 'yesterday'`, "WhenCreated", "yesterday", "System.DateTime"},
		{`WhenCreated -gt '13/45/2020'`, "WhenCreated", "13/45/2020", "System.DateTime"},
		{`CountryCode -eq 'US'`, "CountryCode", "US", "System.Int32"},
		{`ArchiveStatus -eq 'Enabled'`, "ArchiveStatus", "Enabled", "ArchiveStatusFlags"},
	}
	for _, c := range bad {
		err := s.Validate(MustParse(c.in))
		var ce *ConversionError
		if !errors.As(err, &ce) || ce.Property != c.prop || ce.Value != c.value || ce.Type != c.typ {
			t.Errorf("Validate(%q) = %#v", c.in, err)
		}
	}
	err := s.Validate(MustParse(`Name -eq 'a' -or SharePointSiteUrl -eq 'x'`))
	var upe *UnknownPropertyError
	if !errors.As(err, &upe) || upe.Property != "SharePointSiteUrl" || len(upe.Valid) < 200 {
		t.Errorf("got %#v", err)
	}
	if err := DocumentedRecipientSchema().Validate(MustParse(`DelayHoldApplied -eq $true`)); err == nil {
		t.Error("DelayHoldApplied is not documented as filterable")
	}
	sub := s.Subset("Name", "alias", "Nope")
	if len(sub) != 2 {
		t.Errorf("Subset: %v", sub.Names())
	}
	if _, ok := s.With(Property{Name: "Extra", Kind: KindBool}).Lookup("EXTRA"); !ok {
		t.Error("With")
	}
}

func TestRecipientSchemaCoversSpec(t *testing.T) {
	t.Parallel()
	// Every property of the mailbox record and the commonly filtered ones.
	need := []string{"Name", "Alias", "DisplayName", "Identity", "DistinguishedName", "Guid", "ExchangeGuid",
		"ArchiveGuid", "ArchiveStatus", "AutoExpandingArchiveEnabled", "LegacyExchangeDN", "EmailAddresses",
		"PrimarySmtpAddress", "UserPrincipalName", "MicrosoftOnlineServicesID", "WindowsLiveID",
		"ExternalDirectoryObjectId", "RecipientType", "RecipientTypeDetails", "IsInactiveMailbox",
		"WasInactiveMailbox", "WhenSoftDeleted", "InactiveMailboxRetireTime", "LitigationHoldEnabled",
		"LitigationHoldDuration", "LitigationHoldDate", "LitigationHoldOwner", "InPlaceHolds",
		"ComplianceTagHoldApplied", "DelayHoldApplied", "DelayReleaseHoldApplied", "RetentionHoldEnabled",
		"StartDateForRetentionHold", "EndDateForRetentionHold", "RetainDeletedItemsFor", "AccountDisabled",
		"WhenCreated", "WhenChanged", "HiddenFromAddressListsEnabled", "Department", "Title",
		"CustomAttribute1", "CustomAttribute15"}
	s := RecipientSchema()
	for _, n := range need {
		p, ok := s.Lookup(n)
		if !ok || p.Name != n {
			t.Errorf("missing %s", n)
		}
	}
	if p, _ := s.Lookup("EmailAddresses"); p.Kind != KindMulti {
		t.Error("EmailAddresses should be multi-valued")
	}
	if p, _ := s.Lookup("WhenSoftDeleted"); p.Kind != KindDate {
		t.Error("WhenSoftDeleted should be a date")
	}
}

func TestCheckWildcards(t *testing.T) {
	t.Parallel()
	for in, bad := range map[string]bool{
		`Name -like 'A*'`:                    false,
		`Name -like '*C'`:                    false,
		`Name -like '*B*'`:                   false,
		`Name -like 'A*B*C'`:                 true,
		`Name -eq 'A*B'`:                     false,
		`Name -like 'x' -or UPN -like 'A*B'`: true,
		`Name -notlike 'a**'`:                false,
	} {
		err := MustParse(in).CheckWildcards()
		var we *WildcardError
		if bad != errors.As(err, &we) {
			t.Errorf("CheckWildcards(%q) = %v", in, err)
		}
	}
}

func TestMustParsePanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	MustParse(`Name -eq`)
}

func TestDeepFilters(t *testing.T) {
	t.Parallel()
	// A long -and chain and deep but allowed nesting both survive a round trip.
	chain := "A -eq 1" + strings.Repeat(" -and A -eq 1", 5000)
	f, err := Parse(chain)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := Parse(f.String()); err != nil || g.String() != f.String() {
		t.Fatalf("chain round trip: %v", err)
	}
	nested := strings.Repeat("(", 900) + "A -eq 1" + strings.Repeat(")", 900)
	if f, err = Parse(nested); err != nil {
		t.Fatal(err)
	}
	if f.String() != "A -eq 1" {
		t.Errorf("got %q", f.String())
	}
	nots := strings.Repeat("-not ", 900) + "A"
	if f, err = Parse(nots); err != nil {
		t.Fatal(err)
	}
	if g, err := Parse(f.String()); err != nil || g.String() != f.String() {
		t.Fatalf("not round trip: %v", err)
	}
	rightNested := strings.Repeat("A -eq 1 -and (", 400) + "A -eq 1" + strings.Repeat(")", 400)
	if f, err = Parse(rightNested); err != nil {
		t.Fatal(err)
	}
	if g, err := Parse(f.String()); err != nil || g.String() != f.String() {
		t.Fatalf("right-nested round trip: %v", err)
	}
	// Nesting beyond the limit is a syntax error, not a crash.
	tooDeep := strings.Repeat("(", 5000) + "A" + strings.Repeat(")", 5000)
	_, err = Parse(tooDeep)
	var se *SyntaxError
	if !errors.As(err, &se) || se.Position < 1 || se.Position > len(tooDeep)+1 {
		t.Errorf("too deep: %v", err)
	}
}
