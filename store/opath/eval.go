package opath

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/wildcard"
)

// Eval reports whether an object matches the filter. get returns the value of
// a property (matched case-insensitively by the caller) and whether the
// property is known; an unknown property makes Eval fail with
// *UnknownPropertyError.
//
// Values are Go values: string, bool, the integer types, float64, time.Time
// (or *time.Time), []string for multi-valued properties, or nil. An empty
// string and an empty slice count as no value ($null).
//
// Semantics (as Exchange documents them for recipient filters):
//   - string comparisons are case-insensitive; -like/-notlike use * as the
//     only wildcard (any run of characters), a pattern without * compares
//     for equality; -eq never treats * as a wildcard;
//   - a multi-valued property matches -eq/-like/-gt/... when any value
//     matches, and -ne/-notlike when no value matches the positive operator;
//   - "-eq $null" is true for a property without a value, "-ne $null" for a
//     property with one; a property without a value fails every other
//     comparison except -ne and -notlike;
//   - booleans accept $true/$false and the strings True/False (so a filter in
//     which PowerShell already expanded $true works too);
//   - dates accept en-US M/d/yyyy [h:mm[:ss] AM|PM] and ISO 8601 forms and are
//     read as UTC;
//   - numbers accept integer literals and quoted integers.
//
// A value that cannot be converted to the property's type fails with
// *ConversionError. Every leaf is evaluated (no short-circuit), so errors do
// not depend on the data.
func (f *Filter) Eval(get func(property string) (value any, known bool)) (bool, error) {
	var firstErr error
	var rec func(n node) bool
	rec = func(n node) bool {
		switch n := n.(type) {
		case *andNode:
			l := rec(n.l)
			r := rec(n.r)
			return l && r
		case *orNode:
			l := rec(n.l)
			r := rec(n.r)
			return l || r
		case *notNode:
			return !rec(n.x)
		case *existsNode:
			v, known := get(n.prop)
			if !known {
				if firstErr == nil {
					firstErr = &UnknownPropertyError{Property: n.prop}
				}
				return false
			}
			return exists(v)
		case *cmpNode:
			v, known := get(n.prop)
			if !known {
				if firstErr == nil {
					firstErr = &UnknownPropertyError{Property: n.prop}
				}
				return false
			}
			ok, err := compare(n.prop, v, n.op, n.val)
			if err != nil && firstErr == nil {
				firstErr = err
			}
			return ok
		}
		return false
	}
	res := rec(f.root)
	if firstErr != nil {
		return false, firstErr
	}
	return res, nil
}

// normalize turns a property value into one of: nil, string, bool, int64,
// float64, time.Time, []string.
func normalize(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
		return x
	case bool:
		return x
	case int:
		return int64(x)
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int64:
		return x
	case uint:
		return uintValue(uint64(x))
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint64:
		return uintValue(x)
	case float32:
		return float64(x)
	case float64:
		return x
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return x
	case *time.Time:
		if x == nil || x.IsZero() {
			return nil
		}
		return *x
	case []string:
		var out []string
		for _, s := range x {
			if s != "" {
				out = append(out, s)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case fmt.Stringer:
		return normalize(x.String())
	}
	return normalize(fmt.Sprint(v))
}

func uintValue(u uint64) any {
	if u > math.MaxInt64 {
		return float64(u)
	}
	return int64(u)
}

func exists(v any) bool {
	switch x := normalize(v).(type) {
	case nil:
		return false
	case bool:
		return x
	}
	return true
}

func negative(op Op) bool { return op == OpNe || op == OpNotLike }

func positive(op Op) Op {
	switch op {
	case OpNe:
		return OpEq
	case OpNotLike:
		return OpLike
	}
	return op
}

func compare(prop string, raw any, op Op, lit Value) (bool, error) {
	v := normalize(raw)
	if lit.Kind == ValNull {
		switch op {
		case OpEq, OpLike:
			return v == nil, nil
		case OpNe, OpNotLike:
			return v != nil, nil
		}
		return false, nil
	}
	if v == nil {
		return negative(op), nil
	}
	pos := positive(op)
	if multi, ok := v.([]string); ok {
		any := false
		for _, s := range multi {
			m, err := scalar(prop, s, pos, lit)
			if err != nil {
				return false, err
			}
			if m {
				any = true
			}
		}
		return any != negative(op), nil
	}
	m, err := scalar(prop, v, pos, lit)
	if err != nil {
		return false, err
	}
	return m != negative(op), nil
}

// scalar compares one normalized value with a positive operator.
func scalar(prop string, v any, op Op, lit Value) (bool, error) {
	switch x := v.(type) {
	case string:
		return cmpString(x, op, lit.Str), nil
	case bool:
		if op == OpLike {
			return like(boolText(x), lit.Str), nil
		}
		b, ok := litBool(lit)
		if !ok {
			return false, &ConversionError{Property: prop, Value: lit.Str, Type: "System.Boolean"}
		}
		return ordered(cmpBool(x, b), op), nil
	case int64:
		if op == OpLike {
			return like(strconv.FormatInt(x, 10), lit.Str), nil
		}
		n, ok := litInt(lit)
		if !ok {
			return false, &ConversionError{Property: prop, Value: lit.Str, Type: "System.Int32"}
		}
		return ordered(cmpInt(x, n), op), nil
	case float64:
		if op == OpLike {
			return like(strconv.FormatFloat(x, 'f', -1, 64), lit.Str), nil
		}
		fl, err := strconv.ParseFloat(strings.TrimSpace(lit.Str), 64)
		if err != nil || lit.Kind == ValBool {
			return false, &ConversionError{Property: prop, Value: lit.Str, Type: "System.Double"}
		}
		c := 0
		if x < fl {
			c = -1
		} else if x > fl {
			c = 1
		}
		return ordered(c, op), nil
	case time.Time:
		if op == OpLike {
			return like(FormatDate(x), lit.Str), nil
		}
		t, ok := litDate(lit)
		if !ok {
			return false, &ConversionError{Property: prop, Value: lit.Str, Type: "System.DateTime"}
		}
		return ordered(x.Compare(t), op), nil
	}
	return cmpString(fmt.Sprint(v), op, lit.Str), nil
}

func ordered(c int, op Op) bool {
	switch op {
	case OpEq:
		return c == 0
	case OpGt:
		return c > 0
	case OpLt:
		return c < 0
	case OpGe:
		return c >= 0
	case OpLe:
		return c <= 0
	}
	return false
}

func cmpString(s string, op Op, lit string) bool {
	if op == OpLike {
		return like(s, lit)
	}
	return ordered(strings.Compare(strings.ToLower(s), strings.ToLower(lit)), op)
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func litBool(lit Value) (bool, bool) {
	switch lit.Kind {
	case ValBool:
		return lit.Bool, true
	case ValString:
		switch strings.ToLower(strings.TrimSpace(lit.Str)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

func litInt(lit Value) (int64, bool) {
	switch lit.Kind {
	case ValInt:
		return lit.Int, true
	case ValString:
		return parseInt(strings.TrimSpace(lit.Str))
	}
	return 0, false
}

func litDate(lit Value) (time.Time, bool) {
	if lit.Kind != ValString {
		return time.Time{}, false
	}
	return ParseDate(lit.Str)
}

var dateLayouts = []string{
	"1/2/2006",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04 PM",
	"1/2/2006 15:04:05",
	"1/2/2006 15:04",
	"2006-01-02",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC3339Nano,
}

// ParseDate reads a date as a filter value: en-US M/d/yyyy with an optional
// time (h:mm[:ss] AM|PM or 24-hour), or ISO 8601 (yyyy-MM-dd, optionally with
// a time and a zone). Dates without a zone are UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), " "))
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// FormatDate formats a date the way PowerShell shows it in en-US
// (M/d/yyyy h:mm:ss AM), which is also the text -like patterns on dates match.
func FormatDate(t time.Time) string { return t.UTC().Format("1/2/2006 3:04:05 PM") }

// like matches s against pattern case-insensitively; * matches any run of
// characters and is the only wildcard.
func like(s, pattern string) bool { return wildcard.MatchStar(pattern, s) }
