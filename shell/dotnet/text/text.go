package text

import (
	"strings"
	"unicode"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/unorm"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/object"
)

// String members. .NET string methods are ordinal and case-sensitive
// unless a StringComparison says otherwise; indexes count UTF-16 units,
// approximated here by runes.

// comparisonArg reads an optional StringComparison at argument i and
// reports whether it ignores case.
func ignoreCaseArg(c *dotnet.Call, i int) (bool, error) {
	if i >= len(c.Args) {
		return false, nil
	}
	if b, ok := object.Unwrap(c.Args[i]).(bool); ok {
		return b, nil
	}
	e, err := dotnet.EnumArg(c, i, "System.StringComparison", "comparisonType")
	if err != nil {
		return false, err
	}
	return e.Value%2 == 1, nil
}

func runeIndex(s string, byteIdx int) int {
	if byteIdx < 0 {
		return -1
	}
	return len([]rune(s[:byteIdx]))
}

// isStringArg tells whether argument i is text rather than a number.
func isText(c *dotnet.Call, i int) bool {
	switch object.Unwrap(c.Arg(i)).(type) {
	case string, object.Char:
		return true
	}
	return false
}

func stringSplitOptions(c *dotnet.Call, i int) (int, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	e, err := dotnet.EnumArg(c, i, "System.StringSplitOptions", "options")
	return e.Value, err
}

func applySplitOptions(parts []string, opts int) []any {
	out := make([]any, 0, len(parts))
	for _, p := range parts {
		if opts&2 != 0 {
			p = strings.TrimSpace(p)
		}
		if opts&1 != 0 && p == "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// splitN splits s at any of seps (tried in order at each position),
// giving at most count parts (count < 0: no limit).
func splitN(s string, seps []string, count int) []string {
	if count == 0 {
		return nil
	}
	var parts []string
	start := 0
	i := 0
	for i < len(s) {
		if count > 0 && len(parts) == count-1 {
			break
		}
		matched := ""
		for _, sep := range seps {
			if sep != "" && strings.HasPrefix(s[i:], sep) {
				matched = sep
				break
			}
		}
		if matched == "" {
			i++
			continue
		}
		parts = append(parts, s[start:i])
		i += len(matched)
		start = i
	}
	return append(parts, s[start:])
}

func stringTrim(kind int) *dotnet.Member {
	return dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
		s := object.Unwrap(c.Self).(string)
		var chars []rune
		if len(c.Args) > 0 {
			chars = dotnet.FlattenChars(c.Host, c.Args)
		}
		in := func(r rune) bool {
			if chars == nil {
				return unicode.IsSpace(r)
			}
			for _, ch := range chars {
				if ch == r {
					return true
				}
			}
			return false
		}
		switch kind {
		case 1:
			return strings.TrimLeftFunc(s, in), nil
		case 2:
			return strings.TrimRightFunc(s, in), nil
		}
		return strings.TrimFunc(s, in), nil
	})
}

func stringIndexOf(last bool) *dotnet.Member {
	return dotnet.Method(1, 4, func(c *dotnet.Call) (any, error) {
		s := object.Unwrap(c.Self).(string)
		rs := []rune(s)
		val := c.Str(0)
		fold, err := ignoreCaseArg(c, len(c.Args)-1)
		if len(c.Args) > 1 && err == nil && !isText(c, len(c.Args)-1) && isComparisonArg(c.Arg(len(c.Args)-1)) {
			c = &dotnet.Call{Host: c.Host, Type: c.Type, Self: c.Self, Args: c.Args[:len(c.Args)-1], Name: c.Name}
		} else {
			fold = false
		}
		start, end := 0, len(rs)
		if last {
			start, end = 0, len(rs)
		}
		if len(c.Args) > 1 {
			n, err := c.Int(1, "startIndex")
			if err != nil {
				return nil, err
			}
			if n < 0 || n > len(rs) {
				return nil, dotnet.Throw(outOfRange)
			}
			if last {
				end = n + 1
				if end > len(rs) {
					end = len(rs)
				}
			} else {
				start = n
			}
		}
		if len(c.Args) > 2 {
			n, err := c.Int(2, "count")
			if err != nil {
				return nil, err
			}
			if last {
				start = end - n
			} else {
				end = start + n
			}
			if start < 0 || end > len(rs) || n < 0 {
				return nil, dotnet.Throw("Count must be positive and count must refer to a location within the string/array/collection. (Parameter 'count')")
			}
		}
		hay := dotnet.FoldIf(string(rs[start:end]), fold)
		needle := dotnet.FoldIf(val, fold)
		var i int
		if last {
			i = strings.LastIndex(hay, needle)
		} else {
			i = strings.Index(hay, needle)
		}
		if i < 0 {
			return -1, nil
		}
		return start + runeIndex(hay, i), nil
	})
}

func isComparisonArg(v any) bool {
	switch x := object.Unwrap(v).(type) {
	case object.Enum:
		return x.Type == "System.StringComparison"
	case string:
		for _, n := range []string{"CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"} {
			if strings.EqualFold(strings.TrimSpace(x), n) {
				return true
			}
		}
	case bool:
		return true
	}
	return false
}

func stringAffix(suffix bool) *dotnet.Member {
	return dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
		s := object.Unwrap(c.Self).(string)
		v := c.Str(0)
		fold := false
		if len(c.Args) >= 2 {
			var err error
			if fold, err = ignoreCaseArg(c, 1); err != nil {
				return nil, err
			}
		}
		s, v = dotnet.FoldIf(s, fold), dotnet.FoldIf(v, fold)
		if suffix {
			return strings.HasSuffix(s, v), nil
		}
		return strings.HasPrefix(s, v), nil
	})
}

func stringPad(left bool) *dotnet.Member {
	return dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
		s := object.Unwrap(c.Self).(string)
		n, err := c.Int(0, "totalWidth")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, dotnet.Throw("Non-negative number required. (Parameter 'totalWidth')")
		}
		pad := " "
		if len(c.Args) > 1 {
			ch, err := c.To(1, "System.Char", "paddingChar")
			if err != nil {
				return nil, err
			}
			pad = string(rune(ch.(object.Char)))
		}
		l := len([]rune(s))
		if l >= n {
			return s, nil
		}
		if err := memlimit.CheckProduct(int64(n-l), int64(len(pad))); err != nil {
			return nil, err
		}
		fill := strings.Repeat(pad, n-l)
		if left {
			return fill + s, nil
		}
		return s + fill, nil
	})
}

// declareStrings declares System.String.
func declareStrings() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.String", Aliases: []string{"string"},
		Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
			if v == nil {
				return "", nil
			}
			return h.ToStr(v), nil
		},
		Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(string); return ok },
		NewArity: []int{1, 2, 3},
		New: func(c *dotnet.Call) (any, error) {
			// new(char, count), new(char[]), new(char[], start, length)
			if len(c.Args) == 2 {
				ch, err := c.To(0, "System.Char", "c")
				if err != nil {
					return nil, err
				}
				n, err := c.Int(1, "count")
				if err != nil {
					return nil, err
				}
				if n < 0 {
					return nil, dotnet.Throw("Non-negative number required. (Parameter 'count')")
				}
				fill := string(rune(ch.(object.Char)))
				if err := memlimit.CheckProduct(int64(len(fill)), int64(n)); err != nil {
					return nil, err
				}
				return strings.Repeat(fill, n), nil
			}
			rs := dotnet.FlattenChars(c.Host, c.Args[:1])
			if len(c.Args) == 3 {
				a, n, err := span(c, 1, "length", len(rs), outOfRange)
				if err != nil {
					return nil, err
				}
				rs = rs[a : a+n]
			}
			return string(rs), nil
		},
		Static: dotnet.Members{
			"Empty": dotnet.Prop(func(*dotnet.Call) (any, error) { return "", nil }),
			"IsNullOrEmpty": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				return c.Arg(0) == nil || c.Str(0) == "", nil
			}),
			"IsNullOrWhiteSpace": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				return c.Arg(0) == nil || strings.TrimFunc(c.Str(0), unicode.IsSpace) == "", nil
			}),
			// Join(separator, values...) / Join(separator, array[, start, count])
			"Join": dotnet.Method(2, -1, func(c *dotnet.Call) (any, error) {
				sep := c.Str(0)
				var items []any
				if len(c.Args) == 2 || len(c.Args) == 4 {
					if list, ok := object.Elements(object.Unwrap(c.Args[1])); ok {
						items = list
						if len(c.Args) == 4 {
							a, n, err := span(c, 2, "count", len(items), outOfRange)
							if err != nil {
								return nil, err
							}
							items = items[a : a+n]
						}
					}
				}
				if items == nil {
					items = c.Args[1:]
				}
				if err := memlimit.CheckStrings(len(items)); err != nil {
					return nil, err
				}
				parts := make([]string, len(items))
				for i, it := range items {
					parts[i] = dotnet.ToString(it)
				}
				return memlimit.Join(parts, sep)
			}),
			"Format": dotnet.Method(1, -1, func(c *dotnet.Call) (any, error) {
				rest := c.Args[1:]
				if len(rest) == 1 {
					if items, ok := object.Elements(object.Unwrap(rest[0])); ok {
						rest = items
					}
				}
				s, err := object.FormatComposite(c.Str(0), rest, c.Host.ToStr)
				if err != nil && !memlimit.IsOutOfMemory(err) {
					return nil, dotnet.Throw("%s", err.Error())
				}
				if err != nil {
					return nil, err
				}
				return s, nil
			}),
			"Concat": dotnet.Method(0, -1, func(c *dotnet.Call) (any, error) {
				args := c.Args
				if len(args) == 1 {
					if items, ok := object.Elements(object.Unwrap(args[0])); ok {
						args = items
					}
				}
				if err := memlimit.CheckStrings(len(args)); err != nil {
					return nil, err
				}
				parts := make([]string, len(args))
				for i, a := range args {
					parts[i] = dotnet.ToString(a)
				}
				return memlimit.Join(parts, "")
			}),
			// Compare(a, b), Compare(a, b, ignoreCase), Compare(a, b, comparison)
			"Compare": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
				fold, err := ignoreCaseArg(c, 2)
				if err != nil {
					return nil, err
				}
				if c.Arg(0) == nil || c.Arg(1) == nil {
					switch {
					case c.Arg(0) == nil && c.Arg(1) == nil:
						return 0, nil
					case c.Arg(0) == nil:
						return -1, nil
					}
					return 1, nil
				}
				if len(c.Args) == 3 {
					if e, ok := object.Unwrap(c.Arg(2)).(object.Enum); ok && e.Value >= 4 || isOrdinalName(c.Arg(2)) {
						return dotnet.CompareOrdinal(dotnet.FoldIf(c.Str(0), fold), dotnet.FoldIf(c.Str(1), fold)), nil
					}
				}
				return dotnet.CompareStrings(c.Str(0), c.Str(1), !fold), nil
			}),
			"CompareOrdinal": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				return dotnet.CompareOrdinal(c.Str(0), c.Str(1)), nil
			}),
			"Equals": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
				fold, err := ignoreCaseArg(c, 2)
				if err != nil {
					return nil, err
				}
				if c.Arg(0) == nil || c.Arg(1) == nil {
					return c.Arg(0) == nil && c.Arg(1) == nil, nil
				}
				return dotnet.FoldIf(c.Str(0), fold) == dotnet.FoldIf(c.Str(1), fold), nil
			}),
		},
		Members: dotnet.Members{
			"Length": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len([]rune(object.Unwrap(c.Self).(string))), nil }),
			"Chars": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				rs := []rune(object.Unwrap(c.Self).(string))
				i, err := c.Int(0, "index")
				if err != nil {
					return nil, err
				}
				if i < 0 || i >= len(rs) {
					return nil, dotnet.Throw("Index was outside the bounds of the array.")
				}
				return object.Char(rs[i]), nil
			}),
			"ToUpper":          dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) { return strings.ToUpper(object.Unwrap(c.Self).(string)), nil }),
			"ToLower":          dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) { return strings.ToLower(object.Unwrap(c.Self).(string)), nil }),
			"ToUpperInvariant": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return strings.ToUpper(object.Unwrap(c.Self).(string)), nil }),
			"ToLowerInvariant": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return strings.ToLower(object.Unwrap(c.Self).(string)), nil }),
			"Trim":             stringTrim(0),
			"TrimStart":        stringTrim(1),
			"TrimEnd":          stringTrim(2),
			"Contains": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				fold, err := ignoreCaseArg(c, 1)
				if err != nil {
					return nil, err
				}
				if c.Arg(0) == nil {
					return nil, dotnet.Throw("Value cannot be null. (Parameter 'value')")
				}
				return strings.Contains(dotnet.FoldIf(object.Unwrap(c.Self).(string), fold), dotnet.FoldIf(c.Str(0), fold)), nil
			}),
			"StartsWith":  stringAffix(false),
			"EndsWith":    stringAffix(true),
			"IndexOf":     stringIndexOf(false),
			"LastIndexOf": stringIndexOf(true),
			"IndexOfAny": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
				chars := dotnet.FlattenChars(c.Host, c.Args[:1])
				for i, r := range []rune(object.Unwrap(c.Self).(string)) {
					for _, ch := range chars {
						if r == ch {
							return i, nil
						}
					}
				}
				return -1, nil
			}),
			"Replace": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
				s := object.Unwrap(c.Self).(string)
				old := c.Str(0)
				if c.Arg(0) == nil {
					return nil, dotnet.Throw("Value cannot be null. (Parameter 'oldValue')")
				}
				if old == "" {
					return nil, dotnet.Throw("The value cannot be an empty string. (Parameter 'oldValue')")
				}
				fold := false
				if len(c.Args) >= 3 {
					var err error
					if fold, err = ignoreCaseArg(c, len(c.Args)-1); err != nil {
						return nil, err
					}
				}
				if err := memlimit.CheckReplace(strings.ToLower(s), strings.ToLower(old), c.Str(1)); err != nil {
					return nil, err
				}
				if !fold {
					return strings.ReplaceAll(s, old, c.Str(1)), nil
				}
				var b strings.Builder
				ls, lo := strings.ToLower(s), strings.ToLower(old)
				for {
					i := strings.Index(ls, lo)
					if i < 0 {
						b.WriteString(s)
						break
					}
					b.WriteString(s[:i])
					b.WriteString(c.Str(1))
					s, ls = s[i+len(old):], ls[i+len(lo):]
				}
				return b.String(), nil
			}),
			// Split(separator[, count][, options]); a single string separator
			// is one separator (the .NET Core overload), a char[] many.
			"Split": dotnet.Method(0, 3, func(c *dotnet.Call) (any, error) {
				s := object.Unwrap(c.Self).(string)
				if len(c.Args) == 0 {
					return dotnet.Strings(strings.FieldsFunc(s, unicode.IsSpace)), nil
				}
				var seps []string
				switch x := object.Unwrap(c.Args[0]).(type) {
				case nil:
				case string:
					seps = []string{x}
				case object.Char:
					seps = []string{string(rune(x))}
				default:
					items, ok := object.Elements(x)
					if !ok {
						items = []any{x}
					}
					for _, it := range items {
						seps = append(seps, c.Host.ToStr(it))
					}
				}
				count, opts := -1, 0
				for i := 1; i < len(c.Args); i++ {
					switch object.Unwrap(c.Args[i]).(type) {
					case int, int64:
						n, err := c.Int(i, "count")
						if err != nil {
							return nil, err
						}
						if n < 0 {
							return nil, dotnet.Throw("Count cannot be less than zero. (Parameter 'count')")
						}
						count = n
					default:
						var err error
						if opts, err = stringSplitOptions(c, i); err != nil {
							return nil, err
						}
					}
				}
				if len(seps) == 0 {
					return applySplitOptions(splitWhite(s, count), opts), nil
				}
				if opts&1 != 0 && count > 0 {
					// empty entries do not count toward the limit
					parts := applySplitOptions(splitN(s, seps, -1), opts)
					if len(parts) > count {
						// rejoin the tail from the original text
						head := parts[:count-1]
						pos := 0
						for _, h := range head {
							pos = strings.Index(s[pos:], h.(string)) + pos + len(h.(string))
						}
						tail := strings.TrimLeftFunc(s[pos:], func(r rune) bool {
							for _, sep := range seps {
								if strings.ContainsRune(sep, r) {
									return true
								}
							}
							return false
						})
						return append(head, tail), nil
					}
					return parts, nil
				}
				return applySplitOptions(splitN(s, seps, count), opts), nil
			}),
			"Substring": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				rs := []rune(object.Unwrap(c.Self).(string))
				start, err := c.Int(0, "startIndex")
				if err != nil {
					return nil, err
				}
				if start < 0 || start > len(rs) {
					return nil, dotnet.Throw("startIndex cannot be larger than length of string. (Parameter 'startIndex')")
				}
				if len(c.Args) > 1 {
					n, err := c.Int(1, "length")
					if err != nil {
						return nil, err
					}
					if n < 0 || start+n > len(rs) {
						return nil, dotnet.Throw("Index and length must refer to a location within the string. (Parameter 'length')")
					}
					return string(rs[start : start+n]), nil
				}
				return string(rs[start:]), nil
			}),
			"PadLeft":  stringPad(true),
			"PadRight": stringPad(false),
			"Insert": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				rs := []rune(object.Unwrap(c.Self).(string))
				n, err := c.Int(0, "startIndex")
				if err != nil {
					return nil, err
				}
				if n < 0 || n > len(rs) {
					return nil, dotnet.Throw("Specified argument was out of the range of valid values. (Parameter 'startIndex')")
				}
				return string(rs[:n]) + c.Str(1) + string(rs[n:]), nil
			}),
			"Remove": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				rs := []rune(object.Unwrap(c.Self).(string))
				n, err := c.Int(0, "startIndex")
				if err != nil {
					return nil, err
				}
				if len(c.Args) > 1 {
					k, err := c.Int(1, "count")
					if err != nil {
						return nil, err
					}
					if n < 0 || k < 0 || n+k > len(rs) {
						return nil, dotnet.Throw("Index and count must refer to a location within the string. (Parameter 'count')")
					}
					return string(rs[:n]) + string(rs[n+k:]), nil
				}
				if n < 0 || n >= len(rs) {
					return nil, dotnet.Throw("startIndex must be less than length of string. (Parameter 'startIndex')")
				}
				return string(rs[:n]), nil
			}),
			"ToCharArray": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
				rs := []rune(object.Unwrap(c.Self).(string))
				if len(c.Args) == 2 {
					a, n, err := span(c, 0, "length", len(rs), outOfRange)
					if err != nil {
						return nil, err
					}
					rs = rs[a : a+n]
				}
				// a Char[]
				out := dotnet.NewArray(dotnet.ArrayType(dotnet.TypeByName("System.Char")), len(rs))
				for i, r := range rs {
					out[i] = object.Char(r)
				}
				return out, nil
			}),
			"Normalize": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
				return normalizeForm(c, object.Unwrap(c.Self).(string))
			}),
			"IsNormalized": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
				n, err := normalizeForm(c, object.Unwrap(c.Self).(string))
				if err != nil {
					return nil, err
				}
				return n == object.Unwrap(c.Self).(string), nil
			}),
			"Equals": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				fold, err := ignoreCaseArg(c, 1)
				if err != nil {
					return nil, err
				}
				o, isStr := object.Unwrap(c.Arg(0)).(string)
				if !isStr {
					return false, nil
				}
				return dotnet.FoldIf(object.Unwrap(c.Self).(string), fold) == dotnet.FoldIf(o, fold), nil
			}),
			"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				if c.Arg(0) == nil {
					return 1, nil
				}
				return dotnet.CompareStrings(object.Unwrap(c.Self).(string), c.Str(0), true), nil
			}),
			"ToString": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) { return object.Unwrap(c.Self).(string), nil }),
			"Clone":    dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return object.Unwrap(c.Self).(string), nil }),
			"GetEnumerator": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				rs := []rune(object.Unwrap(c.Self).(string))
				out := make([]any, len(rs))
				for i, r := range rs {
					out[i] = object.Char(r)
				}
				return out, nil
			}),
		}})
}

func splitWhite(s string, count int) []string {
	if count < 0 {
		return splitN(s, []string{" ", "\t", "\n", "\r", "\v", "\f"}, -1)
	}
	return splitN(s, []string{" ", "\t", "\n", "\r", "\v", "\f"}, count)
}

func isOrdinalName(v any) bool {
	s, ok := object.Unwrap(v).(string)
	return ok && strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "ordinal")
}

func normalizeForm(c *dotnet.Call, s string) (string, error) {
	form := "FormC"
	if len(c.Args) > 0 {
		form = c.Str(0)
		if e, ok := object.Unwrap(c.Arg(0)).(object.Enum); ok {
			form = e.Name
		}
	}
	switch strings.ToLower(form) {
	case "formc", "1":
		return unorm.Normalize(s, unorm.FormC), nil
	case "formd", "2":
		return unorm.Normalize(s, unorm.FormD), nil
	case "formkc", "5":
		return unorm.Normalize(s, unorm.FormKC), nil
	case "formkd", "6":
		return unorm.Normalize(s, unorm.FormKD), nil
	}
	return "", dotnet.ArgConvertError(c.Arg(0), "normalizationForm", c.Name, "System.Text.NormalizationForm", &dotnet.ConversionError{Msg: "Cannot convert value \"" + form + "\" to type \"System.Text.NormalizationForm\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"FormC,FormD,FormKC,FormKD\"."})
}

// stringBuilder is a System.Text.StringBuilder.
type stringBuilder struct {
	runes    []rune
	capacity int
}

func (b *stringBuilder) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.StringBuilder")
}

// PSTypeName is the .NET type name.
func (b *stringBuilder) PSTypeName() string { return "System.Text.StringBuilder" }

func (b *stringBuilder) String() string { return string(b.runes) }

// Adapted lists Capacity, MaxCapacity and Length, as default output shows.
func (b *stringBuilder) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "Capacity", Value: b.capacity, Kind: object.AdaptedProperty, TypeName: "int", Settable: true},
		{Name: "MaxCapacity", Value: 2147483647, Kind: object.AdaptedProperty, TypeName: "int"},
		{Name: "Length", Value: len(b.runes), Kind: object.AdaptedProperty, TypeName: "int", Settable: true},
	}
}

// grow follows .NET's chunk growth: when the text outgrows the capacity a
// new chunk of max(needed, min(length, 8000)) characters is added.
func (b *stringBuilder) grow(n int) {
	need := len(b.runes) + n
	if need <= b.capacity {
		return
	}
	left := need - b.capacity
	block := b.capacity
	if block > 8000 {
		block = 8000
	}
	if left > block {
		block = left
	}
	b.capacity += block
}

// insert puts s at rune index i; the text may not outgrow the memory
// budget (four bytes a character, and room to grow).
func (b *stringBuilder) insert(i int, s string) error {
	if need := int64(len(b.runes)) + int64(len(s)); need > int64(cap(b.runes)) {
		if err := memlimit.CheckProduct(need, 5); err != nil {
			return err
		}
	}
	rs := []rune(s)
	b.grow(len(rs))
	b.runes = append(b.runes[:i], append(rs, b.runes[i:]...)...)
	return nil
}

func sbOf(c *dotnet.Call) *stringBuilder { return object.Unwrap(c.Self).(*stringBuilder) }

// declareBuilders declares System.Text.StringBuilder.
func declareBuilders() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Text.StringBuilder",
		Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*stringBuilder); return ok },
		NewArity: []int{0, 1, 2},
		New: func(c *dotnet.Call) (any, error) {
			b := &stringBuilder{capacity: 16}
			for i := range c.Args {
				switch object.Unwrap(c.Arg(i)).(type) {
				case int, int64:
					n, err := c.Int(i, "capacity")
					if err != nil {
						return nil, err
					}
					if n < 0 {
						return nil, dotnet.Throw("'capacity' must be greater than zero. (Parameter 'capacity')")
					}
					if n > 0 {
						b.capacity = n
					}
				default:
					s := c.Str(i)
					if l := len([]rune(s)); l > b.capacity {
						b.capacity = l
					}
					b.runes = []rune(s)
				}
			}
			return b, nil
		},
		Members: dotnet.Members{
			"Length": {
				Get: func(c *dotnet.Call) (any, error) { return len(sbOf(c).runes), nil },
				Set: func(c *dotnet.Call, v any) error {
					n, err := dotnet.ArgToInt(c.Host, v, "value", "set_Length")
					if err != nil {
						return err
					}
					b := sbOf(c)
					if n < 0 {
						return dotnet.Throw("Length cannot be less than zero. (Parameter 'value')")
					}
					for len(b.runes) < n {
						b.grow(1)
						b.runes = append(b.runes, 0)
					}
					b.runes = b.runes[:n]
					return nil
				},
			},
			"Capacity":    dotnet.Prop(func(c *dotnet.Call) (any, error) { return sbOf(c).capacity, nil }),
			"MaxCapacity": dotnet.Prop(func(c *dotnet.Call) (any, error) { return 2147483647, nil }),
			// Append(value), Append(char, repeatCount), Append(string, start, count)
			"Append": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				s := dotnet.ToString(c.Arg(0))
				switch len(c.Args) {
				case 2:
					n, err := c.Int(1, "repeatCount")
					if err != nil {
						return nil, err
					}
					if n < 0 {
						return nil, dotnet.Throw("Count cannot be less than zero. (Parameter 'repeatCount')")
					}
					if err := memlimit.CheckProduct(int64(len(s)), int64(n)); err != nil {
						return nil, err
					}
					s = strings.Repeat(s, n)
				case 3:
					rs := []rune(s)
					a, n, err := span(c, 1, "count", len(rs), "Index and count must refer to a location within the string. (Parameter 'startIndex')")
					if err != nil {
						return nil, err
					}
					s = string(rs[a : a+n])
				}
				if err := b.insert(len(b.runes), s); err != nil {
					return nil, err
				}
				return b, nil
			}),
			"AppendLine": dotnet.Method(0, 1, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				if err := b.insert(len(b.runes), c.Str(0)+"\n"); err != nil {
					return nil, err
				}
				return b, nil
			}),
			"AppendFormat": dotnet.Method(1, -1, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				rest := c.Args[1:]
				if len(rest) == 1 {
					if items, ok := object.Unwrap(rest[0]).([]any); ok {
						rest = items
					}
				}
				s, err := object.FormatComposite(c.Str(0), rest, c.Host.ToStr)
				if err != nil && !memlimit.IsOutOfMemory(err) {
					return nil, dotnet.Throw("%s", err.Error())
				}
				if err != nil {
					return nil, err
				}
				if err := b.insert(len(b.runes), s); err != nil {
					return nil, err
				}
				return b, nil
			}),
			"AppendJoin": dotnet.Method(2, -1, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				items := c.Args[1:]
				if len(items) == 1 {
					if list, ok := object.Elements(object.Unwrap(items[0])); ok {
						items = list
					}
				}
				if err := memlimit.CheckStrings(len(items)); err != nil {
					return nil, err
				}
				parts := make([]string, len(items))
				for i, it := range items {
					parts[i] = dotnet.ToString(it)
				}
				s, err := memlimit.Join(parts, c.Str(0))
				if err != nil {
					return nil, err
				}
				if err := b.insert(len(b.runes), s); err != nil {
					return nil, err
				}
				return b, nil
			}),
			"Insert": dotnet.Method(2, 3, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				i, err := c.Int(0, "index")
				if err != nil {
					return nil, err
				}
				if i < 0 || i > len(b.runes) {
					return nil, dotnet.Throw("Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'index')")
				}
				s := dotnet.ToString(c.Arg(1))
				if len(c.Args) == 3 {
					n, err := c.Int(2, "count")
					if err != nil {
						return nil, err
					}
					if n < 0 {
						return nil, dotnet.Throw("Non-negative number required. (Parameter 'count')")
					}
					if err := memlimit.CheckProduct(int64(len(s)), int64(n)); err != nil {
						return nil, err
					}
					s = strings.Repeat(s, n)
				}
				if err := b.insert(i, s); err != nil {
					return nil, err
				}
				return b, nil
			}),
			"Remove": dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				i, n, err := span(c, 0, "length", len(b.runes), outOfRange)
				if err != nil {
					return nil, err
				}
				b.runes = append(b.runes[:i], b.runes[i+n:]...)
				return b, nil
			}),
			"Replace": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				old := c.Str(0)
				if old == "" {
					return nil, dotnet.Throw("The value cannot be an empty string. (Parameter 'oldValue')")
				}
				text := string(b.runes)
				if err := memlimit.CheckReplace(text, old, c.Str(1)); err != nil {
					return nil, err
				}
				s := strings.ReplaceAll(text, old, c.Str(1))
				b.runes = nil
				if err := b.insert(0, s); err != nil {
					return nil, err
				}
				return b, nil
			}),
			"Clear": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				b.runes = b.runes[:0]
				return b, nil
			}),
			"ToString": dotnet.Method(0, 2, func(c *dotnet.Call) (any, error) {
				b := sbOf(c)
				if len(c.Args) == 2 {
					a, n, err := span(c, 0, "length", len(b.runes), "Index and length must refer to a location within the string. (Parameter 'length')")
					if err != nil {
						return nil, err
					}
					return string(b.runes[a : a+n]), nil
				}
				return string(b.runes), nil
			}),
			"EnsureCapacity": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
				n, err := c.Int(0, "capacity")
				if err != nil {
					return nil, err
				}
				b := sbOf(c)
				if n > b.capacity {
					b.capacity = n
				}
				return b.capacity, nil
			}),
		}})
}

// outOfRange is .NET's error for a startIndex and length that leave the
// collection.
const outOfRange = "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')"

// span reads the startIndex and the length (lengthName) arguments of a
// member, at i and i+1, that takes part of something of size items; a
// part outside it is .NET's error message.
func span(c *dotnet.Call, i int, lengthName string, size int, message string) (start, n int, err error) {
	if start, err = c.Int(i, "startIndex"); err != nil {
		return 0, 0, err
	}
	if n, err = c.Int(i+1, lengthName); err != nil {
		return 0, 0, err
	}
	if start < 0 || n < 0 || start+n > size {
		return 0, 0, dotnet.Throw("%s", message)
	}
	return start, n, nil
}
