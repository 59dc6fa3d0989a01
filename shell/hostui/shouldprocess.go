package hostui

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
)

// ShouldProcess is what decides a command's ShouldProcess questions: the
// -WhatIf, -Confirm and -Verbose it was called with, and the answers to
// all its user gave.
type ShouldProcess struct {
	WhatIf   bool
	Confirm  int // -1 not given, 0 -Confirm:$false, 1 -Confirm
	Verbose  bool
	YesToAll bool
	NoToAll  bool
}

// Question is one ShouldProcess call of a command.
type Question struct {
	Target, Action, Description string
	// Command is the command's name: the action when none is given and
	// the activity of the error of a prompt that fails; CommandType
	// follows the error ID in that error's FullyQualifiedErrorId.
	Command, CommandType string
	// Impact is the operation's ConfirmImpact (0: Medium).
	Impact command.Impact
	// Remote commands offer no Suspend.
	Remote   bool
	Position *object.Position
}

// WouldConfirm reports whether -Confirm or the confirm preference
// (confirmPref, an ActionPreference-style name: None, Low, Medium, High)
// asks for confirmation of an operation of the given impact (0: Medium).
func (sp *ShouldProcess) WouldConfirm(confirmPref string, impact command.Impact) bool {
	threshold := command.ImpactHigh
	switch sp.Confirm {
	case 0:
		threshold = command.ImpactNone
	case 1:
		threshold = command.ImpactLow
	default:
		switch strings.ToLower(confirmPref) {
		case "none":
			threshold = command.ImpactNone
		case "low":
			threshold = command.ImpactLow
		case "medium":
			threshold = command.ImpactMedium
		}
	}
	if impact == 0 {
		impact = command.ImpactMedium
	}
	return threshold != command.ImpactNone && threshold <= impact
}

// Silent reports whether Ask would say yes without writing or asking
// anything.
func (sp *ShouldProcess) Silent(confirmPref string, impact command.Impact) bool {
	if sp.YesToAll {
		return true
	}
	return !sp.NoToAll && !sp.WhatIf && !sp.Verbose && !sp.WouldConfirm(confirmPref, impact)
}

// Ask answers q: yes after Yes to All, no after No to All; with -WhatIf
// it writes "What if:" and says no; without a confirmation due it says
// yes (writing the operation on the verbose stream under -Verbose);
// otherwise it asks the user (Confirm; resumed runs after a Suspend), at
// a terminal or from redirected input. A NonInteractive session, or the
// end of redirected input, fails the command as pwsh's console host does
// (NonInteractiveRecord, EndOfInputRecord).
func (sp *ShouldProcess) Ask(s Session, confirmPref string, q Question, resumed func()) (bool, error) {
	if sp.YesToAll {
		return true, nil
	}
	if sp.NoToAll {
		return false, nil
	}
	action, description := q.Action, q.Description
	if action == "" {
		action = q.Command
	}
	if description == "" {
		description = format.ShouldProcessDescription(action, q.Target)
	}
	if sp.WhatIf {
		s.WriteStream(format.Host, format.WhatIfLine(description))
		return false, nil
	}
	if !sp.WouldConfirm(confirmPref, q.Impact) {
		if sp.Verbose {
			s.WriteStream(format.Verbose, "VERBOSE: "+description)
		}
		return true, nil
	}
	ok, err := Confirm(s, "Confirm", "Are you sure you want to perform this action?\n"+description, !q.Remote, &sp.YesToAll, &sp.NoToAll, resumed)
	return ok, PromptRecord(err, q.Command, q.CommandType, q.Position)
}
