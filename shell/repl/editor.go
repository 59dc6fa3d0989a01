package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/mattn/go-runewidth"
	"golang.org/x/term"
)

// Terminal is exosim's line editor: PSReadLine's Emacs key bindings (with
// the Windows-mode keys admins expect: Escape reverts the line,
// Ctrl+Left/Right move by word, Shift+Tab cycles completions backwards,
// Ctrl+Z undoes), multi-line entries with ">> " continuation rows, exact
// placement of wide (East Asian) characters, reverse history search and
// tab completion. It puts the terminal in raw mode only while it reads,
// so Ctrl+C interrupts a running command as a signal.
type Terminal struct {
	in    *os.File
	out   io.Writer
	src   byteSource
	inFd  int
	outFd int

	// History holds the entries; nil keeps none.
	History *History
	// Complete returns the candidates (full replacement texts) for the
	// text before pos and where the replaced part starts; nil disables
	// completion.
	Complete func(line []rune, pos int) (cands []string, start int)
	// Incomplete reports whether Enter must continue the entry on a new
	// row (the parser wants more input).
	Incomplete func(text string) bool
	// Color paints ^C as PSReadLine does.
	Color bool
	// AtLineStart reports whether the output so far ended a line; when it
	// did not (Write-Host -NoNewline), the prompt starts on a new row, as
	// PowerShell's host does.
	AtLineStart func() bool

	width func() int
}

// ErrEOF is returned for Ctrl+D on an empty line.
var ErrEOF = io.EOF

// NewTerminal opens the editor on the process's terminal; it draws on
// out (the terminal, or a writer in front of it, see LineTracker).
func NewTerminal(in *os.File, tty *os.File, out io.Writer) *Terminal {
	t := &Terminal{in: in, out: out, inFd: int(in.Fd()), outFd: int(tty.Fd())}
	t.src = newChanSource(in)
	t.width = func() int {
		w, _, err := term.GetSize(t.outFd)
		if err != nil || w <= 0 {
			return 80
		}
		return w
	}
	return t
}

// newTestTerminal runs the editor over a byte source and a writer with a
// fixed width (tests).
func newTestTerminal(src byteSource, out io.Writer, width int) *Terminal {
	return &Terminal{src: src, out: out, inFd: -1, outFd: -1, width: func() int { return width }}
}

// Size returns the terminal's columns and rows.
func (t *Terminal) Size() (cols, rows int) {
	if t.outFd < 0 {
		return t.width(), 24
	}
	w, h, err := term.GetSize(t.outFd)
	if err != nil || w <= 0 {
		return 80, 24
	}
	return w, h
}

// raw puts the terminal in raw mode and returns the function restoring
// it.
func (t *Terminal) raw() func() {
	if t.inFd < 0 {
		return func() {}
	}
	st, err := term.MakeRaw(t.inFd)
	if err != nil {
		return func() {}
	}
	return func() { term.Restore(t.inFd, st) }
}

// ReadCommand reads one entry for the REPL with history and completion;
// Enter on input the parser finds incomplete starts a ">> " row.
func (t *Terminal) ReadCommand(prompt string) (string, error) {
	if t.AtLineStart != nil && !t.AtLineStart() {
		t.write("\r\n")
	}
	defer t.raw()()
	e := t.newEdit(prompt, modeCommand)
	return e.run()
}

// ReadLine reads a line for the host (Read-Host, the answer to a
// prompt): editing keys, no history and no completion. The prompt is the
// text already on the row after the last newline of what was written.
func (t *Terminal) ReadLine(prompt string) (string, error) {
	defer t.raw()()
	e := t.newEdit(prompt, modeLine)
	return e.run()
}

// ReadPassword reads a line showing one * per character.
func (t *Terminal) ReadPassword(prompt string) (string, error) {
	defer t.raw()()
	e := t.newEdit(prompt, modePassword)
	return e.run()
}

// ReadKey waits for one key press and returns its character (0 for keys
// without one); Ctrl+C returns ErrInterrupt.
func (t *Terminal) ReadKey() (rune, error) {
	defer t.raw()()
	k, err := readKey(t.src)
	if err != nil {
		return 0, err
	}
	if k.name == "" && k.r == 3 {
		return 0, ErrInterrupt
	}
	if k.name != "" {
		return 0, nil
	}
	return k.r, nil
}

func (t *Terminal) write(s string) { io.WriteString(t.out, s) }

type editMode int

const (
	modeCommand editMode = iota
	modeLine
	modePassword
)

// edit is the state of one line being read.
type edit struct {
	t      *Terminal
	mode   editMode
	prompt string
	cont   string
	buf    []rune
	pos    int
	// curRow is the terminal cursor's row relative to the first row of
	// the prompt after the last render.
	curRow int
	status string

	undo    [][]rune
	undoPos []int
	kill    []rune

	hist    int    // index in History.Entries while browsing; len = the new line
	saved   []rune // the new line, kept while browsing history
	lastKey string // command of the previous key (completion cycling)

	cycle *cycleState
	tabs  int
}

type cycleState struct {
	cands []string
	start int
	end   int
	idx   int
}

func (t *Terminal) newEdit(prompt string, mode editMode) *edit {
	e := &edit{t: t, mode: mode, prompt: prompt, cont: Continuation}
	if t.History != nil {
		e.hist = len(t.History.Entries)
	}
	return e
}

func (e *edit) run() (string, error) {
	e.render()
	for {
		k, err := readKey(e.t.src)
		if err != nil {
			e.finish()
			if len(e.buf) > 0 && errors.Is(err, io.EOF) {
				return string(e.buf), nil
			}
			return "", err
		}
		done, line, err := e.handle(k)
		if done {
			return line, err
		}
		if !e.t.src.pending() {
			e.render()
		}
	}
}

// finish moves the cursor below the entry.
func (e *edit) finish() {
	e.pos = len(e.buf)
	e.status = ""
	e.render()
	e.t.write("\r\n")
}

func (e *edit) text() string { return string(e.buf) }

func (e *edit) snapshot() {
	e.undo = append(e.undo, append([]rune(nil), e.buf...))
	e.undoPos = append(e.undoPos, e.pos)
}

func (e *edit) setBuf(b []rune, pos int) {
	e.buf = b
	e.pos = pos
}

func (e *edit) insert(rs ...rune) {
	e.snapshot()
	nb := make([]rune, 0, len(e.buf)+len(rs))
	nb = append(nb, e.buf[:e.pos]...)
	nb = append(nb, rs...)
	nb = append(nb, e.buf[e.pos:]...)
	e.setBuf(nb, e.pos+len(rs))
}

func (e *edit) deleteRange(from, to int, toKill bool) {
	if from < 0 {
		from = 0
	}
	if to > len(e.buf) {
		to = len(e.buf)
	}
	if from >= to {
		return
	}
	e.snapshot()
	if toKill {
		e.kill = append([]rune(nil), e.buf[from:to]...)
	}
	nb := append(append([]rune(nil), e.buf[:from]...), e.buf[to:]...)
	e.setBuf(nb, from)
}

// handle runs the command bound to k; done ends the read.
func (e *edit) handle(k key) (done bool, line string, err error) {
	cmd := e.command(k)
	prev := e.lastKey
	e.lastKey = cmd
	if cmd != "complete" && cmd != "completePrev" && cmd != "completeNext" {
		e.cycle = nil
		e.tabs = 0
	}
	_ = prev
	switch cmd {
	case "insert":
		e.insert(k.r)
	case "accept":
		if e.mode == modeCommand && e.t.Incomplete != nil && e.t.Incomplete(e.text()) {
			e.insert('\n')
			return false, "", nil
		}
		e.finish()
		return true, e.text(), nil
	case "newline":
		e.insert('\n')
	case "cancel":
		e.pos = len(e.buf)
		e.status = ""
		e.render()
		if e.mode == modeCommand {
			if e.t.Color {
				e.t.write("\x1b[91m^C\x1b[0m")
			} else {
				e.t.write("^C")
			}
		}
		e.t.write("\r\n")
		return true, "", ErrInterrupt
	case "eof":
		if len(e.buf) == 0 {
			e.finish()
			return true, "", io.EOF
		}
		e.deleteRange(e.pos, e.pos+1, false)
	case "backDelete":
		if e.pos > 0 {
			e.deleteRange(e.pos-1, e.pos, false)
		}
	case "delete":
		e.deleteRange(e.pos, e.pos+1, false)
	case "left":
		if e.pos > 0 {
			e.pos--
		}
	case "right":
		if e.pos < len(e.buf) {
			e.pos++
		}
	case "home":
		s := e.lineStart(e.pos)
		if s == e.pos {
			s = 0
		}
		e.pos = s
	case "end":
		s := e.lineEnd(e.pos)
		if s == e.pos {
			s = len(e.buf)
		}
		e.pos = s
	case "backWord":
		e.pos = e.backwardWord()
	case "forwardWord":
		e.pos = e.forwardWord()
	case "nextWord":
		e.pos = e.nextWord()
	case "killLine":
		e.deleteRange(e.pos, e.lineEnd(e.pos), true)
	case "killInput":
		e.deleteRange(0, e.pos, true)
	case "unixWordRubout":
		i := e.pos
		for i > 0 && unicode.IsSpace(e.buf[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(e.buf[i-1]) {
			i--
		}
		e.deleteRange(i, e.pos, true)
	case "backKillWord":
		e.deleteRange(e.backwardWord(), e.pos, true)
	case "killWord":
		e.deleteRange(e.pos, e.forwardWord(), true)
	case "yank":
		if len(e.kill) > 0 {
			e.insert(e.kill...)
		}
	case "swap":
		if e.pos > 0 && len(e.buf) > 1 {
			e.snapshot()
			i := e.pos
			if i == len(e.buf) {
				i--
			}
			e.buf[i-1], e.buf[i] = e.buf[i], e.buf[i-1]
			e.pos = i + 1
		}
	case "undo":
		if n := len(e.undo); n > 0 {
			e.buf, e.pos = e.undo[n-1], e.undoPos[n-1]
			e.undo, e.undoPos = e.undo[:n-1], e.undoPos[:n-1]
		}
	case "revert":
		if len(e.undo) > 0 {
			e.buf, e.pos = e.undo[0], 0
			e.undo, e.undoPos = nil, nil
		}
		e.pos = len(e.buf)
		if len(e.undo) == 0 && e.hist == e.histLen() {
			e.buf, e.pos = nil, 0
		}
	case "prevHistory":
		e.historyMove(-1)
	case "nextHistory":
		e.historyMove(+1)
	case "search":
		return e.search(-1)
	case "searchForward":
		return e.search(+1)
	case "clearScreen":
		e.t.write("\x1b[H\x1b[2J")
		e.curRow = 0
	case "complete":
		e.complete()
	case "completeNext":
		e.cycleComplete(+1)
	case "completePrev":
		e.cycleComplete(-1)
	case "menuComplete", "possible":
		e.possibleCompletions(true)
	}
	return false, "", nil
}

// command names the editing function bound to k (PSReadLine's Emacs
// bindings plus the Windows-mode keys).
func (e *edit) command(k key) string {
	if k.name != "" {
		switch k.name {
		case kLeft:
			return "left"
		case kRight:
			return "right"
		case kHome:
			return "home"
		case kEnd:
			return "end"
		case kDelete:
			return "delete"
		case kUp:
			return "prevHistory"
		case kDown:
			return "nextHistory"
		case kCtrlLeft:
			return "backWord"
		case kCtrlRight:
			return "nextWord"
		case kShiftTab:
			return "completePrev"
		case kEscape:
			return "revert"
		case kAlt:
			switch unicode.ToLower(k.r) {
			case 'b':
				return "backWord"
			case 'f':
				return "forwardWord"
			case 'd':
				return "killWord"
			case 'r':
				return "revert"
			case '=':
				return "possible"
			case 0x7f, 0x08:
				return "backKillWord"
			}
		}
		return ""
	}
	switch k.r {
	case '\r', '\n':
		return "accept"
	case 0x7f, 0x08:
		return "backDelete"
	case 0x01:
		return "home"
	case 0x02:
		return "left"
	case 0x03:
		return "cancel"
	case 0x04:
		return "eof"
	case 0x05:
		return "end"
	case 0x06:
		return "right"
	case 0x0b:
		return "killLine"
	case 0x0c:
		return "clearScreen"
	case 0x0e:
		return "nextHistory"
	case 0x10:
		return "prevHistory"
	case 0x12:
		return "search"
	case 0x13:
		return "searchForward"
	case 0x14:
		return "swap"
	case 0x15:
		return "killInput"
	case 0x17:
		return "unixWordRubout"
	case 0x19:
		return "yank"
	case 0x1a, 0x1f:
		return "undo"
	case '\t':
		return "complete"
	case 0x00:
		return "menuComplete"
	}
	if k.r < 0x20 {
		return ""
	}
	return "insert"
}

func (e *edit) histLen() int {
	if e.t.History == nil {
		return 0
	}
	return len(e.t.History.Entries)
}

func (e *edit) historyMove(d int) {
	if e.mode != modeCommand || e.t.History == nil {
		return
	}
	n := e.histLen()
	to := e.hist + d
	if to < 0 || to > n {
		return
	}
	if e.hist == n {
		e.saved = append([]rune(nil), e.buf...)
	}
	e.hist = to
	if to == n {
		e.buf = append([]rune(nil), e.saved...)
	} else {
		e.buf = []rune(e.t.History.Entries[to])
	}
	e.pos = len(e.buf)
	e.undo, e.undoPos = nil, nil
}

func (e *edit) lineStart(i int) int {
	for i > 0 && e.buf[i-1] != '\n' {
		i--
	}
	return i
}

func (e *edit) lineEnd(i int) int {
	for i < len(e.buf) && e.buf[i] != '\n' {
		i++
	}
	return i
}

// wordDelimiters are PSReadLine's default word delimiters.
const wordDelimiters = ";:,.[]{}()/\\|!?^&*-=+'\"\u2013\u2014\u2015"

func (e *edit) inWord(i int) bool {
	r := e.buf[i]
	return !unicode.IsSpace(r) && !strings.ContainsRune(wordDelimiters, r)
}

func (e *edit) backwardWord() int {
	i := e.pos - 1
	if i < 0 {
		return 0
	}
	if !e.inWord(i) {
		for i > 0 && !e.inWord(i) {
			i--
		}
	}
	for i > 0 {
		if !e.inWord(i) {
			return i + 1
		}
		i--
	}
	return i
}

func (e *edit) forwardWord() int {
	i := e.pos
	for i < len(e.buf) && !e.inWord(i) {
		i++
	}
	for i < len(e.buf) && e.inWord(i) {
		i++
	}
	return i
}

func (e *edit) nextWord() int {
	i := e.pos
	for i < len(e.buf) && e.inWord(i) {
		i++
	}
	for i < len(e.buf) && !e.inWord(i) {
		i++
	}
	return i
}

// search is PSReadLine's interactive history search: the status row shows
// "bck-i-search: " (or "fwd-i-search: ") and the text typed so far, the
// line shows the match with the cursor on it. Ctrl+R/Ctrl+S look further,
// Backspace shortens the text, Escape keeps the line, Ctrl+G restores
// the original, any other control key ends the search and runs.
func (e *edit) search(dir int) (bool, string, error) {
	if e.mode != modeCommand || e.t.History == nil {
		return false, "", nil
	}
	origBuf, origPos, origHist := append([]rune(nil), e.buf...), e.pos, e.hist
	if e.hist == e.histLen() {
		e.saved = append([]rune(nil), e.buf...)
	}
	var q []rune
	type stop struct{ hist, pos int }
	stack := []stop{{e.hist, e.pos}}
	failed := false
	show := func() {
		p := "bck-i-search: "
		if dir > 0 {
			p = "fwd-i-search: "
		}
		if failed {
			p = "failed-" + p
		}
		e.status = p + string(q) + "_"
		e.render()
	}
	find := func(from int, d int) bool {
		entries := e.t.History.Entries
		needle := strings.ToLower(string(q))
		for i := from; i >= 0 && i < len(entries); i += d {
			hay := []rune(entries[i])
			if idx := strings.Index(strings.ToLower(entries[i]), needle); idx >= 0 {
				e.hist = i
				e.buf = hay
				e.pos = len([]rune(strings.ToLower(entries[i])[:idx]))
				return true
			}
		}
		return false
	}
	show()
	for {
		k, err := readKey(e.t.src)
		if err != nil {
			return true, "", err
		}
		switch {
		case k.name == "" && (k.r == 0x12 || k.r == 0x13):
			d := -1
			if k.r == 0x13 {
				d = 1
			}
			dir = d
			failed = !find(e.hist+d, d)
		case k.name == "" && (k.r == 0x7f || k.r == 0x08):
			if len(q) > 0 {
				q = q[:len(q)-1]
				stack = stack[:len(stack)-1]
				top := stack[len(stack)-1]
				e.hist = top.hist
				if e.hist < e.histLen() {
					e.buf = []rune(e.t.History.Entries[e.hist])
				} else {
					e.buf = append([]rune(nil), e.saved...)
				}
				e.pos = top.pos
				failed = false
			}
		case k.name == kEscape:
			e.status = ""
			return false, "", nil
		case k.name == "" && k.r == 0x07:
			e.buf, e.pos, e.hist = origBuf, origPos, origHist
			e.status = ""
			return false, "", nil
		case k.name != "" || k.r < 0x20:
			e.status = ""
			return e.handle(k)
		default:
			q = append(q, k.r)
			needle := strings.ToLower(string(q))
			cur := strings.ToLower(string(e.buf))
			if idx := strings.Index(cur, needle); idx >= 0 && e.hist < e.histLen() {
				e.pos = len([]rune(cur[:idx]))
			} else {
				start := e.hist
				if start >= e.histLen() || dir < 0 {
					start = e.hist - 1
				} else {
					start = e.hist + 1
				}
				failed = !find(start, dir)
			}
			stack = append(stack, stop{e.hist, e.pos})
		}
		show()
	}
}

// ---------------------------------------------------------------------------
// Completion

// completionQueryItems is PSReadLine's threshold for asking before a list
// is shown.
const completionQueryItems = 100

func (e *edit) candidates() ([]string, int) {
	if e.mode != modeCommand || e.t.Complete == nil {
		return nil, 0
	}
	cands, start := safeComplete(e.t.Complete, e.buf, e.pos)
	if start < 0 || start > e.pos {
		return nil, 0
	}
	return cands, start
}

func safeComplete(f func([]rune, int) ([]string, int), buf []rune, pos int) (c []string, s int) {
	defer func() {
		if recover() != nil {
			c, s = nil, 0
		}
	}()
	return f(append([]rune(nil), buf...), pos)
}

func (e *edit) replace(start, end int, with string) {
	e.snapshot()
	rs := []rune(with)
	nb := append(append(append([]rune(nil), e.buf[:start]...), rs...), e.buf[end:]...)
	e.setBuf(nb, start+len(rs))
}

// complete is Emacs-mode Complete: a single candidate replaces the word;
// several insert their common prefix, and a second Tab (or no common
// prefix) lists them.
func (e *edit) complete() {
	if e.cycle != nil {
		e.cycleComplete(+1)
		return
	}
	cands, start := e.candidates()
	if len(cands) == 0 {
		return
	}
	if e.tabs > 0 {
		if len(cands) > 1 {
			e.showList(cands)
		}
		return
	}
	e.tabs++
	if len(cands) == 1 {
		e.replace(start, e.pos, cands[0])
		return
	}
	prefix := commonPrefixFold(cands)
	if len([]rune(prefix)) > 0 && len([]rune(prefix)) >= e.pos-start {
		e.replace(start, e.pos, prefix)
		return
	}
	e.showList(cands)
}

// cycleComplete is TabCompleteNext / TabCompletePrevious: each press puts
// the next (previous) candidate in place of the word.
func (e *edit) cycleComplete(d int) {
	if e.cycle == nil {
		cands, start := e.candidates()
		if len(cands) == 0 {
			return
		}
		idx := 0
		if d < 0 {
			idx = len(cands) - 1
		}
		e.cycle = &cycleState{cands: cands, start: start, end: e.pos, idx: idx}
	} else {
		n := len(e.cycle.cands)
		e.cycle.idx = ((e.cycle.idx+d)%n + n) % n
	}
	c := e.cycle.cands[e.cycle.idx]
	e.replace(e.cycle.start, e.cycle.end, c)
	e.cycle.end = e.cycle.start + len([]rune(c))
}

// possibleCompletions lists the candidates (menu: a single one is put in
// place at once).
func (e *edit) possibleCompletions(menu bool) {
	cands, start := e.candidates()
	switch {
	case len(cands) == 0:
		return
	case len(cands) == 1 && menu:
		e.replace(start, e.pos, cands[0])
		return
	}
	e.showList(cands)
}

// showList prints the candidates in columns below the entry and draws the
// entry again under them; long lists ask first.
func (e *edit) showList(cands []string) {
	if len(cands) >= completionQueryItems {
		e.status = fmt.Sprintf("Display all %d possibilities? (y or n) _", len(cands))
		e.render()
		k, err := readKey(e.t.src)
		e.status = ""
		if err != nil || k.name != "" || (k.r != 'y' && k.r != 'Y') {
			e.render()
			return
		}
	}
	e.pos2end()
	w := e.t.width()
	maxw := 0
	for _, c := range cands {
		if n := cells(c); n > maxw {
			maxw = n
		}
	}
	colw := maxw + 2
	ncols := w / colw
	if ncols < 1 {
		ncols = 1
	}
	nrows := (len(cands) + ncols - 1) / ncols
	var b strings.Builder
	b.WriteString("\r\n")
	for r := 0; r < nrows; r++ {
		for c := 0; c < ncols; c++ {
			i := c*nrows + r
			if i >= len(cands) {
				break
			}
			item := cands[i]
			b.WriteString(item)
			if c < ncols-1 && (c+1)*nrows+r < len(cands) {
				b.WriteString(strings.Repeat(" ", colw-cells(item)))
			}
		}
		b.WriteString("\x1b[K\r\n")
	}
	e.t.write(b.String())
	e.curRow = 0
}

// pos2end renders with the terminal cursor after the entry (and moves it
// to the row below the last one) without changing the edit position.
func (e *edit) pos2end() {
	keep := e.pos
	e.pos = len(e.buf)
	e.status = ""
	e.render()
	e.pos = keep
}

func commonPrefixFold(cs []string) string {
	p := []rune(cs[0])
	for _, c := range cs[1:] {
		r := []rune(c)
		n := 0
		for n < len(p) && n < len(r) && unicode.ToLower(p[n]) == unicode.ToLower(r[n]) {
			n++
		}
		p = p[:n]
	}
	return string(p)
}

// ---------------------------------------------------------------------------
// Rendering

var widthCond = func() *runewidth.Condition {
	c := runewidth.NewCondition()
	c.EastAsianWidth = false
	return c
}()

func runeCells(r rune) int {
	if r == '\t' {
		return 1
	}
	if r < 0x20 {
		return 2 // shown as ^X
	}
	return widthCond.RuneWidth(r)
}

func cells(s string) int {
	n := 0
	for _, r := range s {
		n += runeCells(r)
	}
	return n
}

type cell struct{ row, col int }

// layout places every rune of the entry (and the end) on the screen for
// a width of w cells: the prompt first, ">> " after each newline, a wide
// character that does not fit the rest of a row moves whole to the next
// one. pad[i] is the number of blank cells written before rune i.
func (e *edit) layout(w int) (at []cell, pad []int, end cell) {
	row, col := 0, cells(e.prompt)
	for col > w && w > 0 {
		row++
		col -= w
	}
	at = make([]cell, len(e.buf))
	pad = make([]int, len(e.buf))
	for i, r := range e.buf {
		if r == '\n' {
			at[i] = cell{row, col}
			row++
			col = cells(e.cont)
			continue
		}
		cw := e.cellsOf(r)
		if col+cw > w {
			pad[i] = w - col
			if pad[i] < 0 {
				pad[i] = 0
			}
			row++
			col = 0
		}
		at[i] = cell{row, col}
		col += cw
	}
	if col >= w {
		row++
		col = 0
	}
	return at, pad, cell{row, col}
}

func (e *edit) cellsOf(r rune) int {
	if e.mode == modePassword {
		return 1
	}
	return runeCells(r)
}

func (e *edit) glyph(r rune) string {
	switch {
	case e.mode == modePassword:
		return "*"
	case r == '\t':
		return " "
	case r < 0x20:
		return "^" + string(r+'@')
	}
	return string(r)
}

// render draws the prompt and the entry from the first row, clears what
// is left of an earlier, longer drawing and puts the cursor at the edit
// position.
func (e *edit) render() {
	w := e.t.width()
	at, pad, end := e.layout(w)
	var b strings.Builder
	if e.curRow > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", e.curRow)
	}
	b.WriteString("\r")
	b.WriteString(e.prompt)
	col := cells(e.prompt) % max(w, 1)
	if cells(e.prompt) > 0 && col == 0 {
		col = w
	}
	for i, r := range e.buf {
		if r == '\n' {
			if col < w {
				b.WriteString("\x1b[K")
			}
			b.WriteString("\r\n")
			b.WriteString(e.cont)
			col = cells(e.cont)
			continue
		}
		if pad[i] > 0 {
			b.WriteString(strings.Repeat(" ", pad[i]))
		}
		if pad[i] > 0 || col >= w {
			col = 0
		}
		b.WriteString(e.glyph(r))
		col += e.cellsOf(r)
	}
	termRow, termCol := end.row, end.col
	if end.col == 0 && col >= w {
		// The last row is exactly full: go to the next row explicitly
		// (the terminal waits at the margin otherwise).
		b.WriteString("\r\n")
	}
	if e.status != "" {
		b.WriteString("\x1b[K\r\n")
		b.WriteString(e.status)
		termRow++
		sc := cells(e.status)
		termRow += sc / max(w, 1)
		termCol = sc % max(w, 1)
	}
	b.WriteString("\x1b[J")
	target := end
	if e.pos < len(e.buf) {
		target = at[e.pos]
		if e.buf[e.pos] != '\n' && pad[e.pos] > 0 {
			target = at[e.pos]
		}
	}
	if up := termRow - target.row; up > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", up)
	}
	if target.col != termCol || true {
		b.WriteString("\r")
		if target.col > 0 {
			fmt.Fprintf(&b, "\x1b[%dC", target.col)
		}
	}
	e.curRow = target.row
	e.t.write(b.String())
}

// LineTracker passes writes through and remembers whether the last byte
// written ended a line.
type LineTracker struct {
	W   io.Writer
	mid atomic.Bool
}

func (l *LineTracker) Write(p []byte) (int, error) {
	n, err := l.W.Write(p)
	if n > 0 {
		l.mid.Store(p[n-1] != '\n')
	}
	return n, err
}

// AtLineStart reports whether the output so far ended a line.
func (l *LineTracker) AtLineStart() bool { return !l.mid.Load() }
