package dotnet

import "strings"

// OutOfRange is the exception of an index outside a collection, naming
// the parameter.
func OutOfRange(param string) error {
	return Throw("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter '%s')", param)
}

// Strings returns the strings as a PowerShell array.
func Strings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// CompareStrings is a culture-like comparison: case-insensitive first,
// lower case before upper case on ties when cs (case-sensitive) is set.
func CompareStrings(a, b string, cs bool) int {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if c := strings.Compare(la, lb); c != 0 || !cs {
		return c
	}
	// case-sensitive tie-break: lower case sorts first (culture order)
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] >= 'a' && a[i] <= 'z' {
				return -1
			}
			return 1
		}
	}
	return 0
}
