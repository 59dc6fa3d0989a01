package runtime

import (
	"github.com/exosim/exosim/shell/binder"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/members"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime/cmdproc"
	"github.com/exosim/exosim/shell/scriptcmd"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
)

// ErrStopUpstream is returned by a cmdlet (Select-Object -First) that needs
// no more input: the commands before it stop, the ones after it finish.
var ErrStopUpstream error = &cmdproc.StopUpstream{}

// Operator applies a binary operator such as "-eq", "-like", "-gt", "+"
// with PowerShell semantics (left operand decides).
func (rt *Runtime) Operator(op string, left, right any) (any, error) {
	return ops.Binary(opSession{rt}, op, left, right)
}

// CompareValues orders two values as Sort-Object and -lt do.
func (rt *Runtime) CompareValues(left, right any, caseSensitive bool) (int, error) {
	return rt.compareValues(left, right, caseSensitive)
}

// EqualValues is -eq (or -ceq) on two scalars.
func (rt *Runtime) EqualValues(left, right any, caseSensitive bool) bool {
	return rt.equalValues(left, right, caseSensitive)
}

// ToStr converts a value to a string with the invariant culture and $OFS.
func (rt *Runtime) ToStr(v any) string { return rt.toStr(v) }

// WriteToHost sends a value through the current command line's implicit
// Out-Default (Out-Default, Out-Host).
func (rt *Runtime) WriteToHost(v any) { rt.display.Write(v) }

// HostLine writes a line straight to the host.
func (rt *Runtime) HostLine(line string) { rt.display.HostLine(line) }

// HostText writes text to the host without a newline.
func (rt *Runtime) HostText(text string) { rt.display.HostText(text) }

// ShowError displays an error record as the host would.
func (rt *Runtime) ShowError(rec *object.ErrorRecord) { rt.display.ShowError(rec) }

// FormatRegistry returns the session's format views (what Out-File and a
// redirection to a file render with).
func (rt *Runtime) FormatRegistry() *format.Registry { return rt.Formats }

// Index applies the [] operator.
func (rt *Runtime) Index(target, idx any) (any, error) {
	return members.Index(rt.Members(), target, idx, syntax.Extent{})
}

// MethodCall invokes a method on a value.
func (rt *Runtime) MethodCall(target any, name string, args []any) (any, error) {
	v, err := members.Call(rt.Members(), target, name, args)
	if err != nil {
		return nil, rt.methodError(err, syntax.Extent{}, name, len(args))
	}
	return v, nil
}

// FunctionCommand returns the binder declaration of a script function, for
// Get-Command and Get-Help.
func (rt *Runtime) FunctionCommand(f *scriptcmd.Function) *command.Command {
	c := rt.scripts.Function(rt.binding(), f)
	if f.Module != nil {
		c.Module, c.Version = f.Module.Name, f.Module.Version
	}
	return c
}

// IsAdvancedFunction reports whether a script function is advanced: such
// a function takes the common parameters.
func (rt *Runtime) IsAdvancedFunction(f *scriptcmd.Function) bool {
	return rt.scripts.Advanced(rt.binding(), f)
}

// ConvertArgument converts a value to a declared parameter type with the
// binder's rules (used by completion and lint).
func (rt *Runtime) ConvertArgument(cmd *command.Command, p *params.Param, v any) (any, error) {
	return binder.Convert(rt.binding(), cmd, cmd.Name, p, v, syntax.Extent{})
}

// WriteScriptError writes an error record from Write-Error: inside a script
// function it is attributed to (and filtered by the -ErrorAction and
// -ErrorVariable of) that function, as PowerShell does. Inside a script
// file it takes the script's call site as its position (none for the
// script exosim runs) but keeps Write-Error as its reason, since a script
// is not a command PowerShell can look up by its file name.
//
// Its FullyQualifiedErrorId names the code that called Write-Error, not
// Write-Error: the function's name, the script file's name, and nothing
// for a script block or a command typed at the prompt.
func (rt *Runtime) WriteScriptError(ctx *command.Context, rec *object.ErrorRecord) error {
	pr := procOf(ctx)
	fp := pr.ScriptCaller()
	if rec.CommandSuffix == "" {
		switch {
		case fp != nil && fp.Fn != nil && fp.Cmd.Name != "":
			rec.CommandSuffix = fp.Cmd.Name
		case fp != nil && fp.IsScript() && fp.ScriptFile != "":
			rec.CommandSuffix = scriptName(fp.ScriptFile)
		default:
			rec.NoCommandSuffix = true
		}
	}
	if fp != nil && pr.ErrAction == "" && pr.ErrVar == "" {
		if fp.IsScript() && fp.Fn == nil {
			rec.Position = fp.Pos
			if rec.Position == nil {
				rec.Position = &object.Position{}
			}
			return ctx.WriteError(rec)
		}
		if fp.Cmd.Name != "" {
			rec.Reason = fp.Cmd.Name
			rec.CommandSuffix = fp.Cmd.Name
			rec.InvocationName = fp.InvName
		}
		if rec.Position == nil {
			rec.Position = fp.Pos
		}
		return fp.WriteErrorFrom(pr, rec)
	}
	return ctx.WriteError(rec)
}

// InvokeExpression parses text and runs it in the current scope
// (Invoke-Expression).
func (rt *Runtime) InvokeExpression(text string, out func(any) error) error {
	src := syntax.NewSource("", text)
	sb, perrs := parser.Parse(src)
	if perrs == nil {
		perrs = rt.prepareScript(sb, src)
	}
	if perrs != nil {
		return rt.parseErrorsAsError(perrs)
	}
	if err := rt.hoistTypes(sb); err != nil {
		return err
	}
	for _, b := range []*syntax.StatementBlock{sb.Begin, sb.Process, sb.End} {
		if err := rt.execBlock(b, out); err != nil {
			return err
		}
	}
	return nil
}

// EvalScriptBlockThis evaluates a script property's getter with $this bound.
func (rt *Runtime) EvalScriptBlockThis(sb *automation.ScriptBlock, this any) (any, error) {
	if sb == nil {
		return nil, nil
	}
	return rt.withThis(this, func() (any, error) { return rt.invokeScriptBlockValue(sb, nil, nil) })
}

// withThis runs f with $this set to this, then restores $this.
func (rt *Runtime) withThis(this any, f func() (any, error)) (any, error) {
	defer rt.scope.Save("this")()
	rt.scope.Set("this", this)
	return f()
}
