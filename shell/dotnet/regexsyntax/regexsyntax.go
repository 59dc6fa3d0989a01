// Package regexsyntax is the .NET regular expression dialect over Go's
// regexp engine: the syntax both share passes through, .NET-only
// spellings are rewritten, constructs Go's engine cannot run (lookaround,
// backreferences, atomic and balancing groups) are named so the caller
// can send the pattern to a backtracking engine, and parse errors get
// .NET's wording. It imports nothing of exosim.
package regexsyntax

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// The RegexOptions flags the pattern rewriting reads.
const (
	IgnoreCase              = 1
	Multiline               = 2
	ExplicitCaptureOption   = 4
	Singleline              = 16
	IgnorePatternWhitespace = 32
)

// Unsupported names the first .NET construct Go's engine lacks. A name
// given to two groups is one: .NET makes them one group whose captures
// both add to.
func Unsupported(p string) string {
	inClass := false
	var names []string
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			n := p[i+1]
			if !inClass {
				switch {
				case n >= '1' && n <= '9':
					return "backreferences (\\" + string(n) + ")"
				case n == 'k' && i+2 < len(p) && (p[i+2] == '<' || p[i+2] == '\''):
					return "named backreferences (\\k<name>)"
				case n == 'G':
					return "the \\G anchor"
				case n == 'Z':
					return "the \\Z anchor (use \\z)"
				}
			}
			i++
		case c == '[' && !inClass:
			inClass = true
			if i+1 < len(p) && p[i+1] == ']' {
				i++
			}
		case c == ']' && inClass:
			inClass = false
		case c == '-' && inClass && i+1 < len(p) && p[i+1] == '[':
			return "character class subtraction ([a-z-[aeiou]])"
		case c == '(' && !inClass && i+2 < len(p) && p[i+1] == '?':
			rest := p[i+2:]
			switch {
			case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "!"):
				return "lookahead ((?=...) and (?!...))"
			case strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, "<!"):
				return "lookbehind ((?<=...) and (?<!...))"
			case strings.HasPrefix(rest, ">"):
				return "atomic groups ((?>...))"
			case strings.HasPrefix(rest, "("):
				return "conditional groups ((?(...)...))"
			case strings.HasPrefix(rest, "#"):
				return "inline comments ((?#...))"
			}
			rest = strings.TrimPrefix(rest, "P")
			if strings.HasPrefix(rest, "<") || strings.HasPrefix(rest, "'") {
				end := strings.IndexAny(rest[1:], ">'")
				if end >= 0 && strings.Contains(rest[1:1+end], "-") {
					return "balancing groups ((?<a-b>...))"
				}
				if end > 0 {
					name := rest[1 : 1+end]
					for _, n := range names {
						if n == name {
							return "a group name used twice"
						}
					}
					names = append(names, name)
				}
			}
		case (c == '+' || c == '*' || c == '?' || c == '}') && !inClass && i+1 < len(p) && p[i+1] == '+':
			return "possessive quantifiers"
		case c == '{' && !inClass && zeroLedRepeat(p[i:]):
			return "a repeat count with a leading zero ({01})"
		}
	}
	return ""
}

// zeroLedRepeat reports whether s starts with a repeat ({n}, {n,} or
// {n,m}) one of whose counts has a leading zero: .NET reads it as a
// repeat, Go's parser as literal text.
func zeroLedRepeat(s string) bool {
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return false
	}
	lo, hi, comma := strings.Cut(s[1:end], ",")
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return true
	}
	if lo == "" || !digits(lo) || (comma && !digits(hi)) {
		return false
	}
	return (len(lo) > 1 && lo[0] == '0') || (len(hi) > 1 && hi[0] == '0')
}

// Translate rewrites .NET-only spellings Go accepts differently:
// (?'name'...) becomes (?P<name>...); the IgnorePatternWhitespace and
// ExplicitCapture options rewrite the pattern as -split does.
func Translate(p string, opts int) string {
	if opts&IgnorePatternWhitespace != 0 {
		p = StripWhitespace(p)
	}
	if opts&ExplicitCaptureOption != 0 {
		p = ExplicitCapture(p)
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			b.WriteByte(p[i+1])
			i++
			continue
		case c == '[' && !inClass:
			inClass = true
		case c == ']' && inClass:
			inClass = false
		case !inClass && c == '(' && strings.HasPrefix(p[i:], "(?'"):
			if end := strings.IndexByte(p[i+3:], '\''); end >= 0 {
				b.WriteString("(?P<" + p[i+3:i+3+end] + ">")
				i += 3 + end
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// InvalidPatternMessage is .NET's wording for a pattern that does not
// parse, as closely as Go's error allows.
func InvalidPatternMessage(p string, err error) string {
	reason := "Invalid pattern."
	if se, ok := err.(*syntax.Error); ok {
		switch se.Code {
		case syntax.ErrMissingParen:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. Not enough )'s.", p, utf8.RuneCountInString(p))
		case syntax.ErrUnexpectedParen:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. Too many )'s.", p, strings.Index(p, ")")+1)
		case syntax.ErrMissingBracket:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. Unterminated [] set.", p, utf8.RuneCountInString(p))
		case syntax.ErrMissingRepeatArgument:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. Quantifier '%s' following nothing.", p, strings.Index(p, se.Expr)+1, se.Expr[:1])
		case syntax.ErrInvalidEscape:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. Unrecognized escape sequence %s.", p, strings.Index(p, se.Expr)+len(se.Expr), se.Expr)
		case syntax.ErrTrailingBackslash:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. Illegal \\ at end of pattern.", p, utf8.RuneCountInString(p))
		case syntax.ErrInvalidCharRange:
			return fmt.Sprintf("Invalid pattern '%s' at offset %d. [x-y] range in reverse order.", p, strings.Index(p, se.Expr)+len(se.Expr))
		}
		reason = string(se.Code) + "."
	}
	return fmt.Sprintf("Invalid pattern '%s' at offset %d. %s", p, utf8.RuneCountInString(p), reason)
}

// Escape is [regex]::Escape: metacharacters, space and # get a
// backslash, control characters their escape letter.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '+', '?', '|', '{', '[', '(', ')', '^', '$', '.', '#', ' ':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\t':
			b.WriteString("\\t")
		case '\n':
			b.WriteString("\\n")
		case '\r':
			b.WriteString("\\r")
		case '\f':
			b.WriteString("\\f")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unescape is [regex]::Unescape: the inverse of Escape.
func Unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// StripWhitespace drops unescaped whitespace and # comments outside
// character classes (the IgnorePatternWhitespace option).
func StripWhitespace(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			b.WriteByte(p[i+1])
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
			b.WriteByte(c)
		case c == '[':
			inClass = true
			b.WriteByte(c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		case c == '#':
			for i < len(p) && p[i] != '\n' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// ExplicitCapture makes unnamed groups non-capturing (the ExplicitCapture
// option).
func ExplicitCapture(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			b.WriteByte(p[i+1])
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
			b.WriteByte(c)
		case c == '[':
			inClass = true
			b.WriteByte(c)
		case c == '(' && (i+1 >= len(p) || p[i+1] != '?'):
			b.WriteString("(?:")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
