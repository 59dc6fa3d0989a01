package format

import (
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/host"
)

// Ellipsis is the one-cell character PowerShell 7 appends to cut text.
const Ellipsis = "\u2026"

// ANSI styling sequences used when Options.Color is set: the host's.
const (
	styleReset   = host.ColorReset
	styleHeader  = host.ColorHeader
	styleError   = host.ColorError
	styleAccent  = host.ColorGutter
	styleWarning = host.ColorWarning
)

// escapeLen returns the byte length of the ANSI escape sequence starting
// at s[i] (s[i] == ESC), or 0 when there is none.
func escapeLen(s string, i int) int {
	if i >= len(s) || s[i] != 0x1b {
		return 0
	}
	if i+1 >= len(s) {
		return 1
	}
	switch s[i+1] {
	case '[': // CSI: parameters then a final byte in 0x40..0x7e
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j - i + 1
			}
		}
		return len(s) - i
	case ']': // OSC: ends with BEL or ESC \
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j - i + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j - i + 2
			}
		}
		return len(s) - i
	}
	return 2
}

// Cells returns the display width of s: wide characters count 2, ANSI
// escape sequences 0.
func Cells(s string) int {
	if printableASCII(s) {
		return len(s) // most text: a cell a byte
	}
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && printableASCII8(s, i) {
			// eight printable ASCII bytes take a cell each: most text
			// is such, and measuring it a word at a time is the larger
			// part of laying out a list
			n += 8
			i += 8
			continue
		}
		if c := s[i]; c < utf8.RuneSelf && c != 0x1b {
			// ASCII takes one cell (a control character too)
			n++
			i++
			continue
		}
		if s[i] == 0x1b {
			i += escapeLen(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += host.RuneCells(r)
		i += size
	}
	return n
}

// plainCells is Cells(s) and whether s is plain: without a carriage
// return, newline or escape sequence (one line to show as it is).
func plainCells(s string) (n int, plain bool) {
	if printableASCII(s) {
		return len(s), true
	}
	plain = true
	for i := 0; i < len(s); {
		if i+8 <= len(s) && printableASCII8(s, i) {
			n += 8
			i += 8
			continue
		}
		c := s[i]
		if c == '\r' || c == '\n' || c == 0x1b {
			plain = false
		}
		if c < utf8.RuneSelf && c != 0x1b {
			n++
			i++
			continue
		}
		if c == 0x1b {
			i += escapeLen(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += host.RuneCells(r)
		i += size
	}
	return n, plain
}

// printableASCII reports whether every byte of s is printable ASCII
// (see printableASCII8), eight at a time: a text of eight bytes or more
// ends with eight that overlap those before.
func printableASCII(s string) bool {
	if len(s) < 8 {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 < len(s); i += 8 {
		if !printableASCII8(s, i) {
			return false
		}
	}
	return printableASCII8(s, len(s)-8)
}

// printableASCII8 reports whether the eight bytes of s from i are all
// printable ASCII (0x20 to 0x7f): none has its top bit set or is below
// 0x20, the control characters ESC among them.
func printableASCII8(s string, i int) bool {
	b := s[i : i+8]
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	// (x - 0x20 in every byte) borrows into a byte's top bit exactly when
	// some byte is below 0x20, given no byte has its top bit set
	return (x|(x-0x2020202020202020))&0x8080808080808080 == 0
}

// StripANSI removes ANSI escape sequences from s.
func StripANSI(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i += escapeLen(s, i)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// headCells returns the longest prefix of s that fits in n cells
// (escape sequences are kept).
func headCells(s string, n int) string {
	used := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i += escapeLen(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w := host.RuneCells(r)
		if used+w > n {
			return s[:i]
		}
		used += w
		i += size
	}
	return s
}

// tailCells returns the longest suffix of s that fits in n cells.
func tailCells(s string, n int) string {
	used := 0
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		w := host.RuneCells(r)
		if used+w > n {
			break
		}
		used += w
		i -= size
	}
	return s[i:]
}

// splitLines splits on "\n", dropping every "\r" first.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r", "")
	return strings.Split(s, "\n")
}

// truncateAtNewLine cuts s at its first line break and appends the
// ellipsis when something was cut.
func truncateAtNewLine(s string) string {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s
	}
	return s[:i] + Ellipsis
}

// WrapText splits s into lines of at most firstWidth cells (the first
// line) and width cells (the others), the way PowerShell's formatter
// wraps table cells and list values: embedded newlines start new lines,
// words end after a space or tab (which stays attached to the word), and
// words longer than a line are cut character by character.
func WrapText(s string, firstWidth, width int) []string {
	var out []string
	wrapText(s, firstWidth, width, func(line string) { out = append(out, line) })
	return out
}

// wrapText gives yield the lines of WrapText one at a time, in order.
func wrapText(s string, firstWidth, width int, yield func(line string)) {
	if s == "" {
		yield("")
		return
	}
	if firstWidth < 1 {
		firstWidth = 1
	}
	if width < 1 {
		width = 1
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r", "")
	}
	for rest, more := s, true; more; {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		if Cells(line) <= firstWidth {
			yield(line)
			continue
		}
		switch {
		case firstWidth < 2 || width < 2:
			wrapLine(line, firstWidth, width, yield)
		case printableASCII(line):
			wrapASCII(line, firstWidth, width, yield)
		case !utf8.ValidString(line):
			wrapLine(line, firstWidth, width, yield)
		default:
			wrapWords(line, firstWidth, width, yield)
		}
	}
}

// wrapWords is wrapText for one line that does not fit, where no
// character is replaced (a line of two cells or more takes a wide one):
// the pieces are cut out of the line rather than copied.
func wrapWords(line string, firstWidth, width int, yield func(string)) {
	lineWidth := firstWidth
	spacesLeft := firstWidth
	start := 0 // the piece being filled is line[start:pos]
	next := func(pos int) {
		yield(line[start:pos])
		start = pos
		lineWidth = width
	}
	for ws := 0; ws < len(line); {
		we := ws
		for we < len(line) && line[we] != ' ' && line[we] != '\t' {
			we++
		}
		if we < len(line) {
			we++
		}
		word := line[ws:we]
		wc := Cells(word)
		if wc > lineWidth {
			for k, c := range word {
				cw := host.RuneCells(c)
				if cw > spacesLeft {
					next(ws + k)
					spacesLeft = lineWidth - cw
				} else {
					spacesLeft -= cw
				}
			}
		} else if wc > spacesLeft {
			next(ws)
			spacesLeft = lineWidth - wc
		} else {
			spacesLeft -= wc
		}
		ws = we
	}
	yield(line[start:])
}

// wrapASCII is wrapWords for a line of printable ASCII (no tab among
// it), where a byte is a cell: the same pieces, words found by their
// spaces and a word longer than a line cut where each line fills.
func wrapASCII(line string, firstWidth, width int, yield func(string)) {
	lineWidth := firstWidth
	spacesLeft := firstWidth
	start := 0
	next := func(pos int) {
		yield(line[start:pos])
		start = pos
		lineWidth = width
	}
	for ws := 0; ws < len(line); {
		we := len(line)
		if i := strings.IndexByte(line[ws:], ' '); i >= 0 {
			we = ws + i + 1
		}
		wc := we - ws
		switch {
		case wc > lineWidth:
			// the line is filled (none of it when a word before was
			// wider than the lines after the first), the rest of the
			// word goes on
			k := 0 // the bytes of the word placed so far
			for wc-k > spacesLeft {
				k += max(spacesLeft, 0)
				next(ws + k)
				spacesLeft = lineWidth
			}
			spacesLeft -= wc - k
		case wc > spacesLeft:
			next(ws)
			spacesLeft = lineWidth - wc
		default:
			spacesLeft -= wc
		}
		ws = we
	}
	yield(line[start:])
}

// wrapLine is wrapText for one line that does not fit, character by
// character where a character is replaced: a wide one on a line of one
// cell shows as ?, invalid UTF-8 as U+FFFD.
func wrapLine(line string, firstWidth, width int, yield func(string)) {
	lineWidth := firstWidth
	spacesLeft := firstWidth
	first := true
	var cur strings.Builder
	next := func() {
		yield(cur.String())
		cur.Reset()
		if first {
			first = false
			lineWidth = width
		}
	}
	for _, word := range splitWords(line) {
		wc := Cells(word)
		if wc > lineWidth {
			for _, c := range word {
				cw := host.RuneCells(c)
				if cw > lineWidth {
					c, cw = '?', 1
				}
				if cw > spacesLeft {
					next()
					cur.WriteRune(c)
					spacesLeft = lineWidth - cw
				} else {
					cur.WriteRune(c)
					spacesLeft -= cw
				}
			}
			continue
		}
		if wc > spacesLeft {
			next()
			cur.WriteString(word)
			spacesLeft = lineWidth - wc
		} else {
			cur.WriteString(word)
			spacesLeft -= wc
		}
	}
	yield(cur.String())
}

// splitWords cuts s after every space or tab.
func splitWords(s string) []string {
	var words []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			words = append(words, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		words = append(words, s[start:])
	}
	return words
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// blanks is where spaces takes the padding of ordinary widths from, so
// padding a cell or a label allocates nothing.
const blanks = "                                                                                                                                "

// blanksColon is blanks followed by a list line's " : ": the padding of
// a label and the colon after it are one piece of it.
const blanksColon = blanks + " : "
