package runtime

import (
	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
)

// invocationInfo builds $MyInvocation for a running function, script
// block or script file (invocation.Info): the command it runs, how it
// was named, what was bound and where it was called from.
func (rt *Runtime) invocationInfo(pr *cmdproc.Processor) *object.PSObject {
	var bound any = object.NewHashtable()
	if run := runOf(pr); run != nil && run.bound != nil {
		bound = run.bound
	}
	unbound := []any{}
	if pr.Bound != nil && pr.Bound.Extra != nil {
		unbound = pr.Bound.Extra
	}
	return invocation.Info(invocation.Call{
		Bound:            bound,
		Unbound:          unbound,
		Position:         pr.Pos,
		History:          len(rt.History),
		Runspace:         pr.TopLevel || rt.depth <= 1,
		InvocationName:   pr.InvName,
		PipelinePosition: pr.PipePos + 1,
		ExpectingInput:   pr.HasInput,
	}, func() *object.PSObject { return rt.commandInfo(pr) })
}

// commandInfo is $MyInvocation.MyCommand: a FunctionInfo for functions
// and filters, an ExternalScriptInfo for script files, a ScriptInfo for
// script blocks.
func (rt *Runtime) commandInfo(pr *cmdproc.Processor) *object.PSObject {
	switch {
	case pr.Fn != nil:
		return invocation.FunctionInfo(pr.Fn.Name, pr.Fn.IsFilter, pr.Fn.Body, rt.scripts.Advanced(rt.binding(), pr.Fn))
	case pr.ScriptFile != "":
		return invocation.ExternalScriptInfo(pr.ScriptFile, scriptName(pr.ScriptFile), pr.SB)
	}
	return invocation.ScriptInfo(pr.SB)
}

// parameterToken is how a simple function's $args holds an unbound -Name:
// the text as written (a string to the script), remembered as a
// parameter name so that splatting @args passes it on as one.
func (rt *Runtime) parameterToken(text, name string) any {
	o := &object.PSObject{Base: text}
	if rt.paramTokens == nil || len(rt.paramTokens) >= 4096 {
		rt.paramTokens = map[*object.PSObject]string{}
	}
	rt.paramTokens[o] = name
	return o
}

// tokenName reports whether v is a parameter name from $args.
func (rt *Runtime) tokenName(v any) (string, bool) {
	o, ok := v.(*object.PSObject)
	if !ok || rt.paramTokens == nil {
		return "", false
	}
	n, ok := rt.paramTokens[o]
	return n, ok
}

// cmdletSession is the running command as $PSCmdlet reaches it
// (invocation.Cmdlet).
type cmdletSession struct {
	rt *Runtime
	pr *cmdproc.Processor
}

func (c cmdletSession) Name() string         { return c.pr.Cmd.Name }
func (c cmdletSession) ParameterSet() string { return c.pr.Ctx.ParameterSet }
func (c cmdletSession) Text(v any) string    { return c.rt.toStr(v) }

func (c cmdletSession) Info() *object.PSObject {
	if run := runOf(c.pr); run != nil && run.info != nil {
		return run.info
	}
	return c.rt.invocationInfo(c.pr)
}

// ShouldProcess and ShouldContinue are methods the script calls: a
// prompt that fails throws its exception, which the call reports
// (hostui.MethodException).
func (c cmdletSession) ShouldProcess(target, action, description string) (bool, error) {
	ok, err := c.pr.ShouldProcess(target, action, description)
	return ok, hostui.MethodException(err)
}

func (c cmdletSession) ShouldContinue(query, caption string) (bool, error) {
	ok, err := c.pr.ShouldContinue(query, caption)
	return ok, hostui.MethodException(err)
}

func (c cmdletSession) WriteError(rec *object.ErrorRecord) error { return c.pr.WriteError(rec) }
func (c cmdletSession) WriteVerbose(msg string) error            { return c.pr.WriteVerbose(msg) }
func (c cmdletSession) WriteWarning(msg string) error            { return c.pr.WriteWarning(msg) }

func (c cmdletSession) WriteObject(v any, enumerate bool) error {
	return emitEnumeratedIf(v, enumerate, c.pr.Emit)
}

// emitEnumeratedIf writes v as one object, or its elements when
// enumerate is set ($PSCmdlet.WriteObject(v, $true)).
func emitEnumeratedIf(v any, enumerate bool, out emitter) error {
	if enumerate {
		return emitEnumerated(v, out)
	}
	return out(v)
}
