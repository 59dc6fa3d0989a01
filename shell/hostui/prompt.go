package hostui

import (
	"errors"
	"fmt"
	goio "io"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
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
// answers to all set *yesToAll or *noToAll. The answer is read at a
// terminal or from redirected input (host.IO.PromptForChoice). Ctrl+C at
// a terminal, or Suspend without a nested prompt, stops the command line
// without an error record (Session.Stop), as PowerShell does; a
// NonInteractive session gives ErrNonInteractive and the end of
// redirected input ErrEndOfInput, which the caller words as the command's
// error.
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
			return false, promptError(s, err)
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

// ErrNonInteractive is a prompt's refusal in a NonInteractive session
// (the host's host.ErrNonInteractive); the caller words it as the
// command's error (NonInteractiveRecord).
var ErrNonInteractive = errors.New("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.")

// ErrEndOfInput is a choice prompt at the end of redirected input. pwsh's
// console host then reads a null answer and fails taking its length, so
// the prompt ends in .NET's NullReferenceException; the caller words it
// as the command's error (EndOfInputRecord).
var ErrEndOfInput = errors.New("Object reference not set to an instance of an object.")

// promptError is what a failed choice prompt returns: ErrNonInteractive
// and ErrEndOfInput as they are, anything else (Ctrl+C or a failed read
// at a terminal) the session's stop.
func promptError(s Session, err error) error {
	if e := unanswered(s.Console(), err); e != nil {
		return e
	}
	return s.Stop()
}

// unanswered is ErrNonInteractive or ErrEndOfInput for a prompt that
// failed so, nil for any other failure.
func unanswered(io *host.IO, err error) error {
	switch {
	case errors.Is(err, host.ErrNonInteractive):
		return ErrNonInteractive
	case errors.Is(err, goio.EOF) && !io.StdinTTY:
		return ErrEndOfInput
	}
	return nil
}

// NonInteractiveRecord is the error of a prompt in a NonInteractive
// session, as pwsh's console host raises it: a PSInvalidOperationException
// (error ID InvalidOperation, category InvalidOperation) that the command
// it stops reports under its name.
func NonInteractiveRecord(command, commandType string, pos *object.Position) *object.ErrorRecord {
	return &object.ErrorRecord{
		CommandSuffix:     commandType,
		Message:           ErrNonInteractive.Error(),
		ErrorID:           "InvalidOperation",
		Category:          object.InvalidOperation,
		ExceptionType:     "PSInvalidOperationException",
		ExceptionFullType: "System.Management.Automation.PSInvalidOperationException",
		Activity:          command,
		Position:          pos,
	}
}

// EndOfInputRecord is the error of a choice prompt at the end of
// redirected input: the NullReferenceException the command it stops
// reports under its name (error ID System.NullReferenceException,
// category NotSpecified).
func EndOfInputRecord(command, commandType string, pos *object.Position) *object.ErrorRecord {
	return &object.ErrorRecord{
		CommandSuffix:     commandType,
		Message:           ErrEndOfInput.Error(),
		ErrorID:           "System.NullReferenceException",
		Category:          object.NotSpecified,
		ExceptionType:     "NullReferenceException",
		ExceptionFullType: "System.NullReferenceException",
		Activity:          command,
		Position:          pos,
	}
}

// PromptRecord words a prompt's ErrNonInteractive or ErrEndOfInput as
// the error of the command that asked (commandType follows the error ID
// in its FullyQualifiedErrorId); any other error is returned as it is.
func PromptRecord(err error, command, commandType string, pos *object.Position) error {
	switch {
	case errors.Is(err, ErrNonInteractive):
		return &pserror.Error{Record: NonInteractiveRecord(command, commandType, pos)}
	case errors.Is(err, ErrEndOfInput):
		return &pserror.Error{Record: EndOfInputRecord(command, commandType, pos)}
	}
	return err
}

// ShouldContinue asks the user to confirm with a Yes/No prompt (Confirm's
// choice prompt with Yes and No, default Yes). It gives ErrNonInteractive
// in a NonInteractive session and ErrEndOfInput at the end of redirected
// input; Ctrl+C at a terminal stops the pipeline with PowerShell's
// PipelineStoppedException.
func ShouldContinue(s Session, query, caption string) (bool, error) {
	io := s.Console()
	choices := []host.Choice{
		{Label: "&Yes", HelpMessage: "Continue with only the next step of the operation."},
		{Label: "&No", HelpMessage: "Skip this operation and proceed with the next operation."},
	}
	i, err := io.PromptForChoice(caption, query, choices, 0)
	if err != nil {
		if e := unanswered(io, err); e != nil {
			return false, e
		}
		return false, &pserror.Error{Record: &object.ErrorRecord{Message: "The operation was canceled.", ErrorID: "PipelineStopped", Category: object.OperationStopped, ExceptionType: "PipelineStoppedException"}}
	}
	return i == 0, nil
}

// MethodException is a prompt's failure (PromptRecord) as the exception
// the prompt throws when a script calls it as a method ($PSCmdlet's
// ShouldProcess or ShouldContinue): PowerShell then reports it as the
// method call's MethodInvocationException ("Exception calling ...") with
// the prompt's exception inside. Any other error is returned as it is.
func MethodException(err error) error {
	var pe *pserror.Error
	if !errors.As(err, &pe) || pe.Record == nil {
		return err
	}
	switch r := pe.Record; {
	case r.Message == ErrNonInteractive.Error() && r.ErrorID == "InvalidOperation",
		r.Message == ErrEndOfInput.Error() && r.ErrorID == "System.NullReferenceException":
		return &dotnet.TypedException{Msg: r.Message, Type: r.ExceptionFullType}
	}
	return err
}
