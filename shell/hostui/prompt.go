package hostui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
)

// The questions a command asks through the host (ShouldProcess's
// confirmation, ShouldContinue's Yes/No) and how the host writes the
// output streams.

// WriteLine writes one line of an output stream to the console: errors
// to the error output in the error colour, warnings, verbose and debug
// lines in the warning colour, the rest plain.
func WriteLine(io *host.IO, s format.Stream, line string) {
	io.ClearProgress()
	switch s {
	case format.Error:
		fmt.Fprintln(io.Err, io.Paint(host.ColorError, line))
	case format.Warning, format.Verbose, format.Debug:
		fmt.Fprintln(io.Out, io.Paint(host.ColorWarning, line))
	default:
		fmt.Fprintln(io.Out, line)
	}
}

// WriteLines writes whole lines of the output stream, each ending in a
// newline, to the console in one write.
func WriteLines(io *host.IO, lines []byte) {
	io.ClearProgress()
	_, _ = io.Out.Write(lines)
}

// WriteRaw writes text to the console without a newline (prompts).
func WriteRaw(io *host.IO, text string) {
	io.ClearProgress()
	fmt.Fprint(io.Out, text)
}

// Confirm asks a ShouldProcess question through the host: Yes, Yes to
// All, No, No to All and, for local commands (suspend), Suspend: a nested
// prompt, after which resumed runs and the question is asked again. The
// answers to all set *yesToAll or *noToAll. Ctrl+C, or Suspend without a
// nested prompt, stops the command line without an error record
// (Session.Stop), as PowerShell does.
func Confirm(s Session, caption, message string, suspend bool, yesToAll, noToAll *bool, resumed func()) (bool, error) {
	io := s.Console()
	labels := []string{"&Yes", "Yes to &All", "&No", "No to A&ll"}
	if suspend {
		labels = append(labels, "&Suspend")
	}
	help := format.ConfirmHelp(!suspend)
	choices := make([]host.Choice, len(labels))
	for i, l := range labels {
		msg := help[i]
		if j := strings.Index(msg, " - "); j >= 0 {
			msg = msg[j+3:]
		}
		choices[i] = host.Choice{Label: l, HelpMessage: msg}
	}
	for {
		i, err := io.PromptForChoice(caption, message, choices, 0)
		if err != nil {
			return false, s.Stop()
		}
		switch i {
		case 0:
			return true, nil
		case 1:
			*yesToAll = true
			return true, nil
		case 2:
			return false, nil
		case 3:
			*noToAll = true
			return false, nil
		}
		if io.EnterNestedPrompt == nil {
			return false, s.Stop()
		}
		io.EnterNestedPrompt()
		resumed()
	}
}

// ErrNonInteractive is ShouldContinue's refusal without a terminal; the
// caller words it as the command's HostException.
var ErrNonInteractive = errors.New("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.")

// ShouldContinue asks the user to confirm with a Yes/No prompt; without a
// terminal it returns ErrNonInteractive, and a failed read stops the
// pipeline.
func ShouldContinue(s Session, query, caption string) (bool, error) {
	io := s.Console()
	if !io.Interactive() {
		return false, ErrNonInteractive
	}
	s.WriteStream(format.Host, "")
	s.WriteStream(format.Host, caption)
	s.WriteStream(format.Host, query)
	for {
		WriteRaw(io, "[Y] Yes  [N] No  [?] Help (default is \"Y\"): ")
		ans, err := io.ReadLine("", false)
		if err != nil {
			return false, &pserror.Error{Record: &object.ErrorRecord{Message: "The operation was canceled.", ErrorID: "PipelineStopped", Category: object.OperationStopped, ExceptionType: "PipelineStoppedException"}}
		}
		switch strings.ToLower(strings.TrimSpace(ans)) {
		case "", "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		case "?":
			s.WriteStream(format.Host, "Y - Continue with only the next step of the operation.")
			s.WriteStream(format.Host, "N - Skip this operation and proceed with the next operation.")
		}
	}
}
