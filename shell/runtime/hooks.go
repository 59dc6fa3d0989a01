package runtime

import (
	"errors"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

type invocationHook struct {
	match func(*command.Command) bool
	fn    command.InvocationHook
}

// AddInvocationHook registers fn for every invocation of a registered
// command that match accepts (nil: every command). Hooks run after the
// invocation finished, outside its transaction, in registration order.
func (rt *Runtime) AddInvocationHook(match func(*command.Command) bool, fn command.InvocationHook) {
	rt.invocationHooks = append(rt.invocationHooks, invocationHook{match: match, fn: fn})
	rt.observedCache = nil
}

// observed reports whether some hook watches c (c may be a gated copy;
// hooks are matched against the registered declaration).
// The answer is cached per command: a pipeline asks for every object.
func (rt *Runtime) observed(c *command.Command) bool {
	if c == nil || len(rt.invocationHooks) == 0 || c.TestDouble {
		return false
	}
	if v, ok := rt.observedCache[c]; ok {
		return v
	}
	full := rt.fullCommand(c)
	v := false
	for _, h := range rt.invocationHooks {
		if h.match == nil || h.match(full) {
			v = true
			break
		}
	}
	if rt.observedCache == nil || len(rt.observedCache) >= 1024 {
		rt.observedCache = map[*command.Command]bool{}
	}
	rt.observedCache[c] = v
	return v
}

// fullCommand returns the registered declaration behind a (possibly
// gated) command.
func (rt *Runtime) fullCommand(c *command.Command) *command.Command {
	key := strings.ToLower(c.Name)
	if r, ok := rt.commands[key]; ok {
		r = rt.built(key, r)
		r.Complete()
		return r
	}
	return c
}

func (rt *Runtime) fire(ev command.InvocationEvent) {
	ev.Command = rt.fullCommand(ev.Command)
	for _, h := range rt.invocationHooks {
		if h.match == nil || h.match(ev.Command) {
			h.fn(ev)
		}
	}
}

func sensitiveParam(p *params.Param, v any) bool {
	if _, ok := v.(object.SecureString); ok {
		return true
	}
	if p == nil || p.Type == nil {
		return false
	}
	return p.Type.Kind == params.KindSecureString || p.Type.Kind == params.KindCredential
}

// boundParams lists bound values in declaration order, then the common
// parameters in their fixed order.
func boundParams(c *command.Command, bound map[string]any, common map[string]any) []command.InvocationParam {
	var out []command.InvocationParam
	keys := c.ParamKeys()
	for i, p := range c.Params {
		if v, ok := bound[keys[i]]; ok {
			out = append(out, command.InvocationParam{Name: p.Name, Value: v, Sensitive: sensitiveParam(p, v)})
		}
	}
	for _, cp := range params.Commons {
		if v, ok := common[strings.ToLower(cp.Name)]; ok {
			out = append(out, command.InvocationParam{Name: cp.Name, Value: v, Common: true})
		}
	}
	return out
}

// argParams lists evaluated but unbound arguments (a failed binding),
// read against the command's full declaration: a value following a named
// non-switch parameter is that parameter's, and positional values go to
// the positional parameters in order.
func argParams(c *command.Command, args []argument) []command.InvocationParam {
	var out []command.InvocationParam
	positional := positionalParams(c)
	next := 0
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a.name == "" {
			ip := command.InvocationParam{Value: a.value}
			for next < len(positional) && hasParam(out, positional[next].Name) {
				next++
			}
			if next < len(positional) {
				ip.Name = positional[next].Name
				ip.Sensitive = sensitiveParam(positional[next], a.value)
				next++
			} else {
				ip.Sensitive = sensitiveParam(nil, a.value)
			}
			out = append(out, ip)
			continue
		}
		ip := command.InvocationParam{Name: a.name, Value: a.value}
		var p *params.Param
		if cands, ok := matchParameter(c, a.name, true); ok {
			if cands[0].Param != nil {
				p = cands[0].Param
				ip.Name = p.Name
			} else {
				ip.Name, ip.Common = cands[0].Common.Name, true
			}
		}
		if !a.hasVal {
			ip.Value = true
			if p != nil && !p.IsSwitch() && i+1 < len(args) && args[i+1].name == "" {
				ip.Value = args[i+1].value
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
func positionalParams(c *command.Command) []*params.Param {
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

func hasParam(ps []command.InvocationParam, name string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// sourceParams lists a command's arguments as written, unevaluated (for
// a command the session's gates hide).
func sourceParams(c *command.Command, elems []syntax.Node) []command.InvocationParam {
	var out []command.InvocationParam
	positional := positionalParams(c)
	next := 0
	for i := 0; i < len(elems); i++ {
		switch el := elems[i].(type) {
		case *syntax.CommandParameter:
			ip := command.InvocationParam{Name: el.Name, Value: true}
			var p *params.Param
			if cands, ok := matchParameter(c, el.Name, true); ok {
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
			ip := command.InvocationParam{Value: sourceText(el)}
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

// errorRecord extracts the record of an error a command failed with.
func errorRecord(err error) *object.ErrorRecord {
	if err == nil {
		return nil
	}
	var pe *PSError
	if errors.As(err, &pe) {
		return pe.Record
	}
	var stop *stopUpstream
	if errors.As(err, &stop) {
		return nil
	}
	switch err.(type) {
	case *breakSignal, *continueSignal, *returnSignal, *ExitSignal, *stopSignal:
		return nil
	}
	return &object.ErrorRecord{Message: err.Error()}
}

// notifyRefusedLookup reports a registered command that a gate hides
// (the caller got the unknown-term error).
func (rt *Runtime) notifyRefusedLookup(name string, e *syntax.CommandExpr, err error) {
	if len(rt.invocationHooks) == 0 {
		return
	}
	lname := strings.ToLower(name)
	if target, ok := rt.aliases[lname]; ok {
		lname = strings.ToLower(target)
	}
	c, ok := rt.command(lname)
	if !ok || rt.IsVisible(c) || !rt.observed(c) {
		return
	}
	c.Complete()
	rt.fire(command.InvocationEvent{Command: c, InvocationName: name, Params: sourceParams(c, e.Elements[1:]),
		Start: rt.Now(), Err: errorRecord(err), Refused: true})
}

// notifyBindFailure reports an invocation whose arguments did not bind;
// Refused is set when an argument names a parameter a gate hides.
func (pr *cmdProcessor) notifyBindFailure(args []argument, err error) {
	rt := pr.rt
	if pr.cmd == nil || pr.fn != nil || pr.sb != nil || !rt.observed(pr.cmd) {
		return
	}
	full := rt.fullCommand(pr.cmd)
	refused := false
	for _, a := range args {
		if a.name == "" {
			continue
		}
		if _, ok := matchParameter(pr.cmd, a.name, true); ok {
			continue
		}
		if cands, ok := matchParameter(full, a.name, true); ok && cands[0].Param != nil {
			refused = true
		}
	}
	rt.fire(command.InvocationEvent{Command: full, InvocationName: pr.invName, Params: argParams(full, args),
		Start: rt.Now(), Err: errorRecord(err), Refused: refused, Unbound: true})
}

// beginObserved records the start of one processed invocation.
func (pr *cmdProcessor) beginObserved() {
	pr.callErr = nil
	pr.callNote = nil
	pr.callDeclined = false
	pr.callUnbound = false
	pr.callStart = time.Time{}
	if pr.rt.observed(pr.cmd) {
		pr.callStart = pr.rt.Now()
		pr.inCall = true
	}
}

// endObserved reports one processed invocation with its outcome.
func (pr *cmdProcessor) endObserved(err error) {
	rt := pr.rt
	pr.inCall = false
	note := pr.callNote
	pr.callNote = nil
	if pr.ctx == nil || !rt.observed(pr.cmd) {
		return
	}
	rec := errorRecord(err)
	if rec == nil {
		rec = pr.callErr
	}
	start := pr.callStart
	if start.IsZero() {
		start = rt.Now()
	}
	var common map[string]any
	if pr.bound != nil {
		common = pr.bound.common
	}
	rt.fire(command.InvocationEvent{Command: pr.cmd, InvocationName: pr.invName, Params: boundParams(pr.cmd, pr.ctx.Bindings, common),
		Start: start, Err: rec, Note: note, Declined: pr.callDeclined, Unbound: pr.callUnbound && rec != nil})
	pr.callErr = nil
	pr.callDeclined = false
	pr.callUnbound = false
}

// endUnbound reports an invocation whose parameters did not bind (a
// parameter set not resolved, a mandatory parameter missing, a pipeline
// object that fits no parameter): the command never ran.
func (pr *cmdProcessor) endUnbound(err error) {
	pr.callUnbound = true
	pr.endObserved(err)
}
