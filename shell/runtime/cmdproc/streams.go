package cmdproc

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/redirect"
)

// The command's streams, as a cmdlet's Context (command.Processor) and
// shell/redirect (redirect.Command) reach them.

// WriteError handles a non-terminating error according to -ErrorAction.
func (pr *Processor) WriteError(rec *object.ErrorRecord) error {
	return pr.WriteErrorFrom(pr, rec)
}

// WriteErrorFrom handles an error that origin wrote on pr's behalf
// (Write-Error inside a function): pr's -ErrorAction and -ErrorVariable
// apply, but the record travels through origin's redirections first.
// Only origin counts as having failed: as in PowerShell, $? after a
// function whose Write-Error wrote an error is still true.
func (pr *Processor) WriteErrorFrom(origin *Processor, rec *object.ErrorRecord) error {
	*origin.HadError = true
	if rec.Position == nil {
		rec.Position = pr.Pos
	}
	pr.S.StampStack(rec, origin.Pos)
	if rec.Activity == "" {
		rec.Activity = pr.Cmd.Name
	}
	pr.obs.Wrote(rec)
	return redirect.WriteError(pr.S.Streams(), pr, origin, pr.ErrAction, rec)
}

// Terminate is the terminating error of a record.
func (pr *Processor) Terminate(rec *object.ErrorRecord) error { return &pserror.Error{Record: rec} }

// WriteWarning writes to the warning stream according to -WarningAction.
func (pr *Processor) WriteWarning(msg string) error {
	return redirect.WriteWarning(pr.S.Streams(), pr, pr.warnAction, msg)
}

// WriteVerbose writes to the verbose stream when -Verbose or
// $VerbosePreference asks for it.
func (pr *Processor) WriteVerbose(msg string) error {
	return redirect.WriteVerbose(pr.S.Streams(), pr, pr.sp.Verbose, msg)
}

// WriteDebug writes to the debug stream when -Debug or $DebugPreference
// asks for it.
func (pr *Processor) WriteDebug(msg string) error {
	return redirect.WriteDebug(pr.S.Streams(), pr, pr.debug, msg)
}

// WriteInformation writes to the information stream according to
// -InformationAction.
func (pr *Processor) WriteInformation(rec *object.InformationRecord) error {
	return redirect.WriteInformation(pr.S.Streams(), pr, pr.infoAction, rec)
}

// Position is where the command was called.
func (pr *Processor) Position() *object.Position { return pr.Pos }

// ExpectingInput reports whether pipeline objects come to the command.
func (pr *Processor) ExpectingInput() bool { return pr.HasInput }

// ShouldProcess implements -WhatIf and -Confirm.
func (pr *Processor) ShouldProcess(target, action, description string) (bool, error) {
	return pr.ShouldProcessImpact(target, action, description, 0)
}

// confirmImpact is the impact of an operation whose call gives callImpact
// (0: the command's).
func (pr *Processor) confirmImpact(callImpact command.Impact) command.Impact {
	if callImpact != 0 {
		return callImpact
	}
	return pr.Cmd.ConfirmImpact
}

// ProceedsSilently reports whether ShouldProcess would return true
// without writing or asking anything.
func (pr *Processor) ProceedsSilently() bool {
	return pr.sp.Silent(pr.S.Preference("ConfirmPreference"), pr.Cmd.ConfirmImpact)
}

// ShouldProcessImpact is ShouldProcess with the call's own ConfirmImpact
// (0: the command's); hostui.ShouldProcess decides.
func (pr *Processor) ShouldProcessImpact(target, action, description string, callImpact command.Impact) (bool, error) {
	s := pr.S
	q := hostui.Question{Target: target, Action: action, Description: description, Command: pr.Cmd.Name, CommandType: pr.errorSuffix(),
		Impact: pr.confirmImpact(callImpact), Remote: pr.Cmd.Remote, Position: pr.Pos}
	ok, err := pr.sp.Ask(s.Host(), s.Preference("ConfirmPreference"), q, s.ResumeAfterPrompt)
	if !ok && err == nil {
		pr.obs.Decline()
	}
	return ok, err
}

// errorSuffix is what follows the error ID in the FullyQualifiedErrorId
// of an error the command's prompt raises: the compiled cmdlet's type
// name, else the command's name.
func (pr *Processor) errorSuffix() string {
	if pr.Cmd.FullTypeName != "" {
		return pr.Cmd.FullTypeName
	}
	return pr.Cmd.Name
}

// ShouldContinue asks the user a Yes/No question (hostui.ShouldContinue)
// whatever -Confirm and $ConfirmPreference say; in a NonInteractive
// session, or at the end of redirected input, it fails the command as
// pwsh's console host does (hostui.PromptRecord).
func (pr *Processor) ShouldContinue(query, caption string) (bool, error) {
	ok, err := hostui.ShouldContinue(pr.S.Host(), query, caption)
	return ok, hostui.PromptRecord(err, pr.Cmd.Name, pr.errorSuffix(), pr.Pos)
}

// Redirections are the command's redirections.
func (pr *Processor) Redirections() *redirect.Set { return &pr.Redirs }

// Caller is the command whose code created this one.
func (pr *Processor) Caller() (redirect.Command, bool) {
	if pr.CalledBy == nil {
		return nil, false
	}
	return pr.CalledBy, true
}

// Variables are the lists of -ErrorVariable and -WarningVariable.
func (pr *Processor) Variables() (errs, warns *object.List) { return pr.errList, pr.warnList }

// Merge writes a record a redirection merges into the output stream.
func (pr *Processor) Merge(rec any) error {
	if pr.Next == nil {
		return nil
	}
	return pr.Next(rec)
}
