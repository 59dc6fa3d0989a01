package format

import (
	"bytes"
	"math"
	"strings"
	"unsafe"

	"github.com/exosim/exosim/shell/object"
)

// Options are the settings of one output destination.
type Options struct {
	// Width is the console width setting (e.g. 120), or the -Width of
	// Out-String/Out-File. Zero or less means 120.
	Width int
	// OutString selects the Out-String/Out-File rules: tables use Width
	// itself (not Width-1) and lists do not wrap unless WidthGiven.
	OutString bool
	// WidthGiven marks an explicit Out-String/Out-File -Width: lists then
	// wrap at Width too.
	WidthGiven bool
	// Color enables VT styling (header, list labels, errors, warnings).
	Color bool
	// EnumLimit is $FormatEnumerationLimit: 0 means the default 4, -1
	// unlimited, EnumLimitZero a limit of zero.
	EnumLimit int
	// EnumLimitFunc, when set, is read at every use instead of EnumLimit
	// (PowerShell reads $FormatEnumerationLimit when it formats).
	EnumLimitFunc func() int
	// ErrorView is $ErrorView: ConciseView (default), NormalView,
	// CategoryView.
	ErrorView string
	// ErrorViewFunc, when set, is read for every error instead of
	// ErrorView ($ErrorView may change while a command line runs).
	ErrorViewFunc func() string
	// Invoke evaluates a script-block property with $_ bound; nil leaves
	// such values empty.
	Invoke func(sb object.ScriptBlock, dollarUnder any) (any, error)
}

const defaultWidth = 120

func (o *Options) consoleWidth() int {
	if o == nil || o.Width <= 0 {
		return defaultWidth
	}
	return o.Width
}

// TableWidth is the usable line width W of tables.
func (o *Options) TableWidth() int {
	if o != nil && o.OutString {
		return o.consoleWidth()
	}
	return o.consoleWidth() - 1
}

// ListWidth is the width at which list values wrap.
func (o *Options) ListWidth() int {
	if o != nil && o.OutString {
		if o.WidthGiven {
			return o.consoleWidth()
		}
		return math.MaxInt32
	}
	return o.consoleWidth() - 1
}

// Stream identifies where a line goes.
type Stream int

// Streams.
const (
	Output Stream = iota
	Error
	Warning
	Verbose
	Debug
	Information
	Host
)

// Writer formats a stream of pipeline values into lines: one per
// Out-Default / Out-String / Out-File invocation.
type Writer struct {
	reg  *Registry
	o    Options
	emit func(s Stream, line string)
	// emitBytes, when set (EmitBytes), takes the lines a list builds
	// instead of emit; outBuf, when set (OutputTo), is where they go
	// without being given out, made outRoom bytes big when empty, and
	// outFull takes what it holds when little room is left.
	emitBytes func(s Stream, lines []byte)
	outBuf    *[]byte
	outRoom   int
	outFull   func()
	// lines is where the lines of a list entry are put together, texts
	// where the values of a list entry wait for their lines.
	lines []byte
	texts []listText
	// scratch is where a list value's text is put together (listValue)
	scratch []byte
	doc     *document
	// readLimit is the caller's EnumLimitFunc: the writer reads the
	// limit once for each value it is given (objectLimit), not once for
	// every collection the value shows.
	readLimit func() int
	limit     int
	limitRead bool
}

// NewWriter returns a writer that sends every line to emit.
func NewWriter(r *Registry, o Options, emit func(s Stream, line string)) *Writer {
	if r == nil {
		r = NewRegistry()
	}
	if emit == nil {
		emit = func(Stream, string) {}
	}
	w := &Writer{reg: r, o: o, emit: emit}
	if o.EnumLimitFunc != nil {
		w.readLimit = o.EnumLimitFunc
		w.o.EnumLimitFunc = w.objectLimit
	}
	return w
}

// objectLimit is the enumeration limit of the value being written: read
// at its first collection, kept until the next value.
func (w *Writer) objectLimit() int {
	if !w.limitRead {
		w.limit, w.limitRead = w.readLimit(), true
	}
	return w.limit
}

// EmitBytes sends the lines of lists to emit as bytes instead of as
// strings, several at a time: one or more lines, each followed by a
// newline, valid only during the call. A destination that copies them
// into a buffer of its own then costs no string and no call per line.
func (w *Writer) EmitBytes(emit func(s Stream, lines []byte)) { w.emitBytes = emit }

// OutputTo makes the writer append the lines of lists of the output
// stream, each followed by a newline, to *buf instead of giving them to
// emit or to EmitBytes' function; an empty buffer is first made room
// bytes big. A destination that gathers its lines in a buffer then
// takes them without a copy. Lines and values given out otherwise still
// go to emit, after what the buffer holds. full, when not nil, is called
// between two lines of a list entry once less than listChunk bytes of
// room are left in the buffer: it takes the lines (leaving *buf empty,
// of any capacity), so a buffer of modest size does for a long entry. A
// nil full lets the buffer grow instead.
func (w *Writer) OutputTo(buf *[]byte, room int, full func()) {
	w.outBuf, w.outRoom, w.outFull = buf, room, full
}

// outBytes writes lines (each followed by a newline) put together in a
// buffer the writer reuses.
func (w *Writer) outBytes(s Stream, lines []byte) {
	if w.emitBytes != nil {
		w.emitBytes(s, lines)
		return
	}
	eachLine(lines, func(l []byte) { w.emit(s, string(l)) })
}

// eachLine gives fn each line of lines, a newline after each.
func eachLine(lines []byte, fn func(line []byte)) {
	for len(lines) > 0 {
		i := bytes.IndexByte(lines, '\n')
		fn(lines[:i])
		lines = lines[i+1:]
	}
}

// pending is one buffered item of a table group.
type pending struct {
	stream Stream
	line   string
	row    []string
	kind   int // 0 line, 1 row, 2 header marker
}

type document struct {
	spec  *Spec // nil for default output
	kind  ViewKind
	view  *View
	table struct {
		fields   []field
		aligns   []Alignment
		buffered bool
		autosize bool
		wrap     bool
		hide     bool
		fmt      *tableFmt // streaming tables: the open group's layout
		queue    []pending
		open     bool
	}
	list struct {
		specs []PropSpec // nil: view items or default properties
	}
	groupBy    *field
	groupLabel string
	groupKey   string
	groups     int
}

// Write formats one value. *Shaped values come from Format-Table /
// Format-List; *object.ErrorRecord and *object.WarningRecord are written
// out of band; hashtables are shown one entry per row.
func (w *Writer) Write(v any) {
	defer func() { _ = recover() }()
	w.limitRead = false
	w.write(v)
}

func (w *Writer) write(v any) {
	switch x := v.(type) {
	case nil:
		return
	case *object.PSObject:
		if x == nil {
			return
		}
		if x.Base != nil && x.Len() == 0 && !isOutOfBandScalar(x.Base) {
			w.write(x.Base)
			return
		}
	case *object.ErrorRecord:
		if x == nil {
			return
		}
		view := w.o.ErrorView
		if w.o.ErrorViewFunc != nil {
			view = w.o.ErrorViewFunc()
		}
		w.outOfBand(Error, RenderError(x, ErrorOptions{View: view, Width: w.o.consoleWidth(), Color: w.o.Color}))
		return
	case *object.WarningRecord:
		if x == nil {
			return
		}
		line := "WARNING: " + x.Message
		if w.o.Color {
			line = styleWarning + line + styleReset
		}
		w.outOfBand(Warning, splitLines(line))
		return
	case *object.VerboseRecord, *object.DebugRecord:
		// merged into the output (4>&1, 5>&1): shown as on their stream
		st, prefix, msg := Verbose, "VERBOSE: ", ""
		if d, ok := x.(*object.DebugRecord); ok {
			st, prefix, msg = Debug, "DEBUG: ", d.Message
		} else {
			msg = x.(*object.VerboseRecord).Message
		}
		line := prefix + msg
		if w.o.Color {
			line = styleWarning + line + styleReset
		}
		w.outOfBand(st, splitLines(line))
		return
	case *object.InformationRecord:
		if x == nil {
			return
		}
		w.outOfBand(Information, splitLines(x.String()))
		return
	case *Shaped:
		if x == nil {
			return
		}
		w.writeShaped(x)
		return
	case *object.Hashtable:
		for _, e := range x.Items() {
			w.write(e)
		}
		return
	case []any:
		for _, e := range x {
			w.write(e)
		}
		return
	case *object.List:
		if x == nil {
			return
		}
		for _, e := range x.Items {
			w.write(e)
		}
		return
	}
	if w.doc != nil && w.doc.spec != nil {
		w.endDoc()
	}
	if isOutOfBandScalar(v) || w.noProperties(v) {
		w.outOfBand(Output, splitLines(rawText(v)))
		return
	}
	if w.doc == nil {
		w.startDoc(nil, v)
	}
	w.add(v)
}

func (w *Writer) writeShaped(s *Shaped) {
	spec := s.Spec
	if spec == nil {
		spec = &Spec{}
	}
	if h, ok := unwrapBare(s.Value).(*object.Hashtable); ok {
		for _, e := range h.Entries() {
			w.writeShaped(&Shaped{Spec: spec, Value: e})
		}
		return
	}
	if w.doc != nil && w.doc.spec != spec {
		w.endDoc()
	}
	switch s.Mark {
	case EntryMark:
	case FormatEndMark:
		// the format cmdlet has ended: its table or list is complete and
		// is shown now, before whatever the script does next
		if w.doc != nil {
			w.endDoc()
		}
		return
	default:
		return
	}
	v := s.Value
	if o, ok := v.(*object.PSObject); v == nil || ok && o == nil {
		return
	}
	if !spec.Force && isOutOfBandScalar(v) {
		w.outOfBand(Output, splitLines(rawText(v)))
		return
	}
	if w.doc == nil {
		w.startDoc(spec, v)
	}
	w.add(v)
}

// noProperties reports whether default output shows v as its string
// form because it has no properties.
func (w *Writer) noProperties(v any) bool {
	if w.reg.Lookup(object.TypeNames(v), AutoView, "") != nil {
		return false
	}
	return len(allProperties(v)) == 0
}

// Close ends the current document: a buffered table is written and the
// closing empty line follows.
func (w *Writer) Close() {
	defer func() { _ = recover() }()
	w.endDoc()
}

func (w *Writer) out(s Stream, line string) { w.emit(s, line) }

// outOfBand writes lines now, or queues them behind a buffered table.
func (w *Writer) outOfBand(s Stream, lines []string) {
	d := w.doc
	if d != nil && d.kind == TableView && d.table.buffered && d.table.open {
		for _, l := range lines {
			d.table.queue = append(d.table.queue, pending{stream: s, line: l})
		}
		return
	}
	for _, l := range lines {
		w.out(s, l)
	}
}

// docLine writes a document line (queued while a table group buffers).
func (w *Writer) docLine(line string) { w.outOfBand(Output, []string{line}) }

func (w *Writer) startDoc(spec *Spec, v any) {
	d := &document{spec: spec}
	w.doc = d
	kind := AutoView
	viewName := ""
	var props []PropSpec
	if spec != nil {
		kind, viewName, props = spec.Kind, spec.View, spec.Properties
	}
	typeNames := object.TypeNames(v)
	if props == nil {
		lookKind := kind
		if lookKind == CustomView {
			lookKind = AutoView
		}
		if view := w.reg.Lookup(typeNames, lookKind, viewName); view != nil {
			d.view = view
			d.kind = view.Kind
		} else {
			names := w.reg.defaultPropertyNames(v)
			switch kind {
			case AutoView, CustomView:
				if len(names) <= 4 {
					kind = TableView
				} else {
					kind = ListView
				}
			}
			d.kind = kind
			if kind == TableView {
				if w.reg.defaultProperties(typeNames) == nil && len(names) > 10 {
					names = names[:10]
				}
				d.table.fields = namesToFields(v, names)
			}
		}
	} else {
		d.kind = kind
		if kind != ListView {
			d.kind = TableView
			d.table.fields = resolveFields(props, v, true)
		} else {
			d.list.specs = props
		}
	}
	if d.view != nil && d.kind == TableView {
		d.table.fields = viewColumns(d.view)
	}
	if d.view != nil {
		d.table.autosize = d.view.AutoSize
		d.table.wrap = d.view.Wrap
		d.table.hide = d.view.HideTableHeaders
		if d.view.GroupBy != "" || d.view.GroupFunc != nil {
			label := d.view.GroupLabel
			if label == "" {
				label = d.view.GroupBy
			}
			d.groupBy = &field{prop: d.view.GroupBy, fn: d.view.GroupFunc, fromView: true}
			d.groupLabel = label
		}
	}
	if spec != nil {
		d.table.autosize = d.table.autosize || spec.AutoSize
		d.table.wrap = d.table.wrap || spec.Wrap
		d.table.hide = d.table.hide || spec.HideTableHeaders
		if spec.GroupBy != nil {
			fs := resolveFields([]PropSpec{*spec.GroupBy}, v, true)
			if len(fs) > 0 {
				f := fs[0]
				d.groupBy = &f
				d.groupLabel = f.label
			}
		}
	}
	if d.kind == TableView {
		fs := d.table.fields
		d.table.buffered = d.table.autosize || len(fs) == 0 || fs[0].width <= 0
	}
	w.out(Output, "") // FormatStart
}

// add formats one object inside the open document.
func (w *Writer) add(v any) {
	d := w.doc
	if d.view != nil && !d.view.appliesTo(object.TypeNames(v)) {
		lines := []string{""}
		w.listEntry(v, fieldList{fs: namesToFields(v, w.reg.defaultPropertyNames(v))}, func(b []byte) {
			eachLine(b, func(l []byte) { lines = append(lines, string(l)) })
		})
		lines = append(lines, "")
		w.outOfBand(Output, lines)
		return
	}
	var cells []string
	if d.kind == TableView {
		fs := d.table.fields
		vals := make([]any, len(fs))
		cells = make([]string, len(fs))
		for k := range fs {
			vals[k] = fs[k].value(v, &w.o)
			cells[k] = fs[k].textOf(vals[k], &w.o, true)
		}
		if d.table.aligns == nil {
			d.table.aligns = make([]Alignment, len(fs))
			for k := range fs {
				al := fs[k].align
				if al == AlignDefault {
					al = AlignLeft
					if !fs[k].fromView && isRightAligned(vals[k]) {
						al = AlignRight
					}
				}
				d.table.aligns[k] = al
			}
		}
	}
	if d.groupBy != nil {
		gv := d.groupBy.value(v, &w.o)
		var key string
		if d.groupBy.format != "" {
			key = applyFormat(gv, d.groupBy.format, &w.o)
		} else {
			key = RenderValue(gv, &w.o, false)
		}
		if d.groups == 0 || !strings.EqualFold(key, d.groupKey) {
			w.startGroup(key)
		}
	} else if d.groups == 0 {
		w.startGroup("")
	}
	switch d.kind {
	case TableView:
		if d.table.buffered {
			d.table.queue = append(d.table.queue, pending{kind: 1, row: cells})
			return
		}
		for _, l := range d.table.fmt.rowLines(cells) {
			w.out(Output, l)
		}
	case ListView:
		var fields fieldList
		switch {
		case d.list.specs != nil:
			if names, ok := everyLazyName(d.list.specs, v); ok {
				fields.names = names
			} else {
				fields.fs = resolveFields(d.list.specs, v, false)
			}
		case d.view != nil && d.view.Items == nil && d.view.ItemProperties != nil:
			fields.names = d.view.ItemProperties
		case d.view != nil:
			fields.items = d.view.Items
		default:
			fields.fs = namesToFields(v, w.reg.defaultPropertyNames(v))
		}
		if w.outBuf != nil {
			w.listEntry(v, fields, nil)
		} else {
			w.listEntry(v, fields, w.outputBytes)
		}
		w.out(Output, "")
	case CustomView:
		var lines []string
		if d.view != nil && d.view.Custom != nil {
			lines = d.view.Custom(v, &w.o)
		} else {
			lines = []string{RenderValue(v, &w.o, false)}
		}
		for _, l := range lines {
			for _, s := range splitLines(l) {
				w.out(Output, s)
			}
		}
	}
}

// startGroup closes the previous group and opens a new one, writing the
// group label when grouping.
func (w *Writer) startGroup(key string) {
	d := w.doc
	if d.kind == TableView {
		w.flushTable()
	}
	var lines []string
	if d.groups > 0 {
		lines = append(lines, "")
	}
	switch {
	case d.groupBy != nil && d.view != nil && d.view.GroupHeader != nil && d.groupBy.fromView:
		lines = append(lines, d.view.GroupHeader(key), "")
	case d.groupBy != nil:
		lines = append(lines, "   "+d.groupLabel+": "+key, "")
	}
	d.groups++
	d.groupKey = key
	if d.kind == TableView {
		d.table.open = true
		if d.table.buffered {
			for _, l := range lines {
				d.table.queue = append(d.table.queue, pending{line: l})
			}
			d.table.queue = append(d.table.queue, pending{kind: 2})
			return
		}
		for _, l := range lines {
			w.out(Output, l)
		}
		d.table.fmt = w.newTable(nil)
		for _, l := range d.table.fmt.headerLines() {
			w.out(Output, l)
		}
		return
	}
	for _, l := range lines {
		w.out(Output, l)
	}
}

// newTable lays out the open table group; rows feed content-based widths.
func (w *Writer) newTable(rows [][]string) *tableFmt {
	d := w.doc
	labels := make([]string, len(d.table.fields))
	widths := make([]int, len(d.table.fields))
	for k, f := range d.table.fields {
		labels[k] = f.label
		widths[k] = f.width
	}
	if d.table.buffered {
		widths = ContentWidths(labels, rows)
	}
	return newTableFmt(labels, d.table.aligns, widths, w.o.TableWidth(), d.table.hide, d.table.wrap, w.o.Color)
}

// flushTable writes a buffered table group.
func (w *Writer) flushTable() {
	d := w.doc
	if d == nil || !d.table.open {
		return
	}
	d.table.open = false
	if !d.table.buffered {
		return
	}
	q := d.table.queue
	d.table.queue = nil
	var rows [][]string
	for _, p := range q {
		if p.kind == 1 {
			rows = append(rows, p.row)
		}
	}
	t := w.newTable(rows)
	for _, p := range q {
		switch p.kind {
		case 0:
			w.out(p.stream, p.line)
		case 1:
			for _, l := range t.rowLines(p.row) {
				w.out(Output, l)
			}
		case 2:
			for _, l := range t.headerLines() {
				w.out(Output, l)
			}
		}
	}
}

func (w *Writer) endDoc() {
	d := w.doc
	if d == nil {
		return
	}
	switch d.kind {
	case TableView:
		w.flushTable()
		w.doc = nil
		w.out(Output, "")
	case CustomView:
		w.doc = nil
		w.out(Output, "")
	default:
		w.doc = nil
	}
}

// everyLazyName returns the names of a lazy object when specs are one
// pattern of stars alone (Format-List *): the fields resolveFields would
// give, each name at its position.
func everyLazyName(specs []PropSpec, v any) ([]string, bool) {
	if len(specs) != 1 || specs[0].Script != nil || specs[0].Calculated || specs[0].Name == "" || strings.Trim(specs[0].Name, "*") != "" {
		return nil, false
	}
	return object.LazyNames(v)
}

// fieldList is the fields of a list entry: those given, or a view's
// items or item properties made into fields one at a time (a view of a
// few hundred properties needs no table of them).
type fieldList struct {
	fs    []field
	items []ListItem
	names []string
}

func (l fieldList) len() int {
	switch {
	case l.items != nil:
		return len(l.items)
	case l.names != nil:
		return len(l.names)
	}
	return len(l.fs)
}

func (l fieldList) at(i int) field {
	switch {
	case l.items != nil:
		return itemField(&l.items[i])
	case l.names != nil:
		return field{label: l.names[i], prop: l.names[i], at: i + 1, fromView: true}
	}
	return l.fs[i]
}

// text is the text field i shows for v in a list (at(i).text): a
// property the view names is read straight from its likely position.
func (l fieldList) text(i int, v any, o *Options) string {
	if l.names != nil && l.names[i] != "" {
		return RenderValue(object.PropertyValueAt(v, l.names[i], i), o, false)
	}
	f := l.at(i)
	return f.text(v, o, false)
}

// when is at(i).when: nil, or what tells whether v shows field i.
func (l fieldList) when(i int) func(any) bool {
	if l.items != nil {
		return l.items[i].When
	}
	if l.fs != nil {
		return l.fs[i].when
	}
	return nil
}

// label is the label of field i (what at(i).label is).
func (l fieldList) label(i int) string {
	switch {
	case l.items != nil:
		return l.items[i].label()
	case l.names != nil:
		return l.names[i]
	}
	return l.fs[i].label
}

// listText is the text of one line of a list entry; shown is false for
// a line the entry leaves out.
type listText struct {
	text string
	// labelCells is the width of the line's label
	labelCells int32
	shown      bool
}

// outputBytes writes lines of the output stream (see outBytes).
func (w *Writer) outputBytes(lines []byte) { w.outBytes(Output, lines) }

// listChunk is about how many bytes of a list entry's lines the writer
// holds before it gives them out: a few dozen lines in one call, from a
// buffer that stays small.
const listChunk = 2 << 10

// listEntry renders one object's list lines (without the empty line
// that follows each entry) to emit, some at a time: lines each followed
// by a newline, valid during the call only, put together in the
// writer's buffer. A nil emit appends them to the buffer of OutputTo.
func (w *Writer) listEntry(v any, fields fieldList, emit func(line []byte)) {
	n := fields.len()
	if n == 0 {
		return
	}
	width := w.o.ListWidth()
	if width-5 < 0 {
		return
	}
	if fields.names != nil && object.LazyUnmade(v) {
		if maxLabel, ok := asciiLabels(fields.names); ok {
			w.listLazyEntry(v, fields.names, width, maxLabel, emit)
			return
		}
	}
	// Every value is worked out before the first line goes out, as
	// Format-List does: what working one out shows (Write-Host in a
	// calculated property) comes before the entry. The labels are
	// measured on the way, every one (shown or not) counting for their
	// width.
	texts := w.texts[:0]
	if cap(texts) < n {
		texts = make([]listText, 0, n)
	}
	w.texts = nil // a value worked out may format with this writer
	maxLabel := 0
	if names := fields.names; names != nil {
		// a view's properties, read from their likely positions
		for i, name := range names {
			lc := len(name)
			if !printableASCII(name) {
				lc = Cells(name)
			}
			maxLabel = max(maxLabel, lc)
			t := listText{labelCells: int32(lc), shown: true}
			if name != "" {
				t.text = RenderValue(object.PropertyValueAt(v, name, i), &w.o, false)
			}
			texts = append(texts, t)
		}
	} else {
		for i := 0; i < n; i++ {
			lc := Cells(fields.label(i))
			maxLabel = max(maxLabel, lc)
			t := listText{labelCells: int32(lc)}
			if when := fields.when(i); when == nil || when(v) {
				t.text, t.shown = fields.text(i, v, &w.o), true
			}
			texts = append(texts, t)
		}
	}
	if maxLabel > width-4 {
		maxLabel = width - 4
	}
	valueWidth := width - (maxLabel + 3)
	b := w.entryBuffer(emit)
	for i := range texts {
		t := &texts[i]
		if !t.shown {
			continue
		}
		b = w.lineRoom(b, emit)
		b = w.appendListLine(b, fields.label(i), int(t.labelCells), maxLabel, valueWidth, t.text, false)
	}
	w.texts = texts
	w.endEntry(b, emit)
}

// listLazyEntry is listEntry for a lazy object none of whose properties
// has been made, shown by a view's names, every one of them printable
// ASCII and maxLabel long at most: its values are computed by Go code
// that shows nothing, so each is worked out as its line is written, its
// text put together in the writer's scratch room rather than kept.
func (w *Writer) listLazyEntry(v any, names []string, width, maxLabel int, emit func(line []byte)) {
	if maxLabel > width-4 {
		maxLabel = width - 4
	}
	valueWidth := width - (maxLabel + 3)
	b := w.entryBuffer(emit)
	for i, name := range names {
		b = w.lineRoom(b, emit)
		var text string
		plain := true
		if name != "" {
			text, plain = w.listValue(object.PropertyValueAt(v, name, i))
		}
		b = w.appendListLine(b, name, len(name), maxLabel, valueWidth, text, plain)
	}
	w.endEntry(b, emit)
}

// asciiLabels reports whether every name is printable ASCII (its width
// is its length) and gives the widest one's width.
func asciiLabels(names []string) (widest int, ok bool) {
	for _, name := range names {
		if !printableASCII(name) {
			return 0, false
		}
		widest = max(widest, len(name))
	}
	return widest, true
}

// listValue is RenderValue(v) for a list line written at once: a
// collection's text is put together in the writer's scratch room, and
// the text returned is valid until the next call; plain reports a text
// known to be printable ASCII.
func (w *Writer) listValue(v any) (text string, plain bool) {
	switch x := v.(type) {
	case bool:
		// a flag's text is known to be one printable line
		if x {
			return "True", true
		}
		return "False", true
	case *object.List:
		if x != nil && len(x.Items) > 0 {
			w.scratch = appendCollection(w.scratch[:0], x.Items, enumLimit(&w.o))
			return unsafe.String(unsafe.SliceData(w.scratch), len(w.scratch)), false
		}
	}
	return RenderValue(v, &w.o, false), false
}

// entryBuffer is where the lines of a list entry are put together: the
// buffer of OutputTo for a nil emit, the writer's own otherwise (taken
// from the writer until endEntry: emit may write with it).
func (w *Writer) entryBuffer(emit func(line []byte)) []byte {
	if emit == nil {
		b := *w.outBuf
		if cap(b) == 0 {
			b = make([]byte, 0, w.outRoom)
		}
		return b
	}
	b := w.lines[:0]
	if cap(b) == 0 {
		b = make([]byte, 0, 2*listChunk)
	}
	w.lines = nil
	return b
}

// lineRoom makes room for the next line of a list entry whose lines so
// far are in b (entryBuffer): given to emit once listChunk bytes of them
// wait, or, in the buffer of OutputTo, taken by its full function once
// less than listChunk bytes of room are left (a longer line still grows
// the buffer). It returns the buffer to go on with.
func (w *Writer) lineRoom(b []byte, emit func(line []byte)) []byte {
	if emit != nil {
		if len(b) >= listChunk {
			emit(b)
			return b[:0]
		}
		return b
	}
	if w.outFull == nil || len(b) == 0 || cap(b)-len(b) >= listChunk {
		return b
	}
	*w.outBuf = b
	w.outFull()
	b = (*w.outBuf)[:0]
	if cap(b) == 0 {
		b = make([]byte, 0, w.outRoom)
	}
	return b
}

// endEntry gives out the last lines of a list entry put together in b
// (entryBuffer) and gives the buffer back.
func (w *Writer) endEntry(b []byte, emit func(line []byte)) {
	if emit == nil {
		*w.outBuf = b
		return
	}
	if len(b) > 0 {
		emit(b)
	}
	w.lines = b[:0]
}

// appendListLine appends the line or lines of one list value: label
// (labelCells wide) padded to maxLabel, the colon and text cut to
// valueWidth cells. A text known to be printable ASCII (plain) is not
// looked through for other characters.
func (w *Writer) appendListLine(b []byte, label string, labelCells, maxLabel, valueWidth int, text string, plain bool) []byte {
	if labelCells > maxLabel {
		label = headCells(label, maxLabel)
		labelCells = Cells(label)
	}
	pad := maxLabel - labelCells
	// Most values are one short printable line: label, padding, colon
	// and value; a long one is cut where its words end.
	if plain || len(text) == 0 || printableASCII(text) {
		if !w.o.Color && pad <= len(blanks) && len(text) <= valueWidth {
			b = append(b, label...)
			b = append(b, blanksColon[len(blanks)-pad:]...)
			return append(append(b, text...), '\n')
		}
		if len(text) > valueWidth && valueWidth >= 2 {
			return w.appendWrapped(b, label, pad, maxLabel+3, text, valueWidth, true)
		}
	}
	if cells, plain := plainCells(text); plain && cells <= valueWidth {
		b = w.appendListLabel(b, label, pad)
		return append(append(b, text...), '\n')
	}
	// Others are cut into lines, the first after the label, the rest
	// under the first.
	return w.appendWrapped(b, label, pad, maxLabel+3, text, valueWidth, false)
}

// appendWrapped appends the lines of a list value cut to valueWidth
// cells: the first after the label (padded by pad), the rest under the
// first, indent cells in. A printable ASCII text (ascii) wider than
// valueWidth, of two cells or more, is cut as wrapText would cut it,
// without measuring it again.
func (w *Writer) appendWrapped(b []byte, label string, pad, indent int, text string, valueWidth int, ascii bool) []byte {
	first := true
	line := func(l string) {
		if first {
			b = w.appendListLabel(b, label, pad)
			first = false
		} else {
			b = append(b, spaces(indent)...)
		}
		b = append(b, l...)
		if strings.Contains(l, "\x1b") && !strings.HasSuffix(l, styleReset) {
			b = append(b, styleReset...)
		}
		b = append(b, '\n')
	}
	// (each cut called as itself: the lines' function stays on the stack)
	if ascii {
		wrapASCII(text, valueWidth, valueWidth, line)
	} else {
		wrapText(text, valueWidth, valueWidth, line)
	}
	return b
}

// appendListLabel appends the start of a list line: the label, pad
// spaces and the colon, styled when colour is on.
func (w *Writer) appendListLabel(b []byte, label string, pad int) []byte {
	if w.o.Color {
		b = append(b, styleHeader...)
	}
	b = append(b, label...)
	b = append(b, spaces(pad)...)
	b = append(b, " : "...)
	if w.o.Color {
		b = append(b, styleReset...)
	}
	return b
}

// FormatLines formats values the way Out-String does (without the final
// newline handling): a convenience for tests and simple callers.
func FormatLines(r *Registry, o Options, values ...any) []string {
	var lines []string
	wr := NewWriter(r, o, func(_ Stream, l string) { lines = append(lines, l) })
	for _, v := range values {
		wr.Write(v)
	}
	wr.Close()
	return lines
}

// OutString joins lines the way Out-String returns them: every line
// followed by a newline.
func OutString(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
