package hostui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/syntax"
)

// display is a session with a console writing to buffers, its variables
// in a map (the global ones in another).
type display struct {
	io            *host.IO
	vars, globals map[string]any
}

func (d *display) Console() *host.IO                { return d.io }
func (d *display) FormatRegistry() *format.Registry { return format.NewRegistry() }
func (d *display) Variable(name string) (any, bool) {
	v, ok := d.vars[name]
	return v, ok
}
func (d *display) GlobalVariable(name string) (any, bool) {
	v, ok := d.globals[name]
	return v, ok
}
func (d *display) InvokeScript(object.ScriptBlock, any) (any, error) { return nil, nil }

// writes counts the writes made to it.
type writes struct {
	strings.Builder
	n int
}

func (w *writes) Write(p []byte) (int, error) {
	w.n++
	return w.Builder.Write(p)
}

func newDisplay(vars, globals map[string]any) (*hostui.Display, *writes, *writes, *host.IO) {
	out, errs := &writes{}, &writes{}
	io := &host.IO{In: strings.NewReader(""), Out: out, Err: errs, Width: 80, Color: true}
	return hostui.NewDisplay(&display{io: io, vars: vars, globals: globals}), out, errs, io
}

// An error record is shown in the view $ErrorView names (ConciseView when
// unset), on the error stream, and counted.
func TestShowError(t *testing.T) {
	t.Parallel()
	rec := &object.ErrorRecord{Message: "it broke", ErrorID: "Broke", Category: object.InvalidOperation, ExceptionType: "InvalidOperationException", Activity: "Get-Thing"}
	concise := format.RenderError(rec, format.ErrorOptions{View: "ConciseView", Width: 80})
	normal := format.RenderError(rec, format.ErrorOptions{View: "NormalView", Width: 80})
	if strings.Join(concise, "\n") == strings.Join(normal, "\n") {
		t.Fatal("the record looks the same in both views")
	}
	tests := []struct {
		name string
		vars map[string]any
		want []string
	}{
		{"unset", nil, concise},
		{"$null", map[string]any{"ErrorView": nil}, concise},
		{"NormalView", map[string]any{"ErrorView": "normalview"}, normal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, out, errs, io := newDisplay(tc.vars, nil)
			io.Color = false
			d.ShowError(rec)
			d.ShowError(rec)
			want := strings.Join(tc.want, "\n") + "\n"
			if errs.String() != want+want || out.String() != "" {
				t.Errorf("shown:\n%q\nwant twice:\n%q\nout %q", errs.String(), want, out.String())
			}
			if d.Errors != 2 {
				t.Errorf("%d errors counted", d.Errors)
			}
		})
	}
}

// While a command line runs, what it shows goes through its Out-Default,
// one value's output lines in one write to the host.
func TestOutDefault(t *testing.T) {
	t.Parallel()
	d, out, errs, _ := newDisplay(nil, nil)
	d.Out = d.NewOutDefault()
	d.Write([]any{"one", "two", "three"})
	if out.String() != "one\ntwo\nthree\n" || out.n != 1 {
		t.Errorf("wrote %q in %d writes", out.String(), out.n)
	}
	d.ShowError(&object.ErrorRecord{Message: "bad", ErrorID: "Bad", Category: object.InvalidArgument, ExceptionType: "ArgumentException"})
	if !strings.Contains(errs.String(), "bad") || d.Errors != 1 {
		t.Errorf("error shown as %q, counted %d", errs.String(), d.Errors)
	}
	d.Out.Close()
	d.Out = nil
	out.Reset()
	d.Write("after")
	if out.String() != "after\n" {
		t.Errorf("between command lines wrote %q", out.String())
	}
}

// Output longer than Out-Default's buffer goes out in a few writes, its
// lines whole and in order, a line longer than the buffer included.
func TestOutDefaultLong(t *testing.T) {
	t.Parallel()
	d, out, _, _ := newDisplay(nil, nil)
	d.Out = d.NewOutDefault()
	var lines []any
	var want strings.Builder
	for i := 0; i < 3000; i++ {
		l := strings.Repeat(string(rune('a'+i%26)), 1+i%40)
		if i == 1500 {
			l = strings.Repeat("x", 40000)
		}
		lines = append(lines, l)
		want.WriteString(l + "\n")
	}
	d.Write(lines)
	d.Out.Close()
	if out.String() != want.String() {
		t.Fatalf("wrote %d bytes, want %d", out.Len(), want.Len())
	}
	if out.n < 2 || out.n > 10 {
		t.Errorf("%d bytes in %d writes", out.Len(), out.n)
	}
}

// The formatter shows as many elements of a collection as the global
// $FormatEnumerationLimit says (4 when unset or not a number), in colour
// only on a colour console and never for Out-String.
func TestFormatOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		globals   map[string]any
		outString bool
		limit     int
		color     bool
	}{
		{name: "unset", limit: format.DefaultEnumLimit, color: true},
		{name: "set", globals: map[string]any{"FormatEnumerationLimit": 2}, limit: 2, color: true},
		{name: "text number", globals: map[string]any{"FormatEnumerationLimit": "7"}, limit: 7, color: true},
		{name: "not a number", globals: map[string]any{"FormatEnumerationLimit": "many"}, limit: format.DefaultEnumLimit, color: true},
		{name: "Out-String", outString: true, limit: format.DefaultEnumLimit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// A variable of the running scope is not the global one.
			d, _, _, _ := newDisplay(map[string]any{"FormatEnumerationLimit": 99}, tc.globals)
			o := d.FormatOptions(tc.outString)
			if got := o.EnumLimitFunc(); got != tc.limit {
				t.Errorf("limit %d, want %d", got, tc.limit)
			}
			if o.Color != tc.color || o.OutString != tc.outString || o.Width != 80 {
				t.Errorf("options %+v", o)
			}
		})
	}
}

// At most MaxParseErrors parse errors of one input are shown.
func TestShowParseErrors(t *testing.T) {
	t.Parallel()
	src := syntax.NewSource("", strings.Repeat(",", 150))
	var errs syntax.ErrorList
	for i := 0; i < 150; i++ {
		ext := syntax.Extent{Src: src, Start: syntax.Pos{Offset: i, Line: 1, Col: i + 1}, End: syntax.Pos{Offset: i + 1, Line: 1, Col: i + 2}}
		errs = append(errs, &syntax.ParseError{Message: "Missing argument in parameter list.", ErrorID: "MissingArgument", Ext: ext})
	}
	for _, n := range []int{1, hostui.MaxParseErrors, 150} {
		d, _, out, _ := newDisplay(nil, nil)
		d.ShowParseErrors(errs[:n])
		want := min(n, hostui.MaxParseErrors)
		if d.Errors != want || strings.Count(out.String(), "Missing argument") != want {
			t.Errorf("%d parse errors: %d shown", n, d.Errors)
		}
	}
}

// A list entry longer than Out-Default's buffer goes out in a few writes
// between its lines, as the same text as when it is formatted whole; a
// long output of such entries is written in bigger pieces once it has
// filled the buffer a few times.
func TestOutDefaultLongListEntry(t *testing.T) {
	t.Parallel()
	o := object.NewObject("Test.Wide")
	for i := 0; i < 300; i++ {
		o.Add(fmt.Sprintf("Property%03d", i), strings.Repeat(string(rune('a'+i%26)), 30+i%50))
	}
	entry := &format.Shaped{Spec: &format.Spec{Kind: format.ListView}, Value: o}
	// formatted lists writes the lines of n entries formatted whole
	formatted := func(n int) string {
		var want strings.Builder
		w := format.NewWriter(nil, format.Options{Width: 80}, func(_ format.Stream, l string) { want.WriteString(l + "\n") })
		for i := 0; i < n; i++ {
			w.Write(entry)
		}
		w.Close()
		return want.String()
	}
	one := formatted(1)
	if len(one) < 20<<10 {
		t.Fatalf("the entry is %d bytes, too short for the test", len(one))
	}

	d, out, _, io := newDisplay(nil, nil)
	io.Color = false
	d.Out = d.NewOutDefault()
	d.Write(entry)
	if out.String() != one {
		t.Fatalf("one entry: wrote\n%s\nwant\n%s", out.String(), one)
	}
	if out.n < 2 || out.n > 6 {
		t.Errorf("one entry of %d bytes in %d writes", len(one), out.n)
	}
	for _, l := range strings.SplitAfter(out.String(), "\n") {
		if l != "" && !strings.HasSuffix(l, "\n") {
			t.Fatalf("a line cut: %q", l)
		}
	}
	first := out.n
	for i := 0; i < 20; i++ {
		d.Write(entry)
	}
	d.Out.Close()
	if want := formatted(21); out.String() != want {
		t.Fatalf("21 entries: wrote %d bytes, want %d", out.Len(), len(want))
	}
	// 20 entries of 20 KB and more: far fewer writes than one per entry
	// and piece of the first
	if n := out.n - first; n > 20*first/2 {
		t.Errorf("20 more entries in %d writes (the first in %d)", n, first)
	}
}
