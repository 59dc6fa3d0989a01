package regexengine

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// show renders every match as its groups' values by slot ("-" for a group
// that did not take part), matches separated by " | ".
func show(s string, ms []*Match) string {
	var parts []string
	for _, m := range ms {
		var gs []string
		for i := 0; i < len(m.Loc)/2; i++ {
			if m.Loc[2*i] < 0 {
				gs = append(gs, "-")
				continue
			}
			gs = append(gs, s[m.Loc[2*i]:m.Loc[2*i+1]])
		}
		parts = append(parts, strings.Join(gs, ","))
	}
	return strings.Join(parts, " | ")
}

func TestMatches(t *testing.T) {
	cases := []struct {
		pattern string
		opts    int
		input   string
		want    string
	}{
		// lookahead
		{`^.*\/(?=[^\/]*$)`, 0, "a/b/c.txt", "a/b/"},
		{`\w+(?=,)`, 0, "x, y, z", "x | y"},
		{`^(?!.*DiscoverySearch)`, 0, "DiscoverySearchMailbox", ""},
		{`^(?!.*DiscoverySearch).*`, 0, "annb", "annb"},
		{`a(?!b)`, 0, "ab ac a", "a | a"},
		// lookbehind, variable length, right to left inside
		{`(?<=\d)(?=(\d{3})+$)`, 0, "1234567", ",567 | ,567"},
		{`(?<=\$)\d+`, 0, "cost $42 or 7", "42"},
		{`(?<!\$)\b\d+`, 0, "cost $42 or 7", "7"},
		{`(?<=a+)b`, 0, "aaab b", "b"},
		{`(?<=(\w)(\w))c`, 0, "abc", "c,a,b"},
		{`(?<=^|,)\s*x`, 0, "x, x", "x |  x"},
		// backreferences
		{`(\w)\1`, 0, "hello bookkeeper", "ll,l | oo,o | kk,k | ee,e"},
		{`(?<q>['"]).*?\k<q>`, 0, `say "hi" and 'yo'`, `"hi"," | 'yo','`},
		{`(?<q>['"]).*?\k'q'`, 0, `'a' "b"`, `'a',' | "b","`},
		{`(?i)(a)\1`, 0, "aA", "aA,a"},
		{`(a)|\1b`, 0, "b", ""},
		{`\b(\w+)\s+\1\b`, 0, "the the cat", "the the,the"},
		// group numbering: unnamed first, then named
		{`(?<y>\d{4})-(\d\d)-(?<d>\d\d)(?=T)`, 0, "2024-05-06T", "2024-05-06,05,2024,06"},
		{`(?<2>a)(b)`, 0, "ab", "ab,b,a"},
		{`(?<n>a)|(?<n>b)`, 0, "ab", "a,a | b,b"},
		// atomic groups
		{`(?>a+)b`, 0, "aaab", "aaab"},
		{`(?>a+)ab`, 0, "aaab", ""},
		{`(?>a|ab)c`, 0, "abc", ""},
		// \G and \Z
		{`\G\d`, 0, "12a3", "1 | 2"},
		{`x\Z`, 0, "ax\n", "x"},
		{`x\Z`, 0, "ax\n\n", ""},
		{`x$(?=\n)`, 0, "ax\n", "x"},
		// conditionals
		{`(a)?(?(1)b|c)`, 0, "ab c", "ab,a | c,-"},
		{`(?<o>\()?\d+(?(o)\))`, 0, "(12) 34", "(12),( | 34,-"},
		{`(?(?=\d)\d+|[a-z]+)(?=;)`, 0, "12;ab;", "12 | ab"},
		// balancing groups
		{`^(?:[^()]|(?<o>\()|(?<-o>\)))*(?(o)(?!))$`, 0, "(a(b)c)", "(a(b)c),-"},
		{`^(?:[^()]|(?<o>\()|(?<-o>\)))*(?(o)(?!))$`, 0, "(a(b)c", ""},
		{`(?<open>\()[^()]*(?<close-open>\))`, 0, "x(ab)y", "(ab),-,ab"},
		// options
		{`(?=A)a`, IgnoreCase, "xA", "A"},
		{`^b(?=$)`, Multiline, "a\nb\nc", "b"},
		{`a.b(?=)`, Singleline, "a\nb", "a\nb"},
		{`(a)(?<n>b)(?=c)`, ExplicitCapture, "abc", "ab,b"},
		{`a (?=b) # comment`, IgnorePatternWhitespace, "ab", "a"},
		{`\d(?=\d)`, RightToLeft, "1234", "3 | 2 | 1"},
		{`(?i:a)(?=B)`, 0, "Ab AB", "A"},
		{`(?x) a b (?=c)`, 0, "abc", "ab"},
		// lazy and greedy order
		{`<.+?>(?=x)`, 0, "<a><b>x", "<a><b>"},
		{`(a+?)(?=a)`, 0, "aaa", "a,a | a,a"},
		{`(a|ab)(c|bcd)(?=d?)`, 0, "abcd", "abcd,a,bcd"},
		{`a{2,3}?(?=a)`, 0, "aaaaa", "aa | aa"},
		{`(?=x)x*`, 0, "xxyx", "xx | x"},
		// empty matches step one character on
		{`(?=a)|b`, 0, "ab", " | b"},
		{`a*(?!z)`, 0, "baaa", " | aaa | "},
		// classes
		{`[a-z-[aeiou]]+(?=\d)`, 0, "help1", "lp"},
		{`[\d-]+(?<=\d)`, 0, "12-34-", "12-34"},
		{`\p{Lu}\w+(?=!)`, 0, "hi Bob!", "Bob"},
		{`[^\W\d]+(?=x)`, 0, "ab1cdx", "cd"},
		{`\x41\u0042\t(?=1)`, 0, "AB\t1", "AB\t"},
	}
	for _, c := range cases {
		re, err := Compile(c.pattern, c.opts)
		if err != nil {
			t.Errorf("%q: %v", c.pattern, err)
			continue
		}
		ms, err := re.FindAll(c.input, -1)
		if err != nil {
			t.Errorf("%q on %q: %v", c.pattern, c.input, err)
			continue
		}
		if got := show(c.input, ms); got != c.want {
			t.Errorf("%q on %q: got %q, want %q", c.pattern, c.input, got, c.want)
		}
	}
}

func TestGroupNames(t *testing.T) {
	cases := []struct{ pattern, names, numbers string }{
		{`(a)(?<x>b)(c)(?=d)`, "0 1 2 x", "0 1 2 3"},
		{`(?<x>a)(?<y>b)\k<x>`, "0 x y", "0 1 2"},
		{`(?<5>a)(b)\1`, "0 1 5", "0 1 5"},
		{`(?<x>a)(?<x>b)\1`, "0 x", "0 1"},
		{`(?:a)(?=(b))`, "0 1", "0 1"},
	}
	for _, c := range cases {
		re, err := Compile(c.pattern, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.pattern, err)
		}
		var nums []string
		for _, n := range re.GroupNumbers() {
			nums = append(nums, strings.TrimSpace(strings.Repeat(" ", 0)+itoa(n)))
		}
		if got := strings.Join(re.GroupNames(), " "); got != c.names {
			t.Errorf("%q names: got %q, want %q", c.pattern, got, c.names)
		}
		if got := strings.Join(nums, " "); got != c.numbers {
			t.Errorf("%q numbers: got %q, want %q", c.pattern, got, c.numbers)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestCaptures(t *testing.T) {
	cases := []struct {
		pattern, input string
		slot           int
		want           string
	}{
		{`(?:(\w)(?=\w|$))+`, "abc", 1, "a b c"},
		{`(?:(?<d>\d),?)+(?=;)`, "1,2,3;", 1, "1 2 3"},
		{`^(?:[^()]|(?<o>\()|(?<c-o>\)))*$`, "(a)(b)", 2, "a b"},
		{`(a)+(?!x)`, "aaa", 1, "a a a"},
	}
	for _, c := range cases {
		re, err := Compile(c.pattern, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.pattern, err)
		}
		m, err := re.Find(c.input, 0)
		if err != nil || m == nil {
			t.Fatalf("%q on %q: no match (%v)", c.pattern, c.input, err)
		}
		var got []string
		cs := m.Captures(c.slot)
		for i := 0; i+1 < len(cs); i += 2 {
			got = append(got, c.input[cs[i]:cs[i+1]])
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q on %q slot %d: got %q, want %q", c.pattern, c.input, c.slot, strings.Join(got, " "), c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ pattern, want string }{
		{`(a)\2`, "Invalid pattern '(a)\\2' at offset 5. Reference to undefined group number 2."},
		{`\k<x>(?=a)`, "Invalid pattern '\\k<x>(?=a)' at offset 5. Reference to undefined group name 'x'."},
		{`(?=a`, "Invalid pattern '(?=a' at offset 4. Not enough )'s."},
		{`(?=a))`, "Invalid pattern '(?=a))' at offset 6. Too many )'s."},
		{`(?<=a)[b`, "Invalid pattern '(?<=a)[b' at offset 8. Unterminated [] set."},
		{`(?=a)*+`, "Invalid pattern '(?=a)*+' at offset 7. Nested quantifier '+'."},
		{`(?=a)\q`, "Invalid pattern '(?=a)\\q' at offset 7. Unrecognized escape sequence \\q."},
		{`(?=a)[z-a]`, "Invalid pattern '(?=a)[z-a]' at offset 9. [x-y] range in reverse order."},
		{`(?(1)a|b|c)(x)`, "Invalid pattern '(?(1)a|b|c)(x)' at offset 11. Too many | in (?()|)."},
		{`(?=a)\`, "Invalid pattern '(?=a)\\' at offset 6. Illegal \\ at end of pattern."},
		{`(?=a){3,1}`, "Invalid pattern '(?=a){3,1}' at offset 10. Illegal {x,y} with x > y."},
	}
	for _, c := range cases {
		_, err := Compile(c.pattern, 0)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %q", c.pattern, err, c.want)
		}
	}
}

func TestCatastrophicBacktrackingTimesOut(t *testing.T) {
	defer func(n int) { maxSteps = n }(maxSteps)
	maxSteps = 200_000
	for _, p := range []string{`^(a+)+$(?=x)`, `(\w+\s?)+\1z`, `^((a|aa)+)+b(?<=x)`} {
		re, err := Compile(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = re.FindAll(strings.Repeat("a", 40)+"!", -1)
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("%q: got %v, want the timeout", p, err)
		}
	}
	if !strings.HasPrefix(ErrTimeout.Error(), "The RegEx engine has timed out while trying to match a pattern to an input string.") {
		t.Error(ErrTimeout)
	}
}

func TestLongInputsStayBounded(t *testing.T) {
	long := strings.Repeat("ab ", 50000)
	re, _ := Compile(`(?:\w+\s?)*(?=$)`, 0)
	m, err := re.Find(long, 0)
	if err != nil && !errors.Is(err, ErrTimeout) {
		t.Fatal(err)
	}
	if err == nil && (m == nil || m.Loc[1] != len(long)) {
		t.Fatalf("got %v", m)
	}
	re, _ = Compile(`b(?= )`, 0)
	ms, err := re.FindAll(long, -1)
	if err != nil || len(ms) != 50000 {
		t.Fatalf("got %d matches, %v", len(ms), err)
	}
}

func TestFromGoNumbersGroupsTheDotNetWay(t *testing.T) {
	re := FromGo(regexp.MustCompile(`(?P<y>\d+)-(\d+)`), `(?<y>\d+)-(\d+)`, 0)
	if got := strings.Join(re.GroupNames(), " "); got != "0 1 y" {
		t.Fatalf("names %q", got)
	}
	ms, _ := re.FindAll("12-34 5-6", -1)
	if got := show("12-34 5-6", ms); got != "12-34,34,12 | 5-6,6,5" {
		t.Fatalf("got %q", got)
	}
	m, _ := re.Find("12-34 5-6", 5)
	if got := show("12-34 5-6", []*Match{m}); got != "5-6,6,5" {
		t.Fatalf("got %q", got)
	}
}

func TestMultibyteOffsets(t *testing.T) {
	re, _ := Compile(`(?<=é)(\w)\1`, 0)
	s := "café ééxx éll"
	ms, err := re.FindAll(s, -1)
	if err != nil || show(s, ms) != "xx,x | ll,l" {
		t.Fatalf("got %q %v", show(s, ms), err)
	}
}
