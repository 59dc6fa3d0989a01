package hostui

import (
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// DisplaySession is the session as its Display sees it.
type DisplaySession interface {
	// Console is the terminal the session runs in.
	Console() *host.IO
	// FormatRegistry holds the session's format views.
	FormatRegistry() *format.Registry
	// Variable is a variable's value as the running code sees it;
	// GlobalVariable one of the global scope.
	Variable(name string) (any, bool)
	GlobalVariable(name string) (any, bool)
	// InvokeScript runs a script block a format view or a calculated
	// property names, with $_ set, and returns its output.
	InvokeScript(sb object.ScriptBlock, dollarUnder any) (any, error)
}

// Display is how a session shows what reaches its host: the values a
// command line outputs, through its implicit Out-Default; error records,
// in the view $ErrorView names; the lines of the other streams.
type Display struct {
	s DisplaySession
	// Out is the implicit Out-Default of the command line running, nil
	// between command lines.
	Out *OutDefault
	// Errors counts the error records shown (a command line that shows
	// one fails).
	Errors int
}

// NewDisplay is the display of session s.
func NewDisplay(s DisplaySession) *Display { return &Display{s: s} }

// WriteStream writes one line of an output stream to the host.
func (d *Display) WriteStream(s format.Stream, line string) { WriteLine(d.s.Console(), s, line) }

// HostLine writes a line straight to the host (Write-Host, What if:).
func (d *Display) HostLine(line string) { d.WriteStream(format.Host, line) }

// HostText writes text to the host without a newline (prompts).
func (d *Display) HostText(text string) { WriteRaw(d.s.Console(), text) }

// ErrorView is the view $ErrorView names (ConciseView when unset).
func (d *Display) ErrorView() string {
	if v, ok := d.s.Variable("ErrorView"); ok && v != nil {
		return params.NormalizeAction(v)
	}
	return "ConciseView"
}

// ShowError shows an error record: through the command line's
// Out-Default while one runs, else straight on the error stream.
func (d *Display) ShowError(rec *object.ErrorRecord) {
	d.Errors++
	if d.Out != nil {
		d.Out.Write(rec)
		return
	}
	io := d.s.Console()
	for _, l := range format.RenderError(rec, format.ErrorOptions{View: d.ErrorView(), Width: io.Width, Color: io.Color}) {
		d.WriteStream(format.Error, l)
	}
}

// MaxParseErrors bounds the parse errors shown for one input: a huge
// malformed input (a megabyte of commas) has a parse error per
// character, and each shows its line.
const MaxParseErrors = 100

// ShowParseErrors shows the parse errors of one input, the first
// MaxParseErrors of them.
func (d *Display) ShowParseErrors(errs syntax.ErrorList) {
	for i, e := range errs {
		if i == MaxParseErrors {
			break
		}
		d.ShowError(pserror.ParseRecord(e))
	}
}

// Write sends a value through the command line's Out-Default (Out-Default,
// Out-Host), or formats it on its own between command lines.
func (d *Display) Write(v any) {
	if d.Out != nil {
		d.Out.Write(v)
		return
	}
	w := format.NewWriter(d.s.FormatRegistry(), d.FormatOptions(false), d.WriteStream)
	w.Write(v)
	w.Close()
}

// FormatOptions are the formatter's options in this session: the
// console's width and colours (none for Out-String), the global
// $FormatEnumerationLimit, the script blocks of views and calculated
// properties, and $ErrorView.
func (d *Display) FormatOptions(outString bool) format.Options {
	io := d.s.Console()
	limit := func() int {
		v, ok := d.s.GlobalVariable("FormatEnumerationLimit")
		if !ok {
			return format.DefaultEnumLimit
		}
		if n, ok := v.(int); ok {
			return n // the session's own value, unless a script set another
		}
		if n, ok := numeric.ToNumber(v); ok {
			return int(numeric.Int64(n))
		}
		return format.DefaultEnumLimit
	}
	return format.Options{
		Width:         io.Width,
		OutString:     outString,
		Color:         io.Color && !outString,
		EnumLimitFunc: limit,
		Invoke:        d.s.InvokeScript,
		ErrorViewFunc: d.ErrorView,
	}
}

// OutDefault is the implicit Out-Default at the end of a command line.
// The output lines of one value go to the host in one write, or one each
// time the buffer of lines waiting fills up: a list of a few hundred
// properties is a write or three, not a few hundred, its lines written
// by the formatter straight into the buffer. Anything else the host
// shows (another stream, a script block the formatting runs) first
// sends what is waiting.
type OutDefault struct {
	w *format.Writer
	// pending holds the output lines waiting, each followed by a newline.
	pending []byte
	// fills counts the writes made because pending was full (full).
	fills int
	d     *Display
}

// NewOutDefault starts the Out-Default of a command line.
func (d *Display) NewOutDefault() *OutDefault {
	od := &OutDefault{d: d}
	opts := d.FormatOptions(false)
	invoke := opts.Invoke
	opts.Invoke = func(sb object.ScriptBlock, dollarUnder any) (any, error) {
		od.flush()
		return invoke(sb, dollarUnder)
	}
	od.w = format.NewWriter(d.s.FormatRegistry(), opts, func(s format.Stream, line string) {
		if s == format.Output {
			add(od, line)
			return
		}
		od.flush()
		d.WriteStream(s, line)
	})
	// the lines of lists go straight into the buffer of lines waiting
	od.w.OutputTo(&od.pending, outChunk, od.full)
	return od
}

// outChunk is the most output an OutDefault holds before it writes, until
// the output proves long: a command line's output of a few pages (a
// mailbox's list, 15 KB) is written in a write or three from a buffer of
// two pages of memory, where a bigger one would have the program touch
// (and the system map) a page more for every 4 KB of it. After longFills
// writes of a full buffer, the output is long, and the buffer outLong
// bytes big: fewer writes for a long listing. The buffer is never grown
// step by step (each step a copy).
const (
	outChunk  = 8 << 10
	outLong   = 64 << 10
	longFills = 3
)

// full writes the output lines waiting because the buffer has little
// room left, making it outLong bytes big once the output is long.
func (od *OutDefault) full() {
	od.flush()
	if od.fills++; od.fills == longFills {
		od.pending = make([]byte, 0, outLong)
	}
}

// add queues an output line.
func add(od *OutDefault, line string) {
	if len(od.pending)+len(line)+1 > cap(od.pending) {
		if len(od.pending) > 0 {
			od.full()
		}
		if len(line)+1 > cap(od.pending) {
			od.pending = make([]byte, 0, max(outChunk, len(line)+1))
		}
	}
	od.pending = append(append(od.pending, line...), '\n')
}

// Write formats v and shows it.
func (od *OutDefault) Write(v any) {
	od.w.Write(v)
	od.flush()
}

// Close ends the output (a buffered table is shown).
func (od *OutDefault) Close() {
	od.w.Close()
	od.flush()
}

// flush shows the output lines waiting.
func (od *OutDefault) flush() {
	if len(od.pending) == 0 {
		return
	}
	WriteLines(od.d.s.Console(), od.pending)
	od.pending = od.pending[:0]
}
