// Package textops is PowerShell's text operators: -f (.NET composite
// formatting), -join, -split (regular expression, simple match or a
// script block deciding per character, with a maximum count and
// options) and -replace (a .NET substitution string or a script block
// per match), with the errors and error IDs PowerShell reports. The
// interpreter reaches them with the operands evaluated; they reach the
// session through the small Session interface.
package textops

import (
	"fmt"
	"regexp"

	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/dotnet/regexsyntax"
	"github.com/exosim/exosim/shell/dotnet/text"
	"github.com/exosim/exosim/shell/memlimit"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// Session is what the operators reach of the session.
type Session interface {
	// Text converts a value to text as the session does ($OFS included).
	Text(v any) string
	// Regex compiles a .NET pattern (cached by the session).
	Regex(pattern string, caseSensitive bool) (*regexengine.Regexp, error)
	// ScriptBlock reports whether v is a script block.
	ScriptBlock(v any) (any, bool)
	// Invoke runs a script block with $_ and $args set, returning its
	// output as one value.
	Invoke(sb, dollarUnder any, args []any) (any, error)
}

// Error is an operator's failure in PowerShell's words, with the error
// ID PowerShell reports for it (FormatError, BadOperatorArgument ...);
// an empty ID is the operator's general failure.
type Error struct{ Msg, ID string }

func (e *Error) Error() string { return e.Msg }

// Format is the -f operator: .NET composite formatting with the current
// culture. An array on the right supplies the arguments; any other value
// is the only argument.
func Format(ses Session, l, r any) (any, error) {
	args, ok := object.Elements(r)
	if !ok {
		args = []any{r}
	}
	s, err := object.FormatComposite(ses.Text(l), args, func(v any) string { return formatArgString(ses, v) })
	if memlimit.IsOutOfMemory(err) {
		return nil, err // not a FormatException: -f does not wrap it
	}
	if err != nil {
		return nil, &Error{Msg: "Error formatting a string: " + err.Error() + ".", ID: "FormatError"}
	}
	return s, nil
}

// formatArgString renders an argument of a format item without a format
// specifier: numbers and dates with the current culture, as .NET does,
// anything else as PowerShell converts it to a string.
func formatArgString(ses Session, v any) string {
	switch object.Unwrap(v).(type) {
	case time.Time, float64, float32, object.Decimal:
		return object.ToCultureString(object.Unwrap(v))
	}
	return ses.Text(v)
}

// Join is -join: the elements of the left operand as strings, separated
// by the right operand (nothing for unary -join).
func Join(ses Session, l any, sep string) (string, error) {
	items, ok := object.Elements(l)
	if !ok {
		return ses.Text(l), nil
	}
	if err := memlimit.CheckStrings(len(items)); err != nil {
		return "", err
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = ses.Text(it)
	}
	return memlimit.Join(parts, sep)
}

// splitOptions are the options of -split (System.Management.Automation.SplitOptions).
type splitOptions int

const (
	splitSimpleMatch splitOptions = 1 << iota
	splitRegexMatch
	splitCultureInvariant
	splitIgnorePatternWhitespace
	splitMultiline
	splitSingleline
	splitIgnoreCase
	splitExplicitCapture
)

var splitOptionNames = []string{"SimpleMatch", "RegexMatch", "CultureInvariant", "IgnorePatternWhitespace", "Multiline", "Singleline", "IgnoreCase", "ExplicitCapture"}

// parseSplitOptions converts the third operand of -split: names separated
// by commas, or their numeric value.
func parseSplitOptions(ses Session, v any) (splitOptions, error) {
	if n, ok := numeric.ToNumber(v); ok {
		return splitOptions(numeric.Int64(n)), nil
	}
	var names []string
	if items, ok := object.Elements(v); ok {
		for _, it := range items {
			names = append(names, strings.Split(ses.Text(it), ",")...)
		}
	} else {
		names = strings.Split(ses.Text(v), ",")
	}
	var opts splitOptions
	for _, n := range names {
		n = strings.TrimSpace(n)
		found := false
		for i, known := range splitOptionNames {
			if strings.EqualFold(n, known) {
				opts |= 1 << i
				found = true
			}
		}
		if !found {
			return 0, &Error{Msg: fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Management.Automation.SplitOptions\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"%s\".", n, strings.Join(splitOptionNames, ",")), ID: "InvalidCastEnumStringNotFound"}
		}
	}
	return opts, nil
}

// Split is -split (cs for -csplit): the right operand is a delimiter
// (a regular expression, or a script block deciding for each character),
// then an optional maximum number of substrings (negative counts from the
// end) and options. unary is `-split x`, which splits trimmed text on
// whitespace.
func Split(ses Session, l, r any, cs, unary bool) (any, error) {
	var content []string
	items, ok := object.Elements(l)
	if !ok {
		items = []any{l}
	}
	for _, it := range items {
		s := ses.Text(it)
		if unary {
			s = strings.TrimSpace(s)
		}
		content = append(content, s)
	}
	var args []any
	if unary {
		args = []any{`\s+`}
	} else if list, ok := object.Elements(r); ok {
		args = list
	} else {
		args = []any{r}
	}
	if len(args) == 0 {
		return nil, &Error{Msg: fmt.Sprintf("The argument to operator '-split' is not valid: %s.", ses.Text(r)), ID: "BadOperatorArgument"}
	}
	predicate, isPredicate := ses.ScriptBlock(object.Unwrap(args[0]))
	limit := 0
	if len(args) >= 2 {
		n, ok := numeric.ToNumber(args[1])
		if !ok {
			return nil, &Error{Msg: object.CannotConvert(args[1], "System.Int32")}
		}
		limit = int(numeric.Int64(n))
	}
	var opts splitOptions
	if len(args) >= 3 && args[2] != nil {
		if s, isStr := args[2].(string); !isStr || s != "" {
			o, err := parseSplitOptions(ses, args[2])
			if err != nil {
				return nil, err
			}
			opts = o
			if isPredicate {
				return nil, &Error{Msg: "Options are not allowed on the -split operator with a predicate.", ID: "InvalidSplitOptionWithPredicate"}
			}
		}
	}
	if !cs {
		opts |= splitIgnoreCase
	}
	var out []any
	if isPredicate {
		for _, s := range content {
			parts, err := splitWithPredicate(ses, s, predicate, limit)
			if err != nil {
				return nil, err
			}
			out = append(out, parts...)
		}
		return nonNilList(out), nil
	}
	if opts&(splitSimpleMatch|splitRegexMatch) == 0 {
		opts |= splitRegexMatch
	}
	pattern := ses.Text(args[0])
	if opts&splitSimpleMatch != 0 {
		if opts&^(splitSimpleMatch|splitIgnoreCase) != 0 {
			return nil, &Error{Msg: "The combination of options with the -split operator is not valid.", ID: "InvalidSplitOptionCombination"}
		}
		pattern = regexp.QuoteMeta(pattern)
	}
	re, err := compileRegexOptions(ses, pattern, opts)
	if err != nil {
		return nil, err
	}
	rtl := limit < 0
	if rtl {
		limit = -limit
	}
	for _, s := range content {
		parts, err := regexSplit(re, s, limit, rtl)
		if err != nil {
			return nil, err
		}
		for _, p := range parts {
			out = append(out, p)
		}
	}
	return nonNilList(out), nil
}

func nonNilList(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}

// regexSplit is .NET's Regex.Split: the text between matches, with the
// text of each capturing group that took part in a match inserted after
// the piece before it. count > 0 caps the number of pieces (the last
// holds the rest); fromEnd takes the matches nearest the end.
func regexSplit(re *regexengine.Regexp, s string, count int, fromEnd bool) ([]string, error) {
	if count == 1 {
		return []string{s}, nil
	}
	found, err := re.FindAll(s, -1)
	if err != nil {
		return nil, &Error{Msg: err.Error()}
	}
	if len(found) == 0 {
		return []string{s}, nil
	}
	matches := make([][]int, 0, len(found))
	for _, m := range found {
		if len(matches) > 0 && m.Loc[0] < matches[len(matches)-1][1] {
			continue
		}
		matches = append(matches, m.Loc)
	}
	if count > 0 && len(matches) > count-1 {
		if fromEnd {
			matches = matches[len(matches)-(count-1):]
		} else {
			matches = matches[:count-1]
		}
	}
	out := make([]string, 0, len(matches)+1)
	prev := 0
	for _, m := range matches {
		out = append(out, s[prev:m[0]])
		for g := 1; g < len(m)/2; g++ {
			if m[2*g] >= 0 {
				out = append(out, s[m[2*g]:m[2*g+1]])
			}
		}
		prev = m[1]
	}
	return append(out, s[prev:]), nil
}

// splitWithPredicate splits s where the script block returns true for a
// character ($_ is the character as a string; $args the text and the
// index). A negative limit counts pieces from the end.
func splitWithPredicate(ses Session, s string, sb any, limit int) ([]any, error) {
	runes := []rune(s)
	isDelim := func(i int) (bool, error) {
		v, err := ses.Invoke(sb, string(runes[i]), []any{s, i})
		if err != nil {
			return false, err
		}
		return object.ToBool(v), nil
	}
	if limit == 1 || limit == -1 {
		return []any{s}, nil
	}
	var parts []string
	if limit >= 0 {
		start := 0
		i := 0
		for ; i < len(runes); i++ {
			d, err := isDelim(i)
			if err != nil {
				return nil, err
			}
			if !d {
				continue
			}
			parts = append(parts, string(runes[start:i]))
			start = i + 1
			if limit == len(parts)+1 {
				i++
				break
			}
		}
		parts = append(parts, string(runes[start:]))
	} else {
		end := len(runes)
		i := len(runes) - 1
		for ; i >= 0; i-- {
			d, err := isDelim(i)
			if err != nil {
				return nil, err
			}
			if !d {
				continue
			}
			parts = append(parts, string(runes[i+1:end]))
			end = i
			if -limit == len(parts)+1 {
				break
			}
		}
		parts = append(parts, string(runes[:end]))
		for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
			parts[a], parts[b] = parts[b], parts[a]
		}
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

// compileRegexOptions compiles a pattern with -split's regular expression
// options.
func compileRegexOptions(ses Session, pattern string, opts splitOptions) (*regexengine.Regexp, error) {
	flags := ""
	if opts&splitMultiline != 0 {
		flags += "m"
	}
	if opts&splitSingleline != 0 {
		flags += "s"
	}
	p := pattern
	if opts&splitIgnorePatternWhitespace != 0 {
		p = regexsyntax.StripWhitespace(p)
	}
	if opts&splitExplicitCapture != 0 {
		p = regexsyntax.ExplicitCapture(p)
	}
	if flags != "" {
		p = "(?" + flags + ")" + p
	}
	re, err := ses.Regex(p, opts&splitIgnoreCase == 0)
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("The regular expression pattern %s is not valid.", pattern)}
	}
	return re, nil
}

// Replace is -replace (cs for -creplace): a pattern and a replacement,
// which is a .NET substitution string ($1, ${name}, $$) or a script block
// run for each match with $_ holding the match.
func Replace(ses Session, l, r any, cs bool) (any, error) {
	var pattern, subst any
	if items, ok := object.Elements(r); ok {
		if len(items) > 2 {
			return nil, &Error{Msg: fmt.Sprintf("The -replace operator allows only two elements to follow it, not %d.", len(items)), ID: "BadReplaceArgument"}
		}
		if len(items) > 0 {
			pattern = items[0]
		}
		if len(items) > 1 {
			subst = items[1]
		}
	} else {
		pattern = r
	}
	re, err := ses.Regex(ses.Text(pattern), cs)
	if err != nil {
		return nil, err
	}
	var do func(string) (string, error)
	if sb, ok := ses.ScriptBlock(object.Unwrap(subst)); ok {
		do = func(s string) (string, error) {
			var b strings.Builder
			prev := 0
			found, err := re.FindAll(s, -1)
			if err != nil {
				return "", &Error{Msg: err.Error()}
			}
			for _, m := range found {
				b.WriteString(s[prev:m.Loc[0]])
				v, err := ses.Invoke(sb, text.MatchOf(re, s, m), nil)
				if err != nil {
					return "", err
				}
				b.WriteString(ses.Text(v))
				prev = m.Loc[1]
			}
			b.WriteString(s[prev:])
			return b.String(), nil
		}
	} else if g := re.Go(); g != nil {
		goRepl := dotnetReplacement(ses.Text(subst))
		do = func(s string) (string, error) {
			if err := checkRegexReplace(g, s, goRepl); err != nil {
				return "", err
			}
			return g.ReplaceAllString(s, goRepl), nil
		}
	} else {
		repl := ses.Text(subst)
		do = func(s string) (string, error) {
			found, err := re.FindAll(s, -1)
			if err != nil {
				return "", &Error{Msg: err.Error()}
			}
			var b strings.Builder
			prev := 0
			for _, m := range found {
				b.WriteString(s[prev:m.Loc[0]])
				b.WriteString(text.Expand(re, s, m, repl))
				prev = m.Loc[1]
				if err := memlimit.Check(int64(b.Len())); err != nil {
					return "", err
				}
			}
			b.WriteString(s[prev:])
			return b.String(), nil
		}
	}
	if items, ok := object.Elements(l); ok {
		out := make([]any, len(items))
		for i, it := range items {
			s, err := do(ses.Text(it))
			if err != nil {
				return nil, err
			}
			out[i] = s
		}
		return out, nil
	}
	return do(ses.Text(l))
}

// checkRegexReplace checks that replacing each match of re in s with repl
// (a Go replacement template) leaves a string that fits the memory
// budget. Only when the worst case (a match at every character) is large
// are the matches counted.
func checkRegexReplace(re *regexp.Regexp, s, repl string) error {
	per := int64(len(repl))
	if strings.Contains(repl, "$") {
		per += int64(len(s)) // a group may repeat what it matched
	}
	if int64(len(s))+(int64(len(s))+1)*per < 1<<20 {
		return nil
	}
	var count, matched int64
	re.ReplaceAllStringFunc(s, func(m string) string {
		count++
		matched += int64(len(m))
		return ""
	})
	need := int64(len(s)) + count*int64(len(repl))
	if strings.Contains(repl, "$") {
		need += matched * int64(strings.Count(repl, "$"))
	}
	return memlimit.Check(need)
}

// dotnetReplacement converts $1, ${name}, $0 and $$ to Go's syntax.
func dotnetReplacement(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '$' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		n := s[i+1]
		switch {
		case n == '$':
			b.WriteString("$$")
			i++
		case n >= '0' && n <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString("${" + s[i+1:j] + "}")
			i = j - 1
		case n == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				b.WriteString("$$")
				continue
			}
			b.WriteString(s[i : i+end+1])
			i += end
		default:
			b.WriteString("$$")
		}
	}
	return b.String()
}
