package command

import (
	"strings"
	"time"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

// InvocationParam is one parameter of an observed invocation, as bound
// (or, for an invocation that never bound, as written).
type InvocationParam struct {
	// Name is the declared parameter name (or the name as typed when the
	// command refused it).
	Name string
	// Value is the bound value; for a refused command it is the argument's
	// source text, never evaluated.
	Value any
	// Sensitive marks passwords, SecureStrings and credentials: observers
	// must not record their value.
	Sensitive bool
	// Common marks PowerShell's common parameters (-WhatIf, -Confirm,
	// -ErrorAction ...).
	Common bool
}

// InvocationEvent describes one cmdlet invocation: once per pipeline
// object a cmdlet processes (once when it takes no input), or once for an
// invocation that failed before it ran (not granted, binding failed).
type InvocationEvent struct {
	// Command is the command's full declaration (every parameter, whatever
	// the session's gates hide).
	Command *Command
	// InvocationName is the name it was called by.
	InvocationName string
	// Params are the parameters in declaration order, then the common
	// parameters given.
	Params []InvocationParam
	// Start is the session clock when the invocation began.
	Start time.Time
	// Err is the first error the invocation wrote or the terminating
	// error it returned; nil when it succeeded.
	Err *object.ErrorRecord
	// Refused is true when the command or one of the parameters exists
	// but a command or parameter gate of this session hides it (the
	// caller saw an unknown-term or unknown-parameter error).
	Refused bool
	// Note is what an observer attached to the invocation while it ran
	// (SetInvocationNote); nil otherwise.
	Note any
	// Declined is true when ShouldProcess answered no during the
	// invocation (-WhatIf, or a confirmation the user declined), so it
	// skipped the work it asked about.
	Declined bool
	// Unbound is true when the arguments did not bind: the command never
	// ran (Err is the binding error).
	Unbound bool
}

// InvocationHook observes invocations of the commands match selects.
type InvocationHook func(ev InvocationEvent)

// Hooks are a session's invocation hooks.
type Hooks struct {
	list []hook
	// observed keeps, per command, whether a hook watches it: a pipeline
	// asks for every object.
	observed map[*Command]bool
}

type hook struct {
	match func(*Command) bool
	fn    InvocationHook
}

// Add registers fn for the invocations of the commands match accepts
// (nil: every command).
func (h *Hooks) Add(match func(*Command) bool, fn InvocationHook) {
	h.list = append(h.list, hook{match: match, fn: fn})
	h.observed = nil
}

// Any reports whether a hook is registered.
func (h *Hooks) Any() bool { return len(h.list) > 0 }

// Observed reports whether some hook watches c, matching hooks against
// full(c), the registered declaration behind a (possibly gated) command.
// A test double is never observed.
func (h *Hooks) Observed(c *Command, full func(*Command) *Command) bool {
	if c == nil || len(h.list) == 0 || c.TestDouble {
		return false
	}
	if v, ok := h.observed[c]; ok {
		return v
	}
	f := full(c)
	v := false
	for _, k := range h.list {
		if k.match == nil || k.match(f) {
			v = true
			break
		}
	}
	if h.observed == nil || len(h.observed) >= 1024 {
		h.observed = map[*Command]bool{}
	}
	h.observed[c] = v
	return v
}

// Fire gives ev to every hook whose match accepts ev.Command, in
// registration order.
func (h *Hooks) Fire(ev InvocationEvent) {
	for _, k := range h.list {
		if k.match == nil || k.match(ev.Command) {
			k.fn(ev)
		}
	}
}

// sensitiveParam reports whether a value must not be recorded: a
// SecureString, or the value of a SecureString or credential parameter.
func sensitiveParam(p *params.Param, v any) bool {
	if _, ok := v.(object.SecureString); ok {
		return true
	}
	if p == nil || p.Type == nil {
		return false
	}
	return p.Type.Kind == params.KindSecureString || p.Type.Kind == params.KindCredential
}

// BoundParams lists an invocation's bound values (by lower-case name) in
// declaration order, then the common parameters given in their fixed
// order.
func BoundParams(c *Command, bound map[string]any, common map[string]any) []InvocationParam {
	var out []InvocationParam
	keys := c.ParamKeys()
	for i, p := range c.Params {
		if v, ok := bound[keys[i]]; ok {
			out = append(out, InvocationParam{Name: p.Name, Value: v, Sensitive: sensitiveParam(p, v)})
		}
	}
	for _, cp := range params.Commons {
		if v, ok := common[strings.ToLower(cp.Name)]; ok {
			out = append(out, InvocationParam{Name: cp.Name, Value: v, Common: true})
		}
	}
	return out
}

// Arg is one evaluated argument of an invocation as written: the name
// typed ("" for a positional one), its value, and whether the value came
// with the name (-Name:value).
type Arg struct {
	Name     string
	Value    any
	HasValue bool
}

// ArgParams lists evaluated but unbound arguments (a failed binding),
// read against the command's full declaration: a value following a named
// non-switch parameter is that parameter's, and positional values go to
// the positional parameters in order.
func ArgParams(c *Command, args []Arg) []InvocationParam {
	var out []InvocationParam
	positional := positionalParams(c)
	next := 0
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a.Name == "" {
			ip := InvocationParam{Value: a.Value}
			for next < len(positional) && hasParam(out, positional[next].Name) {
				next++
			}
			if next < len(positional) {
				ip.Name = positional[next].Name
				ip.Sensitive = sensitiveParam(positional[next], a.Value)
				next++
			} else {
				ip.Sensitive = sensitiveParam(nil, a.Value)
			}
			out = append(out, ip)
			continue
		}
		ip := InvocationParam{Name: a.Name, Value: a.Value}
		var p *params.Param
		if cands, ok := matchOne(c, a.Name); ok {
			if cands[0].Param != nil {
				p = cands[0].Param
				ip.Name = p.Name
			} else {
				ip.Name, ip.Common = cands[0].Common.Name, true
			}
		}
		if !a.HasValue {
			ip.Value = true
			if p != nil && !p.IsSwitch() && i+1 < len(args) && args[i+1].Name == "" {
				ip.Value = args[i+1].Value
				i++
			}
		}
		ip.Sensitive = sensitiveParam(p, ip.Value)
		out = append(out, ip)
	}
	return out
}

// positionalParams returns the command's positional parameters in
// position order (default set, or the first set that has them).
func positionalParams(c *Command) []*params.Param {
	type slot struct {
		pos int
		p   *params.Param
	}
	var slots []slot
	for _, p := range c.Params {
		for _, si := range p.Sets {
			if si.Position >= 0 && (si.Set == params.AllSets || c.DefaultSet == "" || strings.EqualFold(si.Set, c.DefaultSet)) {
				slots = append(slots, slot{si.Position, p})
				break
			}
		}
	}
	for i := 1; i < len(slots); i++ {
		for j := i; j > 0 && slots[j].pos < slots[j-1].pos; j-- {
			slots[j], slots[j-1] = slots[j-1], slots[j]
		}
	}
	out := make([]*params.Param, 0, len(slots))
	for _, s := range slots {
		out = append(out, s.p)
	}
	return out
}

func hasParam(ps []InvocationParam, name string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// SourceParams lists a command's arguments as written, unevaluated (for
// a command the session's gates hide).
func SourceParams(c *Command, elems []syntax.Node) []InvocationParam {
	var out []InvocationParam
	positional := positionalParams(c)
	next := 0
	for i := 0; i < len(elems); i++ {
		switch el := elems[i].(type) {
		case *syntax.CommandParameter:
			ip := InvocationParam{Name: el.Name, Value: true}
			var p *params.Param
			if cands, ok := matchOne(c, el.Name); ok {
				if cands[0].Param != nil {
					p = cands[0].Param
					ip.Name = p.Name
				} else {
					ip.Name, ip.Common = cands[0].Common.Name, true
				}
			}
			switch {
			case el.Arg != nil:
				ip.Value = sourceText(el.Arg)
			case i+1 < len(elems) && (p == nil || !p.IsSwitch()) && !ip.Common:
				if _, isParam := elems[i+1].(*syntax.CommandParameter); !isParam {
					ip.Value = sourceText(elems[i+1])
					i++
				}
			}
			ip.Sensitive = sensitiveParam(p, nil)
			out = append(out, ip)
		default:
			ip := InvocationParam{Value: sourceText(el)}
			for next < len(positional) && hasParam(out, positional[next].Name) {
				next++
			}
			if next < len(positional) {
				ip.Name, ip.Sensitive = positional[next].Name, sensitiveParam(positional[next], nil)
				next++
			}
			out = append(out, ip)
		}
	}
	return out
}

// sourceText is an argument as written: a string constant's value, else
// its source text.
func sourceText(n syntax.Node) string {
	if s, ok := n.(*syntax.StringConstExpr); ok {
		return s.Value
	}
	return n.Span().Text()
}

// matchOne resolves a typed parameter name with the binder's rules.
func matchOne(c *Command, typed string) ([]params.Candidate, bool) {
	sig := c.Signature()
	return params.Match(&sig, typed, true)
}
