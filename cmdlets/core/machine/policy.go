package machine

import (
	"github.com/exosim/exosim/cmdlets/core/engine"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// Execution policies exist only on Windows. The simulated session reports
// the Unix platform ($PSVersionTable.Platform), where PowerShell enforces
// no policy: Get-ExecutionPolicy says Unrestricted for every scope and
// Set-ExecutionPolicy fails with PowerShell's own "not supported on this
// platform" error (runbooks that start with it go on to the next line).

// Both parameter types are .NET enums: a value that names none of their
// enumerators fails to convert, naming them all (in their declared
// order).
var (
	tExecutionPolicy = &params.Type{Kind: params.KindEnum, Name: "ExecutionPolicy", FullName: "Microsoft.PowerShell.ExecutionPolicy", DotNetEnum: true,
		Values: []string{"Unrestricted", "RemoteSigned", "AllSigned", "Restricted", "Default", "Bypass", "Undefined"}}
	tPolicyScope = &params.Type{Kind: params.KindEnum, Name: "ExecutionPolicyScope", FullName: "Microsoft.PowerShell.ExecutionPolicyScope", DotNetEnum: true,
		Values: []string{"Process", "CurrentUser", "LocalMachine", "UserPolicy", "MachinePolicy"}}
)

func policyCommands() []*command.Command {
	return []*command.Command{getExecutionPolicy(), setExecutionPolicy()}
}

func policyValue(name string) object.Enum {
	for i, v := range tExecutionPolicy.Values {
		if strings.EqualFold(v, name) {
			return object.Enum{Type: tExecutionPolicy.FullName, Name: v, Value: i}
		}
	}
	return object.Enum{Type: tExecutionPolicy.FullName, Name: name}
}

func getExecutionPolicy() *command.Command {
	c := engine.Cmdlet("Get-ExecutionPolicy", engine.ModSecurity, "GetExecutionPolicyCommand")
	c.Synopsis = "Shows the execution policy: Unrestricted, as PowerShell reports it off Windows."
	c.Params = []*params.Param{
		params.P("Scope", tPolicyScope, params.Position(0), params.FromPipelineByName()),
		params.P("List", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.Switch("List") && ctx.Has("Scope") {
			return ctx.Fail(ctx.NewError("Cannot get execution policy. Specify only the List or Scope parameters.",
				"ListAndScopeSpecified", object.InvalidOperation, "InvalidOperationException", nil))
		}
		if !ctx.Switch("List") {
			return ctx.WriteObject(policyValue("Unrestricted"))
		}
		for _, scope := range []string{"MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"} {
			o := object.NewCustomObject()
			o.Add("Scope", object.Enum{Type: tPolicyScope.FullName, Name: scope, Value: indexOf(tPolicyScope.Values, scope)})
			o.Add("ExecutionPolicy", policyValue("Unrestricted"))
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func setExecutionPolicy() *command.Command {
	c := engine.Cmdlet("Set-ExecutionPolicy", engine.ModSecurity, "SetExecutionPolicyCommand")
	c.Synopsis = "Would change the execution policy: off Windows PowerShell does not support it and says so."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactMedium
	c.Params = []*params.Param{
		params.P("ExecutionPolicy", tExecutionPolicy, params.Mandatory(), params.Position(0), params.FromPipelineByName()),
		params.P("Scope", tPolicyScope, params.Position(1), params.FromPipelineByName()),
		params.P("Force", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		scope := strings.ToLower(object.ToInvariantString(object.Unwrap(ctx.Value("Scope"))))
		if scope == "userpolicy" || scope == "machinepolicy" {
			return ctx.Fail(ctx.NewError("Cannot set execution policy. Execution policies at the MachinePolicy or UserPolicy scopes must be set through Group Policy.",
				"CantSetGroupPolicy", object.InvalidOperation, "InvalidOperationException", nil))
		}
		policy := object.ToInvariantString(object.Unwrap(ctx.Value("ExecutionPolicy")))
		ok, err := ctx.ShouldProcess(policy, "Set-ExecutionPolicy")
		if err != nil || !ok {
			return err
		}
		rec := ctx.NewError("Operation is not supported on this platform.", "System.PlatformNotSupportedException", object.NotSpecified, "PlatformNotSupportedException", nil)
		rec.ExceptionFullType = "System.PlatformNotSupportedException"
		return ctx.Fail(rec)
	}
	return c
}
