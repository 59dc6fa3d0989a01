package host

import (
	"errors"
	"io"
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

// TestPickChoice: an answer picks a choice by its whole label (without
// the &) or its hot key, in any case; a whole label is looked at first,
// so a label that is another choice's hot key picks its own choice.
func TestPickChoice(t *testing.T) {
	cs := []Choice{{Label: "&Yes"}, {Label: "Yes to &All"}, {Label: "&No"}}
	for ans, want := range map[string]int{"y": 0, "Y": 0, "A": 1, "yes to all": 1, "YES": 0, "no": 2, "n": 2, "x": -1, "": -1, "yes to": -1} {
		if got := PickChoice(cs, ans); got != want {
			t.Errorf("%q: %d, want %d", ans, got, want)
		}
	}
	// "N" is the hot key of &No and the whole label of the second choice.
	clash := []Choice{{Label: "&No"}, {Label: "N"}}
	if got := PickChoice(clash, "n"); got != 1 {
		t.Errorf("label before hot key: %d, want 1", got)
	}
}

// TestPromptForChoiceRedirected: redirected input answers a choice
// prompt as it answers pwsh's console host. Each answer is echoed after
// the choices; an empty line takes the default, "?" lists the help and
// asks again, an answer that picks nothing asks again, a blank-only
// answer is not empty (it asks again), and the end of the input is
// io.EOF. A NonInteractive session fails at once and writes nothing.
func TestPromptForChoiceRedirected(t *testing.T) {
	choices := []Choice{{Label: "&Yes", HelpMessage: "do it"}, {Label: "&No", HelpMessage: "skip it"}}
	row := `[Y] Yes  [N] No  [?] Help (default is "N"): `
	for _, tc := range []struct {
		in   string
		def  int
		want int
		err  error
		out  string
	}{
		{in: "y\n", def: 1, want: 0, out: row + "y\n"},
		{in: "YES\r\n", def: 1, want: 0, out: row + "YES\r\n"},
		{in: "\n", def: 1, want: 1, out: row + "\n"},
		{in: "maybe\n  \nn\n", def: 1, want: 1, out: row + "maybe\n" + row + "  \n" + row + "n\n"},
		{in: "?\nno", def: 1, want: 1, out: row + "?\nY - do it\nN - skip it\n" + row + "no"},
		{in: "", def: 1, want: -1, err: io.EOF, out: row},
		{in: "x\n", def: 1, want: -1, err: io.EOF, out: row + "x\n" + row},
		{in: "\n\ny\n", def: -1, want: 0, out: "[Y] Yes  [N] No  [?] Help " + "\n" + "[Y] Yes  [N] No  [?] Help " + "\n" + "[Y] Yes  [N] No  [?] Help " + "y\n"},
	} {
		var out strings.Builder
		h := &IO{In: strings.NewReader(tc.in), Out: &out, Width: 120}
		got, err := h.PromptForChoice("", "", choices, tc.def)
		if got != tc.want || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) || out.String() != tc.out {
			t.Errorf("%q: %d, %v, wrote %q; want %d, %v, %q", tc.in, got, err, out.String(), tc.want, tc.err, tc.out)
		}
	}
	var out strings.Builder
	h := &IO{In: strings.NewReader("y\n"), Out: &out, Width: 120, NonInteractive: true}
	if _, err := h.PromptForChoice("Cap", "Msg", choices, 0); !errors.Is(err, ErrNonInteractive) || out.Len() != 0 {
		t.Errorf("NonInteractive: %v, wrote %q", err, out.String())
	}
	if _, err := h.ReadAnswer("Name: "); !errors.Is(err, ErrNonInteractive) || out.Len() != 0 {
		t.Errorf("NonInteractive ReadAnswer: %v, wrote %q", err, out.String())
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
