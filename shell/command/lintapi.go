package command

import (
	"strings"

	"github.com/exosim/exosim/shell/params"
)

// The binder's rules as static analysis (exosim lint) asks them: how a
// typed parameter name is matched and which parameter set is chosen (the
// binder's NextPositional tells which parameter a positional argument
// goes to). They read the same Command declarations the binder reads.

// ParamMatch is one parameter a typed name can refer to: a declared
// parameter or one of PowerShell's common parameters.
type ParamMatch struct {
	// Param is the declared parameter; nil for a common parameter.
	Param *params.Param
	// Name is the parameter's canonical name ("Identity", "ErrorAction").
	Name string
	// Kind is how its argument is converted.
	Kind params.Kind
	// TypeName is the .NET type named in "Missing an argument" errors.
	TypeName string
}

// Common reports whether the match is a common parameter.
func (m ParamMatch) Common() bool { return m.Param == nil }

// MatchParameter resolves a parameter name as typed (without the dash)
// with the binder's exact / prefix / alias rules, common parameters
// included. ok is true when exactly one parameter matches; otherwise the
// matches are the ambiguous candidates (none for an unknown name).
func MatchParameter(cmd *Command, typed string) (matches []ParamMatch, ok bool) {
	sig := cmd.Signature()
	cands, ok := params.Match(&sig, typed, true)
	for _, c := range cands {
		m := ParamMatch{Name: c.Name(), Kind: c.Kind()}
		if c.Param != nil {
			m.Param = c.Param
			m.TypeName = "System.Object"
			if c.Param.Type != nil {
				m.TypeName = c.Param.Type.FullName
			}
		} else {
			m.TypeName = c.Common.TypeName()
		}
		matches = append(matches, m)
	}
	return matches, ok
}

// SetsWith returns the command's parameter sets that contain every one of
// the given parameters (the binder's candidate sets after named binding).
func SetsWith(cmd *Command, params []*params.Param) []string {
	var sets []string
	for _, s := range cmd.SetNames() {
		ok := true
		for _, p := range params {
			if _, in := p.InSet(s); !in {
				ok = false
				break
			}
		}
		if ok {
			sets = append(sets, s)
		}
	}
	return sets
}

// PickSet chooses the parameter set of a command run without pipeline
// input, as the binder does: a single candidate; else the only set whose
// mandatory parameters are all bound; else the default set; "" when the
// set cannot be resolved. missing lists the chosen set's unbound mandatory
// parameters.
func PickSet(cmd *Command, sets []string, bound map[string]bool) (set string, missing []*params.Param) {
	sig := cmd.Signature()
	set = params.ChooseSet(&sig, sets, func(n string) bool { return bound[n] }, false)
	if set == "" {
		return "", nil
	}
	for _, p := range cmd.Params {
		if si, in := p.InSet(set); in && si.Mandatory && !bound[strings.ToLower(p.Name)] {
			missing = append(missing, p)
		}
	}
	return set, missing
}
