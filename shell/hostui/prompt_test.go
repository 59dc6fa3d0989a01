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
	prompt := "[Y] Yes  [N] No  [?] Help (default is \"Y\"): "
	if want := "\nCaption\nDelete it?\n" + prompt + "Y - Continue with only the next step of the operation.\nN - Skip this operation and proceed with the next operation.\n" + prompt; out.String() != want {
		t.Errorf("wrote %q", out.String())
	}
	c, _ = newConsole(true, "")
	if ok, err := hostui.ShouldContinue(c, "q", "c"); !ok || err != nil {
		t.Errorf("default answer: %v %v", ok, err)
	}
	c, _ = newConsole(false)
	if _, err := hostui.ShouldContinue(c, "q", "c"); !errors.Is(err, hostui.ErrNonInteractive) {
		t.Errorf("without a terminal: %v", err)
	}
	c, _ = newConsole(true)
	var pe *pserror.Error
	if _, err := hostui.ShouldContinue(c, "q", "c"); !errors.As(err, &pe) || pe.Record.ErrorID != "PipelineStopped" {
		t.Errorf("Ctrl+C: %v", err)
	}
}
