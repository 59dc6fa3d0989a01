package dotnet

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// EnumDef declares a .NET enum. values are "Name" (numbered from the
// previous value plus one, starting at 0) or "Name=value". Flags enums
// accept "A, B" and combine the values.
func EnumDef(full string, flags bool, values ...string) *TypeDef {
	type ev struct {
		name string
		val  int
	}
	var list []ev
	next := 0
	for _, v := range values {
		name := v
		if i := strings.IndexByte(v, '='); i >= 0 {
			name = v[:i]
			n, _ := strconv.Atoi(v[i+1:])
			next = n
		}
		list = append(list, ev{name, next})
		next++
	}
	nameOf := func(val int) (string, bool) {
		for _, e := range list {
			if e.val == val {
				return e.name, true
			}
		}
		return "", false
	}
	mk := func(val int) object.Enum {
		if n, ok := nameOf(val); ok {
			return object.Enum{Type: full, Name: n, Value: val}
		}
		if flags && val != 0 {
			var parts []string
			rest := val
			for _, e := range list {
				if e.val != 0 && val&e.val == e.val && rest&e.val != 0 {
					parts = append(parts, e.name)
					rest &^= e.val
				}
			}
			if rest == 0 && len(parts) > 0 {
				return object.Enum{Type: full, Name: strings.Join(parts, ", "), Value: val}
			}
		}
		return object.Enum{Type: full, Name: strconv.Itoa(val), Value: val}
	}
	allNames := func() string {
		names := make([]string, len(list))
		for i, e := range list {
			names[i] = e.name
		}
		return strings.Join(names, ",")
	}
	d := &TypeDef{FullName: full, ValueType: true, Base: "System.Enum", Static: Members{}}
	for _, e := range list {
		e := e
		d.Static[e.name] = Prop(func(*Call) (any, error) { return mk(e.val), nil })
	}
	d.Is = func(_ *TypeInfo, v any) bool {
		x, ok := object.Unwrap(v).(object.Enum)
		return ok && x.Type == full
	}
	var convert func(h Host, ti *TypeInfo, v any) (any, error)
	convert = func(h Host, ti *TypeInfo, v any) (any, error) {
		if items, ok := object.Enumerate(object.Unwrap(v)); ok {
			// a list converts as its items' names joined with commas
			// (quoted and unquoted lists mean the same), so a flags enum
			// combines them and any other enum refuses the comma
			names := make([]string, len(items))
			for i, it := range items {
				if s, ok := object.Unwrap(it).(string); ok {
					names[i] = s
					continue
				}
				e, err := convert(h, ti, it)
				if err != nil {
					return nil, err
				}
				names[i] = e.(object.Enum).Name
			}
			v = strings.Join(names, ",")
		}
		switch x := object.Unwrap(v).(type) {
		case object.Enum:
			if x.Type == full {
				return x, nil
			}
			return mk(x.Value), nil
		case int, int64, float64, int8, uint8, int16, uint16, uint32, uint64:
			n, _ := numeric.ToNumber(x)
			return mk(int(numeric.Int64(n))), nil
		case string:
			s := strings.TrimSpace(x)
			if n, err := strconv.Atoi(s); err == nil {
				return mk(n), nil
			}
			parts := []string{s}
			if strings.Contains(s, ",") {
				if !flags {
					return nil, &ConversionError{Msg: fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\" because no commas are allowed for this enumeration.", x, full)}
				}
				parts = strings.Split(s, ",")
			}
			total := 0
			for _, p := range parts {
				p = strings.TrimSpace(p)
				found := false
				for _, e := range list {
					if strings.EqualFold(e.name, p) {
						total |= e.val
						found = true
						break
					}
				}
				if !found && len(parts) == 1 {
					// a unique prefix of a name is enough, as PowerShell's
					// cast disambiguates
					var hits []ev
					for _, e := range list {
						if len(p) <= len(e.name) && strings.EqualFold(e.name[:len(p)], p) {
							hits = append(hits, e)
						}
					}
					if len(hits) == 1 {
						total, found = hits[0].val, true
					}
				}
				if !found {
					return nil, ConvertFailed(x, full, fmt.Sprintf("Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s", x, strings.ReplaceAll(allNames(), ",", ", ")))
				}
			}
			return mk(total), nil
		}
		return nil, ConvertFailed(v, full, "")
	}
	d.Convert = convert
	return d
}

// enumTypeArg reads argument 0 as an enum type.
func enumTypeArg(c *Call) (*TypeInfo, error) {
	tv, ok := object.Unwrap(c.Arg(0)).(*TypeValue)
	if !ok || tv.Info.Def() == nil || tv.Info.Def().Base != "System.Enum" {
		return nil, Throw("Type provided must be an Enum. (Parameter 'enumType')")
	}
	return tv.Info, nil
}

// EnumNames is Type.GetEnumNames() on the type value in c.Self.
func EnumNames(c *Call) (any, error) {
	vals, err := EnumValues(&Call{Host: c.Host, Args: []any{c.Self}})
	if err != nil {
		return nil, err
	}
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = fmt.Sprint(v)
	}
	return out, nil
}

// EnumValues lists the values of the enum type in argument 0.
func EnumValues(c *Call) ([]any, error) {
	t, err := enumTypeArg(c)
	if err != nil {
		return nil, err
	}
	var out []any
	seen := map[int]bool{}
	for _, m := range t.Def().Static {
		if m.Get == nil {
			continue
		}
		v, _ := m.Get(c)
		if e, ok := v.(object.Enum); ok && !seen[e.Value] {
			seen[e.Value] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].(object.Enum).Value < out[j].(object.Enum).Value })
	return out, nil
}

// EnumArg reads argument i as a value of enum full (a name, a number or
// an enum value), the way a method parameter of that type converts it.
func EnumArg(c *Call, i int, full, param string) (object.Enum, error) {
	v, err := c.To(i, full, param)
	if err != nil {
		return object.Enum{}, err
	}
	e, _ := v.(object.Enum)
	return e, nil
}

// DeclareEnums registers System.Enum and the enums of the base class
// library that methods take.
func DeclareEnums() {
	RegisterType(
		&TypeDef{FullName: "System.Enum", Base: "System.ValueType", Is: func(_ *TypeInfo, v any) bool { _, ok := object.Unwrap(v).(object.Enum); return ok },
			Static: Members{
				"GetNames": Method(1, 1, func(c *Call) (any, error) {
					vals, err := EnumValues(c)
					if err != nil {
						return nil, err
					}
					out := make([]any, len(vals))
					for i, v := range vals {
						out[i] = v.(object.Enum).Name
					}
					return out, nil
				}),
				"GetValues": Method(1, 1, func(c *Call) (any, error) { return EnumValues(c) }),
				"Parse": Method(2, 3, func(c *Call) (any, error) {
					t, err := enumTypeArg(c)
					if err != nil {
						return nil, err
					}
					v, err := t.Convert(c.Host, c.Arg(1))
					if err != nil {
						return nil, Throw("Requested value '%s' was not found.", c.Str(1))
					}
					return v, nil
				}),
				"IsDefined": Method(2, 2, func(c *Call) (any, error) {
					vals, err := EnumValues(c)
					if err != nil {
						return nil, err
					}
					for _, v := range vals {
						e := v.(object.Enum)
						if strings.EqualFold(e.Name, c.Str(1)) || object.ToInvariantString(e.Value) == c.Str(1) {
							return true, nil
						}
					}
					return false, nil
				}),
			},
			Members: Members{
				"HasFlag": Method(1, 1, func(c *Call) (any, error) {
					self := object.Unwrap(c.Self).(object.Enum)
					f, err := c.To(0, self.Type, "flag")
					if err != nil {
						return nil, err
					}
					fv := f.(object.Enum).Value
					return self.Value&fv == fv, nil
				}),
				"value__": Prop(func(c *Call) (any, error) { return object.Unwrap(c.Self).(object.Enum).Value, nil }),
			}},
		EnumDef("System.StringComparison", false, "CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"),
		EnumDef("System.StringSplitOptions", true, "None", "RemoveEmptyEntries", "TrimEntries"),
		EnumDef("System.MidpointRounding", false, "ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity", "ToPositiveInfinity"),
		EnumDef("System.DateTimeKind", false, "Unspecified", "Utc", "Local"),
		EnumDef("System.DayOfWeek", false, "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
		EnumDef("System.Globalization.DateTimeStyles", true, "None", "AllowLeadingWhite", "AllowTrailingWhite", "AllowInnerWhite=4", "AllowWhiteSpaces=7", "NoCurrentDateDefault=8", "AdjustToUniversal=16", "AssumeLocal=32", "AssumeUniversal=64", "RoundtripKind=128"),
		EnumDef("System.Globalization.NumberStyles", true, "None", "AllowLeadingWhite", "AllowTrailingWhite", "AllowLeadingSign=4", "Integer=7", "AllowTrailingSign=8", "AllowParentheses=16", "AllowDecimalPoint=32", "AllowThousands=64", "Number=111", "AllowExponent=128", "Float=167", "AllowCurrencySymbol=256", "Currency=383", "Any=511", "AllowHexSpecifier=512", "HexNumber=515"),
		EnumDef("System.Text.RegularExpressions.RegexOptions", true, "None", "IgnoreCase", "Multiline", "ExplicitCapture=4", "Compiled=8", "Singleline=16", "IgnorePatternWhitespace=32", "RightToLeft=64", "ECMAScript=256", "CultureInvariant=512", "NonBacktracking=1024"),
		EnumDef("System.EnvironmentVariableTarget", false, "Process", "User", "Machine"),
		EnumDef("System.Text.NormalizationForm", false, "FormC=1", "FormD=2", "FormKC=5", "FormKD=6"),
	)
}
