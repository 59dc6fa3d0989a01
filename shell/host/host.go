// Package host is the one place that talks to the outside world: standard
// input, output and error, whether they are terminals, the output width
// and whether color is allowed. Tests inject their own IO; nothing else in
// exosim writes to os.Stdout directly.
package host

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
)

// Color escape sequences PowerShell 7 uses on a VT console.
const (
	ColorError   = "\x1b[31;1m"
	ColorWarning = "\x1b[33;1m"
	ColorVerbose = "\x1b[33;1m"
	ColorHeader  = "\x1b[32;1m"
	ColorGutter  = "\x1b[36;1m"
	ColorReset   = "\x1b[0m"
)

// ErrNonInteractive is returned by prompts when input is not a terminal
// and cannot answer them.
var ErrNonInteractive = errors.New("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.")

// LineEditor reads one edited line from a terminal (the REPL's readline).
type LineEditor interface {
	ReadLine(prompt string) (string, error)
	ReadPassword(prompt string) (string, error)
}

// IO bundles the process's streams and what is known about them.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer

	// StdinTTY and StdoutTTY tell whether the streams are terminals.
	StdinTTY  bool
	StdoutTTY bool
	// Width is the console width in cells (the terminal's, or the --width
	// setting when output is not a terminal; default 120).
	Width int
	// Color enables VT color sequences; only ever true on a terminal.
	Color bool
	// Editor, when set, is used for Read-Host and prompts on a terminal.
	Editor LineEditor
	// EnterNestedPrompt, when set, runs a nested prompt until the user
	// types exit (the [S] Suspend answer of a confirmation).
	EnterNestedPrompt func()

	mu     sync.Mutex
	reader *bufio.Reader
}

// System returns an IO bound to the process's standard streams.
func System() *IO {
	return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Width: 120}
}

// Interactive reports whether prompts can be answered (stdin is a terminal).
func (h *IO) Interactive() bool { return h.StdinTTY }

// ReadLine reads one line of input for Read-Host and prompts. On a
// terminal with an editor the prompt is shown and the line edited there;
// otherwise the prompt is written to Out and a line is read from In.
func (h *IO) ReadLine(prompt string, secret bool) (string, error) {
	if h.Editor != nil && h.StdinTTY {
		if secret {
			return h.Editor.ReadPassword(prompt)
		}
		return h.Editor.ReadLine(prompt)
	}
	if prompt != "" {
		io.WriteString(h.Out, prompt)
	}
	return h.readRaw()
}

func (h *IO) readRaw() (string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.In == nil {
		return "", io.EOF
	}
	if h.reader == nil {
		h.reader = bufio.NewReader(h.In)
	}
	line, err := h.reader.ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	line = strings.TrimSuffix(line, "\n")
	line = strings.TrimSuffix(line, "\r")
	return line, nil
}

// ReadAll returns the rest of standard input (for scripts read from stdin).
func (h *IO) ReadAll() (string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.In == nil {
		return "", nil
	}
	if h.reader == nil {
		h.reader = bufio.NewReader(h.In)
	}
	b, err := io.ReadAll(h.reader)
	return string(b), err
}

// Paint wraps s in a color sequence when color is enabled.
func (h *IO) Paint(color, s string) string {
	if !h.Color || s == "" {
		return s
	}
	return color + s + ColorReset
}
