package exo

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// ContainsFold reports whether list holds s, compared without regard to
// case (Exchange compares names, addresses and identities that way).
func ContainsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// NilIfEmpty is s as a property value: $null when it is empty, as
// Exchange shows an unset string property.
func NilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// RemoveFold returns list without the entries equal to s, compared
// without regard to case; list itself is not changed.
func RemoveFold(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if !strings.EqualFold(x, s) {
			out = append(out, x)
		}
	}
	return out
}

// ValueStrings flattens an argument (an array, a MultiValuedProperty or
// a single value) into its texts, trimmed, leaving out the empty ones.
func ValueStrings(v any) []string {
	v = object.Unwrap(v)
	if v == nil {
		return nil
	}
	items, ok := object.Enumerate(v)
	if !ok {
		items = []any{v}
	}
	var out []string
	for _, it := range items {
		if s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(it))); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// CommaStrings is ValueStrings with each text also split at its commas:
// the values of a parameter Exchange reads as a comma-separated list
// whether the script gives an array or one string ("a,b" is a and b).
func CommaStrings(v any) []string {
	var out []string
	for _, s := range ValueStrings(v) {
		for _, part := range strings.Split(s, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// MatchAnr is ambiguous name resolution: whether one of a recipient's
// names (name, alias, display name, primary address ...) starts with
// anr, without regard to case or surrounding spaces.
func MatchAnr(anr string, names ...string) bool {
	anr = strings.ToLower(strings.TrimSpace(anr))
	for _, s := range names {
		if strings.HasPrefix(strings.ToLower(s), anr) {
			return true
		}
	}
	return false
}

// OrganizationalUnitName is the canonical name of the organization's one
// organizational unit, which holds every recipient of the tenant.
func OrganizationalUnitName(org *directory.Organization) string {
	return org.DirectoryPartition + ".PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/" + org.Name
}

// OrganizationID is the OrganizationId of the organization's objects.
func OrganizationID(org *directory.Organization) string {
	forest := org.DirectoryPartition + ".PROD.OUTLOOK.COM"
	return forest + "/Microsoft Exchange Hosted Organizations/" + org.Name + " - " + forest + "/ConfigurationUnits/" + org.Name + "/Configuration"
}

// DomainController is the directory server that holds the organization's
// configuration: its objects' OriginatingServer, the server the
// directory's errors name.
func DomainController(org *directory.Organization) string {
	n := 10 + int(store.DerivedGuid("dc\x00" + org.Guid)[0])%90
	return fmt.Sprintf("%sDC%03d.%s.PROD.OUTLOOK.COM", org.DirectoryPartition, n, org.DirectoryPartition)
}

// AppendDtmf appends s as a telephone keypad dials it (UMDtmfMap): each
// letter as the digit of its key, digits as they are, nothing for the
// other characters.
func AppendDtmf(b []byte, s string) []byte {
	const keys = "22233344455566677778889999"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			// a letter outside ASCII may have an ASCII lower case (the
			// Kelvin sign's is k)
			for _, r := range strings.ToLower(s[i:]) {
				switch {
				case r >= 'a' && r <= 'z':
					b = append(b, keys[r-'a'])
				case r >= '0' && r <= '9':
					b = append(b, byte(r))
				}
			}
			return b
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			b = append(b, keys[c|0x20-'a'])
		case '0' <= c && c <= '9':
			b = append(b, c)
		}
	}
	return b
}
