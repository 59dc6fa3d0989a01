package hostui_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/pserror"
)

var errStop = errors.New("stopped")

// console is a Session over a host.IO.
type console struct{ io *host.IO }

func (c console) Console() *host.IO                        { return c.io }
func (c console) Text(v any) string                        { return "" }
func (c console) WriteStream(s format.Stream, line string) { hostui.WriteLine(c.io, s, line) }
func (c console) Stop() error                              { return errStop }

func newConsole(tty bool, answers ...string) (console, *strings.Builder) {
	out := &strings.Builder{}
	return console{&host.IO{Out: out, Err: out, Width: 100, StdinTTY: tty, Editor: &scriptedEditor{answers: answers}}}, out
}

func TestConfirm(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		answers           []string
		suspend, nested   bool
		ok                bool
		err               error
		yesToAll, noToAll bool
		resumed           int
	}{
		{answers: []string{"y"}, ok: true},
		{answers: []string{"a"}, ok: true, yesToAll: true},
		{answers: []string{"n"}},
		{answers: []string{"l"}, noToAll: true},
		{answers: nil, err: errStop},                          // Ctrl+C
		{answers: []string{"s"}, suspend: true, err: errStop}, // no nested prompt
		{answers: []string{"s", "y"}, suspend: true, nested: true, ok: true, resumed: 1},
	} {
		c, _ := newConsole(true, tc.answers...)
		if tc.nested {
			c.io.EnterNestedPrompt = func() {}
		}
		var yes, no bool
		resumed := 0
		ok, err := hostui.Confirm(c, "Confirm", "Sure?", tc.suspend, &yes, &no, func() { resumed++ })
		if ok != tc.ok || err != tc.err || yes != tc.yesToAll || no != tc.noToAll || resumed != tc.resumed {
			t.Errorf("%q: got %v %v yes=%v no=%v resumed=%d", tc.answers, ok, err, yes, no, resumed)
		}
	}
}

func TestShouldContinue(t *testing.T) {
	t.Parallel()
	c, out := newConsole(true, "?", "n")
	ok, err := hostui.ShouldContinue(c, "Delete it?", "Caption")
	if ok || err != nil {
		t.Fatalf("got %v %v", ok, err)
	}
	// At a terminal the editor shows the choices row and reads the answer.
	if want := "\nCaption\nDelete it?\nY - Continue with only the next step of the operation.\nN - Skip this operation and proceed with the next operation.\n"; out.String() != want {
		t.Errorf("wrote %q", out.String())
	}
	c, _ = newConsole(true, "")
	if ok, err := hostui.ShouldContinue(c, "q", "c"); !ok || err != nil {
		t.Errorf("default answer: %v %v", ok, err)
	}
	c, _ = newConsole(true)
	var pe *pserror.Error
	if _, err := hostui.ShouldContinue(c, "q", "c"); !errors.As(err, &pe) || pe.Record.ErrorID != "PipelineStopped" {
		t.Errorf("Ctrl+C: %v", err)
	}
}

// TestPromptsRedirected: ShouldContinue and Confirm read their answers
// from redirected input, echoed after the choices row, and fail at its
// end with ErrEndOfInput; a NonInteractive session fails at once with
// ErrNonInteractive, writing nothing.
func TestPromptsRedirected(t *testing.T) {
	t.Parallel()
	redirected := func(in string, nonInteractive bool) (console, *strings.Builder) {
		out := &strings.Builder{}
		return console{&host.IO{In: strings.NewReader(in), Out: out, Err: out, Width: 100, NonInteractive: nonInteractive}}, out
	}
	prompt := "[Y] Yes  [N] No  [?] Help (default is \"Y\"): "
	c, out := redirected("?\nmaybe\nNo\n", false)
	if ok, err := hostui.ShouldContinue(c, "Delete it?", "Caption"); ok || err != nil {
		t.Errorf("ShouldContinue: %v %v", ok, err)
	}
	if want := "\nCaption\nDelete it?\n" + prompt + "?\nY - Continue with only the next step of the operation.\nN - Skip this operation and proceed with the next operation.\n" + prompt + "maybe\n" + prompt + "No\n"; out.String() != want {
		t.Errorf("ShouldContinue wrote %q", out.String())
	}
	c, _ = redirected("", false)
	if _, err := hostui.ShouldContinue(c, "q", "c"); !errors.Is(err, hostui.ErrEndOfInput) {
		t.Errorf("ShouldContinue at the end of the input: %v", err)
	}
	c, out = redirected("y\n", true)
	if _, err := hostui.ShouldContinue(c, "q", "c"); !errors.Is(err, hostui.ErrNonInteractive) || out.Len() != 0 {
		t.Errorf("ShouldContinue NonInteractive: %v, wrote %q", err, out.String())
	}
	for _, tc := range []struct {
		in                string
		ok, yesAll, noAll bool
		err               error
	}{
		{in: "y\n", ok: true},
		{in: "\n", ok: true},
		{in: "A\n", ok: true, yesAll: true},
		{in: "yes to all\n", ok: true, yesAll: true},
		{in: "n\n"},
		{in: "L\n", noAll: true},
		{in: "z\nno\n"},
		{in: "", err: hostui.ErrEndOfInput},
		{in: "z\n", err: hostui.ErrEndOfInput},
	} {
		c, _ := redirected(tc.in, false)
		var yes, no bool
		ok, err := hostui.Confirm(c, "Confirm", "Sure?", false, &yes, &no, func() {})
		if ok != tc.ok || yes != tc.yesAll || no != tc.noAll || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
			t.Errorf("Confirm %q: %v %v yes=%v no=%v", tc.in, ok, err, yes, no)
		}
	}
	c, out = redirected("y\n", true)
	var yes, no bool
	if _, err := hostui.Confirm(c, "Confirm", "Sure?", false, &yes, &no, func() {}); !errors.Is(err, hostui.ErrNonInteractive) || out.Len() != 0 {
		t.Errorf("Confirm NonInteractive: %v, wrote %q", err, out.String())
	}
}
