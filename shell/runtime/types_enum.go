package runtime

import (
	"github.com/exosim/exosim/shell/dotnet"

	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// enumDef declares a .NET enum. values are "Name" (numbered from the
// previous value plus one, starting at 0) or "Name=value". Flags enums
// accept "A, B" and combine the values.
func enumDef(full string, flags bool, values ...string) *TypeDef {
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
		d.Static[e.name] = dotnet.Prop(func(*Call) (any, error) { return mk(e.val), nil })
	}
	d.Is = func(_ *TypeInfo, v any) bool {
		x, ok := bareValue(v).(object.Enum)
		return ok && x.Type == full
	}
	var convert func(h dotnet.Host, ti *TypeInfo, v any) (any, error)
	convert = func(h dotnet.Host, ti *TypeInfo, v any) (any, error) {
		rt := h.(*Runtime)
		if items, ok := object.Enumerate(bareValue(v)); ok {
			// a list converts as its items' names joined with commas
			// (quoted and unquoted lists mean the same), so a flags enum
			// combines them and any other enum refuses the comma
			names := make([]string, len(items))
			for i, it := range items {
				if s, ok := bareValue(it).(string); ok {
					names[i] = s
					continue
				}
				e, err := convert(rt, ti, it)
				if err != nil {
					return nil, err
				}
				names[i] = e.(object.Enum).Name
			}
			v = strings.Join(names, ",")
		}
		switch x := bareValue(v).(type) {
		case object.Enum:
			if x.Type == full {
				return x, nil
			}
			return mk(x.Value), nil
		case int, int64, float64:
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
					return nil, &dotnet.ConversionError{Msg: fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\" because no commas are allowed for this enumeration.", x, full)}
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
					return nil, dotnet.ConvertFailed(x, full, fmt.Sprintf("Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s", x, strings.ReplaceAll(allNames(), ",", ", ")))
				}
			}
			return mk(total), nil
		}
		return nil, dotnet.ConvertFailed(v, full, "")
	}
	d.Convert = convert
	return d
}

// enumTypeArg reads argument 0 as an enum type.
func enumTypeArg(c *Call) (*TypeInfo, error) {
	tv, ok := bareValue(c.Arg(0)).(*TypeValue)
	if !ok || tv.Info.Def() == nil || tv.Info.Def().Base != "System.Enum" {
		return nil, dotnet.Throw("Type provided must be an Enum. (Parameter 'enumType')")
	}
	return tv.Info, nil
}

// enumValues lists the values of the enum type in argument 0.
func enumValues(c *Call) ([]any, error) {
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

// enumArg reads argument i as a value of enum full (a name, a number or
// an enum value), the way a method parameter of that type converts it.
func enumArg(c *Call, i int, full, param string) (object.Enum, error) {
	v, err := c.To(i, full, param)
	if err != nil {
		return object.Enum{}, err
	}
	e, _ := v.(object.Enum)
	return e, nil
}

func init() { dotnet.RegisterLater(declareEnumTypes) }

// declareEnumTypes registers the file's types; it runs on the first type lookup.
func declareEnumTypes() {
	dotnet.RegisterType(
		&TypeDef{FullName: "System.Enum", Base: "System.ValueType", Is: func(_ *TypeInfo, v any) bool { _, ok := bareValue(v).(object.Enum); return ok },
			Static: Members{
				"GetNames": dotnet.Method(1, 1, func(c *Call) (any, error) {
					vals, err := enumValues(c)
					if err != nil {
						return nil, err
					}
					out := make([]any, len(vals))
					for i, v := range vals {
						out[i] = v.(object.Enum).Name
					}
					return out, nil
				}),
				"GetValues": dotnet.Method(1, 1, func(c *Call) (any, error) { return enumValues(c) }),
				"Parse": dotnet.Method(2, 3, func(c *Call) (any, error) {
					t, err := enumTypeArg(c)
					if err != nil {
						return nil, err
					}
					v, err := t.Convert(rtOf(c), c.Arg(1))
					if err != nil {
						return nil, dotnet.Throw("Requested value '%s' was not found.", c.Str(1))
					}
					return v, nil
				}),
				"IsDefined": dotnet.Method(2, 2, func(c *Call) (any, error) {
					vals, err := enumValues(c)
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
				"HasFlag": dotnet.Method(1, 1, func(c *Call) (any, error) {
					self := bareValue(c.Self).(object.Enum)
					f, err := c.To(0, self.Type, "flag")
					if err != nil {
						return nil, err
					}
					fv := f.(object.Enum).Value
					return self.Value&fv == fv, nil
				}),
				"value__": dotnet.Prop(func(c *Call) (any, error) { return bareValue(c.Self).(object.Enum).Value, nil }),
			}},
		enumDef("System.StringComparison", false, "CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"),
		enumDef("System.StringSplitOptions", true, "None", "RemoveEmptyEntries", "TrimEntries"),
		enumDef("System.MidpointRounding", false, "ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity", "ToPositiveInfinity"),
		enumDef("System.DateTimeKind", false, "Unspecified", "Utc", "Local"),
		enumDef("System.DayOfWeek", false, "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
		enumDef("System.Globalization.DateTimeStyles", true, "None", "AllowLeadingWhite", "AllowTrailingWhite", "AllowInnerWhite=4", "AllowWhiteSpaces=7", "NoCurrentDateDefault=8", "AdjustToUniversal=16", "AssumeLocal=32", "AssumeUniversal=64", "RoundtripKind=128"),
		enumDef("System.Globalization.NumberStyles", true, "None", "AllowLeadingWhite", "AllowTrailingWhite", "AllowLeadingSign=4", "Integer=7", "AllowTrailingSign=8", "AllowParentheses=16", "AllowDecimalPoint=32", "AllowThousands=64", "Number=111", "AllowExponent=128", "Float=167", "AllowCurrencySymbol=256", "Currency=383", "Any=511", "AllowHexSpecifier=512", "HexNumber=515"),
		enumDef("System.Text.RegularExpressions.RegexOptions", true, "None", "IgnoreCase", "Multiline", "ExplicitCapture=4", "Compiled=8", "Singleline=16", "IgnorePatternWhitespace=32", "RightToLeft=64", "ECMAScript=256", "CultureInvariant=512", "NonBacktracking=1024"),
		enumDef("System.EnvironmentVariableTarget", false, "Process", "User", "Machine"),
		enumDef("System.Text.NormalizationForm", false, "FormC=1", "FormD=2", "FormKC=5", "FormKD=6"),
	)
}
