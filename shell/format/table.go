package format

import "strings"

// minTableWidth is the narrowest line on which a table is drawn at all.
const minTableWidth = 5

// tableFmt lays out one table group once its column widths are known.
type tableFmt struct {
	labels   []string
	aligns   []Alignment
	widths   []int // -1 = hidden
	disabled bool
	hide     bool
	wrap     bool
	color    bool
}

// ContentWidths returns the content-based column widths: for each column
// the widest of its label and of its cells (in display cells).
func ContentWidths(labels []string, rows [][]string) []int {
	w := make([]int, len(labels))
	for k, l := range labels {
		w[k] = Cells(l)
	}
	for _, r := range rows {
		for k := range w {
			if k < len(r) {
				if c := Cells(r[k]); c > w[k] {
					w[k] = c
				}
			}
		}
	}
	return w
}

// FitWidths adjusts requested column widths (0 = unspecified) to a line of
// width total with one-cell separators: unspecified columns share the free
// space round-robin; when too wide, the last visible columns are shrunk or
// hidden (width -1).
func FitWidths(requested []int, total int) []int {
	w := append([]int(nil), requested...)
	n := len(w)
	if n == 0 {
		return w
	}
	allSet := true
	sum := 0
	for _, x := range w {
		if x <= 0 {
			allSet = false
		}
		sum += x
	}
	if allSet {
		if sum+n-1 <= total {
			return w
		}
		trimWidths(w, total)
		return w
	}
	sum = 0
	for k := range w {
		if w[k] <= 0 {
			w[k] = 1
		}
		sum += w[k]
	}
	avail := total - (sum + n - 1)
	if avail < 0 {
		trimWidths(w, total)
		return w
	}
	for avail > 0 {
		for k := range w {
			if requested[k] <= 0 {
				w[k]++
				avail--
				if avail == 0 {
					break
				}
			}
		}
	}
	return w
}

func trimWidths(w []int, total int) {
	for {
		used, vis, last := 0, 0, -1
		for k, x := range w {
			if x > 0 {
				used += x
				vis++
				last = k
			}
		}
		if last < 0 {
			return
		}
		excess := used + vis - 1 - total
		if excess <= 0 {
			return
		}
		if w[last]-excess >= 1 {
			w[last] -= excess
			return
		}
		w[last] = -1
	}
}

func newTableFmt(labels []string, aligns []Alignment, widths []int, lineWidth int, hide, wrap, color bool) *tableFmt {
	t := &tableFmt{labels: labels, aligns: aligns, hide: hide, wrap: wrap, color: color}
	if lineWidth < minTableWidth || len(labels) == 0 {
		t.disabled = true
		return t
	}
	t.widths = FitWidths(widths, lineWidth)
	visible := false
	for _, x := range t.widths {
		if x > 0 {
			visible = true
		}
	}
	t.disabled = !visible
	return t
}

// headerLines returns the header label line(s) and the dashes line.
func (t *tableFmt) headerLines() []string {
	if t.disabled || t.hide {
		return nil
	}
	var lines []string
	if t.labelsFit() {
		// one line, as the lines of cells that may wrap would make it
		lines = append(make([]string, 0, 2), t.singleLine(t.labels, true))
	} else {
		lines = t.multiLine(t.labels, true)
	}
	dashes := make([]string, len(t.labels))
	for k, l := range t.labels {
		if t.widths[k] <= 0 {
			continue
		}
		n := t.widths[k]
		if l != "" {
			if c := Cells(l); c < n {
				n = c
			}
		}
		if n <= len(dashRun) {
			dashes[k] = dashRun[:n]
		} else {
			dashes[k] = strings.Repeat("-", n)
		}
	}
	return append(lines, t.singleLine(dashes, true))
}

// dashRun is where the dashes under a header label of an ordinary width
// are taken from.
const dashRun = "--------------------------------------------------------------------------------------------------------------------------------"

// labelsFit reports whether the header labels are one line without
// colour, every column shown and each label one line within its width:
// the line singleLine makes is then the one multiLine would.
func (t *tableFmt) labelsFit() bool {
	if t.color {
		return false
	}
	for k, l := range t.labels {
		if t.widths[k] <= 0 || strings.ContainsAny(l, "\r\n") || Cells(l) > t.widths[k] {
			return false
		}
	}
	return true
}

// rowLines returns the line(s) of one row.
func (t *tableFmt) rowLines(cells []string) []string {
	if t.disabled {
		return nil
	}
	if t.wrap {
		return t.multiLine(cells, false)
	}
	return []string{t.singleLine(cells, false)}
}

func (t *tableFmt) align(k int) Alignment {
	if k < len(t.aligns) {
		return t.aligns[k]
	}
	return AlignLeft
}

func cellAt(cells []string, k int) string {
	if k < len(cells) {
		return cells[k]
	}
	return ""
}

// singleLine renders a row without wrapping: cut at a newline, padded or
// truncated to each column's width. Like PowerShell, only the last column
// of the table (even when hidden) is left unpadded.
func (t *tableFmt) singleLine(cells []string, header bool) string {
	var buf [256]byte // the line is put together here, copied out once
	b := buf[:0]
	n := len(t.widths)
	for k := 0; k < n; k++ {
		if t.widths[k] <= 0 {
			continue
		}
		if k > 0 {
			b = append(b, ' ')
		}
		if header && t.color {
			b = append(b, styleHeader...)
			b = appendRowField(b, cellAt(cells, k), t.widths[k], t.align(k), k != n-1)
			b = append(b, styleReset...)
		} else {
			b = appendRowField(b, cellAt(cells, k), t.widths[k], t.align(k), k != n-1)
		}
	}
	return string(b)
}

// multiLine renders a row whose cells may span several lines (wrapped
// cells, or header labels wider than their column).
func (t *tableFmt) multiLine(cells []string, header bool) []string {
	var valid []int
	for k, x := range t.widths {
		if x > 0 {
			valid = append(valid, k)
		}
	}
	if len(valid) == 0 {
		return nil
	}
	cols := make([][]string, len(valid))
	for i, k := range valid {
		width := t.widths[k]
		pad := i != len(valid)-1
		al := t.align(k)
		lines := WrapText(cellAt(cells, k), width, width)
		for j, l := range lines {
			if (pad || al == AlignRight || al == AlignCenter) && Cells(l) < width {
				l = rowField(l, width, al, pad)
			}
			if i > 0 {
				l = " " + l
			}
			lines[j] = l
		}
		cols[i] = lines
	}
	rows := 0
	for _, c := range cols {
		if len(c) > rows {
			rows = len(c)
		}
	}
	lastWith := make([]int, rows)
	for r := 0; r < rows; r++ {
		for i, c := range cols {
			if len(c) > r {
				lastWith[r] = i
			}
		}
	}
	for i, k := range valid {
		blanks := 0
		if i < len(valid)-1 {
			blanks = t.widths[k]
			if i > 0 {
				blanks++
			}
		}
		for r := len(cols[i]); r < rows; r++ {
			if i > lastWith[r] {
				cols[i] = append(cols[i], "")
			} else {
				cols[i] = append(cols[i], spaces(blanks))
			}
		}
	}
	out := make([]string, rows)
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for i := range cols {
			v := cols[i][r]
			if i == lastWith[r] && rows > 1 {
				v = strings.TrimRight(v, " \t")
			}
			if header && t.color {
				b.WriteString(styleHeader + v + styleReset)
			} else {
				b.WriteString(v)
			}
		}
		out[r] = b.String()
	}
	return out
}

// rowField fits one cell into width cells: padded per alignment (the
// right side only when pad is set), or truncated with the ellipsis (kept
// at the start for right-aligned cells).
func rowField(s string, width int, al Alignment, pad bool) string {
	return string(appendRowField(nil, s, width, al, pad))
}

// appendRowField appends rowField(s, width, al, pad) to b.
func appendRowField(b []byte, s string, width int, al Alignment, pad bool) []byte {
	s = truncateAtNewLine(s)
	n := Cells(s)
	switch {
	case n == width:
		return append(b, s...)
	case n < width:
		// padded: the field is width cells, or narrower unpadded on
		// its right
		gap := width - n
		switch al {
		case AlignRight:
			b = append(b, spaces(gap)...)
			return append(b, s...)
		case AlignCenter:
			left := gap / 2
			b = append(b, spaces(left)...)
			b = append(b, s...)
			if pad {
				b = append(b, spaces(gap-left)...)
			}
			return b
		}
		b = append(b, s...)
		if pad {
			b = append(b, spaces(gap)...)
		}
		return b
	}
	return append(b, cutField(s, width, al, pad)...)
}

// cutField is rowField for a cell wider than width cells.
func cutField(s string, width int, al Alignment, pad bool) string {
	keep := width - 1
	switch {
	case keep > 0 && al == AlignRight:
		s = Ellipsis + tailCells(s, keep)
	case keep > 0:
		s = headCells(s, keep) + Ellipsis
	case al == AlignRight:
		s = tailCells(s, width)
	default:
		s = headCells(s, width)
	}
	if Cells(s) == width {
		return s
	}
	// A wide character cut by the truncation leaves the text one cell short.
	switch {
	case al == AlignRight:
		s = " " + s
	case pad:
		s += " "
	}
	return s
}
