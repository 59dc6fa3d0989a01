package wording

import "testing"

func TestJoinAndBecause(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
	} {
		if got := JoinAnd(c.items); got != c.want {
			t.Errorf("JoinAnd(%q) = %q, want %q", c.items, got, c.want)
		}
	}
	for _, c := range []struct{ reason, want string }{
		{"", ""},
		{"  ", ""},
		{"it matters", " because it matters,"},
		{"Because it matters", " because it matters,"},
	} {
		if got := Because(c.reason); got != c.want {
			t.Errorf("Because(%q) = %q, want %q", c.reason, got, c.want)
		}
	}
}

func TestCompareStrings(t *testing.T) {
	t.Parallel()
	if got := CompareStrings("abc", "ABC", false, "", 120, 0); got != "" {
		t.Errorf("case-insensitive equal strings gave %q", got)
	}
	want := "Expected strings to be the same, but they were different.\n" +
		"String lengths are both 3.\nStrings differ at index 1.\n" +
		"Expected: 'abc'\nBut was:  'axc'\n" + "           -^" // the caret under the first difference
	if got := CompareStrings("abc", "axc", true, "", 120, 0); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
