package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"reflect"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/registry"
	"github.com/exosim/exosim/cmdlets/session"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/repl"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	onpremstore "github.com/exosim/exosim/store/onprem"
)

func runREPL(e *env, o *options, st *store.Store) error {
	rt := registry.NewSession(e.io, st, sessionOptions(e, o, true))
	comp := newCompleter(rt)
	out := &repl.LineTracker{W: e.io.Out}
	e.io.Out = out
	t := repl.NewTerminal(os.Stdin, os.Stdout, out)
	t.AtLineStart = out.AtLineStart
	t.History = repl.LoadHistory(st.Path()+".history", 4096)
	t.Complete = comp.Complete
	t.Incomplete = repl.Incomplete
	t.Color = e.io.Color
	e.io.Editor = t
	// Ctrl+C while a command runs stops that command line, not the
	// program (the terminal is in cooked mode then); at the prompt the
	// editor reads it as a key.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	go func() {
		for range sig {
			rt.Interrupt()
		}
	}()
	ignoreStop()
	// A resize redraws the line being edited at the new width.
	defer watchResize(t.Resized)()
	io.WriteString(e.io.Out, replBanner(o.onprem, st.Path()))
	opt := repl.Options{Width: func() int { w, _ := t.Size(); return w }}
	if o.onprem {
		opt.Prompt = emsPrompt
	}
	code := repl.LoopWith(rt, &leasedReader{LineReader: t, st: st, err: e.io.Err}, opt)
	_, _ = session.Stop(rt)
	if code != 0 {
		return exitCode(code)
	}
	return nil
}

// replBanner is what the interactive prompt prints first: which tenant it
// simulates and, for exosim --onprem, the Exchange Management Shell's own
// welcome (without the lines that open a web page or a file).
func replBanner(onprem bool, path string) string {
	if !onprem {
		return fmt.Sprintf("exosim %s — simulated Exchange Online tenant %s\nType Get-Command -Module Exosim for the simulator cmdlets, Get-Help <name> for help, exit to leave.\n\n", version, path)
	}
	return fmt.Sprintf("exosim %s — simulated Exchange Management Shell on %s (tenant %s); exit to leave.\n\n", version, onpremstore.ServerFqdn, path) +
		"Welcome to the Exchange Management Shell!\n\n" +
		"Full list of cmdlets: Get-Command\n" +
		"Only Exchange cmdlets: Get-ExCommand\n" +
		"Cmdlets that match a specific string: Help *<string>*\n" +
		"Get general help: Help\n" +
		"Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?\n" +
		"Show full output for a command: <command> | Format-List\n\n" +
		fmt.Sprintf("VERBOSE: Connecting to %s.\nVERBOSE: Connected to %s.\n", onpremstore.ServerFqdn, onpremstore.ServerFqdn)
}

// emsPrompt is the Exchange Management Shell's prompt: [PS], the location
// (exosim, as in the Exchange Online prompt) and >, with no space after
// it; one more > per nested prompt.
func emsPrompt(level int) string { return "[PS] exosim" + strings.Repeat(">", level+1) }

// leasedReader is the REPL's line reader: the tenant file is released
// while the prompt waits for input and held again once a line is read, so
// an idle prompt keeps no one else out (exosim lab check, tenant export,
// another session) and each command line runs with the tenant held, as a
// one-shot command does. If the tenant can't be held again in time (a
// long command of another process), the line is not run: the error names
// the holder and the line goes to the history, to run again with Up.
// Read-Host and confirmation prompts inside a command use the editor
// directly and keep the tenant held.
type leasedReader struct {
	repl.LineReader
	st  *store.Store
	err io.Writer
}

// ReadCommand implements repl.LineReader.
func (r *leasedReader) ReadCommand(prompt string) (string, error) {
	_ = r.st.Release()
	line, err := r.LineReader.ReadCommand(prompt)
	if err != nil || strings.TrimSpace(line) == "" || strings.EqualFold(strings.TrimSpace(line), "exit") {
		return line, err
	}
	if err := r.st.Acquire(); err != nil {
		fmt.Fprintf(r.err, "exosim: %v; the command was not run (Up recalls it).\n", err)
		r.LineReader.AddHistory(line)
		return "", repl.ErrInterrupt
	}
	return line, nil
}

// newCompleter builds the REPL's tab completion over the session (the
// tenant's identities come from the completers the cmdlets registered).
func newCompleter(rt *runtime.Runtime) *repl.Completer {
	return &repl.Completer{RT: rt, Properties: commandProperties(rt), Topics: engine.AboutTopicNames}
}

// commandProperties returns the property names completion offers after
// Format-Table, Select-Object ... for a command's output. Commands that
// declare an OutputType with registered views use those (repl's default);
// mailbox and recipient cmdlets, whose objects are built from
// directory.Mailbox, use that record's exported field names.
func commandProperties(rt *runtime.Runtime) func(cmd *command.Command) []string {
	mailbox := structFields(reflect.TypeOf(directory.Mailbox{}))
	return func(cmd *command.Command) []string {
		if ps := repl.OutputProperties(rt, cmd); len(ps) > 0 {
			return ps
		}
		switch strings.ToLower(cmd.Noun()) {
		case "mailbox", "exomailbox", "recipient", "exorecipient", "user":
			return mailbox
		}
		return nil
	}
}

func structFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.IsExported() && f.Name != "Extra" {
			out = append(out, f.Name)
		}
	}
	return out
}
