package host

import (
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"short", 79, []string{"short"}},
		// The blank that does not fit starts the next row, as in
		// PowerShell's console host.
		{"aaaa bbbb", 4, []string{"aaaa", " ", "bbbb"}},
		{"aaa bbbb", 4, []string{"aaa ", "bbbb"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"東京都 大阪", 6, []string{"東京都", " 大阪"}},
		{"one\ntwo", 10, []string{"one", "two"}},
	}
	for _, tc := range cases {
		if got := WrapText(tc.text, tc.width); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("WrapText(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestChoiceRows(t *testing.T) {
	yes := []Choice{{Label: "&Yes"}, {Label: "Yes to &All"}, {Label: "&No"}, {Label: "No to A&ll"}}
	suspend := append(append([]Choice(nil), yes...), Choice{Label: "&Suspend"})
	cases := []struct {
		choices []Choice
		def     int
		max     int
		want    []string
	}{
		{yes, 0, 79, []string{`[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): `}},
		{suspend, 0, 139, []string{`[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `}},
		// At 80 columns the default does not fit and moves down without
		// its trailing blank.
		{suspend, 0, 79, []string{`[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help `, `(default is "Y"):`}},
		{[]Choice{{Label: "&Yes"}, {Label: "&No"}}, 1, 79, []string{`[Y] Yes  [N] No  [?] Help (default is "N"): `}},
		{[]Choice{{Label: "&Yes"}, {Label: "&No"}}, -1, 79, []string{`[Y] Yes  [N] No  [?] Help `}},
	}
	for _, tc := range cases {
		if got := choiceRows(tc.choices, tc.def, tc.max); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("choiceRows = %q, want %q", got, tc.want)
		}
	}
}

func TestPickChoice(t *testing.T) {
	cs := []Choice{{Label: "&Yes"}, {Label: "Yes to &All"}, {Label: "&No"}}
	for ans, want := range map[string]int{"y": 0, "A": 1, "yes to all": 1, "no": 2, "x": -1} {
		if got := pickChoice(cs, ans); got != want {
			t.Errorf("%q: %d, want %d", ans, got, want)
		}
	}
}

type fakeConsole struct{ x, y int }

func (f fakeConsole) ReadLine(string) (string, error)     { return "", nil }
func (f fakeConsole) ReadPassword(string) (string, error) { return "", nil }
func (f fakeConsole) CursorPosition() (int, int, bool)    { return f.x, f.y, true }

// TestCursorPosition: the terminal's answer on a terminal, 0,0 when input
// or output is redirected (as .NET's console).
func TestCursorPosition(t *testing.T) {
	for _, tc := range []struct {
		in, out bool
		x, y    int
	}{{true, true, 7, 3}, {false, true, 0, 0}, {true, false, 0, 0}} {
		h := &IO{StdinTTY: tc.in, StdoutTTY: tc.out, Editor: fakeConsole{7, 3}}
		if x, y := h.CursorPosition(); x != tc.x || y != tc.y {
			t.Errorf("stdin tty %v, stdout tty %v: %d,%d want %d,%d", tc.in, tc.out, x, y, tc.x, tc.y)
		}
	}
}
