package wildcard

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMatch(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern, s string
		want       bool
	}{
		// the examples of about_Wildcards
		{"a*", "A", true},
		{"a*", "ag", true},
		{"a*", "Apple", true},
		{"a*", "banana", false},
		{"?n", "an", true},
		{"?n", "in", true},
		{"?n", "ran", false},
		{"[a-l]ook", "book", true},
		{"[a-l]ook", "look", true},
		{"[a-l]ook", "took", false},
		{"[bc]ook", "cook", true},
		{"[bc]ook", "hook", false},
		{"12`*4", "12*4", true},
		{"12`*4", "1234", false},
		// the whole text must match
		{"ann", "annb", false},
		{"*nn*", "annb", true},
		{"", "", true},
		{"", "a", false},
		{"*", "", true},
		{"*", "anything", true},
		{"?", "", false},
		{"**", "x", true},
		{"**", "", true},
		{"*", "\xff\xfe", true},
		{"***", "Ünïcode", true},
		// pieces of ASCII between stars, ASCII texts read byte by byte
		{"*Quota", "ProhibitSendQuota", true},
		{"*quota", "IssueWarningQUOTA", true},
		{"*Quota", "Quotas", false},
		{"a*b*c", "aXbYc", true},
		{"a*b*c", "aXcYb", false},
		{"ab*ba", "aba", false},
		{"*k*", "x\u212ay", true},
		{"*é*", "CAFÉ", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "aXbYc", true},
		{"a*b*c", "acb", false},
		{"*@contoso.com", "annb@contoso.com", true},
		{"*@contoso.com", "annb@fabrikam.com", false},
		{"a*a", "a", false},
		{"a*a", "aa", true},
		{"Prohibit?end*", "ProhibitSendQuota", true},
		{"*Quota", "ProhibitSendQuotaX", false},
		// case is ignored, in sets and ranges too
		{"ANN*", "annb", true},
		{"[A-C]x", "bX", true},
		{"[abc]", "B", true},
		// sets: a ] right after [ belongs to the set, - at an end is a
		// character, ! and ^ are characters
		{"[]]", "]", true},
		{"[]a]", "a", true},
		{"[a-]", "-", true},
		{"[-a]", "-", true},
		{"[!a]", "!", true},
		{"[!a]", "b", false},
		{"[^a]", "^", true},
		{"[[]", "[", true},
		{"[a-cx-z]", "y", true},
		{"[a-cx-z]", "m", false},
		// backticks escape outside and inside sets
		{"`[a`]", "[a]", true},
		{"`[a`]", "a", false},
		{"[`]]", "]", true},
		{"[a`-c]", "b", false},
		{"[a`-c]", "-", true},
		{"a`?", "a?", true},
		{"a`?", "ab", false},
		{"a``", "a`", true},
		{"a`", "a`", true}, // a backtick at the end is itself
		{"`", "", true},    // and alone it is the empty pattern
		{"`", "`", false},
		{"`a", "a", true},
		{"a]", "a]", true},
		// characters outside ASCII
		{"ü*", "Über", true},
		{"日本*", "日本語", true},
		{"?語", "本語", true},
		{"[α-ω]", "Β", true},
	}
	for _, c := range cases {
		if got := Match(c.pattern, c.s); got != c.want {
			t.Errorf("%q -like %q = %v, want %v", c.s, c.pattern, got, c.want)
		}
	}
}

func TestCaseSensitive(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pattern, s string
		want       bool
	}{
		{"ANN*", "annb", false},
		{"ann*", "annb", true},
		{"[A-C]", "b", false},
		{"[A-C]", "B", true},
	} {
		p, err := Compile(c.pattern, CaseSensitive)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Match(c.s); got != c.want {
			t.Errorf("%q -clike %q = %v, want %v", c.s, c.pattern, got, c.want)
		}
	}
}

func TestInvalid(t *testing.T) {
	t.Parallel()
	for _, pattern := range []string{"[", "[a", "a[bc", "[]", "[z-a]", "[`]", "x[a-c"} {
		_, err := Compile(pattern, 0)
		if err == nil || err.Error() != "The specified wildcard character pattern is not valid: "+pattern {
			t.Errorf("Compile(%q) error %v", pattern, err)
		}
		if Match(pattern, pattern) {
			t.Errorf("invalid pattern %q matched", pattern)
		}
	}
}

func TestStarOnly(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pattern, s string
		want       bool
	}{
		{"ann*", "AnnB", true},
		{"*@contoso.com", "annb@contoso.com", true},
		{"a?b", "axb", false},
		{"a?b", "a?b", true},
		{"[a]*", "[a]bc", true},
		{"a`*", "a`bc", true},
		{"*a*a*a*a*a*a*a*a*a*a*b", strings.Repeat("a", 40), false},
	} {
		if got := MatchStar(c.pattern, c.s); got != c.want {
			t.Errorf("MatchStar(%q, %q) = %v, want %v", c.pattern, c.s, got, c.want)
		}
	}
}

func TestHasAndEscape(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"annb": false, "ann*": true, "a?": true, "[a]": true, "a]": true,
		"a`*": false, "a``*": true, "": false, "a`": false,
	} {
		if got := Has(s); got != want {
			t.Errorf("Has(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"plain", "a*b", "[x]", "`", "q?", "]["} {
		if !Match(Escape(s), s) || Has(Escape(s)) {
			t.Errorf("Escape(%q) = %q does not match it literally", s, Escape(s))
		}
	}
	if !HasStar("a*") || HasStar("a?") {
		t.Error("HasStar")
	}
}

// A pattern of many stars against a long text that does not match costs
// the text times the pattern, not an exponential number of tries.
func BenchmarkManyStars(b *testing.B) {
	p, err := Compile("a*a*a*a*a*a*a*a*a*a*b", 0)
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat("a", 200)
	for b.Loop() {
		if p.Match(s) {
			b.Fatal("matched")
		}
	}
}

func BenchmarkIdentity(b *testing.B) {
	p, _ := Compile("user00*", 0)
	for b.Loop() {
		p.Match("user00042@contoso.onmicrosoft.com")
	}
}

// FuzzMatch compares the matcher with a reference that translates the
// pattern into a regular expression by the same reading rules, and
// checks that the star-only reading agrees with a pattern whose other
// wildcard characters are escaped.
func FuzzMatch(f *testing.F) {
	for _, s := range [][2]string{
		{"a*", "Apple"}, {"[a-l]ook", "book"}, {"12`*4", "12*4"}, {"[]a]", "]"},
		{"[a-]x", "-x"}, {"a*b*c", "aXbYc"}, {"`", ""}, {"a`", "a`"}, {"[z-a]", "q"},
		{"*a*a*a*b", "aaaaaaa"}, {"?語", "本語"}, {"[α-ω]", "Β"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) || len(pattern) > 64 || len(s) > 256 {
			return
		}
		for _, opts := range []Options{0, CaseSensitive} {
			p, err := Compile(pattern, opts)
			re, rerr := reference(pattern, opts&CaseSensitive != 0)
			if (err == nil) != (rerr == nil) {
				t.Fatalf("Compile(%q) error %v, reference error %v", pattern, err, rerr)
			}
			if err != nil {
				continue
			}
			if got, want := p.Match(s), re.MatchString(s); got != want {
				t.Fatalf("%q matching %q (options %d) = %v, reference (%s) says %v", pattern, s, opts, got, re, want)
			}
		}
		star, _ := Compile(pattern, StarOnly)
		var esc strings.Builder
		for _, r := range pattern {
			if r != '*' && strings.ContainsRune("?[]`", r) {
				esc.WriteByte('`')
			}
			esc.WriteRune(r)
		}
		if got, want := star.Match(s), Match(esc.String(), s); got != want {
			t.Fatalf("star-only %q matching %q = %v, escaped %q says %v", pattern, s, got, esc.String(), want)
		}
	})
}

// reference translates a PowerShell wildcard pattern into a regular
// expression, independently of Compile.
func reference(pattern string, cs bool) (*regexp.Regexp, error) {
	var b strings.Builder
	if !cs {
		b.WriteString("(?i)")
	}
	b.WriteString(`(?s)\A`)
	if pattern == "`" {
		pattern = ""
	}
	rs := []rune(pattern)
	lit := func(r rune) { b.WriteString(regexp.QuoteMeta(string(r))) }
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		case '`':
			if i+1 < len(rs) {
				i++
			}
			lit(rs[i])
		case '[':
			// collect the set's characters, marking unescaped dashes
			type ch struct {
				r    rune
				dash bool
			}
			var chars []ch
			j := i + 1
			closed := false
			for ; j < len(rs); j++ {
				if rs[j] == ']' && j > i+1 {
					closed = true
					break
				}
				if rs[j] == '`' {
					if j+1 < len(rs) {
						j++
					}
					chars = append(chars, ch{rs[j], false})
					continue
				}
				chars = append(chars, ch{rs[j], rs[j] == '-'})
			}
			if !closed {
				return nil, &Error{pattern}
			}
			var alts []string
			for k := 0; k < len(chars); k++ {
				if k+2 < len(chars) && chars[k+1].dash {
					if chars[k].r > chars[k+2].r {
						return nil, &Error{pattern}
					}
					alts = append(alts, "["+classRune(chars[k].r)+"-"+classRune(chars[k+2].r)+"]")
					k += 2
					continue
				}
				alts = append(alts, regexp.QuoteMeta(string(chars[k].r)))
			}
			b.WriteString("(?:" + strings.Join(alts, "|") + ")")
			i = j
		default:
			lit(rs[i])
		}
	}
	b.WriteString(`\z`)
	return regexp.Compile(b.String())
}

func classRune(r rune) string { return fmt.Sprintf(`\x{%x}`, r) }
