package scope

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// lower is strings.ToLower, in one pass and one allocation for the ASCII
// names variables have (strings.ToLower builds its copy a byte at a
// time).
func lower(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lowerInto appends the lower-case form of an ASCII name of at most
// cap(b) bytes to b, for a map lookup that makes no key; ok is false for
// a longer or non-ASCII name.
func lowerInto(b []byte, name string) (key []byte, ok bool) {
	if len(name) > cap(b) {
		return nil, false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}
