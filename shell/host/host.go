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
	"unicode/utf8"
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

// ErrNonInteractive is returned by every read and prompt of a
// NonInteractive session (pwsh -NonInteractive).
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
	// NonInteractive is pwsh's -NonInteractive: no read or prompt is
	// answered, at a terminal or from redirected input; each fails with
	// ErrNonInteractive instead.
	NonInteractive bool
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
	// progress is set while a progress line is on the terminal.
	progress bool
}

// System returns an IO bound to the process's standard streams.
func System() *IO {
	return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Width: 120}
}

// Interactive reports whether prompts are answered at a terminal: stdin
// is one and the session is not NonInteractive. (Redirected input answers
// them too; see ReadAnswer.)
func (h *IO) Interactive() bool { return h.StdinTTY && !h.NonInteractive }

// ReadAnswer reads the line typed in answer to a prompt as pwsh's console
// host reads it. In a NonInteractive session it fails with
// ErrNonInteractive and writes nothing. At a terminal the prompt is shown
// and the line edited there (Ctrl+C: the editor's ErrInterrupted).
// Redirected input is read a line at a time (ReadRedirected): the prompt
// is written, then what the read consumed is echoed after it, so that the
// answer stands after its prompt; at the end of the input, where pwsh's
// host reads a null line, it returns io.EOF with nothing echoed.
func (h *IO) ReadAnswer(prompt string) (string, error) {
	if h.NonInteractive {
		return "", ErrNonInteractive
	}
	if h.StdinTTY {
		return h.ReadLine(prompt, false)
	}
	h.writeText(prompt)
	line, echo, err := h.ReadRedirected()
	if err != nil {
		return "", io.EOF
	}
	h.writeText(echo)
	return line, nil
}

// writeText writes text to Out after erasing a progress line.
func (h *IO) writeText(text string) {
	if text == "" || h.Out == nil {
		return
	}
	h.ClearProgress()
	io.WriteString(h.Out, text)
}

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

// ReadRedirected reads one line of input that is not a terminal the way
// PowerShell's console host reads redirected standard input: a line ends
// at "\n", "\r" or "\r\n", a backspace ("\b") takes back the character
// before it, and echo is every character the read consumed (line end and
// backspaces included), which the host writes back to its output so that
// the answer stands after its prompt. At the end of the input with
// nothing read it returns io.EOF (PowerShell's null line); a last line
// without a line end is returned as it is, its echo without one.
func (h *IO) ReadRedirected() (line, echo string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.In == nil {
		return "", "", io.EOF
	}
	if h.reader == nil {
		h.reader = bufio.NewReader(h.In)
	}
	var text, raw strings.Builder
	for {
		c, err := h.reader.ReadByte()
		if err != nil {
			if raw.Len() == 0 {
				return "", "", err
			}
			return text.String(), raw.String(), nil
		}
		raw.WriteByte(c)
		switch c {
		case '\n':
			return text.String(), raw.String(), nil
		case '\r':
			if next, err := h.reader.Peek(1); err == nil && next[0] == '\n' {
				_, _ = h.reader.ReadByte()
				raw.WriteByte('\n')
			}
			return text.String(), raw.String(), nil
		case '\b':
			t := text.String()
			_, n := utf8.DecodeLastRuneInString(t)
			text.Reset()
			text.WriteString(t[:len(t)-n])
			continue
		}
		text.WriteByte(c)
	}
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

// ConsoleColors are .NET's ConsoleColor names in the enum's order.
var ConsoleColors = []string{"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"}

// ansiOfConsoleColor is the terminal's palette index of each ConsoleColor
// (the dark colors are the terminal's normal ones, the others the bright).
var ansiOfConsoleColor = []int{0, 4, 2, 6, 1, 5, 3, 7, 8, 12, 10, 14, 9, 13, 11, 15}

// ColorSequence is the VT sequence that sets a ConsoleColor as the
// foreground (or background) color; "" for an unknown name.
func ColorSequence(name string, background bool) string {
	for i, n := range ConsoleColors {
		if !strings.EqualFold(n, name) {
			continue
		}
		a := ansiOfConsoleColor[i]
		base := 30
		if a >= 8 {
			base, a = 90, a-8
		}
		if background {
			base += 10
		}
		return "\x1b[" + itoa(base+a) + "m"
	}
	return ""
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Progress sequences of PowerShell's progress bar (its $PSStyle).
const (
	ProgressStyle = "\x1b[33;1m"
	Reverse       = "\x1b[7m"
	ReverseOff    = "\x1b[27m"
)

// ShowProgress draws a progress line in place on a terminal (nothing when
// output is not a terminal); the next output or ClearProgress erases it.
func (h *IO) ShowProgress(line string) {
	if !h.StdoutTTY || h.Out == nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	io.WriteString(h.Out, "\r"+line+"\x1b[K")
	h.progress = true
}

// ClearProgress erases a progress line ShowProgress drew.
func (h *IO) ClearProgress() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.progress {
		return
	}
	h.progress = false
	io.WriteString(h.Out, "\r\x1b[K")
}
