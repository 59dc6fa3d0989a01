package exo_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
)

// An argument's texts are trimmed and the empty ones left out, from a
// single value, an array or a MultiValuedProperty.
func TestValueStrings(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   any
		want []string
	}{
		{in: nil},
		{in: " annb ", want: []string{"annb"}},
		{in: "", want: nil},
		{in: []any{"a", " ", nil, " b", 3}, want: []string{"a", "b", "3"}},
		{in: exo.MultiValued([]string{"x", "", "y "}), want: []string{"x", "y"}},
		{in: &object.PSObject{Base: " wrapped "}, want: []string{"wrapped"}},
	} {
		if got := exo.ValueStrings(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ValueStrings(%#v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// RemoveFold leaves out every entry equal to the text in any case and
// does not change the list it is given.
func TestRemoveFold(t *testing.T) {
	t.Parallel()
	list := []string{"Ann", "bob", "ANN", "carol"}
	got := exo.RemoveFold(list, "ann")
	if want := []string{"bob", "carol"}; !reflect.DeepEqual(got, want) {
		t.Errorf("RemoveFold = %q, want %q", got, want)
	}
	if list[0] != "Ann" || list[2] != "ANN" {
		t.Errorf("the list given was changed: %q", list)
	}
}

// Ambiguous name resolution matches a prefix of any of the names,
// ignoring case and the spaces around the text.
func TestMatchAnr(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		anr  string
		want bool
	}{{"ann", true}, {" ANNE ", false}, {"beebe", true}, {"ab@", true}, {"", true}, {"x", false}} {
		if got := exo.MatchAnr(c.anr, "Ann", "Beebe", "ab@contoso.com"); got != c.want {
			t.Errorf("MatchAnr(%q) = %v, want %v", c.anr, got, c.want)
		}
	}
}

// The organization's names: its organizational unit, OrganizationId and
// the domain controller derived from its Guid (DC010 to DC099).
func TestOrganizationNames(t *testing.T) {
	t.Parallel()
	org := &directory.Organization{Name: "contoso.onmicrosoft.com", DirectoryPartition: "NAMPR06A007", Guid: "9f3c2b1a-0000-4000-8000-000000000001"}
	if got, want := exo.OrganizationalUnitName(org), "NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com"; got != want {
		t.Errorf("OrganizationalUnitName = %q, want %q", got, want)
	}
	if got, want := exo.OrganizationID(org), "NAMPR06A007.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com - NAMPR06A007.PROD.OUTLOOK.COM/ConfigurationUnits/contoso.onmicrosoft.com/Configuration"; got != want {
		t.Errorf("OrganizationID = %q, want %q", got, want)
	}
	dc := exo.DomainController(org)
	if !strings.HasPrefix(dc, "NAMPR06A007DC0") || !strings.HasSuffix(dc, ".NAMPR06A007.PROD.OUTLOOK.COM") || dc != exo.DomainController(org) {
		t.Errorf("DomainController = %q", dc)
	}
}

// dtmfPlainly is AppendDtmf written plainly: the lower-cased text's
// letters as their keys' digits, its digits as they are.
func dtmfPlainly(s string) string {
	const keys = "22233344455566677778889999"
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteByte(keys[r-'a'])
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestAppendDtmf(t *testing.T) {
	for _, s := range []string{"", "annb", "AnnB", "Beebe", "o'Neil-Smith 2nd", "@[`{", "Zoë Ångström", "\u212Aelvin", "\u0130stanbul", "x\xffy"} {
		if got, want := string(exo.AppendDtmf([]byte("k:"), s)), "k:"+dtmfPlainly(s); got != want {
			t.Errorf("AppendDtmf(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSizeText checks the texts written out for the plan's sizes against
// FormatByteSize, and that other sizes get FormatByteSize's.
func TestSizeText(t *testing.T) {
	for _, n := range []int64{0, 1, 256 * directory.KB, 35 * directory.MB, 36 * directory.MB, 6 * directory.GB, 20 * directory.GB,
		30 * directory.GB, 49 * directory.GB, 50 * directory.GB, 90 * directory.GB, 98 * directory.GB, 99 * directory.GB, 100 * directory.GB, 1536} {
		if got, want := exo.SizeText(n), directory.FormatByteSize(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
		if got, want := exo.QuotaValue(directory.Quota(n)).ToStringFunc(), directory.FormatByteSize(n); got != want {
			t.Errorf("QuotaValue(%d) is %q, want %q", n, got, want)
		}
	}
	if got := exo.QuotaValue(directory.QuotaUnlimited).ToStringFunc(); got != "Unlimited" {
		t.Errorf("QuotaValue(Unlimited) is %q", got)
	}
}
