package hostui_test

import (
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// scriptedEditor answers host reads from a list.
type scriptedEditor struct{ answers []string }

func (e *scriptedEditor) ReadLine(prompt string) (string, error) {
	if len(e.answers) == 0 {
		return "", host.ErrInterrupted
	}
	a := e.answers[0]
	e.answers = e.answers[1:]
	return a, nil
}
func (e *scriptedEditor) ReadPassword(prompt string) (string, error) { return e.ReadLine(prompt) }

// TestHostObject: $Host answers as pwsh's console host does, and its UI
// methods reach the host (PromptForChoice asks until an answer picks a
// choice; Ctrl+C stops the command line without an error).
func TestHostObject(t *testing.T) {
	cases := []struct {
		script  string
		answers []string
		want    string
	}{
		{"$Host.Name; $Host.Version.Major; \"$($Host.Version)\"", nil, "ConsoleHost\n7\n7.4.6\n"},
		{"$Host.UI.RawUI.WindowSize.Width; $Host.UI.RawUI.BufferSize.Width", nil, "100\n100\n"},
		{"$Host.UI.WriteLine('hello')", nil, "hello\n"},
		{"$Host.UI.ReadLine()", []string{"typed"}, "typed\n"},
		{"$Host.UI.PromptForChoice('Cap', 'Msg', @('&Yes', '&No'), 0)", []string{"x", "?", "n"},
			"\nCap\nMsg\nY - \nN - \n1\n"},
		{"$Host.UI.PromptForChoice('Cap', 'Msg', @('&Yes', '&No'), 1)", []string{""}, "\nCap\nMsg\n1\n"},
		// Ctrl+C: the rest of the line does not run, no error is shown.
		{"$Host.UI.PromptForChoice('Cap', 'Msg', @('&Yes', '&No'), 0); 'after'", nil, "\nCap\nMsg\n"},
	}
	for _, tc := range cases {
		out := &strings.Builder{}
		io := &host.IO{Out: out, Err: out, Width: 100, StdinTTY: true, Editor: &scriptedEditor{answers: tc.answers}}
		rt := runtime.New(io, nil)
		rt.Run(syntax.NewSource("", tc.script), runtime.RunOptions{})
		if out.String() != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.script, out.String(), tc.want)
		}
	}
}
