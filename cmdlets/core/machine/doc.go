// Package machine declares the cmdlets that read or set the simulated
// machine itself rather than the session: its time zone (Get-TimeZone,
// UTC), its culture (Get-Culture, Get-UICulture, en-US), its execution
// policy (Get-/Set-ExecutionPolicy, which Unix does not enforce), the
// .NET assemblies it has (Add-Type -AssemblyName) and its network
// (Invoke-RestMethod, Invoke-WebRequest: there is none).
package machine

import "github.com/exosim/exosim/shell/command"

// Cmdlets declares the machine's cmdlets by name, in groups each built
// the first time a session resolves one of its names.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-TimeZone"}, Build: timeZoneCommands},
	{Names: []string{"Get-Culture", "Get-UICulture"}, Build: cultureCommands},
	{Names: []string{"Add-Type"}, Build: addTypeCommands},
	{Names: []string{"Get-ExecutionPolicy", "Set-ExecutionPolicy"}, Build: policyCommands},
	{Names: []string{"Invoke-RestMethod", "Invoke-WebRequest"}, Build: webCommands},
}}
