package runtime

import (
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// NextPositional returns the parameter the binder gives the next
// positional argument, given the candidate sets and the parameters already
// bound (lower-case names). When valueKnown is false the argument's value
// is not known statically; certain is then false if the choice would
// depend on the value's type (several parameters share the slot in
// different sets). A nil parameter means no positional slot is left. The
// linter asks it beside command.MatchParameter and command.PickSet.
func NextPositional(cmd *command.Command, sets []string, bound map[string]bool, value any, valueKnown bool) (p *params.Param, certain bool) {
	sig := cmd.Signature()
	isBound := func(n string) bool { return bound[n] }
	if valueKnown {
		return params.Next(&sig, sets, isBound, value, nativeKind), true
	}
	return params.NextUnknown(&sig, sets, isBound)
}
