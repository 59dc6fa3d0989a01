package binder

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/wildcard"
)

// $PSDefaultParameterValues gives cmdlets and advanced functions values
// for parameters a call leaves unbound. A key is "Command:Parameter": the
// command part may hold wildcards ("*:ErrorAction"), the parameter part is
// a parameter's full name or one of its aliases. A value that is a script
// block (for a parameter that does not take one) is run and its result
// used. A default binds only to a parameter of the parameter sets the call
// can still be in, and never over a value the call gives; the key
// Disabled set to $true turns them all off.

// Defaults returns the defaults that apply to a call of cmd bound as b,
// as arguments that bind after the written ones: table is the value of
// $PSDefaultParameterValues, run runs a script block value.
func Defaults(table any, cmd *command.Command, b *Bound, run func(sb dotnet.ScriptBlock) (any, error)) ([]Argument, error) {
	h, ok := object.Unwrap(table).(*object.Hashtable)
	if !ok || h.Len() == 0 {
		return nil, nil
	}
	if d, ok := h.Get("Disabled"); ok && object.ToBool(d) {
		return nil, nil
	}
	sig := cmd.Signature()
	var out []Argument
	seen := map[string]bool{}
	for _, k := range h.Keys() {
		key, ok := object.Unwrap(k).(string)
		if !ok {
			continue
		}
		i := strings.LastIndex(key, ":")
		if i <= 0 {
			continue
		}
		pattern, name := strings.TrimSpace(key[:i]), strings.TrimSpace(key[i+1:])
		if name == "" || !wildcard.Match(pattern, cmd.Name) {
			continue
		}
		cands, ok := params.Match(&sig, name, true)
		if !ok || !exactName(cands[0], name) {
			continue
		}
		c := cands[0]
		lname := strings.ToLower(c.Name())
		if _, bound := b.Values[lname]; bound || seen[lname] {
			continue
		}
		if _, bound := b.Common[lname]; bound {
			continue
		}
		if c.Param != nil && !inSomeSet(c.Param, b.Sets) {
			continue
		}
		val, _ := h.Get(k)
		if sb, isSB := object.Unwrap(val).(dotnet.ScriptBlock); isSB && (c.Param == nil || c.Param.Type.FullName != "System.Management.Automation.ScriptBlock") {
			r, err := run(sb)
			if err != nil {
				return nil, err
			}
			val = r
		}
		seen[lname] = true
		out = append(out, Argument{Name: c.Name(), Value: val, HasVal: true, Splat: true})
	}
	return out, nil
}

// exactName tells whether name is the candidate's full name or an alias
// (a default names its parameter in full, no prefix).
func exactName(c params.Candidate, name string) bool {
	if strings.EqualFold(c.Name(), name) {
		return true
	}
	var aliases []string
	if c.Param != nil {
		aliases = c.Param.Aliases
	} else {
		aliases = c.Common.Aliases
	}
	for _, a := range aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// inSomeSet tells whether p belongs to one of the sets the call can be in.
func inSomeSet(p *params.Param, sets []string) bool {
	if len(sets) == 0 {
		return true
	}
	for _, s := range sets {
		if _, in := p.InSet(s); in {
			return true
		}
	}
	return false
}
