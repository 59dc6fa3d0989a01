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
	ByValue []PlanParam // parameters taking pipeline input by value, in declaration order
	ByName  []PlanParam // parameters taking it by property name, in declaration order
	AnyPipe bool        // the command takes pipeline input at all
	Sets    []string    // the candidate sets the plan was made for
	// defaultSet is the command's default set when it is a candidate
	// (the pipeline passes try its parameters first), else "".
	defaultSet string
	Mandatory  [][]PlanParam // per candidate set, its mandatory parameters
}

// NewPlan works out the pipeline binding plan of cmd with the candidate
// sets its arguments left (Bound.Sets).
func NewPlan(cmd *command.Command, sets []string) *Plan {
	plan := &Plan{Sets: sets, Mandatory: make([][]PlanParam, len(sets))}
	for _, s := range sets {
		if cmd.DefaultSet != "" && strings.EqualFold(s, cmd.DefaultSet) {
			plan.defaultSet = s
		}
	}
	for _, p := range cmd.Params {
		// the lower-case key is made for a parameter the plan keeps
		var pp PlanParam
		entry := func() PlanParam {
			if pp.P == nil {
				pp = PlanParam{P: p, Key: strings.ToLower(p.Name)}
			}
			return pp
		}
		byValue, byName := false, false
		for i, s := range sets {
			si, ok := p.InSet(s)
			if !ok {
				continue
			}
			if si.Mandatory {
				plan.Mandatory[i] = append(plan.Mandatory[i], entry())
			}
			byValue = byValue || si.FromPipeline
			byName = byName || si.FromPipelineByName
		}
		if byValue {
			plan.ByValue = append(plan.ByValue, entry())
		}
		if byName {
			plan.ByName = append(plan.ByName, entry())
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
// in bindings, in PowerShell's four passes (bind); in records what it
// bound. An object no parameter takes is an InputObjectNotBound error
// when the command takes pipeline input (a parameter for it or a process
// step).
func (plan *Plan) Bind(ses Session, cmd *command.Command, invName string, ext syntax.Extent, bindings map[string]any, v any, in *Input) error {
	return plan.bind(&pipeBinding{ses: ses, cmd: cmd, invName: invName, ext: ext, bindings: bindings, v: v, in: in}, plan.AnyPipe || cmd.Handler.Process != nil)
}

// pipelinePasses are the passes in which PowerShell offers a pipeline
// object to the parameters that take pipeline input: by value as it is,
// by property name as it is, by value converted, by property name
// converted. A value is taken "as it is" only when it already has the
// parameter's type (Uncoerced).
var pipelinePasses = [...]struct{ byName, coerce bool }{
	{false, false}, {true, false}, {false, true}, {true, true},
}

// pipeBinding is the binding of one pipeline object.
type pipeBinding struct {
	ses      Session
	cmd      *command.Command
	invName  string
	ext      syntax.Extent
	bindings map[string]any // what is bound, the arguments too
	v        any
	in       *Input
}

// bind binds the object in the pipeline passes. Each pass offers it to
// every parameter still unbound that takes pipeline input that way in a
// set still possible: a set holding every parameter the earlier passes
// bound. Within a pass the parameters of the default set, while it is
// possible, come first; the other sets are tried only when none of them
// took the object. Parameters bound in one pass that share no set are
// the AmbiguousParameterSet error; a binding error stops binding unless
// passedOver. An object nothing binds is the InputObjectNotBound error
// when takesInput.
func (plan *Plan) bind(b *pipeBinding, takesInput bool) error {
	in := b.in
	in.Params, in.Keys = in.Params[:0], in.Keys[:0]
	for _, ps := range pipelinePasses {
		// the sets possible in this pass are those of the parameters the
		// earlier passes bound
		earlier := len(in.Params)
		took := false
		var err error
		if def := plan.defaultSet; def != "" && allInSet(in.Params, def) {
			if took, err = plan.pass(b, ps.byName, ps.coerce, earlier, def, ""); err != nil {
				return err
			}
		}
		if !took {
			if took, err = plan.pass(b, ps.byName, ps.coerce, earlier, "", plan.defaultSet); err != nil {
				return err
			}
		}
		if took && len(in.Params) > earlier+1 && !plan.someSetHolds(in.Params) {
			return Error(b.cmd, b.invName, b.ext, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet", object.InvalidArgument)
		}
	}
	if len(in.Params) > 0 {
		return nil
	}
	if b.v != nil && takesInput {
		return Error(b.cmd, b.invName, b.ext, "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.", "InputObjectNotBound", object.InvalidArgument)
	}
	return nil
}

// pass is one pipeline pass over the parameters that take pipeline input
// by value or by property name (byName) in the possible sets (those
// holding the first earlier parameters the object bound): only that set
// when only is set, else every candidate set but except. It reports
// whether a parameter took the object.
func (plan *Plan) pass(b *pipeBinding, byName, coerce bool, earlier int, only, except string) (bool, error) {
	list := plan.ByValue
	if byName {
		list = plan.ByName
		if b.v == nil {
			return false, nil
		}
	}
	in := b.in
	took := false
	for _, pp := range list {
		if _, done := b.bindings[pp.Key]; done {
			continue
		}
		if !plan.takesIn(pp.P, byName, in.Params[:earlier], only, except) {
			continue
		}
		val := b.v
		if byName {
			prop, ok := propertyFor(b.v, pp.P)
			if !ok {
				continue
			}
			val = prop
		}
		if !coerce && !Uncoerced(pp.P, val) {
			continue
		}
		cv, err := Convert(b.ses, b.cmd, b.invName, pp.P, val, b.ext)
		if err != nil {
			if passedOver(err, byName) {
				continue
			}
			return took, err
		}
		b.bindings[pp.Key] = cv
		in.Keys = append(in.Keys, pp.Key)
		in.Params = append(in.Params, pp.P)
		took = true
	}
	return took, nil
}

// passedOver reports whether a pipeline pass goes on after the binding
// error err (by property name when byName), as PowerShell's binder does:
// a value a parameter's type does not take; but a validation refusal
// ($null, "" or a failed validation attribute) stops binding, and so
// does the failed conversion of a property to a param() block's
// parameter type.
func passedOver(err error, byName bool) bool {
	pe, ok := err.(*pserror.Error)
	if !ok {
		return false
	}
	switch id := pe.Record.ErrorID; {
	case strings.HasPrefix(id, "ParameterArgumentValidationError"):
		return false
	case id == "ParameterArgumentTransformationError":
		return !byName
	}
	return true
}

// propertyFor is the value of v's property named as parameter p or one
// of its aliases, the name first.
func propertyFor(v any, p *params.Param) (any, bool) {
	if prop, ok := object.GetProperty(v, p.Name); ok {
		return prop.Get(), true
	}
	for _, a := range p.Aliases {
		if prop, ok := object.GetProperty(v, a); ok {
			return prop.Get(), true
		}
	}
	return nil, false
}

// takesIn reports whether p takes pipeline input (by property name when
// byName, else by value) in a candidate set that holds every parameter
// of piped: set only when only is set, else any but except.
func (plan *Plan) takesIn(p *params.Param, byName bool, piped []*params.Param, only, except string) bool {
	for _, s := range plan.Sets {
		if only != "" && s != only || only == "" && except != "" && s == except {
			continue
		}
		si, ok := p.InSet(s)
		if !ok || !(byName && si.FromPipelineByName || !byName && si.FromPipeline) {
			continue
		}
		if allInSet(piped, s) {
			return true
		}
	}
	return false
}

// someSetHolds reports whether a candidate set holds every parameter.
func (plan *Plan) someSetHolds(ps []*params.Param) bool {
	for _, s := range plan.Sets {
		if allInSet(ps, s) {
			return true
		}
	}
	return false
}

// Uncoerced reports whether v already has parameter p's type, so that a
// pipeline pass without conversion takes it: any value for an object
// parameter ($null too); for an array parameter a value, or each element
// of a list, of its element type; otherwise a value whose type names
// (most derived first, as $x.PSObject.TypeNames) include the parameter's
// type. $null has no type but an object's or a reference type's: a
// string or a value type takes it only converted.
func Uncoerced(p *params.Param, v any) bool {
	t := p.Type
	if t == nil || t.Whole() && (p.Script == nil || isObjectType(strings.TrimSuffix(t.FullName, "[]"))) {
		// a type a command declares in Go as taking any value; a
		// param() block's constraint names its type
		return true
	}
	if v == nil {
		switch t.Kind {
		case params.KindString, params.KindBool, params.KindSwitch, params.KindInt, params.KindLong, params.KindDouble, params.KindDateTime, params.KindTimeSpan, params.KindGuid, params.KindEnum:
			return false
		}
		return true
	}
	if hasType(v, t.FullName) {
		return true
	}
	if !t.Array {
		return false
	}
	elem := strings.TrimSuffix(t.FullName, "[]")
	if isObjectType(elem) {
		return true
	}
	items, ok := object.Elements(object.Unwrap(v))
	if !ok {
		return hasType(v, elem)
	}
	for _, it := range items {
		if !hasType(it, elem) {
			return false
		}
	}
	return true
}

// isObjectType reports whether a type name is System.Object or PSObject,
// which every value has.
func isObjectType(name string) bool {
	return isObjectName(name) || strings.EqualFold(name, "System.Management.Automation.PSObject")
}

// isObjectName reports whether a type name is System.Object ("" for a
// parameter of no type).
func isObjectName(name string) bool {
	return name == "" || strings.EqualFold(name, "System.Object")
}

// hasType reports whether the type names of v, or of the value a PSObject
// wraps, include name.
func hasType(v any, name string) bool {
	for _, n := range object.TypeNames(v) {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	if o, ok := v.(*object.PSObject); ok && o.Base != nil {
		for _, n := range object.TypeNames(o.Base) {
			if strings.EqualFold(n, name) {
				return true
			}
		}
	}
	return false
}
