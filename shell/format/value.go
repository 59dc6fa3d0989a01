package format

import (
	"math"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
)

// DefaultEnumLimit is PowerShell's default $FormatEnumerationLimit.
const DefaultEnumLimit = 4

// EnumLimitZero is the Options.EnumLimit value that stands for a
// $FormatEnumerationLimit of 0 (the zero value of the field means "the
// default, 4").
const EnumLimitZero = math.MinInt32

func enumLimit(o *Options) int {
	if o != nil && o.EnumLimitFunc != nil {
		return o.EnumLimitFunc()
	}
	if o == nil || o.EnumLimit == 0 {
		return DefaultEnumLimit
	}
	if o.EnumLimit == EnumLimitZero {
		return 0
	}
	return o.EnumLimit
}

// RenderValue returns the text of one value as a table cell or list value
// shows it: "" for $null, {a, b, c…} for collections (limited by the
// enumeration limit), dates as M/d/yyyy h:mm:ss AM, and — when inTable is
// true — doubles, singles and decimals with two decimals ("F").
func RenderValue(v any, o *Options, inTable bool) string {
	// Most values of an object are text, flags or nothing: shown as they
	// are, without the questions the others need.
	switch x := v.(type) {
	case string:
		return x
	case nil, bool:
		return object.ToCultureString(x)
	case *object.List:
		if x != nil && len(x.Items) == 0 {
			return "{}" // as renderCollection shows an empty list
		}
	}
	v = unwrapBare(v)
	if v == nil {
		return ""
	}
	if _, isStr := v.(string); !isStr && object.IsEnumerable(v) {
		return renderCollection(v, o)
	}
	if inTable {
		switch v.(type) {
		case float64, float32, object.Decimal:
			s, _ := object.FormatWithSpec(v, "F") // a fixed two decimals: cannot fail
			return s
		}
	}
	return scalarText(v)
}

// unwrapBare returns the base value of a PSObject that only wraps a value.
func unwrapBare(v any) any {
	if o, ok := v.(*object.PSObject); ok && o != nil && o.Base != nil && o.Len() == 0 {
		return unwrapBare(o.Base)
	}
	if o, ok := v.(*object.PSObject); ok && o == nil {
		return nil
	}
	return v
}

// scalarText is the culture string form of a single (non-collection)
// value.
func scalarText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case *object.PSObject:
		if x.IsCustom() && x.Len() == 0 && x.Base == nil && x.ToStringFunc == nil {
			return ""
		}
		return x.String()
	case time.Time:
		return object.ToCultureString(v)
	case *object.ErrorRecord:
		return x.Message
	}
	return object.ToCultureString(v)
}

func renderCollection(v any, o *Options) string {
	items, _ := object.Enumerate(v)
	if len(items) == 0 {
		return "{}" // whatever the limit
	}
	// the text is put together on the stack and copied out once
	var buf [128]byte
	return string(appendCollection(buf[:0], items, enumLimit(o)))
}

// appendCollection appends the text of a collection of items (one or
// more) to b: {a, b, c…}, limit items at most (all of them for a
// negative limit).
func appendCollection(b []byte, items []any, limit int) []byte {
	b = append(b, '{')
	for i, e := range items {
		if limit >= 0 && i == limit {
			b = append(b, Ellipsis...)
			break
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, elementName(e)...)
	}
	return append(b, '}')
}

// elementName renders one element of a collection shown in a cell.
func elementName(e any) string {
	e = unwrapBare(e)
	switch x := e.(type) {
	case nil:
		return "$null"
	case object.DictionaryEntry:
		return object.ToCultureString(x.Key)
	case []any:
		return "System.Object[]"
	case *object.List, *object.Hashtable:
		return object.TypeName(x)
	case *object.PSObject:
		return scalarText(x)
	case string, bool, int, int64, float64, float32, object.Decimal, object.Char, time.Time,
		object.TimeSpan, object.Guid, object.Enum, object.SecureString, int8, uint8, int16, uint16, uint32, uint64, object.BigInt:
		return scalarText(x)
	}
	// Other values: a display-name property, then the string form.
	if name, ok := displayName(e); ok {
		return name
	}
	return scalarText(e)
}

// displayName finds the first property named like a display name (name,
// id, key, *key, *name, *id) and returns its text.
func displayName(v any) (string, bool) {
	props := object.Adapted(v)
	for _, pat := range []string{"name", "id", "key", "*key", "*name", "*id"} {
		for _, p := range props {
			if wildcard.Match(pat, p.Name) {
				return object.ToCultureString(p.Get()), true
			}
		}
	}
	return "", false
}

// applyFormat applies a view's or calculated property's FormatString:
// a composite format when it contains "{0" or "}", otherwise a .NET
// format specifier.
func applyFormat(v any, spec string, o *Options) string {
	if strings.Contains(spec, "{0") || strings.Contains(spec, "}") {
		s, err := object.FormatComposite(spec, []any{unwrapBare(v)}, func(x any) string { return RenderValue(x, o, false) })
		if err != nil {
			return RenderValue(v, o, false)
		}
		return s
	}
	v = unwrapBare(v)
	if v == nil {
		return ""
	}
	if object.IsEnumerable(v) {
		if _, isStr := v.(string); !isStr {
			return renderCollection(v, o)
		}
	}
	// Like a composite format that fails, a specifier that fails leaves
	// the value as it is.
	s, err := object.FormatWithSpec(v, spec)
	if err != nil {
		return RenderValue(v, o, false)
	}
	return s
}

// isRightAligned reports whether a property-based table right-aligns a
// column whose first value is v.
func isRightAligned(v any) bool {
	switch unwrapBare(v).(type) {
	case int, int64, float64, float32, object.Decimal, bool, object.Char, object.Enum, object.SecureString,
		int8, int16, int32, uint, uint8, uint16, uint32, uint64:
		return true
	}
	return false
}

// isOutOfBandScalar reports whether default output prints v as a raw line.
func isOutOfBandScalar(v any) bool {
	v = unwrapBare(v)
	switch v.(type) {
	case string, bool, int, int64, float64, float32, object.Decimal, object.Char, object.Enum, object.SecureString,
		int8, int16, int32, uint, uint8, uint16, uint32, uint64, object.BigInt:
		return true
	}
	return false
}

// rawText is the text of an out-of-band scalar line.
func rawText(v any) string {
	return scalarText(unwrapBare(v))
}
