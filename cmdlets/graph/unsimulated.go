package graph

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
)

// The Microsoft Graph PowerShell SDK has thousands of commands; the
// simulator has those its tenant can answer. A runbook calling another one
// (Get-MgBetaReportMailboxUsageDetail, Send-MgUserMail ...) must not be
// told the term is unknown, as if the Graph modules were missing: the call
// fails with one line saying exosim does not simulate it. A name counts as
// a Graph command when its verb is one of PowerShell's approved verbs and
// its noun is Mg or MgBeta followed by letters.

// Aliases are the aliases the authentication module exports, sorted by
// name.
var Aliases = command.AliasTable{
	{Name: "Connect-Graph", Target: "Connect-MgGraph"},
	{Name: "Disconnect-Graph", Target: "Disconnect-MgGraph"},
	{Name: "Invoke-GraphRequest", Target: "Invoke-MgGraphRequest"},
}

// Install makes the session's unknown Graph-shaped command names fail
// with NotSimulatedError instead of "not recognized" (the session's
// UnknownCommand), and defines the aliases the authentication module
// exports (Aliases). It is small enough to be inlined where a session
// starts: the rest of this package's code runs only when a command name
// is unknown.
func Install(rt *runtime.Runtime) {
	rt.SetAliases(Aliases)
	rt.UnknownCommand = unknownCommand
}

// unknownCommand is the error of an unknown command name: a Graph-shaped
// one (or an alias of one) is not simulated; nil for others.
func unknownCommand(rt *runtime.Runtime, name string) *object.ErrorRecord {
	if IsGraphName(name) {
		return NotSimulatedError(name)
	}
	// an alias of a Graph command the simulator lacks
	if target, ok := rt.Aliases()[strings.ToLower(name)]; ok && IsGraphName(target) {
		return NotSimulatedError(target)
	}
	return nil
}

// IsGraphName reports whether name has the shape of a Microsoft Graph
// PowerShell command: an approved verb, a dash, then Mg (or MgBeta) and a
// name of letters (compared without regard to case, as PowerShell finds
// commands).
func IsGraphName(name string) bool {
	verb, noun, ok := strings.Cut(name, "-")
	if !ok || !module.ApprovedVerb(verb) {
		return false
	}
	lower := strings.ToLower(noun)
	rest, ok := strings.CutPrefix(lower, "mg")
	if !ok {
		return false
	}
	if r, beta := strings.CutPrefix(rest, "beta"); beta {
		rest = r
	}
	if rest == "" {
		return false
	}
	for _, c := range rest {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// NotSimulatedError is the error a Graph command the simulator lacks fails
// with.
func NotSimulatedError(name string) *object.ErrorRecord {
	return &object.ErrorRecord{
		Message:           fmt.Sprintf("%s is a Microsoft Graph PowerShell command that exosim does not simulate (it has only some of the SDK's commands): the call was not run.", name),
		ErrorID:           "CommandNotSimulated",
		Category:          object.NotImplemented,
		ExceptionType:     "NotImplementedException",
		ExceptionFullType: "System.NotImplementedException",
		Target:            name,
	}
}
