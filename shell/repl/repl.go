// Package repl is the interactive prompt: line editing and history through
// a small LineReader interface (backed by chzyer/readline), the PowerShell
// prompt, and ">> " continuation lines while the parser says the input is
// incomplete.
package repl

import (
	"errors"
	"io"
	"strings"

	"github.com/chzyer/readline"

	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

// LineReader reads edited lines; io.EOF ends the session and
// ErrInterrupt cancels the current line.
type LineReader interface {
	ReadLine(prompt string) (string, error)
	ReadPassword(prompt string) (string, error)
	AddHistory(line string)
	Close() error
}

// ErrInterrupt is returned by a LineReader when the user presses Ctrl+C.
var ErrInterrupt = errors.New("interrupt")

// Prompt is the primary prompt; Continuation is shown for extra lines.
const (
	Prompt       = "PS exosim> "
	Continuation = ">> "
)

// Readline is a LineReader over chzyer/readline.
type Readline struct {
	inst *readline.Instance
}

// NewReadline opens a line editor on the terminal, keeping history in
// historyFile (none when empty) and completing with completer (none when
// nil). Ctrl+R searches the history, Ctrl+C cancels the line, Ctrl+D on an
// empty line ends input.
func NewReadline(historyFile string, stdin io.ReadCloser, stdout, stderr io.Writer, completer readline.AutoCompleter) (*Readline, error) {
	inst, err := readline.NewEx(&readline.Config{
		AutoComplete:           completer,
		Prompt:                 Prompt,
		HistoryFile:            historyFile,
		HistoryLimit:           2000,
		DisableAutoSaveHistory: true,
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
		Stdin:                  stdin,
		Stdout:                 stdout,
		Stderr:                 stderr,
		HistorySearchFold:      true,
	})
	if err != nil {
		return nil, err
	}
	return &Readline{inst: inst}, nil
}

// ReadLine reads one line with the given prompt.
func (r *Readline) ReadLine(prompt string) (string, error) {
	r.inst.SetPrompt(prompt)
	line, err := r.inst.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", ErrInterrupt
	}
	return line, err
}

// ReadPassword reads a line without echo.
func (r *Readline) ReadPassword(prompt string) (string, error) {
	b, err := r.inst.ReadPassword(prompt)
	if errors.Is(err, readline.ErrInterrupt) {
		return "", ErrInterrupt
	}
	return string(b), err
}

// AddHistory appends a command line to the history (and its file).
func (r *Readline) AddHistory(line string) { _ = r.inst.SaveHistory(line) }

// Close restores the terminal.
func (r *Readline) Close() error { return r.inst.Close() }

// Loop runs the read-eval-print loop until exit or end of input.
func Loop(rt *runtime.Runtime, lr LineReader) int {
	id := 0
	for {
		text, err := readCommand(lr)
		if errors.Is(err, ErrInterrupt) {
			continue
		}
		if err != nil {
			return 0
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			continue
		}
		lr.AddHistory(text)
		echoTranscript(rt, text)
		if strings.EqualFold(trimmed, "exit") {
			return 0
		}
		id++
		start := rt.Now()
		code := rt.Run(syntax.NewSource("", text), runtime.RunOptions{})
		status := "Completed"
		if code != 0 {
			status = "Failed"
		}
		rt.History = append(rt.History, runtime.HistoryEntry{ID: id, CommandLine: text, Start: start, End: rt.Now(), Status: status})
		if ex, ok := rt.ExitRequested(); ok {
			return ex
		}
	}
}

// TranscriptState is the runtime State key where an active transcript
// (Start-Transcript) keeps an io.Writer; the loop records each command
// line there after the prompt, as PowerShell's host does.
const TranscriptState = "host.transcript"

func echoTranscript(rt *runtime.Runtime, text string) {
	w, ok := rt.State[TranscriptState].(io.Writer)
	if !ok {
		return
	}
	lines := strings.Split(text, "\n")
	io.WriteString(w, Prompt+lines[0]+"\n")
	for _, l := range lines[1:] {
		io.WriteString(w, Continuation+l+"\n")
	}
}

// readCommand reads a complete command, asking for continuation lines
// while the parser reports the input as incomplete.
func readCommand(lr LineReader) (string, error) {
	line, err := lr.ReadLine(Prompt)
	if err != nil {
		return "", err
	}
	text := line
	for {
		_, errs := syntax.Parse(syntax.NewSource("", text))
		if errs == nil || !errs.Incomplete() {
			return text, nil
		}
		more, err := lr.ReadLine(Continuation)
		if errors.Is(err, ErrInterrupt) {
			return "", ErrInterrupt
		}
		if err != nil {
			return text, nil
		}
		if strings.TrimSpace(more) == "" {
			return text, nil
		}
		text += "\n" + more
	}
}
