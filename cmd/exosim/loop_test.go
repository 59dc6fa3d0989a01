package main

import (
	"io"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/session"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/repl"
)

// scriptedReader is a repl.LineReader that returns prepared lines.
type scriptedReader struct {
	lines   []string
	prompts []string
	history []string
}

func (r *scriptedReader) ReadLine(prompt string) (string, error) {
	r.prompts = append(r.prompts, prompt)
	if len(r.lines) == 0 {
		return "", io.EOF
	}
	l := r.lines[0]
	r.lines = r.lines[1:]
	if l == "^C" {
		return "", repl.ErrInterrupt
	}
	return l, nil
}

// ReadCommand joins lines while the parser wants more, as the editor's
// Enter does.
func (r *scriptedReader) ReadCommand(prompt string) (string, error) {
	text, err := r.ReadLine(prompt)
	for err == nil && repl.Incomplete(text) {
		var more string
		more, err = r.ReadLine(repl.Continuation)
		text += "\n" + more
	}
	if err != nil {
		return "", err
	}
	return text, nil
}
func (r *scriptedReader) ReadPassword(prompt string) (string, error) { return r.ReadLine(prompt) }
func (r *scriptedReader) AddHistory(line string)                     { r.history = append(r.history, line) }
func (r *scriptedReader) Close() error                               { return nil }

// TestLoopHistoryAndTranscript runs the REPL loop on scripted input:
// Get-History and Invoke-History see the loop's history, continuation
// lines join one command, Ctrl+C drops a half-typed block, and a transcript
// records each command line after the prompt.
func TestLoopHistoryAndTranscript(t *testing.T) {
	t.Parallel()
	rt, _ := completionSession(t)
	out := rt.IO.Out.(*strings.Builder)
	// The session's file system is in memory: the transcript is read
	// back from there.
	tr := "/t.txt"
	lr := &scriptedReader{lines: []string{
		"Start-Transcript -Path '" + tr + "'",
		"'one'",
		"if ($true) {", "'two'", "}",
		"if ($true) {", "^C",
		"Get-History | ForEach-Object CommandLine",
		"Invoke-History 2",
		"Stop-Transcript",
		"exit",
	}}
	if code := repl.Loop(rt, lr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	_, _ = session.Stop(rt)
	if got := strings.Join(lr.prompts[:5], "|"); got != "PS exosim> |PS exosim> |PS exosim> |>> |>> " {
		t.Errorf("prompts: %q", got)
	}
	o := out.String()
	for _, want := range []string{"one\n", "two\n", "Start-Transcript -Path", "'one'\nif ($true) {\n'two'\n}\n"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	if strings.Count(o, "one\n") < 2 {
		t.Errorf("Invoke-History 2 did not run 'one' again:\n%s", o)
	}
	data, err := fsys.ReadFile(rt.Files().FS(), tr, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	f := string(data)
	for _, want := range []string{"PowerShell transcript start\n", "PS exosim> 'one'\none\n", "PS exosim> if ($true) {\n>> 'two'\n>> }\ntwo\n", "PS exosim> Stop-Transcript\n**********************\nPowerShell transcript end\n"} {
		if !strings.Contains(f, want) {
			t.Errorf("transcript lacks %q:\n%s", want, f)
		}
	}
}

// TestLoopHistoryLimit: the session history keeps the newest
// $MaximumHistoryCount entries (4096 by default), as PowerShell 7 does.
func TestLoopHistoryLimit(t *testing.T) {
	t.Parallel()
	rt, _ := completionSession(t)
	out := rt.IO.Out.(*strings.Builder)
	lr := &scriptedReader{lines: []string{
		"$MaximumHistoryCount",
		"$MaximumHistoryCount = 3",
		"'a'", "'b'", "'c'",
		"Get-History | ForEach-Object { '{0}:{1}' -f $_.Id, $_.CommandLine }",
		"exit",
	}}
	if code := repl.Loop(rt, lr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := "4096\na\nb\nc\n3:'a'\n4:'b'\n5:'c'\n"
	if got := out.String(); got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}
