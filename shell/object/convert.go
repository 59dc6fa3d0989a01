package object

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// CollectionString is what .NET's ToString gives for a list or a
// dictionary: its type as Type.ToString writes it, generic arguments
// without their assemblies ("System.Collections.Generic.List`1[System.String]").
func CollectionString(v any) string {
	var t GenericType
	switch x := v.(type) {
	case *List:
		t = x.Type
	case *Hashtable:
		t = x.Type
	}
	if s, ok := t.(fmt.Stringer); ok && t != nil {
		return s.String()
	}
	return TypeName(v)
}

// TypeName returns the full .NET type name of a value ("System.String").
func TypeName(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		return "System.Boolean"
	case int:
		return "System.Int32"
	case int64:
		return "System.Int64"
	case int8, uint8, int16, uint16, uint32, uint64:
		return integerTypeName(x)
	case float64:
		return "System.Double"
	case float32:
		return "System.Single"
	case Decimal:
		return "System.Decimal"
	case BigInt:
		return "System.Numerics.BigInteger"
	case string:
		return "System.String"
	case Char:
		return "System.Char"
	case time.Time:
		return "System.DateTime"
	case TimeSpan:
		return "System.TimeSpan"
	case Guid:
		return "System.Guid"
	case []any:
		if k := ArrayType(x); k != nil {
			return k.GenericFullName()
		}
		return "System.Object[]"
	case *List:
		if x.Type != nil {
			return x.Type.GenericFullName()
		}
		return "System.Collections.ArrayList"
	case *Hashtable:
		if x.Type != nil {
			return x.Type.GenericFullName()
		}
		if x.Ordered {
			return "System.Collections.Specialized.OrderedDictionary"
		}
		if x.OrderedHashtable {
			return "System.Management.Automation.OrderedHashtable"
		}
		return "System.Collections.Hashtable"
	case DictionaryEntry:
		return "System.Collections.DictionaryEntry"
	case KeyValuePair:
		return x.Type
	case *PSObject:
		if x.Base != nil && !x.IsCustom() && len(x.TypeNames) == 0 {
			return TypeName(x.Base)
		}
		return x.TypeName()
	case Enum:
		return x.Type
	case SecureString:
		return "System.Security.SecureString"
	case interface{ PSTypeName() string }:
		return x.PSTypeName()
	}
	return fmt.Sprintf("%T", v)
}

// ShortTypeName returns the type name without its namespace ("String").
func ShortTypeName(v any) string {
	return ShortName(TypeName(v))
}

// ShortName strips the namespace from a full type name.
func ShortName(full string) string {
	if i := strings.LastIndexByte(full, '.'); i >= 0 && !strings.HasSuffix(full, "]") {
		return full[i+1:]
	}
	if strings.HasSuffix(full, "[]") {
		return ShortName(strings.TrimSuffix(full, "[]")) + "[]"
	}
	return full
}

// TypeNames returns the type hierarchy names of a value, most derived
// first, as $x.PSObject.TypeNames would.
func TypeNames(v any) []string {
	if o, ok := v.(*PSObject); ok {
		return o.TypeNames
	}
	n := TypeName(v)
	switch v.(type) {
	case int, int64, float64, float32, Decimal, bool, Char, time.Time, TimeSpan, Guid, DictionaryEntry, KeyValuePair,
		int8, uint8, int16, uint16, uint32, uint64, BigInt:
		return []string{n, "System.ValueType", "System.Object"}
	case Enum:
		return []string{n, "System.Enum", "System.ValueType", "System.Object"}
	case []any:
		return []string{n, "System.Array", "System.Object"}
	}
	return []string{n, "System.Object"}
}

// IsScalar reports whether v is printed as a plain line by default output
// (strings, numbers, booleans, enums, chars, secure strings).
func IsScalar(v any) bool {
	switch x := v.(type) {
	case string, bool, int, int64, float64, float32, Decimal, Char, Enum, SecureString,
		int8, uint8, int16, uint16, uint32, uint64, BigInt:
		return true
	case *PSObject:
		if x.Base != nil && x.Len() == 0 {
			return IsScalar(x.Base)
		}
	}
	return false
}

// IsNumeric reports whether v is a number.
func IsNumeric(v any) bool {
	switch v.(type) {
	case int, int64, float64, float32, Decimal, int8, uint8, int16, uint16, uint32, uint64, BigInt:
		return true
	}
	return false
}

// IsEnumerable reports whether PowerShell enumerates v in a pipeline or
// shows it as {a, b} in a cell (strings are not enumerable).
func IsEnumerable(v any) bool {
	switch v.(type) {
	case []any, *List:
		return true
	case *Hashtable:
		return true
	case nil, string, bool, int, int64, float64, time.Time, Guid, Char, Enum, Decimal, TimeSpan, *PSObject,
		int8, uint8, int16, uint16, uint32, uint64, BigInt:
		// the common values, told apart without asking each type for
		// the interface below (the first such question about a type
		// makes the runtime a table entry for the pair)
		return false
	}
	if _, ok := v.(interface{ Enumerate() []any }); ok {
		return true
	}
	return false
}

// Enumerate returns the elements of an enumerable value, or nil, false.
// Hashtables enumerate as DictionaryEntry values.
func Enumerate(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case *List:
		return x.Items, true
	case *Hashtable:
		return x.Items(), true
	case interface{ Enumerate() []any }:
		return x.Enumerate(), true
	}
	return nil, false
}

// Unwrap returns the base value of a PSObject that only wraps a scalar.
func Unwrap(v any) any {
	if o, ok := v.(*PSObject); ok && o.Base != nil {
		return o.Base
	}
	return v
}

// ToBool converts with PowerShell's truthiness rules.
func ToBool(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case int8, uint8, int16, uint16, uint32, uint64:
		n, _, _ := IntegerValue(x)
		return n != 0
	case float64:
		return x != 0
	case float32:
		return x != 0
	case Decimal:
		return x.Rat().Sign() != 0
	case BigInt:
		return x.Sign() != 0
	case string:
		return x != ""
	case Char:
		return x != 0
	case []any:
		switch len(x) {
		case 0:
			return false
		case 1:
			return ToBool(x[0])
		}
		return true
	case *List:
		switch len(x.Items) {
		case 0:
			return false
		case 1:
			return ToBool(x.Items[0])
		}
		return true
	case Enum:
		return x.Value != 0
	case interface{ IsPresent() bool }:
		return x.IsPresent()
	case *PSObject:
		if x.Base != nil {
			return ToBool(x.Base)
		}
		return true
	}
	return true
}

// OFS is the default output field separator for array → string.
const OFS = " "

// ToInvariantString is PowerShell's string conversion with the invariant
// culture: what "$x" and [string]$x produce.
func ToInvariantString(v any) string {
	return toString(v, true, OFS)
}

// ToInvariantStringOFS is ToInvariantString with an explicit $OFS.
func ToInvariantStringOFS(v any, ofs string) string {
	return toString(v, true, ofs)
}

// ToCultureString converts with the current culture (en-US), the way the
// formatter renders a single value: dates as M/d/yyyy h:mm:ss AM.
func ToCultureString(v any) string {
	return toString(v, false, OFS)
}

func toString(v any, invariant bool, ofs string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int8, uint8, int16, uint16, uint32, uint64:
		return IntegerString(x)
	case float64:
		return FormatDouble(x)
	case float32:
		return FormatSingle(x)
	case Decimal:
		return x.String()
	case BigInt:
		return x.String()
	case Char:
		return string(rune(x))
	case time.Time:
		if invariant {
			return x.Format("01/02/2006 15:04:05")
		}
		return FormatDateTime(x, "G")
	case TimeSpan:
		return x.String()
	case Guid:
		return x.String()
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = elementString(e, invariant, ofs)
		}
		return strings.Join(parts, ofs)
	case *List:
		parts := make([]string, len(x.Items))
		for i, e := range x.Items {
			parts[i] = elementString(e, invariant, ofs)
		}
		return strings.Join(parts, ofs)
	case *Hashtable:
		return TypeName(x)
	case DictionaryEntry:
		return "System.Collections.DictionaryEntry"
	case KeyValuePair:
		return "[" + toString(x.Key, invariant, ofs) + ", " + toString(x.Value, invariant, ofs) + "]"
	case *PSObject:
		return x.String()
	case Enum:
		return x.Name
	case SecureString:
		return x.String()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// elementString is an element of a collection being made a string: as
// itself, except that a collection inside it is not joined in turn but
// shows its type's name ("1 System.Object[]" for 1,(2,3)), as
// PowerShell converts the elements without recursing.
func elementString(e any, invariant bool, ofs string) string {
	inner := e
	if o, ok := e.(*PSObject); ok && o.Base != nil && o.ToStringFunc == nil {
		inner = o.Base
	}
	switch inner.(type) {
	case []any, *List:
		return TypeName(inner)
	}
	return toString(e, invariant, ofs)
}

// String renders the object the way PowerShell's ToString does:
// a custom ToString, the wrapped base value, or @{a=1; b=2}.
func (o *PSObject) String() string {
	if o.ToStringFunc != nil {
		return o.ToStringFunc()
	}
	if o.Base != nil {
		return ToInvariantString(o.Base)
	}
	if !o.IsCustom() && len(o.TypeNames) > 0 && !strings.HasPrefix(o.TypeNames[0], "Selected.") {
		return o.TypeNames[0]
	}
	var b strings.Builder
	b.WriteString("@{")
	for i, p := range o.Properties() {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		val := p.Get()
		switch val.(type) {
		case []any:
			b.WriteString("System.Object[]")
		case *List:
			b.WriteString(CollectionString(val))
		default:
			b.WriteString(ToInvariantString(val))
		}
	}
	b.WriteString("}")
	return b.String()
}

// FormatDouble prints a double the way PowerShell shows it: up to 15
// significant digits, "E" notation for very large or small magnitudes.
func FormatDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	s := strconv.FormatFloat(f, 'g', 15, 64)
	return dotnetExponent(s)
}

// FormatSingle prints a float32 the way PowerShell converts one to text:
// up to 7 significant digits ([float]::MaxValue is 3.402823E+38).
func FormatSingle(f float32) string {
	switch {
	case math.IsNaN(float64(f)):
		return "NaN"
	case math.IsInf(float64(f), 1):
		return "Infinity"
	case math.IsInf(float64(f), -1):
		return "-Infinity"
	}
	s := strconv.FormatFloat(float64(f), 'g', 7, 32)
	return dotnetExponent(s)
}

// dotnetExponent turns Go's "1e+20" into .NET's "1E+20".
func dotnetExponent(s string) string {
	i := strings.IndexByte(s, 'e')
	if i < 0 {
		return s
	}
	mant, exp := s[:i], s[i+1:]
	sign := "+"
	if exp[0] == '-' || exp[0] == '+' {
		if exp[0] == '-' {
			sign = "-"
		}
		exp = exp[1:]
	}
	for len(exp) < 2 {
		exp = "0" + exp
	}
	return mant + "E" + sign + exp
}
