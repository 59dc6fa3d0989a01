// Package wording words values, lists and string differences in
// Pester's messages as Pester 5 does (its Format-Nicely and the
// "Expected strings to be the same" report), and reads assertion
// arguments as Pester's [object[]] parameters receive them.
package wording

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

// Nicely formats a value for a failure message as Pester does: $null,
// $true, 'text' (<empty> for ""), dates in round-trip form, [Type], {code},
// @(up to ten items, ...N more), and any other value as text.
func Nicely(rt *runtime.Runtime, v any) string {
	v = Bare(v)
	switch x := v.(type) {
	case nil:
		return "$null"
	case bool:
		if x {
			return "$true"
		}
		return "$false"
	case string:
		if x == "" {
			return "<empty>"
		}
		return "'" + x + "'"
	case time.Time:
		if s, err := rt.MethodCall(x, "ToString", []any{"o"}); err == nil {
			return rt.ToStr(s)
		}
		return x.Format(time.RFC3339Nano)
	case *dotnet.TypeInfo:
		return "[" + x.FullName + "]"
	case *dotnet.TypeValue:
		return "[" + x.Info.FullName + "]"
	case *automation.ScriptBlock:
		return "{" + x.Text() + "}"
	case *object.Hashtable:
		return rt.ToStr(x)
	}
	if IsCollection(v) {
		items, _ := object.Enumerate(v)
		const limit = 10
		parts := make([]string, 0, min(len(items), limit))
		for i, it := range items {
			if i == limit {
				break
			}
			parts = append(parts, Nicely(rt, it))
		}
		more := ""
		if len(items) > limit {
			more = fmt.Sprintf(", ...%d more", len(items)-limit)
		}
		return "@(" + strings.Join(parts, ", ") + more + ")"
	}
	return rt.ToStr(v)
}

// Bare unwraps a PSObject that only wraps a value.
func Bare(v any) any {
	if o, ok := v.(*object.PSObject); ok && o.Base != nil {
		return o.Base
	}
	return v
}

// IsCollection reports whether a value enumerates in a pipeline (not a
// string, a hashtable or a scalar).
func IsCollection(v any) bool {
	switch Bare(v).(type) {
	case nil, string, *object.Hashtable:
		return false
	}
	_, ok := object.Enumerate(Bare(v))
	return ok
}

// AsArray is a value as a parameter typed [object[]] receives it: $null
// stays $null, a collection gives its items, anything else one item.
func AsArray(v any) []any {
	if v == nil {
		return nil
	}
	if IsCollection(v) {
		items, _ := object.Enumerate(Bare(v))
		return items
	}
	return []any{v}
}

// UnwrapOne is $($value): a collection of exactly one item is that item,
// an empty one $null.
func UnwrapOne(v any) any {
	if !IsCollection(v) {
		return v
	}
	items, _ := object.Enumerate(Bare(v))
	switch len(items) {
	case 0:
		return nil
	case 1:
		return items[0]
	}
	return v
}

var becauseWord = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`(?i)because\s`) }}

// Because is Pester's " because reason," clause ("" without a reason).
func Because(reason string) string {
	b := strings.TrimSpace(reason)
	if b == "" {
		return ""
	}
	b = becauseWord.Get().ReplaceAllString(b, "")
	return " because " + b + ","
}

// JoinAnd joins with ", " and " and " before the last item.
func JoinAnd(items []string) string {
	return JoinWith(items, 2, " and ")
}

// JoinWith joins with ", ", and with last before the final item once
// there are at least threshold items.
func JoinWith(items []string, threshold int, last string) string {
	if len(items) < threshold {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// CompareStrings is Pester's message for two different strings: where
// they differ, and excerpts of both around it for the console's width.
func CompareStrings(expected, actual string, caseSensitive bool, reason string, width, pathLen int) string {
	diff := firstDifference(expected, actual, caseSensitive)
	if diff < 0 {
		return ""
	}
	var lines []string
	lines = append(lines, "Expected strings to be the same,"+Because(reason)+" but they were different.")
	el, al := len([]rune(expected)), len([]rune(actual))
	if el != al {
		lines = append(lines, fmt.Sprintf("Expected length: %d", el), fmt.Sprintf("Actual length:   %d", al), fmt.Sprintf("Strings differ at index %d.", diff))
	} else {
		lines = append(lines, fmt.Sprintf("String lengths are both %d.", el), fmt.Sprintf("Strings differ at index %d.", diff))
	}
	ae, ee := expandSpecial(actual), expandSpecial(expected)
	diff = firstDifference(ee, ae, caseSensitive)
	const surround = len("Expected: ''")
	context := int(math.RoundToEven(float64(width) / 7)) // .NET rounds half to even
	available := width - surround - (pathLen + 3)
	exLine, _ := excerpt(ee, diff, available, context)
	acLine, acDiff := excerpt(ae, diff, available, context)
	lines = append(lines, "Expected: '"+exLine+"'", "But was:  '"+acLine+"'", strings.Repeat(" ", surround-1)+strings.Repeat("-", max(acDiff, 0))+"^")
	return strings.Join(lines, "\n")
}

// firstDifference is the first index where the strings differ (-1 when
// they do not).
func firstDifference(a, b string, caseSensitive bool) int {
	ar, br := []rune(a), []rune(b)
	n := max(len(ar), len(br))
	for i := 0; i < n; i++ {
		if i >= len(ar) || i >= len(br) {
			return i
		}
		x, y := ar[i], br[i]
		if !caseSensitive {
			x, y = []rune(strings.ToLower(string(x)))[0], []rune(strings.ToLower(string(y)))[0]
		}
		if x != y {
			return i
		}
	}
	return -1
}

// expandSpecial shows control characters as their escapes.
func expandSpecial(s string) string {
	r := strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`, "\x00", `\0`, "\b", `\b`)
	return r.Replace(s)
}

// excerpt cuts a long line around the difference to fit lineLength,
// marking what it cut with "...".
func excerpt(s string, diff, lineLength, context int) (string, int) {
	const marker = "..."
	rs := []rune(s)
	minimum := context + len(marker) + 1 + len(marker) + context
	if lineLength < minimum || len(rs) <= lineLength {
		return s, diff
	}
	shift := diff - (lineLength - 1 - context - len(marker))
	if shift < 0 {
		shift = 0
	}
	out := rs[shift:]
	if len(out) < len(rs) {
		out = append([]rune(marker), out[len(marker):]...)
	}
	if len(out) > lineLength {
		out = append(out[:lineLength-len(marker)], []rune(marker)...)
	}
	return string(out), diff - shift
}
