package binder

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// PlanParam is a declared parameter with its lower-case binding key.
type PlanParam struct {
	P   *params.Param
	Key string
}

// Plan is the part of pipeline binding that depends only on the command
// and its candidate sets, so each object does not search every parameter
// of every set again (Where-Object has dozens of sets).
type Plan struct {
	ByValue   []PlanParam   // parameters taking pipeline input by value, in declaration order
	ByName    []PlanParam   // parameters taking it by property name, in declaration order
	AnyPipe   bool          // the command takes pipeline input at all
	Sets      []string      // the candidate sets the plan was made for
	Mandatory [][]PlanParam // per candidate set, its mandatory parameters
}

// NewPlan works out the pipeline binding plan of cmd with the candidate
// sets its arguments left (Bound.Sets).
func NewPlan(cmd *command.Command, sets []string) *Plan {
	plan := &Plan{Sets: sets, Mandatory: make([][]PlanParam, len(sets))}
	for _, p := range cmd.Params {
		pp := PlanParam{P: p, Key: strings.ToLower(p.Name)}
		byValue, byName := false, false
		for i, s := range sets {
			si, ok := p.InSet(s)
			if !ok {
				continue
			}
			if si.Mandatory {
				plan.Mandatory[i] = append(plan.Mandatory[i], pp)
			}
			byValue = byValue || si.FromPipeline
			byName = byName || si.FromPipelineByName
		}
		if byValue {
			plan.ByValue = append(plan.ByValue, pp)
		}
		if byName {
			plan.ByName = append(plan.ByName, pp)
		}
		for _, s := range p.Sets {
			if s.FromPipeline || s.FromPipelineByName {
				plan.AnyPipe = true
			}
		}
	}
	return plan
}

// MandatoryIn returns the mandatory parameters of set, one of the
// candidate sets.
func (plan *Plan) MandatoryIn(set string) []PlanParam {
	for i, s := range plan.Sets {
		if s == set {
			return plan.Mandatory[i]
		}
	}
	return nil
}

// Pick chooses among the candidate sets those containing every parameter
// the pipeline object bound (piped): those whose mandatory parameters are
// all in bindings; then the default set; then the only one
// (params.ChooseAmong; strict refuses to guess among several).
func (plan *Plan) Pick(cmd *command.Command, piped []*params.Param, bindings map[string]any, strict bool) string {
	sets := plan.Sets
	if len(sets) == 1 {
		return sets[0]
	}
	var satisfied, candidates []string
	for i, s := range sets {
		if !allInSet(piped, s) {
			continue
		}
		candidates = append(candidates, s)
		ok := true
		for _, mp := range plan.Mandatory[i] {
			if _, bound := bindings[mp.Key]; !bound {
				ok = false
				break
			}
		}
		if ok {
			satisfied = append(satisfied, s)
		}
	}
	if len(candidates) == 0 {
		candidates = sets
	}
	sig := cmd.Signature()
	return params.ChooseAmong(&sig, candidates, satisfied, !strict)
}

// allInSet reports whether every parameter is in set.
func allInSet(ps []*params.Param, set string) bool {
	for _, p := range ps {
		if _, ok := p.InSet(set); !ok {
			return false
		}
	}
	return true
}

// Input is what the current pipeline object bound: its parameters (like
// parameters bound by name, they narrow the sets the command can run in:
// a Job piped to Remove-Job leaves only the sets that have -Job) and
// their binding keys (what the next object's binding takes out of the
// bindings first).
type Input struct {
	Params []*params.Param
	Keys   []string
}

// Bind binds one pipeline object v to the plan's parameters not already
// in bindings: by value first (the first parameter that converts it),
// then by property name or alias. in records what it bound. An object no
// parameter takes is an InputObjectNotBound error, or the refusal of
// $null by a parameter that takes no null.
func (plan *Plan) Bind(ses Session, cmd *command.Command, invName string, ext syntax.Extent, bindings map[string]any, v any, in *Input) error {
	bound := false
	var byValue *params.Param
	// nullErr is the refusal of $null by a parameter that takes no null:
	// the error when no other parameter takes the object.
	var nullErr error
	in.Params = in.Params[:0]
	for _, pp := range plan.ByValue {
		if _, done := bindings[pp.Key]; done {
			continue
		}
		cv, err := Convert(ses, cmd, invName, pp.P, v, ext)
		if err != nil {
			if pe, ok := err.(*pserror.Error); ok && nullErr == nil && strings.HasPrefix(pe.Record.ErrorID, "ParameterArgumentValidationErrorNullNotAllowed") {
				nullErr = err
			}
			continue
		}
		bindings[pp.Key] = cv
		in.Keys = append(in.Keys, pp.Key)
		bound = true
		byValue = pp.P
		in.Params = append(in.Params, pp.P)
		break
	}
	for _, pp := range plan.ByName {
		if _, done := bindings[pp.Key]; done {
			continue
		}
		// Binding by value chose the sets: a parameter in none of them
		// takes nothing by property name (a FileInfo piped to
		// Select-String is its InputObject, not its -LiteralPath).
		if byValue != nil && !shareSet(byValue, pp.P, plan.Sets) {
			continue
		}
		p := pp.P
		for i := -1; i < len(p.Aliases); i++ {
			n := p.Name
			if i >= 0 {
				n = p.Aliases[i]
			}
			if prop, ok := object.GetProperty(v, n); ok {
				cv, err := Convert(ses, cmd, invName, p, prop.Get(), ext)
				if err != nil {
					return err
				}
				bindings[pp.Key] = cv
				in.Keys = append(in.Keys, pp.Key)
				bound = true
				in.Params = append(in.Params, p)
				break
			}
		}
	}
	if !bound && nullErr != nil {
		return nullErr
	}
	if !bound && v != nil && (plan.AnyPipe || cmd.Handler.Process != nil) {
		return Error(cmd, invName, ext, "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.", "InputObjectNotBound", object.InvalidArgument)
	}
	return nil
}

// shareSet reports whether two parameters are both in one of the sets.
func shareSet(a, b *params.Param, sets []string) bool {
	for _, s := range sets {
		if _, ok := a.InSet(s); !ok {
			continue
		}
		if _, ok := b.InSet(s); ok {
			return true
		}
	}
	return false
}

// BindScript binds one pipeline object to the parameters of a function
// or script that take pipeline input and are bound neither by argument
// (bound) nor already (bindings): the first by value, then each by
// property name or alias. set is told of each binding (the parameter
// variables). A conversion that fails is the error.
func (plan *Plan) BindScript(ses Session, cmd *command.Command, invName string, ext syntax.Extent, bound, bindings map[string]any, v any, set func(p *params.Param, v any)) error {
	for _, pp := range plan.ByValue {
		if _, done := bound[pp.Key]; done {
			continue
		}
		if _, done := bindings[pp.Key]; done {
			continue
		}
		cv, err := Convert(ses, cmd, invName, pp.P, v, ext)
		if err != nil {
			return err
		}
		bindings[pp.Key] = cv
		set(pp.P, cv)
		break
	}
	for _, pp := range plan.ByName {
		if _, done := bound[pp.Key]; done {
			continue
		}
		if _, done := bindings[pp.Key]; done {
			continue
		}
		p := pp.P
		for i := -1; i < len(p.Aliases); i++ {
			n := p.Name
			if i >= 0 {
				n = p.Aliases[i]
			}
			prop, ok := object.GetProperty(v, n)
			if !ok {
				continue
			}
			cv, err := Convert(ses, cmd, invName, p, prop.Get(), ext)
			if err != nil {
				return err
			}
			bindings[pp.Key] = cv
			set(p, cv)
			break
		}
	}
	return nil
}
