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
