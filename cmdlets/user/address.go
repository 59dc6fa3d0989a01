package user

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// AddressParams names the parameters of a cmdlet that set an account's
// address and telephone number: Set-User's (City, StreetAddress,
// StateOrProvince ...) or Set-Place's (City, Street, State ...), which
// set the same attributes of a room's account.
type AddressParams struct {
	City, Country, Street, State, PostalCode, Phone string
}

// UserAddressParams are Set-User's names of the address parameters.
var UserAddressParams = AddressParams{City: "City", Country: "CountryOrRegion", Street: "StreetAddress",
	State: "StateOrProvince", PostalCode: "PostalCode", Phone: "Phone"}

// Has reports whether the call sets any of the address parameters.
func (a AddressParams) Has(ctx *command.Context) bool {
	for _, n := range []string{a.City, a.Country, a.Street, a.State, a.PostalCode, a.Phone} {
		if ctx.Has(n) {
			return true
		}
	}
	return false
}

// ApplyAddress sets on u (a copy of an account) the address and
// telephone values the call gives under the names a gives them, as
// Exchange takes them: text trimmed, within the directory's upper bounds
// (city and state 128 characters, street 1024, postal code 40, telephone
// 64), an empty value or $null clearing the attribute; the country or
// region a two-letter ISO 3166-1 code or a country's name, kept as the
// country's name. changed reports whether u differs from what it was.
func ApplyAddress(ctx *command.Context, u *directory.User, a AddressParams) (changed bool, rec *object.ErrorRecord, err error) {
	texts := []struct {
		param, attr string
		max         int
	}{
		{a.City, "", 128}, {a.Street, exo.UserStreetAddress, 1024}, {a.State, exo.UserStateOrProvince, 128},
		{a.PostalCode, exo.UserPostalCode, 40}, {a.Phone, exo.UserPhone, 64},
	}
	for _, t := range texts {
		if ctx.Has(t.param) {
			if rec := exo.TooLong(ctx, t.max, strings.TrimSpace(ctx.String(t.param))); rec != nil {
				return false, rec, nil
			}
		}
	}
	country := u.Country
	if ctx.Has(a.Country) {
		country = ""
		v := object.Unwrap(ctx.Value(a.Country))
		if s := strings.TrimSpace(object.ToInvariantString(v)); v != nil && s != "" {
			name, ok := exo.CountryName(s)
			if !ok {
				return false, exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
					fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Directory.CountryInfo\". Error: \"The value \"%s\" isn't a valid country or region: use a two-letter ISO 3166-1 code (for example, AU for Australia) or its country's name.\"", a.Country, s, s),
					object.InvalidArgument, s), nil
			}
			country = name
		}
	}
	if country != u.Country {
		u.Country, changed = country, true
	}
	if u.Extra != nil {
		// the account's further properties are copied before they change
		extra := make(map[string]store.RawValue, len(u.Extra))
		for k, v := range u.Extra {
			extra[k] = v
		}
		u.Extra = extra
	}
	for _, t := range texts {
		if !ctx.Has(t.param) {
			continue
		}
		v := strings.TrimSpace(ctx.String(t.param))
		if t.attr == "" {
			if v != u.City {
				u.City, changed = v, true
			}
			continue
		}
		if v != exo.AccountText(u, t.attr) {
			if err := exo.SetAccountText(u, t.attr, v); err != nil {
				return false, nil, err
			}
			changed = true
		}
	}
	if len(u.Extra) == 0 {
		u.Extra = nil
	}
	return changed, nil, nil
}
