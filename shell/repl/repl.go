// Package repl is the interactive prompt: the PowerShell prompt (and the
// nested prompt of [S] Suspend), entries read through the small
// LineReader interface (implemented by Terminal, exosim's line editor),
// history, and the hints the console host prints after a command.
package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// LineReader is what the loop needs from a line editor. ReadCommand
// reads a whole entry (continuation rows included); io.EOF ends the
// session and ErrInterrupt cancels the entry. ReadLine and ReadPassword
// serve the host (Read-Host, prompts).
type LineReader interface {
	ReadCommand(prompt string) (string, error)
	ReadLine(prompt string) (string, error)
	ReadPassword(prompt string) (string, error)
	AddHistory(entry string)
	Close() error
}

// ErrInterrupt is returned by a LineReader when the user presses Ctrl+C.
var ErrInterrupt = host.ErrInterrupted

// Prompt is the primary prompt; Continuation starts the further rows of
// an entry.
const (
	Prompt       = "PS exosim> "
	Continuation = ">> "
)

// PromptAt is the prompt at a nesting level: PowerShell's default prompt
// adds one > per nested prompt ("PS exosim>> " in a suspended command).
func PromptAt(level int) string {
	return "PS exosim" + strings.Repeat(">", level+1) + " "
}

// AddHistory records an entry (PSReadLine's rules decide what reaches the
// file).
func (t *Terminal) AddHistory(entry string) {
	if t.History != nil {
		t.History.Add(entry)
	}
}

// Close implements LineReader.
func (t *Terminal) Close() error { return nil }

// Options tune the loop.
type Options struct {
	// Width, when set, returns the terminal width before each command
	// (output follows a resized window).
	Width func() int
	// Prompt, when set, replaces PromptAt: the prompt at a nesting level.
	Prompt func(level int) string
}

// Loop runs the read-eval-print loop until exit or end of input.
func Loop(rt *runtime.Runtime, lr LineReader) int { return LoopWith(rt, lr, Options{}) }

// LoopWith is Loop with options.
func LoopWith(rt *runtime.Runtime, lr LineReader, opt Options) int {
	l := &loop{rt: rt, lr: lr, opt: opt}
	rt.IO.EnterNestedPrompt = l.nested
	code, _ := l.run(0)
	return code
}

type loop struct {
	rt    *runtime.Runtime
	lr    LineReader
	opt   Options
	id    int
	level int
}

// prompt is the prompt at a nesting level.
func (l *loop) prompt(level int) string {
	if l.opt.Prompt != nil {
		return l.opt.Prompt(level)
	}
	return PromptAt(level)
}

// nested runs a nested prompt ([S] Suspend) until exit.
func (l *loop) nested() {
	l.level++
	l.rt.Scope().Set("NestedPromptLevel", l.level)
	defer func() {
		l.level--
		l.rt.Scope().Set("NestedPromptLevel", l.level)
	}()
	l.run(l.level)
}

// run reads and runs entries; at level 0 exit ends the session, in a
// nested prompt it returns to the suspended command.
func (l *loop) run(level int) (int, bool) {
	rt := l.rt
	for {
		text, err := l.lr.ReadCommand(l.prompt(level))
		if errors.Is(err, ErrInterrupt) {
			continue
		}
		if err != nil {
			return 0, true
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			continue
		}
		l.lr.AddHistory(text)
		echoTranscript(rt, l.prompt(0), text)
		if strings.EqualFold(trimmed, "exit") {
			return 0, true
		}
		if l.opt.Width != nil {
			if w := l.opt.Width(); w > 0 {
				rt.IO.Width = w
			}
		}
		l.id++
		id := l.id
		start := rt.Now()
		errsBefore := rt.ErrorsWritten()
		rt.TakeHistoryLine()
		code := rt.Run(syntax.NewSource("", text), runtime.RunOptions{})
		status := "Completed"
		if code != 0 {
			status = "Failed"
		}
		line := text
		if r, ok := rt.TakeHistoryLine(); ok {
			line = r
		}
		rt.History = append(rt.History, runtime.HistoryEntry{ID: id, CommandLine: line, Start: start, End: rt.Now(), Status: status})
		if n := maxHistory(rt); len(rt.History) > n {
			rt.History = slices.Delete(rt.History, 0, len(rt.History)-n)
		}
		if rt.ErrorsWritten() > errsBefore {
			suggestLocalCommand(rt)
		}
		if ex, ok := rt.ExitRequested(); ok {
			return ex, true
		}
	}
}

// suggestLocalCommand prints the console host's hint after a command that
// was not found but exists in the current location (PowerShell does not
// run commands from there without .\ or ./).
func suggestLocalCommand(rt *runtime.Runtime) {
	v, _ := rt.Scope().Get("Error")
	l, ok := v.(*object.List)
	if !ok || len(l.Items) == 0 {
		return
	}
	rec, ok := l.Items[0].(*object.ErrorRecord)
	if !ok || rec.ExceptionType != "CommandNotFoundException" {
		return
	}
	name, _ := rec.Target.(string)
	if name == "" || strings.ContainsAny(name, `/\`) {
		return
	}
	if !strings.EqualFold(filepath.Ext(name), ".ps1") {
		return
	}
	if files := rt.Files(); files != nil {
		p, err := files.Resolve("./" + name)
		if err != nil || !files.Exists(p) {
			return
		}
	} else if fi, err := os.Stat(name); err != nil || fi.IsDir() {
		return
	}
	fmt.Fprintf(rt.IO.Out, "\nSuggestion [3,General]: The command \"%s\" was not found, but does exist in the current location.\nPowerShell does not load commands from the current location by default (see 'Get-Help about_Command_Precedence').\n\nIf you trust this command, run the following command instead:\n", name)
}

// echoTranscript records a command line after its prompt in the
// session's transcript (Start-Transcript), as PowerShell's host does.
func echoTranscript(rt *runtime.Runtime, prompt, text string) {
	w := rt.Transcript
	if w == nil {
		return
	}
	lines := strings.Split(text, "\n")
	io.WriteString(w, prompt+lines[0]+"\n")
	for _, l := range lines[1:] {
		io.WriteString(w, Continuation+l+"\n")
	}
}

// Incomplete reports whether the parser wants more input after text (the
// editor then starts a continuation row on Enter).
func Incomplete(text string) bool {
	_, errs := parser.Parse(syntax.NewSource("", text))
	return errs != nil && errs.Incomplete()
}

// maxHistory is how many entries the session history keeps:
// $MaximumHistoryCount (4096 unless the session changed it), the oldest
// dropped first.
func maxHistory(rt *runtime.Runtime) int {
	if v, ok := rt.Scope().Get("MaximumHistoryCount"); ok {
		if n, ok := numeric.ToNumber(v); ok && numeric.Int64(n) >= 1 {
			return int(numeric.Int64(n))
		}
	}
	return 4096
}
