package core_test

import "testing"

// Runbooks often start by relaxing the execution policy. PowerShell off
// Windows has none: it reports Unrestricted and refuses to set one, and
// the script goes on.
func TestExecutionPolicy(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "unrestricted", script: `Get-ExecutionPolicy; Get-ExecutionPolicy -Scope CurrentUser; (Get-ExecutionPolicy).GetType().FullName`,
			out: lines("Unrestricted", "Unrestricted", "Microsoft.PowerShell.ExecutionPolicy")},
		{name: "every scope listed", script: `(Get-ExecutionPolicy -List | % { "$($_.Scope)=$($_.ExecutionPolicy)" }) -join ' '`,
			out: lines("MachinePolicy=Unrestricted UserPolicy=Unrestricted Process=Unrestricted CurrentUser=Unrestricted LocalMachine=Unrestricted")},
		{name: "list and scope", script: `Get-ExecutionPolicy -List -Scope Process`, err: "Cannot get execution policy. Specify only the List or Scope parameters."},
		{name: "set is not supported and the script goes on", script: `Set-ExecutionPolicy RemoteSigned; 'next'`,
			out: lines("next"), err: "Set-ExecutionPolicy: Operation is not supported on this platform."},
		{name: "set caught", script: `try { Set-ExecutionPolicy -ExecutionPolicy Bypass -Scope Process -Force } catch { $_.FullyQualifiedErrorId }`,
			out: lines("System.PlatformNotSupportedException,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand")},
		{name: "what if", script: `Set-ExecutionPolicy Bypass -WhatIf`, out: lines(`What if: Performing the operation "Set-ExecutionPolicy" on target "Bypass".`)},
		{name: "group policy scopes", script: `Set-ExecutionPolicy Bypass -Scope MachinePolicy`,
			err: "Cannot set execution policy. Execution policies at the MachinePolicy or UserPolicy scopes must be set through Group Policy."},
		// both parameters are .NET enums, so a bad value is a conversion
		// error naming the enumerators, not a ValidateSet failure
		{name: "unknown policy", script: `try { Set-ExecutionPolicy x } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }`,
			out: lines("CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand",
				`Cannot bind parameter 'ExecutionPolicy'. Cannot convert value "x" to type "Microsoft.PowerShell.ExecutionPolicy". Error: "Unable to match the identifier name x to a valid enumerator name. Specify one of the following enumerator names and try again:`,
				`Unrestricted, RemoteSigned, AllSigned, Restricted, Default, Bypass, Undefined"`)},
		{name: "unknown scope", script: `try { Get-ExecutionPolicy -Scope Nope } catch { $_.Exception.Message }`,
			out: lines(`Cannot bind parameter 'Scope'. Cannot convert value "Nope" to type "Microsoft.PowerShell.ExecutionPolicyScope". Error: "Unable to match the identifier name Nope to a valid enumerator name. Specify one of the following enumerator names and try again:`,
				`Process, CurrentUser, LocalMachine, UserPolicy, MachinePolicy"`)},
		{name: "ambiguous start", script: `try { Set-ExecutionPolicy Un } catch { $_.Exception.Message }`,
			out: lines(`Cannot bind parameter 'ExecutionPolicy'. Cannot convert value "Un" to type "Microsoft.PowerShell.ExecutionPolicy". Error: "The identifier name Un cannot be processed because it is either too similar or identical to the following enumerator names: Unrestricted, Undefined. Use a more specific identifier name."`)},
	})
}
