package exo_test

import (
	"testing"

	"github.com/exosim/exosim/cmdlets/exo"
)

// CountryOrRegion takes a two-letter code or a country's name in any case
// and keeps the name.
func TestCountryName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"us": "United States", " GB ": "United Kingdom", "canada": "Canada", "ES": "Spain", "au": "Australia"} {
		if got, ok := exo.CountryName(in); !ok || got != want {
			t.Errorf("CountryName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "XX", "USA", "Atlantis"} {
		if got, ok := exo.CountryName(in); ok {
			t.Errorf("CountryName(%q) = %q, want none", in, got)
		}
	}
}
