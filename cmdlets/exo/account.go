package exo

import (
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The account's address and telephone attributes that have no field of
// their own: Set-User keeps them among the account's further properties
// (User.Extra) under these names, Get-User shows them, and Set-Place
// writes them for a room's account.
const (
	UserStreetAddress   = "StreetAddress"
	UserStateOrProvince = "StateOrProvince"
	UserPostalCode      = "PostalCode"
	UserPhone           = "Phone"
)

// AccountText returns the account's text attribute kept among its
// further properties under name ("" when unset or not text).
func AccountText(u *directory.User, name string) string {
	raw, ok := u.Extra[name]
	if !ok {
		return ""
	}
	var s string
	if store.DecodeExtra(raw, &s) != nil {
		return ""
	}
	return s
}

// SetAccountText sets the account's text attribute name, kept among its
// further properties; "" removes it.
func SetAccountText(u *directory.User, name, value string) error {
	if value == "" {
		delete(u.Extra, name)
		return nil
	}
	raw, err := store.EncodeExtra(value)
	if err != nil {
		return err
	}
	if u.Extra == nil {
		u.Extra = map[string]store.RawValue{}
	}
	u.Extra[name] = raw
	return nil
}
