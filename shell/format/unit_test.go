package format

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
)

func TestRenderValue(t *testing.T) {
	h := ordered("b", 1, "a", 2)
	cases := []struct {
		v       any
		o       *Options
		inTable bool
		want    string
	}{
		{nil, nil, false, ""},
		{[]any{}, nil, false, "{}"},
		{[]any{1, nil, "x"}, nil, false, "{1, $null, x}"},
		{[]any{0, 1, 2, 3, 4, 5}, nil, false, "{0, 1, 2, 3…}"},
		{[]any{0, 1, 2}, &Options{EnumLimit: EnumLimitZero}, false, "{…}"},
		{[]any{}, &Options{EnumLimit: EnumLimitZero}, false, "{}"},
		{[]any{strings.Repeat("long ", 40), "b"}, &Options{EnumLimit: -1}, false, "{" + strings.Repeat("long ", 40) + ", b}"},
		{[]any{0, 1}, &Options{EnumLimit: 1}, false, "{0…}"},
		{h, nil, false, "{b, a}"},
		{obj("Name", "Alice", "Count", 5), nil, false, "@{Name=Alice; Count=5}"},
		{obj("Name", "Alice", "Tags", []any{1, 2}), nil, false, "@{Name=Alice; Tags=System.Object[]}"},
		{[]any{obj("a", 1), []any{1}}, nil, false, "{@{a=1}, System.Object[]}"},
		{1234.56789, nil, true, "1234.57"},
		{1234.56789, nil, false, "1234.56789"},
		{7.0, nil, true, "7.00"},
		{7.0, nil, false, "7"},
		{true, nil, true, "True"},
		{int64(53150220288), nil, true, "53150220288"},
		{time.Date(2022, 6, 16, 13, 5, 0, 0, time.UTC), nil, true, "6/16/2022 1:05:00 PM"},
		{object.MustGuid("5d7f3a9e-1c2b-4e8f-9a6d-0b1c2d3e4f50"), nil, true, "5d7f3a9e-1c2b-4e8f-9a6d-0b1c2d3e4f50"},
		{object.TimeSpan(93784 * object.TicksPerSecond), nil, true, "1.02:03:04"},
		{object.Enum{Type: "T", Name: "High", Value: 2}, nil, true, "High"},
		{[]any{time.Date(2022, 6, 16, 1, 19, 4, 0, time.UTC)}, nil, false, "{6/16/2022 1:19:04 AM}"},
	}
	for _, c := range cases {
		if got := RenderValue(c.v, c.o, c.inTable); got != c.want {
			t.Errorf("RenderValue(%#v, table=%v) = %q, want %q", c.v, c.inTable, got, c.want)
		}
	}
}

func TestFitWidths(t *testing.T) {
	cases := []struct {
		req   []int
		total int
		want  []int
	}{
		{[]int{30, 0}, 119, []int{30, 88}},
		{[]int{5, 25, 0}, 119, []int{5, 25, 87}},
		{[]int{0, 0}, 10, []int{5, 4}},
		{[]int{0, 0, 0}, 9, []int{3, 2, 2}},
		{[]int{5, 58}, 40, []int{5, 34}},
		{[]int{10, 10, 10}, 15, []int{10, 4, -1}},
		{[]int{10, 10, 10}, 5, []int{5, -1, -1}},
		{[]int{4, 4}, 9, []int{4, 4}},
	}
	for _, c := range cases {
		if got := FitWidths(c.req, c.total); !reflect.DeepEqual(got, c.want) {
			t.Errorf("FitWidths(%v, %d) = %v, want %v", c.req, c.total, got, c.want)
		}
	}
}

func TestWrapText(t *testing.T) {
	cases := []struct {
		s     string
		width int
		want  []string
	}{
		{"", 5, []string{""}},
		{"short", 10, []string{"short"}},
		{"This is a very long note that will not fit in the console", 34, []string{"This is a very long note that ", "will not fit in the console"}},
		{"LongLongHeader", 4, []string{"Long", "Long", "Head", "er"}},
		{"a\r\nb", 5, []string{"a", "b"}},
		{"ab cdefghij", 4, []string{"ab c", "defg", "hij"}},
		{"日本語テキスト", 5, []string{"日本", "語テ", "キス", "ト"}},
	}
	for _, c := range cases {
		if got := WrapText(c.s, c.width, c.width); !reflect.DeepEqual(got, c.want) {
			t.Errorf("WrapText(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
	}
}

// WrapText cuts the pieces of a line out of it; they are the pieces
// wrapLine builds character by character, for text of every kind (spaces,
// tabs, wide characters, escapes, words longer than a line) and widths.
func TestWrapTextCuts(t *testing.T) {
	t.Parallel()
	parts := []string{"a", "bc", "def ", " ", "\t", "日", "本語 ", "\x1b[31m", "\x1b[0m", "LongLongLongWord", "x y", "é"}
	seed := uint32(1)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for k := rnd(12); k >= 0; k-- {
			b.WriteString(parts[rnd(len(parts))])
		}
		line := b.String()
		fw, w := 2+rnd(12), 2+rnd(12)
		got := WrapText(line, fw, w)
		want := []string{line}
		if Cells(line) > fw {
			want = nil
			wrapLine(line, fw, w, func(l string) { want = append(want, l) })
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("WrapText(%q, %d, %d) = %q, want %q", line, fw, w, got, want)
		}
	}
}

func TestCells(t *testing.T) {
	cases := map[string]int{
		"abc":                   3,
		"日本":                    4,
		"한국어":                   6,
		"ｆｕｌｌ":                  8,
		"\x1b[32;1mName\x1b[0m": 4,
		"a\nb":                  3,
		"…":                     1,
		"a日b":                   4,
		"Name \x1b[0m日":         7,
		// longer than a word: printable runs, controls, escapes and wide
		// characters at and across eight-byte boundaries
		"ProhibitSendReceiveQuota":                24,
		"abcdefg\x1b[0mhijklmnop":                 16,
		"abcdefgh\x7fijklmno\tpq":                 19,
		"1234567日本語abcdefgh":                      21,
		"\x1b[32;1mProhibitSendQuota\x1b[0m : 99": 22,
	}
	for s, want := range cases {
		if got := Cells(s); got != want {
			t.Errorf("Cells(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestRowFieldWide(t *testing.T) {
	// A wide character that does not fit leaves one cell, padded.
	if got := rowField("日本語", 4, AlignLeft, true); got != "日… " {
		t.Errorf("left wide: %q", got)
	}
	if got := rowField("日本語", 4, AlignRight, true); got != " …語" {
		t.Errorf("right wide: %q", got)
	}
	if got := rowField("12345678", 7, AlignRight, true); got != "…345678" {
		t.Errorf("right: %q", got)
	}
	if got := rowField("abc", 1, AlignLeft, true); got != "a" {
		t.Errorf("width 1: %q", got)
	}
	if got := rowField("abc", 1, AlignRight, true); got != "c" {
		t.Errorf("width 1 right: %q", got)
	}
	if got := rowField("ab", 6, AlignCenter, true); got != "  ab  " {
		t.Errorf("center: %q", got)
	}
	if got := rowField("ab", 7, AlignCenter, false); got != "  ab" {
		t.Errorf("center last: %q", got)
	}
}

func TestWideCharacterTable(t *testing.T) {
	got := render(nil, Options{}, obj("Name", "日本", "N", 1))
	want := "\nName N\n---- -\n日本 1\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestListWrapping(t *testing.T) {
	long := "alpha beta gamma delta epsilon zeta eta theta"
	o := obj("Name", "x", "Description", long)
	// Console width 31 → W 30, label 11 + 3 → values wrap at 16.
	got := render(nil, Options{Width: 31}, &Shaped{Spec: &Spec{Kind: ListView}, Value: o})
	want := "\nName        : x\nDescription : alpha beta \n              gamma delta \n              epsilon zeta \n              eta theta\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
	// Out-String without -Width never wraps lists.
	got = render(nil, Options{Width: 31, OutString: true}, &Shaped{Spec: &Spec{Kind: ListView}, Value: o})
	want = "\nName        : x\nDescription : " + long + "\n\n"
	if got != want {
		t.Errorf("out-string: got %q", got)
	}
	// Embedded newlines continue under the value column.
	got = render(nil, Options{}, &Shaped{Spec: &Spec{Kind: ListView}, Value: obj("A", "one\ntwo")})
	if got != "\nA : one\n    two\n\n" {
		t.Errorf("newline: %q", got)
	}
}

func TestFormatListStarAndViewItems(t *testing.T) {
	ts := object.TimeSpan(90 * object.TicksPerSecond)
	got := render(nil, Options{}, ts)
	if !strings.HasPrefix(got, "\nDays              : 0\nHours             : 0\nMinutes           : 1\nSeconds           : 30\n") {
		t.Errorf("timespan list: %q", got)
	}
	if strings.HasSuffix(got, "\n\n\n") {
		t.Errorf("7.4 lists end with one empty line: %q", got)
	}
	got = render(nil, Options{}, &Shaped{Spec: &Spec{Kind: ListView, Properties: names("*")}, Value: obj("b", 1, "a", 2)})
	if got != "\nb : 1\na : 2\n\n" {
		t.Errorf("fl *: %q", got)
	}
}

func TestOutOfBandListForViewDocument(t *testing.T) {
	got := render(nil, Options{}, ordered("k", "v"), obj("x", 1))
	want := "\nName                           Value\n----                           -----\nk                              v\n\nx : 1\n\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestNewSpecStartsNewDocument(t *testing.T) {
	s1, s2 := &Spec{Kind: TableView}, &Spec{Kind: TableView}
	got := render(nil, Options{}, &Shaped{Spec: s1, Value: obj("a", 1)}, &Shaped{Spec: s1, Value: obj("a", 22)}, &Shaped{Spec: s2, Value: obj("b", 3)}, obj("c", 4), "tail")
	want := "\n a\n -\n 1\n22\n\n\nb\n-\n3\n\n\nc\n-\n4\ntail\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
	// A scalar given to Format-Table is written as a raw line.
	got = render(nil, Options{}, &Shaped{Spec: s1, Value: "hello"})
	if got != "hello\n" {
		t.Errorf("scalar: %q", got)
	}
}

func TestGroupByList(t *testing.T) {
	spec := &Spec{Kind: ListView, Properties: names("Name"), GroupBy: &PropSpec{Name: "dept"}}
	got := render(nil, Options{}, &Shaped{Spec: spec, Value: obj("Name", "A", "Dept", "x")}, &Shaped{Spec: spec, Value: obj("Name", "B", "Dept", "X")}, &Shaped{Spec: spec, Value: obj("Name", "C", "Dept", "y")})
	want := "\n   Dept: x\n\nName : A\n\nName : B\n\n\n   Dept: y\n\nName : C\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestDefaultTableLimitAndGuid(t *testing.T) {
	o := object.NewCustomObject()
	for i := 0; i < 12; i++ {
		o.Add(string(rune('a'+i)), i)
	}
	// 12 properties → list by default.
	if got := render(nil, Options{}, o); !strings.Contains(got, "l : 11") {
		t.Errorf("list: %q", got)
	}
	got := render(nil, Options{}, &Shaped{Spec: &Spec{Kind: TableView}, Value: o})
	if !strings.HasPrefix(got, "\na b c d e f g h i j\n") {
		t.Errorf("ft limited to 10 columns: %q", got)
	}
	g := object.MustGuid("5d7f3a9e-1c2b-4e8f-9a6d-0b1c2d3e4f50")
	if got := render(nil, Options{}, g); got != "\nGuid\n----\n5d7f3a9e-1c2b-4e8f-9a6d-0b1c2d3e4f50\n\n" {
		t.Errorf("guid: %q", got)
	}
}

func TestColorHeaders(t *testing.T) {
	got := render(nil, Options{Color: true}, obj("a", "x", "b", "y"))
	want := "\n\x1b[32;1ma\x1b[0m\x1b[32;1m b\x1b[0m\n\x1b[32;1m-\x1b[0m \x1b[32;1m-\x1b[0m\nx y\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
	got = render(nil, Options{Color: true}, &Shaped{Spec: &Spec{Kind: ListView}, Value: obj("a", "x")})
	if got != "\n\x1b[32;1ma : \x1b[0mx\n\n" {
		t.Errorf("list: %q", got)
	}
}

func TestWarningsAndEmpty(t *testing.T) {
	var lines []string
	var streams []Stream
	w := NewWriter(nil, Options{}, func(s Stream, l string) { lines = append(lines, l); streams = append(streams, s) })
	w.Write(&object.WarningRecord{Message: "careful"})
	w.Close()
	if len(lines) != 1 || lines[0] != "WARNING: careful" || streams[0] != Warning {
		t.Errorf("warning: %q %v", lines, streams)
	}
	if got := render(nil, Options{}); got != "" {
		t.Errorf("empty pipeline: %q", got)
	}
}

func TestNoPanics(t *testing.T) {
	var nilObj *object.PSObject
	values := []any{nil, nilObj, object.NewCustomObject(), obj(), []any{nil}, &Shaped{}, &Shaped{Spec: &Spec{Kind: TableView, Properties: []PropSpec{{}}}, Value: obj("a", 1)},
		(*object.ErrorRecord)(nil), &object.ErrorRecord{}, &object.ErrorRecord{Position: &object.Position{}}, &object.ErrorRecord{Position: &object.Position{Line: 3, Col: 99, EndCol: -4, LineText: "x"}},
		object.NewHashtable(), obj("a", []any{}), obj("a", "日本語テキスト\n改行"), 3.5, struct{}{}}
	for _, width := range []int{-1, 0, 1, 2, 5, 6, 10} {
		for _, os := range []bool{false, true} {
			for _, wrap := range []bool{false, true} {
				o := Options{Width: width, OutString: os, WidthGiven: os}
				vals := append([]any{}, values...)
				vals = append(vals, &Shaped{Spec: &Spec{Kind: TableView, Wrap: wrap}, Value: obj("LongHeaderName", "日本語テキスト", "b", 1)})
				vals = append(vals, &Shaped{Spec: &Spec{Kind: ListView}, Value: obj("LongHeaderName", "日本語テキスト", "b", 1)})
				_ = FormatLines(NewRegistry(), o, vals...)
			}
		}
	}
	for _, v := range []string{"", "ConciseView", "NormalView", "CategoryView"} {
		_ = RenderError(&object.ErrorRecord{Category: object.ParserError, Position: &object.Position{Line: 1, Col: 0, LineText: ""}}, ErrorOptions{View: v, Width: 0})
		_ = RenderError(&object.ErrorRecord{Message: strings.Repeat("x", 300), Position: &object.Position{ScriptPath: "a.ps1", Line: 1}}, ErrorOptions{View: v, Width: 3})
	}
}

func TestParseCalculated(t *testing.T) {
	sb := &fakeSB{text: "$_.x"}
	h := func(kv ...any) *object.Hashtable {
		t := object.NewHashtable()
		for i := 0; i+1 < len(kv); i += 2 {
			t.Set(kv[i], kv[i+1])
		}
		return t
	}
	ps, err := ParseCalculated(h("n", "Size", "e", sb, "f", "N0", "w", 10, "a", "r"), ForTable)
	if err != nil || ps.Label != "Size" || ps.Script != sb || ps.FormatString != "N0" || ps.Width != 10 || ps.Align != AlignRight || !ps.Calculated {
		t.Errorf("parse: %+v %v", ps, err)
	}
	errs := []struct {
		h    *object.Hashtable
		kind CalcKind
		want string
	}{
		{h("n", "x"), ForTable, "A mandatory entry for Expression is missing."},
		{h("e", "x", "q", 1), ForTable, "The q key is not valid."},
		{h("e", "x", "w", 1), ForList, "The w key is not valid."},
		{h("e", "x", "n", "a", "l", "b"), ForTable, `The duplicated key "l" conflicts with "n".`},
		{h("e", "x", "w", 0), ForTable, `The value "0" for key "Width" should be greater than 0.`},
		{h("e", "x", "a", "middle"), ForTable, `The value "middle" for key "Alignment" is not valid; valid values are {left, center, right}.`},
		{h("e", "x", "", 1), ForTable, "The  key is not valid."},
	}
	for _, c := range errs {
		_, err := ParseCalculated(c.h, c.kind)
		if err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
	ps, err = ParseCalculated(h("Expression", "Name", "Descending", true), ForSort)
	if err != nil || ps.Descending == nil || !*ps.Descending || ps.Name != "Name" {
		t.Errorf("sort: %+v %v", ps, err)
	}
}

// A list value that fits the value column is written on the label's line
// as it is; one a cell wider, with a line break or with wide characters
// wraps under the column; a label wider than the console is cut.
func TestListValueFitsOrWraps(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		label string
		value any
		want  string
	}{
		{"Description", "abcdefghijklmnop", "Description : abcdefghijklmnop\n"},
		{"Description", "abcdefghijklmnopq", "Description : abcdefghijklmnop\n              q\n"},
		{"Description", "日本語日本語日本語", "Description : 日本語日本語日本\n              語\n"},
		{"Description", "a\r\nb", "Description : a\n              b\n"},
		{"Description", "", "Description : \n"},
		{"LabelThatIsLongerThanTheConsole", "xy", "LabelThatIsLongerThanTheCo : x\n                             y\n"},
	} {
		got := render(nil, Options{Width: 31}, &Shaped{Spec: &Spec{Kind: ListView}, Value: obj(c.label, c.value)})
		if want := "\n" + c.want + "\n"; got != want {
			t.Errorf("%s = %q: got %q want %q", c.label, c.value, got, want)
		}
	}
}

// plainCells measures as Cells does and tells a text with a carriage
// return, newline or escape sequence from a plain one.
func TestPlainCells(t *testing.T) {
	for _, s := range []string{"", "abc", "ProhibitSendReceiveQuota : 100 GB", "a\nb", "abcdefghij\r", "日本語 text",
		"\x1b[32mok\x1b[0m", "tab\there", "12345678\x1b", "1234567\n89"} {
		n, plain := plainCells(s)
		if n != Cells(s) || plain == strings.ContainsAny(s, "\r\n\x1b") {
			t.Errorf("plainCells(%q) = %d, %v", s, n, plain)
		}
	}
}

// Printable ASCII is as wide as it is long, measured eight bytes at a
// time (the last eight overlapping those before); any other byte,
// wherever it is, sends the text to the measure by character.
func TestCellsOddByteAnywhere(t *testing.T) {
	t.Parallel()
	for n := 0; n <= 24; n++ {
		base := strings.Repeat("x", n)
		if got := Cells(base); got != n {
			t.Errorf("Cells of %d bytes = %d", n, got)
		}
		for i := 0; i < n; i++ {
			for _, odd := range []string{"\t", "\n", "\x1b", "日", "é", "\x7f"} {
				s := base[:i] + odd + base[i+1:]
				want := n - 1 + host.RuneCells([]rune(odd)[0])
				if odd == "\x1b" {
					// an escape takes the character after it
					want = n - 1 - min(1, n-1-i)
				}
				if got := Cells(s); got != want {
					t.Errorf("Cells(%q) = %d, want %d", s, got, want)
				}
				if got, plain := plainCells(s); got != want || plain == (odd == "\n" || odd == "\x1b") {
					t.Errorf("plainCells(%q) = %d, %v", s, got, plain)
				}
			}
		}
	}
}

// A writer reads $FormatEnumerationLimit once for each value it is given,
// at the value's first non-empty collection: a list of many collections
// shows them all with the limit read then.
func TestEnumLimitReadOncePerValue(t *testing.T) {
	t.Parallel()
	reads := 0
	var lines []string
	w := NewWriter(nil, Options{Width: 80, EnumLimitFunc: func() int { reads++; return reads }}, func(_ Stream, l string) { lines = append(lines, l) })
	spec := &Spec{Kind: ListView}
	w.Write(&Shaped{Spec: spec, Value: obj("A", []any{1, 2, 3}, "B", []any{}, "C", []any{4, 5, 6})})
	w.Write(&Shaped{Spec: spec, Value: obj("A", []any{1, 2, 3}, "B", []any{}, "C", []any{4, 5, 6})})
	w.Write(&Shaped{Spec: spec, Value: obj("A", "no collection")})
	w.Close()
	want := []string{"", "A : {1…}", "B : {}", "C : {4…}", "", "A : {1, 2…}", "B : {}", "C : {4, 5…}", "", "A : no collection", ""}
	if reads != 2 || !reflect.DeepEqual(lines, want) {
		t.Errorf("%d reads, lines %q", reads, lines)
	}
}

// A line of printable ASCII wraps into the pieces the measure by
// character makes of it: words of every length, spaces anywhere, first
// and other widths apart.
func TestWrapASCIIIsWrapWords(t *testing.T) {
	t.Parallel()
	seed := uint32(7)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	collect := func(wrap func(string, int, int, func(string)), line string, fw, w int) []string {
		var out []string
		wrap(line, fw, w, func(l string) { out = append(out, l) })
		return out
	}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for k := rnd(10); k >= 0; k-- {
			b.WriteString(strings.Repeat(string(rune('a'+rnd(26))), 1+rnd(30)))
			b.WriteString(strings.Repeat(" ", rnd(3)))
		}
		line := b.String()
		fw, w := 2+rnd(20), 2+rnd(20)
		got, want := collect(wrapASCII, line, fw, w), collect(wrapWords, line, fw, w)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("wrapASCII(%q, %d, %d) = %q, wrapWords %q", line, fw, w, got, want)
		}
	}
}

// A list given out as bytes is its lines, each followed by a newline,
// some at a time: the same lines the writer gives out as strings, a
// long entry in several parts.
func TestListLinesAsBytes(t *testing.T) {
	t.Parallel()
	var kv []any
	for i := 0; i < 200; i++ {
		kv = append(kv, fmt.Sprintf("Property%03d", i), strings.Repeat("value ", i%30))
	}
	v := &Shaped{Spec: &Spec{Kind: ListView}, Value: obj(kv...)}
	want := render(nil, Options{Width: 80}, v)
	var got strings.Builder
	parts := 0
	w := NewWriter(nil, Options{Width: 80}, func(_ Stream, l string) { got.WriteString(l + "\n") })
	w.EmitBytes(func(_ Stream, lines []byte) {
		if len(lines) == 0 || lines[len(lines)-1] != '\n' {
			t.Errorf("lines without their newline: %q", lines)
		}
		parts++
		got.Write(lines)
	})
	w.Write(v)
	w.Close()
	if got.String() != want || parts < 2 {
		t.Errorf("%d parts, got:\n%s\nwant:\n%s", parts, got.String(), want)
	}
}

// Format-List and Format-Table, with wildcards or names, show lazy
// objects as they show the same objects built property by property, each
// name once, the rows after the first read by position.
func TestWildcardPropertiesOfLazyObject(t *testing.T) {
	t.Parallel()
	props := []string{"Name", "Count", "Tags", "Enabled"}
	values := []any{"annb", 3, []any{"a", "b"}, true}
	schema := object.NewSchema(props, []string{"System.String", "System.Int32", "System.Object[]", "System.Boolean"})
	lazy := object.NewLazyObject(schema, func(i int) any { return values[i] }, "T.Lazy")
	lazy2 := object.NewLazyObject(schema, func(i int) any { return []any{"bob", 4, nil, false}[i] }, "T.Lazy")
	eager := typed("T.Lazy", "Name", "annb", "Count", 3, "Tags", []any{"a", "b"}, "Enabled", true)
	eager2 := typed("T.Lazy", "Name", "bob", "Count", 4, "Tags", nil, "Enabled", false)
	for _, spec := range []*Spec{
		{Kind: ListView, Properties: names("*")},
		{Kind: ListView, Properties: names("Count", "*")},
		{Kind: ListView, Properties: names("*n*", "N*")},
		{Kind: TableView, Properties: names("*")},
		{Kind: TableView, Properties: names("[", "Name")},
		{Kind: TableView, Properties: names("count", "Name", "NoSuch", "tags")},
	} {
		want := render(nil, Options{}, &Shaped{Spec: spec, Value: eager}, &Shaped{Spec: spec, Value: eager2})
		if got := render(nil, Options{}, &Shaped{Spec: spec, Value: lazy}, &Shaped{Spec: spec, Value: lazy2}); got != want {
			t.Errorf("%v: lazy objects show\n%q\nwant\n%q", spec.Properties, got, want)
		}
	}
}

// A list written into a buffer (OutputTo) is the same text as its lines
// given out one by one, the lines given out otherwise (an entry's empty
// line) landing after those in the buffer.
func TestListLinesIntoBuffer(t *testing.T) {
	t.Parallel()
	var kv []any
	for i := 0; i < 60; i++ {
		kv = append(kv, fmt.Sprintf("Property%03d", i), strings.Repeat("value ", i%30)+strings.Repeat("é", i%3))
	}
	v := &Shaped{Spec: &Spec{Kind: ListView}, Value: obj(kv...)}
	for _, o := range []Options{{Width: 80}, {Width: 80, Color: true}, {Width: 12}} {
		want := render(nil, o, v, v)
		var buf []byte
		w := NewWriter(nil, o, func(_ Stream, l string) { buf = append(append(buf, l...), '\n') })
		w.OutputTo(&buf, 16, nil)
		w.Write(v)
		w.Write(v)
		w.Close()
		if string(buf) != want {
			t.Errorf("width %d colour %v: got\n%s\nwant\n%s", o.Width, o.Color, buf, want)
		}
	}
}

// A list written into a buffer with a full function (OutputTo) is the
// same text, the function taking the lines whenever little room is left,
// so the buffer keeps its size while a long entry is written.
func TestListLinesIntoBufferTakenWhenFull(t *testing.T) {
	t.Parallel()
	var kv []any
	for i := 0; i < 200; i++ {
		kv = append(kv, fmt.Sprintf("Property%03d", i), strings.Repeat("value ", i%30))
	}
	v := &Shaped{Spec: &Spec{Kind: ListView}, Value: obj(kv...)}
	want := render(nil, Options{Width: 80}, v, v)
	const room = 4 << 10
	var out strings.Builder
	buf := make([]byte, 0, room)
	taken := 0
	w := NewWriter(nil, Options{Width: 80}, func(_ Stream, l string) {
		out.Write(buf)
		buf = append(buf[:0], l...)
		buf = append(buf, '\n')
	})
	w.OutputTo(&buf, room, func() {
		if cap(buf) != room {
			t.Errorf("the buffer grew to %d bytes", cap(buf))
		}
		out.Write(buf)
		buf = buf[:0]
		taken++
	})
	w.Write(v)
	w.Write(v)
	w.Close()
	out.Write(buf)
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if taken < len(want)/room {
		t.Errorf("%d bytes taken %d times from a %d-byte buffer", len(want), taken, room)
	}
}

// A header whose labels fit their columns is the line the cutting of
// wrapped cells would make of it, whatever the alignments, wide
// characters or empty labels.
func TestFittingHeaderIsOneLine(t *testing.T) {
	t.Parallel()
	labels := []string{"Name", "", "漢字", "Count", "Ends"}
	for _, widths := range [][]int{{6, 3, 4, 7, 4}, {4, 1, 5, 5, 9}} {
		for al := AlignDefault; al <= AlignRight; al++ {
			aligns := []Alignment{al, AlignLeft, al, AlignRight, al}
			tf := &tableFmt{labels: labels, aligns: aligns, widths: widths}
			if !tf.labelsFit() {
				t.Fatalf("%v: labels do not fit", widths)
			}
			if got, want := tf.singleLine(labels, true), tf.multiLine(labels, true); len(want) != 1 || got != want[0] {
				t.Errorf("%v align %d: %q, want %q", widths, al, got, want)
			}
		}
	}
	if (&tableFmt{labels: []string{"a\nb"}, widths: []int{5}}).labelsFit() {
		t.Error("a label of two lines fits")
	}
	if (&tableFmt{labels: []string{"Name"}, widths: []int{5}, color: true}).labelsFit() {
		t.Error("coloured labels take the one-line path")
	}
}

// A list view of a lazy object none of whose properties has been made
// (its lines written as its values are worked out) shows what the same
// object built property by property shows, and what the lazy object
// shows once a property has been made: collections, long and non-ASCII
// values, colour, narrow widths and a label wider than the line.
func TestListViewOfUnmadeLazyObject(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 30)
	list := func(items ...any) *object.List { return &object.List{Items: items} }
	cases := []struct {
		name  string
		props []string
		vals  []any
	}{
		{"plain", []string{"Name", "Count", "Enabled", "Missing"}, []any{"annb", 3, true, nil}},
		{"collections", []string{"Emails", "Empty", "Many", "Nested"}, []any{
			list("smtp:a@x", "SMTP:b@x"), list(), list(1, 2, 3, 4, 5, 6),
			list(list(1), long)}},
		{"long values", []string{"Short", "Long", "LongList"}, []any{"x", long, list(long, long)}},
		{"non-ASCII values", []string{"Name", "Tags"}, []any{"Ünïcödé " + long, list("§1", "…")}},
		{"non-ASCII label", []string{"Näme", "Count"}, []any{"annb", 3}},
		{"wide label", []string{strings.Repeat("L", 70), "N"}, []any{"v", "w"}},
	}
	for _, c := range cases {
		types := make([]string, len(c.props))
		for i := range types {
			types[i] = "System.Object"
		}
		schema := object.NewUniqueSchema(c.props, types)
		lazy := func() *object.PSObject {
			return object.NewLazyObject(schema, func(i int) any { return c.vals[i] }, "T.Lazy")
		}
		var kv []any
		for i, p := range c.props {
			kv = append(kv, p, c.vals[i])
		}
		eager := typed("T.Lazy", kv...)
		r := NewRegistry()
		r.Add(&View{Name: "LazyList", TypeNames: []string{"T.Lazy"}, Kind: ListView, ItemProperties: c.props})
		spec := &Spec{Kind: ListView}
		for _, o := range []Options{{}, {Width: 40}, {Width: 40, Color: true}, {EnumLimit: 2}} {
			want := render(r, o, &Shaped{Spec: spec, Value: eager})
			made := lazy()
			made.Value(c.props[0])
			if got := render(r, o, &Shaped{Spec: spec, Value: made}); got != want {
				t.Errorf("%s, %+v, one property made:\n%s\nwant\n%s", c.name, o, got, want)
			}
			if got := render(r, o, &Shaped{Spec: spec, Value: lazy()}); got != want {
				t.Errorf("%s, %+v:\n%s\nwant\n%s", c.name, o, got, want)
			}
		}
	}
}

func TestASCIILabels(t *testing.T) {
	cases := []struct {
		names  []string
		widest int
		ok     bool
	}{
		{nil, 0, true},
		{[]string{"Name", "", "DisplayName"}, 11, true},
		{[]string{"Name", "Näme"}, 0, false},
		{[]string{"Tab\there"}, 0, false},
	}
	for _, c := range cases {
		if widest, ok := asciiLabels(c.names); widest != c.widest || ok != c.ok {
			t.Errorf("asciiLabels(%q) = %d, %v; want %d, %v", c.names, widest, ok, c.widest, c.ok)
		}
	}
}

func TestAppendCollection(t *testing.T) {
	cases := []struct {
		prefix string
		items  []any
		limit  int
		want   string
	}{
		{"", []any{"a"}, 4, "{a}"},
		{"x", []any{1, nil, "b"}, 4, "x{1, $null, b}"},
		{"", []any{0, 1, 2, 3, 4}, 4, "{0, 1, 2, 3…}"},
		{"", []any{0, 1}, 0, "{…}"},
		{"", []any{0, 1, 2}, -1, "{0, 1, 2}"},
		{"", []any{[]any{1}, "x y"}, 4, "{System.Object[], x y}"},
	}
	for _, c := range cases {
		if got := string(appendCollection([]byte(c.prefix), c.items, c.limit)); got != c.want {
			t.Errorf("appendCollection(%q, %v, %d) = %q, want %q", c.prefix, c.items, c.limit, got, c.want)
		}
	}
}
