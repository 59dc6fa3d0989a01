package repl

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// bytesSource feeds prepared input; a blocking read past the end is
// io.EOF (after calling atEnd). The byte 0xff stands for a pause: a read
// that waits finds nothing (it tells Escape from Alt+key).
type bytesSource struct {
	b     []byte
	atEnd func()
}

func (s *bytesSource) next(wait time.Duration) (byte, bool, error) {
	for len(s.b) > 0 && s.b[0] == 0xff {
		s.b = s.b[1:]
		if wait >= 0 {
			return 0, false, nil
		}
	}
	if len(s.b) == 0 {
		if wait >= 0 {
			return 0, false, nil
		}
		if s.atEnd != nil {
			s.atEnd()
			s.atEnd = nil
		}
		return 0, false, io.EOF
	}
	c := s.b[0]
	s.b = s.b[1:]
	return c, true, nil
}

func (s *bytesSource) pending() bool { return len(s.b) > 0 }

// screen is a small terminal emulator: enough VT100 to check what the
// editor draws (printing with autowrap and wide characters, CR, LF,
// cursor up/forward, erase line and erase below).
type screen struct {
	w, h   int
	rows   [][]rune
	rev    [][]bool // cells drawn in reverse video
	x, y   int
	wrapNx bool // pending wrap after the last column
	inRev  bool
}

func newScreen(w, h int) *screen {
	s := &screen{w: w, h: h}
	for i := 0; i < h; i++ {
		s.rows = append(s.rows, []rune(strings.Repeat(" ", w)))
		s.rev = append(s.rev, make([]bool, w))
	}
	return s
}

func (s *screen) lf() {
	s.y++
	if s.y == s.h {
		s.rows = append(s.rows[1:], []rune(strings.Repeat(" ", s.w)))
		s.rev = append(s.rev[1:], make([]bool, s.w))
		s.y = s.h - 1
	}
}

// clear blanks the cells from x to the end of row y.
func (s *screen) clear(y, x int) {
	for k := x; k < s.w; k++ {
		s.rows[y][k] = ' '
		s.rev[y][k] = false
	}
}

// selected returns the text drawn in reverse video, row by row.
func (s *screen) selected() []string {
	var out []string
	for y, r := range s.rows {
		var b strings.Builder
		for x, c := range r {
			if s.rev[y][x] && c != 0 {
				b.WriteRune(c)
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

func (s *screen) write(text string) {
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\r':
			s.x, s.wrapNx = 0, false
		case r == '\n':
			s.lf()
			s.wrapNx = false
		case r == 0x1b && i+1 < len(rs) && rs[i+1] == '[':
			j := i + 2
			for j < len(rs) && (rs[j] < 0x40 || rs[j] > 0x7e) {
				j++
			}
			n, _ := strconv.Atoi(string(rs[i+2 : j]))
			if n == 0 {
				n = 1
			}
			switch rs[j] {
			case 'A':
				s.y = max(0, s.y-n)
			case 'C':
				s.x = min(s.w-1, s.x+n)
			case 'K':
				s.clear(s.y, s.x)
			case 'J':
				s.clear(s.y, s.x)
				for y := s.y + 1; y < s.h; y++ {
					s.clear(y, 0)
				}
			case 'm':
				s.inRev = string(rs[i+2:j]) == "7"
			case 'H':
				s.x, s.y = 0, 0
			}
			s.wrapNx = false
			i = j
		default:
			cw := runeCells(r)
			if s.wrapNx || s.x+cw > s.w {
				s.x = 0
				s.lf()
			}
			s.wrapNx = false
			s.rows[s.y][s.x] = r
			s.rev[s.y][s.x] = s.inRev
			if cw == 2 {
				s.rows[s.y][s.x+1] = 0
				s.rev[s.y][s.x+1] = s.inRev
			}
			s.x += cw
			if s.x >= s.w {
				s.x = s.w - 1
				s.wrapNx = true
			}
		}
	}
}

// text returns the rows, trailing blanks trimmed and trailing empty rows
// dropped.
func (s *screen) text() []string {
	var out []string
	for _, r := range s.rows {
		var b strings.Builder
		for _, c := range r {
			if c != 0 {
				b.WriteRune(c)
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cursor is where the next character lands (a pending wrap counts as the
// start of the next row, as tmux reports it only after a character).
func (s *screen) cursor() (int, int) {
	if s.wrapNx {
		return s.w - 1, s.y
	}
	return s.x, s.y
}

type screenWriter struct{ s *screen }

func (w screenWriter) Write(p []byte) (int, error) { w.s.write(string(p)); return len(p), nil }

// edit runs ReadCommand on keys with a 20-column screen; stop returns the
// screen while keys remain unread (the input ends with a blocking read).
func runEditor(t *testing.T, width int, keys string, hist ...string) (string, error, *screen) {
	t.Helper()
	sc := newScreen(width, 10)
	tm := newTestTerminal(&bytesSource{b: []byte(keys)}, screenWriter{sc}, width)
	tm.History = &History{Entries: hist}
	tm.Incomplete = Incomplete
	tm.Complete = testCompleter
	line, err := tm.ReadCommand("P> ")
	return line, err, sc
}

// screenAtEnd runs the editor and returns the screen as it was when the
// input ran out (before end of input finishes the line).
func screenAtEnd(t *testing.T, width int, keys string, hist ...string) *screen {
	t.Helper()
	sc := newScreen(width, 10)
	var snap *screen
	src := &bytesSource{b: []byte(keys)}
	src.atEnd = func() {
		c := *sc
		c.rows, c.rev = nil, nil
		for i, r := range sc.rows {
			c.rows = append(c.rows, append([]rune(nil), r...))
			c.rev = append(c.rev, append([]bool(nil), sc.rev[i]...))
		}
		snap = &c
	}
	tm := newTestTerminal(src, screenWriter{sc}, width)
	tm.History = &History{Entries: hist}
	tm.Incomplete = Incomplete
	tm.Complete = testCompleter
	tm.ReadCommand("P> ")
	return snap
}

func testCompleter(line []rune, pos int) ([]string, int) {
	word := string(line[:pos])
	start := strings.LastIndexAny(word, " \n") + 1
	var out []string
	for _, c := range []string{"Get-Mailbox", "Get-MailboxStatistics", "Get-Member"} {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(word[start:])) {
			out = append(out, c)
		}
	}
	return out, len([]rune(word[:start]))
}

func TestEditorKeys(t *testing.T) {
	cases := []struct {
		name, keys, want string
		hist             []string
	}{
		{"typing", "abc\r", "abc", nil},
		{"backspace removes one wide character", "日本語\x7f\r", "日本", nil},
		{"left over wide characters", "日本語\x1b[D\x1b[DX\r", "日X本語", nil},
		{"home forms", "bc\x1b[1~a\x1b[4~d\r", "abcd", nil},
		{"home ESC[H and ESC O F", "bc\x1b[Ha\x1bOFd\r", "abcd", nil},
		{"ctrl+a ctrl+e", "bc\x01a\x05d\r", "abcd", nil},
		{"ctrl+w deletes to whitespace", "Get-X foo-bar\x17baz\r", "Get-X baz", nil},
		{"alt+backspace deletes a word", "Get-X foo-bar\x1b\x7fbaz\r", "Get-X foo-baz", nil},
		{"ctrl+left by word", "ab cd\x1b[1;5DX\r", "ab Xcd", nil},
		{"escape reverts", "abc\x1b\xffxy\r", "xy", nil},
		{"ctrl+u kills, ctrl+y yanks", "abc\x15x\x19\r", "xabc", nil},
		{"ctrl+z undoes", "ab\x1ac\r", "ac", nil},
		{"NUL is not the end", "\x00\x1b\xffab\r", "ab", nil},
		{"enter on an open block continues", "if (1) {\r\r'x'\r}\r", "if (1) {\n\n'x'\n}", nil},
		{"up recalls an entry whole", "\x1b[A\r", "if (1) {\n'x'\n}", []string{"if (1) {\n'x'\n}"}},
		{"up down", "\x1b[A\x1b[A\x1b[Bx\r", "twox", []string{"one", "two"}},
		{"ctrl+r", "\x12ne\r", "one", []string{"one", "two"}},
		{"ctrl+r over Japanese", "\x12東京\x1b\r", "'東京'", []string{"'東京'", "two"}},
		{"tab completes the common part", "get-mailb\t\r", "Get-Mailbox", nil},
		{"shift+tab cycles backwards", "Get-M\x1b[Z\x1b[Z\r", "Get-MailboxStatistics", nil},
		{"tab after shift+tab goes forward", "Get-M\x1b[Z\t\r", "Get-Mailbox", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err, sc := runEditor(t, 40, tc.keys, tc.hist...)
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q\nscreen:\n%s", got, err, tc.want, strings.Join(sc.text(), "\n"))
			}
		})
	}
}

func TestEditorCancelAndEOF(t *testing.T) {
	_, err, sc := runEditor(t, 40, "abc\x03")
	if !errors.Is(err, ErrInterrupt) {
		t.Fatalf("Ctrl+C: %v", err)
	}
	if got := sc.text(); got[0] != "P> abc^C" {
		t.Fatalf("Ctrl+C screen %q", got)
	}
	if _, err, _ := runEditor(t, 40, "\x04"); !errors.Is(err, io.EOF) {
		t.Fatalf("Ctrl+D on an empty line: %v", err)
	}
	if got, _, _ := runEditor(t, 40, "ab\x01\x04\r"); got != "b" {
		t.Fatalf("Ctrl+D deletes: %q", got)
	}
}

// TestEditorRender checks the drawing: wide characters at the margin,
// exactly full rows, shrinking lines, continuation rows and the search
// status row, and where the cursor is.
func TestEditorRender(t *testing.T) {
	type want struct {
		rows []string
		x, y int
	}
	cases := []struct {
		name  string
		width int
		keys  string
		hist  []string
		want  want
	}{
		// "P> " + 3 + 5 wide = 16 cells; the sixth does not fit in
		// column 16 of 17 and moves down.
		{"wide character moves whole", 17, "abcあいうえおか", nil, want{[]string{"P> abcあいうえお", "か"}, 2, 1}},
		{"exactly full row", 16, "abcあいうえお", nil, want{[]string{"P> abcあいうえお"}, 0, 1}},
		{"shrinks without stale rows", 16, "abcあいうえおかき\x7f\x7f\x7f", nil, want{[]string{"P> abcあいうえ"}, 14, 0}},
		{"cursor on a wrapped row", 17, "abcあいうえおか\x1b[D\x1b[D", nil, want{[]string{"P> abcあいうえお", "か"}, 14, 0}},
		{"continuation rows", 30, "if (1) {\r'x'", nil, want{[]string{"P> if (1) {", ">> 'x'"}, 6, 1}},
		{"search row", 30, "\x12東", []string{"'東京'"}, want{[]string{"P> '東京'", "bck-i-search: 東_"}, 4, 0}},
		{"failed search", 30, "\x12zz", []string{"'東京'"}, want{[]string{"P>", "failed-bck-i-search: zz_"}, 3, 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := screenAtEnd(t, tc.width, tc.keys, tc.hist...)
			x, y := sc.cursor()
			got := sc.text()
			if strings.Join(got, "\n") != strings.Join(tc.want.rows, "\n") || x != tc.want.x || y != tc.want.y {
				t.Fatalf("screen:\n%s\ncursor %d,%d\nwant:\n%s\ncursor %d,%d", strings.Join(got, "\n"), x, y, strings.Join(tc.want.rows, "\n"), tc.want.x, tc.want.y)
			}
		})
	}
}

func TestEditorPassword(t *testing.T) {
	sc := newScreen(40, 5)
	tm := newTestTerminal(&bytesSource{b: []byte("pw東\x7fd\r")}, screenWriter{sc}, 40)
	got, err := tm.ReadPassword("Password: ")
	if err != nil || got != "pwd" {
		t.Fatalf("%q %v", got, err)
	}
	if sc.text()[0] != "Password: ***" {
		t.Fatalf("echo %q", sc.text()[0])
	}
}

func TestReadKeyEscapes(t *testing.T) {
	cases := map[string]key{
		"\x1b[1~": {name: kHome}, "\x1b[4~": {name: kEnd}, "\x1b[H": {name: kHome}, "\x1b[F": {name: kEnd},
		"\x1bOH": {name: kHome}, "\x1bOF": {name: kEnd}, "\x1b[7~": {name: kHome}, "\x1b[8~": {name: kEnd},
		"\x1b[3~": {name: kDelete}, "\x1b[1;5D": {name: kCtrlLeft}, "\x1b[1;5C": {name: kCtrlRight},
		"\x1b[Z": {name: kShiftTab}, "\x1b": {name: kEscape}, "\x1bb": {name: kAlt, r: 'b'},
		"\x00": {r: 0}, "東": {r: '東'},
	}
	for in, want := range cases {
		got, err := readKey(&bytesSource{b: []byte(in)})
		if err != nil || got != want {
			t.Errorf("%q: %+v %v, want %+v", in, got, err, want)
		}
	}
}

// TestEditorMenuComplete drives MenuComplete (Ctrl+Space, a NUL byte):
// what each key does to the line, and what the menu looks like.
func TestEditorMenuComplete(t *testing.T) {
	keys := []struct{ name, keys, want string }{
		{"enter accepts without running", "Get-M\x00\x1b[B\r\r", "Get-MailboxStatistics"},
		{"escape puts the line back", "Get-M\x00\x1b[B\x1b\xff\r", "Get-M"},
		{"ctrl+g puts the line back", "Get-M\x00\x1b[B\x07\r", "Get-M"},
		{"typing narrows", "Get-M\x00e\r\r", "Get-Member"},
		{"typing what matches nothing keeps the candidate up to the cursor", "Get-M\x00ax\r", "Get-Max"},
		{"space accepts and is typed", "Get-M\x00\x1b[B \r", "Get-MailboxStatistics "},
		{"tab moves on", "Get-M\x00\t\t\r\r", "Get-Member"},
		{"shift+tab moves back", "Get-M\x00\x1b[Z\r\r", "Get-Member"},
		{"up wraps to the last", "Get-M\x00\x1b[A\r\r", "Get-Member"},
		{"right goes along the row, then to the next row", "Get-M\x00\x1b[C\r\r", "Get-MailboxStatistics"},
		{"left from the first goes to the last", "Get-M\x00\x1b[D\r\r", "Get-Member"},
		{"backspace widens after typing", "Get-M\x00e\x7f\x1b[B\r\r", "Get-MailboxStatistics"},
		{"backspace at the start closes the menu and deletes", "Get-M\x00\x7f\x7f\r", "Get-"},
		{"another key accepts and is handled", "Get-M\x00\x01X\r", "XGet-Mailbox"},
		{"one candidate is put in place", "Get-Mailbox\x00\r", "Get-Mailbox"},
		{"ctrl+z undoes the whole completion", "Get-M\x00\x1b[B\r\x1a\r", "Get-M"},
		{"a tab after the menu starts afresh", "Get-M\x1b[Z\x1b[Z\x1b[Z\x00\x1b[B\r\t\r", "Get-MailboxStatistics"},
	}
	for _, tc := range keys {
		t.Run(tc.name, func(t *testing.T) {
			got, err, sc := runEditor(t, 40, tc.keys)
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q\nscreen:\n%s", got, err, tc.want, strings.Join(sc.text(), "\n"))
			}
		})
	}

	screens := []struct {
		name  string
		width int
		keys  string
		rows  []string
		sel   []string
		x, y  int
	}{
		{"one column", 40, "Get-M\x00\x1b[B", []string{"P> Get-MailboxStatistics", "Get-Mailbox", "Get-MailboxStatistics", "Get-Member"},
			[]string{"ailboxStatistics", "Get-MailboxStatistics  "}, 8, 0},
		{"columns", 80, "Get-M\x00", []string{"P> Get-Mailbox", "Get-Mailbox            Get-MailboxStatistics  Get-Member"},
			[]string{"ailbox", "Get-Mailbox            "}, 8, 0},
		{"columns, the last selected", 80, "Get-M\x00\x1b[A", []string{"P> Get-Member", "Get-Mailbox            Get-MailboxStatistics  Get-Member"},
			[]string{"ember", "Get-Member             "}, 8, 0},
		{"narrowed", 40, "Get-M\x00ailboxS", []string{"P> Get-MailboxStatistics", "Get-MailboxStatistics"},
			[]string{"tatistics", "Get-MailboxStatistics  "}, 15, 0},
		{"closed after enter", 40, "Get-M\x00\x1b[B\r", []string{"P> Get-MailboxStatistics"}, nil, 24, 0},
		{"closed after escape", 40, "Get-M\x00\x1b[B\x1b\xff", []string{"P> Get-M"}, nil, 8, 0},
	}
	for _, tc := range screens {
		t.Run(tc.name, func(t *testing.T) {
			sc := screenAtEnd(t, tc.width, tc.keys)
			x, y := sc.cursor()
			if got := sc.text(); strings.Join(got, "\n") != strings.Join(tc.rows, "\n") || x != tc.x || y != tc.y {
				t.Fatalf("screen:\n%s\ncursor %d,%d\nwant:\n%s\ncursor %d,%d", strings.Join(got, "\n"), x, y, strings.Join(tc.rows, "\n"), tc.x, tc.y)
			}
			if got := sc.selected(); strings.Join(got, "|") != strings.Join(tc.sel, "|") {
				t.Fatalf("selected %q, want %q", got, tc.sel)
			}
		})
	}
}

func TestMenuMoves(t *testing.T) {
	// 15 items in 5 columns of 3 rows, as PSReadLine's own example.
	items := make([]string, 15)
	m := &menu{items: items, rows: 3, cols: 5}
	var got []int
	for i := 0; i < 6; i++ {
		m.right()
		got = append(got, m.sel)
	}
	for i := 0; i < 4; i++ {
		m.left()
		got = append(got, m.sel)
	}
	m.sel = 0
	m.left()
	got = append(got, m.sel)
	m.right()
	got = append(got, m.sel)
	m.sel = 4
	m.pageDown()
	got = append(got, m.sel)
	m.pageUp()
	got = append(got, m.sel)
	want := []int{3, 6, 9, 12, 1, 4, 1, 12, 9, 6, 14, 0, 5, 3}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("moves %v, want %v", got, want)
	}
	// 14 items: the last row has a hole at its end.
	m = &menu{items: make([]string, 14), rows: 3, cols: 5}
	m.left()
	if m.sel != 11 {
		t.Fatalf("left from the first of 14: %d, want 11", m.sel)
	}
}

func TestListText(t *testing.T) {
	for in, want := range map[string]string{
		"Get-Mailbox": "Get-Mailbox", "-Identity": "Identity", "$PSVersionTable": "PSVersionTable",
		"'annb'": "annb", `"carol o"`: "carol o", "./hello.ps1": "hello.ps1", "./sub/": "sub",
		"contoso.com/Users/annb": "contoso.com/Users/annb", "-1": "-1",
	} {
		if got := listText(in); got != want {
			t.Errorf("listText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseCPR(t *testing.T) {
	cases := []struct {
		in           string
		at, row, col int
		ok           bool
	}{
		{"\x1b[12;40R", 0, 12, 40, true},
		{"ab\x1b[1;1R", 2, 1, 1, true},
		{"\x1b[12R", 0, 0, 0, false},
		{"\x1b[0;5R", 0, 0, 0, false},
		{"x", 0, 0, 0, false},
	}
	for _, tc := range cases {
		at, row, col, ok := parseCPR([]byte(tc.in))
		if at != tc.at || row != tc.row || col != tc.col || ok != tc.ok {
			t.Errorf("%q: %d %d %d %v", tc.in, at, row, col, ok)
		}
	}
}

// TestChanSource: bytes given back are read first; a resize wakes a
// blocking read as the Resize key, once however many signals came.
func TestChanSource(t *testing.T) {
	r, w := io.Pipe()
	s := newChanSource(r)
	s.resized()
	s.resized()
	if k, err := readKey(s); err != nil || k.name != kResize {
		t.Fatalf("after a resize: %+v %v", k, err)
	}
	go w.Write([]byte("z"))
	if k, err := readKey(s); err != nil || k.r != 'z' {
		t.Fatalf("after the resize: %+v %v", k, err)
	}
	s.unread([]byte("ab"))
	for _, want := range "ab" {
		if k, err := readKey(s); err != nil || k.r != want {
			t.Fatalf("unread: %+v %v, want %q", k, err, want)
		}
	}
	w.Close()
	if _, err := readKey(s); !errors.Is(err, io.EOF) {
		t.Fatalf("at the end: %v", err)
	}
}

// TestEditorResized: after a resize the cursor's row within the entry is
// where the character it was on falls at the new width.
func TestEditorResized(t *testing.T) {
	width := 40
	tm := newTestTerminal(&bytesSource{}, io.Discard, 0)
	tm.width = func() int { return width }
	e := tm.newEdit("P> ", modeCommand)
	e.buf = []rune("0123456789abcdefghij東京0123456789")
	e.pos = 22 // on 京: cell 3+20+2 = 25
	e.render()
	if e.curRow != 0 {
		t.Fatalf("at 40 columns: row %d", e.curRow)
	}
	for _, tc := range []struct{ w, row int }{{10, 2}, {24, 1}, {13, 2}, {80, 0}} {
		width = tc.w
		e.resized()
		if e.curRow != tc.row {
			t.Errorf("at %d columns: row %d, want %d", tc.w, e.curRow, tc.row)
		}
	}
}

// TestEditorMenuTooTall: when the menu and the entry do not fit on the
// screen together, MenuComplete lists the candidates instead and draws
// the entry again under them.
func TestEditorMenuTooTall(t *testing.T) {
	sc := newScreen(20, 10)
	var snap []string
	src := &bytesSource{b: []byte("Get-M\x00")}
	src.atEnd = func() { snap = sc.text() }
	tm := newTestTerminal(src, screenWriter{sc}, 20)
	tm.testRows = 3
	tm.Complete = testCompleter
	tm.ReadCommand("P> ")
	want := []string{"P> Get-M", "Get-Mailbox", "Get-MailboxStatis...", "Get-Member", "P> Get-M"}
	if strings.Join(snap, "\n") != strings.Join(want, "\n") {
		t.Fatalf("screen:\n%s\nwant:\n%s", strings.Join(snap, "\n"), strings.Join(want, "\n"))
	}
}
