package repl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"golang.org/x/term"

	"github.com/exosim/exosim/shell/host"
)

// Terminal is exosim's line editor: PSReadLine's Emacs key bindings (with
// the Windows-mode keys admins expect: Escape reverts the line,
// Ctrl+Left/Right move by word, Shift+Tab cycles completions backwards,
// Ctrl+Z undoes), multi-line entries with ">> " continuation rows, exact
// placement of wide (East Asian) characters, reverse history search, tab
// completion with MenuComplete's menu (Ctrl+Space), and a redraw at the
// new width when the terminal is resized. It puts the terminal in raw
// mode only while it reads, so Ctrl+C interrupts a running command as a
// signal.
type Terminal struct {
	in    *os.File
	tty   *os.File
	out   io.Writer
	src   byteSource
	inFd  int
	outFd int
	// noCPR is set once the terminal failed to answer a cursor position
	// query (it is not asked again).
	noCPR bool

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

	// Keys rebinds keys (Set-PSReadLineKeyHandler): a key's name, as
	// keyNames spells it, to an editing function's name (BindKey).
	Keys map[string]string

	width func() int
	// testRows is the screen height of a test terminal.
	testRows int
}

// ErrEOF is returned for Ctrl+D on an empty line.
var ErrEOF = io.EOF

// NewTerminal opens the editor on the process's terminal; it draws on
// out (the terminal, or a writer in front of it, see LineTracker).
func NewTerminal(in *os.File, tty *os.File, out io.Writer) *Terminal {
	t := &Terminal{in: in, tty: tty, out: out, inFd: int(in.Fd()), outFd: int(tty.Fd())}
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
	return &Terminal{src: src, out: out, inFd: -1, outFd: -1, width: func() int { return width }, testRows: 24}
}

// Size returns the terminal's columns and rows.
func (t *Terminal) Size() (cols, rows int) {
	if t.outFd < 0 {
		return t.width(), t.testRows
	}
	w, h, err := term.GetSize(t.outFd)
	if err != nil || w <= 0 {
		return 80, 24
	}
	return w, h
}

// Resized tells the editor that the terminal changed its size (on
// SIGWINCH): a line being edited is drawn again at the new width. It may
// be called from any goroutine.
func (t *Terminal) Resized() {
	if s, ok := t.src.(*chanSource); ok {
		s.resized()
	}
}

// cprWait bounds the wait for the terminal's answer to a cursor position
// query.
const cprWait = 2 * time.Second

// CursorPosition asks the terminal where the cursor is (ESC [ 6 n,
// answered with ESC [ row ; col R) and returns its column and row counted
// from 0, as .NET's console reports them. ok is false when the terminal
// does not answer; it is then not asked again. Keys typed meanwhile stay
// queued for the editor.
func (t *Terminal) CursorPosition() (x, y int, ok bool) {
	src, isChan := t.src.(*chanSource)
	if t.inFd < 0 || t.tty == nil || !isChan || t.noCPR {
		return 0, 0, false
	}
	defer t.raw()()
	if _, err := t.tty.WriteString("\x1b[6n"); err != nil {
		return 0, 0, false
	}
	var got []byte
	deadline := time.Now().Add(cprWait)
	for {
		wait := time.Until(deadline)
		if wait <= 0 {
			break
		}
		c, okb, err := src.next(wait)
		if err != nil || !okb {
			break
		}
		got = append(got, c)
		if c != 'R' {
			continue
		}
		if at, row, col, found := parseCPR(got); found {
			src.unread(got[:at])
			return col - 1, row - 1, true
		}
	}
	src.unread(got)
	t.noCPR = true
	return 0, 0, false
}

// parseCPR finds a cursor position report (ESC [ row ; col R) at the end
// of b and returns where it starts.
func parseCPR(b []byte) (at, row, col int, ok bool) {
	i := bytes.LastIndex(b, []byte("\x1b["))
	if i < 0 || b[len(b)-1] != 'R' {
		return 0, 0, 0, false
	}
	parts := strings.Split(string(b[i+2:len(b)-1]), ";")
	if len(parts) != 2 {
		return 0, 0, 0, false
	}
	r, err1 := strconv.Atoi(parts[0])
	c, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || r < 1 || c < 1 {
		return 0, 0, 0, false
	}
	return i, r, c, true
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
	for k.name == kResize {
		k, err = readKey(t.src)
	}
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

	// menu is the MenuComplete list drawn under the entry; nil when none.
	menu *menu
	// selFrom..selTo is the part of the entry shown selected (the rest of
	// the completion the menu put in).
	selFrom, selTo int
	// drawnPos is the edit position the cursor was drawn at last.
	drawnPos int
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
		if k.name == kResize {
			e.resized()
			e.render()
			continue
		}
		if err != nil {
			_, line, err := e.readFailed(err)
			return line, err
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

// readFailed ends the read when the input fails: at its end, what was
// typed is the line.
func (e *edit) readFailed(err error) (bool, string, error) {
	e.menu = nil
	e.selFrom, e.selTo = 0, 0
	e.finish()
	if len(e.buf) > 0 && errors.Is(err, io.EOF) {
		return true, string(e.buf), nil
	}
	return true, "", err
}

// resized follows a change of the terminal's width. Terminals that
// reflow their rows on a resize (tmux, VTE, Windows Terminal) keep the
// cursor on the character it was on, so the cursor's row within the
// entry is where that character falls at the new width; the next render
// draws from the first row again.
func (e *edit) resized() {
	at, _, end := e.layout(e.t.width())
	p := e.drawnPos
	switch {
	case p < len(at):
		e.curRow = at[p].row
	case p >= len(at):
		e.curRow = end.row
	}
	if e.menu != nil {
		e.menu = e.newMenu(e.menu.items, e.menu.sel)
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
	e.lastKey = cmd
	if cmd != "complete" && cmd != "completePrev" && cmd != "completeNext" && cmd != "menuComplete" {
		e.cycle = nil
		e.tabs = 0
	}
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
	case "menuComplete":
		again, err := e.menuComplete()
		if err != nil {
			return e.readFailed(err)
		}
		if again != nil {
			return e.handle(*again)
		}
	case "possible":
		e.possibleCompletions()
	}
	return false, "", nil
}

// command names the editing function bound to k (PSReadLine's Emacs
// bindings plus the Windows-mode keys).
func (e *edit) command(k key) string {
	if fn, ok := e.t.Keys[keyName(k)]; ok {
		return fn
	}
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
		case k.name == kResize:
			e.resized()
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
			e.listAsking(cands)
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
	e.listAsking(cands)
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

// possibleCompletions is PossibleCompletions: the candidates listed in
// columns below the entry, which is drawn again under them.
func (e *edit) possibleCompletions() {
	if cands, _ := e.candidates(); len(cands) > 0 {
		e.listAsking(cands)
	}
}

// confirmMany asks before a list of n candidates is shown when n reaches
// PSReadLine's threshold; y or Y answers yes.
func (e *edit) confirmMany(n int) bool {
	if n < completionQueryItems {
		return true
	}
	e.status = fmt.Sprintf("Display all %d possibilities? (y or n) _", n)
	e.render()
	k, err := readKey(e.t.src)
	for k.name == kResize {
		e.resized()
		e.render()
		k, err = readKey(e.t.src)
	}
	e.status = ""
	if err != nil || k.name != "" || (k.r != 'y' && k.r != 'Y') {
		e.render()
		return false
	}
	return true
}

// listAsking lists the candidates after asking when they are many.
func (e *edit) listAsking(cands []string) {
	if e.confirmMany(len(cands)) {
		e.showList(cands)
	}
}

// showList prints the candidates in columns below the entry and draws the
// entry again under them.
func (e *edit) showList(cands []string) {
	e.pos2end()
	m := e.newMenu(cands, -1)
	var b strings.Builder
	for r := 0; r < m.rows; r++ {
		b.WriteString("\r\n")
		m.drawRow(&b, r)
	}
	b.WriteString("\r\n")
	e.t.write(b.String())
	e.curRow = 0
}

// menu is the candidates laid out in columns as PSReadLine shows them:
// down each column first, every column as wide as the widest item plus
// two cells (at most the terminal's width), as many columns as fit.
type menu struct {
	items            []string
	rows, cols, colw int
	sel              int // the highlighted item; -1 for none
}

func (e *edit) newMenu(items []string, sel int) *menu {
	w := max(e.t.width(), 1)
	colw := 0
	for _, it := range items {
		colw = max(colw, cells(listText(it)))
	}
	colw = min(colw+2, w)
	cols := max(1, w/colw)
	return &menu{items: items, colw: colw, cols: cols, rows: (len(items) + cols - 1) / cols, sel: sel}
}

// drawRow writes row r of the menu, the selected item in reverse video
// over its whole column.
func (m *menu) drawRow(b *strings.Builder, r int) {
	for c := 0; c < m.cols; c++ {
		i := r + m.rows*c
		if i >= len(m.items) {
			break
		}
		text := menuCell(listText(m.items[i]), m.colw)
		if i == m.sel {
			b.WriteString(host.Reverse + text + host.ColorReset)
			continue
		}
		if c == m.cols-1 || r+m.rows*(c+1) >= len(m.items) {
			text = strings.TrimRight(text, " ")
		}
		b.WriteString(text)
	}
}

// menuCell fits an item to a column: padded with blanks, or cut with
// "..." when it is too wide.
func menuCell(item string, colw int) string {
	n := cells(item)
	if n <= colw {
		return item + strings.Repeat(" ", colw-n)
	}
	var b strings.Builder
	used := 0
	for _, r := range item {
		cw := runeCells(r)
		if used+cw > colw-3 {
			break
		}
		b.WriteRune(r)
		used += cw
	}
	return b.String() + strings.Repeat(".", min(3, colw-used)) + strings.Repeat(" ", max(0, colw-used-3))
}

// listText is how a candidate shows in a list: its first line, without
// the quotes around it, the - of a parameter or the $ of a variable, and
// a path as its last element.
func listText(c string) string {
	c = strings.TrimSpace(c)
	if i := strings.IndexAny(c, "\r\n"); i >= 0 {
		c = c[:i] + "..."
	}
	rs := []rune(c)
	switch {
	case len(rs) >= 2 && isQuoteRune(rs[0]) && rs[len(rs)-1] == rs[0]:
		c = string(rs[1 : len(rs)-1])
	case len(rs) >= 2 && (rs[0] == '-' || rs[0] == '$') && (unicode.IsLetter(rs[1]) || rs[1] == '_' || rs[1] == '{'):
		return string(rs[1:])
	}
	if strings.HasPrefix(c, "./") || strings.HasPrefix(c, "../") || strings.HasPrefix(c, "/") || strings.HasPrefix(c, "~/") {
		t := strings.TrimRight(c, "/")
		if i := strings.LastIndexByte(t, '/'); i >= 0 && i+1 < len(t) {
			return t[i+1:]
		}
	}
	return c
}

func isQuoteRune(r rune) bool {
	switch r {
	case '\'', '"', '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e':
		return true
	}
	return false
}

// Moves through the menu as PSReadLine's arrows do: Down and Up through
// the items in order (wrapping), Right and Left along a row, going on to
// the next (previous) row at its end, PageDown and PageUp to the last and
// first item of the selected column.
func (m *menu) right() {
	if m.sel+m.rows < len(m.items) {
		m.sel += m.rows
		return
	}
	row := m.sel % m.rows
	if row == m.rows-1 {
		m.sel = 0
	} else {
		m.sel = row + 1
	}
}

func (m *menu) left() {
	if m.sel-m.rows >= 0 {
		m.sel -= m.rows
		return
	}
	row := m.sel % m.rows
	prev := row - 1
	if row == 0 {
		prev = m.rows - 1
	}
	lastCol := (len(m.items) - 1) / m.rows
	m.sel = prev + lastCol*m.rows
	if m.sel >= len(m.items) {
		m.sel = prev + (lastCol-1)*m.rows
	}
}

func (m *menu) move(d int) {
	n := len(m.items)
	m.sel = ((m.sel+d)%n + n) % n
}

func (m *menu) pageDown() { m.sel = min(m.sel+m.rows-m.sel%m.rows-1, len(m.items)-1) }
func (m *menu) pageUp()   { m.sel = max(m.sel-m.sel%m.rows, 0) }

// menuComplete is PSReadLine's MenuComplete (Ctrl+Space): one candidate
// is put in place; several open a menu under the entry with the first one
// selected and put in the line, the cursor after the part all candidates
// share. Arrows, Tab and Shift+Tab move through the menu; typing narrows
// it (Backspace widens it again); Enter accepts the selected candidate,
// Space and the characters that end a candidate (such as . after a
// variable) accept it and are typed; Escape or Ctrl+G put the line back
// as it was; any other key accepts and is then handled as usual. again
// is the key to handle after the menu closed.
func (e *edit) menuComplete() (again *key, err error) {
	e.cycle = nil
	cands, start := e.candidates()
	switch {
	case len(cands) == 0:
		return nil, nil
	case len(cands) == 1:
		if e.tabs == 0 {
			e.replace(start, e.pos, cands[0])
		}
		e.tabs++
		return nil, nil
	}
	e.tabs++
	if !e.confirmMany(len(cands)) {
		return nil, nil
	}
	m := e.newMenu(cands, 0)
	_, _, end := e.layout(e.t.width())
	if _, h := e.t.Size(); end.row+1+m.rows > h {
		// The menu and the entry would not fit on the screen together.
		e.showList(cands)
		return nil, nil
	}

	origBuf, origPos := append([]rune(nil), e.buf...), e.pos
	undoLen := len(e.undo)
	e.snapshot()
	to := e.pos // the end of the text the candidate replaces
	user := []rune(trimQuote(commonPrefixFold(cands)))
	userLen0 := len(user)
	var stack []*menu
	sentinel := true
	drawn := -1
	put := func() {
		it := []rune(m.items[m.sel])
		nb := append(append(append([]rune(nil), e.buf[:start]...), it...), e.buf[to:]...)
		e.buf = nb
		to = start + len(it)
		e.pos = min(start+userOffset(string(it), string(user))+len(user), to)
		e.selFrom, e.selTo = e.pos, to
	}
	closeMenu := func(restore bool) {
		e.menu = nil
		e.selFrom, e.selTo = 0, 0
		if restore {
			e.buf, e.pos = origBuf, origPos
			e.undo, e.undoPos = e.undo[:undoLen], e.undoPos[:undoLen]
		}
		e.render()
	}
	for {
		if m.sel != drawn {
			put()
			e.menu = m
			e.render()
			drawn = m.sel
		}
		k, err := readKey(e.t.src)
		if err != nil {
			closeMenu(false)
			return nil, err
		}
		cur := m.items[m.sel]
		switch {
		case k.name == kResize:
			e.resized()
			m = e.menu
			e.render()
		case k.name == kRight:
			m.right()
		case k.name == kLeft:
			m.left()
		case k.name == kDown:
			m.move(1)
		case k.name == kUp:
			m.move(-1)
		case k.name == kPageDown:
			m.pageDown()
		case k.name == kPageUp:
			m.pageUp()
		case k.name == "" && k.r == '\t':
			// Tab first takes in more of what the candidates share.
			common := []rune(trimQuote(commonPrefixFold(m.items)))
			i := userOffset(string(common), string(user))
			if len(common) > 0 && i >= 0 && len(common) > i+len(user) {
				user = common[i:]
				drawn = -1
			} else {
				m.move(1)
			}
		case k.name == kShiftTab:
			m.move(-1)
		case k.name == kEscape || (k.name == "" && k.r == 0x07):
			closeMenu(true)
			return nil, nil
		case k.name == "" && (k.r == 0x7f || k.r == 0x08):
			switch {
			case len(stack) > 0:
				user = user[:len(user)-1]
				prev := stack[len(stack)-1]
				if userOffset(prev.items[prev.sel], string(user)) >= 0 {
					stack = stack[:len(stack)-1]
					m = e.newMenu(prev.items, prev.sel)
					drawn = -1
				}
			case sentinel:
				sentinel = false
			default:
				closeMenu(true)
				return &k, nil
			}
		case endsCompletion(e.buf, start, cur, k):
			e.pos = to
			closeMenu(false)
			if k.name == "" && (k.r == '\r' || k.r == '\n') {
				return nil, nil
			}
			if t := []rune(trimQuotes(cur)); len(t) > 0 && t[len(t)-1] == k.r {
				return nil, nil
			}
			return &k, nil
		case k.name == "" && k.r >= 0x20:
			user = append(user, k.r)
			if narrowed := filterMenu(cands, string(user)); len(narrowed) > 0 {
				if len(stack) == 0 && !sentinel {
					sentinel = true
				}
				stack = append(stack, m)
				m = e.newMenu(narrowed, 0)
				drawn = -1
				continue
			}
			if userLen0 == 0 {
				closeMenu(true)
				return &k, nil
			}
			// Keep the candidate up to the cursor and type the key.
			e.buf = append(append([]rune(nil), e.buf[:e.pos]...), e.buf[to:]...)
			closeMenu(false)
			return &k, nil
		default:
			closeMenu(false)
			return &k, nil
		}
	}
}

// trimQuote drops a leading quote.
func trimQuote(s string) string {
	if rs := []rune(s); len(rs) > 0 && isQuoteRune(rs[0]) {
		return string(rs[1:])
	}
	return s
}

// trimQuotes drops the quotes around a quoted candidate.
func trimQuotes(s string) string {
	rs := []rune(s)
	if len(rs) >= 2 && isQuoteRune(rs[0]) && rs[len(rs)-1] == rs[0] {
		return string(rs[1 : len(rs)-1])
	}
	return s
}

// userOffset is where (in runes) the text the user's completion stands
// for starts in a candidate: after an opening quote when nothing is typed
// yet; -1 when the candidate does not contain it.
func userOffset(cand, user string) int {
	if user == "" {
		if rs := []rune(cand); len(rs) > 0 && isQuoteRune(rs[0]) {
			return 1
		}
		return 0
	}
	i := strings.Index(strings.ToLower(cand), strings.ToLower(user))
	if i < 0 {
		return -1
	}
	return len([]rune(strings.ToLower(cand)[:i]))
}

// filterMenu keeps the candidates that start with typed (after the quote
// they all open with, if any), comparing without case.
func filterMenu(cands []string, typed string) []string {
	quote := ""
	if rs := []rune(cands[0]); len(rs) > 0 && isQuoteRune(rs[0]) {
		quote = string(rs[0])
		for _, c := range cands {
			if !strings.HasPrefix(c, quote) {
				quote = ""
				break
			}
		}
	}
	var out []string
	for _, c := range cands {
		if hasPrefixFold(listText(c), typed) || hasPrefixFold(c, quote+typed) || hasPrefixFold(trimQuotes(c), typed) {
			out = append(out, c)
		}
	}
	return out
}

// endsCompletion tells the keys that accept the selected candidate and
// are then typed: Enter and Space always, and a character that cannot
// continue the kind of word completed: . after a variable or a property,
// : after a parameter name, / or \ after a folder, ( or ) after a method,
// ] after a type name, a comma after an argument.
func endsCompletion(buf []rune, start int, cand string, k key) bool {
	if k.name != "" {
		return false
	}
	switch k.r {
	case '\r', '\n', ' ':
		return true
	}
	var ends string
	switch {
	case strings.HasPrefix(cand, "$"):
		ends = "."
	case strings.HasPrefix(cand, "-"):
		ends = ":"
	case strings.HasPrefix(cand, "["):
		ends = "]"
	case strings.HasSuffix(trimQuotes(cand), "/") || strings.HasSuffix(trimQuotes(cand), "\\"):
		ends = "/\\"
	case strings.HasSuffix(cand, "(") || strings.HasSuffix(cand, "()"):
		ends = "()"
	case start > 0 && buf[start-1] == '.':
		ends = "."
	case !commandPosition(buf, start):
		ends = ","
	}
	return strings.ContainsRune(ends, k.r)
}

// commandPosition reports whether the word at start names a command: the
// first word of the entry or one after |, ;, {, ( or a new row.
func commandPosition(buf []rune, start int) bool {
	i := start - 1
	for i >= 0 && (buf[i] == ' ' || buf[i] == '\t') {
		i--
	}
	return i < 0 || strings.ContainsRune("|;{(\n&", buf[i])
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

func runeCells(r rune) int {
	if r == '\t' {
		return 1
	}
	if r < 0x20 {
		return 2 // shown as ^X
	}
	return host.RuneCells(r)
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
		if i >= e.selFrom && i < e.selTo {
			b.WriteString(host.Reverse + e.glyph(r) + host.ColorReset)
		} else {
			b.WriteString(e.glyph(r))
		}
		col += e.cellsOf(r)
	}
	termRow := end.row
	if end.col == 0 && col >= w {
		// The last row is exactly full: go to the next row explicitly
		// (the terminal waits at the margin otherwise).
		b.WriteString("\r\n")
	}
	// Clear what an earlier drawing left after the entry (the cursor is
	// never at the margin here, where erasing would take the last cell).
	b.WriteString("\x1b[J")
	switch {
	case e.status != "":
		b.WriteString("\r\n")
		b.WriteString(e.status)
		termRow += 1 + max(cells(e.status)-1, 0)/max(w, 1)
	case e.menu != nil:
		for r := 0; r < e.menu.rows; r++ {
			b.WriteString("\r\n")
			e.menu.drawRow(&b, r)
		}
		termRow += e.menu.rows
	}
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
	b.WriteString("\r")
	if target.col > 0 {
		fmt.Fprintf(&b, "\x1b[%dC", target.col)
	}
	e.curRow = target.row
	e.drawnPos = e.pos
	e.t.write(b.String())
}

// LineTracker passes writes through and remembers whether the output
// left the cursor at the start of a row: after a newline, a carriage
// return or a move to the top left corner (Clear-Host).
type LineTracker struct {
	W   io.Writer
	mid atomic.Bool
}

func (l *LineTracker) Write(p []byte) (int, error) {
	n, err := l.W.Write(p)
	if n > 0 {
		q := p[:n]
		l.mid.Store(!(q[n-1] == '\n' || q[n-1] == '\r' || bytes.HasSuffix(q, []byte("\x1b[H"))))
	}
	return n, err
}

// AtLineStart reports whether the output so far ended a line.
func (l *LineTracker) AtLineStart() bool { return !l.mid.Load() }
