package host

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ErrInterrupted is returned by an editor when Ctrl+C ends a read.
var ErrInterrupted = errors.New("interrupt")

// Console is what a terminal editor adds for the host beyond reading
// lines: the window size and single key presses (paging).
type Console interface {
	Size() (cols, rows int)
	ReadKey() (rune, error)
}

// WindowSize returns the console's columns and rows: the terminal's when
// the editor knows them, otherwise Width and 0.
func (h *IO) WindowSize() (cols, rows int) {
	if c, ok := h.Editor.(Console); ok && h.StdinTTY {
		if w, r := c.Size(); w > 0 {
			return w, r
		}
	}
	return h.Width, 0
}

// CursorLocator is what a terminal editor adds when it can tell where
// the terminal's cursor is.
type CursorLocator interface {
	CursorPosition() (x, y int, ok bool)
}

// CursorPosition returns the cursor's column and row counted from 0, as
// the terminal reports them. As in .NET's console, it is 0,0 when input
// or output is not a terminal (or the terminal does not answer).
func (h *IO) CursorPosition() (x, y int) {
	if c, ok := h.Editor.(CursorLocator); ok && h.StdinTTY && h.StdoutTTY {
		if x, y, ok := c.CursorPosition(); ok {
			return x, y
		}
	}
	return 0, 0
}

// ReadKey reads one key press on a terminal.
func (h *IO) ReadKey() (rune, error) {
	if c, ok := h.Editor.(Console); ok && h.StdinTTY {
		return c.ReadKey()
	}
	return 0, ErrNonInteractive
}

// Choice is one answer of a PromptForChoice question: Label marks its
// hot key with & ("&Yes"); HelpMessage is shown for "?".
type Choice struct {
	Label       string
	HelpMessage string
}

// hotkey splits a label into its hot key (upper case, "" without &) and
// the label without the &.
func (c Choice) hotkey() (hot, plain string) {
	i := strings.IndexByte(c.Label, '&')
	if i < 0 || i+1 >= len(c.Label) {
		return "", strings.TrimSpace(c.Label)
	}
	r := []rune(c.Label[i+1:])
	return string(unicode.ToUpper(r[0])), strings.TrimSpace(c.Label[:i] + c.Label[i+1:])
}

// Cells counts the terminal cells text takes (East Asian wide characters
// take two).
func Cells(s string) int {
	n := 0
	for _, r := range s {
		n += RuneCells(r)
	}
	return n
}

// WrapText breaks text into rows of at most max cells the way
// PowerShell's console host does: at blanks where it can, a word longer
// than a row is cut; a run of blanks that does not fit is split, so the
// next row may start with a blank.
func WrapText(text string, max int) []string {
	if max < 1 {
		return []string{text}
	}
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\t", " "), "\n") {
		var line strings.Builder
		n := 0
		for _, w := range chopWords(para, max) {
			wc := Cells(w)
			if n+wc <= max {
				line.WriteString(w)
				n += wc
				continue
			}
			if w[0] != ' ' {
				out = append(out, line.String())
				line.Reset()
				line.WriteString(w)
				n = wc
				continue
			}
			k := max - n
			line.WriteString(w[:k])
			out = append(out, line.String())
			line.Reset()
			line.WriteString(w[k:])
			n = len(w) - k
		}
		out = append(out, line.String())
	}
	return out
}

// chopWords splits a row into runs of blanks and runs of other
// characters, each at most max cells.
func chopWords(s string, max int) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		blank := rs[i] == ' '
		n := 0
		for j < len(rs) && (rs[j] == ' ') == blank {
			c := RuneCells(rs[j])
			if n+c > max && j > i {
				break
			}
			n += c
			j++
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// PromptForChoice asks a question as PowerShell's console host does: a
// blank row and the caption, the message (both wrapped to one cell less
// than the window), then the choices "[Y] Yes  [N] No  [?] Help (default
// is "Y"): " broken into rows that fit, and the answer read after them
// (ReadAnswer: at a terminal, or from redirected input with the answer
// echoed). An empty answer takes the default (without one it asks
// again), "?" lists each choice's help, and otherwise the answer, without
// its surrounding blanks, picks a choice (PickChoice); an answer that
// picks none asks again. A NonInteractive session fails with
// ErrNonInteractive before writing anything; the end of redirected input
// returns io.EOF and Ctrl+C ErrInterrupted.
func (h *IO) PromptForChoice(caption, message string, choices []Choice, def int) (int, error) {
	if h.NonInteractive {
		return -1, ErrNonInteractive
	}
	width, _ := h.WindowSize()
	if width <= 0 {
		width = 120
	}
	if caption != "" {
		h.writeText("\n" + strings.Join(WrapText(caption, width-1), "\n") + "\n")
	}
	if message != "" {
		h.writeText(strings.Join(WrapText(message, width-1), "\n") + "\n")
	}
	for {
		rows := choiceRows(choices, def, width-1)
		if len(rows) > 1 {
			h.writeText(strings.Join(rows[:len(rows)-1], "\n") + "\n")
		}
		ans, err := h.ReadAnswer(rows[len(rows)-1])
		if err != nil {
			return -1, err
		}
		if ans == "" {
			if def >= 0 {
				return def, nil
			}
			continue
		}
		ans = strings.TrimSpace(ans)
		if ans == "?" {
			for _, c := range choices {
				hot, plain := c.hotkey()
				if hot == "" {
					hot = plain
				}
				h.writeText(strings.Join(WrapText(hot+" - "+c.HelpMessage, width-1), "\n") + "\n")
			}
			continue
		}
		if i := PickChoice(choices, ans); i >= 0 {
			return i, nil
		}
	}
}

// PickChoice is the choice an answer picks, as PowerShell decides it: a
// choice's whole label (without the &) first, then a hot key, either in
// any case; -1 when it picks none. (A blank-only answer is not empty: it
// picks nothing and the question is asked again.)
func PickChoice(choices []Choice, ans string) int {
	for i, c := range choices {
		if _, plain := c.hotkey(); strings.EqualFold(plain, ans) {
			return i
		}
	}
	for i, c := range choices {
		if hot, _ := c.hotkey(); hot != "" && strings.EqualFold(hot, ans) {
			return i
		}
	}
	return -1
}

// choiceRows lays the choices out as PowerShell does: "[K] Label  " for
// each, then "[?] Help ", then "(default is "K"): "; a part that does
// not fit in max cells starts a new row, without its trailing blanks.
func choiceRows(choices []Choice, def int, max int) []string {
	var rows []string
	var cur strings.Builder
	n := 0
	add := func(text string) {
		c := Cells(text)
		if n+c > max {
			rows = append(rows, cur.String())
			cur.Reset()
			text = strings.TrimRight(text, " ")
			n = c
		} else {
			n += c
		}
		cur.WriteString(text)
	}
	for _, c := range choices {
		hot, plain := c.hotkey()
		add(fmt.Sprintf("[%s] %s  ", hot, plain))
	}
	add("[?] Help ")
	if def >= 0 && def < len(choices) {
		hot, plain := choices[def].hotkey()
		if hot == "" {
			hot = plain
		}
		add(fmt.Sprintf("(default is \"%s\"): ", hot))
	}
	return append(rows, cur.String())
}
