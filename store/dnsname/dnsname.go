// Package dnsname tells whether a text is a domain name as the domain
// entries of remote domains and sharing policies accept one.
package dnsname

import (
	"strings"
	"unicode"
)

// Valid reports whether d is a domain name: at most 255 characters,
// labels of letters, digits, hyphens and underscores, none empty or
// longer than 63 characters, none starting or ending with a hyphen.
func Valid(d string) bool {
	if d == "" || len(d) > 255 {
		return false
	}
	for _, label := range strings.Split(d, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}
