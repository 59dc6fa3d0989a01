package dotnet

import (
	"strings"

	"github.com/exosim/exosim/shell/object"
)

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

// ToString is the value's .NET ToString() (current culture): what methods
// taking object arguments see (StringBuilder.Append, String.Concat).
func ToString(v any) string {
	switch x := object.Unwrap(v).(type) {
	case nil:
		return ""
	case []any:
		return "System.Object[]"
	case *object.List, *object.Hashtable:
		return object.TypeName(x)
	case string:
		return x
	default:
		return object.ToCultureString(x)
	}
}

// FlattenChars returns the characters of char, char[] and string
// arguments.
func FlattenChars(h Host, args []any) []rune {
	var out []rune
	for _, a := range args {
		a = object.Unwrap(a)
		if items, ok := object.Elements(a); ok {
			for _, it := range items {
				out = append(out, []rune(h.ToStr(it))...)
			}
			continue
		}
		out = append(out, []rune(h.ToStr(a))...)
	}
	return out
}

// FoldIf is s in lower case when fold (a comparison ignoring case) is set.
func FoldIf(s string, fold bool) string {
	if fold {
		return strings.ToLower(s)
	}
	return s
}

// CompareOrdinal compares by character code (StringComparison.Ordinal).
func CompareOrdinal(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] != rb[i] {
			return int(ra[i]) - int(rb[i])
		}
	}
	return len(ra) - len(rb)
}

// Bytes is a byte[] as scripts see it: a System.Byte[] whose elements
// are Bytes (Go's uint8).
func Bytes(b []byte) []any {
	var out []any
	if el := TypeByName("System.Byte"); el != nil {
		out = NewArray(ArrayType(el), len(b))
	} else {
		out = make([]any, len(b))
	}
	for i, c := range b {
		out[i] = c
	}
	return out
}
