package regexsyntax

import (
	"regexp"
	"testing"
)

func TestRewrite(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, got, want string
	}{
		{"named group", Translate(`(?'user'\w+)@`, 0), `(?P<user>\w+)@`},
		{"quoted name inside a class", Translate(`[(?'x')]`, 0), `[(?'x')]`},
		{"whitespace and comments", Translate("a b # note\n[ ]c", IgnorePatternWhitespace), "ab[ ]c"},
		{"explicit capture", Translate(`(a)(?<n>b)\(`, ExplicitCaptureOption), `(?:a)(?<n>b)\(`},
		{"escape", Escape("a.b c#\t"), `a\.b\ c\#\t`},
		{"unescape", Unescape(`a\.b\ c\#\t`), "a.b c#\t"},
		{"lookahead", Unsupported(`a(?=b)`), "lookahead ((?=...) and (?!...))"},
		{"backreference", Unsupported(`(a)\1`), `backreferences (\1)`},
		{"escaped paren is fine", Unsupported(`\(?=`), ""},
		{"repeat with a leading zero", Unsupported(`0{1,01}`), "a repeat count with a leading zero ({01})"},
		{"repeat without one", Unsupported(`0{10,20}x{0}`), ""},
		{"brace that is no repeat", Unsupported(`a{01x}`), ""},
		{"a name used twice", Unsupported(`(?<x>a)|(?'x'b)`), "a group name used twice"},
		{"distinct names are fine", Unsupported(`(?<x>a)(?P<y>b)`), ""},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q; want %q", c.name, c.got, c.want)
		}
	}
}

func TestInvalidPatternMessage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ p, want string }{
		{"(a", "Invalid pattern '(a' at offset 2. Not enough )'s."},
		{"a)", "Invalid pattern 'a)' at offset 2. Too many )'s."},
		{"[a", "Invalid pattern '[a' at offset 2. Unterminated [] set."},
	} {
		_, err := regexp.Compile(c.p)
		if got := InvalidPatternMessage(c.p, err); got != c.want {
			t.Errorf("%s: got %q; want %q", c.p, got, c.want)
		}
	}
}
