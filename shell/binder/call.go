package binder

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// Call is one invocation of a command in a pipeline once its arguments
// are bound: it chooses the parameter set the command runs in, binds each
// pipeline object, and keeps what that takes (the pipeline binding plan,
// what the last object bound, the set chosen for it). The runtime makes
// one per command processor.
type Call struct {
	Cmd     *command.Command
	InvName string
	Ext     syntax.Extent
	// Bound is what the arguments bound; its Sets are the candidate sets.
	Bound *Bound
	// PipePos is the command's position in its pipeline, from 0 (the
	// prompt for a missing mandatory parameter names it).
	PipePos int
	// Plans share plans among the calls of a session (nil: this call
	// works out its own).
	Plans *Plans
	// Simple marks a simple function or script (no [CmdletBinding()]
	// nor [Parameter()]): it binds no parameter from the pipeline.
	Simple bool

	// plan is what binding each pipeline object needs, worked out from
	// the command and the candidate sets on first use.
	plan *Plan
	// piped is what the current pipeline object bound.
	piped Input
	// last is the set Resolve chose for the previous object and the
	// parameters that object bound from the pipeline: an object that binds
	// the same parameters gets the same set (the other bound parameters
	// are the command's own, the same for every object).
	last lastSet
}

// lastSet is a set choice Resolve remembers ("": none).
type lastSet struct {
	set   string
	piped []*params.Param
}

// Resolve chooses the parameter set for the current pipeline object (or,
// before any, for the arguments alone) with the parameters in bindings,
// and asks con for the set's mandatory parameters missing from bindings
// (Prompt), binding the answers there. No set fitting is the
// AmbiguousParameterSet error.
func (c *Call) Resolve(ses Session, con Console, bindings map[string]any) (string, error) {
	set, missing, err := c.resolve(bindings)
	if err != nil {
		return "", err
	}
	if len(missing) > 0 {
		if err := Prompt(ses, con, c.Cmd, c.InvName, c.Ext, c.PipePos, missing, bindings); err != nil {
			return "", err
		}
	}
	return set, nil
}

// ResolveObject chooses the parameter set for the current pipeline object
// as Resolve does, but asks for nothing: a mandatory parameter of the set
// the object left unbound is the InputObjectMissingMandatory error (the
// object is not processed).
func (c *Call) ResolveObject(bindings map[string]any) (string, error) {
	set, missing, err := c.resolve(bindings)
	if err != nil {
		return "", err
	}
	if len(missing) > 0 {
		var names strings.Builder
		for _, p := range missing {
			names.WriteString(" " + p.Name)
		}
		return "", Error(c.Cmd, c.InvName, c.Ext, "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters: "+names.String(), "InputObjectMissingMandatory", object.InvalidArgument)
	}
	return set, nil
}

// resolve chooses the set for bindings and lists its mandatory
// parameters missing from them; a choice without any missing is
// remembered for the next object that binds the same parameters.
func (c *Call) resolve(bindings map[string]any) (string, []*params.Param, error) {
	if c.last.set != "" && sameParams(c.last.piped, c.piped.Params) {
		return c.last.set, nil, nil
	}
	set := c.pick(bindings, true)
	if set == "" {
		return "", nil, Error(c.Cmd, c.InvName, c.Ext, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet", object.InvalidArgument)
	}
	missing := c.missingMandatory(set, bindings)
	if len(missing) == 0 {
		c.last = lastSet{set: set, piped: append(c.last.piped[:0], c.piped.Params...)}
	}
	return set, missing, nil
}

// missingMandatory lists the mandatory parameters of set, one of the
// candidate sets, that bindings leave out, in the command's order: from
// the pipeline binding plan once the call has made it, else from the
// command's parameters, so that a command no pipeline object binds to
// (the first of a pipeline) never works out the plan's other tables.
func (c *Call) missingMandatory(set string, bindings map[string]any) []*params.Param {
	var missing []*params.Param
	if c.plan != nil {
		for _, mp := range c.plan.MandatoryIn(set) {
			if _, bound := bindings[mp.Key]; !bound {
				missing = append(missing, mp.P)
			}
		}
		return missing
	}
	if !slices.Contains(c.Bound.Sets, set) {
		return nil // the plan has no such set (MandatoryIn)
	}
	for _, p := range c.Cmd.Params {
		if si, ok := p.InSet(set); !ok || !si.Mandatory {
			continue
		}
		if _, bound := bindings[strings.ToLower(p.Name)]; !bound {
			missing = append(missing, p)
		}
	}
	return missing
}

// sameParams reports whether a and b list the same parameters in order.
func sameParams(a, b []*params.Param) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Pick chooses among the candidate sets as Plan.Pick does, guessing where
// several fit: the set a command that takes pipeline input starts in,
// before any object came.
func (c *Call) Pick(bindings map[string]any) string { return c.pick(bindings, false) }

func (c *Call) pick(bindings map[string]any, strict bool) string {
	if sets := c.Bound.Sets; len(sets) == 1 {
		if c.Cmd.DefaultSet == "" && len(c.Cmd.Sets) == 1 && !c.namesSet(bindings) {
			// A script command of one named set and no default set runs
			// in no particular set unless a parameter of that set is bound.
			return params.AllSets
		}
		return sets[0] // no plan needed
	}
	return c.Plan().Pick(c.Cmd, c.piped.Params, bindings, strict)
}

// namesSet reports whether the command is a script command one of whose
// bound parameters belongs to a named set (only those choose a set), or
// a cmdlet, whose one set is always chosen.
func (c *Call) namesSet(bindings map[string]any) bool {
	script := false
	for _, p := range c.Cmd.Params {
		if params.ScriptOf(p) == nil {
			continue
		}
		script = true
		if _, bound := bindings[strings.ToLower(p.Name)]; !bound {
			continue
		}
		for _, si := range p.Sets {
			if si.Set != params.AllSets {
				return true
			}
		}
	}
	return !script
}

// Plan returns the call's pipeline binding plan, worked out (or taken
// from Plans) on first use.
func (c *Call) Plan() *Plan {
	if c.plan == nil {
		c.plan = c.Plans.get(c.Cmd, c.Bound.Sets)
	}
	return c.plan
}

// BindInput binds pipeline object v (Plan.Bind) into bindings, which hold
// what the previous object bound: its parameters are taken out first, and
// bindings then holding more or fewer entries than the arguments bound
// (the handler changed them) are refilled with the arguments' values
// alone. It returns the bindings (made when nil).
func (c *Call) BindInput(ses Session, bindings map[string]any, v any) (map[string]any, error) {
	if bindings == nil {
		bindings = make(map[string]any, len(c.Bound.Values)+1)
	}
	for _, k := range c.piped.Keys {
		delete(bindings, k)
	}
	if len(bindings) != len(c.Bound.Values) {
		clear(bindings)
		for k, val := range c.Bound.Values {
			bindings[k] = val
		}
	}
	if err := c.bindDelayed(ses, bindings, v, nil); err != nil {
		return bindings, err
	}
	plan := c.Plan()
	takesInput := (plan.AnyPipe || c.Cmd.Handler.Process != nil) && len(c.Bound.Delayed) == 0
	return bindings, plan.bind(&pipeBinding{ses: ses, cmd: c.Cmd, invName: c.InvName, ext: c.Ext, bindings: bindings, v: v, in: &c.piped}, takesInput)
}

// CheckInput refuses, before the command runs, a script block argument
// kept for pipeline objects (Bound.Delayed) when the command has no
// pipeline input (hasInput false): it cannot be evaluated.
func (c *Call) CheckInput(hasInput bool) error {
	if hasInput || c.Bound == nil || len(c.Bound.Delayed) == 0 {
		return nil
	}
	d := c.Bound.Delayed[0]
	return Error(c.Cmd, c.InvName, d.Ext, fmt.Sprintf("Cannot evaluate parameter '%s' because its argument is specified as a script block and there is no input. A script block cannot be evaluated without input.", d.P.Name), "ScriptBlockArgumentNoInput", object.MetadataError)
}

// bindDelayed runs each script block argument kept for pipeline objects
// (Bound.Delayed) for object v and binds its output, converted, in
// bindings (one value alone, several as a list); set, when not nil, is
// told of each binding. A block that fails or writes nothing is the
// binding's error.
func (c *Call) bindDelayed(ses Session, bindings map[string]any, v any, set func(p *params.Param, v any)) error {
	for _, d := range c.Bound.Delayed {
		out, err := ses.DelayBind(d.Block, v)
		if err != nil {
			if pe, ok := err.(*pserror.Error); ok {
				return Error(c.Cmd, c.InvName, d.Ext, fmt.Sprintf("The input to the script block for parameter '%s' failed. %s", d.P.Name, pe.Record.Message), "ScriptBlockArgumentInvocationFailed", object.InvalidArgument)
			}
			return err
		}
		if len(out) == 0 {
			return Error(c.Cmd, c.InvName, d.Ext, fmt.Sprintf("Cannot evaluate parameter '%s' because its argument input did not produce any output.", d.P.Name), "ScriptBlockArgumentNoOutput", object.InvalidArgument)
		}
		var val any = out
		if len(out) == 1 {
			val = out[0]
		}
		cv, err := Convert(ses, c.Cmd, c.InvName, d.P, val, d.Ext)
		if err != nil {
			return err
		}
		bindings[d.Key] = cv
		if set != nil {
			set(d.P, cv)
		}
	}
	return nil
}

// Piped returns the parameters the last pipeline object bound.
func (c *Call) Piped() []*params.Param { return c.piped.Params }

// BindScript binds pipeline object v to the parameters of an advanced
// function or script as Plan.Bind binds a cmdlet's (bindings hold what
// the arguments bound); set is told of each binding (the parameter
// variables), and Pick then chooses the set with what it bound. An
// advanced function takes pipeline input even with no parameter for it:
// an object nothing binds is the InputObjectNotBound error. A simple
// function binds nothing from the pipeline.
func (c *Call) BindScript(ses Session, bindings map[string]any, v any, set func(p *params.Param, v any)) error {
	if c.Simple {
		return nil
	}
	if err := c.bindDelayed(ses, bindings, v, set); err != nil {
		return err
	}
	plan := c.Plan()
	if err := plan.bind(&pipeBinding{ses: ses, cmd: c.Cmd, invName: c.InvName, ext: c.Ext, bindings: bindings, v: v, in: &c.piped}, len(c.Bound.Delayed) == 0); err != nil {
		return err
	}
	for i, p := range c.piped.Params {
		set(p, bindings[c.piped.Keys[i]])
	}
	return nil
}

// Plans keeps a session's pipeline binding plans by command declaration
// (a gated copy is a command of its own) and candidate sets, so a runbook
// does not work them out again for every command it runs. The zero value
// is empty; it holds at most maxPlans and starts over when full.
type Plans struct {
	m map[planKey]*Plan
}

// maxPlans bounds Plans: a session that makes ever new gated copies does
// not keep their plans for ever.
const maxPlans = 1024

// planKey identifies a pipeline binding plan.
type planKey struct {
	cmd  *command.Command
	sets string
}

// get returns the plan of cmd with the candidate sets, working it out the
// first time (each time with no Plans).
func (ps *Plans) get(cmd *command.Command, sets []string) *Plan {
	if ps == nil {
		return NewPlan(cmd, sets)
	}
	key := planKey{cmd: cmd, sets: strings.Join(sets, "\x00")}
	if plan, ok := ps.m[key]; ok {
		return plan
	}
	plan := NewPlan(cmd, sets)
	if ps.m == nil || len(ps.m) >= maxPlans {
		ps.m = map[planKey]*Plan{}
	}
	ps.m[key] = plan
	return plan
}
