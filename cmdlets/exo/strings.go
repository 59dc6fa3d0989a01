package exo

import "strings"

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
