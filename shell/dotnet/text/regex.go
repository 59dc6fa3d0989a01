package text

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"github.com/exosim/exosim/shell/dotnet/regexsyntax"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// .NET regular expressions. A pattern Go's regexp engine can run keeps
// it; one that needs lookaround, backreferences, atomic, conditional or
// balancing groups runs on the backtracking engine (regexengine). Groups
// are numbered the .NET way: unnamed groups first, then named ones.
// [regex] is case-sensitive unless RegexOptions.IgnoreCase is given,
// while -match and -replace ignore case.

// Regex is a [regex] value (System.Text.RegularExpressions.Regex).
type Regex struct {
	Pattern string
	Options int
	re      *regexengine.Regexp
	names   []string // .NET group names by slot
}

func (r *Regex) String() string { return r.Pattern }

// PSTypeName is the .NET type name.
func (r *Regex) PSTypeName() string { return "System.Text.RegularExpressions.Regex" }

func (r *Regex) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.RegularExpressions.Regex")
}

// Adapted shows Options, MatchTimeout and RightToLeft.
func (r *Regex) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "Options", Value: regexOptionsEnum(r.Options), Kind: object.AdaptedProperty, TypeName: "System.Text.RegularExpressions.RegexOptions"},
		{Name: "MatchTimeout", Value: object.TimeSpan(-10000), Kind: object.AdaptedProperty, TypeName: "timespan"},
		{Name: "RightToLeft", Value: r.Options&64 != 0, Kind: object.AdaptedProperty, TypeName: "bool"},
	}
}

func regexOptionsEnum(v int) object.Enum {
	out, _ := dotnet.TypeByName("System.Text.RegularExpressions.RegexOptions").Convert(nil, v)
	e, _ := out.(object.Enum)
	return e
}

// newRegex compiles a .NET pattern with RegexOptions.
func newRegex(pattern string, opts int) (*Regex, error) {
	if regexsyntax.Unsupported(pattern) != "" || opts&regexengine.RightToLeft != 0 {
		re, err := regexengine.Compile(pattern, opts)
		if err != nil {
			return nil, dotnet.Throw("%s", err.Error())
		}
		return &Regex{Pattern: pattern, Options: opts, re: re, names: re.GroupNames()}, nil
	}
	flags := ""
	if opts&regexsyntax.IgnoreCase != 0 {
		flags += "i"
	}
	if opts&regexsyntax.Multiline != 0 {
		flags += "m"
	}
	if opts&regexsyntax.Singleline != 0 {
		flags += "s"
	}
	src := regexsyntax.Translate(pattern, opts)
	if flags != "" {
		src = "(?" + flags + ")" + src
	}
	re, err := regexp.Compile(src)
	if err != nil {
		// .NET syntax Go's parser lacks (\p{IsBlock}, {n} past 1000, ...)
		// still runs on the backtracking engine
		if bt, btErr := regexengine.Compile(pattern, opts); btErr == nil {
			return &Regex{Pattern: pattern, Options: opts, re: bt, names: bt.GroupNames()}, nil
		}
		return nil, dotnet.Throw("%s", regexsyntax.InvalidPatternMessage(pattern, err))
	}
	return regexOf(regexengine.FromGo(re, pattern, opts)), nil
}

func regexOf(re *regexengine.Regexp) *Regex {
	return &Regex{Pattern: re.String(), Options: re.Options(), re: re, names: re.GroupNames()}
}

// MatchOf is the System.Text.RegularExpressions.Match of one match of
// re in s: what -replace hands its script block in $_, the same Match
// [regex]::Match returns.
func MatchOf(re *regexengine.Regexp, s string, m *regexengine.Match) any {
	return &matchValue{r: regexOf(re), input: s, m: m}
}

// Expand applies a .NET replacement pattern ($1, ${name}, $&, ...) to
// one match of re in s.
func Expand(re *regexengine.Regexp, s string, m *regexengine.Match, repl string) string {
	return (&matchValue{r: regexOf(re), input: s, m: m}).expand(repl)
}

// matchValue is a Match; groups are addressed in .NET order.
type matchValue struct {
	r     *Regex
	input string
	m     *regexengine.Match // nil for a failed match
}

func (m *matchValue) group(i int) *regexGroup {
	g := &regexGroup{m: m, name: m.r.names[i], slot: i}
	if m.m != nil && m.m.Loc[2*i] >= 0 {
		g.ok = true
		g.from, g.to = m.m.Loc[2*i], m.m.Loc[2*i+1]
	}
	return g
}

func (m *matchValue) whole() *regexGroup { return m.group(0) }

func (m *matchValue) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.RegularExpressions.Match")
}

// PSTypeName is the .NET type name.
func (m *matchValue) PSTypeName() string { return "System.Text.RegularExpressions.Match" }

func (m *matchValue) String() string { return m.whole().value() }

// Adapted lists a Match's properties in .NET order.
func (m *matchValue) Adapted() []*object.Property { return m.whole().adapted(&groupCollection{m: m}) }

// regexGroup is a Group (or the whole match, group 0).
type regexGroup struct {
	m        *matchValue
	name     string
	slot     int
	ok       bool
	from, to int
}

func (g *regexGroup) value() string {
	if !g.ok {
		return ""
	}
	return g.m.input[g.from:g.to]
}

func (g *regexGroup) index() int {
	if !g.ok {
		return 0
	}
	return utf8.RuneCountInString(g.m.input[:g.from])
}

func (g *regexGroup) length() int { return utf8.RuneCountInString(g.value()) }

// captures lists every capture of the group, oldest first.
func (g *regexGroup) captures() []any {
	if !g.ok {
		return []any{}
	}
	locs := g.m.m.Captures(g.slot)
	out := make([]any, 0, len(locs)/2)
	for i := 0; i+3 < len(locs); i += 2 {
		out = append(out, &regexCapture{input: g.m.input, from: locs[i], to: locs[i+1]})
	}
	// the last capture is the group itself, as in .NET
	return append(out, g)
}

// regexCapture is one Capture of a group.
type regexCapture struct {
	input    string
	from, to int
}

func (c *regexCapture) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.RegularExpressions.Capture")
}

// PSTypeName is the .NET type name.
func (c *regexCapture) PSTypeName() string { return "System.Text.RegularExpressions.Capture" }

func (c *regexCapture) String() string { return c.input[c.from:c.to] }

// Adapted lists a Capture's properties.
func (c *regexCapture) Adapted() []*object.Property {
	prop := func(n, t string, v any) *object.Property {
		return &object.Property{Name: n, Value: v, Kind: object.AdaptedProperty, TypeName: t}
	}
	return []*object.Property{
		prop("Index", "int", utf8.RuneCountInString(c.input[:c.from])),
		prop("Length", "int", utf8.RuneCountInString(c.input[c.from:c.to])),
		prop("Value", "string", c.String()),
		prop("ValueSpan", "System.ReadOnlySpan`1[[System.Char]]", nil),
	}
}

func (g *regexGroup) adapted(groups *groupCollection) []*object.Property {
	prop := func(n, t string, v any) *object.Property {
		return &object.Property{Name: n, Value: v, Kind: object.AdaptedProperty, TypeName: t}
	}
	var ps []*object.Property
	if groups != nil {
		ps = append(ps, prop("Groups", "System.Text.RegularExpressions.GroupCollection", groups))
	}
	return append(ps,
		prop("Success", "bool", g.ok),
		prop("Name", "string", g.name),
		prop("Captures", "System.Text.RegularExpressions.CaptureCollection", g.captures()),
		prop("Index", "int", g.index()),
		prop("Length", "int", g.length()),
		prop("Value", "string", g.value()),
		prop("ValueSpan", "System.ReadOnlySpan`1[[System.Char]]", nil),
	)
}

func (g *regexGroup) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.RegularExpressions.Group")
}

// PSTypeName is the .NET type name.
func (g *regexGroup) PSTypeName() string { return "System.Text.RegularExpressions.Group" }

func (g *regexGroup) String() string { return g.value() }

// Adapted lists a Group's properties.
func (g *regexGroup) Adapted() []*object.Property { return g.adapted(nil) }

// groupCollection is Match.Groups: indexed by number or name.
type groupCollection struct{ m *matchValue }

func (c *groupCollection) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.RegularExpressions.GroupCollection")
}

// PSTypeName is the .NET type name.
func (c *groupCollection) PSTypeName() string {
	return "System.Text.RegularExpressions.GroupCollection"
}

// Enumerate lists the groups in .NET order.
func (c *groupCollection) Enumerate() []any {
	out := make([]any, len(c.m.r.names))
	for i := range out {
		out[i] = c.m.group(i)
	}
	return out
}

// Index reads a group by number or name; a missing one is an unmatched
// group, as in .NET.
func (c *groupCollection) Index(h dotnet.Host, key any) (any, bool) {
	switch k := object.Unwrap(key).(type) {
	case int, int64:
		n, _ := numeric.ToNumber(k)
		i := int(numeric.Int64(n))
		for slot, n := range c.m.r.re.GroupNumbers() {
			if n == i {
				return c.m.group(slot), true
			}
		}
		return &regexGroup{m: c.m, name: ""}, true
	}
	name := h.ToStr(key)
	for i, n := range c.m.r.names {
		if n == name {
			return c.m.group(i), true
		}
	}
	return &regexGroup{m: c.m, name: ""}, true
}

// matchCollection is the result of Matches.
type matchCollection struct{ items []any }

func (c *matchCollection) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Text.RegularExpressions.MatchCollection")
}

// PSTypeName is the .NET type name.
func (c *matchCollection) PSTypeName() string {
	return "System.Text.RegularExpressions.MatchCollection"
}

// Enumerate lists the matches.
func (c *matchCollection) Enumerate() []any { return c.items }

// Index reads one match by position.
func (c *matchCollection) Index(h dotnet.Host, key any) (any, bool) {
	n, ok := numeric.ToNumber(key)
	if !ok {
		return nil, false
	}
	i := int(numeric.Int64(n))
	if i < 0 || i >= len(c.items) {
		return nil, true
	}
	return c.items[i], true
}

// match finds the first match at or after byte offset start.
func (r *Regex) match(input string, start int) (*matchValue, error) {
	m, err := r.re.Find(input, start)
	if err != nil {
		return nil, dotnet.Throw("%s", err.Error())
	}
	return &matchValue{r: r, input: input, m: m}, nil
}

func (r *Regex) matches(input string) ([]any, error) {
	ms, err := r.re.FindAll(input, -1)
	if err != nil {
		return nil, dotnet.Throw("%s", err.Error())
	}
	out := make([]any, 0, len(ms))
	for _, m := range ms {
		out = append(out, &matchValue{r: r, input: input, m: m})
	}
	return out, nil
}

func (r *Regex) isMatch(input string) (bool, error) {
	ok, err := r.re.IsMatch(input)
	if err != nil {
		return false, dotnet.Throw("%s", err.Error())
	}
	return ok, nil
}

// slotOf finds a group by name, or by number when the name is digits.
func (r *Regex) slotOf(name string) (int, bool) {
	if s, ok := r.re.SlotOf(name); ok {
		return s, true
	}
	num, err := strconv.Atoi(name)
	if err != nil || name == "" || name[0] < '0' || name[0] > '9' {
		return 0, false
	}
	for s, n := range r.re.GroupNumbers() {
		if n == num {
			return s, true
		}
	}
	return 0, false
}

// expand applies a .NET replacement pattern to one match: $1, ${name},
// $$, $&, $`, $', $+ and $_.
func (m *matchValue) expand(repl string) string {
	var b strings.Builder
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '$' || i+1 >= len(repl) {
			b.WriteByte(c)
			continue
		}
		n := repl[i+1]
		switch {
		case n == '$':
			b.WriteByte('$')
			i++
		case n == '&':
			b.WriteString(m.whole().value())
			i++
		case n == '`':
			b.WriteString(m.input[:m.whole().from])
			i++
		case n == '\'':
			b.WriteString(m.input[m.whole().to:])
			i++
		case n == '_':
			b.WriteString(m.input)
			i++
		case n == '+':
			if k := len(m.r.names) - 1; k > 0 {
				b.WriteString(m.group(k).value())
			}
			i++
		case n >= '0' && n <= '9':
			j := i + 1
			for j < len(repl) && repl[j] >= '0' && repl[j] <= '9' {
				j++
			}
			// the longest number that names a group
			k := j
			slot := -1
			for ; k > i+1; k-- {
				if s, ok := m.r.slotOf(repl[i+1 : k]); ok {
					slot = s
					break
				}
			}
			if slot < 0 {
				b.WriteByte('$')
				continue
			}
			b.WriteString(m.group(slot).value())
			i = k - 1
		case n == '{':
			end := strings.IndexByte(repl[i:], '}')
			if end < 0 {
				b.WriteByte('$')
				continue
			}
			if slot, ok := m.r.slotOf(repl[i+2 : i+end]); ok {
				b.WriteString(m.group(slot).value())
			} else {
				b.WriteString(repl[i : i+end+1])
			}
			i += end
		default:
			b.WriteByte('$')
		}
	}
	return b.String()
}

// replace substitutes up to count matches (count < 0: all), with a
// replacement pattern or a script block (a MatchEvaluator).
func regexReplace(h dotnet.Host, r *Regex, input string, repl any, count int) (string, error) {
	var b strings.Builder
	last := 0
	ms, err := r.inOrder(input, count)
	if err != nil {
		return "", err
	}
	for _, found := range ms {
		loc := found.Loc
		m := &matchValue{r: r, input: input, m: found}
		b.WriteString(input[last:loc[0]])
		if sb, ok := object.Unwrap(repl).(dotnet.ScriptBlock); ok {
			v, err := h.CallScriptBlock(sb, []any{m})
			if err != nil {
				return "", err
			}
			b.WriteString(h.ToStr(v))
		} else {
			b.WriteString(m.expand(h.ToStr(repl)))
		}
		last = loc[1]
	}
	b.WriteString(input[last:])
	return b.String(), nil
}

// inOrder lists up to count matches (count < 0: all) in the order they
// are found, then left to right: a RightToLeft pattern finds the last
// match first.
func (r *Regex) inOrder(input string, count int) ([]*regexengine.Match, error) {
	ms, err := r.re.FindAll(input, count)
	if err != nil {
		return nil, dotnet.Throw("%s", err.Error())
	}
	if r.Options&regexengine.RightToLeft != 0 {
		for a, b := 0, len(ms)-1; a < b; a, b = a+1, b-1 {
			ms[a], ms[b] = ms[b], ms[a]
		}
	}
	return ms, nil
}

// regexSplit is Regex.Split: captured groups are included in the result.
func (r *Regex) split(input string, count int) ([]any, error) {
	out := []any{}
	last := 0
	ms, err := r.inOrder(input, -1)
	if err != nil {
		return nil, err
	}
	for _, found := range ms {
		loc := found.Loc
		if count > 0 && len(out) >= count-1 {
			break
		}
		if loc[1] == 0 && loc[0] == 0 || loc[0] < last {
			continue
		}
		out = append(out, input[last:loc[0]])
		m := &matchValue{r: r, input: input, m: found}
		for i := 1; i < len(r.names); i++ {
			if g := m.group(i); g.ok {
				out = append(out, g.value())
			}
		}
		last = loc[1]
	}
	return append(out, input[last:]), nil
}

// regexOpts reads a RegexOptions argument.
func regexOpts(c *dotnet.Call, i int) (int, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	e, err := dotnet.EnumArg(c, i, "System.Text.RegularExpressions.RegexOptions", "options")
	return e.Value, err
}

// staticRegex compiles argument i as a pattern with options at opt.
func staticRegex(c *dotnet.Call, i, opt int) (*Regex, error) {
	if c.Arg(i) == nil {
		return nil, dotnet.Throw("Value cannot be null. (Parameter 'pattern')")
	}
	o, err := regexOpts(c, opt)
	if err != nil {
		return nil, err
	}
	return newRegex(c.Str(i), o)
}

func selfRegex(c *dotnet.Call) *Regex { return object.Unwrap(c.Self).(*Regex) }

// declareRegex declares Regex and its Match, Group and collections.
func declareRegex() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Text.RegularExpressions.Regex", Aliases: []string{"regex"}, Assembly: "System.Text.RegularExpressions",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if r, ok := object.Unwrap(v).(*Regex); ok {
					return r, nil
				}
				r, err := newRegex(h.ToStr(v), 0)
				if err != nil {
					if ns, ok := err.(*dotnet.NotSupportedError); ok {
						return nil, &dotnet.ConversionError{Msg: ns.Msg}
					}
					return nil, dotnet.ConvertFailed(v, "System.Text.RegularExpressions.Regex", err.Error())
				}
				return r, nil
			},
			Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*Regex); return ok },
			NewArity: []int{1, 2, 3},
			New: func(c *dotnet.Call) (any, error) {
				o, err := regexOpts(c, 1)
				if err != nil {
					return nil, err
				}
				return newRegex(c.Str(0), o)
			},
			Static: dotnet.Members{
				"Match": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					r, err := staticRegex(c, 1, 2)
					if err != nil {
						return nil, err
					}
					return r.match(c.Str(0), 0)
				}),
				"Matches": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					r, err := staticRegex(c, 1, 2)
					if err != nil {
						return nil, err
					}
					items, err := r.matches(c.Str(0))
					if err != nil {
						return nil, err
					}
					return &matchCollection{items: items}, nil
				}),
				"IsMatch": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					r, err := staticRegex(c, 1, 2)
					if err != nil {
						return nil, err
					}
					return r.isMatch(c.Str(0))
				}),
				"Replace": dotnet.Method(3, 5, func(c *dotnet.Call) (any, error) {
					r, err := staticRegex(c, 1, 3)
					if err != nil {
						return nil, err
					}
					return regexReplace(c.Host, r, c.Str(0), c.Arg(2), -1)
				}),
				"Split": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					r, err := staticRegex(c, 1, 2)
					if err != nil {
						return nil, err
					}
					return r.split(c.Str(0), -1)
				}),
				"Escape":   dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return regexsyntax.Escape(c.Str(0)), nil }),
				"Unescape": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) { return regexsyntax.Unescape(c.Str(0)), nil }),
			},
			Members: dotnet.Members{
				"Options": dotnet.Prop(func(c *dotnet.Call) (any, error) { return regexOptionsEnum(selfRegex(c).Options), nil }),
				"Match": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					start := 0
					s := c.Str(0)
					if len(c.Args) > 1 {
						n, err := c.Int(1, "startat")
						if err != nil {
							return nil, err
						}
						rs := []rune(s)
						if n < 0 || n > len(rs) {
							return nil, dotnet.OutOfRange("startat")
						}
						start = len(string(rs[:n]))
					}
					return selfRegex(c).match(s, start)
				}),
				"Matches": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
					items, err := selfRegex(c).matches(c.Str(0))
					if err != nil {
						return nil, err
					}
					return &matchCollection{items: items}, nil
				}),
				"IsMatch": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) { return selfRegex(c).isMatch(c.Str(0)) }),
				"Replace": dotnet.Method(2, 4, func(c *dotnet.Call) (any, error) {
					count := -1
					if len(c.Args) > 2 {
						n, err := c.Int(2, "count")
						if err != nil {
							return nil, err
						}
						count = n
					}
					return regexReplace(c.Host, selfRegex(c), c.Str(0), c.Arg(1), count)
				}),
				"Split": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
					count := -1
					if len(c.Args) > 1 {
						n, err := c.Int(1, "count")
						if err != nil {
							return nil, err
						}
						count = n
					}
					return selfRegex(c).split(c.Str(0), count)
				}),
				"GetGroupNames": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return dotnet.Strings(selfRegex(c).names), nil }),
				"GetGroupNumbers": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					nums := selfRegex(c).re.GroupNumbers()
					out := make([]any, len(nums))
					for i, n := range nums {
						out[i] = n
					}
					return out, nil
				}),
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return selfRegex(c).Pattern, nil }),
			}},
		&dotnet.TypeDef{FullName: "System.Text.RegularExpressions.Group", Assembly: "System.Text.RegularExpressions",
			Base: "System.Text.RegularExpressions.Capture"},
		&dotnet.TypeDef{FullName: "System.Text.RegularExpressions.Capture", Assembly: "System.Text.RegularExpressions",
			Members: dotnet.Members{
				"ToString": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Host.ToStr(c.Self), nil }),
			}},
		&dotnet.TypeDef{FullName: "System.Text.RegularExpressions.Match", Assembly: "System.Text.RegularExpressions",
			Base: "System.Text.RegularExpressions.Group",
			Static: dotnet.Members{
				"Empty": dotnet.Prop(func(c *dotnet.Call) (any, error) {
					r, _ := newRegex("", 0)
					return &matchValue{r: r}, nil
				}),
			},
			Members: dotnet.Members{
				"NextMatch": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
					m := object.Unwrap(c.Self).(*matchValue)
					if m.m == nil {
						return m, nil
					}
					next := regexengine.NextStart(m.input, m.m)
					if next > len(m.input) {
						return &matchValue{r: m.r, input: m.input}, nil
					}
					return m.r.match(m.input, next)
				}),
				"Result": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					return object.Unwrap(c.Self).(*matchValue).expand(c.Str(0)), nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Text.RegularExpressions.GroupCollection", Assembly: "System.Text.RegularExpressions",
			Members: dotnet.Members{
				"Count": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(c.Self.(*groupCollection).m.r.names), nil }),
				"Keys":  dotnet.Prop(func(c *dotnet.Call) (any, error) { return dotnet.Strings(c.Self.(*groupCollection).m.r.names), nil }),
				"ContainsKey": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					for _, n := range c.Self.(*groupCollection).m.r.names {
						if n == c.Str(0) {
							return true, nil
						}
					}
					return false, nil
				}),
			}},
		&dotnet.TypeDef{FullName: "System.Text.RegularExpressions.MatchCollection", Assembly: "System.Text.RegularExpressions",
			Members: dotnet.Members{
				"Count": dotnet.Prop(func(c *dotnet.Call) (any, error) { return len(c.Self.(*matchCollection).items), nil }),
			}},
	)
}
