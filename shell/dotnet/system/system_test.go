package system

import (
	"testing"

	"github.com/exosim/exosim/shell/fsys"
)

// A version compares part by part, a missing part counting as lower than
// any given one; Equal converts text the way a [version] cast does.
func TestVersionOrder(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b string
		want int
	}{
		{"1.2", "1.2", 0},
		{"1.2", "1.10", -1},
		{"2.0", "1.9.9.9", 1},
		{"1.2", "1.2.0", -1},
		{"1.2.3.4", "1.2.3.4", 0},
	}
	for _, c := range cases {
		a, err := ParseVersion(c.a, c.a)
		if err != nil {
			t.Fatalf("ParseVersion(%q): %v", c.a, err)
		}
		got, ok := a.(*Version).CompareTo(nil, c.b)
		if !ok || got != c.want {
			t.Errorf("%s vs %s = %d, %v; want %d", c.a, c.b, got, ok, c.want)
		}
		if eq := a.(*Version).Equal(c.b); eq != (c.want == 0) {
			t.Errorf("%s Equal %s = %v", c.a, c.b, eq)
		}
	}
	for _, bad := range []string{"1", "1.2.3.4.5", "1.x", "1.-2"} {
		if _, err := ParseVersion(bad, bad); err == nil {
			t.Errorf("ParseVersion(%q) succeeded", bad)
		}
	}
	v, _ := ParseVersion("1.2", "1.2")
	if _, ok := v.(*Version).CompareTo(nil, "not a version"); ok {
		t.Error("a version compared with text that is no version")
	}
}

// Uri's escaping keeps only the unreserved characters; unescaping leaves
// a % that starts no hex pair as it is.
func TestUriEscaping(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, escaped string }{
		{"a b&c=d", "a%20b%26c%3Dd"},
		{"Az09-_.~", "Az09-_.~"},
		{"é", "%C3%A9"},
	}
	for _, c := range cases {
		if got := escapeDataString(c.in); got != c.escaped {
			t.Errorf("escape %q = %q, want %q", c.in, got, c.escaped)
		}
		if got := unescapeDataString(c.escaped); got != c.in {
			t.Errorf("unescape %q = %q, want %q", c.escaped, got, c.in)
		}
	}
	if got := unescapeDataString("100%-%zz%4"); got != "100%-%zz%4" {
		t.Errorf("unescape kept %q", got)
	}
}

// GetFolderPath answers from the profile variables of the session, and
// "" for a folder the session has no variable for.
func TestSpecialFolder(t *testing.T) {
	t.Parallel()
	env := fsys.NewEnv([]string{`USERPROFILE=C:\Users\admin`, `APPDATA=C:\Users\admin\AppData\Roaming`})
	cases := map[string]string{
		"Desktop":              `C:\Users\admin\Desktop`,
		"MyDocuments":          `C:\Users\admin\Documents`,
		"UserProfile":          `C:\Users\admin`,
		"ApplicationData":      `C:\Users\admin\AppData\Roaming`,
		"LocalApplicationData": "",
		"Windows":              "",
	}
	for name, want := range cases {
		if got := specialFolder(env, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got := specialFolder(fsys.NewEnv(nil), "Desktop"); got != "" {
		t.Errorf("Desktop without a profile = %q", got)
	}
}
