package runtime

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
)

// TypeInfo is a type usable in casts, -is/-as and static member access.
type TypeInfo struct {
	FullName string
	// Convert converts a value to the type; nil means "no conversion".
	Convert func(rt *Runtime, v any) (any, error)
	// Test implements -is.
	Test func(v any) bool
	// Element is set for array types (string[]).
	Element *TypeInfo
}

// Name is the short type name.
func (t *TypeInfo) Name() string { return object.ShortName(t.FullName) }

var typeAliases = map[string]string{
	"int": "System.Int32", "int32": "System.Int32", "system.int32": "System.Int32",
	"long": "System.Int64", "int64": "System.Int64", "system.int64": "System.Int64",
	"double": "System.Double", "system.double": "System.Double",
	"float": "System.Single", "single": "System.Single", "system.single": "System.Single",
	"decimal": "System.Decimal", "system.decimal": "System.Decimal",
	"string": "System.String", "system.string": "System.String",
	"bool": "System.Boolean", "boolean": "System.Boolean", "system.boolean": "System.Boolean",
	"char": "System.Char", "system.char": "System.Char",
	"byte": "System.Byte", "system.byte": "System.Byte",
	"datetime": "System.DateTime", "system.datetime": "System.DateTime",
	"timespan": "System.TimeSpan", "system.timespan": "System.TimeSpan",
	"guid": "System.Guid", "system.guid": "System.Guid",
	"array": "System.Array", "system.array": "System.Array",
	"object": "System.Object", "system.object": "System.Object",
	"psobject": "System.Management.Automation.PSObject", "system.management.automation.psobject": "System.Management.Automation.PSObject",
	"pscustomobject": "System.Management.Automation.PSCustomObject", "system.management.automation.pscustomobject": "System.Management.Automation.PSCustomObject",
	"hashtable": "System.Collections.Hashtable", "system.collections.hashtable": "System.Collections.Hashtable",
	"ordered": "System.Collections.Specialized.OrderedDictionary",
	"regex":   "System.Text.RegularExpressions.Regex", "system.text.regularexpressions.regex": "System.Text.RegularExpressions.Regex",
	"switch":       "System.Management.Automation.SwitchParameter",
	"securestring": "System.Security.SecureString", "system.security.securestring": "System.Security.SecureString",
	"scriptblock": "System.Management.Automation.ScriptBlock",
	"void":        "System.Void",
	"math":        "System.Math", "system.math": "System.Math",
	"version": "System.Version", "system.version": "System.Version",
	"mailaddress": "System.Net.Mail.MailAddress", "system.net.mail.mailaddress": "System.Net.Mail.MailAddress",
	"collections.arraylist": "System.Collections.ArrayList", "system.collections.arraylist": "System.Collections.ArrayList",
	"uint32": "System.UInt32", "uint": "System.UInt32", "int16": "System.Int16", "short": "System.Int16",
	"uint64": "System.UInt64", "ulong": "System.UInt64", "sbyte": "System.SByte",
	"bigint": "System.Numerics.BigInteger", "system.numerics.biginteger": "System.Numerics.BigInteger",
	"environment": "System.Environment", "system.environment": "System.Environment",
	"pscredential": "System.Management.Automation.PSCredential", "system.management.automation.pscredential": "System.Management.Automation.PSCredential",
	"convert": "System.Convert", "system.convert": "System.Convert",
	"io.path": "System.IO.Path", "system.io.path": "System.IO.Path",
	"text.encoding": "System.Text.Encoding", "system.text.encoding": "System.Text.Encoding",
	"xml": "System.Xml.XmlDocument", "ipaddress": "System.Net.IPAddress",
	"psdefaultvalue": "", "cmdletbinding": "", "parameter": "",
}

// ResolveType finds a type by the name written in brackets.
func (rt *Runtime) ResolveType(name string) (*TypeInfo, bool) {
	n := strings.TrimSpace(name)
	if strings.HasSuffix(n, "[]") {
		el, ok := rt.ResolveType(strings.TrimSuffix(n, "[]"))
		if !ok {
			return nil, false
		}
		return arrayType(el), true
	}
	full, ok := typeAliases[strings.ToLower(n)]
	if !ok || full == "" {
		return nil, false
	}
	return typeByFullName(full), true
}

func arrayType(el *TypeInfo) *TypeInfo {
	t := &TypeInfo{FullName: el.FullName + "[]", Element: el}
	t.Convert = func(rt *Runtime, v any) (any, error) {
		items, ok := enumerateForCompare(object.Unwrap(v))
		if !ok {
			if v == nil {
				return nil, nil
			}
			items = []any{v}
		}
		out := make([]any, len(items))
		for i, it := range items {
			if el.Convert == nil {
				out[i] = it
				continue
			}
			c, err := el.Convert(rt, it)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	t.Test = func(v any) bool { _, ok := v.([]any); return ok }
	return t
}

func typeByFullName(full string) *TypeInfo {
	t := &TypeInfo{FullName: full}
	is := func(f func(any) bool) { t.Test = f }
	switch full {
	case "System.Int32":
		t.Convert = func(rt *Runtime, v any) (any, error) { return toInt32(v, full) }
		is(func(v any) bool { _, ok := v.(int); return ok })
	case "System.Int16", "System.Byte", "System.SByte", "System.UInt32":
		t.Convert = func(rt *Runtime, v any) (any, error) { return toNarrowInt(v, full) }
		is(func(v any) bool { _, ok := v.(int); return ok })
	case "System.Int64", "System.UInt64", "System.Numerics.BigInteger":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			n, err := toInt32(v, full)
			if err != nil {
				return nil, err
			}
			return asInt64(n), nil
		}
		is(func(v any) bool { _, ok := v.(int64); return ok })
	case "System.Double":
		t.Convert = func(rt *Runtime, v any) (any, error) { return toDouble(v) }
		is(func(v any) bool { _, ok := v.(float64); return ok })
	case "System.Single":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			f, err := toDouble(v)
			if err != nil {
				return nil, err
			}
			return float32(f.(float64)), nil
		}
		is(func(v any) bool { _, ok := v.(float32); return ok })
	case "System.Decimal":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if s, ok := v.(string); ok {
				if d, ok := object.ParseDecimal(s); ok {
					return d, nil
				}
			}
			n, ok := toNumber(v)
			if !ok {
				return nil, convertFailed(v, full, formatErrDetail(v))
			}
			return asDecimal(n), nil
		}
		is(func(v any) bool { _, ok := v.(object.Decimal); return ok })
	case "System.String":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if v == nil {
				return "", nil
			}
			return rt.toStr(v), nil
		}
		is(func(v any) bool { _, ok := object.Unwrap(v).(string); return ok })
	case "System.Boolean":
		t.Convert = func(rt *Runtime, v any) (any, error) { return object.ToBool(v), nil }
		is(func(v any) bool { _, ok := v.(bool); return ok })
	case "System.Char":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			switch x := v.(type) {
			case string:
				r := []rune(x)
				if len(r) != 1 {
					return nil, convertFailed(v, full, "String must be exactly one character long.")
				}
				return object.Char(r[0]), nil
			case int:
				return object.Char(rune(x)), nil
			case object.Char:
				return x, nil
			}
			return nil, convertFailed(v, full, "")
		}
		is(func(v any) bool { _, ok := v.(object.Char); return ok })
	case "System.DateTime":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			d, err := toDateTime(v)
			if err != nil {
				return nil, err
			}
			return d, nil
		}
		is(func(v any) bool { _, ok := v.(time.Time); return ok })
	case "System.TimeSpan":
		t.Convert = func(rt *Runtime, v any) (any, error) { return toTimeSpan(v) }
		is(func(v any) bool { _, ok := v.(object.TimeSpan); return ok })
	case "System.Guid":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			switch x := object.Unwrap(v).(type) {
			case object.Guid:
				return x, nil
			case string:
				if g, ok := object.ParseGuid(x); ok {
					return g, nil
				}
				return nil, convertFailed(v, full, "Unrecognized Guid format.")
			}
			return nil, convertFailed(v, full, "")
		}
		is(func(v any) bool { _, ok := v.(object.Guid); return ok })
	case "System.Array", "System.Object[]":
		t.FullName = "System.Object[]"
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if items, ok := enumerateForCompare(object.Unwrap(v)); ok {
				return append([]any{}, items...), nil
			}
			if v == nil {
				return nil, nil
			}
			return []any{v}, nil
		}
		is(func(v any) bool { _, ok := v.([]any); return ok })
	case "System.Object", "System.Management.Automation.PSObject":
		t.Convert = func(rt *Runtime, v any) (any, error) { return v, nil }
		is(func(v any) bool { return v != nil })
	case "System.Management.Automation.PSCustomObject":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if h, ok := v.(*object.Hashtable); ok {
				o := object.NewCustomObject()
				for _, e := range h.Entries() {
					o.Add(object.ToInvariantString(e.Key), e.Value)
				}
				return o, nil
			}
			return v, nil
		}
		is(func(v any) bool { o, ok := v.(*object.PSObject); return ok && o.IsCustom() })
	case "System.Collections.Hashtable":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if h, ok := v.(*object.Hashtable); ok {
				return h, nil
			}
			if o, ok := v.(*object.PSObject); ok {
				h := object.NewHashtable()
				for _, p := range o.Properties() {
					h.Set(p.Name, p.Get())
				}
				return h, nil
			}
			return nil, convertFailed(v, full, "")
		}
		is(func(v any) bool { _, ok := v.(*object.Hashtable); return ok })
	case "System.Collections.Specialized.OrderedDictionary":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if h, ok := v.(*object.Hashtable); ok {
				c := h.Copy()
				c.Ordered = true
				return c, nil
			}
			return nil, convertFailed(v, full, "")
		}
		is(func(v any) bool { h, ok := v.(*object.Hashtable); return ok && h.Ordered })
	case "System.Collections.ArrayList":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			l := &object.List{}
			if items, ok := enumerateForCompare(v); ok {
				l.Items = append(l.Items, items...)
			} else if v != nil {
				l.Items = append(l.Items, v)
			}
			return l, nil
		}
		is(func(v any) bool { _, ok := v.(*object.List); return ok })
	case "System.Text.RegularExpressions.Regex":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			re, err := rt.compileRegex(rt.toStr(v), false)
			if err != nil {
				return nil, err
			}
			return &Regex{Pattern: rt.toStr(v), re: re}, nil
		}
		is(func(v any) bool { _, ok := v.(*Regex); return ok })
	case "System.Management.Automation.SwitchParameter":
		t.Convert = func(rt *Runtime, v any) (any, error) { return Switch(object.ToBool(v)), nil }
		is(func(v any) bool { _, ok := v.(Switch); return ok })
	case "System.Security.SecureString":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if s, ok := v.(object.SecureString); ok {
				return s, nil
			}
			return nil, convertFailed(v, full, "")
		}
		is(func(v any) bool { _, ok := v.(object.SecureString); return ok })
	case "System.Management.Automation.ScriptBlock":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			if sb, ok := v.(*ScriptBlock); ok {
				return sb, nil
			}
			return nil, convertFailed(v, full, "")
		}
		is(func(v any) bool { _, ok := v.(*ScriptBlock); return ok })
	case "System.Void":
		t.Convert = func(rt *Runtime, v any) (any, error) { return voidValue{}, nil }
	case "System.Version":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			s := rt.toStr(v)
			for _, part := range strings.Split(s, ".") {
				if _, err := strconv.Atoi(part); err != nil {
					return nil, convertFailed(v, full, "Version string portion was too short or too long.")
				}
			}
			o := object.NewObject("System.Version")
			o.ToStringFunc = func() string { return s }
			return o, nil
		}
	case "System.Net.Mail.MailAddress":
		t.Convert = func(rt *Runtime, v any) (any, error) {
			s := strings.TrimSpace(rt.toStr(v))
			at := strings.LastIndexByte(s, '@')
			if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " ") {
				return nil, convertFailed(v, full, "The specified string is not in the form required for an e-mail address.")
			}
			o := object.NewObject("System.Net.Mail.MailAddress", "System.Object")
			o.AddTyped("DisplayName", "string", "")
			o.AddTyped("User", "string", s[:at])
			o.AddTyped("Host", "string", s[at+1:])
			o.AddTyped("Address", "string", s)
			o.ToStringFunc = func() string { return s }
			return o, nil
		}
	}
	return t
}

type voidValue struct{}

// Regex is a [regex] value.
type Regex struct {
	Pattern string
	re      *regexp.Regexp
}

func (r *Regex) String() string { return r.Pattern }

// PSTypeName is the .NET type name.
func (r *Regex) PSTypeName() string { return "System.Text.RegularExpressions.Regex" }

func formatErrDetail(v any) string {
	if s, ok := v.(string); ok {
		return "The input string '" + s + "' was not in a correct format."
	}
	return ""
}

func toInt32(v any, typeName string) (any, error) {
	v = object.Unwrap(v)
	if v == nil {
		return 0, nil
	}
	n, ok := toNumber(v)
	if !ok {
		return nil, convertFailed(v, typeName, formatErrDetail(v))
	}
	switch x := n.(type) {
	case int:
		return x, nil
	case int64:
		if typeName == "System.Int32" && (x > math.MaxInt32 || x < math.MinInt32) {
			return nil, convertFailed(v, typeName, "Value was either too large or too small for an Int32.")
		}
		if typeName == "System.Int32" {
			return int(x), nil
		}
		return x, nil
	case float64:
		if math.IsNaN(x) || x >= math.MaxInt64 || x < math.MinInt64 {
			what := "an Int32"
			if typeName == "System.Int64" {
				what = "an Int64"
			}
			return nil, convertFailed(v, typeName, "Value was either too large or too small for "+what+".")
		}
		r := math.RoundToEven(x)
		if typeName == "System.Int32" {
			if r > math.MaxInt32 || r < math.MinInt32 {
				return nil, convertFailed(v, typeName, "Value was either too large or too small for an Int32.")
			}
			return int(r), nil
		}
		return int64(r), nil
	case object.Decimal:
		r := math.RoundToEven(x.Float())
		if typeName == "System.Int32" {
			return int(r), nil
		}
		return int64(r), nil
	}
	return nil, convertFailed(v, typeName, "")
}

// narrowRanges are the bounds of the small integer types and .NET's
// overflow wording for each.
var narrowRanges = map[string]struct {
	min, max int64
	what     string
}{
	"System.Byte":   {0, 255, "an unsigned byte"},
	"System.SByte":  {-128, 127, "a signed byte"},
	"System.Int16":  {-32768, 32767, "an Int16"},
	"System.UInt32": {0, 4294967295, "a UInt32"},
}

// toNarrowInt converts to a small integer type, refusing values outside
// its range as .NET does (the value stays an int in the simulator).
func toNarrowInt(v any, typeName string) (any, error) {
	n, err := toInt32(v, "System.Int64")
	if err != nil {
		return nil, convertFailed(v, typeName, formatErrDetail(v))
	}
	r := narrowRanges[typeName]
	i := asInt64(n)
	if i < r.min || i > r.max {
		return nil, convertFailed(v, typeName, "Value was either too large or too small for "+r.what+".")
	}
	if typeName == "System.UInt32" {
		return i, nil
	}
	return int(i), nil
}

func toDouble(v any) (any, error) {
	v = object.Unwrap(v)
	if v == nil {
		return 0.0, nil
	}
	n, ok := toNumber(v)
	if !ok {
		return nil, convertFailed(v, "System.Double", formatErrDetail(v))
	}
	return asFloat(n), nil
}

var dateLayouts = []string{
	"2006-01-02T15:04:05.9999999Z07:00",
	"2006-01-02T15:04:05.9999999Z",
	"2006-01-02T15:04:05.9999999",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 3:04:05 PM",
	"2006-01-02 3:04 PM",
	"2006-01-02",
	"1/2/2006 15:04:05",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04:05PM",
	"1/2/2006 15:04",
	"1/2/2006 3:04 PM",
	"1/2/2006",
	"2006/1/2 15:04:05",
	"2006/1/2",
	"January 2, 2006 3:04:05 PM",
	"January 2, 2006",
	"Monday, January 2, 2006 3:04:05 PM",
	"Monday, January 2, 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"2-Jan-2006",
	"02-Jan-2006 15:04:05",
	"Mon, 02 Jan 2006 15:04:05 GMT",
}

// ParseDateTime parses date text with the invariant culture.
func ParseDateTime(s string) (time.Time, bool) {
	t := strings.TrimSpace(s)
	up := strings.ToUpper(t)
	for _, suf := range []string{" AM", " PM"} {
		_ = suf
	}
	for _, l := range dateLayouts {
		var d time.Time
		var err error
		if strings.Contains(l, "PM") {
			d, err = time.Parse(l, up)
		} else {
			d, err = time.Parse(l, t)
		}
		if err == nil {
			return d.UTC(), true
		}
	}
	// time only: today's date is not known here; accept "15:04"
	return time.Time{}, false
}

func toDateTime(v any) (time.Time, error) {
	switch x := object.Unwrap(v).(type) {
	case time.Time:
		return x, nil
	case string:
		if d, ok := ParseDateTime(x); ok {
			return d, nil
		}
		return time.Time{}, convertFailed(v, "System.DateTime", fmt.Sprintf("String '%s' was not recognized as a valid DateTime.", x))
	case int, int64:
		ticks := asInt64(x)
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(ticks) * 100), nil
	case nil:
		return time.Time{}, &conversionError{msg: "Cannot convert null to type \"System.DateTime\"."}
	}
	return time.Time{}, convertFailed(v, "System.DateTime", "")
}

func toTimeSpan(v any) (any, error) {
	switch x := object.Unwrap(v).(type) {
	case object.TimeSpan:
		return x, nil
	case string:
		if ts, ok := object.ParseTimeSpan(x); ok {
			return ts, nil
		}
		return nil, convertFailed(v, "System.TimeSpan", fmt.Sprintf("String '%s' was not recognized as a valid TimeSpan.", x))
	case int, int64:
		return object.TimeSpan(asInt64(x)), nil
	case nil:
		return object.TimeSpan(0), nil
	}
	return nil, convertFailed(v, "System.TimeSpan", "")
}

// ConvertTo converts a value to the named type (a cast).
func (rt *Runtime) ConvertTo(v any, typeName string) (any, error) {
	t, ok := rt.ResolveType(typeName)
	if !ok {
		return nil, &opError{fmt.Sprintf("Unable to find type [%s].", typeName)}
	}
	if t.Convert == nil {
		return v, nil
	}
	return t.Convert(rt, v)
}
