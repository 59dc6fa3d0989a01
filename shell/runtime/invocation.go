package runtime

import (
	"errors"

	"github.com/exosim/exosim/shell/hostui"
	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
)

// invocationInfo builds $MyInvocation for a running function, script
// block or script file (invocation.Info): the command it runs, how it
// was named, what was bound and where it was called from.
func (pr *cmdProcessor) invocationInfo() *object.PSObject {
	var bound any = object.NewHashtable()
	if pr.fnRun != nil && pr.fnRun.bound != nil {
		bound = pr.fnRun.bound
	}
	unbound := []any{}
	if pr.bound != nil && pr.bound.Extra != nil {
		unbound = pr.bound.Extra
	}
	return invocation.Info(invocation.Call{
		Bound:            bound,
		Unbound:          unbound,
		Position:         pr.position,
		History:          len(pr.rt.History),
		Runspace:         pr.topLevel || pr.rt.depth <= 1,
		InvocationName:   pr.invName,
		PipelinePosition: pr.pipePos + 1,
		ExpectingInput:   pr.hasInput,
	}, pr.commandInfo)
}

// commandInfo is $MyInvocation.MyCommand: a FunctionInfo for functions
// and filters, an ExternalScriptInfo for script files, a ScriptInfo for
// script blocks.
func (pr *cmdProcessor) commandInfo() *object.PSObject {
	switch {
	case pr.fn != nil:
		return invocation.FunctionInfo(pr.fn.Name, pr.fn.IsFilter, pr.fn.Body, pr.cmdletBinding())
	case pr.scriptFile != "":
		return invocation.ExternalScriptInfo(pr.scriptFile, scriptName(pr.scriptFile), pr.sb)
	}
	return invocation.ScriptInfo(pr.sb)
}

// cmdletBinding reports whether the running function is an advanced one.
func (pr *cmdProcessor) cmdletBinding() bool {
	return pr.fn != nil && pr.rt.scripts.Advanced(pr.rt.binding(), pr.fn)
}

// commonPreferences passes an advanced function's or script's common
// parameters on as preference variables in its scope
// (invocation.Preferences).
func (pr *cmdProcessor) commonPreferences(sc *Scope) {
	invocation.Preferences(pr.bound.Common, sc.Set)
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
type cmdletSession struct{ pr *cmdProcessor }

func (c cmdletSession) Name() string         { return c.pr.cmd.Name }
func (c cmdletSession) ParameterSet() string { return c.pr.ctx.ParameterSet }
func (c cmdletSession) Text(v any) string    { return c.pr.rt.toStr(v) }

func (c cmdletSession) Info() *object.PSObject {
	if c.pr.fnRun != nil && c.pr.fnRun.info != nil {
		return c.pr.fnRun.info
	}
	return c.pr.invocationInfo()
}

func (c cmdletSession) ShouldProcess(target, action, description string) (bool, error) {
	return c.pr.shouldProcess(target, action, description)
}

func (c cmdletSession) ShouldContinue(query, caption string) (bool, error) {
	return c.pr.shouldContinue(query, caption)
}

func (c cmdletSession) WriteError(rec *object.ErrorRecord) error { return c.pr.writeError(rec) }
func (c cmdletSession) WriteVerbose(msg string) error            { return c.pr.writeVerbose(msg) }
func (c cmdletSession) WriteWarning(msg string) error            { return c.pr.writeWarning(msg) }

func (c cmdletSession) WriteObject(v any, enumerate bool) error {
	return emitEnumeratedIf(v, enumerate, c.pr.emit)
}

// emitEnumeratedIf writes v as one object, or its elements when
// enumerate is set ($PSCmdlet.WriteObject(v, $true)).
func emitEnumeratedIf(v any, enumerate bool, out emitter) error {
	if enumerate {
		return emitEnumerated(v, out)
	}
	return out(v)
}

// shouldContinue asks the user to confirm (a Yes/No prompt,
// hostui.ShouldContinue); without a terminal it fails as a
// non-interactive PowerShell host does.
func (pr *cmdProcessor) shouldContinue(query, caption string) (bool, error) {
	ok, err := hostui.ShouldContinue(hostSession{pr.rt}, query, caption)
	if errors.Is(err, hostui.ErrNonInteractive) {
		return false, &pserror.Error{Record: &object.ErrorRecord{
			Message:       err.Error(),
			ErrorID:       "HostException",
			Category:      object.ResourceUnavailable,
			ExceptionType: "HostException",
			Activity:      pr.cmd.Name,
			Position:      pr.position,
		}}
	}
	return ok, err
}
