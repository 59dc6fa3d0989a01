package main

import (
	"io"
	"strings"

	"github.com/exosim/exosim/shell/host"
)

// writeBoxTable draws rows under a header in a box of line-drawing
// characters: the header in capitals and centred, cells left-aligned,
// one space of padding on each side (the table `exosim tenant info`
// prints).
func writeBoxTable(w io.Writer, header []string, rows [][]string) error {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = host.Cells(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(widths) {
				widths[i] = max(widths[i], host.Cells(c))
			}
		}
	}
	var b strings.Builder
	rule := func(left, mid, right string) {
		b.WriteString(left)
		for i, wd := range widths {
			if i > 0 {
				b.WriteString(mid)
			}
			b.WriteString(strings.Repeat("─", wd+2))
		}
		b.WriteString(right + "\n")
	}
	line := func(cells []string, center bool) {
		b.WriteString("│")
		for i, wd := range widths {
			if i > 0 {
				b.WriteString("│")
			}
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			gap := wd - host.Cells(c)
			left := 0
			if center {
				left = gap / 2
			}
			b.WriteString(" " + strings.Repeat(" ", left) + c + strings.Repeat(" ", gap-left) + " ")
		}
		b.WriteString("│\n")
	}
	rule("┌", "┬", "┐")
	upper := make([]string, len(header))
	for i, h := range header {
		upper[i] = strings.ToUpper(h)
	}
	line(upper, true)
	rule("├", "┼", "┤")
	for _, r := range rows {
		line(r, false)
	}
	rule("└", "┴", "┘")
	_, err := io.WriteString(w, b.String())
	return err
}
